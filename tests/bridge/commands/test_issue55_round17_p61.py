"""Issue 55, round 17 (p61): Nigerian Pidgin said plainly, and a mix engineer's "tuck".

- Pidgin and its text speak: "d" for the (never a note or key: "in d minor", "key of d", "d sharp", "up
  to d", "a d chord"), "am" / "e" for it, "wey" that, "dey" is, "abeg" please, "abit" a bit, "small" a
  little, "make i hear am" so I can hear it, "i don" I have;
- "tuck X down", "sit X back", "pull X back", "nudge X down", "tuck X under Y", with or without a dB
  amount: softer, never removed; a length after it is still a move or a pitch.
Every sentence is the engineer's own, none from a blind set.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.pidgin_words import pidgin

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, Any]:
    return dict(means_of(parse(text).as_dict()))


@pytest.mark.parametrize(
    ("said", "plain"),
    [
        ("mute d strings for d bridge", "mute the strings for the bridge"),
        ("make d hats softer in d drop", "make the hats softer in the drop"),
        ("quantize am abeg", "quantize it please"),
        ("e dey too loud", "it is too loud"),
        ("d pads dey too loud", "the pads are too loud"),
        ("swing d hats abit", "swing the hats a bit"),
        ("lower am small", "lower it a little"),
        ("solo d keys make i hear am", "solo the keys so i can hear it"),
        ("show me d takes wey i starred", "show me the takes that i starred"),
        ("i don finish d verse", "i have finish the verse"),
    ],
)
def test_pidgin_is_said_plainly(said: str, plain: str) -> None:
    assert pidgin(said) == plain


@pytest.mark.parametrize(
    "said",
    [
        "write a bass line in d minor",
        "put it in the key of d",
        "transpose it up to d",
        "d sharp on beat 3",
        "play a d chord on the one",
        "move it to e flat",
        "transpose it to e minor",
        "i am happy with the drums",
        "start at 9 am",
        "a small room reverb",
        "the kick is too small",
    ],
)
def test_notes_keys_and_plain_words_stay(said: str) -> None:
    assert pidgin(said) == said


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("mute d strings for d bridge", {"op": "mute", "target": "track:strings", "scope": {"section": "bridge"}}),
        ("make d drums busier for d chorus", {"op": "busier", "target": "drums", "scope": {"section": "chorus"}}),
        ("mute d vocal chops track", {"op": "mute", "target": "track:vocal chops"}),
        ("d snare dey too loud abeg", {"op": "softer", "target": "snare"}),
        ("swing d hats abit for d verse",
         {"op": "swing", "target": "hats", "amount": 0.25, "scope": {"section": "verse"}}),
        ("d chords too busy for d bridge, make e simple",
         {"op": "simpler", "target": "chords", "scope": {"section": "bridge"}}),
        ("take d melody up one octave then quantize am",
         {"op": "transpose", "target": "melody", "semitones": 12, "then": [{"op": "quantize", "target": "melody"}]}),
        ("solo d keys make i hear am", {"op": "solo", "target": "chords"}),
        ("write a melody in d minor for d chorus",
         {"op": "make", "target": "melody", "key": "D minor", "scope": {"section": "chorus"}}),
        ("transpose d bass to d", {"op": "transpose", "target": "bass", "key": "D"}),
        ("make a d minor chord progression", {"op": "make", "target": "chords", "key": "D minor"}),
    ],
)  # fmt: skip
def test_pidgin_requests_are_read(text: str, meant: dict[str, Any]) -> None:
    assert _means(text) == meant


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("tuck the snare down 2dB in the chorus", {"op": "softer", "target": "snare", "scope": {"section": "chorus"}}),
        ("tuck the hats down", {"op": "softer", "target": "hats"}),
        ("sit the chords back a touch", {"op": "softer", "target": "chords"}),
        ("nudge the bass down 1 db in the bridge", {"op": "softer", "target": "bass", "scope": {"section": "bridge"}}),
        ("pull the kick back", {"op": "softer", "target": "kick"}),
        ("tuck the kick under the bass", {"op": "softer", "target": "kick"}),
        ("tuck the shaker down by 2 db for the hook",
         {"op": "softer", "target": "percussion", "scope": {"section": "chorus"}}),
    ],
)  # fmt: skip
def test_a_part_tucked_back_is_softer_never_removed(text: str, meant: dict[str, Any]) -> None:
    assert _means(text) == meant


@pytest.mark.parametrize(
    ("text", "op"),
    [("pull the snare back a sixteenth", "shift"), ("nudge the bass down a semitone", "transpose")],
)
def test_a_length_after_it_is_still_a_move_or_a_pitch(text: str, op: str) -> None:
    assert _means(text)["op"] == op
