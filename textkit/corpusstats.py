"""Corpus statistics: how many words a token table holds, how varied they are, and its top word.

:func:`summary` describes one or more token tables (for example before and after filtering), one
row each; :func:`per_document` describes every document of one at once, with its most frequent
terms. :func:`top_word` picks the most frequent content word, skipping :data:`GENERIC` words: the
default query of notebook 01 and node word of notebook 03.

Every function takes the long token table of :func:`textkit.tokens.table` (columns ``doc_id``
and ``token``) or a counted table of :func:`textkit.tallies.counted` (a ``count`` column: each row
stands for that many occurrences); :func:`top_word` takes a list of tokens as well.

Conventions (the columns of :data:`SUMMARY_COLUMNS`): ``tokens`` is the number of running words
(rows of the table, or the sum of ``count``); ``types`` the number of distinct tokens;
``type_token_ratio`` is types / tokens; ``hapaxes`` are the types that occur exactly once and
``hapax_share`` is hapaxes / types. Ratios are rounded to 6 decimals, and are 0.0 when there is
nothing to divide by. A document's top terms are sorted as :func:`textkit.frequency.table` sorts
(by count descending, then term by code point).

Counting terms and n-grams is :mod:`textkit.frequency`, which re-exports :func:`summary`,
:func:`per_document` and :func:`top_word` (notebook 01 and the tests call ``frequency.summary``,
...). The check that a token table has the columns asked for lives here, and
:mod:`textkit.frequency` imports it, so a missing column reads the same in both modules.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import tallies
from textkit.counting import code_point_rank
from textkit.errors import ParameterError

#: Columns of :func:`summary` (besides ``stage``) and :func:`per_document` (besides ``doc_id``).
SUMMARY_COLUMNS = ("documents", "tokens", "types", "type_token_ratio", "hapaxes", "hapax_share")


def _require(tokens: pd.DataFrame, columns: list[str], by: str | None, term: str) -> None:
    """Raise a ParameterError naming the first column the token table lacks, or a bad ``by``."""
    if by is not None and by in {term, "count", "per_1000", "documents"}:
        raise ParameterError(f"by={by!r} names a column of the result; rename that column first.")
    missing = [c for c in [*columns, *([by] if by is not None else [])] if c not in tokens.columns]
    if missing:
        raise ParameterError(
            f"the token table has no column {missing[0]!r}; its columns are "
            f"{list(tokens.columns)}. Make it with textkit.tokens.table(documents) (one row per "
            f"word, with its sentence and position); add a group column before counting by it."
        )


def summary(**stages: pd.DataFrame) -> pd.DataFrame:
    """Summarise one or more token tables (for example before and after filtering).

    Parameters
    ----------
    **stages : pandas.DataFrame
        Token tables by a label of your choice, e.g. ``words=all_words, terms=kept_terms``.

    Returns
    -------
    pandas.DataFrame
        One row per stage, in the order given, with columns

        - ``stage`` (str): the label;
        - ``documents`` (int): documents with at least one token;
        - ``tokens`` (int): number of tokens (running words);
        - ``types`` (int): number of distinct tokens;
        - ``type_token_ratio`` (float): types / tokens, rounded to 6 decimals;
        - ``hapaxes`` (int): types that occur exactly once;
        - ``hapax_share`` (float): hapaxes / types, rounded to 6 decimals.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": ["a", "a", "b"], "token": ["US", "US", "kyiv"]})
    >>> summary(terms=toks)
      stage  documents  tokens  types  type_token_ratio  hapaxes  hapax_share
    0 terms          2       3      2          0.666667        1          0.5
    """
    rows = [{"stage": label, **_stats(tokens)} for label, tokens in stages.items()]
    return pd.DataFrame(rows, columns=["stage", *SUMMARY_COLUMNS]).astype({"stage": object})


def per_document(tokens: pd.DataFrame, *, top_n: int = 5) -> pd.DataFrame:
    """Summarise each document of a token table.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Columns ``doc_id`` and ``token``.
    top_n : int, default 5
        How many of each document's most frequent terms to list.

    Returns
    -------
    pandas.DataFrame
        One row per document, sorted by ``doc_id``, with the columns of :func:`summary` except
        ``stage`` and ``documents``, after ``doc_id`` (str), and then

        - ``top_terms`` (str): the document's ``top_n`` most frequent terms, by count then term,
          joined by ``", "``.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": ["b", "a", "a"], "token": ["kyiv", "US", "US"]})
    >>> per_document(toks)[["doc_id", "tokens", "types", "top_terms"]]
      doc_id  tokens  types top_terms
    0      a       2      1        US
    1      b       1      1      kyiv
    """
    _require(tokens, ["doc_id", "token"], None, "term")
    doc, doc_ids = pd.factorize(tokens["doc_id"], use_na_sentinel=False)
    term, terms = pd.factorize(tokens["token"], use_na_sentinel=False)
    size = max(len(terms), 1)
    pair, keys = pd.factorize(doc.astype(np.int64) * size + term)  # one code per (doc, term)
    count = np.bincount(pair, weights=tallies.weights(tokens), minlength=len(keys)).astype(np.int64)
    pair_doc, pair_term = keys // size, keys % size
    sizes = np.bincount(pair_doc, weights=count, minlength=len(doc_ids)).astype(np.int64)
    types = np.bincount(pair_doc, minlength=len(doc_ids))
    hapaxes = np.bincount(pair_doc[count == 1], minlength=len(doc_ids))
    # Each document's terms by count descending, then term in code-point order (as table sorts).
    order = np.lexsort((code_point_rank(np.asarray(terms, dtype=object))[pair_term], -count,
                        pair_doc))
    first = np.searchsorted(pair_doc[order], np.arange(len(doc_ids)))
    names = np.asarray(terms, dtype=object)[pair_term[order]].tolist()
    rows = [
        {"doc_id": doc_id, "tokens": int(n), "types": int(v),
         "type_token_ratio": round(v / n, 6) if n else 0.0, "hapaxes": int(h),
         "hapax_share": round(h / v, 6) if v else 0.0,
         "top_terms": ", ".join(names[start : start + min(top_n, v)])}
        for doc_id, n, v, h, start in zip(doc_ids, sizes.tolist(), types.tolist(),
                                          hapaxes.tolist(), first.tolist())
    ]
    rows.sort(key=lambda row: row["doc_id"])
    columns = ["doc_id", *SUMMARY_COLUMNS[1:], "top_terms"]
    return pd.DataFrame(rows, columns=columns).astype({"doc_id": object, "top_terms": object})


def _stats(tokens: pd.DataFrame) -> dict:
    """Count documents, tokens, types and hapaxes of one token table (or counted table)."""
    counts = _occurrences(tokens["token"], tallies.weights(tokens))
    n_tokens, n_types = int(counts.sum()), int(len(counts))
    hapaxes = int((counts == 1).sum())
    return {
        "documents": int(tokens["doc_id"].nunique()),
        "tokens": n_tokens,
        "types": n_types,
        "type_token_ratio": round(n_types / n_tokens, 6) if n_tokens else 0.0,
        "hapaxes": hapaxes,
        "hapax_share": round(hapaxes / n_types, 6) if n_types else 0.0,
    }


def _occurrences(words: pd.Series, weight: np.ndarray | None) -> pd.Series:
    """Each distinct word → its occurrences (rows, or the sum of ``weight``), unsorted."""
    if weight is None:
        return words.value_counts(sort=False)
    codes, uniques = pd.factorize(words, use_na_sentinel=False)
    counts = np.bincount(codes, weights=weight, minlength=len(uniques)).astype(np.int64)
    return pd.Series(counts, index=pd.Index(uniques, dtype=object))


#: Frequent words that are not stopwords but say little about a corpus's topic: reporting
#: verbs (every news corpus's most frequent word is "said"), modal verbs and a few fillers.
GENERIC = frozenset(
    """
    said says say told tells tell according added also like just one new can could will would
    may might must shall get got
    """.split()
)


def top_word(tokens, *, stopwords: frozenset[str] = frozenset(), exclude: frozenset[str] = GENERIC) -> str:
    """Return the most frequent content word: the default node word of the collocations.

    A content word has at least three characters, one of them a letter; it is not a stopword,
    not in ``exclude`` and not written in capitals (an acronym such as "US", or a speaker
    label such as "WN" in interviews). Ties go to the word first in code-point order.

    Parameters
    ----------
    tokens : list of str or pandas.DataFrame
        Tokens as counted (folded), e.g. :func:`textkit.collocations.sequence`, or a token
        table with a ``token`` column (:func:`textkit.tokens.table`).
    stopwords : frozenset of str, default frozenset()
        Words that are never the top word (:func:`textkit.stopwords.load`).
    exclude : frozenset of str, default :data:`GENERIC`
        More words that are never the top word.

    Returns
    -------
    str
        The word, ``""`` when there is none.

    Examples
    --------
    >>> top_word(["Russia", "said", "said", "the", "the", "the", "US", "US", "russia", "russia"],
    ...          stopwords=frozenset({"the"}))
    'russia'
    >>> top_word(["the", "12"], stopwords=frozenset({"the"}))
    ''
    """
    if isinstance(tokens, pd.DataFrame):
        counts = _occurrences(tokens["token"], tallies.weights(tokens))
    else:
        counts = _occurrences(pd.Series(list(tokens), dtype=object), None)
    best = ""
    best_count = 0
    for word, count in counts.items():
        if count < best_count or (count == best_count and word > best):
            continue
        if len(word) < 3 or word in stopwords or word in exclude or word.isupper():
            continue
        if not any(c.isalpha() for c in word):
            continue
        best, best_count = word, count
    return best
