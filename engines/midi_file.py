"""Standard MIDI files for generated parts: type 1, one track per part, read back with mido.

The first track carries tempo, time signature, key signature and section markers; drums
play on MIDI channel 10. Times in the files are ticks (480 a beat); the API uses beats.
Muted notes are left out. Modes other than major and minor are written with the key
signature of their parent scale and read back as major or minor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import mido

from engines.errors import InvalidValue
from engines.music import MAJOR_KEY_TONICS, MINOR_KEY_TONICS, SCALES, Key, Note

TICKS_PER_BEAT = 480
CHANNELS = {"drums": 9, "bass": 0, "chords": 1, "melody": 2}
_MAJOR = MAJOR_KEY_TONICS  # mido's key names
_MINOR = tuple(f"{tonic}m" for tonic in MINOR_KEY_TONICS)
_NAME_TO_PC = {name.lower(): pc for pc, name in enumerate(_MAJOR)}
_NAME_TO_PC.update({"c#": 1, "d#": 3, "gb": 6, "g#": 8, "a#": 10, "cb": 11, "db": 1})
# Every key signature a MIDI file can name, both spellings of the enharmonic ones included.
_SPELLED_SIGNATURES = frozenset(
    "Cb Gb Db Ab Eb Bb F C G D A E B F# C# Abm Ebm Bbm Fm Cm Gm Dm Am Em Bm F#m C#m G#m D#m A#m".split()
)


@dataclass(frozen=True, slots=True)
class MidiSong:
    tempo_bpm: float
    signature: tuple[int, int]
    key: Key | None
    parts: dict[str, list[Note]]
    markers: list[tuple[float, str]] = field(default_factory=list)


def key_signature_name(key: Key) -> str:
    """The mido key name ("Am", "F#") whose accidentals match the key's scale.

    A major or minor key keeps the user's spelling when a key signature exists for it (Gb, not F#).
    """
    intervals = SCALES[key.scale]
    if key.spelling and key.scale in ("Major", "Minor"):
        spelled = key.spelling + ("m" if key.scale == "Minor" else "")
        if spelled in _SPELLED_SIGNATURES:
            return spelled
    if len(intervals) < 7:  # pentatonic and blues: the major or minor key of the same tonic
        return (_MAJOR if 4 in intervals else _MINOR)[key.tonic]
    scale = {(key.tonic + i) % 12 for i in intervals}
    for parent in range(12):  # the major scale with the same notes, if there is one
        if {(parent + i) % 12 for i in SCALES["Major"]} == scale:
            return _MAJOR[parent] if 4 in intervals else _MINOR[(parent + 9) % 12]
    return (_MAJOR if 4 in intervals else _MINOR)[key.tonic]  # harmonic and melodic minor


def _events(notes: Sequence[Note], channel: int) -> list[tuple[int, int, mido.Message]]:
    by_pitch: dict[int, list[Note]] = {}
    for n in notes:
        if not n.mute:
            by_pitch.setdefault(n.pitch, []).append(n)
    events: list[tuple[int, int, mido.Message]] = []
    for pitch, group in by_pitch.items():
        group.sort(key=lambda n: n.start_beats)
        for i, n in enumerate(group):
            on = round(n.start_beats * TICKS_PER_BEAT)
            off = round((n.start_beats + n.duration_beats) * TICKS_PER_BEAT)
            if i + 1 < len(group):  # a repeated pitch ends where the next one starts
                off = min(off, round(group[i + 1].start_beats * TICKS_PER_BEAT))
            if off <= on:
                continue
            events.append((on, 1, mido.Message("note_on", channel=channel, note=pitch, velocity=n.velocity)))
            events.append((off, 0, mido.Message("note_off", channel=channel, note=pitch, velocity=0)))
    return events


def write_midi(
    path: str | Path,
    parts: Mapping[str, Sequence[Note]],
    *,
    tempo_bpm: float,
    signature: tuple[int, int],
    key: Key,
    programs: Mapping[str, int] | None = None,
    markers: Sequence[tuple[float, str]] = (),
    length_beats: float | None = None,
    controllers: Mapping[str, Sequence[tuple[float, int, int]]] | None = None,
) -> None:
    """Write one type-1 file, a track per part in the given order; ``length_beats`` pads the end.

    ``controllers``: per part, (beats, controller number, value 0..127) control changes on its
    channel (an envelope as a CC lane)."""
    if not parts:
        raise InvalidValue("no parts to write: expected at least one of drums, bass, chords, melody")
    if not 20.0 <= tempo_bpm <= 999.0:
        raise InvalidValue(f"tempo {tempo_bpm} BPM is out of range: expected 20..999")
    mid = mido.MidiFile(type=1, ticks_per_beat=TICKS_PER_BEAT)
    spare = iter(c for c in range(16) if c not in CHANNELS.values())
    end = round((length_beats or 0.0) * TICKS_PER_BEAT)
    for index, (name, notes) in enumerate(parts.items()):
        channel = CHANNELS.get(name) if name in CHANNELS else next(spare)
        assert channel is not None
        track = mido.MidiTrack()
        mid.tracks.append(track)
        head: list[tuple[int, int, mido.Message | mido.MetaMessage]] = []
        track.append(mido.MetaMessage("track_name", name=name, time=0))
        if index == 0:
            num, den = signature
            track.append(mido.MetaMessage("set_tempo", tempo=mido.bpm2tempo(tempo_bpm), time=0))
            track.append(mido.MetaMessage("time_signature", numerator=num, denominator=den, time=0))
            track.append(mido.MetaMessage("key_signature", key=key_signature_name(key), time=0))
            head += [(round(b * TICKS_PER_BEAT), 0, mido.MetaMessage("marker", text=t)) for b, t in markers]
        if programs and name in programs and channel != 9:
            track.append(mido.Message("program_change", channel=channel, program=programs[name], time=0))
        head += [
            (
                round(b * TICKS_PER_BEAT),
                0,
                mido.Message("control_change", channel=channel, control=cc, value=v),
            )
            for b, cc, v in (controllers or {}).get(name, ())
        ]
        events = sorted(head + list(_events(notes, channel)), key=lambda e: (e[0], e[1]))
        now = 0
        for tick, _order, msg in events:
            track.append(msg.copy(time=tick - now))
            now = tick
        track.append(mido.MetaMessage("end_of_track", time=max(0, end - now)))
    mid.save(str(path))


def read_midi(path: str | Path) -> MidiSong:
    """Read a MIDI file back into beats: parts by track name, tempo, signature, key and markers."""
    try:
        mid = mido.MidiFile(str(path))
    except (OSError, EOFError, ValueError) as exc:
        raise InvalidValue(f"MIDI file {str(path)!r} cannot be read: {exc}") from exc
    tpb = float(mid.ticks_per_beat)
    tempo, signature, key = 120.0, (4, 4), None
    parts: dict[str, list[Note]] = {}
    markers: list[tuple[float, str]] = []
    for index, track in enumerate(mid.tracks):
        name, now = f"track{index}", 0
        sounding: dict[tuple[int, int], tuple[int, int]] = {}
        notes: list[Note] = []
        for msg in track:
            now += msg.time
            if msg.type == "track_name":
                name = msg.name
            elif msg.type == "set_tempo":
                tempo = round(mido.tempo2bpm(msg.tempo), 3)
            elif msg.type == "time_signature":
                signature = (msg.numerator, msg.denominator)
            elif msg.type == "key_signature":
                minor = msg.key.endswith("m")
                tonic = msg.key.rstrip("m")
                key = Key(_NAME_TO_PC[tonic.lower()], "Minor" if minor else "Major", tonic)
            elif msg.type == "marker":
                markers.append((now / tpb, msg.text))
            elif msg.type == "note_on" and msg.velocity > 0:
                sounding[(msg.channel, msg.note)] = (now, msg.velocity)
            elif msg.type in ("note_on", "note_off") and (msg.channel, msg.note) in sounding:
                start, vel = sounding.pop((msg.channel, msg.note))
                notes.append(Note(msg.note, start / tpb, (now - start) / tpb, vel))
        if notes or name in CHANNELS:
            parts[name] = sorted(notes, key=lambda n: (n.start_beats, n.pitch))
    return MidiSong(tempo, signature, key, parts, markers)
