"""Record what computed a result: package versions, Python, and the state of the git checkout."""

from __future__ import annotations

import platform
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pandas as pd

#: The packages whose versions every run records.
PACKAGES = (
    "textkit", "pandas", "numpy", "matplotlib", "nltk", "papermill", "nbclient", "nbconvert",
    "nbformat", "ipykernel", "jupyterlab", "pyyaml",
)


def versions() -> pd.DataFrame:
    """List Python's version and the installed version of each package in :data:`PACKAGES`.

    Returns
    -------
    pandas.DataFrame
        One row per component, Python first, then packages in :data:`PACKAGES` order, with columns

        - ``component`` (str): ``python`` or the package name;
        - ``version`` (str): the installed version, or ``"not installed"``.

    Examples
    --------
    >>> table = versions()
    >>> list(table.columns), table.loc[0, "component"]
    (['component', 'version'], 'python')
    """
    rows = [("python", platform.python_version())]
    for name in PACKAGES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    return pd.DataFrame(rows, columns=["component", "version"]).astype(object)


def installed() -> dict[str, str]:
    """Return every installed distribution's version, by normalised name, sorted.

    The manifest records all of them (not a hand-picked few), so ``textkit verify`` can name
    any package whose version differs between two runs.

    Examples
    --------
    >>> packages = installed()
    >>> packages["pandas"] == metadata.version("pandas"), list(packages) == sorted(packages)
    (True, True)
    """
    found = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            found[name.lower().replace("_", "-")] = dist.version
    return dict(sorted(found.items()))


def source_digest() -> str:
    """Return one SHA-256 over textkit's own source files (modules, templates, bundled data).

    An editable install keeps the same version number while its code changes; this digest
    changes with any edit, so ``textkit verify`` can say "textkit's code changed".
    """
    import hashlib

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def git_state(folder: str | Path = ".") -> dict:
    """Return the commit and dirty flag of the git checkout holding ``folder``.

    Returns
    -------
    dict
        ``{"commit": str or None, "dirty": bool or None}``; both ``None`` outside a checkout or
        without git.
    """
    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=folder, capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        commit = git("rev-parse", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}
    return {"commit": commit, "dirty": dirty}


def python() -> dict:
    """Return the interpreter's version, implementation and platform."""
    return {
        "version": platform.python_version(),
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "platform": platform.platform(),
    }
