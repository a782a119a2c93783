"""Every job writes its commit before it reports done, through the real daemon and the in-memory Live."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge import protocol
from bridge.history import open_store
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

TAKE = re.compile(r"\(take ([0-9a-f, ]+)\)")


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


def _take_ids(message: str) -> list[str]:
    found = TAKE.search(message)
    assert found, message
    return found.group(1).split(", ")


def test_a_generate_is_in_the_store_as_live_holds_it(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2, "seed", 5)
        _, state, _, message = client.wait_final()
        assert state == "done", message
        (first,) = _take_ids(message)
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2, "seed", 6)
        _, state, _, message = client.wait_final()
        (second,) = _take_ids(message)
        assert "scene 2" in message
        client.close()
    again = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)  # after the daemon stopped
    take = again.get(first)
    held = [(p, s, d, v) for p, s, d, v, _m in live.clip_notes(1, 0)]
    assert take.notes is not None
    assert [(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes] == held
    assert take.live["track"] == 1 and take.live["slot"] == 0 and take.live["note_count"] == len(held)
    assert take.seed == 5 and take.params["bars"] == 2 and take.context["tempo_bpm"] > 0
    later = again.get(second)
    assert later.parent_id is None and later.live["slot"] == 1  # a new generate is a root, not a child
    again.close()


def test_a_typed_command_records_its_sentence(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.COMMAND, "give me a funky bass line")
        _, state, _, message = client.wait_final()
        assert state == "done", message
        (take_id,) = _take_ids(message)
        assert store.get(take_id).command == "give me a funky bass line"
        assert store.get(take_id).part == "bass"
        client.close()


def test_a_read_only_store_is_reported_and_generation_still_works(live: LiveHost, tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    open_store(f"sqlite:///{db}", tmp_path).close()  # a store that exists, then opened read-only
    store = open_store(f"sqlite:///file:{db}?mode=ro&uri=true", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 1)
        _, state, _, message = client.wait_final()
        assert state == "done" and "track 1, scene 1" in message
        assert "NOT recorded in the take history" in message and "readonly" in message
        assert live.clip_notes(0, 0)
        client.close()


def test_a_data_folder_that_cannot_be_made_is_said_on_every_status(live: LiveHost, tmp_path: Path) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    from bridge.cli.serve import _open_history

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MUSEAROO_DATA_DIR", str(blocker / "musearoo"))
        mp.delenv("MUSEAROO_DB", raising=False)
        history, why = _open_history()
    assert history is None and str(blocker) in why
    with running_daemon(live_port=live.port, history_error=why) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "drums", "track", 0, "slot", 0, "bars", 1)
        _, state, _, message = client.wait_final()
        assert state == "done" and "NOT recorded in the take history" in message and str(blocker) in message
        assert live.clip_notes(0, 0)
        client.close()


def test_all_parts_are_one_take_each_where_live_put_them(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "all", "slot", 2, "bars", 1, "seed", 11)
        _, state, _, message = client.wait_final()
        assert state == "done", message
        ids = _take_ids(message)
        client.close()
    takes = [store.get(t) for t in ids]
    assert sorted(t.part for t in takes) == ["bass", "chords", "drums", "melody"]
    for take in takes:
        held = [n[:4] for n in live.clip_notes(take.live["track"], take.live["slot"])]
        assert take.notes is not None and [tuple(n.values()) for n in take.notes] == held
        assert take.seed == 11 and take.live["slot"] == 2


def test_takes_written_before_a_failure_are_kept(tmp_path: Path) -> None:
    import asyncio

    from bridge.history import TakeDraft, note_dict
    from bridge.jobs.board import Job, JobBoard
    from engines.errors import LiveError

    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    finals: list[str] = []

    async def main() -> None:
        async def record(job: Job) -> str:
            return f" (take {', '.join(store.commit(d) for d in job.takes)})"

        async def work(job: Job) -> str:
            job.takes.append(TakeDraft("generate", "drums", notes=[note_dict(36, 0.0, 0.5, 100)]))
            raise LiveError("Live refused the second part")

        board = JobBoard(asyncio.get_running_loop(), lambda to, job: finals.append(job.message), record)
        job = board.submit("generate", ("127.0.0.1", 9), work)
        assert job._task is not None
        await job._task

    asyncio.run(main())
    assert finals[-1].startswith("Live refused the second part; 1 take(s) made before the failure kept")
    assert len(store.takes()) == 1 and _take_ids(finals[-1]) == [store.takes()[0].take_id]


def test_a_transform_is_a_take_with_the_notes_live_holds(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 2, "seed", 5)
        _, state, _, message = client.wait_final()
        assert state == "done", message
        client.send(protocol.TRANSFORM, "transpose", "track", 1, "slot", 0, "semitones", 3)
        _, state, _, message = client.wait_final()
        assert state == "done", message
        (take_id,) = _take_ids(message)
        client.close()
    take = store.get(take_id)
    held = [(p, s, d, v) for p, s, d, v, _m in live.clip_notes(1, 1)]
    source = [p for p, *_ in live.clip_notes(1, 0)]
    assert take.action == "transform" and take.params["kind"] == "transpose"
    assert take.live["slot"] == 1 and take.params["source"] == {"track": 1, "slot": 0}
    assert take.notes is not None
    assert [(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes] == held
    assert sorted(p for p, *_ in held) == sorted(p + 3 for p in source)
    store.close()
