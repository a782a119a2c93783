"""Audio files stored content-addressed: <data dir>/audio/<first 2 hex>/<sha256><suffix>.

One copy however often it is referenced; a file is written under a temporary name and renamed,
so a crash never leaves a half file under a hash name.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from engines.errors import AudioFileError, StoreError

CHUNK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class StoredAudio:
    sha256: str
    suffix: str
    size_bytes: int
    frames: int
    sample_rate: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def blob_path(root: Path, sha256: str, suffix: str) -> Path:
    return root / "audio" / sha256[:2] / f"{sha256}{suffix}"


def put(root: Path, source: Path) -> StoredAudio:
    """Copy ``source`` into the store (unless that content is there already) and describe it."""
    import soundfile

    try:
        info = soundfile.info(str(source))
    except (RuntimeError, OSError) as exc:  # soundfile raises RuntimeError (LibsndfileError)
        raise AudioFileError(f"cannot read audio file {source}: {exc}") from exc
    sha = sha256_of(source)
    suffix = source.suffix.lower() or ".wav"
    target = blob_path(root, sha, suffix)
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
            with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
                shutil.copyfileobj(src, out, CHUNK_BYTES)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise StoreError(f"cannot store audio {source} in {target.parent}: {exc}") from exc
    return StoredAudio(sha, suffix, source.stat().st_size, int(info.frames), int(info.samplerate))


def verify(root: Path, sha256: str, suffix: str) -> str | None:
    """None when the blob exists with that hash, else what is wrong with it."""
    path = blob_path(root, sha256, suffix)
    if not path.exists():
        return f"{path} is missing"
    actual = sha256_of(path)
    return None if actual == sha256 else f"{path} has hash {actual}, expected {sha256}"
