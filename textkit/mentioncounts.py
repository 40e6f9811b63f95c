"""Count actor mentions: per actor or per group, and the pairs of actors mentioned together.

Every function takes a mention table of :func:`textkit.actors.mentions` (one row per mention,
with its ``doc_id``, ``actor``, ``group``, ``type``, ``kind``, ``sentence`` and ``paragraph``),
or a table made here from one:

- :func:`counts` counts the mentions of each actor (or group), by kind of form, with its shares
  (``direct`` counts names and aliases only: no demonyms, metonyms or roles) and the first
  paragraph and sentence that mention it;
- :func:`co_mentions` counts the pairs of actors mentioned in the same sentence or paragraph
  (:data:`SCOPES`), with Dice's coefficient;
- :func:`matrix` turns those pairs into a square actor-by-actor table (what
  :func:`textkit.plots.co_mention_heatmap` draws).

Finding the mentions and reading them in context is :mod:`textkit.actors`, which re-exports
:func:`counts`, :func:`co_mentions` and :func:`matrix` (notebook 02 and the tests call
``actors.counts``, ...) and declares the ``scope`` rule from :data:`SCOPES`
(:data:`textkit.actors.RULES`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from textkit import parameters
from textkit.dictionary import KINDS
from textkit.errors import ParameterError

#: The co-mention units :func:`co_mentions` accepts.
SCOPES = ("sentence", "paragraph")


def counts(mentions: pd.DataFrame, *, by: str = "actor") -> pd.DataFrame:
    """Count mentions per actor or per group, with shares and the first mention's position.

    Parameters
    ----------
    mentions : pandas.DataFrame
        A table from :func:`textkit.actors.mentions`.
    by : {"actor", "group"}, default "actor"
        What to count.

    Returns
    -------
    pandas.DataFrame
        One row per actor (or group) mentioned at least once, sorted by ``mentions``
        descending, then ``direct`` descending, then name, with columns

        - ``actor`` (str), ``group`` (str), ``type`` (str) — for ``by="actor"``; or
          ``group`` (str) and ``actors`` (int, distinct actors of the group mentioned) — for
          ``by="group"``;
        - ``mentions`` (int): all mentions (every kind that was matched);
        - ``name``, ``alias``, ``demonym``, ``metonym``, ``role`` (int): mentions by kind of
          form;
        - ``direct`` (int): ``name + alias``, the count without demonyms, metonyms and roles;
        - ``share`` (float): ``mentions`` / all mentions in the table, rounded to 6 decimals;
        - ``direct_share`` (float): ``direct`` / all direct mentions, rounded to 6 decimals;
        - ``documents`` (int): documents with at least one mention;
        - ``first_paragraph``, ``first_sentence`` (int): the earliest paragraph and sentence
          (numbered from 1 within its document) with a mention; with several documents, the
          smallest number over the documents.

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": "a", "actor": ["Russia", "Putin", "Russia"],
    ...     "group": ["RU", "RU", "RU"], "type": ["country", "person", "country"],
    ...     "kind": ["name", "alias", "metonym"], "alias": ["Russia", "Putin", "Kremlin"],
    ...     "text": ["Russia", "Putin", "Kremlin"], "start": [0, 9, 20], "end": [6, 14, 27],
    ...     "sentence": [1, 2, 3], "paragraph": [1, 1, 2]})
    >>> counts(m)[["actor", "mentions", "direct", "metonym", "share", "first_sentence"]]
        actor  mentions  direct  metonym     share  first_sentence
    0  Russia         2       1        1  0.666667               1
    1   Putin         1       1        0  0.333333               2
    >>> counts(m, by="group")[["group", "actors", "mentions", "direct"]]
      group  actors  mentions  direct
    0    RU       2         3       2
    """
    if by not in ("actor", "group"):
        raise ParameterError(f"parameter by must be 'actor' or 'group', got {by!r}.")
    keys = ["actor", "group", "type"] if by == "actor" else ["group"]
    columns = keys + (["actors"] if by == "group" else []) + [
        "mentions", *KINDS, "direct", "share", "direct_share", "documents",
        "first_paragraph", "first_sentence",
    ]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    kinds = pd.crosstab([mentions[k] for k in keys], mentions["kind"])
    table = kinds.reindex(columns=list(KINDS), fill_value=0)
    table.columns = list(KINDS)
    grouped = mentions.groupby(keys)
    table["mentions"] = grouped.size()
    table["direct"] = table["name"] + table["alias"]
    table["share"] = (table["mentions"] / table["mentions"].sum()).round(6)
    total_direct = table["direct"].sum()
    table["direct_share"] = (table["direct"] / total_direct).round(6) if total_direct else 0.0
    table["documents"] = grouped["doc_id"].nunique()
    table["first_paragraph"] = grouped["paragraph"].min()
    table["first_sentence"] = grouped["sentence"].min()
    if by == "group":
        table["actors"] = grouped["actor"].nunique()
    table = table.reset_index()
    name = "actor" if by == "actor" else "group"
    table = table.sort_values(
        ["mentions", "direct", name], ascending=[False, False, True], kind="stable"
    ).reset_index(drop=True)
    ints = [c for c in columns if c not in keys and c not in ("share", "direct_share")]
    return table[columns].astype({c: "int64" for c in ints} | {c: object for c in keys})


def co_mentions(mentions: pd.DataFrame, *, scope: str = "sentence") -> pd.DataFrame:
    """Count the pairs of actors mentioned in the same sentence (or paragraph).

    The association score is Dice's coefficient (Dice 1945, "Measures of the amount of
    ecologic association between species"), over units (sentences or paragraphs)::

        dice = 2 * together / (units_a + units_b)

    where ``together`` is the number of units mentioning both actors and ``units_a``,
    ``units_b`` the numbers of units mentioning each. It runs from 0 (never together) to 1
    (always together); unlike PMI it needs no count of units without any actor and does not
    inflate pairs of rare actors.

    Parameters
    ----------
    mentions : pandas.DataFrame
        A table from :func:`textkit.actors.mentions`.
    scope : {"sentence", "paragraph"}, default "sentence"
        The unit in which two actors count as mentioned together.

    Returns
    -------
    pandas.DataFrame
        One row per pair mentioned together at least once, sorted by ``together``
        descending, ``dice`` descending, then ``actor_a``, ``actor_b``, with columns

        - ``actor_a``, ``actor_b`` (str): the two actors, ``actor_a`` first alphabetically;
        - ``group_a``, ``group_b`` (str): their groups;
        - ``together`` (int): units (of ``scope``) mentioning both;
        - ``units_a``, ``units_b`` (int): units mentioning each actor;
        - ``dice`` (float): Dice's coefficient, rounded to 6 decimals.

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": "a", "actor": ["Biden", "Putin", "Putin", "Biden", "NATO"],
    ...     "group": ["US", "RU", "RU", "US", "EU"], "sentence": [1, 1, 2, 3, 3],
    ...     "paragraph": [1, 1, 1, 2, 2]})
    >>> co_mentions(m)
      actor_a actor_b group_a group_b  together  units_a  units_b  dice
    0   Biden    NATO      US      EU         1        2        1  0.666667
    1   Biden   Putin      US      RU         1        2        2  0.500000
    """
    parameters.check(scope=scope)
    columns = ["actor_a", "actor_b", "group_a", "group_b", "together", "units_a", "units_b", "dice"]
    units = defaultdict(set)
    for doc_id, unit, actor in zip(mentions["doc_id"], mentions[scope], mentions["actor"]):
        units[(doc_id, unit)].add(actor)
    per_actor, pairs = Counter(), Counter()
    for present in units.values():
        ordered = sorted(present)
        per_actor.update(ordered)
        pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    group_of = dict(zip(mentions["actor"], mentions["group"]))
    rows = [
        (a, b, group_of[a], group_of[b], n, per_actor[a], per_actor[b],
         round(2 * n / (per_actor[a] + per_actor[b]), 6))
        for (a, b), n in pairs.items()
    ]
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(
        ["together", "dice", "actor_a", "actor_b"], ascending=[False, False, True, True]
    ).reset_index(drop=True)
    return table.astype({c: object for c in columns[:4]} | {c: "int64" for c in columns[4:7]} | {"dice": "float64"})


def matrix(pairs: pd.DataFrame, *, top_n: int = 20) -> pd.DataFrame:
    """Turn a co-mention table into a square actor-by-actor table of ``together`` counts.

    Parameters
    ----------
    pairs : pandas.DataFrame
        A table from :func:`co_mentions`.
    top_n : int, default 20
        Keep the actors found in the most units (``units_a``/``units_b``), ties by name.

    Returns
    -------
    pandas.DataFrame
        Rows and columns are the actors (index and columns named ``actor``), in that order;
        each cell is the number of units mentioning both (int), symmetric, with 0 on the
        diagonal.

    Examples
    --------
    >>> p = pd.DataFrame({"actor_a": ["Biden", "Biden"], "actor_b": ["NATO", "Putin"],
    ...     "together": [1, 1], "units_a": [2, 2], "units_b": [1, 2]})
    >>> matrix(p)
    actor  Biden  Putin  NATO
    actor
    Biden      0      1     1
    Putin      1      0     0
    NATO       1      0     0
    """
    units = {}
    for a, b, ua, ub in zip(pairs["actor_a"], pairs["actor_b"], pairs["units_a"], pairs["units_b"]):
        units[a], units[b] = ua, ub
    order = sorted(units, key=lambda actor: (-units[actor], actor))[:top_n]
    table = pd.DataFrame(0, index=pd.Index(order, name="actor"), columns=pd.Index(order, name="actor"), dtype="int64")
    for a, b, n in zip(pairs["actor_a"], pairs["actor_b"], pairs["together"]):
        if a in units and b in units and a in table.index and b in table.index:
            table.loc[a, b] = table.loc[b, a] = int(n)
    return table
