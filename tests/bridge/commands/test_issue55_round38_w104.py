"""Issue 55, round 38 (w104): a drumline's words, in sentences of our own (``drumline_words``).

- "bass drum(s)", singular or plural, is the kick wherever a part or voice is read (the rules and the
  learned reading both see "kick"): "pull the bass drums out of the intro" had asked for the bass line;
- "the cadence" (a drumline's groove) where a part stands is the drums, as "the beat" is: "two more takes
  of the cadence" varied no part; a harmonic cadence stays as said;
- "the tenors" are the toms where a drum voice stands: "humanize the tenors" asked which part.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.drumline_words import drums_plainly
from tests.bridge.commands.meant import case, read

LEARNED = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate

DRUMLINE = [
    case(
        "Take the bass drums out of the verse, please!",
        op="remove",
        target="kick",
        scope={"section": "verse"},
    ),
    case("Nudge the bass drums a sixteenth later", op="shift", target="kick", beats=0.25),
    case("keep only the snares and the bass drums", op="keep_only", target=["snare", "kick"]),
    case("Humanise the bass drum", op="humanize", target="kick"),
    case("Quantize the tenors!", op="quantize", target="toms"),
    case("Make the tenors simpler", op="simpler", target="toms"),
    case("Three more takes of that cadence!", op="vary", target="drums", versions=3),
    case("Keep this cadence going for another four bars", op="continue", target="drums", bars=4),
]


@LEARNED
@pytest.mark.parametrize(("text", "want"), DRUMLINE)
def test_a_drumlines_words_are_its_voices_and_groove(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(("text", "want"), DRUMLINE)
def test_a_drumlines_words_are_its_voices_and_groove_by_the_rules_alone(
    text: str, want: dict[str, Any]
) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "end the chorus on a plagal cadence",
        "resolve the cadence to the tonic chord",
        "make the tenor sax louder",
        "the tenors in the choir are too loud",
        "a drum machine with a bass drum machine feel",
    ],
)
def test_a_harmonic_cadence_and_singing_tenors_stay_as_said(text: str) -> None:
    plain = drums_plainly(text)
    assert "drums" not in plain.replace("drum machine", "") and "toms" not in plain, plain


# a mix complaint with no direction, its "is" dropped ("the clarinet not sitting good in the mix, sort it
# out" made the clarinet softer): which change is asked, never a guessed direction (``vague_words.placed``)
@LEARNED
@pytest.mark.parametrize(
    "text",
    [
        "the sax not sitting right in the mix",
        "the flute not fitting well in the mix, can you fix it",
        "the oboe not sitting good in the mix, sort it out please",
        "the organ isnt sitting right in the mix, fix it in the mix",
    ],
)
def test_a_mix_complaint_with_no_direction_asks_which_change(text: str) -> None:
    got = parse(text)
    assert not got.understood and "what should change" in str(got.params["reason"]), got
