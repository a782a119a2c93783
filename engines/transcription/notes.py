"""What a transcription gives back: notes in seconds from the clip's first sample, and the kind used."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("melody", "bass", "piano", "chords", "drums", "auto")
# GM drum notes the drum classifier writes (channel 10's layout: a Drum Rack plays them as is)
DRUM_NOTES = {"kick": 36, "snare": 38, "closed_hat": 42, "open_hat": 46, "ride": 51, "crash": 49, "tom": 45}
# GM drum notes folded onto those voices (a side stick or a clap is a snare, a pedal hat a closed one,
# a ride's bell a ride, any tom a tom): the drum classifier's labels and the benchmark's truth read this
VOICE_OF_GM_NOTE = (
    dict.fromkeys((35, 36), "kick")
    | dict.fromkeys((37, 38, 39, 40), "snare")
    | dict.fromkeys((42, 44), "closed_hat")
    | {46: "open_hat"}
    | dict.fromkeys((51, 53, 59), "ride")
    | dict.fromkeys((49, 52, 55, 57), "crash")
    | dict.fromkeys((41, 43, 45, 47, 48, 50), "tom")
)


@dataclass(frozen=True, slots=True)
class TranscribedNote:
    """One note: MIDI ``pitch``, times in seconds from the clip start, ``velocity`` 1..127.

    ``bends`` holds (time_s, semitones) points of the pitch's deviation from ``pitch`` when the
    caller asked for pitch bends; empty otherwise (and always for drums).
    """

    pitch: int
    start_s: float
    end_s: float
    velocity: int
    bends: tuple[tuple[float, float], ...] = ()

    @property
    def duration_s(self) -> float:
        return self.end_s - self.start_s


@dataclass(frozen=True)
class Transcription:
    """The notes of one clip, ordered by start then pitch, and how they were found.

    ``kind`` is the kind used (``auto`` resolved); ``chosen_because`` says why auto chose it (empty
    when the caller named the kind); ``quantize`` the amount the notes were moved toward the grid
    (0: they stand where they were heard); ``tempo_bpm`` the tempo of that grid (None if not given).
    """

    notes: list[TranscribedNote]
    kind: str
    duration_s: float
    chosen_because: str = ""
    quantize: float = 0.0
    tempo_bpm: float | None = None
    drum_notes: dict[str, int] = field(default_factory=dict)  # voice -> GM note, for drums only

    def as_rows(self) -> list[dict[str, float | int]]:
        """The notes as plain dicts (pitch, start_s, end_s, velocity): the ``--json`` rows."""
        return [
            {
                "pitch": n.pitch,
                "start_s": round(n.start_s, 4),
                "end_s": round(n.end_s, 4),
                "velocity": n.velocity,
            }
            for n in self.notes
        ]
