"""Where the per-text work of a run is done: in processes on this machine, or on a dask cluster.

The most expensive step of a run is splitting every text into sentences and tokens
(:func:`textkit.textindex.build`). Each text is done on its own, so the work is a map of one
function over the texts; :func:`map_texts` runs that map on one of two engines (:data:`ENGINES`)
and hands back each result with the position of its text:

``local`` (the default)
    Processes on this machine: ``jobs`` of them (a
    :class:`~concurrent.futures.ProcessPoolExecutor`), or, with ``jobs=1``, a plain loop in this
    process.

``dask``
    The workers of a `dask.distributed <https://distributed.dask.org>`_ cluster. Given a
    scheduler address (``tcp://host:8786``), the texts go to that cluster's workers; without one,
    a ``LocalCluster`` of ``jobs`` single-threaded worker processes is started on this machine
    (listening on 127.0.0.1 only, no dashboard) and closed at the end, also after an error or
    Ctrl-C.

The results do not depend on the engine or on ``jobs``: the same function is applied to the
same text, only elsewhere. Each text is one task, the longest sent first, so that no worker is
left with a long text at the end while the others wait; or, with ``stream``, each text as soon
as it comes (the caller orders them).

A real cluster: every worker needs the same textkit version as the machine where ``textkit run``
runs, with its dependencies (``pip install textkit`` as pinned in ``requirements.lock``, or the
conda environment of ``environment.yml``), since the workers import the function by name. The
texts themselves are sent from the client, so the corpus need only be readable where
``textkit run`` runs, not on the workers. Start the scheduler and workers with
``dask scheduler`` and ``dask worker tcp://SCHEDULER:8786`` (see the dask.distributed
documentation), then pass that address as ``scheduler``.

Examples
--------
>>> sorted(map_texts(len, ["US aid came.", "It did."]))
[(0, 12), (1, 7)]
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from textkit.errors import ParameterError

#: The engine names :func:`map_texts` accepts, the default first.
ENGINES = ("local", "dask")

#: How long a client waits to reach a given dask scheduler before giving up, in seconds.
CONNECT_TIMEOUT = 10


def map_texts(function: Callable[[str], Any], texts: Iterable[str], *, engine: str = "local",
              jobs: int = 1, scheduler: str | None = None,
              stream: bool = False) -> Iterator[tuple[int, Any]]:
    """Apply ``function`` to every text on an engine; yield ``(position, result)`` pairs.

    The pairs come in the order the results are ready, which is not the order of ``texts`` when
    the work is shared: each carries the position of its text in ``texts`` (from 0). Each result
    is handed on as soon as it is ready and not kept here, so a caller that saves or merges them
    one by one never holds them all at once.

    Parameters
    ----------
    function : callable
        A function of one text, defined at the top level of an importable module (it is
        pickled by name and run in other processes, possibly on other machines).
    texts : iterable of str
        The texts.
    engine : {"local", "dask"}, default "local"
        Where to run: see :data:`ENGINES` and the module documentation.
    jobs : int, default 1
        ``local``: worker processes (1 or less: a plain loop in this process). ``dask`` without
        ``scheduler``: the workers of the ``LocalCluster`` started for the map. Not used with a
        scheduler, whose cluster has the workers it has.
    scheduler : str, optional
        ``dask`` only: the address of a running dask scheduler, e.g. ``tcp://10.0.0.5:8786``.
    stream : bool, default False
        ``local`` with several ``jobs``: take each text as it comes, in the order given, and
        send it to a worker at once, the workers started before the first text is asked for (a
        generator that is still reading and cleaning a corpus keeps them busy meanwhile, and
        they start small). Without it (and on ``dask``, which lists the texts first either
        way), the longest text goes first.

    Yields
    ------
    tuple of (int, object)
        The position of a text in ``texts`` and ``function`` of that text.

    Raises
    ------
    textkit.errors.ParameterError
        At the call (before any work) for an unknown engine, a ``jobs`` that is not a whole
        number, a scheduler without ``engine="dask"``, or ``dask`` when dask.distributed is not
        installed; when iteration starts, for a scheduler that cannot be reached.

    Examples
    --------
    >>> texts = ["Kyiv.", "US aid came. It did.", "No."]
    >>> dict(map_texts(len, texts, jobs=2)) == {i: len(t) for i, t in enumerate(texts)}
    True
    >>> list(map_texts(len, texts, engine="spark"))
    Traceback (most recent call last):
    ...
    textkit.errors.ParameterError: parameter engine: unknown engine 'spark'. ...
    """
    _check(engine, jobs, scheduler)
    if jobs <= 1 and engine == "local":
        return ((position, function(text)) for position, text in enumerate(texts))
    if stream and engine == "local":
        return _streamed(function, texts, jobs)
    texts = list(texts)
    if engine == "dask":
        return _on_dask(function, texts, jobs, scheduler)
    if len(texts) <= 1:
        return ((position, function(text)) for position, text in enumerate(texts))
    return _on_processes(function, texts, jobs)


def _check(engine: str, jobs: int, scheduler: str | None) -> None:
    """Raise :class:`ParameterError` for arguments :func:`map_texts` cannot run with."""
    if engine not in ENGINES:
        raise ParameterError(
            f"parameter engine: unknown engine {engine!r}. Use one of {', '.join(ENGINES)}: "
            "'local' for processes on this machine, 'dask' for a dask.distributed cluster.")
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise ParameterError(
            f"parameter jobs: expected a whole number of worker processes, got {jobs!r}. "
            "Give e.g. 4 (1 runs everything in this process).")
    if scheduler is not None and engine != "dask":
        raise ParameterError(
            f"parameter scheduler: a scheduler address ({scheduler!r}) is only used with the "
            f"dask engine, but engine is {engine!r}. Choose engine 'dask', or leave the "
            "scheduler out.")
    if engine == "dask":
        try:
            importlib.import_module("dask.distributed")
        except ImportError as error:
            raise ParameterError(
                f"parameter engine: engine 'dask' needs dask.distributed, which cannot be "
                f"imported here ({error}). Install it with `pip install \"dask[distributed]\"` "
                "(it is among textkit's dependencies), or use engine 'local'.") from error


def longest_first(texts: list[str]) -> list[int]:
    """The positions of the texts, the longest text first (ties in input order): the order the
    engines send a list of texts in, so that no worker is left with a long text at the end.

    >>> longest_first(["ab", "abcd", "", "wxyz"])
    [1, 3, 0, 2]
    """
    return sorted(range(len(texts)), key=lambda position: -len(texts[position]))


def _on_processes(function, texts: list[str], jobs: int) -> Iterator[tuple[int, Any]]:
    """The ``local`` engine with ``jobs`` worker processes: :func:`_streamed` over the texts,
    the longest first."""
    order = longest_first(texts)
    for sent, result in _streamed(function, (texts[position] for position in order), jobs):
        yield order[sent], result


def _streamed(function, texts: Iterable[str], jobs: int) -> Iterator[tuple[int, Any]]:
    """The ``local`` engine: each text sent as it comes, in the order given, results handed on as
    they are ready (a callback collects them while texts are still coming, so each text costs
    the same whatever the number of texts)."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor, wait

    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        pool.submit(int).result()  # every worker starts now, before this process reads a text
        waiting, ready = {}, deque()
        for position, text in enumerate(texts):
            future = pool.submit(function, text)
            waiting[future] = position
            future.add_done_callback(ready.append)  # from the pool's thread; deque is safe
            while ready:
                done = ready.popleft()
                yield waiting.pop(done), done.result()
        while waiting:  # every text sent: the rest as they finish (the deque is done with)
            finished, _ = wait(waiting, return_when="FIRST_COMPLETED")
            for done in finished:
                yield waiting.pop(done), done.result()
    finally:  # also on an error, Ctrl-C or a caller that stops early: drop the queued texts
        pool.shutdown(wait=True, cancel_futures=True)


def _on_dask(function, texts: list[str], jobs: int,
             scheduler: str | None) -> Iterator[tuple[int, Any]]:
    """The ``dask`` engine: a given scheduler's cluster, or a ``LocalCluster`` of ``jobs``."""
    from dask.distributed import as_completed

    client, cluster = _connect(jobs, scheduler)
    try:
        order = longest_first(texts)
        waiting = {}
        for rank, position in enumerate(order):  # higher priority runs first
            future = client.submit(function, texts[position], pure=False,
                                   priority=len(order) - rank)
            waiting[future] = position
        for future in as_completed(waiting, loop=client.loop):
            position = waiting.pop(future)
            result = future.result()
            future.release()  # the worker may forget it now
            yield position, result
    finally:  # also on an error, Ctrl-C or a caller that stops early
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(jobs: int, scheduler: str | None):
    """Return ``(client, cluster)``: a client of the scheduler, or of a new ``LocalCluster``."""
    from dask.distributed import Client, LocalCluster

    if scheduler is None:
        # No dashboard; the scheduler's small HTTP server (health checks) gets a free port on
        # 127.0.0.1 instead of 8787, so that two runs do not compete for one port.
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None,
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        try:
            return Client(cluster, set_as_default=False), cluster
        except BaseException:
            cluster.close()
            raise
    try:
        return Client(scheduler, timeout=f"{CONNECT_TIMEOUT}s", set_as_default=False), None
    except (OSError, ValueError, TypeError) as error:
        raise ParameterError(
            f"parameter scheduler: engine 'dask' cannot reach the dask scheduler at "
            f"{scheduler} ({type(error).__name__}: {error}). Start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS` (with the same textkit version), check the "
            "address, or leave the scheduler out to start a LocalCluster on this "
            "machine.") from error
