"""Word and n-gram frequencies: term tables, per corpus or per group.

Every function takes the long token table of :func:`textkit.tokens.table` (one row per token,
columns ``doc_id``, ``token``, ``sentence``, ``position``) and returns a DataFrame.

Conventions: ``count`` is the number of occurrences; ``per_1000`` is ``count / tokens × 1000``
where ``tokens`` is the number of rows of the token table (the tokens kept after filtering; with
``by``, the rows of that group); ``documents`` is the number of documents in which the term
occurs at least once; ``rank`` is the competition rank by count (equal counts share the best
rank: 1, 2, 2, 4). Rows are sorted by count (descending), then term (ascending, by code point),
so ties never depend on input order; with ``by``, by group first (text labels in the order of
:func:`textkit.groups.order`: by label, bracketed ones such as ``(missing)`` last).

Every table is a merge of per-document counts: each term is counted in each document, and the
documents' counts are summed (``documents`` is the number of documents summed). The corpus table
and the per-group tables (``by=``) are the same sum over different sets of documents, so the
counts of a term over all groups add up to its corpus count.

Describing a token table (tokens, types and hapaxes, per stage or per document) and picking its
top content word is :mod:`textkit.corpusstats`; ``summary``, ``per_document`` and ``top_word``
are re-exported here, so ``frequency.summary`` and the others keep working.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import parameters, tallies
from textkit.corpusstats import _require  # one check of a token table's columns, for both
from textkit.corpusstats import per_document, summary, top_word  # noqa: F401  (re-exported)
from textkit.counting import code_point_rank
from textkit.errors import ParameterError

#: Columns of :func:`table`.
TABLE_COLUMNS = ("rank", "term", "count", "per_1000", "documents")

#: Columns of :func:`table` with ``by`` (one row per group and term, the long form); the first
#: is named after the ``by`` column (``group``, ``doc_group``, ...).
GROUP_COLUMNS = ("group", "term", "count", "per_1000", "documents")

#: Columns of :func:`ngrams` (with ``by``: the ``by`` column in place of ``rank``).
NGRAM_COLUMNS = ("rank", "ngram", "count", "per_1000", "documents")

#: Rules of the frequency parameters: the n-gram length of the n-gram frequency list (``n`` is
#: the collocations' parameter, 2 or 3; the runner passes a name to every notebook declaring it).
RULES = {"ngram_size": parameters.between(1, 4, "words per n-gram")}


def table(tokens: pd.DataFrame, *, min_count: int = 1, by: str | None = None) -> pd.DataFrame:
    """Count each term of a token table, in the corpus or per group.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Columns ``doc_id`` and ``token`` (see :func:`textkit.tokens.table`), and ``by``; or a
        counted table (:func:`textkit.tallies.counted`), whose rows stand for ``count``
        occurrences each.
    min_count : int, default 1
        Leave out terms that occur fewer times than this (in the group, with ``by``);
        ``per_1000`` still uses all tokens.
    by : str or None, default None
        A column of the token table to count per value of (e.g. ``"doc_group"``, added with
        :func:`textkit.groups.attach`); ``None`` counts the whole corpus. Rows without a value
        form a group of their own (a missing value, last), so every token is counted.

    Returns
    -------
    pandas.DataFrame
        Without ``by``: one row per term, sorted by ``count`` descending then ``term``
        ascending, with columns

        - ``rank`` (int): competition rank by count (1 = most frequent; ties share a rank);
        - ``term`` (str): the token as counted (folded unless ``lowercase=False``);
        - ``count`` (int): occurrences in the corpus;
        - ``per_1000`` (float): occurrences per 1,000 tokens, rounded to 6 decimals;
        - ``documents`` (int): number of documents that contain the term.

        With ``by``: one row per group and term (long form), sorted by group, then ``count``
        descending, then ``term``, with columns

        - the ``by`` column, under its own name (``group`` below): the group;
        - ``term`` (str), ``count`` (int), ``documents`` (int): as above, within the group;
        - ``per_1000`` (float): occurrences per 1,000 tokens of that group.

    Raises
    ------
    ParameterError
        If a column is missing, ``by`` names an output column, or ``min_count`` is below 1.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "b"],
    ...                      "token": ["US", "troops", "US", "troops", "kyiv"],
    ...                      "side": ["x", "x", "x", "y", "y"]})
    >>> table(toks)
       rank    term  count  per_1000  documents
    0     1      US      2     400.0          1
    1     1  troops      2     400.0          2
    2     3    kyiv      1     200.0          1
    >>> table(toks, by="side")
      side    term  count    per_1000  documents
    0     x      US      2  666.666667          1
    1     x  troops      1  333.333333          1
    2     y    kyiv      1  500.000000          1
    3     y  troops      1  500.000000          1
    """
    parameters.check(min_count=min_count)
    _require(tokens, ["doc_id", "token"], by, "term")
    weight = tallies.weights(tokens)
    groups, names, sizes = _grouping(tokens, by, weight)
    documents = _document_codes(tokens["doc_id"])
    codes, vocabulary = pd.factorize(tokens["token"], use_na_sentinel=False)
    return _count(documents, codes, np.asarray(vocabulary, dtype=object), groups, names, sizes,
                  min_count=min_count, term="term", by=by, weight=weight)


def ngrams(
    token_table: pd.DataFrame,
    *,
    n: int = 2,
    min_count: int = 1,
    stopwords=frozenset(),
    by: str | None = None,
    ranked: bool = True,
) -> pd.DataFrame:
    """Count the n-grams (runs of ``n`` words) of a token table, with their document frequency.

    An n-gram is ``n`` tokens of one sentence of one document next to each other in the text
    (consecutive ``position`` values, same ``sentence``): it never crosses a sentence or
    document boundary, nor a token the table left out. So count n-grams on the table of every
    word (``tokens.table(docs)``, stopwords kept) and give the stopwords here.

    Parameters
    ----------
    token_table : pandas.DataFrame
        Columns ``doc_id``, ``token``, ``sentence`` and ``position``, as made by
        :func:`textkit.tokens.table` with ``n=1`` (folded, and normalised if it was asked).
    n : int, default 2
        Words per n-gram, 1 to 4.
    min_count : int, default 1
        Keep n-grams seen at least this many times (in the group, with ``by``).
    stopwords : set of str, default empty
        Leave out n-grams that start or end with one of these words (as the tokens are
        written in the table), as :func:`textkit.collocations.ngrams` does: "secretary of
        state" is kept, "of the" and "the talks" are not.
    by : str or None, default None
        Count per value of this column, as :func:`table` does (the group of an n-gram is its
        first word's).
    ranked : bool, default True
        ``False`` (without ``by``) skips sorting and ranking, for a part of a corpus whose
        table :func:`merge` sorts once with the others': the rows come in order of first
        appearance, and ``rank`` is left out.

    Returns
    -------
    pandas.DataFrame
        Sorted like :func:`table`, with columns ``rank`` (without ``by``) or the ``by``
        column (with ``by``), then

        - ``ngram`` (str): the words joined by one space;
        - ``count`` (int): occurrences (in the group);
        - ``per_1000`` (float): occurrences per 1,000 tokens of the table (of the group),
          rounded to 6 decimals;
        - ``documents`` (int): number of documents (of the group) that contain it.

    Raises
    ------
    ParameterError
        If ``n`` is not 1 to 4, ``min_count`` is below 1, or a column is missing.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": ["a"] * 5 + ["b"] * 3,
    ...                      "token": ["the", "us", "army", "the", "us", "the", "us", "army"],
    ...                      "sentence": [1, 1, 1, 2, 2, 1, 1, 1],
    ...                      "position": [1, 2, 3, 4, 5, 1, 2, 3]})
    >>> ngrams(toks, stopwords={"the"})
       rank    ngram  count  per_1000  documents
    0     1  us army      2     250.0          2

    "us the" (a sentence ends between them) is no n-gram; "the us" starts with a stopword.
    """
    check_ngrams(n=n, min_count=min_count)
    _require(token_table, ["doc_id", "token", "sentence", "position"], by, "ngram")
    groups, names, sizes = _grouping(token_table, by)
    documents = _document_codes(token_table["doc_id"])
    position = token_table["position"].to_numpy()
    order = np.lexsort((position, documents))  # text order, whatever the table's row order
    codes, vocabulary = pd.factorize(token_table["token"], use_na_sentinel=False)
    return coded_ngrams(documents[order], token_table["sentence"].to_numpy()[order],
                        position[order], codes[order], np.asarray(vocabulary, dtype=object),
                        n=n, stopwords=stopwords, groups=(groups[order], names, sizes),
                        min_count=min_count, by=by, ranked=ranked)


def check_ngrams(*, n: int, min_count: int) -> None:
    """Raise a ParameterError unless ``n`` is 1 to 4 and ``min_count`` at least 1."""
    if not RULES["ngram_size"].test(n):
        raise ParameterError(f"parameter n must be {RULES['ngram_size'].what}, got {n!r}.")
    parameters.check(min_count=min_count)


def coded_ngrams(documents, sentences, positions, codes, vocabulary, *, n: int, stopwords,
                 groups=None, min_count: int = 1, by: str | None = None,
                 ranked: bool = True) -> pd.DataFrame:
    """:func:`ngrams` of a token table given as arrays in text order (checked by the caller).

    ``documents`` (integer codes), ``sentences``, ``positions`` and ``codes`` (rows of
    ``vocabulary``, an object array of the tokens) have one entry per row of the table;
    ``groups`` is ``(code per row, names, tokens per group)``, default one group of every row.
    :func:`textkit.tallies.ngrams` calls it with the token codes of each chunk of a corpus.
    """
    if groups is None:
        groups = (np.zeros(len(codes), dtype=np.intp), pd.Index([None], dtype=object),
                  np.array([len(codes)], dtype=np.int64))
    codes_of_rows, names, sizes = groups
    starts = _ngram_starts(documents, sentences, positions, codes, vocabulary, n, stopwords)
    grams, texts = _grams(codes, vocabulary, starts, n)
    return _count(documents[starts], grams, texts, codes_of_rows[starts], names, sizes,
                  min_count=min_count, term="ngram", by=by, ranked=ranked)


def _ngram_starts(documents, sentences, positions, codes, vocabulary, n, stopwords) -> np.ndarray:
    """Return the rows (in text order) where an n-gram starts."""
    starts = max(len(codes) - n + 1, 0)
    ok = np.ones(starts, dtype=bool)
    if len(codes) > 1:
        link = ((documents[1:] == documents[:-1]) & (sentences[1:] == sentences[:-1])
                & (positions[1:] == positions[:-1] + 1))  # row i and row i + 1 are neighbours
        for k in range(n - 1):
            ok &= link[k : k + starts]
    if stopwords and starts:
        stop = np.fromiter((w in stopwords for w in vocabulary), dtype=bool,
                           count=len(vocabulary))[codes]
        ok &= ~stop[:starts] & ~stop[n - 1 : n - 1 + starts]
    return np.flatnonzero(ok)


def _grams(codes, vocabulary, starts, n: int):
    """Return each n-gram's code and the n-grams' text by code.

    Codes are combined word by word (``pandas.factorize`` of ``code × V + next code`` keeps them
    below the number of n-grams, so int64 never overflows); each distinct n-gram is joined into
    text once, at its first occurrence (factorize numbers codes in order of first appearance).
    """
    key = pd.factorize(codes[starts])[0]
    for k in range(1, n):
        key = pd.factorize(key * len(vocabulary) + codes[starts + k])[0]
    running = np.maximum.accumulate(key) if len(key) else key
    first = starts[np.flatnonzero(np.r_[True, running[1:] > running[:-1]][: len(key)])]
    words = [vocabulary[codes[first + k]].tolist() for k in range(n)]  # each n-gram's k-th word
    return key, np.asarray([" ".join(gram) for gram in zip(*words)], dtype=object)


def _document_codes(doc_ids: pd.Series) -> np.ndarray:
    """Number the documents in order of first appearance, hashing each run of rows once.

    A token table holds each document's rows together, so comparing neighbours finds the runs
    and only the first row of each run is hashed (about 6× faster than hashing every row).
    """
    array = doc_ids.to_numpy(dtype=object)
    if not len(array):
        return np.zeros(0, dtype=np.intp)
    starts = np.flatnonzero(np.r_[True, array[1:] != array[:-1]])
    first = pd.factorize(array[starts], use_na_sentinel=False)[0]
    return np.repeat(first, np.diff(np.r_[starts, len(array)]))


def _grouping(tokens: pd.DataFrame, by: str | None, weight: np.ndarray | None = None):
    """Return each row's group code, the group values by code and each group's token count."""
    if by is None:
        codes, names = np.zeros(len(tokens), dtype=np.intp), pd.Index([None], dtype=object)
    else:
        codes, names = pd.factorize(tokens[by], use_na_sentinel=False)
        names = pd.Index(names)
    return codes, names, np.bincount(codes, weights=weight, minlength=len(names)).astype(np.int64)


def _count(documents, terms, vocabulary, groups, names, sizes, *, min_count, term, by,
           weight=None, ranked=True):
    """Count each term per document, then sum the documents' counts per group (or corpus).

    Every array holds one integer code per row (an occurrence, or ``weight`` of them);
    pairs of codes are combined into one int64 key (``a × (largest b + 1) + b``, neither part
    above the number of rows) and counted with ``pandas.factorize`` and ``numpy.bincount``.
    """
    size = max(len(vocabulary), 1)
    span = int(documents.max()) + 1 if len(documents) else 1  # codes of the whole token table
    pair = pd.factorize(groups.astype(np.int64) * span + documents)[0]
    pair_group = np.zeros(len(documents) and pair.max() + 1, dtype=np.int64)
    pair_group[pair] = groups  # each (group, document) pair's group
    found, keys = pd.factorize(pair * size + terms)  # one key per (group, document, term)
    in_document = np.bincount(found, weights=weight, minlength=len(keys))
    merged, keys = pd.factorize(pair_group[keys // size] * size + keys % size)  # (group, term)
    g, t = keys // size, keys % size
    count = np.bincount(merged, weights=in_document, minlength=len(keys)).astype(np.int64)
    result = pd.DataFrame({
        "group": _column(names.take(g).to_numpy()),
        term: pd.Series(vocabulary[t], dtype=object),
        "count": count,
        "per_1000": (count / np.maximum(sizes[g], 1) * 1000).round(6),
        "documents": np.bincount(merged, minlength=len(keys)).astype(np.int64),
    })
    if not ranked and by is None:
        return result.loc[result["count"] >= min_count, [term, "count", "per_1000", "documents"]]
    return _finish(result, min_count=min_count, term=term, by=by)


def _finish(result: pd.DataFrame, *, min_count: int, term: str, by: str | None) -> pd.DataFrame:
    """Drop rare rows, then sort, rank and name the columns of a frequency table."""
    result = result[result["count"] >= min_count]
    if by is not None:
        result["order"] = _group_order(result["group"])
        result = result.sort_values(["order", "count", term], ascending=[True, False, True],
                                    kind="stable", na_position="last").reset_index(drop=True)
        return result[["group", term, "count", "per_1000", "documents"]].rename(
            columns={"group": by})
    # Most frequent first, ties in code-point order of the term (one row per term): NumPy's
    # lexsort on integer keys, twice as fast as sorting the strings in pandas.
    order = np.lexsort((code_point_rank(result[term].to_numpy(dtype=object)),
                        -result["count"].to_numpy(dtype=np.int64)))
    result = result.iloc[order].reset_index(drop=True)
    result["rank"] = result["count"].rank(method="min", ascending=False).astype("int64")
    return result[["rank", term, "count", "per_1000", "documents"]]


def merge(tables, *, size: int, term: str = "term", min_count: int = 1) -> pd.DataFrame:
    """Merge frequency tables of disjoint parts of a corpus (chunks of documents) into one.

    Counts and document frequencies are summed per term (a document is in one part only, so
    the sums are the corpus's), ``per_1000`` is worked out again from ``size``, then rows
    below ``min_count`` are left out and the rest sorted and ranked as :func:`table` does.

    Parameters
    ----------
    tables : list of pandas.DataFrame
        Tables of :func:`table` or :func:`ngrams` without ``by``, made with ``min_count=1``.
    size : int
        Tokens of the whole corpus (the denominator of ``per_1000``).
    term : str, default "term"
        The term column: ``"term"``, or ``"ngram"`` for n-gram tables.
    min_count : int, default 1
        Leave out terms that occur fewer times than this in the whole corpus.

    Returns
    -------
    pandas.DataFrame
        The columns of the tables: ``rank``, ``term``, ``count``, ``per_1000``, ``documents``.

    Examples
    --------
    >>> one = table(pd.DataFrame({"doc_id": ["a", "a"], "token": ["war", "aid"]}))
    >>> two = table(pd.DataFrame({"doc_id": ["b"], "token": ["war"]}))
    >>> merge([one, two], size=3)
       rank term  count    per_1000  documents
    0     1  war      2  666.666667          2
    1     2  aid      1  333.333333          1
    """
    parameters.check(min_count=min_count)
    joined = pd.concat([t[[term, "count", "documents"]] for t in tables], ignore_index=True)
    summed = joined.groupby(term, sort=False)[["count", "documents"]].sum()
    count = summed["count"].to_numpy(dtype=np.int64)
    result = pd.DataFrame({
        "group": pd.Series([None] * len(summed), dtype=object),
        term: pd.Series(summed.index.to_numpy(dtype=object), dtype=object),
        "count": count,
        "per_1000": (count / max(size, 1) * 1000).round(6),
        "documents": summed["documents"].to_numpy(dtype=np.int64),
    })
    return _finish(result, min_count=min_count, term=term, by=None)


def _group_order(groups: pd.Series) -> pd.Series:
    """Sort keys for group values: text labels as :func:`textkit.groups.order` sorts them."""
    labels = [g for g in pd.unique(groups) if not pd.isna(g)]
    if not all(isinstance(g, str) for g in labels):
        return groups  # numbers (years) sort as numbers
    from textkit.groups import order

    return groups.map({label: i for i, label in enumerate(order(labels))})


def _column(values: np.ndarray):
    """Keep text as ``object`` (pandas would turn it into its str dtype), numbers as they are."""
    return pd.Series(values, dtype=object) if values.dtype == object else values
