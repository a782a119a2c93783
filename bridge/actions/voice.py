"""/roo/voice/start and /roo/voice/stop: push-to-talk from the default input device.

Start opens the microphone and an utterance stream: pocketsphinx with the command grammar
decodes the blocks while the button is held, so on stop only the last block and the end of the
search are left (Whisper, when configured, decodes the whole utterance on stop). Stop then runs
the intent exactly as /roo/command would, with the transcript and the action taken on
/roo/status.
"""

from __future__ import annotations

import time
import weakref
from typing import Any

from bridge.actions import command
from bridge.app import App
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
from bridge.jobs import Job
from engines.errors import InvalidValue

MIN_UTTERANCE_S = 0.2

_recorders: weakref.WeakKeyDictionary[App, Recorder] = weakref.WeakKeyDictionary()
_recognizers: weakref.WeakKeyDictionary[App, tuple[str, Recognizer]] = weakref.WeakKeyDictionary()
# The open press: its stream and the recogniser (backend name, model) it came from.
_streams: weakref.WeakKeyDictionary[App, tuple[UtteranceStream, str, Recognizer]] = (
    weakref.WeakKeyDictionary()
)


def recognizer(app: App) -> tuple[str, Recognizer]:
    """The app's recogniser, loaded on first use and kept for the daemon's life."""
    if app not in _recognizers:
        _recognizers[app] = load_recognizer(state_path=default_state_path())
    return _recognizers[app]


async def start(app: App, job: Job, args: list[Any]) -> str:
    current = _recorders.get(app)
    if current is not None and current.recording:
        raise InvalidValue("already listening: send /roo/voice/stop first")
    rec = Recorder()
    await app.run_cpu(rec.start)
    _recorders[app] = rec
    try:
        backend, model = await app.run_cpu(recognizer, app)  # loads while the user starts speaking
        stream = await app.run_cpu(open_stream, model)
    except BaseException:
        _recorders.pop(app, None)
        await app.run_cpu(rec.stop)
        raise
    _streams[app] = (stream, backend, model)
    rec.attach(stream.feed)  # what was recorded while loading is decoded first
    return f"listening on the default input ({rec.rate_hz} Hz): speak, then release"


async def stop(app: App, job: Job, args: list[Any]) -> str:
    released_at = time.perf_counter()
    rec = _recorders.pop(app, None)
    press = _streams.pop(app, None)
    if rec is None or press is None or not rec.recording:
        raise InvalidValue("not listening: send /roo/voice/start first")
    stream, backend, model = press
    try:
        audio = await app.run_cpu(rec.stop)
        if len(audio) < MIN_UTTERANCE_S * 16000:
            raise InvalidValue(
                f"heard only {len(audio) / 16000:.2f} s of audio: hold the button while speaking"
            )
    except BaseException:
        await app.run_cpu(stream.cancel)  # give the decoder back for the next press
        raise
    if rec.sink_error is not None:  # the stream missed blocks: decode the whole recording instead
        await app.run_cpu(stream.cancel)
        stream = WholeUtterance(model)
        stream.feed(audio)
    heard = await app.run_cpu(hear_stream, stream, released_at, backend)
    job.report(0.1, f'heard "{heard.transcript}" ({heard.decode_ms:.0f} ms after release)')
    return await command.execute(app, job, heard.intent, source="voice")
