"""Issue 44, fifth round: safety fixes (sentences of our own, not blind set 5's lines). Each case
failed on f222b6f."""

from __future__ import annotations

import pytest

from bridge.commands.parser import parse


def _read(text: str) -> tuple[str, str | None, dict[str, object]]:
    intent = parse(text)
    return intent.action, intent.part, intent.params


# 1. Errands for people are refused whole, never a MusicGen prompt or any action
@pytest.mark.parametrize(
    "text",
    [
        "call the choir director and tell him we're running late",
        "ring the guitar teacher about friday",
        "text the bassist that the session moved to eight",
        "could you email the strings section the new parts",
        "remind me to pay the organ tuner",
        "book the piano room for thursday",
        "order new drum sticks for the band",
        "we need to call the harp player back",
        "tell the horns to come in at ten",
    ],
)
def test_errand_is_refused(text: str) -> None:
    intent = parse(text)
    assert intent.action == "unknown"
    assert "not something MuseAroo does" in str(intent.params["reason"])
    assert not str(intent.params["reason"]).rstrip().endswith("?")


@pytest.mark.parametrize(
    ("text", "action"),
    [("call it nocturne", "history"), ("make a loop of choir", "musicgen"), ("mute the drums", "mixer")],
)
def test_own_uses_of_those_words_still_act(text: str, action: str) -> None:
    assert parse(text).action == action


# 2. A clause after a mixer's track name is not part of the name; a part word names the part
@pytest.mark.parametrize(
    ("text", "part", "params"),
    [
        ("mute the drums, let the synth ring out", "drums", {"do": "mute"}),
        ("solo the melody so the class can hear it", "melody", {"do": "solo"}),
        ("unmute the bass because the drop needs it", "bass", {"do": "unmute"}),
        ("mute the organ while i talk", None, {"do": "mute", "track_name": "organ"}),
        ("solo the piano so everybody hears the voicing", None, {"do": "solo", "track_name": "piano"}),
        ("mute the chords, we need space for the vocal", "chords", {"do": "mute"}),
        ("solo the choir when the chorus comes in", None, {"do": "solo", "track_name": "choir"}),
    ],
)
def test_mixer_name_stops_at_a_clause(text: str, part: str | None, params: dict[str, object]) -> None:
    assert _read(text) == ("mixer", part, params)


@pytest.mark.parametrize(
    ("text", "name"), [("solo the bass synth", "bass synth"), ("mute the lead vocal track", "lead vocal")]
)
def test_mixer_names_of_two_words_are_kept(text: str, name: str) -> None:
    assert _read(text) == ("mixer", None, {"do": text.split()[0], "track_name": name})


# 3. Takes by reference and counts
@pytest.mark.parametrize(
    ("text", "params"),
    [
        ("star the previous one", {"do": "star", "which": "previous"}),
        ("unstar the latest one", {"do": "unstar", "which": "last"}),
        ("star the take before this", {"do": "star", "which": "previous"}),
        ("unstar the version before that", {"do": "unstar", "which": "previous"}),
        ("redo the last 3 changes", {"do": "redo", "count": 3}),
        ("redo last 2", {"do": "redo", "count": 2}),
        ("list only my starred ones", {"do": "list", "starred": True}),
        ("put the second one back", {"do": "recall", "which": "second"}),
        ("put take a1b2c3 back please", {"do": "recall", "which": "take:a1b2c3"}),
    ],
)
def test_takes_by_reference_and_count(text: str, params: dict[str, object]) -> None:
    assert _read(text) == ("history", None, params)
