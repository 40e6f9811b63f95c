"""Time textkit's tokenisation against NLTK's word_tokenize and a bare regular expression.

What is timed, on the same text in the same run (best of ``--repeat`` runs each):

- textkit: ``tokens.fold(tokens.words(text))``, what the word-frequency analysis runs;
- ``nltk.word_tokenize(text, preserve_line=True)`` (needs no downloaded data);
- ``re.findall(r"\\w+", text)``, the floor: no rules at all;
- sentences: ``tokens.split_sentences(text)`` (NLTK's Punkt, its patterns run by ``re``,
  :mod:`textkit.punkt`) against the same paragraph-by-paragraph loop with NLTK's Punkt as it
  comes (its patterns through ``nltk.redos``), on the word_tokenize slice; the spans must be
  identical.

Rates are tokens per second, each tokenizer counted with its own tokens. word_tokenize is slow
(0.3-0.4 million tokens/s measured here: about 5 s for 10 MB), so by default it runs on the first
``--nltk-mb`` million characters (``--nltk-mb 0``: all of them); its rate is still per token, and
textkit is timed on that slice too for a same-text comparison. Machine load moves the numbers;
the tokenizers are timed round-robin so that it moves them alike.

Targets: textkit at least 5x faster than word_tokenize, and within 3x of re.findall. Sentences:
identical to NLTK's Punkt (the speed is reported, no target). A text ending in 20,000 characters
of whitespace (once quadratic: 40 s) takes no more than 50x re.findall's time on it.

Usage::

    python benchmarks/bench_tokens.py                       # synthetic 10 MB built from the seed
    python benchmarks/bench_tokens.py --corpus path/to/books/   # a folder of plain-text books, e.g. Project Gutenberg texts
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import sys
import time
from pathlib import Path

from textkit import clean, files, tokens

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
MB = 1_000_000
WORD = re.compile(r"\w+")


def synthetic(size: int, *, seed: int = 20220127) -> str:
    """Build ``size`` characters of news-like text from the cleaned seed article, deterministically.

    Each copy shuffles the seed's body paragraphs and rewrites its numbers, so the text is not
    one block repeated; the vocabulary stays the seed's (about 600 word types), smaller than a
    real corpus's.
    """
    rng = random.Random(seed)
    paragraphs = clean.text(files.read_text(SEED)).split("\n\n")
    headline, body = paragraphs[0], paragraphs[1:]
    number = re.compile(r"\d[\d,]*")
    parts, length = [], 0
    while length < size:
        order = body[:]
        rng.shuffle(order)
        story = "\n\n".join([headline, *order])
        story = number.sub(lambda m: f"{rng.randrange(1, 200_000):,}", story)
        parts.append(story)
        length += len(story) + 2
    return "\n\n".join(parts)[:size]


def from_corpus(path: Path, size: int, encoding: str | None) -> tuple[str, int]:
    """Read the first ``size`` characters of a .txt file or of a folder's .txt files (sorted)."""
    if path.is_dir():
        paths = sorted(p for p in path.rglob("*.txt") if p.is_file())
    else:
        paths = [path]
    parts, length = [], 0
    for file in paths:
        if length >= size:
            break
        text = files.read_text(file, encoding=encoding)
        parts.append(text)
        length += len(text) + 2
    if not parts:
        sys.exit(f"{path}: no .txt files found")
    return "\n\n".join(parts)[:size], len(parts)


def best_of(cases: list[tuple[str, object, str]], repeat: int) -> dict[str, tuple[float, int]]:
    """Time each ``(name, function, text)`` ``repeat`` times, round-robin, with the garbage
    collector off (as ``timeit`` does); return ``name -> (best seconds, tokens produced)``.

    Round-robin spreads any load from other processes over all tokenizers alike.
    """
    best = {name: (float("inf"), 0) for name, _, _ in cases}
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            for name, function, text in cases:
                start = time.perf_counter()
                result = function(text)
                elapsed = time.perf_counter() - start
                best[name] = (min(best[name][0], elapsed), len(result))
                del result
    finally:
        gc.enable()
    return best


def textkit_tokens(text: str) -> list[str]:
    return tokens.fold(tokens.words(text))


def regex_tokens(text: str) -> list[str]:
    return WORD.findall(text)


def nltk_sentences(text: str) -> list[tuple[int, int]]:
    """:func:`textkit.tokens.split_sentences` with NLTK's Punkt as it comes."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(tokens.ABBREVIATIONS)
    splitter = PunktSentenceTokenizer(params)
    return [(start + s, start + e) for start, end in tokens.paragraph_spans(text)
            for s, e in splitter.span_tokenize(text[start:end])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--corpus", type=Path, help="a .txt file or a folder of them; default: synthetic")
    add("--encoding", default=None, help="encoding of the corpus files; default: auto")
    add("--size-mb", type=float, default=10.0, help="characters to use, in millions")
    add("--nltk-mb", type=float, default=1.0,
        help="slice for word_tokenize, in millions of characters (0: the whole text)")
    add("--repeat", type=int, default=5, help="runs per tokenizer; the best counts")
    args = parser.parse_args(argv)

    import nltk

    size = int(args.size_mb * MB)
    if args.corpus is None:
        text, source = synthetic(size), f"synthetic (seed article shuffled, {size / MB:g}M chars)"
    else:
        text, n_files = from_corpus(args.corpus, size, args.encoding)
        source = f"{args.corpus} (first {len(text) / MB:.2f}M chars of {n_files} file(s))"
    nltk_size = len(text) if args.nltk_mb <= 0 else min(len(text), int(args.nltk_mb * MB))
    piece = text[:nltk_size]

    print(f"text: {source}")
    print(f"python {sys.version.split()[0]}, nltk {nltk.__version__}, best of {args.repeat}")
    cases = [
        ("textkit fold(words())", textkit_tokens, text),
        ("re.findall(r'\\w+')", regex_tokens, text),
        ("textkit, nltk slice", textkit_tokens, piece),
        ("nltk word_tokenize", lambda t: nltk.word_tokenize(t, preserve_line=True), piece),
        ("textkit sentences", tokens.split_sentences, piece),
        ("nltk Punkt sentences", nltk_sentences, piece),
    ]
    timings = best_of(cases, args.repeat)
    rows = []
    for name, _, sample in cases:
        seconds, count = timings[name]
        rows.append((name, len(sample), count, seconds, count / seconds))
        unit = "sentences" if "sentences" in name else "tokens"
        print(f"  {name:<24} {len(sample) / MB:6.2f}M chars {count:>10,} {unit:<9} "
              f"{seconds:8.3f} s {count / seconds / 1e6:7.2f} M {unit}/s", flush=True)

    rate = {name: r for name, *_, r in rows}
    secs = {name: s for name, _, _, s, _ in rows}
    vs_nltk = rate["textkit, nltk slice"] / rate["nltk word_tokenize"]
    vs_re = rate["re.findall(r'\\w+')"] / rate["textkit fold(words())"]
    vs_re_time = secs["textkit fold(words())"] / secs["re.findall(r'\\w+')"]
    print(f"textkit vs word_tokenize (same {nltk_size / MB:.2f}M-char slice): "
          f"{vs_nltk:.1f}x faster per token  [target >= 5x: {'met' if vs_nltk >= 5 else 'MISSED'}]")
    print(f"re.findall vs textkit: {vs_re:.2f}x the token rate, {vs_re_time:.2f}x less time on the "
          f"same text  [target <= 3x: {'met' if vs_re_time <= 3 else 'MISSED'}]")
    spaces = "Kyiv." + " \n" * 10_000  # once rescanned from every position: 40 s
    blank = best_of([("textkit", tokens.words, spaces), ("re", regex_tokens, spaces)], args.repeat)
    print(f"trailing whitespace (20,000 characters): textkit {blank['textkit'][0] * 1e3:.3f} ms, "
          f"re.findall {blank['re'][0] * 1e3:.3f} ms  [linear: no more than 50x re.findall: "
          f"{'met' if blank['textkit'][0] <= 50 * blank['re'][0] + 0.001 else 'MISSED'}]")
    same = tokens.split_sentences(piece) == nltk_sentences(piece)
    punkt = secs["nltk Punkt sentences"] / secs["textkit sentences"]
    print(f"sentences: textkit {punkt:.1f}x faster than NLTK's Punkt as it comes (same "
          f"{nltk_size / MB:.2f}M-char slice); spans identical: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
