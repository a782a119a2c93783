"""Issue 55, eleventh round (r55ab): the kinds four fresh writers missed, read as kinds.

A text ("the hats r sooo busy", "mute the bass 4 a bit", "loop 2 midi"), a learner's English ("down for
an octave", "a semitone deeper", "more strong", "mute me the track with the name Keys", "takes which have
a star") and numbers said as a mix engineer says them ("snare -3 dB", "quantize 60%", "mute track 4",
"tempo +6 bpm", "split it into 4 stems") are read as the plain sentence is. Every sentence is the
engineer's own, none from a blind set; each ``FIXED`` one read otherwise (or not at all) on 36924eb,
each ``KEPT`` one is a near sentence whose reading must not change.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.plain_words import plain
from tests.bridge.commands.meant import case, read

TEXTED = [
    case("the snare r way 2 loud rn pls", op="softer", target="snare"),
    case("the hats r sooo busy", op="simpler", target="hats"),
    case("can u mute the bass 4 a bit", op="mute", target="bass"),
    case("turn this piano loop 2 midi", op="transcribe", target="piano"),
    case("transpose the chords 2 D minor", op="transpose", target="chords", key="D minor"),
]
LEARNER = [
    case(
        "from this record please take the piano and give it to me in midi notes",
        op="transcribe",
        target="piano",
    ),
    case("the snare's fine, humanize the hats", op="humanize", target="hats"),
    case("pump the chords like a sidechain", op="automate", target="chords", shape="duck"),
    case("please put the clap an eighth later", op="shift", target="claps", beats=0.5),
    case("take the chords down for one octave", op="transpose", target="chords", semitones=-12),
    case("please bring the melody up for two semitones", op="transpose", target="melody", semitones=2),
    case("I want the bass one octave deeper", op="transpose", target="bass", semitones=-12),
    case("put it a semitone deeper", op="transpose", semitones=-1),
    case("please solo me the track with the name Keys", op="solo", target="track:keys"),
    case("show me please the takes which have a star", op="list_takes", starred=True),
    case(
        "can you make the kick more strong in the chorus",
        op="louder",
        target="kick",
        scope={"section": "chorus"},
    ),
]
NUMBERED = [
    case("hats -2 dB in the verse", op="softer", target="hats", scope={"section": "verse"}),
    case("the pad +3dB", op="louder", target="track:pad"),
    case("cut the shaker by 2 dB", op="softer", target="percussion"),
    case("give the pad 1.5 dB more", op="louder", target="track:pad"),
    case("tempo -5 bpm", op="tempo", target="song", change_bpm=-5),
    case("the jam +8 bpm", op="tempo", target="jam", change_bpm=8),
    case("quantize it 25% and turn it into midi", op="transcribe", target="this", quantize=0.25),
    case("turn this into midi, quantized to 80 percent", op="transcribe", target="this", quantize=0.8),
    case("solo track 4", op="solo", target="track:4"),
    case("drums: remake them in a trap style", op="set", target="drums", genre="trap"),
    case("snare: -2 dB", op="softer", target="snare"),
    case("bass: three alternates", op="vary", target="bass", versions=3),
    case("mute channel 11 please", op="mute", target="track:11"),
]
NAMED = [
    case("a trap beat, 150, 8 bars", op="make", target="drums", genre="trap", bars=8, tempo_bpm=150),
    case("i only need the drum stem from this", op="separate", target="drums"),
    case("just the bass as a stem please", op="separate", target="bass"),
    case("this is in D major, go to the relative minor", op="set", target="song", key="B minor"),
    case("we're in F# minor, put the song in the relative major", op="set", target="song", key="A major"),
    case("write me a whole tune, reggae, 90 bpm", op="make", target="song", genre="reggae", tempo_bpm=90),
]
KEPT = [
    case("write the bass in midi notes", op="make", target="bass"),
    case("drums, 140 bpm, 8 bars", op="make", target="drums", bars=8, tempo_bpm=140),
    case("the snare is fine, humanize the hats", op="humanize", target="hats"),
    case("break this into four stems", op="separate"),
    case("put a clap on beat 2", op="add", target="claps", scope={"beats": 2}),
    case("Note: the tempo is 120", op="set", target="song", tempo_bpm=120),
    case("split this into 6 stems", op="separate", model="htdemucs_6s"),
    case("turn the hats down 2 dB", op="softer", target="hats"),
    case("turn this into midi and quantize it", op="transcribe", target="this", quantize=1.0),
    case("solo the strings track", op="solo", target="track:strings"),
    case("write a tune in D minor", op="make", target="melody", key="D minor"),
    case("set the key to D minor", op="set", target="song", key="D minor"),
    case("the verse drums are too busy", op="simpler", target="drums", scope={"section": "verse"}),
    case("nudge the hats one sixteenth more early", op="shift", target="hats", beats=-0.25),
    case("the kick is way too loud", op="softer", target="kick"),
    case("transpose the chords up 2", op="transpose", target="chords", semitones=2),
    case("give me 4 takes of the bass", op="vary", target="bass", versions=4),
    case("take the chords down by one octave", op="transpose", target="chords", semitones=-12),
    case("make 2 bars of drums", op="make", target="drums", bars=2),
    case("make the drums more simple", op="simpler", target="drums"),
    case("add more low end to the bass", op="make", target="bass"),
    case("make an r&b beat", op="make", target="drums", genre="neo-soul"),
]


@pytest.mark.parametrize(("text", "want"), TEXTED + LEARNER + NUMBERED + NAMED + KEPT)
def test_read_as_the_plain_sentence(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("the verse is kind of weak, fix it", "in the verse?"),
        ("bars 25 to 32 need work", "in bars 25 to 32?"),
        ("bar 7 sounds wrong", "in bar 7?"),
        ("the third part sounds off, change it", "which part, and what should change?"),
    ],
)
def test_a_place_said_wrong_with_no_change_is_asked_about(text: str, where: str) -> None:
    intent = parse(text)
    assert not intent.understood
    assert str(intent.params["reason"]).endswith(where)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the drums r way 2 busy", "the drums are way too busy"),
        ("comin in 2 late", "comin in too late"),
        ("keep it going 4 another 8 bars 🔥", "continue it for 8 bars"),  # then said plainly (slang_words)
        ("yo, sooo good lol", "so good"),
        ("mute me the track with the name Pad", "mute the track named Pad"),
        ("write for me a melody", "write me a melody"),
    ],
)
def test_text_speak_and_a_learners_words_said_plainly(text: str, want: str) -> None:
    assert plain(text) == want


@pytest.mark.parametrize(
    "text",
    ["make 2 bars of drums", "bars 2 to 4", "up 2 the chorus", "bar 4 the kick is loud", "an r n b groove",
     "make it in C♯ minor", "add more low end", "the bass is too loud", "make it thin", "a violin line", "add more high hats", "ramp the tempo from 120 - 130 bpm", "loop of piano w tape hiss"],
)  # fmt: skip
def test_a_plain_sentence_is_kept(text: str) -> None:
    assert plain(text) == text
