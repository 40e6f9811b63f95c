"""Tests for textkit.files: reading corpora (files, folders, globs, tables), encodings, errors."""

import codecs
import hashlib
import io
import warnings
import re

import matplotlib
import matplotlib.figure
import pandas as pd
import pytest

from conftest import ROOT
from textkit import decoding, files, tokens
from textkit.errors import TextkitError
from textkit.errors import CorpusError, CorpusWarning

ENCODINGS = ROOT / "tests" / "fixtures" / "encodings"


def write(path, data):
    """Create ``path`` (and its folders) with ``data`` (bytes, or text written as UTF-8)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# --------------------------------------------------------------------------------------------
# Encodings and line endings
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Kyiv café".encode("utf-8"), "Kyiv café"),                      # UTF-8, no BOM
        (codecs.BOM_UTF8 + "Kyiv café".encode("utf-8"), "Kyiv café"),    # UTF-8 with BOM
        ("Kyiv café".encode("utf-16"), "Kyiv café"),                     # UTF-16, BOM (native)
        (codecs.BOM_UTF16_LE + "Kyiv café".encode("utf-16-le"), "Kyiv café"),
        (codecs.BOM_UTF16_BE + "Kyiv café".encode("utf-16-be"), "Kyiv café"),
        (b"one\r\ntwo\r\n", "one\ntwo\n"),                                 # Windows CRLF
        (b"one\rtwo", "one\ntwo"),                                         # old Mac CR
        ("one\r\ntwo".encode("utf-16"), "one\ntwo"),                       # CRLF inside UTF-16
        (b"plain ASCII stays", "plain ASCII stays"),                       # must not change
        (b"line\nendings\n", "line\nendings\n"),                           # LF must not change
    ],
)
def test_read_text_recognises_encodings_and_line_endings(tmp_path, data, expected):
    assert files.read_text(write(tmp_path / "doc.txt", data)) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (b"caf\xe9", "latin-1", "café"),
        (b"\x93quoted\x94", "cp1252", "\u201cquoted\u201d"),
        ("café".encode("utf-8"), "utf-8", "café"),
    ],
)
def test_read_text_with_explicit_encoding(tmp_path, data, encoding, expected):
    assert files.read_text(write(tmp_path / "doc.txt", data), encoding=encoding) == expected


def test_strict_utf8_names_file_byte_and_line_and_gives_the_cli_spelling(tmp_path):
    path = write(tmp_path / "menu.txt", "Kyiv\ncafé owner’s".encode("cp1252"))  # 0xe9: byte 8
    with pytest.raises(CorpusError) as err:
        files.read_text(path, encoding="utf-8")
    message = str(err.value)
    assert str(path) in message
    assert "byte 8 (line 2) is not valid UTF-8 (0xe9). Convert the file to UTF-8" in message
    assert "leave the encoding parameter empty" in message
    assert "this one looks like cp1252" in message
    assert 'run with -p encoding cp1252 (in a notebook: encoding = "cp1252")' in message
    assert "encoding='" not in message  # no Python call syntax


def test_strict_utf8_in_a_corpus_fails_on_the_first_bad_file(tmp_path):
    write(tmp_path / "corpus" / "a.txt", "Zürich talks")
    write(tmp_path / "corpus" / "b.txt", "Zürich talks".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"b\.txt: byte 1 \(line 1\) is not valid UTF-8 \(0xfc\)"):
        files.read_corpus(tmp_path / "corpus", encoding="utf-8")


def test_undecodable_byte_offset_counts_the_bom(tmp_path):
    # BOM = bytes 0-2, "ok\n" = bytes 3-5, so the bad byte is number 6 of the file. A BOM declares
    # UTF-8, so the file is held to it (no detection).
    path = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"ok\n\xff")
    with pytest.raises(CorpusError, match=r"byte 6 \(line 2\) is not valid UTF-8 \(0xff\)"):
        files.read_text(path)


def test_unknown_encoding_is_a_corpus_error(tmp_path):
    path = write(tmp_path / "doc.txt", b"text")
    with pytest.raises(CorpusError, match="unknown encoding 'klingon'") as err:
        files.read_text(path, encoding="klingon")
    assert 'run with -p encoding cp1252 (in a notebook: encoding = "cp1252")' in str(err.value)
    with pytest.raises(CorpusError, match="parameter encoding: unknown encoding 'klingon'"):
        files.read_corpus(path, encoding="klingon")


def test_read_wordlist_skips_comments_and_blank_lines(tmp_path):
    path = write(tmp_path / "words.txt", "# my list\nsaid\n\n  told  \nasked # verb\n#\n")
    assert files.read_wordlist(path) == ["said", "told", "asked"]


# --------------------------------------------------------------------------------------------
# Each file decoded on its own: UTF-8, UTF-16 with a BOM, else a detected legacy code page
# --------------------------------------------------------------------------------------------

#: Fixture file -> (the ``encoding`` column, a phrase the decoded text must hold).
FIXTURES = {
    "utf8_en.txt": ("utf-8", "“We are not naïve,” a diplomat said"),
    "utf8_bom_fr.txt": ("utf-8-sig", "Le président français a déclaré jeudi qu’il était prêt"),
    "utf16le_de.txt": ("utf-16-le", "Die Gespräche zwischen den Außenministern"),
    "utf16be_es.txt": ("utf-16-be", "El presidente del Gobierno español habló"),
    "cp1252_en.txt": ("cp1252", "a €5 million fund for refugees was “a start.”"),
    "latin1_es.txt": ("cp1252", "España enviará una fragata"),
    "latin1_pt.txt": ("cp1252", "a situação é séria e que não há acordo"),
    "cp1250_cs.txt": ("cp1250", "Ministr zahraničí řekl, že Česká republika podpoří"),
    "cp1250_pl.txt": ("cp1250", "Opozycja zażądała pilnego posiedzenia Sejmu"),
    "cp1251_ru.txt": ("cp1251", "Министр иностранных дел России заявил"),
    "koi8r_ru.txt": ("koi8-r", "Министр иностранных дел России заявил"),
    "cp1253_el.txt": ("cp1253", "Ο υπουργός Εξωτερικών δήλωσε την Πέμπτη"),
    "cp1254_tr.txt": ("cp1254", "İstanbul’da görüşmeler başladı"),
    "cp1257_lt.txt": ("cp1257", "Lietuvos užsienio reikalų ministras pareiškė"),
    "shift_jis_ja.txt": ("cp932", "外務大臣は木曜日、ウクライナ情勢について"),
    "gb18030_zh.txt": ("gb18030", "外交部长星期四表示，中国支持通过对话解决乌克兰问题"),
    "euc_kr_ko.txt": ("cp949", "외교부 장관은 목요일 우크라이나 사태에 대해"),
}


@pytest.fixture(scope="module")
def fixture_corpus():
    """The encodings fixture folder, read once with no options."""
    return files.read_corpus_with_notes(ENCODINGS)


@pytest.mark.parametrize(("name", "expected"), FIXTURES.items(), ids=list(FIXTURES))
def test_each_file_of_a_folder_is_decoded_on_its_own(fixture_corpus, name, expected):
    corpus, notes = fixture_corpus
    encoding, phrase = expected
    row = corpus.set_index("doc_id").loc[name]
    assert row["encoding"] == encoding
    assert phrase in row["text"]
    assert "\ufffd" not in row["text"] and "\r" not in row["text"] and "\ufeff" not in row["text"]
    note = notes[notes["path"] == str(ENCODINGS / name)]
    if encoding.startswith("utf-8"):
        assert note.empty  # UTF-8 needs no note
    else:  # every other file is listed, with its encoding, and detection was sure of it
        assert note[["kind", "encoding", "confident"]].to_dict("records") == [
            {"kind": "encoding", "encoding": encoding, "confident": True}]


def test_the_fixture_folder_is_every_fixture_and_its_readme_is_skipped(fixture_corpus):
    corpus, notes = fixture_corpus
    assert corpus["doc_id"].tolist() == sorted(FIXTURES)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding"]
    skipped = notes[notes["kind"] == "skipped"]
    assert skipped["path"].tolist() == [str(ENCODINGS / "README.md")]


@pytest.mark.parametrize(
    ("text", "written", "read", "confident", "rival"),
    [
        # Short news snippets, where detection has little to go on. Windows-1252 wins ties.
        ("Café owner’s visit", "cp1252", "cp1252", True, None),
        ("Zürich", "latin-1", "cp1252", True, None),
        ("Talks in Zürich ended on Friday.", "latin-1", "cp1252", True, None),
        ("He said “no”", "cp1252", "cp1252", True, None),
        ("Le président a déclaré qu’il était prêt.", "cp1252", "cp1252", True, None),
        ("Die Gespräche in München über die Lage", "latin-1", "cp1252", True, None),
        ("Talks in São Paulo; the situação is séria", "latin-1", "cp1252", True, None),
        ("Þingið samþykkti frumvarpið í gær.", "cp1252", "cp1252", True, None),
        # Equally good readings: the choice is marked and the other reading is named.
        ("El presidente habló en España.", "latin-1", "cp1252", False, "cp1250"),
        ("It costs 5 €", "cp1252", "cp1252", False, "cp1251"),
        ("Москва и Киев", "cp1251", "cp1251", False, "cp1253"),
        ("東京", "shift_jis", "cp932", False, "gb18030"),
        # Enough text for the alphabet to decide.
        ("Министр иностранных дел России заявил в четверг, что ответ США дает надежду.",
         "cp1251", "cp1251", True, None),
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "cp1253", "cp1253", True, None),
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "iso8859-7", "cp1253", True, None),
        ("Zażółć gęślą jaźń — powiedział minister w Łodzi.", "cp1250", "cp1250", True, None),
        ("Ministr zahraničí řekl, že Česká republika podpoří Ukrajinu.", "cp1250", "cp1250", True,
         None),
        ("Lietuvos užsienio reikalų ministras pareiškė, kad šalis remia Ukrainą.", "cp1257",
         "cp1257", True, None),
        ("İstanbul’da görüşmeler başladı.", "cp1254", "cp1254", True, None),
        ("北京举行了会谈。", "gb18030", "gb18030", True, None),
    ],
)
def test_short_snippets_in_legacy_code_pages(tmp_path, text, written, read, confident, rival):
    path = write(tmp_path / "snippet.txt", text.encode(written))
    corpus, notes = files.read_corpus_with_notes(path)
    assert corpus["encoding"].tolist() == [read]
    assert corpus["text"].tolist() == [text]
    note = notes.iloc[0]
    assert (note["kind"], note["encoding"], note["confident"]) == ("encoding", read, confident)
    assert note["detail"].startswith(f"not UTF-8; read as {read} (")
    if rival:
        assert f"but not sure: {rival} reads as well" in note["detail"]


def test_utf8_with_a_stray_windows_byte_stays_utf8(tmp_path):
    # A UTF-8 article with one Windows-1252 quote pasted in: the UTF-8 stays UTF-8 (no "â€™"),
    # the stray byte is read as cp1252, and the note says where it was.
    data = "Russia’s envoy met Zürich’s mayor at a café. ".encode("utf-8") * 3 + b"It\x92s over."
    corpus, notes = files.read_corpus_with_notes(write(tmp_path / "mixed.txt", data))
    assert corpus["text"][0].endswith("Russia’s envoy met Zürich’s mayor at a café. It’s over.")
    assert corpus["encoding"].tolist() == ["utf-8"]
    assert notes[["kind", "encoding", "confident"]].to_dict("records") == [
        {"kind": "encoding", "encoding": "utf-8", "confident": False}]
    assert f"byte {len(data) - 8}, line 1, 0x92 as '’'" in notes["detail"][0]


def test_bytes_no_code_page_reads_are_an_error_naming_the_byte(tmp_path):
    path = write(tmp_path / "odd.txt", b"ok " + bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(CorpusError) as err:
        files.read_corpus(path)
    message = str(err.value)
    assert "odd.txt: byte 3 (line 1) is not valid UTF-8 (0x80)" in message
    assert "no legacy code page textkit knows reads it as text" in message
    assert '-p encoding NAME (in a notebook: encoding = "NAME")' in message


def test_detection_runs_only_for_files_that_are_not_utf8(tmp_path, monkeypatch):
    for i in range(3):
        write(tmp_path / "corpus" / f"{i}.txt", f"Zürich, “talks” {i}")

    def refuse(data):
        raise AssertionError("charset detection ran on a UTF-8 file")

    monkeypatch.setattr(decoding, "_detect", refuse)
    corpus, notes = files.read_corpus_with_notes(tmp_path / "corpus")
    assert corpus["encoding"].tolist() == ["utf-8"] * 3
    assert notes.empty and notes.columns.tolist() == list(files.NOTES_COLUMNS)


# --------------------------------------------------------------------------------------------
# The trial that started it: a folder of UTF-8 news plus one Windows-1252 file
# --------------------------------------------------------------------------------------------

WINDOWS_ARTICLE = (
    "GENEVA (AP) — Talks between Russia’s foreign minister and the U.S. secretary of state "
    "ended on Friday without a breakthrough. “We are not naïve,” a diplomat said at a café in "
    "Zürich, adding that a €5 million fund for refugees was “a start.”\r\n"
)
UTF8_ARTICLES = [
    "MOSCOW (AP) — Russia’s president said on Thursday that the West’s answer “ignored” "
    "Moscow’s main concerns.",
    "KYIV, Ukraine (AP) — Ukraine’s leader urged calm — “there is no need to panic,” he said "
    "— as the café owners of Kyiv’s old town counted lost customers.",
    "BERLIN (AP) — Germany’s chancellor met the Müller family, whose son works in Zürich, "
    "and promised €500 million in aid.",
]


def _trial_folder(tmp_path):
    folder = tmp_path / "news"
    for number, text in enumerate(UTF8_ARTICLES, start=1):
        write(folder / f"2022-01-2{number}.txt", text)
    write(folder / "archive" / "2022-01-28.txt", WINDOWS_ARTICLE.encode("cp1252"))
    return folder


def test_utf8_folder_with_one_windows_1252_file_reads_without_options(tmp_path):
    corpus, notes = files.read_corpus_with_notes(_trial_folder(tmp_path))
    counts = pd.Series([t for text in corpus["text"] for t in tokens.words(text)]).value_counts()
    garbled = [t for t in counts.index if any(m in t for m in ("â", "Ã", "Â", "\ufffd", "\x80"))]
    assert garbled == []
    for word in ("café", "Zürich", "naïve", "Müller", "€", "—", "“", "’s"):
        assert word in counts.index, word
    assert counts["café"] == 2 and counts["Zürich"] == 2 and counts["—"] == 6
    assert dict(zip(corpus["doc_id"], corpus["encoding"])) == {
        "2022-01-21.txt": "utf-8", "2022-01-22.txt": "utf-8", "2022-01-23.txt": "utf-8",
        "archive/2022-01-28.txt": "cp1252",
    }
    assert notes[["kind", "path", "encoding", "confident"]].to_dict("records") == [
        {"kind": "encoding", "path": str(tmp_path / "news" / "archive" / "2022-01-28.txt"),
         "encoding": "cp1252", "confident": True}]


def test_following_the_old_advice_warns_and_names_the_garbled_files(tmp_path):
    folder = _trial_folder(tmp_path)
    with pytest.warns(CorpusWarning) as caught:
        corpus, notes = files.read_corpus_with_notes(folder, encoding="latin-1")
    assert len(caught) == 1
    message = str(caught[0].message)
    utf8_files = [str(folder / f"2022-01-2{n}.txt") for n in (1, 2, 3)]
    assert "3 file(s) look like UTF-8 but were read as iso8859-1" in message
    assert all(path in message for path in utf8_files)
    assert "2022-01-28" not in message  # the Windows file really is a single-byte file
    assert ("Drop the encoding parameter (run without -p encoding; in a notebook: "
            'encoding = "")') in message
    assert caught[0].filename == __file__  # the warning points at the caller's line
    assert "Russiaâ\x80\x99s" in corpus["text"][0]  # mojibake, as the user asked for
    mojibake = notes[notes["kind"] == "mojibake"]
    assert mojibake["path"].tolist() == utf8_files
    assert mojibake["detail"].str.contains("'â\\\\x80\\\\x94' for '—'").all()


def test_mojibake_warning_for_windows_1252_and_read_corpus(tmp_path):
    path = write(tmp_path / "a.txt", "Ich heiße Müller, Grüße aus Zürich.")
    with pytest.warns(CorpusWarning, match=r"1 file\(s\) look like UTF-8 but were read as cp1252"):
        corpus = files.read_corpus(path, encoding="cp1252")
    assert isinstance(corpus, pd.DataFrame)  # read_corpus still returns the corpus alone
    assert corpus["text"][0] == "Ich heiÃŸe MÃ¼ller, GrÃ¼ÃŸe aus ZÃ¼rich."
    with pytest.warns(CorpusWarning, match="Drop the encoding parameter"):
        files.read_text(path, encoding="cp1252")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8", "utf-8-sig"])
def test_no_mojibake_warning_when_the_encoding_fits(tmp_path, encoding):
    text = "Café owner’s visit" if encoding != "latin-1" else "Zürich, café"
    path = write(tmp_path / "a.txt", text.encode(encoding))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus, notes = files.read_corpus_with_notes(path, encoding=encoding)
    assert corpus["text"].tolist() == [text]
    assert "mojibake" not in notes["kind"].tolist()
    expected = [] if encoding.startswith("utf") else ["encoding"]
    assert notes["kind"].tolist() == expected  # non-ASCII text read with the encoding given


def test_explicit_encoding_applies_to_every_file(tmp_path):
    write(tmp_path / "c" / "a.txt", b"plain ASCII")
    write(tmp_path / "c" / "b.txt", "na\u00efve".encode("cp1252"))
    corpus, notes = files.read_corpus_with_notes(tmp_path / "c", encoding="CP1252")
    assert corpus["encoding"].tolist() == ["cp1252", "cp1252"]
    # ASCII reads the same in any encoding: only the file where the choice mattered is noted.
    assert notes[["kind", "path"]].to_dict("records") == [
        {"kind": "encoding", "path": str(tmp_path / "c" / "b.txt")}]
    assert notes["detail"][0] == "read as cp1252, as the encoding parameter says"
    detected = files.read_corpus(tmp_path / "c", encoding="")  # "": each file on its own
    assert detected["encoding"].tolist() == ["utf-8", "cp1252"]


# --------------------------------------------------------------------------------------------
# Corpora from files, folders and globs
# --------------------------------------------------------------------------------------------


def test_one_txt_file(tmp_path):
    path = write(tmp_path / "story.txt", "Kremlin\r\nsays no")
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding"]
    assert corpus.to_dict("records") == [
        {"doc_id": "story.txt", "text": "Kremlin\nsays no", "path": str(path), "encoding": "utf-8"}
    ]


def test_folder_is_read_recursively_in_sorted_order_with_relative_ids(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.txt", "A/e.txt"]:
        write(tmp_path / "corpus" / name, f"text of {name}")
    write(tmp_path / "corpus" / "notes.md", "not a .txt file, ignored")
    write(tmp_path / "corpus" / "data.csv", "text\nignored in a folder\n")
    corpus = files.read_corpus(tmp_path / "corpus")
    # Sorted by relative path, code point order (capitals before lower case); forward slashes.
    assert corpus["doc_id"].tolist() == [
        "A/e.txt", "a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"
    ]
    assert corpus["text"].tolist() == [f"text of {d}" for d in corpus["doc_id"]]
    assert corpus["path"].tolist() == [str(tmp_path / "corpus" / d) for d in corpus["doc_id"]]


def test_glob_reads_matching_files_with_ids_relative_to_the_glob_base(tmp_path):
    for name in ["2022-02.txt", "2022-01.txt", "2021-12.txt", "sub/2022-03.txt"]:
        write(tmp_path / "news" / name, name)
    corpus = files.read_corpus(str(tmp_path / "news" / "2022-*.txt"))
    assert corpus["doc_id"].tolist() == ["2022-01.txt", "2022-02.txt"]
    recursive = files.read_corpus(str(tmp_path / "news" / "**" / "2022-*.txt"))
    assert recursive["doc_id"].tolist() == ["2022-01.txt", "2022-02.txt", "sub/2022-03.txt"]


def test_relative_glob_from_the_working_directory(tmp_path, monkeypatch):
    write(tmp_path / "x.txt", "x")
    write(tmp_path / "y.txt", "y")
    monkeypatch.chdir(tmp_path)
    assert files.read_corpus("*.txt")["doc_id"].tolist() == ["x.txt", "y.txt"]


# --------------------------------------------------------------------------------------------
# What is not an article: skipped with a note, unless include_all
# --------------------------------------------------------------------------------------------

ARTICLES = ["2022/a.txt", "b.txt", "licensed_to_kill.txt", "readme-ukraine/c.txt"]
PROJECT = "a project file (README, LICENSE, ...)"
NOT_ARTICLES = {
    # path in the folder -> the note's path (a hidden folder is one note) and why
    "README.txt": ("README.txt", PROJECT),
    "README.md": ("README.md", PROJECT),
    "LICENSE": ("LICENSE", PROJECT),
    "LICENCE.txt": ("LICENCE.txt", PROJECT),
    "COPYING.txt": ("COPYING.txt", PROJECT),
    "2022/CHANGELOG.txt": ("2022/CHANGELOG.txt", PROJECT),
    "2022/readme_first.txt": ("2022/readme_first.txt", PROJECT),
    ".DS_Store": (".DS_Store", "a hidden file"),
    "2022/._a.txt": ("2022/._a.txt", "a hidden file"),
    "2022/.ipynb_checkpoints/a-checkpoint.txt": ("2022/.ipynb_checkpoints", "a hidden folder"),
    ".git/x.txt": (".git", "a hidden folder"),  # one note for the folder, which is not entered
    ".git/objects/y.txt": (".git", "a hidden folder"),
    "Thumbs.db": ("Thumbs.db", "a Windows system file"),
    "2022/desktop.ini": ("2022/desktop.ini", "a Windows system file"),
    "b.txt~": ("b.txt~", "an editor backup"),
}


def _mixed_folder(tmp_path):
    folder = tmp_path / "news"
    for name in ARTICLES + list(NOT_ARTICLES):
        write(folder / name, f"text of {name}")
    write(folder / "photo.jpg", b"\xff\xd8\xff\xe0 not text")
    write(folder / "2022/notes.md", "my notes")
    return folder


def test_folder_skips_files_that_are_not_articles_with_a_note(tmp_path):
    folder = _mixed_folder(tmp_path)
    corpus, notes = files.read_corpus_with_notes(folder)
    assert corpus["doc_id"].tolist() == ARTICLES
    skipped = notes[notes["kind"] == "skipped"]
    expected = sorted({(str(folder / where), why) for where, why in NOT_ARTICLES.values()})
    assert skipped["path"].tolist() == [path for path, _ in expected]
    for detail, (_, why) in zip(skipped["detail"], expected):
        assert detail == f"not read: {why}; include_all reads it"
    ignored = notes[notes["kind"] == "ignored"]
    assert ignored["path"].tolist() == [str(folder)] * 2
    only = "not read: only .txt files are documents in a folder"
    assert ignored["detail"].tolist() == [
        f"1 file(s) ending .jpg, such as photo.jpg, {only}",
        f"1 file(s) ending .md, such as 2022/notes.md, {only}",
    ]
    assert notes["line"].isna().all() and notes["confident"].isna().all()


def test_include_all_reads_them_but_still_only_txt_files_in_a_folder(tmp_path):
    corpus, notes = files.read_corpus_with_notes(_mixed_folder(tmp_path), include_all=True)
    expected = sorted(ARTICLES + [n for n in NOT_ARTICLES if n.endswith(".txt")])
    assert corpus["doc_id"].tolist() == expected
    assert "skipped" not in notes["kind"].tolist()
    again = files.read_corpus(_mixed_folder(tmp_path / "again"), include_all=True)
    assert again["doc_id"].tolist() == expected


def test_glob_skips_files_that_are_not_articles(tmp_path):
    for name in ["a.txt", "a.txt~", "desktop.ini", "README", ".hidden.txt", "sub/.cache/b.txt",
                 "sub/c.txt"]:
        write(tmp_path / "news" / name, f"text of {name}")
    corpus, notes = files.read_corpus_with_notes(str(tmp_path / "news" / "**" / "*"))
    assert corpus["doc_id"].tolist() == ["a.txt", "sub/c.txt"]
    assert notes["path"].tolist() == [
        str(tmp_path / "news" / n) for n in (".hidden.txt", "README", "a.txt~", "desktop.ini",
                                             "sub/.cache")]
    everything = files.read_corpus(str(tmp_path / "news" / "**" / "*"), include_all=True)
    assert len(everything) == 7


def test_a_file_named_on_its_own_is_always_read(tmp_path):
    path = write(tmp_path / "README.txt", "An article after all")
    corpus, notes = files.read_corpus_with_notes(path)
    assert corpus["text"].tolist() == ["An article after all"] and notes.empty


# --------------------------------------------------------------------------------------------
# Table rows without text: left out, with a note naming the line
# --------------------------------------------------------------------------------------------


def test_csv_rows_without_text_are_left_out_and_noted(tmp_path):
    path = write(
        tmp_path / "news.csv",
        'doc_id,text,outlet\nap-1,One,AP\nap-2,,AP\nap-3,"  \r\n ",AP\nap-4,"Two\nlines",AP\n'
        "ap-5\nap-6,Three,AP\n",
    )
    corpus, notes = files.read_corpus_with_notes(path)
    assert corpus["doc_id"].tolist() == ["ap-1", "ap-4", "ap-6"]
    assert corpus["text"].tolist() == ["One", "Two\nlines", "Three"]
    # The line as in "<file>:<line>" ids: the header is line 1, and a row counts as one line
    # (ap-5 really starts on line 8, after two cells that span lines).
    assert notes[["kind", "path", "line"]].to_dict("records") == [
        {"kind": "empty", "path": str(path), "line": 3},
        {"kind": "empty", "path": str(path), "line": 4},
        {"kind": "empty", "path": str(path), "line": 6},
    ]
    assert notes["detail"].tolist() == [
        "row 2 (doc_id 'ap-2') has no text in column 'text'; left out",
        "row 3 (doc_id 'ap-3') has no text in column 'text'; left out",
        "row 5 (doc_id 'ap-5') has no text in column 'text'; left out",
    ]


def test_jsonl_rows_without_text_are_left_out_and_noted_by_line(tmp_path):
    path = write(
        tmp_path / "n.jsonl",
        '{"text": "a"}\n\n{"text": null}\n{"title": "no text key"}\n{"text": " "}\n{"text": "b"}\n',
    )
    corpus, notes = files.read_corpus_with_notes(path)
    assert corpus["doc_id"].tolist() == ["n.jsonl:1", "n.jsonl:6"]
    assert notes["line"].tolist() == [3, 4, 5]
    assert notes["kind"].unique().tolist() == ["empty"]
    assert str(notes["line"].dtype) == "Int64"


def test_a_windows_1252_table_has_its_encoding_on_every_row(tmp_path):
    path = write(tmp_path / "news.tsv",
                 "text\toutlet\nCafé owner’s visit\tLe Monde\n“Zürich”\tNZZ\n".encode("cp1252"))
    corpus, notes = files.read_corpus_with_notes(path)
    assert corpus[["text", "outlet", "encoding"]].to_dict("records") == [
        {"text": "Café owner’s visit", "outlet": "Le Monde", "encoding": "cp1252"},
        {"text": "“Zürich”", "outlet": "NZZ", "encoding": "cp1252"},
    ]
    assert notes["kind"].tolist() == ["encoding"]


def test_notes_table_lists_every_kind_in_order(tmp_path):
    folder = tmp_path / "mixed"
    write(folder / "a.txt", "Zürich".encode("latin-1"))
    write(folder / "README.txt", "about")
    write(folder / "t.jsonl", '{"text": ""}\n{"text": "x"}\n')
    write(folder / "utf8.txt", "Zürich")
    corpus, notes = files.read_corpus_with_notes(str(folder / "*"))
    assert corpus["doc_id"].tolist() == ["a.txt", "utf8.txt", "t.jsonl:2"]  # .txt files first
    assert notes.columns.tolist() == ["kind", "path", "line", "encoding", "confident", "detail"]
    # a.txt and utf8.txt both say "Zürich": the copy is noted (and kept), last.
    assert notes["kind"].tolist() == ["encoding", "skipped", "empty", "duplicate"]
    assert notes.dtypes.astype(str).tolist() == [
        "object", "object", "Int64", "object", "boolean", "object"]


# --------------------------------------------------------------------------------------------
# Corpora from tables
# --------------------------------------------------------------------------------------------


def test_csv_with_text_and_metadata_columns(tmp_path):
    path = write(
        tmp_path / "news.csv",
        'date,text,outlet\n2022-01-27,"Kremlin, sceptical",AP\n2022-01-28,Talks,007\n',
    )
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding", "date", "outlet"]
    assert corpus["doc_id"].tolist() == ["news.csv:2", "news.csv:3"]  # header is line 1
    assert corpus["text"].tolist() == ["Kremlin, sceptical", "Talks"]
    assert corpus["date"].tolist() == ["2022-01-27", "2022-01-28"]
    assert corpus["outlet"].tolist() == ["AP", "007"]  # metadata stays text: "007" is not 7
    assert corpus["path"].tolist() == [str(path)] * 2


def test_doc_id_column_is_used_when_present(tmp_path):
    path = write(tmp_path / "news.csv", "doc_id,text\nap-1,One\nap-2,Two\n")
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding"]
    assert corpus["doc_id"].tolist() == ["ap-1", "ap-2"]


def test_named_text_and_id_columns_in_a_tsv(tmp_path):
    path = write(
        tmp_path / "news.tsv",
        "key\tbody\tsource\nk1\tFirst, with comma\tAP\nk2\tSecond\tReuters\n",
    )
    corpus = files.read_corpus(path, text_column="body", id_column="key")
    assert corpus.to_dict("records") == [
        {"doc_id": "k1", "text": "First, with comma", "path": str(path), "encoding": "utf-8",
         "source": "AP"},
        {"doc_id": "k2", "text": "Second", "path": str(path), "encoding": "utf-8",
         "source": "Reuters"},
    ]


def test_jsonl_with_metadata_blank_lines_and_numbers(tmp_path):
    path = write(
        tmp_path / "news.jsonl",
        '{"doc_id": 1, "text": "One\\r\\ntwo", "year": 2022}\n\n{"doc_id": 2, "text": "Three"}\n',
    )
    corpus = files.read_corpus(path)
    assert corpus.to_dict("records") == [
        {"doc_id": "1", "text": "One\ntwo", "path": str(path), "encoding": "utf-8", "year": "2022"},
        {"doc_id": "2", "text": "Three", "path": str(path), "encoding": "utf-8", "year": ""},
    ]


def test_jsonl_without_doc_id_uses_file_name_and_line(tmp_path):
    path = write(tmp_path / "n.jsonl", '{"text": "a"}\n\n{"text": "b"}\n')
    assert files.read_corpus(path)["doc_id"].tolist() == ["n.jsonl:1", "n.jsonl:3"]


def test_utf16_csv_with_bom_and_crlf(tmp_path):
    path = write(tmp_path / "news.csv", "text,outlet\r\nKyiv café,AP\r\n".encode("utf-16"))
    corpus = files.read_corpus(path)
    assert corpus[["text", "outlet", "encoding"]].to_dict("records") == [
        {"text": "Kyiv café", "outlet": "AP", "encoding": "utf-16-le"}]


def test_utf8_bom_does_not_stick_to_the_first_column_name(tmp_path):
    path = write(tmp_path / "news.csv", codecs.BOM_UTF8 + b"text,outlet\nOne,AP\n")
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "encoding", "outlet"]
    assert corpus["encoding"].tolist() == ["utf-8-sig"]


# --------------------------------------------------------------------------------------------
# Errors: each a CorpusError (and a ValueError) naming the file and what to do
# --------------------------------------------------------------------------------------------


def _missing(tmp_path):
    return tmp_path / "nope.txt", ["nope.txt", "no such file or folder"]


def _empty_file(tmp_path):
    return write(tmp_path / "empty.txt", b""), ["empty.txt", "the file is empty"]


def _blank_file(tmp_path):
    return write(tmp_path / "blank.txt", " \r\n\t\n"), ["blank.txt", "the file is empty"]


def _empty_folder(tmp_path):
    folder = tmp_path / "nothing"
    write(folder / "readme.md", "no .txt here")
    return folder, ["nothing", "holds no .txt files"]


def _empty_file_in_folder(tmp_path):
    write(tmp_path / "corpus" / "a.txt", "text")
    write(tmp_path / "corpus" / "b.txt", "")
    return tmp_path / "corpus", ["b.txt", "the file is empty"]


def _undecodable(tmp_path):  # strict: encoding="utf-8" (see the call below)
    return write(tmp_path / "latin.txt", b"ab\xe9"), ["latin.txt", "byte 2 (line 1)", "0xe9",
                                                      "-p encoding cp1252"]


def _binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return write(tmp_path / "image.txt", png), ["image.txt", "binary file", "NUL bytes"]


def _utf16_without_bom(tmp_path):
    path = write(tmp_path / "u16.txt", "Kyiv".encode("utf-16-le"))
    return path, ["u16.txt", "run with -p encoding utf-16-le",
                  '(in a notebook: encoding = "utf-16-le")']


def _unknown_text_column(tmp_path):
    path = write(tmp_path / "t.csv", "title,body\nA,B\n")
    return path, ["t.csv", "no text column 'text'", "The columns are: 'title', 'body'"]


def _unknown_id_column(tmp_path):
    path = write(tmp_path / "t.csv", "text,body\nA,B\n")
    return path, ["t.csv", "no id column 'key'", "'text', 'body'"]


def _malformed_jsonl(tmp_path):
    path = write(tmp_path / "bad.jsonl", '{"text": "ok"}\n{"text": "broken\n')
    return path, ["bad.jsonl", "line 2 is not valid JSON"]


def _jsonl_not_an_object(tmp_path):
    path = write(tmp_path / "list.jsonl", '{"text": "ok"}\n\n[1, 2]\n')
    return path, ["list.jsonl", "line 3 holds a list, not a JSON object"]


def _header_only_table(tmp_path):
    return write(tmp_path / "h.csv", "text,outlet\n"), ["h.csv", "no rows"]


def _empty_table(tmp_path):
    return write(tmp_path / "e.csv", "\n"), ["e.csv", "the table is empty"]


def _duplicate_ids(tmp_path):
    path = write(tmp_path / "d.csv", "doc_id,text\nx,One\nx,Two\n")
    return path, ["d.csv", "must be unique", "['x']"]


def _reserved_column(tmp_path):
    path = write(tmp_path / "r.csv", "text,path\nOne,/tmp\n")
    return path, ["r.csv", "reserved", "'path'"]


def _reserved_encoding_column(tmp_path):
    path = write(tmp_path / "r.csv", "text,encoding\nOne,utf-8\n")
    return path, ["r.csv", "reserved", "'encoding'"]


def _table_without_text(tmp_path):
    path = write(tmp_path / "t.csv", "text,outlet\n,AP\n  ,AP\n")
    return path, ["t.csv", "no document has any text", "'text'", "text_column"]


def _folder_of_readmes(tmp_path):
    write(tmp_path / "docs" / "README.txt", "About")
    write(tmp_path / "docs" / ".hidden.txt", "Hidden")
    return tmp_path / "docs", ["holds no .txt files", "skipped as not articles: .hidden.txt, "
                               "README.txt", "-p include_all true", "include_all = True"]


def _glob_of_backups(tmp_path):
    write(tmp_path / "story.txt~", "backup")
    return str(tmp_path / "*"), ["matches only files that are not articles", "story.txt~",
                                 "include_all"]


def _glob_without_matches(tmp_path):
    return str(tmp_path / "*.txt"), ["*.txt", "matches no files"]


@pytest.mark.parametrize(
    "make",
    [
        _missing, _empty_file, _blank_file, _empty_folder, _empty_file_in_folder, _undecodable,
        _binary, _utf16_without_bom, _unknown_text_column, _unknown_id_column, _malformed_jsonl,
        _jsonl_not_an_object, _header_only_table, _empty_table, _duplicate_ids, _reserved_column,
        _glob_without_matches, _reserved_encoding_column, _table_without_text, _folder_of_readmes,
        _glob_of_backups,
    ],
)
def test_read_corpus_errors_name_the_file_and_the_problem(tmp_path, make):
    path, fragments = make(tmp_path)
    with pytest.raises(CorpusError) as err:
        files.read_corpus(path, id_column="key" if make is _unknown_id_column else None,
                          encoding="utf-8" if make is _undecodable else None)
    assert isinstance(err.value, ValueError)
    for fragment in fragments:
        assert fragment in str(err.value)


def test_empty_path_string_is_a_corpus_error():
    with pytest.raises(CorpusError, match="the path is empty"):
        files.read_corpus("  ")


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def test_write_table_is_utf8_with_lf_and_no_index(tmp_path):
    table = pd.DataFrame({"term": ["café", "US"], "count": [2, 9]})
    path = files.write_table(table, tmp_path / "out", "t.csv")
    assert path.read_bytes() == "term,count\ncafé,2\nUS,9\n".encode("utf-8")


def test_write_json_sorts_keys_and_keeps_unicode(tmp_path):
    path = files.write_json({"b": 1, "a": "Kyiv–Kiev"}, tmp_path / "sub" / "run.json")
    assert path.read_text(encoding="utf-8") == '{\n  "a": "Kyiv–Kiev",\n  "b": 1\n}\n'


def test_sha256_matches_hashlib(tmp_path):
    path = write(tmp_path / "abc.bin", b"abc")
    # The FIPS 180-2 test vector for "abc".
    assert files.sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert files.sha256(path) == hashlib.sha256(b"abc").hexdigest()


def test_output_folder_is_the_projects_outputs_lab_from_anywhere_inside(tmp_path, monkeypatch):
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert files.output_folder("") == str(tmp_path / "outputs" / "lab")
    monkeypatch.chdir(tmp_path)
    assert files.output_folder("") == str(tmp_path / "outputs" / "lab")
    assert files.output_folder("results/mine") == "results/mine"


def _fresh_png(figure) -> bytes:
    """The PNG matplotlib draws for the figure now, with write_figure's options (independent)."""
    buffer = io.BytesIO()
    matplotlib.figure.Figure.savefig(figure, buffer, format="png", dpi=100,
                                     metadata={"Software": None})
    return buffer.getvalue()


def test_a_shown_figure_is_saved_from_the_image_it_showed_unless_it_changed(tmp_path):
    from textkit import plots

    figure = plots.top_terms(pd.DataFrame({"term": ["a", "b"], "count": [3, 1],
                                           "relative_per_1k": [750.0, 250.0], "rank": [1, 2]}))
    fresh = _fresh_png(figure)
    shown = figure._repr_png_()  # what a notebook cell displays
    assert shown == fresh
    drawn = figure._changes
    (png,) = files.write_figure(figure, tmp_path, "top", formats=("png",))
    assert png.read_bytes() == shown and figure._changes == drawn  # not drawn again
    figure.axes[0].set_title("changed after it was shown")
    (png,) = files.write_figure(figure, tmp_path, "top", formats=("png",))
    assert png.read_bytes() == _fresh_png(figure) != shown
    with matplotlib.rc_context({"savefig.facecolor": "#ffeeee"}):  # a setting changed
        assert figure.png() == _fresh_png(figure) != png.read_bytes()
    assert figure.png() == png.read_bytes()


def _tree(node):
    """A YAML node tree as plain tuples: tag, value and line of every node."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return (node.tag, node.value, node.start_mark.line)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, node.start_mark.line, [_tree(item) for item in node.value])
    return (node.tag, node.start_mark.line, [(_tree(k), _tree(v)) for k, v in node.value])


@pytest.mark.parametrize("text", [
    (ROOT / "seeds" / "actors.yml").read_text(encoding="utf-8"),
    "a: é\r\nb: [1, 'x']\r\n",
    "\ufeffactors:\n  - {name: \"Jen \\u00e9\", type: person}\n",
])
def test_yaml_read_by_libyaml_gives_the_pure_python_tree(tmp_path, text):
    import yaml

    assert yaml.__with_libyaml__  # the fast reader is really used here
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    assert _tree(files.read_yaml(path)) == _tree(yaml.compose(text, Loader=yaml.SafeLoader))


def test_yaml_syntax_errors_keep_the_pure_python_wording(tmp_path):
    import yaml

    path = tmp_path / "bad.yml"
    path.write_text("actors:\n  - name: Putin\n    type: [person\n", encoding="utf-8")
    with pytest.raises(yaml.MarkedYAMLError) as pure:
        yaml.compose(path.read_text(), Loader=yaml.SafeLoader)
    with pytest.raises(TextkitError, match=re.escape(pure.value.problem)) as err:
        files.read_yaml(path)
    assert "bad.yml: line 4, column 1: YAML syntax error" in str(err.value)
