"""/roo/generate <part> (name value)*: write a part that fits the song into a Live clip slot.

A generate reads as its five steps, each in its own module, in this order:

1. parse: the arguments checked into a request (``generate.request``);
2. song context: Live's context merged with the request, the target slot, the source clip to
   follow, and what the write will expect of Live (``generate.context``);
3. make the part: the source followed and the notes made, or taken as prepared, and the take
   drafted (``generate.part``);
4. write: one ``app.live.write`` (``bridge.live.writes``), refused by Live when the song context,
   the selection or the source clip changed meanwhile; the part is then made again for what Live
   holds now (at most ``ATTEMPTS`` times);
5. record: the take, the song's memory of the part, the done message (``generate.record``).

The song context (tempo, signature, key and scale, selection) comes from Live; analysed chords
from the last /roo/analyze. An existing clip is never overwritten unless ``replace 1`` is given:
the Remote Script then writes into the next empty slot below and the reply says which. ``all``
and ``song`` write several parts (``bridge.actions.generate.multi``).
"""

from __future__ import annotations

import logging
from typing import Any

from bridge.actions.generate import multi
from bridge.actions.generate import record as generate_record
from bridge.actions.generate.arrangement import one_part as in_arrangement
from bridge.actions.generate.arrangement_all import all_parts as all_in_arrangement
from bridge.actions.generate.context import SEVERAL, expects, musical_context, song_context
from bridge.actions.generate.part import make_part, refuse_empty, take_draft
from bridge.actions.generate.request import MAX_BARS, GenerateRequest, parse_request
from bridge.actions.place.made import taken_back_on_failure
from bridge.actions.place.track import Placed
from bridge.actions.takes import write_recorded
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import ClipWrite, LiveContext, StaleContext, StaleSource
from engines.errors import LiveError

log = logging.getLogger(__name__)

__all__ = ["MAX_BARS", "GenerateRequest", "musical_context", "parse_request", "refuse_empty", "run"]

ATTEMPTS = 3  # a write refused for a changed context, then for a changed source, is made a third time


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    live, seq = await app.live.current_context()  # pushed by Live: no round trip once it came
    job.report(0.2, "song context read")
    seed = req.seed if req.seed is not None else job.id
    if req.part == "all" and req.arrangement:
        return await all_in_arrangement(app, job, req, live, seq, seed)
    if req.part in SEVERAL:
        return await multi.run(app, job, req, await song_context(app, req, live, seq, job=job), seed)
    made: list[Placed] = []  # the track made for the part, when the track rule made one
    async with taken_back_on_failure(app, made, f"job {job.id} (generate {req.part})"):
        if req.arrangement:
            return await in_arrangement(app, job, req, live, seq, seed, made)
        return await one_part(app, job, req, live, seq, seed, made)


async def one_part(
    app: App, job: Job, req: GenerateRequest, live: LiveContext, seq: int, seed: int, made: list[Placed]
) -> str:
    """Steps 2 to 5 for one part, made again (at most ``ATTEMPTS`` times) while Live refuses the write
    as stale; a track made for the part is added to ``made``."""
    again = ""  # said in the final message too: progress reports close together are thinned out
    for attempt in range(ATTEMPTS):
        song = await song_context(app, req, live, seq, made, job)
        part = await make_part(app, job, req, song, seed)
        take = take_draft(req, part, seed)
        own = song.source_take is not None and song.source_take.part == req.part
        on_selection = req.track == -1 and req.slot == -1  # the device's Vary: no place named
        if own and on_selection and take.parent_id is None and take.varies is None:  # a variation
            take.parent_id = song.source_take.take_id
        clip = ClipWrite(*song.where, part.ctx.length_beats, f"{req.part} {part.ctx.genre} s{seed}",
                         part.notes, req.replace)  # fmt: skip
        try:
            written = await write_recorded(
                app, job, take, app.live.write(clip, expect=expects(app, req, song))
            )
            break
        except (StaleContext, StaleSource) as stale:
            if attempt == ATTEMPTS - 1:
                raise LiveError(
                    "the song context or the source clip changed again while the part was made again for "
                    "it: generate again"
                ) from stale
            if isinstance(stale, StaleContext):
                live, seq = stale.context, stale.seq  # regenerate for what Live holds now
            what = "song context" if isinstance(stale, StaleContext) else "source clip"
            again = f" (made again: the {what} changed while it was written)"
            job.report(0.3, f"the {what} changed: generating again for it")
    return generate_record.record(app, job.id, req, part, take, song.where, written, seed) + again
