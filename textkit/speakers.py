"""Name the speaker of each quotation: the subject of a reporting verb next to it, in the text.

**Speakers** come from the text, not from the dictionary (:mod:`textkit.names` finds names;
the actor dictionary only *links* them, see :mod:`textkit.referents`). For each quotation, in
this order:

1. **after** -- right after the closing mark, within its clause: ``<subject> <verb>`` or
   ``<verb> <subject>`` ("…," Ann Clarke said / said Ann Clarke / the minister told a local
   paper), allowing auxiliaries and adverbs ("has also warned") and words describing the
   subject ("SpaceX founder Elon Musk told"). A quotation ending in a full stop takes a
   following ``<subject> <verb>`` only when the sentence ends within four words ("…." he
   said.). "According to X" after a quotation names a source, so a speaker found before the
   quotation (rule 2) goes first;
2. **before** -- the last reporting verb between the start of the quotation's sentence (or the
   end of the previous quotation, if later) and the opening mark that has a subject: before it
   ("Kremlin spokesman Dmitry Peskov told reporters that …"; "Ann Clarke, 45, a teacher,
   said"; "Toronto Police, which indicated"), after it ("said Medvedev:", "according to
   eyewitness Vinnie DeVita,"; never after "told", "urged", "warned" …, whose object
   follows), or its agent ("described by Marine Bulletin as"; "he was told" names the listener
   and is skipped). Verbs in a dashed or bracketed aside are skipped ("said - as reported by
   Hurriyet -"). A participle or coordinated verb ("…, saying", "and said") and a colon ("X
   disagreed with these findings: …") take the sentence's subject, unless the previous
   quotation in the sentence has a speaker. A quotation that opens a paragraph after one
   ending with a colon looks in that colon's sentence;
3. **continued** -- the speaker of the quotation it continues (a multi-paragraph quotation),
   else of the reported speech just before it in its paragraph ("Zapata said, adding … . "It's
   an isometric exercise …""), else of the previous quotation in the paragraph, or -- for a
   quotation opening its paragraph -- of the previous paragraph's last quotation when no
   other person or organisation is named in between; else **none**.

Who a subject is -- a name in its fullest form, a role, a pronoun's antecedent, the dictionary
actor -- is :mod:`textkit.referents`' work; where the quotations are,
:mod:`textkit.quotemarks`'. :func:`attribute` is the entry; every look-up is a bisection.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from textkit import names as names_module
from textkit.quotemarks import LEAD, Span, ends_with_colon, pair_index
from textkit.quotewords import VERB
from textkit.referents import (
    DETERMINERS, OBJECT, Attribution, Document, Entity, Subject, apposition_person, descriptors,
    fullest, name_ahead, name_subject, person_in, remember, resolve, role_phrase,
)

_AUX = re.compile(
    r"(?:\s+(?:has|have|had|was|is|were|are|would|will|did|does|do|also|then|later|earlier|again"
    r"|once|further|previously|reportedly|repeatedly|recently|had|just|already|[a-z]+ly"
    r"|yesterday|today|tonight|on\s+[A-Z][a-z]+day|last\s+(?:week|month|year|night)|in\s+a\s+statement"
    r"|(?:went|goes|go)\s+on\s+to|continued\s+to|QC|KC|MP|MEP|OBE|MBE|CBE|PhD)|\s*\([^()]*\))*\s*$"
)
_CLAUSE_STOP = re.compile(r"[.;:!?\"“”]")
_PASSIVE = re.compile(r"\b(?:was|were|been|is|are|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_ASIDE = re.compile(r"\s[-\u2013\u2014]\s[^-\u2013\u2014\"“”]{1,80}?\s[-\u2013\u2014]\s|\([^()\"“”]{1,80}\)")
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev))$")
_TAKES_OBJECT = frozenset(
    """tell tells told telling urge urges urged urging warn warns warned warning ask asks asked
    asking inform informed remind reminded advise advised assure assured accuse accused blame
    criticise criticised criticize criticized praise praised welcome welcomed condemn condemned
    slam slammed blast blasted hail hailed denounce denounced decry decried call calls called
    calling quote quoted describe describes described describing brand branded term termed
    label labelled labeled characterise characterised characterize characterized""".split()
)
_PRONOUN = re.compile(r"(?<![\w'’-])(he|she|it|they)$", re.IGNORECASE)
_PRONOUN_AHEAD = re.compile(r"(he|she|it|they)(?![\w'’-])", re.IGNORECASE)
_NOT_BEFORE_ROLE = frozenset("of for at from in with to on within during by after before".split()) | DETERMINERS
_BOUNDARIES = frozenset(
    """that and but or while as when where who whom which because if after before though although
    so then also than since until whether nor""".split()
)
_FINAL_STOP = re.compile(r"[.!?…][\])]*\s*$")
_TO_STOP = re.compile(r"[^.;!?]*[.;!?]")
_THAT = re.compile(r"\bthat\b")
_CHUNK = re.compile(r"[^,;:.!?\"“”()]{0,80}")
_AGENT = re.compile(r"(?:\s+[a-z]+){0,2}?\s+by\s+")
_AS_END = re.compile(r"\s+as\s*$")
_BE_END = re.compile(r"\b(?:is|are|was|were|been|be)\s+$")
_AND_END = re.compile(r"\b(?:and|but|then)\s*$")
_PRONOUN_FIRST = re.compile(r"\s*(he|she|they|it)\b", re.IGNORECASE)
_PARTICIPLE_FIRST = re.compile(r"\s*[A-Z][a-z]+ing\b")
_ONLY_COLON = re.compile(r"\s*[:,]?\s*$")
_CLAUSE_MARKS = re.compile(r"[,;:()\"“”]")
_RELATIVE_END = re.compile(r",\s*(which|who)$")
_COMMA_END = re.compile(r",\s*$")
_CAPITALISED_END = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+)$")


def attribute(document: Document) -> list[Attribution]:
    """Attribute the quotations of one document in order (the rules of the module notes).

    Parameters
    ----------
    document : Document
        The look-ups of one document, from :func:`textkit.referents.build`.

    Returns
    -------
    list of Attribution
        One per quotation of ``document.spans``, in the same order: the speaker's
        :class:`~textkit.referents.Entity` (``None`` when none was found), the words naming it
        next to the quotation, the reporting verb as written and how it was found (``after``,
        ``before``, ``pronoun``, ``continued`` or ``none``).
    """
    history = []
    for index, span in enumerate(document.spans):
        found = _after(document, index, span)
        if found is None or found.verb.lower() == "according to":  # a source yields to a speaker
            before = _before(document, index, span, history)
            found = before if found is None or before.entity is not None else found
        if found.entity is None and found.how == "none":
            found = _continued(document, index, span, history, found.verb)
        if found.entity is not None and found.how in ("after", "before", "pronoun"):
            remember(document, found.entity)
        history.append(found)
    return history


# --------------------------------------------------------------------------------------------
# Rule 1: after the quotation
# --------------------------------------------------------------------------------------------


def _after(document: Document, index: int, span: Span) -> Attribution | None:
    """Rule 1: ``<subject> <verb>`` or ``<verb> <subject>`` right after the closing mark."""
    if not span.closed:
        return None
    text = document.text
    limit = _limit(document, index, span.end)
    lead = LEAD.match(text, span.end, limit).end()
    if lead >= limit or text[lead] in ".!?":
        return None  # the sentence ended with the quotation
    final_stop = _FINAL_STOP.search(text, span.start + 1, span.end - 1)  # inside the marks
    strict = final_stop is not None and "," not in text[span.end : lead]
    clause = _clause_end(text, lead, limit)
    verb = next(_verbs(text, lead, clause), None)  # the first: the rest of the clause is not read
    if verb is None or len(text[lead : verb.start()].split()) > 12:
        return None
    if verb.start() == lead:
        if verb.group(1).lower() in _TAKES_OBJECT:
            return None
        subject = _subject_inverted(document, verb.end(), clause, roles=True)
    else:
        subject = _subject_behind(document, verb.start(), lead)
        if subject is not None and not descriptors(text[lead : subject.start]):
            subject = None
    if subject is None or not _ends_clause(text, max(subject.end, verb.end()), limit, strict):
        return None
    return resolve(document, subject, verb.group(1), "after")


def _limit(document: Document, index: int, pos: int) -> int:
    """Return where the text after ``pos`` stops counting: the next quotation or paragraph end."""
    p = pair_index(document.paragraphs, pos)
    limit = document.paragraphs[p][1] if p >= 0 else len(document.text)
    if index + 1 < len(document.spans):
        limit = min(limit, document.spans[index + 1].start)
    return max(limit, pos)


def _clause_end(text: str, pos: int, limit: int) -> int:
    """Return the end of the clause from ``pos``: a sentence stop, semicolon, colon or mark."""
    for match in _CLAUSE_STOP.finditer(text, pos, limit):
        if match.group() == "." and _ABBREVIATED.search(text[max(0, match.start() - 5) : match.start()]):
            continue  # "Dr. Smith", "George W. Bush", "U.S."
        return match.start()
    return limit


def _ends_clause(text: str, pos: int, limit: int, strict: bool) -> bool:
    """After a quotation ending in a full stop, the attribution must end its sentence within four
    words ("…." he said.): "…." Ann Clarke said "…" introduces the next quotation instead."""
    if not strict:
        return True
    rest = _TO_STOP.match(text[pos:limit])
    return rest is not None and len(rest.group().split()) <= 4 and not _THAT.search(rest.group())


def _skip_space(text: str, pos: int, limit: int) -> int:
    """Return the first position from ``pos`` that is not whitespace (at most ``limit``)."""
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _subject_inverted(document: Document, pos: int, limit: int, *, roles: bool):
    """The subject after an inverted verb, in this order: a pronoun ("said he"); a person named
    before the first comma ("said study co-author Professor Carl Lipo"); a name right there
    ("said the NTSB"); a role ("said his father", "according to police"), or the person named
    in the apposition after it ("said his father, Abdullah Kurdi,").
    """
    text = document.text
    pos = _skip_space(text, pos, limit)
    pronoun = _PRONOUN_AHEAD.match(text, pos, limit)
    if pronoun:
        return Subject(pronoun.start(), pronoun.end(), pronoun.group(1), "pronoun")
    end = min(_clause_end(text, pos, limit), pos + 200)
    comma = text.find(",", pos, end)
    person = person_in(document, pos, comma if comma >= 0 else end)
    if person is not None:
        return name_subject(document, person)
    name = name_ahead(document, pos, limit)
    if name is not None and not apposition_person(document, name.end, end):
        return name_subject(document, name)
    if roles:
        chunk = _CHUNK.match(text[pos:limit]).group().rstrip()
        phrase = role_phrase(chunk, leading=True) or (role_phrase(chunk) if len(chunk.split()) <= 5 else "")
        renamed = apposition_person(document, pos + len(chunk), end) if phrase or name else None
        if renamed is not None:
            return name_subject(document, renamed)
        if phrase:
            return Subject(pos, pos + len(phrase), phrase, "role")
    return name_subject(document, name) if name is not None else None


# --------------------------------------------------------------------------------------------
# Rule 2: before the quotation, in its sentence
# --------------------------------------------------------------------------------------------


def _before(document: Document, index: int, span: Span, history: list) -> Attribution:
    """Rule 2: the last reporting verb with a subject in the quotation's sentence, before it."""
    text = document.text
    floor = _window_start(document, index, span)
    verb_seen, dependent = "", False
    verbs = list(_verbs(text, floor, span.start))
    asides = [m.span() for m in _ASIDE.finditer(text, floor, span.start)] if verbs else []
    for verb in reversed(verbs):
        word = verb.group(1)
        if any(a <= verb.start() < b for a, b in asides):
            continue  # "Erdogan said - as reported by Hurriyet Daily News - "…""
        verb_seen = verb_seen or word
        subject = _verb_subject(document, verb, floor, span.start)
        if subject is False:
            continue  # a passive without its agent ("he was told"): not the speaker
        if subject is not None:
            return resolve(document, subject, word, "before")
        dependent = dependent or _dependent(text, verb, floor)
    colon = ends_with_colon(text, floor, span.start)
    if (dependent or colon) and not _same_sentence(document, index, span, history):
        subject = _sentence_subject(document, span.start) or _subject_after_opening(document, floor, span)
        if subject is not None:
            return resolve(document, subject, verb_seen, "before")
    return Attribution(None, "", verb_seen, "none")


def _verbs(text: str, low: int, high: int) -> Iterator[re.Match]:
    """The reporting verbs between two offsets, in text order, found as they are asked for; a
    capitalised one only at a sentence start ("Said Clarke: …", "According to …"), so "The
    Washington Post" has no verb."""
    found = VERB.finditer(text, low, high)
    return (v for v in found if v.group()[0].islower() or _starts_sentence(text, v.start()))


def _starts_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def _verb_subject(document: Document, verb: re.Match, floor: int, limit: int):
    """The subject of one reporting verb before a quotation; False when it is not the speaker.

    A participle or a coordinated verb ("…, saying", "and said") has its subject earlier in the
    sentence (None here); a passive's speaker is its agent ("described by Marine Bulletin as"),
    and a passive without one ("he was told") names the listener (False).
    """
    text = document.text
    if verb.group(1).lower() == "according to":
        return _subject_inverted(document, verb.end(), limit, roles=True)
    agent = _AGENT.match(text[verb.end() : limit])
    if agent and (verb.group(1).lower().endswith("ed") or verb.group(1).lower() in ("told", "written")):
        return _subject_inverted(document, verb.end() + agent.end(), limit, roles=True) or False
    if not verb.group(1).lower().endswith("ing") and _PASSIVE.search(text, max(floor, verb.start() - 30), verb.start()):
        return False
    if _dependent(text, verb, floor):
        name = document.name_ending(len(_AS_END.sub("", text[floor : verb.start()].rstrip())) + floor)
        if verb.group(1).lower().endswith("ing") and name is not None and name.start >= floor:
            return name_subject(document, name)  # "with Zinichev describing", "quoted Erdogan as saying"
        return None
    subject = _subject_behind(document, verb.start(), floor)
    return subject if subject is not None else _inverted_before(document, verb.end(), limit, verb.group(1))


def _dependent(text: str, verb: re.Match, floor: int) -> bool:
    """Tell whether a verb has its subject earlier in the sentence ("…, saying", "and said")."""
    before = text[floor : verb.start()]
    if verb.group(1).lower().endswith("ing"):
        return not _BE_END.search(before)
    return _AND_END.search(before) is not None


def _same_sentence(document: Document, index: int, span: Span, history: list) -> bool:
    """Tell whether the previous quotation, with a speaker, is in this quotation's sentence."""
    if not index or history[-1].entity is None:
        return False
    return document.sentence_of(document.spans[index - 1].start) == document.sentence_of(span.start)


def _sentence_subject(document: Document, pos: int):
    """The subject of the sentence before ``pos``: a pronoun first, or its first name not after a preposition."""
    text = document.text
    low = document.sentences[document.sentence_of(pos) - 1][0]
    pronoun = _PRONOUN_FIRST.match(text[low:pos])
    if pronoun:
        return Subject(low + pronoun.start(1), low + pronoun.end(1), pronoun.group(1), "pronoun")
    i = bisect.bisect_left(document.name_starts, low)
    while i < len(document.names) and document.names[i].start < pos:
        name = document.names[i]
        i += 1
        if document.inside_quote(name.start) or name.kind == "place":
            continue
        if not OBJECT.search(text, max(low, name.start - 25), name.start):
            return name_subject(document, name)
    return None


def _subject_after_opening(document: Document, floor: int, span: Span):
    """For "Calling it "…", Anna Franowska told …": the first name after the quotation in its
    sentence, when the sentence opens with a participle."""
    text = document.text
    low = document.sentences[document.sentence_of(span.start) - 1][0]
    if not _PARTICIPLE_FIRST.match(text[low : span.start]):
        return None
    high = document.sentences[document.sentence_of(span.start) - 1][1]
    i = bisect.bisect_left(document.name_starts, span.end)
    if i < len(document.names) and document.names[i].start < high and document.names[i].kind != "place":
        return name_subject(document, document.names[i])
    return None


def _window_start(document: Document, index: int, span: Span) -> int:
    """Where rule 2 looks from: the sentence start, after the previous quotation, or the colon."""
    s = document.sentence_of(span.start) - 1
    floor = document.sentences[s][0] if document.sentences else 0
    p = pair_index(document.paragraphs, span.start)
    if p > 0 and span.start == document.paragraphs[p][0]:
        previous_end = document.paragraphs[p - 1][1]
        if ends_with_colon(document.text, 0, previous_end):
            floor = document.sentences[document.sentence_of(previous_end - 1) - 1][0]
    if index > 0:
        floor = max(floor, document.spans[index - 1].end)
    return floor


def _inverted_before(document: Document, pos: int, limit: int, verb: str = "said"):
    """A subject right after a verb and followed by a colon or comma ("said Medvedev:"); never
    after a verb whose object follows it ("told Reuters", "urged", "warned")."""
    if verb.lower() in _TAKES_OBJECT:
        return None
    subject = _subject_inverted(document, pos, limit, roles=False)
    if subject is None or not _ONLY_COLON.match(document.text[subject.end : limit]):
        return None
    return subject


def _subject_behind(document: Document, verb_start: int, floor: int):
    """Find the subject just before a verb (see the module notes for the order)."""
    text = document.text
    chunk = text[floor:verb_start]
    stripped = chunk[: _AUX.search(chunk).start()]
    end = floor + len(stripped)
    name = document.name_ending(end)
    if name is not None and name.start >= floor:
        return name_subject(document, name)
    pronoun = _PRONOUN.search(stripped)
    if pronoun:
        return Subject(floor + pronoun.start(), end, pronoun.group(1), "pronoun")
    role = _role_behind(stripped)
    if role:
        return Subject(end - len(role), end, role, "role")
    return _apposed(document, stripped, floor) or _bare_word(document, stripped, floor)


def _role_behind(stripped: str) -> str:
    """The role right before a verb: the longest role phrase ending there, within its clause
    ("a Downing Street spokesman"; "its source" in "Znak.com reported its source said")."""
    if stripped.rstrip().endswith(","):
        return ""
    clause = _CLAUSE_MARKS.split(stripped)[-1]
    words = clause.split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _BOUNDARIES), default=0)
    for start in range(max(cut, len(words) - 7), len(words)):
        if start > cut and words[start - 1].lower() in _NOT_BEFORE_ROLE:
            continue  # "In a statement posted": the object of a preposition is not a subject
        phrase = role_phrase(" ".join(words[start:]))
        if phrase:
            return phrase if stripped.rstrip().endswith(phrase) else ""
    return ""


def _apposed(document: Document, stripped: str, floor: int):
    """A name renamed or described between commas before the verb.

    "spokesperson, Steffen Seibert, said" (a name between commas), "Cruz, in remarks to ABC,
    said" (a name before an apposition) and "Toronto Police, which indicated" (a relative
    clause's antecedent).
    """
    trimmed = stripped.rstrip()
    relative = _RELATIVE_END.search(trimmed)
    if relative:
        return _antecedent_of_relative(document, floor, floor + relative.start(), relative.group(1))
    if not trimmed.endswith(","):
        return None
    name = document.name_ending(floor + len(trimmed) - 1)
    if name is not None and name.start >= floor and _COMMA_END.search(document.text[floor : name.start]):
        return name_subject(document, name)
    for comma in reversed([m.start() for m in re.finditer(",", trimmed[:-1])]):
        if len(trimmed) - comma > 200:
            break
        name = document.name_ending(floor + len(trimmed[:comma].rstrip()))
        if name is not None and name.start >= floor and name.kind != "place":
            return name_subject(document, name)
    return None


def _antecedent_of_relative(document: Document, floor: int, pos: int, pronoun: str):
    """The name a relative clause is about: the nearest person before "who" ("Mark Hay, a marine
    ecologist at GT, who said"), the nearest name before "which" ("Toronto Police, which")."""
    i = bisect.bisect_left(document.name_ends, pos + 1) - 1
    while i >= 0 and document.names[i].start >= floor:
        name = document.names[i]
        i -= 1
        if pronoun == "which" or name.kind == "person":
            return name_subject(document, name)
    return None


def _bare_word(document: Document, stripped: str, floor: int):
    """A capitalised word the name finder left out, right before the verb ("Mendez once told")."""
    word = _CAPITALISED_END.search(stripped)
    if word is None or word.group(1).lower() in names_module.FUNCTION_WORDS:
        return None
    start = floor + word.start(1)
    entity = Entity(start, start + len(word.group(1)), word.group(1), fullest(document, word.group(1)), "", "unknown")
    return Subject(entity.start, entity.end, entity.text, "name", entity)


# --------------------------------------------------------------------------------------------
# Rule 3: the speaker it continues
# --------------------------------------------------------------------------------------------


def _continued(document: Document, index: int, span: Span, history: list, verb_seen: str) -> Attribution:
    """Rule 3: the speaker of the quotation this one continues, or of reported speech before it."""
    earlier = history[-1] if history else None
    previous = document.spans[index - 1] if index else None
    if span.continued and earlier is not None and earlier.entity is not None:
        return Attribution(earlier.entity, earlier.words, verb_seen or earlier.verb, "continued")
    p_start = document.paragraphs[pair_index(document.paragraphs, span.start)][0]
    same_paragraph = previous is not None and previous.start >= p_start
    reported = _reported(document, max(p_start, previous.end if same_paragraph else p_start), span.start)
    if reported is not None:
        return reported._replace(how="continued")
    if earlier is not None and earlier.entity is not None and (
        same_paragraph or _opens_paragraph_after(document, previous, span, earlier.entity)
    ):
        return Attribution(earlier.entity, earlier.words, verb_seen or earlier.verb, "continued")
    return Attribution(None, "", verb_seen, "none")


def _reported(document: Document, low: int, high: int) -> Attribution | None:
    """The last reporting verb with a subject between ``low`` and ``high`` (reported speech)."""
    for verb in reversed(list(_verbs(document.text, low, high))):
        if document.inside_quote(verb.start()):
            continue
        floor = max(low, document.sentences[document.sentence_of(verb.start()) - 1][0])
        subject = _verb_subject(document, verb, floor, high)
        if subject:
            return resolve(document, subject, verb.group(1), "continued")
    return None


def _opens_paragraph_after(document: Document, previous: Span, span: Span, speaker: Entity) -> bool:
    """A paragraph-opening quotation right after a paragraph whose last quotation had a speaker."""
    p = document.paragraph_of(span.start) - 1
    if span.start != document.paragraphs[p][0] or document.paragraph_of(previous.start) != p:
        return False
    i = bisect.bisect_left(document.name_starts, previous.end)
    while i < len(document.names) and document.names[i].start < span.start:
        other = document.names[i]
        if other.kind in ("person", "organisation") and other.speaker != speaker.speaker:
            return False
        i += 1
    return True
