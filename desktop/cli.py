"""Command line: ``parallax`` opens the app; ``parallax compare …`` compares without a window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Sequence
from typing import NoReturn

from desktop import __version__, cli_batch, cli_library
from desktop.cli_settings import EXIT_BAD_INPUT, add_settings_arguments, fail, settings_from_args, settings_problem
from desktop.core import collector
from desktop.core.model import Comparison, article_ids
from desktop.core.resources import sample_paths
from desktop.export import write_json
from desktop.export.output_guard import OutputConflict, check_outputs, input_files, printable
from desktop.library import library_path

SUBCOMMANDS = ("compare", "batch", "load", "library")


def build_compare_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("compare", help="compare articles and write JSON/HTML without a window")
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE_OR_URL",
        help="two or more articles (.txt, .md, .html, URL); none: the bundled samples",
    )
    parser.add_argument("--json", metavar="OUT.json", help="write the comparison as JSON (parallax/comparison-v1)")
    parser.add_argument("--html", metavar="OUT.html", help="write a self-contained highlighted HTML report")
    parser.add_argument(
        "--html-full-paths",
        action="store_true",
        help="name local files in the HTML report by their full path (default: file name only, so a shared "
        "report does not show your folders)",
    )
    add_settings_arguments(parser)
    parser.add_argument("--quiet", action="store_true", help="print no summary")
    cli_library.add_save_arguments(parser)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax", description="Compare how different outlets report the same event."
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    build_compare_parser(subparsers)
    cli_batch.build_batch_parser(subparsers)
    cli_batch.build_load_parser(subparsers)
    cli_library.build_library_parser(subparsers)
    return parser


def print_summary(comparison: Comparison, seconds: float) -> None:
    print(f"{len(comparison.articles)} articles, {len(comparison.groups)} alignment groups, {seconds:.2f} s")
    for result in comparison.articles:
        a, s = result.article, comparison.summary[result.article.id]
        name = printable(a.title or a.path)
        print(
            f"  {a.id} [{a.language or '?'}] {name[:60]}: {s.sentences} sentences · {s.identical} identical · "
            f"{s.reworded} reworded · {s.unique} unique · {s.commentary} commentary · "
            f"{s.boilerplate} boilerplate · lacks {s.missing_facts} facts"
        )


def run_compare(args: argparse.Namespace) -> int:
    # The engine is imported here, not with the command line: ``batch`` hands its work to other processes.
    from desktop.core.align import matching
    from desktop.core.pipeline import compare
    from desktop.core.sources.articles import load_articles

    sources = args.inputs or [str(p) for p in sample_paths()]
    if not args.inputs and args.presegmented:
        return fail("--presegmented needs input files")
    problem = settings_problem(args, len(sources))
    if problem:
        return fail(problem)
    try:
        inputs = input_files(sources, article_ids(len(sources)))
        library = library_path(args.db)
        check_outputs([("--json", args.json), ("--html", args.html)], inputs=inputs, library=library)
        if args.save:
            check_outputs([("--save", library)], inputs=inputs)
    except OutputConflict as conflict:
        return fail(str(conflict))
    started = time.perf_counter()
    # Letters follow the order given (as input_files named them above): a failed B leaves A and C.
    loaded = load_articles(sources, presegmented=args.presegmented)
    articles, failed = loaded.articles, loaded.errors
    for error in failed:
        fail(str(error))
    if len(articles) < 2:
        return fail(f"{len(articles)} readable article(s); a comparison needs two")
    settings = settings_from_args(args)
    # One pause from comparing to writing: resuming in between walked every result once (~0.2 s on 2 x 10,000).
    with collector.paused():
        comparison = compare(articles, settings)
        try:
            if args.json:
                write_json(comparison, args.json)
            if args.html:
                from desktop.export import write_html

                write_html(comparison, args.html, full_paths=args.html_full_paths)
        except OSError as error:
            target = error.filename or args.json or args.html
            return fail(f"{target}: cannot write: {error.strerror or error}")
    if cli_library.save_from_args(comparison, args):
        return EXIT_BAD_INPUT
    if not args.quiet:
        print_summary(comparison, time.perf_counter() - started)
        hint = matching.advice(comparison)
        if hint:
            print(f"note: {hint}")
    return EXIT_BAD_INPUT if failed else 0


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """The ``parallax`` command and ``main.py``: ``main``, its code the process's exit status.

    A ``compare`` ends without tearing the interpreter down: its files are written and closed, the library saved
    and closed, the summary printed, and freeing the memos of a long comparison (millions of small objects) was
    the last ~0.7 s of 8 (2 x 10,000 sentences). Every other command, the window above all, exits normally.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    code = main(argv)
    if argv[:1] == ["compare"]:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None: started with the stream closed
                with contextlib.suppress(OSError, ValueError):
                    stream.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    limit_native_threads()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and argv[0] not in {"-h", "--help", "--version"}):
        return run_gui(argv)
    args = build_parser().parse_args(argv)
    if args.command == "compare":
        return run_compare(args)
    if args.command == "batch":
        return cli_batch.run_batch_command(args)
    if args.command == "load":
        return cli_batch.run_load_command(args)
    if args.command == "library":
        return cli_library.run_library_command(args)
    return 0


NATIVE_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def limit_native_threads() -> None:
    """Native thread pools (OpenBLAS, OpenMP, MKL) held to one thread here and in the processes started later.

    numpy's OpenBLAS starts one thread per core and lets them spin between calls; Parallax makes many small matrix
    products (sentence vectors against each other, the link and commentary models), where those threads only wait
    on each other: on two cores a batch partition took 1.5-2.5 s instead of 0.5-0.6 s, and two local worker
    processes were no faster than one. Dask starts its workers with these variables at 1 already, and the sentence
    encoder holds its own forward pass to one thread. Variables the user set are left as they are.
    """
    if any(name in os.environ for name in NATIVE_THREAD_VARIABLES):
        return
    for name in NATIVE_THREAD_VARIABLES:
        os.environ[name] = "1"  # inherited by local batch processes
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)  # numpy, imported with this module, loaded its pool already


def run_gui(argv: list[str]) -> int:
    """Open the desktop window (``parallax [--db PATH] [FILE_OR_URL …]``); without Qt, compare on the console."""
    gui = argparse.ArgumentParser(prog="parallax", description="Open the Parallax window.")
    cli_library.add_db_argument(gui)
    gui.add_argument("files", nargs="*", metavar="FILE_OR_URL", help="articles to open")
    gui.add_argument(
        "--samples",
        action="store_true",
        help="open the bundled sample articles (without files and without this: the start page)",
    )
    args = gui.parse_args(argv)
    try:
        from desktop.ui.app import run
    except ModuleNotFoundError:
        return main(["compare", *args.files])
    return run(args.files, db=args.db, samples=args.samples)
