"""Tests for textkit.parameters: every rule with values that pass and values that fail, and
conversion of command-line / YAML text to the declared type."""

import pytest

from textkit import parameters
from textkit.errors import ParameterError


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("said\n", encoding="utf-8")
    return str(path)


PASS = [
    ("top_n", 1), ("top_n", 20), ("min_count", 1), ("min_count", 5), ("min_length", 1),
    ("width", 40), ("window", 5),
    ("n", 2), ("n", 3),
    ("scope", "sentence"), ("scope", "paragraph"),
    ("stopwords", "default"), ("stopwords", "none"), ("stopwords", "nltk"), ("stopwords", "de"),
    ("node", "russia"), ("node", ""),
    ("corpus", "anything"), ("lowercase", False),  # no rule: passes unchecked
]

#: What the stopwords rule says: the named lists, then every Stopwords ISO language code.
STOPWORDS = (
    "an existing file or one of 'default', 'none', 'nltk', or a language code of the Stopwords "
    "ISO lists (af, ar, bg, bn, br, ca, cs, da, de, el, en, eo, es, et, eu, fa, fi, fr, ga, gl, "
    "gu, ha, he, hi, hr, hu, hy, id, it, ja, ko, ku, la, lt, lv, mr, ms, nl, no, pl, pt, ro, ru, "
    "sk, sl, so, st, sv, sw, th, tl, tr, uk, ur, vi, yo, zh, zu)"
)

FAIL = [
    ("top_n", 0, "a whole number from 1 to 1000 (rows shown and drawn)"),
    ("top_n", -1, "a whole number from 1 to 1000 (rows shown and drawn)"),
    ("top_n", 2.5, "a whole number from 1 to 1000 (rows shown and drawn)"),
    ("top_n", "20", "a whole number from 1 to 1000 (rows shown and drawn)"),
    ("top_n", True, "a whole number from 1 to 1000 (rows shown and drawn)"),  # bool is an int in Python, not here
    ("min_count", 0, "a whole number of at least 1"),
    ("min_length", 0, "a whole number of at least 1"),
    ("width", 0, "a whole number from 1 to 1000 (characters of context)"),
    ("width", 10**9, "a whole number from 1 to 1000 (characters of context)"),
    ("window", None, "a whole number from 1 to 100 (tokens on each side of the node)"),
    ("window", 1_000_000_000, "a whole number from 1 to 100 (tokens on each side of the node)"),
    ("top_n", 1001, "a whole number from 1 to 1000 (rows shown and drawn)"),
    ("node", "united states", "one word, or empty for the most frequent content word"),
    ("node", 3, "one word, or empty for the most frequent content word"),
    ("n", 1, "one of 2, 3"),
    ("n", 4, "one of 2, 3"),
    ("n", 2.0, "one of 2, 3"),
    ("n", "2", "one of 2, 3"),
    ("scope", "document", "one of 'sentence', 'paragraph'"),
    ("scope", "Sentence", "one of 'sentence', 'paragraph'"),
    ("stopwords", "english", STOPWORDS),
    ("stopwords", 5, STOPWORDS),
    ("stopwords", None, STOPWORDS),
    ("actors", "no/such/actors.yml", "an existing file"),
]


@pytest.mark.parametrize(("name", "value"), PASS)
def test_check_passes_good_values_unchanged(name, value):
    assert parameters.check(**{name: value}) == {name: value}


def test_check_passes_existing_files(a_file):
    checked = parameters.check(stopwords=a_file, actors=a_file)
    assert checked == {"stopwords": a_file, "actors": a_file}


@pytest.mark.parametrize(("name", "value", "what"), FAIL)
def test_check_rejects_bad_values(name, value, what):
    with pytest.raises(ParameterError) as err:
        parameters.check(**{name: value})
    assert isinstance(err.value, ValueError)
    assert str(err.value) == f"parameter {name} must be {what}, got {value!r}."


def test_check_names_every_bad_parameter_at_once():
    with pytest.raises(ParameterError) as err:
        parameters.check(top_n=0, scope="sentence", window=-2)
    assert str(err.value) == (
        "parameter top_n must be a whole number from 1 to 1000 (rows shown and drawn), got 0. "
        "parameter window must be a whole number from 1 to 100 (tokens on each side of the "
        "node), got -2."
    )


def test_rules_cover_the_shared_option_names():
    for name in ["top_n", "min_count", "window", "width", "stopwords", "min_length", "scope",
                 "measure", "n", "node", "actors"]:
        assert name in parameters.RULES


def test_each_rule_lives_with_what_it_names():
    from textkit import actors, association, collocations, stopwords

    assert parameters.RULES["measure"] is association.RULES["measure"]
    assert parameters.RULES["scope"] is actors.RULES["scope"]
    assert parameters.RULES["stopwords"] is stopwords.RULES["stopwords"]
    assert parameters.RULES["n"] is collocations.RULES["n"]
    # The library functions give the same message as the pre-run check.
    for call, name, value in [
        (lambda: collocations.ngrams(["a", "b"], n=4), "n", 4),
        (lambda: actors.co_mentions(None, scope="page"), "scope", "page"),
        (lambda: association.get("G2"), "measure", "G2"),
    ]:
        with pytest.raises(ParameterError) as err:
            call()
        with pytest.raises(ParameterError) as expected:
            parameters.check(**{name: value})
        assert str(err.value) == str(expected.value)


@pytest.mark.parametrize(
    ("value", "declared", "expected"),
    [
        ("20", "int", 20),
        (" 20 ", "int", 20),
        ("-1", "int", -1),       # converted; check() rejects it later
        (20, "int", 20),
        ("1.10", "float", 1.1),
        ("1e3", "float", 1000.0),
        ("3", "float", 3.0),
        ("true", "bool", True),
        ("Yes", "bool", True),
        ("on", "bool", True),
        ("1", "bool", True),
        ("no", "bool", False),
        ("FALSE", "bool", False),
        ("off", "bool", False),
        ("0", "bool", False),
        ("007", "str", "007"),   # text stays text
        ("no", "str", "no"),
        ("1e3", "str", "1e3"),
        ("said, told", "list", ["said", "told"]),
        ("said,,told, ", "list", ["said", "told"]),
        ("", "list", []),
        (["said", 7], "list", ["said", "7"]),
        ("20", "INT", 20),       # declared type names are not case-sensitive
    ],
)
def test_convert(value, declared, expected):
    result = parameters.convert("p", value, declared)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("value", "declared", "message"),
    [
        ("ten", "int", "parameter p expects int (a whole number), got 'ten'."),
        ("2.5", "int", "parameter p expects int (a whole number), got '2.5'."),
        ("", "int", "parameter p expects int (a whole number), got ''."),
        ("many", "float", "parameter p expects float (a number), got 'many'."),
        ("maybe", "bool", "parameter p expects bool (true or false), got 'maybe'."),
        ("2", "bool", "parameter p expects bool (true or false), got '2'."),
        (["a", "b"], "int", "parameter p expects int, got a list ['a', 'b']."),
    ],
)
def test_convert_rejects_text_of_the_wrong_type(value, declared, message):
    with pytest.raises(ParameterError) as err:
        parameters.convert("p", value, declared)
    assert str(err.value) == message
