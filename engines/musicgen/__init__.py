"""MusicGen loops: text (plus melody or an audio prompt) to a tempo-locked, seamless loop.

``models.load(name)`` loads transformers' MusicGen once per process; ``generate_audio`` makes
audio; ``loop.make_loop`` cuts it on a downbeat to an exact number of frames; ``pipeline.render_loop``
does the whole trip from a prompt to a WAV file (the CLI's and the worker's entry point).
"""

from __future__ import annotations

from engines.musicgen.generate import generate_audio
from engines.musicgen.loop import LoopInfo, loop_frames, make_loop
from engines.musicgen.models import DEFAULT_MODEL, MusicGenModel, load, unload
from engines.musicgen.pipeline import make_loop_audio, render_loop

__all__ = [
    "DEFAULT_MODEL",
    "LoopInfo",
    "MusicGenModel",
    "generate_audio",
    "load",
    "loop_frames",
    "make_loop",
    "make_loop_audio",
    "render_loop",
    "unload",
]
