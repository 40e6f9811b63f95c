"""tallies: counted tables, built a chunk at a time, give what the whole token table gives.

Every check compares with the token table of the whole corpus (:func:`textkit.tokens.table`),
counted by an independent route (``collections.Counter``) or fed to the same analysis. The
chunks are made small (5,000 characters: the Wikinews corpus falls into about 190 of them), so
every merge across chunks is exercised; one test also checks that the chunk size changes
nothing.
"""

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT, SEED
from textkit import clean, dispersion, files, frequency, groups, keyness, tallies, tokens
from textkit.errors import ParameterError

STOP = frozenset({"the", "a", "of", "to", "and", "in", "'s", "said"})
FILTERS = dict(stopwords=STOP, min_length=2, numbers=False)


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    """The 295 Wikinews articles and the seed, cleaned, grouped by year."""
    corpus = pd.concat([files.read_corpus(str(SEED)),
                        files.read_corpus(str(ROOT / "seeds" / "wikinews" / "*.csv"))],
                       ignore_index=True)
    return clean.corpus(groups.assign(corpus, "date:year"))


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(tallies, "CHUNK_CHARACTERS", 5_000)


def test_chunks_cover_the_corpus_once_in_order(news):
    parts = list(tallies.chunks(news))
    assert len(parts) > 100
    assert pd.concat(parts)["doc_id"].tolist() == news["doc_id"].tolist()
    # Each chunk but the last reaches the size with its last document, not before.
    for part in parts[:-1]:
        lengths = part["text"].str.len()
        assert lengths.sum() >= 5_000 and lengths.iloc[:-1].sum() < 5_000


def test_counted_rows_are_the_token_tables_pairs(news):
    whole = tokens.table(news, **FILTERS)
    expected = Counter(zip(whole["doc_id"], whole["token"]))
    found = tallies.counted(news, **FILTERS)
    assert list(found.columns) == list(tallies.COUNTED_COLUMNS)
    assert dict(zip(zip(found["doc_id"], found["token"]), found["count"])) == expected
    assert len(found) == len(expected)  # one row per pair
    # Documents in corpus order, terms in order of first appearance in each.
    first = whole.drop_duplicates(["doc_id", "token"])
    assert found["doc_id"].tolist() == first["doc_id"].tolist()
    assert found["token"].tolist() == first["token"].tolist()


@pytest.mark.parametrize("options", [
    dict(normalise="stem", stopwords=STOP),  # several words, one stem: their counts merge
    dict(punctuation=True, lowercase=False),
    dict(min_length=4, numbers=False, normalise="lemma"),
])
def test_counted_words_equal_the_token_tables_pairs_with_any_option(news, options):
    whole = tokens.table(news, **options)
    first = whole.drop_duplicates(["doc_id", "token"])
    found = tallies.counted(news, **options)
    assert found["doc_id"].tolist() == first["doc_id"].tolist()
    assert found["token"].tolist() == first["token"].tolist()
    expected = Counter(zip(whole["doc_id"], whole["token"]))
    assert found["count"].tolist() == [expected[pair] for pair in zip(found["doc_id"], found["token"])]


def test_chunk_size_changes_nothing(news, monkeypatch):
    small = tallies.counted(news, **FILTERS)
    monkeypatch.setattr(tallies, "CHUNK_CHARACTERS", 10**9)
    pd.testing.assert_frame_equal(tallies.counted(news, **FILTERS), small)


def test_counting_functions_read_the_count_column(news):
    whole = tokens.table(news, **FILTERS)
    counted = tallies.counted(news, **FILTERS)
    pd.testing.assert_frame_equal(frequency.table(counted), frequency.table(whole))
    by_year = frequency.table(groups.attach(counted, news), by="doc_group", min_count=2)
    pd.testing.assert_frame_equal(
        by_year, frequency.table(groups.attach(whole, news), by="doc_group", min_count=2))
    pd.testing.assert_frame_equal(frequency.summary(t=counted), frequency.summary(t=whole))
    pd.testing.assert_frame_equal(frequency.per_document(counted), frequency.per_document(whole))
    assert frequency.top_word(counted) == frequency.top_word(whole) == "that"  # STOP is short
    pd.testing.assert_series_equal(dispersion.part_sizes(counted), dispersion.part_sizes(whole))
    sizes = dispersion.part_sizes(tokens.table(news))
    pd.testing.assert_frame_equal(dispersion.table(counted, sizes=sizes),
                                  dispersion.table(whole, sizes=sizes))
    pd.testing.assert_frame_equal(dispersion.table(counted, terms=["people", "police"]),
                                  dispersion.table(whole, terms=["people", "police"]))
    pd.testing.assert_frame_equal(keyness.counts(counted), keyness.counts(whole))
    attached = groups.attach(counted, news)
    pd.testing.assert_frame_equal(
        keyness.compare(attached, by="doc_group", min_count=3),
        keyness.compare(groups.attach(whole, news), by="doc_group", min_count=3))


def test_counts_by_hand():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["War, war and aid.", "Aid came. War!"]})
    counted = tallies.counted(docs)
    assert counted.values.tolist() == [["a", "war", 2], ["a", "and", 1], ["a", "aid", 1],
                                       ["b", "aid", 1], ["b", "came", 1], ["b", "war", 1]]
    table = frequency.table(counted)
    assert table[["term", "count", "documents"]].values.tolist()[:2] == [["war", 3, 2],
                                                                       ["aid", 2, 2]]
    assert table["per_1000"].iloc[0] == 428.571429  # 3 of 7 words, x 1,000
    assert tallies.sizes(docs).to_dict() == {"a": 4, "b": 3}


def test_ngrams_merge_across_chunks(news):
    whole = tokens.table(news)
    for n, min_count in ((2, 1), (3, 2)):
        expected = frequency.ngrams(whole, n=n, stopwords=STOP, min_count=min_count)
        found = tallies.ngrams(news, n=n, stopwords=STOP, min_count=min_count)
        pd.testing.assert_frame_equal(found, expected)
    # Counted by hand: "united states" in every document, as Counter sees the word pairs.
    pairs = Counter()
    for _, doc in whole.groupby("doc_id", sort=False):
        words = doc["token"].tolist()
        same = (doc["sentence"].to_numpy()[1:] == doc["sentence"].to_numpy()[:-1])
        pairs.update(f"{a} {b}" for a, b, s in zip(words, words[1:], same) if s)
    found = tallies.ngrams(news, n=2).set_index("ngram")["count"]
    assert found["united states"] == pairs["united states"] > 50


def test_positions_across_chunks(news):
    whole = tokens.table(news, **FILTERS)
    chosen = ["people", "police", "government"]
    expected = dispersion.positions(whole, chosen)
    pd.testing.assert_frame_equal(tallies.positions(news, chosen, **FILTERS), expected)
    assert len(expected) > 300
    # A document without a word in the middle takes no part number; one not found is missing.
    docs = pd.concat([news.iloc[:3], pd.DataFrame({"doc_id": ["empty"], "text": ["— . !"]}),
                      news.iloc[3:]], ignore_index=True)
    found = tallies.positions(docs, chosen, **FILTERS)
    pd.testing.assert_frame_equal(found, dispersion.positions(tokens.table(docs, **FILTERS), chosen))
    pd.testing.assert_frame_equal(found, expected)


def test_sizes_are_the_part_sizes(news):
    docs = pd.concat([news, pd.DataFrame({"doc_id": ["empty"], "text": ["— . !"]})],
                     ignore_index=True)
    sizes = tallies.sizes(docs)
    pd.testing.assert_series_equal(sizes, dispersion.part_sizes(tokens.table(docs)))
    assert "empty" not in sizes.index


def test_positions_refuse_a_counted_table(news):
    with pytest.raises(ParameterError, match="counted table.*tallies.positions"):
        dispersion.positions(tallies.counted(news.head(3)), ["people"])


def test_empty_corpus():
    docs = pd.DataFrame({"doc_id": pd.Series(dtype=object), "text": pd.Series(dtype=object)})
    counted = tallies.counted(docs)
    assert list(counted.columns) == list(tallies.COUNTED_COLUMNS) and counted.empty
    assert tallies.ngrams(docs).empty
    assert np.array_equal(tallies.sizes(docs).to_numpy(), [])


def test_a_run_counts_the_same_terms_once(news, tmp_path, monkeypatch):
    """Notebooks 01 and 04 ask for the same counts in other words; the second reads the first's."""
    expected = tallies.counted(news, lowercase=True, stopwords=STOP)
    monkeypatch.setenv("TEXTKIT_CACHE", str(tmp_path))
    first = tallies.counted(news, lowercase=True, stopwords=STOP, min_length=1, numbers=True,
                            normalise="none", language="en")  # the defaults, spelt out
    monkeypatch.setattr(tallies, "_counted", lambda *args: pytest.fail("counted again"))
    again = tallies.counted(news, stopwords=frozenset(sorted(STOP)))
    pd.testing.assert_frame_equal(first, expected)
    pd.testing.assert_frame_equal(again, expected)
    with pytest.raises(pytest.fail.Exception, match="counted again"):  # other options
        tallies.counted(news, stopwords=STOP, min_length=2)


def test_ngram_parameters_are_checked_before_any_work(news):
    with pytest.raises(ParameterError, match="parameter n must be"):
        tallies.ngrams(news.head(0), n=9)
    with pytest.raises(ParameterError, match="min_count"):
        tallies.ngrams(news, min_count=0)
