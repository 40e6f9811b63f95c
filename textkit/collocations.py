"""Collocations: n-grams and node-word collocates scored by association measures.

The pipeline, and the conventions every table here follows:

1. :func:`sequence` (from :mod:`textkit.counting`, the counting engine) turns a corpus into one
   list of folded word tokens (case folded with :func:`textkit.tokens.fold`, punctuation
   dropped, the clitic ``'s`` kept as a word) with the marker :data:`BREAK` after every
   sentence, so that nothing is counted across a sentence or document boundary.
2. :func:`ngrams` counts bigrams or trigrams and scores them; :func:`collocates` counts the
   words around a node word and scores them. Counting is vectorised in
   :mod:`textkit.counting`: tokens become integer codes and n-grams become int64 keys counted
   with NumPy, never Python tuples.
3. Every row carries its 2×2 contingency table (``o11``, ``o12``, ``o21``, ``o22``) and the
   expected count ``e11 = (o11 + o12) × (o11 + o21) / N``, next to one column per measure of
   :data:`textkit.association.MEASURES`; :func:`explain` (from :mod:`textkit.teaching`, with
   :func:`choose` and :func:`contingency`) substitutes them into the formulas.
4. :mod:`textkit.scoredtable` makes every table from its counts: scores rounded to 6 decimals,
   rows sorted by ``measure`` (descending), then by the n-gram or collocate (by code point).
5. :func:`concordance` shows the KWIC lines of any collocation or node word, with
   :func:`textkit.kwic.lines`.

What the cells count
--------------------
**N-grams** (Evert 2008, §3: the sample is the set of n-gram *positions*). An n-gram position
is a run of ``n`` consecutive tokens inside one sentence; ``N`` is the number of such positions
in the corpus. The n-gram is split into a first part (the first ``n − 1`` words) and a last word:

- ``o11``: positions holding the n-gram ("united states"; for a trigram, "joe biden said");
- ``o12``: positions that start with the first part but end with another word
  ("united nations"; for a trigram, "joe biden spoke");
- ``o21``: positions that end with the last word but start otherwise ("western states");
- ``o22``: all other positions.

So ``R1 = o11 + o12`` is the number of positions starting with the first part and
``C1 = o11 + o21`` the number ending with the last word: for bigrams these are the word's
frequencies as first and as second member of a bigram, which differ from its plain token
frequency only at sentence edges. (NLTK's ``BigramCollocationFinder`` uses plain token
frequencies and ``N`` = number of tokens instead, so its four cells do not add up to its
``N``; the difference is a few counts per sentence.) A trigram is thus scored as "does the third
word follow this bigram more often than chance", one 2×2 table like every other row — not
NLTK's 2×2×2 cube.

**Node-word collocates** (Evert 2008, §5, surface co-occurrence). The windows are the ``L``
tokens left and ``R`` tokens right of every occurrence of the node, cut at sentence boundaries;
overlapping windows are merged, so every token position counts once. Over the corpus's ``N``
word tokens:

- ``o11``: occurrences of the collocate inside the windows (the co-occurrence frequency);
- ``o12``: other tokens inside the windows;
- ``o21``: occurrences of the collocate outside the windows;
- ``o22``: all other tokens.

``R1 = o11 + o12`` is the number of token positions in the windows, ``span × f(node)`` when no
window is cut or overlaps another (``span = L + R``), so ``e11 = R1 × f(collocate) / N`` is the
window-adjusted expectation ``span × f(node) × f(collocate) / N`` of AntConc and Sketch Engine,
computed from the positions that really exist. Every cell is a true, non-negative count.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import counting, kwic, kwicquery, memory, parameters
from textkit import tokens as tokenise
from textkit.counting import BREAK, CELLS, sequence  # noqa: F401  (re-exported: notebooks use them)
from textkit.errors import ParameterError
from textkit.scoredtable import MEASURE_COLUMNS, _check, _empty, _frame, _scored_table, _window
from textkit.scoredtable import MAX_WINDOW, NGRAM_SIZES, RULES  # noqa: F401  (re-exported)
from textkit.teaching import choose, contingency, explain  # noqa: F401  (re-exported)
from textkit.textindex import progress

#: Columns of :func:`ngrams`.
NGRAM_COLUMNS = ("collocation", "count", *CELLS, *MEASURE_COLUMNS)

#: Columns of :func:`collocates`.
COLLOCATE_COLUMNS = (
    "node", "collocate", "count", "f_node", "f_collocate", *CELLS, *MEASURE_COLUMNS
)

#: Columns of :func:`concordance`.
CONCORDANCE_COLUMNS = ("doc_id", *kwic.COLUMNS)


# --------------------------------------------------------------------------------------------
# N-grams
# --------------------------------------------------------------------------------------------


def _joined(words: np.ndarray, parts: list[np.ndarray]):
    """Return the ``text`` function of :func:`_scored_table` for n-grams: the words joined.

    One join per row, only for the rows kept: no intermediate strings ("united ") for the whole
    table. ``parts`` is emptied once used, which frees the code arrays.
    """

    def collocation(order):
        pieces = [words[part[order]] for part in parts]
        parts.clear()
        joined = np.fromiter(map(" ".join, zip(*pieces)), dtype=object, count=len(order))
        return [("collocation", joined)]

    return collocation


def choose_node(tokens: list[str], node: str = "", *, stopwords: frozenset[str] = frozenset()) -> str:
    """Return the node word: ``node`` as given, or when it is empty the most frequent content word.

    Parameters
    ----------
    tokens : list of str
        :func:`sequence` (folded tokens with sentence breaks).
    node : str, default ""
        The notebook's ``node`` parameter.
    stopwords : frozenset of str
        Never the chosen word (see :func:`textkit.corpusstats.top_word` for the other rules).

    Returns
    -------
    str
        The node word; ``""`` when ``node`` is empty and no content word exists.

    Examples
    --------
    >>> choose_node(sequence("Russia warned. Russia and the US met."), "")
    'russia'
    >>> choose_node(["a"], "Kyiv")
    'Kyiv'
    """
    parameters.check(node=node)
    if node.strip():
        return node.strip()
    from textkit import corpusstats

    codes, words = counting.encode(tokens)
    counted = pd.DataFrame({"token": pd.Series(words, dtype=object),
                            "count": np.bincount(codes[codes >= 0], minlength=len(words))})
    return corpusstats.top_word(counted, stopwords=stopwords)


def ngrams(
    tokens: list[str],
    *,
    n: int = 2,
    measure: str = "llr",
    min_count: int = 2,
    stopwords=frozenset(),
    top_n: int | None = None,
) -> pd.DataFrame:
    """Score every bigram or trigram of a token sequence with every association measure.

    Parameters
    ----------
    tokens : list of str
        Word tokens with :data:`BREAK` at sentence ends (see :func:`sequence`). An n-gram never
        contains a :data:`BREAK`.
    n : int, default 2
        2 for bigrams, 3 for trigrams.
    measure : str, default "llr"
        The measure to rank by, a key of :data:`textkit.association.MEASURES`.
    min_count : int, default 2
        Keep n-grams seen at least this many times.
    stopwords : set of str, default empty
        Stopword rule: leave out n-grams that start or end with one of these words (the
        counts ``N``, ``R1`` and ``C1`` still include them: the rule picks candidates, it does
        not change the sample).
    top_n : int or None, default None
        Keep only the first ``top_n`` rows; ``None`` keeps all.

    Returns
    -------
    pandas.DataFrame
        One row per n-gram, sorted by ``measure`` descending then ``collocation`` ascending,
        with columns

        - ``collocation`` (str): the words joined by one space;
        - ``count`` (int): occurrences of the n-gram (the ``frequency`` measure);
        - ``o11`` (int): n-gram positions holding the n-gram (= ``count``);
        - ``o12`` (int): positions with the same first ``n − 1`` words and another last word;
        - ``o21`` (int): positions with the same last word after other words;
        - ``o22`` (int): all other positions; ``o11 + o12 + o21 + o22 = N`` positions;
        - ``e11`` (float): expected count ``(o11 + o12) (o11 + o21) / N``;
        - ``pmi``, ``llr``, ``t``, ``chi2``, ``chi2_yates``, ``dice``, ``logdice``, ``mi3``
          (float): the measures of :mod:`textkit.association`, rounded to 6 decimals.

    Raises
    ------
    ParameterError
        For an unknown ``measure``, ``n`` other than 2 or 3, or ``min_count``/``top_n`` < 1.

    Examples
    --------
    >>> toks = sequence("The United States said no. The United States and Russia met. "
    ...                 "Russia said no.")
    >>> table = ngrams(toks, stopwords={"the", "and"})
    >>> table[["collocation", "count", "o11", "o12", "o21", "o22", "e11", "llr", "pmi"]]
         collocation  count  o11  o12  o21  o22       e11        llr       pmi
    0        said no      2    2    0    0    9  0.363636  10.431065  2.459432
    1  united states      2    2    0    0    9  0.363636  10.431065  2.459432

    Eleven bigram positions (4 + 5 + 2 in the three sentences); "united" starts two of them and
    "states" ends two, so ``e11 = 2 × 2 / 11``. Equal scores are ordered by the collocation.
    """
    _check(n=n, measure=measure, min_count=min_count, top_n=top_n)
    counts = counting.ngram_counts(tokens, n, min_count=min_count, stopwords=stopwords)
    if counts is None:
        return _empty(NGRAM_COLUMNS)
    words, parts = counts.pop("words"), counts.pop("parts")
    rank = counting.code_point_rank(words)
    counts["ties"] = [rank[p] for p in parts]
    del rank
    columns = _scored_table(_joined(words, parts), counts, measure=measure, top_n=top_n)
    return _frame(columns, NGRAM_COLUMNS)


# --------------------------------------------------------------------------------------------
# Node-word collocates
# --------------------------------------------------------------------------------------------


def _node_code(words: np.ndarray, node: str) -> int | None:
    """Return the code of the node word (folded first, then as given), or None if absent."""
    folded = tokenise.fold([node])[0]
    matches = np.flatnonzero(words == folded) if len(words) else np.array([], dtype=np.int64)
    if not len(matches):
        matches = np.flatnonzero(words == node)
    return int(matches[0]) if len(matches) else None


def collocates(
    tokens: list[str],
    node: str,
    *,
    window: int | tuple[int, int] = 5,
    measure: str = "llr",
    min_count: int = 2,
    stopwords=frozenset(),
    top_n: int | None = None,
) -> pd.DataFrame:
    """Score the words that occur near a node word, within a window, inside sentences.

    Parameters
    ----------
    tokens : list of str
        Word tokens with :data:`BREAK` at sentence ends (see :func:`sequence`).
    node : str
        One word, compared after the same folding as the tokens ("Russia" finds "russia").
    window : int or (int, int), default 5
        Tokens on each side of the node; ``(left, right)`` for an asymmetric window, e.g.
        ``(0, 3)`` for rightward only (as NLTK's finder). Windows stop at sentence ends.
    measure : str, default "llr"
        The measure to rank by (see :data:`textkit.association.MEASURES`).
    min_count : int, default 2
        Keep collocates seen in the windows at least this many times.
    stopwords : set of str, default empty
        Collocates to leave out of the table (they still take up window positions).
    top_n : int or None, default None
        Keep only the first ``top_n`` rows.

    Returns
    -------
    pandas.DataFrame
        One row per collocate, sorted by ``measure`` descending then ``collocate`` ascending
        (empty when the node does not occur), with columns

        - ``node`` (str): the node word as counted;
        - ``collocate`` (str): the word found in the windows;
        - ``count`` (int): its occurrences in the windows (= ``o11``);
        - ``f_node`` (int): occurrences of the node in the corpus;
        - ``f_collocate`` (int): occurrences of the collocate in the corpus (= ``o11 + o21``);
        - ``o11`` (int): collocate tokens inside the windows;
        - ``o12`` (int): other tokens inside the windows (``o11 + o12`` = window positions);
        - ``o21`` (int): collocate tokens outside the windows;
        - ``o22`` (int): other tokens outside; ``o11 + o12 + o21 + o22 = N`` word tokens;
        - ``e11`` (float): ``(o11 + o12) × f_collocate / N``, the window-adjusted expectation;
        - ``pmi``, ``llr``, ``t``, ``chi2``, ``chi2_yates``, ``dice``, ``logdice``, ``mi3``
          (float): the measures, rounded to 6 decimals.

    Examples
    --------
    >>> toks = sequence("Russia denies plans. Russia denies it. Kyiv fears Russia.")
    >>> collocates(toks, "Russia", window=2, min_count=1)[["collocate", "count", "o11", "o12",
    ...                                                      "o21", "o22", "e11", "llr"]]
      collocate  count  o11  o12  o21  o22       e11       llr
    0    denies      2    2    4    0    3  1.333333  1.896542
    1     fears      1    1    5    0    3  0.666667  0.872243
    2        it      1    1    5    0    3  0.666667  0.872243
    3      kyiv      1    1    5    0    3  0.666667  0.872243
    4     plans      1    1    5    0    3  0.666667  0.872243

    Nine word tokens; the windows hold six positions (two in each sentence, cut at the
    sentence ends), so ``e11 = 6 × f(collocate) / 9``.
    """
    _check(measure=measure, min_count=min_count, top_n=top_n)
    left, right = _window(window)
    parameters.check(node=node)
    if not node.strip():
        raise ParameterError("parameter node: collocates needs a node word, got ''. Use "
                             "choose_node(tokens, node) to pick the most frequent content word.")
    node = node.strip()
    codes, words = counting.encode(tokens)
    node_code = _node_code(words, node)
    if node_code is None:
        return _empty(COLLOCATE_COLUMNS)
    node_word = str(words[node_code])
    counts = counting.window_counts(codes, len(words), node_code, left, right)
    keep = counts["o11"] >= min_count
    if stopwords:
        keep &= ~counting.stop_mask(words, stopwords)
    kept = np.flatnonzero(keep)
    frequency = counts.pop("c1")
    counts.update(o11=counts["o11"][kept], c1=frequency[kept],
                  ties=[counting.code_point_rank(words)[kept]])
    columns = _scored_table(
        lambda order: [
            ("node", np.full(len(order), node_word, dtype=object)),
            ("collocate", words[kept[order]]),
        ],
        counts, measure=measure, top_n=top_n,
        extra={
            "f_node": np.full(len(kept), frequency[node_code], dtype=np.int64),
            "f_collocate": frequency[kept],
        },
    )
    return _frame(columns, COLLOCATE_COLUMNS)


# --------------------------------------------------------------------------------------------
# Concordance
# --------------------------------------------------------------------------------------------


def _target(phrase, collocate, window, lowercase) -> tuple[list[str], str | None, int, int]:
    """Return the phrase's words, the collocate to look for (or None) and the window sides."""
    parts = phrase.split() if isinstance(phrase, str) else []
    if not parts:
        raise ParameterError(f"parameter phrase must be a word or words, got {phrase!r}.")
    if lowercase:
        parts = tokenise.fold(parts)
    if collocate is None:
        if window != 5:
            raise ParameterError(
                "parameter window only applies together with collocate=...; leave it out for a "
                "plain concordance."
            )
        return parts, None, 0, 0
    if len(parts) != 1:
        raise ParameterError(
            f"with collocate=..., phrase must be one node word, got {phrase!r}."
        )
    left, right = _window(window)
    target = tokenise.fold([collocate.strip()])[0] if lowercase else collocate.strip()
    return parts, target, left, right


def _spans(words, query, target, left, right) -> list[tuple[int, int]]:
    """Return the character spans of the phrase in one text (with the collocate nearby).

    ``words`` is the text's :func:`textkit.kwicquery.word_index`, ``query`` the phrase as a
    :class:`textkit.kwicquery.Query`: the matching every concordance shares.
    """
    found = query.find(words)
    if target is not None:
        hits = words.matching(target.__eq__, lowercase=query.lowercase)
        found = [(first, last) for first, last in found
                 if _near(hits, words.sentences, first, last, left, right)]
    return words.spans(found)


def _near(hits, sentences, first, last, left, right) -> bool:
    """Tell whether a hit (the collocate) is at most ``left`` tokens before or ``right`` after,
    in the same sentence."""
    sentence = sentences[first]
    before = slice(max(0, first - left), first)
    after = slice(last + 1, last + 1 + right)
    return bool((hits[before] & (sentences[before] == sentence)).any()
                or (hits[after] & (sentences[after] == sentence)).any())


@memory.gives_back
def concordance(
    documents,
    phrase: str,
    *,
    collocate: str | None = None,
    window: int | tuple[int, int] = 5,
    width: int = 40,
    lowercase: bool = True,
) -> pd.DataFrame:
    """Return KWIC lines for a collocation or a node word, matched as :func:`ngrams` counts it.

    A phrase matches consecutive word tokens of one sentence (punctuation between them is
    skipped, as in the n-gram counts), compared after the same case folding; it is matched by
    the core of :func:`textkit.kwic.search`, so ``*`` works as there. With
    ``collocate``, only the node's occurrences that have the collocate within ``window`` tokens
    are shown, i.e. the lines behind a row of :func:`collocates` — one line per node occurrence,
    so a window holding the collocate twice gives one line but adds 2 to ``o11``.

    Parameters
    ----------
    documents : pandas.DataFrame or str
        The cleaned corpus (``doc_id`` and ``text`` columns) or one cleaned text.
    phrase : str
        A collocation ("united states") or a node word ("russia").
    collocate : str or None, default None
        Show only node occurrences with this word in their window (``phrase`` must be one word).
    window : int or (int, int), default 5
        The window for ``collocate`` (see :func:`collocates`); only accepted together with
        ``collocate``.
    width : int, default 40
        Characters of context on each side (see :func:`textkit.kwic.lines`).
    lowercase : bool, default True
        Fold case before matching, as :func:`sequence` does.

    Returns
    -------
    pandas.DataFrame
        One line per match, in document then text order, with columns

        - ``doc_id`` (str): the document;
        - ``start``, ``end`` (int): character offsets of the match in the document's text;
        - ``left`` (str): up to ``width`` characters before the match;
        - ``match`` (str): the matched text as written ("United States");
        - ``right`` (str): up to ``width`` characters after it;
        - ``L2``, ``L1``, ``R1``, ``R2`` (str): the two words before and after the match,
          folded, to sort by (:func:`textkit.kwic.sort`).

    Examples
    --------
    >>> text = "The United States said no. Russia's reply: the united, states."
    >>> concordance(text, "united states", width=8)[["left", "match", "right"]]
           left           match     right
    0          The    United States   said no
    1      ly: the   united, states         .
    >>> concordance(text, "russia", collocate="reply", window=2, width=5)["match"].tolist()
    ['Russia']
    """
    parts, target, left, right = _target(phrase, collocate, window, lowercase)
    query = kwicquery.Query(" ".join(parts), lowercase=lowercase, parameter="phrase")
    frames = []
    pairs = counting.texts(documents)
    for doc_id, text in progress(pairs, "finding lines"):
        words = kwicquery.word_index(text)
        spans = _spans(words, query, target, left, right)
        if spans:
            lines = kwic.lines(text, spans, width=width, words=words)
            lines.insert(0, "doc_id", doc_id)
            frames.append(lines)
    if not frames:
        return _empty_concordance()
    return pd.concat(frames, ignore_index=True)


def _empty_concordance() -> pd.DataFrame:
    return pd.DataFrame({
        c: pd.Series([], dtype="int64" if c in ("start", "end") else object)
        for c in CONCORDANCE_COLUMNS
    })


def ngrams_by_group(documents: pd.DataFrame, *, by: str = "doc_group", lowercase: bool = True,
                    **options) -> pd.DataFrame:
    """Score the n-grams of each group of documents on its own, stacked in long form.

    Each group is a sample of its own: its sentences give the positions, so ``N``, ``R1`` and
    ``C1`` are the group's (a collocation strong in one section and absent from another shows
    as such). With one group this is :func:`ngrams` of the whole corpus with a ``by`` column.

    Parameters
    ----------
    documents : pandas.DataFrame
        The cleaned corpus with the group column ``by`` (:func:`textkit.groups.assign`).
    by : str, default "doc_group"
    lowercase : bool, default True
        As in :func:`sequence`.
    **options
        ``n``, ``measure``, ``min_count``, ``stopwords``, ``top_n`` of :func:`ngrams`
        (``top_n`` applies to each group).

    Returns
    -------
    pandas.DataFrame
        ``by`` (the group, in :func:`textkit.groups.order`), then the columns of :func:`ngrams`.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "doc_group": ["x", "y"],
    ...                      "text": ["United States. United States.", "New York. New York."]})
    >>> ngrams_by_group(docs)[["doc_group", "collocation", "count"]]
      doc_group    collocation  count
    0         x  united states      2
    1         y       new york      2
    """
    from textkit.groups import order

    frames = []
    for group in order(documents[by].astype(str)):
        chosen = documents[documents[by].astype(str) == group]
        table = ngrams(sequence(chosen, lowercase=lowercase), **options)
        table.insert(0, by, pd.Series([group] * len(table), dtype=object))
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=[by, *NGRAM_COLUMNS])
    return pd.concat(frames, ignore_index=True)
