"""Save MIDI-GPT checkpoints with random weights in MIDI-GPT's own format (for tests and benchmarks).

No model hub is reachable here, so tests build a checkpoint themselves: a ``.safetensors`` file
with the metadata MIDI-GPT's loader reads (``format_version`` 2, ``arch`` gpt2, the model
``config`` and the ``encoder_config``), written by the library's own ``save_pretrained``, so
``InferenceEngine.from_checkpoint`` loads it exactly as it loads published weights.

The encoder configurations are the published ones (``yellow`` and ``prism`` in the MIDI-GPT
repository, models/*.json; prism without its genre table). Pure random weights almost never
close a bar (one legal token in several hundred), so every generation would run to the
2,048-token limit; ``ends_logit`` raises the logits of BarEnd, FillInEnd and TrackEnd so a bar
closes after a handful of notes, about as many as a real model writes (and FillInStart higher
still: see OPEN_TOKENS). The transformer still
computes every token, so timings keep the real cost of the layout.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

_TIME_SIGNATURES = (
    "1/2 1/4 1/8 1/16 2/1 2/2 2/4 2/8 3/1 3/2 3/4 3/8 4/2 4/4 4/8 5/4 5/8 6/2 6/4 6/8 7/4 7/8 8/4 8/8 "
    "9/4 9/8 9/16 10/4 10/8 11/8 12/4 12/8 13/16 15/16 16/4 17/16"
).split()
_MERGE_GROUPS = [[0, 1, 2], [4, 5], [16, 17, 18], [19, 20], [33, 34], [36, 37], [38, 39], [48, 49],
                 [50, 51], [62, 63], [88, 89, 90, 91, 92, 93, 94, 95]]  # fmt: skip
_GRAMMAR_DOMAINS = [
    ("PieceStart", 2), ("Track", 2), ("TrackEnd", 1), ("Bar", 1), ("BarEnd", 1), ("TimeSig", 36),
    ("Instrument", 109), ("NumBars", 2), ("NoteOnset", 128), ("NoteDuration", 96),
    ("TimeAbsolutePos", 192), ("VelocityLevel", 32), ("FillInPlaceholder", 1), ("FillInStart", 1),
    ("FillInEnd", 1),
]  # fmt: skip


def _encoder(controls: list[dict[str, Any]], domains: list[tuple[str, int]]) -> dict[str, Any]:
    return {
        "attribute_controls": controls,
        "decode_resolution": 1920,
        "emit_delta_tokens": False,
        "instrument_merge_groups": _MERGE_GROUPS,
        "note_duration_max_beats": 8,
        "num_bars_map": [4, 8],
        "pitch_range": [0, 127],
        "resolution": 12,
        "supports_infill": True,
        "supports_mask_bar_token": False,
        "time_signatures": list(_TIME_SIGNATURES),
        "token_domains": [{"type": t, "domain_size": n} for t, n in _GRAMMAR_DOMAINS + domains],
        "velocity_levels": 32,
        "velocity_sticky": True,
    }


ENCODERS: dict[str, dict[str, Any]] = {
    "yellow": _encoder(
        [
            {"name": "note_density_quantile"},
            {"name": "polyphony_quantile", "params": {"mode": "min"}},
            {"name": "polyphony_quantile", "params": {"mode": "max"}},
            {"name": "note_duration_quantile", "params": {"mode": "min"}},
            {"name": "note_duration_quantile", "params": {"mode": "max"}},
        ],
        [
            ("NoteDensity", 10),
            ("MinPolyphony", 10),
            ("MaxPolyphony", 10),
            ("MinNoteDuration", 6),
            ("MaxNoteDuration", 6),
        ],
    ),
    "prism": _encoder(
        [
            {"name": "key_signature"},
            {"name": "pitch_range"},
            {"name": "silence_proportion"},
            {"name": "note_duration_quantile", "params": {"mode": "min"}},
            {"name": "note_duration_quantile", "params": {"mode": "max"}},
            {"name": "onset_polyphony"},
            {"name": "note_density_quantile", "params": {"level": "bar"}},
            {"name": "polyphony_quantile", "params": {"mode": "min", "level": "bar"}},
            {"name": "polyphony_quantile", "params": {"mode": "max", "level": "bar"}},
            {"name": "pitch_class_set"},
        ],
        [
            ("KeySignature", 25),
            ("PitchRange", 128),
            ("SilenceProportion", 10),
            ("MinNoteDuration", 6),
            ("MaxNoteDuration", 6),
            ("OnsetPolyphony", 10),
            ("BarLevelOnsetDensity", 10),
            ("BarLevelOnsetPolyphonyMin", 10),
            ("BarLevelOnsetPolyphonyMax", 10),
            ("PitchClassSet", 13),
        ],
    ),
}

# GPT-2 layouts: "tiny" for tests; the published small and medium shapes (models/yellow_small.json,
# yellow_medium.json: 2,048 positions)
LAYOUTS: dict[str, dict[str, int]] = {
    "tiny": {"n_embd": 32, "n_layer": 2, "n_head": 2, "n_positions": 2048},
    "small": {"n_embd": 512, "n_layer": 6, "n_head": 8, "n_positions": 2048},
    "medium": {"n_embd": 768, "n_layer": 12, "n_head": 12, "n_positions": 2048},
}
END_TOKENS = ("BarEnd", "FillInEnd", "TrackEnd")
# after a fill-in block the grammar also allows BarEnd, which leads to a dead end (no legal token) in a
# multi-bar infill; a trained model opens the next block, so the random one is told to as well
OPEN_TOKENS = ("FillInStart",)


def save_random_checkpoint(
    path: str | Path,
    *,
    layout: str = "tiny",
    encoder: str = "yellow",
    seed: int = 0,
    ends_logit: float = 4.0,
) -> Path:
    """Write a random MIDI-GPT checkpoint (``.safetensors``) of ``layout`` and ``encoder``; returns its path."""
    import torch
    from midigpt._core import EncoderConfig, TokenType
    from midigpt.inference.model import GPT2Config, GPT2LMHeadModel
    from midigpt.tokenizer.tokenizer import Tokenizer

    if layout not in LAYOUTS:
        raise KeyError(f"layout {layout!r}: expected one of {', '.join(LAYOUTS)}")
    if encoder not in ENCODERS:
        raise KeyError(f"encoder {encoder!r}: expected one of {', '.join(ENCODERS)}")
    out = Path(path)
    if out.suffix != ".safetensors":
        raise ValueError(f"checkpoint path {str(out)!r} must end in .safetensors (MIDI-GPT's format)")
    enc = copy.deepcopy(ENCODERS[encoder])
    import json

    vocab = Tokenizer(EncoderConfig.from_json(json.dumps(enc)))._vocab
    torch.manual_seed(seed)
    model = GPT2LMHeadModel(GPT2Config(vocab_size=vocab.size(), **LAYOUTS[layout]))
    width = model.cfg.n_embd
    with torch.no_grad():
        # the final layer norm puts out about its bias (ones) plus a little of the input, so the
        # logits are W @ ones: each row's mean sets its token's logit, the rest stays random
        model.transformer.ln_f.weight.mul_(0.05)
        model.transformer.ln_f.bias.fill_(1.0)
        model.lm_head.weight.normal_(0.0, 0.02)
        for name in END_TOKENS:
            start, stop = vocab.range(getattr(TokenType, name))
            model.lm_head.weight[start:stop] += ends_logit / width
        for name in OPEN_TOKENS:
            start, stop = vocab.range(getattr(TokenType, name))
            model.lm_head.weight[start:stop] += 2 * ends_logit / width
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out), encoder_config=enc)
    return out
