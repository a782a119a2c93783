"""/roo/generate's last step: where the part landed, what the song remembers, the done message.

The take's draft came with the part (``generate_part.take_draft``) and was written to the store
as pending while the write was in flight (``bridge.actions.takes.write_recorded``); once Live
answered, ``record`` fills in where the part landed, notes it in the song's takes and as the
part's last settings (Vary and pre-generation start from them), and says what was done.
"""

from __future__ import annotations

from typing import Any

from bridge.actions.generate.part import Part
from bridge.actions.generate.request import GenerateRequest
from bridge.actions.place.places import slot_at
from bridge.app import App
from bridge.history import TakeDraft
from engines.music import MusicalContext


def record(
    app: App,
    job_id: int,
    req: GenerateRequest,
    part: Part,
    take: TakeDraft,
    aimed: tuple[int, int],
    written: tuple[int, int, int],
    seed: int,
) -> str:
    """Note where the part landed (``written``: track, slot, note count; ``aimed``: the slot it was
    written for) and return the done message."""
    track, slot, count = written
    take.live = {"track": track, "slot": slot, "length_beats": part.ctx.length_beats, "note_count": count}
    remember(app, req, part.ctx, (track, slot), seed, job_id)
    moved = "" if (track, slot) == aimed else f" (scene {aimed[1] + 1} was full)"
    told = f"{req.part}: {count} notes, {req.bars} bars in {slot_at(track, slot)}{moved}"
    told += " (prepared)" if part.prepared else ""
    return told + (f", {part.follow.summary}" if part.follow is not None else "")


def remember(
    app: App,
    req: GenerateRequest,
    ctx: MusicalContext,
    where: tuple[int, int],
    seed: int,
    job_id: int,
    *,
    at_beats: float | None = None,
) -> None:
    """Note the written part in the song's takes and as the part's last settings (Vary, prepare).
    ``at_beats``: it went into the Arrangement there (on ``where``'s track), not into a slot; a vary
    then remakes it at the same place."""
    track, slot = where
    place: dict[str, Any] = {"slot": slot} if at_beats is None else {"start_beats": at_beats}
    again: dict[str, Any] = {"slot": slot} if at_beats is None else {"arrangement": 1, "at": at_beats}
    settings = {"bars": req.bars, "genre": ctx.genre, "density": req.density}
    app.song.takes.append(
        {"part": req.part, "track": track, **place, "seed": seed, **settings, "job": job_id,
         **groove_settings(req)}
    )  # fmt: skip
    app.song.last_generate[req.part] = {
        "track": track, **again, **settings, "key": str(ctx.key), "complexity": req.complexity, "seed": seed,
        **groove_settings(req),
    }  # fmt: skip


def groove_settings(req: GenerateRequest) -> dict[str, Any]:
    """The groove controls a request gave (so Vary keeps them); none when it kept the genre's."""
    names = ("swing", "humanize", "accent", "intensity", "fills")
    return {name: getattr(req, name) for name in names if getattr(req, name) is not None}
