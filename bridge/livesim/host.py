"""The in-memory Live's host: loads the Remote Script as Live does and runs it on one main thread.

Like Live, the host calls ``create_instance(c_instance)`` of the script package, fires
``Live.Base.Timer`` callbacks at their interval (ms), calls ``update_display`` about every
100 ms and ``disconnect`` on stop; every Live call happens on that one thread. Tests and
benchmarks use ``LiveHost(...).start_in_thread()`` and inspect the Set through ``call``.
"""

from __future__ import annotations

import concurrent.futures
import importlib.util
import os
import queue
import sys
import threading
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from bridge import protocol
from bridge.livesim import modules
from bridge.livesim.application import DEFAULT_VERSION, Application, Version, bind_application
from bridge.livesim.base import bind_scheduler
from bridge.livesim.document import Document
from bridge.livesim.live_set import SetDesc, build_song
from bridge.livesim.scheduler import TimerScheduler
from bridge.livesim.song import Song

T = TypeVar("T")
SCRIPT_DIR = Path(__file__).resolve().parents[2] / "remote_scripts" / "MuseAroo"
PORT_ENV = "MUSEAROO_LIVE_PORT"
DISPLAY_INTERVAL_S = 0.1
_create_lock = threading.Lock()  # the port travels to the script in the process environment


NoteRow = tuple[int, float, float, int, int]


def note_rows(clip: Any) -> list[NoteRow]:
    """(pitch, start_beats, duration_beats, velocity, mute) of a MIDI clip's notes, sorted by time."""
    return [
        (n.pitch, n.start_time, n.duration, round(n.velocity), int(n.mute))
        for n in clip.get_all_notes_extended()
    ]


class CInstance:
    """What Live hands a Remote Script: the Song and the log and status-bar outputs."""

    def __init__(self, host: LiveHost) -> None:
        self._host = host

    def song(self) -> Song:
        return self._host.song

    def log_message(self, *messages: object) -> None:
        self._host._log(" ".join(str(m) for m in messages))

    def show_message(self, message: object) -> None:
        self._host.status_bar = str(message)

    def request_rebuild_midi_map(self) -> None:
        pass

    def send_midi(self, midi_bytes: tuple[int, ...]) -> None:
        pass


def load_script(script_dir: Path) -> types.ModuleType:
    """Import the Remote Script package from its folder, named after it (once per process, as Live does)."""
    modules.install()
    name = script_dir.name
    init = script_dir / "__init__.py"
    existing = sys.modules.get(name)
    if existing is not None and Path(str(existing.__file__)).resolve() == init.resolve():
        return existing
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(script_dir)])
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load a Remote Script from {str(script_dir)!r}: no __init__.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


class LiveHost:
    """One in-memory Live with the Remote Script loaded, listening on UDP ``port`` (0: any free)."""

    def __init__(
        self,
        live_set: SetDesc | None = None,
        *,
        port: int = protocol.LIVE_PORT,
        version: Version = DEFAULT_VERSION,
        script_dir: Path = SCRIPT_DIR,
        on_log: Callable[[str], None] | None = None,
    ) -> None:
        self.application = Application(version)
        self.doc = Document(self.application)
        self.song = build_song(live_set or SetDesc(), self.doc)
        self.application.document = self.song
        self.requested_port = port
        self.script_dir = script_dir
        self.script: Any = None
        self.log: list[str] = []
        self.status_bar = ""
        self._on_log = on_log
        self._scheduler = TimerScheduler()
        self._calls: queue.SimpleQueue[tuple[Callable[[], Any], concurrent.futures.Future[Any]] | None] = (
            queue.SimpleQueue()
        )
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._start_error: BaseException | None = None
        self._stopping = False

    # --- what tests read ------------------------------------------------------------------
    @property
    def errors(self) -> list[str]:
        """Exceptions Live would have logged: from listeners, timer callbacks, update_display."""
        return self.doc.errors

    @property
    def port(self) -> int:
        """The UDP port the script listens on (the bound one when 0 was asked)."""
        return int(getattr(self.script, "port", self.requested_port))

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _log(self, text: str) -> None:
        self.log.append(text)
        if self._on_log is not None:
            self._on_log(text)

    # --- lifecycle ------------------------------------------------------------------------
    def start_in_thread(self, timeout: float = 10.0) -> LiveHost:
        """Start the main thread, load the script and return once it listens (or raise its error)."""
        if self._thread is not None:
            raise RuntimeError("this LiveHost was already started; make a new one")
        self._thread = threading.Thread(target=self._main, name="live-main", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise RuntimeError(f"the Remote Script did not start within {timeout} s")
        if self._start_error is not None:
            self._thread.join(timeout)
            raise RuntimeError(
                f"the Remote Script failed to start: {self._start_error!r}"
            ) from self._start_error
        return self

    def run_forever(self) -> None:
        """Run the main loop on this thread until stop() is called or Ctrl-C, then disconnect."""
        self._thread = threading.current_thread()
        try:
            self._main()
        except KeyboardInterrupt:
            self._stopping = True
            self._shutdown()
        if self._start_error is not None:
            raise RuntimeError(
                f"the Remote Script failed to start: {self._start_error!r}"
            ) from self._start_error

    def stop(self, timeout: float = 10.0) -> None:
        """Disconnect the script on the main thread and end it; safe to call twice."""
        self._stopping = True
        self._calls.put(None)
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait up to timeout s for the main thread to end; True while it still runs."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        return self.running

    def __enter__(self) -> LiveHost:
        return self.start_in_thread()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def call(self, fn: Callable[[], T], timeout: float = 10.0) -> T:
        """Run fn on the main thread (where Live objects may be touched) and return its result."""
        if threading.current_thread() is self._thread:
            return fn()
        if not self.running or self._stopping:
            raise RuntimeError("the in-memory Live is not running")
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        self._calls.put((fn, future))
        return future.result(timeout)

    # --- conveniences for tests and benchmarks ----------------------------------------------
    def clip_notes(self, track: int, slot: int) -> list[NoteRow]:
        """(pitch, start_beats, duration_beats, velocity, mute) of a MIDI clip, sorted by time."""

        def read() -> list[NoteRow]:
            clip = self.song.tracks[track].clip_slots[slot].clip
            if clip is None:
                raise LookupError(f"track {track} slot {slot} holds no clip")
            return note_rows(clip)

        return self.call(read)

    def arrangement_clips(self, track: int) -> list[tuple[float, float, str, list[NoteRow]]]:
        """(start_beats, length_beats, name, notes) of each arrangement clip on a track, by start time."""

        def read() -> list[tuple[float, float, str, list[NoteRow]]]:
            return [
                (
                    clip.start_time,
                    clip.length,
                    clip.name,
                    note_rows(clip),
                )
                for clip in self.song.tracks[track].arrangement_clips
            ]

        return self.call(read)

    def clip_properties(self, track: int, slot: int) -> dict[str, Any] | None:
        """The clip's properties as a dict (None for an empty slot); warp markers as (seconds, beats)."""

        def read() -> dict[str, Any] | None:
            clip = self.song.tracks[track].clip_slots[slot].clip
            if clip is None:
                return None
            props = ("name", "length", "looping", "loop_start", "loop_end", "start_marker", "end_marker")
            out = {p: getattr(clip, p) for p in props}
            out["is_audio_clip"] = clip.is_audio_clip
            if clip.is_audio_clip:
                out.update(file_path=clip.file_path, warping=clip.warping, sample_rate=clip.sample_rate)
                out.update(
                    warp_mode=clip.warp_mode,
                    warp_markers=[(m.sample_time, m.beat_time) for m in clip.warp_markers],
                )
            return out

        return self.call(read)

    # --- the main thread ------------------------------------------------------------------
    def _main(self) -> None:
        bind_scheduler(self._scheduler)
        bind_application(self.application)
        self.doc.main_thread = threading.current_thread()
        try:
            module = load_script(self.script_dir)
            with _create_lock:
                previous = os.environ.get(PORT_ENV)
                os.environ[PORT_ENV] = str(self.requested_port)
                try:
                    self.script = module.create_instance(CInstance(self))
                finally:
                    if previous is None:
                        os.environ.pop(PORT_ENV, None)
                    else:
                        os.environ[PORT_ENV] = previous
        except Exception as exc:  # reported to the starter, like Live's log of a broken script
            self._start_error = exc
            self._ready.set()
            return
        self._ready.set()
        self._loop()
        self._shutdown()

    def _loop(self) -> None:
        last = time.monotonic()
        next_display = last + DISPLAY_INTERVAL_S
        while not self._stopping:
            now = time.monotonic()
            self.song._advance(now - last)
            last = now
            self._scheduler.run_due(now, self.doc)
            if now >= next_display:
                next_display = now + DISPLAY_INTERVAL_S
                self._guarded("update_display")
            wait = min(self._scheduler.next_due(), next_display) - time.monotonic()
            try:
                item = self._calls.get(timeout=max(0.0, wait))
            except queue.Empty:
                continue
            while item is not None:
                fn, future = item
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(fn())
                    except BaseException as exc:  # handed to the caller of call()
                        future.set_exception(exc)
                try:
                    item = self._calls.get_nowait()
                except queue.Empty:
                    break

    def _guarded(self, method: str) -> None:
        fn = getattr(self.script, method, None)
        if fn is None:
            return
        try:
            fn()
        except Exception as exc:  # Live logs a script's exception and carries on
            self.doc.report_error(f"script.{method}", exc)

    def _shutdown(self) -> None:
        self._guarded("disconnect")
        self._scheduler.clear()
        while True:  # fail whatever is still queued
            try:
                item = self._calls.get_nowait()
            except queue.Empty:
                break
            if item is not None and item[1].set_running_or_notify_cancel():
                item[1].set_exception(RuntimeError("the in-memory Live stopped"))
