"""Tests for textkit.files: reading corpora (files, folders, globs, tables), encodings, errors."""

import codecs
import hashlib

import pandas as pd
import pytest

from textkit import files
from textkit.errors import CorpusError


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


def test_latin1_without_explicit_encoding_names_file_and_byte(tmp_path):
    path = write(tmp_path / "menu.txt", b"Kyiv\ncaf\xe9")  # bytes 0-4 "Kyiv\n", 5-7 "caf", 8 = 0xe9
    with pytest.raises(CorpusError) as err:
        files.read_text(path)
    message = str(err.value)
    assert str(path) in message
    assert "byte 8 (line 2)" in message
    assert "0xe9" in message
    assert "encoding='latin-1'" in message


def test_undecodable_byte_offset_counts_the_bom(tmp_path):
    # BOM = bytes 0-2, "ok\n" = bytes 3-5, so the bad byte is number 6 of the file.
    path = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"ok\n\xff")
    with pytest.raises(CorpusError, match=r"byte 6 \(line 2\) is not valid UTF-8 \(0xff\)"):
        files.read_text(path)


def test_unknown_encoding_is_a_corpus_error(tmp_path):
    path = write(tmp_path / "doc.txt", b"text")
    with pytest.raises(CorpusError, match="unknown encoding 'klingon'"):
        files.read_text(path, encoding="klingon")


def test_read_wordlist_skips_comments_and_blank_lines(tmp_path):
    path = write(tmp_path / "words.txt", "# my list\nsaid\n\n  told  \nasked # verb\n#\n")
    assert files.read_wordlist(path) == ["said", "told", "asked"]


# --------------------------------------------------------------------------------------------
# Corpora from files, folders and globs
# --------------------------------------------------------------------------------------------


def test_one_txt_file(tmp_path):
    path = write(tmp_path / "story.txt", "Kremlin\r\nsays no")
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path"]
    assert corpus.to_dict("records") == [
        {"doc_id": "story.txt", "text": "Kremlin\nsays no", "path": str(path)}
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
# Corpora from tables
# --------------------------------------------------------------------------------------------


def test_csv_with_text_and_metadata_columns(tmp_path):
    path = write(
        tmp_path / "news.csv",
        'date,text,outlet\n2022-01-27,"Kremlin, sceptical",AP\n2022-01-28,Talks,007\n',
    )
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path", "date", "outlet"]
    assert corpus["doc_id"].tolist() == ["news.csv:2", "news.csv:3"]  # header is line 1
    assert corpus["text"].tolist() == ["Kremlin, sceptical", "Talks"]
    assert corpus["date"].tolist() == ["2022-01-27", "2022-01-28"]
    assert corpus["outlet"].tolist() == ["AP", "007"]  # metadata stays text: "007" is not 7
    assert corpus["path"].tolist() == [str(path)] * 2


def test_doc_id_column_is_used_when_present(tmp_path):
    path = write(tmp_path / "news.csv", "doc_id,text\nap-1,One\nap-2,Two\n")
    corpus = files.read_corpus(path)
    assert corpus.columns.tolist() == ["doc_id", "text", "path"]
    assert corpus["doc_id"].tolist() == ["ap-1", "ap-2"]


def test_named_text_and_id_columns_in_a_tsv(tmp_path):
    path = write(
        tmp_path / "news.tsv",
        "key\tbody\tsource\nk1\tFirst, with comma\tAP\nk2\tSecond\tReuters\n",
    )
    corpus = files.read_corpus(path, text_column="body", id_column="key")
    assert corpus.to_dict("records") == [
        {"doc_id": "k1", "text": "First, with comma", "path": str(path), "source": "AP"},
        {"doc_id": "k2", "text": "Second", "path": str(path), "source": "Reuters"},
    ]


def test_jsonl_with_metadata_blank_lines_and_numbers(tmp_path):
    path = write(
        tmp_path / "news.jsonl",
        '{"doc_id": 1, "text": "One\\r\\ntwo", "year": 2022}\n\n{"doc_id": 2, "text": "Three"}\n',
    )
    corpus = files.read_corpus(path)
    assert corpus.to_dict("records") == [
        {"doc_id": "1", "text": "One\ntwo", "path": str(path), "year": "2022"},
        {"doc_id": "2", "text": "Three", "path": str(path), "year": ""},  # missing -> ""
    ]


def test_jsonl_without_doc_id_uses_file_name_and_line(tmp_path):
    path = write(tmp_path / "n.jsonl", '{"text": "a"}\n\n{"text": "b"}\n')
    assert files.read_corpus(path)["doc_id"].tolist() == ["n.jsonl:1", "n.jsonl:3"]


def test_utf16_csv_with_bom_and_crlf(tmp_path):
    path = write(tmp_path / "news.csv", "text,outlet\r\nKyiv café,AP\r\n".encode("utf-16"))
    corpus = files.read_corpus(path)
    assert corpus[["text", "outlet"]].to_dict("records") == [{"text": "Kyiv café", "outlet": "AP"}]


def test_utf8_bom_does_not_stick_to_the_first_column_name(tmp_path):
    path = write(tmp_path / "news.csv", codecs.BOM_UTF8 + b"text,outlet\nOne,AP\n")
    assert files.read_corpus(path).columns.tolist() == ["doc_id", "text", "path", "outlet"]


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


def _undecodable(tmp_path):
    return write(tmp_path / "latin.txt", b"ab\xe9"), ["latin.txt", "byte 2 (line 1)", "0xe9"]


def _binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return write(tmp_path / "image.txt", png), ["image.txt", "binary file", "NUL bytes"]


def _utf16_without_bom(tmp_path):
    path = write(tmp_path / "u16.txt", "Kyiv".encode("utf-16-le"))
    return path, ["u16.txt", "encoding='utf-16-le'"]


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


def _glob_without_matches(tmp_path):
    return str(tmp_path / "*.txt"), ["*.txt", "matches no files"]


@pytest.mark.parametrize(
    "make",
    [
        _missing, _empty_file, _blank_file, _empty_folder, _empty_file_in_folder, _undecodable,
        _binary, _utf16_without_bom, _unknown_text_column, _unknown_id_column, _malformed_jsonl,
        _jsonl_not_an_object, _header_only_table, _empty_table, _duplicate_ids, _reserved_column,
        _glob_without_matches,
    ],
)
def test_read_corpus_errors_name_the_file_and_the_problem(tmp_path, make):
    path, fragments = make(tmp_path)
    with pytest.raises(CorpusError) as err:
        files.read_corpus(path, id_column="key" if make is _unknown_id_column else None)
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
