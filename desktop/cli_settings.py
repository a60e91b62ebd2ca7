"""What the commands that compare share: the settings flags, their checks before anything is loaded, and the
one line every refusal prints."""

from __future__ import annotations

import argparse
import math
import sys

from desktop.core.model import MatchMode, Settings, article_ids
from desktop.export.output_guard import printable

EXIT_BAD_INPUT = 2


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    """The comparison settings every command that compares accepts (compare, batch)."""
    parser.add_argument("--presegmented", action="store_true", help="each non-empty line is one sentence")
    parser.add_argument(
        "--threshold",
        type=float,
        default=Settings().threshold,
        help="similarity threshold in [0, 1] (default %(default)s)",
    )
    parser.add_argument(
        "--reference", metavar="ID", default="A", help="article id the others are diffed against (default A)"
    )
    parser.add_argument("--case-sensitive", action="store_true", help="let case differences count when matching")
    parser.add_argument("--keep-punctuation", action="store_true", help="let punctuation count when matching")
    parser.add_argument(
        "--match",
        choices=tuple(MatchMode),  # as ``matching.MODES``, without importing the aligner for a flag
        default=Settings().match,
        help="how sentences are matched: auto (combined for three or more articles or two languages, else fuzzy), "
        "fuzzy strings, semantic (multilingual sentence vectors), both (strings and vectors in one bead score) or "
        "combined (all evidence through the calibrated link model; default %(default)s)",
    )


def settings_from_args(args: argparse.Namespace) -> Settings:
    return Settings(
        threshold=args.threshold,
        ignore_case=not args.case_sensitive,
        ignore_punctuation=not args.keep_punctuation,
        reference=args.reference,
        presegmented=args.presegmented,
        match=getattr(args, "match", Settings().match),
    )


def settings_problem(args: argparse.Namespace, article_count: int | None = None) -> str | None:
    """What is wrong with the settings flags, checked before anything is loaded or fetched; None when fine.

    ``article_count`` is known for ``compare`` (the ids are A, B, … in the order given); a batch corpus has
    clusters of different sizes, so there only the form of ``--reference`` can be checked.
    """
    threshold = args.threshold
    if not math.isfinite(threshold) or not 0.0 <= threshold <= 1.0:
        return f"--threshold must be a number between 0 and 1, not {threshold}"
    reference = args.reference
    if article_count is not None:
        ids = article_ids(article_count)
        if reference not in ids:
            shown = ", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")
            return f"--reference {reference!r} names no article; the articles are {shown}"
    elif not (reference.isascii() and reference.isalpha() and reference.isupper()):
        return f"--reference {reference!r} is not an article id (A, B, C, …)"
    save = getattr(args, "save", None)
    if save is not None and not save.strip():
        return "--save needs a name (it was empty)"
    return None


def fail(message: str) -> int:
    """The one line every refusal prints; file names in it are escaped so they cannot drive the terminal."""
    print(f"parallax: error: {printable(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT
