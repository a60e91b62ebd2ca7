"""``parallax batch``: compare a whole corpus of event clusters on local processes or Dask."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

EXIT_BAD_INPUT = 2


def build_batch_parser(subparsers: Any) -> None:
    from desktop.cli_settings import add_settings_arguments

    parser = subparsers.add_parser(
        "batch",
        help="compare every event cluster of a corpus (JSONL, CSV or Parquet) into Parquet tables",
        description="One row per article with a cluster id; each cluster is compared like `parallax compare`.",
    )
    parser.add_argument("corpus", help="corpus file: .jsonl, .csv or .parquet")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder for the Parquet tables")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="where to run (default local)")
    parser.add_argument("--workers", type=int, default=1, metavar="N", help="processes (local) or LocalCluster workers")
    parser.add_argument("--scheduler", metavar="tcp://HOST:8786", help="address of an existing Dask scheduler")
    parser.add_argument("--partition-size", type=int, default=25, metavar="N", help="clusters per output partition")
    parser.add_argument("--resume", action="store_true", help="skip partitions an earlier run of the same job finished")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="the output folder holds another run: remove its results first (other files are kept)",
    )
    parser.add_argument(
        "--allow-paths-outside",
        action="store_true",
        help="let corpus rows name files outside the corpus file's folder (refused by default)",
    )
    parser.add_argument(
        "--allow-urls", action="store_true", help="let corpus rows name http(s) addresses to fetch (refused by default)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    for field, default in (
        ("cluster", "cluster_id"),
        ("article", "article_id"),
        ("source", "source"),
        ("title", "title"),
        ("text", "text"),
        ("path", "path"),
    ):
        parser.add_argument(
            f"--{field}-col", default=default, metavar="NAME", help=f"column with the {field} (default {default})"
        )
    add_settings_arguments(parser)


def _fail(message: str) -> int:
    from desktop.cli_settings import fail

    return fail(message)


def _batch_problem(args: argparse.Namespace) -> str | None:
    """Flags and paths checked before the corpus is read: one line each, nothing written."""
    from pathlib import Path

    from desktop.batch.manifest import MANAGED
    from desktop.cli_settings import settings_problem
    from desktop.export.output_guard import Named, OutputConflict, check_inputs_outside, check_outputs

    problem = settings_problem(args)
    if problem:
        return problem
    for flag, value in (("--partition-size", args.partition_size), ("--workers", args.workers)):
        if value < 1:
            return f"{flag} must be at least 1, not {value}"
    if args.resume and args.overwrite:
        return "--resume and --overwrite contradict each other; give one"
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    out, corpus = Path(args.out), Named(Path(args.corpus), f"the corpus ({args.corpus})")
    try:
        check_outputs([("--out", out)], inputs=[corpus])
        # The run replaces its table files and --overwrite removes them: the corpus must not be among them.
        check_inputs_outside([corpus], [Named(out / name, f"the output's {name}") for name in MANAGED])
    except OutputConflict as error:
        return str(error)
    return None


def run_batch_command(args: argparse.Namespace) -> int:
    from desktop.cli_settings import settings_from_args

    try:
        from desktop.batch.corpus import Columns, CorpusError, SourcePolicy
        from desktop.batch.engines import EngineError
        from desktop.batch.manifest import OutputFolderError
        from desktop.batch.runner import BatchOptions, run_batch
    except ImportError as error:
        if getattr(sys, "frozen", False):
            print(
                "parallax: error: batch mode is not part of the desktop bundle; "
                "install the Python package with: pip install 'parallax[batch]'",
                file=sys.stderr,
            )
        else:
            return _fail(f"batch mode needs {error.name}: pip install 'parallax[batch]'")
        return EXIT_BAD_INPUT
    problem = _batch_problem(args)
    if problem:
        return _fail(problem)
    options = BatchOptions(
        engine=args.engine,
        processes=args.workers,
        scheduler=args.scheduler,
        partition_size=args.partition_size,
        resume=args.resume,
        overwrite=args.overwrite,
        sources=SourcePolicy(allow_paths_outside=args.allow_paths_outside, allow_urls=args.allow_urls),
        progress=not args.no_progress,
        columns=Columns(
            args.cluster_col, args.article_col, args.source_col, args.title_col, args.text_col, args.path_col
        ),
    )
    try:
        report = run_batch(args.corpus, args.out, settings_from_args(args), options)
    except (CorpusError, EngineError, OutputFolderError) as error:
        return _fail(str(error))
    from desktop.export.output_guard import printable

    print("\n".join(printable(line) for line in report.lines()))
    return 0


def build_load_parser(subparsers: Any) -> None:
    from desktop.cli_library import add_db_argument

    parser = subparsers.add_parser(
        "load",
        help="import a batch output folder into the library, queryable like comparisons made in the app",
    )
    parser.add_argument("out_dir", metavar="DIR", help="a folder written by `parallax batch --out DIR`")
    parser.add_argument("--prefix", default="", help="name prefix for the imported comparisons (default: DIR's name)")
    add_db_argument(parser)


def run_load_command(args: argparse.Namespace) -> int:
    """Each cluster becomes one library comparison named "<prefix> / <cluster>"; loading again updates them."""
    from pathlib import Path

    from desktop.export import from_dict

    try:
        from desktop.batch.output import OutputReadError, read_table
    except ImportError as error:
        print(
            f"parallax: error: loading batch results needs {error.name}: pip install 'parallax[batch]'", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    from desktop.batch.manifest import MANAGED
    from desktop.export.output_guard import Named, OutputConflict, check_outputs, library_target_problem, printable
    from desktop.library import LibraryError, library_path, open_library

    folder = Path(args.out_dir)
    try:  # the library this writes must not be one of the batch files it reads
        batch_files = [Named(folder / name, f"the batch output's {name}") for name in MANAGED]
        check_outputs([("--db", library_path(args.db))], protected_folders=batch_files)
    except OutputConflict as error:
        return _fail(str(error))
    if not (folder / "_done").is_dir():
        return _fail(f"{folder}: not a batch output folder (no finished partitions)")
    prefix = args.prefix or folder.resolve().name
    try:
        rows = read_table(folder, "comparisons").to_pylist()
    except OutputReadError as error:
        return _fail(str(error))
    problem = library_target_problem(library_path(args.db))
    if problem:
        return _fail(f"{library_path(args.db)}: {problem}")
    try:
        store = open_library(library_path(args.db))
        existing = {info.name: info.id for info in store.list()}
        for row in rows:
            name = f"{prefix} / {row['cluster']}"
            comparison = from_dict(json.loads(row["comparison"]))
            if name in existing:
                store.update(existing[name], comparison)
            else:
                existing[name] = store.save(comparison, name)
    except LibraryError as error:
        return _fail(str(error))
    print(printable(f"{len(rows)} clusters loaded into {library_path(args.db)} as '{prefix} / <cluster>'"))
    return 0
