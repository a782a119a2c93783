"""The Live tools: one row per AbletonOSC request an assistant may send, through MuseAroo's Remote Script.

A row names its address (``{property}`` filled from the call), its inputs in the order the
address takes them, what it does to the Set (``read``, ``write``, ``delete``: the tool's
annotations) and how its reply reads (``value``: what follows the indices; ``notes``; ``columns``:
several per-item lists side by side; ``last``: an action then a read, the read's values named;
``record``: one value per address, named after it). Properties are AbletonOSC's (docs/protocol.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bridge.actions.options import INDEX_MAX
from engines.errors import InvalidValue

NUMBER = {"type": "integer", "minimum": 0, "maximum": INDEX_MAX}  # an index as OSC carries it (int32)
VALUE = {
    "type": ["number", "string", "boolean"],
    "description": "the new value in the property's own type and units (the tool's description lists them): "
    "a number (volume 0..1, panning -1..1, tempo in BPM ...), a string (name), or true/false (mute, solo, "
    "arm, looping ...)",
}
SONG_READ = ("tempo", "signature_numerator", "signature_denominator", "root_note", "scale_name", "is_playing",
             "current_song_time", "loop", "loop_start", "loop_length", "punch_in", "punch_out", "metronome",
             "clip_trigger_quantization", "midi_recording_quantization", "record_mode", "session_record",
             "arrangement_overdub", "groove_amount", "swing_amount", "song_length", "can_undo", "can_redo",
             "num_tracks", "num_scenes", "num_return_tracks", "track_names", "scene_names", "cue_points",
             "back_to_arranger", "nudge_down", "nudge_up", "is_ableton_link_enabled", "session_record_status")  # fmt: skip
SONG_WRITE = tuple(n for n in SONG_READ if not n.startswith(("num_", "can_", "is_playing", "song_length"))
                   and n not in ("track_names", "scene_names", "cue_points", "session_record_status"))  # fmt: skip
TRACK_WRITE = ("name", "color", "color_index", "mute", "solo", "arm", "volume", "panning",
               "current_monitoring_state", "fold_state", "crossfade_assign")  # fmt: skip
MAIN = ("volume", "panning", "crossfader", "cue_volume")
RETURN = ("name", "color", "mute", "solo", "volume", "panning")
TRACK_READ = (*TRACK_WRITE, "can_be_armed", "is_foldable", "is_grouped", "is_visible", "has_midi_input",
              "has_audio_input", "playing_slot_index", "fired_slot_index", "output_meter_level", "num_devices",
              "is_frozen", "can_be_frozen")  # fmt: skip
CLIP_WRITE = ("name", "color", "color_index", "looping", "loop_start", "loop_end", "start_marker", "end_marker",
              "muted", "gain", "pitch_coarse", "pitch_fine", "warping", "warp_mode", "launch_mode",
              "launch_quantization", "legato", "velocity_amount", "position", "ram_mode")  # fmt: skip
CLIP_READ = (*CLIP_WRITE, "length", "file_path", "is_midi_clip", "is_audio_clip", "is_playing", "start_time",
             "end_time", "playing_position", "sample_length", "has_groove")  # fmt: skip
SLOT_READ = ("has_clip", "is_playing", "is_triggered", "is_recording", "playing_status", "has_stop_button")
SCENE_WRITE = ("name", "color", "color_index", "tempo", "tempo_enabled", "time_signature_numerator",
               "time_signature_denominator", "time_signature_enabled")  # fmt: skip
SCENE_READ = (*SCENE_WRITE, "is_empty", "is_triggered")
DEVICE_READ = ("name", "class_name", "type", "is_active", "num_parameters")
SONG_ACTIONS = ("start_playing", "stop_playing", "continue_playing", "stop_all_clips", "tap_tempo",
                "capture_midi", "capture_and_insert_scene", "trigger_session_record", "jump_to_next_cue",
                "jump_to_prev_cue", "re_enable_automation", "force_link_beat_time")  # fmt: skip
VIEW = ("selected_track", "selected_scene", "selected_clip", "selected_device")
CHAIN = ("name", "mute", "solo")
PAD = ("mute", "solo")
ROUTES = ("input_routing_type", "input_routing_channel", "output_routing_type", "output_routing_channel")


def _index(what: str) -> dict[str, Any]:
    return {**NUMBER, "description": f"{what} index from 0"}


def _choice(about: str, names: tuple[str, ...]) -> dict[str, Any]:
    return {"type": "string", "enum": list(names), "description": about}


TRACK, SLOT, SCENE = _index("track"), _index("clip slot (scene)"), _index("scene")
DEVICE, PARAM = _index("device (on the track)"), _index("parameter (on the device)")
NOTES = {
    "type": "array",
    "description": "notes: pitch 0..127, start_beats and duration_beats from the clip start, velocity 1..127",
    "items": {
        "type": "object",
        "properties": {
            "pitch": {"type": "integer", "minimum": 0, "maximum": 127, "description": "MIDI pitch (60: C3)"},
            "start_beats": {"type": "number", "minimum": 0, "description": "beats from the clip's start"},
            "duration_beats": {"type": "number", "exclusiveMinimum": 0, "description": "length in beats"},
            "velocity": {
                "type": "number",
                "minimum": 1,
                "maximum": 127,
                "description": "1..127 (default 100)",
            },
        },
        "required": ["pitch", "start_beats", "duration_beats"],
    },
}


@dataclass(frozen=True, slots=True)
class LiveTool:
    name: str
    about: str
    address: str | tuple[str, ...]  # several: read side by side ("columns")
    inputs: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    effect: str = "read"  # "read" | "write" | "delete"
    reads: str = "value"  # "value" | "none" | "notes" | "columns" | "rows" | "pads" | "last" | "record"
    ids: int = 0  # how many leading inputs are indices (repeated in the reply)
    fields: tuple[str, ...] = ()  # "value": name the values after the indices

    def schema(self) -> dict[str, Any]:
        props = {name: dict(spec) for name, spec in self.inputs}
        required = [name for name, spec in self.inputs if "default" not in spec]
        return {"type": "object", "properties": props, "required": required, "additionalProperties": False}

    def requests(self, values: Mapping[str, Any]) -> list[tuple[str, list[Any]]]:
        """The (address, arguments) to send for ``values`` (checked against the inputs' choices)."""
        unknown = sorted(set(values) - {name for name, _ in self.inputs})
        if unknown:
            raise InvalidValue(f"{self.name}: {unknown[0]!r} is not known: expected {self._names()}")
        args: list[Any] = []
        fill: dict[str, str] = {}
        for name, spec in self.inputs:
            value = values.get(name, spec.get("default"))
            if value is None:
                raise InvalidValue(
                    f"{self.name}: {name} is missing: expected {spec.get('description', name)}"
                )
            if "enum" in spec and value not in spec["enum"]:
                raise InvalidValue(
                    f"{self.name}: {name} {value!r} is not known: expected one of {spec['enum']}"
                )
            _check_range(self.name, name, value, spec)
            if name == "property" or name == "action":
                fill[name] = str(value)
            elif name == "indices":
                args += list(value)
            elif name == "notes":
                args += _flat_notes(value)
            else:
                args.append(value)
        addresses = self.address if isinstance(self.address, tuple) else (self.address,)
        return [(a.format(**fill), args) for a in addresses]

    def _names(self) -> str:
        return ", ".join(name for name, _ in self.inputs) or "no inputs"

    def shape(self, requests: list[tuple[str, list[Any]]], replies: list[list[list[Any]]]) -> Any:
        """What the tool answers: the value(s) after the indices, notes, or per-item columns."""
        if self.reads == "none":
            return {"done": True}
        rest = [r[0][self.ids :] if r else [] for r in replies]
        if self.reads == "last":  # an action, then a read of what it changed: that read's value(s)
            return dict(zip(self.fields, rest[-1], strict=False))
        if self.reads == "notes":
            return {"notes": _notes(rest[0])}
        columns = {addr.rsplit("/", 1)[1]: values for (addr, _), values in zip(requests, rest, strict=True)}
        if self.reads == "columns":
            return columns
        if self.reads == "record":  # one value per address, named after it
            return {name: values[0] if values else None for name, values in columns.items()}
        if self.reads in ("rows", "pads"):  # one object per item; "pads": the pads that hold something
            rows = [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]
            return {"items": [r for r in rows if self.reads == "rows" or r.get("name")]}
        if self.fields:
            return dict(zip(self.fields, rest[0], strict=False))
        values = rest[0]
        if len(replies[0]) > 1:  # a wildcard or several answers
            return {"values": [r[self.ids :] for r in replies[0]]}
        return {"value": values[0] if len(values) == 1 else values}


def _check_range(tool: str, name: str, value: Any, spec: Mapping[str, Any]) -> None:
    """A number outside the input's minimum..maximum is refused before anything is sent."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return
    low, high = spec.get("minimum"), spec.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        expected = (
            f"{low}..{high}"
            if low is not None and high is not None
            else (f">= {low}" if low is not None else f"<= {high}")
        )
        raise InvalidValue(f"{tool}: {name} {value!r} is out of range: expected {expected}")


def _flat_notes(notes: Any) -> list[Any]:
    if not isinstance(notes, list):
        raise InvalidValue(f"notes {notes!r} are not valid: expected a list of note objects")
    out: list[Any] = []
    for n in notes:
        if not isinstance(n, dict) or not {"pitch", "start_beats", "duration_beats"} <= set(n):
            raise InvalidValue(f"note {n!r} is not valid: expected pitch, start_beats, duration_beats")
        velocity = n.get("velocity", 100)
        out += [int(n["pitch"]), float(n["start_beats"]), float(n["duration_beats"]), float(velocity), False]
    return out


def _notes(flat: list[Any]) -> list[dict[str, Any]]:
    keys = ("pitch", "start_beats", "duration_beats", "velocity", "mute")
    return [dict(zip(keys, flat[i : i + 5], strict=True)) for i in range(0, len(flat) - 4, 5)]
