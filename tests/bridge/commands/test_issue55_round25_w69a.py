"""Issue 55, round 25 (w69a): the kinds of sentence behind round 24's wrong acts and questions (sentences of
our own, never a blind set's lines): a tempo moved with its way said before the tempo word; a track's name
kept as typed, accents and all; a transcription of a one-line instrument; a letter's section said after its
word; a likeness to a player or a band; an instrument in the room tuned by its strings; and a question about
an unknown section, style or mode that ends with its question."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


def _means(text: str) -> dict[str, object]:
    intent = parse(text)
    assert intent.understood, (text, intent.params)
    return means_of(intent.as_dict())


@pytest.mark.parametrize(
    ("text", "bpm"),
    [
        ("slow down the track 6 bpm", -6),
        ("bring down the tempo 5 bpm please", -5),
        ("speed up the tempo by 3 bpm", 3),
        ("turn up the song 2 bpm", 2),
    ],
)
def test_a_tempo_moved_with_its_way_before_the_tempo_word(text: str, bpm: int) -> None:
    said = _means(text)
    assert said.get("op") == "tempo" and said.get("change_bpm") == bpm, (text, said)


def test_a_number_after_a_track_with_no_unit_is_no_tempo_move() -> None:
    intent = parse("turn down the track 3")
    assert "change_bpm" not in intent.params, intent.params


@pytest.mark.parametrize(
    ("text", "field", "name"),
    [
        ("mute the Cordão track", "track_name", "cordão"),
        ("solo the pífano track and mute the bass", "track_name", "pífano"),
        ("make a bass line that follows the acordeón track, 4 bars", "source_track_name", "acordeón"),
    ],
)
def test_a_track_name_keeps_its_accents_as_typed(text: str, field: str, name: str) -> None:
    intent = parse(text)
    assert intent.understood and intent.params.get(field) == name, (text, intent.params)


def test_a_later_request_on_a_named_track_keeps_its_accents() -> None:
    intent = parse("mute the drums track and solo the canção track")
    later = intent.params.get("then")
    assert isinstance(later, list) and later[0]["params"].get("track_name") == "canção", intent.params


@pytest.mark.parametrize(
    "text",
    [
        "turn this take of me playing the fiddle into midi",
        "convert this oboe recording to midi",
        "turn my viola take into midi notes I can edit",
    ],
)
def test_a_one_line_instrument_transcribed_is_a_melody(text: str) -> None:
    said = _means(text)
    assert said.get("op") == "transcribe" and said.get("target") == "melody", (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "make the hats busier in part A",
        "a bass line for section C, 4 bars",
        "quantize the bass in the part B",
    ],
)
def test_a_letters_section_said_after_its_word_is_asked(text: str) -> None:
    intent = parse(text)
    reason = str(intent.params.get("reason", ""))
    assert not intent.understood and "which section is" in reason and reason.endswith("?"), (text, reason)


@pytest.mark.parametrize(
    "text",
    ["make the hats swing in the 2nd ginga", "a zouglou beat, 4 bars", "a melody in D kurd, 4 bars"],
)
def test_a_question_about_an_unknown_name_ends_with_its_question(text: str) -> None:
    reason = str(parse(text).params.get("reason", ""))
    assert reason.endswith("?") and "of that name is known" in reason, (text, reason)


@pytest.mark.parametrize(
    "text",
    [
        "make it more like Tom Waits",
        "make this more like Tom Petty please",
        "make it bounce more, the way my old band did it",
        "make it drive more, like the Dubliners play it",
    ],
)
def test_a_likeness_to_a_player_or_band_is_asked_about(text: str) -> None:
    intent = parse(text)
    reason = str(intent.params.get("reason", ""))
    assert not intent.understood and "more like it how" in reason and reason.endswith("?"), (text, reason)


def test_a_genre_likened_to_is_still_that_genre() -> None:
    assert _means("make it sound more like funk").get("genre") == "funk"


@pytest.mark.parametrize(
    "text",
    [
        "could you tune my mandolin, the A string is flat",
        "tune my banjo for me please, the low string keeps dropping",
    ],
)
def test_an_instrument_tuned_by_its_strings_is_not_ours(text: str) -> None:
    intent = parse(text)
    reason = str(intent.params.get("reason", ""))
    assert not intent.understood and "not something MuseAroo does" in reason, (text, reason)


@pytest.mark.parametrize(
    ("text", "kept"),
    [("my mate is coming over later", "coming"), ("the drummer keeps coming in late", "coming")],
)
def test_an_english_word_is_never_read_as_a_parts_other_name(text: str, kept: str) -> None:
    from bridge.commands.normalize import normalize

    assert f" {kept} " in normalize(text)[0], normalize(text)[0]


def test_a_typo_of_a_parts_other_name_is_still_put_right() -> None:
    from bridge.commands.normalize import normalize

    assert " comping " in normalize("make the compin simpler")[0]


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("make a bass line for the chorus, the students really love that", "make", "bass"),
        ("make the hats busier, the crowd loves that", "busier", "hats"),
        ("redo this as reggae, the crowd love that", "set", "this"),
    ],
)
def test_who_likes_it_said_last_is_no_value(text: str, op: str, target: str) -> None:
    said = _means(text)
    assert said.get("op") == op and said.get("target") == target, (text, said)


@pytest.mark.parametrize(
    "text",
    [
        "bring the vocal recording into the tempo of my song",
        "put this old piano recording in the tempo of the song",
    ],
)
def test_a_recording_put_in_the_tempo_of_the_song_is_warped(text: str) -> None:
    said = _means(text)
    assert said.get("op") == "warp", (text, said)


@pytest.mark.parametrize("text", ["give me a conga rhythm, 4 bars", "make me some shaker patterns, 8 bars"])
def test_a_new_rhythm_of_hand_drums_is_a_drum_beat(text: str) -> None:
    said = _means(text)
    assert said.get("op") == "make" and said.get("target") == "drums", (text, said)
