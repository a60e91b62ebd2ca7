"""Saved web pages: the article text and its metadata come out, the page furniture stays behind."""

from __future__ import annotations

from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest

from desktop.core.sources import html_extract
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import load_article

PARAGRAPHS = (
    "Ein Sturm hat am Dienstagabend in Nordstadt mehrere Dächer abgedeckt, wie die Feuerwehr mitteilte.",
    "Nach Angaben der Stadtverwaltung wurden 14 Menschen leicht verletzt; drei von ihnen kamen ins Krankenhaus.",
    "„Wir hatten so etwas seit 1987 nicht erlebt“, sagte Bürgermeisterin Anna Keller am Mittwoch.",
    "Die Aufräumarbeiten sollen bis Freitag dauern, die Schulen bleiben bis dahin geschlossen.",
)


def saved_page(paragraphs: tuple[str, ...] = PARAGRAPHS, teasers: int = 40) -> str:
    """A page shaped like a newspaper's 'save as': head metadata, menus, cookie banner, share bar, footer."""
    menu = "".join(f'<li><a href="/ressort/{i}">Ressort {i}</a></li>' for i in range(30))
    related = "".join(
        f'<li><a href="/artikel/{i}"><img src="t{i}.jpg" alt=""><span>Weiterer Artikel Nummer {i}</span></a></li>'
        for i in range(teasers)
    )
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Sturm deckt Dächer in Nordstadt ab | Nordstädter Tageblatt</title>
<meta property="og:title" content="Sturm deckt Dächer in Nordstadt ab">
<meta property="og:site_name" content="Nordstädter Tageblatt">
<meta property="article:published_time" content="2024-03-12T19:30:00+01:00">
<style>body {{ font-family: serif }}</style>
<script>window.dataLayer = [{{"page": "article"}}];</script>
</head><body>
<div class="cookie-banner">Wir verwenden Cookies. <button>Alle akzeptieren</button></div>
<header><nav><ul>{menu}</ul></nav></header>
<main><article>
<h1>Sturm deckt Dächer in Nordstadt ab</h1>
<p class="byline">Von Max Muster, 12.03.2024</p>
{body}
<div class="share"><a href="#">Teilen auf Facebook</a> <a href="#">Per E-Mail senden</a></div>
</article>
<aside><h2>Mehr aus der Region</h2><ul>{related}</ul></aside>
</main>
<footer><p>© 2025 Nordstädter Tageblatt · Impressum · Datenschutz</p></footer>
</body></html>"""


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.fixture(params=["trafilatura", "scanner"])
def extractor(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both extraction paths must give the article: small pages use trafilatura, big ones the scanner."""
    if request.param == "scanner":
        monkeypatch.setattr(html_extract, "TRAFILATURA_MAX_TAGS", 0)
    return str(request.param)


def test_saved_page_gives_body_paragraphs_in_order(tmp_path: Path, extractor: str) -> None:
    article = load_article(write(tmp_path, "sturm.html", saved_page().encode()), "A")
    positions = [article.text.find(paragraph) for paragraph in PARAGRAPHS]
    assert -1 not in positions, extractor
    assert positions == sorted(positions)


def test_saved_page_drops_menus_related_links_and_footer(tmp_path: Path, extractor: str) -> None:
    text = load_article(write(tmp_path, "sturm.html", saved_page().encode()), "A").text
    for furniture in ("Ressort 7", "Weiterer Artikel Nummer 3", "Impressum", "dataLayer", "font-family"):
        assert furniture not in text, (extractor, furniture)


def test_saved_page_metadata(tmp_path: Path, extractor: str) -> None:
    source = write(tmp_path, "sturm.html", saved_page().encode())
    article = load_article(source, "A")
    assert article.title == "Sturm deckt Dächer in Nordstadt ab"
    assert article.published == "2024-03-12"
    assert article.source == "Nordstädter Tageblatt"
    assert article.path == source


def test_headline_is_the_first_paragraph_once(tmp_path: Path, extractor: str) -> None:
    text = load_article(write(tmp_path, "sturm.html", saved_page().encode()), "A").text
    assert text.startswith("Sturm deckt Dächer in Nordstadt ab\n\n")
    assert text.count("Sturm deckt Dächer in Nordstadt ab") == 1


def test_paragraphs_are_blank_line_separated(tmp_path: Path, extractor: str) -> None:
    text = load_article(write(tmp_path, "sturm.html", saved_page().encode()), "A").text
    assert f"{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}" in text


def test_footer_copyright_year_is_not_taken_as_the_date(tmp_path: Path) -> None:
    # without extensive_search=False trafilatura reads "© 2025" as 2025-01-01
    page = saved_page().replace('<meta property="article:published_time" content="2024-03-12T19:30:00+01:00">', "")
    page = page.replace("Von Max Muster, 12.03.2024", "Von Max Muster")
    assert load_article(write(tmp_path, "sturm.html", page.encode()), "A").published == ""


def test_meta_charset_windows_1252(tmp_path: Path) -> None:
    page = saved_page().replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    article = load_article(write(tmp_path, "alt.htm", page.encode("cp1252")), "A")
    assert PARAGRAPHS[2] in article.text


def test_page_declaring_latin1_but_written_in_utf8(tmp_path: Path) -> None:
    page = saved_page().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    article = load_article(write(tmp_path, "falsch.html", page.encode("utf-8")), "A")
    assert PARAGRAPHS[2] in article.text


def test_entities_and_soft_hyphens_in_markup(tmp_path: Path) -> None:
    paragraphs = ("Der Bundes&shy;kanzler sprach &bdquo;deutlich&ldquo; &amp; lange &ndash; sagten Zeugen am Abend.",)
    article = load_article(write(tmp_path, "e.html", saved_page(paragraphs).encode()), "A")
    assert "Der Bundeskanzler sprach „deutlich“ & lange – sagten Zeugen am Abend." in article.text


def test_scanner_keeps_text_of_pages_without_paragraph_tags() -> None:
    page = "<html><head><title>Nur Divs</title></head><body><div>Erster Block.</div><div>Zweiter Block.</div></body>"
    scanned = html_extract.extract_page(page.replace("<html>", "<html>" + "<b></b>" * 30_000))
    assert scanned.text == "Erster Block.\n\nZweiter Block."
    assert scanned.title == "Nur Divs"


def test_scanner_title_prefers_the_headline_over_the_window_title() -> None:
    page = (
        "<html><head><title>Brücke gesperrt | Tageblatt</title></head><body><h1>Alte Brücke gesperrt</h1>"
        "<p>Ein Absatz.</p></body>"
    )
    assert html_extract.extract_page(page + "<b></b>" * 30_000).title == "Alte Brücke gesperrt"


def test_scanner_title_drops_the_site_name_suffix() -> None:
    page = (
        '<html><head><title>Brücke gesperrt | Tageblatt</title><meta property="og:site_name" content="Tageblatt">'
        "</head><body><p>Ein Absatz.</p></body>"
    )
    scanned = html_extract.extract_page(page + "<b></b>" * 30_000)
    assert (scanned.title, scanned.site) == ("Brücke gesperrt", "Tageblatt")


def test_unclosed_title_does_not_swallow_the_page(tmp_path: Path) -> None:
    page = "<html><head><title>Offen</head><body><p>Der Absatz bleibt Text des Artikels.</p></body>"
    article = load_article(write(tmp_path, "t.html", page.encode()), "A")
    assert "Der Absatz bleibt Text des Artikels." in article.text


def test_single_file_mhtml_save_is_unpacked(tmp_path: Path) -> None:
    # what a browser's "Webpage, single file" writes: a multipart/related message, HTML quoted-printable
    message = MIMEMultipart("related")
    message["Snapshot-Content-Location"] = "https://tageblatt.example/sturm"
    html_part = MIMEText(saved_page(), "html", "utf-8")
    message.attach(html_part)
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(20), "png"))
    article = load_article(write(tmp_path, "sturm.mhtml", message.as_bytes()), "A")
    assert PARAGRAPHS[2] in article.text
    assert article.title == "Sturm deckt Dächer in Nordstadt ab"


def test_mhtml_without_a_page(tmp_path: Path) -> None:
    message = MIMEMultipart("related")
    message.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(20), "png"))
    with pytest.raises(LoadError, match=r"no web page inside this \.mhtml file"):
        load_article(write(tmp_path, "leer.mht", message.as_bytes()), "A")


def test_lists_and_tables_read_without_markup(tmp_path: Path, extractor: str) -> None:
    paragraphs = (*PARAGRAPHS, "</p><ul><li>Dach der Grundschule abgedeckt</li><li>Zwei Bäume auf der B 7</li></ul><p>")
    page = saved_page(paragraphs).replace(
        "</article>",
        "<table><tr><th>Ort</th><th>Verletzte</th></tr><tr><td>Nordstadt</td><td>14</td></tr></table></article>",
    )
    text = load_article(write(tmp_path, "liste.html", page.encode()), "A").text
    assert "\n\nDach der Grundschule abgedeckt\n\nZwei Bäume auf der B 7\n\n" in text, extractor
    assert "Nordstadt · 14" in text
    assert "|" not in text


def test_deeply_nested_page_skips_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura slows down with depth (9k tags, 250 deep: seconds); such a page goes to the scanner alone
    def must_not_run(*_args: object) -> None:
        raise AssertionError("trafilatura ran on a 200-deep page")

    monkeypatch.setattr(html_extract, "_trafilatura", must_not_run)
    page = "<title>Tief</title>" + "<div>" * 200 + "<p>Der Satz ganz unten.</p>" + "</div>" * 200
    assert html_extract.extract_page(page).text == "Der Satz ganz unten."


def test_unclosed_paragraphs_do_not_count_as_depth(monkeypatch: pytest.MonkeyPatch) -> None:
    # old pages leave <p> and <li> open; hundreds of them are still a flat page that trafilatura may read
    calls: list[str] = []
    monkeypatch.setattr(html_extract, "_trafilatura", lambda cleaned, url: calls.append(url))
    html_extract.extract_page("<title>Alt</title><body>" + "<p>Absatz ohne Ende." * 300)
    assert calls == [""]
