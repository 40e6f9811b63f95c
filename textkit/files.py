"""Read corpora and word lists; write tables and figures.

All of textkit's file access lives in this module, so everything else is pure and can be tested
with literals. Reading is strict: a path that does not exist, an empty file, bytes that are not
text in the expected encoding, or a table without the named text column each raise
:class:`~textkit.errors.CorpusError` with the file (and line or byte) and what to do.

Encodings: UTF-8 with or without a byte-order mark and UTF-16 with a byte-order mark are
recognised automatically; anything else needs an explicit ``encoding`` (for example
``"latin-1"`` or ``"cp1252"``). Windows (CRLF) and old Mac (CR) line endings become ``"\\n"``.
"""

from __future__ import annotations

import codecs
import glob as globlib
import hashlib
import io
import json
from pathlib import Path

import pandas as pd

from textkit.errors import CorpusError

#: Columns every corpus DataFrame starts with; metadata columns follow.
CORPUS_COLUMNS = ("doc_id", "text", "path")

#: File endings read as one document each (anything else in a folder is ignored).
TEXT_SUFFIXES = (".txt",)

#: File endings read as tables with one document per row.
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl")

# UTF-8 is decoded with its BOM (removed afterwards), so error offsets count from the file start.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# --------------------------------------------------------------------------------------------
# Reading text
# --------------------------------------------------------------------------------------------


def decode(data: bytes, *, source: str = "<bytes>", encoding: str | None = None) -> str:
    """Decode bytes to text with LF line endings, or say exactly where they are not text.

    Parameters
    ----------
    data : bytes
        The raw file content.
    source : str, default "<bytes>"
        Name used in error messages (the file path).
    encoding : str or None, default None
        ``None`` recognises UTF-8 (with or without BOM) and UTF-16 with BOM. Any codec name
        Python knows (``"latin-1"``, ``"cp1252"``, ...) forces that encoding.

    Returns
    -------
    str
        The text, with ``"\\r\\n"`` and ``"\\r"`` turned into ``"\\n"`` and any BOM removed.

    Examples
    --------
    >>> decode("Kyiv\\r\\nKiev".encode("utf-8-sig"))
    'Kyiv\\nKiev'
    >>> decode("caf\\u00e9".encode("utf-16"))
    'café'
    >>> decode(b"caf\\xe9", source="menu.txt")
    Traceback (most recent call last):
    ...
    textkit.errors.CorpusError: menu.txt: byte 3 (line 1) is not valid UTF-8 (0xe9). ...
    >>> decode(b"caf\\xe9", encoding="latin-1")
    'café'
    """
    if encoding is None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                encoding = codec
                break
        else:
            if b"\x00" in data[:8192]:
                raise CorpusError(
                    f"{source}: looks like a binary file (it contains NUL bytes), not text. "
                    "Give textkit .txt files, or a CSV/TSV/JSONL table with a text column; "
                    "for UTF-16 without a byte-order mark pass encoding='utf-16-le'."
                )
            encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except LookupError:
        raise CorpusError(
            f"{source}: unknown encoding {encoding!r}. Use a codec name Python knows, "
            "such as 'utf-8', 'latin-1' or 'cp1252'."
        ) from None
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        bad = data[err.start : err.end].hex(" ")
        raise CorpusError(
            f"{source}: byte {err.start} (line {line}) is not valid {err.encoding.upper()} "
            f"(0x{bad}). Convert the file to UTF-8, or pass the encoding it was saved in, "
            "e.g. encoding='latin-1' or 'cp1252'."
        ) from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """Read one text file (see :func:`decode` for encodings and line endings).

    Parameters
    ----------
    path : str or Path
        The file to read.
    encoding : str or None, default None
        ``None`` for automatic UTF-8 / UTF-16-with-BOM, else a codec name.

    Returns
    -------
    str
        The decoded text.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: file not found (working directory: {Path.cwd()}).") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a folder, not a file.") from None
    except PermissionError:
        raise CorpusError(f"{path}: permission denied; check the file's permissions.") from None
    return decode(data, source=str(path), encoding=encoding)


def read_wordlist(path: str | Path, *, encoding: str | None = None) -> list[str]:
    """Read a word list: one entry per line; blank lines and ``#`` comments are skipped.

    Parameters
    ----------
    path : str or Path
        The file to read.
    encoding : str or None, default None
        As in :func:`read_text`.

    Returns
    -------
    list of str
        The entries in file order, stripped of surrounding whitespace.
    """
    words = []
    for line in read_text(path, encoding=encoding).split("\n"):
        entry = line.split("#", 1)[0].strip()
        if entry:
            words.append(entry)
    return words


# --------------------------------------------------------------------------------------------
# Reading corpora
# --------------------------------------------------------------------------------------------


def read_corpus(
    path: str | Path,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    encoding: str | None = None,
) -> pd.DataFrame:
    """Read a corpus: one ``.txt`` file, a folder of them, a glob, or a CSV/TSV/JSONL table.

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
        ``None`` recognises UTF-8 (with or without BOM) and UTF-16 with BOM; else a codec name.

    Returns
    -------
    pandas.DataFrame
        One row per document, in a stable order, with columns

        - ``doc_id`` (str): the file path relative to the folder or glob base (for a single
          file, its name), or the table's id;
        - ``text`` (str): the document text with LF line endings;
        - ``path`` (str): the file the document came from;
        - then, for tables, every other column as text (metadata).

    Raises
    ------
    CorpusError
        Missing path, nothing matched, an empty file, undecodable bytes (with the byte offset),
        a binary file, a malformed table (with the line), an unknown text column (listing the
        columns that exist), or duplicate document ids.
    """
    files, base = _corpus_files(path)
    frames, rows = [], {"doc_id": [], "text": [], "path": []}
    for file in files:  # one pass, one DataFrame for all text files: linear in their number
        if file.suffix.lower() in TABLE_SUFFIXES:
            frames.append(
                _read_table(file, text_column=text_column, id_column=id_column, encoding=encoding)
            )
        else:
            text = read_text(file, encoding=encoding)
            if not text.strip():
                raise CorpusError(
                    f"{file}: the file is empty (or only whitespace). Remove it from the corpus "
                    "or add its text."
                )
            rows["doc_id"].append(file.name if base is None else file.relative_to(base).as_posix())
            rows["text"].append(text)
            rows["path"].append(str(file))
    if rows["doc_id"] or not frames:
        frames.insert(0, pd.DataFrame(rows))
    corpus = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
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
    return corpus.reset_index(drop=True)


def corpus_folder(path: str | Path) -> Path | None:
    """Return the folder a corpus path reads from: the folder itself, or a glob's base.

    ``None`` for a single file or table. The runner refuses an ``--output`` inside it.

    Examples
    --------
    >>> corpus_folder("news/2022/*.txt").as_posix(), corpus_folder("no/such/file.txt")
    ('news/2022', None)
    """
    text = str(path)
    if Path(text).is_dir():
        return Path(text)
    if globlib.has_magic(text):
        parts = []
        for part in Path(text).parts:
            if globlib.has_magic(part):
                break
            parts.append(part)
        return Path(*parts) if parts else Path(".")
    return None


def _corpus_files(path: str | Path) -> tuple[list[Path], Path | None]:
    """Return the files a corpus path stands for, sorted, and the base for relative ids."""
    text = str(path)
    if not text.strip():
        raise CorpusError("corpus: the path is empty. Give a .txt file, a folder, a glob or a table.")
    candidate = Path(text)
    if candidate.is_dir():
        files = sorted(
            (f for f in candidate.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES),
            key=lambda f: f.relative_to(candidate).as_posix(),
        )
        if not files:
            raise CorpusError(
                f"{candidate}: the folder holds no .txt files (searched recursively). "
                "Put one document per .txt file there, or pass a CSV/TSV/JSONL table."
            )
        return files, candidate
    if candidate.is_file():
        return [candidate], None
    if globlib.has_magic(text):
        matches = sorted(Path(p) for p in globlib.glob(text, recursive=True) if Path(p).is_file())
        if not matches:
            raise CorpusError(f"{text}: the pattern matches no files (working directory: {Path.cwd()}).")
        return matches, corpus_folder(text)
    raise CorpusError(
        f"{text}: no such file or folder (working directory: {Path.cwd()}). "
        "Give a .txt file, a folder of .txt files, a glob, or a CSV/TSV/JSONL table."
    )


def _read_table(
    file: Path, *, text_column: str, id_column: str | None, encoding: str | None
) -> pd.DataFrame:
    """Read a CSV/TSV/JSONL table into corpus rows (all columns as text)."""
    text = read_text(file, encoding=encoding)
    if not text.strip():
        raise CorpusError(f"{file}: the table is empty. Add a header row and one row per document.")
    suffix = file.suffix.lower()
    if suffix == ".jsonl":
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
        table = table.astype(object).where(table.notna(), "").astype(str)
    else:
        try:
            table = pd.read_csv(
                io.StringIO(text),
                sep="\t" if suffix == ".tsv" else ",",
                dtype=str,
                keep_default_na=False,
            )
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
            raise CorpusError(f"{file}: cannot be read as a {suffix[1:].upper()} table: {err}") from None
        # Header is line 1; this is the first line of each row (exact unless cells span lines).
        lines = list(range(2, len(table) + 2))
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
    ids = table[id_column] if id_column else pd.Series([f"{file.name}:{n}" for n in lines])
    clash = [c for c in ("text", "path") if c in table.columns and c != text_column]
    if clash:
        raise CorpusError(
            f"{file}: the column name(s) {clash} are reserved by textkit; rename them in the file."
        )
    metadata = table.drop(columns=[c for c in (text_column, id_column) if c]).reset_index(drop=True)
    corpus = pd.DataFrame(
        {
            "doc_id": ids.astype(str).to_numpy(),
            "text": table[text_column].map(lambda t: t.replace("\r\n", "\n").replace("\r", "\n")).to_numpy(),
            "path": str(file),
        }
    )
    return pd.concat([corpus, metadata], axis=1)


# --------------------------------------------------------------------------------------------
# Writing results
# --------------------------------------------------------------------------------------------


def output_folder(value: str = "") -> str:
    """Return the folder a notebook writes to: ``value``, or the project's ``outputs/lab``.

    A notebook run by hand (JupyterLab, or plain papermill from the project root or from
    ``notebooks/``) leaves ``output_dir`` empty; its tables and figures then go to
    ``outputs/lab`` in the project — the nearest folder at or above the working directory that
    holds ``notebooks/`` — never to a folder above the project. Outside a project it is
    ``outputs/lab`` in the working directory.

    Parameters
    ----------
    value : str, default ""
        The notebook's ``output_dir`` parameter.

    Returns
    -------
    str
        The folder (created when a table or figure is written).
    """
    if value:
        return value
    here = Path.cwd()
    root = next((p for p in [here, *here.parents] if (p / "notebooks").is_dir()), here)
    return str(root / "outputs" / "lab")


def write_table(table: pd.DataFrame, folder: str | Path, name: str) -> Path:
    """Write a table as UTF-8 CSV with LF line endings and no index; return its path.

    Parameters
    ----------
    table : pandas.DataFrame
        The table, already sorted with an explicit tie-breaker and rounded.
    folder : str or Path
        The output folder; created if missing.
    name : str
        The file name, e.g. ``"word_frequencies.csv"``.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    table.to_csv(target, index=False, encoding="utf-8", lineterminator="\n")
    return target


def write_figure(figure, folder: str | Path, stem: str, *, formats=("png", "svg")) -> list[Path]:
    """Save a matplotlib figure as PNG and SVG with byte-identical output from run to run.

    The PNG carries no ``Software`` entry (which would embed the matplotlib version); the SVG
    gets a fixed hash salt and no date, so the same figure gives the same bytes every time.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to save.
    folder : str or Path
        The output folder; created if missing.
    stem : str
        The file name without extension, e.g. ``"top_terms"``.
    formats : tuple of str, default ("png", "svg")
        Which formats to write.

    Returns
    -------
    list of pathlib.Path
        The written files, in the order of ``formats``.
    """
    import matplotlib

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    metadata = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
    }
    written = []
    with matplotlib.rc_context({"svg.hashsalt": "textkit", "svg.fonttype": "path"}):
        for fmt in formats:
            target = folder / f"{stem}.{fmt}"
            figure.savefig(target, format=fmt, metadata=metadata.get(fmt), dpi=100)
            written.append(target)
    return written


def read_json(path: str | Path, *, error=None):
    """Read a UTF-8 JSON file; raise ``error`` (default ``TextkitError``) naming it if it is not.

    Returns
    -------
    object
        The parsed value.
    """
    from textkit.errors import TextkitError

    error = error or TextkitError
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: file not found.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise error(f"{path}: not valid JSON, or not UTF-8 ({err}).") from None


def write_json(data, path: str | Path) -> Path:
    """Write ``data`` as indented, key-sorted UTF-8 JSON; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def sha256(path: str | Path) -> str:
    """Return the SHA-256 hex digest of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _refuse_aliases(text: str, path: Path, error) -> None:
    """Stop at the first YAML alias (``*name``), before anything is built from the file.

    Parameter files and actor dictionaries never need anchors and aliases, and aliases are what
    a "billion laughs" file uses to expand a few lines into gigabytes. Reading the event stream
    is linear in the file, and the message never quotes the aliased value.
    """
    import yaml

    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.AliasEvent,)) or getattr(event, "anchor", None):
            raise error(
                f"{path}: line {event.start_mark.line + 1}: YAML anchors and aliases (&name, "
                "*name) are not allowed here. Write each value out in full."
            )


def read_yaml(path: str | Path, *, error=None):
    """Read a YAML file into its node tree, which keeps the line of every value.

    Callers that validate a file (such as :func:`textkit.actors.load`) use the nodes' line
    numbers in their messages; ``node.start_mark.line`` counts from 0.

    Parameters
    ----------
    path : str or Path
        The YAML file (UTF-8, or UTF-16 with a byte-order mark).
    error : type or None, default None
        The :class:`~textkit.errors.TextkitError` subclass to raise, so each kind of file
        reports in its own terms (``ActorsFileError`` for actor dictionaries); ``None`` raises
        ``TextkitError`` itself.

    Returns
    -------
    yaml.Node or None
        The root node (``yaml.compose``, safe loader), or ``None`` for an empty document.

    Raises
    ------
    error
        A missing file, bytes that are not text, or a YAML syntax error (with its line and
        column).
    """
    import yaml

    from textkit.errors import TextkitError

    error = error or TextkitError
    path = Path(path)
    try:
        text = decode(path.read_bytes(), source=str(path))
    except FileNotFoundError:
        raise error(
            f"{path}: file not found (working directory: {Path.cwd()}). Check the path; "
            "relative paths are read from the working directory."
        ) from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a YAML file.") from None
    except CorpusError as err:
        raise error(f"{err} YAML files are read as UTF-8: save this one as UTF-8.") from None
    try:
        _refuse_aliases(text, path, error)
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        raise error(
            f"{path}: {where}: YAML syntax error: {err.problem or err.context}. "
            "Check the indentation and that lists are written [a, b] or as '- item' lines."
        ) from None
    except yaml.YAMLError as err:
        raise error(f"{path}: not valid YAML: {err}.") from None
