"""A folder corpus with section subfolders at scale: `group_by folder` and keyness per section.

2,400 short articles in four section folders, made from the shipped Wikinews texts (one
paragraph each, so the sections differ): per-section word counts add up to the corpus totals,
and each section's keyness against the rest uses exactly its own and the other sections' sizes.
"""

import pandas as pd
import pytest

from conftest import ROOT
from textkit import clean, dispersion, files, frequency, groups, keyness, stopwords, tokens

SECTIONS = ("business", "politics", "science", "sport")


@pytest.fixture(scope="module")
def sectioned(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sections")
    wiki = files.read_corpus(ROOT / "seeds" / "wikinews" / "*.csv")
    paragraphs = [p.strip() for text in wiki["text"] for p in text.split("\n\n") if len(p) > 200]
    for i in range(2400):
        section = SECTIONS[i % 4]
        path = folder / section / f"{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        # each section draws from its own quarter of the paragraphs
        quarter = len(paragraphs) // 4
        path.write_text(paragraphs[(i // 4) % quarter + (i % 4) * quarter] + "\n", encoding="utf-8")
    docs = clean.corpus(groups.assign(files.read_corpus(folder), "folder"))
    terms = groups.attach(tokens.table(docs, stopwords=stopwords.load()), docs)
    return docs, terms


def test_folder_groups_are_the_sections(sectioned):
    docs, _ = sectioned
    assert len(docs) == 2400
    assert docs["doc_group"].value_counts().to_dict() == {s: 600 for s in SECTIONS}


def test_per_section_counts_add_up_to_the_corpus(sectioned):
    docs, terms = sectioned
    by_group = groups.counts(terms, docs, key="token", sizes=dispersion.part_sizes(terms))
    summed = by_group.groupby("token")["count"].sum().sort_index()
    corpus = frequency.table(terms).set_index("term")["count"].sort_index()
    assert summed.to_dict() == corpus.to_dict()
    sizes = groups.summary(docs, dispersion.part_sizes(terms))
    assert sizes["tokens"].sum() == len(terms) and sizes["documents"].sum() == 2400


def test_keyness_of_each_section_against_the_rest(sectioned):
    _, terms = sectioned
    table = keyness.compare(terms, by="doc_group", min_count=5)
    assert sorted(set(table["doc_group"])) == list(SECTIONS)
    sizes = terms["doc_group"].value_counts()
    for section, rows in table.groupby("doc_group"):
        assert set(rows["c"]) == {sizes[section]}
        assert set(rows["d"]) == {len(terms) - sizes[section]}
        counted = terms[terms["doc_group"] == section]["token"].value_counts()
        sample = rows.head(5)
        assert sample["a"].tolist() == [counted.get(t, 0) for t in sample["term"]]
        assert (sample["direction"] == "over").all() and sample["significant"].all()
