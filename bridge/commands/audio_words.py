"""The words of the audio commands (analysis, warping, separation, MusicGen), written once like
``vocab``, which re-exports them: the parser and the speech grammar read them from there.
"""

from __future__ import annotations

import re

from bridge.commands.said import said

ANALYZE_PHRASES = (
    "analyze",
    "analyse",
    "analysis",
    "detect",
    "what key",
    "which key",
    "what tempo",
    "which tempo",
    "what chords",
    "which chords",
    "find the key",
    "find the chords",
    "find the tempo",
    "figure out",
    "work out",
    "how fast",  # issue 44: "how fast is this clip", "what bpm is this"
    "what bpm",
)
# "what's the tempo of this loop", "what is the key of this": a question of the clip is its analysis
ASKED_OF_CLIP = re.compile(
    r" (?:whats|what is|what s|what are|tell me) the (?:tempo|key|bpm|chords|scale|speed)(?: (?:of|in|for|here) | $)"
)
# "warp this to the song": analyse the selected clip and warp its bars onto Live's bar lines.
WARP_PHRASES = ("warp",)
# "line this loop up with the song's bar lines": the clip warped to the song (a part lined up with the grid
# is quantized)
LINED_UP = re.compile(
    r" line (?:this|that|it)(?: \w+){0,3} up (?:with|to) (?:the )?(?:song|songs|song s|bars|bar lines|project|set)(?= )"
)
# "make the sample line up with my beat", "lock this loop to the grid", "snap this audio to my tempo", "sync the
# vocal to the song": a recording (sample, loop, break, audio, vocal) put in time with the song is warped; a part
# lined up with the grid ("line the hats up to the grid") is quantized
# "this live drum loop", "my old vinyl sample": a clip in hand said with what is on it is still the recording
AUDIO_IN_TIME = re.compile(
    r" (?:the(?: selected)?|(?:this|that|my)(?: selected)?(?: (?!to |with |up )\w+){0,2}?) (?:sample|samples|loop|loops|"
    r"break|breakbeat|audio|recording|vocal|vocals|acapella|stem|clip)(?: \w+){0,4}? (?:up )?(?:with|to|in time with) "
    r"(?:the |my |our )?(?:beat|grid|project|tempo|song|songs|song s|set|bpm|track)(?= )"
    r"|(?: make| get| have) (?:this|that|it|(?:the|my)(?: \w+){0,2}? (?:sample|loop|clip|recording|audio|vocal|acapella|break))"
    r"(?: \w+){0,3}? match(?:es)? (?:the )?(?:speed|tempo|bpm|timing|pace) "
    r"(?:of )?(?:the |my |our )?(?:project|song|set|session|track|beat)(?= )"
    r"|(?: line| lock| snap| sync| get| make) (?:the|this|that|my)(?: selected)? (?:sample|samples|loop|loops|break|breakbeat|audio|recording|"
    r"vocal|vocals|acapella)(?: \w+){0,3}? (?:in time|on (?:the )?grid|on tempo)(?= )"
    # "put this guitar recording in the tempo of the project": put into the song's tempo
    r"|(?: put| get| bring) (?:the|this|that|my)(?: \w+){0,2}? (?:sample|loop|break|audio|recording|vocal|vocals|acapella"
    r"|clip)(?: \w+){0,3}? (?:in|into|to) the (?:tempo|speed|bpm) of (?:the |my |our )?(?:project|song|set|session)(?= )"
)
IN_TIME_VERBS = (
    "line",
    "lines",
    "lined",
    "lock",
    "snap",
    "sync",
    "in time",
    "on tempo",
    "locked",
    "synced",
    "match",
    "tempo of",
    "speed of",
    "bpm of",
)


# a take said to be played with no click, then put in time: "this was played without a metronome, can you put it in
# time": a recording (a MIDI part said so is quantized: "quantize it")
_NO_CLICK = re.compile(
    r" (?:recorded|played|tracked|done|sung) (?:\w+ ){0,3}?(?:without|with no|no) (?:a |any )?(?:click|metronome)"
)
_IT_IN_TIME = re.compile(r" (?:put|get|bring|make) (?:it|this|that) (?:in time|on tempo|on the grid)(?= )")


def warped_in_time(s: str) -> bool:
    """A recording put in time with the song: "sync the vocal to the song", "lock this loop to the grid"."""
    if _NO_CLICK.search(s) and _IT_IN_TIME.search(s):
        return True
    return bool(AUDIO_IN_TIME.search(s)) and said(s, *IN_TIME_VERBS)


# "set the tempo from this clip": analyse the selected clip and apply its tempo (and signature, key)
FROM_CLIP_PHRASES = (
    "from this clip", "from the clip", "from that clip", "from the selected clip", "from this loop",
    "from the loop", "from this audio", "from the audio", "to this clip", "to the clip", "to this loop",
)  # fmt: skip
SEPARATE_PHRASES = ("split", "separate", "stems", "isolate", "extract", "unmix", "pull apart")
STEMS: dict[str, str] = {
    "vocals": "vocals",
    "vocal": "vocals",
    "voice": "vocals",
    "singer": "vocals",  # "take the singer off this record": the vocal stem
    "drums": "drums",
    "drum": "drums",
    "bass": "bass",
    "guitar": "guitar",
    "piano": "piano",
    "other": "other",
}
# "the vocal stem", "only the drums as a stem": one stem of the clip asked for by name (a split of it)
A_STEM_NAMED = re.compile(r" (?:vocals?|voice|drums?|bass|guitar|piano) (?:as (?:a |the )?)?stems? ")
SEPARATION_MODEL_PHRASES: dict[str, str] = {
    "six stems": "htdemucs_6s",
    "6 stems": "htdemucs_6s",
    "fine tuned": "htdemucs_ft",
    "high quality": "htdemucs_ft",
}

MUSICGEN_TRIGGERS = (
    "musicgen",
    "music gen",
    "audio of",
    "a sample of",
    "sample of",
    "a sound of",
    "render",
    "a loop of",
    "loop of",
)
MUSICGEN_SOUNDS = (
    "piano",
    "guitar",
    "strings",
    "synth",
    "pad",
    "pads",
    "organ",
    "violin",
    "cello",
    "flute",
    "saxophone",
    "trumpet",
    "horns",
    "choir",
    "bells",
    "rhodes",
    "harp",
    "marimba",
    "sitar",
    "loop",
    "texture",
    "ambience",
    "atmosphere",
    "soundscape",
    "drone",
    "vinyl",
    "crackle",
    "rain",
    "tape hiss",
)
MUSICGEN_DESCRIPTORS = (
    "warm",
    "dreamy",
    "dark",
    "bright",
    "vintage",
    "cinematic",
    "airy",
    "distorted",
    "epic",
    "ethereal",
    "gritty",
    "lush",
    "deep",
    "soft",
    "slow",
    "fast",
    "sad",
    "happy",
)


# what an analysis reads ("analyze this clip: tempo, key and chords"): named after the action, these are its
# findings, never a request left undone; the question's own words ("what chords it uses") with them
_FOUND = re.compile(
    r"(?:(?:and|the|its|it's|their|a|an|what|which|of|also|plus|too|chord|chords|progression|changes|harmony|"
    r"key|keys|scale|mode|tempo|tempi|bpm|meter|metre|time|signature|downbeats?|beats?|grid|groove|"
    r"it|is|in|this|that|they|are|uses?|using)\b[\s,.:;?!]*)+"  # "what key and chords it's in": the question's own
)


def analysis_findings(clause: str) -> bool:
    """Whether ``clause`` only names what an analysis finds (tempo, key, chords, meter, beats)."""
    return _FOUND.fullmatch(clause.strip().lower()) is not None
