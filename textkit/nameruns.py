"""Runs of capitalised words: the first step of :mod:`textkit.names`.

A **run** is a sequence of capitalised words joined by a single space, by an initial's or an
abbreviated title's stop ("George W. Bush", "Mr. Smith"), by a possessive before an
organisation or place word ("Alachua Sheriff's Office") or by a lower-case particle ("Bank of
England", "Ludwig van Beethoven"; see :func:`_connects`). :mod:`textkit.names` then trims each
run to a name.

Only capitalised words are visited: two regular expressions find them (:func:`_candidates`),
skipping the other words inside the engine, and the gap between two of them decides whether
they join, so a text costs Python work per capitalised word, not per word.

A word is a plain tuple ``(start, end, text)`` and a run a plain tuple of words: a text has
hundreds of thousands of them, and the garbage collector stops tracing a plain tuple of numbers
and strings once it has seen it (it traces a named tuple at every collection).
"""

from __future__ import annotations

import re

from textkit.namewords import _DOTTED, CONNECTORS, ORGANISATION_WORDS, PLACE_WORDS, is_title

#: A word token: letters, digits, inner hyphens and apostrophes ("O'Brien", but not the
#: possessive "'s"), after an optional particle ("al-Assad").
_WORD = re.compile(r"(?<![\w@#'’-])(?:(?:al|el|ad|as|ash|at|bin|ibn|abu|bint)-)?[^\W\d_][\w]*(?:[-‐][\w]+|['’](?![sS]\b)\w+)*")
#: The word tokens that may be capitalised: a letter other than a-z first, or a hyphen inside
#: ("al-Assad", "ex-Muslim"); :func:`_capital` keeps those that are. :func:`_candidates` finds
#: the same tokens faster, with the two patterns below.
_CANDIDATE = re.compile(
    r"(?<![\w@#'’-])(?=[^\W\d_a-z]|[^\W\d_][\w'’\u2010]*-[^\W\d_a-z])"
    + _WORD.pattern.removeprefix(r"(?<![\w@#'’-])")
)
#: The candidates with a letter other than a-z first. The pattern opens with a character class
#: (A-Z or any non-ASCII character; the lookbehind then checks for a letter), so the regular
#: expression engine skips lower-case text without trying a match there.
_CAPITAL_FIRST = re.compile(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_])(?<![\w@#'’-].)\w*(?:[-‐]\w+|['’](?![sS]\b)\w+)*"
)
#: A hyphen before a capital: where the other candidates ("al-Assad", "ex-Muslim") lie.
_HYPHEN_CAPITAL = re.compile(r"-(?=[^\W\d_a-z])")
#: The first characters of the gaps that may join two capitalised words (" ", "'s ", ". "),
#: and the longest such gap (" della the ": :func:`_join`).
_JOINING = " '’."
_LONGEST_JOIN = len("  the ") + max(len(w) for w in CONNECTORS | {"for", "on"})
#: The lower-case words that may join two capitalised ones: " of ", " van ", " of the ".
_CONNECTOR_GAP = re.compile(r" ([a-z]+)(?: (the))? ")
_OPENERS = "\"'“‘„«([{"
_SPACES_OR_OPENERS = " \t" + _OPENERS
_SENTENCE_END = ".?!:;"
_WORD_BEFORE_STOP = re.compile(r"(\w+)\.$")
#: What before the space before a word lets :func:`_initial` look further back.
_BEFORE_SPACE_INITIAL = _SPACES_OR_OPENERS + _SENTENCE_END + "\n"


def runs(text: str) -> tuple[list[tuple], list[bool]]:
    """Group the capitalised words of ``text`` into runs.

    Returns
    -------
    tuple of (list, list)
        The runs, in text order, each a tuple of words ``(start, end, text)`` (lower-case
        particles included); and for each run whether its first word starts a sentence or a
        quotation (only the first word can: the words after it follow a name word).

    Examples
    --------
    >>> found, initial = runs("The Bank of England met Mr. Smith. Clarke said")
    >>> [" ".join(w[2] for w in run) for run in found], initial
    (['The Bank of England', 'Mr Smith', 'Clarke'], [True, False, True])
    """
    found, initial, run = [], [], []
    for candidate in _candidates(text):
        start, end, token = candidate
        if not (token[0].isupper() or _capital(token)):
            continue
        if start and text[start - 1] == "\u2010" and not _word_start(text, start):
            continue  # inside "Smith\u2010Jones": not a word of its own
        if run:
            last = run[-1][1]
            if last + 1 == start and text[last] == " ":
                run.append(candidate)
                continue
            joinable = start - last <= _LONGEST_JOIN and text[last] in _JOINING
            connectors = _join(text, run, start, token) if joinable else None
            if connectors is not None:
                run.extend(connectors)
                run.append(candidate)
                continue
            found.append(tuple(run))
        run = [candidate]
        if start > 1 and text[start - 1] == " " and text[start - 2] not in _BEFORE_SPACE_INITIAL:
            initial.append(False)  # the quick answer of _initial: a space after a word or comma
        else:
            initial.append(_initial(text, start))
    if run:
        found.append(tuple(run))
    return found, initial


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, token)`` of every match of :data:`_CANDIDATE`, in text order.

    :data:`_CAPITAL_FIRST` finds those with a letter other than a-z first, and the hyphens of
    :data:`_HYPHEN_CAPITAL` the others (:func:`_hyphenated`); a token starting inside an earlier
    one (after "\u2010") ends where that one ends, so it is dropped, as a scan would skip it.
    """
    found = [(m.start(), m.end(), m.group()) for m in _CAPITAL_FIRST.finditer(text)]
    extra = _hyphenated(text)
    if not extra:
        return found
    merged, end = [], -1
    for candidate in sorted(found + extra):
        if candidate[0] >= end:
            merged.append(candidate)
            end = candidate[1]
    return merged


def _hyphenated(text: str) -> list[tuple[int, int, str]]:
    """The candidates with a-z first and a capital after their first hyphen ("ex-Muslim").

    Such a token starts in the letters before the hyphen: at their start or right after a
    "\u2010" among them (the only places where a token may start inside a word).
    """
    found = []
    for hyphen in _HYPHEN_CAPITAL.finditer(text):
        end = low = hyphen.start()
        while low and (text[low - 1].isalnum() or text[low - 1] in "_'’\u2010"):
            low -= 1  # back over the characters of [\w'’\u2010]
        starts = [low] + [i + 1 for i in range(low, end) if text[i] == "\u2010"]
        for start in starts:
            match = _CANDIDATE.match(text, start) if "a" <= text[start] <= "z" else None
            if match:
                found.append((start, match.end(), match.group()))
    return found


def _capital(token: str) -> bool:
    """Tell whether a word token is capitalised (after an "al-" style particle: "al-Assad")."""
    core = token.split("-", 1)[1] if "-" in token and token[0].islower() else token
    return core[:1].isupper()


def _word_start(text: str, pos: int) -> bool:
    """Tell whether a word token of :data:`_WORD` starts at ``pos`` (not inside "Smith\u2010Jones"),
    tokenizing from the whitespace before it (no token crosses whitespace)."""
    low = pos
    while low > 0 and not text[low - 1].isspace():
        low -= 1
    for match in _WORD.finditer(text, low):
        if match.start() >= pos:
            return match.start() == pos
    return False


def _initial(text: str, start: int) -> bool:
    """Tell whether the word at ``start`` begins a sentence or a quotation."""
    k = start
    while k > 0 and text[k - 1] in _SPACES_OR_OPENERS:
        if text[k - 1] in _OPENERS and text[k - 1] not in "([{":
            if k < 2 or text[k - 2].isspace() or text[k - 2] in _OPENERS:
                return True  # the first word of a quotation
            k -= 1  # a closing mark: what ends the quotation decides ('…," Psaki said')
            break
        k -= 1
    if k == 0 or text[k - 1] == "\n":
        return True
    if text[k - 1] not in _SENTENCE_END:
        return False
    if text[k - 1] == ".":
        before = _WORD_BEFORE_STOP.search(text, max(0, k - 12), k)
        if before and (before.group(1) in _DOTTED or len(before.group(1)) == 1):
            return False  # "Mr. Smith", "George W. Bush"
    return True


def _join(text: str, run: list[tuple], start: int, word: str) -> list[tuple] | None:
    """Return the lower-case words joining the capitalised ``word`` at ``start`` to ``run``
    (``[]`` when none are needed), or ``None`` when ``word`` starts a new run."""
    last_end, last = run[-1][1:]
    gap = text[last_end:start] if start - last_end <= 3 else ""
    if gap == " ":
        return []
    if gap in ("'s ", "\u2019s ", "' ", "\u2019 ") and (word in ORGANISATION_WORDS or word in PLACE_WORDS):
        return []  # "Alachua Sheriff's Office", "People's Party"
    if gap in (". ", "."):
        dotted = last in _DOTTED or (len(last) == 1 and last.isupper())
        return [] if dotted else None
    match = _CONNECTOR_GAP.fullmatch(text, last_end, start)
    if match is None or not _connects(run, match.group(1)):
        return None
    if match.group(2) and match.group(1) not in ("of", "for", "on"):
        return None  # only "of the", "for the", "on the" take a second word
    first = (last_end + 1, match.end(1), match.group(1))
    if not match.group(2):
        return [first]
    return [first, (first[1] + 1, first[1] + 4, "the")]


def _connects(run: list[tuple], word: str) -> bool:
    """Tell whether a lower-case word may join a run to the next capitalised word.

    Name particles always may ("Ludwig van Beethoven"). "of" / "for" (with "the") may only
    follow a word that takes them -- an organisation, place or title word ("Bank of England",
    "Center for Food Safety", "Secretary of State") or a run of one word ("Isle of Man") -- so
    that "Dr. Tristan Smith of University College London" is two names, not one.
    """
    if word == "on":
        return run[-1][2] in ORGANISATION_WORDS  # "Commission on International Religious Freedom"
    if word in ("of", "for"):
        last = run[-1][2]
        keyed = last in ORGANISATION_WORDS or last in PLACE_WORDS or is_title(last)
        return keyed or (word == "of" and len(run) == 1)
    return word in CONNECTORS
