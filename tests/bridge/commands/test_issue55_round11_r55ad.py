"""Issue 55, round 11 (r55ad): a sentence that corrects itself is read as corrected.

A marker after a comma ("no", "sorry", "actually", "make that", "or rather") followed by a value of
the kind said just before it (a number with or without its unit, a bar or a range of bars, an
interval, a key, a genre, a part) takes that value back: the later one wins in every slot, and the
one taken back is gone. A later wish that widens an earlier "only" ("well actually just give me all
of them") drops the "only". A "no" that corrects nothing ("no hats", "no reverb") stays a "no".

Every sentence is the engineer's own, none from a blind set.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.fillers import as_meant
from tests.bridge.commands.test_issue55_round10_r55w import case, read


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("give me a drum beat, 8 bars, sorry 16", op="make", target="drums", bars=16),
        case("generate 4 bars of drums, make that 8", op="make", target="drums", bars=8),
        case("a bass line in c minor, 8 bars sorry 12", op="make", target="bass", key="C minor", bars=12),
        case(
            "remove the kick from bar 5, no wait bar 13", op="remove", target="kick", scope={"bars": [13, 13]}
        ),
        case(
            "regenerate bars 1 to 4 of the chords, no, 5 to 8",
            op="infill",
            target="chords",
            scope={"bars": [5, 8]},
        ),
        case(
            "make four takes of the bass, no three, three takes is fine", op="vary", target="bass", versions=3
        ),
        case("make a drum loop in trap, sorry, house", op="make", target="drums", genre="house"),
        case(
            "bring the keys down to D minor, or rather C minor",
            op="transpose",
            target="chords",
            key="C minor",
        ),
        case(
            "start a jam in D minor at 100, house, no, drum and bass",
            op="jam_start",
            target=["drums", "bass"],
            key="D minor",
            genre="drum-and-bass",
            tempo_bpm=100,
        ),
        case(
            "nudge the snare a sixteenth earlier, no, an eighth earlier",
            op="shift",
            target="snare",
            beats=-0.5,
        ),
        case("mute the keys for a sec, no wait, solo them", op="solo", target="chords"),
        case(
            "split it into stems, i only need the bass, well actually just give me all of them", op="separate"
        ),
    ],
)
def test_the_correction_wins(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("bars 2 to 3, no, 6 to 7 of the keys", "bars 6 to 7 of the keys"),
        ("a pad, two bars, sorry, four bars", "a pad 4 bars"),
        ("the lead in funk, or rather lofi hip hop, please", "the lead in lofi hip hop please"),
        ("thin the hats at bar 3, no wait bar 11", "thin the hats at bar 11"),
        ("lift the melody to e minor, or rather f sharp minor", "lift the melody to f sharp minor"),
        ("mute the pads for now, no wait, solo them, just for a bit", "solo the pads for now just for a bit"),
    ],
)
def test_the_value_taken_back_is_gone(text: str, meant: str) -> None:
    assert as_meant(text) == meant


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("no hats till bar 9", op="remove", target="hats", scope={"until_bar": 8}),
        case("a drum groove at 120, no reverb", op="make", target="drums", tempo_bpm=120),
        case("make three takes of the bass", op="vary", target="bass", versions=3),
    ],
)
def test_a_no_that_corrects_nothing_stays(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "make 8 bars, no hats, just kick and snare",
        "drums at 90, no fills please",
        "bars 1 to 4, no reverb on them",
    ],
)
def test_a_no_before_no_value_is_no_correction(text: str) -> None:
    assert as_meant(text) == text
