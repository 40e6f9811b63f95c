"""The names a corpus mentions that the actor dictionary does not cover: what to add next.

Names are found by :func:`textkit.names.find`: runs of capitalised words ("Nord Stream",
"Ann Clarke", "Bank of England"), with their titles ("Foreign Minister", "Mr") split off, and
without the words that are capitalised only because they start a sentence ("The", "It", "We",
"However"); a single capitalised word is a name when it is not such a sentence-initial function
word. A name is **covered** when a dictionary mention (every kind of form switched on) covers
its head word: its last word, or the word before its first "of" ("Bank" in "Bank of Russia").
So "Nancy Pelosi" is covered by the alias "Pelosi", while "Washington Post" is listed even
though "Washington" is a metonym of the United States: the table also shows where a form
matches inside another actor's name.

Everything is one pass over each document, aggregated with pandas; nothing is kept per word of
the corpus: the lower-case uses of one-word names are counted one document at a time.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

import pandas as pd

from textkit import memory, names
from textkit.forms import is_acronym
from textkit.stopwords import load as load_stopwords
from textkit.textindex import progress

#: Columns of :func:`occurrences`.
OCCURRENCE_COLUMNS = ("doc_id", "start", "end", "name", "title", "kind", "full")

#: Columns of :func:`unmatched`.
COLUMNS = ("name", "kind", "title", "full", "count", "documents", "first_doc", "first_start", "example")

_SPACE_RUN = re.compile(r"\s+")
_WORDS = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[^\W\d_A-Z][\w'’-]*")  # a word _mostly_lower counts


def occurrences(
    documents: pd.DataFrame, dictionary: pd.DataFrame | None = None, *,
    stopwords: frozenset[str] | None = None,
) -> pd.DataFrame:
    """Find every capitalised name of a corpus that the dictionary does not cover.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    dictionary : pandas.DataFrame or None, default None
        A forms table from :func:`textkit.actors.load`; ``None`` keeps every name.
    stopwords : frozenset of str or None, default None
        Lower-case words never taken as a name on their own unless written in capitals ("WHO"
        is a name, "Who" is not); ``None`` uses the bundled list.

    Returns
    -------
    pandas.DataFrame
        One row per name, in corpus then text order, with columns ``doc_id`` (str),
        ``start``, ``end`` (int, the name without its title) and :func:`textkit.names.find`'s
        ``name`` (whitespace runs as one space), ``title``, ``kind`` and ``full`` (str).
    """
    stop = load_stopwords("default") if stopwords is None else stopwords
    covered = _covered_spans(documents, dictionary)
    rows = []  # one table for the corpus, built once
    for doc_id, text in progress(zip(documents["doc_id"], documents["text"]),
                                 "finding unmatched names", total=len(documents)):
        spans = covered.get(doc_id)
        for start, end, name, title, kind, full in names.records(text):
            if spans and _is_covered(_head(name), start, spans):
                continue
            if " " not in name and name.lower() in stop and not is_acronym(name):
                continue  # "I", "The"; but "WHO" and "US" are names
            name, full = _SPACE_RUN.sub(" ", name), _SPACE_RUN.sub(" ", full)
            rows.append((doc_id, start, end, name, title, kind, fuller(name, full)))
    lower = _mostly_lower(documents, pd.Series([row[3] for row in rows], dtype=object))
    rows = [row for row in rows if row[3] not in lower]
    table = pd.DataFrame(rows, columns=list(OCCURRENCE_COLUMNS))
    texts = ("doc_id", "name", "title", "kind", "full")
    return table.astype({"start": "int64", "end": "int64"} | {c: object for c in texts})


def fuller(name: str, full: str) -> str:
    """Return ``full`` when it is ``name`` with more name words before it, else ``name``.

    "Ann Clarke" is a fuller form of "Clarke"; "Chief Officer of Red Hat" is not one of
    "Red Hat" (a title and "of" before it), nor is "The Atheist Muslim" one of "Muslim", nor
    "ex-Muslim Zara Kay" one of "Zara Kay": the words before must be capitalised name words,
    not a function word ("The", "Did"), a particle or an acronym ("IM", a chess title).

    Examples
    --------
    >>> fuller("Clarke", "Ann Clarke"), fuller("Red Hat", "Chief Officer of Red Hat")
    ('Ann Clarke', 'Red Hat')
    """
    if full == name or not full.endswith(" " + name):
        return name
    before = full[: -len(name) - 1].split(" ")
    if any(w in names.CONNECTORS or w.lower() in names.FUNCTION_WORDS or not w[:1].isupper()
           or w.isupper() for w in before):
        return name
    return full


def _mostly_lower(documents: pd.DataFrame, found: pd.Series) -> set[str]:
    """Return the one-word names (not acronyms) that the corpus writes in lower case at least
    as often as capitalised ("Yeah", "Image", "President" in most news)."""
    counts = found.value_counts()
    wanted = {n.lower(): n for n, c in counts.items() if " " not in n and not n.isupper() and n[1:].islower()}
    lower = _lower_counts(documents["text"], list(wanted)) if wanted else Counter()
    counts = counts.to_dict()
    return {name for word, name in wanted.items() if lower[word] >= counts[name]}


def _lower_counts(texts, words: list[str]) -> Counter:
    """Count how often the texts use each of ``words`` (lower case) as a word of
    :data:`_LOWER_WORD`: a whole run of word characters, apostrophes and hyphens.

    Each text's runs that start like a lower-case word are counted, then those of ``words``
    kept: one text's counts at a time, never a list of every word of the corpus. (A regular
    expression of the words themselves gave the same counts, but compiling it for the names
    of a 30 MB corpus took longer than reading the texts.) A word that is no such run
    ("smith‐jones") is never counted.
    """
    countable = {w for w in words if _LOWER_WORD.fullmatch(w)}
    lower = Counter()
    for text in texts:
        found = Counter(_LOWER_WORD.findall(text))
        lower.update({word: found[word] for word in countable.intersection(found)})
    return lower


@memory.gives_back
def unmatched(
    documents: pd.DataFrame, dictionary: pd.DataFrame | None = None, *,
    stopwords: frozenset[str] | None = None, width: int = 40,
) -> pd.DataFrame:
    """List the capitalised names in a corpus that no form of the dictionary covers.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    dictionary : pandas.DataFrame or None, default None
        A forms table from :func:`textkit.actors.load`; ``None`` lists every name.
    stopwords : frozenset of str or None, default None
        As in :func:`occurrences`.
    width : int, default 40
        Characters of context on each side of the name in ``example``.

    Returns
    -------
    pandas.DataFrame
        One row per name, sorted by ``count`` descending, then ``name``, with columns

        - ``name`` (str): the name as written, without its title;
        - ``kind`` (str): ``person``, ``organisation``, ``place`` or ``unknown``, the guess of
          :func:`textkit.names.find` made most often for this name;
        - ``title`` (str): the title written before it most often ("Foreign Minister", "Mr"),
          ``""`` when it never has one;
        - ``full`` (str): its fullest form most often ("Ann Clarke" for "Clarke"), the name
          itself when none is longer;
        - ``count`` (int): its occurrences;
        - ``documents`` (int): documents containing it;
        - ``first_doc`` (str), ``first_start`` (int): where it first occurs (document and
          character offset in the cleaned text);
        - ``example`` (str): that first occurrence with ``width`` characters on each side, on
          one line.

    Examples
    --------
    >>> import yaml
    >>> from textkit import actors
    >>> forms = actors.parse(yaml.compose("actors:\\n  - {name: Russia, type: country}"))
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Meanwhile Russia and Nord Stream AG met in Baltic Sea ports on Monday. "
    ...     "The Baltic Sea was calm, Mr Clarke said."]})
    >>> table = unmatched(docs, forms, width=10)
    >>> table[["name", "kind", "title", "count", "documents"]]
                 name          kind title  count  documents
    0      Baltic Sea         place            2          1
    1          Clarke        person    Mr      1          1
    2  Nord Stream AG  organisation            1          1
    >>> table["example"].tolist()
    ['AG met in Baltic Sea ports on', 'calm, Mr Clarke said.', 'ussia and Nord Stream AG met in Ba']
    """
    found = occurrences(documents, dictionary, stopwords=stopwords)
    if found.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    grouped = found.groupby("name", sort=False)
    table = pd.DataFrame({
        "count": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "first_doc": grouped["doc_id"].first(),
        "first_start": grouped["start"].first(),
        "first_end": grouped["end"].first(),
    })
    for column in ("kind", "title", "full"):
        table[column] = most_often(found, column)
    table["title"] = table["title"].fillna("")
    table = table.reset_index()
    table["example"] = _examples(documents, table, width)
    table = table.sort_values(["count", "name"], ascending=[False, True], kind="stable")
    table = table.reset_index(drop=True)[list(COLUMNS)]
    return table.astype({c: object for c in ("name", "kind", "title", "full", "first_doc", "example")}
                        | {"count": "int64", "documents": "int64", "first_start": "int64"})


def most_often(found: pd.DataFrame, column: str, *, by: str = "name") -> pd.Series:
    """Return, for each ``by`` value, the non-empty value of ``column`` seen most often.

    Ties go to the value first in code-point order; a ``by`` value never seen with a
    non-empty value is missing from the result.

    Examples
    --------
    >>> t = pd.DataFrame({"name": ["Clarke", "Clarke", "Clarke", "Baltic Sea"],
    ...                   "title": ["Mr", "Dr", "Dr", ""]})
    >>> most_often(t, "title").to_dict()
    {'Clarke': 'Dr'}
    """
    seen = found[found[column] != ""].groupby([by, column], sort=False).size().rename("n")
    seen = seen.reset_index().sort_values(["n", column], ascending=[False, True], kind="stable")
    return seen.drop_duplicates(by).set_index(by)[column]


def _covered_spans(documents: pd.DataFrame, dictionary: pd.DataFrame | None) -> dict:
    """Return ``{doc_id: (starts, ends)}`` of the dictionary's mentions, every kind switched on."""
    if dictionary is None:
        return {}
    from textkit import actors

    return {doc_id: tuple(map(list, zip(*found))) for doc_id, found in actors.spans(documents, dictionary).items()}


@functools.lru_cache(maxsize=1 << 16)
def _head(name: str) -> tuple[int, int]:
    """Return the offsets of a name's head word in it: its last word, or the word before its
    first particle ("Bank" in "Bank of Russia"); cached, as a corpus repeats its names."""
    words = list(_WORDS.finditer(name))
    head = words[-1]
    for i, word in enumerate(words[1:], start=1):
        if word.group() in names.CONNECTORS:
            head = words[i - 1]
            break
    return head.span()


def _is_covered(head: tuple[int, int], start: int, spans: tuple) -> bool:
    """Tell whether a mention covers the head word (``head``: its offsets in the name, from
    :func:`_head`) of the name at ``start``."""
    head_start, head_end = start + head[0], start + head[1]
    starts, ends = spans
    i = bisect.bisect_right(starts, head_end - 1) - 1
    return i >= 0 and ends[i] > head_start


def _examples(documents: pd.DataFrame, table: pd.DataFrame, width: int) -> list[str]:
    """Return each row's first occurrence with ``width`` characters on each side, on one line.

    The same context as :func:`textkit.kwic.lines`, as one string per row.
    """
    texts = dict(zip(documents["doc_id"], documents["text"]))
    return [
        _SPACE_RUN.sub(" ", texts[doc_id][max(0, start - width) : end + width]).strip()
        for doc_id, start, end in zip(table["first_doc"], table["first_start"], table["first_end"])
    ]
