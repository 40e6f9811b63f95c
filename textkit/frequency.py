"""Word frequencies: a term table, corpus summaries and per-document summaries.

Every function takes the long token table of :func:`textkit.tokens.table` (one row per token,
columns ``doc_id`` and ``token``) and returns a DataFrame.

Conventions: ``count`` is the number of occurrences; ``per_1000`` is ``count / tokens × 1000``
where ``tokens`` is the number of rows of the token table (the tokens kept after filtering);
``documents`` is the number of documents in which the term occurs at least once; ``rank`` is the
competition rank by count (equal counts share the best rank: 1, 2, 2, 4). Rows are sorted by
count (descending), then term (ascending, by code point), so ties never depend on input order.
"""

from __future__ import annotations

import pandas as pd

#: Columns of :func:`table`.
TABLE_COLUMNS = ("rank", "term", "count", "per_1000", "documents")

#: Columns of :func:`summary` (besides ``stage``) and :func:`per_document` (besides ``doc_id``).
SUMMARY_COLUMNS = ("documents", "tokens", "types", "type_token_ratio", "hapaxes", "hapax_share")


def table(tokens: pd.DataFrame, *, min_count: int = 1) -> pd.DataFrame:
    """Count each term of a token table.

    Parameters
    ----------
    tokens : pandas.DataFrame
        Columns ``doc_id`` and ``token`` (see :func:`textkit.tokens.table`).
    min_count : int, default 1
        Leave out terms that occur fewer times than this (``per_1000`` still uses all tokens).

    Returns
    -------
    pandas.DataFrame
        One row per term, sorted by ``count`` descending then ``term`` ascending, with columns

        - ``rank`` (int): competition rank by count (1 = most frequent; ties share a rank);
        - ``term`` (str): the token as counted (folded unless ``lowercase=False``);
        - ``count`` (int): occurrences in the corpus;
        - ``per_1000`` (float): occurrences per 1,000 tokens, rounded to 6 decimals;
        - ``documents`` (int): number of documents that contain the term.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": ["a", "a", "a", "b", "b"],
    ...                      "token": ["US", "troops", "US", "troops", "kyiv"]})
    >>> table(toks)
       rank    term  count  per_1000  documents
    0     1      US      2     400.0          1
    1     1  troops      2     400.0          2
    2     3    kyiv      1     200.0          1
    """
    total = len(tokens)
    grouped = tokens.groupby("token", sort=False)["doc_id"]
    result = pd.DataFrame(
        {
            "count": grouped.size(),
            "documents": grouped.nunique(),
        }
    ).rename_axis("term").reset_index()
    result = result[result["count"] >= min_count]
    result = result.sort_values(["count", "term"], ascending=[False, True], kind="stable")
    result["per_1000"] = (result["count"] / total * 1000).round(6) if total else 0.0
    result["rank"] = result["count"].rank(method="min", ascending=False).astype("int64")
    result = result.astype({"term": object, "count": "int64", "documents": "int64"})
    return result[list(TABLE_COLUMNS)].reset_index(drop=True)


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
    rows = []
    for doc_id, group in sorted(tokens.groupby("doc_id", sort=False), key=lambda item: item[0]):
        stats = _stats(group)
        stats.pop("documents")
        top = table(group).head(top_n)["term"]
        rows.append({"doc_id": doc_id, **stats, "top_terms": ", ".join(top)})
    columns = ["doc_id", *SUMMARY_COLUMNS[1:], "top_terms"]
    return pd.DataFrame(rows, columns=columns).astype({"doc_id": object, "top_terms": object})


def _stats(tokens: pd.DataFrame) -> dict:
    """Count documents, tokens, types and hapaxes of one token table."""
    counts = tokens["token"].value_counts(sort=False)
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
    words = tokens["token"] if isinstance(tokens, pd.DataFrame) else pd.Series(list(tokens), dtype=object)
    counts = words.value_counts(sort=False)
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
