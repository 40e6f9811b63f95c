"""Dispersion (range, DP, DPnorm, Juilland's D), token positions and the x-ray plot.

The measures are checked against cases worked out by hand below, the arithmetic in the comments;
against a plain per-term loop on a random corpus; and for sense on the Wikinews corpus.
"""

import io
import math
import time

import numpy as np
import pandas as pd
import pytest

from textkit import clean, dispersion, files, frequency, plots, tokens
from textkit.errors import ParameterError


def long_table(parts: dict) -> pd.DataFrame:
    """A token table from {part: "space separated tokens"}, parts in the order given."""
    rows = [(part, token) for part, text in parts.items() for token in text.split()]
    return pd.DataFrame(rows, columns=["doc_id", "token"])


def row(result: pd.DataFrame, term: str) -> dict:
    return result.set_index("term").loc[term].to_dict()


# --------------------------------------------------------------------------------------------
# Cases worked out by hand
# --------------------------------------------------------------------------------------------

# Gries (2008)'s running example, as I recall it from the paper: a corpus of 5 parts of 9, 10,
# 10, 10 and 11 words (50 in all) in which "a" occurs 1, 2, 3, 4 and 5 times, DP = 0.18.
# The check does not rest on the recollection: the arithmetic is worked out below. "b" occurs
# twice in every part; the other words fill each part to its size.
GRIES = long_table({
    "p1": "a b b f f f f f f",              # 9 words: a ×1, b ×2
    "p2": "a a b b f f f f f f",            # 10 words: a ×2, b ×2
    "p3": "a a a b b f f f f f",            # 10 words: a ×3
    "p4": "a a a a b b f f f f",            # 10 words: a ×4
    "p5": "a a a a a b b f f f f",          # 11 words: a ×5
})


def test_gries_2008_example_dp_and_dp_norm():
    a = row(dispersion.table(GRIES), "a")
    # s_i = 9/50, 10/50, 10/50, 10/50, 11/50 = .18, .20, .20, .20, .22
    # o_i = 1/15, 2/15, 3/15, 4/15, 5/15  = .0667, .1333, .2000, .2667, .3333
    # |o_i − s_i| = .1133, .0667, 0, .0667, .1133; sum = .36; DP = .36 / 2 = .18
    assert a["dp"] == 0.18
    # DPnorm = DP / (1 − min s_i) = .18 / (1 − .18) = .18 / .82 = 0.219512...
    assert a["dp_norm"] == 0.219512
    assert (a["count"], a["range"], a["range_share"], a["parts"]) == (15, 5, 1.0, 5)


def test_gries_2008_example_juilland_d():
    a = row(dispersion.table(GRIES), "a")
    # R_i = v_i / W_i = 1/9, 2/10, 3/10, 4/10, 5/11 = .111111, .2, .3, .4, .454545
    # μ = (.111111 + .2 + .3 + .4 + .454545) / 5 = 1.465657 / 5 = .293131
    # (R_i − μ)² = .033131, .008673, .000047, .011421, .026055; sum = .079327
    # σ = √(.079327 / 5) = √.015865 = .125958; V = σ / μ = .125958 / .293131 = .429699
    # D = 1 − V / √(5 − 1) = 1 − .429699 / 2 = .785150
    assert a["juilland_d"] == 0.78515


def test_a_term_spread_like_the_corpus_has_dp_zero_even_when_parts_differ_in_size():
    b = row(dispersion.table(GRIES), "b")
    # "b" is 2 in each part: o_i = .2 each, s_i = .18, .2, .2, .2, .22
    # |o_i − s_i| = .02, 0, 0, 0, .02; DP = .04 / 2 = .02; DPnorm = .02 / .82 = .024390
    # Two per part is not proportional to the sizes, so DP is small but not 0.
    assert (b["dp"], b["dp_norm"]) == (0.02, 0.02439)
    # R_i = 2/9, .2, .2, .2, 2/11 = .222222, .2, .2, .2, .181818; μ = .200808
    # σ = √((.021414² + .000808² × 3 + .018990²) / 5) = √(.000821 / 5) = .012815
    # D = 1 − (.012815 / .200808) / 2 = 1 − .063818 / 2 = .968091
    assert b["juilland_d"] == 0.968091


def test_perfectly_even_term_has_dp_zero_and_d_one():
    # 4 documents of 5 tokens; "e" once in each: o_i = s_i = ¼, every |o_i − s_i| = 0.
    # R_i = 1/5 each, σ = 0, D = 1 − 0 = 1.
    toks = long_table({d: "e x y z w" for d in "abcd"})
    e = row(dispersion.table(toks), "e")
    assert (e["dp"], e["dp_norm"], e["juilland_d"]) == (0.0, 0.0, 1.0)
    assert (e["range"], e["range_share"]) == (4, 1.0)


def test_all_in_one_small_part_has_dp_near_one_and_dp_norm_one():
    # Nine documents of 100 tokens and one of a single token, "rare": N = 901.
    # s = 100/901 (×9) and 1/901; o = 0 (×9) and 1.
    # Σ|o_i − s_i| = 9 × 100/901 + (1 − 1/901) = 900/901 + 900/901; DP = 900/901 = .998890
    # DPnorm = (900/901) / (1 − 1/901) = (900/901) / (900/901) = 1
    # R = 0 (×9) and 1/1; μ = .1; σ = √((9 × .1² + .9²) / 10) = √(.9 / 10) = .3
    # V = .3 / .1 = 3; D = 1 − 3 / √9 = 0
    parts = {f"d{i}": " ".join(["x"] * 100) for i in range(9)} | {"small": "rare"}
    rare = row(dispersion.table(long_table(parts)), "rare")
    assert (rare["dp"], rare["dp_norm"], rare["juilland_d"]) == (0.99889, 1.0, 0.0)
    assert (rare["range"], rare["range_share"]) == (1, 0.1)


def test_actors_use_the_documents_token_counts_as_sizes():
    # Document a has 100 tokens, b 300. Putin: 1 mention in a, 3 in b; Biden: 3 in a.
    mentions = pd.DataFrame({"doc_id": ["a", "a", "a", "a", "b", "b", "b"],
                             "actor": ["Putin", "Biden", "Biden", "Biden", "Putin", "Putin",
                                       "Putin"]})
    sizes = pd.Series({"a": 100, "b": 300})
    result = dispersion.table(mentions, term="actor", sizes=sizes)
    putin, biden = row(result, "Putin"), row(result, "Biden")
    # s = ¼, ¾. Putin o = ¼, ¾ = s: DP = 0; R = 1/100, 3/300 = .01, .01: D = 1.
    assert (putin["dp"], putin["juilland_d"]) == (0.0, 1.0)
    # Biden o = 1, 0: Σ = ¾ + ¾ = 1.5, DP = .75; DPnorm = .75 / (1 − ¼) = 1.
    # R = .03, 0: μ = .015, σ = .015, V = 1, D = 1 − 1 / √1 = 0.
    assert (biden["dp"], biden["dp_norm"], biden["juilland_d"]) == (0.75, 1.0, 0.0)
    # With the mention counts as sizes (4 and 3: s = 4/7, 3/7) Putin would look uneven:
    # o = ¼, ¾; Σ = |.25 − .571429| + |.75 − .428571| = .642857; DP = .321429.
    assert row(dispersion.table(mentions, term="actor"), "Putin")["dp"] == 0.321429


def test_documents_without_the_term_still_count_through_sizes():
    # A third document c (100 tokens) mentions nobody: s = 1/5, 3/5, 1/5, n = 3.
    # Putin o = ¼, ¾, 0: Σ = |.25 − .2| + |.75 − .6| + .2 = .05 + .15 + .2 = .4; DP = .2.
    mentions = pd.DataFrame({"doc_id": ["a", "b", "b", "b"], "actor": ["Putin"] * 4})
    putin = row(dispersion.table(mentions, term="actor",
                                 sizes=pd.Series({"a": 100, "b": 300, "c": 100})), "Putin")
    assert (putin["dp"], putin["range"], putin["parts"]) == (0.2, 2, 3)
    assert putin["range_share"] == 0.666667  # 2 / 3


# --------------------------------------------------------------------------------------------
# The same numbers another way, and the table's contract
# --------------------------------------------------------------------------------------------


def _by_loop(toks: pd.DataFrame) -> pd.DataFrame:
    """The formulas written out term by term over the dense counts (slow, plain)."""
    counts = pd.crosstab(toks["token"], toks["doc_id"])
    W = counts.sum().to_numpy(float)
    s, n = W / W.sum(), len(W)
    rows = {}
    for term, v in counts.iterrows():
        v = v.to_numpy(float)
        dp = np.abs(v / v.sum() - s).sum() / 2
        R = v / W
        rows[term] = (dp, dp / (1 - s.min()), 1 - R.std() / R.mean() / math.sqrt(n - 1))
    return pd.DataFrame(rows, index=["dp", "dp_norm", "juilland_d"]).T.round(6)


def test_matches_the_formulas_written_out_term_by_term():
    rng = np.random.default_rng(7)
    toks = pd.DataFrame({"doc_id": rng.choice([f"d{i}" for i in range(12)], 3000),
                         "token": rng.choice([f"w{i}" for i in range(150)], 3000,
                                             p=np.arange(150, 0, -1) / 11325)})
    got = dispersion.table(toks).set_index("term")[["dp", "dp_norm", "juilland_d"]]
    expected = _by_loop(toks).loc[got.index]
    assert np.allclose(got.to_numpy(), expected.to_numpy(), atol=2e-6)


def test_count_and_range_agree_with_frequency_table():
    toks = long_table({"a": "x y x z", "b": "x w", "c": "y y q"})
    got = dispersion.table(toks)
    freq = frequency.table(toks)
    assert got["term"].tolist() == freq["term"].tolist()  # same order: count, then term
    assert got["count"].tolist() == freq["count"].tolist()
    assert got["range"].tolist() == freq["documents"].tolist()


def test_columns_types_and_sort_with_tie_breaker():
    toks = long_table({"a": "b a c c", "b": "a b"})
    result = dispersion.table(toks)
    assert tuple(result.columns) == dispersion.TABLE_COLUMNS
    assert result["term"].tolist() == ["a", "b", "c"]  # 2, 2, 2: by term
    assert result.dtypes["count"] == "int64" and result.dtypes["range"] == "int64"
    assert result.dtypes["parts"] == "int64" and result["term"].dtype == object


def test_terms_and_min_count_keep_the_whole_corpus_as_reference():
    toks = long_table({"a": "x x y", "b": "y z"})
    only_x = dispersion.table(toks, terms=["x", "absent"])
    # x: both in a (3 of 5 tokens): o = 1, 0; s = .6, .4; DP = (.4 + .4) / 2 = .4
    assert only_x["term"].tolist() == ["x"] and only_x["dp"].tolist() == [0.4]
    assert dispersion.table(toks, min_count=2)["term"].tolist() == ["x", "y"]


def test_other_columns_can_be_the_parts():
    toks = long_table({"a": "x y", "b": "x y", "c": "y y"})
    toks["period"] = toks["doc_id"].map({"a": "2019", "b": "2019", "c": "2020"})
    x = row(dispersion.table(toks, parts="period"), "x")
    # periods: 2019 has 4 tokens, 2020 has 2: s = ⅔, ⅓; x o = 1, 0: DP = (⅓ + ⅓) / 2 = ⅓
    assert (x["dp"], x["parts"], x["range"]) == (0.333333, 2, 1)


def test_a_single_part_leaves_dp_norm_and_d_undefined():
    result = dispersion.table(long_table({"a": "x y x"}))
    assert result["dp"].tolist() == [0.0, 0.0]
    assert result["dp_norm"].isna().all() and result["juilland_d"].isna().all()


def test_an_empty_table_gives_an_empty_result():
    result = dispersion.table(pd.DataFrame({"doc_id": [], "token": []}))
    assert result.empty and tuple(result.columns) == dispersion.TABLE_COLUMNS


@pytest.mark.parametrize("kwargs, message", [
    ({"term": "actor"}, "no column 'actor'"),
    ({"sizes": pd.Series({"a": 3})}, "no size for 1 part"),
    ({"sizes": pd.Series({"a": 3, "b": 0})}, "above 0"),
    ({"min_count": 0}, "min_count"),
])
def test_bad_arguments_are_clear_errors(kwargs, message):
    with pytest.raises(ParameterError, match=message):
        dispersion.table(long_table({"a": "x y", "b": "x"}), **kwargs)


def test_scales_to_2000_documents_and_100k_terms():
    rng = np.random.default_rng(0)
    n_docs, per_doc = 2000, 500
    vocabulary = np.array([f"w{i}" for i in range(120_000)], dtype=object)
    ids = np.concatenate([np.arange(120_000), rng.integers(0, 120_000, n_docs * per_doc - 120_000)])
    toks = pd.DataFrame({"doc_id": np.repeat([f"d{i:04d}" for i in range(n_docs)], per_doc),
                         "token": vocabulary[ids]})
    started = time.perf_counter()
    result = dispersion.table(toks)
    elapsed = time.perf_counter() - started
    assert len(result) == 120_000 and (result["parts"] == n_docs).all()
    assert result["dp"].between(0, 1).all()
    assert elapsed < 30  # about 1 s here; the bound only catches a quadratic slip


@pytest.fixture(scope="module")
def wikinews():
    from tests.conftest import ROOT

    docs = clean.corpus(files.read_corpus(str(ROOT / "seeds" / "wikinews" / "*.csv")))
    return docs, tokens.table(docs, lowercase=True)


def test_on_wikinews_a_function_word_is_more_even_than_a_topical_word(wikinews):
    _, toks = wikinews
    dp = dispersion.table(toks, terms=["the", "said", "trump"]).set_index("term")["dp"]
    # "the" is in every article, "said" in most, "trump" in a few: DP rises in that order.
    assert dp["the"] < dp["said"] < dp["trump"]


# --------------------------------------------------------------------------------------------
# Positions and layout
# --------------------------------------------------------------------------------------------


def test_positions_are_token_indexes_in_the_corpus():
    toks = long_table({"a": "x y x", "b": "y x"})
    result = dispersion.positions(toks)
    assert result["position"].tolist() == [0, 2, 4, 1, 3]  # x at 0, 2, 4; y at 1, 3
    assert result["document"].tolist() == [1, 1, 2, 1, 2]
    assert tuple(result.columns) == ("term", "doc_id", "position", "document")


def test_positions_group_parts_that_are_not_contiguous():
    toks = long_table({"a": "x y x", "b": "y x"})
    toks["half"] = ["h1", "h2", "h1", "h2", "h1"]  # h1: x, x, x (3 rows), h2: y, y
    result = dispersion.positions(toks, ["y"], parts="half")
    assert result["position"].tolist() == [3, 4] and result["half"].tolist() == ["h2", "h2"]


def test_layout_starts_and_dates():
    sizes = dispersion.part_sizes(long_table({"b": "x y z", "a": "x"}))
    result = dispersion.layout(sizes, dates=pd.Series({"b": "2020-01-02"}))
    assert result["doc_id"].tolist() == ["b", "a"]  # corpus order, not sorted
    assert result["start"].tolist() == [0, 3] and result["tokens"].tolist() == [3, 1]
    assert result["date"].tolist() == ["2020-01-02", ""]


def test_mention_positions_scale_character_offsets_to_tokens():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["x" * 100, "y" * 50]})
    found = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor": ["P", "P", "P"],
                          "group": ["g", "g", "g"], "start": [0, 99, 25]})
    parts = dispersion.layout(pd.Series({"a": 10, "b": 4}))
    result = dispersion.mention_positions(found, docs, parts=parts)
    # a: 10 tokens for 100 characters: offset 0 → 0, 99 → ⌊10 × 99 / 100⌋ = 9.
    # b starts at token 10; 4 tokens for 50 characters: 25 → 10 + ⌊4 × 25 / 50⌋ = 12.
    assert result["position"].tolist() == [0, 9, 12]
    assert result["group"].tolist() == ["g", "g", "g"]
    with pytest.raises(ParameterError, match="not in parts"):
        dispersion.mention_positions(found, docs, parts=parts.head(1))


# --------------------------------------------------------------------------------------------
# The x-ray plot
# --------------------------------------------------------------------------------------------


def synthetic_corpus(n_docs: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    sizes = rng.integers(200, 1200, n_docs)
    vocabulary = np.array([f"w{i}" for i in range(3000)], dtype=object)
    toks = pd.DataFrame({
        "doc_id": np.repeat([f"d{i:04d}" for i in range(n_docs)], sizes),
        "token": vocabulary[np.minimum(rng.zipf(1.2, sizes.sum()) - 1, 2999)],
    })
    return toks


def test_xray_of_three_documents_draws_ticks_on_bands():
    toks = long_table({"a": "russia nato the", "b": "the talks the", "c": "russia the"})
    parts = dispersion.layout(dispersion.part_sizes(toks))
    fig = plots.xray(dispersion.positions(toks), parts=parts)
    ax = fig.axes[0]
    assert isinstance(fig, plots.Figure) and fig._repr_png_()[:4] == b"\x89PNG"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["the", "russia", "nato", "talks"][::-1]
    assert len(ax.collections) == 4 and not ax.images  # one tick row per term
    assert len(ax.patches) == 1  # document 2 is shaded: bands alternate
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3"]


def test_xray_of_2000_documents_bins_and_stays_small(tmp_path):
    toks = synthetic_corpus(2000)
    dates = pd.Series(pd.date_range("2019-01-01", periods=2000, freq="D").strftime("%Y-%m-%d"),
                      index=[f"d{i:04d}" for i in range(2000)])
    parts = dispersion.layout(dispersion.part_sizes(toks), dates=dates)
    fig = plots.xray(dispersion.positions(toks, ["w0", "w5", "w50", "w500"]), parts=parts)
    ax = fig.axes[0]
    assert len(ax.images) == 4 and not ax.collections and not ax.patches  # strips, no bands
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "2019-01-01" and 4 <= len(labels) <= 9
    png, svg = files.write_figure(fig, tmp_path, "xray")
    assert svg.stat().st_size < 300_000 and png.stat().st_size < 300_000
    again = files.write_figure(plots.xray(dispersion.positions(toks, ["w0", "w5", "w50", "w500"]),
                                          parts=parts), tmp_path / "again", "xray")
    assert again[1].read_bytes() == svg.read_bytes()


def test_xray_colours_actors_by_group_and_caps_rows():
    positions = pd.DataFrame({"term": [f"actor{i:02d}" for i in range(60)],
                              "position": range(60), "group": ["A", "B"] * 30})
    parts = dispersion.layout(pd.Series({"a": 60}))
    fig = plots.xray(positions, parts=parts, colours={"A": "#ff0000", "B": "#0000ff"}, top_n=500)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == plots.MAX_BARS
    colours = {tuple(c.get_edgecolor()[0][:3]) for c in ax.collections}
    assert colours == {(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)}


def test_xray_with_nothing_to_show_says_so():
    fig = plots.xray(pd.DataFrame({"term": [], "position": []}),
                     parts=dispersion.layout(pd.Series({"a": 5})))
    assert "nothing to show" in fig.axes[0].texts[0].get_text()
    assert io.BytesIO(fig._repr_png_()).getvalue()[:4] == b"\x89PNG"
