"""A reason said of the request's own thing names a part only as what it is heard against (issue 55, round 24):
"shift the bassline a sixteeth earlier, its rushing the kick" shifted the kick on main. Sentences written for
this test, not from any blind set."""

from __future__ import annotations

import pytest

from bridge.commands.agree import parse
from bridge.commands.means import means_of
from bridge.commands.reasons import without_reasons

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "op", "target"),
    [
        ("move the bass an eighth later because it's rushing the kick", "shift", "bass"),
        ("nudge the snare a sixteenth earlier, its lagging the hats", "shift", "snare"),
        ("make the bass louder because it's fighting the kick", "louder", "bass"),
    ],
)
def test_the_part_a_reason_names_is_not_the_one_changed(text: str, op: str, target: str) -> None:
    got = means_of(parse(text).as_dict())
    assert (got.get("op"), got.get("target")) == (op, target), (text, got)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("move the bass an eighth later because it's rushing the kick", "move the bass an eighth later"),
        ("quantize the hats, they keep racing the snare", "quantize the hats"),
    ],
)
def test_a_reason_about_it_is_cut_whatever_its_verb(text: str, cut: str) -> None:
    assert without_reasons(text) == cut


@pytest.mark.parametrize(
    "text",
    [
        "quantize the drums, its the kick thats off",  # the clause says which voice: not talk around it
        "mute the bass, the drums are too quiet",  # another part as the clause's subject
    ],
)
def test_a_clause_that_names_the_thing_itself_is_kept(text: str) -> None:
    assert without_reasons(text) == text
