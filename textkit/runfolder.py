"""Run folders: which folder a run may replace, the run lock, the build folder and the swap.

A run never destroys what it did not make. The rules, in the order :func:`check` applies them:

1. the run folder may not be (or contain) anything the run reads or the project is made of:
   the file-system root, the home folder, the project root, the notebooks folder or a parent of
   it, the working directory, and any corpus, dictionary or stopword file or a folder holding
   one; nor may it lie inside a corpus folder (the next run would read the results);
2. an existing path is replaced only when it is an empty folder or an earlier textkit run — a
   folder holding textkit's ``manifest.json`` (see :func:`is_run`). A file, or a folder with
   anything else in it, is refused;
3. its parent must be a folder the user can write to.

While a run works, it holds an OS lock (``fcntl.flock``) on ``.<run>.lock`` next to the run
folder: two runs started at the same instant into one folder cannot both hold it, and a run
killed with SIGKILL releases it with its process. The lock file records the process id, host
and start time, so a later run can say whose lock it took over. Results are built in
``.<run>.building`` and swapped in only when every notebook succeeded: the earlier results are
renamed to ``.<run>.previous``, the new ones moved in, then the earlier ones removed. A run
that was killed half-way is tidied by the next one (:func:`tidy`): a leftover build folder is
removed and earlier results left in ``.previous`` are put back.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from textkit.errors import ParameterError, TextkitError

#: The manifest's ``tool`` entry that marks a folder as a textkit run.
TOOL = "textkit"

#: A file in every build folder, so :func:`tidy` removes only folders textkit made.
BUILD_MARKER = ".textkit-build"

#: Keys every textkit manifest has had, also before the ``tool`` entry existed.
_LEGACY_KEYS = {"status", "notebooks", "inputs", "outputs", "packages"}


class RunFolderError(ParameterError):
    """The run folder given cannot be used; nothing was touched."""


def is_run(folder: Path) -> bool:
    """Tell whether ``folder`` holds an earlier textkit run (its ``manifest.json``)."""
    manifest = folder / "manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and (data.get("tool") == TOOL or _LEGACY_KEYS <= set(data))


def durations(folder: Path) -> dict[str, float]:
    """How long each notebook took in the earlier run in ``folder``: ``{file name: seconds}``.

    Read from the run's ``manifest.json`` (``notebooks`` → ``duration_seconds``); empty when
    there is no earlier run or its manifest does not say. Only used to choose which notebooks
    start first, never for results.
    """
    try:
        notebooks = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["notebooks"]
        return {str(name): float(entry["duration_seconds"]) for name, entry in notebooks.items()
                if isinstance(entry, dict) and entry.get("duration_seconds") is not None}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _within(path: Path, folder: Path) -> bool:
    """Tell whether ``path`` is ``folder`` or lies inside it (both resolved)."""
    return path == folder or folder in path.parents


def check(run_dir: Path, *, project: Path, notebooks: Path, inputs: list[Path],
          corpus_folders: list[Path]) -> Path:
    """Refuse a run folder the run could damage; return it resolved.

    Parameters
    ----------
    run_dir : Path
        The folder the results go to (``--output``).
    project : Path
        The project root (the folder holding ``notebooks/``).
    notebooks : Path
        The notebooks folder.
    inputs : list of Path
        Every file the run reads (corpus files, dictionary, stopword list, notebooks).
    corpus_folders : list of Path
        Corpus folders (and glob bases) the run reads.

    Returns
    -------
    pathlib.Path
        ``run_dir`` resolved.

    Raises
    ------
    RunFolderError
        Saying why the folder cannot be used and what to pass instead.
    """
    run_dir = Path(run_dir).expanduser().resolve()
    hint = "Pass --output a new folder, e.g. --output outputs/my_run."
    protected = [
        (Path(run_dir.anchor), "the root of the file system"),
        (Path.home().resolve(), "your home folder"),
        (project.resolve(), "the project folder"),
        (notebooks.resolve(), "the notebooks folder"),
        (Path.cwd().resolve(), "the working directory"),
    ]
    for folder, what in protected:
        if _within(folder, run_dir):
            name = "is" if folder == run_dir else "contains"
            raise RunFolderError(f"--output {run_dir}: refused, it {name} {what}. {hint}")
    # An input is inside the run folder when its folder is: resolve each folder once (a corpus
    # of 20,000 files lives in a few folders), not every file.
    holders = {path.parent: path for path in inputs}
    holders.update({folder: folder for folder in corpus_folders})
    for folder, path in holders.items():
        if _within(folder.resolve(), run_dir):
            raise RunFolderError(
                f"--output {run_dir}: refused, it holds an input of this run ({path}); replacing "
                f"it would delete that input. {hint}"
            )
    for folder in corpus_folders:
        if _within(run_dir, folder.resolve()):
            raise RunFolderError(
                f"--output {run_dir}: refused, it is inside the corpus folder {folder}; the next "
                f"run would read the results as documents. {hint}"
            )
    _check_existing(run_dir, hint)
    _check_parent(run_dir)
    return run_dir


def _check_existing(run_dir: Path, hint: str) -> None:
    """Refuse an existing path that is neither an empty folder nor an earlier run."""
    if run_dir.is_symlink() or (run_dir.exists() and not run_dir.is_dir()):
        raise RunFolderError(
            f"--output {run_dir}: refused, it is a file (or a link), not a run folder. {hint}"
        )
    if run_dir.is_dir() and any(run_dir.iterdir()) and not is_run(run_dir):
        raise RunFolderError(
            f"--output {run_dir}: refused, the folder holds files that are not a textkit run "
            f"(no textkit manifest.json). textkit only replaces its own earlier runs. {hint}"
        )


def _check_parent(run_dir: Path) -> None:
    """Make sure the run folder's parent is, or can become, a folder we can write to."""
    parent = run_dir.parent
    existing = next(p for p in [parent, *parent.parents] if p.exists())
    if not existing.is_dir():
        raise RunFolderError(
            f"--output {run_dir}: {existing} is a file, so no folder can be made inside it. "
            "Choose an --output whose parent is a folder."
        )
    try:  # really try: permission bits do not stop root, a read-only file system does
        os.rmdir(tempfile.mkdtemp(prefix=".textkit-check-", dir=existing))
    except OSError as err:
        raise RunFolderError(
            f"--output {run_dir}: cannot make a folder in {existing} ({err.strerror}). Choose "
            "an --output in a folder you can write to."
        ) from None


# --------------------------------------------------------------------------------------------
# The lock
# --------------------------------------------------------------------------------------------


@dataclass
class Lock:
    """A held run lock: the open file (its ``flock`` is the lock) and its path."""

    path: Path
    handle: object

    def release(self) -> None:
        """Remove the lock file, then let the lock go."""
        import fcntl

        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def _process_start(pid: int) -> str:
    """Return a process's start time (from ``/proc``), or "" where that is not available."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def acquire(run_dir: Path, *, say=print) -> Lock:
    """Take the run lock for ``run_dir``, or raise if another live run holds it.

    The lock file is created if missing and locked with ``fcntl.flock``; a lock file left by a
    killed run is not locked by anyone, so it is taken over (``say`` reports whose it was).

    Raises
    ------
    TextkitError
        Another run holds the lock; the message names its process, host and start time.
    """
    import fcntl

    path = run_dir.parent / f".{run_dir.name}.lock"
    run_dir.parent.mkdir(parents=True, exist_ok=True)
    while True:
        handle = open(path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise TextkitError(
                f"another textkit run is writing to {run_dir} ({holder}); wait for it to finish "
                "or choose another --output."
            ) from None
        try:  # the holder before us may have removed the file after we opened it: retry
            if os.fstat(handle.fileno()).st_ino == path.stat().st_ino:
                break
        except FileNotFoundError:
            pass
        handle.close()
    handle.seek(0)
    earlier = handle.read().strip()
    if earlier:
        say(f"textkit: taking over the lock left by a run that is no longer running ({earlier}).")
    handle.seek(0)
    handle.truncate()
    pid = os.getpid()
    handle.write(f"process {pid} on {socket.gethostname()}, started "
                 f"{time.strftime('%Y-%m-%d %H:%M:%S')} (boot tick {_process_start(pid)})\n")
    handle.flush()
    return Lock(path, handle)


# --------------------------------------------------------------------------------------------
# Build folder and swap
# --------------------------------------------------------------------------------------------


def _ours(folder: Path) -> bool:
    return (folder / BUILD_MARKER).exists() or is_run(folder) or not any(folder.iterdir())


def tidy(run_dir: Path, *, say=print) -> None:
    """Clear what a killed run left next to ``run_dir`` (call with the lock held).

    A leftover build folder is removed; earlier results left in ``.<run>.previous`` by a run
    killed during the swap are put back when the run folder is missing, else removed. Folders
    of those names that textkit did not make are left alone.
    """
    build = run_dir.parent / f".{run_dir.name}.building"
    if build.is_dir() and _ours(build):
        shutil.rmtree(build)
    for previous in sorted(run_dir.parent.glob(f".{run_dir.name}.previous*")):
        if not previous.is_dir() or not _ours(previous):
            continue
        if not run_dir.exists() and is_run(previous):
            previous.rename(run_dir)
            say(f"textkit: restored the earlier results of {run_dir}, left aside by a run that "
                "was stopped while swapping folders.")
        else:
            shutil.rmtree(previous)


def make_build(run_dir: Path) -> Path:
    """Create the empty build folder ``.<run>.building`` (with its marker) and return it."""
    build = run_dir.parent / f".{run_dir.name}.building"
    run_dir.parent.mkdir(parents=True, exist_ok=True)
    build.mkdir()
    (build / BUILD_MARKER).touch()
    return build


def discard(build: Path) -> None:
    """Remove a build folder textkit made."""
    if build.is_dir() and (build / BUILD_MARKER).exists():
        shutil.rmtree(build)


def swap(build: Path, run_dir: Path) -> None:
    """Put the finished build folder in place of the run folder; remove the earlier results."""
    (build / BUILD_MARKER).unlink()
    previous = run_dir.parent / f".{run_dir.name}.previous"
    if run_dir.exists():
        run_dir.rename(previous)
    build.rename(run_dir)
    if previous.exists():
        shutil.rmtree(previous)


def keep_failed(build: Path, run_dir: Path) -> Path:
    """Move a failed build to ``<run>.failed/`` (replacing an earlier failed run) and return it."""
    failed = run_dir.parent / f"{run_dir.name}.failed"
    if failed.exists():
        if not (failed.is_dir() and _ours(failed)):
            raise RunFolderError(
                f"{failed} exists and is not a textkit run; the failed notebooks stay in {build}."
            )
        shutil.rmtree(failed)
    (build / BUILD_MARKER).unlink()
    build.rename(failed)
    return failed
