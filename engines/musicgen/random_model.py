"""Random-weight MusicGen models saved as real model folders: tiny ones for tests, full-size for benchmarks.

``save_random_model(folder)`` writes what ``save_pretrained`` writes for a published model
(config, weights, generation config, a T5 tokenizer built from a small Unigram vocabulary and
the processor), so ``models.load(folder)`` exercises the same loading code as real weights.
``small_config()`` is the musicgen-small layout (T5-base text encoder, 24-layer decoder, 32 kHz
EnCodec with 4 codebooks). Random weights make noise, not music.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

WORDS = (
    "a the and with at bpm drum drums beat loop lofi piano bass house techno funk funky chill "
    "jazz rock guitar synth pad ambient hip hop groove 80 90 100 110 120 128 140 4/4"
).split()


def tokenizer() -> Any:
    """A T5TokenizerFast from a small Unigram vocabulary (whole words, then single characters)."""
    from transformers import T5TokenizerFast  # type: ignore[attr-defined]

    pieces = ["<pad>", "</s>", "<unk>"] + [f"▁{w}" for w in WORDS] + ["▁"]
    pieces += list("abcdefghijklmnopqrstuvwxyz0123456789/.,-")
    return T5TokenizerFast(vocab=[(p, -float(i)) for i, p in enumerate(pieces)], unk_id=2)


def _encodec(*, tiny: bool) -> dict[str, Any]:
    from transformers import EncodecConfig

    size: dict[str, Any] = {
        "codebook_dim": 16,
        "codebook_size": 64,
        "hidden_size": 16,
        "num_filters": 4,
        "num_lstm_layers": 1,
    }
    if not tiny:
        size = {
            "codebook_dim": 128,
            "codebook_size": 2048,
            "hidden_size": 128,
            "num_filters": 64,
            "num_lstm_layers": 2,
        }
    return EncodecConfig(
        audio_channels=1,
        sampling_rate=32000,
        target_bandwidths=[4 * 50 * math.log2(size["codebook_size"]) / 1000],  # 4 codebooks at 50 Hz
        upsampling_ratios=[8, 5, 4, 4],
        normalize=False,
        use_causal_conv=False,
        chunk_length_s=None,
        overlap=None,
        **size,
    ).to_dict()


def small_config(*, melody: bool = False, stereo: bool = False, tiny: bool = False) -> Any:
    """A MusicgenConfig (or MusicgenMelodyConfig): musicgen-small's layout, or a tiny one."""
    from transformers import MusicgenConfig, MusicgenDecoderConfig, MusicgenMelodyConfig, T5Config

    vocab = len(tokenizer())
    if tiny:
        t5 = T5Config(vocab_size=vocab, d_model=16, d_kv=8, d_ff=32, num_layers=1, num_heads=2)
        layers, hidden, heads, ffn, codes = 2, 16, 2, 32, 64
    else:
        t5 = T5Config(vocab_size=32128, d_model=768, d_kv=64, d_ff=3072, num_layers=12, num_heads=12)
        layers, hidden, heads, ffn, codes = 24, 1024, 16, 4096, 2048
    decoder = MusicgenDecoderConfig(
        vocab_size=codes,
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=heads,
        ffn_dim=ffn,
        num_codebooks=8 if stereo else 4,
        audio_channels=2 if stereo else 1,
        pad_token_id=codes,
        bos_token_id=codes,
        max_position_embeddings=2048,
        activation_function="gelu",
        initializer_factor=0.5 if tiny else 0.02,  # tiny: large weights, so every input changes the tokens
    )
    cls = MusicgenMelodyConfig if melody else MusicgenConfig
    parts: dict[str, Any] = {
        "text_encoder": t5.to_dict(),
        "audio_encoder": _encodec(tiny=tiny),
        "decoder": decoder.to_dict(),
    }
    if melody:
        parts["num_chroma"] = 12
        parts["chroma_length"] = 235
    return cls(**parts)


def build(config: Any, *, seed: int = 0) -> Any:
    """A model with seeded random weights and MusicGen's generation defaults (top-k 250, CFG 3)."""
    import torch
    from transformers import MusicgenForConditionalGeneration, MusicgenMelodyForConditionalGeneration

    cls = (
        MusicgenMelodyForConditionalGeneration
        if config.model_type == "musicgen_melody"
        else MusicgenForConditionalGeneration
    )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = cls(config).eval()
        for layer in model.audio_encoder.quantizer.layers:  # EnCodec starts with all-zero codebooks
            layer.codebook.embed.normal_(std=0.1)  # about the scale of the random encoder output
            layer.codebook.embed_avg.copy_(layer.codebook.embed)
    pad = config.decoder.pad_token_id
    gen = model.generation_config
    gen.pad_token_id = gen.decoder_start_token_id = gen.bos_token_id = pad
    gen.do_sample, gen.top_k, gen.guidance_scale, gen.max_length = True, 250, 3.0, 1500
    return model


def save_random_model(
    folder: str | Path, *, melody: bool = False, stereo: bool = False, seed: int = 0
) -> Path:
    """Save a tiny random MusicGen (with tokenizer and processor) to ``folder``; returns it."""
    from transformers import EncodecFeatureExtractor, MusicgenProcessor

    from engines.musicgen.models import silence_transformers

    silence_transformers()
    folder = Path(folder)
    build(small_config(melody=melody, stereo=stereo, tiny=True), seed=seed).save_pretrained(folder)
    if melody:
        tokenizer().save_pretrained(folder)
    else:
        extractor = EncodecFeatureExtractor(feature_size=2 if stereo else 1, sampling_rate=32000)
        MusicgenProcessor(feature_extractor=extractor, tokenizer=tokenizer()).save_pretrained(folder)
    return folder
