"""Find the people, states and organisations a text mentions, using an actor dictionary.

An actor dictionary is a YAML file (see the README, "Actor dictionaries")::

    actors:
      - name: Vladimir Putin          # canonical label, unique
        type: person                  # person | country | organisation | other
        group: Russia                 # side or affiliation, for aggregation (default: the name)
        aliases: [Putin]              # other surface forms; the name itself always matches
        demonyms: []                  # e.g. [Russian, Russians] for a country
        metonyms: []                  # e.g. [Moscow, Kremlin]: places standing for the actor

:func:`load` reads and validates it into a *forms table*, one row per surface form; every other
function takes that table. Matching rules (:func:`find`):

- whole words only: a form never matches inside a longer word ("Russian" is not in
  "Russians", "Ukrainians" is not in "#UkrainiansWillResist"), but a hyphen or an apostrophe
  ends a word, so "ex-Soviet" mentions "Soviet" and "Russia's" mentions "Russia";
- the longest form wins and mentions never overlap: "Vladimir Putin" is one mention, and
  "Russian Security Council" is not also "Russian"; the text is read left to right, so at
  each place the earliest-starting, then longest, form is taken;
- case is ignored, except for forms written entirely in capitals (acronyms such as US, UN,
  NATO, POTUS), which match only in capitals: "us" is never the United States, while
  "PSAki" is still Psaki;
- a space in a form matches any run of whitespace (a line break too), an apostrophe matches
  ``'`` and ``’``, a hyphen matches ``-`` and the Unicode hyphens, so the rules also hold on
  text whose quotes or dashes were not cleaned.

The rules are applied by one regular expression built as a trie (forms sharing a prefix share
one branch, so the engine tests each character once instead of once per form), followed by a
dictionary look-up per match; ``benchmarks/bench_actors.py`` compares it with a plain
alternation of the same forms.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from textkit import files, kwic, parameters, tokens
from textkit.errors import ActorsFileError, ParameterError
from textkit.stopwords import load as _load_stopwords

#: The actor types a dictionary may use.
TYPES = ("person", "country", "organisation", "other")

#: The kinds of surface form, in the order the forms table lists them.
KINDS = ("name", "alias", "demonym", "metonym")

#: The keys an actor entry may have.
FIELDS = ("name", "type", "group", "aliases", "demonyms", "metonyms")

#: The dictionary keys holding lists, and the kind of form each holds.
LIST_FIELDS = {"aliases": "alias", "demonyms": "demonym", "metonyms": "metonym"}

#: Columns of the forms table :func:`load` returns.
FORM_COLUMNS = ("actor", "type", "group", "kind", "alias", "line")

#: Columns of the mention tables (:func:`find` leaves out doc_id, sentence and paragraph).
MENTION_COLUMNS = (
    "doc_id", "actor", "group", "type", "kind", "alias", "text", "start", "end",
    "sentence", "paragraph",
)

#: The co-mention units :func:`co_mentions` accepts.
SCOPES = ("sentence", "paragraph")

#: Rules of the actor parameters (read by :func:`textkit.parameters.check`).
RULES = {
    "scope": parameters.one_of(*SCOPES),
    "actors": parameters.existing_file_or(),
}

_WORD_CHAR = re.compile(r"\w")
_CHAR_PATTERNS = {" ": r"\s+", "'": "['\u2019]", "-": "[-\u2010\u2011]"}
_NORMALISE = str.maketrans({"\u2019": "'", "\u2010": "-", "\u2011": "-"})
_SPACE_RUN = re.compile(r"\s+")


# --------------------------------------------------------------------------------------------
# The dictionary
# --------------------------------------------------------------------------------------------


def load(path: str | Path) -> pd.DataFrame:
    """Read and validate an actor dictionary (YAML) into a forms table.

    Parameters
    ----------
    path : str or Path
        The YAML file.

    Returns
    -------
    pandas.DataFrame
        See :func:`parse`.

    Raises
    ------
    ActorsFileError
        The file is missing, is not valid YAML, or breaks a rule (see :func:`parse`); the
        message names the file and line.
    """
    return parse(files.read_yaml(path, error=ActorsFileError), source=str(path))


def parse(root, *, source: str = "<actors>") -> pd.DataFrame:
    """Validate a composed YAML document (``yaml.compose``) and return its forms table.

    Parameters
    ----------
    root : yaml.Node or None
        The document's root node, as :func:`textkit.files.read_yaml` returns it.
    source : str, default "<actors>"
        The file name for error messages.

    Returns
    -------
    pandas.DataFrame
        One row per surface form, in file order (each actor's name first), with columns

        - ``actor`` (str): the actor's canonical name;
        - ``type`` (str): ``person``, ``country``, ``organisation`` or ``other``;
        - ``group`` (str): the actor's group (its name when the file gives none);
        - ``kind`` (str): ``name``, ``alias``, ``demonym`` or ``metonym``;
        - ``alias`` (str): the surface form, as written in the file;
        - ``line`` (int): the line of the form in the file (from 1).

    Raises
    ------
    ActorsFileError
        Naming the file and line: no ``actors:`` list; an entry that is not a mapping; an
        unknown key; an actor without a name; an unknown type; a name, type or group that is
        not text; a list field that is not a list; an empty form; a form without a letter or
        digit; a duplicate name; and the same form (ignoring case) given twice, by one
        actor or two.

    Examples
    --------
    >>> import yaml
    >>> doc = yaml.compose("actors:\\n  - {name: Jen Psaki, type: person, group: US, aliases: [Psaki]}")
    >>> parse(doc)
           actor    type group   kind      alias  line
    0  Jen Psaki  person    US   name  Jen Psaki     2
    1  Jen Psaki  person    US  alias      Psaki     2
    >>> parse(yaml.compose("actors:\\n  - {name: Psaki, type: human}"), source="a.yml")
    Traceback (most recent call last):
    ...
    textkit.errors.ActorsFileError: a.yml: line 2: actor 'Psaki' has the unknown type 'human'. ...
    """
    import yaml

    def fail(node, message):
        line = node.start_mark.line + 1 if node is not None else 1
        raise ActorsFileError(f"{source}: line {line}: {message}")

    if not isinstance(root, yaml.MappingNode):
        fail(root, "the file must be a mapping with one key, 'actors:', holding a list of actors "
             f"(got {'an empty file' if root is None else _describe(root)}). See the README.")
    top = _mapping(root, fail)
    if "actors" not in top:
        fail(root, f"there is no 'actors:' key (the keys are {sorted(top)}). Put the list of "
             "actors under 'actors:'.")
    entries = top["actors"][1]
    if not isinstance(entries, yaml.SequenceNode):
        fail(entries, f"'actors:' must hold a list of actors ('- name: ...' lines), got "
             f"{_describe(entries)}.")

    rows, names, forms = [], {}, {}
    for entry in entries.value:
        if not isinstance(entry, yaml.MappingNode):
            fail(entry, f"each actor must be a mapping with 'name:', 'type:' ..., got "
                 f"{_describe(entry)}.")
        fields = _mapping(entry, fail)
        for key, (key_node, _) in fields.items():
            if key not in FIELDS:
                close = difflib.get_close_matches(key, FIELDS, n=1)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                fail(key_node, f"unknown key {key!r}; an actor has the keys "
                     f"{', '.join(FIELDS)}.{hint}")
        if "name" not in fields or _is_blank(fields["name"][1]):
            fail(entry, "an actor has no name. Give every actor 'name: <canonical label>'.")
        name = _text(fields["name"][1], "name", fail)
        if "type" not in fields:
            fail(entry, f"actor {name!r} has no type. Add 'type:' with one of "
                 f"{', '.join(TYPES)}.")
        kind_of_actor = _text(fields["type"][1], "type", fail)
        if kind_of_actor not in TYPES:
            fail(fields["type"][1], f"actor {name!r} has the unknown type {kind_of_actor!r}. "
                 f"Use one of {', '.join(TYPES)}.")
        group = _text(fields["group"][1], "group", fail) if "group" in fields else name
        key = _key(name)
        if key in names:
            fail(fields["name"][1], f"the name {name!r} is used twice (also on line "
                 f"{names[key]}). Names must be unique: merge the two entries or rename one.")
        names[key] = fields["name"][1].start_mark.line + 1

        listed = [("name", fields["name"][1])]
        for field, kind in LIST_FIELDS.items():
            if field not in fields:
                continue
            value = fields[field][1]
            if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
                continue  # "aliases:" with nothing after it: no aliases
            if not isinstance(value, yaml.SequenceNode):
                fail(value, f"'{field}' of actor {name!r} must be a list, got "
                     f"{_describe(value)}. Write {field}: [{value.value if isinstance(value, yaml.ScalarNode) else '...'}]"
                     " (square brackets), even for one entry.")
            listed.extend((kind, item) for item in value.value)
        for kind, node in listed:
            if not isinstance(node, yaml.ScalarNode) or _is_blank(node):
                fail(node, f"actor {name!r} has an empty {kind} ({_describe(node)}). Remove it "
                     "or write the form.")
            form = _text(node, kind, fail).strip()
            if not _WORD_CHAR.search(form):
                fail(node, f"the {kind} {form!r} of actor {name!r} has no letter or digit, so "
                     "it can never match a word. Remove it.")
            line = node.start_mark.line + 1
            claimed = forms.get(_key(form))
            if claimed:
                other, other_line = claimed
                whose = "the same actor" if other == name else f"actor {other!r}"
                fail(node, f"the form {form!r} of actor {name!r} is already claimed by {whose} "
                     f"(line {other_line}); forms are compared ignoring case. A form can "
                     "stand for one actor only: keep it in one place.")
            forms[_key(form)] = (name, line)
            rows.append((name, kind_of_actor, group, kind, form, line))
    if not rows:
        fail(entries, "the 'actors:' list is empty. Add at least one actor.")
    table = pd.DataFrame(rows, columns=list(FORM_COLUMNS))
    return table.astype({c: object for c in FORM_COLUMNS[:-1]} | {"line": "int64"})


def _mapping(node, fail) -> dict:
    """Return a mapping node's items as ``{key: (key_node, value_node)}``; refuse duplicate keys."""
    items = {}
    for key_node, value_node in node.value:
        key = key_node.value
        if key in items:
            fail(key_node, f"the key {key!r} appears twice in one entry (also on line "
                 f"{items[key][0].start_mark.line + 1}). Keep one.")
        items[key] = (key_node, value_node)
    return items


def _text(node, what: str, fail) -> str:
    """Return a scalar node's text, or fail when it is a list or mapping."""
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        fail(node, f"the {what} must be text, got {_describe(node)}.")
    return str(node.value)


def _is_blank(node) -> bool:
    """Tell whether a node is an empty scalar ('', null or '~')."""
    import yaml

    return isinstance(node, yaml.ScalarNode) and (
        not node.value.strip() or node.tag == "tag:yaml.org,2002:null"
    )


def _describe(node) -> str:
    """Describe a YAML node for an error message: what was received."""
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return f"a list of {len(node.value)}"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node is None or node.tag == "tag:yaml.org,2002:null" or not str(node.value).strip():
        return "nothing"
    return f"the text {node.value!r}"


def _key(form: str) -> str:
    """Return the look-up key of a form: whitespace collapsed, apostrophes and hyphens
    normalised, lower case."""
    return _SPACE_RUN.sub(" ", form.translate(_NORMALISE)).strip().lower()


def is_acronym(form: str) -> bool:
    """Tell whether a form is written entirely in capitals (and so matches only in capitals).

    Examples
    --------
    >>> [is_acronym(f) for f in ["US", "U.S.", "NATO", "POTUS", "Putin", "UN Security Council", "I"]]
    [True, True, True, True, False, False, False]
    """
    cased = [c for c in form if c.isalpha()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def select(dictionary: pd.DataFrame, *, demonyms: bool = True, metonyms: bool = True) -> pd.DataFrame:
    """Return the forms that take part in matching (names and aliases always).

    Parameters
    ----------
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    demonyms : bool, default True
        Keep demonyms ("Russian", "Ukrainians").
    metonyms : bool, default True
        Keep metonyms ("Kremlin", "Washington").

    Returns
    -------
    pandas.DataFrame
        The kept rows of ``dictionary``, same columns.
    """
    dropped = {k for k, keep in (("demonym", demonyms), ("metonym", metonyms)) if not keep}
    return dictionary[~dictionary["kind"].isin(dropped)].reset_index(drop=True)


def pattern(forms: list[str]) -> re.Pattern:
    """Compile one trie-shaped regular expression that finds any of ``forms``, ignoring case.

    Each form is matched whole (not inside a longer word); at one position the longest form
    wins. The pattern ignores case for every form; :func:`find` then rejects matches of
    acronyms that are not in capitals.

    Parameters
    ----------
    forms : list of str
        The surface forms.

    Returns
    -------
    re.Pattern

    Examples
    --------
    >>> p = pattern(["Putin", "Vladimir Putin", "Peskov"])
    >>> [m.group() for m in p.finditer("Vladimir  Putin met PESKOV; Putinism is not Putin's")]
    ['Vladimir  Putin', 'PESKOV', 'Putin']
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in _key(form):
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_regex(trie) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _trie_regex(node: dict) -> str:
    """Turn a trie of lower-case characters into a regex; longer branches are tried first."""
    branches = []
    for char in sorted(c for c in node if c):
        if char in _CHAR_PATTERNS:
            head = _CHAR_PATTERNS[char]
        elif char.upper() != char.lower() and len(char.upper()) == 1:
            head = f"[{re.escape(char)}{re.escape(char.upper())}]"
        else:
            head = re.escape(char)
        branches.append(head + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A form may end here: the greedy '?' still tries the longer continuations first.
    return f"(?:{body})?" if "" in node else body


def find(text: str, dictionary: pd.DataFrame, *, demonyms: bool = True, metonyms: bool = True) -> pd.DataFrame:
    """Find the actor mentions in one text.

    Parameters
    ----------
    text : str
        The cleaned text (see :func:`textkit.clean.text`).
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    demonyms : bool, default True
        Count demonyms ("Russian") as mentions of their country.
    metonyms : bool, default True
        Count metonyms ("Kremlin") as mentions of their actor.

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
    ...   - {name: Vladimir Putin, type: person, aliases: [Putin]}
    ... '''))
    >>> found = find("US and Vladimir Putin's aides; all of us; the white house; Putin-era", forms)
    >>> found[["actor", "kind", "alias", "text", "start", "end"]]
                actor     kind           alias            text  start  end
    0   United States    alias              US              US      0    2
    1  Vladimir Putin     name  Vladimir Putin  Vladimir Putin      7   21
    2   United States  metonym     White House     white house     46   57
    3  Vladimir Putin    alias           Putin           Putin     59   64
    """
    chosen = select(dictionary, demonyms=demonyms, metonyms=metonyms)
    lookup = _lookup(chosen)
    rows = _scan(text, pattern(list(chosen["alias"])), lookup)
    return pd.DataFrame(
        [(*info, text[s:e], s, e) for s, e, info in rows],
        columns=["actor", "group", "type", "kind", "alias", "text", "start", "end"],
    ).astype({c: object for c in ("actor", "group", "type", "kind", "alias", "text")} | {"start": "int64", "end": "int64"})


def _lookup(forms: pd.DataFrame) -> dict:
    """Map each form's key to (acronym form or None, (actor, group, type, kind, alias))."""
    return {
        _key(alias): (alias if is_acronym(alias) else None, (actor, group, kind_of, kind, alias))
        for actor, group, kind_of, kind, alias in zip(
            forms["actor"], forms["group"], forms["type"], forms["kind"], forms["alias"]
        )
    }


def _scan(text: str, compiled: re.Pattern, lookup: dict) -> list:
    """Scan left to right; keep matches whose case fits; fall back to a shorter form."""
    rows, pos, search = [], 0, compiled.search
    while (match := search(text, pos)) is not None:
        start, end = match.span()
        hit = _accept(text, start, end, lookup)
        while hit is None:
            # The longest candidate was an acronym in the wrong case ("us"): try the shorter
            # forms that end at a word boundary inside it.
            end = _previous_boundary(text, start, end)
            if end is None:
                break
            hit = _accept(text, start, end, lookup)
        if hit is None:
            pos = start + 1
            continue
        rows.append((start, end, hit))
        pos = end
    return rows


def _accept(text: str, start: int, end: int, lookup: dict):
    """Return the form's information if ``text[start:end]`` is a form written acceptably."""
    found = lookup.get(_key(text[start:end]))
    if found is None:
        return None
    acronym, info = found
    if acronym is not None and _SPACE_RUN.sub(" ", text[start:end].translate(_NORMALISE)) != acronym:
        return None
    return info


def _previous_boundary(text: str, start: int, end: int):
    """Return the largest end < ``end`` (after ``start``) that is a word's end, or None."""
    for k in range(end - 1, start, -1):
        if not _WORD_CHAR.match(text, k) and _WORD_CHAR.match(text, k - 1) or (
            text[k - 1] == "." and not _WORD_CHAR.match(text, k)
        ):
            return k
    return None


def mentions(documents: pd.DataFrame, dictionary: pd.DataFrame, *, demonyms: bool = True, metonyms: bool = True) -> pd.DataFrame:
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

    Returns
    -------
    pandas.DataFrame
        One row per mention, in corpus then text order, with columns

        - ``doc_id`` (str): the document;
        - ``actor`` (str): the actor's canonical name;
        - ``group`` (str): the actor's group;
        - ``type`` (str): the actor's type;
        - ``kind`` (str): which kind of form matched: ``name``, ``alias``, ``demonym`` or
          ``metonym``;
        - ``alias`` (str): the form that matched, as written in the dictionary;
        - ``text`` (str): the matched text, as written in the document;
        - ``start``, ``end`` (int): character offsets in the cleaned text;
        - ``sentence`` (int): the sentence number in the document, from 1
          (:func:`textkit.tokens.sentence_spans`; the headline is sentence 1);
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
    chosen = select(dictionary, demonyms=demonyms, metonyms=metonyms)
    compiled, lookup = pattern(list(chosen["alias"])), _lookup(chosen)
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        found = _scan(text, compiled, lookup)
        if not found:
            continue
        sentence_starts = [s for s, _ in tokens.sentence_spans(text)]
        paragraph_starts = [s for s, _ in tokens.paragraph_spans(text)]
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


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


def counts(mentions: pd.DataFrame, *, by: str = "actor") -> pd.DataFrame:
    """Count mentions per actor or per group, with shares and the first mention's position.

    Parameters
    ----------
    mentions : pandas.DataFrame
        A table from :func:`mentions`.
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
        - ``name``, ``alias``, ``demonym``, ``metonym`` (int): mentions by kind of form;
        - ``direct`` (int): ``name + alias``, the count without demonyms and metonyms;
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
        A table from :func:`mentions`.
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


# --------------------------------------------------------------------------------------------
# Reading the mentions in context; what the dictionary misses
# --------------------------------------------------------------------------------------------


def require(dictionary: pd.DataFrame, actor: str, *, parameter: str = "kwic_actor") -> str:
    """Check that ``actor`` is a canonical name in the dictionary; return it.

    Raises
    ------
    ParameterError
        Naming the parameter and the closest names in the dictionary.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("actors:\\n  - {name: Jen Psaki, type: person}"))
    >>> require(forms, "Jen Psaki")
    'Jen Psaki'
    >>> require(forms, "Jen Psacki")
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter kwic_actor: 'Jen Psacki' is not an actor in the dictionary. Did you mean 'Jen Psaki'? Use an actor's name exactly as in its 'name:' line.
    """
    names = list(dict.fromkeys(dictionary["actor"]))
    if actor not in names:
        close = difflib.get_close_matches(actor, names, n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ParameterError(
            f"parameter {parameter}: {actor!r} is not an actor in the dictionary.{hint} "
            "Use an actor's name exactly as in its 'name:' line."
        )
    return actor


def concordance(
    documents: pd.DataFrame,
    dictionary: pd.DataFrame,
    *,
    actor: str,
    width: int = 40,
    demonyms: bool = True,
    metonyms: bool = True,
) -> pd.DataFrame:
    """Show every mention of one actor in context (keyword in context, KWIC).

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    actor : str
        The actor's canonical name (as in the dictionary's ``name:``).
    width : int, default 40
        Characters of context on each side.
    demonyms, metonyms : bool, default True
        As in :func:`mentions`.

    Returns
    -------
    pandas.DataFrame
        One row per mention, in corpus then text order, with columns ``doc_id`` (str),
        ``sentence`` (int), ``kind`` (str), ``alias`` (str), then :func:`textkit.kwic.lines`'s
        ``start``, ``end`` (int), ``left``, ``match``, ``right`` (str).

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
    found = mentions(documents, dictionary[dictionary["actor"] == actor], demonyms=demonyms, metonyms=metonyms)
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


#: Capitalised words that are never names of actors: days and months.
CALENDAR = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)

_CANDIDATE_WORD = re.compile(r"(?<![\w#@])[^\W\d_][\w]*(?:[-\u2010][\w]+|['\u2019](?![sS]\b)\w+)*")
_CONNECTORS = ("of", "of the", "de", "al", "bin", "van", "von", "der", "la")


def unmatched(documents: pd.DataFrame, dictionary: pd.DataFrame, *, stopwords: frozenset[str] | None = None) -> pd.DataFrame:
    """List the capitalised names in a corpus that no form of the dictionary covers.

    A name is a run of capitalised words (the first letter a capital: "Nord Stream",
    "Eastern Europe", "MP") joined by single spaces or by "of", "of the" and name particles
    ("de", "van", "bin" ...), with the possessive "'s" removed. Text covered by a mention
    (with demonyms and metonyms on) breaks runs. At the start of a sentence, a capital is
    ambiguous: the first word of a sentence is kept only when it is also capitalised
    somewhere else in the corpus in mid-sentence and is not a stopword ("Lavrov said" yes;
    "Meanwhile", "The", "Thanked President" -> "President"). Days and months on their own
    (:data:`CALENDAR`) are not names.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    dictionary : pandas.DataFrame
        A forms table from :func:`load`.
    stopwords : frozenset of str or None, default None
        Lower-case words never taken as names on their own; ``None`` uses the bundled list.

    Returns
    -------
    pandas.DataFrame
        One row per name, sorted by ``count`` descending, then ``name``, with columns

        - ``name`` (str): the name as written;
        - ``count`` (int): its occurrences;
        - ``documents`` (int): documents containing it;
        - ``first_doc`` (str), ``first_start`` (int): where it first occurs (document and
          character offset), to look it up.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("actors:\\n  - {name: Russia, type: country}"))
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Meanwhile Russia and Nord Stream AG met in Baltic Sea ports on Monday. Baltic Sea calm."]})
    >>> unmatched(docs, forms)
                 name  count  documents first_doc  first_start
    0      Baltic Sea      2          1         a           43
    1  Nord Stream AG      1          1         a           21
    """
    stop = _load_stopwords("default") if stopwords is None else stopwords
    found = mentions(documents, dictionary)
    covered = defaultdict(list)
    for doc_id, start, end in zip(found["doc_id"], found["start"], found["end"]):
        covered[doc_id].append((start, end))
    words_by_doc, mid_sentence = {}, set()
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        sentence_starts = {s for s, _ in tokens.sentence_spans(text)}
        spans = sorted(covered[doc_id])
        words = []
        for match in _CANDIDATE_WORD.finditer(text):
            start, end = match.span()
            i = bisect.bisect_right(spans, (start, float("inf"))) - 1
            if i >= 0 and spans[i][0] <= start < spans[i][1]:
                words.append(None)  # inside a mention: breaks a run
                continue
            first = _first_in_sentence(text, start, sentence_starts)
            words.append((match.group(), start, end, first))
            if match.group()[0].isupper() and not first:
                mid_sentence.add(match.group())
        words_by_doc[doc_id] = (text, words)
    rows = []
    for doc_id, (text, words) in words_by_doc.items():
        for run in _runs(text, words):
            if run[0][3] and (run[0][0].lower() in stop or run[0][0] not in mid_sentence):
                run = run[1:]  # a capital that may only mark the sentence start
            run = [w for w in run if w[0] not in CALENDAR] if len(run) == 1 else run
            if not run:
                continue
            rows.append((text[run[0][1] : run[-1][2]], doc_id, run[0][1]))
    columns = ["name", "count", "documents", "first_doc", "first_start"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows, columns=["name", "doc_id", "start"])
    table["name"] = table["name"].map(lambda n: _SPACE_RUN.sub(" ", n))
    grouped = table.groupby("name", sort=False)
    result = pd.DataFrame({
        "count": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "first_doc": grouped["doc_id"].first(),
        "first_start": grouped["start"].first(),
    }).reset_index()
    result = result.sort_values(["count", "name"], ascending=[False, True]).reset_index(drop=True)
    return result[columns].astype({"name": object, "count": "int64", "documents": "int64", "first_doc": object, "first_start": "int64"})


def _first_in_sentence(text: str, start: int, sentence_starts: set) -> bool:
    """Tell whether the word at ``start`` is the first word of its sentence (after quotes)."""
    k = start
    while k > 0 and text[k - 1] in "\"'\u201c\u2018([ ":
        if k in sentence_starts:
            return True
        k -= 1
    return k in sentence_starts or k == 0


def _runs(text: str, words: list) -> list:
    """Group consecutive capitalised words (with connectors between them) into runs."""
    runs, current, pending = [], [], []
    for word in words + [None]:
        if word is not None and word[0][0].isupper():
            if current:
                gap = text[current[-1][2] : word[1]]
                joined = gap == " " or (
                    pending and " ".join(w[0] for w in pending) in _CONNECTORS
                    and gap == " " + " ".join(w[0] for w in pending) + " "
                )
                if not joined:
                    runs.append(current)
                    current = []
            current.append(word)
            pending = []
            continue
        if word is not None and current and word[0] in ("of", "the", *_CONNECTORS) and len(pending) < 2:
            pending.append(word)
            continue
        if current:
            runs.append(current)
        current, pending = [], []
    return runs
