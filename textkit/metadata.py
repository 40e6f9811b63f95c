"""Metadata of a corpus read from its files: front-matter headers, a sidecar table, duplicates.

:mod:`textkit.reading` does the file access and calls these pure functions (text and
DataFrames in, text and DataFrames out); use them through ``files.read_corpus``.

**Front matter.** A ``.txt`` file may start with a header that news archives export. Two forms
are read, and only at the very top of the file (a byte-order mark is already gone):

- *YAML-style*: a first line ``---``, then ``key: value`` lines (a ``key:`` line may be followed
  by ``- item`` lines, joined with ``", "``; indented lines continue the value; blank lines and
  ``# comments`` are allowed), then a line ``---`` or ``...`` within the first
  :data:`MAX_HEADER_LINES` lines. If any line in between is none of these, the file has no
  front matter and its text is left whole.
- *Header block*: the first lines, up to the first blank line, each ``Key: value`` with a key of
  :data:`FRONT_MATTER_KEYS` (any case, at the start of the line, each key once, a value after
  the colon), at most :data:`MAX_HEADER_LINES` of them, followed by a blank line and then text.
  One line that is not such a header (``Update: ...``, a sentence) and nothing is taken.

In both forms only the keys of :data:`FRONT_MATTER_KEYS` become metadata columns (others are named
in a note), values are kept as written (dates are parsed later, by :mod:`textkit.groups`), and the
header is removed from the text; the text never loses anything when the header is followed by
nothing. The ``title`` is then a column, not the first line of the text.

**Sidecar table.** A folder corpus may hold ``metadata.csv`` (or ``metadata.tsv``) at its top:
one row per document, keyed by a ``file`` or ``doc_id`` column holding the document's id as the
corpus lists it (``2019/a.txt``; the ``.txt`` may be left out; ``\\`` is read as ``/``). Its
other columns become metadata; its values win over front matter. It is never read as a document.

**Duplicates.** Two documents are duplicates when their texts are identical after every run of
whitespace becomes one space (and the ends are stripped). The first in corpus order is kept; each
later copy gets a ``duplicate`` note, and ``drop_duplicates`` leaves it out.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd

from textkit.errors import CorpusError

#: Header keys read as metadata (front matter and ``Key: value`` blocks), in column order.
FRONT_MATTER_KEYS = ("title", "date", "published", "source", "author", "section", "url")

#: A header (either form) is looked for in at most this many lines at the top of a file.
MAX_HEADER_LINES = 30

#: File names of a sidecar metadata table, looked for at the top of a folder corpus.
SIDECAR_NAMES = ("metadata.csv", "metadata.tsv")

#: Columns of a sidecar table that name the document (exactly one of them).
SIDECAR_KEYS = ("file", "doc_id")

#: Column names a sidecar table may not use (the corpus's own columns).
RESERVED = ("doc_id", "text", "path", "encoding")

#: Columns of :func:`duplicates`.
DUPLICATE_COLUMNS = ("doc_id", "duplicate_of", "path")

_YAML_LINE = re.compile(r"([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_HEADER_LINE = re.compile(
    r"(" + "|".join(FRONT_MATTER_KEYS) + r")[ \t]*:[ \t]+(\S.*?)[ \t]*", re.IGNORECASE)
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*")

# --------------------------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------------------------


def front_matter(text: str) -> tuple[str, dict[str, str], list[str]]:
    """Split a file's text into its body and its header's metadata (see the module notes).

    Parameters
    ----------
    text : str
        The decoded text of a ``.txt`` file (LF line endings).

    Returns
    -------
    body : str
        The text without the header and the blank lines after it; ``text`` itself when there is
        no header.
    fields : dict
        Known key (lower case, see :data:`FRONT_MATTER_KEYS`) → value as written.
    unknown : list of str
        Keys of a YAML-style header that are not read, in file order.

    Examples
    --------
    >>> front_matter("---\\ntitle: Talks end\\ndate: 2020-01-31\\ntags: [a, b]\\n---\\nText.")
    ('Text.', {'title': 'Talks end', 'date': '2020-01-31'}, ['tags'])
    >>> front_matter("Title: Talks end\\nDate: 31 January 2020\\n\\nText.")
    ('Text.', {'title': 'Talks end', 'date': '31 January 2020'}, [])
    >>> front_matter("Update: talks end\\n\\nText.")
    ('Update: talks end\\n\\nText.', {}, [])
    """
    lines = text.split("\n", MAX_HEADER_LINES + 1)
    if lines[0].rstrip() == "---":
        found = _yaml_block(lines)
    else:
        found = _header_block(lines)
    if found is None:
        return text, {}, []
    end, pairs = found
    body = "\n".join(lines[end:]).lstrip("\n")
    if not body.strip():  # a header and nothing else: keep the text whole
        return text, {}, []
    fields = {key: value for key, value in pairs if key in FRONT_MATTER_KEYS}
    unknown = [key for key, _ in pairs if key not in FRONT_MATTER_KEYS]
    return body, fields, unknown


def _yaml_block(lines: list[str]) -> tuple[int, list[tuple[str, str]]] | None:
    """``(first line after the block, [(key, value)])`` of a ``---`` block, or ``None``."""
    pairs: list[list] = []
    for number, line in enumerate(lines[1:MAX_HEADER_LINES], start=1):
        if line.rstrip() in ("---", "..."):
            return number + 1, [(key.lower(), ", ".join(v for v in values if v))
                                for key, values in pairs]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.fullmatch(line)
        if item and pairs:
            pairs[-1][1].append(_unquote(item.group(1)))
        elif line[0] in " \t" and pairs and pairs[-1][1]:
            pairs[-1][1][-1] = f"{pairs[-1][1][-1]} {line.strip()}".strip()
        elif match := _YAML_LINE.fullmatch(line):
            value = _unquote(match.group(2) or "")
            pairs.append([match.group(1), [_flow_list(value)] if value not in (">", "|") else [""]])
        else:
            return None
    return None


def _header_block(lines: list[str]) -> tuple[int, list[tuple[str, str]]] | None:
    """``(first line after the block, [(key, value)])`` of a ``Key: value`` block, or ``None``."""
    pairs = []
    for number, line in enumerate(lines[:MAX_HEADER_LINES + 1]):
        if not line.strip():
            return (number, pairs) if pairs else None
        match = _HEADER_LINE.fullmatch(line)
        if not match or match.group(1).lower() in dict(pairs):
            return None
        pairs.append((match.group(1).lower(), match.group(2)))
    return None


def _unquote(value: str) -> str:
    """A YAML scalar without its surrounding quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _flow_list(value: str) -> str:
    """``[a, b]`` as ``"a, b"``; anything else unchanged."""
    if value.startswith("[") and value.endswith("]"):
        return ", ".join(_unquote(part.strip()) for part in value[1:-1].split(",") if part.strip())
    return value


class Headers:
    """The front matter of a corpus's ``.txt`` files, collected file by file while reading.

    Examples
    --------
    >>> headers = Headers()
    >>> headers.read("a.txt", "Title: Talks end\\n\\nText."), headers.read("b.txt", "Text.")
    ('Text.', 'Text.')
    >>> headers.columns(pd.DataFrame({"doc_id": ["a.txt", "b.txt"]}))
      doc_id      title
    0  a.txt  Talks end
    1  b.txt
    """

    def __init__(self):
        self.fields, self.headed, self.unknown = [], [], {}

    def read(self, doc_id: str, text: str) -> str:
        """Take the header off one file's text (:func:`front_matter`); return the body."""
        body, fields, unknown = front_matter(text)
        self.fields.append(fields)
        if fields or unknown:
            self.headed.append(doc_id)
        for key in unknown:
            self.unknown.setdefault(key, []).append(doc_id)
        return body

    def columns(self, corpus: pd.DataFrame) -> pd.DataFrame:
        """The corpus of the files read, in that order, with the header columns added."""
        return with_fields(corpus, self.fields)

    def notes(self, where) -> list[dict]:
        """The ``metadata`` notes (:func:`front_matter_notes`)."""
        return front_matter_notes(where, self.headed, self.unknown)


def with_fields(corpus: pd.DataFrame, fields: list[dict[str, str]]) -> pd.DataFrame:
    """Add the front-matter columns (one dict per corpus row) after the corpus's columns.

    Only keys that occur in some row become columns, in :data:`FRONT_MATTER_KEYS` order; a row
    without the key gets ``""``. Keys the corpus already has (from a table) are left alone.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a.txt", "b.txt"], "text": ["x", "y"]})
    >>> with_fields(corpus, [{"date": "2020-01-31"}, {}])
      doc_id text        date
    0  a.txt    x  2020-01-31
    1  b.txt    y
    """
    used = [key for key in FRONT_MATTER_KEYS
            if key not in corpus.columns and any(key in row for row in fields)]
    if not used:
        return corpus
    added = pd.DataFrame({key: [row.get(key, "") for row in fields] for key in used},
                         index=corpus.index, dtype=object)
    return pd.concat([corpus, added], axis=1)


def front_matter_notes(where, read: list[str], unknown: dict[str, list[str]]) -> list[dict]:
    """The notes on front matter: how many files had one, and the keys that were not read.

    ``read``: ids of the files with a header; ``unknown``: key → ids of the files with it.
    """
    notes = []
    if read:
        notes.append(_note("metadata", where, (
            f"front matter read from {len(read)} file(s), such as {read[0]}: its known keys ("
            f"{', '.join(FRONT_MATTER_KEYS)}) become columns and the header is left out of the "
            "text")))
    for key, ids in sorted(unknown.items()):
        notes.append(_note("metadata", where, (
            f"front-matter key {key!r} in {len(ids)} file(s), such as {ids[0]}, not read: only "
            f"{', '.join(FRONT_MATTER_KEYS)} are")))
    return notes


# --------------------------------------------------------------------------------------------
# Sidecar table
# --------------------------------------------------------------------------------------------


def join_sidecar(corpus: pd.DataFrame, table: pd.DataFrame, lines: list[int],
                 file) -> tuple[pd.DataFrame, list[dict]]:
    """Join a sidecar metadata table to a folder corpus, by document id.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The folder corpus (``doc_id`` = the file path below the folder, with ``/``).
    table : pandas.DataFrame
        The sidecar's cells, all text (``reading._parse_table``).
    lines : list of int
        Each table row's line in the file (the header is line 1).
    file : str or Path
        The sidecar file, for messages and notes.

    Returns
    -------
    corpus : pandas.DataFrame
        The corpus with the sidecar's other columns after its own (``""`` for a document
        without a row); where a column is already there (front matter), a non-empty sidecar
        value replaces it.
    notes : list of dict
        ``metadata`` notes: what was read, rows that match no document, documents without a row.

    Raises
    ------
    CorpusError
        No key column (or both), an empty or repeated key, or a reserved column name.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["2019/a.txt", "2020/b.txt"], "text": ["x", "y"]})
    >>> table = pd.DataFrame({"file": ["2019/a", "2021/c.txt"], "source": ["AP", "BBC"]})
    >>> joined, notes = join_sidecar(corpus, table, [2, 3], "metadata.csv")
    >>> joined
           doc_id text source
    0  2019/a.txt    x     AP
    1  2020/b.txt    y
    >>> [note["line"] for note in notes]
    [None, 3, None]
    """
    key = _sidecar_key(table, file)
    ids = set(corpus["doc_id"])
    keys = [_document_key(value, ids) for value in table[key]]
    _check_keys(keys, table[key], lines, file)
    columns = [c for c in table.columns if c != key]
    matched = {k: row for row, k in enumerate(keys) if k in ids}
    rows = [matched.get(doc_id) for doc_id in corpus["doc_id"]]
    joined = corpus.copy()
    for column in columns:
        values = pd.Series([table[column].iat[r] if r is not None else "" for r in rows],
                           index=corpus.index, dtype=object)
        if column in joined.columns:
            values = values.where(values != "", joined[column])
        joined[column] = values
    notes = [_note("metadata", file, (
        f"metadata for {len(matched)} of {len(corpus)} document(s) read from columns "
        f"{', '.join(columns) or '(none)'}, by column {key!r}"))]
    notes += _sidecar_notes(corpus, table[key], keys, ids, lines, file, matched)
    return joined, notes


def _sidecar_key(table: pd.DataFrame, file) -> str:
    """The sidecar's key column; a missing one, both, or a reserved column is an error."""
    present = [k for k in SIDECAR_KEYS if k in table.columns]
    if len(present) != 1:
        problem = "has both" if present else "has neither"
        raise CorpusError(
            f"{file}: a metadata table needs one column naming each document, 'file' or "
            f"'doc_id', but {problem}; the columns are {', '.join(map(repr, table.columns))}. "
            "Name the column of file names 'file' (as the corpus lists them, e.g. '2019/a.txt')."
        )
    reserved = [c for c in table.columns if c in RESERVED and c != present[0]]
    if reserved:
        raise CorpusError(
            f"{file}: the column name(s) {reserved} are reserved by textkit; rename them in the "
            "metadata table."
        )
    return present[0]


def _document_key(value: str, ids: set) -> str:
    """A sidecar key as a document id: ``/`` separators, no ``./``, ``.txt`` added if needed."""
    key = value.strip().replace("\\", "/")
    while key.startswith("./"):
        key = key[2:]
    return key if key in ids or key.lower().endswith(".txt") else (
        key + ".txt" if key + ".txt" in ids else key)


def _check_keys(keys: list[str], given: pd.Series, lines: list[int], file) -> None:
    """Refuse empty keys and keys that name the same document twice (with their lines)."""
    empty = [line for key, line in zip(keys, lines) if not key]
    if empty:
        raise CorpusError(
            f"{file}: line(s) {', '.join(map(str, empty[:5]))} have no file name in the key "
            "column. Fill them in or delete those rows."
        )
    first, repeated = {}, []
    for key, line in zip(keys, lines):
        if key in first:
            repeated.append(f"{key!r} (lines {first[key]} and {line})")
        first.setdefault(key, line)
    if repeated:
        raise CorpusError(
            f"{file}: each document may have one row, but {'; '.join(repeated[:5])} repeat. "
            "Merge or delete the repeated rows."
        )


def _sidecar_notes(corpus, given, keys, ids, lines, file, matched) -> list[dict]:
    """Notes on sidecar rows that match no document, and documents without a row."""
    notes = [
        _note("metadata", file, (
            f"row for {value!r} matches no document of the corpus (misspelt, not a .txt file, "
            "or skipped): its metadata is not used"), line=line)
        for value, key, line in zip(given, keys, lines) if key not in ids
    ]
    missing = [doc_id for doc_id in corpus["doc_id"] if doc_id not in matched]
    if missing:
        more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
        shown = ", ".join(missing[:5]) + more
        notes.append(_note("metadata", file, (
            f"{len(missing)} document(s) have no row in the metadata table: {shown}; their "
            "metadata cells are empty")))
    return notes


# --------------------------------------------------------------------------------------------
# Duplicates
# --------------------------------------------------------------------------------------------


def duplicates(corpus: pd.DataFrame) -> pd.DataFrame:
    """List the documents whose text repeats an earlier document's (whitespace normalised).

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus with ``doc_id``, ``text`` and ``path`` columns.

    Returns
    -------
    pandas.DataFrame
        One row per later copy, in corpus order, with columns

        - ``doc_id`` (str): the copy;
        - ``duplicate_of`` (str): the first document (in corpus order) with the same text;
        - ``path`` (str): the copy's file.

    Examples
    --------
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b", "c"], "path": ["a", "b", "c"],
    ...                        "text": ["Talks  end.\\n", "Other.", " Talks end."]})
    >>> duplicates(corpus)
      doc_id duplicate_of path
    0      c            a    c
    """
    from textkit import textindex

    # Every notebook of a run reads the same corpus: its duplicates are found once.
    parts = [corpus[column].tolist() for column in ("doc_id", "text", "path")]
    key = "duplicates-" + textindex.fingerprint(*parts)
    return textindex.shared(key, lambda: _duplicates(*parts))


def _duplicates(doc_ids: list, texts: list, paths: list) -> pd.DataFrame:
    """:func:`duplicates` (no sharing)."""
    first, rows = {}, []
    for doc_id, text, path in zip(doc_ids, texts, paths):
        digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest()
        if digest in first:
            rows.append((doc_id, first[digest], path))
        else:
            first[digest] = doc_id
    return pd.DataFrame(rows, columns=list(DUPLICATE_COLUMNS), dtype=object)


def without_duplicates(corpus: pd.DataFrame, where, *,
                       drop: bool) -> tuple[pd.DataFrame, list[dict]]:
    """Note every duplicate (:func:`duplicates`) and, when ``drop``, leave the copies out.

    The notes name the corpus path ``where`` (as the ``ignored`` notes do) and, in the detail,
    both documents and the copy's file.
    """
    found = duplicates(corpus)
    action = "left out (drop_duplicates)" if drop else "kept; drop_duplicates leaves it out"
    notes = [_note("duplicate", where, (
        f"doc_id {doc_id!r} ({path}) has the same text as {first!r} (whitespace aside): "
        f"{action}")) for doc_id, first, path in found.itertuples(index=False)]
    if drop and len(found):
        corpus = corpus[~corpus["doc_id"].isin(set(found["doc_id"]))].reset_index(drop=True)
    return corpus, notes


def _note(kind: str, path, detail: str, *, line=None) -> dict:
    """One row of the reading notes (:data:`textkit.reading.NOTES_COLUMNS`)."""
    return {"kind": kind, "path": str(path), "line": line, "encoding": "", "confident": None,
            "detail": detail}
