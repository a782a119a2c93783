"""/roo/voice/start and /roo/voice/stop: push-to-talk from the default input device.

Start opens the microphone; stop closes it, transcribes the utterance offline (pocketsphinx
with the command grammar, or Whisper when configured) and runs the intent exactly as
/roo/command would, with the transcript and the action taken on /roo/status.
"""

from __future__ import annotations

import weakref
from typing import Any

from bridge.actions import command
from bridge.app import App
from bridge.commands.recorder import Recorder
from bridge.commands.speech import Recognizer, hear, load_recognizer
from bridge.jobs import Job
from engines.errors import InvalidValue

MIN_UTTERANCE_S = 0.2

_recorders: weakref.WeakKeyDictionary[App, Recorder] = weakref.WeakKeyDictionary()
_recognizers: weakref.WeakKeyDictionary[App, tuple[str, Recognizer]] = weakref.WeakKeyDictionary()


def recognizer(app: App) -> tuple[str, Recognizer]:
    """The app's recogniser, loaded on first use and kept for the daemon's life."""
    if app not in _recognizers:
        _recognizers[app] = load_recognizer()
    return _recognizers[app]


async def start(app: App, job: Job, args: list[Any]) -> str:
    current = _recorders.get(app)
    if current is not None and current.recording:
        raise InvalidValue("already listening: send /roo/voice/stop first")
    rec = Recorder()
    await app.run_cpu(rec.start)
    _recorders[app] = rec
    await app.run_cpu(recognizer, app)  # load while the user speaks, not after
    return f"listening on the default input ({rec.rate_hz} Hz): speak, then release"


async def stop(app: App, job: Job, args: list[Any]) -> str:
    rec = _recorders.pop(app, None)
    if rec is None or not rec.recording:
        raise InvalidValue("not listening: send /roo/voice/start first")
    audio = await app.run_cpu(rec.stop)
    if len(audio) < MIN_UTTERANCE_S * 16000:
        raise InvalidValue(f"heard only {len(audio) / 16000:.2f} s of audio: hold the button while speaking")
    backend, rec_model = await app.run_cpu(recognizer, app)
    heard = await app.run_cpu(hear, audio, rec_model, backend)
    job.report(0.1, f'heard "{heard.transcript}" ({heard.decode_ms:.0f} ms)')
    return await command.execute(app, job, heard.intent, source="voice")
