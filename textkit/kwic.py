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

Queries — a word, a phrase, ``*`` wildcards — are read and matched in
:mod:`textkit.kwicquery`, whose docstring gives their syntax; it also reads the sort order
(:func:`~textkit.kwicquery.sort_keys`) and holds the ``query`` and ``sort`` rules. The names
notebooks and tests use are re-exported here: ``kwic.choose_query``, ``kwic.Query``,
``kwic.word_index``, ``kwic.WordIndex``, ``kwic.RULES``, ``kwic.CONTEXT``.

Nothing is escaped here: the tables hold text as written, and the notebooks' display escapes
HTML (:mod:`textkit.markup`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import counting, memory, parameters
from textkit.errors import ParameterError
from textkit.kwicquery import Query, WordIndex, sort_keys, word_index
from textkit.kwicquery import CONTEXT, RULES, choose_query  # noqa: F401  (re-exported)
from textkit.textindex import progress

#: Columns of the table :func:`lines` returns.
COLUMNS = ("start", "end", "left", "match", "right", "L2", "L1", "R1", "R2")

#: Columns of :func:`search` (``doc_group`` only when there is a group; the name of the
#: document groups' column of :mod:`textkit.groups`).
SEARCH_COLUMNS = ("doc_id", "doc_group", "sentence", *COLUMNS)


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
        The text's :func:`~textkit.kwicquery.word_index`, when the caller has it already;
        otherwise it is made here (one tokenising pass).

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
        table with ``start``, ``end`` and the :data:`~textkit.kwicquery.CONTEXT` columns).
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

    One tokenising pass per document (:func:`~textkit.kwicquery.word_index`); each match is cut
    by :func:`lines` and the lines are ordered by :func:`sort`.

    Parameters
    ----------
    documents : pandas.DataFrame or str
        A cleaned corpus (``doc_id`` and ``text`` columns, metadata columns after) or one
        cleaned text (its ``doc_id`` is "text").
    query : str
        A word, a phrase, ``*`` inside a word for any letters (``econom*``), a lone ``*`` for
        any one word (``the * of``); at most :data:`~textkit.kwicquery.MAX_QUERY_WORDS` words,
        not only ``*``.
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
