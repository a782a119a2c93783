"""How the in-memory Live loads a Remote Script: import its package, hand it a c_instance.

``load_script`` imports the package from its folder once per process, as Live does;
``create_script`` calls its ``create_instance(c_instance)`` with the UDP port to listen on in
``MUSEAROO_LIVE_PORT`` (the script reads it there; the variable is restored afterwards).
``CInstance`` is what Live hands the script: the Song, the log and the status bar.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
import types
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from livesim import modules
from livesim.song import Song

PORT_ENV = "MUSEAROO_LIVE_PORT"
_create_lock = threading.Lock()  # the port travels to the script in the process environment


class ScriptHost(Protocol):
    """What a c_instance needs of the Live that loads the script (livesim.host.LiveHost is one)."""

    song: Song
    status_bar: str

    def write_log(self, text: str) -> None: ...


class CInstance:
    """What Live hands a Remote Script: the Song and the log and status-bar outputs."""

    def __init__(self, host: ScriptHost) -> None:
        self._host = host

    def song(self) -> Song:
        return self._host.song

    def log_message(self, *messages: object) -> None:
        self._host.write_log(" ".join(str(m) for m in messages))

    def show_message(self, message: object) -> None:
        self._host.status_bar = str(message)

    def request_rebuild_midi_map(self) -> None:
        pass

    def send_midi(self, midi_bytes: tuple[int, ...]) -> None:
        pass


def load_script(script_dir: Path) -> types.ModuleType:
    """Import the Remote Script package from its folder, named after it (once per process, as Live does)."""
    modules.install()
    name = script_dir.name
    init = script_dir / "__init__.py"
    existing = sys.modules.get(name)
    if existing is not None and Path(str(existing.__file__)).resolve() == init.resolve():
        return existing
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    spec = importlib.util.spec_from_file_location(name, init, submodule_search_locations=[str(script_dir)])
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load a Remote Script from {str(script_dir)!r}: no __init__.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def create_script(
    module: types.ModuleType, c_instance: CInstance, port: int, env: Mapping[str, str] | None = None
) -> Any:
    """The script's control surface: ``module.create_instance(c_instance)`` told to listen on port.

    env: more variables the script reads while it starts (e.g. the AbletonOSC mode's switch).
    """
    settings = {PORT_ENV: str(port), **(env or {})}
    with _create_lock:
        previous = {name: os.environ.get(name) for name in settings}
        os.environ.update(settings)
        try:
            return module.create_instance(c_instance)
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
