"""Metadata read with a corpus: front-matter headers, a sidecar table, duplicate texts."""

import pandas as pd
import pytest

from textkit import files, metadata
from textkit.errors import CorpusError


def write(path, data):
    """Create ``path`` (and its folders) with ``data`` (bytes, or text written as UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --------------------------------------------------------------------------------------------
# Front matter: (file text, body, metadata) — read only at the top, only known keys
# --------------------------------------------------------------------------------------------

FRONT_MATTER = {
    "yaml": (
        "---\ntitle: Talks end\ndate: 2020-01-31\nsource: AP\n---\nText.\n",
        "Text.\n", {"title": "Talks end", "date": "2020-01-31", "source": "AP"}),
    "yaml, quotes, list, folded value, comment, unknown key, '...' end": (
        '---\ntitle: "Talks: end"\n# exported\nauthor:\n  - Ann\n  - Bo\ntags: [a, b]\n'
        "section: >\n  World\n  news\n...\n\nText.",
        "Text.", {"title": "Talks: end", "author": "Ann, Bo", "section": "World news"}),
    "yaml keys any case": ("---\nTitle: T\n---\nText.", "Text.", {"title": "T"}),
    "header block": (
        "Title: Talks end\nDate: 31 January 2020\nSource: AP\n\nText.\n\nMore.",
        "Text.\n\nMore.", {"title": "Talks end", "date": "31 January 2020", "source": "AP"}),
    "header block, any case, blank lines after": (
        "TITLE: Talks\nurl: https://x.org/a\n\n\n\nText.", "Text.",
        {"title": "Talks", "url": "https://x.org/a"}),
    # Not headers: the text stays whole.
    "unknown key in a header block": ("Title: T\nUpdate: talks end\n\nText.", None, {}),
    "a sentence with a colon": ("Warning: talks end today.\n\nText.", None, {}),
    "header not at the top": ("Text.\n\nTitle: T\n\nMore.", None, {}),
    "indented header": ("  Title: T\n\nText.", None, {}),
    "no space after the colon": ("Title:T\n\nText.", None, {}),
    "repeated key": ("Title: A\nTitle: B\n\nText.", None, {}),
    "header without a blank line after it": ("Title: T\nText.", None, {}),
    "header and nothing else": ("Title: T\n", None, {}),
    "yaml block never closed": ("---\ntitle: T\nText goes on.", None, {}),
    "yaml block with prose in it": ("---\nSome words here\n---\nText.", None, {}),
    "dashes as a rule, not a header": ("---\n\nText.", None, {}),
    "a date line (Wikinews)": ("Friday, January 4, 2019 \n\n\nText.", None, {}),
}


@pytest.mark.parametrize(("text", "body", "fields"), FRONT_MATTER.values(), ids=list(FRONT_MATTER))
def test_front_matter(text, body, fields):
    got_body, got_fields, _ = metadata.front_matter(text)
    assert got_body == (text if body is None else body)
    assert got_fields == fields


def test_front_matter_of_yaml_names_the_keys_not_read():
    _, _, unknown = metadata.front_matter("---\ntags: [a]\nlayout: post\ntitle: T\n---\nText.")
    assert unknown == ["tags", "layout"]


def test_front_matter_becomes_columns_and_leaves_the_text(tmp_path):
    write(tmp_path / "a.txt",
          "---\ntitle: Talks end\ndate: 2020-01-31\ntags: [x]\n---\nTalks ended.")
    write(tmp_path / "b.txt", "Title: Ships sail\n\nShips sailed.")
    write(tmp_path / "c.txt", "No header: here.\n\nText.")
    corpus, notes = files.read_corpus_with_notes(tmp_path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding", "title", "date"]
    assert corpus[["text", "title", "date"]].values.tolist() == [
        ["Talks ended.", "Talks end", "2020-01-31"],
        ["Ships sailed.", "Ships sail", ""],
        ["No header: here.\n\nText.", "", ""],
    ]
    details = notes[notes["kind"] == "metadata"]["detail"].tolist()
    assert details[0].startswith("front matter read from 2 file(s), such as a.txt")
    assert details[1].startswith("front-matter key 'tags' in 1 file(s), such as a.txt, not read")


def test_a_table_keeps_its_text_whole(tmp_path):
    """Front matter is read from .txt files only, not from table cells."""
    corpus = files.read_corpus(write(tmp_path / "t.csv", 'text\n"Title: T\n\nText."\n'))
    assert corpus["text"].tolist() == ["Title: T\n\nText."]
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding"]


# --------------------------------------------------------------------------------------------
# Sidecar metadata table
# --------------------------------------------------------------------------------------------


def _folder(tmp_path, sidecar: str, name: str = "metadata.csv"):
    folder = tmp_path / "news"
    write(folder / "2019" / "a.txt", "Talks began.")
    write(folder / "2020" / "b.txt", "Title: Ships sail\nSource: front matter\n\nShips sailed.")
    write(folder / "top.txt", "A text at the top.")
    write(folder / name, sidecar)
    return folder


def test_sidecar_columns_join_by_file_name_and_it_is_not_a_document(tmp_path):
    folder = _folder(tmp_path, "file,source,section\n2019/a.txt,AP,world\n2020\\b,BBC,\n"
                               "2021/gone.txt,AFP,x\n")
    corpus, notes = files.read_corpus_with_notes(folder)
    assert corpus["doc_id"].tolist() == ["2019/a.txt", "2020/b.txt", "top.txt"]
    assert corpus.columns.tolist() == [
        "doc_id", "text", "path", "encoding", "title", "source", "section"]
    assert corpus[["source", "section", "title"]].values.tolist() == [
        ["AP", "world", ""], ["BBC", "", "Ships sail"], ["", "", ""]]  # the sidecar wins
    sidecar = str(folder / "metadata.csv")
    rows = notes[(notes["kind"] == "metadata") & (notes["path"] == sidecar)]
    assert rows["detail"].tolist() == [  # sorted by line: the row's note first
        "row for '2021/gone.txt' matches no document of the corpus (misspelt, not a .txt file, "
        "or skipped): its metadata is not used",
        "metadata for 2 of 3 document(s) read from columns source, section, by column 'file'",
        "1 document(s) have no row in the metadata table: top.txt; their metadata cells are empty",
    ]
    assert rows["line"].tolist()[0] == 4
    assert "ignored" not in notes["kind"].tolist()  # not "1 file(s) ending .csv ... not read"


def test_sidecar_tsv_keyed_by_doc_id(tmp_path):
    folder = _folder(tmp_path, "doc_id\toutlet\n2019/a.txt\tAP\n2020/b.txt\tBBC\ntop\tX\n",
                     name="metadata.tsv")
    corpus = files.read_corpus(folder)
    assert corpus["outlet"].tolist() == ["AP", "BBC", "X"]


SIDECAR_ERRORS = {
    "no key column": ("name,source\na.txt,AP\n", ["metadata.csv", "'file' or 'doc_id'",
                                                   "has neither", "'name', 'source'"]),
    "both key columns": ("file,doc_id\na,b\n", ["has both"]),
    "reserved column": ("file,text\n2019/a.txt,x\n", ["reserved", "'text'"]),
    "empty key": ("file,source\n2019/a.txt,AP\n,BBC\n", ["line(s) 3", "no file name"]),
    "repeated key": ("file,source\n2019/a.txt,AP\n2019/a,BBC\n",
                     ["'2019/a.txt' (lines 2 and 3)", "one row"]),
}


@pytest.mark.parametrize(("sidecar", "expected"), SIDECAR_ERRORS.values(), ids=list(SIDECAR_ERRORS))
def test_sidecar_errors_name_the_file_and_what_to_do(tmp_path, sidecar, expected):
    with pytest.raises(CorpusError) as caught:
        files.read_corpus(_folder(tmp_path, sidecar))
    for part in expected:
        assert part in str(caught.value)


def test_two_sidecars_are_refused(tmp_path):
    folder = _folder(tmp_path, "file,source\n")
    write(folder / "metadata.tsv", "file\tsource\n")
    with pytest.raises(CorpusError, match="keep one metadata table"):
        files.read_corpus(folder)


def test_a_sidecar_below_the_top_is_an_ignored_file(tmp_path):
    folder = _folder(tmp_path, "file,outlet\n2019/a.txt,AP\n", name="2019/metadata.csv")
    corpus, notes = files.read_corpus_with_notes(folder)
    assert "outlet" not in corpus.columns
    assert notes[notes["kind"] == "ignored"]["detail"].str.contains("2019/metadata.csv").all()


# --------------------------------------------------------------------------------------------
# Duplicates
# --------------------------------------------------------------------------------------------

DUPLICATES = {  # texts in corpus order → (doc_id, duplicate_of) of each later copy
    "none": (["One.", "Two."], []),
    "identical": (["One.", "One."], [("d1", "d0")]),
    "whitespace differs": (["One  two.\n", " One\ntwo. ", "One two"], [("d1", "d0")]),
    "case differs": (["One.", "one."], []),
    "three copies keep the first": (["A.", "B.", "A.", "A."], [("d2", "d0"), ("d3", "d0")]),
}


@pytest.mark.parametrize(("texts", "expected"), DUPLICATES.values(), ids=list(DUPLICATES))
def test_duplicates(texts, expected):
    ids = [f"d{n}" for n in range(len(texts))]
    corpus = pd.DataFrame({"doc_id": ids, "text": texts, "path": ids})
    found = metadata.duplicates(corpus)
    assert list(zip(found["doc_id"], found["duplicate_of"])) == expected


@pytest.mark.parametrize("drop", [False, True])
def test_duplicates_are_noted_and_dropped_on_request(tmp_path, drop):
    write(tmp_path / "a.txt", "Talks  ended.")
    write(tmp_path / "b.txt", "Ships sailed.")
    write(tmp_path / "c.txt", "Talks ended.\n")
    corpus, notes = files.read_corpus_with_notes(tmp_path, drop_duplicates=drop)
    kept = ["a.txt", "b.txt"] if drop else ["a.txt", "b.txt", "c.txt"]
    assert corpus["doc_id"].tolist() == kept
    action = "left out (drop_duplicates)" if drop else "kept; drop_duplicates leaves it out"
    duplicate = notes[notes["kind"] == "duplicate"]
    assert duplicate["detail"].tolist() == [
        f"doc_id 'c.txt' ({tmp_path / 'c.txt'}) has the same text as 'a.txt' (whitespace "
        f"aside): {action}"]
    assert duplicate["path"].tolist() == [str(tmp_path)]


def test_duplicates_in_a_table_and_after_front_matter(tmp_path):
    table = write(tmp_path / "t.csv", "doc_id,text\nx,Same text.\ny,Same  text.\n")
    assert files.read_corpus(table, drop_duplicates=True)["doc_id"].tolist() == ["x"]
    write(tmp_path / "f" / "a.txt", "Title: One\n\nSame text.")
    write(tmp_path / "f" / "b.txt", "Title: Two\n\nSame text.")
    corpus = files.read_corpus(tmp_path / "f", drop_duplicates=True)
    assert corpus["doc_id"].tolist() == ["a.txt"]  # the article texts are the same
