"""The generated corpus's round 8 kinds (issue 55): how writers unlike the engineers ask.

A beginner names a sound by how it feels ("the thumpy one", kind letter ``f``); a film composer
names orchestral tracks (``o``: "the woodwinds track"), counts measures, and explains why before
asking ("the percussion is fighting the dialogue, so ..."); a second-language writer puts the
object first ("the bass I want lower", "make please ..."); and other trades' errands (booking,
emailing, export for picture, which plug-in to buy) are no MuseAroo request (``none``). One
engineer's phrasings, written from docs/intents.md; none taken from a labelled set.
"""

from __future__ import annotations

import random

from tools.corpus import command_words as w

T = list[tuple[str, str]]

# a part or drum voice said by how it sounds: schema target -> the words
FEEL: dict[str, list[str]] = {
    "kick": ["the thumpy one", "the boomy drum", "the deep thud", "the low thumping drum", "the big boom at the bottom",
             "the doof doof sound", "the heavy thud one"],
    "snare": ["the cracky drum", "the snappy one", "the sharp crack sound", "the smacky drum", "the loud crack"],
    "hats": ["the ticky sound", "the tsk tsk thing", "the sizzly ticks", "the tick tick cymbal", "the chk chk sound",
             "the little tinny cymbal"],
    "claps": ["the clappy one", "the clapping noise", "the clap sound thing", "the slappy clap"],
    "crash": ["the big splashy cymbal", "the crashy smash", "the loud cymbal smash"],
    "percussion": ["the shakey sound", "the rattly thing", "the jingly one", "the tappy wooden sound"],
    "ghost_notes": ["the barely there snare taps", "the soft little in-between snare hits"],
    "bass": ["the low rumbly sound", "the deep buzzy one underneath", "the low growly part", "the wobbly low one",
             "the deep rumble"],
    "chords": ["the dreamy background chords", "the warm chordy sound", "the soft background chord thing",
               "the fuzzy pad chords"],
    "melody": ["the catchy high bit", "the tune on top", "the twinkly line", "the whistly top part",
               "the singy bit on top"],
}  # fmt: skip
# orchestral and film tracks (a track by name: ``track:<name>``)
ORCHESTRA = ["woodwinds", "brass", "strings", "timpani", "harp", "celesta", "french horns", "low strings",
             "violas", "double basses", "choir", "trumpets", "oboe", "clarinet", "glockenspiel"]  # fmt: skip
THIS_CUE = [
    "this ostinato",
    "this cue",
    "this motif",
    "this passage",
    "this phrase",
    "this figure",
    "this theme",
]

# a reason said before (or after) the request; {x} names another part than the one asked about
REASONS = [
    "{x} is cluttering the dialogue", "the director says the scene drags", "{x} fights the voice over here",
    "this is for a tense chase scene", "the cue has to sit under a lot of sound effects",
    "the client wants it darker", "{x} already carries the energy", "it gets lost under {x}",
    "{x} sounds fine but the rest is a mess", "the picture cuts to black at that point",
    "i am new to this and dont know the words", "my teacher said it sounds empty", "the dancers need a clear pulse",
    "we play this live on friday", "the mix is too crowded around {x}", "the temp track had a lighter feel",
]  # fmt: skip
REASON_FRAMES = ["{why}, so {c}", "{why}; {c}", "since {why}, {c}", "{c}, because {why}", "{c} - {why}",
                 "{c}. {why}"]  # fmt: skip
ASKING_FRAMES = [
    "{why}. could you {c}?",
    "{why}, so please {c}",
    "{why}, can you {c}?",
]  # around an imperative
BEGINNER_TAILS = [" i think thats what its called", " sorry im new at this", " idk the right word", " if that makes sense",
                  " (not sure how to say it)", " haha"]  # fmt: skip
QUESTION_WORDS = frozenset({"can", "could", "which", "what", "how", "is", "another", "only", "for", "a"})
# ops a reason frame may wrap (requests that change or make something)
REASONED = ("make", "vary", "remove", "add", "busier", "simpler", "louder", "softer", "transpose", "shift", "quantize",
            "humanize", "swing", "feel", "mute", "unmute", "solo", "continue", "automate")  # fmt: skip

WRITERS: dict[str, T] = {
    "make": [("{t} I want, {n} bars, {g}", "p"), ("{n} versions of a {g} {t} i would like", "p"),
             ("make please a {t} in {y}", "p"), ("for the B section write me a {t}", "p"),
             ("a {t} for this cue, {n} measures, in {y}", "p"), ("can u make one of those {g} {t}s", "p"),
             ("write a {t} that goes with the clip i clicked on", "p"), ("a {t} that fits what i have selected", "p")],
    "vary": [("{t} make new please, the rest keep", "p"), ("{t} in the chorus make again", "p"),
             ("another take of {t} i would like", "p"), ("{t} sounds boring can you try a different one", "p")],
    "remove": [("{t} take out please {s}", "vf"), ("{t} I don't want anymore {s}", "vf"),
               ("can you get rid of {t} {s}", "f"), ("take {t} off {s}", "vf")],
    "add": [("{t} I want more of", "v"), ("put please {t} {s}", "v"), ("can there be {t} too", "f"),
            ("add some of {t} {s}", "f")],
    "busier": [("{t} more notes it needs", "pv"), ("can {t} do more stuff", "f"), ("{t} sounds kind of empty", "f"),
               ("make the {t} part more active for this cue", "p")],
    "simpler": [("{t} is too much, less please", "pf"), ("{t} plays too many notes", "pf"),
                ("can {t} play less stuff", "f"), ("{t} make simpler please", "pv")],
    "louder": [("{t} I can't hear very well", "f"), ("{t} I want louder", "pvo"), ("make please {t} louder", "pvo"),
               ("can {t} be louder", "fo"), ("{t} gets lost {s}, make it louder", "fo")],
    "softer": [("{t} is way too loud", "f"), ("{t} I want quieter", "pvo"), ("make please {t} softer", "pvo"),
               ("could {t} be quieter pls", "fo"), ("{t} is hurting my ears", "f"), ("bring down {t} a bit", "o"),
               ("how do i make {t} quieter? can you do it for me", "pf")],
    "transpose": [("{t} should go {n} semitones higher", "p"), ("{t} one octave down I want", "p"),
                  ("can {t} be higher", "pf"), ("{t} sounds too low, move it up", "pf")],
    "shift": [("{t} comes too late, move it earlier", "pvf"), ("{t} is too early, push it later", "pvf")],
    "quantize": [("{t} is all over the place, put it in time", "f"), ("{t} sounds messy, make it tight", "pf"),
                 ("{t} make tight to the grid please", "pv")],
    "humanize": [("{t} is too stiff, make it human", "pvf"), ("{t} sounds like a robot", "f"),
                 ("{t} feels quantized to death, loosen it", "pv")],
    "swing": [("can {t} have a bit of bounce to it", "fv"), ("{t} swing please a little", "pv")],
    "feel": [("can {t} do that half time thing", "p"),
             ("{t} straight please, no shuffle", "pv")],
    "mute": [("mute {t} for now", "o"), ("{t} off please for a moment", "o"), ("{t} mute please", "o"),
             ("can you make {t} go silent", "pk"),
             ("how do i switch {t} off for a bit? can you mute it", "pk")],
    "unmute": [("unmute {t}, we need it back", "o"), ("{t} back on please", "o")],
    "solo": [("solo {t} for a second", "o"), ("only {t} I want to hear", "o")],
    "continue": [("{t} is working, let it keep going for {n} more bars", "c"), ("extend {t} by {n} measures", "c"),
                 ("{t} should go on for longer", "c")],
    "automate": [("can {t} start really quiet and slowly come in", "o"), ("fade {t} out over the last measures", "o")],
    "list_takes": [("where can i see the ones i put a star on", ""), ("where are all the versions i liked", ""),
                   ("show me every one you made so far", "")],
    "musicgen": [("i'd love a real audio recording of seagulls over a harbour", ""),
                 ("can you make actual sound, not midi, of a music box", ""),
                 ("an audio clip of an old radio playing far away please", "")],
    "none": [
        ("book the orchestra for tuesday", ""), ("book me please a rehearsal room for saturday", ""),
        ("email the cue sheet to the producer", ""), ("send the stems to the mixing engineer by email", ""),
        ("export a quicktime with the music for the director", ""), ("sync the score to picture and render a movie", ""),
        ("bounce the whole song to a wav file for mastering", ""), ("render the mix to mp3 for my label", ""),
        ("which compressor should i use on {t}", "pv"), ("what reverb would you recommend for {t}", "po"),
        ("which plugin should i buy for better drums", ""), ("how should i eq {t}", "pvo"),
        ("is my master loud enough for spotify", ""), ("post this on my instagram when it's done", ""),
        ("autotune my vocals so i sound good", ""), ("invoice the production company", ""),
        ("write the liner notes for the album", ""), ("call the copyist about the parts", ""),
        ("print the parts for the string players", ""), ("hire a session drummer for the recording", ""),
    ],
    "ask": [("do something with track {n}", ""), ("fix the part we talked about", ""), ("make it more emotional", ""),
            ("can you make it sound better somehow? idk", ""), ("fix the other one too like before", ""),
            ("make the cue work better", ""), ("the thing from earlier, change it", ""), ("make it more cinematic", "")],
}  # fmt: skip


def framed(template: str) -> bool:
    """Whether a polite frame ("could you ...") may wrap ``template``: it opens with a verb, not
    with its object or a question of its own."""
    first = template.split(" ", 1)[0].lower()
    return not first.startswith("{") and first not in QUESTION_WORDS


def feel_target(rng: random.Random) -> tuple[str, str]:
    """(words, schema target) of a part or voice named by how it sounds."""
    label = rng.choice(sorted(FEEL))
    return rng.choice(FEEL[label]), label


def reason(rng: random.Random, avoid: object) -> str:
    """A reason clause; any other part it names differs from ``avoid`` (the request's target)."""
    others = [p for p in [*w.PARTS, *w.VOICES] if p != avoid]
    label = rng.choice(others)
    words = (w.PARTS | w.VOICES)[label]
    return rng.choice(REASONS).replace("{x}", f"the {rng.choice(words)}")


def measures(text: str) -> str:
    """A film composer's count: bars said as measures."""
    return text.replace("bars", "measures").replace("bar ", "measure ")
