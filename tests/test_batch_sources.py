"""Issue 16 item 3: a batch corpus is data someone else may have written. Its rows may make Parallax read
only files inside the corpus's folder (unless --allow-paths-outside) and fetch no web address (unless
--allow-urls); a refused row is a failure with its reason, and its text never reaches the output tables."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import ClassVar

import pytest

from desktop.batch.output import read_table
from desktop.cli import main

pytest.importorskip("pyarrow")

SECRET = "The secret launch code is Zebra Nine Four."
PUBLIC = "The Elbe bridge was opened on 12 March by Mayor Jane Northwood. It cost 4 million euros."


@pytest.fixture
def layout(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text(SECRET + "\n", "utf-8")
    (folder / "inside.txt").write_text(PUBLIC + "\n", "utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "secret.txt")
    return tmp_path, folder


def _write(folder, rows):
    path = folder / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def _row(cluster, article, **kw):
    return {"cluster_id": cluster, "article_id": article, "source": article, **kw}


def _texts(out) -> str:
    return "\n".join(read_table(out, "sentences").to_pandas()["text"]) + "\n".join(
        read_table(out, "comparisons").to_pandas()["comparison"]
    )


def _failures(out) -> dict[str, str]:
    frame = read_table(out, "failures").to_pandas()
    return dict(zip(frame["article_id"], frame["reason"], strict=True))


@pytest.mark.parametrize("how", ["relative", "absolute", "symlink"])
def test_a_file_outside_the_corpus_folder_is_refused_and_its_text_never_lands_in_the_output(layout, how, capsys):
    root, folder = layout
    outside = {"relative": "../secret.txt", "absolute": str(root / "secret.txt"), "symlink": "link.txt"}[how]
    corpus = _write(
        folder,
        [
            _row("e1", "a", text=PUBLIC),
            _row("e1", "b", path="inside.txt"),
            _row("e1", "c", path=outside),
        ],
    )
    out = root / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert "--allow-paths-outside" in _failures(out)["c"]
    assert "Zebra" not in _texts(out)
    assert "Northwood" in _texts(out)  # the file inside the folder, named relative to it, was read


def test_allow_paths_outside_reads_them(layout):
    root, folder = layout
    corpus = _write(folder, [_row("e1", "a", text=PUBLIC), _row("e1", "c", path="../secret.txt")])
    out = root / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress", "--allow-paths-outside"]) == 0
    assert "Zebra" in _texts(out)
    paths = {a["path"] for a in json.loads(read_table(out, "comparisons").to_pandas()["comparison"][0])["articles"]}
    assert "../secret.txt" in paths  # shown as written in the corpus


def test_relative_paths_resolve_against_the_corpus_folder_not_the_working_folder(layout, monkeypatch):
    root, folder = layout
    corpus = _write(folder, [_row("e1", "a", text=PUBLIC), _row("e1", "b", path="inside.txt")])
    monkeypatch.chdir(root)
    out = root / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert not _failures(out)


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self):
        _Recorder.hits.append(self.path)
        body = f"<html><body><p>{SECRET}</p></body></html>".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = HTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_a_url_in_the_corpus_is_not_fetched_without_allow_urls(layout, server):
    root, folder = layout
    corpus = _write(folder, [_row("e1", "a", text=PUBLIC), _row("e1", "u", path=f"{server}/admin")])
    out = root / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert "--allow-urls" in _failures(out)["u"]
    assert _Recorder.hits == []
    assert "Zebra" not in _texts(out)


def test_changing_the_allow_flags_is_a_different_job_for_resume(layout, capsys):
    root, folder = layout
    corpus = _write(folder, [_row("e1", "a", text=PUBLIC), _row("e1", "c", path="../secret.txt")])
    out = root / "out"
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["batch", str(corpus), "--out", str(out), "--no-progress", "--resume", "--allow-paths-outside"]) == 2
    assert "--allow-urls/--allow-paths-outside" in capsys.readouterr().err
