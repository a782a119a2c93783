"""The folk meter corpus (issue 45): tunes from music21's folk collections, rendered with fluidsynth.

Tunes are picked by their ABC ``M:`` field from ``essenFolksong``, ``ryansMammoth``,
``oneills1850``, ``nottingham-dataset``, ``airdsAirs`` and ``miscFolk`` (never the composers'
folders: those are the held-out judge's), balanced over 2/4, 3/4, 4/4 (``M:4/4`` and ``M:C``;
``C|`` is 2/2 and left out), 6/8, 9/8 and 12/8 as far as the collections allow (12/8 has six).
Each is parsed alone (its ``X:`` block) with music21 and written to MIDI here, note by note:
a GM melody instrument (varied), a tempo drawn per meter, eighths swung on some simple-meter
tunes, a little timing and velocity play, and on half the tunes an accompaniment in the meter's
usual pattern (bass on the beats' strong places, a chord on the others) built from the bar's first
melody note. Excerpts of ``PIECE_S`` seconds. Truth per piece: ``time_signature``,
``bar_s`` (a bar's length in seconds), ``live_tempo_bpm`` (quarter notes a minute), ``downbeats_s``.

    nice -n 10 .venv/bin/python -m tools.corpus.folk_meters [--out DIR] [--per-meter 80]

The WAVs and ``manifest.json`` go into a gitignored folder (default ``.cache/meter_corpus``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

import mido

from tools.eval.rendered import fluidsynth_or_exit, render_midi

SET_VERSION = 1
COLLECTIONS = ("essenFolksong", "ryansMammoth", "oneills1850", "nottingham-dataset", "airdsAirs", "miscFolk")
METERS = {
    "2/4": (2, 4),
    "3/4": (3, 4),
    "4/4": (4, 4),
    "C": (4, 4),
    "6/8": (6, 8),
    "9/8": (9, 8),
    "12/8": (12, 8),
}
PIECE_S = 20.0
# Tempo drawn per signature, in the counted beat (quarters; dotted quarters in 6/8, 9/8, 12/8).
BEAT_BPM = {
    (2, 4): (70, 130),
    (3, 4): (84, 176),
    (4, 4): (70, 140),
    (6, 8): (50, 120),
    (9, 8): (50, 116),
    (12, 8): (44, 100),
}
MELODY_PROGRAMS = (0, 21, 40, 73, 24, 46, 71, 105, 22, 6, 68, 25, 11, 74)
BASS_PROGRAMS = (32, 33, 0, 42)
CHORD_PROGRAMS = (0, 24, 21, 48, 4)
SWING_SHARE, ACCOMPANIED_SHARE = 0.3, 0.5
TPQ = 480


def tunes(root: Path) -> list[dict[str, Any]]:
    """Every tune of the collections with a signature we score: collection, file, X: number, text."""
    out = []
    for name in COLLECTIONS:
        for path in sorted((root / name).rglob("*.abc")):
            text = path.read_text(encoding="latin-1")
            header = text.split("\nX:", 1)[0] if not text.startswith("X:") else ""
            for block in re.split(r"\n(?=X:)", text[len(header) :]):
                metre = re.findall(r"^M:\s*([^\s%]+)", block, flags=re.M)
                if len(set(metre)) != 1 or metre[0] not in METERS or "K:" not in block:
                    continue
                number = re.match(r"X:\s*(\d+)", block)
                out.append({"collection": name, "file": str(path.relative_to(root)),
                            "x": int(number.group(1)) if number else 0, "signature": METERS[metre[0]],
                            "abc": block})  # fmt: skip
    return out


def tune_at(file: str, x: int) -> dict[str, Any]:
    """The tune numbered ``x`` in ``file`` (a path under music21's corpus folder, as the manifest names it)."""
    import music21

    root = Path(music21.__file__).parent / "corpus"
    for tune in tunes(root):
        if tune["file"] == file and tune["x"] == x:
            return tune
    raise KeyError(f"no tune X:{x} with a signature we score in {file}")


def pick(all_tunes: list[dict[str, Any]], per_meter: int, seed: int) -> list[dict[str, Any]]:
    """Up to ``per_meter`` tunes a signature, drawn at random, spread over the collections."""
    rng = random.Random(seed)
    chosen = []
    for signature in sorted({t["signature"] for t in all_tunes}):
        pool = [t for t in all_tunes if t["signature"] == signature]
        rng.shuffle(pool)
        by_collection: dict[str, list[dict[str, Any]]] = {}
        for t in pool:
            by_collection.setdefault(t["collection"], []).append(t)
        taken: list[dict[str, Any]] = []
        while len(taken) < per_meter * 2 and any(by_collection.values()):  # twice: some fail to parse
            for items in by_collection.values():
                if items:
                    taken.append(items.pop())
        chosen.extend(taken)
    return chosen


def notes_and_bars(abc: str) -> tuple[list[tuple[float, float, int]], list[float], float] | None:
    """(onset, length, pitch) in quarter notes, full bars' offsets, bar length in quarters."""
    from music21 import converter, meter, stream

    score = converter.parse(abc, format="abc")
    part = score.parts[0] if isinstance(score, stream.Score) and score.parts else score
    ts = part.recurse().getElementsByClass(meter.TimeSignature).first()
    if ts is None:
        return None
    bar_q = float(ts.barDuration.quarterLength)
    bars = [float(m.offset) for m in part.getElementsByClass(stream.Measure)
            if abs(float(m.duration.quarterLength) - bar_q) < 1e-6]  # fmt: skip
    notes = []
    for n in part.flatten().notes:
        for p in n.pitches:
            notes.append((float(n.offset), float(n.duration.quarterLength), int(p.midi)))
    return (notes, bars, bar_q) if notes and len(bars) >= 4 else None


def swung(q: float, ratio: float) -> float:
    """A quarter-note position with its off-beat eighths moved to ``ratio`` of the beat."""
    beat, frac = divmod(q, 1.0)
    if abs(frac - 0.5) < 1e-6:
        return beat + ratio
    return q


def accompaniment(notes: list[tuple[float, float, int]], bars: list[float], signature: tuple[int, int],
                  bar_q: float) -> list[tuple[float, float, int, str]]:  # fmt: skip
    """Bass and chord notes in the meter's usual pattern under each full bar."""
    num, den = signature
    compound = den == 8 and num % 3 == 0
    beat_q = 1.5 if compound else 1.0
    beats = round(bar_q / beat_q)
    out = []
    for start in bars:
        first = min((n for n in notes if n[0] >= start - 1e-6), default=None, key=lambda n: n[0])
        if first is None or first[0] >= start + bar_q:
            continue
        root = 36 + (first[2] % 12)
        for b in range(beats):
            t = start + b * beat_q
            if compound:  # bass on each dotted quarter, the chord on its third eighth
                out.append((t, 0.9, root, "bass"))
                chord_at = t + 1.0
            elif b == 0 or (beats == 4 and b == 2):  # oom on one (and three in 4/4)
                out.append((t, 0.9, root, "bass"))
                continue
            else:  # pah on the other beats
                chord_at = t
            out.append((chord_at, 0.45, root + 19, "chord"))
            out.append((chord_at, 0.45, root + 24, "chord"))
    return out


def write_midi(events: list[tuple[float, float, int, int, int]], programs: dict[int, int], bpm: float,
               path: Path) -> None:  # fmt: skip
    """(onset q, length q, pitch, velocity, channel) at a fixed quarter tempo to a type-1 MIDI file."""
    midi = mido.MidiFile(ticks_per_beat=TPQ)
    track = mido.MidiTrack()
    midi.tracks.append(track)
    track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(bpm), time=0))
    for channel, program in programs.items():
        track.append(mido.Message("program_change", channel=channel, program=program, time=0))
    timed = []
    for on, length, pitch, vel, ch in events:
        a, b = round(on * TPQ), round((on + max(length, 0.05)) * TPQ)
        timed += [(a, 1, mido.Message("note_on", note=pitch, velocity=vel, channel=ch)),
                  (b, 0, mido.Message("note_off", note=pitch, velocity=0, channel=ch))]  # fmt: skip
    now = 0
    for tick, _, msg in sorted(timed, key=lambda e: (e[0], e[1])):
        track.append(msg.copy(time=max(0, tick - now)))
        now = max(now, tick)
    midi.save(path)


def render(tune: dict[str, Any], index: int, out: Path, fluidsynth: str, seed: int) -> dict[str, Any] | None:
    """Render one tune's excerpt; its manifest entry, or None when it does not parse or is too short."""
    rng = random.Random(seed * 100003 + index)
    parsed = notes_and_bars(tune["abc"])
    if parsed is None:
        return None
    notes, bars, bar_q = parsed
    signature = tuple(tune["signature"])
    if abs(bar_q - signature[0] * 4 / signature[1]) > 1e-6:
        return None
    compound = signature[1] == 8
    low, high = BEAT_BPM[signature]  # type: ignore[index]
    beat_bpm = rng.uniform(low, high)
    quarter_bpm = beat_bpm * (1.5 if compound else 1.0)
    end_q = PIECE_S * quarter_bpm / 60.0
    swing = 0.0 if compound or rng.random() >= SWING_SHARE else rng.uniform(0.6, 0.68)
    jitter_q = 0.012 * quarter_bpm / 60.0  # about 12 ms
    events = []
    lowest = min(p for _, _, p in notes)
    shift = 12 * max(0, (55 - lowest + 11) // 12)  # melody at G3 or above
    for on, length, pitch in notes:
        if on >= end_q:
            continue
        t = swung(on, swing) if swing else on
        events.append(
            (max(0.0, t + rng.gauss(0, jitter_q)), length * 0.95, pitch + shift, rng.randint(72, 104), 0)
        )
    programs = {0: rng.choice(MELODY_PROGRAMS)}
    accompanied = rng.random() < ACCOMPANIED_SHARE
    if accompanied:
        programs[1], programs[2] = rng.choice(BASS_PROGRAMS), rng.choice(CHORD_PROGRAMS)
        for on, length, pitch, role in accompaniment(notes, bars, signature, bar_q):  # type: ignore[arg-type]
            if on < end_q:
                t = swung(on, swing) if swing else on
                vel = rng.randint(70, 92) if role == "bass" else rng.randint(50, 72)
                events.append(
                    (max(0.0, t + rng.gauss(0, jitter_q)), length, pitch, vel, 1 if role == "bass" else 2)
                )
    name = f"{index:04d}_{tune['collection']}_{signature[0]}-{signature[1]}"
    mid, wav = out / f"{name}.mid", out / f"{name}.wav"
    write_midi(events, programs, quarter_bpm, mid)
    render_midi(fluidsynth, mid, wav, gain=0.6)
    mid.unlink()
    seconds = 60.0 / quarter_bpm
    return {"name": name, "wav": wav.name, "collection": tune["collection"], "file": tune["file"],
            "x": tune["x"], "time_signature": list(signature), "bar_s": bar_q * seconds,
            "live_tempo_bpm": quarter_bpm, "beat_bpm": beat_bpm, "swing": swing, "accompanied": accompanied,
            "programs": programs, "downbeats_s": [b * seconds for b in bars if b < end_q]}  # fmt: skip


def build(out: Path, per_meter: int, seed: int = 45) -> list[dict[str, Any]]:
    import music21

    fluidsynth = fluidsynth_or_exit("the folk meter corpus")
    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / "manifest.json"
    if manifest_path.exists():
        return list(json.loads(manifest_path.read_text())["pieces"])
    root = Path(music21.__file__).parent / "corpus"
    pieces: list[dict[str, Any]] = []
    counts: dict[tuple[int, int], int] = {}
    for i, tune in enumerate(pick(tunes(root), per_meter, seed)):
        sig = tune["signature"]
        if counts.get(sig, 0) >= per_meter:
            continue
        try:
            piece = render(tune, i, out, fluidsynth, seed)
        except Exception as exc:
            print(f"skipped {tune['file']} X:{tune['x']}: {type(exc).__name__} {exc}", file=sys.stderr)
            continue
        if piece is not None:
            pieces.append(piece)
            counts[sig] = counts.get(sig, 0) + 1
            print(piece["name"], file=sys.stderr)
    manifest_path.write_text(json.dumps({"version": SET_VERSION, "pieces": pieces}, indent=1))
    return pieces


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(".cache/meter_corpus"))
    parser.add_argument("--per-meter", type=int, default=80)
    args = parser.parse_args()
    pieces = build(args.out, args.per_meter)
    counts: dict[str, int] = {}
    for p in pieces:
        key = "/".join(map(str, p["time_signature"]))
        counts[key] = counts.get(key, 0) + 1
    print(json.dumps({"pieces": len(pieces), "per_meter": counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
