"""Counts per group of documents: a merge of per-document counts, in long (tidy) form.

:func:`per_document` counts a long table (one row per mention, quotation or token) per
``doc_id`` and key; :func:`merge` adds those counts up per group (``groupby`` + ``sum``) and
normalises them per 1,000 tokens of the group. Rows of the same document simply add up, so
counts of parts of documents (chunks) merge the same way. :func:`counts` does both,
:func:`voice` is share of voice per group, :func:`summary` gives each group's documents and
tokens, :func:`side_by_side` shows a long table wide.

Every document is in exactly one group (:func:`textkit.groups.assign`), so **group sums equal
corpus totals**. The group column is ``doc_group``; tables are sorted by group
(:func:`textkit.groups.order`), then by count descending, then by key.
"""

from __future__ import annotations

import heapq

import pandas as pd

from textkit.errors import ParameterError
from textkit.groups import COLUMN, attach, order


def per_document(table: pd.DataFrame, *, key="actor", values=()) -> pd.DataFrame:
    """Count a long table per document and key: the unit that :func:`merge` adds up.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per occurrence (mention, quotation, token) with ``doc_id`` and the key columns.
    key : str or list of str, default "actor"
        What to count (``"actor"``, ``["actor", "group"]``, ``"token"``).
    values : list of str, default ()
        Numeric columns to add up as well (``["words"]`` for quotations).

    Returns
    -------
    pandas.DataFrame
        One row per document and key, sorted by ``doc_id`` then key, with columns ``doc_id``
        (str), the key columns (str), ``count`` (int) and each of ``values`` (int, summed).

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": ["b", "a", "b"], "actor": ["Kyiv", "Kyiv", "Kyiv"]})
    >>> per_document(m)
      doc_id actor  count
    0      a  Kyiv      1
    1      b  Kyiv      2
    """
    keys = [key] if isinstance(key, str) else list(key)
    columns = ["doc_id", *keys, "count", *values]
    if table.empty:
        return pd.DataFrame(columns=columns).astype(
            {c: object for c in ["doc_id", *keys]} | {c: "int64" for c in ["count", *values]})
    grouped = table.groupby(["doc_id", *keys], sort=True, dropna=False)
    result = grouped[list(values)].sum() if values else pd.DataFrame(index=grouped.size().index)
    result["count"] = grouped.size()
    result = result.reset_index()[columns]
    return result.astype({"count": "int64", **{v: "int64" for v in values}})


def merge(counts: pd.DataFrame, corpus: pd.DataFrame, *, key="actor", sizes: pd.Series,
          values=()) -> pd.DataFrame:
    """Add up per-document counts per group (``groupby`` + ``sum``): the tidy per-group table.

    Parameters
    ----------
    counts : pandas.DataFrame
        Per-document (or per-chunk: ``doc_id`` may repeat) counts: :func:`per_document`.
    corpus : pandas.DataFrame
        The corpus after :func:`textkit.groups.assign`.
    key, values
        As in :func:`per_document`.
    sizes : pandas.Series
        ``doc_id`` → tokens (:func:`textkit.dispersion.part_sizes`), the denominator of
        ``per_1000``; documents it lacks count 0 tokens.

    Returns
    -------
    pandas.DataFrame
        One row per group and key seen, sorted by group (:func:`textkit.groups.order`),
        ``count`` descending, then key, with columns

        - ``doc_group`` (str); the key columns (str);
        - ``count`` (int): occurrences in the group's documents; each of ``values`` (int);
        - ``documents`` (int): the group's documents with at least one;
        - ``share`` (float): ``count`` / all counts of the group; ``<value>_share`` likewise;
        - ``per_1000`` (float): ``count`` / ``group_tokens`` × 1,000; ``<value>_per_1000``
          likewise (floats rounded to 6 decimals; 0.0 for a group without tokens);
        - ``group_tokens`` (int): tokens of all the group's documents (:func:`summary`).

    Raises
    ------
    ParameterError
        ``sizes`` names documents that are not in the corpus.
    """
    keys = [key] if isinstance(key, str) else list(key)
    tokens = summary(corpus, sizes).set_index(COLUMN)["tokens"]
    grouped = attach(counts, corpus).groupby([COLUMN, *keys], sort=False, dropna=False)
    result = grouped[["count", *values]].sum()
    result["documents"] = grouped["doc_id"].nunique()
    result = result.reset_index()
    totals = result.groupby(COLUMN)[["count", *values]].transform("sum")
    result["group_tokens"] = result[COLUMN].map(tokens).astype("int64")
    for name in ["count", *values]:
        label = "" if name == "count" else f"{name}_"
        result[f"{label}share"] = _ratio(result[name], totals[name], 1)
        result[f"{label}per_1000"] = _ratio(result[name], result["group_tokens"], 1000)
    columns = [COLUMN, *keys, "count", *values, "documents", "share",
               *[f"{v}_share" for v in values], "per_1000", *[f"{v}_per_1000" for v in values],
               "group_tokens"]
    return _sorted(result[columns], keys, ["count"])


def _ratio(numerator: pd.Series, denominator: pd.Series, scale: int) -> pd.Series:
    """``numerator / denominator × scale``, rounded to 6 decimals; 0.0 for a denominator 0."""
    safe = denominator.where(denominator != 0)
    return (numerator / safe * scale).fillna(0.0).round(6).astype(float)


def _sorted(table: pd.DataFrame, keys: list[str], descending: list[str],
            first: tuple = ()) -> pd.DataFrame:
    """Sort by group (:func:`textkit.groups.order`), the ``first`` columns, the
    ``descending`` columns, then the keys; counts as int64."""
    rank = {label: number for number, label in enumerate(order(table[COLUMN]))}
    ascending = [True] * (1 + len(first)) + [False] * len(descending) + [True] * len(keys)
    table = table.assign(_group=table[COLUMN].map(rank)).sort_values(
        ["_group", *first, *descending, *keys], ascending=ascending, kind="stable")
    table = table.drop(columns="_group").reset_index(drop=True)
    ints = [c for c in table.columns if c in ("count", "documents", "group_tokens")]
    return table.astype({c: "int64" for c in ints} | {c: object for c in [COLUMN, *keys]})


def counts(table: pd.DataFrame, corpus: pd.DataFrame, *, key="actor", sizes: pd.Series,
           values=()) -> pd.DataFrame:
    """Count a long table per group: :func:`merge` of :func:`per_document`.

    Group sums equal corpus totals: adding ``count`` over the groups gives, for each key, the
    count over the corpus (``actors.counts(mentions)["mentions"]`` for ``key="actor"``), and
    ``documents`` adds up to the corpus's documents with the key.

    Parameters and returns as in :func:`merge`.

    Examples
    --------
    >>> from textkit.groups import assign
    >>> corpus = assign(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": "",
    ...     "path": ["a", "b", "c"], "source": ["AP", "AP", "BBC"]}), "source")
    >>> m = pd.DataFrame({"doc_id": ["a", "b", "b", "c"],
    ...                   "actor": ["Kyiv", "Kyiv", "NATO", "Kyiv"]})
    >>> sizes = pd.Series({"a": 100, "b": 300, "c": 50})
    >>> counts(m, corpus, key="actor", sizes=sizes)
      doc_group actor  count  documents     share  per_1000  group_tokens
    0        AP  Kyiv      2          2  0.666667       5.0           400
    1        AP  NATO      1          1  0.333333       2.5           400
    2       BBC  Kyiv      1          1  1.000000      20.0            50
    """
    return merge(per_document(table, key=key, values=values), corpus, key=key, sizes=sizes,
                 values=values)


def summary(corpus: pd.DataFrame, sizes: pd.Series) -> pd.DataFrame:
    """Documents and tokens per group: the denominators of every per-group table.

    Parameters
    ----------
    corpus : pandas.DataFrame
        The corpus after :func:`textkit.groups.assign`.
    sizes : pandas.Series
        ``doc_id`` → tokens (:func:`textkit.dispersion.part_sizes`); documents it lacks count 0.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by :func:`textkit.groups.order`, with columns ``doc_group`` (str),
        ``documents`` (int), ``tokens`` (int) and ``token_share`` (float: ``tokens`` / all
        tokens, 6 decimals). ``documents`` and ``tokens`` add up to the corpus's.

    Examples
    --------
    >>> from textkit.groups import assign
    >>> corpus = assign(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": "",
    ...     "path": ["a", "b", "c"], "source": ["AP", "", "AP"]}), "source")
    >>> summary(corpus, pd.Series({"a": 30, "b": 10, "c": 60}))
       doc_group  documents  tokens  token_share
    0         AP          2      90          0.9
    1  (missing)          1      10          0.1
    """
    if COLUMN not in corpus.columns:
        raise ParameterError(
            "groups.summary needs the corpus after groups.assign(corpus, group_by).")
    unknown = sorted(set(sizes.index) - set(corpus["doc_id"]), key=str)
    if unknown:
        raise ParameterError(
            f"groups: sizes has {len(unknown)} doc_id(s) that are not in the corpus, such as "
            f"{unknown[:5]}. Count tokens of the same corpus."
        )
    tokens = corpus["doc_id"].map(sizes).fillna(0).astype("int64")
    grouped = pd.DataFrame({COLUMN: corpus[COLUMN], "tokens": tokens}).groupby(COLUMN)
    result = pd.DataFrame({"documents": grouped.size(), "tokens": grouped["tokens"].sum()})
    result = result.reindex(order(corpus[COLUMN])).rename_axis(COLUMN).reset_index()
    result["token_share"] = _ratio(result["tokens"], pd.Series(result["tokens"].sum(),
                                                               index=result.index), 1)
    return result.astype({COLUMN: object, "documents": "int64", "tokens": "int64"})


def voice(quotations: pd.DataFrame, corpus: pd.DataFrame, *, by: str = "actor",
          sizes: pd.Series) -> pd.DataFrame:
    """Share of voice per group: quotations and quoted words per actor, group or speaker.

    The keys are those of :func:`textkit.quotes.voice` (with ``(not in dictionary)`` and
    ``(unattributed)``), counted per document and merged per group (:func:`merge`).

    Parameters
    ----------
    quotations : pandas.DataFrame
        A table from :func:`textkit.quotes.table`.
    corpus : pandas.DataFrame
        The corpus after :func:`textkit.groups.assign`.
    by : {"actor", "group", "speaker"}, default "actor"
        As in :func:`textkit.quotes.voice`.
    sizes : pandas.Series
        ``doc_id`` → tokens, for the per-1,000 columns.

    Returns
    -------
    pandas.DataFrame
        One row per group and key, sorted by group, then with ``(not in dictionary)`` and
        ``(unattributed)`` last, ``words`` descending, ``quotes`` descending, key; columns

        - ``doc_group`` (str); ``actor`` and ``group`` (``by="actor"``), ``group``
          (``by="group"``) or ``speaker`` (``by="speaker"``) (str);
        - ``quotes``, ``words`` (int); ``documents`` (int);
        - ``quote_share``, ``word_share`` (float): within the group;
        - ``quotes_per_1000``, ``words_per_1000`` (float): per 1,000 tokens of the group;
        - ``group_tokens`` (int).
    """
    from textkit import quotes

    keys = {"actor": ["actor", "group"], "group": ["group"], "speaker": ["speaker"]}.get(by)
    if keys is None:
        raise ParameterError(f"parameter by of groups.voice must be 'actor', 'group' or "
                             f"'speaker', got {by!r}.")
    speaker = quotations["speaker"].fillna("")
    known = quotations["actor"].fillna("") != ""
    placeholder = speaker.map(
        lambda s: quotes.UNATTRIBUTED if s == "" else quotes.NOT_IN_DICTIONARY)
    frame = pd.DataFrame({
        "doc_id": quotations["doc_id"], "speaker": speaker.replace("", quotes.UNATTRIBUTED),
        "actor": quotations["actor"].fillna("").where(known, placeholder),
        "group": quotations["group"].fillna("").where(known, placeholder),
        "words": quotations["words"].astype("int64")})
    result = counts(frame, corpus, key=keys, sizes=sizes, values=["words"]).rename(columns={
        "count": "quotes", "share": "quote_share", "words_share": "word_share",
        "per_1000": "quotes_per_1000"})
    last = result[keys[0]].map({quotes.NOT_IN_DICTIONARY: 1, quotes.UNATTRIBUTED: 2}).fillna(0)
    result = _sorted(result.assign(_last=last), keys, ["words", "quotes"], first=("_last",))
    return result.drop(columns="_last")[[COLUMN, *keys, "quotes", "words", "documents",
                                         "quote_share", "word_share", "quotes_per_1000",
                                         "words_per_1000", "group_tokens"]]


def side_by_side(table: pd.DataFrame, *, key="actor", value: str = "per_1000",
                 rank: str = "") -> pd.DataFrame:
    """Show a per-group table wide: one row per key, one column per group (0 where absent).

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`counts`, :func:`merge` or :func:`voice`.
    key : str or list of str, default "actor"
        The key columns of the rows.
    value : str, default "per_1000"
        The column shown in the cells.
    rank : str, default ""
        The column whose sum over the groups orders the rows; empty for ``count`` (``quotes``
        in a :func:`voice` table), so a small group's high rates do not decide the order.

    Returns
    -------
    pandas.DataFrame
        The key columns, then one column per group with rows (in
        :func:`textkit.groups.order`), sorted by the sum of ``rank`` descending, then key.

    Examples
    --------
    >>> long = pd.DataFrame({"doc_group": ["2019", "2020", "2020"],
    ...     "actor": ["Kyiv", "Kyiv", "NATO"], "count": [3, 2, 4], "per_1000": [1.5, 2.0, 4.0]})
    >>> side_by_side(long)
      actor  2019  2020
    0  Kyiv   1.5   2.0
    1  NATO   0.0   4.0
    """
    keys = [key] if isinstance(key, str) else list(key)
    rank = rank or next((c for c in ("count", "quotes") if c in table.columns), value)
    labels = order(table[COLUMN])
    wide = table.pivot_table(index=keys, columns=COLUMN, values=value, aggfunc="sum",
                             fill_value=0, observed=True).reindex(columns=labels, fill_value=0)
    wide.columns = list(labels)
    totals = table.groupby(keys)[rank].sum().reindex(wide.index)
    wide = wide.reset_index().assign(_total=totals.to_numpy())
    wide = wide.sort_values(["_total", *keys], ascending=[False] + [True] * len(keys),
                            kind="stable")
    return wide.drop(columns="_total").reset_index(drop=True)


def trend(table: pd.DataFrame, *, key: str = "actor", chosen=(), top_n: int = 5,
          value: str = "per_1000") -> pd.DataFrame:
    """Follow chosen keys (words, actors) across the groups (periods), zeros where absent.

    Parameters
    ----------
    table : pandas.DataFrame
        A long per-group table: ``doc_group``, ``key``, ``count`` and ``value`` (e.g.
        :func:`counts`, or :func:`textkit.frequency.table` with ``by="doc_group"``).
    key : str, default "actor"
        The column naming what is followed.
    chosen : list of str or str, default ()
        The keys to follow (a comma-separated string is split); empty: the ``top_n`` keys with
        the highest total ``count``, ties by key.
    top_n : int, default 5
    value : str, default "per_1000"

    Returns
    -------
    pandas.DataFrame
        One row per group and chosen key, groups in :func:`textkit.groups.order`, keys in the
        order chosen, with columns ``doc_group``, ``key``, ``count`` (int) and ``value`` (float;
        0 where the key does not occur in the group).

    Examples
    --------
    >>> long = pd.DataFrame({"doc_group": ["2019", "2020", "2020"], "actor": ["A", "A", "B"],
    ...                      "count": [2, 1, 4], "per_1000": [2.0, 0.5, 2.0]})
    >>> trend(long, chosen="B, A")
      doc_group actor  count  per_1000
    0      2019     B      0       0.0
    1      2019     A      2       2.0
    2      2020     B      4       2.0
    3      2020     A      1       0.5
    """
    if isinstance(chosen, str):
        chosen = [part.strip() for part in chosen.split(",") if part.strip()]
    if not chosen:
        totals = table.groupby(key, sort=False)["count"].sum()
        chosen = [k for k, _ in heapq.nsmallest(  # sorted(...)[:top_n], without sorting all
            top_n, zip(totals.index, totals.to_numpy()), key=lambda kc: (-kc[1], str(kc[0])))]
    groups_in = order(table[COLUMN].astype(str)) if len(table) else []
    grid = pd.MultiIndex.from_product([groups_in, list(chosen)], names=[COLUMN, key])
    found = table[table[key].isin(chosen)].groupby([COLUMN, key])[["count", value]].sum()
    result = found.reindex(grid, fill_value=0).reset_index()
    result["count"] = result["count"].astype("int64")
    result[value] = result[value].astype(float)
    return result
