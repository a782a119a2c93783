"""/roo/transform <kind> track T slot S [name value]...: a new clip made from an existing one.

The clip's notes are read through the Remote Script (or taken as Live pushed them, for the selected
clip), transformed by ``engines.transforms`` (on the CPU thread) and written to the next empty slot
of the same track, or over the clip with ``replace 1``. The song context is the one Live pushed:
the write carries its version and the clip's digest, and Live refuses it when the clip, the time
signature or (for a clip picked by the selection) the selection changed meanwhile; it is then
transformed again for what Live holds now. The clip's key for diatonic moves is ``key`` if given, else the one its notes
suggest; the seed is the job id unless given, so a repeat gives a new variation.
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.actions.clips.midi import midi_clip
from bridge.actions.place.places import slot_at
from bridge.actions.takes import write_recorded
from bridge.actions.transform import arrangement
from bridge.actions.transform.make import transformed
from bridge.actions.transform.request import TransformRequest, parse_request
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import ClipWrite, Expect, StaleContext, StaleSource
from engines.errors import LiveError
from engines.transforms.accents import velocity_factor

ATTEMPTS = 3  # a write refused for a changed context, then for a changed clip, is made a third time


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    if req.arrangement:
        return await arrangement.in_place(app, job, req)
    live, seq = await app.live.current_context()  # pushed by Live: no round trip once it came
    follows = req.track == -1 or req.slot == -1  # the selection picked the clip
    for attempt in range(ATTEMPTS):
        # the clip Live pushed (the selected one) or read earlier may serve: the write checks it
        clip = await midi_clip(
            app, req.track, req.slot, address=protocol.TRANSFORM, live=live, cached=seq >= 0
        )
        job.report(0.3, f"{len(clip.notes)} notes read from {clip.where}")
        draft, result, name, note = await transformed(app, req, clip, job)
        # refused when the clip, the signature or (if it picked the clip) the selection changed;
        # nothing is checked while Live has pushed no context (it came from a query)
        clip_write = ClipWrite(clip.track, clip.slot, result.length_beats, name, result.notes, req.replace)
        write = app.live.write(clip_write, expect=Expect(seq, follows, clip.source))
        try:
            track, slot, count = await write_recorded(app, job, draft, write)
            break
        except (StaleContext, StaleSource) as stale:
            if attempt == ATTEMPTS - 1:
                raise LiveError(
                    "the clip or the song context changed again while it was transformed: transform again"
                ) from stale
            if isinstance(stale, StaleContext):
                live, seq = stale.context, stale.seq  # transform again in what Live holds now
            job.report(0.3, "the clip or the song context changed: transforming again")
    draft.live = {"track": track, "slot": slot, "length_beats": result.length_beats, "note_count": count}
    where = slot_at(track, slot)
    return f"{req.kind}{how_much(req)} of {clip.where}: {count} notes, {result.length_beats:g} beats in {where}{note}"


def how_much(req: TransformRequest) -> str:
    """How much a level or a density was changed, as the answer says it (" x1.15", " 0.6 (0.5 keeps)"):
    a producer who said "a little louder" reads that it was a little (issue 55)."""
    if "amount" not in req.options or req.kind not in ("velocity", "density"):
        return ""
    amount = float(req.options["amount"])
    return f" x{velocity_factor(amount):.2f}" if req.kind == "velocity" else f" {amount:g} (0.5 keeps)"
