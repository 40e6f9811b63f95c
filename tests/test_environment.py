"""pyproject.toml, requirements.lock and environment.yml must describe the same environment."""

import re
import tomllib

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def _pyproject() -> list[Requirement]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = meta["dependencies"] + [d for extra in meta["optional-dependencies"].values() for d in extra]
    return [Requirement(d) for d in deps]


def _conda() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            name, _, version = dep.partition("=")
            pins[canonicalize_name(name)] = version
    return pins


def test_lock_pins_every_package_exactly():
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[A-Za-z0-9_.+\-]+", line), line


def test_every_direct_dependency_is_locked_within_its_range():
    lock = _lock()
    for req in _pyproject():
        name = canonicalize_name(req.name)
        assert name in lock, f"{req.name} is in pyproject.toml but not in requirements.lock"
        assert req.specifier.contains(lock[name]), f"{req.name}: lock has {lock[name]}, pyproject wants {req.specifier}"


def test_conda_environment_uses_the_lock_versions():
    lock, conda = _lock(), _conda()
    direct = {canonicalize_name(r.name) for r in _pyproject()}
    assert conda.pop("python").startswith("3.11")
    conda.pop("pip")
    assert set(conda) == direct, "environment.yml must list exactly the direct dependencies"
    for name, version in conda.items():
        assert version == lock[name], f"{name}: environment.yml has {version}, lock has {lock[name]}"


def test_lock_matches_the_running_environment():
    """What `make` installed is what the lock says (catches a lock edited by hand)."""
    from importlib import metadata

    for name, version in _lock().items():
        assert metadata.version(name) == version, name
