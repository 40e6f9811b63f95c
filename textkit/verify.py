"""Re-execute a run from its ``manifest.json`` and compare every output by SHA-256.

``textkit verify outputs/<run>`` reads the run's manifest, executes the same notebooks with the
same parameters as given (same corpus, same dictionary) into a temporary folder, recording the
original run folder (so executed notebooks and HTML name the same paths), and compares the
SHA-256 of every output file. ``manifest.json`` itself is not compared: it holds timings.

When a file differs, verify says why it can:

- an input changed or is gone (the manifest records the SHA-256 of the corpus files, the actor
  dictionary, the stopword list and the notebooks: a notebook's change is "notebook source
  changed");
- a package's version differs from the one recorded;
- for a table, the first cell that differs (row, column, both values) or the change of shape;
- for an executed notebook, the first cell that differs;
- the git state or the Python version differs; an output file in the run folder was edited or
  deleted after the run (its hash is no longer the manifest's).

The comparisons are pure functions of dictionaries and DataFrames (:func:`compare`,
:func:`textkit.compare.table_difference`, :func:`changed_packages`); :func:`main` does
the printing.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from textkit import files, provenance
from textkit.compare import compare, details, file_lines, outputs, reproduced, summary
from textkit.errors import NotebookError, ParameterError, TextkitError


class RerunError(TextkitError, RuntimeError):
    """The recorded run can no longer be planned (an input is gone, a parameter undeclared)."""


#: Manifest entries a run needs to be re-executed.
_REQUIRED = ("run_dir", "notebooks_dir", "notebooks", "outputs")


# --------------------------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------------------------


def main(args) -> int:
    """Run ``textkit verify``: re-execute the run, print one line per file and a summary.

    Parameters
    ----------
    args : argparse.Namespace
        ``run_dir`` (str), ``jobs`` (int) and ``keep`` (str or None: keep the re-executed run
        in that folder instead of a temporary one).

    Returns
    -------
    int
        0 when every output file is identical, 1 when a file differs, is missing or is extra,
        or the run could not be re-executed.

    Raises
    ------
    ParameterError
        The folder holds no textkit manifest, the manifest cannot be re-executed, ``--jobs``
        is below 1 or ``--keep`` names the run being verified.
    """
    run_dir = Path(args.run_dir)
    manifest = read_manifest(run_dir)
    given(manifest)  # an edited, inconsistent manifest stops here, before anything runs
    if args.jobs < 1:
        raise ParameterError(f"--jobs must be at least 1, got {args.jobs}.")
    keep = _keep_folder(args.keep, run_dir)
    temporary = None if keep else Path(tempfile.mkdtemp(prefix="textkit-verify-"))
    target = keep or temporary / (run_dir.resolve().name or "run")
    count = len(manifest["notebooks"])
    print(f"textkit verify: re-executing {args.run_dir} ({count} notebook"
          f"{'' if count == 1 else 's'}) in {target}", flush=True)
    try:
        try:
            new = reexecute(manifest, target, jobs=args.jobs)
        except (NotebookError, RerunError) as err:
            return _failed(manifest, _failure_text(err, kept=keep is not None))
        table = compare(outputs(manifest), outputs(new))
        table["detail"] = details(table, run_dir, target, manifest, new)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    edited = altered(run_dir, outputs(manifest))
    for line in [*file_lines(table), *edited, *reasons(manifest, table)]:
        print(line)
    print(summary(table))
    return 0 if reproduced(table) and not edited else 1


def _failed(manifest: dict, message: str) -> int:
    """Print why the re-execution failed, what changed since the run, and return 1."""
    print(f"failed     the re-execution: {message}")
    for line in explanations(manifest):
        print(line)
    print("Not reproduced: the run could not be re-executed.")
    return 1


def _failure_text(err: TextkitError, *, kept: bool) -> str:
    """The runner's message, without the path of a failed run that is about to be removed."""
    text = str(err)
    if kept or not isinstance(err, NotebookError):
        return text
    return (text.split("\nThe executed notebook is kept at")[0]
            + "\n(re-run with --keep DIR to inspect the executed notebook)")


def _keep_folder(keep: str | None, run_dir: Path) -> Path | None:
    """Check ``--keep``: any folder ``textkit run --output`` accepts, except the run itself."""
    if keep is None:
        return None
    folder, run = Path(keep).expanduser().resolve(), run_dir.resolve()
    if folder == run or run in folder.parents or folder in run.parents:
        raise ParameterError(
            f"--keep {keep}: refused, it would replace the run being verified ({run}). "
            "Pass --keep a new folder, e.g. --keep outputs/verified."
        )
    return folder


# --------------------------------------------------------------------------------------------
# Reading the manifest and re-executing
# --------------------------------------------------------------------------------------------


def read_manifest(run_dir: Path) -> dict:
    """Read a run folder's ``manifest.json`` and check it can be re-executed.

    Parameters
    ----------
    run_dir : Path
        A folder written by ``textkit run``.

    Returns
    -------
    dict
        The manifest.

    Raises
    ------
    ParameterError
        The folder or its manifest is missing, the manifest is not textkit's, or it lacks what
        a re-execution needs (manifests of older textkit versions).
    """
    run_dir = Path(run_dir)
    path = run_dir / "manifest.json"
    if not run_dir.is_dir():
        raise ParameterError(f"{run_dir}: no such folder. Pass a run folder, e.g. outputs/<run>.")
    if not path.is_file():
        raise ParameterError(
            f"{run_dir}: no manifest.json, so this is not a textkit run folder. Pass a folder "
            "written by textkit run (it holds manifest.json)."
        )
    data = files.read_json(path, error=ParameterError)
    if not isinstance(data, dict) or data.get("tool") != "textkit":
        raise ParameterError(f"{path}: not a textkit manifest (no \"tool\": \"textkit\" entry).")
    lacking = [key for key in _REQUIRED if not data.get(key)]
    lacking += [f"notebooks.{name}.given" for name, entry in data.get("notebooks", {}).items()
                if not isinstance(entry, dict) or not isinstance(entry.get("given"), dict)]
    if lacking:
        raise ParameterError(
            f"{path}: cannot be re-executed, it records no {', '.join(lacking)} (written by an "
            "older textkit?). Run the analysis again with textkit run, then verify that run."
        )
    return data


def given(manifest: dict) -> dict:
    """Return the parameters the run was given, as text, the way ``textkit run -p`` takes them.

    The runner passed each value to every notebook that declares the parameter, so a name
    must have the same value in every notebook.

    Parameters
    ----------
    manifest : dict
        A run's manifest (its ``notebooks`` entries hold the ``given`` values, typed).

    Returns
    -------
    dict
        ``{name: text or list of text}``; booleans as ``"true"``/``"false"``.

    Raises
    ------
    ParameterError
        A parameter was given different values in two notebooks.

    Examples
    --------
    >>> given({"notebooks": {"01.ipynb": {"given": {"top_n": 5, "lowercase": False}},
    ...                      "02.ipynb": {"given": {"top_n": 5, "extra_stopwords": ["said"]}}}})
    {'top_n': '5', 'lowercase': 'false', 'extra_stopwords': ['said']}
    """
    values, seen_in = {}, {}
    for notebook, entry in manifest["notebooks"].items():
        for name, value in entry["given"].items():
            if name == "output_dir":  # set by the runner
                continue
            if name in values and json.dumps(values[name]) != json.dumps(value):
                raise ParameterError(
                    f"manifest.json: parameter {name} was given as {values[name]!r} to "
                    f"{seen_in[name]} but as {value!r} to {notebook}; textkit run passes one "
                    "value to every notebook, so this manifest was edited and cannot be "
                    "re-executed."
                )
            values[name], seen_in[name] = value, notebook
    return {name: _as_text(value) for name, value in values.items()}


def _as_text(value):
    """Write a typed parameter value back as the text ``parameters.convert`` reads."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    return str(value)


def reexecute(manifest: dict, target: Path, *, jobs: int) -> dict:
    """Execute a recorded run again into ``target``; return the new run's manifest.

    Raises
    ------
    NotebookError
        A notebook failed; the message names it, the cell and the error.
    RerunError
        The run could no longer be planned (an input is gone, a parameter is no longer
        declared); the message says which.
    RunFolderError
        ``target`` cannot be used as a run folder.
    """
    from textkit import runner
    from textkit.runfolder import RunFolderError

    values = given(manifest)
    notebooks_dir = Path(manifest["notebooks_dir"])
    gone = [name for name in manifest["notebooks"] if not (notebooks_dir / name).is_file()]
    if gone:
        raise RerunError(f"notebook {', '.join(gone)} is no longer in {notebooks_dir}.")
    try:
        plan = runner.plan(notebooks_dir=notebooks_dir, output=str(target), values=values,
                           only=sorted(manifest["notebooks"]))
    except RunFolderError:
        raise
    except TextkitError as err:
        raise RerunError(f"the run can no longer be planned: {err}") from None
    run_dir = runner.execute(plan, jobs=jobs, progress="none", notebooks_dir=notebooks_dir,
                             argv=manifest.get("command"), record_as=manifest["run_dir"])
    return read_manifest(run_dir)


# --------------------------------------------------------------------------------------------
# Why: inputs and packages
# --------------------------------------------------------------------------------------------


def altered(run_dir: Path, recorded: dict) -> list[str]:
    """Lines naming output files of the run folder that no longer match their manifest hash.

    The comparison is with the hashes the manifest recorded; a file edited or deleted in the
    run folder since then would otherwise pass unnoticed.
    """
    lines = []
    for name, sha in sorted(recorded.items()):
        path = Path(run_dir) / name
        if not path.is_file():
            lines.append(f"run folder: {name} was deleted after the run")
        elif files.sha256(path) != sha:
            lines.append(f"run folder: {name} was changed after the run (its sha256 is not the "
                         "one in manifest.json)")
    return lines


def changed_inputs(manifest: dict) -> pd.DataFrame:
    """Compare the SHA-256 of every recorded input with the file as it is now.

    Returns
    -------
    pandas.DataFrame
        One row per input that changed or is gone, in the manifest's order, with columns

        - ``input`` (str): the path as recorded;
        - ``status`` (str): ``changed``, ``missing``, ``notebook source changed`` or
          ``notebook missing`` (a notebook of the run is one of its inputs);
        - ``recorded`` (str): the SHA-256 in the manifest;
        - ``current`` (str or None): the SHA-256 now, ``None`` when the file is gone.
    """
    notebooks = set(manifest.get("notebooks", {}))
    rows = []
    for path, recorded in (manifest.get("inputs") or {}).items():
        current = files.sha256(path) if Path(path).is_file() else None
        if current == recorded:
            continue
        kind = "notebook " if Path(path).name in notebooks and path.endswith(".ipynb") else ""
        status = f"{kind}{'source changed' if kind else 'changed'}" if current else f"{kind}missing"
        rows.append((path, status, recorded, current))
    return pd.DataFrame(rows, columns=["input", "status", "recorded", "current"], dtype=object)


def changed_packages(recorded: dict, current: dict) -> pd.DataFrame:
    """Compare package versions recorded in a run with those installed now.

    Parameters
    ----------
    recorded, current : dict
        ``{distribution name: version}`` (the manifest's ``packages``;
        :func:`textkit.provenance.installed`).

    Returns
    -------
    pandas.DataFrame
        One row per package whose version differs, sorted by name, with columns ``package``
        (str), ``recorded`` and ``current`` (str, or None when not installed).

    Examples
    --------
    >>> changed_packages({"pandas": "3.1.1", "nltk": "3.10", "gone": "1"},
    ...                  {"pandas": "3.1.2", "nltk": "3.10", "new": "2"})
      package recorded current
    0    gone        1    None
    1     new     None       2
    2  pandas    3.1.1   3.1.2
    """
    rows = [(name, recorded.get(name), current.get(name))
            for name in sorted(set(recorded) | set(current))
            if recorded.get(name) != current.get(name)]
    return pd.DataFrame(rows, columns=["package", "recorded", "current"], dtype=object)


def explanations(manifest: dict) -> list[str]:
    """Lines naming every input, package, git commit and Python version changed since the run."""
    lines = []
    for row in changed_inputs(manifest).itertuples(index=False):
        if row.current is None:
            lines.append(f"inputs: {row.input} {row.status.replace('notebook ', 'notebook is ')}"
                         " now")
        else:
            said = f": {row.status}" if row.status.startswith("notebook") else f" {row.status}"
            lines.append(f"inputs: {row.input}{said} (sha256 {row.recorded[:8]}… in the run, "
                         f"{row.current[:8]}… now)")
    packages = changed_packages(manifest.get("packages") or {}, provenance.installed())
    for row in packages.itertuples(index=False):
        before = f"{row.recorded} in the run" if row.recorded else "not in the run"
        after = f"{row.current} now" if row.current else "not installed now"
        lines.append(f"packages: {row.package} {before}, {after}")
    recorded_source = manifest.get("textkit_source")
    if recorded_source and recorded_source != provenance.source_digest():
        lines.append("textkit: its code (textkit/*.py, templates, bundled data) changed since "
                     "the run")
    git, python = manifest.get("git") or {}, (manifest.get("python") or {}).get("version")
    now = provenance.git_state(manifest["notebooks_dir"])
    if (git.get("commit"), git.get("dirty")) != (now["commit"], now["dirty"]):
        lines.append(f"git: {_checkout(git)} in the run, {_checkout(now)} now")
    if python and python != provenance.python()["version"]:
        lines.append(f"python: {python} in the run, {provenance.python()['version']} now")
    return lines


def reasons(manifest: dict, table: pd.DataFrame) -> list[str]:
    """Explain differences: what changed since the run, else point at the code or chance."""
    lines = explanations(manifest)
    if lines or reproduced(table):
        return lines
    if provenance.git_state(manifest["notebooks_dir"])["dirty"]:
        return ["why: no input, package, Python version or git state changed, but the checkout "
                "has uncommitted changes: the textkit code may differ from the run's, or an "
                "analysis is not deterministic."]
    return ["why: no input, package, Python version or git state changed: an analysis is not "
            "deterministic."]


def _checkout(state: dict) -> str:
    """Describe a git state: its commit, and whether tracked files had uncommitted changes."""
    if not state.get("commit"):
        return "no git checkout"
    return f"commit {state['commit'][:12]}" + (" with uncommitted changes" if state.get("dirty")
                                               else "")


