"""A job's result on /roo/result in one datagram whatever its size, and its whole for whoever asks.

A result whose JSON fits RESULT_JSON_BYTES goes as it is. A longer one keeps every field; the lists
too long are cut to their first items, as many as fit (the shorter lists first kept whole), and it says
so: ``cut`` names each list cut with ``count`` (all its items) and ``carried`` (how many it carries);
a long text or object, or one of many fields that together do not fit, is left out (null), named in
``cut`` with carried 0. ``whole`` says where the whole JSON is: RESULT_GET in ``parts`` RESULT_PART
parts the asker joins, one asked at a time (``fetch_whole``), or ``GET /api/jobs/<job>/result`` on the
daemon's HTTP port. The daemon keeps each job's whole results (``Job.results``) as long as it keeps
the job (its last 500), the newest KEPT_BYTES of them in all (``keep_newest``).
"""

from __future__ import annotations

import json
import math
import socket
from collections.abc import Mapping
from typing import Any

from bridge import osc, protocol
from bridge.jobs.board import Job
from engines.errors import InvalidValue, LiveUnreachable

PART_WAIT_S = 1.0  # how long an asker waits for one part before asking again
PART_TRIES = 3  # asks for one part before the daemon is said to be gone
KEPT_BYTES = 64 * 1024 * 1024  # the whole results kept, the newest first (10,000 notes: about 1.2 MB)
SAMPLE = 64  # the items of a long list whose size guesses the rest's
FORGOTTEN = ""  # a whole result past KEPT_BYTES, no longer kept


def parts_of(text: str) -> int:
    """How many RESULT_PART parts a whole result's JSON text travels in."""
    return max(1, math.ceil(len(text.encode()) / protocol.PART_BYTES))


def part(text: str, index: int) -> bytes:
    """Part ``index`` (0-based) of a whole result's JSON text, as bytes."""
    data = text.encode()
    return data[index * protocol.PART_BYTES : (index + 1) * protocol.PART_BYTES]


def fitting(payload: dict[str, Any], whole: str, job_id: int, index: int) -> str:
    """The JSON /roo/result carries: ``whole`` (``payload`` as JSON) when it fits, else cut (above)."""
    if len(whole.encode()) <= protocol.RESULT_JSON_BYTES:
        return whole
    cut: dict[str, dict[str, int]] = {}
    sent = dict(payload)
    for key, value in payload.items():
        if isinstance(value, list):
            sent[key], cut[key] = [], {"count": len(value), "carried": 0}
        elif len(json.dumps(value)) > protocol.RESULT_JSON_BYTES // 8:  # a long text or object: left out
            sent[key], cut[key] = None, {"count": 1, "carried": 0}
    sent["cut"] = cut
    sent["whole"] = {
        "job": job_id,
        "result": index,
        "bytes": len(whole.encode()),
        "parts": parts_of(whole),
        "osc": protocol.RESULT_GET,
        "http": f"/api/jobs/{job_id}/result",
    }
    lists = sorted((k for k in cut if isinstance(payload[k], list)), key=lambda k: _guess_bytes(payload[k]))
    for key in lists:  # the shorter lists first: they are more often kept whole
        items = payload[key]
        low, high = _around_guess(sent, key, items)  # the most items that fit lie in low..high
        while low < high:
            mid = (low + high + 1) // 2
            sent[key] = items[:mid]
            if _fits(sent):
                low = mid
            else:
                high = mid - 1
        sent[key] = items[:low]
        if low == len(items):
            del cut[key]
        else:
            cut[key]["carried"] = low
    kept = [k for k in payload if k not in cut]
    while kept and not _fits(sent):  # many fields of middling size: the longest left out, one at a time
        key = max(kept, key=lambda k: len(json.dumps(sent[k])))
        kept.remove(key)
        value, sent[key] = payload[key], None
        cut[key] = {"count": len(value) if isinstance(value, list) else 1, "carried": 0}
    return json.dumps(sent)


def _guess_bytes(items: list[Any]) -> float:
    """A list's JSON length guessed from its first SAMPLE items (a long list is not encoded whole)."""
    sample = items[:SAMPLE]
    return len(json.dumps(sample)) * len(items) / max(1, len(sample))


def _around_guess(sent: dict[str, Any], key: str, items: list[Any]) -> tuple[int, int]:
    """Bounds (low, high) on how many of ``items`` fit as ``sent[key]``, narrowed around a guess from
    the first items' size, so the search encodes about one datagram at a time, never the whole list."""
    sent[key] = []
    room = protocol.RESULT_JSON_BYTES - len(json.dumps(sent).encode())
    guess = int(room * len(items) / max(1.0, _guess_bytes(items)))
    low, high = 0, len(items)
    for bound in (min(high, guess * 5 // 4 + SAMPLE), guess * 4 // 5):
        if low < bound < high:
            sent[key] = items[:bound]
            low, high = (bound, high) if _fits(sent) else (low, bound - 1)
    return low, high


def _fits(sent: dict[str, Any]) -> bool:
    return len(json.dumps(sent).encode()) <= protocol.RESULT_JSON_BYTES


def message_fitting(address: str, args: list[Any]) -> list[Any]:
    """``args`` as they are when the message fits one datagram, else its longest texts cut to their
    start, each ending with how long it was (a status or error naming a huge value): never too long."""
    args = [*args]
    sizes = [
        len(a.encode() if isinstance(a, str) else a) + 4 if isinstance(a, str | bytes) else 8 for a in args
    ]
    texts = [i for i, a in enumerate(args) if isinstance(a, str)]
    over = len(address) + len(args) + 16 + sum(sizes) - protocol.MAX_DATAGRAM_BYTES
    while over > 0 and texts:
        longest = max(texts, key=lambda i: sizes[i])
        texts.remove(longest)
        note = f" ... (cut to fit one datagram: {sizes[longest] - 4:,} bytes in all)"
        keep = max(0, sizes[longest] - 4 - over - len(note))
        args[longest] = args[longest].encode()[:keep].decode(errors="ignore") + note
        now = len(args[longest].encode()) + 4
        over, sizes[longest] = over - (sizes[longest] - now), now
    return args


def keep_newest(jobs: Mapping[int, Job], budget_bytes: int = KEPT_BYTES) -> None:
    """Forget the whole results (``Job.results``) past ``budget_bytes``, the oldest first."""
    total = 0
    for job_id in sorted(jobs, reverse=True):
        kept = jobs[job_id].results
        for at in range(len(kept) - 1, -1, -1):
            kind, whole = kept[at]
            total += len(whole)
            if total > budget_bytes and whole:
                kept[at] = (kind, FORGOTTEN)


def is_cut(result: dict[str, Any]) -> bool:
    """Whether a /roo/result's JSON was cut to fit (its whole to be fetched)."""
    return isinstance(result.get("cut"), dict) and isinstance(result.get("whole"), dict)


def fetch_whole(port: int, whole: dict[str, Any], host: str = protocol.HOST) -> dict[str, Any]:
    """The whole result a cut one points to (``whole``), asked part by part of the daemon on ``port``.

    Each part is asked once the one before came (nothing queues); a part lost is asked again, up to
    PART_TRIES times. LiveUnreachable when the daemon stops answering; InvalidValue for its error
    (a job it has forgotten)."""
    job, index, count = int(whole["job"]), int(whole["result"]), int(whole["parts"])
    chunks: list[bytes] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((host, 0))
        sock.settimeout(PART_WAIT_S)
        while len(chunks) < count:
            chunks.append(_ask_part(sock, (host, port), job, index, len(chunks)))
    return dict(json.loads(b"".join(chunks)))


def _ask_part(sock: socket.socket, target: tuple[str, int], job: int, index: int, at: int) -> bytes:
    for _ in range(PART_TRIES):
        sock.sendto(osc.encode(protocol.RESULT_GET, [job, index, at]), target)
        try:
            while True:
                data, _ = sock.recvfrom(65536)
                for address, args in osc.decode(data):
                    if address == protocol.ERROR:
                        raise InvalidValue(str(args[-1]))
                    if address == protocol.RESULT_PART and args[:3] == [job, index, at]:
                        return bytes(args[4])
        except (TimeoutError, ConnectionRefusedError):
            continue
    raise LiveUnreachable(
        f"the daemon on udp://{target[0]}:{target[1]} did not send part {at + 1} of job {job}'s result "
        f"{index} after {PART_TRIES} asks {PART_WAIT_S:g} s apart: is `roo serve` still running?"
    )
