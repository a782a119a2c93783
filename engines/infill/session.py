"""Running a MIDI-GPT sampling session with progress and cancel, and the configuration we sample with.

``progress(fraction, message)`` is called from the caller's thread about ten times a second while
the library's session samples on a worker thread; raising JobCancelled (or any exception) from it
sets the session's ``cancel_event``, which the library polls once per token, so sampling stops
within one token and the exception reaches the caller.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from engines.errors import InvalidValue, JobCancelled, RooError

Progress = Callable[[float, str], None]
POLL_S = 0.1


def session_config(window: int, seed: int, variations: int) -> Any:
    """The InferenceConfig we sample with: a ``window``-bar window (one of the model's), half of it
    generated per step, so every step sees the other half as context of the track's own bars."""
    from midigpt.inference import InferenceConfig

    return InferenceConfig(
        seed=seed,
        model_dim=window,
        bars_per_step=max(1, window // 2),
        tracks_per_step="auto",
        mask_mode="attention",
        num_candidates=variations,
    )


def run_session(session: Any, variations: int, expected_tokens: int, progress: Progress | None) -> list[Any]:
    """Run a SamplingSession on a thread; report progress and honour cancel from the caller's thread."""
    from midigpt.inference import GenerationCancelled

    report = progress or (lambda fraction, message: None)
    cancel = threading.Event()
    session.cancel_event = cancel
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["out"] = session.run_variations() if variations > 1 else [session.run()]
        except BaseException as exc:  # handed to the caller's thread below
            box["error"] = exc

    thread = threading.Thread(target=work, name="midigpt-session", daemon=True)
    started = time.monotonic()
    thread.start()
    try:
        report(0.0, "sampling")
        while thread.is_alive():
            thread.join(POLL_S)
            done = int(session.gen_count)
            report(
                min(0.95, done / max(1, expected_tokens)),
                f"{done} tokens in {time.monotonic() - started:.1f} s",
            )
    except BaseException:
        cancel.set()
        thread.join()
        raise
    error = box.get("error")
    if isinstance(error, GenerationCancelled):
        raise JobCancelled("MIDI-GPT sampling was cancelled") from error
    if isinstance(error, RooError):
        raise error
    if error is not None:
        raise InvalidValue(f"MIDI-GPT could not generate this: {type(error).__name__}: {error}") from error
    out = box["out"]
    if variations > 1:
        failed = [c for c in out if c.get("score") is None]
        if failed:
            raise InvalidValue(f"MIDI-GPT could not generate take(s): {failed[0].get('error')}")
        out = [c["score"] for c in out]
    report(1.0, "done")
    return out
