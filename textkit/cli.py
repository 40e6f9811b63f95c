"""The ``textkit`` command line: ``textkit run`` executes the notebooks (what ``make run`` calls)."""

from __future__ import annotations

import argparse
import os
import signal
import sys

from textkit import __version__
from textkit.errors import NotebookError, ParameterError, TextkitError


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
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="where the corpus is split into sentences and tokens, once for every "
                          "notebook: local processes (default) or a dask cluster (--scheduler, "
                          "or a LocalCluster of --jobs workers); results are identical")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="the dask scheduler for --engine dask, e.g. tcp://10.0.0.5:8786 "
                          "(default: start a LocalCluster on this machine)")
    run.add_argument("--notebooks", default="notebooks", metavar="DIR",
                     help="the notebooks folder (default: %(default)s)")
    run.add_argument("--no-progress", action="store_true",
                     help="hide the progress display (bars on a terminal, plain lines in a log)")
    verify = commands.add_parser(
        "verify",
        help="re-execute a run from its manifest.json and compare every output by SHA-256",
        description=(
            "Re-execute the run in RUN_DIR from its manifest.json (same corpus, parameters and "
            "notebooks) in a temporary folder and compare every output file by SHA-256. Exit 0 "
            "only when every file is identical."
        ),
    )
    verify.add_argument("run_dir", metavar="RUN_DIR", help="a run folder holding manifest.json")
    verify.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                        help="notebooks to run at once (default: %(default)s)")
    verify.add_argument("--keep", metavar="DIR",
                        help="keep the re-executed run in DIR instead of a temporary folder")
    actors = commands.add_parser(
        "actors",
        help="actor dictionaries: 'textkit actors suggest' drafts one from a corpus",
        description="Work with actor dictionaries (the YAML files notebook 02 counts with).",
    )
    actor_commands = actors.add_subparsers(dest="action", required=True, metavar="ACTION")
    suggest = actor_commands.add_parser(
        "suggest",
        help="draft an actor dictionary from a corpus's capitalised names, for you to edit",
        description=(
            "Draft an actor dictionary (YAML) from the capitalised names of a corpus: each name "
            "with its variants as aliases (Ann Clarke / Ms Clarke / Clarke), a guessed type and "
            "its mentions as a comment. Edit it, then run with -p actors FILE. Prints the draft, "
            "or writes it to --output, never replacing a file unless --force."
        ),
    )
    suggest.add_argument("--corpus", required=True, metavar="PATH",
                         help="a .txt file, a folder of .txt files, a glob, or a CSV/TSV/JSONL table")
    suggest.add_argument("--output", metavar="FILE", help="write the draft to FILE (default: print it)")
    suggest.add_argument("--min-count", type=int, default=2, metavar="N",
                         help="leave out actors mentioned fewer than N times (default: %(default)s)")
    suggest.add_argument("--top", type=int, default=100, metavar="N",
                         help="keep the N most-mentioned actors, at most 1000 (default: %(default)s)")
    suggest.add_argument("--actors", metavar="YAML",
                         help="an existing dictionary: draft only the names it does not cover")
    suggest.add_argument("--text-column", default="text", metavar="NAME",
                         help="for tables: the column that holds the text (default: %(default)s)")
    suggest.add_argument("--encoding", metavar="CODEC",
                         help="one encoding for every file, e.g. cp1252 (default: each file's own, detected)")
    suggest.add_argument("--force", action="store_true", help="replace FILE if it exists")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``textkit`` command; return the exit status.

    0: done (``verify``: every file identical); 1: a notebook failed (its executed copy is kept
    in ``<run>.failed/``), or ``verify`` found files that differ; 2: bad input (nothing ran,
    nothing changed); 130: interrupted (Ctrl-C or SIGTERM; earlier results kept).
    """
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops a run like Ctrl-C
    try:
        return _COMMANDS[args.command](args, argv)
    except KeyboardInterrupt:
        print("textkit: interrupted; the notebooks were stopped and the earlier results, if "
              "any, are unchanged.", file=sys.stderr)
        return 130
    except NotebookError as err:
        print(f"textkit: {err}", file=sys.stderr)
        return 1
    except TextkitError as err:
        print(f"textkit: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a full disk, a folder that vanished: say which file, no traceback
        print(f"textkit: {err.strerror or err}: {err.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _run(args, argv) -> int:
    """``textkit run``: check everything, then execute the notebooks."""
    from textkit import runner

    if args.jobs < 1:
        raise ParameterError(f"--jobs must be at least 1, got {args.jobs}.")
    if args.scheduler and args.engine != "dask":
        raise ParameterError(f"--scheduler {args.scheduler} is for the dask engine: add "
                             "--engine dask, or leave --scheduler out.")
    values = _read_parameters_file(args.parameters_file) if args.parameters_file else {}
    values.update({name: value for name, value in args.parameter})
    plan = runner.plan(notebooks_dir=args.notebooks, corpus=args.corpus, output=args.output,
                       values=values, only=args.only)
    for message in plan.warnings:
        print(f"textkit: warning: {message}", file=sys.stderr)
    for message in plan.notes:
        print(f"textkit: note: {message}", file=sys.stderr)
    kinds = [note["kind"] for note in plan.corpus_notes]
    if kinds:
        print(f"textkit: reading the corpus: {kinds.count('encoding')} file(s) not UTF-8, "
              f"{kinds.count('skipped')} skipped as not articles, {kinds.count('empty')} table "
              "row(s) without text; listed in manifest.json (corpus_notes) and in each notebook",
              file=sys.stderr)
    progress = "none" if args.no_progress else ("bar" if sys.stderr.isatty() else "lines")
    print(f"textkit: running {len(plan.notebooks)} notebook(s) into {plan.run_dir}", file=sys.stderr)
    run_dir = runner.execute(plan, jobs=args.jobs, progress=progress,
                             notebooks_dir=args.notebooks, argv=["textkit", *argv],
                             engine=args.engine, scheduler=args.scheduler)
    print(f"textkit: done; open {run_dir / 'index.html'} (provenance in manifest.json)",
          file=sys.stderr)
    return 0


def _verify(args, argv) -> int:
    """``textkit verify``: re-execute a run from its manifest and compare every output."""
    from textkit import verify

    return verify.main(args)


def _actors(args, argv) -> int:
    """``textkit actors suggest``: draft a dictionary with the library, then print or write it."""
    from pathlib import Path

    from textkit import actors, clean, draft, files

    if args.output and Path(args.output).exists() and not args.force:
        raise ParameterError(f"--output {args.output}: the file exists, and textkit replaces a "
                             "file only with --force. Choose another name or add --force.")
    documents = clean.corpus(files.read_corpus(args.corpus, text_column=args.text_column,
                                               encoding=args.encoding))
    known = actors.load(args.actors) if args.actors else None
    text = draft.suggest(documents, corpus=draft.corpus_label(args.corpus), dictionary=known,
                         min_count=args.min_count, top_n=args.top)
    if not args.output:
        sys.stdout.write(text)
        return 0
    with open(args.output, "w" if args.force else "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"textkit: wrote a draft of {text.count(chr(10) + '  - name: ')} actors to "
          f"{args.output}; edit it, then run with -p actors {args.output}", file=sys.stderr)
    return 0


_COMMANDS = {"run": _run, "verify": _verify, "actors": _actors}


def _read_parameters_file(path: str) -> dict:
    """Read a YAML parameter file as text values (``no`` and ``007`` stay text).

    Anchors and aliases are refused (see :func:`textkit.files.read_yaml`), so a "billion
    laughs" file stops at its first line with one.
    """
    import yaml

    from textkit import files

    root = files.read_yaml(path, error=ParameterError)
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise ParameterError(f"{path}: expected NAME: VALUE pairs at the top level.")
    values = {}
    for key, node in root.value:
        if not isinstance(key, yaml.ScalarNode):
            raise ParameterError(f"{path}: line {key.start_mark.line + 1}: a name must be text.")
        if isinstance(node, yaml.ScalarNode):
            values[key.value] = node.value
        elif isinstance(node, yaml.SequenceNode) and all(
                isinstance(item, yaml.ScalarNode) for item in node.value):
            values[key.value] = [item.value for item in node.value]
        else:
            raise ParameterError(
                f"{path}: line {node.start_mark.line + 1}: {key.value} must be a value or a list "
                "of values."
            )
    return values


if __name__ == "__main__":
    sys.exit(main())
