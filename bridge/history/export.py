"""Export a take: its notes as a .mid, its audio as files, and a .zip of it and its ancestry with a
JSON manifest (every take's details, oldest first, and the files each one brought)."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

from bridge.history.store import Store
from bridge.history.takes import Take
from engines.errors import StoreError
from engines.music import Key, Note, parse_key


def ancestry(store: Store, take: Take) -> list[Take]:
    """The take and its parents, oldest first (a parent no longer in the store ends the chain)."""
    chain = [take]
    seen = {take.take_id}
    while chain[-1].parent_id and chain[-1].parent_id not in seen:
        try:
            parent = store.get(chain[-1].parent_id)
        except StoreError:
            break
        chain.append(parent)
        seen.add(parent.take_id)
    return chain[::-1]


def _files_of(take: Take, out_dir: Path) -> list[Path]:
    written = []
    if take.notes is not None:
        path = out_dir / f"{take.take_id}.mid"
        _write_midi(take, path)
        written.append(path)
    for out in take.outputs:
        if out["kind"] == "audio" and "path" in out:
            path = out_dir / f"{take.take_id}-{out['name'] or 'audio'}{Path(out['path']).suffix}"
            shutil.copyfile(out["path"], path)
            written.append(path)
    return written


def _write_midi(take: Take, path: Path) -> None:
    from engines.midi_file import write_midi

    ctx = take.context
    try:
        key = parse_key(str(ctx.get("key", "C major")))
    except ValueError:
        key = Key(0, "Major")
    signature = tuple(ctx.get("signature", [4, 4]))
    notes = [Note(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes or ()]
    write_midi(
        path,
        {take.part or "notes": notes},
        tempo_bpm=float(ctx.get("tempo_bpm", 120.0)),
        signature=(int(signature[0]), int(signature[1])),
        key=key,
        length_beats=take.live.get("length_beats"),
    )


def export(store: Store, prefix: str, out_dir: Path) -> dict[str, Any]:
    """Write the take's .mid / audio files and <take_id>.zip into ``out_dir``; returns what was written."""
    take = store.get(prefix)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        files = _files_of(take, out_dir)
        chain = ancestry(store, take)
        archive = out_dir / f"{take.take_id}.zip"
        manifest: dict[str, Any] = {"take_id": take.take_id, "takes": []}
        staging = out_dir / f".{take.take_id}-staging"
        staging.mkdir(exist_ok=True)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for t in chain:
                names = []
                for path in _files_of(t, staging):
                    zf.write(path, f"{t.take_id}/{path.name}")
                    names.append(f"{t.take_id}/{path.name}")
                manifest["takes"].append({**t.detail(), "files": names})
            zf.writestr("manifest.json", json.dumps(manifest, indent=2))
        shutil.rmtree(staging)
    except OSError as exc:
        raise StoreError(f"cannot export take {take.take_id} into {out_dir}: {exc}") from exc
    return {
        "take_id": take.take_id,
        "files": [str(p) for p in files],
        "zip": str(archive),
        "ancestry": len(chain),
    }
