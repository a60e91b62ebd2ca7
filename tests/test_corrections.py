"""The user's corrections win over the matcher and the commentary detector, on every run, in the order made."""

import pytest
from correction_articles import A, B

from desktop.core.model import CorrectionKind, Settings, Status, UserLink
from desktop.core.pipeline import compare
from desktop.export import from_dict, to_dict

SETTINGS = Settings(match="fuzzy")


def group_of(comparison, aid, index):
    return comparison.article(aid).sentences[index].group


def test_without_corrections_the_paraphrase_stays_unpaired_and_the_verdict_is_commentary():
    plain = compare([A, B], SETTINGS)
    assert group_of(plain, "A", 0) is not None and group_of(plain, "A", 0) == group_of(plain, "B", 0)
    assert group_of(plain, "A", 2) is None and group_of(plain, "B", 2) is None
    assert plain.article("B").sentences[1].commentary


def test_a_link_joins_two_sentences_and_everything_downstream_follows():
    linked = compare([A, B], SETTINGS, user_links=[UserLink(CorrectionKind.LINK, (("A", 2), ("B", 2)))])
    group = group_of(linked, "A", 2)
    assert group is not None and group == group_of(linked, "B", 2)
    assert linked.group(group).evidence is not None
    assert "linked by you" in linked.group(group).evidence.signals
    assert linked.article("A").sentences[2].status != Status.UNIQUE
    assert linked.summary["A"].unique < compare([A, B], SETTINGS).summary["A"].unique


def test_an_unlink_makes_a_matched_sentence_stand_alone():
    unlinked = compare([A, B], SETTINGS, user_links=[UserLink(CorrectionKind.UNLINK, (("A", 0),))])
    assert group_of(unlinked, "A", 0) is None
    assert group_of(unlinked, "B", 0) is None  # its partner has nobody left in the other article
    assert unlinked.article("A").sentences[0].status == Status.UNIQUE


def test_later_corrections_win():
    link = UserLink(CorrectionKind.LINK, (("A", 2), ("B", 2)))
    unlink = UserLink(CorrectionKind.UNLINK, (("A", 2),))
    assert group_of(compare([A, B], SETTINGS, user_links=[link, unlink]), "A", 2) is None
    relinked = compare([A, B], SETTINGS, user_links=[link, unlink, link])
    assert group_of(relinked, "A", 2) == group_of(relinked, "B", 2) is not None


def test_not_commentary_clears_the_flag_and_its_cues():
    corrected = compare([A, B], SETTINGS, user_links=[UserLink(CorrectionKind.NOT_COMMENTARY, (("B", 1),))])
    sentence = corrected.article("B").sentences[1]
    assert not sentence.commentary and sentence.cues == ()
    assert corrected.summary["B"].commentary == compare([A, B], SETTINGS).summary["B"].commentary - 1


@pytest.mark.parametrize("match", ["fuzzy", "combined"])
def test_corrections_survive_a_rerun_with_other_settings(match):
    links = (UserLink(CorrectionKind.LINK, (("A", 2), ("B", 2))),)
    first = compare([A, B], SETTINGS, user_links=links)
    again = compare([A, B], Settings(match=match, threshold=0.7), user_links=first.user_links)
    assert group_of(again, "A", 2) == group_of(again, "B", 2) is not None


def test_a_correction_naming_a_sentence_the_text_no_longer_has_is_skipped():
    stale = [UserLink(CorrectionKind.LINK, (("A", 40), ("B", 2))), UserLink(CorrectionKind.UNLINK, (("Z", 0),))]
    result = compare([A, B], SETTINGS, user_links=stale)
    assert group_of(result, "B", 2) is None
    assert result.user_links == tuple(stale)  # kept: the user's work is not thrown away


def test_corrections_travel_in_the_json():
    links = (UserLink(CorrectionKind.LINK, (("A", 2), ("B", 2))), UserLink(CorrectionKind.NOT_COMMENTARY, (("B", 1),)))
    data = to_dict(compare([A, B], SETTINGS, user_links=links))
    assert data["user_links"] == [
        {"kind": "link", "sentences": [["A", 2], ["B", 2]]},
        {"kind": "not_commentary", "sentences": [["B", 1]]},
    ]
    assert from_dict(data).user_links == links
    data["user_links"].append({"kind": "from_a_later_version", "sentences": []})
    assert from_dict(data).user_links == links
