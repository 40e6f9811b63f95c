"""Measure quotation finding and speaker attribution against hand-annotated gold.

Usage::

    .venv/bin/python benchmarks/bench_quotes.py [--gold tests/data/quotes_gold] [--errors N]

Runs textkit's pipeline on the gold's Wikinews articles -- ``files.read_corpus`` of
``seeds/wikinews/*.csv``, ``clean.corpus``, ``actors.mentions`` with ``seeds/actors.yml``,
``quotes.table`` -- and prints four numbers:

- **quotations found** (recall): gold quotations matched by a listed quotation;
- **listed quotations that are real** (precision): listed quotations that match a gold one;
- **speakers right among those named**: of matched quotations where textkit names a speaker
  (a name, not a role), the share whose speaker is the gold speaker;
- **named speakers found**: of gold quotations with a named speaker, the share where textkit
  gives that speaker.

A gold quotation and a listed one match when they are in the same article and their quoted
text overlaps by at least half of the shorter one. Gold text is located by string search in the
cleaned text (cleaning may drop the date line and turns curly marks and dashes into ASCII, so
the gold string gets the same character steps; whitespace runs match any whitespace). Speakers
are compared case-folded, without a leading "the" and with one space between words; a name
and a shorter one ("Clarke" / "Ann Clarke") are the same speaker only when the document's
fullest form of the shorter one is the longer one (:func:`textkit.names.find`).

Then every error is printed with its sentence: listed quotations that are not real, gold
quotations that were missed, and wrong or missing speakers. :func:`score` returns all of it for
tests (``tests/test_quotes.py`` asserts the targets).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from textkit import actors, clean, files, names, quotes  # noqa: E402

GOLD = ROOT / "tests" / "data" / "quotes_gold"
CORPUS = ROOT / "seeds" / "wikinews" / "*.csv"
DICTIONARY = ROOT / "seeds" / "actors.yml"

#: The acceptance targets (share, from 0 to 1).
TARGETS = {"found": 0.95, "real": 0.95, "speakers_right": 0.95, "named_found": 0.85}


def load_gold(folder: Path = GOLD) -> list[dict]:
    """Return the gold articles of every ``*.json`` file in ``folder``, in row order."""
    articles = []
    for path in sorted(Path(folder).glob("*.json")):
        articles.extend(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return sorted(articles, key=lambda a: a["row"])


def run_pipeline(articles: list[dict]):
    """Read, clean and analyse the gold articles; return (documents, quotations)."""
    corpus = files.read_corpus(str(CORPUS))
    by_url = {url: i for i, url in enumerate(corpus["url"])}
    rows = [by_url.get(a["url"], a["row"]) for a in articles]
    docs = clean.corpus(corpus.iloc[rows].reset_index(drop=True))
    mentions = actors.mentions(docs, actors.load(DICTIONARY))
    return docs, quotes.table(docs, mentions)


def _characters(text: str) -> str:
    """Apply the cleaning steps that change characters (not lines) to a gold string."""
    for step in ("nfc", "quotes", "dashes"):
        text = getattr(clean, step)(text)
    return text


def _pattern(fragment: str) -> re.Pattern:
    """A regular expression for a gold string: any whitespace run matches any whitespace."""
    parts = [re.escape(p) for p in _characters(fragment).split()]
    return re.compile(r"\s+".join(parts))


def locate(text: str, quote: dict, paragraph_offset: int) -> tuple[int, int] | None:
    """Find a gold quotation in the cleaned text: (start, end) of its words, or None."""
    from textkit import tokens

    if "text" in quote:
        hits = [(m.start(), m.end()) for m in _pattern(quote["text"]).finditer(text)]
    else:
        hits = []
        end_pattern = _pattern(quote["text_end"])
        for m in _pattern(quote["text_start"]).finditer(text):
            end = end_pattern.search(text, m.end())
            if end:
                hits.append((m.start(), end.end()))
    if not hits:
        return None
    starts = [s for s, _ in tokens.paragraph_spans(text)]
    wanted = quote.get("paragraph", 0) + paragraph_offset

    def distance(hit):
        return abs(sum(1 for s in starts if s <= hit[0]) - 1 - wanted), hit[0]

    return min(hits, key=distance)


def _paragraph_offset(raw: str, cleaned: str) -> int:
    """How many paragraphs cleaning removed before the body (the date line): 0 or more."""
    raw_paragraphs = [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
    clean_paragraphs = [p for p in re.split(r"\n\s*\n", cleaned) if p.strip()]
    return -(len(raw_paragraphs) - len(clean_paragraphs))


def _inner(row) -> tuple[int, int]:
    """The offsets of a listed quotation's words (without its marks)."""
    return row.start + 1, row.end - 1 if row.closed else row.end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and shared >= shorter / 2


def _normal(speaker: str | None) -> str:
    words = " ".join((speaker or "").split()).casefold().removeprefix("the ")
    return words.replace("\u2019", "'")


def fullest_forms(text: str) -> dict:
    """Map each name of a text (case-folded) to its fullest form there (case-folded)."""
    found = names.find(text)
    return {_normal(n): _normal(f) for n, f in zip(found["name"], found["full"])}


def same_speaker(gold: str, system: str, fullest: dict) -> bool:
    """Compare speakers: normalised equality, or a shorter form whose fullest form is the other."""
    g, s = _normal(gold), _normal(system)
    if not g or not s:
        return False
    if g == s:
        return True
    longer, shorter = (g, s) if len(g.split()) > len(s.split()) else (s, g)
    return longer.endswith(" " + shorter) and fullest.get(shorter) == longer


def _sentence(text: str, start: int) -> str:
    """The text around an offset, on one line, for error listings."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, max(0, start - 1)))
    right = text.find("\n", start)
    right = len(text) if right < 0 else right
    return " ".join(text[max(0, left + 1) : min(right, start + 300)].split())


def score(folder: Path = GOLD) -> dict:
    """Run the pipeline on the gold and return the four shares, their counts and every error."""
    articles = load_gold(folder)
    docs, table = run_pipeline(articles)
    result = {"gold": 0, "found_n": 0, "listed": 0, "real_n": 0, "named_by_system": 0,
              "speakers_right_n": 0, "gold_named": 0, "named_found_n": 0, "unlocated": [],
              "false_positives": [], "misses": [], "wrong_speakers": []}
    corpus = files.read_corpus(str(CORPUS))
    raw_by_url = dict(zip(corpus["url"], corpus["text"]))
    for article, doc_id, text in zip(articles, docs["doc_id"], docs["text"]):
        listed = table[table["doc_id"] == doc_id]
        _score_article(article, text, raw_by_url.get(article["url"], text), listed, result)
    total = lambda n, d: round(n / d, 4) if d else 1.0  # noqa: E731
    result["found"] = total(result["found_n"], result["gold"])
    result["real"] = total(result["real_n"], result["listed"])
    result["speakers_right"] = total(result["speakers_right_n"], result["named_by_system"])
    result["named_found"] = total(result["named_found_n"], result["gold_named"])
    return result


def _score_article(article: dict, text: str, raw: str, listed, result: dict) -> None:
    """Match one article's gold and listed quotations and add to the counts and errors."""
    offset = _paragraph_offset(raw, text)
    located = []
    for quote in article["quotes"]:
        span = locate(text, quote, offset)
        if span is None:
            result["unlocated"].append((article["row"], quote.get("text") or quote.get("text_start")))
        located.append((quote, span))
    rows = list(listed.itertuples(index=False))
    fullest = fullest_forms(text)
    result["gold"] += len(located)
    result["listed"] += len(rows)
    for row in rows:
        if any(span and _overlap(_inner(row), span) for _, span in located):
            result["real_n"] += 1
        else:
            result["false_positives"].append((article["row"], row.quote[:120], _sentence(text, row.start)))
    for quote, span in located:
        _score_quote(article, text, quote, span, rows, fullest, result)


def _score_quote(article, text, quote, span, rows, fullest, result) -> None:
    """Score one gold quotation: found or missed; its speaker right, wrong or missing."""
    named = quote.get("speaker_kind") == "named"
    result["gold_named"] += named
    matches = [r for r in rows if span and _overlap(_inner(r), span)]
    if not matches:
        shown = quote.get("text") or quote.get("text_start")
        result["misses"].append((article["row"], shown[:120], _sentence(text, span[0]) if span else ""))
        return
    result["found_n"] += 1
    row = max(matches, key=lambda r: min(_inner(r)[1], span[1]) - max(_inner(r)[0], span[0]))
    right = same_speaker(quote.get("speaker"), row.speaker, fullest)
    named_by_system = row.speaker and getattr(row, "speaker_kind", "") != "role"
    if named_by_system:
        result["named_by_system"] += 1
        result["speakers_right_n"] += right
    if named:
        result["named_found_n"] += right
    if not right and (named or named_by_system):
        result["wrong_speakers"].append((
            article["row"], quote.get("speaker"), quote.get("speaker_kind"), row.speaker,
            getattr(row, "speaker_kind", ""), row.attribution, _sentence(text, row.start),
        ))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold *.json files")
    parser.add_argument("--errors", type=int, default=1000, help="errors to print per kind")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    result = score(args.gold)
    seconds = time.perf_counter() - began
    print(f"gold quotations {result['gold']}, listed {result['listed']}, "
          f"unlocated gold {len(result['unlocated'])}  ({seconds:.1f} s)")
    lines = [
        ("quotations found", "found", result["found_n"], result["gold"]),
        ("listed quotations that are real", "real", result["real_n"], result["listed"]),
        ("speakers right among those named", "speakers_right", result["speakers_right_n"], result["named_by_system"]),
        ("named speakers found", "named_found", result["named_found_n"], result["gold_named"]),
    ]
    for label, key, n, d in lines:
        print(f"{label:34s} {100 * result[key]:5.1f}%  ({n}/{d}; target {100 * TARGETS[key]:.0f}%)")
    for title, key in (("FALSE POSITIVES", "false_positives"), ("MISSES", "misses"),
                       ("WRONG OR MISSING SPEAKERS", "wrong_speakers"), ("GOLD NOT LOCATED", "unlocated")):
        print(f"\n== {title} ({len(result[key])})")
        for item in result[key][: args.errors]:
            print("  " + " | ".join(str(x) for x in item))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
