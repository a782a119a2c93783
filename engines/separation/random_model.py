"""Save HTDemucs models with random weights in the format demucs's own loader reads.

For tests and benchmarks (no model hub is reachable here): the folder holds ``<sig>-<sha>.th``
(the dict ``klass``/``args``/``kwargs``/``state`` written by ``demucs.states.save_with_checksum``)
and a ``<name>.yaml`` bag naming it, so ``demucs.pretrained.get_model(name, repo=folder)`` and
our ``load_model(folder)`` go through exactly the path real weights take.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

FOUR_STEMS = ("drums", "bass", "other", "vocals")
SIX_STEMS = ("drums", "bass", "other", "vocals", "guitar", "piano")  # htdemucs_6s order

LAYOUTS: dict[str, dict[str, Any]] = {
    # 20 k parameters, 1 s segments: a few hundred ms per second of audio on one core
    "tiny": {
        "channels": 4,
        "depth": 3,
        "nfft": 256,
        "t_layers": 1,
        "t_heads": 2,
        "t_hidden_scale": 1.0,
        "dconv_comp": 2,
        "segment": 1,
    },
    # the published htdemucs architecture (42 M parameters, 7.8 s segments)
    "htdemucs": {"dconv_mode": 3, "bottom_channels": 512, "t_dropout": 0.02, "segment": Fraction(39, 5)},
}


def save_random_model(
    folder: str | Path,
    name: str = "random",
    *,
    layout: str = "tiny",
    sources: tuple[str, ...] = FOUR_STEMS,
    seed: int = 0,
) -> Path:
    """Write a random HTDemucs of ``layout`` as model ``name`` into ``folder``; returns the folder."""
    import torch
    import yaml
    from demucs.htdemucs import HTDemucs
    from demucs.states import save_with_checksum

    if layout not in LAYOUTS:
        raise KeyError(f"layout {layout!r}: expected one of {', '.join(LAYOUTS)}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    model = HTDemucs(list(sources), **LAYOUTS[layout])
    args, kwargs = model._init_args_kwargs  # recorded by demucs's @capture_init
    state = {key: value.detach().cpu().clone() for key, value in model.state_dict().items()}
    signature = f"{name}0"
    save_with_checksum(
        {"klass": HTDemucs, "args": args, "kwargs": kwargs, "state": state}, folder / f"{signature}.th"
    )
    (folder / f"{name}.yaml").write_text(yaml.safe_dump({"models": [signature]}))
    return folder
