"""Chord segments: template matching on chroma (the librosa backend) and seventh detection.

Chroma frames are (frames, 12) arrays, C first, at ``fps`` frames per second. Labels are
Harte strings ("A:min", "C:maj", "G:7", "N").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from engines.analysis.result import NO_CHORD, ChordSegment, parse_harte
from engines.errors import InvalidValue
from engines.music import NOTE_NAMES, SCALES, parse_key

SELF_TRANSITION = 0.95  # Viterbi smoothing: probability of staying on the same chord per frame
NO_CHORD_ENERGY = 0.05  # frames whose chroma energy is below this share of the loudest are "N"
NO_CHORD_SCORE = 0.4  # cosine similarity below which "N" explains a frame better than any chord
TEMPLATE_GAIN = 10.0  # log-likelihood per unit of cosine similarity
SEVENTH_RATIO = (
    0.8  # a 7th is added when its chroma reaches this share of the triad's mean (docs/benchmarks/analysis.md)
)
SEVENTH_MIN_S = 0.5  # shorter segments keep their triad label
SNAP_S = 0.2  # chord boundaries within this of a beat move onto it ...
SNAP_BEATS = 0.45  # ... and within this share of a beat interval (docs/benchmarks/analysis.md)
# A chord shorter than this many beats goes to a neighbour (``without_holes``): a reading between
# two beats is a passing tone, not a harmony (docs/benchmarks/analysis.md, "Meter, Live's tempo, chords and keys").
MIN_CHORD_BEATS = 0.75


def _templates() -> tuple[np.ndarray, list[str]]:
    rows, labels = [], []
    for quality, intervals in (("maj", (0, 4, 7)), ("min", (0, 3, 7))):
        for root in range(12):
            row = np.zeros(12)
            row[[(root + i) % 12 for i in intervals]] = 1.0
            rows.append(row / np.linalg.norm(row))
            labels.append(f"{NOTE_NAMES[root]}:{quality}")
    return np.array(rows), labels


def template_chords(chroma: np.ndarray, fps: float) -> list[ChordSegment]:
    """Major/minor chords from chroma frames by cosine similarity and Viterbi smoothing."""
    if len(chroma) == 0:
        return []
    templates, labels = _templates()
    energy = np.linalg.norm(chroma, axis=1)
    unit = chroma / np.maximum(energy[:, None], 1e-9)
    scores = unit @ templates.T  # (frames, 24) cosine similarity
    quiet = energy < NO_CHORD_ENERGY * max(float(energy.max()), 1e-9)
    log_obs = np.hstack([scores, np.full((len(chroma), 1), NO_CHORD_SCORE)]) * TEMPLATE_GAIN
    log_obs[quiet, :-1] = -1e6  # quiet frames can only be "N"
    path = viterbi(log_obs, SELF_TRANSITION)
    return segments_from_frames([[*labels, NO_CHORD][s] for s in path], fps)


def viterbi(log_obs: np.ndarray, self_transition: float) -> np.ndarray:
    """Most likely state path under a uniform switch probability (log observations, frames x states)."""
    frames, states = log_obs.shape
    stay = np.log(self_transition)
    move = np.log((1 - self_transition) / max(states - 1, 1))
    trans = np.full((states, states), move)
    np.fill_diagonal(trans, stay)
    score = log_obs[0].copy()
    back = np.zeros((frames, states), dtype=np.int64)
    for t in range(1, frames):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + log_obs[t]
    path = np.empty(frames, dtype=np.int64)
    path[-1] = int(score.argmax())
    for t in range(frames - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def segments_from_frames(labels: Sequence[str], fps: float) -> list[ChordSegment]:
    """Merge runs of equal frame labels into segments."""
    segments: list[ChordSegment] = []
    start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            segments.append(ChordSegment(start / fps, i / fps, labels[start]))
            start = i
    return segments


def add_sevenths(segments: Sequence[ChordSegment], chroma: np.ndarray, fps: float) -> list[ChordSegment]:
    """Relabel maj/min segments as 7, maj7 or min7 where the seventh's chroma is strong.

    Only segments of at least SEVENTH_MIN_S are touched; the seventh must reach SEVENTH_RATIO of
    the triad tones' mean chroma and be stronger than the other seventh.
    """
    out = []
    for seg in segments:
        parsed = parse_harte(seg.label)
        first, last = int(seg.start_s * fps), int(np.ceil(seg.end_s * fps))
        if parsed is None or seg.end_s - seg.start_s < SEVENTH_MIN_S or last <= first:
            out.append(seg)
            continue
        root, quality = parsed
        if quality not in ("maj", "min"):
            out.append(seg)
            continue
        mean = chroma[first:last].mean(axis=0)
        third = 4 if quality == "maj" else 3
        triad = mean[[root, (root + third) % 12, (root + 7) % 12]].mean()
        minor7, major7 = mean[(root + 10) % 12], mean[(root + 11) % 12]
        label = seg.label
        if minor7 >= SEVENTH_RATIO * triad and minor7 > major7:
            label = f"{NOTE_NAMES[root]}:{'7' if quality == 'maj' else 'min7'}"
        elif quality == "maj" and major7 >= SEVENTH_RATIO * triad and major7 > minor7:
            label = f"{NOTE_NAMES[root]}:maj7"
        out.append(ChordSegment(seg.start_s, seg.end_s, label))
    return out


def snap_to_beats(segments: Sequence[ChordSegment], beats_s: np.ndarray) -> list[ChordSegment]:
    """Move chord boundaries onto the nearest beat when it is close; harmony mostly changes on beats.

    "Close" is SNAP_S or SNAP_BEATS of the median beat interval, whichever is smaller. Segments that
    shrink to nothing disappear and equal neighbours merge; without two beats nothing moves.
    """
    beats = np.asarray(beats_s, dtype=np.float64)
    if len(beats) < 2 or not segments:
        return list(segments)
    tolerance = min(SNAP_S, SNAP_BEATS * float(np.median(np.diff(beats))))

    def snap(t: float) -> float:
        nearest = float(beats[np.abs(beats - t).argmin()])
        return nearest if abs(nearest - t) <= tolerance else t

    out: list[ChordSegment] = []
    for seg in segments:
        start = out[-1].end_s if out else seg.start_s
        end = snap(seg.end_s) if seg is not segments[-1] else seg.end_s
        if end <= start:
            continue
        if out and out[-1].label == seg.label:
            out[-1] = ChordSegment(out[-1].start_s, end, seg.label)
        else:
            out.append(ChordSegment(start, end, seg.label))
    return out


def tones(label: str) -> tuple[int, ...]:
    """Pitch classes of a Harte label's triad (and seventh); () for "N"."""
    parsed = parse_harte(label)
    if parsed is None:
        return ()
    root, quality = parsed
    steps = {"min": (0, 3, 7), "min7": (0, 3, 7, 10), "7": (0, 4, 7, 10), "maj7": (0, 4, 7, 11)}
    return tuple((root + i) % 12 for i in steps.get(quality, (0, 4, 7)))


def without_holes(
    segments: Sequence[ChordSegment],
    chroma: np.ndarray,
    fps: float,
    *,
    min_s: float,
    heard: float,
    first_beat_s: float = 0.0,
) -> list[ChordSegment]:
    """The chords with no "N" where a pitch sounds and none shorter than ``min_s``.

    An "N" segment in which some pitch class reaches ``heard`` in at least half the chroma frames
    (a bass note alone, the oom of oom-pah-pah) and every chord shorter than ``min_s`` (a passing
    reading between two beats) goes to the neighbouring chord whose tones carry more of its chroma
    (the earlier one on a tie); "N" stays where nothing pitched sounds (silence, drums alone) and
    up to the first beat (``first_beat_s``; within SNAP_S, where snap_to_beats will put its end:
    the chroma network hears a note a few frames before it starts).
    Equal neighbours then merge.
    """
    out = list(segments)
    frames = np.atleast_2d(np.asarray(chroma, dtype=np.float64))

    def pitched(seg: ChordSegment) -> bool:
        part = frames[int(seg.start_s * fps) : max(int(seg.start_s * fps) + 1, int(np.ceil(seg.end_s * fps)))]
        return len(part) > 0 and float(np.mean(part.max(axis=1) >= heard)) >= 0.5

    def absorbable(seg: ChordSegment) -> bool:
        if seg.label == NO_CHORD:
            return seg.end_s > first_beat_s + SNAP_S and pitched(seg)
        return seg.end_s - seg.start_s < min_s

    changed = True
    while changed and len(out) > 1:
        changed = False
        for i, seg in enumerate(out):
            if not absorbable(seg):
                continue
            part = frames[
                int(seg.start_s * fps) : max(int(seg.start_s * fps) + 1, int(np.ceil(seg.end_s * fps)))
            ]
            mean = part.mean(axis=0) if len(part) else np.zeros(12)
            options = [j for j in (i - 1, i + 1) if 0 <= j < len(out) and out[j].label != NO_CHORD]
            if not options:
                continue
            j = max(options, key=lambda k: (float(sum(mean[list(tones(out[k].label))])), -k))
            label = out[j].label
            out[i] = ChordSegment(seg.start_s, seg.end_s, label)
            merged: list[ChordSegment] = []
            for s in out:
                if merged and merged[-1].label == s.label:
                    merged[-1] = ChordSegment(merged[-1].start_s, s.end_s, s.label)
                else:
                    merged.append(s)
            out, changed = merged, True
            break
    return out


FLAT_ROOTS = ("C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B")


def spelled_in_key(segments: Sequence[ChordSegment], key: str) -> list[ChordSegment]:
    """The chords with their roots spelled as the key spells them: flats in a key whose signature
    has flats (Eb:maj in Eb major, Bb:7 in F major), sharps in one with sharps (F#:min in A major).

    C major and A minor (no accidentals) spell their borrowed roots with flats (Bb, Eb, Ab: the
    flat-side chords borrowed from the parallel minor are the common ones). An unparsable key ("N")
    leaves the labels as they are.
    """
    try:
        parsed = parse_key(key)
    except InvalidValue:
        return list(segments)
    major_tonic = parsed.tonic if 4 in SCALES[parsed.scale] else (parsed.tonic + 3) % 12
    fifths = (7 * major_tonic) % 12  # 0 C, 1 G (one sharp) ... 6 F# (six sharps), 7 Db (five flats) ... 11 F
    roots = NOTE_NAMES if 1 <= fifths <= 6 else FLAT_ROOTS
    out = []
    for seg in segments:
        parsed_chord = parse_harte(seg.label)
        if parsed_chord is None:
            out.append(seg)
            continue
        quality = seg.label.split(":", 1)[1] if ":" in seg.label else parsed_chord[1]
        out.append(ChordSegment(seg.start_s, seg.end_s, f"{roots[parsed_chord[0]]}:{quality}"))
    return out
