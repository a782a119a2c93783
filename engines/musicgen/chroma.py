"""Melody conditioning for MusicGen-melody: a one-hot chroma per frame, from audio or from notes.

MusicGen-melody takes ``input_features`` of shape (batch, frames, 12): per frame of 4096 samples
at 32 kHz (7.8125 frames per second), a one-hot vector of the strongest pitch class. transformers'
``MusicgenMelodyFeatureExtractor`` computes it with torchaudio, which does not import beside the
CPU torch; this module computes the same thing with librosa, and directly from MIDI notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from engines.errors import AudioFileError, InvalidValue
from engines.music import Note

CHROMA_SAMPLE_RATE_HZ = 32000
CHROMA_HOP = 4096
CHROMA_N_FFT = 16384
CHROMA_FPS = CHROMA_SAMPLE_RATE_HZ / CHROMA_HOP


def one_hot(weights: np.ndarray) -> np.ndarray:
    """(frames, 12) weights to a float32 one-hot of each frame's strongest class (ties: lowest)."""
    out = np.zeros(weights.shape, dtype=np.float32)
    out[np.arange(weights.shape[0]), np.argmax(weights, axis=1)] = 1.0
    return out


def chroma_from_audio(samples: np.ndarray, sample_rate_hz: int) -> np.ndarray:
    """One-hot chroma (frames, 12) of mono or (frames, channels) audio, as MusicGen-melody expects.

    Like the transformers extractor: resample to 32 kHz, centred power STFT (n_fft 16384, hop
    4096), chroma filter bank (A440 tuning), strongest class per frame; silence gives class C.
    """
    import librosa

    from engines.analysis.core import resample
    from engines.analysis.reader import to_mono

    mono = resample(to_mono(np.asarray(samples)), sample_rate_hz, CHROMA_SAMPLE_RATE_HZ)
    if mono.size == 0:
        raise AudioFileError("melody audio is empty: expected at least one frame")
    if mono.size < CHROMA_N_FFT:
        mono = np.pad(mono, ((CHROMA_N_FFT - mono.size) // 2, (CHROMA_N_FFT - mono.size + 1) // 2))
    stft = librosa.stft(mono, n_fft=CHROMA_N_FFT, hop_length=CHROMA_HOP, center=True, pad_mode="reflect")
    spec = np.abs(stft) ** 2  # torchaudio's Spectrogram pads by reflection too
    bank = librosa.filters.chroma(sr=CHROMA_SAMPLE_RATE_HZ, n_fft=CHROMA_N_FFT, tuning=0.0, n_chroma=12)
    return one_hot((bank @ spec).T)  # argmax ignores the extractor's per-frame normalisation


def chroma_from_notes(
    notes: Sequence[Note], tempo_bpm: float, *, length_beats: float | None = None
) -> np.ndarray:
    """One-hot chroma (frames, 12) of notes (quarter-note beats) played at ``tempo_bpm``.

    Each frame weighs the notes sounding in it by velocity x overlap; frames in a rest keep the
    last sounding class (the first class before the first note), as a ringing melody would.
    """
    if tempo_bpm <= 0:
        raise InvalidValue(f"tempo {tempo_bpm} BPM is not valid: expected a positive number")
    sounding = [n for n in notes if not n.mute and n.duration_beats > 0]
    if not sounding:
        raise InvalidValue("melody has no sounding notes: expected at least one unmuted note")
    seconds_per_beat = 60.0 / tempo_bpm
    end_beats = max(n.start_beats + n.duration_beats for n in sounding)
    total_s = (length_beats if length_beats is not None else end_beats) * seconds_per_beat
    frames = int(total_s * CHROMA_FPS) + 1
    weights = np.zeros((frames, 12), dtype=np.float64)
    half = 0.5 / CHROMA_FPS
    centres = np.arange(frames) / CHROMA_FPS
    for note in sounding:
        start, end = (
            note.start_beats * seconds_per_beat,
            (note.start_beats + note.duration_beats) * seconds_per_beat,
        )
        overlap = np.clip(np.minimum(end, centres + half) - np.maximum(start, centres - half), 0.0, None)
        weights[:, note.pitch % 12] += overlap * note.velocity
    active = weights.sum(axis=1) > 0
    first = int(np.argmax(active))
    for i in range(frames):  # hold the last class through rests
        if not active[i]:
            weights[i] = weights[i - 1] if i > first else weights[first]
    return one_hot(weights)


def notes_from_midi(path: str | Path) -> tuple[list[Note], float | None]:
    """Notes (in quarter-note beats) of every track of a MIDI file, and its first tempo in BPM."""
    import mido

    try:
        midi = mido.MidiFile(str(path))
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise AudioFileError(f"MIDI file {str(path)!r} cannot be read: {exc}") from exc
    tpb = midi.ticks_per_beat
    notes: list[Note] = []
    tempo_bpm: float | None = None
    for track in midi.tracks:
        tick, held = 0, {}
        for msg in track:
            tick += msg.time
            if msg.type == "set_tempo" and tempo_bpm is None:
                tempo_bpm = float(mido.tempo2bpm(msg.tempo))
            elif msg.type == "note_on" and msg.velocity > 0:
                held[(msg.channel, msg.note)] = (tick, msg.velocity)
            elif msg.type in ("note_off", "note_on") and (msg.channel, msg.note) in held:
                start, velocity = held.pop((msg.channel, msg.note))
                if tick > start:
                    notes.append(Note(msg.note, start / tpb, (tick - start) / tpb, velocity))
    if not notes:
        raise AudioFileError(f"MIDI file {str(path)!r} holds no notes")
    return sorted(notes, key=lambda n: (n.start_beats, n.pitch)), tempo_bpm
