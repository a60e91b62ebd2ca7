"""Loaded labels in the HTML export: their own mark (wavy underline), the neutral word on hover, a legend entry.

Articles are invented for these tests."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from desktop.core.model import Article, Settings
from desktop.core.pipeline import compare
from desktop.export import render_html

WHEN = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def junta():
    a = Article(
        "A", "a.txt", "Kurz notiert. Die Militärregierung kündigte am Montag Wahlen für 2027 an.", language="de"
    )
    b = Article("B", "b.txt", "Kurz notiert. Die Junta kündigte am Montag Wahlen für 2027 an.", language="de")
    return compare([a, b], Settings(threshold=0.5))


def test_a_loaded_label_is_marked_with_its_neutral_word_and_the_sentence_stays_reporting(junta):
    page = render_html(junta, generated=WHEN)
    marks = re.findall(r'<mark class="lb" title="([^"]*)"><span class="sr">([^<]*)</span>(.*?)</mark>', page)
    # The label's words may sit inside a word-diff run (Junta replaced Militärregierung): strip the inner tags.
    assert [(title, sr, re.sub(r"<[^>]+>", "", inner).replace("inserted: ", "")) for title, sr, inner in marks] == [
        ("loaded label — neutral: Militärregierung", "loaded label (neutral: Militärregierung): ", "Junta")
    ]
    sentence = re.search(r'<div class="([^"]*)" id="s-B-1"', page)
    assert sentence is not None and "cm" not in sentence.group(1).split()


def test_the_legend_explains_the_label_mark(junta):
    page = render_html(junta, generated=WHEN)
    assert '<li><mark class="lb sw">label</mark> wavy: a loaded label' in page
    assert "mark.lb {" in page and "underline wavy" in page


def test_a_sentence_without_labels_has_no_label_mark():
    a = Article("A", "a.txt", "Die Regierung kündigte am Montag Wahlen an. Es regnete.", language="de")
    b = Article("B", "b.txt", "Die Regierung kündigte Wahlen an. Es regnete.", language="de")
    page = render_html(compare([a, b], Settings()), generated=WHEN)
    assert '<mark class="lb" ' not in page
