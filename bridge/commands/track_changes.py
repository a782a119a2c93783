"""A level or density change said in its own word of a track by its name (issue 55, round 38): the rules'.

"make the organ track simpler", "make the pads track louder", "bring the pads down a touch": the rules
read the track by its name and the change by its word; the learned reading was taught parts (drums, bass,
chords, melody) and reads a sentence about "the organ" or "the strings" by the instrument word, not the change
("humanize", or the opposite level). Where the sentence says the change's own comparative ("simpler",
"louder", "quieter" ...), none of the other direction and no complaint ("too"), the rules act, whatever the
learned op but the opposite change (a contradiction, asked by ``weighing``); any other sentence is weighed as before.
"""

from __future__ import annotations

import re

from bridge.commands.intent import Intent

# each change's own comparatives: a word of one said plainly names it
_SAID: dict[str, tuple[str, ...]] = {
    "louder": ("louder", "turn up", "bring up", "boost"),
    "softer": ("quieter", "softer", "turn down", "bring down", "lower the volume"),
    "busier": ("busier", "denser", "more notes", "fuller"),
    "simpler": ("simpler", "sparser", "thinner", "fewer notes", "less busy", "thin out", "simplify"),
}
_COMPARATIVES = {op: re.compile(rf" (?:{'|'.join(words)}) ") for op, words in _SAID.items()}
_OPPOSITE = {"louder": "softer", "softer": "louder", "busier": "simpler", "simpler": "busier"}
_COMPLAINT = re.compile(r" too | (?:isn t|is not|not) ")


def track_change_said(ruled: Intent, op: str | None, s: str) -> bool:
    """Whether the rules' ``op`` (a level or density change) is of a track by its name and said in its own word
    alone in the normalised sentence ``s``."""
    if op not in _SAID or ruled.action != "transform" or not ruled.params.get("track_name"):
        return False
    if ruled.params.get("kind") not in ("velocity", "density") or _COMPLAINT.search(s):
        return False
    return _COMPARATIVES[op].search(s) is not None and _COMPARATIVES[_OPPOSITE[op]].search(s) is None
