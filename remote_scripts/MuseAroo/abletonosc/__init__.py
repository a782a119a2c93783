"""AbletonOSC compatibility mode: the Remote Script also speaks AbletonOSC's grammar on its ports.

Switched on by a setting file beside the Remote Script (``abletonosc.json``, written by
``roo install --abletonosc``) or by ``MUSEAROO_ABLETONOSC=1`` (``roo sim --abletonosc``).
The grammar's facts are in ``grammar``; one module serves each Live object.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from typing import Any

from . import grammar
from .server import AbletonOSC

__all__ = ["AbletonOSC", "enabled", "grammar", "start"]


def enabled(script_dir: str, env: Mapping[str, str] = os.environ) -> bool:
    """Whether the mode is on: the environment's word first, else the setting file's."""
    word = env.get(grammar.ENV)
    if word is not None:
        return word.strip().lower() in ("1", "true", "yes", "on")
    path = os.path.join(script_dir, grammar.SETTING_FILE)
    try:
        with open(path, encoding="utf-8") as handle:
            setting = json.load(handle)
    except (OSError, ValueError):
        return False
    return isinstance(setting, dict) and setting.get("enabled") is True


def start(
    script_dir: str, song: Any, log: Callable[[str], None], show: Callable[[str], None] | None = None
) -> AbletonOSC | None:
    """The compatibility server when the mode is on (None when off); show writes Live's status bar."""
    if not enabled(script_dir):
        return None
    port = int(os.environ.get(grammar.PORT_ENV, grammar.PORT))
    reply_port = int(os.environ.get(grammar.REPLY_PORT_ENV, grammar.REPLY_PORT))
    return AbletonOSC(song, log, port, reply_port, show)
