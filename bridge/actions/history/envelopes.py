"""A recalled take's envelopes put back on its new clip (``live["envelopes"]``, as MuseAroo drew
them: ``engines.automation.Drawn``), each at its own place in the clip.

An envelope whose device the track no longer has is skipped and said; the recalled take keeps
the envelopes written. Live becoming unreachable still fails the job.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bridge.app import App
from engines.automation import Drawn
from engines.errors import LiveError, LiveUnreachable


async def put_back(
    app: App, take: Any, track: int, slot: int, start_beats: float | None
) -> tuple[list[Any], str]:
    """Write ``take``'s envelopes on the clip at track/slot (or, with ``start_beats``, the
    arrangement clip starting there); (the envelopes written as JSON, what the message says)."""
    written: list[Any] = []
    skipped: list[str] = []
    for raw in take.live.get("envelopes", ()):
        drawn = Drawn.from_json(raw)
        steps = [
            replace(s, time_beats=s.time_beats + drawn.offset_beats) for s in await app.run_cpu(drawn.steps)
        ]
        at = -1.0 if start_beats is None else float(start_beats)
        where = -1 if start_beats is not None else slot
        try:
            await app.live.write_envelope(track, where, at, drawn.device, drawn.parameter, steps, clear=False)
        except LiveUnreachable:
            raise
        except LiveError as exc:
            skipped.append(f"{drawn.device} {drawn.parameter!r} skipped: {exc}")
            continue
        written.append(drawn.as_json())
    said = [f"{len(written)} envelope{'s' if len(written) != 1 else ''} put back"] if written else []
    return written, "; ".join(said + skipped)
