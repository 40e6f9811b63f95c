"""Tests for textkit.speakers and textkit.referents: speakers found in the text whether or not
the dictionary has them, and who the words naming them refer to."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from textkit import actors, quotes, referents, speakers

# ---------------------------------------------------------------------------------------------
# Speakers: found in the text whether or not the dictionary has them.
# ---------------------------------------------------------------------------------------------

FORMS = actors.parse(yaml.compose("""
actors:
  - {name: Jen Psaki, type: person, aliases: [Psaki]}
  - {name: Dmitry Peskov, type: person, aliases: [Peskov]}
  - {name: Boris Johnson, type: person, aliases: [Johnson]}
  - {name: Russia, type: country, metonyms: [Kremlin]}
"""))


def attribute(text):
    docs = pd.DataFrame({"doc_id": ["a"], "text": [text]})
    return quotes.table(docs, actors.mentions(docs, FORMS))


@pytest.mark.parametrize(
    "text, speaker, actor, verb, how",
    [
        ('"No," Psaki said.', "Psaki", "Jen Psaki", "said", "after"),
        ('"No," said Psaki.', "Psaki", "Jen Psaki", "said", "after"),
        ('"No," Psaki has also warned.', "Psaki", "Jen Psaki", "warned", "after"),
        ('Psaki told reporters: "No."', "Psaki", "Jen Psaki", "told", "before"),
        ('The Kremlin said "no".', "Kremlin", "Russia", "said", "before"),
        # a speaker the dictionary does not have, named in the very sentence, gets the quotation
        # -- not the dictionary person named nearby
        ('Boris Johnson spoke. "It is a disaster," said Ann Clarke, an opposition spokeswoman.',
         "Ann Clarke", "", "said", "after"),
        ('Boris Johnson spoke. Ann Clarke said: "It is a disaster."', "Ann Clarke", "", "said", "before"),
        ('Boris Johnson spoke. Opposition spokesman Tom Reed told the BBC "it is a disaster".',
         "Tom Reed", "", "told", "before"),
        # titles are left out of the speaker (kept in ``title``)
        ('"No," said Prime Minister Boris Johnson.', "Boris Johnson", "Boris Johnson", "said", "after"),
        # fullest form: "Clarke" is "Ann Clarke", named earlier or later
        ('Ann Clarke arrived. "No," Clarke said.', "Ann Clarke", "", "said", "after"),
        ('"No," Mrs Clarke said. Ann Clarke then left.', "Ann Clarke", "", "said", "after"),
        # pronouns resolve to a person in the text, in or out of the dictionary
        ('Peskov left. Psaki stayed. "No," she said.', "Psaki", "Jen Psaki", "said", "pronoun"),
        ('Peskov left. Ann Clarke stayed. "No," she said.', "Ann Clarke", "", "said", "pronoun"),
        ('Mrs Ann Clarke met Tom Reed. "No," he said.', "Tom Reed", "", "said", "pronoun"),
        ('Reporters met the Acme Corporation. "No," it said.', "Acme Corporation", "", "said", "pronoun"),
        # roles, and a role that names a person met before
        ('"It is a disaster," a Downing Street spokesman said.', "Downing Street spokesman", "", "said", "after"),
        ('"No," police said.', "police", "", "said", "after"),
        ('Foreign Minister Ann Clarke spoke. "No," the minister told a local paper.',
         "Ann Clarke", "", "told", "after"),
        # appositions, "according to", passives, participles
        ('Ann Clarke, 45, a teacher, said "it is a disaster".', "Ann Clarke", "", "said", "before"),
        ('According to Ann Clarke, "it is a disaster".', "Ann Clarke", "", "according to", "before"),
        ('It was described by Ann Clarke as "a disaster".', "Ann Clarke", "", "described", "before"),
        ('Ann Clarke left the room, saying "it is a disaster".', "Ann Clarke", "", "saying", "before"),
        # "told" after a name: the name is the listener, not the speaker
        ('Ann Clarke left. He was told "it is a disaster".', "", "", "told", "none"),
        # nobody
        ('"No," the paper said.', "paper", "", "said", "after"),
        ('Psaki left. Nobody came.\n\n"No, not now."', "", "", "", "none"),
    ],
)
def test_attribution_rules(text, speaker, actor, verb, how):
    row = attribute(text).iloc[-1]
    assert (row["speaker"], row["actor"], row["verb"], row["attribution"]) == (speaker, actor, verb, how)


def test_title_kind_and_speaker_text():
    row = attribute('"No," said Prime Minister Boris Johnson.').iloc[0]
    assert (row["title"], row["speaker_kind"], row["speaker_text"]) == ("Prime Minister", "person", "Boris Johnson")
    row = attribute('"No," a Downing Street spokesman said.').iloc[0]
    assert (row["speaker_kind"], row["speaker_text"], row["actor"]) == ("role", "a Downing Street spokesman", "")


def test_continued_quotations_keep_their_speaker():
    table = attribute('"One," said Ann Clarke. "Two.\n\n"Three.\n\n"Four," she added.')
    assert table["speaker"].tolist() == ["Ann Clarke"] * 4
    assert table["attribution"].tolist() == ["after", "continued", "continued", "pronoun"]


def test_no_quotation_goes_to_a_dictionary_actor_when_the_text_names_someone_else():
    text = ("Boris Johnson defended the plan on Monday.\n\n"
            '"This is a disaster for families," said Ann Clarke, the opposition health spokeswoman. '
            '"It will not work."\n\nJohnson said he was "confident".')
    table = attribute(text)
    assert table["speaker"].tolist() == ["Ann Clarke", "Ann Clarke", "Boris Johnson"]
    assert table["actor"].tolist() == ["", "", "Boris Johnson"]


def test_a_long_document_keeps_every_speaker():
    # one long document (every look-up is a bisection; benchmarks/bench_quotes.py times the gold)
    paragraph = 'Ann Clarke met Tom Reed. "It is a disaster for us," she said. "Yes," said Reed.'
    table = attribute("\n\n".join([paragraph] * 200))
    assert len(table) == 400
    assert set(table["speaker"]) == {"Ann Clarke", "Tom Reed"}


def document(text, forms=FORMS):
    mentions = actors.mentions(pd.DataFrame({"doc_id": ["a"], "text": [text]}), forms)
    return referents.build("a", text, mentions, referents.dictionary_forms(mentions))


def test_attribute_gives_one_attribution_per_quotation():
    found = speakers.attribute(document('"One," said Ann Clarke. "Two," she added.'))
    assert [(a.entity.speaker, a.words, a.verb, a.how) for a in found] == [
        ("Ann Clarke", "Ann Clarke", "said", "after"), ("Ann Clarke", "she", "added", "pronoun"),
    ]


def test_a_surname_mention_links_the_fuller_name_when_the_given_name_agrees():
    forms = actors.parse(yaml.compose(
        "actors:\n  - {name: Volodymyr Zelenskyy, type: person, aliases: [Zelensky]}"))
    doc = document('Volodymyr Zelensky met Ann Clarke. "No," Zelensky said. "Yes," Clarke said.', forms)
    assert [(e.text, e.speaker, e.actor) for e in doc.names] == [
        ("Volodymyr Zelensky", "Volodymyr Zelensky", ""), ("Ann Clarke", "Ann Clarke", ""),
        ("Zelensky", "Volodymyr Zelensky", "Volodymyr Zelenskyy"), ("Clarke", "Ann Clarke", ""),
    ]
    assert [a.entity.actor for a in speakers.attribute(doc)] == ["Volodymyr Zelenskyy", ""]


@pytest.mark.parametrize(
    "chunk, role",
    [
        ("a Downing Street spokesman", "a Downing Street spokesman"),
        ("police", "police"),
        ("the minister", "the minister"),
        ("In a statement", ""),  # a function word first: not a role
        ("governor tweeted her reasoning", ""),  # a reporting verb inside: not a role
    ],
)
def test_role_phrases(chunk, role):
    assert referents.role_phrase(chunk) == role
