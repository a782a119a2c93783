"""Build the rendered evaluation set: Bach chorales from music21's corpus, rendered with fluidsynth.

Riemenschneider's chorales 1 to N_PIECES, in his numbering: each score is exported to MIDI at a
known tempo with every part on a GM piano and rendered through FluidR3_GM. The first N_ANALYSES
are the ones music21 ships an expert Roman-numeral analysis of
(``bach/choraleAnalyses/riemenschneider*.rntxt``); the rest have key, beat and downbeat truth but
no chord truth. Truth per piece:
- key: the score's declared key (its first music21 Key; the analyst's opening key is kept beside it),
- chords: the analysis's Roman numerals as Harte labels, timed by their offsets (analysed pieces),
- beats: every quarter note of the grid that runs through the bar lines,
- downbeats: music21's bar offsets (a pickup bar is not a downbeat).

The set goes into a cache folder (never into git), with ``manifest.json`` beside the WAVs:
    .venv/bin/python tools/eval/rendered.py [--out DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
TEMPOS_BPM = (66, 76, 88, 100, 112, 126)  # cycled over the pieces
SAMPLE_RATE_HZ = 44100
ANALYSES = "bach/choraleAnalyses/riemenschneider{:03d}.rntxt"
N_ANALYSES = 20
N_PIECES = 371  # all of Riemenschneider: the analysed 20 plus the rest for key, beats and downbeats
MIN_FIT = 0.6  # least share of sounding notes on the analysis's chord tones for usable chord truth
SET_VERSION = 3  # part of the folder name: bump when the rendering or the truth changes
# Harte qualities by the set of semitones above the root.
QUALITIES = {
    frozenset({0, 4, 7}): "maj",
    frozenset({0, 3, 7}): "min",
    frozenset({0, 3, 6}): "dim",
    frozenset({0, 4, 8}): "aug",
    frozenset({0, 4, 7, 10}): "7",
    frozenset({0, 4, 10}): "7",
    frozenset({0, 4, 7, 11}): "maj7",
    frozenset({0, 3, 7, 10}): "min7",
    frozenset({0, 3, 10}): "min7",
    frozenset({0, 3, 6, 10}): "hdim7",
    frozenset({0, 3, 6, 9}): "dim7",
}


def default_out() -> Path:
    from engines.analysis.cache import cache_root

    return cache_root() / "eval" / f"rendered-v{SET_VERSION}"


def harte(rn: Any, shift: int = 0) -> str:
    """Harte label of a music21 RomanNumeral, transposed up ``shift`` semitones; "X" for other sonorities."""
    root = rn.root().transpose(shift)
    name = root.name.replace("-", "b")
    intervals = frozenset((p.pitchClass - rn.root().pitchClass) % 12 for p in rn.pitches)
    quality = QUALITIES.get(intervals)
    return f"{name}:{quality}" if quality else "X"


def key_name(k: Any) -> str:
    """'Bb major' from a music21 Key."""
    return f"{k.tonic.name.replace('-', 'b')} {k.mode}"


def _sounding(score: Any) -> list[tuple[float, float, int]]:
    """(start_q, end_q, pitch class) of every note in the score."""
    out = []
    for n in score.flatten().notes:
        for p in n.pitches:
            out.append((float(n.offset), float(n.offset + n.quarterLength), p.pitchClass))
    return out


def analysis_fit(
    notes: list[tuple[float, float, int]], spans: list[tuple[float, float, Any]], shift: int
) -> float:
    """Share of the notes' duration that falls on chord tones of the analysis transposed by ``shift``."""
    on = total = 0.0
    for start, stop, rn in spans:
        tones = {(p.pitchClass + shift) % 12 for p in rn.pitches}
        for n_start, n_stop, pc in notes:
            overlap = min(stop, n_stop) - max(start, n_start)
            if overlap > 0:
                total += overlap
                on += overlap * (pc in tones)
    return on / total if total else 0.0


def piece_truth(score: Any, analysis: Any | None, tempo_bpm: float) -> dict[str, Any]:
    """Key, chords, beats and downbeats (seconds) of a chorale score and its analysis (if any).

    Riemenschneider's edition (which the analyses follow) transposes some chorales: the analysis
    is transposed onto the score by the shift whose chord tones cover most of the sounding notes.
    When even the best shift covers less than MIN_FIT of them (the analysis follows another
    version of the chorale), the piece has no chord truth (``chords`` is None).
    """
    from music21 import key, roman

    s_per_quarter = 60.0 / tempo_bpm
    end_q = float(score.highestTime)
    measures = list(score.parts[0].getElementsByClass("Measure"))
    downbeats_q = [float(m.offset) for m in measures if float(m.paddingLeft) == 0.0]
    first = downbeats_q[0]
    beats_q = [first + k for k in range(-int(first), int(end_q - first) + 1) if 0 <= first + k < end_q]
    declared = next(iter(score.recurse().getElementsByClass(key.Key)), None)
    truth = {
        "tempo_bpm": tempo_bpm,
        "key": key_name(declared) if declared is not None else None,
        "beats_s": [q * s_per_quarter for q in beats_q],
        "downbeats_s": [q * s_per_quarter for q in downbeats_q if q < end_q],
        "duration_s": end_q * s_per_quarter,
    }
    if analysis is None:
        return {**truth, "key_analysis": None, "analysis_shift": None, "analysis_fit": None, "chords": None}
    rns = list(analysis.recurse().getElementsByClass(roman.RomanNumeral))
    starts = [float(rn.getOffsetInHierarchy(analysis)) for rn in rns]
    stops = [*starts[1:], end_q]
    spans = [(a, b, rn) for a, b, rn in zip(starts, stops, rns, strict=True) if b > a]
    notes = _sounding(score)
    fits = [analysis_fit(notes, spans, shift) for shift in range(12)]
    shift = max(range(12), key=lambda k: fits[k])
    chords = [[a * s_per_quarter, b * s_per_quarter, harte(rn, shift)] for a, b, rn in spans]
    opening = rns[0].key.transpose(shift) if rns else None
    return {
        **truth,
        "key_analysis": key_name(opening) if opening is not None else None,  # the analyst's opening key
        "analysis_shift": shift,
        "analysis_fit": round(fits[shift], 3),
        "chords": chords if fits[shift] >= MIN_FIT else None,
    }


def render_midi(fluidsynth: str, midi: Path, wav: Path, *, gain: float) -> None:
    """Render a MIDI file to a 44.1 kHz WAV through FluidR3_GM, offline."""
    cmd = [fluidsynth, "-ni", "-q", "-g", str(gain), "-r", str(SAMPLE_RATE_HZ), "-F", str(wav)]
    subprocess.run([*cmd, str(SOUNDFONT), str(midi)], check=True, capture_output=True)


def chorale_bwv(number: int) -> str:
    """BWV number of Riemenschneider's chorale ``number``: from its analysis if there is one."""
    from music21 import corpus
    from music21.corpus.chorales import ChoraleListRKBWV

    if number > N_ANALYSES:
        return str(ChoraleListRKBWV().byRiemenschneider[number]["bwv"])
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
