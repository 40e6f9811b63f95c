"""Groups of documents, and counts per group: by metadata, by folder, or by a period of a date.

**The group_by parameter** (one rule for every notebook, :data:`RULES`):

- ``""`` (empty): no grouping; every document is in one group, ``all``, so every table has the
  same columns whether or not a grouping was asked for;
- ``folder``: the first folder below the corpus folder (``business/a.txt`` → ``business``;
  files at the top → ``(top level)``); only for ``.txt`` corpora (a folder or a glob). A
  metadata column named ``folder`` wins over this keyword;
- a metadata column (``source``, ``section``, ...; any column but ``text``): its value, as
  written, stripped;
- ``COLUMN:PERIOD`` with ``PERIOD`` one of ``year``, ``month``, ``week``, ``day``: the part
  before ``:`` names a date column (``date:month``, ``published:week``). The column is parsed
  once (:func:`textkit.dates.parse_date`: ISO 8601 and the common news formats) and replaced
  by ``datetime.date`` values; labels are ``2020``, ``2020-01``, ``2020-W05`` (ISO week: weeks
  start on Monday, and 2019-12-30 is in ``2020-W01``) and ``2020-01-31``, which sort as text in
  time order. A value that is not a date stops with a
  :class:`~textkit.errors.ParameterError` naming the first rows.

An empty cell (no date, no value) puts its document in the group ``(missing)``, so every
document is in exactly one group and **group sums equal corpus totals**. Groups are sorted by
label, with the labels in brackets (``(missing)``, ``(top level)``) last (:func:`order`).

**The group column** is ``doc_group`` (:data:`COLUMN`), not ``group``: ``group`` is the actor's
group in the actor and quotation tables.

**Counting per group** lives in :mod:`textkit.pergroup` (``groups.counts`` and the others
are importable from here too): a merge of per-document counts, so counts of parts of documents
(chunks) can be merged the same way.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from textkit import parameters
from textkit.dates import DATE_HELP, PERIODS, parse_date, period
from textkit.errors import ParameterError

#: The column holding each document's group (``group`` is the actor's group elsewhere).
COLUMN = "doc_group"

#: The one group when ``group_by`` is empty.
ALL = "all"

#: The group of a document with an empty cell in the ``group_by`` column.
MISSING = "(missing)"

#: The ``folder`` group of a file at the top of the corpus folder.
TOP_LEVEL = "(top level)"

#: The ``group_by`` keyword for the first folder level.
FOLDER = "folder"

#: Endings of files whose rows are documents (they have no folder).
_TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")

_GROUP_BY = re.compile(r"[^:\s](?:[^:]*[^:\s])?(?::(?:" + "|".join(PERIODS) + r"))?")

#: Rule of the group_by parameter (read by :func:`textkit.parameters.check`).
RULES = {
    "group_by": parameters.Rule(
        "empty for one group, 'folder', a metadata column, or COLUMN:PERIOD with PERIOD one of "
        "year, month, week, day (e.g. 'date:month')",
        lambda v: isinstance(v, str) and (v == "" or _GROUP_BY.fullmatch(v) is not None),
    ),
}


class Grouping(NamedTuple):
    """A parsed ``group_by``: ``kind`` is ``all``, ``folder``, ``column`` or ``date``."""

    kind: str
    column: str = ""
    period: str = ""


def parse(group_by: str, columns=()) -> Grouping:
    """Read a ``group_by`` value (checked against :data:`RULES`).

    Parameters
    ----------
    group_by : str
        The parameter's value.
    columns : iterable of str, default ()
        The corpus's columns: a column named ``folder`` wins over the keyword.

    Returns
    -------
    Grouping
        ``(kind, column, period)``.

    Examples
    --------
    >>> parse(""), parse("folder"), parse("source"), parse("published:week")
    (Grouping(kind='all', column='', period=''), Grouping(kind='folder', column='', period=''), \
Grouping(kind='column', column='source', period=''), Grouping(kind='date', column='published', \
period='week'))
    """
    parameters.check(group_by=group_by)
    if group_by == "":
        return Grouping("all")
    if group_by == FOLDER and FOLDER not in set(columns):
        return Grouping("folder")
    column, _, period = group_by.partition(":")
    return Grouping("date", column, period) if period else Grouping("column", column)


# --------------------------------------------------------------------------------------------
# Date columns
# --------------------------------------------------------------------------------------------


def _dates(corpus: pd.DataFrame, grouping: Grouping) -> list:
    """Parse a date column once (each distinct value once); name the rows that do not parse."""
    values = corpus[grouping.column]
    parsed, failed = {}, []
    for position, (doc_id, value) in enumerate(zip(corpus["doc_id"], values), start=1):
        if _empty(value):
            continue
        key = value if isinstance(value, str) else repr(value)
        if key not in parsed:
            try:
                parsed[key] = parse_date(value)
            except ValueError as err:
                parsed[key] = str(err)
        if isinstance(parsed[key], str):
            failed.append(f"row {position} (doc_id {doc_id!r}): {value!r}, {parsed[key]}")
    if failed:
        shown = "; ".join(failed[:5]) + (f"; and {len(failed) - 5} more" if len(failed) > 5 else "")
        raise ParameterError(
            f"parameter group_by {grouping.column}:{grouping.period}: {len(failed)} of "
            f"{len(values)} value(s) in column {grouping.column!r} are not dates: {shown}. "
            f"{DATE_HELP[0].upper()}{DATE_HELP[1:]}. Correct those cells (an empty cell puts "
            "the document in the group (missing)), or group by another column."
        )
    return [None if _empty(v) else parsed[v if isinstance(v, str) else repr(v)] for v in values]


def _empty(value) -> bool:
    """A cell without a value: ``""``, whitespace, ``None`` or NaN/NaT."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or bool(pd.isna(value))


# --------------------------------------------------------------------------------------------
# Assigning groups
# --------------------------------------------------------------------------------------------


def assign(corpus: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """Put each document in its group: a copy of the corpus with a ``doc_group`` column.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus (:func:`textkit.files.read_corpus`, cleaned or not): ``doc_id``, ``text``,
        ``path`` and metadata columns.
    group_by : str
        See the module notes: ``""``, ``folder``, a column, or ``COLUMN:PERIOD``.

    Returns
    -------
    pandas.DataFrame
        The same rows in the same order, with every column, plus (last, or replaced where it
        was there)

        - ``doc_group`` (str): the document's group label;

        and for ``COLUMN:PERIOD``, the date column holding ``datetime.date`` values (``None``
        for an empty cell), which print and save as ``2020-01-31``.

    Raises
    ------
    ParameterError
        ``group_by`` breaks its rule; names a column the corpus does not have (listing those it
        has); ``folder`` for a corpus read from a table; or values that are not dates (naming
        the first rows, their doc_ids and values).

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y", "z"],
    ...     "path": ["a", "b", "c"], "date": ["2020-01-31", "February 3, 2020", ""]})
    >>> assign(corpus, "date:month")[["doc_id", "date", "doc_group"]]
      doc_id        date  doc_group
    0      a  2020-01-31    2020-01
    1      b  2020-02-03    2020-02
    2      c        None  (missing)
    >>> assign(corpus, "")["doc_group"].tolist()
    ['all', 'all', 'all']
    """
    grouping = parse(group_by, corpus.columns)
    result = corpus.copy()
    if grouping.kind == "date":
        _require_column(corpus, grouping, group_by)
        days = _dates(corpus, grouping)
        result[grouping.column] = pd.Series(days, index=corpus.index, dtype=object)
        labels = [MISSING if d is None else period(d, grouping.period) for d in days]
    else:
        labels = _labels(corpus, grouping, group_by)
    result[COLUMN] = pd.Series(labels, index=corpus.index, dtype=object)
    return result


def check(corpus: pd.DataFrame, group_by: str) -> None:
    """Check ``group_by`` against a corpus before a run: the runner's pre-run check.

    Raises the :class:`~textkit.errors.ParameterError` that :func:`assign` would raise (an
    unknown column, ``folder`` on a table corpus, dates that do not parse); returns ``None``.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a.csv:2"], "text": ["x"], "path": ["a.csv"]})
    >>> check(corpus, "source")
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter group_by 'source': the corpus has no column 'source'. \
It has no metadata columns; group_by may also be empty or 'folder' (for a folder of .txt files).
    """
    assign(corpus, group_by)


def _require_column(corpus: pd.DataFrame, grouping: Grouping, group_by: str) -> None:
    """Refuse a column the corpus does not have, or the text column."""
    if grouping.column in corpus.columns and grouping.column != "text":
        return
    own = ("doc_id", "text", "path", "encoding", COLUMN)
    others = [c for c in corpus.columns if c not in own]
    listed = (f"Its metadata columns are {', '.join(map(repr, others))}" if others
              else "It has no metadata columns")
    what = "cannot group by the text itself" if grouping.column == "text" else (
        f"the corpus has no column {grouping.column!r}")
    raise ParameterError(
        f"parameter group_by {group_by!r}: {what}. {listed}; group_by may also be empty or "
        "'folder' (for a folder of .txt files)."
    )


def _labels(corpus: pd.DataFrame, grouping: Grouping, group_by: str) -> list[str]:
    """The group labels of ``all``, ``folder`` and ``column`` groupings."""
    if grouping.kind == "all":
        return [ALL] * len(corpus)
    if grouping.kind == "column":
        _require_column(corpus, grouping, group_by)
        return [MISSING if _empty(v) else str(v).strip() for v in corpus[grouping.column]]
    tables = [doc_id for doc_id, path in zip(corpus["doc_id"], corpus["path"])
              if str(path).lower().endswith(_TABLE_SUFFIXES)]
    if tables:
        own = ("doc_id", "text", "path", "encoding", COLUMN)
        others = [c for c in corpus.columns if c not in own]
        raise ParameterError(
            f"parameter group_by 'folder' groups the .txt files of a folder corpus by their "
            f"first folder, but {len(tables)} document(s) are rows of a table, such as "
            f"{tables[0]!r}. Group by one of its columns instead: "
            f"{', '.join(others) or '(it has none)'}."
        )
    return [doc_id.split("/", 1)[0] if "/" in doc_id else TOP_LEVEL for doc_id in corpus["doc_id"]]


def order(labels) -> list[str]:
    """Sort group labels: by label, with the bracketed ones (``(missing)``, ...) last.

    Examples
    --------
    >>> order(["2020", "(missing)", "2019", "2020"])
    ['2019', '2020', '(missing)']
    """
    return sorted(set(labels), key=lambda label: (label.startswith("("), label))


# --------------------------------------------------------------------------------------------
# Attaching groups and metadata to tables
# --------------------------------------------------------------------------------------------


def attach(table: pd.DataFrame, corpus: pd.DataFrame, *, on: str = "doc_id",
           columns=()) -> pd.DataFrame:
    """Add each row's document group (and metadata columns) to any table with a ``doc_id``.

    Parameters
    ----------
    table : pandas.DataFrame
        A per-document or per-occurrence table (mentions, quotations, tokens, concordance
        lines, per-document summaries) with an ``on`` column.
    corpus : pandas.DataFrame
        The corpus after :func:`assign`.
    on : str, default "doc_id"
        The table's column of document ids.
    columns : list of str or dict, default ()
        Corpus columns to add as well (``["date", "source"]``), or ``{corpus column: name in
        the table}`` to rename one that the table already has (``{"title": "headline"}``: the
        quotation table's ``title`` is the speaker's).

    Returns
    -------
    pandas.DataFrame
        The same rows in the same order (and index), with ``doc_group`` (str) and the columns
        asked for right after ``on``; a ``doc_group`` already there is replaced.

    Raises
    ------
    ParameterError
        The corpus has no ``doc_group`` (call :func:`assign` first) or no such column; the
        table has ids the corpus does not (naming them); an added column's name is taken.

    Examples
    --------
    >>> corpus = assign(pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"],
    ...     "path": ["a", "b"], "source": ["AP", "BBC"]}), "source")
    >>> mentions = pd.DataFrame({"doc_id": ["b", "a", "b"], "actor": ["Kyiv", "Kyiv", "NATO"]})
    >>> attach(mentions, corpus, columns=["source"])
      doc_id doc_group source actor
    0      b       BBC    BBC  Kyiv
    1      a        AP     AP  Kyiv
    2      b       BBC    BBC  NATO
    """
    renames = dict(columns) if isinstance(columns, dict) else {c: c for c in columns}
    _check_attach(table, corpus, on, renames)
    lookup = corpus.set_index("doc_id")
    unknown = sorted(set(table[on]) - set(lookup.index), key=str)
    if unknown:
        raise ParameterError(
            f"groups.attach: {len(unknown)} {on} value(s) of the table are not in the corpus, "
            f"such as {unknown[:5]}. Attach groups with the corpus the table was made from."
        )
    result = table.drop(columns=[COLUMN], errors="ignore")
    position = list(result.columns).index(on) + 1
    for offset, (source, name) in enumerate({COLUMN: COLUMN, **renames}.items()):
        values = result[on].map(lookup[source]).astype(object)
        result.insert(position + offset, name, values)
    return result


def _check_attach(table: pd.DataFrame, corpus: pd.DataFrame, on: str, renames: dict) -> None:
    """Refuse a corpus without groups, a missing column, or a name the table already uses."""
    if COLUMN not in corpus.columns:
        raise ParameterError(
            "groups.attach needs the corpus with its groups: call groups.assign(corpus, "
            "group_by) first."
        )
    if on not in table.columns:
        raise ParameterError(f"groups.attach: the table has no column {on!r} to join on.")
    missing = [c for c in renames if c not in corpus.columns]
    taken = [name for name in renames.values() if name in table.columns or name == COLUMN]
    if missing or taken:
        problem = (f"the corpus has no column(s) {missing}" if missing else
                   f"the table already has column(s) {taken}: pass columns={{corpus column: "
                   "new name}}, e.g. {'title': 'headline'}")
        raise ParameterError(f"groups.attach: {problem}.")


#: Names of :mod:`textkit.pergroup` that ``groups.NAME`` reaches too.
_PERGROUP = ("counts", "merge", "per_document", "side_by_side", "summary", "trend", "voice")


def __getattr__(name):
    if name in _PERGROUP:  # imported on first use: pergroup imports this module
        from textkit import pergroup

        return getattr(pergroup, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
