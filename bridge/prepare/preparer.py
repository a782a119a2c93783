"""The Preparer: one low-priority job at a time that prepares the song's other parts (``parts``) and
renders the next take of the last MusicGen loop; and the description of the selected MIDI clip as
Live pushes it (``source_pushed``), so a generate that follows it does not describe it."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.jobs.board import Job
from bridge.prepare import parts
from bridge.prepare.makers import Makers
from engines.errors import RooError
from engines.music import MusicalContext, Note

log = logging.getLogger(__name__)
KIND = "prepare"
CLIENT = ("127.0.0.1", 0)  # no OSC requester: registered devices and the HTTP watchers hear it
SETTINGS = ("prompt", "bars", "model", "kwargs", "source")  # what a vary renders from


def render_settings(last: dict[str, Any]) -> dict[str, Any]:
    """The parts of a loop's last settings that decide its render (not where it landed)."""
    return {name: last[name] for name in SETTINGS}


def context_key(ctx: Any) -> tuple[float, int, int]:
    """What a rendered loop depends on in the song: tempo and time signature."""
    return (float(ctx.tempo_bpm), int(ctx.signature_numerator), int(ctx.signature_denominator))


@dataclass(frozen=True)
class Ready:
    """A prepared take: rendered to ``path``, not yet in Live."""

    job_id: int
    settings: dict[str, Any]
    context: tuple[float, int, int]
    result: dict[str, Any]  # what the render target returned (path, seed, frames...)
    path: Path


class Preparer:
    """Watches job ends; after ``idle_s`` with nothing running, prepares one take (see the package doc)."""

    def __init__(self, app: Any, *, idle_s: float, makers: Makers) -> None:
        self.app, self.idle_s, self.makers = app, idle_s, makers
        self.ready: Ready | None = None
        self.job: Job | None = None  # the newest preparation job
        self.cancelled: list[tuple[int, str]] = []  # (preparation job id, why), oldest first
        self.discarded: list[tuple[int, str]] = []  # prepared takes thrown away: (job id, why)
        self.served: list[int] = []  # preparation job ids whose take a vary landed
        self.parts: dict[str, parts.PreparedPart] = {}  # the song's other parts, for the next generate
        self.served_parts: list[tuple[str, int]] = []  # (part, seed) a generate took from here
        self._job_context: tuple[float, int, int] | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._warming: set[asyncio.Task[None]] = set()  # descriptions of pushed clips being made
        app.watchers.append(self._on_event)
        app.live.on_reading = self.source_pushed

    # --- what the daemon and the actions call ---------------------------------------------------
    def work_arrived(self) -> None:
        """Real work was submitted: stop waiting and cancel a running preparation at once."""
        self._cancel_timer()
        self._cancel_job("real work arrived")

    def context_changed(self, ctx: Any) -> None:
        """A new tempo or time signature discards the prepared take and cancels a preparation; a new
        tempo, signature, key or scale drops the prepared parts."""
        key = context_key(ctx)
        changed = False
        stale = [p for p, prepared in self.parts.items() if prepared.live_key != parts.live_key(ctx)]
        for part in stale:
            del self.parts[part]
            self.discarded.append((-1, f"the prepared {part} part: the song context changed"))
            changed = True
        if self.ready is not None and self.ready.context != key:
            self._discard("the tempo or time signature changed")
            changed = True
        if self._running() and self._job_context not in (None, key):
            changed = self._cancel_job("the tempo or time signature changed") or changed
        if changed:
            self._schedule()

    def set_opened(self) -> None:
        """Another Set is open: nothing prepared for the one before is offered in it."""
        for part in list(self.parts):
            del self.parts[part]
            self.discarded.append((-1, f"the prepared {part} part: another Set was opened"))
        if self.ready is not None:
            self._discard("another Set was opened")
        if self._running():
            self._cancel_job("another Set was opened")
        self._schedule()

    def source_pushed(self, reading: Any) -> None:
        """Live pushed the selected MIDI clip: describe it now on the CPU thread, so a generate that
        follows it only makes its part and writes (``Makers.describe_pushed``)."""
        live = self.app.live.pushed
        if live is not None:
            task = self.app.loop.create_task(self._warm(reading, live))
            self._warming.add(task)
            task.add_done_callback(self._warming.discard)

    async def _warm(self, reading: Any, live: Any) -> None:
        try:
            await self.app.run_cpu(self.makers.describe_pushed, reading, live)
        except RooError as exc:  # a clip the generators cannot read: described (and refused) on request
            log.info(
                "the pushed clip at track %s slot %s was not described: %s", reading.track, reading.slot, exc
            )

    def take(self, settings: dict[str, Any], ctx: Any) -> Ready | None:
        """Hand over the prepared take when it was made from ``settings`` at ``ctx``'s tempo."""
        ready = self.ready
        if ready is None or ready.settings != settings:
            return None
        if ready.context != context_key(ctx):
            self._discard("the tempo or time signature changed")
            return None
        self.ready = None
        self.served.append(ready.job_id)
        return ready

    def take_part(
        self, part: str, ctx: MusicalContext, dials: tuple[float, float], seed: int, follow: Any
    ) -> list[Note] | None:
        """The prepared notes of ``part`` when they are exactly what this generate would make (once)."""
        prepared = self.parts.get(part)
        if prepared is None or not parts.matches(prepared, (part, ctx, dials, seed, follow)):
            return None
        del self.parts[part]
        self.served_parts.append((part, seed))
        return list(prepared.notes)

    def describe(self) -> str:
        """One line: what is prepared, or being prepared, or why nothing is."""
        loop = self._describe_loop()
        if not self.parts:
            return loop
        seed = next(iter(self.parts.values())).seed
        ready = f"the {', '.join(self.parts)} part{'s' * (len(self.parts) > 1)} (seed {seed}) ready for 'generate'"
        return ready if loop.startswith("nothing prepared") else f"{ready}; {loop}"

    def _describe_loop(self) -> str:
        if self.ready is not None:
            s = self.ready.settings
            tempo = self.ready.context[0]
            seed = self.ready.result.get("seed")
            return f"a take of the {s['bars']}-bar loop {s['prompt']!r} at {tempo:g} BPM (seed {seed}), ready for 'vary'"
        if self._running() and self.job is not None:
            return f"preparing a take of the last loop (job {self.job.id})"
        return (
            f"nothing prepared (after a generate or a MusicGen loop, {self.idle_s:g} s of idle time "
            "prepares the other parts or the loop's next take)"
        )

    def close(self) -> None:
        self._cancel_timer()
        if self.app.live.on_reading == self.source_pushed:
            self.app.live.on_reading = None
        if self._on_event in self.app.watchers:
            self.app.watchers.remove(self._on_event)

    # --- inside ---------------------------------------------------------------------------------
    def _on_event(self, event: dict[str, Any]) -> None:
        if event.get("type") == "set":
            self.set_opened()
            return
        if event.get("type") != "job" or event.get("kind") == KIND:
            return
        if event.get("state") in protocol.FINAL_STATES:
            self._schedule()

    def _schedule(self) -> None:
        self._cancel_timer()
        self._timer = self.app.loop.call_later(self.idle_s, self._start)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _running(self) -> bool:
        return self.job is not None and self.job.state not in protocol.FINAL_STATES

    def _busy(self) -> bool:
        jobs = self.app.jobs.jobs.values()
        return any(j.kind != KIND and j.state not in protocol.FINAL_STATES for j in jobs)

    def _start(self) -> None:
        self._timer = None
        if self._busy() or self._running():
            return
        wanted = parts.plan(self.app.song)
        last = self.app.song.last_generate.get("musicgen")
        settings = render_settings(last) if last is not None else None
        if self.ready is not None and settings is not None:
            if self.ready.settings == settings:
                settings = None  # its next take is ready already
            else:
                self._discard("a newer loop was made")
        if not wanted and settings is None:
            return
        self.job = self.app.jobs.submit(KIND, CLIENT, lambda job: self._prepare(job, wanted, settings))

    async def _prepare(
        self, job: Job, wanted: list[tuple[str, dict[str, Any]]], settings: dict[str, Any] | None
    ) -> str:
        if wanted:  # milliseconds: for the seed the next job gets (its id), in Live's context now
            job.report(0.01, f"preparing the {', '.join(p for p, _ in wanted)} parts while idle")
            made = await parts.prepare(self.app, self.makers.part, wanted, seed=job.id + 1)
            live, _ = await self.app.live.current_context()  # Live moved on meanwhile: those go
            self.parts = {p: m for p, m in made.items() if m.live_key == parts.live_key(live)}
        if settings is None:
            return f"prepared: {self.describe()}"
        ctx = await self.app.live.context()
        self._job_context = context_key(ctx)
        job.report(0.01, f"preparing the next take of {settings['prompt']!r} while idle")
        result, path = await self.makers.loop(self.app, job, settings, ctx)
        ready = Ready(job.id, settings, context_key(ctx), result, path)
        if job.cancelled:  # cancelled as the render came back: its file goes too
            _remove_files(ready)
            job.check_cancelled()
        self.ready = ready
        return f"prepared: {self.describe()}"

    def _cancel_job(self, why: str) -> bool:
        if not self._running() or self.job is None:
            return False
        if self.app.jobs.cancel(self.job.id):
            self.cancelled.append((self.job.id, why))
            log.info("preparation job %s cancelled: %s", self.job.id, why)
            return True
        return False

    def _discard(self, why: str) -> None:
        ready, self.ready = self.ready, None
        if ready is None:
            return
        self.discarded.append((ready.job_id, why))
        _remove_files(ready)


def _remove_files(ready: Ready) -> None:
    """Delete a prepared take's files: they never landed in Live, so nothing of the user's is lost."""
    for take in ready.result.get("takes") or [{"path": ready.path}]:
        Path(str(take["path"])).unlink(missing_ok=True)
