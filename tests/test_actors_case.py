"""Tests for the actor dictionary's case rules, roles, the corpus check and the chosen defaults.

Every case is small enough to check by reading it: a text, the dictionary lines, and the
mentions expected as (actor, kind, text as written).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from textkit import actors, clean, dictionary, files, forms
from textkit.errors import ActorsFileError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
SEED_ACTORS = ROOT / "seeds" / "actors.yml"
WIKINEWS = ROOT / "seeds" / "wikinews" / "*.csv"

CASE_YAML = """
actors:
  - {name: Gordon Brown, type: person, aliases: [Brown]}
  - {name: Labour, type: organisation, aliases: [Labour Party]}
  - {name: The West, type: other, aliases: [West]}
  - {name: Theresa May, type: person, aliases: [May]}
  - {name: George Bush, type: person, aliases: [Bush]}
  - {name: Green Party, type: organisation, aliases: [Greens]}
  - {name: United States, type: country, aliases: [US], metonyms: [White House]}
  - {name: Jen Psaki, type: person, aliases: [Psaki]}
  - {name: Boris Johnson, type: person, roles: [the prime minister]}
  - {name: Olaf Scholz, type: person, roles: [the Chancellor]}
"""


@pytest.fixture(scope="module")
def case_forms():
    return actors.parse(yaml.compose(CASE_YAML), source="case.yml")


# ---------------------------------------------------------------------------------------------
# Case, by default: capitals count for acronyms and capitalised common words only.
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        # common lower-case words written with a capital in the dictionary: capitals only
        ("a brown field site", []),
        ("Brown said no", [("Gordon Brown", "alias", "Brown")]),
        ("BROWN QUITS", [("Gordon Brown", "alias", "BROWN")]),  # a headline in capitals
        ("ten years of hard labour", []),
        ("Labour won; the Labour Party", [("Labour", "name", "Labour"), ("Labour", "alias", "Labour Party")]),
        ("the west of the country", []),
        ("if the West refuses", [("The West", "name", "the West")]),  # a leading "The" is free
        ("The West said", [("The West", "name", "The West")]),
        ("West lost", [("The West", "alias", "West")]),
        ("it may rain in May", [("Theresa May", "alias", "May")]),  # the month: see the README
        ("a bush fire; Bush spoke", [("George Bush", "alias", "Bush")]),
        ("a green light", []),
        ("a white house; the White House; THE WHITE HOUSE",
         [("United States", "metonym", "White House"), ("United States", "metonym", "WHITE HOUSE")]),
        ("all of us; US troops", [("United States", "alias", "US")]),
        ("united states of mind", []),  # "United States": both words common
        # names that are not English words: case ignored
        ("PSAki and psaki", [("Jen Psaki", "alias", "PSAki"), ("Jen Psaki", "alias", "psaki")]),
        ("gordon brown", [("Gordon Brown", "name", "gordon brown")]),
        # roles: written in lower case, case ignored; written with a capital, capitals count
        ("the prime minister and The Prime Minister",
         [("Boris Johnson", "role", "the prime minister"), ("Boris Johnson", "role", "The Prime Minister")]),
        ("the chancellor spoke", []),
        ("the Chancellor spoke", [("Olaf Scholz", "role", "the Chancellor")]),
    ],
)
def test_case_rules(case_forms, text, expected):
    found = actors.find(text, case_forms)
    assert list(zip(found["actor"], found["kind"], found["text"])) == expected


@pytest.mark.parametrize(
    "form, case",
    [
        ("Brown", "sensitive"), ("Labour", "sensitive"), ("West", "sensitive"), ("May", "sensitive"),
        ("Bush", "sensitive"), ("Green", "sensitive"), ("White House", "sensitive"),
        ("The West", "sensitive"), ("US", "sensitive"), ("U.S.", "sensitive"), ("X", "sensitive"),
        ("Putin", "ignore"), ("Zelenskyy", "ignore"), ("Biden administration", "ignore"),
        ("Russian Security Council", "ignore"), ("the prime minister", "ignore"),
        ("Thomas-Greenfield", "ignore"), ("turkey", "ignore"),
    ],
)
def test_case_of_a_form(form, case):
    assert forms.case_of(form) == case


def test_the_common_words_list_is_bundled_with_its_provenance():
    words = forms.common_words()
    assert {"brown", "labour", "labor", "west", "may", "bush", "green", "the"} <= words
    assert not {"putin", "russia", "zelenskyy", "biden", "washington"} & words
    header = (ROOT / "textkit" / "data" / "common_words_en.txt").read_text(encoding="utf-8")
    assert "SCOWL" in header and "public domain" in header and "Moby" in header


# ---------------------------------------------------------------------------------------------
# Case in the file: per actor (case:) and per form ({form: ..., case: ...}).
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "entry, text, expected",
    [
        # per actor: every form case-sensitive
        ("{name: Vladimir Putin, type: person, aliases: [Putin], case: sensitive}",
         "putin and Putin", ["Putin"]),
        # per actor: case ignored, even for a common word and an acronym (explicit wins)
        ("{name: Labour, type: organisation, aliases: [LP], case: ignore}",
         "hard labour, lp", ["labour", "lp"]),
        # per form: one form case-sensitive, the others by the actor's rule
        ("{name: Theresa May, type: person, aliases: [{form: Theresa, case: sensitive}, Mrs May]}",
         "theresa; Theresa; mrs may", ["Theresa", "mrs may"]),
        # per form overrides the actor
        ("{name: Labour, type: organisation, case: sensitive, aliases: [{form: Labour Party, case: ignore}]}",
         "labour; labour party; Labour", ["labour party", "Labour"]),
    ],
)
def test_case_set_in_the_file(entry, text, expected):
    table = actors.parse(yaml.compose(f"actors:\n  - {entry}\n"))
    assert actors.find(text, table)["text"].tolist() == expected


def test_forms_table_shows_the_resolved_case(case_forms):
    case = dict(zip(case_forms["alias"], case_forms["case"]))
    assert case["Brown"] == "sensitive" and case["Gordon Brown"] == "ignore"
    assert case["the prime minister"] == "ignore" and case["the Chancellor"] == "sensitive"
    block = actors.parse(yaml.compose(
        "actors:\n  - name: Theresa May\n    type: person\n    aliases:\n      - form: May\n"
        "        case: ignore\n"))
    assert block[["alias", "case", "line"]].values.tolist() == [
        ["Theresa May", "ignore", 2], ["May", "ignore", 5]]


@pytest.mark.parametrize(
    "content, line, words",
    [
        ("actors:\n  - name: Brown\n    type: person\n    case: loud\n", 4,
         ["unknown case 'loud'", "auto, sensitive, ignore"]),
        ("actors:\n  - name: Brown\n    type: person\n    case: [sensitive]\n", 4, ["case must be text"]),
        ("actors:\n  - name: May\n    type: person\n    aliases:\n      - case: sensitive\n", 5,
         ["without 'form:'"]),
        ("actors:\n  - name: May\n    type: person\n    aliases:\n      - {form: Mrs May, cse: ignore}\n", 5,
         ["unknown key 'cse'", "Did you mean 'case'?"]),
        ("actors:\n  - name: May\n    type: person\n    aliases:\n      - {form: Mrs May, case: maybe}\n", 5,
         ["unknown case 'maybe'"]),
        ("actors:\n  - name: May\n    type: person\n    aliases:\n      - {form: '', case: ignore}\n", 5,
         ["empty alias"]),
        ("actors:\n  - name: May\n    type: person\n    roles: the prime minister\n", 4,
         ["'roles' of actor 'May' must be a list", "roles: [the prime minister]"]),
        ("actors:\n  - name: May\n    type: person\n    aliases: [PM]\n    roles: [pm]\n", 5,
         ["the form 'pm' of actor 'May' is already claimed by the same actor (line 4)"]),
        ("corpuss: news\nactors:\n  - {name: May, type: person}\n", 1,
         ["unknown top-level key 'corpuss'", "Did you mean 'corpus'?"]),
        ("corpus:\nactors:\n  - {name: May, type: person}\n", 1, ["'corpus:' is empty"]),
        ("actors:\n  - {name: May, type: person, role: [pm]}\n", 2,
         ["unknown key 'role'", "Did you mean 'roles'?"]),
    ],
)
def test_case_and_role_errors_name_the_file_and_line(tmp_path, content, line, words):
    path = tmp_path / "my_actors.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorsFileError) as caught:
        actors.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line {line}:"), message
    for word in words:
        assert word in message, message


# ---------------------------------------------------------------------------------------------
# Roles: a kind of form next to demonyms and metonyms, on by default, switchable.
# ---------------------------------------------------------------------------------------------
ROLES_YAML = """
actors:
  - {name: Boris Johnson, type: person, aliases: [Johnson], roles: [the prime minister]}
  - {name: United Kingdom, type: country, aliases: [UK], demonyms: [British], metonyms: [Downing Street]}
"""
ROLES_TEXT = ("Boris Johnson spoke.\n\nThe prime minister said British troops would stay. "
              "Downing Street agreed, and the prime minister left. Johnson and the UK.")


@pytest.fixture(scope="module")
def roles_forms():
    return actors.parse(yaml.compose(ROLES_YAML))


@pytest.mark.parametrize(
    "switches, kinds",
    [
        ({}, ["name", "role", "demonym", "metonym", "role", "alias", "alias"]),
        ({"roles": False}, ["name", "demonym", "metonym", "alias", "alias"]),
        ({"demonyms": False, "metonyms": False}, ["name", "role", "role", "alias", "alias"]),
        ({"demonyms": False, "metonyms": False, "roles": False}, ["name", "alias", "alias"]),
    ],
)
def test_roles_switch_like_demonyms_and_metonyms(roles_forms, switches, kinds):
    assert actors.find(ROLES_TEXT, roles_forms, **switches)["kind"].tolist() == kinds
    docs = pd.DataFrame({"doc_id": ["a"], "text": [ROLES_TEXT]})
    assert actors.mentions(docs, roles_forms, **switches)["kind"].tolist() == kinds


def test_roles_are_counted_apart_and_not_direct(roles_forms):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [ROLES_TEXT]})
    table = actors.counts(actors.mentions(docs, roles_forms))
    johnson = table[table["actor"] == "Boris Johnson"].iloc[0]
    assert (johnson["mentions"], johnson["name"], johnson["alias"], johnson["role"], johnson["direct"]) == (4, 1, 1, 2, 2)
    assert list(table.columns[3:9]) == ["mentions", "name", "alias", "demonym", "metonym", "role"]


def test_concordance_switches_roles(roles_forms):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [ROLES_TEXT]})
    lines = actors.concordance(docs, roles_forms, actor="Boris Johnson", width=10)
    assert lines["kind"].tolist() == ["name", "role", "role", "alias"]
    off = actors.concordance(docs, roles_forms, actor="Boris Johnson", width=10, roles=False)
    assert off["kind"].tolist() == ["name", "alias"]


# ---------------------------------------------------------------------------------------------
# Defaults that adapt to the corpus
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_dictionary():
    return actors.load(SEED_ACTORS)


def test_the_seed_dictionary_fits_the_seed(seed_dictionary):
    docs = clean.corpus(files.read_corpus(SEED))
    assert actors.fits(seed_dictionary, docs, mentions=actors.mentions(docs, seed_dictionary)) is None
    # the runner makes paths absolute: still the seed
    absolute = files.read_corpus(SEED.resolve())
    assert actors.fits(seed_dictionary, absolute) is None


def test_the_seed_dictionary_on_another_corpus_gives_a_note(seed_dictionary):
    docs = files.read_corpus(str(WIKINEWS))
    note = actors.fits(seed_dictionary, docs)
    assert note.startswith(
        f"The actor dictionary {SEED_ACTORS} was written for the corpus "
        "ap_2022-01-27_russia_ukraine.txt, but 295 of 295 documents come from elsewhere "
        "(such as wikinews_2019.csv).")
    assert "textkit actors suggest" in note


@pytest.mark.parametrize(
    "corpus_line, paths, fits",
    [
        ("", ["a/x.txt"], True),                              # no corpus: key, no note
        ("corpus: news\n", ["data/news/2022/x.txt"], True),   # a folder above the document
        ("corpus: news\n", ["data/news/x.txt", "other/y.txt"], False),
        ("corpus: x.txt\n", ["data/x.txt"], True),
        ("corpus: 'news_*.csv'\n", ["news_2019.csv", "news_2020.csv"], True),  # a glob
        ("corpus: 'news_*.csv'\n", ["blogs_2019.csv"], False),
    ],
)
def test_the_corpus_key(corpus_line, paths, fits):
    table = actors.parse(yaml.compose(corpus_line + "actors:\n  - {name: May, type: person}\n"))
    docs = pd.DataFrame({"doc_id": paths, "path": paths})
    assert (actors.fits(table, docs) is None) == fits


def test_a_dictionary_that_finds_little_gives_a_note():
    table = actors.parse(yaml.compose("actors:\n  - {name: Kaliningrad, type: place}\n"))
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["Kaliningrad", "Paris", "Rome"]})
    note = actors.fits(table, docs, mentions=actors.mentions(docs, table))
    assert note == ("Only 1 of 3 documents mention any actor of the dictionary: the counts "
                    "describe a small part of the corpus.")


def test_choose_the_most_mentioned_actor(seed_dictionary):
    docs = clean.corpus(files.read_corpus(SEED))
    counts = actors.counts(actors.mentions(docs, seed_dictionary))
    assert actors.choose(counts, "") == "Russia"
    assert actors.choose(counts, "Vladimir Putin") == "Vladimir Putin"
    assert actors.choose(counts.iloc[:0], "") == ""
    # the runner's pre-run check accepts "" (the most-mentioned actor, chosen in the notebook)
    assert actors.require(seed_dictionary, "") == ""
    assert actors.concordance(docs, seed_dictionary, actor="").empty


def test_module_layout_keeps_the_old_names():
    # notebooks, quotes.py and the runner use these through textkit.actors
    for name in ("load", "parse", "require", "fits", "mentions", "counts", "co_mentions",
                 "matrix", "concordance", "unmatched", "choose", "suggest", "RULES", "KINDS",
                 "TYPES", "FORM_COLUMNS", "MENTION_COLUMNS"):
        assert hasattr(actors, name), name
    assert actors.load is dictionary.load
    assert set(actors.RULES) == {"scope", "actors"}
    for module in ("actors", "dictionary", "forms", "unmatched", "draft"):
        lines = (ROOT / "textkit" / f"{module}.py").read_text(encoding="utf-8").count("\n")
        assert lines < 560, (module, lines)
