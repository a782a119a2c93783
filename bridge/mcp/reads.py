"""What the Live tools read back: the whole song in one call (the ``song`` tool and resource), and
what a creating tool made (its index and name), so an assistant does not have to look for it.

Both are AbletonOSC reads through the tool's own client, after the action when there is one; a
track's part is the one its name says (``bridge.actions.place.track.part_named``: "Bass", "808
Drums"), as the track rule reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bridge.actions.place.track import part_named
from bridge.mcp.aosc import AbletonOSC
from engines.music import NOTE_NAMES

SONG_ABOUT = (
    "The whole song in one call: tempo (BPM), time signature, key and scale, whether it plays, the "
    "selection (track, scene), cue points (name, beat), and every track with its part (the one its name "
    "says: drums, bass, chords, melody, or null), its session clips (slot, name, length in beats) and its "
    "arrangement clips (name, start and length in beats)."
)


async def _value(live: AbletonOSC, address: str, *args: Any) -> Any:
    reply = await live.call(address, *args)
    return reply[0][len(args)] if reply and len(reply[0]) > len(args) else None


async def _list(live: AbletonOSC, address: str, *args: Any) -> list[Any]:
    reply = await live.call(address, *args)
    return list(reply[0][len(args) :]) if reply else []


async def song(live: AbletonOSC) -> dict[str, Any]:
    """Tempo, signature, key, selection, cue points and each track's part and clips, as Live holds them."""
    out: dict[str, Any] = {}
    for name in ("tempo", "signature_numerator", "signature_denominator", "root_note", "scale_name",
                 "is_playing", "num_scenes"):  # fmt: skip
        out[name] = await _value(live, f"/live/song/get/{name}")
    root = out["root_note"]
    out["key"] = f"{NOTE_NAMES[int(root) % 12]} {out['scale_name']}" if isinstance(root, int) else None
    names = await _list(live, "/live/song/get/track_names")
    out["track_names"] = names
    selected = await _list(live, "/live/view/get/selected_track")
    scene = await _list(live, "/live/view/get/selected_scene")
    out["selected"] = {"track": selected[0] if selected else None, "scene": scene[0] if scene else None}
    cues = await _list(live, "/live/song/get/cue_points")
    out["cue_points"] = [{"name": cues[i], "beats": cues[i + 1]} for i in range(0, len(cues) - 1, 2)]
    tracks = []
    for index, name in enumerate(names):
        clip_names = await _list(live, "/live/track/get/clips/name", index)
        lengths = await _list(live, "/live/track/get/clips/length", index)
        session = [{"slot": s, "name": n, "length_beats": ln}
                   for s, (n, ln) in enumerate(zip(clip_names, lengths, strict=False)) if ln is not None]  # fmt: skip
        arr = [await _list(live, f"/live/track/get/arrangement_clips/{p}", index)
               for p in ("name", "start_time", "length")]  # fmt: skip
        arrangement = [
            {"name": n, "start_beats": s, "length_beats": ln} for n, s, ln in zip(*arr, strict=False)
        ]
        tracks.append({"track": index, "name": name, "part": part_named(str(name)), "clips": session,
                       "arrangement_clips": arrangement})  # fmt: skip
    out["tracks"] = tracks
    return out


async def made(live: AbletonOSC, tool: str, values: Mapping[str, Any]) -> dict[str, Any] | None:
    """What a creating tool made, read back after it ran: its index and name (None: not a creator)."""
    if tool in ("live_create_midi_track", "live_create_audio_track", "live_duplicate_track"):
        names = await _list(live, "/live/song/get/track_names")
        at = values["track"] + 1 if "track" in values else values.get("index", -1)
        at = len(names) - 1 if at == -1 else at
        return {"track": at, "name": names[at] if 0 <= at < len(names) else None}
    if tool in ("live_create_scene", "live_duplicate_scene"):
        names = await _list(live, "/live/song/get/scene_names")
        at = values["scene"] + 1 if "scene" in values else values.get("index", -1)
        at = len(names) - 1 if at == -1 else at
        return {"scene": at, "name": names[at] if 0 <= at < len(names) else None}
    if tool == "live_create_return_track":
        count = await _value(live, "/live/song/get/num_return_tracks")
        at = int(count) - 1
        return {"return_track": at, "name": await _value(live, "/live/return_track/get/name", at)}
    if tool in ("live_create_clip", "live_duplicate_clip_to"):
        track, slot = (
            (values["to_track"], values["to_slot"])
            if "to_track" in values
            else (values["track"], values["slot"])
        )
        name = await _value(live, "/live/clip/get/name", track, slot)
        length = await _value(live, "/live/clip/get/length", track, slot)
        return {"track": track, "slot": slot, "name": name, "length_beats": length}
    return None
