"""The daemon's state in one small object: the Live client, the job board, the executors.

Actions (``bridge/actions/``) receive the App and use ``run_cpu`` for light CPU work (symbolic
generation, parsing) and ``worker`` for heavy model work (separation, MusicGen, analysis), so
nothing blocking runs on the event loop.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bridge import protocol
from bridge.jobs import results
from bridge.jobs.board import Address, Job, JobBoard
from bridge.live.client import LiveClient
from engines.errors import AudioFileError, StoreError
from engines.music import Chord

log = logging.getLogger(__name__)
T = TypeVar("T")
LISTENER_TTL_S = 10.0
CLEANUP_GRACE_S = 2.0  # at close, how long the cleanups nobody awaits (one store call each) may finish
SendFn = Callable[[Address, str, list[Any]], None]
Watcher = Callable[[dict[str, Any]], None]  # gets every event as a JSON object with a "type"


@dataclass
class SongState:
    """What the daemon knows beyond Live's own context: analysed chords and the take history."""

    chords: tuple[Chord, ...] = ()  # from the last analysis, in beats from the clip start
    chords_source: str = ""  # e.g. "track 4 slot 0" or a file path
    # what the chords came from: track, slot, the clip's mark (a MIDI clip's digest, "file:" + an audio
    # clip's path), Live's root and scale then, the key analysed (bridge.actions.follow.analysed)
    chords_clip: tuple[int, int, str, int, str, str] | None = None
    analyzed_tempo_bpm: float | None = None
    takes: list[dict[str, Any]] = field(default_factory=list)  # each write: part, track, slot, seed...
    last_generate: dict[str, dict[str, Any]] = field(default_factory=dict)  # part -> its settings
    chord_source: tuple[int, int] | None = None  # the clip marked with /roo/follow TRACK SLOT
    follow_nothing: bool = False  # /roo/follow none: parts follow Live's key and the genre only


def _named(exc: BaseException) -> str:
    """An error as a log line names it: its type, then what it says."""
    return f"{type(exc).__name__}: {exc}"


class App:
    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        send: SendFn,
        live: LiveClient,
        history: Any = None,
        history_error: str = "",
    ) -> None:
        self.loop = loop
        self._send = send
        self.live = live
        # the take store (bridge.history.Store) or None; history_error says why it is missing
        self.history, self.history_error = history, history_error
        self.history_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roo-history")
        self.jobs = JobBoard(loop, self._send_status, record=self._record)
        self.song = SongState()  # the open Set's (``open_set``)
        self.sets: dict[str, SongState] = {"": self.song}  # each Set's, by its id ("": none known yet)
        # devices registered with /roo/register -> when last heard (monotonic s); they re-register
        # every second, and one silent for LISTENER_TTL_S is dropped (a device deleted from Live)
        self.listeners: dict[Address, float] = {}
        self.cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="roo-cpu")
        self.worker: Any = None  # bridge.jobs.worker.Worker, started on first heavy job
        self.jam: Any = None  # bridge.jam.remote.RemoteJam: typed and spoken jam commands drive it
        self.dropped_packets = 0
        # called on the loop for every job event, new take, context change and Live state (bridge.web)
        self.watchers: list[Watcher] = []
        self._background: set[asyncio.Task[None]] = set()  # cleanups nobody awaits (kept referenced)
        # what the Set keeps for the actions, read back as Live answers and as a Set opens (ON_LIVE)
        self.read_backs: tuple[Callable[[App], Coroutine[Any, Any, None]], ...] = ()

    @property
    def set_id(self) -> str:
        """The id of the Set open in Live ("": not known)."""
        return str(getattr(self.live, "set_id", ""))

    def open_set(self, set_id: str, name: str = "") -> None:
        """Another Set is open (Live pushed it): its own memory (analysed chords, takes, homes, follow
        choice) from now, what it keeps read back (``read_backs``), and a ``set`` event (pre-generation
        drops what it prepared). The first Set known takes over what was kept before any was known."""
        if set_id not in self.sets and self.sets.get("") is self.song and len(self.sets) == 1:
            self.sets[set_id] = self.sets.pop("")
        self.song = self.sets.setdefault(set_id, SongState())
        self.read_back()
        self.notify({"type": "set", "set_id": set_id, "name": name})

    def read_back(self) -> None:
        """Run ``read_backs`` (what the Set keeps for the actions) in the background."""
        for read_back in self.read_backs:
            self._background.add(task := self.loop.create_task(read_back(self)))
            task.add_done_callback(self._background.discard)

    def send(self, to: Address, address: str, args: list[Any]) -> None:
        self._send(to, address, args)

    def notify(self, event: dict[str, Any]) -> None:
        """Hand an event to every watcher; a failing watcher is logged, never fatal to the job."""
        for watch in list(self.watchers):
            try:
                watch(event)
            except Exception:  # a watcher's bug must not stop a job's status
                log.exception("event watcher failed on %s", event.get("type"))

    def broadcast(self, address: str, args: list[Any], also: Address | None = None) -> None:
        """Send to every registered device, and to ``also`` (the requester) once, in one datagram.

        A requester with port 0 has no OSC address (an HTTP client): it hears through the watchers."""
        now = time.monotonic()
        for gone in [a for a, seen in self.listeners.items() if now - seen > LISTENER_TTL_S]:
            del self.listeners[gone]
        targets = set(self.listeners)
        if also is not None and also[1] != 0:
            targets.add(also)
        args = results.message_fitting(address, args)  # a message naming a huge value: its text cut
        for target in targets:
            self._send(target, address, args)

    def result(self, to: Address, job_id: int, kind: str, payload: dict[str, Any]) -> None:
        """Send a structured result (analysis, intent, file paths) as JSON on /roo/result, in one datagram
        (a long one cut, saying where its whole is: ``bridge.jobs.results``); the job keeps the whole,
        and the watchers (HTTP clients on /ws) get it whole as a ``result`` event."""
        whole = json.dumps(payload)
        job = self.jobs.jobs.get(job_id)
        index = 0 if job is None else len(job.results)
        if job is not None:
            job.results.append((kind, whole))
            results.keep_newest(self.jobs.jobs)
        self.broadcast(
            protocol.RESULT, [job_id, kind, results.fitting(payload, whole, job_id, index)], also=to
        )
        self.notify({"type": "result", "job_id": job_id, "kind": kind, "result": payload})

    async def run_cpu(self, fn: Callable[..., T], *args: Any) -> T:
        """Run light CPU work (milliseconds) off the loop, on the one CPU thread."""
        return await self.loop.run_in_executor(self.cpu, fn, *args)

    async def in_history(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a store call on the one history thread; StoreError when there is no store."""
        if self.history is None:
            raise StoreError(f"the take history is not open: {self.history_error or 'the store is off'}")
        return await self.loop.run_in_executor(self.history_pool, fn, *args)

    def begin_take(self, job: Job, draft: Any) -> None:
        """Write ``draft`` (a TakeDraft) as a pending take before the caller's Live write leaves.

        Call it right before awaiting the write. With SQLite's lock free the pending row is written
        here, on the loop, without waiting; otherwise the commit starts on the history thread once the
        write has gone out (the caller's next suspension), so the two overlap. ``_record`` then only
        confirms it with what Live answered. A write that fails must call ``drop_take``."""
        if self.history is None:
            return
        draft.command = draft.command or job.command
        draft.set_id = draft.set_id or self.set_id
        try:  # SQLite with its lock free: written here, before the write leaves, so a daemon killed
            # at any point leaves no clip in Live without its (pending) take (issue 31)
            now = self.history.commit_before_write(draft)
        except Exception:  # the store thread tries again below, and the recording says why
            now = None
        draft.pending = self.loop.create_task(self._commit_pending(draft, now))

    async def _commit_pending(self, draft: Any, now: str | None = None) -> str:
        """The take id written before the write left, else the store thread's commit, overlapping the
        write's round trip (the loop only waits for Live then)."""
        assert self.history is not None
        if now is not None:
            return str(now)
        return await self.loop.run_in_executor(
            self.history_pool, functools.partial(self.history.commit, draft, pending=True)
        )

    def drop_take(self, draft: Any) -> None:
        """The write of a begun take failed: remove its pending row (never listed in the meantime)."""
        task, draft.pending = draft.pending, None
        if task is not None:
            self._background.add(cleanup := self.loop.create_task(self._discard(task)))
            cleanup.add_done_callback(self._background.discard)

    async def _discard(self, task: asyncio.Task[str]) -> None:
        """Remove the pending take of a failed write. Nobody awaits this cleanup, so every failure is
        logged here, named: the pending commit raises StoreError or AudioFileError (``files.put``
        wraps an audio file gone or unreadable before its hash or size is read) and InvalidValue for
        a field the schema refuses; a store's ``discard`` may raise others."""
        try:
            take_id = await task
        except Exception as exc:  # its commit failed: there is no row to remove
            log.warning("a pending take whose Live write failed was never written: %s", _named(exc))
            return
        try:
            await self.in_history(self.history.discard, take_id)
        except Exception as exc:  # it stays pending: still never listed
            log.warning("pending take %s, whose Live write failed, was not removed: %s", take_id, _named(exc))

    async def _record(self, job: Job) -> str:
        """Commit the job's takes before it reports done; a store failure is said, never fatal.

        Each draft is committed once (a cancel during recording records the rest afterwards)."""
        if self.history is None:
            return f"; NOT recorded in the take history: {self.history_error}" if self.history_error else ""
        ids = []
        try:
            for draft in job.takes:
                if draft.take_id is None:
                    draft.command = draft.command or job.command
                    draft.set_id = draft.set_id or self.set_id
                    draft.take_id = await self._commit(draft)
                    self.notify(
                        {
                            "type": "take",
                            "take_id": draft.take_id,
                            "job_id": job.id,
                            "action": draft.action,
                            "part": draft.part,
                            "parent_id": draft.parent_id,
                        }
                    )
                ids.append(draft.take_id)
        except (StoreError, AudioFileError) as exc:
            log.error("job %s: take not recorded: %s", job.id, exc)
            return f"; NOT recorded in the take history: {exc}"
        return f" (take {', '.join(ids)})"

    async def _commit(self, draft: Any) -> str:
        """A begun take is confirmed (on the loop when SQLite's lock is free at once); others committed."""
        if draft.pending is None:
            return await self.in_history(self.history.commit, draft)
        take_id = str(await draft.pending)
        if not self.history.confirm_now(take_id, draft.live, draft.message):
            await self.in_history(self.history.confirm, take_id, draft.live, draft.message)
        if self.history.needs_checkpoint():  # on the history thread, not awaited
            self.history_pool.submit(self._checkpoint)
        return take_id

    def _checkpoint(self) -> None:
        try:
            self.history.checkpoint()
        except Exception:  # a missed checkpoint only lets the WAL grow until the next one
            log.exception("take store: WAL checkpoint failed")

    def _send_status(self, to: Address, job: Any) -> None:
        args = [job.id, job.state, float(job.progress), job.message]
        self.broadcast(protocol.STATUS, args, also=to)
        self.notify(
            {
                "type": "job",
                "job_id": job.id,
                "kind": job.kind,
                "state": job.state,
                "progress": float(job.progress),
                "message": job.message,
                # a progress report: when the work made it (Unix s), before its hop onto the loop
                **({"reported_s": job.reported_s} if job.reported_s is not None else {}),
                # a final state: the daemon's request-to-final time (pages that did not see it start)
                **({"elapsed_ms": round(job.elapsed_s * 1000.0, 1)} if job.finished_s is not None else {}),
            }
        )

    async def finish_cleanups(self) -> None:
        """Let the cleanups nobody awaits finish (CLEANUP_GRACE_S at most), cancel the rest, await all.

        Call it at close once the jobs have ended (their failed writes start such cleanups)."""
        if self._background:
            _, late = await asyncio.wait(set(self._background), timeout=CLEANUP_GRACE_S)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    def close(self) -> None:
        self.cpu.shutdown(wait=False, cancel_futures=True)
        self.history_pool.shutdown(wait=False)  # an in-flight commit still ends (joined at exit)
        if self.history is not None:
            self.history.close()
        if self.worker is not None:
            self.worker.close()
