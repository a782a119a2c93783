"""Build the generated evaluation set: MuseAroo's own 8-bar songs, rendered with fluidsynth.

The kind of audio a producer drops in (a bounced pop, rock or hip-hop idea with drums, bass,
chords and melody), with a known key: each genre preset in 12 keys (every tonic once, major and
minor alternating with a per-genre offset, so each genre gets six of each), all four parts from
``engines.generators.generate_parts`` at the genre's tempo, GM programs from the preset, rendered
through FluidR3_GM. Truth per piece: the key the generators were asked for (their own key score,
judged from the MIDI, is 0.937: see docs/benchmarks/generators.md, so a few pieces lean to a relative key), the
tempo, and the beat grid (every quarter note from 0).

The set goes into a cache folder (never into git), with ``manifest.json`` beside the WAVs:
    .venv/bin/python -m tools.eval.generated [--out DIR] [--limit N]   (from the project root)
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from tools.eval.rendered import SOUNDFONT, render_midi

SET_VERSION = 2  # part of the folder name: bump when the rendering or the truth changes (2: downbeats)
KEYS_PER_GENRE = 12
SEED = 1
BARS = 8
MODES = ("Major", "Minor")
NOTE_NAMES = ("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B")


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"generated-v{SET_VERSION}"


def plan() -> list[tuple[str, int, str]]:
    """(genre, tonic, scale) of every piece, genre by genre."""
    from engines.presets import names

    out = []
    for g, genre in enumerate(names("genres")):
        for tonic in range(KEYS_PER_GENRE):
            out.append((genre, tonic, MODES[(tonic + g) % 2]))
    return out


def render_piece(
    genre_name: str,
    tonic: int,
    scale: str,
    out: Path,
    fluidsynth: str,
    *,
    only: tuple[str, ...] = (),
    context: dict[str, Any] | None = None,
    tag: str = "",
) -> dict[str, Any]:
    """Generate all four parts of one song, render it (``only`` these parts, if given), and return
    its manifest entry. ``context`` overrides MusicalContext fields (tempo_bpm, signature, bars,
    feel: the genre's tempo, 4/4 and BARS without it); ``tag`` goes into the name after the genre."""
    from engines.generators import generate_parts
    from engines.midi_file import write_midi
    from engines.music import Key, MusicalContext
    from engines.presets import load_genre

    genre = load_genre(genre_name)
    key = Key(tonic, scale)
    fields = {"tempo_bpm": genre.tempo_bpm, "bars": BARS, **(context or {})}
    ctx = MusicalContext(key=key, genre=genre_name, **fields)
    parts = generate_parts(ctx, seed=SEED)
    if only:
        parts = {part: notes for part, notes in parts.items() if part in only}
    programs = {part: int(getattr(genre, part)["program"]) for part in ("bass", "chords", "melody")}
    name = f"{genre_name}{tag}_{NOTE_NAMES[tonic]}_{scale.lower()}" + "".join(f"_{part}" for part in only)
    midi, wav = out / f"{name}.mid", out / f"{name}.wav"
    length_beats = ctx.length_beats
    write_midi(
        midi,
        parts,
        tempo_bpm=ctx.tempo_bpm,
        signature=ctx.signature,
        key=key,
        programs=programs,
        length_beats=length_beats,
    )
    render_midi(fluidsynth, midi, wav, gain=0.4)
    s_per_beat = 60.0 / ctx.tempo_bpm
    return {
        "name": name,
        "wav": wav.name,
        "genre": genre_name,
        "key": f"{NOTE_NAMES[tonic]} {scale.lower()}",
        "tempo_bpm": ctx.tempo_bpm,
        "time_signature": list(ctx.signature),
        "beats_s": [b * s_per_beat for b in range(int(length_beats))],
        "downbeats_s": [bar * ctx.beats_per_bar * s_per_beat for bar in range(ctx.bars)],
        "duration_s": length_beats * s_per_beat,
    }


def build(out: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Render the set into ``out`` (reusing a complete earlier build) and return the manifest."""
    wanted = plan()[:limit]
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        pieces: list[dict[str, Any]] = json.loads(manifest_path.read_text())
        if len(pieces) >= len(wanted) and all((out / p["wav"]).exists() for p in pieces[: len(wanted)]):
            return pieces[: len(wanted)]
    fluidsynth = shutil.which("fluidsynth")
    if fluidsynth is None or not SOUNDFONT.exists():
        raise SystemExit(
            f"the generated set needs fluidsynth and {SOUNDFONT} (Debian: fluidsynth fluid-soundfont-gm)"
        )
    out.mkdir(parents=True, exist_ok=True)
    pieces = [render_piece(genre, tonic, scale, out, fluidsynth) for genre, tonic, scale in wanted]
    manifest_path.write_text(json.dumps(pieces, indent=1))
    return pieces


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="default: ~/.cache/musearoo/eval/generated-v1")
    parser.add_argument("--limit", type=int, default=None, help="pieces (default: all)")
    args = parser.parse_args()
    out = args.out or default_out()
    pieces = build(out, limit=args.limit)
    print(f"{len(pieces)} pieces in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
