"""ArrangementRoo: a song form per genre, with an energy curve that shapes every section.

Each section of the genre's form (intro, verse, chorus, bridge, outro) gets its own parts,
written over its own progression: sections of the same name share a seed, so the second
chorus repeats the first. Energy sets density, velocity, the melody's register and which
parts play (the form may name them). The verse is ``ctx.bars`` long; other sections scale
with it as in the form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from engines.generators import PARTS, check, generate_parts
from engines.music import MusicalContext, Note
from engines.presets import load_genre

SECTION_NAMES = ("intro", "verse", "chorus", "bridge", "outro")


@dataclass(frozen=True, slots=True)
class Section:
    name: str  # intro, verse, chorus, bridge or outro
    start_bar: int
    bars: int
    energy: float  # 0..1
    parts: dict[str, list[Note]]  # times in beats from the section start


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def _shaped(notes: list[Note], energy: float, shift: int) -> list[Note]:
    scale = 0.75 + 0.3 * energy
    return [
        Note(n.pitch + shift, n.start_beats, n.duration_beats, max(1, min(127, round(n.velocity * scale))))
        for n in notes
    ]


def plan_song(
    ctx: MusicalContext, *, density: float = 0.5, complexity: float = 0.5, seed: int = 0
) -> list[Section]:
    """The sections of a song in the genre's form, each with the parts that play in it."""
    check(ctx, density, complexity)
    genre = load_genre(ctx.genre)
    verse = next((s.bars for s in genre.form if s.name == "verse"), 8)
    sections: list[Section] = []
    bar = 0
    for index, form in enumerate(genre.form):
        bars = max(1, round(form.bars * ctx.bars / verse))
        section_ctx = replace(ctx, bars=bars)
        section_seed = seed * 101 + SECTION_NAMES.index(form.name)
        playing = form.parts or PARTS
        parts = generate_parts(
            section_ctx,
            density=_clamp(density + (form.energy - 0.6) * 0.8),
            complexity=complexity,
            seed=section_seed,
            crash_first=index > 0,
        )
        top = max((n.pitch for n in parts["melody"]), default=0)
        lift = 12 if form.energy >= 0.8 and top + 12 <= genre.melody["range"][1] + 7 else 0
        shaped = {
            name: _shaped(notes, form.energy, lift if name == "melody" else 0) if name in playing else []
            for name, notes in parts.items()
        }
        sections.append(Section(form.name, bar, bars, form.energy, shaped))
        bar += bars
    return sections


def flatten(
    sections: Sequence[Section], bar_beats: float
) -> tuple[dict[str, list[Note]], list[tuple[float, str]], float]:
    """One clip from a song plan: parts with section offsets, (beat, name) markers, length in beats."""
    parts: dict[str, list[Note]] = {name: [] for name in PARTS}
    markers: list[tuple[float, str]] = []
    for section in sections:
        offset = section.start_bar * bar_beats
        markers.append((offset, section.name))
        for name, notes in section.parts.items():
            parts[name] += [replace(n, start_beats=round(n.start_beats + offset, 4)) for n in notes]
    total = sum(s.bars for s in sections) * bar_beats
    return parts, markers, total
