"""The take history's requests checked without Live or the store: each error names the value.

The jobs (``history.job``) and the doors that check before a job (the page's HTTP API) share
these, so a bad value is refused in the same words everywhere.
"""

from __future__ import annotations

import re
from typing import Any

from bridge import protocol
from bridge.actions.options import parse_options
from engines.errors import InvalidValue
from engines.music import parse_key

WHERE = {"track": "int", "slot": "int", "arrangement": "int", "at": "float", "replace": "int"}


TAKE_ID = re.compile(r"[0-9a-fA-F]{6,}")  # a take id (12 hex characters) or a prefix of 6 or more


def take_id(args: list[Any], address: str, more: str = "") -> str:
    """The take id said first. One of digits alone may come as an OSC int (``roo send`` and Max's
    message boxes type "782045" as a number): read as its digits, which lose any leading zero."""
    said = args[0] if args else None
    if isinstance(said, int) and not isinstance(said, bool) and said >= 0:
        if len(str(said)) < 6:
            raise InvalidValue(
                f"take id {said} (sent as a number): expected at least 6 hex characters of a take id; "
                "a prefix that starts with 0 must be sent as a string"
            )
        return str(said)
    if not isinstance(said, str):
        raise InvalidValue(f"{address} needs a take id first (6 or more hex characters){more}; got {args!r}")
    if not TAKE_ID.fullmatch(said.strip()):
        raise InvalidValue(f"take id {said[:40]!r}: expected at least 6 hex characters of a take id")
    return said


def recall(args: list[Any]) -> tuple[str, dict[str, Any]]:
    """``take_id (track T | slot S | arrangement 0/1 | at BEAT | replace 0/1)*``: the take and where
    it should go (a slot, or a place in the Arrangement)."""
    found = take_id(args, protocol.HISTORY_RECALL)
    where = parse_options(args[1:], WHERE, what=protocol.HISTORY_RECALL)
    if where.get("slot", 0) < 0:
        raise InvalidValue(f"slot {where['slot']} is out of range: expected 0 or more")
    if "slot" in where and (where.get("arrangement") or "at" in where):
        raise InvalidValue(f"slot {where['slot']} and the Arrangement both given: expected one place")
    if "at" in where and where.get("arrangement") == 0:
        raise InvalidValue(
            f"at {where['at']:g} is a place in the Arrangement: expected arrangement 1 or none"
        )
    return found, where


def fork(args: list[Any]) -> tuple[str, dict[str, Any]]:
    """``take_id (name value)*``: the take and the generate options that change."""
    found = take_id(args, protocol.HISTORY_FORK, " then name value pairs")
    opts = parse_options(args[1:], protocol.GENERATE_OPTIONS, what=protocol.HISTORY_FORK)
    if "key" in opts:
        parse_key(opts["key"])  # "H minor" is refused here, naming it, not inside the job
    return found, opts


def star(args: list[Any]) -> tuple[str, bool]:
    found = take_id(args, protocol.HISTORY_STAR, " and 0|1")
    if len(args) != 2 or args[1] not in (0, 1):
        raise InvalidValue(f"{protocol.HISTORY_STAR} takes a take id and 0 or 1; got {args!r}")
    return found, bool(args[1])


def message(args: list[Any]) -> tuple[str, str]:
    found = take_id(args, protocol.HISTORY_MESSAGE, " and a message")
    if len(args) != 2 or not isinstance(args[1], str):
        raise InvalidValue(f"{protocol.HISTORY_MESSAGE} takes a take id and one message string; got {args!r}")
    return found, args[1]


def project(args: list[Any]) -> str:
    if len(args) != 1 or not isinstance(args[0], str):
        raise InvalidValue(
            f"{protocol.HISTORY_PROJECT} takes one name (the Set's path or a name); got {args!r}"
        )
    return args[0]
