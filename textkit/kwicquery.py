"""Keyword-in-context queries: how a query is read, checked and found among a text's words.

A concordance (:mod:`textkit.kwic`) shows the matches of a query in context; this module is what
a query means. :func:`terms` splits a query into word terms, :class:`Query` finds them in a
text's word tokens (:func:`word_index`, a :class:`WordIndex` of arrays, tokenised once per text)
and :func:`choose_query` picks the query when the notebook leaves it empty. The ``sort``
parameter is read here too (:func:`sort_keys`, the :data:`CONTEXT` words), so :data:`RULES`
checks both KWIC parameters, ``query`` and ``sort``, in one place. :func:`textkit.kwic.search`
and :func:`textkit.collocations.concordance` share this matching; :mod:`textkit.kwic`
re-exports the names notebooks and tests use (``kwic.choose_query``, ``kwic.Query``,
``kwic.word_index``, ``kwic.WordIndex``, ``kwic.RULES``, ``kwic.CONTEXT``).

Queries (:func:`textkit.kwic.search`, :class:`Query`)
-----------------------------------------------------
A query is a word or a phrase, split into word tokens exactly as the text is
(:func:`textkit.tokens.words`: "Russia's" is two words, "Russia" and "'s"; "U.S." and
"de-escalation" are one; punctuation is dropped), and compared after the same case folding
(``lowercase=True``): "Russia" finds "Russia" and "russia"; a word typed in capitals is an
acronym, as in the text, so "US" never finds "us" (and "RUSSIA" finds only "RUSSIA"). A phrase
matches consecutive words of one sentence; punctuation between them does not count.

- ``*`` inside a word stands for any run of word characters, none included: ``econom*``
  (economy, economic, economies), ``*ism``, ``pre*ed``; it never crosses a hyphen or an
  apostrophe (``russia*`` does not find "pro-Russian");
- a lone ``*`` is any one word: ``the * of``;
- every other character is literal: ``U.S.`` finds "U.S." only, ``russi.`` finds nothing (a
  dot is not "any character"); nothing in a query is ever read as a regular expression.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from textkit import parameters, textindex
from textkit import tokens as tokenise
from textkit.errors import ParameterError

#: The context words :func:`textkit.kwic.sort` can sort by, in reading order.
CONTEXT = ("L2", "L1", "R1", "R2")

#: The longest query, in words.
MAX_QUERY_WORDS = 8

# Stands for "*" while a query is split into tokens: a caseless letter, so the tokenizer keeps
# it inside its word ("econom*" stays one token, "#*" a hashtag) and fold() leaves it alone.
_STAR = "\u01c2"

# What "*" matches inside a word: a run of word characters (with their combining marks), or none.
_ANY_RUN = "(?:" + tokenise.WORD_RUN + ")?"


# --------------------------------------------------------------------------------------------
# Queries and sort orders
# --------------------------------------------------------------------------------------------


def terms(query: str, *, lowercase: bool = True) -> tuple:
    """Split a query into its word terms.

    Parameters
    ----------
    query : str
        A word or phrase, with ``*`` wildcards (see the module docstring).
    lowercase : bool, default True
        Fold the words with :func:`textkit.tokens.fold`.

    Returns
    -------
    tuple
        One term per word: a ``str`` (the literal word), a compiled pattern (a word with
        ``*``, matched whole against a token) or ``None`` (a lone ``*``: any word).

    Examples
    --------
    >>> terms("Russia's econom* (the * of) U.S.")
    ('russia', "'s", re.compile('econom(?:...), 'the', None, 'of', 'U.S.')
    """
    if not isinstance(query, str):
        return ()
    marked = re.sub(r"\*+", "*", query).replace("*", _STAR)
    words = [w for w in tokenise.words(marked) if tokenise.is_word(w)]
    if lowercase:
        words = tokenise.fold(words)
    return tuple(_term(word) for word in words)


def _term(word: str):
    """One query word as a literal, a whole-token pattern (literal parts escaped) or None."""
    if word == _STAR:
        return None
    if _STAR not in word:
        return word
    return re.compile(_ANY_RUN.join(re.escape(part) for part in word.split(_STAR)))


def _valid_query(value) -> bool:
    found = terms(value)
    return 1 <= len(found) <= MAX_QUERY_WORDS and any(t is not None for t in found)


def sort_keys(sort: str) -> tuple[str, ...] | None:
    """Read a sort order: ``"none"`` or context words joined by commas (``"R1,R2"``).

    Returns
    -------
    tuple of str or None
        The keys in :data:`CONTEXT` spelling (``()`` for ``"none"``); ``None`` when ``sort`` is
        not a sort order (an unknown or repeated key).

    Examples
    --------
    >>> sort_keys("R1,R2"), sort_keys(" l1 "), sort_keys("none"), sort_keys("R3")
    (('R1', 'R2'), ('L1',), (), None)
    """
    if not isinstance(sort, str) or not sort.strip():
        return None
    if sort.strip().lower() == "none":
        return ()
    keys = tuple(key.strip().upper() for key in sort.split(","))
    if len(set(keys)) != len(keys) or not set(keys) <= set(CONTEXT):
        return None
    return keys


#: Rules of the KWIC parameters (read by :func:`textkit.parameters.check`).
RULES = {
    "query": parameters.Rule(
        f"a word or a phrase of at most {MAX_QUERY_WORDS} words (* inside a word for any "
        "letters, a lone * for any one word, but not only *), or empty for the most frequent "
        "content word",
        lambda v: v == "" or _valid_query(v),
    ),
    "sort": parameters.Rule(
        "'none' or context words to sort by, separated by commas, from L2, L1, R1, R2 "
        "(e.g. 'R1' or 'R1,R2')",
        lambda v: sort_keys(v) is not None,
    ),
}


def choose_query(query: str, terms: pd.DataFrame, *, stopwords: frozenset[str] = frozenset()) -> str:
    """Return the query to search: ``query`` as given, or when empty the most frequent content word.

    Parameters
    ----------
    query : str
        The notebook's ``query`` parameter.
    terms : pandas.DataFrame
        A token table (:func:`textkit.tokens.table`) to pick the word from.
    stopwords : frozenset of str
        Never chosen (see :func:`textkit.corpusstats.top_word`).

    Examples
    --------
    >>> terms = pd.DataFrame({"token": ["kyiv", "kyiv", "said", "talks"]})
    >>> choose_query("", terms), choose_query("econom*", terms)
    ('kyiv', 'econom*')
    """
    parameters.check(query=query)
    if query.strip():
        return query
    from textkit import corpusstats

    return corpusstats.top_word(terms, stopwords=stopwords)


# --------------------------------------------------------------------------------------------
# Word tokens and matching
# --------------------------------------------------------------------------------------------


class WordIndex(NamedTuple):
    """The word tokens of one text, in text order (punctuation left out), as arrays.

    ``codes`` gives each word's row in ``vocabulary`` (the text's distinct words as written)
    and in ``folded`` (each of those words folded, :func:`textkit.tokens.fold`); ``starts``
    and ``ends`` are character offsets and ``sentences`` the sentence number, from 1 (NumPy
    integer arrays, one element per word).
    """

    codes: np.ndarray
    vocabulary: list[str]
    folded: list[str]
    starts: np.ndarray
    ends: np.ndarray
    sentences: np.ndarray

    def words(self, *, lowercase: bool = True) -> list[str]:
        """Every word of the text, folded (``lowercase``) or as written."""
        distinct = self.folded if lowercase else self.vocabulary
        return np.asarray(distinct, dtype=object)[self.codes].tolist()

    def spans(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The character spans of ``(first, last)`` word positions (as :meth:`Query.find`
        gives them): from the first word's start to the last word's end."""
        first, last = [a for a, _ in found], [b for _, b in found]
        return list(zip(self.starts[first].tolist(), self.ends[last].tolist()))

    def matching(self, test, *, lowercase: bool = True) -> np.ndarray:
        """A boolean array: does each word pass ``test`` (called once per distinct word)?"""
        distinct = self.folded if lowercase else self.vocabulary
        passed = np.fromiter(map(test, distinct), dtype=bool, count=len(distinct))
        return passed[self.codes]


def word_index(text: str) -> WordIndex:
    """Tokenise one text once: its word tokens, with offsets and sentence numbers.

    The tokens are those :func:`textkit.collocations.sequence` counts
    (:func:`textkit.textindex.running`), so a concordance shows what the tables count.

    Returns
    -------
    WordIndex
        ``codes`` (each word's row in ``vocabulary`` and ``folded``), ``vocabulary`` (the
        distinct words as in the text), ``folded`` (each folded, :func:`textkit.tokens.fold`),
        ``starts`` and ``ends`` (character offsets) and ``sentences`` (the sentence number,
        from 1, as in :func:`textkit.actors.mentions`), one array element per word token.

    Examples
    --------
    >>> words = word_index("US aid. It came.")
    >>> words.words(lowercase=False), words.words()
    (['US', 'aid', 'It', 'came'], ['US', 'aid', 'it', 'came'])
    >>> words.starts.tolist(), words.ends.tolist(), words.sentences.tolist()
    ([0, 3, 8, 11], [2, 6, 10, 15], [1, 1, 2, 2])
    """
    found = textindex.running([text], lowercase=False, words_only=True)
    return WordIndex(found.codes, found.vocabulary, tokenise.fold(found.vocabulary),
                     found.starts, found.ends, found.sentence)


class Query:
    """A parsed query (see :func:`terms`), ready to be found in any :class:`WordIndex`.

    Each term is tested once per distinct word of a text, not once per running word.

    Examples
    --------
    >>> Query("the * of").find(word_index("The rest of it. The end. Of course."))
    [(0, 2)]
    """

    def __init__(self, query: str, *, lowercase: bool = True, parameter: str = "query"):
        self.terms = terms(query, lowercase=lowercase)
        if not self.terms:
            raise ParameterError(
                f"parameter {parameter} must be {RULES['query'].what}, got {query!r}."
            )
        self.lowercase = lowercase
        self._tests = [_test(term) for term in self.terms]

    def find(self, words: WordIndex) -> list[tuple[int, int]]:
        """Return ``(first, last)`` token positions of every match, in text order.

        Every position where the query starts counts, so matches may overlap ("the * the" twice
        in "the a the b the"); a phrase never crosses a sentence end.
        """
        size, count = len(self._tests), len(words.codes)
        if count < size:
            return []
        starts = count - size + 1  # the positions where a match can start
        found = words.sentences[:starts] == words.sentences[size - 1:]
        for k, test in enumerate(self._tests):
            if test is not _any:
                found &= words.matching(test, lowercase=self.lowercase)[k:k + starts]
        first = np.flatnonzero(found)
        return list(zip(first.tolist(), (first + size - 1).tolist()))


def _any(_word: str) -> bool:
    return True


def _test(term):
    """A function telling whether a word matches one term."""
    if term is None:
        return _any
    if isinstance(term, str):
        return term.__eq__
    return lambda word: term.fullmatch(word) is not None

