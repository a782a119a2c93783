"""The size said of a change, carried to the change however it was read (issue 55, round 37).

"make the drums way busier" moves a part's dial (``adjust``) twice its step and "a touch simpler" half
(``size`` little or lot, the daemon's ``generate.step_of``); a level or density change read at its default
amount ("lower the hats a lot", read again as "make the hats softer" where the rules alone read no verb) takes
the amount of the size said (``change_words.SIZED``), as one the rules read with its size does. The size is
read once, by ``amount_words`` (``change_size``, ``dial_size``); none said leaves the intent as it was.
"""

from __future__ import annotations

from bridge.commands import change_words as cg
from bridge.commands.amount_words import change_size, dial_size
from bridge.commands.intent import Intent

# a transform at a change's default amount: the change it is ("velocity" 0.75 is "louder")
_DEFAULTS: dict[tuple[str, object], str] = {
    ("velocity", cg.AMOUNT["louder"]): "louder",
    ("velocity", cg.AMOUNT["softer"]): "softer",
    ("density", cg.AMOUNT["busier"]): "busier",
    ("density", cg.AMOUNT["simpler"]): "simpler",
}


def with_size(intent: Intent, s: str) -> Intent:
    """``intent`` at the size ``s`` says: a dial's ``size``, a level's or density's graded ``amount``."""
    p = intent.params
    if intent.action == "adjust" and "what" in p and "size" not in p:
        size = dial_size(s)
        return (
            intent if size is None else Intent(intent.action, intent.part, {**p, "size": size}, intent.heard)
        )
    change = _DEFAULTS.get((str(p.get("kind")), p.get("amount"))) if intent.action == "transform" else None
    if change is None or (size := change_size(s)) is None:
        return intent
    return Intent(intent.action, intent.part, {**p, "amount": cg.amount_of(change, size)}, intent.heard)
