"""The Roo generators: pure functions from a MusicalContext to notes.

``GENERATORS`` maps a part name to its function; adding a part is one module and one line.
Every part written for the same context and seed shares one chord progression, and the bass
locks to the drums' kick, so parts generated one by one fit together like ``generate_parts``.
The context's ``feel`` (swing, humanize, accent, intensity, fills) overrides the genre's groove.
"""

from __future__ import annotations

from collections.abc import Callable

from engines.errors import InvalidValue
from engines.generators import bass, chords, drums, feel, melody
from engines.generators.harmony import progression
from engines.generators.scales import check_scale
from engines.music import VALID_SIGNATURES, MusicalContext, Note
from engines.presets import load_genre

Generator = Callable[..., list[Note]]

GENERATORS: dict[str, Generator] = {
    "drums": drums.generate,
    "bass": bass.generate,
    "chords": chords.generate,
    "melody": melody.generate,
}
PARTS = tuple(GENERATORS)


def check(ctx: MusicalContext, density: float, complexity: float, *, keyless: bool = False) -> None:
    """Raise InvalidValue naming the first bad setting and what is valid.

    ``keyless`` (drums alone) skips the scale: drums do not read the key.
    """
    if not 0.0 <= density <= 1.0:
        raise InvalidValue(f"density {density} is out of range: expected 0..1")
    if not 0.0 <= complexity <= 1.0:
        raise InvalidValue(f"complexity {complexity} is out of range: expected 0..1")
    if not 1 <= ctx.bars <= 256:
        raise InvalidValue(f"bars {ctx.bars} is out of range: expected 1..256")
    if ctx.signature not in VALID_SIGNATURES:
        valid = ", ".join(f"{n}/{d}" for n, d in VALID_SIGNATURES)
        raise InvalidValue(f"time signature {ctx.signature} is not supported: expected one of {valid}")
    if not keyless:
        check_scale(ctx.key)  # names the scale and why it cannot be followed
    if not 0 <= ctx.key.tonic <= 11:
        raise InvalidValue(f"key tonic {ctx.key.tonic} is not a pitch class: expected 0..11")
    load_genre(ctx.genre)  # raises with the list of genres
    feel.check(ctx.feel)


def generate(
    part: str, ctx: MusicalContext, *, density: float = 0.5, complexity: float = 0.5, seed: int = 0
) -> list[Note]:
    """Notes for one part; raises InvalidValue for an unknown part or out-of-range controls."""
    if part not in GENERATORS:
        raise InvalidValue(f"part {part!r} is not known: expected one of {', '.join(GENERATORS)}")
    check(ctx, density, complexity, keyless=part == "drums")
    density = feel.shifted_density(density, ctx.feel)
    return feel.dynamics(GENERATORS[part](ctx, density=density, complexity=complexity, seed=seed), ctx.feel)


def generate_parts(
    ctx: MusicalContext,
    *,
    density: float = 0.5,
    complexity: float = 0.5,
    seed: int = 0,
    crash_first: bool = False,
) -> dict[str, list[Note]]:
    """All four parts over one progression: drums, bass (on the kick), chords, melody."""
    check(ctx, density, complexity)
    density = feel.shifted_density(density, ctx.feel)
    prog = progression(ctx, complexity=complexity, seed=seed)
    kit = drums.generate(ctx, density=density, complexity=complexity, seed=seed, crash_first=crash_first)
    kicks = drums.kick_beats(kit)
    parts = {
        "drums": kit,
        "bass": bass.generate(
            ctx, density=density, complexity=complexity, seed=seed, chords=prog, kick_beats=kicks
        ),
        "chords": chords.generate(ctx, density=density, complexity=complexity, seed=seed, chords=prog),
        "melody": melody.generate(ctx, density=density, complexity=complexity, seed=seed, chords=prog),
    }
    return {name: feel.dynamics(notes, ctx.feel) for name, notes in parts.items()}
