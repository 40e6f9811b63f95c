"""Decode a file's bytes to text: byte-order marks, UTF-8, and legacy code pages detected.

Each file is decoded on its own, so one old file does not decide how the others
are read. With ``encoding=None`` (the default):

1. a byte-order mark decides: UTF-8 (``utf-8-sig``) or UTF-16 (``utf-16-le``, ``utf-16-be``);
   bytes that break the encoding the mark declares are an error;
2. a file that is valid UTF-8 is UTF-8 (``utf-8``; plain ASCII is valid UTF-8). Text in a
   legacy code page is practically never valid UTF-8, so this holds even for short files. A
   UTF-8 file with a few stray bytes (a Windows quote pasted in: at least 90 % of its non-ASCII
   bytes form UTF-8 sequences) stays UTF-8, and each stray byte is read as Windows-1252;
3. anything else is in a legacy code page, one of :data:`LEGACY_ENCODINGS`. Each reading that
   :mod:`charset_normalizer` finds plausible is scored, in this order: words no language
   writes (mixed alphabets as in "Zьrich", all-accented Latin words as in "Ìîñêâà", symbols
   between letters as in "Za¿ó"); accented letters that no single language of
   :data:`ALPHABETS` uses together ("Espańa": Spanish á with Polish ń); charset_normalizer's
   mess ratio; its language coherence. The best score wins; a tie goes to the code page
   listed first, so Windows-1252 — the usual encoding of old Western European news archives,
   and a superset of Latin-1's printable characters — wins every tie. A win by tie, or a
   reading with odd words, is noted as not confident, naming the other reading
   ("'España' would be 'Espańa'"): short files give detection little to go on;
4. bytes that no code page reads (and NUL bytes, which mean a binary file) are an error.

An explicit ``encoding`` applies to every file, strictly: a byte it cannot decode is an error
naming the file, byte and line, with the command-line spelling of the way out. A file that is
UTF-8 but was decoded with another encoding gets mojibake ("Ã©" for "é", "â€™" for "’"); such
files raise one :class:`~textkit.errors.CorpusWarning` that lists them.

Windows (CRLF) and old Mac (CR) line endings become ``"\\n"``. :mod:`textkit.reading` uses
this for every file of a corpus; :mod:`textkit.files` re-exports :func:`decode`.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import unicodedata
import warnings
from typing import NamedTuple

from textkit.errors import CorpusError, CorpusWarning

#: Legacy code pages tried for a file that is not UTF-8, in order of preference (a tie goes to
#: the first), with what they are for. Python codec names, as in the ``encoding`` column.
LEGACY_ENCODINGS = {
    "cp1252": "Windows-1252, Western European; reads Latin-1 text too",
    "cp1250": "Windows-1250, Central European",
    "cp1251": "Windows-1251, Cyrillic",
    "koi8-r": "KOI8-R, Cyrillic",
    "cp1253": "Windows-1253, Greek",
    "cp1254": "Windows-1254, Turkish",
    "cp1257": "Windows-1257, Baltic",
    "cp1255": "Windows-1255, Hebrew",
    "cp1256": "Windows-1256, Arabic",
    "iso8859-2": "ISO 8859-2, Central European",
    "cp932": "Shift-JIS (Windows), Japanese",
    "gb18030": "GB18030/GBK, Simplified Chinese",
    "big5": "Big5, Traditional Chinese",
    "cp949": "EUC-KR/Windows-949, Korean",
    "euc_jp": "EUC-JP, Japanese",
}

#: The accented letters of languages written in the Latin alphabet (lower case), used to
#: choose between legacy code pages that read a file equally well.
ALPHABETS = {
    "Albanian": "çë",
    "Catalan": "àçèéíïòóúü",
    "Czech": "áčďéěíňóřšťúůýž",
    "Danish/Norwegian": "æøåéó",
    "Dutch": "áéëïóöü",
    "Estonian": "äõöüšž",
    "Finnish/Swedish": "åäöéšž",
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Hungarian": "áéíóöőúüű",
    "Icelandic": "áðéíóúýþæö",
    "Irish/Welsh": "áéíóúâêîôûŵŷ",
    "Italian": "àèéìíîòóùú",
    "Latvian": "āčēģīķļņšūž",
    "Lithuanian": "ąčęėįšųūž",
    "Maltese": "ċġħżàèìòù",
    "Polish": "ąćęłńóśźż",
    "Portuguese": "áâãàçéêíóôõú",
    "Romanian": "ăâîșțşţ",
    "Serbo-Croatian/Slovene": "čćđšž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Spanish": "áéíñóúüï",
    "Turkish": "çğıöşüâî",
}

# Decoded with the BOM (removed afterwards), so error offsets count from the file's start.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY = re.compile("[\udc80-\udcff]")
_WORD_WITH_NON_ASCII = re.compile(r"\w*[^\x00-\x7f]\w*")
_ODD_INSIDE = set("¡¿«»‹›„‚†‡‰•¦§¨©¬®¯°±²³¹¼½¾")
_CLI = "-p encoding {0} (in a notebook: encoding = \"{0}\")"


class Decoded(NamedTuple):
    """A file's text and how it was decoded (what :func:`read_corpus_with_notes` notes)."""

    text: str
    encoding: str  #: the codec used, e.g. "utf-8", "cp1252"
    confident: bool | None = None  #: for a detected encoding: did it win clearly?
    detail: str = ""  #: a note for the notes table ("" when there is nothing to say)
    mojibake: str = ""  #: for an explicit encoding: an example of mojibake it produced


# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------


def decode(data: bytes, *, source: str = "<bytes>", encoding: str | None = None,
           detect: bool = True) -> str:
    """Decode bytes to text with LF line endings, or say exactly where they are not text.

    Parameters
    ----------
    data : bytes
        The raw file content.
    source : str, default "<bytes>"
        Name used in messages (the file path).
    encoding : str or None, default None
        ``None`` (or ``""``) decides per file: a byte-order mark, else UTF-8 when valid, else
        the best legacy code page (see the module notes). A codec name Python knows
        (``"utf-8"``, ``"cp1252"``, ``"latin-1"``, ...) forces that encoding, strictly.
    detect : bool, default True
        ``False`` accepts only UTF-8 and UTF-16 with a byte-order mark (for files that must be
        UTF-8, such as YAML files).

    Returns
    -------
    str
        The text, with ``"\\r\\n"`` and ``"\\r"`` turned into ``"\\n"`` and any BOM removed.

    Warns
    -----
    CorpusWarning
        When an explicit ``encoding`` other than UTF-8 decodes bytes that are valid UTF-8.

    Examples
    --------
    >>> decode("Kyiv\\r\\nKiev".encode("utf-8-sig"))
    'Kyiv\\nKiev'
    >>> decode("caf\\u00e9".encode("utf-16"))
    'café'
    >>> decode("Café owner’s visit".encode("cp1252"))
    'Café owner’s visit'
    >>> decode(b"caf\\xe9", source="menu.txt", encoding="utf-8")
    Traceback (most recent call last):
    ...
    textkit.errors.CorpusError: menu.txt: byte 3 (line 1) is not valid UTF-8 (0xe9). ...
    >>> decode(b"caf\\xe9", encoding="latin-1")
    'café'
    """
    decoded = decode_file(data, source=source, encoding=encoding or None, detect=detect)
    if decoded.mojibake:
        warnings.warn(mojibake_message([source], decoded.encoding), CorpusWarning, stacklevel=2)
    return decoded.text


def decode_file(data: bytes, *, source: str, encoding: str | None = None,
            detect: bool = True) -> Decoded:
    """Decode bytes as :func:`decode` does, and say how (without warning)."""
    if encoding:
        return _decode_as(data, source, codec_name(encoding, source))
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as err:  # a BOM declares the encoding: hold it to it
                raise CorpusError(
                    f"{_not_text(data, err, source, codec.upper())}, although the file starts "
                    f"with a {codec.upper()} byte-order mark. Save the file again as UTF-8, or "
                    "remove the byte-order mark so that its encoding is detected."
                ) from None
            detail = "" if codec == "utf-8" else "UTF-16 with a byte-order mark"
            return Decoded(tidy_text(text), name, True if detail else None, detail)
    if b"\x00" in data[:8192]:
        raise CorpusError(
            f"{source}: looks like a binary file (it contains NUL bytes), not text. "
            "Give textkit .txt files, or a CSV/TSV/JSONL table with a text column; for UTF-16 "
            f"without a byte-order mark run with {_CLI.format('utf-16-le')}."
        )
    try:
        return Decoded(tidy_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as err:
        if not detect:
            raise CorpusError(_not_text(data, err, source, "UTF-8") + ".") from None
        decoded = _mostly_utf8(data, err) if _looks_like_utf8(data) else _detect(data)
        if decoded is None:
            raise CorpusError(
                _not_text(data, err, source, "UTF-8") + ", and no legacy code page textkit knows "
                "reads it as text. Convert the file to UTF-8 or remove it from the corpus; if "
                f"every file is in one encoding you know, run with {_CLI.format('NAME')}."
            ) from None
        return decoded


def _decode_as(data: bytes, source: str, encoding: str) -> Decoded:
    """Decode with the encoding the user gave (strictly), and look for mojibake."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        guess = None if b"\x00" in data[:8192] else _detect(data)
        advice = "leave the encoding parameter empty so that each file's encoding is detected"
        if guess is not None and guess.encoding != encoding:
            advice += (f" (this one looks like {guess.encoding}), or, if every file is in "
                       f"{guess.encoding}, run with {_CLI.format(guess.encoding)}")
        raise CorpusError(
            f"{_not_text(data, err, source, encoding.upper())}. Convert the file to UTF-8, or "
            f"{advice}."
        ) from None
    if encoding.startswith("utf") or data.isascii():
        return Decoded(tidy_text(text), encoding)
    mojibake = _mojibake(data, encoding) if _looks_like_utf8(data) else ""
    return Decoded(tidy_text(text), encoding, None,
                    f"read as {encoding}, as the encoding parameter says", mojibake)


def codec_name(encoding: str, source: str) -> str:
    """Python's name for a codec (``"latin-1"`` -> ``"iso8859-1"``), or a CorpusError."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise CorpusError(
            f"{source}: unknown encoding {encoding!r} (parameter encoding). Use a codec name "
            f"Python knows, such as utf-8, cp1252 or latin-1: run with {_CLI.format('cp1252')}, "
            "or leave it empty so that each file's encoding is detected."
        ) from None


def _not_text(data: bytes, err: UnicodeDecodeError, source: str, name: str) -> str:
    """The first half of a decoding error: file, byte, line, what was expected, the bytes."""
    line = data.count(b"\n", 0, err.start) + 1
    bad = data[err.start : err.end].hex(" ")
    return f"{source}: byte {err.start} (line {line}) is not valid {name} (0x{bad})"


def tidy_text(text: str) -> str:
    """Remove a BOM and turn CRLF and CR line endings into LF."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------------------------
# Detecting legacy encodings, and mojibake
# --------------------------------------------------------------------------------------------


def _detect(data: bytes) -> Decoded | None:
    """Decode bytes that are not UTF-8 with the best-scoring legacy code page (module notes)."""
    from charset_normalizer import from_bytes

    preference = list(LEGACY_ENCODINGS)
    scored = {}  # text -> (score, preference, codec): one entry per distinct decoding
    for match in from_bytes(data, cp_isolation=preference):
        names = [n for n in map(_python_name, match.could_be_from_charset) if n in preference]
        if not names:
            continue
        text = str(match)
        score = (_implausible(text), _misfit(text), round(match.chaos, 3),
                 -round(match.coherence, 3))
        best = min(names, key=preference.index)
        if text not in scored or scored[text][1] > preference.index(best):
            scored[text] = (score, preference.index(best), best)
    if not scored:
        return None
    ranked = sorted(scored.items(), key=lambda item: item[1][:2])
    text, (score, _, name) = ranked[0]
    rivals = [(other, n) for other, (s, _, n) in ranked[1:] if s == score]
    detail = f"not UTF-8; read as {name} ({LEGACY_ENCODINGS[name]})"
    if rivals:
        other, rival = rivals[0]
        ours, theirs = _difference(text, other)
        detail += (f", but not sure: {rival} reads as well ({ours!r} would be {theirs!r}). If "
                   f"the file is {rival}, convert it to UTF-8")
    elif score[0]:
        detail += ", but not sure: some words mix alphabets. Check the text, or convert it to UTF-8"
    return Decoded(tidy_text(text), name, not rivals and not score[0], detail)


@functools.lru_cache(maxsize=None)
def _python_name(name: str) -> str:
    """Python's name of a codec that charset_normalizer names (``"koi8_r"`` -> ``"koi8-r"``)."""
    return codecs.lookup(name).name


def _implausible(text: str, limit: int = 2000) -> int:
    """Count words (of the first ``limit`` with a non-ASCII character) no language writes.

    Wrong code pages make words that mix alphabets ("Zьrich", "Cafй"), Latin words of four
    letters or more with no ASCII letter at all ("Ìîñêâà": Cyrillic read as Windows-1252), and
    symbols between letters ("Za¿ó³æ": Polish read as Windows-1252; apostrophes and dashes
    are fine).
    """
    count = 0
    for number, match in enumerate(_WORD_WITH_NON_ASCII.finditer(text)):
        if number == limit:
            break
        word = match.group()
        letters = [c for c in word if c.isalpha()]
        scripts = {_script(c) for c in letters if not c.isascii()}
        if scripts.isdisjoint(("CJK", "HANGUL", "HALFWIDTH")) and any(c.isascii() for c in letters):
            scripts.add("LATIN")  # but "NHKによると": Japanese and Chinese write ASCII in words
        all_accented = len(letters) >= 4 and not any(c.isascii() for c in letters)
        odd = any(_odd_inside(word, i) for i in range(1, len(word) - 1))
        count += len(scripts) > 1 or (scripts == {"LATIN"} and all_accented) or odd
    return count


def _odd_inside(word: str, i: int) -> bool:
    """Whether ``word[i]`` is a symbol between two letters, which no language writes ("Za¿ó")."""
    char = word[i]
    if char.isascii() or not (word[i - 1].isalpha() and word[i + 1].isalpha()):
        return False
    return unicodedata.category(char)[0] == "S" or char in _ODD_INSIDE


def _misfit(text: str) -> int:
    """How many of the text's accented Latin letters the best-fitting alphabet lacks.

    Text in a right code page uses the letters of one language (Spanish: á é í ñ ó ú); a wrong
    one mixes languages (Spanish read as Windows-1250: á é í ń ó ú — Polish ń, no Polish á).
    Non-Latin text scores 0.
    """
    letters = {c.lower() for c in set(text) if not c.isascii() and c.isalpha()}
    letters = {c for c in letters if len(c) == 1 and _script(c) == "LATIN"} - {"µ", "ª", "º"}
    if not letters:
        return 0
    return min(len(letters - set(alphabet)) for alphabet in ALPHABETS.values())


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The alphabet of a letter: LATIN, CYRILLIC, GREEK, CJK (with kana), HANGUL, ..."""
    if char < "\u0250":  # Latin-1 and Latin Extended A/B, with ª, º and µ
        return "LATIN"
    word = unicodedata.name(char, "UNKNOWN").split(" ")[0]
    return "CJK" if word in ("CJK", "HIRAGANA", "KATAKANA", "FULLWIDTH", "IDEOGRAPHIC") else word


def _difference(ours: str, theirs: str) -> tuple[str, str]:
    """The first word where two decodings of the same bytes differ, in each of them."""
    start = len(os.path.commonprefix([ours, theirs]))
    left = max(ours.rfind(" ", 0, start), ours.rfind("\n", 0, start)) + 1

    def word(text: str) -> str:
        end = min((i for i in (text.find(" ", start), text.find("\n", start)) if i >= 0),
                  default=len(text))
        return text[left : min(end, left + 30)]

    return word(ours), word(theirs)


def _looks_like_utf8(data: bytes) -> bool:
    """Whether bytes that hold non-ASCII text are UTF-8, give or take a stray byte.

    They are when (almost: 90 %) all their non-ASCII bytes belong to UTF-8 sequences. Text in a
    legacy code page practically never does: its accented letters are single bytes.
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return bool(sequences) and sum(map(len, sequences)) >= 0.9 * high


def _mojibake(data: bytes, encoding: str) -> str:
    """An example of what an encoding makes of the first UTF-8 sequence ("'Ã©' for 'é'")."""
    first = _UTF8_SEQUENCE.search(data).group()
    return f"{first.decode(encoding, errors='replace')!r} for {first.decode('utf-8')!r}"


def _mostly_utf8(data: bytes, err: UnicodeDecodeError) -> Decoded:
    """Decode UTF-8 with a few stray bytes (a pasted Windows quote), each read as cp1252."""
    text = data.decode("utf-8", errors="surrogateescape")  # a stray byte b -> U+DC00 + b

    def windows(match: re.Match) -> str:
        return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")

    text, strays = _STRAY.subn(windows, text)
    line = data.count(b"\n", 0, err.start) + 1
    first = data[err.start : err.start + 1]
    detail = (f"mostly UTF-8, but {strays} byte(s) are not UTF-8 and were read as cp1252 (the "
              f"first: byte {err.start}, line {line}, 0x{first.hex()} as "
              f"{first.decode('cp1252', errors='replace')!r})")
    return Decoded(tidy_text(text), "utf-8", False, detail)


def mojibake_message(sources: list[str], encoding: str) -> str:
    """The warning for files that look like UTF-8 read with another encoding."""
    more = f" and {len(sources) - 10} more" if len(sources) > 10 else ""
    shown = ", ".join(sources[:10]) + more
    return (
        f"{len(sources)} file(s) look like UTF-8 but were read as {encoding} (the encoding "
        f"parameter), so their text is garbled (mojibake such as 'Ã©' for 'é'): {shown}. Drop "
        "the encoding parameter (run without -p encoding; in a notebook: encoding = \"\") so "
        "that each file's encoding is detected on its own."
    )


