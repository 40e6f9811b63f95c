"""Keyness: which terms characterise a target corpus against a reference corpus.

A term (a word, an n-gram, an actor) is *key* when its relative frequency in a target corpus
differs from that in a reference corpus by more than chance allows. The reference is another
group of the same corpus, the rest of the corpus, or a corpus of its own read from a path.

This module is the public face of keyness (notebook 04 and the tests call ``keyness.X``); two
rooms of it have modules of their own:

- :mod:`textkit.keystats` -- two counted tables compared term by term: :func:`table`, the
  four counts and the 2×2 table, the statistics (:data:`MEASURES`), the p-values and their
  corrections (:data:`CORRECTIONS`), the parameter rules (:data:`RULES`), signs and sorting.
  Its docstring gives every formula and convention.
- :mod:`textkit.keyteaching` -- :func:`explain`, one row of a table worked through by hand.

The pipeline, and the conventions every table here follows:

1. :func:`counts` turns a long table (one row per token occurrence, as from
   :func:`textkit.tokens.table`) into a **counted table**: one row per term (and per group, with
   ``by``), columns ``term`` and ``count``. Counting is vectorised (``pandas.factorize`` and
   ``numpy.bincount``), never a Python loop per token.
2. :func:`table` compares two counted tables, first merging each side's rows by term, so counts
   made piece by piece give the same table as counts made at once.
3. :func:`compare` runs :func:`table` for each group of a long table against the rest of the
   corpus, or for one group against another, from per-group counts.
4. :func:`explain` works one row through, every formula with its numbers filled in.

:func:`analyse` runs what notebook 04's parameters ask for: :func:`compare` for the groups of
the corpus, or :func:`table` for the corpus against a reference corpus read by
:func:`reference_documents`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from textkit import tallies
from textkit.counting import code_point_rank
from textkit.errors import ParameterError
from textkit.keystats import COLUMNS, table
# Re-exported, so that ``keyness.X`` keeps working in notebooks, tests and benchmarks:
from textkit.keystats import CORRECTIONS, LABELS, MEASURES, RULES  # noqa: F401  (re-exported)
from textkit.keystats import benjamini_hochberg, bonferroni, p_value  # noqa: F401  (re-exported)
from textkit.keyteaching import explain  # noqa: F401  (re-exported: notebook 04's keyness.explain)


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


def _codes(values: pd.Series, what: str, *, runs: bool = False):
    """Return integer codes and the distinct values of a column (no missing values allowed).

    With ``runs``, a column of long runs (the groups of a token table in document order) is
    encoded run by run: one comparison of neighbours, then only the first value of each run
    is hashed. A sample decides first whether the runs are long enough to pay.
    """
    array = values.to_numpy()
    sample = array[: 1 << 16]
    long_runs = (runs and not isinstance(values.dtype, pd.CategoricalDtype)
                 and np.count_nonzero(sample[1:] != sample[:-1]) * 8 < len(sample))
    if long_runs:
        starts = np.flatnonzero(np.concatenate(([True], array[1:] != array[:-1])))
        head_codes, uniques = pd.factorize(array[starts])
        small = np.int32 if len(uniques) < 2**31 else np.int64  # half the bytes to write
        codes = np.repeat(head_codes.astype(small), np.diff(np.append(starts, len(array))))
    else:
        codes, uniques = pd.factorize(values)
    if len(codes) and codes.min() < 0:
        row = int(np.flatnonzero(codes < 0)[0])
        raise ParameterError(f"{what} has a missing value (row {row}); drop or fill it first.")
    return codes, np.asarray(uniques, dtype=object)


def _pair_counts(group_codes, term_codes, groups: int, terms: int, weight=None):
    """Count (group, term) pairs; return the group index, term index and count of each pair seen.

    Each row is one occurrence, or ``weight`` of them (a counted table).
    """
    keys = np.multiply(group_codes, terms, dtype=np.int64)
    keys += term_codes
    if groups * terms <= 4 * len(keys) + (1 << 20):
        found = np.bincount(keys, weights=weight, minlength=groups * terms)
        keys = np.flatnonzero(found)
        count = found[keys]
    else:  # a sparse table: sort the keys instead of a dense array of every pair
        keys, where = np.unique(keys, return_inverse=True)
        count = np.bincount(where.ravel(), weights=weight, minlength=len(keys))
    return keys // terms, keys % terms, count.astype(np.int64)


def _grouped(long_table: pd.DataFrame, term: str, by: str | None):
    """Return ``(group values, term values, group index, term index, count)``, unsorted."""
    missing = [c for c in (term, by) if c is not None and c not in long_table.columns]
    if missing:
        raise ParameterError(
            f"the long table has no column {missing[0]!r}; its columns are "
            f"{list(long_table.columns)} (make one with textkit.tokens.table)."
        )
    term_codes, terms = _codes(long_table[term], f"column {term!r}")
    weight = tallies.weights(long_table)
    if by is None:  # one group: every distinct term occurs at least once
        count = np.bincount(term_codes, weights=weight, minlength=len(terms)).astype(np.int64)
        index = np.arange(len(terms))
        return np.array([None], dtype=object), terms, np.zeros_like(index), index, count
    group_codes, groups = _codes(long_table[by], f"column {by!r}", runs=True)
    group_index, term_index, count = _pair_counts(group_codes, term_codes, len(groups), len(terms),
                                                  weight)
    return groups, terms, group_index, term_index, count


def counts(long_table: pd.DataFrame, *, term: str = "token", by: str | None = None):
    """Count each term of a long table, over the whole table or per group.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence, e.g. from :func:`textkit.tokens.table` (columns ``doc_id``,
        ``token``) with a group column added; or a counted table
        (:func:`textkit.tallies.counted`), whose rows stand for ``count`` occurrences each.
    term : str, default "token"
        The column holding the terms (``"token"``; ``"actor"`` for a mentions table).
    by : str or None, default None
        A column to count per value of (a group, a document, a chunk); ``None`` counts the
        whole table.

    Returns
    -------
    pandas.DataFrame
        One row per term (per group, with ``by``) seen at least once, sorted by the ``by``
        value then term (code-point order), with columns

        - ``by`` (the column's values), only with ``by``;
        - ``term`` (str): the term;
        - ``count`` (int): its occurrences (in the group).

    Raises
    ------
    ParameterError
        If a column is missing or has a missing value.

    Examples
    --------
    >>> long = pd.DataFrame({"doc_id": ["1", "1", "2"], "token": ["war", "aid", "war"],
    ...                      "side": ["x", "x", "y"]})
    >>> counts(long)
      term  count
    0  aid      1
    1  war      2
    >>> counts(long, by="side")
      side term  count
    0    x  aid      1
    1    x  war      1
    2    y  war      1
    """
    groups, terms, group_index, term_index, count = _grouped(long_table, term, by)
    order = np.lexsort((code_point_rank(terms)[term_index],
                        code_point_rank(groups)[group_index]))
    frame = pd.DataFrame({
        "term": pd.Series(terms[term_index[order]], dtype=object),
        "count": count[order],
    })
    if by is not None:
        frame.insert(0, by, pd.Series(groups[group_index[order]], dtype=object))
    return frame

# --------------------------------------------------------------------------------------------
# Groups of one corpus
# --------------------------------------------------------------------------------------------


def _counted_frame(terms: np.ndarray, term_index: np.ndarray, count: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"term": pd.Series(terms[term_index], dtype=object), "count": count})


def _pairs(groups: np.ndarray, by: str, target, reference) -> list[tuple[int, int | None]]:
    """Return ``(target index, reference index or None for the rest)`` for each comparison."""
    names = np.argsort(code_point_rank(groups)).tolist()  # the order of counts(by=...)
    valid = ", ".join(repr(groups[i]) for i in names)
    if len(groups) < 2:
        raise ParameterError(
            f"keyness needs at least two groups in column {by!r}, found {valid or 'none'}."
        )
    index = {str(groups[i]): i for i in names}
    for role, value in (("target", target), ("reference", reference)):
        if value is not None and str(value) not in index:
            raise ParameterError(f"parameter {role}: {value!r} is not a group of column "
                                 f"{by!r}; the groups are {valid}.")
    if reference is not None and target is None:
        raise ParameterError("parameter reference needs a target group too.")
    if by in COLUMNS:
        raise ParameterError(f"the group column {by!r} has the name of a keyness column; "
                             "rename it (e.g. to 'doc_group') first.")
    if target is not None and reference is not None and str(target) == str(reference):
        raise ParameterError(f"target and reference are the same group, {target!r}.")
    if target is None:
        return [(i, None) for i in names]
    return [(index[str(target)], None if reference is None else index[str(reference)])]


def compare(
    long_table: pd.DataFrame,
    *,
    by: str,
    term: str = "token",
    target=None,
    reference=None,
    **options,
) -> pd.DataFrame:
    """Compare groups of one corpus: each group against the rest, or one group against another.

    The long table is counted once per group (:func:`counts`); a group's reference is then the
    counts of the other groups (or of ``reference``), merged by term in :func:`table` — no
    text is tokenised again, and per-chunk counts can be fed to the same merge.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence with columns ``term`` and ``by``, e.g. a token table
        (:func:`textkit.tokens.table`) with each document's group added.
    by : str
        The column naming each row's group.
    term : str, default "token"
        The column holding the terms.
    target : str or None, default None
        The group to characterise; ``None`` compares every group with the rest of the corpus.
    reference : str or None, default None
        The group to compare ``target`` with; ``None`` means the rest of the corpus.
    **options
        ``measure``, ``min_count``, ``top_n``, ``correction``, ``alpha`` of :func:`table`
        (``top_n`` and the correction apply to each group's table).

    Returns
    -------
    pandas.DataFrame
        The tables of :func:`table`, one per target group stacked in the order of the groups
        (code-point order for text), with a first column named ``by`` (the target group; e.g.
        ``doc_group``, the document groups' column of :mod:`textkit.groups`); ``c`` is the
        group's size and ``d`` the reference's (for the rest of the corpus, ``c + d`` is the
        whole table). ``attrs["keyness"]`` holds the options, ``by``, ``reference`` and
        ``tests`` (per group).

    Raises
    ------
    ParameterError
        If a column is missing, there are fewer than two groups, or ``target`` / ``reference``
        is not a group (the message lists the groups).

    Examples
    --------
    >>> long = pd.DataFrame({"doc_id": ["1", "1", "2", "2", "3", "3"],
    ...                      "token": ["war", "war", "war", "aid", "aid", "aid"],
    ...                      "side": ["x", "x", "y", "y", "y", "y"]})
    >>> compare(long, by="side")[["side", "term", "a", "b", "c", "d", "direction"]]
       side term  a  b  c  d direction
    0     x  war  2  1  2  4      over
    1     x  aid  0  3  2  4     under
    2     y  aid  3  0  4  2      over
    3     y  war  1  2  4  2     under
    """
    groups, terms, group_index, term_index, count = _grouped(long_table, term, by)
    frames, tests = [], {}
    for mine, other in _pairs(groups, by, target, reference):
        rest = group_index == other if other is not None else group_index != mine
        chosen = group_index == mine
        frame = table(_counted_frame(terms, term_index[chosen], count[chosen]),
                      _counted_frame(terms, term_index[rest], count[rest]), **options)
        frame.insert(0, by, pd.Series([groups[mine]] * len(frame), dtype=object))
        tests[str(groups[mine])] = frame.attrs["keyness"]["tests"]
        frames.append(frame)
    stacked = pd.concat(frames, ignore_index=True)
    stacked.attrs["keyness"] = {**frames[0].attrs["keyness"], "tests": tests, "by": by,
                                "reference": None if reference is None else str(reference)}
    return stacked


# --------------------------------------------------------------------------------------------
# Choosing the comparison (what notebook 04 runs)
# --------------------------------------------------------------------------------------------


def analyse(long_table: pd.DataFrame, *, by: str, reference_table: pd.DataFrame | None = None,
            target: str = "", reference: str = "", term: str = "token",
            **options) -> pd.DataFrame:
    """Run the comparison the parameters ask for: groups of the corpus, or corpus vs reference.

    - With two or more groups in ``by``: each group against the rest of the corpus
      (:func:`compare`); ``target`` picks one group, ``reference`` compares it with another
      group instead of the rest.
    - Otherwise, with a ``reference_table`` (a reference corpus, e.g. the seed against the
      Wikinews articles): the corpus (or its ``target`` group) against the reference.
    - Otherwise there is nothing to compare: an empty table with the same columns.

    Parameters
    ----------
    long_table : pandas.DataFrame
        One row per occurrence, with the ``term`` and ``by`` columns.
    by : str
        The group column (``doc_group`` of :mod:`textkit.groups`).
    reference_table : pandas.DataFrame or None
        The reference corpus's occurrences (``term`` column), or ``None``.
    target, reference : str, default ""
        A group to characterise, and a group to compare it with ("" for every group / the rest).
    term : str, default "token"
    **options
        As in :func:`table`.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`compare`: a first column ``by`` naming the target (``all`` or the
        group for a reference corpus), then the columns of :func:`table`.

    Examples
    --------
    >>> long = pd.DataFrame({"token": ["war", "war", "aid"], "doc_group": ["all"] * 3})
    >>> ref = pd.DataFrame({"token": ["aid", "aid", "aid", "war"]})
    >>> analyse(long, by="doc_group", reference_table=ref)[["doc_group", "term", "a", "b"]]
      doc_group term  a  b
    0       all  war  2  1
    1       all  aid  1  3
    """
    names = sorted(set(long_table[by]))
    if reference_table is not None and reference_table.empty:
        reference_table = None
    if len(names) >= 2:
        return compare(long_table, by=by, term=term, target=target or None,
                       reference=reference or None, **options)
    if reference_table is not None:
        chosen = long_table[long_table[by] == target] if target else long_table
        result = table(counts(chosen, term=term), counts(reference_table, term=term), **options)
        result.insert(0, by, pd.Series([target or (names[0] if names else "all")] * len(result),
                                        dtype=object))
        return result
    return pd.DataFrame(columns=[by, *COLUMNS])


def reference_documents(path: str, *, skip_cleaning: str = "", exclude: pd.DataFrame | None = None,
                        **read_options) -> pd.DataFrame:
    """Read and clean a reference corpus, or return an empty corpus when ``path`` is empty.

    Documents whose text is also in ``exclude`` (the corpus itself) are left out: a reference
    compared with itself finds nothing, and a target counted on both sides is understated.

    Parameters
    ----------
    path : str
        The notebook's ``reference_corpus`` parameter: a corpus path (as for ``corpus``), or "".
    skip_cleaning : str, default ""
        As for the corpus, so both are cleaned alike.
    exclude : pandas.DataFrame or None, default None
        The cleaned corpus (``text`` column): its texts are dropped from the reference.
    **read_options
        ``text_column``, ``encoding``, ``include_all`` of :func:`textkit.files.read_corpus`.

    Returns
    -------
    pandas.DataFrame
        The cleaned documents (``doc_id``, ``text``, ...); no rows when ``path`` is "" or when
        every reference document is in ``exclude``.
    """
    from textkit import clean, files

    if not path:
        return pd.DataFrame({"doc_id": pd.Series([], dtype=object),
                             "text": pd.Series([], dtype=object)})
    reference = clean.corpus(files.read_corpus(path, **read_options), skip=skip_cleaning)
    if exclude is not None and len(exclude):
        reference = reference[~reference["text"].isin(set(exclude["text"]))]
    return reference.reset_index(drop=True)
