"""Speech to intent: pick the recogniser, turn an utterance into a transcript and an Intent.

pocketsphinx with the command grammar is the default (offline, bundled model). A Whisper model
through transformers is used instead when the user names its weights: ``MUSEAROO_WHISPER`` (or
``roo listen --whisper``) set to a local folder or a hub name already in the local cache.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any, Protocol

from bridge.commands.intent import Intent
from bridge.commands.parser import parse

WHISPER_ENV = "MUSEAROO_WHISPER"


class Recognizer(Protocol):
    def transcribe(self, audio: Any) -> str: ...


@dataclass(frozen=True)
class Heard:
    transcript: str
    intent: Intent
    decode_ms: float  # from having the whole utterance to the intent ready to dispatch
    backend: str


def load_recognizer(whisper: str | None = None) -> tuple[str, Recognizer]:
    """(backend name, recogniser): Whisper when named here or in MUSEAROO_WHISPER, else pocketsphinx."""
    name = whisper or os.environ.get(WHISPER_ENV)
    if name:
        from bridge.commands.whisper import WhisperRecognizer

        return f"whisper ({name})", WhisperRecognizer(name)
    from bridge.commands.sphinx import SphinxRecognizer

    return "pocketsphinx (grammar)", SphinxRecognizer()


def hear(audio: Any, recognizer: Recognizer, backend: str = "") -> Heard:
    """Transcribe one utterance (16 kHz mono int16) and parse it with the command parser."""
    start = time.perf_counter()
    transcript = recognizer.transcribe(audio)
    intent = parse(transcript)
    return Heard(transcript, intent, (time.perf_counter() - start) * 1000.0, backend)
