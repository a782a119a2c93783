"""/roo/musicgen's last steps: the rendered takes written into Live, then recorded.

Each take is imported as a warped audio clip (a filled slot sends it on to the next empty one), on a
new audio track unless one is named (deleted again, while still empty, when the import fails or is
cancelled: ``place.made``); the song remembers the loop's settings (a vary and pre-generation
start from them), each take joins the job's takes for the history, and the client gets the
``musicgen`` result. On Live older than 12.0.5 (no audio clip creation) the files stay where they
were written and the done message says where.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bridge.actions.musicgen.request import MusicgenRequest
from bridge.actions.place.made import NewTrack, taken_back_on_failure
from bridge.actions.place.places import bar_at, slot_at, slots_at, track_at
from bridge.actions.takes import audio_take
from bridge.app import App
from bridge.history import TakeDraft
from bridge.jobs.board import Job
from bridge.live.client import LiveContext

AUDIO_CLIPS_SINCE = (12, 0, 5)  # ClipSlot.create_audio_clip


async def land(
    app: App,
    job: Job,
    req: MusicgenRequest,
    track: int,
    slot: int,
    kwargs: dict[str, Any],
    source: str,
    ctx: LiveContext,
    result: dict[str, Any],
    path: Path,
) -> str:
    """Import rendered takes into Live (or say where the files are on an older Live); the done message."""
    takes = result.get("takes") or [{"path": result["path"], "seed": result["seed"]}]
    seeds = ", ".join(str(t["seed"]) for t in takes)
    count = f"{len(takes)} takes of a " if len(takes) > 1 else "a "
    what = f"{count}{req.bars}-bar loop {req.prompt!r} at {ctx.tempo_bpm:g} BPM (seed{'s' * (len(takes) > 1)} {seeds}){source}"
    if ctx.version_tuple < AUDIO_CLIPS_SINCE:
        app.result(job.client, job.id, "musicgen", result)
        job.takes.extend(loop_take(req, ctx, take, {}) for take in takes)
        files = ", ".join(str(t["path"]) for t in takes)
        return f"{what} written to {files} (Live {ctx.live_version} cannot create audio clips before 12.0.5)"
    job.report(0.98, "placing the loop in Live" if len(takes) == 1 else f"placing {len(takes)} takes in Live")
    name = f"MusicGen {req.prompt}"[:50]
    made: list[NewTrack] = []  # the new track: deleted again, while still empty, if the import fails
    async with taken_back_on_failure(app, made, f"job {job.id} (musicgen)"):
        if track == -1:
            track = await app.live.create_tracks("audio", ctx.selected_track, [name])
            made.append(NewTrack(track, name))
            slot = max(ctx.selected_slot, 0)
            job.check_cancelled()  # a cancel that came while the track was made (it landed): take it back
        if req.arrangement:
            return await into_arrangement(app, job, req, ctx, takes[0], name, track, what, result)
        landed = await import_takes(app, job, req, ctx, takes, name, track, slot)
    track = int(landed[-1]["track"])  # where Live put them
    first = landed[0]
    app.song.last_generate["musicgen"] = {
        "prompt": req.prompt,
        "bars": req.bars,
        "model": req.model,
        "track": first["track"],
        "slot": first["slot"],
        "kwargs": kwargs,
        "source": source,
    }
    extra = {"takes": landed} if len(landed) > 1 else {}
    app.result(job.client, job.id, "musicgen", {**result, "track": track, "slot": first["slot"], **extra})
    if len(landed) == 1:
        return f"{what} in {slot_at(track, int(first['slot']))}; file {path}"
    return f"{what} in {slots_at(track, [int(t['slot']) for t in landed])}; files beside {path}"


async def into_arrangement(
    app: App,
    job: Job,
    req: MusicgenRequest,
    ctx: LiveContext,
    take: dict[str, Any],
    name: str,
    track: int,
    what: str,
    result: dict[str, Any],
) -> str:
    """The loop as a tempo-locked arrangement clip at ``at`` (else the loop brace's start)."""
    start = req.at if req.at is not None else (await app.live.loop_brace())[0]
    track, at_beats, length = await app.live.import_arrangement_audio(
        track, start, str(take["path"]), name, float(ctx.tempo_bpm), req.replace
    )
    live = {"track": track, "start_beats": at_beats, "length_beats": length}
    job.takes.append(loop_take(req, ctx, take, live))
    app.song.takes.append({"part": "musicgen", "track": track, "start_beats": at_beats, "seed": take["seed"],
                           "job": job.id})  # fmt: skip
    app.result(job.client, job.id, "musicgen", {**result, **live})
    at = bar_at(at_beats, ctx)
    return f"{what} in the Arrangement on {track_at(track)} at {at} ({length:g} beats); file {take['path']}"


def loop_take(
    req: MusicgenRequest, ctx: LiveContext, take: dict[str, Any], live: dict[str, Any]
) -> TakeDraft:
    """One rendered take of a loop as the history records it (where Live put it, its file and seed)."""
    return audio_take(
        "musicgen",
        "loop",
        params={"prompt": req.prompt, "bars": req.bars, "model": req.model},
        live=live,
        files={"loop": str(take["path"])},
        versions={"model": req.model},
        seed=take.get("seed"),
        context={
            "tempo_bpm": float(ctx.tempo_bpm),
            "signature": [ctx.signature_numerator, ctx.signature_denominator],
        },
    )


async def import_takes(
    app: App,
    job: Job,
    req: MusicgenRequest,
    ctx: LiveContext,
    takes: list[dict[str, Any]],
    name: str,
    track: int,
    slot: int,
) -> list[dict[str, Any]]:
    """Each take imported from ``slot`` on (a filled slot sends it on to the next empty one)."""
    landed = []
    for k, take in enumerate(takes):
        title = name if k == 0 else f"{name} take {k + 1}"
        track, where = await app.live.import_audio(
            track, slot, str(take["path"]), title, True, float(ctx.tempo_bpm)
        )
        landed.append({**take, "track": track, "slot": where})
        app.song.takes.append(
            {"part": "musicgen", "track": track, "slot": where, "seed": take["seed"], "job": job.id}
        )
        job.takes.append(loop_take(req, ctx, take, {"track": track, "slot": where}))
    return landed
