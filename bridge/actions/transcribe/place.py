"""Where transcribed notes land: seconds of the source's file to beats of the new MIDI clip.

The engine hears the clip's marked region (its start..end markers in seconds of the file) and
answers in seconds from the region's start. A warped clip plays the file through its warp markers,
so each note's second goes through them (``engines.warping.beats_at``, Live's own straight lines
between markers) and lands on the beat where its audio plays; an unwarped clip plays the file in
real time, so a second is tempo/60 beats. Beats count from the source's start marker, which is
where the new clip starts. Quantize, only when asked, pulls starts toward the 16th grid in those
beats (the song's grid, not the file's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from engines.music import Note
from engines.transforms.options import TransformOptions
from engines.transforms.timing import quantize
from engines.warping import Pair, beats_at

GRID_BEATS = 0.25  # quantize pulls toward 16ths
MIN_BEATS = 1.0 / 64  # Live's shortest note the Remote Script takes
GM_DRUMS = "GM drums: 36 kick, 38 snare, 42 closed hat, 46 open hat, 45 tom, 49 crash, 51 ride"


@dataclass(frozen=True, slots=True)
class Timeline:
    """How a second of the file maps to the clip's beats."""

    region_start_s: float  # the file second the engine's 0.0 is
    start_marker_beats: float  # where the clip starts, in its own beats
    length_beats: float  # start..end marker
    tempo_bpm: float  # the Set's tempo (unwarped: real time)
    markers: tuple[Pair, ...] = ()  # (file seconds, clip beats); two or more when warped

    def beats(self, seconds_in_region: float) -> float:
        """The beat from the clip's start at which the region's second plays."""
        file_s = self.region_start_s + seconds_in_region
        if len(self.markers) >= 2:
            return beats_at(self.markers, file_s) - self.start_marker_beats
        return seconds_in_region * self.tempo_bpm / 60.0


def timeline(
    *,
    region_start_s: float,
    start_marker_beats: float,
    end_marker_beats: float,
    tempo_bpm: float,
    warping: bool,
    markers: Sequence[Pair],
) -> Timeline:
    """A clip's timeline; an unwarped clip's markers are not used (Live plays it in real time)."""
    kept = tuple(sorted(markers)) if warping else ()
    return Timeline(
        region_start_s, start_marker_beats, end_marker_beats - start_marker_beats, tempo_bpm, kept
    )


Row = tuple[int, float, float, int]  # (pitch, start_s, end_s, velocity) as the engine heard it


def placed(notes: Sequence[Row], line: Timeline, quantize_amount: float = 0.0) -> list[tuple[Row, Note]]:
    """Each row with its Live note in the clip's beats, by start then pitch; notes that start past the
    clip's end are left out and the last ones end with it."""
    rows: list[Row] = []
    out: list[Note] = []
    for pitch, start_s, end_s, velocity in notes:
        start = max(0.0, line.beats(start_s))
        end = min(line.beats(end_s), line.length_beats)
        if start >= line.length_beats - MIN_BEATS:
            continue
        rows.append((int(pitch), float(start_s), float(end_s), int(velocity)))
        duration = round(max(end - start, MIN_BEATS), 6)
        out.append(Note(int(pitch), round(start, 6), duration, min(127, max(1, int(velocity)))))
    if quantize_amount > 0.0:  # keeps the order
        out = quantize(out, TransformOptions(line.length_beats, strength=quantize_amount, grid=GRID_BEATS))
    return sorted(zip(rows, out, strict=True), key=lambda pair: (pair[1].start_beats, pair[1].pitch))


def note_rows(pairs: Sequence[tuple[Row, Note]]) -> list[dict[str, float]]:
    """The notes as the result event and ``roo transcribe --json`` show them."""
    return [
        {"pitch": p, "start_s": round(s, 4), "end_s": round(e, 4), "velocity": v,
         "start_beats": n.start_beats, "duration_beats": n.duration_beats}
        for (p, s, e, v), n in pairs
    ]  # fmt: skip


def names(source: str, kind: str) -> tuple[str, str]:
    """The new track's name and the clip's: "Bass riff (bass MIDI)"; drums say their GM layout."""
    if kind == "drums":
        return f"{source} (drums MIDI, GM)", f"{source} drums ({GM_DRUMS})"
    return f"{source} ({kind} MIDI)", f"{source} ({kind})"
