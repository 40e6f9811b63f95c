"""Keyness against the issue's test vectors, hand-computed cases, corrections and group counts."""

import math

import numpy as np
import pandas as pd
import pytest

from textkit import association, collocations, keyness, parameters, tokens
from textkit.errors import ParameterError

# The issue's vectors: a in corpus 1 of size c, b in corpus 2 of size d.
VECTORS = [
    ((20, 10, 1000, 10000),
     {"ll2": 59.631164, "g2": 59.961969, "log_ratio": 4.321928, "simple_maths": 19.981019,
      # %DIFF by hand: (20000 − 1000) × 100 / 1000
      "pct_diff": 1900.0}),
    ((10, 50, 1052, 100000),
     {"ll2": 38.278002, "g2": 38.362734, "log_ratio": 4.248793, "simple_maths": 18.975456,
      # (10 / 1052 × 10⁶ − 500) × 100 / 500 = (9505.703422 − 500) / 5
      "pct_diff": 1801.140684}),
]


def counted(pairs: dict) -> pd.DataFrame:
    return pd.DataFrame({"term": list(pairs), "count": list(pairs.values())})


def two_terms(a, b, c, d, **options) -> pd.DataFrame:
    """A keyness table where "term" has counts a and b in corpora of sizes c and d."""
    target = counted({"term": a, "other": c - a})
    reference = counted({"term": b, "other": d - b})
    result = keyness.table(target, reference, **options)
    return result.set_index("term")


# --------------------------------------------------------------------------------------------
# The statistics
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("cells, expected", VECTORS)
@pytest.mark.parametrize("measure", keyness.MEASURES)
def test_issue_vectors_match_to_1e_6(cells, expected, measure):
    a, b, c, d = cells
    direct = float(keyness.MEASURES[measure](a, b, c - a, d - b))
    assert direct == pytest.approx(expected[measure], abs=1e-6)
    row = two_terms(*cells).loc["term"]
    assert row[measure] == pytest.approx(expected[measure], abs=1e-6)
    assert (row["a"], row["b"], row["c"], row["d"]) == cells


def test_expected_counts_are_ucrel_e1_e2():
    row = two_terms(20, 10, 1000, 10000).loc["term"]
    assert row["e1"] == round(1000 * 30 / 11000, 6) == 2.727273
    assert row["e2"] == round(10000 * 30 / 11000, 6) == 27.272727


def test_g2_is_the_association_llr_of_the_keyness_cells():
    # One registry, no second copy: the 4-cell G² is association's llr.
    assert keyness.MEASURES["g2"] is association.MEASURES["llr"]
    a, b, c, d = 10, 50, 1052, 100000
    n = c + d
    observed = (a, b, c - a, d - b)
    expected = (c * (a + b) / n, d * (a + b) / n, c * (n - a - b) / n, d * (n - a - b) / n)
    by_hand = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected))
    assert float(association.llr(*observed)) == pytest.approx(by_hand, rel=1e-9)


def test_zero_in_the_target():
    # a = 0, b = 5, c = d = 100: E1 = E2 = 2.5.
    row = two_terms(0, 5, 100, 100).loc["term"]
    assert row["ll2"] == round(2 * 5 * math.log(5 / 2.5), 6)                   # 6.931472
    assert row["log_ratio"] == round(math.log2((0.5 / 100) / (5 / 100)), 6)    # a counts 0.5
    assert row["pct_diff"] == -100.0                                            # no smoothing
    assert row["simple_maths"] == round(1 / (50000 + 1), 6)
    assert row["direction"] == "under" and row["g2_signed"] == -row["g2"] < 0


def test_zero_in_the_reference():
    # a = 5, b = 0: Log Ratio and %DIFF count b as 0.5.
    row = two_terms(5, 0, 100, 100).loc["term"]
    g2 = 2 * (5 * math.log(5 / 2.5) + 95 * math.log(95 / 97.5) + 100 * math.log(100 / 97.5))
    assert row["g2"] == round(g2, 6)
    assert row["ll2"] == 6.931472
    assert row["log_ratio"] == round(math.log2(10), 6) == 3.321928
    assert row["pct_diff"] == (50000 - 5000) * 100 / 5000 == 900.0
    assert row["simple_maths"] == 50001.0
    assert row["direction"] == "over" and math.isfinite(row["pct_diff"])


def test_equal_rates_score_zero():
    row = two_terms(10, 20, 100, 200).loc["term"]
    for measure in ("g2", "ll2", "log_ratio", "pct_diff", "g2_signed", "ll2_signed"):
        assert row[measure] == 0.0
        assert math.copysign(1, row[measure]) == 1, f"{measure} is -0.0"
    assert row["simple_maths"] == 1.0
    assert row["direction"] == "equal" and row["p"] == 1.0


def test_swapping_the_corpora_flips_every_sign():
    over = two_terms(20, 10, 1000, 10000).loc["term"]
    target = counted({"term": 10, "other": 9990})
    reference = counted({"term": 20, "other": 980})
    under = keyness.table(target, reference).set_index("term").loc["term"]
    assert under["direction"] == "under" and over["direction"] == "over"
    assert under["g2"] == over["g2"] and under["g2_signed"] == -over["g2_signed"]
    assert under["ll2_signed"] < 0 < over["ll2_signed"]
    assert under["log_ratio"] == -over["log_ratio"]
    assert under["pct_diff"] < 0 < over["pct_diff"] and under["simple_maths"] < 1


def test_ll2_is_never_larger_than_g2():
    rng = np.random.default_rng(7)
    a, b = rng.integers(0, 50, 200), rng.integers(0, 50, 200)
    c, d = a + rng.integers(1, 5000, 200), b + rng.integers(1, 5000, 200)
    cells = (a, b, c - a, d - b)
    assert np.all(association.ll2(*cells) <= association.llr(*cells) + 1e-9)


# --------------------------------------------------------------------------------------------
# p-values and corrections
# --------------------------------------------------------------------------------------------


def test_p_values_are_the_chi_squared_tail_with_one_degree_of_freedom():
    # Critical values of χ²(1): 3.841459 (5%), 6.634897 (1%), 10.827566 (0.1%).
    assert keyness.p_value([3.841459, 6.634897, 10.827566]).round(6).tolist() == [
        0.05, 0.01, 0.001
    ]
    assert keyness.p_value([0.0]).tolist() == [1.0]
    # P(Z² ≥ x) = 2 P(Z ≥ √x): the normal tail, written out another way.
    x = 2.5
    assert float(keyness.p_value([x])[0]) == pytest.approx(
        2 * (1 - 0.5 * (1 + math.erf(math.sqrt(x) / math.sqrt(2)))), rel=1e-12
    )


def test_benjamini_hochberg_by_hand():
    p = [0.01, 0.04, 0.03, 0.005]
    # Sorted: 0.005 (i=1), 0.01 (i=2), 0.03 (i=3), 0.04 (i=4); m = 4.
    # p × m / i: 0.02, 0.02, 0.04, 0.04; running minimum from the end changes nothing.
    assert keyness.benjamini_hochberg(p).round(6).tolist() == [0.02, 0.04, 0.04, 0.02]
    # 0.01 × 3/1 = 0.03, 0.045 × 3/2 = 0.0675, 0.045 × 3/3 = 0.045: the running minimum from
    # the end lowers 0.0675 to 0.045, so the two equal p-values get equal adjusted values.
    assert keyness.benjamini_hochberg([0.01, 0.045, 0.045]).round(6).tolist() == [
        0.03, 0.045, 0.045
    ]
    assert keyness.benjamini_hochberg([0.5, 0.9]).tolist() == [0.9, 0.9]
    assert keyness.benjamini_hochberg([]).tolist() == []


def test_bonferroni_and_none():
    assert keyness.bonferroni([0.01, 0.3, 0.001]).round(6).tolist() == [0.03, 0.9, 0.003]
    assert keyness.bonferroni([0.5, 0.6]).tolist() == [1.0, 1.0]
    assert keyness.CORRECTIONS["none"]([0.2, 0.01]).tolist() == [0.2, 0.01]


@pytest.mark.parametrize("correction", keyness.CORRECTIONS)
def test_table_corrects_over_every_term_kept(correction):
    target = counted({"war": 30, "aid": 12, "talks": 9, "the": 500, "said": 40})
    reference = counted({"war": 10, "aid": 30, "talks": 8, "the": 5200, "said": 300})
    result = keyness.table(target, reference, correction=correction, top_n=2)
    full = keyness.table(target, reference, correction=correction)
    expected = keyness.CORRECTIONS[correction](full["p"].to_numpy())
    assert full["p_adjusted"].tolist() == pytest.approx(expected.tolist(), rel=1e-5)
    assert result["p_adjusted"].tolist() == full["p_adjusted"].head(2).tolist()  # m before top_n
    assert (full["significant"] == (full["p_adjusted"] <= 0.05)).all()
    assert full.attrs["keyness"]["tests"] == 5


def test_p_follows_ll2_only_when_ranking_by_ll2():
    cells = (20, 10, 1000, 10000)
    by_g2 = two_terms(*cells).loc["term"]
    by_ll2 = two_terms(*cells, measure="ll2").loc["term"]
    assert by_g2["p"] == float(f"{math.erfc(math.sqrt(59.961969 / 2)):.6g}")
    assert by_ll2["p"] == float(f"{math.erfc(math.sqrt(59.631164 / 2)):.6g}")
    assert two_terms(*cells, measure="log_ratio").loc["term", "p"] == by_g2["p"]


def test_tiny_p_values_keep_their_digits():
    row = two_terms(20, 10, 1000, 10000).loc["term"]
    assert row["p"] == 9.67081e-15  # 6 significant digits, not 6 decimals (which gives 0)


def test_alpha_decides_significance():
    strict = two_terms(12, 40, 1000, 10000, alpha=0.001, correction="none").loc["term"]
    loose = two_terms(12, 40, 1000, 10000, alpha=0.05, correction="none").loc["term"]
    assert 0.001 < loose["p"] < 0.05
    assert loose["significant"] and not strict["significant"]


# --------------------------------------------------------------------------------------------
# Flags, sorting, sums
# --------------------------------------------------------------------------------------------


def test_low_expected_flags_any_expected_count_below_5():
    target = counted({"rare": 2, "common": 400, "other": 598})
    reference = counted({"rare": 1, "common": 3900, "other": 6099})
    result = keyness.table(target, reference).set_index("term")
    assert result.loc["rare", "e1"] < 5 and bool(result.loc["rare", "low_expected"])
    assert not result.loc["common", "low_expected"]
    # E1 = 1000 × 20 / 11000 = 1.818182 < 5 although E2 = 18.18 and a = 15 are not.
    row = two_terms(15, 5, 1000, 10000).loc["term"]
    assert row["e1"] == 1.818182 and bool(row["low_expected"])
    assert not two_terms(60, 500, 1000, 10000).loc["term", "low_expected"]  # E1 = 50.9


def test_sorted_by_signed_measure_over_first_under_last_ties_by_term():
    target = counted({"b": 10, "a": 10, "mid": 50, "low": 0, "the": 930})
    reference = counted({"b": 1, "a": 1, "mid": 50, "low": 30, "the": 918})
    result = keyness.table(target, reference)
    assert result["term"].tolist() == ["a", "b", "the", "mid", "low"]
    assert result["rank"].tolist() == [1, 1, 3, 4, 5]  # a and b tie: competition rank
    assert result["direction"].tolist()[:2] == ["over", "over"]
    assert result["direction"].tolist()[-1] == "under"
    assert result["g2_signed"].is_monotonic_decreasing
    by_ratio = keyness.table(target, reference, measure="log_ratio")
    assert by_ratio["log_ratio"].is_monotonic_decreasing


def test_rows_with_the_same_term_are_summed_and_sizes_are_the_sums():
    target = pd.DataFrame({"term": ["war", "aid", "war"], "count": [3, 2, 4]})
    reference = pd.DataFrame({"term": ["aid", "war"], "count": [5, 1]})
    result = keyness.table(target, reference).set_index("term")
    assert result.loc["war", ["a", "b"]].tolist() == [7, 1]
    assert result.loc["aid", ["a", "b"]].tolist() == [2, 5]
    assert set(result["c"]) == {9} and set(result["d"]) == {6}


def test_min_count_is_on_a_plus_b_and_keeps_the_sizes():
    target = counted({"war": 5, "aid": 0, "once": 1})
    reference = counted({"war": 5, "aid": 4, "once": 0})
    result = keyness.table(target, reference, min_count=3)
    assert sorted(result["term"]) == ["aid", "war"]  # aid (0 + 4) stays: under-use counts
    assert set(result["c"]) == {6} and set(result["d"]) == {9}


def test_columns_and_types():
    result = two_terms(20, 10, 1000, 10000).reset_index()
    assert list(result.columns) == ["term", *[c for c in keyness.COLUMNS if c != "term"]]
    result = keyness.table(counted({"x": 1, "y": 2}), counted({"x": 2, "y": 1}))
    assert list(result.columns) == list(keyness.COLUMNS)
    assert result.dtypes.astype(str).to_dict() == {
        "rank": "int64", "term": "object", "a": "int64", "b": "int64", "c": "int64",
        "d": "int64", **{c: "float64" for c in keyness.COLUMNS[6:17]},
        "significant": "bool", "direction": "object", "low_expected": "bool",
    }


# --------------------------------------------------------------------------------------------
# Counting and groups
# --------------------------------------------------------------------------------------------

# Three documents, two groups: "x" = doc 1, "y" = docs 2 and 3.
DOCS = pd.DataFrame({
    "doc_id": ["1", "2", "3"],
    "text": ["Troops moved. Troops waited.", "Aid arrived. Troops left.", "Aid and talks."],
})
GROUPS = {"1": "x", "2": "y", "3": "y"}


@pytest.fixture
def tiny_long():
    long = tokens.table(DOCS)
    long["side"] = long["doc_id"].map(GROUPS)
    return long


def test_counts_by_hand(tiny_long):
    # Folded words: 1: troops moved troops waited; 2: aid arrived troops left; 3: aid and talks.
    assert keyness.counts(tiny_long).values.tolist() == [
        ["aid", 2], ["and", 1], ["arrived", 1], ["left", 1], ["moved", 1], ["talks", 1],
        ["troops", 3], ["waited", 1],
    ]
    per_side = keyness.counts(tiny_long, by="side")
    assert per_side[per_side["side"] == "x"][["term", "count"]].values.tolist() == [
        ["moved", 1], ["troops", 2], ["waited", 1],
    ]
    assert per_side["count"].sum() == len(tiny_long) == 11


def test_group_against_the_rest_by_hand(tiny_long):
    result = keyness.compare(tiny_long, by="side")
    x = result[result["side"] == "x"].set_index("term")
    # x has 4 tokens, the rest (y) 7; "troops": 2 in x, 1 in y.
    assert x.loc["troops", ["a", "b", "c", "d"]].tolist() == [2, 1, 4, 7]
    assert x.loc["aid", ["a", "b"]].tolist() == [0, 2]
    assert x.loc["troops", "e1"] == round(4 * 3 / 11, 6)
    assert x.loc["troops", "log_ratio"] == round(math.log2((2 / 4) / (1 / 7)), 6)
    y = result[result["side"] == "y"].set_index("term")
    assert y.loc["troops", ["a", "b", "c", "d"]].tolist() == [1, 2, 7, 4]
    assert y.loc["troops", "g2"] == x.loc["troops", "g2"]  # the same 2×2 table, transposed
    assert result["side"].unique().tolist() == ["x", "y"]  # the column keeps its name
    assert list(result.columns) == ["side", *keyness.COLUMNS]


def test_one_group_against_another(tiny_long):
    three = tiny_long.assign(side=tiny_long["doc_id"].map({"1": "x", "2": "y", "3": "z"}))
    versus = keyness.compare(three, by="side", target="x", reference="z").set_index("term")
    # x: troops moved troops waited (4); z: aid and talks (3).
    assert versus.loc["troops", ["a", "b", "c", "d"]].tolist() == [2, 0, 4, 3]
    assert versus.loc["aid", ["a", "b"]].tolist() == [0, 1]
    assert "arrived" not in versus.index  # only in y
    rest = keyness.compare(three, by="side", target="x")
    assert set(rest["d"]) == {7}  # y and z together
    assert versus.attrs["keyness"]["reference"] == "z"


def test_a_and_b_add_up_to_c_and_d(seed_path):
    from textkit import clean, files

    corpus = clean.corpus(files.read_corpus(seed_path))
    long = tokens.table(corpus)
    long["half"] = np.where(np.arange(len(long)) < len(long) // 3, "first", "rest")
    result = keyness.compare(long, by="half")
    for _, part in result.groupby("half"):
        assert part["a"].sum() == part["c"].iloc[0]
        assert part["b"].sum() == part["d"].iloc[0]
        assert part["c"].iloc[0] + part["d"].iloc[0] == len(long)


def test_per_chunk_counts_merge_to_the_same_table(tiny_long):
    whole = keyness.table(keyness.counts(tiny_long[tiny_long["side"] == "x"]),
                          keyness.counts(tiny_long[tiny_long["side"] == "y"]))
    chunks = pd.concat([keyness.counts(tiny_long.iloc[i : i + 3]) for i in range(0, 11, 3)])
    by_doc = keyness.counts(tiny_long, by="doc_id")
    target = by_doc[by_doc["doc_id"] == "1"][["term", "count"]]
    reference = by_doc[by_doc["doc_id"] != "1"][["term", "count"]]
    pd.testing.assert_frame_equal(keyness.table(target, reference), whole)
    assert chunks["count"].sum() == 11


def test_deterministic_whatever_the_row_order(tiny_long):
    first = keyness.compare(tiny_long, by="side")
    shuffled = tiny_long.sample(frac=1, random_state=3).reset_index(drop=True)
    pd.testing.assert_frame_equal(keyness.compare(shuffled, by="side"), first)
    pd.testing.assert_frame_equal(keyness.compare(tiny_long, by="side"), first)


def test_categorical_and_run_encoded_groups_agree(tiny_long):
    plain = keyness.compare(tiny_long, by="side")
    as_category = tiny_long.assign(side=tiny_long["side"].astype("category"))
    pd.testing.assert_frame_equal(keyness.compare(as_category, by="side"), plain)
    # Long runs take the run-by-run path; it must give the same codes as factorize.
    values = pd.Series(["b"] * 5000 + ["a"] * 3000 + ["b"] * 2000, dtype=object)
    codes, uniques = keyness._codes(values, "x", runs=True)
    expected_codes, expected_uniques = pd.factorize(values)
    assert codes.tolist() == expected_codes.tolist()
    assert uniques.tolist() == expected_uniques.tolist()


def test_actors_as_terms():
    mentions = pd.DataFrame({"actor": ["Putin", "Biden", "Putin", "Biden", "Biden"],
                             "source": ["ru", "ru", "ru", "us", "us"]})
    result = keyness.compare(mentions, by="source", term="actor", target="ru").set_index("term")
    assert result.loc["Putin", ["a", "b", "c", "d"]].tolist() == [2, 0, 3, 2]


# --------------------------------------------------------------------------------------------
# Parameters and errors
# --------------------------------------------------------------------------------------------


def test_rules_follow_the_registries_and_do_not_clash_with_collocations():
    assert set(keyness.RULES) == {"keyness_measure", "correction", "alpha"}
    assert "keyness_measure" not in association.RULES and "measure" not in keyness.RULES
    assert not set(keyness.RULES) & set(collocations.RULES)
    what, test = keyness.RULES["keyness_measure"]
    assert all(test(m) for m in keyness.MEASURES) and not test("llr")
    assert set(keyness.LABELS) == set(keyness.MEASURES)
    assert keyness.RULES["alpha"].test(0.05) and not keyness.RULES["alpha"].test(1)
    assert not keyness.RULES["alpha"].test(0.0) and not keyness.RULES["alpha"].test(True)


def test_unknown_names_list_the_valid_keys():
    target, reference = counted({"x": 1}), counted({"x": 2})
    with pytest.raises(ParameterError) as err:
        keyness.table(target, reference, measure="G2")
    assert str(err.value) == (
        "parameter keyness_measure must be one of 'g2', 'll2', 'log_ratio', 'pct_diff', "
        "'simple_maths', got 'G2'."
    )
    with pytest.raises(ParameterError, match="correction must be one of 'fdr', 'bonferroni', "
                                             "'none', got 'holm'"):
        keyness.table(target, reference, correction="holm")
    with pytest.raises(ParameterError) as err:  # every bad option named at once
        keyness.table(target, reference, top_n=0, alpha=5.0)
    assert "top_n" in str(err.value) and "alpha" in str(err.value)


def test_shared_options_keep_the_shared_message():
    with pytest.raises(ParameterError) as err:
        keyness.table(counted({"x": 1}), counted({"x": 2}), min_count=0)
    with pytest.raises(ParameterError) as shared:
        parameters.check(min_count=0)
    assert str(err.value) == str(shared.value)


def test_a_long_table_is_not_a_counted_table(tiny_long):
    with pytest.raises(ParameterError, match=r"counted table with columns 'term' and 'count'.*"
                                             r"keyness.counts\(tokens\)"):
        keyness.table(tiny_long, tiny_long)
    with pytest.raises(ParameterError, match="whole numbers"):
        keyness.table(counted({"x": 1.5}), counted({"x": 2}))
    with pytest.raises(ParameterError, match=r"reference\['term'\] has a missing value"):
        keyness.table(counted({"x": 1}), pd.DataFrame({"term": ["x", None], "count": [1, 2]}))


def test_empty_sides_and_bad_groups_are_clear_errors(tiny_long):
    with pytest.raises(ParameterError, match="the reference has no tokens"):
        keyness.table(counted({"x": 3}), counted({"x": 0}))
    with pytest.raises(ParameterError, match=r"'w' is not a group of column 'side'; the "
                                             r"groups are 'x', 'y'"):
        keyness.compare(tiny_long, by="side", target="w")
    with pytest.raises(ParameterError, match="at least two groups"):
        keyness.compare(tiny_long.assign(side="x"), by="side")
    with pytest.raises(ParameterError, match="no column 'group'"):
        keyness.compare(tiny_long, by="group")
    with pytest.raises(ParameterError, match="missing value"):
        keyness.compare(tiny_long.assign(side=tiny_long["side"].where(
            tiny_long["doc_id"] != "3")), by="side")
    with pytest.raises(ParameterError, match="same group"):
        keyness.compare(tiny_long, by="side", target="x", reference="x")
    with pytest.raises(ParameterError, match="rename it"):
        keyness.compare(tiny_long.rename(columns={"side": "rank"}), by="rank")


# --------------------------------------------------------------------------------------------
# The teaching view
# --------------------------------------------------------------------------------------------


def test_explain_fills_in_every_formula():
    target = counted({"war": 20, "other": 980})
    reference = counted({"war": 10, "other": 9990})
    text = keyness.explain(keyness.table(target, reference, correction="bonferroni"), "war")
    lines = text.split("\n")
    assert lines[0] == '#### Keyness of "war": over-used in the target'
    assert '| **"war"** | a = 20 | b = 10 | 30 |' in lines
    assert "| **total** | c = 1000 | d = 10000 | N = 11000 |" in lines
    assert "E1 = c (a + b) / (c + d) = 1000 × 30 / 11000 = **2.727273**" in text
    rows = {line.split(" | ")[0][2:]: line for line in lines if line.startswith("| ")}
    assert rows["ll2"].endswith(
        "| 2 × (20 ln(20 / 2.727273) + 10 ln(10 / 27.272727)) | 59.631164 |")
    assert "980 ln(980 / 997.272727) + 9990 ln(9990 / 9972.727273)) | 59.961969 |" in rows["g2"]
    assert rows["simple_maths"].endswith("| (20000 + 1) / (1000 + 1) | 19.981019 |")
    assert rows["pct_diff"].endswith("| (20000 − 1000) × 100 / 1000 | 1900 |")
    assert rows["p"].endswith("| erfc(√(59.961969 / 2)) | 9.67081e-15 |")
    assert "Bonferroni: min(1, p × m); m = 2 terms tested" in text
    assert "**Low expected count:**" in text  # E1 = 2.73


def test_explain_shows_the_half_count_for_zeros_and_the_group():
    long = pd.DataFrame({"token": ["war", "war", "aid", "aid", "aid", "the"],
                         "doc_group": ["x", "x", "y", "y", "y", "y"]})
    result = keyness.compare(long, by="doc_group")
    text = keyness.explain(result, "aid", group="x")
    assert "Target: group 'x'; reference: the rest of the corpus." in text
    assert "| log2((0.5 / 2) / (3 / 4)) |" in text
    assert '#### Keyness of "aid": under-used in the target' in text
    with pytest.raises(ParameterError, match="groups are 'x', 'y'"):
        keyness.explain(result, "aid", group="w")
    # A table read back from its CSV has no attrs: the group column is still found.
    read_back = result.copy()
    read_back.attrs = {}
    text = keyness.explain(read_back, "aid", group="x")
    assert "| log2((0.5 / 2) / (3 / 4)) |" in text and "Target: group 'x'" in text
    assert "m = the terms tested" in text and "At the table's alpha" in text


def test_explain_escapes_terms_and_finds_folded_ones():
    target = counted({"<b>|x": 5, "russia": 5, "other": 90})
    reference = counted({"<b>|x": 1, "russia": 1, "other": 98})
    result = keyness.table(target, reference)
    text = keyness.explain(result, "<b>|x")
    assert "<b>" not in text and "&lt;b&gt;\\|x" in text
    assert keyness.explain(result, "Russia").startswith('#### Keyness of "russia"')
    with pytest.raises(ParameterError, match="'atlantis' is not a row of the table"):
        keyness.explain(result, "atlantis")
    assert keyness.explain(result.head(0)).startswith("**Nothing to work through:**")
