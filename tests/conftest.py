"""Shared fixtures: paths to the project, the seed, and the tiny fixture corpus."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
TINY = ROOT / "tests" / "fixtures" / "tiny"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def tiny_path() -> Path:
    return TINY


@pytest.fixture
def project_root(monkeypatch) -> Path:
    """Run the test from the project root, as `make run` does."""
    monkeypatch.chdir(ROOT)
    return ROOT
