"""Issue 55, round 24 (w68c): four kinds of misread acted on wrongly. A preface naming a new song as an
idea ("ok new song idea. 8 bars drums ...") made the whole song; a purpose said after a comma as where the
loop plays ("..., for under the slow air") stayed in a MusicGen prompt; a part that "rides with" another was
read as following it, and one that plays along with "the 808" as a plain make (the learned reading's, which
drops the part played along with); "play it" after a change on a part played that part (the transport takes
none). Sentences of our own, never a blind set's lines."""

from __future__ import annotations

from typing import Any

import pytest

from tests.bridge.commands.meant import case, read

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _has(got: dict[str, Any], want: dict[str, Any]) -> bool:
    return {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("ok new song idea. 4 bars of chords in E minor", op="make", target="chords", bars=4),
        case("so, a quick idea for a new track - a bass line in D minor", op="make", target="bass"),
        case("fresh idea for a song: 8 bars of drums", op="make", target="drums", bars=8),
    ],
)
def test_an_idea_said_first_is_no_target(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("new song idea. bossa nova at 120", op="make", target="song"),  # no part after it: the song
        case("new song from scratch, funk, 100 bpm", op="make", target="song"),
    ],
)
def test_a_song_asked_stays_the_song(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want), got


@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("an audio loop of waves on shingle, 4 bars, for behind the narration", "waves on shingle"),
        ("an audio loop of a crackling fire, 8 bars, for under the ballad", "crackling fire"),
        ("an audio loop of birdsong, 4 bars, for underneath the harp tune", "birdsong"),
        ("musicgen: crowd chatter, 8 bars, for when the dancers come on", "crowd chatter"),
    ],
)
def test_where_a_loop_plays_is_no_prompt(text: str, prompt: str) -> None:
    got = read(text)
    assert got.get("op") == "musicgen" and got.get("prompt") == prompt, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("write a bass line that rides with the drums", op="accompany", target="bass"),
        case("write some keys to ride with the melody", op="accompany", target="chords"),
        case("write a melody that plays along w the 808", op="accompany", target="melody"),
        case("give me chords that play along with the 808s", op="accompany", target="chords"),
    ],
)
def test_a_part_ridden_with_is_played_along_with(text: str, want: dict[str, Any]) -> None:
    got = read(text)
    assert _has(got, want) and "follow" not in got, got


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("mute the bass and play it from the top", "mute"),
        ("solo the chords and then play it so i can hear them alone", "solo"),
        ("quantize the hats and stop it", "quantize"),
    ],
)
def test_the_transport_after_a_change_takes_no_part(text: str, op: str) -> None:
    got = read(text)
    then = got.get("then") or [{}]
    assert got.get("op") == op and then[-1].get("op") in ("play", "stop") and "target" not in then[-1], got
