"""Run the notebooks with papermill into ``outputs/<run_name>/``, all or nothing.

What a run does, in order:

1. :func:`plan` (:mod:`textkit.planning`) finds the notebooks and checks every parameter, the
   inputs and the run folder before anything runs;
2. the corpus is read, cleaned and split into sentences and tokens once, on ``jobs`` local
   processes or a dask cluster, into a temporary cache every kernel reads
   (:mod:`textkit.textindex`);
3. executes the notebooks with papermill in a temporary build folder next to the run folder,
   ``jobs`` at a time (one thread each, driving its own kernel process), each kernel in this
   same Python environment with
   ``PYTHONHASHSEED=0``, one progress bar per notebook;
4. renders each executed notebook to HTML with nbconvert (in the main process, while the
   other notebooks still run);
5. writes ``manifest.json`` (parameters, SHA-256 of every input and output, versions, git state,
   status, durations) and, only if every notebook succeeded, swaps the build folder in place of
   the run folder. A failed run leaves the earlier results untouched and keeps the failed
   executed notebooks in ``<run_name>.failed/`` for inspection.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from pathlib import Path

from textkit import files, memory, provenance, runfolder, textindex
from textkit.errors import NotebookError
from textkit.planning import Plan, plan, run_name

__all__ = ["Plan", "plan", "run_name", "execute"]  # plan and run_name: from textkit.planning

_TIMING_KEYS = ("start_time", "end_time", "duration", "input_path", "output_path")

def execute(plan: Plan, *, jobs: int | None = None, progress: str = "bar",
            notebooks_dir: str | Path = "notebooks", argv: list[str] | None = None,
            record_as: str | Path | None = None, say=None, engine: str = "local",
            scheduler: str | None = None) -> Path:
    """Execute a checked plan; return the run folder.

    Parameters
    ----------
    plan : Plan
        From :func:`plan` (the run folder is already checked there).
    jobs : int or None, default None
        Notebooks run at once, each in its own kernel; ``None`` uses the number of cores.
    progress : {"bar", "lines", "none"}, default "bar"
        One progress bar per notebook (a terminal), one plain line per finished notebook (a
        log file), or nothing.
    notebooks_dir : str or Path, default "notebooks"
        The kernels' working directory.
    argv : list of str, optional
        The command line, recorded in the manifest.
    record_as : str or Path, optional
        The run folder the executed notebooks and the manifest name (``textkit verify`` runs
        into a temporary folder but records the original one); default: the run folder.
    say : callable, optional
        Where one-line notices go (default: standard error).
    engine, scheduler : str, optional
        Where the corpus is split into sentences and tokens before the notebooks start
        (:func:`textkit.textindex.prepare`): ``"local"`` processes (``jobs`` of them) or
        ``"dask"`` (the scheduler at ``scheduler``, or a LocalCluster of ``jobs`` workers).

    Returns
    -------
    pathlib.Path
        The run folder, now holding the new results.

    Raises
    ------
    NotebookError
        Naming the notebook, the cell and the error. The earlier results are left as they were
        and the failed run is kept in ``<run>.failed/``.
    KeyboardInterrupt
        After stopping every worker and kernel and removing the build folder.
    """
    say = say or (lambda message: print(message, file=sys.stderr))
    run_dir = Path(plan.run_dir)
    memory.give_back()  # what checking the corpus read, before the notebooks' long wait
    lock = runfolder.acquire(run_dir, say=say)
    build = cache = None
    try:
        runfolder.tidy(run_dir, say=say)
        build = runfolder.make_build(run_dir)
        started = time.time()
        workers = max(1, jobs or os.cpu_count() or 1)
        if engine != "local" or _input_bytes(plan) >= SHARE_FROM:
            cache = Path(tempfile.mkdtemp(prefix="textkit-cache-"))
            _share(plan, cache, notebooks_dir=notebooks_dir, say=say, jobs=workers,
                   engine=engine, scheduler=scheduler, bar=progress == "bar")
        jobs = min(workers, len(plan.notebooks))
        with _kernel_environment():
            outcomes = _execute_all(plan, build, Path(record_as or run_dir), jobs=jobs,
                                    progress=progress, notebooks_dir=notebooks_dir, say=say)
        manifest = _manifest(plan, outcomes, record_as=Path(record_as or run_dir), jobs=jobs,
                             started=started, argv=argv, notebooks_dir=Path(notebooks_dir))
        failures = [o for o in outcomes if o["status"] != "ok"]
        if not failures:
            from textkit import report

            report.write(build, manifest)
        manifest["outputs"] = _hashes(build)
        files.write_json(manifest, build / "manifest.json")
        with _uninterrupted():
            if failures:
                failed = runfolder.keep_failed(build, run_dir)
            else:
                runfolder.swap(build, run_dir)
            build = None
    finally:
        if build is not None:
            runfolder.discard(build)
        if cache is not None:
            _unshare(cache)
        lock.release()
    if failures:
        first = failures[0]
        earlier = (f"The earlier results in {run_dir} are unchanged." if run_dir.exists()
                   else f"Nothing was written to {run_dir}.")
        kept = failed / Path(first["notebook"]).name
        raise NotebookError(f"{first['error']}\nThe executed notebook is kept at {kept}. {earlier}")
    return run_dir


#: Environment of every kernel of a run (inherited from this process while the notebooks run):
#: a fixed hash seed, and no progress bars inside the notebooks, whose text (rates, times) would
#: make the executed notebooks differ from run to run; ``textkit run`` shows its own bars.
KERNEL_ENVIRONMENT = {"PYTHONHASHSEED": "0", textindex.PROGRESS_VARIABLE: "0"}


@contextlib.contextmanager
def _kernel_environment():
    """Set :data:`KERNEL_ENVIRONMENT` for the notebooks' kernels, then restore what was there."""
    before = {name: os.environ.get(name) for name in KERNEL_ENVIRONMENT}
    os.environ.update(KERNEL_ENVIRONMENT)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


#: Inputs (corpus, reference corpus, dictionary) of at least this many bytes are split into
#: sentences and tokens once, before the notebooks start. Below it, each kernel splits what it
#: needs itself: for a small corpus that is quicker than starting the workers (the seed run
#: would wait about two seconds for a split that takes the kernels a fraction of one).
SHARE_FROM = 2_000_000


def _input_bytes(plan: Plan) -> int:
    """The size of a run's inputs other than the notebooks, in bytes."""
    return sum(path.stat().st_size for path in plan.inputs
               if path.suffix != ".ipynb" and path.is_file())


def _share(plan: Plan, cache: Path, *, notebooks_dir, say, **options) -> None:
    """Split the corpus into sentences and tokens once, for every notebook of the run.

    The indexes go into ``cache``, a new temporary folder that the kernels find through
    ``TEXTKIT_CACHE`` (see :mod:`textkit.textindex`); :func:`_unshare` removes it.
    """

    params = {}
    for values in plan.effective.values():  # the corpus options, and notebook 04's reference
        params = {**values, **params}
    if "corpus" not in params:
        return
    os.environ[textindex.CACHE_VARIABLE] = str(cache)
    started = time.perf_counter()
    # In a process of its own, so the corpus it reads is not held by the runner for the run.
    # A fresh interpreter (spawn, not fork): a process that has run dask before (a notebook
    # server, a test session) holds event-loop threads that a forked copy would wait on forever.
    reader = ProcessPoolExecutor(max_workers=1, initializer=_ignore_interrupts,
                                 mp_context=multiprocessing.get_context("spawn"))
    try:
        count = reader.submit(textindex.prepare_corpus, params,
                              cwd=Path(notebooks_dir).resolve(), **options).result()
    except BaseException:  # Ctrl-C or an error: stop the reader and its workers now
        _stop_workers()
        reader.shutdown(wait=False, cancel_futures=True)
        raise
    reader.shutdown()
    took = time.perf_counter() - started
    if took >= 1:  # worth a line only where it takes a while
        say(f"textkit: split {count} text(s) into sentences and tokens in {took:.1f} s "
            f"(shared by the notebooks)")


def _unshare(cache: Path) -> None:
    """Remove the run's cache folder (made by :func:`_share`) and forget it."""

    os.environ.pop(textindex.CACHE_VARIABLE, None)
    shutil.rmtree(cache, ignore_errors=True)


def _execute_all(plan: Plan, build: Path, record_as: Path, *, jobs: int, progress: str,
                 notebooks_dir, say) -> list[dict]:
    """Execute every notebook, ``jobs`` at a time; render each to HTML as it finishes.

    Each notebook runs in its own kernel process; here, one thread per notebook only sends it
    the cells and collects the outputs (papermill's documented way to run notebooks in
    parallel, given that each kernel gets its working directory from
    :func:`_execute_one` rather than from a process-wide ``chdir``). Threads rather than worker
    processes: a forked worker per notebook would hold a copy of this process's pages for the
    whole run (0.14 GB each at 30 MB). On Ctrl-C (or any error) here, every kernel started for
    the run is stopped before the exception goes on.
    """
    from textkit import report

    tasks = [
        (str(nb.resolve()), str(build), {**plan.parameters[nb.name], "output_dir": str(build)},
         str(Path(notebooks_dir).resolve()), position, progress == "bar", str(record_as))
        for position, nb in enumerate(plan.notebooks)
    ]
    earlier = {child.pid for child in _children()}
    order = start_order([nb.name for nb in plan.notebooks], runfolder.durations(Path(plan.run_dir)))
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="textkit-notebook")
    started = {}
    try:
        for i in order:
            started[i] = pool.submit(_execute_one, *tasks[i])
        futures = [started[i] for i in range(len(tasks))]  # outcomes in the plan's order
        for future in as_completed(futures):
            outcome = future.result()
            if outcome.get("executed"):
                report.notebook_html(Path(outcome["executed"]))
                memory.give_back()  # the page's temporary strings, while the others still run
            if progress == "lines":
                say(f"textkit: {Path(outcome['notebook']).stem} {outcome['status']} "
                    f"({outcome['duration']:.1f} s)")
    except BaseException:
        for future in started.values():
            future.cancel()
        _stop([child for child in _children() if child.pid not in earlier])
        pool.shutdown(wait=True)  # each thread ends once its kernel is gone
        raise
    pool.shutdown()
    return [future.result() for future in futures]


def start_order(names: list[str], earlier: dict[str, float]) -> list[int]:
    """The order to start notebooks in: the longest first, by their earlier run's durations.

    With ``jobs`` kernels at a time, starting the longest notebook last leaves the other
    kernels idle while it finishes alone; longest-first (the classic LPT rule) shortens the
    run. Notebooks the earlier run did not time (a first run, a new notebook) start first, in
    the plan's order, as they may be the long ones. The order changes no result.

    Parameters
    ----------
    names : list of str
        The notebooks' file names, in the plan's order.
    earlier : dict
        ``{file name: seconds}`` from the earlier run (:func:`textkit.runfolder.durations`).

    Returns
    -------
    list of int
        Positions in ``names``.

    Examples
    --------
    >>> start_order(["01.ipynb", "02.ipynb", "03.ipynb"], {"01.ipynb": 6.0, "03.ipynb": 8.0})
    [1, 2, 0]
    """
    return sorted(range(len(names)), key=lambda i: (names[i] in earlier,
                                                    -earlier.get(names[i], 0.0), i))


def _children() -> list:
    """Every process this one started, and theirs (kernels, the split's reader), as psutil
    processes."""
    import psutil

    return psutil.Process().children(recursive=True)


def _ignore_interrupts() -> None:
    """Worker initialiser: Ctrl-C is handled by the main process, which stops the workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(timeout: float = 5.0) -> None:
    """Terminate every worker process (of the split's reader) and everything it started."""

    import psutil

    processes = []
    for child in multiprocessing.active_children():
        try:
            parent = psutil.Process(child.pid)
            processes += [*parent.children(recursive=True), parent]
        except psutil.NoSuchProcess:
            continue
    _stop(processes, timeout=timeout)


def _stop(processes: list, timeout: float = 5.0) -> None:
    """Terminate processes (psutil), wait up to ``timeout`` seconds, then kill what is left."""

    import psutil

    for process in processes:
        try:
            process.terminate()
        except psutil.NoSuchProcess:
            pass
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            pass


@contextlib.contextmanager
def _uninterrupted():
    """Hold Ctrl-C and SIGTERM back while folders are swapped, so a swap is never half done."""
    held = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, held)


def _manifest(plan: Plan, outcomes: list[dict], *, record_as: Path, jobs: int, started: float,
              argv, notebooks_dir: Path) -> dict:
    """Describe the run: parameters, inputs, versions, git state, outcomes (outputs come later)."""
    return {
        "tool": runfolder.TOOL,
        "status": "failed" if any(o["status"] != "ok" for o in outcomes) else "succeeded",
        "command": argv or sys.argv,
        "run_dir": str(record_as),
        "notebooks_dir": str(notebooks_dir.resolve()),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "duration_seconds": round(time.time() - started, 3),
        "jobs": jobs,
        "notebooks": {
            Path(o["notebook"]).name: {
                "status": o["status"],
                "duration_seconds": o["duration"],
                "given": plan.parameters[Path(o["notebook"]).name],
                "parameters": {**plan.effective[Path(o["notebook"]).name],
                               "output_dir": str(record_as)},
                **({"error": o["error"]} if o["status"] != "ok" else {}),
            }
            for o in outcomes
        },
        "inputs": {str(p): files.sha256(p) for p in plan.inputs},
        "corpus_notes": plan.corpus_notes,
        "notes": plan.notes,
        "python": provenance.python(),
        "packages": provenance.installed(),
        "textkit_source": provenance.source_digest(),
        "git": provenance.git_state(notebooks_dir),
        "environment": dict(KERNEL_ENVIRONMENT),
    }


def _execute_one(notebook: str, build: str, params: dict, cwd: str, position: int,
                 progress: bool, record_as: str) -> dict:
    """Execute one notebook with papermill and save it without timestamps (in a thread).

    The kernel starts in ``cwd``, given to nbclient as the notebook's path (``resources``), not
    through papermill's ``cwd``, which changes the working directory of the whole process for
    the run (papermill issue #473: not safe with threads).
    """
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
            notebook, str(target), parameters=params, kernel_name="python3",
            resources={"metadata": {"path": cwd}},  # the kernel's working directory
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
        _normalise(executed, build=build, record_as=record_as)
        nbformat.write(executed, target)
        outcome["executed"] = str(target)
    return outcome


def _normalise(notebook, *, build: str, record_as: str) -> None:
    """Remove timestamps, and name the run folder instead of the build folder.

    Executed notebooks then compare equal between runs and record the folder their results
    are in, not the hidden folder they were built in.
    """
    for cell in notebook.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill gives it a random id
            cell.source = cell.source.replace(json.dumps(build), json.dumps(record_as))
    given = notebook.metadata.get("papermill", {}).get("parameters", {})
    if given.get("output_dir") == build:
        given["output_dir"] = record_as
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


