"""A take keeps the envelopes MuseAroo drew on its clip (live.envelopes), in SQLite and in
PostgreSQL alike; a bad envelope is refused naming it and the take keeps what it had."""

from __future__ import annotations

from pathlib import Path

import pytest

from bridge.history import Store, TakeDraft, open_store
from engines.automation import Drawn
from engines.errors import InvalidValue

RISE = Drawn("Auto Filter", "Frequency", "rise", 0.25, 1.0, 0.0, 1.0, 0.0, 16.0)
PAN = Drawn("Mixer", "Track Panning", "lfo", -0.5, 0.5, -1.0, 1.0, 4.0, 8.0, rate_beats=2.0)


def draft() -> TakeDraft:
    notes = [{"pitch": 60, "start_beats": 0.0, "length_beats": 1.0, "velocity": 90}]
    return TakeDraft("generate", "chords", live={"track": 2, "slot": 1}, notes=notes)


def check(store: Store) -> None:
    take_id = store.commit(draft())
    store.keep_envelopes(take_id, [RISE.as_json(), PAN.as_json()])
    live = store.get(take_id).live
    assert live["track"] == 2 and live["slot"] == 1
    assert [Drawn.from_json(e) for e in live["envelopes"]] == [RISE, PAN]
    bad = {**RISE.as_json(), "end": 3.0}  # above the parameter's range
    with pytest.raises(InvalidValue, match=r"'Frequency'.*within 0\.0\.\.1\.0"):
        store.keep_envelopes(take_id, [bad])
    for wrong, says in (({"start": "low"}, "start 'low'"), ({"curve": float("nan")}, "curve nan"),
                        ({"shape": 3}, "shape 3"), ({"colour": 1}, "colour")):  # fmt: skip
        with pytest.raises(InvalidValue, match=says):
            store.keep_envelopes(take_id, [{**RISE.as_json(), **wrong}])
    assert len(store.get(take_id).live["envelopes"]) == 2
    store.keep_envelopes(take_id[:8], [])
    assert store.get(take_id).live == {"track": 2, "slot": 1}


def test_sqlite_keeps_a_takes_envelopes(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    try:
        check(store)
    finally:
        store.close()


def test_postgresql_keeps_a_takes_envelopes(postgres_url: str, tmp_path: Path) -> None:
    store = open_store(postgres_url, tmp_path / "files")
    try:
        check(store)
    finally:
        store.close()
