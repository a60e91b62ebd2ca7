"""Start Parallax from a checkout: ``python main.py`` opens the app, ``python main.py compare …`` runs the CLI."""

import sys

if __name__ == "__main__":
    # Imported here, not above: a long comparison's aligning child process runs this file again (as
    # ``__mp_main__``) and needs only the aligner, not the whole command line (~0.1 s of its start).
    from desktop.cli import run

    # From a checkout, no arguments opens the bundled samples (``make run``); the installed ``parallax`` command
    # (the desktop entry) shows the start page instead.
    run(sys.argv[1:] or ["--samples"])
