"""Infill, continue and accompany results as takes: the draft, its parent, what the song remembers.

Each written clip is a take whose action is the request's kind ("infill", "continue",
"accompany"). Its parent is the take the source clip came from when the history knows it (the
newest take written to that track and slot that holds exactly the clip's notes); a clip the
producer made is not a take, so the parent is then none. An accompaniment is a new part: its parent
is the newest take of that part, as for a generate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridge.actions.clips.take import take_behind
from bridge.actions.infill.request import InfillRequest
from bridge.actions.takes import VERSION, midi_take
from bridge.app import App
from bridge.history import TakeDraft
from engines.music import MusicalContext, Note


async def parent_of(app: App, track: int, slot: int, notes: Sequence[Note]) -> str | None:
    """The id of the take the clip at track/slot holding ``notes`` came from, or None."""
    take = await take_behind(app, track, slot, notes)
    return None if take is None else str(take.take_id)


def draft(
    req: InfillRequest,
    part: str,
    notes: Sequence[Note],
    *,
    seed: int,
    ctx: MusicalContext,
    parent: str | None,
    source: tuple[int, int] | None,
    bars: tuple[int, int],
) -> TakeDraft:
    """One take before Live answered (``bars``: the first and last bar the model wrote)."""
    params: dict[str, Any] = {
        "model": req.model,
        "first_bar": bars[0],
        "last_bar": bars[1],
        "variations": req.variations,
        **{k: getattr(req, k) for k in ("density", "complexity") if getattr(req, k) is not None},
    }
    if source is not None:
        params["source"] = {"track": source[0], "slot": source[1]}
    if req.kind == "continue":
        params.update(bars=req.bars, extend=req.extend)
    take = midi_take(req.kind, part, params=params, seed=seed, ctx=ctx, live={}, notes=notes)
    engine = {"infill": "infill", "continue": "continue_part", "accompany": "accompany"}[req.kind]
    take.versions = {"musearoo": VERSION, "engine": f"engines.infill:{engine}", "model": req.model}
    if req.kind != "accompany":
        take.parent_id = parent  # None: the producer's own clip, not a take
    return take


def remember(app: App, job_id: int, part: str, written: tuple[int, int, int], seed: int) -> None:
    """Note the written clip in the song's takes (accompany finds a part's track there)."""
    track, slot, _ = written
    app.song.takes.append({"part": part, "track": track, "slot": slot, "seed": seed, "job": job_id})
