"""The history benchmark's store figures: a store filled with N takes, its size on disk, how fast
it lists them, and what three minutes of audio cost it.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from bridge.history import AudioOut, TakeDraft, open_store
from bridge.history.commit import OUTPUTS, TAKES


def audio_store(folder: Path, minutes: float = 3.0) -> dict[str, float]:
    """Store a 4-stem separation (``minutes`` of 44.1 kHz stereo float32 each) twice: time and bytes."""
    import numpy as np
    import soundfile

    rng = np.random.default_rng(0)
    frames = int(minutes * 60 * 44100)
    stems = {}
    for name in ("drums", "bass", "other", "vocals"):
        path = folder / f"stem-{name}.wav"
        soundfile.write(
            str(path), (0.1 * rng.standard_normal((frames, 2))).astype(np.float32), 44100, "FLOAT"
        )
        stems[name] = path
    store = open_store(f"sqlite:///{folder / 'audio.db'}", folder / "data")
    out = {}
    for label in ("first", "second"):
        before = _bytes(folder / "data")
        draft = TakeDraft("separate", "stems", audio=[AudioOut(n, p) for n, p in stems.items()])
        start = time.perf_counter()
        store.commit(draft)
        out[f"{label} store s"] = time.perf_counter() - start
        out[f"{label} store bytes added"] = _bytes(folder / "data") - before
    out["input bytes"] = sum(p.stat().st_size for p in stems.values())
    store.close()
    return out


def _bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and p.suffix == ".wav")


def fill(folder: Path, takes: int) -> Any:
    """A store with ``takes`` 8-bar drum takes (about 130 notes each), written in bulk."""
    store = open_store(f"sqlite:///{folder / 'big.db'}", folder)
    store.use_project("bench")
    project_id = store._project_ids["bench"]
    notes = json.dumps(
        [
            {"pitch": 36 + i % 10, "start_beats": i * 0.25, "length_beats": 0.25, "velocity": 100}
            for i in range(128)
        ]
    )
    now = time.time()
    batch = 5000
    for first in range(0, takes, batch):
        rows = range(first, min(takes, first + batch))
        with store.engine.begin() as conn:
            conn.execute(
                TAKES.insert(),
                [
                    {
                        "take_id": f"{i:012x}",
                        "project_id": project_id,
                        "parent_id": f"{i - 1:012x}" if i else None,
                        "action": "generate",
                        "part": ("drums", "bass", "chords", "melody")[i % 4],
                        "params": "{}",
                        "seed": i,
                        "context": "{}",
                        "versions": "{}",
                        "live": "{}",
                        "command": "",
                        "message": "",
                        "starred": False,
                        "created_at": now - takes + i,
                    }
                    for i in rows
                ],
            )
            conn.execute(
                OUTPUTS.insert(),
                [{"take_id": f"{i:012x}", "kind": "midi", "name": "", "notes": notes} for i in rows],
            )
    return store


def list_speed(folder: Path, takes: int, repeats: int = 200) -> dict[str, list[float]]:
    store = fill(folder, takes)
    out: dict[str, list[float]] = {f"newest 50 of {takes}": [], f"newest 50 bass of {takes}": []}
    for _ in range(repeats):
        for name, part in zip(out, (None, "bass"), strict=True):
            start = time.perf_counter()
            found = store.takes(part=part, limit=50)
            out[name].append((time.perf_counter() - start) * 1000.0)
            assert len(found) == 50 and found[0].seed == (takes - 1 if part is None else takes - 3)
    store.close()
    return out
