"""The head's three fields and how a docs/intents.md label is read into them.

``op`` is the schema's op as written. ``target`` folds the schema's target into a class: a list of
voices is its first voice, any ``track:<name>`` is ``track``, any ``take:<id>`` is ``take``, no target
said is ``none``. ``scope`` is the kind of scope said (``none`` when none): one of :data:`SCOPES`,
the first in that order when a label says several (``{bars, beats}`` is ``bars``).
"""

from __future__ import annotations

from typing import Any

FIELDS = ("op", "target", "scope")
SCOPES = ("bars", "half", "first_bars", "last_bars", "from_bar", "until_bar", "section", "every", "beats")


def target_class(target: Any) -> str:
    if target is None:
        return "none"
    if isinstance(target, list):
        return target_class(target[0]) if target else "none"
    name = str(target)
    if name.startswith("track:"):
        return "track"
    if name.startswith("take:"):
        return "take"
    return name


def scope_class(scope: Any) -> str:
    if not isinstance(scope, dict):
        return "none"
    return next((kind for kind in SCOPES if kind in scope), "none")


def classes(means: dict[str, Any]) -> dict[str, str]:
    """The head's three labels of one meaning: ``{"op": ..., "target": ..., "scope": ...}``."""
    return {
        "op": str(means["op"]),
        "target": target_class(means.get("target")),
        "scope": scope_class(means.get("scope")),
    }
