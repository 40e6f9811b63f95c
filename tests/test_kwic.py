"""Tests for textkit.kwic: concordance lines from character spans."""

import pytest

from textkit import kwic

TEXT = "The Kremlin said on Thursday.\nPeskov said no."
#       0123456789012345678901234567 8 9012345678901234
#       0         1         2          3         4


@pytest.mark.parametrize(
    ("span", "width", "left", "match", "right"),
    [
        ((4, 11), 5, "The ", "Kremlin", " said"),            # left context shorter at the start
        ((30, 36), 12, "n Thursday. ", "Peskov", " said no."),  # newline shown as a space
        ((42, 44), 40, "e Kremlin said on Thursday. Peskov said ", "no", "."),
        ((42, 44), 99, "The Kremlin said on Thursday. Peskov said ", "no", "."),
        ((0, 3), 3, "", "The", " Kr"),
        ((43, 45), 3, "d n", "o.", ""),                       # nothing after the end
        ((28, 31), 4, "sday", ". P", "esko"),                # a match across the newline
    ],
)
def test_lines(span, width, left, match, right):
    table = kwic.lines(TEXT, [span], width=width)
    assert table.to_dict("records") == [
        {"start": span[0], "end": span[1], "left": left, "match": match, "right": right}
    ]


def test_lines_are_sorted_by_start_then_end():
    table = kwic.lines(TEXT, [(30, 36), (4, 11), (4, 8)], width=2)
    assert table[["start", "end", "match"]].values.tolist() == [
        [4, 8, "Krem"], [4, 11, "Kremlin"], [30, 36, "Peskov"]
    ]


def test_no_spans_gives_an_empty_table_with_the_columns():
    table = kwic.lines(TEXT, [])
    assert table.empty
    assert table.columns.tolist() == ["start", "end", "left", "match", "right"]
    assert str(table["start"].dtype) == "int64"


def test_default_width_is_40():
    text = "x" * 50 + "NATO" + "y" * 50
    row = kwic.lines(text, [(50, 54)]).iloc[0]
    assert (row["left"], row["match"], row["right"]) == ("x" * 40, "NATO", "y" * 40)


@pytest.mark.parametrize("width", [0, -5])
def test_width_below_one_is_rejected(width):
    with pytest.raises(ValueError, match=f"width must be at least 1 character, got {width}"):
        kwic.lines(TEXT, [(0, 3)], width=width)
