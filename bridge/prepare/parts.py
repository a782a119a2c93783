"""The other parts of the song, prepared in idle time for the next /roo/generate.

After a generate (drums, say), the likeliest next requests are the song's other parts, or a vary
of the same part (its first take), with the same settings (bars, genre, density, complexity, groove) in the current context. Their notes are
made for the seed the next job will get (a generate without ``seed`` uses its job id), following
the source clip a generate would follow now (the selected MIDI clip), and kept with everything
they were made from; a generate whose part, musical context, dials, seed and source are all equal
takes them instead of generating (the notes are the ones it would have made). A new tempo, time signature, key or scale in Live drops them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bridge.live.client import LiveContext
from bridge.prepare.makers import Made
from engines.errors import RooError
from engines.music import MusicalContext, Note

PARTS = ("drums", "bass", "chords", "melody")  # the song's parts, in the order they are usually made
SETTINGS = ("bars", "genre", "density", "complexity", "swing", "humanize", "accent", "intensity", "fills")


@dataclass(frozen=True)
class PreparedPart:
    """One part's notes and what they were made from (all of it must match to serve them)."""

    part: str
    seed: int
    ctx: MusicalContext
    density: float
    complexity: float
    follow: Any  # the Follow of the source clip it was made to follow, or None
    notes: tuple[Note, ...]
    live_key: tuple[Any, ...]  # Live's tempo, signature, key and scale when they were made


def live_key(live: LiveContext) -> tuple[Any, ...]:
    """What of Live's context the notes depend on (the selection only says where they go)."""
    return (
        float(live.tempo_bpm),
        int(live.signature_numerator),
        int(live.signature_denominator),
        int(live.root_note),
        str(live.scale_name),
    )


def plan(song: Any) -> list[tuple[str, dict[str, Any]]]:
    """(part, settings) to prepare after the newest symbolic generate: the parts not made yet first,
    then the same part again (a "vary" generates it with the next job's id as its seed)."""
    made = [str(t["part"]) for t in song.takes if t["part"] in PARTS]
    if not made or made[-1] not in song.last_generate:
        return []
    last = song.last_generate[made[-1]]
    settings = {name: last[name] for name in SETTINGS if last.get(name) is not None}
    others = [p for p in PARTS if p != made[-1]]
    others.sort(key=lambda p: p in song.last_generate)  # the parts the song lacks are the likeliest
    return [(part, settings) for part in [*others, made[-1]]]  # and a vary of the last one


async def prepare(
    app: Any, make: Callable[..., Awaitable[Made]], wanted: list[tuple[str, dict[str, Any]]], seed: int
) -> dict[str, PreparedPart]:
    """Make each wanted part for ``seed`` in Live's current context with ``make`` (``Makers.part``);
    a part that cannot be made is left out."""
    live, _ = await app.live.current_context()
    made: dict[str, PreparedPart] = {}
    for part, settings in wanted:
        try:
            ctx, follow, dials, notes = await make(app, part, settings, live, seed)
        except RooError:  # a scale the generators cannot follow, a part the genre lacks: made on request
            continue
        if notes:
            made[part] = PreparedPart(part, seed, ctx, *dials, follow, tuple(notes), live_key(live))
    return made


def matches(
    prepared: PreparedPart, request: tuple[str, MusicalContext, tuple[float, float], int, Any]
) -> bool:
    """Whether ``prepared`` holds exactly the notes of this (part, context, dials, seed, follow)."""
    made = (
        prepared.part,
        prepared.ctx,
        (prepared.density, prepared.complexity),
        prepared.seed,
        prepared.follow,
    )
    return made == request
