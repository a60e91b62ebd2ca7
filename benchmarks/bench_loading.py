"""Loading speed: text, Markdown and saved web pages, against a bare ``read_text`` / ``read_bytes`` baseline.

Run: ``.venv/bin/python benchmarks/bench_loading.py [SEED.txt]``. Inputs are written to a temporary folder:
the seed article (or a bundled sample), a saved-page-like HTML (head metadata, menus, related links, footer,
40 paragraphs), the same page forced through the linear scanner, a page over the trafilatura tag limit,
10,000-level nesting, a page with a 14 MB inline script, and a 45 MB text file. Prints seconds (best of three)
and the ratio to reading the same file's bytes, so numbers compare across machines.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.model import Article
from desktop.core.resources import sample_paths
from desktop.core.sources import html_extract
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import load_article


def attempt(path: Path) -> Article | LoadError:
    """Over MAX_TEXT_CHARS an input is refused after decoding; the time to that refusal is what is measured."""
    try:
        return load_article(str(path), "A")
    except LoadError as error:
        return error


def best_of_three(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def saved_page(paragraphs: int = 40, links: int = 150) -> str:
    menu = "".join(f'<li class="nav-item"><a href="/r/{i}">Ressort {i}</a></li>' for i in range(links))
    body = "".join(
        f'<div class="para-wrap"><p>Absatz {i}: Die Stadtverwaltung teilte am Dienstag mit, dass die Arbeiten '
        f'an der <a href="/brücke">Alten Brücke</a> bis zum {i % 28 + 1}. März dauern sollen.</p></div>'
        for i in range(paragraphs)
    )
    related = "".join(
        f'<li><a href="/a/{i}"><img src="{i}.jpg" alt=""><span>Artikel {i}</span></a></li>' for i in range(60)
    )
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Brücke gesperrt | Tageblatt</title>'
        '<meta property="og:site_name" content="Tageblatt">'
        '<meta property="article:published_time" content="2024-03-12T10:00:00Z">'
        "<script>" + "var config = {a: 1};" * 5000 + "</script><style>" + ".x{color:red}" * 3000 + "</style>"
        f"</head><body><header><nav><ul>{menu}</ul></nav></header><main><article><h1>Brücke gesperrt</h1>"
        f"{body}</article><aside><ul>{related}</ul></aside></main><footer>© 2025 Tageblatt</footer></body></html>"
    )


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="parallax-bench-loading-"))
    seed = Path(sys.argv[1]) if len(sys.argv) > 1 else sample_paths("de")[0]
    page = saved_page()
    inputs = {
        "seed article (.txt)": seed,
        "saved page (.html)": folder / "page.html",
        "saved page via scanner": folder / "page-scan.html",
        "page over tag limit": folder / "big.html",
        "10,000-level nesting": folder / "deep.html",
        "14 MB inline script": folder / "script.html",
        "45 MB text file": folder / "big.txt",
    }
    inputs["saved page (.html)"].write_text(page, encoding="utf-8")
    inputs["saved page via scanner"].write_text(page, encoding="utf-8")
    inputs["page over tag limit"].write_text(saved_page(paragraphs=8000, links=2000), encoding="utf-8")
    inputs["10,000-level nesting"].write_text(
        "<title>Tief</title>" + "<div>" * 10_000 + "<p>Unten steht ein Satz.</p>" + "</div>" * 10_000, encoding="utf-8"
    )
    inputs["14 MB inline script"].write_text(
        "<title>Skript</title><script>" + "var payload = '<p>x</p>';" * 560_000 + "</script><p>Der Bericht.</p>",
        encoding="utf-8",
    )
    inputs["45 MB text file"].write_text(("Ein Satz über die Brücke in Köln.\n\n" * 1_300_000), encoding="utf-8")
    load_article(str(inputs["saved page (.html)"]), "A")  # imports trafilatura once, outside the timings
    for label, path in inputs.items():
        size = path.stat().st_size
        limit = html_extract.TRAFILATURA_MAX_TAGS
        if label == "saved page via scanner":
            html_extract.TRAFILATURA_MAX_TAGS = 0
        took = best_of_three(lambda p=path: attempt(p))
        html_extract.TRAFILATURA_MAX_TAGS = limit
        baseline = best_of_three(lambda p=path: p.read_bytes())
        article = attempt(path)
        result = (
            f"{len(article.text):>9,} chars, title {article.title[:40]!r}"
            if isinstance(article, Article)
            else f"refused: {article.reason}"
        )
        print(
            f"{label:24} {size / 1e6:7.2f} MB  {took * 1000:9.1f} ms"
            f"  ({took / baseline:7.0f}x read_bytes {baseline * 1000:.2f} ms)  -> {result}"
        )


if __name__ == "__main__":
    main()
