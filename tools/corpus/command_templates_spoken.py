"""The generated corpus's round 9 kinds (issue 55): requests typed tersely and requests dictated.

A terse writer (a second-language producer typing fast) says the object first and the verb last,
drops articles and plurals and tails the request with "please" ("{t} more busy please", "{t} track
mute please", "{t} transpose to {y} please"): :data:`TERSE` and :func:`terse`. A dictated request
is raw speech to text: no capitals or punctuation, fillers ("um okay so"), homophones a
recogniser writes for music words ("base" for bass, "high hats", "for bars" for four bars) and
false starts corrected in place ("the kick no wait the snare"): :func:`dictate` and
:data:`CORRECTIONS`. One engineer's phrasings from the schema's ops, targets and values
(docs/intents.md); none taken from a labelled set.
"""

from __future__ import annotations

import random
import re

T = list[tuple[str, str]]

TERSE: dict[str, T] = {
    "make": [("{t} make please", "p"), ("{g} {t} make please, {n} bars", "p"), ("{t} {n} bars please, {g} style", "p"),
             ("new {t} create please", "p"), ("{t} in {y} write please", "p"), ("{t} for chorus make please", "p")],
    "vary": [("{t} again please, different one", "ph"), ("{t} new version please", "ph"),
             ("{t} other version make please", "p"), ("{t} change to new idea please", "p"),
             ("{t} one more version please", "ph")],
    "remove": [("{t} remove please {s}", "v"), ("{t} delete {s} please", "v"), ("{t} take out please", "v"),
               ("{t} not need {s}, delete please", "v")],
    "add": [("{t} add please {s}", "v"), ("{t} put in please {s}", "v"), ("{t} also add please", "v")],
    "busier": [("{t} more busy please", "pv"), ("{t} more notes please {s}", "pv"), ("{t} make busier please", "pv"),
               ("{t} more active please {s}", "pv"), ("{t} too empty, more notes please", "pv")],
    "simpler": [("{t} more simple please", "pv"), ("{t} less notes please {s}", "pv"), ("{t} make sparse please", "pv"),
                ("{t} too busy, less please", "pv"), ("{t} more empty please {s}", "pv")],
    "louder": [("{t} volume up please", "pvk"), ("{t} more loud please", "pvk"), ("{t} louder please {s}", "pvk"),
               ("{t} level up little bit please", "pvk")],
    "softer": [("{t} volume down please", "pvk"), ("{t} more quiet please", "pvk"), ("{t} too loud, down please", "pvk"),
               ("{t} level down little please {s}", "pvk")],
    "transpose": [("{t} transpose to {y} please", "p"), ("{t} {n} semitones up please", "p"),
                  ("{t} one octave down please", "p"), ("{t} key change to {y} please", "p"), ("{t} pitch up please", "p")],
    "shift": [("{t} little bit late please", "pv"), ("{t} move earlier please", "pv"), ("{t} push later please", "pv")],
    "quantize": [("{t} quantize please", "pv"), ("{t} on grid please, tight", "pv"), ("{t} timing fix to grid please", "pv")],
    "humanize": [("{t} more human please", "pv"), ("{t} less robot please", "pv"), ("{t} timing loose please", "pv")],
    "swing": [("{t} swing please, little bit", "pv"), ("{t} more swing please", "pv"), ("{t} swing feel give please", "pv")],
    "feel": [("{t} half time please", "p"), ("{t} double time please", "p"), ("{t} shuffle feel please", "p")],
    "mute": [("{t} mute please", "ko"), ("{t} track mute please", "w"), ("{t} off please for now", "ko"),
             ("{t} sound off please", "k")],
    "unmute": [("{t} unmute please", "ko"), ("{t} back on please", "k"), ("{t} track unmute please", "w")],
    "solo": [("{t} solo please", "ko"), ("{t} track solo please, only that", "w"), ("only {t} play please, solo", "k")],
    "automate": [("{t} fade in please over {n} bars", "k"), ("{t} slowly fade out please", "ko"),
                 ("{t} filter sweep up please", "k"), ("{t} volume slowly come up please", "ko")],
    "set": [("{t}, style change to {g} please", "h"), ("{t} genre {g} please", "h"), ("{t} key change to {y} please", "s")],
    "tempo": [("tempo {b} please", ""), ("song bpm change to {b} please", ""), ("tempo more fast please", "")],
    "warp": [("{t} warp to grid please", "h"), ("{t} tempo match to song please", "h"), ("{t} fit to song tempo please", "h")],
    "transcribe": [("{t} midi convert please", "hm"), ("{t} to midi please", "hme"), ("{t} change to midi notes please", "hm")],
    "separate": [("{t} stem split please", "h"), ("{t} vocal take out please, only music", "h"),
                 ("{t} drums only please, as audio", "h")],
    "accompany": [("{t} that play with this, make please", "p"), ("{t} for this melody make please, follow it", "p")],
    "continue": [("{t} {n} bars more continue please", "h"), ("{t} extend please", "hp"), ("{t} longer make please", "h")],
    "star": [("{t} star please", "r"), ("{t} favourite mark please", "r")],
    "unstar": [("{t} unstar please", "r"), ("{t} star off please", "r")],
    "compare": [("{t} and other one, compare please", "r"), ("{t} what is different, compare please", "r")],
    "list_takes": [("all takes show please", ""), ("starred takes list please", ""), ("my versions show please", "")],
    "recall": [("{t} bring back please", "r"), ("{t} again load please", "r")],
    "undo": [("last change cancel please, go back", ""), ("before version go back please", "")],
    "jam_start": [("jam start please", ""), ("live jam begin please", "")],
    "jam_stop": [("jam finish please", ""), ("jam stop now please", "")],
    "jam_save": [("jam last {n} bars keep please", ""), ("jam record to clip please", "")],
    "play": [("song play please", ""), ("play from start please", "")],
    "stop": [("playback stop please", ""), ("music stop please", "")],
    "help": [("command list show please", ""), ("what I can say? help please", "")],
    "none": [("{t} lyric write please", "p"), ("mixdown upload to youtube please", ""), ("studio booking monday please", ""),
             ("my vocal pitch correct like autotune please", ""), ("song master for release please", ""),
             ("file send to my label please", "")],
    "ask": [("make better please", ""), ("something change please", ""), ("more good please", "")],
}  # fmt: skip

ARTICLES = re.compile(r"\b(the|a|an)\s+", re.IGNORECASE)
PLURALS = {"bars": "bar", "semitones": "semitone", "notes": "note", "takes": "take", "versions": "version"}


def terse(text: str, rng: random.Random) -> str:
    """``text`` without articles and (sometimes) plurals, as a terse writer types it."""
    text = ARTICLES.sub("", text) if rng.random() < 0.8 else text
    if rng.random() < 0.5:
        text = " ".join(PLURALS.get(word, word) for word in text.split(" "))
    return text


# what a recogniser writes for a music word (said -> heard); each applied at random
HEARD = [("hi-hats", "high hats"), ("hihats", "high hats"), ("hi hats", "high hats"), ("bassline", "base line"),
         ("bass", "base"), ("four", "for"), ("two", "to"), ("chords", "cords"), ("eight", "8"), ("lo-fi", "low fi"),
         ("hip hop", "hip-hop"), ("dnb", "d and b"), ("quantize", "quantise"),
         ("tempo", "temple"), ("verse", "versus"), ("claps", "clap"), ("16", "sixteen"), ("semitones", "semi tones")]  # fmt: skip
OPENERS = ["um", "uh", "okay so", "um okay so", "so um", "alright so", "hey roo", "hmm okay", "so yeah", "right um",
           "okay um", "so", "uh hey"]  # fmt: skip
INSIDE = ["um", "uh", "like", "you know", "uh like"]
CLOSERS = ["thanks", "yeah", "i guess", "or whatever", "please thank you", "okay", "cool thanks"]
# a false start corrected in place: the words said first, then one of these, then the right words
CORRECTIONS = ["no wait", "no", "i mean", "sorry", "no no", "actually", "wait no", "scratch that"]


def dictate(text: str, rng: random.Random) -> str:
    """``text`` as speech to text writes it: lower case, no punctuation, music words misheard,
    fillers before, after its first word and after it."""
    text = re.sub(r"[.,!?;:()\"]", " ", text.lower()).replace("'", "" if rng.random() < 0.5 else "'")
    for said, heard in HEARD:
        if re.search(rf"\b{re.escape(said)}\b", text) and rng.random() < 0.5:
            text = re.sub(rf"\b{re.escape(said)}\b", heard, text)
    words = text.split()
    if len(words) > 3 and rng.random() < 0.3:  # a filler after the first word ("can um you ...")
        words.insert(1, rng.choice(INSIDE))
    if rng.random() < 0.6:
        words.insert(0, rng.choice(OPENERS))
    if rng.random() < 0.2:
        words.append(rng.choice(CLOSERS))
    return " ".join(words)
