"""A transport button pressed after another request ("... and hit play") is done after it, in ``then``
(issue 55, round 19)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "first", "later"),
    [
        ("undo the last change and hit play", "undo", "play"),
        ("mute the pad and press play", "mute", "play"),
        ("redo that and hit stop", "redo", "stop"),
    ],
)
def test_the_button_pressed_is_done_after(text: str, first: str, later: str) -> None:
    read = means_of(parse(text).as_dict())
    assert read.get("op") == first
    assert [step.get("op") for step in read.get("then", [])] == [later]
