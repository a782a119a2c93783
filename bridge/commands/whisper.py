"""Whisper speech recognition through transformers, used instead of pocketsphinx when the user
has the weights (a local folder, or a hub name such as ``openai/whisper-base.en`` already in
the local cache). Loading never reaches the network while ``HF_HUB_OFFLINE=1`` is set or the
name is a folder; missing weights raise ModelUnavailable saying how to get them.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from engines.errors import ModelUnavailable

MAX_NEW_TOKENS = 48  # a spoken command is a dozen words


class WhisperRecognizer:
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

    def transcribe(self, audio: Any) -> str:
        """Text of one utterance of 16 kHz mono int16 audio, lower-cased, punctuation kept for the parser."""
        import numpy as np

        samples = np.asarray(audio, dtype=np.float32) / 32768.0
        features = self.processor(samples, sampling_rate=16000, return_tensors="pt").input_features
        with self._lock, self._torch.inference_mode():
            ids = self.model.generate(features.to(self.device), max_new_tokens=self._max_new_tokens)
        text = self.processor.batch_decode(ids, skip_special_tokens=True)[0]
        return " ".join(str(text).lower().split())
