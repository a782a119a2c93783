"""The encoder's ONNX export: written once (the daemon's warm-up or make encoder-onnx), read when it is there and current, never when it
is missing, stale, unreadable, turned off or off from the trace's numbers."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bridge.reading import encoder, onnx_forward, traced
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("encoder_wheel")


@pytest.fixture(scope="module")
def small() -> tuple[Any, Any]:
    """A two-layer BERT of random weights (exports in a second) with the encoder's own tokenizer."""
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    torch.manual_seed(5)
    config = BertConfig(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=48)
    return BertModel(config).eval(), AutoTokenizer.from_pretrained(encoder.source())


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "analysis"))
    monkeypatch.setenv(onnx_forward.ENV, "1")
    return tmp_path / "encoder"


def test_an_export_reads_other_lengths_and_padded_batches_as_the_model_does(small, cache) -> None:
    model, tokenizer = small
    path = cache / "small.onnx"
    worst = onnx_forward.export(model, tokenizer, traced.eager(model), path)
    assert worst < 1e-5 and path.is_file()
    assert [p.name for p in cache.iterdir()] == ["small.onnx"]  # nothing half-written left beside it
    exported = onnx_forward.session_forward(path)
    assert exported is not None
    texts = (
        "stop",
        "pull the congas back a hair in bar nine",
        "could the second verse's pads breathe a bit more",
    )
    assert onnx_forward.max_difference(exported, traced.eager(model), tokenizer, texts) < 1e-5


def test_an_export_off_from_the_reference_is_not_kept(small, cache) -> None:
    model, tokenizer = small
    plain = traced.eager(model)
    path = cache / "small.onnx"
    with pytest.raises(ValueError, match="differs from the trace by"):
        onnx_forward.export(model, tokenizer, lambda ids, mask: plain(ids, mask) + 1e-3, path)
    assert not path.exists() and list(cache.iterdir()) == []


def test_other_weights_are_another_file_and_a_published_name_none(tmp_path: Path, cache) -> None:
    folder = tmp_path / "weights"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "model.safetensors").write_bytes(b"one set of weights")
    first = onnx_forward.path_for(str(folder))
    (folder / "model.safetensors").write_bytes(b"retrained weights")
    second = onnx_forward.path_for(str(folder))
    assert first is not None and second is not None and first != second
    assert first.parent == second.parent == cache
    assert onnx_forward.path_for("sentence-transformers/all-MiniLM-L6-v2") is None


def test_a_missing_or_unreadable_export_leaves_the_trace_with_one_line(cache, caplog) -> None:
    where = encoder.source()
    with caplog.at_level(logging.INFO, logger=onnx_forward.__name__):
        assert onnx_forward.load(where) is None
    assert [r.getMessage() for r in caplog.records] == [
        f"sentence encoder: no ONNX export for {where} yet (the daemon writes it in the background): the trace reads"
    ]
    path = onnx_forward.path_for(where)
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not an onnx model")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=onnx_forward.__name__):
        assert onnx_forward.load(where) is None
    assert len(caplog.records) == 1 and "unreadable" in caplog.records[0].getMessage()


def test_a_good_export_is_read_unless_switched_off(small, cache, monkeypatch) -> None:
    model, tokenizer = small
    where = encoder.source()
    path = onnx_forward.path_for(where)
    assert path is not None
    onnx_forward.export(model, tokenizer, traced.eager(model), path)
    assert onnx_forward.load(where) is not None
    for off in ("0", "off", " No "):
        monkeypatch.setenv(onnx_forward.ENV, off)
        assert onnx_forward.load(where) is None
    for on in ("1", ""):
        monkeypatch.setenv(onnx_forward.ENV, on)
        assert onnx_forward.load(where) is not None
    monkeypatch.delenv(onnx_forward.ENV)
    assert onnx_forward.load(where) is not None  # the default (lat62)


def _reads(env: dict[str, str]) -> tuple[str, np.ndarray]:
    code = (
        "import sys, numpy as np; from bridge.reading import encoder; "
        "v = encoder.encode(['pull the congas back a hair', 'stop', 'could the pads breathe more in verse two']); "
        "print(encoder.reads_with()); np.save(sys.stdout.buffer, v)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, env={**os.environ, **env}, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr.decode()
    how, _, rest = run.stdout.partition(b"\n")

    return how.decode(), np.load(io.BytesIO(rest))


def test_the_encoder_reads_through_its_export_with_the_traces_numbers(tmp_path: Path) -> None:
    """The real encoder exported by `make encoder-onnx`'s script into a cache of this test's own."""
    cache = {"MUSEAROO_CACHE_DIR": str(tmp_path / "cache" / "analysis"), "HF_HUB_OFFLINE": "1"}
    run = subprocess.run(
        [sys.executable, "tools/export_encoder.py"],
        capture_output=True,
        env={**os.environ, **cache},
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr.decode()
    on = {**cache, onnx_forward.ENV: "1"}
    how, exported = _reads(on)
    assert how == "onnx"
    how, trace = _reads({**cache, onnx_forward.ENV: "0"})
    assert how == "trace"
    assert np.abs(exported - trace).max() < 1e-5
    how, _ = _reads({**on, "MUSEAROO_CACHE_DIR": str(tmp_path / "elsewhere" / "analysis")})
    assert how == "trace"  # no export in this cache: the trace reads
