"""A typed change over a section, end to end: which tracks, which of their arrangement clips, the
notes inside the section changed, one write (one undo step), a take per clip.

The tracks: the part's by the track rule (``place.track``), a track named in the sentence, or, when
no part is said ("vary the chorus"), every MIDI track with an arrangement clip in the section (a
pitch move leaves the drum tracks out). Each clip the section touches is written again at its own
start and length with its own name (/roo/live/rewrite_arrangement_clips, all in one undo step),
holding every note it played: only the notes inside the section changed. The new clips cut the old
ones (Live's rule) and one undo brings them back. Each take records its track and start beat and is
filed under the take that was there. No clip of the part in the section: refused naming the
section, its bars and the track.
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.actions.clips.take import take_behind_at
from bridge.actions.generate.arrangement_all import all_recorded
from bridge.actions.place import track as part_track
from bridge.actions.place.places import arrangement_clip_at, track_at
from bridge.actions.sections import infill as fill
from bridge.actions.sections import notes as nt
from bridge.actions.sections import span as sp
from bridge.actions.sections import vary as vr
from bridge.actions.takes import midi_take, transform_part
from bridge.app import App
from bridge.commands import Intent
from bridge.commands.change_words import SIZED, amount_of
from bridge.commands.heard import heard_as
from bridge.commands.normalize import normalize
from bridge.commands.region_words import describe, section_of
from bridge.jobs.board import Job
from engines.errors import InvalidValue
from engines.music import MusicalContext, Note
from engines.symbolic.profile import profile

PITCH_KINDS = ("transpose", "invert", "revoice")  # not for a drum track when no part is said
DIALS = {("density", "up"): ("density", {"amount": 0.7}), ("density", "down"): ("density", {"amount": 0.3}),
         ("complexity", "up"): ("ornament", {}), ("complexity", "down"): ("density", {"amount": 0.3}),
         ("energy", "up"): ("velocity", {"amount": 0.75}), ("energy", "down"): ("velocity", {"amount": 0.25})}  # fmt: skip
NOT_OPTIONS = ("track", "slot", "replace", "arrangement", "seed")


def what(intent: Intent) -> tuple[str, dict[str, Any]]:
    """The transform kind and options the intent means over a section."""
    p = intent.params
    if intent.action in ("vary", "infill"):  # "redo the drums in the drop": made again by the generator
        return "vary", {"regenerate": 1} if p.get("regenerate") else {}
    if intent.action == "adjust":
        dial = DIALS.get((str(p.get("what")), str(p.get("direction"))))
        if dial is None:  # "fills every 4 bars in the chorus": the drums' fills are a whole part's
            raise InvalidValue(
                f"{intent.heard!r} over a section: expected a change of its notes (busier, simpler, louder, "
                "softer, a transform or a vary), e.g. 'make the drums busier in the chorus'"
            )
        return sized(dial, p.get("size"))
    if intent.action == "mixer":  # "mute the bass in the chorus": its notes there out
        return "clear", {}
    return str(p["kind"]), {
        k: v for k, v in p.items() if k in protocol.TRANSFORM_OPTIONS and k not in NOT_OPTIONS
    }


def sized(dial: tuple[str, dict[str, Any]], size: object) -> tuple[str, dict[str, Any]]:
    """A section's dial transform at the size said ("make the drums way busier in the chorus": density 0.85,
    as "a lot busier" of a clip; ``change_words.SIZED``); an ornament, or no size said, as it is."""
    kind, options = dial
    if size not in SIZED or "amount" not in options:
        return dial
    up = float(options["amount"]) > 0.5
    change = {"velocity": ("louder", "softer"), "density": ("busier", "simpler")}[kind][0 if up else 1]
    return kind, {**options, "amount": amount_of(change, str(size))}


async def targets(app: App, intent: Intent, kind: str) -> list[tuple[int, str, str | None]]:
    """(track, name, part) of each track the change is made on (part: the one it holds, if known)."""
    tracks = await app.live.tracks()
    name = intent.params.get("track_name")
    if name:
        found = part_track.tracks_named([n for n, _midi in tracks], str(name))  # accents folded, both sides
        if not found:
            raise InvalidValue(
                f"no track is named {name!r}: the tracks are {', '.join(n for n, _ in tracks)}"
            )
        return [(found[0], tracks[found[0]][0], intent.part)]
    if intent.part in part_track.SINGLE_PARTS:
        chosen = part_track.choose(intent.part, tracks, await part_track.homes(app), selected=-1)
        if chosen is None:
            raise InvalidValue(
                f"no track holds the {intent.part}: the tracks are {', '.join(n for n, _ in tracks)}; nothing was changed"
            )
        return [(chosen.track, chosen.name, intent.part)]
    held = part_track.holders(tracks, await part_track.homes(app))
    return [
        (i, n, held.get(i))
        for i, (n, midi) in enumerate(tracks)
        if midi and not (kind in PITCH_KINDS and held.get(i) == "drums")
    ]


async def change(app: App, job: Job, intent: Intent) -> str:
    region = intent.params["region"]
    kind, options = what(intent)
    said = describe(region)
    spans = await sp.spans(app, region, _example(intent))
    where = "; ".join(s.said for s in spans)
    bounds = [(s.start, s.end) for s in spans]
    chosen = await targets(app, intent, kind)
    spans_of = {t: await sp.clip_spans(app, t) for t, _n, _p in chosen}
    touched = {
        t: [(i, s, e) for i, (s, e) in enumerate(spans_of[t]) if any(s < hi and lo < e for lo, hi in bounds)]
        for t in spans_of
    }  # fmt: skip
    if not any(touched.values()):
        on = ", ".join(track_at(t, n) for t, n, _ in chosen) or "no MIDI track"
        whose = f"of the {intent.part} " if intent.part else ""
        session = (
            ""
            if any(spans_of.values())
            # a clip in the Session view has no sections
            else (
                f"; the track has no arrangement clips: for a clip in the Session view, which bars of it? "
                f"(e.g. '{_example(intent)}')"
            )
        )
        raise InvalidValue(
            f"no arrangement clip {whose}on {on} overlaps {said} ({where}): nothing was changed{session}"
        )
    if intent.action == "infill":  # MIDI-GPT: one clip of one track
        return await _infill(app, job, intent, spans, chosen, touched)
    live = await app.live.context()
    bar = spans[0].bar
    writes: list[tuple[int, float, float, str, list[Note]]] = []
    drafts = []
    told = []
    for track, name, part in chosen:
        for index, start, end in touched[track]:
            reading = await app.live.clip_read(track, index, arrangement=True)
            if reading.info.is_audio_clip:
                continue
            for span in spans:
                if span.start < end and start < span.end:  # a looping clip: every repeat would change
                    sp.refuse_repeats(reading.info, track, span)
            marker = float(reading.info.start_marker_beats)
            heard = nt.in_song_time(reading.notes, start, end, marker)
            mine = [(max(lo, start), min(hi, end)) for lo, hi in bounds if lo < end and start < hi]
            source = await take_behind_at(app, track, start, reading.notes)
            held = (part or _role(reading.notes), track, start - marker)
            make, how = await vr.maker(app, kind, options, held, source, live, bar)
            result, count = await app.run_cpu(nt.changed, heard, mine, make, job.id)
            written = nt.from_start(result, start, end)
            ctx = MusicalContext(tempo_bpm=float(live.tempo_bpm),
                                 signature=(live.signature_numerator, live.signature_denominator),
                                 bars=max(1, round((end - start) / bar)))  # fmt: skip
            role = transform_part(kind, held[0] or profile(written, end - start).role)
            params = {"kind": kind, "section": said, **options}
            draft = midi_take("transform", role, params=params, seed=job.id, ctx=ctx, live={}, notes=written,
                              engine=f"engines.transforms:{kind}")  # fmt: skip
            if source is not None:
                draft.parent_id = source.take_id
            writes.append(
                (track, start, end - start, reading.info.name or f"{role} {region['section']}", written)
            )
            drafts.append(draft)
            told.append(
                f"{arrangement_clip_at(track, start, live, name, reading.info.name)}: {count} notes in the "
                f"section ({how}), "
                f"{len(heard) - count} outside kept as they were, {len(written)} now"
            )
    if not writes:
        raise InvalidValue(f"the clips in {said} ({where}) are audio: a change of notes expected MIDI clips")
    landed = await all_recorded(app, job, drafts, app.live.rewrite_arrangement_clips(writes))
    for draft, (track, at, count), (_t, _s, length, _n, _w) in zip(drafts, landed, writes, strict=True):
        draft.live = {"track": track, "start_beats": at, "length_beats": length, "note_count": count}
    return f"{kind} over {said} ({where}): {'; '.join(told)}; one undo brings the clips back"


async def _infill(
    app: App,
    job: Job,
    intent: Intent,
    spans: list[sp.Span],
    chosen: list[tuple[int, str, str | None]],
    touched: dict[int, list[tuple[int, float, float]]],
) -> str:
    said = describe(intent.params["region"])
    chosen = [c for c in chosen if touched[c[0]]]
    if len(spans) != 1 or len(chosen) != 1:
        part = next((p for _t, _n, p in chosen if p), "bass")
        raise InvalidValue(
            f"infill over {said}: MIDI-GPT rewrites one section of one part at a time: expected e.g. "
            f"'infill the {part} in the {intent.params['region']['section']}'"
        )
    track = chosen[0][0]
    index, start, end = touched[track][0]
    info = (await app.live.clip_info_at(track, index, True))[2]
    sp.refuse_repeats(info, track, spans[0])
    args = fill.args_for(
        track, index, (start, end, float(info.start_marker_beats)), spans[0], (info.track_name, info.name)
    )
    return f"{said} ({spans[0].said}): {await fill.run(app, job, args)}"


def _role(notes: list[Note]) -> str | None:
    role = profile(notes, max((n.start_beats + n.duration_beats for n in notes), default=4.0)).role
    return role if role in part_track.SINGLE_PARTS else None


def _example(intent: Intent) -> str:
    """The sentence with bars in place of the section, for the question: a whole command the parser
    reads as the same change over those bars ("quantize the bass in bars 9 to 16"); a mute there is
    a clear, a fill the bar's fill, and a vary, which has no bars of its own, MIDI-GPT's new notes
    there ("infill the bass in bars 9 to 16")."""
    from bridge.commands.parser import parse  # the commands' parser, read for the question only

    s, _key, _model = normalize(heard_as(intent.heard)[0])  # as the readers read it (heard is as typed)
    found = section_of(s)
    rest = " ".join((found[1] if found else s).split())
    kind = intent.params.get("kind")
    whose = f"the {intent.part} " if intent.part else ""
    said = f"{rest} in bars 9 to 16"
    read = parse(said)
    same = intent.action == "adjust" or (read.action, read.params.get("kind")) == (intent.action, kind)
    if same and "from_bar" in read.params:  # a dial ("busier") is read over bars as its transform
        return said
    if intent.action == "mixer" or kind == "clear":
        return f"clear {whose or 'the notes '}in bars 9 to 16"
    if kind == "fill":
        return f"a {'drum' if intent.part in (None, 'drums') else intent.part} fill at bar 16"
    if intent.action == "transform":  # a change with no bars of its own in words: the part's bars asked
        return f"{kind} {whose}in bars 9 to 16"
    return f"infill {whose}in bars 9 to 16" if whose else "infill bars 9 to 16"
