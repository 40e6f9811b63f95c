"""Benchmark: the whole ``textkit run`` against the hand-written script, on the same corpus (issue 10).

What is compared, on the same folder of ``.txt`` files:

- **textkit**: ``.venv/bin/textkit run --corpus SUBSET --output FRESH --no-progress [--jobs N]``,
  run from the project root: every notebook executed by papermill (each in its own kernel),
  rendered to HTML, with every table, figure and ``manifest.json``. Each run writes into a new
  output folder that does not exist yet.
- **script**: ``benchmarks/handwritten.py SUBSET seeds/actors.yml FRESH``, the script a
  competent user would write for the core of the job (word counts, bigram collocations by
  log-likelihood, actor mentions, three CSV files).

Each run is a fresh process; the contenders take turns (textkit, script, textkit, script, …) so
that machine load moves both alike, and the median of ``--repeat`` runs is reported. Measured:

- **wall time** of the whole command, from start to exit;
- **peak RSS of the process tree**: every ~50 ms the resident set sizes of the process and all
  its descendants (``psutil.Process.children(recursive=True)``: the split's workers and the
  Jupyter kernels) are summed; the largest sum is the peak. Pages shared between processes are
  counted once per process, and a spike shorter than the polling interval can be missed.
- **CPU time** (user + system) of the process and the descendants it waited for, from
  ``os.wait4``: shown for information, steadier than wall time when the machine is busy.

Corpora: for each size of ``--sizes`` (MB = 1,000,000 bytes), a subset of the corpus folder made
by copying whole ``.txt`` files in sorted name order until the size is reached (so a subset is
slightly larger than its nominal size; when the corpus is smaller, all of it is used and a
warning printed). With ``--repeated-10``, also the "same 10 MB repeated" corpora: the files of
the 10 MB subset copied under new names, whole copies, as many times as brings them to each
larger size of ``--sizes``. Their vocabulary is that of 10 MB, so they show whether memory stays
flat when the vocabulary is fixed. Every subset and run folder lives in one temporary
directory, deleted at the end.

Targets (issue 10), judged on the medians at each size: the whole run within 2x the script's
wall time, and within 1.5x its peak memory (process tree).

Usage::

    .venv/bin/python benchmarks/bench_pipeline.py CORPUS_FOLDER [--sizes 10,30,100] [--repeat 3]
        [--jobs N] [--repeated-10] [--repeated-base MB] [--json FILE]

For example, a quick check (one run each on a 1 MB subset)::

    .venv/bin/python benchmarks/bench_pipeline.py path/to/corpus/ --sizes 1 --repeat 1
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "handwritten.py"
ACTORS = ROOT / "seeds" / "actors.yml"
MB = 1_000_000
POLL = 0.05  # seconds between two samples of the process tree's RSS
TARGET_WALL = 2.0  # textkit wall time / script wall time, at most
TARGET_RSS = 1.5  # textkit peak tree RSS / script peak tree RSS, at most
SCRIPT_OUTPUTS = ("word_frequencies.csv", "collocations.csv", "actor_counts.csv")
RUN_NUMBERS = itertools.count()  # each run writes into a new folder, never used before


# ---------------------------------------------------------------------------------------------
# Corpora
# ---------------------------------------------------------------------------------------------

def build_subset(corpus: Path, folder: Path, mb: float) -> dict:
    """Copy whole ``.txt`` files of ``corpus``, in sorted name order, until ``mb`` MB are reached.

    Parameters
    ----------
    corpus : pathlib.Path
        A folder of ``.txt`` files.
    folder : pathlib.Path
        Where to copy them; created, must not exist.
    mb : float
        The size to reach, in MB (1,000,000 bytes). The last file copied may overshoot it.

    Returns
    -------
    dict
        ``{"label", "kind": "subset", "folder", "files", "bytes", "mb"}``.
    """
    folder.mkdir(parents=True)
    size = count = 0
    for path in sorted(corpus.glob("*.txt")):
        if size >= mb * MB:
            break
        shutil.copyfile(path, folder / path.name)
        size += path.stat().st_size
        count += 1
    if size < mb * MB:
        print(f"warning: the corpus holds only {size / MB:.2f} MB of .txt files; "
              f"the {mb:g} MB subset is all of it", file=sys.stderr)
    return {"label": f"{mb:g} MB", "kind": "subset", "folder": str(folder),
            "files": count, "bytes": size, "mb": size / MB}


def build_repeated(base: dict, folder: Path, mb: float) -> dict:
    """Copy the files of ``base`` under new names, whole copies, until ``mb`` MB are reached.

    Parameters
    ----------
    base : dict
        A corpus made by :func:`build_subset` (its ``folder`` and ``bytes`` are used).
    folder : pathlib.Path
        Where to copy the files; created, must not exist. Copy ``k`` of ``name.txt`` is
        ``rKK_name.txt``, so files keep their order within each copy.
    mb : float
        The size to reach, in MB: ``ceil(mb / base size)`` copies are made (at least one).

    Returns
    -------
    dict
        ``{"label", "kind": "repeated", "folder", "files", "bytes", "mb", "copies"}``.
    """
    folder.mkdir(parents=True)
    copies = max(1, math.ceil(mb * MB / base["bytes"]))
    sources = sorted(Path(base["folder"]).glob("*.txt"))
    for k in range(copies):
        for path in sources:
            shutil.copyfile(path, folder / f"r{k:02d}_{path.name}")
    size = copies * base["bytes"]
    return {"label": f"{base['label']} x{copies}", "kind": "repeated", "folder": str(folder),
            "files": copies * len(sources), "bytes": size, "mb": size / MB, "copies": copies}


# ---------------------------------------------------------------------------------------------
# Measuring one run
# ---------------------------------------------------------------------------------------------

def tree_rss(process: psutil.Process) -> int:
    """Return the summed RSS, in bytes, of ``process`` and all its descendants (0 once it is gone).

    Parameters
    ----------
    process : psutil.Process
        The root of the tree.

    Returns
    -------
    int
        The sum; processes that exit while being read are skipped.
    """
    try:
        tree = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for member in tree:
        try:
            total += member.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def measure(command: list[str], log: Path) -> tuple[float, int, float]:
    """Run ``command`` from the project root; return its wall time, peak tree RSS and CPU time.

    Parameters
    ----------
    command : list of str
        The command, run in a fresh process with ``ROOT`` as working directory.
    log : pathlib.Path
        A file for its standard output and error (read back when it fails).

    Returns
    -------
    tuple of (float, int, float)
        Wall time in seconds; the largest :func:`tree_rss` sample in bytes, sampled every
        :data:`POLL` seconds by a thread while the main thread waits for the process; and the
        CPU time (user + system) of the process and every descendant it waited for, in seconds
        (from ``os.wait4``), steadier than wall time on a busy machine.

    Raises
    ------
    SystemExit
        When the command exits with a non-zero status (the end of its log is printed).
    """
    peak = [0]
    done = threading.Event()
    with open(log, "wb") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        process = psutil.Process(child.pid)

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], tree_rss(process))
                done.wait(POLL)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = code = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"failed (exit {code}): {' '.join(command)}\n{tail}")
    return wall, peak[0], usage.ru_utime + usage.ru_stime


def commands(corpus: str, output: Path, jobs: int | None) -> dict[str, list[str]]:
    """Return the two contenders' commands for one corpus, writing into ``output``/<name>.

    Parameters
    ----------
    corpus : str
        The corpus folder.
    output : pathlib.Path
        A folder that does not exist yet; each contender writes into its own sub-folder.
    jobs : int or None
        ``--jobs`` for ``textkit run`` (None: textkit's default).

    Returns
    -------
    dict
        ``{"textkit": [...], "script": [...]}``.
    """
    textkit = Path(sys.executable).with_name("textkit")
    if not textkit.exists():
        raise SystemExit(f"no textkit command next to {sys.executable}; run with .venv/bin/python")
    run = [str(textkit), "run", "--corpus", corpus, "--output", str(output / "textkit"),
           "--no-progress"]
    if jobs is not None:
        run += ["--jobs", str(jobs)]
    script = [sys.executable, str(SCRIPT), corpus, str(ACTORS), str(output / "script")]
    return {"textkit": run, "script": script}


def check_outputs(name: str, folder: Path) -> None:
    """Refuse a run that exited 0 but did not write its outputs.

    Parameters
    ----------
    name : str
        ``"textkit"`` (needs ``manifest.json``) or ``"script"`` (needs its three CSV files).
    folder : pathlib.Path
        The run's output folder.
    """
    wanted = ["manifest.json"] if name == "textkit" else list(SCRIPT_OUTPUTS)
    missing = [w for w in wanted if not (folder / w).is_file()]
    if missing:
        raise SystemExit(f"{name} exited 0 but wrote no {', '.join(missing)} in {folder}")


def bench(corpus: dict, scratch: Path, repeat: int, jobs: int | None) -> dict:
    """Run textkit and the script ``repeat`` times each, in turns, on one corpus.

    Parameters
    ----------
    corpus : dict
        A corpus made by :func:`build_subset` or :func:`build_repeated`.
    scratch : pathlib.Path
        A folder for run outputs and logs; each run's output is deleted once measured.
    repeat : int
        Runs of each contender.
    jobs : int or None
        ``--jobs`` for ``textkit run``.

    Returns
    -------
    dict
        ``corpus`` plus ``textkit`` and ``script`` (each ``{"walls", "peaks", "cpus", "wall",
        "peak", "cpu"}``: every run, then medians in seconds and bytes), ``wall_ratio``,
        ``rss_ratio`` and ``cpu_ratio`` (textkit / script).
    """
    result = dict(corpus, **{name: {"walls": [], "peaks": [], "cpus": []}
                             for name in ("textkit", "script")})
    for i in range(repeat):
        for name in ("textkit", "script"):
            output = scratch / f"run_{next(RUN_NUMBERS):04d}"
            command = commands(corpus["folder"], output, jobs)[name]
            print(f"  {corpus['label']}: {name} run {i + 1}/{repeat} ...", end="", flush=True)
            output.mkdir()
            wall, peak, cpu = measure(command, output / "log.txt")
            check_outputs(name, output / name)
            shutil.rmtree(output)
            print(f" {wall:.1f} s, {peak / MB:.0f} MB, CPU {cpu:.1f} s", flush=True)
            for what, value in (("wall", wall), ("peak", peak), ("cpu", cpu)):
                result[name][what + "s"].append(value)
    for name in ("textkit", "script"):
        for what in ("wall", "peak", "cpu"):
            result[name][what] = statistics.median(result[name][what + "s"])
    for what, key in (("wall", "wall_ratio"), ("peak", "rss_ratio"), ("cpu", "cpu_ratio")):
        result[key] = result["textkit"][what] / result["script"][what]
    return result


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------

def verdict(ratio: float, target: float) -> str:
    """Return ``"PASS"`` when ``ratio`` is at most ``target``, else ``"MISS"``."""
    return "PASS" if ratio <= target else "MISS"


def print_size(result: dict) -> None:
    """Print one corpus's table: medians, ratios, per-MB figures and the targets.

    Parameters
    ----------
    result : dict
        As returned by :func:`bench`.
    """
    tk, sc, mb = result["textkit"], result["script"], result["mb"]
    print(f"\n{result['label']} ({result['kind']}: {result['files']} files, {mb:.2f} MB), "
          f"median of {len(tk['walls'])}")
    print(f"  {'':24}{'textkit':>10}{'script':>10}{'ratio':>8}   target")
    print(f"  {'wall (s)':24}{tk['wall']:10.2f}{sc['wall']:10.2f}{result['wall_ratio']:8.2f}"
          f"   <= {TARGET_WALL:g}  {verdict(result['wall_ratio'], TARGET_WALL)}")
    print(f"  {'peak tree RSS (MB)':24}{tk['peak'] / MB:10.0f}{sc['peak'] / MB:10.0f}"
          f"{result['rss_ratio']:8.2f}   <= {TARGET_RSS:g}  {verdict(result['rss_ratio'], TARGET_RSS)}")
    print(f"  {'CPU time (s)':24}{tk['cpu']:10.2f}{sc['cpu']:10.2f}{result['cpu_ratio']:8.2f}"
          "   (no target)")
    print(f"  {'wall per corpus MB (s)':24}{tk['wall'] / mb:10.2f}{sc['wall'] / mb:10.2f}")
    print(f"  {'RSS MB per corpus MB':24}{tk['peak'] / MB / mb:10.1f}{sc['peak'] / MB / mb:10.1f}")
    if len(tk["walls"]) > 1:
        for name in ("textkit", "script"):
            runs = ", ".join(f"{w:.1f} s/{p / MB:.0f} MB"
                             for w, p in zip(result[name]["walls"], result[name]["peaks"]))
            print(f"  all {name} runs: {runs}")


def growth(results: list[dict]) -> list[dict]:
    """Compare each corpus with the previous one of the list: marginal cost and scaling exponent.

    Parameters
    ----------
    results : list of dict
        As returned by :func:`bench`, smallest corpus first.

    Returns
    -------
    list of dict
        One row per consecutive pair: ``from``, ``to`` (labels) and, for each contender and for
        ``wall`` (seconds per extra MB) and ``peak`` (RSS MB per extra corpus MB), the marginal
        cost ``<name>_<what>_per_mb`` and the exponent ``<name>_<what>_exponent``
        (log of the cost ratio over log of the size ratio: 1 is linear, 0 flat).
    """
    rows = []
    for a, b in zip(results, results[1:]):
        if b["mb"] <= a["mb"]:
            continue
        row = {"from": a["label"], "to": b["label"]}
        for name in ("textkit", "script"):
            for what, scale in (("wall", 1), ("peak", MB)):
                x, y = a[name][what] / scale, b[name][what] / scale
                row[f"{name}_{what}_per_mb"] = (y - x) / (b["mb"] - a["mb"])
                row[f"{name}_{what}_exponent"] = math.log(y / x) / math.log(b["mb"] / a["mb"])
        rows.append(row)
    return rows


def print_growth(title: str, rows: list[dict]) -> None:
    """Print the rows of :func:`growth` under ``title`` (nothing when there are none)."""
    if not rows:
        return
    print(f"\n{title}: marginal cost per extra corpus MB (exponent: 1 linear, 0 flat)")
    print(f"  {'':24}{'wall, s per MB':>30}{'peak RSS, MB per MB':>30}")
    print(f"  {'':24}{'textkit':>15}{'script':>15}{'textkit':>15}{'script':>15}")
    for r in rows:
        cells = [f"{r[f'{n}_{w}_per_mb']:.2f} ({r[f'{n}_{w}_exponent']:.2f})".rjust(15)
                 for w in ("wall", "peak") for n in ("textkit", "script")]
        print(f"  {r['from'] + ' -> ' + r['to']:24}{''.join(cells)}")


def print_flatness(base: dict, repeated: list[dict]) -> None:
    """Print each repeated corpus's peak RSS as a multiple of the base corpus's, per contender.

    Parameters
    ----------
    base : dict
        The result of :func:`bench` on the base (distinct) corpus.
    repeated : list of dict
        Results on the copies of that corpus.
    """
    print(f"\nfixed vocabulary: peak tree RSS relative to {base['label']} (1.00 = flat)")
    for r in repeated:
        print(f"  {r['label']:14} ({r['mb']:6.1f} MB)   "
              f"textkit {r['textkit']['peak'] / base['textkit']['peak']:.2f}   "
              f"script {r['script']['peak'] / base['script']['peak']:.2f}")


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Read the command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder of .txt files")
    parser.add_argument("--sizes", default="10,30,100",
                        help="comma-separated subset sizes in MB (default: 10,30,100)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each contender (median)")
    parser.add_argument("--jobs", type=int, help="--jobs for textkit run (default: textkit's)")
    parser.add_argument("--repeated-10", dest="repeated", action="store_true",
                        help="also run copies of the 10 MB subset grown to each larger size")
    parser.add_argument("--repeated-base", type=float, default=10.0, metavar="MB",
                        help="the base subset that --repeated-10 copies (default: 10)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the numbers here")
    args = parser.parse_args(argv)
    args.sizes = sorted({float(s) for s in args.sizes.split(",") if s.strip()})
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        parser.error(f"{args.corpus} is not a folder of .txt files")
    if args.repeat < 1 or not args.sizes or min(args.sizes) <= 0:
        parser.error("--repeat and every size must be positive")
    return args


def run_all(args: argparse.Namespace, tmp: Path) -> tuple[list[dict], list[dict], dict | None]:
    """Build every corpus in ``tmp`` and benchmark it.

    Parameters
    ----------
    args : argparse.Namespace
        From :func:`parse_args`.
    tmp : pathlib.Path
        The temporary directory.

    Returns
    -------
    tuple
        Results on the subsets, on the repeated corpora, and on the repeated corpora's base
        (None without ``--repeated-10``).
    """
    scratch = tmp / "runs"
    scratch.mkdir()
    subsets = [bench(build_subset(args.corpus, tmp / f"subset_{mb:g}MB", mb), scratch,
                     args.repeat, args.jobs) for mb in args.sizes]
    if not args.repeated:
        return subsets, [], None
    base = next((r for r in subsets if r["label"] == f"{args.repeated_base:g} MB"), None)
    if base is None:
        base = bench(build_subset(args.corpus, tmp / "base", args.repeated_base), scratch,
                     args.repeat, args.jobs)
    larger = [mb for mb in args.sizes if mb > base["mb"]]
    if not larger:
        print(f"warning: no size above {base['mb']:.2f} MB to repeat the base to", file=sys.stderr)
    repeated = [bench(build_repeated(base, tmp / f"repeated_{mb:g}MB", mb), scratch,
                      args.repeat, args.jobs) for mb in larger]
    return subsets, repeated, base


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the tables and, with ``--json``, write the numbers.

    Returns
    -------
    int
        0 when every target is met at every size, 1 otherwise.
    """
    args = parse_args(argv)
    print(f"corpus: {args.corpus}, sizes: {', '.join(f'{s:g}' for s in args.sizes)} MB, "
          f"repeat: {args.repeat}, jobs: {args.jobs or 'textkit default'}, "
          f"cores: {os.cpu_count()}, memory: {psutil.virtual_memory().total / 2**30:.0f} GiB")
    with tempfile.TemporaryDirectory(prefix="bench_pipeline_") as tmp:
        subsets, repeated, base = run_all(args, Path(tmp))
    for result in subsets + repeated:
        print_size(result)
    print_growth("growth with size", growth(subsets))
    if base is not None and repeated:
        print_growth("growth with the same text repeated", growth([base, *repeated]))
        print_flatness(base, repeated)
    results = subsets + repeated
    ok = all(r["wall_ratio"] <= TARGET_WALL and r["rss_ratio"] <= TARGET_RSS for r in results)
    print(f"\ntargets (textkit wall <= {TARGET_WALL:g}x script, peak RSS <= {TARGET_RSS:g}x script): "
          f"{'all met' if ok else 'MISSED'}")
    if args.json:
        write_json(args, subsets, repeated, base)
    return 0 if ok else 1


def write_json(args: argparse.Namespace, subsets: list[dict], repeated: list[dict],
               base: dict | None) -> None:
    """Write the parameters, the machine, every run and the growth rows to ``args.json``.

    Parameters
    ----------
    args : argparse.Namespace
        From :func:`parse_args`; ``args.json`` is the file written.
    subsets, repeated : list of dict
        Results of :func:`bench` on the subsets and on the repeated corpora.
    base : dict or None
        The repeated corpora's base.
    """
    def strip(result: dict) -> dict:
        return {k: v for k, v in result.items() if k != "folder"}  # the folder is deleted

    data = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "corpus": str(args.corpus), "sizes_mb": args.sizes, "repeat": args.repeat,
        "jobs": args.jobs, "python": platform.python_version(), "cores": os.cpu_count(),
        "memory_bytes": psutil.virtual_memory().total, "poll_seconds": POLL,
        "targets": {"wall_ratio": TARGET_WALL, "rss_ratio": TARGET_RSS},
        "subsets": [strip(r) for r in subsets], "growth": growth(subsets),
        "repeated": [strip(r) for r in repeated],
        "repeated_base": strip(base) if base else None,
        "repeated_growth": growth([base, *repeated]) if base and repeated else [],
    }
    args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"numbers written to {args.json}")


if __name__ == "__main__":
    sys.exit(main())
