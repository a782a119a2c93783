"""The command vocabulary, written once: the parser spots these phrases and the speech grammar
is generated from the same tables, so typed and spoken commands share one language.

Phrases are lower-case words separated by single spaces (numbers already as digits). A table
maps each phrase to what it means. ``TYPED_ONLY`` lists phrases that are written but never
spoken (abbreviations, symbols); the grammar leaves exactly those out.
"""

from __future__ import annotations

from bridge.commands.audio_words import (  # noqa: F401  (re-exported: the one vocabulary)
    ANALYZE_PHRASES,
    FROM_CLIP_PHRASES,
    MUSICGEN_DESCRIPTORS,
    MUSICGEN_SOUNDS,
    MUSICGEN_TRIGGERS,
    SEPARATE_PHRASES,
    SEPARATION_MODEL_PHRASES,
    STEMS,
    WARP_PHRASES,
)
from bridge.commands.verb_words import CHANGE_VERBS, GENERATE_VERBS, TYPED_MAKING  # noqa: F401
from bridge.commands.world_styles import WORLD_STYLES

ACTIONS = (
    "generate",
    "vary",
    "adjust",
    "set_tempo",
    "set_key",
    "analyze",
    "separate",
    "musicgen",
    "play",
    "stop",
    "undo",
    "cancel",
    "help",
    "confirm",
    "transform",
    "jam",
)
# Actions the parser gives that the speech grammar (bridge/commands/grammar.py) has no rule for
# yet: the grammar builds one rule per name in ACTIONS, so these are kept apart until it does.
MORE_ACTIONS = ("history", "infill", "continue", "accompany")
# Issue 44's actions on Live's tracks and song (the mute switches, the meter): listed apart from the
# producer set's families; the speech grammar has rules for them (``spoken_compose``).
SESSION_ACTIONS = ("mixer", "set_meter")
# Drawn automation (issue 43): its phrasings are not in the producer set yet, so it is kept apart.
DRAWN_ACTIONS = ("automate",)
REPLACING_ACTIONS = (
    "generate",
    "vary",
    "adjust",
    "musicgen",
    "transform",
)  # write clips: replace only when confirmed

EVERY_PART = ("drums", "bass", "chords", "melody")  # the four parts: said one by one, they are all of them
PARTS: dict[str, str] = {
    "drums": "drums",
    "drum": "drums",
    "drum beat": "drums",
    "drum pattern": "drums",
    "drum groove": "drums",
    "beat": "drums",
    "groove": "drums",
    "percussion": "drums",
    "kit": "drums",
    "bass": "bass",
    "bass line": "bass",
    "bassline": "bass",
    "bass part": "bass",
    "chords": "chords",
    "chord": "chords",
    "chord progression": "chords",
    "keys": "chords",
    "progression": "chords",
    "harmony": "chords",
    "melody": "melody",
    "melodies": "melody",  # "give me 3 new melodies" (issue 44)
    "grooves": "drums",
    "bass lines": "bass",
    "lead": "melody",
    "lead line": "melody",
    "tune": "melody",
    "hook": "melody",
    "topline": "melody",
    "everything": "all",
    "all parts": "all",
    "all the parts": "all",
    "full arrangement": "song",
    "whole arrangement": "song",
    "arrangement": "song",
    "song": "song",
    "whole song": "song",
    "full song": "song",
}
TYPED_PARTS = {"basslines": "bass", "progressions": "chords", "comping": "chords", "voicings": "chords"}  # typed  # fmt: skip
# a theory teacher's words for the melody ("a melodic line over the voicings"), typed only too
TYPED_PARTS.update(dict.fromkeys(("melodic line", "melodic lines", "melody line", "melodic phrase", "melodic idea"), "melody"))  # fmt: skip
PARTS.update(TYPED_PARTS, cue="song", underscore="song", piece="song")  # fmt: skip

# Spoken genre -> the genre preset the engines have (presets/genres/); genres without a preset
# keep their own name and the command executor says that it falls back to the song's genre.
GENRES: dict[str, str] = {
    "pop": "pop",
    "rock": "rock",
    "metal": "metal",
    "jazz": "jazz",
    "jazzy": "jazz",
    "blues": "blues",
    "bluesy": "blues",
    "country": "country",
    "reggae": "reggae",
    "reggaeton": "reggae",  # dembow grew out of dancehall; the closest preset (engines/presets)
    "ambient": "ambient",
    "classical": "classical",
    "orchestral": "classical",
    "hip hop": "hip-hop",
    "hiphop": "hip-hop",
    "trap": "trap",
    "lofi": "lo-fi",
    "lo fi": "lo-fi",
    "lofi hip hop": "lo-fi",
    "electronic": "electronic",
    "house": "house",
    "techno": "techno",
    "trance": "electronic",
    "edm": "electronic",
    "dubstep": "electronic",
    "disco": "electronic",
    "drum and bass": "drum-and-bass",
    "d and b": "drum-and-bass",
    "dnb": "drum-and-bass",
    "jungle": "drum-and-bass",  # typed only (below): the speech grammar's words stay as they were
    "funk": "funk",
    "funky": "funk",
    "soul": "soul",
    "soulful": "soul",
    "gospel": "gospel",
    "r and b": "neo-soul",
    "rnb": "neo-soul",
    "neo soul": "neo-soul",
    "latin": "latin",
    "latin jazz": "jazz",  # jazz with Latin rhythms: the jazz preset (typed only, below)
    "bossa nova": "bossa",
    "afrobeat": "afrobeat",
    # UK garage (2-step, speed garage) grew out of US garage house: the house preset, typed only (below)
    "uk garage": "house",
    "ukg": "house",
    "speed garage": "house",
    "2 step garage": "house",
    "garage": "house",
    "garage rock": "rock",
    "deep house": "house",  # house's own sub-style (set 109), typed only (below)
    # the world's styles no preset holds yet, carried as said: the generate action answers "no salsa preset
    # yet: used the song's genre" (bridge.actions.intents.generate), never drops the word unsaid (typed only)
    **{g: g for g in WORLD_STYLES},
    "salsa dura": "salsa",
}

VARY_PHRASES = (
    "vary",
    "variation",
    "variation of",
    "another version",
    "another take",
    "another one",
    "try another",
    "try again",
    "something different",
    "different",
    "switch up",
    "mix up",
    "change up",
    "reroll",
    "shuffle",
)
# phrase -> (dimension, direction)
ADJUSTMENTS: dict[str, tuple[str, str]] = {
    "busier": ("density", "up"),
    "more busy": ("density", "up"),
    "denser": ("density", "up"),
    "more dense": ("density", "up"),
    "fuller": ("density", "up"),
    "sparser": ("density", "down"),
    "more sparse": ("density", "down"),
    "less busy": ("density", "down"),
    "less dense": ("density", "down"),
    "thinner": ("density", "down"),
    "emptier": ("density", "down"),
    "more complex": ("complexity", "up"),
    "more complicated": ("complexity", "up"),
    "more intricate": ("complexity", "up"),
    "fancier": ("complexity", "up"),
    "trickier": ("complexity", "up"),
    "simpler": ("complexity", "down"),
    "more simple": ("complexity", "down"),
    "less complex": ("complexity", "down"),
    "less complicated": ("complexity", "down"),
    "simplify": ("complexity", "down"),
    "plainer": ("complexity", "down"),
    "more energy": ("energy", "up"),
    "more energetic": ("energy", "up"),
    "more intense": ("energy", "up"),
    "harder": ("energy", "up"),
    "punchier": ("energy", "up"),
    "pump up": ("energy", "up"),
    "less energy": ("energy", "down"),
    "less energetic": ("energy", "down"),
    "less intense": ("energy", "down"),
    "calmer": ("energy", "down"),
    "softer": ("energy", "down"),
    "mellower": ("energy", "down"),
    "more relaxed": ("energy", "down"),
    "chill out": ("energy", "down"),
    "tone down": ("energy", "down"),
}
DIMENSIONS = ("density", "complexity", "energy")
RAISE_VERBS = ("increase", "raise", "turn up", "boost", "more")
LOWER_VERBS = ("decrease", "lower", "reduce", "turn down", "less")

TEMPO_WORDS = ("tempo", "bpm", "beats per minute", "speed")
KEY_SET_WORDS = ("key", "set", "change", "switch", "move", "transpose", "go to")
LETTERS = ("a", "b", "c", "d", "e", "f", "g")
ACCIDENTALS: dict[str, str] = {"sharp": "#", "#": "#", "flat": "b", "b": "b"}
MODES: dict[str, str] = {
    "major": "major",
    "minor": "minor",
    "maj": "major",
    "min": "minor",
    "dorian": "dorian",
    "mixolydian": "mixolydian",
    "lydian": "lydian",
    "phrygian": "phrygian",
    "locrian": "locrian",
    "harmonic minor": "harmonic minor",
    "melodic minor": "melodic minor",
    "minor pentatonic": "minor pentatonic",
    "major pentatonic": "major pentatonic",
    "minor blues": "minor blues",
}
BAR_WORDS = ("bars", "bar", "measures", "measure")

PLAY_PHRASES = ("play", "start", "resume", "hit play", "start playback", "play it", "play the song")
STOP_PHRASES = ("stop", "pause", "halt", "stop playing", "stop playback", "stop the music", "stop it")
JOB_WORDS = (
    "job",
    "generation",
    "generating",
    "separation",
    "separating",
    "rendering",
    "processing",
    "analysis",
)
CANCEL_PHRASES = ("cancel", "abort", "never mind", "nevermind", "forget it", "kill the job")
TYPED_UNDO = ("ctrl z", "control z", "cmd z", "command z")  # a key press written out (typed only)
UNDO_PHRASES = ("undo", "take that back", "revert", "go back", "scratch that", *TYPED_UNDO)
HELP_PHRASES = (
    "help",
    "how do i",
    "how does this work",
    "how does it work",
    "what can i say",
    "what can you do",
    "list commands",
    "show commands",
    "commands",
)
# typed only (no speech grammar word, no suggestion): the product asked about by its name
PRODUCT_HELP = ("what can musearoo do", "what does musearoo do", "how does musearoo work", "what is musearoo")
CONFIRM_YES = ("yes", "yeah", "yep", "sure", "confirm", "do it", "go ahead", "ok", "okay", "yes replace it")
CONFIRM_NO = ("no", "nope", "dont", "keep it", "dont replace it", "no thanks")
REPLACE_WORDS = ("replace", "overwrite", "in place", "instead")

# How a normalised word is spelled in the speech dictionary (the parser strips apostrophes).
SPOKEN_SPELLING = {"dont": "don't", "lets": "let's"}
TYPED_ONLY = frozenset({"analyse", "dnb", "jungle", "latin jazz", "uk garage", "ukg", "speed garage", "2 step garage",
    "garage", "garage rock", "deep house", *WORLD_STYLES, "d and b", "rnb", "halftime", "humanise", "quantise", "hihats",
    "hihat", "hiphop", "lo fi", "maj", "min", "#", "b", "6 stems", "music gen", "dont"}) | {"cue", "underscore", "piece", "how does this work", "how does it work", "follow the bassline", "twice as fast", "half as fast", *TYPED_MAKING, *TYPED_PARTS, *TYPED_UNDO}  # fmt: skip
