"""Count the words of quotations from the text's token index instead of tokenizing them again.

A quotation's words are counted as :func:`word_count` counts them (the word tokens of
:func:`textkit.tokens.words`, less the clitic 's), and :mod:`textkit.quotemarks` asks whether
they read as a title (every word capitalised: "The Lion Man"). :func:`counted` answers both for
all the quotations of a text at once, from the tokens :mod:`textkit.textindex` found in the
whole text: a search on the sorted token offsets per quotation, then sums over its tokens.

Why the index's tokens between two offsets are those of the stretch tokenized on its own: the
token pattern looks at nothing before a token, and past a token's end only to see whether a word
character follows. So a stretch that starts where a token of the index ends (the opening mark),
that no token of the index crosses, and that is followed by no word character (a closing mark, a
space, the next opening mark) has the same tokens. The index tokenizes each sentence on its own,
and a sentence ends where the same holds (before a space or punctuation). :func:`counted` checks
the first two conditions on the index and tokenizes the stretch when they fail (an opening ``'``
that the text reads as the clitic of ``'s all``); :mod:`textkit.quotemarks` gives it only
stretches that meet the third. A text whose quotations have fewer than :data:`FEW_CHARACTERS`
characters in all is tokenized quotation by quotation: the sums cost more there.
"""

from __future__ import annotations

import numpy as np

from textkit import textindex, tokens

#: Below this many quoted characters in a text, :func:`counted` tokenizes each quotation instead
#: of reading the index (a news story has a few hundred; a novel, hundreds of thousands).
FEW_CHARACTERS = 2_000

#: Words a title may leave in lower case ("The Lord of the Rings").
_SMALL_WORDS = frozenset("a an the of and in on for to at by with or".split())

# What a token is (:func:`_flags`), one bit each.
_WORD = 1  # it has a letter or a digit (textkit.tokens.is_word)
_CLITIC = 2  # it is the clitic 's, which is not counted
_ALPHA = 4  # it starts with a letter
_UPPER = 8  # it starts with a capital
_LOWER = 16  # it starts with a letter, not a capital, and is not one of _SMALL_WORDS


def word_count(quote: str) -> int:
    """Count word tokens (not punctuation, not the clitic 's).

    >>> word_count("Russia's troops -- 100,000 of them -- stay.")
    6
    """
    return _tokenized(quote, 0, len(quote))[0]


def counted(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, bool]]:
    """Count the words of stretches of a text and tell whether they read as a title.

    Parameters
    ----------
    text : str
        The text.
    bounds : list of (int, int)
        ``(start, end)`` of each stretch: the words of a quotation, from after its opening mark
        to its closing mark, a space or the next opening mark (see the module notes).

    Returns
    -------
    list of (int, bool)
        For each stretch, its :func:`word_count`, and whether its first word starting with a
        letter is capitalised and so are the others (except "a", "the", "of" and the like).
    """
    if sum(end - start for start, end in bounds) < FEW_CHARACTERS:
        return [_tokenized(text, start, end) for start, end in bounds]
    index = textindex.of(text)
    size = len(index.starts)
    low = np.array([start for start, _ in bounds], dtype=np.int64)
    high = np.array([end for _, end in bounds], dtype=np.int64)
    first = np.searchsorted(index.starts, low)  # the first token starting at or after low
    last = np.searchsorted(index.ends, high, "right")  # the first token ending after high
    ends_at_low = (first > 0) & (index.ends[np.maximum(first - 1, 0)] == low)
    none_across = (last == size) | (index.starts[np.minimum(last, size - 1)] >= high)
    clean = ends_at_low & none_across if size else np.zeros(len(bounds), dtype=bool)
    found = _summaries(index, np.where(clean, first, 0), np.where(clean, last, 0))
    return [summary if ok else _tokenized(text, start, end)
            for summary, ok, (start, end) in zip(found, clean.tolist(), bounds)]


def _summaries(index: textindex.Index, first: np.ndarray, last: np.ndarray) -> list[tuple]:
    """:func:`_summary` of the tokens ``first[k]:last[k]`` of a text's index, for every ``k``."""
    sizes = last - first
    offsets = np.concatenate(([0], np.cumsum(sizes)))  # where each stretch's tokens start below
    positions = np.arange(offsets[-1]) + np.repeat(first - offsets[:-1], sizes)
    codes = index.codes[positions]
    needed = np.unique(codes)
    table = np.zeros(len(index.vocabulary), dtype=np.int8)
    table[needed] = [_flags(index.vocabulary[code]) for code in needed.tolist()]
    flags = table[codes]  # of every token of every stretch, one after the other

    def total(bit: int) -> np.ndarray:
        """How many tokens of each stretch have the bit."""
        running = np.concatenate(([0], np.cumsum((flags & bit) > 0)))
        return running[offsets[1:]] - running[offsets[:-1]]

    words = total(_WORD) - total(_CLITIC)
    lettered = total(_ALPHA) > 0
    alphas = np.flatnonzero(flags & _ALPHA)  # the tokens starting with a letter
    opening = alphas[np.searchsorted(alphas, offsets[:-1][lettered])]  # each stretch's first
    capital = np.zeros(len(sizes), dtype=bool)
    capital[lettered] = (flags[opening] & _UPPER) > 0
    title = lettered & capital & (total(_LOWER) == 0)
    return list(zip(words.tolist(), title.tolist()))


def _tokenized(text: str, start: int, end: int) -> tuple[int, bool]:
    """:func:`counted` of one stretch, tokenized on its own."""
    return _summary([_flags(token) for token in tokens.words(text[start:end])])


def _summary(flags: list[int]) -> tuple[int, bool]:
    """The word count and the title test of :func:`counted`, from the tokens' :func:`_flags`."""
    words = sum(1 for f in flags if f & _WORD) - sum(1 for f in flags if f & _CLITIC)
    alpha = [f for f in flags if f & _ALPHA]
    return words, bool(alpha) and bool(alpha[0] & _UPPER) and not any(f & _LOWER for f in alpha)


def _flags(token: str) -> int:
    """What a token is, as the bits ``_WORD``, ``_CLITIC``, ``_ALPHA``, ``_UPPER``, ``_LOWER``."""
    flags = _WORD if tokens.WORD_CHARACTER.search(token) else 0
    if token in ("'s", "’s"):
        flags |= _CLITIC
    if token[0].isalpha():
        flags |= _ALPHA
        if token[0].isupper():
            flags |= _UPPER
        elif token not in _SMALL_WORDS:
            flags |= _LOWER
    return flags
