"""The runner never destroys what it did not make: refused outputs, the lock, Ctrl-C, SIGKILL.

Refusals happen before any notebook starts, so those tests are quick; the interruption tests
start a real `textkit run` in its own process group and signal it.
"""

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from conftest import ROOT, SEED
from textkit import cli, runfolder
from textkit.errors import TextkitError


def _tree(folder: Path) -> dict:
    """Every file under ``folder`` (hidden ones and .git included) with its SHA-256."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file() and ".venv" not in p.parts
    }


def _refused(capsys, *args) -> str:
    assert cli.main(["run", "--no-progress", "--only", "01", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("textkit: ") and "Traceback" not in err and len(err.splitlines()) == 1
    return err


# --------------------------------------------------------------------------------------------
# Refusals: exit 2, every file in place
# --------------------------------------------------------------------------------------------


def test_project_root_is_refused(project_root, capsys):
    before = _tree(ROOT / "notebooks") | {"seeds/" + k: v for k, v in _tree(ROOT / "seeds").items()}
    err = _refused(capsys, "--output", ".")
    assert "refused, it is the project folder" in err and "--output outputs/my_run" in err
    after = _tree(ROOT / "notebooks") | {"seeds/" + k: v for k, v in _tree(ROOT / "seeds").items()}
    assert after == before and (ROOT / ".git").is_dir()


def test_parent_of_the_project_and_home_are_refused(project_root, capsys):
    assert "it contains the project folder" in _refused(capsys, "--output", "..")
    assert "refused" in _refused(capsys, "--output", str(Path.home()))
    assert "the root of the file system" in _refused(capsys, "--output", "/")


def test_corpus_folder_is_refused(tmp_path, project_root, capsys):
    corpus = tmp_path / "mytexts"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Kyiv said no. Moscow said yes.", encoding="utf-8")
    (corpus / "notes.md").write_text("my notes", encoding="utf-8")
    before = _tree(tmp_path)
    err = _refused(capsys, "--corpus", str(corpus), "--output", str(corpus))
    assert "it holds an input of this run" in err
    err = _refused(capsys, "--corpus", str(corpus), "--output", str(tmp_path))
    assert "it holds an input of this run" in err
    err = _refused(capsys, "--corpus", str(corpus), "--output", str(corpus / "results"))
    assert "inside the corpus folder" in err
    assert _tree(tmp_path) == before


def test_folder_that_is_not_a_run_is_refused(tmp_path, project_root, capsys):
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "chapter1.docx").write_bytes(b"precious")
    (mine / "manifest.json").write_text('{"name": "not textkit"}', encoding="utf-8")
    before = _tree(tmp_path)
    err = _refused(capsys, "--output", str(mine))
    assert "holds files that are not a textkit run" in err
    assert _tree(tmp_path) == before


def test_file_is_refused(tmp_path, project_root, capsys):
    target = tmp_path / "results.csv"
    target.write_text("a,b\n1,2\n", encoding="utf-8")
    before = _tree(tmp_path)
    assert "it is a file" in _refused(capsys, "--output", str(target))
    assert _tree(tmp_path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["results.csv"]


def test_parent_that_is_a_file_or_cannot_be_written_is_refused(tmp_path, project_root, capsys):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert "is a file, so no folder can be made inside it" in _refused(
        capsys, "--output", str(tmp_path / "file" / "run"))
    # /proc refuses new folders even to root (a permission bit would not stop root).
    err = _refused(capsys, "--output", "/proc/textkit-run/seed")
    assert "/proc" in err and "Choose an --output" in err


def test_undecodable_parameter_file_is_refused(tmp_path, project_root, capsys):
    params = tmp_path / "params.yaml"
    params.write_bytes("top_n: 5\nextra_stopwords: caf\xe9\n".encode("latin-1"))
    err = _refused(capsys, "-f", str(params), "--output", str(tmp_path / "run"))
    assert f"{params}: byte" in err and "save this one as UTF-8" in err


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(12)
)


def test_yaml_bomb_in_a_parameter_file_or_dictionary_is_refused_quickly(tmp_path, project_root, capsys):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BOMB, encoding="utf-8")
    rss = psutil.Process().memory_info().rss
    err = _refused(capsys, "-f", str(bomb), "--output", str(tmp_path / "run"))
    assert "line 1: YAML anchors and aliases" in err and "x, x" not in err and len(err) < 300
    assert cli.main(["run", "--no-progress", "--only", "02", "--output", str(tmp_path / "run"),
                     "-p", "actors", str(bomb)]) == 2
    err = capsys.readouterr().err
    assert "YAML anchors and aliases" in err and len(err) < 300
    assert psutil.Process().memory_info().rss - rss < 100 * 2**20


def test_stopword_file_that_is_not_text_is_refused(tmp_path, project_root, capsys):
    image = tmp_path / "stop.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    err = _refused(capsys, "-p", "stopwords", str(image), "--output", str(tmp_path / "run"))
    assert err.startswith(f"textkit: parameter stopwords: {image}: looks like a binary file")


def test_table_with_no_text_is_refused_and_keeps_earlier_results(tmp_path, project_root, capsys):
    table = tmp_path / "news.csv"
    table.write_text("doc_id,text,outlet\na,,AP\nb,  ,BBC\n", encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    (run / "manifest.json").write_text(json.dumps({"tool": "textkit"}), encoding="utf-8")
    (run / "word_frequencies.csv").write_text("term,count\nkyiv,4\n", encoding="utf-8")
    before = _tree(run)
    err = _refused(capsys, "--corpus", str(table), "--output", str(run))
    assert "no document has any text" in err and str(table) in err
    assert _tree(run) == before


# --------------------------------------------------------------------------------------------
# The lock and what killed runs leave
# --------------------------------------------------------------------------------------------


def test_lock_is_held_once(tmp_path):
    run = tmp_path / "run"
    first = runfolder.acquire(run, say=lambda m: None)
    with pytest.raises(TextkitError, match=r"another textkit run is writing to .*process \d+ on"):
        runfolder.acquire(run, say=lambda m: None)
    first.release()
    assert not (tmp_path / ".run.lock").exists()
    runfolder.acquire(run, say=lambda m: None).release()


def test_stale_lock_is_taken_over_with_a_message(tmp_path):
    run = tmp_path / "run"
    (tmp_path / ".run.lock").write_text("process 4242 on elsewhere, started 2026-01-01 00:00:00\n")
    said = []
    lock = runfolder.acquire(run, say=said.append)
    assert said == ["textkit: taking over the lock left by a run that is no longer running "
                    "(process 4242 on elsewhere, started 2026-01-01 00:00:00)."]
    assert f"process {os.getpid()} on" in (tmp_path / ".run.lock").read_text()
    lock.release()


def test_tidy_clears_a_killed_build_and_restores_results_left_aside(tmp_path):
    run = tmp_path / "run"
    build = runfolder.make_build(run)
    (build / "half.csv").write_text("x", encoding="utf-8")
    previous = tmp_path / ".run.previous"
    previous.mkdir()
    (previous / "manifest.json").write_text(json.dumps({"tool": "textkit"}), encoding="utf-8")
    foreign = tmp_path / ".run.previous-mine"  # not made by textkit: left alone
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    said = []
    runfolder.tidy(run, say=said.append)
    assert not build.exists() and (run / "manifest.json").exists() and not previous.exists()
    assert (foreign / "keep.txt").read_text() == "mine"
    assert said and "restored the earlier results" in said[0]


def _start_run(out: Path, *extra) -> subprocess.Popen:
    """Start `textkit run` in a process group of its own (as a terminal would).

    Ctrl-C is set back to its default in the child: a test session started in the background
    (``make test &``) ignores SIGINT, and a child would inherit that and never see Ctrl-C.
    """
    return subprocess.Popen(
        [sys.executable, "-m", "textkit.cli", "run", "--output", str(out), *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, preexec_fn=_default_ctrl_c,
    )


def _default_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for_kernels(process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait until the run has started at least one kernel (a grandchild process)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        children = psutil.Process(process.pid).children(recursive=True)
        if any("ipykernel" in " ".join(c.cmdline()) for c in children if c.is_running()):
            return
        time.sleep(0.2)
    raise AssertionError("no kernel started")


def _session_processes(sid: int) -> list:
    found = []
    for process in psutil.process_iter():
        try:
            if os.getsid(process.pid) == sid and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except (OSError, psutil.Error):
            continue
    return found


@pytest.fixture(scope="module")
def earlier_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("interrupt") / "seed"
    finished = subprocess.run(
        [sys.executable, "-m", "textkit.cli", "run", "--no-progress", "--only", "01",
         "--output", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    return out


def test_ctrl_c_stops_the_kernels_and_keeps_earlier_results(earlier_run):
    before = _tree(earlier_run)
    process = _start_run(earlier_run, "--only", "02", "--only", "03")
    _wait_for_kernels(process)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal sends
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = [line for line in err.splitlines() if line.startswith("textkit:")]
    assert lines[-1].startswith("textkit: interrupted;") and "Traceback" not in err
    time.sleep(1)
    assert _session_processes(process.pid) == []  # no kernel or worker survives
    assert _tree(earlier_run) == before
    assert sorted(p.name for p in earlier_run.parent.iterdir()) == ["seed"]


def test_sigkill_leaves_nothing_that_blocks_the_next_run(earlier_run):
    process = _start_run(earlier_run, "--no-progress", "--only", "01")
    _wait_for_kernels(process)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    time.sleep(2)  # kernels notice their parent is gone within a second
    leftovers = {p.name for p in earlier_run.parent.iterdir()}
    assert leftovers <= {"seed", ".seed.building", ".seed.lock"}
    rerun = _start_run(earlier_run, "--no-progress", "--only", "01")
    _, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert "taking over the lock left by a run that is no longer running" in err
    assert sorted(p.name for p in earlier_run.parent.iterdir()) == ["seed"]


def test_two_runs_started_together_exactly_one_runs(earlier_run):
    both = [_start_run(earlier_run, "--no-progress", "--only", "01") for _ in range(2)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in both]
    assert sorted(code for code, _ in results) == [0, 2]
    refused = next(err for code, err in results if code == 2)
    assert "another textkit run is writing to" in refused
    assert sorted(p.name for p in earlier_run.parent.iterdir()) == ["seed"]
