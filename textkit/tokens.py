"""Split text into word tokens; fold case; filter; make n-grams and the token table.

Nothing here needs downloaded NLTK data. Paragraphs and sentences are split in
:mod:`textkit.sentencesplit` (NLTK's Punkt, untrained, with a list of known abbreviations,
paragraph by paragraph); its public names are re-exported here (``tokens.sentences``,
``tokens.sentence_spans``, ``tokens.paragraph_spans``, ``tokens.split_sentences``,
``tokens.ABBREVIATIONS``). Word tokens come from one compiled regular expression
(:data:`TOKEN_PATTERN`):

- hyphenated words stay whole: ``de-escalation``, ``Thomas-Greenfield``;
- numbers with separators stay whole: ``100,000``, ``8,500``, ``3.5``;
- abbreviations with inner full stops stay whole: ``U.S.``, ``U.N.``;
- hashtags and handles stay whole: ``#UkrainiansWillResist``, ``@POTUS``;
- the possessive / clitic ``'s`` is split off: ``Russia's`` -> ``Russia``, ``'s``;
- other inner apostrophes stay: ``don't``, ``O'Brien``;
- every other non-space character is a punctuation token of its own.

Text is expected to be cleaned first (:mod:`textkit.clean` turns curly apostrophes into ``'``);
the pattern accepts ``’`` too, so uncleaned text does not produce tokens with curly apostrophes
glued on.

Case folding (:func:`fold`) lower-cases every token except acronyms written entirely in
capitals (two or more letters): "US" stays "US" and is never merged with the pronoun "us";
"NATO", "UN", "POTUS" stay as they are, while "The" and "Russia" become "the" and "russia".

Normalisation (:func:`normalise`, the ``normalise`` option of :func:`table`; it lives in
:mod:`textkit.normalising`) is off by default: a token is counted as written (after folding).
``"stem"`` cuts words to their Snowball stem ("negotiations" -> "negoti"), ``"lemma"`` looks up
their dictionary form ("went" -> "go", "children" -> "child"); both work offline, in many
languages, and keep acronyms ("US" is never stemmed into "us"), numbers, hashtags, handles and
the clitic ``'s`` as written.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from textkit import normalising, parameters
from textkit.sentencesplit import (  # noqa: F401  (re-exported: tokens.X keeps working)
    ABBREVIATIONS,
    paragraph_spans,
    sentence_spans,
    sentences,
    split_sentences,
)


def _mark_ranges() -> str:
    """Every combining mark (Unicode categories Mn, Mc, Me) as character-class ranges.

    Python's ``\\w`` does not match combining marks, so without them a word in Devanagari,
    Bengali, Thai or Arabic with vowel signs ("किया") would fall apart into letters and marks.
    Looking at every code point takes about 0.4 s, paid by every process that imports this
    module (each kernel of a run), so the ranges for this Python's Unicode version are read
    from ``textkit/data/combining_marks.txt`` when they are there (a test checks the file
    against :func:`_find_mark_ranges`).
    """
    import unicodedata
    from pathlib import Path

    try:
        saved = (Path(__file__).parent / "data" / "combining_marks.txt").read_text("ascii")
        version, ranges = saved.split()
    except (OSError, ValueError):
        return _find_mark_ranges()
    return ranges if version == unicodedata.unidata_version else _find_mark_ranges()


def _find_mark_ranges() -> str:
    """:func:`_mark_ranges`, worked out from :mod:`unicodedata` code point by code point."""
    import sys
    import unicodedata

    marks = [c for c in range(sys.maxunicode + 1)
             if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    ranges, start = [], marks[0]
    for previous, current in zip(marks, marks[1:] + [None]):
        if current != previous + 1:
            ranges.append(f"\\U{start:08x}-\\U{previous:08x}")
            start = current
    return "".join(ranges)


#: A run of word characters: letters, digits or underscores (``\\w``) and combining marks
#: after them (checked only where ``\\w`` stops, so Latin text pays almost nothing for it).
WORD_RUN = r"\w+(?:[" + _mark_ranges() + r"]+\w*)*"

#: The word-token pattern (see the module docstring for what each branch keeps whole).
TOKEN_PATTERN = re.compile(
    r"""
      (?:[^\W\d_]\.){2,}                     # abbreviations with inner stops: U.S., U.N., e.g.
    | [#@]\w+                                # hashtags and handles
    | \d+(?:[.,]\d+)+                        # numbers with separators: 100,000  8,500  3.5
    | ['’][sS]\b                             # the clitic 's, split from its word
    | W+(?:[-‐]W+|['’](?![sS]\b)W+)*      # words (with their combining marks); hyphenated and
                                            # apostrophe-inner parts kept
    | [^\w\s]                                # any other character: punctuation, one per token
    """.replace("W+", WORD_RUN),
    re.VERBOSE,
)

#: The same tokens, for ``findall`` only (:func:`words`, :func:`textkit.textindex.build`):
#: consuming the whitespace before a token inside the match saves failing every branch at each
#: space (about 20% faster); the group is the token. The text (or the ``endpos`` given) must not
#: end in whitespace (:func:`words` strips it; sentences end in a token): a trailing run would
#: be rescanned from each of its positions, quadratic time (10 s for 10,000 trailing spaces).
FINDALL = re.compile(r"\s*+(" + TOKEN_PATTERN.pattern + ")", re.VERBOSE)


def words(text: str) -> list[str]:
    """Split text into word and punctuation tokens, keeping their case.

    Parameters
    ----------
    text : str
        Cleaned text (see :mod:`textkit.clean`).

    Returns
    -------
    list of str
        The tokens in text order.

    Examples
    --------
    >>> words("Russia's de-escalation: 100,000 troops, #UkrainiansWillResist!")
    ['Russia', "'s", 'de-escalation', ':', '100,000', 'troops', ',', '#UkrainiansWillResist', '!']
    >>> words("The U.S. and Thomas-Greenfield don't agree.")
    ['The', 'U.S.', 'and', 'Thomas-Greenfield', "don't", 'agree', '.']
    >>> words("उन्होंने कहा: किया")  # combining vowel signs stay in their word
    ['उन्होंने', 'कहा', ':', 'किया']
    """
    return FINDALL.findall(text.rstrip())


def fold(tokens: list[str]) -> list[str]:
    """Lower-case tokens, except acronyms written entirely in capitals.

    A token is kept as it is when all its cased characters are capitals and it is at least two
    characters long, not counting a leading apostrophe ("US", "NATO", "U.S.", "POTUS", "G7");
    everything else is lower-cased ("The", "PSAki", "I", and the clitic "'S" of "THAT'S").

    Parameters
    ----------
    tokens : list of str
        Tokens from :func:`words`.

    Returns
    -------
    list of str
        The folded tokens, same length and order.

    Examples
    --------
    >>> fold(["US", "us", "The", "NATO", "PSAki", "U.S.", "I", "A"])
    ['US', 'us', 'the', 'NATO', 'psaki', 'U.S.', 'i', 'a']
    """
    # A leading apostrophe does not count towards the length, so the clitic "'S" becomes "'s".
    # (A per-token comprehension: folding distinct tokens once and mapping was measured slower
    # on real text, where hashing every fresh token string costs more than it saves.)
    return [t if t.isupper() and len(t.lstrip("'\u2019")) > 1 else t.lower() for t in tokens]


def is_word(token: str) -> bool:
    """Tell whether a token contains a letter or a digit (is not punctuation).

    Examples
    --------
    >>> [is_word(t) for t in ["war", "8,500", "'s", "#Kyiv", "—", "."]]
    [True, True, True, True, False, False]
    """
    return WORD_CHARACTER.search(token) is not None


#: A letter or a digit: a character ``str.isalnum()`` accepts (``\w`` less the underscore; the
#: same set over all of Unicode), tested by the regular expression engine, 3x faster than a loop.
WORD_CHARACTER = re.compile(r"[^\W_]")


def is_number(token: str) -> bool:
    """Tell whether a token is a number such as ``2022``, ``8,500`` or ``3.5``.

    Examples
    --------
    >>> [is_number(t) for t in ["2022", "8,500", "3.5", "G7", "1990s"]]
    [True, True, True, False, False]
    """
    return token.replace(",", "").replace(".", "").isdigit()


def select(
    tokens: list[str],
    *,
    stopwords: frozenset[str] | set[str] = frozenset(),
    min_length: int = 1,
    punctuation: bool = False,
    numbers: bool = True,
) -> list[str]:
    """Keep the tokens that pass the filters, in order.

    Parameters
    ----------
    tokens : list of str
        Tokens, usually already folded with :func:`fold`.
    stopwords : set of str, default empty
        Tokens to drop. Matching is exact, so fold first: the folded "US" is not the stopword
        "us".
    min_length : int, default 1
        Drop tokens shorter than this many characters.
    punctuation : bool, default False
        Keep punctuation tokens (tokens without a letter or digit).
    numbers : bool, default True
        Keep number tokens (see :func:`is_number`).

    Returns
    -------
    list of str
        The kept tokens.

    Examples
    --------
    >>> select(["the", "US", ",", "sent", "8,500", "troops"], stopwords={"the", "us"})
    ['US', 'sent', '8,500', 'troops']
    >>> select(["the", "US", ",", "sent", "8,500", "troops"], numbers=False, min_length=4)
    ['sent', 'troops']
    """
    words = [punctuation or is_word(t) for t in tokens]
    return [t for t, kept in zip(tokens, _kept(tokens, words, stopwords=stopwords,
                                               min_length=min_length, numbers=numbers)) if kept]


def _kept(tokens: list[str], words: list[bool], *, stopwords, min_length: int,
          numbers: bool) -> list[bool]:
    """The rule of :func:`select`, for tokens already known to be ``words`` (or punctuation
    that is kept): long enough, not a stopword and, unless ``numbers``, not a number."""
    return [word and len(t) >= min_length and t not in stopwords
            and (numbers or not is_number(t)) for t, word in zip(tokens, words)]


def ngrams(tokens: list[str], n: int) -> list[str]:
    """Join each run of ``n`` consecutive tokens with a space.

    Parameters
    ----------
    tokens : list of str
        Tokens of one sentence (n-grams should not cross sentence boundaries).
    n : int
        The n-gram length, at least 1.

    Returns
    -------
    list of str
        ``len(tokens) - n + 1`` n-grams (none when there are fewer than ``n`` tokens).

    Examples
    --------
    >>> ngrams(["united", "states", "rejected", "demands"], 2)
    ['united states', 'states rejected', 'rejected demands']
    >>> ngrams(["kremlin"], 2)
    []
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


#: Stems or lemmas of tokens: :func:`textkit.normalising.normalise`, here where tokens are made.
normalise = normalising.normalise

# --------------------------------------------------------------------------------------------
# The token table
# --------------------------------------------------------------------------------------------

#: Columns of :func:`table`.
TABLE_COLUMNS = ("doc_id", "token", "sentence", "position")


def vocabulary_rules(vocabulary: list[str], *, stopwords=frozenset(), min_length: int = 1,
                     punctuation: bool = False, numbers: bool = True, normalise: str = "none",
                     language: str = "en"):
    """The filters and forms of :func:`table`, worked out once per distinct token.

    Returns
    -------
    tuple of numpy.ndarray
        For each entry of ``vocabulary`` (folded tokens): whether it counts as a word
        (:func:`is_word`, or every token with ``punctuation=True``), whether it is kept
        (:func:`select`), and its form (:func:`normalise`; the token itself for ``"none"``).

    Examples
    --------
    >>> word, keep, forms = vocabulary_rules(["the", "wars", ",", "2"], stopwords={"the"},
    ...                                      numbers=False, normalise="stem")
    >>> word.tolist(), keep.tolist(), forms.tolist()
    ([True, True, False, True], [False, True, False, False], ['the', 'war', ',', '2'])
    """
    import numpy as np

    words = [punctuation or is_word(t) for t in vocabulary]
    word = np.array(words, dtype=bool)
    keep = np.array(_kept(vocabulary, words, stopwords=stopwords, min_length=min_length,
                          numbers=numbers), dtype=bool)
    forms = np.asarray(normalising.normalise(vocabulary, normalise, language=language),
                       dtype=object)
    return word, keep, forms


def table(
    documents,
    *,
    n: int = 1,
    lowercase: bool = True,
    stopwords: frozenset[str] | set[str] = frozenset(),
    min_length: int = 1,
    punctuation: bool = False,
    numbers: bool = True,
    normalise: str = "none",
    language: str = "en",
):
    """Tokenise every document of a corpus into one long table (one row per kept token).

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (cleaned text).
    n : int, default 1
        1 for words; 2 or more for n-grams, made within sentences from the word tokens (after
        case folding, before filtering); an n-gram is dropped when any of its words would be
        dropped (a stopword, too short, a number when ``numbers=False``). For n-gram
        frequency lists with document frequencies use :func:`textkit.frequency.ngrams`.
    lowercase : bool, default True
        Fold case with :func:`fold` (acronyms such as "US" keep their capitals).
    stopwords : set of str, default empty
        Tokens to drop (compared after folding, before normalising).
    min_length : int, default 1
        Drop tokens shorter than this (as written, before normalising).
    punctuation : bool, default False
        Keep punctuation tokens.
    numbers : bool, default True
        Keep number tokens.
    normalise : str, default "none"
        ``"none"`` keeps each word as written; ``"stem"`` or ``"lemma"`` replaces it by its
        stem or lemma (see :func:`normalise`), after the filters above.
    language : str, default "en"
        The language of the stemmer or lemmatiser.

    Returns
    -------
    pandas.DataFrame
        In document then text order, with columns

        - ``doc_id`` (str): the document;
        - ``token`` (str): the kept token or n-gram (words joined by one space);
        - ``sentence`` (int): the sentence it is in, numbered from 1 in each document;
        - ``position`` (int): its word number in the document, from 1, counting every word
          before the filters (and punctuation when ``punctuation=True``), so a gap shows where
          a token was dropped; for an n-gram, its first word's.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["The US said no.", "Russia's reply."]})
    >>> table(docs, stopwords={"the", "'s"})
      doc_id   token  sentence  position
    0      a      US         1         2
    1      a    said         1         3
    2      a      no         1         4
    3      b  russia         1         1
    4      b   reply         1         3
    >>> table(docs, n=2).token.tolist()
    ['the US', 'US said', 'said no', "russia 's", "'s reply"]
    >>> table(docs, normalise="lemma", language="en").token.tolist()
    ['the', 'US', 'say', 'no', 'russia', "'s", 'reply']
    """
    import numpy as np
    import pandas as pd

    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    parameters.check(normalise=normalise, language=language)
    from textkit import textindex

    found = coded(documents, lowercase=lowercase, stopwords=stopwords, min_length=min_length,
                  punctuation=punctuation, numbers=numbers, normalise=normalise,
                  language=language)
    keep, serial = found.keep, found.serial
    if n == 1:
        rows = np.flatnonzero(keep)
        terms = found.forms[found.form[rows]]
    else:
        starts = keep[: max(len(keep) - n + 1, 0)].copy()
        m = len(starts)
        for k in range(1, n):  # every word kept, all in one sentence
            starts &= keep[k : k + m] & (serial[k : k + m] == serial[:m])
        rows, forms = np.flatnonzero(starts), found.forms[found.form].tolist()
        terms = [" ".join(forms[i : i + n]) for i in rows]
    return pd.DataFrame({
        "doc_id": pd.Series(documents["doc_id"].to_numpy(dtype=object)[found.doc[rows]],
                            dtype=object),
        "token": pd.Series(terms, dtype=object),
        "sentence": found.sentence[rows].astype(np.int64),
        "position": found.position[rows],
    })


class Coded(NamedTuple):
    """The rows of :func:`table` before its filters, as NumPy arrays (see :func:`coded`)."""

    doc: np.ndarray
    sentence: np.ndarray
    serial: np.ndarray
    position: np.ndarray
    keep: np.ndarray
    form: np.ndarray
    forms: np.ndarray


def coded(documents, *, lowercase: bool = True, stopwords=frozenset(), min_length: int = 1,
          punctuation: bool = False, numbers: bool = True, normalise: str = "none",
          language: str = "en") -> Coded:
    """Every token :func:`table` numbers, as arrays: what the table and the counts are made of.

    Parameters are those of :func:`table`. Punctuation is left out unless ``punctuation=True``
    (it takes no position); the other filters only mark rows in ``keep``.

    Returns
    -------
    Coded
        One entry per token in document then text order: ``doc`` (the document's row in
        ``documents``), ``sentence`` (from 1 in its document), ``serial`` (its sentence in the
        corpus, from 0), ``position`` (word number in its document, from 1), ``keep`` (it
        passes the filters), ``form`` (its row in ``forms``); and ``forms``, the distinct
        (normalised) tokens as an object array.

    Examples
    --------
    >>> import pandas as pd
    >>> found = coded(pd.DataFrame({"doc_id": ["a"], "text": ["The war, the war."]}),
    ...               stopwords={"the"})
    >>> found.position.tolist(), found.keep.tolist(), found.forms[found.form].tolist()
    ([1, 2, 3, 4], [False, True, False, True], ['the', 'war', 'the', 'war'])
    """
    import numpy as np
    import pandas as pd

    from textkit import textindex

    found = textindex.running(documents["text"], lowercase=lowercase)
    codes, doc = found.codes, found.text
    sentence, serial = found.sentence, found.serial
    word, keep, forms = vocabulary_rules(
        found.vocabulary, stopwords=stopwords, min_length=min_length, punctuation=punctuation,
        numbers=numbers, normalise=normalise, language=language)
    if not punctuation:  # punctuation takes no position: drop it before numbering
        word = word[codes]
        codes, doc, sentence, serial = codes[word], doc[word], sentence[word], serial[word]
    position = np.arange(len(doc)) - np.searchsorted(doc, doc) + 1  # word number in its document
    form_codes, distinct = pd.factorize(forms, use_na_sentinel=False)
    return Coded(doc, sentence, serial, position, keep[codes], form_codes[codes],
                 np.asarray(distinct, dtype=object))
