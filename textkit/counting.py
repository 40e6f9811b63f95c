"""The counting engine: token sequences, integer codes, n-gram and window counts, 2×2 cells.

Every table that scores items by a 2×2 contingency table (:mod:`textkit.collocations`,
:mod:`textkit.keyness`) is built from the same few steps, which live here:

1. :func:`sequence` turns a corpus into one list of folded word tokens with the marker
   :data:`BREAK` after every sentence, so that nothing is counted across a sentence or document
   boundary.
2. :func:`encode` turns the tokens into integer codes (``-1`` for :data:`BREAK`) and a
   vocabulary; :func:`bincount` counts codes, :func:`count_runs` counts runs of codes as int64
   keys (never Python tuples), chunk by chunk, so temporary arrays stay small.
3. :func:`ngram_counts` and :func:`window_counts` count what a collocation table needs: ``O11``
   per item and the marginals ``R1`` (row total), ``C1`` (column total) and ``N``.
4. :func:`cells` turns ``O11``, ``R1``, ``C1`` and ``N`` into the four cells
   ``o11 o12 o21 o22`` of the table drawn in :mod:`textkit.association`; :func:`score` applies
   measures to the cells in blocks, rounded to :data:`DECIMALS`; :func:`order` sorts rows by a
   score (descending) and then by tie-break keys (ascending), e.g. :func:`code_point_rank` of
   the item's text, so that ties are broken the same way every time.

What the cells *count* (n-gram positions, window positions, two corpora) is the caller's
decision; this module only counts and does the arithmetic every caller shares.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from itertools import count

import numpy as np
import pandas as pd

from textkit import association, memory, sequences
from textkit.errors import ParameterError

#: The token that marks the end of a sentence (and so of a document) in a :func:`sequence`.
#: The word-token pattern never produces it, because tokens contain no whitespace.
BREAK = sequences.BREAK

#: The count columns every scored table carries, in order: the four cells and ``e11``.
CELLS = ("o11", "o12", "o21", "o22", "e11")

#: Scores are rounded to this many decimals before ranking, so equal scores tie exactly.
DECIMALS = 6

#: Positions handled per vectorised step; keeps temporary arrays small (about 8 MB each).
CHUNK = 1 << 20

#: Rows per block in :func:`score`: the formulas' temporaries stay under a megabyte.
BLOCK = 8192


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------


def texts(documents) -> list[tuple[str, str]]:
    """Return ``(doc_id, text)`` pairs from a corpus DataFrame or a single text.

    ``documents`` is a DataFrame with ``doc_id`` and ``text`` columns, or one text (its
    ``doc_id`` is "text"); anything else raises :class:`~textkit.errors.ParameterError`.

    Examples
    --------
    >>> texts("No news.")
    [('text', 'No news.')]
    """
    if isinstance(documents, str):
        return [("text", documents)]
    if isinstance(documents, pd.DataFrame) and {"doc_id", "text"} <= set(documents.columns):
        return list(zip(documents["doc_id"].astype(str), documents["text"]))
    raise ParameterError(
        f"documents must be a text (str) or a corpus DataFrame with 'doc_id' and 'text' columns, "
        f"got {type(documents).__name__}. Read one with textkit.files.read_corpus."
    )


@memory.gives_back
def sequence(documents, *, lowercase: bool = True) -> sequences.Sequence:
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
    textkit.sequences.Sequence
        Word tokens (punctuation dropped, the clitic ``'s`` kept as a word) in text order;
        :data:`BREAK` (``"\\n"``) ends every sentence, so the last sentence of one document
        never runs into the next document. It behaves like a list of str (``len``, indexing,
        iteration, ``count``) but holds 4-byte codes (:mod:`textkit.sequences`).

    Examples
    --------
    >>> sequence("The US said no. Russia's reply came.")
    ['the', 'US', 'said', 'no', '\\n', 'russia', "'s", 'reply', 'came', '\\n']
    """
    return sequences.build([text for _, text in texts(documents)], lowercase=lowercase)


def encode(tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return integer codes for the tokens (``-1`` for :data:`BREAK`) and the vocabulary.

    One pass in C: a ``defaultdict`` hands out the next code the first time it sees a word, so
    codes follow the order of first appearance.

    Parameters
    ----------
    tokens : list of str
        Tokens, with or without :data:`BREAK` markers.

    Returns
    -------
    codes : numpy.ndarray of int32 (int64 past 2**31 tokens)
        One code per token; ``words[codes[i]] == tokens[i]`` except at a :data:`BREAK` (``-1``).
    words : numpy.ndarray of object
        The vocabulary: the distinct tokens other than :data:`BREAK`, by code.

    Examples
    --------
    >>> codes, words = encode(["a", "b", BREAK, "a"])
    >>> codes.tolist(), words.tolist()
    ([0, 1, -1, 0], ['a', 'b'])
    """
    if isinstance(tokens, sequences.Sequence):  # already codes
        return tokens.codes, tokens.words
    index = defaultdict(count().__next__)
    index[BREAK]  # code 0, shifted to -1 below
    dtype = np.int32 if len(tokens) < 2**31 else np.int64
    codes = np.fromiter(map(index.__getitem__, tokens), dtype=dtype, count=len(tokens))
    codes -= 1
    words = np.empty(len(index) - 1, dtype=object)
    words[:] = list(index)[1:]
    return codes, words


def code_point_rank(words: np.ndarray) -> np.ndarray:
    """Return, for each vocabulary entry, its position in code-point (``str``) order.

    A tie-break key for :func:`order`: ranking codes by it sorts rows by their words.

    Examples
    --------
    >>> code_point_rank(np.array(["b", "a", "C"], dtype=object)).tolist()
    [2, 1, 0]
    """
    order = np.array(sorted(range(len(words)), key=words.__getitem__), dtype=np.int64)
    rank = np.empty(len(words), dtype=np.int64)
    rank[order] = np.arange(len(words))
    return rank


def stop_mask(words: np.ndarray, stopwords) -> np.ndarray:
    """Return a boolean array: is each vocabulary entry one of ``stopwords``?

    Examples
    --------
    >>> stop_mask(np.array(["the", "war"], dtype=object), {"the"}).tolist()
    [True, False]
    """
    stopwords = frozenset(stopwords)
    return np.fromiter((w in stopwords for w in words), dtype=bool, count=len(words))


# --------------------------------------------------------------------------------------------
# Counting codes and runs of codes
# --------------------------------------------------------------------------------------------


def bincount(values: np.ndarray, mask: np.ndarray, size: int) -> np.ndarray:
    """Count the codes ``values[:len(mask)][mask]``, chunk by chunk (no full-length copy).

    Returns an int64 array of ``size`` (the number of codes): ``out[c]`` is how many positions
    where ``mask`` is true hold code ``c`` (a ``-1`` code must be masked out).

    Examples
    --------
    >>> bincount(np.array([0, 1, -1, 0]), np.array([True, True, False, True]), 2).tolist()
    [2, 1]
    """
    out = np.zeros(size, dtype=np.int64)
    for s in range(0, len(mask), CHUNK):
        e = min(s + CHUNK, len(mask))
        chunk = values[s:e][mask[s:e]]
        out += np.bincount(chunk, minlength=size)
    return out


def _groups_of(codes: np.ndarray, mask: np.ndarray, groups: int) -> np.ndarray | None:
    """Return each position's group ``code % groups`` (1 or 2 bytes a position), or None."""
    if groups == 1:
        return None
    group_of = np.empty(len(mask), dtype=np.int8 if groups < 128 else np.int16)
    for s in range(0, len(mask), CHUNK):
        e = min(s + CHUNK, len(mask))
        np.remainder(codes[s:e], groups, out=group_of[s:e], casting="unsafe")
    return group_of


def _run_keys(codes, width, mask, size, group_of, group) -> np.ndarray:
    """Return the int64 keys of the runs that start where ``mask`` is true, in one group."""
    parts = []
    for s in range(0, len(mask), CHUNK):
        e = min(s + CHUNK, len(mask))
        take = mask[s:e]
        if group_of is not None:
            take = take & (group_of[s:e] == group)
        key = codes[s:e][take].astype(np.int64)
        for k in range(1, width):
            key *= size
            key += codes[s + k : e + k][take]
        parts.append(key)
    return np.concatenate(parts)


def count_runs(codes: np.ndarray, width: int, mask: np.ndarray, size: int, *, min_count: int = 1):
    """Count the runs of ``width`` codes that start where ``mask`` is true.

    A run ``c0 c1 … ck`` becomes the int64 key ``((c0 × size) + c1) × size + …`` (split it
    again with :func:`split_keys`). Positions are split into groups by ``c0 % groups`` (every
    run lands in exactly one group) and each group is sorted and counted on its own, so the
    largest temporary array holds about half a :data:`CHUNK` of keys rather than one per token.

    ``codes`` needs ``len(mask) + width - 1`` elements; ``mask`` says where runs start (e.g.
    :func:`ngram_positions`: no :data:`BREAK` inside the run); ``size`` is the number of codes,
    and ``size ** width`` must stay below ``2 ** 63``. Returns the distinct keys seen at least
    ``min_count`` times, sorted, and their counts (both int64 arrays).

    Examples
    --------
    >>> codes = np.array([0, 1, 0, 1, -1])
    >>> keys, counts = count_runs(codes, 2, ngram_positions(codes, 2), 2)
    >>> keys.tolist(), counts.tolist()        # "0 1" (key 0×2 + 1) twice, "1 0" (key 2) once
    ([1, 2], [2, 1])
    """
    groups = max(1, -(-int(np.count_nonzero(mask)) // (CHUNK // 2)))
    group_of = _groups_of(codes, mask, groups)
    kept_keys, kept_counts = [], []
    for group in range(groups):
        keys, counts = np.unique(
            _run_keys(codes, width, mask, size, group_of, group), return_counts=True
        )
        if min_count > 1:
            keep = counts >= min_count
            keys, counts = keys[keep], counts[keep]
        kept_keys.append(keys)
        kept_counts.append(counts)
    keys = np.concatenate(kept_keys)
    counts = np.concatenate(kept_counts).astype(np.int64)
    order = np.argsort(keys, kind="stable")
    return keys[order], counts[order]


def split_keys(keys: np.ndarray, size: int, width: int) -> list[np.ndarray]:
    """Return the codes of the runs behind the keys of :func:`count_runs`, first to last.

    Examples
    --------
    >>> [part.tolist() for part in split_keys(np.array([1, 2]), 2, 2)]
    [[0, 1], [1, 0]]
    """
    parts = []
    for _ in range(width - 1):
        parts.append(keys % size)
        keys = keys // size
    parts.append(keys)
    return parts[::-1]


# --------------------------------------------------------------------------------------------
# What a collocation table counts: n-grams and windows, with their marginals
# --------------------------------------------------------------------------------------------


def ngram_positions(codes: np.ndarray, n: int) -> np.ndarray:
    """Return the n-gram positions: where a run of ``n`` codes without a :data:`BREAK` starts.

    Examples
    --------
    >>> ngram_positions(np.array([0, 1, 2, -1, 3]), 2).tolist()
    [True, True, False, False]
    """
    starts = len(codes) - n + 1
    valid = codes[:starts] >= 0
    for k in range(1, n):
        valid &= codes[k : k + starts] >= 0
    return valid


def _key_limit(size: int, n: int) -> None:
    """Raise ParameterError if ``size ** n`` n-gram keys do not fit in int64."""
    if size**n >= 2**63:
        most = next(m for m in count(int(2 ** (63 / n)) + 1, -1) if m**n < 2**63)
        name = {2: "bigram", 3: "trigram"}.get(n, f"{n}-gram")
        raise ParameterError(
            f"the corpus has {size:,} distinct words, too many for int64 {name} keys "
            f"(at most {most:,}). Use n=2, or count a part of the corpus."
        )


def _ends_allowed(codes, n, valid, stop) -> np.ndarray:
    """Return the n-gram positions whose first and last words are not stopwords."""
    candidate = valid.copy()
    for s in range(0, len(valid), CHUNK):
        e = min(s + CHUNK, len(valid))
        candidate[s:e] &= ~stop[codes[s:e]] & ~stop[codes[s + n - 1 : e + n - 1]]
    return candidate


def ngram_counts(tokens: list[str], n: int, *, min_count: int = 1, stopwords=frozenset()):
    """Count the n-grams of a token sequence and the marginals of their 2×2 tables.

    The sample is the set of n-gram positions (runs of ``n`` tokens without a :data:`BREAK`);
    each n-gram is split into its first ``n − 1`` words and its last word.

    Parameters
    ----------
    tokens : list of str
        Tokens with :data:`BREAK` at sentence ends (see :func:`sequence`).
    n : int
        Words per n-gram, at least 2.
    min_count : int, default 1
        Keep n-grams seen at least this many times.
    stopwords : set of str, default empty
        Leave out n-grams that start or end with one of these words; ``N``, ``R1`` and ``C1``
        still count them (the rule picks candidates, it does not change the sample).

    Returns
    -------
    dict or None
        None when there is no word or fewer than ``n`` tokens; else, one array element per
        n-gram kept (sorted by the codes of its words):

        - ``"words"``: the vocabulary of :func:`encode` (object array);
        - ``"parts"``: ``n`` code arrays, the n-grams' words from first to last;
        - ``"o11"``: positions holding the n-gram;
        - ``"r1"``: positions starting with its first ``n − 1`` words;
        - ``"c1"``: positions ending with its last word;
        - ``"total"`` (int): ``N``, the number of n-gram positions.

    Raises
    ------
    ParameterError
        If the vocabulary is too large for int64 keys (more than 2,097,151 words for n = 3).

    Examples
    --------
    >>> counted = ngram_counts(sequence("Joe said no. Joe said yes."), 2)
    >>> [counted["words"][p].tolist() for p in counted["parts"]]
    [['joe', 'said', 'said'], ['said', 'no', 'yes']]
    >>> [counted[k].tolist() for k in ("o11", "r1", "c1")], counted["total"]
    ([[2, 1, 1], [2, 2, 2], [2, 1, 1]], 4)
    """
    codes, words = encode(tokens)
    size = len(words)
    if len(codes) - n + 1 <= 0 or size == 0:
        return None
    _key_limit(size, n)
    valid = ngram_positions(codes, n)
    total = int(np.count_nonzero(valid))
    # Marginals over every position, before the stopword rule picks candidates.
    c1_all = bincount(codes[n - 1 :], valid, size)
    if n == 2:
        r1_all = bincount(codes, valid, size)
    else:
        prefix_keys, prefix_counts = count_runs(codes, n - 1, valid, size)
    candidate = _ends_allowed(codes, n, valid, stop_mask(words, stopwords)) if stopwords else valid
    keys, o11 = count_runs(codes, n, candidate, size, min_count=min_count)
    del codes, valid, candidate
    last, prefix = keys % size, keys // size
    del keys
    if n == 2:
        r1 = r1_all[prefix]
    else:
        r1 = prefix_counts[np.searchsorted(prefix_keys, prefix)]
        del prefix_keys, prefix_counts
    parts = [*split_keys(prefix, size, n - 1), last]
    del prefix
    return {"words": words, "parts": parts, "o11": o11, "r1": r1, "c1": c1_all[last],
            "total": total}


def window_mask(codes: np.ndarray, node_code: int, left: int, right: int) -> np.ndarray:
    """Return the window positions: words within ``left``/``right`` tokens of the node, cut at
    sentence ends; overlapping windows are merged, so each position counts once.

    Examples
    --------
    >>> window_mask(np.array([1, 0, 2, -1, 3, 0]), 0, 1, 1).astype(int).tolist()
    [1, 0, 1, 0, 1, 0]
    """
    sentence = np.cumsum(codes < 0, dtype=np.int32)  # a BREAK starts the next sentence's number
    at = np.flatnonzero(codes == node_code)
    inside = np.zeros(len(codes), dtype=bool)
    for offset in [*range(-left, 0), *range(1, right + 1)]:
        where = at + offset
        where = where[(where >= 0) & (where < len(codes))]
        where = where[(sentence[where] == sentence[where - offset]) & (codes[where] >= 0)]
        inside[where] = True
    return inside


def window_counts(codes: np.ndarray, size: int, node_code: int, left: int, right: int) -> dict:
    """Count every word inside and outside the windows of a node (see :func:`window_mask`).

    The sample is the corpus's word tokens; the row of the 2×2 table is "inside the windows".

    Returns a dict: ``"o11"``, per code, its occurrences inside the windows (int64 array of
    ``size``); ``"r1"`` (int), the number of window positions; ``"c1"``, per code, its
    occurrences in the corpus (its frequency); ``"total"`` (int), ``N``, the word tokens.

    Examples
    --------
    >>> counted = window_counts(np.array([1, 0, 2, -1, 3, 0]), 4, 0, 1, 1)
    >>> counted["o11"].tolist(), counted["r1"], counted["c1"].tolist(), counted["total"]
    ([0, 1, 1, 1], 3, [2, 1, 1, 1], 5)
    """
    inside = window_mask(codes, node_code, left, right)
    is_word = codes >= 0
    return {
        "o11": bincount(codes, inside, size),
        "r1": int(np.count_nonzero(inside)),
        "c1": bincount(codes, is_word, size),
        "total": int(np.count_nonzero(is_word)),
    }


# --------------------------------------------------------------------------------------------
# The 2×2 cells, scores and order
# --------------------------------------------------------------------------------------------


def cells(o11, r1, c1, total) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the four cells of the 2×2 table from ``O11``, the marginals and ``N``.

    ``o11`` is the count of the item in the row and the column, ``r1`` the row total
    ``R1 = O11 + O12``, ``c1`` the column total ``C1 = O11 + O21`` (arrays or ints) and
    ``total`` the sample size ``N``. For keyness, ``R1 = a + b`` (the term in both corpora),
    ``C1 = c`` (the target's size) and ``N = c + d``. Returns int64 arrays
    ``(o11, o12, o21, o22)`` with ``o12 = R1 − O11``, ``o21 = C1 − O11``, ``o22 = N − R1 − o21``.

    Examples
    --------
    >>> [c.tolist() for c in cells([8], [9], [8], 987)]      # "united states" in the seed
    [[8], [1], [0], [978]]
    """
    o11 = np.asarray(o11, dtype=np.int64)
    r1, c1 = np.asarray(r1, dtype=np.int64), np.asarray(c1, dtype=np.int64)
    o12 = r1 - o11
    o21 = c1 - o11
    o22 = (total - r1) - o21
    return o11, o12, o21, o22


def score(o11, o12, o21, o22, measures, *, decimals: int = DECIMALS) -> dict[str, np.ndarray]:
    """Return measures of the 2×2 cells, each rounded to ``decimals``, by name.

    Rows are computed in blocks of :data:`BLOCK` written into the result arrays, so the
    temporary arrays of the formulas stay small however long the table is.

    Parameters
    ----------
    o11, o12, o21, o22 : numpy.ndarray
        The cells (e.g. from :func:`cells`), of one length.
    measures : mapping of str to function, or iterable of str
        Functions of the four cells (as in :mod:`textkit.association`) by the column name they
        fill, or names of :data:`textkit.association.MEASURES`.
    decimals : int, default :data:`DECIMALS`
        Rounding, so that equal scores tie exactly in :func:`order`.

    Returns
    -------
    dict of str to numpy.ndarray of float64
        One array per measure, in the order given.

    Examples
    --------
    >>> o11, o12, o21, o22 = cells([8], [9], [8], 987)
    >>> score(o11, o12, o21, o22, ["pmi"])
    {'pmi': array([6.776981])}
    >>> score(o11, o12, o21, o22, {"e11": association.expected})
    {'e11': array([0.072948])}
    """
    if isinstance(measures, Mapping):
        functions: dict[str, Callable] = dict(measures)
    else:
        functions = {name: association.get(name) for name in measures}
    columns = {name: np.empty(len(o11), dtype=np.float64) for name in functions}
    for s in range(0, len(o11), BLOCK):
        block = (o11[s : s + BLOCK], o12[s : s + BLOCK], o21[s : s + BLOCK], o22[s : s + BLOCK])
        for name, function in functions.items():
            columns[name][s : s + BLOCK] = np.round(function(*block), decimals)
    return columns


def order(scores: np.ndarray, ties: Iterable[np.ndarray], *, top_n: int | None = None):
    """Return the row order: ``scores`` descending, then the tie keys ascending.

    ``scores`` holds one (rounded) score per row; ``ties`` are tie-break keys, most significant
    first (e.g. :func:`code_point_rank` of each row's words). Returns the row indices in ranked
    order, only the first ``top_n`` unless it is None.

    Examples
    --------
    >>> order(np.array([1.0, 3.0, 1.0]), [np.array([5, 0, 2])]).tolist()
    [1, 2, 0]
    """
    ranked = np.lexsort((*reversed(list(ties)), -scores.astype(np.float64)))
    return ranked if top_n is None else ranked[:top_n]
