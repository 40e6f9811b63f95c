"""Keyword-in-context (KWIC) concordances: the one core behind every concordance in the project.

Every concordance — a free query (:func:`search`), a collocation or node word
(:func:`textkit.collocations.concordance`), the mentions of an actor
(:func:`textkit.actors.concordance`) — finds character spans its own way and hands them to
:func:`lines`, the one place that cuts a line into left context, match and right context.
Contexts are cut at ``width`` characters and newlines are shown as spaces, so each line reads on
one row. Each line also carries the two word tokens on either side of the match, ``L2``,
``L1``, ``R1``, ``R2``, case-folded with :func:`textkit.tokens.fold`; :func:`sort` orders any
concordance by them, as AntConc sorts: by ``R1``, then ``R2``, ... and, for equal words, by
document (in corpus order), then position. Context words skip punctuation and run across
sentence ends, but never into another document (``""`` where the document has no such word).

Queries (:func:`search`, :class:`Query`)
----------------------------------------
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

Nothing is escaped here: the tables hold text as written, and the notebooks' display escapes
HTML (:mod:`textkit.markup`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd

from textkit import counting, memory, parameters, textindex
from textkit import tokens as tokenise
from textkit.errors import ParameterError
from textkit.textindex import progress

#: Columns of the table :func:`lines` returns.
COLUMNS = ("start", "end", "left", "match", "right", "L2", "L1", "R1", "R2")

#: The context words :func:`sort` can sort by, in reading order.
CONTEXT = ("L2", "L1", "R1", "R2")

#: Columns of :func:`search` (``doc_group`` only when there is a group; the name of the
#: document groups' column of :mod:`textkit.groups`).
SEARCH_COLUMNS = ("doc_id", "doc_group", "sentence", *COLUMNS)

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


# --------------------------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------------------------


def _context(words: WordIndex, starts: list[int], ends: list[int]) -> list[tuple]:
    """The folded words L2, L1 (ending at or before each start), R1, R2 (from each end on)."""
    count = len(words.codes)
    left = np.searchsorted(words.ends, starts, side="right")  # words[:left] end at or before
    right = np.searchsorted(words.starts, ends, side="left")  # words[right:] start at or after
    folded = np.asarray([*words.folded, ""], dtype=object)  # the last row: no such word
    codes = np.append(words.codes, len(words.folded))

    def at(positions: np.ndarray) -> list[str]:
        inside = (positions >= 0) & (positions < count)
        return folded[codes[np.where(inside, positions, count)]].tolist()

    return list(zip(at(left - 2), at(left - 1), at(right), at(right + 1)))


def lines(
    text: str, spans: list[tuple[int, int]], *, width: int = 40, words: WordIndex | None = None
) -> pd.DataFrame:
    """Return one concordance line per span, in text order.

    Parameters
    ----------
    text : str
        The (cleaned) text the spans point into.
    spans : list of (int, int)
        ``(start, end)`` character offsets of the matches.
    width : int, default 40
        Characters of context on each side (fewer at the start or end of the text).
    words : WordIndex or None, default None
        The text's :func:`word_index`, when the caller has it already; otherwise it is made here
        (one tokenising pass).

    Returns
    -------
    pandas.DataFrame
        Sorted by ``start`` then ``end``, with columns

        - ``start``, ``end`` (int): the match's character offsets in ``text``;
        - ``left`` (str): up to ``width`` characters before the match, right-aligned reading;
        - ``match`` (str): the matched text;
        - ``right`` (str): up to ``width`` characters after the match;
        - ``L2``, ``L1`` (str): the second and first word token before the match, folded;
        - ``R1``, ``R2`` (str): the first and second word token after it, folded (``""`` for
          each where the text has no such word).

    Examples
    --------
    >>> text = "The Kremlin said on Thursday. Peskov said no."
    >>> lines(text, [(30, 36)], width=12)[["left", "match", "right", "L2", "L1", "R1", "R2"]]
               left   match     right  L2        L1    R1  R2
    0  n Thursday.   Peskov   said no.  on  thursday  said  no
    """
    if width < 1:
        raise ValueError(f"width must be at least 1 character, got {width}")
    words = word_index(text) if words is None else words
    return _frame(_cut(text, sorted(spans), width, words), COLUMNS)


def _cut(text: str, spans, width: int, words: WordIndex) -> list[tuple]:
    """The rows of :func:`lines`, one per span, in the order given (the one place lines are cut;
    :func:`search` calls it directly to make one table for the whole corpus)."""
    if not spans:
        return []
    starts, ends = (list(side) for side in zip(*spans))
    rows = []
    for (start, end), context in zip(spans, _context(words, starts, ends)):
        left = text[max(0, start - width) : start].replace("\n", " ")
        right = text[end : end + width].replace("\n", " ")
        match = text[start:end].replace("\n", " ")
        rows.append((start, end, left, match, right, *context))
    return rows


def _frame(rows: list[tuple], columns) -> pd.DataFrame:
    """A table of ``rows`` with int64 offsets and sentence numbers, everything else text."""
    ints = ("start", "end", "sentence")
    values = list(zip(*rows)) if rows else [()] * len(columns)
    return pd.DataFrame({
        c: pd.Series(v, dtype="int64" if c in ints else object) for c, v in zip(columns, values)
    })


def sort(table: pd.DataFrame, by: str = "R1") -> pd.DataFrame:
    """Sort concordance lines by their context words, as AntConc sorts.

    Parameters
    ----------
    table : pandas.DataFrame
        Lines from :func:`lines`, :func:`search` or another concordance of the project (any
        table with ``start``, ``end`` and the :data:`CONTEXT` columns).
    by : str, default "R1"
        Context words to sort by, in order, joined by commas (``"R1,R2"``, ``"L1"``, ``"L2,L1"``);
        ``"none"`` keeps text order.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns, sorted by the ``by`` words (by code point, ``""`` first),
        then by document (in the order documents first appear in ``table``: corpus order for a
        fresh concordance), then ``start``, then ``end``; index reset.

    Examples
    --------
    >>> text = "Russia warned. Russian troops. Russia denied."
    >>> found = lines(text, [(0, 6), (15, 22), (31, 37)], width=5)
    >>> sort(found, "R1")[["match", "R1"]]
         match      R1
    0   Russia  denied
    1  Russian  troops
    2   Russia  warned
    """
    parameters.check(sort=by)
    keys = sort_keys(by)
    documents = pd.factorize(table["doc_id"])[0] if "doc_id" in table.columns else [0] * len(table)
    words = (table[key].fillna("").astype(str).tolist() for key in keys)  # "" read back as NaN
    rows = zip(*words, documents, table["start"].tolist(),
               table["end"].tolist(), range(len(table)))
    order = [row[-1] for row in sorted(rows)]
    return table.iloc[order].reset_index(drop=True)


_sort = sort  # search() has a parameter named sort


# --------------------------------------------------------------------------------------------
# Free-query search
# --------------------------------------------------------------------------------------------


def _groups(documents, group: str | None) -> list | None:
    """The group of every document (from ``group`` or a ``doc_group`` column), or None."""
    columns = list(documents.columns) if isinstance(documents, pd.DataFrame) else []
    if group is None:
        return documents["doc_group"].tolist() if "doc_group" in columns else None
    if group not in columns:
        raise ParameterError(
            f"parameter group: {group!r} is not a column of the documents. The columns are: "
            f"{', '.join(map(repr, columns)) or 'none (a single text)'}; name one of them, or "
            "leave group=None."
        )
    return documents[group].tolist()


def _check_limit(limit) -> None:
    what, test = parameters.at_least(1)
    if limit is not None and not test(limit):
        raise ParameterError(f"parameter limit must be {what} or None, got {limit!r}.")


@memory.gives_back
def search(
    documents,
    query: str,
    *,
    width: int = 40,
    sort: str = "R1",
    lowercase: bool = True,
    group: str | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Find a word, a phrase or a ``*`` wildcard query and show every match in context.

    One tokenising pass per document (:func:`word_index`); each match is cut by :func:`lines`
    and the lines are ordered by :func:`sort`.

    Parameters
    ----------
    documents : pandas.DataFrame or str
        A cleaned corpus (``doc_id`` and ``text`` columns, metadata columns after) or one
        cleaned text (its ``doc_id`` is "text").
    query : str
        A word, a phrase, ``*`` inside a word for any letters (``econom*``), a lone ``*`` for
        any one word (``the * of``); at most :data:`MAX_QUERY_WORDS` words, not only ``*``.
    width : int, default 40
        Characters of context on each side.
    sort : str, default "R1"
        Context words to sort by: ``"R1"``, ``"L1"``, ``"R1,R2"``, ... or ``"none"`` for text
        order (see :func:`sort`).
    lowercase : bool, default True
        Fold case before matching (:func:`textkit.tokens.fold`); ``False`` matches the case
        as typed.
    group : str or None, default None
        A metadata column to show as ``doc_group`` (e.g. the outlet); with ``None``, the
        documents' own ``doc_group`` column (:func:`textkit.groups.assign`) when they have one.
    limit : int or None, default None
        Keep only the first ``limit`` lines after sorting; ``None`` keeps all.

    Returns
    -------
    pandas.DataFrame
        One row per match, sorted by the ``sort`` words, then document (corpus order), then
        position, with columns

        - ``doc_id`` (str): the document;
        - ``doc_group`` (as in the documents): its group — only when there is a group;
        - ``sentence`` (int): the sentence number in the document, from 1;
        - ``start``, ``end`` (int): character offsets of the match in the cleaned text;
        - ``left``, ``match``, ``right`` (str): the line, as :func:`lines` cuts it;
        - ``L2``, ``L1``, ``R1``, ``R2`` (str): the context words, folded.

    Raises
    ------
    ParameterError
        For an empty or too long ``query``, an unknown ``sort``, a ``width`` out of range, a
        ``limit`` below 1 or a ``group`` that is not a column.

    Examples
    --------
    >>> text = "The economy grew. Economic news: the U.S. economies slowed; the USA did not."
    >>> search(text, "econom*", width=8)[["sentence", "left", "match", "right", "R1"]]
       sentence      left      match     right      R1
    0         1      The     economy   grew. E    grew
    1         2  y grew.    Economic   news: t    news
    2         2  he U.S.   economies   slowed;  slowed
    >>> search(text, "the U.S.", sort="none", width=4)[["match", "L1", "R1"]]
          match  L1         R1
    0  the U.S.  news  economies
    """
    parameters.check(query=query, sort=sort, width=width)
    _check_limit(limit)
    compiled = Query(query, lowercase=lowercase)
    groups = _groups(documents, group)
    rows = []
    pairs = counting.texts(documents)
    for position, (doc_id, text) in enumerate(progress(pairs, "finding lines")):
        words = word_index(text)
        found = compiled.find(words)
        cut = _cut(text, words.spans(found), width, words)
        head = (doc_id,) if groups is None else (doc_id, groups[position])
        sentences = words.sentences[[a for a, _ in found]].tolist()
        rows.extend((*head, sentence, *row) for sentence, row in zip(sentences, cut))
    columns = [c for c in SEARCH_COLUMNS if c != "doc_group" or groups is not None]
    result = _sort(_frame(rows, columns), sort)
    return result if limit is None else result.head(limit)
