"""The teaching view: one row of a collocation table worked through by hand.

A table from :func:`textkit.collocations.ngrams` or :func:`textkit.collocations.collocates`
carries, on every row, its 2×2 contingency table (``o11``, ``o12``, ``o21``, ``o22``) and the
expected count ``e11``. This module shows where a row's scores come from:

- :func:`choose` picks the row to work through (the one asked for, if the table has it);
- :func:`contingency` returns the row's 2×2 table with its totals, as a DataFrame;
- :func:`explain` writes Markdown: what the cells count, the 2×2 table, the expected counts,
  and every measure's formula with the row's counts substituted and its value.

All three are also importable from :mod:`textkit.collocations`, where notebooks find them.
"""

from __future__ import annotations

import pandas as pd

from textkit import markup
from textkit import tokens as tokenise
from textkit.counting import CELLS
from textkit.errors import ParameterError

#: The labels of the 2×2 table with totals, row by row.
_LABELS = (("O11", "O12", "R1"), ("O21", "O22", "R2"), ("C1", "C2", "N"))

#: The paragraph that ends every explanation.
_LOGARITHMS = (
    "Logarithms: log2 for pmi, logdice and mi3, natural (ln) for llr; 0 × ln 0 counts as 0. "
    "llr is two-sided (a pair seen far *less* often than expected scores high too): the sign "
    "of t says which."
)


# --------------------------------------------------------------------------------------------
# Finding the row
# --------------------------------------------------------------------------------------------


def _key(table: pd.DataFrame) -> str:
    """Return the column that names a row: ``collocation`` (n-grams) or ``collocate``."""
    return "collocation" if "collocation" in table.columns else "collocate"


def _row(table: pd.DataFrame, item: str | None) -> pd.Series:
    """Return the row of an n-gram or collocate table for ``item`` (``None``: the first row)."""
    key = _key(table)
    if key not in table.columns or not set(CELLS) <= set(table.columns):
        raise ParameterError(
            "explain needs a table made by collocations.ngrams or collocations.collocates "
            f"(with columns {key} and {', '.join(CELLS)}); got columns {list(table.columns)}."
        )
    if table.empty:
        raise ParameterError(
            "explain: the table has no rows. Lower min_count, switch off the stopword rule, or "
            "use a larger corpus."
        )
    if item is None:
        return table.iloc[0]
    found = _find(table, key, item)
    if found is None:
        sample = ", ".join(map(repr, table[key].head(5)))
        raise ParameterError(
            f"parameter explain: {item!r} is not a row of the table (after filtering by "
            f"min_count and the stopword rule). Pick one of its rows, e.g. {sample}."
        )
    return table[table[key] == found].iloc[0]


def _find(table: pd.DataFrame, key: str, item: str) -> str | None:
    """Return the value of ``key`` that names ``item`` (folded first, then as given), or None."""
    for candidate in (" ".join(tokenise.fold(str(item).split())), str(item)):
        if (table[key] == candidate).any():
            return candidate
    return None


def choose(table: pd.DataFrame, item: str) -> str:
    """Return the row to work through: ``item`` if it is a row of ``table``, else the first row.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`textkit.collocations.ngrams` or
        :func:`textkit.collocations.collocates`.
    item : str
        The wanted ``collocation`` or ``collocate`` (folded like the table).

    Returns
    -------
    str
        The row's ``collocation`` / ``collocate``; ``item`` itself when the table is empty.

    Examples
    --------
    >>> from textkit.collocations import ngrams, sequence
    >>> table = ngrams(sequence("The United States said no. The United States met."))
    >>> choose(table, "United States"), choose(table, "atlantis"), choose(table.head(0), "x")
    ('united states', 'the united', 'x')
    """
    if table.empty:
        return item
    key = _key(table)
    return _find(table, key, item) or str(table[key].iloc[0])


# --------------------------------------------------------------------------------------------
# The 2×2 table
# --------------------------------------------------------------------------------------------


def contingency(table: pd.DataFrame, item: str | None = None) -> pd.DataFrame:
    """Return the 2×2 contingency table, with totals, of one row of a collocation table.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`textkit.collocations.ngrams` or
        :func:`textkit.collocations.collocates`.
    item : str or None, default None
        The ``collocation`` (n-gram tables) or ``collocate`` (collocate tables) to show;
        ``None`` shows the first (top-ranked) row.

    Returns
    -------
    pandas.DataFrame
        Three rows (the first part or the node's windows, everything else, ``total``) and three
        columns (the last word or the collocate, every other word, ``total``), all int:
        ``o11 o12 R1 / o21 o22 R2 / C1 C2 N``.

    Examples
    --------
    >>> from textkit.collocations import ngrams, sequence
    >>> table = ngrams(sequence("The United States said no. The United States met."))
    >>> contingency(table, "united states")
                      'states'  not 'states'  total
    'united'                 2             0      2
    not 'united'             0             5      5
    total                    2             5      7
    """
    row = _row(table, item)
    o11, o12, o21, o22 = (int(row[c]) for c in ("o11", "o12", "o21", "o22"))
    if "collocation" in table.columns:
        *head, tail = str(row["collocation"]).split(" ")
        top, side = f"'{' '.join(head)}'", f"'{tail}'"
        rows = [top, f"not {top}", "total"]
    else:
        side = f"'{row['collocate']}'"
        rows = [f"in the windows of '{row['node']}'", "outside the windows", "total"]
    return pd.DataFrame(
        [
            [o11, o12, o11 + o12],
            [o21, o22, o21 + o22],
            [o11 + o21, o12 + o22, o11 + o12 + o21 + o22],
        ],
        index=rows,
        columns=[side, f"not {side}", "total"],
    )


# --------------------------------------------------------------------------------------------
# The explanation, piece by piece
# --------------------------------------------------------------------------------------------


def _num(value: float) -> str:
    """Format a number for the teaching view: integers as such, floats to 6 decimals."""
    value = float(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _counts(row: pd.Series) -> dict:
    """Return the row's observed cells ``o``, margins and expected cells ``e`` (by index)."""
    o = {c: int(row[c]) for c in ("o11", "o12", "o21", "o22")}
    r1, r2 = o["o11"] + o["o12"], o["o21"] + o["o22"]
    c1, c2 = o["o11"] + o["o21"], o["o12"] + o["o22"]
    n = r1 + r2
    e = {
        "11": r1 * c1 / n if n else 0.0, "12": r1 * c2 / n if n else 0.0,
        "21": r2 * c1 / n if n else 0.0, "22": r2 * c2 / n if n else 0.0,
    }
    return {**o, "o": o, "r1": r1, "r2": r2, "c1": c1, "c2": c2, "n": n, "e": e}


def _heading(table: pd.DataFrame, row: pd.Series, asked: str | None) -> list[str]:
    """Return the heading, after a note when ``asked`` is not the row worked through."""
    md = markup.markdown
    ngram = "collocation" in table.columns
    name = md(row["collocation"]) if ngram else f"{md(row['collocate'])}\" near \"{md(row['node'])}"
    lines = [f'#### Why "{name}" scores what it scores', ""]
    key = _key(table)
    if asked is not None and _find(table, key, asked) != row[key]:
        lines = [f"**Note:** “{md(asked)}” is not a row of this table; its top row is worked "
                 "through instead. Set `explain` to one of the rows above.", "", *lines]
    return lines


def _sample(row: pd.Series, ngram: bool, k: dict) -> str:
    """Return the sentence that says what the sample is and what the cells count."""
    md = markup.markdown
    if ngram:
        *head, tail = (md(w) for w in str(row["collocation"]).split(" "))
        words = len(head) + 1
        return (
            f"The sample is every run of {words} consecutive words inside a sentence: "
            f"N = {k['n']} {'bigram' if words == 2 else 'trigram'} positions. Each position "
            f"either starts with '{' '.join(head)}' or not, and either ends with '{tail}' or not."
        )
    span = "the windows around every occurrence of the node"
    return (
        f"The sample is the corpus's N = {k['n']} word tokens. Each token is either inside {span} "
        f"'{md(row['node'])}' ({k['r1']} positions, cut at sentence ends, overlaps counted once) "
        f"or outside them, and either is '{md(row['collocate'])}' or is not."
    )


def _table(frame: pd.DataFrame) -> list[str]:
    """Return the 2×2 table with totals (from :func:`contingency`) as Markdown rows."""
    md = markup.markdown
    lines = ["| | " + " | ".join(map(md, frame.columns)) + " |", "|---|---:|---:|---:|"]
    for label, values, names in zip(map(md, frame.index), frame.to_numpy(), _LABELS):
        filled = " | ".join(f"{k} = {v}" for k, v in zip(names, values))
        lines.append(f"| **{label}** | {filled} |")
    return lines


def _expected(row: pd.Series, ngram: bool, k: dict) -> list[str]:
    """Return the expected count E11 against O11 (and, for collocates, the window note)."""
    lines = [
        f"If the two were independent, the expected count would be "
        f"E11 = R1 × C1 / N = {k['r1']} × {k['c1']} / {k['n']} = **{_num(row['e11'])}**; it "
        f"was seen O11 = **{k['o11']}** times.",
    ]
    if not ngram:
        lines.append(
            f"(With whole, non-overlapping windows R1 would be span × f(node); here f(node) = "
            f"{int(row['f_node'])} and R1 = {k['r1']}.)"
        )
    return lines


def _formulas(row: pd.Series, k: dict) -> list[tuple[str, str, str, float]]:
    """Return ``(measure, formula, formula with the counts, value)`` for every measure."""
    o, e, o11, n = k["o"], k["e"], k["o11"], k["n"]
    margins = f"({k['r1']}×{k['r2']}×{k['c1']}×{k['c2']})"
    ratio = f"2×{o11} / ({k['r1']} + {k['c1']})"
    g2_terms = " + ".join(
        f"{o['o' + i]} ln({o['o' + i]} / {_num(e[i])})"
        for i in ("11", "12", "21", "22")
        if o["o" + i] > 0
    )
    cross = f"{o11}×{k['o22']} − {k['o12']}×{k['o21']}"
    return [
        ("frequency", "O11", f"{o11}", row["count"]),
        ("pmi", "log2(O11 / E11)", f"log2({o11} / {_num(e['11'])})", row["pmi"]),
        ("llr", "2 Σ Oij ln(Oij / Eij)", f"2 × ({g2_terms or '0'})", row["llr"]),
        ("t", "(O11 − E11) / √O11", f"({o11} − {_num(e['11'])}) / √{o11}", row["t"]),
        ("chi2", "N (O11 O22 − O12 O21)² / (R1 R2 C1 C2)",
         f"{n} × ({cross})² / {margins}", row["chi2"]),
        # "\\|" keeps the absolute-value bars from ending the Markdown table cell.
        ("chi2_yates", "N (\\|O11 O22 − O12 O21\\| − N/2)² / (R1 R2 C1 C2)",
         f"{n} × (\\|{cross}\\| − {_num(n / 2)})² / {margins}", row["chi2_yates"]),
        ("dice", "2 O11 / (R1 + C1)", ratio, row["dice"]),
        ("logdice", "14 + log2(2 O11 / (R1 + C1))", f"14 + log2({ratio})", row["logdice"]),
        ("mi3", "log2(O11³ / E11)", f"log2({o11}³ / {_num(e['11'])})", row["mi3"]),
    ]


def explain(table: pd.DataFrame, item: str | None = None, *, asked: str | None = None) -> str:
    """Show, as Markdown, the 2×2 table of one row and every formula with its counts filled in.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`textkit.collocations.ngrams` or
        :func:`textkit.collocations.collocates`.
    item : str or None, default None
        The ``collocation`` or ``collocate`` to explain (folded like the table, so
        "United States" finds "united states"); ``None`` explains the first row.
    asked : str or None, default None
        What the user asked for (the notebook's ``explain`` parameter). When it differs from
        ``item`` (it is not a row; see :func:`choose`), a note says so first.

    Returns
    -------
    str
        Markdown: what the cells count, the 2×2 table with totals, the expected counts, and one
        table row per measure — formula, formula with the counts, value (the value in
        ``table``).

        An empty table gives a one-line note instead (nothing to work through). Words and
        the ``asked`` text are escaped (:func:`textkit.markup.markdown`), so nothing in them is
        read as Markdown or HTML.

    Raises
    ------
    ParameterError
        If ``item`` is not a row of ``table`` (:func:`choose` picks a row that is).

    Examples
    --------
    >>> from textkit.collocations import ngrams, sequence
    >>> table = ngrams(sequence("The United States said no. The United States met."))
    >>> text = explain(table, "United States")
    >>> print(text.split("\\n")[0])
    #### Why "united states" scores what it scores
    >>> [line for line in text.split("\\n") if line.startswith("| pmi")]
    ['| pmi | log2(O11 / E11) | log2(2 / 0.571429) | 1.807355 |']
    """
    if table.empty and set(CELLS) <= set(table.columns):
        return (
            "**Nothing to work through:** the table has no rows. Lower `min_count`, switch off "
            "the stopword rule, or use a larger corpus."
        )
    row = _row(table, item)
    k = _counts(row)
    ngram = "collocation" in table.columns
    frame = contingency(table, item if item is not None else row[_key(table)])
    lines = [*_heading(table, row, asked), _sample(row, ngram, k)]
    lines += ["", *_table(frame), "", *_expected(row, ngram, k)]
    lines += ["", "| measure | formula | with the counts | value |", "|---|---|---|---:|"]
    lines += [f"| {m} | {f} | {s} | {_num(v)} |" for m, f, s, v in _formulas(row, k)]
    return "\n".join([*lines, "", _LOGARITHMS])
