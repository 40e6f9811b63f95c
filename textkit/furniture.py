"""The vocabulary of news furniture: the edits that remove it, the shapes of lines, the evidence.

Furniture is what a site or wire adds around the story; the finders in :mod:`textkit.finders`
remove it only with evidence. This room holds what they and :mod:`textkit.clean` share:

- :class:`Edit` (one change: where, what, why) and :class:`Known` (the corpus evidence as
  look-up sets, from :func:`known`; :data:`NOTHING` when there is none);
- the shapes of a line: :func:`is_name`, :func:`is_sentence`, :func:`is_date`;
- the lines of a text as spans: the first and last non-blank lines (:func:`head_lines`,
  :func:`tail_lines`, :data:`EDGE_LINES` of them) and the edits that remove whole lines
  (:func:`remove_lines`);
- **repetition across documents** (:func:`evidence`): the same headline suffix, or the same line
  among the first or last lines, in several independent documents of the corpus. It returns a
  table of the repeated items, whether each is furniture and why; :func:`known` turns it into
  :class:`Known`, and :func:`frame` builds such tables with their dtypes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd


class Edit(NamedTuple):
    """One change a step makes: ``text[start:end]`` (``old``) becomes ``new`` by ``rule``."""

    start: int
    end: int
    old: str
    new: str
    rule: str


class Known(NamedTuple):
    """Furniture learnt from a corpus (see :func:`evidence`), as sets for fast look-up."""

    suffixes: frozenset[str] = frozenset()
    first: frozenset[str] = frozenset()
    last: frozenset[str] = frozenset()


#: No corpus evidence: only the known patterns apply.
NOTHING = Known()

#: How many of a document's first and last non-blank lines are looked at for repeated furniture.
EDGE_LINES = 3

# --------------------------------------------------------------------------------------------
# Shapes: names, sentences, dates
# --------------------------------------------------------------------------------------------

_PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "den", "al", "el", "bin", "ibn", "la",
              "le", "ter", "dos", "das", "del"}
_SUFFIXES = {"Jr.", "Sr.", "II", "III", "IV"}
_CALENDAR = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Christmas|Easter|Today|Tonight|Yesterday"
)
_QUOTE_MARKS = "\"“”„«»'‘’‚"
_SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*\Z")
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|"
            r"thur|thurs|fri|sat|sun)\.?")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_TIME = r"\d{1,2}[:.]\d{2}(?:\ ?[ap]\.?m\.?)?(?:\ [a-z]{2,4})?"
_DATE = re.compile(
    rf"""(?ix)
    (?:(?:published|updated|posted|last\ updated|last\ modified|first\ published)(?:\ on)?:?\ )?
    (?:{_TIME},?\ )?                                            # 10:32 AM EST,
    (?:{_WEEKDAY},?\ )?                                         # Friday,
    (?:{_MONTH}\ \d{{1,2}}(?:st|nd|rd|th)?,?\ \d{{4}}             # January 4, 2019
      |\d{{1,2}}(?:st|nd|rd|th)?\ {_MONTH},?\ \d{{4}}             # 4 January 2019
      |\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})           # 2019-01-04, 04/01/2019
    (?:(?:,|\ at|\ -|\ \||\ •)?\ {_TIME})?                         # , 10:32 / 10.32 GMT
    \Z"""
)


def _name_word(word: str) -> bool:
    """A capitalised name word ("Elwood", "O'Brien", "McDonald", "Jean-Luc", "DOE") or initials
    ("C.", "J.R.")."""
    if word in _SUFFIXES:
        return True
    if re.fullmatch(r"(?:[^\W\d_]\.)+", word):
        return word[0].isupper()
    return all(
        part[:1].isupper() and part.replace("'", "").replace("’", "").isalpha()
        and (len(part) > 1 and (part.isupper() or any(c.islower() for c in part)))
        for part in word.split("-")
    )


def is_name(line: str) -> bool:
    """Tell whether a line is only a person's name: 2-5 capitalised words or initials, no
    digits, no sentence punctuation ("Christi C. Elwood", "Jean-Luc de la Rue").

    >>> [is_name(s) for s in ["Christi C. Elwood", "Putin said no.", "Sanctions loom", "Jane"]]
    [True, False, False, False]
    """
    words = line.split()
    if not 2 <= len(words) <= 5 or len(line) > 50 or not _name_word(words[0]):
        return False
    if _CALENDAR.fullmatch(words[0]):
        return False
    return all(_name_word(w) or w in _PARTICLES for w in words)


def is_sentence(line: str) -> bool:
    """Tell whether a line ends like a sentence (full stop, "!", "?", possibly before a quote)."""
    return bool(_SENTENCE_END.search(line)) and not re.search(r"\b[A-Z]\.\Z", line)


def is_date(line: str) -> bool:
    """Tell whether a line is only a date, perhaps with a weekday, a time or "Updated:".

    >>> [is_date(s) for s in ["Friday, January 4, 2019", "Fri 4 Jan 2019 10.32 GMT", "Jan 4 talks"]]
    [True, True, False]
    """
    return bool(_DATE.match(line.strip(" \u00a0.")))


_SINGLE_QUOTE = re.compile(r"(?:^|\s)'|'(?:\s|$)")


def _quoted(line: str) -> bool:
    """Whether a headline quotes someone: a double or curly quotation mark, or a straight single
    quote at a word boundary ("Budget plans 'reckless'"; not the apostrophe in "Portugal's")."""
    return any(mark in line for mark in "\"“”„«»‘’") or bool(_SINGLE_QUOTE.search(line))


# --------------------------------------------------------------------------------------------
# Lines of a text, as (start, end) spans without their surrounding whitespace
# --------------------------------------------------------------------------------------------

_NONBLANK = re.compile(r"\S[^\n]*")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def head_lines(text: str, n: int = EDGE_LINES + 1) -> list[tuple[int, int]]:
    """The spans of the first ``n`` non-blank lines (found without splitting the whole text)."""
    spans = []
    for match in _NONBLANK.finditer(text):
        spans.append(_trim(text, match.start(), match.end()))
        if len(spans) == n:
            break
    return spans


def tail_lines(text: str, n: int = EDGE_LINES) -> list[tuple[int, int]]:
    """The spans of the last ``n`` non-blank lines, in text order."""
    spans, end = [], len(text)
    while end > 0 and len(spans) < n:
        start = text.rfind("\n", 0, end) + 1
        first = start
        while first < end and text[first].isspace():
            first += 1
        if first < end:
            spans.append(_trim(text, first, end))
        end = start - 1
    return spans[::-1]


def remove_lines(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Edit]:
    """Edits that remove whole lines ``(start, end, rule)`` with the blank space that separated
    them: a line in the text takes the space after it, the lines that end the text take the space
    before them, so that no blank lines pile up where furniture was."""
    spans = sorted(spans)
    trailing, limit = set(), len(text)
    for start, end, _ in reversed(spans):  # the run of removed lines that ends the text
        if text[end:limit].strip():
            break
        trailing.add(start)
        limit = start
    edits, previous = [], 0
    for start, end, rule in spans:
        if start in trailing:
            first = len(text[previous:start].rstrip()) + previous
            last = len(text) if start == max(trailing) else end
        else:
            first, last = start, end
            while last < len(text) and text[last].isspace():
                last += 1
        first = max(first, previous)
        edits.append(Edit(first, last, text[first:last], "", rule))
        previous = last
    return edits


# --------------------------------------------------------------------------------------------
# Corpus evidence
# --------------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"[ \t\u00a0]+(?:\||[-\u2013\u2014\u2015]{1,2}|::?|·|•|»)[ \t\u00a0]+")
_FURNITURE_WORDS = re.compile(
    r"(?i)\b(?:newsletters?|subscribe|subscription|sign up|signing up|follow us|download|"
    r"our app|advertisement|advertising|sponsored|click here|read more|share this|contributed|"
    r"reporting by|editing by|copyright|rights reserved|terms of use|privacy policy|cookies)\b"
    r"|https?://|www\.|@\w"
)
_LABEL = re.compile(r"[A-Z][\w'’\-]*(?: [\w'’\-]+)?: \S")


def _suffixes(line: str) -> list[tuple[int, int]]:
    """``(separator start, suffix start)`` for the last two separators of a headline."""
    if len(line) > 300:
        return []
    return [(m.start(), m.end()) for m in _SEPARATOR.finditer(line)][-2:]


def _document_lines(text: str) -> tuple[str, list[str], list[str], str]:
    """The first line, the first and last :data:`EDGE_LINES` lines, and a signature: the longest
    line between the edges (or the whole text when it is short), which two versions of one
    story usually share and two different stories do not."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return "", [], [], ""
    middle = lines[EDGE_LINES:-EDGE_LINES]
    signature = max(middle, key=len) if middle else "\n".join(lines)
    return lines[0], lines[:EDGE_LINES], lines[-EDGE_LINES:], signature


def evidence(documents: pd.DataFrame | Iterable[str], *, min_docs: int = 3,
             min_share: float = 0.02) -> pd.DataFrame:
    """Find headline suffixes and edge lines that repeat across the documents of a corpus.

    A headline suffix (the text after the last or second-last " | ", " - ", " – ", " — ", " · "
    in the first line) or a line among the first or last :data:`EDGE_LINES` non-blank lines is
    *repeated* when it occurs there in at least ``min_docs`` independent documents and in at
    least ``min_share`` of them. Documents are independent when their longest lines between the
    edges differ, so duplicates and re-published versions of one story count once. A repeated
    item is furniture unless its shape says it is text:

    - a suffix that mostly follows headlines with quotation marks is a speaker
      ("'Reckless' - Smith"), not a site;
    - a line that is a question, or starts with a quotation mark, is text;
    - a line that ends like a sentence is text unless it has furniture words (newsletter,
      subscribe, follow us, reporting by, a URL, …): "Police are investigating." repeats in crime
      reports and stays; so does a "label: value" line without them ("Referee: Michael Oliver");
    - date lines are left to the ``dateline`` step.

    Shape cannot tell every speaker from a site: an unquoted "- Starmer" ending many headlines
    of a small corpus is taken for a site name. The table says why it decided; set
    ``furniture`` to ``False`` in a row to overrule it and pass the table on as ``evidence=``.

    Parameters
    ----------
    documents : pandas.DataFrame or iterable of str
        A corpus with a ``text`` column (see :func:`textkit.files.read_corpus`), or texts.
    min_docs : int, default 3
        Fewest independent documents a repeated item needs.
    min_share : float, default 0.02
        Smallest share of the independent documents it needs.

    Returns
    -------
    pandas.DataFrame
        One row per repeated item, by ``where`` (in the order below), most documents first, then
        ``text``:

        - ``where`` (str): ``"headline suffix"``, ``"first lines"`` or ``"last lines"``;
        - ``text`` (str): the suffix (without its separator) or the line, stripped;
        - ``documents`` (int): independent documents it occurs in there;
        - ``share`` (float): ``documents`` / independent documents in the corpus (6 decimals);
        - ``furniture`` (bool): whether the cleaning steps remove it;
        - ``reason`` (str): why it is or is not furniture.

    Examples
    --------
    >>> docs = [f"Story {i} | Daily Bugle\\n\\nBody {i}.\\n\\nMore {i}.\\n\\nEnd {i}.\\n\\n"
    ...         "Sign up for our newsletter." for i in range(3)]
    >>> evidence(docs)[["where", "text", "documents", "furniture"]].to_dict("records")
    [{'where': 'headline suffix', 'text': 'Daily Bugle', 'documents': 3, 'furniture': True}, {'where': 'last lines', 'text': 'Sign up for our newsletter.', 'documents': 3, 'furniture': True}]
    """
    from textkit import textindex

    texts = list(documents["text"] if isinstance(documents, pd.DataFrame) else documents)
    # Every notebook of a run learns the same evidence from the same texts: done once.
    key = "evidence-" + textindex.fingerprint(texts, [min_docs, min_share])
    return textindex.shared(key, lambda: _evidence(texts, min_docs, min_share))


def _evidence(texts: list[str], min_docs: int, min_share: float) -> pd.DataFrame:
    """:func:`evidence` (no sharing)."""
    seen, quoted, signatures = _count(texts)
    needed = max(min_docs, min_share * len(signatures))
    rows = []
    for (where, line), sigs in seen.items():
        if len(sigs) >= needed and len(line) <= 300:
            furniture, reason = _judge(where, line, len(quoted[line] & sigs) / len(sigs))
            rows.append((where, line, len(sigs), round(len(sigs) / len(signatures), 6),
                         furniture, reason))
    order = {"headline suffix": 0, "first lines": 1, "last lines": 2}
    rows.sort(key=lambda row: (order[row[0]], -row[2], row[1]))
    return frame(rows, {"where": object, "text": object, "documents": "int64", "share": "float64",
                        "furniture": bool, "reason": object})


def _count(texts: Iterable[str]) -> tuple[dict, dict, set]:
    """For :func:`evidence`: the signatures of the documents where each suffix or edge line
    occurs (``(where, text) -> set``), of those where a suffix follows a quoted headline, and of
    all documents."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    quoted: dict[str, set[str]] = defaultdict(set)
    signatures = set()
    for text in texts:
        first, head, tail, signature = _document_lines(text)
        signatures.add(signature)
        for sep, start in _suffixes(first):
            seen["headline suffix", first[start:]].add(signature)
            if _quoted(first[:sep]):
                quoted[first[start:]].add(signature)
        for where, lines in (("first lines", head), ("last lines", tail)):
            for line in lines:
                if not is_date(line):
                    seen[where, line].add(signature)
    return seen, quoted, signatures


def frame(rows: list[tuple], dtypes: dict[str, object]) -> pd.DataFrame:
    """A table from row tuples, each column with its dtype (also when there are no rows)."""
    columns = list(zip(*rows)) if rows else [()] * len(dtypes)
    return pd.DataFrame({name: pd.Series(list(values), dtype=dtype)
                         for (name, dtype), values in zip(dtypes.items(), columns)})


def _judge(where: str, line: str, quoted_share: float) -> tuple[bool, str]:
    """Decide whether a repeated suffix or edge line is furniture, and say why."""
    if where == "headline suffix":
        if quoted_share >= 0.5:
            return False, "kept: mostly after quoted headlines, so a speaker"
        if is_sentence(line) or len(line.split()) > 8:
            return False, "kept: a sentence, not a site name"
        return True, "repeated headline suffix"
    if "?" in line or line[0] in _QUOTE_MARKS:
        return False, "kept: a question or a quotation"
    if is_name(line):
        return True, "repeated name line (byline)"
    if _FURNITURE_WORDS.search(line):
        return True, "repeated line with furniture words"
    if is_sentence(line):
        return False, "kept: a sentence without furniture words"
    if _LABEL.match(line):
        return False, "kept: a 'label: value' line (data such as 'Referee: …')"
    return True, "repeated line"


def known(table: pd.DataFrame | Known | None) -> Known:
    """The furniture rows of an :func:`evidence` table as look-up sets (``None``: nothing)."""
    if table is None:
        return NOTHING
    if isinstance(table, Known):
        return table
    found = {"headline suffix": set(), "first lines": set(), "last lines": set()}
    for where, line, furniture in zip(table["where"], table["text"], table["furniture"]):
        if furniture:
            found[where].add(line)
    return Known(*(frozenset(lines) for lines in found.values()))
