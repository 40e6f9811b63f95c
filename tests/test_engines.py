"""textkit.engines: the local and dask engines give exactly the results of a plain loop."""

import sys

import numpy as np
import psutil
import pytest

from conftest import ROOT, SEED
from textkit import clean, engines, files, textindex
from textkit.errors import ParameterError


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The cleaned seed article, 30 cleaned Wikinews articles of all lengths, and an empty text."""
    seed = clean.corpus(files.read_corpus(SEED))["text"].tolist()
    wikinews = clean.corpus(files.read_corpus(ROOT / "seeds" / "wikinews" / "wikinews_2020.csv"))
    chosen = wikinews["text"].tolist()[::4][:30]
    assert len(seed) == 1 and len(chosen) == 30
    assert max(map(len, chosen)) > 20_000 and min(map(len, chosen)) < 1_000  # longest-first matters
    return seed + chosen + [""]


@pytest.fixture(scope="module")
def expected(texts) -> list[textindex.Index]:
    return [textindex.build(text) for text in texts]


def _in_input_order(pairs, count: int) -> list:
    """The results of (position, result) pairs by position; each position exactly once."""
    found = {}
    for position, result in pairs:
        assert position not in found, f"position {position} came twice"
        found[position] = result
    assert sorted(found) == list(range(count))
    return [found[position] for position in range(count)]


def _assert_identical(got: list, expected: list) -> None:
    assert len(got) == len(expected)
    for row, (one, other) in enumerate(zip(got, expected)):
        assert type(one) is textindex.Index, row
        for field in textindex.Index._fields:
            a, b = getattr(one, field), getattr(other, field)
            if isinstance(b, np.ndarray):
                assert a.dtype == b.dtype and np.array_equal(a, b), (row, field)
            else:
                assert a == b, (row, field)


def _workers_left() -> list[psutil.Process]:
    """Child processes of this test process, except multiprocessing's resource tracker (one
    helper process that an interpreter keeps for its lifetime once it has started processes)."""
    left = []
    for child in psutil.Process().children(recursive=True):
        try:
            if "multiprocessing.resource_tracker" not in " ".join(child.cmdline()):
                left.append(child)
        except psutil.NoSuchProcess:
            pass
    return left


@pytest.mark.parametrize("jobs", [1, 2])
def test_local_engine_gives_the_plain_loop_results(texts, expected, jobs):
    pairs = engines.map_texts(textindex.build, texts, engine="local", jobs=jobs)
    _assert_identical(_in_input_order(pairs, len(texts)), expected)
    assert _workers_left() == []


def test_a_streamed_map_starts_its_workers_first_and_takes_the_texts_as_they_come(texts,
                                                                                  expected):
    """With ``stream`` the texts come from a generator (a corpus still being read and cleaned):
    the workers have started before the first text is asked for, every text is sent in the
    order given, and the results are those of the plain loop."""
    import multiprocessing

    asked = []

    def coming():
        for position, text in enumerate(texts):
            asked.append((position, len(multiprocessing.active_children())))
            yield text

    pairs = engines.map_texts(textindex.build, coming(), jobs=2, stream=True)
    _assert_identical(_in_input_order(pairs, len(texts)), expected)
    assert asked[0] == (0, 2)  # both workers were running before the first text was read
    assert [position for position, _ in asked] == list(range(len(texts)))
    assert _workers_left() == []


def test_local_engine_with_one_job_runs_in_order_in_this_process(texts):
    assert [p for p, _ in engines.map_texts(len, texts)] == list(range(len(texts)))


def test_dask_engine_on_a_local_cluster_gives_the_plain_loop_results(texts, expected):
    before = {child.pid for child in _workers_left()}
    pairs = engines.map_texts(textindex.build, texts, engine="dask", jobs=2)
    _assert_identical(_in_input_order(pairs, len(texts)), expected)
    assert [p.cmdline() for p in _workers_left() if p.pid not in before] == []


@pytest.mark.parametrize("engine", engines.ENGINES)
def test_an_error_in_the_function_reaches_the_caller_and_leaves_no_worker(engine):
    with pytest.raises(ValueError, match="invalid literal"):
        list(engines.map_texts(int, ["1", "2", "not a number", "4"], engine=engine, jobs=2))
    assert [p.cmdline() for p in _workers_left()] == []


def test_unknown_engine_is_refused_at_the_call():
    with pytest.raises(ParameterError, match=r"^parameter engine: unknown engine 'spark'") as err:
        engines.map_texts(len, ["a"], engine="spark")
    assert "local, dask" in str(err.value)


def test_unreachable_scheduler_names_the_parameter_and_what_to_do(monkeypatch):
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", 2)
    pairs = engines.map_texts(len, ["a"], engine="dask", scheduler="tcp://127.0.0.1:1")
    with pytest.raises(ParameterError) as err:
        next(pairs)
    message = str(err.value)
    assert message.startswith("parameter scheduler: engine 'dask' cannot reach the dask "
                              "scheduler at tcp://127.0.0.1:1 (")
    assert "`dask scheduler`" in message and "LocalCluster" in message
    assert [p.cmdline() for p in _workers_left()] == []


def test_a_scheduler_without_the_dask_engine_is_refused():
    with pytest.raises(ParameterError, match=r"^parameter scheduler: .* only used with the dask"):
        engines.map_texts(len, ["a"], scheduler="tcp://127.0.0.1:8786")


def test_jobs_must_be_a_whole_number():
    with pytest.raises(ParameterError, match=r"^parameter jobs: .* got '2'"):
        engines.map_texts(len, ["a"], jobs="2")


def test_dask_engine_without_dask_distributed_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if it were not installed
    with pytest.raises(ParameterError, match=r"^parameter engine: engine 'dask' needs dask"):
        engines.map_texts(len, ["a"], engine="dask")


def test_a_run_on_the_dask_engine_writes_the_same_files_as_the_local_engine(tmp_path, project_root):
    """`textkit run --engine dask` (a 2-worker LocalCluster) against the local engine, file by file."""
    import hashlib

    from textkit import cli

    def digests(folder):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.iterdir()) if p.suffix in (".csv", ".svg", ".png")}

    common = ["run", "--no-progress", "--jobs", "2", "--only", "01", "--only", "03",
              "--corpus", "seeds/wikinews/wikinews_2019.csv"]
    assert cli.main([*common, "--output", str(tmp_path / "local")]) == 0
    assert cli.main([*common, "--engine", "dask", "--output", str(tmp_path / "dask")]) == 0
    local, dask = digests(tmp_path / "local"), digests(tmp_path / "dask")
    assert len(local) > 30 and local == dask


def test_a_scheduler_without_the_dask_engine_is_refused(tmp_path, project_root, capsys):
    from textkit import cli

    assert cli.main(["run", "--scheduler", "tcp://127.0.0.1:8786",
                     "--output", str(tmp_path / "run")]) == 2
    assert "--scheduler tcp://127.0.0.1:8786 is for the dask engine: add --engine dask" in (
        capsys.readouterr().err)
    assert not (tmp_path / "run").exists()
