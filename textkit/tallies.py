"""Counted token tables: each document's terms with their counts, built a chunk at a time.

A token table (:func:`textkit.tokens.table`) has one row per running word, so it grows with the
corpus: about 160 bytes a word, 3 GB for 100 MB of text. Most analyses only need to know how
often each term occurs in each document, so this module makes a **counted table** instead:

- one row per document and term that occurs in it, with columns ``doc_id``, ``token`` and
  ``count`` (the term's occurrences in the document);
- built from chunks of documents of about :data:`CHUNK_CHARACTERS` characters: each chunk is
  tokenised with :func:`textkit.tokens.table`, counted and dropped, so at most one chunk's
  token table is ever held;
- the same terms, filters and order as the token table: documents in corpus order, each
  document's terms in order of first appearance.

Every counting function of textkit reads a ``count`` column as the number of occurrences a row
stands for, so a counted table gives the same results as the token table it counts:
:func:`textkit.frequency.table`, :func:`textkit.corpusstats.summary`,
:func:`textkit.corpusstats.per_document`, :func:`textkit.corpusstats.top_word`,
:func:`textkit.dispersion.part_sizes`, :func:`textkit.dispersion.table` and
:func:`textkit.keyness.counts`. What needs the order of the words is computed here, chunk by
chunk: the n-gram list (:func:`ngrams`) and where the chosen terms occur (:func:`positions`).

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["War, war and aid.", "Aid came."]})
>>> counted(docs)
  doc_id token  count
0      a   war      2
1      a   and      1
2      a   aid      1
3      b   aid      1
4      b  came      1
>>> from textkit import frequency
>>> frequency.table(counted(docs)).head(2)
   rank term  count  per_1000  documents
0     1  aid      2     333.333333          2
1     1  war      2     333.333333          1
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import memory, tokens

#: Characters of text per chunk (about 350,000 words of English): one chunk's token table,
#: about 60 MB, is the most held at once.
CHUNK_CHARACTERS = 2_000_000

#: Columns of :func:`counted`.
COUNTED_COLUMNS = ("doc_id", "token", "count")


def weights(table: pd.DataFrame) -> np.ndarray | None:
    """Return how many occurrences each row stands for: its ``count`` in a counted table.

    ``None`` for a table with one row per occurrence (a token table, a mentions table).
    """
    if "count" not in table.columns:
        return None
    return table["count"].to_numpy(dtype=np.int64)


def chunks(documents: pd.DataFrame, size: int | None = None):
    """Yield consecutive slices of a corpus of about ``size`` characters (at least one document).

    ``None`` uses :data:`CHUNK_CHARACTERS`. A slice ends with the document that reaches the
    size, so a document is never cut; an empty corpus is one empty slice.
    """
    size = size or CHUNK_CHARACTERS
    lengths = documents["text"].str.len().to_numpy()
    start, total = 0, 0
    for end, length in enumerate(lengths, start=1):
        total += int(length)
        if total >= size:
            yield documents.iloc[start:end]
            start, total = end, 0
    if start < len(lengths) or not len(lengths):
        yield documents.iloc[start:]


def _split(documents: pd.DataFrame, what: str = "counting words") -> None:
    """Split every text of the corpus once (kept by :mod:`textkit.textindex`), with a bar."""
    from textkit import textindex

    for text in textindex.progress(documents["text"], what):
        textindex.of(text)


@memory.gives_back
def counted(documents: pd.DataFrame, **options) -> pd.DataFrame:
    """Count each document's terms, a chunk of documents at a time.

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (cleaned text).
    **options
        The options of :func:`textkit.tokens.table` (``lowercase``, ``stopwords``,
        ``min_length``, ``punctuation``, ``numbers``, ``normalise``, ``language``; ``n`` for
        n-grams with every word kept).

    Returns
    -------
    pandas.DataFrame
        One row per document and term, documents in corpus order and each document's terms in
        order of first appearance, with columns

        - ``doc_id`` (str): the document;
        - ``token`` (str): the term, as in the token table;
        - ``count`` (int): its occurrences in the document.

        A document without a kept token has no row, as in the token table.
    """
    from textkit import textindex

    # Notebooks 01 and 04 of a run count the same terms: done once (textindex.shared).
    key = "counted-" + textindex.fingerprint(documents["doc_id"], documents["text"],
                                             _settings(options))
    return textindex.shared(key, lambda: _counted(documents, options))


def _settings(options: dict) -> list[str]:
    """``options`` of :func:`textkit.tokens.table` with its defaults filled in, as text (sets
    sorted), so that the same counting asked for in other words has the same key."""
    import inspect

    bound = inspect.signature(tokens.table).bind(None, **options)
    bound.apply_defaults()
    return [f"{name}={sorted(value) if isinstance(value, (set, frozenset)) else value!r}"
            for name, value in list(bound.arguments.items())[1:]]


def _counted(documents: pd.DataFrame, options: dict) -> pd.DataFrame:
    """:func:`counted` (no sharing)."""
    parts, shared = [], {}
    for chunk in _chunks_split(documents):
        if options.get("n", 1) == 1:  # words: counted from the token codes, no token table
            parts.append(_count_words(chunk, options, shared))
        else:
            parts.append(_count_rows(tokens.table(chunk, **options), shared))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in
                             zip(COUNTED_COLUMNS, (object, object, np.int64))})
    return pd.concat(parts, ignore_index=True)


def _chunks_split(documents: pd.DataFrame):
    """The corpus's chunks, each split (with one progress bar over the whole corpus) first."""
    for chunk in chunks(documents):
        _split(chunk)
        yield chunk


def _count_words(chunk: pd.DataFrame, options: dict, shared: dict) -> pd.DataFrame:
    """:func:`_count_rows` of ``tokens.table(chunk, **options)`` without making that table:
    each kept word's document row and form code make one key, counted in order of first
    appearance."""
    doc, _, _, form, forms = _word_rows(chunk, options)
    size = max(len(forms), 1)
    pairs, keys = pd.factorize(doc * size + form)
    vocabulary = np.asarray([shared.setdefault(t, t) for t in forms], dtype=object)
    return pd.DataFrame({
        "doc_id": pd.Series(chunk["doc_id"].to_numpy(dtype=object)[keys // size], dtype=object),
        "token": pd.Series(vocabulary[keys % size], dtype=object),
        "count": np.bincount(pairs, minlength=len(keys)).astype(np.int64),
    })


def _count_rows(table: pd.DataFrame, shared: dict) -> pd.DataFrame:
    """One row per (document, token) of a token table, in order of first appearance."""
    doc = table["doc_id"].to_numpy(dtype=object)
    starts = np.flatnonzero(np.r_[True, doc[1:] != doc[:-1]]) if len(doc) else np.zeros(0, int)
    doc_codes = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(doc)]))
    token_codes, vocabulary = pd.factorize(table["token"], use_na_sentinel=False)
    size = max(len(vocabulary), 1)
    found, keys = pd.factorize(doc_codes.astype(np.int64) * size + token_codes)
    # One string object per term across chunks: a term's rows all point at it.
    vocabulary = np.asarray([shared.setdefault(t, t) for t in vocabulary], dtype=object)
    return pd.DataFrame({
        "doc_id": pd.Series(doc[starts][keys // size], dtype=object),
        "token": pd.Series(vocabulary[keys % size], dtype=object),
        "count": np.bincount(found, minlength=len(keys)).astype(np.int64),
    })


def sizes(documents: pd.DataFrame) -> pd.Series:
    """Count the word tokens of each document, without making a token table.

    Returns
    -------
    pandas.Series
        ``doc_id`` → number of word tokens (int; punctuation left out), for the documents with
        at least one word, in corpus order; the index is named ``doc_id``, the series
        ``tokens``: the same as ``dispersion.part_sizes(tokens.table(documents))``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["War, war and aid.", "", "Aid."]})
    >>> sizes(docs).to_dict()
    {'a': 4, 'c': 1}
    """
    from textkit import textindex

    counts = []
    for text in textindex.progress(documents["text"], "counting words"):
        index = textindex.of(text)
        is_word = np.fromiter((tokens.is_word(t) for t in index.vocabulary), dtype=bool,
                              count=len(index.vocabulary))
        counts.append(int(np.count_nonzero(is_word[index.codes])) if len(index.codes) else 0)
    result = pd.Series(np.asarray(counts, dtype=np.int64),
                       index=pd.Index(documents["doc_id"].to_numpy(dtype=object), dtype=object,
                                      name="doc_id"), name="tokens")
    return result[result > 0]


@memory.gives_back
def positions(documents: pd.DataFrame, terms, **options) -> pd.DataFrame:
    """Find where each occurrence of some terms is in the corpus, a chunk at a time.

    The same as ``dispersion.positions(tokens.table(documents, **options), terms)``, without
    holding the whole token table.

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (cleaned text).
    terms : list of str
        The terms to locate, as the token table writes them.
    **options
        The options of :func:`textkit.tokens.table`, as for the counted table.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`textkit.dispersion.positions`: ``term``, ``doc_id``,
        ``position`` (token index in the whole corpus, from 0) and ``document`` (from 1).
    """
    from textkit import dispersion

    wanted = set(terms)
    found, words, parts = [], 0, 0
    for chunk in _chunks_split(documents):  # the token table's rows, as arrays (no table)
        doc, _, _, form, forms = _word_rows(chunk, options)
        rows = np.flatnonzero(np.fromiter((f in wanted for f in forms), bool, len(forms))[form])
        part, names = pd.factorize(chunk["doc_id"].to_numpy(dtype=object)[doc])  # as positions
        found.append(pd.DataFrame({
            "term": pd.Series(forms[form[rows]], dtype=object),
            "doc_id": pd.Series(np.asarray(names, dtype=object)[part[rows]], dtype=object),
            "position": rows + words,
            "document": part[rows] + 1 + parts,
        }))
        words, parts = words + len(doc), parts + len(names)
    return dispersion.finish_positions(pd.concat(found, ignore_index=True))


@memory.gives_back
def ngrams(documents: pd.DataFrame, *, n: int = 2, min_count: int = 1, stopwords=frozenset(),
           **options) -> pd.DataFrame:
    """Count the n-grams of a corpus with their document frequency, a chunk at a time.

    The same table as ``frequency.ngrams(tokens.table(documents, **options), n=n, ...)``: each
    chunk's n-grams are counted, then the chunks' counts and document frequencies are summed
    (a document is in one chunk only) and ``per_1000`` is worked out from the corpus's words.

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (cleaned text).
    n, min_count, stopwords
        As for :func:`textkit.frequency.ngrams`; ``min_count`` applies to the corpus's counts.
    **options
        ``lowercase``, ``normalise`` and ``language``, as for :func:`textkit.tokens.table`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`textkit.frequency.ngrams`: ``rank``, ``ngram``, ``count``,
        ``per_1000``, ``documents``.
    """
    from textkit import frequency

    frequency.check_ngrams(n=n, min_count=min_count)  # before any work, even on no text
    parts, words = [], 0
    for chunk in _chunks_split(documents):
        rows = _word_rows(chunk, options)
        parts.append(frequency.coded_ngrams(*rows, n=n, stopwords=stopwords, ranked=False))
        words += len(rows[0])
    return frequency.merge(parts, size=words, term="ngram", min_count=min_count)


def _word_rows(chunk: pd.DataFrame, options: dict) -> tuple:
    """The rows of ``tokens.table(chunk, **options)`` as arrays, without making the table
    (:func:`textkit.tokens.coded`): each kept word's document row, sentence, position and form
    code, in text order, and the object array of the forms (words: an ``n`` option is
    ignored)."""
    found = tokens.coded(chunk, **{k: v for k, v in options.items() if k != "n"})
    kept = found.keep
    return (found.doc[kept].astype(np.int64), found.sentence[kept].astype(np.int64),
            found.position[kept], found.form[kept], found.forms)
