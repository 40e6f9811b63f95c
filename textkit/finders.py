"""Find news furniture in one text: what a site or wire adds around the story.

Furniture is removed only when something other than its looks says it is furniture:

- a **known pattern** of outlets and wires, which is evidence even in a single document: a site
  name after a bar ("… | News"), a known outlet after a dash ("… - BBC News"), a wire dateline
  ("MOSCOW (AP) —"), a date line before the story, a "By Jane Doe" line, a Reuters credit
  ("Reporting by …; Editing by …"), a copyright notice (:func:`is_notice`), a name line directly
  after that notice;
- **repetition across documents**: a headline suffix, or a line among the first or last lines,
  that the corpus evidence lists (:func:`textkit.furniture.evidence`, as :class:`Known`).

What merely looks like furniture stays: a " - Smith" after one headline, a short name as the last
line of one report (a referee, a film title), "Copyright lawyers said …", a dateline in the middle
of an article, "All rights reserved" inside a quotation.

Each ``find_*`` function (:func:`find_headline_suffix`, :func:`find_dateline`, :func:`find_byline`,
:func:`find_copyright`, :func:`find_boilerplate`) takes a text (and the :class:`Known` evidence)
and returns the :class:`Edit` list that removes its furniture, in text order, without changing the
text itself; :mod:`textkit.clean` applies the edits and reports them. The shapes of lines, the
line spans and the corpus evidence they rely on are in :mod:`textkit.furniture`.
"""

from __future__ import annotations

import re

from textkit.furniture import (
    _CALENDAR, _PARTICLES, EDGE_LINES, NOTHING, Edit, Known, _name_word, _quoted, _suffixes, _trim,
    head_lines, is_date, is_name, is_sentence, remove_lines, tail_lines,
)

# --------------------------------------------------------------------------------------------
# The start of an article: its lines up to the first story paragraph
# --------------------------------------------------------------------------------------------


def _body(line: str) -> bool:
    """A story paragraph rather than a headline, date, byline or other header line: longer than
    200 characters, or a statement of four or more words ending with a full stop (headlines end
    without one, or with "?" or "!")."""
    return len(line) > 200 or (
        is_sentence(line) and line.rstrip("'\"”’)").endswith(".") and len(line.split()) >= 4
    )


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
