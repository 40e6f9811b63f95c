"""Escape text that came from a user or a corpus before it goes into Markdown or HTML.

A parameter value, a document id, an actor name or a word of the corpus can hold ``<script>``,
``*`` or ``|``. Shown raw in a Markdown cell, the browser would run the script (in JupyterLab,
the executed notebook's HTML and the run's ``index.html``), and the rest would turn into
emphasis or break a table. :func:`markdown` makes such text show as typed.
"""

from __future__ import annotations

import html
import re

#: Characters with a meaning in Markdown (CommonMark and GitHub tables), escaped with "\\".
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def markdown(text) -> str:
    """Return ``text`` escaped so Markdown shows it as typed and HTML runs nothing in it.

    Parameters
    ----------
    text : object
        Any value; it is turned into text with ``str``.

    Returns
    -------
    str
        HTML special characters become entities (``<`` → ``&lt;``), Markdown specials get a
        backslash.

    Examples
    --------
    >>> markdown("<script>alert(1)</script>")
    '&lt;script&gt;alert\\\\(1\\\\)&lt;/script&gt;'
    >>> markdown("united states")
    'united states'
    >>> markdown("a|b *c*")
    'a\\\\|b \\\\*c\\\\*'
    """
    escaped = html.escape(str(text), quote=False)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
