"""Check notebook parameters: their types (from the notebooks' declarations) and their values.

Each notebook declares its parameters in its first cell, one per line, as
``name: type = default  # help``. The runner reads those declarations with papermill, converts
command-line values to the declared type (:func:`convert`), and checks values against
:func:`rules` before any notebook starts. The notebooks call :func:`check` as their first step,
so a notebook run by plain papermill or in JupyterLab gets the same clear error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from textkit.errors import ParameterError

_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


class Rule(NamedTuple):
    """What a parameter must be: a description for the message, and a test of the value."""

    what: str
    test: Callable[[object], bool]


def _whole(v) -> bool:
    # bool is a subclass of int: True must not pass as top_n=1.
    return isinstance(v, int) and not isinstance(v, bool)


def at_least(low: int) -> Rule:
    """A whole number of at least ``low``."""
    return Rule(f"a whole number of at least {low}", lambda v: _whole(v) and v >= low)


def between(low: int, high: int, why: str = "") -> Rule:
    """A whole number from ``low`` to ``high``; ``why`` explains the upper bound."""
    return Rule(
        f"a whole number from {low} to {high}{f' ({why})' if why else ''}",
        lambda v: _whole(v) and low <= v <= high,
    )


def one_of(*choices, what: str = "") -> Rule:
    """One of ``choices``, compared with types (2.0 and True are not the value n=2 expects)."""
    return Rule(
        what or f"one of {', '.join(map(repr, choices))}",
        lambda v: any(type(v) is type(c) and v == c for c in choices),
    )


def one_word(*, empty: str = "") -> Rule:
    """A single word: no spaces; empty only when ``empty`` says what an empty value means."""
    if empty:
        return Rule(f"one word, or empty for {empty}",
                    lambda v: isinstance(v, str) and len(v.split()) <= 1)
    return Rule("one word", lambda v: isinstance(v, str) and len(v.split()) == 1)


def existing_file_or(*keywords) -> Rule:
    """An existing file, or one of the ``keywords``."""
    what = "an existing file" + (f" or one of {', '.join(map(repr, keywords))}" if keywords else "")
    return Rule(what, lambda v: isinstance(v, str) and (v in keywords or Path(v).is_file()))


#: Rules for the option names shared by every analysis (one word per idea across the package).
SHARED = {
    "top_n": between(1, 1000, "rows shown and drawn"),
    "min_count": at_least(1),
    "min_length": at_least(1),
    "width": between(1, 1000, "characters of context"),
}


def rules() -> dict[str, Rule]:
    """Collect every parameter rule: the shared ones and each module's ``RULES``.

    Each rule is declared once, where the thing it names lives: measure names with the measures
    (:data:`textkit.association.RULES`), ``n``, ``window`` and ``node`` with the collocations,
    ``scope`` and ``actors`` with the actors, ``stopwords`` with the stopword lists,
    ``group_by`` with the document groups (:mod:`textkit.groups`), ``normalise`` and
    ``language`` with :mod:`textkit.normalising`, ``ngram_size`` with the frequencies. The
    runner's pre-run check, the notebooks' first cell and the library functions all read them
    here, so each parameter has one rule and one message.
    """
    from textkit import actors, association, groups, kwicquery, scoredtable, stopwords
    from textkit import frequency, keystats, normalising

    return {**SHARED, **association.RULES, **scoredtable.RULES, **actors.RULES,
            **stopwords.RULES, **kwicquery.RULES, **groups.RULES,
            **normalising.RULES, **frequency.RULES, **keystats.RULES}


def __getattr__(name):
    if name == "RULES":  # built on first use: the modules that declare rules import this one
        return rules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    textkit.errors.ParameterError: parameter top_n must be a whole number from 1 to 1000 (rows shown and drawn), got -1.
    """
    problems = []
    table = rules()
    for name, value in values.items():
        if name in table:
            what, test = table[name]
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
