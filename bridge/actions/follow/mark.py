"""/roo/follow: mark the song's chord source, follow nothing, or say what parts follow now.

``/roo/follow TRACK SLOT`` marks that MIDI clip (-1 -1: the selected one) as the chord source a
harmonic part follows; ``/roo/follow none`` is the one press "follow nothing" (parts then follow
Live's key and the genre's progression, whatever is selected or analysed); ``/roo/follow auto``
goes back to the rule; ``/roo/follow`` alone says the current source. Each is answered with
``/roo/follow/state mode track slot text`` to the requester and every registered device; a bad
request on /roo/error. A generate's ``source_track``/``source_slot`` still wins over all of this.

The choice is kept in the Set (``Song.set_data`` through the Remote Script, key ``follow``), so it
comes back with the Set after a restart of the daemon or of Live, and each Set has its own:
``restore`` reads it whenever Live answers after not answering.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import Any

from bridge import protocol
from bridge.actions.clips.midi import midi_clip
from bridge.actions.follow.rule import following
from bridge.actions.options import whole_argument
from bridge.actions.place.places import slot_at
from bridge.app import App
from bridge.jobs.board import Address
from engines.errors import InvalidValue, RooError
from engines.music import MusicalContext

WORDS = ("none", "auto")
KEPT_AS = "follow"  # the Set's data key (the Remote Script prefixes "musearoo.")
log = logging.getLogger(__name__)


def handle(app: App, addr: Address, args: list[Any]) -> None:
    """Parse at once (a bad request is answered on /roo/error), then mark and answer."""
    request = parse(args)
    app.loop.create_task(_answer(app, addr, request))


def parse(args: list[Any]) -> str | tuple[int, int] | None:
    """None (say), "none", "auto" or (track, slot); errors name the bad value."""
    if not args:
        return None
    if len(args) == 1 and str(args[0]).strip().lower() in WORDS:
        return str(args[0]).strip().lower()
    if len(args) == 2 and all(isinstance(a, int) and not isinstance(a, bool) for a in args):
        track = whole_argument("track", args[0], what=protocol.FOLLOW)  # -1..INDEX_MAX, as the options
        return track, whole_argument("slot", args[1], what=protocol.FOLLOW)
    said = " ".join(str(a) for a in args)
    raise InvalidValue(
        f"{protocol.FOLLOW} {said!r}: expected TRACK SLOT (the chord source), none, auto or nothing"
    )


async def _answer(app: App, addr: Address, request: str | tuple[int, int] | None) -> None:
    try:
        state = await apply(app, request)
    except RooError as exc:
        app.broadcast(protocol.ERROR, [protocol.FOLLOW, str(exc)], also=addr)
        return
    app.broadcast(protocol.FOLLOW_STATE, list(state), also=addr)


async def apply(app: App, request: str | tuple[int, int] | None) -> tuple[str, int, int, str]:
    """Change what parts follow as asked; the state after it: (mode, track, slot, text)."""
    if request == "none":
        app.song.chord_source, app.song.follow_nothing = None, True
    elif request == "auto":
        app.song.chord_source, app.song.follow_nothing = None, False
    elif isinstance(request, tuple):
        live = await app.live.context()
        clip = await midi_clip(app, *request, address=protocol.FOLLOW, live=live)
        if not clip.notes:
            raise InvalidValue(f"{clip.where} holds no notes: a chord source needs a MIDI clip with notes")
        app.song.chord_source, app.song.follow_nothing = (clip.track, clip.slot), False
    if request is not None:
        await _keep(app)
    return await state(app)


async def _keep(app: App) -> None:
    """The choice into the Set; a Live that cannot keep it (an error) leaves it for this session only."""
    source = app.song.chord_source
    value = {"chord_source": list(source) if source else None, "follow_nothing": app.song.follow_nothing}
    try:
        await app.live.set_data(KEPT_AS, json.dumps(value))
    except RooError as exc:
        log.warning("the follow choice holds until the daemon stops, not kept in the Set: %s", exc)


async def restore(app: App) -> None:
    """The follow choice the Set keeps (none kept: the rule); a value that cannot be read is logged
    and the rule goes on."""
    try:
        text = await app.live.get_data(KEPT_AS)
    except RooError as exc:
        log.warning("the Set's follow choice cannot be read: %s", exc)
        return
    source, nothing = None, False
    if text:
        try:
            value = json.loads(text)
            kept = value.get("chord_source")
            source = (int(kept[0]), int(kept[1])) if kept is not None else None
            nothing = bool(value.get("follow_nothing", False))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            log.warning("the Set's follow choice %r is not readable (%s): the rule goes on", text, exc)
            source, nothing = None, False
    app.song.chord_source, app.song.follow_nothing = source, nothing


async def state(app: App) -> tuple[str, int, int, str]:
    """What a harmonic part follows now, as FOLLOW_STATE says it."""
    if app.song.follow_nothing:
        return "none", -1, -1, "follow nothing: Live's key and the genre's progression"
    if app.song.chord_source is not None:
        track, slot = app.song.chord_source
        live = await app.live.context()
        try:
            clip = await midi_clip(app, track, slot, address=protocol.FOLLOW, live=live)
        except (InvalidValue, RooError):
            return "clip", track, slot, f"chord source {slot_at(track, slot)}: gone (the rule goes on)"
        _ctx, follow = await app.run_cpu(_describe, replace(clip, chosen="marked"))
        return "clip", track, slot, f"chord source: {follow.summary.removeprefix('following ')}"
    if app.song.chords:
        return (
            "auto",
            -1,
            -1,
            f"following the analysed chords of {app.song.chords_source or 'the last analysis'}",
        )
    return "auto", -1, -1, "following a chord or bass clip when selected, else Live's key and the genre"


def _describe(clip: Any) -> Any:
    """The marked clip as a chords part would follow it (CPU: off the loop)."""
    return following(MusicalContext(), clip, key_given=False, part="chords")
