"""Who may talk to the HTTP server: loopback alone needs nothing; beyond it, a Bearer token.

The token is compared in constant time; the page and the WebSocket, which a browser cannot give a
header, may carry it as ``?token=``. /api/health is always open (a liveness probe).
"""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlsplit

OPEN_PATHS = ("/api/health",)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def needs_token(host: str, token: str | None) -> str | None:
    """The token to require: the one given, a new one beyond loopback, or None (loopback, no token)."""
    if token:
        return token
    return None if is_loopback(host) else secrets.token_urlsafe(24)


def allowed(path: str, header: str | None, query_token: str | None, token: str | None) -> bool:
    if token is None or path in OPEN_PATHS:
        return True
    given = ""
    if header and header.startswith("Bearer "):
        given = header.removeprefix("Bearer ").strip()
    elif query_token:
        given = query_token
    return bool(given) and secrets.compare_digest(given.encode(), token.encode())


def same_origin(origin: str | None, host: str | None) -> bool:
    """A browser's WebSocket from another site carries that site's Origin; scripts send none."""
    if not origin:
        return True
    return urlsplit(origin).netloc == (host or "")
