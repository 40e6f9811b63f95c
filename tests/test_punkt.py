"""Tests for textkit.punkt: NLTK's Punkt with ``re`` splits exactly as NLTK's own Punkt does."""

import pytest
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from conftest import ROOT, SEED
from textkit import files, punkt, tokens

WIKINEWS = ROOT / "seeds" / "wikinews" / "*.csv"


def _nltk(abbreviations) -> PunktSentenceTokenizer:
    """NLTK's Punkt as it comes (its patterns through nltk.redos): the reference."""
    params = PunktParameters()
    params.abbrev_types = set(abbreviations)
    return PunktSentenceTokenizer(params)


def _spans(splitter, text: str) -> list[tuple[int, int]]:
    return list(splitter.span_tokenize(text))


def test_the_splitter_is_nltks_punkt_with_only_the_engine_changed():
    made = punkt.splitter(tokens.ABBREVIATIONS)
    assert isinstance(made, PunktSentenceTokenizer)
    assert made._params.abbrev_types == set(tokens.ABBREVIATIONS)
    reference = _nltk(tokens.ABBREVIATIONS)
    ours, theirs = made._lang_vars, reference._lang_vars
    for name in ("_word_tokenizer_re", "period_context_re"):
        assert getattr(ours, name)().pattern == getattr(theirs, name)().pattern
    assert ours.re_boundary_realignment.pattern == theirs.re_boundary_realignment.pattern


def test_same_sentences_as_nltk_on_the_seed_and_every_wikinews_article():
    texts = [SEED.read_text(encoding="utf-8"), *files.read_corpus(str(WIKINEWS))["text"]]
    ours, theirs = punkt.splitter(tokens.ABBREVIATIONS), _nltk(tokens.ABBREVIATIONS)
    sentences = 0
    for text in texts:
        for start, end in tokens.paragraph_spans(text):
            expected = _spans(theirs, text[start:end])
            assert _spans(ours, text[start:end]) == expected
            sentences += len(expected)
    assert len(texts) == 296 and sentences > 5000  # the comparison covered real text


@pytest.mark.parametrize("text", [
    "The U.S. said no. Russia said yes.",
    "Mr. Putin met Dr. Smith at 3 p.m. on Jan. 5. They talked.",
    "It cost $1.5 million... Then it fell. Wait... what?",
    'He said: "No." She said "yes!" (Really.) [Quite.]',
    "J. R. R. Tolkien wrote it. So did C.S. Lewis.",
    "“Go,” he said. ‘Stay.’ «Non.» Then -- silence. End",
    "Numbers: 1. first 2. second. 3.14 is pi. -2.5 too.",
    "Ellipsis.... And more.. And ?! Done!? Yes.",
    "ÉTAT. Ünter. señor. Ok.",
    "",
    "no sentence end at all",
])
def test_same_sentences_as_nltk_on_hard_cases(text):
    abbreviations = tokens.ABBREVIATIONS | {"mr", "dr", "jan", "p.m"}
    assert _spans(punkt.splitter(abbreviations), text) == _spans(_nltk(abbreviations), text)


@pytest.mark.parametrize("text", [
    "a" + "." * 20000 + " b",
    "x." + "\"'" * 10000 + " y",
    "a." + ")]}" * 7000 + "x",
    ("A. " + "'\"" * 5 + "-- ") * 3000,
    "a" + ".," * 10000 + " B",
])
def test_inputs_that_try_to_backtrack_give_nltks_sentences(text):
    """Long runs of the characters the patterns look at (their speed against NLTK's guarded
    Punkt is measured in benchmarks/bench_tokens.py, not here)."""
    ours, theirs = punkt.splitter(tokens.ABBREVIATIONS), _nltk(tokens.ABBREVIATIONS)
    assert _spans(ours, text) == _spans(theirs, text)
