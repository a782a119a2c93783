"""Issue 55, round 14 (r56b): no request said in a sentence of several is lost silently. A first
clause the whole reading left out and that cannot be read alone is named in ``not_done``; a later
clause pointing back with a pronoun ("thin it out") is a request of its own on the first's target."""

from __future__ import annotations

import pytest

from bridge.commands import parse


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("recall the last one and humanise it", "recall the last one"),
        ("grab the last take and swing it", "grab the last take"),
        ("pull it down and tighten it up", "pull it down"),
    ],
)
def test_a_first_request_not_read_is_named_not_done(text: str, left: str) -> None:
    intent = parse(text)
    assert intent.understood, intent
    assert left in intent.params.get("not_done", []), intent


@pytest.mark.parametrize(
    ("text", "do", "part", "kind"),
    [
        ("mute the drums and thin it out", "mute", "drums", "density"),
        ("mute the bass and thin them out", "mute", "bass", "density"),
    ],
)
def test_a_later_pronoun_request_takes_the_first_target(text: str, do: str, part: str, kind: str) -> None:
    intent = parse(text)
    assert (intent.action, intent.part, intent.params.get("do")) == ("mixer", part, do), intent
    later = intent.params["then"]
    assert [(s["part"], s["params"].get("kind")) for s in later] == [(part, kind)], intent


@pytest.mark.parametrize(
    "text",
    [
        "mute the keys and beef it up",
        "mute the drums and beef them up",
        "recall the last one and humanise it",
    ],
)
def test_a_request_looking_clause_never_disappears(text: str) -> None:
    intent = parse(text)
    said = [*intent.params.get("not_done", []), *(s["action"] for s in intent.params.get("then", []))]
    assert intent.understood and said, intent
