"""MIDI-GPT models by published name or local checkpoint, loaded once per process.

A model spec is a published name from presets/models.yaml (``yellow_small``, ``yellow_medium``,
``prism_medium``, ``expressive_medium``: checkpoint files in the Hugging Face repository
``Metacreation/MIDI-GPT``) or the path of a local checkpoint in MIDI-GPT's format (a
``.safetensors`` bundle, a packed ``.pt`` bundle, or a folder with ``config.json`` and
``model.pt``). Everything goes through the library's own loader
(``InferenceEngine.from_checkpoint`` / ``from_pretrained``). The published weights are under the
Metacreation Non-Commercial Research License and gated: without them the loader raises
ModelUnavailable saying how to get them. Loaded engines are cached by resolved path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engines.errors import InvalidValue, ModelUnavailable
from engines.presets import load_models

log = logging.getLogger(__name__)

LICENCE = "Metacreation Non-Commercial Research License (non-commercial research and education only)"
_CHOICE = load_models().get("infill")
DEFAULT_MODEL = _CHOICE.default if _CHOICE else "yellow_small"
PUBLISHED: tuple[str, ...] = _CHOICE.published if _CHOICE else ()
HUB_REPO = (_CHOICE.hub_prefix if _CHOICE else "Metacreation/MIDI-GPT/").strip("/")
MODEL_PAGE = f"https://huggingface.co/{HUB_REPO}"


@dataclass(frozen=True, slots=True)
class InfillModel:
    """A loaded MIDI-GPT engine and what the infill engine needs to know about it."""

    spec: str
    source: str  # the checkpoint path, or hub:<repo>/<name> when loaded through the hub
    engine: Any  # midigpt.inference.InferenceEngine
    attribute_sizes: dict[str, int]  # attribute name -> number of levels
    attribute_track_types: dict[str, str]  # attribute name -> melodic | drum | both
    attribute_levels: dict[str, str]  # attribute name -> track | bar
    time_signatures: tuple[str, ...]  # "4/4", "6/8" ... the model can encode
    window_bars: tuple[int, ...]  # the model's num_bars_map (context windows in bars)


_LOADED: dict[str, InfillModel] = {}


def resolve(spec: str) -> tuple[str, bool]:
    """(checkpoint path or published name, is_local); an unusable path or unknown name is InvalidValue."""
    text = spec.strip()
    path = Path(text).expanduser()
    looks_local = (
        text.startswith(("/", ".", "~"))
        or "/" in text
        or "\\" in text
        or path.suffix in (".pt", ".safetensors")
    )
    if path.exists() or looks_local:
        if path.is_dir() and (path / "config.json").is_file() and (path / "model.pt").is_file():
            return str(path.resolve()), True
        if path.is_file() and path.suffix in (".safetensors", ".pt"):
            return str(path.resolve()), True
        raise InvalidValue(
            f"MIDI-GPT checkpoint {text!r} is not usable: expected a .safetensors or .pt checkpoint file "
            f"(or a folder with config.json and model.pt) that exists"
        )
    if text in PUBLISHED:
        return text, False
    raise InvalidValue(
        f"MIDI-GPT model {spec!r} is unknown: expected one of {', '.join(PUBLISHED)} or a checkpoint path"
    )


def load(spec: str = DEFAULT_MODEL, *, device: str = "cpu", quantize: str | None = None) -> InfillModel:
    """The model for ``spec`` on ``device``, loaded once and cached by resolved path (and
    ``quantize``: "int8" for int8 Linear layers on the CPU, engines/infill/quantize.py)."""
    from engines.infill.quantize import check

    check(quantize, device)
    source, is_local = resolve(spec)
    if not is_local:
        cached = _hub_cached(source)
        source = cached or f"hub:{HUB_REPO}/{source}"
    key = f"{source}@{device}" + (f"+{quantize}" if quantize else "")
    if key not in _LOADED:
        _LOADED[key] = _load(spec, source, device, quantize)
    return _LOADED[key]


def unload() -> None:
    """Forget every loaded model (the next ``load`` reads from disk again)."""
    _LOADED.clear()


def _hub_cached(name: str) -> str | None:
    """The cached ``<name>-final.safetensors`` from the Hugging Face cache, or None (never the network)."""
    try:
        from huggingface_hub import try_to_load_from_cache
    except ImportError:
        return None
    found = try_to_load_from_cache(HUB_REPO, f"{name}-final.safetensors")
    return str(found) if isinstance(found, str) else None


def _load(spec: str, source: str, device: str, quantize: str | None = None) -> InfillModel:
    try:
        from midigpt.inference import InferenceEngine
    except ImportError as exc:
        raise ModelUnavailable(f"MIDI-GPT is not installed ({exc}): pip install midigpt") from exc
    log.info("loading MIDI-GPT %s from %s on %s", spec, source, device)
    try:
        if source.startswith("hub:"):  # offline, the library falls back to any cached <name>-*.safetensors
            engine = InferenceEngine.from_pretrained(spec, hf_repo=HUB_REPO, device=device)
        else:
            engine = InferenceEngine.from_checkpoint(source, device=device)
    except Exception as exc:  # the library raises OSError, ValueError, PermissionError, hub errors ...
        raise ModelUnavailable(unavailable_message(spec, source, exc)) from exc
    from engines.infill.decode import LeanDecode
    from engines.infill.prefill import share_prefill

    model = engine._model
    if quantize == "int8":
        from engines.infill.quantize import int8

        model = int8(model)
    if LeanDecode.fits(model):  # one-token steps without the module machinery (equal logits)
        model = LeanDecode(model)
    engine = InferenceEngine(model, engine._tokenizer, engine._analyzer)
    return describe(spec, source, share_prefill(engine))


def describe(spec: str, source: str, engine: Any) -> InfillModel:
    """An InfillModel for a loaded engine: its attribute controls and encoder facts."""
    import json

    analyzer = engine._analyzer  # the library documents this introspection (README, "Attribute controls")
    enc = json.loads(engine._tokenizer._vocab.config().to_json())
    return InfillModel(
        spec=spec,
        source=source,
        engine=engine,
        attribute_sizes=dict(analyzer.attribute_sizes()),
        attribute_track_types=dict(analyzer.attribute_track_types()),
        attribute_levels=dict(analyzer.attribute_levels()),
        time_signatures=tuple(str(ts) for ts in enc.get("time_signatures") or ()),
        window_bars=tuple(sorted(int(n) for n in enc.get("num_bars_map") or (4,))),
    )


def unavailable_message(spec: str, source: str, exc: BaseException) -> str:
    """What to do when the weights are missing: the licence, the model page, the login, a local path."""
    cause = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    if not source.startswith("hub:"):
        return f"MIDI-GPT checkpoint {source!r} cannot be loaded ({cause})"
    return (
        f"MIDI-GPT model {spec!r} is not on this computer and cannot be downloaded now. Its weights are "
        f"under the {LICENCE} and gated: accept the licence on the model page {MODEL_PAGE} with your "
        f"Hugging Face account, run `hf auth login` (or set HF_TOKEN) on a machine with internet and load "
        f"the model once, or pass a local checkpoint path (--model PATH.safetensors). Cause: {cause}"
    )
