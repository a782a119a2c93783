"""MuseAroo's wire protocol: every OSC address, argument layout and default port, written once.

Stdlib only: the Remote Script imports an identical copy (``remote_scripts/MuseAroo/roo_protocol.py``,
a test asserts the two are byte-equal) and ``max_for_live/protocol.json`` is generated from
``as_json()``. Times on the wire are in beats (quarter notes) unless a name says ``_s``.
"""

from __future__ import annotations

import json
import struct

PROTOCOL_VERSION = 1
HOST = "127.0.0.1"
LIVE_PORT = 11040  # the Remote Script inside Live listens here
DAEMON_PORT = 11041  # the daemon listens here for the device, the CLI and other clients
MAX_DATAGRAM_BYTES = 65507  # the largest UDP payload on IPv4

# --- Common OSC grammar for Live (served by the Remote Script) -------------------------------
LIVE_ERROR = "/live/error"  # args: request address, message
SONG_GET = "/live/song/get/"  # + property
SONG_SET = "/live/song/set/"  # + property
SONG_PROPERTIES_GET = (
    "tempo",
    "signature_numerator",
    "signature_denominator",
    "root_note",
    "scale_name",
    "num_tracks",
    "num_scenes",
    "track_names",
    "is_playing",
    "current_song_time",
)
SONG_PROPERTIES_SET = ("tempo", "signature_numerator", "signature_denominator", "root_note", "scale_name")
SONG_CREATE_MIDI_TRACK = "/live/song/create_midi_track"  # args: index (-1 = end)
SONG_CREATE_AUDIO_TRACK = "/live/song/create_audio_track"  # args: index (-1 = end)
SONG_CREATE_SCENE = "/live/song/create_scene"  # args: index (-1 = end)
SONG_START_PLAYING = "/live/song/start_playing"
SONG_STOP_PLAYING = "/live/song/stop_playing"
SONG_UNDO = "/live/song/undo"
CLIP_SLOT_CREATE_CLIP = "/live/clip_slot/create_clip"  # args: track, slot, length_beats
CLIP_SLOT_DELETE_CLIP = "/live/clip_slot/delete_clip"  # args: track, slot
CLIP_SLOT_HAS_CLIP = "/live/clip_slot/get/has_clip"  # args: track, slot -> track, slot, 0|1
CLIP_ADD_NOTES = "/live/clip/add/notes"  # args: track, slot, (pitch start duration velocity mute)*
CLIP_GET_NOTES = "/live/clip/get/notes"  # args: track, slot -> track, slot, (pitch start dur vel mute)*
CLIP_REMOVE_NOTES = "/live/clip/remove/notes"  # args: track, slot
CLIP_GET = "/live/clip/get/"  # + name | length | file_path | start_marker | end_marker ...
CLIP_PROPERTIES_GET = (
    "name",
    "length",
    "file_path",
    "is_midi_clip",
    "is_audio_clip",
    "start_marker",
    "end_marker",
    "loop_start",
    "loop_end",
    "warping",
    "sample_rate",
)
NOTE_FIELDS = ("pitch", "start_beats", "duration_beats", "velocity", "mute")

# --- MuseAroo's own messages to the Remote Script --------------------------------------------
# Every request carries a request id first; the reply repeats it so concurrent clients match
# replies to requests. Errors come back on LIVE_ERROR with the request address and the message,
# then (for /roo/live/* requests) the request id; each request gets exactly one reply or error.
RS_CONTEXT_GET = "/roo/live/context"  # args: req -> req, then CONTEXT_FIELDS in order
RS_CONTEXT_LISTEN = "/roo/live/context/listen"  # args: req -> req; pushes RS_CONTEXT_PUSH to sender
RS_CONTEXT_PUSH = "/roo/live/context/changed"  # args: 0, then CONTEXT_FIELDS in order
RS_WRITE_CLIP = "/roo/live/write_clip"
# args: req, track, slot, length_beats, name, replace (0|1), notes blob (NOTE_RECORD each)
# -> req, track, slot, note_count. track -1 = selected track; slot -1 = selected slot.
# With replace 0 and a filled slot the clip goes to the next empty slot below (a scene is
# created when none is left); the reply names the slot actually written.
RS_WRITE_ARRANGEMENT_CLIP = "/roo/live/write_arrangement_clip"
# args: req, track, start_beats, length_beats, name, notes blob (NOTE_RECORD each; may be left out
# for no notes) -> req, track, start_beats, note_count. Needs Live 12.1.10+ (Track.create_midi_clip).
RS_IMPORT_AUDIO = "/roo/live/import_audio"
# args: req, track, slot, path, name, warp (0|1), tempo_bpm -> req, track, slot
RS_COPY_TIMING = "/roo/live/copy_timing"
# args: req, src_track, src_slot, dst_track, dst_slot -> req, dst_track, dst_slot. Copies warping,
# warp mode, warp markers, start/end markers and loop from one audio clip onto another whose file
# has the same length in samples and rate (a stem of it); one undo step.
RS_CREATE_TRACKS = "/roo/live/create_tracks"
# args: req, kind ("midi"|"audio"), after_track, name* -> req, first_new_index, count
RS_CLIP_INFO = "/roo/live/clip_info"
# args: req, track, slot [, arrangement (0|1)] -> req, track, slot, then CLIP_INFO_FIELDS in order.
# With arrangement 1, slot is the index of the clip among the track's arrangement clips (by start
# time); track -1 / slot -1 then mean the arrangement clip shown in Live's Clip View
# (Song.View.detail_clip). The reply names the track and index actually read.
RS_WRITE_WARP_MARKERS = "/roo/live/write_warp_markers"
# args: req, track, slot, arrangement (0|1), start_marker_beats, end_marker_beats, loop_start_beats,
# loop_end_beats, markers blob (WARP_MARKER_RECORD each, rising in both seconds and beats)
# -> req, track, slot, marker_count. Warps the audio clip (track/slot as for RS_CLIP_INFO) and
# replaces its warp markers, start/end markers and loop (its looping switch and warp mode stay) in
# one undo step. Read back; if Live refuses or changes anything the clip keeps its old timing and
# the error names what differed.
RS_NAME_SCENE = "/roo/live/name_scene"  # args: req, scene, name -> req, scene
RS_SET_CONTEXT = "/roo/live/set_context"  # args: req, (name value)* over SETTABLE_CONTEXT -> req

CONTEXT_FIELDS = (
    "tempo_bpm",
    "signature_numerator",
    "signature_denominator",
    "root_note",
    "scale_name",
    "selected_track",
    "selected_slot",
    "song_time_beats",
    "is_playing",
    "num_tracks",
    "num_scenes",
    "live_version",
)
CLIP_INFO_FIELDS = (
    "name",
    "is_audio_clip",
    "file_path",
    "length_beats",
    "start_marker_beats",
    "end_marker_beats",
    "warping",
    "sample_rate",
    "track_name",
    "start_s",
    "end_s",
    "start_time_beats",
)
# start_s/end_s: the region between the start and end markers in seconds of the file (audio clips;
# through the warp markers when warped); -1.0 where it cannot be known (MIDI, fewer than 2 markers).
# start_time_beats: where an arrangement clip starts in the arrangement; -1.0 for a session clip.
SETTABLE_CONTEXT = ("tempo_bpm", "root_note", "scale_name", "signature_numerator", "signature_denominator")

# A note travels as one little-endian record: pitch u8, start f64, duration f64, velocity u8,
# mute u8 (19 bytes). 512 notes as a blob build in tens of microseconds instead of milliseconds.
NOTE_RECORD = struct.Struct("<BddBB")
MAX_NOTES_PER_MESSAGE = (MAX_DATAGRAM_BYTES - 512) // NOTE_RECORD.size
# A warp marker travels as (sample seconds f64, beats f64), little-endian (16 bytes).
WARP_MARKER_RECORD = struct.Struct("<dd")
MAX_WARP_MARKERS_PER_MESSAGE = (MAX_DATAGRAM_BYTES - 512) // WARP_MARKER_RECORD.size

# --- Daemon messages (for the device, the CLI and any client) --------------------------------
PING = "/roo/ping"  # -> PONG version
PONG = "/roo/pong"
REGISTER = "/roo/register"  # args: port -> status updates also go to 127.0.0.1:port
GENERATE = "/roo/generate"  # args: part, (name value)* over GENERATE_OPTIONS
ANALYZE = "/roo/analyze"  # args: [track slot] [(name value)*] over ANALYZE_OPTIONS
SEPARATE = "/roo/separate"  # args: [track slot] [model]
MUSICGEN = "/roo/musicgen"  # args: prompt [bars] [track slot]
COMMAND = "/roo/command"  # args: text
VOICE_START = "/roo/voice/start"
VOICE_STOP = "/roo/voice/stop"
CANCEL = "/roo/cancel"  # args: job_id
JAM_START = "/roo/jam/start"  # args: (name value)* over JAM_OPTIONS -> JAM_STATE "started", json
JAM_STOP = "/roo/jam/stop"  # args: [now|phrase] -> JAM_STATE "stopped", json
JAM_SET = "/roo/jam/set"  # args: name value (density, key, drums 0, fill 1 ...) -> JAM_STATE "set", json
JAM_STATE = "/roo/jam/state"  # args: event (started|set|stopped), json text
REGISTERED = "/roo/registered"  # reply to REGISTER: port
ERROR = "/roo/error"  # args: request address, message (malformed packets, unknown addresses)
STATUS = "/roo/status"  # args: job_id, state, progress (0..1), message
RESULT = "/roo/result"  # args: job_id, kind, json text (analysis results, intents, file paths)
CONTEXT = "/roo/context"  # args: CONTEXT_FIELDS in order (the daemon's view of the song)

JOB_STATES = ("queued", "running", "done", "failed", "cancelled")
FINAL_STATES = ("done", "failed", "cancelled")
PARTS = ("drums", "bass", "chords", "melody", "all", "song")
GENERATE_OPTIONS = {
    "track": "int",
    "slot": "int",
    "bars": "int",
    "genre": "str",
    "density": "float",
    "complexity": "float",
    "seed": "int",
    "key": "str",
    "replace": "int",
}
# /roo/analyze options: backend madmom|librosa; apply 1 sets Live's tempo (at Live's own tempo level
# when the detected one is 2:1, 1:2, 3:2 or 2:3 of it) and, with a confident key, root and scale;
# force 1 applies the detected tempo and key as they are; warp 1 writes warp markers that put the
# clip's analysed bars on Live's bar lines; arrangement 1: track/slot name an arrangement clip.
ANALYZE_OPTIONS = {"backend": "str", "apply": "int", "force": "int", "warp": "int", "arrangement": "int"}
# /roo/jam/start options: sync link|clock|own, parts "drums,bass", midi auto|alsa|jack|coremidi|winmm,
# port an existing port for every part, bars stop after N bars, record a .mid file to write.
JAM_OPTIONS = {
    "sync": "str",
    "tempo": "float",
    "genre": "str",
    "key": "str",
    "parts": "str",
    "bars": "int",
    "midi": "str",
    "port": "str",
    "record": "str",
    "seed": "int",
}
SEPARATION_MODELS = ("htdemucs", "htdemucs_ft", "htdemucs_6s", "mdx_extra")


def pack_notes(notes: list[tuple[int, float, float, int, int]]) -> bytes:
    """Pack (pitch, start_beats, duration_beats, velocity, mute) tuples into one blob."""
    pack = NOTE_RECORD.pack
    return b"".join(pack(*n) for n in notes)


def unpack_notes(blob: bytes) -> list[tuple[int, float, float, int, int]]:
    """Inverse of pack_notes; raises ValueError when the blob is not whole records."""
    if len(blob) % NOTE_RECORD.size:
        raise ValueError(
            f"notes blob of {len(blob)} bytes is not a multiple of {NOTE_RECORD.size}-byte records"
        )
    return list(NOTE_RECORD.iter_unpack(blob))


def pack_warp_markers(markers: list[tuple[float, float]]) -> bytes:
    """Pack (sample_seconds, beats) warp markers into one blob."""
    pack = WARP_MARKER_RECORD.pack
    return b"".join(pack(s, b) for s, b in markers)


def unpack_warp_markers(blob: bytes) -> list[tuple[float, float]]:
    """Inverse of pack_warp_markers; raises ValueError when the blob is not whole records."""
    if len(blob) % WARP_MARKER_RECORD.size:
        raise ValueError(
            f"warp markers blob of {len(blob)} bytes is not a multiple of "
            f"{WARP_MARKER_RECORD.size}-byte records"
        )
    return list(WARP_MARKER_RECORD.iter_unpack(blob))


def as_json() -> str:
    """The facts the Max device needs, as the JSON written to max_for_live/protocol.json."""
    facts = {
        "version": PROTOCOL_VERSION,
        "host": HOST,
        "daemon_port": DAEMON_PORT,
        "live_port": LIVE_PORT,
        "addresses": {
            "ping": PING,
            "pong": PONG,
            "register": REGISTER,
            "generate": GENERATE,
            "analyze": ANALYZE,
            "separate": SEPARATE,
            "musicgen": MUSICGEN,
            "command": COMMAND,
            "voice_start": VOICE_START,
            "voice_stop": VOICE_STOP,
            "cancel": CANCEL,
            "jam_start": JAM_START,
            "jam_stop": JAM_STOP,
            "jam_set": JAM_SET,
            "jam_state": JAM_STATE,
            "registered": REGISTERED,
            "error": ERROR,
            "status": STATUS,
            "result": RESULT,
            "context": CONTEXT,
        },
        "job_states": list(JOB_STATES),
        "parts": list(PARTS),
        "generate_options": GENERATE_OPTIONS,
        "analyze_options": ANALYZE_OPTIONS,
        "jam_options": JAM_OPTIONS,
        "separation_models": list(SEPARATION_MODELS),
        "context_fields": list(CONTEXT_FIELDS),
    }
    return json.dumps(facts, indent=2, sort_keys=True) + "\n"
