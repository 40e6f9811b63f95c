"""Stopword lists: the bundled English list, none, NLTK's list, or your own file.

The bundled list (``"default"``) is the Snowball English stop list by Martin Porter (BSD
licence) plus the clitic ``'s``; see ``textkit/data/stopwords_en.txt`` for its provenance. It
needs nothing downloaded. NLTK's list (``"nltk"``) is used only when its data is installed;
otherwise :class:`~textkit.errors.ResourceError` says how to install it — textkit never
downloads anything.

Stopwords are matched against folded tokens (see :func:`textkit.tokens.fold`), so the acronym
"US" is never removed by the stopword "us".
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from textkit import files, parameters
from textkit.errors import ParameterError, ResourceError

#: The keywords :func:`load` accepts besides a file path.
LISTS = ("default", "none", "nltk")

#: The ``stopwords`` parameter's rule: a list name or a word-list file.
RULES = {"stopwords": parameters.existing_file_or(*LISTS)}


def load(spec: str = "default", *, extra: str | list[str] | tuple[str, ...] = ()) -> frozenset[str]:
    """Return a stopword set.

    Parameters
    ----------
    spec : str, default "default"
        ``"default"`` (the bundled Snowball list), ``"none"`` (no stopwords), ``"nltk"``
        (NLTK's English list, if installed), or the path of a UTF-8 file with one word per line
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
        If ``spec`` is neither a keyword nor an existing file.
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
    elif Path(spec).is_file():
        base = files.read_wordlist(spec)
    else:
        raise ParameterError(
            f"parameter stopwords must be one of {', '.join(map(repr, LISTS))} or the path of a "
            f"word-list file, got {spec!r} (no such file; working directory: {Path.cwd()})."
        )
    if isinstance(extra, str):
        extra = extra.split(",")
    return frozenset(fold([w.strip() for w in [*base, *extra] if w.strip()]))


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
