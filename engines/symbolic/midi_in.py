"""MIDI files as tracks with their channels, for analysis and transforms of a producer's file.

Unlike ``engines.midi_file`` (which names parts by track), this keeps each track's channel, so
drum tracks (channel 10, index 9) stay drums when a file is read, transformed and written back.
Times are beats; the first tempo and time signature in the file are the song's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import mido

from engines.errors import InvalidValue
from engines.midi_file import TICKS_PER_BEAT, key_signature_name
from engines.music import Key, Note

DRUM_CHANNEL = 9
_KEY_PC = {"C": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6,
           "G": 7, "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11, "Cb": 11}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MidiTrack:
    name: str
    channel: int  # 0..15 (9: drums); a file track playing on several channels is read as several
    notes: tuple[Note, ...]

    @property
    def is_drums(self) -> bool:
        return self.channel == DRUM_CHANNEL


@dataclass(frozen=True, slots=True)
class MidiTracks:
    tempo_bpm: float
    signature: tuple[int, int]
    key: Key | None  # from the key signature, when the file has one
    tracks: tuple[MidiTrack, ...]
    length_beats: float  # the end of the last note or track, whichever is later

    def pitched_notes(self) -> list[Note]:
        """Every note of every track that is not on the drum channel."""
        return [n for t in self.tracks if not t.is_drums for n in t.notes]

    def with_tracks(self, tracks: Sequence[MidiTrack]) -> MidiTracks:
        return replace(self, tracks=tuple(tracks))


def read_tracks(path: str | Path) -> MidiTracks:
    """Read a type 0 or 1 file; raises InvalidValue naming the file when it cannot be read."""
    try:
        mid = mido.MidiFile(str(path))
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise InvalidValue(f"MIDI file {str(path)!r} cannot be read: {exc}") from exc
    tpb = float(mid.ticks_per_beat)
    tempo: float | None = None
    signature: tuple[int, int] | None = None
    key: Key | None = None
    tracks: list[MidiTrack] = []
    end = 0
    for index, track in enumerate(mid.tracks):
        name, now = f"track {index + 1}", 0
        sounding: dict[tuple[int, int], tuple[int, int]] = {}
        by_channel: dict[int, list[Note]] = {}
        for msg in track:
            now += msg.time
            if msg.type == "track_name" and msg.name:
                name = msg.name
            elif msg.type == "set_tempo" and tempo is None:
                tempo = round(mido.tempo2bpm(msg.tempo), 3)
            elif msg.type == "time_signature" and signature is None:
                signature = (msg.numerator, msg.denominator)
            elif msg.type == "key_signature" and key is None:
                minor = msg.key.endswith("m")
                key = Key(_KEY_PC[msg.key.rstrip("m")], "Minor" if minor else "Major")
            elif msg.type == "note_on" and msg.velocity > 0:
                sounding[(msg.channel, msg.note)] = (now, msg.velocity)
            elif msg.type in ("note_on", "note_off") and (msg.channel, msg.note) in sounding:
                start, vel = sounding.pop((msg.channel, msg.note))
                if now > start:
                    note = Note(msg.note, start / tpb, (now - start) / tpb, vel)
                    by_channel.setdefault(msg.channel, []).append(note)
        end = max(end, now)
        for channel, notes in sorted(by_channel.items()):  # a type-0 file: one track per channel
            notes.sort(key=lambda n: (n.start_beats, n.pitch))
            label = name if len(by_channel) == 1 else f"{name} ch{channel + 1}"
            tracks.append(MidiTrack(label, channel, tuple(notes)))
    length = max([end / tpb] + [n.start_beats + n.duration_beats for t in tracks for n in t.notes])
    return MidiTracks(tempo or 120.0, signature or (4, 4), key, tuple(tracks), length)


def write_tracks(path: str | Path, song: MidiTracks) -> None:
    """Write a type-1 file: tempo, signature and key first, then each track on its own channel."""
    mid = mido.MidiFile(type=1, ticks_per_beat=TICKS_PER_BEAT)
    meta = mido.MidiTrack()
    num, den = song.signature
    meta.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(song.tempo_bpm), time=0))
    meta.append(mido.MetaMessage("time_signature", numerator=num, denominator=den, time=0))
    if song.key is not None:
        meta.append(mido.MetaMessage("key_signature", key=key_signature_name(song.key), time=0))
    meta.append(mido.MetaMessage("end_of_track", time=round(song.length_beats * TICKS_PER_BEAT)))
    mid.tracks.append(meta)
    for t in song.tracks:
        track = mido.MidiTrack()
        track.append(mido.MetaMessage("track_name", name=t.name, time=0))
        events: list[tuple[int, int, int, int]] = []  # tick, order (offs first), pitch, velocity
        by_pitch: dict[int, list[tuple[int, int, int]]] = {}
        for n in t.notes:
            if not n.mute:
                on = round(n.start_beats * TICKS_PER_BEAT)
                off = max(on + 1, round((n.start_beats + n.duration_beats) * TICKS_PER_BEAT))
                by_pitch.setdefault(n.pitch, []).append((on, off, n.velocity))
        for pitch, spans in by_pitch.items():
            spans.sort()
            for i, (on, off, vel) in enumerate(spans):
                if i + 1 < len(spans):  # a repeated pitch ends where the next one starts
                    off = min(off, spans[i + 1][0])
                if off > on:
                    events += [(on, 1, pitch, vel), (off, 0, pitch, 0)]
        now = 0
        for tick, order, pitch, vel in sorted(events):
            kind = "note_on" if order else "note_off"
            track.append(mido.Message(kind, channel=t.channel, note=pitch, velocity=vel, time=tick - now))
            now = tick
        track.append(mido.MetaMessage("end_of_track", time=0))
        mid.tracks.append(track)
    try:
        mid.save(str(path))
    except OSError as exc:
        raise InvalidValue(f"cannot write {str(path)!r}: {exc.strerror}") from exc
