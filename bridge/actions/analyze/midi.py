"""/roo/analyze on a MIDI clip: its notes' chords and key become the song's, as an audio analysis's do.

The clip's notes are read through the Remote Script; the harmony is a chord per beat (inversions,
sevenths, "N" where nothing sounds), seconds in the ``analysis`` result follow Live's tempo, and
``backend`` is "midi". A key read below the apply level is said with its rival ("E minor (0.45,
held: E minor or A major?)"). A drum clip has no key and keeps the song's chords. ``apply 1`` sets Live's
root and scale from a confident key (a MIDI clip has no tempo of its own to set); ``warp 1`` is
refused, a MIDI clip has nothing to warp.
"""

from __future__ import annotations

from functools import partial

from bridge.actions.analyze import held as analysed
from bridge.actions.analyze.apply import KEY_CONFIDENCE_MIN, apply_to_live, plan_values
from bridge.actions.analyze.request import AnalyzeRequest
from bridge.actions.clips.midi import MidiClip
from bridge.app import App
from bridge.jobs.board import Job
from engines.analysis.result import AnalysisResult
from engines.errors import InvalidValue
from engines.symbolic import analysis_dict, describe
from engines.symbolic.midi_in import DRUM_CHANNEL, MidiTrack, MidiTracks


async def run(app: App, job: Job, req: AnalyzeRequest, clip: MidiClip) -> str:
    if req.warp:
        raise InvalidValue(
            f"{clip.where} is a MIDI clip: warp 1 needs an audio clip (a MIDI clip has no warp markers)"
        )
    live = clip.context
    signature = (live.signature_numerator, live.signature_denominator)
    desc = await app.run_cpu(partial(describe, drums=clip.drums_by_name), clip.notes, clip.length_beats)
    channel = DRUM_CHANNEL if desc.profile.role == "drums" else 0  # a drum clip's notes are not harmony
    track = MidiTrack(clip.info.name, channel, tuple(clip.notes))
    song = MidiTracks(float(live.tempo_bpm), signature, None, (track,), clip.length_beats)
    data = await app.run_cpu(analysis_dict, song)
    app.result(job.client, job.id, "analysis", {**data, "source": clip.where, "file": ""})
    summary: str
    if desc.key is None:
        kept = (
            f"the {len(app.song.chords)} chords of {app.song.chords_source} kept"
            if app.song.chords
            else "no chords"
        )
        summary = f"{clip.where}: MIDI, no key (no pitched notes), {kept}"
    else:
        app.song.chords = desc.generator_chords()
        app.song.chords_source = clip.where
        analysed.remember(app, clip.track, clip.slot, clip.digest, live, desc.key)
        held = desc.key_confidence < KEY_CONFIDENCE_MIN
        key = desc.key_said(KEY_CONFIDENCE_MIN) if held else str(desc.key)
        summary = f"{clip.where}: MIDI, {key}, {len(app.song.chords)} chords"
    if not req.apply:
        return summary
    result = AnalysisResult(
        duration_s=float(data["duration_s"]),
        sample_rate=0,
        tempo_bpm=None,  # Live's own tempo plays the clip: nothing to set
        beats_s=tuple(data["beats_s"]),
        downbeats_s=tuple(data["downbeats_s"]),
        time_signature=signature,
        key=str(data["key"]),
        key_confidence=float(data["key_confidence"]),
        key_alternatives=tuple((str(k), c) for k, c in desc.key_alternatives),
        key_ambiguous=desc.mode_open,
        chords=(),
        backend="midi",
    )
    values, notes = plan_values(result, live, force=req.force)
    return "; ".join([summary, await apply_to_live(app, values, notes)])
