"""Read corpora: decode each file on its own, read tables, note what happened.

:mod:`textkit.files` re-exports everything public here (``files.read_corpus``,
``files.read_corpus_with_notes``, ``files.read_text``, ``files.decode``, ...); use it from there.

**Which files** make up a corpus (a file, a folder's ``.txt`` files, a glob's matches) and what
is skipped as not an article (``include_all`` reads it) are decided in :mod:`textkit.corpusfiles`.

**Encodings** are decided file by file in :mod:`textkit.decoding`.

**Metadata** (:mod:`textkit.metadata`): front-matter headers at the top of ``.txt`` files and a
sidecar ``metadata.csv`` at the top of a folder become metadata columns; documents whose text
repeats an earlier one's get a ``duplicate`` note (``drop_duplicates`` leaves them out).

Windows (CRLF) and old Mac (CR) line endings become ``"\\n"``.
"""

from __future__ import annotations

import io
import json
import os
import warnings
from pathlib import Path

import pandas as pd

from textkit.decoding import (  # noqa: F401  (LEGACY_ENCODINGS, decode: re-exported by files)
    LEGACY_ENCODINGS, codec_name, Decoded, decode_file, mojibake_message, tidy_text, decode,
)
from textkit import metadata
from textkit.corpusfiles import _corpus_files, _note
from textkit.errors import CorpusError, CorpusWarning

#: Columns every corpus DataFrame starts with; metadata columns follow.
CORPUS_COLUMNS = ("doc_id", "text", "path", "encoding")

#: Columns of the notes table of :func:`read_corpus_with_notes`.
NOTES_COLUMNS = ("kind", "path", "line", "encoding", "confident", "detail")

#: Kinds of note, in the order the notes table lists them.
NOTE_KINDS = ("encoding", "mojibake", "skipped", "ignored", "empty", "metadata", "duplicate")

#: File endings read as tables with one document per row.
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")

# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------


def _read_bytes(path: str | Path) -> bytes:
    """Read a file's bytes; a missing file, a folder or no permission is a CorpusError."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise CorpusError(f"{path}: file not found (working directory: {Path.cwd()}).") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a folder, not a file.") from None
    except PermissionError:
        raise CorpusError(f"{path}: permission denied; check the file's permissions.") from None


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """Read one text file (see :func:`decode` for encodings and line endings).

    Parameters
    ----------
    path : str or Path
        The file to read.
    encoding : str or None, default None
        ``None`` decides by itself (UTF-8, UTF-16 with a BOM, else a legacy code page), else
        a codec name that is used strictly.

    Returns
    -------
    str
        The decoded text.
    """
    decoded = decode_file(_read_bytes(path), source=str(path), encoding=encoding or None)
    if decoded.mojibake:
        warnings.warn(mojibake_message([str(path)], decoded.encoding), CorpusWarning, stacklevel=2)
    return decoded.text


# --------------------------------------------------------------------------------------------
# Reading corpora
# --------------------------------------------------------------------------------------------


def read_corpus(
    path: str | Path,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    include_all: bool = False,
    drop_duplicates: bool = False,
) -> pd.DataFrame:
    """Read a corpus: one ``.txt`` file, a folder of them, a glob, or a CSV/TSV/JSONL table.

    The same as :func:`read_corpus_with_notes`, without the notes (warnings are still given).

    Returns
    -------
    pandas.DataFrame
        The corpus (columns in :func:`read_corpus_with_notes`).
    """
    corpus, notes = _read_corpus(path, text_column=text_column, id_column=id_column,
                                 encoding=encoding, include_all=include_all,
                                 drop_duplicates=drop_duplicates)
    _warn(notes, stacklevel=2)
    return corpus


def read_corpus_with_notes(
    path: str | Path,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
    include_all: bool = False,
    drop_duplicates: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read a corpus, and say what was not plain UTF-8 and what was left out.

    Parameters
    ----------
    path : str or Path
        - a ``.txt`` file (or any file that is not a table): one document;
        - a folder: every ``.txt`` file below it, recursively, in sorted order;
        - a glob such as ``"news/2022-*.txt"`` or ``"news/**/*.txt"``: the matching files;
        - a ``.csv``, ``.tsv`` or ``.jsonl`` file: one document per row.
    text_column : str, default "text"
        For tables: the column that holds the text. Other columns become metadata.
    id_column : str or None, default None
        For tables: the column with unique document ids. ``None`` uses ``doc_id`` when the
        table has one, else ``<file name>:<line>``.
    encoding : str or None, default None
        ``None`` (or ``""``) decodes each file on its own: a byte-order mark, else UTF-8 when
        valid, else the best legacy code page (see the module notes). A codec name
        (``"cp1252"``) is used for every file, strictly.
    include_all : bool, default False
        Also read hidden files, files in hidden folders, ``README*``, ``LICENSE*``, ``COPYING*``
        and ``CHANGELOG*`` files, ``Thumbs.db``, ``desktop.ini`` and ``*~`` backups found in a
        folder or by a glob (in a folder, still only ``.txt`` files).
    drop_duplicates : bool, default False
        Leave out each document whose text repeats an earlier one's (after whitespace is
        normalised); the first in corpus order is kept. Either way each copy gets a note.

    Returns
    -------
    corpus : pandas.DataFrame
        One row per document, in a stable order, with columns

        - ``doc_id`` (str): the file path relative to the folder or glob base (for a single
          file, its name), or the table's id;
        - ``text`` (str): the document text with LF line endings;
        - ``path`` (str): the file the document came from;
        - ``encoding`` (str): how that file was decoded (a Python codec name: ``utf-8``,
          ``utf-8-sig`` with a BOM, ``utf-16-le``, ``cp1252``, ...; for a table, its file's
          encoding on every row);
        - then, for tables, every other column as text (metadata); for ``.txt`` files, the
          columns of a sidecar ``metadata.csv`` / ``metadata.tsv`` at the top of a folder
          corpus and the front-matter keys found (``title``, ``date``, ``published``,
          ``source``, ``author``, ``section``, ``url``), as text, ``""`` where a document has
          none (:mod:`textkit.metadata`).
    notes : pandas.DataFrame
        One row per thing worth knowing, sorted by ``kind`` (in the order below), ``path`` and
        ``line``, with columns

        - ``kind`` (str): ``encoding`` (a file that is not UTF-8: a detected legacy code page,
          UTF-16, UTF-8 with stray bytes, or non-ASCII text read with the ``encoding``
          given), ``mojibake`` (a file that looks like UTF-8 but was read with the ``encoding``
          given), ``skipped`` (a file or hidden folder that is not an article; ``include_all``
          reads it), ``ignored`` (the files in a folder that are not ``.txt``, one row per
          ending), ``empty`` (a table row without text, left out), ``metadata`` (front
          matter read and keys not read; the sidecar table read, its rows that match no
          document, the documents without a row) or ``duplicate`` (a document whose text
          repeats an earlier one's, kept or left out);
        - ``path`` (str): the file, or the folder;
        - ``line`` (Int64): for ``empty``, the row's line, as in ``<file name>:<line>`` ids
          (the header is line 1; in a CSV/TSV file, exact unless an earlier cell spans
          lines); else missing;
        - ``encoding`` (str): the encoding the file was read with, or ``""``;
        - ``confident`` (boolean): for a detected encoding, whether it won clearly (``False``:
          another reading was as good, or the text looks odd; the detail says which); else
          missing;
        - ``detail`` (str): what happened and, where there is something to do, what.

    Warns
    -----
    CorpusWarning
        Naming the files that look like UTF-8 but were read with another ``encoding``.

    Raises
    ------
    CorpusError
        Missing path, nothing matched, an empty file, undecodable bytes (with the byte offset),
        a binary file, a malformed table (with the line), an unknown text column (listing the
        columns that exist), a table without any text, duplicate document ids, or a malformed
        sidecar metadata table (no ``file``/``doc_id`` column, an empty or repeated key).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_bytes("Café owner’s visit".encode("cp1252"))
    >>> _ = (folder / "b.txt").write_text("Zürich talks", encoding="utf-8")
    >>> _ = (folder / "README.txt").write_text("About this folder", encoding="utf-8")
    >>> corpus, notes = read_corpus_with_notes(folder)
    >>> corpus[["doc_id", "text", "encoding"]].values.tolist()
    [['a.txt', 'Café owner’s visit', 'cp1252'], ['b.txt', 'Zürich talks', 'utf-8']]
    >>> notes[["kind", "encoding", "confident"]].values.tolist()
    [['encoding', 'cp1252', True], ['skipped', '', <NA>]]
    >>> notes["detail"].tolist()[1]
    'not read: a project file (README, LICENSE, ...); include_all reads it'
    """
    corpus, notes = _read_corpus(path, text_column=text_column, id_column=id_column,
                                 encoding=encoding, include_all=include_all,
                                 drop_duplicates=drop_duplicates)
    _warn(notes, stacklevel=2)
    return corpus, notes


def _read_corpus(path, *, text_column, id_column, encoding, include_all, drop_duplicates=False):
    """Read every file once; return the corpus and the notes."""
    encoding = codec_name(encoding, "parameter encoding") if encoding else None
    files, notes = _corpus_files(path, include_all=include_all)
    frames, rows = [], {column: [] for column in CORPUS_COLUMNS}
    headers = metadata.Headers()  # front matter of the .txt files
    for doc_id, file in files:  # one pass, one DataFrame for all text files: linear in their number
        decoded = decode_file(_read_bytes(file), source=file, encoding=encoding)
        notes.extend(_encoding_notes(file, decoded))
        if os.path.splitext(file)[1].lower() in TABLE_SUFFIXES:
            table, empty = _read_table(Path(file), decoded, text_column=text_column,
                                       id_column=id_column)
            frames.append(table)
            notes.extend(empty)
            continue
        if not decoded.text.strip():
            raise CorpusError(
                f"{file}: the file is empty (or only whitespace). Remove it from the corpus "
                "or add its text."
            )
        rows["doc_id"].append(doc_id)
        rows["text"].append(headers.read(doc_id, decoded.text))
        rows["path"].append(file)
        rows["encoding"].append(decoded.encoding)
    notes.extend(headers.notes(path))
    if rows["doc_id"] or not frames:
        frames.insert(0, headers.columns(pd.DataFrame(rows)))
    corpus = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    _check_corpus(corpus, path)
    corpus, more = _with_sidecar(corpus.reset_index(drop=True), path, encoding)
    corpus, duplicates = metadata.without_duplicates(corpus, path, drop=drop_duplicates)
    return corpus, _notes_table(notes + more + duplicates)


def _with_sidecar(corpus: pd.DataFrame, path, encoding) -> tuple[pd.DataFrame, list[dict]]:
    """Join the sidecar metadata table at the top of a folder corpus, if there is one."""
    folder = Path(str(path))
    found = [folder / name for name in metadata.SIDECAR_NAMES] if folder.is_dir() else []
    found = [file for file in found if file.is_file()]
    if len(found) > 1:
        raise CorpusError(f"{folder}: holds both {found[0].name} and {found[1].name}; keep one "
                          "metadata table.")
    if not found:
        return corpus, []
    decoded = decode_file(_read_bytes(found[0]), source=str(found[0]), encoding=encoding)
    table, lines = _parse_table(found[0], decoded.text)
    corpus, notes = metadata.join_sidecar(corpus, table, lines, found[0])
    return corpus, _encoding_notes(str(found[0]), decoded) + notes


def _check_corpus(corpus: pd.DataFrame, path) -> None:
    """Refuse a corpus without text, or with duplicate document ids."""
    if not corpus["text"].str.strip().astype(bool).any():
        raise CorpusError(
            f"{path}: no document has any text (every text cell is empty). Check that "
            "text_column names the column that holds the articles."
        )
    duplicated = corpus["doc_id"][corpus["doc_id"].duplicated()].tolist()
    if duplicated:
        raise CorpusError(
            f"{path}: document ids must be unique, but {sorted(set(duplicated))[:5]} occur more "
            "than once. Give each row a unique id (id_column=...)."
        )


def _encoding_notes(file: str, decoded: Decoded) -> list[dict]:
    """The note on how a file was decoded, if it was not plain UTF-8."""
    if decoded.mojibake:
        detail = (f"looks like UTF-8 but was read as {decoded.encoding} (the encoding "
                  f"parameter), which makes {decoded.mojibake}: leave the encoding parameter "
                  "empty")
        return [_note("mojibake", file, encoding=decoded.encoding, detail=detail)]
    if decoded.detail:
        return [_note("encoding", file, encoding=decoded.encoding, confident=decoded.confident,
                      detail=decoded.detail)]
    return []


def _notes_table(notes: list[dict]) -> pd.DataFrame:
    """The notes as a table with fixed columns and types, sorted by kind, path and line."""
    table = pd.DataFrame(notes, columns=list(NOTES_COLUMNS)).astype(
        {"kind": object, "path": object, "line": "Int64", "encoding": object,
         "confident": "boolean", "detail": object})
    order = table["kind"].map(NOTE_KINDS.index)
    table = table.assign(_order=order).sort_values(["_order", "path", "line"], kind="stable")
    return table.drop(columns="_order").reset_index(drop=True)


def _warn(notes: pd.DataFrame, *, stacklevel: int) -> None:
    """One CorpusWarning listing every file that looks like UTF-8 read with another encoding.

    ``stacklevel`` as seen from the public function that calls this one (2: its caller).
    """
    mojibake = notes[notes["kind"] == "mojibake"]
    if len(mojibake):
        message = mojibake_message(mojibake["path"].tolist(), mojibake["encoding"].iloc[0])
        warnings.warn(message, CorpusWarning, stacklevel=stacklevel + 1)


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _read_table(file: Path, decoded: Decoded, *, text_column: str,
                id_column: str | None) -> tuple[pd.DataFrame, list[dict]]:
    """Read a CSV/TSV/JSONL table into corpus rows (all columns as text); rows without text
    are left out and noted."""
    table, lines = _parse_table(file, decoded.text)
    if text_column not in table.columns:
        raise CorpusError(
            f"{file}: there is no text column {text_column!r}. The columns are: "
            f"{', '.join(map(repr, table.columns))}. Pass text_column=... with one of them."
        )
    if table.empty:
        raise CorpusError(f"{file}: the table has a header but no rows. Add one row per document.")
    if id_column is None:
        id_column = "doc_id" if "doc_id" in table.columns else None
    elif id_column not in table.columns:
        raise CorpusError(
            f"{file}: there is no id column {id_column!r}. The columns are: "
            f"{', '.join(map(repr, table.columns))}."
        )
    clash = [c for c in ("text", "path", "encoding") if c in table.columns and c != text_column]
    if clash:
        raise CorpusError(
            f"{file}: the column name(s) {clash} are reserved by textkit; rename them in the file."
        )
    ids = table[id_column] if id_column else pd.Series([f"{file.name}:{n}" for n in lines])
    texts = table[text_column].map(tidy_text)
    corpus = pd.DataFrame({"doc_id": ids.astype(str).to_numpy(), "text": texts.to_numpy(),
                           "path": str(file), "encoding": decoded.encoding})
    metadata = table.drop(columns=[c for c in (text_column, id_column) if c]).reset_index(drop=True)
    corpus = pd.concat([corpus, metadata], axis=1)
    return _without_empty_rows(file, corpus, lines, text_column)


def _without_empty_rows(file: Path, corpus: pd.DataFrame, lines: list[int],
                        text_column: str) -> tuple[pd.DataFrame, list[dict]]:
    """Leave out rows whose text is empty, with a note each; a table with no text is an error."""
    empty = ~corpus["text"].str.strip().astype(bool).to_numpy()
    if empty.all():
        raise CorpusError(
            f"{file}: no document has any text (every cell of the text column {text_column!r} "
            "is empty). Check that text_column names the column that holds the articles."
        )
    rows = [number for number, blank in enumerate(empty, start=1) if blank]
    notes = [
        _note("empty", file, line=line, detail=(
            f"row {row} (doc_id {doc_id!r}) has no text in column {text_column!r}; left out"))
        for row, line, doc_id in zip(rows, pd.Series(lines)[empty], corpus["doc_id"][empty])
    ]
    return corpus[~empty].reset_index(drop=True), notes


def _parse_table(file: Path, text: str) -> tuple[pd.DataFrame, list[int]]:
    """Parse a table's text: all cells as text ("" when missing), and each row's first line."""
    if not text.strip():
        raise CorpusError(f"{file}: the table is empty. Add a header row and one row per document.")
    suffix = file.suffix.lower()
    if suffix != ".jsonl":
        try:
            table = pd.read_csv(io.StringIO(text), sep="\t" if suffix == ".tsv" else ",",
                                dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
            raise CorpusError(f"{file}: cannot be read as a {suffix[1:].upper()} table: {err}") from None
        # Header is line 1; this is the first line of each row (exact unless cells span lines).
        return table.fillna(""), list(range(2, len(table) + 2))
    records, lines = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise CorpusError(
                f"{file}: line {number} is not valid JSON ({err.msg} at column {err.colno}). "
                "Each line must hold one JSON object."
            ) from None
        if not isinstance(record, dict):
            raise CorpusError(f"{file}: line {number} holds a {type(record).__name__}, not a JSON object.")
        # Values as text now, so a number stays "2022" even when another row lacks it
        # (pandas would make the column float and print "2022.0").
        records.append({k: "" if v is None else str(v) for k, v in record.items()})
        lines.append(number)
    table = pd.DataFrame.from_records(records)
    return table.astype(object).where(table.notna(), "").astype(str), lines
