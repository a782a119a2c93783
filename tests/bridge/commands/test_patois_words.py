"""Jamaican Patois function words said plainly (bridge/commands/patois_words.py; sentences of our own, the words
from round 25's open set 117): "di" never becomes part of a track's name, "an" is "and" only in a Patois
sentence, "likkle" keeps its amount, and English sentences are left as they were."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of
from bridge.commands.patois_words import patois

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("mute di chords fi now", {"op": "mute", "target": "chords"}),
        ("solo di organ track", {"op": "solo", "target": "track:organ"}),
        ("unmute di melody", {"op": "unmute", "target": "melody"}),
        ("swing di ride likkle bit", {"op": "swing", "target": "ride", "amount": 0.25}),
        (
            "mek some chords an a melody, reggae, 90",
            {"op": "make", "target": ["chords", "melody"], "genre": "reggae", "tempo_bpm": 90},
        ),
        ("tek di melody dung a whole octave", {"op": "transpose", "target": "melody", "semitones": -12}),
    ],
)
def test_patois_is_read_as_its_english(text: str, want: dict[str, object]) -> None:
    got = means_of(parse(text).as_dict())
    assert {
        **got,
        "target": sorted(got["target"]) if isinstance(got.get("target"), list) else got.get("target"),
    } == {
        **want,
        "target": sorted(want["target"]) if isinstance(want["target"], list) else want["target"],
    }


@pytest.mark.parametrize(
    "text",
    [
        "transpose the bass down an octave",
        "make an 8 bar loop",
        "make a lo fi beat and a bass line",
        "give me an MPC style beat",
        "an idea for the chorus, please",
        "make all parts, lo-fi, 85 bpm",
        "a sci-fi pad and a hi fi beat",
        "put a wah on the chords, an octave up",
    ],
)
def test_english_is_left_as_it_was(text: str) -> None:
    assert patois(text) == text


def test_an_is_and_only_in_a_patois_sentence() -> None:
    assert patois("mek a beat an a bassline") == "make a beat and a bassline"
    assert patois("mek it an octave lower") == "make it an octave lower"
    assert patois("fi di lo fi beat") == "for the lo fi beat"
