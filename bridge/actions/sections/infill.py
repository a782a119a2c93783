"""MIDI-GPT over a section ("infill the bass in the chorus"): /roo/infill on the arrangement clip
that holds the section, its bars (counted in the clip, from the clip's own beat 0) rewritten in place
and every other note kept, one undo step (``bridge.actions.infill.arrangement``).

MIDI-GPT rewrites one clip of one track a time: a part (or a track) must be said, the section must
lie in one clip, and "every chorus" is refused naming what to say instead.
"""

from __future__ import annotations

import importlib
import math
from typing import Any

from bridge.actions.place.places import arrangement_clip_at, bar_at
from bridge.actions.sections.span import Span
from bridge.app import App
from bridge.jobs.board import Job
from engines.errors import InvalidValue, ModelUnavailable


def args_for(
    track: int, index: int, clip: tuple[float, float, float], span: Span, names: tuple[str, str] = ("", "")
) -> list[Any]:
    """/roo/infill's arguments for the section ``span`` in the clip (start, end, start marker; ``names``:
    its track's and its own, for the refusal)."""
    start, end, marker = clip
    if span.start < start - 1e-6 or span.end > end + 1e-6:
        raise InvalidValue(
            f"{span.said} runs past {arrangement_clip_at(track, start, span.signature, *names)} (to "
            f"{bar_at(end, span.signature)}): MIDI-GPT "
            "rewrites bars inside one clip (say 'vary' to change the section over several clips)"
        )
    first = math.floor((span.start - start + marker) / span.bar + 1e-6) + 1
    last = max(first, math.ceil((span.end - start + marker) / span.bar - 1e-6))
    return [
        track,
        index,
        "bars",
        f"{first}-{last}",
        "arrangement",
        1,
        "source_track",
        track,
        "source_at",
        float(start),
    ]


async def run(app: App, job: Job, args: list[Any]) -> str:
    action = importlib.import_module("bridge.actions").JOB_ACTIONS.get("/roo/infill")
    if action is None:
        raise ModelUnavailable(
            "infill is not available in this version of MuseAroo (/roo/infill); nothing was done"
        )
    return str(await action(app, job, args))
