"""textindex: each text is split into sentences and tokens once, and the results never change.

The index is checked against an independent route to the same tokens: NLTK's Punkt sentence by
sentence, then :func:`textkit.tokens.words` on each sentence's own text. The disk cache, the
worker processes and the memory limit must all give the same arrays as a plain build.
"""

import os
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SEED
from textkit import clean, counting, files, kwic, textindex, tokens


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The seed and the 295 Wikinews articles, cleaned."""
    docs = [clean.corpus(files.read_corpus(str(SEED))),
            clean.corpus(files.read_corpus(str(ROOT / "seeds" / "wikinews" / "*.csv")))]
    return [text for d in docs for text in d["text"]]


@pytest.fixture(autouse=True)
def fresh_memory(monkeypatch):
    """Each test starts with nothing remembered and no cache folder."""
    monkeypatch.delenv(textindex.CACHE_VARIABLE, raising=False)
    textindex._memory.clear()
    textindex._used[0] = 0
    yield
    textindex._memory.clear()
    textindex._used[0] = 0


def _independent(text: str) -> tuple[list, list[str], list[int]]:
    """Sentences from Punkt, then each sentence's tokens from its own text."""
    spans = tokens.split_sentences(text)
    words, sentence = [], []
    for number, (start, end) in enumerate(spans):
        found = tokens.words(text[start:end])
        words += found
        sentence += [number] * len(found)
    return [list(span) for span in spans], words, sentence


def test_the_index_matches_punkt_and_the_tokeniser_sentence_by_sentence(texts):
    assert len(texts) == 296
    for text in texts:
        index = textindex.build(text)
        spans, words, sentence = _independent(text)
        assert index.sentences.tolist() == spans
        assert textindex.words(index) == words
        assert index.sentence.tolist() == sentence
        # the offsets point at the tokens themselves
        assert [text[s:e] for s, e in zip(index.starts, index.ends)] == words


def test_offsets_by_hand():
    text = "Russia's reply:  \"No.\"\n\nU.S. aid came."
    index = textindex.build(text)
    assert textindex.words(index) == ["Russia", "'s", "reply", ":", '"', "No", ".", '"',
                                      "U.S.", "aid", "came", "."]
    assert index.starts.tolist() == [0, 6, 9, 14, 17, 18, 20, 21, 24, 29, 33, 37]
    assert index.sentences.tolist() == [[0, 22], [24, 38]]
    assert index.vocabulary[:3] == ["Russia", "'s", "reply"]


# Texts where whitespace other than spaces, marks without a letter, a lone surrogate, quotes
# with no space after them or spaces at the end could throw the offsets off.
AWKWARD = [
    "", "a", "  x  ", "Hi.\u3000Yo\x1c there.\n\nOk\u0301 e\u0301x  \u2028 y.",
    "\ud800 bad. Fine _x_ \u200b z.", "U.S. and U.K.", '"Stop."He went. (Yes.)No',
    "tab\tsep\x0bvt\x0cff\x85nel\xa0nb\u2009thin",
    "\u0301\u0301 marks. \U0001F600 emoji.  \n\n\n  end. ",
    "’s 's. Russia’s  x’s", "war\u00a0\u00a0zone\u205f.\u3000\u3000Next",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_offsets_are_those_of_the_token_matches_in_each_sentence(text):
    index = textindex.build(text)
    spans = [(m.start(), m.end()) for start, end in tokens.split_sentences(text)
             for m in tokens.TOKEN_PATTERN.finditer(text, start, end)]
    assert list(zip(index.starts.tolist(), index.ends.tolist())) == spans


def test_the_whitespace_table_is_what_regular_expressions_call_whitespace():
    table = textindex._space_table()
    space = re.compile(r"\s")
    spaces = [c for c in range(sys.maxunicode + 1) if space.match(chr(c))]
    assert spaces == np.flatnonzero(table).tolist()
    assert not table[-1]  # the entry for every code point above the last space


def test_the_disk_cache_and_worker_processes_give_the_same_arrays(texts, tmp_path, monkeypatch):
    chosen = texts[:40]
    assert textindex.prepare(chosen, jobs=2, folder=tmp_path) == 40
    assert textindex.prepare(chosen, jobs=2, folder=tmp_path) == 0  # already there
    assert len(list(tmp_path.glob("*" + textindex.SUFFIX))) == 40
    assert not list(tmp_path.glob(".*"))  # no partial files left
    monkeypatch.setenv(textindex.CACHE_VARIABLE, str(tmp_path))
    for text in chosen:
        cached, built = textindex.of(text), textindex.build(text)
        assert cached.vocabulary == built.vocabulary
        for a, b in zip(cached[:-1], built[:-1]):
            assert a.dtype == b.dtype and np.array_equal(a, b)


def test_a_damaged_cache_file_is_worked_out_again(texts, tmp_path, monkeypatch):
    text = texts[0]
    textindex.prepare([text], folder=tmp_path)
    path = tmp_path / f"{textindex.key(text)}{textindex.SUFFIX}"
    path.write_bytes(path.read_bytes()[:100])  # cut short, as by a full disk
    monkeypatch.setenv(textindex.CACHE_VARIABLE, str(tmp_path))
    assert textindex.words(textindex.of(text)) == textindex.words(textindex.build(text))


def test_the_key_is_the_text_itself():
    assert textindex.key("a b") == textindex.key("a b")
    assert textindex.key("a b") != textindex.key("a  b")
    assert textindex.key("Mr. Putin") != textindex.key("Mr. Putin ")


def test_tables_are_the_same_with_a_cache_without_one_and_beyond_the_memory_limit(
        texts, tmp_path, monkeypatch):
    import pandas as pd

    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    plain = (tokens.table(docs), counting.sequence(docs), kwic.search(docs, "russia"))
    textindex._memory.clear()
    textindex.prepare(texts, jobs=2, folder=tmp_path)
    monkeypatch.setenv(textindex.CACHE_VARIABLE, str(tmp_path))
    monkeypatch.setattr(textindex, "MEMORY_LIMIT_WITH_CACHE", 10_000)  # forget almost at once
    again = (tokens.table(docs), counting.sequence(docs), kwic.search(docs, "russia"))
    assert plain[0].equals(again[0]) and plain[1] == again[1] and plain[2].equals(again[2])
    assert len(textindex._memory) == 1
    sentences = words = 0
    for text in texts:  # counted the independent way: Punkt, then each sentence's own tokens
        spans, found, _ = _independent(text)
        sentences, words = sentences + len(spans), words + sum(map(tokens.is_word, found))
    assert plain[1].count(counting.BREAK) == sentences
    assert len(plain[1]) == words + sentences


def test_running_counts_sentences_without_words():
    found = textindex.running(["— . Yes.", "No."], words_only=True)
    assert [found.vocabulary[c] for c in found.codes] == ["yes", "no"]
    assert found.sentence_counts.tolist() == [2, 1]  # "— ." is a sentence with no word
    assert counting.sequence("— . Yes.") == ["\n", "yes", "\n"]


def test_prepare_streamed_fills_the_cache_as_prepare_does(texts, tmp_path):
    """``stream`` sends a generator's texts as they come; the cache holds the same files, each
    text once (a repeated text and one already cached are not sent again)."""
    listed, streamed = tmp_path / "listed", tmp_path / "streamed"
    chosen = [*texts[:20], texts[3]]  # one text twice
    assert textindex.prepare(chosen, jobs=2, folder=listed) == 20
    streamed.mkdir()
    name = textindex.key(texts[5])
    stored = f"{name}{textindex.SUFFIX}"
    (streamed / stored).write_bytes((listed / stored).read_bytes())
    assert textindex.prepare(iter(chosen), jobs=2, folder=streamed, stream=True) == 19
    assert sorted(p.name for p in streamed.iterdir()) == sorted(p.name for p in listed.iterdir())
    for path in listed.iterdir():
        assert (streamed / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_streamed_split_bar_learns_its_total_once_every_text_is_sent(texts, tmp_path,
                                                                       monkeypatch):
    """A streamed split does not know how many texts will come; its bar counts them, and gets
    its total (for the percentage and the time left) once the last one has been sent."""
    seen = []

    class Bar:
        def __init__(self, items, what, *, total, show):
            self.items, self.total = items, total
            seen.append(total)

        def __iter__(self):
            for item in self.items:
                yield item
                seen.append(self.total)

        def refresh(self):
            seen.append("refreshed")

    monkeypatch.setattr(textindex, "progress", Bar)
    assert textindex.prepare(iter(texts[:12]), jobs=2, folder=tmp_path, stream=True,
                             bar=True) == 12
    assert seen[0] is None and seen[-1] == 12 and seen.count("refreshed") == 1
    seen.clear()
    assert textindex.prepare(texts[12:20], jobs=2, folder=tmp_path, bar=True) == 8
    assert set(seen) == {8}  # listed first: the total is known from the start


def test_prepare_needs_a_folder():
    with pytest.raises(ValueError, match="TEXTKIT_CACHE"):
        textindex.prepare(["text"])


def test_a_run_shares_one_index_and_removes_its_cache(tmp_path, project_root, monkeypatch):
    """`textkit run` fills a new cache folder before the notebooks start and removes it after."""
    from textkit import cli, runner

    seen = {}
    real = runner._unshare

    def spy(cache):
        seen.update(folder=cache, files=len(list(cache.glob("*" + textindex.SUFFIX))))
        return real(cache)

    monkeypatch.setattr(runner, "_unshare", spy)
    monkeypatch.setattr(runner, "SHARE_FROM", 0)  # the seed alone is split in the kernels
    assert cli.main(["run", "--no-progress", "--only", "01", "--only", "04",
                     "--output", str(tmp_path / "run")]) == 0
    assert seen["files"] == 1 + 295  # the seed, and notebook 04's reference
    assert not seen["folder"].exists()
    assert textindex.CACHE_VARIABLE not in os.environ


def test_a_small_run_splits_in_the_kernels(tmp_path, project_root, monkeypatch):
    """Below runner.SHARE_FROM (the seed and the Wikinews reference) no cache is made."""
    from textkit import cli, runner

    made = []
    monkeypatch.setattr(runner, "_share", lambda *args, **kwargs: made.append(args))
    assert runner._input_bytes(runner.plan(only=["04"], output=str(tmp_path / "x"))) < (
        runner.SHARE_FROM)
    assert cli.main(["run", "--no-progress", "--only", "01", "--output", str(tmp_path / "run")]) == 0
    assert made == [] and (tmp_path / "run" / "word_frequencies.csv").exists()


def test_progress_bars_are_off_when_the_run_says_so(monkeypatch):
    items = ["a", "b"]
    assert textindex.progress(items, "x", show=False) is items
    assert textindex.progress(items, "x") is not items  # a tqdm bar (shown after 2 s)
    monkeypatch.setenv(textindex.PROGRESS_VARIABLE, "0")
    assert textindex.progress(items, "x") is items
