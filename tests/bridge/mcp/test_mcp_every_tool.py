"""Every tool `roo mcp` offers, called once through the SDK's client over stdio against `roo sim`
(real processes), in the order a session would: each answers as it should (a value, a change in
Live read back, a take), or, for the tools whose models are not here, a refusal naming why. The
test fails if a tool is offered that this scenario does not call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import soundfile

from bridge.mcp import tool_list
from tests.bridge.mcp.conftest import Sim, mcp_client

pytestmark = pytest.mark.anyio
FILTER = {"track": 0, "slot": 1, "device": "Auto Filter", "parameter": "Frequency"}
STEPS = [
    {"time_beats": 0, "duration_beats": 2, "value": 0.25},
    {"time_beats": 2, "duration_beats": 2, "value": 0.75},
]
READ = (
    '"points": [{"time_beats": 0.0, "value": 0.25}, {"time_beats": 2.0, "value": 0.75}, {"time_beats": 4.0, '
)
NOTES = [{"pitch": 60, "start_beats": 0.0, "duration_beats": 1.0, "velocity": 100}]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def scenario(out: Path) -> list[tuple[str, dict[str, Any], str]]:
    """(tool, arguments, what the answer must hold: "" for any answer that is not an error,
    "!text" for an error holding text). Takes made here are referred to as TAKE."""
    wav = str(out / "loop.wav")  # a 2 s file: 4 beats at 120 BPM
    soundfile.write(wav, 0.2 * np.sin(np.arange(88200) * (2 * np.pi * 220.0 / 44100)), 44100)
    return [
        ("live_song_get", {"property": "tempo"}, "120"),
        ("song", {}, '"part": null, "clips": []'),
        ("live_version", {}, '{"major": 12, "minor": 3}'),
        ("live_song_set", {"property": "tempo", "value": 96}, ""),
        ("live_transport", {"action": "stop_playing"}, ""),
        ("live_jump_by", {"beats": 4}, ""),
        ("live_cue_point_toggle", {}, ""),
        ("live_cue_point_name", {"cue": 0, "name": "verse"}, ""),
        ("live_cue_point_jump", {"cue": "verse"}, ""),
        ("live_create_midi_track", {}, '"made": {"track": 4, "name": "5-MIDI"}'),
        ("live_create_audio_track", {}, ""),
        ("live_create_return_track", {}, ""),
        ("live_duplicate_track", {"track": 0}, ""),
        ("live_delete_track", {"track": 1}, ""),
        ("live_return_set", {"return_track": 0, "property": "volume", "value": 0.5}, ""),
        ("live_return_get", {"return_track": 0, "property": "volume"}, '"value": 0.5'),
        (
            "live_return_get",
            {"return_track": 9, "property": "name"},
            "!return_track 9 is out of range: expected 0..2 (the Set has 3 return tracks)",
        ),
        ("live_delete_return_track", {"track": 0}, ""),
        ("live_track_get", {"track": 0, "property": "name"}, "1-MIDI"),
        ("live_track_set", {"track": 0, "property": "name", "value": "Drums"}, ""),
        ("live_main_set", {"property": "crossfader", "value": -0.5}, ""),
        ("live_main_get", {"property": "crossfader"}, "-0.5"),
        ("live_main_set", {"property": "crossfader", "value": 2}, "!expected -1..1"),
        ("live_track_set", {"track": 0, "property": "crossfade_assign", "value": 2}, ""),
        ("live_track_get", {"track": 0, "property": "crossfade_assign"}, '"value": 2'),
        ("live_track_send_set", {"track": 0, "send": 0, "value": 0.5}, ""),
        ("live_track_send_get", {"track": 0, "send": 0}, "0.5"),
        ("live_track_routing_get", {"track": 0, "property": "output_routing_type"}, ""),
        ("live_track_routing_choices", {"track": 0}, ""),
        ("live_track_routing_set", {"track": 0, "property": "output_routing_type", "value": "Master"}, ""),
        ("live_insert_device", {"track": 0, "name": "Auto Filter"}, ""),
        ("live_track_devices", {"track": 0}, "Auto Filter"),
        ("live_device_get", {"track": 0, "device": 0, "property": "class_name"}, "AutoFilter"),
        ("live_device_parameters", {"track": 0, "device": 0}, "Frequency"),
        ("live_device_parameter_set", {"track": 0, "device": 0, "parameter": 1, "value": 0.5}, ""),
        ("live_device_parameter_text", {"track": 0, "device": 0, "parameter": 1}, ""),
        ("live_device_set_active", {"track": 0, "device": 0, "value": 1}, ""),
        ("browser_list", {"path": ""}, "instruments"),
        ("browser_list", {"path": "drums"}, "808 Core Kit"),
        ("browser_list", {"path": "drums/Techno Kit"}, "!'drums' has no 'Techno Kit'"),
        ("browser_load", {"track": 0, "path": "drums/808 Core Kit"}, '"device": 0, "name": "808 Core Kit"'),
        ("browser_load", {"track": 0, "path": "sounds/Bass/Nope"}, "!'sounds/Bass' has no 'Nope'"),
        ("live_track_devices", {"track": 0}, '"name": ["808 Core Kit", "Auto Filter"]'),
        ("browser_preview", {"path": "samples/Drums/Kick Deep.wav"}, ""),
        ("browser_stop_preview", {}, ""),
        ("live_rack_chains", {"track": 0, "device": 0}, '"name": "Kick 808", "mute": false'),
        (
            "live_chain_set",
            {"track": 0, "device": 0, "chain": 0, "property": "name", "value": "Big Kick"},
            "",
        ),
        ("live_chain_devices", {"track": 0, "device": 0, "chain": 0}, "OriginalSimpler"),
        ("live_drum_pad_set", {"track": 0, "device": 0, "note": 38, "property": "mute", "value": 1}, ""),
        ("live_drum_pads", {"track": 0, "device": 0}, '{"note": 38, "name": "Snare 808", "mute": true'),
        ("live_drum_pad_clear", {"track": 0, "device": 0, "note": 38}, ""),
        ("live_drum_pads", {"track": 0, "device": 1}, "!is not a Drum Rack"),
        ("live_rack_macros", {"track": 0, "device": 0}, '{"name": "Macro 1", "value": 0.0}'),
        ("live_rack_macro_set", {"track": 0, "device": 0, "macro": 2, "value": 64}, ""),
        ("live_rack_macros", {"track": 0, "device": 0}, '{"name": "Macro 2", "value": 64.0}'),
        ("live_rack_macro_set", {"track": 0, "device": 0, "macro": 17, "value": 1}, "!17"),
        ("live_rack_macros", {"track": 0, "device": 1}, "!is not a rack"),
        (
            "live_rack_macro_count",
            {"track": 0, "device": 0, "action": "add_macro"},
            '"visible_macro_count": 9',
        ),
        ("live_rack_macro_count", {"track": 0, "device": 1, "action": "add_macro"}, "!is not a rack"),
        ("live_track_get", {"track": 0, "property": "can_be_frozen"}, '"value": true'),
        ("live_track_get", {"track": 0, "property": "is_frozen"}, '"value": false'),
        ("browser_load", {"track": 1, "path": "samples/Drums/Kick Deep.wav"}, '"name": "Kick Deep"'),
        ("live_chain_devices", {"track": 0, "device": 0, "chain": 1}, "OriginalSimpler"),
        ("live_create_scene", {}, ""),
        ("live_duplicate_scene", {"scene": 0}, ""),
        ("live_delete_scene", {"scene": 1}, ""),
        ("live_scene_set", {"scene": 0, "property": "name", "value": "Intro"}, ""),
        ("live_scene_get", {"scene": 0, "property": "name"}, "Intro"),
        ("live_create_clip", {"track": 0, "slot": 1, "length_beats": 4}, ""),
        ("live_clip_add_notes", {"track": 0, "slot": 1, "notes": NOTES}, ""),
        ("live_clip_notes", {"track": 0, "slot": 1}, "60"),
        ("live_clip_set", {"track": 0, "slot": 1, "property": "name", "value": "hook"}, ""),
        ("live_clip_get", {"track": 0, "slot": 1, "property": "name"}, "hook"),
        ("live_clip_to_arrangement", {"track": 0, "slot": 1, "beats": 16}, '"arrangement_clip": 0'),
        ("live_track_arrangement_clips", {"track": 0}, '"start_time": [16.0]'),
        ("live_delete_arrangement_clip", {"track": 0, "arrangement_clip": 0}, ""),
        (
            "live_delete_arrangement_clip",
            {"track": 0, "arrangement_clip": 0},
            "!arrangement_clip 0 is out of range: expected none (track 0 has 0 arrangement clips)",
        ),
        ("live_envelope_insert_steps", {**FILTER, "steps": STEPS}, '"steps": 2'),
        ("live_envelope_read", {**FILTER, "step_beats": 2}, READ),
        (
            "live_envelope_insert_steps",
            {**FILTER, "steps": [{**STEPS[0], "value": 5}]},
            "!value 5 is out of range",
        ),
        ("live_envelope_read", {**FILTER, "times": [1.0]}, '"points": [{"time_beats": 1.0, "value": 0.25}]'),
        ("live_envelope_clear", FILTER, '"had_envelope": true'),
        ("live_envelope_read", {**FILTER, "times": [1.0]}, '"has_envelope": false'),
        (
            "live_clip_add_notes",
            {"track": 0, "slot": 1, "notes": [{**NOTES[0], "pitch": 64, "start_beats": 2.5}]},
            "",
        ),
        ("live_clip_quantize", {"track": 0, "slot": 1, "grid": 6, "amount": 0.5}, ""),
        ("live_clip_notes", {"track": 0, "slot": 1}, '"pitch": 64, "start_beats": 2.75'),
        ("live_clip_quantize_pitch", {"track": 0, "slot": 1, "pitch": 64, "grid": 6}, ""),
        ("live_clip_notes", {"track": 0, "slot": 1}, '"pitch": 64, "start_beats": 3.0'),
        ("live_clip_quantize", {"track": 0, "slot": 1, "grid": 12}, "!12"),
        (
            "live_clip_quantize_pitch",
            {"track": 0, "slot": 1, "pitch": 200, "grid": 6},
            "!pitch 200 is out of range: expected 0..127",
        ),
        ("live_clip_duplicate_loop", {"track": 0, "slot": 1}, ""),
        ("live_load_audio_clip", {"track": 2, "slot": 0, "file_path": wav}, ""),
        ("live_load_audio_clip", {"track": 0, "slot": 7, "file_path": wav}, "!on a MIDI track"),
        (
            "live_clip_set",
            {"track": 2, "slot": 0, "property": "end_marker", "value": 2.0},
            "",
        ),  # 1.25 s at 96 BPM
        ("live_clip_crop", {"track": 2, "slot": 0}, ""),
        ("live_clip_get", {"track": 2, "slot": 0, "property": "file_path"}, "loop Crop"),
        ("live_clip_get", {"track": 2, "slot": 0, "property": "length"}, '"value": 2.0'),
        ("live_load_arrangement_audio", {"track": 2, "file_path": wav, "beats": 8}, ""),
        ("live_track_arrangement_clips", {"track": 2}, '"start_time": [8.0]'),
        (
            "live_load_arrangement_audio",
            {"track": 2, "file_path": "/nonesuch.wav", "beats": 0},
            "!no such file",
        ),
        ("live_sample_to_simpler", {"track": 2, "slot": 0}, '"new_track": 3'),
        (
            "live_simpler_sample",
            {"track": 3, "device": 0},
            '"length": 55125, "start_marker": 0, "end_marker": 55125',
        ),
        ("live_simpler_set_marker", {"track": 3, "device": 0, "property": "end_marker", "value": 22050}, ""),
        ("live_simpler_reverse", {"track": 3, "device": 0}, ""),
        ("live_simpler_crop", {"track": 3, "device": 0}, ""),
        ("live_simpler_sample", {"track": 3, "device": 0}, '"length": 22050'),
        ("live_simpler_reverse", {"track": 0, "device": 0}, "!is not a Simpler"),
        ("live_simpler_crop", {"track": 0, "device": 0}, "!is not a Simpler"),
        ("live_simpler_sample", {"track": 0, "device": 0}, "!is not a Simpler"),
        (
            "live_simpler_set_marker",
            {"track": 3, "device": 0, "property": "end_marker", "value": 10**7},
            "!Invalid end_marker 10000000",
        ),
        ("live_clip_crop", {"track": 0, "slot": 7}, "!no clip at track index 0, clip slot index 7 (0-based)"),
        ("live_sample_to_simpler", {"track": 0, "slot": 1}, "!expects an audio clip"),
        ("live_duplicate_clip_to", {"track": 0, "slot": 1, "to_track": 0, "to_slot": 2}, ""),
        ("live_slot_get", {"track": 0, "slot": 2, "property": "has_clip"}, "true"),
        ("live_clip_clear_notes", {"track": 0, "slot": 2}, ""),
        ("live_delete_clip", {"track": 0, "slot": 2}, ""),
        ("live_fire_clip", {"track": 0, "slot": 1}, ""),
        ("live_stop_slot", {"track": 0, "slot": 1}, ""),
        ("live_scene_fire", {"scene": 0}, ""),
        ("live_track_stop_clips", {"track": 0}, ""),
        ("live_track_clips", {"track": 0}, "hook"),
        ("live_track_arrangement_clips", {"track": 0}, ""),
        ("live_view_set", {"property": "selected_track", "indices": [0]}, ""),
        ("live_view_get", {"property": "selected_track"}, ""),
        ("live_undo", {}, ""),
        ("live_redo", {}, ""),
        ("live_delete_device", {"track": 0, "device": 0}, ""),
        ("generate", {"part": "bass", "track": 0, "slot": 3, "bars": 2, "seed": 3}, "done"),
        ("vary", {"track": 0, "slot": 3}, "done"),
        ("transform", {"kind": "transpose", "track": 0, "slot": 3, "semitones": 2}, "done"),
        (
            "automate",
            {"track": 0, "device": "mixer", "parameter": "volume", "shape": "rise", "slot": 3},
            "done",
        ),
        ("analyze", {"track": 0, "slot": 3}, "done"),
        ("follow", {"mode": "auto"}, ""),
        ("command", {"text": "make the bass busier"}, "done"),
        ("take_list", {"limit": 5}, "take_id"),
        (
            "take_list",
            {"part": "bass", "limit": 20},
            '"track": 0, "slot": 5, "start_beats": null, "kind": "transpose"',
        ),
        ("take_show", {"take_id": "TAKE"}, "notes"),
        ("take_diff", {"a": "TAKE", "b": "TAKE"}, "summary"),
        ("take_star", {"take_id": "TAKE", "starred": 1}, "done"),
        ("take_name", {"take_id": "TAKE", "message": "keeper"}, "done"),
        ("take_recall", {"take_id": "TAKE", "track": 0, "slot": 5}, "done"),
        ("take_fork", {"take_id": "TAKE", "bars": 1}, "done"),
        ("take_export", {"take_id": "TAKE", "out_dir": str(out)}, ".mid"),
        ("take_project", {"name": "mcp-test"}, "done"),
        ("separate", {"track": 0, "slot": 3}, "!audio clip"),  # a MIDI clip: refused by name
        ("transcribe", {"track": 0, "slot": 3, "kind": "bass", "quantize": 0.5}, "!audio clip"),
        ("musicgen", {"prompt": "pad", "bars": 1, "model": str(out / "no-model")}, "!no-model"),
        ("infill", {"track": 0, "slot": 3, "model": str(out / "no-model.pt")}, "!no-model"),
        ("continue_clip", {"track": 0, "slot": 3, "bars": 1, "model": str(out / "no-model.pt")}, "!no-model"),
        ("accompany", {"part": "drums", "model": str(out / "no-model.pt")}, "!no-model"),
        ("jam_start", {"midi": "nonesuch"}, "!nonesuch"),
        ("jam_set", {"name": "density", "value": "0.8"}, "!jam"),
        ("jam_stop", {}, "!jam"),
    ]


async def test_every_tool_is_called_and_answers(sim: Sim, tmp_path: Path) -> None:
    steps = scenario(tmp_path)
    assert {name for name, _, _ in steps} == {t.name for t in tool_list()}  # none offered and never called
    take = ""
    async with mcp_client(sim) as session:
        for name, arguments, wanted in steps:
            filled = {k: (take if v == "TAKE" else v) for k, v in arguments.items()}
            result = await session.call_tool(name, filled)
            text = "".join(getattr(c, "text", "") for c in result.content)
            if wanted.startswith("!"):
                assert result.is_error and wanted[1:] in text, (name, text)
                continue
            assert not result.is_error, (name, text)
            assert wanted in text, (name, wanted, text)
            if name == "generate":
                take = json.loads(text)["take_ids"][0]
