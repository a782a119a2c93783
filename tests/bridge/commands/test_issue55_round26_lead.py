"""Issue 55, round 26 (lead): the kinds of sentence behind two of round 25's wrong acts (sentences of our own,
never a blind set's lines): a later request whose "it" or "them" is the first request's part, read as if the
part were named when the clause alone would be asked about; and a request asked as help with it ("help me make
..."), read as the request with every value it says."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "first", "then"),
    [
        (
            "humanize the drums and then make them a bit softer",
            {"op": "humanize", "target": "drums"},
            {"op": "softer", "target": "drums"},
        ),
        (
            "tighten the timing of the bass, then make it a little bit louder",
            {"op": "quantize", "target": "bass"},
            {"op": "louder", "target": "bass"},
        ),
        (
            "swing the hats, then make them a bit louder",
            {"op": "swing", "target": "hats"},
            {"op": "louder", "target": "hats"},
        ),
    ],
)
def test_a_later_it_is_the_part_said_first(
    text: str, first: dict[str, object], then: dict[str, object]
) -> None:
    got = means_of(parse(text).as_dict())
    assert {k: got.get(k) for k in first} == first, got
    assert "not_done" not in got, got
    assert got.get("then") == [then], got


def test_a_later_it_after_two_voices_is_not_guessed() -> None:
    """Two voices said first: "them" is both, and the second request is not lost."""
    got = means_of(parse("swing the kick and the snare, then make them a bit louder").as_dict())
    assert sorted(got["target"]) == ["kick", "snare"], got
    assert [sorted(later["target"]) for later in got["then"]] == [["kick", "snare"]], got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "please help me make a beat 4 bars, pop, 100 bpm",
            {"op": "make", "target": "drums", "bars": 4, "genre": "pop", "tempo_bpm": 100},
        ),
        ("help me make some pop drums", {"op": "make", "target": "drums", "genre": "pop"}),
        ("could you help me out and quantize the bass", {"op": "quantize", "target": "bass"}),
    ],
)
def test_a_request_asked_as_help_is_the_request(text: str, want: dict[str, object]) -> None:
    assert means_of(parse(text).as_dict()) == want


@pytest.mark.parametrize("text", ["help me", "help", "can you help me"])
def test_help_itself_is_still_help(text: str) -> None:
    assert means_of(parse(text).as_dict()) == {"op": "help"}


@pytest.mark.parametrize(
    ("text", "op"),
    [("humanize the kick and the snare", "humanize"), ("swing the kick and the hats", "swing")],
)
def test_every_voice_said_is_changed(text: str, op: str) -> None:
    """Two voices said: both are the target (the first alone was a wrong act: the snare's change lost)."""
    got = means_of(parse(text).as_dict())
    assert got["op"] == op and sorted(got["target"]) == sorted(text.split()[-4::3]), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("give me a melody that goes with this clip", {"op": "make", "target": "melody", "follow": "this"}),
        ("write some chords to go with this loop", {"op": "make", "target": "chords", "follow": "this"}),
        ("write drums to go with the other clips in the scene", {"op": "accompany", "target": "drums"}),
    ],
)
def test_a_part_that_goes_with_this_clip_follows_it(text: str, want: dict[str, object]) -> None:
    """One clip named ("goes with this clip") is followed; the scene's clips are played along with."""
    assert means_of(parse(text).as_dict()) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("set key of this loop to A dorian", {"op": "set", "target": "this", "key": "A dorian"}),
        ("change genre of the chords to jazz", {"op": "set", "target": "chords", "genre": "jazz"}),
    ],
)
def test_a_setting_of_a_clip_said_without_its_article(text: str, want: dict[str, object]) -> None:
    """ "change key of this clip to ...": the clip's key (round 26's open set O5), never the song's."""
    assert means_of(parse(text).as_dict()) == want
