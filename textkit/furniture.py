"""Recognise news furniture with evidence: what a site or wire adds around the story.

Furniture is removed only when something other than its looks says it is furniture:

- a **known pattern** of outlets and wires, which is evidence even in a single document: a site
  name after a bar ("… | News"), a known outlet after a dash ("… - BBC News"), a wire dateline
  ("MOSCOW (AP) —"), a date line before the story, a "By Jane Doe" line, a Reuters credit
  ("Reporting by …; Editing by …"), a copyright notice, a name line directly after that notice;
- **repetition across documents** (:func:`evidence`): the same headline suffix, or the same line
  among the first or last lines, in several independent documents of the corpus.

What merely looks like furniture stays: a " - Smith" after one headline, a short name as the last
line of one report (a referee, a film title), "Copyright lawyers said …", a dateline in the middle
of an article, "All rights reserved" inside a quotation.

Each ``find_*`` function takes a text (and the :class:`Known` evidence) and returns the
:class:`Edit` list that removes its furniture, in text order, without changing the text itself;
:mod:`textkit.clean` applies the edits and reports them.
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
# Shapes: names, sentences, dates, notices
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


def _body(line: str) -> bool:
    """A story paragraph rather than a headline, date, byline or other header line: longer than
    200 characters, or a statement of four or more words ending with a full stop (headlines end
    without one, or with "?" or "!")."""
    return len(line) > 200 or (
        is_sentence(line) and line.rstrip("'\"”’)").endswith(".") and len(line.split()) >= 4
    )


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


# --------------------------------------------------------------------------------------------
# Headline suffix
# --------------------------------------------------------------------------------------------

_OUTLETS = re.compile(
    r"(?:The )?(?:BBC(?: [A-Z][\w]*){0,2}|Reuters|AP|AP News|AFP|CNN(?: [A-Z]\w*)?|NPR|PBS|"
    r"Al Jazeera(?: English)?|Bloomberg|Politico|Axios|Sky News|Fox News|DW|Deutsche Welle|"
    r"France 24|Euronews|ABC News|CBS News|NBC News|Wikinews|Xinhua|Kyodo|Yonhap|HuffPost|"
    r"Newsweek|Forbes|Vox|The Economist|The Atlantic|The Hill|Associated Press)\Z"
)
_OUTLET_NOUN = re.compile(
    r"(?:The|[A-Z][\w&'.\-]*) (?:[A-Z][\w&'.\-]* ){0,3}(?:News|Times|Post|Herald|Guardian|"
    r"Telegraph|Journal|Tribune|Gazette|Chronicle|Independent|Observer|Standard|Examiner|"
    r"Courier|Express|Mirror|Star|Sun|Record|Reporter|Online|Press|Globe|Dispatch|Inquirer|"
    r"Monitor|Register|Sentinel|Bulletin|Advertiser|Argus|Echo|Leader)\Z"
)
_DOMAIN = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.(?:com|co\.uk|org|net|news|ie|com\.au|ca|in)\Z")
_SECTIONS = frozenset(
    "News Politics Business Money Economy Markets Sport Sports Football Cricket Rugby Tennis Golf "
    "World UK US Europe Africa Asia Americas Australia England Scotland Wales Ireland Opinion "
    "Comment Analysis Culture Arts Books Film Music TV Television Entertainment Lifestyle Life "
    "Style Fashion Food Travel Technology Tech Science Health Environment Education Society Media "
    "Local Weather Crime Obituaries Video Sci-Tech".split()
)


def _site_name(stem: str, suffix: str, bar: bool) -> str | None:
    """Name the known pattern a headline suffix matches, or ``None``.

    A site name is shorter than the headline before it. Then: a known outlet or a domain after any
    separator ("- BBC News", "| Reuters", "- thetelegraph.com"); unless the headline is quoted
    (where a dash or bar introduces a speaker: "'Unavoidable' - Royal Mail"), also
    "<Words> News/Times/Post/Herald/…" ("- Manchester Evening News", "| Daily Mail Online") and,
    after a bar only, one or two section names ("| News", "| Politics", "| UK News"). Any
    other name after a bar may be content ("| Jane Campion", "| Red") and needs evidence."""
    words = suffix.split()
    if len(words) >= len(stem.split()):
        return None
    if _OUTLETS.match(suffix) or _DOMAIN.match(suffix):
        return "known outlet after the headline"
    if _quoted(stem):
        return None
    if _OUTLET_NOUN.match(suffix):
        return "outlet name after the headline"
    if bar and len(words) <= 2 and all({w, w.capitalize()} & _SECTIONS for w in words):
        return "section name after a bar"
    return None


def find_headline_suffix(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """Find a site name at the end of the first line (the headline).

    Rules: a suffix after the last or second-last separator (" | ", " - ", " – ", " — ", " · ")
    that the corpus evidence lists as a repeated headline suffix is removed (the longer one
    first); otherwise the last suffix, and the one before it too, are removed while each matches
    a known site pattern (see :func:`_site_name`): "… | Politics | The Guardian". A " - Name"
    after one headline is a speaker or part of the headline and stays.

    >>> find_headline_suffix("Talks fail in Geneva | News\\n\\nBody.")
    [Edit(start=20, end=27, old=' | News', new='', rule='section name after a bar')]
    >>> find_headline_suffix("Budget plans 'reckless' - Smith\\n\\nBody.")
    []
    """
    lines = head_lines(text, 1)
    if not lines:
        return []
    start, end = lines[0]
    line = text[start:end]
    tails = _suffixes(line)
    for sep, begin in tails:
        if line[begin:] in evidence.suffixes:
            return [Edit(start + sep, end, line[sep:], "", "repeated headline suffix")]
    cut, rule = len(line), None
    for sep, begin in reversed(tails):
        found = _site_name(line[:sep], line[begin:cut], "|" in line[sep:begin])
        if not found:
            break
        cut, rule = sep, rule or found
    return [Edit(start + cut, end, line[cut:], "", rule)] if rule else []


# --------------------------------------------------------------------------------------------
# Dateline
# --------------------------------------------------------------------------------------------

_NOT_PLACES = frozenset(
    "NATO NASA FIFA UEFA OPEC WHO UNICEF UNESCO UNHCR FBI CIA NSA NHS IMF ICC IOC BBC CNN NBA NFL "
    "NHL MLB MLS ESPN AIDS HIV COVID SARS LGBT LGBTQ GOP DNC RNC SEC FDA CDC EPA FAA NTSB DOJ IRS "
    "ISIS OECD ASEAN BRICS G7 G20 BREAKING UPDATE UPDATED EXCLUSIVE WATCH LIVE ANALYSIS OPINION "
    "EDITORIAL CORRECTION REVIEW OBITUARY COMMENT WARNING NOTE PHOTOS VIDEO LISTEN READ ALERT "
    "URGENT FLASH CLARIFICATION SPOILER ADVERTISEMENT PROFILE INTERVIEW ICYMI FYI PSA".split()
)
_CAPS_WORD = r"[A-Z](?:[A-Z.'’]|-(?=[A-Z]))+"
_WIRES = (r"AP|Reuters|AFP|CNN|dpa|DPA|UPI|Xinhua|IANS|PTI|ANI|UNI|AAP|CP|Bloomberg|"
          r"The Canadian Press|Kyodo|Yonhap|ANSA|EFE|Anadolu|BNS|TASS|Interfax")
_WIRE_DATELINE = re.compile(
    rf"""(?x)
    (?P<place>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})            # MOSCOW, NEW YORK, ST. LOUIS
    (?:,[ ][A-Z][A-Za-z.'’\-]+(?:[ ][A-Z][A-Za-z.'’\-]+){{0,2}})?  # , Ukraine  /  , N.Y.
    (?:,?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d{{1,2}})?  # , Jan 27
    (?P<credit>[ ]?\([A-Z][A-Za-z&.' ]{{1,30}}\))?                # (AP), (Reuters)
    (?:[ ]+(?:[\u2013\u2014\u2015]|--?|_)|[\u2013\u2014\u2015]|--)[ ]*  # " —", "—", " -", "--"
    (?=[A-Z0-9"“‘'(])
    """
)
_TITLE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}"
    r"(?P<credit>[ ]\((?:AP|Reuters|AFP|CNN|Al Jazeera)\))?[ ]*[\u2013\u2014\u2015][ ]*"
    r"(?=[A-Z\"“])"
)
_CREDIT_DATELINE = re.compile(
    rf"(?:\((?:{_WIRES})\)[ ]*(?:[\u2013\u2014\u2015]|--?)[ ]*"
    rf"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)*,[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    rf"[a-z]*\.?[ ]\d{{1,2}}[ ]\((?:{_WIRES})\)[ ]*(?:[:\u2013\u2014\u2015]|--?)?[ ]*)"
    r"(?=[A-Z0-9\"“‘'(])"
)


def _place(place: str, credited: bool) -> bool:
    """Capitals that can name a place: not a listed acronym or label; one word alone, without a
    wire credit, needs four letters and a vowel ("ROME", "KYIV"; not "IBM", "HSBC")."""
    if place in _NOT_PLACES or place.split()[0] in _NOT_PLACES:
        return False
    letters = [c for c in place if c.isalpha()]
    if " " in place or credited:
        return len(letters) >= 3
    return len(letters) >= 4 and any(c in "AEIOUY" for c in letters)


def _wire_dateline(line: str) -> re.Match | None:
    """Match a wire dateline at the start of a line.

    - A wire credit: "(CNN) —", "New Delhi, Jan 27 (PTI)";
    - capitals naming a place (see :func:`_place`: not an acronym such as NATO or IBM, nor a
      label such as BREAKING) before a dash, with an optional region, date and credit: "MOSCOW —",
      "KYIV, Ukraine (AP) —", "LONDON, Jan 27 (Reuters) -";
    - a place and region in title case before an en or em dash: "Kyiv, Ukraine –".

    The dash must be followed by the start of a sentence; without a credit, the rest of the line
    must end like a sentence, so a capitals headline ("PM QUITS — The end of an era") is no
    dateline."""
    match = _CREDIT_DATELINE.match(line)
    if match:
        return match
    match = _WIRE_DATELINE.match(line) or _TITLE_DATELINE.match(line)
    if not match:
        return None
    if match.re is _WIRE_DATELINE and not _place(match.group("place"), bool(match.group("credit"))):
        return None
    if not match.group("credit") and not (is_sentence(line) or len(line) > 200):
        return None
    return match


def find_dateline(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """Find the dateline at the very start of an article.

    The start of an article is its first lines up to the first story paragraph (a statement
    ending with a full stop, or a line longer than 200 characters): the headline, a byline and
    date lines come before it. There, a line that is only a date ("Friday, January 4, 2019",
    "Updated: 27 Jan 2022 10:32 GMT") is removed, and so is a wire dateline at the start of the
    first line that has one ("MOSCOW —", "KYIV, Ukraine (AP) —", "LONDON, Jan 27 (Reuters) -",
    "(CNN) —"). Datelines and dates further down are text. ``evidence`` is not used.

    >>> [e.old for e in find_dateline("Friday, January 4, 2019\\n\\nMOSCOW — The Kremlin said.")]
    ['Friday, January 4, 2019\\n\\n', 'MOSCOW — ']
    >>> find_dateline("The Kremlin said so on Thursday, officials said.\\n\\nKYIV — Later.")
    []
    """
    dates, edits = [], []
    for start, end in head_lines(text):
        line = text[start:end]
        if is_date(line):
            dates.append((start, end, "date line at the start"))
            continue
        match = _wire_dateline(line)
        if match:
            edits.append(Edit(start, start + match.end(), match.group(0), "", "wire dateline"))
            break
        if _body(line):
            break
    return sorted(remove_lines(text, dates) + edits)


# --------------------------------------------------------------------------------------------
# Copyright notice
# --------------------------------------------------------------------------------------------

_COPY_MARK = re.compile(r"(?i)(?:copyright\b\s*(?:©|\(c\))?|©|\(c\))\s*")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_HOLDER_WORD = re.compile(r"(?:[A-Z0-9&][\w&'’.\-]*|and|of|the|for|de|du|[-/–]|\d{2,4})\Z")
_HOLDER_TAIL = re.compile(
    r"(?i)[,.;]?\s*(?:(?:or|and) its (?:affiliated companies|affiliates|licensors|subsidiaries)"
    r"|all rights reserved)\.?\Z"
)
_NOTICE_OTHER = re.compile(
    r"(?i)(?:all rights reserved"
    r"|this (?:material|article|content|story|report)(?: may| must| can)(?:not| not) be "
    r"(?:published|reproduced|broadcast|rewritten|redistributed|copied|republished)[^.]*"
    r"|(?:reproduction|republication|redistribution|reuse)\b[^.]*\b(?:prohibited|permission|"
    r"forbidden)[^.]*"
    r"|(?:to see more|for more(?: information)?|read more),? (?:visit|see|go to|at) https?://\S+?)"
    r"\.?\Z"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z©(])")


def _holder(words: str, most: int = 10) -> bool:
    """Tell whether words name a rights holder: capitalised words, "&", "of", years."""
    tokens = words.replace(",", " ").split()
    return len(tokens) <= most and all(_HOLDER_WORD.match(t) for t in tokens)


def _notice_sentence(sentence: str) -> str | None:
    """Classify one sentence of a possible notice: ``"mark"`` ("Copyright 2022 The Associated
    Press.", "© 2020 Reuters" — a copyright sign or a year, then only a holder's name),
    ``"rights"`` ("All rights reserved.", "This material may not be published…", NPR's "To see
    more, visit https://…"), ``"holder"`` (a short name alone, "AP.") or ``None`` (any other
    sentence: "Copyright lawyers said…")."""
    sentence = sentence.strip()
    mark = _COPY_MARK.match(sentence)
    if mark:
        rest = _HOLDER_TAIL.sub("", sentence[mark.end():]).rstrip(".")
        has_sign = "©" in mark.group(0) or "(c)" in mark.group(0).lower()
        if (has_sign or _YEAR.search(rest)) and _holder(rest):
            return "mark"
        return None
    if _NOTICE_OTHER.match(sentence):
        return "rights"
    if _holder(sentence.rstrip("."), most=6) and sentence[:1].isupper():
        return "holder"
    return None


def is_notice(paragraph: str) -> bool:
    """Tell whether a paragraph (at most 400 characters) is a copyright notice: every sentence is
    a notice sentence (see :func:`_notice_sentence`), one is a copyright mark or "All rights
    reserved", and a holder's name alone comes only just before the rights ("AP. All Rights
    Reserved.").

    >>> [is_notice(s) for s in ["© 2020 Reuters", "AP. All Rights Reserved.", "Copyright lawyers."]]
    [True, True, False]
    """
    if len(paragraph) > 400:
        return False
    kinds = [_notice_sentence(s) for s in _SENTENCE_BREAK.split(paragraph.strip())]
    if None in kinds or not {"mark", "rights"} & set(kinds):
        return False
    # a holder's name alone is part of a notice only before "All rights reserved" ("AP. All …")
    return all(k != "holder" or kinds[i + 1 : i + 2] == ["rights"] for i, k in enumerate(kinds))


_NOTICE_HINT = re.compile(r"(?i)copyright|©|\(c\)|rights reserved")
_NOTICE_WORDS = ("opyright", "OPYRIGHT", "©", "(c)", "(C)", "ights reserved", "ights Reserved",
                 "IGHTS RESERVED")


def find_copyright(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """Find copyright notices: whole lines that are a notice (:func:`is_notice`), and notice
    sentences that end the last line ("… he said. Copyright 2022 AP. All rights reserved.").
    A sentence that mentions copyright, or "All rights reserved" in a quotation, is text.
    ``evidence`` is not used.

    >>> [e.rule for e in find_copyright("Body.\\n\\n© 2020 Reuters\\n\\nEnd.")]
    ['copyright notice']
    >>> find_copyright("Copyright lawyers said it was wrong. All rights reserved, they added.")
    []
    """
    if not any(word in text for word in _NOTICE_WORDS):  # most texts: one fast look
        return []
    lines, seen = [], set()
    for hint in _NOTICE_HINT.finditer(text):
        start = text.rfind("\n", 0, hint.start()) + 1
        if start in seen:
            continue
        seen.add(start)
        end = text.find("\n", hint.start())
        start, end = _trim(text, start, len(text) if end < 0 else end)
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if is_notice(text[start:end]):
            lines.append((start, end, "copyright notice"))
    edits = remove_lines(text, lines)
    tail = tail_lines(text, 1)
    if tail and not any(e.start <= tail[0][0] < e.end for e in edits):
        edits.extend(_trailing_notice(text, *tail[0]))
    return edits


def _trailing_notice(text: str, start: int, end: int) -> list[Edit]:
    """A notice that starts with a copyright mark and ends the last line, after a story."""
    for brk in _SENTENCE_BREAK.finditer(text, start, end):
        rest = text[brk.end():end]
        first = _SENTENCE_BREAK.split(rest, 1)[0]
        if _notice_sentence(first) == "mark" and is_notice(rest):
            return [Edit(brk.start(), end, text[brk.start():end], "",
                         "copyright notice ending the last line")]
    return []


# --------------------------------------------------------------------------------------------
# Byline and wire credits
# --------------------------------------------------------------------------------------------

_BY = re.compile(
    r"By:?[ ]+(?P<names>[^,|\u2013\u2014]+?)"
    r"(?P<tail>(?:[ ]*(?:,|\||[\u2013\u2014-])[ ]*|[ ]+in[ ]+).*)?\Z"
)
_ROLE_WORD = re.compile(
    r"(?:[A-Z][\w&'’.\-]*|&|and|of|the|for|in|at|\||[\u2013\u2014-]|correspondents?|reporters?|"
    r"editors?|writers?|staff|journalists?|contributors?|columnists?|analysts?|political|"
    r"chief|senior|news|business|sports|foreign|diplomatic|economics|science|health)\Z"
)
_CREDIT = re.compile(
    r"(?:Additional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ww]ritten|[Ee]dited|"
    r"[Ff]act-checking|[Gg]raphics)(?: and (?:editing|writing|reporting))? [Bb]y (?P<who>.+)\Z"
)
_CREDIT_CONNECTORS = {"and", "in", "from", "at", "of", "&", "with"} | _PARTICLES
_CONTRIBUTED = re.compile(
    r"(?P<who>.+?) contributed(?P<what> to this (?:report|story|article)| reporting| reporting"
    r" to this (?:report|story))?\.?\Z"
)
_WIRE_WORDS = re.compile(r"\b(?:Associated Press|AP|Reuters|AFP|writers?|reporters?|"
                         r"correspondents?|staff|journalists?|Bloomberg|CNN)\b")


def _by_line(line: str) -> bool:
    """ "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press", "By Jane Doe | BBC News",
    "By Jane Doe in Kyiv"; not "By Tuesday, the fire had spread." nor "By contrast …"."""
    match = _BY.match(line)
    if not match or len(line) > 120 or line.endswith(("!", "?")):
        return False
    names = re.split(r",? and | & ", match.group("names").rstrip("."))
    if not all(is_name(n) or (n.isalpha() and _name_word(n) and not _CALENDAR.fullmatch(n))
               for n in names):
        return False
    tail = (match.group("tail") or "").replace(",", " ").rstrip(".").split()
    return all(_ROLE_WORD.match(w) for w in tail)


def _credited(who: str) -> bool:
    """Names (and places) in a credit: capitalised words joined by "and", "in", "from", ","."""
    words = who.replace(",", " ").split()
    return 0 < len(words) <= 25 and all(w[0].isupper() or w in _CREDIT_CONNECTORS for w in words)


def _wire_credit(line: str) -> bool:
    """ "(Reporting by Jane Doe in Kyiv; Editing by John Roe)", "AP writer Jane Doe
    contributed.", "Jane Doe contributed to this report."; not "Reporting by the BBC's Panorama
    revealed …" nor "200 scientists contributed to this report"."""
    if len(line) > 300:
        return False
    parts = [p.strip() for p in line.strip("() ").rstrip(".").split(";")]
    matches = [_CREDIT.match(p) for p in parts]
    if all(matches) and all(_credited(m.group("who")) for m in matches):
        return True
    match = _CONTRIBUTED.match(line) if "contributed" in line else None
    if not match:
        return False
    who = re.sub(r"\b(?:in|from|at|and|of|the)\b|[,.]", " ", match.group("who"))
    words = who.split()
    shaped = all(w[0].isupper() or _ROLE_WORD.match(w) for w in words) and len(words) <= 30
    return shaped and bool(match.group("what") or _WIRE_WORDS.search(match.group("who")))


def find_byline(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """Find bylines and wire credits, only where something says they are one.

    Rules, among the article's first lines (up to the first story paragraph) and its last
    :data:`EDGE_LINES` lines: a "By Jane Doe" line; a wire credit ("Reporting by …; Editing by
    …", "… contributed to this report."); a name line repeated across the corpus (evidence).
    At the end only: a name line directly after a copyright notice (the wire's credit line
    follows its notice). A lone short name at the end of one document is text: a referee, a
    film title, a signature.

    >>> [e.old for e in find_byline("Body.\\n\\n© 2022 AP. All rights reserved.\\n\\nChristi C. Elwood")]
    ['\\n\\nChristi C. Elwood']
    >>> find_byline("The match ended 2-1.\\n\\nReferee: Michael Oliver\\n\\nMichael Oliver")
    []
    """
    found = {}
    for start, end in head_lines(text):
        line = text[start:end]
        rule = _byline_rule(line, evidence.first)
        if rule:
            found[start] = (start, end, rule)
        elif _body(line):
            break
    tail = tail_lines(text)
    for i, (start, end) in enumerate(tail):
        line = text[start:end]
        rule = _byline_rule(line, evidence.last)
        if not rule and i == len(tail) - 1 and i > 0 and _names(line):
            rule = "name after a copyright notice" if is_notice(text[slice(*tail[i - 1])]) else None
        if rule:
            found[start] = (start, end, rule)
    return remove_lines(text, found.values())


def _names(line: str) -> bool:
    """One or more names: "Christi C. Elwood", "Jane Doe and John Roe"."""
    return all(is_name(part) for part in re.split(r",? and |, | & ", line))


def _byline_rule(line: str, repeated: frozenset[str]) -> str | None:
    """The byline rule a line at an edge matches, or ``None``."""
    if _by_line(line):
        return "By line"
    if _wire_credit(line):
        return "wire credit"
    if line in repeated and is_name(line):
        return "repeated name line"
    return None


# --------------------------------------------------------------------------------------------
# Boilerplate: known wire footers and repeated lines
# --------------------------------------------------------------------------------------------

_WIRE_FOOTER = re.compile(
    r"(?:(?:Follow|Find|See|Read)(?: more of)? (?:AP|The Associated Press)['’]s (?:full )?"
    r"(?:coverage|reporting|stories)\b.*"
    r"|The Associated Press(?:['’]s)?(?: [\w ,&]+?)? receives (?:financial )?support from\b.*"
    r"\bsolely responsible for all content\.?)\Z"
)


def find_boilerplate(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """Find boilerplate lines at the edges of an article: among the first and last
    :data:`EDGE_LINES` lines, a line the corpus evidence lists as repeated furniture (except
    names, which the ``byline`` step handles), and among the last lines the AP's footers
    ("Follow AP's coverage of … at https://…", "The Associated Press receives support from …
    The AP is solely responsible for all content.").

    >>> find_boilerplate("Body.\\n\\nFollow AP's coverage at https://apnews.com/hub")[0].rule
    'AP footer'
    """
    found = {}
    for start, end in head_lines(text, EDGE_LINES):
        line = text[start:end]
        if line in evidence.first and not is_name(line):
            found[start] = (start, end, "repeated line")
    for start, end in tail_lines(text):
        line = text[start:end]
        if _WIRE_FOOTER.match(line):
            found[start] = (start, end, "AP footer")
        elif line in evidence.last and not is_name(line):
            found[start] = (start, end, "repeated line")
    return remove_lines(text, found.values())
