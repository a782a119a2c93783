"""'set the tempo from this clip' (issue 32): the selected clip analysed and applied, in Live's units."""

from __future__ import annotations

import pytest

from bridge.actions.intents import job as command
from bridge.commands import parse


@pytest.mark.parametrize(
    "text",
    ["set the tempo from this clip", "take the tempo from the loop", "match the tempo to this clip",
     "get the key from the clip"],
)  # fmt: skip
def test_the_tempo_from_a_clip_is_an_analysis_applied(text: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.params) == ("analyze", {"apply": True}), intent


@pytest.mark.parametrize(
    ("text", "action"),
    [("set the tempo to 120", "set_tempo"), ("change the key to d minor", "set_key"),
     ("change the key of the clip to d minor", "generate"),  # the clip's own key (round 18): no analysis
     ("warp this to the song", "analyze")],
)  # fmt: skip
def test_neighbours_keep_their_meaning(text: str, action: str) -> None:
    intent = parse(text)
    assert intent.action == action and "apply" not in intent.params, intent


def test_the_command_runs_the_analysis_with_apply() -> None:
    args_of = command.analyze_args
    assert args_of(parse("set the tempo from this clip")) == ["apply", 1]
    assert args_of(parse("warp this to the song")) == ["warp", 1]
