"""Issue 55, round 28 (w73b): a writer schooled in German music and a writer texting in short forms (sentences of
our own, never a blind set's lines). The German note H before a mode is B, and a count of "Takt" is bars (never
the ordinal of the section said before it); "B" stays the English B (German B-flat is not guessed). Room another
part must have, said in German order after the request, is a purpose; engraving a score and mastering to a
loudness are no jobs of MuseAroo's; a length said first with no verb makes the part; the learned reading sees
measures as bars and "jungle" as drum and bass; a texter's bare "reese", "a sub bass" in a list of
parts, "take the mute off", "measuers" and "diffrence" are read."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.german_words import german
from bridge.commands.means import means_of
from tests.bridge.commands.meant import case

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "write some chords in H major at 90 bpm", op="make", target="chords", key="B major", tempo_bpm=90
        ),
        case("a melody of eight bars in h-moll", op="make", target="melody", key="B minor", bars=8),
        case(
            "a bass line for the verse, eight Takt",
            op="make",
            target="bass",
            bars=8,
            scope={"section": "verse"},
        ),
        case("take the mute off the drums", op="unmute", target="drums"),
        case("continue the bass for four more measuers", op="continue", target="bass", bars=4),
        case("reese down 3 semis", op="transpose", target="bass", semitones=-3),
        case(
            "chords and a sub bass for the chorus, 4 bars each",
            op="make",
            target=["chords", "bass"],
            bars=4,
            scope={"section": "chorus"},
        ),
        case(
            "make the drums simpler in the chorus, there the lead vocal must have space",
            op="simpler",
            target="drums",
            scope={"section": "chorus"},
        ),
        case(
            "sixteen measures of funk bass for the chorus",
            op="make",
            target="bass",
            bars=16,
            genre="funk",
            scope={"section": "chorus"},
        ),
        case("redo it as jungle", op="set", target="this", genre="drum-and-bass"),
        case("compose me a melody in 3/4 time, four bars", op="make", target="melody", meter="3/4", bars=4),
    ],
)
def test_read_as_meant(text: str, want: dict[str, Any]) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in want} == want, got
    assert set(got) <= {*want, "op"}, got  # nothing said by the reading only


def test_the_difference_asked_between_two_takes_is_a_comparison() -> None:
    got = means_of(parse("whats the diffrence between the first and the second take").as_dict())
    assert got.get("op") == "compare", got


@pytest.mark.parametrize(
    "text",
    [
        "engrave the melody as a lead sheet",
        "could you master the piece for the radio mix at minus 9 lufs",
    ],
)
def test_jobs_outside_live_are_refused_whole(text: str) -> None:
    intent = parse(text)
    assert not intent.understood, intent
    assert "not something MuseAroo does" in intent.params.get("reason", ""), intent


def test_b_stays_the_english_b_and_h_only_before_a_mode() -> None:
    """German B is B-flat, English B is B: never guessed, so "B" stays as every reader reads it; "H" is read
    only before a mode word ("the H" or "H" alone are no note)."""
    assert german("a bass line in B minor") == "a bass line in B minor"
    assert german("chords in B-Dur") == "chords in B-Dur"
    assert german("mute track H") == "mute track H"
    assert german("chords in H-Dur") == "chords in B major"
    got = means_of(parse("a bass line in B minor").as_dict())
    assert got.get("key") == "B minor", got
