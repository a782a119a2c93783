"""The host runs a Remote Script as Live does: one main thread, timers, display ticks, disconnect."""

from __future__ import annotations

import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from livesim import LiveHost

TINY_SCRIPT = """
import threading
import Live


class Tiny(object):
    def __init__(self, c_instance):
        self.c = c_instance
        self.song = c_instance.song()
        self.ticks = 0
        self.displays = 0
        self.threads = set()
        self.disconnected = False
        self.timer = Live.Base.Timer(callback=self.tick, interval=10, repeat=True)
        self.timer.start()
        self.once = Live.Base.Timer(self.boom, 10, False, True)
        c_instance.log_message("tiny up")

    def tick(self):
        self.ticks += 1
        self.threads.add(threading.current_thread().name)

    def boom(self):
        raise ValueError("boom in a timer")

    def update_display(self):
        self.displays += 1

    def disconnect(self):
        self.disconnected = True
        self.timer.stop()


def create_instance(c_instance):
    return Tiny(c_instance)
"""


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "TinyScript"
    folder.mkdir()
    (folder / "__init__.py").write_text(textwrap.dedent(TINY_SCRIPT))
    return folder


def wait_for(condition: Callable[[], bool], timeout_s: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_timers_and_display_run_on_the_main_thread(tiny: Path) -> None:
    host = LiveHost(script_dir=tiny).start_in_thread()
    try:
        assert host.log == ["tiny up"]
        assert wait_for(lambda: host.call(lambda: host.script.ticks >= 5 and host.script.displays >= 2))
        assert host.call(lambda: host.script.threads) == {"live-main"}
        assert host.call(threading.current_thread).name == "live-main"
        # the one-shot timer raised: Live stops that timer and logs the error
        assert wait_for(lambda: len(host.errors) == 1)
        assert "boom in a timer" in host.errors[0]
        assert host.call(lambda: host.script.once.running) is False
        assert host.call(lambda: host.script.timer.running) is True
    finally:
        host.stop()
    assert host.script.disconnected and not host.running


def test_call_returns_results_and_raises_errors(tiny: Path) -> None:
    with LiveHost(script_dir=tiny) as host:
        assert host.call(lambda: host.song.tempo) == 120.0
        with pytest.raises(ZeroDivisionError):
            host.call(lambda: 1 / 0)
        # touching Live from another thread is refused (Live is not thread-safe)
        with pytest.raises(RuntimeError, match="main thread"):
            host.song.tempo = 100.0
        host.call(lambda: setattr(host.song, "tempo", 100.0))
        assert host.call(lambda: host.song.tempo) == 100.0
    with pytest.raises(RuntimeError, match="not running"):
        host.call(lambda: None)


def test_song_time_advances_while_playing(tiny: Path) -> None:
    with LiveHost(script_dir=tiny) as host:
        host.call(host.song.start_playing)
        assert wait_for(lambda: host.call(lambda: host.song.current_song_time) > 0.05)
        host.call(host.song.stop_playing)
        stopped = host.call(lambda: host.song.current_song_time)
        time.sleep(0.05)
        assert host.call(lambda: host.song.current_song_time) == stopped


def test_a_script_that_fails_to_load_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "Broken"
    folder.mkdir()
    (folder / "__init__.py").write_text(
        "def create_instance(c_instance):\n    raise ImportError('no framework here')\n"
    )
    with pytest.raises(RuntimeError, match="no framework here"):
        LiveHost(script_dir=folder).start_in_thread()


def test_the_hosts_default_port_is_the_remote_scripts() -> None:
    from bridge import protocol
    from livesim import host

    assert host.LIVE_PORT == protocol.LIVE_PORT
