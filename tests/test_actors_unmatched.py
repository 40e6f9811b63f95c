"""Tests for textkit.unmatched: the capitalised names an actor dictionary does not cover."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from textkit import actors, clean, files, unmatched

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "seeds" / "wikinews" / "*.csv"

DICTIONARY = """
actors:
  - {name: United States, type: country, aliases: [US], metonyms: [Washington]}
  - {name: Nancy Pelosi, type: person, aliases: [Pelosi]}
  - {name: Russia, type: country}
"""


@pytest.fixture(scope="module")
def forms():
    return actors.parse(yaml.compose(DICTIONARY))


def names_in(text: str, forms=None, **options) -> dict:
    table = unmatched.unmatched(pd.DataFrame({"doc_id": ["a"], "text": [text]}), forms, **options)
    return dict(zip(table["name"], table["count"]))


@pytest.mark.parametrize(
    "text, expected",
    [
        # sentence-initial function words are never names
        ("I think so. The talks went on. We agreed. It rained. They left.", {}),
        # a multi-word name; a single capitalised word in mid-sentence
        ("Officials met Ann Clarke in Kaliningrad. Later Ann Clarke left.",
         {"Ann Clarke": 2, "Kaliningrad": 1}),
        # a title is split off: the name is listed, the title goes to the title column
        ("They met Foreign Minister Ann Clarke.", {"Ann Clarke": 1}),
        # covered: a form covers the name's head word (its last word)
        ("Nancy Pelosi spoke to Pelosi's aides.", {}),
        # not covered: a form inside another name, not its head ("Washington" is a metonym)
        ("The Washington Post and Washington disagreed.", {"Washington Post": 1}),
        # the head of "X of Y" is X: the Bank of Russia is not Russia
        ("The Bank of Russia and Russia.", {"Bank of Russia": 1}),
        # a word the corpus writes in lower case at least as often is not a name
        ("It was so Yeah, fine, they met Lavrov, yeah, yeah.", {"Lavrov": 1}),
    ],
)
def test_unmatched_names(forms, text, expected):
    assert names_in(text, forms) == expected


def test_without_a_dictionary_every_name_is_listed():
    assert names_in("Nancy Pelosi met Ann Clarke.") == {"Ann Clarke": 1, "Nancy Pelosi": 1}


def test_stopwords_leave_out_single_words():
    text = "They met Ann Clarke in Kaliningrad."
    assert names_in(text, stopwords=frozenset({"kaliningrad"})) == {"Ann Clarke": 1}


def test_columns_and_example():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
        "They met Foreign Minister Ann Clarke in Kaliningrad.", "Then Clarke and Ann Clarke left."]})
    table = unmatched.unmatched(docs, width=12)
    assert list(table.columns) == list(unmatched.COLUMNS)
    row = table[table["name"] == "Ann Clarke"].iloc[0]
    assert (row["count"], row["documents"], row["first_doc"], row["title"]) == (2, 2, "a", "Foreign Minister")
    assert docs["text"][0][row["first_start"]:].startswith("Ann Clarke")
    assert row["example"] == "gn Minister Ann Clarke in Kalining"  # 12 characters each side
    clarke = table[table["name"] == "Clarke"].iloc[0]
    assert clarke["full"] == "Ann Clarke"  # its fullest form in the same document


def test_empty_results_have_the_columns(forms):
    empty = unmatched.unmatched(pd.DataFrame({"doc_id": ["a"], "text": ["nothing here."]}), forms)
    assert empty.empty and list(empty.columns) == list(unmatched.COLUMNS)


@pytest.mark.parametrize(
    "name, full, expected",
    [
        ("Clarke", "Ann Clarke", "Ann Clarke"),
        ("Red Hat", "Chief Technological Officer of Red Hat", "Red Hat"),
        ("Muslim", "The Atheist Muslim", "Muslim"),
        ("Zara Kay", "Tanzanian-born ex-Muslim Zara Kay", "Zara Kay"),
        ("Dorsa Derakhshani", "IM Dorsa Derakhshani", "Dorsa Derakhshani"),
        ("Red Hat", "Did Red Hat", "Red Hat"),
        ("Ann Clarke", "Ann Clarke", "Ann Clarke"),
    ],
)
def test_fuller_forms(name, full, expected):
    assert unmatched.fuller(name, full) == expected


# ---------------------------------------------------------------------------------------------
# The Wikinews corpus (295 articles) with the seed dictionary: what a student reads next.
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wikinews():
    return clean.corpus(files.read_corpus(str(WIKINEWS)))


@pytest.fixture(scope="module")
def wikinews_unmatched(wikinews):
    return unmatched.unmatched(wikinews, actors.load(ROOT / "seeds" / "actors.yml"))


def test_wikinews_unmatched_names_are_names(wikinews_unmatched):
    table = wikinews_unmatched
    names = set(table["name"])
    # no sentence-initial function word, and no title on its own
    assert not names & {"I", "The", "We", "It", "He", "She", "They", "This", "In", "But", "A",
                        "President", "Mr"}
    # nothing the seed dictionary covers ("Vladimir Putin", "Putin", "NATO", "Twitter")
    assert not names & {"Vladimir Putin", "Putin", "NATO", "Twitter", "Russia", "Ukraine"}
    # "WN" labels the interviewer's lines of Wikinews interviews ("((WN))", 719 times in 21
    # articles): a capitalised acronym the dictionary does not cover, rightly listed first.
    assert table["name"].iloc[0] == "WN"
    top = table[table["name"] != "WN"].head(15)
    assert top["name"].iloc[0] == "Trump" and top["full"].iloc[0] == "Donald Trump"
    assert top["title"].iloc[0] == "President"
    assert {"Iran", "Wikinews", "COVID-19"} <= set(top["name"])
    assert dict(zip(table["name"], table["count"]))["Donald Trump"] >= 50
    assert (table["count"].diff().dropna() <= 0).all()  # sorted by count
    assert table["example"].str.len().max() <= 40 + 40 + table["name"].str.len().max()


def test_lower_case_uses_are_counted_as_a_regex_of_the_words_counts_them():
    """Each word's whole-run lower-case uses, against a plain alternation of the words (the
    way this was counted before) on every Wikinews article."""
    import re
    from collections import Counter

    corpus = files.read_corpus(str(WIKINEWS))
    texts = list(corpus["text"])
    words = sorted({w.lower() for t in texts for w in re.findall(r"\b[A-Z][a-z]+\b", t)})
    words += ["smith‐jones", "e-mail", "o'clock", "état"]  # not a run, with a hyphen, ...
    countable = [w for w in words if unmatched._LOWER_WORD.fullmatch(w)]
    alternation = "|".join(map(re.escape, sorted(countable, key=len, reverse=True)))
    plain = re.compile(r"(?<![\w'’-])(?:" + alternation + r")(?![\w'’-])")
    expected = Counter(w for t in texts for w in plain.findall(t))
    found = unmatched._lower_counts(texts, words)
    assert found == expected
    assert len(expected) > 500 and found["smith‐jones"] == 0
