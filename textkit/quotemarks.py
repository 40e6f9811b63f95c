"""Find direct quotations: quotation marks, their pairing by paragraph, and what is not one.

**Quotation marks.** Curly (“ ” „ ‘ ’), and straight (" ') marks, so the rules hold whether or
not the ``quotes`` cleaning step ran. A straight mark opens or closes by what stands beside it:
space or an opening bracket before and a letter after opens (``said "Yes``); a letter or
punctuation before and space or punctuation after closes (``Yes," he``); a mark with the same
on both sides opens when no quotation is open and closes one that is. The document's *primary*
mark is the double one, unless single marks open more quotations than double marks do (the
British convention, ‘…’ with “…” inside); the other kind is nested or an apostrophe and never
pairs.

**Pairing** runs paragraph by paragraph, so an unbalanced mark never shifts the pairing after
its paragraph. A quotation still open when an *opening* mark comes (a new quotation, or the
first mark of the next line), or at the end of its paragraph, ends there with
``closed=False``. A quotation that continues into the next paragraph (the AP and the British
conventions: the paragraph ends without a closing mark and the next one starts with an opening
mark) is listed once per paragraph, the later parts with ``continued=True``.

**Not quotations.** A span is not listed when

- it has fewer than two letters or digits (``""``, ``"a"``);
- it follows a naming word: "so-called", "dubbed", "nicknamed", "titled", "entitled",
  "named", "known as", "the hashtag", "the slogan", "the term", "the word(s)", "the phrase";
- it follows a naming phrase "<a/an/the> <noun> called" or "is/was/be called" ("a film
  called "Parasite"", while "he called it "a disgrace"" stays), or "a banner/sign saying"
  (written words, not speech);
- it is a nickname of one or two words between two capitalised words (Pasquale "Pat" Di
  Cicco), a name of four words or fewer after "<Name> of/from/at" (Anna Franowska of "Have no
  fear"), or right before "sign", "banner", "slogan", "hashtag";
- it stands between a determiner and a lower-case noun and its sentence has no speech cue
  (the "one country, two systems" model; while he called it an "interesting" case stays);
- all its words are capitalised (a title or a name: "The Lion Man"), it has six words or
  fewer and no speech cue stands within three words before it or right after it;
- it is closed, has three words or fewer, does not read as a sentence of its own (a capital
  first letter and a final , . ! or ? inside the marks: "No.", "Why?") and its sentence,
  outside quotation marks, has no speech cue (a reporting verb of :data:`VERBS`, "according
  to", or a colon just before the mark): scare quotes and titles ("the "deal" is off", "the
  film "Parasite"") are not speech, while "Putin warned of "military-technical measures"" is;
  a short span *is* listed when its sentence has a quotation listed on its own merits (her
  "passion" for the hobby "stemmed through my love for Halloween").

Single marks outside the double ones (in a document whose primary marks are double) pair too,
when closed within their paragraph (he had ordered 'heightened alert').

The words of reported speech live here: the reporting verbs (:data:`VERBS`, :data:`VERB`),
which :mod:`textkit.speakers` also looks for next to a quotation, the speech cues
(:data:`CUES`) and the naming words (:data:`NAMING`).

:func:`spans` lists the quotations of a text (``textkit.quotes.spans`` is the same function);
:func:`quotations` does it on paragraphs and sentences already split, for
:func:`textkit.referents.build`. Everything is linear in the text: one pass for the marks and
bisection for every look-up.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import pandas as pd

from textkit import names as names_module
from textkit import tokens

#: Reporting verbs recognised next to a speaker (lower case; matched as whole words).
VERBS = tuple(
    """
    say says said saying tell tells told telling tweet tweets tweeted tweeting write writes wrote
    writing add adds added adding stress stresses stressed stressing warn warns warned warning
    describe describes described describing declare declares declared declaring state states
    stated stating insist insists insisted insisting note notes noted noting explain explains
    explained explaining ask asks asked asking reply replies replied replying announce announces
    announced announcing claim claims claimed claiming argue argues argued arguing urge urges
    urged urging post posts posted recall recalls recalled recalling conclude concludes concluded
    acknowledge acknowledges acknowledged admit admits admitted admitting caution cautioned
    complain complains complained complaining emphasise emphasised emphasising emphasize
    emphasized emphasizing observe observed remark remarked suggest suggests suggested suggesting
    comment comments commented commenting respond responds responded responding answer answered
    continue continues continued predict predicted promise promised promising call calls called
    calling quip quipped joke joked shout shouted yell yelled scream screamed chant chanted
    whisper whispered plead pleaded demand demanded demanding vow vows vowed pledge pledged boast
    boasted concede conceded confirm confirms confirmed confirming deny denies denied reveal
    revealed report reports reported testify testified allege alleged accuse accused
    criticise criticised criticize criticized praise praised welcome welcomed lament lamented
    exclaim exclaimed maintain maintains maintained contend contended assure assured reiterate
    reiterated repeat repeated advise advised inform informed remind reminded agree agreed
    counter countered retort retorted object objected protest protested hail hailed condemn
    condemned slam slammed blast blasted decry decried denounce denounced underline underlined
    underscore underscored highlight highlighted brand branded term termed label labelled labeled
    characterise characterised characterize characterized mention mentioned wonder wondered
    muse mused tout touted concur concurred read reads quote quoted speak speaks spoke speaking
    indicate indicates indicated refer refers referred
    """.split()
)

#: Words before a quoted span that make it a name or title, not speech.
NAMING = (
    "so-called", "so called", "dubbed", "nicknamed", "titled", "entitled", "named", "known as",
    "the hashtag", "hashtag", "the slogan", "the term", "the word", "the words", "the phrase",
    "the question", "the headline", "the caption",
)

#: Speech cues that make a short span a quotation (forms that are rarely nouns or adjectives;
#: matched in lower case only, so a sentence-initial "Reports" is not one).
CUES = tuple(
    """
    say says said saying tell tells told telling tweeted tweeting wrote writes writing added adds
    adding stressed stressing warned warning described describes describing declared declaring
    stated stating insisted insists noted explained explaining asked asking replied announced
    claimed argued urged recalled admitted cautioned complained emphasised emphasized remarked
    suggested commented responded predicted promised called calls calling quipped joked shouted
    vowed pledged conceded confirmed denied revealed testified accused criticised criticized
    praised lamented exclaimed maintained reiterated repeated agreed countered retorted hailed
    condemned slammed blasted decried denounced branded termed labelled labeled dubbed
    characterised characterized indicated referred according
    """.split()
)

#: A reporting verb of :data:`VERBS` as a whole word, in any case, or "according to" /
#: "pointed out" (group 1 is the verb as written).
VERB = re.compile(
    r"(?<![\w'’-])(" + "|".join(sorted(VERBS, key=len, reverse=True))
    + r"|according to|pointed out|points out|pointing out)(?![\w'’-])", re.IGNORECASE,
)
_NAMING = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in NAMING) + r")[\s,:]*$", re.IGNORECASE)
_NAMED = re.compile(
    r"(?:\b(?:a|an|the)\s+[\w-]+|\b(?:is|was|be|been|are|were))\s+called[\s,:]*$"
    r"|\b(?:banners?|signs?|placards?|posters?|t-shirts?|shirts?|flags?)\b[^.\"]{0,40}?"
    r"\s(?:saying|reading|that\s+(?:said|read))[\s,:]*$",
    re.IGNORECASE,
)
_CUE = re.compile(r"(?<![\w'’-])(?:" + "|".join(CUES) + r"|According)(?![\w'’-])")

#: The spaces and punctuation between a closing mark and the words after it.
LEAD = re.compile(r"[\s,;-]*")
_DOUBLE_OPEN, _DOUBLE_CLOSE = "\u201c\u201e\u201f", "\u201d"
_SINGLE_OPEN = "\u2018\u201a\u201b"
_MARK_CHARS = {
    "double": re.compile('["\u201c\u201d\u201e\u201f]'),
    "single": re.compile("['\u2018\u2019\u201a\u201b]"),
}
_ELISIONS = re.compile(r"(?:em|til|cause|tis|twas|n|bout|round|\d)\b", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------------------------


class Mark(NamedTuple):
    """A quotation mark and what it can do: ``open``, ``close`` or ``either``."""

    pos: int
    role: str


class Span(NamedTuple):
    """A paired quotation: offsets of its marks (``end`` after the closing one)."""

    start: int
    end: int
    closed: bool
    continued: bool = False  # the next part of a quotation left open in the previous paragraph


def spans(text: str) -> pd.DataFrame:
    """Find the direct quotations of a text: their marks, paragraph by paragraph.

    Parameters
    ----------
    text : str
        A text, cleaned or not.

    Returns
    -------
    pandas.DataFrame
        One row per quotation, in text order (see the module notes for the rules), with columns

        - ``start`` (int): offset of the opening mark;
        - ``end`` (int): offset just after the closing mark, or the end of the quotation's
          text when it is left open;
        - ``closed`` (bool): whether a closing mark ends it;
        - ``continued`` (bool): whether it continues a quotation left open at the end of the
          previous paragraph.

    Examples
    --------
    >>> t = ('"We will go on," he said. "We are ready.\\n\\n'
    ...      '"We will win," she said of the so-called "deal".\\n\\n"And it goes on')
    >>> found = spans(t)
    >>> [t[s:e] for s, e in zip(found["start"], found["end"])]
    ['"We will go on,"', '"We are ready.', '"We will win,"', '"And it goes on']
    >>> found["closed"].tolist(), found["continued"].tolist()
    ([True, False, True, False], [False, False, True, False])
    """
    paragraphs = tokens.paragraph_spans(text)
    found = quotations(text, paragraphs, tokens.sentence_spans(text))
    return pd.DataFrame(found, columns=list(Span._fields)).astype(
        {"start": "int64", "end": "int64", "closed": bool, "continued": bool}
    )


def quotations(text: str, paragraphs: list, sentences: list) -> list[Span]:
    """Pair the marks of each paragraph and keep the spans that are quotations: :func:`spans` as
    :class:`Span` records, for a text whose paragraphs and sentences are already split
    (``(start, end)`` pairs of :func:`textkit.tokens.paragraph_spans` and
    :func:`textkit.tokens.sentence_spans`)."""
    primary = _primary(text)
    paired = []
    for p_start, p_end in paragraphs:
        found = _pair(text, _marks(text, p_start, p_end, primary), p_end)
        paired.extend(sorted(found + _secondary(text, p_start, p_end, primary, found)))
    paired = _continuations(text, paired, paragraphs)
    starts = [s for s, _ in sentences]
    verdicts = [_verdict(text, s, paired, sentences, starts) for s in paired]
    long_in = {_sentence_index(starts, s.start) for s, v in zip(paired, verdicts) if v == "yes"}
    return [
        s for s, v in zip(paired, verdicts)
        if v == "yes" or (v == "short" and _sentence_index(starts, s.start) in long_in)
    ]


def _secondary(text: str, p_start: int, p_end: int, primary: str, found: list[Span]) -> list[Span]:
    """Closed spans in the other kind of marks outside the primary ones ('heightened alert')."""
    other = "single" if primary == "double" else "double"
    inside = [(s.start, s.end) for s in found]
    marks = [m for m in _marks(text, p_start, p_end, other)
             if not any(a <= m.pos < b for a, b in inside) and (other == "double" or m.role != "either")]
    return [s for s in _pair(text, marks, p_end) if s.closed]


def _sentence_index(starts: list, pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _primary(text: str) -> str:
    """Return ``"single"`` when single marks open more quotations than double ones, else ``"double"``."""
    singles = sum(1 for m in _marks(text, 0, len(text), "single") if m.role == "open")
    doubles = sum(1 for m in _marks(text, 0, len(text), "double") if m.role != "close")
    return "single" if singles > doubles else "double"


def _marks(text: str, start: int, end: int, primary: str) -> list[Mark]:
    """Return the marks of the primary kind between ``start`` and ``end`` with their roles."""
    found = []
    for match in _MARK_CHARS[primary].finditer(text, start, end):
        char, pos = match.group(), match.start()
        if char in _DOUBLE_OPEN + _SINGLE_OPEN:
            role = "open"
        elif char == _DOUBLE_CLOSE:
            role = "close"
        else:
            role = _flanking(text, pos, primary)
        if role:
            found.append(Mark(pos, role))
    return found


def _flanking(text: str, pos: int, primary: str) -> str:
    """Tell what a straight mark (or ’) does from its neighbours: open, close, either or ""."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    left = before.isspace() or before in "([{-\u2013\u2014/" + _DOUBLE_OPEN + _SINGLE_OPEN
    right = after.isspace() or after in ".,;:!?)]}-\u2013\u2014/\u201d\u2019\"'"
    if left and not right:
        role = "open"
    elif right and not left:
        role = "close"
    else:
        role = "either"
    if primary == "single":  # an apostrophe is not a mark: don't, '90s, 'em, the players' union
        if role == "either" or (role == "open" and _ELISIONS.match(text, pos + 1)):
            return ""
        if role == "close" and before in "sS" and re.match(r"\s+[a-z]", text[pos + 1 : pos + 3]):
            return ""
    return role


def _pair(text: str, marks: list[Mark], p_end: int) -> list[Span]:
    """Pair the marks of one paragraph; an opening mark while one is open ends the open one."""
    found, opened = [], None
    for mark in marks:
        if opened is None:
            if mark.role != "close":  # a stray closing mark opens nothing
                opened = mark.pos
        elif mark.role == "open":
            found.append(Span(opened, _text_end(text, opened, mark.pos), False))
            opened = mark.pos
        else:
            found.append(Span(opened, mark.pos + 1, True))
            opened = None
    if opened is not None:
        found.append(Span(opened, _text_end(text, opened, p_end), False))
    return found


def _text_end(text: str, start: int, end: int) -> int:
    """Return ``end`` moved back over whitespace, not before ``start + 1``."""
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _continuations(text: str, paired: list[Span], paragraphs: list) -> list[Span]:
    """Flag the spans that open a paragraph after a quotation left open in the previous one."""
    firsts = {s for s, _ in paragraphs}
    result = []
    for span in paired:
        previous = result[-1] if result else None
        continues = (
            span.start in firsts and previous is not None and not previous.closed
            and pair_index(paragraphs, previous.start) == pair_index(paragraphs, span.start) - 1
        )
        result.append(span._replace(continued=continues))
    return result


def pair_index(pairs: list, pos: int) -> int:
    """Return the index of the (start, end) pair containing ``pos`` (pairs sorted by start; -1
    before the first): the paragraph of an offset."""
    return bisect.bisect_right(pairs, (pos, float("inf"))) - 1


def _verdict(text: str, span: Span, paired: list[Span], sentences: list, starts: list) -> str:
    """Apply the "not quotations" rules of the module notes: ``yes``, ``no`` or ``short``.

    ``short`` is a short span with no speech cue: kept only when its sentence has a quotation
    that is kept on its own (a partial quotation next to a full one).
    """
    inner = inner_text(text, span)
    if sum(c.isalnum() for c in inner) < 2 or _named(text, span):
        return "no"
    if span.continued or not span.closed:
        return "yes"
    words = word_count(inner)
    if _title_case(inner) and words <= 6:
        return "yes" if _adjacent_cue(text, span) else "no"
    cue = _speech_cue(text, span, paired, sentences, starts)
    if _modifier(text, span) and not cue:
        return "no"
    if words > 3 or _own_sentence(inner) or cue:
        return "yes"
    return "short"


def _named(text: str, span: Span) -> bool:
    """Tell whether a span is used as a name: after a naming phrase, as a nickname or a label."""
    before = text[max(0, span.start - 60) : span.start]
    if _NAMING.search(before) or _NAMED.search(before):
        return True
    after = text[span.end : span.end + 30]
    if re.match(r"\s*(?:signs?|banners?|placards?|posters?|slogans?|hashtags?)\b", after):
        return True  # "Where is David Cameron?" sign
    inner = inner_text(text, span)
    short = len(inner.split()) <= 4 and not re.search(r"[.,!?]", inner)
    if short and re.search(r"[A-Z][\w'-]+\s+(?:of|from|at)\s$", before):
        return True  # Anna Franowska of "Have no fear": an organisation's name
    nickname = re.search(r"(?<![.!?]\s)\b[A-Z][\w'-]+\s$", before) and re.match(r"\s[A-Z]", after)
    return bool(nickname and len(inner.split()) <= 2 and not re.search(r"[.,!?]", inner))


def _modifier(text: str, span: Span) -> bool:
    """Tell whether a span stands between a determiner and a noun (the "one country" model)."""
    before = text[max(0, span.start - 10) : span.start]
    noun = re.match(r"\s+([a-z][\w-]+)", text[span.end : span.end + 30])
    return bool(
        re.search(r"(?<![\w-])(?:the|a|an|its|their|his|her|our)\s+$", before, re.IGNORECASE)
        and noun and not VERB.fullmatch(noun.group(1)) and noun.group(1) not in names_module.FUNCTION_WORDS
    )


def _title_case(inner: str) -> bool:
    """Tell whether every word of a span is capitalised (a title or a name: "The Lion Man")."""
    if inner.rstrip()[-1:] in ",!?" and len(inner.split()) == 1:
        return False  # "No," / "Why?": speech
    words = [w for w in tokens.words(inner) if w[0].isalpha()]
    small = {"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "or"}
    return bool(words) and words[0][0].isupper() and all(w[0].isupper() or w in small for w in words)


def _adjacent_cue(text: str, span: Span) -> bool:
    """Tell whether a cue stands right next to a span: within three words before, or just after."""
    before = re.split(r"[.!?\n]", text[max(0, span.start - 60) : span.start])[-1]
    before = " ".join(before.split()[-3:])
    if re.search(r"\b(?:referred\s+to|known)\s+as$", before):
        return False  # "referred to as "The Lion Man"": a nickname
    after = text[span.end : span.end + 60]
    lead = LEAD.match(after).end()
    subject = r"(?:(?:[A-Z][\w.'-]*|he|she|they|it|the|a|an|has|have|had|was|is|also|then|[a-z]+ly)\s+){0,5}?"
    return bool(_CUE.search(before)) or bool(re.match(subject + _CUE.pattern, after[lead:]))


def _own_sentence(inner: str) -> bool:
    """Tell whether quoted words read as a sentence: a capital first, , . ! ? last ("No.")."""
    words = inner.strip()
    return bool(words) and words[0].isupper() and words[-1] in ",.!?"


def _speech_cue(text: str, span: Span, paired: list[Span], sentences: list, starts: list) -> bool:
    """Tell whether the span's sentence has a speech cue outside quotation marks, or a colon."""
    first = _sentence_index(starts, span.start)
    last = _sentence_index(starts, max(span.start, span.end - 1))
    low, high = sentences[first][0], sentences[last][1]
    if re.search(r":\s*$", text[low : span.start]):
        return True
    outside, pos = [], low
    i = max(0, bisect.bisect_left(paired, (low,)) - 1)
    while i < len(paired) and paired[i].start < high:
        other = paired[i]
        i += 1
        if other.end <= low:
            continue
        outside.append(text[pos : max(pos, other.start)])
        pos = max(pos, other.end)
    outside.append(text[pos:high])
    return _CUE.search(" ".join(outside)) is not None


def inner_text(text: str, span: Span) -> str:
    """Return the quoted words of a quotation, without its marks."""
    return text[span.start + 1 : span.end - 1 if span.closed else span.end]


def word_count(quote: str) -> int:
    """Count word tokens (not punctuation, not the clitic 's)."""
    return sum(1 for t in tokens.words(quote) if tokens.is_word(t) and t not in ("'s", "’s"))
