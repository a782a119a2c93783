"""Commands that make parts: "a funky bassline", "vary the drums" / "four variations", "busier".

Each becomes a /roo/generate from the part's last settings (``last_settings``: this daemon's, or
the take history's after a restart) with the change asked for, or a vary of the last MusicGen
loop; "busier" while a jam plays moves the jam's dial instead (``intents.jam``).
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.actions.clips.midi import selected_midi_clip
from bridge.actions.clips.take import kept, said, take_behind
from bridge.actions.generate import job as generate
from bridge.actions.history import context as history_context
from bridge.actions.intents import clip as command_clip
from bridge.actions.intents import jam as command_jam
from bridge.actions.intents import region as command_region
from bridge.actions.musicgen import job as musicgen
from bridge.actions.place.places import slot_at
from bridge.actions.place.track import SINGLE_PARTS
from bridge.actions.takes import parented, varied
from bridge.app import App
from bridge.commands import Intent
from bridge.jobs.board import Job
from engines.errors import InvalidValue, NoPartClip
from engines.music import NOTE_NAMES

MAX_TAKES = 8  # "N variations": at most this many takes (MusicGen's batch limit too)
STEP = {"density": 0.2, "complexity": 0.2, "energy": 0.15}  # one "busier" moves a dial this far
# the size said ("a touch busier": little, "way busier": lot; the parser's ``size``) halves or doubles the step
SIZED_STEP = {"little": 0.5, "lot": 2.0}
SAID_SIZE = {"little": " a little", "lot": " a lot"}  # the answer says how much


def step_of(params: dict[str, Any]) -> float:
    """How far one ``adjust`` moves its dial (0..1): ``STEP``, halved or doubled by the size said."""
    return STEP[params["what"]] * SIZED_STEP.get(str(params.get("size")), 1.0)


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
    if part in SINGLE_PARTS and await command_clip.part_clip(app, part) is None:
        raise NoPartClip(part)  # "make the drums busier" in a Set with no drums: asked, never made elsewhere
    return part, {}


async def keep_the_take(app: App, last: dict[str, Any]) -> str:
    """The settings of the take at the part's last track and slot (key, genre, bars) into ``last``;
    what the done message says of them ("" when the history holds no such take)."""
    if last.get("track") is None or last.get("slot") is None:
        return ""
    source = await take_behind(app, int(last["track"]), int(last["slot"]))
    if source is None:
        return ""
    last.update(kept(source))
    return f" ({said(source)})"


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


async def _placed(app: App, intent: Intent, settings: dict[str, Any]) -> str:
    """ "in here": the selected scene's slot, on the part's own track (the track rule: a part is never
    written onto another part's track unless the track is named); a bare mode: Live's root; "the keys
    clip": that track's clip. Returns what to say about them."""
    said = []
    if intent.params.get("here") or "mode" in intent.params:
        live = await app.live.context()
        if intent.params.get("here"):
            settings["slot"] = max(live.selected_slot, 0)
            said.append(f"in the selected scene, scene {settings['slot'] + 1}")
        if "mode" in intent.params:
            settings["key"] = f"{NOTE_NAMES[live.root_note % 12]} {intent.params['mode']}"
            said.append(f"{settings['key']} (Live's root)")
    if "source_track_name" in intent.params:
        track, slot = await command_clip.named_track_clip(app, str(intent.params["source_track_name"]))
        settings["source_track"], settings["source_slot"] = track, slot
        said.append(f"following the clip on {slot_at(track, slot, str(intent.params['source_track_name']))}")
    return f" ({'; '.join(said)})" if said else ""


async def _own_clip_moved(app: App, job: Job, intent: Intent) -> str | None:
    """ "change the key of this clip to D minor" with a clip selected that MuseAroo did not make (played or
    drawn by hand: no take of it here nor in the history): its own notes moved into the key (a transpose,
    written beside it), never another part remade in its place; None when the selected clip is a take or
    none is selected (the part is remade in the key). A drum clip has no key to change: asked."""
    selected = await selected_midi_clip(app, await app.live.context())
    if selected is None or await take_behind(app, selected.track, selected.slot, selected.notes) is not None:
        return None
    if any(t.get("track") == selected.track and t.get("slot") == selected.slot for t in app.song.takes):
        return None
    key = str(intent.params["key"])
    if command_clip.clip_part(selected) == "drums":
        raise InvalidValue(
            f"the selected clip is drums, which have no key to change to {key}: select a pitched clip"
        )
    moved = Intent("transform", None, {"kind": "transpose", "to": key}, intent.heard)
    return f"{await command_clip.transform(app, job, moved)} (your own clip: its notes moved into {key}, not remade)"


async def generate_part(app: App, job: Job, intent: Intent) -> str:
    settings: dict[str, Any] = {}
    if intent.params.get("again") and intent.part is None and "key" in intent.params:
        moved = await _own_clip_moved(
            app, job, intent
        )  # "change the key of this clip": a clip played by hand
        if moved is not None:
            return moved
    if intent.params.get("again"):  # "change the genre to reggae": the part remade with a new setting
        part, last = await last_settings(app, intent.part)
        settings = {k: v for k, v in last.items() if k not in ("seed", "replace", "genre", "key", "mode")}
        intent = Intent(
            intent.action, part, {k: v for k, v in intent.params.items() if k != "again"}, intent.heard
        )
    assert intent.part is not None
    settings.update({**intent.params, "replace": int(bool(intent.params.get("replace")))})
    tempo = ""
    if "meter" in settings:  # "8 bars of chords in 6/8": Live's meter first, so the bars are its bars
        top, bottom = (int(x) for x in str(settings.pop("meter")).split("/"))
        await app.live.set_context(signature_numerator=top, signature_denominator=bottom)
        tempo = f"time signature set to {top}/{bottom}; "
    if "tempo_bpm" in intent.params:  # "a whole song in C major at 90 bpm": the tempo first
        tempo += f"{await set_tempo(app, intent)}; "
    if "at_bar" in settings:  # "in the arrangement starting at bar 17": that bar's start in Live's beats
        live = await app.live.context()
        bar_beats = live.signature_numerator * 4.0 / live.signature_denominator
        settings["at"] = (int(settings.pop("at_bar")) - 1) * bar_beats
    settings.update(command_clip.source_of(app, intent))
    note = await _placed(app, intent, settings) + _genre_note(settings)
    if "region" in intent.params:  # "drums for the chorus": into the Arrangement there
        note += f" ({await command_region.place(app, dict(intent.params['region']), settings)})"
    count = int(settings.pop("variations", 1) or 1)  # "three different drum grooves": N new takes
    if not 1 <= count <= MAX_TAKES:
        raise InvalidValue(f"{count} new takes is out of range: expected 1..{MAX_TAKES}")
    done = []
    for i in range(count):
        seeded = settings if count == 1 or "seed" in settings else {**settings, "seed": job.id * 101 + i}
        done.append(await generate.run(app, job, generate_args(intent.part, seeded)))
    return tempo + "; ".join(done) + note


def replacing(last: dict[str, Any], intent: Intent) -> int:
    """A remade part replaces its clip when asked; in the Arrangement always: it lands where the part
    was (no next slot there), one undo brings the part back and its take stays in the history."""
    return 1 if last.get("arrangement") else int(bool(intent.params.get("replace")))


async def vary(app: App, job: Job, intent: Intent) -> str:
    part, last = await last_settings(app, intent.part, loops=True)
    count = int(intent.params.get("variations", 1))
    if not 1 <= count <= MAX_TAKES:
        raise InvalidValue(f"variations {count} is out of range: expected 1..{MAX_TAKES}")
    if part == "musicgen":  # N takes of the loop in one batch, in the next empty slots of its track
        with parented(varied(last)):  # each take of the loop is a child of the loop varied
            return await musicgen.vary(app, job, last, count)
    if last.get("arrangement") and count > 1:
        raise InvalidValue(
            f"variations {count}: in the Arrangement a vary replaces the part where it lies, so one at a "
            "time (several takes of it need session slots: generate it without arrangement 1)"
        )
    last.pop("seed", None)  # a new seed (the job id) gives the variation
    last["replace"] = replacing(last, intent)
    note = await keep_the_take(app, last)
    with parented(varied(last)):  # each variation's take is a child of the take varied
        done = [await generate.run(app, job, generate_args(part, last)) + note]
        for k in range(1, count):  # symbolic takes are cheap: one after another, each its own seed
            seed = (2**30 + job.id * MAX_TAKES + k) % 2**31  # above any job id: no default seed repeats it
            done.append(
                await generate.run(app, job, generate_args(part, {**last, "seed": seed, "replace": 0}))
            )
    return "; ".join(done)


async def adjust(app: App, job: Job, intent: Intent) -> str:
    if "fills" in intent.params:  # "a fill every fourth bar": the same drums again, with those fills
        part, last = await last_settings(app, intent.part)
        last["fills"] = str(intent.params["fills"])
        last["replace"] = replacing(last, intent)
        return f"fills {last['fills']}: {await generate.run(app, job, generate_args(part, last))}"
    if command_jam.playing(app):  # "busier" while jamming: the jam's dial, from the next bar
        return await command_jam.adjust(app, job, intent, step_of(intent.params))
    if intent.params.get("target") == "jam":  # "make the jam busier": never a clip instead
        raise InvalidValue("no jam is playing, so nothing was changed: say 'start a jam' first")
    part, last = await last_settings(app, intent.part)
    note = await keep_the_take(app, last)
    what, sign = intent.params["what"], 1.0 if intent.params["direction"] == "up" else -1.0
    dials = ("density", "complexity") if what == "energy" else (what,)
    for dial in dials:
        last[dial] = round(min(1.0, max(0.0, float(last.get(dial, 0.5)) + sign * step_of(intent.params))), 3)
    last["replace"] = replacing(last, intent)
    with parented(varied(last)):  # the busier take is a child of the take it changes
        done = await generate.run(app, job, generate_args(part, last))
    way = f"{intent.params['direction']}{SAID_SIZE.get(str(intent.params.get('size')), '')}"
    return f"{what} {way} ({', '.join(f'{d} {last[d]}' for d in dials)}): {done}{note}"


async def set_tempo(app: App, intent: Intent) -> str:
    if intent.params.get("target") == "jam":  # "speed the jam up to 128": the playing jam, none started
        return jam_tempo(app, intent.params)
    if "tempo_factor" in intent.params:  # "double the tempo"
        return await command_clip.tempo_by_factor(app, float(intent.params["tempo_factor"]))
    if "change_bpm" in intent.params:  # "bump the tempo up 5 bpm"
        now = float((await app.live.context()).tempo_bpm)
        bpm = round(now + float(intent.params["change_bpm"]), 2)
        if not 20 <= bpm <= 999:
            raise InvalidValue(
                f"tempo {now:g} {intent.params['change_bpm']:+} = {bpm:g} bpm is outside 20..999"
            )
        await app.live.set_context(tempo_bpm=bpm)
        return f"tempo {now:g} -> {bpm:g} bpm"
    await app.live.set_context(tempo_bpm=float(intent.params["tempo_bpm"]))
    return f"tempo set to {intent.params['tempo_bpm']} bpm"


def jam_tempo(app: App, params: dict[str, Any]) -> str:
    """The playing jam's tempo: to a number, by a change, or by a factor; an error when no jam plays."""
    if app.jam is None or not app.jam.playing():
        raise InvalidValue(
            "no jam is playing, so its tempo was not changed (and none was started): say 'start a jam' first"
        )
    now = float(app.jam.tempo_now())
    if "tempo_factor" in params:
        bpm = now * float(params["tempo_factor"])
    elif "change_bpm" in params:
        bpm = now + float(params["change_bpm"])
    else:
        bpm = float(params["tempo_bpm"])
    app.jam.set_tempo(round(bpm, 2))
    return f"jam tempo {now:g} -> {round(bpm, 2):g} bpm"
