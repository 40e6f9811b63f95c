"""Word-frequency tables, checked against counts made by hand.

The tiny fixture corpus (tests/fixtures/tiny) has two documents; after cleaning they read

    a_talks.txt      "Kyiv talks" / "The US and NATO met in Kyiv. The talks went on."
    more/b_aid.txt   "The US sent aid to Kyiv." / "Kyiv said thanks to all of us."

(the headline suffix, the dateline "KYIV, Ukraine (AP) —" and the copyright line are removed).
With the default stopwords (the, and, in, on, to, all, of are stopwords; "us" is not) the kept
terms are a: kyiv talks US NATO met kyiv talks went; b: US sent aid kyiv kyiv said thanks us.
"""

from pathlib import Path

import pandas as pd
import pytest

from textkit import clean, files, frequency, stopwords, tokens
from textkit.errors import ParameterError


@pytest.fixture
def tiny_terms(tiny_path):
    docs = clean.corpus(files.read_corpus(tiny_path))
    return tokens.table(docs, stopwords=stopwords.load())


@pytest.fixture
def seed_table(seed_path):
    docs = clean.corpus(files.read_corpus(seed_path))
    return frequency.table(tokens.table(docs, stopwords=stopwords.load()))


def test_tiny_term_table_matches_hand_count(tiny_terms):
    table = frequency.table(tiny_terms)
    assert list(table.columns) == ["rank", "term", "count", "per_1000", "documents"]
    assert table.head(3).to_dict("records") == [
        {"rank": 1, "term": "kyiv", "count": 4, "per_1000": 250.0, "documents": 2},
        {"rank": 2, "term": "US", "count": 2, "per_1000": 125.0, "documents": 2},
        {"rank": 2, "term": "talks", "count": 2, "per_1000": 125.0, "documents": 1},
    ]
    # count-1 terms tie; code-point order puts capitals first
    assert table["term"].tolist()[3:] == ["NATO", "aid", "met", "said", "sent", "thanks", "us", "went"]
    assert table["rank"].tolist()[3:] == [4] * 8
    assert table["count"].sum() == len(tiny_terms) == 16


def test_min_count_drops_rare_terms_but_keeps_the_denominator(tiny_terms):
    table = frequency.table(tiny_terms, min_count=2)
    assert table["term"].tolist() == ["kyiv", "US", "talks"]
    assert table["per_1000"].tolist() == [250.0, 125.0, 125.0]


def test_summary_before_and_after_filtering(tiny_path, tiny_terms):
    docs = clean.corpus(files.read_corpus(tiny_path))
    words = tokens.table(docs)
    result = frequency.summary(words=words, terms=tiny_terms)
    assert result.to_dict("records") == [
        {"stage": "words", "documents": 2, "tokens": 26, "types": 18,
         "type_token_ratio": 0.692308, "hapaxes": 13, "hapax_share": 0.722222},
        {"stage": "terms", "documents": 2, "tokens": 16, "types": 11,
         "type_token_ratio": 0.6875, "hapaxes": 8, "hapax_share": 0.727273},
    ]


def test_per_document(tiny_terms):
    result = frequency.per_document(tiny_terms)
    assert result.to_dict("records") == [
        {"doc_id": "a_talks.txt", "tokens": 8, "types": 6, "type_token_ratio": 0.75,
         "hapaxes": 4, "hapax_share": 0.666667, "top_terms": "kyiv, talks, NATO, US, met"},
        {"doc_id": "more/b_aid.txt", "tokens": 8, "types": 7, "type_token_ratio": 0.875,
         "hapaxes": 6, "hapax_share": 0.857143, "top_terms": "kyiv, US, aid, said, sent"},
    ]


def test_order_of_input_does_not_change_the_table(tiny_terms):
    shuffled = tiny_terms.sample(frac=1, random_state=7).reset_index(drop=True)
    pd.testing.assert_frame_equal(frequency.table(shuffled), frequency.table(tiny_terms))


def test_empty_token_table():
    empty = pd.DataFrame({"doc_id": pd.Series([], dtype=object), "token": pd.Series([], dtype=object)})
    assert frequency.table(empty).empty
    assert frequency.summary(terms=empty).loc[0, "tokens"] == 0


# --- The seed article (counts checked by reading it; grep gives the same numbers) -------------


@pytest.mark.parametrize(
    ("term", "count"),
    [
        ("US", 9),        # the country: headline + 8 in the body
        ("us", 1),        # the pronoun, "all of us": never merged with US
        ("moscow", 5),    # body only: the dateline "MOSCOW —" is furniture
        ("russia", 14),   # includes the 5 "Russia's", split into russia + 's
        ("ukraine", 11),
        ("NATO", 5),
        ("kremlin", 3),   # "Kremlin's ultimatum" included
        ("de-escalation", 2),
        ("100,000", 2),
        ("8,500", 1),
        ("thomas-greenfield", 1),
        ("psaki", 2),     # "Jen Psaki" and the misspelt "PSAki"
    ],
)
def test_seed_counts(seed_table, term, count):
    assert seed_table.set_index("term").loc[term, "count"] == count


@pytest.mark.parametrize("gone", ["reserved", "redistributed", "elwood", "christi", "copyright", "news"])
def test_seed_has_no_furniture_words(seed_table, gone):
    assert gone not in set(seed_table["term"].str.lower())


def test_seed_terms_have_no_curly_apostrophes_or_possessives(seed_table):
    assert not seed_table["term"].str.contains("[’‘“”]").any()
    assert not seed_table["term"].str.endswith("'s").any()


@pytest.mark.parametrize(
    "tokens, expected",
    [
        # ties go to code-point order: the seed's "russia" and "said" (14 each; "said" is generic)
        (["russia", "said", "said", "russia"], "russia"),
        # stopwords, generic words (reporting and modal verbs), short words, numbers and
        # words in capitals (acronyms, interview labels such as "WN") are never the top word
        (["the", "the", "said", "said", "will", "WN", "WN", "US", "US", "12", "12", "ok", "ok", "talks"], "talks"),
        (["the", "12"], ""),
        ([], ""),
    ],
)
def test_top_word(tokens, expected):
    assert frequency.top_word(tokens, stopwords=stopwords.load()) == expected


def test_top_word_of_the_seed_and_wikinews(seed_path):
    from textkit import collocations

    seed = clean.corpus(files.read_corpus(seed_path))
    assert frequency.top_word(collocations.sequence(seed), stopwords=stopwords.load()) == "russia"
    table = tokens.table(seed, stopwords=stopwords.load())
    assert frequency.top_word(table, stopwords=stopwords.load()) == "russia"
    wikinews = clean.corpus(files.read_corpus(str(seed_path.parent / "wikinews" / "*.csv")))
    assert frequency.top_word(collocations.sequence(wikinews), stopwords=stopwords.load()) == "people"


# --- n-grams and document frequency on two tiny documents (counted by hand) -------------------
#
# TWO after folding, sentence by sentence (17 word tokens):
#   d1  [the US army left] [the US army came back]
#   d2  [US army trucks] [army trucks left the US]
# "left the" occurs once inside a sentence (d2); d1's "left. The" crosses a sentence end, as do
# d2's "trucks. Army" and "back" (end of d1) + "US" (start of d2): none of those are n-grams.

TWO = pd.DataFrame({
    "doc_id": ["d1", "d2"],
    "text": ["The US army left. The US army came back.", "US army trucks. Army trucks left the US."],
})


@pytest.fixture
def two():
    return tokens.table(TWO)


def test_token_table_records_sentence_and_position(two):
    assert list(two.columns) == ["doc_id", "token", "sentence", "position"]
    assert two["sentence"].tolist() == [1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2]
    assert two["position"].tolist() == [*range(1, 10), *range(1, 9)]
    filtered = tokens.table(TWO, stopwords={"the"})
    assert filtered["position"].tolist()[:4] == [2, 3, 4, 6]  # the gaps are the dropped "the"s


def test_bigrams_by_hand(two):
    table = frequency.ngrams(two, n=2)
    assert list(table.columns) == ["rank", "ngram", "count", "per_1000", "documents"]
    assert table.to_dict("records") == [
        {"rank": 1, "ngram": "US army", "count": 3, "per_1000": 176.470588, "documents": 2},
        {"rank": 1, "ngram": "the US", "count": 3, "per_1000": 176.470588, "documents": 2},
        {"rank": 3, "ngram": "army trucks", "count": 2, "per_1000": 117.647059, "documents": 1},
        {"rank": 4, "ngram": "army came", "count": 1, "per_1000": 58.823529, "documents": 1},
        {"rank": 4, "ngram": "army left", "count": 1, "per_1000": 58.823529, "documents": 1},
        {"rank": 4, "ngram": "came back", "count": 1, "per_1000": 58.823529, "documents": 1},
        {"rank": 4, "ngram": "left the", "count": 1, "per_1000": 58.823529, "documents": 1},
        {"rank": 4, "ngram": "trucks left", "count": 1, "per_1000": 58.823529, "documents": 1},
    ]


def test_unranked_bigrams_come_in_order_of_first_appearance(two):
    table = frequency.ngrams(two, n=2, min_count=2, ranked=False)
    assert table.to_dict("records") == [  # "the US" first seen before "US army"
        {"ngram": "the US", "count": 3, "per_1000": 176.470588, "documents": 2},
        {"ngram": "US army", "count": 3, "per_1000": 176.470588, "documents": 2},
        {"ngram": "army trucks", "count": 2, "per_1000": 117.647059, "documents": 1},
    ]


def test_ngrams_never_cross_sentences_or_documents(two):
    table = frequency.ngrams(two, n=2)
    assert not set(table["ngram"]) & {"back US", "trucks army", "left US"}
    # bigram positions inside the four sentences: 3 + 4 + 2 + 4 = 13
    assert table["count"].sum() == 13
    # d2 only: d1's "left. The" crosses a sentence end
    assert table.set_index("ngram").loc["left the", "documents"] == 1


def test_trigrams_and_four_grams_by_hand(two):
    trigrams = frequency.ngrams(two, n=3)
    assert trigrams.iloc[0].to_dict() == {
        "rank": 1, "ngram": "the US army", "count": 2, "per_1000": 117.647059, "documents": 1}
    assert sorted(trigrams["ngram"][1:]) == sorted([
        "US army left", "US army came", "army came back", "US army trucks",
        "army trucks left", "trucks left the", "left the US"])
    four = frequency.ngrams(two, n=4)
    assert sorted(four["ngram"]) == sorted([
        "the US army left", "the US army came", "US army came back",
        "army trucks left the", "trucks left the US"])
    assert four["count"].tolist() == [1] * 5


def test_unigrams_match_the_term_table(two):
    words = frequency.ngrams(two, n=1).rename(columns={"ngram": "term"})
    pd.testing.assert_frame_equal(words, frequency.table(two))


def test_ngram_stopwords_leave_out_ngrams_starting_or_ending_with_one(two):
    table = frequency.ngrams(two, n=3, stopwords={"the"})
    assert "the US army" not in set(table["ngram"]) and "trucks left the" not in set(table["ngram"])
    assert "left the US" in set(table["ngram"])  # a stopword inside is allowed
    # per_1000 still counts every token of the table
    assert table.set_index("ngram").loc["left the US", "per_1000"] == 58.823529


def test_ngrams_skip_tokens_the_table_dropped():
    table = tokens.table(TWO, stopwords={"the"})
    grams = set(frequency.ngrams(table, n=2)["ngram"])
    assert "left US" not in grams  # "left the US" with "the" dropped is no bigram
    assert {"US army", "army trucks"} <= grams


def test_min_count_and_order_of_rows(two):
    frequent = frequency.ngrams(two, n=2, min_count=2)
    assert frequent["ngram"].tolist() == ["US army", "the US", "army trucks"]
    shuffled = two.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(frequency.ngrams(shuffled, n=3), frequency.ngrams(two, n=3))


@pytest.mark.parametrize("n", [0, 5, 2.0, True])
def test_ngram_size_is_checked(two, n):
    with pytest.raises(ParameterError, match=r"parameter n must be a whole number from 1 to 4"):
        frequency.ngrams(two, n=n)


def test_ngrams_need_sentence_and_position(two):
    with pytest.raises(ParameterError, match=r"no column 'sentence'.*tokens\.table"):
        frequency.ngrams(two[["doc_id", "token"]])
    with pytest.raises(ParameterError, match=r"no column 'side'"):
        frequency.ngrams(two, by="side")
    with pytest.raises(ParameterError, match=r"min_count"):
        frequency.table(two, min_count=0)


# --- by=: counts per group, merged from per-document counts --------------------------------


THREE = pd.DataFrame({
    "doc_id": ["d1", "d2", "d3"],
    "text": ["The US army left. The US army came back.", "US army trucks. Army trucks left the US.",
             "The army left Kyiv."],
})
SIDES = {"d1": "x", "d2": "y", "d3": "x"}


@pytest.fixture
def three():
    table = tokens.table(THREE)
    return table.assign(group=table["doc_id"].map(SIDES))


def test_table_by_group_by_hand(three):
    table = frequency.table(three, by="group")
    assert list(table.columns) == ["group", "term", "count", "per_1000", "documents"]
    # group x = d1 (9 tokens) + d3 (4 tokens) = 13 tokens; group y = d2, 8 tokens
    x = table[table["group"] == "x"].set_index("term")
    three_of_13 = {"group": "x", "count": 3, "per_1000": 230.769231, "documents": 2}
    assert x.loc["army"].to_dict() == x.loc["the"].to_dict() == three_of_13
    assert x.loc["kyiv", "documents"] == 1
    y = table[table["group"] == "y"].set_index("term")
    assert y.loc["US"].to_dict() == {"group": "y", "count": 2, "per_1000": 250.0, "documents": 1}
    # sorted by group, then count descending, then term
    assert table["group"].tolist() == ["x"] * 7 + ["y"] * 5
    assert table["term"].tolist()[:3] == ["army", "the", "US"]


@pytest.mark.parametrize("n", [None, 1, 2, 3, 4])
def test_group_sums_equal_corpus_totals(three, n):
    if n is None:
        corpus, groups, key = frequency.table(three), frequency.table(three, by="group"), "term"
    else:
        corpus, key = frequency.ngrams(three, n=n), "ngram"
        groups = frequency.ngrams(three, n=n, by="group")
    summed = groups.groupby(key)[["count", "documents"]].sum()
    expected = corpus.set_index(key)[["count", "documents"]]
    assert summed.to_dict("index") == expected.to_dict("index")
    # and a per-document count, summed, is the corpus count too
    per_doc = (frequency.table(three, by="doc_id") if n is None
               else frequency.ngrams(three, n=n, by="doc_id"))
    assert per_doc["count"].sum() == corpus["count"].sum()
    assert (per_doc["documents"] == 1).all()


def test_per_1000_is_per_group_size(three):
    table = frequency.ngrams(three, n=2, by="group")
    row = table[(table["group"] == "x") & (table["ngram"] == "army left")].iloc[0]
    assert row["count"] == 2 and row["documents"] == 2
    assert row["per_1000"] == round(2 / 13 * 1000, 6)  # group x has 13 tokens


def test_rows_without_a_group_are_counted_as_their_own_group(three):
    table = three.assign(group=three["group"].where(three["doc_id"] != "d3"))
    result = frequency.table(table, by="group")
    assert result["count"].sum() == len(table)
    assert result["group"].isna().sum() == 4  # the four words of d3, last
    assert result["group"].iloc[-4:].isna().all()


def test_numeric_groups_keep_their_type(three):
    years = three["doc_id"].map({"d1": 2020, "d2": 2021, "d3": 2020})
    result = frequency.table(three.assign(year=years), by="year")
    assert list(result.columns) == ["year", "term", "count", "per_1000", "documents"]
    assert result["year"].tolist()[0] == 2020 and result["year"].dtype == "int64"


def test_by_doc_group_follows_the_group_order_of_textkit_groups(three):
    # The group column of textkit.groups is doc_group; bracketed labels such as (missing) last.
    labels = {"d1": "(missing)", "d2": "2021", "d3": "2020"}
    result = frequency.table(three.assign(doc_group=three["doc_id"].map(labels)), by="doc_group")
    assert list(result.columns) == ["doc_group", "term", "count", "per_1000", "documents"]
    assert list(dict.fromkeys(result["doc_group"])) == ["2020", "2021", "(missing)"]
    with pytest.raises(ParameterError, match=r"by='count' names a column of the result"):
        frequency.table(three.assign(count=1), by="count")


def test_groups_of_documents_without_ngrams_stay_apart():
    # Only d3 (group y) and d6 (group x) have a bigram: (group, document) keys must not collide.
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(7)],
                         "text": ["Kyiv."] * 3 + ["US army."] + ["Kyiv."] * 2 + ["Red cross."]})
    table = tokens.table(docs)
    table["group"] = ["y" if d == "d3" else "x" for d in table["doc_id"]]
    result = frequency.ngrams(table, n=2, by="group")
    assert result[["group", "ngram", "count"]].values.tolist() == [
        ["x", "red cross", 1], ["y", "US army", 1]]
    assert result["per_1000"].tolist() == [round(1 / 7 * 1000, 6), 500.0]  # x: 7 tokens, y: 2


def test_min_count_applies_within_the_group(three):
    result = frequency.table(three, by="group", min_count=3)
    assert result[["group", "term", "count"]].values.tolist() == [
        ["x", "army", 3], ["x", "the", 3]]


def test_per_document_on_wikinews_against_counters():
    """Each document's row, counted the plain way: a Counter per document."""
    from collections import Counter

    docs = clean.corpus(files.read_corpus(str(Path(__file__).parent.parent / "seeds" / "wikinews" / "*.csv")))
    table = tokens.table(docs, stopwords=stopwords.load("default"))
    result = frequency.per_document(table, top_n=4).set_index("doc_id")
    assert list(result.index) == sorted(set(table["doc_id"]))
    for doc_id, group in table.groupby("doc_id"):
        counts = Counter(group["token"])
        row = result.loc[doc_id]
        assert row["tokens"] == sum(counts.values()) and row["types"] == len(counts)
        assert row["hapaxes"] == sum(1 for c in counts.values() if c == 1)
        assert row["type_token_ratio"] == round(len(counts) / sum(counts.values()), 6)
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:4]
        assert row["top_terms"] == ", ".join(term for term, _ in top)
