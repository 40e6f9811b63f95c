"""Compare two runs' outputs: which files differ, and where inside a table or notebook.

Pure functions of the manifests' ``{file: sha256}`` maps and of the files themselves, used by
``textkit verify`` (:mod:`textkit.verify`): :func:`compare` gives one row per file,
:func:`table_difference` names the first cell of a table that differs, :func:`explain_notebook`
the first notebook cell, and :func:`summary` the verdict.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

#: What :func:`compare` says about each file, in the order the summary counts them.
STATUSES = ("identical", "different", "missing", "extra")

_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|[-+]?(inf|nan)")


# --------------------------------------------------------------------------------------------
# Comparing outputs
# --------------------------------------------------------------------------------------------


def outputs(manifest: dict) -> dict:
    """Return ``{file: sha256}`` for every output of a run, whatever its group.

    Examples
    --------
    >>> outputs({"outputs": {"tables": {"a.csv": "1"}, "figures": {"a.png": "2"}}})
    {'a.csv': '1', 'a.png': '2'}
    """
    groups = manifest.get("outputs", {}).values()
    return {name: sha for group in groups for name, sha in group.items()}


def compare(old: dict, new: dict) -> pd.DataFrame:
    """Compare two runs' output hashes file by file.

    Parameters
    ----------
    old, new : dict
        ``{file: sha256}`` of the recorded run and of the re-execution.

    Returns
    -------
    pandas.DataFrame
        One row per file, sorted by file name, with columns

        - ``file`` (str): the path inside the run folder;
        - ``status`` (str): ``identical``, ``different``, ``missing`` (recorded, not made again)
          or ``extra`` (made only by the re-execution);
        - ``detail`` (str): empty here; :func:`explain` says why a file differs.

    Examples
    --------
    >>> compare({"a.csv": "1", "b.png": "2", "c.svg": "3"},
    ...         {"a.csv": "1", "b.png": "9", "d.csv": "4"})
        file     status detail
    0  a.csv  identical
    1  b.png  different
    2  c.svg    missing
    3  d.csv      extra
    """
    rows = []
    for name in sorted(set(old) | set(new)):
        if name not in new:
            status = "missing"
        elif name not in old:
            status = "extra"
        else:
            status = "identical" if old[name] == new[name] else "different"
        rows.append((name, status, ""))
    return pd.DataFrame(rows, columns=["file", "status", "detail"], dtype=object)


def details(table: pd.DataFrame, old_dir: Path, new_dir: Path, old: dict, new: dict) -> list:
    """Say how each differing file differs ('' for the others), in the order of ``table``.

    Tables are compared cell by cell (:func:`explain_table`), executed notebooks cell by cell
    (:func:`explain_notebook`); a notebook's HTML points to its notebook when that differs too,
    and ``index.html`` to the provenance and tables it shows (:func:`index_difference`).
    """
    different = set(table.loc[table["status"] == "different", "file"])
    tables = sorted(name for name in different if name.endswith(".csv"))
    return ["" if name not in different
            else index_difference(old, new, tables) if name == "index.html"
            else explain(name, old_dir, new_dir, different)
            for name in table["file"]]


def explain(name: str, old_dir: Path, new_dir: Path, different: set) -> str:
    """Say how a file that differs differs ('' when there is nothing more to say)."""
    old, new = Path(old_dir) / name, Path(new_dir) / name
    if not old.is_file():
        return "the file is no longer in the run folder"
    if name.endswith(".csv"):
        return explain_table(old, new)
    if name.endswith(".ipynb"):
        return explain_notebook(old, new)
    source = str(Path(name).with_suffix(".ipynb"))
    if name.endswith(".html") and source in different:
        return f"rendered from {source}, which differs"
    return ""


def explain_table(old: Path, new: Path) -> str:
    """Read two CSV tables as text and say where they first differ (:func:`table_difference`)."""
    try:
        tables = [pd.read_csv(p, keep_default_na=False, dtype=str) for p in (old, new)]
    except (pd.errors.EmptyDataError, pd.errors.ParserError, UnicodeDecodeError) as err:
        return f"could not be read as a table ({type(err).__name__})"
    return table_difference(*tables)


def table_difference(old: pd.DataFrame, new: pd.DataFrame) -> str:
    """Describe how two tables of text differ: columns, number of rows, first differing cell.

    Parameters
    ----------
    old, new : pandas.DataFrame
        The recorded table and the re-executed one, read as text
        (``keep_default_na=False, dtype=str``).

    Returns
    -------
    str
        Clauses joined with "; ": the columns only in one table, the number of rows in each,
        then the first differing cell of the rows and columns both have (rows counted from 1,
        labelled by the first column of words when that is not the differing one).

    Examples
    --------
    >>> old = pd.DataFrame({"actor": ["Russia", "Ukraine"], "mentions": ["32", "15"]})
    >>> table_difference(old, old.assign(mentions=["32", "14"]))
    "row 2 (actor 'Ukraine'), column mentions: 15 in the run, 14 now"
    >>> table_difference(old, old.head(1))
    '2 rows in the run, 1 now; the first 1 rows are identical'
    """
    parts = []
    if list(old.columns) != list(new.columns):
        parts.append(_column_difference(list(old.columns), list(new.columns)))
    if len(old) != len(new):
        parts.append(f"{len(old)} rows in the run, {len(new)} now")
    cell = _first_cell(old, new)
    if cell:
        parts.append(cell)
    elif len(old) != len(new):
        parts.append(f"the first {min(len(old), len(new))} rows are identical")
    return "; ".join(parts) or "the same cells, different bytes (quoting or line endings)"


def _column_difference(old: list, new: list) -> str:
    """Name the columns only in one table, or say the order changed."""
    gone = [c for c in old if c not in new]
    added = [c for c in new if c not in old]
    if not gone and not added:
        return f"the columns are in another order ({', '.join(new)} now)"
    said = [f"column{'s' if len(cs) > 1 else ''} {', '.join(cs)} only {where}"
            for cs, where in ((gone, "in the run"), (added, "now")) if cs]
    return "; ".join(said)


def _first_cell(old: pd.DataFrame, new: pd.DataFrame) -> str:
    """Name the first differing cell among the shared rows and columns ('' when none)."""
    import numpy as np

    columns = [c for c in old.columns if c in new.columns]
    rows = min(len(old), len(new))
    a = old[columns].iloc[:rows].to_numpy(dtype=object)
    b = new[columns].iloc[:rows].to_numpy(dtype=object)
    found = np.argwhere(a != b)
    if not len(found):
        return ""
    row, col = (int(i) for i in found[0])
    column = columns[col]
    label = _label(old, [c for c in columns if c != column])
    where = f"row {row + 1}" + (f" ({label} {old[label].iloc[row]!r})" if label else "")
    return f"{where}, column {column}: {_show(a[row, col])} in the run, {_show(b[row, col])} now"


def _label(table: pd.DataFrame, columns: list) -> str | None:
    """Pick the column that best names a row: words, unique if one is, else most varied."""
    words = [c for c in columns if table[c].nunique() > 1
             and not all(_NUMBER.fullmatch(str(value)) for value in table[c])]
    unique = [c for c in words if table[c].is_unique]
    return (unique or words or [None])[0]


def _show(value) -> str:
    """Show a cell: numbers as written, text quoted."""
    return str(value) if _NUMBER.fullmatch(str(value)) else repr(value)


def explain_notebook(old: Path, new: Path) -> str:
    """Name the first cell of two executed notebooks that differs, in source or outputs."""
    try:
        cells = [json.loads(Path(p).read_text(encoding="utf-8")).get("cells", [])
                 for p in (old, new)]
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError) as err:
        return f"could not be read as a notebook ({type(err).__name__})"
    for number, (a, b) in enumerate(zip(*cells), start=1):
        what = next((key for key in ("cell_type", "source", "outputs") if a.get(key) != b.get(key)),
                    None)
        if what:
            shown = f", In [{a['execution_count']}]" if a.get("execution_count") else ""
            part = {"cell_type": "its type differs", "source": "its source differs",
                    "outputs": "its outputs differ"}[what]
            return f"cell {number} ({a.get('cell_type')}{shown}): {part}"
    if len(cells[0]) != len(cells[1]):
        return f"{len(cells[0])} cells in the run, {len(cells[1])} now"
    return "the cells are identical; the notebook's metadata differs"


def index_difference(old: dict, new: dict, tables: list | tuple = ()) -> str:
    """Say what ``index.html`` shows that differs: provenance entries, tables it previews.

    Parameters
    ----------
    old, new : dict
        The recorded manifest and the re-execution's.
    tables : list of str, default ()
        The tables that differ (the page shows their first rows).

    Examples
    --------
    >>> index_difference({"git": {"commit": "a"}, "jobs": 2}, {"git": {"commit": "b"}, "jobs": 1})
    'the provenance it shows differs (git)'
    >>> index_difference({}, {}, ["a.csv", "b.csv"])
    'it previews 2 tables that differ'
    """
    shown = ("status", "command", "git", "python", "environment", "inputs", "packages")
    keys = [key for key in shown if old.get(key) != new.get(key)]
    parameters = [{name: entry.get("parameters") for name, entry in m.get("notebooks", {}).items()}
                  for m in (old, new)]
    keys += ["parameters"] if parameters[0] != parameters[1] else []
    said = [f"the provenance it shows differs ({', '.join(keys)})"] if keys else []
    said += [f"it previews {len(tables)} table{'s' if len(tables) > 1 else ''} that differ"
             f"{'' if len(tables) > 1 else 's'}"] if tables else []
    return "; ".join(said)


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------


def file_lines(table: pd.DataFrame) -> list[str]:
    """One line per file: status, file, and the detail when there is one.

    Examples
    --------
    >>> file_lines(compare({"a.csv": "1", "b.png": "2"}, {"a.csv": "1"}))
    ['identical  a.csv', 'missing    b.png']
    """
    return [f"{status:<10} {name}" + (f": {detail}" if detail else "")
            for name, status, detail in table[["file", "status", "detail"]].itertuples(index=False)]


def reproduced(table: pd.DataFrame) -> bool:
    """Tell whether every file was made again, identical (and there was at least one)."""
    return len(table) > 0 and bool((table["status"] == "identical").all())


def summary(table: pd.DataFrame) -> str:
    """Count the files by status and say whether the run was reproduced.

    Examples
    --------
    >>> summary(compare({"a.csv": "1", "b.png": "2", "c": "3"}, {"a.csv": "1", "b.png": "3"}))
    '3 files: 1 identical, 1 different, 1 missing. Not reproduced.'
    >>> summary(compare({"a.csv": "1"}, {"a.csv": "1"}))
    '1 file: 1 identical. Reproduced: every file is identical.'
    """
    counts = table["status"].value_counts()
    parts = [f"{counts[s]} {s}" for s in STATUSES if counts.get(s, 0)] or ["none recorded"]
    verdict = "Reproduced: every file is identical." if reproduced(table) else "Not reproduced."
    return f"{len(table)} file{'' if len(table) == 1 else 's'}: {', '.join(parts)}. {verdict}"
