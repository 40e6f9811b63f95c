"""Where the sentences and tokens of a text are: worked out once per text, then shared.

Splitting sentences (NLTK's Punkt, see :func:`textkit.sentencesplit.sentence_spans`) and
finding tokens are the most expensive steps of a run, and almost every analysis needs them: the
token table, the n-gram counts, the concordances, the actor mentions and the quotations. This
module does them once per text and keeps the result, an :class:`Index` of character offsets:

- in memory, for the rest of the process (a notebook asks for the same text many times);
- on disk, when the environment variable ``TEXTKIT_CACHE`` names a folder: ``textkit run``
  sets it to a temporary folder for the run and fills it before the notebooks start (in
  ``jobs`` processes, :func:`prepare`), so the notebooks, each in its own kernel, only read it.

The key is a hash of the text itself (and of the abbreviation list), so a cached index is used
only for exactly the text it was made from: whatever the corpus, parameters or cleaning, the
results are the same as without the cache, byte for byte. A notebook run alone (in JupyterLab)
builds what it needs in memory.

Examples
--------
>>> index = of("US aid came. It did.")
>>> index.sentences.tolist()
[[0, 12], [13, 20]]
>>> words(index)
['US', 'aid', 'came', '.', 'It', 'did', '.']
>>> index.sentence.tolist()
[0, 0, 0, 0, 1, 1, 1]
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

from textkit import sentencesplit, tokens

#: The environment variable naming the folder of the on-disk cache (set by ``textkit run``).
CACHE_VARIABLE = "TEXTKIT_CACHE"

#: The memory limit when a disk cache is in use (``TEXTKIT_CACHE``): reading an index back is
#: cheap (30 MB of text in 0.7 s), so memory keeps only the last few texts. A corpus larger than
#: :data:`MEMORY_LIMIT` gains nothing from the larger limit anyway: each pass over it would drop
#: the oldest texts, which the next pass needs first.
MEMORY_LIMIT_WITH_CACHE = 16_000_000

#: The file name ending of a text's index in the cache folder (:func:`_save`).
SUFFIX = ".index"

#: The environment variable that switches the progress bars off when ``"0"``.
PROGRESS_VARIABLE = "TEXTKIT_PROGRESS"

#: Indexes kept in memory at most, in bytes of offsets (the oldest are dropped first; they are
#: read back from the disk cache, or worked out again, when asked for).
MEMORY_LIMIT = 200_000_000

_memory: dict[str, Index] = {}
_used = [0]  # bytes held in _memory


class Index(NamedTuple):
    """The sentences and tokens of one text: character offsets and codes (NumPy ``int32`` arrays,
    ``int64`` for a text of 2**31 characters or more).

    ``sentences`` has one ``(start, end)`` row per sentence
    (:func:`textkit.sentencesplit.sentence_spans`); ``starts`` and ``ends`` give every token
    (words and punctuation, :data:`textkit.tokens.TOKEN_PATTERN`) in text order; ``sentence`` is
    the row in ``sentences`` of each token's sentence (from 0); ``codes`` is each token's row in
    ``vocabulary``, the text's distinct tokens as written, in order of first appearance.
    """

    sentences: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    sentence: np.ndarray
    codes: np.ndarray
    vocabulary: list[str]


def build(text: str) -> Index:
    """Split one text into sentences and tokens (no cache).

    Tokens are found sentence by sentence, exactly as :func:`textkit.tokens.words` finds them
    in each sentence's text.

    Examples
    --------
    >>> build("Russia's reply. No.").ends.tolist()
    [6, 8, 14, 15, 18, 19]
    """
    spans = sentencesplit.split_sentences(text)
    found, counts = [], []
    for start, end in spans:
        words = tokens.FINDALL.findall(text, start, end)
        found.extend(words)
        counts.append(len(words))
    size = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
    counts = np.asarray(counts, dtype=np.int64)
    sentences = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    sentence = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    starts = _token_starts(text, sentences, size)
    codes, vocabulary = _factorize(found)
    small = np.int32 if len(text) < 2**31 else np.int64  # half the memory for any real text
    return Index(*(a.astype(small) for a in (sentences, starts, starts + size, sentence, codes)),
                 vocabulary)


def _token_starts(text: str, sentences: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Where each token starts, from the tokens' lengths alone (``size``, in text order).

    Inside the sentences, every character that is not whitespace belongs to exactly one token
    (any such character matches a branch of :data:`textkit.tokens.TOKEN_PATTERN`, and no branch
    matches whitespace): so a token starts at the non-space character of the sentences that
    the lengths of the tokens before it number. No match object or whitespace string is made
    per token.
    """
    code = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    table = _space_table()
    space = table[np.minimum(code, len(table) - 1)]
    edges = (np.bincount(sentences[:, 0], minlength=len(text) + 1)
             - np.bincount(sentences[:, 1], minlength=len(text) + 1))
    inside = np.cumsum(edges[: len(text)]) > 0  # sentences never overlap
    solid = np.flatnonzero(inside & ~space)
    return solid[np.cumsum(size) - size]


@functools.cache
def _space_table() -> np.ndarray:
    """Whether each code point is whitespace to the regular expressions (``\\s`` in a ``str``
    pattern is :meth:`str.isspace`), up to the last such point; one more entry, ``False``,
    stands for every code point above it."""
    spaces = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    table = np.zeros(max(spaces) + 2, dtype=bool)
    table[spaces] = True
    return table


def _factorize(values: list[str]) -> tuple[np.ndarray, list[str]]:
    """Codes (``int64``) and distinct values, in order of first appearance (pandas' hashing)."""
    import pandas as pd

    codes, distinct = pd.factorize(pd.Series(values, dtype=object))
    return codes.astype(np.int64), distinct.tolist()


def key(text: str) -> str:
    """The cache key of a text: a hash of its characters and of the abbreviation list."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(" ".join(sorted(sentencesplit.ABBREVIATIONS)).encode())
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def of(text: str) -> Index:
    """Return the :class:`Index` of a text, from memory, the disk cache, or :func:`build`."""
    name = key(text)
    found = _memory.get(name)
    if found is None:
        folder = _folder()
        found = _load(folder, name) if folder else None
        if found is None:
            found = build(text)
            if folder:
                _save(folder, name, found)
        _remember(name, found)
    return found


def words(index: Index) -> list[str]:
    """The tokens of a text as written, from its index (words and punctuation)."""
    return np.asarray(index.vocabulary, dtype=object)[index.codes].tolist()


def prepare(texts, *, jobs: int = 1, folder: str | Path | None = None, engine: str = "local",
            scheduler: str | None = None, bar: bool = False, stream: bool = False) -> int:
    """Fill the disk cache with the index of every text, on an engine of ``jobs`` workers.

    Parameters
    ----------
    texts : iterable of str
        The (cleaned) texts the notebooks will analyse.
    jobs : int, default 1
        Worker processes; each text is indexed by one of them. The indexes do not depend on
        ``jobs`` or ``engine``.
    folder : str or Path, optional
        The cache folder; default: the one ``TEXTKIT_CACHE`` names.
    engine : {"local", "dask"}, default "local"
        Where the work is done (:func:`textkit.engines.map_texts`): processes on this machine,
        or a dask cluster (``scheduler``, or a ``LocalCluster`` of ``jobs`` workers).
    scheduler : str, optional
        The address of a dask scheduler, e.g. ``tcp://10.0.0.5:8786`` (``engine="dask"`` only).
    bar : bool, default False
        Show a progress bar (documents per second).
    stream : bool, default False
        Send each text to a worker as it comes (``texts`` may be a generator that is still
        reading and cleaning the corpus), in the order given; see
        :func:`textkit.engines.map_texts`.

    Returns
    -------
    int
        The number of texts indexed now (texts already in the cache are skipped).
    """
    from textkit import engines

    folder = Path(folder or _folder() or "")
    if not str(folder) or str(folder) == ".":
        raise ValueError(f"no cache folder: pass folder= or set {CACHE_VARIABLE}")
    folder.mkdir(parents=True, exist_ok=True)
    names, seen, sent = [], set(), []  # each text's cache name, by its position among them

    def fresh():  # each text once, and only if the cache does not have it yet
        for text in texts:
            name = key(text)
            if name not in seen and not (folder / f"{name}{SUFFIX}").exists():
                seen.add(name)
                names.append(name)
                yield text
        sent.append(True)  # every text is out: the bar's total is known

    todo = fresh() if stream else list(fresh())
    found = engines.map_texts(build, todo, engine=engine, jobs=jobs, scheduler=scheduler,
                              stream=stream)
    shown = progress(found, "splitting sentences", total=None if stream else len(names), show=bar)
    for position, index in shown:
        _save(folder, names[position], index)  # the workers send each index back to be saved
        if sent and getattr(shown, "total", 0) is None:  # a streamed bar learns its total
            shown.total = len(names)
            shown.refresh()
    return len(names)


def prepare_corpus(parameters: dict, *, cwd: str | Path, jobs: int = 1, **options) -> int:
    """Read and clean a run's corpus as its notebooks will, and :func:`prepare` every text.

    Parameters
    ----------
    parameters : dict
        A notebook's parameter values (``corpus``, ``text_column``, ``encoding``,
        ``include_all``, ``drop_duplicates``, ``group_by``, ``skip_cleaning`` and, when
        present, ``reference_corpus``); relative paths are read from ``cwd``.
    cwd : str or Path
        The notebooks' working directory.
    jobs : int, default 1
        Worker processes for :func:`prepare`.
    **options
        ``engine``, ``scheduler`` and ``bar`` of :func:`prepare`.

    Returns
    -------
    int
        The number of texts indexed.
    """
    import warnings

    from textkit import clean, files, groups, keyness

    def where(value: str) -> str:
        return value if not value or Path(value).is_absolute() else str(Path(cwd) / value)

    read = {"text_column": parameters.get("text_column", "text"),
            "encoding": parameters.get("encoding") or None,
            "include_all": parameters.get("include_all", False)}
    skip = parameters.get("skip_cleaning", "")

    def texts():  # read once the workers have started; each text sent as soon as it is clean
        with warnings.catch_warnings():  # the notebooks show the reading notes; not repeated
            warnings.simplefilter("ignore")
            raw, _ = files.read_corpus_with_notes(
                where(parameters["corpus"]),
                drop_duplicates=parameters.get("drop_duplicates", False), **read)
        raw = groups.assign(raw, parameters.get("group_by", ""))
        yield from clean.streamed(raw, skip=skip)
        docs = clean.corpus(raw, skip=skip)  # what streamed kept: nothing is cleaned twice
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reference = keyness.reference_documents(
                where(parameters.get("reference_corpus", "")), skip_cleaning=skip, exclude=docs,
                **read)
        yield from reference["text"]

    return prepare(texts(), jobs=jobs, stream=True, **options)


def fingerprint(*parts) -> str:
    """A hash of strings (or iterables of them) that is the same in every process and run.

    Each part is a string or an iterable of items; an item that is not a string counts by its
    ``repr`` (so ``1`` and ``"1"`` differ). Sets must be sorted first: their order is not fixed.

    >>> fingerprint(["a", "b"], "c") == fingerprint(["a", "b"], "c") != fingerprint(["ab"], "c")
    True
    """
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        for item in [part] if isinstance(part, str) else part:
            text = item if isinstance(item, str) else "\0r" + repr(item)
            digest.update(text.encode("utf-8", "surrogatepass"))
            digest.update(b"\0\1")
        digest.update(b"\0\2")
    return digest.hexdigest()


def shared(name: str, make):
    """Return ``make()``, or what it returned before in this run, read from the disk cache.

    For other work every notebook of a run would repeat on the same input (cleaning the
    corpus): the first process to do it stores the result in the run's cache folder
    (``TEXTKIT_CACHE``, a private folder ``textkit run`` makes and removes) as a pickle, the
    others read it back. ``name`` must say everything the result depends on (a hash of the
    input and of the options). Without a cache folder this is just ``make()``.
    """
    folder = _folder()
    if folder is None:
        return make()
    path = folder / f"{name}.pickle"
    try:
        with open(path, "rb") as stored:
            return pickle.load(stored)
    except (OSError, EOFError, pickle.UnpicklingError):  # not there yet, or cut short
        pass
    result = make()
    _write(folder, path.name, result)
    return result


def _folder() -> Path | None:
    value = os.environ.get(CACHE_VARIABLE)
    return Path(value) if value else None


def _save(folder: Path, name: str, index: Index) -> None:
    """Write an index atomically (a reader sees the whole file or none), as a pickle of its
    fields: read back in a third of the time a NumPy ``.npz`` file takes, which every pass of
    a notebook over a large corpus pays once per text."""
    _write(folder, f"{name}{SUFFIX}", tuple(index))


def _write(folder: Path, file_name: str, value) -> None:
    """Pickle ``value`` into the cache folder atomically: a reader sees the whole file or none
    (it is written under a name of this process's own, then renamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{file_name}.{os.getpid()}"
    with open(partial, "wb") as out:
        pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, folder / file_name)


def _load(folder: Path, name: str) -> Index | None:
    """Read an index written by :func:`_save`; ``None`` when it is missing or damaged (cut
    short by a full disk, say)."""
    try:
        with open(folder / f"{name}{SUFFIX}", "rb") as stored:
            fields = pickle.load(stored)
    except (OSError, EOFError, ValueError, pickle.UnpicklingError):
        return None
    whole = isinstance(fields, tuple) and len(fields) == len(Index._fields)
    return Index(*fields) if whole else None


def _remember(name: str, index: Index) -> None:
    """Keep an index in memory, dropping the oldest ones beyond the limit.

    The limit is :data:`MEMORY_LIMIT`, or :data:`MEMORY_LIMIT_WITH_CACHE` when there is a disk
    cache to read the others back from.
    """
    _memory[name] = index
    _used[0] += _size(index)
    limit = MEMORY_LIMIT_WITH_CACHE if _folder() else MEMORY_LIMIT
    while _used[0] > limit and len(_memory) > 1:
        _used[0] -= _size(_memory.pop(next(iter(_memory))))


def _size(index: Index) -> int:
    """Roughly the bytes an index holds (its arrays, and about 60 per distinct token)."""
    return sum(a.nbytes for a in index[:-1]) + 60 * len(index.vocabulary)


# --------------------------------------------------------------------------------------------
# Every token of a corpus, as codes into its vocabulary
# --------------------------------------------------------------------------------------------


class Running(NamedTuple):
    """Every token of a list of texts, in order (see :func:`running`); NumPy ``int32`` arrays
    (``int64`` past 2**31) except ``vocabulary``: half the memory of ``int64`` on a large
    corpus. Tables made from them hold ``int64``."""

    codes: np.ndarray
    vocabulary: list[str]
    text: np.ndarray
    sentence: np.ndarray
    serial: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    sentence_counts: np.ndarray


def running(texts, *, lowercase: bool = True, words_only: bool = False) -> Running:
    """Return every token of the texts as codes into one vocabulary, with where it is.

    Parameters
    ----------
    texts : iterable of str
        The texts, e.g. the ``text`` column of a cleaned corpus.
    lowercase : bool, default True
        Fold the vocabulary with :func:`textkit.tokens.fold` ("US" stays "US").
    words_only : bool, default False
        Leave out punctuation tokens (:func:`textkit.tokens.is_word`).

    Returns
    -------
    Running
        ``codes`` (each token's row in ``vocabulary``), ``vocabulary`` (distinct tokens, in
        order of first appearance), ``text`` (row of the token's text), ``sentence`` (its
        sentence in its text, from 1), ``serial`` (its sentence in the whole list, from 0),
        ``starts`` and ``ends`` (character offsets in its text), and ``sentence_counts`` (the
        number of sentences of each text, including those without a kept token).

    Examples
    --------
    >>> found = running(["The US said no.", "Russia's reply."], words_only=True)
    >>> [found.vocabulary[c] for c in found.codes]
    ['the', 'US', 'said', 'no', 'russia', "'s", 'reply']
    >>> found.sentence.tolist(), found.serial.tolist(), found.sentence_counts.tolist()
    ([1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 1, 1, 1], [1, 1])
    """
    indexes = [of(text) for text in progress(texts, "splitting sentences")]
    counts = np.asarray([len(index.sentences) for index in indexes], dtype=np.int64)
    sizes = np.asarray([len(index.codes) for index in indexes], dtype=np.int64)
    small = _integers(max(int(counts.sum()), int(sizes.sum()), len(indexes)))
    first = (np.cumsum(counts) - counts).astype(small)  # serial of each text's first sentence
    text = np.repeat(np.arange(len(indexes), dtype=small), sizes)
    # One vocabulary: each text's distinct tokens are merged, then its codes are mapped.
    merged, vocabulary = _factorize([t for index in indexes for t in index.vocabulary])
    merged = merged.astype(_integers(len(vocabulary)))
    shift = np.cumsum([0] + [len(index.vocabulary) for index in indexes])
    codes = _join([merged[shift[i] + index.codes] for i, index in enumerate(indexes)])
    if words_only:  # filter before the other fields are made: less to hold at once
        keep = np.array([tokens.is_word(t) for t in vocabulary], dtype=bool)[codes]
        codes, text = codes[keep], text[keep]
    else:
        keep = slice(None)
    sentence = _join([index.sentence for index in indexes])[keep]
    fields = [text, sentence + 1, sentence + first[text],
              _join([i.starts for i in indexes])[keep], _join([i.ends for i in indexes])[keep]]
    if lowercase:
        folded, vocabulary = _factorize(tokens.fold(vocabulary))
        codes = folded.astype(codes.dtype)[codes]
    return Running(codes, vocabulary, *fields, counts)


def progress(items, what: str, *, total: int | None = None, show: bool = True):
    """Wrap a long loop over documents in a tqdm bar (documents per second) on standard error.

    The bar appears only after two seconds, so short runs (the seed) show none; in a notebook
    it is printed as text, not as a widget. With ``show=False``, or when the environment
    variable :data:`PROGRESS_VARIABLE` is ``"0"`` (``textkit run`` sets it for its kernels), the
    items come back as they are.
    """
    if not show or os.environ.get(PROGRESS_VARIABLE) == "0":
        return items
    from tqdm import tqdm

    if total is None and hasattr(items, "__len__"):
        total = len(items)
    return tqdm(items, desc=what, total=total, unit="doc", delay=2, mininterval=1,
                file=sys.stderr, disable=False)


def _join(arrays: list[np.ndarray]) -> np.ndarray:
    """One array from the texts' arrays, in their integer type (``int32`` for an index's)."""
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int32)


def _integers(largest: int) -> type:
    """The smaller integer type that holds values up to ``largest``."""
    return np.int32 if largest < 2**31 - 1 else np.int64
