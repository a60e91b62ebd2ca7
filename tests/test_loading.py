"""Loading text and Markdown files: encodings, cleaning, titles, pasted text."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from desktop.core.sources import loading
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import article_from_text, guess_title, load_article

GERMAN = "Die Bürgermeisterin sagte am Montag, die Straße bleibe gesperrt.\n\nÜbermorgen öffnet sie wieder."


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", GERMAN.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + GERMAN.encode("utf-8")),
        ("utf-16 with BOM", GERMAN.encode("utf-16")),
        ("utf-16-le without BOM", GERMAN.encode("utf-16-le")),
        ("utf-16-be without BOM", GERMAN.encode("utf-16-be")),
        ("cp1252", GERMAN.encode("cp1252")),
        ("latin-1", GERMAN.encode("latin-1")),
        ("windows line endings", GERMAN.replace("\n", "\r\n").encode("utf-8")),
        ("old mac line endings", GERMAN.replace("\n", "\r").encode("cp1252")),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_text_file_decodes_to_the_same_text_whatever_the_encoding(tmp_path: Path, label: str, data: bytes) -> None:
    article = load_article(write(tmp_path, "bericht.txt", data), "A")
    assert article.text == GERMAN, label


def test_cp1252_quotes_and_euro_sign_survive() -> None:
    # cp1252-only characters (€, „ “) distinguish it from latin-1, which would turn them into controls.
    text = "„Das kostet 5 €“, sagte er."
    article = article_from_text(text.encode("cp1252").decode("cp1252"), "A")
    assert article.text == text


def test_cp1252_file_with_typographic_quotes(tmp_path: Path) -> None:
    text = "„Das kostet 5 €“, sagte der Händler am Dienstag in Köln."
    article = load_article(write(tmp_path, "a.txt", text.encode("cp1252")), "A")
    assert article.text == text


def test_utf8_with_a_stray_cp1252_byte_keeps_both_readable(tmp_path: Path) -> None:
    data = "Größe und Maß: ".encode() + "Grüße".encode("cp1252")
    article = load_article(write(tmp_path, "mixed.txt", data), "A")
    assert article.text == "Größe und Maß: Grüße"


def test_truncated_utf8_drops_the_cut_character(tmp_path: Path) -> None:
    data = "Ein Satz über Köln.".encode()[:-3] + "ö".encode()[:1]
    article = load_article(write(tmp_path, "cut.txt", data), "A")
    assert article.text == "Ein Satz über Kö"


def test_soft_hyphens_zero_width_and_bidi_controls_are_removed() -> None:
    text = "Bundes\u00adkanzler\u200b Olaf\u2060 Scholz\ufeff \u202eSchlagzeile\u202c sprach."
    assert article_from_text(text, "A").text == "Bundeskanzler Olaf Scholz Schlagzeile sprach."


def test_paragraphs_stay_blank_line_separated_and_whitespace_lines_become_empty() -> None:
    text = "Titel\r\n \t \r\nErster Absatz.\u2029Zweiter Absatz.\u2028Zeile.\x0c"
    assert article_from_text(text, "A").text == "Titel\n\nErster Absatz.\n\nZweiter Absatz.\nZeile."


def test_nbsp_and_typographic_characters_are_kept_as_written() -> None:
    text = "Am 13.\u00a0April – so hieß es – „kam“ er."
    assert article_from_text(text, "A").text == text


def test_path_is_the_source_as_given_and_title_is_the_headline(tmp_path: Path) -> None:
    source = write(tmp_path, "bericht.txt", b"International\n\nHauptquartier in Paris geplant\n\nDer Plan steht.")
    article = load_article(source, "B")
    assert (article.id, article.path, article.title) == ("B", source, "Hauptquartier in Paris geplant")


def test_title_falls_back_to_the_file_stem_when_the_text_starts_with_prose(tmp_path: Path) -> None:
    source = write(tmp_path, "Nachricht vom Montag.txt", b"Der Rat tagte am Montag. Er beschloss nichts.")
    assert load_article(source, "A").title == "Nachricht vom Montag"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Headline without stop\n\nBody sentence one.", "Headline without stop"),
        ("Is this the end?\nBody.", "Is this the end?"),
        ("A sentence that ends.\nMore.", "fallback"),
        ("x" * 250 + "\nBody.", "fallback"),
        ("Mehr zum Thema:\nEtwas.", "fallback"),
        ("Ausland\nSturm trifft die Küste\nFoto: Agentur © Name Nachname\nText.", "Sturm trifft die Küste"),
        ("Sturm trifft die Küste\n\nBy Kim Lee, Staff Reporter | March 9, 2026\n\nText.", "Sturm trifft die Küste"),
    ],
)
def test_guess_title(text: str, title: str) -> None:
    assert guess_title(text, "fallback") == title


def test_non_ascii_path_loads(tmp_path: Path) -> None:
    folder = tmp_path / "Überprüfung – Ärger"
    folder.mkdir()
    source = write(folder, "Straßenbericht “Köln”.txt", GERMAN.encode())
    article = load_article(source, "A")
    assert article.text == GERMAN
    assert article.path == source


def test_unknown_extension_with_text_is_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "story.article", GERMAN.encode()), "A")
    assert article.text == GERMAN


def test_unknown_extension_with_html_is_extracted(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Storm hits Northwood</title></head><body>"
        "<p>The storm reached Northwood on Tuesday evening, officials said.</p></body></html>"
    )
    article = load_article(write(tmp_path, "saved", page.encode()), "A")
    assert "The storm reached Northwood on Tuesday evening, officials said." in article.text
    assert "<p>" not in article.text
    assert article.title == "Storm hits Northwood"


def test_html_extension_without_tags_is_read_as_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "plain.html", b"Just text.\n\nSecond paragraph."), "A")
    assert article.text == "Just text.\n\nSecond paragraph."


def test_markdown_markup_is_stripped(tmp_path: Path) -> None:
    markdown = (
        "# Sturm über **Nordstadt**\n"
        "\n"
        'Der *Sturm* traf [die Stadt](https://example.org/a_(b) "Titel") am Dienstag.\n'
        "Er dauerte `drei` Stunden.\n"
        "\n"
        "![Foto](bild.png)\n"
        "\n"
        "- Erster Punkt mit __Nachdruck__\n"
        "1. Zweiter Punkt\n"
        "\n"
        "> Ein Zitat\n"
        "\n"
        "```\n"
        "code_bleibt_stehen()\n"
        "```\n"
        "\n"
        "[ref]: https://example.org\n"
    )
    article = load_article(write(tmp_path, "sturm.md", markdown.encode()), "A")
    assert article.text == (
        "Sturm über Nordstadt\n\n"
        "Der Sturm traf die Stadt am Dienstag. Er dauerte drei Stunden.\n\n"
        "Erster Punkt mit Nachdruck\n\n"
        "Zweiter Punkt\n\n"
        "Ein Zitat\n\n"
        "code_bleibt_stehen()"
    )
    assert article.title == "Sturm über Nordstadt"


def test_markdown_front_matter_gives_the_title_and_is_not_text(tmp_path: Path) -> None:
    markdown = '---\ntitle: "Ein Titel"\ndate: 2024-05-01\n---\nDer Text beginnt hier.\n'
    article = load_article(write(tmp_path, "post.markdown", markdown.encode()), "A")
    assert (article.text, article.title) == ("Der Text beginnt hier.", "Ein Titel")


def test_markdown_keeps_snake_case_and_arithmetic_asterisks(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "m.md", b"2 * 3 * 4 = 24 and snake_case_name stay."), "A")
    assert article.text == "2 * 3 * 4 = 24 and snake_case_name stay."


def test_article_from_text_uses_the_headline_and_the_given_path() -> None:
    article = article_from_text("Neue Brücke eröffnet\n\nDie Brücke ist offen.", "C")
    assert (article.id, article.path, article.title) == ("C", "clipboard", "Neue Brücke eröffnet")


def test_article_from_text_extracts_pasted_html() -> None:
    html = "<html><head><title>Kurz</title></head><body><p>Ein Absatz mit Inhalt.</p></body></html>"
    article = article_from_text(html, "A", path="paste-1")
    assert "Ein Absatz mit Inhalt." in article.text
    assert article.path == "paste-1"


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\u200b\u00ad\n"])
def test_article_from_text_refuses_empty_text(text: str) -> None:
    with pytest.raises(LoadError, match="empty"):
        article_from_text(text, "A")


def test_file_name_with_undecodable_bytes_loads_with_a_printable_path(tmp_path: Path) -> None:
    raw = bytes(tmp_path) + b"/bad\xffname.txt"
    Path(os.fsdecode(raw)).write_bytes(GERMAN.encode())
    article = load_article(os.fsdecode(raw), "A")
    assert article.path == str(tmp_path) + "/bad\\udcffname.txt"
    assert article.title == "bad\\udcffname"
    assert article.text == GERMAN
    article.path.encode("utf-8")  # JSON and Qt need this to work


def test_missing_file_with_undecodable_bytes_names_it_printably(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        load_article(os.fsdecode(bytes(tmp_path) + b"/gone\xfe.txt"), "A")
    assert caught.value.source == str(tmp_path) + "/gone\\udcfe.txt"
    assert caught.value.reason == "no such file"


def test_lone_surrogates_in_pasted_text_become_replacement_characters() -> None:
    assert article_from_text("Ein Satz \ud800mit Lücke.", "A").text == "Ein Satz \ufffdmit Lücke."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Nur Maß", "cp1252"),  # charset-normalizer alone reads these two bytes as Japanese
        ("Ça va très bien, merci.", "cp1252"),
        ("Привет, как дела? Это тест.", "cp1251"),
        ("Καλημέρα κόσμε, τι κάνεις;", "cp1253"),
    ],
)
def test_short_single_byte_texts_get_their_codepage(tmp_path: Path, text: str, encoding: str) -> None:
    assert load_article(write(tmp_path, "kurz.txt", text.encode(encoding)), "A").text == text


def test_large_file_ascii_at_first_with_a_stray_byte_later_stays_utf8(tmp_path: Path) -> None:
    data = b"ascii line\n" * 120_000 + "Grüße aus Köln und ".encode() + "Maß".encode("cp1252") + b" nun."
    assert load_article(write(tmp_path, "spaet.txt", data), "A").text.endswith("Grüße aus Köln und Maß nun.")


def test_oversized_markdown_is_read_as_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_MARKDOWN_CHARS", 10)
    article = load_article(write(tmp_path, "gross.md", b"# Kopf\n\nEin **fetter** Satz."), "A")
    assert article.text == "# Kopf\n\nEin **fetter** Satz."
