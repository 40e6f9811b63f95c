"""Draft an actor dictionary from a corpus, for a student to edit (``textkit actors suggest``).

The draft lists the capitalised names of the corpus (:func:`textkit.unmatched.occurrences`;
with a dictionary, only the names it does not cover), each with its variants as aliases:

- a name joins its **fullest form** when that is a person ("Clarke" and "Ms Clarke" ->
  "Ann Clarke": the longest name of the same document ending with the same words,
  :func:`textkit.names.find`'s ``full`` seen most often, see :func:`textkit.unmatched.fuller`);
- an **acronym** joins the name (not a person's) whose initials it spells ("WHO" -> "World
  Health Organization"; "of", "the", "and", "for" and name particles are skipped), the most
  mentioned one when several do;
- a **demonym** joins the place it names ("Russian", "Russians" -> "Russia";
  :data:`DEMONYM_ENDINGS`), as ``demonyms``;
- the **type** is the guess made most often for the group's name (:func:`textkit.names.find`:
  person, organisation, place; ``other`` when unknown). It is a guess from the words alone:
  a country acting as an actor should become ``country``.

Each entry's mentions, documents, titles and first occurrence are written as comments. The
draft keeps every rule of :func:`textkit.dictionary.parse` (no form twice, every form with a
letter), so it loads as it is; it is a list to edit, not a dictionary to trust.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import PurePath

import pandas as pd

from textkit import names, parameters
from textkit.errors import ParameterError
from textkit.forms import is_acronym, key
from textkit.unmatched import _examples, most_often, occurrences

#: Dictionary type for each kind of name :func:`textkit.names.find` guesses.
TYPE_OF_KIND = {"person": "person", "organisation": "organisation", "place": "place", "unknown": "other"}

#: Columns of :func:`table`.
COLUMNS = ("name", "type", "aliases", "demonyms", "count", "documents", "titles", "example")

#: Endings that make a word a demonym of a place: Russia-n, Ukrain-ian, Chin-ese, Israel-i,
#: Turk-ish, German (Germany) ...
DEMONYM_ENDINGS = frozenset({"", "n", "an", "ian", "ese", "i", "ish", "ean"})

_SKIPPED_IN_INITIALS = names.CONNECTORS | {"and", "for", "the", "on", "in", "&"}
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*")


def table(
    documents: pd.DataFrame, *, dictionary: pd.DataFrame | None = None, min_count: int = 2,
    top_n: int = 100,
) -> pd.DataFrame:
    """Group the corpus's names into draft actors with their variants.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    dictionary : pandas.DataFrame or None, default None
        An existing forms table: its actors are left out, and so are its forms.
    min_count : int, default 2
        Leave out actors mentioned fewer times (name and aliases together).
    top_n : int, default 100
        Keep the most-mentioned actors only.

    Returns
    -------
    pandas.DataFrame
        One row per draft actor, sorted by ``count`` descending, then ``name``, with columns

        - ``name`` (str): the fullest form, the actor's canonical name;
        - ``type`` (str): the guessed type (person, organisation, place or other);
        - ``aliases`` (str): the other forms, most frequent first, joined by ``"; "``;
        - ``demonyms`` (str): the demonyms of a place, most frequent first, joined by ``"; "``;
        - ``count`` (int): mentions of the name and its aliases;
        - ``documents`` (int): documents with at least one;
        - ``titles`` (str): the titles written before it, most frequent first (three at
          most), joined by ``", "``;
        - ``example`` (str): the first occurrence in context, on one line.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Ann Clarke of the International Monetary Fund spoke. Ms Clarke said the IMF "
    ...     "agreed. The IMF and Clarke met Tom Ford."]})
    >>> table(docs)[["name", "type", "aliases", "count", "titles"]]
                              name          type aliases  count titles
    0                   Ann Clarke        person  Clarke      3     Ms
    1  International Monetary Fund  organisation     IMF      3
    """
    parameters.check(min_count=min_count, top_n=top_n)
    found = occurrences(documents, dictionary)
    if found.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    found["group"] = _groups(found)
    rows = _summaries(found, documents)
    rows = rows[rows["count"] >= min_count]
    rows = rows.sort_values(["count", "name"], ascending=[False, True], kind="stable")
    claimed = set() if dictionary is None else {key(f) for f in dictionary["alias"]}
    kept = []
    for row in rows.itertuples(index=False):
        if key(row.name) in claimed:
            continue
        claimed.add(key(row.name))
        forms = []
        for listed in (row.aliases, row.demonyms):
            forms.append([a for a in dict.fromkeys(listed) if key(a) not in claimed])
            claimed |= {key(a) for a in forms[-1]}
        kept.append((row.name, row.type, "; ".join(forms[0]), "; ".join(forms[1]), row.count,
                     row.documents, row.titles, row.example))
        if len(kept) == top_n:
            break
    result = pd.DataFrame(kept, columns=list(COLUMNS))
    return result.astype({c: object for c in ("name", "type", "aliases", "demonyms", "titles", "example")}
                         | {"count": "int64", "documents": "int64"})


def _groups(found: pd.DataFrame) -> pd.Series:
    """Return each occurrence's group: its name's fullest form, or the name its acronym spells."""
    full_of = most_often(found, "full").to_dict()
    kind_of = most_often(found, "kind").to_dict()

    def fullest(name: str) -> str:
        for _ in range(5):  # follow "Clarke" -> "Ann Clarke" -> ... (no cycles in practice)
            longer = full_of.get(name, name)
            if longer == name or kind_of.get(longer) != "person":
                break
            name = longer
        return name

    group_of = {name: fullest(name) for name in found["name"].unique()}
    sizes = found["name"].map(group_of).value_counts()
    spelled = {}
    for group in sorted(set(group_of.values()), key=lambda g: (-sizes[g], g)):
        initials = _initials(group) if kind_of.get(group) != "person" else ""
        if len(initials) >= 2:
            spelled.setdefault(initials, group)
    for name, group in group_of.items():
        if group == name and is_acronym(name) and " " not in name:
            group_of[name] = spelled.get(name.replace(".", ""), name)
    places = [g for g in sorted(set(group_of.values())) if kind_of.get(g) == "place" and " " not in g]
    stems = {_stem(place): place for place in places}
    for name, group in group_of.items():
        if group == name and " " not in name and name not in places:
            group_of[name] = _demonym_of(name, stems) or name
    return found["name"].map(group_of)


def _stem(place: str) -> str:
    """Return a place name without its final vowels ("Russia" -> "Russ", "Germany" -> "German")."""
    return place.rstrip("aeiouy")


def _demonym_of(word: str, stems: dict) -> str | None:
    """Return the place whose demonym ``word`` is ("Russians" -> "Russia"), or None.

    A demonym is a place's :func:`_stem` (three letters or more) followed by one of
    :data:`DEMONYM_ENDINGS`, then an optional plural "s".
    """
    for base in dict.fromkeys((word, word[:-1] if word.endswith("s") else word)):
        for cut in range(len(base), 2, -1):
            if base[:cut] in stems and base[cut:] in DEMONYM_ENDINGS:
                return stems[base[:cut]]
    return None


def _initials(name: str) -> str:
    """Return the initials of a multi-word name's main words ("World Health Organization" -> "WHO").

    Names with an acronym or an initial among their words ("U.S. Securities") have none.
    """
    words = [w for w in name.split() if w.lower() not in _SKIPPED_IN_INITIALS]
    if len(words) < 2 or not all(w[:1].isupper() and w[1:2].islower() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _summaries(found: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Aggregate the occurrences per group: counts, type, aliases, titles, example."""
    grouped = found.groupby("group", sort=False)
    rows = pd.DataFrame({
        "count": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "first_doc": grouped["doc_id"].first(),
        "first_start": grouped["start"].first(),
        "first_end": grouped["end"].first(),
    })
    named = found[found["name"] == found["group"]]
    kinds = most_often(named, "kind", by="group").combine_first(most_often(found, "kind", by="group"))
    rows["type"] = kinds.map(TYPE_OF_KIND).reindex(rows.index).fillna("other")
    members = _ranked(found, "name").reindex(rows.index)
    rows["demonyms"] = [[a for a in forms if a != group and _demonym_of(a, {_stem(group): group})]
                        for group, forms in zip(rows.index, members)]
    rows["aliases"] = [[a for a in forms if a != group and a not in demonyms]
                       for group, forms, demonyms in zip(rows.index, members, rows["demonyms"])]
    titles = _ranked(found[found["title"] != ""], "title")
    rows["titles"] = [", ".join(titles.get(group, [])[:3]) for group in rows.index]
    rows = rows.rename_axis("name").reset_index()
    rows["example"] = _examples(documents, rows, 40)
    return rows


def _ranked(found: pd.DataFrame, column: str) -> pd.Series:
    """Return, per group, the values of ``column``, most frequent first (ties by code point)."""
    seen = found.groupby(["group", column], sort=False).size().rename("n").reset_index()
    seen = seen.sort_values(["group", "n", column], ascending=[True, False, True], kind="stable")
    return seen.groupby("group", sort=False)[column].agg(list)


def to_yaml(draft: pd.DataFrame, *, corpus: str = "", documents: int | None = None) -> str:
    """Write a draft table (:func:`table`) as an actor dictionary, with comments to guide editing.

    Parameters
    ----------
    draft : pandas.DataFrame
        A table from :func:`table`.
    corpus : str, default ""
        The corpus's name, written as the dictionary's ``corpus:`` (see
        :func:`textkit.dictionary.fits`); ``""`` writes none.
    documents : int or None, default None
        The number of documents, for the header comment.

    Returns
    -------
    str
        YAML text that :func:`textkit.actors.load` reads.

    Examples
    --------
    >>> d = pd.DataFrame({"name": ["Ann Clarke"], "type": ["person"], "aliases": ["Clarke"],
    ...     "demonyms": [""], "count": [3], "documents": [1], "titles": ["Ms"],
    ...     "example": ["Ann Clarke of the"]})
    >>> print(to_yaml(d).split("actors:")[1])
    <BLANKLINE>
      - name: Ann Clarke  # 3 mentions in 1 document; titles: Ms
        # e.g. "Ann Clarke of the"
        type: person
        aliases: [Clarke]
    <BLANKLINE>
    """
    where = f"the corpus {corpus}" if corpus else "a corpus"
    size = f" ({_count(documents, 'document')})" if documents is not None else ""
    lines = [
        f"# Draft actor dictionary for {where}{size}, written by `textkit actors suggest`.",
        "# A draft: read every entry before you count with it.",
        "# - Delete what is not an actor of your study (headings, titles, places you do not study).",
        "# - Check each type, a guess from the words (person, organisation, place, other); a state",
        "#   acting as an actor is a country. Add group: the side or affiliation counted together.",
        "# - Merge entries that are one actor and add spellings to aliases. Demonyms (Russian),",
        "#   metonyms (the Kremlin) and roles (the prime minister) are yours to add.",
        "# After each name: its mentions (all its forms together), documents and titles.",
    ]
    if corpus:
        lines += [
            "# corpus: names the corpus this dictionary was written for; textkit notes it when the",
            "# dictionary is used on another corpus. Delete the line to use it anywhere.",
            f"corpus: {_scalar(corpus)}",
        ]
    lines += ["", "actors:"]
    for row in draft.itertuples(index=False):
        note = f"{_count(row.count, 'mention')} in {_count(row.documents, 'document')}"
        note += f"; titles: {row.titles}" if row.titles else ""
        lines.append(f"  - name: {_scalar(row.name)}  # {note}")
        if row.example:
            lines.append(f"    # e.g. {json.dumps(row.example, ensure_ascii=False)}")
        lines.append(f"    type: {row.type}")
        for field in ("aliases", "demonyms"):
            if getattr(row, field):
                forms = ", ".join(_scalar(a) for a in getattr(row, field).split("; "))
                lines.append(f"    {field}: [{forms}]")
        lines.append("")
    return "\n".join(lines) + "\n"


def suggest(
    documents: pd.DataFrame, *, corpus: str = "", dictionary: pd.DataFrame | None = None,
    min_count: int = 2, top_n: int = 100,
) -> str:
    """Draft an actor dictionary (YAML text) from a corpus: :func:`table`, then :func:`to_yaml`.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    corpus : str, default ""
        The corpus's name for ``corpus:`` (:func:`corpus_label` of its path).
    dictionary, min_count, top_n
        As in :func:`table`.

    Returns
    -------
    str
        The YAML text.

    Raises
    ------
    ParameterError
        When no name occurs ``min_count`` times (a dictionary needs one actor at least).
    """
    draft = table(documents, dictionary=dictionary, min_count=min_count, top_n=top_n)
    if draft.empty:
        raise ParameterError(
            f"no capitalised name{' the dictionary does not cover' if dictionary is not None else ''} "
            f"occurs at least {min_count} times in the {len(documents)} documents, so there is "
            "nothing to draft. Lower min_count (--min-count 1)."
        )
    return to_yaml(draft, corpus=corpus, documents=len(documents))


def corpus_label(path: str) -> str:
    """Name a corpus for ``corpus:``: a file's or folder's name, a glob's folder name.

    Examples
    --------
    >>> corpus_label("seeds/wikinews/*.csv"), corpus_label("news/"), corpus_label("a/b.txt")
    ('wikinews', 'news', 'b.txt')
    """
    parts = PurePath(os.path.abspath(path)).parts
    for i, part in enumerate(parts):
        if any(c in part for c in "*?["):
            parts = parts[:i]
            break
    return parts[-1] if len(parts) > 1 else ""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _scalar(text: str) -> str:
    """Write ``text`` as a YAML scalar: plain when YAML reads it back as the same text."""
    import yaml

    if _PLAIN.fullmatch(text) and text == text.strip():
        try:
            if yaml.safe_load(text) == text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)
