"""The daemon's jam: ``/roo/jam/start``, ``/roo/jam/set`` and ``/roo/jam/stop`` on one running jam.

Handlers are called on the daemon's loop and return at once: opening ports and clocks and
stopping (which joins the player) run on a short-lived thread; ``set`` only records a change.
A ``record`` file name that is not absolute is written under the data folder (``record_path``).
Every outcome goes back on ``/roo/jam/state`` as (event, json); bad input raises a RooError the
daemon answers on ``/roo/error``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.jam.launch import JamOptions, Session, launch
from bridge.jam.record import free_name
from bridge.jam.session import controls_at
from engines.errors import InvalidValue, ProtocolError, RooError
from engines.jam import JamControls
from engines.music import Note

log = logging.getLogger(__name__)
Reply = Callable[[str, dict[str, Any], Any], None]  # event, facts, requester; safe from any thread
_FIELDS = {"sync": "sync", "tempo": "tempo_bpm", "genre": "genre", "key": "key", "parts": "parts",
           "bars": "bars", "midi": "midi", "port": "port", "record": "record", "seed": "seed"}  # fmt: skip


def options_of(args: list[Any]) -> JamOptions:
    """JamOptions from OSC (name value)* pairs over protocol.JAM_OPTIONS."""
    if len(args) % 2:
        raise ProtocolError(f"/roo/jam/start takes name value pairs, got {args!r}")
    values: dict[str, Any] = {}
    for name, value in zip(args[::2], args[1::2], strict=True):
        kind = protocol.JAM_OPTIONS.get(str(name))
        if kind is None:
            raise ProtocolError(
                f"jam option {name!r} is not known: expected one of {', '.join(protocol.JAM_OPTIONS)}"
            )
        try:
            values[_FIELDS[str(name)]] = {"int": int, "float": float, "str": str}[kind](value)
        except ValueError as exc:
            raise InvalidValue(f"jam option {name} {value!r} is not a {kind}") from exc
    if "record" in values and Path(values["record"]).is_absolute():
        values["record"] = str(free_name(values["record"]))  # an existing file is kept: a new name
    options = JamOptions(**values)
    options.check()
    return options


def record_path(name: str) -> Path:
    """Where a jam recorded from a device goes: a relative name lands in the data folder's
    ``jams/`` (the daemon's working folder is nobody's choice), prefixed with the UTC time so a
    recording never replaces another."""
    from bridge.history import data_dir

    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    folder = data_dir() / "jams"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stamp}-{Path(name).name}"


class RemoteJam:
    """At most one jam at a time, driven by OSC; ``close`` stops it (every note off)."""

    def __init__(self, reply: Reply, store: Any = None) -> None:
        self.reply = reply
        self.store = store  # the take history: a jam started with record keeps its phrases there
        self.session: Session | None = None
        self.requester: Any = None  # the address of the last request, answered besides the devices
        self._lock = threading.Lock()
        # Opening ports, Link and the sender process takes a second or more: meanwhile the jam is
        # launching, a second start is refused and a stop is kept for the moment it is up.
        self._launching = False
        self._stop_on_launch = False
        self._closed = False

    def start(self, args: list[Any]) -> None:
        options = options_of(args)
        with self._lock:
            if self._launching:
                raise RooError("a jam is already starting: send /roo/jam/stop to call it off")
            if self.session is not None and not self.session.jam.stopped():
                raise RooError("a jam is already playing: send /roo/jam/stop first")
            self._launching, self._stop_on_launch = True, False
        threading.Thread(target=self._start, args=(options,), name="roo-jam-start", daemon=True).start()

    def _start(self, options: JamOptions) -> None:
        try:
            if options.record is not None and not Path(options.record).is_absolute():
                options = replace(options, record=str(free_name(record_path(options.record))))
            session = launch(options, self.store)
        except RooError as exc:
            with self._lock:
                self._launching = False
            self.reply("failed", {"message": str(exc)}, self.requester)
            return
        with self._lock:
            self._launching = False
            called_off, closed = self._stop_on_launch, self._closed
            if not closed:
                self.session = session
        if closed:  # the daemon closed while the jam was opening: nothing may keep playing
            session.close()
            return
        if called_off:  # stopped while it was opening: it ends at once, every note off ("stopped")
            session.jam.stop()
        else:
            facts = {"sync": options.sync, "parts": options.parts, "tempo": session.start_tempo}
            self.reply("started", facts, self.requester)
        threading.Thread(target=self._close_when_done, args=(session,), daemon=True).start()

    def _close_when_done(self, session: Session) -> None:
        session.jam.wait()
        session.close()
        facts: dict[str, Any] = {"bars_played": session.jam.bars_played(), "record": session.written}
        if session.keeper is not None:
            facts["takes"] = len(session.keeper.take_ids)
        self.reply("stopped", facts, self.requester)

    def set(self, args: list[Any]) -> int:
        """Change a control; returns the jam bar it applies from."""
        if len(args) != 2:
            raise ProtocolError(f"/roo/jam/set takes a name and a value, got {args!r}")
        session = self._playing()
        bar = session.jam.set(str(args[0]), str(args[1]))
        self.reply("set", {"name": str(args[0]), "value": str(args[1]), "bar": bar}, self.requester)
        return bar

    def last_bars(self, bars: int) -> tuple[dict[str, list[Note]], float]:
        """The last ``bars`` bars the current or last jam played, per part, and the bar length in beats."""
        with self._lock:
            session = self.session
        if session is None or session.tail is None:
            raise RooError("no jam has played yet: start one first (/roo/jam/start or 'start a jam')")
        return session.tail.last(bars), session.jam.bar_beats

    def tempo_now(self) -> float:
        """The playing jam's tempo (its clock's)."""
        return float(self._playing().clock.sample()[2])

    def set_tempo(self, tempo_bpm: float) -> float:
        """The playing jam's clock to a new tempo (a Link clock proposes it to every peer); returns
        the tempo before. Raises when no jam plays: a tempo change starts nothing."""
        if not 20.0 <= tempo_bpm <= 999.0:
            raise InvalidValue(f"jam tempo {tempo_bpm:g} bpm is out of range: expected 20..999")
        session = self._playing()
        setter = getattr(session.clock, "set_tempo", None)
        if setter is None:
            raise InvalidValue("the jam follows an outside MIDI clock: change the tempo on that clock")
        before = float(session.clock.sample()[2])
        setter(tempo_bpm)
        return before

    def playing(self) -> bool:
        with self._lock:
            return self.session is not None and not self.session.jam.stopped()

    def active(self) -> bool:
        """Playing, or still opening its ports (a stop now ends it as soon as it is up)."""
        with self._lock:
            return self._launching or (self.session is not None and not self.session.jam.stopped())

    def controls_now(self) -> JamControls:
        """The controls in effect at the current beat of the playing jam (what a dial moves from)."""
        jam = self._playing().jam
        beat = max(jam.player.beat(), 0.0) if jam.player is not None else 0.0
        return controls_at(jam.timeline, beat)

    def stop(self, args: list[Any]) -> int | None:
        """Stop now, or at the end of the phrase (``phrase``: returns the jam bar it stops at)."""
        at = str(args[0]) if args else "now"
        if at not in ("now", "phrase"):
            raise InvalidValue(f"/roo/jam/stop {at!r} is not known: expected now or phrase")
        with self._lock:
            if self._launching:  # nothing has played yet: at the phrase's end is at once
                self._stop_on_launch = True
                return None
        session = self._playing()
        if at == "phrase":
            end = session.jam.stop("phrase")
            return round(end / session.jam.bar_beats)
        else:
            threading.Thread(target=session.jam.stop, name="roo-jam-stop", daemon=True).start()
        return None

    def _playing(self) -> Session:
        with self._lock:
            session = self.session
        if session is None or session.jam.stopped():
            raise RooError("no jam is playing: send /roo/jam/start first")
        return session

    def close(self) -> None:
        with self._lock:
            self._closed = True
            session, self.session = self.session, None
        if session is not None:
            session.close()

    def handlers(self) -> dict[str, Callable[[Any, list[Any]], None]]:
        """The daemon's handler entries (address -> handler(addr, args))."""

        def on(method: Callable[[list[Any]], object]) -> Callable[[Any, list[Any]], None]:
            def handle(addr: Any, args: list[Any]) -> None:
                self.requester = addr
                method(args)

            return handle

        return {
            protocol.JAM_START: on(self.start),
            protocol.JAM_SET: on(self.set),
            protocol.JAM_STOP: on(self.stop),
        }


def state_args(event: str, facts: dict[str, Any]) -> list[Any]:
    """The arguments of /roo/jam/state: the event and its facts as JSON."""
    return [event, json.dumps(facts, sort_keys=True)]
