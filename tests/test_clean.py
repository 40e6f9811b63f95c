"""Tests for textkit.clean: each step on small literals (including text that must not change),
the pipeline on the seed article, switching steps off, and the report of what was removed."""

from pathlib import Path

import pandas as pd
import pytest

from textkit import clean, files
from textkit.errors import ParameterError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
def same(text):
    """A case whose text must not change."""
    return (text, text)


COPYRIGHT = (
    "Copyright 2022 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed without permission."
)


@pytest.fixture(scope="module")
def raw():
    return files.read_text(SEED)


@pytest.fixture(scope="module")
def cleaned(raw):
    return clean.text(raw)


# --------------------------------------------------------------------------------------------
# Each step: (input, expected); expected == input means the text must not change
# --------------------------------------------------------------------------------------------

CASES = {
    "nfc": [
        ("Ze\u0301lensky", "Zélensky"),
        ("Zélensky", "Zélensky"),
        ("plain ASCII", "plain ASCII"),
    ],
    "quotes": [
        ("“Russia’s ‘main’ demands”", "\"Russia's 'main' demands\""),
        ("„Nein“ and «non»", '"Nein" and "non"'),
        ("2′ 3″", "2' 3\""),
        ("don\u02bct", "don't"),
        ("plain 'single' and \"double\"", "plain 'single' and \"double\""),
    ],
    "dashes": [
        ("designs – and — then", "designs - and - then"),
        ("de\u2010escalation and \u22125", "de-escalation and -5"),
        ("ex-Soviet", "ex-Soviet"),
    ],
    "whitespace": [
        ("  Kyiv\u00a0 and\tKiev \n\n\n\nNext  ", "Kyiv and Kiev\n\nNext"),
        ("One.\n \t\nTwo.", "One.\n\nTwo."),
        ("Line one\nline two.\n\nNext.", "Line one\nline two.\n\nNext."),
    ],
    "headline_suffix": [
        ("Russia sees little optimism | News\n\nBody.", "Russia sees little optimism\n\nBody."),
        ("Talks fail – The Guardian\n\nBody.", "Talks fail\n\nBody."),
        ("Ukraine crisis - live updates - BBC News\n\nBody.",
         "Ukraine crisis - live updates\n\nBody."),
        ("Hi | News", "Hi"),
        ("No suffix here\n\nBody | kept.", "No suffix here\n\nBody | kept."),
        ("Russia – Ukraine talks resume\n\nBody.", "Russia – Ukraine talks resume\n\nBody."),
        same("KYIV, Ukraine (AP) — Talks end in Geneva."),
        ("KYIV, Ukraine (AP) — Talks.", "KYIV, Ukraine (AP) — Talks."),
        ("NATO — the alliance — said.", "NATO — the alliance — said."),
    ],
    "dateline": [
        ("Headline\n\nMOSCOW — The Kremlin said.", "Headline\n\nThe Kremlin said."),
        ("KYIV, Ukraine (AP) — Talks.", "Talks."),
        ("NEW YORK (AP) -- Stocks fell.", "Stocks fell."),
        ("WASHINGTON—The White House said.", "The White House said."),
        ("MOSCOW — First.\n\nKYIV — Second.", "First.\n\nKYIV — Second."),  # only the first
        same("NATO — the alliance — said.\n\nUS officials."),
        same("US — The president said."),  # a two-letter acronym is no place
        ("U.S.-Russia talks resume.", "U.S.-Russia talks resume."),
        ("COVID-19 cases rose.", "COVID-19 cases rose."),
        ("The Kremlin said on Thursday.", "The Kremlin said on Thursday."),
    ],
    "copyright": [
        (f"Body.\n\n{COPYRIGHT}\n\nEnd.", "Body.\n\n\n\nEnd."),
        ("Body.\n\n© 2022 Reuters\n\nEnd.", "Body.\n\n\n\nEnd."),
        ("Body.\n\n(c) 2022 AP\n\nEnd.", "Body.\n\n\n\nEnd."),
        ("Body.\n\nAP. All Rights Reserved.", "Body.\n\n"),
        ("The copyright law changed.", "The copyright law changed."),
        ("Rights groups reserved judgment.", "Rights groups reserved judgment."),
    ],
    "byline": [
        ("The story ends here.\n\nChristi C. Elwood", "The story ends here."),
        ("Body.\n\nBy Jane Doe", "Body."),
        ("Body.\n\nJane Doe and John Roe", "Body."),
        ("Body.\n\nAP writer Jane Doe in Kyiv contributed to this report.", "Body."),
        same("The story ends here.\n\nSanctions Loom Large."),
        ("Body.\n\nPutin said no.", "Body.\n\nPutin said no."),  # a sentence, not a byline
        ('Body.\n\n"We will see," Biden said.', 'Body.\n\n"We will see," Biden said.'),
        ("Only one paragraph Jane Doe", "Only one paragraph Jane Doe"),
    ],
}


@pytest.mark.parametrize(
    ("step", "given", "expected"),
    [(step, given, expected) for step, cases in CASES.items() for given, expected in cases],
)
def test_step(step, given, expected):
    assert clean.STEPS[step](given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "Russia sees little optimism in US response\n\nThe Kremlin said \"no\" on Thursday.",
        "NATO - the alliance - said it would not expand.\n\nUS officials agreed.",
        "Russia - Ukraine talks resume\n\nDiplomats met in Geneva.",
        "One paragraph only, already clean.",
    ],
)
def test_clean_text_without_furniture_is_unchanged(given):
    assert clean.text(given) == given


def test_every_step_is_in_the_default_pipeline_once():
    assert sorted(clean.NEWS) == sorted(clean.STEPS)
    assert len(set(clean.NEWS)) == len(clean.NEWS)


def test_unknown_step_lists_the_valid_ones():
    with pytest.raises(ParameterError, match="unknown cleaning step 'bylines'; the steps are: "):
        clean.text("x", skip=["bylines"])


# --------------------------------------------------------------------------------------------
# The seed article
# --------------------------------------------------------------------------------------------


def test_seed_has_the_defects_the_tests_rely_on(raw):
    assert raw.count("\u201c") == 17 and raw.count("\u201d") == 15 and raw.count("\u2019") == 14
    assert raw.startswith("Russia sees little optimism in US response to Ukraine crisis | News\n")
    assert raw.rstrip().endswith("Christi C. Elwood")


def test_seed_has_no_curly_quotes_after_cleaning(cleaned):
    for mark in "\u201c\u201d\u2018\u2019":
        assert mark not in cleaned
    assert cleaned.count("'") == 14  # the 14 apostrophes, now ASCII
    assert cleaned.count('"') == 17 + 15


def test_seed_headline_suffix_removed(cleaned):
    assert cleaned.split("\n")[0] == "Russia sees little optimism in US response to Ukraine crisis"
    assert "| News" not in cleaned


def test_seed_dateline_removed_but_moscow_in_the_body_kept(cleaned):
    assert "MOSCOW" not in cleaned
    assert cleaned.split("\n\n")[1].startswith("The Kremlin said on Thursday")
    # "Moscow is planning", "from Moscow,", "warned Moscow", "Moscow's demands", "Moscow's response"
    assert cleaned.count("Moscow") == 5


def test_seed_copyright_and_byline_removed(cleaned):
    for gone in ["Copyright", "reserved", "redistributed", "Associated Press", "Christi", "Elwood"]:
        assert gone not in cleaned
    assert cleaned.endswith(
        "said Dmitry Medvedev, an MP. head of the Russian Security Council, told Russian media."
    )


def test_seed_spacing_dashes_and_defects_in_the_words_are_left_alone(cleaned):
    assert cleaned.count("\n\n") == 28  # 29 paragraphs: headline + 28 body paragraphs
    assert "designs - and" in cleaned and "\u2013" not in cleaned and "\u2014" not in cleaned
    # Cleaning removes furniture; it does not repair the text's own defects.
    for defect in ["demandsbut", "invade. its", "PSAki", "an MP. head", "issue. main"]:
        assert defect in cleaned


@pytest.mark.parametrize(
    ("skip", "still_there"),
    [
        ("headline_suffix", "Ukraine crisis | News\n"),
        ("dateline", "\n\nMOSCOW - The Kremlin said"),
        ("copyright", COPYRIGHT),
        ("byline", "told Russian media.\n\nChristi C. Elwood"),
        ("quotes", "“little cause for optimism”"),
        ("dashes", "designs – and"),
    ],
)
def test_each_seed_step_can_be_switched_off(raw, cleaned, skip, still_there):
    assert still_there not in cleaned
    assert still_there in clean.text(raw, skip=[skip])


def test_skipping_every_step_returns_the_text_unchanged(raw):
    assert clean.text(raw, skip=clean.NEWS) == raw
    assert clean.text(raw, names=()) == raw


def test_corpus_cleans_only_the_text_column(raw, cleaned):
    docs = pd.DataFrame({"doc_id": ["seed", "b"], "text": [raw, "x – y"], "outlet": ["AP", "R"]})
    out = clean.corpus(docs, skip=["byline"])
    assert out["text"].tolist() == [cleaned + "\n\nChristi C. Elwood", "x - y"]
    assert out[["doc_id", "outlet"]].equals(docs[["doc_id", "outlet"]])
    assert docs["text"].tolist() == [raw, "x – y"]  # the input is not modified


def test_report_on_the_seed_lists_what_each_step_removed(raw):
    report = clean.report(pd.DataFrame({"doc_id": ["seed"], "text": [raw]}))
    assert report.columns.tolist() == ["doc_id", "step", "edits", "chars_removed", "detail"]
    assert report.to_dict("records") == [
        {"doc_id": "seed", "step": "headline_suffix", "edits": 1, "chars_removed": 7,
         "detail": " | News"},
        {"doc_id": "seed", "step": "dateline", "edits": 1, "chars_removed": 9,
         "detail": "MOSCOW — "},
        {"doc_id": "seed", "step": "copyright", "edits": 1, "chars_removed": len(COPYRIGHT),
         "detail": COPYRIGHT},
        # The copyright step leaves its blank lines; the byline step takes them with the name.
        {"doc_id": "seed", "step": "byline", "edits": 1,
         "chars_removed": 4 + len("Christi C. Elwood"), "detail": "\n\n\n\nChristi C. Elwood"},
        {"doc_id": "seed", "step": "quotes", "edits": 17 + 15 + 14, "chars_removed": 0,
         "detail": "“ → \" ×17; ” → \" ×15; ’ → ' ×14"},
        {"doc_id": "seed", "step": "dashes", "edits": 3, "chars_removed": 0,
         "detail": "– → - ×3"},
    ]
    assert len(COPYRIGHT) == 151


def test_report_is_empty_for_clean_text_and_respects_skip(raw):
    clean_docs = pd.DataFrame({"doc_id": ["a"], "text": ["Nothing to clean here."]})
    empty = clean.report(clean_docs)
    assert empty.empty
    assert empty.columns.tolist() == ["doc_id", "step", "edits", "chars_removed", "detail"]
    seed = pd.DataFrame({"doc_id": ["seed"], "text": [raw]})
    assert clean.report(seed, skip=["quotes", "dashes"])["step"].tolist() == [
        "headline_suffix", "dateline", "copyright", "byline"
    ]


def test_report_stays_readable_on_a_long_document():
    """Scattered changes in a book-length text: every edit is counted, the detail is bounded."""
    text = "Line  with  double  spaces.\n" * 2000  # 56,000 characters
    report = clean.report(pd.DataFrame({"doc_id": ["book"], "text": [text]}), names=["whitespace"])
    row = report.iloc[0]
    # three doubled spaces per line lose one space each, and the final newline is stripped
    assert (row["edits"], row["chars_removed"]) == (3 * 2000 + 1, 3 * 2000 + 1)
    assert row["detail"] == " … ".join(["' '"] * 12) + " … (5989 more removals)"
