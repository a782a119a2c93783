"""The truth of a rendered chorale, read from its music21 score and (where there is one) its expert
Roman-numeral analysis: keys, chords, beats and downbeats, in seconds at a given tempo.

Two keys are kept: the declared one (the score's first music21 Key: the soprano's key signature
and the mode its encoder wrote) and the final-and-signature key. Bach often notated minor keys
with one flat fewer than the modern signature (a "Dorian" signature: BWV 40.8 in F minor is
written with three flats, so its declared key is C minor). The final-and-signature key takes the
tonic from the bass's last note and the mode from the bass part's signature: on the
signature's major tonic major; on its minor tonic, or a whole tone above its major tonic (the
Dorian signature), minor; any other final (a Phrygian or half-cadence ending) keeps the declared key.
"""

from __future__ import annotations

from typing import Any

MIN_FIT = 0.6  # least share of sounding notes on the analysis's chord tones for usable chord truth
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


# The final's step above the signature's major tonic -> the mode of the final-and-signature key.
FINAL_MODES = {0: "major", 9: "minor", 2: "minor"}


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
    first_key = next(iter(score.recurse().getElementsByClass(key.Key)), None)
    declared = key_name(first_key) if first_key is not None else None
    truth = {
        "tempo_bpm": tempo_bpm,
        "key": declared,
        "key_final": final_key(score, declared),
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


def final_key(score: Any, declared: str | None) -> str | None:
    """The final-and-signature key of a score (module docstring); ``declared`` where that rule is silent.

    The bass is the pitched part whose last note is lowest (timpani, which end on the tonic or
    the dominant, are left out); its own signature is read, as the bass sounds at concert pitch.
    """
    from music21 import key

    finals = {}
    for part in score.parts:
        notes = part.flatten().notes
        if notes and "timpani" not in str(part.partName or "").lower():
            finals[part] = min(notes[-1].pitches, key=lambda p: p.ps)
    if not finals:
        return declared
    bass = min(finals, key=lambda part: finals[part].ps)
    signature = next(iter(bass.recurse().getElementsByClass(key.KeySignature)), None)
    if signature is None:
        return declared
    final = finals[bass]  # spelled as the score spells it
    mode = FINAL_MODES.get((final.pitchClass - 7 * signature.sharps) % 12)
    return f"{final.name.replace('-', 'b')} {mode}" if mode else declared
