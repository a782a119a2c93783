"""What a sentence means, for the word tests: the whole reading (the rules and the learned one, where
a test turns the latter on) read into the schema (docs/intents.md), and a case of it."""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.means import means_of


def read(text: str) -> dict[str, Any]:
    intent = parse(text)
    assert intent.understood, intent
    return dict(means_of(intent.as_dict()))


def case(text: str, **want: Any) -> Any:
    return pytest.param(text, want, id=text)
