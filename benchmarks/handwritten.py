"""The hand-written script a competent user would write for the same job as ``textkit run``.

It is the baseline of ``bench_pipeline.py`` (issue 10): read every ``.txt`` file of a folder,
count words with ``re.findall`` and ``collections.Counter``, score bigrams with NLTK's
``BigramCollocationFinder`` (log-likelihood, pairs seen at least twice), count actor mentions
with one regular-expression alternation of every form in the actor dictionary, and write the
three tables as CSV files.

    python benchmarks/handwritten.py CORPUS_FOLDER ACTORS_YAML OUTPUT_FOLDER
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder


def main(corpus: str, actors: str, output: str) -> None:
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path(corpus).glob("*.txt"))]
    words = [w for text in texts for w in re.findall(r"\w+", text.lower())]
    with open(out / "word_frequencies.csv", "w", newline="") as f:
        csv.writer(f).writerows(Counter(words).most_common())
    finder = BigramCollocationFinder.from_words(words)
    finder.apply_freq_filter(2)
    with open(out / "collocations.csv", "w", newline="") as f:
        csv.writer(f).writerows(finder.score_ngrams(BigramAssocMeasures.likelihood_ratio))
    forms = {}
    for entry in yaml.safe_load(Path(actors).read_text(encoding="utf-8"))["actors"]:
        for key in ("aliases", "demonyms", "metonyms"):
            for form in entry.get(key) or []:
                forms[str(form if not isinstance(form, dict) else form["form"]).lower()] = entry["name"]
        forms[entry["name"].lower()] = entry["name"]
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b")
    mentions = Counter(forms[m] for text in texts for m in pattern.findall(text.lower()))
    with open(out / "actor_counts.csv", "w", newline="") as f:
        csv.writer(f).writerows(mentions.most_common())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python benchmarks/handwritten.py CORPUS_FOLDER ACTORS_YAML OUTPUT_FOLDER")
    main(*sys.argv[1:4])
