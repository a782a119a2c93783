"""What each queued target reads and writes, and the versions both ends must agree on.

The in-process worker passes file paths; across the queue there is no shared filesystem, so
for each target the daemon names which keyword arguments are input files (sent as blobs) and
where its outputs go (``out_dir`` or ``out_path``, rewritten to a temporary folder on the
worker and landed back at the daemon's path). Return values come back as JSON and are rebuilt
into exactly what the local target returns (paths at the daemon's files, AnalysisResult).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engines.errors import RooError, WorkerMismatch

ENGINES_DIR = Path(__file__).resolve().parents[2] / "engines"


@dataclass(frozen=True, slots=True)
class Spec:
    kind: str  # "stems", "loop", "analysis" or "plain" (JSON as it is): how the value travels
    inputs: tuple[str, ...]  # keyword arguments naming input files
    out_dir: str = ""  # keyword argument naming an output folder
    out_path: str = ""  # keyword argument naming an output file
    model_kwarg: str = "model"


TARGETS = {
    "engines.separation.files:separate_file": Spec("stems", ("path",), out_dir="out_dir"),
    "engines.musicgen.pipeline:render_loop": Spec(
        "loop", ("continue_path", "melody_path"), out_path="out_path"
    ),
    "engines.analysis.cache:analyze_file": Spec("analysis", ("path",), model_kwarg="backend"),
    "engines.infill.jobs:run": Spec("plain", ()),  # plain JSON values both ways (notes as lists)
}


def spec_for(target: str) -> Spec:
    try:
        return TARGETS[target]
    except KeyError:
        raise RooError(
            f"worker target {target!r} cannot run on the worker queue: expected one of {', '.join(TARGETS)}"
        ) from None


@functools.cache
def musearoo_version() -> str:
    """The package version plus a fingerprint of the engines' source (results depend on it)."""
    try:
        version = importlib.metadata.version("musearoo")
    except importlib.metadata.PackageNotFoundError:
        version = "0+unknown"
    digest = hashlib.sha256()
    for path in sorted(ENGINES_DIR.rglob("*.py")):
        digest.update(path.relative_to(ENGINES_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{version}+{digest.hexdigest()[:12]}"


@functools.cache
def _folder_fingerprint(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha256()
    for name, _size, _mtime in stamp:
        digest.update(name.encode())
        digest.update((Path(folder) / name).read_bytes())
    return digest.hexdigest()[:12]


def model_version(spec: str | None) -> str:
    """A model folder's content fingerprint; a published name with its library's version."""
    if not spec:
        return "default"
    path = Path(spec).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
        stamp = tuple((p.relative_to(path).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in files)
        return f"folder:{_folder_fingerprint(str(path), stamp)}"
    libraries = []
    for package in ("demucs", "transformers"):
        try:
            libraries.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    return f"{spec} ({', '.join(libraries)})"


def versions_for(target: str, kwargs: dict[str, Any]) -> dict[str, str]:
    """What the daemon sends: its MuseAroo version and the model's version."""
    spec = spec_for(target)
    return {"musearoo": musearoo_version(), "model": model_version(kwargs.get(spec.model_kwarg))}


def check_versions(worker: str, target: str, kwargs: dict[str, Any], sent: dict[str, str]) -> None:
    """On the worker: refuse a job sent by another MuseAroo or for another model version."""
    ours = versions_for(target, kwargs)
    for what in ("musearoo", "model"):
        if sent.get(what) != ours[what]:
            raise WorkerMismatch(
                f"queue worker {worker} runs {what} version {ours[what]!r} but the daemon sent "
                f"{target.rsplit(':', 1)[-1]} for {sent.get(what)!r}: run the same MuseAroo and models "
                "on both machines"
            )


def worker_value(spec: Spec, value: Any) -> tuple[Any, dict[str, str]]:
    """On the worker: (JSON value, {name: file to send}) from what the target returned."""
    if spec.kind == "stems":
        files = {Path(p).name: str(p) for p in value.values()}
        return {stem: Path(p).name for stem, p in value.items()}, files
    if spec.kind == "loop":  # one file, or N takes (variations) beside the first
        paths = [value["path"], *(take["path"] for take in value.get("takes", [])[1:])]
        json_value = {**value, "path": Path(value["path"]).name}
        if "takes" in value:
            json_value["takes"] = [{**take, "path": Path(take["path"]).name} for take in value["takes"]]
        return json_value, {Path(p).name: str(p) for p in paths}
    if spec.kind == "plain":
        return value, {}
    return value.to_dict(), {}


def daemon_targets(spec: Spec, kwargs: dict[str, Any], names: list[str]) -> dict[str, Path]:
    """Where each returned file lands on the daemon: in its ``out_dir`` or at its ``out_path``."""
    if spec.out_dir:
        return {name: Path(kwargs[spec.out_dir]) / name for name in names}
    if spec.out_path:  # the first take at out_path, take k beside it under the worker's name for it
        return {name: Path(kwargs[spec.out_path]).with_name(name) for name in names}
    return {}


def daemon_value(spec: Spec, value: Any, landed: dict[str, Path]) -> Any:
    """The value the local target would have returned, with the daemon's file paths."""
    if spec.kind == "stems":
        return {stem: str(landed[name]) for stem, name in value.items()}
    if spec.kind == "loop":
        rebuilt = {**value, "path": str(landed[value["path"]])}
        if "takes" in value:
            rebuilt["takes"] = [{**take, "path": str(landed[take["path"]])} for take in value["takes"]]
        return rebuilt
    if spec.kind == "plain":
        return value
    from engines.analysis.result import AnalysisResult

    return AnalysisResult.from_dict(value)
