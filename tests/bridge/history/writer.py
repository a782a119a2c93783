"""A separate process that commits takes into a store: ``python -m tests.bridge.history.writer URL ROOT N``.

Prints each take id it committed, one a line, as soon as the commit returned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bridge.history import TakeDraft, note_dict, open_store


def main(url: str, root: str, count: int, tag: str) -> None:
    store = open_store(url, Path(root))
    for i in range(count):
        notes = [note_dict(36 + i % 40, j * 0.25, 0.25, 100) for j in range(16)]
        take_id = store.commit(
            TakeDraft("generate", "drums", params={"writer": tag, "i": i}, seed=i, notes=notes)
        )
        print(take_id, flush=True)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
