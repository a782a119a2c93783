"""Round 16's kinds (issue 55, w60a), in sentences of our own: a part kept first and the change said
"just" after it; two changes typed as a terse pair or joined by a comma; a fill's spacing with no unit;
a part "cleaned up" (fewer notes or tighter, asked, never removed)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.terse_pairs import paired

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, object]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("leave the snare, just thin out the toms", {"op": "simpler", "target": "toms"}),
        ("keep the bass, only make the chords simpler", {"op": "simpler", "target": "chords"}),
        ("leave the ride but just quantize the kick", {"op": "quantize", "target": "kick"}),
        ("keep the melody, just thin the chords", {"op": "simpler", "target": "chords"}),
    ],
)  # fmt: skip
def test_a_part_kept_first_is_not_changed(text: str, want: dict[str, object]) -> None:
    assert _means(text) == want


def test_a_kept_part_said_with_it_is_left_to_the_whole_sentence() -> None:
    assert _means("keep the kick, only the kick") == {"op": "keep_only", "target": "kick"}


@pytest.mark.parametrize("text", ["clean up the toms", "keep the kick, just clean up the snare",
                                  "clean the bass line up"])  # fmt: skip
def test_a_part_cleaned_up_is_asked_never_removed(text: str) -> None:
    intent = parse(text)
    assert not intent.understood
    assert str(intent.params["reason"]).endswith("fewer notes or tighter timing?")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("solo chords, mute melody",
         {"op": "solo", "target": "chords", "then": [{"op": "mute", "target": "melody"}]}),
        ("busier snare simpler kick",
         {"op": "busier", "target": "snare", "then": [{"op": "simpler", "target": "kick"}]}),
        ("snare down, kick up",
         {"op": "softer", "target": "snare", "then": [{"op": "louder", "target": "kick"}]}),
        ("make the bass quieter and the chords louder",
         {"op": "softer", "target": "bass", "then": [{"op": "louder", "target": "chords"}]}),
    ],
)  # fmt: skip
def test_two_terse_changes_are_each_done(text: str, want: dict[str, object]) -> None:
    assert _means(text) == want


def test_a_pair_with_one_way_is_one_change_on_both() -> None:
    assert paired("louder snare, louder kick") is None
    assert paired("quieter kick and hats") is None
    assert paired("softer snare busier hats") == "make the snare softer, make the hats busier"


@pytest.mark.parametrize(("text", "every"), [("fills every 8", 8), ("a drum fill every 4", 4),
                                             ("add a fill every fourth", 4)])  # fmt: skip
def test_a_fills_spacing_said_without_a_unit_is_bars(text: str, every: int) -> None:
    assert _means(text) == {"op": "fill", "target": "drums", "every": every}
