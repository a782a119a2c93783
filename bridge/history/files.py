"""Audio files stored content-addressed: <data dir>/audio/<first 2 hex>/<sha256><suffix>.

One copy however often it is referenced; a file is written under a temporary name and renamed,
so a crash never leaves a half file under a hash name.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from engines.errors import AudioFileError, RooError, StoreError

CHUNK_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class StoredAudio:
    sha256: str
    suffix: str
    size_bytes: int
    frames: int
    sample_rate: int


def sha256_of(path: Path, error: type[RooError] = StoreError) -> str:
    """The SHA-256 (hex) of the file's bytes; ``error`` naming the path when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK_BYTES):
                digest.update(chunk)
    except OSError as exc:
        raise error(f"cannot read {path} to hash it ({_why(exc)}): expected a readable file") from exc
    return digest.hexdigest()


def size_of(path: Path, error: type[RooError] = StoreError) -> int:
    """The file's size in bytes; ``error`` naming the path when it is gone or cannot be read."""
    try:
        return path.stat().st_size
    except OSError as exc:
        raise error(f"cannot read the size of {path} ({_why(exc)}): expected an existing file") from exc


def _why(exc: OSError) -> str:
    """'No such file or directory' rather than '[Errno 2] No such file or directory: '/a.wav''."""
    return exc.strerror or str(exc)


def blob_path(root: Path, sha256: str, suffix: str) -> Path:
    return root / "audio" / sha256[:2] / f"{sha256}{suffix}"


def put(root: Path, source: Path) -> StoredAudio:
    """Copy ``source`` into the store (unless that content is there already) and describe it."""
    import soundfile

    try:
        info = soundfile.info(str(source))
    except (RuntimeError, OSError) as exc:  # soundfile raises RuntimeError (LibsndfileError)
        raise AudioFileError(f"cannot read audio file {source}: {exc}") from exc
    sha = sha256_of(source, AudioFileError)  # an audio file gone or unreadable since: the file's fault
    size_bytes = size_of(source, AudioFileError)
    suffix = source.suffix.lower() or ".wav"
    target = blob_path(root, sha, suffix)
    try:
        if not target.exists():
            _copy_in(source, target)
    except OSError as exc:
        raise StoreError(f"cannot store audio {source} in {target.parent}: {exc}") from exc
    return StoredAudio(sha, suffix, size_bytes, int(info.frames), int(info.samplerate))


def _copy_in(source: Path, target: Path) -> None:
    """Copy under a temporary name, then rename: no half file ever has a hash name, none is left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(fd, "wb") as out, open(source, "rb") as src:
            shutil.copyfileobj(src, out, CHUNK_BYTES)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):  # the error being raised says more than this one would
            os.unlink(tmp)
        raise


def verify(root: Path, sha256: str, suffix: str) -> str | None:
    """None when the blob exists with that hash, else what is wrong with it."""
    path = blob_path(root, sha256, suffix)
    try:
        if not path.exists():
            return f"{path} is missing"
    except OSError as exc:  # a folder of the store that cannot be searched
        return f"cannot look for {path} ({_why(exc)}): expected a readable store folder"
    try:
        actual = sha256_of(path)
    except StoreError as exc:  # unreadable: what is wrong with it, as for a missing one
        return str(exc)
    return None if actual == sha256 else f"{path} has hash {actual}, expected {sha256}"
