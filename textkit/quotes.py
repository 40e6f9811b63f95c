"""Find direct quotations, name each one's speaker, and measure share of voice.

This module is the public face of four rooms (its names -- :func:`spans`, :func:`table`,
:func:`voice`, :data:`VERBS`, :data:`CUES`, :data:`NAMING`, :data:`COLUMNS` and the records --
are the ones notebooks and tests use):

- :mod:`textkit.quotemarks` -- where the quotations are: quotation marks, curly or straight;
  pairing paragraph by paragraph (AP and British continuations, nested and unbalanced marks);
  what is not a quotation (scare quotes, titles, nicknames); :func:`spans`.
- :mod:`textkit.quotewords` -- the words of reported speech: the reporting verbs, the speech
  cues and the naming words.
- :mod:`textkit.speakers` -- who speaks: the subject of a reporting verb right after the
  quotation, before it in its sentence, or the speaker of the quotation it continues.
- :mod:`textkit.referents` -- who that subject is: a name in the fullest form the document
  gives, a role, a pronoun's nearest fitting antecedent, and the dictionary actor it links to
  (only when the text names that actor, never someone else).

:func:`table` runs them over a corpus; :func:`voice` counts the result per actor, group or
speaker. Everything is linear in the text: one pass for the marks, names and mentions, and
bisection for every look-up.
"""

from __future__ import annotations

import pandas as pd

from textkit import memory, referents, speakers
from textkit.errors import ParameterError
from textkit.textindex import progress
from textkit.quotemarks import Mark, spans  # noqa: F401  (re-exported)
from textkit.quotemarks import Span, inner_text
from textkit.quotemarks import word_count  # noqa: F401  (importable from here, as before)
from textkit.quotewords import CUES, NAMING, VERBS  # noqa: F401  (re-exported)
from textkit.referents import Attribution, Document
from textkit.referents import Entity, Subject  # noqa: F401  (re-exported)

#: Columns of the table :func:`table` returns.
COLUMNS = (
    "doc_id", "speaker", "title", "speaker_kind", "actor", "group", "type", "speaker_text",
    "verb", "attribution", "quote", "words", "start", "end", "sentence", "paragraph", "closed",
    "continued",
)


# --------------------------------------------------------------------------------------------
# The quotation table
# --------------------------------------------------------------------------------------------


@memory.gives_back
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
          ``continued`` or ``none`` (see :mod:`textkit.speakers`);
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
    forms = referents.dictionary_forms(mentions)
    by_doc = {doc_id: part for doc_id, part in mentions.groupby("doc_id", sort=False)}
    empty = mentions.iloc[0:0]
    rows = []
    for doc_id, text in progress(zip(documents["doc_id"], documents["text"]),
                                 "finding quotations", total=len(documents)):
        document = referents.build(doc_id, text, by_doc.get(doc_id, empty), forms)
        found = speakers.attribute(document)
        rows.extend(_row(document, span, who, words)
                    for span, who, words in zip(document.spans, found, document.words))
    result = pd.DataFrame(rows, columns=list(COLUMNS))
    return result.astype(
        {c: object for c in COLUMNS[:11]}
        | {c: "int64" for c in ("words", "start", "end", "sentence", "paragraph")}
        | {"closed": bool, "continued": bool}
    )


def _row(document: Document, span: Span, found: Attribution, words: int) -> tuple:
    """Return one row of :func:`table` (``words``: the quotation's word count)."""
    entity = found.entity
    quote = " ".join(inner_text(document.text, span).split()).removesuffix(",")
    speaker = ("",) * 6
    if entity is not None:
        speaker = (entity.speaker, entity.title, entity.kind, entity.actor, entity.group, entity.type)
    return (
        document.doc_id, *speaker, found.words, found.verb.lower(), found.how, quote,
        words, span.start, span.end, document.sentence_of(span.start),
        document.paragraph_of(span.start), span.closed, span.continued,
    )


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
