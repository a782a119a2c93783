"""/roo/transform <kind> track T slot S arrangement 1: transform an arrangement clip in place.

``slot`` is the clip's index among the track's arrangement clips by start time (-1 -1: the one
shown in Live's Clip View), as for /roo/analyze's arrangement 1. Its notes are read in one round
trip, transformed as a session clip's are, and written back as a new arrangement clip at the same
start and length, which cuts the old one (Live's own rule): one undo step brings the old clip
back. The take records where it landed (track and start beat). Live older than 12.1.10 cannot
write arrangement clips: refused naming the version by the Remote Script, nothing written.
"""

from __future__ import annotations

from bridge import protocol
from bridge.actions.clips.midi import from_reading
from bridge.actions.place.places import arrangement_clip_at
from bridge.actions.takes import write_recorded
from bridge.actions.transform.make import transformed
from bridge.actions.transform.request import TransformRequest
from bridge.app import App
from bridge.jobs.board import Job


async def in_place(app: App, job: Job, req: TransformRequest) -> str:
    live = await app.live.context()
    reading = await app.live.clip_read(req.track, req.slot, arrangement=True)
    clip = from_reading(reading, live, protocol.TRANSFORM, arrangement=True)
    start = float(clip.info.start_time_beats)
    job.report(0.3, f"{len(clip.notes)} notes read from {clip.where}")
    draft, result, name, note = await transformed(app, req, clip, job, parent=False, at_beats=start)
    write = app.live.write_arrangement_clip(clip.track, start, clip.length_beats, name, result.notes, True)
    track, at_beats, count = await write_recorded(app, job, draft, write)
    draft.live = {
        "track": track,
        "start_beats": at_beats,
        "length_beats": clip.length_beats,
        "note_count": count,
    }
    return (
        f"{req.kind} of {arrangement_clip_at(track, at_beats, live, clip.info.track_name, clip.info.name)}: "
        f"{count} notes in its place{note}; one undo brings the clip back"
    )
