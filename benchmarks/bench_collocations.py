"""Benchmark: textkit's scored bigram table against NLTK's collocation finder.

Both contenders get the same token list (folded word tokens, with ``collocations.BREAK`` at
every paragraph end of a real corpus, or every sentence end of the synthetic one) and produce
every bigram seen at least ``--min-count`` times with its log-likelihood score:

- textkit: ``collocations.ngrams(tokens, n=2, measure="llr", min_count=...)`` — the full table
  with counts, four cells, e11 and all measures, sorted;
- NLTK: ``BigramCollocationFinder.from_words(tokens)`` + ``apply_freq_filter(min_count)`` +
  ``score_ngrams(BigramAssocMeasures.likelihood_ratio)``.

Each measurement runs in a fresh subprocess, so the contenders' memory never mixes: one process
for the time (wall clock, no tracing), another for the peak memory (``tracemalloc``, which
traces Python objects, NumPy buffers and pandas hash tables; tracing slows the code, so it is
never timed). Memory is the peak *above* the already-loaded token list; the timed run also
reports the growth of the resident-set high-water mark (Linux ``VmHWM``, reset before the run),
which includes what the allocator keeps but is noisier. A third look compares
the counts: every bigram that both keep must have the same count (NLTK also counts the pairs
that touch a BREAK marker; textkit never forms them).

Usage::

    python benchmarks/bench_collocations.py                       # synthetic Zipfian corpus
    python benchmarks/bench_collocations.py --corpus path/to/books/   # a folder of plain-text books, e.g. Project Gutenberg texts
    python benchmarks/bench_collocations.py --sizes 1000000 --min-count 3
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = (1_000_000, 10_000_000)


# --------------------------------------------------------------------------------------------
# Token lists (made once by the parent, read by every child)
# --------------------------------------------------------------------------------------------


def synthetic(size: int, *, seed: int = 20220127) -> list[str]:
    """Return ``size`` tokens of a deterministic Zipfian text (with sentence BREAKs)."""
    import numpy as np

    from textkit.collocations import BREAK

    rng = np.random.default_rng(seed)
    vocabulary = np.array([f"w{i}" for i in range(200_000)] + [BREAK], dtype=object)
    weights = 1.0 / np.arange(1, len(vocabulary)) ** 1.07
    weights /= weights.sum()
    draws = rng.choice(len(vocabulary) - 1, size=size, p=weights)
    # Some fixed phrases, so that there is something to find: every 50th token starts one.
    draws[::50] = 7
    draws[1::50] = 11
    # Sentences of 8 to 39 tokens: the token after each one is a BREAK.
    ends = np.cumsum(rng.integers(9, 41, size=size // 9 + 1)) - 1
    draws[ends[ends < size]] = len(vocabulary) - 1
    return vocabulary[draws].tolist()


def from_corpus(path: str, size: int) -> list[str]:
    """Return the first ``size`` folded word tokens of a corpus, a BREAK after each paragraph.

    Paragraphs (blank-line separated) stand in for sentences: Punkt on 50 MB of text would
    take longer than everything measured here, and it is not what is being compared.
    """
    from textkit import files, tokens
    from textkit.collocations import BREAK

    out: list[str] = []
    corpus = files.read_corpus(path)
    for text in corpus["text"]:
        for paragraph in re.split(r"\n\s*\n", text):
            words = [t for t in tokens.fold(tokens.words(paragraph)) if tokens.is_word(t)]
            if words:
                out.extend(words)
                out.append(BREAK)
            if len(out) >= size:
                return out[:size]
    if len(out) < size:
        raise SystemExit(f"{path}: only {len(out):,} tokens, fewer than the {size:,} asked for.")
    return out


def save(tokens: list[str], path: Path) -> None:
    """Write one token per line (a BREAK is an empty line)."""
    from textkit.collocations import BREAK

    path.write_text("\n".join("" if t == BREAK else t for t in tokens), encoding="utf-8")


def load(path: Path) -> list[str]:
    from textkit.collocations import BREAK

    return [t or BREAK for t in path.read_text(encoding="utf-8").split("\n")]


# --------------------------------------------------------------------------------------------
# The contenders (run in children)
# --------------------------------------------------------------------------------------------


def run_textkit(tokens, min_count):
    from textkit import collocations

    return collocations.ngrams(tokens, n=2, measure="llr", min_count=min_count)


def run_nltk(tokens, min_count):
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    finder = BigramCollocationFinder.from_words(tokens)
    finder.apply_freq_filter(min_count)
    return finder.score_ngrams(BigramAssocMeasures.likelihood_ratio), finder.ngram_fd


def _status_kb(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def _reset_rss_peak():
    """Reset Linux's resident-set high-water mark; return the current RSS in kB (or None)."""
    try:
        with open("/proc/self/clear_refs", "w") as handle:
            handle.write("5")
        return _status_kb("VmRSS")
    except OSError:
        return None


def child(contender: str, mode: str, token_file: str, min_count: int, counts_file: str | None):
    """Run one contender once; print a JSON line with the measurement."""
    import tracemalloc

    # Import the libraries before measuring: their import is not part of the work.
    import nltk.collocations  # noqa: F401
    import pandas  # noqa: F401

    from textkit import collocations  # noqa: F401

    tokens = load(Path(token_file))
    gc.collect()
    run = run_textkit if contender == "textkit" else run_nltk
    result = {"contender": contender, "mode": mode, "tokens": len(tokens)}
    if mode == "memory":
        tracemalloc.start()
        out = run(tokens, min_count)
        result["peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    else:
        before = _reset_rss_peak()
        start = time.perf_counter()
        out = run(tokens, min_count)
        result["seconds"] = time.perf_counter() - start
        if before is not None:  # the resident-memory high-water mark, above the loaded tokens
            result["rss_peak_mb"] = (_status_kb("VmHWM") - before) / 1024
    result["rows"] = len(out) if contender == "textkit" else len(out[0])
    if counts_file:
        if contender == "textkit":
            pairs = (tuple(c.split(" ")) for c in out["collocation"])
            counts = dict(zip(pairs, out["count"].tolist()))
        else:
            counts = dict(out[1].items())
        with open(counts_file, "wb") as handle:
            pickle.dump(counts, handle, protocol=pickle.HIGHEST_PROTOCOL)
    print(json.dumps(result))


def measure(contender, mode, token_file, min_count, counts_file=None) -> dict:
    command = [sys.executable, __file__, "--child", contender, mode, str(token_file),
               "--min-count", str(min_count)]
    if counts_file:
        command += ["--counts", str(counts_file)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{contender} {mode} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare_counts(ours_file, theirs_file) -> dict:
    """Compare the counts of the bigrams both kept."""
    from textkit.collocations import BREAK

    with open(ours_file, "rb") as handle:
        ours = pickle.load(handle)
    with open(theirs_file, "rb") as handle:
        theirs = {k: v for k, v in pickle.load(handle).items() if BREAK not in k}
    shared = ours.keys() & theirs.keys()
    differ = sum(ours[k] != theirs[k] for k in shared)
    return {
        "textkit_rows": len(ours),
        "nltk_rows_without_break": len(theirs),
        "shared": len(shared),
        "different_counts": differ,
        "only_textkit": len(ours.keys() - theirs.keys()),
        "only_nltk": len(theirs.keys() - ours.keys()),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="a corpus path (file, folder, glob); default: synthetic")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="token counts")
    parser.add_argument("--min-count", type=int, default=2, help="apply_freq_filter / min_count")
    parser.add_argument("--skip-memory", action="store_true", help="time only (faster)")
    parser.add_argument("--child", nargs=3, metavar=("CONTENDER", "MODE", "TOKENS"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--counts", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, args.min_count, args.counts)
        return 0

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    source = args.corpus or "synthetic Zipfian corpus (seed 20220127)"
    print(f"corpus: {source}; min_count={args.min_count}; python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs", flush=True)
    report = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for size in args.sizes:
            tokens = from_corpus(args.corpus, size) if args.corpus else synthetic(size)
            token_file = tmp / f"tokens_{size}.txt"
            save(tokens, token_file)
            del tokens
            row = {"size": size}
            for contender in ("textkit", "nltk"):
                counts_file = tmp / f"{contender}_{size}.pickle"
                timed = measure(contender, "time", token_file, args.min_count, counts_file)
                row[f"{contender}_seconds"] = timed["seconds"]
                row[f"{contender}_rss_peak_mb"] = timed.get("rss_peak_mb")
                row[f"{contender}_rows"] = timed["rows"]
                if not args.skip_memory:
                    row[f"{contender}_peak_mb"] = measure(
                        contender, "memory", token_file, args.min_count
                    )["peak_mb"]
                print(f"  {size:>11,} tokens  {contender:<8}{row[f'{contender}_seconds']:8.2f} s"
                      + (f"  {row[f'{contender}_peak_mb']:8.1f} MB peak" if not args.skip_memory else "")
                      + f"  {row[f'{contender}_rows']:,} rows", flush=True)
            row["counts"] = compare_counts(tmp / f"textkit_{size}.pickle", tmp / f"nltk_{size}.pickle")
            row["time_ratio"] = row["textkit_seconds"] / row["nltk_seconds"]
            if not args.skip_memory:
                row["memory_ratio"] = row["textkit_peak_mb"] / row["nltk_peak_mb"]
            if row["textkit_rss_peak_mb"] and row["nltk_rss_peak_mb"]:
                row["rss_ratio"] = row["textkit_rss_peak_mb"] / row["nltk_rss_peak_mb"]
            print(f"  {size:>11,} tokens  time ratio {row['time_ratio']:.3f}"
                  + (f", memory ratio {row['memory_ratio']:.3f}" if not args.skip_memory else "")
                  + f"; counts: {row['counts']}", flush=True)
            report.append(row)
    print(json.dumps(report, indent=2))
    bad = [r for r in report if r["counts"]["different_counts"] or r["counts"]["only_textkit"]
           or r["counts"]["only_nltk"]]
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
