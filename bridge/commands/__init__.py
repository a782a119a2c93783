"""Typed and spoken commands: one parser (``parse``) from sentences to Intents.

Importing this package is cheap (stdlib only); speech backends live in their own modules and
load their libraries when first used. This room is words to intents only; what an intent then
does (the actions it runs) is ``bridge/actions/intents/``.
"""

from __future__ import annotations

from bridge.commands.agree import parse
from bridge.commands.intent import EXAMPLES, Intent

__all__ = ["EXAMPLES", "Intent", "parse"]
