"""What each request option means, in words for a person or an assistant: its unit, its format, its
allowed values and what leaving it out does.

The one table beside ``bridge.actions.options.RANGES`` (the ranges) and ``bridge.protocol``'s option tables (the
types): ``describe`` joins the three, so the MCP tools' schemas, the HTTP API's ``/api/options``
and docs/protocol.md say the same. A name means the same in every request that takes it, except
where ``BY_REQUEST`` says otherwise for one request (``bars "5-8"`` of infill). A test holds that
every option of every table has words here.
"""

from __future__ import annotations

from bridge import protocol
from bridge.actions.options import RANGES
from engines.music import FILLS, SCALES
from engines.preset_files import names

SELECTED = "leave out (or -1) for the selected one in Live"
ABOUT: dict[str, str] = {
    "track": f"track index from 0; {SELECTED}",
    "slot": f"clip slot (scene row) index from 0; {SELECTED}",
    "source_track": "the track of a MIDI clip to follow (its chords; drums: its onsets) or, with source_at, of "
    "an arrangement clip; leave out for the selected clip",
    "source_slot": "the clip slot of that source clip; leave out for the selected clip",
    "source_at": "in beats: the arrangement clip on source_track under this beat is the source",
    "arrangement": "1: into the Arrangement (at the loop brace, or at), not a clip slot; 0 or left out: Session",
    "at": "in beats (quarter notes) from the Arrangement's start: where the result starts; leave out for "
    "the loop brace's start",
    "bars": "length in bars (of the song's signature); leave out for the default (4, or the clip's)",
    "genre": "a genre preset (any common spelling: 'hip hop', 'dnb'): {genres}; leave out for the Set's "
    "(or pop)",
    "density": "0..1: how many notes (0.5 the genre's usual); leave out for the default",
    "complexity": "0..1: how intricate the rhythm and voicing are; leave out for the default",
    "seed": "a whole number: the same seed and settings give the same notes; leave out for a new one",
    "key": "a note A..G with optional # or b, then major, minor or a Live 12 scale, e.g. 'A minor', "
    "'F# major', 'E Hirajoshi'; scales: {scales}; leave out for Live's key and scale",
    "replace": "1: overwrite the target slot's clip; 0 or left out: the next empty slot",
    "swing": "0..1 groove swing over the genre's own; leave out for the genre's",
    "humanize": "0..1 timing and velocity looseness; leave out for the genre's",
    "accent": "0..1 how much strong beats stand out; leave out for the genre's",
    "intensity": "0..1 overall energy; leave out for the genre's",
    "fills": "drum fills: {fills} (4: every 4th bar, phrase: every 8-bar phrase); leave out for the genre's",
    "automation": "song only: 0 leaves out the clip envelopes its genre asks for; 1 or left out keeps them",
    "amount": "0..1 how strong the change is (density: 0.5 keeps, less thins, more adds; velocity: 0.5 keeps)",
    "strength": "0..1 quantize: how far toward the grid (1: onto it)",
    "grid": "in beats (quarter notes): the grid, e.g. 0.25 a 16th; leave out for the default",
    "subdivision": "swing: 8th or 16th; leave out for 16th",
    "semitones": "transpose by semitones (chromatic, -48..48)",
    "steps": "transpose by scale steps (diatonic, in the clip's key)",
    "to": "transpose to this tonic, e.g. 'E' or 'F#'",
    "voices": "drum voices, comma separated: kick, snare, clap, hats, closed, pedal, open, ride, toms, "
    "cymbals, percussion",
    "keep": "vary: what stays, rhythm or pitches; leave out to vary both",
    "style": "revoice: smooth, close, open or drop2",
    "pivot": "invert: the MIDI pitch (0..127) to mirror around; leave out for the clip's middle",
    "beats": "fill: the fill's length in beats, from the clip's end",
    "bar": "only the notes starting in this bar (counted from 1; 0 or left out: every bar)",
    "beat": "with bar: only this beat of the bar (quarter notes from 1; 0 or left out: the whole bar)",
    "from_bar": "the scope's first bar (counted from 1); leave out for the clip's start",
    "to_bar": "the scope's last bar (inclusive); leave out for the clip's end",
    "half": "1: the first half of the clip's bars, 2: the second; 0 or left out: all of it",
    "last_bars": "only the last N bars; leave out for all",
    "first_bars": "only the first N bars; leave out for all",
    "every": "only every Nth bar; leave out for every bar",
    "on": "where the change goes: offbeats, downbeats or backbeat",
    "offset": "shift: in beats, later (+) or earlier (-)",
    "backend": "the beat tracker: madmom or librosa; leave out for madmom",
    "apply": "1: set Live's tempo and (when confident) key from the analysis; 0 or left out: only report",
    "force": "1: apply the detected tempo and key exactly as detected",
    "warp": "1: write warp markers that put the clip's bars on Live's bar lines",
    "model": "the model's name; leave out for the default",
    "continue": "1: continue the selected audio clip instead of starting from silence",
    "melody": "1: guide a melody model with the selected clip",
    "variations": "how many takes to make in one batch (seeds seed, seed+1 ...)",
    "extend": "1: make the same clip longer instead of writing the next empty slot",
    "from": "the start value, in the parameter's own units (volume 0..1, pan -1..1, a device's own range); "
    "leave out for its minimum",
    "rate": "in beats: an lfo's cycle, or the length of each step",
    "curve": "a rise or fall's bend (progress ** curve): 1 straight, below 1 fast first, above 1 slow first",
    "project": "only this project's takes (the Set's path or a name)",
    "part": "only takes of this part: drums, bass, chords, melody ...",
    "limit": "at most this many takes (newest first)",
    "sync": "link, clock or own: what keeps the jam in time",
    "tempo": "the jam's tempo in BPM (sync own); leave out for Live's",
    "parts": "the parts to play, comma separated, e.g. 'drums,bass'",
    "midi": "the MIDI backend: auto, alsa, jack, coremidi or winmm",
    "port": "an existing MIDI port for every part; leave out for MuseAroo's own ports",
    "record": "a .mid file to write what is played into",
}
BY_REQUEST: dict[tuple[str, str], str] = {
    (protocol.INFILL, "bars"): "the bars to rewrite, 'FROM-TO' or 'N' counted from 1 (e.g. '5-8'); leave out "
    "for the clip's last half",
    (protocol.CONTINUE, "bars"): "how many new bars to write after the clip",
    (protocol.AUTOMATE, "bars"): "the envelope's length in bars; leave out for the rest of the clip",
    (protocol.AUTOMATE, "slot"): "the clip slot from 0; leave out for the selected scene's",
    (protocol.AUTOMATE, "at"): "in beats: the arrangement clip under this beat (instead of a slot)",
    (protocol.AUTOMATE, "to"): "the end value, in the parameter's own units (volume 0..1, pan -1..1, a "
    "device's own range); leave out for its maximum",
    (protocol.TRANSFORM, "key"): "the clip's key for diatonic moves, e.g. 'A minor'; leave out to detect it",
    (protocol.SEPARATE, "model"): "the separation model: {separation}, or a model folder; leave out for "
    "htdemucs",
    (protocol.MUSICGEN, "model"): "the MusicGen model: small, medium, large, melody, or a folder; leave out "
    "for small (melody with melody 1)",
    (protocol.MUSICGEN, "key"): "the loop's key, e.g. 'A minor'; leave out for Live's",
    (
        protocol.ACCOMPANY,
        "model",
    ): "a published MIDI-GPT name or a checkpoint path; leave out for the default",
    (protocol.JAM_START, "bars"): "stop after this many bars; leave out to play until stopped",
    (protocol.TRANSCRIBE, "kind"): "what the audio is: {transcribe_kinds} (auto chooses and says what it "
    "chose); leave out for auto",
    (protocol.TRANSCRIBE, "quantize"): "0..1: how far the notes move toward the song's 16th grid (1: onto "
    "it); leave out (0) for the notes as played",
    (protocol.TRANSCRIBE, "source_track"): "with arrangement 1 and source_at: the track of the arrangement "
    "audio clip to transcribe; leave out for the track and slot given first",
    (protocol.TRANSCRIBE, "source_at"): "with arrangement 1: in beats, the arrangement audio clip on "
    "source_track under this beat is the one transcribed",
    (protocol.TRANSCRIBE, "key"): "the song's key, e.g. 'A minor' or 'F#m': it decides a sung take's tuning "
    "where the audio sits near a quarter tone off; leave out for the Set's key where one was chosen",
}
FILLS_WORDS = ", ".join(FILLS)


def describe(name: str, request: str = "", kind: str = "") -> str:
    """An option's words: what it means (for ``request`` when it differs there), then its range."""
    text = BY_REQUEST.get((request, name)) or BY_REQUEST.get((_family(request), name)) or ABOUT.get(name, "")
    text = text.format(
        genres=", ".join(names("genres")),
        scales=", ".join(SCALES),
        fills=FILLS_WORDS,
        separation=", ".join(protocol.SEPARATION_MODELS),
        transcribe_kinds=", ".join(protocol.TRANSCRIBE_KINDS),
    )
    limits = RANGES.get(name) if kind != "str" else None
    return f"{text}; range {limits}" if limits is not None and text else text


def _family(request: str) -> str:
    """/roo/continue's and /roo/infill's shared options read as /roo/accompany's."""
    return protocol.ACCOMPANY if request in (protocol.INFILL, protocol.CONTINUE) else request
