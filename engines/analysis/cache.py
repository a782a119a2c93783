"""On-disk result cache and the file-level entry point ``analyze_file``.

A result is stored as JSON under a name derived from the file's content hash (SHA-256) and the
settings (backend, region, ANALYSIS_VERSION). Invalidation events: the file's bytes change, a
setting changes, or ANALYSIS_VERSION is bumped. Location: $MUSEAROO_CACHE_DIR, else
~/.cache/musearoo/analysis.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from engines.analysis import core
from engines.analysis.reader import read_audio
from engines.analysis.result import AnalysisResult, Progress
from engines.errors import AudioFileError, InvalidValue

log = logging.getLogger(__name__)
CHUNK_BYTES = 1 << 20


def default_cache_dir() -> Path:
    env = os.environ.get("MUSEAROO_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "musearoo" / "analysis"


def cache_root() -> Path:
    """MuseAroo's cache folder, the analysis cache's parent (~/.cache/musearoo by default): the
    eval sets and the voice state live there too."""
    return default_cache_dir().parent


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes, hex."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            while chunk := f.read(CHUNK_BYTES):
                digest.update(chunk)
    except OSError as exc:
        raise AudioFileError(f"audio file {str(path)!r} cannot be read: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def cache_key(
    file_hash: str, backend: str, start_s: float | None, end_s: float | None, *, allow_short: bool = False
) -> str:
    """The entry name for one file's bytes under one set of settings (a cut-short file's result,
    read with ``allow_short``, never answers a call that does not allow it)."""
    wanted: dict[str, object] = {
        "v": core.ANALYSIS_VERSION,
        "backend": backend,
        "start_s": start_s,
        "end_s": end_s,
    }
    if allow_short:
        wanted["allow_short"] = True
    settings = json.dumps(wanted, sort_keys=True)
    return hashlib.sha256(f"{file_hash}|{settings}".encode()).hexdigest()


def load(cache_dir: Path, key: str) -> AnalysisResult | None:
    """A stored result, or None when absent or unreadable (an unreadable entry is logged and ignored)."""
    entry = cache_dir / f"{key}.json"
    try:
        return AnalysisResult.from_dict(json.loads(entry.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, json.JSONDecodeError, InvalidValue) as exc:
        log.warning("ignoring unreadable analysis cache entry %s: %s", entry, exc)
        return None


def store(cache_dir: Path, key: str, result: AnalysisResult) -> None:
    """Write an entry atomically (a crash never leaves half a file); failures are logged, not raised."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(result.to_dict(), f)
        os.replace(tmp, cache_dir / f"{key}.json")
    except OSError as exc:
        log.warning("cannot write the analysis cache in %s: %s", cache_dir, exc)


def analyze_file(
    path: str | Path,
    *,
    backend: str = "madmom",
    start_s: float | None = None,
    end_s: float | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    allow_short: bool = False,
    progress: Progress | None = None,
) -> AnalysisResult:
    """Analyse an audio file (optionally the region start_s..end_s), answering from the cache when it can.

    Raises AudioFileError for a missing, empty, corrupt, unsupported or cut-short file (FileCutShort;
    ``allow_short`` analyses what such a file holds). A silent file gives key "N" and no beats.
    """
    path = Path(path)
    name = core.resolve_backend(backend)
    if not path.is_file():
        read_audio(path)  # raises the precise AudioFileError (missing, not a file)
    key = cache_key(content_hash(path), name, start_s, end_s, allow_short=allow_short)
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    if use_cache and (hit := load(folder, key)) is not None:
        if progress is not None:
            progress(1.0, "analysis from cache")
        return hit
    samples, sample_rate = read_audio(path, start_s=start_s, end_s=end_s, allow_short=allow_short)
    result = core.analyze(samples, sample_rate, backend=name, progress=progress)
    if use_cache:
        store(folder, key, result)
    return result
