"""A part that follows an audio clip (issue 54): the clip's notes as heard, as if it were a MIDI clip.

``/roo/generate bass source_track T source_slot S`` naming an audio clip: the clip's marked region
is transcribed in the model worker (polyphonic, ``piano``, so chords are heard whole; ``auto`` for a
drum part, which takes onsets) and its notes are placed in the clip's beats through its warp markers
(``transcribe.place``), so the follow rule (``bridge.actions.follow.rule``) reads chords and onsets
from them as it reads a MIDI clip's. The song's key goes with it where someone chose it
(``transcribe.key``), as for /roo/transcribe. The write still checks the audio clip's digest in Live.
"""

from __future__ import annotations

from bridge.actions.clips.midi import MidiClip
from bridge.actions.place.places import slot_at
from bridge.actions.transcribe import place
from bridge.actions.transcribe.job import TARGET
from bridge.actions.transcribe.key import song_key
from bridge.app import App
from bridge.jobs.board import Job
from bridge.jobs.worker import get_worker
from bridge.live.client import LiveContext
from engines.errors import UnsuitableAudio


async def heard_clip(
    app: App, job: Job, track: int, slot: int, live: LiveContext, part: str, *, cached: bool = False
) -> MidiClip | None:
    """The audio clip at track/slot (-1: the selected) as a MidiClip of its transcribed notes; None when
    the slot holds a MIDI clip (read as such by the caller). Refusals name the clip."""
    track = live.selected_track if track == -1 else track
    slot = live.selected_slot if slot == -1 else slot
    if not 0 <= track < live.num_tracks or slot < 0:
        return None  # the MIDI reader says what is wrong
    reading = await app.live.clip_read(track, slot, cached=cached)
    info = reading.info
    if not info.is_audio_clip:
        return None
    where = f"{slot_at(track, slot)} ({info.name!r})"
    region = (info.start_s, info.end_s) if 0.0 <= info.start_s < info.end_s else (None, None)
    kind = "auto" if part == "drums" else "piano"
    job.report(0.25, f"hearing the notes of {where}, an audio clip, to follow them")
    key = await song_key(app, live)
    try:
        result = await get_worker(app).call(job, TARGET, path=info.file_path, start_s=region[0], end_s=region[1],
                                            kind=kind, key=key)  # fmt: skip
    except UnsuitableAudio as exc:
        raise UnsuitableAudio(f"{where} cannot be followed: {exc}") from exc
    job.check_cancelled()
    warping, markers = await app.live.warp_markers(track, slot)
    line = place.timeline(
        region_start_s=region[0] or 0.0, start_marker_beats=info.start_marker_beats,
        end_marker_beats=info.end_marker_beats, tempo_bpm=live.tempo_bpm, warping=warping, markers=markers,
    )  # fmt: skip
    notes = [note for _row, note in place.placed(result["notes"], line)]
    return MidiClip(track, slot, info, live, notes, reading.digest, chosen="named")
