"""Collocation tables: boundaries, cells, ranking, NLTK agreement, collocates, KWIC, public names."""

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from textkit import association, clean, collocations, counting, files, stopwords, teaching
from textkit.collocations import BREAK
from textkit.errors import ParameterError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap_2022-01-27_russia_ukraine.txt"


@pytest.fixture(scope="module")
def seed_docs():
    return clean.corpus(files.read_corpus(SEED))


@pytest.fixture(scope="module")
def seed_tokens(seed_docs):
    return collocations.sequence(seed_docs)


def _sentences(tokens):
    """Split a sequence at BREAK into sentences (lists of tokens)."""
    out, current = [], []
    for t in tokens:
        if t == BREAK:
            out.append(current)
            current = []
        else:
            current.append(t)
    return out


# --------------------------------------------------------------------------------------------
# Public names and boundaries (the sequence itself: tests/test_counting.py)
# --------------------------------------------------------------------------------------------


def test_every_public_name_stays_importable_from_collocations():
    assert collocations.sequence is counting.sequence and collocations.BREAK is counting.BREAK
    assert collocations.CELLS is counting.CELLS
    assert (collocations.choose, collocations.contingency, collocations.explain) == (
        teaching.choose, teaching.contingency, teaching.explain
    )
    for name in ("ngrams", "collocates", "concordance", "RULES", "NGRAM_COLUMNS",
                 "COLLOCATE_COLUMNS", "CONCORDANCE_COLUMNS", "MEASURE_COLUMNS", "MAX_WINDOW",
                 "NGRAM_SIZES"):
        assert hasattr(collocations, name), name


def test_ngrams_never_cross_a_sentence_or_document_boundary():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Xa ya. Za wa.", "Qa ra"]})
    tokens = collocations.sequence(docs)
    table = collocations.ngrams(tokens, min_count=1)
    assert sorted(table["collocation"]) == ["qa ra", "xa ya", "za wa"]
    assert set(table["o11"] + table["o12"] + table["o21"] + table["o22"]) == {3}  # N = 3 positions
    assert collocations.ngrams(tokens, n=3, min_count=1).empty


# --------------------------------------------------------------------------------------------
# The n-gram table
# --------------------------------------------------------------------------------------------


def test_every_row_carries_a_consistent_table(seed_tokens):
    for n in (2, 3):
        table = collocations.ngrams(seed_tokens, n=n, min_count=1)
        assert list(table.columns) == list(collocations.NGRAM_COLUMNS)
        cells = table[["o11", "o12", "o21", "o22"]]
        assert (cells >= 0).all().all()
        total = cells.sum(axis=1)
        assert total.nunique() == 1  # N: the number of n-gram positions
        sentences = _sentences(seed_tokens)
        assert total.iloc[0] == sum(max(0, len(s) - n + 1) for s in sentences)
        assert (table["count"] == table["o11"]).all()
        r1, c1 = table["o11"] + table["o12"], table["o11"] + table["o21"]
        assert np.allclose(table["e11"], (r1 * c1 / total).round(6))
        for measure in collocations.MEASURE_COLUMNS:
            expected = association.MEASURES[measure](table["o11"], table["o12"], table["o21"], table["o22"])
            assert np.array_equal(table[measure].to_numpy(), np.round(expected, 6)), measure
        assert np.isfinite(table[list(collocations.MEASURE_COLUMNS)].to_numpy()).all()


def test_bigram_cells_count_bigram_positions(seed_tokens):
    sentences = _sentences(seed_tokens)
    pairs = Counter((a, b) for s in sentences for a, b in zip(s, s[1:]))
    firsts = Counter(a for a, _ in pairs.elements())
    seconds = Counter(b for _, b in pairs.elements())
    total = sum(pairs.values())
    table = collocations.ngrams(seed_tokens, min_count=1).set_index("collocation")
    assert len(table) == len(pairs)
    for (a, b), count in pairs.items():
        row = table.loc[f"{a} {b}"]
        assert (row.o11, row.o12, row.o21, row.o22) == (
            count, firsts[a] - count, seconds[b] - count, total - firsts[a] - seconds[b] + count
        )


def test_united_states_on_the_seed(seed_tokens):
    # Counted by hand in the cleaned seed: "United States" 8 times, "United Nations" once, no
    # other word before "States"; 987 bigram positions.
    row = collocations.ngrams(seed_tokens, min_count=1).set_index("collocation").loc["united states"]
    assert (row["count"], row.o11, row.o12, row.o21, row.o22) == (8, 8, 1, 0, 978)
    assert row.e11 == round(9 * 8 / 987, 6)
    assert row.pmi == round(float(np.log2(8 / (9 * 8 / 987))), 6)


def test_trigram_table_is_first_two_words_against_the_last(seed_tokens):
    sentences = _sentences(seed_tokens)
    grams = Counter(tuple(s[i : i + 3]) for s in sentences for i in range(len(s) - 2))
    total = sum(grams.values())
    heads = Counter(g[:2] for g in grams.elements())
    tails = Counter(g[2] for g in grams.elements())
    table = collocations.ngrams(seed_tokens, n=3, min_count=1).set_index("collocation")
    row = table.loc["president joe biden"]
    o11 = grams[("president", "joe", "biden")]
    assert o11 == 2
    assert (row.o11, row.o12, row.o21, row.o22) == (
        o11, heads[("president", "joe")] - o11, tails["biden"] - o11,
        total - heads[("president", "joe")] - tails["biden"] + o11,
    )


def test_rows_are_ranked_by_rounded_score_then_collocation(seed_tokens):
    for measure in association.MEASURES:
        table = collocations.ngrams(seed_tokens, measure=measure, min_count=1)
        column = "count" if measure == "frequency" else measure
        expected = table.sort_values([column, "collocation"], ascending=[False, True], kind="stable")
        assert table["collocation"].tolist() == expected["collocation"].tolist(), measure


def test_min_count_top_n_and_the_stopword_rule(seed_tokens):
    stop = stopwords.load()
    everything = collocations.ngrams(seed_tokens, min_count=1)
    table = collocations.ngrams(seed_tokens, min_count=2, stopwords=stop)
    assert (table["count"] >= 2).all()
    words = table["collocation"].str.split(" ")
    assert not words.str[0].isin(stop).any() and not words.str[-1].isin(stop).any()
    # The rule picks candidates; the sample (N and the marginals) stays the same.
    merged = table.merge(everything, on="collocation", suffixes=("", "_all"))
    assert len(merged) == len(table)
    for cell in ("o11", "o12", "o21", "o22", "llr"):
        assert (merged[cell] == merged[f"{cell}_all"]).all()
    # A stopword inside a trigram is fine: only the ends are checked.
    tri = collocations.ngrams(seed_tokens, n=3, stopwords=stop)
    assert "cuba and venezuela" in set(tri["collocation"])
    assert len(collocations.ngrams(seed_tokens, min_count=1, top_n=5)) == 5


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"measure": "G2"}, "parameter measure must be one of 'frequency'"),
        ({"n": 4}, r"^parameter n must be one of 2, 3, got 4\.$"),  # the one rule, one message
        ({"min_count": 0}, "parameter min_count must be a whole number of at least 1, got 0"),
        ({"top_n": 0}, "parameter top_n must be"),
    ],
)
def test_bad_options_are_named(seed_tokens, options, message):
    with pytest.raises(ParameterError, match=message):
        collocations.ngrams(seed_tokens, **options)


def test_empty_and_tiny_inputs():
    assert collocations.ngrams([]).empty
    assert collocations.ngrams(["one", BREAK]).empty
    assert list(collocations.ngrams([]).columns) == list(collocations.NGRAM_COLUMNS)


# --------------------------------------------------------------------------------------------
# Agreement with NLTK
# --------------------------------------------------------------------------------------------


def test_counts_and_scores_agree_with_nltk_on_the_seed(seed_tokens):
    """Same tokens, same counts, NLTK's own formulas.

    NLTK's ``from_documents`` pads each document (here: each sentence) with None, so its bigram
    counts are textkit's exactly: no pair crosses a sentence end. Its finder then scores with
    plain word frequencies and N = number of words; textkit's table counts bigram *positions*
    (R1 = bigrams starting with w1, C1 = bigrams ending with w2, N = bigram positions). To
    compare the formulas on identical counts, NLTK's measures get textkit's convention, with
    every count taken from NLTK's own frequency distribution. Where definitions differ:
    mi3 = log2(mi_like) + log2(N) (NLTK returns O11³ / (R1 C1) without log or N); raw_freq is
    O11 / N; NLTK has no logDice and no Yates-corrected chi².
    """
    from nltk.collocations import BigramAssocMeasures as M
    from nltk.collocations import BigramCollocationFinder

    finder = BigramCollocationFinder.from_documents(_sentences(seed_tokens))
    ours = collocations.ngrams(seed_tokens, min_count=1).set_index("collocation")
    theirs = dict(finder.ngram_fd.items())
    assert {f"{a} {b}": c for (a, b), c in theirs.items()} == ours["count"].to_dict()

    starts, ends = Counter(), Counter()
    for (a, b), c in theirs.items():
        starts[a] += c
        ends[b] += c
    n = finder.ngram_fd.N()
    for (a, b), o11 in theirs.items():
        row = ours.loc[f"{a} {b}"]
        marginals = (o11, (starts[a], ends[b]), n)
        nltk_scores = {
            "pmi": M.pmi(*marginals),
            "llr": M.likelihood_ratio(*marginals),
            "t": M.student_t(*marginals),
            "chi2": M.chi_sq(*marginals),
            "dice": M.dice(*marginals),
            "mi3": np.log2(M.mi_like(*marginals)) + np.log2(n),
        }
        assert M.raw_freq(*marginals) * n == pytest.approx(row["count"])
        cells = [np.array([row[c]]) for c in ("o11", "o12", "o21", "o22")]
        for measure, value in nltk_scores.items():
            unrounded = float(association.MEASURES[measure](*cells)[0])
            assert unrounded == pytest.approx(value, rel=1e-9, abs=1e-9), (a, b, measure)
            assert row[measure] == round(unrounded, 6)


def test_nltk_from_words_counts_pairs_across_sentences(seed_tokens):
    """Why the comparison above uses from_documents: from_words on the running text adds
    the pairs that join one sentence to the next."""
    from nltk.collocations import BigramCollocationFinder

    words = [t for t in seed_tokens if t != BREAK]
    crossing = BigramCollocationFinder.from_words(words).ngram_fd
    ours = collocations.ngrams(seed_tokens, min_count=1)
    assert crossing.N() == len(words) - 1
    assert int(ours["o11"].iloc[0] + ours[["o12", "o21", "o22"]].iloc[0].sum()) == crossing.N() - 47


# --------------------------------------------------------------------------------------------
# Node-word collocates
# --------------------------------------------------------------------------------------------


def test_collocate_windows_stay_in_sentences_and_count_each_position_once():
    tokens = collocations.sequence("a x node y b. c node node d.")
    table = collocations.collocates(tokens, "node", window=1, min_count=1).set_index("collocate")
    # Windows: x, y (first sentence); c, node, node, d (second: each node is in the other's
    # window) -> 6 positions of N = 9 tokens. "node" is counted as its own collocate twice.
    assert table.loc["x", ["o11", "o12", "o21", "o22"]].tolist() == [1, 5, 0, 3]
    assert table.loc["node", ["o11", "o12", "o21", "o22"]].tolist() == [2, 4, 1, 2]
    assert set(table.index) == {"x", "y", "c", "d", "node"}
    assert (table["f_node"] == 3).all()


def test_asymmetric_windows():
    tokens = collocations.sequence("a b node c d.")
    right = collocations.collocates(tokens, "node", window=(0, 2), min_count=1)
    assert sorted(right["collocate"]) == ["c", "d"]
    left = collocations.collocates(tokens, "node", window=(1, 0), min_count=1)
    assert left["collocate"].tolist() == ["b"]


def test_seed_collocates_of_US(seed_tokens):
    stop = stopwords.load()
    table = collocations.collocates(seed_tokens, "US", stopwords=stop, min_count=1)
    assert list(table.columns) == list(collocations.COLLOCATE_COLUMNS)
    assert (table["node"] == "US").all() and (table["f_node"] == 9).all()  # not the pronoun "us"
    top = table.iloc[0]
    assert (top["collocate"], top["count"]) == ("response", 5)
    cells = table[["o11", "o12", "o21", "o22"]]
    assert (cells >= 0).all().all() and cells.sum(axis=1).nunique() == 1
    words = sum(t != BREAK for t in seed_tokens)
    assert cells.sum(axis=1).iloc[0] == words
    assert (table["f_collocate"] == table["o11"] + table["o21"]).all()
    assert not table["collocate"].isin(stop).any()
    # Window positions never exceed span × f(node): the AntConc / Sketch Engine expectation
    # is an upper bound of textkit's.
    assert ((table["o11"] + table["o12"]) <= 10 * 9).all()
    assert (table["e11"] <= (10 * 9 * table["f_collocate"] / words).round(6)).all()


def test_unknown_node_gives_an_empty_table_and_bad_nodes_are_named(seed_tokens):
    assert collocations.collocates(seed_tokens, "atlantis").empty
    with pytest.raises(ParameterError, match="parameter node must be one word"):
        collocations.collocates(seed_tokens, "united states")
    with pytest.raises(ParameterError, match="parameter window"):
        collocations.collocates(seed_tokens, "russia", window=0)


# --------------------------------------------------------------------------------------------
# KWIC (the teaching view: tests/test_teaching.py)
# --------------------------------------------------------------------------------------------


def test_concordance_matches_what_the_table_counts(seed_docs, seed_tokens):
    table = collocations.ngrams(seed_tokens, min_count=1).set_index("collocation")
    lines = collocations.concordance(seed_docs, "united states")
    assert len(lines) == table.loc["united states", "count"] == 8
    assert list(lines.columns) == list(collocations.CONCORDANCE_COLUMNS)
    assert set(lines["match"]) == {"United States"}
    text = seed_docs["text"].iloc[0]
    assert all(text[s:e] == m for s, e, m in zip(lines["start"], lines["end"], lines["match"]))
    # One line per node occurrence: "response" is counted 5 times in the windows of "US"
    # (o11 = 5) but sits in 4 of them ("the US response - and a similar response" has two).
    nodes = collocations.concordance(seed_docs, "US", collocate="response", window=5)
    assert len(nodes) == 4 and set(nodes["match"]) == {"US"}
    assert sum(line.count("response") for line in nodes["right"]) == 5
    assert collocations.concordance(seed_docs, "no such phrase").empty
