"""Tests for textkit.actors: the dictionary file, the matching rules, and the seed's hand count.

Case rules, roles, the corpus check and choosing defaults: tests/test_actors_case.py; names the
dictionary misses and drafting a dictionary: tests/test_actors_unmatched.py and
tests/test_actors_suggest.py.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from textkit import actors, clean, files
from textkit.errors import ActorsFileError, ParameterError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
DICTIONARY = ROOT / "seeds" / "actors.yml"

# ---------------------------------------------------------------------------------------------
# The hand count. Made by reading the cleaned seed article sentence by sentence (the headline
# is sentence 1; the dateline "MOSCOW -", the copyright paragraph and the byline are removed by
# cleaning, so they are not mentions). Counts by kind of form: name, alias, demonym, metonym.
# ---------------------------------------------------------------------------------------------
HAND_COUNT = {
    # "Russia" 14 (incl. "Russia's" x6, the headline, "southwestern Russia").
    # "Russian" 8 + "Russians" 2 = 10 demonyms. Not counted: "Russian" in "Russian Security
    # Council" (an organisation of its own; the longest form wins).
    # Metonyms: "Moscow" 5 (the dateline "MOSCOW -" is removed) and "Kremlin" 3. Ambiguous:
    # "the Kremlin" could be an organisation (the presidential administration); we follow the
    # issue's own example and treat it as a place standing for Russia.
    "Russia": {"name": 14, "alias": 0, "demonym": 10, "metonym": 8},
    # "United States" 8. "US" 9 (the headline, "US officials", "US President", "reiterate US",
    # "US military aid", "US Ambassador", "the US response" x3) + "Biden administration" 1
    # (the government, not the man) = 10 aliases. "us" in "all of us" is the pronoun: NOT the
    # United States (acronyms match only in capitals). "Americans" 1 demonym. Metonyms:
    # "Washington" 1, "White House" 2.
    "United States": {"name": 8, "alias": 10, "demonym": 1, "metonym": 3},
    # "Ukraine" 10; not counted: "Ukraine" inside "The Ministry of Internal Affairs of Ukraine"
    # (an organisation, longest form wins). "Ukrainian" 3 + "Ukrainians" 2 = 5 demonyms; the
    # hashtag "#UkrainiansWillResist" is one word, not a mention. "Kiev" 1 metonym.
    "Ukraine": {"name": 10, "alias": 0, "demonym": 5, "metonym": 1},
    # "NATO" 5 + "the Western alliance" 1 (it is NATO here). Not counted: "the alliance" in
    # "that the alliance refrain" (a common noun referring back, like a pronoun).
    "NATO": {"name": 5, "alias": 1, "demonym": 0, "metonym": 0},
    # "President Vladimir Putin" 1; "Putin" 5, incl. "President Putin" inside Kuleba's quotation
    # and the adjectival "a senior Putin official".
    "Vladimir Putin": {"name": 1, "alias": 5, "demonym": 0, "metonym": 0},
    # "Joe Biden" 2; "POTUS" 1 (in Zelenskyy's tweet), "Biden" 2 ("Biden told", "Putin and
    # Biden"). "the Biden administration" is counted for the United States, not here.
    "Joe Biden": {"name": 2, "alias": 3, "demonym": 0, "metonym": 0},
    # "Dmitry Peskov" 1, "Peskov" 2. "Kremlin spokesman" before his name is a Russia metonym.
    "Dmitry Peskov": {"name": 1, "alias": 2, "demonym": 0, "metonym": 0},
    # The article never writes the canonical "Volodymyr Zelenskyy": once misspelt
    # "Volodmyr Zelenskyy" (listed as an alias), twice "Zelenskyy".
    "Volodymyr Zelenskyy": {"name": 0, "alias": 3, "demonym": 0, "metonym": 0},
    # "Germany" 2; "German" 1 ("German Foreign Minister").
    "Germany": {"name": 2, "alias": 0, "demonym": 1, "metonym": 0},
    "Cuba": {"name": 2, "alias": 0, "demonym": 0, "metonym": 0},
    "Venezuela": {"name": 2, "alias": 0, "demonym": 0, "metonym": 0},
    # "Dmytro Kuleba" 1, "Kuleba" 1 ("He tweeted", "he said" are pronouns, not mentions).
    "Dmytro Kuleba": {"name": 1, "alias": 1, "demonym": 0, "metonym": 0},
    # "Jen Psaki" 1, "PSAki" 1 (mixed case is not an acronym, so case is ignored).
    "Jen Psaki": {"name": 1, "alias": 1, "demonym": 0, "metonym": 0},
    "Sergei Lavrov": {"name": 1, "alias": 1, "demonym": 0, "metonym": 0},
    # "ex-Soviet" (the hyphen ends a word) and "the Soviet times": the former state.
    "Soviet Union": {"name": 0, "alias": 0, "demonym": 2, "metonym": 0},
    "Andrii Levus": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Annalena Baerbock": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Belarus": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Denmark": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    # "said Dmitry Medvedev, an MP. head of the Russian Security Council": the text is garbled
    # ("an MP. head"); Medvedev 1 and the Council 1.
    "Dmitry Medvedev": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Russian Security Council": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Facebook": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Twitter": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    # "US Ambassador Linda Thomas-Greenfield": one mention, the hyphenated name matched whole;
    # "US" before it is a separate mention of the United States. "She said" is a pronoun.
    "Linda Thomas-Greenfield": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    "Ministry of Internal Affairs of Ukraine": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    # "if the West refuses": "the West" is its own actor; "the Western Hemisphere" is not it.
    "The West": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    # "the UN Security Council" is one mention of the Council, not also of the UN.
    "UN Security Council": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
    # "the Charter of the United Nations" (inside Thomas-Greenfield's quotation).
    "United Nations": {"name": 1, "alias": 0, "demonym": 0, "metonym": 0},
}

# The first mention of each actor: (paragraph, sentence), numbered from 1; the headline is
# paragraph 1 and sentence 1. Punkt splits the article's "to invade. its ex-Soviet" and
# "an MP. head", so sentence numbers after those defects are one higher than a reader expects.
FIRST = {
    "Russia": (1, 1), "United States": (1, 1), "Ukraine": (1, 1), "NATO": (3, 3),
    "Soviet Union": (3, 4), "Germany": (5, 9), "Vladimir Putin": (6, 10),
    "Joe Biden": (7, 11), "Volodymyr Zelenskyy": (7, 11), "Dmitry Peskov": (11, 19),
    "Jen Psaki": (12, 21), "Linda Thomas-Greenfield": (10, 17), "Dmitry Medvedev": (29, 47),
}


@pytest.fixture(scope="module")
def dictionary():
    return actors.load(DICTIONARY)


@pytest.fixture(scope="module")
def docs():
    return clean.corpus(files.read_corpus(SEED))


@pytest.fixture(scope="module")
def seed_mentions(docs, dictionary):
    return actors.mentions(docs, dictionary)


def test_the_dictionary_covers_every_actor_of_the_hand_count(dictionary):
    assert set(dictionary["actor"]) == set(HAND_COUNT)
    people = set(dictionary.loc[dictionary["type"] == "person", "actor"])
    assert len(people) == 11  # the eleven named people


def test_the_seed_matches_the_hand_count_form_by_form(seed_mentions):
    found = (
        seed_mentions.groupby(["actor", "kind"]).size().unstack(fill_value=0)
        .reindex(columns=list(actors.KINDS), fill_value=0)
    )
    got = {actor: {k: int(row[k]) for k in actors.KINDS} for actor, row in found.iterrows()}
    # the seed dictionary has no roles: every actor's role count is 0
    assert got == {actor: {**kinds, "role": 0} for actor, kinds in HAND_COUNT.items()}


def test_counts_table_matches_the_hand_count(seed_mentions):
    table = actors.counts(seed_mentions)
    got = dict(zip(table["actor"], table["mentions"]))
    assert got == {a: sum(k.values()) for a, k in HAND_COUNT.items()}
    assert sum(got.values()) == 121
    direct = dict(zip(table["actor"], table["direct"]))
    assert direct["Russia"] == 14 and direct["United States"] == 18 and direct["Soviet Union"] == 0
    first = {a: (p, s) for a, p, s in zip(table["actor"], table["first_paragraph"], table["first_sentence"])}
    assert {a: first[a] for a in FIRST} == FIRST
    assert table["share"].sum() == pytest.approx(1, abs=1e-5)
    assert list(table["actor"][:3]) == ["Russia", "United States", "Ukraine"]
    russia = table[table["actor"] == "Russia"].iloc[0]
    assert (russia["name"], russia["demonym"], russia["metonym"], russia["role"]) == (14, 10, 8, 0)


def test_switching_demonyms_and_metonyms_off(docs, dictionary):
    table = actors.counts(actors.mentions(docs, dictionary, demonyms=False, metonyms=False))
    got = dict(zip(table["actor"], table["mentions"]))
    expected = {
        a: k["name"] + k["alias"] for a, k in HAND_COUNT.items() if k["name"] + k["alias"]
    }
    assert got == expected  # the Soviet Union (demonyms only) drops out
    # the organisation still wins over a demonym that is switched off
    assert "Russian Security Council" in got


def test_group_counts(seed_mentions):
    table = actors.counts(seed_mentions, by="group")
    assert dict(zip(table["group"], table["mentions"])) == {
        "Russia": 45, "United States": 30, "Ukraine": 23, "Europe": 12, "Other": 9,
        "International": 2,
    }
    assert dict(zip(table["group"], table["actors"]))["Russia"] == 6


def test_the_dateline_is_not_a_mention(dictionary):
    raw = SEED.read_text(encoding="utf-8")
    moscow = lambda text: sum(  # noqa: E731
        actors.find(text, dictionary)["alias"] == "Moscow"
    )
    assert moscow(clean.text(raw)) == 5
    assert moscow(clean.text(raw, skip=("dateline",))) == 6


def test_mentions_are_the_same_on_uncleaned_quotes(docs, dictionary, seed_mentions):
    raw = files.read_corpus(SEED)
    curly = actors.mentions(clean.corpus(raw, skip=["quotes"]), dictionary)
    assert curly[["actor", "kind", "alias"]].equals(seed_mentions[["actor", "kind", "alias"]])


# ---------------------------------------------------------------------------------------------
# Matching rules, one case each: (text, expected mentions as (actor, kind, matched text)).
# ---------------------------------------------------------------------------------------------
RULES_YAML = """
actors:
  - name: United States
    type: country
    aliases: [US, U.S., United States of America]
    demonyms: [American, Americans]
    metonyms: [White House, Washington]
  - {name: Vladimir Putin, type: person, aliases: [Putin]}
  - {name: Jen Psaki, type: person, aliases: [Psaki]}
  - {name: Linda Thomas-Greenfield, type: person, aliases: [Thomas-Greenfield]}
  - {name: Russia, type: country, demonyms: [Russian, Russians]}
  - {name: Russian Security Council, type: organisation}
  - {name: Sergei Lavrov, type: person, aliases: [Lavrov, Sergey Lavrov, O'Lavrov]}
  - {name: Volodymyr Zelenskyy, type: person, aliases: [Zelenskyy, Zelensky, Zelenskiy]}
  - {name: Ukraine, type: country, demonyms: [Ukrainians], metonyms: [Kyiv, Kiev]}
"""


@pytest.fixture(scope="module")
def rules():
    return actors.parse(yaml.compose(RULES_YAML), source="rules.yml")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the longest form wins; no overlapping second mention
        ("Vladimir Putin spoke.", [("Vladimir Putin", "name", "Vladimir Putin")]),
        ("the Russian Security Council met", [("Russian Security Council", "name", "Russian Security Council")]),
        ("the United States of America", [("United States", "alias", "United States of America")]),
        # whole words only
        ("Putinism and Russians", [("Russia", "demonym", "Russians")]),
        ("#UkrainiansWillResist", []),
        ("USA", []),
        # possessives, straight and curly
        ("Putin's and Putin’s", [("Vladimir Putin", "alias", "Putin"), ("Vladimir Putin", "alias", "Putin")]),
        ("Russians' view", [("Russia", "demonym", "Russians")]),
        # hyphenated names match whole; a hyphen ends other words
        ("Thomas-Greenfield said", [("Linda Thomas-Greenfield", "alias", "Thomas-Greenfield")]),
        ("pro-Russian", [("Russia", "demonym", "Russian")]),
        # acronyms only in capitals; other forms in any case
        ("all of us", []),
        ("Us and US", [("United States", "alias", "US")]),
        ("the U.S. said", [("United States", "alias", "U.S.")]),
        ("PSAki and psaki", [("Jen Psaki", "alias", "PSAki"), ("Jen Psaki", "alias", "psaki")]),
        # spelling variants
        ("Zelensky, Zelenskiy, Zelenskyy", [("Volodymyr Zelenskyy", "alias", f) for f in ("Zelensky", "Zelenskiy", "Zelenskyy")]),
        ("Kyiv or Kiev", [("Ukraine", "metonym", "Kyiv"), ("Ukraine", "metonym", "Kiev")]),
        ("Sergey Lavrov", [("Sergei Lavrov", "alias", "Sergey Lavrov")]),
        # a line break or double space inside a multi-word form; apostrophe variants
        ("the White\nHouse", [("United States", "metonym", "White\nHouse")]),
        ("O’Lavrov", [("Sergei Lavrov", "alias", "O’Lavrov")]),
    ],
)
def test_matching_rules(rules, text, expected):
    found = actors.find(text, rules)
    assert list(zip(found["actor"], found["kind"], found["text"])) == expected


def test_kind_and_alias_are_recorded(rules):
    found = actors.find("Americans in Washington; US", rules)
    assert found[["kind", "alias", "text"]].values.tolist() == [
        ["demonym", "Americans", "Americans"],
        ["metonym", "Washington", "Washington"],
        ["alias", "US", "US"],
    ]


def test_an_acronym_in_the_wrong_case_falls_back_to_a_shorter_form():
    forms = actors.parse(yaml.compose(
        "actors:\n  - {name: Utah, type: other, aliases: [ut]}\n  - {name: University of Texas, type: organisation, aliases: [UT AUSTIN]}"
    ))
    found = actors.find("ut austin; UT AUSTIN", forms)
    assert list(zip(found["actor"], found["text"])) == [("Utah", "ut"), ("University of Texas", "UT AUSTIN")]


def test_switches_change_which_forms_match(rules):
    text = "Americans in Washington"
    assert len(actors.find(text, rules)) == 2
    assert actors.find(text, rules, demonyms=False)["kind"].tolist() == ["metonym"]
    assert actors.find(text, rules, metonyms=False)["kind"].tolist() == ["demonym"]


# ---------------------------------------------------------------------------------------------
# Dictionary errors: each names the file and line, what was wrong and what to do.
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content, line, words",
    [
        # YAML syntax error
        ("actors:\n  - name: Putin\n    type: [person\n", 4, ["YAML syntax error"]),
        # an actor without a name
        ("actors:\n  - type: person\n    group: Russia\n", 2, ["no name"]),
        ("actors:\n  - name: ''\n    type: person\n", 2, ["no name"]),
        # an unknown type
        ("actors:\n  - name: Putin\n    type: human\n", 3, ["unknown type 'human'", "person, country, organisation, place, other"]),
        # duplicate names (case ignored)
        ("actors:\n  - {name: Putin, type: person}\n  - {name: PUTIN, type: person}\n", 3, ["used twice", "line 2"]),
        # the same alias claimed by two actors
        ("actors:\n  - {name: Russia, type: country, metonyms: [Moscow]}\n"
         "  - {name: Moscow City, type: other, aliases: [moscow]}\n", 3, ["already claimed by actor 'Russia'", "line 2"]),
        # an alias that repeats the actor's own name
        ("actors:\n  - {name: Putin, type: person, aliases: [Putin]}\n", 2, ["already claimed by the same actor"]),
        # an empty alias
        ("actors:\n  - name: Putin\n    type: person\n    aliases: [Vladimir Putin, '']\n", 4, ["empty alias"]),
        ("actors:\n  - name: Putin\n    type: person\n    aliases:\n      - Vladimir\n      -\n", 6, ["empty alias"]),
        # a non-list where a list belongs
        ("actors:\n  - name: Putin\n    type: person\n    aliases: Vladimir Putin\n", 4, ["must be a list", "aliases: [Vladimir Putin]"]),
        ("actors:\n  name: Putin\n", 2, ["must hold a list"]),
        # other mistakes
        ("actors:\n  - name: Putin\n    type: person\n    alias: [Vlad]\n", 4, ["unknown key 'alias'", "Did you mean 'aliases'?"]),
        ("actors:\n  - name: Putin\n", 2, ["no type"]),
        ("people:\n  - name: Putin\n", 1, ["no 'actors:' key"]),
        ("actors: []\n", 1, ["list is empty"]),
        ("", 1, ["an empty file"]),
        ("actors:\n  - {name: Putin, type: person, aliases: ['--']}\n", 2, ["no letter or digit"]),
    ],
)
def test_dictionary_errors_name_the_file_and_line(tmp_path, content, line, words):
    path = tmp_path / "my_actors.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorsFileError) as caught:
        actors.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: line {line}")
    for word in words:
        assert word in message


def test_missing_dictionary_file(tmp_path):
    with pytest.raises(ActorsFileError, match=r"my_actors\.yml: file not found"):
        actors.load(tmp_path / "my_actors.yml")


def test_actors_file_error_is_a_value_error():
    assert issubclass(ActorsFileError, ValueError)


def test_forms_table(dictionary):
    assert list(dictionary.columns) == list(actors.FORM_COLUMNS)
    assert set(dictionary["case"]) == {"sensitive", "ignore"}
    assert dictionary.attrs["corpus"] == "ap_2022-01-27_russia_ukraine.txt"
    putin = dictionary[dictionary["actor"] == "Vladimir Putin"]
    assert putin["kind"].tolist()[0] == "name" and "Putin" in putin["alias"].tolist()
    assert set(dictionary["type"]) <= set(actors.TYPES)
    # every form appears once, ignoring case
    assert not dictionary["alias"].str.lower().duplicated().any()


# ---------------------------------------------------------------------------------------------
# Co-mentions, KWIC, unmatched names
# ---------------------------------------------------------------------------------------------
def test_co_mentions_on_the_seed(seed_mentions):
    pairs = actors.co_mentions(seed_mentions, scope="sentence")
    row = pairs[(pairs["actor_a"] == "Joe Biden") & (pairs["actor_b"] == "Volodymyr Zelenskyy")].iloc[0]
    # together in sentence 11 ("US President Joe Biden spoke with ... Volodmyr Zelenskyy") and
    # sentence 16 ("Biden told Zelenskyy"); Biden is in 5 sentences (11, 12, 14, 16, 31),
    # Zelenskyy in 3 (11, 12, 16): POTUS and Zelenskyy share sentence 12 too.
    assert (row["together"], row["units_a"], row["units_b"]) == (3, 5, 3)
    assert row["dice"] == round(2 * 3 / (5 + 3), 6)
    assert pairs.iloc[0][["actor_a", "actor_b"]].tolist() == ["Russia", "United States"]
    assert (pairs["actor_a"] < pairs["actor_b"]).all()
    by_paragraph = actors.co_mentions(seed_mentions, scope="paragraph")
    assert by_paragraph["together"].sum() > pairs["together"].sum()


def test_co_mentions_refuses_an_unknown_scope(seed_mentions):
    with pytest.raises(ParameterError, match="scope must be one of 'sentence', 'paragraph', got 'page'"):
        actors.co_mentions(seed_mentions, scope="page")


def test_matrix_is_symmetric(seed_mentions):
    grid = actors.matrix(actors.co_mentions(seed_mentions), top_n=5)
    assert grid.shape == (5, 5)
    assert (grid.to_numpy() == grid.to_numpy().T).all()
    assert list(grid.index[:3]) == ["Russia", "United States", "Ukraine"]


def test_concordance_for_putin(docs, dictionary):
    lines = actors.concordance(docs, dictionary, actor="Vladimir Putin", width=20)
    assert lines["match"].tolist() == ["Vladimir Putin", "Putin", "Putin", "Putin", "Putin", "Putin"]
    assert lines.iloc[0]["left"] == "re now on President "
    assert (lines["left"].str.len() <= 20).all()


def test_concordance_shows_the_mentions_counted(docs, dictionary, seed_mentions):
    # Russia: 14 names, 10 demonyms, 8 metonyms; "Russian" inside "Russian Security Council"
    # is the Council's mention, so it is not a line for Russia either
    lines = actors.concordance(docs, dictionary, actor="Russia", width=20)
    assert len(lines) == 32
    assert lines["kind"].value_counts().to_dict() == {"name": 14, "demonym": 10, "metonym": 8}
    russia = seed_mentions[seed_mentions["actor"] == "Russia"]
    assert lines["start"].tolist() == russia["start"].tolist()


def test_concordance_names_an_unknown_actor(docs, dictionary):
    with pytest.raises(ParameterError, match="'Vladimir Puttin' is not an actor.*'Vladimir Putin'"):
        actors.concordance(docs, dictionary, actor="Vladimir Puttin")


def test_unmatched_names_on_the_seed(docs, dictionary):
    table = actors.unmatched(docs, dictionary)
    got = dict(zip(table["name"], table["count"]))
    # Read in the article: every capitalised name no form covers. Titles are split off the
    # names they stand before, so "President" (Vladimir Putin, Joe Biden x2, Putin), "Foreign
    # Minister" (Kuleba, Lavrov, Baerbock) and "Ambassador" (Thomas-Greenfield) are not listed
    # on their own: their names are covered. How textkit.names reads two spots may vary (it
    # decides where a name ends): "the Charter of the United Nations" (its head word "Charter"
    # is not covered) and the garbled "an MP. head".
    certain = {"Europe": 3, "Baltic Sea": 2, "Arctic": 1, "Eastern Europe": 1, "Kaliningrad": 1,
               "Noire": 1, "Nord Stream": 1, "Western Hemisphere": 1}
    assert {name: got.get(name) for name in certain} == certain
    assert set(got) - set(certain) <= {"Charter", "Charter of the United Nations", "MP"}
    assert list(table.columns) == ["name", "kind", "title", "full", "count", "documents",
                                   "first_doc", "first_start", "example"]
    row = table[table["name"] == "Kaliningrad"].iloc[0]
    assert docs["text"].iloc[0][row["first_start"]:].startswith("Kaliningrad")
    assert "combat aircraft in Kaliningrad on the Baltic Sea" in row["example"]
    # with an empty-ish dictionary, the names the seed dictionary covers show up
    small = actors.parse(yaml.compose("actors:\n  - {name: Europe, type: other}"))
    names = set(actors.unmatched(docs, small)["name"])
    assert {"Dmitry Peskov", "Kremlin", "Jen Psaki", "Russia", "Zelenskyy"} <= names
    assert any(name.startswith("Ministry of Internal Affairs") for name in names)


def test_empty_inputs(dictionary):
    empty = pd.DataFrame({"doc_id": ["a"], "text": ["Nothing to see here."]})
    found = actors.mentions(empty, dictionary)
    assert found.empty and list(found.columns) == list(actors.MENTION_COLUMNS)
    assert actors.counts(found).empty
    assert actors.co_mentions(found).empty


def test_a_run_finds_the_mentions_once(docs, dictionary, seed_mentions, tmp_path, monkeypatch):
    """Notebooks 02 and 04 find the same mentions; with the run's cache the second reads them."""
    monkeypatch.setenv("TEXTKIT_CACHE", str(tmp_path))
    pd.testing.assert_frame_equal(actors.mentions(docs, dictionary), seed_mentions)
    monkeypatch.setattr(actors, "_mentions", lambda *args: pytest.fail("found again"))
    pd.testing.assert_frame_equal(actors.mentions(docs, dictionary), seed_mentions)
    with pytest.raises(pytest.fail.Exception, match="found again"):  # other forms chosen
        actors.mentions(docs, dictionary, demonyms=False)
