"""Surface forms: how a dictionary form is found in a text, and when its capitals count.

Every form of an actor dictionary (:mod:`textkit.dictionary`) has a look-up :func:`key` (case,
whitespace runs, curly apostrophes and Unicode hyphens do not matter) and a case rule,
``sensitive`` or ``ignore`` (:func:`case_of`), which the matching in :mod:`textkit.actors`
applies (:func:`pattern`, :func:`lookup` and :func:`scan` find the forms in a text):

- ``ignore``: upper and lower case are the same ("PSAki" and "psaki" are Psaki);
- ``sensitive``: every capital of the form must be a capital in the text; its lower-case
  letters may be either ("Brown" matches "Brown" and "BROWN", never "brown"). A leading "The"
  is the exception: "The West" matches "the West" too (:func:`capitals`).

``case: auto`` (the default) chooses: a form written entirely in capitals (US, NATO, POTUS, X)
is ``sensitive``; so is a form written with a capital whose every word is a common lower-case
English word (:func:`is_common`: "Brown", "Labour", "West", "May", "Bush", "Green",
"White House", "United States"), so "brown field" is not Gordon Brown and "hard labour" is not
the Labour party. Every other form is ``ignore``: names that are not English words ("Putin",
"Zelenskyy", "Biden administration") and forms written in lower case ("the prime minister").
The common words are the bundled list ``textkit/data/common_words_en.txt`` (11,112 words of
SCOWL's sizes 10 and 20, which come from public-domain frequency lists; provenance in the
file) plus the default stopwords. The rule is one look-up per word, offline, and the same for
every corpus; a name missing from the list (a rarer English word such as "turkey" or "china")
can be made case-sensitive in the dictionary with ``case: sensitive``.

The forms are found by one regular expression built as a trie (:func:`pattern`: forms sharing
a prefix share one branch, so the engine tests each character once instead of once per form),
followed by a dictionary look-up per match (:func:`scan`); ``benchmarks/bench_actors.py``
compares it with a plain alternation of the same forms.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from textkit import files

_NORMALISE = str.maketrans({"\u2019": "'", "\u2010": "-", "\u2011": "-"})
_SPACE_RUN = re.compile(r"\s+")
_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")
_WORD_CHAR = re.compile(r"\w")
_CHAR_PATTERNS = {" ": r"\s+", "'": "['\u2019]", "-": "[-\u2010\u2011]"}


def key(form: str) -> str:
    """Return the look-up key of a form: whitespace collapsed, apostrophes and hyphens
    normalised, lower case.

    Examples
    --------
    >>> key("White\\n House"), key("O’Brien")
    ('white house', "o'brien")
    """
    return normal(form).lower()


def normal(text: str) -> str:
    """Return ``text`` with whitespace runs as one space and curly apostrophes and Unicode
    hyphens as ASCII, case kept (what the case rule compares)."""
    return _SPACE_RUN.sub(" ", text.translate(_NORMALISE)).strip()


def is_acronym(form: str) -> bool:
    """Tell whether a form is written entirely in capitals, two letters or more.

    Examples
    --------
    >>> [is_acronym(f) for f in ["US", "U.S.", "NATO", "POTUS", "Putin", "UN Security Council", "I"]]
    [True, True, True, True, False, False, False]
    """
    cased = [c for c in form if c.isalpha()]
    return len(cased) >= 2 and all(c.isupper() for c in cased)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Return the bundled common English words (lower case) plus the default stopwords.

    The list is ``textkit/data/common_words_en.txt`` (SCOWL sizes 10 and 20, from
    public-domain frequency lists; provenance in the file).
    """
    from textkit.stopwords import load as load_stopwords

    name = "data/common_words_en.txt"
    with resources.files("textkit").joinpath(name).open("rb") as handle:
        text = files.decode(handle.read(), source=f"textkit/{name}")
    words = (line.split("#", 1)[0].strip() for line in text.split("\n"))
    return frozenset(w for w in words if w) | load_stopwords("default")


def is_common(form: str) -> bool:
    """Tell whether every word of a form is a common lower-case English word.

    Words are split at spaces and hyphens and compared in lower case with
    :func:`common_words`.

    Examples
    --------
    >>> [is_common(f) for f in ["Brown", "Labour", "White House", "The West", "Putin", "Biden administration"]]
    [True, True, True, True, False, False]
    """
    words = [w for w in _WORD_SPLIT.split(form.lower()) if w]
    common = common_words()
    return bool(words) and all(w in common for w in words)


def case_of(form: str, setting: str = "auto") -> str:
    """Resolve a form's case rule: ``"sensitive"`` or ``"ignore"`` (see the module notes).

    Examples
    --------
    >>> [case_of(f) for f in ["US", "Brown", "White House", "Putin", "the prime minister", "X"]]
    ['sensitive', 'sensitive', 'sensitive', 'ignore', 'ignore', 'sensitive']
    >>> case_of("Putin", "sensitive"), case_of("Brown", "ignore")
    ('sensitive', 'ignore')
    """
    if setting != "auto":
        return setting
    letters = [c for c in form if c.isalpha()]
    if not any(c.isupper() for c in letters):
        return "ignore"
    if all(c.isupper() for c in letters) or is_common(form):
        return "sensitive"
    return "ignore"


def capitals(form: str) -> tuple[int, ...]:
    """Return the positions (in :func:`normal` of the form) that must be capitals in the text.

    A leading "The " is left out, so "The West" also matches "the West".

    Examples
    --------
    >>> capitals("White House"), capitals("The West"), capitals("U.S.")
    ((0, 6), (4,), (0, 2))
    """
    text = normal(form)
    skip = 4 if text.startswith("The ") else 0
    return tuple(i for i, c in enumerate(text) if i >= skip and c.isupper())


# --------------------------------------------------------------------------------------------
# Finding forms in a text
# --------------------------------------------------------------------------------------------


def pattern(forms: list[str]) -> re.Pattern:
    """Compile one trie-shaped regular expression that finds any of ``forms``, ignoring case.

    Each form is matched whole (not inside a longer word); at one position the longest form
    wins. The pattern ignores case for every form; :func:`scan` then rejects matches of
    case-sensitive forms whose capitals are not capitals in the text.

    Parameters
    ----------
    forms : list of str
        The surface forms.

    Returns
    -------
    re.Pattern

    Examples
    --------
    >>> p = pattern(["Putin", "Vladimir Putin", "Peskov"])
    >>> [m.group() for m in p.finditer("Vladimir  Putin met PESKOV; Putinism is not Putin's")]
    ['Vladimir  Putin', 'PESKOV', 'Putin']
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for char in key(form):
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_regex(trie) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _trie_regex(node: dict) -> str:
    """Turn a trie of lower-case characters into a regex; longer branches are tried first."""
    branches = []
    for char in sorted(c for c in node if c):
        if char in _CHAR_PATTERNS:
            head = _CHAR_PATTERNS[char]
        elif char.upper() != char.lower() and len(char.upper()) == 1:
            head = f"[{re.escape(char)}{re.escape(char.upper())}]"
        else:
            head = re.escape(char)
        branches.append(head + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A form may end here: the greedy '?' still tries the longer continuations first.
    return f"(?:{body})?" if "" in node else body


def lookup(forms: pd.DataFrame) -> dict:
    """Map each form's :func:`key` to what :func:`scan` needs to accept and report a match.

    Parameters
    ----------
    forms : pandas.DataFrame
        A forms table (:func:`textkit.dictionary.parse`), or the rows of it to match.

    Returns
    -------
    dict
        ``{key: (case check or None, (actor, group, type, kind, alias))}``; the case check,
        for case-sensitive forms only, is the positions that must be capitals
        (:func:`capitals`) and the length of the normalised form. A table without a ``case``
        column (or with an empty cell) gets :func:`case_of`'s automatic rule.
    """
    cases = forms["case"] if "case" in forms.columns else [None] * len(forms)
    table = {}
    for actor, group, kind_of, kind, alias, case in zip(
        forms["actor"], forms["group"], forms["type"], forms["kind"], forms["alias"], cases
    ):
        case = case if case in ("sensitive", "ignore") else case_of(alias)
        check = (capitals(alias), len(normal(alias))) if case == "sensitive" else None
        table[key(alias)] = (check, (actor, group, kind_of, kind, alias))
    return table


def scan(text: str, compiled: re.Pattern, lookup: dict) -> list:
    """Find the forms in a text: left to right, longest first, never overlapping.

    A match whose case does not fit its form (a case-sensitive form written otherwise) falls
    back to the shorter forms that end at a word boundary inside it ("UT austin" -> "UT").

    Parameters
    ----------
    text : str
        The text.
    compiled : re.Pattern
        :func:`pattern` of the forms.
    lookup : dict
        :func:`lookup` of the same forms.

    Returns
    -------
    list of tuple
        ``(start, end, (actor, group, type, kind, alias))`` per match, in text order.
    """
    rows, pos, search = [], 0, compiled.search
    while (match := search(text, pos)) is not None:
        start, end = match.span()
        hit = _accept(text, start, end, lookup)
        while hit is None:
            # The longest candidate was a case-sensitive form in the wrong case ("us"): try
            # the shorter forms that end at a word boundary inside it.
            end = _previous_boundary(text, start, end)
            if end is None:
                break
            hit = _accept(text, start, end, lookup)
        if hit is None:
            pos = start + 1
            continue
        rows.append((start, end, hit))
        pos = end
    return rows


def _accept(text: str, start: int, end: int, lookup: dict):
    """Return the form's information if ``text[start:end]`` is a form written acceptably."""
    found = lookup.get(key(text[start:end]))
    if found is None:
        return None
    check, info = found
    if check is not None:
        written, (caps, length) = normal(text[start:end]), check
        if len(written) != length or not all(written[i].isupper() for i in caps):
            return None
    return info


def _previous_boundary(text: str, start: int, end: int):
    """Return the largest end < ``end`` (after ``start``) that is a word's end, or None."""
    for k in range(end - 1, start, -1):
        if not _WORD_CHAR.match(text, k) and _WORD_CHAR.match(text, k - 1) or (
            text[k - 1] == "." and not _WORD_CHAR.match(text, k)
        ):
            return k
    return None
