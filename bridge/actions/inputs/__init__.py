"""The doors' inputs: one check of a JSON value against its schema for every door that takes JSON
(``check``: the MCP tools, the HTTP API), and what each request option means in words (``words``:
the descriptions the MCP schemas, ``/api/options`` and docs/protocol.md give), beside the ranges
of ``bridge.actions.options``.
"""

from __future__ import annotations

from bridge.actions.inputs.check import MAX_PATH, MAX_TEXT, check_object, check_option, check_value, shown
from bridge.actions.inputs.words import describe

__all__ = ["MAX_PATH", "MAX_TEXT", "check_object", "check_option", "check_value", "describe", "shown"]
