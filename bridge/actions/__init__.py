"""Daemon actions, one room (sub-package) per request family.

Each OSC request address that starts a job maps to one coroutine
``async def run(app, job, args) -> str``: it returns the done message and raises a RooError for a
failed status. The rooms: ``generate``, ``analyze``, ``infill`` (infill, continue, accompany),
``musicgen``, ``separate``, ``transform``, ``automate`` (clip envelopes), ``transcribe`` (audio to MIDI), ``history`` (the take history's requests), ``intents``
(a sentence's intent to these same actions; words to intents is ``bridge.commands``), ``follow``
(the follow rule and the marked chord source); shared steps live in ``clips`` (reading the clip
an action starts from) and ``place`` (the track rule, taking back made tracks). ``results``
answers /roo/result/get (a job's whole result, part by part, when /roo/result carried it cut). At this
root: ``options`` (every request option's range), ``takes`` (recording a take), ``prepare_makers``.

``JOB_ACTIONS`` are the addresses run as jobs on the board; ``ANSWERS`` the ones answered at once;
``ON_LIVE`` what the actions read back from the Set whenever Live answers after not answering and
whenever another Set opens (the follow choice; the Set's name as the take history's project);
``CHECKS`` each job address's check of its arguments without Live (the request parser the job
itself runs first), for the doors that refuse a bad value before any job (the page's HTTP API).
``PREPARE_MAKERS`` is what the actions hand pre-generation (``bridge.prepare``), which imports no
action. Adding an action is one room and one line here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from bridge import protocol
from bridge.actions import (
    analyze,
    automate,
    follow,
    generate,
    history,
    infill,
    intents,
    musicgen,
    results,
    separate,
    transcribe,
    transform,
)
from bridge.actions.analyze import request as analyze_request
from bridge.actions.generate import request as generate_request
from bridge.actions.history import job as history_job
from bridge.actions.history import request as history_request
from bridge.actions.infill import request as infill_request
from bridge.actions.intents.job import sentence
from bridge.actions.musicgen import request as musicgen_request
from bridge.actions.prepare_makers import MAKERS as PREPARE_MAKERS
from bridge.actions.separate.job import parse_request as separate_request
from bridge.actions.transform.request import parse_request as transform_request
from bridge.app import App
from bridge.jobs.board import Address, Job

__all__ = ["ANSWERS", "CHECKS", "JOB_ACTIONS", "ON_LIVE", "PREPARE_MAKERS", "Action", "Answer", "Check"]

Action = Callable[[App, Job, list[Any]], Awaitable[str]]
Answer = Callable[[App, Address, list[Any]], None]
Check = Callable[[list[Any]], object]

JOB_ACTIONS: dict[str, Action] = {
    protocol.SEPARATE: separate.run,
    protocol.GENERATE: generate.run,
    protocol.ANALYZE: analyze.run,
    protocol.MUSICGEN: musicgen.run,
    protocol.COMMAND: intents.run,
    protocol.TRANSFORM: transform.run,
    protocol.VOICE_START: intents.start,
    protocol.VOICE_STOP: intents.stop,
    protocol.HISTORY_RECALL: history.recall,
    protocol.HISTORY_FORK: history.fork,
    protocol.HISTORY_STAR: history.star,
    protocol.HISTORY_MESSAGE: history.message,
    protocol.HISTORY_PROJECT: history.project,
    protocol.INFILL: infill.infill,
    protocol.CONTINUE: infill.continue_clip,
    protocol.ACCOMPANY: infill.accompany,
    protocol.AUTOMATE: automate.run,
    protocol.TRANSCRIBE: transcribe.run,
}

ANSWERS: dict[str, Answer] = {
    protocol.HISTORY_LIST: history.list_takes,
    protocol.FOLLOW: follow.handle,
    protocol.RESULT_GET: results.get_part,
}


def _infill(address: str) -> Check:
    return lambda args: infill_request.parse_request(address, args)


CHECKS: dict[str, Check] = {
    protocol.SEPARATE: separate_request,
    protocol.GENERATE: generate_request.parse_request,
    protocol.ANALYZE: analyze_request.parse_request,
    protocol.MUSICGEN: musicgen_request.parse_request,
    protocol.COMMAND: sentence,
    protocol.TRANSFORM: transform_request,
    protocol.HISTORY_RECALL: history_request.recall,
    protocol.HISTORY_FORK: history_request.fork,
    protocol.HISTORY_STAR: history_request.star,
    protocol.HISTORY_MESSAGE: history_request.message,
    protocol.HISTORY_PROJECT: history_request.project,
    protocol.INFILL: _infill(protocol.INFILL),
    protocol.CONTINUE: _infill(protocol.CONTINUE),
    protocol.ACCOMPANY: _infill(protocol.ACCOMPANY),
    protocol.AUTOMATE: automate.parse_request,
    protocol.TRANSCRIBE: transcribe.parse_request,
}

ON_LIVE: tuple[Callable[[App], Coroutine[Any, Any, None]], ...] = (follow.restore, history_job.set_project)
