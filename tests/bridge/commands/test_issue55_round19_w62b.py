"""Round 19 (issue 55, w62b): plain requests that were refused, and questions that suggested nothing useful.

- a section written as a label before the request ("outro: just the kick and the hats") is its place;
- "tidy up" a part is asked about like "clean up" (fewer notes or tighter timing?), whatever remark follows,
  never loosened (humanized) on a guess;
- a word of reply before a request that needs a question ("hmm, halve it") still gets the question;
- a feeling complained of as too much ("the strings sound too cheerful") asks the other way, with examples;
- something new wanted with a track or the clip in hand, no part said, asks which part, with examples;
- a new break of a style ("a dnb break", "some breakbeats") is a drum beat; "jungle" is drum and bass;
- someone's verdict after a request for takes ("..., the client hated the groove") leaves the takes asked for.
- "do something with the chords" (no way said) asks what should change in that part, never makes one.

Every sentence here is this engineer's own."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict[str, Any]:
    return means_of(parse(text).as_dict())


def _asked(text: str) -> tuple[str, list[str]]:
    intent = parse(text)
    assert not intent.understood, (text, means_of(intent.as_dict()))
    reason = str(intent.params.get("reason", ""))
    assert reason.rstrip().endswith("?"), (text, reason)
    return reason, list(intent.params.get("suggestions", []))


def _suggests(suggestions: list[str], op: str) -> bool:
    return any(parse(t).understood and means_of(parse(t).as_dict()).get("op") == op for t in suggestions)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "outro: just the kick and the hats",
            {"op": "keep_only", "target": ["kick", "hats"], "scope": {"section": "outro"}},
        ),
        ("verse 2: mute the bass", {"op": "mute", "target": "bass", "scope": {"section": "verse", "nth": 2}}),
        ("chorus - swing the hats", {"op": "swing", "target": "hats", "scope": {"section": "chorus"}}),
        (
            "second verse: make the drums busier",
            {"op": "busier", "target": "drums", "scope": {"section": "verse", "nth": 2}},
        ),
        ("the bridge: no hats", {"op": "remove", "target": "hats", "scope": {"section": "bridge"}}),
        (
            "breakdown – take the snare out",
            {"op": "remove", "target": "snare", "scope": {"section": "breakdown"}},
        ),
    ],
)
def test_a_section_label_before_the_request_is_its_place(text: str, expected: dict[str, Any]) -> None:
    assert _means(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "tidy up the kick, it sounds messy",
        "tidy up the kick",
        "tidy the bass line up",
        "tidy up the hi hats in bars 5 to 8",
        "clean up the hi hats, they're all over the place",
        "clean up the snare, it sounds a bit sloppy",
    ],
)
def test_a_part_tidied_up_asks_fewer_notes_or_tighter_timing(text: str) -> None:
    reason, suggestions = _asked(text)
    assert "fewer notes or tighter timing?" in reason
    assert _suggests(suggestions, "simpler") and _suggests(suggestions, "quantize")


def test_tidied_with_a_way_said_still_acts() -> None:
    assert _means("tidy up the bass so every note sits on the beat") == {"op": "quantize", "target": "bass"}


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        ("nah double that", "double or halve what"),
        ("hmm, halve it", "double or halve what"),
        ("yeah double the chords", "double or halve what"),
        ("nah transpose it", "by how much, or to which key?"),
        ("ok change the key", "which key?"),
    ],
)
def test_a_word_of_reply_first_keeps_the_question(text: str, offered: str) -> None:
    reason, _ = _asked(text)
    assert offered in reason


@pytest.mark.parametrize(
    ("text", "way", "ops"),
    [
        ("it's too happy", "a minor key", ("transpose", "simpler")),
        ("my client thinks the strings sound too cheerful", "a minor key", ("transpose", "simpler")),
        ("thats way too sad for this scene", "a major key", ("transpose", "busier")),
        ("honestly the pads feel too dark in the bridge", "a major key", ("transpose", "busier")),
        ("the producer says it sounds too mellow", "louder or busier", ("louder", "busier")),
    ],
)
def test_a_feeling_said_too_strong_asks_the_other_way(text: str, way: str, ops: tuple[str, ...]) -> None:
    reason, suggestions = _asked(text)
    assert way in reason
    assert all(_suggests(suggestions, op) for op in ops), suggestions


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("make something that plays along with the guitar track", "make"),
        ("compose something to go with the Cello track", "make"),
        ("write something to go with this", "accompany"),
    ],
)
def test_something_new_with_a_track_asks_which_part(text: str, op: str) -> None:
    reason, suggestions = _asked(text)
    assert "which part should be new?" in reason
    assert _suggests(suggestions, op), suggestions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("give me a dnb break", {"op": "make", "target": "drums", "genre": "drum-and-bass"}),
        ("knock together some breakbeats at 170", {"op": "make", "target": "drums", "tempo_bpm": 170}),
        (
            "2 versions of a hip hop break please",
            {"op": "make", "target": "drums", "versions": 2, "genre": "hip-hop"},
        ),
        (
            "make a jungle break at 168",
            {"op": "make", "target": "drums", "genre": "drum-and-bass", "tempo_bpm": 168},
        ),
        ("a jungle beat, 8 bars", {"op": "make", "target": "drums", "genre": "drum-and-bass", "bars": 8}),
    ],
)
def test_a_new_break_of_a_style_is_a_drum_beat(text: str, expected: dict[str, Any]) -> None:
    assert _means(text) == expected


def test_a_break_said_with_no_style_is_left_alone() -> None:
    assert _means("quantise the break, it's flammy") == {"op": "quantize", "target": "drums"}
    assert _means("musicgen: a dusty jungle break at 170")["op"] == "musicgen"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "two more takes of the chords, the client didn't like the voicing",
            {"op": "vary", "target": "chords", "versions": 2},
        ),
        (
            "three more versions of the bass, my producer hated the groove",
            {"op": "vary", "target": "bass", "versions": 3},
        ),
        ("another take of the drums, the band wasn't keen on the fills", {"op": "vary", "target": "drums"}),
    ],
)
def test_a_verdict_after_a_request_for_takes_leaves_the_takes(text: str, expected: dict[str, Any]) -> None:
    assert _means(text) == expected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("idk just do something with the chords", "chords"),
        ("do summat w the bass line please", "bass"),
        ("can you do something about the melody", "melody"),
    ],
)
def test_something_done_with_a_part_asks_what(text: str, part: str) -> None:
    reason, suggestions = _asked(text)
    assert "what should change" in reason and reason.endswith("?")
    assert _suggests(suggestions, "busier") and _suggests(suggestions, "simpler")
