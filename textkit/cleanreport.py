"""What the cleaning steps changed: a summary per step, and every removal in full.

Every step of :mod:`textkit.clean` finds its edits as it works (:class:`textkit.furniture.Edit`:
where, what, why), and ``clean._cleaned`` keeps a corpus's edits with its cleaned texts (once
per corpus and steps, and once per run in a ``textkit run``), so :func:`report` and
:func:`removals` cost one pass over the text, like the cleaning itself.

- :func:`report` -- one row per step run: documents and places it changed, characters changed
  and removed, the rules that fired, and a few examples (replacements as ``old → new`` pairs
  with counts; whitespace is counted, never listed place by place).
- :func:`removals` -- one row per removal of text (not whitespace), with the step, the rule and
  where it is in the document *as read*: positions are mapped back through the steps before it.

Both are importable from :mod:`textkit.clean` too (``clean.report``, ``clean.removals``), where
notebook 01 finds them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import pandas as pd

from textkit import furniture
from textkit.clean import NEWS, _cleaned, _known, steps
from textkit.furniture import Edit


def _edits(documents: pd.DataFrame, names: Iterable[str], skip: Iterable[str],
           given: pd.DataFrame | None) -> Iterator[tuple[str, tuple[str, ...], list[list[Edit]]]]:
    """Clean each document; yield its id, the steps and each step's edits."""
    chosen = steps(names, skip=skip)
    known = _known(documents, chosen, given)
    for doc_id, done in zip(documents["doc_id"], _cleaned(documents["text"], chosen, known)[1]):
        yield doc_id, chosen, done


def _removal(edit: Edit) -> bool:
    """A removal worth showing: something other than whitespace, replaced by nothing."""
    return not edit.new and not edit.old.isspace()


def _back(position: int, edits: list[Edit], end: bool = False) -> int:
    """Map a position in a step's output to its input (inside a replacement: its start). Where
    the step deleted text, a start maps to after the deletion and an ``end`` to before it."""
    shift = 0
    for edit in edits:
        out_start = edit.start + shift
        if position < out_start or (end and position == out_start):
            break
        if position < out_start + len(edit.new):
            return edit.start
        shift += len(edit.new) - (edit.end - edit.start)
    return position - shift


def removals(documents: pd.DataFrame, *, names: Iterable[str] = NEWS, skip: Iterable[str] = (),
             evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """List every removal of text (not whitespace) that cleaning makes, in full.

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (see :func:`textkit.files.read_corpus`).
    names, skip, evidence
        As in :func:`textkit.clean.corpus`.

    Returns
    -------
    pandas.DataFrame
        One row per removal, in document order, then by position, with columns

        - ``doc_id`` (str): the document;
        - ``step`` (str): the cleaning step that removed it;
        - ``rule`` (str): the evidence, e.g. ``"wire dateline"``, ``"repeated headline suffix"``;
        - ``start``, ``end`` (int): where the removed text is in the document as read
          (``text[start:end]``, unless NFC changed characters inside it);
        - ``removed`` (str): the removed text, without the whitespace around it.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Talks end | News\\n\\nMOSCOW — “Yes,” he said."]})
    >>> removals(docs).to_dict("records")
    [{'doc_id': 'a', 'step': 'headline_suffix', 'rule': 'section name after a bar', 'start': 10, 'end': 16, 'removed': '| News'}, {'doc_id': 'a', 'step': 'dateline', 'rule': 'wire dateline', 'start': 18, 'end': 26, 'removed': 'MOSCOW —'}]
    """
    rows = []
    for doc_id, chosen, done in _edits(documents, names, skip, evidence):
        found = []
        for k, edits in enumerate(done):
            for edit in filter(_removal, edits):
                lead = len(edit.old) - len(edit.old.lstrip())
                start, end = edit.start + lead, edit.start + lead + len(edit.old.strip())
                for earlier in reversed(done[:k]):
                    start, end = _back(start, earlier), _back(end, earlier, end=True)
                found.append((doc_id, chosen[k], edit.rule, start, end, edit.old.strip()))
        rows += sorted(found, key=lambda row: row[3])
    return furniture.frame(rows, {"doc_id": object, "step": object, "rule": object,
                                  "start": "int64", "end": "int64", "removed": object})


def report(documents: pd.DataFrame, *, names: Iterable[str] = NEWS, skip: Iterable[str] = (),
           evidence: pd.DataFrame | None = None, examples: int = 3) -> pd.DataFrame:
    """Summarise what each cleaning step changed across the corpus, one row per step.

    Parameters
    ----------
    documents : pandas.DataFrame
        A corpus with ``doc_id`` and ``text`` columns (see :func:`textkit.files.read_corpus`).
    names, skip, evidence
        As in :func:`textkit.clean.corpus`.
    examples : int, default 3
        How many removals, or kinds of replacement, to show per step.

    Returns
    -------
    pandas.DataFrame
        One row per step run, in pipeline order (steps that changed nothing too), with columns

        - ``step`` (str): the cleaning step;
        - ``documents`` (int): documents it changed;
        - ``edits`` (int): places it changed;
        - ``chars_changed`` (int): characters it removed or replaced;
        - ``chars_removed`` (int): characters before minus characters after;
        - ``rules`` (str): the rules that fired with their counts, most frequent first;
        - ``examples`` (str): the first few different removals as ``«text» (doc_id)``, cut to 80
          characters (:func:`removals` lists them all in full); for replacements, the most
          frequent ``old → new`` pairs with counts (whitespace shown quoted, ``'\\n\\n\\n'``), and
          how many kinds there are. Whitespace is counted, never listed place by place.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["Talks end | News\\n\\n“Yes,” he said."]})
    >>> columns = ["step", "documents", "edits", "chars_removed", "examples"]
    >>> report(docs).query("edits > 0")[columns].to_dict("records")
    [{'step': 'headline_suffix', 'documents': 1, 'edits': 1, 'chars_removed': 7, 'examples': '«| News» (a)'}, {'step': 'quotes', 'documents': 1, 'edits': 2, 'chars_removed': 0, 'examples': '“ → " ×1; ” → " ×1'}]
    """
    chosen = steps(names, skip=skip)
    tallies = {name: _Tally(examples) for name in chosen}
    for doc_id, _, done in _edits(documents, chosen, (), evidence):
        for name, edits in zip(chosen, done):
            if edits:
                tallies[name].add(doc_id, edits)
    rows = [(name, *tally.row()) for name, tally in tallies.items()]
    return furniture.frame(rows, {"step": object, "documents": "int64", "edits": "int64",
                                  "chars_changed": "int64", "chars_removed": "int64",
                                  "rules": object, "examples": object})


class _Tally:
    """What one step changed across documents, for :func:`report`."""

    def __init__(self, examples: int):
        self.examples, self.documents, self.edits, self.changed, self.removed = examples, 0, 0, 0, 0
        self.rules, self.pairs, self.shown = Counter(), Counter(), []

    def add(self, doc_id: str, edits: list[Edit]) -> None:
        self.documents += 1
        self.edits += len(edits)
        self.changed += sum(len(e.old) for e in edits)
        self.removed += sum(len(e.old) - len(e.new) for e in edits)
        self.rules.update(e.rule for e in edits)
        for edit in edits:
            if not _removal(edit):
                self.pairs[edit.old, edit.new] += 1
                continue
            shown = f"«{_shorten(edit.old.strip())}»"
            if len(self.shown) < self.examples and not any(shown in e for e in self.shown):
                self.shown.append(f"{shown} ({doc_id})")

    def row(self) -> tuple:
        return (self.documents, self.edits, self.changed, self.removed, _counts(self.rules),
                _examples(self.shown, self.pairs, self.examples))


def _counts(counter: Counter) -> str:
    """ "rule ×n; …", most frequent first, then alphabetical."""
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return "; ".join(f"{rule} ×{count:,}" for rule, count in ranked)


def _examples(shown: list[str], pairs: Counter, examples: int) -> str:
    """Removals as listed; replacements as the most frequent pairs with their counts."""
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    listed = [f"{_visible(o)} → {_visible(n)} ×{c:,}" for (o, n), c in ranked[:examples]]
    if len(ranked) > examples:
        listed.append(f"({len(ranked):,} kinds)")
    return " · ".join(shown) + ("; " if shown and listed else "") + "; ".join(listed)


def _visible(fragment: str) -> str:
    """A replaced fragment as shown: quoted when it is whitespace, empty or long."""
    if len(fragment) == 1 and not fragment.isspace():
        return fragment
    return repr(_shorten(fragment))


def _shorten(fragment: str, limit: int = 80) -> str:
    """Cut a long fragment to ``limit`` characters, saying how long it was."""
    if len(fragment) <= limit:
        return fragment
    return f"{fragment[:limit]}… ({len(fragment):,} characters)"
