"""/roo/history/*: list takes, recall one into Live, fork it with changes, star it, name the project.

List answers at once (one /roo/history/take per take, then /roo/history/end); the others are jobs
answered on /roo/status. Store calls run on the App's history thread, never on the event loop.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from bridge import protocol
from bridge.actions.generate import job as generate
from bridge.actions.history import request
from bridge.actions.history.envelopes import put_back
from bridge.actions.options import parse_options
from bridge.actions.place.places import bar_at, slot_at, track_at
from bridge.actions.place.track import SINGLE_PARTS, place
from bridge.actions.takes import notes_as_written, parented, write_recorded
from bridge.app import App
from bridge.history import AudioOut, TakeDraft
from bridge.jobs.board import Address, Job
from bridge.live.client import ClipWrite
from engines.errors import InvalidValue, RooError
from engines.music import Note

DEFAULT_LIST_LIMIT = 50
log = logging.getLogger(__name__)


def list_takes(app: App, addr: Address, args: list[Any]) -> None:
    """Parse at once (a bad option is answered on /roo/error), then answer from the store."""
    opts = parse_options(args, protocol.HISTORY_LIST_OPTIONS, what=protocol.HISTORY_LIST)
    app.loop.create_task(_send_list(app, addr, opts))


async def _send_list(app: App, addr: Address, opts: dict[str, Any]) -> None:
    try:
        takes = await app.in_history(_takes, app, opts)
    except RooError as exc:
        app.broadcast(protocol.ERROR, [protocol.HISTORY_LIST, str(exc)], also=addr)
        return
    # to the requester and every registered device, as /roo/error: a device's requests leave from
    # [udpsend]'s port, which nothing reads (a device that did not ask ignores the listing)
    for take in takes:
        s = take.summary(app.set_id)
        app.broadcast(
            protocol.HISTORY_TAKE,
            [
                s["take_id"],
                s["parent_id"] or "",
                s["action"],
                s["part"],
                s["created_at"],
                s["message"],
                int(s["starred"]),
                s["project"],
                int(s["in_another_set"]),
            ],
            also=addr,
        )
    app.broadcast(protocol.HISTORY_END, [len(takes)], also=addr)


def _takes(app: App, opts: dict[str, Any]) -> list[Any]:
    return list(
        app.history.takes(
            project=opts.get("project"), part=opts.get("part"), limit=opts.get("limit", DEFAULT_LIST_LIMIT)
        )
    )


async def recall(app: App, job: Job, args: list[Any]) -> str:
    """Write a take back into Live, its notes or its audio, into an empty slot (never over a clip);
    the recalled clip is a take, a child of the take recalled. A slot past the Set's last scene
    goes below the last scene, where Live adds a scene (as generate does); a full slot moves down
    to the next empty one, and the message says so. A take made in another Set lands, unless the
    request names a track, on its part's track in this Set by the track rule (from slot 0 down)."""
    take_id, where = request.recall(args)
    take = await app.in_history(app.history.get, take_id)
    elsewhere = take.in_another_set(app.set_id) and "track" not in where and take.part in SINGLE_PARTS
    if elsewhere:
        placed, _made = await place(app, take.part, await app.live.context())
        where = {**where, "track": placed.track, "slot": where.get("slot", 0)}
    if take.notes is not None and in_arrangement(take.live, where):
        return await recall_to_arrangement(app, job, take, where)
    track = where.get("track", take.live.get("track", -1))
    asked = where.get("slot", take.live.get("slot", 0))
    if asked < 0:
        raise InvalidValue(f"slot {asked} is out of range: expected 0 or more")
    scenes = (await app.live.context()).num_scenes
    slot = min(asked, max(0, scenes - 1))  # at or past the last scene: Live adds one if it is full
    name = f"{take.part or take.action} {take.take_id[:8]}"
    written = []
    if take.notes is not None:
        notes = [Note(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes]
        length = float(
            take.live.get("length_beats")
            or max((n.start_beats + n.duration_beats for n in notes), default=4.0)
        )
        draft = recalled(take, notes)
        t, s, count = await write_recorded(
            app, job, draft, app.live.write(ClipWrite(track, slot, length, name, notes))
        )
        draft.live = {"track": t, "slot": s, "length_beats": length, "note_count": count}
        envelopes, put = await put_back(app, take, t, s, None)
        if envelopes:
            draft.live["envelopes"] = envelopes
        written.append(
            f"{count} notes in {slot_at(t, s)}{moved(asked, s, scenes)}" + (f" ({put})" if put else "")
        )
    tempo = float(take.context.get("tempo_bpm", 0.0))
    for i, out in enumerate(o for o in take.outputs if o["kind"] == "audio" and "path" in o):
        t, s = await app.live.import_audio(
            track + i, slot, out["path"], f"{name} {out['name']}", tempo > 0, tempo
        )
        written.append(f"{out['name']} in {slot_at(t, s)}{moved(asked, s, scenes)}")
        job.takes.append(recalled_audio(take, out, {"track": t, "slot": s}))
    if not written:
        raise InvalidValue(f"take {take.take_id} ({take.action}) has no notes or audio to recall")
    came = f" (made in another Set; {placed.said})" if elsewhere else ""
    return f"recalled take {take.take_id}{came}: {'; '.join(written)}"


def in_arrangement(live: dict[str, Any], where: dict[str, Any]) -> bool:
    """A MIDI take goes back into the Arrangement when asked (arrangement 1, at), or when it came
    from there and no slot is named."""
    if "slot" in where or where.get("arrangement") == 0:
        return False
    return bool(where.get("arrangement")) or "at" in where or "start_beats" in live


async def recall_to_arrangement(app: App, job: Job, take: Any, where: dict[str, Any]) -> str:
    """The take's notes into the Arrangement: at ``at``, else where it came from, else at the loop
    brace; a region over a clip is refused naming it unless replace 1 (Live 12.1.10+)."""
    track = where.get("track", take.live.get("track", -1))
    start = where.get("at", take.live.get("start_beats"))
    if start is None:
        start = (await app.live.loop_brace())[0]
    notes = [Note(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes]
    length = float(
        take.live.get("length_beats") or max((n.start_beats + n.duration_beats for n in notes), default=4.0)
    )
    draft = recalled(take, notes)
    name = f"{take.part or take.action} {take.take_id[:8]}"
    write = app.live.write_arrangement_clip(
        track, float(start), length, name, notes, bool(where.get("replace", 0))
    )
    t, at_beats, count = await write_recorded(app, job, draft, write)
    draft.live = {"track": t, "start_beats": at_beats, "length_beats": length, "note_count": count}
    envelopes, put = await put_back(app, take, t, -1, at_beats)
    if envelopes:
        draft.live["envelopes"] = envelopes
    at = bar_at(at_beats, take.context.get("signature", [4, 4]))
    said = f"recalled take {take.take_id}: {count} notes in the Arrangement on {track_at(t)} at {at}"
    return said + (f" ({put})" if put else "")


def recalled(take: Any, notes: list[Note]) -> TakeDraft:
    """The take a recall writes: the recalled take's notes, part, settings and context, its child."""
    return TakeDraft(
        "recall",
        take.part,
        params={"recalled": take.take_id},
        seed=take.seed,
        context=take.context,
        versions=take.versions,
        message=f"recall of {take.take_id}",
        parent_id=take.take_id,
        notes=notes_as_written(notes),
    )


def recalled_audio(take: Any, out: dict[str, Any], live: dict[str, Any]) -> TakeDraft:
    """The take an audio recall writes: the same stored file (by its hash), the recalled take's child."""
    return TakeDraft(
        "recall",
        take.part,
        params={"recalled": take.take_id, "output": out["name"]},
        seed=take.seed,
        context=take.context,
        versions=take.versions,
        live=live,
        message=f"recall of {take.take_id} ({out['name']})",
        parent_id=take.take_id,
        audio=[AudioOut(out["name"], Path(out["path"]))],
    )


def moved(asked: int, landed: int, scenes: int) -> str:
    """What the done message says when the clip did not land in the slot asked for."""
    if landed == asked:
        return ""
    if asked >= scenes:
        return f" (slot {asked} is past the Set's {scenes} scenes: written in scene {landed + 1})"
    return f" (scene {asked + 1} was full: moved to scene {landed + 1})"


async def fork(app: App, job: Job, args: list[Any]) -> str:
    """Generate again from a take's settings with the changes given; the new take's parent is it."""
    take_id, changes = request.fork(args)
    take = await app.in_history(app.history.get, take_id)
    if take.action != "generate" or take.part not in protocol.PARTS:
        raise InvalidValue(f"take {take.take_id} is a {take.action} take: only generate takes can be forked")
    settings = {k: v for k, v in take.params.items() if k in protocol.GENERATE_OPTIONS and v is not None}
    settings |= {"seed": take.seed, "track": take.live.get("track", -1), "slot": take.live.get("slot", -1)}
    settings["replace"] = int(bool(settings.get("replace", 0)))
    if "automation" in settings:
        settings["automation"] = int(bool(settings["automation"]))
    settings |= changes
    gen_args: list[Any] = [take.part]
    for name, value in settings.items():
        if value is not None:
            gen_args += [name, value]
    with parented(take.take_id):  # drafted (and written pending) as the fork's child
        done = await generate.run(app, job, gen_args)
    return f"forked {take.take_id}: {done}"


async def star(app: App, job: Job, args: list[Any]) -> str:
    take_id, starred = request.star(args)
    found = await app.in_history(app.history.star, take_id, starred)
    app.notify({"type": "take", "take_id": found, "job_id": job.id, "change": "starred", "starred": starred})
    return f"take {found} {'starred' if starred else 'unstarred'}"


async def message(app: App, job: Job, args: list[Any]) -> str:
    take_id, text = request.message(args)
    found = await app.in_history(app.history.set_message, take_id, text)
    app.notify({"type": "take", "take_id": found, "job_id": job.id, "change": "message", "message": text})
    return f"take {found}: message set"


async def set_project(app: App) -> None:
    """A saved Set's name is the take history's project while it is open (read back as Live answers
    and as each Set opens; a Set never saved keeps the project as it was)."""
    name = app.live.set_name
    if name and app.history is not None and app.history.project != name:
        try:
            await app.in_history(app.history.use_project, name)
        except RooError as exc:
            log.warning(
                "the take history's project stays %r, not the Set's %r: %s", app.history.project, name, exc
            )


async def project(app: App, job: Job, args: list[Any]) -> str:
    name = request.project(args)
    await app.in_history(app.history.use_project, name)
    return f"takes now go to project {name!r}"
