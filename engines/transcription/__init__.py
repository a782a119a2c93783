"""Audio to notes: a sung line, a riff, a bass stem or a drum loop becomes MIDI notes, pure.

``transcribe(audio, rate, kind=...)`` takes a (frames,) or (frames, channels) array and gives a
``Transcription``: notes in seconds from the first sample, and the kind used (``auto`` says what
it chose and why). Pitched kinds run Basic Pitch's note model (ONNX, loaded once per process)
and track its maps: ``melody`` and ``bass`` one note at a time, ``piano`` and ``chords`` several.
``drums`` finds hits on the audio and names their voices (GM notes, ``DRUM_NOTES``). Notes move
toward the grid only when ``quantize`` > 0 (needs ``tempo_bpm``). Audio no kind can read, or a
drum loop asked as a pitched kind, raises ``UnsuitableAudio`` naming what was found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from engines.errors import InvalidValue, UnsuitableAudio
from engines.music import Key, parse_key
from engines.transcription import drums, ends, grid, mono, poly, syllables, tuning, twelfths, vibrato
from engines.transcription.audio import PITCHED_SHARE, Profile, describe, prepare
from engines.transcription.model import (
    FRAMES_PER_S,
    HOP,
    MODEL_RATE_HZ,
    Posteriors,
    load_session,
    pitched_share,
    posteriors,
)
from engines.transcription.notes import DRUM_NOTES, KINDS, TranscribedNote, Transcription
from engines.transcription.onsets import accents, every, fine_power, flux_of, levels_db, refine
from engines.transcription.tracks import one_at_a_time, to_notes

__all__ = [
    "DRUM_NOTES",
    "KINDS",
    "TranscribedNote",
    "Transcription",
    "load_session",
    "transcribe",
]

PITCHED = ("melody", "bass", "piano", "chords")
BASS_BELOW_MIDI = 50  # auto: a one-note line whose median pitch is below D3 is a bass line
POLY_SHARE = 0.25  # auto: more than this share of sounding frames with two or more clear notes: piano
SUNG_WAVER_CENTS = 0.8  # auto: a low line whose pitch moves this much a frame (vibrato) is sung: melody
CLEAR = 0.5  # a note map value this high is a clear note (the fainter ones are often a low note's harmonics)


def transcribe(
    audio: np.ndarray,
    sample_rate_hz: int,
    *,
    kind: str = "auto",
    tempo_bpm: float | None = None,
    quantize: float = 0.0,
    grid_beats: float = 0.25,
    key: str | Key | None = None,
    pitch_bends: bool = False,
    progress: Callable[[float], None] | None = None,
) -> Transcription:
    """The notes of a clip. ``quantize`` 0..1 moves them toward a ``grid_beats`` grid at ``tempo_bpm``
    (beat 0 at the first sample); ``key`` ("A minor", or a ``Key``) favours its pitches a little in
    one-note lines and decides a take's tuning where it sits near +-50 cents (``tuning.in_key``);
    ``progress`` gets 0..1 (it may raise JobCancelled to stop)."""
    if kind not in KINDS:
        raise InvalidValue(f"kind {kind!r} is not valid: expected one of {', '.join(KINDS)}")
    grid.check(quantize, tempo_bpm, grid_beats)
    key_classes = (key if isinstance(key, Key) else parse_key(key)).pitch_classes if key else None
    y = prepare(audio, sample_rate_hz)
    duration_s = len(y) / MODEL_RATE_HZ
    post, heard, y_model, cents = None, None, y, 0.0
    if kind != "drums":
        # a take sung off the A440 grid is read on its own grid
        cents = tuning.offset_cents(y, key_classes, note_map=lambda clip: posteriors(clip).note)
        if abs(cents) >= tuning.MIN_CENTS:
            y_model = tuning.retuned(y, cents)
        post = posteriors(y_model, progress)
        heard = pitched_share(y_model, post)
    # a clip with clear pitches needs no more reading; the split into hits and held sound is for the rest
    profile = (
        Profile(None, None, heard) if heard is not None and heard >= PITCHED_SHARE else describe(y, heard)
    )
    _refuse_unreadable(profile, kind)
    chosen, because = kind, ""
    if post is None or (kind == "auto" and profile.found == "drums"):
        chosen = "drums"
        because = f"the audio is mostly hits ({profile.words()})" if kind == "auto" else ""
        notes = drums.transcribe(y)
        if not notes:
            raise UnsuitableAudio(f"no drum hits found in the clip ({profile.words()})")
        _report(progress, 1.0)
    else:
        if kind == "auto":
            chosen, because = _choose(post)
        notes = _pitched(y_model, post, chosen, key_classes, pitch_bends)
        if y_model is not y:
            notes = _retuned_back(notes, cents)
        if not notes:
            raise UnsuitableAudio(
                f"no {chosen} notes found in the clip ({profile.words()}): nothing steady to read"
            )
    if quantize > 0 and tempo_bpm is not None:
        notes = grid.quantize(notes, quantize, tempo_bpm, grid_beats)
    return Transcription(
        notes=notes,
        kind=chosen,
        duration_s=duration_s,
        chosen_because=because,
        quantize=quantize,
        tempo_bpm=tempo_bpm,
        drum_notes=dict(DRUM_NOTES) if chosen == "drums" else {},
    )


def _refuse_unreadable(profile: Profile, kind: str) -> None:
    """UnsuitableAudio for noise, and for a drum part asked as a pitched kind."""
    if profile.found == "noise":
        raise UnsuitableAudio(
            f"the clip sounds like noise ({profile.words()}): no notes or hits to transcribe"
        )
    if kind in PITCHED and profile.found == "drums":
        raise UnsuitableAudio(
            f"the clip sounds like a drum part ({profile.words()}), not {kind}: ask for kind drums"
        )


def _choose(post: Posteriors) -> tuple[str, str]:
    """Auto's pick among the pitched kinds, and why: polyphony first, then the line's register."""
    active = post.note > CLEAR
    counts = active.sum(axis=1)
    sounding = counts > 0
    if not sounding.any():
        return "melody", "no clear notes: read as a melody"
    share = float((counts[sounding] >= 2).mean())
    if share > POLY_SHARE:
        return "piano", f"several notes sound at once in {share:.0%} of the sounding frames"
    tops = np.argmax(np.where(active, post.note, -1.0), axis=1)[sounding] + 21
    median = float(np.median(tops))
    waver = vibrato.waver_cents(post, CLEAR)
    if median < BASS_BELOW_MIDI and waver >= SUNG_WAVER_CENTS:
        return "melody", f"one note at a time, median pitch {median:.0f}, its pitch wavering like a voice's"
    if median < BASS_BELOW_MIDI:
        return "bass", f"one note at a time, median pitch {median:.0f} (below MIDI {BASS_BELOW_MIDI})"
    return "melody", f"one note at a time, median pitch {median:.0f}"


def _pitched(
    y: np.ndarray, post: Posteriors, kind: str, key_classes: frozenset[int] | None, with_bends: bool
) -> list[TranscribedNote]:
    """Notes for a pitched kind: tracked on the model's maps, starts placed on the audio's flux."""
    fine = fine_power(y)
    curve = flux_of(fine)
    attacks = accents(curve, post.n_frames, FRAMES_PER_S) if kind in ("melody", "bass") else None
    if attacks is not None:
        levels = levels_db(y, post.n_frames, HOP)
        # the syllable cue's spectrogram is every fourth of the flux's (FFT 1024 both): one FFT, not two
        cues = syllables.cues(y, post.n_frames, every(fine, syllables.FFT, HOP)) if kind == "melody" else None
        tracks = mono.track(post, kind, key_classes, attacks, levels, cues)
        if kind == "bass":  # a low plucked note heard on its third harmonic
            tracks = twelfths.lowered(tracks, post, mono.RANGES["bass"][0])
        energy_db = ends.pitch_energy_db(y, post.n_frames)
        if kind == "melody":  # a sung note: vibrato and scoop one note, no release tail
            tracks = vibrato.joined(tracks, post)
            tracks = ends.faded(tracks, levels)
        tracks = ends.trim(tracks, energy_db)
    else:
        energy_db, fundamental_db = ends.pitch_and_fundamental_db(y, post.n_frames)
        tracks = poly.without_sub_octaves(poly.track(post), fundamental_db)
        tracks = ends.releases(poly.joined(tracks, post, energy_db), energy_db, fundamental_db)
    starts_s = refine([t.start / FRAMES_PER_S for t in tracks], curve)
    notes = to_notes(post, tracks, starts_s, with_bends=with_bends)
    if attacks is None:
        return notes
    if kind == "melody":  # a held note's tremolo or swell leaves no second note on its key
        return mono.faint_leaps_joined(mono.fragments_joined(one_at_a_time(notes), attacks), post)
    return one_at_a_time(notes)


def _retuned_back(notes: list[TranscribedNote], cents: float) -> list[TranscribedNote]:
    """Notes read on a retuned (resampled) clip, with their times back on the original's, and
    their bends (semitones) saying the take's offset from the key they were rounded to."""
    times, off = tuning.factor(cents), cents / 100.0
    return [
        replace(
            n,
            start_s=n.start_s * times,
            end_s=n.end_s * times,
            bends=tuple((t * times, round(c + off, 3)) for t, c in n.bends),
        )
        for n in notes
    ]


def _report(progress: Callable[[float], None] | None, fraction: float) -> None:
    if progress is not None:
        progress(fraction)
