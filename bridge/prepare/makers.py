"""What pre-generation needs the actions to make, handed to it when it is attached (``Makers``).

Pre-generation sits beside the actions it prepares for and never imports one: the daemon hands
``bridge.prepare.attach`` the actions' makers (``bridge.actions.prepare_makers.MAKERS``): a part as
a generate would make it, the next take of a loop as a vary would render it, and the description
of a MIDI clip Live pushed, made as a generate following it would make it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bridge.jobs.board import Job
from bridge.live.client import LiveContext, Reading
from engines.music import MusicalContext, Note

# (context with the source's chords, its Follow or None, (density, complexity), notes)
Made = tuple[MusicalContext, Any, tuple[float, float], list[Note]]


@dataclass(frozen=True)
class Makers:
    """part(app, part, settings, live, seed): the part a generate with these settings would make in
    ``live`` now (raises RooError when it cannot be made); loop(app, job, settings, ctx): the
    rendered takes of a loop's settings (``render_settings``) at ``ctx``'s tempo, and its first
    file; describe_pushed(reading, live): describe a pushed clip (CPU; None for an audio clip)."""

    part: Callable[[Any, str, dict[str, Any], LiveContext, int], Awaitable[Made]]
    loop: Callable[[Any, Job, dict[str, Any], LiveContext], Awaitable[tuple[dict[str, Any], Path]]]
    describe_pushed: Callable[[Reading, LiveContext], object]
