"""Text (and optionally melody or audio prompt) to audio with a loaded MusicGen model.

Audio arrays are float32 (frames, channels) at the model's sample rate. The seed fixes the
result on a given machine and precision. ``progress(fraction, message)`` is called once per
decoding step (a LogitsProcessor), so a callback that raises JobCancelled stops generation
within one step. A GPU that runs out of memory even for one take hands the job to the CPU (the
same model loaded there, progress says so), so the job is never lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from engines.errors import InvalidValue, RooError
from engines.musicgen import models
from engines.musicgen.models import MusicGenModel

Progress = Callable[[float, str], None]
MAX_SECONDS = 30.0  # MusicGen was trained on 30 s windows (prompt plus new audio)
MAX_PROMPT_SECONDS = 10.0


def _no_progress(fraction: float, message: str) -> None:
    return None


class StepProgress:
    """A LogitsProcessor that reports each decoding step as progress (and lets it cancel)."""

    def __init__(self, total_steps: int, report: Progress) -> None:
        self.total, self.report, self.step = max(total_steps, 1), report, 0

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        self.step += 1
        self.report(min(self.step / self.total, 1.0), f"step {self.step}/{self.total}")
        return scores


ENGINES = ("auto", "generate", "loop")


def generate_audio(
    mg: MusicGenModel,
    prompt: str,
    *,
    seconds: float,
    seed: int = 0,
    guidance_scale: float = 3.0,
    temperature: float = 1.0,
    top_k: int = 250,
    audio_prompt: np.ndarray | None = None,
    melody_chroma: np.ndarray | None = None,
    progress: Progress | None = None,
    engine: str = "auto",
) -> np.ndarray:
    """``seconds`` of new audio (frames, channels) at ``mg.sample_rate_hz``.

    ``audio_prompt`` (frames, channels at the model rate) is continued: only the new audio is
    returned. ``melody_chroma`` (frames, 12, see chroma.py) needs a melody model. Progress covers
    0..1 over the decoding steps. ``engine``: ``loop`` is our decoding loop (CUDA graphs on a GPU,
    eager elsewhere), ``generate`` transformers' ``model.generate``, ``auto`` the loop on CUDA only.
    """
    return generate_takes(
        mg,
        prompt,
        seconds=seconds,
        seeds=[seed],
        guidance_scale=guidance_scale,
        temperature=temperature,
        top_k=top_k,
        audio_prompt=audio_prompt,
        melody_chroma=melody_chroma,
        progress=progress,
        engine=engine,
    )[0]


def generate_takes(
    mg: MusicGenModel,
    prompt: str,
    *,
    seconds: float,
    seeds: Sequence[int],
    guidance_scale: float = 3.0,
    temperature: float = 1.0,
    top_k: int = 250,
    audio_prompt: np.ndarray | None = None,
    melody_chroma: np.ndarray | None = None,
    progress: Progress | None = None,
    engine: str = "auto",
) -> list[np.ndarray]:
    """One take per seed, as ``generate_audio`` would make each; the loop engine runs them as one batch.

    Out of GPU memory for a single take, the takes are made on the CPU instead (``models.load`` of
    the same spec there, default CPU precision); progress says so and carries on from where it was.
    """
    import torch

    report = progress or _no_progress
    reached = [0.0]

    def noted(fraction: float, message: str) -> None:
        reached[0] = fraction
        report(fraction, message)

    args: dict[str, Any] = {"seconds": seconds, "seeds": seeds, "guidance_scale": guidance_scale}
    args.update(temperature=temperature, top_k=top_k, audio_prompt=audio_prompt, melody_chroma=melody_chroma)
    try:
        return _takes(mg, prompt, progress=noted, engine=engine, **args)
    except torch.cuda.OutOfMemoryError as exc:
        free = torch.cuda.mem_get_info()[0] / 2**30 if torch.cuda.is_available() else 0.0
        start = reached[0]
        report(start, f"out of GPU memory for one take ({free:.2f} GiB free): generating on the CPU (slower)")
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        cpu = models.load(mg.spec, device="cpu")
        resumed = _within(report, start, 1.0, "on the CPU: ")
        try:
            return _takes(cpu, prompt, progress=resumed, engine="auto", **args)
        except torch.cuda.OutOfMemoryError as again:  # pragma: no cover - the CPU has no CUDA memory
            raise RooError(f"MusicGen ran out of memory on the GPU and on the CPU: {again}") from exc


def _within(report: Progress, low: float, high: float, prefix: str) -> Progress:
    return lambda fraction, message: report(low + (high - low) * fraction, prefix + message)


def _takes(
    mg: MusicGenModel,
    prompt: str,
    *,
    seconds: float,
    seeds: Sequence[int],
    guidance_scale: float,
    temperature: float,
    top_k: int,
    audio_prompt: np.ndarray | None,
    melody_chroma: np.ndarray | None,
    progress: Progress,
    engine: str,
) -> list[np.ndarray]:
    import torch

    report = progress
    hop = mg.sample_rate_hz // mg.frame_rate_hz
    prompt_seconds = 0.0 if audio_prompt is None else len(audio_prompt) / mg.sample_rate_hz
    _check(mg, seconds, prompt_seconds, guidance_scale, temperature, top_k, audio_prompt, melody_chroma)
    use = choose_engine(mg, engine)
    if not seeds:
        raise InvalidValue("no seeds given: expected at least one take")
    inputs: dict[str, Any] = dict(mg.tokenizer([prompt], padding=True, return_tensors="pt"))
    prompt_samples = 0
    if audio_prompt is not None:  # what EncodecFeatureExtractor gives: (batch, channels, samples), unscaled
        prompt_samples = (len(audio_prompt) // hop) * hop  # whole audio frames, so the cut below is exact
        clip = _channels(audio_prompt[len(audio_prompt) - prompt_samples :], mg.channels)
        inputs["input_values"] = torch.from_numpy(np.ascontiguousarray(clip.T[None]))
    if melody_chroma is not None:
        inputs["input_features"] = torch.from_numpy(np.ascontiguousarray(melody_chroma, dtype=np.float32))[
            None
        ]
    new_frames = int(np.ceil(seconds * mg.frame_rate_hz))
    delay = mg.model.decoder.config.num_codebooks // mg.channels - 1  # MusicGen's codebook delay pattern
    steps = new_frames + delay
    inputs = {k: v.to(mg.device) for k, v in inputs.items()}
    if mg.precision == "fp16":  # audio prompt and chroma follow the model's dtype
        inputs.update({k: v.half() for k, v in inputs.items() if k in ("input_values", "input_features")})
    sampling: dict[str, Any] = {"guidance_scale": guidance_scale, "temperature": temperature, "top_k": top_k}
    with torch.inference_mode():
        if use == "loop":
            from engines.musicgen import fast

            audio = fast.takes_audio(mg.model, inputs, steps, list(seeds), sampling, report)
        else:
            audio = torch.cat(
                [
                    _generate(mg, inputs, steps, seed, sampling, _part(report, i, len(seeds)))
                    for i, seed in enumerate(seeds)
                ]
            )
    need = new_frames * hop
    takes = []
    for take in audio.float().cpu().numpy():
        data = take.T[prompt_samples:]  # (frames, channels), only the new audio
        if len(data) < need:
            raise RooError(f"MusicGen returned {len(data)} new frames: expected at least {need}")
        takes.append(np.ascontiguousarray(data[:need], dtype=np.float32))
    return takes


def choose_engine(mg: MusicGenModel, engine: str) -> str:
    """``loop`` or ``generate`` for ``engine`` (auto: the graphed loop on CUDA, generate elsewhere)."""
    if engine not in ENGINES:
        raise InvalidValue(f"engine {engine!r} is unknown: expected one of {', '.join(ENGINES)}")
    if engine == "loop" and mg.precision == "int8":
        raise InvalidValue("engine 'loop' needs fp32 or fp16 weights: the int8 decoder runs through generate")
    if engine == "auto":
        from engines.musicgen import graphed

        return "loop" if graphed.enabled(mg.device) and mg.precision != "int8" else "generate"
    return engine


def _part(report: Progress, index: int, count: int) -> Progress:
    return lambda fraction, message: report((index + fraction) / count, message)


def _generate(
    mg: MusicGenModel,
    inputs: dict[str, Any],
    steps: int,
    seed: int,
    sampling: dict[str, Any],
    report: Progress,
) -> Any:
    """transformers' ``model.generate`` for one take: audio (1, channels, samples)."""
    import torch
    from transformers import LogitsProcessorList

    temperature, top_k = sampling["temperature"], sampling["top_k"]
    devices = [torch.device(mg.device)] if mg.device == "cuda" else []
    with torch.random.fork_rng(devices=devices):
        torch.manual_seed(seed)
        return mg.model.generate(
            **inputs,
            max_new_tokens=steps,
            do_sample=temperature > 0,
            temperature=temperature if temperature > 0 else None,
            top_k=top_k if temperature > 0 else None,
            guidance_scale=sampling["guidance_scale"],
            logits_processor=LogitsProcessorList([StepProgress(steps, report)]),
        )


def _channels(audio: np.ndarray, channels: int) -> np.ndarray:
    """(frames, channels) audio with the model's channel count (downmix or duplicate)."""
    data = audio[:, None] if audio.ndim == 1 else audio
    if data.shape[1] == channels:
        return np.ascontiguousarray(data, dtype=np.float32)
    mono = data.mean(axis=1, keepdims=True)
    return np.ascontiguousarray(np.repeat(mono, channels, axis=1), dtype=np.float32)


def _check(
    mg: MusicGenModel,
    seconds: float,
    prompt_seconds: float,
    guidance_scale: float,
    temperature: float,
    top_k: int,
    audio_prompt: np.ndarray | None,
    melody_chroma: np.ndarray | None,
) -> None:
    if not 0 < seconds <= MAX_SECONDS:
        raise InvalidValue(
            f"length {seconds:.2f} s is out of range: expected more than 0 and at most {MAX_SECONDS} s"
        )
    if prompt_seconds + seconds > MAX_SECONDS:
        raise InvalidValue(
            f"audio prompt {prompt_seconds:.2f} s plus {seconds:.2f} s of new audio is over MusicGen's "
            f"{MAX_SECONDS} s window: expected a prompt of at most {MAX_SECONDS - seconds:.2f} s"
        )
    if guidance_scale < 0 or temperature < 0 or top_k < 0:
        raise InvalidValue(
            f"guidance {guidance_scale}, temperature {temperature}, top_k {top_k}: expected numbers >= 0"
        )
    if melody_chroma is not None:
        if not mg.is_melody:
            raise InvalidValue(f"model {mg.spec!r} takes no melody: expected a melody model (e.g. 'melody')")
        if melody_chroma.ndim != 2 or melody_chroma.shape[1] != 12:
            raise InvalidValue(f"melody chroma has shape {melody_chroma.shape}: expected (frames, 12)")
    if audio_prompt is not None:
        if mg.is_melody:
            raise InvalidValue(
                f"model {mg.spec!r} is a melody model: continuing audio needs a non-melody model (e.g. 'small')"
            )
        if len(audio_prompt) < mg.sample_rate_hz // mg.frame_rate_hz:
            raise InvalidValue(
                f"audio prompt has {len(audio_prompt)} frames: expected at least one audio frame"
            )
