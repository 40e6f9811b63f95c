"""report: a run folder's index.html and notebook pages, opened in a real headless Chromium.

One run of every notebook on the seed (a module fixture, as `make run` does it); the pages are
then loaded from disk in Debian's chromium, driven by playwright, with every request that is not
a ``file://`` URL aborted and recorded. A page passes when it loads with no console error, asks
for nothing outside the run folder, shows every image, and every link leads to a file that is
there.

Chromium is required, never skipped: `make test` installs it (see the Makefile).
"""

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest
from PIL import Image

from conftest import ROOT
from textkit import cli, report
from textkit.errors import NotebookError

CHROMIUM = Path(os.environ.get("TEXTKIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
NOTEBOOKS = sorted(nb.stem for nb in (ROOT / "notebooks").glob("*.ipynb"))
WIDTH = 1280


def _require_chromium() -> None:
    """Fail (never skip) when the browser is missing, saying how to get it."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: run `make test`, which installs it "
            "(apt-get install chromium), or set TEXTKIT_CHROMIUM to a Chromium binary.",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory) -> Path:
    """Every notebook run on the seed, with notebook pages and index.html written."""
    _require_chromium()  # before the slow run, not after it
    out = tmp_path_factory.mktemp("report") / "seed"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert cli.main(["run", "--no-progress", "--output", str(out), "--jobs", "2"]) == 0
    if not (out / "index.html").exists():  # a runner that does not call textkit.report itself
        for executed in sorted(out.glob("*.ipynb")):
            report.notebook_html(executed)
        report.write(out, json.loads((out / "manifest.json").read_text(encoding="utf-8")))
    return out


@pytest.fixture(scope="module")
def browser(run_folder):
    """Debian's headless chromium (started after the run, whose workers fork)."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, page: Path, *, screenshot: Path | None = None) -> dict:
    """Load a page from disk; return what the browser saw.

    Requests for anything but ``file://`` URLs are aborted (and so also show up as errors).
    """
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    seen = {"errors": [], "requests": [], "dialogs": []}
    tab = context.new_page()
    tab.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    tab.on("pageerror", lambda err: seen["errors"].append(f"page error: {err}"))
    tab.on("requestfailed", lambda r: seen["errors"].append(f"request failed: {r.url}"))
    tab.on("request", lambda r: seen["requests"].append(r.url))
    tab.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    tab.goto(page.as_uri(), wait_until="load")
    seen["images"] = tab.eval_on_selector_all("img", """els => els.map(e => ({
        src: e.currentSrc || e.src, complete: e.complete, natural: e.naturalWidth,
        shown: e.getBoundingClientRect().width}))""")
    seen["links"] = tab.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    seen["ids"] = set(tab.eval_on_selector_all("[id]", "els => els.map(e => e.id)"))
    seen["scripts"] = tab.eval_on_selector_all("script", "els => els.length")
    seen["text"] = tab.inner_text("body")
    seen["page_width"] = tab.evaluate("document.documentElement.scrollWidth")
    seen["code_cells"] = tab.eval_on_selector_all(".jp-CodeCell", """els => els.map(e => ({
        folded: !!e.querySelector('details:not([open]) > .jp-Cell-inputWrapper'),
        inputs: e.querySelectorAll('.jp-Cell-inputWrapper').length,
        outputs_folded: !!e.querySelector('details .jp-Cell-outputWrapper')}))""")
    if screenshot:
        tab.screenshot(path=str(screenshot), full_page=True)
    context.close()
    return seen


def _inside(url: str, folder: Path) -> Path:
    """The file a ``file://`` URL names; fails unless it is inside ``folder``."""
    parsed = urlparse(url)
    assert parsed.scheme == "file", f"{url}: not a file in the run folder"
    path = Path(unquote(parsed.path)).resolve()
    assert path.is_relative_to(folder.resolve()), f"{url}: outside the run folder {folder}"
    return path


def _assert_offline_and_whole(seen: dict, page: Path) -> None:
    """No errors, no request outside the folder, every image shown, every link resolves."""
    folder = page.parent
    assert seen["errors"] == [], f"{page.name}: console errors {seen['errors']}"
    assert seen["dialogs"] == [], f"{page.name}: dialogs {seen['dialogs']}"
    for url in seen["requests"]:
        if not url.startswith("data:"):  # an embedded image: not a request to anywhere
            _inside(url, folder)
    for image in seen["images"]:
        assert image["complete"] and image["natural"] > 0, f"{page.name}: not loaded: {image}"
        assert image["shown"] > 0, f"{page.name}: image not displayed: {image['src'][:80]}"
    for link in seen["links"]:
        target = _inside(link, folder)
        assert target.is_file(), f"{page.name}: link to a missing file: {link}"
        fragment = urlparse(link).fragment  # browsers try it as written, then decoded
        if fragment and target == page.resolve():
            assert {fragment, unquote(fragment)} & seen["ids"], f"{page.name}: no id {fragment!r}"


def test_index_opens_offline_with_every_figure_and_link(run_folder, browser, tmp_path):
    page = run_folder / "index.html"
    seen = _open(browser, page, screenshot=tmp_path / "index.png")
    _assert_offline_and_whole(seen, page)
    with Image.open(tmp_path / "index.png") as shot:  # a page a person can see, not a blank one
        assert shot.width == WIDTH and shot.height > 2000
        assert len(shot.convert("RGB").getcolors(maxcolors=1 << 20)) > 100
    assert seen["scripts"] == 0
    shown = {Path(urlparse(image["src"]).path).name for image in seen["images"]}
    assert shown == {p.name for p in run_folder.glob("*.png")}
    linked = {_inside(link, run_folder).name for link in seen["links"]}
    expected = {p.name for p in run_folder.iterdir() if p.suffix in (".csv", ".html", ".ipynb")}
    assert expected - {"index.html"} | {"manifest.json"} <= linked
    assert seen["page_width"] <= WIDTH, "the page scrolls sideways at 1280 px"


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_notebook_page_opens_offline_with_code_folded(run_folder, browser, stem):
    page = run_folder / f"{stem}.html"
    seen = _open(browser, page)
    _assert_offline_and_whole(seen, page)
    cells = [cell for cell in seen["code_cells"] if cell["inputs"]]
    assert cells and all(cell["folded"] for cell in cells), "every code input starts folded"
    assert not any(cell["outputs_folded"] for cell in seen["code_cells"])
    assert "Out[" in seen["text"]
    assert seen["page_width"] <= WIDTH, "wide tables scroll inside their output, not the page"


def test_notebook_pages_load_nothing_from_the_network(run_folder):
    for stem in NOTEBOOKS:
        page = (run_folder / f"{stem}.html").read_text(encoding="utf-8")
        remote = r"<(script|link|img|iframe)\b[^>]*\b(src|href)=[\"']?(https?:)?//"
        assert not re.search(remote, page)
        assert "cdnjs" not in page and "unpkg" not in page
        assert "<summary>code: parameters (defaults)</summary>" in page


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_notebook_page_shows_its_figures(run_folder, browser, stem):
    """The figures are in the page itself (as PNG), not only in files next to it."""
    page = run_folder / f"{stem}.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<img\b[^>]*data:image/png", html), f"{page.name}: no figure shown"
    seen = _open(browser, page)
    assert any(image["src"].startswith("data:image/png") and image["natural"] > 0
               for image in seen["images"])


def test_index_says_what_was_analysed(run_folder):
    page = (run_folder / "index.html").read_text(encoding="utf-8")
    manifest = json.loads((run_folder / "manifest.json").read_text(encoding="utf-8"))
    assert "../seeds/ap_2022-01-27_russia_ukraine.txt" in page
    summary = pd.read_csv(run_folder / "corpus_summary.csv").set_index("stage")
    for stage in ("words", "terms"):
        tokens = summary.loc[stage, "tokens"]
        assert f"<strong>{stage}</strong>: 1 document(s), {tokens:,} tokens" in page
    assert "Vladimir Putin" in page and "llr" in page  # parameters of 02 and 03
    assert manifest["git"]["commit"] in page
    assert manifest["packages"]["pandas"] in page
    for path, digest in manifest["inputs"].items():
        assert path in page and digest in page
    assert manifest["started"] not in page
    assert "duration_seconds" not in page and "started" not in page


def test_index_groups_tables_and_figures_by_notebook(run_folder):
    page = (run_folder / "index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<section id="nb-(\w+)">(.*?)</section>', page, flags=re.S))
    assert sorted(sections) == NOTEBOOKS
    expected = {
        "01_word_frequency": ["word_frequencies.csv", "corpus_summary.csv", "top_terms.png"],
        "02_actor_mentions": ["actor_counts.csv", "quotes.csv", "actor_dispersion.png"],
        "03_collocations": ["collocations.csv", "node_collocates.png"],
    }
    for stem, names in expected.items():
        for name in names:
            assert f'href="{name}"' in sections[stem], f"{name} not under {stem}"
    assert page.count('<img src="top_terms.png"') == 1


def test_index_shows_the_first_rows_of_each_table(run_folder):
    page = (run_folder / "index.html").read_text(encoding="utf-8")
    words = re.search(r"<h3[^>]*>word_frequencies\.csv</h3>(.*?)</table>", page, flags=re.S)[1]
    assert "first 10 of" in words and words.count("<tr") == 1 + report.PREVIEW_ROWS
    assert re.search(r"<td>russia</td>\s*<td>14</td>", words)
    assert re.search(r"<h3[^>]*>corpus_summary\.csv</h3>\s*<p[^>]*>all 2 rows", page)


def test_pages_are_byte_identical_when_rendered_again(run_folder, tmp_path):
    copy = shutil.copytree(run_folder, tmp_path / "again")
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    executed = copy / f"{NOTEBOOKS[0]}.ipynb"
    first = report.notebook_html(executed).read_bytes()
    assert report.notebook_html(executed).read_bytes() == first
    index = report.write(copy, manifest).read_bytes()
    assert report.write(copy, manifest).read_bytes() == index
    later = {**manifest, "started": "2099-01-01T00:00:00+0000", "duration_seconds": 99.0}
    assert report.write(copy, later).read_bytes() == index


def test_one_exporter_for_every_page_renders_each_as_a_new_exporter_would(run_folder):
    """The run renders its pages one after another with one exporter (:func:`report._exporter`);
    each page must be what a new exporter makes of that notebook alone."""
    from nbconvert import HTMLExporter

    assert report._exporter() is report._exporter()
    for stem in NOTEBOOKS:
        fresh = HTMLExporter(extra_template_basedirs=[str(report.TEMPLATES)],
                             template_name=report.TEMPLATE, template_file="notebook.html.j2")
        body, _ = fresh.from_filename(str(run_folder / f"{stem}.ipynb"))
        assert (run_folder / f"{stem}.html").read_text(encoding="utf-8") == body, stem


def test_index_escapes_what_users_typed(run_folder, browser, tmp_path):
    shutil.copy(run_folder / "zipf.png", tmp_path / "zipf.png")
    (tmp_path / "notes <i>.csv").write_text('doc_id,text\n"a<b>","<img src=x onerror=alert(1)>"\n')
    manifest = {
        "status": "succeeded",
        "command": ["textkit", "run", "-p", "kwic_actor", "<script>alert(2)</script>"],
        "notebooks": {"01_x.ipynb": {"status": "ok", "parameters": {
            "corpus": "<script>alert(1)</script>", "node": "\"'><b onmouseover=alert(3)>"}}},
        "inputs": {"<b>corpus</b>.txt": "<i>digest</i>"},
        "packages": {"<i>evil</i>": "<b>1</b>"},
        "git": {"commit": "<s>c</s>", "dirty": False},
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    page = report.write(tmp_path, manifest)
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    for raw in ("<script", "<img src=x", "<b onmouseover", "<i>evil", "<b>corpus", "<s>"):
        assert raw not in html
    seen = _open(browser, page)
    _assert_offline_and_whole(seen, page)
    assert seen["scripts"] == 0
    assert [Path(urlparse(image["src"]).path).name for image in seen["images"]] == ["zipf.png"]
    assert "<script>alert(1)</script>" in seen["text"]  # shown as text
    assert "<img src=x onerror=alert(1)>" in seen["text"]
    assert any(unquote(link).endswith("/notes <i>.csv") for link in seen["links"])


def test_missing_inputs_are_named(tmp_path):
    with pytest.raises(NotebookError, match=r"missing\.ipynb.*textkit run"):
        report.notebook_html(tmp_path / "missing.ipynb")
    with pytest.raises(NotebookError, match="nowhere.*not a folder"):
        report.write(tmp_path / "nowhere", {})


def test_index_names_a_table_it_cannot_read(tmp_path):
    (tmp_path / "empty.csv").write_text("")
    page = report.write(tmp_path, {"notebooks": {}}).read_text(encoding="utf-8")
    assert "Could not be read as a table (EmptyDataError)" in page
    assert '<a href="empty.csv">' in page and "Other files" in page


def _regex_hits(text, word):
    """The rule _owners documents, as one regular expression per name (the independent check)."""
    return [m.start() for m in re.finditer(rf"(?<![\w.\-]){re.escape(word)}(?![\w\-])", text)]


def test_names_found_in_one_pass_equal_a_regex_per_name():
    text = ("see zipf.png. and zipf, -zipf x.zipf zipf-a zipf.png; top_terms.csv "
            "'top_terms' top_terms.csv.bak é_words.csv é_words 2.png 12.png ..png")
    found = report._names_in(text)
    for word in ["zipf", "zipf.png", "zipf.png.", "top_terms", "top_terms.csv", "é_words",
                 "é_words.csv", "2.png", "12.png", "x", "a", "-zipf", ".png", "png"]:
        starts = _regex_hits(text, word)
        expected = (len(starts), starts[0]) if starts else None
        assert found.get(word) == expected, word
    assert found["zipf"] == (3, 4)  # "zipf.png.", "zipf," and "zipf.png", not "-zipf" or "zipf-a"


def test_a_name_inside_a_style_sheet_names_no_file(tmp_path):
    """Style sheets are not searched for names (they are two thirds of a page): 02 names
    words.csv twice, both times inside a ``<style>`` element, so 01, which names it once, owns it."""
    (tmp_path / "01_a.html").write_text("<p>saved words.csv</p>")
    (tmp_path / "02_b.html").write_text(
        '<STYLE type="text/css">\nwords.csv { }\n</style><p>x</p><style>words.csv</style>')
    (tmp_path / "words.csv").write_bytes(b"")
    assert report._notebook_text(tmp_path, "02_b").split() == ["<p>x</p>"]
    assert report._owners(tmp_path, ["01_a", "02_b"]) == {"01_a": ["words.csv"]}


def test_files_go_to_the_notebook_naming_them_most_even_with_spaces(tmp_path):
    (tmp_path / "01_a.ipynb").write_text('"my plot.png" words.csv words.csv "zipf"')
    (tmp_path / "02_b.ipynb").write_text('my plot.png my plot.png words.csv zipf')
    for name in ["my plot.png", "words.csv", "zipf.png", "orphan.csv"]:
        (tmp_path / name).write_bytes(b"")
    owners = report._owners(tmp_path, ["01_a", "02_b"])
    assert owners == {"01_a": ["words.csv", "zipf.png"], "02_b": ["my plot.png"],
                      None: ["orphan.csv"]}
