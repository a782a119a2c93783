"""Issue 55, round 18 (w61b): "this" and the clip in hand not lost to a part word or the song. A setting
said of the clip ("the key of this clip"), a guitarist's "tune it down" (the verb, never the melody) with a
tuning said beside it, a recording in hand described ("this live drum loop") put in time with the song, a
clip matched to the project's speed, and hand percussion transcribed as drums. Sentences of our own."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.theory_words import tuned


def _means(text: str) -> dict[str, object]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("change the key of this clip to Bb major", {"op": "set", "target": "this", "key": "Bb major"}),
        ("set the key of the bass to E minor", {"op": "set", "target": "bass", "key": "E minor"}),
        ("switch the key of that clip to C# minor", {"op": "set", "target": "this", "key": "C# minor"}),
        ("change the genre of this clip to reggae", {"op": "set", "target": "this", "genre": "reggae"}),
        (
            "abeg change d key of dis clip to A minor",
            {"op": "set", "target": "this", "key": "A minor"},
        ),  # Pidgin
    ],
)
def test_a_setting_said_of_the_clip_or_a_part_is_theirs(text: str, want: dict[str, object]) -> None:
    assert _means(text) == want


def test_the_key_of_the_song_or_no_owner_stays_lives() -> None:
    assert _means("change the key of the song to D minor") == {
        "op": "set",
        "target": "song",
        "key": "D minor",
    }
    assert _means("change the key to A minor") == {"op": "set", "target": "song", "key": "A minor"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("tune this down a semitone, we are in Eb standard now", {"semitones": -1}),
        ("tune the bass up 2 semitones", {"target": "bass", "semitones": 2}),
        ("tune it down 3 semitones, the guitars are in drop C", {"semitones": -3}),
        (
            "transpose the chords down 2 semitones, we are in drop D now",
            {"target": "chords", "semitones": -2},
        ),
    ],
)
def test_tune_down_is_a_transpose_of_what_is_said(text: str, want: dict[str, object]) -> None:
    assert _means(text) == {
        "op": "transpose",
        **want,
    }  # no melody for "tune", no section for "drop" ("this": no target)


def test_a_tuning_is_left_out_only_beside_a_pitch_move() -> None:
    assert (
        tuned("tune the chords down a semitone, we're in D standard")
        == "transpose the chords down a semitone"
    )
    assert tuned("write a riff in drop D") == "write a riff in drop D"  # a sound to make: kept
    assert tuned("tune the vocals") == "tune the vocals"  # no way said: no transpose
    assert tuned("tune the drums down a bit") == "tune the drums down a bit"  # a kit in the room: as before


@pytest.mark.parametrize(
    "text",
    [
        "sync this live drum loop to the grid",
        "lock my old vinyl sample to the tempo",
        "snap that dusty break up to the grid",
        "can you make this piano clip match the speed of my project",
        "have the vocal sample match the bpm of my session",
    ],
)
def test_a_recording_in_hand_put_in_time_is_warped(text: str) -> None:
    assert _means(text) == {"op": "warp"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("line the hats up to the grid", {"op": "quantize", "target": "hats"}),
        ("quantize this drum loop to the grid", {"op": "quantize", "target": "drums"}),
    ],
)
def test_a_part_lined_up_stays_quantized(text: str, want: dict[str, object]) -> None:
    assert _means(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "turn this shekere loop to midi",
        "convert the cowbell recording into midi",
        "this maracas loop into midi pls",
    ],
)
def test_hand_percussion_transcribed_is_drums(text: str) -> None:
    assert _means(text) == {"op": "transcribe", "target": "drums"}


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("change the key of this clip to G minor", {"op": "set", "target": "this", "key": "G minor"}),
        (
            "tune this down a whole step, the guitars are in D standard now",
            {"op": "transpose", "semitones": -2},
        ),
        ("sync this live conga loop to the grid", {"op": "warp"}),
        ("could you make this music clip match the tempo of my project", {"op": "warp"}),
    ],
)
def test_the_clip_in_hand_with_the_learned_reading(text: str, want: dict[str, object]) -> None:
    assert _means(text) == want
