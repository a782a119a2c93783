"""The int8 option (engines/infill/quantize.py): the same model as Linear layers first (exactly), then
int8 weights whose logits stay close to the float model's, and infill, continue and accompany on it
still give valid scores: every note outside the written bars kept, new notes inside them, in MIDI's
ranges, and a batch of takes. Also the caller's int8 choice (the engine reads no environment) and bad values named,
and that sampling feeds the prompt once per window and one token a step on the KV cache after it."""

from __future__ import annotations

from pathlib import Path

import pytest

from engines.errors import InvalidValue
from engines.infill import Part, accompany, continue_part, infill, load
from engines.infill.quantize import as_linear, int8
from engines.music import Note
from tests.engines.infill.conftest import riff
from tests.engines.infill.test_infill import outside


def _logits(model: object, ids: object) -> object:
    import torch

    with torch.no_grad():
        logits, _ = model(ids, None)  # type: ignore[operator]
    return logits


def test_linear_layers_compute_what_conv1d_does_and_int8_stays_close(yellow_ckpt: Path) -> None:
    import torch

    model = load(str(yellow_ckpt)).engine._model.model.model  # SharedPrefill -> LeanDecode -> GPT-2
    ids = torch.randint(0, int(model.cfg.vocab_size), (2, 40), generator=torch.Generator().manual_seed(1))
    exact = _logits(model, ids)
    linear = as_linear(model)
    assert not any(type(m).__name__ == "Conv1D" for m in linear.modules())
    assert torch.allclose(_logits(linear, ids), exact, atol=1e-5)  # type: ignore[arg-type]
    quantized = int8(model)
    kinds = {type(m).__name__ for m in quantized.modules()}
    assert "Linear" in kinds and "Conv1D" not in kinds
    assert any("quantized" in type(m).__module__ for m in quantized.modules())
    spread = float(exact.abs().max())  # type: ignore[attr-defined]
    moved = float((_logits(quantized, ids) - exact).abs().max())  # type: ignore[operator]
    assert 0.0 < moved < 0.05 * spread, (moved, spread)  # changed by the int8 weights, but a little
    # the original is untouched (a copy was quantized)
    assert any(type(m).__name__ == "Conv1D" for m in model.modules())


def valid(notes: tuple[Note, ...] | list[Note], lo: float, hi: float) -> None:
    assert all(0 <= n.pitch <= 127 and 1 <= n.velocity <= 127 for n in notes)
    assert all(n.duration_beats > 0 and lo - 1e-6 <= n.start_beats < hi for n in notes)


def test_infill_continue_and_accompany_on_int8_give_valid_scores(yellow_ckpt: Path) -> None:
    mdl = load(str(yellow_ckpt), quantize="int8")
    assert mdl is load(str(yellow_ckpt), quantize="int8") and mdl is not load(str(yellow_ckpt))
    notes = riff(8)
    result = infill(Part(notes, 32.0), first_bar=3, last_bar=5, model=mdl, seed=7)
    assert outside(result.notes, 8.0, 20.0) == outside(notes, 8.0, 20.0)
    written = [n for n in result.notes if 8.0 <= n.start_beats < 20.0]
    assert written, "the int8 model wrote nothing into bars 3-5"
    valid(written, 8.0, 20.0)
    assert infill(Part(notes, 32.0), first_bar=3, last_bar=5, model=mdl, seed=7).notes == result.notes

    more = continue_part(Part(riff(4), 16.0), bars=2, model=mdl, seed=2)
    new = [n for n in more.notes if n.start_beats >= 16.0]
    assert new and more.length_beats == 24.0
    valid(new, 16.0, 24.0)

    chords = Part(tuple(Note(p, float(b * 4), 4.0, 90) for b in range(2) for p in (60, 64, 67)), 8.0)
    takes = accompany([chords], "bass", model=mdl, seed=11, variations=4)
    assert len(takes.takes) == 4 and all(takes.takes)
    for take in takes.takes:
        valid(take, 0.0, 8.0)


def test_bad_quantize_values_are_named(yellow_ckpt: Path) -> None:
    with pytest.raises(InvalidValue, match="quantize 'int4' is not known: expected one of int8"):
        load(str(yellow_ckpt), quantize="int4")
    with pytest.raises(InvalidValue, match="runs on the CPU only"):
        load(str(yellow_ckpt), device="cuda", quantize="int8")


def test_every_step_after_a_windows_prefill_feeds_one_token_on_the_kv_cache(yellow_ckpt: Path) -> None:
    """The prompt is encoded once per window (two windows for bars 5-12 of 16), then each generated
    token is one call with one new token on the cache: no step feeds the prompt again."""
    from midigpt.inference import InferenceEngine

    from engines.infill.models import describe

    inner = load(str(yellow_ckpt)).engine._model.model  # LeanDecode over the GPT-2, inside SharedPrefill
    calls: list[tuple[int, int]] = []  # (tokens fed, cache length before)

    class Counting:
        def __getattr__(self, name: str) -> object:
            return getattr(inner, name)

        def __call__(self, input_ids: object, past_kv: object = None, **kwargs: object) -> object:
            cached = 0 if past_kv is None else int(past_kv[0][0].shape[2])  # type: ignore[index]
            calls.append((int(input_ids.shape[1]), cached))  # type: ignore[attr-defined]
            return inner(input_ids, past_kv, **kwargs)

    loaded = load(str(yellow_ckpt)).engine
    engine = InferenceEngine(Counting(), loaded._tokenizer, loaded._analyzer)
    engine.warmup()
    calls.clear()
    result = infill(Part(riff(16), 64.0), first_bar=5, last_bar=12, model=describe("c", "c", engine), seed=3)
    prefills = [c for c in calls if c[1] == 0]
    assert len(prefills) == 2 and all(fed > 50 for fed, _ in prefills)  # one prompt per window
    steps = [c for c in calls if c[1] > 0]
    assert steps and all(fed == 1 for fed, _ in steps)  # one token a call, on the cache
    assert len(calls) == result.tokens  # a call per generated token (the first from the prefill)


def test_the_worker_target_loads_the_int8_model_when_asked(
    monkeypatch: pytest.MonkeyPatch, yellow_ckpt: Path
) -> None:
    from engines.infill import models
    from engines.infill.jobs import part_dict, run

    monkeypatch.setenv("MUSEAROO_INFILL_INT8", "1")  # the daemon's switch: the engine reads no environment
    monkeypatch.setattr(models, "_LOADED", {})
    clip = part_dict(riff(4), 16.0, False, 0, "riff")
    out = run("infill", model=str(yellow_ckpt), clip=clip, first_bar=2, last_bar=3, seed=1)
    assert out["quantize"] is None and [key.endswith("+int8") for key in models._LOADED] == [False]
    out = run("infill", model=str(yellow_ckpt), clip=clip, first_bar=2, last_bar=3, seed=1, quantize="int8")
    assert out["device"] == "cpu" and out["quantize"] == "int8" and out["takes"][0]
    assert sorted(key.endswith("+int8") for key in models._LOADED) == [False, True]  # the int8 copy now too
    with pytest.raises(InvalidValue, match="quantize 'int4' is not known"):
        run("infill", model=str(yellow_ckpt), clip=clip, first_bar=2, last_bar=3, quantize="int4")
