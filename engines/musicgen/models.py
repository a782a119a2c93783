"""MusicGen models by name or folder, loaded once per process through transformers' own loader.

A model spec is a short name (``small``, ``medium``, ``large``, ``melody``, ``stereo-small`` ...),
a Hugging Face id (``facebook/musicgen-small``) or a local folder written by ``save_pretrained``
(config, weights and tokenizer). Published weights come from the user's Hugging Face cache; with
no network and no cached copy the loader raises ModelUnavailable saying how to get them. Loaded
models stay cached for the life of the process (the worker) until ``unload()``.
"""

from __future__ import annotations

import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engines.errors import InvalidValue, ModelUnavailable
from engines.presets import load_models

log = logging.getLogger(__name__)

_CHOICE = load_models()["musicgen"]  # presets/models.yaml
DEFAULT_MODEL = _CHOICE.default
PUBLISHED = {name: _CHOICE.hub_prefix + name for name in _CHOICE.published}
PRECISIONS = ("auto", "fp32", "int8", "fp16")


@dataclass(frozen=True, slots=True)
class MusicGenModel:
    """A loaded model with what generation needs to know about it (rates in Hz)."""

    spec: str
    source: str  # the hub id or folder it came from
    model: Any  # MusicgenForConditionalGeneration or MusicgenMelodyForConditionalGeneration
    processor: Any  # MusicgenProcessor (text + audio prompts) or a tokenizer (melody models)
    is_melody: bool
    sample_rate_hz: int
    frame_rate_hz: int  # audio tokens per second
    channels: int
    device: str
    precision: str

    @property
    def tokenizer(self) -> Any:
        return getattr(self.processor, "tokenizer", self.processor)


_LOADED: dict[tuple[str, str, str], MusicGenModel] = {}


def resolve(spec: str) -> tuple[str, bool]:
    """(hub id or folder, is_local) for a spec; a path that is not a model folder is InvalidValue."""
    text = spec.strip()
    path = Path(text).expanduser()
    looks_local = text.startswith(("/", ".", "~")) or text.count("/") > 1 or "\\" in text
    if path.exists() or looks_local:
        if not (path / "config.json").is_file():
            raise InvalidValue(
                f"MusicGen model folder {text!r} has no config.json: expected a folder written by "
                f"save_pretrained (config.json, model.safetensors, tokenizer files)"
            )
        return str(path.resolve()), True
    short = text.removeprefix("facebook/").removeprefix("musicgen-")
    if short in PUBLISHED:
        return PUBLISHED[short], False
    if text.count("/") == 1:
        return text, False  # another hub id, e.g. a fine-tune
    raise InvalidValue(
        f"MusicGen model {spec!r} is unknown: expected one of {', '.join(PUBLISHED)}, a Hugging Face id "
        f"or a model folder"
    )


def best_device() -> str:
    """``cuda`` or ``mps`` when torch sees one, else ``cpu``."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    return "mps" if mps is not None and mps.is_available() else "cpu"


def load(spec: str = DEFAULT_MODEL, *, device: str = "auto", precision: str = "auto") -> MusicGenModel:
    """The model for ``spec``, ready for generation; cached per (source, device, precision).

    ``precision``: ``auto`` (int8 decoder on CPU, fp16 on CUDA, else fp32), ``fp32``, ``int8``
    (dynamic int8 quantisation of the decoder's linear layers, CPU only) or ``fp16`` (GPU only).
    """
    if precision not in PRECISIONS:
        raise InvalidValue(f"precision {precision!r} is unknown: expected one of {', '.join(PRECISIONS)}")
    source, is_local = resolve(spec)
    dev = best_device() if device == "auto" else device
    if precision == "auto":
        precision = {"cpu": "int8", "cuda": "fp16"}.get(dev, "fp32")
    if (precision == "int8" and dev != "cpu") or (precision == "fp16" and dev == "cpu"):
        raise InvalidValue(f"precision {precision!r} does not run on {dev}: int8 is CPU only, fp16 GPU only")
    key = (source, dev, precision)
    if key not in _LOADED:
        _LOADED[key] = _load(spec, source, is_local, dev, precision)
    return _LOADED[key]


def unload() -> None:
    """Forget every loaded model (frees memory; the next ``load`` reads from disk again)."""
    _LOADED.clear()


def silence_transformers() -> None:
    """No progress bars or advice from transformers (MusicGen's pad id equals its vocabulary size)."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def _from_pretrained(cls: Any, source: str, is_local: bool) -> Any:
    """cls.from_pretrained, cache first; online only when the hub is not switched off."""
    try:
        return cls.from_pretrained(source, local_files_only=True)
    except OSError:
        if is_local or os.environ.get("HF_HUB_OFFLINE", "0") not in ("0", "", "false"):
            raise
    return cls.from_pretrained(source)


def _load(spec: str, source: str, is_local: bool, device: str, precision: str) -> MusicGenModel:
    import torch
    from transformers import AutoConfig, AutoProcessor, AutoTokenizer

    silence_transformers()
    log.info("loading MusicGen %s from %s on %s (%s)", spec, source, device, precision)
    try:
        config = _from_pretrained(AutoConfig, source, is_local)
        is_melody = config.model_type == "musicgen_melody"
        if is_melody:
            from transformers import MusicgenMelodyForConditionalGeneration as cls

            processor = _from_pretrained(
                AutoTokenizer, source, is_local
            )  # its feature extractor needs torchaudio
        elif config.model_type == "musicgen":
            from transformers import MusicgenForConditionalGeneration as cls  # type: ignore[assignment]

            processor = _from_pretrained(AutoProcessor, source, is_local)
        else:
            raise InvalidValue(f"model {spec!r} is a {config.model_type!r} model: expected a MusicGen model")
        model = _from_pretrained(cls, source, is_local).eval()
    except (OSError, ValueError) as exc:
        if isinstance(exc, InvalidValue):
            raise
        raise ModelUnavailable(_unavailable_message(spec, source, is_local, exc)) from exc
    if device == "cuda":
        check_fits(spec, model_bytes(model, precision), torch.cuda.mem_get_info()[0])
    model.to(device)
    if is_melody:
        keep_melody_conditioning(model)
    if precision == "int8":
        from torch.ao.quantization import quantize_dynamic

        with warnings.catch_warnings():  # torch 2.13 announces the move of quantisation to torchao
            warnings.filterwarnings("ignore", message=".*quantiz.*deprecated", category=UserWarning)
            quantize_dynamic(model.decoder, {torch.nn.Linear}, dtype=torch.qint8, inplace=True)
    elif precision == "fp16":
        model.half()
    audio_config = model.config.audio_encoder
    return MusicGenModel(
        spec=spec,
        source=source,
        model=model,
        processor=processor,
        is_melody=is_melody,
        sample_rate_hz=int(audio_config.sampling_rate),
        frame_rate_hz=int(audio_config.frame_rate),
        channels=int(model.decoder.config.audio_channels),
        device=device,
        precision=precision,
    )


def model_bytes(model: Any, precision: str) -> int:
    """Bytes the weights take at ``precision`` (fp16: 2 per parameter, else as stored)."""
    return sum(p.numel() * (2 if precision == "fp16" else p.element_size()) for p in model.parameters())


def check_fits(spec: str, needed_bytes: int, free_bytes: int) -> None:
    """ModelUnavailable naming the card's free memory when the weights (plus 25 % to run) do not fit."""
    if needed_bytes * 1.25 > free_bytes:
        raise ModelUnavailable(
            f"MusicGen model {spec!r} needs about {needed_bytes * 1.25 / 2**30:.2f} GiB of GPU memory "
            f"(weights {needed_bytes / 2**30:.2f} GiB plus room to run); the GPU has {free_bytes / 2**30:.2f} "
            f"GiB free: choose a smaller model (e.g. 'small'), free the GPU, or pass device 'cpu'"
        )


def keep_melody_conditioning(model: Any) -> None:
    """Make ``generate`` feed a melody model its text and chroma on the first step, whatever the version.

    transformers 5.17's ``prepare_inputs_for_generation`` drops ``encoder_hidden_states`` (the
    text and melody prefix) whenever a cache object exists, and its ``generate`` creates an empty
    one before the first step: every melody was ignored (seen on the GPU machine, CPU and CUDA
    alike). Later versions keep it on the first iteration. This wrapper puts the conditioning back
    while the cache is still empty, which is that first step; otherwise it changes nothing. The
    cache comes as ``past_key_values`` up to transformers 5.23 and as ``cache`` from 5.24.
    """
    original = model.prepare_inputs_for_generation

    def prepare(*args: Any, **kwargs: Any) -> Any:
        out = original(*args, **kwargs)
        cache = kwargs.get("cache", kwargs.get("past_key_values"))
        first = cache is None or cache.get_seq_length() == 0
        if (
            first
            and out.get("encoder_hidden_states") is None
            and kwargs.get("encoder_hidden_states") is not None
        ):
            out["encoder_hidden_states"] = kwargs["encoder_hidden_states"]
        return out

    model.prepare_inputs_for_generation = prepare


def _unavailable_message(spec: str, source: str, is_local: bool, exc: Exception) -> str:
    if is_local:
        return f"MusicGen model folder {source!r} cannot be loaded ({type(exc).__name__}: {exc})"
    return (
        f"MusicGen model {spec!r} ({source}) is not in the Hugging Face cache and the hub cannot be "
        f"reached: on a machine with internet run `hf download {source}` (or start once without "
        f"HF_HUB_OFFLINE=1), or pass --model FOLDER with a copy saved by save_pretrained. "
        f"Cause: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    )
