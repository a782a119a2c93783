"""/roo/infill, /roo/continue, /roo/accompany: MIDI-GPT on the producer's own clips, written as takes.

Each reads as four steps: parse (``infill.request``); read the clip and the scene's other clips
and check the model (``infill.clips``); run MIDI-GPT in the model worker (``engines.infill.jobs``:
the model stays loaded between jobs; progress and cancel as for every worker job, a cancel stops
sampling within a token); then one ``app.live.write`` per take and its record (``infill.record``).

- infill: take 1 replaces the clip in place in one write (one undo step in Live), every note
  outside the chosen bars as it was; the write checks that the clip still holds what was read, so
  an edit made meanwhile is never overwritten.
- continue: a new clip of the N new bars into the next empty slot below; with ``extend 1`` the same
  clip made N bars longer, in place as above.
- accompany: a new clip of the part on its track (the track this daemon last wrote that part to,
  else the first MIDI track named for it, else a new MIDI track named for it, deleted again while
  still empty when the write fails or is cancelled: ``place.made``), in the selected scene,
  conditioned on that scene's other MIDI clips.

More takes (``variations``) land in the next empty slots below the first.
"""

from __future__ import annotations

import math
import os
from typing import Any

from bridge import protocol
from bridge.actions.infill import arrangement
from bridge.actions.infill import record as infill_record
from bridge.actions.infill.clips import Clip, require_infill, scene_clips, target_clip
from bridge.actions.infill.request import InfillRequest, parse_request
from bridge.actions.place import track as part_track
from bridge.actions.place.made import NewTrack, taken_back_on_failure
from bridge.actions.place.places import slot_at
from bridge.actions.takes import write_recorded
from bridge.app import App
from bridge.jobs.board import Job
from bridge.jobs.worker import get_worker
from bridge.live.client import ClipWrite, Expect, LiveContext, StaleContext, StaleSource
from engines.errors import InvalidValue, LiveError
from engines.infill.jobs import notes_of
from engines.music import MusicalContext, Note

__all__ = ["accompany", "continue_clip", "infill", "parse_request"]

TARGET = "engines.infill.jobs:run"
INT8_SWITCH = "MUSEAROO_INFILL_INT8"  # =1 in the daemon's environment: int8 MIDI-GPT on the CPU


def quantize_choice() -> str | None:
    """What the daemon asks of the model worker: "int8" when INT8_SWITCH is on, else the float model."""
    return "int8" if os.environ.get(INT8_SWITCH, "0") not in ("0", "", "false") else None


async def infill(app: App, job: Job, args: list[Any]) -> str:
    return await _on_clip(app, job, parse_request(protocol.INFILL, args), protocol.INFILL)


async def continue_clip(app: App, job: Job, args: list[Any]) -> str:
    return await _on_clip(app, job, parse_request(protocol.CONTINUE, args), protocol.CONTINUE)


def _bar_beats(live: LiveContext) -> float:
    return live.signature_numerator * 4.0 / live.signature_denominator


def _context(live: LiveContext) -> MusicalContext:
    return MusicalContext(
        tempo_bpm=float(live.tempo_bpm), signature=(live.signature_numerator, live.signature_denominator)
    )


async def _on_clip(app: App, job: Job, req: InfillRequest, address: str) -> str:
    await require_infill(req.model)
    if req.arrangement:
        return await arrangement.on_clip(app, job, req, address, _generate)
    live, seq = await app.live.current_context()
    clip = await target_clip(app, live, req.track, req.slot, address)
    track, slot = clip.reading.track, clip.reading.slot
    context = await scene_clips(app, live, slot, {track})
    job.report(0.05, f"{clip.where} and {len(context)} clip(s) of its scene read")
    bar = _bar_beats(live)
    own_bars = max(1, math.ceil(clip.length_beats / bar - 1e-6))  # whole bars the clip spans
    first, last = req.first_bar, req.last_bar
    if req.kind == "infill" and first is None:
        first, last = own_bars // 2 + 1, own_bars  # the clip's last half (a one-bar clip: that bar)
    if req.kind == "infill" and last is not None and last > own_bars:
        raise InvalidValue(
            f"bars {first}-{last} are out of range: {clip.where} has {own_bars} bars "
            f"(expected 1 <= from <= to <= {own_bars})"
        )
    result = await _generate(app, job, req, live, [c.part for c in context], clip=clip.part,
                             first_bar=first or 0, last_bar=last or 0, bars=req.bars)  # fmt: skip
    parent = await infill_record.parent_of(app, track, slot, clip.reading.notes)
    in_place = req.kind == "infill" or req.extend
    name = clip.reading.info.name or f"{clip.role} clip"
    length = float(result["length_beats"]) if in_place else req.bars * bar
    shift = 0.0 if in_place else (int(result["first_bar"]) - 1) * bar
    source = (track, slot, clip.reading.digest)  # Live refuses the write if the clip changed since
    expect = Expect(seq, req.track == -1 or req.slot == -1, source) if seq >= 0 else Expect()
    written = await _write_takes(
        app, job, req, live, result, clip.role, parent, (track, slot),
        [(ClipWrite(track, slot, length, name if in_place else f"{name} cont.", (), in_place), expect)], shift,
    )  # fmt: skip
    bars = f"bars {result['first_bar']}-{result['last_bar']}"
    if req.kind == "infill":
        done = f"infill of {clip.where}: {bars} rewritten in place ({written[0][2]} notes, one undo step)"
    elif req.extend:
        done = f"continue of {clip.where}: {req.bars} bars added in place ({bars}, {written[0][2]} notes)"
    else:
        done = f"continue of {clip.where}: {req.bars} new bars in {slot_at(written[0][0], written[0][1])}"
    return done + _more(written, result)


async def accompany(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(protocol.ACCOMPANY, args)
    await require_infill(req.model)
    if req.arrangement:
        return await arrangement.accompany(app, job, req, _generate)
    live, seq = await app.live.current_context()
    slot = live.selected_slot
    if slot < 0:
        raise InvalidValue(
            f"{protocol.ACCOMPANY} {req.part}: no scene is selected: select a slot of the scene"
        )
    track, num_tracks = await accompany_track(app, req.part)
    context = await scene_clips(app, live, slot, set() if track is None else {track})
    if not context:
        raise InvalidValue(
            f"{protocol.ACCOMPANY} {req.part}: scene {slot + 1} has no MIDI clip with notes on another track "
            "to play with: expected at least one"
        )
    job.report(
        0.05, f"{len(context)} clip(s) of scene {slot + 1} read: {', '.join(c.where for c in context)}"
    )
    result = await _generate(app, job, req, live, [c.part for c in context], part=req.part)
    made: list[NewTrack] = []  # the track made for the part: taken back if writing into it fails
    async with taken_back_on_failure(app, made, f"job {job.id} (accompany {req.part})"):
        if track is None:
            name = part_track.TRACK_NAMES[req.part]
            track = await app.live.create_tracks("midi", num_tracks - 1, [name])
            made.append(NewTrack(track, name))
            job.check_cancelled()  # a cancel that came while the track was made (it landed): take it back
        length = float(result["length_beats"])
        clip = ClipWrite(track, slot, length, f"{req.part} (MIDI-GPT)", (), False)
        written = await _write_takes(app, job, req, live, result, req.part, None, None,
                                     [(clip, Expect(seq) if seq >= 0 else Expect())], 0.0)  # fmt: skip
    t, s, count = written[0]
    return f"accompany: a {req.part} clip of {count} notes in {slot_at(t, s)}, from {_list(context)}" + _more(
        written, result
    )


def _list(clips: list[Clip]) -> str:
    return ", ".join(c.where for c in clips)


async def accompany_track(app: App, part: str) -> tuple[int | None, int]:
    """The track for a new ``part`` clip by the track rule (``place.track``), but never the selected
    track by default: it may hold the very clips accompanied. None: a new MIDI track is to be made
    (after the generation); also the number of tracks now."""
    tracks = await app.live.tracks()
    chosen = part_track.choose(part, tracks, await part_track.homes(app), selected=-1)
    return (None if chosen is None else chosen.track), len(tracks)


async def _generate(app: App, job: Job, req: InfillRequest, live: LiveContext, context: list[dict[str, Any]],
                    **kwargs: Any) -> dict[str, Any]:  # fmt: skip
    """Run MIDI-GPT in the model worker; its result (note rows per take, bars, seeds)."""
    result: dict[str, Any] = await get_worker(app).call(
        job, TARGET, mode=req.kind, model=req.model, context=context,
        signature=(live.signature_numerator, live.signature_denominator), density=req.density,
        complexity=req.complexity, seed=req.seed, variations=req.variations, quantize=quantize_choice(), **kwargs,
    )  # fmt: skip
    job.check_cancelled()
    ran = " ".join(filter(None, (result["device"], result.get("quantize"))))
    job.report(0.95, f"{len(result['takes'])} take(s) by MIDI-GPT ({result['tokens']} tokens, {ran})")
    return result


async def _write_takes(
    app: App,
    job: Job,
    req: InfillRequest,
    live: LiveContext,
    result: dict[str, Any],
    part: str,
    parent: str | None,
    source: tuple[int, int] | None,
    first: list[tuple[ClipWrite, Expect]],
    shift_beats: float,
) -> list[tuple[int, int, int]]:
    """Write every take (the first as ``first`` says, the others to the next empty slots below it);
    each is a take with ``parent``. Returns (track, slot, note count) per take."""
    clip, expect = first[0]
    ctx = _context(live)
    bars = (int(result["first_bar"]), int(result["last_bar"]))
    written: list[tuple[int, int, int]] = []
    for index, (rows, seed) in enumerate(zip(result["takes"], result["seeds"], strict=True)):
        notes = _shifted(notes_of(rows), shift_beats)
        if index == 0:
            this = ClipWrite(clip.track, clip.slot, clip.length_beats, clip.name, notes, clip.replace)
        else:  # a filled slot sends it on to the next empty one below
            slot = written[0][1]
            this = ClipWrite(written[0][0], slot, clip.length_beats, f"{clip.name} take {index + 1}", notes)
            expect = Expect()
        take = infill_record.draft(
            req, part, notes, seed=int(seed), ctx=ctx, parent=parent, source=source, bars=bars
        )
        try:
            landed = await write_recorded(app, job, take, app.live.write(this, expect=expect))
        except (StaleContext, StaleSource) as stale:
            raise LiveError(
                f"nothing written: {stale} while MIDI-GPT was writing ({req.kind} again to use what Live holds now)"
            ) from stale
        take.live = {
            "track": landed[0],
            "slot": landed[1],
            "length_beats": clip.length_beats,
            "note_count": landed[2],
        }
        infill_record.remember(app, job.id, part, landed, int(seed))
        written.append(landed)
    app.result(job.client, job.id, req.kind, _payload(req, result, written, parent))
    return written


def _shifted(notes: tuple[Note, ...], by: float) -> list[Note]:
    if not by:
        return list(notes)
    from dataclasses import replace

    return [replace(n, start_beats=round(n.start_beats - by, 6)) for n in notes if n.start_beats >= by - 1e-6]


def _payload(
    req: InfillRequest, result: dict[str, Any], written: list[tuple[int, int, int]], parent: str | None
) -> dict[str, Any]:
    takes = [{"track": t, "slot": s, "note_count": n, "seed": int(seed)}
             for (t, s, n), seed in zip(written, result["seeds"], strict=True)]  # fmt: skip
    first = takes[0]
    return {
        "track": first["track"],
        "slot": first["slot"],
        "first_bar": int(result["first_bar"]),
        "last_bar": int(result["last_bar"]),
        "length_beats": float(result["length_beats"]),
        "note_count": first["note_count"],
        "seed": first["seed"],
        "model": req.model,
        "device": result["device"],  # where MIDI-GPT ran, and "int8" when the daemon asked for it
        "quantize": result.get("quantize"),
        "parent_id": parent,
        "takes": takes,
    }


def _more(written: list[tuple[int, int, int]], result: dict[str, Any]) -> str:
    seeds = ", ".join(str(s) for s in result["seeds"])
    if len(written) == 1:
        return f" (seed {seeds})"
    where = "scenes " + ", ".join(str(s + 1) for _, s, _ in written[1:])
    return f"; {len(written) - 1} more take(s) in {where} (seeds {seeds})"
