"""Issue 55, round 39 (w106): corrections, levels, quoted prompts and sound loops, in sentences of our own (never a
set's line).

- a request taken back with no other said after it ("..., actually it sounds fine", "..., never mind") does
  nothing (``taken_back.withdrawn``); a terse request taken back by another ("louder kick, scratch that, softer
  kick") is the later one, never an undo (``fillers``);
- a part moved down or up by a knob's step ("lower the melody a touch", "drop the chords a notch") is softer or
  louder, whatever part (``level_moves``);
- a change said of two parts that a part alone is asked about ("shuffle the drums and the bass") is asked of both
  (``several_parts``);
- a MusicGen prompt given in quotes is the quote as typed (``quoted_prompts``); a sound said before "loop"
  ("bass drum loop") is an audio loop of it in the words typed (``sound_loops``, ``typed_names.prompt_as_typed``).
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import agree
from bridge.commands.level_moves import level_moved
from bridge.commands.means import means_of
from bridge.commands.quoted_prompts import quoted_prompt
from bridge.commands.taken_back import withdrawn


def _read(text: str) -> dict[str, Any]:
    intent = agree.parse(text)
    return means_of(intent.as_dict()) if intent.understood else {"op": "unknown", **intent.params}


@pytest.mark.parametrize(
    "text",
    [
        "make the snare louder, actually it sounds fine",
        "swing the bass a bit... actually never mind, it's good as it is",
        "transpose the chords up a third. on second thought leave it",
        "solo the pad, never mind",
        "make the hats busier, nah forget it, they're fine",
        "quantize the melody, no wait, keep it as is",
    ],
)
def test_a_request_taken_back_with_nothing_after_is_nothing_done(text: str) -> None:
    assert withdrawn(text) is not None
    got = agree.parse(text)
    assert not got.understood
    assert not str(got.params["reason"]).endswith("?")  # said, not asked: nothing is done


@pytest.mark.parametrize(
    "text",
    [
        "make the snare louder actually",  # a filler, the request stands
        "make the snare louder, actually the kick",  # a correction of the part
        "make it sound fine",
        "make the kick louder, the snare is fine",  # a statement of another part
        "never mind",
        "never mind, cancel that",  # no request before it
        "redo the last change, actually it was fine",  # the state before, the redo's reason
        "undo three times, the last steps no good",  # a complaint, no taking back
    ],
)
def test_a_request_not_taken_back_is_left_to_the_readers(text: str) -> None:
    assert withdrawn(text) is None


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("louder snare, scratch that, softer snare", {"op": "softer", "target": "snare"}),
        ("busier hats, no wait, simpler hats", {"op": "simpler", "target": "hats"}),
        ("softer kick, actually louder", {"op": "louder", "target": "kick"}),
    ],
)
def test_a_terse_request_taken_back_is_the_later_one(text: str, want: dict[str, Any]) -> None:
    got = _read(text)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("lower the melody a touch", "turn the melody down a little"),
        ("drop the chords a notch", "turn the chords down a little"),
        ("raise the bass a tad", "turn the bass up a little"),
        ("lower the melody a few notches", "turn the melody down a lot"),
    ],
)
def test_a_knobs_step_says_a_level_of_any_part(text: str, want: str) -> None:
    assert level_moved(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("lower the melody a touch", "softer"),
        ("drop the chords a hair", "softer"),
        ("raise the bass a notch", "louder"),
    ],
)
def test_a_knobs_step_is_read_as_the_level(text: str, op: str) -> None:
    got = agree.parse(text)
    assert got.understood
    assert (means_of(got.as_dict())["op"], got.params.get("kind")) == (op, "velocity")


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("shuffle the drums and the bass", ("drums", "bass")),
        ("shuffle the bass and the drums", ("bass", "drums")),
    ],
)
def test_two_parts_asked_about_are_both_offered(text: str, parts: tuple[str, str]) -> None:
    got = agree.parse(text)
    assert not got.understood
    offered = [s for s in got.params["suggestions"] if "drum" in s or "bass" in s][:2]
    assert offered and all(all(p in s for p in parts) for s in offered)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('generate audio: "the bass drum of a parade band", 8 bars', {"prompt": "the bass drum of a parade band", "bars": 8}),
        ("make audio 'Lofi Rhodes chords over rain'", {"prompt": "Lofi Rhodes chords over rain"}),
        ('musicgen: "the hook of a soul song, hummed"', {"prompt": "the hook of a soul song, hummed"}),
        ("an audio loop \u201cwind through a pine forest\u201d at 80 bpm", {"prompt": "wind through a pine forest", "tempo_bpm": 80}),
    ],
)  # fmt: skip
def test_a_quoted_prompt_is_the_quote_as_typed(text: str, want: dict[str, Any]) -> None:
    got = agree.parse(text)
    assert got.action == "musicgen"
    assert {k: got.params.get(k) for k in want} == want


@pytest.mark.parametrize(
    "text",
    ["name this take 'warm pad'", "make a melody like 'sunrise'", 'generate audio: "rain", lots of bars'],
)
def test_a_quote_not_asked_as_audio_is_left_to_the_readers(text: str) -> None:
    assert quoted_prompt(text) is None


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "prompt"),
    [
        ("bass drum loop", "bass drum"),
        ("make me a bass drum loop please", "bass drum"),
        ("make an audio loop of a cymbal swell", "cymbal swell"),
    ],
)
def test_a_sound_loop_is_audio_in_the_words_typed(text: str, prompt: str) -> None:
    got = agree.parse(text)
    assert (got.action, got.params.get("prompt")) == ("musicgen", prompt)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("lift the mute off the chords in the bridge", "chords"),
        ("unmute the drums in the second verse", "drums"),
    ],
)
def test_an_unmute_over_a_section_asks_everywhere_or_an_undo(text: str, part: str) -> None:
    got = agree.parse(text)
    assert not got.understood
    assert got.params["suggestions"][:2] == [f"unmute the {part}", "undo that"]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "bars"),
    [("keep the groove going twelve more bars", 12), ("keep the beat rolling 8 more bars", 8)],
)
def test_a_groove_kept_going_for_more_bars_is_continued(text: str, bars: int) -> None:
    got = _read(text)
    assert (got["op"], got.get("bars")) == ("continue", bars)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "made"),
    [
        ("make drums keys n bass in e minor", "make a drum beat in E minor"),
        (
            "give me keys and bass for the bridge, 4 bars, keep it warm",
            "make a chord progression 4 bars in the bridge",
        ),
    ],
)
def test_parts_made_are_not_asked_as_a_change_of_each(text: str, made: str) -> None:
    """A question whose examples make a part ("make a drum beat") is no change said of the parts listed."""
    got = agree.parse(text)
    assert not got.understood
    assert made in got.params["suggestions"]
