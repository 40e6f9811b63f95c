"""Association measures against hand-computed values, zero cells, and the registry."""

import itertools
import math

import numpy as np
import pytest

from textkit import association
from textkit.errors import ParameterError

# The cases of issue 4, computed by hand: log2 for PMI, logDice and MI3; natural log for G².
# A: N = 1000, R1 = 15, C1 = 10, E11 = 0.15.   B: N = 10000, R1 = 50, C1 = 60, E11 = 0.3.
CASES = {
    "A": ((8, 7, 2, 983), {
        "frequency": 8.0, "pmi": 5.736966, "llr": 62.481455, "t": 2.775394, "chi2": 421.285614,
        "chi2_yates": 369.327796, "dice": 0.640000, "logdice": 13.356144, "mi3": 11.736966,
    }),
    "B": ((30, 20, 30, 9920), {
        "frequency": 30.0, "pmi": 6.643856, "llr": 258.100325, "t": 5.422453, "chi2": 2972.912854,
        "chi2_yates": 2873.657355, "dice": 0.545455, "logdice": 13.125531, "mi3": 16.457637,
    }),
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("measure", association.MEASURES)
def test_measure_matches_hand_computed_value(case, measure):
    cells, expected = CASES[case]
    value = association.MEASURES[measure](*cells)
    assert round(float(value), 6) == pytest.approx(expected[measure], abs=1e-6)


def test_measures_are_vectorised_over_rows():
    cells = np.array([CASES["A"][0], CASES["B"][0]]).T
    for measure, function in association.MEASURES.items():
        got = function(*cells)
        assert got.shape == (2,)
        assert got.round(6).tolist() == pytest.approx(
            [CASES["A"][1][measure], CASES["B"][1][measure]], abs=1e-6
        )


def test_expected_count():
    assert association.expected(*CASES["A"][0]) == pytest.approx(0.15)
    assert association.expected(*CASES["B"][0]) == pytest.approx(0.3)


def _by_hand(o11, o12, o21, o22):
    """The textbook formulas, written out with math (no shared code with the module)."""
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    e = [r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n]
    g2 = 2 * sum(o * math.log(o / x) for o, x in zip((o11, o12, o21, o22), e) if o > 0)
    # Pearson's sum over cells: the closed form used by the module must agree with it.
    x2 = sum((o - x) ** 2 / x for o, x in zip((o11, o12, o21, o22), e))
    # Yates moves each count 0.5 towards its expectation, never past it (as scipy does).
    x2_yates = sum(max(abs(o - x) - 0.5, 0) ** 2 / x for o, x in zip((o11, o12, o21, o22), e))
    return {
        "pmi": math.log2(o11 / e[0]),
        "llr": g2,
        "t": (o11 - e[0]) / math.sqrt(o11),
        "chi2": x2,
        "chi2_yates": x2_yates,
        "dice": 2 * o11 / (r1 + c1),
        "logdice": 14 + math.log2(2 * o11 / (r1 + c1)),
        "mi3": math.log2(o11**3 / e[0]),
    }


@pytest.mark.parametrize(
    "cells", [(1, 1, 1, 1), (3, 40, 12, 5000), (120, 3, 7, 99), (2, 900, 850, 400), (5, 0, 2, 10)]
)
def test_closed_forms_agree_with_the_cell_by_cell_definitions(cells):
    for measure, value in _by_hand(*cells).items():
        assert float(association.MEASURES[measure](*cells)) == pytest.approx(value, rel=1e-12)


# Every pattern of empty cells, including the all-empty table.
ZERO_PATTERNS = [
    tuple(0 if zero else count for zero, count in zip(mask, (6, 4, 3, 87)))
    for mask in itertools.product([False, True], repeat=4)
]


@pytest.mark.parametrize("cells", ZERO_PATTERNS)
def test_zero_cells_give_finite_scores(cells):
    with np.errstate(all="raise"):  # no division by zero or log(0) is even attempted
        for measure, function in association.MEASURES.items():
            value = function(*[np.array([c]) for c in cells])
            assert np.isfinite(value).all(), (measure, cells, value)


@pytest.mark.parametrize(
    ("cells", "measure", "value"),
    [
        ((0, 0, 0, 0), "llr", 0.0),          # empty table: no evidence
        ((5, 0, 0, 0), "chi2", 0.0),         # a row and a column are empty: 0/0 is 0
        ((5, 0, 0, 7), "dice", 1.0),         # the two words only ever occur together
        ((5, 0, 0, 7), "logdice", 14.0),     # logDice's maximum
        ((0, 10, 10, 80), "pmi", math.log2(0.5 / (10.5 * 10.5 / 100.5))),  # O11 counted as 0.5
        ((0, 10, 10, 80), "t", (0 - 1.0) / math.sqrt(0.5)),               # E11 from the real table
        ((0, 10, 10, 80), "dice", 0.0),
        ((1, 0, 0, 0), "chi2_yates", 0.0),   # |ad − bc| − N/2 < 0 is clipped at 0
    ],
)
def test_zero_cell_conventions(cells, measure, value):
    assert float(association.MEASURES[measure](*cells)) == pytest.approx(value, rel=1e-12)


def test_llr_is_two_sided_and_t_keeps_the_sign():
    attracted = (20, 80, 80, 9820)     # E11 = 1: seen 20 times
    repelled = (0, 1000, 1000, 8000)   # E11 = 100: never seen
    assert association.llr(*attracted) > 0 and association.llr(*repelled) > 0
    assert association.t(*attracted) > 0 > association.t(*repelled)


def test_symmetric_measures_do_not_depend_on_which_word_is_the_row():
    a, b = (8, 7, 2, 983), (8, 2, 7, 983)
    for measure in ("pmi", "llr", "chi2", "chi2_yates", "dice", "logdice", "mi3", "t"):
        assert float(association.MEASURES[measure](*a)) == pytest.approx(
            float(association.MEASURES[measure](*b)), rel=1e-12
        )


def test_agrees_with_nltk_formulas_where_definitions_agree():
    """NLTK's BigramAssocMeasures take (O11, (R1, C1), N). Agreements and the differences:

    - pmi, likelihood_ratio, chi_sq, dice: same definitions (NLTK adds 1e-20 inside its
      logarithms and denominators, far below 1e-9);
    - student_t: NLTK divides by sqrt(O11 + 1e-20): the same for O11 >= 1;
    - mi_like: NLTK returns O11³ / (R1 C1) without the logarithm and without N, so
      mi3 = log2(mi_like) + log2(N);
    - raw_freq is O11 / N, textkit's frequency is O11;
    - NLTK has no logDice and no Yates-corrected χ².
    """
    from nltk.metrics import BigramAssocMeasures as nltk_measures

    rng = np.random.default_rng(4)
    cells = rng.integers(1, 500, size=(4, 200))
    o11, o12, o21, o22 = cells
    ours = {name: f(*cells) for name, f in association.MEASURES.items()}
    for i in range(cells.shape[1]):
        marginals = (int(o11[i]), (int(o11[i] + o12[i]), int(o11[i] + o21[i])), int(cells[:, i].sum()))
        n = marginals[2]
        pairs = {
            "pmi": nltk_measures.pmi(*marginals),
            "llr": nltk_measures.likelihood_ratio(*marginals),
            "chi2": nltk_measures.chi_sq(*marginals),
            "dice": nltk_measures.dice(*marginals),
            "t": nltk_measures.student_t(*marginals),
            "mi3": math.log2(nltk_measures.mi_like(*marginals)) + math.log2(n),
            "frequency": nltk_measures.raw_freq(*marginals) * n,
        }
        for name, theirs in pairs.items():
            assert ours[name][i] == pytest.approx(theirs, rel=1e-9, abs=1e-9), (name, marginals)


def test_registry_lists_every_measure_and_rejects_unknown_names():
    assert list(association.MEASURES) == [
        "frequency", "pmi", "llr", "t", "chi2", "chi2_yates", "dice", "logdice", "mi3"
    ]
    with pytest.raises(ParameterError, match=r"measure must be one of 'frequency', 'pmi'.*got 'PMI'"):
        association.get("PMI")
    with pytest.raises(ValueError):  # ParameterError is also a ValueError
        association.get("g2")


def test_scores_are_rounded_so_equal_scores_tie():
    # Two tables with mathematically equal PMI (O11/E11 = 2) whose floats differ in the last bits.
    got = association.scores([1, 3], [1, 3], [1, 3], [1, 3])["pmi"]
    assert got[0] == got[1]


def test_the_measure_parameter_rule_follows_the_registry():
    from textkit import parameters

    description, _ = parameters.RULES["measure"]
    assert description == "one of " + ", ".join(map(repr, association.MEASURES))
    assert parameters.check(measure="logdice") == {"measure": "logdice"}
    with pytest.raises(ParameterError, match="parameter measure must be one of 'frequency'.*got 'G2'"):
        parameters.check(measure="G2")
    with pytest.raises(ParameterError):
        parameters.check(measure=3)
