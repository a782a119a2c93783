"""A Live Set described as data (YAML or a dict); ``livesim.set_build`` builds it into a Song.

YAML keys (all optional; defaults give 120 BPM, 4/4, C Major, four MIDI and two audio tracks,
8 scenes)::

    tempo: 96                # BPM
    signature: 3/4
    root: A                  # note name or 0..11
    scale: Minor             # one of Live's scale names
    scale_mode: true         # Live's Scale Mode switch (12.0.5+; off by default)
    file_path: /Sets/Song.als  # where the Set was saved (Song.file_path)
    data: {musearoo.set_id: 3f2a9c}  # what scripts stored with Song.set_data
    scenes: 8                # a count, or a list of scene names
    selected_track: 0
    selected_scene: 0
    tracks:
      - {type: midi, name: Drums, clips: [{slot: 0, name: Beat, length: 4,
                                          notes: [[36, 0.0, 0.25, 110], [38, 1.0, 0.25, 100, 0]]}]}
      - {type: audio, name: Vocals, clips: [{slot: 0, file: vox.wav, warping: false,
                                           start_marker: 0.5, end_marker: 8}]}
      - {type: audio, name: Loop, clips: [{slot: 0, file: loop.wav,
                                         warp_markers: [[0, 0], [0.8, 2], [1.9, 3.5]],
                                         looping: true, loop_start: 1, loop_end: 3}]}
      - {type: audio, name: Take, arrangement: [{start: 16, file: take.wav, warping: false}]}

Notes are [pitch, start_beats, duration_beats, velocity=100, mute=0]; audio paths are relative
to the YAML file's folder. Warp markers are [sample_seconds, beats] pairs that replace the
clip's own; markers and loop are in beats when warped, in seconds of the file when not.
``arrangement`` lists a track's arrangement-view clips: the same keys, with ``start`` in place of
``slot``; a MIDI one looping less than its ``length`` repeats its loop to there (a dragged edge).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engines.errors import InvalidValue
from engines.music import NOTE_NAMES, parse_signature

NoteRow = tuple[int, float, float, int, int]


@dataclass(frozen=True)
class ClipDesc:
    slot: int  # session clips; arrangement clips use start
    name: str = ""
    length_beats: float = 4.0  # MIDI clips; audio clips take the file's length
    notes: tuple[NoteRow, ...] = ()
    file: str = ""  # an absolute path makes it an audio clip
    warping: bool = True
    start_marker: float | None = None
    end_marker: float | None = None
    warp_markers: tuple[tuple[float, float], ...] = ()  # (sample seconds, beats); () keeps Live's
    looping: bool | None = None
    loop_start: float | None = None
    loop_end: float | None = None
    start: float = 0.0  # arrangement clips: where the clip starts in the arrangement, in beats


@dataclass(frozen=True)
class TrackDesc:
    kind: str  # "midi" | "audio"
    name: str
    clips: tuple[ClipDesc, ...] = ()
    arrangement: tuple[ClipDesc, ...] = ()


def _default_tracks() -> tuple[TrackDesc, ...]:
    midi = tuple(TrackDesc("midi", f"{i}-MIDI") for i in range(1, 5))
    return (*midi, TrackDesc("audio", "5-Audio"), TrackDesc("audio", "6-Audio"))


@dataclass(frozen=True)
class SetDesc:
    tempo_bpm: float = 120.0
    signature: tuple[int, int] = (4, 4)
    root_note: int = 0
    scale_name: str = "Major"
    scale_mode: bool = False  # Live 12.0.5+'s Scale Mode switch (off in a new Set)
    tracks: tuple[TrackDesc, ...] = field(default_factory=_default_tracks)
    scene_names: tuple[str, ...] = ("",) * 8
    selected_track: int = 0
    selected_scene: int = 0
    return_tracks: tuple[str, ...] = ()  # names of the return tracks (each track gets one send per return)
    file_path: str = ""  # where the Set is saved (Song.file_path; "" for a Set never saved)
    data: tuple[tuple[str, str], ...] = ()  # what scripts stored with Song.set_data, saved with the Set


# Live's own default Set (2 MIDI, 2 audio tracks, 2 returns, 8 scenes): what AbletonOSC's suite expects
LIVE_DEFAULT_SET = SetDesc(
    tracks=(
        TrackDesc("midi", "1-MIDI"),
        TrackDesc("midi", "2-MIDI"),
        TrackDesc("audio", "3-Audio"),
        TrackDesc("audio", "4-Audio"),
    ),
    return_tracks=("A-Reverb", "B-Delay"),
)


def _keys(where: str, data: Any, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InvalidValue(f"{where}: expected a mapping, got {data!r}")
    unknown = set(data) - allowed
    if unknown:
        raise InvalidValue(f"{where}: unknown key(s) {sorted(unknown)}; expected some of {sorted(allowed)}")
    return data


def _data(data: Any) -> tuple[tuple[str, str], ...]:
    """The Set's stored script data: a mapping of text keys to text values."""
    if not isinstance(data, dict):
        raise InvalidValue(f"Set data: expected a mapping of keys to text, got {data!r}")
    return tuple((str(k), str(v)) for k, v in data.items())


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidValue(f"{name} {value!r}: expected true or false")


def _root(value: Any) -> int:
    if isinstance(value, int) and 0 <= value <= 11:
        return value
    names = {n.lower(): i for i, n in enumerate(NOTE_NAMES)} | {"db": 1, "eb": 3, "gb": 6, "ab": 8, "bb": 10}
    if isinstance(value, str) and value.strip().lower() in names:
        return names[value.strip().lower()]
    raise InvalidValue(f"root {value!r}: expected a note name (C, C#, Db ... B) or 0..11")


def _note(where: str, row: Any) -> NoteRow:
    if not isinstance(row, list | tuple) or not 3 <= len(row) <= 5:
        raise InvalidValue(
            f"{where}: note {row!r}: expected [pitch, start_beats, duration_beats, velocity?, mute?]"
        )
    full = [*row, *(100, 0)[len(row) - 3 :]]
    return (int(full[0]), float(full[1]), float(full[2]), int(full[3]), int(full[4]))


def _clip(where: str, data: Any, base_dir: Path, *, arranged: bool = False) -> ClipDesc:
    d = _keys(
        where,
        data,
        {"start" if arranged else "slot", "name", "length", "notes", "file", "warping", "start_marker"}
        | {"end_marker", "warp_markers", "looping", "loop_start", "loop_end"},
    )
    file = str(d.get("file", ""))
    if file and not Path(file).is_absolute():
        file = str((base_dir / file).resolve())
    return ClipDesc(
        slot=int(d.get("slot", 0)),
        name=str(d.get("name", "")),
        length_beats=float(d.get("length", 4.0)),
        notes=tuple(_note(where, row) for row in d.get("notes", ())),
        file=file,
        warping=bool(d.get("warping", True)),
        start_marker=None if d.get("start_marker") is None else float(d["start_marker"]),
        end_marker=None if d.get("end_marker") is None else float(d["end_marker"]),
        warp_markers=tuple(_marker(where, m) for m in d.get("warp_markers", ())),
        looping=None if d.get("looping") is None else bool(d["looping"]),
        loop_start=None if d.get("loop_start") is None else float(d["loop_start"]),
        loop_end=None if d.get("loop_end") is None else float(d["loop_end"]),
        start=float(d.get("start", 0.0)),
    )


def _marker(where: str, pair: Any) -> tuple[float, float]:
    if not isinstance(pair, list | tuple) or len(pair) != 2:
        raise InvalidValue(f"{where}: warp marker {pair!r}: expected [sample_seconds, beats]")
    return (float(pair[0]), float(pair[1]))


def _track(index: int, data: Any, base_dir: Path) -> TrackDesc:
    d = _keys(f"track {index}", data, {"type", "name", "clips", "arrangement"})
    kind = str(d.get("type", "midi"))
    if kind not in ("midi", "audio"):
        raise InvalidValue(f"track {index}: type {kind!r}: expected 'midi' or 'audio'")
    clips = tuple(_clip(f"track {index} clip {j}", c, base_dir) for j, c in enumerate(d.get("clips", ())))
    arranged = tuple(
        _clip(f"track {index} arrangement clip {j}", c, base_dir, arranged=True)
        for j, c in enumerate(d.get("arrangement", ()))
    )
    return TrackDesc(
        kind=kind,
        name=str(d.get("name", f"{index + 1}-{'MIDI' if kind == 'midi' else 'Audio'}")),
        clips=clips,
        arrangement=arranged,
    )


def parse_set(data: Any, base_dir: Path = Path(".")) -> SetDesc:
    """Check a Set description (the YAML's top-level mapping) and return it as values."""
    d = _keys(
        "Set",
        data if data is not None else {},
        {"tempo", "signature", "root", "scale", "scenes", "tracks", "selected_track", "selected_scene"}
        | {"file_path", "data", "scale_mode"},
    )
    scenes = d.get("scenes", 8)
    scene_names = ("",) * int(scenes) if isinstance(scenes, int) else tuple(str(s) for s in scenes)
    tracks = SetDesc().tracks
    if "tracks" in d:
        tracks = tuple(_track(i, t, base_dir) for i, t in enumerate(d["tracks"]))
    signature = d.get("signature", "4/4")
    return SetDesc(
        tempo_bpm=float(d.get("tempo", 120.0)),
        signature=(int(signature[0]), int(signature[1]))
        if isinstance(signature, list)
        else parse_signature(str(signature)),
        root_note=_root(d.get("root", 0)),
        scale_name=str(d.get("scale", "Major")),
        scale_mode=_flag("scale_mode", d.get("scale_mode", False)),
        tracks=tracks,
        scene_names=scene_names,
        selected_track=int(d.get("selected_track", 0)),
        selected_scene=int(d.get("selected_scene", 0)),
        file_path=str(d.get("file_path", "")),
        data=_data(d.get("data") or {}),
    )


def load_set(path: str | Path) -> SetDesc:
    """Read a Set description from a YAML file."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InvalidValue(f"Set file {str(path)!r}: cannot read it as YAML ({exc})") from exc
    return parse_set(data, path.parent)
