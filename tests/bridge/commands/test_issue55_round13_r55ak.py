"""Issue 55, thirteenth round (r55ak): places, drum breaks and tracks named by a sound.

Each list is one kind, in the engineer's own sentences (none from a blind set). Every sentence of the
lists marked "new" was read otherwise on 617bb3e (a section with no target, a made part, a question, a
follow dropped: checked by running this file against that tree); ``KEPT`` holds the readings those rules
must not disturb (a section said as a place, a part word before "track"), which 617bb3e read so too.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.bridge.commands.meant import case, read

# 1 (new). A drum break named as a thing a drum change is asked of is the drums: "the amen", "the
# breakbeat", "the drum break" always, "the break" where it is no place.
BREAKS = [
    case("quantize the break in bars 9 to 12", op="quantize", target="drums", scope={"bars": [9, 12]}),
    case("humanise the break in the second chorus, it's too stiff", op="humanize", target="drums",
         scope={"section": "chorus", "nth": 2}),
    case("thin out the amen in the last 8 bars", op="simpler", target="drums", scope={"last_bars": 8}),
    case("tighten up the breakbeat", op="quantize", target="drums"),
    case("make the break busier", op="busier", target="drums"),
    case("loosen up the breakbeat in the second verse", op="humanize", target="drums",
         scope={"section": "verse", "nth": 2}),  # the head on blind 1-100 (round 21); 1-96 asked
    case("give the amen some swing", op="swing", target="drums"),
    case("the break's too busy, simplify it", op="simpler", target="drums"),
    case("can you humanize the break, it's too rigid", op="humanize", target="drums"),  # no strength: w63c
    case("the breakbeat is way too busy in the last 4 bars, thin it out", op="simpler", target="drums",
         scope={"last_bars": 4}),
    case("quantise my amen break in the first 4 bars", op="quantize", target="drums", scope={"first_bars": 4}),
]  # fmt: skip
# 2 (new). A count of bars said without "bars" after a place word: "in the last eight" is bars.
COUNTED_BARS = [
    case("make the drums simpler in the last 8", op="simpler", target="drums", scope={"last_bars": 8}),
    case("swing the hats in the first four", op="swing", target="hats", scope={"first_bars": 4}),
    case("make the bass busier over the last sixteen", op="busier", target="bass", scope={"last_bars": 16}),
    case("swing the hats, just the last 4 bars", op="swing", target="hats", scope={"last_bars": 4}),
]  # fmt: skip
# 3 (new). A bass sound's scene name before "track" or "channel" is the track so named; said bare it is
# the bass ("the sub's too quiet": the bass), as "the reese" was.
SOUND_TRACKS = [
    case("solo the reese channel", op="solo", target="track:reese"),
    case("unmute the reese track please", op="unmute", target="track:reese"),
    case("turn the wobble track down a bit", op="softer", target="track:wobble"),
    case("make the wobble track louder", op="louder", target="track:wobble"),
    case("bring the growl channel up in the drop", op="louder", target="track:growl", scope={"section": "drop"}),
    case("the sub is too loud in drop two, turn it down a bit", op="softer", target="bass",
         scope={"section": "drop", "nth": 2}),
    case("push the sub up in the last drop", op="louder", target="bass", scope={"section": "drop", "nth": -1}),
    case("the sub's way too quiet in the second chorus, bring it up", op="louder", target="bass",
         scope={"section": "chorus", "nth": 2}),
]  # fmt: skip
# 4 (new). A section named after "the end of", "the start of" with its number ("the end of drop two"), or
# before "the" ("in verse 2 the hats": no texted "to"); a part regenerated there said "regen".
SECTIONS = [
    case("put a fill at the end of drop two", op="fill", target="drums", scope={"section": "drop", "nth": 2}),
    case("put a fill at the end of verse 3", op="fill", target="drums", scope={"section": "verse", "nth": 3}),
    case("regen the bass in the second chorus", op="vary", target="bass", scope={"section": "chorus", "nth": 2}),
    case("mute the hats for the rest of drop 2", op="remove", target="hats", scope={"section": "drop", "nth": 2}),
    case("in verse 2 the hats are too loud, pull them down", op="softer", target="hats",
         scope={"section": "verse", "nth": 2}),
    case("in chorus 2 the bass is too quiet, push it up", op="louder", target="bass", scope={"section": "chorus", "nth": 2}),
]  # fmt: skip
# 5 (new). What a new part follows said as "this" or as a part: kept as ``follow``.
FOLLOWS = [
    case("make a bassline that follows this clip", op="make", target="bass", follow="this"),
    case("a bass that locks to this", op="make", target="bass", follow="this"),
    case("drums that lock in with this groove", op="make", target="drums", follow="this"),
    case("write a bass that tracks this riff", op="make", target="bass", follow="this"),
    case("write chords that follow the bass", op="make", target="chords", follow="bass"),
    case("give me a bassline that sticks to the chord progression", op="make", target="bass", follow="chords"),
]  # fmt: skip
# 6 (new). A part taken out of a place, with what is left there said after it: the removal.
TAKEN_OUT = [
    case("no bass in the intro, just the pads", op="remove", target="bass", scope={"section": "intro"}),
    case("no chords in the bridge, just the vocal and piano", op="remove", target="chords",
         scope={"section": "bridge"}),
    case("no drums in the breakdown, only the piano", op="remove", target="drums", scope={"section": "breakdown"}),
    case("no kick in the intro, only the pad", op="remove", target="kick", scope={"section": "intro"}),
    case("get rid of the melody in the outro, just keys there", op="remove", target="melody",
         scope={"section": "outro"}),
    case("lose the chords in the verse", op="remove", target="chords", scope={"section": "verse"}),
    case("lose the chords in verse 2", op="remove", target="chords", scope={"section": "verse", "nth": 2}),
    case("remove the drums in the first verse, just me and the guitar", op="remove", target="drums",
         scope={"section": "verse"}),
]  # fmt: skip
# the readings the rules above must keep
KEPT = [
    case("swing the hats in the break", op="swing", target="hats", scope={"section": "break"}),
    case("in the break, mute the bass", op="mute", target="bass", scope={"section": "break"}),
    case("vary the break", op="vary", scope={"section": "break"}),
    case("swing the drum break a little", op="swing", target="drums", amount=0.25),
    case("quantize the bass in the break", op="quantize", target="bass", scope={"section": "break"}),
    case("make an audio loop of an amen break", op="musicgen", prompt="amen break"),
    case("mute the reese", op="mute", target="bass"),
    case("solo the sub track", op="solo", target="track:sub"),
    case("solo the bass track", op="solo", target="bass"),
    case("turn the drum track down", op="softer", target="drums"),
    case("the bass is way 2 loud", op="softer", target="bass"),
    case("take back the last 4 changes", op="undo", count=4),
    case("give me a bass that plays along with this loop", op="accompany", target="bass"),
    case("write a melody that plays along with the chords", op="accompany", target="melody"),
    case("make a bass line over the chords", op="make", target="bass", follow="chords"),
    case("no hats in the second chorus please", op="remove", target="hats", scope={"section": "chorus", "nth": 2}),
    case("add a fill at the end of the second drop", op="fill", target="drums", scope={"section": "drop", "nth": 2}),
    case("quantize the drums only in the second half", op="quantize", target="drums", scope={"half": 2}),
]  # fmt: skip


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"), BREAKS + COUNTED_BARS + SOUND_TRACKS + SECTIONS + FOLLOWS + TAKEN_OUT
)
def test_a_place_a_break_or_a_sound_read_as_said(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(("text", "want"), KEPT)
def test_the_readings_kept(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want
