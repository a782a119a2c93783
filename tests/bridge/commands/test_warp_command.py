"""'warp this to the song', typed or spoken: /roo/analyze warp 1 on the selected clip."""

from __future__ import annotations

import pytest

from bridge.commands import jsgf, parse
from bridge.commands.grammar import build_jsgf


@pytest.mark.parametrize(
    "text",
    [
        "warp this to the song",
        "Warp it to the tempo",
        "warp the clip to the grid please",
        "warp this clip to the beat",
    ],
)
def test_warp_phrases_ask_for_an_analysis_that_warps(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params) == ("analyze", None, {"warp": True}), text


def test_analysing_alone_does_not_warp() -> None:
    assert parse("analyze this clip").params == {}


def test_the_speech_grammar_can_say_it_and_the_parser_understands_what_it_says() -> None:
    rules = jsgf.parse_jsgf(build_jsgf())
    for said in ("warp this to the song", "warp the clip to the grid please", "warp it to the tempo"):
        assert jsgf.accepts(rules, "command", said), said
        assert parse(said).params == {"warp": True}
    assert not jsgf.accepts(rules, "command", "warp the song")
