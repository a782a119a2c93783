"""Files across the queue without a shared filesystem: compressed, chunked, SHA-256 checked.

A file goes into Redis as a list of chunks (``CHUNK_BYTES`` each, under any broker's value
limit) at a random key that expires; the task message and result carry only its descriptor
(key, name, codec, size, SHA-256), so messages stay small. Codecs:

- ``flac``: integer PCM audio (16/24-bit WAV, AIFF, FLAC) is re-encoded as FLAC, which is
  lossless for those samples; the worker reads it as it would read the original.
- ``raw``: everything else, byte for byte: 32-bit float WAVs (the stems and loops MuseAroo
  writes; FLAC cannot carry float samples losslessly), MP3, MIDI. The landed file is then the
  very file the worker wrote. (zlib was tried: it took 2.7 s for the 42 MB of stems of a 30 s
  clip on the benchmark machine and saved a few percent, so these go uncompressed.)

On arrival the bytes are hashed and compared with the descriptor; a mismatch is an error, and
nothing is written where the result belongs.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bridge.queue.settings import KEY_PREFIX
from engines.errors import RooError

CHUNK_BYTES = 4 * 1024 * 1024
BLOB_TTL_S = 6 * 3600
PARALLEL_FILES = 4  # the four stems of a separation move side by side
FLAC_SUBTYPES = ("PCM_16", "PCM_24", "PCM_S8", "PCM_U8")
FLAC_FORMATS = ("WAV", "WAVEX", "AIFF", "FLAC")

Descriptor = dict[str, Any]


def encode_file(path: str | Path) -> tuple[str, str, bytes]:
    """(codec, name to land as, bytes to store) for ``path``; FLAC where that is lossless."""
    path = Path(path)
    try:
        import soundfile as sf

        info = sf.info(str(path))
        if info.format in FLAC_FORMATS and info.subtype in FLAC_SUBTYPES:
            wide = info.subtype == "PCM_24"  # the rest fit 16 bits: reading them so converts less
            data, rate = sf.read(str(path), dtype="int32" if wide else "int16", always_2d=True)
            buffer = io.BytesIO()
            sf.write(buffer, data, rate, format="FLAC", subtype=info.subtype.replace("PCM_U8", "PCM_S8"))
            return "flac", f"{path.stem}.flac", buffer.getvalue()
    except (RuntimeError, TypeError, ValueError):  # not audio soundfile reads (MIDI, a bad file)
        pass
    return "raw", path.name, path.read_bytes()


def put_file(client: Any, path: str | Path, ttl_s: float = BLOB_TTL_S) -> Descriptor:
    """Store ``path`` in Redis for ``ttl_s`` seconds; returns its descriptor (JSON-ready)."""
    try:
        codec, name, data = encode_file(path)
    except OSError as exc:
        raise RooError(f"cannot read {path} to send it to the worker queue: {exc}") from exc
    key = f"{KEY_PREFIX}blob:{uuid.uuid4().hex}"
    view = memoryview(data)  # chunks are views: the client sends them as they are, no copy of the file
    chunks = [view[i : i + CHUNK_BYTES] for i in range(0, len(view), CHUNK_BYTES)] or [view]
    pipe = client.pipeline()
    for chunk in chunks:
        pipe.rpush(key, chunk)
    pipe.expire(key, int(ttl_s))
    pipe.execute()
    return {
        "key": key,
        "name": name,
        "codec": codec,
        "size": len(data),
        "chunks": len(chunks),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def land(client: Any, desc: Descriptor, target: str | Path) -> Path:
    """Write the file to ``target`` atomically once its size and SHA-256 match the descriptor.

    The chunks are hashed and written as they come (no second copy of the whole file); a partial
    or damaged file never appears at ``target``, and the blob is deleted once landed."""
    chunks = client.lrange(desc["key"], 0, -1)
    if len(chunks) != int(desc["chunks"]):
        raise RooError(
            f"file {desc['name']!r} from the worker queue has {len(chunks)} of {desc['chunks']} chunks "
            "(expired or lost in Redis)"
        )
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    digest, size = hashlib.sha256(), 0
    try:
        with tmp.open("wb") as out:
            for chunk in chunks:
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        if size != int(desc["size"]) or digest.hexdigest() != desc["sha256"]:
            raise RooError(
                f"file {desc['name']!r} from the worker queue is damaged: SHA-256 {digest.hexdigest()[:12]}..., "
                f"expected {str(desc['sha256'])[:12]}... ({size} of {desc['size']} bytes)"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    client.delete(desc["key"])
    return target


def put_files(
    client: Any,
    paths: Mapping[str, str | Path],
    on_stored: Callable[[str, Descriptor], None] | None = None,
    ttl_s: float = BLOB_TTL_S,
) -> dict[str, Descriptor]:
    """``put_file`` for several files at once (threads: Redis serves one while another is read).

    With ``on_stored(name, descriptor)`` the files go one after another, each announced as soon as
    it is stored, so the daemon lands the first while the next moves: sent side by side, the four
    stems of a separation were all stored at about the same moment and all landed after it (the
    daemon's landing then added 60 to 140 ms after the last stem was sent, docs/benchmarks/queue.md)."""
    if on_stored is None:
        return _each(lambda path: put_file(client, path, ttl_s), dict(paths))
    sent = {}
    for name, path in paths.items():
        sent[name] = put_file(client, path, ttl_s)
        on_stored(name, sent[name])
    return sent


def land_files(client: Any, places: Mapping[str, tuple[Descriptor, str | Path]]) -> dict[str, Path]:
    """``land`` for several files at once: name -> (descriptor, target) in, name -> landed path out."""
    return _each(lambda place: land(client, *place), places)


def _each(fn: Callable[[Any], Any], items: Mapping[str, Any]) -> dict[str, Any]:
    if len(items) <= 1:
        return {name: fn(item) for name, item in items.items()}
    with ThreadPoolExecutor(max_workers=min(PARALLEL_FILES, len(items))) as pool:
        futures = {name: pool.submit(fn, item) for name, item in items.items()}
        return {name: future.result() for name, future in futures.items()}


def drop(client: Any, descs: list[Descriptor]) -> None:
    """Delete blobs nobody will fetch (a cancelled or failed job); errors are ignored."""
    try:
        if descs:
            client.delete(*[d["key"] for d in descs])
    except Exception:
        pass
