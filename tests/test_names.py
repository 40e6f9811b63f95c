"""Tests for textkit.names: capitalised names, their titles, kinds and fullest forms."""

from __future__ import annotations

import pandas as pd
import pytest

from textkit import names


def found(text):
    table = names.find(text)
    return [(n, t, k) for n, t, k in zip(table["name"], table["title"], table["kind"])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # sentence-initial function words are not names; the name after them is
        ("The Kremlin said no.", [("Kremlin", "", "unknown")]),
        ("It was late. We left. I stayed.", []),
        ("However, Ann Clarke said no.", [("Ann Clarke", "", "person")]),
        # a single capitalised first word is a name only with other evidence
        ("Officials said no.", []),
        ("Ann Clarke spoke. Clarke said no.", [("Ann Clarke", "", "person"), ("Clarke", "", "person")]),
        # titles, capitalised and lower case
        ("Prime Minister Boris Johnson spoke.", [("Boris Johnson", "Prime Minister", "person")]),
        ("It was Mr. Smith.", [("Smith", "Mr", "person")]),  # the title without its stop
        ("He met Dr Jane Roe.", [("Jane Roe", "Dr", "person")]),
        ("Santa Barbara County Sheriff Bill Brown spoke.", [("Bill Brown", "Santa Barbara County Sheriff", "person")]),
        ("He met prime minister Theresa May.", [("Theresa May", "prime minister", "person")]),
        ("The spokesman John Kirby spoke.", [("John Kirby", "spokesman", "person")]),
        # particles, initials, hyphens, apostrophes; the possessive is not part of the name
        ("He met Bashar al-Assad and George W. Bush.", [("Bashar al-Assad", "", "person"), ("George W. Bush", "", "person")]),
        ("Ann O'Brien's car.", [("Ann O'Brien", "", "person")]),
        ("It is the Bank of England.", [("Bank of England", "", "organisation")]),
        # kinds
        ("He left Nevada for the NTSB and Downing Street.",
         [("Nevada", "", "place"), ("NTSB", "", "organisation"), ("Downing Street", "", "place")]),
        ("He joined the United States Coast Guard.", [("United States Coast Guard", "", "organisation")]),
        # days and months alone are not names; "May" inside a name is
        ("On Monday, in May, Clarke Smith spoke.", [("Clarke Smith", "", "person")]),
        # a run does not cross a comma or a sentence end
        ("Paris, London. Berlin", [("Paris", "", "place"), ("London", "", "place"), ("Berlin", "", "place")]),
    ],
)
def test_find(text, expected):
    assert found(text) == expected


def test_offsets_point_at_the_name():
    text = 'Earlier, Mr Tom Smith said "Yes". Smith left.'
    table = names.find(text)
    assert [text[s:e] for s, e in zip(table["start"], table["end"])] == table["name"].tolist()


def test_fullest_form_before_or_after_and_nearest():
    text = "Clarke spoke first. Later Ann Clarke left. Tom Clarke came. Clarke said no."
    table = names.find(text)
    assert table["full"].tolist() == ["Ann Clarke", "Ann Clarke", "Tom Clarke", "Tom Clarke"]
    assert set(table["kind"]) == {"person"}


def test_a_title_makes_a_person_everywhere():
    table = names.find("Mr Jones arrived. Later, Jones left with Alpha.")
    assert table["kind"].tolist() == ["person", "person", "unknown"]


def test_empty_text_has_the_columns():
    table = names.find("")
    assert table.empty and list(table.columns) == list(names.COLUMNS)


@pytest.mark.parametrize(
    "text, expected",
    [
        # "of" joins after an organisation, place or title word, not after a person's name
        ("Dr. Tristan Smith of University College London spoke.",
         [("Tristan Smith", "Dr", "person"), ("University College London", "", "organisation")]),
        ("He left the Ministry of Internal Affairs.", [("Ministry of Internal Affairs", "", "organisation")]),
        ("He wrote to the Center for Food Safety.", [("Center for Food Safety", "", "organisation")]),
        # a possessive before an organisation word stays inside the name
        ("The Alachua Sheriff's Office said so.", [("Alachua Sheriff's Office", "", "organisation")]),
        # a title alone, or a run ending in a title, is a role
        ("The Senate Minority Leader spoke to the President.", []),
        # a title with "of", letters after a name, a person's title before a place word
        ("US Secretary of State Mike Pompeo spoke.", [("Mike Pompeo", "US Secretary of State", "person")]),
        ("Judge Durham Hall QC spoke.", [("Durham Hall", "Judge", "person")]),
        # styles stay in the name
        ("Pope Francis spoke.", [("Pope Francis", "Pope", "person")]),
    ],
)
def test_find_more(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text, name, full",
    [
        ("Recep Tayyip Erdoğan spoke. Erdogan left.", "Erdogan", "Recep Tayyip Erdoğan"),
        ("Ricardo Rosselló Nevares spoke. Rosselló left.", "Rosselló", "Ricardo Rosselló Nevares"),
        ("The Ford Motor Company spoke. Ford left.", "Ford", "Ford Motor Company"),
        ("The Federal Aviation Administration (FAA) spoke. The FAA left.", "FAA", "Federal Aviation Administration"),
        # two people with one surname: the nearest in the paragraph, else the first introduced
        ("Joe Biden spoke.\n\nHunter Biden left. Biden said no.\n\nBiden won.", "Biden", None),
    ],
)
def test_fullest_forms(text, name, full):
    table = names.find(text)
    fulls = table[table["name"] == name]["full"].tolist()
    if full is None:
        assert fulls == ["Hunter Biden", "Joe Biden"]
    else:
        assert fulls == [full] * len(fulls) and fulls


def test_records_are_the_table_rows():
    text = "Ann Clarke met Mr Tom Reed in London."
    assert names.records(text) == list(names.find(text).itertuples(index=False, name=None))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hyphen (U+2010) inside a name keeps one word, not a second name inside it
        ("Ann Smith\u2010Jones spoke to Tom Reed.", ["Ann Smith\u2010Jones", "Tom Reed"]),
        # a capital after a lower-case particle or prefix: the word is capitalised
        ("Later, al-Assad met the ex-Muslim Zara Kay in Damascus.",
         ["al-Assad", "ex-Muslim Zara Kay", "Damascus"]),
        # a possessive before an organisation word, "of the", particles and initials join a run
        ("He met members of the People's Party and the Bank of the West.",
         ["People's Party", "Bank of the West"]),
        ("Ludwig van Beethoven and J.K. Rowling met.", ["Ludwig van Beethoven", "J.K. Rowling"]),
        # capitals beyond a-z
        ("État officials met Élodie Durand in Besançon.", ["Élodie Durand", "Besançon"]),
        # no capital at all: nothing to visit
        ("meanwhile, nobody was named here at all.", []),
    ],
)
def test_runs_join_only_across_their_gaps(text, expected):
    assert names.find(text)["name"].tolist() == expected


def test_table_types():
    for text in ("", "Ann Clarke met Mr Tom Reed in London."):
        table = names.find(text)
        assert table.dtypes.astype(str).tolist() == ["int64", "int64"] + ["object"] * 4
        assert table.index.equals(pd.RangeIndex(len(table)))


def test_a_run_finds_each_texts_names_once(tmp_path, monkeypatch):
    """Quotations, then unmatched names: with the run's cache the second pass reads the first's."""
    text = "The Bank of England met Mr. Smith. Clarke said the Federal Aviation Administration (FAA) agreed."
    expected = names.records(text)  # no cache folder: found here
    assert [(r[2], r[5]) for r in expected] == [
        ("Bank of England", "Bank of England"), ("Smith", "Smith"),
        ("Federal Aviation Administration", "Federal Aviation Administration"),
        ("FAA", "Federal Aviation Administration")]
    monkeypatch.setenv("TEXTKIT_CACHE", str(tmp_path))
    assert names.records(text) == expected
    monkeypatch.setattr(names, "_records", lambda text: pytest.fail("found again"))
    assert names.records(text) == expected
    with pytest.raises(pytest.fail.Exception, match="found again"):
        names.records(text + " Jones left.")
