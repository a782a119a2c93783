"""A running jam: the controls timeline, the phrase preparer thread and the phrase hooks.

Phrases (``phrase_bars`` bars each) are planned and composed ``ahead`` phrases before they play
and handed to the player with their start beat. ``set`` records a change on the controls
timeline from the next bar (key and genre: the next phrase) and wakes the preparer, which
writes the prepared phrases again from that beat on. Each phrase that has finished playing is
passed to the hooks as the notes actually played per part (beats from the phrase start).
"""

from __future__ import annotations

import bisect
import logging
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from bridge.jam.clock import Clock, next_bar
from bridge.jam.controls import change
from bridge.jam.player import Played, Player
from bridge.jam.ports import Outputs
from bridge.jam.priority import Quiet
from bridge.jam.sender import ProcessOutputs
from engines.jam import ChainState, JamControls, compose, plan
from engines.music import Note

log = logging.getLogger(__name__)


def controls_at(timeline: list[tuple[float, JamControls]], beat: float) -> JamControls:
    """The controls in effect at a jam beat."""
    i = bisect.bisect_right([b for b, _ in timeline], beat + 1e-9) - 1
    return timeline[max(i, 0)][1]


PhraseHook = Callable[[int, float, dict[str, list[Note]]], None]  # index, start beat, notes per part


@dataclass(slots=True)
class Prepared:
    index: int
    state_before: ChainState
    state_after: ChainState
    spec_key: tuple[str, str]  # genre and key the phrase was planned in


class Jam:
    """Plays the parts of ``controls`` on ``outputs`` at ``clock``'s beats until stopped."""

    def __init__(
        self,
        clock: Clock,
        outputs: Outputs | ProcessOutputs,
        controls: JamControls,
        *,
        signature: tuple[int, int] = (4, 4),
        phrase_bars: int = 4,
        ahead: int = 3,
        seed: int = 0,
        bars: int | None = None,
        clock_out: Callable[[Sequence[int]], None] | None = None,
        realtime: bool = True,
    ) -> None:
        self.realtime = realtime  # the sender's raised priority and a quiet collector (jam.priority)
        self.clock, self.outputs, self.signature = clock, outputs, signature
        self.phrase_bars, self.ahead, self.seed, self.bars = phrase_bars, ahead, seed, bars
        self.bar_beats = signature[0] * 4.0 / signature[1]
        self.phrase_beats = phrase_bars * self.bar_beats
        self.timeline: list[tuple[float, JamControls]] = [(0.0, controls)]
        self.hooks: list[PhraseHook] = []
        self.applied: list[tuple[str, str, int]] = []  # name, value, bar it applies from
        self.late_changes = 0
        self._prepared: dict[int, Prepared] = {}  # the preparer thread's own
        self._last_prepared = -1
        self._dirty_from: float | None = None
        self._hooked = 0  # phrases passed to the hooks so far
        self._cond = threading.Condition()
        self._clock_out = clock_out
        self.player: Player | None = None
        self._worker = threading.Thread(target=self._work, name="roo-jam-prepare", daemon=True)

    # -- control ------------------------------------------------------------------------------
    def start(self) -> float:
        """Start on the next bar line of the clock; returns the clock beat the jam starts at."""
        if self.realtime:
            Quiet.hold()  # before the bar is chosen: its first collection may take a while
        try:
            origin = next_bar(self.clock.sample()[1], self.bar_beats)
        except BaseException:
            if self.realtime:
                Quiet.release()
            raise
        self.player = Player(
            self.clock,
            self.outputs,
            origin,
            clock_out=self._clock_out,
            realtime=self.realtime,
            quiet=self.realtime,
        )
        with self._cond:
            self._prepare_ahead(current=0)
        if self.bars is not None:
            self.player.stop_at(self.bars * self.bar_beats)
        self.player.start()
        self._worker.start()
        return origin

    def set(self, name: str, value: str) -> int:
        """Change a control from the next bar (key, genre: next phrase); returns that jam bar."""
        assert self.player is not None, "start the jam first"
        with self._cond:
            beat = max(self.player.beat(), 0.0)
            guard = 0.25 + self.player.ahead_beats()  # notes handed to a sender process ahead are sent
            bar = math.floor((beat + guard) / self.bar_beats) + 1
            if name in ("key", "genre"):
                bar = math.ceil(bar / self.phrase_bars) * self.phrase_bars
            apply_beat = bar * self.bar_beats
            edit = change(name, value, bar)
            timeline = list(self.timeline)  # a new list: the preparer reads the old one unlocked
            beats = [b for b, _ in timeline]
            if apply_beat not in beats:
                timeline.insert(
                    bisect.bisect_right(beats, apply_beat), (apply_beat, controls_at(timeline, apply_beat))
                )
            self.timeline = [(b, edit(c) if b >= apply_beat else c) for b, c in timeline]
            self.applied.append((name, value, bar))
            self._dirty_from = apply_beat if self._dirty_from is None else min(self._dirty_from, apply_beat)
            self._cond.notify()
        return bar

    def stop(self, at: str = "now") -> float:
        """Stop ``now`` or at the end of the current ``phrase``; returns the jam beat it stops at."""
        assert self.player is not None, "start the jam first"
        if at == "phrase":
            end = (math.floor(max(self.player.beat(), 0.0) / self.phrase_beats) + 1) * self.phrase_beats
            self.player.stop_at(end)
            return end
        beat = self.player.beat()
        self.player.stop()
        self.wait()
        return beat

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the jam has stopped and the last phrases went to the hooks."""
        assert self.player is not None
        if not self.player.stopped.wait(timeout):
            return False
        if self._worker.is_alive() and threading.current_thread() is not self._worker:
            self._worker.join(5.0)
        return True

    def stopped(self) -> bool:
        return self.player is not None and self.player.stopped.is_set()

    def bars_played(self) -> int:
        """Bars begun so far (all of them once stopped)."""
        if self.player is None:
            return 0
        beat = self.player.stopped_beat if self.player.stopped_beat is not None else self.player.beat()
        return max(0, math.ceil(beat / self.bar_beats - 1e-6))

    def lead_beats(self) -> float:
        """How far past the current beat notes are prepared (the end of the last prepared phrase)."""
        assert self.player is not None
        return (self._last_prepared + 1) * self.phrase_beats - self.player.beat()

    # -- the preparer thread --------------------------------------------------------------------
    def _write(self, index: int, state: ChainState) -> tuple[dict[str, list[Note]], Prepared]:
        timeline = self.timeline  # replaced, never changed in place, by set(): no lock needed
        start, end = index * self.phrase_beats, (index + 1) * self.phrase_beats
        at_start = controls_at(timeline, start)
        spec, after = plan(
            state, at_start, index=index, bars=self.phrase_bars, signature=self.signature, seed=self.seed
        )
        inside = [(b - start, c) for b, c in timeline if start < b < end]
        notes = compose(spec, [(0.0, at_start), *inside])
        return notes, Prepared(index, state, after, (at_start.genre, str(at_start.key)))

    def _prepare_ahead(self, current: int) -> None:
        assert self.player is not None
        while max(self._prepared, default=-1) < current + self.ahead:
            index = max(self._prepared, default=-1) + 1
            state = self._prepared[index - 1].state_after if index else ChainState()
            notes, prepared = self._write(index, state)
            self._prepared[index] = prepared
            self.player.schedule(notes, index * self.phrase_beats)
            self._last_prepared = index
        for old in [i for i in self._prepared if i < current - 1]:
            del self._prepared[old]

    def _rewrite(self, from_beat: float) -> None:
        assert self.player is not None
        for index in sorted(self._prepared):
            start = index * self.phrase_beats
            if start + self.phrase_beats <= from_beat:
                continue
            notes, prepared = self._write(index, self._prepared[index].state_before)
            if not self.player.replace_from(max(from_beat, start), notes, start):
                self.late_changes += 1
                log.warning("jam: a change for beat %s came too late for phrase %s", from_beat, index)
            self._prepared[index] = prepared
            if index + 1 in self._prepared:
                self._prepared[index + 1] = replace(
                    self._prepared[index + 1], state_before=prepared.state_after
                )

    def _work(self) -> None:
        assert self.player is not None
        try:
            while not self.player.stopped.is_set():
                with self._cond:  # held only to take the change; writing runs unlocked
                    dirty, self._dirty_from = self._dirty_from, None
                if dirty is not None:
                    self._rewrite(dirty)
                self._prepare_ahead(max(0, math.floor(self.player.beat() / self.phrase_beats)))
                self._pass_finished(final=False)
                with self._cond:
                    if self._dirty_from is None:
                        self._cond.wait(0.02)
        except BaseException:
            log.exception("jam: preparing phrases failed; stopping")
            self.player.stop()
        finally:
            self._pass_finished(final=True)

    def _pass_finished(self, final: bool) -> None:
        """Hand each phrase whose notes have all ended to the hooks, once, in order."""
        assert self.player is not None
        played = self.player.played
        beat = self.player.beat()
        while True:
            start, end = self._hooked * self.phrase_beats, (self._hooked + 1) * self.phrase_beats
            mine = [p for p in list(played) if start - 1e-6 <= p.start_beats < end - 1e-6]
            if not final and (beat < end or any(p.sounding for p in mine)):
                return
            if final and not mine and not any(p.start_beats >= end for p in played):
                return
            self._call_hooks(self._hooked, start, mine)
            self._hooked += 1
            self.player.forget_before(end)

    def _call_hooks(self, index: int, start: float, mine: list[Played]) -> None:
        notes: dict[str, list[Note]] = {}
        for p in mine:
            note = Note(p.pitch, round(p.start_beats - start, 6), round(p.duration_beats, 6), p.velocity)
            notes.setdefault(p.part, []).append(note)
        for hook in self.hooks:
            try:
                hook(index, start, notes)
            except Exception:
                log.exception("jam: a phrase hook failed on phrase %s", index)
