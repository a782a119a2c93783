"""/roo/voice/start and /roo/voice/stop: push-to-talk from the default input device.

Start opens the microphone and an utterance stream: pocketsphinx with the command grammar
decodes the blocks while the button is held, so on stop only the last block and the end of the
search are left (Whisper, when configured, decodes the whole utterance on stop). Stop then
decides on what was heard (``bridge.commands.confidence``) and:

- acts when the recogniser is sure, exactly as /roo/command would, with the transcript and the
  action taken on /roo/status;
- says back a sure command that sets the key, tempo or scale (or starts a jam in a key) and holds
  it for a spoken "yes" (a replace or a long job is held and said back by /roo/command itself);
- asks when it is unsure: "did you mean 'A' or 'B'?", held for QUESTION_TIMEOUT_S; the next press
  answers it with "yes" / "the first" (A), "the second" (B) or "no"; anything else drops the
  question and is taken as a new command;
- refuses a sentence that is no command, with two suggestions, and does nothing.

Until the voice has earned trust (``bridge.commands.trust``: readings confirmed as heard several
times in a row), a command the recogniser is sure of is said back too, not done at once; every
answer, and an "undo" soon after a command done by voice, moves that count.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import weakref
from dataclasses import dataclass, field
from typing import Any

from bridge import protocol
from bridge.actions.intents import job as command
from bridge.app import App
from bridge.commands.audio import SPEECH_RATE_HZ
from bridge.commands.confidence import answer
from bridge.commands.intent import Intent
from bridge.commands.learned import default_state_path
from bridge.commands.recorder import Recorder
from bridge.commands.reply import Reply, reply
from bridge.commands.safety import needs_spoken_yes
from bridge.commands.speech import (
    Heard,
    Recognizer,
    UtteranceStream,
    WholeUtterance,
    hear_stream,
    load_recognizer,
    open_stream,
)
from bridge.commands.trust import TRUST_FILE, UNDO_WINDOW_S, Trust, read_trust
from bridge.jobs.board import Job
from engines.errors import InvalidValue

log = logging.getLogger(__name__)

MIN_UTTERANCE_S = 0.2
QUESTION_TIMEOUT_S = 30.0
TRACK_NAMES_WAIT_S = 0.5  # Whisper's prompt names the song's tracks when Live answers this soon
_loading = threading.Lock()  # one load at a time: the one at start and a first press may race


@dataclass
class _Question:
    """A spoken question waiting for its answer: the readings offered, in the order said."""

    choices: tuple[Intent, ...]
    asked_s: float = field(default_factory=time.monotonic)


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
_questions: weakref.WeakKeyDictionary[App, _Question] = weakref.WeakKeyDictionary()
_trusts: weakref.WeakKeyDictionary[App, Trust] = weakref.WeakKeyDictionary()
_acted_at: weakref.WeakKeyDictionary[App, float] = weakref.WeakKeyDictionary()  # last command done by voice


def trust(app: App) -> Trust:
    """What the app's voice has earned, read from beside the voice state on first use."""
    if app not in _trusts:
        _trusts[app] = read_trust(default_state_path().with_name(TRUST_FILE))
    return _trusts[app]


def recognizer(app: App) -> tuple[str, Recognizer]:
    """The app's recogniser, loaded once (at start by ``preload``, else on first use) and kept for
    the daemon's life."""
    with _loading:
        if app not in _recognizers:
            _recognizers[app] = load_recognizer(state_path=default_state_path())
        return _recognizers[app]


async def preload(app: App) -> None:
    """Load the recogniser in the background as the daemon starts (``roo serve``), so the first
    press does not wait for it; a failure is logged here and raised again on the first press."""
    try:
        backend, _ = await app.run_cpu(recognizer, app)
        log.info("voice: %s loaded", backend)
    except Exception as exc:
        log.warning("voice: the recogniser did not load (%s); push-to-talk will say why", exc)


async def _song_words(app: App, model: Recognizer) -> None:
    """Tell a recogniser that takes them (Whisper's prompt) the song's track names, when Live answers."""
    take = getattr(model, "set_song_words", None)
    if not callable(take):
        return
    try:
        names = await app.live.query(protocol.SONG_GET + "track_names", timeout=TRACK_NAMES_WAIT_S)
    except Exception as exc:  # Live away or slow: the prompt keeps the vocabulary alone
        log.info("voice: no track names for Whisper's prompt (%s)", exc)
        return
    take([str(n) for n in names])


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
    await _song_words(app, model)
    return f"listening on the default input ({rec.rate_hz} Hz) with {backend}: speak, then release"


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
    heard = await app.run_cpu(hear_stream, stream, released_at, backend, model)
    job.report(0.1, f'heard "{heard.transcript}" ({heard.decode_ms:.0f} ms after release)')
    return await respond(app, job, heard)


async def respond(app: App, job: Job, heard: Heard) -> str:
    """Answer a waiting question, or act on / say back / ask about / refuse a new command."""
    question = _questions.pop(app, None)
    earned = trust(app)
    if question is not None and time.monotonic() - question.asked_s <= QUESTION_TIMEOUT_S:
        picked = answer(heard.transcript, len(question.choices))
        if picked is not None:
            earned.heard_right() if picked == 0 else earned.heard_wrong()
            chosen = question.choices[picked]
            # The answer is the spoken yes: a long job starts now (a replace is still held by
            # /roo/command, which says what it would overwrite).
            return await command.execute(app, job, chosen, source="voice (answered)")
        earned.heard_wrong()  # a "no", or a new command instead of an answer: the reading was not it
        if heard.intent.action == "confirm" and not heard.intent.params.get("yes"):
            _report_intent(app, job, heard.intent)
            offered = " or ".join(f"'{c.heard}'" for c in question.choices)
            return f'heard "{heard.transcript}": {offered} was not done'
    said = reply(heard.decision, earned)  # `roo listen --json` prints this same reply
    if heard.intent.action == "undo" and time.monotonic() - _acted_at.get(app, -1e9) <= UNDO_WINDOW_S:
        earned.heard_wrong()  # the command just done by voice was taken back
    return await _decided(app, job, said)


async def _decided(app: App, job: Job, said: Reply) -> str:
    decision = said.decision
    if decision.kind == "act" or (decision.kind == "confirm" and needs_spoken_yes(decision.intent)):
        # done, or held for a "yes" by /roo/command itself (a replace, a long job: the same words)
        _acted_at[app] = time.monotonic()
        return await command.execute(app, job, decision.intent, source="voice")
    if said.what in ("read back", "ask"):
        _questions[app] = _Question(decision.choices)
        _report_intent(app, job, decision.intent)
        return said.says
    return await command.execute(app, job, decision.intent, source="voice")  # refused: says why


def _report_intent(app: App, job: Job, intent: Intent) -> None:
    """The /roo/result "intent" every press sends (as /roo/command's), for one held or answered here."""
    app.result(job.client, job.id, "intent", {**intent.as_dict(), "heard": intent.heard, "source": "voice"})
