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
HTTP_PORT = 11042  # TCP: the daemon's studio page, HTTP API and /ws (roo serve --http-port)
MAX_DATAGRAM_BYTES = 65507  # the largest UDP payload on IPv4

# --- AbletonOSC compatibility mode (its grammar: remote_scripts/MuseAroo/abletonosc/grammar.py) ---
ABLETONOSC_PORT = 11000  # AbletonOSC's port: the Remote Script also listens here when the mode is on
ABLETONOSC_REPLY_PORT = 11001  # and answers to this port of the sender's host
# MuseAroo's addition to the grammar: a sender that sends this (no arguments) is answered on its own
# port from then on (each client its own replies: any number of clients at once); answered with that port
ABLETONOSC_REPLY_HERE = "/live/api/reply_to_sender"
ABLETONOSC_SETTING_FILE = "abletonosc.json"  # beside the Remote Script: {"enabled": true}
ABLETONOSC_ENV = "MUSEAROO_ABLETONOSC"  # "1"/"0" overrides the setting file (roo sim --abletonosc)
ABLETONOSC_PORT_ENV = "MUSEAROO_ABLETONOSC_PORT"  # another port to listen on (roo sim --abletonosc-port)
ABLETONOSC_REPLY_PORT_ENV = "MUSEAROO_ABLETONOSC_REPLY_PORT"  # another port to answer to

# --- Common OSC grammar for Live (served by the Remote Script) -------------------------------
LIVE_ERROR = "/live/error"  # args: request address, message
APPLICATION_GET_VERSION = "/live/application/get/version"
# -> version string, build id ("musearoo-livesim" in the in-memory Live), variant, PROTOCOL_VERSION
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
    "loop_start",  # the loop brace, in beats: where an action in the Arrangement goes by default
    "loop_length",
    "scale_mode",  # 0|1, Live 12.0.5+ (an older Live answers on LIVE_ERROR): the producer's key shown
)
SONG_PROPERTIES_SET = ("tempo", "signature_numerator", "signature_denominator", "root_note", "scale_name")
SONG_CREATE_MIDI_TRACK = "/live/song/create_midi_track"  # args: index (-1 = end)
SONG_CREATE_AUDIO_TRACK = "/live/song/create_audio_track"  # args: index (-1 = end)
SONG_CREATE_SCENE = "/live/song/create_scene"  # args: index (-1 = end)
SONG_START_PLAYING = "/live/song/start_playing"
SONG_STOP_PLAYING = "/live/song/stop_playing"
SONG_UNDO = "/live/song/undo"
SONG_REDO = "/live/song/redo"
TRACK_SET_MUTE = (
    "/live/track/set/mute"  # args: track, 0|1 (the common grammar's, on the Remote Script's own port)
)
TRACK_SET_SOLO = "/live/track/set/solo"  # args: track, 0|1
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
# (a full snapshot at once, then one push per timer tick in which the context changed)
RS_CONTEXT_PUSH = "/roo/live/context/changed"  # args: context_seq, then CONTEXT_FIELDS in order
# context_seq rises by one with every change Live reports (a gap: a push was lost; listen again for
# a snapshot). It starts from the clock's milliseconds, so a restarted Remote Script counts on above.
RS_SLOTS_PUSH = "/roo/live/context/slots"  # args: context_seq, track, fill ("1"/"0" per slot, top down)
# pushed with RS_CONTEXT_PUSH to its listeners: each track whose clip slots filled or emptied, every
# track after the track or scene lists changed, and every track in a (re)listen's snapshot
RS_TRACKS_PUSH = "/roo/live/context/tracks"  # args: context_seq, then (name, is_midi 0|1) per track
# pushed with RS_SLOTS_PUSH to its listeners after the track list changed or a track was renamed,
# and in a (re)listen's snapshot (the daemon places parts by the tracks' names without asking)
RS_ARRANGEMENT_PUSH = "/roo/live/context/arrangement"  # args: context_seq, track, arrangement clip count
# pushed with RS_SLOTS_PUSH to its listeners: each track whose arrangement clips changed (a clip made,
# cut or deleted, Live's undo and redo of those); not in a snapshot
RS_CLIP_PUSH = "/roo/live/context/clip"
# args: context_seq, track, slot, then what RS_CLIP_READ answers after track and slot (digest, ""
# for an empty slot; CLIP_INFO_FIELDS; notes blob). Pushed after RS_SLOTS_PUSH to its listeners: the
# selected session slot when the selection moves, its slot fills or empties, or its clip's notes or
# name change, and in a (re)listen's snapshot; not for a clip whose notes do not fit one message.
RS_SET_PUSH = "/roo/live/context/set"  # args: context_seq, set_id, set_name
# which Set is open: pushed before the context in every (re)listen's snapshot, and to the listeners as
# a Set is opened (Live makes a new instance of the script for each Set). set_id is kept in the Set
# (Song.set_data under DATA_KEY_PREFIX + SET_ID_KEY), so it survives save and reopen; set_name is the
# Set's file name without ".als" ("" for a Set never saved).
SET_ID_KEY = "set_id"
RS_WRITE_CLIP_FOR = "/roo/live/write_clip_for"
# args: req, context_seq, follows_selection (0|1), then RS_WRITE_CLIP's arguments after req
# -> req, track, slot, note_count, context_seq, CONTEXT_FIELDS (what Live holds after the write).
# Refused, nothing written, when the write was made for an older context: tempo, signature, root or
# scale changed since context_seq, or (follows_selection 1: track/slot came from the selection) the
# selection or the track and scene lists did. The refusal is RS_STALE_CONTEXT.
RS_STALE_CONTEXT = "/roo/live/stale_context"  # args: req, context_seq, CONTEXT_FIELDS (the new context)
RS_WRITE_CLIP = "/roo/live/write_clip"
# args: req, track, slot, length_beats, name, replace (0|1), notes blob (NOTE_RECORD each)
# -> req, track, slot, note_count. track -1 = selected track; slot -1 = selected slot.
# With replace 0 and a filled slot the clip goes to the next empty slot below (a scene is
# created when none is left); the reply names the slot actually written.
RS_WRITE_ARRANGEMENT_CLIP = "/roo/live/write_arrangement_clip"
# args: req, track, start_beats, path, name, warp, tempo_bpm, replace -> req, track, start_beats, length_beats
RS_IMPORT_ARRANGEMENT_AUDIO = "/roo/live/import_arrangement_audio"
# args: req, track, start_beats, length_beats, name, replace (0|1), notes blob (NOTE_RECORD each;
# may be left out for no notes) -> req, track, start_beats, note_count. Needs Live 12.1.10+
# (Track.create_midi_clip). With replace 0 a region that overlaps an arrangement clip on the track
# is refused naming it; with replace 1 the new clip cuts what lies under it (Live's own rule).
RS_WRITE_ARRANGEMENT_CLIPS = "/roo/live/write_arrangement_clips"
# args: req, start_beats, length_beats, replace (0|1), then (track, name, notes blob) per clip
# -> req, start_beats, then (track, note_count) per clip. Several MIDI clips over one region, each on
# its own track, in one undo step (Live 12.1.10+); every track is checked (and, replace 0, every
# overlap refused) before any clip is made.
RS_REWRITE_ARRANGEMENT_CLIPS = "/roo/live/rewrite_arrangement_clips"
# args: req, then (track, start_beats, length_beats, name, note_count, notes blob when note_count > 0)
# per clip -> req, then (track, start_beats, note_count) per clip. MIDI clips written in place of
# what lies under each (Live's cut), each at its own start and length, in one undo step (Live
# 12.1.10+): a change over a song section rewrites every clip it touches. Every track, note and
# span is checked (clips on one track must not overlap each other) before any clip is made.
RS_ARRANGEMENT_CLIP_AT = "/roo/live/arrangement_clip_at"
# args: req, track, beat -> req, track, index: the arrangement clip on track that plays at beat
# (start <= beat < end), its index as RS_CLIP_INFO takes it; refused naming the clips the track holds.
RS_IMPORT_AUDIO = "/roo/live/import_audio"
# args: req, track, slot, path, name, warp (0|1), tempo_bpm -> req, track, slot
RS_COPY_TIMING = "/roo/live/copy_timing"
# args: req, src_track, src_slot, dst_track, dst_slot -> req, dst_track, dst_slot. Copies warping,
# warp mode, warp markers, start/end markers and loop from one audio clip onto another whose file
# has the same length in samples and rate (a stem of it); one undo step.
# Optional src_arrangement, dst_arrangement (0|1): that end's slot is an arrangement clip's index.
RS_CREATE_TRACKS = "/roo/live/create_tracks"
# args: req, kind ("midi"|"audio"), after_track, name* -> req, first_new_index, count
RS_DELETE_TRACKS = "/roo/live/delete_tracks"
# args: req, first_track, name+ -> req, first_track, count. Takes back tracks RS_CREATE_TRACKS made
# for a job that then failed: deletes first_track and the ones after it, one per name, in one undo
# step, only when each still has that name and holds no clip (session or arrangement); otherwise
# refused, nothing deleted, naming the track and why.
RS_CLIP_INFO = "/roo/live/clip_info"
# args: req, track, slot [, arrangement (0|1)] -> req, track, slot, then CLIP_INFO_FIELDS in order.
# With arrangement 1, slot is the index of the clip among the track's arrangement clips (by start
# time); track -1 / slot -1 then mean the arrangement clip shown in Live's Clip View
# (Song.View.detail_clip). The reply names the track and index actually read.
RS_CLIP_READ = "/roo/live/clip_read"
# args: req, track, slot -> req, track, slot, digest, CLIP_INFO_FIELDS in order, then the clip's notes
# as one blob (NOTE_RECORD each, by start then pitch; left out for no notes and for an audio clip). A
# clip's facts and notes in one main-thread step (track -1 / slot -1: the selected ones, as
# RS_CLIP_INFO). digest: a string that changes when the clip's name, length, markers or notes do.
RS_WRITE_CLIP_FROM = "/roo/live/write_clip_from"
# args: req, context_seq, follows_selection, source_track, source_slot, source_digest, then
# RS_WRITE_CLIP's arguments after req -> as RS_WRITE_CLIP_FOR. A write made from a source clip read
# earlier (its digest from RS_CLIP_READ): refused as RS_WRITE_CLIP_FOR is, and also, nothing written,
# when the source no longer holds what was read; that refusal is RS_STALE_SOURCE.
RS_STALE_SOURCE = "/roo/live/stale_source"
# args: req, source_track, source_slot, digest ("": the slot is empty now), then for a clip
# CLIP_INFO_FIELDS and its notes blob as RS_CLIP_READ answers them (what the source holds now)
RS_CANCEL = "/roo/live/cancel"
# args: req, cancelled_req -> req, cancelled_req, refused (1|0). Names one of the sender's own
# /roo/live/* requests. If it has not run yet, it never will: it is answered RS_CANCELLED, nothing
# done (refused 1). Every datagram of a timer tick is read before any runs, so a cancel that comes
# in the same tick as its request, or before it, wins. refused 0: the request had run already (its
# own reply says what was done) or has not come yet (it is then refused when it comes).
RS_CANCELLED = "/roo/live/cancelled"  # args: cancelled_req: the answer to a request RS_CANCEL stopped
RS_PART = "/roo/live/part"
# args: req, index, count, chunk blob -> req, index, count (parts 0..count-2). A /roo/live/* request
# whose OSC message (req first, as always) is longer than one datagram travels as count parts: its
# encoded bytes cut into chunks of at most PART_BYTES, part index (0-based) after part index-1 answered.
# The last part is answered by the whole request's own reply (or error), the request run as if it had
# come in one datagram: one main-thread step, one undo step. Nothing of it runs before every part came:
# a part out of order, twice, of another count, or one that does not come within PART_TIMEOUT_S of the
# one before drops the parts, nothing run, answered on LIVE_ERROR naming the request and the part.
# A request that fits one datagram is sent as before, never in parts. A /roo/live/* reply longer than
# one datagram (a clip of more notes read back) comes back the same way, a few parts each timer tick,
# unanswered: RS_PART req, index, count, chunk blob; the client joins them and reads the reply.
PART_TIMEOUT_S = 5.0
MAX_PARTS = 64
RS_WRITE_WARP_MARKERS = "/roo/live/write_warp_markers"
# args: req, track, slot, arrangement (0|1), start_marker_beats, end_marker_beats, loop_start_beats,
# loop_end_beats, markers blob (WARP_MARKER_RECORD each, rising in both seconds and beats)
# -> req, track, slot, marker_count. Warps the audio clip (track/slot as for RS_CLIP_INFO) and
# replaces its warp markers, start/end markers and loop (its looping switch and warp mode stay) in
# one undo step. Read back; if Live refuses or changes anything the clip keeps its old timing and
# the error names what differed.
RS_WARP_MARKERS = "/roo/live/warp_markers"
# args: req, track, slot [, arrangement (0|1)] -> req, track, slot, warping (0|1), then the audio clip's
# warp markers as one blob (WARP_MARKER_RECORD each, as Live holds them; left out for none). Track and
# slot as for RS_CLIP_INFO. How a file's seconds land on the clip's beats (/roo/transcribe).
RS_NEW_TRACK_CLIP = "/roo/live/new_track_clip"
# args: req, after_track, track_name, slot_or_start, arrangement (0|1), length_beats, clip_name, notes
# blob (NOTE_RECORD each; may be left out for no notes) -> req, track, slot_or_start, note_count. A new
# MIDI track right after after_track, named, holding one MIDI clip (a session slot, or with
# arrangement 1 an arrangement clip starting at slot_or_start beats, Live 12.1.10+) in ONE undo step;
# everything is checked before Live is touched.
RS_TRACKS = "/roo/live/tracks"  # args: req -> req, then (name, is_midi 0|1) for each track in order
RS_NAME_SCENE = "/roo/live/name_scene"  # args: req, scene, name -> req, scene
RS_SET_CONTEXT = "/roo/live/set_context"  # args: req, (name value)* over SETTABLE_CONTEXT -> req
# Data MuseAroo keeps in the Set (Song.set_data / get_data: saved with the Set, no undo step), under
# "musearoo.<key>", the value a JSON text; get answers "" when nothing is stored.
RS_SET_DATA = "/roo/live/set_data"  # args: req, key, value -> req
RS_GET_DATA = "/roo/live/get_data"  # args: req, key -> req, value
# Clip envelopes (remote_scripts/MuseAroo/automation.py): slot -1 names the arrangement clip under at_beats
RS_ENVELOPE_TARGET = "/roo/live/envelope_target"  # args: req, track, slot, at_beats, device, parameter
# [, insert]
# -> req, track, slot, clip_start_beats, clip_length_beats, device_name, parameter_name, min, max, quantized, value
# [, inserted]: with insert 1 a built-in device the track lacks is loaded at the end of its chain (Live 12.3+)
RS_WRITE_ENVELOPE = "/roo/live/write_envelope"  # args: req, track, slot, at_beats, device, parameter,
# clear 0/1, steps blob (little-endian float64 time_beats, duration_beats, value per step) -> req, track, slot, steps
RS_SET_CUES = "/roo/live/set_cues"  # args: req, (beats name)* -> req, count (Live stopped)
RS_CUES = "/roo/live/cues"  # args: req -> req, (beats name)* of every cue point, earliest first
RS_CLEAR_ENVELOPE = "/roo/live/clear_envelope"  # args: req, track, slot, at_beats, device, parameter
# (both "": every envelope of the clip) -> req, track, slot, 1 when there was one
RS_READ_ENVELOPE = "/roo/live/read_envelope"  # args: req, track, slot, at_beats, device, parameter, times
# blob (little-endian float64 beats from the region's start) -> req, track, slot, device_name, parameter_name,
# min, max, 1 when the clip has an envelope for it, then the value at each time (the parameter's value: none)
DATA_KEY_PREFIX = "musearoo."

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
    "end_time_beats",
    "looping",
    "loop_start_beats",
    "loop_end_beats",
)
# start_s/end_s: the region between the start and end markers in seconds of the file (audio clips;
# through the warp markers when warped); -1.0 where it cannot be known (MIDI, fewer than 2 markers).
# start_time_beats: where an arrangement clip starts in the arrangement; -1.0 for a session clip.
# end_time_beats: where it ends (a looping clip repeats its loop, loop_start..loop_end in clip beats,
# up to there); -1.0 for a session clip. looping: 1 when the clip's loop is on.
SETTABLE_CONTEXT = ("tempo_bpm", "root_note", "scale_name", "signature_numerator", "signature_denominator")

# A note travels as one little-endian record: pitch u8, start f64, duration f64, velocity u8,
# mute u8 (19 bytes). 512 notes as a blob build in tens of microseconds instead of milliseconds.
NOTE_RECORD = struct.Struct("<BddBB")
MAX_NOTES_PER_MESSAGE = (MAX_DATAGRAM_BYTES - 512) // NOTE_RECORD.size
PART_BYTES = MAX_DATAGRAM_BYTES - 512  # a message's bytes one RS_PART carries
# the notes of one write sent in RS_PART parts (about 220,000; a write that fits one message: as before)
MAX_NOTES_PER_WRITE = (MAX_PARTS * PART_BYTES - 4096) // NOTE_RECORD.size
# A warp marker travels as (sample seconds f64, beats f64), little-endian (16 bytes).
WARP_MARKER_RECORD = struct.Struct("<dd")
MAX_WARP_MARKERS_PER_MESSAGE = (MAX_DATAGRAM_BYTES - 512) // WARP_MARKER_RECORD.size

# --- Daemon messages (for the device, the CLI and any client) --------------------------------
PING = "/roo/ping"  # -> PONG version
PONG = "/roo/pong"
REGISTER = "/roo/register"  # args: port -> status updates also go to 127.0.0.1:port
GENERATE = "/roo/generate"  # args: part, (name value)* over GENERATE_OPTIONS
ANALYZE = "/roo/analyze"  # args: [track slot] [(name value)*] over ANALYZE_OPTIONS
SEPARATE = "/roo/separate"  # args: [track slot] [model | (name value)* over SEPARATE_OPTIONS]
MUSICGEN = "/roo/musicgen"  # args: prompt [bars] [track slot] [(name value)*] over MUSICGEN_OPTIONS
TRANSFORM = "/roo/transform"  # args: kind, (name value)* over TRANSFORM_OPTIONS (track and slot needed)
TRANSCRIBE = "/roo/transcribe"  # args: [track slot] [(name value)*] over TRANSCRIBE_OPTIONS
COMMAND = "/roo/command"  # args: text
FOLLOW = "/roo/follow"  # job, args: track slot (mark the chord source) | none (follow nothing) | auto
# (the rule again) | nothing (say the current source) -> FOLLOW_STATE to the requester and devices
FOLLOW_STATE = "/roo/follow/state"  # args: mode (auto|clip|none), track, slot (-1 -1 unless clip), text
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
# A result always fits one datagram: JSON longer than RESULT_JSON_BYTES keeps every field, its longest
# lists cut to what fits, and says so: "cut" {list: {"count": all, "carried": the first ones carried}},
# "whole" {"job", "result" (the job's result index), "bytes", "parts", "osc": RESULT_GET, "http"}.
RESULT_JSON_BYTES = PART_BYTES
RESULT_GET = "/roo/result/get"  # args: job_id, result index, part index -> RESULT_PART (or ERROR)
RESULT_PART = "/roo/result/part"  # args: job_id, result index, part index, count, chunk blob (whole JSON)
CONTEXT = "/roo/context"  # args: CONTEXT_FIELDS in order (the daemon's view of the song)

# --- Take history (every write into Live is a take: a commit with its parent) ----------------
# Take ids are 12 hex characters; any unambiguous prefix of at least 6 is accepted.
HISTORY_LIST = "/roo/history/list"  # args: (name value)* over HISTORY_LIST_OPTIONS
HISTORY_TAKE = "/roo/history/take"  # reply, one per take, newest first: HISTORY_TAKE_FIELDS in order
HISTORY_END = "/roo/history/end"  # reply after the takes: count
HISTORY_RECALL = "/roo/history/recall"  # job, args: take_id [track T slot S]: into an empty slot
HISTORY_FORK = "/roo/history/fork"  # job, args: take_id (name value)* over GENERATE_OPTIONS
HISTORY_STAR = "/roo/history/star"  # job, args: take_id, 0|1
HISTORY_MESSAGE = "/roo/history/message"  # job, args: take_id, message
HISTORY_PROJECT = "/roo/history/project"  # job, args: name (the Set's file path or a name)
HISTORY_LIST_OPTIONS = {"project": "str", "part": "str", "limit": "int"}
HISTORY_TAKE_FIELDS = (
    "take_id", "parent_id", "action", "part", "created_at", "message", "starred", "project", "in_another_set",
)  # fmt: skip
# parent_id "" = a root take; created_at ISO 8601 UTC; starred 0|1; project: the project (the Set's
# name) it is in; in_another_set 1: made in a Set other than the one open in Live (never "undone" here)

JOB_STATES = ("queued", "running", "done", "failed", "cancelled")
FINAL_STATES = ("done", "failed", "cancelled")
PARTS = ("drums", "bass", "chords", "melody", "all", "song")
GENERATE_OPTIONS = {
    "track": "int",
    "slot": "int",
    "arrangement": "int",  # 1: into the Arrangement at the loop brace (Live 12.1.10+), not a slot
    "at": "float",  # with arrangement 1: the start in Live's beats instead of the loop brace's
    "bars": "int",
    "genre": "str",
    "density": "float",
    "complexity": "float",
    "seed": "int",
    "key": "str",
    "replace": "int",
    "swing": "float",  # groove controls, 0..1 each, over the genre's defaults
    "humanize": "float",
    "accent": "float",
    "intensity": "float",
    "fills": "str",  # none | phrase | 4
    "source_track": "int",  # a MIDI clip whose chords the part follows (drums: whose onsets the kick
    "source_slot": "int",  # takes); default: the selected clip when it is a MIDI clip with notes
    "automation": "int",  # song: 0 leaves out the clip envelopes its genre asks for (default 1)
}
# /roo/transform kinds; the result goes to the next empty slot of the same track unless replace 1.
TRANSFORM_KINDS = (
    "vary",
    "humanize",
    "quantize",
    "swing",
    "half_time",
    "double_time",
    "density",
    "ornament",
    "revoice",
    "transpose",
    "retrograde",
    "invert",
    "fill",
    "drums_keep",
    "drums_remove",
    "drums_add",  # issue 44: hits of voices on the scope's beats
    "clear",  # the notes in the scope taken out
    "velocity",  # amount 0.5 keeps, above louder, below softer
    "shift",  # offset beats, later + / earlier -
    "waltz",
    "sparse_hits",
    "straight",
    "syncopate",
    "four_on_the_floor",
    "offbeat_stabs",
    "ghost_notes",
    "more_movement",
)
TRANSFORM_OPTIONS = {
    "track": "int",
    "slot": "int",
    "replace": "int",
    "seed": "int",
    "amount": "float",  # 0..1 (density: 0.5 keeps, less thins, more adds)
    "strength": "float",  # quantize, 0..1
    "grid": "float",  # quantize and vary, beats
    "subdivision": "str",  # swing: 8th | 16th
    "semitones": "int",  # transpose, chromatic
    "steps": "int",  # transpose, diatonic scale steps
    "to": "str",  # transpose to a tonic, e.g. E
    "voices": "str",  # drums_keep / drums_remove: kick,snare,clap,hats,closed,pedal,open,ride,toms,cymbals,percussion
    "keep": "str",  # vary: rhythm | pitches
    "style": "str",  # revoice: smooth | close | open | drop2
    "key": "str",  # the clip's key for diatonic moves (default: detected from the notes)
    "pivot": "int",  # invert: mirror pitch
    "beats": "float",  # fill: length from the clip's end
    "bar": "int",  # only the notes starting in this bar (1-based; 0: every bar); not for half_time,
    "beat": "int",  # double_time, retrograde, fill. beat: of the bar, 1-based quarter notes (0: whole bar)
    "arrangement": "int",  # 1: track and slot name an arrangement clip (slot: its index), transformed in place
    "from_bar": "int",  # issue 44's scope: bars from this one (1-based), up to to_bar (inclusive),
    "to_bar": "int",
    "half": "int",  # the first (1) or second (2) half of the clip's bars,
    "last_bars": "int",  # the last N bars (first_bars: the first N),
    "first_bars": "int",
    "every": "int",  # every Nth bar,
    "on": "str",  # offbeats | downbeats | backbeat
    "offset": "float",  # shift: beats later (+) or earlier (-)
}
# /roo/analyze options: backend madmom|librosa; apply 1 sets Live's tempo (at Live's own tempo level
# when the detected one is 2:1, 1:2, 3:2 or 2:3 of it) and, with a confident key, root and scale;
# force 1 applies the detected tempo and key as they are; warp 1 writes warp markers that put the
# clip's analysed bars on Live's bar lines; arrangement 1: track/slot name an arrangement clip.
ANALYZE_OPTIONS = {"backend": "str", "apply": "int", "force": "int", "warp": "int", "arrangement": "int"}
# /roo/separate options: arrangement 1 puts the stems in the Arrangement at the source clip's start
# (a session source: the loop brace's, or at); source_track T source_at BEAT names an arrangement clip.
SEPARATE_OPTIONS = {"model": "str", "arrangement": "int", "at": "float", "source_track": "int",
                    "source_at": "float"}  # fmt: skip
# /roo/transcribe [track slot] [kind K] [quantize Q]: an audio clip's notes as a MIDI clip on a new
# MIDI track right after it ("<source> (<kind> MIDI)"; drums in the GM drum layout: 36 kick, 38 snare,
# 42 closed hat, 46 open hat ...), in the source's scene, placed in beats through its warp markers; one
# undo step, a take. kind auto chooses and says what it chose; quantize 0..1 pulls the notes toward the
# song's 16th grid (0, the default: as played). arrangement 1: into the Arrangement at the source's
# start; source_track T source_at BEAT names an arrangement clip. key K ("A minor", "F#m"): the song's
# key, which decides a sung take's tuning where the audio sits near a quarter tone off (default: the
# Set's key where someone chose it, else none). Result kind "transcribe":
# TRANSCRIBE_RESULT_FIELDS (notes: pitch, start_s, end_s, velocity, start_beats, duration_beats each).
TRANSCRIBE_KINDS = ("auto", "melody", "bass", "piano", "chords", "drums")
TRANSCRIBE_OPTIONS = {"kind": "str", "quantize": "float", "arrangement": "int", "source_track": "int",
                      "source_at": "float", "key": "str"}  # fmt: skip
TRANSCRIBE_RESULT_FIELDS = ("kind", "track", "slot", "start_beats", "length_beats", "note_count", "source",
                            "notes")  # fmt: skip
# /roo/musicgen options: continue 1 continues the selected audio clip; melody 1 guides a melody model
# with the selected clip; model NAME; seed N; variations N (1..8) makes N takes in one batch, seeds
# seed, seed+1 ..., landing in the next empty slots of the track.
MUSICGEN_OPTIONS = {"continue": "int", "melody": "int", "model": "str", "seed": "int", "variations": "int",
                    "arrangement": "int", "at": "float", "replace": "int", "key": "str"}  # fmt: skip

# --- MIDI-GPT on the producer's own clips (issue 34): each result is a take, one undo step ------
# /roo/infill track slot [bars FROM-TO]: rewrite those bars (counted from 1; default the clip's last
# half) of the MIDI clip in place, every note outside them kept; /roo/continue track slot bars N:
# N new bars into the next empty slot below (extend 1: the same clip made N bars longer);
# /roo/accompany part: a new clip on the part's track (the track last written for the part, else a
# MIDI track named for it, else a new one) in the selected scene, from that scene's other clips.
# track/slot -1: the selected ones. variations N (1..8): take 1 as above, the others in the next
# empty slots. Result kind "infill" | "continue" | "accompany": INFILL_RESULT_FIELDS.
INFILL = "/roo/infill"  # args: track, slot, (name value)* over INFILL_OPTIONS
CONTINUE = "/roo/continue"  # args: track, slot, (name value)* over CONTINUE_OPTIONS (bars needed)
ACCOMPANY = "/roo/accompany"  # args: part (drums|bass|chords|melody), (name value)* over ACCOMPANY_OPTIONS
ACCOMPANY_OPTIONS = {
    "model": "str",
    "seed": "int",
    "density": "float",
    "complexity": "float",
    "variations": "int",
    # In the Arrangement (issue 43): the source is the arrangement clip at source_at on source_track
    # (infill and continue: or the track's arrangement clip of index slot); accompany writes over its
    # region, or at at (default the loop brace's start); replace 1 lets a new clip cut what lies under.
    "arrangement": "int",
    "source_track": "int",
    "source_at": "float",
    "at": "float",
    "replace": "int",
}
INFILL_OPTIONS = {"bars": "str", **ACCOMPANY_OPTIONS}  # bars "5-8" or "5"
CONTINUE_OPTIONS = {"bars": "int", "extend": "int", **ACCOMPANY_OPTIONS}

# /roo/automate <track> <device> <parameter> <shape> [from X] [to Y] [bars N] [slot S | at BEAT]
# [rate BEATS] [curve C] [first_bars N | last_bars N]: a clip envelope (device "mixer" with
# volume|pan|send A..; from/to in the parameter's own units, default its min..max; bars default the
# clip's length; first_bars: the first N bars, last_bars: the last N, ending at the clip's end; slot
# default the selected scene's; at: the arrangement clip under that beat). /roo/automate clear <track>
# [<device> <parameter>] [slot S | at BEAT]: removes the parameter's envelope there (none named:
# every envelope of the clip). Result kind "automate": AUTOMATE_RESULT_FIELDS.
AUTOMATE = "/roo/automate"
AUTOMATE_SHAPES = ("rise", "fall", "swell", "dip", "steps", "lfo")
AUTOMATE_OPTIONS = {"from": "float", "to": "float", "bars": "int", "slot": "int", "at": "float",
                    "rate": "float", "curve": "float", "first_bars": "int", "last_bars": "int"}  # fmt: skip
AUTOMATE_RESULT_FIELDS = (
    "track",
    "slot",
    "start_beats",
    "device",
    "parameter",
    "shape",
    "steps",
    "from",
    "to",
)
INFILL_RESULT_FIELDS = ("track", "slot", "first_bar", "last_bar", "length_beats", "note_count", "seed",
                        "model", "parent_id", "takes")  # fmt: skip

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
            "follow": FOLLOW,
            "follow_state": FOLLOW_STATE,
            "transform": TRANSFORM,
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
            "history_list": HISTORY_LIST,
            "history_take": HISTORY_TAKE,
            "history_end": HISTORY_END,
            "history_recall": HISTORY_RECALL,
            "history_fork": HISTORY_FORK,
            "history_star": HISTORY_STAR,
            "history_message": HISTORY_MESSAGE,
            "history_project": HISTORY_PROJECT,
            "infill": INFILL,
            "continue": CONTINUE,
            "accompany": ACCOMPANY,
            "automate": AUTOMATE,
            "transcribe": TRANSCRIBE,
        },
        "history_take_fields": list(HISTORY_TAKE_FIELDS),
        "job_states": list(JOB_STATES),
        "parts": list(PARTS),
        "generate_options": GENERATE_OPTIONS,
        "analyze_options": ANALYZE_OPTIONS,
        "transform_kinds": list(TRANSFORM_KINDS),
        "transform_options": TRANSFORM_OPTIONS,
        "musicgen_options": MUSICGEN_OPTIONS,
        "infill_options": INFILL_OPTIONS,
        "continue_options": CONTINUE_OPTIONS,
        "accompany_options": ACCOMPANY_OPTIONS,
        "jam_options": JAM_OPTIONS,
        "transcribe_kinds": list(TRANSCRIBE_KINDS),
        "transcribe_options": TRANSCRIBE_OPTIONS,
        "separation_models": list(SEPARATION_MODELS),
        "context_fields": list(CONTEXT_FIELDS),
    }
    return json.dumps(facts, indent=2, sort_keys=True) + "\n"
