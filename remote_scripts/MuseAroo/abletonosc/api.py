"""/live/test, /live/application/... and /live/api/...: the mode itself rather than a Live object.

``/live/test`` -> ("ok",) and a status-bar note; ``/live/application/get/version`` -> (major,
minor); ``get/average_process_usage`` -> (Live's CPU load,); ``/live/api/reload`` does nothing
(AbletonOSC reloads its code: MuseAroo's is loaded once by Live); ``/live/api/get/log_level`` ->
(level,) and ``set/log_level`` (one of debug, info, warning, error, critical; ``info`` at
start) choose which of the mode's lines reach Live's log; ``/live/api/show_message`` (text)
writes Live's status bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import grammar
from .core import arg

if TYPE_CHECKING:
    from .core import Address, Handler


class ApiHandlers:
    def __init__(self, show: Callable[[str], None]) -> None:
        self._show = show
        self.level = "info"

    def handlers(self) -> dict[str, Handler]:
        return {
            grammar.TEST: self.test,
            grammar.API_RELOAD: lambda args, to: None,
            grammar.APPLICATION_VERSION: self.version,
            "/live/application/get/average_process_usage": self.process_usage,
            "/live/api/get/log_level": lambda args, to: (self.level,),
            "/live/api/set/log_level": self.set_level,
            "/live/api/show_message": lambda args, to: self._show(str(arg(args, 0, "message"))),
        }

    def logs(self, level: str) -> bool:
        """Whether a line of this level reaches Live's log at the chosen level."""
        return grammar.LOG_LEVELS.index(level) >= grammar.LOG_LEVELS.index(self.level)

    def test(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        self._show("MuseAroo (AbletonOSC mode): received OSC OK")
        return (grammar.TEST_REPLY,)

    def version(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        app = Live.Application.get_application()
        return (app.get_major_version(), app.get_minor_version())

    def process_usage(self, args: Sequence[Any], to: Address) -> Sequence[Any]:
        return (float(Live.Application.get_application().average_process_usage),)

    def set_level(self, args: Sequence[Any], to: Address) -> None:
        level = arg(args, 0, "log_level")
        if level not in grammar.LOG_LEVELS:
            raise ValueError(f"Invalid log level {level!r}: expected one of {', '.join(grammar.LOG_LEVELS)}")
        self.level = str(level)
