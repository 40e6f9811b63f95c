"""Find the people, states and organisations a text mentions, and read the mentions in context.

The actor dictionary (a YAML file, see the README, "Actor dictionaries") is read by
:func:`load` (:mod:`textkit.dictionary`) into a *forms table*, one row per surface form; every
function here takes that table. Matching rules (:func:`find`):

- whole words only: a form never matches inside a longer word ("Russian" is not in
  "Russians", "Ukrainians" is not in "#UkrainiansWillResist"), but a hyphen or an apostrophe
  ends a word, so "ex-Soviet" mentions "Soviet" and "Russia's" mentions "Russia";
- the longest form wins and mentions never overlap: "Vladimir Putin" is one mention, and
  "Russian Security Council" is not also "Russian"; the text is read left to right, so at
  each place the earliest-starting, then longest, form is taken;
- case follows each form's case rule (:mod:`textkit.forms`): by default capitals count for
  forms written in capitals (US, UN, NATO, POTUS: "us" is never the United States) and for
  capitalised common words (Brown, Labour, West, White House: "brown field" is not Gordon
  Brown), and are ignored otherwise ("PSAki" is still Psaki); a dictionary can set
  ``case: sensitive`` or ``case: ignore`` per actor or per form;
- a space in a form matches any run of whitespace (a line break too), an apostrophe matches
  ``'`` and ``’``, a hyphen matches ``-`` and the Unicode hyphens, so the rules also hold on
  text whose quotes or dashes were not cleaned.

Each mention records its kind of form: ``name``, ``alias``, ``demonym`` ("Russian"),
``metonym`` ("the Kremlin") or ``role`` ("the prime minister"); demonyms, metonyms and roles
can each be switched off.

The rules are applied by :mod:`textkit.forms` (one trie-shaped regular expression and a
look-up per match). The dictionary itself (:func:`load`, :func:`parse`, :func:`require`,
:func:`fits`) lives in :mod:`textkit.dictionary`, the names it misses (:func:`unmatched`) in
:mod:`textkit.unmatched`, drafting one (:func:`suggest`) in :mod:`textkit.draft`, and counting
the mentions (:func:`counts`, :func:`co_mentions`, :func:`matrix`, :data:`SCOPES`) in
:mod:`textkit.mentioncounts`; all are importable from here too.
"""

from __future__ import annotations

import bisect

import pandas as pd

from textkit import forms, kwic, memory, parameters, sentencesplit, textindex
from textkit.dictionary import (  # re-exported: notebooks and the runner use actors.load, ...
    CASES, FIELDS, FORM_COLUMNS, KINDS, LIST_FIELDS, TYPES, fits, load, parse, require,
)
from textkit.draft import suggest
from textkit.mentioncounts import SCOPES
from textkit.mentioncounts import co_mentions, counts, matrix  # noqa: F401  (re-exported)
from textkit.textindex import progress
from textkit.forms import is_acronym, pattern
from textkit.unmatched import unmatched

__all__ = [
    "CASES", "FIELDS", "FORM_COLUMNS", "KINDS", "LIST_FIELDS", "MENTION_COLUMNS", "RULES",
    "SCOPES", "TYPES", "choose", "co_mentions", "concordance", "counts", "find", "fits",
    "is_acronym", "load", "matrix", "mentions", "parse", "pattern", "require", "select", "spans",
    "suggest", "unmatched",
]

#: Columns of the mention tables (:func:`find` leaves out doc_id, sentence and paragraph).
MENTION_COLUMNS = (
    "doc_id", "actor", "group", "type", "kind", "alias", "text", "start", "end",
    "sentence", "paragraph",
)

#: Rules of the actor parameters (read by :func:`textkit.parameters.check`).
RULES = {
    "scope": parameters.one_of(*SCOPES),
    "actors": parameters.existing_file_or(),
}



# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def select(
    dictionary: pd.DataFrame, *, demonyms: bool = True, metonyms: bool = True, roles: bool = True
) -> pd.DataFrame:
    """Return the forms that take part in matching (names and aliases always).

    Parameters
    ----------
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    demonyms : bool, default True
        Keep demonyms ("Russian", "Ukrainians").
    metonyms : bool, default True
        Keep metonyms ("Kremlin", "Washington").
    roles : bool, default True
        Keep roles ("the prime minister").

    Returns
    -------
    pandas.DataFrame
        The kept rows of ``dictionary``, same columns.
    """
    keep = {"demonym": demonyms, "metonym": metonyms, "role": roles}
    dropped = [kind for kind, kept in keep.items() if not kept]
    return dictionary[~dictionary["kind"].isin(dropped)].reset_index(drop=True)


def find(
    text: str, dictionary: pd.DataFrame, *, demonyms: bool = True, metonyms: bool = True,
    roles: bool = True,
) -> pd.DataFrame:
    """Find the actor mentions in one text.

    Parameters
    ----------
    text : str
        The cleaned text (see :func:`textkit.clean.text`).
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    demonyms, metonyms, roles : bool, default True
        As in :func:`mentions`.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in text order, with columns ``actor``, ``group``, ``type``,
        ``kind``, ``alias``, ``text``, ``start``, ``end`` as described in :func:`mentions`.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose('''
    ... actors:
    ...   - {name: United States, type: country, aliases: [US], metonyms: [White House]}
    ...   - {name: Vladimir Putin, type: person, aliases: [Putin], roles: [the president]}
    ... '''))
    >>> found = find("US and Vladimir Putin's aides; all of us; a white house; the White House; "
    ...              "The President; Putin-era", forms)
    >>> found[["actor", "kind", "alias", "text", "start", "end"]]
                actor     kind           alias            text  start  end
    0   United States    alias              US              US      0    2
    1  Vladimir Putin     name  Vladimir Putin  Vladimir Putin      7   21
    2   United States  metonym     White House     White House     61   72
    3  Vladimir Putin     role   the president   The President     74   87
    4  Vladimir Putin    alias           Putin           Putin     89   94
    """
    chosen = select(dictionary, demonyms=demonyms, metonyms=metonyms, roles=roles)
    rows = forms.scan(text, forms.pattern(list(chosen["alias"])), forms.lookup(chosen))
    return pd.DataFrame(
        [(*info, text[s:e], s, e) for s, e, info in rows],
        columns=["actor", "group", "type", "kind", "alias", "text", "start", "end"],
    ).astype({c: object for c in ("actor", "group", "type", "kind", "alias", "text")} | {"start": "int64", "end": "int64"})


@memory.gives_back
def mentions(
    documents: pd.DataFrame, dictionary: pd.DataFrame, *, demonyms: bool = True,
    metonyms: bool = True, roles: bool = True,
) -> pd.DataFrame:
    """Find every actor mention in a corpus, with its sentence and paragraph.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns (:func:`textkit.clean.corpus`).
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    demonyms : bool, default True
        Count demonyms ("Russian", "Ukrainians") as mentions of their country.
    metonyms : bool, default True
        Count metonyms ("Kremlin", "Washington") as mentions of their actor.
    roles : bool, default True
        Count roles ("the prime minister") as mentions of their actor.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in corpus then text order, with columns

        - ``doc_id`` (str): the document;
        - ``actor`` (str): the actor's canonical name;
        - ``group`` (str): the actor's group;
        - ``type`` (str): the actor's type;
        - ``kind`` (str): which kind of form matched: ``name``, ``alias``, ``demonym``,
          ``metonym`` or ``role``;
        - ``alias`` (str): the form that matched, as written in the dictionary;
        - ``text`` (str): the matched text, as written in the document;
        - ``start``, ``end`` (int): character offsets in the cleaned text;
        - ``sentence`` (int): the sentence number in the document, from 1
          (:func:`textkit.sentencesplit.sentence_spans`; the headline is sentence 1);
        - ``paragraph`` (int): the paragraph number in the document, from 1.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("actors:\\n  - {name: Russia, type: country, demonyms: [Russian]}"))
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Russia warns.\\n\\nA Russian ship. Russia's reply."]})
    >>> mentions(docs, forms)[["actor", "kind", "text", "sentence", "paragraph"]]
        actor     kind     text  sentence  paragraph
    0  Russia     name   Russia         1          1
    1  Russia  demonym  Russian         2          2
    2  Russia     name   Russia         3          2
    """
    chosen = select(dictionary, demonyms=demonyms, metonyms=metonyms, roles=roles)
    # Notebooks 02 and 04 of a run find the same mentions: done once (textindex.shared).
    key = "mentions-" + textindex.fingerprint(documents["doc_id"], documents["text"],
                                              chosen.to_json(orient="split"))
    return textindex.shared(key, lambda: _mentions(documents, chosen))


def _mentions(documents: pd.DataFrame, chosen: pd.DataFrame) -> pd.DataFrame:
    """:func:`mentions` of the chosen forms (no sharing)."""
    compiled, by_key = forms.pattern(list(chosen["alias"])), forms.lookup(chosen)
    rows = []
    for doc_id, text in progress(zip(documents["doc_id"], documents["text"]), "finding mentions",
                                 total=len(documents)):
        found = forms.scan(text, compiled, by_key)
        if not found:
            continue
        sentence_starts = [s for s, _ in sentencesplit.sentence_spans(text)]
        paragraph_starts = [s for s, _ in sentencesplit.paragraph_spans(text)]
        for start, end, info in found:
            rows.append((
                doc_id, *info, text[start:end], start, end,
                max(1, bisect.bisect_right(sentence_starts, start)),
                max(1, bisect.bisect_right(paragraph_starts, start)),
            ))
    table = pd.DataFrame(rows, columns=list(MENTION_COLUMNS))
    return table.astype(
        {c: object for c in MENTION_COLUMNS[:7]}
        | {c: "int64" for c in ("start", "end", "sentence", "paragraph")}
    )


def spans(documents: pd.DataFrame, dictionary: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """Return the character spans of every mention (all kinds of form), per document.

    For callers that need only where the mentions are (:func:`textkit.unmatched.occurrences`):
    the spans of :func:`mentions` with every kind of form switched on, so in a run that found
    those mentions already (notebook 02 with its defaults) they are read back, not searched for
    again (:func:`textkit.textindex.shared`).

    Returns
    -------
    dict
        ``{doc_id: [(start, end), ...]}`` in text order, for documents with a mention.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("actors:\\n  - {name: Russia, type: country}"))
    >>> spans(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Russia and Russia", "none"]}), forms)
    {'a': [(0, 6), (11, 17)]}
    """
    found = mentions(documents, dictionary)
    return {doc_id: list(zip(rows["start"].tolist(), rows["end"].tolist()))
            for doc_id, rows in found.groupby("doc_id", sort=False)}


# --------------------------------------------------------------------------------------------
# Reading the mentions in context
# --------------------------------------------------------------------------------------------


def choose(counts: pd.DataFrame, actor: str = "") -> str:
    """Return ``actor``, or the most-mentioned actor when ``actor`` is empty.

    Parameters
    ----------
    counts : pandas.DataFrame
        A table from :func:`textkit.mentioncounts.counts` (sorted: the most-mentioned actor
        first).
    actor : str, default ""
        An actor's canonical name, or ``""`` for the most-mentioned actor.

    Returns
    -------
    str
        The actor; ``""`` when ``actor`` is empty and nothing was mentioned.

    Examples
    --------
    >>> c = pd.DataFrame({"actor": ["Russia", "Ukraine"], "mentions": [32, 16]})
    >>> choose(c), choose(c, "Ukraine"), choose(c.iloc[:0])
    ('Russia', 'Ukraine', '')
    """
    if actor or counts.empty:
        return actor
    return str(counts["actor"].iloc[0])


def concordance(
    documents: pd.DataFrame,
    dictionary: pd.DataFrame,
    *,
    actor: str,
    width: int = 40,
    demonyms: bool = True,
    metonyms: bool = True,
    roles: bool = True,
) -> pd.DataFrame:
    """Show every mention of one actor in context (keyword in context, KWIC).

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    actor : str
        The actor's canonical name (as in the dictionary's ``name:``); ``""`` gives an empty
        table (choose the most-mentioned actor first with :func:`choose`).
    width : int, default 40
        Characters of context on each side.
    demonyms, metonyms, roles : bool, default True
        As in :func:`mentions`.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in corpus then text order, with columns ``doc_id`` (str),
        ``sentence`` (int), ``kind`` (str), ``alias`` (str), then :func:`textkit.kwic.lines`'s
        ``start``, ``end`` (int), ``left``, ``match``, ``right`` (str) and ``L2``, ``L1``,
        ``R1``, ``R2`` (str: the two words before and after the mention, folded; sort the
        lines by them with :func:`textkit.kwic.sort`).

    Raises
    ------
    ParameterError
        When ``actor`` is not in the dictionary (naming the closest names).

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("actors:\\n  - {name: Jen Psaki, type: person, aliases: [Psaki]}"))
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ['"We hope not," PSAki said.']})
    >>> concordance(docs, forms, actor="Jen Psaki", width=10)[["left", "match", "right"]]
            left  match   right
    0  ope not,"   PSAki   said.
    """
    require(dictionary, actor)
    # Match every actor, then keep this one's: the lines are the mentions counted ("Russian"
    # inside "Russian Security Council" is the Council's, not a Russian demonym).
    found = mentions(documents, dictionary, demonyms=demonyms, metonyms=metonyms, roles=roles)
    found = found[found["actor"] == actor]
    columns = ["doc_id", "sentence", "kind", "alias", *kwic.COLUMNS]
    frames = []
    texts = dict(zip(documents["doc_id"], documents["text"]))
    for doc_id, rows in found.groupby("doc_id", sort=False):
        lines = kwic.lines(texts[doc_id], list(zip(rows["start"], rows["end"])), width=width)
        lines.insert(0, "doc_id", doc_id)
        lines.insert(1, "sentence", rows["sentence"].to_numpy())
        lines.insert(2, "kind", rows["kind"].to_numpy())
        lines.insert(3, "alias", rows["alias"].to_numpy())
        frames.append(lines)
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
