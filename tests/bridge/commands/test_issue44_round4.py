"""Issue 44, fourth round: quantities kept whatever else a sentence says, and polite or indirect
frames read through (sentences of our own, not blind set 4's lines). Each case failed on c8cfae6."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse


def _read(text: str) -> tuple[str, str | None, dict[str, object]]:
    intent = parse(text)
    return intent.action, intent.part, intent.params


# 1. Counts on undo and redo
@pytest.mark.parametrize(("text", "count"), [("undo 3x", 3), ("undo that 2x", 2), ("undo it 4 x", 4)])
def test_undo_counted_with_x(text: str, count: int) -> None:
    assert _read(text) == ("undo", None, {"count": count})


@pytest.mark.parametrize(("text", "count"), [("redo that twice", 2), ("redo 3 times", 3), ("redo it 2x", 2)])
def test_redo_keeps_its_count(text: str, count: int) -> None:
    assert _read(text) == ("history", None, {"do": "redo", "count": count})


# 1. A tempo said in the middle of a jam start
@pytest.mark.parametrize(
    ("text", "bpm"),
    [
        ("kick off a jam at 132 with bass and keys", 132),
        ("start jamming at one twenty two, just drums", 122),
        ("let's jam some funk at 98 with the bass", 98),
    ],
)
def test_jam_start_keeps_a_tempo_said_mid_sentence(text: str, bpm: int) -> None:
    action, _, params = _read(text)
    assert action == "jam" and params["do"] == "start" and params["tempo_bpm"] == bpm


def test_jam_start_number_out_of_playing_range_is_no_tempo() -> None:
    assert "tempo_bpm" not in _read("start a jam at 7 with drums")[2]


# 1. A meter said inside a making command
@pytest.mark.parametrize(
    ("text", "part", "meter"),
    [
        ("write four bars of piano chords in 7/8", "chords", "7/8"),
        ("give me a drum groove in three four", "drums", "3/4"),
        ("a bass line in waltz time please", "bass", "3/4"),
    ],
)
def test_generate_keeps_the_meter(text: str, part: str, meter: str) -> None:
    action, got_part, params = _read(text)
    assert (action, got_part, params["meter"]) == ("generate", part, meter)


def test_bars_three_four_is_no_meter() -> None:
    assert "meter" not in _read("make drums for bars 3 4")[2]


# 1. A beat in a bar said as "on the N of bar M"
@pytest.mark.parametrize(
    ("text", "bar", "beat"),
    [
        ("put a crash on the 1 of bar 9", 9, 1),
        ("add a clap on the three of bar 5", 5, 3),
        ("snare on the two in bar 4", 4, 2),
    ],
)
def test_on_the_count_of_a_bar_is_a_beat(text: str, bar: int, beat: int) -> None:
    params = _read(text)[2]
    assert (params["bar"], params["beat"]) == (bar, beat)


# 1. Lengths and tempos never stay in a MusicGen prompt
@pytest.mark.parametrize(
    ("text", "prompt", "extra"),
    [
        ("a sample of vinyl crackle 16 bars long", "vinyl crackle", {"bars": 16}),
        ("make a loop of thunder rolling, 4 bars", "thunder rolling", {"bars": 4}),
        ("a loop of rain, for 4 bars, at 80 bpm", "rain", {"bars": 4, "tempo_bpm": 80}),
    ],
)
def test_musicgen_prompt_has_no_length_words(text: str, prompt: str, extra: dict[str, object]) -> None:
    action, _, params = _read(text)
    assert action == "musicgen" and params == {**extra, "prompt": prompt}


# 2. Polite and indirect frames: the command inside is read
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I should like to call this take evening study", ("history", None, {"do": "name", "name": "evening study"})),
        ("could you please name this take morning dew", ("history", None, {"do": "name", "name": "morning dew"})),
        ("would you mind transposing the melody up an octave", ("transform", "melody", {"kind": "transpose", "semitones": 12})),
        ("would you mind muting the hats", ("transform", "drums", {"kind": "drums_remove", "voices": "hats"})),
        ("I'd love it if you made the drums busier", ("adjust", "drums", {"what": "density", "direction": "up"})),
        ("it would be great if you could make the drums busier", ("adjust", "drums", {"what": "density", "direction": "up"})),
    ],
)  # fmt: skip
def test_polite_frames_are_read_through(
    text: str, expected: tuple[str, str | None, dict[str, object]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "action", "params"),
    [
        ("kindly cancel what you're doing", "cancel", {}),
        ("stop whatever's running", "cancel", {}),
        ("nah, keep it how it was", "confirm", {"yes": False}),
        ("no just leave it alone", "confirm", {"yes": False}),
        ("what sort of stuff can I say to you?", "help", {}),
        ("whats the key of this loop", "analyze", {}),
        ("what is the meter of this clip?", "analyze", {}),
    ],
)
def test_commands_said_without_their_verb(text: str, action: str, params: dict[str, object]) -> None:
    assert _read(text)[::2] == (action, params)


@pytest.mark.parametrize("text", ["would you be so kind", "can you sing the melody"])
def test_a_polite_frame_around_nothing_known_is_still_refused(text: str) -> None:
    assert not parse(text).understood


# 3. Slang for how a track lands is asked about with suggestions, never refused as not MuseAroo's
@pytest.mark.parametrize(
    "text",
    [
        "make the beat slap",
        "get the bass to bang",
        "make it knock a bit more",
        "make it more like, um, glossy",
    ],
)
def test_slang_and_filler_are_asked_about_with_suggestions(text: str) -> None:
    intent = parse(text)
    reason = str(intent.params["reason"])
    assert (
        not intent.understood and reason.endswith("?") and "e.g." in reason and "not something" not in reason
    )


def test_hit_harder_on_a_part_is_still_louder_not_asked() -> None:
    assert parse("make the chords hit harder").understood


# 4. Verbless fragments: a drum voice and one place, nudge or feel word
@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("upbeat shaker", {"kind": "drums_add", "voices": "percussion", "on": "offbeats"}),
        ("backbeat claps", {"kind": "drums_add", "voices": "clap", "on": "backbeat"}),
        ("downbeat kicks", {"kind": "drums_add", "voices": "kick", "on": "downbeats"}),
        (
            "the kick slightly earlier",
            {"kind": "shift", "offset": -0.125, "chosen": "beats", "voices": "kick"},
        ),
        ("hats a hair behind", {"kind": "shift", "offset": 0.125, "chosen": "beats", "voices": "hats"}),
        ("ghost snares", {"kind": "ghost_notes"}),
    ],
)
def test_verbless_fragments_read_as_the_obvious_command(text: str, params: dict[str, object]) -> None:
    assert _read(text) == ("transform", "drums", params)


@pytest.mark.parametrize("text", ["offbeat hats are nice", "the kick later today"])
def test_a_fragment_with_more_words_is_not_guessed(text: str) -> None:
    assert parse(text).action != "transform"


# 5. A phrasal verb split by its object reaches the section code
@pytest.mark.parametrize(
    ("text", "part", "section"),
    [
        ("strip the drums back in the bridge", "drums", "bridge"),
        ("thin the bass out in the verse", "bass", "verse"),
        ("calm the drums down in the intro", "drums", "intro"),
    ],
)
def test_split_phrasal_verb_over_a_section(text: str, part: str, section: str) -> None:
    action, got_part, params = _read(text)
    assert (action, got_part, params["direction"]) == ("adjust", part, "down")
    assert params["region"] == {"section": section, "nth": 1}


# 1. A tempo "at N" on a making command wherever it stands, not only last or before with/in/and
@pytest.mark.parametrize(
    ("text", "bpm"), [("make a beat at 124, house", 124), ("give me drums at 128 house style", 128)]
)
def test_make_keeps_an_at_tempo_anywhere(text: str, bpm: int) -> None:
    assert _read(text)[2].get("tempo_bpm") == bpm


def test_at_a_percentage_is_no_tempo() -> None:
    assert "tempo_bpm" not in _read("make drums at 50 percent")[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("stop everything that's running", ("cancel", {})),
        ("nope, do not touch it", ("confirm", {"yes": False})),
        ("undo the last edit 2x", ("undo", {"count": 2})),
    ],
)
def test_more_ways_to_cancel_decline_and_count(text: str, expected: tuple[str, dict[str, object]]) -> None:
    assert _read(text)[::2] == expected


def test_stop_everything_is_still_the_transport() -> None:
    assert _read("stop everything")[0] == "stop"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("what time signature is this in", "analyze"),
        ("what key is that loop in", "analyze"),
        ("what else can I try", "help"),
        ("what can i do here", "help"),
    ],
)
def test_questions_about_the_clip_or_about_museroo(text: str, action: str) -> None:
    assert _read(text)[0] == action


@pytest.mark.parametrize(
    ("text", "part"),
    [("I'd love a bass line in the verse", "bass"), ("i would like some more hats", "drums")],
)
def test_a_wish_for_a_thing_asks_for_it(text: str, part: str) -> None:
    assert _read(text)[:2] in (("generate", part), ("transform", part))


# 3. Real out-of-scope things are refused even asked as "how do I"
@pytest.mark.parametrize(
    "text",
    [
        "how do i get a printout of the chords",
        "how do i tune my guitar to this",
        "how would i add lyrics to this",
    ],
)
def test_out_of_scope_how_do_i_is_refused_not_help(text: str) -> None:
    intent = parse(text)
    assert not intent.understood and "not something MuseAroo does" in str(intent.params["reason"])


def test_how_do_i_about_museroo_is_still_help() -> None:
    assert _read("how do i undo")[0] == "help"


# 4. A fragment followed by where it applies; a fragment wins over a stray verb-like section name
@pytest.mark.parametrize(
    ("text", "kind", "region"),
    [
        ("hats a little earlier in the chorus", "shift", {"section": "chorus", "nth": 1}),
        ("offbeat hats in the second verse", "drums_add", {"section": "verse", "nth": 2}),
        ("backbeat claps for the drop", "drums_add", {"section": "drop", "nth": 1}),
    ],
)
def test_fragment_with_a_section_after_it(text: str, kind: str, region: dict[str, object]) -> None:
    action, part, params = _read(text)
    assert (action, part, params["kind"], params["region"]) == ("transform", "drums", kind, region)


# 3. More vague frames asked about: a need, a feeling wanted in a section
@pytest.mark.parametrize(
    "text",
    [
        "it needs more sauce",
        "the chorus could use more oomph",
        "make the bass more squelchy in the drop",
    ],
)
def test_vague_needs_and_less_are_asked_never_acted_or_refused(text: str) -> None:
    intent = parse(text)
    reason = str(intent.params["reason"])
    assert not intent.understood and reason.endswith("?") and "e.g." in reason


def test_a_meter_said_to_a_jam_is_said_back_as_not_done() -> None:
    params = _read("start a jam in 7/8 at 100")[2]
    assert params["tempo_bpm"] == 100 and params["not_done"] == ["in 7/8 (the jam has no meter setting)"]
