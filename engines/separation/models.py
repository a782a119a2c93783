"""Demucs models by name or folder, loaded once per process through demucs's own loader.

A model spec is a published name (``htdemucs``, ``htdemucs_ft``, ``htdemucs_6s``, ``mdx_extra``
or any other name demucs knows), a folder holding one model (``<sig>.th`` files and/or one
``<name>.yaml`` bag), or ``FOLDER/NAME`` for one of several in a folder. Published weights come
from the user's caches (Hugging Face, then torch hub), where demucs puts them when online.
Loaded models stay cached for the life of the process (the worker); a model folder changed on
disk is read again only by a fresh process.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

from engines.errors import InvalidValue, ModelUnavailable
from engines.presets import load_models

log = logging.getLogger(__name__)

_CHOICE = load_models()["separation"]  # presets/models.yaml
DEFAULT_MODEL = _CHOICE.default
PUBLISHED_MODELS = _CHOICE.published


def best_device() -> str:
    """``cuda`` or ``mps`` when torch sees one, else ``cpu`` (what ``roo doctor`` reports)."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return "mps"
    return "cpu"


def resolve_spec(spec: str) -> tuple[str, Path | None]:
    """Split a model spec into (name, local folder or None); a bad folder is InvalidValue."""
    path = Path(spec).expanduser()
    if path.is_dir():
        names = sorted(
            {p.stem for p in path.glob("*.yaml")} or {p.stem.rsplit("-", 1)[0] for p in path.glob("*.th")}
        )
        if len(names) != 1:
            found = ", ".join(names) or "no .yaml bag and no .th model"
            raise InvalidValue(
                f"model folder {str(path)!r} holds {found}: expected exactly one model "
                f"(or name one as FOLDER/NAME)"
            )
        return names[0], path.resolve()
    parent = path.parent
    if str(parent) not in ("", ".") and parent.is_dir():
        if (parent / f"{path.name}.yaml").is_file() or list(parent.glob(f"{path.name}*.th")):
            return path.name, parent.resolve()
        raise InvalidValue(f"model {spec!r}: no {path.name}.yaml or {path.name}-*.th in {str(parent)!r}")
    if "/" in spec or "\\" in spec:
        raise InvalidValue(f"model {spec!r}: no such folder (expected a model name or a model folder)")
    return spec, None


def load_model(spec: str = DEFAULT_MODEL) -> Any:
    """The demucs model (or bag of models) for ``spec``, in eval mode on the CPU; cached by spec."""
    name, folder = resolve_spec(spec)
    return _load(name, folder)


@functools.cache
def _load(name: str, folder: Path | None) -> Any:
    from demucs.pretrained import get_model
    from demucs.repo import ModelLoadingError

    log.info("loading demucs model %s%s", name, f" from {folder}" if folder else "")
    try:
        model = get_model(name, repo=folder)
    except ModelLoadingError as exc:
        where = f"in {str(folder)!r}" if folder else f"(published models: {', '.join(PUBLISHED_MODELS)})"
        raise InvalidValue(f"unknown demucs model {name!r} {where}: {exc}") from exc
    except (OSError, RuntimeError, EOFError, KeyError, ValueError) as exc:
        raise ModelUnavailable(_unavailable_message(name, folder, exc)) from exc
    return model.eval()


def _unavailable_message(name: str, folder: Path | None, exc: BaseException) -> str:
    if folder is not None:
        return f"demucs model {name!r} in {str(folder)!r} cannot be loaded ({type(exc).__name__}: {exc})"
    return (
        f"demucs model {name!r} is not in this computer's model cache and cannot be downloaded now "
        f"({type(exc).__name__}: {exc}). Run the separation once with an internet connection "
        f"(demucs stores the weights in the torch hub / Hugging Face cache, about 80 MB per model), "
        f"or download the model files elsewhere and pass --model FOLDER: a folder holding the "
        f"model's <signature>.th checkpoint file(s) and, for a bag of models, its <name>.yaml"
    )


def source_names(model: Any) -> list[str]:
    """The stem names in the model's output order, e.g. drums, bass, other, vocals."""
    return [str(s) for s in model.sources]
