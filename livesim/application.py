"""Live.Application for the in-memory Live: the version a host pretends to be, and feature gates.

A host can pretend to be an older Live (e.g. 12.0.0 without ``ClipSlot.create_audio_clip``,
10.1.0 without ``Live.Base.Timer``) so tests can show the Remote Script's fallbacks. Gated methods are absent (``hasattr`` is False), as in the older Live.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

Version = tuple[int, int, int]
DEFAULT_VERSION: Version = (12, 3, 6)

# Since which Live version each gated feature exists (release notes and the stubs' docs).
TIMER_SINCE: Version = (11, 0, 0)
CREATE_AUDIO_CLIP_SINCE: Version = (12, 0, 5)
CREATE_MIDI_CLIP_SINCE: Version = (12, 1, 10)
RETURNS_ARRANGEMENT_AUDIO_CLIP_SINCE: Version = (12, 2, 0)  # Track.create_audio_clip returned None before
ADD_NEW_NOTES_SINCE: Version = (11, 0, 0)
INSERT_DEVICE_SINCE: Version = (12, 3, 0)  # Track.insert_device (built-in devices by name)
SCALE_MODE_SINCE: Version = (12, 0, 5)  # Song.scale_mode (LIVE_API.md)


class Application:
    """The running Live application: its version and the document (the Song)."""

    def __init__(self, version: Version = DEFAULT_VERSION) -> None:
        if len(version) != 3 or not all(isinstance(v, int) and v >= 0 for v in version):
            raise ValueError(
                f"Live version must be three non-negative ints (major, minor, bugfix), got {version!r}"
            )
        self.version = version
        self.document: Any = None  # the Song, set by the host
        self.browser: Any = None  # livesim.browser.Browser, set by the host

    def get_major_version(self) -> int:
        return self.version[0]

    def get_minor_version(self) -> int:
        return self.version[1]

    def get_bugfix_version(self) -> int:
        return self.version[2]

    def get_version_string(self) -> str:
        return ".".join(str(v) for v in self.version)

    def require(self, since: Version, owner: str, name: str) -> None:
        """Raise AttributeError, as Python does for a member this older Live does not have."""
        if self.version < since:
            raise AttributeError(
                f"'{owner}' object has no attribute '{name}' "
                f"(added in Live {'.'.join(str(v) for v in since)}, this is {self.get_version_string()})"
            )

    @property
    def average_process_usage(self) -> float:
        """Live's CPU meter (0..1); the in-memory Live processes no audio."""
        return 0.0

    def get_document(self) -> Any:
        return self.document

    def get_variant(self) -> str:
        return "Suite"

    def get_build_id(self) -> str:
        return "musearoo-livesim"


_local = threading.local()
_fallback = Application()


def bind_application(app: Application) -> None:
    """Make app the one get_application() returns on this thread (a host's main thread).

    Other threads (a test's own thread) see the application bound last anywhere.
    """
    global _fallback
    _local.app = app
    _fallback = app


def get_application() -> Application:
    app: Application | None = getattr(_local, "app", None)
    return app if app is not None else _fallback


F = TypeVar("F", bound=Callable[..., Any])


class _Since:
    """A method that exists only from a given Live version on (absent before, like in Live)."""

    def __init__(self, version: Version, func: Callable[..., Any]) -> None:
        self.version = version
        self.func = func

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self.func
        if obj._app.version < self.version:
            raise AttributeError(
                f"'{type(obj).__name__}' object has no attribute '{self.name}' "
                f"(added in Live {'.'.join(str(v) for v in self.version)}, this is {obj._app.get_version_string()})"
            )
        return self.func.__get__(obj, owner)


def since(version: Version) -> Callable[[F], F]:
    """Decorate a method of an object with an ``_app`` attribute so it exists from version on."""

    def wrap(func: F) -> F:
        return _Since(version, func)  # type: ignore[return-value]

    return wrap
