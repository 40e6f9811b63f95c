"""Tests for textkit.memory: long steps give their temporary memory back when they end."""

import pandas as pd
import pytest
import yaml

from textkit import actors, collocations, counting, kwic, memory, quotes, tallies, unmatched


@pytest.fixture
def calls(monkeypatch):
    made = []
    monkeypatch.setattr(memory, "give_back", lambda: made.append(1))
    return made


def test_a_decorated_step_gives_back_after_returning_and_after_an_error(calls):
    @memory.gives_back
    def step(fail):
        """A step."""
        if fail:
            raise ValueError("bad")
        return 42

    assert step(False) == 42 and len(calls) == 1
    with pytest.raises(ValueError, match="bad"):
        step(True)
    assert len(calls) == 2
    assert step.__doc__ == "A step." and step.__name__ == "step"


def test_the_long_steps_over_a_corpus_give_back(calls):
    docs = pd.DataFrame({"doc_id": ["a"], "text": ['Kyiv said "we will not give in," he said.']})
    long_steps = [tallies.counted, tallies.ngrams, lambda d: tallies.positions(d, ["kyiv"]),
                  lambda d: kwic.search(d, "kyiv"), lambda d: collocations.concordance(d, "kyiv"),
                  counting.sequence, unmatched.unmatched]
    for step in long_steps:
        step(docs)
    forms = actors.parse(yaml.compose("actors:\n  - {name: Kyiv, type: place}"))
    found = actors.mentions(docs, forms)
    quotes.table(docs, found)
    assert len(calls) == len(long_steps) + 2


def test_give_back_runs_here():
    memory.give_back()  # glibc here: returns None and raises nothing; elsewhere a no-op
    assert memory._trim() is not None  # the CI machine and this one run glibc


def test_finding_malloc_trim_starts_no_process():
    """The first give_back of a kernel comes after its first long step, when the kernel may
    hold gigabytes: it must not copy the kernel to run ``ldconfig`` (as
    ``ctypes.util.find_library`` does) just to find the C library."""
    from test_runner import _fresh_python

    seen = _fresh_python(
        "import sys\n"
        "started = []\n"
        "sys.addaudithook(lambda event, args: started.append(event) if event in "
        "('subprocess.Popen', 'os.fork', 'os.posix_spawn') else None)\n"
        "from textkit import memory\n"
        "memory.give_back()\n"
        "print(memory._trim() is not None, len(started))\n")
    assert seen == ["True", "0"]
