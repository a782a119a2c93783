"""MusicGen loops: text (plus melody or an audio prompt) to a tempo-locked, seamless loop.

``models.load(name)`` loads transformers' MusicGen once per process; ``generate_audio`` makes
audio (``generate_takes`` several takes in one batch; on CUDA through our graphed decoding loop,
see decode_loop.py and graphed.py); ``loop.make_loop`` cuts it on a downbeat to an exact number of frames; ``pipeline.render_loop``
does the whole trip from a prompt to a WAV file (the CLI's and the worker's entry point).
"""

from __future__ import annotations

from typing import Any

from engines.musicgen.generate import generate_audio, generate_takes
from engines.musicgen.loop import LoopInfo, loop_frames, make_loop
from engines.musicgen.models import DEFAULT_MODEL, MusicGenModel, load, unload
from engines.musicgen.pipeline import make_loop_audio, make_loop_takes, render_loop


def fast_paths() -> dict[str, Any]:
    """Which MusicGen decoding runs here (CUDA graphs or generate) and what was captured: for doctor."""
    from engines.musicgen.graphed import fast_paths as paths  # imports torch: only when asked

    return paths()


__all__ = [
    "DEFAULT_MODEL",
    "LoopInfo",
    "MusicGenModel",
    "fast_paths",
    "generate_audio",
    "generate_takes",
    "load",
    "loop_frames",
    "make_loop",
    "make_loop_audio",
    "make_loop_takes",
    "render_loop",
    "unload",
]
