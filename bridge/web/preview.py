"""MIDI take previews: fluidsynth renders the take's MIDI with the GM SoundFont into a WAV cached in
the data folder, named by the SHA-256 of what was rendered (the MIDI bytes and the render settings),
so a take is rendered once and two takes with the same notes share one file.

The render is a subprocess awaited on the loop (nothing blocks it); concurrent asks for the same
preview wait on one render. The file is written beside its final name and renamed into place, so a
half-written preview is never served.

The folder is a cache bounded in bytes (``MUSEAROO_PREVIEW_CACHE_MB``, default 256 MB): after each
render the least recently served previews are deleted until the rest fit; the one just made or
served is always kept. Recency is kept in memory, seeded from the files' times at the first ask.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import tempfile
from collections import OrderedDict
from pathlib import Path

from engines.errors import InvalidValue

SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
RATE = 44100
GAIN = 0.5
FOLDER = "previews"  # under the store's data folder
CACHE_ENV = "MUSEAROO_PREVIEW_CACHE_MB"
DEFAULT_CACHE_MB = 256.0  # an 8-bar take at 120 bpm is about 3 MB of WAV: some 80 previews


def preview_key(midi: bytes) -> str:
    """The content address of a preview: the MIDI and every setting that changes the sound."""
    settings = f"{SOUNDFONT.name}|{RATE}|{GAIN}|".encode()
    return hashlib.sha256(settings + midi).hexdigest()


def cache_bytes_from_env() -> int:
    """The preview cache's bound from $MUSEAROO_PREVIEW_CACHE_MB (megabytes, default 256)."""
    raw = os.environ.get(CACHE_ENV, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_CACHE_MB
    except ValueError as exc:
        raise InvalidValue(f"{CACHE_ENV}={raw!r}: expected megabytes, e.g. 256") from exc
    if not mb > 0:
        raise InvalidValue(f"{CACHE_ENV}={raw!r}: expected megabytes > 0")
    return int(mb * 1_000_000)


class Previews:
    def __init__(self, root: Path, max_bytes: int | None = None) -> None:
        self.folder = root / FOLDER
        self.max_bytes = cache_bytes_from_env() if max_bytes is None else max_bytes
        self._renders: dict[str, asyncio.Task[Path]] = {}
        self._used: OrderedDict[Path, int] | None = None  # path -> bytes, least recently served first

    def path_of(self, midi: bytes) -> Path:
        return self.folder / f"{preview_key(midi)}.wav"

    async def wav(self, midi: bytes) -> Path:
        """The preview's file, rendered now unless already cached; OSError if it cannot be made."""
        path = self.path_of(midi)
        if path.is_file():
            self._served(path)
            return path
        key = path.stem
        task = self._renders.get(key)
        if task is None:
            task = asyncio.ensure_future(render(midi, path))
            self._renders[key] = task
            task.add_done_callback(lambda _: self._renders.pop(key, None))
        made = await asyncio.shield(task)
        self._served(made)
        return made

    def _served(self, path: Path) -> None:
        """Mark ``path`` most recently used, then delete the least recently used beyond the bound."""
        used = self._seed() if self._used is None else self._used
        used[path] = path.stat().st_size
        used.move_to_end(path)
        os.utime(path)  # the order survives a restart, as well as the clock's grain allows
        while sum(used.values()) > self.max_bytes and len(used) > 1:
            oldest, _ = used.popitem(last=False)
            oldest.unlink(missing_ok=True)

    def _seed(self) -> OrderedDict[Path, int]:
        """The previews already in the folder, oldest first by their files' times."""
        found = [(p.stat(), p) for p in self.folder.glob("*.wav") if p.is_file()]
        self._used = OrderedDict((p, st.st_size) for st, p in sorted(found, key=lambda f: f[0].st_mtime_ns))
        return self._used


async def render(midi: bytes, path: Path) -> Path:
    """Render ``midi`` to ``path`` (WAV, RATE Hz) with fluidsynth and the GM SoundFont."""
    if shutil.which("fluidsynth") is None or not SOUNDFONT.is_file():
        raise OSError(
            f"preview needs fluidsynth and {SOUNDFONT} (apt-get install fluidsynth fluid-soundfont-gm)"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="roo-preview-", dir=path.parent) as folder:
        mid, wav = Path(folder) / "take.mid", Path(folder) / "take.wav"
        mid.write_bytes(midi)
        proc = await asyncio.create_subprocess_exec(
            "fluidsynth", "-ni", "-q", "-g", str(GAIN), "-r", str(RATE), "-F", str(wav), str(SOUNDFONT),
            str(mid), stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        _, err = await proc.communicate()
        if proc.returncode != 0 or not wav.is_file():
            raise OSError(f"fluidsynth failed ({proc.returncode}): {err.decode(errors='replace')[-300:]}")
        os.replace(wav, path)
    return path
