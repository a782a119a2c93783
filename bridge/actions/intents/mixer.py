"""Live's track switches from a sentence (issue 44): "mute the drums", "unmute the strings", "solo the
bass", "unmute everything". The track is the part's (the one this daemon last wrote it on, else a
track named like the part) or a track named in Live; the switch is the common grammar's
/live/track/set/mute|solo, the whole track (a voice or a place of a clip is a transform instead).
"""

from __future__ import annotations

from bridge import protocol
from bridge.actions.intents.clip import last_written
from bridge.actions.place.places import track_at
from bridge.actions.place.track import tracks_named
from bridge.app import App
from bridge.commands import Intent
from bridge.jobs.board import Job
from engines.errors import InvalidValue

SWITCHES = {"mute": ("mute", 1), "unmute": ("mute", 0), "solo": ("solo", 1), "unsolo": ("solo", 0)}
PART_NAMES = {"drums": ("drum", "beat", "kit", "perc"), "bass": ("bass",), "chords": ("chord", "keys", "harmony"),
              "melody": ("melody", "lead", "hook")}  # fmt: skip


async def tracks_of(app: App, intent: Intent) -> tuple[list[int], list[str]]:
    """The track indexes a mixer intent names, and every track's name (for the message)."""
    names = [str(n) for n in await app.live.query(protocol.SONG_GET + "track_names")]
    if intent.part == "all":
        return list(range(len(names))), names
    if intent.part is not None:
        if (where := last_written(app, intent.part)) is not None:
            return [where[0]], names
        words = PART_NAMES.get(intent.part, (intent.part,))
        found = [i for i, n in enumerate(names) if any(w in n.lower() for w in words)]
    else:
        found = tracks_named(names, str(intent.params.get("track_name", "")))  # "mute track 3": the third
    if not found:
        said = intent.part or repr(intent.params.get("track_name"))
        raise InvalidValue(
            f"no track for {said}: the tracks are {', '.join(repr(n) for n in names) or 'none'}"
        )
    return found, names


async def mixer(app: App, job: Job, intent: Intent) -> str:
    do = str(intent.params["do"])
    if do not in SWITCHES:
        raise InvalidValue(f"mixer {do!r} is not known: expected one of {', '.join(SWITCHES)}")
    prop, value = SWITCHES[do]
    tracks, names = await tracks_of(app, intent)
    for track in tracks:
        app.live.send(protocol.TRACK_SET_MUTE if prop == "mute" else protocol.TRACK_SET_SOLO, track, value)
    await app.live.query(protocol.SONG_GET + "is_playing")  # Live handles the sends first, in order
    return f"{do}d " + ", ".join(track_at(t, names[t]) for t in tracks)
