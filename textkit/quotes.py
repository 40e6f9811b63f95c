"""Find direct quotations, attribute each to a speaker, and measure share of voice.

Quotation marks: curly (“ ”), low (\u201e) and straight (") double quotes, so the rules hold
whether or not the ``quotes`` cleaning step ran. Quotations never cross a paragraph break; one
left open at the end of its paragraph ends there (AP style: a quotation that goes on in the
next paragraph has no closing mark, and the next paragraph opens a new one).

A speaker is an actor mention (see :mod:`textkit.actors`) or a pronoun next to a reporting verb
(:data:`VERBS`). For each quotation, in this order:

1. **after**: the text right after the closing mark is ``<speaker> <verb>`` or
   ``<verb> <speaker>`` ("..., Zelenskyy tweeted", "..., wrote Andrii Levus", "..., he said");
2. **before**: the last reporting verb between the start of the quotation's sentence (or the end
   of the previous quotation, if later) and the opening mark, with its subject just before it
   ("Dmitry Peskov told reporters earlier that ...", "Thomas-Greenfield described as") or just
   after it ("said Medvedev:"); up to two auxiliaries or adverbs may stand between subject and
   verb ("has also warned");
3. **continued**: otherwise -- a verb without a subject ("..., but stressed that") or no verb at
   all (the second part of a quotation split by its attribution) -- the speaker of the
   previous quotation in the same paragraph.

A pronoun speaker ("he", "She") is resolved to the nearest preceding mention of a *person*
actor outside quotation marks, in the same document; gender is not checked.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from textkit import tokens

#: Reporting verbs recognised next to a speaker (lower case; matched as whole words).
VERBS = (
    "said", "says", "say", "told", "tells", "tweeted", "tweets", "wrote", "writes", "added",
    "adds", "stressed", "stresses", "warned", "warns", "described", "describes", "declared",
    "stated", "insisted", "noted", "explained", "asked", "replied", "announced", "claimed",
    "argued", "urged", "posted", "recalled", "concluded", "acknowledged", "admitted",
    "cautioned", "complained", "emphasised", "emphasized", "observed", "remarked", "suggested",
    "commented", "responded", "answered", "continued", "predicted", "promised",
)

#: Pronouns resolved to the nearest preceding person actor.
PRONOUNS = ("he", "she")

#: Columns of the table :func:`table` returns.
COLUMNS = (
    "doc_id", "speaker", "group", "type", "speaker_text", "verb", "attribution", "quote",
    "words", "start", "end", "sentence", "paragraph", "closed",
)

_OPENING = "\u201c\u201e"
_CLOSING = "\u201d"
_MARKS = re.compile('["\u201c\u201d\u201e]')
_VERB = re.compile(r"\b(" + "|".join(VERBS) + r")\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(" + "|".join(PRONOUNS) + r")\s*$", re.IGNORECASE)

_LEAD = re.compile(r"\s*,?\s*")
_AUXILIARIES = r"(?:\s+(?:has|have|had|was|is|also|then|later|earlier|again|\w+ly)){0,2}"
_PRONOUN_HEAD = re.compile(r"(" + "|".join(PRONOUNS) + r")\b", re.IGNORECASE)
_VERB_AFTER = re.compile(_AUXILIARIES + r"\s+(" + "|".join(VERBS) + r")\b", re.IGNORECASE)


def spans(text: str) -> pd.DataFrame:
    """Find the direct quotations of a text: their marks, paragraph by paragraph.

    Parameters
    ----------
    text : str
        A text, cleaned or not.

    Returns
    -------
    pandas.DataFrame
        One row per quotation, in text order, with columns

        - ``start`` (int): offset of the opening mark;
        - ``end`` (int): offset just after the closing mark, or the end of the paragraph when
          the quotation is left open;
        - ``closed`` (bool): whether a closing mark ends it.

    Examples
    --------
    >>> t = '“Yes,” he said. “No.\\n\\n"Maybe," she said. “Open'
    >>> found = spans(t)
    >>> [t[s:e] for s, e in zip(found["start"], found["end"])], found["closed"].tolist()
    (['“Yes,”', '“No.', '"Maybe,"', '“Open'], [True, False, True, False])
    """
    rows = []
    for p_start, p_end in tokens.paragraph_spans(text):
        opened = None
        for mark in _MARKS.finditer(text, p_start, p_end):
            char, pos = mark.group(), mark.start()
            if opened is None:
                if char != _CLOSING:  # a stray closing mark opens nothing
                    opened = pos
            elif char in _OPENING:  # a new opening mark while one is open: the first ends here
                rows.append((opened, pos, False))
                opened = pos
            else:
                rows.append((opened, pos + 1, True))
                opened = None
        if opened is not None:
            end = p_end
            rows.append((opened, end, False))
    return pd.DataFrame(rows, columns=["start", "end", "closed"]).astype(
        {"start": "int64", "end": "int64", "closed": bool}
    )


def table(documents: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """List every direct quotation with its speaker and reporting verb.

    Parameters
    ----------
    documents : pandas.DataFrame
        A cleaned corpus with ``doc_id`` and ``text`` columns.
    mentions : pandas.DataFrame
        The corpus's actor mentions (:func:`textkit.actors.mentions`); speakers are found
        among them, so switching metonyms off loses "The Kremlin said".

    Returns
    -------
    pandas.DataFrame
        One row per quotation, in corpus then text order, with columns

        - ``doc_id`` (str): the document;
        - ``speaker`` (str): the speaking actor's name, ``""`` when none was found;
        - ``group``, ``type`` (str): the speaker's group and type (``""`` when none);
        - ``speaker_text`` (str): the words naming the speaker in the text ("Zelenskyy",
          "Kremlin", "he"); for a continued quotation, those of the earlier one;
        - ``verb`` (str): the reporting verb, lower case (``""`` when none);
        - ``attribution`` (str): how the speaker was found: ``after``, ``before``,
          ``continued`` or ``none`` (see the module notes);
        - ``quote`` (str): the quoted words, without the marks and a final comma, on one
          line;
        - ``words`` (int): word tokens in ``quote`` (punctuation not counted);
        - ``start``, ``end`` (int): offsets of the quotation, marks included;
        - ``sentence``, ``paragraph`` (int): where it starts, numbered from 1;
        - ``closed`` (bool): ``False`` when it runs open to the end of its paragraph.

    Examples
    --------
    >>> import yaml
    >>> from textkit import actors
    >>> forms = actors.parse(yaml.compose(
    ...     "actors:\\n  - {name: Dmitry Peskov, type: person, aliases: [Peskov]}"))
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": [
    ...     'Peskov met reporters. "No room," he said. "None.\\n\\n"Later," Peskov added.']})
    >>> q = table(docs, actors.mentions(docs, forms))
    >>> q[["speaker", "speaker_text", "verb", "attribution", "quote", "words", "closed"]]
             speaker speaker_text   verb attribution     quote  words  closed
    0  Dmitry Peskov           he   said       after   No room      2    True
    1  Dmitry Peskov           he   said   continued     None.      1   False
    2  Dmitry Peskov       Peskov  added       after     Later      1    True
    """
    rows = []
    by_doc = {doc_id: part for doc_id, part in mentions.groupby("doc_id", sort=False)}
    empty = mentions.iloc[0:0]
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        rows.extend(_attribute(doc_id, text, by_doc.get(doc_id, empty)))
    result = pd.DataFrame(rows, columns=list(COLUMNS))
    return result.astype(
        {c: object for c in COLUMNS[:8]}
        | {c: "int64" for c in ("words", "start", "end", "sentence", "paragraph")}
        | {"closed": bool}
    )


def _attribute(doc_id, text: str, mentions: pd.DataFrame) -> list:
    """Return the quotation rows of one document."""
    found = spans(text)
    quoted = list(zip(found["start"], found["end"]))
    people = [
        (s, e, a, g, t)
        for s, e, a, g, t in zip(mentions["start"], mentions["end"], mentions["actor"], mentions["group"], mentions["type"])
    ]
    starts = [m[0] for m in people]
    sentence_starts = [s for s, _ in tokens.sentence_spans(text)]
    paragraphs = tokens.paragraph_spans(text)
    paragraph_starts = [s for s, _ in paragraphs]
    quote_starts = [s for s, _ in quoted]

    def inside_quote(pos):
        i = bisect.bisect_right(quote_starts, pos) - 1
        return i >= 0 and pos < quoted[i][1]

    def mention_ending_at(pos):
        """The mention whose end is the last before ``pos`` with only allowed words between."""
        i = bisect.bisect_left(starts, pos) - 1
        if i >= 0 and people[i][1] <= pos and re.fullmatch(_AUXILIARIES + r"\s+", text[people[i][1] : pos]):
            return people[i]
        return None

    def mention_starting_at(pos):
        i = bisect.bisect_left(starts, pos)
        return people[i] if i < len(people) and people[i][0] == pos else None

    def resolve(pronoun_start):
        """The nearest person mention before a pronoun, outside quotations."""
        i = bisect.bisect_left(starts, pronoun_start) - 1
        while i >= 0:
            if people[i][4] == "person" and not inside_quote(people[i][0]):
                return people[i]
            i -= 1
        return None

    def subject_before(verb_start):
        """The speaker just before a verb: a mention or a pronoun; (mention, words) or None."""
        mention = mention_ending_at(verb_start)
        if mention is not None and not inside_quote(mention[0]):
            return mention, text[mention[0] : mention[1]]
        left = text[max(0, verb_start - 40) : verb_start]
        trimmed = re.sub(_AUXILIARIES + r"\s+$", "", left)
        pronoun = _PRONOUN.search(trimmed)
        if pronoun and (not trimmed[: pronoun.start()] or not trimmed[pronoun.start() - 1].isalnum()):
            start = verb_start - len(left) + pronoun.start()
            person = resolve(start)
            if person is not None:
                return person, pronoun.group(1)
        return None

    rows, previous = [], None
    for index, (q_start, q_end, closed) in enumerate(zip(found["start"], found["end"], found["closed"])):
        paragraph = bisect.bisect_right(paragraph_starts, q_start)
        sentence = bisect.bisect_right(sentence_starts, q_start)
        p_end = paragraphs[paragraph - 1][1]
        next_start = quoted[index + 1][0] if index + 1 < len(quoted) else len(text)
        if previous is not None and previous["paragraph"] != paragraph:
            previous = None
        speaker, words_for, verb, how = None, "", "", "none"

        # 1. after the closing mark: "..., Zelenskyy tweeted" / "..., wrote Andrii Levus"
        after = text[q_end : min(next_start, p_end)] if closed else ""
        lead = _LEAD.match(after).end()
        verb_match = _VERB.match(after, lead)
        if verb_match:
            mention = mention_starting_at(q_end + verb_match.end() + _spaces(after, verb_match.end()))
            if mention is not None:
                speaker, words_for, verb, how = mention, text[mention[0] : mention[1]], verb_match.group(1), "after"
        if speaker is None and after:
            mention = mention_starting_at(q_end + lead)
            subject_end = mention[1] - q_end if mention else None
            pronoun = None if mention else _PRONOUN_HEAD.match(after, lead)
            if pronoun:
                subject_end = pronoun.end()
            verb_match = _VERB_AFTER.match(after, subject_end) if subject_end is not None else None
            if verb_match and mention:
                speaker, words_for = mention, text[mention[0] : mention[1]]
            elif verb_match and pronoun and (person := resolve(q_end + lead)) is not None:
                speaker, words_for = person, pronoun.group(1)
            if speaker is not None:
                verb, how = verb_match.group(1), "after"

        # 2. before the opening mark, within the sentence
        verb_seen = ""
        if speaker is None:
            window_start = max(sentence_starts[sentence - 1] if sentence else 0,
                               quoted[index - 1][1] if index else 0)
            window = text[window_start:q_start]
            for verb_match in reversed(list(_VERB.finditer(window))):
                verb_seen = verb_seen or verb_match.group(1)
                v_start, v_end = window_start + verb_match.start(), window_start + verb_match.end()
                found_subject = subject_before(v_start)
                if found_subject is None:
                    mention = mention_starting_at(v_end + _spaces(text, v_end))
                    if mention is not None and mention[0] < q_start:
                        found_subject = mention, text[mention[0] : mention[1]]
                if found_subject is not None:
                    speaker, words_for = found_subject
                    verb, how = verb_match.group(1), "before"
                    break

        # 3. continued from the previous quotation in the paragraph
        if speaker is None and previous is not None and previous["speaker"] is not None:
            speaker, words_for = previous["speaker"], previous["words_for"]
            verb, how = verb_seen or previous["verb"], "continued"

        inner = text[q_start + 1 : q_end - 1 if closed else q_end]
        quote = " ".join(inner.split()).removesuffix(",")  # AP puts the comma inside the marks
        words = sum(1 for t in tokens.words(quote) if tokens.is_word(t) and t not in ("'s", "’s"))
        actor, group, kind = (speaker[2], speaker[3], speaker[4]) if speaker else ("", "", "")
        rows.append((doc_id, actor, group, kind, words_for, verb.lower(), how, quote, words,
                     q_start, q_end, sentence, paragraph, bool(closed)))
        previous = {"paragraph": paragraph, "speaker": speaker, "words_for": words_for, "verb": verb.lower()}
    return rows


def _spaces(text: str, pos: int) -> int:
    """Return how many whitespace characters start at ``pos``."""
    end = pos
    while end < len(text) and text[end].isspace():
        end += 1
    return end - pos


def voice(quotations: pd.DataFrame, *, by: str = "actor") -> pd.DataFrame:
    """Measure share of voice: quotations and quoted words per speaker or per group.

    Parameters
    ----------
    quotations : pandas.DataFrame
        A table from :func:`table`.
    by : {"actor", "group"}, default "actor"
        Count per speaking actor or per group.

    Returns
    -------
    pandas.DataFrame
        One row per speaker (or group), plus a row ``"(unattributed)"`` when some
        quotations have no speaker; sorted by ``words`` descending, ``quotes`` descending,
        then name, with columns

        - ``actor`` (str) and ``group`` (str) for ``by="actor"``; ``group`` (str) for
          ``by="group"``;
        - ``quotes`` (int): quotations;
        - ``words`` (int): quoted word tokens;
        - ``quote_share`` (float): ``quotes`` / all quotations, rounded to 6 decimals;
        - ``word_share`` (float): ``words`` / all quoted words, rounded to 6 decimals.

    Examples
    --------
    >>> q = pd.DataFrame({"speaker": ["Peskov", "Peskov", "Lavrov", ""],
    ...     "group": ["Russia", "Russia", "Russia", ""], "words": [4, 2, 6, 3]})
    >>> voice(q)
                actor           group  quotes  words  quote_share  word_share
    0          Peskov          Russia       2      6         0.50         0.4
    1          Lavrov          Russia       1      6         0.25         0.4
    2  (unattributed)  (unattributed)       1      3         0.25         0.2
    >>> voice(q, by="group")[["group", "quotes", "words"]]
                group  quotes  words
    0          Russia       3     12
    1  (unattributed)       1      3
    """
    if by not in ("actor", "group"):
        from textkit.errors import ParameterError

        raise ParameterError(f"parameter by must be 'actor' or 'group', got {by!r}.")
    frame = pd.DataFrame({
        "actor": quotations["speaker"].replace("", "(unattributed)"),
        "group": quotations["group"].replace("", "(unattributed)"),
        "words": quotations["words"].astype("int64"),
    })
    keys = ["actor", "group"] if by == "actor" else ["group"]
    columns = keys + ["quotes", "words", "quote_share", "word_share"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby(keys)
    result = pd.DataFrame({"quotes": grouped.size(), "words": grouped["words"].sum()}).reset_index()
    total_words = result["words"].sum()
    result["quote_share"] = (result["quotes"] / result["quotes"].sum()).round(6)
    result["word_share"] = (result["words"] / total_words).round(6) if total_words else 0.0
    result["last"] = result[keys[0]] == "(unattributed)"
    result = result.sort_values(
        ["last", "words", "quotes", keys[0]], ascending=[True, False, False, True]
    ).reset_index(drop=True)
    return result[columns].astype({c: object for c in keys} | {"quotes": "int64", "words": "int64"})
