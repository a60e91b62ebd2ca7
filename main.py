"""Start Parallax from a checkout: ``python main.py`` opens the app, ``python main.py compare …`` runs the CLI."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
