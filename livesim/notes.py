"""Live.Clip.MidiNoteSpecification and Live.Clip.MidiNote for the in-memory Live (Live 11+ notes API).

A specification is what a script builds to add a note; a MidiNote is what the clip hands back:
a copy with its note id, so changing it changes nothing in the clip.
"""

from __future__ import annotations

from livesim.base import check_args


class MidiNoteSpecification:
    """The data of a note to add with Clip.add_new_notes (keyword arguments allowed, as in Live)."""

    def __init__(
        self,
        pitch: int,
        start_time: float,
        duration: float,
        velocity: float = 100.0,
        mute: bool = False,
        probability: float = 1.0,
        velocity_deviation: float = 0.0,
        release_velocity: float = 64.0,
    ) -> None:
        check_args(
            "MidiNoteSpecification.__init__",
            (pitch, start_time, duration, velocity, mute, probability, velocity_deviation, release_velocity),
            ("int", "float", "float", "float", "bool", "float", "float", "float"),
        )
        self.pitch = pitch
        self.start_time = float(start_time)
        self.duration = float(duration)
        self.velocity = float(velocity)
        self.mute = bool(mute)
        self.probability = float(probability)
        self.velocity_deviation = float(velocity_deviation)
        self.release_velocity = float(release_velocity)


class MidiNote:
    """A note as Live returns it: a copy; changing it changes nothing in the clip."""

    def __init__(self, note_id: int, spec: MidiNoteSpecification | MidiNote) -> None:
        self._note_id = note_id
        self.pitch: int = spec.pitch
        self.start_time: float = spec.start_time
        self.duration: float = spec.duration
        self.velocity: float = spec.velocity
        self.mute: bool = spec.mute
        self.probability: float = spec.probability
        self.velocity_deviation: float = spec.velocity_deviation
        self.release_velocity: float = spec.release_velocity

    @property
    def note_id(self) -> int:
        return self._note_id

    def __repr__(self) -> str:
        return (
            f"MidiNote(id={self._note_id}, pitch={self.pitch}, start_time={self.start_time}, "
            f"duration={self.duration}, velocity={self.velocity}, mute={self.mute})"
        )
