"""Set 159's rehearsal-room orders (round 37, w97): a player tacet or laying out is muted or taken out there,
never made; "from the top" is played; "knock up" / "rustle up" make; a tempo said in words beside a section
is no section's ordinal; a loop's theatre purpose is no prompt word."""

from __future__ import annotations

import pytest

from bridge.commands import parse


@pytest.mark.parametrize(
    ("text", "action", "part", "params"),
    [
        ("Piano track, tacet please.", "mixer", None, {"do": "mute", "track_name": "piano"}),
        ("Bass tacet in the second chorus.", "transform", "bass", {"kind": "clear"}),
        ("the chords lay out in the bridge", "transform", "chords", {"kind": "clear"}),
        ("OK, go again from the top of the number.", "play", None, {}),
        ("Let's take it from the top", "play", None, {}),
        ("Knock me up a bass line in G minor", "generate", "bass", {"key": "G minor"}),
        ("knock together some chords for the verse", "generate", "chords", {}),
        ("Rustle up a funk groove for the intro, one twenty eight.", "generate", "drums", {"tempo_bpm": 128}),
        ("Knock me up some chords for the bridge in A minor, nothing flash.", "generate", "chords", {"key": "A minor"}),
        ("Make a loop of a ticking clock, four bars, for the murder underscore", "musicgen", None,
         {"prompt": "ticking clock"}),
        ("Make an audio loop of wind through trees, four bars, for the ghost underscore", "musicgen", None,
         {"prompt": "wind through trees"}),
    ],
)  # fmt: skip
def test_rehearsal_orders(text: str, action: str, part: str | None, params: dict[str, object]) -> None:
    intent = parse(text)
    assert (intent.action, intent.part) == (action, part), intent
    assert params.items() <= intent.params.items(), intent.params


def test_a_tempo_in_words_beside_a_section_is_no_ordinal() -> None:
    intent = parse("make house drums for the chorus, one twenty four")
    assert intent.params["region"] == {"section": "chorus", "nth": 1}
    assert intent.params["tempo_bpm"] == 124
    assert parse("make rock drums for the outro 152").params["region"]["nth"] != 152
    assert parse("make drums for verse 2").params["region"] == {"section": "verse", "nth": 2}


def test_a_then_clause_from_the_top_plays() -> None:
    intent = parse("Set the tempo to one hundred, then take it from the top.")
    assert intent.action == "set_tempo"
    assert [t["action"] for t in intent.params["then"]] == ["play"]
