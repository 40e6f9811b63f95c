"""Tests for textkit.quotes: quotation marks, speakers and verbs, share of voice."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from textkit import actors, clean, files, quotes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"

# ---------------------------------------------------------------------------------------------
# The hand attribution of the seed's 17 quotations (17 opening curly marks; 15 closing ones:
# two quotations run open to the end of their paragraph, AP style). Each row:
# (speaker actor, reporting verb, how it is found, first words of the quotation).
# ---------------------------------------------------------------------------------------------
HAND_QUOTES = [
    # "The Kremlin said on Thursday there was "little cause for optimism"": the Kremlin
    # speaks; it is a metonym of Russia, so the speaker is Russia.
    ("Russia", "said", "before", "little cause for optimism"),
    # ""Had a long phone conversation with POTUS," Zelenskyy tweeted."
    ("Volodymyr Zelenskyy", "tweeted", "after", "Had a long phone"),
    # The rest of the tweet, left open to the end of the paragraph: same speaker.
    ("Volodymyr Zelenskyy", "tweeted", "continued", "Discussed recent diplomatic"),
    # "The White House said in a statement that Biden told Zelenskyy he was "exploring ..."":
    # ambiguous between the White House (which reports) and Biden (whose words they are);
    # the verb nearest the quotation is "told", whose subject is Biden.
    ("Joe Biden", "told", "before", "exploring additional"),
    # "what US Ambassador Linda Thomas-Greenfield described as "threatening behavior""
    ("Linda Thomas-Greenfield", "described", "before", "threatening behavior"),
    # "She said ... constituted "a clear threat ..."": "She" is the nearest preceding person,
    # Thomas-Greenfield.
    ("Linda Thomas-Greenfield", "said", "before", "a clear threat"),
    # "Kremlin spokesman Dmitry Peskov told reporters earlier that ... left "little room ...""
    ("Dmitry Peskov", "told", "before", "little room for optimism"),
    # "But he added that "there are always prospects ..."": "he" is Peskov.
    ("Dmitry Peskov", "added", "before", "there are always prospects"),
    # ""We don't know ... We hope not," PSAki said."
    ("Jen Psaki", "said", "after", "We don't know"),
    # "Foreign Minister Sergei Lavrov said ... "the opening of a serious discussion ...""
    ("Sergei Lavrov", "said", "before", "the opening of a serious"),
    # "..., but stressed that "the document does not contain ..."": the verb has no subject;
    # the speaker carries over from the previous quotation in the sentence.
    ("Sergei Lavrov", "stressed", "continued", "the document does not"),
    # "Putin alone will determine ... He warned of unspecified "military-technical measures"":
    # "He" is Putin (the nearest preceding person; Russia is a country).
    ("Vladimir Putin", "warned", "before", "military-technical measures"),
    # "Dmytro Kuleba said Kiev had seen ... He tweeted that it was "important ...""
    ("Dmytro Kuleba", "tweeted", "before", "important that the United States"),
    # ""This crisis is a moment of truth, ..." he said." -- "he" is Kuleba, from the
    # paragraph before ("Kuleba stressed the need ..."); mentions inside quotations are skipped.
    ("Dmytro Kuleba", "said", "after", "This crisis is a moment"),
    # The second half, open to the end of the paragraph: Kuleba again.
    ("Dmytro Kuleba", "said", "continued", "That's why we talk about economic"),
    # ""No one will force Ukrainians ...," wrote Andrii Levus"
    ("Andrii Levus", "wrote", "after", "No one will force"),
    # ""Cuba and Venezuela aim ...," said Dmitry Medvedev"
    ("Dmitry Medvedev", "said", "after", "Cuba and Venezuela aim"),
]


@pytest.fixture(scope="module")
def dictionary():
    return actors.load(ROOT / "seeds" / "actors.yml")


def seed_quotes(dictionary, skip=()):
    docs = clean.corpus(files.read_corpus(SEED), skip=skip)
    return quotes.table(docs, actors.mentions(docs, dictionary))


@pytest.mark.parametrize("skip", [(), ("quotes",)], ids=["cleaned", "curly quotes kept"])
def test_seed_quotations_match_the_hand_attribution(dictionary, skip):
    table = seed_quotes(dictionary, skip)
    got = [
        (speaker, verb, how, quote[: len(start)].replace("\u2019", "'"))
        for speaker, verb, how, quote, start in zip(
            table["speaker"], table["verb"], table["attribution"], table["quote"],
            [row[3] for row in HAND_QUOTES],
        )
    ]
    assert got == HAND_QUOTES
    assert table["closed"].tolist().count(False) == 2


def test_seed_share_of_voice(dictionary):
    voice = quotes.voice(seed_quotes(dictionary))
    assert dict(zip(voice["actor"], voice["quotes"])) == {
        "Dmytro Kuleba": 3, "Volodymyr Zelenskyy": 2, "Dmitry Medvedev": 1, "Dmitry Peskov": 2,
        "Sergei Lavrov": 2, "Linda Thomas-Greenfield": 2, "Jen Psaki": 1, "Andrii Levus": 1,
        "Joe Biden": 1, "Russia": 1, "Vladimir Putin": 1,
    }
    # quoted words, counted by hand ("don't" is one word, the possessive 's is not a word)
    assert dict(zip(voice["actor"], voice["words"]))["Dmytro Kuleba"] == 18 + 14 + 34
    assert voice["actor"].tolist()[0] == "Dmytro Kuleba"
    groups = quotes.voice(seed_quotes(dictionary), by="group")
    assert dict(zip(groups["group"], groups["quotes"])) == {"Ukraine": 6, "Russia": 7, "United States": 4}


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Yes," he said.', ['"Yes,"']),
        ("“Yes,” he said.", ["“Yes,”"]),
        # left open: runs to the end of the paragraph, not into the next one
        ("“One. Two.\n\nNext “three”.", ["“One. Two.", "“three”"]),
        # a stray closing mark opens nothing
        ("He said” no. “Yes”", ["“Yes”"]),
        # no quotation
        ("It's Russia's view.", []),
    ],
)
def test_spans(text, expected):
    found = quotes.spans(text)
    assert [text[s:e] for s, e in zip(found["start"], found["end"])] == expected


FORMS = actors.parse(yaml.compose("""
actors:
  - {name: Jen Psaki, type: person, aliases: [Psaki]}
  - {name: Dmitry Peskov, type: person, aliases: [Peskov]}
  - {name: Russia, type: country, metonyms: [Kremlin]}
"""))


@pytest.mark.parametrize(
    "text, speaker, verb, how",
    [
        ('"No," Psaki said.', "Jen Psaki", "said", "after"),
        ('"No," said Psaki.', "Jen Psaki", "said", "after"),
        ('"No," Psaki has also warned.', "Jen Psaki", "warned", "after"),
        ('Psaki told reporters: "No."', "Jen Psaki", "told", "before"),
        ('Peskov met Psaki. "No," she said.', "Jen Psaki", "said", "after"),  # nearest person
        ('Psaki met Peskov. She said "no".', "Dmitry Peskov", "said", "before"),  # gender not checked
        ('The Kremlin said "no".', "Russia", "said", "before"),
        ('"No," the paper said.', "", "", "none"),
        ('Psaki left. "No."', "", "", "none"),
    ],
)
def test_attribution_rules(text, speaker, verb, how):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    row = quotes.table(docs, actors.mentions(docs, FORMS)).iloc[0]
    assert (row["speaker"], row["verb"], row["attribution"]) == (speaker, verb, how)


def test_no_metonyms_no_kremlin_speaker(dictionary):
    docs = clean.corpus(files.read_corpus(SEED))
    table = quotes.table(docs, actors.mentions(docs, dictionary, metonyms=False))
    assert table.iloc[0]["speaker"] == ""
    assert (table["speaker"] == "").sum() == 1


def test_voice_on_no_quotations():
    empty = quotes.table(pd.DataFrame({"doc_id": ["a"], "text": ["No quotes."]}), actors.mentions(
        pd.DataFrame({"doc_id": ["a"], "text": ["No quotes."]}), FORMS))
    assert empty.empty and list(empty.columns) == list(quotes.COLUMNS)
    assert quotes.voice(empty).empty
