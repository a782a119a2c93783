"""Whisper speech recognition through transformers, used instead of pocketsphinx when the user
has the weights (a local folder, or a hub name such as ``openai/whisper-base.en`` already in
the local cache). Loading never reaches the network while ``HF_HUB_OFFLINE=1`` is set or the
name is a folder; missing weights raise ModelUnavailable saying how to get them.

It goes through the same confidence and read-back rules as pocketsphinx (``confidence.decide``):
beam search keeps ``READINGS`` sequences, each scored by its mean token log-probability; the
best one's mean is its fit, and each word's posterior is the least probability of its tokens.
``LIMITS`` start from Whisper's own habits (it treats a mean log-probability under -1 as a failed
decode) and were not tuned on real weights here (none can be downloaded on this machine).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from bridge.commands.confidence import Hearing, Limits, Reading
from engines.errors import ModelUnavailable

MAX_NEW_TOKENS = 48  # a spoken command is a dozen words
READINGS = 3  # beams kept as readings (beam search runs READINGS + 1 beams)
# margin: mean token log-probability between the best intent's reading and the next one's;
# fit: the best reading's mean token log-probability (Whisper's own fallback threshold is -1.0).
LIMITS = Limits(margin=0.15, fit=-1.0, posterior=0.5)


class WhisperRecognizer:
    limits = LIMITS

    def __init__(self, name_or_path: str, *, device: str = "cpu") -> None:
        try:
            import torch
            from transformers import WhisperForConditionalGeneration, WhisperProcessor
        except ImportError as exc:
            raise ModelUnavailable(
                "Whisper needs torch and transformers: pip install torch transformers"
            ) from exc
        local = Path(name_or_path).expanduser()
        source = str(local) if local.is_dir() else name_or_path
        offline = local.is_dir() or os.environ.get("HF_HUB_OFFLINE") == "1"
        try:
            processor: Any = WhisperProcessor.from_pretrained(source, local_files_only=offline)
            model: Any = WhisperForConditionalGeneration.from_pretrained(source, local_files_only=offline)
        except (OSError, ValueError) as exc:
            raise ModelUnavailable(
                f"Whisper weights {name_or_path!r} could not be loaded ({exc}). Give a folder saved with "
                "save_pretrained, or download a model first, e.g. "
                "`huggingface-cli download openai/whisper-base.en`, then set MUSEAROO_WHISPER to its name"
            ) from exc
        model.eval()
        model.to(device)
        self.processor, self.model = processor, model
        self.device = device
        # leave room for the start tokens within the decoder's positions (448 in published models)
        self._max_new_tokens = min(MAX_NEW_TOKENS, int(self.model.config.max_target_positions) - 4)
        self._torch = torch
        self._lock = threading.Lock()
        self.last_hearing: Hearing | None = None

    def transcribe(self, audio: Any) -> str:
        """Text of one utterance of 16 kHz mono int16 audio, lower-cased, punctuation kept for the
        parser; its readings and scores are kept in ``last_hearing``."""
        import numpy as np

        samples = np.asarray(audio, dtype=np.float32) / 32768.0
        features = self.processor(samples, sampling_rate=16000, return_tensors="pt").input_features
        with self._lock, self._torch.inference_mode():
            out = self.model.generate(
                features.to(self.device),
                max_new_tokens=self._max_new_tokens,
                num_beams=READINGS + 1,
                num_return_sequences=READINGS,
                output_scores=True,
                return_dict_in_generate=True,
            )
            best_ids = out.sequences[:1]
            logits = self.model(features.to(self.device), decoder_input_ids=best_ids[:, :-1]).logits
            steps = logits.log_softmax(-1).gather(-1, best_ids[:, 1:, None])[0, :, 0]
        texts = [_clean(t) for t in self.processor.batch_decode(out.sequences, skip_special_tokens=True)]
        scores = [float(x) for x in out.sequences_scores]
        readings: dict[str, float] = {}
        for text, score in zip(texts, scores, strict=True):
            if text not in readings:
                readings[text] = score
        best = texts[0]
        self.last_hearing = Hearing(
            tuple(Reading(t, sc) for t, sc in readings.items()),
            frames=1,
            fit=scores[0],
            posteriors=self._posteriors(out.sequences[0, 1:], steps),
        )
        return best

    def _posteriors(self, ids: Any, steps: Any) -> dict[str, float]:
        """Each word of the best reading -> the least probability of its tokens."""
        import math

        tokens = ids.tolist()
        words: dict[str, float] = {}
        word, prob = "", 1.0
        for token, logp in zip(tokens, steps.tolist(), strict=True):
            piece = self.processor.tokenizer.decode([token], skip_special_tokens=True)
            if not piece:
                continue
            if piece.startswith(" ") and word:
                words[word] = min(words.get(word, 1.0), prob)
                word, prob = "", 1.0
            word += piece.strip().lower()
            prob = min(prob, math.exp(logp)) if math.isfinite(logp) else 0.0
        if word:
            words[word] = min(words.get(word, 1.0), prob)
        return words


def _clean(text: str) -> str:
    return " ".join(str(text).lower().split())
