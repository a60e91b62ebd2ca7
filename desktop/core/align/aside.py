"""The aligner in a second process, so that a long comparison uses a second core.

Aligning two long documents (numpy and rapidfuzz: ~3 s for 2 x 10,000 sentences) and reading their sentences
(commentary cues, facts, fact indexes: pure Python, ~5 s) do not depend on each other, and Python runs one thread
at a time: so a child process aligns while the comparing process reads ahead. A child costs a few tenths of a
second to start, so only long inputs go aside, and only where a child may be started at all: not in a frozen build,
not inside a daemonic process (a pool's worker), not on one core. When the child cannot deliver (killed, out of
memory) the alignment runs here instead: a comparison never fails for want of a second process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from typing import Any, Generic, TypeVar

from desktop.core.align.cancellation import ComparisonCancelled

MIN_SENTENCES = 4_000  # below this the child's start-up costs more than it saves
POLL_SECONDS = 0.1  # how often a waiting comparison looks at its cancel flag

T = TypeVar("T")


def worth_it(sentences: int) -> bool:
    """Whether aligning ``sentences`` sentences in a child process pays here."""
    return (
        sentences >= MIN_SENTENCES
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


class Aside(Generic[T]):
    """``call(**kwargs, cancelled=None)`` started in a child process; ``result`` waits for it. Used as a context
    manager, so the child is stopped however the ``with`` block ends (a cancel while reading ahead, an error)."""

    def __init__(self, call: Callable[..., T], **kwargs: Any) -> None:
        self._call = call
        self._kwargs = kwargs
        # A fresh interpreter on every system (a fork of this threaded process would copy its locks mid-use).
        context = multiprocessing.get_context("spawn")
        self._receive, send = context.Pipe(duplex=False)
        jobs, self._give = context.Pipe(duplex=False)
        self._process: SpawnProcess | None = context.Process(target=_serve, args=(jobs, send), daemon=True)
        try:
            self._process.start()
        except (OSError, RuntimeError, pickle.PicklingError):  # no child here: ``result`` aligns in this process
            self._process = None
        send.close()  # the child holds the only sending end: its exit ends the pipe
        jobs.close()
        # The job goes down the pipe from a thread: the child reads it only once it has imported the aligner
        # (~0.5 s), and a pipe holds far less than two long articles, so writing it here kept this process
        # waiting instead of reading ahead.
        self._sender: threading.Thread | None = None
        if self._process is not None:
            self._sender = threading.Thread(target=self._send_job, name="aside-job", daemon=True)
            self._sender.start()
        else:
            self._give.close()

    def _send_job(self) -> None:
        try:
            self._give.send((self._call, self._kwargs))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # the child finds the pipe closed and ends without an answer: ``result`` runs the call here
        finally:
            self._give.close()

    def __enter__(self) -> Aside[T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop()

    def result(self, cancelled: Callable[[], bool] | None = None) -> T:
        """The child's answer; raises ``ComparisonCancelled`` (and stops the child) once ``cancelled()`` turns
        true; runs ``call`` here when the child ends without an answer, and re-raises the child's error."""
        try:
            if self._process is None:
                raise EOFError
            while not self._receive.poll(POLL_SECONDS):
                if cancelled is not None and cancelled():
                    raise ComparisonCancelled()
            kind, value = self._receive.recv()
        except (EOFError, OSError):
            return self._call(**self._kwargs, cancelled=cancelled)
        finally:
            self._stop()
        if kind == "error":
            raise value
        result: T = value
        return result

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._process = None
        if self._sender is not None:
            self._sender.join()  # the child is gone, so a write still waiting in it has failed and returned
            self._sender = None
        self._receive.close()


def _serve(jobs: Connection, send: Connection) -> None:
    """The child: wait for the job, run it, send back its value or its error."""
    try:
        call, kwargs = jobs.recv()
    except (EOFError, OSError):
        return  # no job came: the parent runs it itself
    finally:
        jobs.close()
    try:
        send.send(("value", call(**kwargs, cancelled=None)))
    except BaseException as error:  # handed to the parent, which raises it where the comparison runs
        send.send(("error", error))
    finally:
        send.close()
