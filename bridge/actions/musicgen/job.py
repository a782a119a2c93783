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

The steps: parse (``musicgen.request``); the song context and what conditions the loop (the
continued clip, the melody; here); make the takes (``render``, or the take prepared in idle time);
write them into Live and record them (``musicgen.land``).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.actions.clips.audio import audio_clip
from bridge.actions.musicgen.land import land
from bridge.actions.musicgen.request import MusicgenRequest, loop_path, parse_request
from bridge.actions.place.places import slot_at
from bridge.app import App
from bridge.jobs.board import Job
from bridge.jobs.weights import require_musicgen
from bridge.jobs.worker import get_worker
from bridge.live.client import LiveContext
from engines.errors import InvalidValue
from engines.musicgen.pipeline import MAX_VARIATIONS

__all__ = ["MusicgenRequest", "loop_path", "parse_request", "render", "run", "vary"]

RENDER_TARGET = "engines.musicgen.pipeline:render_loop"
SAMPLE_RATE_HZ = 48000


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
        prompt=req.text,
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


async def _melody(app: App, kwargs: dict[str, Any]) -> str:
    """Put the selected clip's melody into the render arguments; returns a note for the message."""
    ctx = await app.live.context()
    track, slot = ctx.selected_track, ctx.selected_slot
    if track < 0 or slot < 0:
        raise InvalidValue("melody 1 needs a selected clip: select the MIDI or audio clip with the melody")
    info = await app.live.clip_info(track, slot)
    if info.is_audio_clip:
        if not info.file_path:
            raise InvalidValue(f"{slot_at(track, slot)} ({info.name!r}) has no file on disk for its melody")
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
            raise InvalidValue(f"{slot_at(track, slot)} ({info.name!r}) has no unmuted notes for a melody")
        kwargs["melody_notes"] = notes
    return f", melody from {slot_at(track, slot)} ({info.name!r})"
