"""/roo/transcribe: an audio clip's notes as a MIDI clip on a new track beside it, one undo step.

Four steps: parse (``transcribe.request``); find the audio clip (the given or selected slot, or an
arrangement clip by ``source_track``/``source_at``) and read its warp markers; run the engine on
its marked region in the model worker (``engines.transcription``; progress and cancel as for every
worker job); place the notes in beats through the markers (``transcribe.place``) and write the
new MIDI track with its clip in one Remote Script step (/roo/live/new_track_clip: one undo step,
nothing made when Live refuses). The take keeps the kind used and the settings. Silence, noise, a
clip too short, a drum loop asked as melody: the engine's error names what it found, nothing is
written. The song's key goes to the engine: the request's ``key`` where it names one, else the Set's
where someone chose it (``transcribe.key``: Live's root and scale with Scale Mode on or set away from
Live's default, else a key this Set's analysis found): it decides a sung take's tuning where the audio
cannot (``engines.transcription.tuning.in_key``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.actions.clips.at_beat import arrangement_index
from bridge.actions.clips.audio import AudioClip, audio_clip
from bridge.actions.place.places import bar_at, track_at
from bridge.actions.separate.arrangement import stems_start
from bridge.actions.takes import midi_take, write_recorded
from bridge.actions.transcribe import place
from bridge.actions.transcribe.key import song_key
from bridge.actions.transcribe.request import TranscribeRequest, parse_request
from bridge.app import App
from bridge.history import AudioOut
from bridge.jobs.board import Job
from bridge.jobs.worker import get_worker
from engines.errors import InvalidValue, UnsuitableAudio
from engines.music import MusicalContext

TARGET = "engines.transcription.files:transcribe_file"
PARTS = {"melody": "melody", "bass": "bass", "piano": "chords", "chords": "chords", "drums": "drums"}


async def source_clip(app: App, req: TranscribeRequest) -> AudioClip:
    """The audio clip the request names (the selected one by default)."""
    if req.source_at is not None:
        track = -1 if req.source_track is None else req.source_track
        found = await arrangement_index(app, track, req.source_at, address=protocol.TRANSCRIBE)
        return await audio_clip(app, *found, address=protocol.TRANSCRIBE, arrangement=True)
    in_arrangement = req.arrangement and req.track == -1 and req.slot == -1  # the one in the Clip View
    return await audio_clip(app, req.track, req.slot, address=protocol.TRANSCRIBE, arrangement=in_arrangement)


def file_tempo_bpm(clip: AudioClip) -> float | None:
    """The tempo the region plays at in the Set when warped (its beats over its seconds); None unwarped."""
    info = clip.info
    if not info.warping or clip.start_s is None or clip.end_s is None or clip.end_s <= clip.start_s:
        return None
    return 60.0 * (info.end_marker_beats - info.start_marker_beats) / (clip.end_s - clip.start_s)


async def transcribed(
    app: App, job: Job, req: TranscribeRequest, clip: AudioClip, stem: tuple[str, str] | None = None
) -> dict[str, Any]:
    """The engine's answer for the clip's region (or a stem file of that region): {"kind": used,
    "chosen_because": why, "notes": [(pitch, start_s, end_s, velocity)]}."""
    path, start_s, end_s = (stem[1], None, None) if stem else (clip.info.file_path, clip.start_s, clip.end_s)
    heard = f"{clip.where}'s {stem[0]} stem" if stem else clip.where
    key = req.key or await song_key(app, clip.context)  # the key asked for wins over the Set's
    try:
        result: dict[str, Any] = await get_worker(app).call(
            job,
            TARGET,
            path=path,
            start_s=start_s,
            end_s=end_s,
            kind=req.kind,
            tempo_bpm=file_tempo_bpm(clip),
            key=key,
        )
    except UnsuitableAudio as exc:  # silence, noise, too short, drums asked as a pitched kind
        raise UnsuitableAudio(f"{heard}: {exc}; nothing was written") from exc
    job.check_cancelled()
    return result


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    return await transcribe_clip(app, job, req, await source_clip(app, req))


async def transcribe_clip(
    app: App, job: Job, req: TranscribeRequest, clip: AudioClip, stem: tuple[str, str] | None = None
) -> str:
    """Transcribe the clip (or ``stem``: its name and the file of the clip's region) and write the notes
    on a new MIDI track after it, in one undo step; the done message."""
    info, ctx = clip.info, clip.context
    warping, markers = await app.live.warp_markers(clip.track, clip.slot, clip.arrangement)
    job.report(0.05, f"transcribing {clip.where}{f' {stem[0]} stem' if stem else ''} as {req.kind}")
    result = await transcribed(app, job, req, clip, stem)
    kind = str(result["kind"])
    line = place.timeline(
        region_start_s=clip.start_s or 0.0, start_marker_beats=info.start_marker_beats,
        end_marker_beats=info.end_marker_beats, tempo_bpm=ctx.tempo_bpm, warping=warping, markers=markers,
    )  # fmt: skip
    pairs = place.placed(result["notes"], line, req.quantize)
    notes = [note for _row, note in pairs]
    if not notes:
        raise InvalidValue(f"{clip.where} as {kind}: no notes inside the clip's region; nothing was written")
    source = " ".join(filter(None, (info.name or info.track_name or "Audio", stem[0] if stem else "")))
    track_name, clip_name = place.names(source, kind)
    start = await stems_start(app, clip, None) if req.arrangement else float(clip.slot)
    job.report(0.95, f"{len(notes)} {kind} notes found; writing track {track_name!r}")
    # the page draws the audio heard (its region) above the take's roll: "start_s"/"end_s" name the region
    region = {} if stem or clip.start_s is None else {"start_s": clip.start_s, "end_s": clip.end_s}
    params = {**req.settings(), "kind_used": kind, "source": clip.where, "source_file": info.file_path,
              **({"stem": stem[0]} if stem else region)}  # fmt: skip
    musical = MusicalContext(
        tempo_bpm=ctx.tempo_bpm, signature=(ctx.signature_numerator, ctx.signature_denominator)
    )
    take = midi_take("transcribe", PARTS[kind], params=params, seed=0, ctx=musical, live={}, notes=notes,
                     engine=f"engines.transcription:{kind}")  # fmt: skip
    take.audio = [AudioOut(stem[0] if stem else "source", Path(stem[1] if stem else info.file_path))]
    write = app.live.new_track_clip(clip.track, track_name, (req.arrangement, start), line.length_beats,
                                    clip_name, notes)  # fmt: skip
    track, at, count = await write_recorded(app, job, take, write)
    where = {"start_beats": at} if req.arrangement else {"slot": int(at)}
    take.live = {"track": track, **where, "note_count": count, "length_beats": line.length_beats}
    app.result(job.client, job.id, "transcribe", {
        "kind": kind, "track": track, "slot": -1 if req.arrangement else int(at),
        "start_beats": at if req.arrangement else 0.0, "length_beats": line.length_beats, "note_count": count,
        "source": clip.where, "notes": place.note_rows(pairs),
    })  # fmt: skip
    placed_at = f"in the Arrangement at {bar_at(at, ctx)}" if req.arrangement else f"scene {int(at) + 1}"
    chose = f" (auto chose {kind}: {result.get('chosen_because', '')})" if req.kind == "auto" else ""
    gm = f"; {place.GM_DRUMS}" if kind == "drums" else ""
    heard = f"{clip.where}'s {stem[0]} stem" if stem else clip.where
    return f"transcribed {heard} as {kind}{chose}: {count} notes on new {track_at(track, track_name)}, {placed_at}{gm}"
