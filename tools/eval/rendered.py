"""Build the rendered evaluation set: Bach chorales from music21's corpus, rendered with fluidsynth.

Riemenschneider's chorales 1 to N_PIECES, in his numbering: each score is exported to MIDI at a
known tempo with every part on a GM piano and rendered through FluidR3_GM. The first N_ANALYSES
are the ones music21 ships an expert Roman-numeral analysis of
(``bach/choraleAnalyses/riemenschneider*.rntxt``); the rest have key, beat and downbeat truth but
no chord truth. Truth per piece:
- key: the score's declared key (its first music21 Key) and its final-and-signature key
  (tools/eval/chorale_truth.py); the analyst's opening key is kept beside them,
- chords: the analysis's Roman numerals as Harte labels, timed by their offsets (analysed pieces),
- beats: every quarter note of the grid that runs through the bar lines,
- downbeats: music21's bar offsets (a pickup bar is not a downbeat).

The set goes into a cache folder (never into git), with ``manifest.json`` beside the WAVs:
    .venv/bin/python -m tools.eval.rendered [--out DIR] [--limit N]   (from the project root)
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from tools.eval.chorale_truth import piece_truth

SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
TEMPOS_BPM = (66, 76, 88, 100, 112, 126)  # cycled over the pieces
SAMPLE_RATE_HZ = 44100
ANALYSES = "bach/choraleAnalyses/riemenschneider{:03d}.rntxt"
N_ANALYSES = 20
N_PIECES = 371  # all of Riemenschneider: the analysed 20 plus the rest for key, beats and downbeats
SET_VERSION = 4  # part of the folder name: bump when the rendering or the truth changes


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"rendered-v{SET_VERSION}"


def fluidsynth_or_exit(what: str) -> str:
    """The fluidsynth program; SystemExit naming what needs it where it or the soundfont is missing."""
    fluidsynth = shutil.which("fluidsynth")
    if fluidsynth is None or not SOUNDFONT.exists():
        raise SystemExit(f"{what} needs fluidsynth and {SOUNDFONT} (Debian: fluidsynth fluid-soundfont-gm)")
    return fluidsynth


def render_midi(
    fluidsynth: str, midi: Path, wav: Path, *, gain: float, soundfont: Path | None = None
) -> None:
    """Render a MIDI file to a 44.1 kHz WAV through FluidR3_GM (or ``soundfont``), offline.

    fluidsynth given a soundfont it cannot open still exits 0 and renders through its default one
    (FluidR3 on Debian): the WAV would carry the wrong instruments under the soundfont's name, so a
    missing soundfont is a SystemExit here and fluidsynth's complaint about one is an error."""
    font = Path(soundfont or SOUNDFONT)
    if not font.is_file():
        raise SystemExit(f"cannot render {midi.name}: the soundfont {font} is not installed")
    cmd = [fluidsynth, "-ni", "-q", "-g", str(gain), "-r", str(SAMPLE_RATE_HZ), "-F", str(wav)]
    done = subprocess.run([*cmd, str(font), str(midi)], check=True, capture_output=True, text=True)
    if "not a SoundFont" in done.stderr or "fluid_is_soundfont" in done.stderr:
        wav.unlink(missing_ok=True)
        raise SystemExit(
            f"cannot render {midi.name}: fluidsynth could not load {font}: {done.stderr.strip()}"
        )


@functools.cache
def _riemenschneider() -> dict[int, Any]:
    """music21's table of the chorales by Riemenschneider number (built once)."""
    from music21.corpus.chorales import ChoraleListRKBWV

    return dict(ChoraleListRKBWV().byRiemenschneider)


def chorale_bwv(number: int) -> str:
    """BWV number of Riemenschneider's chorale ``number``: from its analysis if there is one."""
    from music21 import corpus

    if number > N_ANALYSES:
        return str(_riemenschneider()[number]["bwv"])
    analysis_path = corpus.getWork(ANALYSES.format(number))
    header = Path(str(analysis_path)).read_text(encoding="utf-8")
    bwv = re.search(r"BWV:\s*([\d.]+)", header)
    if bwv is None:
        raise ValueError(f"{analysis_path} names no BWV number")
    return bwv.group(1)


def render_piece(number: int, tempo_bpm: float, out: Path, fluidsynth: str) -> dict[str, Any]:
    """Export Riemenschneider's chorale ``number`` to MIDI on piano, render it, return its manifest entry."""
    from music21 import corpus, instrument, stream, tempo

    bwv = chorale_bwv(number)
    analysis = corpus.parse(ANALYSES.format(number)) if number <= N_ANALYSES else None
    score = corpus.parse(f"bach/bwv{bwv}")
    # Flat parts (no Measures): music21 then plays the notes as written, without expanding
    # repeats, so the audio follows the same timeline as the analysis and the bar offsets.
    flat_parts = []
    for part in score.parts:
        flat = part.flatten()
        flat.remove(list(flat.getElementsByClass(("Instrument", "MetronomeMark"))))
        flat.insert(0, instrument.Piano())
        flat_parts.append(flat)
    flat_parts[0].insert(0, tempo.MetronomeMark(number=tempo_bpm))
    name = f"chorale_r{number:03d}_bwv{bwv}_{int(tempo_bpm)}bpm"
    midi, wav = out / f"{name}.mid", out / f"{name}.wav"
    stream.Score(flat_parts).write("midi", fp=str(midi))
    render_midi(fluidsynth, midi, wav, gain=0.6)
    return {"name": name, "wav": wav.name, **piece_truth(score, analysis, tempo_bpm)}


def piece_number(piece: dict[str, Any]) -> int:
    """Riemenschneider's number of a manifest entry (from its name, ``chorale_r012_...``)."""
    found = re.match(r"chorale_r(\d+)_", piece["name"])
    if found is None:
        raise ValueError(f"manifest entry {piece['name']!r} does not start with chorale_rNNN_")
    return int(found.group(1))


def build(out: Path, *, limit: int = N_PIECES) -> list[dict[str, Any]]:
    """Render Riemenschneider's chorales 1 to ``limit`` into ``out`` and return the manifest.

    Each score goes in once: where Riemenschneider's list names a BWV already taken (music21's
    corpus has one setting per BWV, e.g. r088 is r023's BWV 28.6), the later number is skipped.
    Pieces an earlier build rendered (in the manifest, WAV present) are reused; the manifest is
    written after each new piece, so an interrupted build resumes where it stopped.
    """
    manifest_path = out / "manifest.json"
    done: dict[int, dict[str, Any]] = {}
    if manifest_path.exists():
        for piece in json.loads(manifest_path.read_text()):
            if (out / piece["wav"]).exists():
                done[piece_number(piece)] = piece
    fluidsynth = shutil.which("fluidsynth")
    pieces: list[dict[str, Any]] = []
    taken: set[str] = set()
    for number in range(1, limit + 1):
        bwv = chorale_bwv(number)
        if bwv in taken:
            continue
        taken.add(bwv)
        if number not in done:
            if fluidsynth is None or not SOUNDFONT.exists():
                raise SystemExit(
                    f"the rendered set needs fluidsynth and {SOUNDFONT} (Debian: fluidsynth fluid-soundfont-gm)"
                )
            out.mkdir(parents=True, exist_ok=True)
            done[number] = render_piece(number, TEMPOS_BPM[(number - 1) % len(TEMPOS_BPM)], out, fluidsynth)
            manifest_path.write_text(json.dumps([done[k] for k in sorted(done)], indent=1))
            print(f"rendered {done[number]['name']}", file=sys.stderr)
        pieces.append(done[number])
    return pieces


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="default: ~/.cache/musearoo/eval/rendered")
    parser.add_argument(
        "--limit",
        type=int,
        default=N_PIECES,
        help=f"Riemenschneider numbers 1 to N (at most {N_PIECES}), each score once",
    )
    args = parser.parse_args()
    pieces = build(args.out or default_out(), limit=min(args.limit, N_PIECES))
    print(f"{len(pieces)} pieces in {args.out or default_out()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
