"""Stopword lists: the bundled English list, none, NLTK's list, a list by language code, or a file.

The bundled list (``"default"``) is the Snowball English stop list by Martin Porter (BSD
licence) plus the clitic ``'s``; see ``textkit/data/stopwords_en.txt`` for its provenance. It
needs nothing downloaded. NLTK's list (``"nltk"``) is used only when its data is installed;
otherwise :class:`~textkit.errors.ResourceError` says how to install it — textkit never
downloads anything.

Other languages are chosen by their ISO 639-1 code, lower case (``"de"``, ``"fr"``, ``"es"``;
all of them in :data:`LANGUAGES`). The lists are the *Stopwords ISO* collection
(https://github.com/stopwords-iso/stopwords-iso, compiled by Gene Diaz from earlier published
lists, MIT licence), as packaged for Python by Arthit Suriyawongkul in ``stopwordsiso`` (MIT
licence), whose wheel holds the data (``stopwords-iso.json``): they work offline. They are long
and inclusive (German 620 words, French 691; English 1,298, including "said", "new" and "us"),
so look at a list before relying on it; ``"en"`` is that English list, ``"default"`` the short
Snowball one.

A value is read as a keyword first, then as a path: a word-list file named like a language
code (``de``) must be given as a path (``./de``).

Stopwords are matched against folded tokens (see :func:`textkit.tokens.fold`), so the acronym
"US" is never removed by the stopword "us".
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from textkit import files, parameters
from textkit.errors import ParameterError, ResourceError

#: The named lists :func:`load` accepts.
NAMED = ("default", "none", "nltk")

#: The language codes of the Stopwords ISO lists (package ``stopwordsiso``; a test checks that
#: this is every language the installed package has).
LANGUAGES = (
    "af", "ar", "bg", "bn", "br", "ca", "cs", "da", "de", "el", "en", "eo", "es", "et", "eu",
    "fa", "fi", "fr", "ga", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "it", "ja",
    "ko", "ku", "la", "lt", "lv", "mr", "ms", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl",
    "so", "st", "sv", "sw", "th", "tl", "tr", "uk", "ur", "vi", "yo", "zh", "zu",
)

#: The keywords :func:`load` accepts besides a file path: a value in ``LISTS`` is never a path.
LISTS = NAMED + LANGUAGES

#: What the ``stopwords`` parameter may be, in the words of every message about it.
WHAT = (
    f"an existing file or one of {', '.join(map(repr, NAMED))}, or a language code of the "
    f"Stopwords ISO lists ({', '.join(LANGUAGES)})"
)

#: The ``stopwords`` parameter's rule: a list name, a language code or a word-list file.
RULES = {
    "stopwords": parameters.Rule(
        WHAT, lambda v: isinstance(v, str) and (v in LISTS or Path(v).is_file())
    )
}


def load(spec: str = "default", *, extra: str | list[str] | tuple[str, ...] = ()) -> frozenset[str]:
    """Return a stopword set.

    Parameters
    ----------
    spec : str, default "default"
        ``"default"`` (the bundled Snowball list), ``"none"`` (no stopwords), ``"nltk"``
        (NLTK's English list, if installed), a language code of :data:`LANGUAGES` (``"de"``,
        ``"fr"``: the Stopwords ISO list), or the path of a UTF-8 file with one word per line
        (``#`` starts a comment).
    extra : list of str or str, default ()
        Words added to the list (lower-cased unless they are acronyms); a string is read as
        comma-separated words (``"said, told"``), as the notebooks' ``extra_stopwords`` gives it.

    Returns
    -------
    frozenset of str

    Raises
    ------
    ParameterError
        If ``spec`` is neither a keyword, a language code nor an existing file (the message
        lists the codes).
    ResourceError
        If ``spec="nltk"`` and NLTK's stopwords are not installed.

    Examples
    --------
    >>> words = load()
    >>> len(words), "the" in words, "us" in words, "'s" in words
    (175, True, False, True)
    >>> sorted(load("none", extra=["Said", "told"]))
    ['said', 'told']
    >>> sorted(load("none", extra="said, told,"))
    ['said', 'told']
    >>> german = load("de")
    >>> len(german), "und" in german, "Haus" in german
    (620, True, False)
    """
    from textkit.tokens import fold

    if spec == "default":
        with resources.files("textkit").joinpath("data/stopwords_en.txt").open("rb") as handle:
            text = files.decode(handle.read(), source="textkit/data/stopwords_en.txt")
        base = [line.split("#", 1)[0].strip() for line in text.split("\n")]
    elif spec == "none":
        base = []
    elif spec == "nltk":
        base = _nltk_english()
    elif spec in LANGUAGES:
        base = _stopwords_iso(spec)
    elif Path(spec).is_file():
        base = files.read_wordlist(spec)
    else:
        raise ParameterError(_unknown(spec))
    if isinstance(extra, str):
        extra = extra.split(",")
    return frozenset(fold([w.strip() for w in [*base, *extra] if w.strip()]))


def _unknown(spec) -> str:
    """The message for a ``stopwords`` value that is no keyword and no file."""
    hint = ""
    if isinstance(spec, str) and spec.strip().lower() in LANGUAGES:
        hint = f" Language codes are lower case: {spec.strip().lower()!r}."
    return (
        f"parameter stopwords must be {WHAT}, got {spec!r} (no such file; working "
        f"directory: {Path.cwd()}).{hint}"
    )


def _stopwords_iso(code: str) -> list[str]:
    """Return the Stopwords ISO list of a language, sorted (the package keeps it in a set)."""
    import stopwordsiso

    return sorted(stopwordsiso.stopwords(code))


def _nltk_english() -> list[str]:
    """Return NLTK's English stopwords, or explain how to install them."""
    try:
        from nltk.corpus import stopwords as nltk_stopwords

        return list(nltk_stopwords.words("english"))
    except LookupError:
        raise ResourceError(
            "NLTK's stopword list is not installed, and textkit never downloads data. Install "
            "NLTK's 'stopwords' data package yourself (https://www.nltk.org/data.html) so that "
            "~/nltk_data/corpora/stopwords/english exists, or set NLTK_DATA to a folder that has "
            "corpora/stopwords; or use stopwords='default', the bundled list."
        ) from None
