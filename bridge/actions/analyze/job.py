"""/roo/analyze [track slot] [(name value)*]: analyse a clip and make it the song context.

The request is parsed by ``analyze.request``. A MIDI clip is read from its notes (``analyze.midi``); what follows is about audio clips.

The clip (the selected one unless track and slot are given) is analysed in the model worker
(``engines.analysis.cache:analyze_file``, so a clip analysed before answers from the disk cache).
Only the region between the clip's start and end markers is analysed (mapped through the warp
markers when the clip is warped). The result goes to the client as an ``analysis`` result; its
chords, converted to the clip's beats (``chord_tempo_bpm``), become ``app.song.chords`` for the
generators. Options (``protocol.ANALYZE_OPTIONS``): ``backend madmom|librosa``; ``apply 1`` also
sets Live's tempo and, on Live 12, root and scale (``analyze.apply``: Live keeps its tempo level,
an unsure key is not set, ``force 1`` sets both as detected); ``warp 1`` warps the clip so its
bars land on Live's bar lines and reads the chords through the new markers (``analyze.warp``);
``arrangement 1`` makes track and slot name an arrangement clip by index (-1 -1: the one in
Live's Clip View).
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.actions.analyze import held as analysed
from bridge.actions.analyze import midi as analyze_midi
from bridge.actions.analyze.apply import apply_to_live, plan_values
from bridge.actions.analyze.request import AnalyzeRequest, parse_request
from bridge.actions.analyze.warp import plan_for, warp_to_song
from bridge.actions.clips.audio import AudioClip, audio_clip
from bridge.actions.clips.midi import MidiClip, midi_clip
from bridge.actions.takes import audio_take
from bridge.app import App
from bridge.jobs.board import Job
from bridge.jobs.worker import get_worker
from engines.analysis.result import NO_KEY, AnalysisResult, chords_in_beats

__all__ = ["AnalyzeRequest", "chord_tempo_bpm", "parse_request", "run"]

ANALYZE_TARGET = "engines.analysis.cache:analyze_file"


async def _midi_clip_at(app: App, req: AnalyzeRequest) -> MidiClip | None:
    """The MIDI clip at the request's track/slot, or None when it is an audio clip (or none is there)."""
    live = await app.live.context()
    track = live.selected_track if req.track == -1 else req.track
    slot = live.selected_slot if req.slot == -1 else req.slot
    if track < 0 or slot < 0 or track >= live.num_tracks:
        return None  # audio_clip answers with the reason
    info = await app.live.clip_info(track, slot)
    if info.is_audio_clip:
        return None
    return await midi_clip(app, track, slot, address=protocol.ANALYZE, live=live)


def chord_tempo_bpm(clip: AudioClip, result: AnalysisResult, *, applied: bool) -> float:
    """Beats per minute that place the analysed chords where they sound in Live's timeline.

    A warped clip plays its region over its markers' beats, whatever the music's tempo. An
    unwarped one plays its seconds as they are, so at Live's tempo: the detected one when
    ``applied`` sets it, else the Set's current tempo (the parts then line up with the audio
    even where the clip's own tempo differs).
    """
    info = clip.info
    if info.warping and clip.start_s is not None and clip.end_s is not None:
        return 60.0 * (info.end_marker_beats - info.start_marker_beats) / (clip.end_s - clip.start_s)
    if applied and result.live_tempo_bpm is not None:
        return result.live_tempo_bpm  # Live's beats are quarter notes, whatever the analysed pulse
    return clip.context.tempo_bpm


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    if not req.arrangement:
        midi = await _midi_clip_at(app, req)
        if midi is not None:
            return await analyze_midi.run(app, job, req, midi)
    clip = await audio_clip(app, req.track, req.slot, address=protocol.ANALYZE, arrangement=req.arrangement)
    where = clip.where
    result: AnalysisResult = await get_worker(app).call(
        job,
        ANALYZE_TARGET,
        path=clip.info.file_path,
        backend=req.backend,
        start_s=clip.start_s,
        end_s=clip.end_s,
    )
    app.result(
        job.client, job.id, "analysis", {**result.to_dict(), "source": where, "file": clip.info.file_path}
    )
    live = clip.context
    values, notes = plan_values(result, live, force=req.force) if req.apply else ({}, [])
    # warped in the signature Live will have: apply sets the analysed one first
    signature = (
        int(values.get("signature_numerator", live.signature_numerator)),
        int(values.get("signature_denominator", live.signature_denominator)),
    )
    plan = plan_for(clip, result, signature) if req.warp else None  # refused before Live changes
    tempo = "no tempo" if result.live_tempo_bpm is None else f"{result.live_tempo_bpm:.1f} BPM"
    if result.time_signature is not None:
        tempo += f" in {result.time_signature[0]}/{result.time_signature[1]}"
        if result.meter_ambiguous:
            tempo += result.rival_asked
    done: list[str] = []
    warped = None
    if req.apply:  # before the warp: its markers are laid on the signature this sets
        done.append(await apply_to_live(app, values, notes))
    if plan is not None:  # the analysis has reported progress 1: no report that would go back
        warped = await warp_to_song(app, clip, result, plan, values.get("tempo_bpm", live.tempo_bpm))
    if warped is not None:
        done.append(warped.summary)
    app.song.analyzed_tempo_bpm = result.tempo_bpm
    if result.key == NO_KEY:
        # No pitched sound (a drum loop): the chords the parts follow stay those of the last tonal clip.
        kept = (
            f"the {len(app.song.chords)} chords of {app.song.chords_source} kept"
            if app.song.chords
            else "no chords"
        )
        summary = f"{where}: {tempo}, no key (no pitched sound), {kept}"
    else:
        if warped is not None:
            app.song.chords = warped.chords
        else:
            app.song.chords = chords_in_beats(
                result, tempo_bpm=chord_tempo_bpm(clip, result, applied=req.apply)
            )
        app.song.chords_source = where
        app.song.chords_clip = None  # an arrangement clip: nothing kept to check it by
        if not req.arrangement:
            analysed.remember(app, clip.track, clip.slot, f"file:{clip.info.file_path}", live, result.key)
        summary = f"{where}: {tempo}, {result.key}, {len(app.song.chords)} chords"
    job.takes.append(
        audio_take(
            "analyze",
            "",
            # the region analysed, in seconds of the file (None: all of it): the analysis' times
            # count from its start
            params={"backend": req.backend, "source": where, "start_s": clip.start_s, "end_s": clip.end_s},
            live={"track": clip.track, "slot": clip.slot},
            files={"source": clip.info.file_path},
            versions={"backend": req.backend},
            analysis=result.to_dict(),
        )
    )
    return "; ".join([summary, *done])
