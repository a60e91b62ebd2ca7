"""Start Parallax from a checkout: ``python main.py`` opens the app, ``python main.py compare …`` runs the CLI."""

import sys

from desktop.cli import run

if __name__ == "__main__":
    # From a checkout, no arguments opens the bundled samples (``make run``); the installed ``parallax`` command
    # (the desktop entry) shows the start page instead.
    run(sys.argv[1:] or ["--samples"])
