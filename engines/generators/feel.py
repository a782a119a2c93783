"""Groove controls over a genre's defaults: swing, humanize, accent, intensity and fills.

``resolve`` merges a context's ``Feel`` (None: the genre's value) into the values the
generators read; ``dynamics`` applies accent and intensity to a written part's velocities and
``shifted_density`` turns intensity into more or fewer notes. Swing and humanize are applied
where each generator places its notes, so ``humanize 0, swing 0`` writes every onset on the grid.
"""

from __future__ import annotations

from dataclasses import dataclass

from engines.errors import InvalidValue
from engines.music import FILLS, Feel, MusicalContext, Note
from engines.presets import Genre, load_genre

LAG_BEATS = 0.06  # a fully laid-back genre at humanize 1 plays its backbeat and chords this late


@dataclass(frozen=True, slots=True)
class Timing:
    swing: float  # off-beat eighths
    swing16: float  # off-beat sixteenths
    humanize: float
    lag: float  # beats late for the laid-back voices (snare, clap, chords, melody)
    fills: str  # "auto" (the genre's: phrase ends at random by complexity) or one of FILLS


def check(feel: Feel) -> None:
    """Raise InvalidValue naming the first groove control out of range."""
    for name in ("swing", "humanize", "accent", "intensity"):
        value = getattr(feel, name)
        if value is not None and not 0.0 <= value <= 1.0:
            raise InvalidValue(f"{name} {value} is out of range: expected 0..1")
    if feel.fills is not None and feel.fills not in FILLS:
        raise InvalidValue(f"fills {feel.fills!r} is not known: expected one of {', '.join(FILLS)}")


def resolve(ctx: MusicalContext, genre: Genre | None = None) -> Timing:
    """The timing a generator uses: the context's controls where given, else the genre's.

    A swing control goes to the sixteenths in a genre that swings sixteenths (hip-hop, lo-fi),
    else to the eighths; the other grid plays straight. In x/8 meters the eighths never swing.
    """
    genre = genre or load_genre(ctx.genre)
    feel = ctx.feel
    swing, swing16 = genre.swing, genre.swing16
    if feel.swing is not None:
        swing, swing16 = (0.0, feel.swing) if genre.swing16 > genre.swing else (feel.swing, 0.0)
    if ctx.signature[1] == 8:
        # eighths divide the beat in threes (6/8, 9/8, 12/8) or group 2+2+3 (7/8): swung, the second
        # dotted quarter of a 6/8 bar would land on 1.667 quarters. Only sixteenths swing there, and a
        # swing control goes to them.
        swing, swing16 = 0.0, genre.swing16 if feel.swing is None else feel.swing
    humanize = genre.humanize if feel.humanize is None else feel.humanize
    fills = feel.fills or genre.fills
    return Timing(swing, swing16, humanize, genre.laid_back * humanize * LAG_BEATS, fills)


def shifted_density(density: float, feel: Feel) -> float:
    """Intensity 0.5 keeps the density; 0 takes 0.4 off, 1 adds 0.4 (clamped to 0..1)."""
    if feel.intensity is None:
        return density
    return min(1.0, max(0.0, density + (feel.intensity - 0.5) * 0.8))


def dynamics(notes: list[Note], feel: Feel) -> list[Note]:
    """Velocities spread around the part's mean by accent (0 flat, 0.5 as written, 1 twice as
    wide) and scaled by intensity (0.7x at 0 to 1.3x at 1); unchanged when both are None."""
    if not notes or (feel.accent is None and feel.intensity is None):
        return notes
    mean = sum(n.velocity for n in notes) / len(notes)
    spread = 1.0 if feel.accent is None else 2.0 * feel.accent
    gain = 1.0 if feel.intensity is None else 0.7 + 0.6 * feel.intensity
    out = []
    for n in notes:
        vel = round((mean + (n.velocity - mean) * spread) * gain)
        out.append(Note(n.pitch, n.start_beats, n.duration_beats, min(127, max(1, vel)), n.mute))
    return out
