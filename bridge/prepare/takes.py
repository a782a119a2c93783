"""A vary of N > 1 takes with a prepared take: the prepared one first, the other N - 1 rendered then."""

from __future__ import annotations

from typing import Any

TAKE_FIELDS = ("path", "seed", "frames", "start_s")


def take_list(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The takes of a render result: its ``takes``, or the one take it made."""
    return list(result.get("takes") or [{name: result[name] for name in TAKE_FIELDS}])


def joined(prepared: dict[str, Any], rendered: dict[str, Any]) -> dict[str, Any]:
    """One result for the prepared take followed by the rendered ones (the first take leads)."""
    return {**prepared, "takes": take_list(prepared) + take_list(rendered)}
