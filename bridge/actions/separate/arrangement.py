"""/roo/separate ... arrangement 1: the stems as arrangement audio clips, one new track per stem.

Each stem starts where its source clip starts in the Arrangement (``at`` when given; a session
source: the loop brace's start), written with ``Track.create_audio_clip(path, position)`` (Live
12.0.5+, through /roo/live/import_arrangement_audio). An unwarped source's stems are its marked
region and play unwarped from their first sample, so each sample sounds where the source plays it;
a warped source's stems are whole files and get the source clip's timing copied on
(/roo/live/copy_timing with the arrangement flags).
"""

from __future__ import annotations

from bridge.actions.clips.audio import AudioClip
from bridge.actions.place.made import NewTrack
from bridge.actions.place.places import bar_at, track_at
from bridge.app import App
from bridge.jobs.board import Job
from engines.errors import LiveError


async def stems_start(app: App, clip: AudioClip, at: float | None) -> float:
    """Where the stems start: ``at``, else the source's own start, else the loop brace's."""
    if at is not None:
        return at
    if clip.arrangement and clip.info.start_time_beats >= 0.0:
        return clip.info.start_time_beats
    return (await app.live.loop_brace())[0]


async def in_arrangement(
    app: App,
    job: Job,
    clip: AudioClip,
    made: list[NewTrack],
    paths: dict[str, str],
    start: float,
) -> None:
    """Each stem's file on its new track at ``start`` (a new track: nothing lies under it); a warped
    source's timing copied on."""
    warped = bool(clip.info.warping)
    for new, path in zip(made, paths.values(), strict=True):
        job.check_cancelled()
        track, _at, _length = await app.live.import_arrangement_audio(
            new.track, start, path, new.name, 0.0, False, warp=warped
        )
        if warped:
            try:  # the new track holds this one clip: index 0
                await app.live.copy_timing(clip.track, clip.slot, track, 0, (clip.arrangement, True))
            except LiveError as exc:
                raise type(exc)(
                    f"stem {new.name!r} is on {track_at(track)} at {bar_at(start, clip.context)} but does not play in time with "
                    f"{clip.where}: copying the source's warp markers failed ({exc})"
                ) from exc
