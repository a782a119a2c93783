"""The MuseAroo tools: one row per request a door can send, its schema read from the options table.

A row names the OSC address it sends, its positional fields (a part, a kind, a track and slot)
and the request's option table (``bridge.protocol``); a call builds exactly the arguments that
address takes over OSC, checks them with the request's own parser (``bridge.actions.CHECKS``,
the message OSC gives for a bad value) and submits them to the daemon's job board.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bridge import protocol as p
from bridge.jam.controls import NAMES as JAM_CONTROLS
from bridge.mcp.schemas import Field, object_schema, option_pairs
from engines.errors import InvalidValue

TRACK = Field("track", "int", "track index from 0 (-1: the selected track)")
SLOT = Field("slot", "int", "clip slot (scene) index from 0 (-1: the selected slot)")
TAKE = Field("take_id", "str", "a take id, or an unambiguous prefix of 6 or more characters", required=True)
INSTRUMENTS = ("drums", "bass", "chords", "melody")


@dataclass(frozen=True, slots=True)
class RooTool:
    """A tool that sends ``address`` with ``lead`` fixed arguments, then its fields, then its options."""

    name: str
    address: str
    about: str
    fields: tuple[Field, ...] = ()
    options: Mapping[str, str] = field(default_factory=dict)
    lead: tuple[Any, ...] = ()
    effect: str = "write"  # "read" | "write" | "delete": the tool's annotations
    job: bool = True  # a job on the board (progress, cancel); else answered at once

    def schema(self) -> dict[str, Any]:
        return object_schema(self.fields, self.options, self.address)

    def build(self, values: Mapping[str, Any]) -> list[Any]:
        """The OSC arguments for ``values``: fields in order (a later one needs the earlier), options."""
        args: list[Any] = list(self.lead)
        missing = ""
        for f in self.fields:
            if values.get(f.name) is None:
                if f.required:
                    raise InvalidValue(f"{self.name}: {f.name} is missing: expected {f.kind}")
                missing = missing or f.name
                continue
            if missing:
                raise InvalidValue(f"{self.name}: {f.name} needs {missing} too: expected both or neither")
            args.append(values[f.name])
        known = {f.name for f in self.fields}
        return args + option_pairs(values, skip=tuple(known))


def _job(name: str, address: str, about: str, *fields: Field, **kw: Any) -> RooTool:
    return RooTool(name, address, about, tuple(fields), **kw)


ROO_TOOLS: tuple[RooTool, ...] = (
    _job("generate", p.GENERATE, "Generate a part that fits the song into a Live clip: drums, bass, chords, "
         "melody, all four, or a whole song form; it follows the song's key, tempo and a source clip's "
         "chords; groove controls swing, humanize, accent, intensity, fills.",
         Field("part", "str", "what to generate", p.PARTS, required=True), options=p.GENERATE_OPTIONS),
    _job("vary", p.TRANSFORM, "Make a variation of a MIDI clip (into the next empty slot unless replace 1).",
         options=p.TRANSFORM_OPTIONS, lead=("vary",)),
    _job("transform", p.TRANSFORM, "Transform a MIDI clip: humanize, quantize, swing, half or double time, "
         "density, ornament, revoice, transpose, retrograde, invert, fill, keep or remove drum voices.",
         Field("kind", "str", "the transform", p.TRANSFORM_KINDS, required=True), options=p.TRANSFORM_OPTIONS),
    _job("analyze", p.ANALYZE, "Analyse an audio or MIDI clip: tempo, key, chords, beats; apply 1 sets Live's "
         "tempo and key, force 1 as detected, warp 1 puts the clip's bars on Live's bar lines.",
         TRACK, SLOT, options=p.ANALYZE_OPTIONS),
    _job("separate", p.SEPARATE, "Split an audio clip into stems (drums, bass, other, vocals) on new audio tracks.",
         TRACK, SLOT, Field("model", "str", f"one of {', '.join(p.SEPARATION_MODELS)}"),
         options=p.SEPARATE_OPTIONS),
    _job("transcribe", p.TRANSCRIBE, "Turn an audio clip's notes into MIDI: a new MIDI track right after it "
         "holding a clip of the notes in the same scene, placed on the beats where the audio plays them (through "
         "its warp markers), one undo step. kind: " + ", ".join(p.TRANSCRIBE_KINDS) + " (auto chooses and says "
         "what it chose; drums land in the GM drum layout, 36 kick, 38 snare, 42 closed hat, 46 open hat); "
         "quantize 0..1 pulls the notes toward the 16th grid (default 0: as played); arrangement 1 writes into "
         "the Arrangement at the source's start, the source then an arrangement clip named by source_track "
         "(its track) and source_at (a beat it plays at); key (the song's, e.g. 'A minor') decides a sung take "
         "that sits near a quarter tone off its notes. Silence, noise or a drum loop asked as melody is "
         "refused naming what was found, nothing written.", TRACK, SLOT, options=p.TRANSCRIBE_OPTIONS),
    _job("musicgen", p.MUSICGEN, "Make an audio loop from a text prompt with MusicGen, onto a new audio track.",
         Field("prompt", "str", "what the loop should sound like", required=True),
         Field("bars", "int", "length in bars"), TRACK, SLOT, options=p.MUSICGEN_OPTIONS),
    _job("infill", p.INFILL, "Rewrite some bars of a MIDI clip in place with MIDI-GPT (bars \"5-8\"; default "
         "the last half), every note outside them kept.", TRACK, SLOT, options=p.INFILL_OPTIONS),
    _job("continue_clip", p.CONTINUE, "Continue a MIDI clip by N bars with MIDI-GPT (into the next empty slot, "
         "or extend 1: the same clip made longer).", TRACK, SLOT, options=p.CONTINUE_OPTIONS),
    _job("accompany", p.ACCOMPANY, "Write a part that accompanies the selected scene's other clips (MIDI-GPT).",
         Field("part", "str", "the part to add", INSTRUMENTS, required=True), options=p.ACCOMPANY_OPTIONS),
    _job("automate", p.AUTOMATE, "Draw automation into a clip: a rise, fall, swell, dip, steps or lfo of a "
         "device's parameter (found by name) or the mixer's volume, pan or send A, in the parameter's own range.",
         Field("track", "int", "track index from 0", required=True),
         Field("device", "str", "a device's name or class on the track, or mixer", required=True),
         Field("parameter", "str", "the parameter's name (mixer: volume, pan, send A ...)", required=True),
         Field("shape", "str", "the shape", p.AUTOMATE_SHAPES, required=True), options=p.AUTOMATE_OPTIONS),
    _job("command", p.COMMAND, "Do what a sentence says, as typed into the device: e.g. \"funky bassline "
         "that follows my keys\", \"make the drums busier\", \"undo\".",
         Field("text", "str", "the sentence, in English, as typed into the device", required=True)),
    _job("take_recall", p.HISTORY_RECALL, "Put a take from the history back into an empty clip slot.",
         TAKE, options={"track": "int", "slot": "int"}),
    _job("take_fork", p.HISTORY_FORK, "Generate again from a take with some settings changed.",
         TAKE, options=p.GENERATE_OPTIONS),
    _job("take_star", p.HISTORY_STAR, "Star (1) or unstar (0) a take.",
         TAKE, Field("starred", "int", "1 stars, 0 unstars", required=True)),
    _job("take_name", p.HISTORY_MESSAGE, "Give a take a name (its message).",
         TAKE, Field("message", "str", "the take's new name (its message), e.g. 'verse bass v2'", required=True)),
    _job("take_project", p.HISTORY_PROJECT, "Say which project (the Set's path or a name) takes go to.",
         Field("name", "str", "the Set's file path or a name", required=True)),
    _job("take_list", p.HISTORY_LIST, "List takes, newest first.", options=p.HISTORY_LIST_OPTIONS,
         effect="read", job=False),
    _job("follow", p.FOLLOW, "Say what generated parts follow: mode clip (a chord source clip: track, slot), "
         "none, auto (the rule), or leave out mode to hear the current source.",
         Field("mode", "str", "what to follow", ("clip", "none", "auto")), TRACK, SLOT, job=False),
    _job("jam_start", p.JAM_START, "Start jamming: parts played live as MIDI, following the song.",
         options=p.JAM_OPTIONS, job=False),
    _job("jam_set", p.JAM_SET, "Change the jam as it plays (density, key, drums 0, fill 1 ...).",
         Field("name", "str", "what to change (a part's name: 0 mutes it, 1 plays it; fill: one now; break, drop)",
               JAM_CONTROLS, required=True),
         Field("value", "str|num", "its new value: a number (density 0.8) or words (key 'A minor')", required=True),
         job=False),
    _job("jam_stop", p.JAM_STOP, "Stop the jam, now or at the end of the phrase.",
         Field("when", "str", "now or phrase", ("now", "phrase")), job=False),
)  # fmt: skip
BY_NAME = {tool.name: tool for tool in ROO_TOOLS}


def follow_args(values: Mapping[str, Any]) -> list[Any]:
    """/roo/follow's arguments: ``track slot`` for a clip, ``none``/``auto``, nothing to ask."""
    mode = values.get("mode")
    if mode == "clip":
        if values.get("track") is None or values.get("slot") is None:
            raise InvalidValue("follow: mode clip needs track and slot: expected two integers")
        return [values["track"], values["slot"]]
    return [] if mode is None else [mode]


def jam_args(tool: RooTool, values: Mapping[str, Any]) -> list[Any]:
    """A jam request's arguments: a set's value as a number when it reads as one (``density 0.8``)."""
    args = tool.build(values)
    if tool.address == p.JAM_SET and len(args) == 2:
        text = str(args[1])
        try:
            args[1] = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            pass
    return args
