"""/roo/analyze [track slot] [(name value)*]: analyse an audio clip and make it the song context.

The clip (the selected one unless track and slot are given) is analysed in the model worker
(``engines.analysis.cache:analyze_file``, so a clip analysed before answers from the disk cache).
Only the region between the clip's start and end markers is analysed (mapped through the warp
markers when the clip is warped). The result goes to the client as an ``analysis`` result; its
chords, converted to the clip's beats (``chord_tempo_bpm``), become ``app.song.chords`` for the
generators. Options: ``backend madmom|librosa``; ``apply 1`` also
sets Live's tempo to the detected one and, on Live 12, the song's root note and scale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions.audio_clip import AudioClip, audio_clip
from bridge.actions.options import parse_options
from bridge.app import App
from bridge.jobs import Job
from bridge.worker import get_worker
from engines.analysis.core import BACKENDS
from engines.analysis.result import NO_KEY, AnalysisResult, chords_in_beats
from engines.errors import InvalidValue
from engines.music import parse_key

ANALYZE_TARGET = "engines.analysis.cache:analyze_file"
OPTIONS = {"backend": "str", "apply": "int"}
SCALES_SINCE = (12, 0)  # Song.root_note and Song.scale_name


@dataclass(frozen=True, slots=True)
class AnalyzeRequest:
    track: int = -1  # -1: the selected track
    slot: int = -1  # -1: the selected slot
    backend: str = "madmom"
    apply: bool = False


def parse_request(args: list[Any]) -> AnalyzeRequest:
    """``[track slot] [(name value)*]``; errors name the offending value."""
    rest = list(args)
    track = slot = -1
    if rest and not isinstance(rest[0], str):
        if len(rest) < 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in rest[:2]):
            raise InvalidValue(
                f"/roo/analyze {args!r}: expected [track slot] as two integers, then (name value)*"
            )
        track, slot = int(rest[0]), int(rest[1])
        rest = rest[2:]
        if track < -1 or slot < -1:
            raise InvalidValue(
                f"track {track} / slot {slot}: expected an index >= 0, or -1 for the selected one"
            )
    options = parse_options(rest, OPTIONS, what="/roo/analyze")
    backend = options.get("backend", "madmom")
    if backend not in BACKENDS:
        raise InvalidValue(
            f"/roo/analyze option backend = {backend!r} is not valid: expected one of {BACKENDS}"
        )
    apply = options.get("apply", 0)
    if apply not in (0, 1):
        raise InvalidValue(f"/roo/analyze option apply = {apply!r} is not valid: expected 0 or 1")
    return AnalyzeRequest(track, slot, backend, bool(apply))


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
    if applied and result.tempo_bpm is not None:
        return result.tempo_bpm
    return clip.context.tempo_bpm


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    clip = await audio_clip(app, req.track, req.slot, address=protocol.ANALYZE)
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
    app.song.analyzed_tempo_bpm = result.tempo_bpm
    tempo = "no tempo" if result.tempo_bpm is None else f"{result.tempo_bpm:.1f} BPM"
    if result.key == NO_KEY:
        # No pitched sound (a drum loop): the chords the parts follow stay those of the last tonal clip.
        kept = (
            f"the {len(app.song.chords)} chords of {app.song.chords_source} kept"
            if app.song.chords
            else "no chords"
        )
        summary = f"{where}: {tempo}, no key (no pitched sound), {kept}"
    else:
        app.song.chords = chords_in_beats(result, tempo_bpm=chord_tempo_bpm(clip, result, applied=req.apply))
        app.song.chords_source = where
        summary = f"{where}: {tempo}, {result.key}, {len(app.song.chords)} chords"
    if req.apply:
        summary += "; " + await apply_to_live(app, result, clip.context.version_tuple)
    return summary


async def apply_to_live(app: App, result: AnalysisResult, live_version: tuple[int, ...]) -> str:
    """Set Live's tempo, and on Live 12 its root and scale, from the result; says what was set."""
    values: dict[str, Any] = {}
    if result.tempo_bpm is not None:
        values["tempo_bpm"] = round(result.tempo_bpm, 2)
    if result.key != NO_KEY and live_version >= SCALES_SINCE:
        key = parse_key(result.key)
        values["root_note"], values["scale_name"] = key.tonic, key.scale
    if not values:
        return "nothing to set in Live (no tempo and no key found)"
    await app.live.set_context(**values)
    skipped = "" if live_version >= SCALES_SINCE else " (root and scale need Live 12)"
    return "set Live's " + ", ".join(f"{k} {v}" for k, v in values.items()) + skipped
