"""Collocations: n-grams and node-word collocates scored by association measures, with their working.

The pipeline, and the conventions every table here follows:

1. :func:`sequence` turns a corpus into one list of folded word tokens (case folded with
   :func:`textkit.tokens.fold`, punctuation dropped, the clitic ``'s`` kept as a word) with the
   marker :data:`BREAK` after every sentence, so that nothing is counted across a sentence or
   document boundary.
2. :func:`ngrams` counts bigrams or trigrams and scores them; :func:`collocates` counts the
   words around a node word and scores them. Counting is vectorised: tokens become integer
   codes and n-grams become int64 keys counted with NumPy, never Python tuples.
3. Every row carries its 2×2 contingency table (``o11``, ``o12``, ``o21``, ``o22``) and the
   expected count ``e11 = (o11 + o12) × (o11 + o21) / N``, next to one column per measure of
   :data:`textkit.association.MEASURES`; :func:`explain` substitutes them into the formulas.
4. Scores are rounded to 6 decimals, then rows are sorted by the chosen ``measure`` (descending)
   and then by the n-gram or collocate (ascending, by code point), so ties are broken the same
   way every time.
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

from collections import defaultdict
from itertools import count

import numpy as np
import pandas as pd

from textkit import association, kwic, markup, parameters
from textkit import tokens as tokenise
from textkit.errors import ParameterError

#: The token that marks the end of a sentence (and so of a document) in a :func:`sequence`.
#: The word-token pattern never produces it, because tokens contain no whitespace.
BREAK = "\n"

#: The count columns every scored table carries, in order.
CELLS = ("o11", "o12", "o21", "o22", "e11")

#: One column per measure (``frequency`` is the ``count`` column).
MEASURE_COLUMNS = tuple(m for m in association.MEASURES if m != "frequency")

#: Columns of :func:`ngrams`.
NGRAM_COLUMNS = ("collocation", "count", *CELLS, *MEASURE_COLUMNS)

#: Columns of :func:`collocates`.
COLLOCATE_COLUMNS = (
    "node", "collocate", "count", "f_node", "f_collocate", *CELLS, *MEASURE_COLUMNS
)

#: Columns of :func:`concordance`.
CONCORDANCE_COLUMNS = ("doc_id", *kwic.COLUMNS)

_DECIMALS = 6

#: The n-gram sizes the ``n`` parameter takes.
NGRAM_SIZES = (2, 3)

#: The widest ``window``: no sentence needs more tokens on one side of the node; the bound
#: keeps a mistyped ``window 1000000000`` from trying to allocate a window that long.
MAX_WINDOW = 100

#: Rules of the collocation parameters (read by :func:`textkit.parameters.check`).
RULES = {
    "n": parameters.one_of(*NGRAM_SIZES),
    "window": parameters.between(1, MAX_WINDOW, "tokens on each side of the node"),
    "node": parameters.one_word(),
}


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------


def _texts(documents) -> list[tuple[str, str]]:
    """Return ``(doc_id, text)`` pairs from a corpus DataFrame or a single text."""
    if isinstance(documents, str):
        return [("text", documents)]
    if isinstance(documents, pd.DataFrame) and {"doc_id", "text"} <= set(documents.columns):
        return list(zip(documents["doc_id"].astype(str), documents["text"]))
    raise ParameterError(
        f"documents must be a text (str) or a corpus DataFrame with 'doc_id' and 'text' columns, "
        f"got {type(documents).__name__}. Read one with textkit.files.read_corpus."
    )


def _sentence_words(text: str, *, lowercase: bool):
    """Yield, per sentence, the word tokens (folded or not) and their character spans."""
    for start, end in tokenise.sentence_spans(text):
        found = [
            (m.group(), m.start(), m.end())  # pos/endpos keep offsets absolute
            for m in tokenise.TOKEN_PATTERN.finditer(text, start, end)
            if tokenise.is_word(m.group())
        ]
        words = [w for w, _, _ in found]
        yield (tokenise.fold(words) if lowercase else words), [(s, e) for _, s, e in found]


def sequence(documents, *, lowercase: bool = True) -> list[str]:
    """Return the word tokens of a corpus, sentence by sentence, with :data:`BREAK` after each.

    Parameters
    ----------
    documents : pandas.DataFrame or str
        A cleaned corpus with ``doc_id`` and ``text`` columns (see :func:`textkit.clean.corpus`),
        or one cleaned text.
    lowercase : bool, default True
        Fold case with :func:`textkit.tokens.fold` ("US" stays "US", "The" becomes "the").

    Returns
    -------
    list of str
        Word tokens (punctuation dropped) in text order; :data:`BREAK` (``"\\n"``) ends every
        sentence, so the last sentence of one document never runs into the next document.

    Examples
    --------
    >>> sequence("The US said no. Russia's reply came.")
    ['the', 'US', 'said', 'no', '\\n', 'russia', "'s", 'reply', 'came', '\\n']
    """
    out: list[str] = []
    for _, text in _texts(documents):
        for words, _ in _sentence_words(text, lowercase=lowercase):
            out.extend(words)
            out.append(BREAK)
    return out


def _encode(tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return integer codes for the tokens (``-1`` for :data:`BREAK`) and the vocabulary.

    One pass in C: a ``defaultdict`` hands out the next code the first time it sees a word, so
    codes follow the order of first appearance. Codes are int32 (int64 past 2**31 types).
    """
    index = defaultdict(count().__next__)
    index[BREAK]  # code 0, shifted to -1 below
    dtype = np.int32 if len(tokens) < 2**31 else np.int64
    codes = np.fromiter(map(index.__getitem__, tokens), dtype=dtype, count=len(tokens))
    codes -= 1
    words = np.empty(len(index) - 1, dtype=object)
    words[:] = list(index)[1:]
    return codes, words


def _sort_rank(words: np.ndarray) -> np.ndarray:
    """Return, for each vocabulary entry, its position in code-point (``str``) order."""
    order = np.array(sorted(range(len(words)), key=words.__getitem__), dtype=np.int64)
    rank = np.empty(len(words), dtype=np.int64)
    rank[order] = np.arange(len(words))
    return rank


def _stop_mask(words: np.ndarray, stopwords) -> np.ndarray:
    """Return a boolean array: is each vocabulary entry a stopword?"""
    stopwords = frozenset(stopwords)
    return np.fromiter((w in stopwords for w in words), dtype=bool, count=len(words))


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------

#: Positions handled per vectorised step; keeps temporary arrays small (about 8 MB each).
_CHUNK = 1 << 20


def _bincount(values: np.ndarray, mask: np.ndarray, size: int) -> np.ndarray:
    """Count the codes ``values[:len(mask)][mask]`` (chunk by chunk: no full-length copy)."""
    out = np.zeros(size, dtype=np.int64)
    for s in range(0, len(mask), _CHUNK):
        e = min(s + _CHUNK, len(mask))
        chunk = values[s:e][mask[s:e]]
        out += np.bincount(chunk, minlength=size)
    return out


def _count(codes: np.ndarray, width: int, mask: np.ndarray, size: int, *, min_count: int):
    """Count the runs of ``width`` codes that start where ``mask`` is true.

    A run ``c0 c1 … ck`` becomes the int64 key ``((c0 × size) + c1) × size + …``. Positions are
    split into groups by ``c0 % groups`` (every run lands in exactly one group) and each group
    is sorted and counted on its own, so the largest temporary array holds about half a
    :data:`_CHUNK` of keys rather than one per token. Returns the sorted keys seen at least
    ``min_count`` times and their counts.
    """
    groups = max(1, -(-int(np.count_nonzero(mask)) // (_CHUNK // 2)))
    kept_keys, kept_counts = [], []
    if groups > 1:  # each position's group, once (1 or 2 bytes a position)
        group_of = np.empty(len(mask), dtype=np.int8 if groups < 128 else np.int16)
        for s in range(0, len(mask), _CHUNK):
            e = min(s + _CHUNK, len(mask))
            np.remainder(codes[s:e], groups, out=group_of[s:e], casting="unsafe")
    for group in range(groups):
        parts = []
        for s in range(0, len(mask), _CHUNK):
            e = min(s + _CHUNK, len(mask))
            take = mask[s:e]
            if groups > 1:
                take = take & (group_of[s:e] == group)
            key = codes[s:e][take].astype(np.int64)
            for k in range(1, width):
                key *= size
                key += codes[s + k : e + k][take]
            parts.append(key)
        keys, counts = np.unique(np.concatenate(parts), return_counts=True)
        del parts
        if min_count > 1:
            keep = counts >= min_count
            keys, counts = keys[keep], counts[keep]
        kept_keys.append(keys)
        kept_counts.append(counts)
    keys = np.concatenate(kept_keys)
    counts = np.concatenate(kept_counts).astype(np.int64)
    order = np.argsort(keys, kind="stable")
    return keys[order], counts[order]


def _measures(o11, o12, o21, o22, names) -> dict[str, np.ndarray]:
    """Return e11 and the named measures, each rounded to 6 decimals.

    Rows are computed in blocks written into the result arrays, so the temporary arrays of
    the formulas stay small however long the table is.
    """
    functions = {"e11": association.expected, **{m: association.MEASURES[m] for m in names}}
    columns = {name: np.empty(len(o11), dtype=np.float64) for name in functions}
    step = 8192  # rows per block: the formulas' temporaries stay under a megabyte
    for s in range(0, len(o11), step):
        cells = (o11[s : s + step], o12[s : s + step], o21[s : s + step], o22[s : s + step])
        for name, function in functions.items():
            columns[name][s : s + step] = np.round(function(*cells), _DECIMALS)
    return columns


def _order(score: np.ndarray, tie_keys: list[np.ndarray], top_n) -> np.ndarray:
    """Return the row order: ``score`` descending, then the tie keys ascending."""
    order = np.lexsort((*reversed(tie_keys), -score.astype(np.float64)))
    return order if top_n is None else order[:top_n]


def _check(*, n=None, measure, min_count, top_n):
    """Validate the options shared by :func:`ngrams` and :func:`collocates` (one rule each)."""
    values = {"measure": measure, "min_count": min_count}
    if n is not None:
        values["n"] = n
    if top_n is not None:  # None: every row
        values["top_n"] = top_n
    parameters.check(**values)


def _scored_table(text, counts: dict, total: int, *, measure, top_n, extra=None):
    """Build a sorted, scored table from counts and marginals (one array element per row).

    ``counts`` holds ``o11``, ``r1``, ``c1`` and ``ties`` (the tie-break keys) and is emptied
    here, so that each array is freed as soon as it is used. ``text`` is a function of the row
    order that returns ``(name, object array)`` pairs, so strings are made only for the rows
    kept, already in order. Arrays are replaced one at a time and the measures are computed in
    blocks: the peak memory stays close to the size of the finished table.
    """
    o11 = np.asarray(counts.pop("o11"), dtype=np.int64)
    r1, c1 = counts.pop("r1"), counts.pop("c1")
    o12 = r1 - o11
    o21 = c1 - o11
    o22 = (total - r1) - o21
    del r1, c1
    score = o11 if measure == "frequency" else _measures(o11, o12, o21, o22, [measure])[measure]
    order = _order(score, counts.pop("ties"), top_n)
    del score
    columns = dict(text(order))
    o11 = o11[order]
    o12 = o12[order]
    o21 = o21[order]
    o22 = o22[order]
    columns["count"] = o11  # the same array: the frequency measure is O11
    for name, values in (extra or {}).items():
        columns[name] = values[order]
    del order
    columns.update({"o11": o11, "o12": o12, "o21": o21, "o22": o22})
    columns.update(_measures(o11, o12, o21, o22, MEASURE_COLUMNS))
    return columns


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
    codes, words = _encode(tokens)
    size = len(words)
    starts = len(codes) - n + 1
    if starts <= 0 or size == 0:
        return _empty(NGRAM_COLUMNS)
    if n == 3 and size**3 >= 2**63:
        raise ParameterError(
            f"the corpus has {size:,} distinct words, too many for int64 trigram keys "
            "(at most 2,097,151). Use n=2, or count a part of the corpus."
        )
    # n-gram positions: runs of n codes without a BREAK (code -1).
    valid = codes[:starts] >= 0
    for k in range(1, n):
        valid &= codes[k : k + starts] >= 0
    total = int(np.count_nonzero(valid))
    # Marginals over every position, before the stopword rule picks candidates.
    c1_all = _bincount(codes[n - 1 :], valid, size)
    if n == 2:
        r1_all = _bincount(codes, valid, size)
    else:
        prefix_keys, prefix_counts = _count(codes, 2, valid, size, min_count=1)
    candidate = valid
    if stopwords:
        stop = _stop_mask(words, stopwords)
        candidate = valid.copy()
        for s in range(0, starts, _CHUNK):
            e = min(s + _CHUNK, starts)
            candidate[s:e] &= ~stop[codes[s:e]] & ~stop[codes[s + n - 1 : e + n - 1]]
    keys, o11 = _count(codes, n, candidate, size, min_count=min_count)
    del codes, valid, candidate
    last = keys % size
    prefix = keys // size
    del keys
    rank = _sort_rank(words)
    if n == 2:
        parts = [prefix]
        r1 = r1_all[prefix]
    else:
        parts = [prefix // size, prefix % size]
        r1 = prefix_counts[np.searchsorted(prefix_keys, prefix)]
        del prefix_keys, prefix_counts
    del prefix

    held = [*parts, last]

    def collocation(order):
        # One join per row: no intermediate strings ("united ") for the whole table.
        pieces = [words[part[order]] for part in held]
        held.clear()
        joined = np.fromiter(map(" ".join, zip(*pieces)), dtype=object, count=len(order))
        return [("collocation", joined)]

    counts = {"o11": o11, "r1": r1, "c1": c1_all[last],
              "ties": [rank[p] for p in parts] + [rank[last]]}
    del o11, r1, c1_all, rank, parts, last
    columns = _scored_table(collocation, counts, total, measure=measure, top_n=top_n)
    return _frame(columns, NGRAM_COLUMNS)


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
    node = node.strip()
    codes, words = _encode(tokens)
    folded = tokenise.fold([node])[0]
    matches = np.flatnonzero(words == folded) if len(words) else np.array([], dtype=np.int64)
    if not len(matches):
        matches = np.flatnonzero(words == node)
    if not len(matches):
        return _empty(COLLOCATE_COLUMNS)
    node_code = int(matches[0])
    node_word = str(words[node_code])
    sentence = np.cumsum(codes < 0)  # a BREAK starts the next sentence's number
    at = np.flatnonzero(codes == node_code)
    inside = np.zeros(len(codes), dtype=bool)
    for offset in [*range(-left, 0), *range(1, right + 1)]:
        where = at + offset
        where = where[(where >= 0) & (where < len(codes))]
        where = where[(sentence[where] == sentence[where - offset]) & (codes[where] >= 0)]
        inside[where] = True
    is_word = codes >= 0
    frequency = _bincount(codes, is_word, len(words))
    total = int(np.count_nonzero(is_word))
    o11 = _bincount(codes, inside, len(words))
    window_positions = int(np.count_nonzero(inside))
    keep = o11 >= min_count
    if stopwords:
        keep &= ~_stop_mask(words, stopwords)
    kept = np.flatnonzero(keep)
    columns = _scored_table(
        lambda order: [
            ("node", np.full(len(order), node_word, dtype=object)),
            ("collocate", words[kept[order]]),
        ],
        {"o11": o11[kept], "r1": window_positions, "c1": frequency[kept],
         "ties": [_sort_rank(words)[kept]]},
        total, measure=measure, top_n=top_n,
        extra={
            "f_node": np.full(len(kept), frequency[node_code], dtype=np.int64),
            "f_collocate": frequency[kept],
        },
    )
    return _frame(columns, COLLOCATE_COLUMNS)


def _window(window) -> tuple[int, int]:
    """Return ``(left, right)`` from ``window``, or raise ParameterError."""
    if not isinstance(window, (tuple, list)):
        parameters.check(window=window)
        return window, window
    pair = window
    try:
        left, right = pair
        ok = all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_WINDOW
                 for v in pair)
    except (TypeError, ValueError):
        ok = False
    if not ok or left + right < 1:
        raise ParameterError(
            f"parameter window must be {RULES['window'].what} or a pair (left, right) of such "
            f"numbers (one may be 0), got {window!r}."
        )
    return left, right


def _frame(columns: dict, names) -> pd.DataFrame:
    """Wrap the column arrays in a DataFrame without copying them; text columns stay object."""
    return pd.DataFrame(
        {
            name: pd.Series(columns[name], dtype=object, copy=False)
            if columns[name].dtype == object
            else columns[name]
            for name in names
        },
        copy=False,
    )


def _empty(names) -> pd.DataFrame:
    """Return an empty table with the right columns and dtypes."""
    numbers = (*CELLS, *MEASURE_COLUMNS)
    dtypes = {"o11": "int64", "o12": "int64", "o21": "int64", "o22": "int64", "count": "int64",
              "f_node": "int64", "f_collocate": "int64"}
    return pd.DataFrame({
        name: pd.Series([], dtype=dtypes.get(name, "float64" if name in numbers else object))
        for name in names
    })


# --------------------------------------------------------------------------------------------
# Concordance
# --------------------------------------------------------------------------------------------


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
    skipped, as in the n-gram counts), compared after the same case folding. With
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
        - ``right`` (str): up to ``width`` characters after it.

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
    parts = phrase.split() if isinstance(phrase, str) else []
    if not parts:
        raise ParameterError(f"parameter phrase must be a word or words, got {phrase!r}.")
    if lowercase:
        parts = tokenise.fold(parts)
    target = None
    if collocate is not None:
        if len(parts) != 1:
            raise ParameterError(
                f"with collocate=..., phrase must be one node word, got {phrase!r}."
            )
        left, right = _window(window)
        target = tokenise.fold([collocate.strip()])[0] if lowercase else collocate.strip()
    elif window != 5:
        raise ParameterError(
            "parameter window only applies together with collocate=...; leave it out for a "
            "plain concordance."
        )
    frames = []
    size = len(parts)
    for doc_id, text in _texts(documents):
        spans = []
        for words, offsets in _sentence_words(text, lowercase=lowercase):
            for i in range(len(words) - size + 1):
                if words[i : i + size] != parts:
                    continue
                if target is not None:
                    around = words[max(0, i - left) : i] + words[i + 1 : i + 1 + right]
                    if target not in around:
                        continue
                spans.append((offsets[i][0], offsets[i + size - 1][1]))
        if spans:
            lines = kwic.lines(text, spans, width=width)
            lines.insert(0, "doc_id", doc_id)
            frames.append(lines)
    if not frames:
        return _empty_concordance()
    return pd.concat(frames, ignore_index=True)


def _empty_concordance() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": pd.Series([], dtype=object), "start": pd.Series([], dtype="int64"),
        "end": pd.Series([], dtype="int64"), "left": pd.Series([], dtype=object),
        "match": pd.Series([], dtype=object), "right": pd.Series([], dtype=object),
    })


# --------------------------------------------------------------------------------------------
# Teaching view
# --------------------------------------------------------------------------------------------


def _row(table: pd.DataFrame, item: str | None) -> pd.Series:
    """Return the row of an n-gram or collocate table for ``item`` (``None``: the first row)."""
    key = "collocation" if "collocation" in table.columns else "collocate"
    if key not in table.columns or not set(CELLS) <= set(table.columns):
        raise ParameterError(
            "explain needs a table made by collocations.ngrams or collocations.collocates "
            f"(with columns {key} and {', '.join(CELLS)}); got columns {list(table.columns)}."
        )
    if table.empty:
        raise ParameterError(
            "explain: the table has no rows. Lower min_count, switch off the stopword rule, or "
            "use a larger corpus."
        )
    if item is None:
        return table.iloc[0]
    found = _find(table, key, item)
    if found is None:
        sample = ", ".join(map(repr, table[key].head(5)))
        raise ParameterError(
            f"parameter explain: {item!r} is not a row of the table (after filtering by "
            f"min_count and the stopword rule). Pick one of its rows, e.g. {sample}."
        )
    return table[table[key] == found].iloc[0]


def _find(table: pd.DataFrame, key: str, item: str) -> str | None:
    """Return the value of ``key`` that names ``item`` (folded first, then as given), or None."""
    for candidate in (" ".join(tokenise.fold(str(item).split())), str(item)):
        if (table[key] == candidate).any():
            return candidate
    return None


def choose(table: pd.DataFrame, item: str) -> str:
    """Return the row to work through: ``item`` if it is a row of ``table``, else the first row.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`ngrams` or :func:`collocates`.
    item : str
        The wanted ``collocation`` or ``collocate`` (folded like the table).

    Returns
    -------
    str
        The row's ``collocation`` / ``collocate``; ``item`` itself when the table is empty.

    Examples
    --------
    >>> table = ngrams(sequence("The United States said no. The United States met."))
    >>> choose(table, "United States"), choose(table, "atlantis"), choose(table.head(0), "x")
    ('united states', 'the united', 'x')
    """
    if table.empty:
        return item
    key = "collocation" if "collocation" in table.columns else "collocate"
    return _find(table, key, item) or str(table[key].iloc[0])


def contingency(table: pd.DataFrame, item: str | None = None) -> pd.DataFrame:
    """Return the 2×2 contingency table, with totals, of one row of a collocation table.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`ngrams` or :func:`collocates`.
    item : str or None, default None
        The ``collocation`` (n-gram tables) or ``collocate`` (collocate tables) to show;
        ``None`` shows the first (top-ranked) row.

    Returns
    -------
    pandas.DataFrame
        Three rows (the first part or the node's windows, everything else, ``total``) and three
        columns (the last word or the collocate, every other word, ``total``), all int:
        ``o11 o12 R1 / o21 o22 R2 / C1 C2 N``.

    Examples
    --------
    >>> table = ngrams(sequence("The United States said no. The United States met."))
    >>> contingency(table, "united states")
                      'states'  not 'states'  total
    'united'                 2             0      2
    not 'united'             0             5      5
    total                    2             5      7
    """
    row = _row(table, item)
    o11, o12, o21, o22 = (int(row[c]) for c in ("o11", "o12", "o21", "o22"))
    if "collocation" in table.columns:
        *head, tail = str(row["collocation"]).split(" ")
        top, side = f"'{' '.join(head)}'", f"'{tail}'"
        rows = [top, f"not {top}", "total"]
    else:
        side = f"'{row['collocate']}'"
        rows = [f"in the windows of '{row['node']}'", "outside the windows", "total"]
    return pd.DataFrame(
        [
            [o11, o12, o11 + o12],
            [o21, o22, o21 + o22],
            [o11 + o21, o12 + o22, o11 + o12 + o21 + o22],
        ],
        index=rows,
        columns=[side, f"not {side}", "total"],
    )


def _num(value: float) -> str:
    """Format a number for the teaching view: integers as such, floats to 6 decimals."""
    value = float(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def explain(table: pd.DataFrame, item: str | None = None, *, asked: str | None = None) -> str:
    """Show, as Markdown, the 2×2 table of one row and every formula with its counts filled in.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`ngrams` or :func:`collocates`.
    item : str or None, default None
        The ``collocation`` or ``collocate`` to explain (folded like the table, so
        "United States" finds "united states"); ``None`` explains the first row.
    asked : str or None, default None
        What the user asked for (the notebook's ``explain`` parameter). When it differs from
        ``item`` (it is not a row; see :func:`choose`), a note says so first.

    Returns
    -------
    str
        Markdown: what the cells count, the 2×2 table with totals, the expected counts, and one
        table row per measure — formula, formula with the counts, value (the value in
        ``table``).

        An empty table gives a one-line note instead (nothing to work through). Words and
        the ``asked`` text are escaped (:func:`textkit.markup.markdown`), so nothing in them is
        read as Markdown or HTML.

    Raises
    ------
    ParameterError
        If ``item`` is not a row of ``table`` (:func:`choose` picks a row that is).

    Examples
    --------
    >>> table = ngrams(sequence("The United States said no. The United States met."))
    >>> text = explain(table, "United States")
    >>> print(text.split("\\n")[0])
    #### Why "united states" scores what it scores
    >>> [line for line in text.split("\\n") if line.startswith("| pmi")]
    ['| pmi | log2(O11 / E11) | log2(2 / 0.571429) | 1.807355 |']
    """
    if table.empty and set(CELLS) <= set(table.columns):
        return (
            "**Nothing to work through:** the table has no rows. Lower `min_count`, switch off "
            "the stopword rule, or use a larger corpus."
        )
    row = _row(table, item)
    o = {c: int(row[c]) for c in ("o11", "o12", "o21", "o22")}
    o11, o12, o21, o22 = o["o11"], o["o12"], o["o21"], o["o22"]
    r1, r2, c1, c2 = o11 + o12, o21 + o22, o11 + o21, o12 + o22
    n = r1 + r2
    e = {
        "11": r1 * c1 / n if n else 0.0, "12": r1 * c2 / n if n else 0.0,
        "21": r2 * c1 / n if n else 0.0, "22": r2 * c2 / n if n else 0.0,
    }
    ngram = "collocation" in table.columns
    md = markup.markdown
    name = md(row["collocation"]) if ngram else f"{md(row['collocate'])}\" near \"{md(row['node'])}"
    lines = [f'#### Why "{name}" scores what it scores', ""]
    key = row["collocation" if ngram else "collocate"]
    if asked is not None and _find(table, "collocation" if ngram else "collocate", asked) != key:
        lines = [f"**Note:** “{md(asked)}” is not a row of this table; its top row is worked "
                 "through instead. Set `explain` to one of the rows above.", "", *lines]
    if ngram:
        *head, tail = (md(w) for w in str(row["collocation"]).split(" "))
        words = len(head) + 1
        lines += [
            f"The sample is every run of {words} consecutive words inside a sentence: "
            f"N = {n} {'bigram' if words == 2 else 'trigram'} positions. Each position either "
            f"starts with '{' '.join(head)}' or not, and either ends with '{tail}' or not.",
        ]
    else:
        span = "the windows around every occurrence of the node"
        lines += [
            f"The sample is the corpus's N = {n} word tokens. Each token is either inside {span} "
            f"'{md(row['node'])}' ({r1} positions, cut at sentence ends, overlaps counted once) "
            f"or outside them, and either is '{md(row['collocate'])}' or is not.",
        ]
    frame = contingency(table, item if item is not None else row[
        "collocation" if ngram else "collocate"])
    cells = [["O11", "O12", "R1"], ["O21", "O22", "R2"], ["C1", "C2", "N"]]
    lines += ["", "| | " + " | ".join(map(md, frame.columns)) + " |", "|---|---:|---:|---:|"]
    for label, values, names in zip(map(md, frame.index), frame.to_numpy(), cells):
        filled = " | ".join(f"{k} = {v}" for k, v in zip(names, values))
        lines.append(f"| **{label}** | {filled} |")
    lines += [
        "",
        f"If the two were independent, the expected count would be "
        f"E11 = R1 × C1 / N = {r1} × {c1} / {n} = **{_num(row['e11'])}**; it was seen "
        f"O11 = **{o11}** times.",
    ]
    if not ngram:
        f_node = int(row["f_node"])
        lines.append(
            f"(With whole, non-overlapping windows R1 would be span × f(node); here f(node) = "
            f"{f_node} and R1 = {r1}.)"
        )
    g2_terms = " + ".join(
        f"{o['o' + k]} ln({o['o' + k]} / {_num(e[k])})"
        for k in ("11", "12", "21", "22")
        if o["o" + k] > 0
    )
    cross = f"{o11}×{o22} − {o12}×{o21}"
    formulas = [
        ("frequency", "O11", f"{o11}", row["count"]),
        ("pmi", "log2(O11 / E11)", f"log2({o11} / {_num(e['11'])})", row["pmi"]),
        ("llr", "2 Σ Oij ln(Oij / Eij)", f"2 × ({g2_terms or '0'})", row["llr"]),
        ("t", "(O11 − E11) / √O11", f"({o11} − {_num(e['11'])}) / √{o11}", row["t"]),
        ("chi2", "N (O11 O22 − O12 O21)² / (R1 R2 C1 C2)",
         f"{n} × ({cross})² / ({r1}×{r2}×{c1}×{c2})", row["chi2"]),
        # "\\|" keeps the absolute-value bars from ending the Markdown table cell.
        ("chi2_yates", "N (\\|O11 O22 − O12 O21\\| − N/2)² / (R1 R2 C1 C2)",
         f"{n} × (\\|{cross}\\| − {_num(n / 2)})² / ({r1}×{r2}×{c1}×{c2})", row["chi2_yates"]),
        ("dice", "2 O11 / (R1 + C1)", f"2×{o11} / ({r1} + {c1})", row["dice"]),
        ("logdice", "14 + log2(2 O11 / (R1 + C1))", f"14 + log2(2×{o11} / ({r1} + {c1}))",
         row["logdice"]),
        ("mi3", "log2(O11³ / E11)", f"log2({o11}³ / {_num(e['11'])})", row["mi3"]),
    ]
    lines += ["", "| measure | formula | with the counts | value |", "|---|---|---|---:|"]
    lines += [f"| {m} | {f} | {s} | {_num(v)} |" for m, f, s, v in formulas]
    lines += [
        "",
        "Logarithms: log2 for pmi, logdice and mi3, natural (ln) for llr; 0 × ln 0 counts as 0. "
        "llr is two-sided (a pair seen far *less* often than expected scores high too): the sign "
        "of t says which.",
    ]
    return "\n".join(lines)
