"""The song context is pushed by Live, and a write made for an older context is refused and redone.

Whole paths: a client -> the real daemon -> the real Remote Script in the in-memory Live.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from bridge import protocol
from bridge.daemon import Daemon
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon

F_SHARP_MINOR = {6, 8, 9, 11, 1, 2, 4}


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()
    assert host.errors == []


def wait_for_push(daemon: Daemon, timeout: float = 5.0) -> int:
    end = time.monotonic() + timeout
    while daemon.live.pushed is None:
        assert time.monotonic() < end, "Live pushed no context to the daemon"
        time.sleep(0.01)
    return daemon.live.pushed_seq


def test_the_daemon_holds_the_pushed_context_and_its_version(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        first = wait_for_push(daemon)
        live.call(lambda: setattr(live.song, "tempo", 101.0))
        end = time.monotonic() + 5.0
        while daemon.live.pushed_seq == first:
            assert time.monotonic() < end
            time.sleep(0.01)
        assert daemon.live.pushed_seq == first + 1
        assert daemon.live.pushed is not None and daemon.live.pushed.tempo_bpm == 101.0
        assert daemon.live.lost_pushes == 0


def test_a_lost_push_is_noticed_and_repaired_by_a_snapshot(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        first = wait_for_push(daemon)
        script = live.script

        def change_unheard() -> None:  # the daemon misses this version's push, as if it were lost
            listeners = list(script.context.listeners)
            script.context.listeners.clear()
            live.song.tempo = 77.0
            script.context.publish()
            script.context.listeners.extend(listeners)
            live.song.root_note = 4  # the next version reaches it: a gap of one

        live.call(change_unheard)
        end = time.monotonic() + 5.0
        while daemon.live.lost_pushes == 0 or daemon.live.pushed_seq < first + 2:
            assert time.monotonic() < end, "the gap was not noticed"
            time.sleep(0.01)
        pushed = daemon.live.pushed
        assert pushed is not None and (pushed.tempo_bpm, pushed.root_note) == (77.0, 4)


def test_generate_follows_a_context_changed_in_the_same_tick(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        wait_for_push(daemon)
        client = Client(daemon.port)
        written = threading.Event()

        def change_and_hold() -> None:
            """Change tempo, signature, scale and selection, then hold Live's main thread until the
            daemon has sent its write, made for the context it knew: both reach the same tick."""
            song = live.song
            song.tempo = 90.0
            song.signature_numerator = 3
            song.root_note = 6
            song.scale_name = "Minor"
            song.view.selected_track = song.tracks[2]
            song.view.selected_scene = song.scenes[4]
            written.wait(1.5)  # within the daemon's 2 s wait for the write's answer

        holder = threading.Thread(target=lambda: live.call(change_and_hold, timeout=20.0))
        holder.start()
        time.sleep(0.05)  # the main thread now holds the change
        client.send(protocol.GENERATE, "melody", "bars", 2, "seed", 5)
        messages = []
        end = time.monotonic() + 30.0
        while True:
            assert time.monotonic() < end, messages
            _job, state, _progress, message = client.wait_for(protocol.STATUS)
            messages.append(message)
            if message == "song context read" and not written.is_set():
                time.sleep(0.5)  # the part takes milliseconds: its write has left the daemon by now
                written.set()
            if state in protocol.FINAL_STATES:
                break
        holder.join()
        client.close()
    assert state == "done", messages
    assert "made again: the song context changed" in messages[-1], messages  # refused once, made again
    assert "track 3, scene 5" in messages[-1]
    props = live.clip_properties(2, 4)
    assert props is not None and props["length"] == 6.0  # 2 bars of 3/4
    pitch_classes = {n[0] % 12 for n in live.clip_notes(2, 4)}
    assert pitch_classes and pitch_classes <= F_SHARP_MINOR
    assert live.clip_properties(0, 0) is None  # nothing went where the old selection pointed


def test_the_clip_slots_fill_state_is_pushed_as_it_changes(live: LiveHost) -> None:
    with running_daemon(live_port=live.port) as daemon:
        wait_for_push(daemon)
        end = time.monotonic() + 5.0
        while len(daemon.live.slots) < 6:  # the snapshot: every track
            assert time.monotonic() < end
            time.sleep(0.01)
        assert daemon.live.slots[1] == "0" * 8
        live.call(lambda: live.song.tracks[1].clip_slots[2].create_clip(4.0))
        while daemon.live.slots[1] != "00100000":
            assert time.monotonic() < end, daemon.live.slots
            time.sleep(0.01)
        live.call(lambda: live.song.create_scene(0))  # a new row on top: every track again
        while daemon.live.slots[1] != "000100000":
            assert time.monotonic() < end, daemon.live.slots
            time.sleep(0.01)
        assert daemon.live.slots[0] == "0" * 9
