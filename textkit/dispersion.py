"""Dispersion: how evenly a word or an actor is spread over the parts of a corpus.

Frequency says how often a term occurs; dispersion says whether it occurs everywhere or in a few
places. "the" and "trump" may be equally frequent in a news corpus, but "the" is in every article
and "trump" bunches in the articles about him. Every function takes a *long table*, one row per
occurrence with a term column and a part column: the token table of
:func:`textkit.tokens.table` (``doc_id``, ``token``) for words, the mentions table of
:func:`textkit.actors.mentions` (``doc_id``, ``actor``) for actors. The parts are the documents
by default; any column of the long table (a period, a source) can be the parts instead.

Notation, for one term with frequency f in a corpus of n parts of sizes W_1 … W_n (N = ΣW_i
tokens): v_i is the term's frequency in part i, s_i = W_i / N the part's share of the corpus,
o_i = v_i / f the share of the term's occurrences found in part i.

- **range**: the number of parts with v_i > 0; ``range_share`` = range / n.
- **DP**, deviation of proportions (Gries 2008, p. 415): DP = ½ Σ_i |o_i − s_i|. 0 when the
  term is spread exactly as the corpus is (each part has its share), towards 1 when it is all in
  one small part.
- **DPnorm** (Lijffijt & Gries 2012): DP / (1 − min_i s_i), so that the maximum is 1 whatever
  the part sizes (plain DP cannot exceed 1 − min s_i).
- **Juilland's D** (Juilland & Chang-Rodríguez 1964): D = 1 − V / √(n − 1), where V = σ / μ is
  the variation coefficient of the term's *relative* frequencies R_i = v_i / W_i in the n parts
  (μ their mean, σ their population standard deviation, dividing by n). 1 is perfectly even; 0
  is all in one part. Juilland designed D for equal-sized parts; here the parts are the same as
  for DP (the documents, unless ``parts`` says otherwise), and dividing by the part size first is
  the usual adaptation to unequal parts (Gries 2008). D is known to creep towards 1 as n grows,
  so compare D values only between tables with the same parts.

The sizes W_i are, by default, the long table's own row counts per part (tokens per document for
a token table). For actors pass the documents' token counts as ``sizes``: a part's share of the
corpus is its share of the text, not of the mentions.

References: Gries, S. Th. (2008). Dispersions and adjusted frequencies in corpora. International
Journal of Corpus Linguistics 13(4), 403–437. Lijffijt, J. & Gries, S. Th. (2012). Correction to
Stefan Th. Gries' "Dispersions and adjusted frequencies in corpora". IJCL 17(1), 147–149.
Juilland, A. & Chang-Rodríguez, E. (1964). Frequency Dictionary of Spanish Words. Mouton.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import parameters, tallies
from textkit.errors import ParameterError

#: Columns of :func:`table`.
TABLE_COLUMNS = ("term", "count", "range", "range_share", "dp", "dp_norm", "juilland_d", "parts")

#: Columns of :func:`layout` (after the part column, and before ``date`` when dates are given).
LAYOUT_COLUMNS = ("document", "start", "tokens")


def part_sizes(long_table: pd.DataFrame, *, parts: str = "doc_id") -> pd.Series:
    """Count the rows of each part of a long table: its size in tokens for a token table.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence, with a ``parts`` column (e.g. :func:`textkit.tokens.table`),
        or a counted table (:func:`textkit.tallies.counted`), whose ``count`` column says how
        many occurrences each row stands for.
    parts : str, default "doc_id"
        The column that names the parts.

    Returns
    -------
    pandas.Series
        Part → number of occurrences (int), the parts in order of first appearance (corpus order for a
        token table); the index is named after ``parts``, the series ``tokens``.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": ["b", "b", "a"], "token": ["x", "y", "x"]})
    >>> part_sizes(toks).to_dict()
    {'b': 2, 'a': 1}
    """
    codes, names = _part_codes(long_table, parts)
    counts = np.bincount(codes, weights=tallies.weights(long_table),
                         minlength=len(names)).astype("int64")
    return pd.Series(counts, index=pd.Index(names, dtype=object, name=parts), name="tokens")


def table(long_table: pd.DataFrame, *, terms=None, parts: str = "doc_id", min_count: int = 1,
          term: str = "token", sizes: pd.Series | None = None) -> pd.DataFrame:
    """Measure the dispersion of every term of a long table over its parts.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence, with a ``term`` column and a ``parts`` column: a token table
        (``doc_id``, ``token``) or an actor mentions table (``doc_id``, ``actor``); or a counted
        table (:func:`textkit.tallies.counted`), whose rows stand for ``count`` occurrences.
    terms : list of str or None, default None
        Measure only these terms (the parts and their sizes still come from the whole table);
        terms that do not occur are left out. ``None`` measures every term.
    parts : str, default "doc_id"
        The column naming the corpus parts: documents by default, or e.g. a period column.
    min_count : int, default 1
        Leave out terms that occur fewer times than this.
    term : str, default "token"
        The column holding the terms (``"actor"`` for a mentions table).
    sizes : pandas.Series or None, default None
        Part → size in tokens. Every part of the table must be in it with a size above 0; parts
        with no row in the table count too (a document that never mentions an actor still has
        its share of the corpus). ``None`` uses the table's own row counts per part
        (:func:`part_sizes`), right for a token table; for actors pass the documents' token
        counts, ``part_sizes(tokens.table(docs))``.

    Returns
    -------
    pandas.DataFrame
        One row per term, sorted by ``count`` descending then ``term`` ascending (by code
        point), with columns

        - ``term`` (str): the term;
        - ``count`` (int): occurrences, f;
        - ``range`` (int): parts that contain the term at least once;
        - ``range_share`` (float): range / n;
        - ``dp`` (float): Gries' DP = ½ Σ|o_i − s_i|, 0 (even) to 1 (concentrated);
        - ``dp_norm`` (float): DP / (1 − min s_i) (Lijffijt & Gries 2012), 0 to 1;
        - ``juilland_d`` (float): Juilland's D = 1 − V / √(n − 1), 1 (even) to 0;
        - ``parts`` (int): n, the number of parts (the same on every row).

        Floats are rounded to 6 decimals. With a single part, ``dp_norm`` and ``juilland_d``
        are NaN (0 / 0: nothing to compare). See the module docstring for the notation.

    Examples
    --------
    Two documents of four tokens (s = ½, ½); "x" is 2 + 1, so o = ⅔, ⅓ and DP = ½ (⅙ + ⅙) = ⅙;
    R = 2/4, 1/4, μ = 0.375, σ = 0.125, D = 1 − (0.125 / 0.375) / √1 = ⅔:

    >>> toks = pd.DataFrame({"doc_id": list("aaaabbbb"), "token": list("xxyzxzww")})
    >>> table(toks)
      term  count  range  range_share        dp   dp_norm  juilland_d  parts
    0    x      3      2          1.0  0.166667  0.333333    0.666667      2
    1    w      2      1          0.5  0.500000  1.000000    0.000000      2
    2    z      2      2          1.0  0.000000  0.000000    1.000000      2
    3    y      1      1          0.5  0.500000  1.000000    0.000000      2
    """
    parameters.check(min_count=min_count)
    _require(long_table, [parts, term], "long_table")
    part_codes, names = _part_codes(long_table, parts)
    weight = tallies.weights(long_table)
    if sizes is None:
        W = np.bincount(part_codes, weights=weight, minlength=len(names)).astype(float)
    else:
        sizes = _checked_sizes(sizes, names)
        part_codes = pd.Index(sizes.index).get_indexer(names)[part_codes]
        W = sizes.to_numpy(float)
    column = long_table[term]
    if terms is not None:
        keep = column.isin(list(terms)).to_numpy()
        part_codes, column = part_codes[keep], column[keep]
        weight = None if weight is None else weight[keep]
    term_codes, found = pd.factorize(column, sort=False)
    n = len(W)
    # One entry per (term, part) pair that occurs: the sparse term-by-part count matrix.
    pairs, where = np.unique(term_codes.astype("int64") * n + part_codes, return_inverse=True)
    counts = np.bincount(where.ravel(), weights=weight, minlength=len(pairs)).astype("int64")
    result = pd.DataFrame(_measures(pairs // n, pairs % n, counts, W, len(found)))
    result.insert(0, "term", pd.Index(found, dtype=object))
    result["parts"] = n
    # By count, then term by code point (Python's sorted: much faster than numpy on objects).
    by_term = sorted(range(len(found)), key=list(found).__getitem__)
    term_rank = np.empty(len(found), dtype="int64")
    term_rank[by_term] = np.arange(len(found))
    result = result.iloc[np.lexsort((term_rank, -result["count"].to_numpy()))]
    result = result[result["count"] >= min_count]
    return result[list(TABLE_COLUMNS)].reset_index(drop=True)


def _measures(t, p, v, W, n_terms: int) -> dict:
    """Range, DP, DPnorm and Juilland's D from the non-zero cells (term t, part p, count v).

    Only parts where the term occurs are visited; the parts where it does not add
    |0 − s_i| = s_i to DP's sum and R_i = 0 to D's, which is folded in with the sum of the
    visited parts' sizes and with the number of empty parts. Linear in the number of cells.
    """
    n, N = len(W), W.sum()
    v = v.astype(float)
    f = np.bincount(t, weights=v, minlength=n_terms)
    present = np.bincount(t, minlength=n_terms)
    with np.errstate(divide="ignore", invalid="ignore"):
        # |o_i − s_i| = |v_i·N − W_i·f| / (f·N): whole numbers for token counts, summed exactly.
        deviation = np.bincount(t, weights=np.abs(v * N - W[p] * f[t]), minlength=n_terms)
        outside = N - np.bincount(t, weights=W[p], minlength=n_terms)  # size of empty parts
        dp = (deviation + outside * f) / (2 * f * N)
        dp_norm = dp / (1 - (W.min() / N if n else 0))
        R = v / W[p]
        mean = np.bincount(t, weights=R, minlength=n_terms) / n
        squares = np.bincount(t, weights=(R - mean[t]) ** 2, minlength=n_terms)
        sd = np.sqrt((squares + (n - present) * mean**2) / n)  # empty parts: (0 − μ)² each
        d = 1 - sd / mean / np.sqrt(n - 1)
    return {
        "count": f.astype("int64"),
        "range": present.astype("int64"),
        "range_share": np.round(present / n, 6),
        "dp": np.round(dp, 6),
        "dp_norm": np.round(dp_norm if n > 1 else np.full(n_terms, np.nan), 6),
        "juilland_d": np.round(d if n > 1 else np.full(n_terms, np.nan), 6),
    }


def _require(frame: pd.DataFrame, columns, what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ParameterError(
            f"{what} has no column {', '.join(map(repr, missing))} (its columns: "
            f"{', '.join(map(repr, frame.columns))}); name the right one with parts= or term=."
        )


def _part_codes(long_table: pd.DataFrame, parts: str):
    """Each row's part number (parts in order of first appearance, from 0) and the parts."""
    _require(long_table, [parts], "long_table")
    codes, names = pd.factorize(long_table[parts], sort=False)
    if (codes < 0).any():
        raise ParameterError(f"long_table has rows with no {parts!r}; drop or fill them first.")
    return codes, names


def _checked_sizes(sizes, names) -> pd.Series:
    """The given part sizes, checked: one number above 0 for every part of the table."""
    sizes = pd.Series(sizes)
    if not sizes.index.is_unique:
        raise ParameterError("sizes names a part more than once; give one size per part.")
    if not (pd.api.types.is_numeric_dtype(sizes) and (sizes > 0).all()):
        raise ParameterError("sizes must be numbers above 0 (tokens per part); "
                             "leave out parts with no tokens.")
    unknown = pd.Index(names).difference(sizes.index)
    if len(unknown):
        raise ParameterError(
            f"sizes has no size for {len(unknown)} part(s) of the table, e.g. {unknown[0]!r}; "
            f"give every part's token count, e.g. part_sizes(tokens.table(docs))."
        )
    return sizes


# --------------------------------------------------------------------------------------------
# Positions: the corpus laid end to end, for the x-ray plot
# --------------------------------------------------------------------------------------------


def layout(sizes: pd.Series, *, dates: pd.Series | None = None) -> pd.DataFrame:
    """Lay the parts end to end, in the order given: where each one starts, in tokens.

    Parameters
    ----------
    sizes : pandas.Series
        Part → size in tokens, in corpus order (:func:`part_sizes` of the token table).
    dates : pandas.Series or None, default None
        Part → date (or any label, as text), e.g. ``docs.set_index("doc_id")["date"]``; adds a
        ``date`` column (empty text for parts without one), which :func:`textkit.plots.xray`
        uses to label its x axis.

    Returns
    -------
    pandas.DataFrame
        One row per part, in the order of ``sizes``, with columns

        - the part column (str), named after ``sizes.index.name`` (``doc_id`` if unnamed);
        - ``document`` (int): the part's number, from 1;
        - ``start`` (int): the position of its first token in the corpus, from 0;
        - ``tokens`` (int): its size;
        - ``date`` (str), only when ``dates`` is given.

    Examples
    --------
    >>> layout(pd.Series({"a": 4, "b": 2, "c": 3}))
      doc_id  document  start  tokens
    0      a         1      0       4
    1      b         2      4       2
    2      c         3      6       3
    """
    name = sizes.index.name or "doc_id"
    tokens = sizes.to_numpy().astype("int64")
    result = pd.DataFrame({
        name: pd.Index(sizes.index, dtype=object),
        "document": np.arange(1, len(tokens) + 1, dtype="int64"),
        "start": np.cumsum(tokens) - tokens,
        "tokens": tokens,
    })
    if dates is not None:
        result["date"] = result[name].map(dates).fillna("").astype(str).astype(object)
    return result


def positions(long_table: pd.DataFrame, terms=None, *, term: str = "token",
              parts: str = "doc_id") -> pd.DataFrame:
    """Find where each occurrence of a term is in the corpus, counted in tokens.

    Parameters
    ----------
    long_table : pandas.DataFrame
        A token table (:func:`textkit.tokens.table`): one row per token, in text order within
        each part. Its parts, laid end to end in order of first appearance, are the corpus
        (:func:`layout` of :func:`part_sizes`).
    terms : list of str or None, default None
        The terms to locate (as they are written in the table: folded if it was); ``None``
        locates every token.
    term : str, default "token"
        The column holding the terms.
    parts : str, default "doc_id"
        The column naming the parts.

    Returns
    -------
    pandas.DataFrame
        One row per occurrence, sorted by ``term`` then ``position``, with columns

        - ``term`` (str): the term;
        - the part column (str), named ``parts``: where it occurs;
        - ``position`` (int): its token index in the corpus, from 0;
        - ``document`` (int): the part's number in :func:`layout`, from 1.

    Examples
    --------
    >>> toks = pd.DataFrame({"doc_id": list("aaabb"), "token": ["x", "y", "x", "y", "x"]})
    >>> positions(toks, ["x"])
      term doc_id  position  document
    0    x      a         0         1
    1    x      a         2         1
    2    x      b         4         2
    """
    _require(long_table, [parts, term], "long_table")
    if tallies.weights(long_table) is not None:
        raise ParameterError(
            "positions needs one row per token, in text order, but this is a counted table (it "
            "has a 'count' column); use textkit.tallies.positions(documents, terms) instead."
        )
    codes, names = _part_codes(long_table, parts)
    # Rows grouped by part, in table order within each part: the k-th row of a part is at the
    # part's start + k (in a token table, whose parts are contiguous, that is the row number).
    order = np.argsort(codes, kind="stable")
    position = np.empty(len(codes), dtype="int64")
    position[order] = np.arange(len(codes))
    keep = (slice(None) if terms is None
            else long_table[term].isin(list(terms)).to_numpy())
    result = pd.DataFrame({
        "term": pd.Series(long_table[term].to_numpy(dtype=object)[keep], dtype=object),
        parts: pd.Series(np.asarray(names, dtype=object)[codes[keep]], dtype=object),
        "position": position[keep],
        "document": codes[keep] + 1,
    })
    return finish_positions(result)


def mention_positions(mentions: pd.DataFrame, documents: pd.DataFrame, *, parts: pd.DataFrame,
                      terms=None, term: str = "actor") -> pd.DataFrame:
    """Place actor mentions (character offsets) on the token positions of a corpus layout.

    A mention at character c of a document of L characters and T tokens is placed at token
    ``start + ⌊T · c / L⌋`` of the layout: its token index estimated from its character offset
    (exact at a document's first character, within a few tokens elsewhere), so mentions and
    words can share one x axis.

    Parameters
    ----------
    mentions : pandas.DataFrame
        :func:`textkit.actors.mentions` (at least ``doc_id``, the ``term`` column, ``start``);
        a ``group`` column is kept, for colours.
    documents : pandas.DataFrame
        The cleaned corpus the mentions come from (``doc_id``, ``text``).
    parts : pandas.DataFrame
        :func:`layout` of the documents' token counts, e.g.
        ``layout(part_sizes(tokens.table(docs)))``; every mentioned document must be in it.
    terms : list of str or None, default None
        The actors to place; ``None`` places every mention.
    term : str, default "actor"
        The column holding the actor names.

    Returns
    -------
    pandas.DataFrame
        One row per mention, sorted by ``term`` then ``position``, with the columns of
        :func:`positions` (the part column is ``doc_id``) and ``group`` (str) when the mentions
        have one.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Putin met Biden.", "Biden spoke."]})
    >>> found = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor": ["Putin", "Biden", "Biden"],
    ...                       "start": [0, 10, 0]})
    >>> mention_positions(found, docs, parts=layout(pd.Series({"a": 3, "b": 2})))
        term doc_id  position  document
    0  Biden      a         1         1
    1  Biden      b         3         2
    2  Putin      a         0         1
    """
    _require(mentions, ["doc_id", term, "start"], "mentions")
    index = pd.Index(parts["doc_id"]).get_indexer(mentions["doc_id"])
    if (index < 0).any():
        missing = mentions["doc_id"].to_numpy()[index < 0][0]
        raise ParameterError(f"document {missing!r} has mentions but is not in parts; make parts "
                             f"with layout(part_sizes(tokens.table(docs))) from the same corpus.")
    lengths = documents.set_index("doc_id")["text"].str.len().reindex(mentions["doc_id"])
    tokens = parts["tokens"].to_numpy()[index]
    within = mentions["start"].to_numpy() * tokens // np.maximum(lengths.to_numpy(), 1)
    result = pd.DataFrame({
        "term": mentions[term].to_numpy(dtype=object),
        "doc_id": mentions["doc_id"].to_numpy(dtype=object),
        "position": parts["start"].to_numpy()[index] + np.clip(within, 0, tokens - 1),
        "document": index + 1,
    })
    if "group" in mentions.columns:
        result["group"] = mentions["group"].to_numpy(dtype=object)
    return finish_positions(result, terms)


def finish_positions(result: pd.DataFrame, terms=None) -> pd.DataFrame:
    """Keep the rows of ``terms`` (all when ``None``), sorted by term then position."""
    if terms is not None:
        result = result[result["term"].isin(list(terms))]
    result = result.astype({"position": "int64", "document": "int64"})
    return result.sort_values(["term", "position"], kind="stable").reset_index(drop=True)
