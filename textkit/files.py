"""Read corpora and word lists; write tables and figures.

All of textkit's file access lives in this module, in :mod:`textkit.reading` (reading corpora)
and in :mod:`textkit.corpusfiles` (which files make up a corpus), whose public names are
re-exported here (use ``files.read_corpus``), so everything else is pure and can be tested with
literals. Reading is strict: a path that does not exist, an empty file, bytes that are not text,
or a table without the named text column each raise :class:`~textkit.errors.CorpusError` with
the file (and line or byte) and what to do.

Encodings: each file is decoded on its own — UTF-8 with or without a byte-order mark, UTF-16
with a byte-order mark, else a detected legacy code page such as Windows-1252 (the rules are in
:mod:`textkit.decoding`). An explicit ``encoding`` applies to every file, strictly. Windows (CRLF)
and old Mac (CR) line endings become ``"\\n"``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from textkit.corpusfiles import (  # noqa: F401  (re-exported: files is where callers read from)
    NOT_ARTICLES,
    TEXT_SUFFIXES,
    corpus_folder,
)
from textkit.errors import CorpusError
from textkit.reading import (  # noqa: F401  (re-exported: files is where callers read from)
    CORPUS_COLUMNS,
    LEGACY_ENCODINGS,
    NOTE_KINDS,
    NOTES_COLUMNS,
    TABLE_SUFFIXES,
    decode,
    read_corpus,
    read_corpus_with_notes,
    read_text,
)

# --------------------------------------------------------------------------------------------
# Reading word lists
# --------------------------------------------------------------------------------------------


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
    written = []
    for fmt in formats:
        target = folder / f"{stem}.{fmt}"
        if fmt == "png" and hasattr(figure, "png"):  # a textkit figure: the PNG it showed
            target.write_bytes(figure.png())
        else:
            with matplotlib.rc_context({"svg.hashsalt": "textkit", "svg.fonttype": "path"}):
                figure.savefig(target, format=fmt, **SAVE_OPTIONS.get(fmt, {"dpi": 100}))
        written.append(target)
    return written


#: How :func:`write_figure` saves each format (and textkit's figures draw the PNG they show):
#: 100 dpi, and no software version or date in the file, so the bytes do not change between
#: runs or matplotlib releases.
SAVE_OPTIONS = {
    "png": {"dpi": 100, "metadata": {"Software": None}},
    "svg": {"dpi": 100, "metadata": {"Date": None, "Creator": None}},
    "pdf": {"dpi": 100, "metadata": {"CreationDate": None, "Creator": None, "Producer": None}},
}


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


def write_graph(graph, folder: str | Path, stem: str, *, formats=("graphml", "gexf")) -> list[Path]:
    """Save a network as GraphML and GEXF (both open in Gephi), byte-identical from run to run.

    networkx writes nodes and edges in the order they were added and stamps GEXF files with
    the day they were written (``lastmodifieddate``) and its own version. The graph is first
    copied in a fixed order (:func:`textkit.network.ordered`: nodes, edges and attributes
    sorted), and the GEXF ``meta`` element keeps only ``<creator>textkit</creator>``, so the same
    graph gives the same bytes on any day.

    Parameters
    ----------
    graph : networkx.Graph
        A graph from :func:`textkit.network.actors` or :func:`textkit.network.words`.
    folder : str or Path
        The output folder; created if missing.
    stem : str
        The file name without extension, e.g. ``"actor_network"``.
    formats : tuple of str, default ("graphml", "gexf")
        Which formats to write (GEXF 1.2).

    Returns
    -------
    list of pathlib.Path
        The written files, in the order of ``formats``.

    Raises
    ------
    ParameterError
        For a format other than ``graphml`` and ``gexf``.
    """
    import networkx as nx
    from networkx.readwrite.gexf import GEXFWriter

    from textkit import network
    from textkit.errors import ParameterError

    unknown = [fmt for fmt in formats if fmt not in ("graphml", "gexf")]
    if unknown:
        raise ParameterError(f"write_graph writes 'graphml' and 'gexf', got formats {unknown}.")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    copy = network.ordered(graph)
    written = []
    for fmt in formats:
        target = folder / f"{stem}.{fmt}"
        if fmt == "graphml":
            nx.write_graphml(copy, target, encoding="utf-8", prettyprint=True)
        else:
            writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
            meta = writer.xml.find("meta")
            meta.attrib.pop("lastmodifieddate", None)
            meta.find("creator").text = "textkit"
            writer.add_graph(copy)
            with open(target, "wb") as handle:
                writer.write(handle)
        written.append(target)
    return written


def _refuse_aliases(text: str, path: Path, error, loader) -> None:
    """Stop at the first YAML alias (``*name``), before anything is built from the file.

    Parameter files and actor dictionaries never need anchors and aliases, and aliases are what
    a "billion laughs" file uses to expand a few lines into gigabytes. Reading the event stream
    is linear in the file, and the message never quotes the aliased value.
    """
    import yaml

    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.AliasEvent,)) or getattr(event, "anchor", None):
            raise error(
                f"{path}: line {event.start_mark.line + 1}: YAML anchors and aliases (&name, "
                "*name) are not allowed here. Write each value out in full."
            )


def read_yaml(path: str | Path, *, error=None):
    """Read a YAML file into its node tree, which keeps the line of every value.

    PyYAML's C parser (libyaml) reads it when PyYAML has one, ten times faster than the
    pure-Python parser, which reads a file libyaml refuses, so that syntax errors are always
    described in the same words.

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
        text = decode(path.read_bytes(), source=str(path), detect=False)
    except FileNotFoundError:
        raise error(
            f"{path}: file not found (working directory: {Path.cwd()}). Check the path; "
            "relative paths are read from the working directory."
        ) from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a YAML file.") from None
    except CorpusError as err:
        raise error(f"{err} YAML files are read as UTF-8: save this one as UTF-8.") from None
    fast = getattr(yaml, "CSafeLoader", None)  # libyaml, when PyYAML was built with it
    if fast is not None:
        try:
            _refuse_aliases(text, path, error, fast)
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:  # read it again below, for the pure-Python parser's message
            pass
    try:
        _refuse_aliases(text, path, error, yaml.SafeLoader)
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
