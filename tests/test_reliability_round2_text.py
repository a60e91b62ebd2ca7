"""Issue 16 item 10, the text parts: the zero-width joiner and non-joiner were stripped from every article
(Persian spelling changed, emoji sequences fell apart); now they stay in the text and only matching ignores
them. A .txt that holds a whole web page was compared as markup; now it is sniffed and extracted."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.core.model import Settings, Status
from desktop.core.pipeline import compare
from desktop.core.sources.errors import LoadError
from desktop.core.sources.loading import article_from_text, load_article
from desktop.core.text.normalize import canonical, matching_key

ZWNJ, ZWJ = "\u200c", "\u200d"
FAMILY = f"👩{ZWJ}👩{ZWJ}👧"
PERSIAN = (
    f"دولت می{ZWNJ}خواهد قیمت نان را کاهش دهد. وزیر اقتصاد روز دوشنبه این را اعلام کرد.\n\n"
    f"خانواده{ZWNJ}ها {FAMILY} از این تصمیم استقبال کردند."
)
WITHOUT_JOINERS = PERSIAN.replace(ZWNJ, "").replace(ZWJ, "")


def test_joiners_stay_in_the_text_and_matching_ignores_them(tmp_path):
    (tmp_path / "with.txt").write_text(PERSIAN, "utf-8")
    (tmp_path / "without.txt").write_text(WITHOUT_JOINERS, "utf-8")
    spelled = load_article(str(tmp_path / "with.txt"), "A")
    plain = load_article(str(tmp_path / "without.txt"), "B")
    assert spelled.text == PERSIAN  # nothing dropped: the spelling and the emoji sequence as written
    assert FAMILY in spelled.text

    comparison = compare([spelled, plain], Settings())
    for result in comparison.articles:
        for sentence in result.sentences:
            assert result.article.text[sentence.start : sentence.end] == sentence.text  # offsets into the kept text
            assert sentence.status == Status.IDENTICAL
    assert all(group.similarity == 1.0 for group in comparison.groups)
    shown = [s.text for s in comparison.articles[0].sentences]
    assert any(f"می{ZWNJ}خواهد" in text for text in shown) and any(FAMILY in text for text in shown)


def test_matching_keys_ignore_joiners():
    assert canonical(f"می{ZWNJ}خواهد {FAMILY}") == canonical(f"میخواهد {FAMILY.replace(ZWJ, '')}")
    assert matching_key(f"خانواده{ZWNJ}ها") == matching_key("خانوادهها")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.txt", PERSIAN),
        ("a.md", f"# خبر\n\n{PERSIAN}\n"),
        ("a.html", f"<html><head><title>خبر</title></head><body><article><p>{PERSIAN}</p></article></body></html>"),
        (
            "entities.html",
            "<html><head><title>خبر</title></head><body><article><p>"
            + PERSIAN.replace(ZWNJ, "&zwnj;").replace(ZWJ, "&#x200D;")
            + "</p></article></body></html>",
        ),
    ],
)
def test_every_format_keeps_the_joiners(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, "utf-8")
    text = load_article(str(path), "A").text
    assert f"می{ZWNJ}خواهد" in text and f"خانواده{ZWNJ}ها" in text and FAMILY in text


def test_pasted_text_keeps_the_joiners():
    assert FAMILY in article_from_text(PERSIAN, "A").text


def test_joiners_alone_are_an_empty_file(tmp_path):
    path = tmp_path / "joiners.txt"
    path.write_text(f"{ZWJ}{ZWNJ}\n \u200b{ZWJ}\n", "utf-8")
    with pytest.raises(LoadError, match="the file is empty"):
        load_article(str(path), "A")


PAGE = """<!DOCTYPE html>
<html><head><title>Bus strike halts Port Ellery transit</title><style>body { color: red }</style>
<script>var tracking = "abc";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bus strike halts Port Ellery transit</h1>
<p>Bus drivers in Port Ellery walked off the job on Monday after contract talks collapsed.</p>
<p>The union said 400 drivers joined the strike.</p></article>
<footer>Copyright 2025 Ellery Standard</footer></body></html>
"""


def test_a_txt_holding_a_web_page_is_extracted_not_compared_as_markup(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text(PAGE, "utf-8")
    article = load_article(str(path), "A")
    assert "<" not in article.text and "tracking" not in article.text and "color" not in article.text
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.title == "Bus strike halts Port Ellery transit"
    assert "400 drivers joined the strike" in article.text


def test_a_txt_article_that_mentions_tags_stays_text(tmp_path):
    text = (
        "Browsers ignore unknown tags.\n\nA page may write <p>, <div> and <span> without closing them, "
        "the report says; <br> needs no end tag at all."
    )
    path = tmp_path / "about-html.txt"
    path.write_text(text, "utf-8")
    assert load_article(str(path), "A").text == text


def test_cli_compares_the_page_in_a_txt_by_its_text(tmp_path):
    page = tmp_path / "saved-page.txt"
    page.write_text(PAGE, "utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Bus drivers in Port Ellery walked off the job on Monday. 400 drivers joined.\n", "utf-8")
    out = tmp_path / "o.json"
    assert main(["compare", str(page), str(other), "--json", str(out), "--quiet"]) == 0
    first = json.loads(out.read_text("utf-8"))["articles"][0]
    assert "<" not in first["text"] and first["title"] == "Bus strike halts Port Ellery transit"
