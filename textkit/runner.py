"""Run the notebooks with papermill into ``outputs/<run_name>/``, all or nothing.

What a run does, in order:

1. finds the notebooks (``notebooks/*.ipynb``, or those named with ``only``) and reads their
   declared parameters with :func:`papermill.inspect_notebook`;
2. checks every parameter given before anything runs: a name no selected notebook declares, a
   value that is not of the declared type, or a value that breaks its rule in
   :data:`textkit.parameters.RULES` is an error (papermill itself only warns); the corpus is read
   once to check it;
3. executes the notebooks with papermill in a temporary build folder next to the run folder,
   in parallel processes (``jobs``), each kernel in this same Python environment with
   ``PYTHONHASHSEED=0``, one progress bar per notebook;
4. renders each executed notebook to HTML with nbconvert (in the main process, while the
   other notebooks still run);
5. writes ``manifest.json`` (parameters, SHA-256 of every input and output, versions, git state,
   status, durations) and, only if every notebook succeeded, swaps the build folder in place of
   the run folder. A failed run leaves the earlier results untouched and keeps the failed
   executed notebooks in ``<run_name>.failed/`` for inspection.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from textkit import actors, clean, files, parameters, provenance, stopwords
from textkit.errors import NotebookError, ParameterError

#: Parameters that hold paths. Values given on the command line or in a parameter file are
#: relative to the caller's working directory; the runner makes them absolute, because the
#: kernels run in the notebooks folder. Keywords such as ``stopwords="default"`` are left alone.
PATH_PARAMETERS = ("corpus", "actors", "stopwords")

#: Values of path parameters that are keywords, not paths.
_KEYWORDS = {"stopwords": ("default", "none", "nltk")}

#: Parameters the runner sets itself.
RUNNER_PARAMETERS = ("output_dir",)

_TIMING_KEYS = ("start_time", "end_time", "duration", "input_path", "output_path")


@dataclass
class Plan:
    """Everything a run needs, checked before any notebook starts."""

    notebooks: list[Path]
    parameters: dict[str, dict] = field(default_factory=dict)  # notebook name -> parameters
    effective: dict[str, dict] = field(default_factory=dict)  # notebook name -> all values
    inputs: list[Path] = field(default_factory=list)
    run_dir: Path = Path("outputs")


def plan(
    *,
    notebooks_dir: str | Path = "notebooks",
    corpus: str | None = None,
    output: str | None = None,
    outputs_dir: str | Path = "outputs",
    values: dict | None = None,
    only: list[str] | None = None,
) -> Plan:
    """Check a run's notebooks and parameters without executing anything.

    Parameters
    ----------
    notebooks_dir : str or Path, default "notebooks"
        The folder of numbered notebooks.
    corpus : str or None, default None
        The corpus path (relative to the working directory); ``None`` keeps the notebooks'
        default (the seed).
    output : str or None, default None
        The run folder; ``None`` gives ``outputs/<corpus name>``.
    outputs_dir : str or Path, default "outputs"
        Where default run folders go.
    values : dict, default None
        Parameter values by name, as text (or lists of text) from ``-p`` and ``-f``.
    only : list of str, default None
        Run only these notebooks (file name, stem, or number prefix such as ``"01"``).

    Returns
    -------
    Plan

    Raises
    ------
    ParameterError, CorpusError
        With a message that names the parameter, notebook or file.
    """
    import papermill

    notebooks_dir = Path(notebooks_dir)
    available = sorted(notebooks_dir.glob("*.ipynb"))
    if not available:
        raise ParameterError(
            f"no notebooks in {notebooks_dir.resolve()}; run textkit from the project root "
            "(the folder with notebooks/) or pass --notebooks."
        )
    selected = _select(available, only)
    declared = {nb.name: papermill.inspect_notebook(str(nb)) for nb in selected}

    values = dict(values or {})
    if corpus is not None:
        values["corpus"] = corpus
    for name in RUNNER_PARAMETERS:
        if name in values:
            raise ParameterError(f"parameter {name} is set by the runner; use --output instead.")
    known = sorted({name for params in declared.values() for name in params})
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ParameterError(
            f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: no selected "
            f"notebook declares {'them' if len(unknown) > 1 else 'it'}. The parameters are: "
            f"{', '.join(n for n in known if n not in RUNNER_PARAMETERS)}."
        )

    result = Plan(notebooks=selected)
    for nb in selected:
        given, effective = {}, {}
        for name, spec in declared[nb.name].items():
            if name in values:
                value = parameters.convert(name, values[name], spec["inferred_type_name"])
                if name in PATH_PARAMETERS and value not in _KEYWORDS.get(name, ()):
                    value = str(Path(value).resolve())  # given relative to the caller
                given[name] = value
                effective[name] = value
            else:
                effective[name] = _default(spec["default"])
        _check_in(notebooks_dir, effective)
        result.parameters[nb.name] = given
        result.effective[nb.name] = effective

    corpus_value = next((p["corpus"] for p in result.effective.values() if "corpus" in p), None)
    checked = set()
    for params in result.effective.values():
        corpus_key = (params.get("corpus"), params.get("text_column", "text"), params.get("encoding"))
        if "corpus" in params and corpus_key not in checked:  # read and check every file once
            checked.add(corpus_key)
            documents = files.read_corpus(
                _from_notebooks(notebooks_dir, params["corpus"]),
                text_column=params.get("text_column", "text"),
                encoding=params.get("encoding") or None,
            )
            result.inputs.extend(
                p for p in sorted({Path(p) for p in documents["path"]}) if p not in result.inputs
            )
        if "skip_cleaning" in params:
            clean.steps(skip=params["skip_cleaning"])
        if "actors" in params:  # a malformed dictionary fails here, naming file and line
            dictionary = actors.load(_from_notebooks(notebooks_dir, params["actors"]))
            if "kwic_actor" in params:
                actors.require(dictionary, params["kwic_actor"])
        if params.get("stopwords") in stopwords.LISTS:
            stopwords.load(params["stopwords"])  # "nltk" without its data fails here, not mid-run
    for params in result.effective.values():
        for name in PATH_PARAMETERS[1:]:
            if isinstance(params.get(name), str):
                path = _from_notebooks(notebooks_dir, params[name])
                if path.is_file() and path not in result.inputs:
                    result.inputs.append(path)
    result.inputs.extend(selected)

    if output:
        result.run_dir = Path(output)
    else:
        result.run_dir = Path(outputs_dir) / run_name(corpus_value or "run")
    return result


def run_name(corpus: str) -> str:
    """Name a run after its corpus: the file or folder name without extension.

    Examples
    --------
    >>> run_name("../seeds/ap_2022-01-27_russia_ukraine.txt")
    'ap_2022-01-27_russia_ukraine'
    >>> run_name("news/2022-*.txt")
    'news_2022-_.txt'
    >>> run_name("my corpus/")
    'my_corpus'
    """
    path = Path(corpus.rstrip("/\\"))
    name = path.stem if path.suffix and not any(c in corpus for c in "*?[") else path.name
    if any(c in corpus for c in "*?["):
        name = corpus.strip("./")
    return re.sub(r"[^\w.\-]+", "_", name).strip("_") or "run"


def execute(plan: Plan, *, jobs: int | None = None, progress: bool = True,
            notebooks_dir: str | Path = "notebooks", argv: list[str] | None = None) -> Path:
    """Execute a checked plan; return the run folder.

    Parameters
    ----------
    plan : Plan
        From :func:`plan`.
    jobs : int or None, default None
        Notebooks run at once, in separate processes; ``None`` uses the number of cores.
    progress : bool, default True
        Show one progress bar per notebook.
    notebooks_dir : str or Path, default "notebooks"
        The kernels' working directory.
    argv : list of str, optional
        The command line, recorded in the manifest.

    Returns
    -------
    pathlib.Path
        The run folder, now holding the new results.

    Raises
    ------
    NotebookError
        Naming the notebook, the cell and the error. The earlier results are left as they were.
    """
    run_dir = plan.run_dir.resolve()
    run_dir.parent.mkdir(parents=True, exist_ok=True)
    build = _claim_build_folder(run_dir)
    os.environ["PYTHONHASHSEED"] = "0"  # inherited by every kernel
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(plan.notebooks)))
    started = time.time()
    tasks = [
        (str(nb.resolve()), str(build), {**plan.parameters[nb.name], "output_dir": str(build)},
         str(Path(notebooks_dir).resolve()), position, progress)
        for position, nb in enumerate(plan.notebooks)
    ]
    if jobs == 1:
        outcomes = [_render_html(_execute_one(*task)) for task in tasks]
    else:
        # Workers execute; this process renders each finished notebook to HTML while the
        # others still run.
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_execute_one, *task) for task in tasks]
            for future in as_completed(futures):
                _render_html(future.result())
        outcomes = [future.result() for future in futures]
    failures = [o for o in outcomes if o["status"] != "ok"]

    manifest = {
        "status": "failed" if failures else "succeeded",
        "command": argv or sys.argv,
        "run_dir": str(run_dir),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "duration_seconds": round(time.time() - started, 3),
        "jobs": jobs,
        "notebooks": {
            Path(o["notebook"]).name: {
                "status": o["status"],
                "duration_seconds": o["duration"],
                "parameters": {**plan.effective[Path(o["notebook"]).name],
                               "output_dir": str(run_dir)},
                **({"error": o["error"]} if o["status"] != "ok" else {}),
            }
            for o in outcomes
        },
        "inputs": {str(p): files.sha256(p) for p in plan.inputs},
        "outputs": _hashes(build),
        "python": provenance.python(),
        "packages": dict(provenance.versions().itertuples(index=False)),
        "git": provenance.git_state(Path(notebooks_dir)),
        "environment": {"PYTHONHASHSEED": "0"},
    }
    files.write_json(manifest, build / "manifest.json")

    if failures:
        (build / ".pid").unlink()
        failed_dir = run_dir.parent / f"{run_dir.name}.failed"
        shutil.rmtree(failed_dir, ignore_errors=True)
        build.rename(failed_dir)
        first = failures[0]
        kept = failed_dir / Path(first["notebook"]).name
        earlier = (
            f"The earlier results in {run_dir} are unchanged."
            if run_dir.exists() else f"Nothing was written to {run_dir}."
        )
        raise NotebookError(f"{first['error']}\nThe executed notebook is kept at {kept}. {earlier}")

    (build / ".pid").unlink()
    previous = run_dir.parent / f".{run_dir.name}.previous-{os.getpid()}"
    if run_dir.exists():
        run_dir.rename(previous)
    build.rename(run_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return run_dir


def _claim_build_folder(run_dir: Path) -> Path:
    """Create the build folder ``.<run_name>.building`` next to the run folder.

    Its name does not change from run to run, so the executed notebooks (which show their
    ``output_dir``) are byte-identical between runs. A ``.pid`` file inside it marks a run in
    progress: a second run into the same folder is refused while the first is alive, and a
    folder left by a run that died is cleared.
    """
    build = run_dir.parent / f".{run_dir.name}.building"
    marker = build / ".pid"
    if marker.exists():
        try:
            os.kill(int(marker.read_text()), 0)
        except (ValueError, ProcessLookupError, PermissionError):
            pass  # the run that made it is gone
        else:
            raise NotebookError(
                f"another textkit run is writing to {run_dir} (process {marker.read_text()}); "
                "wait for it to finish or choose another --output."
            )
    shutil.rmtree(build, ignore_errors=True)
    build.mkdir()
    marker.write_text(str(os.getpid()))
    return build


def _execute_one(notebook: str, build: str, params: dict, cwd: str, position: int,
                 progress: bool) -> dict:
    """Execute one notebook with papermill and save it without timestamps (in a worker process)."""
    import nbformat
    import papermill

    name = Path(notebook).name
    target = Path(build) / name
    started = time.perf_counter()
    bar = {"desc": Path(notebook).stem, "position": position, "leave": True} if progress else False
    outcome = {"notebook": notebook, "status": "ok", "error": None}
    executed = None
    try:
        executed = papermill.execute_notebook(
            notebook, str(target), parameters=params, cwd=cwd, kernel_name="python3",
            progress_bar=bar, log_output=False,
            request_save_on_cell_execute=False,  # save once at the end, not after every cell
            # The kernel's own log only has noise here: a warning on every start that local TCP
            # is unencrypted, and "KeyboardInterrupt caught in kernel" because jupyter_client
            # sends SIGINT before every shutdown. Cell errors and dead kernels still reach us as
            # exceptions from papermill.
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except papermill.PapermillExecutionError as err:
        outcome["status"] = "failed"
        outcome["error"] = (
            f"notebook {name} failed in cell {err.cell_index} (execution count {err.exec_count}): "
            f"{err.ename}: {err.evalue}"
        )
    except Exception as err:  # the kernel died, a timeout, a malformed notebook: report, don't hide
        outcome["status"] = "failed"
        outcome["error"] = f"notebook {name} could not be executed: {type(err).__name__}: {err}"
    outcome["duration"] = round(time.perf_counter() - started, 3)
    if executed is None and target.exists():  # a failed run: read what papermill saved
        executed = nbformat.read(target, as_version=4)
    if executed is not None:
        _drop_timings(executed)
        nbformat.write(executed, target)
        outcome["executed"] = str(target)
    return outcome


def _render_html(outcome: dict) -> dict:
    """Render an executed notebook to HTML next to it with nbconvert; return the outcome."""
    import nbformat
    from nbconvert import HTMLExporter

    if outcome.get("executed"):
        target = Path(outcome["executed"])
        body, _ = HTMLExporter().from_notebook_node(nbformat.read(target, as_version=4))
        target.with_suffix(".html").write_text(body, encoding="utf-8")
    return outcome


def _drop_timings(notebook) -> None:
    """Remove timestamps and build paths, so executed notebooks compare equal between runs."""
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
    meta = notebook.metadata.get("papermill", {})
    for key in _TIMING_KEYS:
        meta.pop(key, None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for key in _TIMING_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)


def _hashes(folder: Path) -> dict:
    """Hash every file in a folder, grouped by kind."""
    groups = {"tables": (".csv",), "figures": (".png", ".svg", ".pdf"),
              "notebooks": (".ipynb", ".html")}
    result = {group: {} for group in groups}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "manifest.json" and not path.name.startswith("."):
            group = next((g for g, ends in groups.items() if path.suffix in ends), "other")
            result.setdefault(group, {})[path.relative_to(folder).as_posix()] = files.sha256(path)
    return result


def _select(available: list[Path], only: list[str] | None) -> list[Path]:
    """Pick the notebooks named in ``only`` (by file name, stem or number prefix)."""
    if not only:
        return available
    chosen = []
    for wanted in only:
        stem = Path(wanted).name.removesuffix(".ipynb")
        matches = [nb for nb in available if nb.stem == stem or nb.stem.split("_")[0] == stem]
        if not matches:
            raise ParameterError(
                f"--only {wanted}: no such notebook. The notebooks are: "
                f"{', '.join(nb.name for nb in available)}."
            )
        chosen.extend(m for m in matches if m not in chosen)
    return sorted(chosen)


def _default(source: str):
    """Turn a declared default (source text from papermill) into a value when it is a literal."""
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return source


def _from_notebooks(notebooks_dir: Path, value: str) -> Path:
    """Resolve a path parameter the way the kernel will see it (relative to the notebooks)."""
    path = Path(value)
    return path if path.is_absolute() else Path(os.path.normpath(notebooks_dir / path))


def _check_in(notebooks_dir: Path, values: dict) -> None:
    """Apply the value rules, reading relative paths as the kernel will (from the notebooks)."""
    here = Path.cwd()
    try:
        os.chdir(notebooks_dir)
        parameters.check(**values)
    finally:
        os.chdir(here)
