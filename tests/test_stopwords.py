"""Tests for textkit.stopwords: the bundled list and its provenance, "none", a file, extra words,
and NLTK's list with its data deliberately absent (and deliberately present, from a fake folder)."""

from importlib import resources

import pytest

from textkit import stopwords
from textkit.errors import ParameterError, ResourceError


def bundled_lines():
    data = resources.files("textkit").joinpath("data/stopwords_en.txt")
    return data.read_text(encoding="utf-8").split("\n")


def test_default_list_size_and_members():
    words = stopwords.load()
    # The Snowball English list has 174 active entries; textkit adds "'s" at the end.
    assert len(words) == 175
    assert isinstance(words, frozenset)
    for word in ["the", "and", "of", "i", "'s", "don't", "it's", "very"]:
        assert word in words
    # Snowball leaves "us" out on purpose (US = United States); so must textkit.
    for word in ["us", "US", "said", "russia"]:
        assert word not in words


def test_default_list_file_states_its_provenance():
    comments = "\n".join(line for line in bundled_lines() if line.startswith("#"))
    for fact in ["Snowball", "Martin Porter", "BSD", "snowball.tartarus.org", '"us"', "\"'s\""]:
        assert fact in comments
    entries = [line.split("#", 1)[0].strip() for line in bundled_lines()]
    entries = [e for e in entries if e]
    assert len(entries) == 175 and len(set(entries)) == 175  # no duplicates hide in the count
    assert entries[0] == "i" and entries[-1] == "'s"


@pytest.mark.parametrize(
    ("spec", "extra", "expected"),
    [
        ("none", (), frozenset()),
        ("none", ["Said", "told", ""], frozenset({"said", "told"})),
        ("none", ["US", "NATO"], frozenset({"US", "NATO"})),  # acronyms keep their case
    ],
)
def test_none_and_extra(spec, extra, expected):
    assert stopwords.load(spec, extra=extra) == expected


def test_extra_words_add_to_the_default_list():
    words = stopwords.load("default", extra=["said", "Told"])
    assert len(words) == 177
    assert {"said", "told", "the"} <= words


def test_word_list_file(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# my list\nThe\nKremlin  # folded to lower case\n\nUS\n", encoding="utf-8")
    assert stopwords.load(str(path)) == frozenset({"the", "kremlin", "US"})
    assert stopwords.load(str(path), extra=["said"]) == frozenset({"the", "kremlin", "US", "said"})


@pytest.mark.parametrize("spec", ["english", "Default", "", "no/such/file.txt"])
def test_unknown_spec_is_a_parameter_error(spec):
    with pytest.raises(ParameterError) as err:
        stopwords.load(spec)
    assert isinstance(err.value, ValueError)
    assert f"got {spec!r}" in str(err.value)
    assert "'default', 'none', 'nltk'" in str(err.value)


@pytest.fixture
def fresh_nltk_stopwords(monkeypatch):
    """Point NLTK at no data but the folder the test chooses, with an unloaded corpus loader.

    ``nltk.corpus.stopwords`` turns itself into the loaded reader on first use, so a fresh
    loader is put in its place: the test does not depend on what this machine has installed
    or on what an earlier test loaded.
    """
    import nltk
    import nltk.corpus
    from nltk.corpus.reader import WordListCorpusReader
    from nltk.corpus.util import LazyCorpusLoader

    monkeypatch.setattr(nltk.data, "path", [])
    monkeypatch.setattr(
        nltk.corpus,
        "stopwords",
        LazyCorpusLoader("stopwords", WordListCorpusReader, r"(?!README|\.).*", encoding="utf8"),
    )
    return nltk.data.path


def test_nltk_list_not_installed_says_how_to_install(tmp_path, fresh_nltk_stopwords):
    fresh_nltk_stopwords.append(str(tmp_path))  # an empty data folder
    with pytest.raises(ResourceError) as err:
        stopwords.load("nltk")
    assert isinstance(err.value, LookupError)
    message = str(err.value)
    assert "not installed" in message
    assert "https://www.nltk.org/data.html" in message and "corpora/stopwords" in message
    assert "stopwords='default'" in message


def test_nltk_list_when_installed(tmp_path, fresh_nltk_stopwords):
    folder = tmp_path / "corpora" / "stopwords"
    folder.mkdir(parents=True)
    (folder / "english").write_text("the\nus\nThey\n", encoding="utf-8")
    fresh_nltk_stopwords.append(str(tmp_path))
    assert stopwords.load("nltk") == frozenset({"the", "us", "they"})


# --- Lists in other languages, by ISO 639-1 code (Stopwords ISO, package stopwordsiso) -------


@pytest.mark.parametrize(
    ("code", "size", "members", "not_members"),
    [
        ("de", 620, ["der", "die", "das", "und", "nicht", "sie", "über"], ["haus", "regierung"]),
        ("fr", 691, ["le", "la", "les", "et", "que", "qui", "être"], ["maison", "gouvernement"]),
        ("es", 732, ["el", "la", "y", "que"], ["casa"]),
        # the English list is long: it has "said", "new" and the pronoun "us", never "US"
        ("en", 1298, ["the", "said", "new", "us"], ["US", "russia"]),
    ],
)
def test_language_lists(code, size, members, not_members):
    words = stopwords.load(code)
    assert len(words) == size
    assert set(members) <= words
    assert not set(not_members) & words


def test_language_list_with_extra_words():
    assert {"sagte", "und"} <= stopwords.load("de", extra="sagte")


def test_language_codes_are_keywords_not_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de").write_text("kremlin\n", encoding="utf-8")
    assert "und" in stopwords.load("de")  # the code wins over a file of that name...
    assert stopwords.load("./de") == frozenset({"kremlin"})  # ...which is read as a path
    assert {"de", "fr", "default", "none", "nltk"} <= set(stopwords.LISTS)
    rule = stopwords.RULES["stopwords"]
    assert rule.test("de") and rule.test("zh") and rule.test("./de") and not rule.test("xx")


@pytest.mark.parametrize("spec", ["xx", "german", "deu", "DE"])
def test_unknown_language_code_lists_the_codes(spec):
    with pytest.raises(ParameterError) as err:
        stopwords.load(spec)
    message = str(err.value)
    assert f"got {spec!r}" in message
    assert "'default', 'none', 'nltk'" in message
    assert "a language code of the Stopwords ISO lists (af, ar, " in message and ", de, " in message
    if spec == "DE":
        assert "Language codes are lower case: 'de'." in message


def test_parameter_check_names_the_codes():
    from textkit import parameters

    assert parameters.check(stopwords="fr") == {"stopwords": "fr"}
    with pytest.raises(ParameterError, match=r"parameter stopwords must be an existing file or one "
                                             r"of 'default', 'none', 'nltk', or a language code of "
                                             r"the Stopwords ISO lists \(af, ar, .*, zu\), got 'xx'"):
        parameters.check(stopwords="xx")


def test_languages_are_the_packages_languages():
    import stopwordsiso

    assert set(stopwords.LANGUAGES) == set(stopwordsiso.langs())
    assert list(stopwords.LANGUAGES) == sorted(stopwords.LANGUAGES)


def test_language_lists_work_without_a_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert "und" in stopwords.load("de") and "et" in stopwords.load("fr")


def test_the_docstring_states_the_provenance():
    for fact in ["Stopwords ISO", "Gene Diaz", "MIT", "stopwordsiso", "Arthit Suriyawongkul",
                 "https://github.com/stopwords-iso/stopwords-iso"]:
        assert fact in stopwords.__doc__
