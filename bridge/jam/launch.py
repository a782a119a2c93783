"""Wiring one jam from its options: the clock, the ports, the jam and the recorder, closed as one.

``launch`` is what ``roo jam`` and the daemon's ``/roo/jam/start`` call; ``Session.close`` stops
the jam (note-offs and all-notes-off), writes ``record`` and releases ports and clock, in that
order, even when one step fails.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bridge.jam.clock import Clock, FreeClock, LinkClock, MidiClockIn
from bridge.jam.controls import check_genre, parse_parts
from bridge.jam.ports import open_clock_port
from bridge.jam.record import Recorder, free_name
from bridge.jam.sender import ProcessOutputs
from bridge.jam.session import Jam, controls_at
from bridge.jam.tail import Tail
from bridge.jam.takes import TakeKeeper
from engines.errors import InvalidValue
from engines.generators import PARTS
from engines.jam import JamControls
from engines.music import parse_key, parse_signature

SYNCS = ("link", "clock", "own")


@dataclass(frozen=True, slots=True)
class JamOptions:
    """What ``roo jam`` takes: sync is ``link``, ``clock`` (follow MIDI clock) or ``own`` (send it)."""

    sync: str = "own"
    tempo_bpm: float = 120.0
    genre: str = "pop"
    key: str = "C major"
    parts: str = ",".join(PARTS)
    bars: int | None = None
    midi: str = "auto"
    port: str | None = None
    record: str | None = None
    signature: str = "4/4"
    seed: int = 0
    force: bool = False  # overwrite an existing record file (else it is refused, and kept)

    def check(self) -> None:
        if self.sync not in SYNCS:
            raise InvalidValue(f"jam sync {self.sync!r} is not known: expected one of {', '.join(SYNCS)}")
        if not 20.0 <= self.tempo_bpm <= 999.0:
            raise InvalidValue(f"tempo {self.tempo_bpm} BPM is out of range: expected 20..999")
        if self.bars is not None and self.bars < 1:
            raise InvalidValue(f"bars {self.bars} is out of range: expected 1 or more")
        if self.record is not None and not self.record.lower().endswith((".mid", ".midi")):
            raise InvalidValue(f"record file {self.record!r} is not a MIDI file name: expected *.mid")
        if self.record is not None and not self.force and Path(self.record).exists():
            raise InvalidValue(
                f"record file {self.record!r} exists: name another file, or pass --force to overwrite it"
            )
        check_genre(self.genre)


@dataclass
class Session:
    jam: Jam
    outputs: ProcessOutputs
    clock: Clock
    options: JamOptions
    recorder: Recorder | None
    start_tempo: float
    extra: Any = None  # the clock port, when one is open
    keeper: TakeKeeper | None = None  # with --record and a take history: a take per part and phrase
    tail: Tail | None = None  # the last bars played, for "write the last N bars" into clips
    written: str | None = None  # the record file written (another name if one appeared meanwhile)
    _closing: threading.Lock = field(default_factory=threading.Lock)
    _closed: bool = False

    def close(self) -> None:
        """Stop (every note off), write the recording, release the ports and the clock; once.

        A second caller (the daemon shutting down while the jam's own end closes it) waits for
        the first: closing the same MIDI ports from two threads at once crashed the process.
        """
        with self._closing:
            if self._closed:
                return
            self._closed = True
            self._close()

    def _close(self) -> None:
        try:
            if self.jam.player is not None:
                self.jam.player.stop()
                self.jam.wait(5.0)
        finally:
            try:
                if self.keeper is not None:
                    self.keeper.close()
                if self.recorder is not None and self.options.record:
                    record = self.options.record
                    # a file that appeared while the jam played is kept too: this one takes a new name
                    self.written = record if self.options.force else str(free_name(record))
                    self.recorder.write(
                        self.written,
                        tempo_bpm=self.start_tempo,
                        signature=self.jam.signature,
                        key=self.jam.timeline[0][1].key,
                    )
            finally:
                self.outputs.close()
                self.clock.close()
                if self.extra is not None and not isinstance(self.clock, MidiClockIn):
                    with contextlib.suppress(Exception):
                        self.extra.close_port()


def launch(options: JamOptions, store: Any = None) -> Session:
    """Open everything and start on the next bar; raises InvalidValue/RooError with nothing left open.

    ``store``: the take history (bridge.history.Store); with ``record`` each played phrase of each
    part is kept there as a take too.
    """
    options.check()
    signature = parse_signature(options.signature)
    parts = parse_parts(options.parts)
    controls = JamControls(genre=options.genre, key=parse_key(options.key), parts=parts)
    outputs = ProcessOutputs(parts, options.midi, options.port)
    extra: Any = None
    try:
        bar_beats = signature[0] * 4.0 / signature[1]
        clock: Clock
        if options.sync == "link":
            clock = LinkClock(options.tempo_bpm, quantum=bar_beats)
        elif options.sync == "clock":
            extra = open_clock_port(outputs.api, out=False)
            clock = MidiClockIn(extra, options.tempo_bpm)
        else:
            extra = open_clock_port(outputs.api, out=True)
            clock = FreeClock(options.tempo_bpm)
    except Exception:
        outputs.close()
        raise
    clock_out = extra.send_message if options.sync == "own" else None
    jam = Jam(
        clock,
        outputs,
        controls,
        signature=signature,
        seed=options.seed,
        bars=options.bars,
        clock_out=clock_out,
    )
    recorder = Recorder(parts) if options.record else None
    if recorder is not None:
        jam.hooks.append(recorder)
    tempo = clock.sample()[2]
    keeper = None
    if options.record and store is not None:
        keeper = TakeKeeper(
            store,
            controls_at=lambda beat: controls_at(jam.timeline, beat),
            tempo_bpm=tempo,
            signature=signature,
            phrase_bars=jam.phrase_bars,
            seed=options.seed,
        )
        jam.hooks.append(keeper)
    tail = Tail(jam.bar_beats, jam.phrase_bars)
    jam.hooks.append(tail)
    session = Session(jam, outputs, clock, options, recorder, tempo, extra, keeper, tail)
    try:
        jam.start()
    except Exception:
        session.close()
        raise
    return session
