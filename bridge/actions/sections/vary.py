"""How the notes inside a section are changed: a transform (engines.transforms) as over a clip of
the section's length, or, for a vary, the part's generator over exactly those bars.

A vary uses the generator when the part's settings are known: the take the clip is (its key, genre
and the chords it was made over, the section's share of them, so the harmony stays), else the part
last generated on that track in this session (key and genre). Otherwise (a clip that is no take)
the transforms' vary: new pitches on its rhythm, for drums a new rhythm on its own drum sounds.
Said as "regenerate" ("redo the drums in the drop", "new chords for the bridge": ``regenerate`` set),
a part whose settings are not known is still made by its generator, in Live's key and the default
genre, so the section is new material, not the old notes moved.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

from bridge.actions.clips.take import harmony, kept
from bridge.app import App
from bridge.live.client import LiveContext
from engines import generators, transforms
from engines.music import NOTE_NAMES, Chord, MusicalContext, Note, parse_key, scale_named

Change = Callable[[list[Note], float, int], list[Note]]  # (notes from the span's start, its length, seed)


def transform(kind: str, options: dict[str, Any], bar: float) -> Change:
    def run(notes: list[Note], length: float, seed: int) -> list[Note]:
        made = transforms.transform(kind, notes, transforms.make_options(length, bar, **options), seed).notes
        # kept inside the section: a half time's second half would lie in the next one
        return [n for n in made if 0.0 <= n.start_beats < length]

    return run


def generated(part: str, ctx: MusicalContext, chords: tuple[Chord, ...], offset: float) -> Change:
    """The part's generator over the span; ``chords`` in clip beats, the span at clip beat ``offset``
    (a span's own offset is added per span by ``changed``: here the clip's start in song time)."""

    def run(notes: list[Note], length: float, seed: int) -> list[Note]:
        bars = max(1, math.ceil(length / ctx.beats_per_bar - 1e-9))
        own = tuple(
            dataclasses.replace(c, start_beats=round(c.start_beats - offset, 6))
            for c in chords
            if 0.0 <= c.start_beats - offset < length
        )
        here = dataclasses.replace(ctx, bars=bars, chords=own)
        return [n for n in generators.generate(part, here, seed=seed) if n.start_beats < length - 1e-9]

    return run


async def maker(
    app: App, kind: str, options: dict[str, Any], where: tuple[str | None, int, float], source: Any | None,
    live: LiveContext, bar: float,
) -> tuple[Callable[[float], Change], str]:  # fmt: skip
    """The Change for a span from a song beat, and what the message says of it. ``where``: the part
    (if known), the track and the song beat of the first clip's own beat 0 (its chords' time)."""
    part, track, clip_zero = where
    if kind != "vary":
        change = transform(kind, options, bar)
        return (lambda _lo: change), kind
    settings = kept(source) if source is not None else {}
    last = app.song.last_generate.get(part or "", {})
    if not settings and last.get("track") == track:
        settings = {k: last[k] for k in ("key", "genre") if k in last}
    if options.get("regenerate") and part in generators.GENERATORS and not settings:
        scale = scale_named(live.scale_name)  # Live's key, as a generate follows it
        settings = {
            "genre": MusicalContext().genre,
            **({"key": f"{NOTE_NAMES[live.root_note % 12]} {scale}"} if scale else {}),
        }
    if part in generators.GENERATORS and "genre" in settings and ("key" in settings or part == "drums"):
        key = parse_key(str(settings.get("key", "C major")))
        found = harmony(source) if source is not None else None
        chords = found[1] if found is not None else ()
        ctx = MusicalContext(tempo_bpm=float(live.tempo_bpm), key=key, genre=str(settings["genre"]),
                             signature=(live.signature_numerator, live.signature_denominator))  # fmt: skip
        said = f"the {part} generator ({settings['genre']}, {key}) over those bars"
        return (lambda lo: generated(str(part), ctx, chords, lo - clip_zero)), said
    keep = "pitches" if part == "drums" else "rhythm"
    change = transform("vary", {"keep": keep}, bar)
    return (
        lambda _lo: change
    ), "a new rhythm on its own drum sounds" if keep == "pitches" else "new pitches on its rhythm"
