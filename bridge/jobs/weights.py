"""Before a model loads: are its published weights cached, and can their host be reached?

Without this, demucs and transformers find out by trying to download, which offline takes
27 to 40 s of retries before their error. Checked first, a run that cannot succeed fails at
once with the fix ``roo doctor`` gives. A model folder (``--model PATH``) is never checked here.
"""

from __future__ import annotations

import importlib.util
import os
import socket
from pathlib import Path

from bridge.setup.doctor import (
    Check,
    demucs_weights_check,
    hf_cache_dir,
    musicgen_weights_check,
    torch_hub_checkpoints,
)
from engines.errors import InvalidValue, ModelUnavailable

HF_HOST = "huggingface.co"
DEMUCS_LEGACY_HOST = "dl.fbaipublicfiles.com"  # demucs's older mirror (torch hub checkpoints)
DEMUCS_HF_NAMESPACE = "adefossez"
PROBE_TIMEOUT_S = 3.0


def hub_offline() -> bool:
    """True when the user switched the Hugging Face hub off (HF_HUB_OFFLINE=1)."""
    return os.environ.get("HF_HUB_OFFLINE", "0").strip().lower() not in ("0", "", "false", "no")


def reachable(host: str, port: int = 443, timeout_s: float = PROBE_TIMEOUT_S) -> bool:
    """Whether a TCP connection to ``host:port`` opens (name resolution included)."""
    try:
        socket.create_connection((host, port), timeout=timeout_s).close()
    except OSError:
        return False
    return True


def hf_cached(repo_id: str) -> bool:
    return (hf_cache_dir() / ("models--" + repo_id.replace("/", "--"))).is_dir()


def _demucs_remote() -> Path | None:
    """demucs's list of published bags and checkpoint files, found without importing demucs (torch)."""
    spec = importlib.util.find_spec("demucs")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "remote"


def demucs_hf_repo(name: str) -> str:
    """The Hugging Face repository demucs 4.1 loads a bag from: htdemucs_ft -> adefossez/HTDemucs-ft."""
    if name == "htdemucs":
        repo = "HTDemucs"
    elif name.startswith("htdemucs_"):
        repo = "HTDemucs-" + name.removeprefix("htdemucs_")
    else:
        repo = "Demucs-" + name
    return f"{DEMUCS_HF_NAMESPACE}/{repo}"


def demucs_checkpoints(name: str) -> list[str] | None:
    """The torch hub checkpoint file names a published demucs bag needs (None: not a published bag)."""
    import yaml

    remote = _demucs_remote()
    bag = remote / f"{name}.yaml" if remote is not None else None
    if remote is None or bag is None or not bag.is_file():
        return None
    sigs = set(yaml.safe_load(bag.read_text())["models"])
    lines = (line.strip() for line in (remote / "files.txt").read_text().splitlines())
    return sorted(
        line for line in lines if line and not line.startswith(("#", "root:")) and line.split("-")[0] in sigs
    )


def demucs_cached(name: str) -> bool:
    if hf_cached(demucs_hf_repo(name)):
        return True
    files = demucs_checkpoints(name)
    folder = torch_hub_checkpoints()
    return bool(files) and all((folder / f).is_file() for f in files or ())


def _refuse(check: Check, what: str, why: str, hint: str = "") -> None:
    raise ModelUnavailable(f"{what} is not cached and {why}: {check.fix}{hint}")


def require_musicgen(spec: str) -> None:
    """Raise ModelUnavailable at once when ``spec``'s weights are not cached and cannot be fetched."""
    from engines.musicgen.models import resolve

    source, is_local = resolve(spec)
    if is_local or hf_cached(source):
        return
    if hub_offline() or not reachable(HF_HOST):
        why = "HF_HUB_OFFLINE=1" if hub_offline() else f"{HF_HOST} cannot be reached"
        hint = f" (elsewhere: `hf download {source}`, then copy the cache)"
        _refuse(musicgen_weights_check(), f"MusicGen model {spec!r} ({source})", why, hint)


def known_demucs(spec: str) -> None:
    """InvalidValue naming ``spec`` and the known names unless it is one MuseAroo offers, one demucs
    publishes, or a model folder (checked by ``resolve_spec``): said before any cache or hub probe."""
    from bridge.protocol import SEPARATION_MODELS
    from engines.separation.models import resolve_spec

    name, folder = resolve_spec(spec)
    if (
        folder is None
        and name not in SEPARATION_MODELS
        and name != "demucs_unittest"
        and demucs_checkpoints(name) is None
    ):
        raise InvalidValue(
            f"model {spec!r} is not known: expected one of {', '.join(SEPARATION_MODELS)}, another "
            "published demucs name, or a model folder"
        )


def require_demucs(spec: str) -> None:
    """Raise ModelUnavailable at once when ``spec``'s weights are not cached and cannot be fetched.

    demucs tries the Hugging Face hub first (not with HF_HUB_OFFLINE=1), then, for the bags it
    lists itself, its older mirror.
    """
    from engines.separation.models import resolve_spec

    name, folder = resolve_spec(spec)
    if folder is not None or name == "demucs_unittest" or demucs_cached(name):
        return
    legacy = demucs_checkpoints(name) is not None
    if hub_offline():
        # offline means offline: no probe of either host (demucs would still try its mirror)
        if legacy:
            _refuse(demucs_weights_check(), f"demucs model {name!r}", "HF_HUB_OFFLINE=1")
        return  # a name demucs does not list: its loader answers at once (unknown model)
    if reachable(HF_HOST):
        return
    if legacy and reachable(DEMUCS_LEGACY_HOST):
        return
    why = (
        f"{HF_HOST} and {DEMUCS_LEGACY_HOST} cannot be reached" if legacy else f"{HF_HOST} cannot be reached"
    )
    _refuse(demucs_weights_check(), f"demucs model {name!r}", why)
