"""Where a section lies: its beats in the Arrangement, read from Live's cue points.

A section is the cue point whose name is the section's ("Chorus", "chorus 2", "Pre-Chorus": case,
dashes and a number after the name do not matter; "chorus" is not "pre-chorus"); a cue named in another
tradition or tongue is its section's (``section_words.OTHER_NAMES``: "A-melo" a verse, "Sabi 2" the second
chorus, "Coda" the outro). ``nth`` picks the
nth such cue (-1 the last, 0 every one); "verse 2" finds a cue named "verse 2" first. A section runs
to the next cue point; the last one to the end of the arrangement's last clip. No such cue point:
the refusal asks which bars it is, naming the cue points there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bridge.actions.place.places import arrangement_clip_at, bar_at
from bridge.app import App
from bridge.commands.region_words import describe
from bridge.commands.section_words import OTHER_NAMES
from bridge.live.replies import ClipInfo
from engines.errors import InvalidValue, LiveError

MAX_CLIPS = 512  # arrangement clips read on one track


@dataclass(frozen=True, slots=True)
class Span:
    start: float  # beats
    end: float
    cue: str  # the cue point's own name
    bar: float  # beats per bar
    signature: tuple[int, int] = (4, 4)  # the song's, for its places as Live shows them

    @property
    def said(self) -> str:
        first, last = round(self.start / self.bar) + 1, round(self.end / self.bar)
        return f"cue point {self.cue!r}, bars {first} to {last}, beats {self.start:g} to {self.end:g}"


def words(name: str) -> list[str]:
    """A cue point's name as the parser's words: "Pre-Chorus 2" -> ["pre", "chorus", "2"]."""
    low = name.lower().replace("-", " ").replace("_", " ").replace("prechorus", "pre chorus")
    said = low.replace("buildup", "build up").replace("ã", "a").split()
    for size in (2, 1):  # "A-melo 2" -> ["verse", "2"]
        if " ".join(said[:size]) in OTHER_NAMES:
            return [*OTHER_NAMES[" ".join(said[:size])].split(), *said[size:]]
    return said


def _is(name: str, section: str) -> bool:
    said = section.split()
    return words(name)[: len(said)] == said


async def clip_spans(app: App, track: int) -> list[tuple[float, float]]:
    """(start, end) beats of each of the track's arrangement clips, by index (as clip_read counts)."""
    out = []
    for index in range(MAX_CLIPS):
        try:
            _, _, info = await app.live.clip_info_at(track, index, True)
        except LiveError as exc:
            if "out of range" in str(exc):  # past the track's last clip
                break
            raise
        start = float(info.start_time_beats)
        # where it ends in the Arrangement (a looping clip's loop repeats to there: its length is the loop's)
        end = float(info.end_time_beats) if info.end_time_beats > start else start + float(info.length_beats)
        out.append((start, end))
    return out


def refuse_repeats(info: ClipInfo, track: int, span: Span) -> None:
    """A looping arrangement clip whose loop plays more than once over its length: its notes are one
    loop's, so a change over the section would change every repeat. Refused, naming the clip, its loop
    and what to do (Live's API has no consolidate, and writing the repeats out as notes would lose the
    loop itself: an edit of it would no longer repeat)."""
    start, end = float(info.start_time_beats), float(info.end_time_beats)
    loop = float(info.loop_end_beats) - float(info.loop_start_beats)
    once = float(info.loop_end_beats) - float(info.start_marker_beats)  # clip beats played before it wraps
    if not info.looping or loop <= 0.0 or end - start <= once + 1e-6:
        return
    bars = f"{loop / span.bar:g} bar{'s' if loop != span.bar else ''}"
    raise InvalidValue(
        f"{span.said}: {arrangement_clip_at(track, start, span.signature, info.track_name, info.name)} (to "
        f"{bar_at(end, span.signature)}) loops "
        f"its {loop:g}-beat loop ({bars}) over and over, so a change there would change every repeat: nothing "
        "was changed. Consolidate the clip in Live (select it, Cmd/Ctrl+J) so each repeat is notes of its "
        "own, then say it again"
    )


async def spans(app: App, region: dict[str, Any], example: str) -> list[Span]:
    """The section's spans (several for "every chorus"); ``example`` is the sentence with bars for
    the question asked when the song has no such cue point."""
    live = await app.live.context()
    signature = (live.signature_numerator, live.signature_denominator)
    bar = signature[0] * 4.0 / signature[1]
    cues = await app.live.cues()
    said, section, nth = describe(region), str(region["section"]), int(region["nth"])
    named = [i for i, (_, name) in enumerate(cues) if _is(name, section)]
    exact = [i for i in named if nth > 0 and words(cues[i][1]) == [*section.split(), str(nth)]]
    if not named or (nth > len(named) and not exact):
        there = ", ".join(f"{name!r} at {bar_at(at, signature)}" for at, name in cues)
        where = (
            f"the Arrangement's cue points are {there}"
            if cues
            else "the Arrangement has no cue points (a song laid with replace 1 has them; a clip in the "
            "Session view has no sections)"
        )
        found = f"{len(named)} named {section!r}" if named else f"none named {section!r}"
        raise InvalidValue(f"{said}: {where}, {found}: which bars is it? (e.g. '{example}')")
    picked = named if nth == 0 else exact[:1] or [named[nth - 1] if nth > 0 else named[-1]]
    last_end = None
    out = []
    for index in picked:
        start = cues[index][0]
        if index + 1 < len(cues):
            end = cues[index + 1][0]
        else:
            last_end = last_end if last_end is not None else await _last_clip_end(app, live.num_tracks)
            end = last_end
        if end <= start:
            raise InvalidValue(
                f"{said}: cue point {cues[index][1]!r} at {bar_at(start, signature)} is the last one and no arrangement "
                f"clip ends after it, so where it ends is not known: which bars is it? (e.g. '{example}')"
            )
        out.append(Span(start, end, cues[index][1], bar, signature))
    return out


async def _last_clip_end(app: App, tracks: int) -> float:
    ends = [end for track in range(tracks) for _, end in await clip_spans(app, track)]
    return max(ends, default=0.0)
