"""The written phrase sets (tests/data/commands*.yaml) and exact-intent comparison."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bridge.commands import Intent

DATA = Path(__file__).resolve().parents[2] / "data"
DEV_SET = DATA / "commands.yaml"
HELDOUT_SET = DATA / "commands_heldout.yaml"
# libyaml's loader where PyYAML has it: the same data as yaml.safe_load, in an eighth of the CPU
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(path: Path) -> list[dict[str, Any]]:
    phrases = yaml.load(path.read_text(), Loader=SafeLoader)["phrases"]
    assert isinstance(phrases, list)
    return phrases


def matches(intent: Intent, entry: dict[str, Any]) -> bool:
    """Exact intent: action, part and params equal (params not compared for 'unknown')."""
    if intent.action != entry["action"] or intent.part != entry["part"]:
        return False
    return entry["params"] is None or intent.params == entry["params"]
