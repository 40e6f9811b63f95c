"""Benchmark: keyness of one group against the rest, against counting the tokens once.

What is timed, on the same tokens in the same run (best of ``--repeat`` runs each, taken in
turns so that machine load moves both alike), as wall-clock time and as the process's CPU time
(``time.process_time``; both contenders run on one thread, so on an idle machine the two agree,
and on a shared, busy one the CPU time is the steadier measure):

- ``collections.Counter(tokens)`` on the token list — one count of every token, the floor;
- ``keyness.compare(long, by="doc_group", target="A")`` on the long token table (columns
  ``doc_id``, ``token``, ``doc_group``) — counting per group, merging the rest of the corpus,
  every statistic, p-values, the correction and the sorted table.

Tokenising is not part of keyness: the long table and the token list are made before any timing.
Target: keyness within 2x the time of the Counter (ratio ≤ 2, judged on CPU time) at 10 million
tokens; on small samples the fixed costs (one row per type, sorting, the p-values) weigh more.

The corpus is, by default, synthetic and deterministic: the seed article's folded word tokens,
repeated to ``--tokens`` tokens and shuffled with a fixed seed, cut into documents of 500 tokens;
every third document is group "A" (where every 50th token is "sanctions", so that there is a
key word to find), the others group "B". With a path, the text files there are read
(:func:`textkit.files.read_corpus`) and tokenised with :func:`textkit.tokens.table` until
``--tokens`` tokens; every other document is group "A".

Usage::

    python benchmarks/bench_keyness.py                        # synthetic, 10 million tokens
    python benchmarks/bench_keyness.py path/to/corpus/ --tokens 10000000
    python benchmarks/bench_keyness.py --tokens 1000000 --repeat 5
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from textkit import clean, files, keyness, tokens

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
DOCUMENT = 500  # tokens per synthetic document


def synthetic(size: int, *, seed: int = 20220127) -> pd.DataFrame:
    """Return a long token table of ``size`` shuffled seed tokens in two groups of documents."""
    words = [t for t in tokens.fold(tokens.words(clean.text(files.read_text(SEED))))
             if tokens.is_word(t)]
    vocabulary, codes = np.unique(np.array(words, dtype=object), return_inverse=True)
    rng = np.random.default_rng(seed)
    drawn = rng.permutation(np.resize(codes, size))
    token = vocabulary[drawn]
    document = np.arange(size) // DOCUMENT
    in_a = document % 3 == 0
    token[in_a & (np.arange(size) % 50 == 0)] = "sanctions"
    doc_ids = np.array([f"doc{i:06d}" for i in range(document[-1] + 1)], dtype=object)
    return _long(doc_ids[document], token, np.where(in_a, "A", "B"))


def from_corpus(path: str, size: int) -> pd.DataFrame:
    """Return the long token table of the first ``size`` tokens of a corpus, in two groups."""
    corpus = files.read_corpus(path)
    parts, total = [], 0
    for i in range(len(corpus)):
        part = tokens.table(clean.corpus(corpus.iloc[i : i + 1]))
        part["group"] = "A" if i % 2 == 0 else "B"
        parts.append(part)
        total += len(part)
        print(f"  tokenised {i + 1} documents, {total:,} tokens", end="\r", file=sys.stderr)
        if total >= size:
            break
    print(file=sys.stderr)
    if total < size:
        raise SystemExit(f"{path}: only {total:,} tokens, fewer than the {size:,} asked for.")
    long = pd.concat(parts, ignore_index=True).head(size)
    return _long(long["doc_id"].to_numpy(object), long["token"].to_numpy(object),
                 long["group"].to_numpy(object))


def _long(doc_id, token, group) -> pd.DataFrame:
    """A token table as a notebook makes one: object columns, the group mapped from doc_id."""
    long = pd.DataFrame({"doc_id": pd.Series(doc_id, dtype=object),
                         "token": pd.Series(token, dtype=object)})
    groups = dict(zip(doc_id, group))  # one group per document
    long["doc_group"] = long["doc_id"].map(groups).astype(object)
    return long


def timed(function) -> tuple[float, float, object]:
    """Run ``function``; return its wall-clock seconds, CPU seconds and result."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?",
                        help="folder or files of a corpus (default: synthetic)")
    parser.add_argument("--tokens", type=int, default=10_000_000, help="tokens to use")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (the best counts)")
    args = parser.parse_args(argv)

    print(f"making {args.tokens:,} tokens from {args.corpus or 'the synthetic corpus'} ...")
    long = from_corpus(args.corpus, args.tokens) if args.corpus else synthetic(args.tokens)
    token_list = long["token"].tolist()
    print(f"{len(long):,} tokens, {len(set(token_list)):,} types, "
          f"{long['doc_id'].nunique():,} documents, group A: {(long['doc_group'] == 'A').sum():,}")

    contenders = {
        "Counter(tokens)": lambda: Counter(token_list),
        "keyness.compare": lambda: keyness.compare(long, by="doc_group", target="A"),
    }
    best = {name: [float("inf"), float("inf")] for name in contenders}
    results = {}
    for _ in range(args.repeat):
        for name, function in contenders.items():
            wall, cpu, results[name] = timed(function)
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
    counted, result = results["Counter(tokens)"], results["keyness.compare"]

    both = (result["a"] + result["b"]).to_numpy()
    assert int(both.sum()) == len(token_list), "a + b must add up to every token"
    assert all(counted[t] == n for t, n in zip(result["term"], both)), "counts differ"
    print(f"{'':<18} {'wall s':>8} {'CPU s':>8}")
    for name, (wall, cpu) in best.items():
        print(f"{name:<18} {wall:8.3f} {cpu:8.3f}")
    walls, cpus = zip(*(best[name] for name in ("keyness.compare", "Counter(tokens)")))
    ratio = cpus[0] / cpus[1]
    print(f"ratio keyness / Counter: {ratio:.2f} CPU, {walls[0] / walls[1]:.2f} wall  "
          f"(target ≤ 2 on CPU time: {'met' if ratio <= 2 else 'MISSED'})")
    top = result.head(3)[["term", "a", "b", "g2_signed", "log_ratio", "p_adjusted"]]
    print("most over-used in group A:\n" + top.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
