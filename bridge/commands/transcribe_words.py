"""The words of audio to MIDI (issue 54): "turn this into midi", "convert the riff to midi", "give me
the bass of this sample as midi" (a stem of the clip, split out first, then transcribed).

``transcribe_of`` reads a normalized sentence (``normalize``: lower case, padded with spaces) and
gives the transcribe Intent, or None when the sentence is not about turning audio into MIDI. Stdlib
only, like the parser that calls it.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands.intent import Intent
from bridge.commands.track_words import NO_NAME, NUMBERED_TRACK

# "into midi", "to midi", "as midi", "midi notes of", "transcribe": the sentence asks for MIDI of audio
TO_MIDI = re.compile(
    r" (?:into|to|as|in to) (?:a )?midi(?: notes| clip| track| part| version)? |"
    r" transcribe | midi (?:notes )?(?:of|from|out of|off) (?:this|that|the|my) |"
    # a learner's "in" for "into" after a verb of turning ("transform this humming in midi")
    r" (?:change|transform|turn|convert) (?:this|that|it|my|the)(?: [a-z]+){0,3} in midi(?: notes)? |"
    # "into notes i can edit", "as notes in the piano roll": notes to work with, from audio
    r" (?:into|to|as) (?:editable |real |actual |proper )?notes (?:$|i can |i could |that i can |so i can |"
    r"(?:in|for|on) the piano roll )"
)
# "the bass of this sample": a stem of the clip (split out first), not the clip itself
STEM_OF = re.compile(
    r" (?:the )?(bass|bassline|bass line|drums|drum|beat|vocals|vocal|voice|singing|piano|guitar|keys) "
    r"(?:part |line |track )?(?:of|from|in|out of|off|off of|on) (?:this|that|the|my) "
    r"(?:sample|loop|song|track|mix|clip|audio|record|tune|beat|recording|file) "
)
# the same stem said after the recording it is in: "this sample's vocal", "from this song vocal melody"
STEM_AFTER = re.compile(  # "this memphis sample, vocal into midi": a word or two may name the recording
    r" (?:this|that|the|my) (?:\w+ ){0,2}?(?:sample|song|mix|record|tune|recording|file|audio)(?:s|'s)? (?:the )?"
    r"(bass|bassline|bass line|drums|vocals|vocal|voice|singing|piano|guitar|keys) "
)
STEMS = {"bass": "bass", "bassline": "bass", "bass line": "bass", "drums": "drums", "drum": "drums",
         "beat": "drums", "vocals": "vocals", "vocal": "vocals", "voice": "vocals", "singing": "vocals",
         "piano": "piano", "keys": "piano", "guitar": "guitar"}  # fmt: skip
STEM_KINDS = {"bass": "bass", "drums": "drums", "vocals": "melody", "piano": "piano", "guitar": "auto"}
# what the audio is, said of the clip itself: "turn this bass line into midi", "the drum loop to midi"
KIND_WORDS = (
    # hand drums and hand percussion are drums to transcribe ("this tabla loop", "the congas", "this shekere
    # loop", "the cowbell recording"): hits, not pitched notes
    (
        "drums",
        r"drums?|beat|break ?beat|break|drum loop|percussion|perc|groove|tablas?|congas?|bongos?|djembes?|"
        r"cajons?|shakers?|tambourines?|hand drums?|shekeres?|cabasas?|maracas?|guiros?|cowbells?|agogos?|claves|"
        r"timbales|talking drums?|darbukas?|doumbeks?|frame drums?|bodhrans?|taikos?|udus?|percussion loop|"
        # round 35: the hand drums of Indonesia, South Asia, West Africa and the Middle East said by their names
        r"kendh?angs?|gendangs?|rebanas?|dhol(?:ak)?s?|dholaks?|mridangams?|ghatams?|dununs?|sabars?|riqs?|dafs?|"
        # round 38: a voice of the kit or the kit said of the clip ("this snare warm up", "the kick loop",
        # "my hi hat groove", "this tom fill"): hits to transcribe as drums, never pitched notes
        r"kicks?|kick drums?|bass drums?|snares?|snare drums?|hi ?hats?|hihats?|hats|toms?|floor toms?|cymbals?|"
        r"rides?|crash(?:es)?|claps?|rim ?shots?|rims|drum ?kit|kit|drum set|drum fill|drumline|drum line",
    ),
    ("bass", r"bass ?line|bass|sub"),
    ("piano", r"piano(?! roll)|keys|rhodes"),
    ("chords", r"chords?|harmony|pads?|comping"),
    (
        "melody",
        r"melody|vocals?|voice|singing|sung|sang|hum(?:med|ming)?|whistl(?:e|ed|ing)|lead|solo|flute|sax(?:ophone)?|"
        # an instrument that plays one line at a time ("this recording of me playing the fiddle"): a melody
        r"fiddles?|violins?|violas?|clarinets?|oboes?|trumpets?|trombones?",
    ),
)
# "export the chords as midi", "save the bass as midi": a file of a part, not audio heard as notes
# (files are not MuseAroo's: the parser refuses them)
A_FILE = re.compile(r" (?:export|save|download|send|email|e-mail|share|upload|bounce|render) ")
# "transcribe this solo into sheet music", "transcribe the interview into text": notes on paper or words,
# not MIDI of audio (neither is MuseAroo's: the parser refuses them)
NOT_MIDI = re.compile(r" (?:sheet music|notation|a score|tabs?|tablature|text|words|lyrics|subtitles) ")
# the track whose clip is meant: "convert the guitar track to midi", "the loop on track 3" (a stem "of this song"
# is the stem, read first; "this", "the same", "the audio" track name no track)
TRACK_SAID = re.compile(
    r" (?:the|my) ((?:\w+ ){0,2}?\w+) (?:track|channel)(?= )(?! (?:of|from|in|off|out of) (?:this|that|the|my) )"
)
# round 36: a recording named by an instrument no kind reads ("transcribe my guitar recording"): the track named so
# (Live's lookup finds "Acoustic Guitar" too), asked where no track is; "my djembe recording" stays the clip's kind
RECORDING_SAID = re.compile(r" (?:the|my|our) (\w+) (?:recording|take|performance) ")
QUANTIZED = re.compile(r" (?:quantized?|quantised?|on the grid|snapped|snap it|tight(?:ly)?) ")


def transcribe_of(s: str, heard: str) -> Intent | None:
    """The transcribe Intent of "turn this riff into midi" (params: kind, stem when a stem of the clip
    is asked for, quantize when said), or None when no MIDI of audio is asked for."""
    if not TO_MIDI.search(s) or A_FILE.search(s) or (NOT_MIDI.search(s) and " midi " not in s):
        return None
    params: dict[str, Any] = {}
    stem = STEM_OF.search(s) or STEM_AFTER.search(s)
    if stem is not None:
        params["stem"] = STEMS[stem.group(1)]
        params["kind"] = STEM_KINDS[params["stem"]]
    else:
        said = next((kind for kind, words in KIND_WORDS if re.search(rf" (?:{words}) ", s)), None)
        params["kind"] = said or "auto"
    number, track = (None, None) if stem is not None else (NUMBERED_TRACK.search(s), TRACK_SAID.search(s))
    track = track or (None if stem is not None or said is not None else RECORDING_SAID.search(s))
    name = f"track {number.group(1)}" if number else None if track is None else track.group(1)
    if name is not None and name.split()[-1] not in NO_NAME:
        params["track_name"] = name  # the clip on that track, not the selected one
    if QUANTIZED.search(s):  # "quantize 50%", "quantized to 75 percent": that strength, else the grid's
        strength = re.search(r" (?:quantized?|quantised?)(?: (?:it|them|to|at|by))? (\d+) percent ", s)
        params["quantize"] = min(int(strength.group(1)), 100) / 100 if strength else 1.0
    return Intent("transcribe", None, params, heard)
