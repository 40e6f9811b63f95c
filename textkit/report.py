"""Turn a run folder into pages a reader can open offline: notebook HTML and ``index.html``.

Two functions, both deterministic (the same inputs give byte-identical files) and both free of
anything that loads from the network:

- :func:`notebook_html` renders one executed notebook with textkit's own nbconvert template
  (``textkit/templates/textkit_notebook``): code folded, outputs shown, no CDN scripts.
- :func:`write` writes ``index.html``, the front page of a run: what was analysed, the figures,
  the first rows of every table, links to every file, and the provenance from the manifest.

Everything that comes from a user (parameter values, paths, file names, table cells) is
HTML-escaped. No timestamps or durations appear, so two runs of the same analysis give the same
pages.
"""

from __future__ import annotations

import functools
import html
import re
import shlex
import threading
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from textkit import files
from textkit.errors import NotebookError

#: Folder of textkit's nbconvert templates (installed as package data).
TEMPLATES = Path(__file__).resolve().parent / "templates"

#: The nbconvert template :func:`notebook_html` uses (a folder in :data:`TEMPLATES`).
TEMPLATE = "textkit_notebook"

#: Rows of each table shown on the index page.
PREVIEW_ROWS = 10

#: Packages listed first in the provenance; the others are folded.
KEY_PACKAGES = ("textkit", "pandas", "matplotlib", "nltk", "papermill", "nbconvert")

#: What reading a CSV that is not a readable table raises.
_UNREADABLE = (pd.errors.EmptyDataError, pd.errors.ParserError, UnicodeDecodeError)

_CSS = """
body { font: 15px/1.5 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1f2328;
       margin: 0; background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 1.5em 2em 4em; }
h1 { font-size: 1.7em; margin: 0 0 .2em; }
h2 { font-size: 1.35em; margin: 2em 0 .6em; padding-bottom: .2em;
     border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.05em; margin: 1.6em 0 .3em; }
code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; }
pre { background: #f6f8fa; padding: .6em .8em; overflow-x: auto; white-space: pre-wrap; }
a { color: #0550ae; }
nav ul { display: flex; flex-wrap: wrap; gap: .3em 1.4em; padding: 0; list-style: none; }
.meta { color: #57606a; margin: .2em 0 .5em; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: .85em; margin: .3em 0 1em;
        font-variant-numeric: tabular-nums; }
th, td { border: 1px solid #d0d7de; padding: .25em .55em; text-align: left; vertical-align: top;
         max-width: 32em; overflow-wrap: break-word; }
td.code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; white-space: nowrap;
          max-width: none; }
ul.files { columns: 3 16em; }
thead th { background: #f6f8fa; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr));
           gap: 1.2em; margin: 1em 0; }
figure { margin: 0; border: 1px solid #d0d7de; padding: .6em; background: #fff; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { color: #57606a; font-size: .9em; margin-top: .4em; }
details > summary { cursor: pointer; color: #0550ae; margin: .4em 0; }
.status-succeeded { color: #1a7f37; font-weight: bold; }
.status-failed { color: #cf222e; font-weight: bold; }
.missing { color: #57606a; font-style: italic; }
"""


def notebook_html(executed: Path) -> Path:
    """Render an executed notebook to HTML next to it, readable offline, with the code folded.

    The page uses textkit's nbconvert template (``textkit/templates/textkit_notebook``, built on
    nbconvert's ``lab`` template): every code cell's input sits in a closed
    ``<details><summary>code</summary>`` (the parameters cells say so in their summary), outputs
    are always visible, and nothing is loaded from the network — no require.js, no MathJax, no
    mermaid, no widget scripts. Markdown maths therefore shows as its TeX source, and
    JavaScript or widget outputs as their text form. Rendering the same notebook twice gives
    byte-identical HTML.

    Parameters
    ----------
    executed : Path
        An executed notebook (``.ipynb``), e.g. one papermill wrote.

    Returns
    -------
    pathlib.Path
        The HTML file: same folder and stem as ``executed``, suffix ``.html``.

    Raises
    ------
    NotebookError
        If ``executed`` is not an existing ``.ipynb`` file.
    """
    executed = Path(executed)
    if executed.suffix != ".ipynb" or not executed.is_file():
        raise NotebookError(
            f"cannot render {executed} to HTML: expected an executed notebook (.ipynb file); "
            "run `textkit run` to make one."
        )
    with _EXPORTING:
        body, _ = _exporter().from_filename(str(executed))
    target = executed.with_suffix(".html")
    target.write_text(body, encoding="utf-8", newline="\n")
    return target


@functools.lru_cache(maxsize=1)
def _exporter():
    """The one HTML exporter of this process: its templates are found and compiled once, not
    once per page (a third of a page's time on the seed). It keeps nothing of one notebook
    for the next; :data:`_EXPORTING` lets one thread at a time use it."""
    from nbconvert import HTMLExporter

    return HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name=TEMPLATE,
                        template_file="notebook.html.j2")


_EXPORTING = threading.Lock()


def write(folder: Path, manifest: dict) -> Path:
    """Write ``index.html``, the front page of a run folder, and return its path.

    One self-contained page (inline CSS, no JavaScript, nothing from the network) that shows
    what was analysed (corpus, documents and tokens from ``corpus_summary.csv`` when present,
    every notebook's parameters), the figures (every ``*.png``), the first
    :data:`PREVIEW_ROWS` rows of every ``*.csv`` with a link to the full table, links to every
    file, and the provenance (command, git commit, Python, packages, inputs with SHA-256).
    Figures and tables are grouped under the notebook whose HTML (or ``.ipynb``) names them,
    in the order it names them; files no notebook names go under "Other files".

    Every value from the user is HTML-escaped. The manifest's timings (``started``,
    ``duration_seconds``) and output hashes are not shown, so the same manifest and the same
    files give a byte-identical page, and the page may itself be hashed into the manifest.

    Parameters
    ----------
    folder : Path
        The run folder (or the build folder that becomes it), holding the executed notebooks,
        their HTML, and the tables and figures.
    manifest : dict
        The run's manifest, as :mod:`textkit.runner` builds it; missing keys are shown as
        not recorded.

    Returns
    -------
    pathlib.Path
        ``folder / "index.html"``.

    Raises
    ------
    NotebookError
        If ``folder`` is not an existing folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise NotebookError(f"cannot write index.html: {folder} is not a folder (a run folder "
                            "holds the executed notebooks, tables and figures).")
    stems = _notebook_stems(folder, manifest)
    owners = _owners(folder, stems)
    run_name = Path(manifest.get("run_dir") or folder.resolve()).name
    sections = [
        _header(run_name, manifest, stems, other=bool(owners.get(None))),
        _analysed(folder, manifest, stems),
        *(_notebook_section(folder, manifest, stem, owners.get(stem, [])) for stem in stems),
        _other_section(folder, owners.get(None, [])),
        _files_section(folder),
        _provenance(manifest),
    ]
    page = _page(f"textkit run: {run_name}", "\n".join(s for s in sections if s))
    target = folder / "index.html"
    target.write_text(page, encoding="utf-8", newline="\n")
    return target


# --- grouping -----------------------------------------------------------------------------


def _notebook_stems(folder: Path, manifest: dict) -> list[str]:
    """Return the notebooks of the run (in the manifest or in the folder), sorted."""
    named = {Path(name).stem for name in manifest.get("notebooks", {})}
    found = {path.stem for path in folder.glob("*.ipynb")}
    return sorted(named | found)


def _owners(folder: Path, stems: list[str]) -> dict:
    """Group the folder's tables and figures by the notebook that names them.

    Returns ``{stem or None: [file name, ...]}``, each list in the order the notebook first
    names the files (ties by name). A file is looked for by name (``zipf.png``), then by stem
    (``"zipf"``, as ``files.write_figure`` takes it); the notebook naming it most often wins.
    A name counts where it is not preceded by a letter, digit, ``_``, ``.`` or ``-`` and not
    followed by a letter, digit, ``_`` or ``-``.
    """
    texts = {stem: _notebook_text(folder, stem) for stem in stems}
    named = {stem: _names_in(text) for stem, text in texts.items()}
    groups: dict = {}
    for path in sorted([*folder.glob("*.png"), *folder.glob("*.csv")]):
        owner, position = None, 0
        for word in (path.name, path.stem):
            hits = {stem: named[stem].get(word) if _NAME_RUN.fullmatch(word)
                    else _mentions(texts[stem], word)  # e.g. a space in the name
                    for stem in stems}
            ranked = sorted((-hit[0], stem) for stem, hit in hits.items() if hit and hit[0])
            if ranked:
                owner = ranked[0][1]
                position = hits[owner][1]
                break
        groups.setdefault(owner, []).append((position, path.name))
    return {owner: [name for _, name in sorted(pairs)] for owner, pairs in groups.items()}


#: A run of name characters that no name character precedes (where a file name can start).
_NAME_RUN = re.compile(r"(?<![\w.\-])[\w.\-]+")


def _names_in(text: str) -> dict:
    """Every name a text mentions, in one pass: ``{name: (times, first offset)}``.

    Within a run of name characters (letters, digits, ``_ . -``), a name is the whole run or
    the part before any of its dots: ``zipf.png.`` names ``zipf``, ``zipf.png`` and
    ``zipf.png.``, each at the run's start.
    """
    found: dict = {}
    for match in _NAME_RUN.finditer(text):
        run, start = match.group(), match.start()
        ends = (len(run),)
        if "." in run:  # most runs are plain words
            ends = [i for i, char in enumerate(run) if char == "."] + [len(run)]
        for end in ends:
            if 0 < end <= _LONGEST_NAME:
                times, first = found.get(run[:end], (0, start))
                found[run[:end]] = (times + 1, first)
    return found


#: File names are at most this long on common file systems.
_LONGEST_NAME = 255


def _mentions(text: str, name: str) -> tuple:
    """``(times, first offset)`` of a name with characters other than letters, digits, ``_.-``."""
    starts = [m.start() for m in re.finditer(rf"(?<![\w.\-]){re.escape(name)}(?![\w\-])", text)]
    return (len(starts), starts[0]) if starts else (0, 0)


def _notebook_text(folder: Path, stem: str) -> str:
    """Return the text of a notebook's HTML rendering, else of its ``.ipynb``, else ''.

    Embedded images (long base64 runs) and style sheets are dropped: a file name cannot match
    inside them, and the style sheets are two thirds of a page that is searched for names.
    """
    for suffix in (".html", ".ipynb"):
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            return _NOT_NAMING.sub(" ", files.read_text(path))
    return ""


#: What :func:`_notebook_text` drops: base64 runs of embedded images, and ``<style>`` elements.
_NOT_NAMING = re.compile(r"[A-Za-z0-9+/=]{200,}|<style\b[^>]*>.*?</style>",
                         re.DOTALL | re.IGNORECASE)


# --- sections -----------------------------------------------------------------------------


def _header(run_name: str, manifest: dict, stems: list[str], *, other: bool) -> str:
    """Title, status and a table of contents (``other``: link the "Other files" section)."""
    status = str(manifest.get("status", "not recorded"))
    links = [("analysed", "What was analysed")]
    links += [(f"nb-{stem}", stem) for stem in stems]
    links += [("other", "Other files")] if other else []
    links += [("files", "All files"), ("provenance", "Provenance")]
    items = "".join(f'<li><a href="#{_e(anchor)}">{_e(text)}</a></li>' for anchor, text in links)
    return (
        f"<h1>textkit run: {_e(run_name)}</h1>\n"
        f'<p class="meta">Status: <span class="status-{_e(status)}">{_e(status)}</span>. '
        "This page was written by <code>textkit run</code>; it needs no network and no "
        "JavaScript. Every number in it comes from the files next to it.</p>\n"
        f"<nav><ul>{items}</ul></nav>"
    )


def _analysed(folder: Path, manifest: dict, stems: list[str]) -> str:
    """Corpus, its size and every notebook's parameters."""
    notebooks = {Path(name).stem: entry for name, entry in manifest.get("notebooks", {}).items()}
    params = {stem: notebooks.get(stem, {}).get("parameters", {}) for stem in stems}
    corpora = sorted({str(p["corpus"]) for p in params.values() if "corpus" in p})
    corpus = "".join(f"<li><code>{_e(c)}</code></li>" for c in corpora) or "<li>not recorded</li>"
    names = sorted({name for p in params.values() for name in p})
    rows = [[name, *(_value(params[s][name]) if name in params[s] else "–" for s in stems)]
            for name in names]
    return (
        '<section id="analysed">\n<h2>What was analysed</h2>\n'
        "<p>Corpus (as the notebooks received it; a relative path starts from "
        "<code>notebooks/</code>):</p>"
        f"<ul>{corpus}</ul>\n{_corpus_size(folder)}\n"
        "<h3>Parameters of each notebook</h3>\n"
        '<p class="meta">"–": the notebook has no such parameter.</p>\n'
        f'<div class="scroll">{_table(["parameter", *stems], rows)}</div>\n</section>'
    )


def _corpus_size(folder: Path) -> str:
    """Documents and tokens at each stage, from ``corpus_summary.csv`` when it is there."""
    path = folder / "corpus_summary.csv"
    if not path.is_file():
        return '<p class="missing">No corpus_summary.csv in this folder: size not recorded.</p>'
    try:
        summary = pd.read_csv(path, keep_default_na=False, dtype=str)
    except _UNREADABLE:
        summary = pd.DataFrame()
    if not {"documents", "tokens"} <= set(summary.columns):
        return '<p class="missing">corpus_summary.csv has no documents and tokens columns.</p>'
    items = []
    for position, row in enumerate(summary.to_dict("records"), start=1):
        stage = row.get("stage") or f"row {position}"
        items.append(
            f"<li><strong>{_e(stage)}</strong>: {_e(_number(row['documents']))} document(s), "
            f"{_e(_number(row['tokens']))} tokens</li>"
        )
    link = f'<a href="{_href(path.name)}">corpus_summary.csv</a>'
    return f'<p>Size (from {link}):</p><ul>{"".join(items)}</ul>'


def _notebook_section(folder: Path, manifest: dict, stem: str, names: list[str]) -> str:
    """A notebook's links, figures and tables."""
    entry = {Path(k).stem: v for k, v in manifest.get("notebooks", {}).items()}.get(stem, {})
    links = []
    for suffix, label in ((".html", "read the notebook (HTML)"), (".ipynb", "executed notebook")):
        if (folder / f"{stem}{suffix}").is_file():
            links.append(f'<a href="{_href(stem + suffix)}">{label}</a>')
        else:
            links.append(f'<span class="missing">no {_e(stem + suffix)}</span>')
    status = _e(entry.get("status", "not recorded"))
    return (
        f'<section id="nb-{_e(stem)}">\n<h2>{_e(stem)}</h2>\n'
        f'<p class="meta">{" · ".join(links)} · status: {status}</p>\n'
        f"{_figures(folder, names)}\n{_tables(folder, names)}\n</section>"
    )


def _other_section(folder: Path, names: list[str]) -> str:
    """Tables and figures that no notebook names ('' when there are none)."""
    if not names:
        return ""
    return (
        '<section id="other">\n<h2>Other files</h2>\n'
        '<p class="meta">Tables and figures that no notebook names.</p>\n'
        f"{_figures(folder, names)}\n{_tables(folder, names)}\n</section>"
    )


def _figures(folder: Path, names: list[str]) -> str:
    """A grid of the PNG figures among ``names``, each captioned, with its SVG when present."""
    figures = []
    for name in (n for n in names if n.endswith(".png")):
        stem = Path(name).stem
        svg = ""
        if (folder / f"{stem}.svg").is_file():
            svg = f' · <a href="{_href(stem + ".svg")}">SVG</a>'
        title = stem.replace("_", " ").capitalize()
        figures.append(
            f'<figure><a href="{_href(name)}"><img src="{_href(name)}" alt="{_e(title)}"></a>'
            f"<figcaption><strong>{_e(title)}</strong> · <code>{_e(name)}</code>{svg}"
            "</figcaption></figure>"
        )
    return f'<div class="figures">{"".join(figures)}</div>' if figures else ""


def _tables(folder: Path, names: list[str]) -> str:
    """The first rows of each CSV among ``names``, with a link to the whole table."""
    parts = []
    for name in (n for n in names if n.endswith(".csv")):
        path = folder / name
        try:
            rows = len(pd.read_csv(path, keep_default_na=False, dtype=str, usecols=[0]))
            head = pd.read_csv(path, keep_default_na=False, dtype=str, nrows=PREVIEW_ROWS)
        except _UNREADABLE as err:
            parts.append(f"<h3>{_e(name)}</h3>\n<p class=\"missing\">Could not be read as a "
                         f"table ({_e(type(err).__name__)}): open "
                         f'<a href="{_href(name)}">{_e(name)}</a>.</p>')
            continue
        shown = f"first {len(head)} of {rows:,} rows" if rows > len(head) else f"all {rows:,} rows"
        parts.append(
            f'<h3 id="table-{_e(path.stem)}">{_e(name)}</h3>\n'
            f'<p class="meta">{shown}, {len(head.columns)} columns · '
            f'<a href="{_href(name)}">full table (CSV)</a></p>\n'
            f'<div class="scroll">{head.to_html(escape=True, index=False, border=0)}</div>'
        )
    return "\n".join(parts)


def _files_section(folder: Path) -> str:
    """Links to every file of the run (``manifest.json`` is written after this page)."""
    names = {p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}
    names = sorted((names | {"manifest.json"}) - {"index.html"})
    items = "".join(f'<li><a href="{_href(n)}">{_e(n)}</a></li>' for n in names)
    return (
        '<section id="files">\n<h2>All files</h2>\n<p class="meta"><a href="manifest.json">'
        "manifest.json</a> records the SHA-256 of every file listed here.</p>\n"
        f'<ul class="files">{items}</ul>\n</section>'
    )


def _provenance(manifest: dict) -> str:
    """Command, git state, Python, environment, inputs with SHA-256 and package versions."""
    command = manifest.get("command")
    command = shlex.join(map(str, command)) if isinstance(command, list) else command
    git = manifest.get("git") or {}
    dirty = {True: "yes: tracked files had uncommitted changes, so the commit alone does not "
                   "reproduce this run", False: "no"}.get(git.get("dirty"), "not recorded")
    python = manifest.get("python")
    python = python if isinstance(python, dict) else {"version": python}
    rows = [["command", command or "not recorded"],
            ["git commit", git.get("commit") or "not recorded"], ["uncommitted changes", dirty]]
    rows += [[f"python {key}", value] for key, value in sorted(python.items())]
    environment = sorted((manifest.get("environment") or {}).items())
    rows += [[f"environment {name}", value] for name, value in environment]
    inputs = sorted((manifest.get("inputs") or {}).items())
    return (
        '<section id="provenance">\n<h2>Provenance</h2>\n'
        f'<div class="scroll">{_table(["what", "value"], rows)}</div>\n'
        "<h3>Inputs</h3>\n"
        f'<div class="scroll">{_table(["path", "sha256"], inputs, code=(0, 1))}</div>\n'
        f"{_packages(manifest.get('packages') or {})}\n</section>"
    )


def _packages(packages: dict) -> str:
    """Key package versions in a table, the others in a folded list."""
    key = [[name, packages[name]] for name in KEY_PACKAGES if name in packages]
    rest = sorted(([n, v] for n, v in packages.items() if n not in KEY_PACKAGES),
                  key=lambda row: (str(row[0]).lower(), str(row[0])))
    folded = (f"<details><summary>{len(rest)} other package(s)</summary>"
              f'<div class="scroll">{_table(["package", "version"], rest)}</div></details>')
    return (f'<h3>Packages</h3>\n{_table(["package", "version"], key)}\n'
            f"{folded if rest else ''}")


# --- HTML helpers ------------------------------------------------------------------------


def _page(title: str, body: str) -> str:
    """Wrap the body in a complete HTML page with the inline style sheet."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _table(header: list, rows: list, *, code: tuple = ()) -> str:
    """An HTML table of text cells, every cell escaped; columns in ``code`` in monospace."""
    head = "".join(f"<th>{_e(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f'<td{" class=code" if i in code else ""}>{_e(cell)}</td>'
                         for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f'<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _value(value) -> str:
    """Show a parameter value: text as written (``""`` when empty), anything else as Python."""
    if isinstance(value, str):
        return value if value else '""'
    return repr(value)


def _number(text: str) -> str:
    """Add thousands separators to a whole number written as text; leave anything else."""
    return f"{int(text):,}" if text.strip().isdigit() else text


def _e(value) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def _href(name: str) -> str:
    """A relative link to a file of the folder: percent-encoded, then escaped."""
    return html.escape(quote(name), quote=True)
