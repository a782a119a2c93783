"""/roo/automate: a shaped clip envelope in one undo step, or one cleared.

Live names the clip and the parameter (``LiveClient.envelope_target``: a session slot, or the
arrangement clip under ``at``; a device by name or class, its parameter by name; the mixer's
volume, pan and sends); ``from``/``to`` must lie in the parameter's own range (defaults: its min
and max, high to low for a fall or a dip); the region runs from the clip's start (or ``at``) for
``bars`` bars, or to the clip's end (``last_bars``: the last bars, ending at the clip's end).
``engines.automation`` shapes the steps; a region that is the
whole clip replaces the parameter's envelope there, a part of a clip keeps the rest of it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bridge import protocol
from bridge.actions.automate import kept
from bridge.actions.automate.request import AutomateRequest, parse_request
from bridge.actions.place.places import Signed, arrangement_clip_at, bar_at, slot_at, track_at
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.envelopes import EnvelopeTarget
from engines.automation import Drawn, default_ends, envelope_steps
from engines.errors import InvalidValue

# Devices the typed and spoken sweeps name (bridge/commands/automate_words.py): one the track lacks
# is inserted at the end of its chain (Live 12.3+) and the answer says so; any other missing
# device is refused, naming the track's devices
INSERTED = ("auto filter",)


def _ends(req: AutomateRequest, target: EnvelopeTarget) -> tuple[float, float]:
    assert req.shape is not None
    start, end = default_ends(req.shape, target.low, target.high)
    start = start if req.start is None else req.start
    end = end if req.end is None else req.end
    for name, value in (("from", start), ("to", end)):
        if not target.low <= value <= target.high:
            raise InvalidValue(
                f"{name} {value:g} is out of range for {target.device} {target.parameter!r}: expected "
                f"{target.low:g}..{target.high:g} (the parameter's own range)"
            )
    return start, end


async def _where(app: App, target: EnvelopeTarget, at: float | None, live: Signed) -> str:
    """The clip as Live shows it (``places``): its slot, or its track, its name and the bar it starts at,
    and where the region starts when that is inside it ("..., the clip 'Take' at bar 1.1, from bar 3.1")."""
    if at is None:
        return slot_at(target.track, target.slot)
    _, _, info = await app.live.clip_info_at(target.track, target.slot, True)  # its names: one round trip
    clip = arrangement_clip_at(target.track, target.clip_start_beats, live, info.track_name, info.name)
    return clip if abs(at - target.clip_start_beats) < 1e-6 else f"{clip}, from {bar_at(at, live)}"


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    live = await app.live.context()
    slot = -1 if req.at is not None else (req.slot if req.slot is not None else max(live.selected_slot, 0))
    at = -1.0 if req.at is None else req.at
    if req.shape is None:
        # the clip (and the parameter, when named) as Live names them: what the take keeps is cleared too
        named = (req.device, req.parameter) if req.parameter else ("mixer", "volume")
        target = await app.live.envelope_target(req.track, slot, at, *named)
        had = await app.live.clear_envelope(req.track, slot, at, req.device, req.parameter)
        what = f"{req.device} {req.parameter!r}" if req.parameter else "every envelope"
        named_as = kept.name_of(target, req.parameter)
        target = (
            replace(target, parameter=named_as) if req.parameter else replace(target, device="", parameter="")
        )
        told = await kept.keep(app, target, req.at is not None, None)
        return f"cleared {what} on {track_at(req.track)}" + ("" if had else " (there was none)") + told
    insert = req.device.strip().lower() in INSERTED  # a filter sweep on a track without Auto Filter
    target = await app.live.envelope_target(req.track, slot, at, req.device, req.parameter, insert=insert)
    offset = 0.0 if req.at is None else req.at - target.clip_start_beats
    room = target.clip_length_beats - offset
    bar_beats = live.signature_numerator * 4.0 / live.signature_denominator
    length = room if req.bars is None else req.bars * bar_beats
    if length > room + 1e-6:
        raise InvalidValue(
            f"{'last_bars' if req.from_end else 'bars'} {req.bars} ({length:g} beats) do not fit the clip: {room:g} beats from the region's "
            f"start to its end (make the clip longer or ask for fewer bars)"
        )
    start, end = _ends(req, target)
    shift = room - length if req.from_end else 0.0  # last_bars: the region ends where the clip ends
    steps = await app.run_cpu(
        lambda: envelope_steps(req.shape or "", length, start, end, rate_beats=req.rate, curve=req.curve,
                               quantized=target.quantized)
    )  # fmt: skip
    steps = [replace(s, time_beats=s.time_beats + shift) for s in steps] if shift else steps
    offset += shift
    whole = offset == 0.0 and abs(length - target.clip_length_beats) < 1e-6
    count = await app.live.write_envelope(req.track, slot, at, req.device, req.parameter, steps, clear=whole)
    drawn = Drawn(target.device, kept.name_of(target, req.parameter), req.shape or "", start, end, target.low, target.high,
                  offset, length, req.rate, req.curve, target.quantized)  # fmt: skip
    told = await kept.keep(app, target, req.at is not None, drawn)
    result = dict(zip(protocol.AUTOMATE_RESULT_FIELDS, (target.track, target.slot, req.at or 0.0, target.device,
                  target.parameter, req.shape, count, start, end), strict=True))  # fmt: skip
    app.result(job.client, job.id, "automate", result)
    added = (
        f"{target.device} inserted on {track_at(target.track)} (it had none; one more undo takes it out); "
        if target.inserted
        else ""
    )
    ending = f", the clip's last {length:g} beats from beat {offset:g}" if req.from_end else ""
    where = await _where(app, target, req.at, live)
    return (
        f"{added}{target.device} {target.parameter!r} on {where}: {req.shape} {start:g} to "
        f"{end:g} over {length:g} beats{ending} ({count} steps); one undo takes it back{told}"
    )
