"""A track named with an accent keeps the accent as typed (issue 55): "mute the violão track" is
``track_name`` "violão", not the reader's folded "violao".

The reader folds accents early (``spanish.fold``) so that "violão" and "violao" read the same; Live's
own track lookup folds both sides too (``actions.place.track.tracks_named``), so the act is the same
either way, but the request shown and kept (the status line, the history, ``means``) is the name the
musician typed. A word of a track name is given back its typed spelling when a word of the sentence
folds to it; an ASCII sentence is returned untouched (nothing to give back). Stdlib only.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands.intent import Intent
from bridge.commands.spanish import fold

NAME_KEYS = ("track_name", "source_track_name")
_WORD = re.compile(r"[^\W\d_]+")


def spelled(text: str, intent: Intent) -> Intent:
    """``intent`` with each track name's folded words spelled as ``text`` typed them."""
    if text.isascii() or not intent.understood:
        return intent
    typed = {fold(w): w.lower() for w in _WORD.findall(text) if not w.isascii()}
    params = _respelled(intent.params, typed)
    return intent if params is intent.params else Intent(intent.action, intent.part, params, intent.heard)


def _respelled(params: dict[str, Any], typed: dict[str, str]) -> dict[str, Any]:
    """``params`` with its names respelled (the same dict when nothing changes); later requests too."""
    out = dict(params)
    for key in NAME_KEYS:
        if isinstance(name := params.get(key), str):
            out[key] = _WORD.sub(lambda m: typed.get(m.group(0), m.group(0)), name)
    if isinstance(later := params.get("then"), list):
        out["then"] = [
            {**step, "params": _respelled(step["params"], typed)}
            if isinstance(step, dict) and isinstance(step.get("params"), dict)
            else step
            for step in later
        ]
    return params if out == params else out
