"""/roo/command <text>: parse a typed or spoken sentence and do what it asks.

The intent goes back on /roo/result (kind "intent") and the sentence heard with the action
taken on /roo/status. A sentence not understood fails with what was heard and two suggestions,
and nothing is done. Writing clips goes to a new slot; a sentence that asks to replace a clip
is held until "yes" (or dropped by "no" or "cancel"), for at most PENDING_TIMEOUT_S; so is a spoken
one that starts a heavy job (MusicGen, separation: ``bridge.commands.safety``).
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
from bridge.actions import command_clip, command_jam, history_context
from bridge.app import App
from bridge.commands import EXAMPLES, Intent, parse
from bridge.commands.safety import needs_spoken_yes
from bridge.jobs.board import Job
from engines.errors import InvalidValue, LiveError, ModelUnavailable, RooError
from engines.music import parse_key

PENDING_TIMEOUT_S = 30.0
MAX_TAKES = 8  # "N variations": at most this many takes (MusicGen's batch limit too)
STEP = {"density": 0.2, "complexity": 0.2, "energy": 0.15}  # one "busier" moves a dial this far


@dataclass
class Pending:
    intent: Intent
    created_s: float


_pending: weakref.WeakKeyDictionary[App, Pending] = weakref.WeakKeyDictionary()


async def run(app: App, job: Job, args: list[Any]) -> str:
    text = " ".join(str(a) for a in args).strip()
    if not text:
        raise InvalidValue(f"/roo/command needs a sentence, e.g. {EXAMPLES[0]!r}; got {args!r}")
    return await execute(app, job, await app.run_cpu(parse, text), source="typed")


async def execute(app: App, job: Job, intent: Intent, *, source: str) -> str:
    """Do what ``intent`` asks; returns the status line 'heard "...": <what was done>'."""
    app.result(job.client, job.id, "intent", {**intent.as_dict(), "heard": intent.heard, "source": source})
    job.command = intent.heard  # the take history records the sentence that made a take
    heard = f'heard "{intent.heard}"'
    if not intent.understood:
        tips = " or ".join(f'"{s}"' for s in intent.params["suggestions"])
        raise InvalidValue(
            f"{heard}: not understood ({intent.params['reason']}); nothing was done. Try {tips}"
        )
    job.report(0.05, f"{heard}: {intent.describe()}")
    if intent.needs_confirmation:
        _pending[app] = Pending(intent, time.monotonic())
        return f'{heard}: this replaces the existing clip; say "yes" to replace it or "no" to keep it'
    if source == "voice" and needs_spoken_yes(intent):
        _pending[app] = Pending(intent, time.monotonic())
        return (
            f'{heard}: this starts a long job ({intent.describe()}); say "yes" to start it or "no" to drop it'
        )
    return f"{heard}: {await HANDLERS[intent.action](app, job, intent)}{_not_done(intent)}"


def _not_done(intent: Intent) -> str:
    """What of a compound sentence was not done, e.g. "; not done: 'make it half time'"."""
    left = intent.params.get("not_done") or []
    return "; not done: " + ", ".join(f"'{c}'" for c in left) + " (say it on its own)" if left else ""


async def last_settings(app: App, part: str | None, *, loops: bool = False) -> tuple[str, dict[str, Any]]:
    """The part to change (the last generated one when none is named) and its last settings;
    from the take history when this daemon has not generated that part yet (after a restart).

    With ``loops`` the last MusicGen loop counts too (part ``musicgen``): Vary remakes it, while the
    dials of Adjust only move the symbolic parts.
    """
    if part is None:
        parts = [str(t["part"]) for t in app.song.takes if loops or t["part"] != "musicgen"]
        if parts:
            part = parts[-1]
    if part is not None and part in app.song.last_generate:
        return part, dict(app.song.last_generate[part])
    remembered = await history_context.last_settings(app, part)
    if remembered is not None:
        return remembered
    if part is None:
        raise InvalidValue("no part was generated yet: name one, e.g. 'vary the drums'")
    return part, {}


def generate_args(part: str, settings: dict[str, Any]) -> list[Any]:
    """OSC arguments for /roo/generate from a settings dict (names of GENERATE_OPTIONS only)."""
    args: list[Any] = [part]
    for name, kind in protocol.GENERATE_OPTIONS.items():
        value = settings.get(name)
        if value is None:
            continue
        args += [name, {"int": int, "float": float, "str": str}[kind](value)]
    return args


def _genre_note(settings: dict[str, Any]) -> str:
    from engines.presets import names

    genre = settings.get("genre")
    if genre is None or genre in names("genres"):
        return ""
    del settings["genre"]
    return f" (no {genre} preset yet: used the song's genre)"


async def _generate(app: App, job: Job, intent: Intent) -> str:
    assert intent.part is not None
    settings = {**intent.params, "replace": int(bool(intent.params.get("replace")))}
    settings.update(command_clip.source_of(app, intent))
    note = _genre_note(settings)
    tempo = ""
    if "tempo_bpm" in intent.params:  # "a whole song in C major at 90 bpm": the tempo first
        tempo = f"{await _set_tempo(app, job, intent)}; "
    from bridge.actions import generate

    return tempo + await generate.run(app, job, generate_args(intent.part, settings)) + note


async def _vary(app: App, job: Job, intent: Intent) -> str:
    part, last = await last_settings(app, intent.part, loops=True)
    count = int(intent.params.get("variations", 1))
    if not 1 <= count <= MAX_TAKES:
        raise InvalidValue(f"variations {count} is out of range: expected 1..{MAX_TAKES}")
    if part == "musicgen":  # N takes of the loop in one batch, in the next empty slots of its track
        from bridge.actions import musicgen

        return await musicgen.vary(app, job, last, count)
    last.pop("seed", None)  # a new seed (the job id) gives the variation
    last["replace"] = int(bool(intent.params.get("replace")))
    from bridge.actions import generate

    done = [await generate.run(app, job, generate_args(part, last))]
    for k in range(1, count):  # symbolic takes are cheap: one after another, each its own seed
        seed = (2**30 + job.id * MAX_TAKES + k) % 2**31  # above any job id, so no default seed repeats it
        done.append(await generate.run(app, job, generate_args(part, {**last, "seed": seed, "replace": 0})))
    return "; ".join(done)


async def _adjust(app: App, job: Job, intent: Intent) -> str:
    if command_jam.playing(app):  # "busier" while jamming: the jam's dial, from the next bar
        return await command_jam.adjust(app, job, intent, STEP[intent.params["what"]])
    part, last = await last_settings(app, intent.part)
    what, sign = intent.params["what"], 1.0 if intent.params["direction"] == "up" else -1.0
    dials = ("density", "complexity") if what == "energy" else (what,)
    for dial in dials:
        last[dial] = round(min(1.0, max(0.0, float(last.get(dial, 0.5)) + sign * STEP[what])), 3)
    last["replace"] = int(bool(intent.params.get("replace")))
    from bridge.actions import generate

    done = await generate.run(app, job, generate_args(part, last))
    return f"{what} {intent.params['direction']} ({', '.join(f'{d} {last[d]}' for d in dials)}): {done}"


async def _set_tempo(app: App, job: Job, intent: Intent) -> str:
    if "tempo_factor" in intent.params:  # "double the tempo"
        return await command_clip.tempo_by_factor(app, float(intent.params["tempo_factor"]))
    await app.live.set_context(tempo_bpm=float(intent.params["tempo_bpm"]))
    return f"tempo set to {intent.params['tempo_bpm']} bpm"


async def _set_key(app: App, job: Job, intent: Intent) -> str:
    key = parse_key(intent.params["key"])
    await app.live.set_context(root_note=key.tonic, scale_name=key.scale)
    return f"key set to {intent.params['key']}"


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


async def _undo(app: App, job: Job, intent: Intent) -> str:
    restored = await history_context.undo_from_store(app)
    if restored is not None:
        return restored
    await _transport(app, protocol.SONG_UNDO)
    return "undid the last change in Live"


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
    if not intent.params["yes"]:
        kept = "kept the existing clip" if pending.intent.needs_confirmation else "dropped it"
        return f'{kept}; "{pending.intent.heard}" was not done'
    return f'"{pending.intent.heard}": ' + await HANDLERS[pending.intent.action](app, job, pending.intent)


def _delegate(name: str, args_of: Callable[[Intent], list[Any]]) -> Handler:
    """A handler that runs another action module's run(), when that action is installed."""

    async def handler(app: App, job: Job, intent: Intent) -> str:
        if importlib.util.find_spec(f"bridge.actions.{name}") is None:
            raise ModelUnavailable(f"the {name} action is not available in this version of MuseAroo")
        module = importlib.import_module(f"bridge.actions.{name}")
        return str(await module.run(app, job, args_of(intent)))

    return handler


def _musicgen_args(intent: Intent) -> list[Any]:
    bars = intent.params.get("bars")
    return [intent.params["prompt"], *([int(bars)] if bars else [])]


Handler = Callable[[App, Job, Intent], Awaitable[str]]
HANDLERS: dict[str, Handler] = {
    "generate": _generate,
    "vary": _vary,
    "adjust": _adjust,
    "set_tempo": _set_tempo,
    "set_key": _set_key,
    "analyze": _delegate("analyze", lambda i: ["warp", 1] if i.params.get("warp") else []),
    "separate": _delegate("separate", lambda i: [i.params["model"]] if "model" in i.params else []),
    "musicgen": _delegate("musicgen", _musicgen_args),
    "play": _play,
    "stop": _stop,
    "undo": _undo,
    "cancel": _cancel,
    "help": _help,
    "confirm": _confirm,
    "transform": command_clip.transform,
    "jam": command_jam.jam,
}
