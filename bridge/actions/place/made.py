"""Tracks a job made in Live and takes back when it then fails or is cancelled.

A generate that makes a track for its part, ``generate all``/``song`` that make tracks for the
parts that have none, /roo/separate that makes one audio track per stem, /roo/accompany,
/roo/musicgen and the jam's "save the last bars" leave the Set as it was when they fail: each track they made that is still empty and still has its name is deleted
again (/roo/live/delete_tracks, one undo step each), the last made first. Live keeps one that was
renamed or holds a clip (a part or a stem already written into it, or the producer's own), and
then the tracks made before it are kept too, so that no kept track moves. The error says which
tracks were deleted and which were kept, and why.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Protocol

from bridge.actions.place.places import track_at
from bridge.app import App
from engines.errors import JobCancelled, LiveError, RooError

log = logging.getLogger(__name__)


class MadeTrack(Protocol):
    """A track a job made: its index and the name it was given."""

    @property
    def track(self) -> int: ...

    @property
    def name(self) -> str: ...


@dataclass(frozen=True, slots=True)
class NewTrack:
    track: int
    name: str


@dataclass(frozen=True, slots=True)
class TakenBack:
    told: str  # what to add to the error
    kept: tuple[int, ...]  # the indices of the made tracks Live still has, lowest first


async def take_back(app: App, made: Sequence[MadeTrack]) -> TakenBack:
    """Delete the tracks a job made (the last made first) until Live keeps one; what to say."""
    said = []
    kept: list[int] = []
    for made_track in reversed(made):
        where = track_at(made_track.track, made_track.name)
        if kept:  # deleting it would move the kept track after it
            said.append(f"the new {where} was kept too: a new track after it was kept")
            kept.append(made_track.track)
            continue
        try:
            await app.live.delete_tracks(made_track.track, [made_track.name])
        except RooError as exc:  # refused (renamed, holds a clip), or Live gone: it stays, and we say so
            said.append(f"the new {where} was kept: deleting it failed ({exc})")
            kept.append(made_track.track)
        else:
            said.append(f"the new {where} it made was deleted again")
    return TakenBack("; ".join(said), tuple(sorted(kept)))


def retold(exc: RooError, told: str) -> RooError:
    """``exc`` with ``told`` added to its message (the same type, so it reads as it did)."""
    try:
        return type(exc)(f"{exc}; {told}")
    except TypeError:  # an error built from other values (StaleContext): LiveError says both
        return LiveError(f"{exc}; {told}")


@asynccontextmanager
async def taken_back_on_failure(
    app: App, made: Sequence[MadeTrack], what: str, kept: Callable[[tuple[int, ...]], None] | None = None
) -> AsyncIterator[None]:
    """Run the block; when it fails or is cancelled after tracks were added to ``made``, take them
    back (``take_back``), tell ``kept`` the indices of those Live kept, and say so in the error (a
    project error's message, else a note)."""
    try:
        yield
    except (Exception, asyncio.CancelledError) as exc:  # a failure or a cancel: the Set is left as it was
        if not made:
            raise
        back = await take_back(app, made)
        log.info("%s failed after making %d track(s): %s", what, len(made), back.told)
        if kept is not None:
            kept(back.kept)
        if isinstance(exc, RooError) and not isinstance(exc, JobCancelled):
            raise retold(exc, back.told) from exc
        exc.add_note(back.told)
        raise
