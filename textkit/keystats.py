"""Keyness statistics: a target's counted table compared term by term with a reference's.

:func:`table` takes two counted tables (columns ``term`` and ``count``, as from
:func:`textkit.keyness.counts`), one for the target corpus and one for the reference, and
returns one row per term: its four counts, the expected counts, every statistic of
:data:`MEASURES`, the p-value and its correction (:data:`CORRECTIONS`), the direction and the
low-expected flag, sorted and ranked. It first merges each side's rows by term (a term may be
on several rows — the counts of several groups, documents or chunks — and its counts are
summed), so counts made piece by piece give the same table as counts made at once.
:data:`RULES` holds the rules of the parameters that choose the statistic, the correction and
the significance level.

Counting a corpus and comparing its groups is :mod:`textkit.keyness`, which re-exports the
names of this module that notebooks and tests use (``keyness.table``, ``keyness.MEASURES``, …);
:mod:`textkit.keyteaching` works one row of the table through by hand.

The four counts and the 2×2 table
---------------------------------
For each term, ``a`` is its count in the target and ``b`` in the reference; ``c`` and ``d`` are
the sizes of the two corpora (the sums of their counted tables: tokens for a token table,
mentions for an actor table). These are the cells ``o11 = a``, ``o12 = b``, ``o21 = c − a``,
``o22 = d − b`` of the 2×2 table of :mod:`textkit.association` (its docstring draws it), whose
functions compute every statistic: this module only merges the counts, signs, tests and sorts.
The expected counts, if the term had the same rate in both corpora, are
``e1 = c (a + b) / (c + d)`` and ``e2 = d (a + b) / (c + d)``.

The statistics (:data:`MEASURES`; formulas and zero conventions in :mod:`textkit.association`)
-----------------------------------------------------------------------------------------------
=================  ============================================  ================================
key                formula                                       what it is
=================  ============================================  ================================
``g2``             ``2 Σ O ln(O / E)`` over all four cells       significance: G² (Dunning 1993)
``ll2``            ``2 (a ln(a / e1) + b ln(b / e2))``           significance: UCREL's LL
                                                                 (Rayson & Garside 2000)
``log_ratio``      ``log2((a / c) / (b / d))``, a 0 as 0.5       effect size (Hardie 2014)
``pct_diff``       ``(fpm1 − fpm2) × 100 / fpm2``, b = 0 as 0.5  effect size (Gabrielatos &
                                                                 Marchi 2012)
``simple_maths``   ``(fpm1 + 1) / (fpm2 + 1)``                   ratio (Kilgarriff 2009, N = 1)
=================  ============================================  ================================

``fpm1 = a / c × 10⁶`` and ``fpm2 = b / d × 10⁶`` are frequencies per million. Log Ratio is
smoothed **only where a count is zero** (that count becomes 0.5), so ``a = 20, b = 10,
c = 1000, d = 10000`` gives exactly ``log2(20) = 4.321928``.

Sign, p-values and corrections
------------------------------
- ``direction`` is ``"over"`` where the target's rate is higher (``a / c > b / d``), ``"under"``
  where it is lower and ``"equal"`` where the rates are the same. G² and LL are two-sided (they
  are large for strong under-use too), so ``g2_signed`` and ``ll2_signed`` carry the sign;
  Log Ratio and %DIFF are signed already, simple maths is above 1 for over-use.
- ``p`` is the upper tail of the chi-squared distribution with 1 degree of freedom at the
  log-likelihood (``ll2`` when the table is ranked by ``ll2``, else ``g2``):
  ``p = erfc(√(x / 2))``, exact for 1 d.f. (χ²₁ is the square of a standard normal ``Z``, and
  ``P(Z² ≥ x) = 2 P(Z ≥ √x) = erfc(√(x / 2))``). It is rounded to 6 *significant digits* (6
  decimals would turn every key term's p into 0); below about 1e-300 it is 0.
- Thousands of terms are tested at once, so ``p_adjusted`` corrects for multiple comparisons
  (:data:`CORRECTIONS`) over the ``m`` terms of the table (after ``min_count``, before
  ``top_n``): ``"fdr"`` — Benjamini & Hochberg (1995), the false discovery rate:
  ``p_(i) × m / i`` for the i-th smallest p, made monotone from the largest down;
  ``"bonferroni"`` — ``min(1, p × m)``, the family-wise error rate; ``"none"``.
  ``significant`` is ``p_adjusted ≤ alpha``.
- ``low_expected`` flags rows where an expected count (of the four cells) is below 5, where the
  chi-squared approximation of the p-value is poor (the Cochran rule). Read such terms with
  care; Rayson, Berridge & Francis (2004) advise the stricter cut-off G² ≥ 15.13
  (p < 0.0001) for them.

Sorting: the statistics are rounded to 6 decimals, then rows are sorted by the chosen measure,
**signed**, descending — over-used terms first, under-used terms last (for ``g2``: by
``g2_signed``) — and then by term (ascending, by code point). ``rank`` is the competition rank
of that signed score (equal scores share the best rank).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from textkit import association, parameters
from textkit.counting import code_point_rank
from textkit.errors import ParameterError

#: The keyness statistics by the name the ``keyness_measure`` parameter takes (functions of
#: the 2×2 cells ``a, b, c − a, d − b``, from :mod:`textkit.association`).
MEASURES = {
    "g2": association.MEASURES["llr"],
    "ll2": association.ll2,
    "log_ratio": association.log_ratio,
    "pct_diff": association.pct_diff,
    "simple_maths": association.simple_maths,
}

#: What each statistic is called in titles and axis labels.
LABELS = {
    "g2": "log-likelihood G² (4 cells)",
    "ll2": "log-likelihood LL (2 cells, UCREL)",
    "log_ratio": "Log Ratio (log2 of the ratio of relative frequencies)",
    "pct_diff": "%DIFF (percentage difference of frequencies per million)",
    "simple_maths": "simple maths (N = 1)",
}

#: The two-sided significance statistics: they get a signed column and give the p-values.
TESTS = ("g2", "ll2")


def bonferroni(p) -> np.ndarray:
    """Return Bonferroni-adjusted p-values ``min(1, p × m)`` for ``m`` tests.

    Examples
    --------
    >>> bonferroni([0.01, 0.04, 0.03, 0.5])
    array([0.04, 0.16, 0.12, 1.  ])
    """
    p = np.asarray(p, dtype=np.float64)
    return np.minimum(p * len(p), 1.0)


def benjamini_hochberg(p) -> np.ndarray:
    """Return Benjamini–Hochberg (1995) adjusted p-values (false discovery rate).

    The ``i``-th smallest of ``m`` p-values becomes ``p_(i) × m / i``, then the running minimum
    from the largest p down (so adjusted values keep the order of the p-values), capped at 1.
    Equal p-values get equal adjusted values.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.5]).round(6)
    array([0.04    , 0.053333, 0.053333, 0.5     ])

    Sorted, the p-values are scaled by ``m / i``: ``0.01 × 4/1 = 0.04``, ``0.03 × 4/2 = 0.06``,
    ``0.04 × 4/3 = 0.053333``, ``0.5 × 4/4 = 0.5``; the running minimum from the end lowers
    0.06 to 0.053333.
    """
    p = np.asarray(p, dtype=np.float64)
    m = len(p)
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    monotone = np.minimum.accumulate(scaled[::-1])[::-1]
    adjusted = np.empty(m, dtype=np.float64)
    adjusted[order] = np.minimum(monotone, 1.0)
    return adjusted


def _uncorrected(p) -> np.ndarray:
    """Return the p-values as they are (``correction="none"``)."""
    return np.asarray(p, dtype=np.float64).copy()


#: Multiple-comparison corrections by the name the ``correction`` parameter takes.
CORRECTIONS = {"fdr": benjamini_hochberg, "bonferroni": bonferroni, "none": _uncorrected}

#: Rules of the keyness parameters (``keyness_measure``: the notebooks' ``measure`` is the
#: collocation measure, and the runner passes a parameter to every notebook that declares it).
RULES = {
    "keyness_measure": parameters.one_of(*MEASURES),
    "correction": parameters.one_of(*CORRECTIONS),
    "alpha": parameters.Rule(
        "a number between 0 and 1 (the significance level, e.g. 0.05)",
        lambda v: isinstance(v, float) and 0.0 < v < 1.0,
    ),
}

#: Columns of :func:`textkit.keyness.counts` (after the ``by`` column, if any).
COUNT_COLUMNS = ("term", "count")

#: Columns of :func:`table` (:func:`textkit.keyness.compare` puts its ``by`` column first).
COLUMNS = (
    "rank", "term", "a", "b", "c", "d", "e1", "e2", "g2", "g2_signed", "ll2", "ll2_signed",
    "log_ratio", "pct_diff", "simple_maths", "p", "p_adjusted", "significant", "direction",
    "low_expected",
)

_DECIMALS = 6


def _check(**values) -> None:
    """Validate options: shared rules with :func:`textkit.parameters.check`, keyness's here.

    The message format is the one of :func:`textkit.parameters.check`; once
    :func:`textkit.parameters.rules` collects :data:`RULES`, this reduces to that call.
    """
    problems = []
    try:
        parameters.check(**{k: v for k, v in values.items() if k not in RULES})
    except ParameterError as error:
        problems.append(str(error))
    for name, value in values.items():
        if name in RULES and not RULES[name].test(value):
            problems.append(f"parameter {name} must be {RULES[name].what}, got {value!r}.")
    if problems:
        raise ParameterError(" ".join(problems))


# --------------------------------------------------------------------------------------------
# The keyness table
# --------------------------------------------------------------------------------------------


def _counted(name: str, counted) -> tuple[np.ndarray, np.ndarray]:
    """Return the ``term`` and ``count`` arrays of a counted table, or say what is expected."""
    if not isinstance(counted, pd.DataFrame) or not set(COUNT_COLUMNS) <= set(counted.columns):
        got = list(counted.columns) if isinstance(counted, pd.DataFrame) else type(counted).__name__
        raise ParameterError(
            f"{name} must be a counted table with columns 'term' and 'count' (one row per "
            f"term; make one from a token table with keyness.counts(tokens)), got {got}."
        )
    count = counted["count"]
    if not pd.api.types.is_integer_dtype(count) or (len(count) and count.min() < 0):
        raise ParameterError(f"{name}['count'] must hold whole numbers of at least 0.")
    return counted["term"].to_numpy(dtype=object), count.to_numpy(dtype=np.int64)


def _aligned(target, reference):
    """Merge each side's rows by term; return the terms and their counts ``a`` and ``b``."""
    target_terms, target_counts = _counted("target", target)
    reference_terms, reference_counts = _counted("reference", reference)
    codes, terms = pd.factorize(np.concatenate([target_terms, reference_terms]))
    split = len(target_terms)
    if len(codes) and codes.min() < 0:
        side = "target" if codes[:split].min(initial=0) < 0 else "reference"
        raise ParameterError(f"{side}['term'] has a missing value; drop or fill it first.")
    sides = []
    for part, weights in ((codes[:split], target_counts), (codes[split:], reference_counts)):
        # Float weights are exact for counts below 2**53.
        summed = np.bincount(part, weights=weights.astype(np.float64), minlength=len(terms))
        sides.append(np.rint(summed).astype(np.int64))
    return np.asarray(terms, dtype=object), sides[0], sides[1]


def _round(values) -> np.ndarray:
    """Round to 6 decimals; ``-0.0`` becomes ``0.0`` (so a CSV never shows "-0.0")."""
    return np.round(np.asarray(values, dtype=np.float64), _DECIMALS) + 0.0


def _significant_digits(values: np.ndarray) -> np.ndarray:
    """Round to 6 significant digits, exactly: through the decimal text of each distinct value
    (terms with the same counts share a p-value, so there are far fewer than rows)."""
    distinct, inverse = np.unique(values, return_inverse=True)
    rounded = np.array([float(f"{v:.6g}") for v in distinct.tolist()], dtype=np.float64)
    return rounded[inverse.reshape(-1)]


def p_value(statistic) -> np.ndarray:
    """Return the chi-squared (1 d.f.) upper-tail p-value ``erfc(√(x / 2))`` of a statistic.

    Examples
    --------
    >>> p_value([0.0, 3.841459, 10.827566]).round(6)
    array([1.   , 0.05 , 0.001])
    """
    root = np.sqrt(np.maximum(np.asarray(statistic, dtype=np.float64), 0.0) / 2.0)
    return np.frompyfunc(math.erfc, 1, 1)(root).astype(np.float64)


def _statistics(a: np.ndarray, b: np.ndarray, c: int, d: int) -> dict[str, np.ndarray]:
    """Return the expected counts, the statistics (rounded), the signed ones and the flags."""
    cells = (a, b, c - a, d - b)
    expected = association.expected_cells(*cells)
    columns = {"e1": _round(expected[0]), "e2": _round(expected[1])}
    columns.update({name: _round(function(*cells)) for name, function in MEASURES.items()})
    # Equal rates give exactly equal quotients (IEEE division is correctly rounded).
    sign = np.sign(a / c - b / d).astype(np.int64)
    for name in TESTS:
        columns[f"{name}_signed"] = columns[name] * sign + 0.0
    columns["direction"] = np.array(["equal", "over", "under"], dtype=object)[sign]  # 0, 1, −1
    columns["low_expected"] = np.minimum.reduce(expected) < 5
    return columns


def _ranked(score: np.ndarray, terms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the row order (score descending, term ascending) and the competition ranks."""
    order = np.lexsort((code_point_rank(terms), -score))
    ordered = -score[order]
    return order, np.searchsorted(ordered, ordered, side="left") + 1


def table(
    target: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    measure: str = "g2",
    min_count: int = 1,
    top_n: int | None = None,
    correction: str = "fdr",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Compare the terms of a target corpus with a reference corpus.

    Parameters
    ----------
    target, reference : pandas.DataFrame
        Counted tables, columns ``term`` and ``count`` (see :func:`textkit.keyness.counts`).
        Rows with the same term are summed, so the counts of several groups, documents or
        chunks can be passed as they are (concatenated).
    measure : str, default "g2"
        The statistic to rank by, a key of :data:`MEASURES` (parameter ``keyness_measure``).
    min_count : int, default 1
        Keep terms with ``a + b ≥ min_count`` (the sizes ``c`` and ``d`` still count every
        term). On ``a + b``, not ``a``, so that strongly under-used terms stay in.
    top_n : int or None, default None
        Keep the first ``top_n`` rows (the most over-used); ``None`` keeps all. The most
        under-used are the last rows of the full table.
    correction : {"fdr", "bonferroni", "none"}, default "fdr"
        The multiple-comparison correction of :data:`CORRECTIONS`, over every term kept by
        ``min_count``.
    alpha : float, default 0.05
        The significance level for ``significant``.

    Returns
    -------
    pandas.DataFrame
        One row per term, sorted by the signed ``measure`` descending (over-use first,
        under-use last) then ``term``, with columns

        - ``rank`` (int): competition rank of the signed measure (1 = most over-used);
        - ``term`` (str): the term;
        - ``a``, ``b`` (int): its count in the target and in the reference;
        - ``c``, ``d`` (int): the sizes of the target and the reference (the same in every row);
        - ``e1``, ``e2`` (float): expected counts ``c (a + b) / (c + d)``, ``d (a + b) / (c + d)``;
        - ``g2`` (float): log-likelihood G², 4 cells (two-sided, ≥ 0);
        - ``g2_signed`` (float): ``g2``, negative for under-use;
        - ``ll2``, ``ll2_signed`` (float): UCREL's 2-cell log-likelihood, unsigned and signed;
        - ``log_ratio`` (float): Log Ratio, binary log of the ratio of relative frequencies;
        - ``pct_diff`` (float): %DIFF, the percentage difference of frequencies per million;
        - ``simple_maths`` (float): ``(fpm1 + 1) / (fpm2 + 1)``;
        - ``p`` (float): chi-squared (1 d.f.) p-value of ``ll2`` if ``measure="ll2"``, else of
          ``g2``; 6 significant digits;
        - ``p_adjusted`` (float): ``p`` after ``correction``; 6 significant digits;
        - ``significant`` (bool): ``p_adjusted ≤ alpha``;
        - ``direction`` (str): ``"over"``, ``"under"`` or ``"equal"`` (target rate against
          reference rate);
        - ``low_expected`` (bool): an expected count of the 2×2 table is below 5.

        Statistics are rounded to 6 decimals (see the module docstring for every formula).
        ``table.attrs["keyness"]`` records ``measure``, ``correction``, ``alpha`` and ``tests``
        (the number of terms corrected for), for :func:`textkit.keyteaching.explain`.

    Raises
    ------
    ParameterError
        For an unknown measure or correction, a bad ``min_count``, ``top_n`` or ``alpha``, a
        table that is not a counted table, or an empty target or reference.

    Examples
    --------
    >>> target = pd.DataFrame({"term": ["war", "aid", "the"], "count": [20, 0, 980]})
    >>> reference = pd.DataFrame({"term": ["war", "aid", "the"], "count": [10, 40, 9950]})
    >>> table(target, reference)[["rank", "term", "a", "b", "g2_signed", "log_ratio",
    ...                           "direction", "low_expected"]]
       rank term    a     b  g2_signed  log_ratio direction  low_expected
    0     1  war   20    10  59.961969   4.321928      over          True
    1     2  aid    0    40  -7.639397  -3.000000     under          True
    2     3  the  980  9950 -21.895795  -0.021915     under         False

    ``c = 1000`` and ``d = 10000``; "aid" never occurs in the target, so its Log Ratio counts
    ``a`` as 0.5: ``log2((0.5 / 1000) / (40 / 10000)) = −3``.
    """
    _check(keyness_measure=measure, min_count=min_count, correction=correction, alpha=alpha,
           **({} if top_n is None else {"top_n": top_n}))
    terms, a, b = _aligned(target, reference)
    c, d = int(a.sum()), int(b.sum())
    if c == 0 or d == 0:
        empty = "target" if c == 0 else "reference"
        raise ParameterError(f"the {empty} has no tokens: keyness needs counts on both sides.")
    keep = (a + b) >= min_count
    terms, a, b = terms[keep], a[keep], b[keep]
    columns = _statistics(a, b, c, d)
    p = p_value(columns["ll2" if measure == "ll2" else "g2"])
    adjusted = _significant_digits(CORRECTIONS[correction](p))
    columns.update(p=_significant_digits(p), p_adjusted=adjusted, significant=adjusted <= alpha)
    score = columns[f"{measure}_signed" if measure in TESTS else measure]
    order, rank = _ranked(score, terms)
    if top_n is not None:
        order, rank = order[:top_n], rank[:top_n]
    frame = pd.DataFrame({
        "rank": rank, "term": pd.Series(terms[order], dtype=object),
        "a": a[order], "b": b[order],
        "c": np.full(len(order), c, dtype=np.int64), "d": np.full(len(order), d, dtype=np.int64),
        **{name: values[order] for name, values in columns.items()},
    })[list(COLUMNS)].astype({"direction": object})
    frame.attrs["keyness"] = {"measure": measure, "correction": correction, "alpha": alpha,
                              "tests": int(len(terms))}
    return frame

