"""A drum voice kept by its full name ("the ride cymbal", "the crash cymbals") is kept, and the change goes
to the other part (issue 55, scoped clauses; round 16's blind set removed a ride cymbal it was told to leave
as it was)."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")  # the whole reader: rules, learned reading, gate


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("leave the ride cymbal alone but take the kick out of the last two bars",
         {"op": "remove", "target": "kick", "scope": {"last_bars": 2}}),
        ("keep the crash cymbal as it is and quantize the snare", {"op": "quantize", "target": "snare"}),
        ("dont touch the crash cymbals, just make the hats quieter", {"op": "softer", "target": "hats"}),
        ("the ride cymbal is fine, make the kick louder", {"op": "louder", "target": "kick"}),
    ],
)  # fmt: skip
def test_a_cymbal_kept_by_its_full_name_is_not_changed(text: str, want: dict[str, object]) -> None:
    assert means_of(parse(text).as_dict()) == want


def test_a_cymbal_named_in_the_change_is_still_changed() -> None:
    assert means_of(parse("take the ride cymbal out of the chorus").as_dict()) == {
        "op": "remove", "target": "ride", "scope": {"section": "chorus"}
    }  # fmt: skip
