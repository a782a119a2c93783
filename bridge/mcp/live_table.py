"""The rows of the Live tools (``bridge.mcp.live_tools.LiveTool``): the whole Set, by AbletonOSC address."""

from __future__ import annotations

from bridge.mcp.live_tools import (
    CHAIN,
    CLIP_READ,
    CLIP_WRITE,
    DEVICE,
    DEVICE_READ,
    MAIN,
    NOTES,
    PAD,
    PARAM,
    RETURN,
    ROUTES,
    SCENE,
    SCENE_READ,
    SCENE_WRITE,
    SLOT,
    SLOT_READ,
    SONG_ACTIONS,
    SONG_READ,
    SONG_WRITE,
    TRACK,
    TRACK_READ,
    TRACK_WRITE,
    VALUE,
    VIEW,
    LiveTool,
    _choice,
    _index,
)

S, T, C, D = "/live/song/", "/live/track/", "/live/clip/", "/live/device/"
AT = {"type": "integer", "minimum": -1, "default": -1, "description": "index to insert at (-1: the end)"}
LENGTH = {"type": "number", "exclusiveMinimum": 0, "description": "length in beats"}
NAME = {"type": "string", "description": "the name, as Live shows it"}
FILE = {"type": "string", "description": "the audio file's absolute path"}
MACRO = {"type": "integer", "minimum": 1, "maximum": 16, "description": "the macro's number, 1..16"}
GRID = {
    "type": "integer",
    "minimum": 1,
    "maximum": 9,
    "description": "the grid (Live's GridQuantization): 1 8 "
    "bars, 2 4 bars, 3 2 bars, 4 a bar, 5 1/2, 6 1/4, 7 1/8, 8 1/16, 9 1/32",
}
AMOUNT = {
    "type": "number",
    "minimum": 0,
    "maximum": 1,
    "default": 1.0,
    "description": "how far toward the grid (1: onto it)",
}
PITCH = {"type": "integer", "minimum": 0, "maximum": 127, "description": "the MIDI pitch"}
SAMPLE = ("file_path", "length", "start_marker", "end_marker")
PAD_NOTE = {"type": "integer", "minimum": 0, "maximum": 127, "description": "the pad's MIDI note (36: C1)"}
PATH = {
    "type": "string",
    "description": "a browser path: a category, then names joined by '/' (e.g. 'drums/808 Core Kit')",
}


def prop(names: tuple[str, ...]) -> tuple[str, dict[str, object]]:
    return ("property", _choice("which property (its units are in the tool's description)", names))


LIVE_TOOLS: tuple[LiveTool, ...] = (
    # --- the song: tempo, signature, key and scale, transport, loop, punch, metronome, quantization
    LiveTool("live_song_get", "Read a property of the Set: tempo, signature, key and scale, transport, loop, "
             "punch, metronome, quantization, track and scene names, cue points ...", S + "get/{property}",
             (prop(SONG_READ),)),
    LiveTool("live_song_set", "Set a property of the Set (tempo in BPM, signature, root_note 0..11, scale_name, "
             "loop, punch_in/out, metronome, quantization ...)", S + "set/{property}",
             (prop(SONG_WRITE), ("value", VALUE)), "write", "none"),
    LiveTool("live_transport", "Transport and song actions: play, stop, continue, stop all clips, tap tempo, "
             "capture MIDI, record, jump to the next or previous cue point ...", S + "{action}",
             (("action", _choice("the action, as Live's transport and Song methods name it", SONG_ACTIONS)),), "write", "none"),
    LiveTool("live_version", "Live's version (major, minor), as the Remote Script reads it.",
             "/live/application/get/version", (), fields=("major", "minor")),
    LiveTool("live_undo", "Undo the last change in Live.", S + "undo", (), "write", "none"),
    LiveTool("live_redo", "Redo the last undone change in Live.", S + "redo", (), "write", "none"),
    LiveTool("live_jump_by", "Move the song position by some beats.", S + "jump_by",
             (("beats", {"type": "number", "description": "beats (negative: back)"}),), "write", "none"),
    LiveTool("live_cue_point_toggle", "Add a cue point at the song position, or delete the one there.",
             S + "cue_point/add_or_delete", (), "write", "none"),
    LiveTool("live_cue_point_jump", "Jump to a cue point by index or name.", S + "cue_point/jump",
             (("cue", {"type": ["integer", "string"], "description": "cue point index or name"}),), "write", "none"),
    LiveTool("live_cue_point_name", "Rename a cue point.", S + "cue_point/set/name",
             (("cue", _index("cue point")), ("name", NAME)), "write", "none"),
    # --- tracks
    LiveTool("live_create_midi_track", "Create a MIDI track.", S + "create_midi_track", (("index", AT),), "write", "none"),
    LiveTool("live_create_audio_track", "Create an audio track.", S + "create_audio_track", (("index", AT),),
             "write", "none"),
    LiveTool("live_create_return_track", "Create a return track.", S + "create_return_track", (), "write", "none"),
    LiveTool("live_duplicate_track", "Duplicate a track (the copy goes right after it).", S + "duplicate_track",
             (("track", TRACK),), "write", "none"),
    LiveTool("live_delete_track", "Delete a track and everything on it.", S + "delete_track", (("track", TRACK),),
             "delete", "none"),
    LiveTool("live_delete_return_track", "Delete a return track.", S + "delete_return_track",
             (("track", _index("return track")),), "delete", "none"),
    LiveTool("live_track_get", "Read a track's property: name, color, mute, solo, arm, volume, panning, "
             "monitoring, fold state, meters ...", T + "get/{property}", (("track", TRACK), prop(TRACK_READ)), ids=1),
    LiveTool("live_track_set", "Set a track's property: name, color, mute, solo, arm, volume 0..1, panning "
             "-1..1, current_monitoring_state 0 in 1 auto 2 off, fold_state, crossfade_assign 0 A 1 none 2 B.", T + "set/{property}",
             (("track", TRACK), prop(TRACK_WRITE), ("value", VALUE)), "write", "none"),
    LiveTool("live_main_get", "Read the Main (master) track's mixer: volume 0..1, panning -1..1, crossfader "
             "-1 (A) .. 1 (B), cue volume.", "/live/master/get/{property}", (prop(MAIN),)),
    LiveTool("live_main_set", "Set the Main (master) track's volume, panning, crossfader or cue volume.",
             "/live/master/set/{property}", (prop(MAIN), ("value", VALUE)), "write", "none"),
    LiveTool("live_return_get", "Read a return track's name, color, mute, solo, volume or panning.",
             "/live/return_track/get/{property}", (("return_track", _index("return track")), prop(RETURN)), ids=1),
    LiveTool("live_return_set", "Set a return track's name, color, mute, solo, volume 0..1 or panning -1..1.",
             "/live/return_track/set/{property}", (("return_track", _index("return track")), prop(RETURN),
                                                  ("value", VALUE)), "write", "none"),
    LiveTool("live_track_send_get", "Read a track's send level.", T + "get/send",
             (("track", TRACK), ("send", _index("send"))), ids=2),
    LiveTool("live_track_send_set", "Set a track's send level (0..1).", T + "set/send",
             (("track", TRACK), ("send", _index("send")), ("value", VALUE)), "write", "none"),
    LiveTool("live_track_routing_get", "Read a track's input or output routing (by display name).",
             T + "get/{property}", (("track", TRACK), prop(ROUTES)), ids=1),
    LiveTool("live_track_routing_set", "Route a track's input or output (by display name).", T + "set/{property}",
             (("track", TRACK), prop(ROUTES), ("value", VALUE)), "write", "none"),
    LiveTool("live_track_routing_choices", "The routing names a track offers.", tuple(
        f"{T}get/available_{r.replace('_type', '_types').replace('_channel', '_channels')}" for r in ROUTES),
        (("track", TRACK),), reads="columns", ids=1),
    LiveTool("live_track_clips", "A track's session clips: name and length per slot (null: empty).",
             (T + "get/clips/name", T + "get/clips/length"), (("track", TRACK),), reads="columns", ids=1),
    LiveTool("live_track_arrangement_clips", "A track's arrangement clips: name, length, start time (beats).",
             tuple(T + f"get/arrangement_clips/{p}" for p in ("name", "length", "start_time")),
             (("track", TRACK),), reads="columns", ids=1),
    LiveTool("live_clip_to_arrangement", "Copy a session clip into its track's Arrangement at a beat (what lies "
             "under it is cut, as in Live).", T + "duplicate_clip_to_arrangement",
             (("track", TRACK), ("slot", SLOT), ("beats", {"type": "number", "minimum": 0, "description":
              "where the copy starts in the Arrangement, in beats"})), "write", ids=2, fields=("arrangement_clip",)),
    LiveTool("live_delete_arrangement_clip", "Delete an arrangement clip (by its index in the track's arrangement "
             "clips, in start order).", T + "delete_arrangement_clip",
             (("track", TRACK), ("arrangement_clip", _index("arrangement clip"))), "delete", "none"),
    LiveTool("live_track_devices", "A track's devices: name, class name and type (1 instrument, 2 audio "
             "effect, 4 MIDI effect).", tuple(T + f"get/devices/{p}" for p in ("name", "class_name", "type")),
             (("track", TRACK),), reads="columns", ids=1),
    LiveTool("live_track_stop_clips", "Stop every clip on a track.", T + "stop_all_clips", (("track", TRACK),),
             "write", "none"),
    LiveTool("live_insert_device", "Load one of Live's built-in devices onto a track by its browser name "
             "(Live 12.3+).", T + "insert_device",
             (("track", TRACK), ("name", NAME), ("index", AT)), "write", ids=1),
    LiveTool("live_delete_device", "Delete a device from a track.", T + "delete_device",
             (("track", TRACK), ("device", DEVICE)), "delete", "none"),
    # --- scenes
    LiveTool("live_create_scene", "Create a scene.", S + "create_scene", (("index", AT),), "write", "none"),
    LiveTool("live_duplicate_scene", "Duplicate a scene.", S + "duplicate_scene", (("scene", SCENE),), "write", "none"),
    LiveTool("live_delete_scene", "Delete a scene and its clips.", S + "delete_scene", (("scene", SCENE),),
             "delete", "none"),
    LiveTool("live_scene_get", "Read a scene's property.", "/live/scene/get/{property}",
             (("scene", SCENE), prop(SCENE_READ)), ids=1),
    LiveTool("live_scene_set", "Set a scene's property (name, color, tempo, time signature).",
             "/live/scene/set/{property}", (("scene", SCENE), prop(SCENE_WRITE), ("value", VALUE)), "write", "none"),
    LiveTool("live_scene_fire", "Launch a scene.", "/live/scene/fire", (("scene", SCENE),), "write", "none"),
    # --- clip slots and clips
    LiveTool("live_slot_get", "Read a clip slot's property (has_clip, is_playing ...).",
             "/live/clip_slot/get/{property}", (("track", TRACK), ("slot", SLOT), prop(SLOT_READ)), ids=2),
    LiveTool("live_create_clip", "Create an empty MIDI clip in an empty slot.", "/live/clip_slot/create_clip",
             (("track", TRACK), ("slot", SLOT), ("length_beats", LENGTH)), "write", "none"),
    LiveTool("live_delete_clip", "Delete the clip in a slot.", "/live/clip_slot/delete_clip",
             (("track", TRACK), ("slot", SLOT)), "delete", "none"),
    LiveTool("live_duplicate_clip_to", "Copy a clip into another slot.", "/live/clip_slot/duplicate_clip_to",
             (("track", TRACK), ("slot", SLOT), ("to_track", TRACK), ("to_slot", SLOT)), "write", "none"),
    LiveTool("live_fire_clip", "Launch the clip in a slot.", "/live/clip_slot/fire", (("track", TRACK), ("slot", SLOT)),
             "write", "none"),
    LiveTool("live_stop_slot", "Stop the clip in a slot.", "/live/clip_slot/stop", (("track", TRACK), ("slot", SLOT)),
             "write", "none"),
    LiveTool("live_clip_get", "Read a clip's property: name, length, loop, markers, warping, gain, pitch ...",
             C + "get/{property}", (("track", TRACK), ("slot", SLOT), prop(CLIP_READ)), ids=2),
    LiveTool("live_clip_set", "Set a clip's property: name, color, loop, markers, warping, gain, pitch, warp_mode "
             "(audio: 0 beats, 1 tones, 2 texture, 3 repitch, 4 complex, 6 complex pro) ...",
             C + "set/{property}", (("track", TRACK), ("slot", SLOT), prop(CLIP_WRITE), ("value", VALUE)),
             "write", "none"),
    LiveTool("live_clip_notes", "Read a MIDI clip's notes.", C + "get/notes", (("track", TRACK), ("slot", SLOT)),
             reads="notes", ids=2),
    LiveTool("live_clip_add_notes", "Add notes to a MIDI clip.", C + "add/notes",
             (("track", TRACK), ("slot", SLOT), ("notes", NOTES)), "write", "none"),
    LiveTool("live_clip_clear_notes", "Remove every note of a MIDI clip.", C + "remove/notes",
             (("track", TRACK), ("slot", SLOT)), "delete", "none"),
    LiveTool("live_clip_crop", "Crop a clip (Live's Crop Clip): what lies outside its loop (outside its start and "
             "end markers when not looping) is removed; an audio clip gets a new file of the region.", C + "crop",
             (("track", TRACK), ("slot", SLOT)), "delete", "none"),
    LiveTool("live_clip_quantize", "Quantize a clip's notes (an audio clip: its warp markers) toward a grid by an "
             "amount.", C + "quantize", (("track", TRACK), ("slot", SLOT), ("grid", GRID), ("amount", AMOUNT)),
             "write", "none"),
    LiveTool("live_clip_quantize_pitch", "Quantize the notes of one pitch of a MIDI clip toward a grid by an amount.",
             C + "quantize_pitch", (("track", TRACK), ("slot", SLOT), ("pitch", PITCH), ("grid", GRID),
                                    ("amount", AMOUNT)), "write", "none"),
    LiveTool("live_load_audio_clip", "Load an audio file (an absolute path: WAV, AIFF, FLAC, MP3 ...) as a clip into "
             "an audio track's empty slot (Live 12.0.5+).", "/live/clip_slot/create_audio_clip",
             (("track", TRACK), ("slot", SLOT), ("file_path", FILE)), "write", "none"),
    LiveTool("live_load_arrangement_audio", "Load an audio file (an absolute path) as an arrangement clip on an "
             "audio track at a beat (Live 12.0.5+; what lies under it is cut, as in Live).", T + "create_audio_clip",
             (("track", TRACK), ("file_path", FILE), ("beats", {"type": "number", "minimum": 0, "description":
              "where the clip starts in the Arrangement, in beats"})), "write", "none"),
    LiveTool("live_clip_duplicate_loop", "Double a clip's loop, its notes copied.", C + "duplicate_loop",
             (("track", TRACK), ("slot", SLOT)), "write", "none"),
    # --- devices and their parameters
    LiveTool("live_device_get", "Read a device's property.", D + "get/{property}",
             (("track", TRACK), ("device", DEVICE), prop(DEVICE_READ)), ids=2),
    LiveTool("live_device_parameters", "A device's parameters: name, value, min, max, quantized.",
             tuple(D + f"get/parameters/{p}" for p in ("name", "value", "min", "max", "is_quantized")),
             (("track", TRACK), ("device", DEVICE)), reads="columns", ids=2),
    LiveTool("live_device_parameter_set", "Set one device parameter's value.", D + "set/parameter/value",
             (("track", TRACK), ("device", DEVICE), ("parameter", PARAM), ("value", VALUE)), "write", "none"),
    LiveTool("live_device_parameter_text", "A device parameter's value as Live shows it.",
             D + "get/parameter/value_string", (("track", TRACK), ("device", DEVICE), ("parameter", PARAM)), ids=3),
    LiveTool("live_device_set_active", "Switch a device on (1) or off (0).", D + "set/is_active",
             (("track", TRACK), ("device", DEVICE), ("value", VALUE)), "write", "none"),
    # --- racks and drum pads
    LiveTool("live_rack_chains", "A rack's chains (Instrument, Audio Effect, MIDI Effect or Drum Rack): name, "
             "mute, solo per chain.", tuple(D + f"get/chains/{p}" for p in CHAIN),
             (("track", TRACK), ("device", DEVICE)), reads="rows", ids=2),
    LiveTool("live_chain_set", "Rename, mute or solo one chain of a rack.", "/live/chain/set/{property}",
             (("track", TRACK), ("device", DEVICE), ("chain", _index("chain (in the rack)")), prop(CHAIN),
              ("value", VALUE)), "write", "none"),
    LiveTool("live_chain_devices", "The devices in one chain of a rack: name, class name, type.",
             tuple(f"/live/chain/get/devices/{p}" for p in ("name", "class_name", "type")),
             (("track", TRACK), ("device", DEVICE), ("chain", _index("chain (in the rack)"))), reads="rows", ids=3),
    LiveTool("live_drum_pads", "A Drum Rack's pads that hold something: note, name, mute, solo.",
             tuple(D + f"get/drum_pads/{p}" for p in ("note", "name", "mute", "solo")),
             (("track", TRACK), ("device", DEVICE)), reads="pads", ids=2),
    LiveTool("live_drum_pad_set", "Mute or solo a Drum Rack's pad (by its MIDI note).", "/live/drum_pad/set/{property}",
             (("track", TRACK), ("device", DEVICE), ("note", PAD_NOTE), prop(PAD), ("value", VALUE)), "write", "none"),
    LiveTool("live_drum_pad_clear", "Empty a Drum Rack's pad (delete its chains), as deleting a pad in Live.",
             "/live/drum_pad/delete_all_chains", (("track", TRACK), ("device", DEVICE), ("note", PAD_NOTE)),
             "delete", "none"),
    LiveTool("live_rack_macros", "A rack's visible macro controls, by number from 1: name and value (0..127).",
             tuple(D + f"get/macros/{p}" for p in ("name", "value")), (("track", TRACK), ("device", DEVICE)),
             reads="rows", ids=2),
    LiveTool("live_rack_macro_set", "Set a rack's macro by its number (1..16) to a value (0..127).", D + "set/macro",
             (("track", TRACK), ("device", DEVICE), ("macro", MACRO), ("value", VALUE)), "write", "none"),
    LiveTool("live_rack_macro_count", "Show one more (add_macro) or one fewer (remove_macro) of a rack's macro "
             "controls (1..16); answers how many show.", (D + "{action}", D + "get/visible_macro_count"),
             (("track", TRACK), ("device", DEVICE), ("action", _choice("add_macro shows one more, remove_macro one fewer", ("add_macro", "remove_macro")))),
             "write", reads="last", ids=2, fields=("visible_macro_count",)),
    # --- a Simpler and its sample
    LiveTool("live_sample_to_simpler", "Put an audio clip's sample onto a Simpler on a new MIDI track (Live's "
             "'Audio to new MIDI track with Simpler'); answers the new track's index.",
             C + "create_midi_track_with_simpler", (("track", TRACK), ("slot", SLOT)), "write", ids=2,
             fields=("new_track",)),
    LiveTool("live_simpler_sample", "A Simpler's sample: file path, length, start and end markers (in frames; "
             "null while the Simpler is empty).", tuple(D + f"get/sample/{p}" for p in SAMPLE),
             (("track", TRACK), ("device", DEVICE)), reads="record", ids=2),
    LiveTool("live_simpler_set_marker", "Move a Simpler's sample start or end marker (in frames).",
             D + "set/sample/{property}", (("track", TRACK), ("device", DEVICE), prop(SAMPLE[2:]),
                                          ("value", {"type": "integer", "minimum": 0, "description": "the marker's position in sample frames from the file's start"})),
             "write", "none"),
    LiveTool("live_simpler_reverse", "Reverse a Simpler's sample (Live renders it backwards as a new file).",
             D + "reverse", (("track", TRACK), ("device", DEVICE)), "write", "none"),
    LiveTool("live_simpler_crop", "Crop a Simpler's sample to its start..end markers (a new file; the rest is "
             "gone from the Simpler).", D + "crop", (("track", TRACK), ("device", DEVICE)), "delete", "none"),
    # --- the browser
    LiveTool("browser_list", "List what Live's browser holds at a path: '' lists the categories (instruments, "
             "audio_effects, midi_effects, drums, sounds, samples, user_library ...), then names joined by '/' "
             "('drums', 'sounds/Bass'): name, is_folder, is_loadable, uri per item.",
             tuple(f"/live/browser/get/children/{p}" for p in ("name", "is_folder", "is_loadable", "uri")),
             (("path", PATH),), reads="rows", ids=1),
    LiveTool("browser_load", "Load a browser item (a device, preset, kit or sample) onto a track, as Live's "
             "browser does (an instrument replaces the track's); answers the device that landed.",
             "/live/browser/load", (("track", TRACK), ("path", PATH)), "write", ids=1,
             fields=("device", "name")),
    LiveTool("browser_preview", "Preview a browser item (a sample or preset) in Live; changes nothing in the Set.",
             "/live/browser/preview", (("path", PATH),), reads="none"),
    LiveTool("browser_stop_preview", "Stop the browser's preview.", "/live/browser/stop_preview", (), reads="none"),
    # --- the view: what is selected
    LiveTool("live_view_get", "What is selected in Live: track, scene, clip or device.", "/live/view/get/{property}",
             (prop(VIEW),)),
    LiveTool("live_view_set", "Select a track, scene, clip (track slot) or device (track device).",
             "/live/view/set/{property}", (prop(VIEW), ("indices", {"type": "array", "items": {"type": "integer"},
                                                                     "description": "the indices the property takes: selected_track [track], selected_scene [scene], selected_clip [track, slot], selected_device [track, device]"})), "write", "none"),
)  # fmt: skip
BY_NAME = {tool.name: tool for tool in LIVE_TOOLS}
