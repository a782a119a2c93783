"""/roo/separate [track slot] [model]: split an audio clip into stems on new tracks beside it.

The clip (the selected one unless track and slot are given) is separated in the model worker with
``exact_sum`` on, so the stems null against the source. An unwarped clip is separated over its
start..end markers and its stems play unwarped from their first sample, exactly that region. A
warped clip is separated whole, so each stem is a file of the source's length in samples, and
the Remote Script copies the source clip's timing onto each stem clip (warp mode, every warp
marker, start and end markers, loop): a stem plays each sample on the beat its source plays it.
One audio track per stem is created right after the source track, named ``<clip name> drums``
and so on, and each stem lands in the source's scene; when placing them fails or is cancelled, the
new tracks still empty are deleted again (``bridge.actions.place.made``) and the error says so.
Live older than 12.0.5 cannot create audio clips: the files are written and the done message says
where. Files go to $MUSEAROO_STEMS_DIR or ~/Music/MuseAroo/stems.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.actions.clips.at_beat import arrangement_index
from bridge.actions.clips.audio import AudioClip, audio_clip
from bridge.actions.options import parse_options, whole_argument
from bridge.actions.place.made import NewTrack, taken_back_on_failure
from bridge.actions.place.places import bar_at, slot_at, tracks_at
from bridge.actions.separate.arrangement import in_arrangement, stems_start
from bridge.actions.takes import audio_take
from bridge.app import App
from bridge.jobs.board import Job
from bridge.jobs.weights import require_demucs
from bridge.jobs.worker import get_worker
from engines.errors import InvalidValue, LiveError

AUDIO_CLIPS_SINCE = (12, 0, 5)  # ClipSlot.create_audio_clip
SEPARATE_TARGET = "engines.separation.files:separate_file"


@dataclass(frozen=True, slots=True)
class SeparateRequest:
    track: int = -1  # -1: the selected track
    slot: int = -1  # -1: the selected slot
    model: str = protocol.SEPARATION_MODELS[0]
    arrangement: bool = False  # the stems into the Arrangement (``separate.arrangement``), not slots
    at: float | None = None  # their start there; None: the source clip's (a session clip: the loop brace's)
    source_track: int | None = None  # with source_at: the source is the arrangement clip there
    source_at: float | None = None


def _is_folder(model: str) -> bool:
    """Whether ``model`` names a folder here; a name the OS cannot take (too long, a NUL) is not one."""
    try:
        return Path(model).expanduser().exists()
    except (OSError, ValueError):
        return False


def parse_request(args: list[Any]) -> SeparateRequest:
    """``[]``, ``[model]``, ``[track, slot]`` or ``[track, slot, model]``, the model also as ``model
    NAME``, and the other SEPARATE_OPTIONS as name value pairs; errors name the value."""
    rest = list(args)
    track = slot = -1
    if rest and not isinstance(rest[0], str):
        if len(rest) < 2 or isinstance(rest[1], str):
            raise InvalidValue(f"/roo/separate {args!r}: expected [track slot] as two integers, then [model]")
        # Checked as every request's track and slot option is (-1: the selected one).
        track = whole_argument("track", rest[0], what="/roo/separate")
        slot = whole_argument("slot", rest[1], what="/roo/separate")
        rest = rest[2:]
    if len(rest) % 2 == 1:  # a model name first, then options
        if not isinstance(rest[0], str) or not rest[0]:
            raise InvalidValue(f"/roo/separate {args!r}: expected at most one model name after [track slot]")
        rest = ["model", *rest]
    if rest and rest[0] not in protocol.SEPARATE_OPTIONS:
        raise InvalidValue(
            f"/roo/separate {args!r}: expected at most one model name after [track slot], or name value "
            f"pairs over {', '.join(protocol.SEPARATE_OPTIONS)}"
        )
    opts = parse_options(rest, protocol.SEPARATE_OPTIONS, what="/roo/separate")
    model = opts.get("model", protocol.SEPARATION_MODELS[0])
    if model not in protocol.SEPARATION_MODELS and not _is_folder(model):
        raise InvalidValue(
            f"model {model!r}: expected one of {', '.join(protocol.SEPARATION_MODELS)} or a model folder"
        )
    req = SeparateRequest(
        track, slot, model, bool(opts.get("arrangement", 0)), opts.get("at"), opts.get("source_track"),
        opts.get("source_at"),
    )  # fmt: skip
    if (req.at is not None or req.source_at is not None) and not req.arrangement:
        raise InvalidValue(
            f"/roo/separate {'at' if req.at is not None else 'source_at'} places stems by the Arrangement: "
            "give arrangement 1 with it"
        )
    if req.source_at is not None and (track != -1 or slot != -1):
        raise InvalidValue(
            f"/roo/separate track {track} slot {slot} and source_at {req.source_at:g}: expected one source clip "
            "(a session slot, or source_track T source_at BEAT)"
        )
    return req


def stems_root() -> Path:
    """Where stem folders go: $MUSEAROO_STEMS_DIR, else ~/Music/MuseAroo/stems."""
    configured = os.environ.get("MUSEAROO_STEMS_DIR")
    return Path(configured).expanduser() if configured else Path.home() / "Music" / "MuseAroo" / "stems"


def stems_folder(clip_name: str, now_s: float | None = None) -> Path:
    """A new folder for one separation: ``<clip name> <date time>`` under stems_root()."""
    safe = re.sub(r"[^\w\- ]+", "_", clip_name).strip() or "clip"
    stamp = time.strftime("%Y-%m-%d %H%M%S", time.localtime(now_s))
    folder = stems_root() / f"{safe} {stamp}"
    n = 2
    while folder.exists():
        folder = stems_root() / f"{safe} {stamp} {n}"
        n += 1
    return folder


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    if req.source_at is not None:
        source_track = -1 if req.source_track is None else req.source_track
        found = await arrangement_index(app, source_track, req.source_at, address="/roo/separate")
        clip = await audio_clip(app, *found, address="/roo/separate", arrangement=True)
    else:
        clip = await audio_clip(app, req.track, req.slot, address="/roo/separate")
    track, slot, info, ctx, where = clip.track, clip.slot, clip.info, clip.context, clip.where
    # A warped source's stems get its warp markers copied in Live: they must be whole files.
    start_s, end_s = (None, None) if info.warping else (clip.start_s, clip.end_s)
    await asyncio.to_thread(require_demucs, req.model)  # offline without weights: fail now, not after retries
    folder = stems_folder(info.name or Path(info.file_path).stem)
    paths: dict[str, str] = await get_worker(app).call(
        job,
        SEPARATE_TARGET,
        path=info.file_path,
        out_dir=str(folder),
        model=req.model,
        exact_sum=True,
        start_s=start_s,
        end_s=end_s,
    )
    app.result(job.client, job.id, "stems", {"folder": str(folder), "files": paths, "source": where})
    params = {"model": req.model, "source": where, "source_file": info.file_path}
    take = audio_take("separate", "stems", params=params, live={}, files=paths, versions={"model": req.model})
    job.takes.append(take)  # the stems are kept even where Live cannot place them
    if ctx.version_tuple < AUDIO_CLIPS_SINCE:
        return (
            f"stems of {where} written to {folder} (Live {ctx.live_version} cannot create audio clips "
            f"before 12.0.5: drag them in)"
        )
    job.report(0.98, "placing stems in Live")
    names = [f"{info.name} {stem}".strip() for stem in paths]
    made: list[NewTrack] = []  # taken back, those still empty, if placing the stems fails or is cancelled

    def kept(tracks: tuple[int, ...]) -> None:  # the take says where its stems are (no track: files only)
        take.live = {"track": made[0].track, "slot": slot, "tracks": len(tracks)} if tracks else {}

    async with taken_back_on_failure(app, made, f"job {job.id} (separate {where})", kept):
        first = await app.live.create_tracks("audio", track, names)
        made.extend(NewTrack(first + offset, name) for offset, name in enumerate(names))
        if req.arrangement:
            start = await stems_start(app, clip, req.at)
            take.live = {"track": first, "start_beats": start, "tracks": len(names)}
            await in_arrangement(app, job, clip, made, paths, start)
        else:
            take.live = {"track": first, "slot": slot, "tracks": len(names)}
            await place_stems(app, job, clip, made, paths)
    region = "whole file, warp markers copied" if info.warping else f"{start_s:.3f}..{end_s:.3f} s"
    placed = (
        f"in the Arrangement at {bar_at(take.live['start_beats'], ctx)}"
        if req.arrangement
        else f"scene {slot + 1}"
    )
    return (
        f"separated {where} ({region}) into {len(names)} stems on {tracks_at(first, len(names))}, "
        f"{placed}; files in {folder}"
    )


async def place_stems(
    app: App, job: Job, clip: AudioClip, made: list[NewTrack], paths: dict[str, str]
) -> None:
    """Each stem's file into its new track, in the source's slot; a warped source's timing copied on.
    A cancel that came while a write was on its way (the write landed, so it returned) stops before
    the next one."""
    for new, path in zip(made, paths.values(), strict=True):
        job.check_cancelled()
        placed = await app.live.import_audio(
            new.track, clip.slot, path, new.name, bool(clip.info.warping), 0.0
        )
        if clip.info.warping:
            try:
                await app.live.copy_timing(clip.track, clip.slot, *placed)
            except LiveError as exc:  # LiveUnreachable stays LiveUnreachable
                raise type(exc)(
                    f"stem {new.name!r} is at {slot_at(*placed)} but does not play in time "
                    f"with {clip.where}: copying the source's warp markers failed ({exc})"
                ) from exc
