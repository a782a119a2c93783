"""The take store on a real SQLite file: commit, list, prefixes, stars, audio by hash, gc, migration."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from bridge.history import AudioOut, Store, TakeDraft, note_dict, open_store
from bridge.history.db import make_engine, migrate
from engines.errors import InvalidValue, TakeNotFound

NOTES = [note_dict(36, 0.0, 0.25, 100), note_dict(38, 1.0, 0.25, 90), note_dict(42, 0.5, 0.125, 64)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'history.db'}", tmp_path)
    yield s
    s.close()


def _wav(path: Path, seconds: float = 0.5, freq: float = 440.0, rate: int = 22050) -> Path:
    t = np.arange(int(seconds * rate)) / rate
    soundfile.write(str(path), (0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32), rate)
    return path


def test_a_take_comes_back_exactly(store: Store) -> None:
    take_id = store.commit(
        TakeDraft(
            "generate",
            "drums",
            params={"bars": 4},
            seed=7,
            context={"tempo_bpm": 120.0},
            live={"track": 0, "slot": 2},
            notes=NOTES,
        )
    )
    assert len(take_id) == 12
    take = store.get(take_id[:6])
    assert take.take_id == take_id and take.parent_id is None and take.seed == 7
    assert take.notes == tuple(NOTES) and take.live == {"track": 0, "slot": 2}
    detail = take.detail()
    assert {"take_id", "parent_id", "action", "part", "created_at", "message", "starred"} <= set(detail)
    assert detail["params"] == {"bars": 4} and detail["notes"] == NOTES
    json.dumps(detail)


def test_takes_form_a_tree_and_list_newest_first(store: Store) -> None:
    first = store.commit(TakeDraft("generate", "bass", notes=NOTES, live={"track": 1, "slot": 0}))
    second = store.commit(TakeDraft("generate", "bass", notes=NOTES, varies=(1, 0)))
    drums = store.commit(TakeDraft("generate", "drums", notes=NOTES))
    fork = store.commit(TakeDraft("generate", "bass", parent_id=first, notes=NOTES))
    assert store.get(second).parent_id == first  # the take written where the varied clip is
    assert store.get(drums).parent_id is None
    assert [t.take_id for t in store.takes()] == [fork, drums, second, first]
    assert [t.take_id for t in store.takes(part="bass", limit=2)] == [fork, second]
    store.star(first[:8], True)
    assert [t.take_id for t in store.takes(starred=True)] == [first]


def test_prefixes_short_unknown_and_ambiguous_are_refused(store: Store) -> None:
    ids = [store.commit(TakeDraft("generate", "drums")) for _ in range(40)]
    with pytest.raises(TakeNotFound, match="at least 6"):
        store.get(ids[0][:5])
    with pytest.raises(TakeNotFound, match="not in the history"):
        store.get("ffffffffffff" if "ffffffffffff" not in ids else "000000000000")
    # force an ambiguity: two ids sharing a 6-character prefix
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE takes SET take_id = 'abcdef000001' WHERE take_id = ?", (ids[0],))
        conn.exec_driver_sql("UPDATE takes SET take_id = 'abcdef000002' WHERE take_id = ?", (ids[1],))
    with pytest.raises(TakeNotFound, match="ambiguous"):
        store.get("abcdef")
    assert store.get("abcdef000002").take_id == "abcdef000002"


def test_the_project_is_remembered_across_opens(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    s = open_store(url, tmp_path)
    s.use_project("/music/song.als")
    s.commit(TakeDraft("generate", "melody"))
    s.close()
    again = open_store(url, tmp_path)
    assert again.project == "/music/song.als" and len(again.takes()) == 1
    again.use_project("other")
    assert again.takes() == [] and len(again.takes(project="*")) == 1
    with pytest.raises(InvalidValue, match="empty"):
        again.use_project(" ")
    again.close()


def test_audio_is_stored_once_by_hash_with_frames_and_rate(store: Store, tmp_path: Path) -> None:
    wav = _wav(tmp_path / "mix.wav")
    a = store.commit(TakeDraft("separate", "drums", audio=[AudioOut("drums", wav, {"tempo_bpm": 120})]))
    b = store.commit(TakeDraft("separate", "drums", audio=[AudioOut("drums", wav)]))
    out_a, out_b = store.get(a).outputs[0], store.get(b).outputs[0]
    assert out_a["sha256"] == out_b["sha256"] and out_a["path"] == out_b["path"]
    assert (out_a["frames"], out_a["sample_rate"]) == (11025, 22050)
    assert out_a["analysis"] == {"tempo_bpm": 120}
    assert len(list((tmp_path / "audio").rglob("*.wav"))) == 1
    assert store.check() == []
    Path(out_a["path"]).write_bytes(b"changed")
    assert any("expected" in p for p in store.check())


def test_gc_removes_only_old_unreferenced_audio(store: Store, tmp_path: Path) -> None:
    kept = store.commit(TakeDraft("separate", "bass", audio=[AudioOut("bass", _wav(tmp_path / "a.wav"))]))
    gone = store.commit(
        TakeDraft("separate", "bass", audio=[AudioOut("bass", _wav(tmp_path / "b.wav", freq=220))])
    )
    path = Path(store.get(gone).outputs[0]["path"])
    with store.engine.begin() as conn:  # the take that referred to b.wav is gone
        conn.exec_driver_sql("DELETE FROM outputs WHERE take_id = ?", (gone,))
    assert store.gc() == (0, 0)  # younger than a week
    removed, freed = store.gc(now=time.time() + 8 * 24 * 3600)
    assert removed == 1 and freed > 0 and not path.exists()
    assert Path(store.get(kept).outputs[0]["path"]).exists() and store.check() == []


def test_gc_keeps_a_file_it_cannot_remove_for_the_next_gc_and_removes_the_rest(
    store: Store, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stuck, gone, vanished = (
        store.commit(
            TakeDraft("separate", "bass", audio=[AudioOut("bass", _wav(tmp_path / f"{n}.wav", freq=f))])
        )
        for n, f in (("stuck", 110.0), ("gone", 220.0), ("vanished", 330.0))
    )
    stuck_path, gone_path, vanished_path = (
        Path(store.get(t).outputs[0]["path"]) for t in (stuck, gone, vanished)
    )
    with store.engine.begin() as conn:  # no take refers to any of them now
        conn.exec_driver_sql("DELETE FROM outputs")
    stuck_path.unlink()
    stuck_path.mkdir()  # a folder where the file was: unlink fails (the tests run as root: chmod would not)
    (stuck_path / "x").write_text("")
    vanished_path.unlink()  # removed by hand: only its row is left
    with caplog.at_level(logging.WARNING, logger="bridge.history.store"):
        removed, freed = store.gc(now=time.time() + 8 * 24 * 3600)
    assert removed == 2 and freed > 0 and not gone_path.exists()
    assert f"history gc: cannot remove {stuck_path}" in caplog.text and "kept for the next gc" in caplog.text
    with store.engine.begin() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("SELECT sha256 FROM blobs").all()]
    assert rows == [stuck_path.name.split(".")[0]]  # its row stays, so a later gc tries again
    (stuck_path / "x").unlink()
    stuck_path.rmdir()
    stuck_path.write_bytes(b"RIFF")
    assert store.gc(now=time.time() + 8 * 24 * 3600) == (1, 4)


def test_migration_from_the_first_schema_keeps_every_take(tmp_path: Path) -> None:
    db = tmp_path / "v1.db"
    migrate(make_engine(f"sqlite:///{db}"), "0001")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO projects VALUES (1, 'old set', 1.0, 1.0)")
    for i in range(5):
        con.execute(
            "INSERT INTO takes (take_id, project_id, parent_id, action, part, params, seed, context, versions,"
            " live, message, starred, created_at) VALUES (?, 1, ?, 'generate', 'bass', '{}', ?, '{}', '{}',"
            " '{\"track\": 1, \"slot\": 0}', '', 0, ?)",
            (f"aaaaaa00000{i}", f"aaaaaa00000{i - 1}" if i else None, i, 100.0 + i),
        )
        con.execute(
            "INSERT INTO outputs (take_id, kind, name, notes) VALUES (?, 'midi', 'bass', ?)",
            (f"aaaaaa00000{i}", json.dumps(NOTES[: i % 3 + 1])),
        )
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{db}", tmp_path)
    takes = store.takes()
    assert [t.take_id for t in takes] == [f"aaaaaa00000{i}" for i in reversed(range(5))]
    assert store.get("aaaaaa000003").notes == tuple(NOTES[:1]) and store.get("aaaaaa000003").command == ""
    assert store.get("aaaaaa000004").parent_id is None  # a staircase parent of 2026 (migration 0005)
    store.commit(TakeDraft("separate", "drums", audio=[AudioOut("drums", _wav(tmp_path / "x.wav"))]))
    assert store.count() == 6 and store.check() == []
    store.close()


def test_database_urls_postgres_means_psycopg_3_and_a_bad_url_is_named() -> None:
    from engines.errors import StoreError

    assert make_engine("postgresql://roo@127.0.0.1/takes").dialect.driver == "psycopg"
    with pytest.raises(StoreError, match="'not a url'"):
        make_engine("not a url")


def test_gc_keeps_audio_stored_again_within_the_week(store: Store, tmp_path: Path) -> None:
    wav = _wav(tmp_path / "again.wav")
    old = store.commit(TakeDraft("separate", "bass", audio=[AudioOut("bass", wav)]))
    with store.engine.begin() as conn:  # the take is gone and its audio was stored long ago
        conn.exec_driver_sql("DELETE FROM outputs WHERE take_id = ?", (old,))
        conn.exec_driver_sql("UPDATE blobs SET created_at = 0")
    store.commit(TakeDraft("separate", "bass", audio=[AudioOut("bass", wav)]))  # the same audio again
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM outputs")
    assert store.gc() == (0, 0)  # stored again just now: younger than a week
    assert store.check() == []


def test_audio_diff_per_stem_length_loudness_and_spectrum(store: Store, tmp_path: Path) -> None:
    from bridge.history.diff import diff_audio

    a = store.commit(TakeDraft("separate", "stems", audio=[AudioOut("bass", _wav(tmp_path / "a.wav"))]))
    b = store.commit(
        TakeDraft(
            "separate", "stems", audio=[AudioOut("bass", _wav(tmp_path / "b.wav", seconds=1.0, freq=110.0))]
        )
    )
    (same,) = diff_audio(store.get(a), store.get(a))
    assert same["same_audio"] and same["spectral_distance_db"] == 0.0
    (item,) = diff_audio(store.get(a), store.get(b))
    assert item["name"] == "bass" and item["length_s"] == [0.5, 1.0] and not item["same_audio"]
    assert abs(item["loudness_dbfs"][0] - item["loudness_dbfs"][1]) < 0.5  # same amplitude sines
    assert item["spectral_distance_db"] > 10.0  # 440 Hz against 110 Hz
