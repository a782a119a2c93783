"""`roo history`'s line says where a take landed: t<track>/s<slot>, or t<track> b<beat> in the Arrangement."""

from __future__ import annotations

from typing import Any

from bridge.cli.history import line
from bridge.history.takes import Take


def take(live: dict[str, Any]) -> Take:
    return Take("0123456789ab", None, "p", "generate", "bass", 100.0, "", False, live=live)


def test_where_a_take_landed() -> None:
    assert " t1/s2 " in line(take({"track": 1, "slot": 2}), 100.0, 200)
    assert " t1 b16 " in line(take({"track": 1, "start_beats": 16.0, "length_beats": 8.0}), 100.0, 200)
    assert " t1 b2.5 " in line(take({"track": 1, "start_beats": 2.5}), 100.0, 200)
    assert " t3 arr " in line(take({"track": 3}), 100.0, 200)
    assert " - " in line(take({}), 100.0, 200)
