"""Daemon actions: each OSC request address that starts a job maps to one coroutine.

An action is ``async def run(app, job, args) -> str``: it returns the done message and raises a
RooError for a failed status. Adding an action is one module and one line here. ``PREPARE_MAKERS``
is what the actions hand pre-generation (``bridge.prepare``), which imports no action.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bridge import protocol
from bridge.actions import analyze, command, generate, history, infill, musicgen, separate, transform, voice
from bridge.actions.prepare_makers import MAKERS as PREPARE_MAKERS
from bridge.app import App
from bridge.jobs.board import Job

__all__ = ["JOB_ACTIONS", "PREPARE_MAKERS", "Action"]

Action = Callable[[App, Job, list[Any]], Awaitable[str]]

JOB_ACTIONS: dict[str, Action] = {
    protocol.SEPARATE: separate.run,
    protocol.GENERATE: generate.run,
    protocol.ANALYZE: analyze.run,
    protocol.MUSICGEN: musicgen.run,
    protocol.COMMAND: command.run,
    protocol.TRANSFORM: transform.run,
    protocol.VOICE_START: voice.start,
    protocol.VOICE_STOP: voice.stop,
    protocol.HISTORY_RECALL: history.recall,
    protocol.HISTORY_FORK: history.fork,
    protocol.HISTORY_STAR: history.star,
    protocol.HISTORY_MESSAGE: history.message,
    protocol.HISTORY_PROJECT: history.project,
    protocol.INFILL: infill.infill,
    protocol.CONTINUE: infill.continue_clip,
    protocol.ACCOMPANY: infill.accompany,
}
