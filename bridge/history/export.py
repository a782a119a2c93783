"""Export a take: its notes as a .mid, its audio as files, and a .zip of it and what it was made from
(its parent chain: the takes it varies, forks or recalls) with a JSON manifest (every take's
details, oldest first, and the files each one brought).

Every file is written in a hidden staging folder and renamed into place once the whole export is
made (the zip last), so a failed export leaves nothing behind; a take whose stored fields cannot make a MIDI file is refused with InvalidValue
naming the field (``bridge.history.schema``), never a crash half way.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bridge.history.schema import check_context, check_live, check_notes
from bridge.history.store import Store
from bridge.history.takes import Take
from engines.errors import InvalidValue, StoreError
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


def checked(take: Take) -> Take:
    """``take`` when its context, Live location and notes fit the take schema, else InvalidValue."""
    try:
        check_context(take.context)
        check_live(take.live)
        if take.notes is not None:
            check_notes(list(take.notes))
    except InvalidValue as exc:
        raise InvalidValue(f"take {take.take_id} cannot be exported: {exc}") from exc
    return take


def _files_of(take: Take, out_dir: Path, write: Callable[[Path, Callable[[Path], None]], None]) -> list[Path]:
    written = []
    if take.notes is not None:
        path = out_dir / f"{take.take_id}.mid"
        write(path, lambda to: _write_midi(take, to))
        written.append(path)
    for out in take.outputs:
        if out["kind"] == "audio" and "path" in out:
            path = out_dir / f"{take.take_id}-{out['name'] or 'audio'}{Path(out['path']).suffix}"
            write(path, functools.partial(_copy, out["path"]))
            written.append(path)
    return written


def _copy(source: str, to: Path) -> None:
    shutil.copyfile(source, to)


def _write(path: Path, make: Callable[[Path], None]) -> None:
    path.parent.mkdir(exist_ok=True)
    make(path)


def lanes(take: Take) -> tuple[list[tuple[float, int, int]], list[str]]:
    """The take's envelopes as (beats, CC, value) where a CC fits (volume 7, pan 10, a filter's
    cutoff 74), and what was skipped, named."""
    from engines.automation import Drawn, cc_number, cc_values

    events: list[tuple[float, int, int]] = []
    skipped = []
    for raw in take.live.get("envelopes", ()):
        drawn = Drawn.from_json(raw)
        cc = cc_number(drawn.device, drawn.parameter)
        if cc is None:
            skipped.append(f"{drawn.device} {drawn.parameter!r} (no MIDI CC for it)")
            continue
        events += [(beats, cc, value) for beats, value in cc_values(drawn)]
    return events, skipped


def _write_midi(take: Take, path: Path) -> None:
    from engines.midi_file import write_midi

    ctx = take.context
    try:
        key = parse_key(str(ctx.get("key", "C major")))
    except ValueError:
        key = Key(0, "Major")
    numerator, denominator = ctx.get("signature", [4, 4])
    notes = [Note(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes or ()]
    write_midi(
        path,
        {take.part or "notes": notes},
        tempo_bpm=float(ctx.get("tempo_bpm", 120.0)),
        signature=(int(numerator), int(denominator)),
        key=key,
        length_beats=take.live.get("length_beats"),
        controllers={take.part or "notes": lanes(take)[0]},
    )


def export(store: Store, prefix: str, out_dir: Path) -> dict[str, Any]:
    """Write the take's .mid / audio files and <take_id>.zip into ``out_dir``; returns what was written."""
    take = checked(store.get(prefix))
    chain = [checked(t) for t in ancestry(store, take)]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        archive = out_dir / f"{take.take_id}.zip"
        manifest: dict[str, Any] = {"take_id": take.take_id, "takes": []}
        # a hidden folder beside the results (same file system: renames), removed whatever happens
        staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=f".{take.take_id}-staging-"))
        try:
            with zipfile.ZipFile(staging / archive.name, "w", zipfile.ZIP_DEFLATED) as zf:
                for t in chain:
                    names = []
                    for path in _files_of(t, staging / t.take_id, _write):
                        zf.write(path, f"{t.take_id}/{path.name}")
                        names.append(f"{t.take_id}/{path.name}")
                    manifest["takes"].append({**t.detail(), "files": names})
                zf.writestr("manifest.json", json.dumps(manifest, indent=2))
            made = _files_of(take, staging / take.take_id, lambda p, make: None)  # made above
            files = [out_dir / p.name for p in made]
            for path, target in zip(made, files, strict=True):
                os.replace(path, target)
            os.replace(staging / archive.name, archive)  # last: a whole zip means a whole export
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise StoreError(f"cannot export take {take.take_id} into {out_dir}: {exc}") from exc
    out: dict[str, Any] = {
        "take_id": take.take_id,
        "files": [str(p) for p in files],
        "zip": str(archive),
        "ancestry": len(chain),
    }
    if take.live.get("envelopes") and take.notes is not None:  # as CC lanes in the .mid
        skipped = lanes(take)[1]
        out |= {"cc_lanes": len(take.live["envelopes"]) - len(skipped), "skipped": skipped}
    return out
