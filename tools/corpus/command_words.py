"""The words the generated command corpus draws from (``command_corpus.py``): names of parts,
drum voices, tracks, takes, scopes and the frames a producer wraps a request in.

Written from docs/intents.md and the README, not from any phrase set. Each name maps a schema
value to the ways people say it; ``{a}`` in a phrase is an article the generator picks.
"""

from __future__ import annotations

PARTS = {
    "drums": [
        "drums",
        "beat",
        "drum part",
        "groove",
        "drum loop",
        "kit",
        "drum pattern",
        "drum track",
        "percussion loop",
    ],
    "bass": ["bass", "bassline", "bass line", "low end", "bass part", "sub bass", "bass groove"],
    "chords": ["chords", "chord progression", "harmony", "chord part", "progression", "changes", "comping"],
    "melody": ["melody", "lead", "tune", "topline", "lead line", "hook", "riff"],
}
VOICES = {
    "kick": ["kick", "kick drum", "kicks", "bass drum", "kik"],
    "snare": ["snare", "snares", "snare drum", "snare hits"],
    "hats": ["hats", "hi-hats", "hihats", "hi hats", "closed hats", "open hats", "hat pattern"],
    "ride": ["ride", "ride cymbal"],
    "crash": ["crash", "crashes", "crash cymbal", "cymbal crashes"],
    "toms": ["toms", "tom hits", "floor tom", "tom rolls"],
    "claps": ["claps", "clap", "handclaps", "hand claps"],
    "percussion": [
        "shaker",
        "shakers",
        "congas",
        "tambourine",
        "rimshots",
        "bongos",
        "percussion",
        "rim clicks",
    ],
    "ghost_notes": ["ghost notes", "ghosted snares", "ghost snares"],
}
TRACKS = ["strings", "piano", "pad", "vocals", "vox", "guitar", "synth", "organ", "brass", "rhodes", "sax",
          "choir", "lead gtr", "arp", "fx", "808", "cello", "violin", "flute", "horns", "plucks", "keys",
          "stabs", "bells", "lead", "mallets", "chops"]  # fmt: skip
TRACK_FORMS = ["the {t}", "the {t} track", "my {t}", "the {t} channel", "{t}", "that {t} track"]
THIS = ["this", "it", "this clip", "this one", "the selected clip", "this loop", "what's selected", "that",
        "this sample", "this audio", "this recording", "the clip I've got selected"]  # fmt: skip
# audio of a clip said by what it holds ("this bass line"): the transcription's kind, its target
AUDIO_KINDS = {
    "drums": ["drum loop", "breakbeat", "beat", "drum recording", "drums"],
    "bass": ["bass line", "bassline", "bass riff", "sub bass", "bass recording"],
    "piano": ["piano", "piano recording", "keys part", "rhodes"],
    "chords": ["chords", "chord part", "pad", "strummed chords"],
    "melody": ["vocal", "melody", "humming", "sax solo", "lead line", "whistled tune", "guitar solo"],
}
# one instrument of a mixed recording ("the bass of this sample"): a stem split out, then transcribed
STEM_KINDS = {
    "bass": ["bass", "bassline"], "drums": ["drums", "beat"], "vocals": ["vocals", "singing", "vocal"],
    "piano": ["piano", "keys"], "guitar": ["guitar"],
}  # fmt: skip
MIXES = ["this sample", "the song", "this loop", "my recording", "this track", "the mix", "this clip"]
TAKES = {
    "last": ["the last take", "the latest one", "the last version", "what you just made", "the newest take",
             "the most recent take", "the one you just did", "your latest attempt"],
    "previous": ["the previous take", "the one before", "the earlier version", "the take before that",
                 "the previous version", "the old one"],
    "second": ["the second version", "the second one", "the second variation", "version two", "take two",
               "the 2nd one", "variation 2", "the second take", "the second attempt"],
    "first": ["the first version", "the first one", "the first variation", "take one", "the 1st one", "variation 1",
              "the first take"],
    "third": ["the third version", "the third one", "the third variation", "take three", "the 3rd one",
              "variation 3", "the third take"],
}  # fmt: skip
TAKE_IDS = ["3b7e1d", "9c20af", "d41f8e", "07aa5c", "e6b913", "51fd02"]
SONG = ["the song", "the whole song", "the track", "the project", "everything", "the tune"]
GENRES = ["house", "techno", "trap", "jazz", "funk", "lo-fi", "lofi", "hip hop", "reggae", "rock", "pop",
          "ambient", "drum and bass", "dnb", "neo soul", "blues", "country", "disco", "afrobeat"]  # fmt: skip
KEYS = ["C major", "A minor", "F# minor", "E flat major", "D dorian", "G minor", "B flat minor", "E major"]
NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
           9: "nine", 10: "ten", 12: "twelve", 16: "sixteen", 24: "twenty four", 32: "thirty two"}  # fmt: skip
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 8: "eighth"}
SECTIONS = ["chorus", "verse", "intro", "outro", "drop", "breakdown", "bridge", "build", "pre chorus"]

# polite and indirect frames around an imperative ({c}); "?" frames end with a question mark
FRAMES = [
    "{c}", "{c}", "{c}", "{c}", "please {c}", "{c} please", "could you {c}?", "can you {c}?", "can you {c}",
    "I'd love it if you could {c}", "would you {c}?", "let's {c}", "maybe {c}", "hey roo, {c}", "yo {c}",
    "I think we should {c}", "{c}, thanks", "I want you to {c}", "how about we {c}?", "ok now {c}",
    "right, {c}", "go ahead and {c}", "do me a favour and {c}", "could we {c}?", "try to {c}",
    "I need you to {c}", "hmm, {c}", "{c} for me", "alright {c}", "quick one: {c}", "would you mind if we {c}?",
    # hedged, explaining and formal frames (a reason or a purpose after the request)
    "would it be possible to {c}?", "is there a way to {c}?", "is it possible to {c}?", "I'd like you to {c}, if you can",
    "{c}, if that's a thing you can do", "{c}, if that makes sense", "{c} so I can hear how it sounds",
    "{c}, I think it would help", "Please {c}.", "Could you {c}, please?", "Would you kindly {c}?",
    "I wonder if you could {c}", "{c}, I'm not sure it works as it is", "sorry, could you {c}?",
]  # fmt: skip
# casual spellings a typed request uses (word -> shorthand), and tails tacked on
CASUAL = {"you": "u", "are": "r", "with": "w", "though": "tho", "going": "goin", "something": "somethin",
          "what's": "wats", "different": "diff", "please": "pls", "right now": "rn", "because": "cuz"}  # fmt: skip
CASUAL_TAILS = [" rq", " tho", " lol", " pls", " asap", " real quick"]
LIGHT_FRAMES = [
    "{c}",
    "{c}",
    "hey roo, {c}",
    "{c} please",
    "hmm, {c}",
    "ok so {c}",
    "honestly {c}",
    "{c}, thanks",
]
# first words of templates that are not an imperative verb: only light frames wrap them
NOT_VERBS = frozenset({"i", "what", "what's", "how", "is", "more", "less", "a", "an", "new", "different", "fewer",
                       "just", "only", "nothing", "everything", "no", "the", "my", "this", "that", "{t}", "{n}",
                       "{b}", "song", "time", "half", "four", "waltz", "not", "one", "another", "which",
                       "ugh", "ctrl", "option", "yes", "yeah", "nope", "sure", "take", "key", "some", "could",
                       "without", "wats", "quick"})  # fmt: skip
# contrast frames: {keep} names what stays, {c} the change
CONTRASTS = [
    "don't touch {keep}, just {c}", "leave {keep} alone and {c}", "{keep} is fine, {c}",
    "{c} but leave {keep} as it is", "{c}, but keep {keep} the same", "{keep} sounds good; {c}",
    "{c} and don't change {keep}", "keep {keep}, {c}", "not {keep} - {c}", "{c}, {keep} stays",
    "without touching {keep}, {c}", "{keep} is perfect so {c}", "{c} (not {keep})", "{c}, leave {keep}",
]  # fmt: skip
UK_US = {"analyze": "analyse", "favorite": "favourite", "humanize": "humanise", "quantize": "quantise",
         "color": "colour", "center": "centre", "favor": "favour", "synthesizer": "synthesiser"}  # fmt: skip
