"""sequences: the corpus's word sequence as codes is the list of words it stands for.

The list is made by an independent route: NLTK's Punkt sentence by sentence, then
:func:`textkit.tokens.words` on each sentence's text, punctuation dropped, folded, and a BREAK
after every sentence. Every analysis must give the same table from the codes as from that list.
"""

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT, SEED
from textkit import clean, collocations, counting, files, network, sequences, tokens
from textkit import stopwords as stoplists
from textkit.sequences import BREAK


@pytest.fixture(scope="module")
def news() -> pd.DataFrame:
    corpus = pd.concat([files.read_corpus(str(SEED)),
                        files.read_corpus(str(ROOT / "seeds" / "wikinews" / "*.csv"))],
                       ignore_index=True)
    return clean.corpus(corpus)


def _independent(texts, lowercase=True) -> list[str]:
    out = []
    for text in texts:
        for start, end in tokens.split_sentences(text):
            found = [w for w in tokens.words(text[start:end]) if tokens.is_word(w)]
            out += (tokens.fold(found) if lowercase else found) + [BREAK]
    return out


@pytest.mark.parametrize("lowercase", [True, False])
def test_the_sequence_is_the_list_of_words(news, lowercase):
    found = collocations.sequence(news, lowercase=lowercase)
    expected = _independent(news["text"], lowercase=lowercase)
    assert len(found) == len(expected) > 100_000
    assert found == expected and list(found) == expected
    assert found.count(BREAK) == expected.count(BREAK)
    assert found.count("police") == expected.count("police") > 50
    assert found.count("no such word") == 0
    assert found[5] == expected[5] and found[-1] == BREAK and found[10:20] == expected[10:20]
    # The codes are those encode gives the list: first appearance, -1 for BREAK.
    codes, words = counting.encode(expected)
    assert np.array_equal(found.codes, codes) and found.words.tolist() == words.tolist()
    assert found.codes.dtype == np.int32


def test_every_analysis_gives_the_lists_table(news):
    found = collocations.sequence(news)
    listed = list(found)
    stop = stoplists.load("default")
    for n in (2, 3):
        pd.testing.assert_frame_equal(collocations.ngrams(found, n=n, stopwords=stop),
                                      collocations.ngrams(listed, n=n, stopwords=stop))
    assert collocations.choose_node(found, stopwords=stop) == \
        collocations.choose_node(listed, stopwords=stop) == "people"
    pd.testing.assert_frame_equal(collocations.collocates(found, "police", window=(2, 3)),
                                  collocations.collocates(listed, "police", window=(2, 3)))
    graph, expected = network.words(found, stopwords=stop), network.words(listed, stopwords=stop)
    pd.testing.assert_frame_equal(network.edges(graph), network.edges(expected))
    pd.testing.assert_frame_equal(network.nodes(graph), network.nodes(expected))


def test_sentences_without_words_still_end():
    # Punkt gives three sentences, "— !", "Aid came." and "?": two of them without a word.
    found = sequences.build(["— ! Aid came.\n\n?", ""])
    assert list(found) == [BREAK, "aid", "came", BREAK, BREAK] == _independent(["— ! Aid came.\n\n?"])
    assert sequences.build([]) == [] and len(sequences.build([])) == 0
