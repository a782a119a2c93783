"""/roo/command <text>: parse a typed or spoken sentence and do what it asks.

The intent goes back on /roo/result (kind "intent") and the sentence heard with the action
taken on /roo/status. A sentence not understood fails with what was heard and two suggestions,
and nothing is done. Writing clips goes to a new slot; a sentence that asks to replace a clip
is held until "yes" (or dropped by "no" or "cancel"), for at most PENDING_TIMEOUT_S; so is a spoken
one that starts a heavy job (MusicGen, separation: ``bridge.commands.safety``). The commands that
make parts (generate, vary, the dials) are in ``intents.generate``, those on a clip in
``intents.clip``, the jam's in ``intents.jam``.
"""

from __future__ import annotations

import importlib
import importlib.util
import time
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions import sections
from bridge.actions.history import context as history_context
from bridge.actions.intents import automate as intent_automate
from bridge.actions.intents import chain
from bridge.actions.intents import clip as command_clip
from bridge.actions.intents import generate as command_generate
from bridge.actions.intents import history as command_history
from bridge.actions.intents import jam as command_jam
from bridge.actions.intents import mixer as command_mixer
from bridge.actions.intents import transcribe as command_transcribe
from bridge.app import App
from bridge.commands import EXAMPLES, Intent, parse
from bridge.commands.region_words import CHANGES
from bridge.commands.reply import held_for_yes, refusal
from bridge.jobs.board import Job
from engines.errors import InvalidValue, LiveError, ModelUnavailable, NoPartClip, RooError
from engines.music import parse_key

PENDING_TIMEOUT_S = 30.0


@dataclass
class Pending:
    intent: Intent
    created_s: float
    set_id: str = ""  # the Set it was asked in: a yes in another Set does nothing


_pending: weakref.WeakKeyDictionary[App, Pending] = weakref.WeakKeyDictionary()


def sentence(args: list[Any]) -> str:
    """/roo/command's words as one sentence; InvalidValue when there are none."""
    text = " ".join(str(a) for a in args).strip()
    if not text:
        raise InvalidValue(f"/roo/command needs a sentence, e.g. {EXAMPLES[0]!r}; got {args!r}")
    return text


async def run(app: App, job: Job, args: list[Any]) -> str:
    return await execute(app, job, await app.run_cpu(parse, sentence(args)), source="typed")


async def execute(app: App, job: Job, intent: Intent, *, source: str) -> str:
    """Do what ``intent`` asks; returns the status line 'heard "...": <what was done>'."""
    app.result(job.client, job.id, "intent", {**intent.as_dict(), "heard": intent.heard, "source": source})
    job.command = intent.heard  # the take history records the sentence that made a take
    heard = f'heard "{intent.heard}"'
    if not intent.understood:
        raise InvalidValue(refusal(intent))
    job.report(0.05, f"{heard}: {intent.describe()}")
    held = held_for_yes(intent, source=source)  # the same words `roo listen` prints (commands.reply)
    if held:
        _pending[app] = Pending(intent, time.monotonic(), app.set_id)
        return f"{heard}: {held}"
    try:
        done = await chain.run(app, job, intent, _do)
    except NoPartClip as missing:  # asked, nothing written: a yes makes the part
        _pending[app] = Pending(
            Intent("generate", missing.part, {}, heard=f"generate {missing.part}"),
            time.monotonic(),
            app.set_id,
        )
        return f"{heard}: {missing}"
    return f"{heard}: {done}{_not_done(intent)}"


async def _do(app: App, job: Job, intent: Intent) -> str:
    """One request: its action's handler (a move said in milliseconds made beats at Live's tempo first)."""
    intent = await command_clip.in_beats(app, intent)
    handler = HANDLERS[intent.action]
    if intent.action in (*CHANGES, "mixer") and "section" in intent.params.get("region", {}):
        handler = sections.change  # "kill the hats in the breakdown": over the section's cue point
    return await handler(app, job, intent)


def _not_done(intent: Intent) -> str:
    """What of a compound sentence was not done, e.g. "; not done: 'make it half time'"."""
    left = intent.params.get("not_done") or []
    return "; not done: " + ", ".join(f"'{c}'" for c in left) + " (say it on its own)" if left else ""


async def _set_tempo(app: App, job: Job, intent: Intent) -> str:
    return await command_generate.set_tempo(app, intent)


async def _set_key(app: App, job: Job, intent: Intent) -> str:
    if "key" not in intent.params:  # "set the scale to dorian": Live's root stays
        scale = parse_key(f"C {intent.params['mode']}").scale
        await app.live.set_context(scale_name=scale)
        return f"scale set to {scale} (Live's root kept)"
    key = parse_key(intent.params["key"])
    tempo = {"tempo_bpm": float(intent.params["tempo_bpm"])} if "tempo_bpm" in intent.params else {}
    await app.live.set_context(root_note=key.tonic, scale_name=key.scale, **tempo)
    said = (
        f" and tempo {intent.params['tempo_bpm']} bpm" if tempo else ""
    )  # "put the song at 140 bpm in D minor"
    return f"key set to {intent.params['key']}{said}"


async def _transport(app: App, address: str) -> bool:
    """Send a reply-less common-grammar command, then read is_playing (Live handles both in order)."""
    app.live.send(address)
    return bool((await app.live.query(protocol.SONG_GET + "is_playing"))[0])


async def _play(app: App, job: Job, intent: Intent) -> str:
    return "playing" if await _transport(app, protocol.SONG_START_PLAYING) else "Live did not start playing"


async def _stop(app: App, job: Job, intent: Intent) -> str:
    """Stop Live's transport, and the jam if one plays (a producer saying "stop" means both)."""
    jam = "jam stopped; " if command_jam.stop_playing(app) else ""
    try:
        live_playing = await _transport(app, protocol.SONG_STOP_PLAYING)
    except RooError as exc:
        if not jam:
            raise
        raise LiveError(f"jam stopped; Live's transport was not stopped: {exc}") from exc
    return jam + ("stopped" if not live_playing else "Live is still playing")


MAX_UNDO = 20  # "undo the last N things": steps one command undoes at most


async def _undo(app: App, job: Job, intent: Intent) -> str:
    """Undo ``count`` steps (default 1), each the take store's own undo where it has one, else Live's."""
    count = int(intent.params.get("count", 1))
    if not 1 <= count <= MAX_UNDO:
        raise InvalidValue(f"undo {count} steps is out of range: expected 1..{MAX_UNDO}")
    said = []
    for _ in range(count):
        restored = await history_context.undo_from_store(app)
        if restored is None:
            await _transport(app, protocol.SONG_UNDO)
            restored = "undid the last change in Live"
        said.append(restored)
    return said[0] if count == 1 else f"undid {count} steps: " + "; ".join(said)


async def _set_meter(app: App, job: Job, intent: Intent) -> str:
    """ "switch the song to 6/8": Live's time signature."""
    top, bottom = (int(x) for x in str(intent.params["meter"]).split("/"))
    if not 1 <= top <= 99 or bottom not in (1, 2, 4, 8, 16):
        raise InvalidValue(
            f"meter {intent.params['meter']!r} is not valid: expected N/D with N 1..99, D 1|2|4|8|16"
        )
    await app.live.set_context(signature_numerator=top, signature_denominator=bottom)
    return f"time signature set to {top}/{bottom}"


async def _cancel(app: App, job: Job, intent: Intent) -> str:
    if _pending.pop(app, None) is not None:
        return "dropped the replacement that was waiting for a yes"
    running = [j for j in app.jobs.jobs.values() if j.state not in protocol.FINAL_STATES and j.id != job.id]
    if not running:
        return "no job is running"
    newest = max(running, key=lambda j: j.id)
    app.jobs.cancel(newest.id)
    return f"cancelled job {newest.id} ({newest.kind})"


async def _help(app: App, job: Job, intent: Intent) -> str:
    return "try: " + "; ".join(EXAMPLES[:-1])


async def _confirm(app: App, job: Job, intent: Intent) -> str:
    pending = _pending.pop(app, None)
    if pending is None or time.monotonic() - pending.created_s > PENDING_TIMEOUT_S:
        return "nothing is waiting for a yes or no"
    if pending.set_id != app.set_id:
        return (
            f'nothing is waiting for a yes or no in this Set ("{pending.intent.heard}" was asked in another)'
        )
    if not intent.params.get("yes", True):  # a choice ("the first") answers yes
        kept = "kept the existing clip" if pending.intent.needs_confirmation else "dropped it"
        return f'{kept}; "{pending.intent.heard}" was not done'
    return f'"{pending.intent.heard}": ' + await chain.run(app, job, pending.intent, _do)


def _delegate(name: str, args_of: Callable[[Intent], list[Any]]) -> Handler:
    """A handler that runs another action module's run(), when that action is installed."""

    async def handler(app: App, job: Job, intent: Intent) -> str:
        if importlib.util.find_spec(f"bridge.actions.{name}") is None:
            raise ModelUnavailable(f"the {name} action is not available in this version of MuseAroo")
        module = importlib.import_module(f"bridge.actions.{name}")
        return str(await module.run(app, job, args_of(intent)))

    return handler


def analyze_args(intent: Intent) -> list[Any]:
    """/roo/analyze's options for an analysis intent: ``warp 1`` ("warp this to the song") and
    ``apply 1`` ("set the tempo from this clip": tempo and signature in Live's units, key if sure)."""
    return ["warp", 1] * bool(intent.params.get("warp")) + ["apply", 1] * bool(intent.params.get("apply"))


async def _separate(app: App, job: Job, intent: Intent) -> str:
    """Stems of the selected clip, or of the clip on the track said ("split track 2 into stems")."""
    model = [intent.params["model"]] if "model" in intent.params else []
    where: list[Any] = []
    if intent.params.get("track_name"):
        where = list(await command_clip.named_track_clip(app, str(intent.params["track_name"])))
    return await _delegate("separate", lambda i: [*where, *model])(app, job, intent)


def _musicgen_args(intent: Intent) -> list[Any]:
    bars = intent.params.get("bars")
    key = ["key", intent.params["key"]] if intent.params.get("key") else []  # said apart from the prompt
    return [intent.params["prompt"], *([int(bars)] if bars else []), *key]


async def _musicgen(app: App, job: Job, intent: Intent) -> str:
    """A loop from a prompt; a tempo said with it ("a jungle break at 170") is Live's tempo first."""
    tempo = f"{await command_generate.set_tempo(app, intent)}; " if "tempo_bpm" in intent.params else ""
    return tempo + await _delegate("musicgen", _musicgen_args)(app, job, intent)


def _neural(action: str) -> Handler:
    """infill / continue / accompany (issue 34): the daemon's /roo/<action> when it has one."""

    async def handler(app: App, job: Job, intent: Intent) -> str:
        address = f"/roo/{action}"
        run = importlib.import_module("bridge.actions").JOB_ACTIONS.get(address)
        if run is None:
            raise ModelUnavailable(
                f"{action} is not available yet in this version of MuseAroo ({address}, the MIDI-GPT model of "
                "issue 34, has not landed); nothing was done"
            )
        return str(await run(app, job, await command_clip.neural_args(app, action, intent)))

    return handler


Handler = Callable[[App, Job, Intent], Awaitable[str]]
HANDLERS: dict[str, Handler] = {
    "generate": command_generate.generate_part,
    "vary": command_generate.vary,
    "adjust": command_generate.adjust,
    "set_tempo": _set_tempo,
    "set_key": _set_key,
    "set_meter": _set_meter,
    "analyze": _delegate("analyze", analyze_args),
    "separate": _separate,
    "musicgen": _musicgen,
    "play": _play,
    "stop": _stop,
    "undo": _undo,
    "cancel": _cancel,
    "help": _help,
    "confirm": _confirm,
    "transform": command_clip.transform,
    "jam": command_jam.jam,
    "history": command_history.history,
    "infill": _neural("infill"),
    "continue": _neural("continue"),
    "accompany": _neural("accompany"),
    "automate": intent_automate.automate,
    "mixer": command_mixer.mixer,
    "transcribe": command_transcribe.transcribe,
}
