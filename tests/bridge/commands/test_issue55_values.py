"""Issue 55, round 4: the values the rules read (sentences of our own, never a blind set's lines).
Each case is read by the phrase rules (``parser.parse``) into the schema (``means_of``); every case
here failed on ebad67b but the guards that pin what must not change (a whole song, a move with
another unit, a section said alone, an 808 track or drum)."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands.means import means_of
from bridge.commands.parser import parse


def _means(text: str) -> dict[str, Any]:
    intent = parse(text)
    assert intent.understood, (text, intent.params.get("reason"))
    return means_of(intent.as_dict())


# 1. A count said around an undo, hedged or not; "N more goes at X" is a Vary of N takes
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("undo that like three times", 3),
        ("ctrl z it about 4 times", 4),
        ("control z that a couple of times", 2),
        ("undo it maybe twice", 2),
    ],
)
def test_a_count_said_around_an_undo_is_its_count(text: str, count: int) -> None:
    assert _means(text) == {"op": "undo", "count": count}


@pytest.mark.parametrize(
    ("text", "part", "versions"),
    [
        ("give me 3 more goes at the bass", "bass", 3),
        ("two more tries at the chords", "chords", 2),
        ("have another 5 attempts on the drums", "drums", 5),
        ("let me get 4 more shots at the melody", "melody", 4),
    ],
)
def test_n_more_goes_at_a_part_is_a_vary_of_n_takes(text: str, part: str, versions: int) -> None:
    assert _means(text) == {"op": "vary", "target": part, "versions": versions}


def test_n_different_beats_are_new_drum_takes() -> None:
    assert _means("four different trap beats, 4 bars each") == {
        "op": "make", "target": "drums", "versions": 4, "bars": 4, "genre": "trap"
    }  # fmt: skip


# 2. Every part said another way is all the parts; "a whole song" stays the song
@pytest.mark.parametrize(
    "text",
    [
        "make all four parts, funk at 104",
        "write the whole lot in E minor",
        "sketch me every part, 8 bars",
        "give me the full band, reggae",
        "put together a jazz arrangement with all the parts",
        "lay down all the instruments at 90 bpm",
    ],
)
def test_every_part_said_another_way_is_all(text: str) -> None:
    assert _means(text)["target"] == "all"


def test_a_whole_song_stays_the_song_and_a_whole_lot_is_no_part() -> None:
    assert _means("write a whole song in G major")["target"] == "song"
    assert _means("make the drums a whole lot busier") == {"op": "busier", "target": "drums"}


# 3. Politeness and filler after a track's name are no part of the name
@pytest.mark.parametrize(
    ("text", "op", "name"),
    [
        ("mute the strings, thank you", "mute", "strings"),
        ("unmute the guitar pls", "unmute", "guitar"),
        ("solo the organ cheers", "solo", "organ"),
        ("mute the choir thanks mate", "mute", "choir"),
        ("unmute the harp if you could", "unmute", "harp"),
        ("solo the rhodes for a second thanks", "solo", "rhodes"),
    ],
)
def test_politeness_after_a_track_name_is_not_its_name(text: str, op: str, name: str) -> None:
    assert _means(text) == {"op": op, "target": f"track:{name}"}


# 4. A part or track heard on its own is soloed
@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("let me hear the piano on its own", "track:piano"),
        ("could we hear the strings by themselves for a bit", "track:strings"),
        ("play the organ on its own", "track:organ"),
        ("just the cello for a sec", "track:cello"),
        ("can i listen to the drums alone", "drums"),
        ("only the bass for a moment please", "bass"),
    ],
)
def test_a_part_heard_on_its_own_is_soloed(text: str, target: str) -> None:
    assert _means(text) == {"op": "solo", "target": target}


# 5. The tempo moved by a number of bpm said as a move: a signed change of the song's tempo
@pytest.mark.parametrize(
    ("text", "change_bpm"),
    [
        ("knock 6 bpm off the tempo", -6),
        ("take 3 bpm off", -3),
        ("shave 2 off the bpm", -2),
        ("bring the tempo down 4", -4),
        ("nudge it up 3", 3),
        ("stick 5 bpm on the tempo", 5),
        ("drop it 5 bpm", -5),
        ("lower the bpm 3", -3),
        ("slow it down 4", -4),
        ("bump the tempo 4", 4),
    ],
)
def test_a_tempo_moved_by_n_bpm_is_a_signed_change(text: str, change_bpm: int) -> None:
    assert _means(text) == {"op": "tempo", "target": "song", "change_bpm": change_bpm}


def test_a_move_with_another_unit_is_no_tempo() -> None:
    assert _means("bring the chords down 3 semitones") == {
        "op": "transpose",
        "target": "chords",
        "semitones": -3,
    }


# 6. What a new part follows, said in more words
@pytest.mark.parametrize(
    ("text", "part", "follow"),
    [
        ("a bassline that follows the clip ive selected", "bass", "this"),
        ("make chords that fit whats selected", "chords", "this"),
        ("drums locked to the loop i have highlighted", "drums", "this"),
        ("a melody that follows what the organ track is playing", "melody", "track:organ"),
        ("a bass part that follows what the lead synth is doing", "bass", "track:lead synth"),
        ("chords that follow what the bass is playing", "chords", "bass"),
    ],
)
def test_what_a_new_part_follows(text: str, part: str, follow: str) -> None:
    assert _means(text) == {"op": "make", "target": part, "follow": follow}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("write a bassline that sits with whats already playing", "bass"),
        ("drums to go under whats there", "drums"),
    ],
)
def test_a_part_with_what_is_already_playing_accompanies_it(text: str, part: str) -> None:
    assert _means(text) == {"op": "accompany", "target": part}


# 7. "intro through outro" says the whole thing, no section of it; a section said alone still is one
@pytest.mark.parametrize(
    "text",
    [
        "write a whole song, from the intro to the outro, in F minor",
        "make a full song from the intro right through to the outro",
    ],
)
def test_intro_through_outro_is_no_section(text: str) -> None:
    assert "scope" not in _means(text) and _means(text)["target"] == "song"


def test_a_section_said_alone_is_still_the_scope() -> None:
    assert _means("write some bass for the outro")["scope"] == {"section": "outro"}


# 8. Semitones said short; "the 808" is the bass unless a drum or a track named 808 is said
@pytest.mark.parametrize(
    ("text", "semitones"), [("bring the bass down 3 semis", -3), ("move the lead up 1 semi", 1)]
)
def test_semis_are_semitones(text: str, semitones: int) -> None:
    assert _means(text)["semitones"] == semitones


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("solo the 808", {"op": "solo", "target": "bass"}),
        ("drop the 808 down 2 semitones", {"op": "transpose", "target": "bass", "semitones": -2}),
        ("four different 808 lines", {"op": "make", "target": "bass", "versions": 4}),
        ("mute the 808 channel", {"op": "mute", "target": "track:808"}),
        ("a trap beat with 808 hats", {"op": "make", "target": "drums", "genre": "trap"}),
    ],
)
def test_the_808_is_the_bass_but_an_808_track_or_drum_is_not(text: str, means: dict[str, Any]) -> None:
    assert _means(text) == means


def test_new_takes_of_no_part_are_asked_about() -> None:
    intent = parse("give me three different patterns")
    assert not intent.understood and str(intent.params["reason"]).endswith("?")


# 9. A phrasal verb's particle after its object; colloquial words for busier and softer; a scope kept
@pytest.mark.parametrize(
    ("text", "means"),
    [
        (
            "strip the chords back for the last 2 bars",
            {"op": "simpler", "target": "chords", "scope": {"last_bars": 2}},
        ),
        ("pare the bass back a bit", {"op": "simpler", "target": "bass"}),
        (
            "in bars 9 to 12 the bass needs more going on",
            {"op": "busier", "target": "bass", "scope": {"bars": [9, 12]}},
        ),
        ("could the chords be played more gently", {"op": "softer", "target": "chords"}),
    ],
)
def test_colloquial_changes_keep_their_part_and_scope(text: str, means: dict[str, Any]) -> None:
    assert _means(text) == means


# 10. Values said in passing are no values: a stem named for a purpose, the rest kept around an infill
def test_a_stem_named_for_a_purpose_is_no_stem_choice() -> None:
    assert _means("split this mix into stems so we can work on the drums") == {"op": "separate"}


def test_what_is_kept_around_an_infill_is_not_its_target() -> None:
    assert _means("redo bars 1 to 4 and leave everything around them alone") == {
        "op": "infill", "scope": {"bars": [1, 4]}
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("show me every chord take so far", {"op": "list_takes", "target": "chords"}),
        ("get the midi out of that bass loop", {"op": "transcribe", "target": "bass"}),
        ("play me anohter take of the bass", {"op": "vary", "target": "bass"}),
    ],
)
def test_every_take_midi_out_of_and_a_misspelt_another(text: str, means: dict[str, Any]) -> None:
    assert _means(text) == means


# 11. More of the same families: a hedged redo count, "hear just X", "add N to the tempo", "my selected clip"
@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("redo it like 3 times", {"op": "redo", "count": 3}),
        ("can i hear just the chords", {"op": "solo", "target": "chords"}),
        ("let me listen to only the organ", {"op": "solo", "target": "track:organ"}),
        ("add 3 to the tempo", {"op": "tempo", "target": "song", "change_bpm": 3}),
        ("a melody that follows my selected clip", {"op": "make", "target": "melody", "follow": "this"}),
    ],
)
def test_more_of_each_family(text: str, means: dict[str, Any]) -> None:
    assert _means(text) == means


# 12. A polite request before a mixer switch keeps it a switch (not a MusicGen prompt of the words)
@pytest.mark.parametrize(
    ("text", "means"),
    [
        ("Would you unmute the organ for me, please?", {"op": "unmute", "target": "track:organ"}),
        ("Could you solo the strings, please?", {"op": "solo", "target": "track:strings"}),
        ("Id like to hear the harp by itself.", {"op": "solo", "target": "track:harp"}),
        ("Could you please write all of the parts?", {"op": "make", "target": "all"}),
    ],
)
def test_a_polite_request_keeps_its_values(text: str, means: dict[str, Any]) -> None:
    assert _means(text) == means
