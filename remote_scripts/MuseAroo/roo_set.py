"""Which Set is open: its id, kept in the Set itself, and its name (RS_SET_PUSH).

Live makes a new instance of the control surface for every Set it opens, so the instance reads the
id the Set keeps (``Song.get_data`` under "musearoo.set_id") as it starts. A Set without one (new,
or last saved before MuseAroo) is given one then (``Song.set_data``: no undo step, saved with the Set
when the producer saves it). Where Live refuses ``set_data`` the id is derived from the Set's file
path instead, and the log says so: the same saved Set gives the same id, an unsaved Set has none of
its own ("unsaved"). A Set saved under a new name keeps its id (it is the same song's copy).
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from collections.abc import Callable

import Live

from . import roo_protocol as protocol

ID = re.compile(r"^[A-Za-z0-9_-]{4,64}$")
KEY = protocol.DATA_KEY_PREFIX + protocol.SET_ID_KEY


def set_name(song: Live.Song.Song) -> str:
    """The Set's file name without ".als"; "" for a Set never saved."""
    path = str(getattr(song, "file_path", "") or "")
    name = os.path.basename(path.replace("\\", "/"))
    return name[:-4] if name.lower().endswith(".als") else name


def derived_id(song: Live.Song.Song) -> str:
    """An id from the Set's file path (the same saved Set, the same id); "unsaved" without one."""
    path = str(getattr(song, "file_path", "") or "")
    return "path-" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:12] if path else "unsaved"


def set_identity(song: Live.Song.Song, log: Callable[[str], None]) -> str:
    """The id the Set keeps, given one now when it has none (derived when Live refuses to keep it)."""
    kept = song.get_data(KEY, "")
    if isinstance(kept, str) and ID.match(kept):
        return kept
    made = uuid.uuid4().hex[:16]
    try:
        song.set_data(KEY, made)
    except Exception as exc:  # a Live that cannot keep data in the Set: derived, and said
        derived = derived_id(song)
        log(
            f"this Set cannot keep MuseAroo's id ({type(exc).__name__}: {exc}): using {derived!r}, from its path"
        )
        return derived
    return made
