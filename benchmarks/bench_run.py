"""Time `textkit run` on the seed against the floor: the same number of trivial notebooks that
import the same libraries, executed through papermill with the same parallelism.

Each floor notebook has a parameters cell and one cell with every import statement found in the
real notebooks (plus pandas, matplotlib.pyplot and nltk), so the floor pays for kernel start-up
and imports, and textkit's extra time is the analysis, the figures, HTML and the manifest.

    .venv/bin/python benchmarks/bench_run.py [--repeat 3] [--jobs N]

Both contenders run in fresh processes, alternately, in the same session; the best of
``--repeat`` runs is compared. Target (issue 2): textkit run ≤ 1.5 × the floor.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
#: Imported by every floor notebook besides the notebooks' own import statements.
BASE_IMPORTS = "import pandas, matplotlib.pyplot, nltk, textkit"

FLOOR = """
import sys
from concurrent.futures import ProcessPoolExecutor
import papermill

def one(path):
    papermill.execute_notebook(path, path + ".out.ipynb", parameters={"x": 1},
                               kernel_name="python3", progress_bar=False)

paths, jobs = sys.argv[2:], int(sys.argv[1])
with ProcessPoolExecutor(max_workers=jobs) as pool:
    list(pool.map(one, paths))
"""


def imports(notebooks: list[Path]) -> str:
    """Every import statement of the real notebooks, once each, after :data:`BASE_IMPORTS`."""
    lines = [BASE_IMPORTS]
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                for node in ast.walk(ast.parse(cell.source)):
                    if isinstance(node, (ast.Import, ast.ImportFrom)) and ast.unparse(node) not in lines:
                        lines.append(ast.unparse(node))
    return "\n".join(lines)


def trivial_notebooks(folder: Path, count: int, source: str) -> list[str]:
    """Write ``count`` notebooks: a parameters cell and one cell of imports."""
    paths = []
    for i in range(count):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("x: int = 0  # a parameter"),
                    nbformat.v4.new_code_cell(source)]
        nb.cells[0].metadata["tags"] = ["parameters"]
        nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
        path = folder / f"floor_{i}.ipynb"
        nbformat.write(nb, path)
        paths.append(str(path))
    return paths


def timed(command: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    textkit = str(Path(sys.executable).with_name("textkit"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_paths = trivial_notebooks(tmp, len(notebooks), imports(notebooks))
        runs, floors = [], []
        for _ in range(args.repeat):
            runs.append(timed([textkit, "run", "--output", str(tmp / "run"), "--no-progress",
                               "--jobs", str(args.jobs)], cwd=ROOT))
            floors.append(timed([sys.executable, "-c", FLOOR, str(args.jobs), *floor_paths]))
    best_run, best_floor = min(runs), min(floors)
    print(f"notebooks: {len(notebooks)}, jobs: {args.jobs}, repeats: {args.repeat}")
    print(f"textkit run on the seed : best {best_run:6.2f} s   (all: {', '.join(f'{t:.2f}' for t in runs)})")
    print(f"floor (trivial, papermill): best {best_floor:6.2f} s   (all: {', '.join(f'{t:.2f}' for t in floors)})")
    print(f"ratio textkit / floor   : {best_run / best_floor:.2f}   (target ≤ 1.5)")


if __name__ == "__main__":
    main()
