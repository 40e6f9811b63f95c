"""Time `textkit run` on the seed against two papermill floors, with the same parallelism.

- **trivial** (issue 2's floor): as many trivial notebooks as there are real ones, each with a
  parameters cell and one cell with every import statement of the real notebooks (plus pandas,
  matplotlib.pyplot, nltk and textkit). It pays for kernel start-up and imports only, so
  textkit's extra time is the analysis itself, the figures, HTML and the manifest; it grows
  with every analysis the notebooks gain.
- **same notebooks**: plain ``papermill.execute_notebook`` on the real notebooks, with the
  parameters ``textkit run`` gives them, writing their tables and figures to a scratch folder.
  It pays for the analysis too, so textkit's extra time is its own execution overhead: the
  checks before the run, HTML pages, manifest, hashes and the swap into the run folder
  (issue 10: "notebook execution overhead (papermill, kernels, HTML)").

    .venv/bin/python benchmarks/bench_run.py [--repeat 3] [--jobs N]

The contenders run in fresh processes, in turn, in the same session; the best of ``--repeat``
runs is compared. Target: textkit run ≤ 1.5 × the floor.
"""

from __future__ import annotations

import argparse
import ast
import json
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

SAME = """
import json, sys
from concurrent.futures import ProcessPoolExecutor
import papermill

def one(task):
    path, target, parameters, cwd = task
    papermill.execute_notebook(path, target, parameters=parameters, cwd=cwd,
                               kernel_name="python3", progress_bar=False)

jobs, tasks = int(sys.argv[1]), json.loads(sys.argv[2])
with ProcessPoolExecutor(max_workers=jobs) as pool:
    list(pool.map(one, tasks))
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


def same_notebooks(folder: Path) -> str:
    """The papermill tasks (notebook, executed copy, parameters, working directory) that run the
    real notebooks as ``textkit run`` would on the seed, as JSON; outputs go to ``folder``."""
    from textkit import planning

    plan = planning.plan(notebooks_dir=ROOT / "notebooks", output=str(folder / "unused"))
    folder.mkdir(parents=True, exist_ok=True)
    return json.dumps([(str(path), str(folder / path.name),
                        {**plan.parameters[path.name], "output_dir": str(folder)},
                        str(path.parent)) for path in plan.notebooks])


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
        same = same_notebooks(tmp / "same")
        runs, floors, sames = [], [], []
        for _ in range(args.repeat):
            runs.append(timed([textkit, "run", "--output", str(tmp / "run"), "--no-progress",
                               "--jobs", str(args.jobs)], cwd=ROOT))
            floors.append(timed([sys.executable, "-c", FLOOR, str(args.jobs), *floor_paths]))
            sames.append(timed([sys.executable, "-c", SAME, str(args.jobs), same], cwd=ROOT))
    best_run = min(runs)
    print(f"notebooks: {len(notebooks)}, jobs: {args.jobs}, repeats: {args.repeat}")
    print(f"textkit run on the seed           : best {best_run:6.2f} s   ({_all(runs)})")
    for label, times in (("floor, trivial notebooks (issue 2)", floors),
                         ("floor, papermill on the notebooks", sames)):
        print(f"{label:34s}: best {min(times):6.2f} s   ({_all(times)})   "
              f"ratio {best_run / min(times):.2f}  (target ≤ 1.5)")


def _all(times: list[float]) -> str:
    return "all: " + ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
