"""Which files make up a corpus: one file, a folder's ``.txt`` files, or a glob's matches.

:mod:`textkit.reading` reads the files listed here, once each; :mod:`textkit.files` re-exports
the public names (``files.corpus_folder``, ``files.NOT_ARTICLES``, ``files.TEXT_SUFFIXES``); use
them from there. Nothing here reads a file's contents.

**Which files.** A file named on its own (a ``.txt`` file or a CSV/TSV/JSONL table) is the
corpus, and its name is its id. In a folder, every ``.txt`` file below it, recursively, is one
document (symbolic links to folders are not followed); files with other endings are ignored, with
one note per ending, and a sidecar ``metadata.csv`` / ``metadata.tsv`` at the top is not a
document (it is metadata: :mod:`textkit.metadata`). A glob (``news/2022-*.txt``,
``news/**/*.txt``) stands for every file it matches. Ids are paths below the folder, or below the
glob's base (:func:`corpus_folder`), with ``/``; files are listed in sorted order.

**What is not an article.** In a folder, only ``.txt`` files are documents. Hidden files and
everything in hidden folders (``.DS_Store``, ``._story.txt``, ``.ipynb_checkpoints/``),
project files (``README*``, ``LICENSE*``, ``COPYING*``, ``CHANGELOG*``), Windows' ``Thumbs.db``
and ``desktop.ini``, and editor backups (``*~``) are skipped, in folders and in globs alike,
unless ``include_all=True``; each gets a ``skipped`` note (a hidden folder, one for all it
holds), and a folder or glob left with nothing to read is a :class:`~textkit.errors.CorpusError`
naming what was skipped. A single file named on its own is always read.
"""

from __future__ import annotations

import glob as globlib
import os
import re
from pathlib import Path

from textkit import metadata
from textkit.errors import CorpusError

#: File endings read as one document each in a folder (anything else there is ignored).
TEXT_SUFFIXES = (".txt",)

#: Names of files that are not articles, and why (matched against the whole file name,
#: ignoring case). Hidden files and folders are skipped as well.
NOT_ARTICLES = (
    (r"(?:readme|licen[cs]e|copying|changelog)(?:[^a-z].*)?",
     "a project file (README, LICENSE, ...)"),
    (r"thumbs\.db|desktop\.ini", "a Windows system file"),
    (r".*~", "an editor backup"),
)
_NOT_ARTICLES = re.compile("|".join(f"({pattern})" for pattern, _ in NOT_ARTICLES), re.IGNORECASE)


def _note(kind: str, path, *, line=None, encoding="", confident=None, detail="") -> dict:
    """One row of the notes table (:data:`textkit.reading.NOTES_COLUMNS`)."""
    return {"kind": kind, "path": str(path), "line": line, "encoding": encoding,
            "confident": confident, "detail": detail}


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


# --------------------------------------------------------------------------------------------
# Which files: folders, globs, and what is not an article
# --------------------------------------------------------------------------------------------


def _corpus_files(path: str | Path, *, include_all: bool) -> tuple[list[tuple[str, str]], list]:
    """Return ``(doc_id, path)`` of every file a corpus path stands for (sorted), and notes."""
    text = str(path)
    if not text.strip():
        raise CorpusError("corpus: the path is empty. Give a .txt file, a folder, a glob or a table.")
    candidate = Path(text)
    if candidate.is_dir():
        return _folder_files(candidate, include_all=include_all)
    if candidate.is_file():
        return [(candidate.name, str(candidate))], []
    if globlib.has_magic(text):
        return _glob_files(text, include_all=include_all)
    raise CorpusError(
        f"{text}: no such file or folder (working directory: {Path.cwd()}). "
        "Give a .txt file, a folder of .txt files, a glob, or a CSV/TSV/JSONL table."
    )


def _folder_files(folder: Path, *, include_all: bool) -> tuple[list[tuple[str, str]], list]:
    """The ``.txt`` articles below a folder as ``(relative path, path)``, sorted; and notes."""
    found, skipped, ignored = [], {}, {}
    prefix = "" if str(folder) == "." else str(folder) + os.sep  # as str(folder / relative)
    for relative, is_dir in _walk(str(folder), "", include_all=include_all):
        reason = None if include_all else _not_an_article(relative, is_dir=is_dir)
        if reason:
            skipped[relative] = reason
        elif relative in metadata.SIDECAR_NAMES:
            continue  # the sidecar metadata table, read by _with_sidecar
        elif os.path.splitext(relative)[1].lower() in TEXT_SUFFIXES:
            found.append((relative, prefix + relative.replace("/", os.sep)))
        else:
            suffix = os.path.splitext(relative)[1].lower() or "no ending"
            ignored.setdefault(suffix, []).append(relative)
    notes = _skipped_notes(folder, skipped)
    for suffix, names in sorted(ignored.items()):
        notes.append(_note("ignored", folder, detail=(
            f"{len(names)} file(s) ending {suffix}, such as {min(names)}, not read: only .txt "
            "files are documents in a folder")))
    if not found:
        raise CorpusError(
            f"{folder}: the folder holds no .txt files (searched recursively)"
            f"{_skipped_hint(skipped)}. Put one document per .txt file there, or pass a "
            "CSV/TSV/JSONL table."
        )
    return sorted(found), notes


def _walk(folder: str, relative: str, *, include_all: bool):
    """Yield ``(path below the corpus folder, is_dir)`` for every file below ``folder``, and
    for each hidden folder, which is not entered unless ``include_all``.

    Symbolic links to folders are not followed and unreadable folders are passed over, as
    :meth:`pathlib.Path.rglob` does; strings and :func:`os.scandir` keep it fast.
    """
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except (PermissionError, NotADirectoryError):
        return
    for entry in entries:
        path = relative + entry.name
        if entry.is_dir(follow_symlinks=False):
            if entry.name.startswith(".") and not include_all:
                yield path, True
            else:
                yield from _walk(entry.path, path + "/", include_all=include_all)
        elif entry.is_file():
            yield path, False


def _glob_files(pattern: str, *, include_all: bool) -> tuple[list[tuple[str, str]], list]:
    """``(id, path)`` of the articles a glob matches, sorted by path; and notes."""
    base = corpus_folder(pattern)
    matches = sorted(Path(p) for p in globlib.glob(pattern, recursive=True, include_hidden=True)
                     if Path(p).is_file())
    found, skipped = [], {}
    for match in matches:
        try:
            relative = match.relative_to(base).as_posix()
        except ValueError:  # not below the base (a pattern with ".." after the magic)
            relative = match.name
        reason = None if include_all else _not_an_article(relative)
        if reason:
            skipped[reason[0]] = reason
        else:
            found.append((relative, str(match)))
    if not found:
        what = "no files" if not skipped else "only files that are not articles"
        raise CorpusError(
            f"{pattern}: the pattern matches {what}{_skipped_hint(skipped)} "
            f"(working directory: {Path.cwd()})."
        )
    return found, _skipped_notes(base, skipped)


def _not_an_article(relative: str, *, is_dir: bool = False) -> tuple[str, str] | None:
    """``(what to list, why)`` for a file that is not an article (see :data:`NOT_ARTICLES`).

    ``relative`` is the path below the corpus folder, with ``/``. A file in a hidden folder is
    listed as that folder, so ``.git/`` is one note; ``is_dir``: the path is a hidden folder.

    Examples
    --------
    >>> _not_an_article("2022/.ipynb_checkpoints/a-checkpoint.txt")
    ('2022/.ipynb_checkpoints', 'a hidden folder')
    >>> _not_an_article("README.txt"), _not_an_article("licensed.txt")
    (('README.txt', 'a project file (README, LICENSE, ...)'), None)
    """
    parts = relative.split("/")
    for depth, part in enumerate(parts if is_dir else parts[:-1]):
        if part.startswith("."):
            return "/".join(parts[: depth + 1]), "a hidden folder"
    if parts[-1].startswith("."):
        return relative, "a hidden file"
    match = _NOT_ARTICLES.fullmatch(parts[-1])
    return (relative, NOT_ARTICLES[match.lastindex - 1][1]) if match else None


def _skipped_notes(base: Path, skipped: dict) -> list[dict]:
    """One note per skipped file or hidden folder."""
    return [_note("skipped", base / where, detail=f"not read: {why}; include_all reads it")
            for where, why in skipped.values()]


def _skipped_hint(skipped: dict) -> str:
    """For an error: the skipped files, and how to read them."""
    if not skipped:
        return ""
    names = sorted(skipped)
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return (f"; skipped as not articles: {shown} (to read them, run with -p include_all true; "
            "in a notebook: include_all = True)")
