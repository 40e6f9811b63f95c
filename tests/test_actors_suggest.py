"""Tests for drafting an actor dictionary from a corpus: textkit.draft and `textkit actors suggest`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from textkit import actors, clean, cli, draft, files

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
SEED_ACTORS = ROOT / "seeds" / "actors.yml"
WIKINEWS = ROOT / "seeds" / "wikinews" / "*.csv"

TEXT = (
    "Ann Clarke of the International Monetary Fund met Russian officials in Kaliningrad. "
    "Ms Clarke said the IMF would help Russia. Clarke and Russians disagreed.\n\n"
    "The IMF and Russia talked. Kaliningrad was calm, said Ann Clarke."
)


def draft_of(text: str = TEXT, **options) -> pd.DataFrame:
    return draft.table(pd.DataFrame({"doc_id": ["a"], "text": [text]}), **options)


def test_names_are_grouped_with_their_variants():
    table = draft_of()
    rows = {row.name: row for row in table.itertuples(index=False)}
    # Ann Clarke x2, Ms Clarke, Clarke: one person, the variants as aliases
    assert (rows["Ann Clarke"].aliases, rows["Ann Clarke"].count, rows["Ann Clarke"].titles) == ("Clarke", 4, "Ms")
    assert rows["Ann Clarke"].type == "person"
    # the acronym joins the name whose initials it spells
    assert (rows["International Monetary Fund"].aliases, rows["International Monetary Fund"].count) == ("IMF", 3)
    assert rows["International Monetary Fund"].type == "organisation"
    # demonyms join their place
    assert (rows["Russia"].demonyms, rows["Russia"].count, rows["Russia"].type) == ("Russian; Russians", 4, "place")
    assert list(table["name"]) == ["Ann Clarke", "Russia", "International Monetary Fund", "Kaliningrad"]
    assert list(table.columns) == list(draft.COLUMNS)


@pytest.mark.parametrize(
    "options, names",
    [
        ({"min_count": 4}, ["Ann Clarke", "Russia"]),
        ({"top_n": 1}, ["Ann Clarke"]),
        ({"min_count": 5}, []),
    ],
)
def test_min_count_and_top_n(options, names):
    assert list(draft_of(**options)["name"]) == names


def test_a_dictionary_leaves_out_what_it_covers():
    known = actors.parse(yaml.compose("actors:\n  - {name: Russia, type: country, demonyms: [Russians]}"))
    table = draft_of(dictionary=known)
    assert "Russia" not in set(table["name"])
    # "Russian" is not covered by the dictionary (only "Russians"): it stays, on its own
    assert "Russians" not in ";".join(table["demonyms"]) + ";".join(table["aliases"])


@pytest.mark.parametrize(
    "name",
    ["No", "Yes", "True", "null", "2019", "O'Brien", "Bashar al-Assad", "Côte d'Ivoire",
     "AT&T", "Who: Me", "#Resist", "- Dash", "Ann  Clarke".replace("  ", " "), "[Bracket]", "Mr. Smith"],
)
def test_every_name_survives_the_yaml(name):
    d = pd.DataFrame({"name": [name], "type": ["other"], "aliases": [f"{name} Jr"],
                      "demonyms": [""], "count": [2], "documents": [1], "titles": [""],
                      "example": ['a "quoted" # line']})
    forms = actors.parse(yaml.compose(draft.to_yaml(d, corpus="news: 2019")))
    assert forms["alias"].tolist() == [name, f"{name} Jr"]
    assert forms.attrs["corpus"] == "news: 2019"


@pytest.mark.parametrize(
    "path, label",
    [("seeds/wikinews/*.csv", "wikinews"), ("news/", "news"), ("a/b.txt", "b.txt"),
     ("news/2022-*.txt", "news"), ("articles.csv", "articles.csv")],
)
def test_corpus_label(path, label):
    assert draft.corpus_label(path) == label


def test_the_seed_draft_loads_and_fits_its_corpus():
    docs = clean.corpus(files.read_corpus(SEED))
    text = draft.suggest(docs, corpus=draft.corpus_label(str(SEED)), top_n=20)
    forms = actors.parse(yaml.compose(text), source="draft.yml")
    assert forms.attrs["corpus"] == "ap_2022-01-27_russia_ukraine.txt"
    assert actors.fits(forms, files.read_corpus(SEED)) is None
    russia = forms[forms["actor"] == "Russia"]
    assert set(russia["alias"]) == {"Russia", "Russian", "Russians"}
    putin = forms[forms["actor"] == "Vladimir Putin"]
    assert set(putin["alias"]) == {"Vladimir Putin", "Putin"}
    assert "  - name: Russia  # 24 mentions in 1 document\n" in text  # 14 + 8 + 2


# ---------------------------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------------------------
def suggest(*args: str) -> int:
    return cli.main(["actors", "suggest", "--corpus", str(SEED), *args])


def test_cli_prints_the_draft(capsys):
    assert suggest("--top", "3") == 0
    out = capsys.readouterr().out
    forms = actors.parse(yaml.compose(out))
    assert forms["actor"].nunique() == 3


def test_cli_writes_never_overwrites_unless_forced(tmp_path, capsys):
    target = tmp_path / "my_actors.yml"
    assert suggest("--output", str(target), "--min-count", "3") == 0
    first = target.read_text(encoding="utf-8")
    assert actors.load(target)["actor"].nunique() >= 5
    assert "edit it, then run with -p actors" in capsys.readouterr().err
    # a second run refuses, and leaves the file as it was
    assert suggest("--output", str(target), "--top", "2") == 2
    err = capsys.readouterr().err
    assert "the file exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == first
    assert suggest("--output", str(target), "--top", "2", "--force") == 0
    assert actors.load(target)["actor"].nunique() == 2


def test_cli_extends_a_dictionary(capsys):
    assert suggest("--actors", str(SEED_ACTORS), "--min-count", "2") == 0
    forms = actors.parse(yaml.compose(capsys.readouterr().out))
    assert set(forms["actor"]) == {"Europe", "Baltic Sea"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["--actors", str(SEED_ACTORS), "--min-count", "5"], "nothing to draft"),
        (["--min-count", "0"], "parameter min_count must be a whole number of at least 1"),
        (["--top", "5000"], "parameter top_n must be a whole number from 1 to 1000"),
    ],
)
def test_cli_errors(capsys, args, message):
    assert suggest(*args) == 2
    assert message in capsys.readouterr().err


def test_cli_missing_corpus(tmp_path, capsys):
    assert cli.main(["actors", "suggest", "--corpus", str(tmp_path / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# Wikinews: a sensible draft for a corpus the seed dictionary does not fit
# ---------------------------------------------------------------------------------------------
def test_wikinews_draft():
    docs = clean.corpus(files.read_corpus(str(WIKINEWS)))
    table = draft.table(docs, top_n=100)
    assert len(table) == 100 and (table["count"].diff().dropna() <= 0).all()
    rows = {row.name: row for row in table.itertuples(index=False)}
    assert rows["Donald Trump"].type == "person" and "Trump" in rows["Donald Trump"].aliases.split("; ")
    assert "President" in rows["Donald Trump"].titles
    assert "Biden" in rows["Joe Biden"].aliases.split("; ")
    assert "UK" in rows["United Kingdom"].aliases.split("; ")
    assert "EU" in rows["European Union"].aliases.split("; ")
    # after "WN", the interviewer label of Wikinews interviews (see test_actors_unmatched)
    assert table["name"].tolist()[:2] == ["WN", "Donald Trump"]
    forms = actors.parse(yaml.compose(draft.to_yaml(table, corpus="wikinews")))
    assert forms["actor"].nunique() == 100
