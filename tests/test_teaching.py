"""The teaching view: one row of a collocation table, its 2×2 table and every formula."""

from pathlib import Path

import pytest

from textkit import clean, collocations, files, teaching
from textkit.errors import ParameterError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap_2022-01-27_russia_ukraine.txt"


@pytest.fixture(scope="module")
def seed_tokens():
    return collocations.sequence(clean.corpus(files.read_corpus(SEED)))


def test_explain_shows_the_table_and_every_formula(seed_tokens):
    table = collocations.ngrams(seed_tokens, min_count=1)
    text = teaching.explain(table, "United States")
    assert '#### Why "united states" scores what it scores' in text
    assert "| **'united'** | O11 = 8 | O12 = 1 | R1 = 9 |" in text
    assert "| **total** | C1 = 8 | C2 = 979 | N = 987 |" in text
    row = table.set_index("collocation").loc["united states"]
    for measure in collocations.MEASURE_COLUMNS:
        line = next(line for line in text.split("\n") if line.startswith(f"| {measure} |"))
        assert line.endswith(f"| {teaching._num(row[measure])} |")
    assert "log2(8 / 0.072948)" in text
    frame = teaching.contingency(table, "united states")
    assert frame.to_numpy().tolist() == [[8, 1, 9], [0, 978, 978], [8, 979, 987]]
    with pytest.raises(ParameterError, match="'atlantis' is not a row of the table"):
        teaching.explain(table, "atlantis")


def test_explain_works_for_collocates(seed_tokens):
    table = collocations.collocates(seed_tokens, "US", min_count=1)
    text = teaching.explain(table, "response")
    assert "in the windows of 'US'" in text and "O11 = 5" in text
