"""The output folder's manifest: what a batch run's partitions were computed from.

``--resume`` trusts a partition's done marker, and partition *k* means "clusters k·N … k·N+N−1 of this
corpus". Without a record of the corpus and N, a resume after changing ``--partition-size`` reported the
job done with half the rows missing, and a folder reused for another corpus kept the old corpus's extra
partitions, which then read back as stale clusters. ``_manifest.json`` records the corpus fingerprint, the
partitioning, the comparison settings, the column mapping and the Parallax version; a folder whose manifest
differs (or batch output with none) is refused with one line unless ``--overwrite`` is given, which removes
the previous run's files (only those) first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.batch.corpus import Cluster, Columns, SourcePolicy
from desktop.batch.layout import TABLES
from desktop.core.model import Settings
from desktop.export.atomic import atomic_write_text

MANIFEST = "_manifest.json"
SCHEMA = "parallax/batch-manifest-v1"
# Everything a batch run writes into its folder: --overwrite removes these and nothing else.
MANAGED = (MANIFEST, "_report.json", "_done", *TABLES)


class OutputFolderError(Exception):
    """An output folder that holds another run (or is no folder); the message names it and the way out."""


def corpus_fingerprint(clusters: list[Cluster]) -> str:
    """SHA-256 of the clusters as read (ids, article ids, outlets, titles, texts, paths, in order), so the
    same corpus saved as JSONL, CSV or Parquet has the same fingerprint and any changed row changes it."""
    digest = hashlib.sha256()
    for cluster in clusters:
        fields = [
            {k: getattr(a, k) for k in ("article_id", "source", "title", "text", "path")} for a in cluster.articles
        ]
        record = [cluster.cluster_id, fields]
        digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def build_manifest(
    corpus: str | Path,
    clusters: list[Cluster],
    settings: Settings,
    partition_size: int,
    columns: Columns,
    policy: SourcePolicy,
) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "corpus": {
            "fingerprint": corpus_fingerprint(clusters),
            "file": str(corpus),  # for the reader; the fingerprint is what is compared
            "clusters": len(clusters),
            "articles": sum(len(c.articles) for c in clusters),
        },
        "partition_size": partition_size,
        "settings": asdict(settings),
        "columns": asdict(columns),
        "sources": asdict(policy),
        "engine_version": __version__,
    }


def read_manifest(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise OutputFolderError(
            f"{out_dir}: its {MANIFEST} is damaged or not a Parallax batch manifest; "
            "use --overwrite to start again, or another --out"
        )
    return data


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What changed between two manifests, in words a user can act on."""
    out = []
    if old.get("corpus", {}).get("fingerprint") != new["corpus"]["fingerprint"]:
        out.append(f"another corpus (that run read {old.get('corpus', {}).get('file', '?')})")
    if old.get("partition_size") != new["partition_size"]:
        out.append(f"--partition-size {old.get('partition_size')} (now {new['partition_size']})")
    if old.get("settings") != new["settings"]:
        changed = sorted(
            key
            for key in set(new["settings"]) | set(old.get("settings") or {})
            if (old.get("settings") or {}).get(key) != new["settings"].get(key)
        )
        out.append(f"other comparison settings ({', '.join(changed)})")
    if old.get("columns") != new["columns"]:
        out.append("another column mapping (--*-col)")
    if old.get("sources") != new["sources"]:
        out.append("other --allow-urls/--allow-paths-outside")
    if old.get("engine_version") != new["engine_version"]:
        out.append(f"Parallax {old.get('engine_version')} (now {new['engine_version']})")
    return out


def has_batch_output(out_dir: Path) -> bool:
    return any((out_dir / name).exists() or (out_dir / name).is_symlink() for name in MANAGED)


def clear_output(out_dir: Path) -> None:
    """Remove a previous run's files, manifest first: a clear cut short leaves output without a manifest,
    which the next run refuses, never a manifest vouching for leftovers."""
    for name in MANAGED:
        path = out_dir / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)


def prepare_output(out_dir: Path, manifest: dict[str, Any], *, resume: bool, overwrite: bool) -> None:
    """Make ``out_dir`` ready for the run described by ``manifest``, or raise :class:`OutputFolderError`."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputFolderError(f"{out_dir}: --out is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputFolderError(f"{out_dir}: cannot create the output folder: {error.strerror or error}") from None
    if overwrite:
        with contextlib.suppress(FileNotFoundError):
            clear_output(out_dir)
    else:
        old = read_manifest(out_dir)
        if old is None and has_batch_output(out_dir):
            raise OutputFolderError(
                f"{out_dir}: holds batch output without a manifest (an older Parallax or an interrupted "
                "--overwrite); use --overwrite to start again, or another --out"
            )
        if old is not None:
            changed = differences(old, manifest)
            if changed:
                how = "--resume cannot mix the two" if resume else "its partitions would mix with this run's"
                raise OutputFolderError(
                    f"{out_dir}: holds a run with {'; '.join(changed)}; {how}. "
                    "Use --overwrite to start again, or another --out"
                )
    atomic_write_text(out_dir / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
