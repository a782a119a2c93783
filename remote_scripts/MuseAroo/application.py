"""Who answers: Live's version, build and edition, and the protocol version of this script.

``/live/application/get/version`` lets a client (``roo doctor``) tell Live from the in-memory
Live (whose build id is ``musearoo-livesim``) and an outdated Remote Script from a current one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import Live

from . import roo_protocol as protocol
from .roo import live_version

if TYPE_CHECKING:
    from .request import Request

    Handler = Callable[[Request], Sequence[Any] | None]


class ApplicationHandler:
    def handlers(self) -> dict[str, Handler]:
        return {protocol.APPLICATION_GET_VERSION: self.version}

    def version(self, request: Request) -> Sequence[Any]:
        request.expect_count(0, 0, "no arguments")
        app = Live.Application.get_application()
        build = app.get_build_id() if hasattr(app, "get_build_id") else ""
        variant = app.get_variant() if hasattr(app, "get_variant") else ""
        return (".".join(str(v) for v in live_version()), str(build), str(variant), protocol.PROTOCOL_VERSION)
