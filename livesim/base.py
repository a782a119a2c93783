"""Live.Base for the in-memory Live: Timer, errors, listener plumbing and argument checks.

Live's objects are C++ behind Boost.Python: methods take positional arguments only, a wrong
argument type raises ``ArgumentError`` (a TypeError), and listeners are ``add_X_listener``
/ ``remove_X_listener`` / ``X_has_listener`` triples. Timers fire on the main thread of the
host that created them (``livesim.host``); intervals are in milliseconds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Protocol

Callback = Callable[[], None]


class LimitationError(Exception):
    """Raised by Live when a change would exceed its limits (tracks, scenes, ranges)."""


class ArgumentError(TypeError):
    """What Boost.Python raises in Live when argument types do not match the C++ signature."""


_KINDS: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "float": (int, float),
    "str": (str,),
    "bool": (bool, int),
}


def check_args(where: str, args: tuple[Any, ...], kinds: tuple[str, ...]) -> None:
    """Raise ArgumentError like Boost.Python when a value does not fit its C++ parameter type."""
    if len(args) == len(kinds):
        for value, kind in zip(args, kinds, strict=True):  # a plain loop: this runs per note
            if not isinstance(value, _KINDS[kind]):
                break
        else:
            return
    got = ", ".join(type(v).__name__ for v in args)
    want = ", ".join(kinds)
    raise ArgumentError(
        f"Python argument types in\n    {where}({got})\ndid not match C++ signature:\n    {where}({want})"
    )


class Doc(Protocol):
    """What listener lists need from the document: a notification depth and an error sink."""

    notifying: int  # > 0 while callbacks run: Live forbids changes from notifications

    def report_error(self, where: str, exc: BaseException) -> None: ...


class Listeners:
    """The listener lists of one Live object, keyed by property name."""

    def __init__(self, owner: str, doc: Doc) -> None:
        self.owner = owner
        self._by_prop: dict[str, list[Callback]] = {}
        self._doc = doc

    def add(self, prop: str, callback: Callback) -> None:
        if not callable(callback):
            raise ArgumentError(f"{self.owner}.add_{prop}_listener expects a callable, got {callback!r}")
        lst = self._by_prop.setdefault(prop, [])
        if callback in lst:
            raise RuntimeError(f"Listener already connected to {self.owner}.{prop}")
        lst.append(callback)

    def remove(self, prop: str, callback: Callback) -> None:
        lst = self._by_prop.get(prop, [])
        if callback not in lst:
            raise RuntimeError(f"Listener not connected to {self.owner}.{prop}")
        lst.remove(callback)

    def has(self, prop: str, callback: Callback) -> bool:
        return callback in self._by_prop.get(prop, [])

    def count(self) -> int:
        return sum(len(v) for v in self._by_prop.values())

    def notify(self, prop: str) -> None:
        """Call the listeners of prop; an exception is reported (Live logs it) and the rest still run."""
        for callback in list(self._by_prop.get(prop, [])):
            self._doc.notifying += 1
            try:
                callback()
            except Exception as exc:  # a listener's error is logged by Live, never propagated
                self._doc.report_error(f"{self.owner}.{prop} listener", exc)
            finally:
                self._doc.notifying -= 1


class _HasListeners(Protocol):
    _listeners: Listeners


def adder(prop: str) -> Callable[[Any, Callback], None]:
    def add(self: _HasListeners, callback: Callback, /) -> None:
        self._listeners.add(prop, callback)

    add.__name__ = f"add_{prop}_listener"
    return add


def remover(prop: str) -> Callable[[Any, Callback], None]:
    def remove(self: _HasListeners, callback: Callback, /) -> None:
        self._listeners.remove(prop, callback)

    remove.__name__ = f"remove_{prop}_listener"
    return remove


def has_listener(prop: str) -> Callable[[Any, Callback], bool]:
    def has(self: _HasListeners, callback: Callback, /) -> bool:
        return self._listeners.has(prop, callback)

    has.__name__ = f"{prop}_has_listener"
    return has


# --- Timer ------------------------------------------------------------------------------------


class Scheduler(Protocol):
    def schedule(self, timer: Timer, delay_ms: float) -> None: ...

    def unschedule(self, timer: Timer) -> None: ...


_local = threading.local()


def bind_scheduler(scheduler: Scheduler | None) -> None:
    """Make scheduler the one Timers created on this thread (a host's main thread) run on."""
    _local.scheduler = scheduler


def current_scheduler() -> Scheduler | None:
    return getattr(_local, "scheduler", None)


class Timer:
    """Calls callback after interval ms (every interval ms with repeat) on the main thread.

    As in Live, an exception in the callback stops the timer (the host records it).
    """

    def __init__(self, callback: object, interval: int, repeat: bool = False, start: bool = False) -> None:
        if not callable(callback):
            raise ArgumentError(f"Timer callback must be callable, got {callback!r}")
        check_args("Timer.__init__", (interval, repeat, start), ("int", "bool", "bool"))
        scheduler = current_scheduler()
        if scheduler is None:
            raise RuntimeError("Live.Base.Timer must be created on Live's main thread")
        self._scheduler = scheduler
        self.callback: Callable[[], object] = callback
        self.interval = int(interval)
        self.repeat = bool(repeat)
        self._running = False
        if start:
            self.start()

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        if not self._running:
            self._running = True
            self._scheduler.schedule(self, self.interval)

    def stop(self) -> None:
        if self._running:
            self._running = False
            self._scheduler.unschedule(self)

    def restart(self) -> None:
        self.stop()
        self.start()

    def _mark_fired(self) -> bool:
        """Called by the scheduler before the callback; returns whether to reschedule."""
        if not self.repeat:
            self._running = False
        return self.repeat
