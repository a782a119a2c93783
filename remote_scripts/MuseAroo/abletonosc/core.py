"""What every AbletonOSC handler shares: index lookups, dotted property paths, listeners, table handlers.

A handler takes the request's arguments and the address to answer (the sender's host at the
reply port) and returns the reply's arguments, or None to stay silent. Lookups raise
``OutOfRange`` (an IndexError reading "Index out of range", as Live's vectors do, which is what
AbletonOSC's clients see, word for word) and keep a detail naming the bad index and the range for
the log. Every other message naming an index says it as sent and that it counts from 0
(AbletonOSC's convention; Live shows track 1): ``zero_based``. A
get that Live refuses for this object raises ``NotApplicable`` carrying AbletonOSC's answer
(None for the value) and Live's reason. Indices may come as integral floats (TouchOSC).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import grammar

if TYPE_CHECKING:
    Address = tuple[str, int]
    Handler = Callable[[Sequence[Any], Address], Sequence[Any] | None]
    Send = Callable[[Address, str, Sequence[Any]], None]
    Resolve = Callable[[Sequence[Any]], Any]


class OutOfRange(IndexError):
    def __init__(self, detail: str) -> None:
        super().__init__(grammar.INDEX_ERROR)  # AbletonOSC's own suite holds clients to these words alone
        self.detail = detail


def zero_based(*named: tuple[str, Any]) -> str:
    """Indexes as the request sent them, said to count from 0: "track index 0, clip slot index 7 (0-based)"."""
    said = ", ".join(f"{what} index {_said(value)}" for what, value in named)
    return f"{said} (0-based)"


def _said(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else repr(value)


class NotApplicable(Exception):
    """Live raised reading a property that does not apply to this object (a MIDI clip's gain).

    AbletonOSC answers such a get with None in place of the value; ``reply`` is that answer and
    the message Live's reason (sent on /live/error first, except inside a wildcard query).
    """

    def __init__(self, reply: Sequence[Any], reason: str) -> None:
        super().__init__(reason)
        self.reply = tuple(reply)


def index_of(value: Any, what: str) -> int:
    """A 0-based index from an OSC argument: an int, or a float with no fraction (TouchOSC sends
    every number as a float; AbletonOSC casts them)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} {value!r}: expected an integer index (0-based)")
    return value


def pick(items: Sequence[Any], index: Any, what: str) -> Any:
    """items[index] for a 0-based index inside the list, else OutOfRange."""
    if isinstance(index, float) and index.is_integer():
        index = int(index)
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(items):
        expected = f"expected 0..{len(items) - 1}" if items else "there are none"
        raise OutOfRange(f"{zero_based((what, index))}: {expected}")
    return items[index]


def arg(args: Sequence[Any], index: int, what: str) -> Any:
    if index >= len(args):
        raise ValueError(f"missing {what} (argument {index + 1})")
    return args[index]


def wire(value: Any) -> Any:
    """A Live value as OSC carries it: bools, ints (enums too), floats, strings, None."""
    if value is None or isinstance(value, (bool, str, float)):
        return value
    if isinstance(value, int):
        return int(value)
    return str(value)


def owner_and_name(obj: Any, path: str) -> tuple[Any, str]:
    """The object that holds the last attribute of a dotted path, and that attribute's name."""
    *parents, name = path.split(".")
    for part in parents:
        obj = getattr(obj, part)
    return obj, name


class Listening:
    """The listeners started by clients, one per (address, indices); each sends on change."""

    def __init__(self, send: Send, log: Callable[[str], None]) -> None:
        self._send = send
        self._log = log
        self._active: dict[tuple[Any, ...], tuple[Any, str, Callable[[], None]]] = {}

    def start(
        self,
        key: tuple[Any, ...],
        owner: Any,
        name: str,
        to: Address,
        address: str,
        value: Callable[[], Sequence[Any] | None],
    ) -> None:
        """Listen to owner.name; send value() to `to` on address now and on every change."""
        add = getattr(owner, f"add_{name}_listener", None)
        if add is None:
            raise AttributeError(f"{name} is not a listenable property of {type(owner).__name__}")
        self.stop(key)

        def emit() -> None:
            try:
                out = value()
                if out is not None:
                    self._send(to, address, out)
            except Exception as exc:  # a listener must not raise into Live
                self._log(f"listener {address} failed: {type(exc).__name__}: {exc}")

        first = value()  # a property that cannot be read now is an error for the request, not a listener
        add(emit)
        self._active[key] = (owner, name, emit)
        if first is not None:
            self._send(to, address, first)

    def stop(self, key: tuple[Any, ...]) -> bool:
        """Stop the listener of key; whether one was listening."""
        entry = self._active.pop(key, None)
        if entry is None:
            return False
        owner, name, emit = entry
        try:
            getattr(owner, f"remove_{name}_listener")(emit)
        except Exception:  # the object is gone (a deleted clip): its listeners went with it
            pass
        return True

    def stop_all(self) -> None:
        for key in list(self._active):
            self.stop(key)

    def __len__(self) -> int:
        return len(self._active)


def generated(kind: str, resolve: Resolve, listening: Listening) -> dict[str, Handler]:
    """get/set/start_listen/stop_listen and method handlers of one object kind, from grammar's tables."""
    n = len(grammar.IDS[kind])
    table: dict[str, Handler] = {}
    for prop in grammar.READ[kind] + grammar.WRITE[kind]:
        path = grammar.PATHS.get((kind, prop), prop)
        table[f"/live/{kind}/get/{prop}"] = _getter(n, resolve, path)
        table[f"/live/{kind}/start_listen/{prop}"] = _start(kind, prop, n, resolve, path, listening)
        table[f"/live/{kind}/stop_listen/{prop}"] = _stop(kind, prop, n, resolve, path, listening)
    for prop in grammar.WRITE[kind]:
        table[f"/live/{kind}/set/{prop}"] = _setter(n, resolve, grammar.PATHS.get((kind, prop), prop))
    for method in grammar.METHODS[kind]:
        table[f"/live/{kind}/{method}"] = _method(n, resolve, method)
    return table


def _ids(args: Sequence[Any], n: int) -> tuple[Any, ...]:
    if len(args) < n:
        raise ValueError(f"expected {n} index argument(s) first, got {len(args)}")
    return tuple(int(a) if isinstance(a, float) and a.is_integer() else a for a in args[:n])


def read(ids: Sequence[Any], owner: Any, name: str) -> Sequence[Any]:
    """(ids..., owner.name) as AbletonOSC replies; NotApplicable when Live refuses to read it."""
    try:
        value = getattr(owner, name)
    except (RuntimeError, AttributeError) as exc:  # AttributeError: a property of a later Live
        raise NotApplicable((*ids, None), f"{name}: {exc}") from exc
    return (*ids, wire(value))


def _getter(n: int, resolve: Resolve, path: str) -> Handler:
    def get(args: Sequence[Any], to: Address) -> Sequence[Any]:
        owner, name = owner_and_name(resolve(args), path)
        return read(_ids(args, n), owner, name)

    return get


def _setter(n: int, resolve: Resolve, path: str) -> Handler:
    def set_(args: Sequence[Any], to: Address) -> None:
        owner, name = owner_and_name(resolve(args), path)
        setattr(owner, name, arg(args, n, name))

    return set_


def _method(n: int, resolve: Resolve, method: str) -> Handler:
    def call(args: Sequence[Any], to: Address) -> None:
        getattr(resolve(args), method)(*args[n:])

    return call


def _start(kind: str, prop: str, n: int, resolve: Resolve, path: str, listening: Listening) -> Handler:
    def start(args: Sequence[Any], to: Address) -> None:
        ids = _ids(args, n)
        owner, name = owner_and_name(resolve(args), path)
        listening.start(
            (kind, prop, ids),
            owner,
            name,
            to,
            f"/live/{kind}/get/{prop}",
            lambda: (*ids, wire(getattr(owner, name))),
        )

    return start


def _stop(kind: str, prop: str, n: int, resolve: Resolve, path: str, listening: Listening) -> Handler:
    def stop(args: Sequence[Any], to: Address) -> None:
        if listening.stop((kind, prop, _ids(args, n))):
            return
        try:  # nothing was listening: quiet, as AbletonOSC, unless it never could (then say so)
            owner, name = owner_and_name(resolve(args), path)
        except Exception:  # the object is gone or the indices are wrong: nothing to stop
            return
        if not hasattr(owner, f"add_{name}_listener"):
            raise AttributeError(f"{name} is not a listenable property of {type(owner).__name__}")

    return stop
