"""The in-memory Live's host: loads the Remote Script as Live does and runs it on one main thread.

Like Live, the host calls ``create_instance(c_instance)`` of the script package, fires
``Live.Base.Timer`` callbacks at their interval (ms), calls ``update_display`` about every
100 ms and ``disconnect`` on stop; every Live call happens on that one thread. Tests and
benchmarks use ``LiveHost(...).start_in_thread()`` and inspect the Set through ``call``. The
script's loading and its ``c_instance`` are in ``livesim.script``.

``open_set`` opens another Set as Live does: the script's instance is disconnected, the new Set's
Song replaces the old one, and ``create_instance`` is called again on the same imported package
(its module state stays, as in Live). Opening a Song opened before reopens it as saved: what
scripts stored with ``set_data`` comes back with it.
"""

from __future__ import annotations

import concurrent.futures
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from livesim import readers
from livesim.application import DEFAULT_VERSION, Application, Version, bind_application
from livesim.base import bind_scheduler
from livesim.browser import Browser
from livesim.document import Document
from livesim.live_set import SetDesc
from livesim.readers import ArrangementClip, NoteRow
from livesim.scheduler import TimerScheduler
from livesim.script import CInstance, create_script, load_script
from livesim.set_build import build_song
from livesim.song import Song

T = TypeVar("T")
SCRIPT_DIR = Path(__file__).resolve().parents[1] / "remote_scripts" / "MuseAroo"
DISPLAY_INTERVAL_S = 0.1
# the port the Remote Script listens on inside Live (its roo_protocol.LIVE_PORT; a test holds them equal)
LIVE_PORT = 11040


class LiveHost:
    """One in-memory Live with the Remote Script loaded, listening on UDP ``port`` (0: any free)."""

    def __init__(
        self,
        live_set: SetDesc | None = None,
        *,
        port: int = LIVE_PORT,
        version: Version = DEFAULT_VERSION,
        script_dir: Path = SCRIPT_DIR,
        on_log: Callable[[str], None] | None = None,
        script_env: dict[str, str] | None = None,
    ) -> None:
        self.application = Application(version)
        self.doc = Document(self.application)
        self.song = build_song(live_set or SetDesc(), self.doc)
        self.application.document = self.song
        self.application.browser = Browser(self.application)
        self.requested_port = port
        self.script_dir = script_dir
        self.script_env = dict(script_env or {})  # read by the script as it starts (e.g. AbletonOSC mode)
        self.script: Any = None
        self._module: Any = None  # the imported script package, kept across Sets as Live keeps it
        self.sets_opened = 1
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

    def write_log(self, text: str) -> None:
        """One line of Live's log (the script's log_message)."""
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

    def open_set(self, live_set: SetDesc | Song, timeout: float = 10.0) -> Song:
        """Open another Set (a description, or a Song opened before: reopened as saved) and return its
        Song once the script's new instance listens on the same port."""
        return self.call(lambda: self._open(live_set), timeout)

    def _open(self, live_set: SetDesc | Song) -> Song:
        port, errors = self.port, self.doc.errors  # Live's one log goes on across Sets
        self._guarded("disconnect")
        self._scheduler.clear()
        if isinstance(live_set, Song):
            song = live_set
            self.doc = song._doc
        else:
            self.doc = Document(self.application)
            song = build_song(live_set, self.doc)
        self.doc.main_thread, self.doc.errors = threading.current_thread(), errors
        self.song = song
        self.application.document = song
        self.script = create_script(self._module, CInstance(self), port, self.script_env)
        self.sets_opened += 1
        return song

    # --- conveniences for tests and benchmarks ----------------------------------------------
    def clip_notes(self, track: int, slot: int) -> list[NoteRow]:
        """(pitch, start_beats, duration_beats, velocity, mute) of a MIDI clip, sorted by time."""
        return self.call(lambda: readers.clip_notes(self.song, track, slot))

    def arrangement_clips(self, track: int) -> list[ArrangementClip]:
        """(start_beats, length_beats, name, notes) of each arrangement clip on a track, by start time."""
        return self.call(lambda: readers.arrangement_clips(self.song, track))

    def clip_properties(self, track: int, slot: int) -> dict[str, Any] | None:
        """The clip's properties as a dict (None for an empty slot); warp markers as (seconds, beats)."""
        return self.call(lambda: readers.clip_properties(self.song, track, slot))

    def arrangement_clip_properties(self, track: int, index: int) -> dict[str, Any]:
        """The track's index-th arrangement clip's properties (by start time), with its start_time."""
        return self.call(lambda: readers.arrangement_clip_properties(self.song, track, index))

    # --- the main thread ------------------------------------------------------------------
    def _main(self) -> None:
        bind_scheduler(self._scheduler)
        bind_application(self.application)
        self.doc.main_thread = threading.current_thread()
        try:
            self._module = module = load_script(self.script_dir)
            self.script = create_script(module, CInstance(self), self.requested_port, self.script_env)
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
