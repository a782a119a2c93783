"""Text (plus melody or audio prompt) to audio through our own decoding loop, for N takes in one batch.

The same inputs as ``model.generate`` (tokenised text, EnCodec-ready ``input_values``, chroma
``input_features``) go through the model's own text encoder, projections, audio encoder and
delay-pattern helper; decoding runs in ``decode_loop`` (eagerly, or replayed from a CUDA graph
when ``graphed.enabled``), and EnCodec decodes the codes. Each take draws its sampling noise from
its own seed, so a take's seed is what it would be generated with alone. Out of GPU memory,
``takes_audio`` drops the captured graphs and makes the takes one at a time (progress says so);
one take that does not fit raises on to ``generate_takes``, which moves the job to the CPU.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from engines.musicgen import graphed
from engines.musicgen.decode_loop import DecodeLoop, State

Progress = Callable[[float, str], None]


def loop_for(model: Any) -> DecodeLoop:
    """The model's DecodeLoop, built once per loaded model."""
    loop = getattr(model, "_roo_decode_loop", None)
    if loop is None:
        loop = DecodeLoop(model)
        model._roo_decode_loop = loop
    return loop


def release(model: Any) -> None:
    """Drop the model's captured graphs and their buffers (after running out of GPU memory)."""
    loop = getattr(model, "_roo_decode_loop", None)
    if loop is not None:
        loop.__dict__.pop("graphs", None)
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def generate_codes(
    model: Any,
    inputs: dict[str, torch.Tensor],
    *,
    steps: int,
    seeds: Sequence[int],
    guidance_scale: float,
    temperature: float,
    top_k: int,
    report: Progress,
) -> tuple[torch.Tensor, list[Any]]:
    """(codes (takes, codebooks, frames) including any prompt's frames, audio scales for EnCodec)."""
    loop = loop_for(model)
    batch, guided = len(seeds), guidance_scale > 1
    prefix, cross, cross_mask = _conditioning(model, loop, inputs, batch, guided)
    prompt_ids, scales = _prompt_codes(model, inputs, loop)
    start_ids = torch.full((loop.codebooks, 1), loop.pad, dtype=torch.long, device=loop.device)
    ids = start_ids if prompt_ids is None else torch.cat([start_ids, prompt_ids], dim=1)
    total = ids.shape[1] + steps
    ids, pattern = model.decoder.build_delay_pattern_mask(ids, loop.pad, max_length=total)
    start = ids.shape[1]  # the first position to predict
    offset = 0 if prefix is None else prefix.shape[1]
    if offset + total > loop.positions.shape[0]:
        raise ValueError(f"{offset + total} decoder positions: the model has {loop.positions.shape[0]}")
    text = 0 if cross is None else cross.shape[1]
    key = (batch, graphed.bucket(offset + total), graphed.bucket(text, 32), guided, temperature <= 0, top_k)
    st, run_step = graphed.runner(loop, key)
    _reset(st, loop, pattern, ids, seeds, start, offset, guidance_scale, temperature)
    if cross is not None and cross_mask is not None:
        loop.set_cross(st, cross, cross_mask)
    if prefix is not None:  # melody: conditioning positions first, then the tokens before `start`
        loop.run(st, prefix, torch.arange(offset, device=loop.device))
    if start > 1:  # an audio prompt: its tokens (all but the last, which the first step reads)
        rows = ids[None, :, : start - 1].expand(2 * batch if guided else batch, -1, -1)
        loop.run(st, loop.embed_tokens(rows), torch.arange(offset, offset + start - 1, device=loop.device))
    graphed.run_steps(run_step, steps, report)
    codes = st.tokens[:, :, :total]
    codes = codes[codes != loop.pad].reshape(batch, loop.codebooks, -1)
    return codes.clone(), scales * batch if len(scales) == 1 else scales


def takes_audio(
    model: Any,
    inputs: dict[str, Any],
    steps: int,
    seeds: list[int],
    sampling: dict[str, Any],
    report: Progress,
) -> Any:
    """Audio (takes, channels, samples) from our loop; out of GPU memory, the takes go one at a time."""
    reached = [0.0]

    def noted(fraction: float, message: str) -> None:
        reached[0] = fraction
        report(fraction, message)

    try:
        codes, scales = generate_codes(model, inputs, steps=steps, seeds=seeds, report=noted, **sampling)
        return decode_audio(model, codes, scales)
    except torch.cuda.OutOfMemoryError:
        release(model)
        if len(seeds) == 1:
            raise  # generate_takes moves the job to the CPU
    start = reached[0]
    report(start, f"out of GPU memory for {len(seeds)} takes at once: one take at a time")
    parts = []
    for i, seed in enumerate(seeds):
        low, high = start + (1 - start) * i / len(seeds), start + (1 - start) * (i + 1) / len(seeds)
        parts.append(takes_audio(model, inputs, steps, [seed], sampling, _within(report, low, high)))
    return torch.cat(parts)


def _within(report: Progress, low: float, high: float) -> Progress:
    return lambda fraction, message: report(low + (high - low) * fraction, message)


def decode_audio(model: Any, codes: torch.Tensor, scales: list[Any]) -> torch.Tensor:
    """EnCodec audio (takes, channels, samples) of (takes, codebooks, frames) codes (stereo interleaved)."""
    if model.decoder.config.audio_channels == 1:
        return model.audio_encoder.decode(codes[None], audio_scales=scales).audio_values  # type: ignore[no-any-return]
    left = model.audio_encoder.decode(codes[None, :, ::2], audio_scales=scales).audio_values
    right = model.audio_encoder.decode(codes[None, :, 1::2], audio_scales=scales).audio_values
    return torch.cat([left, right], dim=1)


def _reset(
    st: State,
    loop: DecodeLoop,
    pattern: torch.Tensor,
    ids: torch.Tensor,
    seeds: Sequence[int],
    start: int,
    offset: int,
    guidance_scale: float,
    temperature: float,
) -> None:
    total = pattern.shape[1]
    st.pattern.fill_(loop.pad)
    st.pattern[:, :, :total] = pattern
    st.tokens.fill_(loop.pad)
    st.tokens[:, :, :start] = ids
    st.q.fill_(start)
    st.offset.fill_(offset)
    st.guidance.fill_(guidance_scale)
    st.temperature.fill_(max(temperature, 1e-6))
    if not st.greedy:
        for i, seed in enumerate(seeds):  # one generator per take: its seed alone fixes its noise
            gen = torch.Generator(device=loop.device).manual_seed(int(seed))
            st.noise[:total, i].exponential_(generator=gen)


def _conditioning(
    model: Any, loop: DecodeLoop, inputs: dict[str, torch.Tensor], batch: int, guided: bool
) -> tuple[torch.Tensor | None, torch.Tensor | None, torch.Tensor | None]:
    """(melody prefix (rows, positions, hidden), text cross states (rows, text, hidden), text mask)."""
    mask = inputs.get("attention_mask")
    text = model.text_encoder(input_ids=inputs["input_ids"], attention_mask=mask).last_hidden_state
    if model.text_encoder.config.hidden_size != loop.hidden:
        text = model.enc_to_dec_proj(text)
    if mask is not None:
        text = text * mask[..., None].to(text.dtype)
    rows = [text.expand(batch, -1, -1)] + ([torch.zeros_like(text).expand(batch, -1, -1)] if guided else [])
    if not loop.melody:
        keep = mask[0].bool() if mask is not None else torch.ones(text.shape[1], dtype=torch.bool)
        return None, torch.cat(rows).to(loop.dtype), keep.to(loop.device)
    chroma = inputs.get("input_features")
    null = torch.zeros(
        (1, 1 if chroma is None else chroma.shape[1], model.config.num_chroma), device=loop.device
    )
    null[:, :, 0] = 1
    chroma = null if chroma is None else chroma
    parts = [chroma.expand(batch, -1, -1)] + ([null.expand(batch, -1, -1)] if guided else [])
    audio = model.audio_enc_to_dec_proj(torch.cat(parts).to(loop.dtype))
    length = model.config.chroma_length
    audio = audio.repeat(1, math.ceil(length / audio.shape[1]), 1)[:, :length]
    return torch.cat([audio, torch.cat(rows).to(loop.dtype)], dim=1), None, None


def _prompt_codes(
    model: Any, inputs: dict[str, torch.Tensor], loop: DecodeLoop
) -> tuple[torch.Tensor | None, list[Any]]:
    """The audio prompt's codes (codebooks, frames) and EnCodec scales, or (None, [None])."""
    values = inputs.get("input_values")
    if values is None:
        return None, [None]
    if model.decoder.config.audio_channels == 1:
        enc = model.audio_encoder.encode(input_values=values)
        codes = enc.audio_codes[0, 0]
        return codes, list(enc.audio_scales)
    left = model.audio_encoder.encode(input_values=values[:, :1])
    right = model.audio_encoder.encode(input_values=values[:, 1:])
    codes = torch.stack([left.audio_codes[0, 0], right.audio_codes[0, 0]], dim=1).reshape(loop.codebooks, -1)
    return codes, [None]
