"""Find direct quotations, name each one's speaker, and measure share of voice.

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

**Speakers** come from the text, not from the dictionary (:mod:`textkit.names` finds names;
the actor dictionary only *links* them). For each quotation, in this order:

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

Everything is linear in the text: one pass for the marks, names and mentions, and bisection
for every look-up.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from textkit import names as names_module
from textkit import tokens
from textkit.errors import ParameterError

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

#: Columns of the table :func:`table` returns.
COLUMNS = (
    "doc_id", "speaker", "title", "speaker_kind", "actor", "group", "type", "speaker_text",
    "verb", "attribution", "quote", "words", "start", "end", "sentence", "paragraph", "closed",
    "continued",
)

_VERB = re.compile(
    r"(?<![\w'’-])(" + "|".join(sorted(VERBS, key=len, reverse=True))
    + r"|according to|pointed out|points out|pointing out)(?![\w'’-])", re.IGNORECASE,
)
_NAMING = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in NAMING) + r")[\s,:]*$", re.IGNORECASE)
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|was|is|were|are|would|will|did|does|do|also|then|later|earlier|again"
    r"|once|further|previously|reportedly|repeatedly|recently|had|just|already|[a-z]+ly"
    r"|yesterday|today|tonight|on\s+[A-Z][a-z]+day|last\s+(?:week|month|year|night)|in\s+a\s+statement"
    r"|(?:went|goes|go)\s+on\s+to|continued\s+to|QC|KC|MP|MEP|OBE|MBE|CBE|PhD)|\s*\([^()]*\))*\s*$"
)
_CLAUSE_STOP = re.compile(r"[.;:!?\"“”]")
_CHAIN = re.compile(r",?\s+(?:of|in|from|at|with)\s+(?:[a-z][\w-]*\s+){0,4}$")
_PASSIVE = re.compile(r"\b(?:was|were|been|is|are|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_OBJECT = re.compile(
    r"\b(?:to|of|in|at|by|for|with|from|on|about|his|her|their|its|our|congratulated|met|thanked)\s+$",
    re.IGNORECASE,
)
_ROLE_CHAIN = re.compile(
    r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Oo]ne)\s+(?:[a-z][\w-]*\s+){0,2}?(?:source|spokes(?:man|woman|person)|official|"
    r"member|head|director|chief|representative|officer|lawyer|employee)s?\s+(?:of|for|at|from|within|in|with)\s+"
    r"(?:[a-z][\w-]*\s+){0,3}$"
)
_ASIDE = re.compile(r"\s[-\u2013\u2014]\s[^-\u2013\u2014\"“”]{1,80}?\s[-\u2013\u2014]\s|\([^()\"“”]{1,80}\)")
_ABBREVIATED = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev))$")
_CLAUSE_OPENING = re.compile(
    r"(?:,|\b(?:that|and|but|while|because|when|as|after|since|although|though|so|according to))\s+$",
    re.IGNORECASE,
)
_LOOK_BACK = 60  # pronoun antecedents looked at, at most
_TAKES_OBJECT = frozenset(
    """tell tells told telling urge urges urged urging warn warns warned warning ask asks asked
    asking inform informed remind reminded advise advised assure assured accuse accused blame
    criticise criticised criticize criticized praise praised welcome welcomed condemn condemned
    slam slammed blast blasted hail hailed denounce denounced decry decried call calls called
    calling quote quoted describe describes described describing brand branded term termed
    label labelled labeled characterise characterised characterize characterized""".split()
)
_PREPOSITIONS = frozenset("of for at from in with to on within".split())
_NAMED = re.compile(
    r"(?:\b(?:a|an|the)\s+[\w-]+|\b(?:is|was|be|been|are|were))\s+called[\s,:]*$"
    r"|\b(?:banners?|signs?|placards?|posters?|t-shirts?|shirts?|flags?)\b[^.\"]{0,40}?"
    r"\s(?:saying|reading|that\s+(?:said|read))[\s,:]*$",
    re.IGNORECASE,
)
_CUE = re.compile(r"(?<![\w'’-])(?:" + "|".join(CUES) + r"|According)(?![\w'’-])")
_LEAD = re.compile(r"[\s,;-]*")
_PRONOUNS = {"he": "person", "she": "person", "it": "group", "they": "group"}
_PRONOUN = re.compile(r"(?<![\w'’-])(he|she|it|they)$", re.IGNORECASE)
_PRONOUN_AHEAD = re.compile(r"(he|she|it|they)(?![\w'’-])", re.IGNORECASE)
_DETERMINERS = frozenset("the a an one another two three several many some his her their its our".split())
_NOT_BEFORE_ROLE = frozenset("of for at from in with to on within during by after before".split()) | _DETERMINERS
_BOUNDARIES = frozenset(
    """that and but or while as when where who whom which because if after before though although
    so then also than since until whether nor""".split()
)
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
_DOUBLE_OPEN, _DOUBLE_CLOSE = "\u201c\u201e\u201f", "\u201d"
_SINGLE_OPEN = "\u2018\u201a\u201b"
_MARK_CHARS = {
    "double": re.compile('["\u201c\u201d\u201e\u201f]'),
    "single": re.compile("['\u2018\u2019\u201a\u201b]"),
}
_ELISIONS = re.compile(r"(?:em|til|cause|tis|twas|n|bout|round|\d)\b", re.IGNORECASE)


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
# Quotation marks
# --------------------------------------------------------------------------------------------


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
    found = _quotations(text, paragraphs, tokens.sentence_spans(text))
    return pd.DataFrame(found, columns=list(Span._fields)).astype(
        {"start": "int64", "end": "int64", "closed": bool, "continued": bool}
    )


def _quotations(text: str, paragraphs: list, sentences: list) -> list[Span]:
    """Pair the marks of each paragraph and keep the spans that are quotations."""
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
            and _bisect_pairs(paragraphs, previous.start) == _bisect_pairs(paragraphs, span.start) - 1
        )
        result.append(span._replace(continued=continues))
    return result


def _bisect_pairs(pairs: list, pos: int) -> int:
    """Return the index of the (start, end) pair containing ``pos`` (pairs sorted by start)."""
    return bisect.bisect_right(pairs, (pos, float("inf"))) - 1


def _verdict(text: str, span: Span, paired: list[Span], sentences: list, starts: list) -> str:
    """Apply the "not quotations" rules of the module notes: ``yes``, ``no`` or ``short``.

    ``short`` is a short span with no speech cue: kept only when its sentence has a quotation
    that is kept on its own (a partial quotation next to a full one).
    """
    inner = _inner(text, span)
    if sum(c.isalnum() for c in inner) < 2 or _named(text, span):
        return "no"
    if span.continued or not span.closed:
        return "yes"
    words = _word_count(inner)
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
    inner = _inner(text, span)
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
        and noun and not _VERB.fullmatch(noun.group(1)) and noun.group(1) not in names_module.FUNCTION_WORDS
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
    lead = _LEAD.match(after).end()
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


def _inner(text: str, span: Span) -> str:
    """Return the quoted words without their marks."""
    return text[span.start + 1 : span.end - 1 if span.closed else span.end]


def _word_count(quote: str) -> int:
    """Count word tokens (not punctuation, not the clitic 's)."""
    return sum(1 for t in tokens.words(quote) if tokens.is_word(t) and t not in ("'s", "’s"))


# --------------------------------------------------------------------------------------------
# The quotation table
# --------------------------------------------------------------------------------------------


def table(documents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """List every direct quotation with its speaker, reporting verb and dictionary actor.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    mentions : pandas.DataFrame
        The corpus's actor mentions (:func:`textkit.actors.mentions`; columns ``doc_id``,
        ``actor``, ``group``, ``type``, ``kind``, ``text``, ``start``, ``end``). They only
        *link* speakers to the dictionary: speakers are found in the text whether or not the
        dictionary has them.

    Returns
    -------
    pandas.DataFrame
        One row per quotation, sorted by document (in corpus order) then ``start``, with
        columns

        - ``doc_id`` (str): the document;
        - ``speaker`` (str): who speaks, as the text names them, in the fullest form the
          document gives ("Ann Clarke" for "Clarke"; titles left out) or a role without its
          article ("Downing Street spokesman"); ``""`` when none was found;
        - ``title`` (str): the speaker's title in the text ("Prime Minister", "Mr"), or ``""``;
        - ``speaker_kind`` (str): ``person``, ``organisation``, ``place``, ``unknown`` or
          ``role`` (``""`` when no speaker);
        - ``actor``, ``group``, ``type`` (str): the dictionary actor the speaker is, with its
          group and type; ``""`` when the speaker is not in the dictionary (or none);
        - ``speaker_text`` (str): the words naming the speaker next to this quotation
          ("Clarke", "he", "the minister"); for a continued quotation, those of the earlier one;
        - ``verb`` (str): the reporting verb, lower case (``""`` when none);
        - ``attribution`` (str): how the speaker was found: ``after``, ``before``, ``pronoun``,
          ``continued`` or ``none`` (see the module notes);
        - ``quote`` (str): the quoted words, without the marks and a final comma, on one line;
        - ``words`` (int): word tokens in ``quote`` (punctuation and the clitic 's not counted);
        - ``start``, ``end`` (int): offsets of the quotation, marks included (``end`` is the
          end of its text when it is left open);
        - ``sentence``, ``paragraph`` (int): where it starts, numbered from 1;
        - ``closed`` (bool): ``False`` when no closing mark ends it;
        - ``continued`` (bool): ``True`` for the later paragraphs of a multi-paragraph quotation.

    Examples
    --------
    >>> import yaml
    >>> from textkit import actors
    >>> forms = actors.parse(yaml.compose(
    ...     "actors:\\n  - {name: Dmitry Peskov, type: person, aliases: [Peskov]}"))
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     'Dmitry Peskov met Ann Clarke. "No room," Peskov said. "None.\\n\\n'
    ...     '"Later," said Clarke. "Not now," she added.']})
    >>> q = table(docs, actors.mentions(docs, forms))
    >>> q[["speaker", "actor", "speaker_text", "verb", "attribution", "quote"]]
             speaker          actor speaker_text   verb attribution    quote
    0  Dmitry Peskov  Dmitry Peskov       Peskov   said       after  No room
    1  Dmitry Peskov  Dmitry Peskov       Peskov   said   continued    None.
    2     Ann Clarke                      Clarke   said       after    Later
    3     Ann Clarke                         she  added     pronoun  Not now
    """
    forms = _forms(mentions)
    by_doc = {doc_id: part for doc_id, part in mentions.groupby("doc_id", sort=False)}
    empty = mentions.iloc[0:0]
    rows = []
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        document = _document(doc_id, text, by_doc.get(doc_id, empty), forms)
        rows.extend(_rows(document))
    result = pd.DataFrame(rows, columns=list(COLUMNS))
    return result.astype(
        {c: object for c in COLUMNS[:11]}
        | {c: "int64" for c in ("words", "start", "end", "sentence", "paragraph")}
        | {"closed": bool, "continued": bool}
    )


def _forms(mentions: pd.DataFrame) -> dict:
    """Map each matched surface form (case-folded) to its actor, group and type."""
    kept = mentions[mentions["kind"] != "demonym"]
    return {
        text.casefold(): (actor, group, kind)
        for text, actor, group, kind in zip(kept["text"], kept["actor"], kept["group"], kept["type"])
    }


def _document(doc_id, text: str, mentions: pd.DataFrame, forms: dict) -> Document:
    """Build the look-ups of one document: paragraphs, sentences, quotations, named entities."""
    paragraphs = tokens.paragraph_spans(text)
    sentences = tokens.sentence_spans(text)
    quoted = _quotations(text, paragraphs, sentences)
    covering = sorted(
        (s, e, a, g, t) for s, e, a, g, t, k in zip(
            mentions["start"], mentions["end"], mentions["actor"], mentions["group"],
            mentions["type"], mentions["kind"]) if k != "demonym"
    )
    entities = _entities(text, names_module.records(text), covering, forms)
    document = Document(doc_id, text, paragraphs, sentences, quoted, entities)
    document.candidates = _candidates(document)
    document.strong = _strong(entities)
    document.surnames = {
        names_module.fold(e.speaker.split()[-1]): e.speaker for e in reversed(entities) if " " in e.speaker
    }
    return document


def _strong(entities: list[Entity]) -> set:
    """Folded names with evidence of being someone: a title, a shorter reference, a dictionary actor."""
    strong = set()
    for entity in entities:
        if entity.title or entity.actor or entity.text != entity.speaker:
            strong.add(names_module.fold(entity.speaker))
    return strong


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


_DICTIONARY_KINDS = {"person": "person", "organisation": "organisation", "country": "place", "other": "unknown"}


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


def _rows(document: Document) -> list[tuple]:
    """Attribute the quotations of one document in order; return their rows."""
    rows, history = [], []
    for index, span in enumerate(document.spans):
        found = _after(document, index, span)
        if found is None or found.verb.lower() == "according to":  # a source yields to a speaker
            before = _before(document, index, span, history)
            found = before if found is None or before.entity is not None else found
        if found.entity is None and found.how == "none":
            found = _continued(document, index, span, history, found.verb)
        if found.entity is not None and found.how in ("after", "before", "pronoun"):
            _remember(document, found.entity)
        history.append(found)
        rows.append(_row(document, span, found))
    return rows


def _row(document: Document, span: Span, found: Attribution) -> tuple:
    """Return one row of :func:`table`."""
    entity = found.entity
    quote = " ".join(_inner(document.text, span).split()).removesuffix(",")
    speaker = ("",) * 6
    if entity is not None:
        speaker = (entity.speaker, entity.title, entity.kind, entity.actor, entity.group, entity.type)
    return (
        document.doc_id, *speaker, found.words, found.verb.lower(), found.how, quote,
        _word_count(quote), span.start, span.end, document.sentence_of(span.start),
        document.paragraph_of(span.start), span.closed, span.continued,
    )


def _remember(document: Document, entity: Entity) -> None:
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
# Attribution rules
# --------------------------------------------------------------------------------------------


def _after(document: Document, index: int, span: Span) -> Attribution | None:
    """Rule 1: ``<subject> <verb>`` or ``<verb> <subject>`` right after the closing mark."""
    if not span.closed:
        return None
    text = document.text
    limit = _limit(document, index, span.end)
    lead = _LEAD.match(text, span.end, limit).end()
    if lead >= limit or text[lead] in ".!?":
        return None  # the sentence ended with the quotation
    strict = re.search(r"[.!?…][\])]*\s*$", _inner(text, span)) is not None and "," not in text[span.end : lead]
    clause = _clause_end(text, lead, limit)
    verb = next(iter(_verbs(text, lead, clause)), None)
    if verb is None or len(text[lead : verb.start()].split()) > 12:
        return None
    if verb.start() == lead:
        if verb.group(1).lower() in _TAKES_OBJECT:
            return None
        subject = _subject_inverted(document, verb.end(), clause, roles=True)
    else:
        subject = _subject_behind(document, verb.start(), lead)
        if subject is not None and not _descriptors(text[lead : subject.start]):
            subject = None
    if subject is None or not _ends_clause(text, max(subject.end, verb.end()), limit, strict):
        return None
    return _attribution(document, subject, verb.group(1), "after")


def _limit(document: Document, index: int, pos: int) -> int:
    """Return where the text after ``pos`` stops counting: the next quotation or paragraph end."""
    p = _bisect_pairs(document.paragraphs, pos)
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


def _descriptors(between: str) -> bool:
    """Tell whether words before a name only describe it ("SpaceX founder", "1st Fleet's")."""
    words = between.replace(",", " ").split()
    allowed = _TITLE_WORDS | {"of", "for", "and", "the", "at", "in"}
    return len(words) <= 10 and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in allowed or w.endswith(("'s", "’s")) for w in words
    )


def _ends_clause(text: str, pos: int, limit: int, strict: bool) -> bool:
    """After a quotation ending in a full stop, the attribution must end its sentence within four
    words ("…." he said.): "…." Ann Clarke said "…" introduces the next quotation instead."""
    if not strict:
        return True
    rest = re.match(r"[^.;!?]*[.;!?]", text[pos:limit])
    return rest is not None and len(rest.group().split()) <= 4 and not re.search(r"\bthat\b", rest.group())


def _skip_space(text: str, pos: int, limit: int) -> int:
    """Return the first position from ``pos`` that is not whitespace (at most ``limit``)."""
    while pos < limit and text[pos].isspace():
        pos += 1
    return pos


def _name_ahead(document: Document, pos: int, limit: int) -> Entity | None:
    """Return the name starting at ``pos``, or after a title or determiners there."""
    i = bisect.bisect_left(document.name_starts, pos)
    if i >= len(document.names) or document.names[i].start >= limit:
        return None
    name = document.names[i]
    between = document.text[pos : name.start]
    if not between.strip():
        return name
    if len(between) > 60 or re.search(r"[,;:!?\"“”()]", between):
        return None
    return name if _descriptors(between.replace(".", " ")) else None


_TITLE_WORDS = names_module.LOWER_TITLES | _DETERMINERS | names_module._TITLE_MODIFIERS | {"former", "then"}


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
    person = _person_in(document, pos, comma if comma >= 0 else end)
    if person is not None:
        return _name_subject(document, person)
    name = _name_ahead(document, pos, limit)
    if name is not None and not _apposition_person(document, name.end, end):
        return _name_subject(document, name)
    if roles:
        chunk = re.match(r"[^,;:.!?\"“”()]{0,80}", text[pos:limit]).group().rstrip()
        phrase = _role_phrase(chunk, leading=True) or (_role_phrase(chunk) if len(chunk.split()) <= 5 else "")
        renamed = _apposition_person(document, pos + len(chunk), end) if phrase or name else None
        if renamed is not None:
            return _name_subject(document, renamed)
        if phrase:
            return Subject(pos, pos + len(phrase), phrase, "role")
    return _name_subject(document, name) if name is not None else None


def _person_in(document: Document, low: int, high: int) -> Entity | None:
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
            if following is not None and following.start < high and re.fullmatch(r"\s+(?:[a-z-]+\s+){1,3}", between):
                return following if _descriptors(between) else name
            return name
    return None


def _apposition_person(document: Document, pos: int, end: int) -> Entity | None:
    """A person named right after ``pos`` between commas: ", Abdullah Kurdi," / ", Pradeep Khosla."."""
    match = re.match(r"\s*,\s*(?:[\w'’-]+\s+){0,6}?", document.text[pos:end])
    if match is None:
        return None
    person = _person_in(document, pos, end)
    if person is None or not re.match(r"\s*(?:[,.;:!?]|$)", document.text[person.end : person.end + 3]):
        return None
    return person


def _name_subject(document: Document, name: Entity) -> Subject:
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


def _before(document: Document, index: int, span: Span, history: list) -> Attribution:
    """Rule 2: the last reporting verb with a subject in the quotation's sentence, before it."""
    text = document.text
    floor = _window_start(document, index, span)
    verb_seen, dependent = "", False
    asides = [m.span() for m in _ASIDE.finditer(text, floor, span.start)]
    for verb in reversed(_verbs(text, floor, span.start)):
        word = verb.group(1)
        if any(a <= verb.start() < b for a, b in asides):
            continue  # "Erdogan said - as reported by Hurriyet Daily News - "…""
        verb_seen = verb_seen or word
        subject = _verb_subject(document, verb, floor, span.start)
        if subject is False:
            continue  # a passive without its agent ("he was told"): not the speaker
        if subject is not None:
            return _attribution(document, subject, word, "before")
        dependent = dependent or _dependent(text, verb, floor)
    colon = re.search(r":\s*$", text[floor : span.start]) is not None
    if (dependent or colon) and not _same_sentence(document, index, span, history):
        subject = _sentence_subject(document, span.start) or _subject_after_opening(document, floor, span)
        if subject is not None:
            return _attribution(document, subject, verb_seen, "before")
    return Attribution(None, "", verb_seen, "none")


def _verbs(text: str, low: int, high: int) -> list[re.Match]:
    """The reporting verbs between two offsets; a capitalised one only at a sentence start
    ("Said Clarke: …", "According to …"), so "The Washington Post" has no verb."""
    found = _VERB.finditer(text, low, high)
    return [v for v in found if v.group()[0].islower() or _starts_sentence(text, v.start())]


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
    agent = re.match(r"(?:\s+[a-z]+){0,2}?\s+by\s+", text[verb.end() : limit])
    if agent and (verb.group(1).lower().endswith("ed") or verb.group(1).lower() in ("told", "written")):
        return _subject_inverted(document, verb.end() + agent.end(), limit, roles=True) or False
    if not verb.group(1).lower().endswith("ing") and _PASSIVE.search(text, max(floor, verb.start() - 30), verb.start()):
        return False
    if _dependent(text, verb, floor):
        name = document.name_ending(len(re.sub(r"\s+as\s*$", "", text[floor : verb.start()].rstrip())) + floor)
        if verb.group(1).lower().endswith("ing") and name is not None and name.start >= floor:
            return _name_subject(document, name)  # "with Zinichev describing", "quoted Erdogan as saying"
        return None
    subject = _subject_behind(document, verb.start(), floor)
    return subject if subject is not None else _inverted_before(document, verb.end(), limit, verb.group(1))


def _dependent(text: str, verb: re.Match, floor: int) -> bool:
    """Tell whether a verb has its subject earlier in the sentence ("…, saying", "and said")."""
    before = text[floor : verb.start()]
    if verb.group(1).lower().endswith("ing"):
        return not re.search(r"\b(?:is|are|was|were|been|be)\s+$", before)
    return re.search(r"\b(?:and|but|then)\s*$", before) is not None


def _same_sentence(document: Document, index: int, span: Span, history: list) -> bool:
    """Tell whether the previous quotation, with a speaker, is in this quotation's sentence."""
    if not index or history[-1].entity is None:
        return False
    return document.sentence_of(document.spans[index - 1].start) == document.sentence_of(span.start)


def _sentence_subject(document: Document, pos: int):
    """The subject of the sentence before ``pos``: a pronoun first, or its first name not after a preposition."""
    text = document.text
    low = document.sentences[document.sentence_of(pos) - 1][0]
    pronoun = re.match(r"\s*(he|she|they|it)\b", text[low:pos], re.IGNORECASE)
    if pronoun:
        return Subject(low + pronoun.start(1), low + pronoun.end(1), pronoun.group(1), "pronoun")
    i = bisect.bisect_left(document.name_starts, low)
    while i < len(document.names) and document.names[i].start < pos:
        name = document.names[i]
        i += 1
        if document.inside_quote(name.start) or name.kind == "place":
            continue
        if not _OBJECT.search(text, max(low, name.start - 25), name.start):
            return _name_subject(document, name)
    return None


def _subject_after_opening(document: Document, floor: int, span: Span):
    """For "Calling it "…", Anna Franowska told …": the first name after the quotation in its
    sentence, when the sentence opens with a participle."""
    text = document.text
    low = document.sentences[document.sentence_of(span.start) - 1][0]
    if not re.match(r"\s*[A-Z][a-z]+ing\b", text[low : span.start]):
        return None
    high = document.sentences[document.sentence_of(span.start) - 1][1]
    i = bisect.bisect_left(document.name_starts, span.end)
    if i < len(document.names) and document.names[i].start < high and document.names[i].kind != "place":
        return _name_subject(document, document.names[i])
    return None


def _window_start(document: Document, index: int, span: Span) -> int:
    """Where rule 2 looks from: the sentence start, after the previous quotation, or the colon."""
    s = document.sentence_of(span.start) - 1
    floor = document.sentences[s][0] if document.sentences else 0
    p = _bisect_pairs(document.paragraphs, span.start)
    if p > 0 and span.start == document.paragraphs[p][0]:
        previous_end = document.paragraphs[p - 1][1]
        if document.text[:previous_end].rstrip().endswith(":"):
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
    if subject is None or not re.match(r"\s*[:,]?\s*$", document.text[subject.end : limit]):
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
        return _name_subject(document, name)
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
    clause = re.split(r"[,;:()\"“”]", stripped)[-1]
    words = clause.split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _BOUNDARIES), default=0)
    for start in range(max(cut, len(words) - 7), len(words)):
        if start > cut and words[start - 1].lower() in _NOT_BEFORE_ROLE:
            continue  # "In a statement posted": the object of a preposition is not a subject
        phrase = _role_phrase(" ".join(words[start:]))
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
    relative = re.search(r",\s*(which|who)$", trimmed)
    if relative:
        return _antecedent_of_relative(document, floor, floor + relative.start(), relative.group(1))
    if not trimmed.endswith(","):
        return None
    name = document.name_ending(floor + len(trimmed) - 1)
    if name is not None and name.start >= floor and re.search(r",\s*$", document.text[floor : name.start]):
        return _name_subject(document, name)
    for comma in reversed([m.start() for m in re.finditer(",", trimmed[:-1])]):
        if len(trimmed) - comma > 200:
            break
        name = document.name_ending(floor + len(trimmed[:comma].rstrip()))
        if name is not None and name.start >= floor and name.kind != "place":
            return _name_subject(document, name)
    return None


def _antecedent_of_relative(document: Document, floor: int, pos: int, pronoun: str):
    """The name a relative clause is about: the nearest person before "who" ("Mark Hay, a marine
    ecologist at GT, who said"), the nearest name before "which" ("Toronto Police, which")."""
    i = bisect.bisect_left(document.name_ends, pos + 1) - 1
    while i >= 0 and document.names[i].start >= floor:
        name = document.names[i]
        i -= 1
        if pronoun == "which" or name.kind == "person":
            return _name_subject(document, name)
    return None


def _bare_word(document: Document, stripped: str, floor: int):
    """A capitalised word the name finder left out, right before the verb ("Mendez once told")."""
    word = re.search(r"(?<![\w'’-])([A-Z][\w'’-]+)$", stripped)
    if word is None or word.group(1).lower() in names_module.FUNCTION_WORDS:
        return None
    start = floor + word.start(1)
    entity = Entity(start, start + len(word.group(1)), word.group(1), _fullest(document, word.group(1)), "", "unknown")
    return Subject(entity.start, entity.end, entity.text, "name", entity)


def _fullest(document: Document, word: str) -> str:
    """The fullest form of a word among the document's names (its own text when none is longer)."""
    return document.surnames.get(names_module.fold(word), word)


def _role_phrase(chunk: str, *, leading: bool = False) -> str:
    """Return ``chunk`` when it reads as a role ("a Downing Street spokesman", "police"), else ""."""
    words = chunk.split()
    if leading:  # after an inverted verb: a determiner starts it and it runs to the clause end
        if not words or words[0].lower() not in _DETERMINERS:
            return ""
        words = words[:8]
    if not 1 <= len(words) <= 7:
        return ""
    last = words[-1]
    if not last.isalpha() or last.lower() in names_module.FUNCTION_WORDS or last.lower().endswith("ly"):
        return ""
    first = words[0]
    function_word = first.lower() in names_module.FUNCTION_WORDS and first.lower() not in _DETERMINERS
    if _VERB.search(" ".join(words)) or function_word:
        return ""  # "In a statement", "governor tweeted her reasoning": not a role
    if first.lower() in _DETERMINERS or first.endswith(("'s", "’s")) or first[0].isupper():
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


def _attribution(document: Document, subject: Subject, verb: str, how: str) -> Attribution:
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
    while k > 0 and _descriptors(words[k - 1]) and not words[k - 1].endswith(","):
        k -= 1
    before = " ".join(words[:k]) + " "
    if k <= 4 and not _OBJECT.search(before):
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


def _continued(document: Document, index: int, span: Span, history: list, verb_seen: str) -> Attribution:
    """Rule 3: the speaker of the quotation this one continues, or of reported speech before it."""
    earlier = history[-1] if history else None
    previous = document.spans[index - 1] if index else None
    if span.continued and earlier is not None and earlier.entity is not None:
        return Attribution(earlier.entity, earlier.words, verb_seen or earlier.verb, "continued")
    p_start = document.paragraphs[_bisect_pairs(document.paragraphs, span.start)][0]
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
    for verb in reversed(_verbs(document.text, low, high)):
        if document.inside_quote(verb.start()):
            continue
        floor = max(low, document.sentences[document.sentence_of(verb.start()) - 1][0])
        subject = _verb_subject(document, verb, floor, high)
        if subject:
            return _attribution(document, subject, verb.group(1), "continued")
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


# --------------------------------------------------------------------------------------------
# Share of voice
# --------------------------------------------------------------------------------------------

UNATTRIBUTED = "(unattributed)"
NOT_IN_DICTIONARY = "(not in dictionary)"


def voice(quotations: pd.DataFrame, *, by: str = "actor") -> pd.DataFrame:
    """Measure share of voice: quotations and quoted words per actor, group or speaker.

    Parameters
    ----------
    quotations : pandas.DataFrame
        A table from :func:`table`.
    by : {"actor", "group", "speaker"}, default "actor"
        Count per dictionary actor, per group, or per speaker as the text names them (which
        counts speakers the dictionary does not have).

    Returns
    -------
    pandas.DataFrame
        One row per key, sorted by ``words`` descending, ``quotes`` descending, then name, with
        ``(not in dictionary)`` (for ``by="actor"`` and ``"group"``: quotations whose speaker the
        dictionary does not have) and ``(unattributed)`` (no speaker found) last, with columns

        - ``actor`` (str) and ``group`` (str) for ``by="actor"``; ``group`` (str) for
          ``by="group"``; ``speaker`` (str), ``actor`` (str) and ``group`` (str) for
          ``by="speaker"`` (the speaker's most frequent actor and group, ``""`` when none);
        - ``quotes`` (int): quotations;
        - ``words`` (int): quoted word tokens;
        - ``quote_share`` (float): ``quotes`` / all quotations, rounded to 6 decimals;
        - ``word_share`` (float): ``words`` / all quoted words, rounded to 6 decimals.

    Raises
    ------
    ParameterError
        ``by`` is not one of the three.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Dmitry Peskov", "Dmitry Peskov", "Ann Clarke", ""],
    ...     "actor": ["Dmitry Peskov", "Dmitry Peskov", "", ""], "group": ["Russia", "Russia", "", ""],
    ...     "words": [4, 2, 6, 3]})
    >>> voice(q)[["actor", "group", "quotes", "words"]]
                     actor                group  quotes  words
    0        Dmitry Peskov               Russia       2      6
    1  (not in dictionary)  (not in dictionary)       1      6
    2       (unattributed)       (unattributed)       1      3
    >>> voice(q, by="speaker")[["speaker", "actor", "quotes", "words", "word_share"]]
              speaker          actor  quotes  words  word_share
    0   Dmitry Peskov  Dmitry Peskov       2      6         0.4
    1      Ann Clarke                      1      6         0.4
    2  (unattributed)                      1      3         0.2
    """
    if by not in ("actor", "group", "speaker"):
        raise ParameterError(
            f"parameter by of quotes.voice must be 'actor', 'group' or 'speaker', got {by!r}: "
            "count per dictionary actor, per group, or per speaker named in the text."
        )
    keys = {"actor": ["actor", "group"], "group": ["group"], "speaker": ["speaker"]}[by]
    labels = ["speaker", "actor", "group"] if by == "speaker" else keys
    columns = labels + ["quotes", "words", "quote_share", "word_share"]
    frame = _voice_keys(quotations, by)
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby(keys)
    result = pd.DataFrame({"quotes": grouped.size(), "words": grouped["words"].sum()}).reset_index()
    if by == "speaker":
        result = result.merge(_usual_actor(frame), on="speaker", how="left")
    total_words = result["words"].sum()
    result["quote_share"] = (result["quotes"] / result["quotes"].sum()).round(6)
    result["word_share"] = (result["words"] / total_words).round(6) if total_words else 0.0
    result["last"] = result[keys[0]].map({NOT_IN_DICTIONARY: 1, UNATTRIBUTED: 2}).fillna(0)
    result = result.sort_values(
        ["last", "words", "quotes", keys[0]], ascending=[True, False, False, True]
    ).reset_index(drop=True)
    return result[columns].astype({c: object for c in columns[:-4]} | {"quotes": "int64", "words": "int64"})


def _voice_keys(quotations: pd.DataFrame, by: str) -> pd.DataFrame:
    """The key columns of :func:`voice`, with the placeholder names filled in."""
    speaker = quotations["speaker"].fillna("")
    known = quotations["actor"].fillna("") != ""
    missing = speaker.map(lambda s: UNATTRIBUTED if s == "" else NOT_IN_DICTIONARY)
    frame = pd.DataFrame({
        "speaker": speaker.replace("", UNATTRIBUTED),
        "actor": quotations["actor"].fillna("").where(known, missing if by != "speaker" else ""),
        "group": quotations["group"].fillna("").where(known, missing if by != "speaker" else ""),
        "words": quotations["words"].astype("int64"),
    })
    return frame


def _usual_actor(frame: pd.DataFrame) -> pd.DataFrame:
    """Each speaker's most frequent (actor, group), ties broken by name."""
    counted = frame.groupby(["speaker", "actor", "group"]).size().reset_index(name="n")
    counted = counted.sort_values(["speaker", "n", "actor", "group"], ascending=[True, False, True, True])
    return counted.drop_duplicates("speaker")[["speaker", "actor", "group"]]
