"""Giving freed memory back to the system, after steps that build large temporary objects.

When Python frees the many small and middle-sized objects of a large step (a chunk's token
codes, the per-chunk tables merged into one), glibc keeps the freed pages for the process's
later use; they still count in its resident memory (RSS), often for the rest of a notebook.
:func:`give_back` asks glibc to return them (``malloc_trim``), as dask's workers do; the
functions decorated with :func:`gives_back` call it when they finish. On a system without
glibc nothing happens. Results never change: only where freed memory waits.
"""

from __future__ import annotations

import ctypes
import functools

__all__ = ["give_back", "gives_back"]


@functools.lru_cache(maxsize=1)
def _trim():
    """glibc's ``malloc_trim``, or None where there is none.

    Looked up among the symbols the interpreter has loaded already (``dlopen(NULL)``), where the
    C library always is. ``ctypes.util.find_library("c")`` would run ``ldconfig -p`` in a child
    process: a copy of a kernel that may hold gigabytes by the time of its first long step,
    started only to learn a file name.
    """
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def give_back() -> None:
    """Return the C heap's free pages to the system (glibc's ``malloc_trim(0)``)."""
    trim = _trim()
    if trim is not None:
        trim(0)


def gives_back(function):
    """Decorate a step that builds large temporary objects: :func:`give_back` once it ends
    (also after an error)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            give_back()

    return wrapper
