"""Keyness: which terms characterise a target corpus against a reference corpus.

A term (a word, an n-gram, an actor) is *key* when its relative frequency in a target corpus
differs from that in a reference corpus by more than chance allows. The reference is another
group of the same corpus, the rest of the corpus, or a corpus of its own read from a path.

The pipeline, and the conventions every table here follows:

1. :func:`counts` turns a long table (one row per token occurrence, as from
   :func:`textkit.tokens.table`) into a **counted table**: one row per term (and per group, with
   ``by``), columns ``term`` and ``count``. Counting is vectorised (``pandas.factorize`` and
   ``numpy.bincount``), never a Python loop per token.
2. :func:`table` compares two counted tables. It first merges each side's rows by term (a term
   may be on several rows — the counts of several groups, documents or chunks — and its counts
   are summed), so counts made piece by piece give the same table as counts made at once.
3. :func:`compare` runs :func:`table` for each group of a long table against the rest of the
   corpus, or for one group against another, from per-group counts.
4. :func:`explain` works one row through, every formula with its numbers filled in.

The four counts and the 2×2 table
---------------------------------
For each term, ``a`` is its count in the target and ``b`` in the reference; ``c`` and ``d`` are
the sizes of the two corpora (the sums of their counted tables: tokens for a token table,
mentions for an actor table). These are the cells ``o11 = a``, ``o12 = b``, ``o21 = c − a``,
``o22 = d − b`` of the 2×2 table of :mod:`textkit.association` (its docstring draws it), whose
functions compute every statistic: this module only counts, signs, tests and sorts. The
expected counts, if the term had the same rate in both corpora, are
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

from textkit import association, parameters, tallies
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

#: Columns of :func:`counts` (after the ``by`` column, if any).
COUNT_COLUMNS = ("term", "count")

#: Columns of :func:`table` (:func:`compare` puts its ``by`` column first).
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
# Counting
# --------------------------------------------------------------------------------------------


def _codes(values: pd.Series, what: str, *, runs: bool = False):
    """Return integer codes and the distinct values of a column (no missing values allowed).

    With ``runs``, a column of long runs (the groups of a token table in document order) is
    encoded run by run: one comparison of neighbours, then only the first value of each run
    is hashed. A sample decides first whether the runs are long enough to pay.
    """
    array = values.to_numpy()
    sample = array[: 1 << 16]
    long_runs = (runs and not isinstance(values.dtype, pd.CategoricalDtype)
                 and np.count_nonzero(sample[1:] != sample[:-1]) * 8 < len(sample))
    if long_runs:
        starts = np.flatnonzero(np.concatenate(([True], array[1:] != array[:-1])))
        head_codes, uniques = pd.factorize(array[starts])
        small = np.int32 if len(uniques) < 2**31 else np.int64  # half the bytes to write
        codes = np.repeat(head_codes.astype(small), np.diff(np.append(starts, len(array))))
    else:
        codes, uniques = pd.factorize(values)
    if len(codes) and codes.min() < 0:
        row = int(np.flatnonzero(codes < 0)[0])
        raise ParameterError(f"{what} has a missing value (row {row}); drop or fill it first.")
    return codes, np.asarray(uniques, dtype=object)


def _pair_counts(group_codes, term_codes, groups: int, terms: int, weight=None):
    """Count (group, term) pairs; return the group index, term index and count of each pair seen.

    Each row is one occurrence, or ``weight`` of them (a counted table).
    """
    keys = np.multiply(group_codes, terms, dtype=np.int64)
    keys += term_codes
    if groups * terms <= 4 * len(keys) + (1 << 20):
        found = np.bincount(keys, weights=weight, minlength=groups * terms)
        keys = np.flatnonzero(found)
        count = found[keys]
    else:  # a sparse table: sort the keys instead of a dense array of every pair
        keys, where = np.unique(keys, return_inverse=True)
        count = np.bincount(where.ravel(), weights=weight, minlength=len(keys))
    return keys // terms, keys % terms, count.astype(np.int64)


def _grouped(long_table: pd.DataFrame, term: str, by: str | None):
    """Return ``(group values, term values, group index, term index, count)``, unsorted."""
    missing = [c for c in (term, by) if c is not None and c not in long_table.columns]
    if missing:
        raise ParameterError(
            f"the long table has no column {missing[0]!r}; its columns are "
            f"{list(long_table.columns)} (make one with textkit.tokens.table)."
        )
    term_codes, terms = _codes(long_table[term], f"column {term!r}")
    weight = tallies.weights(long_table)
    if by is None:  # one group: every distinct term occurs at least once
        count = np.bincount(term_codes, weights=weight, minlength=len(terms)).astype(np.int64)
        index = np.arange(len(terms))
        return np.array([None], dtype=object), terms, np.zeros_like(index), index, count
    group_codes, groups = _codes(long_table[by], f"column {by!r}", runs=True)
    group_index, term_index, count = _pair_counts(group_codes, term_codes, len(groups), len(terms),
                                                  weight)
    return groups, terms, group_index, term_index, count


def counts(long_table: pd.DataFrame, *, term: str = "token", by: str | None = None):
    """Count each term of a long table, over the whole table or per group.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence, e.g. from :func:`textkit.tokens.table` (columns ``doc_id``,
        ``token``) with a group column added; or a counted table
        (:func:`textkit.tallies.counted`), whose rows stand for ``count`` occurrences each.
    term : str, default "token"
        The column holding the terms (``"token"``; ``"actor"`` for a mentions table).
    by : str or None, default None
        A column to count per value of (a group, a document, a chunk); ``None`` counts the
        whole table.

    Returns
    -------
    pandas.DataFrame
        One row per term (per group, with ``by``) seen at least once, sorted by the ``by``
        value then term (code-point order), with columns

        - ``by`` (the column's values), only with ``by``;
        - ``term`` (str): the term;
        - ``count`` (int): its occurrences (in the group).

    Raises
    ------
    ParameterError
        If a column is missing or has a missing value.

    Examples
    --------
    >>> long = pd.DataFrame({"doc_id": ["1", "1", "2"], "token": ["war", "aid", "war"],
    ...                      "side": ["x", "x", "y"]})
    >>> counts(long)
      term  count
    0  aid      1
    1  war      2
    >>> counts(long, by="side")
      side term  count
    0    x  aid      1
    1    x  war      1
    2    y  war      1
    """
    groups, terms, group_index, term_index, count = _grouped(long_table, term, by)
    order = np.lexsort((code_point_rank(terms)[term_index],
                        code_point_rank(groups)[group_index]))
    frame = pd.DataFrame({
        "term": pd.Series(terms[term_index[order]], dtype=object),
        "count": count[order],
    })
    if by is not None:
        frame.insert(0, by, pd.Series(groups[group_index[order]], dtype=object))
    return frame


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
        Counted tables, columns ``term`` and ``count`` (see :func:`counts`). Rows with the same
        term are summed, so the counts of several groups, documents or chunks can be passed
        as they are (concatenated).
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
        (the number of terms corrected for), for :func:`explain`.

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


# --------------------------------------------------------------------------------------------
# Groups of one corpus
# --------------------------------------------------------------------------------------------


def _counted_frame(terms: np.ndarray, term_index: np.ndarray, count: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"term": pd.Series(terms[term_index], dtype=object), "count": count})


def _pairs(groups: np.ndarray, by: str, target, reference) -> list[tuple[int, int | None]]:
    """Return ``(target index, reference index or None for the rest)`` for each comparison."""
    names = np.argsort(code_point_rank(groups)).tolist()  # the order of counts(by=...)
    valid = ", ".join(repr(groups[i]) for i in names)
    if len(groups) < 2:
        raise ParameterError(
            f"keyness needs at least two groups in column {by!r}, found {valid or 'none'}."
        )
    index = {str(groups[i]): i for i in names}
    for role, value in (("target", target), ("reference", reference)):
        if value is not None and str(value) not in index:
            raise ParameterError(f"parameter {role}: {value!r} is not a group of column "
                                 f"{by!r}; the groups are {valid}.")
    if reference is not None and target is None:
        raise ParameterError("parameter reference needs a target group too.")
    if by in COLUMNS:
        raise ParameterError(f"the group column {by!r} has the name of a keyness column; "
                             "rename it (e.g. to 'doc_group') first.")
    if target is not None and reference is not None and str(target) == str(reference):
        raise ParameterError(f"target and reference are the same group, {target!r}.")
    if target is None:
        return [(i, None) for i in names]
    return [(index[str(target)], None if reference is None else index[str(reference)])]


def compare(
    long_table: pd.DataFrame,
    *,
    by: str,
    term: str = "token",
    target=None,
    reference=None,
    **options,
) -> pd.DataFrame:
    """Compare groups of one corpus: each group against the rest, or one group against another.

    The long table is counted once per group (:func:`counts`); a group's reference is then the
    counts of the other groups (or of ``reference``), merged by term in :func:`table` — no
    text is tokenised again, and per-chunk counts can be fed to the same merge.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence with columns ``term`` and ``by``, e.g. a token table
        (:func:`textkit.tokens.table`) with each document's group added.
    by : str
        The column naming each row's group.
    term : str, default "token"
        The column holding the terms.
    target : str or None, default None
        The group to characterise; ``None`` compares every group with the rest of the corpus.
    reference : str or None, default None
        The group to compare ``target`` with; ``None`` means the rest of the corpus.
    **options
        ``measure``, ``min_count``, ``top_n``, ``correction``, ``alpha`` of :func:`table`
        (``top_n`` and the correction apply to each group's table).

    Returns
    -------
    pandas.DataFrame
        The tables of :func:`table`, one per target group stacked in the order of the groups
        (code-point order for text), with a first column named ``by`` (the target group; e.g.
        ``doc_group``, the document groups' column of :mod:`textkit.groups`); ``c`` is the
        group's size and ``d`` the reference's (for the rest of the corpus, ``c + d`` is the
        whole table). ``attrs["keyness"]`` holds the options, ``by``, ``reference`` and
        ``tests`` (per group).

    Raises
    ------
    ParameterError
        If a column is missing, there are fewer than two groups, or ``target`` / ``reference``
        is not a group (the message lists the groups).

    Examples
    --------
    >>> long = pd.DataFrame({"doc_id": ["1", "1", "2", "2", "3", "3"],
    ...                      "token": ["war", "war", "war", "aid", "aid", "aid"],
    ...                      "side": ["x", "x", "y", "y", "y", "y"]})
    >>> compare(long, by="side")[["side", "term", "a", "b", "c", "d", "direction"]]
       side term  a  b  c  d direction
    0     x  war  2  1  2  4      over
    1     x  aid  0  3  2  4     under
    2     y  aid  3  0  4  2      over
    3     y  war  1  2  4  2     under
    """
    groups, terms, group_index, term_index, count = _grouped(long_table, term, by)
    frames, tests = [], {}
    for mine, other in _pairs(groups, by, target, reference):
        rest = group_index == other if other is not None else group_index != mine
        chosen = group_index == mine
        frame = table(_counted_frame(terms, term_index[chosen], count[chosen]),
                      _counted_frame(terms, term_index[rest], count[rest]), **options)
        frame.insert(0, by, pd.Series([groups[mine]] * len(frame), dtype=object))
        tests[str(groups[mine])] = frame.attrs["keyness"]["tests"]
        frames.append(frame)
    stacked = pd.concat(frames, ignore_index=True)
    stacked.attrs["keyness"] = {**frames[0].attrs["keyness"], "tests": tests, "by": by,
                                "reference": None if reference is None else str(reference)}
    return stacked


# --------------------------------------------------------------------------------------------
# Choosing the comparison (what notebook 04 runs)
# --------------------------------------------------------------------------------------------


def analyse(long_table: pd.DataFrame, *, by: str, reference_table: pd.DataFrame | None = None,
            target: str = "", reference: str = "", term: str = "token",
            **options) -> pd.DataFrame:
    """Run the comparison the parameters ask for: groups of the corpus, or corpus vs reference.

    - With two or more groups in ``by``: each group against the rest of the corpus
      (:func:`compare`); ``target`` picks one group, ``reference`` compares it with another
      group instead of the rest.
    - Otherwise, with a ``reference_table`` (a reference corpus, e.g. the seed against the
      Wikinews articles): the corpus (or its ``target`` group) against the reference.
    - Otherwise there is nothing to compare: an empty table with the same columns.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence, with the ``term`` and ``by`` columns.
    by : str
        The group column (``doc_group`` of :mod:`textkit.groups`).
    reference_table : pandas.DataFrame or None
        The reference corpus's occurrences (``term`` column), or ``None``.
    target, reference : str, default ""
        A group to characterise, and a group to compare it with ("" for every group / the rest).
    term : str, default "token"
    **options
        As in :func:`table`.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`compare`: a first column ``by`` naming the target (``all`` or the
        group for a reference corpus), then the columns of :func:`table`.

    Examples
    --------
    >>> long = pd.DataFrame({"token": ["war", "war", "aid"], "doc_group": ["all"] * 3})
    >>> ref = pd.DataFrame({"token": ["aid", "aid", "aid", "war"]})
    >>> analyse(long, by="doc_group", reference_table=ref)[["doc_group", "term", "a", "b"]]
      doc_group term  a  b
    0       all  war  2  1
    1       all  aid  1  3
    """
    names = sorted(set(long_table[by]))
    if reference_table is not None and reference_table.empty:
        reference_table = None
    if len(names) >= 2:
        return compare(long_table, by=by, term=term, target=target or None,
                       reference=reference or None, **options)
    if reference_table is not None:
        chosen = long_table[long_table[by] == target] if target else long_table
        result = table(counts(chosen, term=term), counts(reference_table, term=term), **options)
        result.insert(0, by, pd.Series([target or (names[0] if names else "all")] * len(result),
                                        dtype=object))
        return result
    return pd.DataFrame(columns=[by, *COLUMNS])


def reference_documents(path: str, *, skip_cleaning: str = "", exclude: pd.DataFrame | None = None,
                        **read_options) -> pd.DataFrame:
    """Read and clean a reference corpus, or return an empty corpus when ``path`` is empty.

    Documents whose text is also in ``exclude`` (the corpus itself) are left out: a reference
    compared with itself finds nothing, and a target counted on both sides is understated.

    Parameters
    ----------
    path : str
        The notebook's ``reference_corpus`` parameter: a corpus path (as for ``corpus``), or "".
    skip_cleaning : str, default ""
        As for the corpus, so both are cleaned alike.
    exclude : pandas.DataFrame or None, default None
        The cleaned corpus (``text`` column): its texts are dropped from the reference.
    **read_options
        ``text_column``, ``encoding``, ``include_all`` of :func:`textkit.files.read_corpus`.

    Returns
    -------
    pandas.DataFrame
        The cleaned documents (``doc_id``, ``text``, ...); no rows when ``path`` is "" or when
        every reference document is in ``exclude``.
    """
    from textkit import clean, files

    if not path:
        return pd.DataFrame({"doc_id": pd.Series([], dtype=object),
                             "text": pd.Series([], dtype=object)})
    reference = clean.corpus(files.read_corpus(path, **read_options), skip=skip_cleaning)
    if exclude is not None and len(exclude):
        reference = reference[~reference["text"].isin(set(exclude["text"]))]
    return reference.reset_index(drop=True)


# The teaching view lives in its own module; notebooks call it as ``keyness.explain``.
from textkit.keyteaching import explain  # noqa: E402, F401  (re-exported; needs the names above)
