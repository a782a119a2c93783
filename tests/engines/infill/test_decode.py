"""LeanDecode (engines/infill/decode.py): one-token cached steps give the GPT-2's own logits, bit for
bit, on the float and the int8 model, for one row and for a batch of four grown from one shared
prefill (the cache SharedPrefill hands a batch); other calls go to the model itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from engines.infill import load
from engines.infill.decode import LeanDecode, grown
from engines.infill.quantize import int8


def steps(model: Any, rows: int, count: int = 24) -> Any:
    """Logits of a 40-token prefill (one row, expanded to ``rows`` as SharedPrefill does), then
    ``count`` one-token steps feeding back each row's argmax (rows differ from the first step)."""
    import torch

    ids = torch.randint(0, int(model.cfg.vocab_size), (1, 40), generator=torch.Generator().manual_seed(3))
    with torch.no_grad():
        logits, past = model(ids, None)
        past = tuple((k.expand(rows, -1, -1, -1), v.expand(rows, -1, -1, -1)) for k, v in past)
        token = (torch.arange(rows) + ids[0, -1]).view(rows, 1)
        out = []
        for _ in range(count):
            logits, past = model(token, past)
            out.append(logits)
            token = logits[:, -1].argmax(-1, keepdim=True)
    return torch.cat(out, 1)


@pytest.mark.parametrize("quantized", [False, True])
@pytest.mark.parametrize("rows", [1, 4])
def test_lean_steps_give_the_models_own_logits(yellow_ckpt: Path, quantized: bool, rows: int) -> None:
    import torch

    gpt2 = load(str(yellow_ckpt)).engine._model.model.model  # SharedPrefill -> LeanDecode -> GPT-2
    model = int8(gpt2) if quantized else gpt2
    assert LeanDecode.fits(model)
    assert torch.equal(steps(LeanDecode(model), rows), steps(model, rows))


def test_the_cache_grows_in_place_in_a_buffer_with_room() -> None:
    import torch

    past = torch.randn(2, 3, 5, 4)
    first = grown(past, torch.ones(2, 3, 1, 4), limit=64)  # a copy into a buffer of twice the length
    assert first.shape == (2, 3, 6, 4) and torch.equal(first[:, :, :5], past)
    second = grown(first, torch.full((2, 3, 1, 4), 2.0), limit=64)  # in place: the same buffer
    assert second.data_ptr() == first.data_ptr() and torch.equal(second[:, :, 5:6], torch.ones(2, 3, 1, 4))
    assert torch.equal(second[:, :, 6], torch.full((2, 3, 4), 2.0))
    capped = grown(torch.randn(1, 1, 63, 2), torch.zeros(1, 1, 1, 2), limit=64)
    assert capped.shape[2] == 64 and grown(capped, torch.zeros(1, 1, 1, 2), limit=64).shape[2] == 65


def test_other_calls_go_to_the_model(yellow_ckpt: Path) -> None:
    import torch

    gpt2 = load(str(yellow_ckpt)).engine._model.model.model
    seen: list[int] = []

    class Spy:
        cfg, transformer, lm_head = gpt2.cfg, gpt2.transformer, gpt2.lm_head

        def __call__(self, ids: Any, past: Any = None, **kwargs: Any) -> Any:
            seen.append(int(ids.shape[1]))
            return gpt2(ids, past, **kwargs)

    lean = LeanDecode(Spy())
    with torch.no_grad():
        _, past = lean(torch.zeros(1, 5, dtype=torch.long), None)  # a prefill
        lean(torch.zeros(1, 1, dtype=torch.long), past)  # a cached step: lean, not the model
        lean(torch.zeros(1, 1, dtype=torch.long), past, key_mask=torch.ones(6, dtype=torch.bool))
    assert seen == [5, 1]  # the prefill and the masked step went to the model
