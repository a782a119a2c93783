"""A generated song's own automation: the moves its genre preset asks for (``engines.automation``,
e.g. a filter rise into each chorus, a pad swell in the intro) written as clip envelopes.

Each move lands on the part's clip of the section it names (``in``) or of the section before it
(``into``), in the section's scene and, when the song was laid along the Arrangement, on its
arrangement clip too; the envelope is recorded with that clip's take (``live["envelopes"]``). A
move whose part has no clip there, or whose track lacks the device, is skipped and said; Live
becoming unreachable still fails the job. ``automation 0`` on the request leaves them all out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridge.app import App
from bridge.jobs.board import Job
from engines.automation import Drawn, Move, song_moves
from engines.errors import LiveError, LiveUnreachable
from engines.generators.arrangement import Section


def draft_at(job: Job, track: int, slot: int | None, at: float | None) -> Any | None:
    """The job's take draft written at track and slot (or arrangement start ``at``), else None."""
    for draft in reversed(job.takes):
        live = draft.live
        if live.get("track") != track:
            continue
        if (at is None and live.get("slot") == slot) or (
            at is not None and "slot" not in live and abs(float(live.get("start_beats", -1.0)) - at) < 1e-6
        ):
            return draft
    return None


def keep_envelope(draft: Any, drawn: Drawn) -> None:
    """Record ``drawn`` with ``draft``'s take, in place of an envelope of the same parameter there."""
    kept = [e for e in draft.live.get("envelopes", ()) if Drawn.from_json(e).same_place != drawn.same_place]
    draft.live["envelopes"] = [*kept, drawn.as_json()]


async def _one(app: App, job: Job, move: Move, track: int, slot: int, at: float) -> Drawn:
    target = await app.live.envelope_target(track, slot, at, move.device, move.parameter)
    start, end = move.values(target.low, target.high, quantized=target.quantized)
    name = move.parameter.strip().lower() if target.device == "Mixer" else target.parameter
    drawn = Drawn(target.device, name, move.shape, start, end, target.low, target.high,
                  0.0, target.clip_length_beats, move.rate_beats, 1.0, target.quantized)  # fmt: skip
    steps = await app.run_cpu(drawn.steps)
    await app.live.write_envelope(track, slot, at, move.device, move.parameter, steps, clear=True)
    draft = draft_at(job, track, None if at >= 0 else slot, at if at >= 0 else None)
    if draft is not None:
        keep_envelope(draft, drawn)
    return drawn


async def write_moves(
    app: App,
    job: Job,
    genre: str,
    sections: Sequence[Section],
    tracks: dict[str, int],
    *,
    first_scene: int | None = None,
    starts: Sequence[float] | None = None,
) -> str:
    """The genre's moves on the song's clips: scenes from ``first_scene``, or arrangement clips
    starting at ``starts`` (one per section). Returns what the done message says."""
    written: dict[str, int] = {}
    skipped: dict[str, str] = {}
    for index, move in song_moves(genre, [s.name for s in sections]):
        if not sections[index].parts.get(move.part):
            skipped.setdefault(move.said, f"no {move.part} in the {sections[index].name}")
            continue
        job.check_cancelled()
        track = tracks[move.part]
        slot, at = (-1, float(starts[index])) if starts is not None else (int(first_scene or 0) + index, -1.0)
        try:
            await _one(app, job, move, track, slot, at)
        except LiveUnreachable:
            raise
        except LiveError as exc:
            skipped[move.said] = str(exc)
            continue
        written[move.said] = written.get(move.said, 0) + 1
    if not written and not skipped:
        return ""
    said = [f"{what} ({count} clip{'s' if count != 1 else ''})" for what, count in written.items()]
    said += [f"{what} skipped: {why}" for what, why in skipped.items() if what not in written]
    return "automation: " + "; ".join(said)
