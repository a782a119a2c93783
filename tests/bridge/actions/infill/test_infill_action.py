"""/roo/infill, /roo/continue, /roo/accompany: parsing, and the whole path into the in-memory Live with a
tiny random MIDI-GPT checkpoint run in the real model worker."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.actions.infill.request import InfillRequest, parse_request
from bridge.history import Store, open_store
from bridge.jobs.worker import get_worker
from engines.errors import InvalidValue
from engines.infill import LICENCE
from engines.infill.random_model import save_random_checkpoint
from livesim.host import LiveHost
from livesim.live_set import ClipDesc, SetDesc, TrackDesc
from tests.bridge.harness import Client, running_daemon, snapshots_late

Row = tuple[int, float, float, int, int]
# four bars of eighths, a pitch per bar, and one muted note in bar 4 (kept as it is, muted)
MELODY: tuple[Row, ...] = (
    *((60 + b, b * 4.0 + i * 0.5, 0.5, 80 + i, 0) for b in range(4) for i in range(8)),
    (90, 13.25, 0.25, 70, 1),
)
DRUMS: tuple[Row, ...] = tuple((36 if b % 2 == 0 else 38, float(b), 0.25, 110, 0) for b in range(4))
KEYS: tuple[Row, ...] = tuple((p, 0.0, 4.0, 90, 0) for p in (60, 64, 67))


@pytest.mark.parametrize(
    ("address", "args", "expected"),
    [
        (protocol.INFILL, [0, 1], InfillRequest("infill", 0, 1)),
        (protocol.INFILL, [-1, -1, "bars", "5-8"], InfillRequest("infill", first_bar=5, last_bar=8)),
        (protocol.INFILL, [2, 0, "bars", 3, "seed", 4], InfillRequest("infill", 2, 0, 3, 3, seed=4)),
        (protocol.CONTINUE, [1, 2, "bars", 4], InfillRequest("continue", 1, 2, bars=4)),
        (
            protocol.CONTINUE,
            [1, 2, "bars", 4, "extend", 1],
            InfillRequest("continue", 1, 2, bars=4, extend=True),
        ),
        (
            protocol.ACCOMPANY,
            ["bass", "density", 0.5, "complexity", 1, "variations", 2, "model", "/m.safetensors"],
            InfillRequest(
                "accompany", part="bass", density=0.5, complexity=1.0, variations=2, model="/m.safetensors"
            ),
        ),
    ],
)
def test_parse_request(address: str, args: list[Any], expected: InfillRequest) -> None:
    assert parse_request(address, args) == expected


@pytest.mark.parametrize(
    ("address", "args", "named"),
    [
        (protocol.INFILL, [], "expected a track and a slot first"),
        (protocol.INFILL, [0, 0, "bars", "8-5"], "bars '8-5' is not a bar range: expected 1 <= FROM <= TO"),
        (protocol.INFILL, [0, 0, "bars", "five"], "bars 'five' is not a bar range"),
        (protocol.INFILL, [0, -2], "track 0 / slot -2"),
        (protocol.INFILL, [0, 0, "density", 1.5], "density 1.5 is out of range: expected 0..1"),
        (protocol.INFILL, [0, 0, "variations", 9], "variations 9 is out of range: expected 1..8"),
        (protocol.INFILL, [0, 0, "extend", 1], "option 'extend' is not known"),
        (protocol.CONTINUE, [0, 0], "needs bars"),
        (protocol.CONTINUE, [0, 0, "bars", 0], "bars 0 is out of range: expected 1..64"),
        (protocol.CONTINUE, [0, 0, "bars", 2, "extend", 2], "extend = 2 is not valid: expected 0 or 1"),
        (
            protocol.ACCOMPANY,
            ["flute"],
            "part 'flute' is not known: expected one of drums, bass, chords, melody",
        ),
        (protocol.ACCOMPANY, [], "needs a part first"),
    ],
)
def test_bad_requests_name_the_value(address: str, args: list[Any], named: str) -> None:
    with pytest.raises(InvalidValue) as err:
        parse_request(address, args)
    assert named in str(err.value)


@pytest.fixture(scope="module")
def ckpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_random_checkpoint(tmp_path_factory.mktemp("midigpt") / "tiny.safetensors", seed=5)


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", "1")  # the spawned worker: tiny model, shared cores
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache: no published weights


def the_set(*, bass_track: bool = True) -> SetDesc:
    tracks = [
        TrackDesc("midi", "Melody", (ClipDesc(0, "riff", 16.0, MELODY),)),
        TrackDesc("midi", "Drums", (ClipDesc(0, "beat", 4.0, DRUMS),)),
        TrackDesc("midi", "Keys", (ClipDesc(0, "pad", 4.0, KEYS),)),
    ]
    if bass_track:
        tracks.append(TrackDesc("midi", "Bass"))
    return SetDesc(tracks=(*tracks, TrackDesc("audio", "Audio")), selected_track=0, selected_scene=0)


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(the_set(), port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path / "files")
    yield s
    s.close()


def finish(client: Client, kind: str, timeout: float = 240) -> tuple[list[Any], list[dict[str, Any]]]:
    """The final status of the job just sent and its results of ``kind``."""
    results = []
    end = time.monotonic() + timeout
    while True:
        address, reply = client.recv(max(0.01, end - time.monotonic()))
        if address == protocol.RESULT and reply[1] == kind:
            results.append(json.loads(reply[2]))
        elif address == protocol.STATUS and reply[1] in protocol.FINAL_STATES:
            return reply, results


def outside(rows: list[Row] | tuple[Row, ...], lo: float, hi: float) -> list[Row]:
    return sorted(r for r in rows if not lo <= r[1] < hi)


def test_infill_keeps_every_note_outside_its_bars_in_one_undo_step_as_a_take(
    env: None, live: LiveHost, ckpt: Path, store: Store
) -> None:
    before = live.clip_notes(0, 0)
    steps = live.call(lambda: live.doc.undo_steps)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.INFILL, 0, 0, "bars", "2-3", "model", str(ckpt), "seed", 3)
            (_, state, _, message), results = finish(client, "infill")
            assert state == "done", message
            assert "bars 2-3 rewritten in place" in message and "(seed 3)" in message
            first = live.clip_notes(0, 0)
            assert outside(first, 4.0, 12.0) == outside(before, 4.0, 12.0)  # the muted note too
            assert [r for r in first if 4.0 <= r[1] < 12.0] != [r for r in before if 4.0 <= r[1] < 12.0]
            assert live.call(lambda: live.doc.undo_steps) == steps + 1
            (result,) = results
            assert (result["track"], result["slot"], result["first_bar"], result["last_bar"]) == (0, 0, 2, 3)
            assert result["note_count"] == len(first) and result["parent_id"] is None
            assert live.clip_properties(0, 0)["length"] == 16.0  # type: ignore[index]
            # no bars given: the clip's last half; the parent is the take the clip came from
            client.send(protocol.INFILL, 0, 0, "model", str(ckpt), "seed", 4)
            (_, state, _, message), results = finish(client, "infill")
            assert state == "done", message
            assert (results[0]["first_bar"], results[0]["last_bar"]) == (3, 4)
        finally:
            client.close()
    second = live.clip_notes(0, 0)
    assert outside(second, 8.0, 16.0) == outside(first, 8.0, 16.0)
    takes = store.takes()
    assert [t.action for t in takes] == ["infill", "infill"]
    newest, older = store.get(takes[0].take_id), store.get(takes[1].take_id)
    assert newest.parent_id == older.take_id == results[0]["parent_id"] and older.parent_id is None
    assert newest.live["track"] == 0 and newest.live["slot"] == 0 and newest.params["first_bar"] == 3
    assert len(newest.notes or ()) == len(second)
    live.call(live.doc.undo)
    assert live.clip_notes(0, 0) == first
    live.call(live.doc.undo)
    assert live.clip_notes(0, 0) == before


def test_continue_and_accompany_write_where_the_message_says(
    env: None, live: LiveHost, ckpt: Path, store: Store
) -> None:
    melody = live.clip_notes(0, 0)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.CONTINUE, 1, 0, "bars", 2, "model", str(ckpt), "seed", 1)
            (_, state, _, message), results = finish(client, "continue")
            assert state == "done", message
            assert "2 new bars in track 2, scene 2" in message and (
                results[0]["track"],
                results[0]["slot"],
            ) == (1, 1)
            new = live.clip_notes(1, 1)
            assert live.clip_properties(1, 1)["length"] == 8.0  # type: ignore[index]
            assert new and all(0.0 <= r[1] < 8.0 for r in new) and live.clip_notes(1, 0) == list(DRUMS)
            client.send(protocol.CONTINUE, 0, 0, "bars", 1, "extend", 1, "model", str(ckpt), "seed", 2)
            (_, state, _, message), results = finish(client, "continue")
            assert state == "done", message
            assert "1 bars added in place" in message
            assert live.clip_properties(0, 0)["length"] == 20.0  # type: ignore[index]
            assert outside(live.clip_notes(0, 0), 16.0, 20.0) == outside(melody, 16.0, 20.0)
            client.send(protocol.ACCOMPANY, "bass", "model", str(ckpt), "seed", 3, "variations", 2)
            (_, state, _, message), results = finish(client, "accompany")
            assert state == "done", message
            takes = results[0]["takes"]
            assert [(t["track"], t["slot"]) for t in takes] == [(3, 0), (3, 1)]  # the track named Bass
            assert (
                "a bass clip" in message
                and "in track 4, scene 1" in message
                and "more take(s) in scenes 2" in message
            )
            assert [t["seed"] for t in takes] == [3, 4]
            daemon.live.slots.clear()  # as before Live pushed the fill state: empty slots are read too
            # no track says chords any more ("Keys" would, by the track rule): a new one is made
            live.call(lambda: setattr(live.song.tracks[2], "name", "Strings"))
            deadline = time.monotonic() + 5.0  # until Live has pushed the new name to the daemon
            while (daemon.live.track_list or [("", True)] * 3)[2][0] != "Strings":
                assert time.monotonic() < deadline, daemon.live.track_list
                time.sleep(0.01)
            client.send(protocol.ACCOMPANY, "chords", "model", str(ckpt), "seed", 5)
            (_, state, _, message), results = finish(client, "accompany")
            assert state == "done", message
            chords = results[0]["track"]
            assert chords == 5 and results[0]["slot"] == 0 and f"in track {chords + 1}, scene 1" in message
        finally:
            client.close()
    assert live.call(lambda: live.song.tracks[5].name) == "Chords"  # a new MIDI track named for the part
    assert live.clip_properties(3, 0)["length"] == 20.0  # type: ignore[index]  # the longest context clip
    actions = [t.action for t in store.takes()]
    assert actions == ["accompany", "accompany", "accompany", "continue", "continue"]


def test_a_missing_model_is_refused_at_once_with_what_to_do(env: None, live: LiveHost, ckpt: Path) -> None:
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.INFILL, 0, 0, "model", "yellow_small")
            _, state, _, message = client.wait_final(20)
            client.send(protocol.ACCOMPANY, "bass", "model", "/no/such.safetensors")
            _, state2, _, message2 = client.wait_final(20)
            client.send(protocol.INFILL, 0, 0, "bars", "4-5", "model", str(ckpt))
            _, state3, _, message3 = client.wait_final(20)
            client.send(protocol.INFILL, 4, 0, "model", str(ckpt))
            _, state4, _, message4 = client.wait_final(20)
        finally:
            client.close()
        assert daemon.app is not None and daemon.app.worker is None  # refused before the worker started
    assert (
        state == "failed" and LICENCE in message and "hf auth login" in message and "yellow_small" in message
    )
    assert state2 == "failed" and "'/no/such.safetensors' is not usable" in message2
    assert (
        state3 == "failed" and "bars 4-5 are out of range: track 1, scene 1 ('riff') has 4 bars" in message3
    )
    assert state4 == "failed" and "track 5 'Audio', scene 1 is empty: expected a clip there" in message4


def test_cancel_stops_sampling(env: None, live: LiveHost, ckpt: Path, tmp_path: Path) -> None:
    # random weights that never close a bar: sampling runs to the model's token limit
    slow = save_random_checkpoint(tmp_path / "slow.safetensors", seed=6, ends_logit=-8.0)
    before = live.clip_notes(0, 0)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.INFILL, 0, 0, "bars", "1-4", "model", str(slow), "variations", 4)
            end = time.monotonic() + 240
            while True:
                job, state, _, message = client.wait_for(protocol.STATUS, end - time.monotonic())
                assert state not in protocol.FINAL_STATES, message
                if "tokens" in message:
                    break
            worker = daemon.app.worker if daemon.app is not None else None
            assert worker is not None
            pid = worker.pid
            client.send(protocol.CANCEL, job)
            _, state, _, message = client.wait_final(30)
            assert state == "cancelled", message
            # the worker stopped sampling (it is not killed after its grace) and takes the next job
            client.send(protocol.CONTINUE, 1, 0, "bars", 1, "model", str(ckpt), "seed", 1)
            _, state, _, message = client.wait_final(240)
            assert state == "done", message
            assert worker.pid == pid, "the worker was killed: the cancel did not stop sampling"
        finally:
            client.close()
    assert live.clip_notes(0, 0) == before


def test_the_queue_carries_the_worker_target_as_plain_json(ckpt: Path) -> None:
    """On a worker queue the target's arguments and value travel as JSON: both come back usable."""
    from bridge.queue.jobspec import daemon_value, spec_for, worker_value
    from engines.infill.jobs import part_dict, run
    from engines.music import Note

    spec = spec_for("engines.infill.jobs:run")
    clip = part_dict([Note(*r[:4], bool(r[4])) for r in MELODY], 16.0, False, 80, "riff")
    kwargs = json.loads(json.dumps({"mode": "infill", "model": str(ckpt), "clip": clip, "signature": (4, 4),
                                    "first_bar": 2, "last_bar": 2, "seed": 7}))  # fmt: skip
    value = run(**kwargs)
    sent, files = worker_value(spec, value)
    back = daemon_value(spec, json.loads(json.dumps(sent)), {})
    assert files == {} and back["seeds"] == [7] and (back["first_bar"], back["last_bar"]) == (2, 2)
    assert sorted(tuple(r) for r in back["takes"][0]) == sorted(tuple(r) for r in value["takes"][0])
    assert outside([tuple(r) for r in back["takes"][0]], 4.0, 8.0) == outside(MELODY, 4.0, 8.0)  # type: ignore[arg-type]


def test_doctor_names_the_cached_midigpt_weights_and_what_to_do_without(env: None, tmp_path: Path) -> None:
    import asyncio

    from bridge.actions.infill.clips import require_infill
    from bridge.setup.doctor import checks, infill_weights_check
    from engines.errors import ModelUnavailable

    empty = infill_weights_check()
    assert not empty.ok and empty.detail == "none cached"
    assert LICENCE in empty.fix and "hf auth login" in empty.fix and "PATH.safetensors" in empty.fix
    with pytest.raises(ModelUnavailable, match="hf auth login"):
        asyncio.run(require_infill("yellow_medium"))
    snapshot = tmp_path / "hf" / "hub" / "models--Metacreation--MIDI-GPT" / "snapshots" / "0123abc"
    snapshot.mkdir(parents=True)
    (snapshot / "yellow_medium-final.safetensors").write_bytes(b"")
    cached = infill_weights_check()
    assert cached.ok and cached.detail == "yellow_medium"
    asyncio.run(require_infill("yellow_medium"))  # cached: the loader is left to load it
    assert "MIDI-GPT weights" in [c.name for c in checks(daemon_port=1, live_port=1)]


@pytest.mark.parametrize("first_push_late", [False, True])
def test_an_infill_of_a_clip_edited_meanwhile_writes_nothing(
    env: None, live: LiveHost, ckpt: Path, first_push_late: bool
) -> None:
    """first_push_late: the infill is asked before Live's first context push reached the daemon (as it
    can be right after the daemon connected): it still waits for the context's version, so its write
    checks the clip it was made from instead of going unchecked over the edit."""
    from livesim.notes import MidiNoteSpecification

    if first_push_late:
        snapshots_late(live, 0.4)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        app = daemon.app
        assert app is not None
        # The model's result is held until Live's main thread is held here, so the write cannot be
        # handled before the edit (on a loaded machine this thread could come too late otherwise).
        worker = get_worker(app)
        modelled, holding = threading.Event(), threading.Event()
        model_call = worker.call

        async def call_then_wait_for_the_hold(*args: Any, **kwargs: Any) -> Any:
            modelled.set()  # the clips are read: the model's turn
            result = await model_call(*args, **kwargs)
            await asyncio.to_thread(holding.wait, 60)
            return result

        worker.call = call_then_wait_for_the_hold  # type: ignore[method-assign]
        try:
            client.send(protocol.INFILL, 0, 0, "bars", "1-2", "model", str(ckpt), "seed", 1)
            assert modelled.wait(30), "the infill never reached the model worker"

            def edit_when_the_write_waits() -> None:
                """Hold Live's main thread until the daemon sent its write, then edit the clip first."""
                holding.set()
                stop = time.monotonic() + 200
                writes = (protocol.RS_WRITE_CLIP, protocol.RS_WRITE_CLIP_FOR, protocol.RS_WRITE_CLIP_FROM)
                while not set(writes) & set(daemon.live.waiting_for()):
                    assert time.monotonic() < stop
                    time.sleep(0.005)
                clip = live.song.tracks[0].clip_slots[0].clip
                assert clip is not None
                clip.add_new_notes([MidiNoteSpecification(100, 1.0, 0.5, 99.0)])

            live.call(edit_when_the_write_waits, timeout=240)
            _, state, _, message = client.wait_final(60)
        finally:
            client.close()
    assert state == "failed" and "nothing written" in message and "infill again" in message, message
    assert (100, 1.0, 0.5, 99, 0) in live.clip_notes(0, 0)
    assert len(live.clip_notes(0, 0)) == len(MELODY) + 1  # the edit stands, nothing else changed


@pytest.mark.parametrize(("switch", "ran"), [("1", "int8"), ("0", None)])
def test_the_daemon_passes_its_int8_choice_to_the_model_worker(
    env: None, live: LiveHost, ckpt: Path, monkeypatch: pytest.MonkeyPatch, switch: str, ran: str | None
) -> None:
    """MUSEAROO_INFILL_INT8 is the daemon's setting: the bridge reads it and asks the worker for
    int8 (the engine reads no environment); the result names the model that ran."""
    monkeypatch.setenv("MUSEAROO_INFILL_INT8", switch)
    with running_daemon(live_port=live.port) as daemon:
        client = Client(daemon.port)
        try:
            client.send(protocol.INFILL, 0, 0, "bars", "2-2", "model", str(ckpt), "seed", 3)
            (_, state, _, message), results = finish(client, "infill")
        finally:
            client.close()
    assert state == "done", message
    assert (results[0]["device"], results[0]["quantize"]) == ("cpu", ran)
