"""/roo/voice/start and /roo/voice/stop: push-to-talk from the default input device.

Start opens the microphone and an utterance stream: pocketsphinx with the command grammar
decodes the blocks while the button is held, so on stop only the last block and the end of the
search are left (Whisper, when configured, decodes the whole utterance on stop). Stop then runs
the intent exactly as /roo/command would, with the transcript and the action taken on
/roo/status.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from bridge.actions import command
from bridge.app import App
from bridge.commands.audio import SPEECH_RATE_HZ
from bridge.commands.learned import default_state_path
from bridge.commands.recorder import Recorder
from bridge.commands.speech import (
    Recognizer,
    UtteranceStream,
    WholeUtterance,
    hear_stream,
    load_recognizer,
    open_stream,
)
from bridge.jobs.board import Job
from engines.errors import InvalidValue

MIN_UTTERANCE_S = 0.2


@dataclass
class _Press:
    """One push of the button, from the instant its start arrives. The device sends stop on
    release without waiting for start's reply, so a release may come while start is still
    opening the input or loading the recogniser (first use): stop then waits for start, and the
    utterance is what was recorded up to the release."""

    rec: Recorder = field(default_factory=Recorder)
    opened: asyncio.Event = field(default_factory=asyncio.Event)
    failed: BaseException | None = None  # what start raised; the press is over
    stream: tuple[UtteranceStream, str, Recognizer] | None = None  # stream, backend name, model


_presses: weakref.WeakKeyDictionary[App, _Press] = weakref.WeakKeyDictionary()
_recognizers: weakref.WeakKeyDictionary[App, tuple[str, Recognizer]] = weakref.WeakKeyDictionary()


def recognizer(app: App) -> tuple[str, Recognizer]:
    """The app's recogniser, loaded on first use and kept for the daemon's life."""
    if app not in _recognizers:
        _recognizers[app] = load_recognizer(state_path=default_state_path())
    return _recognizers[app]


async def start(app: App, job: Job, args: list[Any]) -> str:
    if app in _presses:  # registered before any await: a release arriving at once finds it
        raise InvalidValue("already listening: send /roo/voice/stop first")
    press = _presses[app] = _Press()
    rec = press.rec
    try:
        await app.run_cpu(rec.start)
        try:
            backend, model = await app.run_cpu(recognizer, app)  # loads while the user speaks
            stream = await app.run_cpu(open_stream, model)
        except BaseException:
            await app.run_cpu(rec.stop)
            raise
    except BaseException as exc:
        press.failed = exc
        if _presses.get(app) is press:
            del _presses[app]
        raise
    finally:
        press.opened.set()
    press.stream = (stream, backend, model)
    rec.attach(stream.feed)  # what was recorded while loading is decoded first
    return f"listening on the default input ({rec.rate_hz} Hz): speak, then release"


async def stop(app: App, job: Job, args: list[Any]) -> str:
    released_at = time.perf_counter()
    press = _presses.pop(app, None)
    if press is None:
        raise InvalidValue("not listening: send /roo/voice/start first")
    held_s = press.rec.seconds  # the release is now, whatever start is still doing
    waited = not press.opened.is_set()
    await press.opened.wait()
    if press.failed is not None or press.stream is None:
        raise InvalidValue(f"the press ended before listening began: {press.failed}")
    stream, backend, model = press.stream
    rec = press.rec
    try:
        audio = await app.run_cpu(rec.stop)
        if held_s < MIN_UTTERANCE_S:
            raise InvalidValue(f"heard only {held_s:.2f} s of audio: hold the button while speaking")
    except BaseException:
        await app.run_cpu(stream.cancel)  # give the decoder back for the next press
        raise
    if waited or rec.sink_error is not None:
        # Released before listening began (decode only up to the release), or the stream missed
        # blocks: decode the recording as one utterance instead.
        await app.run_cpu(stream.cancel)
        stream = WholeUtterance(model)
        stream.feed(audio[: round(held_s * SPEECH_RATE_HZ)])
    heard = await app.run_cpu(hear_stream, stream, released_at, backend)
    job.report(0.1, f'heard "{heard.transcript}" ({heard.decode_ms:.0f} ms after release)')
    return await command.execute(app, job, heard.intent, source="voice")
