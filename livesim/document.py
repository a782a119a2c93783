"""What every object of one in-memory Live Set shares: the application, the guards and undo.

Guards that real Live enforces (or punishes with crashes) and the simulation turns into
RuntimeErrors so a bug shows up in tests: a change from any thread but the main thread, and
a change made from inside a listener notification. Undo records one inverse per change;
``begin_undo_step``/``end_undo_step`` group them into one step. The history keeps the newest
``UNDO_STEPS_KEPT`` steps, as Live's is bounded: a ``roo sim`` left running for days of generates
(each step holds the clip's notes it would put back) no longer grows without end.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from livesim.application import Application

Undo = Callable[[], None]
UNDO_STEPS_KEPT = 1000


class Document:
    def __init__(self, app: Application) -> None:
        self.app = app
        self.notifying = 0
        self.main_thread: threading.Thread | None = None  # set by the host; None: any thread
        self.errors: list[str] = []  # exceptions Live would have logged (listeners, timers)
        self._undo_steps: list[list[Undo]] = []
        self._open_step: list[Undo] | None = None
        self._depth = 0
        self._undoing = False
        self._redo_steps: list[list[Undo]] = []
        self._replay: list[Undo] | None = None  # collects the inverses recorded while undoing

    # --- guards ---------------------------------------------------------------------------
    def check_change(self, where: str) -> None:
        """Raise like Live when a change comes from a notification or from a foreign thread."""
        if self.notifying:
            raise RuntimeError(
                f"{where}: Changes cannot be triggered by notifications. You will need to defer your response."
            )
        main = self.main_thread
        if main is not None and threading.current_thread() is not main:
            raise RuntimeError(
                f"{where}: called from thread {threading.current_thread().name!r}; the Live API is not "
                f"thread-safe and may only be used on Live's main thread ({main.name!r})"
            )

    def change(self, obj: Any, prop: str, value: Any, *, undoable: bool = True) -> None:
        """Set obj._<prop> with Live's guards, one undo entry and a notification of prop."""
        self.check_change(f"{obj._listeners.owner}.{prop}")
        old = getattr(obj, "_" + prop)
        if old == value:
            return
        setattr(obj, "_" + prop, value)
        if undoable:
            self.record(lambda: self.change(obj, prop, old))
        obj._listeners.notify(prop)

    def report_error(self, where: str, exc: BaseException) -> None:
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        self.errors.append(f"{where}: {text}")

    # --- undo -----------------------------------------------------------------------------
    def record(self, undo: Undo) -> None:
        """Remember how to revert one change; ungrouped changes are one undo step each."""
        if self._undoing:
            if self._replay is not None:
                self._replay.append(undo)  # undoing an undo: what redo will run
            return
        self._redo_steps.clear()  # a new change ends what could be redone
        if self._open_step is not None:
            self._open_step.append(undo)
        else:
            self._keep_step([undo])

    def _keep_step(self, step: list[Undo]) -> None:
        self._undo_steps.append(step)
        if len(self._undo_steps) > UNDO_STEPS_KEPT:
            del self._undo_steps[0]  # the oldest step can no longer be undone

    def begin_undo_step(self) -> None:
        self._depth += 1
        if self._depth == 1:
            self._open_step = []

    def end_undo_step(self) -> None:
        if self._depth == 0:
            return  # Live ignores an unmatched end
        self._depth -= 1
        if self._depth == 0 and self._open_step is not None:
            if self._open_step:
                self._keep_step(self._open_step)
            self._open_step = None

    def clear_undo(self) -> None:
        self._undo_steps.clear()
        self._redo_steps.clear()

    def can_undo(self) -> bool:
        return bool(self._undo_steps)

    @property
    def undo_steps(self) -> int:
        return len(self._undo_steps)

    def can_redo(self) -> bool:
        return bool(self._redo_steps)

    def undo(self) -> None:
        if self._undo_steps:
            self._redo_steps.append(self._run(self._undo_steps.pop()))

    def redo(self) -> None:
        """Run the inverses that the last undo recorded; the redone step can be undone again."""
        if self._redo_steps:
            self._undo_steps.append(self._run(self._redo_steps.pop()))

    def _run(self, step: list[Undo]) -> list[Undo]:
        """Run a step's inverses, newest first; returns the inverses they recorded in turn."""
        self._undoing = True
        self._replay = []
        try:
            for inverse in reversed(step):
                inverse()
            return self._replay
        finally:
            self._undoing = False
            self._replay = None
