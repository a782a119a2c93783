"""The quality bench's measures: each writes or reads a .mid file, never the generator's notes.

``write`` makes the 8-bar file to judge; the checks read it back with pretty_midi (``read``:
times in beats) or music21 (``key_score``). Onsets within TOL beats of a position count as on
it. The chord at a moment is what the chords track sounds in that half bar (the whole bar in
3/4, 5/4, 7/8 and 9/8); strong beats are 1 and 3 in 4/4 (the dotted-quarter beats in 6/8).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable

import mir_eval
import music21
import pretty_midi

from engines.generators import generate_parts
from engines.midi_file import write_midi
from engines.music import NOTE_NAMES, Key, MusicalContext
from engines.presets import load_genre

TOL = 0.07  # beats: humanised timing stays well inside this
MAJOR = {0, 2, 4, 5, 7, 9, 11}
MINOR = {0, 2, 3, 5, 7, 8, 10}


def write(
    path: str, genre: str, key: Key, seed: int, *, density: float = 0.5, sig: tuple[int, int] = (4, 4)
) -> None:
    ctx = MusicalContext(tempo_bpm=load_genre(genre).tempo_bpm, signature=sig, key=key, genre=genre, bars=8)
    parts = generate_parts(ctx, density=density, complexity=0.5, seed=seed)
    write_midi(path, parts, tempo_bpm=ctx.tempo_bpm, signature=sig, key=key, length_beats=ctx.length_beats)


def read(path: str) -> tuple[dict[str, list[tuple[float, float, int]]], float, tuple[int, int]]:
    """pretty_midi's view of a file: per track (start, end, pitch) in beats, beats per bar, signature."""
    pm = pretty_midi.PrettyMIDI(path)
    bpm = float(pm.get_tempo_changes()[1][0])
    ts = pm.time_signature_changes[0]
    sig = (ts.numerator, ts.denominator)
    tracks = {
        inst.name: [(n.start * bpm / 60, n.end * bpm / 60, n.pitch) for n in inst.notes]
        for inst in pm.instruments
    }
    return tracks, sig[0] * 4 / sig[1], sig


def window_beats(sig: tuple[int, int], bar: float) -> float:
    return bar / 2 if sig in ((4, 4), (2, 4), (6, 8), (12, 8)) else bar


def strong(sig: tuple[int, int]) -> list[float]:
    return {(4, 4): [0.0, 2.0], (6, 8): [0.0, 1.5], (12, 8): [0.0, 3.0]}.get(sig, [0.0])


def key_score(args: tuple[str, str, int, int]) -> tuple[str, float]:
    """music21 key of chords+bass+melody in a written file, scored against the requested key."""
    genre, mode, pc, seed = args
    key = Key(pc, mode)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "k.mid")
        write(path, genre, key, seed)
        score = music21.converter.parse(path)
        assert isinstance(score, music21.stream.Score)
        for part in list(score.parts):
            if part.partName == "drums":
                score.remove(part)
        found = score.analyze("key")
    ref = f"{NOTE_NAMES[pc]} {mode.lower()}"
    est = f"{found.tonic.name.replace('-', 'b')} {found.mode}"
    return genre, float(mir_eval.key.weighted_score(ref, est))


def fit_checks(path: str, key: Key, chromatic: set[int]) -> dict[str, list[int]]:
    tracks, bar, sig = read(path)
    win = window_beats(sig, bar)
    chords = tracks.get("chords", [])
    length = max((e for t in tracks.values() for _s, e, _p in t), default=0.0)
    pcs_at = []
    for w in range(int(length / win + 0.5)):
        lo, hi = w * win, (w + 1) * win
        pcs_at.append({p % 12 for s, e, p in chords if s < hi - TOL and e > lo + TOL})
    out: dict[str, list[int]] = {"bass": [], "melody": [], "scale_raw": [], "scale_unlisted": []}
    prev: set[int] | None = None
    for w, pcs in enumerate(pcs_at):
        t = w * win + 0.05
        if pcs and pcs != prev:
            out["bass"] += [int(p % 12 in pcs) for s, e, p in tracks.get("bass", []) if s <= t + TOL < e]
        prev = pcs or prev
    for s, _e, p in tracks.get("melody", []):
        pos = s % bar
        pcs = pcs_at[min(int((s + TOL) / win), len(pcs_at) - 1)]  # an early onset still counts as on the beat
        if any(abs(pos - b) < TOL or abs(pos - bar) < TOL for b in strong(sig)) and pcs:
            out["melody"].append(int(p % 12 in pcs))
    scale = {(key.tonic + i) % 12 for i in (MAJOR if key.scale == "Major" else MINOR)}
    listed = {(key.tonic + d) % 12 for d in chromatic}
    for name in ("bass", "chords", "melody"):
        for _s, _e, p in tracks.get(name, []):
            out["scale_raw"].append(int(p % 12 not in scale))
            out["scale_unlisted"].append(int(p % 12 not in scale | listed))
    return out


def drum_bars(path: str, genre: str) -> list[int]:
    """Per bar 1/0: the genre's signature groove is there."""
    tracks, bar, _sig = read(path)
    tempo = float(pretty_midi.PrettyMIDI(path).get_tempo_changes()[1][0])
    kit = tracks.get("drums", [])
    bars = round(max(e for _s, e, _p in kit) / bar) if kit else 0
    result = []
    for b in range(bars):
        hits = [(s - b * bar, p) for s, _e, p in kit if b * bar - TOL <= s < (b + 1) * bar - TOL]

        def at(beat: float, pitches: tuple[int, ...], hits: list[tuple[float, int]] = hits) -> bool:
            return any(abs(t - beat) < TOL and p in pitches for t, p in hits)

        offs = [t % 1 for t, p in hits if p in (42, 51) and 0.3 < t % 1 < 0.85]
        if genre in NEW_JUDGES:
            ok = NEW_JUDGES[genre](at, hits, tempo)
        elif genre in ("rock", "pop", "country"):
            ok = at(1.0, (38,)) and at(3.0, (38,))
        elif genre == "electronic":
            ok = all(at(float(i), (36,)) for i in range(4))
        elif genre == "reggae":
            ok = at(2.0, (36,)) and at(2.0, (37, 38)) and not at(0.0, (36,))
        elif genre in ("jazz", "blues"):
            swung = [o for o in offs if abs(o - 2 / 3) < TOL]
            ok = len(swung) >= 1 and not any(abs(o - 0.5) < TOL for o in offs)
        else:
            continue
        result.append(int(ok))
    return result


At = Callable[[float, tuple[int, ...]], bool]
BACKBEAT = (38, 39, 40)  # snare, clap, electric snare


def _house(at: At, hits: list[tuple[float, int]], tempo: float) -> bool:
    """Four on the floor with an open hat on every off-beat eighth."""
    return all(at(float(b), (36,)) and at(b + 0.5, (46,)) for b in range(4))


def _techno(at: At, hits: list[tuple[float, int]], tempo: float) -> bool:
    return all(at(float(b), (36,)) for b in range(4))


def _trap(at: At, hits: list[tuple[float, int]], tempo: float) -> bool:
    """Half time: the backbeat on beat 3 and not on beats 2 or 4."""
    return at(2.0, BACKBEAT) and not at(1.0, BACKBEAT) and not at(3.0, BACKBEAT)


def _dnb(at: At, hits: list[tuple[float, int]], tempo: float) -> bool:
    """170+ BPM, snare on 2 and 4, a kick off the beat."""
    off_kick = any(p == 36 and min(t % 1, 1 - t % 1) > TOL for t, p in hits)
    return tempo >= 170 and at(1.0, BACKBEAT) and at(3.0, BACKBEAT) and off_kick


def _funk(at: At, hits: list[tuple[float, int]], tempo: float) -> bool:
    """Backbeat on 2 and 4, a kick on an off-beat sixteenth, and ghost snares between the beats."""
    sixteenth_kick = any(p == 36 and abs((t * 4) % 2 - 1) < TOL * 4 for t, p in hits)
    ghost = any(p == 38 and min(abs(t - b) for b in (1.0, 3.0)) > TOL and t % 1 > TOL for t, p in hits)
    return at(1.0, BACKBEAT) and at(3.0, BACKBEAT) and sixteenth_kick and ghost


def _metal(at: At, hits: list[tuple[float, int]], tempo: float) -> bool:
    """A double kick (eight kicks or more in the bar) under a backbeat: snare on 2 and 4, on 3 alone
    (the half-time breakdown) or on every beat (the blast)."""
    kicks = sum(p == 36 for _t, p in hits)
    backbeat = (at(1.0, BACKBEAT) and at(3.0, BACKBEAT)) or at(2.0, BACKBEAT)
    return kicks >= 8 and backbeat


NEW_JUDGES: dict[str, Callable[[At, list[tuple[float, int]], float], bool]] = {
    "house": _house,
    "techno": _techno,
    "trap": _trap,
    "drum-and-bass": _dnb,
    "funk": _funk,
    "metal": _metal,
}


def scale_strong_out(path: str, key: Key) -> tuple[int, int]:
    """(notes out of the key's scale, notes) of bass and melody on strong beats, read from the file."""
    tracks, bar, sig = read(path)
    pcs = key.pitch_classes
    out = total = 0
    for name in ("bass", "melody"):
        for s, _e, p in tracks.get(name, []):
            pos = s % bar
            if any(abs(pos - b) < TOL for b in strong(sig)) or bar - pos < TOL:
                total += 1
                out += int(p % 12 not in pcs)
    return out, total


def meter_bars(path: str, sig: tuple[int, int]) -> list[int]:
    tracks, bar, read_sig = read(path)
    kit = tracks.get("drums", [])
    backbeat = {(3, 4): (1.0, 2.0), (6, 8): (1.5,)}[sig]
    out = []
    for b in range(8):
        hits = [(round(s - b * bar, 3), p) for s, _e, p in kit if b * bar - TOL <= s < (b + 1) * bar - TOL]
        kick = any(abs(t) < TOL and p == 36 for t, p in hits)
        snare = any(abs(t - x) < TOL and p in (37, 38, 39) for t, p in hits for x in backbeat)
        out.append(int(read_sig == sig and kick and snare))
    return out


def pattern(path: str, part: str) -> tuple[tuple[int, int], ...]:
    tracks, _bar, _sig = read(path)
    return tuple(sorted((round(s * 12), p) for s, _e, p in tracks.get(part, [])))
