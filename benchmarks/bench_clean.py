"""Time cleaning a corpus against cleaning it and reporting what each step changed.

What is timed, on the same corpus in the same run (best of ``--repeat`` runs each):

- ``clean.corpus(docs)``: cleaning alone (it learns the corpus evidence first);
- ``clean.report(docs)``: the per-step summary, from the edits the steps report as they work;
- ``clean.removals(docs)``: every furniture removal in full;
- ``clean.evidence(docs)``: the repeated-furniture pass alone.

The corpus is the shipped Wikinews example (295 articles, 1.3 MB) repeated to ``--size-mb``
million characters, each copy under new document ids (the evidence pass counts the copies as one
story). Everything should be linear in the text size: the script also times a quarter of the
corpus and prints the ratio.

Targets: report within 2x the time of cleaning alone; the full corpus within 5x the time of a
quarter of it (4x is linear).

Usage::

    python benchmarks/bench_clean.py                 # Wikinews repeated to 10 MB
    python benchmarks/bench_clean.py --size-mb 30
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

import pandas as pd

from textkit import clean, files

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = ROOT / "seeds" / "wikinews" / "*.csv"
MB = 1_000_000


def corpus(size: int) -> pd.DataFrame:
    """The Wikinews articles repeated until they hold at least ``size`` characters."""
    base = files.read_corpus(str(WIKINEWS))
    copies = -(-size // int(base["text"].str.len().sum()))
    return pd.concat([base.assign(doc_id=base["doc_id"] + f"#{i}") for i in range(copies)],
                     ignore_index=True)


def best(function, docs: pd.DataFrame, repeat: int) -> float:
    """The best of ``repeat`` runs, in seconds, with the garbage collector off."""
    times = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            function(docs)
            times.append(time.perf_counter() - start)
    finally:
        gc.enable()
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=10.0, help="characters, in millions")
    parser.add_argument("--repeat", type=int, default=3, help="runs per function; best counts")
    args = parser.parse_args(argv)

    docs = corpus(int(args.size_mb * MB))
    quarter = docs.iloc[: len(docs) // 4]
    chars = int(docs["text"].str.len().sum())
    print(f"corpus: Wikinews x{len(docs) // 295}, {len(docs):,} documents, {chars / MB:.2f}M chars")
    timings = {}
    for name, function in [("clean.corpus", clean.corpus), ("clean.report", clean.report),
                           ("clean.removals", clean.removals), ("clean.evidence", clean.evidence)]:
        timings[name] = best(function, docs, args.repeat)
        print(f"  {name:<16} {timings[name]:7.2f} s  {chars / MB / timings[name]:6.2f} M chars/s",
              flush=True)
    ratio = timings["clean.report"] / timings["clean.corpus"]
    print(f"report vs cleaning alone: {ratio:.2f}x  [target <= 2x: "
          f"{'met' if ratio <= 2 else 'MISSED'}]")
    small = best(clean.report, quarter, args.repeat)
    growth = timings["clean.report"] / small
    print(f"report on the whole vs a quarter: {growth:.2f}x  [target <= 5x: "
          f"{'met' if growth <= 5 else 'MISSED'}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
