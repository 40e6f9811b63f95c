"""Association measures computed from a 2×2 contingency table, one registry for every analysis.

Every measure is a vectorised NumPy function of the four cells of the table, given as arrays
(or numbers) of the same length, and returns a float array. The cells, for a pair of items
``a`` (the row: the first word of a bigram, the node word) and ``b`` (the column: the second
word, the collocate):

=========  ==================  ==================  ===============
\\          ``b``               not ``b``           total
=========  ==================  ==================  ===============
``a``      ``o11``             ``o12``             ``R1 = o11 + o12``
not ``a``  ``o21``             ``o22``             ``R2 = o21 + o22``
total      ``C1 = o11 + o21``  ``C2 = o12 + o22``  ``N``
=========  ==================  ==================  ===============

Expected counts under independence are ``Eij = Ri × Cj / N``; in particular
``E11 = R1 × C1 / N``. What is counted in the cells (bigram positions, trigram positions,
window positions) is decided by :mod:`textkit.collocations`; this module only does arithmetic.

The measures (Evert 2008, "Corpora and collocations", is the reference for all of them):

``frequency``
    ``O11`` — the raw co-occurrence count.
``pmi``
    Pointwise mutual information, **base 2** (Church & Hanks 1990; as NLTK and Sketch Engine):
    ``log2(O11 / E11)``.
``llr``
    Log-likelihood ratio G² (Dunning 1993), **natural log, all four cells**:
    ``2 × Σij Oij × ln(Oij / Eij)`` with ``0 × ln 0 = 0``. It is two-sided: a pair seen much
    *less* often than expected also scores high; the sign of ``t`` (or ``O11 < E11``) tells
    the two apart.
``t``
    t-score (Church et al. 1991; Manning & Schütze 5.3.1): ``(O11 − E11) / √O11``. Negative
    when the pair is under-represented.
``chi2``
    Pearson's χ² on all four cells, in its closed form ``N × (O11·O22 − O12·O21)² / (R1·R2·C1·C2)``
    (Manning & Schütze 5.3.3), no continuity correction.
``chi2_yates``
    χ² with Yates' continuity correction:
    ``N × max(0, |O11·O22 − O12·O21| − N/2)² / (R1·R2·C1·C2)``.
``dice``
    Dice coefficient (Smadja et al. 1996): ``2 × O11 / (R1 + C1)``, between 0 and 1.
``logdice``
    logDice (Rychlý 2008): ``14 + log2(2 × O11 / (R1 + C1))``, at most 14; it does not depend on
    ``N``.
``mi3``
    MI³ (Daille 1994; Oakes 1998): ``log2(O11³ / E11)``, base 2.

Zero cells never give NaN or infinities:

- ``0 × ln 0`` is 0 in G², and a ratio whose denominator is 0 is 0 (χ² when a whole row or column
  of the table is empty; Dice when ``R1 + C1 = 0``).
- Where ``O11`` would go into a logarithm or under a square root in a denominator (``pmi``,
  ``mi3``, ``logdice``, ``t``), an ``O11`` of 0 counts as 0.5 — the half count of the
  Haldane–Anscombe correction — so a pair that never occurs gets a finite, low score instead of
  −∞. The row and column totals then include the 0.5 too (``R1 = 0.5 + O12`` and so on). Pairs
  in textkit's own tables always have ``O11 ≥ 1``, where this never applies.

Keyness: the same table, read as two corpora
--------------------------------------------
Keyness (:mod:`textkit.keyness`) compares a term's frequency in a target corpus with its
frequency in a reference corpus. That is a 2×2 table too, with the corpora as columns — ``a`` is
the term's count in the target (of ``c`` tokens), ``b`` its count in the reference (of ``d``):

=============  ==================  ==================
\\              target              reference
=============  ==================  ==================
the term       ``o11 = a``         ``o12 = b``
other terms    ``o21 = c − a``     ``o22 = d − b``
total          ``C1 = c``          ``C2 = d``
=============  ==================  ==================

so ``E11 = (a + b) c / (c + d)`` (UCREL's ``E1``), ``E12 = (a + b) d / (c + d)`` (``E2``), and
:func:`llr` on these cells is the 4-cell G² of keyness. The keyness-only statistics below take
the same four cells, so every function of this module is called one way; they are registered
in :data:`textkit.keystats.MEASURES`, not in :data:`MEASURES` (a collocation table has no use
for them). Frequencies per million are ``fpm1 = a / c × 10⁶`` and ``fpm2 = b / d × 10⁶``.

``ll2``
    Log-likelihood of the UCREL calculator (Rayson & Garside 2000), the **2-cell** form:
    ``2 (a ln(a / E1) + b ln(b / E2))``, natural log, ``0 × ln 0 = 0``. It leaves out the
    "other terms" row, so it is never larger than the 4-cell G² (by Gibbs' inequality), and
    close to it when the term is a small part of both corpora.
``log_ratio``
    Log Ratio (Hardie 2014), an effect size: ``log2((a / c) / (b / d))``, the binary log of the
    ratio of relative frequencies (1 = twice as frequent, −1 = half as frequent). **Smoothing
    only for zeros:** a zero ``a`` or ``b`` counts as 0.5 (Hardie's convention; the :data:`HALF`
    count of the measures above); other counts are used as they are. Both zero gives 0.
``pct_diff``
    %DIFF (Gabrielatos & Marchi 2012; Gabrielatos 2018): ``(fpm1 − fpm2) × 100 / fpm2``, from
    −100 (absent from the target) upwards. It is undefined for ``b = 0``; textkit then counts
    ``b`` as 0.5, the same half count as Log Ratio, so the value stays finite and both effect
    sizes agree in sign. Both zero gives 0.
``simple_maths``
    Kilgarriff's (2009) "simple maths": ``(fpm1 + N) / (fpm2 + N)`` with ``N = 1`` by default;
    above 1 for over-use, below 1 for under-use. ``N`` needs no zero convention: a larger ``N``
    moves the list towards common words.

Examples
--------
>>> import numpy as np
>>> o11, o12, o21, o22 = np.array([8]), np.array([7]), np.array([2]), np.array([983])
>>> expected(o11, o12, o21, o22)
array([0.15])
>>> {name: round(float(f(o11, o12, o21, o22)[0]), 6) for name, f in MEASURES.items()}
{'frequency': 8.0, 'pmi': 5.736966, 'llr': 62.481455, 't': 2.775394, 'chi2': 421.285614, 'chi2_yates': 369.327796, 'dice': 0.64, 'logdice': 13.356144, 'mi3': 11.736966}
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from textkit import parameters

#: The count that stands in for an empty ``O11`` cell inside logarithms (see module docstring).
HALF = 0.5


def _cells(o11, o12, o21, o22):
    """Return the four cells as float64 arrays (broadcast to one shape)."""
    return np.broadcast_arrays(*(np.asarray(c, dtype=np.float64) for c in (o11, o12, o21, o22)))


def _ratio(numerator, denominator):
    """Divide element-wise; 0 where the denominator is 0."""
    numerator, denominator = np.broadcast_arrays(numerator, denominator)
    out = np.zeros(numerator.shape, dtype=np.float64)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _floored(o11, o12, o21, o22):
    """Return the table with an empty ``O11`` replaced by :data:`HALF` (for logarithms)."""
    o11 = np.where(o11 > 0, o11, HALF)
    return o11, o12, o21, o22


def expected(o11, o12, o21, o22) -> np.ndarray:
    """Return the expected count ``E11 = R1 × C1 / N`` under independence.

    Parameters
    ----------
    o11, o12, o21, o22 : array-like of int or float
        The cells of the 2×2 table (see the module docstring).

    Returns
    -------
    numpy.ndarray of float
        ``(o11 + o12) × (o11 + o21) / (o11 + o12 + o21 + o22)``; 0 when the table is empty.

    Examples
    --------
    >>> expected(30, 20, 30, 9920)
    array(0.3)
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    return _ratio((o11 + o12) * (o11 + o21), o11 + o12 + o21 + o22)


def expected_cells(o11, o12, o21, o22) -> tuple[np.ndarray, ...]:
    """Return the four expected counts ``Eij = Ri × Cj / N`` under independence.

    Parameters
    ----------
    o11, o12, o21, o22 : array-like of int or float
        The cells of the 2×2 table.

    Returns
    -------
    tuple of numpy.ndarray of float
        ``(E11, E12, E21, E22)``; 0 when the table is empty. For keyness cells, ``E11`` and
        ``E12`` are UCREL's ``E1`` and ``E2``.

    Examples
    --------
    >>> [e.round(6).tolist() for e in expected_cells([20], [10], [980], [9990])]
    [[2.727273], [27.272727], [997.272727], [9972.727273]]
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    return tuple(_ratio(r * c, n) for r, c in ((r1, c1), (r1, c2), (r2, c1), (r2, c2)))


def frequency(o11, o12, o21, o22) -> np.ndarray:
    """Return the co-occurrence count ``O11`` (as float).

    Examples
    --------
    >>> frequency([8, 30], 0, 0, 0)
    array([ 8., 30.])
    """
    return _cells(o11, o12, o21, o22)[0].copy()


def pmi(o11, o12, o21, o22) -> np.ndarray:
    """Return pointwise mutual information ``log2(O11 / E11)`` (base 2; Church & Hanks 1990).

    Examples
    --------
    >>> pmi([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([5.736966, 6.643856])
    """
    o11, o12, o21, o22 = _floored(*_cells(o11, o12, o21, o22))
    n = o11 + o12 + o21 + o22
    return np.log2(o11) + np.log2(n) - np.log2(o11 + o12) - np.log2(o11 + o21)


def llr(o11, o12, o21, o22) -> np.ndarray:
    """Return the log-likelihood ratio ``G² = 2 Σ Oij ln(Oij / Eij)`` (Dunning 1993; natural log,
    all four cells, ``0 × ln 0 = 0``; two-sided).

    Examples
    --------
    >>> llr([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([ 62.481455, 258.100325])
    >>> llr([5], [0], [0], [0])   # a table with one full cell: no evidence either way
    array([0.])
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    n = o11 + o12 + o21 + o22
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    total = np.zeros(o11.shape, dtype=np.float64)
    for observed, row, column in ((o11, r1, c1), (o12, r1, c2), (o21, r2, c1), (o22, r2, c2)):
        # O ln(O / E) = O (ln O + ln N − ln R − ln C); only where O > 0 (then R, C, N > 0 too).
        term = np.zeros(o11.shape, dtype=np.float64)
        positive = observed > 0
        o, r, c, m = observed[positive], row[positive], column[positive], n[positive]
        term[positive] = o * (np.log(o) + np.log(m) - np.log(r) - np.log(c))
        total += term
    # Rounding error can leave a tiny negative number where G² is exactly 0.
    return np.maximum(2.0 * total, 0.0)


def t(o11, o12, o21, o22) -> np.ndarray:
    """Return the t-score ``(O11 − E11) / √O11`` (Church et al. 1991).

    Examples
    --------
    >>> t([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([2.775394, 5.422453])
    >>> t([0], [10], [10], [80]).round(6)   # never seen: O11 counts as 0.5 under the root
    array([-1.414214])
    """
    cells = _cells(o11, o12, o21, o22)
    return (cells[0] - expected(*cells)) / np.sqrt(_floored(*cells)[0])


def chi2(o11, o12, o21, o22, *, yates: bool = False) -> np.ndarray:
    """Return Pearson's χ² on all four cells, optionally with Yates' continuity correction.

    ``N (O11 O22 − O12 O21)² / (R1 R2 C1 C2)``; with ``yates=True`` the difference becomes
    ``max(0, |O11 O22 − O12 O21| − N / 2)``. 0 when a row or column of the table is empty.

    Examples
    --------
    >>> chi2([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([ 421.285614, 2972.912854])
    >>> chi2([8, 30], [7, 20], [2, 30], [983, 9920], yates=True).round(6)
    array([ 369.327796, 2873.657355])
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    n = o11 + o12 + o21 + o22
    difference = np.abs(o11 * o22 - o12 * o21)
    if yates:
        difference = np.maximum(difference - n / 2.0, 0.0)
    # Floats: the product of four marginals of a 10M-token corpus (~1e28) is exact enough.
    denominator = (o11 + o12) * (o21 + o22) * (o11 + o21) * (o12 + o22)
    return _ratio(n * difference * difference, denominator)


def chi2_yates(o11, o12, o21, o22) -> np.ndarray:
    """Return χ² with Yates' continuity correction (see :func:`chi2`).

    Examples
    --------
    >>> chi2_yates([8], [7], [2], [983]).round(6)
    array([369.327796])
    """
    return chi2(o11, o12, o21, o22, yates=True)


def dice(o11, o12, o21, o22) -> np.ndarray:
    """Return the Dice coefficient ``2 O11 / (R1 + C1)`` (0 when ``R1 + C1 = 0``).

    Examples
    --------
    >>> dice([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([0.64    , 0.545455])
    """
    o11, o12, o21, o22 = _cells(o11, o12, o21, o22)
    return _ratio(2.0 * o11, 2.0 * o11 + o12 + o21)


def logdice(o11, o12, o21, o22) -> np.ndarray:
    """Return logDice ``14 + log2(2 O11 / (R1 + C1))`` (Rychlý 2008).

    Examples
    --------
    >>> logdice([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([13.356144, 13.125531])
    """
    o11, o12, o21, o22 = _floored(*_cells(o11, o12, o21, o22))
    return 14.0 + np.log2(2.0 * o11) - np.log2(2.0 * o11 + o12 + o21)


def mi3(o11, o12, o21, o22) -> np.ndarray:
    """Return MI³ ``log2(O11³ / E11)`` (Daille 1994; base 2).

    Examples
    --------
    >>> mi3([8, 30], [7, 20], [2, 30], [983, 9920]).round(6)
    array([11.736966, 16.457637])
    """
    o11, o12, o21, o22 = _floored(*_cells(o11, o12, o21, o22))
    n = o11 + o12 + o21 + o22
    return 3.0 * np.log2(o11) + np.log2(n) - np.log2(o11 + o12) - np.log2(o11 + o21)


# --------------------------------------------------------------------------------------------
# Keyness statistics: o11 = a, o12 = b, o21 = c − a, o22 = d − b (see the module docstring)
# --------------------------------------------------------------------------------------------

#: Frequencies per million words, the unit of %DIFF and simple maths.
PER_MILLION = 1_000_000


def _corpora(o11, o12, o21, o22):
    """Return ``a, b, c, d`` (float arrays) from keyness cells."""
    a, b, o21, o22 = _cells(o11, o12, o21, o22)
    return a, b, a + o21, b + o22


def _half(count):
    """Return the count with zeros replaced by :data:`HALF` (Log Ratio's zero convention)."""
    return np.where(count > 0, count, HALF)


def ll2(o11, o12, o21, o22) -> np.ndarray:
    """Return the 2-cell log-likelihood of the UCREL calculator, ``2 (a ln(a/E1) + b ln(b/E2))``.

    ``E1 = c (a + b) / (c + d)``, ``E2 = d (a + b) / (c + d)``; natural log, ``0 × ln 0 = 0``;
    unsigned (see :func:`textkit.keyness.table` for the sign).

    Examples
    --------
    >>> ll2([20, 10], [10, 50], [980, 1042], [9990, 99950]).round(6)
    array([59.631164, 38.278002])
    >>> ll2([5], [0], [95], [100]).round(6)     # b = 0: only the a term
    array([6.931472])
    """
    a, b, c, d = _corpora(o11, o12, o21, o22)
    e1, e2, _, _ = expected_cells(o11, o12, o21, o22)
    total = np.zeros(a.shape, dtype=np.float64)
    for observed, expect in ((a, e1), (b, e2)):
        seen = observed > 0  # then E > 0 too
        total[seen] += observed[seen] * np.log(observed[seen] / expect[seen])
    return np.maximum(2.0 * total, 0.0)


def log_ratio(o11, o12, o21, o22) -> np.ndarray:
    """Return Log Ratio ``log2((a / c) / (b / d))`` (Hardie 2014); a zero count counts as 0.5.

    Examples
    --------
    >>> log_ratio([20, 10], [10, 50], [980, 1042], [9990, 99950]).round(6)
    array([4.321928, 4.248793])
    >>> log_ratio([4, 0, 0], [0, 4, 0], [96, 100, 100], [100, 96, 100]).round(6)
    array([ 3., -3.,  0.])
    """
    a, b, c, d = _corpora(o11, o12, o21, o22)
    both_zero = (a == 0) & (b == 0)
    value = np.log2(_half(a)) - np.log2(c) - np.log2(_half(b)) + np.log2(d)
    return np.where(both_zero, 0.0, value)


def pct_diff(o11, o12, o21, o22) -> np.ndarray:
    """Return %DIFF ``(fpm1 − fpm2) × 100 / fpm2`` (Gabrielatos & Marchi 2012); ``b = 0`` counts
    as 0.5.

    Examples
    --------
    >>> pct_diff([20, 10], [10, 50], [980, 1042], [9990, 99950]).round(6)
    array([1900.      , 1801.140684])
    >>> pct_diff([0, 4, 0], [4, 0, 0], [100, 96, 100], [96, 100, 100]).round(6)
    array([-100.,  700.,    0.])
    """
    a, b, c, d = _corpora(o11, o12, o21, o22)
    fpm1 = _ratio(a, c) * PER_MILLION
    fpm2 = _ratio(_half(b), d) * PER_MILLION
    both_zero = (a == 0) & (b == 0)
    return np.where(both_zero, 0.0, (fpm1 - fpm2) * 100.0 / fpm2)


def simple_maths(o11, o12, o21, o22, *, n: float = 1.0) -> np.ndarray:
    """Return Kilgarriff's simple maths ``(fpm1 + N) / (fpm2 + N)``, ``N = n`` (default 1).

    Examples
    --------
    >>> simple_maths([20, 10], [10, 50], [980, 1042], [9990, 99950]).round(6)
    array([19.981019, 18.975456])
    >>> simple_maths([20], [10], [980], [9990], n=100).round(6)   # a larger N: nearer to 1
    array([18.272727])
    """
    a, b, c, d = _corpora(o11, o12, o21, o22)
    return (_ratio(a, c) * PER_MILLION + n) / (_ratio(b, d) * PER_MILLION + n)


#: Every measure by the name the ``measure`` option takes.
MEASURES: dict[str, Callable[..., np.ndarray]] = {
    "frequency": frequency,
    "pmi": pmi,
    "llr": llr,
    "t": t,
    "chi2": chi2,
    "chi2_yates": chi2_yates,
    "dice": dice,
    "logdice": logdice,
    "mi3": mi3,
}


#: What each measure is called in titles and axis labels, for readers who do not know the keys.
LABELS: dict[str, str] = {
    "frequency": "frequency (count)",
    "pmi": "pointwise mutual information (PMI)",
    "llr": "log-likelihood (G²)",
    "t": "t-score",
    "chi2": "chi-squared (χ²)",
    "chi2_yates": "chi-squared with Yates' correction",
    "dice": "Dice coefficient",
    "logdice": "logDice",
    "mi3": "MI³",
}

#: The ``measure`` parameter's rule: a key of :data:`MEASURES`.
RULES = {"measure": parameters.one_of(*MEASURES)}


def get(measure: str) -> Callable[..., np.ndarray]:
    """Return the measure function registered under ``measure``.

    Raises
    ------
    ParameterError
        For an unknown name, listing the valid ones.

    Examples
    --------
    >>> get("llr") is llr
    True
    >>> get("G2")
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter measure must be one of 'frequency', 'pmi', 'llr', 't', 'chi2', 'chi2_yates', 'dice', 'logdice', 'mi3', got 'G2'.
    """
    parameters.check(measure=measure)
    return MEASURES[measure]


def scores(o11, o12, o21, o22, *, decimals: int = 6) -> dict[str, np.ndarray]:
    """Return every measure of :data:`MEASURES` except ``frequency``, rounded, by name.

    Parameters
    ----------
    o11, o12, o21, o22 : array-like
        The cells of the 2×2 table.
    decimals : int, default 6
        Rounding applied to every score, so that equal scores tie exactly when ranked.

    Returns
    -------
    dict of str to numpy.ndarray

    Examples
    --------
    >>> {k: v.tolist() for k, v in scores([8], [7], [2], [983], decimals=2).items()}
    {'pmi': [5.74], 'llr': [62.48], 't': [2.78], 'chi2': [421.29], 'chi2_yates': [369.33], 'dice': [0.64], 'logdice': [13.36], 'mi3': [11.74]}
    """
    cells = _cells(o11, o12, o21, o22)
    return {
        name: np.round(function(*cells), decimals)
        for name, function in MEASURES.items()
        if name != "frequency"
    }
