"""Tests for textkit.tokens: word tokens, case folding, filters, n-grams, paragraphs, sentences,
with counts on the seed article checked by reading it; stems and lemmas (textkit.normalising)."""

from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from textkit import clean, files, normalising, tokens
from textkit.errors import ParameterError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap_2022-01-27_russia_ukraine.txt"


@pytest.fixture(scope="module")
def cleaned():
    return clean.text(files.read_text(SEED))


# --------------------------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de-escalation", ["de-escalation"]),
        ("Thomas-Greenfield", ["Thomas-Greenfield"]),
        ("ex-Soviet military-technical", ["ex-Soviet", "military-technical"]),
        ("100,000 troops", ["100,000", "troops"]),
        ("8,500", ["8,500"]),
        ("3.5 percent", ["3.5", "percent"]),
        ("in 2022.", ["in", "2022", "."]),
        ("Russia's", ["Russia", "'s"]),
        ("Russia’s", ["Russia", "’s"]),  # uncleaned: the clitic is split, not glued on
        ("THAT'S", ["THAT", "'S"]),
        ("don't O'Brien", ["don't", "O'Brien"]),
        ("Russians' fears", ["Russians", "'", "fears"]),
        ("#UkrainiansWillResist", ["#UkrainiansWillResist"]),
        ("with @POTUS,", ["with", "@POTUS", ","]),
        ("U.S.", ["U.S."]),
        ("the U.S. and U.N. said", ["the", "U.S.", "and", "U.N.", "said"]),
        ("e.g. this", ["e.g.", "this"]),
        ("Christi C. Elwood", ["Christi", "C", ".", "Elwood"]),  # one initial is not an acronym
        ("G7 and 1990s", ["G7", "and", "1990s"]),
        ("Nord Stream 2", ["Nord", "Stream", "2"]),
        ("response - and", ["response", "-", "and"]),
        ('"little cause"', ['"', "little", "cause", '"']),
        ("demandsbut", ["demandsbut"]),  # a defect of the text stays a defect
        ("invade. its", ["invade", ".", "its"]),
        ("Zélensky", ["Zélensky"]),
        ("", []),
        (" \n\t", []),
    ],
)
def test_words(text, expected):
    assert tokens.words(text) == expected


def test_words_after_a_long_run_of_trailing_whitespace():
    # words() consumes the whitespace before each token inside its match; a trailing run of
    # whitespace once made that rescan from every position (about 40 s for 20,000 spaces, which
    # would show as a slow test). Its speed is measured in benchmarks/bench_tokens.py.
    assert tokens.words("Kyiv." + " \n" * 10_000) == ["Kyiv", "."]
    assert tokens.words("\u00a0" * 20_000) == []


def test_words_keep_the_text_s_characters(cleaned):
    # Tokens are the text minus whitespace, character for character.
    assert "".join(tokens.words(cleaned)) == "".join(cleaned.split())


def test_seed_tokens_special_forms(cleaned):
    counts = Counter(tokens.words(cleaned))
    # Counted by reading the seed:
    assert counts["100,000"] == 2          # "around 100,000 Russian", "more than 100,000 troops"
    assert counts["8,500"] == 1
    assert counts["de-escalation"] == 2    # "a path to de-escalation", "efforts on de-escalation"
    assert counts["Thomas-Greenfield"] == 1
    assert counts["#UkrainiansWillResist"] == 1
    # 14 apostrophes: Russia's x6, Moscow's x2, Ukraine's, Kremlin's, that's/That's x3 -> 13 "'s";
    # the 14th is "don't".
    assert counts["'s"] == 13
    assert counts["don't"] == 1
    assert not [t for t in counts if any(c in t for c in "\u2019\u2018\u201c\u201d")]


# --------------------------------------------------------------------------------------------
# fold
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("US", "US"),
        ("us", "us"),
        ("NATO", "NATO"),
        ("UN", "UN"),
        ("POTUS", "POTUS"),
        ("U.S.", "U.S."),
        ("G7", "G7"),
        ("The", "the"),
        ("PSAki", "psaki"),
        ("Russia", "russia"),
        ("I", "i"),
        ("A", "a"),
        ("'S", "'s"),    # the clitic of "THAT'S" is no acronym
        ("'s", "'s"),
        ("de-escalation", "de-escalation"),
        ("100,000", "100,000"),
        (",", ","),
    ],
)
def test_fold(token, expected):
    assert tokens.fold([token]) == [expected]


def test_fold_keeps_length_and_order():
    given = ["The", "US", "and", "the", "US", "us", "The"]
    assert tokens.fold(given) == ["the", "US", "and", "the", "US", "us", "the"]
    assert tokens.fold([]) == []


def test_seed_us_the_country_is_not_us_the_pronoun(cleaned):
    counts = Counter(tokens.fold(tokens.words(cleaned)))
    # "US" by reading: in US response (headline), senior US officials, US President Joe Biden,
    # reiterate US and allied, recent US military aid, US Ambassador, the US response (Peskov),
    # the US response (Lavrov), seen the US response (Kuleba) = 9. "us": "all of us" = 1.
    assert counts["US"] == 9
    assert counts["us"] == 1
    # NATO: its NATO allies, joining NATO, from NATO, that NATO not expand, NATO said = 5.
    assert counts["NATO"] == 5
    assert counts["UN"] == 1 and counts["POTUS"] == 1
    assert counts["psaki"] == 2  # "Jen Psaki" and the mis-capitalised "PSAki"
    assert counts["PSAki"] == counts["Psaki"] == counts["The"] == 0


# --------------------------------------------------------------------------------------------
# is_word, is_number, select, ngrams
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "word", "number"),
    [
        ("war", True, False),
        ("8,500", True, True),
        ("3.5", True, True),
        ("2022", True, True),
        ("G7", True, False),
        ("1990s", True, False),
        ("'s", True, False),
        ("#Kyiv", True, False),
        (".", False, False),
        ("-", False, False),
        ('"', False, False),
    ],
)
def test_is_word_and_is_number(token, word, number):
    assert tokens.is_word(token) is word
    assert tokens.is_number(token) is number


TOKS = ["the", "US", ",", "sent", "8,500", "troops", "to", "us", "."]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, ["the", "US", "sent", "8,500", "troops", "to", "us"]),
        ({"punctuation": True}, TOKS),
        ({"stopwords": {"the", "to", "us"}}, ["US", "sent", "8,500", "troops"]),
        ({"numbers": False}, ["the", "US", "sent", "troops", "to", "us"]),
        ({"min_length": 3}, ["the", "sent", "8,500", "troops"]),
        ({"min_length": 4, "numbers": False}, ["sent", "troops"]),
        ({"stopwords": {"US"}, "punctuation": True, "min_length": 2},
         ["the", "sent", "8,500", "troops", "to", "us"]),
    ],
)
def test_select(options, expected):
    assert tokens.select(TOKS, **options) == expected


@pytest.mark.parametrize(
    ("toks", "n", "expected"),
    [
        (["united", "states", "rejected", "demands"], 1,
         ["united", "states", "rejected", "demands"]),
        (["united", "states", "rejected", "demands"], 2,
         ["united states", "states rejected", "rejected demands"]),
        (["united", "states", "rejected", "demands"], 3,
         ["united states rejected", "states rejected demands"]),
        (["united", "states", "rejected", "demands"], 4, ["united states rejected demands"]),
        (["united", "states", "rejected", "demands"], 5, []),
        (["kremlin"], 2, []),
        ([], 1, []),
    ],
)
def test_ngrams(toks, n, expected):
    assert tokens.ngrams(toks, n) == expected


def test_ngrams_rejects_n_below_one():
    with pytest.raises(ValueError, match="n must be at least 1, got 0"):
        tokens.ngrams(["a"], 0)


# --------------------------------------------------------------------------------------------
# paragraphs and sentences
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nFirst para.\nStill first.\n\n\nSecond.",
         ["Headline", "First para.\nStill first.", "Second."]),
        ("  One. \n \t\n Two.  ", ["One.", "Two."]),
        ("Only one.", ["Only one."]),
        ("", []),
    ],
)
def test_paragraph_spans(text, expected):
    assert [text[s:e] for s, e in tokens.paragraph_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Putin met Gen. Smith in the U.S. on Jan. 3. He left.",
         ["Mr. Putin met Gen. Smith in the U.S. on Jan. 3.", "He left."]),
        ("The U.S. said no. Russia said yes.", ["The U.S. said no.", "Russia said yes."]),
        ("Sen. Jim Risch and Dr. Jill Biden spoke on Feb. 2.",
         ["Sen. Jim Risch and Dr. Jill Biden spoke on Feb. 2."]),
        ("Prices rose 3.5 percent. Markets fell.", ["Prices rose 3.5 percent.", "Markets fell."]),
        ('Talks ended. "We will see," he said.', ["Talks ended.", '"We will see," he said.']),
        ("No final stop\n\nNext paragraph", ["No final stop", "Next paragraph"]),
        ("A line\nwrapped inside a paragraph.", ["A line\nwrapped inside a paragraph."]),
    ],
)
def test_sentences(text, expected):
    assert tokens.sentences(text) == expected
    assert [text[s:e] for s, e in tokens.sentence_spans(text)] == expected


def test_extra_abbreviations():
    text = "It cost approx. 5 dollars. Fine."
    assert tokens.sentences(text) == ["It cost approx. 5 dollars.", "Fine."]
    assert tokens.sentences("See Fig. 2 here.") == ["See Fig.", "2 here."]
    assert tokens.sentences("See Fig. 2 here.", abbreviations=tokens.ABBREVIATIONS | {"fig"}) == [
        "See Fig. 2 here."
    ]


def test_seed_sentences(cleaned):
    found = tokens.sentences(cleaned)
    # Counted by reading the 29 paragraphs of the cleaned seed (headline = 1 sentence):
    # per paragraph 1,1,3,1,3,1,1,4,1,2,2,1,2,3,2,2,1,2,1,3,1,2,1,1,1,1,1,1,2 = 48.
    assert len(found) == 48
    # Three of those splits come from defects in the text, each a missing word or a stray stop:
    # "planning to invade. its ex-Soviet neighbour", "on the issue. main", "an MP. head of".
    assert "its ex-Soviet neighbour." in found
    assert 'main".' in found
    assert "head of the Russian Security Council, told Russian media." in found
    repaired = (
        cleaned.replace("invade. its", "invade its")
        .replace("the issue. main", "the main issue")
        .replace("an MP. head", "an MP and head")
    )
    assert len(tokens.sentences(repaired)) == 45
    # No split at the abbreviation-like stops, and no sentence crosses a paragraph.
    assert not [s for s in found if "\n\n" in s]
    assert "Thanked President Joe Biden for ongoing military assistance." in found


def test_seed_sentence_spans_point_into_the_text(cleaned):
    spans = tokens.sentence_spans(cleaned)
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(cleaned) for s, e in spans)
    assert [cleaned[s:e] for s, e in spans] == tokens.sentences(cleaned)


# --------------------------------------------------------------------------------------------
# normalise: stems and lemmas (textkit.normalising), offline
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("word", "stem", "lemma"),
    [
        ("talks", "talk", "talk"),
        ("negotiations", "negoti", "negotiation"),
        ("went", "went", "go"),
        ("children", "children", "child"),
        ("was", "was", "be"),
        ("running", "run", "run"),
        ("russia", "russia", "russia"),   # a lower-case word keeps a lower-case lemma
        ("US", "US", "US"),               # acronyms are kept as written...
        ("NATO", "NATO", "NATO"),
        ("U.S.", "U.S.", "U.S."),
        ("G7", "G7", "G7"),
        ("us", "us", "we"),               # ...so the pronoun never merges with the country
        ("'s", "'s", "'s"),               # the clitic, numbers, hashtags, handles stay
        ("8,500", "8,500", "8,500"),
        ("#UkrainiansWillResist", "#UkrainiansWillResist", "#UkrainiansWillResist"),
        ("@POTUS", "@POTUS", "@POTUS"),
        ("de-escalation", "de-escal", "de-escalation"),
    ],
)
def test_normalise_english(word, stem, lemma):
    assert tokens.normalise([word], "stem") == [stem]
    assert tokens.normalise([word], "lemma") == [lemma]
    assert tokens.normalise([word]) == [word]  # the default: the word as written


@pytest.mark.parametrize(
    ("language", "words", "stems", "lemmas"),
    [
        ("de", ["Häuser", "Kinder", "laufen"], ["Haus", "Kind", "lauf"],
         ["Haus", "Kind", "laufen"]),
        ("fr", ["chevaux", "maisons", "mangeait"], ["cheval", "maison", "mang"],
         ["cheval", "maison", "manger"]),
    ],
)
def test_normalise_other_languages(language, words, stems, lemmas):
    assert tokens.normalise(words, "stem", language=language) == stems
    assert tokens.normalise(words, "lemma", language=language) == lemmas


def test_normalise_maps_each_type_once_and_keeps_order(monkeypatch):
    seen = []
    stems = normalising._stems

    def spy(words, language):
        seen.append(list(words))
        return stems(words, language)

    monkeypatch.setitem(normalising.NORMALISERS, "stem", (spy, ("en",)))
    result = tokens.normalise(["talks", "US", "talks", "talked", "talks"], "stem")
    assert result == ["talk", "US", "talk", "talk", "talk"]
    assert seen == [["talks", "talked"]]  # distinct words, acronyms left out
    assert tokens.normalise([], "stem") == []


def test_normalise_errors_name_the_choices():
    with pytest.raises(ParameterError, match=r"parameter normalise must be one of 'none', "
                                             r"'stem', 'lemma', got 'stems'"):
        tokens.normalise(["a"], "stems")
    with pytest.raises(ParameterError, match=r"language must be .*'lemma'.*got 'ne'.*\bde\b"):
        tokens.normalise(["a"], "lemma", language="ne")  # Nepali: a stemmer but no lemmatiser
    assert tokens.normalise(["a"], "stem", language="ne") == ["a"]
    with pytest.raises(ParameterError, match=r"parameter language must be a language code"):
        docs = pd.DataFrame({"doc_id": ["a"], "text": ["x"]})
        tokens.table(docs, normalise="stem", language="xx")


def test_table_normalise_option():
    docs = pd.DataFrame({"doc_id": ["a"], "text": ["The US talks went on. Talks about us."]})
    assert tokens.table(docs)["token"].tolist() == [
        "the", "US", "talks", "went", "on", "talks", "about", "us"]
    stems = tokens.table(docs, normalise="stem", stopwords={"the", "on", "about"})
    assert stems["token"].tolist() == ["US", "talk", "went", "talk", "us"]
    assert stems["position"].tolist() == [2, 3, 4, 6, 8]  # positions of the words as written
    lemmas = tokens.table(docs, n=2, normalise="lemma")
    assert lemmas["token"].tolist() == [
        "the US", "US talk", "talk go", "go on", "talk about", "about we"]


def test_registries_match_the_installed_packages():
    import Stemmer
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    assert set(normalising.STEMMERS.values()) <= set(Stemmer.algorithms())
    assert set(normalising.LEMMATISERS) == set(SUPPORTED_LANGUAGES)
    assert set(normalising.RULES) == {"normalise", "language"}


def test_normalise_works_without_a_network(monkeypatch):
    """Stems and lemmas (of a language not loaded before) need nothing from the network."""
    import socket

    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert tokens.normalise(["casas"], "lemma", language="es") == ["casa"]
    assert tokens.normalise(["casas"], "stem", language="es") == ["cas"]


def test_the_shipped_combining_mark_ranges_are_this_pythons():
    """textkit/data/combining_marks.txt saves every process 0.4 s; it must say what unicodedata says."""
    import unicodedata

    from conftest import ROOT

    version, ranges = (ROOT / "textkit" / "data" / "combining_marks.txt").read_text("ascii").split()
    assert version == unicodedata.unidata_version
    assert ranges == tokens._find_mark_ranges() == tokens._mark_ranges()
    assert "\\U00000300-\\U0000036f" in ranges  # the combining diacritics, by hand


def test_is_word_is_any_character_isalnum_over_all_of_unicode():
    """is_word asks the regex engine; str.isalnum() is the definition, character by character."""
    import sys

    differ = [c for c in map(chr, range(sys.maxunicode + 1))
              if tokens.is_word(c) != c.isalnum()]
    assert differ == []
    assert [tokens.is_word(t) for t in ["_", "__x", "—", "٣", "ß", "'s", "", "a_"]] == [
        False, True, False, True, True, True, False, True]
