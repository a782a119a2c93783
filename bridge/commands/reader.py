"""The learned reading as the parser sees it (issue 55): ``bridge.reading`` when it can load, else None.

``reading_of(text)`` is the head's reading (``bridge.reading.read``: calibrated op, target and scope
probabilities), or None when the encoder or the head is not installed; then one log line says so
and the rules answer alone from then on. Nothing heavy is imported with this module: numpy,
torch and transformers load on the first reading, or earlier on a background thread from ``warm``
(the daemon calls it at start, so no command waits for the load). ``MUSEAROO_READING=off`` turns
the learned reading off (the rules alone, as before issue 55).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from bridge.commands.statements import for_reading

log = logging.getLogger(__name__)

ENV = "MUSEAROO_READING"
TARGET_SURE = 0.5  # a learned target below this is not used (the slot readers' target is)
_state = {"off": False}
_lock = threading.Lock()
_ahead = threading.local()  # the readings of the sentence being read (``read_ahead``)
_KEPT = 1024  # encoder calls kept across sentences, oldest dropped (about 8.7 KB each: 9 MB; 4096 held 35 MB)
# the texts one encoder call read, in order; how the encoder read them; the reader called
_Call = tuple[tuple[str, ...], str, Callable[..., Any]]
_kept: dict[_Call, tuple[Any, ...]] = {}  # each call's readings, oldest first (``Reading``: defined below)


@dataclass(frozen=True)
class Reading:
    """The learned reading the agreement uses: ops likeliest first, and the target when sure."""

    ops: tuple[tuple[str, float], ...]  # (op, calibrated probability), likeliest first
    target: str | None = None  # a target class (``track``: any track by name), None: not sure or not said
    learned: frozenset[str] | None = None  # the ops the head was trained on (None: any op)

    def p(self, op: str) -> float:
        return dict(self.ops).get(op, 0.0)

    def knows(self, op: str) -> bool:
        """Whether the head was trained on ``op`` (an action added after its training is the rules'
        alone: a reading that cannot name it has no say on it)."""
        return self.learned is None or op in self.learned


def enabled() -> bool:
    return not _state["off"] and os.environ.get(ENV, "").strip().lower() not in ("off", "0", "no")


def _off(exc: BaseException) -> None:
    with _lock:
        if not _state["off"]:
            log.warning("learned reading off (%s): commands are read by the rules alone", exc)
        _state["off"] = True


def reading_of(text: str) -> Reading | None:
    """The learned reading of one sentence, or None (not installed, or turned off); within
    ``read_ahead``, a text read before is not read again."""
    if not enabled():
        return None
    said = _for_reading(text)  # "thin out the kick uh sorry the snare": the snare's reading
    ahead: dict[str, Reading] | None = getattr(_ahead, "read", None)
    if ahead is not None and said in ahead:
        return ahead[said]
    try:
        from bridge import reading

        if (kept := _known((said,), reading.read)) is None:  # not read alone by an earlier sentence
            kind = _encoder()
            kept = _keep((said,), reading.read, (_reading(reading.read(said)),), kind)
    except (ImportError, RuntimeError, OSError, KeyError, ValueError) as exc:
        _off(exc)
        return None
    got = kept[0]
    if ahead is not None:
        ahead[said] = got
    return got


def _for_reading(text: str) -> str:
    """``statements.for_reading`` (the rules read there), worked out once a text within ``read_ahead``."""
    known: dict[str, str] | None = getattr(_ahead, "said", None)
    if known is None:
        return for_reading(text)
    if text not in known:
        known[text] = for_reading(text)
    return known[text]


@contextmanager
def read_ahead(texts: list[str]) -> Iterator[None]:
    """While one sentence is read: its texts (the sentence and the clauses it may be split into)
    read in one encoder call, and each reading kept for the sentence's later asks. Nested (an example
    offered, read as a sentence of its own, lat80): the readings are the outer sentence's, those already
    read not read again; they are dropped when the outermost ends (a reading is its text's alone)."""
    outer: dict[str, Reading] | None = getattr(_ahead, "read", None)
    ahead: dict[str, Reading] = {} if outer is None else outer
    if outer is None:
        _ahead.said = {}
    said = [t for t in dict.fromkeys(_for_reading(t) for t in texts) if t not in ahead]
    if len(said) > 1 and enabled():
        try:
            from bridge import reading

            if (
                got := _known(tuple(said), reading.read_many)
            ) is None:  # these texts not read together before
                kind = _encoder()
                got = _keep(
                    tuple(said), reading.read_many, tuple(map(_reading, reading.read_many(said))), kind
                )
            ahead.update(zip(said, got, strict=True))
        except (ImportError, RuntimeError, OSError, KeyError, ValueError) as exc:
            _off(exc)
    _ahead.read = ahead
    try:
        yield
    finally:
        _ahead.read = outer
        if outer is None:
            _ahead.said = None


def _encoder() -> str:
    """How the encoder reads now ("onnx", "trace", "eager"; "" before it loads): a reading is kept per encoder."""
    from bridge.reading.encoder import reads_with

    return reads_with()


def _known(texts: tuple[str, ...], by: Callable[..., Any]) -> tuple[Reading, ...] | None:
    """The readings of ``texts`` an earlier sentence had this encoder read by ``by`` in one call, alone or together
    in this order (the same call again: the same numbers, bit for bit; a text read in another batch may differ in
    its last digits, the head's product over a batch), or None."""
    return _kept.get((texts, _encoder(), by)) if _kept else None


def _keep(
    texts: tuple[str, ...], by: Callable[..., Any], got: tuple[Reading, ...], kind: str
) -> tuple[Reading, ...]:
    """``got``, kept for later sentences when the encoder read it as ``kind`` and reads so still (not switched to
    its ONNX export between the two: ``encoder.write_export``)."""
    if kind and kind == _encoder():
        with _lock:  # the daemon's warm-up thread keeps readings too
            if len(_kept) >= _KEPT:
                _kept.pop(next(iter(_kept)), None)  # the oldest
            _kept[(texts, kind, by)] = got
    return got


def _reading(got: Any) -> Reading:
    target = got.target if got.target_p >= TARGET_SURE and got.target != "none" else None
    return Reading(tuple(got.ops), target, frozenset(op for op, _ in got.ops))


def warm(then: Callable[[], object] | None = None) -> threading.Thread | None:
    """Load the encoder and the head on a background thread, then run ``then`` there (the daemon: the readings
    of the examples questions offer, ``offered.warm``), niced; None when the reading is off."""
    if not enabled():
        return None

    def load() -> None:
        reading_of("warm up")
        if enabled():  # the daemon's first start: the encoder's ONNX export, written while the trace reads
            from bridge.reading import write_export

            write_export()
        if then is not None and enabled():
            if hasattr(os, "setpriority"):  # this thread only (Linux): commands on the others come first
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
            then()

    thread = threading.Thread(target=load, name="learned-reading", daemon=True)
    thread.start()
    return thread
