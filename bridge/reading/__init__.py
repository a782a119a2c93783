"""The learned reading of a command: which action, on which target, over which kind of scope.

A frozen sentence encoder (all-MiniLM-L6-v2, ``encoder.py``) turns the sentence into 384 numbers;
a small trained head (``head.py``, ``head.npz``) gives calibrated probabilities for ``op``,
``target`` and ``scope`` (the classes of docs/intents.md, read by ``labels.py``). Importing this
package is cheap: numpy, torch and transformers load on first use; ``warm()`` loads the encoder
on a background thread (the daemon calls it at start) and then writes its ONNX export when it is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bridge.reading.encoder import is_loaded, warm, write_export

if TYPE_CHECKING:
    from bridge.reading.head import Reading

__all__ = ["Reading", "is_loaded", "probabilities", "read", "read_many", "warm", "write_export"]


def read(text: str) -> Reading:
    from bridge.reading.head import read as read_one

    return read_one(text)


def read_many(texts: list[str]) -> list[Reading]:
    from bridge.reading.head import read_many as read_all

    return read_all(texts)


def probabilities(text: str) -> dict[str, dict[str, float]]:
    from bridge.reading.head import probabilities as field_probabilities

    return field_probabilities(text)


def __getattr__(name: str) -> Any:
    if name == "Reading":
        from bridge.reading.head import Reading

        return Reading
    raise AttributeError(f"module 'bridge.reading' has no attribute {name!r}")
