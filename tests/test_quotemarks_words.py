"""Tests for textkit.quotedwords: the words of quotations counted from the text's token index
are those of the quotations tokenized on their own (textkit.quotemarks reads both)."""

from __future__ import annotations

import re

from textkit import quotedwords, quotemarks, sentencesplit

# Pieces with what a tokenizer could read differently inside and outside the quotation marks:
# the clitic 's after an opening mark, inner apostrophes, abbreviations, numbers, hashtags,
# underscores, combining marks, titles, quotations across sentences and paragraphs.
PIECES = [
    '"It\'s the U.S. and 100,000 troops," said Ann O\'Brien. "Why?" "No," he said.',
    "He said: 's all right' and 'twas fine, the boys' 'game' was 'heightened alert'.",
    "“Don’t go,” she said. They saw “The Lion King” and ‘’s nothing’ he said.",
    '"#Tag @handle __ _x naïve Ēdo 3.5 e.g. co-op," he wrote of "A Tale of Two Cities".',
    '"The End. It goes on.\n\n"Yes, and then--"\n"Over," said he. "Ü ber" "ǅemal" "किया कहा"',
]
TEXT = "\n\n".join(PIECES * 12)


def _stretches(text: str) -> list[tuple[int, int]]:
    """From after each quotation mark to the next mark, and to the next space."""
    marks = [m.start() for m in re.finditer("[\"'“”‘’]", text)]
    to_marks = [(a + 1, b) for a, b in zip(marks, marks[1:])]
    to_spaces = [(a + 1, re.compile(r"\s").search(text, a + 1).start()) for a in marks[:-1]]
    return to_marks + [(a, b) for a, b in to_spaces if b > a]


def test_counted_from_the_index_as_tokenized():
    bounds = _stretches(TEXT)
    assert sum(end - start for start, end in bounds) >= quotedwords.FEW_CHARACTERS
    one_by_one = [quotedwords.counted(TEXT, [b])[0] for b in bounds]  # each too short for the index
    assert quotedwords.counted(TEXT, bounds) == one_by_one
    assert any(title for _, title in one_by_one) and any(not title for _, title in one_by_one)


def test_quotations_the_same_with_or_without_the_index(monkeypatch):
    paragraphs, sentences = sentencesplit.paragraph_spans(TEXT), sentencesplit.sentence_spans(TEXT)
    found, words = quotemarks.counted_quotations(TEXT, paragraphs, sentences)
    assert len(found) > 100
    assert words == [quotemarks.word_count(quotemarks.inner_text(TEXT, s)) for s in found]
    monkeypatch.setattr(quotedwords, "FEW_CHARACTERS", len(TEXT) + 1)  # tokenize every quotation
    assert quotemarks.counted_quotations(TEXT, paragraphs, sentences) == (found, words)
