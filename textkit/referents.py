"""Who the words naming a speaker refer to: a document's names linked to the dictionary, roles
and the persons or groups a pronoun means.

:func:`build` makes a :class:`Document` -- everything the attribution of one document looks
up, built once and read by bisection: its paragraphs, sentences and quotations with their word
counts (:func:`textkit.quotemarks.counted_quotations`) and its names
(:func:`textkit.names.records`) as :class:`Entity` records, linked to the dictionary's
mentions. :mod:`textkit.speakers` finds the words next to a reporting verb (a
:class:`Subject`); :func:`resolve` turns them into an :class:`Attribution`:

A subject is a **name** (the speaker is its fullest form in the document: "Clarke" -> "Ann
Clarke", titles in ``title``; the head of "Peter Iseley of victim group Ending Clergy Abuse"),
a **role** ("a Downing Street spokesman", "police", "a source within the Interior Ministry";
the speaker is the phrase without its article; "the minister" / "the party" is the nearest
earlier name with that word in its title or name, when there is one), or a **pronoun**,
whose quotation has ``attribution="pronoun"``: walking back from "he"/"she" over the persons
named outside quotation marks, the first one that is a subject (it opens its sentence or a
clause) or has spoken already, and is in the pronoun's paragraph or the one before or has
evidence of being someone (a title, a shorter reference, a dictionary actor); else the nearest
with evidence; else the nearest ("he" skips Mrs/Ms/Lady…, "she" skips Mr/Sir/Lord…).
"it"/"they" take organisations, places and groups ("police", "officials") the same way.

``actor`` links the speaker to the dictionary only when a mention (name, alias or metonym)
covers the speaker's name as written, the fullest form is a dictionary form, or a surname's
mention agrees with the given name ("Volodymyr Zelensky" and the alias "Zelensky" of
"Volodymyr Zelenskyy"): a quotation is never given to a dictionary actor when the text names
someone else.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from textkit import names as names_module
from textkit import sentencesplit
from textkit.quotemarks import counted_quotations
from textkit.quotewords import VERB

#: Words that open a role ("the minister", "a source", "his father").
DETERMINERS = frozenset("the a an one another two three several many some his her their its our".split())

#: A preposition, possessive or verb right before a name that makes it an object, not a subject.
OBJECT = re.compile(
    r"\b(?:to|of|in|at|by|for|with|from|on|about|his|her|their|its|our|congratulated|met|thanked)\s+$",
    re.IGNORECASE,
)

_CLAUSE_OPENING = re.compile(
    r"(?:,|\b(?:that|and|but|while|because|when|as|after|since|although|though|so|according to))\s+$",
    re.IGNORECASE,
)
_CHAIN = re.compile(r",?\s+(?:of|in|from|at|with)\s+(?:[a-z][\w-]*\s+){0,4}$")
_ROLE_CHAIN = re.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w-]*\s+){0,2}?(?:source|spokes(?:man|woman|person)|official|"
    r"member|head|director|chief|representative|officer|lawyer|employee)s?\s+(?:of|for|at|from|within|in|with)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}$"
)
_PREPOSITIONS = frozenset("of for at from in with to on within".split())
_GROUP_ROLES = frozenset(
    """police officials authorities government ministry company firm media agency
    department council committee board court officers investigators prosecutors organisers
    organizers residents witnesses experts analysts researchers scientists doctors campaigners
    protesters critics sources lawyers""".split()
)
_MALE = frozenset("Mr Sir Lord King Prince Duke Earl Baron Father Brother spokesman chairman congressman".split())
_FEMALE = frozenset(
    "Mrs Ms Miss Lady Dame Queen Princess Duchess Countess Baroness Sister spokeswoman chairwoman "
    "congresswoman".split()
)
_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "group"}
_LOOK_BACK = 60  # pronoun antecedents looked at, at most
_TITLE_WORDS = names_module.LOWER_TITLES | DETERMINERS | names_module._TITLE_MODIFIERS | {"former", "then"}
_DICTIONARY_KINDS = {"person": "person", "organisation": "organisation", "country": "place", "other": "unknown"}
_PUNCTUATION = re.compile(r"[,;:!?\"“”()]")
_DESCRIBING = re.compile(r"\s+(?:[a-z-]+\s+){1,3}")
_APPOSITION = re.compile(r"\s*,\s*(?:[\w'’-]+\s+){0,6}?")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:!?]|$)")


class Entity(NamedTuple):
    """Someone or something the text names: a name, a dictionary mention or a role."""

    start: int
    end: int
    text: str  # as written
    speaker: str  # the fullest form (a role without its article)
    title: str
    kind: str  # person, organisation, place, unknown, role
    actor: str = ""
    group: str = ""
    type: str = ""


class Subject(NamedTuple):
    """The words next to a reporting verb that say who speaks."""

    start: int
    end: int
    words: str
    what: str  # name, pronoun or role
    entity: Entity | None = None


class Attribution(NamedTuple):
    """Who speaks a quotation, by which verb, found how."""

    entity: Entity | None
    words: str  # the words naming the speaker in the text ("Clarke", "he", "the minister")
    verb: str
    how: str  # after, before, continued, pronoun, none


@dataclass
class Document:
    """Everything the attribution of one document looks up, built once."""

    doc_id: str
    text: str
    paragraphs: list
    sentences: list
    spans: list
    names: list  # Entity per name, sorted by start (names do not overlap)
    words: list = field(default_factory=list)  # word count of each quotation in spans
    candidates: dict = field(default_factory=dict)  # pronoun class -> sorted [Entity]
    strong: set = field(default_factory=set)  # folded names with person evidence
    speakers: set = field(default_factory=set)  # entities that have spoken so far
    surnames: dict = field(default_factory=dict)  # folded last word -> fullest name ending with it

    def __post_init__(self):
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.span_starts = [s.start for s in self.spans]
        self.name_starts = [n.start for n in self.names]
        self.name_ends = [n.end for n in self.names]

    def inside_quote(self, pos: int) -> bool:
        """Tell whether ``pos`` lies between the marks of a quotation."""
        i = bisect.bisect_right(self.span_starts, pos) - 1
        return i >= 0 and pos < self.spans[i].end

    def name_ending(self, pos: int) -> Entity | None:
        i = bisect.bisect_left(self.name_ends, pos)
        return self.names[i] if i < len(self.names) and self.name_ends[i] == pos else None

    def paragraph_of(self, pos: int) -> int:
        return max(1, bisect.bisect_right(self.paragraph_starts, pos))

    def sentence_of(self, pos: int) -> int:
        return max(1, bisect.bisect_right(self.sentence_starts, pos))


# --------------------------------------------------------------------------------------------
# The document: its names, linked to the dictionary
# --------------------------------------------------------------------------------------------


def dictionary_forms(mentions: pd.DataFrame) -> dict:
    """Map each matched surface form (case-folded) to its actor, group and type."""
    kept = mentions[mentions["kind"] != "demonym"]
    return {
        text.casefold(): (actor, group, kind)
        for text, actor, group, kind in zip(kept["text"], kept["actor"], kept["group"], kept["type"])
    }


def build(doc_id, text: str, mentions: pd.DataFrame, forms: dict) -> Document:
    """Build the look-ups of one document: paragraphs, sentences, quotations, named entities.

    ``mentions`` are the document's actor mentions (:func:`textkit.actors.mentions`) and ``forms``
    the corpus's :func:`dictionary_forms`: they only link the names the text gives to actors.
    """
    paragraphs = sentencesplit.paragraph_spans(text)
    sentences = sentencesplit.sentence_spans(text)
    quoted, words = counted_quotations(text, paragraphs, sentences)
    covering = sorted(
        (s, e, a, g, t) for s, e, a, g, t, k in zip(
            mentions["start"], mentions["end"], mentions["actor"], mentions["group"],
            mentions["type"], mentions["kind"]) if k != "demonym"
    )
    entities = _entities(text, names_module.records(text), covering, forms)
    document = Document(doc_id, text, paragraphs, sentences, quoted, entities, words=words)
    document.candidates = _candidates(document)
    document.strong = _strong(entities)
    document.surnames = _surnames(entities)
    return document


def _strong(entities: list[Entity]) -> set:
    """Folded names with evidence of being someone: a title, a shorter reference, a dictionary actor."""
    evidenced = {e.speaker for e in entities if e.title or e.actor or e.text != e.speaker}
    return {names_module.fold(speaker) for speaker in evidenced}  # each name folded once


def _surnames(entities: list[Entity]) -> dict:
    """Map the folded last word of each name of several words to the first such name in the text."""
    surnames = {}
    for speaker in dict.fromkeys(e.speaker for e in entities if " " in e.speaker):  # each name once
        surnames.setdefault(names_module.fold(speaker.split()[-1]), speaker)
    return surnames


def _entities(text: str, found: list, covering: list, forms: dict) -> list[Entity]:
    """Turn the names of a text into entities linked to the dictionary where they match."""
    starts = [c[0] for c in covering]
    plain = []
    for start, end, name, title, kind, full in found:
        cover = _cover(covering, starts, start, end)
        plain.append((start, end, name, title, kind, full, cover))
    by_full = {name: cover for _, _, name, _, _, _, cover in plain if cover}
    titles = {}
    for _, _, name, title, _, _, _ in plain:
        titles.setdefault(name, title) if title else None
    entities = []
    for start, end, name, title, kind, full, cover in plain:
        link = cover if full == name else (
            by_full.get(full) or forms.get(full.casefold()) or _surname_link(cover, full)
        )
        if link and kind == "unknown":
            kind = _DICTIONARY_KINDS.get(link[2], "unknown")
        title = title or titles.get(full, "")
        entities.append(Entity(start, end, name, full, title, kind, *(link or ("", "", ""))))
    names_end = [e.end for e in entities]
    for s, e, actor, group, kind in covering:  # dictionary forms the name finder does not see
        i = bisect.bisect_right(names_end, s)
        if i < len(entities) and entities[i].start < e:
            continue
        guess = _DICTIONARY_KINDS.get(kind, "unknown")
        entities.insert(i, Entity(s, e, text[s:e], text[s:e], "", guess, actor, group, kind))
        names_end.insert(i, e)
    return entities


def _cover(covering: list, starts: list, start: int, end: int):
    """Return (actor, group, type) of a mention covering ``start:end`` entirely, or None."""
    i = bisect.bisect_right(starts, start) - 1
    while i >= 0 and covering[i][1] > start - 200:
        if covering[i][0] <= start and covering[i][1] >= end:
            return covering[i][2:]
        i -= 1
    return None


def _surname_link(cover, full: str):
    """Link a fuller name through its surname's mention when the given name agrees ("Volodymyr")."""
    if cover is None:
        return None
    return cover if full.split()[0].casefold() in cover[0].casefold().split() else None


def _candidates(document: Document) -> dict:
    """Sort the antecedents a pronoun may take: persons, and organisations, places or groups."""
    people, groups = [], []
    for entity in document.names:
        if document.inside_quote(entity.start):
            continue
        if entity.kind == "person":
            people.append(entity)
        elif entity.kind in ("organisation", "place"):
            groups.append(entity)
    return {"person": people, "group": groups}


def remember(document: Document, entity: Entity) -> None:
    """Make a speaker a pronoun antecedent with person evidence (roles and unknown names too)."""
    if entity.kind == "role":
        head = _role_head(entity.speaker)
        kind = "group" if _plural_role(head) or head.capitalize() in names_module.ORGANISATION_WORDS else "person"
    else:
        kind = "group" if entity.kind in ("organisation", "place") else "person"
    document.strong.add(names_module.fold(entity.speaker))
    if entity not in document.speakers:
        document.speakers.add(entity)
        bisect.insort(document.candidates[kind], entity)


# --------------------------------------------------------------------------------------------
# Names next to a position
# --------------------------------------------------------------------------------------------


def descriptors(between: str) -> bool:
    """Tell whether words before a name only describe it ("SpaceX founder", "1st Fleet's")."""
    words = between.replace(",", " ").split()
    allowed = _TITLE_WORDS | {"of", "for", "and", "the", "at", "in"}
    return len(words) <= 10 and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in allowed or w.endswith(("'s", "’s")) for w in words
    )


def name_subject(document: Document, name: Entity) -> Subject:
    """A name as a subject; "Smith of Oxford University" and "Party in Goa" are their first name,
    "a source within the Interior Ministry" its role."""
    head = _chain_head(document, name)
    if head is name:
        role = _ROLE_CHAIN.search(document.text, max(0, name.start - 80), name.start)
        if role:
            words = document.text[role.start() : name.end]
            return Subject(role.start(), name.end, " ".join(words.split()), "role")
    return Subject(head.start, name.end, document.text[head.start : head.end], "name", head)


def _chain_head(document: Document, name: Entity) -> Entity:
    """Return the first name of "<name> of/in/from/at <name>" chains (the head of the phrase)."""
    while True:
        link = _CHAIN.search(document.text, max(0, name.start - 60), name.start)
        earlier = document.name_ending(link.start()) if link else None
        if earlier is None:
            return name
        name = earlier


def name_ahead(document: Document, pos: int, limit: int) -> Entity | None:
    """Return the name starting at ``pos``, or after a title or determiners there."""
    i = bisect.bisect_left(document.name_starts, pos)
    if i >= len(document.names) or document.names[i].start >= limit:
        return None
    name = document.names[i]
    between = document.text[pos : name.start]
    if not between.strip():
        return name
    if len(between) > 60 or _PUNCTUATION.search(between):
        return None
    return name if descriptors(between.replace(".", " ")) else None


def person_in(document: Document, low: int, high: int) -> Entity | None:
    """The first person named between two offsets, not as a possessive ("San Diego's"); when
    words describing someone follow it, the name after them ("Samoa Observer editor Keni Lesa")."""
    i = bisect.bisect_left(document.name_starts, low)
    while i < len(document.names) and document.names[i].start < high:
        name = document.names[i]
        i += 1
        if len(document.text[low : name.start].split()) > 15:
            return None
        if (name.kind == "person" or name.type == "person") and not document.text.startswith(("'s", "’s"), name.end):
            following = document.names[i] if i < len(document.names) else None
            between = document.text[name.end : following.start] if following is not None else ""
            if following is not None and following.start < high and _DESCRIBING.fullmatch(between):
                return following if descriptors(between) else name
            return name
    return None


def apposition_person(document: Document, pos: int, end: int) -> Entity | None:
    """A person named right after ``pos`` between commas: ", Abdullah Kurdi," / ", Pradeep Khosla."."""
    match = _APPOSITION.match(document.text[pos:end])
    if match is None:
        return None
    person = person_in(document, pos, end)
    if person is None or not _APPOSITION_END.match(document.text[person.end : person.end + 3]):
        return None
    return person


def fullest(document: Document, word: str) -> str:
    """The fullest form of a word among the document's names (its own text when none is longer)."""
    return document.surnames.get(names_module.fold(word), word)


# --------------------------------------------------------------------------------------------
# Who a subject is: names, pronouns, roles
# --------------------------------------------------------------------------------------------


def resolve(document: Document, subject: Subject, verb: str, how: str) -> Attribution:
    """Turn a subject found next to a verb into an attribution: resolve pronouns and roles."""
    if subject.what == "pronoun":
        return Attribution(_antecedent(document, subject.words, subject.start), subject.words, verb, "pronoun")
    if subject.what == "role":
        return Attribution(_role_entity(document, subject), subject.words, verb, how)
    return Attribution(subject.entity, subject.words, verb, how)


def _antecedent(document: Document, pronoun: str, pos: int) -> Entity | None:
    """The nearest preceding person (he/she) or organisation, place or group (it/they).

    Walking back from the pronoun, the first candidate that is a subject (it opens its
    sentence or a clause) or has spoken already is taken, if it is in the pronoun's paragraph
    or the one before, or has evidence of being someone (a title, a shorter reference elsewhere
    such as "Clarke", a dictionary actor); failing that, the nearest one with evidence, then the
    nearest one. "he" skips Mrs/Ms/Lady…, "she" skips Mr/Sir/Lord…. At most
    :data:`_LOOK_BACK` candidates are looked at, so a long document costs no more per pronoun.
    """
    listed = document.candidates[_PRONOUNS[pronoun.lower()]]
    i = bisect.bisect_left(listed, (pos,)) - 1
    wrong = {"he": _FEMALE, "she": _MALE}.get(pronoun.lower(), frozenset())
    near = document.paragraph_of(pos) - 1
    evidenced = nearest = None
    stop = max(-1, i - _LOOK_BACK)
    while i > stop:
        candidate = listed[i]
        i -= 1
        if set(candidate.title.replace(".", " ").split() + candidate.speaker.split()) & wrong:
            continue
        strong = names_module.fold(candidate.speaker) in document.strong or candidate.kind != "person"
        salient = candidate in document.speakers or _subject_position(document, candidate)
        if salient and (strong or document.paragraph_of(candidate.start) >= near):
            return candidate
        evidenced = evidenced or (candidate if strong else None)
        nearest = nearest or candidate
    return evidenced or nearest


def _subject_position(document: Document, entity: Entity) -> bool:
    """Tell whether a name is a subject or a source: it opens its sentence or a clause ("that
    Putin …"), after an opening phrase and words describing it ("Florida Department of
    Transportation official Troy Roberts"), or follows "according to"."""
    low = document.sentences[document.sentence_of(entity.start) - 1][0]
    words = document.text[low : entity.start].split()
    k = len(words)
    while k > 0 and descriptors(words[k - 1]) and not words[k - 1].endswith(","):
        k -= 1
    before = " ".join(words[:k]) + " "
    if k <= 4 and not OBJECT.search(before):
        return True
    return _CLAUSE_OPENING.search(before) is not None


def _role_entity(document: Document, subject: Subject) -> Entity:
    """A role as a speaker; "the minister" / "the party" is the nearest earlier name titled so."""
    words = subject.words.split()
    head = _role_head(subject.words).lower()
    if words[0].lower() == "the" and len(words) <= 3:
        group = _plural_role(head) or head.capitalize() in names_module.ORGANISATION_WORDS
        listed = document.names if group else document.candidates["person"]
        first = bisect.bisect_left(listed, (subject.start,))
        for candidate in reversed(listed[max(0, first - 40) : first]):
            if candidate.kind == "role":
                continue
            described = (candidate.title + " " + (candidate.speaker if group else "")).lower()
            if head in described.replace("-", " ").split():
                return candidate
    bare = " ".join(words[1:]) if words[0].lower() in ("the", "a", "an") and len(words) > 1 else subject.words
    return Entity(subject.start, subject.end, subject.words, bare, "", "role")


def role_phrase(chunk: str, *, leading: bool = False) -> str:
    """Return ``chunk`` when it reads as a role ("a Downing Street spokesman", "police"), else ""."""
    words = chunk.split()
    if leading:  # after an inverted verb: a determiner starts it and it runs to the clause end
        if not words or words[0].lower() not in DETERMINERS:
            return ""
        words = words[:8]
    if not 1 <= len(words) <= 7:
        return ""
    last = words[-1]
    if not last.isalpha() or last.lower() in names_module.FUNCTION_WORDS or last.lower().endswith("ly"):
        return ""
    first = words[0]
    function_word = first.lower() in names_module.FUNCTION_WORDS and first.lower() not in DETERMINERS
    if VERB.search(" ".join(words)) or function_word:
        return ""  # "In a statement", "governor tweeted her reasoning": not a role
    if first.lower() in DETERMINERS or first.endswith(("'s", "’s")) or first[0].isupper():
        return " ".join(words)
    if all(w.islower() for w in words) and (last in _GROUP_ROLES or (len(words) <= 2 and _plural_role(last))):
        return " ".join(words)
    return ""


def _role_head(role: str) -> str:
    """The head noun of a role: the last word before a preposition ("head of the police" -> "head")."""
    words = role.split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _PREPOSITIONS), len(words))
    return words[cut - 1] if cut else words[-1]


def _plural_role(head: str) -> bool:
    """Tell whether a role's head names a group ("police", "officials"), not one person."""
    last = head.split()[-1].lower()
    return last in _GROUP_ROLES or (last.endswith("s") and not last.endswith(("ss", "us", "is")))
