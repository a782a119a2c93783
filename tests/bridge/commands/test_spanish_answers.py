"""Round 16's Spanish moves and answers (issue 55, w60a), in sentences of our own: a tempo moved by a
number said right after "súbele" / "bájale" (by, not to), and "sí" said as a yes to a pending question
("dale, sí", "sí, claro", "de una"), never the conditional "si" ("si suena bien, ...")."""

from __future__ import annotations

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of

pytestmark = pytest.mark.usefixtures("learned_reading")


def _means(text: str) -> dict[str, object]:
    return means_of(parse(text).as_dict())


@pytest.mark.parametrize(
    ("text", "change"),
    [("súbele 4 bpm a la canción", 4), ("bajale 6 bpm", -6), ("raise 3 bpm", 3), ("lower it 2 bpm", -2)],
)  # fmt: skip
def test_a_tempo_moved_by_a_small_number(text: str, change: int) -> None:
    assert _means(text) == {"op": "tempo", "target": "song", "change_bpm": change}


def test_a_large_number_after_the_verb_is_not_read_as_a_move() -> None:
    assert _means("drop 90 bpm").get("change_bpm") is None


@pytest.mark.parametrize("text", ["si", "si, claro", "claro, si", "de una", "si dale", "dale bro, si"])
def test_the_spanish_yes_confirms(text: str) -> None:
    assert _means(text) == {"op": "confirm", "yes": True}


@pytest.mark.parametrize("text", ["si te gusta, ponle una estrella", "si suena raro, hazlo otra vez"])
def test_a_conditional_si_is_no_answer(text: str) -> None:
    assert _means(text).get("op") != "confirm"


def test_de_una_inside_a_request_is_of_a() -> None:
    assert _means("dame 4 bars de una bassline") == {"op": "make", "target": "bass", "bars": 4}
