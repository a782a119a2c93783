"""/roo/musicgen <prompt> [bars] [track slot] (name value)*: a MusicGen loop as a warped audio clip.

The loop is generated in the model worker at the song's tempo and time signature, exactly
``bars`` bars long, and imported with a tempo lock (warp markers at the song tempo), so it
plays in time and loops on its bars. Without a track and slot it goes to a new audio track after
the selected one, in the selected scene. Options: ``continue 1`` continues the selected audio
clip (the loop lands in the next slot of that clip's track unless a target is given), ``melody 1``
guides a melody model (``melody`` unless ``model`` names another) with the selected clip: a MIDI
clip's notes (chroma straight from the notes) or an audio clip's file; ``model`` NAME, ``seed`` N;
``variations`` N (1..8) makes N takes in one batch (seeds seed, seed+1 ...), each landing in the next
empty slot of the track. ``vary`` makes new takes of the last loop (the command "four variations").
Files go to $MUSEAROO_LOOPS_DIR or ~/Music/MuseAroo/loops. On Live older than 12.0.5 (no audio
clip creation) the files are written and the done message says where.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.actions.audio_clip import audio_clip
from bridge.actions.options import parse_options
from bridge.actions.takes import audio_take
from bridge.app import App
from bridge.history import TakeDraft
from bridge.jobs.board import Job
from bridge.jobs.weights import require_musicgen
from bridge.jobs.worker import get_worker
from bridge.live.client import LiveContext
from engines.errors import InvalidValue
from engines.musicgen.pipeline import MAX_VARIATIONS

AUDIO_CLIPS_SINCE = (12, 0, 5)  # ClipSlot.create_audio_clip
RENDER_TARGET = "engines.musicgen.pipeline:render_loop"
DEFAULT_BARS = 4
MAX_BARS = 64  # the engine refuses earlier when the bars do not fit MusicGen's 30 s window
SAMPLE_RATE_HZ = 48000


@dataclass(frozen=True, slots=True)
class MusicgenRequest:
    prompt: str
    bars: int = DEFAULT_BARS
    track: int = -1  # -1: a new audio track (or the continued clip's track)
    slot: int = -1
    continue_clip: bool = False
    melody_clip: bool = False
    model: str = "small"
    seed: int | None = None
    variations: int = 1


def parse_request(args: list[Any]) -> MusicgenRequest:
    """``prompt [bars] [track slot] (name value)*``; every error names the value and what is valid."""
    if not args or not isinstance(args[0], str) or not args[0].strip():
        raise InvalidValue(f"/roo/musicgen {args!r}: expected a text prompt first, e.g. 'lofi drum beat'")
    numbers: list[int] = []
    rest = list(args[1:])
    while rest and not isinstance(rest[0], str):
        value = rest.pop(0)
        if isinstance(value, bool) or not isinstance(value, int | float) or float(value) != int(value):
            raise InvalidValue(f"/roo/musicgen value {value!r}: expected whole numbers [bars] [track slot]")
        numbers.append(int(value))
    if len(numbers) not in (0, 1, 2, 3):
        raise InvalidValue(f"/roo/musicgen {args!r}: expected at most [bars] [track slot] before the options")
    bars = numbers[0] if len(numbers) in (1, 3) else DEFAULT_BARS
    track, slot = numbers[-2:] if len(numbers) >= 2 else (-1, -1)
    opts = parse_options(rest, protocol.MUSICGEN_OPTIONS, what="/roo/musicgen")
    if not 1 <= bars <= MAX_BARS:
        raise InvalidValue(f"bars {bars} is out of range: expected 1..{MAX_BARS}")
    variations = opts.get("variations", 1)
    if not 1 <= variations <= MAX_VARIATIONS:
        raise InvalidValue(f"variations {variations} is out of range: expected 1..{MAX_VARIATIONS}")
    if track < -1 or slot < -1 or (track == -1) != (slot == -1):
        raise InvalidValue(f"track {track} / slot {slot}: expected two indexes >= 0 (or neither)")
    return MusicgenRequest(
        prompt=args[0].strip(),
        bars=bars,
        track=track,
        slot=slot,
        continue_clip=bool(opts.get("continue", 0)),
        melody_clip=bool(opts.get("melody", 0)),
        model=opts.get("model", "melody" if opts.get("melody", 0) else "small"),
        seed=opts.get("seed"),
        variations=variations,
    )


def loop_path(prompt: str, now_s: float | None = None) -> Path:
    """A new file ``<prompt> <date time>.wav`` under $MUSEAROO_LOOPS_DIR or ~/Music/MuseAroo/loops."""
    configured = os.environ.get("MUSEAROO_LOOPS_DIR")
    root = Path(configured).expanduser() if configured else Path.home() / "Music" / "MuseAroo" / "loops"
    safe = re.sub(r"[^\w\- ]+", "_", prompt)[:40].strip() or "loop"
    stem = f"{safe} {time.strftime('%Y-%m-%d %H%M%S', time.localtime(now_s))}"
    path, n = root / f"{stem}.wav", 2
    while path.exists():
        path, n = root / f"{stem} {n}.wav", n + 1
    return path


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    kwargs: dict[str, Any] = {}
    track, slot = req.track, req.slot
    source = ""
    if req.continue_clip:
        clip = await audio_clip(app, -1, -1, address=protocol.MUSICGEN)
        kwargs["continue_path"] = clip.info.file_path
        if clip.start_s is not None and clip.end_s is not None:
            kwargs["continue_region_s"] = (clip.start_s, clip.end_s)
        source = f", continuing {clip.where}"
        if track == -1:
            track, slot = clip.track, clip.slot + 1  # Live moves it down past filled slots
    if req.melody_clip:
        source += await _melody(app, kwargs)
    return await render_and_land(app, job, req, track, slot, kwargs, source)


async def vary(app: App, job: Job, last: dict[str, Any], variations: int) -> str:
    """New takes (new seeds, one batch) of the last loop: same prompt, bars, model and conditioning."""
    if not 1 <= variations <= MAX_VARIATIONS:
        raise InvalidValue(f"variations {variations} is out of range: expected 1..{MAX_VARIATIONS}")
    req = MusicgenRequest(last["prompt"], bars=last["bars"], model=last["model"], variations=variations)
    return await render_and_land(
        app, job, req, last["track"], last["slot"], dict(last["kwargs"]), last["source"], use_prepared=True
    )


async def render_and_land(
    app: App,
    job: Job,
    req: MusicgenRequest,
    track: int,
    slot: int,
    kwargs: dict[str, Any],
    source: str,
    *,
    use_prepared: bool = False,
) -> str:
    """Render ``req.variations`` takes in the worker (one batch) and import each into Live.

    With ``use_prepared`` (a vary) a take prepared in idle time lands instead of a render; for N > 1
    takes it is the first, and the other N - 1 are rendered (one batch)."""
    from bridge.prepare import restore_prepared, take_prepared
    from bridge.prepare.takes import joined

    ctx = await app.live.context()
    ready = None
    if use_prepared:
        settings = {"prompt": req.prompt, "bars": req.bars, "model": req.model, "kwargs": kwargs}
        ready = take_prepared(app, {**settings, "source": source}, ctx)
    if ready is None:
        result, path = await render(app, job, req, kwargs, ctx)
    elif req.variations == 1:
        result, path = dict(ready.result), ready.path
        job.report(0.9, "landing the take prepared while idle")
    else:
        job.report(0.02, f"the take prepared while idle, and {req.variations - 1} more to render")
        try:
            rest, _ = await render(app, job, replace(req, variations=req.variations - 1), kwargs, ctx)
        except BaseException:
            restore_prepared(app, ready)  # the prepared take stays ready for the next vary
            raise
        result, path = joined(ready.result, rest), ready.path
    done = await land(app, job, req, track, slot, kwargs, source, ctx, result, path)
    return f"{done} (prepared)" if ready is not None else done


async def render(
    app: App, job: Job, req: MusicgenRequest, kwargs: dict[str, Any], ctx: LiveContext
) -> tuple[dict[str, Any], Path]:
    """Render the takes of ``req`` in the worker at ``ctx``'s tempo; the result and the first file."""
    # offline without weights: fail now, not after download retries
    await asyncio.to_thread(require_musicgen, req.model)
    path = loop_path(req.prompt)
    result: dict[str, Any] = await get_worker(app).call(
        job,
        RENDER_TARGET,
        prompt=req.prompt,
        out_path=str(path),
        bars=req.bars,
        tempo_bpm=float(ctx.tempo_bpm),
        signature=f"{ctx.signature_numerator}/{ctx.signature_denominator}",
        model=req.model,
        seed=req.seed,
        sample_rate_hz=SAMPLE_RATE_HZ,
        variations=req.variations,
        **kwargs,
    )
    return result, path


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
    if track == -1:
        track = await app.live.create_tracks("audio", ctx.selected_track, [name])
        slot = max(ctx.selected_slot, 0)
    landed = []
    for k, take in enumerate(takes):  # a filled slot sends each take on to the next empty one
        title = name if k == 0 else f"{name} take {k + 1}"
        track, where = await app.live.import_audio(
            track, slot, str(take["path"]), title, True, float(ctx.tempo_bpm)
        )
        landed.append({**take, "track": track, "slot": where})
        app.song.takes.append(
            {"part": "musicgen", "track": track, "slot": where, "seed": take["seed"], "job": job.id}
        )
        job.takes.append(loop_take(req, ctx, take, {"track": track, "slot": where}))
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
        return f"{what} in track {track} slot {first['slot']}; file {path}"
    slots = ", ".join(str(t["slot"]) for t in landed)
    return f"{what} in track {track} slots {slots}; files beside {path}"


async def _melody(app: App, kwargs: dict[str, Any]) -> str:
    """Put the selected clip's melody into the render arguments; returns a note for the message."""
    ctx = await app.live.context()
    track, slot = ctx.selected_track, ctx.selected_slot
    if track < 0 or slot < 0:
        raise InvalidValue("melody 1 needs a selected clip: select the MIDI or audio clip with the melody")
    info = await app.live.clip_info(track, slot)
    if info.is_audio_clip:
        if not info.file_path:
            raise InvalidValue(
                f"track {track} slot {slot} ({info.name!r}) has no file on disk for its melody"
            )
        kwargs["melody_path"] = info.file_path
    else:
        reply = await app.live.query(protocol.CLIP_GET_NOTES, track, slot)
        values = reply[2:]
        notes = [
            (int(values[i]), float(values[i + 1]), float(values[i + 2]), int(values[i + 3]))
            for i in range(0, len(values) - 4, 5)
            if not int(values[i + 4])
        ]
        if not notes:
            raise InvalidValue(f"track {track} slot {slot} ({info.name!r}) has no unmuted notes for a melody")
        kwargs["melody_notes"] = notes
    return f", melody from track {track} slot {slot} ({info.name!r})"


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
