"""Keyword-in-context (KWIC) concordance lines.

One concordance function serves every analysis: it takes a text and the character spans of the
matches (an actor mention, a node word, a collocation) and returns a table of left context,
match and right context. Contexts are cut at ``width`` characters and newlines are shown as
spaces, so each line reads on one row.
"""

from __future__ import annotations

import pandas as pd

#: Columns of the table :func:`lines` returns.
COLUMNS = ("start", "end", "left", "match", "right")


def lines(text: str, spans: list[tuple[int, int]], *, width: int = 40) -> pd.DataFrame:
    """Return one concordance line per span, in text order.

    Parameters
    ----------
    text : str
        The (cleaned) text the spans point into.
    spans : list of (int, int)
        ``(start, end)`` character offsets of the matches.
    width : int, default 40
        Characters of context on each side (fewer at the start or end of the text).

    Returns
    -------
    pandas.DataFrame
        Sorted by ``start`` then ``end``, with columns

        - ``start``, ``end`` (int): the match's character offsets in ``text``;
        - ``left`` (str): up to ``width`` characters before the match, right-aligned reading;
        - ``match`` (str): the matched text;
        - ``right`` (str): up to ``width`` characters after the match.

    Examples
    --------
    >>> text = "The Kremlin said on Thursday. Peskov said no."
    >>> lines(text, [(30, 36)], width=12)
       start  end          left   match     right
    0     30   36  n Thursday.   Peskov   said no.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1 character, got {width}")
    rows = []
    for start, end in sorted(spans):
        left = text[max(0, start - width) : start].replace("\n", " ")
        right = text[end : end + width].replace("\n", " ")
        rows.append((start, end, left, text[start:end].replace("\n", " "), right))
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(
        {"start": "int64", "end": "int64", "left": object, "match": object, "right": object}
    )
