"""The counting engine: sentence BREAKs, integer codes, chunked counts, 2×2 cells, scores, order."""

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from textkit import association, clean, counting, files
from textkit.counting import BREAK
from textkit.errors import ParameterError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap_2022-01-27_russia_ukraine.txt"


# --------------------------------------------------------------------------------------------
# Tokens and boundaries
# --------------------------------------------------------------------------------------------


def test_sequence_folds_drops_punctuation_and_marks_sentence_ends():
    assert counting.sequence("The US said: no! Russia's reply.") == [
        "the", "US", "said", "no", BREAK, "russia", "'s", "reply", BREAK,
    ]
    assert counting.sequence("The US said no.", lowercase=False) == [
        "The", "US", "said", "no", BREAK,
    ]


def test_seed_has_the_sentences_the_notes_describe():
    seed_tokens = counting.sequence(clean.corpus(files.read_corpus(SEED)))
    # 47 Punkt sentences in the article body, plus the headline paragraph = 48 sentence ends.
    assert seed_tokens.count(BREAK) == 48


def test_documents_must_be_a_text_or_a_corpus():
    with pytest.raises(ParameterError, match="documents must be a text"):
        counting.sequence(3)


def test_encode_gives_codes_in_order_of_first_appearance():
    codes, words = counting.encode(["b", "a", BREAK, "b", BREAK])
    assert codes.tolist() == [0, 1, -1, 0, -1] and codes.dtype == np.int32
    assert words.tolist() == ["b", "a"] and words.dtype == object
    codes, words = counting.encode([])
    assert len(codes) == 0 and len(words) == 0


# --------------------------------------------------------------------------------------------
# Chunked counting: the same counts as counting everything at once
# --------------------------------------------------------------------------------------------


def _random_codes(length, size, seed=5):
    codes = np.random.default_rng(seed).integers(-1, size, size=length).astype(np.int32)
    codes[-2:] = -1
    return codes


def test_count_runs_in_groups_and_chunks_matches_one_unique():
    # More than half a CHUNK of positions: counted in several groups, each chunk by chunk.
    size = 300
    codes = _random_codes(counting.CHUNK + 5000, size)
    valid = counting.ngram_positions(codes, 2)
    assert np.count_nonzero(valid) > counting.CHUNK // 2
    keys, counts = counting.count_runs(codes, 2, valid, size, min_count=3)
    starts = np.flatnonzero(valid)
    expected = Counter((codes[starts].astype(np.int64) * size + codes[starts + 1]).tolist())
    kept = {k: c for k, c in expected.items() if c >= 3}
    assert keys.tolist() == sorted(kept) and counts.tolist() == [kept[k] for k in sorted(kept)]
    first, second = counting.split_keys(keys, size, 2)
    assert (first * size + second == keys).all()


def test_bincount_counts_past_a_chunk():
    codes = _random_codes(counting.CHUNK * 2 + 17, 50)
    mask = codes >= 0
    expected = np.bincount(codes[mask], minlength=50)
    assert counting.bincount(codes, mask, 50).tolist() == expected.tolist()


def test_ngram_counts_keep_the_sample_when_the_stopword_rule_picks_candidates():
    tokens = counting.sequence("The war ended. The war ended again. War ended.")
    everything = counting.ngram_counts(tokens, 2)
    picked = counting.ngram_counts(tokens, 2, stopwords={"the"})
    assert everything["total"] == picked["total"] == 6  # bigram positions: 2 + 3 + 1
    pairs = [" ".join(w) for w in zip(*(picked["words"][p] for p in picked["parts"]))]
    assert pairs == ["war ended", "ended again"]  # "the war" is left out, not uncounted
    assert picked["o11"].tolist() == [3, 1] and picked["r1"].tolist() == [3, 1]
    assert picked["c1"].tolist() == [3, 1]
    assert everything["o11"].tolist() == [2, 3, 1] and everything["c1"].tolist() == [2, 3, 1]
    assert counting.ngram_counts([BREAK], 2) is None and counting.ngram_counts(["a"], 2) is None


def test_ngram_keys_must_fit_in_int64():
    with pytest.raises(ParameterError, match=r"int64 trigram keys \(at most 2,097,151\)"):
        counting._key_limit(2_097_152, 3)
    counting._key_limit(2_097_151, 3)


def test_windows_stop_at_sentence_ends_and_count_each_position_once():
    codes, words = counting.encode(counting.sequence("a x node y b. c node node d."))
    node = int(np.flatnonzero(words == "node")[0])
    counted = counting.window_counts(codes, len(words), node, 1, 1)
    inside = dict(zip(words, counted["o11"].tolist()))
    assert inside == {"a": 0, "x": 1, "node": 2, "y": 1, "b": 0, "c": 1, "d": 1}
    assert (counted["r1"], counted["total"]) == (6, 9)


# --------------------------------------------------------------------------------------------
# Cells, scores and order (shared with keyness)
# --------------------------------------------------------------------------------------------


def test_cells_add_up_to_the_sample():
    o11, o12, o21, o22 = counting.cells(np.array([8, 1]), np.array([9, 1]), np.array([8, 2]),
                                        987)
    assert (o11 + o12 + o21 + o22).tolist() == [987, 987]
    assert o22.tolist() == [978, 985]
    # keyness: a = 20 in a target of c = 1000 tokens, b = 10 in a reference of d = 10000
    keyness = counting.cells([20], [30], 1000, 11000)
    assert [x.tolist() for x in keyness] == [[20], [10], [980], [9990]]


def test_score_in_blocks_equals_scoring_at_once():
    rng = np.random.default_rng(1)
    o11 = rng.integers(1, 50, size=counting.BLOCK * 2 + 3)
    cells = counting.cells(o11, o11 + rng.integers(0, 90, size=len(o11)),
                           o11 + rng.integers(0, 90, size=len(o11)), 10_000)
    scored = counting.score(*cells, ["llr", "pmi"])
    for name in ("llr", "pmi"):
        assert np.array_equal(scored[name], np.round(association.MEASURES[name](*cells), 6))
    mapping = counting.score(*cells, {"e11": association.expected}, decimals=2)
    assert np.array_equal(mapping["e11"], np.round(association.expected(*cells), 2))
    with pytest.raises(ParameterError, match="parameter measure must be one of"):
        counting.score(*cells, ["G2"])


def test_order_is_score_descending_then_tie_keys():
    scores = np.array([2.0, 5.0, 2.0, 2.0])
    ties = [np.array([1, 0, 1, 0]), np.array([9, 9, 3, 4])]
    assert counting.order(scores, ties).tolist() == [1, 3, 2, 0]
    assert counting.order(scores, ties, top_n=2).tolist() == [1, 3]
    words = np.array(["b", "B", "a"], dtype=object)
    assert counting.code_point_rank(words).tolist() == [2, 0, 1]
