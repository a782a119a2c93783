"""The encoder's forward pass through ONNX Runtime: the same fp32 model, fewer microseconds around it.

The model's forward (input_ids, attention_mask -> last hidden state, any batch and length) is exported
once to MuseAroo's cache folder, named by the weights' hash (``~/.cache/musearoo/encoder/``; about
90 MB, never committed): by the daemon's warm-up on its first start, in the background while the
trace reads (``encoder.write_export``), or at once by ``make encoder-onnx`` (``tools/export_encoder.py``).
The encoder reads through it by default when the file is there and loads (graph optimisations on, one
thread, fp32: the head was trained on fp32 vectors; no quantising): the same parses with a third less
CPU a sentence (docs/benchmarks/commands.md, lat62). When it is missing, stale (other weights, other
name), unreadable or turned off (``MUSEAROO_ENCODER_ONNX=0``), the frozen trace reads (``traced.py``),
with one log line. The export is kept only when its numbers are the trace's within :data:`TOLERANCE`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
import warnings
from pathlib import Path
from typing import Any

from bridge.reading.traced import PROBES, TRACE_WITH, Forward

log = logging.getLogger(__name__)

ENV = "MUSEAROO_ENCODER_ONNX"  # "0" (or off/no/false): the trace reads; else the export when it is there
OFF = ("0", "off", "no", "false")
OPSET = 17
TOLERANCE = 1e-4  # max |difference| of a hidden state vs the trace (measured: about 3e-6)
WEIGHTS = ("config.json", "model.safetensors")


def cache_folder() -> Path:
    """Beside the analysis cache: $MUSEAROO_CACHE_DIR's parent, else ~/.cache/musearoo."""
    analysis = os.environ.get("MUSEAROO_CACHE_DIR")
    return (Path(analysis).parent if analysis else Path.home() / ".cache" / "musearoo") / "encoder"


def path_for(where: str) -> Path | None:
    """The export's file for the weights in folder ``where`` (None when ``where`` is not such a folder)."""
    folder = Path(where)
    if not all((folder / name).is_file() for name in WEIGHTS):
        return None
    digest = hashlib.sha256()
    for name in WEIGHTS:
        with (folder / name).open("rb") as f:
            digest.update(hashlib.file_digest(f, "sha256").digest())
    return cache_folder() / f"minilm-{digest.hexdigest()[:16]}-opset{OPSET}.onnx"


def wanted() -> bool:
    return os.environ.get(ENV, "").strip().lower() not in OFF


def load(where: str) -> Forward | None:
    """The exported forward of the weights in ``where``, or None (one log line) when the trace must read."""
    if not wanted():
        log.info("sentence encoder: the trace reads (%s is off)", ENV)
        return None
    path = path_for(where)
    if path is None or not path.is_file():
        log.info(
            "sentence encoder: no ONNX export for %s yet (the daemon writes it in the background): the trace reads",
            where,
        )
        return None
    return session_forward(path)


def session_forward(path: Path) -> Forward | None:
    import onnxruntime as ort
    import torch

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only
    try:
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own classes for a bad file
        log.info("sentence encoder: ONNX export %s unreadable (%s): the trace reads", path, exc)
        return None

    def forward(input_ids: Any, attention_mask: Any) -> Any:
        feed = {"input_ids": input_ids.numpy(), "attention_mask": attention_mask.numpy()}
        return torch.from_numpy(session.run(None, feed)[0])

    return forward


def export(model: Any, tokenizer: Any, reference: Forward, path: Path) -> float:
    """Write ``model``'s forward to ``path``; returns the max |difference| vs ``reference`` on the probes.

    The file is written beside ``path`` and moved there only when the difference is within
    :data:`TOLERANCE` (else ValueError, naming it); a half-written export is never left at ``path``.
    """
    import torch

    class _Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    example = tokenizer([TRACE_WITH], return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    path.parent.mkdir(parents=True, exist_ok=True)
    for left in path.parent.glob(f"{path.name}.*.part"):  # a daemon stopped while it wrote one
        if time.time() - left.stat().st_mtime > 3600:
            left.unlink(missing_ok=True)
    partial = path.with_name(path.name + f".{os.getpid()}.part")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # TracerWarning on shape checks, the exporter's deprecation
            torch.onnx.export(
                _Hidden().eval(), (example["input_ids"], example["attention_mask"]), str(partial),
                dynamo=False, opset_version=OPSET, input_names=["input_ids", "attention_mask"],
                output_names=["hidden"], dynamic_axes={"input_ids": axes, "attention_mask": axes, "hidden": axes},
            )  # fmt: skip
        exported = session_forward(partial)
        if exported is None:
            raise ValueError(f"the export {partial} does not load")
        worst = max_difference(exported, reference, tokenizer)
        if worst > TOLERANCE:
            raise ValueError(f"the export differs from the trace by {worst:.2e} (> {TOLERANCE:.0e})")
        os.replace(partial, path)
        return worst
    finally:
        partial.unlink(missing_ok=True)


def max_difference(one: Forward, other: Forward, tokenizer: Any, texts: tuple[str, ...] = PROBES) -> float:
    """Max |difference| of the two forwards' hidden states over the real tokens: each text alone and all padded."""
    import torch

    batches = [tokenizer([t], return_tensors="pt") for t in texts]
    batches.append(tokenizer(list(texts), padding=True, return_tensors="pt"))
    worst = 0.0
    with torch.inference_mode():
        for b in batches:
            ids, mask = b["input_ids"], b["attention_mask"]
            real = mask.unsqueeze(-1).to(torch.float32)
            worst = max(worst, float(((one(ids, mask) - other(ids, mask)) * real).abs().max()))
    return worst
