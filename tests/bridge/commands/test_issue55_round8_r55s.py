"""Issue 55, eighth round (r55s): values and targets the rules' slot readers read wrong or not at all,
read as the schema says (docs/intents.md). Sentences of our own, never a blind set's lines; each
family failed on f692dee."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.normalize import normalize
from bridge.commands.sound_words import by_sound
from bridge.commands.track_words import bare_name
from tests.bridge.commands.test_issue55_round6_r55k import meant


# 1. A track's name ends at "track", at a new clause, and never runs on for the rest of the sentence
@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("mute the brass track for now, we'll bring it back later", "mute", "track:brass"),
        ("unmute the choir track, the second verse needs them", "unmute", "track:choir"),
        ("solo the harp track for a bit, we should retune it", "solo", "track:harp"),
        ("solo the cello for now, I'll fix the others after", "solo", "track:cello"),
        ("mute the organ, the bass is fighting with it", "mute", "track:organ"),
        ("unmute my lead vox channel thanks", "unmute", "track:lead vox"),
    ],
)
def test_a_track_name_never_spans_a_clause(text: str, op: str, target: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, target), got


def test_a_long_name_is_cut_after_its_instrument_word() -> None:
    assert bare_name("marimba we were talking about yesterday") == "marimba"
    assert bare_name("synth pad") == "synth pad"  # a short name stays whole
    assert bare_name("everything but the drums") == "everything but the drums"  # read by the mixer


# 2. A drum voice described by its sound, where no voice word is said
@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("the boomy drum is too quiet", "louder", "kick"),
        ("make the thuddy one softer", "softer", "kick"),
        ("the big drum is too loud", "softer", "kick"),
        ("make the snappy sound louder", "louder", "snare"),
        ("the clappy hits are too loud", "softer", "claps"),
        ("swing the tsk tsk sounds a bit", "swing", "hats"),
        ("take the sizzly cymbals out of the intro", "remove", "hats"),
        ("make the jingly sound quieter", "softer", "percussion"),
    ],
)
def test_a_drum_voice_said_by_its_sound(text: str, op: str, target: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, target), got


def test_a_sound_word_beside_a_part_word_or_of_two_voices_is_left_as_said() -> None:
    assert by_sound(" mute the boomy bass ") == " mute the boomy bass "
    assert by_sound(" the boomy snappy thing ") == " the boomy snappy thing "
    assert by_sound(" a big drum fill ") == " a big drum fill "
    assert normalize("the thumpy drum")[0] == " the kick "


# 3. Counts of takes: "further", "extra" takes vary the part; takes "of a" part are new ones
@pytest.mark.parametrize(
    ("text", "op", "versions"),
    [
        ("I'd like three further variations of the bass", "vary", 3),
        ("4 extra takes of the chords please", "vary", 4),
        ("two additional versions of the melody", "vary", 2),
        ("four versions of a chill chord progression", "make", 4),
        ("two takes of an upbeat bass line", "make", 2),
    ],
)
def test_takes_counted_with_their_adjectives(text: str, op: str, versions: int) -> None:
    got = meant(text)
    assert (got["op"], got.get("versions")) == (op, versions), got


# 4. Shift by a note length typed with a slip
@pytest.mark.parametrize(
    ("text", "beats"),
    [("the snare is late, pull it an eigth earlier", -0.5), ("nudge the kick a sixteeth later", 0.25)],
)
def test_a_shift_by_a_misspelt_note_length(text: str, beats: float) -> None:
    got = meant(text)
    assert (got["op"], got.get("beats")) == ("shift", beats), got


def test_eight_bars_stays_a_number() -> None:
    assert meant("make eight bars of drums")["bars"] == 8


# 5. Semitones said after the number ("7 semitones higher"); a meter on a new part
@pytest.mark.parametrize(
    ("text", "target", "semitones"),
    [
        ("the bass should go three semitones lower", "bass", -3),
        ("could the chords go 2 semitones up", "chords", 2),
        ("put the melody 5 half steps higher", "melody", 5),
    ],
)
def test_semitones_said_before_their_direction(text: str, target: str, semitones: int) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("semitones")) == ("transpose", target, semitones), got


@pytest.mark.parametrize(
    ("text", "target", "meter"),
    [("write me some chords in 6/8 time", "chords", "6/8"), ("make a bass line in 3/4 time", "bass", "3/4")],
)
def test_a_meter_said_with_a_new_part_is_the_parts(text: str, target: str, meter: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("meter")) == ("make", target, meter), got


def test_the_songs_meter_stays_a_setting() -> None:
    got = meant("put the song in 3/4 time")
    assert (got["op"], got.get("meter")) == ("set", "3/4"), got


# 6. "Leave the rest" after a scoped change is no request of its own; the object said before its verb
@pytest.mark.parametrize(
    "text",
    [
        "rewrite bars 9 to 12 of the bass and leave the rest",
        "redo bars 1 to 4 of the chords and leave the rest please",
        "redo bars 2 to 5 of the melody and the rest can stay",
    ],
)
def test_the_rest_kept_is_not_left_undone(text: str) -> None:
    got = meant(text)
    assert got["op"] == "infill" and "not_done" not in got, got


@pytest.mark.parametrize(
    ("text", "target", "section"),
    [
        ("the bass in the last verse redo please", "bass", "verse"),
        ("the chords in the bridge make new, the rest leave as it is", "chords", "bridge"),
    ],
)
def test_a_section_redone_with_its_object_first(text: str, target: str, section: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got["scope"]["section"]) == ("vary", target, section), got


# 7. A clip going on for more bars; the hand percussion as one drum voice
@pytest.mark.parametrize(
    ("text", "bars"),
    [("this riff works, let it keep going for 4 more bars", 4), ("let it run on for 8 more bars", 8)],
)
def test_keep_going_for_more_bars_continues(text: str, bars: int) -> None:
    got = meant(text)
    assert (got["op"], got.get("bars")) == ("continue", bars), got


@pytest.mark.parametrize(
    ("text", "op"),
    [("humanise the percussion", "humanize"), ("the tambourine is too stiff, humanize it", "humanize"),
     ("swing the congas", "swing")],
)  # fmt: skip
def test_hand_percussion_is_the_percussion_voice(text: str, op: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, "percussion"), got


# 8. A part taken out from a place, a voice taken off a beat; a fade said by how a part enters
@pytest.mark.parametrize(
    ("text", "target", "scope"),
    [
        ("take the chords out from bar 13 onwards", "chords", {"from_bar": 13}),
        ("pull the fat bass out of the intro", "bass", {"section": "intro"}),
        ("take the hats off the downbeats", "hats", {"beats": "downbeats"}),
    ],
)
def test_taken_out_over_a_place(text: str, target: str, scope: dict[str, object]) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("scope")) == ("remove", target, scope), got


def test_pull_a_stem_out_alone_is_still_a_split() -> None:
    assert meant("pull the vocals out")["op"] == "separate"


@pytest.mark.parametrize(
    ("text", "target", "bars"),
    [
        ("the choir should start silent and creep in over 8 bars", "track:choir", 8),
        ("can the pad start really quiet and slowly come in over 4 bars", "track:pad", 4),
    ],
)
def test_a_part_entering_quietly_is_a_fade_in(text: str, target: str, bars: int) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("shape"), got.get("bars")) == (
        "automate",
        target,
        "fade_in",
        bars,
    )


# 9. Jazz words for the chords
@pytest.mark.parametrize(
    ("text", "op"), [("make the comping sparser", "simpler"), ("vary the voicings", "vary")]
)
def test_comping_and_voicings_are_the_chords(text: str, op: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == (op, "chords"), got


# 10. A note length with where it should go moves the part by any verb; "more quiet", "more sparse"
@pytest.mark.parametrize(
    ("text", "target", "beats"),
    [
        ("could the chords come in a sixteenth earlier", "chords", -0.25),
        ("i'd like the kick placed an eighth later", "kick", 0.5),
    ],
)
def test_a_length_and_its_way_is_a_shift(text: str, target: str, beats: float) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("beats")) == ("shift", target, beats), got


def test_a_length_said_with_where_it_is_now_is_no_shift() -> None:
    got = parse("the snare comes in a sixteenth late")
    assert not got.understood or got.action != "transform" or got.params.get("kind") != "shift", got


@pytest.mark.parametrize(
    ("text", "op", "target", "scope"),
    [
        ("from bar 5 the chords should be more sparse", "simpler", "chords", {"from_bar": 5}),
        ("the hats should be more sparse", "simpler", "hats", None),
        ("make the ride more quiet", "softer", "ride", None),
    ],
)
def test_more_sparse_and_more_quiet(text: str, op: str, target: str, scope: dict[str, int] | None) -> None:
    got = meant(text)
    assert (got["op"], got["target"], got.get("scope")) == (op, target, scope), got


def test_a_whole_octave_and_the_tempo_in_half() -> None:
    assert meant("take the bass down a whole octave").get("semitones") == -12
    assert meant("take the bass down a whole step").get("semitones") == -2  # a whole tone, as before
    assert meant("cut the speed in half").get("factor") == 0.5


# 11. The song made slower "like 80 bpm" is its tempo; ghost notes said with the snare; starred takes
def test_the_song_compared_with_a_tempo_is_a_tempo_not_a_new_song() -> None:
    got = meant("can you make the whole song faster? maybe 132 bpm")
    assert (got["op"], got.get("tempo_bpm")) == ("set", 132), got
    assert meant("write a song at 80 bpm that is slower than the last one")["op"] == "make"


@pytest.mark.parametrize(
    "text", ["add some quiet snare ghost notes", "put in a few soft snare hits, ghost notes"]
)
def test_ghost_notes_said_with_the_snare_are_the_ghost_notes(text: str) -> None:
    got = meant(text)
    assert (got["op"], got["target"]) == ("add", "ghost_notes"), got


def test_the_takes_given_a_star_are_listed_starred() -> None:
    got = meant("where can i see all the ones i gave a star")
    assert (got["op"], got.get("starred")) == ("list_takes", True), got


# 12. A clip redone in a genre (either order) is a setting, never Live's redo; an audio recording asked for
@pytest.mark.parametrize(
    ("text", "target", "genre"),
    [
        ("redo this as reggae instead of pop", "this", "reggae"),
        ("this one I want redone as trap", "this", "trap"),
        ("the chords should be remade in a jazz style", "chords", "jazz"),
    ],
)
def test_redone_in_a_genre_is_a_setting(text: str, target: str, genre: str) -> None:
    got = meant(text)
    assert (got["op"], got.get("target", "this"), got.get("genre")) == ("set", target, genre), got


def test_redo_alone_is_still_lives_redo() -> None:
    assert meant("redo it")["op"] == "redo"


def test_an_audio_recording_of_a_sound_is_musicgen() -> None:
    got = meant("i'd love an audio recording of waves on a pebble beach")
    assert (got["op"], got.get("prompt")) == ("musicgen", "waves on a pebble beach"), got


def test_a_second_comparative_describes_the_first_and_is_not_left_undone() -> None:
    got = meant("give the drums that half time feel where it all gets slower and heavier")
    assert (got.get("feel"), got.get("not_done")) == ("half_time", None), got
    assert meant("make a beat and tweet it")["not_done"] == ["tweet it"]  # a request of its own stays
