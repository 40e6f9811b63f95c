"""Find capitalised names in text, with their titles, a guessed kind and their fullest form.

A **name** is a run of capitalised words ("Ann Clarke", "Thomas-Greenfield", "O'Brien",
"NTSB") joined by single spaces, by initials ("George W. Bush", "J.K. Rowling"), by name
particles ("Ludwig van Beethoven", "Bashar al-Assad"), by "of"/"for" after an organisation,
place or title word ("Bank of England", "Center for Food Safety"; so "Tristan Smith of
University College London" is two names) and by a possessive before an organisation word
("Alachua Sheriff's Office"). The possessive "'s" is otherwise not part of a name, and runs
never cross punctuation other than the stop of an initial or an abbreviated title ("Mr.").

The **first word of a sentence** (or of a quotation) is capitalised whatever it is, so it is
kept only when it is a name for another reason: a function word or sentence adverb ("The",
"It", "We", "I", "However") or a word ending in "-ly"/"-ing" that starts a run is dropped
("The Kremlin" -> "Kremlin"); a single word on its own is kept only when the text also
capitalises it in mid-sentence or uses it inside a longer name ("Clarke said" after "Ann
Clarke"), so "Officials said" is not a name. Days and months on their own, single letters,
titles on their own or ending a run ("President", "Senate Minority Leader": roles, not names)
are never names; letters after a name ("QC", "MP") and a country glued before a person's name
("to Germany Richard Grenell") are left out.

A **title** is the part of a run before the name that holds a title word ("Prime Minister",
"US Secretary of State", "Santa Barbara County Sheriff", "Mr" -- written without an
abbreviation's stop); lower-case titles right before a name ("prime minister Theresa May",
"spokesman John Kirby") are recorded too. Styles stay part of the name ("Pope Francis",
"Queen Elizabeth").

The **kind** is a guess from the words: ``organisation`` (an acronym, or a word such as
Ministry, Council, Party, Police, Inc); ``person`` (a person's title); ``place`` (a country, US
state, continent or large city, or a word such as Street, County, River, Airport); ``person``
(two to four plain name words not after "the"); else ``unknown``.

The **fullest form** (``full``) is the longest name of the text ending with the same words,
ignoring case and accents ("Clarke", "Mr Clarke" -> "Ann Clarke"; "Erdogan" -> "Recep Tayyip
Erdoğan") -- the nearest one before it in its paragraph, else the one the text introduces
first. A single word inside a person's longer name ("Rosselló" -> "Ricardo Rosselló Nevares")
or starting an organisation's ("Ford" -> "Ford Motor Company") takes that name, and an acronym
defined in parentheses takes the name before it ("CBCP" -> "Catholic Bishops' Conference of
the Philippines"). Each name takes the kind of its fullest form, and a name ever given a
person's title is a person everywhere in the text.

:func:`find` returns a table; :func:`records` the same rows as tuples, for loops (a corpus
calls :func:`records` per text and builds one table). Both are one pass over the text with
regular expressions, dictionaries and bisection: linear time. The pass visits only the
capitalised words -- regular expressions find them, skipping the other words inside the engine
-- and the gap between two of them decides whether they join (:mod:`textkit.nameruns`), so a
text costs Python work per capitalised word and per name, not per word. A lone word (most runs)
is judged by cached tests on the word, and a name's words are split and classified once per
distinct name.

The word lists (titles, organisation and place words, function words, particles) live in
:mod:`textkit.namewords`; this module re-exports them (``names.CONNECTORS`` and the rest).
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

import numpy as np
import pandas as pd

from textkit import nameruns
from textkit.namewords import (  # noqa: F401  (re-exported: names.CONNECTORS and the rest)
    _DOTTED, _TITLE_MODIFIERS, CALENDAR, CONNECTORS, DAYS, FUNCTION_WORDS, LOWER_TITLES,
    ORGANISATION_WORDS, PERSON_TITLES, PLACE_WORDS, PLACES, POSTNOMINALS, STYLES, is_capitals,
    is_plain, is_title,
)

#: Columns of the table :func:`find` returns.
COLUMNS = ("start", "end", "name", "title", "kind", "full")

_LOWER_WORDS_BEFORE = re.compile(r"(?<![\w-])((?:[a-z-]+ ){1,2})$")
_LOWER_LETTERS = re.compile(r"[a-z-]*")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_ACRONYM_DEFINED = re.compile(r"\s*\(([A-Z][A-Z&.]{1,9})\)")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def find(text: str) -> pd.DataFrame:
    """Find the capitalised names of a text, with their titles and a guessed kind.

    Parameters
    ----------
    text : str
        A text, cleaned or not (see the module notes for what counts as a name).

    Returns
    -------
    pandas.DataFrame
        One row per name, in text order, with columns

        - ``start``, ``end`` (int): character offsets of the name (without its title);
        - ``name`` (str): the name as written, titles and the possessive "'s" left out;
        - ``title`` (str): the title written before it ("Prime Minister", "Mr", "spokesman"),
          ``""`` when none;
        - ``kind`` (str): ``person``, ``organisation``, ``place`` or ``unknown`` (a guess; see
          the module notes);
        - ``full`` (str): the fullest form of the name in the text ("Ann Clarke" for "Clarke"
          when the text names her fully anywhere), the name itself when none is longer.

    Examples
    --------
    >>> t = ("The minister, Ann Clarke, met Prime Minister Boris Johnson in London. "
    ...      "It went well, Mr Johnson said. Clarke left for the Ministry of Defence.")
    >>> found = find(t)
    >>> found[["start", "name", "title", "kind"]]
       start                 name           title          kind
    0     14           Ann Clarke                        person
    1     45        Boris Johnson  Prime Minister        person
    2     62               London                         place
    3     87              Johnson              Mr        person
    4    101               Clarke                        person
    5    121  Ministry of Defence                  organisation
    >>> found["full"].tolist()
    ['Ann Clarke', 'Boris Johnson', 'London', 'Boris Johnson', 'Ann Clarke', 'Ministry of Defence']
    """
    return _table(records(text))


def records(text: str) -> list[tuple]:
    """The rows of :func:`find` as plain tuples ``(start, end, name, title, kind, full)``, for
    callers that look names up in a loop (no DataFrame is built).

    A run (:func:`textkit.nameruns.runs`) is a tuple of words ``(start, end, text)``; a name,
    until its fullest form is known, a plain tuple ``(start, end, name, title, kind)``.

    Quotations and unmatched names both need them: in a ``textkit run`` the second reads what
    the first found from the run's cache (:func:`textkit.textindex.shared`).
    """
    from textkit import textindex

    return textindex.shared("names-" + textindex.key(text), lambda: _records(text))


def _records(text: str) -> list[tuple]:
    """:func:`records` (no sharing)."""
    runs, initial = nameruns.runs(text)
    known = set()  # words capitalised in mid-sentence or used inside a longer name
    longer, lone = [], []  # the runs that may hold a name, of several words and of one
    for run, first in zip(runs, initial):
        if len(run) > 1:
            known.update(w[2] for w in run)
            longer.append((run, first))
            continue
        word = run[0]
        if not first:
            known.add(word[2])
        if _lone_name(word[2]):  # not "I", "The", "President": the quick answer of _trim
            lone.append((word, first))
    known = {fold(word) for word in known}
    found = [_name(text, run) for run in (_trim(run, first, known) for run, first in longer) if run]
    found += [_lone(text, word) for word, first in lone
              if not (first and _positional((word,), known))]  # _trim's only test left for it
    found.sort()  # in text order
    paragraphs = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return _with_full_forms(found, _acronyms(text, found), paragraphs)


def _acronyms(text: str, found: list[tuple]) -> dict:
    """Map acronyms defined in parentheses to their names: "Federal Aviation Administration (FAA)"."""
    defined = {}
    for item in found:
        match = _ACRONYM_DEFINED.match(text[item[1] : item[1] + 14])
        if match and len(item[2].split()) > 1:
            defined.setdefault(match.group(1), item)
    return defined


@functools.lru_cache(maxsize=1 << 16)
def _lone_name(word: str) -> bool:
    """Tell whether a word on its own may be a name: :func:`_trim` keeps a run of one word only
    when this holds (and the word is not capitalised only by its position)."""
    if word in CALENDAR or len(word) == 1 or word.lower() in FUNCTION_WORDS:
        return False  # "Monday", "May"; "I", "E." of "E. coli"; "The"
    return not (is_title(word) or word in CONNECTORS or word == "the")  # "President", "MP"


def _trim(run: tuple, initial: bool, known: set[str]) -> tuple:
    """Drop words that are capitalised only by position, or days and months at the edges
    (``initial``: the run's first word starts a sentence or a quotation)."""
    if initial and _positional(run, known):
        run = run[1:]  # only the first word can be capitalised by its position
    while len(run) > 1 and run[0][2] in DAYS:
        run = run[1:]
    while len(run) > 1 and run[-1][2] in DAYS:
        run = run[:-1]
    if len(run) == 1 and (run[0][2] in CALENDAR or len(run[0][2]) == 1):
        return ()  # "Monday", "May" on its own; "E." of "E. coli"
    if len(run) == 1 and run[0][2].lower() in FUNCTION_WORDS:
        return ()
    while len(run) > 2 and run[-1][2].rstrip(".") in POSTNOMINALS:
        run = run[:-1]  # "Kama Melly QC"
    if all(is_title(w[2]) or w[2] in CONNECTORS or w[2] == "the" for w in run):
        return ()  # a title alone is a role, not a name: "President", "Secretary of State", "MP"
    if is_title(run[-1][2]):
        return ()  # a run ending in a title is a role: "Regents Professor", "Senate Minority Leader"
    return _without_place(run)


def _without_place(run: tuple) -> tuple:
    """Drop a country or city glued to the front of a person's name ("Germany Richard Grenell")."""
    for k in range(min(3, len(run) - 2), 0, -1):
        place = " ".join(w[2] for w in run[:k])
        rest = run[k:]
        if place in PLACES and all(w[2] not in CONNECTORS and w[2] not in ORGANISATION_WORDS
                                   and w[2] not in PLACE_WORDS and not is_capitals(w[2]) for w in rest):
            return rest
    return run


def _positional(run: tuple, known: set[str]) -> bool:
    """Tell whether the first word of a sentence-initial run is not itself part of a name."""
    first = run[0][2]
    lower = first.lower()
    if is_capitals(first):
        return False  # "US Secretary of State", "NATO said"
    if lower in FUNCTION_WORDS or lower.replace("’", "'") in FUNCTION_WORDS:
        return True
    if len(run) > 1:
        return lower.endswith(("ly", "ing")) and len(first) > 4
    return fold(first) not in known and first not in PLACES


def _name(text: str, run: tuple) -> tuple:
    """Split a run into title and name and guess its kind: ``(start, end, name, title, kind)``."""
    words = tuple(w[2] for w in run)
    split = _title_split(words)
    name_start = run[split][0]
    title = text[run[0][0] : run[split - 1][1]] if split else ""
    lower = _lower_title(text, run[0][0])
    if lower and not title:
        title = lower
    if split and words[split - 1] in STYLES:
        name_start = run[split - 1][0]  # "Pope Francis", "Prince Harry": the style stays
    end = run[-1][1]
    name = text[name_start:end]
    if name.endswith(".") or text[end : end + 1] == "." and words[-1] in _DOTTED:
        name = name.rstrip(".")
    kind = _kind(words[split:], title, text, name_start)
    return (name_start, name_start + len(name), name, title, kind)


def _lone(text: str, word: tuple) -> tuple:
    """:func:`_name` for a run of one word: it holds no title, so only a lower-case title before
    it ("spokesman Kirby") can be one."""
    start, end, name = word
    title = _lower_title(text, start)
    kind = _kind_of_words((name,))  # organisation, place or unknown: never a person on its own
    if kind != "organisation" and title and is_title(title.split()[-1]):
        kind = "person"  # "spokesman Kirby"
    return (start, end, name, title, kind)


@functools.lru_cache(maxsize=1 << 16)
def _title_split(words: tuple[str, ...]) -> int:
    """Return how many leading words of a run are its title (0 when none).

    The name is the run's last plain words (not a title, organisation or place word, not an
    acronym, not after "of"); the words before it are a title when one of them is a title word:
    "US Secretary of State | Mike Pompeo", "Santa Barbara County Sheriff | Bill Brown".
    """
    lead = 0
    while lead < len(words) - 1 and words[lead].rstrip(".") in PERSON_TITLES:
        lead += 1
    if lead and all(is_plain(w) or w in PLACE_WORDS for w in words[lead:]):
        return lead  # "Judge | Durham Hall", "Mr | Bridge": after a person's title, a person
    split = len(words)
    while split > 0 and is_plain(words[split - 1]) and (split < 2 or words[split - 2] not in CONNECTORS):
        split -= 1
    if split == len(words) or split == 0:
        return 0
    return split if any(is_title(w) for w in words[:split]) else 0


def _lower_title(text: str, start: int) -> str:
    """Return lower-case title words right before ``start`` ("prime minister"), or ""."""
    low = max(0, start - 40)
    last = text[text.rfind(" ", low, start - 1) + 1 or low : start - 1]  # the word before the space
    if _LOWER_LETTERS.fullmatch(last) and last not in LOWER_TITLES:
        return ""  # the quick answer: the word before is lower case and no title
    match = _LOWER_WORDS_BEFORE.search(text[low:start])
    if not match or match.group(1).split()[-1] not in LOWER_TITLES:
        return ""
    parts = match.group(1).split()
    return " ".join(parts if parts[0] in _TITLE_MODIFIERS else parts[-1:])


def _kind(words: tuple[str, ...], title: str, text: str, start: int) -> str:
    """Guess the kind of a name from its words, its title and the word before it."""
    kind = _kind_of_words(words)
    if kind == "organisation":
        return kind
    if title and is_title(title.split()[-1]):
        return "person"  # "Judge Durham Hall"
    if kind != "person":
        return kind
    before = text[max(0, start - 5) : start]
    after_the = "he" in before and _THE_BEFORE.search(before) is not None
    return "unknown" if after_the else "person"


@functools.lru_cache(maxsize=1 << 16)
def _kind_of_words(words: tuple[str, ...]) -> str:
    """The kind a name's words say on their own (:func:`_kind` before the title and the word
    before the name): ``organisation``, ``place``, ``person`` (two to four plain name words,
    unless "the" comes before them) or ``unknown``."""
    name = " ".join(words)
    if any(w in ORGANISATION_WORDS for w in words) or (len(words) == 1 and is_capitals(name)):
        return "organisation"
    if name in PLACES or any(w in PLACE_WORDS for w in words[1:]):
        return "place"
    plain = all(w not in CONNECTORS and not is_capitals(w) for w in words)
    return "person" if 2 <= len(words) <= 4 and plain and words[0] != "The" else "unknown"


def _with_full_forms(found: list[tuple], acronyms: dict, paragraphs: list[int]) -> list[tuple]:
    """Give each name its fullest form in the text and that form's kind."""
    by_name = {}  # each distinct name with its occurrences: a name is split and folded once
    for item in found:
        by_name.setdefault(item[2], []).append(item)
    folded = {name: fold(name) for name in by_name}
    size = {name: len(name.split()) for name in by_name}  # words in each name
    longer, opening, inner = _longer_names(by_name)
    person_titled = {folded[name] for _, _, name, title, kind in found if kind == "person" and title}
    choices = {}  # key -> (longest candidates, their starts), built once per key
    rows = []
    for item in found:
        start, end, name, title, kind = item
        key = folded[name]
        choice = choices.get(key)
        if choice is None:
            single = " " not in key
            candidates = longer.get(key) or (opening.get(key, []) + inner.get(key, []) if single else [])
            choice = choices[key] = _longest(candidates, size)
        full = _fullest(item, *choice, paragraphs) if choice[0] else item
        full = acronyms.get(name, full) if full is item else full
        kind = full[4] if full is not item and full[4] != "unknown" else kind
        if item[4] == "unknown" and (key in person_titled or folded[full[2]] in person_titled):
            kind = "person"
        rows.append((start, end, name, title, kind, full[2]))
    return rows


def _longer_names(by_name: dict) -> tuple[dict, dict, dict]:
    """Index the names of a text by their folded last words (``longer``), the first word of an
    organisation's (``opening``) and the middle words of a person's (``inner``). The lists are
    in no particular order: :func:`_longest` sorts what it picks by offset."""
    longer, opening, inner = {}, {}, {}
    for name, items in by_name.items():
        parts = name.split()
        for k in range(1, len(parts)):
            longer.setdefault(fold(" ".join(parts[k:])), []).extend(items)
        organisations = [item for item in items if item[4] == "organisation"] if len(parts) > 1 else []
        if organisations:
            opening.setdefault(fold(parts[0]), []).extend(organisations)
        persons = [item for item in items if item[4] == "person"] if len(parts) > 2 else []
        for part in parts[1:-1] if persons else ():
            inner.setdefault(fold(part), []).extend(persons)  # "Rosselló" in "Ricardo Rosselló Nevares"
    return longer, opening, inner


def _longest(candidates: list[tuple], size: dict) -> tuple[list[tuple], list[int]]:
    """The candidates with the most words (``size``: the words of each name), in text order (a
    name's start comes first in its tuple, and no two names start together), and their starts."""
    if not candidates:
        return [], []
    best = max(size[c[2]] for c in candidates)
    longest = sorted(c for c in candidates if size[c[2]] == best)
    return longest, [c[0] for c in longest]


def fold(name: str) -> str:
    """Fold a name for comparison: case and accents ignored ("Erdoğan" == "erdogan").

    >>> fold("Recep Tayyip Erdoğan") == fold("recep tayyip erdogan")
    True
    """
    if name.isascii():
        return name.lower()  # the same, quicker: ASCII has no accents and folds to lower case
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("\u0131", "i")


def _fullest(item: tuple, longest: list[tuple], starts: list[int], paragraphs: list[int]) -> tuple:
    """Return the nearest longest candidate before ``item`` in its paragraph, else the one the
    text introduces first (the person a bare surname usually means), else ``item``."""
    if not longest or is_capitals(item[2]) or item[4] == "place":
        return item
    i = bisect.bisect_left(starts, item[0]) - 1
    same = i >= 0 and bisect.bisect_right(paragraphs, starts[i]) == bisect.bisect_right(paragraphs, item[0])
    return longest[i] if same else longest[0]


def _table(rows: list[tuple]) -> pd.DataFrame:
    """Build the table of :func:`find`, with its column types: each column is made once with its
    type (text ``object``, offsets ``int64``), so pandas infers and converts nothing."""
    columns = list(zip(*rows)) if rows else [()] * len(COLUMNS)
    texts = {name: np.array(values, dtype=object) for name, values in zip(COLUMNS[2:], columns[2:])}
    table = pd.DataFrame(texts, dtype=object, copy=False)
    table.insert(0, "end", np.array(columns[1], dtype="int64"))
    table.insert(0, "start", np.array(columns[0], dtype="int64"))
    return table
