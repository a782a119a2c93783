"""roo history / show / diff / export / recall / fork against a real store (and the running daemon)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import mido
import pytest

from bridge.cli import main
from bridge.history import Store, TakeDraft, note_dict, open_store
from livesim.host import LiveHost
from tests.bridge.harness import running_daemon

A = [note_dict(36, 0.0, 0.5, 100), note_dict(38, 1.0, 0.5, 100), note_dict(42, 4.5, 0.25, 80)]
B = [note_dict(36, 0.0, 0.5, 120), note_dict(38, 1.5, 0.5, 100), note_dict(46, 6.0, 0.25, 80)]
CONTEXT = {"tempo_bpm": 100.0, "signature": [4, 4], "key": "A minor"}


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("MUSEAROO_DB", raising=False)
    s = open_store()
    yield s
    s.close()


def _out(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _commit(
    store: Store, notes: list[dict[str, object]], part: str = "drums", parent: str | None = None
) -> str:
    live = {"track": 0, "slot": 0, "length_beats": 8.0}
    return store.commit(
        TakeDraft(
            "generate",
            part,
            params={"bars": 2},
            seed=3,
            context=CONTEXT,
            live=live,
            notes=notes,
            parent_id=parent,
        )
    )


def test_history_json_and_tree(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    assert (tmp_path / "data" / "history.db").exists()
    a = _commit(store, A)
    b = _commit(store, B)
    fork = _commit(store, A, parent=a)
    bass = _commit(store, A, part="bass")
    store.star(b, True)
    listed = json.loads(_out(capsys, "history", "--json"))
    assert [t["take_id"] for t in listed] == [bass, fork, b, a]
    assert set(listed[0]) >= {"take_id", "parent_id", "action", "part", "created_at", "message", "starred"}
    # The listing against the rows of the database file itself (sqlite3, no code of the store's).
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "history.db")) as db:
        rows = db.execute("SELECT take_id, parent_id, part, starred FROM takes ORDER BY id DESC").fetchall()
    assert [(t["take_id"], t["parent_id"], t["part"], t["starred"]) for t in listed] == [
        (take_id, parent, part, bool(starred)) for take_id, parent, part, starred in rows
    ]
    assert listed[0]["track"] == 0 and listed[0]["slot"] == 0
    assert [t["take_id"] for t in json.loads(_out(capsys, "history", "--json", "--part", "bass"))] == [bass]
    assert [t["take_id"] for t in json.loads(_out(capsys, "history", "--json", "--starred"))] == [b]
    lines = _out(capsys, "history").splitlines()  # flat: newest first, one line each
    assert [next(i for i, line in enumerate(lines) if t in line) for t in (bass, fork, b, a)] == [0, 1, 2, 3]
    assert len(lines) == 4 and lines[2].startswith("*") and "t0/s0" in lines[0] and " bass " in lines[0]
    tree = _out(capsys, "history", "--tree").splitlines()  # the fork folded under its parent
    assert [next(i for i, line in enumerate(tree) if t in line) for t in (bass, b, a, fork)] == [0, 1, 2, 3]
    assert "└" in tree[3] and "└" not in "".join(tree[:3])


def test_history_is_newest_first_within_the_terminal_width(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 30 point 4: 250 takes printed as 318 lines up to 520 characters, oldest first."""
    monkeypatch.setenv("COLUMNS", "100")
    ids = []
    for i in range(250):
        draft = TakeDraft(
            "generate",
            ("drums", "bass", "chords", "melody")[i % 4],
            params={"genre": "funk"},
            live={"track": i % 4, "slot": i // 4},
            message="a long message " * 20 if i % 7 == 0 else "",
            notes=A,
            varies=(i % 4, i // 4 - 1) if i % 3 == 0 else None,
        )
        ids.append(store.commit(draft))
    for args in (["history"], ["history", "--tree"]):
        lines = _out(capsys, *args).splitlines()
        assert len(lines) == 250 and max(len(line) for line in lines) <= 100
        if args == ["history"]:
            assert [line[2:14] for line in lines] == ids[::-1]
    newest = _out(capsys, "history", "--limit", "1")
    assert "funk" in newest and "t1/s62" in newest and newest.split()[0] == ids[-1] and " 0s " in newest


def test_history_tree_of_10000_takes_in_one_chain_has_no_recursion_error(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 31 point 3: the tree view died with RecursionError at a parent chain 1,106 deep."""
    monkeypatch.setenv("COLUMNS", "100")
    rows = []
    for i in range(10_000):
        parent = f"'{i - 1:012x}'" if i else "NULL"
        rows.append(
            f"('{i:012x}', 1, {parent}, 'generate', 'bass', '{{}}', '{{}}', '{{}}', '{{}}', '', '', 0, {i}.0, 0)"
        )
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO projects (id, name, created_at, used_at) VALUES (1, 'deep', 1.0, 9e9)"
        )
        conn.exec_driver_sql(
            "INSERT INTO takes (take_id, project_id, parent_id, action, part, params, context, versions, live,"
            " command, message, starred, created_at, pending) VALUES " + ", ".join(rows)
        )
    lines = _out(capsys, "history", "--tree", "--project", "deep").splitlines()
    assert len(lines) == 10_000 and lines[0].split()[0] == f"{0:012x}"
    assert max(len(line) for line in lines) <= 100 and "└9999 " in lines[-1]


def test_show_json_has_the_notes_as_live_holds_them(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    a = _commit(store, A)
    shown = json.loads(_out(capsys, "show", a[:6], "--json"))
    assert shown["take_id"] == a and shown["notes"] == A and shown["seed"] == 3
    assert (
        shown["live"]["track"] == 0 and shown["context"] == CONTEXT and shown["outputs"][0]["kind"] == "midi"
    )
    assert main(["show", "zzzzzz"]) == 2
    assert "at least 6 hex" in capsys.readouterr().err


def test_diff_bar_by_bar(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _commit(store, A), _commit(store, B)
    d = json.loads(_out(capsys, "diff", a, b, "--json"))
    assert d["summary"] == {"added": 1, "removed": 1, "moved": 1, "velocity": 1}
    bar1, bar2 = d["bars"]
    assert bar1["bar"] == 1 and bar1["velocity"][0]["from"] == 100 and bar1["velocity"][0]["to"] == 120
    assert bar1["moved"][0]["to"]["start_beats"] == 1.5
    assert bar2["removed"][0]["pitch"] == 42 and bar2["added"][0]["pitch"] == 46
    assert "bar 2:" in _out(capsys, "diff", a, b)


def test_export_writes_mid_and_a_zip_of_the_ancestry(
    store: Store, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a = _commit(store, A)
    b = _commit(store, B, parent=a)
    _commit(store, A)  # made meanwhile: not what b was made from
    written = json.loads(_out(capsys, "export", b, "--out", str(tmp_path / "out"), "--json"))
    mid = mido.MidiFile(written["files"][0])
    pitches = [m.note for t in mid.tracks for m in t if m.type == "note_on" and m.velocity > 0]
    assert sorted(pitches) == sorted(n["pitch"] for n in B)
    with zipfile.ZipFile(written["zip"]) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert [t["take_id"] for t in manifest["takes"]] == [a, b]
        assert f"{a}/{a}.mid" in zf.namelist() and manifest["takes"][0]["notes"] == A


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def test_recall_and_fork_go_through_the_daemon(
    store: Store, live: LiveHost, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _commit(store, A)
    with running_daemon(live_port=live.port, history=open_store()) as daemon:
        port = str(daemon.port)
        assert "track 1, scene 1" in _out(capsys, "recall", a[:8], "--port", port)
        assert [n[:4] for n in live.clip_notes(0, 0)] == [
            (n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in A
        ]
        done = json.loads(_out(capsys, "fork", a, "--density", "0.9", "--port", port, "--json"))
        assert done["state"] == "done" and len(done["take_ids"]) == 1
        assert main(["recall", "abcdef", "--port", port]) == 1
    assert store.get(done["take_ids"][0]).parent_id == a
    assert "not in the history" in capsys.readouterr().out


def test_gc_reports_what_it_freed(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert json.loads(_out(capsys, "history", "gc", "--json")) == {"removed": 0, "bytes_freed": 0}


def test_diff_reads_as_note_names_positions_and_beats(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 30 point 7: `roo diff` printed `+28@7.5012+0.46 v85`."""
    a = _commit(store, A)
    b = _commit(store, [*B, note_dict(28, 7.5012, 0.4567, 85)])
    text = _out(capsys, "diff", a, b)
    assert "+ E0 at 2.4.3, 0.46 beats, v85" in text  # Live's names (C3 = 60), bar.beat.sixteenth
    assert "- F#1 at 2.1.3, 0.25 beats, v80" in text and "~ D1 moved 1.2.1 -> 1.2.3" in text
    assert "v C1 at 1.1.1 velocity 100 -> 120" in text
    assert "@" not in text and "7.5012" not in text and "warning" not in text


def test_diff_of_two_parts_says_so_naming_both(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    drums, bass = _commit(store, A, part="drums"), _commit(store, B, part="bass")
    text = _out(capsys, "diff", drums, bass)
    said = f"take {drums} is drums and take {bass} is bass: different parts"
    assert said in text.splitlines()[1]
    found = json.loads(_out(capsys, "diff", drums, bass, "--json"))
    assert found["parts"] == ["drums", "bass"] and said in found["warning"]


def test_show_prints_the_notes(
    store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 30 point 7: `roo show` printed "notes: 12" and no notes."""
    monkeypatch.setenv("COLUMNS", "100")
    a = _commit(store, A)
    lines = _out(capsys, "show", a).splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("notes: 3"))
    shown = " ".join(lines[at + 1 :])
    for cell in ("C1 1.1.1 0.5 v100", "D1 1.2.1 0.5 v100", "F#1 2.1.3 0.25 v80"):
        assert cell in shown
    assert max(len(line) for line in lines[at + 1 :]) <= 100


def test_fork_takes_hyphenated_options_and_the_old_spelling_quietly() -> None:
    """Issue 30 point 7: `roo fork --source_track` was the only option spelled with an underscore."""
    import argparse

    from bridge.cli import fork

    parser = argparse.ArgumentParser()
    fork.configure(parser)
    assert parser.parse_args(["abcdef", "--source-track", "2", "--source-slot", "1"]).source_track == 2
    assert parser.parse_args(["abcdef", "--source_track", "3"]).source_track == 3  # still accepted
    shown = parser.format_help()
    assert "--source-track" in shown and "--source_track" not in shown
