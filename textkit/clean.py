"""Clean news text with small steps composed into a pipeline, each reporting its own edits.

Each step does one thing and can be switched off. :data:`NEWS` is the default order, a plain
tuple of step names a student can read and edit; :data:`STEPS` maps each name to its function,
``str -> str`` (the furniture steps also take the corpus ``evidence``). The furniture steps
(headline suffix, dateline, byline, copyright, boilerplate) run before the character steps so
that they see the raw dashes and quotes of a wire story. They remove furniture only with evidence
(:mod:`textkit.finders`): a known outlet or wire pattern, or — in :func:`corpus` — a suffix or
line that repeats across the documents (:func:`evidence`). A " - Smith" after one headline, a
referee's name ending one report, "Copyright lawyers said …" are text and stay.

Every step finds its edits as it works (:class:`textkit.furniture.Edit`: where, what, why), and
a corpus's edits are kept with its cleaned texts. What the steps changed is reported by
:mod:`textkit.cleanreport` -- ``report`` (a summary per step) and ``removals`` (every furniture
removal in full), importable from here as ``clean.report`` and ``clean.removals`` -- at the cost
of one pass over the text, like the cleaning itself.

Examples
--------
>>> raw = "Talks fail | News\\n\\nMOSCOW — Putin’s “no” stands.\\n\\nCopyright 2022 AP. All rights reserved.\\n\\nJane Doe"
>>> text(raw)
'Talks fail\\n\\nPutin\\'s "no" stands.'
>>> text(raw, skip=("dateline", "byline"))
'Talks fail\\n\\nMOSCOW - Putin\\'s "no" stands.\\n\\nJane Doe'
>>> text("Budget plans 'reckless' - Smith\\n\\nThe match ended 2-1.\\n\\nMichael Oliver")  # all text
"Budget plans 'reckless' - Smith\\n\\nThe match ended 2-1.\\n\\nMichael Oliver"
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from textkit import finders, furniture
from textkit.errors import ParameterError
from textkit.furniture import NOTHING, Edit, Known, evidence

__all__ = ["NEWS", "STEPS", "corpus", "evidence", "removals", "report", "steps",  # noqa: F822
           "text"]  # removals and report: from textkit.cleanreport, on first use (__getattr__)

# --------------------------------------------------------------------------------------------
# Character steps: each finder returns the edits, the public step applies them
# --------------------------------------------------------------------------------------------

_QUOTE_MAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u02bc": "'",
}
_DASH_MAP = {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
_QUOTE_CHARS = re.compile("[" + "".join(_QUOTE_MAP) + "]")
_DASH_CHARS = re.compile("[" + "".join(_DASH_MAP) + "]")
_NON_ASCII = re.compile(r"(?s).?[^\x00-\x7f]+")
#: Every character ``\s`` matches, spelt out: a pattern that starts with an explicit class is
#: searched about three times faster (a test checks the class is exactly ``\s``).
SPACE_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f"
               "\u205f\u3000")
# Whitespace inside the text that can change: runs of two or more, or one tab, no-break space, …
_WHITESPACE = re.compile(f"[{SPACE_CHARS}]{{2,}}|[^\\S \\n]")


def _nfc_edits(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """NFC edits, found run by run of non-ASCII characters (ASCII never composes with what
    precedes it, so each run and the character before it normalise on their own)."""
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for match in _NON_ASCII.finditer(text):
        new = unicodedata.normalize("NFC", match.group())
        if new != match.group():
            edits.append(Edit(match.start(), match.end(), match.group(), new, "NFC"))
    return edits


def _quote_edits(text: str, evidence: Known = NOTHING) -> list[Edit]:
    return [Edit(m.start(), m.end(), m.group(), _QUOTE_MAP[m.group()], "ASCII quote")
            for m in _QUOTE_CHARS.finditer(text)]


def _dash_edits(text: str, evidence: Known = NOTHING) -> list[Edit]:
    return [Edit(m.start(), m.end(), m.group(), "-", "ASCII hyphen")
            for m in _DASH_CHARS.finditer(text)]


def _whitespace_edits(text: str, evidence: Known = NOTHING) -> list[Edit]:
    """One edit per whitespace run that changes: none at the ends, a blank-line run becomes one
    blank line, a run with one line break becomes the break, any other run one space."""
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    if first >= last:
        return [Edit(0, len(text), text, "", "whitespace")] if text else []
    edits = [Edit(0, first, text[:first], "", "whitespace")] if first else []
    for match in _WHITESPACE.finditer(text, first, last):
        run = match.group()
        new = " " if "\n" not in run else "\n" if run.count("\n") == 1 else "\n\n"
        if new != run:
            edits.append(Edit(match.start(), match.end(), run, new, "whitespace"))
    if last < len(text):
        edits.append(Edit(last, len(text), text[last:], "", "whitespace"))
    return edits


def _apply(text: str, edits: list[Edit]) -> str:
    """Make the edits (sorted, not overlapping) in one pass."""
    if not edits:
        return text
    parts, at = [], 0
    for edit in edits:
        parts += [text[at : edit.start], edit.new]
        at = edit.end
    parts.append(text[at:])
    return "".join(parts)


def nfc(text: str) -> str:
    """Normalise Unicode to NFC (composed characters), so "é" is always one code point.

    >>> nfc("Ze\\u0301lensky") == "Zélensky"
    True
    """
    return _apply(text, _nfc_edits(text))


def quotes(text: str) -> str:
    """Turn curly, angled and prime quotation marks and apostrophes into ASCII ``"`` and ``'``.

    >>> quotes("“Russia’s ‘main’ demands”")
    '"Russia\\'s \\'main\\' demands"'
    """
    return _apply(text, _quote_edits(text))


def dashes(text: str) -> str:
    """Turn en dashes, em dashes, minus signs and Unicode hyphens into ASCII ``-``.

    >>> dashes("response – and — de‐escalation −5")
    'response - and - de-escalation -5'
    """
    return _apply(text, _dash_edits(text))


def whitespace(text: str) -> str:
    """Collapse runs of spaces and tabs (including no-break spaces) to one space, blank-line runs
    to one blank line, drop spaces at line ends, and strip the text.

    >>> whitespace("  Kyiv\\u00a0 and\\tKiev \\n\\n\\n\\nNext  ")
    'Kyiv and Kiev\\n\\nNext'
    """
    return _apply(text, _whitespace_edits(text))


# --------------------------------------------------------------------------------------------
# Furniture steps (the rules and their reasons are in textkit.finders)
# --------------------------------------------------------------------------------------------


def headline_suffix(text: str, evidence: pd.DataFrame | Known | None = None) -> str:
    """Remove a site name after the headline: a known outlet ("… - BBC News", "… | News"), or a
    suffix that repeats across the corpus (``evidence``). A single " - Smith" is text.

    >>> headline_suffix("Russia sees little optimism | News\\n\\nBody.")
    'Russia sees little optimism\\n\\nBody.'
    >>> headline_suffix("Budget plans 'reckless' - Smith\\n\\nBody.")
    "Budget plans 'reckless' - Smith\\n\\nBody."
    """
    return _apply(text, finders.find_headline_suffix(text, furniture.known(evidence)))


def dateline(text: str, evidence: pd.DataFrame | Known | None = None) -> str:
    """Remove the dateline at the very start of an article: date lines ("Friday, January 4,
    2019") and a wire dateline ("MOSCOW —", "KYIV, Ukraine (AP) —"); datelines further down
    stay (see :func:`textkit.finders.find_dateline`).

    >>> dateline("Headline\\n\\nMOSCOW — The Kremlin said.")
    'Headline\\n\\nThe Kremlin said.'
    >>> dateline("NATO — the alliance — said.\\n\\nUS officials.")  # an acronym, no place
    'NATO — the alliance — said.\\n\\nUS officials.'
    """
    return _apply(text, finders.find_dateline(text))


def byline(text: str, evidence: pd.DataFrame | Known | None = None) -> str:
    """Remove bylines and wire credits with evidence: a "By Jane Doe" line, "Reporting by …",
    "… contributed to this report.", a name line right after a copyright notice at the end, or a
    name line that repeats across the corpus (``evidence``). A lone name ending one report stays
    (see :func:`textkit.finders.find_byline`).

    >>> byline("Body.\\n\\nBy Jane Doe")
    'Body.'
    >>> byline("The match ended 2-1.\\n\\nMichael Oliver")
    'The match ended 2-1.\\n\\nMichael Oliver'
    """
    return _apply(text, finders.find_byline(text, furniture.known(evidence)))


def copyright(text: str, evidence: pd.DataFrame | Known | None = None) -> str:
    """Remove copyright notices: lines that are only a notice ("Copyright 2022 The Associated
    Press. All rights reserved. …", "© 2020 Reuters") and a notice ending the last line. A
    sentence about copyright stays (see :func:`textkit.finders.find_copyright`).

    >>> copyright("Body.\\n\\nCopyright 2022 The Associated Press. All rights reserved.\\n\\nEnd.")
    'Body.\\n\\nEnd.'
    >>> copyright("Copyright lawyers said the ruling was wrong.")
    'Copyright lawyers said the ruling was wrong.'
    """
    return _apply(text, finders.find_copyright(text))


def boilerplate(text: str, evidence: pd.DataFrame | Known | None = None) -> str:
    """Remove boilerplate at the edges: lines that repeat across the corpus (``evidence``) and
    the AP's footers (see :func:`textkit.finders.find_boilerplate`).

    >>> boilerplate("Body.\\n\\nFollow AP's coverage at https://apnews.com/hub/ukraine")
    'Body.'
    """
    return _apply(text, finders.find_boilerplate(text, furniture.known(evidence)))


# --------------------------------------------------------------------------------------------
# The pipeline
# --------------------------------------------------------------------------------------------

#: Every cleaning step by name.
STEPS: dict[str, Callable[..., str]] = {
    "nfc": nfc,
    "headline_suffix": headline_suffix,
    "dateline": dateline,
    "byline": byline,
    "copyright": copyright,
    "boilerplate": boilerplate,
    "quotes": quotes,
    "dashes": dashes,
    "whitespace": whitespace,
}

#: The default pipeline for wire stories, in order. ``byline`` runs before ``copyright``: a name
#: line right after a copyright notice is a byline, which it can see only while the notice is there.
NEWS: tuple[str, ...] = tuple(STEPS)

# The finders behind the steps: (text, Known) -> list of Edit, in text order.
_FINDERS: dict[str, Callable[[str, Known], list[Edit]]] = {
    "nfc": _nfc_edits,
    "headline_suffix": finders.find_headline_suffix,
    "dateline": finders.find_dateline,
    "byline": finders.find_byline,
    "copyright": finders.find_copyright,
    "boilerplate": finders.find_boilerplate,
    "quotes": _quote_edits,
    "dashes": _dash_edits,
    "whitespace": _whitespace_edits,
}
# The steps that use corpus evidence: only for them is it learnt.
_LEARNING = {"headline_suffix", "byline", "boilerplate"}


def steps(names: Iterable[str] = NEWS, *, skip: Iterable[str] = ()) -> tuple[str, ...]:
    """Return the step names to run: ``names`` in order, without ``skip``; check every name.

    Parameters
    ----------
    names : iterable of str, default NEWS
        The steps, in order.
    skip : iterable of str or str, default ()
        Steps to switch off; a string is read as comma-separated names (``"byline,dateline"``),
        as the notebooks' ``skip_cleaning`` parameter gives it.

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> steps(skip=["byline", "copyright"])
    ('nfc', 'headline_suffix', 'dateline', 'boilerplate', 'quotes', 'dashes', 'whitespace')
    >>> steps(skip="dateline, byline") == steps(skip=["byline", "dateline"])
    True
    >>> steps(skip=["bylines"])
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: unknown cleaning step 'bylines'; the steps are: nfc, headline_suffix, dateline, byline, copyright, boilerplate, quotes, dashes, whitespace.
    """
    if isinstance(skip, str):
        skip = skip.split(",")
    names, skip = tuple(names), tuple(s.strip() for s in skip if s.strip())
    for name in names + skip:
        if name not in STEPS:
            raise ParameterError(
                f"unknown cleaning step {name!r}; the steps are: {', '.join(STEPS)}."
            )
    return tuple(n for n in names if n not in skip)


def _clean(raw: str, chosen: tuple[str, ...], known: Known) -> tuple[str, list[list[Edit]]]:
    """Run the steps on one text; return the result and each step's edits."""
    done = []
    for name in chosen:
        edits = _FINDERS[name](raw, known)
        raw = _apply(raw, edits)
        done.append(edits)
    return raw, done


def text(raw: str, *, names: Iterable[str] = NEWS, skip: Iterable[str] = (),
         evidence: pd.DataFrame | None = None) -> str:
    """Run the cleaning steps on one text.

    Parameters
    ----------
    raw : str
        The text as read.
    names : iterable of str, default NEWS
        The steps to run, in order.
    skip : iterable of str, default ()
        Steps to switch off.
    evidence : pandas.DataFrame or None, default None
        Repeated furniture learnt from a corpus (:func:`evidence`); ``None``: known patterns only.

    Returns
    -------
    str
        The cleaned text.
    """
    return _clean(raw, steps(names, skip=skip), furniture.known(evidence))[0]


def _known(documents: pd.DataFrame, chosen: tuple[str, ...], given: pd.DataFrame | None) -> Known:
    """The evidence to clean a corpus with: the given table, else learnt from the documents."""
    if given is None and _LEARNING.intersection(chosen):
        given = evidence(documents)
    return furniture.known(given)


def corpus(documents: pd.DataFrame, *, names: Iterable[str] = NEWS, skip: Iterable[str] = (),
           evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return a copy of a corpus with every ``text`` cleaned (other columns unchanged).

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with a ``text`` column (see :func:`textkit.files.read_corpus`).
    names, skip
        As in :func:`text`.
    evidence : pandas.DataFrame or None, default None
        Repeated furniture (:func:`evidence`); ``None`` learns it from ``documents``, so a
        site suffix or footer shared by several documents is removed.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns; ``text`` cleaned.
    """
    chosen = steps(names, skip=skip)
    known = _known(documents, chosen, evidence)
    cleaned = documents.copy()
    cleaned["text"] = _cleaned(documents["text"], chosen, known, edits=False)[0]
    return cleaned


#: The last corpus cleaned: its key, the cleaned texts and, once asked for or worked out here,
#: each text's edits (a notebook cleans a corpus, then reports and lists what was removed, and
#: each of those needs the same pass).
_last: dict = {}


def streamed(documents: pd.DataFrame, *, names: Iterable[str] = NEWS,
             skip: Iterable[str] = ()) -> Iterator[str]:
    """Clean a corpus text by text, the longest first, handing on each cleaned text at once.

    For the run's split (:func:`textkit.textindex.prepare_corpus`), which sends each text to a
    worker while the next one is cleaned. Once every text is done, the texts and their edits are
    kept and stored as :func:`corpus` keeps and stores them, so :func:`corpus` of the same
    documents (in this process, or in a notebook of the run) finds them done.

    Yields
    ------
    str
        The cleaned texts, the longest (as read) first.
    """
    from textkit import engines

    chosen = steps(names, skip=skip)
    known = _known(documents, chosen, None)
    texts = list(documents["text"])
    done = [None] * len(texts)
    for position in engines.longest_first(texts):  # the order the engines send texts in
        done[position] = _clean(texts[position], chosen, known)
        yield done[position][0]
    _cleaned(texts, chosen, known, edits=False, done=done)


def _cleaned(texts, chosen: tuple[str, ...], known: Known, *, edits: bool = True,
             done: list | None = None) -> tuple[list[str], list[list[list[Edit]]] | None]:
    """:func:`_clean` on every text: the cleaned texts, and each text's edits when ``edits``.

    The same texts, steps and evidence again are not redone. In a ``textkit run`` the
    notebooks share the result through the run's cache (:func:`textkit.textindex.shared`): the
    corpus is cleaned once per run, not once per notebook, and the texts and the edits are
    stored apart, so that a notebook that only analyses the texts never holds the edits (at
    30 MB of books, 144,000 edits take about 40 MB of each kernel's memory). ``done``: each
    text's :func:`_clean` result, already worked out (by :func:`streamed`).
    """
    from textkit import textindex

    key = textindex.fingerprint(texts, chosen, *(sorted(part) for part in known))
    if _last.get("key") != key:
        _last.clear()
        _last["key"] = key
    done = [] if done is None else [done]  # the cleaning itself, done here (or given)

    def both():
        if not done:
            done.append([_clean(text, chosen, known) for text in texts])
        return done[0]

    if "texts" not in _last:
        _last["texts"] = textindex.shared("clean-texts-" + key, lambda: [t for t, _ in both()])
    if (edits or done) and "edits" not in _last:  # edits worked out here are kept, and stored
        _last["edits"] = textindex.shared("clean-edits-" + key, lambda: [e for _, e in both()])
    return _last["texts"], _last["edits"] if edits else None


#: Names of :mod:`textkit.cleanreport` that ``clean.NAME`` reaches too (notebook 01 calls them).
_CLEANREPORT = ("removals", "report")


def __getattr__(name):
    if name in _CLEANREPORT:  # imported on first use: cleanreport imports this module
        from textkit import cleanreport

        return getattr(cleanreport, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
