"""The ``textkit`` command line: ``textkit run`` executes the notebooks (what ``make run`` calls)."""

from __future__ import annotations

import argparse
import os
import sys

from textkit import __version__
from textkit.errors import TextkitError


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser for ``textkit``."""
    parser = argparse.ArgumentParser(
        prog="textkit",
        description="Reproducible, notebook-based analysis of news text.",
    )
    parser.add_argument("--version", action="version", version=f"textkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser(
        "run",
        help="execute the notebooks with papermill into outputs/<run_name>/",
        description=(
            "Execute every notebook in notebooks/ with papermill on a corpus, render each to HTML "
            "and write tables, figures and manifest.json into outputs/<run_name>/. Parameters are "
            "checked before anything runs; a failed run leaves earlier results untouched."
        ),
    )
    run.add_argument("--corpus", metavar="PATH",
                     help="a .txt file, a folder of .txt files, a glob, or a CSV/TSV/JSONL table "
                          "(default: the seed article)")
    run.add_argument("--output", metavar="DIR",
                     help="the run folder (default: outputs/<corpus name>)")
    run.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                     metavar=("NAME", "VALUE"),
                     help="set a notebook parameter; repeatable; lists are comma-separated")
    run.add_argument("-f", "--parameters-file", metavar="YAML",
                     help="a YAML file of NAME: VALUE pairs (values read as text, then converted "
                          "to each parameter's declared type); -p wins over it")
    run.add_argument("--only", action="append", metavar="NOTEBOOK",
                     help="run only this notebook (name, stem or number such as 01); repeatable")
    run.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                     help="notebooks to run at once, in separate processes (default: %(default)s, "
                          "the number of cores)")
    run.add_argument("--notebooks", default="notebooks", metavar="DIR",
                     help="the notebooks folder (default: %(default)s)")
    run.add_argument("--no-progress", action="store_true", help="hide the progress bars")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``textkit`` command; return the exit status (0 ok, 1 a notebook failed, 2 bad input)."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    from textkit import runner

    try:
        if args.jobs < 1:
            raise TextkitError(f"--jobs must be at least 1, got {args.jobs}.")
        values = _read_parameters_file(args.parameters_file) if args.parameters_file else {}
        values.update({name: value for name, value in args.parameter})
        plan = runner.plan(notebooks_dir=args.notebooks, corpus=args.corpus, output=args.output,
                           values=values, only=args.only)
        print(f"textkit: running {len(plan.notebooks)} notebook(s) into {plan.run_dir}", file=sys.stderr)
        run_dir = runner.execute(plan, jobs=args.jobs, progress=not args.no_progress,
                                 notebooks_dir=args.notebooks, argv=["textkit", *argv])
    except runner.NotebookError as err:
        print(f"textkit: {err}", file=sys.stderr)
        return 1
    except TextkitError as err:
        print(f"textkit: {err}", file=sys.stderr)
        return 2
    print(f"textkit: done; results in {run_dir} (see manifest.json)", file=sys.stderr)
    return 0


def _read_parameters_file(path: str) -> dict:
    """Read a YAML parameter file without YAML's type guessing (``no`` and ``007`` stay text)."""
    import yaml

    from textkit import files
    from textkit.errors import ParameterError

    text = files.read_text(path)
    try:
        data = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise ParameterError(f"{path}{where}: not valid YAML ({getattr(err, 'problem', err)}).") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ParameterError(f"{path}: expected NAME: VALUE pairs at the top level, got a {type(data).__name__}.")
    return data


if __name__ == "__main__":
    sys.exit(main())
