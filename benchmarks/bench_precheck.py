"""Time the pre-run check of `textkit run` on a folder of many small files.

Before any notebook starts, `textkit run` reads and checks the corpus (every file decoded, empty
files and duplicate ids refused), the dictionary and the stopword list, and the run folder. That
check must be linear in the number of files. The baseline, timed in the same run, is the least any
check must do: read and decode every file in a plain loop.

    .venv/bin/python benchmarks/bench_precheck.py [CORPUS_FOLDER] [--files 20000] [--repeat 3]

Without CORPUS_FOLDER, ``--files`` small articles are made in a temporary folder (each a copy of
a paragraph of the seed with its number, so no two are alike). Prints both times, the ratio and
the time per file at half and at all of the files (linear: the per-file time stays flat).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textkit import runner  # noqa: E402

SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"


def make_corpus(folder: Path, count: int) -> Path:
    """Write ``count`` small .txt articles into ``folder`` (in 100 sub-folders)."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i in range(count):
        sub = folder / f"part{i % 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"article{i:06d}.txt").write_text(
            f"Article {i}.\n\n{paragraphs[i % len(paragraphs)]}\n", encoding="utf-8")
    return folder


def baseline(folder: Path) -> int:
    """Read and decode every .txt file below ``folder``: the floor of any check."""
    count = 0
    for path in sorted(folder.rglob("*.txt")):
        path.read_bytes().decode("utf-8")
        count += 1
    return count


def precheck(folder: Path, output: Path) -> int:
    """textkit's whole pre-run check (every notebook's parameters, corpus, run folder)."""
    plan = runner.plan(notebooks_dir=ROOT / "notebooks", corpus=str(folder), output=str(output))
    return len(plan.inputs)


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", help="a folder of .txt files (default: made here)")
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        folders = {}
        if args.corpus:
            folders["all"] = Path(args.corpus).resolve()
        else:
            folders["half"] = make_corpus(scratch / "half", args.files // 2)
            folders["all"] = make_corpus(scratch / "all", args.files)
        for label, folder in folders.items():
            ours, floor = [], []
            for _ in range(args.repeat):  # interleaved, so both see the same machine state
                floor.append(timed(baseline, folder))
                ours.append(timed(precheck, folder, scratch / "out" / label))
            files = baseline(folder)
            t, b = statistics.median(ours), statistics.median(floor)
            print(f"{label}: {files} files  pre-run check {t:.2f} s ({t / files * 1e6:.0f} µs/file)"
                  f"  read+decode {b:.2f} s  ratio {t / b:.1f}×")


if __name__ == "__main__":
    main()
