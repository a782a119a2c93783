"""`roo doctor`'s line on pre-generation: what the running daemon has prepared (from /api/health)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request


def prepared_summary(port: int, host: str = "127.0.0.1", timeout_s: float = 1.0) -> str:
    """What the daemon on ``host:port`` (its HTTP port) has prepared, or why that cannot be read."""
    url = f"http://{host}:{port}/api/health"
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            health = json.loads(response.read().decode())
    except urllib.error.HTTPError as exc:
        return f"{url} answered {exc.code}: a daemon bound beyond loopback wants its Bearer token"
    except (OSError, ValueError) as exc:
        return f"no daemon answered at {url} ({exc})"
    return str(health.get("prepared", "not reported by this daemon (an older MuseAroo)"))
