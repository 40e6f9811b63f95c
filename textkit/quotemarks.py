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
  outside quotation marks, has no speech cue (a reporting verb of
  :data:`textkit.quotewords.VERBS`, "according to", or a colon just before the mark): scare
  quotes and titles ("the "deal" is off", "the film "Parasite"") are not speech, while "Putin
  warned of "military-technical measures"" is; a short span *is* listed when its sentence has a
  quotation listed on its own merits (her "passion" for the hobby "stemmed through my love for
  Halloween").

Single marks outside the double ones (in a document whose primary marks are double) pair too,
when closed within their paragraph (he had ordered 'heightened alert').

The words of reported speech -- the reporting verbs, the speech cues and the naming words --
live in :mod:`textkit.quotewords`; ``VERBS``, ``CUES`` and ``NAMING`` are re-exported here.
Quotations' words are counted in :mod:`textkit.quotedwords` (:func:`word_count` is re-exported).

:func:`spans` lists the quotations of a text (``textkit.quotes.spans`` is the same function);
:func:`quotations` does it on paragraphs and sentences already split, and
:func:`counted_quotations` counts their words too, for :func:`textkit.referents.build`.
Everything is linear in the text: one pass for the marks and bisection for every look-up.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import pandas as pd

from textkit import names as names_module
from textkit import quotedwords, sentencesplit
from textkit.alternation import trie
from textkit.quotewords import CUES, NAMING, VERB
from textkit.quotewords import VERBS  # noqa: F401  (re-exported: quotemarks.VERBS, as before)
from textkit.quotedwords import word_count  # noqa: F401  (re-exported, as before)

_NAMING = re.compile(r"(?<![\w-])(?:" + trie(NAMING) + r")[\s,:]*$", re.IGNORECASE)
_LONGEST_NAMING = max(map(len, NAMING))
#: The words that end a naming phrase of :data:`_NAMED` ("a film called", "a sign saying").
_NAMED_END = re.compile(r"(?:called|saying|reading|said|read)\Z", re.IGNORECASE)
_NAMED = re.compile(
    r"(?:\b(?:a|an|the)\s+[\w-]+|\b(?:is|was|be|been|are|were))\s+called[\s,:]*$"
    r"|\b(?:banners?|signs?|placards?|posters?|t-shirts?|shirts?|flags?)\b[^.\"]{0,40}?"
    r"\s(?:saying|reading|that\s+(?:said|read))[\s,:]*$",
    re.IGNORECASE,
)
_CUE = re.compile(r"(?<![\w'’-])(?:" + trie(CUES + ("According",)) + r")(?![\w'’-])")

#: The spaces and punctuation between a closing mark and the words after it.
LEAD = re.compile(r"[\s,;-]*")
_DOUBLE_OPEN, _DOUBLE_CLOSE = "\u201c\u201e\u201f", "\u201d"
_SINGLE_OPEN = "\u2018\u201a\u201b"
_OPENING = _DOUBLE_OPEN + _SINGLE_OPEN
#: What may stand before a straight mark that opens, and after one that closes (besides space).
_OPENS_AFTER = "([{-\u2013\u2014/" + _OPENING
_CLOSES_BEFORE = ".,;:!?)]}-\u2013\u2014/\u201d\u2019\"'"
#: The marks of each kind. An apostrophe between two word characters ("don't") is left out of
#: the single ones: :func:`_flanking` would find it neither opens nor closes and drop it.
_MARK_CHARS = {
    "double": re.compile('["\u201c\u201d\u201e\u201f]'),
    "single": re.compile("['\u2018\u2019\u201a\u201b](?:(?<=[\u2018\u201a\u201b])|(?<!\\w.)|(?!\\w))"),
}
_ELISIONS = re.compile(r"(?:em|til|cause|tis|twas|n|bout|round|\d)\b", re.IGNORECASE)
_AFTER_S = re.compile(r"\s+[a-z]")
_TWO_ALNUM = re.compile(r"[^\W_].*?[^\W_]", re.DOTALL)  # two letters or digits
_PUNCTUATION = re.compile(r"[.,!?]")
_LABEL_AFTER = re.compile(r"\s*(?:signs?|banners?|placards?|posters?|slogans?|hashtags?)\b")
_NAME_OF_BEFORE = re.compile(r"[A-Z][\w'-]+\s+(?:of|from|at)\s$")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'-]+\s$")
_CAPITAL_AFTER = re.compile(r"\s[A-Z]")
_NOUN_AFTER = re.compile(r"\s+([a-z][\w-]+)")
_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?:the|a|an|its|their|his|her|our)\s+$", re.IGNORECASE)
_SENTENCE_STOP = re.compile(r"[.!?\n]")
_NICKNAMED = re.compile(r"\b(?:referred\s+to|known)\s+as$")
_CUE_AFTER = re.compile(
    r"(?:(?:[A-Z][\w.'-]*|he|she|they|it|the|a|an|has|have|had|was|is|also|then|[a-z]+ly)\s+){0,5}?"
    + _CUE.pattern
)


# --------------------------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------------------------


class Mark(NamedTuple):
    """A quotation mark and what it can do: ``open``, ``close`` or ``either`` (the pairing reads
    marks as plain ``(pos, role)`` tuples in this order: :func:`_marks`)."""

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
    paragraphs = sentencesplit.paragraph_spans(text)
    found = quotations(text, paragraphs, sentencesplit.sentence_spans(text))
    return pd.DataFrame(found, columns=list(Span._fields)).astype(
        {"start": "int64", "end": "int64", "closed": bool, "continued": bool}
    )


def quotations(text: str, paragraphs: list, sentences: list) -> list[Span]:
    """Pair the marks of each paragraph and keep the spans that are quotations: :func:`spans` as
    :class:`Span` records, for a text whose paragraphs and sentences are already split
    (``(start, end)`` pairs of :func:`textkit.sentencesplit.paragraph_spans` and
    :func:`textkit.sentencesplit.sentence_spans`)."""
    return counted_quotations(text, paragraphs, sentences)[0]


def counted_quotations(text: str, paragraphs: list,
                       sentences: list) -> tuple[list[Span], list[int]]:
    """:func:`quotations`, and the :func:`word_count` of each one's :func:`inner_text` (the same
    as of the quotation on one line without a final comma: only spaces and a comma token differ),
    counted with the verdicts (:func:`textkit.quotedwords.counted`)."""
    marks = {kind: _marks(text, kind) for kind in ("double", "single")}
    primary = _primary(marks)
    other = "single" if primary == "double" else "double"
    offsets = {kind: [pos for pos, _ in found] for kind, found in marks.items()}
    paired = []
    for p_start, p_end in paragraphs:
        ours = _within(marks[primary], offsets[primary], p_start, p_end)
        others = _within(marks[other], offsets[other], p_start, p_end)
        if ours or others:  # half the paragraphs of a novel have no marks
            found = _pair(text, ours, p_end)
            paired.extend(sorted(found + _secondary(text, others, p_end, other, found)))
    paired = _continuations(text, paired, paragraphs)
    counts = quotedwords.counted(text, [(s.start + 1, _inner_end(s)) for s in paired])
    starts = [s for s, _ in sentences]
    verdicts = [_verdict(text, s, c, paired, sentences, starts) for s, c in zip(paired, counts)]
    long_in = {_sentence_index(starts, s.start) for s, v in zip(paired, verdicts) if v == "yes"}
    kept = [
        (s, words) for s, v, (words, _) in zip(paired, verdicts, counts)
        if v == "yes" or (v == "short" and _sentence_index(starts, s.start) in long_in)
    ]
    return [s for s, _ in kept], [words for _, words in kept]


def _within(marks: list[tuple], offsets: list[int], start: int, end: int) -> list[tuple]:
    """The marks between two offsets (``offsets`` are the marks' positions, sorted)."""
    return marks[bisect.bisect_left(offsets, start) : bisect.bisect_left(offsets, end)]


def _secondary(text: str, marks: list[tuple], p_end: int, other: str,
               found: list[Span]) -> list[Span]:
    """Closed spans in the other kind of marks (``marks``, those of one paragraph) outside the
    primary ones (``found``): 'heightened alert'."""
    if not marks:
        return []
    inside = [(s.start, s.end) for s in found]
    marks = [(pos, role) for pos, role in marks if (other == "double" or role != "either")
             and not any(a <= pos < b for a, b in inside)]
    return [s for s in _pair(text, marks, p_end) if s.closed]


def _sentence_index(starts: list, pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _primary(marks: dict) -> str:
    """Return ``"single"`` when single marks open more quotations than double ones, else
    ``"double"`` (``marks``: the text's marks of each kind, from :func:`_marks`)."""
    singles = sum(1 for _, role in marks["single"] if role == "open")
    doubles = sum(1 for _, role in marks["double"] if role != "close")
    return "single" if singles > doubles else "double"


def _marks(text: str, kind: str) -> list[tuple[int, str]]:
    """Return the marks of one kind (``"double"`` or ``"single"``) in the text, with their roles:
    ``(pos, role)`` as in :class:`Mark`, as plain tuples (a text has many marks; the garbage
    collector soon stops tracing a plain tuple, never a named one). A mark's role depends only on
    its neighbours, so the text is read once for all paragraphs."""
    found = []
    for match in _MARK_CHARS[kind].finditer(text):
        char, pos = match.group(), match.start()
        if char in _OPENING:
            role = "open"
        elif char == _DOUBLE_CLOSE:
            role = "close"
        else:
            role = _flanking(text, pos, kind)
        if role:
            found.append((pos, role))
    return found


def _flanking(text: str, pos: int, primary: str) -> str:
    """Tell what a straight mark (or ’) does from its neighbours: open, close, either or ""."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    left = before.isspace() or before in _OPENS_AFTER
    right = after.isspace() or after in _CLOSES_BEFORE
    if left and not right:
        role = "open"
    elif right and not left:
        role = "close"
    else:
        role = "either"
    if primary == "single":  # an apostrophe is not a mark: don't, '90s, 'em, the players' union
        if role == "either" or (role == "open" and _ELISIONS.match(text, pos + 1)):
            return ""
        if role == "close" and before in "sS" and _AFTER_S.match(text[pos + 1 : pos + 3]):
            return ""
    return role


def _pair(text: str, marks: list[tuple], p_end: int) -> list[Span]:
    """Pair the marks ``(pos, role)`` of one paragraph; an opening mark while one is open ends
    the open one."""
    found, opened = [], None
    for pos, role in marks:
        if opened is None:
            if role != "close":  # a stray closing mark opens nothing
                opened = pos
        elif role == "open":
            found.append(Span(opened, _text_end(text, opened, pos), False))
            opened = pos
        else:
            found.append(Span(opened, pos + 1, True))
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
        result.append(Span(span.start, span.end, span.closed, True) if continues else span)
    return result


def pair_index(pairs: list, pos: int) -> int:
    """Return the index of the (start, end) pair containing ``pos`` (pairs sorted by start; -1
    before the first): the paragraph of an offset."""
    return bisect.bisect_right(pairs, (pos, float("inf"))) - 1


def _verdict(text: str, span: Span, counts: tuple[int, bool], paired: list[Span], sentences: list,
             starts: list) -> str:
    """Apply the "not quotations" rules of the module notes: ``yes``, ``no`` or ``short``
    (``counts``: the span's words and whether they read as a title, from
    :func:`textkit.quotedwords.counted`).

    ``short`` is a short span with no speech cue: kept only when its sentence has a quotation
    that is kept on its own (a partial quotation next to a full one).
    """
    inner = inner_text(text, span)
    if not _TWO_ALNUM.search(inner) or _named(text, span, inner):
        return "no"
    if span.continued or not span.closed:
        return "yes"
    words, title_case = counts
    if title_case and words <= 6 and not _one_word_speech(inner):
        return "yes" if _adjacent_cue(text, span) else "no"
    cue = _speech_cue(text, span, paired, sentences, starts)
    if _modifier(text, span) and not cue:
        return "no"
    if words > 3 or _own_sentence(inner) or cue:
        return "yes"
    return "short"


def _named(text: str, span: Span, inner: str) -> bool:
    """Tell whether a span (quoting ``inner``) is used as a name: after a naming phrase, as a
    nickname or a label."""
    before = text[max(0, span.start - 60) : span.start]
    if _naming_before(before):
        return True
    after = text[span.end : span.end + 30]
    if _LABEL_AFTER.match(after):
        return True  # "Where is David Cameron?" sign
    words = len(inner.split())
    short = words <= 4 and not _PUNCTUATION.search(inner)
    if short and _NAME_OF_BEFORE.search(before):
        return True  # Anna Franowska of "Have no fear": an organisation's name
    if not (short and words <= 2):
        return False
    return bool(_CAPITAL_AFTER.match(after) and _NAME_BEFORE.search(before))  # Pasquale "Pat" Di Cicco


def _naming_before(before: str) -> bool:
    """Tell whether ``before`` ends with a naming word or phrase (:data:`_NAMING`,
    :data:`_NAMED`), then spaces, commas or colons.

    Both patterns end in ``[\\s,:]*$``, so their words end where those characters start: the
    search for :data:`_NAMING` starts at most its longest phrase earlier, and :data:`_NAMED`
    is tried only when its last word is there (the same answer, with far fewer positions tried).
    """
    end = len(before)
    while end and (before[end - 1].isspace() or before[end - 1] in ",:"):
        end -= 1
    if _NAMING.search(before, max(0, end - _LONGEST_NAMING)):
        return True
    return bool(_NAMED_END.search(before, max(0, end - 7), end) and _NAMED.search(before))


def _modifier(text: str, span: Span) -> bool:
    """Tell whether a span stands between a determiner and a noun (the "one country" model)."""
    before = text[max(0, span.start - 10) : span.start]
    noun = _NOUN_AFTER.match(text[span.end : span.end + 30])
    return bool(
        _DETERMINER_BEFORE.search(before)
        and noun and not VERB.fullmatch(noun.group(1)) and noun.group(1) not in names_module.FUNCTION_WORDS
    )


def _one_word_speech(inner: str) -> bool:
    """Tell whether quoted words are one word ending in , ! or ? ("No," / "Why?"): speech, even
    when capitalised like a title."""
    return inner.rstrip()[-1:] in ",!?" and len(inner.split()) == 1


def _adjacent_cue(text: str, span: Span) -> bool:
    """Tell whether a cue stands right next to a span: within three words before, or just after."""
    before = _SENTENCE_STOP.split(text[max(0, span.start - 60) : span.start])[-1]
    before = " ".join(before.split()[-3:])
    if _NICKNAMED.search(before):
        return False  # "referred to as "The Lion Man"": a nickname
    after = text[span.end : span.end + 60]
    lead = LEAD.match(after).end()
    return bool(_CUE.search(before)) or bool(_CUE_AFTER.match(after[lead:]))


def _own_sentence(inner: str) -> bool:
    """Tell whether quoted words read as a sentence: a capital first, , . ! ? last ("No.")."""
    words = inner.strip()
    return bool(words) and words[0].isupper() and words[-1] in ",.!?"


def _speech_cue(text: str, span: Span, paired: list[Span], sentences: list, starts: list) -> bool:
    """Tell whether the span's sentence has a speech cue outside quotation marks, or a colon."""
    first = _sentence_index(starts, span.start)
    last = _sentence_index(starts, max(span.start, span.end - 1))
    low, high = sentences[first][0], sentences[last][1]
    if ends_with_colon(text, low, span.start):
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
    return text[span.start + 1 : _inner_end(span)]


def _inner_end(span: Span) -> int:
    """Where the quoted words of a quotation end: at its closing mark, or at its end."""
    return span.end - 1 if span.closed else span.end


def ends_with_colon(text: str, low: int, high: int) -> bool:
    """Tell whether ``text[low:high]``, less its final whitespace, ends with a colon (what
    ``re.search(r":\\s*$", text[low:high])`` tells, without copying the text).

    >>> ends_with_colon("He said: \\n", 0, 10), ends_with_colon("He said: no", 0, 11)
    (True, False)
    """
    end = high
    while end > low and text[end - 1].isspace():
        end -= 1
    return end > low and text[end - 1] == ":"
