"""The model worker's targets for infill, continue and accompany: plain values in, plain values out.

The daemon's model worker (``bridge.jobs.worker``) runs ``engines.infill.jobs:run`` in its own
process, where the model stays loaded between jobs (``models.load`` caches it). Clips travel as
dicts of plain values (``part_dict``) and notes as (pitch, start_beats, duration_beats, velocity,
mute) tuples, so nothing but builtins crosses the process boundary. It reads and writes nothing
but its arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engines.errors import InvalidValue
from engines.infill.controls import Controls
from engines.infill.generate import InfillResult, accompany, continue_part, infill
from engines.infill.models import load
from engines.infill.quantize import check as check_quantize
from engines.infill.score import Part
from engines.infill.session import Progress
from engines.music import Key, Note, parse_key

NoteRow = tuple[int, float, float, int, int]
MODES = ("infill", "continue", "accompany")


def part_dict(
    notes: Sequence[Note], length_beats: float | None, drums: bool, program: int, name: str
) -> dict[str, Any]:
    """A clip as the worker takes it."""
    return {
        "notes": [n.as_tuple() for n in notes],
        "length_beats": length_beats,
        "drums": drums,
        "program": program,
        "name": name,
    }


def notes_of(rows: Sequence[Sequence[Any]]) -> tuple[Note, ...]:
    return tuple(Note(int(p), float(s), float(d), int(v), bool(m)) for p, s, d, v, m in rows)


def _part(data: dict[str, Any]) -> Part:
    length = data.get("length_beats")
    return Part(
        notes_of(data["notes"]),
        None if length is None else float(length),
        bool(data.get("drums", False)),
        int(data.get("program", 0)),
        str(data.get("name", "")),
    )


def _device() -> str:
    try:
        import torch
    except ImportError:
        return "cpu"
    return "cuda" if torch.cuda.is_available() else "cpu"


def run(
    mode: str,
    *,
    model: str,
    context: Sequence[dict[str, Any]] = (),
    clip: dict[str, Any] | None = None,
    part: str = "",
    signature: tuple[int, int] = (4, 4),
    first_bar: int = 0,
    last_bar: int = 0,
    bars: int = 0,
    density: float | None = None,
    complexity: float | None = None,
    key: str | None = None,
    seed: int | None = None,
    variations: int = 1,
    quantize: str | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run one of ``MODES`` with the model ``model`` (a published name or a checkpoint path).

    ``quantize``: the caller's choice, "int8" for int8 Linear layers when the model runs on the CPU
    (on a GPU the float model runs and the result says so); None for the float model.

    Returns {"takes": [[note rows] per take], "length_beats", "first_bar", "last_bar", "seeds",
    "tokens", "device", "quantize"}."""
    if mode not in MODES:
        raise InvalidValue(f"infill mode {mode!r} is not known: expected one of {', '.join(MODES)}")
    check_quantize(quantize, "cpu")  # a name that is not known is refused on any device
    device = _device()
    used = quantize if device == "cpu" else None
    mdl = load(model, device=device, quantize=used)
    parsed_key: Key | None = parse_key(key) if key else None
    controls = Controls(density, complexity, parsed_key)
    others = [_part(c) for c in context]
    common: dict[str, Any] = {
        "signature": (int(signature[0]), int(signature[1])),
        "model": mdl,
        "controls": controls,
        "seed": seed,
        "variations": variations,
        "progress": progress,
    }
    result: InfillResult
    if mode == "accompany":
        result = accompany(others, part, **common)
    elif clip is None:
        raise InvalidValue(f"infill mode {mode!r} needs a target clip: got none")
    elif mode == "infill":
        result = infill(_part(clip), others, first_bar=first_bar, last_bar=last_bar, **common)
    else:
        result = continue_part(_part(clip), others, bars=bars, **common)
    return {
        "takes": [[n.as_tuple() for n in take] for take in result.takes],
        "length_beats": result.length_beats,
        "first_bar": result.first_bar,
        "last_bar": result.last_bar,
        "seeds": list(result.seeds),
        "tokens": result.tokens,
        "device": device,
        "quantize": used,
    }
