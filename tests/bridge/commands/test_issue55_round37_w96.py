"""Issue 55, round 37 (w96): every example a question offers is a sentence the whole reader acts on, and keeps
what the sentence said, in sentences of our own (never a set's line).

- an example the reader would itself ask about ("make it softer") is never offered, and the reason quotes a
  kept one in its place (``offered``);
- offers beside a question's own never move to a part the sentence did not name ("vary the piano in the
  chorus": the chords or the melody there, never the drums; "change the drums somehow": never the bass);
- an undo said of a part ("undo the drums") asks the part's last change (its previous take) or Live's last
  step, never "unmute the drums" (``undone_parts``).
"""

from __future__ import annotations

import pytest

from bridge.commands import agree
from bridge.commands.means import means_of
from bridge.commands.offered import requoted

# questions of many kinds, in our own words: each example offered must be acted on as said
ASKED = [
    "sort the snare out somehow",
    "make the strings busier in the bridge",
    "vary the organ in the verse",
    "tweak the keys a bit",
    "the outro drags",
    "make the pads more dreamy",
    "give the chorus more lift",
    "make it groove harder",
    "do something cool in the intro",
    "transpose the melody",
    "nudge the bass",
    "louder or quieter, you pick",
    "clean up the snare",
    "modulate the chords please",
    "undo the chords",
    "rework everything somehow",
    "the drop needs something",
    "the second verse is flat",
    "make the rhodes sparser in the outro",
    "humanise the kick and the melody and make it quieter",
]


def _offers(text: str) -> tuple[str, list[str]]:
    intent = agree.parse(text)
    assert intent.action == "unknown", intent
    return str(intent.params.get("reason", "")), [str(s) for s in intent.params.get("suggestions", [])]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize("text", ASKED)
def test_every_example_offered_is_acted_on(text: str) -> None:
    reason, said = _offers(text)
    assert said, reason
    assert not any(" the all" in s or "the everything" in s for s in said), said
    unread = [s for s in said if agree.parse(s).action == "unknown"]
    assert not unread, (reason, unread)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "parts", "place"),
    [
        ("vary the piano in the chorus", {"chords", "melody"}, "in the chorus"),
        ("vary the violin in the bridge", {"chords", "melody"}, "in the bridge"),
        ("make the organ busier", {"chords", "melody"}, ""),
        ("change the drums somehow", {"drums"}, ""),
        ("fix the melody a bit", {"melody"}, ""),
        ("adjust the hats somehow", {"drums"}, ""),
    ],
)
def test_offers_keep_the_part_and_place_said(text: str, parts: set[str], place: str) -> None:
    reason, said = _offers(text)
    quoted = [s for s in said if f"'{s}'" in reason]
    assert len(quoted) >= 2 and all(place in s for s in quoted), (reason, said)
    for s in said:
        target = means_of(agree.parse(s).as_dict()).get("target")
        named = {
            "kick": "drums",
            "snare": "drums",
            "hats": "drums",
            "ride": "drums",
            "claps": "drums",
        }.get(str(target), target)
        assert named not in {"drums", "bass", "chords", "melody"} - parts, (s, target, reason)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "part", "named"),
    [
        ("undo the drums", "drums", "drums"),
        ("revert the snare please", "drums", "snare"),
        ("undo what you did to the bass line", "bass", "bass line"),
        ("undo the last change on the keys", "chords", "keys"),
        ("roll back the melody", "melody", "melody"),
    ],
)
def test_an_undo_of_a_part_asks_its_last_change_or_live_s(text: str, part: str, named: str) -> None:
    reason, said = _offers(text)
    assert said == [f"go back to the previous {part} take", "undo that"], said
    assert f"the last change on the {named}" in reason, reason
    back, undo = (agree.parse(s) for s in said)
    assert (back.action, back.part, back.params.get("do")) == ("history", part, "previous"), back
    assert undo.action == "undo", undo


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "count"),
    [("undo the swing on the drums", 1), ("undo that", 1), ("undo the last three changes", 3)],
)
def test_an_undo_of_a_change_is_still_done(text: str, count: int) -> None:
    intent = agree.parse(text)
    assert intent.action == "undo" and int(intent.params.get("count", 1)) == count, intent


def test_a_dropped_example_is_taken_out_of_the_reason_or_replaced_when_the_last() -> None:
    asked = "did you mean 'make it softer' or 'vary it'?"
    assert requoted(asked, ["make it softer"], ["vary it", "swing it"]) == "did you mean 'vary it'?"
    assert requoted(asked, ["vary it"], ["make it softer"]) == "did you mean 'make it softer'?"
    listed = "(e.g. 'a', 'b' or 'c') what should change?"
    assert requoted(listed, ["b"], ["a", "c"]) == "(e.g. 'a' or 'c') what should change?"
    assert requoted(listed, ["a"], ["b", "c"]) == "(e.g. 'b' or 'c') what should change?"
    alone = "(e.g. 'x') which part?"
    assert requoted(alone, ["x"], ["y"]) == "(e.g. 'y') which part?"
