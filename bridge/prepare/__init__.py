"""Predictive pre-generation: idle time prepares the likeliest next requests: the song's other parts
after a generate, a "vary" of the last loop.

Public face (the daemon wires it, handing it the actions' makers; ``bridge.actions.generate.part``
and ``bridge.actions.musicgen.job`` serve from it; it never imports an action)::

    preparer = attach(app, enabled=prepare_enabled(flag), makers=MAKERS)  # None when turned off
    preparer.work_arrived()            # from Daemon.submit: a running preparation is cancelled now
    preparer.context_changed(ctx)      # a new tempo or time signature discards a prepared take
    take_prepared(app, settings, ctx)  # the ready take for these loop settings, or None (taken once)
    take_prepared_part(app, part, ctx, dials, seed, follow)  # prepared notes, or None (once)
    describe(app)                      # one line: what is prepared (roo doctor, /api/health)

After every job that ends (musicgen, generate, separate, a vary...) and ``idle_s`` with no job
running, one job of kind ``prepare`` makes the song's other parts after a generate (``parts``: the
same settings, the seed the next job gets; a generate of such a part takes the notes it would have
made) and renders one take of the last MusicGen loop (same prompt, bars, model, conditioning; a new seed) is
(rendered by the app's worker, the in-process one or the queue), so registered devices see on
/roo/status what is being prepared and what is ready. Turned off by
``MUSEAROO_PREPARE=0`` or ``roo serve --no-prepare``; ``MUSEAROO_PREPARE_IDLE_S`` sets the idle wait.
"""

from __future__ import annotations

import os
import weakref
from typing import Any

from bridge.prepare.makers import Makers
from bridge.prepare.preparer import Preparer, Ready, render_settings
from engines.music import MusicalContext, Note

__all__ = [
    "Makers",
    "Preparer",
    "Ready",
    "attach",
    "describe",
    "prepare_enabled",
    "render_settings",
    "restore_prepared",
    "take_prepared",
    "take_prepared_part",
]

DEFAULT_IDLE_S = 2.0
_preparers: weakref.WeakKeyDictionary[Any, Preparer] = weakref.WeakKeyDictionary()


def prepare_enabled(flag: bool | None = None) -> bool:
    """``flag`` when given (roo serve --no-prepare passes False), else $MUSEAROO_PREPARE (default on)."""
    if flag is not None:
        return flag
    return os.environ.get("MUSEAROO_PREPARE", "1").strip().lower() not in ("0", "off", "no", "false")


def idle_s_from_env() -> float:
    raw = os.environ.get("MUSEAROO_PREPARE_IDLE_S", "")
    try:
        value = float(raw) if raw else DEFAULT_IDLE_S
    except ValueError as exc:
        from engines.errors import InvalidValue

        raise InvalidValue(f"MUSEAROO_PREPARE_IDLE_S={raw!r}: expected seconds, e.g. 2.0") from exc
    if value < 0:
        from engines.errors import InvalidValue

        raise InvalidValue(f"MUSEAROO_PREPARE_IDLE_S={raw!r}: expected seconds >= 0")
    return value


def attach(app: Any, *, enabled: bool, makers: Makers, idle_s: float | None = None) -> Preparer | None:
    """Start preparing for ``app`` with the actions' ``makers`` (None, and nothing watched, when
    ``enabled`` is False)."""
    if not enabled:
        return None
    preparer = Preparer(app, idle_s=idle_s_from_env() if idle_s is None else idle_s, makers=makers)
    _preparers[app] = preparer
    return preparer


def take_prepared(app: Any, settings: dict[str, Any], ctx: Any) -> Ready | None:
    """The prepared take for ``settings`` (see ``render_settings``) at ``ctx``'s tempo, handed over once."""
    preparer = _preparers.get(app)
    return preparer.take(settings, ctx) if preparer is not None else None


def take_prepared_part(
    app: Any, part: str, ctx: MusicalContext, dials: tuple[float, float], seed: int, follow: Any
) -> list[Note] | None:
    """The prepared notes of ``part`` when they are what this generate would make, handed over once.

    ``dials``: (density, complexity); ``follow``: the generate's Follow (its source clip) or None."""
    preparer = _preparers.get(app)
    return preparer.take_part(part, ctx, dials, seed, follow) if preparer is not None else None


def has_prepared_part(app: Any, part: str) -> bool:
    """Whether ``part`` is prepared at all (cheap: a generate asks before it merges its context)."""
    preparer = _preparers.get(app)
    return preparer is not None and part in preparer.parts


def restore_prepared(app: Any, ready: Ready) -> None:
    """Give a taken take back (its vary failed before it landed): it stays ready for the next vary."""
    preparer = _preparers.get(app)
    if preparer is not None and preparer.ready is None:
        preparer.ready = ready
        preparer.served.remove(ready.job_id)


def describe(app: Any) -> str:
    preparer = _preparers.get(app)
    return preparer.describe() if preparer is not None else "off"
