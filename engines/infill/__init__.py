"""Neural infill with MIDI-GPT: rewrite chosen bars of a clip, continue it, or add a part that fits.

``generate.infill``, ``generate.continue_part`` and ``generate.accompany`` take Live clips as
``score.Part`` (notes in beats) plus the scene's other clips as context, and give back the
clip's notes (``InfillResult``), bars outside the written ones unchanged note for note.
``models.load(spec)`` loads a published model (presets/models.yaml; weights gated, non-commercial)
or a local checkpoint once per process; ``controls.Controls`` carries density, complexity and key.
``random_model.save_random_checkpoint`` writes a random checkpoint in MIDI-GPT's own format.
Long infills run in independent windows (``windows``); a batch of takes prefills once (``prefill``).
"""

from __future__ import annotations

from engines.infill.controls import Controls
from engines.infill.generate import InfillResult, accompany, continue_part, infill
from engines.infill.models import DEFAULT_MODEL, LICENCE, PUBLISHED, InfillModel, load, unload
from engines.infill.score import PARTS, Part, part_for

__all__ = [
    "DEFAULT_MODEL",
    "LICENCE",
    "PARTS",
    "PUBLISHED",
    "Controls",
    "InfillModel",
    "InfillResult",
    "Part",
    "accompany",
    "continue_part",
    "infill",
    "load",
    "part_for",
    "unload",
]
