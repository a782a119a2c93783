"""The take store's schema goes back past 0003 (pending takes) and forward again with every take
kept exactly: on a real SQLite file and on the real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile
from sqlalchemy import inspect, text

from bridge.history import AudioOut, TakeDraft, note_dict, open_store
from bridge.history.db import HEAD, downgrade, make_engine, migrate

NOTES = [note_dict(36, 0.0, 0.25, 100), note_dict(43, 1.5, 0.5, 77)]


def fill(url: str, root: Path) -> tuple[dict[str, Any], str]:
    """Takes of every kind (MIDI, starred, with a command, audio, a child) and one pending take."""
    store = open_store(url, root)
    bass = store.commit(TakeDraft("generate", "bass", seed=3, params={"bars": 2}, notes=NOTES))
    store.star(bass, True)
    store.commit(TakeDraft("generate", "bass", seed=4, notes=NOTES[:1], command="make it busier"))
    wav = root / "stem.wav"
    soundfile.write(str(wav), np.linspace(-0.3, 0.3, 2205).astype(np.float32), 22050)
    store.commit(TakeDraft("separate", "stems", audio=[AudioOut("drums", wav, {"tempo_bpm": 120.0})]))
    pending = store.commit(TakeDraft("generate", "drums", notes=NOTES), pending=True)
    kept = {t.take_id: t.detail() for t in store.takes()}
    assert pending not in kept and len(kept) == 3
    store.close()
    return kept, pending


def round_trip(url: str, root: Path) -> None:
    kept, pending = fill(url, root)
    engine = make_engine(url)
    downgrade(engine, "0002")
    with engine.connect() as conn:
        assert "pending" not in {c["name"] for c in inspect(conn).get_columns("takes")}
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == "0002"
        # the older schema cannot tell a pending take from a take: it went, the takes stayed
        ids = set(conn.execute(text("SELECT take_id FROM takes")).scalars())
        assert ids == set(kept)
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    engine.dispose()
    store = open_store(url, root)
    assert {t.take_id: t.detail() for t in store.takes()} == kept
    assert store.check() == [] and pending not in {t.take_id for t in store.takes()}
    store.commit(TakeDraft("generate", "drums", notes=NOTES), pending=True)  # the column is back
    assert len(store.takes()) == 3
    store.close()


def test_sqlite_downgrade_past_0003_and_upgrade_again_keeps_every_take(tmp_path: Path) -> None:
    round_trip(f"sqlite:///{tmp_path / 'history.db'}", tmp_path)


def test_postgres_downgrade_past_0003_and_upgrade_again_keeps_every_take(
    postgres_url: str, tmp_path: Path
) -> None:
    round_trip(postgres_url, tmp_path)


def test_sqlite_downgrade_to_the_first_schema_and_back_keeps_the_midi_takes(tmp_path: Path) -> None:
    to_the_first_and_back(f"sqlite:///{tmp_path / 'history.db'}", tmp_path)


def test_postgres_downgrade_to_the_first_schema_and_back_keeps_the_midi_takes(
    postgres_url: str, tmp_path: Path
) -> None:
    to_the_first_and_back(postgres_url, tmp_path)


def to_the_first_and_back(url: str, tmp_path: Path) -> None:
    store = open_store(url, tmp_path)
    first = store.commit(TakeDraft("generate", "bass", seed=3, notes=NOTES))
    second = store.commit(TakeDraft("generate", "drums", seed=4, notes=NOTES[:1]))
    store.star(second, True)
    kept = {t.take_id: t.detail() for t in store.takes()}
    store.close()
    engine = make_engine(url)
    downgrade(engine, "0001")  # the first schema has no audio nor command: MIDI takes only here
    migrate(engine)
    engine.dispose()
    store = open_store(url, tmp_path)
    assert {t.take_id: t.detail() for t in store.takes()} == kept and set(kept) == {first, second}
    store.close()


def test_a_downgrade_to_an_unknown_revision_is_refused_naming_it(tmp_path: Path) -> None:
    from engines.errors import StoreError

    engine = make_engine(f"sqlite:///{tmp_path / 'history.db'}")
    migrate(engine)
    with pytest.raises(StoreError, match="'0999'"):
        downgrade(engine, "0999")
