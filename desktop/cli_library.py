"""``parallax library list|show|search|export|delete|repair`` and ``parallax compare … --save NAME``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from desktop.core.model import Comparison, Note
from desktop.export import to_dict, write_json
from desktop.export.output_guard import OutputConflict, check_outputs, library_target_problem, printable
from desktop.library import ENV_VAR, library_path

if TYPE_CHECKING:
    # sqlite-utils imports pandas when it is installed (~0.5 s): plain `compare` must not pay for it.
    from desktop.library import ComparisonInfo, LibraryStore

EXIT_BAD_INPUT = 2


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", help=f"library file (default: ${ENV_VAR}, else the per-user data folder)"
    )


def add_save_arguments(parser: argparse.ArgumentParser) -> None:
    """For ``compare``: keep the result in the library as well as (or instead of) writing files."""
    parser.add_argument("--save", metavar="NAME", help="save the comparison in the library under NAME")
    add_db_argument(parser)


def build_library_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("library", help="list, show, search, export or delete saved comparisons")
    actions = parser.add_subparsers(dest="library_command", required=True, metavar="ACTION")
    common = argparse.ArgumentParser(add_help=False)
    add_db_argument(common)

    listing = actions.add_parser("list", parents=[common], help="saved comparisons, most recently changed first")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show = actions.add_parser("show", parents=[common], help="one saved comparison: articles, counts, notes")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true", help="print the whole comparison and its notes as JSON")
    search = actions.add_parser("search", parents=[common], help="full-text search in names, titles and texts")
    search.add_argument("query", nargs="+")
    search.add_argument("--json", action="store_true", help="print JSON instead of a table")
    export = actions.add_parser("export", parents=[common], help="write a saved comparison as JSON and/or HTML")
    export.add_argument("id", type=int)
    export.add_argument("--json", metavar="OUT.json", help="parallax/comparison-v1 JSON")
    export.add_argument("--html", metavar="OUT.html", help="self-contained HTML report with the notes")
    export.add_argument(
        "--html-full-paths",
        action="store_true",
        help="name local files in the HTML report by their full path (default: file name only)",
    )
    delete = actions.add_parser("delete", parents=[common], help="delete a saved comparison (its articles stay)")
    delete.add_argument("id", type=int)
    actions.add_parser(
        "repair", parents=[common], help="rebuild the full-text search index (when the library reports it damaged)"
    )


def _fail(message: str) -> int:
    print(f"parallax: error: {printable(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _open(args: argparse.Namespace) -> LibraryStore:
    from desktop.library import LibraryError, open_library

    path = library_path(args.db)
    problem = library_target_problem(path)
    if problem:
        raise LibraryError(str(path), problem)
    # repair opens a library whose search index is damaged: that is what it is for.
    return open_library(path, check_search_index=getattr(args, "library_command", "") != "repair")


def save_from_args(comparison: Comparison, args: argparse.Namespace) -> int:
    """Called by ``compare`` after comparing; an exit code, so a library problem fails the command."""
    if not args.save:
        return 0
    from desktop.library import LibraryError

    try:
        store = _open(args)
    except LibraryError as error:
        return _fail(str(error))
    try:
        comparison_id = store.save(comparison, args.save)
    except LibraryError as error:
        return _fail(str(error))
    finally:
        store.close()  # written through to the file: the command ends without closing anything for it
    if not getattr(args, "quiet", False):
        print(printable(f"saved as #{comparison_id} {args.save!r} in {library_path(args.db)}"))
    return 0


def _info_dict(info: ComparisonInfo) -> dict[str, Any]:
    data = asdict(info)
    data["outlets"] = list(info.outlets)
    return data


def _print_table(infos: tuple[ComparisonInfo, ...]) -> None:
    if not infos:
        print("(no saved comparisons)")
        return
    for info in infos:
        line = f"{info.id:>5}  {info.updated[:16].replace('T', ' ')}  {info.name}  [{', '.join(info.outlets)}]"
        print(printable(line))


def _note_dict(note: Note) -> dict[str, Any]:
    return {k: v for k, v in asdict(note).items() if v is not None}


def _note_place(note: Note) -> str:
    if note.group is not None:
        return f"group {note.group}"
    if note.article is not None:
        return f"sentence {note.article}{note.sentence}"
    return "comparison"


def _show(store: LibraryStore, args: argparse.Namespace) -> int:
    info = store.info(args.id)
    comparison = store.load(args.id)
    notes = store.notes.of(args.id)
    if args.json:
        data = _info_dict(info)
        data["notes"] = [_note_dict(n) for n in notes]
        data["comparison"] = to_dict(comparison)
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    print(printable(f"#{info.id} {info.name}"))
    if comparison.title:
        print(printable(f"  title: {comparison.title}"))
    print(f"  created {info.created}, updated {info.updated}, engine {info.engine_version}")
    print(f"  settings: {json.dumps(asdict(comparison.settings))}")
    for result in comparison.articles:
        a = result.article
        line = f"  {a.id} {a.source or a.title or a.path}"
        s = comparison.summary.get(a.id)
        if s is not None:
            line += (
                f": {s.sentences} sentences · {s.identical} identical · {s.reworded} reworded · {s.unique} unique"
                f" · {s.commentary} commentary · lacks {s.missing_facts} facts"
            )
        print(printable(line))
    for note in notes:
        print(printable(f"  note on {_note_place(note)}: {note.text}"))
    return 0


def _export(store: LibraryStore, args: argparse.Namespace) -> int:
    if not args.json and not args.html:
        return _fail("library export needs --json OUT and/or --html OUT")
    comparison = store.load(args.id)
    try:
        if args.json:
            write_json(comparison, args.json)
        if args.html:
            from desktop.export import write_html

            write_html(comparison, args.html, notes=store.notes.of(args.id), full_paths=args.html_full_paths)
    except OSError as error:
        target = error.filename or args.json or args.html
        return _fail(f"{target}: cannot write: {error.strerror or error}")
    return 0


def _list(store: LibraryStore, args: argparse.Namespace) -> int:
    infos = store.search(" ".join(args.query)) if args.library_command == "search" else store.list()
    if args.json:
        print(json.dumps([_info_dict(i) for i in infos], ensure_ascii=False, indent=1))
    else:
        _print_table(infos)
    return 0


def _delete(store: LibraryStore, args: argparse.Namespace) -> int:
    name = store.info(args.id).name
    store.delete(args.id)
    print(printable(f"deleted #{args.id} {name!r}"))
    return 0


def _repair(store: LibraryStore, args: argparse.Namespace) -> int:
    from desktop.library import LibraryError

    before = store.search_index_problem()
    store.repair_search_index()
    after = store.search_index_problem()
    if after:
        raise LibraryError(store.location(), f"the search index is still damaged after rebuilding it ({after})")
    articles, comparisons = store.counts()
    what = f"rebuilt the damaged search index ({before})" if before else "the search index was intact; rebuilt it"
    print(printable(f"{store.location()}: {what}: {articles} articles, {comparisons} comparisons"))
    return 0


_ACTIONS: dict[str, Callable[[LibraryStore, argparse.Namespace], int]] = {
    "list": _list,
    "search": _list,
    "show": _show,
    "export": _export,
    "delete": _delete,
    "repair": _repair,
}


def run_library_command(args: argparse.Namespace) -> int:
    path = library_path(args.db)
    if args.library_command == "export":
        try:  # before the library is even opened: an export must never land on it or its journal
            check_outputs([("--json", args.json), ("--html", args.html)], library=path)
        except OutputConflict as error:
            return _fail(str(error))
    if not path.exists():  # a mistyped --db must not leave an empty library behind
        return _fail(f"{path}: no library here yet (compare … --save NAME creates it)")
    from desktop.library import LibraryError, UnknownComparison

    wanted = getattr(args, "id", None)
    if wanted is not None and not 0 < wanted < 2**63:  # SQLite ids are positive 64-bit integers
        return _fail(f"no comparison with id {wanted} in the library")
    try:
        store = _open(args)
        return _ACTIONS[args.library_command](store, args)
    except (LibraryError, UnknownComparison) as error:
        return _fail(str(error))
