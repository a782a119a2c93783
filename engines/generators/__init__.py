"""The Roo generators: pure functions from a MusicalContext to notes.

``GENERATORS`` maps a part name to its function; adding a part is one module and one line.
"""

from __future__ import annotations

from collections.abc import Callable

from engines.errors import InvalidValue
from engines.generators import drums
from engines.music import MusicalContext, Note

Generator = Callable[..., list[Note]]

GENERATORS: dict[str, Generator] = {
    "drums": drums.generate,
}


def generate(
    part: str, ctx: MusicalContext, *, density: float = 0.5, complexity: float = 0.5, seed: int = 0
) -> list[Note]:
    """Notes for one part; raises InvalidValue for an unknown part or out-of-range controls."""
    if part not in GENERATORS:
        raise InvalidValue(f"part {part!r} is not known: expected one of {', '.join(GENERATORS)}")
    if not 0.0 <= density <= 1.0:
        raise InvalidValue(f"density {density} is out of range: expected 0..1")
    if not 0.0 <= complexity <= 1.0:
        raise InvalidValue(f"complexity {complexity} is out of range: expected 0..1")
    if not 1 <= ctx.bars <= 256:
        raise InvalidValue(f"bars {ctx.bars} is out of range: expected 1..256")
    return GENERATORS[part](ctx, density=density, complexity=complexity, seed=seed)
