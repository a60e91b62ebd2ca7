"""The HTML report: what it shows for literal comparisons, that hostile articles stay inert, size and atomicity."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from export_dom import (
    del_chars,
    dom_marks,
    expected_del_chars,
    expected_fact_ids,
    expected_ins_chars,
    expected_sentence_counts,
    fact_ids,
    ins_chars,
    parse,
    presented_marks,
    reading_orders,
    sentence_counts,
    visible_text,
)

from desktop import __version__
from desktop.core.model import (
    Article,
    ArticleResult,
    Comparison,
    DiffOp,
    Fact,
    FactKind,
    Group,
    Note,
    Role,
    Sentence,
    Settings,
    Status,
    WordDiff,
)
from desktop.core.pipeline import compare
from desktop.core.resources import sample_paths
from desktop.core.sources.loading import load_article
from desktop.core.text.segmentation import segment
from desktop.export import CSP, render_html, write_html
from desktop.export import html as export_html

WHEN = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)

WIRE = (
    "Dock workers strike at Harbourtown\n\n"
    "About 2,300 dock workers walked out on Tuesday at Harbourtown port. "
    "The union is demanding a 6.5 percent pay rise over two years. "
    "The port authority said talks resume on Monday."
)
PARTISAN = (
    "Harbourtown workers say: enough\n\n"
    "Dock workers abandoned their posts on Tuesday at Harbourtown port. "
    "Once again the port authority shows its outrageous contempt for the people who keep it running. "
    "The union is demanding a fair pay rise over two years."
)


@pytest.fixture(scope="module")
def pair() -> Comparison:
    a = Article("A", "wire.txt", WIRE, title="Dock workers strike", source="Wire", language="en")
    b = Article("B", "https://example.org/partisan", PARTISAN, title="Enough!", source="Partisan", language="en")
    return compare([a, b], Settings(threshold=0.5))


@pytest.fixture(scope="module")
def pair_html(pair: Comparison) -> str:
    return render_html(pair, generated=WHEN)


def test_header_names_title_date_version_settings_and_each_article(pair, pair_html):
    root, _ = parse(pair_html)
    header = visible_text(root.find_all("header")[0])
    assert "Generated 2026-03-14 09:30 UTC" in header
    assert f"Parallax {__version__}" in header
    assert "threshold: 0.5" in header and "reference: A" in header
    cards = [visible_text(c) for c in root.find_all("article", "card")]
    assert "Dock workers strike" in cards[0] and "Wire" in cards[0] and "file: wire.txt" in cards[0]
    assert "Partisan" in cards[1] and "URL: https://example.org/partisan" in cards[1]
    assert root.find_all("title")[0].text().startswith(pair.title)


def test_page_forbids_scripts_and_requests_with_a_csp_meta_tag(pair_html):
    root, _ = parse(pair_html)
    policies = [
        m.attrs["content"] for m in root.find_all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policies == [CSP]
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert not root.find_all("script") and not root.find_all("link")


def test_sentence_highlight_counts_match_the_json_summary(pair, pair_html):
    root, _ = parse(pair_html)
    assert sentence_counts(root) == expected_sentence_counts(pair)


def test_every_sentence_appears_once_and_numbers_recover_reading_order(pair, pair_html):
    root, _ = parse(pair_html)
    orders = reading_orders(root)
    for result in pair.articles:
        assert sorted(orders[result.article.id]) == [s.index for s in result.sentences]
    numbers = [n.text() for n in root.find_all("span", "n")]
    assert numbers.count("1") == 2  # each article's first sentence


def test_unique_sentence_has_a_gap_opposite(pair_html):
    root, _ = parse(pair_html)
    opinion_row = next(tr for tr in root.find_all("tr") if "outrageous contempt" in tr.text())
    gaps = [td for td in opinion_row.find_all("td") if "gap" in td.classes]
    assert [visible_text(td).strip() for td in gaps] == ["— not in A —"]
    sentence = opinion_row.find_all("div", "s")[0]
    assert {"un", "cm"} <= sentence.classes


def test_word_diff_marks_inserted_and_removed_words(pair, pair_html):
    root, _ = parse(pair_html)
    inserted = [n.text(skip_sr=True) for n in root.find_all("ins") if "sw" not in n.classes]
    removed = [n.text(skip_sr=True) for n in root.find_all("del") if "sw" not in n.classes]
    assert "abandoned their posts" in " ".join(inserted)
    assert "fair" in inserted
    assert "walked out" in " ".join(removed)
    assert ins_chars(root) == expected_ins_chars(pair)
    assert del_chars(root) == expected_del_chars(pair)
    labels = [n.text() for n in root.find_all("ins")[1].find_all("span", "sr")]
    assert labels == ["inserted: "]


def test_missing_facts_are_marked_with_the_articles_that_lack_them(pair, pair_html):
    root, _ = parse(pair_html)
    assert fact_ids(root) == expected_fact_ids(pair)
    marks = {m.text(skip_sr=True): m for m in root.find_all("mark", "fm")}
    assert "2,300" in marks and "Monday" in marks
    assert marks["Monday"].attrs["title"] == "missing from B · present in A"
    assert marks["Monday"].find_all("span", "sr")[0].text() == "fact missing from B: "


def test_fact_span_comes_from_article_offsets_relative_to_the_sentence():
    text = "Intro line. The mayor Anna Berg met 40 people."
    sentence = Sentence(1, 12, len(text), text[12:], Role.BODY, Status.UNIQUE)
    start = text.index("Anna Berg")
    fact = Fact("Anna Berg", FactKind.NAME, "A", 1, start, start + 9, missing_from=("B", "C"))
    comparison = Comparison(
        Settings(),
        (
            ArticleResult(
                Article("A", "a.txt", text), (Sentence(0, 0, 11, text[:11], Role.BODY, Status.UNIQUE), sentence)
            ),
            ArticleResult(Article("B", "b.txt", "x"), ()),
        ),
        (),
        (fact,),
    )
    root, _ = parse(render_html(comparison, generated=WHEN))
    (mark,) = [m for m in root.find_all("mark", "fm") if "sw" not in m.classes]
    assert mark.text(skip_sr=True) == "Anna Berg"
    assert mark.attrs["title"] == "missing from B, C · present in A"


def test_commentary_cues_in_title_and_numbered_footnote(pair, pair_html):
    root, _ = parse(pair_html)
    commentary = [n for n in root.find_all("div", "s") if "cm" in n.classes]
    assert commentary
    first = commentary[0]
    sentence = pair.article("B").sentences[int(first.attrs["id"].split("-")[2])]
    assert first.attrs["title"] == "commentary cues: " + ", ".join(sentence.cues)
    link = first.find_all("sup", "fn")[0].find_all("a")[0]
    note = next(li for li in root.find_all("li") if li.attrs.get("id") == link.attrs["href"][1:])
    for cue in sentence.cues:
        assert f"“{cue}”" in note.text()


def test_omission_matrix_rows_are_facts_and_columns_articles(pair_html):
    root, _ = parse(pair_html)
    table = next(t for t in root.find_all("table") if "matrix" in t.classes)
    rows = {tr.find_all("th")[0].text(): tr for tr in table.find_all("tr")[1:]}
    monday = rows["Monday"]
    cells = monday.find_all("td")[1:]
    assert [c.attrs["class"] for c in cells] == ["has", "miss"]
    assert visible_text(cells[1]).strip() == "✗"


def test_identical_facts_are_listed_once_in_the_matrix():
    text_a = "Police said 40 people came. Later 40 people left."
    text_b = "Nobody came."
    sentences = (
        Sentence(0, 0, 27, text_a[:27], Role.BODY, Status.UNIQUE),
        Sentence(1, 28, len(text_a), text_a[28:], Role.BODY, Status.UNIQUE),
    )
    facts = (
        Fact("40 people", FactKind.NUMBER, "A", 0, 12, 21, ("B",)),
        Fact("40 People", FactKind.NUMBER, "A", 1, 34, 43, ("B",)),
    )
    comparison = Comparison(
        Settings(),
        (ArticleResult(Article("A", "a", text_a), sentences), ArticleResult(Article("B", "b", text_b), ())),
        (),
        facts,
    )
    root, _ = parse(render_html(comparison, generated=WHEN))
    table = next(t for t in root.find_all("table") if "matrix" in t.classes)
    assert [tr.find_all("th")[0].text() for tr in table.find_all("tbody")[0].find_all("tr")] == ["40 people"]


def test_boilerplate_is_dimmed_and_labelled():
    text = "Rain fell. Subscribe now."
    sentences = (
        Sentence(0, 0, 10, "Rain fell.", Role.BODY, Status.UNIQUE),
        Sentence(1, 11, 25, "Subscribe now.", Role.BOILERPLATE, Status.UNIQUE),
    )
    comparison = Comparison(
        Settings(),
        (ArticleResult(Article("A", "a", text), sentences), ArticleResult(Article("B", "b", ""), ())),
        (),
        (),
    )
    root, _ = parse(render_html(comparison, generated=WHEN))
    (dimmed,) = [n for n in root.find_all("div", "s") if "bp" in n.classes]
    assert "Subscribe now." in dimmed.text()
    assert dimmed.find_all("span", "sr")[0].text() == "boilerplate: "


def test_n_to_m_group_shows_each_member_sentence_and_splits_the_diff_between_them():
    a_text = "The council met. It voted to sell the hospital."
    b_text = "The council met and voted to sell the clinic."
    a_sentences = (
        Sentence(0, 0, 16, a_text[:16], Role.BODY, Status.REWORDED, group=0),
        Sentence(1, 17, len(a_text), a_text[17:], Role.BODY, Status.REWORDED, group=0),
    )
    b_sentences = (Sentence(0, 0, len(b_text), b_text, Role.BODY, Status.REWORDED, group=0),)
    ops = (
        (DiffOp.EQUAL, "The council met"),
        (DiffOp.DELETE, ". It"),
        (DiffOp.INSERT, " and"),
        (DiffOp.EQUAL, " voted to sell the "),
        (DiffOp.DELETE, "hospital"),
        (DiffOp.INSERT, "clinic"),
        (DiffOp.EQUAL, "."),
    )
    group = Group(0, {"A": (0, 1), "B": (0,)}, 0.8, Status.REWORDED, (WordDiff("A", "B", ops),))
    comparison = Comparison(
        Settings(ignore_punctuation=False),  # punctuation counts: the full stop is struck in the first sentence
        (ArticleResult(Article("A", "a", a_text), a_sentences), ArticleResult(Article("B", "b", b_text), b_sentences)),
        (group,),
        (),
    )
    root, _ = parse(render_html(comparison, generated=WHEN))
    rows = [tr for tr in root.find_all("tr") if tr.find_all("div", "s")]
    assert len(rows) == 1
    first, second = rows[0].find_all("td")[0].find_all("div", "s")
    assert [d.text(skip_sr=True) for d in first.find_all("del")] == ["."]
    assert [d.text(skip_sr=True) for d in second.find_all("del")] == ["It", "hospital"]
    assert [i.text(skip_sr=True) for i in rows[0].find_all("ins")] == ["and", "clinic"]
    ignored, _ = parse(render_html(replace(comparison, settings=Settings()), generated=WHEN))
    first = ignored.find_all("div", "s")[0]
    assert first.attrs["id"] == "s-A-0" and first.find_all("del") == []  # a lone full stop, punctuation ignored


def test_notes_from_a_mapping_appear_on_comparison_sentence_and_row(pair):
    group_id = pair.article("A").sentences[2].group
    notes = {
        "comparison": "Checked with the port press office.",
        "sentences": {("B", 2): "confirmed opinion", "A:3": "confirmed omission"},
        "groups": {str(group_id): "good match", 999: "about a row that no longer exists"},
    }
    html = render_html(pair, notes=notes, generated=WHEN)
    root, _ = parse(html)
    assert "Checked with the port press office." in visible_text(root.find_all("header")[0])
    by_id = {n.attrs["id"]: n for n in root.find_all("div", "s")}
    assert "Note: confirmed opinion" in visible_text(by_id["s-B-2"])
    assert "Note: confirmed omission" in visible_text(by_id["s-A-3"])
    row_notes = [visible_text(tr) for tr in root.find_all("tr", "gnote")]
    assert row_notes == ["Note on this row: good match"]
    assert "no longer exists" not in html


def test_notes_from_note_objects_are_rendered_the_same_way(pair):
    notes = [Note("whole comparison"), Note("on a sentence", article="A", sentence=1), Note("on a group", group=0)]
    root, _ = parse(render_html(pair, notes=notes, generated=WHEN))
    text = visible_text(root)
    assert "Note: whole comparison" in text and "Note: on a sentence" in text
    assert "Note on this row: on a group" in text


def test_print_and_dark_mode_styles_are_inlined(pair_html):
    root, _ = parse(pair_html)
    (style,) = root.find_all("style")
    css = style.text()
    assert "@media (prefers-color-scheme: dark)" in css
    assert re.search(r"@page\s*\{\s*size:\s*landscape", css)
    assert "break-inside: avoid" in css


# --- hostile input ------------------------------------------------------------------------------------------

HOSTILE_TEXT = (
    "Breaking <script>alert('x')</script> news\n\n"
    "The mayor <img src=x onerror=alert(1)> said 40 people came. "
    'Click <a href="javascript:alert(2)">here</a> now. '
    "This ends the style </style><script>alert(3)</script> block. "
    'Text areas </textarea><b onclick="alert(4)">close</b> early. '
    "Unmatched <div><span><p> tags and a \x00 null, a \x07 bell and \x1b escape. "
    "Bidi \u202egnp.exe\u202c trick and \u2066isolate\u2069 here. "
    'Quotes " and \' and "><svg onload=alert(5)> inside.'
)
HOSTILE_OTHER = (
    "Ordinary headline\n\n"
    "The mayor said 40 people came. "
    "Click here now. "
    'Nothing else <iframe src="https://evil.example/"></iframe> happened.'
)


@pytest.fixture(scope="module")
def hostile() -> tuple[Comparison, str]:
    a = Article(
        "A",
        "javascript:alert(document.cookie)",
        HOSTILE_TEXT,
        title="\"><script>alert('title')</script>",
        source="<img src=x onerror=alert(6)>",
        published='2026-01-01" onmouseover="alert(7)',
        language="en",
    )
    b = Article(
        "B",
        'https://evil.example/"><script>alert(8)</script>',
        HOSTILE_OTHER,
        title="</title><script>x</script>",
        language="en",
    )
    comparison = compare([a, b], Settings(threshold=0.5))
    notes = {"comparison": "<script>alert('note')</script>", "sentences": {("A", 1): "<img src=x onerror=alert(9)>"}}
    return comparison, render_html(comparison, notes=notes, generated=WHEN)


def test_hostile_articles_produce_no_active_content(hostile):
    _, html = hostile
    root, attribute_lists = parse(html)
    assert not root.find_all("script")
    assert not root.find_all("iframe") and not root.find_all("img") and not root.find_all("svg")
    assert not root.find_all("textarea")
    assert len(root.find_all("style")) == 1
    for tag, attrs in attribute_lists:
        for name, value in attrs:
            assert not name.lower().startswith("on"), (tag, name, value)
            assert name.lower() != "src", (tag, name, value)
            if name.lower() == "href":
                assert value.startswith("#"), (tag, value)
            if name.lower() == "style":
                assert re.fullmatch(r"width:\d+%", value or ""), value
    assert "javascript:" not in " ".join(v or "" for _, attrs in attribute_lists for n, v in attrs if n != "title")


def test_hostile_markup_is_shown_as_text(hostile):
    _, html = hostile
    root, _ = parse(html)
    text = root.text(skip_sr=True)
    assert "<script>alert(3)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "</textarea>" in text
    assert "javascript:alert(document.cookie)" in text  # the path, as plain text


def test_control_and_bidi_characters_are_made_visible(hostile):
    _, html = hostile
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", html)
    root, _ = parse(html)
    text = root.text()
    assert "[RLO]gnp.exe[PDF]" in text
    assert "[LRI]isolate[PDI]" in text
    assert "\u2400 null" in text and "\u2407 bell" in text


def test_quotes_in_metadata_cannot_open_attributes(hostile):
    _, html = hostile
    _, attribute_lists = parse(html)
    titles = [v for tag, attrs in attribute_lists for n, v in attrs if n == "title"]
    assert any('https://evil.example/"><script>alert(8)</script>' in (t or "") for t in titles)


def test_hostile_highlight_counts_still_match(hostile):
    comparison, html = hostile
    root, _ = parse(html)
    assert sentence_counts(root) == expected_sentence_counts(comparison)
    assert fact_ids(root) == expected_fact_ids(comparison)


# --- samples, size, writing ---------------------------------------------------------------------------------


@pytest.mark.parametrize("event", ["en", "de"])
def test_bundled_samples_render_with_counts_matching_the_summary(event):
    paths = sample_paths(event)
    articles = [load_article(str(p), aid) for p, aid in zip(paths, "ABC", strict=False)]
    comparison = compare(articles)
    root, _ = parse(render_html(comparison, generated=WHEN))
    assert sentence_counts(root) == expected_sentence_counts(comparison)
    assert fact_ids(root) == expected_fact_ids(comparison)
    assert ins_chars(root) == expected_ins_chars(comparison)
    assert del_chars(root) == expected_del_chars(comparison)
    assert dom_marks(root) == presented_marks(comparison)  # every mark where the presentation puts it, same tip


def test_crossing_marks_nest_and_a_cut_strike_leaves_its_space_outside():
    """A struck run that a missing fact starts inside of: the fact holds its part of the strike, the space before
    the fact stays unstruck, and every character keeps both marks' tooltips."""
    text = "Talks resumed with Port Ellery Regional Transit today"
    fact = text.index("Port Ellery")
    a = ArticleResult(
        Article("A", "a.txt", text), (Sentence(0, 0, len(text), text, Role.BODY, Status.REWORDED, group=0),)
    )
    b_text = "Talks resumed today"
    b = ArticleResult(
        Article("B", "b.txt", b_text), (Sentence(0, 0, len(b_text), b_text, Role.BODY, Status.REWORDED, group=0),)
    )
    ops = (
        (DiffOp.EQUAL, "Talks resumed"),
        (DiffOp.DELETE, " with Port Ellery Regional Transit"),
        (DiffOp.EQUAL, " today"),
    )
    comparison = Comparison(
        Settings(),
        (a, b),
        (Group(0, {"A": (0,), "B": (0,)}, 0.8, Status.REWORDED, (WordDiff("A", "B", ops),)),),
        (Fact("Port Ellery Regional Transit", FactKind.NAME, "A", 0, fact, fact + 28, ("B",)),),
    )
    page = render_html(comparison, generated=WHEN)
    assert (
        '<del title="not in B"><span class="sr">removed: </span>with</del> <mark class="fm" data-facts="0" '
        'title="missing from B · present in A"><span class="sr">fact missing from B: </span><del title="not in B">'
        '<span class="sr">removed: </span>Port Ellery Regional Transit</del></mark> today'
    ) in page
    root, _ = parse(page)
    assert dom_marks(root) == presented_marks(comparison)


# --- privacy -----------------------------------------------------------------------------------------------------


def test_the_export_of_the_bundled_samples_shows_no_absolute_path_of_the_machine():
    paths = sample_paths("en")
    assert all(p.is_absolute() for p in paths)
    comparison = compare([load_article(str(p), aid) for p, aid in zip(paths, "ABC", strict=False)])
    page = render_html(comparison, generated=WHEN)
    for folder in {str(p.parent) for p in paths} | {str(Path.home()), str(Path.cwd()), str(Path(__file__).parents[1])}:
        assert folder not in page
    assert not re.search(r"(?<![\w.:/])/(home|root|tmp|work|Users|usr|var)/", page)
    for p in paths:
        assert f"file: {p.name}</span>" in page  # each card still says which file it was


def test_full_paths_are_shown_only_when_asked_for(tmp_path):
    from desktop.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(WIRE, encoding="utf-8")
    b.write_text(PARTISAN, encoding="utf-8")
    plain, full = tmp_path / "plain.html", tmp_path / "full.html"
    assert main(["compare", str(a), str(b), "--html", str(plain), "--quiet"]) == 0
    assert main(["compare", str(a), str(b), "--html", str(full), "--html-full-paths", "--quiet"]) == 0
    assert str(tmp_path) not in plain.read_text(encoding="utf-8")
    assert f"file: {a}</span>" in full.read_text(encoding="utf-8")


def _hundred_sentences(path) -> str:
    """A sample article's own sentences, repeated with shifted numbers, one per line, exactly 100 of them."""
    article = load_article(str(path), "X")
    base = [article.text[s.start : s.end].replace("\n", " ") for s in segment(article.text, "en")]
    lines: list[str] = []
    shift = 0
    while len(lines) < 100:
        lines += [re.sub(r"\d+", lambda m, k=shift: str(int(m.group()) + k), sentence) for sentence in base]
        shift += 1
    return "\n".join(lines[:100])


def test_three_articles_of_100_sentences_export_under_250_kb():
    articles = [
        Article(aid, path.name, _hundred_sentences(path), language="en")
        for aid, path in zip("ABC", sample_paths("en"), strict=False)
    ]
    comparison = compare(articles, Settings(presegmented=True))
    assert [len(r.sentences) for r in comparison.articles] == [100, 100, 100]
    assert sum(g.status == Status.REWORDED for g in comparison.groups) >= 20
    assert sum(bool(f.missing_from) for f in comparison.facts) >= 20
    size = len(render_html(comparison, generated=WHEN).encode("utf-8"))
    print(f"3 × 100 sentences: {size / 1024:.0f} KB")
    assert size < 250 * 1024


def test_write_html_replaces_an_existing_file(tmp_path, pair):
    target = tmp_path / "report.html"
    target.write_text("old report")
    write_html(pair, target, notes={"comparison": "kept"})
    written = target.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and "Note:</b> kept" in written
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_failed_render_leaves_the_existing_file_untouched(tmp_path, pair, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old report")

    def broken(*args, **kwargs):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(export_html, "render_html", broken)
    with pytest.raises(RuntimeError):
        write_html(pair, target)
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_html_to_a_missing_folder_raises_oserror(tmp_path, pair):
    with pytest.raises(OSError):
        write_html(pair, tmp_path / "no-such-folder" / "report.html")


def test_stylesheet_cannot_close_its_style_element():
    assert "</" not in export_html._stylesheet()


def test_undecodable_bytes_kept_as_surrogates_still_write_a_valid_utf8_file(tmp_path):
    text = "Bad byte \udcff here."
    sentences = (Sentence(0, 0, len(text), text, Role.BODY, Status.UNIQUE),)
    comparison = Comparison(
        Settings(),
        (ArticleResult(Article("A", "caf\udce9.txt", text), sentences), ArticleResult(Article("B", "b", ""), ())),
        (),
        (),
    )
    target = tmp_path / "report.html"
    write_html(comparison, target)
    written = target.read_bytes().decode("utf-8")
    assert "Bad byte \ufffd here." in written and "caf\ufffd.txt" in written


def test_sentences_pointing_at_unknown_groups_still_render_once():
    text = "One. Two."
    sentences = (
        Sentence(0, 0, 4, "One.", Role.BODY, Status.REWORDED, group=7),
        Sentence(1, 5, 9, "Two.", Role.BODY, Status.UNIQUE),
    )
    comparison = Comparison(
        Settings(),
        (ArticleResult(Article("A", "a", text), sentences), ArticleResult(Article("B", "b", ""), ())),
        (),
        (),
    )
    root, _ = parse(render_html(comparison, generated=WHEN))
    assert reading_orders(root) == {"A": [0, 1]}


def test_cli_compare_writes_the_report(tmp_path):
    from desktop.cli import main

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(WIRE, encoding="utf-8")
    b.write_text(PARTISAN, encoding="utf-8")
    out = tmp_path / "out.html"
    assert main(["compare", str(a), str(b), "--html", str(out), "--quiet"]) == 0
    root, _ = parse(out.read_text(encoding="utf-8"))
    assert len(root.find_all("article", "card")) == 2
    assert "walked out" in " ".join(d.text(skip_sr=True) for d in root.find_all("del"))
