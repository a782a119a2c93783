"""Prompt to loop file: load the model, generate, track beats, cut the loop, write a WAV.

``render_loop`` is the one entry point for ``roo musicgen`` and for the daemon's worker (it
takes file paths and plain values and returns a JSON-ready dict). ``make_loop_audio`` is the
same without files. Progress: loading 0-5 %, generating 5-85 %, beat tracking 85-95 %.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from engines.errors import InvalidValue
from engines.music import Note, parse_signature
from engines.musicgen import chroma, loop, models
from engines.musicgen.generate import MAX_PROMPT_SECONDS, MAX_SECONDS, Progress, generate_takes

DEFAULT_SAMPLE_RATE_HZ = 48000
MAX_VARIATIONS = 8


def _no_progress(fraction: float, message: str) -> None:
    return None


def _span(report: Progress, start: float, end: float, label: str) -> Progress:
    return lambda fraction, message: report(start + (end - start) * fraction, f"{label}: {message}")


def with_tempo(prompt: str, tempo_bpm: float) -> str:
    """The prompt with the tempo named (MusicGen's training captions often give it), unless it is."""
    text = prompt.strip()
    return text if "bpm" in text.lower() else f"{text}, {tempo_bpm:g} bpm"


def track_beats(audio: np.ndarray, sample_rate_hz: int, progress: Progress) -> tuple[np.ndarray, np.ndarray]:
    """Beat and downbeat times (s) of generated audio, from the analysis engine (madmom or librosa)."""
    from engines.analysis import analyze

    result = analyze(audio, sample_rate_hz, backend="madmom", progress=progress)
    return np.asarray(result.beats_s, dtype=np.float64), np.asarray(result.downbeats_s, dtype=np.float64)


def make_loop_audio(
    mg: models.MusicGenModel,
    prompt: str,
    *,
    bars: int,
    tempo_bpm: float,
    beats_per_bar: float = 4.0,
    seed: int = 0,
    out_sample_rate_hz: int = DEFAULT_SAMPLE_RATE_HZ,
    audio_prompt: np.ndarray | None = None,
    melody_chroma: np.ndarray | None = None,
    guidance_scale: float = 3.0,
    progress: Progress | None = None,
) -> tuple[np.ndarray, loop.LoopInfo]:
    """A loop (frames, channels) at ``out_sample_rate_hz``; ``audio_prompt`` is at the model's rate."""
    return make_loop_takes(
        mg,
        prompt,
        bars=bars,
        tempo_bpm=tempo_bpm,
        beats_per_bar=beats_per_bar,
        seeds=[seed],
        out_sample_rate_hz=out_sample_rate_hz,
        audio_prompt=audio_prompt,
        melody_chroma=melody_chroma,
        guidance_scale=guidance_scale,
        progress=progress,
    )[0]


def make_loop_takes(
    mg: models.MusicGenModel,
    prompt: str,
    *,
    bars: int,
    tempo_bpm: float,
    seeds: Sequence[int],
    beats_per_bar: float = 4.0,
    out_sample_rate_hz: int = DEFAULT_SAMPLE_RATE_HZ,
    audio_prompt: np.ndarray | None = None,
    melody_chroma: np.ndarray | None = None,
    guidance_scale: float = 3.0,
    progress: Progress | None = None,
) -> list[tuple[np.ndarray, loop.LoopInfo]]:
    """One loop per seed; on a GPU the takes are generated as one batch (see generate_takes)."""
    report = progress or _no_progress
    if not 8000 <= out_sample_rate_hz <= 192000:
        raise InvalidValue(f"sample rate {out_sample_rate_hz} Hz is out of range: expected 8000..192000")
    seconds = loop.generation_seconds(bars, beats_per_bar, tempo_bpm)
    if seconds > MAX_SECONDS:
        most = 0
        while loop.generation_seconds(most + 1, beats_per_bar, tempo_bpm) <= MAX_SECONDS:
            most += 1
        raise InvalidValue(
            f"{bars} bars at {tempo_bpm:g} BPM need {seconds:.1f} s of generated audio, over MusicGen's "
            f"{MAX_SECONDS:g} s window: expected at most {most} bars at this tempo"
        )
    if audio_prompt is not None:
        room = min(MAX_PROMPT_SECONDS, MAX_SECONDS - seconds)
        if room < 1.0:
            raise InvalidValue(
                f"{bars} bars leave {room:.1f} s for the clip to continue: expected fewer bars"
            )
        audio_prompt = audio_prompt[-round(room * mg.sample_rate_hz) :]
    takes = generate_takes(
        mg,
        with_tempo(prompt, tempo_bpm),
        seconds=seconds,
        seeds=seeds,
        guidance_scale=guidance_scale,
        audio_prompt=audio_prompt,
        melody_chroma=melody_chroma,
        progress=_span(report, 0.05, 0.85, "generating"),
    )
    out = []
    for i, audio in enumerate(takes):
        share = 0.1 / len(takes)
        tracking = _span(report, 0.85 + i * share, 0.85 + (i + 1) * share, "finding the beat")
        beats, downbeats = track_beats(audio, mg.sample_rate_hz, tracking)
        report(0.85 + (i + 1) * share, "cutting the loop")
        out.append(
            loop.make_loop(
                audio,
                mg.sample_rate_hz,
                bars=bars,
                beats_per_bar=beats_per_bar,
                tempo_bpm=tempo_bpm,
                beats_s=beats,
                downbeats_s=downbeats,
                out_sample_rate_hz=out_sample_rate_hz,
            )
        )
    return out


def render_loop(
    prompt: str,
    *,
    out_path: str,
    bars: int,
    tempo_bpm: float,
    signature: str = "4/4",
    model: str = models.DEFAULT_MODEL,
    precision: str = "auto",
    seed: int | None = None,
    sample_rate_hz: int = DEFAULT_SAMPLE_RATE_HZ,
    continue_path: str | None = None,
    continue_region_s: tuple[float, float] | None = None,
    melody_path: str | None = None,
    melody_notes: Sequence[tuple[int, float, float, int]] | None = None,
    guidance_scale: float = 3.0,
    device: str = "auto",
    variations: int = 1,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Generate a loop and write it as a 32-bit float WAV; returns what was done (JSON-ready).

    ``variations`` N > 1 makes N takes with seeds ``seed``, ``seed + 1`` ... in one batch (on a
    GPU): the first is written to ``out_path``, take k to ``<stem> take k<suffix>``, and the result
    lists them all under ``takes`` (path, seed, frames, start_s each).

    ``melody_path`` is an audio or MIDI file, ``melody_notes`` (pitch, start beats, length
    beats, velocity) a clip's notes; both are placed at ``tempo_bpm``. ``continue_region_s``
    selects the part of ``continue_path`` to continue (a clip's markers, in file seconds).
    """
    from engines.analysis.core import resample
    from engines.audio_io import read_frames, write_wav

    report = progress or _no_progress
    if not prompt.strip():
        raise InvalidValue("prompt is empty: expected a description such as 'lofi drum beat with piano'")
    num, den = parse_signature(signature)
    beats_per_bar = num * 4.0 / den
    if seed is None:
        seed = random.randrange(2**31)
    if not 1 <= variations <= MAX_VARIATIONS:
        raise InvalidValue(f"variations {variations} is out of range: expected 1..{MAX_VARIATIONS}")
    seeds = [(seed + i) % 2**31 for i in range(variations)]
    report(0.0, f"loading MusicGen {model}")
    mg = models.load(model, device=device, precision=precision)
    melody = None
    if melody_notes is not None:
        melody = chroma.chroma_from_notes(
            [Note(int(p), float(s), float(d), int(v)) for p, s, d, v in melody_notes], tempo_bpm
        )
    elif melody_path is not None:
        if melody_path.lower().endswith((".mid", ".midi")):
            melody = chroma.chroma_from_notes(chroma.notes_from_midi(melody_path)[0], tempo_bpm)
        else:
            melody = chroma.chroma_from_audio(*read_frames(melody_path))
    audio_prompt = None
    if continue_path is not None:
        start, end = continue_region_s if continue_region_s is not None else (None, None)
        frames, rate = read_frames(continue_path, start_s=start, end_s=end)
        audio_prompt = np.stack([resample(ch, rate, mg.sample_rate_hz) for ch in frames.T], axis=1)
    report(0.05, "generating")
    takes = make_loop_takes(
        mg,
        prompt,
        bars=bars,
        tempo_bpm=tempo_bpm,
        beats_per_bar=beats_per_bar,
        seeds=seeds,
        out_sample_rate_hz=sample_rate_hz,
        audio_prompt=audio_prompt,
        melody_chroma=melody,
        guidance_scale=guidance_scale,
        progress=report,
    )
    paths = [write_wav(_take_path(out_path, i), audio, sample_rate_hz) for i, (audio, _) in enumerate(takes)]
    audio, info = takes[0]
    report(1.0, f"wrote {paths[0]}" + (f" and {len(paths) - 1} more takes" if len(paths) > 1 else ""))
    result = {
        "path": str(paths[0]),
        "frames": info.frames,
        "sample_rate_hz": info.sample_rate_hz,
        "channels": int(audio.shape[1]),
        "bars": bars,
        "tempo_bpm": tempo_bpm,
        "signature": f"{num}/{den}",
        "seed": seed,
        "model": mg.source,
        "precision": mg.precision,
        "start_s": round(info.start_s, 4),
        "measured_tempo_bpm": None if info.measured_tempo_bpm is None else round(info.measured_tempo_bpm, 3),
        "stretch_rate": round(info.stretch_rate, 5),
        "aligned": info.aligned,
    }
    if variations > 1:
        result["takes"] = [
            {"path": str(p), "seed": s, "frames": t[1].frames, "start_s": round(t[1].start_s, 4)}
            for p, s, t in zip(paths, seeds, takes, strict=True)
        ]
    return result


def _take_path(out_path: str, index: int) -> Path:
    """``out_path`` for the first take, ``<stem> take k<suffix>`` beside it for take k (from 2)."""
    path = Path(out_path)
    return path if index == 0 else path.with_name(f"{path.stem} take {index + 1}{path.suffix}")
