"""Tests for textkit.quotemarks: quotation marks, their pairing and what is not a quotation."""

from __future__ import annotations

import pytest

from textkit import quotemarks

# ---------------------------------------------------------------------------------------------
# Quotation marks: each case is a text and the quotations it has (marks included).
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Yes," he said.', ['"Yes,"']),
        ("“Yes,” he said.", ["“Yes,”"]),
        # AP: a quotation going on into the next paragraph opens it again and closes only at the end
        ('He said: "We will go on.\n\n"And we will win," he added.',
         ['"We will go on.', '"And we will win,"']),
        # the same without blank lines between paragraphs: the opening mark of the next line
        ('He said: "We will go on.\n"And we will win," he added.',
         ['"We will go on.', '"And we will win,"']),
        # British: single marks, double ones inside
        ("He said: ‘We called it “a mess”.\n\n‘We will win,’ he added.",
         ["‘We called it “a mess”.", "‘We will win,’"]),
        ("He said: 'We called it \"a mess\" but we're fine.\n\n'We will win,' he added.",
         ["'We called it \"a mess\" but we're fine.", "'We will win,'"]),
        # nested single marks inside double ones do not pair on their own
        ('"He called it \'a mess\' and left," she said.', ['"He called it \'a mess\' and left,"']),
        # an unbalanced mark ends at its paragraph: the next paragraph pairs as written
        ('She said "we will see and left.\n\n"Later," he said. "Not now," she said.',
         ['"we will see and left.', '"Later,"', '"Not now,"']),
        # a stray closing mark opens nothing
        ("He said” no. “Yes, now,” she said.", ["“Yes, now,”"]),
        # empty and one-character spans are not quotations
        ('It was "" and "a" and "b," he said.', []),
        # scare quotes and titles are not speech; with a speech cue, a short span is
        ('The so-called "peace deal" failed.', []),
        ('The "deal" is off.', []),
        ('She called it a "disaster".', ['"disaster"']),
        ('They saw the film "The Lion King" twice.', []),
        ('Putin warned of unspecified "military-technical measures".', ['"military-technical measures"']),
        # no quotation
        ("It's Russia's view.", []),
    ],
)
def test_spans(text, expected):
    found = quotemarks.spans(text)
    assert [text[s:e] for s, e in zip(found["start"], found["end"])] == expected


def test_spans_flag_continued_paragraphs():
    text = 'He said: "One.\n\n"Two.\n\n"Three," he added.'
    found = quotemarks.spans(text)
    assert found["continued"].tolist() == [False, True, True]
    assert found["closed"].tolist() == [False, False, True]


def test_no_quotation_still_has_the_columns():
    found = quotemarks.spans("No quotes here.")
    assert found.empty and list(found.columns) == ["start", "end", "closed", "continued"]
    assert found.dtypes.astype(str).tolist() == ["int64", "int64", "bool", "bool"]
