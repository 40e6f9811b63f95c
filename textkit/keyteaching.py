"""The teaching view of keyness: one row of a keyness table worked through by hand.

A table from :func:`textkit.keyness.table` or :func:`textkit.keyness.compare` carries, on every
row, the four counts ``a``, ``b``, ``c``, ``d``, the expected counts ``e1`` and ``e2``, every
statistic and the p-values; its ``attrs["keyness"]`` records the measure, correction, alpha and
the number of terms tested. :func:`explain` shows where a row's numbers come from, as Markdown:
the 2×2 table with totals, the expected counts, each statistic's formula with the row's counts
substituted and its value, and how the p-value was corrected. The formulas themselves are
those of :mod:`textkit.keystats` (its docstring lists them with their sources).

:func:`explain` is also importable from :mod:`textkit.keyness`, where notebook 04 finds it, as
:mod:`textkit.teaching` does the same for collocation tables.
"""

from __future__ import annotations

import pandas as pd

from textkit import markup
from textkit import tokens as tokenise
from textkit.errors import ParameterError
from textkit.keystats import COLUMNS
from textkit.teaching import _num  # both teaching views write numbers alike


def _group_column(table: pd.DataFrame) -> str | None:
    """Return the group column of a :func:`compare` table (``attrs``, else the extra column)."""
    by = table.attrs.get("keyness", {}).get("by")
    if by in table.columns:
        return by
    return next((c for c in table.columns if c not in COLUMNS), None)


def _row(table: pd.DataFrame, term, group) -> pd.Series:
    """Return the row of ``term`` (of ``group``); the first row when ``term`` is None."""
    if not isinstance(table, pd.DataFrame) or not {"term", "a", "b", "c", "d"} <= set(table):
        raise ParameterError("explain needs a table made by keyness.table or keyness.compare.")
    rows = table
    if group is not None:
        by = _group_column(table)
        groups = table[by].astype(str) if by else pd.Series([], dtype=str)
        rows = table[groups == str(group)]
        if rows.empty:
            valid = ", ".join(map(repr, sorted(set(groups)))) or "none (not a compare table)"
            raise ParameterError(f"parameter group: {group!r} is not in the table; the groups "
                                 f"are {valid}.")
    if term is None:
        return rows.iloc[0]
    for candidate in (str(term), " ".join(tokenise.fold(str(term).split()))):
        found = rows[rows["term"] == candidate]
        if len(found):
            return found.iloc[0]
    sample = ", ".join(map(repr, rows["term"].head(5)))
    raise ParameterError(f"{term!r} is not a row of the table (after min_count and top_n); "
                         f"pick one of its rows, e.g. {sample}.")


def _contingency(word: str, a: int, b: int, c: int, d: int) -> list[str]:
    """The 2×2 table with totals, as Markdown lines."""
    return [
        "| | target | reference | total |", "|---|---:|---:|---:|",
        f"| **{word}** | a = {a} | b = {b} | {a + b} |",
        f"| **other terms** | c − a = {c - a} | d − b = {d - b} | {c - a + d - b} |",
        f"| **total** | c = {c} | d = {d} | N = {c + d} |",
    ]


def _ln_terms(observed, expected) -> str:
    """``O ln(O / E) + …`` for the cells with ``O > 0`` (``0 × ln 0 = 0``)."""
    return " + ".join(f"{o} ln({o} / {_num(x)})" for o, x in zip(observed, expected) if o > 0)


def _formulas(row: pd.Series, test: str) -> list[tuple[str, str, str, str]]:
    """Return ``(statistic, formula, formula with the counts, value)`` rows for one table row."""
    a, b, c, d = (int(row[k]) for k in "abcd")
    e = [x * k / (c + d) for x in (c, d) for k in (a + b,)]  # E1, E2
    e += [c - e[0], d - e[1]]  # the "other terms" row: c − E1, d − E2
    fpm1, fpm2 = a / c * 1e6, b / d * 1e6
    shown_a, shown_b = (str(x) if x else "0.5" for x in (a, b))
    pct_fpm2 = fpm2 if b else 0.5 / d * 1e6
    return [
        ("g2", "2 Σ O ln(O / E), four cells",
         f"2 × ({_ln_terms((a, b, c - a, d - b), e)})", _num(row["g2"])),
        ("ll2", "2 (a ln(a / E1) + b ln(b / E2))",
         f"2 × ({_ln_terms((a, b), e[:2])})", _num(row["ll2"])),
        ("log_ratio", "log2((a / c) / (b / d))",
         f"log2(({shown_a} / {c}) / ({shown_b} / {d}))", _num(row["log_ratio"])),
        ("pct_diff", "(fpm1 − fpm2) × 100 / fpm2",
         f"({_num(fpm1)} − {_num(pct_fpm2)}) × 100 / {_num(pct_fpm2)}", _num(row["pct_diff"])),
        ("simple_maths", "(fpm1 + 1) / (fpm2 + 1)",
         f"({_num(fpm1)} + 1) / ({_num(fpm2)} + 1)", _num(row["simple_maths"])),
        ("p", f"erfc(√({test} / 2)), χ² with 1 d.f.", f"erfc(√({_num(row[test])} / 2))",
         f"{float(row['p']):.6g}"),
    ]


def _correction_line(row: pd.Series, settings: dict) -> str:
    """Say how ``p_adjusted`` was made, with ``m`` when the table recorded it."""
    tests = settings.get("tests")
    if isinstance(tests, dict):
        tests = tests.get(str(row.get(settings.get("by"))))
    how = {
        "fdr": "Benjamini–Hochberg: p × m / i for the i-th smallest p, made monotone",
        "bonferroni": "Bonferroni: min(1, p × m)",
        "none": "no correction: p itself",
    }.get(settings.get("correction"), "the correction chosen for the table")
    counted = f"m = {tests} terms tested" if tests is not None else "m = the terms tested"
    return f"p_adjusted = **{float(row['p_adjusted']):.6g}** ({how}; {counted})."


def explain(table: pd.DataFrame, term: str | None = None, *, group=None) -> str:
    """Show, as Markdown, one row of a keyness table worked through: counts, expectations, formulas.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`textkit.keyness.table` or :func:`textkit.keyness.compare`.
    term : str or None, default None
        The term to explain, as in the table (or folded like the tokens: "Russia" finds
        "russia"); ``None`` explains the first (most over-used) row.
    group : str or None, default None
        For a :func:`compare` table, the group whose row to explain; ``None`` takes the first
        row with ``term``.

    Returns
    -------
    str
        Markdown: the 2×2 table of the four counts with totals, the expected counts, one line
        per statistic (formula, formula with the counts, the table's value), the p-value and
        its correction, the direction and the low-expected warning. Terms and groups are escaped
        (:func:`textkit.markup.markdown`). An empty table gives a one-line note.

    Raises
    ------
    ParameterError
        If ``term`` (or ``group``) is not in the table, or the table is not a keyness table.

    Examples
    --------
    >>> from textkit.keyness import table
    >>> target = pd.DataFrame({"term": ["war", "the"], "count": [20, 980]})
    >>> reference = pd.DataFrame({"term": ["war", "the"], "count": [10, 9990]})
    >>> text = explain(table(target, reference), "war")
    >>> print(text.split("\\n")[0])
    #### Keyness of "war": over-used in the target
    >>> [line for line in text.split("\\n") if line.startswith("| log_ratio")]
    ['| log_ratio | log2((a / c) / (b / d)) | log2((20 / 1000) / (10 / 10000)) | 4.321928 |']
    """
    if isinstance(table, pd.DataFrame) and table.empty and "term" in table:
        return ("**Nothing to work through:** the table has no rows. Lower `min_count` or use "
                "larger corpora.")
    row = _row(table, term, group)
    settings = table.attrs.get("keyness", {})
    test = "ll2" if settings.get("measure") == "ll2" else "g2"
    a, b, c, d = (int(row[k]) for k in "abcd")
    word, md = f'"{markup.markdown(row["term"])}"', markup.markdown
    where = {"over": "over-used in the target", "under": "under-used in the target",
             "equal": "used at the same rate in both"}[row["direction"]]
    lines = [f"#### Keyness of {word}: {where}", ""]
    by = _group_column(table)
    if by is not None:
        reference = settings.get("reference")
        other = f"group '{md(reference)}'" if reference is not None else "the rest of the corpus"
        lines += [f"Target: group '{md(row[by])}'; reference: {other}.", ""]
    lines += _contingency(word, a, b, c, d)
    lines += [
        "", f"If {word} had the same rate in both, the expected counts would be "
        f"E1 = c (a + b) / (c + d) = {c} × {a + b} / {c + d} = **{_num(row['e1'])}** and "
        f"E2 = d (a + b) / (c + d) = {d} × {a + b} / {c + d} = **{_num(row['e2'])}**; "
        f"it was seen a = **{a}** and b = **{b}** times. Frequencies per million: fpm1 = "
        f"a / c × 10⁶ = {_num(a / c * 1e6)}, fpm2 = b / d × 10⁶ = {_num(b / d * 1e6)}.",
        "", "| statistic | formula | with the counts | value |", "|---|---|---|---:|",
    ]
    lines += [f"| {name} | {f} | {filled} | {value} |"
              for name, f, filled, value in _formulas(row, test)]
    verdict = "significant" if row["significant"] else "not significant"
    alpha = f"alpha = {settings['alpha']}" if "alpha" in settings else "the table's alpha"
    lines += ["", f"{_correction_line(row, settings)} At {alpha} this is **{verdict}**.",
              "", "Logarithms: natural (ln) for g2 and ll2, base 2 for log_ratio. A zero count "
              "counts as 0.5 in log_ratio (and b = 0 in pct_diff); 0 × ln 0 counts as 0."]
    if row["low_expected"]:
        lines += ["", "**Low expected count:** an expected count is below 5, so the chi-squared "
                  "p-value is only a rough guide for this term."]
    return "\n".join(lines)
