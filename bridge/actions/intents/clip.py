"""Commands on clips that exist: which clip "it" is, transforms of it, and sources to follow.

"Remove the hats", "make it half time", "transpose to E" work on the clip of the part named: the
last one this daemon wrote in this Set, else the selected MIDI clip when it is that part (by its
track's name, else its notes), else a clip on a track named for the part (the selected scene's, else
its first); a part with no clip is asked about (``NoPartClip``: "there is no drums clip: make
one?"), never changed on another part's clip. With no part named: the selected MIDI clip, else the
last written part. "A bassline for my chords" follows the last chords clip written, else the
selected MIDI clip.
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.actions.clips.midi import MidiClip, midi_clip, selected_midi_clip
from bridge.actions.place.track import SINGLE_PARTS, part_named, tracks_named
from bridge.app import App
from bridge.commands import Intent
from bridge.jobs.board import Job
from engines.errors import InvalidValue, NoPartClip
from engines.symbolic import profile


def last_written(app: App, part: str | None) -> tuple[int, int] | None:
    """Track and slot of the newest clip this daemon wrote for ``part`` (any symbolic part: None) into
    a session slot (an arrangement take has none)."""
    for take in reversed(app.song.takes):
        if take.get("part") == "musicgen" or "track" not in take or "slot" not in take:
            continue
        if part is None or take.get("part") == part:
            return int(take["track"]), int(take["slot"])
    return None


def clip_part(clip: MidiClip) -> str:
    """The part a clip is: what its track's name says, else what its notes are."""
    named = part_named(clip.info.track_name)
    if named is not None:
        return named
    return profile(clip.notes, clip.length_beats, drums=clip.drums_by_name).role


async def part_clip(app: App, part: str) -> tuple[int, int] | None:
    """Track and slot of a clip of ``part`` in the open Set (see the module text); None: there is none."""
    if (where := last_written(app, part)) is not None:
        return where
    live = await app.live.context()
    selected = await selected_midi_clip(app, live)
    if selected is not None and clip_part(selected) == part:
        return selected.track, selected.slot
    tracks = app.live.track_list if app.live.track_list is not None else await app.live.tracks()
    for track, (name, midi) in enumerate(tracks):
        filled = app.live.slots.get(track, "")
        if midi and part_named(name) == part and "1" in filled:
            scene = live.selected_slot
            return track, scene if 0 <= scene < len(filled) and filled[scene] == "1" else filled.index("1")
    return None


async def target_clip(app: App, part: str | None) -> tuple[int, int]:
    """The clip a transform works on (see the module text); raises naming what to select, or
    NoPartClip when a part is named that the Set has no clip of."""
    if part in SINGLE_PARTS:
        where = await part_clip(app, part)
        if where is None:
            raise NoPartClip(part)
        return where
    selected = await selected_midi_clip(app, await app.live.context())
    if selected is not None:
        return selected.track, selected.slot
    if (where := last_written(app, None)) is not None:
        return where
    named = f"a {part} clip" if part else "a MIDI clip"
    raise InvalidValue(f"no clip to change: select {named} with notes, or generate one first")


PITCHED = ("chords", "bass", "melody")  # the parts "everything" moves in pitch


async def transform(app: App, job: Job, intent: Intent) -> str:
    from bridge.actions.transform import job as action

    if intent.part == "all":  # "modulate everything to Eb major": each part's last clip (drums have no pitch)
        parts = PITCHED if intent.params["kind"] == "transpose" else ("drums", *PITCHED)
        places = [where for part in parts if (where := last_written(app, part)) is not None]
        places = places or [await target_clip(app, None)]
    elif intent.params.get("track_name"):  # "bring the cello line down a fifth": the track named so
        places = [await named_track_clip(app, str(intent.params["track_name"]))]
    else:
        places = [await target_clip(app, intent.part)]
    said = []
    for track, slot in places:
        args: list[Any] = [intent.params["kind"], "track", track, "slot", slot]
        for name, value in intent.params.items():
            if name in protocol.TRANSFORM_OPTIONS and name not in ("track", "slot", "replace"):
                args += [name, value]
        args += ["replace", int(bool(intent.params.get("replace")))]
        said.append(str(await action.run(app, job, args)))
    return "; ".join(said)


async def neural_args(app: App, action: str, intent: Intent) -> list[Any]:
    """The OSC arguments of issue 34's /roo/infill, /roo/continue and /roo/accompany for an intent:
    ``track slot [bars FROM-TO]`` ("the last N bars": the clip's last N), ``track slot bars N
    [extend 1]``, ``part [variations N]`` (its length is the scene's other clips': a count of bars said is
    no option of /roo/accompany)."""
    if action == "accompany":
        takes = intent.params.get("variations")
        return [intent.part or "bass", *(["variations", int(takes)] if takes else [])]
    track, slot = await target_clip(app, intent.part)
    args: list[Any] = [track, slot]
    if "last" in intent.params:  # "fill the last 4 bars": counted back from the clip's end
        clip = await midi_clip(app, track, slot, address=f"/roo/{action}")
        live = clip.context
        bar_beats = live.signature_numerator * 4.0 / live.signature_denominator
        bars = max(1, round(clip.length_beats / bar_beats))
        last = min(int(intent.params["last"]), bars)
        args += ["bars", f"{bars - last + 1}-{bars}"]
    for name in ("bars", "extend"):
        if name in intent.params:
            args += [name, intent.params[name]]
    return args


async def named_track_clip(app: App, name: str) -> tuple[int, int]:
    """Track and slot of the clip on the track named ``name`` ("the keys clip"): the clip this daemon
    wrote last there, else the one in the selected scene; raises naming the tracks there are."""
    names = [str(n) for n in await app.live.query(protocol.SONG_GET + "track_names")]
    matches = tracks_named(names, name)  # a typed "violao" or "violão" is Live's "Violão"
    if not matches:
        raise InvalidValue(f"no track is named {name!r}: the tracks are {', '.join(repr(n) for n in names)}")
    track = matches[0]
    for take in reversed(app.song.takes):
        if take.get("track") == track and "slot" in take and take.get("part") != "musicgen":
            return track, int(take["slot"])
    return track, max((await app.live.context()).selected_slot, 0)


def source_of(app: App, intent: Intent) -> dict[str, int]:
    """source_track/source_slot for a part that follows "my chords", "my bassline" or (a bass) the drums'
    kick (the last one written, else the selected clip) or "this" (the selected clip: -1, so that
    /roo/generate says when none is selected or it is no MIDI clip, rather than quietly following nothing)."""
    source = intent.params.get("source")
    if source is None:
        return {}
    if source in ("chords", "bass", "drums") and (where := last_written(app, str(source))) is not None:
        return {"source_track": where[0], "source_slot": where[1]}
    return {"source_track": -1, "source_slot": -1}


async def in_beats(app: App, intent: Intent) -> Intent:
    """``intent`` with a move said in milliseconds ("nudge the hats 10 ms earlier": ``offset_ms``) as the
    beats it is at Live's tempo now (``offset``); any other intent as it is."""
    if "offset_ms" not in intent.params:
        return intent
    bpm = float((await app.live.context()).tempo_bpm)
    params = {k: v for k, v in intent.params.items() if k != "offset_ms"}
    params["offset"] = round(float(intent.params["offset_ms"]) * bpm / 60000.0, 6)
    return Intent(intent.action, intent.part, params, intent.heard)


async def tempo_by_factor(app: App, factor: float) -> str:
    now = float((await app.live.context()).tempo_bpm)
    bpm = round(now * factor, 2)
    if not 20 <= bpm <= 999:
        raise InvalidValue(f"tempo {now:g} x {factor:g} = {bpm:g} bpm is outside what Live takes (20..999)")
    await app.live.set_context(tempo_bpm=bpm)
    return f"tempo {now:g} -> {bpm:g} bpm"
