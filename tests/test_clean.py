"""Tests for textkit.clean, textkit.furniture and textkit.finders: each step on small literals
(including text that must not change), the character steps against reference implementations, the
pipeline on the seed article, the labelled evaluation set (precision and recall per step), the
Wikinews corpus (only the first-line dates go), corpus evidence, and the report and removal tables.

Run ``python tests/test_clean.py`` to print the evaluation table."""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from textkit import clean, files, furniture
from textkit.errors import ParameterError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
WIKINEWS = ROOT / "seeds" / "wikinews"
CASES_FILE = Path(__file__).resolve().parent / "data" / "cleaning_cases.json"
FURNITURE_STEPS = ("headline_suffix", "dateline", "byline", "copyright", "boilerplate")
#: The recall every furniture step must reach on the labelled set (precision must be 1.0).
RECALL_TARGET = 0.95

COPYRIGHT = (
    "Copyright 2022 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed without permission."
)


def same(text):
    """A case whose text must not change."""
    return (text, text)


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
        ("   ", ""),
    ],
    "headline_suffix": [
        ("Russia sees little optimism | News\n\nBody.", "Russia sees little optimism\n\nBody."),
        ("Talks fail in Geneva – The Guardian\n\nBody.", "Talks fail in Geneva\n\nBody."),
        ("Ukraine crisis - live updates - BBC News\n\nBody.",
         "Ukraine crisis - live updates\n\nBody."),
        ("Budget plans 'reckless' - Smith - BBC News\n\nBody.",
         "Budget plans 'reckless' - Smith\n\nBody."),
        same("Budget plans 'reckless' - Smith\n\nBody."),
        same("Hi | News"),  # a site name is shorter than the headline before it
        same("No suffix here\n\nBody | kept."),
        same("Russia – Ukraine talks resume\n\nBody."),
        same("KYIV, Ukraine (AP) — Talks end in Geneva."),
        same("NATO — the alliance — said."),
    ],
    "dateline": [
        ("Headline\n\nMOSCOW — The Kremlin said.", "Headline\n\nThe Kremlin said."),
        ("KYIV, Ukraine (AP) — Talks.", "Talks."),
        ("NEW YORK (AP) -- Stocks fell.", "Stocks fell."),
        ("WASHINGTON—The White House said.", "The White House said."),
        ("MOSCOW — First.\n\nKYIV — Second.", "First.\n\nKYIV — Second."),  # only the first
        ("Friday, January 4, 2019\u00a0\n\n\nA building collapsed.", "A building collapsed."),
        same("NATO — the alliance — said.\n\nUS officials."),
        same("US — The president said."),  # a two-letter acronym is no place
        same("U.S.-Russia talks resume."),
        same("COVID-19 cases rose."),
        same("The Kremlin said on Thursday."),
        same("PM QUITS — The end of an era\n\nBody."),  # no sentence after the dash
        same("The court sat on Monday.\n\nFriday, January 4, 2019\n\nIt resumed."),  # mid-article
    ],
    "byline": [
        ("The story ends here.\n\n" + COPYRIGHT + "\n\nChristi C. Elwood",
         "The story ends here.\n\n" + COPYRIGHT),
        ("Body.\n\nBy Jane Doe", "Body."),
        ("Headline\n\nBy Jane Doe and John Roe\n\nBody text of the story.",
         "Headline\n\nBody text of the story."),
        ("Body.\n\nAP writer Jane Doe in Kyiv contributed to this report.", "Body."),
        ("Body.\n\nReporting by Jane Doe; Editing by John Roe", "Body."),
        same("The story ends here.\n\nChristi C. Elwood"),  # a lone name: no evidence
        same("Body.\n\nJane Doe and John Roe"),
        same("The story ends here.\n\nSanctions Loom Large."),
        same("Body.\n\nPutin said no."),
        same('Body.\n\n"We will see," Biden said.'),
        same("By Tuesday, the fire had spread.\n\nBody."),
        same("Only one paragraph Jane Doe"),
    ],
    "copyright": [
        (f"Body.\n\n{COPYRIGHT}\n\nEnd.", "Body.\n\nEnd."),
        ("Body.\n\n© 2022 Reuters\n\nEnd.", "Body.\n\nEnd."),
        ("Body.\n\n(c) 2022 AP\n\nEnd.", "Body.\n\nEnd."),
        ("Body.\n\nAP. All Rights Reserved.", "Body."),
        ("He said so. Copyright 2022 AP. All rights reserved.", "He said so."),
        same("The copyright law changed."),
        same("Rights groups reserved judgment."),
        same("Copyright lawyers said the ruling was wrong.\n\nEnd."),
        same("The estate said all rights reserved by him pass to his children."),
        same('"All rights reserved," read the sign.'),
    ],
    "boilerplate": [
        ("Body.\n\nFollow AP's coverage of the war at https://apnews.com/hub/russia-ukraine",
         "Body."),
        same("Body.\n\nFollow the money, the prosecutor said."),
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
        "Budget plans 'reckless' - Smith\n\nThe match ended 2-1.\n\nMichael Oliver",
    ],
)
def test_clean_text_without_furniture_is_unchanged(given):
    assert clean.text(given) == given


def test_every_step_is_in_the_default_pipeline_once():
    assert sorted(clean.NEWS) == sorted(clean.STEPS)
    assert len(set(clean.NEWS)) == len(clean.NEWS)
    assert clean.NEWS.index("byline") < clean.NEWS.index("copyright")  # sees the notice


def test_unknown_step_lists_the_valid_ones():
    with pytest.raises(ParameterError, match="unknown cleaning step 'bylines'; the steps are: "):
        clean.text("x", skip=["bylines"])


# --------------------------------------------------------------------------------------------
# The character steps against reference implementations, on random strings
# --------------------------------------------------------------------------------------------


def _reference_whitespace(text):
    """The whitespace rule written the obvious way (three passes)."""
    text = re.sub(r"[^\S\n]+", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n\s*\n\s*", "\n\n", text).strip()


def test_character_steps_match_reference_implementations():
    rng = random.Random(1)
    alphabet = list("ab .\n\t\u00a0\r\u2028\u3000e\u0301\u0308\u00e9\u212bA\u030a\u1100\u1161"
                    "\u11a8x\u0327c“”’—–")
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert clean.nfc(text) == unicodedata.normalize("NFC", text), repr(text)
        assert clean.whitespace(text) == _reference_whitespace(text), repr(text)
        assert clean.quotes(text) == text.translate(str.maketrans(clean._QUOTE_MAP))
        assert clean.dashes(text) == text.translate(str.maketrans(clean._DASH_MAP))


def test_space_chars_are_exactly_what_backslash_s_matches():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    assert re.findall(r"\s", every) == re.findall(f"[{clean.SPACE_CHARS}]", every)


# --------------------------------------------------------------------------------------------
# The seed article: the hand-checked removals of seeds/README.md, with known-pattern evidence
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


def test_removals_on_the_seed_are_the_four_hand_checked_ones(raw):
    table = clean.removals(pd.DataFrame({"doc_id": ["seed"], "text": [raw]}))
    assert table.columns.tolist() == ["doc_id", "step", "rule", "start", "end", "removed"]
    assert table[["step", "rule", "removed"]].values.tolist() == [
        ["headline_suffix", "section name after a bar", "| News"],
        ["dateline", "wire dateline", "MOSCOW —"],
        ["copyright", "copyright notice", COPYRIGHT],  # in text order
        ["byline", "name after a copyright notice", "Christi C. Elwood"],
    ]
    for row in table.itertuples():  # positions are in the text as read
        assert raw[row.start : row.end] == row.removed


def test_report_on_the_seed_summarises_each_step(raw):
    report = clean.report(pd.DataFrame({"doc_id": ["seed"], "text": [raw]}))
    assert report.columns.tolist() == [
        "step", "documents", "edits", "chars_changed", "chars_removed", "rules", "examples"
    ]
    assert report["step"].tolist() == list(clean.NEWS)  # every step, even those with no change
    rows = report.set_index("step")
    assert rows.loc["headline_suffix", "examples"] == "«| News» (seed)"
    assert rows.loc["copyright", "chars_removed"] == len(COPYRIGHT) + 2
    assert rows.loc["byline", "rules"] == "name after a copyright notice ×1"
    assert rows.loc["quotes", "examples"] == '“ → " ×17; ” → " ×15; ’ → \' ×14'
    assert rows.loc["quotes", ["documents", "edits", "chars_removed"]].tolist() == [1, 46, 0]
    assert rows.loc["nfc", ["documents", "edits", "examples"]].tolist() == [0, 0, ""]
    assert len(COPYRIGHT) == 151


def test_report_respects_skip_and_empty_corpus(raw):
    seed = pd.DataFrame({"doc_id": ["seed"], "text": [raw]})
    assert "quotes" not in clean.report(seed, skip=["quotes", "dashes"])["step"].tolist()
    empty = clean.report(pd.DataFrame({"doc_id": [], "text": []}))
    assert empty["documents"].tolist() == [0] * len(clean.NEWS)
    assert clean.removals(pd.DataFrame({"doc_id": [], "text": []})).empty


def test_report_counts_whitespace_without_listing_it():
    """A book-length text with scattered whitespace: every edit is counted, the row is short."""
    text = "Line  with  double  spaces.\n" * 2000  # 56,000 characters
    report = clean.report(pd.DataFrame({"doc_id": ["book"], "text": [text]}), names=["whitespace"])
    row = report.iloc[0]
    # three doubled spaces per line lose one space each, and the final newline is stripped
    assert (row["edits"], row["chars_removed"]) == (3 * 2000 + 1, 3 * 2000 + 1)
    assert row["examples"] == "'  ' → ' ' ×6,000; '\\n' → '' ×1"
    assert clean.removals(pd.DataFrame({"doc_id": ["book"], "text": [text]})).empty


def test_removal_positions_survive_earlier_steps():
    """A removal after an NFC change and a headline suffix is still found in the raw text."""
    raw = "Ze\u0301lensky speaks | News\n\nKYIV (AP) — Talks. \u00a9 2022 AP"
    table = clean.removals(pd.DataFrame({"doc_id": ["a"], "text": [raw]}))
    assert table["removed"].tolist() == ["| News", "KYIV (AP) —", "© 2022 AP"]
    for row in table.itertuples():
        assert raw[row.start : row.end] == row.removed


# --------------------------------------------------------------------------------------------
# Corpus evidence
# --------------------------------------------------------------------------------------------


def _site(n, suffix="WalesOnline", footer="Sign up to our newsletter for the top stories."):
    return [f"Headline number {i} about the town - {suffix}\n\nStory {i} starts here.\n\n"
            f"It goes on {i}.\n\nIt ends {i}.\n\n{footer}" for i in range(n)]


def test_evidence_learns_repeated_suffixes_and_footers():
    table = clean.evidence(_site(5) + ["Council tax to rise - Drakeford\n\nBody."])
    assert table.columns.tolist() == ["where", "text", "documents", "share", "furniture", "reason"]
    rows = table.set_index(["where", "text"])
    assert rows.loc[("headline suffix", "WalesOnline"), "documents"] == 5
    assert rows.loc[("last lines", "Sign up to our newsletter for the top stories."), "furniture"]
    assert ("headline suffix", "Drakeford") not in rows.index


def test_corpus_removes_learnt_furniture_but_not_a_unique_dash():
    docs = pd.DataFrame({"doc_id": [str(i) for i in range(6)],
                         "text": _site(5) + ["Council tax to rise again - Drakeford\n\nBody."]})
    out = clean.corpus(docs)["text"].tolist()
    assert out[0] == "Headline number 0 about the town\n\nStory 0 starts here.\n\nIt goes on 0.\n\nIt ends 0."
    assert out[5] == "Council tax to rise again - Drakeford\n\nBody."
    # a single text has no corpus evidence: the same footer stays
    assert clean.text(docs["text"][0]).endswith("newsletter for the top stories.")
    # given evidence, a single text loses it too
    assert clean.text(docs["text"][0], evidence=clean.evidence(docs)) == out[0]


def test_duplicates_are_one_document_of_evidence():
    assert clean.evidence(_site(1) * 10).empty
    assert len(clean.evidence(_site(3))) > 0


def test_evidence_needs_a_share_of_the_corpus():
    others = [f"Story {i}\n\nText {i}.\n\nMore {i}.\n\nEnd {i}." for i in range(200)]
    assert clean.evidence(_site(3) + others).empty  # 3 of 203 < 2%
    assert len(clean.evidence(_site(3) + others, min_share=0.01)) > 0


def test_evidence_keeps_speakers_questions_sentences_and_data_lines():
    quoted = [f"Plan {i} 'reckless' - Johnson\n\nBody {i}." for i in range(4)]
    table = clean.evidence(quoted)
    assert table.set_index("text").loc["Johnson", "furniture"] == False  # noqa: E712
    for line in ["Police are investigating.", "Referee: Michael Oliver", "What next for you?"]:
        docs = [f"Story {i}\n\nBody {i} text.\n\nMore {i}.\n\n{line}" for i in range(4)]
        rows = clean.evidence(docs).set_index("text")
        assert not rows.loc[line, "furniture"], line
        assert rows.loc[line, "reason"].startswith("kept: ")


# --------------------------------------------------------------------------------------------
# The labelled evaluation set: precision and recall per step
# --------------------------------------------------------------------------------------------


def load_cases():
    return json.loads(CASES_FILE.read_text(encoding="utf-8"))


def _expected_spans(doc, spans):
    """``{(position, text): step}`` for the labelled furniture of one document."""
    expected = {}
    for span in spans:
        position = doc.find(span["text"])
        while (position, span["text"]) in expected:
            position = doc.find(span["text"], position + 1)
        assert position >= 0, span
        expected[position, span["text"]] = span["step"]
    return expected


def evaluate(cases):
    """Clean every case with the whole pipeline (corpus cases learn their own evidence) and
    compare the removals with the labelled furniture spans.

    Returns the per-step table (columns ``step``, ``furniture_cases``, ``text_cases``,
    ``labelled``, ``removed``, ``true_pos``, ``false_pos``, ``false_neg``, ``precision``,
    ``recall``) and the list of mistakes ``(case id, document, kind, step, text)``."""
    counts = {step: dict.fromkeys(["furniture_cases", "text_cases", "labelled", "removed",
                                   "true_pos", "false_pos", "false_neg"], 0)
              for step in FURNITURE_STEPS}
    mistakes = []
    for case in cases:
        corpus = isinstance(case["input"], list)
        docs = case["input"] if corpus else [case["input"]]
        labels = case["furniture"] if corpus else [case["furniture"]]
        counts[case["step"]][f"{case['kind']}_cases"] += 1
        frame = pd.DataFrame({"doc_id": list(range(len(docs))), "text": docs})
        removed = clean.removals(frame)
        for i, (doc, spans) in enumerate(zip(docs, labels)):
            expected = _expected_spans(doc, spans)
            found = {(r.start, r.removed): r.step for r in removed[removed["doc_id"] == i].itertuples()}
            for key, step in expected.items():
                counts[step]["labelled"] += 1
                hit = key in found
                counts[step]["true_pos" if hit else "false_neg"] += 1
                if not hit:
                    mistakes.append((case["id"], i, "missed", step, key[1]))
            for key, step in found.items():
                counts[step]["removed"] += 1
                if key not in expected:
                    counts[step]["false_pos"] += 1
                    mistakes.append((case["id"], i, "removed text", step, key[1]))
    table = pd.DataFrame.from_dict(counts, orient="index").rename_axis("step").reset_index()
    table["precision"] = (table["true_pos"] / table["removed"]).round(3)
    table["recall"] = (table["true_pos"] / table["labelled"]).round(3)
    return table, mistakes


@pytest.fixture(scope="module")
def evaluation():
    return evaluate(load_cases())


def test_the_labelled_set_is_large_balanced_and_well_formed():
    cases = load_cases()
    assert len(cases) >= 150
    kinds = pd.Series([c["kind"] for c in cases]).value_counts()
    assert set(kinds.index) == {"furniture", "text"} and kinds.min() >= 0.4 * len(cases)
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert set(case) == {"id", "step", "kind", "input", "furniture", "note"}, case["id"]
        assert case["step"] in FURNITURE_STEPS and case["note"]
        docs = case["input"] if isinstance(case["input"], list) else [case["input"]]
        labels = case["furniture"] if isinstance(case["input"], list) else [case["furniture"]]
        assert len(docs) == len(labels)
        has_furniture = any(labels)
        assert has_furniture == (case["kind"] == "furniture"), case["id"]
    assert sum(isinstance(c["input"], list) for c in cases) >= 10  # corpus-level cases


def test_no_real_text_is_removed_on_the_labelled_set(evaluation):
    table, mistakes = evaluation
    print("\n" + table.to_string(index=False))
    assert [m for m in mistakes if m[2] == "removed text"] == []
    assert (table["false_pos"] == 0).all()


def test_recall_on_the_labelled_set(evaluation):
    table, mistakes = evaluation
    assert (table["recall"] >= RECALL_TARGET).all(), (table, mistakes)


# --------------------------------------------------------------------------------------------
# The Wikinews corpus: 295 real articles, where only the first-line dates are furniture
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wikinews():
    return files.read_corpus(str(WIKINEWS / "*.csv"))


def test_wikinews_removals_are_exactly_the_first_line_dates(wikinews):
    removals = clean.removals(wikinews)
    texts = dict(zip(wikinews["doc_id"], wikinews["text"]))
    dated = [d for d, t in texts.items() if furniture.is_date(t.strip().split("\n")[0].strip())]
    assert len(dated) == 175  # the 2019 articles and four of 2020 start with their date
    assert removals["doc_id"].tolist() == dated  # one removal in each, none elsewhere
    assert set(removals["step"]) == {"dateline"}
    assert set(removals["rule"]) == {"date line at the start"}
    for row in removals.itertuples():
        text = texts[row.doc_id]
        first = text.strip().split("\n")[0].strip()
        assert row.removed == first and row.start == text.index(first), row


def test_wikinews_cleaned_text_is_the_body_without_its_date(wikinews):
    cleaned = clean.corpus(wikinews)
    assert clean.evidence(wikinews).empty  # nothing repeats enough to be learnt
    for raw, out in zip(wikinews["text"], cleaned["text"]):
        lines = [line for line in raw.strip().split("\n")]
        body = "\n".join(lines[1:]) if furniture.is_date(lines[0].strip()) else raw
        assert out == clean.text(body, names=["quotes", "dashes", "whitespace"])


if __name__ == "__main__":
    result, wrong = evaluate(load_cases())
    print(result.to_string(index=False))
    for mistake in wrong:
        print(mistake)


def test_a_run_cleans_its_corpus_once_and_every_notebook_reads_that(tmp_path, monkeypatch):
    """With the run's cache folder, a second process (here: a cleared memo) cleans nothing."""
    wikinews = files.read_corpus(str(Path(__file__).parent.parent / "seeds/wikinews/*.csv"))
    expected = clean.corpus(wikinews)  # no cache folder: cleaned here
    expected_report = clean.report(wikinews)
    monkeypatch.setenv("TEXTKIT_CACHE", str(tmp_path))
    clean._last.clear()
    first = clean.corpus(wikinews)  # the first notebook cleans and stores texts and edits
    assert len(list(tmp_path.glob("clean-texts-*.pickle"))) == 1
    assert len(list(tmp_path.glob("clean-edits-*.pickle"))) == 1
    clean._last.clear()  # another kernel

    def refuse(*args):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(clean, "_clean", refuse)
    again = clean.corpus(wikinews)
    assert "edits" not in clean._last  # a notebook that only analyses never holds the edits
    pd.testing.assert_frame_equal(again, expected)
    pd.testing.assert_frame_equal(first, expected)
    pd.testing.assert_frame_equal(clean.report(wikinews), expected_report)
    with pytest.raises(AssertionError, match="cleaned again"):  # other steps: another result
        clean.corpus(wikinews, skip=("byline",))


def test_streamed_cleaning_hands_on_each_text_and_keeps_what_corpus_would(tmp_path, monkeypatch):
    """The run's split cleans text by text (longest first, each handed on at once); afterwards
    the texts and edits are stored as `corpus` stores them, and nothing is cleaned again."""
    wikinews = files.read_corpus(str(Path(__file__).parent.parent / "seeds/wikinews/*.csv"))
    expected = clean.corpus(wikinews)
    expected_report = clean.report(wikinews)
    monkeypatch.setenv("TEXTKIT_CACHE", str(tmp_path))
    clean._last.clear()
    handed = clean.streamed(wikinews)
    first = next(handed)
    assert list(tmp_path.glob("clean-*.pickle")) == []  # nothing stored before the last text
    longest = max(range(len(wikinews)), key=lambda at: (len(wikinews["text"][at]), -at))
    assert first == expected["text"][longest]
    by_length = sorted(range(len(wikinews)), key=lambda at: -len(wikinews["text"][at]))
    assert [first, *handed] == [expected["text"][at] for at in by_length]
    assert len(list(tmp_path.glob("clean-texts-*.pickle"))) == 1
    assert len(list(tmp_path.glob("clean-edits-*.pickle"))) == 1

    def refuse(*args):
        raise AssertionError("cleaned again")

    monkeypatch.setattr(clean, "_clean", refuse)
    pd.testing.assert_frame_equal(clean.corpus(wikinews), expected)  # this process
    pd.testing.assert_frame_equal(clean.report(wikinews), expected_report)
    clean._last.clear()  # another process (a notebook's kernel): from the stored files
    pd.testing.assert_frame_equal(clean.corpus(wikinews), expected)
    pd.testing.assert_frame_equal(clean.report(wikinews), expected_report)


def test_a_run_learns_the_evidence_and_finds_duplicates_once(tmp_path, monkeypatch):
    """The furniture evidence and the duplicates of a corpus: stored by the first process of a
    run, read by the others; other texts or thresholds are worked out again."""
    from textkit import furniture, metadata

    wikinews = files.read_corpus(str(Path(__file__).parent.parent / "seeds/wikinews/*.csv"))
    twice = pd.concat([wikinews.head(3), wikinews.head(2).assign(doc_id=["c1", "c2"])],
                      ignore_index=True)
    expected_evidence = clean.evidence(wikinews)
    expected_copies = metadata.duplicates(twice)
    assert expected_copies["duplicate_of"].tolist() == wikinews["doc_id"].head(2).tolist()
    monkeypatch.setenv("TEXTKIT_CACHE", str(tmp_path))
    clean.evidence(wikinews), metadata.duplicates(twice)  # the first notebook stores them
    assert len(list(tmp_path.glob("evidence-*.pickle"))) == 1
    assert len(list(tmp_path.glob("duplicates-*.pickle"))) == 1

    def refuse(*args):
        raise AssertionError("worked out again")

    monkeypatch.setattr(furniture, "_evidence", refuse)
    monkeypatch.setattr(metadata, "_duplicates", refuse)
    pd.testing.assert_frame_equal(clean.evidence(wikinews), expected_evidence)
    pd.testing.assert_frame_equal(metadata.duplicates(twice), expected_copies)
    with pytest.raises(AssertionError, match="worked out again"):
        clean.evidence(wikinews, min_docs=4)
    with pytest.raises(AssertionError, match="worked out again"):
        metadata.duplicates(twice.head(4))
