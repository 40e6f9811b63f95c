"""The word sequence of a corpus, held as integer codes: what collocations are counted from.

:func:`textkit.counting.sequence` gives every word token of a corpus in text order, with the
marker :data:`BREAK` after each sentence. As a Python list that is 8 bytes a token for the list
alone, and every analysis then encodes it again into codes. A :class:`Sequence` holds the codes
themselves (4 bytes a token, ``-1`` for :data:`BREAK`) and the vocabulary, and behaves like the
list of str it stands for: ``len``, indexing, iteration, ``count``, ``==`` with a list.
:func:`textkit.counting.encode` hands its codes over without a pass over the tokens.

It is built text by text from the split of :mod:`textkit.textindex`, so no array the length of
the corpus is made except the codes themselves.

Examples
--------
>>> tokens = build(["The US said no. Russia's reply came."])
>>> tokens
['the', 'US', 'said', 'no', '\\n', 'russia', "'s", 'reply', 'came', '\\n']
>>> len(tokens), tokens.count(BREAK), tokens[1]
(10, 2, 'US')
>>> tokens.codes.tolist(), tokens.words.tolist()
([0, 1, 2, 3, -1, 4, 5, 6, 7, -1], ['the', 'US', 'said', 'no', 'russia', "'s", 'reply', 'came'])
"""

from __future__ import annotations

from collections.abc import Sequence as SequenceABC

import numpy as np

from textkit import textindex, tokens

#: The token that marks the end of a sentence (and so of a document).
BREAK = "\n"


class Sequence(SequenceABC):
    """Word tokens as codes: ``codes`` (``int32``, ``-1`` for :data:`BREAK`) and ``words``
    (object array, the distinct words by code, in order of first appearance)."""

    __slots__ = ("codes", "words")

    def __init__(self, codes: np.ndarray, words: np.ndarray):
        self.codes, self.words = codes, words

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self._word(c) for c in self.codes[item].tolist()]
        return self._word(int(self.codes[item]))

    def _word(self, code: int) -> str:
        return BREAK if code < 0 else self.words[code]

    def __iter__(self):
        words = self.words.tolist()
        return (BREAK if c < 0 else words[c] for c in self.codes.tolist())

    def count(self, value) -> int:
        """How many tokens equal ``value`` (one pass over the codes)."""
        if value == BREAK:
            return int(np.count_nonzero(self.codes < 0))
        found = np.flatnonzero(self.words == value)
        return int(np.count_nonzero(self.codes == found[0])) if len(found) else 0

    def __eq__(self, other) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return list(self) == other if isinstance(other, list) else NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return repr(list(self))


def build(texts, *, lowercase: bool = True) -> Sequence:
    """Return the word tokens of the texts, sentence by sentence, with :data:`BREAK` after each.

    Parameters
    ----------
    texts : iterable of str
        Cleaned texts, in corpus order.
    lowercase : bool, default True
        Fold case with :func:`textkit.tokens.fold` ("US" stays "US").

    Returns
    -------
    Sequence
        Punctuation is left out, the clitic ``'s`` kept; every sentence (also one without a
        word) ends with :data:`BREAK`, so nothing runs from one sentence or document into the
        next. Codes number the words in order of first appearance, as
        :func:`textkit.counting.encode` numbers a list.
    """
    code_of: dict[str, int] = {}  # a text's token as written -> word code; -2 for punctuation
    words: dict[str, int] = {}  # word (folded) -> code
    parts = []
    for text in textindex.progress(list(texts), "splitting sentences"):
        index = textindex.of(text)
        local = np.fromiter((_code(t, code_of, words, lowercase) for t in index.vocabulary),
                            dtype=np.int32, count=len(index.vocabulary))
        codes = local[index.codes]
        is_word = codes >= 0
        out = np.full(int(is_word.sum()) + len(index.sentences), -1, dtype=np.int32)
        sentence = index.sentence[is_word]
        out[np.arange(len(sentence)) + sentence] = codes[is_word]
        parts.append(out)
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    vocabulary = np.empty(len(words), dtype=object)
    vocabulary[:] = list(words)
    return Sequence(codes, vocabulary)


def _code(token: str, code_of: dict, words: dict, lowercase: bool) -> int:
    """The code of a token as written (a new word gets the next code; punctuation -2)."""
    found = code_of.get(token)
    if found is None:
        if not tokens.is_word(token):
            found = -2
        else:
            word = tokens.fold([token])[0] if lowercase else token
            found = words.setdefault(word, len(words))
        code_of[token] = found
    return found
