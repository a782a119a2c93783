"""Speech to intent: pick the recogniser, turn an utterance into a transcript and an Intent.

pocketsphinx with the command grammar is the default (offline, bundled model). A Whisper model
through transformers is used instead when the user names its weights: ``MUSEAROO_WHISPER`` (or
``roo listen --whisper``) set to a local folder or a hub name already in the local cache.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bridge.commands.confidence import Decision, Hearing, Limits, decide
from bridge.commands.intent import Intent

WHISPER_ENV = "MUSEAROO_WHISPER"


class Recognizer(Protocol):
    def transcribe(self, audio: Any) -> str: ...


class UtteranceStream(Protocol):
    """One push-to-talk utterance: ``feed`` blocks while recording, ``finish`` on release."""

    def feed(self, block: Any) -> None: ...
    def finish(self) -> str: ...
    def cancel(self) -> None: ...


@dataclass(frozen=True)
class Heard:
    transcript: str
    intent: Intent  # the likeliest reading's intent
    decode_ms: float  # from the end of the audio (release) to the intent ready to dispatch
    backend: str
    decision: Decision  # act, say back, ask between two readings, or refuse (``confidence``)


# A recogniser without its own limits (one that gives no scores is taken as sure).
NO_LIMITS = Limits(margin=0.0, fit=float("-inf"), posterior=0.0)


def _decision(recognizer: Any, transcript: str) -> Decision:
    """The decision over the recogniser's last hearing, when it keeps one matching the transcript."""
    hearing = getattr(recognizer, "last_hearing", None)
    if not isinstance(hearing, Hearing) or (
        hearing.transcript != transcript and not _holds(hearing, transcript)
    ):
        hearing = Hearing.plain(transcript)
    recheck = getattr(recognizer, "recheck", None)
    again = recheck() if hearing.scored and callable(recheck) else None  # a second decode must agree
    return decide(hearing, getattr(recognizer, "limits", NO_LIMITS), again)


def _holds(hearing: Hearing, transcript: str) -> bool:
    return any(r.text == transcript for r in hearing.readings)


def load_recognizer(whisper: str | None = None, *, state_path: Path | None = None) -> tuple[str, Recognizer]:
    """(backend name, recogniser): Whisper when named here or in MUSEAROO_WHISPER, else pocketsphinx
    (keeping what its push-to-talk streams learn in ``state_path`` when given)."""
    name = whisper or os.environ.get(WHISPER_ENV)
    if name:
        from bridge.commands.whisper import WhisperRecognizer

        return f"whisper ({name})", WhisperRecognizer(name)
    from bridge.commands.sphinx import SphinxRecognizer

    return "pocketsphinx (grammar)", SphinxRecognizer(state_path=state_path)


def hear(audio: Any, recognizer: Recognizer, backend: str = "") -> Heard:
    """Transcribe one utterance (16 kHz mono int16) and parse it with the command parser, under the
    voice rules (``safety.spoken``)."""
    start = time.perf_counter()
    transcript = recognizer.transcribe(audio)
    decision = _decision(recognizer, transcript)
    return Heard(transcript, decision.intent, (time.perf_counter() - start) * 1000.0, backend, decision)


class WholeUtterance:
    """The stream of a recogniser that only decodes whole utterances (Whisper): kept, then decoded."""

    def __init__(self, recognizer: Recognizer) -> None:
        self._recognizer = recognizer
        self._blocks: list[Any] = []

    def feed(self, block: Any) -> None:
        self._blocks.append(block)

    def finish(self) -> str:
        import numpy as np

        audio = np.concatenate(self._blocks) if self._blocks else np.zeros(0, np.int16)
        return self._recognizer.transcribe(audio)

    def cancel(self) -> None:
        self._blocks = []


def open_stream(recognizer: Recognizer) -> UtteranceStream:
    """A stream that decodes while recording when the recogniser can (pocketsphinx), else a whole one."""
    stream = getattr(recognizer, "stream", None)
    return stream() if callable(stream) else WholeUtterance(recognizer)


def hear_stream(
    stream: UtteranceStream, released_at: float, backend: str = "", recognizer: Any = None
) -> Heard:
    """Finish a streamed utterance and decide on it; ``released_at`` is perf_counter() at the release,
    ``recognizer`` the one the stream came from (its scores; None: the transcript alone)."""
    transcript = stream.finish()
    decision = _decision(recognizer, transcript)
    return Heard(transcript, decision.intent, (time.perf_counter() - released_at) * 1000.0, backend, decision)
