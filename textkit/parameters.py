"""Check notebook parameters: their types (from the notebooks' declarations) and their values.

Each notebook declares its parameters in its first cell, one per line, as
``name: type = default  # help``. The runner reads those declarations with papermill, converts
command-line values to the declared type (:func:`convert`), and checks values against
:data:`RULES` before any notebook starts. The notebooks call :func:`check` as their first step,
so a notebook run by plain papermill or in JupyterLab gets the same clear error.
"""

from __future__ import annotations

from pathlib import Path

from textkit.errors import ParameterError

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def _at_least(low):
    # bool is a subclass of int: True must not pass as top_n=1.
    return (
        f"a whole number of at least {low}",
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= low,
    )


def _one_of(*choices):
    # Compare types too: 2.0 == 2 and True == 1, but neither is the value n=2 expects.
    return (
        f"one of {', '.join(map(repr, choices))}",
        lambda v: any(type(v) is type(c) and v == c for c in choices),
    )


def _existing_file_or(*keywords):
    what = "an existing file" + (f" or one of {', '.join(map(repr, keywords))}" if keywords else "")
    return (what, lambda v: isinstance(v, str) and (v in keywords or Path(v).is_file()))


#: What each parameter must be: name -> (description for the error message, test).
#: Parameters not listed here are only type-checked.
RULES: dict[str, tuple[str, object]] = {
    "top_n": _at_least(1),
    "min_count": _at_least(1),
    "min_length": _at_least(1),
    "width": _at_least(1),
    "window": _at_least(1),
    "n": _one_of(2, 3),
    "scope": _one_of("sentence", "paragraph"),
    "stopwords": _existing_file_or("default", "none", "nltk"),
    "actors": _existing_file_or(),
    # The names of textkit.association.MEASURES (imported when checked: no import cycle;
    # tests/test_association.py keeps this description in step with the registry).
    "measure": (
        "one of 'frequency', 'pmi', 'llr', 't', 'chi2', 'chi2_yates', 'dice', 'logdice', 'mi3'",
        lambda v: isinstance(v, str) and v in __import__("textkit.association").association.MEASURES,
    ),
}


def check(**values) -> dict:
    """Check parameter values against :data:`RULES`; return them unchanged.

    Parameters
    ----------
    **values
        Parameter names and values, as the notebook received them.

    Returns
    -------
    dict
        The same names and values (so a notebook can record what it ran with).

    Raises
    ------
    ParameterError
        Naming every parameter that breaks its rule, with the value received.

    Examples
    --------
    >>> check(top_n=20, scope="sentence")
    {'top_n': 20, 'scope': 'sentence'}
    >>> check(top_n=-1)
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter top_n must be a whole number of at least 1, got -1.
    """
    problems = []
    for name, value in values.items():
        if name in RULES:
            what, test = RULES[name]
            if not test(value):
                problems.append(f"parameter {name} must be {what}, got {value!r}.")
    if problems:
        raise ParameterError(" ".join(problems))
    return dict(values)


def convert(name: str, value, declared: str):
    """Convert a value given on the command line or in a YAML file to the declared type.

    Parameters
    ----------
    name : str
        The parameter name (for the error message).
    value : str or list
        The value as text (YAML files are read without type guessing, so ``007`` stays
        ``"007"`` and ``no`` stays ``"no"``), or a list of texts.
    declared : str
        The type name from the notebook's declaration: ``int``, ``float``, ``bool``, ``str``,
        ``list`` (papermill's inferred type name).

    Returns
    -------
    int, float, bool, str or list
        The converted value.

    Raises
    ------
    ParameterError
        When the text is not a value of the declared type.

    Examples
    --------
    >>> convert("top_n", "-1", "int"), convert("lowercase", "no", "bool"), convert("corpus", "007", "str")
    (-1, False, '007')
    >>> convert("extra_stopwords", "said, told", "list")
    ['said', 'told']
    >>> convert("top_n", "ten", "int")
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter top_n expects int (a whole number), got 'ten'.
    """
    declared = declared.lower()
    if declared == "list":
        if isinstance(value, list):
            return [str(v) for v in value]
        return [part.strip() for part in str(value).split(",") if part.strip()]
    if isinstance(value, list):
        raise ParameterError(f"parameter {name} expects {declared}, got a list {value!r}.")
    text = str(value).strip()
    try:
        if declared == "int":
            return int(text)
        if declared == "float":
            return float(text)
    except ValueError:
        kind = "a whole number" if declared == "int" else "a number"
        raise ParameterError(f"parameter {name} expects {declared} ({kind}), got {value!r}.") from None
    if declared == "bool":
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise ParameterError(f"parameter {name} expects bool (true or false), got {value!r}.")
    return str(value)
