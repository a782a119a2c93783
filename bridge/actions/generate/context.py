"""/roo/generate's second step: the request in the song, and what its write will expect of Live.

Explicit options win over Live's context and anything analysed, which win over defaults
(``musical_context``): analysed chords are followed only while they still hold
(``bridge.actions.analyze.held``) and not when the request gives another key. The
part goes to the request's track and slot or Live's selection (``target``). Its source clip, a
MIDI clip whose chords it follows, is the one ``source_track``/``source_slot`` name, or the
selected MIDI clip (``source_clip``; following it is ``bridge.actions.follow.rule``). The write then
expects of Live the pushed context version the part was made for, the selection if it picked the
slot, and the source clip as it was read (``expects``), so Live refuses it when any changed.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from typing import Any

from bridge import protocol
from bridge.actions.analyze.held import still_held
from bridge.actions.clips.midi import MidiClip, empty_selected, midi_clip, selected_midi_clip
from bridge.actions.clips.take import take_behind
from bridge.actions.generate.request import GenerateRequest
from bridge.actions.place.track import Placed, context_after_new_track, place
from bridge.actions.transcribe.follow import heard_clip
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import Expect, LiveContext
from engines.errors import InvalidValue, LiveError
from engines.music import SCALES, Chord, Key, MusicalContext, parse_key, scale_named

SEVERAL = ("all", "song")  # the parts written by bridge.actions.generate.multi, one clip or scene per part


@dataclass(frozen=True, slots=True)
class SongContext:
    """A generate's request in the song as Live holds it now."""

    live: LiveContext
    seq: int  # the pushed context version (-1: it came from a query, and the write checks nothing)
    where: tuple[int, int]  # the target (track, slot); (-1, -1) for all and song
    ctx: MusicalContext  # the request merged with Live's context (a source's chords come with the part)
    source: MidiClip | None  # the clip the part follows, or None
    placed: str = ""  # what the done message says of the track: "bass -> track 2 'Bass' (named for the part)"
    source_take: Any = None  # the take the source clip is (its key and chords are kept), or None
    unfollowed: str = ""  # why the analysed chords are not followed (the done message says it), or ""


async def song_context(
    app: App, req: GenerateRequest, live: LiveContext, seq: int, made: list[Placed] | None = None,
    job: Job | None = None,
) -> SongContext:  # fmt: skip
    """The source clip, the part's track (``bridge.actions.place.track``; a new one is made when the
    rule says so, and added to ``made`` at once, so a failure after it can take it back), the target
    slot and the merged context, in that order (errors in that order).

    A source clip read for an earlier request may serve when the write checks it (a pushed context)."""
    single = req.part not in SEVERAL
    source = await source_clip(
        app, req, live, cached=seq >= 0 and single, job=job
    )  # before a new track moves
    placed = ""  # Live's selection onto itself
    if single:
        where, new_track = await place(app, req.part, live, req.track)
        if new_track:  # Live's context moved on (the track list; a selection made meanwhile): read again
            if made is not None:
                made.append(where)
            live, seq = await context_after_new_track(app, live.num_tracks)
            source = await source_clip(app, req, live, cached=seq >= 0, job=job)
        req, placed = replace(req, track=where.track), where.said
    at = target(req, live) if single else (-1, -1)
    behind = None
    if single and source is not None and source.notes:  # a take followed keeps what it was made over
        behind = await take_behind(app, source.track, source.slot, source.notes)
    chords, unfollowed = await still_held(app, live)
    ctx = musical_context(req, live, app, chords)
    if app.song.chords and not ctx.chords and not unfollowed and req.key is not None:
        unfollowed = (
            f" (the analysed chords of {app.song.chords_source} not followed: the key {ctx.key} was given)"
        )
    return SongContext(live, seq, at, ctx, source, placed, behind, unfollowed)


def musical_context(
    req: GenerateRequest, live: LiveContext, app: App, chords: tuple[Chord, ...] | None = None
) -> MusicalContext:
    """Merge the request with Live's context: explicit options win, then Live, then defaults.

    ``chords``: the analysed chords that still hold (None: the Set's, unchecked); a key given that is
    not the key they were analysed in drops them (the request's key wins over the analysis).

    Live's scale is followed by name (every Live 12 scale); one the generators do not know is
    refused with its name, except for drums, which do not depend on the key.
    """
    if req.key is not None:
        key = parse_key(req.key)
    elif scale_named(live.scale_name) is not None:
        key = Key(live.root_note % 12, str(scale_named(live.scale_name)))
    elif req.part == "drums":
        key = Key(live.root_note % 12, "Major")  # drums do not read the key
    else:
        raise InvalidValue(
            f"Live's scale {live.scale_name!r} is not one the generators can follow: expected one of "
            f"Live 12's scales ({', '.join(SCALES)}), or give a key, e.g. key 'E Hirajoshi'"
        )
    ctx = MusicalContext(
        tempo_bpm=float(live.tempo_bpm),
        signature=(int(live.signature_numerator), int(live.signature_denominator)),
        key=key,
        bars=req.bars,
        chords=() if getattr(app.song, "follow_nothing", False) else _analysed(req, app, chords, key),
        feel=req.feel,
    )
    return replace(ctx, genre=req.genre) if req.genre is not None else ctx


def _analysed(
    req: GenerateRequest, app: App, chords: tuple[Chord, ...] | None, key: Key
) -> tuple[Chord, ...]:
    """The analysed chords a part follows: none when the request gives a key they were not analysed in
    (its relative key is the same notes: kept)."""
    found = app.song.chords if chords is None else chords
    if found and req.key is not None and _analysed_key(app) != key.pitch_classes:
        return ()
    return found


def _analysed_key(app: App) -> frozenset[int]:
    """The pitch classes of the key the chords were analysed in (none when it is not known)."""
    came = getattr(app.song, "chords_clip", None)
    try:
        return parse_key(came[5]).pitch_classes if came is not None else frozenset()
    except InvalidValue:
        return frozenset()


def target(req: GenerateRequest, live: LiveContext) -> tuple[int, int]:
    """The (track, slot) the part goes to: the request's, or Live's selection for -1."""
    track = live.selected_track if req.track == -1 else req.track
    slot = live.selected_slot if req.slot == -1 else req.slot
    if not 0 <= track < live.num_tracks:
        raise InvalidValue(
            f"track {track} is out of range: the Set has {live.num_tracks} tracks (0..{live.num_tracks - 1})"
        )
    if slot < 0:
        raise InvalidValue(
            f"slot {slot} is out of range: expected 0..{live.num_scenes - 1} (no slot is selected)"
        )
    return track, slot


async def source_clip(
    app: App, req: object, live: LiveContext, *, cached: bool = False, job: Job | None = None
) -> MidiClip | None:
    """The clip a part may follow (the follow rule, docs/protocol.md; ``bridge.actions.follow.rule`` then
    takes from it only what its role fits): the named source clip (errors name it); else nothing
    after /roo/follow none; else, for a part with harmony, the marked chord source; else the
    selected MIDI clip; or None.

    cached: a reading kept from an earlier request may answer, for a write that checks it in Live. With
    a ``job``, a named audio clip is followed by the notes heard in it (``transcribe.follow``)."""
    track = getattr(req, "source_track", None)
    slot = getattr(req, "source_slot", None)
    if track is not None or slot is not None:
        if job is not None:
            heard = await heard_clip(app, job, -1 if track is None else track, -1 if slot is None else slot, live,
                                     str(getattr(req, "part", "")), cached=cached)  # fmt: skip
            if heard is not None:
                return heard
        clip = await midi_clip(app, -1 if track is None else track, -1 if slot is None else slot,
                               address=protocol.GENERATE, live=live, cached=cached)  # fmt: skip
        return dataclasses.replace(clip, chosen="named")
    if getattr(app.song, "follow_nothing", False):
        return None
    marked = getattr(app.song, "chord_source", None)
    if marked is not None and getattr(req, "part", "") != "drums":
        try:
            marked_clip = await midi_clip(app, *marked, address=protocol.FOLLOW, live=live, cached=cached)
        except (InvalidValue, LiveError):
            marked_clip = None  # the marked clip is gone: the rule goes on to the selection
        if marked_clip is not None and marked_clip.notes:
            return dataclasses.replace(marked_clip, chosen="marked")
    return await selected_midi_clip(app, live, cached=cached)


def expects(app: App, req: GenerateRequest, song: SongContext) -> Expect:
    """What the write of a part made in ``song`` expects of Live: the context version it was made
    for, the selection when it picked the slot (a source clip picked by the selection is the pushed
    context's: a selection made within the same Live tick as the request is seen by the next one),
    and the source: the clip read (its digest), or the selected slot the pushed fill state says is
    empty (digest ""), so a clip put there meanwhile is then followed."""
    if song.seq < 0:
        return Expect()  # Live has pushed nothing yet: the context came from a query
    follows = req.track == -1 or req.slot == -1
    return Expect(song.seq, follows, _source_checks(app, req, song.live, song.source))


def _source_checks(
    app: App, req: GenerateRequest, live: LiveContext, source: MidiClip | None
) -> tuple[int, int, str] | None:
    if source is not None:
        return source.source
    named = req.source_track is not None or req.source_slot is not None
    empty = None if named else empty_selected(app, live)
    return (*empty, "") if empty is not None else None
