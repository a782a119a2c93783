"""A jam phrase: every part of a few bars, written by the Roo generators over the phrase's chords.

Controls (density, intensity, complexity, swing, parts, break, fill, drop) may change inside a
phrase: ``compose`` takes the controls as segments (beat from the phrase start, controls) and
writes each segment's notes with that segment's controls, so a change lands on its bar line
and the notes before it stay exactly as they were.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from engines.errors import InvalidValue
from engines.generators import PARTS, drums, generate_parts
from engines.music import Chord, Key, MusicalContext, Note

CRASH = 49
UNIT_CONTROLS = ("density", "intensity", "complexity", "swing")


@dataclass(frozen=True, slots=True)
class JamControls:
    """What the player can turn while the jam plays; fills and drops name absolute jam bars."""

    genre: str = "pop"
    key: Key = field(default_factory=lambda: Key(0, "Major"))
    density: float = 0.5
    intensity: float = 0.5
    complexity: float = 0.5
    swing: float = 0.0
    parts: tuple[str, ...] = PARTS
    breakdown: bool = False  # "break": drums only
    fill_bars: frozenset[int] = frozenset()
    drop_bars: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        for name in UNIT_CONTROLS:
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise InvalidValue(f"{name} {value} is out of range: expected 0..1")
        for part in self.parts:
            if part not in PARTS:
                raise InvalidValue(f"part {part!r} is not known: expected some of {', '.join(PARTS)}")


@dataclass(frozen=True, slots=True)
class PhraseSpec:
    """One phrase's place and harmony: its index, first absolute bar, length and chords."""

    index: int
    first_bar: int
    bars: int
    signature: tuple[int, int]
    genre: str
    key: Key
    chords: tuple[Chord, ...]
    seed: int = 0

    @property
    def bar_beats(self) -> float:
        num, den = self.signature
        return num * 4.0 / den

    @property
    def length_beats(self) -> float:
        return self.bars * self.bar_beats


def compose(spec: PhraseSpec, segments: Sequence[tuple[float, JamControls]]) -> dict[str, list[Note]]:
    """Notes per part (beats from the phrase start) under controls that change at segment starts.

    ``segments`` is sorted by start beat and its first entry starts at 0; every part is present
    in the result (a part that is off has no notes).
    """
    if not segments or segments[0][0] != 0.0:
        raise InvalidValue("jam controls must start at beat 0 of the phrase")
    out: dict[str, list[Note]] = {part: [] for part in PARTS}
    starts = [-float("inf")] + [start for start, _ in segments[1:]]
    ends = [start for start, _ in segments[1:]] + [float("inf")]
    for (_, controls), start, end in zip(segments, starts, ends, strict=True):
        if end <= start:
            continue
        for part, notes in _whole(spec, controls).items():
            out[part] += [n for n in notes if start - 1e-6 <= n.start_beats < end - 1e-6]
    return out


def _whole(spec: PhraseSpec, controls: JamControls) -> dict[str, list[Note]]:
    """The whole phrase under one set of controls."""
    ctx = MusicalContext(
        signature=spec.signature, key=spec.key, genre=spec.genre, bars=spec.bars, chords=spec.chords
    )
    seed = spec.seed * 7919 + spec.index
    parts = generate_parts(ctx, density=controls.density, complexity=controls.complexity, seed=seed)
    bar_beats = spec.bar_beats
    fills = [b - spec.first_bar for b in controls.fill_bars if 0 <= b - spec.first_bar < spec.bars]
    if fills:
        parts["drums"] = _with_fills(parts["drums"], ctx, controls, seed, fills)
    drops = [b - spec.first_bar for b in controls.drop_bars if 0 <= b - spec.first_bar < spec.bars]
    parts["drums"] += [Note(CRASH, bar * bar_beats, 0.5, 110) for bar in drops]
    playing = ("drums",) if controls.breakdown else controls.parts
    scale = 0.55 + 0.9 * controls.intensity
    return {
        part: sorted(
            (_styled(n, scale, controls.swing) for n in notes), key=lambda n: (n.start_beats, n.pitch)
        )
        if part in playing
        else []
        for part, notes in parts.items()
    }


def _with_fills(
    kit: list[Note], ctx: MusicalContext, controls: JamControls, seed: int, bars: list[int]
) -> list[Note]:
    """Replace the drums of the given bars with the last bar of a two-bar part that ends on a fill."""
    two = replace(ctx, bars=2, chords=())
    fill = drums.generate(two, density=controls.density, complexity=max(controls.complexity, 0.5), seed=seed)
    bar_beats = ctx.beats_per_bar
    fill_bar = [n for n in fill if n.start_beats >= bar_beats - 1e-6]
    out = [n for n in kit if int((n.start_beats + 1e-6) // bar_beats) not in bars]
    for bar in bars:
        out += [replace(n, start_beats=n.start_beats - bar_beats + bar * bar_beats) for n in fill_bar]
    return out


def _styled(note: Note, velocity_scale: float, swing: float) -> Note:
    """Velocity scaled by intensity; off-beat eighths delayed by up to a triplet's sixth of a beat."""
    start = note.start_beats
    if swing > 0 and abs((start % 1.0) - 0.5) < 0.02:
        start += swing / 6.0
    velocity = max(1, min(127, round(note.velocity * velocity_scale)))
    return replace(note, start_beats=round(start, 4), velocity=velocity)
