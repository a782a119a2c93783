"""The take history: every generation a commit (parent, settings, context, notes, audio), kept in
SQLite (default, WAL) or PostgreSQL, recallable, forkable and comparable.

``open_store()`` reads MUSEAROO_DB and MUSEAROO_DATA_DIR; ``Store`` is the whole interface.
"""

from __future__ import annotations

from bridge.history.db import data_dir, database_url
from bridge.history.store import Store, open_store
from bridge.history.takes import AudioOut, Take, TakeDraft, note_dict

__all__ = [
    "AudioOut",
    "Store",
    "Take",
    "TakeDraft",
    "data_dir",
    "database_url",
    "note_dict",
    "open_store",
]
