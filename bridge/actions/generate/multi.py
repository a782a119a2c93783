"""/roo/generate all and song: several parts at once, `all` (one clip per part) and `song` (one scene
per section), in the song context ``bridge.actions.generate.context`` made.

Each part goes to its own track by the track rule (``bridge.actions.place.track``): the track last
written for it, else one named for it, else the selected MIDI track when it holds no part, else a
new MIDI track named for it; the done message says which and why. A job that fails or is cancelled
takes back the new tracks that are still empty (``bridge.actions.place.made``) and says so. A song's sections go to successive scenes from the
selected one, and each scene is named after its section; with replace 1 on Live 12.1.10+ the
sections are also written into the arrangement, one after another from beat 0.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict
from typing import Any

from bridge import protocol
from bridge.actions.generate.context import SongContext
from bridge.actions.generate.moves import write_moves
from bridge.actions.generate.part import followed
from bridge.actions.generate.request import GenerateRequest
from bridge.actions.place.made import taken_back_on_failure
from bridge.actions.place.places import slot_at
from bridge.actions.place.track import Placed, place_parts
from bridge.actions.takes import midi_take, write_recorded
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import ClipWrite
from engines import generators
from engines.automation import genre_moves
from engines.errors import InvalidValue, LiveError
from engines.generators import arrangement
from engines.music import MusicalContext, Note

PART_ORDER = ("drums", "bass", "chords", "melody")
ARRANGEMENT_SINCE = (12, 1, 10)  # Track.create_midi_clip


async def part_tracks(app: App) -> dict[str, int]:
    """Track index for each part by the track rule (``bridge.actions.place.track``), creating MIDI
    tracks named for the parts that have none."""
    return {p.part: p.track for p in await placed_parts(app)}


async def placed_parts(app: App, made: list[Placed] | None = None) -> list[Placed]:
    """Each part's track by the track rule, with why (a new MIDI track is made for each part without
    one, and added to ``made``)."""
    live = (await app.live.current_context())[0]
    return await place_parts(app, PART_ORDER, live.selected_track, made)


def said(placed: list[Placed]) -> str:
    return "tracks: " + ", ".join(p.said for p in placed)


async def ensure_scenes(app: App, needed: int) -> None:
    """Create scenes at the end until the Set has at least ``needed`` (no round trip when the
    pushed context says it has; a scene count pushed too late is put right by the answer)."""
    have = (await app.live.current_context())[0].num_scenes
    while needed > have:
        for _ in range(needed - have):
            app.live.send(protocol.SONG_CREATE_SCENE, -1)
        have = (await app.live.context()).num_scenes  # answered after them: the Remote Script keeps order


async def write_parts(
    app: App,
    job: Job,
    ctx: MusicalContext,
    parts: dict[str, list[Note]],
    tracks: dict[str, int],
    slot: int,
    replace: bool,
    label: str,
    span: tuple[float, float] = (0.4, 0.95),
    *,
    params: dict[str, Any],
    seed: int,
) -> list[str]:
    """Write each part's clip; progress moves from ``span[0]`` to ``span[1]`` (below the job's final 1)."""
    written = []
    low, high = span
    for i, part in enumerate(PART_ORDER):
        notes = parts.get(part, [])
        if not notes:
            continue
        job.check_cancelled()
        draft = midi_take("generate", part, params=params, seed=seed, ctx=ctx, live={}, notes=notes)
        write = app.live.write(
            ClipWrite(tracks[part], slot, ctx.length_beats, f"{part} {label}", notes, replace)
        )
        track, wrote_slot, count = await write_recorded(app, job, draft, write)
        draft.live = {
            "track": track,
            "slot": wrote_slot,
            "length_beats": ctx.length_beats,
            "note_count": count,
        }
        app.song.takes.append({"part": part, "track": track, "slot": wrote_slot, "seed": seed, "job": job.id})
        written.append(f"{part} {count} notes -> {slot_at(track, wrote_slot)}")
        job.report(low + (high - low) * (i + 1) / len(PART_ORDER), written[-1])
    return written


async def run(app: App, job: Job, req: GenerateRequest, song: SongContext, seed: int) -> str:
    """``all`` or ``song`` from the selected slot (or ``slot``), following the source clip's chords."""
    ctx, follow = await followed(app, req, song)
    slot = song.live.selected_slot if req.slot == -1 else req.slot
    if slot < 0:
        raise InvalidValue(f"slot {slot} is out of range: expected 0..{song.live.num_scenes - 1}")
    runner = run_all if req.part == "all" else run_song
    made: list[Placed] = []  # the tracks made for parts that had none: taken back if the job fails
    async with taken_back_on_failure(app, made, f"job {job.id} (generate {req.part})"):
        placed = await placed_parts(app, made)  # before any write: each part's own track
        told = await runner(app, job, ctx, slot, req, seed, {p.part: p.track for p in placed})
    return f"{told}; {said(placed)}" + (f"; {follow.summary}" if follow is not None else "")


async def run_all(
    app: App, job: Job, ctx: MusicalContext, slot: int, req: Any, seed: int, tracks: dict[str, int]
) -> str:
    parts = await app.run_cpu(_all_parts, ctx, req.density, req.complexity, seed)
    job.report(0.4, "parts generated")
    label = f"{ctx.genre} s{seed}"
    written = await write_parts(
        app, job, ctx, parts, tracks, slot, req.replace, label, params=_params(req), seed=seed
    )
    return f"all: {'; '.join(written)}"


async def run_song(
    app: App, job: Job, ctx: MusicalContext, slot: int, req: Any, seed: int, tracks: dict[str, int]
) -> str:
    """Sections into successive scenes: from ``slot`` with replace, else into new scenes at the end."""
    if req.automation:  # a genre preset whose automation is refused fails here, before any write
        genre_moves(ctx.genre)
    sections = await app.run_cpu(_song, ctx, req.density, req.complexity, seed)
    job.report(0.3, f"{len(sections)} sections planned")
    live = (await app.live.current_context())[0]  # pushed by Live: no round trip once it came
    if not req.replace:
        slot = live.num_scenes  # never over existing clips: new scenes
    await ensure_scenes(app, slot + len(sections))
    names = []
    # progress only rises: each section has its own share of 0.3..0.9; the arrangement the rest
    share = 0.6 / len(sections)
    for i, section in enumerate(sections):
        job.check_cancelled()
        scene = slot + i
        section_ctx = dataclasses.replace(ctx, bars=section.bars)  # the groove controls too
        span = (0.3 + share * i, 0.3 + share * (i + 0.9))
        params = {**_params(req), "section": section.name}
        label = f"{section.name} s{seed}"
        await write_parts(
            app,
            job,
            section_ctx,
            section.parts,
            tracks,
            scene,
            req.replace,
            label,
            span,
            params=params,
            seed=seed,
        )
        await app.live.name_scene(scene, section.name)
        names.append(f"{section.name} ({section.bars} bars)")
        job.report(0.3 + share * (i + 1), f"scene {scene}: {section.name}")
    moved = ""
    if req.automation:
        moved = await write_moves(app, job, ctx.genre, sections, tracks, first_scene=slot)
    arranged = await write_arrangement(app, job, ctx, sections, tracks, req.replace, seed, req.automation)
    scenes = f"{len(sections)} sections in scenes {slot}..{slot + len(sections) - 1}: {', '.join(names)}"
    return f"song: {scenes}; {arranged}" + (f"; {moved}" if moved else "")


async def write_arrangement(
    app: App,
    job: Job,
    ctx: MusicalContext,
    sections: list[arrangement.Section],
    tracks: dict[str, int],
    replace: bool,
    seed: int,
    automation: bool = True,
) -> str:
    """Each section's parts into the arrangement from beat 0, section after section (Live 12.1.10+).

    Only with replace: the Remote Script cannot tell where the arrangement ends, so without
    replace the arrangement is left alone. Returns what the done message says about it.
    """
    live = (await app.live.current_context())[0]
    if live.version_tuple < ARRANGEMENT_SINCE:
        return f"arrangement not written: Live {live.live_version} is older than 12.1.10 (scenes only)"
    if not replace:
        return "arrangement not written: with replace 0 it is left alone (use replace 1 to write from beat 0)"
    start_beats = 0.0
    cues: list[tuple[float, str]] = []
    starts: list[float] = []
    for section in sections:
        starts.append(start_beats)
        length_beats = section.bars * ctx.beats_per_bar
        cues.append((start_beats, section.name))
        for part in PART_ORDER:
            notes = section.parts.get(part, [])
            if notes:
                job.check_cancelled()
                section_ctx = dataclasses.replace(ctx, bars=section.bars)
                params = {"section": section.name, "arrangement": 1}
                draft = midi_take(
                    "generate", part, params=params, seed=seed, ctx=section_ctx, live={}, notes=notes
                )
                write = app.live.write_arrangement_clip(
                    tracks[part], start_beats, length_beats, f"{part} {section.name} s{seed}", notes, True
                )
                track, at_beats, count = await write_recorded(app, job, draft, write)
                draft.live = {
                    "track": track,
                    "start_beats": at_beats,
                    "length_beats": length_beats,
                    "note_count": count,
                }
        start_beats += length_beats
    try:  # a locator at each section, named for it: "the chorus" is then a place in the Set
        await app.live.set_cues(cues)
        placed = f", a cue point at each section ({', '.join(f'{name} {at:g}' for at, name in cues)})"
    except LiveError as exc:
        placed = f"; no cue points: {exc}"
    if automation:  # the moves' envelopes on the arrangement clips too (said once, with the scenes')
        await write_moves(app, job, ctx.genre, sections, tracks, starts=starts)
    return f"arrangement written from beat 0 to {start_beats:g}{placed}"


def _params(req: Any) -> dict[str, Any]:
    return {k: v for k, v in asdict(req).items() if k not in ("part", "seed")}


def _all_parts(ctx: MusicalContext, density: float, complexity: float, seed: int) -> dict[str, list[Note]]:
    return generators.generate_parts(ctx, density=density, complexity=complexity, seed=seed)


def _song(ctx: MusicalContext, density: float, complexity: float, seed: int) -> list[arrangement.Section]:
    return arrangement.plan_song(ctx, density=density, complexity=complexity, seed=seed)
