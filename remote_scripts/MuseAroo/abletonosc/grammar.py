"""AbletonOSC's grammar as facts: ports, address shapes and each Live object's property tables.

Everything the compatibility mode serves is generated from these tables (AbletonOSC's own
habit): for each object kind, ``/live/<kind>/get/<prop>`` for READ and WRITE rows,
``/live/<kind>/set/<prop>`` for WRITE rows, ``/live/<kind>/start_listen/<prop>`` and
``stop_listen`` for every row whose Live object has an ``add_<prop>_listener``, and
``/live/<kind>/<method>`` for METHODS. Requests carry the object's indices first (``IDS``);
replies repeat the address with the indices and the value(s). A property reached through a
child object (a track's volume is ``mixer_device.volume.value``) is written as a dotted path
in ``PATHS``. Facts from AbletonOSC's README and test suite (ideoforms/AbletonOSC, MIT).
"""

from __future__ import annotations

from .. import roo_protocol as protocol

PORT = protocol.ABLETONOSC_PORT  # AbletonOSC listens here (11000)
REPLY_PORT = protocol.ABLETONOSC_REPLY_PORT  # and answers to this port of the sender's host (11001)
SETTING_FILE = protocol.ABLETONOSC_SETTING_FILE
ENV = protocol.ABLETONOSC_ENV
PORT_ENV = protocol.ABLETONOSC_PORT_ENV  # another port to listen on (0: any free one)
REPLY_PORT_ENV = protocol.ABLETONOSC_REPLY_PORT_ENV  # another port to answer to
REPLY_HERE = protocol.ABLETONOSC_REPLY_HERE  # a sender asks to be answered on its own port
MAX_OWN_PORT_SENDERS = 64  # senders remembered so; the longest unheard is forgotten first

ERROR = "/live/error"
ERROR_PREFIX = "Error handling OSC message: "
INDEX_ERROR = "Index out of range"  # what Live's vectors raise for a bad index
TEST = "/live/test"
TEST_REPLY = "ok"
API_RELOAD = "/live/api/reload"  # AbletonOSC reloads its code; nothing to reload here
APPLICATION_VERSION = "/live/application/get/version"  # -> (major, minor)
SONG_BEAT = "beat"  # /live/song/start_listen/beat: /live/song/get/beat (n) on each new beat

# the indices each object kind takes first
IDS: dict[str, tuple[str, ...]] = {
    "song": (),
    "track": ("track_id",),
    "clip_slot": ("track_id", "clip_id"),
    "clip": ("track_id", "clip_id"),
    "scene": ("scene_id",),
    "device": ("track_id", "device_id"),
    "chain": ("track_id", "device_id", "chain_id"),  # a rack's chain (AbletonOSC has none: its pattern)
    "drum_pad": ("track_id", "device_id", "note"),  # a Drum Rack's pad, by its MIDI note 0..127
    "master": (),  # Song.master_track, the Main track (AbletonOSC has no address for it: its pattern)
    "return_track": ("return_id",),  # Song.return_tracks (AbletonOSC has no address for them: its pattern)
}

READ: dict[str, tuple[str, ...]] = {
    "song": (
        "can_capture_midi",
        "can_redo",
        "can_undo",
        "is_playing",
        "song_length",
        "session_record_status",
    ),
    "track": (
        "can_be_armed",
        "can_be_frozen",
        "fired_slot_index",
        "has_audio_input",
        "has_audio_output",
        "has_midi_input",
        "has_midi_output",
        "is_foldable",
        "is_frozen",
        "is_grouped",
        "is_visible",
        "output_meter_level",
        "output_meter_left",
        "output_meter_right",
        "playing_slot_index",
    ),
    "clip_slot": (
        "controls_other_clips",
        "has_clip",
        "is_group_slot",
        "is_playing",
        "is_recording",
        "is_triggered",
        "playing_status",
        "will_record_on_start",
    ),
    "clip": (
        "end_time",
        "file_path",
        "has_groove",
        "is_audio_clip",
        "is_midi_clip",
        "is_overdubbing",
        "is_playing",
        "is_recording",
        "is_triggered",
        "length",
        "playing_position",
        "sample_length",
        "start_time",
        "will_record_on_start",
    ),
    "scene": ("is_empty", "is_triggered"),
    "device": ("class_name", "type", "is_active"),
    "chain": (),
    "drum_pad": ("name", "note"),
    "master": (),
    "return_track": (),
}

WRITE: dict[str, tuple[str, ...]] = {
    "song": (
        "arrangement_overdub",
        "back_to_arranger",
        "clip_trigger_quantization",
        "current_song_time",
        "groove_amount",
        "is_ableton_link_enabled",
        "loop",
        "loop_length",
        "loop_start",
        "metronome",
        "midi_recording_quantization",
        "nudge_down",
        "nudge_up",
        "punch_in",
        "punch_out",
        "record_mode",
        "root_note",
        "scale_name",
        "session_record",
        "signature_denominator",
        "signature_numerator",
        "swing_amount",
        "tempo",
    ),
    "track": (
        "arm",
        "color",
        "color_index",
        "crossfade_assign",
        "current_monitoring_state",
        "fold_state",
        "mute",
        "name",
        "panning",
        "solo",
        "volume",
    ),
    "clip_slot": ("has_stop_button",),
    "clip": (
        "color",
        "color_index",
        "end_marker",
        "gain",
        "launch_mode",
        "launch_quantization",
        "legato",
        "loop_end",
        "loop_start",
        "looping",
        "muted",
        "name",
        "pitch_coarse",
        "pitch_fine",
        "position",
        "ram_mode",
        "start_marker",
        "velocity_amount",
        "warp_mode",
        "warping",
    ),
    "scene": (
        "color",
        "color_index",
        "name",
        "tempo",
        "tempo_enabled",
        "time_signature_numerator",
        "time_signature_denominator",
        "time_signature_enabled",
    ),
    "device": ("name",),
    "chain": ("mute", "name", "solo"),
    "drum_pad": ("mute", "solo"),
    "master": ("crossfader", "cue_volume", "panning", "volume"),
    "return_track": ("color", "mute", "name", "panning", "solo", "volume"),
}

PATHS: dict[tuple[str, str], str] = {
    ("track", "volume"): "mixer_device.volume.value",
    ("track", "panning"): "mixer_device.panning.value",
    ("track", "crossfade_assign"): "mixer_device.crossfade_assign",
    ("master", "volume"): "mixer_device.volume.value",
    ("master", "panning"): "mixer_device.panning.value",
    ("master", "crossfader"): "mixer_device.crossfader.value",
    ("master", "cue_volume"): "mixer_device.cue_volume.value",
    ("return_track", "volume"): "mixer_device.volume.value",
    ("return_track", "panning"): "mixer_device.panning.value",
}

METHODS: dict[str, tuple[str, ...]] = {
    "song": (
        "capture_and_insert_scene",
        "capture_midi",
        "continue_playing",
        "create_audio_track",
        "create_midi_track",
        "create_return_track",
        "create_scene",
        "delete_return_track",
        "delete_scene",
        "delete_track",
        "duplicate_scene",
        "duplicate_track",
        "force_link_beat_time",
        "jump_by",
        "jump_to_next_cue",
        "jump_to_prev_cue",
        "re_enable_automation",
        "redo",
        "set_or_delete_cue",
        "start_playing",
        "stop_all_clips",
        "stop_playing",
        "tap_tempo",
        "trigger_session_record",
        "undo",
    ),
    "track": ("create_audio_clip", "delete_device", "stop_all_clips"),
    "clip_slot": ("create_audio_clip", "create_clip", "delete_clip", "fire", "stop"),
    "clip": ("crop", "duplicate_loop", "fire", "quantize", "quantize_pitch", "stop"),
    "scene": ("fire", "fire_as_selected"),
    "device": (),
    "chain": (),
    "drum_pad": ("delete_all_chains",),
    "master": (),
    "return_track": (),
}

# per-object lists: /live/track/get/clips/<prop> (track) -> (track, value per slot; None when empty)
TRACK_CLIPS = ("name", "length", "color")
TRACK_DEVICES = ("name", "type", "class_name", "can_have_chains")
# /live/track/get|set/<route>: by display name; get/available_<...>: every display name
ROUTES = ("input_routing_type", "input_routing_channel", "output_routing_type", "output_routing_channel")
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")  # /live/api/set/log_level
STARTUP = "/live/startup"  # sent to the reply port when the mode starts
TRACK_ARRANGEMENT_CLIPS = ("name", "length", "start_time")
DEVICE_PARAMETERS = ("name", "value", "min", "max", "is_quantized")
NOTE_FIELDS = ("pitch", "start_time", "duration", "velocity", "mute")
ALL_NOTES = (0, 128, -8192.0, 8192.0 + 1576800.0)  # every pitch, every time, also before the clip start
# racks: /live/device/get/chains/<prop> and get/drum_pads/<prop> (track, device) -> a value per chain
# or per pad (all 128); /live/chain/get/devices/<prop> (track, device, chain) -> a value per device
RACK_CHAINS = ("name", "mute", "solo")
RACK_DRUM_PADS = ("note", "name", "mute", "solo")
CHAIN_DEVICES = ("name", "class_name", "type")
# a rack's macros (parameters 1..16; 0 is Device On): /live/device/get/macros/<prop> (track, device) -> a
# value per visible macro; set/macro (track, device, macro 1..16, value); get/visible_macro_count;
# add_macro / remove_macro (show one more / fewer)
RACK_MACROS = ("name", "value")
# a Simpler's sample: /live/device/get/sample/<prop>, set/sample/<prop> (frames)
SIMPLER = "OriginalSimpler"  # Simpler's class_name
SIMPLER_SAMPLE = ("file_path", "length", "start_marker", "end_marker")
SIMPLER_SAMPLE_WRITE = ("start_marker", "end_marker")
MACROS = 16
# the browser (Live's Application.browser; AbletonOSC has none): a path is category/name/name...
BROWSER_CATEGORIES = ("instruments", "audio_effects", "midi_effects", "drums", "sounds", "samples",
                      "user_library", "plugins", "max_for_live", "clips", "packs", "current_project")  # fmt: skip
BROWSER_ITEMS = ("name", "is_folder", "is_loadable", "is_device", "uri")  # get/children/<prop> (path)
VIEW = ("selected_scene", "selected_track", "selected_clip", "selected_device")
