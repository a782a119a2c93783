"""What an analysis returns: the song grid, key and chords of one clip, in seconds.

``AnalysisResult.to_dict()`` is the JSON contract of ``roo analyze --json`` and of the daemon's
``analysis`` result. ``chords_in_beats`` turns the seconds into Live's unit (quarter-note beats
from the clip start) for the generators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from engines.errors import InvalidValue
from engines.music import Chord

NO_KEY = "N"  # the key of a clip with no tonal content (silence)
NO_CHORD = "N"  # Harte's no-chord label
_HARTE_ROOTS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
_HARTE_RE = re.compile(r"^([A-G])([#b]*):?([A-Za-z0-9]*)")
Progress = Callable[[float, str], None]  # (fraction 0..1, message); may raise JobCancelled


@dataclass(frozen=True, slots=True)
class ChordSegment:
    start_s: float
    end_s: float
    label: str  # Harte: "A:min", "C:maj", "G:7", "N"


@dataclass(frozen=True, slots=True)
class Findings:
    """What a backend hands back before the result is assembled (times in seconds)."""

    beats_s: np.ndarray
    downbeats_s: np.ndarray
    beats_per_bar: int
    key_probabilities: np.ndarray  # 24 keys: C..B major, then C..B minor
    chords: list[ChordSegment]
    pitched_share: float  # 0..1: share of the sounding frames in which a pitch is heard (keys.TONAL_SHARE)
    meter_confidence: float = 0.0  # 0..1 (levels.meter_confidence); 0 without downbeats
    compound: bool = False  # the beats are dotted quarters (6/8, 12/8)
    tempo_levels: tuple[float, ...] = ()  # other tempo levels the evidence weighed (BPM), likeliest first
    # The runner-up readings of the bar: ((numerator, denominator), confidence 0..1), likeliest first.
    meter_alternatives: tuple[tuple[tuple[int, int], float], ...] = ()
    meter_ambiguous: bool = False  # the meter's evidence is weak: held against ``meter_rival``
    meter_rival: tuple[tuple[int, int], float, float] | None = None  # (signature, Live BPM, probability)


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    duration_s: float
    sample_rate: int  # of the analysed file (before any resampling)
    tempo_bpm: float | None  # None when there are fewer than two beats (silence)
    beats_s: tuple[float, ...]
    downbeats_s: tuple[float, ...]  # a subset of beats_s
    time_signature: tuple[int, int] | None  # None without downbeats (no bar was measured)
    key: str  # "A minor", "F# major" or "N"
    key_confidence: float  # 0..1
    chords: tuple[ChordSegment, ...]
    backend: str  # "madmom" or "librosa"
    tempo_alternatives: tuple[float, ...] = ()  # other levels of the same beat (BPM), likeliest first
    meter_confidence: float = 0.0  # 0..1; 0 without a time signature
    # Other readings of the bar, ((numerator, denominator), confidence), likeliest first.
    meter_alternatives: tuple[tuple[tuple[int, int], float], ...] = ()
    # Other keys worth naming, (label, probability), likeliest first (keys.alternatives).
    key_alternatives: tuple[tuple[str, float], ...] = ()
    # The best key is too close to another to be set without being asked (keys.AMBIGUOUS_RATIO).
    key_ambiguous: bool = False
    # The meter's evidence is too weak to set Live without being asked (issue 45); the reading it is
    # held against: ((numerator, denominator), Live's tempo in quarter BPM, probability).
    meter_ambiguous: bool = False
    meter_rival: tuple[tuple[int, int], float, float] | None = None

    @property
    def live_tempo_bpm(self) -> float | None:
        """The tempo Live must be set to: quarter notes a minute. ``tempo_bpm`` counts the analysed
        beat, which is a dotted quarter in 6/8, 9/8 and 12/8 (x 1.5: 66.67 -> 100.0) and an eighth in
        7/8 (x 0.5); without a time signature the beat is taken as a quarter."""
        if self.tempo_bpm is None:
            return None
        return self.tempo_bpm * quarters_per_beat(self.time_signature)

    @property
    def beats_per_bar(self) -> int | None:
        """Analysed beats in a bar: the numerator, or its third in 6/8, 9/8, 12/8 (counted in dotted
        quarters); None without a time signature."""
        if self.time_signature is None:
            return None
        num, den = self.time_signature
        return num // 3 if den == 8 and num % 3 == 0 else num

    @property
    def rival_asked(self) -> str:
        """What an unsure meter is asked against, said after it: " or 6/8?"; a rival in the same
        signature differs only in its bar's tempo, so that is said: " (or 120.0 BPM?)"; none: "?"."""
        rival = self.meter_rival
        if rival is None:
            return "?"
        if tuple(rival[0]) == tuple(self.time_signature or ()):
            return f" (or {rival[1]:.1f} BPM?)"
        return " or {}/{}?".format(*rival[0])

    def to_dict(self) -> dict[str, Any]:
        return {
            "duration_s": round(self.duration_s, 4),
            "sample_rate": self.sample_rate,
            "tempo_bpm": None if self.tempo_bpm is None else round(self.tempo_bpm, 3),
            "live_tempo_bpm": None if self.live_tempo_bpm is None else round(self.live_tempo_bpm, 3),
            "tempo_alternatives": [round(t, 3) for t in self.tempo_alternatives],
            "beats_s": [round(t, 4) for t in self.beats_s],
            "downbeats_s": [round(t, 4) for t in self.downbeats_s],
            "time_signature": None if self.time_signature is None else list(self.time_signature),
            "meter_confidence": round(self.meter_confidence, 4),
            "meter_alternatives": [
                {"time_signature": list(sig), "confidence": round(c, 4)} for sig, c in self.meter_alternatives
            ],
            "meter_ambiguous": self.meter_ambiguous,
            "meter_rival": None
            if self.meter_rival is None
            else {
                "time_signature": list(self.meter_rival[0]),
                "live_tempo_bpm": round(self.meter_rival[1], 3),
                "confidence": round(self.meter_rival[2], 4),
            },
            "key": self.key,
            "key_confidence": round(self.key_confidence, 4),
            "key_alternatives": [{"key": k, "confidence": round(c, 4)} for k, c in self.key_alternatives],
            "key_ambiguous": self.key_ambiguous,
            "chords": [
                {"start_s": round(c.start_s, 4), "end_s": round(c.end_s, 4), "label": c.label}
                for c in self.chords
            ],
            "backend": self.backend,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnalysisResult:
        """Rebuild a result from ``to_dict()`` output (the cache); raises InvalidValue if malformed."""
        try:
            tempo = data["tempo_bpm"]
            signature = data["time_signature"]
            if signature is not None:
                num, den = signature
            return cls(
                duration_s=float(data["duration_s"]),
                sample_rate=int(data["sample_rate"]),
                tempo_bpm=None if tempo is None else float(tempo),
                beats_s=tuple(float(t) for t in data["beats_s"]),
                downbeats_s=tuple(float(t) for t in data["downbeats_s"]),
                time_signature=None if signature is None else (int(num), int(den)),
                key=str(data["key"]),
                key_confidence=float(data["key_confidence"]),
                chords=tuple(
                    ChordSegment(float(c["start_s"]), float(c["end_s"]), str(c["label"]))
                    for c in data["chords"]
                ),
                backend=str(data["backend"]),
                tempo_alternatives=tuple(float(t) for t in data["tempo_alternatives"]),
                meter_confidence=float(data["meter_confidence"]),
                meter_alternatives=tuple(
                    ((int(m["time_signature"][0]), int(m["time_signature"][1])), float(m["confidence"]))
                    for m in data.get("meter_alternatives", ())
                ),
                key_alternatives=tuple(
                    (str(k["key"]), float(k["confidence"])) for k in data.get("key_alternatives", ())
                ),
                key_ambiguous=bool(data.get("key_ambiguous", False)),
                meter_ambiguous=bool(data.get("meter_ambiguous", False)),
                meter_rival=_rival(data.get("meter_rival")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidValue(f"analysis result {str(data)[:80]!r} is malformed: {exc}") from exc


def _rival(data: dict[str, Any] | None) -> tuple[tuple[int, int], float, float] | None:
    if data is None:
        return None
    num, den = data["time_signature"]
    return (int(num), int(den)), float(data["live_tempo_bpm"]), float(data["confidence"])


def quarters_per_beat(time_signature: tuple[int, int] | None) -> float:
    """Quarter notes in one analysed beat of a bar in ``time_signature``: 1.5 in compound meters
    (3/8, 6/8, 9/8, 12/8: the dotted quarter, as ``beats_per_bar`` counts), 0.5 in other eighth meters (7/8, 5/8: the eighth), 2 in
    x/2, 1 otherwise and without a signature."""
    if time_signature is None:
        return 1.0
    num, den = time_signature
    if den == 8:
        return 1.5 if num % 3 == 0 else 0.5
    return 4.0 / den if den in (1, 2, 4, 16) else 1.0


def parse_harte(label: str) -> tuple[int, str] | None:
    """Root pitch class and quality of a Harte label ("A:min" -> (9, "min")); None for "N"/"X"."""
    if label in (NO_CHORD, "X", ""):
        return None
    m = _HARTE_RE.match(label)
    if m is None:
        raise InvalidValue(f"chord label {label!r} is not a Harte label like 'A:min' or 'C:maj'")
    letter, accidentals, quality = m.groups()
    root = _HARTE_ROOTS[letter] + accidentals.count("#") - accidentals.count("b")
    return root % 12, quality or "maj"


def chords_in_beats(result: AnalysisResult, *, tempo_bpm: float | None = None) -> tuple[Chord, ...]:
    """The result's chords as engines.music.Chord in beats from the clip start ("N" dropped).

    Uses ``tempo_bpm`` (default: the detected tempo); a result without a tempo has no chords in beats.
    """
    bpm = tempo_bpm if tempo_bpm is not None else result.tempo_bpm
    if bpm is None or bpm <= 0:
        return ()
    beats_per_s = bpm / 60.0
    chords = []
    for seg in result.chords:
        parsed = parse_harte(seg.label)
        if parsed is None:
            continue
        root, quality = parsed
        start = seg.start_s * beats_per_s
        chords.append(Chord(start, (seg.end_s - seg.start_s) * beats_per_s, root, quality))
    return tuple(chords)
