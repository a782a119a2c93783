"""Issue 55, round 36 (w86): a later change after a list of parts, and questions whose examples read as
sentences, in sentences of our own (never a set's line).

- a later clause after one change on several parts: "them" is each of those parts (``later_clauses``: the
  clause said back of each, read alone), "it" is asked which (``later_it``, now after a plain "and" too),
  never the first named alone nor the later change dropped (``compound``: a split whose clauses are each led
  by a verb is used where the whole reading lost a request of it, ``split_likely.first_lost`` /
  ``more_done``);
- a modulation with no key asks to which key, each example read as that change (``key_asked``); a question
  never says "the all" nor "no track N part" (``part_reading``, ``rephrase._the``);
- every example a question offers, over many sentences of many kinds, is read as a request, never asked again.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import agree
from bridge.commands.means import means_of


def _steps(text: str) -> list[tuple[str, Any]]:
    """Each request done, as (op, target), in order."""
    intent = agree.parse(text)
    assert intent.understood, intent
    return [(str(m["op"]), m.get("target")) for m in (means_of(s.as_dict()) for s in intent.steps())]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a comma, no "then": the softer had been dropped
            "swing the chords and the melody, make them quieter",
            [("swing", "chords"), ("swing", "melody"), ("softer", "chords"), ("softer", "melody")],
        ),
        (  # "then": the later change had been done on the chords alone
            "quantize the chords and the bass, then humanise them",
            [("quantize", "chords"), ("quantize", "bass"), ("humanize", "chords"), ("humanize", "bass")],
        ),
        (  # a drum voice and a part: each said back by its own name ("the kick", "the keys")
            "tighten the kick and the keys, then bring them up",
            [("quantize", "kick"), ("quantize", "chords"), ("louder", "kick"), ("louder", "chords")],
        ),
        (  # the later clause names the list itself
            "swing the bass and the chords, then make the bass and the chords quieter",
            [("swing", "bass"), ("swing", "chords"), ("softer", "bass"), ("softer", "chords")],
        ),
    ],
)
def test_them_after_a_list_is_each_part(text: str, want: list[tuple[str, Any]]) -> None:
    assert _steps(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # one part, a comma: the later change had been dropped silently
            "swing the bass, make it quieter",
            [("swing", "bass"), ("softer", "bass")],
        ),
        (  # the later change names one of the list: the first change stays on both (the melody's swing was lost)
            "swing the chords and the melody, make the melody quieter",
            [("swing", "chords"), ("swing", "melody"), ("softer", "melody")],
        ),
        (  # "and" between two requests after a list's own "and": the humanize had been lost, both louder
            "humanise the snare and the chords and make the chords louder",
            [("humanize", "snare"), ("humanize", "chords"), ("louder", "chords")],
        ),
    ],
)
def test_no_request_of_two_clauses_is_lost(text: str, want: list[tuple[str, Any]]) -> None:
    assert _steps(text) == want


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("humanise the snare and the chords and make it louder", ("snare", "chords")),
        ("swing the bass and the melody and turn it down", ("bass", "melody")),
    ],
)
def test_it_after_a_list_joined_by_and_is_asked(text: str, names: tuple[str, str]) -> None:
    intent = agree.parse(text)
    assert intent.action == "unknown", intent
    said = intent.params["suggestions"][:2]
    assert all(f"the {name}" in s for name, s in zip(names, said, strict=True)), said
    assert all(agree.parse(s).understood for s in said), said


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "mute the keys, no wait, solo them",  # a correction: one request, as before
        "quantize it 30% and turn it into midi",  # the quantize a value of the transcription
        "write a bass line, make it funky",  # one part made in a setting
    ],
)
def test_a_single_request_is_not_split(text: str) -> None:
    assert len(agree.parse(text).steps()) == 1, agree.parse(text)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "modulate everything",
        "could you modulate the bass please",
        "modulate the chords",
        "we need a key change",
    ],
)
def test_a_modulation_with_no_key_asks_which_key(text: str) -> None:
    intent = agree.parse(text)
    assert intent.action == "unknown" and intent.params["reason"].endswith("to which key?"), intent
    for example in intent.params["suggestions"][:2]:
        said = agree.parse(example)
        assert said.action in ("transform", "set_key"), (example, said)
        assert said.action == "set_key" or said.params["kind"] == "transpose", (example, said)


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "op"),
    [("modulate the melody up a fourth", "transpose"), ("modulate the bass to F minor", "transpose")],
)
def test_a_modulation_with_its_key_or_interval_is_done(text: str, op: str) -> None:
    assert means_of(agree.parse(text).as_dict())["op"] == op


@pytest.mark.usefixtures("learned_reading")
def test_a_vary_of_a_numbered_track_names_live_s_track() -> None:
    reason = agree.parse("make a variation of the clip on track 4")
    assert "track 4 part" not in reason.params["reason"] and "clip on track 4" in reason.params["reason"], (
        reason
    )


# sentences of many kinds that are asked about; each example offered must be read as a request
ASKED = [
    "modulate everything",
    "modulate the whole song",
    "modulate everything to A minor",
    "do something with everything",
    "vary the clip on track 5",
    "vary the harp",
    "alter the strings",
    "quantize the snare and the chords, make it quieter",
    "make it hit harder",
    "make everything louder or softer, your call",
    "the bridge feels weak",
    "fix the pads somehow",
    "mute the hats until the drop",
    "make the song pop more",
    "the bass isn't sitting right in the mix",
    "do the same to the other one",
    "make it sound like a rainy day",
    "change the drums somehow",
    "make a 16 bar intro",
    "put some sparkle on everything",
    "redo the clip on track 3",
]


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize("text", ASKED)
def test_every_example_a_question_offers_is_read_as_a_request(text: str) -> None:
    intent = agree.parse(text)
    said = intent.params.get("suggestions", []) if intent.action == "unknown" else []
    assert not any(" the all" in s or "the everything" in s or " part" in s for s in said), said
    unread = [s for s in said if agree.parse(s).action == "unknown"]
    assert not unread, (intent.params.get("reason"), unread)
