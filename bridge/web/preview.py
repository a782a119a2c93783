"""MIDI take previews: fluidsynth renders the take's MIDI with the GM SoundFont into a WAV cached in
the data folder, named by the SHA-256 of what was rendered (the MIDI bytes and the render settings),
so a take is rendered once and two takes with the same notes share one file.

The render is a subprocess awaited on the loop (nothing blocks it); concurrent asks for the same
preview wait on one render. The file is written beside its final name and renamed into place, so a
half-written preview is never served.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")
RATE = 44100
GAIN = 0.5
FOLDER = "previews"  # under the store's data folder


def preview_key(midi: bytes) -> str:
    """The content address of a preview: the MIDI and every setting that changes the sound."""
    settings = f"{SOUNDFONT.name}|{RATE}|{GAIN}|".encode()
    return hashlib.sha256(settings + midi).hexdigest()


class Previews:
    def __init__(self, root: Path) -> None:
        self.folder = root / FOLDER
        self._renders: dict[str, asyncio.Task[Path]] = {}

    def path_of(self, midi: bytes) -> Path:
        return self.folder / f"{preview_key(midi)}.wav"

    async def wav(self, midi: bytes) -> Path:
        """The preview's file, rendered now unless already cached; OSError if it cannot be made."""
        path = self.path_of(midi)
        if path.is_file():
            return path
        key = path.stem
        task = self._renders.get(key)
        if task is None:
            task = asyncio.ensure_future(render(midi, path))
            self._renders[key] = task
            task.add_done_callback(lambda _: self._renders.pop(key, None))
        return await asyncio.shield(task)


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
