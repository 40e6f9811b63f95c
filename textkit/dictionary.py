"""The actor dictionary: read and validate it, and say whether it fits a corpus.

An actor dictionary is a YAML file (see the README, "Actor dictionaries")::

    corpus: ap_2022-01-27_russia_ukraine.txt   # optional: the corpus it was written for
    actors:
      - name: Vladimir Putin          # canonical label, unique
        type: person                  # person | country | organisation | place | other
        group: Russia                 # side or affiliation, for aggregation (default: the name)
        aliases: [Putin]              # other surface forms; the name itself always matches
        demonyms: []                  # e.g. [Russian, Russians] for a country
        metonyms: []                  # e.g. [Moscow, Kremlin]: places standing for the actor
        roles: []                     # e.g. [the president]: a role standing for the actor
        case: auto                    # auto | sensitive | ignore, for every form of the actor

:func:`load` reads and validates it into a *forms table*, one row per surface form; the
matching functions (:mod:`textkit.actors`) take that table. :func:`fits` says when a
dictionary was written for another corpus; :func:`textkit.draft.suggest` drafts one from a
corpus.

Each form matches with a case rule, ``sensitive`` or ``ignore`` (:mod:`textkit.forms`): by
default (``case: auto``) capitals count for forms written in capitals (US, NATO) and for
capitalised common words (Brown, Labour, West, White House), and case is ignored otherwise.
Set ``case:`` on an actor for all its forms, or on one form by writing it as a mapping::

    aliases: [Theresa May, {form: May, case: sensitive}]
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from pathlib import Path, PurePath

import pandas as pd

from textkit import files
from textkit.errors import ActorsFileError, ParameterError
from textkit.forms import case_of, key

#: The actor types a dictionary may use.
TYPES = ("person", "country", "organisation", "place", "other")

#: The kinds of surface form, in the order the forms table lists them.
KINDS = ("name", "alias", "demonym", "metonym", "role")

#: The keys an actor entry may have.
FIELDS = ("name", "type", "group", "aliases", "demonyms", "metonyms", "roles", "case")

#: The dictionary keys holding lists, and the kind of form each holds.
LIST_FIELDS = {"aliases": "alias", "demonyms": "demonym", "metonyms": "metonym", "roles": "role"}

#: The values of ``case:``; the forms table resolves ``auto`` to one of the other two.
CASES = ("auto", "sensitive", "ignore")

#: The keys the top level of a dictionary file may have.
TOP_KEYS = ("actors", "corpus")

#: Columns of the forms table :func:`load` returns.
FORM_COLUMNS = ("actor", "type", "group", "kind", "alias", "case", "line")

_WORD_CHAR = re.compile(r"\w")


# --------------------------------------------------------------------------------------------
# Reading and validating
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
        - ``type`` (str): one of :data:`TYPES`;
        - ``group`` (str): the actor's group (its name when the file gives none);
        - ``kind`` (str): ``name``, ``alias``, ``demonym``, ``metonym`` or ``role``;
        - ``alias`` (str): the surface form, as written in the file;
        - ``case`` (str): ``sensitive`` or ``ignore``, how the form matches (see the module
          notes; ``auto`` is resolved);
        - ``line`` (int): the line of the form in the file (from 1).

        ``table.attrs`` holds ``source`` (the file name) and ``corpus`` (the file's
        ``corpus:`` value, ``""`` when it has none), which :func:`fits` reads.

    Raises
    ------
    ActorsFileError
        Naming the file and line: no ``actors:`` list; an unknown top-level key; an entry that
        is not a mapping; an unknown key; an actor without a name; an unknown type or case; a
        name, type, group or case that is not text; a list field that is not a list; a form
        mapping without ``form:`` or with an unknown key; an empty form; a form without a
        letter or digit; a duplicate name; and the same form (ignoring case) given twice, by
        one actor or two.

    Examples
    --------
    >>> import yaml
    >>> doc = yaml.compose("actors:\\n  - {name: Jen Psaki, type: person, group: US, aliases: [Psaki, {form: Jen, case: sensitive}]}")
    >>> parse(doc)
           actor    type group   kind      alias       case  line
    0  Jen Psaki  person    US   name  Jen Psaki     ignore     2
    1  Jen Psaki  person    US  alias      Psaki     ignore     2
    2  Jen Psaki  person    US  alias        Jen  sensitive     2
    >>> parse(yaml.compose("actors:\\n  - {name: Psaki, type: human}"), source="a.yml")
    Traceback (most recent call last):
    ...
    textkit.errors.ActorsFileError: a.yml: line 2: actor 'Psaki' has the unknown type 'human'. ...
    """
    def fail(node, message):
        line = node.start_mark.line + 1 if node is not None else 1
        raise ActorsFileError(f"{source}: line {line}: {message}")

    entries, corpus = _top_level(root, fail)
    rows, names, forms = [], {}, {}
    for entry in entries.value:
        rows.extend(_actor_rows(entry, fail, names, forms))
    if not rows:
        fail(entries, "the 'actors:' list is empty. Add at least one actor.")
    table = pd.DataFrame(rows, columns=list(FORM_COLUMNS))
    table = table.astype({c: object for c in FORM_COLUMNS[:-1]} | {"line": "int64"})
    table.attrs.update(source=source, corpus=corpus)
    return table


def _top_level(root, fail):
    """Check the file's top level; return the ``actors:`` sequence node and the corpus."""
    import yaml

    if not isinstance(root, yaml.MappingNode):
        fail(root, "the file must be a mapping with one key, 'actors:', holding a list of actors "
             f"(got {'an empty file' if root is None else _describe(root)}). See the README.")
    top = _mapping(root, fail)
    if "actors" not in top:
        fail(root, f"there is no 'actors:' key (the keys are {sorted(top)}). Put the list of "
             "actors under 'actors:'.")
    for field, (key_node, _) in top.items():
        if field not in TOP_KEYS:
            fail(key_node, f"unknown top-level key {field!r}; a dictionary has 'actors:' and "
                 f"optionally 'corpus:'.{_did_you_mean(field, TOP_KEYS)}")
    entries = top["actors"][1]
    if not isinstance(entries, yaml.SequenceNode):
        fail(entries, f"'actors:' must hold a list of actors ('- name: ...' lines), got "
             f"{_describe(entries)}.")
    corpus = ""
    if "corpus" in top:
        node = top["corpus"][1]
        if _is_blank(node):
            fail(node, "'corpus:' is empty. Name the corpus file or folder the dictionary was "
                 "written for (e.g. corpus: my_news), or delete the line.")
        corpus = _text(node, "corpus", fail).strip()
    return entries, corpus


def _actor_rows(entry, fail, names: dict, forms: dict) -> list[tuple]:
    """Validate one actor entry; return its forms-table rows (updating names and forms seen)."""
    import yaml

    if not isinstance(entry, yaml.MappingNode):
        fail(entry, f"each actor must be a mapping with 'name:', 'type:' ..., got "
             f"{_describe(entry)}.")
    fields = _mapping(entry, fail)
    for field, (key_node, _) in fields.items():
        if field not in FIELDS:
            fail(key_node, f"unknown key {field!r}; an actor has the keys "
                 f"{', '.join(FIELDS)}.{_did_you_mean(field, FIELDS)}")
    if "name" not in fields or _is_blank(fields["name"][1]):
        fail(entry, "an actor has no name. Give every actor 'name: <canonical label>'.")
    name = _text(fields["name"][1], "name", fail)
    if "type" not in fields:
        fail(entry, f"actor {name!r} has no type. Add 'type:' with one of {', '.join(TYPES)}.")
    kind_of_actor = _text(fields["type"][1], "type", fail)
    if kind_of_actor not in TYPES:
        fail(fields["type"][1], f"actor {name!r} has the unknown type {kind_of_actor!r}. "
             f"Use one of {', '.join(TYPES)}.")
    group = _text(fields["group"][1], "group", fail) if "group" in fields else name
    setting = _case_setting(fields["case"][1], name, fail) if "case" in fields else "auto"
    name_key = key(name)
    if name_key in names:
        fail(fields["name"][1], f"the name {name!r} is used twice (also on line "
             f"{names[name_key]}). Names must be unique: merge the two entries or rename one.")
    names[name_key] = fields["name"][1].start_mark.line + 1
    rows = []
    for kind, node, form_setting in _listed(fields, name, fail):
        form = _form_text(node, kind, name, fail)
        line = node.start_mark.line + 1
        claimed = forms.get(key(form))
        if claimed:
            other, other_line = claimed
            whose = "the same actor" if other == name else f"actor {other!r}"
            fail(node, f"the form {form!r} of actor {name!r} is already claimed by {whose} "
                 f"(line {other_line}); forms are compared ignoring case. A form can "
                 "stand for one actor only: keep it in one place.")
        forms[key(form)] = (name, line)
        case = case_of(form, form_setting or setting)
        rows.append((name, kind_of_actor, group, kind, form, case, line))
    return rows


def _listed(fields: dict, name: str, fail) -> list[tuple]:
    """Return ``(kind, scalar node, case setting or None)`` for the name and every listed form."""
    import yaml

    listed = [("name", fields["name"][1], None)]
    for field, kind in LIST_FIELDS.items():
        if field not in fields:
            continue
        value = fields[field][1]
        if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
            continue  # "aliases:" with nothing after it: no aliases
        if not isinstance(value, yaml.SequenceNode):
            shown = value.value if isinstance(value, yaml.ScalarNode) else "..."
            fail(value, f"'{field}' of actor {name!r} must be a list, got {_describe(value)}. "
                 f"Write {field}: [{shown}] (square brackets), even for one entry.")
        for item in value.value:
            if isinstance(item, yaml.MappingNode):
                listed.append((kind, *_form_mapping(item, kind, name, fail)))
            else:
                listed.append((kind, item, None))
    return listed


def _form_mapping(node, kind: str, name: str, fail) -> tuple:
    """Read a form written as ``{form: May, case: sensitive}``; return (scalar node, setting)."""
    fields = _mapping(node, fail)
    for key_, (key_node, _) in fields.items():
        if key_ not in ("form", "case"):
            fail(key_node, f"unknown key {key_!r} in a {kind} of actor {name!r}; a form written "
                 f"as a mapping has 'form:' and 'case:', e.g. {{form: May, case: sensitive}}."
                 f"{_did_you_mean(key_, ('form', 'case'))}")
    if "form" not in fields:
        fail(node, f"a {kind} of actor {name!r} is a mapping without 'form:'. Write "
             "{form: <the form>, case: sensitive}, or just the form.")
    setting = _case_setting(fields["case"][1], name, fail) if "case" in fields else None
    return fields["form"][1], setting


def _case_setting(node, name: str, fail) -> str:
    """Return a ``case:`` value, or fail naming the allowed ones."""
    value = _text(node, "case", fail).strip()
    if value not in CASES:
        fail(node, f"actor {name!r} has the unknown case {value!r}. Use one of "
             f"{', '.join(CASES)} (auto: capitals count for acronyms and common words only).")
    return value


def _form_text(node, kind: str, name: str, fail) -> str:
    """Return a form's text, or fail when it is empty or has no letter or digit."""
    import yaml

    if not isinstance(node, yaml.ScalarNode) or _is_blank(node):
        fail(node, f"actor {name!r} has an empty {kind} ({_describe(node)}). Remove it or "
             "write the form.")
    form = _text(node, kind, fail).strip()
    if not _WORD_CHAR.search(form):
        fail(node, f"the {kind} {form!r} of actor {name!r} has no letter or digit, so it can "
             "never match a word. Remove it.")
    return form


def _mapping(node, fail) -> dict:
    """Return a mapping node's items as ``{key: (key_node, value_node)}``; refuse duplicate keys."""
    items = {}
    for key_node, value_node in node.value:
        key_ = key_node.value
        if key_ in items:
            fail(key_node, f"the key {key_!r} appears twice in one entry (also on line "
                 f"{items[key_][0].start_mark.line + 1}). Keep one.")
        items[key_] = (key_node, value_node)
    return items


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1)
    return f" Did you mean {close[0]!r}?" if close else ""


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


# --------------------------------------------------------------------------------------------
# The dictionary and the corpus
# --------------------------------------------------------------------------------------------


def require(dictionary: pd.DataFrame, actor: str, *, parameter: str = "kwic_actor") -> str:
    """Check that ``actor`` is a canonical name in the dictionary, or ``""``; return it.

    ``""`` means "the most-mentioned actor", chosen once the mentions are counted
    (:func:`textkit.actors.choose`), so it is always accepted.

    Raises
    ------
    ParameterError
        Naming the parameter and the closest names in the dictionary.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("actors:\\n  - {name: Jen Psaki, type: person}"))
    >>> require(forms, "Jen Psaki"), require(forms, "")
    ('Jen Psaki', '')
    >>> require(forms, "Jen Psacki")
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter kwic_actor: 'Jen Psacki' is not an actor in the dictionary. Did you mean 'Jen Psaki'? Use an actor's name exactly as in its 'name:' line, or leave it empty for the most-mentioned actor.
    """
    names = list(dict.fromkeys(dictionary["actor"]))
    if actor and actor not in names:
        close = difflib.get_close_matches(actor, names, n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ParameterError(
            f"parameter {parameter}: {actor!r} is not an actor in the dictionary.{hint} "
            "Use an actor's name exactly as in its 'name:' line, or leave it empty for the "
            "most-mentioned actor."
        )
    return actor


def fits(dictionary: pd.DataFrame, documents: pd.DataFrame, *, mentions: pd.DataFrame | None = None) -> str | None:
    """Say when a dictionary does not fit a corpus; ``None`` when nothing is wrong.

    Two checks:

    - the dictionary names the corpus it was written for (``corpus:`` in the file, e.g. the
      seed's ``corpus: ap_2022-01-27_russia_ukraine.txt``) and some documents come from
      elsewhere: a document belongs to that corpus when its file, or a folder above it, has
      that name (a glob such as ``news_*.csv`` is allowed);
    - with ``mentions``: fewer than half of two or more documents mention any actor.

    Parameters
    ----------
    dictionary : pandas.DataFrame
        A forms table from :func:`load` (its ``attrs`` hold the ``corpus:`` value).
    documents : pandas.DataFrame
        The corpus (:func:`textkit.files.read_corpus`; the ``path`` column, else ``doc_id``).
    mentions : pandas.DataFrame or None, default None
        The corpus's mentions (:func:`textkit.actors.mentions`), for the second check.

    Returns
    -------
    str or None
        A note for the reader (Markdown-safe plain text), or ``None``.

    Examples
    --------
    >>> import yaml
    >>> forms = parse(yaml.compose("corpus: seed.txt\\nactors:\\n  - {name: Russia, type: country}"), source="seed.yml")
    >>> fits(forms, pd.DataFrame({"doc_id": ["a.txt"], "path": ["news/a.txt"]}))[:78]
    'The actor dictionary seed.yml was written for the corpus seed.txt, but 1 of 1 '
    >>> fits(forms, pd.DataFrame({"doc_id": ["seed.txt"], "path": ["seeds/seed.txt"]})) is None
    True
    """
    notes = []
    corpus = dictionary.attrs.get("corpus", "")
    source = dictionary.attrs.get("source", "the dictionary")
    places = documents["path"] if "path" in documents.columns else documents["doc_id"]
    if corpus:
        belongs = {p: _belongs(p, corpus) for p in dict.fromkeys(map(str, places))}
        outside = [p for p, inside in belongs.items() if not inside]
        if outside:
            count = sum(not belongs[str(p)] for p in places)
            notes.append(
                f"The actor dictionary {source} was written for the corpus {corpus}, but "
                f"{count} of {len(places)} documents come from elsewhere (such as "
                f"{PurePath(outside[0]).name}). Its actors and forms describe that corpus: "
                "here they may miss the actors that matter and count words that mean something "
                "else. Draft a dictionary for this corpus with `textkit actors suggest --corpus "
                "PATH --output my_actors.yml`, edit it, and run with `-p actors my_actors.yml`."
            )
    if mentions is not None and len(documents) >= 2:
        found = mentions["doc_id"].nunique()
        if found < len(documents) / 2:
            notes.append(
                f"Only {found} of {len(documents)} documents mention any actor of the "
                "dictionary: the counts describe a small part of the corpus."
            )
    return " ".join(notes) or None


def _belongs(path: str, corpus: str) -> bool:
    """Tell whether a document path is named ``corpus`` or lies in a folder so named."""
    return any(fnmatch.fnmatchcase(part, corpus) for part in PurePath(path).parts)
