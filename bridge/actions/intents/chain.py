"""Several requests in one sentence, done in order (issue 55): the first request, then each in its
``params["then"]`` (``bridge.commands.compound``), each its own step with its progress.

A step that fails stops the chain: what the steps before it did stays (the takes they wrote are kept
in the history by the job board), and the failure names the step that failed and those not tried.
Whether the chain waits for a "yes" is decided for all of it (``commands.reply.held_for_yes``): a
replace or a heavy spoken job anywhere in it holds the whole chain, and the "yes" runs it all.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bridge.app import App
from bridge.commands.intent import Intent
from bridge.jobs.board import Job
from engines.errors import InvalidValue, NoPartClip, RooError

Step = Callable[[App, Job, Intent], Awaitable[str]]


async def run(app: App, job: Job, intent: Intent, do: Step) -> str:
    """Each step in order through ``do``; the steps' answers joined ("...; then ...")."""
    todo = intent.steps()
    if len(todo) == 1:
        return await do(app, job, todo[0])
    said: list[str] = []
    for n, step in enumerate(todo):
        job.report(n / len(todo), f"step {n + 1} of {len(todo)}: {step.describe()}")
        try:
            said.append(await do(app, job, step))
        except RooError as exc:
            if n == 0:
                raise
            raise _stopped(exc, said, todo, n) from exc
        job.report((n + 1) / len(todo), f"step {n + 1} of {len(todo)} done: {said[-1]}")
    return "; then ".join(said)


def _stopped(exc: RooError, said: list[str], todo: list[Intent], n: int) -> RooError:
    """The chain's failure: what was done, the step that failed and why, the steps not tried."""
    done = "; then ".join(said)
    left = ", ".join(f"'{step.describe()}'" for step in todo[n + 1 :])
    why = (
        f"there is no {exc.part} clip (select one, or ask for it on its own)"
        if isinstance(exc, NoPartClip)
        else exc
    )
    message = f"{done}; then step {n + 1} ({todo[n].describe()}) failed: {why}"
    message += f"; not tried: {left}" if left else ""
    if any("__init__" in vars(kind) for kind in type(exc).__mro__ if issubclass(kind, RooError)):
        return InvalidValue(message)  # built from other values than its message ("no bass clip": NoPartClip)
    return type(exc)(message)  # the same kind of failure, said with the chain's story
