"""Issue 55, round 35 (w84): a change of the whole song acted on one clip, and a later clause's "it", in
sentences of our own (never a set's line).

- the whole song moved in pitch ("take the whole thing up a whole step", "bring the entire song down a
  semitone") is every pitched part (``part == "all"``), as "modulate everything to Eb major" is
  (``whole_words.on_whole``): it had moved the selected clip alone;
- a fade of the whole song ("fade the whole band out") is every part (the daemon's side and its whole-path
  test: tests/bridge/actions/intents/test_automate_every_track.py);
- "it" after a request on two things ("quantize the snare and the bass, make it softer") is asked which one
  (``later_it``): it had softened the snare alone; "them" and one thing named keep their readings.
"""

from __future__ import annotations

import pytest

from bridge.commands import agree


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "semitones"),
    [
        ("take the whole thing up a whole step", 2),
        ("bring the entire song down a semitone", -1),
        ("shift it all up 3 semitones", 3),
        ("transpose the whole song up two semitones", 2),
    ],
)
def test_the_whole_song_moved_in_pitch_is_every_part(text: str, semitones: int) -> None:
    intent = agree.parse(text)
    assert intent.action == "transform" and intent.part == "all", intent
    assert intent.params["kind"] == "transpose" and intent.params["semitones"] == semitones, intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("transpose it up a whole step", None),  # the clip said: one
        ("take the bass up a whole step", "bass"),
        ("transpose the whole track down a half step", None),  # one of Live's tracks, maybe: as before
    ],
)
def test_one_thing_moved_in_pitch_stays_one(text: str, part: str | None) -> None:
    intent = agree.parse(text)
    assert intent.action == "transform" and intent.part == part, intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("quantize the snare and the bass, make it softer", ("snare", "bass")),
        ("tighten up the hats and the chords, then turn it down", ("hats", "chords")),
        ("humanise the kick and the keys and then make it a bit louder", ("kick", "keys")),
    ],
)
def test_it_after_two_things_is_asked(text: str, names: tuple[str, str]) -> None:
    intent = agree.parse(text)
    assert intent.action == "unknown", intent
    reason = str(intent.params["reason"])
    assert all(f"the {name}" in reason for name in names) and reason.endswith("?"), intent
    for example in intent.params["suggestions"][:2]:  # each example is read, both requests kept
        assert agree.parse(example).understood, example


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    [
        "quantize the snare, make it softer",  # one thing: it
        "quantize the snare and the bass, make the bass softer",  # named
        "make a beat and a bassline, then play it",  # the song played
        "just keep the hats and the kick, i want it really sparse",  # a wish, no request of its own
        "flip this loop to drum and bass, it would slap",  # a style, no two things
    ],
)
def test_it_after_one_thing_or_a_name_is_not_asked(text: str) -> None:
    intent = agree.parse(text)
    assert "which one:" not in str(intent.params.get("reason", "")), intent  # never this module's question
