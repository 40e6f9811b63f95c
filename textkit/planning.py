"""Plan a run before anything runs: which notebooks, which parameter values, which inputs.

:func:`plan` finds the notebooks (``notebooks/*.ipynb``, or those named with ``only``), reads
their declared parameters with :func:`papermill.inspect_notebook`, and checks every parameter
given before anything runs: a name no selected notebook declares, a value that is not of the
declared type, or a value that breaks its rule in :data:`textkit.parameters.RULES` is an error
(papermill itself only warns); the corpus is read once to check it, and the run folder is
checked (:mod:`textkit.runfolder`). :mod:`textkit.runner` then executes the :class:`Plan`.
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from textkit import actors, clean, files, groups, parameters, runfolder, stopwords
from textkit.errors import CorpusError, CorpusWarning, ParameterError

#: Parameters that hold paths. Values given on the command line or in a parameter file are
#: relative to the caller's working directory; the runner makes them absolute, because the
#: kernels run in the notebooks folder. Keywords such as ``stopwords="default"`` are left alone.
PATH_PARAMETERS = ("corpus", "actors", "stopwords", "reference_corpus")

#: Values of path parameters that are keywords, not paths.
_KEYWORDS = {"stopwords": stopwords.LISTS, "reference_corpus": ("",)}

#: Parameters the runner sets itself.
RUNNER_PARAMETERS = ("output_dir",)


@dataclass
class Plan:
    """Everything a run needs, checked before any notebook starts."""

    notebooks: list[Path]
    parameters: dict[str, dict] = field(default_factory=dict)  # notebook name -> parameters
    effective: dict[str, dict] = field(default_factory=dict)  # notebook name -> all values
    inputs: list[Path] = field(default_factory=list)
    run_dir: Path = Path("outputs")
    corpus_notes: list[dict] = field(default_factory=list)  # files.read_corpus_with_notes
    warnings: list[str] = field(default_factory=list)  # CorpusWarning messages, for the user
    notes: list[str] = field(default_factory=list)  # e.g. a dictionary made for another corpus


def plan(
    *,
    notebooks_dir: str | Path = "notebooks",
    corpus: str | None = None,
    output: str | None = None,
    outputs_dir: str | Path = "outputs",
    values: dict | None = None,
    only: list[str] | None = None,
) -> Plan:
    """Check a run's notebooks and parameters without executing anything.

    Parameters
    ----------
    notebooks_dir : str or Path, default "notebooks"
        The folder of numbered notebooks.
    corpus : str or None, default None
        The corpus path (relative to the working directory); ``None`` keeps the notebooks'
        default (the seed).
    output : str or None, default None
        The run folder; ``None`` gives ``outputs/<corpus name>``.
    outputs_dir : str or Path, default "outputs"
        Where default run folders go.
    values : dict, default None
        Parameter values by name, as text (or lists of text) from ``-p`` and ``-f``.
    only : list of str, default None
        Run only these notebooks (file name, stem, or number prefix such as ``"01"``).

    Returns
    -------
    Plan

    Raises
    ------
    ParameterError, CorpusError
        With a message that names the parameter, notebook or file.
    """
    notebooks_dir = Path(notebooks_dir)
    available = sorted(notebooks_dir.glob("*.ipynb"))
    if not available:
        raise ParameterError(
            f"no notebooks in {notebooks_dir.resolve()}; run textkit from the project root "
            "(the folder with notebooks/) or pass --notebooks."
        )
    selected = _select(available, only)
    declared = {nb.name: _declared(nb) for nb in selected}

    values = dict(values or {})
    if corpus is not None:
        values["corpus"] = corpus
    for name in RUNNER_PARAMETERS:
        if name in values:
            raise ParameterError(f"parameter {name} is set by the runner; use --output instead.")
    known = sorted({name for params in declared.values() for name in params})
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ParameterError(
            f"unknown parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: no selected "
            f"notebook declares {'them' if len(unknown) > 1 else 'it'}. The parameters are: "
            f"{', '.join(n for n in known if n not in RUNNER_PARAMETERS)}."
        )

    result = Plan(notebooks=selected)
    for nb in selected:
        given, effective = {}, {}
        for name, spec in declared[nb.name].items():
            if name in values:
                value = parameters.convert(name, values[name], spec["inferred_type_name"])
                if name in PATH_PARAMETERS and value not in _KEYWORDS.get(name, ()):
                    value = str(Path(value).resolve())  # given relative to the caller
                given[name] = value
                effective[name] = value
            else:
                effective[name] = _default(spec["default"])
        _check_in(notebooks_dir, effective)
        result.parameters[nb.name] = given
        result.effective[nb.name] = effective

    corpus_value = next((p["corpus"] for p in result.effective.values() if "corpus" in p), None)
    inputs, corpus_folders = _check_inputs(notebooks_dir, result.effective, result)
    inputs.update(dict.fromkeys(selected))
    result.inputs = [Path(os.path.abspath(p)) for p in inputs]  # as `verify` will look for them
    run_dir = Path(output) if output else Path(outputs_dir) / run_name(corpus_value or "run")
    result.run_dir = runfolder.check(
        run_dir, project=notebooks_dir.resolve().parent, notebooks=notebooks_dir,
        inputs=[p for p in result.inputs], corpus_folders=corpus_folders,
    )
    return result


def _declared(notebook: Path) -> dict:
    """Read a notebook's declared parameters, or say which notebook cannot be read."""
    import papermill

    try:
        return papermill.inspect_notebook(str(notebook))
    except Exception as err:  # papermill raises plain ValueError / JSON errors here
        raise ParameterError(
            f"{notebook}: cannot read its parameters ({type(err).__name__}: {err}). Check that it "
            "is a Jupyter notebook with a kernelspec and a cell tagged 'parameters'."
        ) from None


def _check_inputs(notebooks_dir: Path, effective: dict, plan: Plan) -> tuple[dict, list[Path]]:
    """Read and check every input once: corpus, cleaning steps, dictionary, stopword list.

    Returns the input files (a dict used as an ordered set, so the check stays linear in the
    number of files) and the corpus folders; the corpus notes and warnings go to ``plan``.
    """
    inputs, folders, checked, read = {}, [], set(), {}
    for params in effective.values():
        key = (params.get("corpus"), params.get("text_column", "text"), params.get("encoding"),
               params.get("include_all", False), params.get("drop_duplicates", False),
               params.get("group_by", ""))
        if "corpus" in params and key not in checked:  # read and check every file once
            checked.add(key)
            corpus = _from_notebooks(notebooks_dir, params["corpus"])
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", CorpusWarning)
                documents, notes = files.read_corpus_with_notes(
                    corpus, text_column=params.get("text_column", "text"),
                    encoding=params.get("encoding") or None,
                    include_all=params.get("include_all", False),
                    drop_duplicates=params.get("drop_duplicates", False))
            if params.get("group_by"):  # a missing column or an unparsable date stops here
                groups.check(documents, params["group_by"])
            read[key] = documents
            plan.warnings += [str(w.message) for w in caught if w.category is CorpusWarning]
            plan.corpus_notes += notes.astype(object).where(notes.notna(), None).to_dict("records")
            inputs.update(dict.fromkeys(sorted({Path(p) for p in documents["path"]})))
            folder = files.corpus_folder(corpus)
            if folder is not None and folder not in folders:
                folders.append(folder)
        if "skip_cleaning" in params:
            clean.steps(skip=params["skip_cleaning"])
        if "actors" in params:  # a malformed dictionary fails here, naming file and line
            dictionary = actors.load(_from_notebooks(notebooks_dir, params["actors"]))
            if "kwic_actor" in params:
                actors.require(dictionary, params["kwic_actor"])
            note = actors.fits(dictionary, read[key]) if key in read else None
            if note and note not in plan.notes:
                plan.notes.append(note)
        if isinstance(params.get("stopwords"), str):
            _check_stopwords(notebooks_dir, params["stopwords"])
        if params.get("reference_corpus"):  # read and check it now, and hash its files
            reference = files.read_corpus(_from_notebooks(notebooks_dir, params["reference_corpus"]),
                                          text_column=params.get("text_column", "text"))
            inputs.update(dict.fromkeys(sorted({Path(p) for p in reference["path"]})))
        for name in PATH_PARAMETERS[1:]:
            if isinstance(params.get(name), str):
                path = _from_notebooks(notebooks_dir, params[name])
                if path.is_file():
                    inputs[path] = None
    return inputs, folders


def _check_stopwords(notebooks_dir: Path, value: str) -> None:
    """Load the stopword list now: NLTK's without its data, or a file that is not text, fail here."""
    spec = value if value in stopwords.LISTS else str(_from_notebooks(notebooks_dir, value))
    try:
        stopwords.load(spec)
    except CorpusError as err:
        raise ParameterError(f"parameter stopwords: {err}") from None


def run_name(corpus: str) -> str:
    """Name a run after its corpus: the file or folder name without extension.

    For a glob, the folder it searches, then the fixed part of the pattern, if any.

    Examples
    --------
    >>> run_name("../seeds/ap_2022-01-27_russia_ukraine.txt")
    'ap_2022-01-27_russia_ukraine'
    >>> run_name("news/2022-*.txt"), run_name("seeds/wikinews/*.csv")
    ('news_2022-', 'wikinews')
    >>> run_name("my corpus/")
    'my_corpus'
    """
    path = Path(corpus.rstrip("/\\"))
    if any(c in corpus for c in "*?["):
        base = files.corpus_folder(corpus)
        fixed = re.sub(r"[*?\[].*", "", Path(corpus).name.split(".")[0])
        name = "_".join(part for part in (base.resolve().name, fixed) if part)
    else:
        name = path.stem if path.suffix else path.name
    return re.sub(r"[^\w.\-]+", "_", name).strip("_") or "run"


def _select(available: list[Path], only: list[str] | None) -> list[Path]:
    """Pick the notebooks named in ``only`` (by file name, stem or number prefix)."""
    if not only:
        return available
    chosen = []
    for wanted in only:
        stem = Path(wanted).name.removesuffix(".ipynb")
        matches = [nb for nb in available if nb.stem == stem or nb.stem.split("_")[0] == stem]
        if not matches:
            raise ParameterError(
                f"--only {wanted}: no such notebook. The notebooks are: "
                f"{', '.join(nb.name for nb in available)}."
            )
        chosen.extend(m for m in matches if m not in chosen)
    return sorted(chosen)


def _default(source: str):
    """Turn a declared default (source text from papermill) into a value when it is a literal."""
    try:
        return ast.literal_eval(source)
    except (ValueError, SyntaxError):
        return source


def _from_notebooks(notebooks_dir: Path, value: str) -> Path:
    """Resolve a path parameter the way the kernel will see it (relative to the notebooks)."""
    path = Path(value)
    return path if path.is_absolute() else Path(os.path.normpath(notebooks_dir / path))


def _check_in(notebooks_dir: Path, values: dict) -> None:
    """Apply the value rules, reading relative paths as the kernel will (from the notebooks)."""
    here = Path.cwd()
    try:
        os.chdir(notebooks_dir)
        parameters.check(**values)
    finally:
        os.chdir(here)
