"""Words for changing a clip that exists (``/roo/transform``) and the tempo by a factor.

Like ``vocab`` these tables are the one source for both the parser and the speech grammar.
``transform_of`` reads a normalised sentence (padded, digits) and gives the transform kind with
its options, or None when the sentence asks for no transform.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import place_words as pw
from bridge.commands.amount_words import humanize_amount, quantize_strength

# phrase -> transform kind; spotted longest first
TRANSFORM_PHRASES: dict[str, str] = {
    "half time": "half_time",
    "halftime": "half_time",
    "double time": "double_time",
    "humanize": "humanize",
    "humanise": "humanize",
    "loosen up": "humanize",
    "quantize": "quantize",
    "quantise": "quantize",
    "tighten up": "quantize",
    "swing it": "swing",
    "more swing": "swing",
    "add swing": "swing",
    "add a fill": "fill",
    "a fill at the end": "fill",
    "fill at the end": "fill",
    "ornament": "ornament",
    "embellish": "ornament",
    "grace notes": "ornament",
    "revoice": "revoice",
    "new voicing": "revoice",
    "retrograde": "retrograde",
    "reverse": "retrograde",
    "backwards": "retrograde",
    "invert": "invert",
    "upside down": "invert",
    "fewer notes": "density",
    "less notes": "density",
    "thin out": "density",
    "more notes": "density",
    "transpose": "transpose",
}
DENSITY_DOWN = ("fewer notes", "less notes", "thin out")
DENSITY_AMOUNT = {"down": 0.3, "up": 0.7}  # /roo/transform density: 0.5 keeps, less thins, more adds
SWING_MORE_AMOUNT = 0.66  # "swing it more": a clear triplet lilt on the 8ths

# Drum voices by spoken name -> the names /roo/transform's voices option takes.
DRUM_VOICES: dict[str, str] = {
    "kick": "kick",
    "kicks": "kick",
    "kick drum": "kick",
    "snare": "snare",
    "snares": "snare",
    "clap": "clap",
    "claps": "clap",
    "hats": "hats",
    "hi hats": "hats",
    "hihats": "hats",
    "hi hat": "hats",
    "hihat": "hats",
    "open hats": "open",
    "closed hats": "closed",
    "ride": "ride",
    "toms": "toms",
    "cymbals": "cymbals",
    "crash": "cymbals",
    "shakers": "percussion",
}
# the hand percussion a drum clip holds, one voice ("percussion"): "humanize the shaker", "swing the congas"
_HAND = ("percussion", "perc", "shaker", "shakers", "tambourine", "tambourines", "congas", "conga", "rim", "rimshot",
         "rimshots", "cowbell", "cowbells", "bongos", "bongo",
         # the hand percussion of the world's music, none of them a part of its own
         "timbales", "timbale", "guiro", "guiros", "guira", "cuica", "cuicas", "djembe", "djembes", "cajon", "cajons",
         "darbuka", "darbukas", "doumbek", "tabla", "tablas", "agogo", "agogos", "cabasa", "cabasas", "maracas",
         "shekere", "shekeres", "pandeiro", "pandeiros", "tamborim", "surdo", "surdos", "udu", "bata", "quijada",
         "castanets", "bodhran", "dhol", "dholak", "riq", "tambora", "guache", "caxixi", "woodblock", "woodblocks")  # fmt: skip
PERCUSSION_WORDS = dict.fromkeys(_HAND, "percussion")
# notes put on the beat: a quantize ("so every note sits right on the beat"), not words of a feeling
ON_THE_BEAT = ("right on the beat", "dead on the beat", "bang on the beat", "exactly on the beat", "sits on the beat",
               "sit on the beat", "lands on the beat", "land on the beat")  # fmt: skip
REMOVE_WORDS = ("remove", "mute", "drop", "without", "take out", "get rid of", "lose", "kill", "delete", "silence",
                "cut", "out of")  # fmt: skip
KEEP_WORDS = ("keep only", "only the", "just the", "only keep")

# "double the tempo": Live's tempo times a factor (not the double_time transform of a clip)
TEMPO_FACTORS: dict[str, float] = {
    "double the tempo": 2.0,
    "double the speed": 2.0,
    "double the bpm": 2.0,
    "halve the tempo": 0.5,
    "half the tempo": 0.5,
    "halve the speed": 0.5,
    "halve the bpm": 0.5,
    "half the bpm": 0.5,
    "tempo in half": 0.5,  # "cut the tempo in half"
    "speed in half": 0.5,
    "twice as fast": 2.0,  # "make it twice as fast" (typed only: vocab.TYPED_ONLY)
    "half as fast": 0.5,
}
# "slow it down to 75": words that name the tempo alongside vocab.TEMPO_WORDS
TEMPO_MOVES = ("slow it down", "slow down", "speed it up", "speed up", "bring it down", "bring it up")
# "pull the vocals out of this clip": a separation when a stem is named
PULL_OUT = re.compile(
    r" (?:pull|get|take|grab|rip|lift|yank|isolate) (?:just |only )?(?:the |my )?(\w+) out "
)
# Where a new part takes its chords or onsets from: "for my chords", "over this", "lock to my bassline"
SOURCE_PHRASES: dict[str, str] = {
    "for my chords": "chords",
    "over my chords": "chords",
    "to my chords": "chords",
    "follows my chords": "chords",
    "over this": "selected",
    "over this clip": "selected",
    "for this clip": "selected",
    "to this clip": "selected",
    "lock to my bassline": "bass",
    "lock to my bass line": "bass",
    "lock to my bass": "bass",
    "locks to my bassline": "bass",
    "with my bassline": "bass",
    "follows the chords": "chords",
    "follow the bassline": "bass",  # typed only (vocab.TYPED_ONLY)
    "follow the chords": "chords",
    "over the chords": "chords",
    "follows the keys": "chords",
    "follow the keys": "chords",
    "over the keys": "chords",
    "locked to the bass": "bass",
    "lock to the bass": "bass",
    "locks to the bass": "bass",
    "follows the bass": "bass",
    "follows the bassline": "bass",
    "with the bassline": "bass",
    "follow my bassline": "bass",
}

# "a bass that follows the chords in the keys clip": the clip on the track named "keys"
SOURCE_TRACK = re.compile(
    r" (?:in|on|from|of|to|with|over|under|follows|follow|following|fits|matches|match) (?:the|my) (?!selected |highlighted |current |same |other |this |that |last |first |next |whole )"
    r"([a-z0-9]+(?: [a-z0-9]+)?) (?:clip|track|channel)s? (?=.*)"
)
_FOLLOW_WORDS = ("follow", "follows", "following", "lock", "locks", "locked", "match", "matches", "based", "over",
                 "under", "along", "fits", "fit", "with", "from", "to", "behind", "around")  # fmt: skip
HERE_PHRASES = ("in here", "right here", "here", "in this slot", "into this slot", "in the selected slot")
# a mode said without a tonic: the tonic is Live's root ("a dorian chord progression")
BARE_MODES = ("harmonic minor", "melodic minor", "minor pentatonic", "major pentatonic", "minor blues", "dorian",
              "mixolydian", "lydian", "phrygian", "locrian", "minor", "major")  # fmt: skip


def names_drum_voice(s: str) -> bool:
    return _first(s, DRUM_VOICES) is not None


def source_track_of(s: str) -> re.Match[str] | None:
    """The "the keys clip" of a sentence that follows a clip named by its track, or None."""
    m = SOURCE_TRACK.search(s)
    if m is None or m.group(1).split()[0] in ("my", "a", "an") or not _any(s, _FOLLOW_WORDS):
        return None
    return m


def mode_of(s: str) -> str | None:
    return next((m for m in BARE_MODES if f" {m} " in s), None)


# "up 2 semitones", "7 semitones higher", "3 half steps down"
_SEMITONES = re.compile(
    r" (?:(up|down|higher|lower) (\d+) (?:semitones?|half steps?)|(\d+) (?:semitones?|half steps?) "
    r"(up|down|higher|lower))(?= )"
)
_TO_NOTE = re.compile(r" to ([a-g])(?: (sharp|flat))?(?= )")


def _any(s: str, phrases: tuple[str, ...] | dict[str, Any]) -> bool:
    return any(f" {p} " in s for p in phrases)


def _first(s: str, table: dict[str, str]) -> str | None:
    hits = [(s.find(f" {p} "), -len(p), v) for p, v in table.items() if f" {p} " in s]
    return min(hits)[2] if hits else None


def _every(s: str, table: dict[str, str]) -> str | None:
    """Every drum voice said, in the order said, comma-joined ("humanize the kick and the snare":
    "kick,snare"); a phrase inside a longer one said ("hats" in "hi hats") is that one."""
    hits = sorted((s.find(f" {p} "), -len(p), p, v) for p, v in table.items() if f" {p} " in s)
    voices: list[str] = []
    end = -1
    for at, _, phrase, voice in hits:
        if at < end:
            continue
        end = at + len(phrase) + 1
        voices += [] if voice in voices else [voice]
    return ",".join(voices) or None


# Transforms that may work on one drum voice and one place only ("swing the hats", "humanize the
# snare in bar 2"); the others change the whole clip.
LOCAL_KINDS = ("humanize", "quantize", "swing", "density", "ornament", "drums_keep", "drums_remove")
_SWING = re.compile(r" swing (?:it|them|the|this|that|those|these|on|to) | (?:some|a bit of|a little|more|give (?:the |my |it )?\w+(?: \w+)? a) swing | (?:hats?|hi hats?|hihats?|snares?|kicks?|ride|"
                    r"shakers|percussion|drums|groove|beat|it) swing ")  # fmt: skip


_TAKE_OUT = re.compile(
    r" (?:take|pull|get|knock) (?:the |that |those )?\w+(?: \w+)? out | no (?:more )?(?=\w)"
)


def transform_of(s: str, whole: str | None = None) -> tuple[str, dict[str, Any]] | None:
    """(kind, options) for a sentence that transforms a clip, or None; ``whole`` is the sentence
    before the parts were taken out of ``s`` (its place: "the first beat of bar 4")."""
    voice = _every(s, DRUM_VOICES) or _first(whole or s, PERCUSSION_WORDS)  # a part word, taken out of ``s``
    place = pw.place_of(whole or s)
    if voice is not None and _any(s, KEEP_WORDS):
        return "drums_keep", {"voices": voice, **place}
    if voice is not None and (_any(s, REMOVE_WORDS) or _TAKE_OUT.search(s)):
        return "drums_remove", {"voices": voice, **place}
    kind = _first(s, TRANSFORM_PHRASES)
    if kind is None and (_SWING.search(s) or (" swing " in s and " more " in s)):
        kind = "swing"
    if kind is None and (pw.interval_of(s) or _SEMITONES.search(s)):
        kind = "transpose"
    if kind is None:
        return None
    options: dict[str, Any] = {}
    if kind == "density":
        direction = "down" if _any(s, DENSITY_DOWN) else "up"
        options = {"amount": DENSITY_AMOUNT[direction]}
    elif kind == "swing":
        options = {"amount": SWING_MORE_AMOUNT}
    elif kind == "quantize" and (strength := quantize_strength(s)) is not None:  # "quantize=0.5": halfway
        options = {"strength": strength}
    elif kind == "humanize" and (loose := humanize_amount(s)) is not None:  # "humanize 20%": lightly
        options = {"amount": loose}
    elif kind == "transpose":
        return _transpose(s)
    if kind in LOCAL_KINDS:
        options.update({"voices": voice} if voice else {})
        options.update(place)
    return kind, options


def _transpose(s: str) -> tuple[str, dict[str, Any]] | None:
    m = _SEMITONES.search(
        s
    )  # "up 2 semitones, idk what a semitone is": the count said first, not the aside's
    interval = pw.interval_of(s if m is None else s[: m.start() + 1])
    if interval is not None:
        return "transpose", dict(interval)
    if m:
        n = int(m.group(2) or m.group(3))
        return "transpose", {"semitones": -n if (m.group(1) or m.group(4)) in ("down", "lower") else n}
    m = _TO_NOTE.search(s)
    if m:
        accidental = {"sharp": "#", "flat": "b", None: ""}[m.group(2)]
        return "transpose", {"to": m.group(1).upper() + accidental}
    return None  # "transpose the song to D minor" is a key change (the key was taken out already)


def sets_scale(s: str) -> bool:
    """ "set the scale to dorian", "change the mode to phrygian": a scale without a tonic, set on
    Live's own root."""
    return (
        mode_of(s) is not None and _any(s, ("scale", "mode")) and _any(s, ("set", "change", "switch", "make"))
    )
