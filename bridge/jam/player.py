"""The sender: one thread that plays timestamped notes on the beat and never waits on generation.

Notes are queued in jam beats (beat 0 = the clock beat ``origin``); each loop takes the earliest
event, asks the clock when that beat falls, sleeps until then and sends. Notes not yet started
can be replaced from a beat on (a control change). With ``realtime`` the sender thread raises its
own priority and the process keeps the collector quiet while it plays (bridge.jam.priority).
Outputs with ``send_at`` (bridge.jam.sender: a sender process) get each message their ``lead_s``
ahead, stamped with its time, and do the silencing themselves. ``stop`` sends a note-off for every
sounding note and all-notes-off on every channel, whatever happens.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bridge.jam.clock import Clock
from bridge.jam.ports import Outputs
from bridge.jam.priority import Quiet, raise_priority
from bridge.jam.sender import ProcessOutputs
from engines.music import Note

OFF, STOP, ON, TICK = 0, 1, 2, 3  # the order of events on the same beat
TICKS_PER_BEAT = 24


@dataclass(slots=True)
class Played:
    part: str
    pitch: int
    start_beats: float
    duration_beats: float
    velocity: int
    sounding: bool = field(default=True)


class Player:
    """Plays notes on ``outputs`` at the beats of ``clock``; ``clock_out`` also sends MIDI clock.

    ``quiet``: this player holds ``Quiet`` (taken by the caller before the start bar was chosen)
    and lets go of it when it stops.
    """

    def __init__(
        self,
        clock: Clock,
        outputs: Outputs | ProcessOutputs,
        origin: float,
        *,
        clock_out: Callable[[Sequence[int]], None] | None = None,
        now: Callable[[], float] = time.monotonic,
        realtime: bool = False,
        quiet: bool = False,
    ) -> None:
        self.clock, self.outputs, self.origin = clock, outputs, origin
        self._clock_out, self._now = clock_out, now
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, int, int]] = []  # beat, kind, seq, note id
        self._seq = itertools.count()
        self._notes: dict[int, Played] = {}  # queued or sounding, by id
        self._cancelled: set[int] = set()
        self.played: list[Played] = []  # every note started, in order
        self._next_tick = 0.0
        self._running = True
        self.stopped = threading.Event()
        self.stopped_beat: float | None = None
        self.error: BaseException | None = None
        self.realtime, self._quiet = realtime, quiet
        self.priority = "normal"  # what the sender thread got: fifo, nice or normal
        self.sends: list[tuple[float, str, int, float]] | None = None  # a list: (beat, part, pitch, sent at)
        self._timed = isinstance(outputs, ProcessOutputs)  # a sender process: messages go ahead, stamped
        self._lead_s = outputs.lead_s if isinstance(outputs, ProcessOutputs) else 0.0
        self._thread = threading.Thread(target=self._run, name="roo-jam-player", daemon=True)

    def start(self) -> None:
        if self._clock_out is not None:
            self._clock_out([0xFA])
        self._thread.start()

    def ahead_beats(self) -> float:
        """How far ahead of its beat a message leaves this player, in beats at the tempo now."""
        return self._lead_s * self.clock.sample()[2] / 60.0

    def beat(self) -> float:
        """The jam beat now (negative before the start)."""
        return self.clock.sample()[1] - self.origin

    def schedule(self, notes: Mapping[str, Iterable[Note]], offset_beats: float) -> None:
        """Queue notes whose starts are beats from ``offset_beats`` (a phrase start)."""
        with self._cond:
            for part, part_notes in notes.items():
                for n in part_notes:
                    self._push(part, n, offset_beats)
            self._cond.notify()

    def replace_from(self, beat: float, notes: Mapping[str, Iterable[Note]], offset_beats: float) -> bool:
        """Drop queued notes of these parts starting at ``beat`` or later and queue ``notes`` instead.

        Returns False (and changes nothing) when ``beat`` has already been reached.
        """
        with self._cond:
            _, here, tempo = self.clock.sample()
            if here - self.origin + self._lead_s * tempo / 60.0 >= beat - 1e-3 or not self._running:
                return False
            parts = set(notes)
            for nid, played in self._notes.items():
                if played.part in parts and not played.sounding and played.start_beats >= beat - 1e-6:
                    self._cancelled.add(nid)
            for part, part_notes in notes.items():
                for n in part_notes:
                    if n.start_beats + offset_beats >= beat - 1e-6:
                        self._push(part, n, offset_beats)
            self._cond.notify()
            return True

    def _push(self, part: str, n: Note, offset: float) -> None:
        if n.mute:
            return
        nid = next(self._seq)
        start = n.start_beats + offset
        self._notes[nid] = Played(part, n.pitch, start, n.duration_beats, n.velocity, sounding=False)
        heapq.heappush(self._heap, (start, ON, nid, nid))
        heapq.heappush(self._heap, (start + max(n.duration_beats, 0.01), OFF, nid, nid))

    def stop_at(self, beat: float) -> None:
        """Stop cleanly at a jam beat: notes still sounding then are cut, nothing starts after."""
        with self._cond:
            heapq.heappush(self._heap, (beat, STOP, next(self._seq), -1))
            self._cond.notify()

    def forget_before(self, beat: float) -> None:
        """Let go of the played notes that started before ``beat`` (after the hooks had them)."""
        with self._cond:
            self.played = [p for p in self.played if p.start_beats >= beat - 1e-6]
            self._cond.notify()

    def stop(self) -> None:
        """Stop now: every sounding note off, then all-notes-off per channel; safe to call twice."""
        with self._cond:
            self._halt()
            self._cond.notify()
        if threading.current_thread() is not self._thread and self._thread.is_alive():
            self._thread.join(2.0)

    def _halt(self) -> None:
        if not self._running:
            return
        self._running = False
        try:
            at = self.stopped_beat
            beat = self.beat() if at is None else at
            self.stopped_beat = beat
            if self._timed:
                self._silence(beat, at)
            else:
                for played in self._notes.values():
                    if played.sounding:
                        self._send_off(played, min(beat, played.start_beats + played.duration_beats))
                self.outputs.all_notes_off()
            if self._clock_out is not None:
                self._clock_out([0xFC])
        finally:
            self._heap.clear()
            self._notes.clear()
            if self._quiet:
                self._quiet = False
                Quiet.release()
            self.stopped.set()

    def _silence(self, beat: float, at: float | None) -> None:
        """Timed outputs: silenced at the stop beat ``at``, or now (what was handed ahead is dropped)."""
        outputs = self.outputs
        assert isinstance(outputs, ProcessOutputs)
        try:
            if at is None:
                outputs.halt()
            else:
                outputs.silence_at(self._time_of(at))
        except OSError:  # the process is gone, and silenced what it had sounding on its way out
            pass
        self.played = [p for p in self.played if p.start_beats < beat]  # the rest never sounded
        for played in self._notes.values():
            if played.sounding:
                played.sounding = False
                played.duration_beats = max(
                    0.0, min(beat, played.start_beats + played.duration_beats) - played.start_beats
                )

    def _time_of(self, beat: float) -> float:
        now, here, tempo = self.clock.sample()
        return now + (beat + self.origin - here) * 60.0 / tempo

    def _send_off(self, played: Played, beat: float) -> None:
        channel = self.outputs.channels[played.part]
        self._send(played.part, [0x80 | channel, played.pitch, 0], beat)
        played.sounding = False
        played.duration_beats = max(0.0, beat - played.start_beats)

    def _send(self, part: str, message: list[int], beat: float) -> None:
        if isinstance(self.outputs, ProcessOutputs):
            self.outputs.send_at(part, message, self._time_of(beat))
        else:
            self.outputs.send(part, message)

    def _next(self, lead_beats: float = 0.0) -> tuple[float, int, int, int] | None:
        while self._heap and self._heap[0][3] in self._cancelled:
            _, kind, _, nid = heapq.heappop(self._heap)
            if kind == OFF:
                self._cancelled.discard(nid)
                self._notes.pop(nid, None)
        head = self._heap[0] if self._heap else None
        if self._clock_out is not None and (head is None or self._next_tick < head[0] - lead_beats):
            return (self._next_tick, TICK, -1, -1)
        return head

    def _run(self) -> None:
        if self.realtime:
            self.priority = raise_priority()
        try:
            with self._cond:
                while self._running:
                    _, here, tempo = self.clock.sample()
                    event = self._next(self._lead_s * tempo / 60.0)
                    if event is None:
                        self._cond.wait(0.05)
                        continue
                    lead = 0.0 if event[1] == TICK else self._lead_s  # the clock out is sent at its time
                    wait = (event[0] + self.origin - here) * 60.0 / tempo - lead
                    if wait > 0.003:
                        self._cond.wait(min(wait - 0.002, 0.05))  # woken early by new notes
                        continue
                    if wait > 0:
                        self._cond.release()
                        try:
                            time.sleep(wait)
                        finally:
                            self._cond.acquire()
                        continue  # look again: the queue may have changed while sleeping
                    self._fire(event)
        except BaseException as exc:  # the sender must always silence what it started
            self.error = exc
        finally:
            with self._cond:
                self._halt()

    def _fire(self, event: tuple[float, int, int, int]) -> None:
        beat, kind, _, nid = event
        if kind == TICK:
            assert self._clock_out is not None
            self._clock_out([0xF8])
            self._next_tick += 1.0 / TICKS_PER_BEAT
            return
        heapq.heappop(self._heap)
        if kind == STOP:
            self.stopped_beat = beat
            self._halt()
            return
        played = self._notes.get(nid)
        if played is None:
            return
        channel = self.outputs.channels[played.part]
        if kind == ON:
            self._send(played.part, [0x90 | channel, played.pitch, played.velocity], beat)
            if self.sends is not None:
                self.sends.append((beat, played.part, played.pitch, self._now()))
            played.sounding = True
            self.played.append(played)
        elif played.sounding:
            self._send_off(played, beat)
            self._notes.pop(nid, None)
        else:
            self._notes.pop(nid, None)
