"""The aligner in a second process, so that a long comparison uses a second core.

Aligning two long documents (numpy and rapidfuzz: ~3 s for 2 x 10,000 sentences) and reading their sentences
(commentary cues, facts, fact indexes: pure Python, ~5 s) do not depend on each other, and Python runs one thread
at a time: so a child process aligns (matched by both strings and meaning: finds the fuzzy aligner's groups, the
comparing process holding the encoder) while the comparing process reads ahead. A child costs a few tenths of a
second to start, so only long inputs go aside, and only where a child may be started at all: not in a frozen build,
not inside a daemonic process (a pool's worker), not on one core. When the child cannot deliver (killed, out of
memory) what it has not answered runs here instead: a comparison never fails for want of a second process.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from typing import Any

from desktop.core.align.cancellation import ComparisonCancelled

# Below this many characters (all articles together; ~4,000 sentences of news) the child's start-up costs more
# than it saves. Counted in characters so that the child can start before the articles are segmented.
MIN_CHARACTERS = 400_000
POLL_SECONDS = 0.1  # how often a waiting comparison looks at its cancel flag


def worth_it(characters: int) -> bool:
    """Whether aligning articles of ``characters`` characters in all in a child process pays here."""
    return (
        characters >= MIN_CHARACTERS
        and (os.cpu_count() or 1) >= 2
        and not getattr(sys, "frozen", False)
        and not multiprocessing.current_process().daemon
        and _main_importable()
    )


def _main_importable() -> bool:
    """A new interpreter runs the main script again before the aligner (guarded by ``__name__``): there must be
    one on disk, or none at all (an interactive session), not code read from standard input."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return path is None or os.path.isfile(path)


class Aside:
    """A child process that imports the modules ``prepare`` names as it starts, then runs the ``calls`` given to
    ``run`` (each taking ``cancelled=None``) one after another; each ``result`` waits for the next one's value, so
    the comparison takes the alignment while the child still indexes. Used as a context manager, so the child is
    stopped however the ``with`` block ends (a cancel while reading ahead, an error)."""

    def __init__(self, prepare: tuple[str, ...] = ()) -> None:
        self._calls: tuple[Callable[..., Any], ...] = ()
        self._received = 0
        # A fresh interpreter on every system (a fork of this threaded process would copy its locks mid-use),
        # started before the calls are known, so that it imports while this process still segments.
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        jobs, self._give = context.Pipe(duplex=False)
        self._process: SpawnProcess | None = context.Process(target=_serve, args=(jobs, send, prepare), daemon=True)
        try:
            self._process.start()
        except (OSError, RuntimeError, pickle.PicklingError):  # no child here: ``result`` runs the calls here
            self._process = None
        send.close()  # the child holds the only sending end: its exit ends the pipe
        jobs.close()
        self._sender: threading.Thread | None = None

    def run(self, *calls: Callable[..., Any]) -> None:
        """Hand the child its calls. They go down the pipe from a thread: the child reads them only once it has
        imported what it prepares (~0.4 s), and a pipe holds far less than two long articles, so writing them
        here kept this process waiting instead of reading ahead."""
        self._calls = calls
        if self._process is not None:
            self._sender = threading.Thread(target=self._send_calls, name="aside-calls", daemon=True)
            self._sender.start()
        else:
            self._give.close()

    def _send_calls(self) -> None:
        try:
            self._give.send(self._calls)
        except Exception:  # unpicklable calls, or the child gone: it finds the pipe closed, ``result`` runs them here
            pass
        finally:
            self._give.close()

    def __enter__(self) -> Aside:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop()

    def waiting(self) -> bool:
        """Whether the next answer is still to come from a running child: the comparison reads ahead meanwhile."""
        try:
            return self._process is not None and not self._receive.poll(0)
        except (EOFError, OSError):
            return False

    def result(self, cancelled: Callable[[], bool] | None = None) -> Any:
        """The next call's value; raises ``ComparisonCancelled`` (and stops the child) once ``cancelled()`` turns
        true; runs the call here when the child ends without its answer, and re-raises the child's error."""
        call = self._calls[self._received]
        self._received += 1
        try:
            if self._process is None:
                raise EOFError
            while not self._receive.poll(POLL_SECONDS):
                if cancelled is not None and cancelled():
                    raise ComparisonCancelled()
            kind, value = self._receive.recv()
        except (EOFError, OSError):
            self._stop()  # the calls left all run here
            return call(cancelled=cancelled)
        except BaseException:
            self._stop()
            raise
        if kind == "error":
            self._stop()
            raise value
        if self._received == len(self._calls):
            self._stop()
        return value

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
        if self._sender is not None:
            self._sender.join()  # the child is gone, so a write still waiting in it has failed and returned
            self._sender = None
        self._give.close()  # if no calls were ever handed over
        self._receive.close()


def _serve(jobs: Connection, send: Connection, prepare: tuple[str, ...]) -> None:
    """The child: import what it prepares, wait for the calls, run them in order, send back each value, or the
    first error. A value is written from a thread while the next call runs: the parent reads it only when it asks
    for it, and until then a value larger than the pipe kept the child waiting instead of working."""
    for module in prepare:
        importlib.import_module(module)
    try:
        calls = jobs.recv()
    except (EOFError, OSError):
        return  # no calls came: the parent runs them itself
    finally:
        jobs.close()
    writing: threading.Thread | None = None
    failed = threading.Event()

    def write(message: tuple[str, Any]) -> bool:
        nonlocal writing
        if writing is not None:
            writing.join()  # in order
        if failed.is_set():
            return False
        writing = threading.Thread(target=_send, args=(send, message, failed), name="aside-answer")
        writing.start()
        return True

    try:
        for call in calls:
            if not write(("value", call(cancelled=None))):
                break  # an answer did not go: the parent, finding the pipe closed, runs that call and the rest
    except BaseException as error:  # handed to the parent, which raises it where the comparison runs
        write(("error", error))
    finally:
        if writing is not None:
            writing.join()
        send.close()


def _send(send: Connection, message: tuple[str, Any], failed: threading.Event) -> None:
    try:
        send.send(message)
    except Exception:  # a value that does not pickle, or the parent gone: no later answer may take its place
        failed.set()
