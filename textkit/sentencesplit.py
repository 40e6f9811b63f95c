"""Split text into paragraphs and sentences.

Paragraphs are the text between blank lines (:func:`paragraph_spans`), trimmed of the whitespace
at both ends. Sentences come from NLTK's Punkt algorithm, untrained (nothing here needs
downloaded NLTK data; its patterns are run by ``re``, see :mod:`textkit.punkt`), given a list of
known abbreviations (:data:`ABBREVIATIONS`) so that it does not split after "U.S.", "Mr.",
"Gen." or "Jan."; it runs paragraph by paragraph, so a sentence never crosses a blank line.
Every span is a ``(start, end)`` pair of character offsets into the text.

:func:`split_sentences` is Punkt itself. :func:`sentence_spans` and :func:`sentences`, with the
default abbreviations, read each text's sentences from :mod:`textkit.textindex`, which splits
every text once per process (or once per run, through ``textkit run``'s cache; its key hashes
:data:`ABBREVIATIONS`).

:mod:`textkit.tokens` re-exports the public names (``tokens.sentences``,
``tokens.sentence_spans``, ``tokens.paragraph_spans``, ``tokens.split_sentences``,
``tokens.ABBREVIATIONS``); word tokens are made there.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Abbreviations (lower case, without the final full stop) after which Punkt must not end a
#: sentence. Extend it for your corpus: ``sentences(text, abbreviations=ABBREVIATIONS | {"approx"})``.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof rev hon sen rep gov pres gen lt col maj capt sgt cmdr adm brig
    st jr sr messrs mmes sec amb supt insp det cpl pvt
    jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri
    inc corp co ltd llc plc bros dept univ assn approx vs etc
    u.s u.s.a u.k u.n e.u d.c a.m p.m e.g i.e ft mt
    ala ariz ark calif colo conn fla ga kan ky md mich minn mont neb nev okla tenn tex va vt wis wyo
    """.split()
)
# Words that are also common sentence-final words ("said no.", "he sat.", "Mass.") are left out
# on purpose: a missed split after "No. 1" costs less than a sentence glued to the next one.

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of the paragraphs (split at blank lines).

    Examples
    --------
    >>> text = "Headline\\n\\nFirst para.\\nStill first.\\n\\n\\nSecond."
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['Headline', 'First para.\\nStill first.', 'Second.']
    """
    spans, start = [], 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in _trim(text, spans) if e > s]


def sentence_spans(
    text: str, *, abbreviations: frozenset[str] = ABBREVIATIONS
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character offsets of the sentences, paragraph by paragraph.

    Parameters
    ----------
    text : str
        Cleaned text.
    abbreviations : frozenset of str, default ABBREVIATIONS
        Lower-case abbreviations without their final stop, after which no sentence ends.

    Returns
    -------
    list of tuple of int
        Offsets into ``text``; sentences never cross a paragraph break.

    Examples
    --------
    >>> text = "Mr. Putin met Gen. Smith in the U.S. on Jan. 3. He left.\\n\\nNew paragraph"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Mr. Putin met Gen. Smith in the U.S. on Jan. 3.', 'He left.', 'New paragraph']

    With the default abbreviations, each text is split once per process (or once per run,
    through ``textkit run``'s cache): see :mod:`textkit.textindex`.
    """
    if abbreviations == ABBREVIATIONS:
        from textkit import textindex

        starts, ends = textindex.of(text).sentences.T.tolist()  # two lists: no list per sentence
        return list(zip(starts, ends))
    return split_sentences(text, abbreviations=abbreviations)


def split_sentences(
    text: str, *, abbreviations: frozenset[str] = ABBREVIATIONS
) -> list[tuple[int, int]]:
    """Split text into sentences with Punkt, paragraph by paragraph (:func:`sentence_spans`
    without its cache)."""
    splitter = _punkt(abbreviations)
    spans = []
    for p_start, p_end in paragraph_spans(text):
        for s, e in splitter.span_tokenize(text[p_start:p_end]):
            spans.append((p_start + s, p_start + e))
    return spans


def sentences(text: str, *, abbreviations: frozenset[str] = ABBREVIATIONS) -> list[str]:
    """Split text into sentences (see :func:`sentence_spans`).

    Examples
    --------
    >>> sentences("The U.S. said no. Russia said yes.")
    ['The U.S. said no.', 'Russia said yes.']
    """
    return [text[s:e] for s, e in sentence_spans(text, abbreviations=abbreviations)]


@lru_cache(maxsize=8)
def _punkt(abbreviations: frozenset[str]):
    """Build an untrained Punkt splitter that knows ``abbreviations`` (cached per set): NLTK's,
    its patterns run by ``re`` (:mod:`textkit.punkt`)."""
    from textkit import punkt

    return punkt.splitter(abbreviations)


def _trim(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Shrink spans so they neither start nor end with whitespace."""
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        trimmed.append((s, e))
    return trimmed
