"""A tiny Whisper built from a config and saved like published weights, for the Whisper backend.

Its weights are random except that the decoder's attention and feed-forward outputs are zeroed
and each decoder position embedding points at one token, so the model says ``SAYS`` for any
audio: the loader, feature extraction, generation, decoding and parsing all run for real.
"""

from __future__ import annotations

import json
from pathlib import Path

SAYS = "stop"
SPECIAL = [
    "<|endoftext|>",
    "<|startoftranscript|>",
    "<|en|>",
    "<|transcribe|>",
    "<|translate|>",
    "<|startoflm|>",
    "<|startofprev|>",
    "<|nospeech|>",
    "<|notimestamps|>",
]


def _byte_chars() -> list[str]:
    """Byte-level BPE's printable stand-in for each byte (as GPT-2 and Whisper vocabularies use)."""
    keep = {*range(ord("!"), ord("~") + 1), *range(0xA1, 0xAC + 1), *range(0xAE, 0xFF + 1)}
    extra = iter(range(256, 512))
    return [chr(b) if b in keep else chr(next(extra)) for b in range(256)]


def build(folder: Path, says: str = SAYS, seed: int = 0, sureness: float = 1.0) -> Path:
    """``sureness`` scales the token embeddings (tied to the output projection): at 1 the model's
    best token has a probability of about 0.1 (its readings are unsure), at 5 nearly 1."""
    import torch
    from transformers import (
        GenerationConfig,
        WhisperConfig,
        WhisperFeatureExtractor,
        WhisperForConditionalGeneration,
        WhisperProcessor,
        WhisperTokenizer,
    )

    folder.mkdir(parents=True, exist_ok=True)
    vocab = {c: i for i, c in enumerate(_byte_chars())}
    for token in SPECIAL:
        vocab[token] = len(vocab)
    (folder / "vocab.json").write_text(json.dumps(vocab))
    (folder / "merges.txt").write_text("#version: 0.2\n")
    eot, sot = vocab["<|endoftext|>"], vocab["<|startoftranscript|>"]
    tokenizer = WhisperTokenizer(
        str(folder / "vocab.json"),
        str(folder / "merges.txt"),
        unk_token="<|endoftext|>",
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        pad_token="<|endoftext|>",
        additional_special_tokens=SPECIAL[1:],
    )
    WhisperProcessor(
        feature_extractor=WhisperFeatureExtractor(feature_size=80), tokenizer=tokenizer
    ).save_pretrained(folder)
    config = WhisperConfig(
        vocab_size=len(vocab),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        num_mel_bins=80,
        max_source_positions=1500,
        max_target_positions=32,
        decoder_start_token_id=sot,
        eos_token_id=eot,
        pad_token_id=eot,
        bos_token_id=eot,
        begin_suppress_tokens=None,
        suppress_tokens=None,
    )
    torch.manual_seed(seed)
    model = WhisperForConditionalGeneration(config)
    decoder = model.model.decoder
    with torch.no_grad():
        emb = torch.randn(len(vocab), config.d_model)
        emb -= emb.mean(dim=1, keepdim=True)
        emb /= emb.norm(dim=1, keepdim=True) / sureness
        decoder.embed_tokens.weight.copy_(emb)  # tied to the output projection
        for layer in decoder.layers:
            for proj in (layer.self_attn.out_proj, layer.encoder_attn.out_proj, layer.fc2):
                proj.weight.zero_()
                proj.bias.zero_()
        chars = _byte_chars()
        targets = [vocab[chars[b]] for b in says.encode()] + [eot]
        positions = decoder.embed_positions.weight
        positions.zero_()
        for i, target in enumerate(targets):
            positions[i] = 20.0 * emb[target]
    model.generation_config = GenerationConfig(decoder_start_token_id=sot, eos_token_id=eot, pad_token_id=eot)
    model.save_pretrained(folder)
    return folder
