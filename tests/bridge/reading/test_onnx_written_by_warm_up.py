"""The encoder's ONNX export is on by default (lat62): a daemon's warm-up writes a missing one in the
background while the trace reads, then reads through it; a one-shot reading never writes it; a failed
export leaves the trace with one log line."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from bridge.reading import encoder, onnx_forward, traced

pytestmark = pytest.mark.usefixtures("encoder_wheel")


@pytest.fixture(scope="module")
def tiny() -> Any:
    """A one-layer BERT of random weights: its export takes a second (the real one 15-100 s)."""
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(7)
    config = BertConfig(hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=24)
    return BertModel(config).eval()


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No encoder loaded yet, no setting (the default), an empty cache of this test's own."""
    monkeypatch.setenv("MUSEAROO_CACHE_DIR", str(tmp_path / "analysis"))
    monkeypatch.delenv(onnx_forward.ENV, raising=False)
    monkeypatch.setattr(encoder, "_loaded", None)
    monkeypatch.setattr(encoder, "_warming", None)
    monkeypatch.setitem(encoder._reads, "with", "")
    path = onnx_forward.path_for(encoder.source())
    assert path is not None
    return path


def _tiny_export(tiny: Any, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The real export's code on the tiny model (the real weights' export is tested in test_onnx_forward)."""
    written: list[Path] = []
    real = onnx_forward.export

    def export(model: Any, tokenizer: Any, reference: Any, path: Path) -> float:
        written.append(path)
        return real(tiny, tokenizer, traced.eager(tiny), path)

    monkeypatch.setattr(onnx_forward, "export", export)
    return written


def test_the_export_is_read_by_default_when_it_is_there(tiny, fresh) -> None:
    from transformers import AutoTokenizer

    onnx_forward.export(tiny, AutoTokenizer.from_pretrained(encoder.source()), traced.eager(tiny), fresh)
    assert onnx_forward.load(encoder.source()) is not None
    encoder.encode(["pull the shaker back in the last chorus"])
    assert encoder.reads_with() == "onnx"


def test_the_warm_up_writes_a_missing_export_then_reads_through_it(tiny, fresh, monkeypatch) -> None:
    written = _tiny_export(tiny, monkeypatch)
    before = encoder.encode(["double the claps in the second drop"])
    assert encoder.reads_with() == "trace" and not fresh.exists()  # a reading alone never writes it
    encoder.warm().join(timeout=300)
    assert written == [fresh] and fresh.is_file()
    assert encoder.reads_with() == "onnx"
    assert before.shape == (1, 384)
    assert encoder.encode(["double the claps in the second drop"]).shape == (1, 16)  # the tiny export reads
    assert encoder.write_export()  # already reads through it: nothing written again
    assert written == [fresh]


def test_switched_off_the_warm_up_writes_nothing(tiny, fresh, monkeypatch) -> None:
    written = _tiny_export(tiny, monkeypatch)
    monkeypatch.setenv(onnx_forward.ENV, "0")
    encoder.warm().join(timeout=300)
    assert written == [] and not fresh.exists() and encoder.reads_with() == "trace"


def test_a_failed_export_leaves_the_trace_with_one_line(fresh, monkeypatch, caplog) -> None:
    def export(model: Any, tokenizer: Any, reference: Any, path: Path) -> float:
        raise ValueError("the export differs from the trace by 3.00e-02 (> 1e-04)")

    monkeypatch.setattr(onnx_forward, "export", export)
    encoder._load()
    with caplog.at_level(logging.INFO, logger=encoder.__name__):
        assert not encoder.write_export()
    assert [r.getMessage() for r in caplog.records] == [
        "sentence encoder: the ONNX export was not written (the export differs from the trace by 3.00e-02 "
        "(> 1e-04)): the trace reads"
    ]
    assert encoder.reads_with() == "trace" and not fresh.exists()


def test_switched_off_the_warm_up_never_reads_the_weights_for_their_hash(fresh, monkeypatch) -> None:
    """Every daemon the tests start has the export off: its warm-up must not hash the 90 MB of weights."""
    monkeypatch.setenv(onnx_forward.ENV, "0")

    def hashed(where: str) -> Path | None:
        raise AssertionError(f"the weights in {where} were hashed with the export switched off")

    monkeypatch.setattr(onnx_forward, "path_for", hashed)
    assert encoder.write_export() is False
