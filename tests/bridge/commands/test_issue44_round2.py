"""Issue 44, second round: families blind set 2 missed, each tested on sentences of their own
(not the set's): a key the notes move into, vague requests asked about, track names said with
more words, counts and relative words."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse


def _parsed(text: str) -> tuple[str, str | None, dict[str, Any]]:
    intent = parse(text)
    return intent.action, intent.part, intent.params


@pytest.mark.parametrize(
    ("text", "part", "to"),
    [
        ("take it to D dorian", None, "D dorian"),
        ("transpose this to F sharp major", None, "F# major"),
        ("modulate everything to E flat major", "all", "Eb major"),
        ("move the chords to A minor", "chords", "A minor"),
        ("bring the bass down into G minor", "bass", "G minor"),
        ("shift the melody to C lydian", "melody", "C lydian"),
    ],
)
def test_a_key_the_notes_move_into_is_a_transpose_to_it(text: str, part: str | None, to: str) -> None:
    assert _parsed(text) == ("transform", part, {"kind": "transpose", "to": to})


@pytest.mark.parametrize(
    "text", ["set the key to B minor", "change the key to E minor", "transpose the song to D minor"]
)
def test_the_key_of_the_song_is_still_a_key_change(text: str) -> None:
    assert _parsed(text)[0] == "set_key"
