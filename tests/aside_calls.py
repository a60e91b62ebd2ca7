"""Functions a test starts in a child process (``desktop.core.align.aside``): a child imports them by name."""

import os
import threading
import time


def add(a, b, cancelled=None):
    return a + b


def refuse(cancelled=None):
    raise ValueError("refused in the child")


def wait(seconds, cancelled=None):
    time.sleep(seconds)
    return seconds


def length(text, cancelled=None):
    return len(text)


def process_id(marker=None, cancelled=None):
    return os.getpid()


def end_child(parent, cancelled=None):
    """Ends the child process without an answer, once its earlier answers are out (the child writes each from a
    thread while the next call runs: ending at once lost the first answer under load); run in the parent, it
    answers."""
    if os.getpid() != parent:
        for thread in threading.enumerate():
            if thread.name == "aside-answer":
                thread.join()
        os._exit(1)
    return "answered here"


def unpicklable(cancelled=None):
    """A value that cannot travel back from the child."""
    return lambda: os.getpid()
