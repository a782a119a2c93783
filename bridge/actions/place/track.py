"""The track rule: which track a part goes to when the request names none.

A part goes to the track that holds it: the track last written for that part in this Set (this
daemon's takes in this Set, else the take history's newest take of the part made in this Set, so a
restart keeps it; another Set's takes never say), else a
MIDI track whose name says the part, else the selected track when it is a MIDI track holding no
other part, else a new MIDI track named for the part. A track "holds" a part when its name says the
part, or MuseAroo wrote that part there and its name says no other part; a part is never put on a
track that holds another part unless the request names that track. ``Placed.said`` is what the done message says about it.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from bridge.actions.place.places import track_at
from bridge.app import App
from bridge.commands.spanish import unaccented
from bridge.live.client import LiveContext
from engines.errors import StoreError

SINGLE_PARTS = ("drums", "bass", "chords", "melody")
# words in a track's name that say its part; drums first ("Bass Drum" is a drum track)
PART_WORDS = {
    "drums": ("drum", "beat", "kit", "perc", "808"),
    "bass": ("bass",),
    "chords": ("keys", "chord", "piano", "pad"),
    "melody": ("lead", "melody"),
}
TRACK_NAMES = {"drums": "Drums", "bass": "Bass", "chords": "Chords", "melody": "Melody"}
LOOK_BACK = 10  # stored takes of a part searched for the newest one written into a track
NEW_TRACK_WAIT_S = 1.0  # how long the pushed context may take to show a track just made


@dataclass(frozen=True, slots=True)
class Placed:
    part: str
    track: int
    name: str
    why: str  # "named in the request", "last written for the part", "named for the part" ...

    @property
    def said(self) -> str:
        return f"{self.part} -> {track_at(self.track, self.name)} ({self.why})"


def said_name(name: str) -> str:
    """A track's name as a sentence says it: lower case, accents folded, words only ("Violão" and a
    typed "violao" are both "violao"; "1-MIDI" is "1 midi")."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", unaccented(name).lower()).split())


def tracks_named(names: list[str], name: str) -> list[int]:
    """The tracks whose name is the one said (``said_name`` of both), else those whose name holds it; "track 3"
    is Live's third track (where there is one), as a producer counts them."""
    wanted = said_name(name)
    if (number := re.fullmatch(r"track (\d+)", wanted)) and 1 <= int(number.group(1)) <= len(names):
        return [int(number.group(1)) - 1]
    found = [i for i, n in enumerate(names) if said_name(n) == wanted]
    return found or [i for i, n in enumerate(names) if wanted and wanted in said_name(n)]


def part_named(name: str) -> str | None:
    """The part a track's name says (whole words or parts of words, without case), or None."""
    low = name.lower()
    for part, words in PART_WORDS.items():
        if any(word in low for word in words):
            return part
    return None


def holders(tracks: list[tuple[str, bool]], homes: dict[str, int]) -> dict[int, str]:
    """track -> the part it holds: what its name says, else the part MuseAroo wrote there (a name that
    says another part wins: a track renamed, or a home remembered wrongly, never takes a part)."""
    held = {i: p for i, (name, _midi) in enumerate(tracks) if (p := part_named(name)) is not None}
    for part, track in homes.items():
        if 0 <= track < len(tracks) and held.get(track, part) == part:
            held[track] = part
    return held


def choose(part: str, tracks: list[tuple[str, bool]], homes: dict[str, int], selected: int) -> Placed | None:
    """The track for ``part`` by the rule; None: make a new MIDI track named for the part."""
    held = holders(tracks, homes)
    home = homes.get(part)
    if home is not None and 0 <= home < len(tracks) and tracks[home][1] and held.get(home) == part:
        return Placed(part, home, tracks[home][0], "last written for the part")
    for index, (name, midi) in enumerate(tracks):
        if midi and held.get(index) == part and part_named(name) == part:
            return Placed(part, index, name, "named for the part")
    if 0 <= selected < len(tracks) and tracks[selected][1] and held.get(selected, part) == part:
        return Placed(part, selected, tracks[selected][0], "the selected MIDI track, holding no other part")
    return None


def homes_now(app: App) -> dict[str, int]:
    """part -> the track this daemon last wrote it to (takes, newest last)."""
    homes: dict[str, int] = {}
    for take in app.song.takes:
        if take.get("part") in SINGLE_PARTS and "track" in take:
            homes[str(take["part"])] = int(take["track"])
    for part, settings in app.song.last_generate.items():
        if part in SINGLE_PARTS and part not in homes and "track" in settings:
            homes[part] = int(settings["track"])
    return homes


async def homes(app: App) -> dict[str, int]:
    """``homes_now``, with the take history's newest take of each part this daemon has not written."""
    found = homes_now(app)
    missing = [p for p in SINGLE_PARTS if p not in found]
    if missing and app.history is not None:
        try:
            found.update(await app.in_history(_stored_homes, app, missing))
        except StoreError:
            pass  # no history to read: this daemon's takes and the tracks' names still say
    return found


def _stored_homes(app: App, parts: list[str]) -> dict[str, int]:
    """part -> the track of its newest stored take that has one (a jam's takes have none)."""
    found = {}
    for part in parts:
        for summary in app.history.takes(part=part, limit=LOOK_BACK, set_id=app.set_id):
            track = app.history.get(summary.take_id).live.get("track")
            if track is not None:
                found[part] = int(track)
                break
    return found


async def place(app: App, part: str, live: LiveContext, track: int = -1) -> tuple[Placed, bool]:
    """Where ``part`` goes and whether a track was made for it (the request's ``track`` wins, asking
    Live nothing: its name is said when Live pushed it; the write checks the index)."""
    if track != -1:  # a vary, an adjust or a fork names the part's own track too: said as such
        known = getattr(app.live, "track_list", None) or []
        name = known[track][0] if 0 <= track < len(known) else ""
        own = homes_now(app).get(part) == track or (await homes(app)).get(part) == track
        return Placed(
            part, track, name, "last written for the part" if own else "named in the request"
        ), False
    tracks = await app.live.tracks()
    chosen = choose(part, tracks, await homes(app), live.selected_track)
    if chosen is not None:
        return chosen, False
    first = await app.live.create_tracks("midi", len(tracks) - 1, [TRACK_NAMES[part]])
    return Placed(part, first, TRACK_NAMES[part], "a new MIDI track for the part"), True


async def place_parts(
    app: App, parts: tuple[str, ...], selected: int, made: list[Placed] | None = None
) -> list[Placed]:
    """Each part's track by the rule, one after another (a part placed holds its track for the next
    ones); the missing tracks are made in one step at the end of the Set, named for their parts,
    and added to ``made`` (in the order of the Set)."""
    tracks = await app.live.tracks()
    found = await homes(app)
    placed: list[Placed] = []
    missing: list[str] = []
    for part in parts:
        chosen = choose(part, tracks, found, selected)
        if chosen is None:
            missing.append(part)
            continue
        placed.append(chosen)
        found[part] = chosen.track
    if missing:
        first = await app.live.create_tracks("midi", len(tracks) - 1, [TRACK_NAMES[p] for p in missing])
        for offset, part in enumerate(missing):
            new = Placed(part, first + offset, TRACK_NAMES[part], "a new MIDI track for the part")
            placed.append(new)
            if made is not None:
                made.append(new)
    return sorted(placed, key=lambda p: parts.index(p.part))


async def context_after_new_track(app: App, tracks_before: int) -> tuple[LiveContext, int]:
    """The context once Live pushed the new track (a query's, seq -1, when no push showed it)."""
    loop = asyncio.get_running_loop()
    end = loop.time() + NEW_TRACK_WAIT_S
    while loop.time() < end:
        live, seq = await app.live.current_context()
        if live.num_tracks > tracks_before:
            return live, seq
        await asyncio.sleep(0.01)
    return await app.live.context(), -1
