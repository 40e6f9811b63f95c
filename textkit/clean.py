"""Clean news text with small ``str -> str`` steps composed into a pipeline.

Each step does one thing and can be switched off. :data:`NEWS` is the default order, a plain
tuple of step names a student can read and edit; :data:`STEPS` maps each name to its function.
The furniture steps (headline suffix, dateline, copyright, byline) run before the character
steps so that they can recognise the raw dashes and quotes of a wire story.

:func:`report` shows what each step changed in each document, so nothing disappears silently.

Examples
--------
>>> raw = "Talks fail | News\\n\\nMOSCOW — Putin’s “no” stands.\\n\\nCopyright 2022 AP. All rights reserved.\\n\\nJane Doe"
>>> text(raw)
'Talks fail\\n\\nPutin\\'s "no" stands.'
>>> text(raw, skip=("dateline", "byline"))
'Talks fail\\n\\nMOSCOW - Putin\\'s "no" stands.\\n\\nJane Doe'
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

import pandas as pd

from textkit.errors import ParameterError

# --------------------------------------------------------------------------------------------
# Character steps
# --------------------------------------------------------------------------------------------

_QUOTES = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2033": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u02bc": "'",
    }
)
_DASHES = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"}
)
_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def nfc(text: str) -> str:
    """Normalise Unicode to NFC (composed characters), so "é" is always one code point.

    >>> nfc("Ze\\u0301lensky") == "Zélensky"
    True
    """
    return unicodedata.normalize("NFC", text)


def quotes(text: str) -> str:
    """Turn curly, angled and prime quotation marks and apostrophes into ASCII ``"`` and ``'``.

    >>> quotes("“Russia’s ‘main’ demands”")
    '"Russia\\'s \\'main\\' demands"'
    """
    return text.translate(_QUOTES)


def dashes(text: str) -> str:
    """Turn en dashes, em dashes, minus signs and Unicode hyphens into ASCII ``-``.

    >>> dashes("response – and — de‐escalation −5")
    'response - and - de-escalation -5'
    """
    return text.translate(_DASHES)


def whitespace(text: str) -> str:
    """Collapse runs of spaces and tabs (including no-break spaces) to one space, blank-line runs
    to one blank line, drop spaces at line ends, and strip the text.

    >>> whitespace("  Kyiv\\u00a0 and\\tKiev \\n\\n\\n\\nNext  ")
    'Kyiv and Kiev\\n\\nNext'
    """
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


# --------------------------------------------------------------------------------------------
# Wire-story furniture
# --------------------------------------------------------------------------------------------

# After a bar, any short name ("| News"); after a dash, only 1-4 capitalised words that do not end
# a sentence ("- BBC News"), so "Russia – Ukraine talks resume" or "KYIV (AP) — Talks." are kept.
_HEADLINE_SUFFIX = re.compile(
    r"\A([^\n]*?)[ \t]+"
    r"(?:\|[ \t]+[^\n|]{1,40}?"
    r"|[\u2013\u2014-][ \t]+[A-Z0-9][\w&'\u2019.]*(?:[ \t]+[A-Z0-9][\w&'\u2019.]*){0,3}(?<![.!?]))"
    r"[ \t]*(?=\n|\Z)"
)
_DATELINE = re.compile(
    r"""^
    [A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+)*        # MOSCOW, NEW YORK, KYIV
    (?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)*)? # , Ukraine  /  , N.Y.
    (?:[ ]\([A-Za-z ]+\))?                          # (AP)
    (?:[ ]+[\u2013\u2014\u2015-]{1,2}|[\u2013\u2014\u2015]|--)[ ]*  # " —", "—", "--", " -"; not "U.S.-Russia"
    """,
    re.VERBOSE | re.MULTILINE,
)
_COPYRIGHT = re.compile(
    r"^(?:(?:copyright\b|\u00a9|\(c\))[^\n]*|[^\n]*\ball rights reserved\b[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_BYLINE_WORD = re.compile(r"(?:[A-Z][\w'\-]*\.?|[A-Z]\.|by|and|de|van|von|al|bin)$")


def headline_suffix(text: str) -> str:
    """Remove a site name after a bar or dash at the end of the first line ("… | News").

    >>> headline_suffix("Russia sees little optimism | News\\n\\nBody.")
    'Russia sees little optimism\\n\\nBody.'
    >>> headline_suffix("No suffix here\\n\\nBody | kept.")
    'No suffix here\\n\\nBody | kept.'
    """
    return _HEADLINE_SUFFIX.sub(r"\1", text, count=1)


def dateline(text: str) -> str:
    """Remove the dateline ("MOSCOW —", "KYIV, Ukraine (AP) —") from the first paragraph that
    starts with one; the place name in it is furniture, not a mention.

    >>> dateline("Headline\\n\\nMOSCOW — The Kremlin said.")
    'Headline\\n\\nThe Kremlin said.'
    >>> dateline("KYIV, Ukraine (AP) — Talks.")
    'Talks.'
    >>> dateline("NATO — the alliance — said.\\n\\nUS officials.")  # one capitalised word, no dash after a place: kept
    'NATO — the alliance — said.\\n\\nUS officials.'
    """
    head = text[:2000]
    for match in _DATELINE.finditer(head):
        place = match.group(0).split(",")[0].split("(")[0].strip(" -\u2013\u2014\u2015")
        if len(place) >= 3 and not _is_acronym_sentence(text, match):
            return text[: match.start()] + text[match.end() :]
    return text


def _is_acronym_sentence(text: str, match: re.Match) -> bool:
    """Tell a dateline ("MOSCOW — The") from an acronym subject ("NATO — the alliance —")."""
    after = text[match.end() : match.end() + 1]
    return not after[:1].isupper()


def copyright(text: str) -> str:
    """Remove paragraphs that are a copyright notice or say "All rights reserved".

    >>> copyright("Body.\\n\\nCopyright 2022 The Associated Press. All rights reserved.\\n\\nEnd.")
    'Body.\\n\\n\\n\\nEnd.'
    """
    return _COPYRIGHT.sub("", text)


def byline(text: str) -> str:
    """Remove a trailing byline: a short last paragraph that is only a name ("Christi C. Elwood",
    "By Jane Doe"), or a "... contributed to this report" line.

    >>> byline("The story ends here.\\n\\nChristi C. Elwood")
    'The story ends here.'
    >>> byline("The story ends here.\\n\\nSanctions Loom Large.")  # ends with a full stop: kept
    'The story ends here.\\n\\nSanctions Loom Large.'
    """
    body, sep, last = text.rstrip().rpartition("\n\n")
    if not sep:
        return text
    words = last.split()
    is_name = (
        0 < len(words) <= 6
        and len(last) <= 60
        and not last.rstrip().endswith(("!", "?", ":", '"'))
        and not (last.rstrip().endswith(".") and not re.search(r"\b[A-Z]\.$", last.rstrip()))
        and all(_BYLINE_WORD.match(w) for w in words)
    )
    contributed = re.search(r"contributed to this report\.?$", last, re.IGNORECASE)
    return body.rstrip() if is_name or contributed else text


# --------------------------------------------------------------------------------------------
# The pipeline
# --------------------------------------------------------------------------------------------

#: Every cleaning step by name.
STEPS: dict[str, Callable[[str], str]] = {
    "nfc": nfc,
    "headline_suffix": headline_suffix,
    "dateline": dateline,
    "copyright": copyright,
    "byline": byline,
    "quotes": quotes,
    "dashes": dashes,
    "whitespace": whitespace,
}

#: The default pipeline for wire stories, in order.
NEWS: tuple[str, ...] = (
    "nfc",
    "headline_suffix",
    "dateline",
    "copyright",
    "byline",
    "quotes",
    "dashes",
    "whitespace",
)


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
    ('nfc', 'headline_suffix', 'dateline', 'quotes', 'dashes', 'whitespace')
    >>> steps(skip="dateline, byline") == steps(skip=["byline", "dateline"])
    True
    >>> steps(skip=["bylines"])
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: unknown cleaning step 'bylines'; the steps are: nfc, headline_suffix, dateline, copyright, byline, quotes, dashes, whitespace.
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


def text(raw: str, *, names: Iterable[str] = NEWS, skip: Iterable[str] = ()) -> str:
    """Run the cleaning steps on one text.

    Parameters
    ----------
    raw : str
        The text as read.
    names : iterable of str, default NEWS
        The steps to run, in order.
    skip : iterable of str, default ()
        Steps to switch off.

    Returns
    -------
    str
        The cleaned text.
    """
    for name in steps(names, skip=skip):
        raw = STEPS[name](raw)
    return raw


def corpus(documents: pd.DataFrame, *, names: Iterable[str] = NEWS, skip: Iterable[str] = ()) -> pd.DataFrame:
    """Return a copy of a corpus with every ``text`` cleaned (other columns unchanged)."""
    chosen = steps(names, skip=skip)
    cleaned = documents.copy()
    cleaned["text"] = [text(t, names=chosen) for t in documents["text"]]
    return cleaned


def report(documents: pd.DataFrame, *, names: Iterable[str] = NEWS, skip: Iterable[str] = ()) -> pd.DataFrame:
    """Show what each cleaning step changed in each document.

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (see :func:`textkit.files.read_corpus`).
    names, skip
        As in :func:`text`.

    Returns
    -------
    pandas.DataFrame
        One row per document and step that changed something, in document then pipeline
        order, with columns

        - ``doc_id`` (str): the document;
        - ``step`` (str): the cleaning step;
        - ``edits`` (int): how many separate places the step changed;
        - ``chars_removed`` (int): characters before minus characters after the step;
        - ``detail`` (str): for removals, the removed text (``" … "`` between places); for
          replacements, each ``old → new`` pair with its count, most frequent first.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Hi | News\\n\\n“Yes,” he said."]})
    >>> report(docs)[["step", "edits", "chars_removed", "detail"]].to_dict("records")
    [{'step': 'headline_suffix', 'edits': 1, 'chars_removed': 7, 'detail': ' | News'}, {'step': 'quotes', 'edits': 2, 'chars_removed': 0, 'detail': '“ → " ×1; ” → " ×1'}]
    """
    chosen = steps(names, skip=skip)
    rows = []
    for doc_id, before in zip(documents["doc_id"], documents["text"]):
        for name in chosen:
            after = STEPS[name](before)
            if after != before:
                edits, detail = _describe(before, after)
                rows.append((doc_id, name, edits, len(before) - len(after), detail))
            before = after
    return pd.DataFrame(rows, columns=["doc_id", "step", "edits", "chars_removed", "detail"]).astype(
        {"doc_id": object, "step": object, "edits": "int64", "chars_removed": "int64", "detail": object}
    )


#: Limits that keep a report row readable on long documents: at most this many kinds of
#: replacement are listed, and a removed or replaced fragment longer than the limit is shortened.
_DETAIL_KINDS = 12
_DETAIL_CHARS = 400


def _describe(before: str, after: str) -> tuple[int, str]:
    """Count the places where ``after`` differs from ``before`` and describe the change."""
    if len(before) == len(after):
        changes = [(a, b) for a, b in zip(before, after) if a != b]
    else:
        changes = _changes(before, after)
    if all(not new for _, new in changes):  # removals: show what was removed, in order
        # whitespace-only pieces are shown quoted, so "\n\n" reads as two newlines
        shown = [_shorten(old) if old.strip() else repr(old) for old, _ in changes[:_DETAIL_KINDS]]
        more = len(changes) - len(shown)
        return len(changes), " … ".join(shown) + (f" … ({more} more removals)" if more else "")
    pairs = Counter(changes)
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    detail = "; ".join(
        f"{o!r} → {n!r} ×{c}" if (len(o) != 1 or len(n) != 1 or o.isspace() or n.isspace())
        else f"{o} → {n} ×{c}"
        for (o, n), c in (((_shorten(o), _shorten(n)), c) for (o, n), c in ranked[:_DETAIL_KINDS])
    )
    if len(ranked) > _DETAIL_KINDS:
        detail += f"; … ({len(ranked) - _DETAIL_KINDS} more kinds of change)"
    return len(changes), detail


def _changes(before: str, after: str) -> list[tuple[str, str]]:
    """List the ``(old, new)`` fragments that differ, in text order.

    Short differences are diffed character by character. Long ones (a whole book whose
    whitespace changed) are diffed line by line first and then character by character inside
    each changed block, which keeps the work close to linear in the text length.
    """
    start = len(_common_prefix(before, after))
    end = len(_common_prefix(before[start:][::-1], after[start:][::-1]))
    old, new = before[start : len(before) - end], after[start : len(after) - end]
    if len(old) + len(new) <= 20_000:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        return [(old[i1:i2], new[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
                if tag != "equal"]
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    changes = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:  # line for line: diff each pair
            for line_old, line_new in zip(old_lines[i1:i2], new_lines[j1:j2]):
                changes.extend(_changes(line_old, line_new))
        elif tag != "equal":
            block_old, block_new = "".join(old_lines[i1:i2]), "".join(new_lines[j1:j2])
            if len(block_old) + len(block_new) <= 20_000:
                changes.extend(_changes(block_old, block_new))
            else:
                changes.append((block_old, block_new))
    return changes


def _shorten(fragment: str) -> str:
    """Cut a long fragment to :data:`_DETAIL_CHARS` characters, saying how long it was."""
    if len(fragment) <= _DETAIL_CHARS:
        return fragment
    return f"{fragment[:_DETAIL_CHARS]}… ({len(fragment):,} characters)"


def _common_prefix(a: str, b: str) -> str:
    """Return the longest common prefix of two strings."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return a[:low]
