"""Time actor-mention finding against one compiled regex alternation over the same forms.

What is timed, on the same text in the same run (best of ``--repeat`` runs each):

- textkit: ``actors.find(text, dictionary)`` -- every matching rule (whole words, longest form
  first, no overlaps, acronyms only in capitals, possessives, whitespace and apostrophe
  variants) and the result as a DataFrame naming actor, group, type, kind and form;
- baseline: ``re.compile(r"\\b(?:form1|form2|...)\\b", re.IGNORECASE)`` with the forms sorted
  longest first, and a list of ``(start, end, text)`` -- no case rule for acronyms, no look-up
  of which actor matched.

The dictionary is the seed's (``seeds/actors.yml``) plus synthetic actors, so that it has at
least 50 actors and 150 forms. The default corpus is synthetic and deterministic: the cleaned
seed's paragraphs, shuffled, with one extra paragraph per story naming some synthetic actors.

Targets: textkit at least as fast as the baseline on 10 MB, and time linear in corpus size
(the 50 MB / 10 MB time ratio near 5).

Usage::

    python benchmarks/bench_actors.py                                  # synthetic corpus
    python benchmarks/bench_actors.py --corpus path/to/books/   # a folder of plain-text books, e.g. Project Gutenberg texts
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

import pandas as pd

from textkit import actors, clean, files

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
DICTIONARY = ROOT / "seeds" / "actors.yml"
MB = 1_000_000

FIRST = ("Anna", "Boris", "Carla", "David", "Elena", "Farid", "Greta", "Hamid", "Irina", "Jonas",
         "Katya", "Lukas", "Maria", "Nikos", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor")
LAST = ("Adler", "Berg", "Costa", "Dumas", "Engel", "Fischer", "Gallo", "Horvat", "Ivanova",
        "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quinn", "Rossi",
        "Schmidt", "Tanaka", "Ulrich", "Varga", "Weber", "Zanetti")
ORGS = (("European Union", "EU", "Brussels"), ("World Health Organization", "WHO", "Geneva"),
        ("International Monetary Fund", "IMF", "Washington DC"), ("Group of Seven", "G7", None),
        ("Organization for Security and Co-operation in Europe", "OSCE", "Vienna"),
        ("African Union", "AU", "Addis Ababa"))


def dictionary(extra_people: int = 30) -> pd.DataFrame:
    """Return the seed dictionary plus synthetic people and organisations (deterministic)."""
    rng = random.Random(7)
    seed = actors.load(DICTIONARY)
    rows = []
    used = set(seed["alias"].str.lower())
    pairs = [(f, l) for f in FIRST for l in LAST]
    rng.shuffle(pairs)
    people = 0
    for first, last in pairs:
        if people == extra_people:
            break
        forms = [f"{first} {last}", last, f"{first[0]}. {last}", f"{first} {last}-{rng.choice(LAST)}"]
        if any(f.lower() in used for f in forms):
            continue
        used.update(f.lower() for f in forms)
        group = rng.choice(("North", "South", "East", "West"))
        rows.append((forms[0], "person", group, "name", forms[0]))
        rows.extend((forms[0], "person", group, "alias", f) for f in forms[1:])
        people += 1
    for name, acronym, seat in ORGS:
        rows.append((name, "organisation", "International", "name", name))
        rows.append((name, "organisation", "International", "alias", acronym))
        if seat:
            rows.append((name, "organisation", "International", "metonym", seat))
    extra = pd.DataFrame(rows, columns=["actor", "type", "group", "kind", "alias"])
    extra["line"] = 0
    return pd.concat([seed, extra], ignore_index=True)


def synthetic(size: int, forms: list[str], *, seed: int = 20220127) -> str:
    """Build ``size`` characters of news-like text from the seed, naming synthetic actors too."""
    rng = random.Random(seed)
    paragraphs = clean.text(files.read_text(SEED)).split("\n\n")
    headline, body = paragraphs[0], paragraphs[1:]
    parts, length = [], 0
    while length < size:
        order = body[:]
        rng.shuffle(order)
        named = rng.sample(forms, 4)
        extra = (f"{named[0]} met {named[1]}'s envoys, while {named[2]} and us warned "
                 f"{named[3].lower()} about the talks.")
        story = "\n\n".join([headline, *order[:6], extra, *order[6:]])
        parts.append(story)
        length += len(story) + 2
    return "\n\n".join(parts)[:size]


def from_corpus(path: str, size: int) -> str:
    """Read a corpus and return its first ``size`` characters (repeated if it is shorter)."""
    texts = files.read_corpus(path)["text"].tolist()
    text = "\n\n".join(texts)
    while len(text) < size:
        text = text + "\n\n" + text
    return text[:size]


def baseline_pattern(forms: list[str]) -> re.Pattern:
    """One flat alternation, longest form first, case ignored."""
    ordered = sorted(set(forms), key=lambda f: (-len(f), f))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)


def best(function, repeat: int) -> tuple[float, object]:
    """Return the best wall time of ``repeat`` calls and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="a corpus path (default: a synthetic corpus)")
    parser.add_argument("--mb", type=float, default=10, help="size of the main comparison, in MB")
    parser.add_argument("--scale", type=float, default=5, help="how many times larger the scaling run is")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    args = parser.parse_args(argv)

    forms_table = dictionary()
    forms = forms_table["alias"].tolist()
    print(f"dictionary: {forms_table['actor'].nunique()} actors, {len(forms)} forms")
    small, large = int(args.mb * MB), int(args.mb * args.scale * MB)
    if args.corpus:
        text_large = from_corpus(args.corpus, large)
        source = args.corpus
    else:
        text_large = synthetic(large, forms)
        source = "synthetic (seed paragraphs + synthetic actors)"
    text_small = text_large[:small]
    print(f"corpus: {source}")

    baseline = baseline_pattern(forms)
    t_base, base_hits = best(
        lambda: [(m.start(), m.end(), m.group()) for m in baseline.finditer(text_small)], args.repeat
    )
    t_ours, ours = best(lambda: actors.find(text_small, forms_table), args.repeat)
    print(f"\n{args.mb:g} MB:")
    print(f"  baseline regex alternation  {t_base:8.3f} s   {len(base_hits):>9,} matches (no case rule for acronyms)")
    print(f"  textkit actors.find         {t_ours:8.3f} s   {len(ours):>9,} mentions")
    print(f"  speed-up (baseline / textkit): {t_base / t_ours:.2f}x  (target >= 1)")

    t_large, ours_large = best(lambda: actors.find(text_large, forms_table), max(1, args.repeat - 1))
    ratio = t_large / t_ours
    print(f"\nscaling: {args.mb * args.scale:g} MB in {t_large:.3f} s ({len(ours_large):,} mentions)")
    print(f"  time ratio {args.mb * args.scale:g} MB / {args.mb:g} MB = {ratio:.2f} "
          f"(size ratio {args.scale:g}; linear if close)")
    ok = t_ours <= t_base and ratio <= args.scale * 1.3
    print("\nresult:", "targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
