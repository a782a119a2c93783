"""``/roo/result/get <job> <result> <part>``: one part of a job's whole result, answered at once on
``/roo/result/part <job> <result> <part> <count> <chunk>`` to the asker alone (``bridge.jobs.results``).

A job the daemon no longer keeps, a result or part it does not have, is answered on /roo/error naming it.
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.app import App
from bridge.jobs import results
from bridge.jobs.board import Address
from engines.errors import InvalidValue


def get_part(app: App, addr: Address, args: list[Any]) -> None:
    if len(args) != 3 or not all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        raise InvalidValue(f"{protocol.RESULT_GET} {args!r}: expected three ints: job, result, part")
    job_id, index, at = args
    job = app.jobs.jobs.get(job_id)
    if job is None:
        raise InvalidValue(f"job {job_id} is not known (the daemon keeps its last 500 jobs' results)")
    if not 0 <= index < len(job.results):
        raise InvalidValue(f"job {job_id} has no result {index}: expected 0..{len(job.results) - 1}")
    _, whole = job.results[index]
    if whole == results.FORGOTTEN:
        raise InvalidValue(
            f"job {job_id}'s result {index} is no longer kept: the daemon keeps the newest "
            f"{results.KEPT_BYTES // 2**20} MiB of results"
        )
    count = results.parts_of(whole)
    if not 0 <= at < count:
        raise InvalidValue(f"job {job_id}'s result {index} has no part {at}: expected 0..{count - 1}")
    app.send(addr, protocol.RESULT_PART, [job_id, index, at, count, results.part(whole, at)])
