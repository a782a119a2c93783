"""Issue 55, round 12 (r55af): parts named by their sound or role, in a beginner's words.

"the boom" is the kick, "the tss tss" the hats, "the deep drum and the clappy one" two voices, "the
thing that plays the chords" the chords, "the singing, without the music" the vocals split out,
"this humming ... into notes i can edit" a melody transcribed, "quiet little snare taps in between"
ghost notes, "the boom goes on every single beat" four on the floor, "way too many notes" simpler.
A pitch that fits two parts ("the high one") is asked about; a sound word said of a named part
("make the kick more boomy") keeps that part.

Every sentence is the engineer's own, none from a blind set.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.role_words import described
from tests.bridge.commands.test_issue55_round10_r55w import case, read


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("the boom is way too loud", op="softer", target="kick"),
        case("turn the thump down a bit", op="softer", target="kick"),
        case("drop the boom in the first 4 bars", op="remove", target="kick", scope={"first_bars": 4}),
        case("the smack is way too loud", op="softer", target="snare"),
        case("remove the tss in the intro", op="remove", target="hats", scope={"section": "intro"}),
        case("get rid of the tsss in the intro", op="remove", target="hats", scope={"section": "intro"}),
        case("could you bring the doof up", op="louder", target="kick"),
        case("make the thump louder", op="louder", target="kick"),
        case("remove the boom in the chorus", op="remove", target="kick", scope={"section": "chorus"}),
        case("make the tss tss louder", op="louder", target="hats"),
        case("turn down the tick tick cymbal", op="softer", target="hats"),
        case(
            "the booms are too quiet in the chorus", op="louder", target="kick", scope={"section": "chorus"}
        ),
    ],
)
def test_a_sound_said_as_a_noun_is_its_voice(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("keep only the deep drum and the clappy one", op="keep_only", target=["kick", "claps"]),
        case("remove the deep drum and the snappy one", op="remove", target=["kick", "snare"]),
        case("keep only the big drum and the tss tss", op="keep_only", target=["kick", "hats"]),
        case("get rid of the bass drum and the clappy one", op="remove", target=["kick", "claps"]),
        case("keep only the boom and the smack", op="keep_only", target=["kick", "snare"]),
        case("leave only the low drum and the smack", op="keep_only", target=["kick", "snare"]),
        case("take out the boom and the clappy sound", op="remove", target=["kick", "claps"]),
        case("leave just the fat drum and the snare", op="keep_only", target=["kick", "snare"]),
        case("lose the boom and the tss", op="remove", target=["kick", "hats"]),
        case(
            "i only want the deep drum and the snappy one, kill the rest",
            op="keep_only",
            target=["kick", "snare"],
        ),
    ],
)
def test_two_voices_by_their_sound_are_two_targets(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("solo the synth that plays the melody", op="solo", target="melody"),
        case(
            "the thing that plays the chords has too many notes in the second half",
            op="simpler",
            target="chords",
            scope={"half": 2},
        ),
        case("unmute the thing that plays the chords", op="unmute", target="chords"),
        case("mute the thing that plays the chords", op="mute", target="chords"),
        case("solo the thing doing the drums", op="solo", target="drums"),
        case("mute the one that plays the tune", op="mute", target="melody"),
        case("the thing playing the chords has way too many notes", op="simpler", target="chords"),
        case("mute the instrument playing the bassline", op="mute", target="bass"),
        case("mute the keyboard that plays the chords", op="mute", target="chords"),
        case("solo the guy playing the bass line", op="solo", target="bass"),
    ],
)
def test_a_part_said_by_what_it_plays_is_that_part(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "i just want the singing from this, without the music behind it", op="separate", target="vocals"
        ),
        case("keep her voice but get rid of the backing track", op="separate", target="vocals"),
        case("strip the instrumental off the vocals", op="separate", target="vocals"),
        case("can i have just the vocals with no music", op="separate", target="vocals"),
        case("the singing on its own, lose the band", op="separate", target="vocals"),
        case("give me the vocal from this song without the instruments", op="separate", target="vocals"),
        case("her singing without the music under it", op="separate", target="vocals"),
        case("remove the music behind the vocals", op="separate", target="vocals"),
        case("only the voice, minus the instrumental", op="separate", target="vocals"),
        case("get the acapella without the beat", op="separate", target="vocals"),
    ],
)
def test_the_voice_kept_without_the_music_is_the_vocals_split_out(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("turn this humming i recorded into notes i can edit", op="transcribe", target="melody"),
        case("turn what i sang into midi", op="transcribe", target="melody"),
        case("can you make my whistling into notes in the piano roll", op="transcribe", target="melody"),
        case("the tune i hummed, put it into notes i can edit", op="transcribe", target="melody"),
        case("make what i whistled into midi", op="transcribe", target="melody"),
        case("this singing into notes so i can edit it", op="transcribe", target="melody"),
        case("convert the bit i sang into notes i could use", op="transcribe", target="melody"),
        case("get my hummed idea into the piano roll as notes", op="transcribe", target="melody"),
        case("turn the melody i sang to notes i can change", op="transcribe", target="melody"),
        case("i hummed something, make it into notes i can edit", op="transcribe", target="melody"),
    ],
)
def test_what_was_sung_or_hummed_is_transcribed_as_a_melody(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("add some quiet little snare taps in between the main hits", op="add", target="ghost_notes"),
        case("can you put soft ghosty snare hits between the backbeats", op="add", target="ghost_notes"),
        case("add a few faint snare touches", op="add", target="ghost_notes"),
        case("put tiny quiet taps on the snare in between", op="add", target="ghost_notes"),
        case("add really soft little snare hits between the big ones", op="add", target="ghost_notes"),
        case("add gentle snare taps", op="add", target="ghost_notes"),
        case("put some quiet snare notes in between the backbeats please", op="add", target="ghost_notes"),
        case("sprinkle barely audible snare hits between the main ones", op="add", target="ghost_notes"),
        case("add light little snare flicks", op="add", target="ghost_notes"),
        case("get rid of those quiet little snare taps in between", op="remove", target="ghost_notes"),
    ],
)
def test_quiet_snare_taps_in_between_are_ghost_notes(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("make the boom go on every single beat", op="feel", target="drums", feel="four_on_the_floor"),
        case(
            "can the drums do that club thing where the boom goes on every single beat",
            op="feel",
            target="drums",
            feel="four_on_the_floor",
        ),
        case(
            "the kick goes on every beat please, like a house track",
            op="feel",
            target="drums",
            feel="four_on_the_floor",
        ),
        case(
            "make the bass drum hit on every single beat", op="feel", target="drums", feel="four_on_the_floor"
        ),
        case("i want the thump going on each beat", op="feel", target="drums", feel="four_on_the_floor"),
        case("have the kick play on all four beats", op="feel", target="drums", feel="four_on_the_floor"),
        case("let the kick drum go on every beat", op="feel", target="drums", feel="four_on_the_floor"),
        case("make the deep drum go on every beat", op="feel", target="drums", feel="four_on_the_floor"),
        case("get the boom to hit on every single beat", op="feel", target="drums", feel="four_on_the_floor"),
        case("the boom should be pumping on every beat", op="feel", target="drums", feel="four_on_the_floor"),
    ],
)
def test_the_kick_going_on_every_beat_is_four_on_the_floor(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("the bass has too many notes", op="simpler", target="bass"),
        case("there are way too many notes in the chords", op="simpler", target="chords"),
        case("the melody plays way too many notes", op="simpler", target="melody"),
        case("too many notes in the bass", op="simpler", target="bass"),
        case(
            "the lead is playing too many notes in the chorus",
            op="simpler",
            target="melody",
            scope={"section": "chorus"},
        ),
        case("the drums have way too many hits", op="simpler", target="drums"),
        case("the keys play far too many notes", op="simpler", target="chords"),
        case("the bassline has just too many notes, calm it", op="simpler", target="bass"),
        case("way too many hits on the hats", op="simpler", target="hats"),
        case("the tune has too many notes for a hook", op="simpler", target="melody"),
    ],
)
def test_too_many_notes_is_simpler(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("mute the high one", ("hats", "melody")),
        ("the low sound is too loud", ("kick", "bass")),
        ("turn the deep one down", ("kick", "bass")),
        ("solo the high notes", ("hats", "melody")),
        ("make the really high sound quieter", ("hats", "melody")),
        ("remove the lowest one", ("kick", "bass")),
        ("the highest sound is too harsh, turn it down", ("hats", "melody")),
        ("can you swing the high pitched thing", ("hats", "melody")),
        ("the low stuff is too loud", ("kick", "bass")),
        ("the lower sound needs to be quieter", ("kick", "bass")),
    ],
)
def test_a_pitch_two_parts_have_is_asked_about(text: str, parts: tuple[str, str]) -> None:
    intent = parse(text)
    reason = str(intent.params.get("reason", ""))
    assert not intent.understood and reason.endswith("?"), intent
    assert all(f"the {part}" in reason for part in parts), reason


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("the boomy bass is too loud", op="softer", target="bass"),
        case("make a boom bap beat at 90", op="make", target="drums", genre="hip-hop", tempo_bpm=90),
        case("make a drum and bass beat", op="make", target="drums", genre="drum-and-bass"),
        case("add a deep drum fill at bar 8", op="fill", target="drums", scope={"bars": [8, 8]}),
        case("put the kick on every beat", op="add", target="kick", scope={"beats": "downbeats"}),
        case("make the kick hit on every beat", op="add", target="kick", scope={"beats": "downbeats"}),
        case("the doof doof sound is too loud", op="softer", target="kick"),
        case("swing the tss tss cymbals a bit", op="swing", target="hats", amount=0.25),
        case("duck the bass on every beat", op="automate", target="bass", shape="duck"),
        case("make the snare hits quieter", op="softer", target="snare"),
        case("transpose the melody up an octave", op="transpose", target="melody", semitones=12),
        case("mute the vocals track", op="mute", target="track:vocals"),
        case("turn the chords into midi", op="transcribe", target="chords"),
        case("remove the kick on every beat", op="remove", target="kick", scope={"beats": "downbeats"}),
    ],
)
def test_near_sentences_keep_their_reading(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "make the kick more boomy",
        "the boomy bass is too loud",
        "make a boom bap beat",
        "the boom of the kick is too much",
        "make the hats less tinny",
        "the high end is harsh",
        "cut the low end of the bass",
        "the singing track is too loud",
        "the high notes of the melody are too loud",
        "a big drum and bass tune",
        "the loop doesnt line up with the beat, fit it to the song",
        "lock this sample to the beat",
        "remind me to call the drummer at five",
        "send the mix to the bassist",
        "the singer wants it in E minor",
        "warp this acapella to the song",
    ],
)
def test_a_sound_said_of_a_named_part_is_left_as_said(text: str) -> None:
    assert described(text) == text


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case(
            "transpose the synth playing the bassline down an octave",
            op="transpose",
            target="bass",
            semitones=-12,
        ),
        case("quantize the synth doing the bassline", op="quantize", target="bass"),
        case("keep only the deep drum and the clappy one", op="keep_only", target=["kick", "claps"]),
        case("make the boom go on every single beat", op="feel", target="drums", feel="four_on_the_floor"),
        case("unmute the thing that plays the chords", op="unmute", target="chords"),
        case("remove the boom in the chorus", op="remove", target="kick", scope={"section": "chorus"}),
        case("mute the high one", op="ask"),
    ],
)
def test_the_learned_reading_beside_the_rules_reads_the_part_named(text: str, want: dict[str, Any]) -> None:
    intent = parse(text)
    reason = str(intent.params.get("reason", ""))
    assert (read(text) if intent.understood else {"op": "ask" if reason.endswith("?") else "none"}) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("snap the notes onto the beat", op="quantize"),
        case("the notes are all over the place, snap them to the beat", op="quantize"),
        case("the notes in this clip are all wobbly and messy, can u snap them onto the beat", op="quantize"),
        case("lock the hats to the beat", op="quantize", target="hats"),
        case("the chords are sloppy, lock them in time with the beat", op="quantize", target="chords"),
        case("everything is a bit off, quantize it to the beat", op="quantize", target="all"),
        case("the bass is late, pull it onto the beat", op="quantize", target="bass"),
        case("can you lock my notes onto the beat", op="quantize"),
        case("stick the claps onto the beat", op="quantize", target="claps"),
        case("pull the hats onto the beat", op="quantize", target="hats"),
    ],
)
def test_notes_snapped_onto_the_beat_are_quantized_not_the_drums(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "snap the notes onto the beat",
        "the notes are all over the place, snap them to the beat",
        "quantize these notes to the beat",
        "snap it all onto the beat",
        "quantize the notes onto the beat",
        "tighten the notes to the beat",
    ],
)
def test_the_beat_notes_are_snapped_onto_is_no_drum_part(text: str) -> None:
    intent = parse(text)
    assert intent.part != "drums" and intent.params.get("kind") != "drums_add", intent


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("can the drummer play a bit simpler", op="simpler", target="drums"),
        case("the bassist is too busy in the verse", op="simpler", target="bass", scope={"section": "verse"}),
        case("make the keyboard player quieter", op="softer", target="chords"),
        case("mute the drummer", op="mute", target="drums"),
        case("solo the bass player", op="solo", target="bass"),
        case("the pianist should play fewer notes", op="simpler", target="chords"),
        case("have the drummer swing more", op="swing", target="drums"),
        case("make the chordy bit quieter", op="softer", target="chords"),
        case("the bassy one is way too loud", op="softer", target="bass"),
        case("the melodic bit needs more notes", op="busier", target="melody"),
    ],
)
def test_a_part_said_by_its_player_or_its_likeness_is_that_part(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("the drum that goes boom is too loud", op="softer", target="kick"),
        case("remove the one that goes tss tss", op="remove", target="hats"),
        case("the thing that goes smack is too loud", op="softer", target="snare"),
        case("turn up the sound that goes thump", op="louder", target="kick"),
        case("the one that goes boom boom needs to be louder", op="louder", target="kick"),
        case(
            "lose the sound that goes tss in the intro",
            op="remove",
            target="hats",
            scope={"section": "intro"},
        ),
        case("the noise that goes tsk tsk is too loud", op="softer", target="hats"),
        case("swing the thing that goes tss", op="swing", target="hats"),
        case("bring down the hit that goes doof", op="softer", target="kick"),
        case("keep only the drum that goes boom", op="keep_only", target="kick"),
    ],
)
def test_a_voice_said_by_the_sound_it_makes_is_that_voice(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want
