"""A track named in Live by the producer, said with more words (issue 44): "solo the strings for a
moment", "bring the cello line down a fifth", "mute the piano part", "sidechain the pad to the kick".

The parser does not know the song's track names (it reads text only; the action matches the name
against Live's tracks, a part of it when nothing matches whole), so the name is read by its words:
an instrument a track is named for, followed by filler ("line", "part", "track") or a trailing
clause ("for a moment", "again", "please") that is no part of a name. Sentences are normalised.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.clip_words import DENSITY_AMOUNT, PERCUSSION_WORDS
from bridge.commands.intent import UNKNOWN, Intent

# what a producer's track is named for when it is no part MuseAroo writes (vocab.PARTS has those)
INSTRUMENTS = ("cello", "cellos", "violin", "violins", "viola", "strings", "string", "pad", "pads", "piano",
               "organ", "synth", "synths", "vocal", "vocals", "vox", "guitar", "guitars", "brass", "horns",
               "horn", "flute", "sax", "saxophone", "trumpet", "choir", "arp", "pluck", "plucks", "bells",
               "rhodes", "sub", "808", "fx", "riser", "harp", "marimba", "oboe", "clarinet", "trombone",
               "bassoon", "keys", "ep", "wurli", "mellotron", "sample", "samples", "loop", "texture")  # fmt: skip
FILLER = ("line", "part", "track", "channel", "sound", "stem", "layer")
TRAILING = re.compile(
    r" (?:for (?:a|one|1) (?:moment|sec|second|bit|minute|while|beat)|(?:a|1) (?:sec|second|moment)|"
    r"un (?:momento|segundo|minuto)|for now|real quick|quickly|right now|now|"
    r"again|too|as well|please|for me|then|so i can hear it|to hear it|"
    r"thank you|thank u|thanks|thanks a lot|thx|ty|cheers|pls|plz|mate|if you can|if you could|"
    r"if you would|if you dont mind|would you|could you|will you|yeah|ok|okay|cheers mate|"
    r"rq|rn|tho|lol|lmao|asap|fr|bro|dude|man|k|kk|thnx|thanx|sorry|soz|my bad|oops)$"
)  # "unmute the pad, thank you", "solo the organ pls", "mute the bass rq", "..., sorry": never a name's words
# a clause after a track's name is not part of it: "the bass so everyone can hear it"
# or "the chords track, they're clashing with the fx" (the comma unheard): "they're" starts a clause
_CLAUSE = re.compile(r"(?<=\w) (?:so|because|cause|cos|coz|cuz|bc|since|while|whilst|and then|until|till|when|let|"
                     r"lets|as|i want|we need|i need|i wanna|everyone|everybody|theyre|they are|they sound|its|"
                     r"it is|it sounds|thats|that is|which|who|like|though|tho|although|if|im|i am|i think)"
                     r"(?: .*)?$")  # fmt: skip
_NAMED = re.compile(
    rf" (?:the|my|that) ((?:\w+ )?(?:{'|'.join(INSTRUMENTS)}))(?: (?:{'|'.join(FILLER)}))?(?= )"
)
_SIDECHAIN = re.compile(r" sidechain (?!on |to )(?:the |my )?(\w+)| sidechain (?:on|to) (?:the |my )?(\w+)")


# a name said before "track" or "channel" ends there: "the strings track for now, i'll be ..." -> "strings"
_ENDS_AT_TRACK = re.compile(r"^((?:\w+ ){0,2}?\w+) (?:track|channel)s? .*$")
# where a new clause starts inside what followed the verb (the comma unheard): "for now, i'll ...", "for
# a bit, we should ...", "the flute answer needs to ...": a pronoun and its verb, or a noun and a verb
_RUNS_ON = re.compile(
    r"(?<=\w) (?:(?:for (?:now|(?:a|one|1) (?:moment|sec|second|bit|minute|while))|real quick|right now) \w"
    r"|(?:ill|i will|well|we will|we should|youll|you can|you could|i can|i could|we can|id|we have|ive) "
    r"|(?:the|my|that|this) \w+(?: \w+)? (?:needs?|has|have|should|must|is|are|was|keeps|sounds|gets) )"
    r".*$"
)
# a track said by its number ("track 6", "channel 7", "track number 3", "track no 2"), then anything
_NUMBERED = re.compile(r"(?:^|(?<= ))(?:track|channel) (?:number |no |nr )?(\d+)\b")
MAX_NAME_WORDS = 3  # a track's name is a few words; a longer run holds another clause


def bare_name(name: str) -> str:
    """The track's name without a trailing clause or filler: "strings for a moment" -> "strings",
    "piano part" -> "piano", "strings track for now ill be ..." -> "strings"; a name that is only
    filler stays as said. A name never spans a clause nor more than ``MAX_NAME_WORDS`` words past its
    first instrument word."""
    numbered = _NUMBERED.search(name.strip())  # "track number 3", "the audio on channel 7": that track
    if numbered is not None:
        return f"track {numbered.group(1)}"
    name = _ENDS_AT_TRACK.sub(r"\1", name.strip())  # "woodwinds track the flute answer ...": woodwinds
    name = _RUNS_ON.sub("", f" {name}")
    name = _CLAUSE.sub("", name)  # "bass so everyone can hear it": a clause of its own
    words = name.split()
    if len(words) > MAX_NAME_WORDS:  # "cello the last bar is ...": up to the instrument word said first
        said = next((i for i, w in enumerate(words[:MAX_NAME_WORDS]) if w in INSTRUMENTS), None)
        name = " ".join(words[: said + 1]) if said is not None else name
    while (cut := TRAILING.sub("", name)) != name:
        name = cut
    words = name.split()
    while len(words) > 1 and words[-1] in FILLER:
        words.pop()
    return " ".join(words)


# "the wobble track", "the reese channel": a track named by a sound word said before "track" or "channel"
# Live's track by its number ("track 4", "the clip on channel 2"), read by every reader of a numbered track
NUMBERED_TRACK = re.compile(r" (?:track|channel) (?:number |no |nr )?(\d+)(?= )")
_SAID_TRACK = re.compile(r" (?:the|my|that) ([a-z0-9]+) (?:track|channel)(?= )")
NO_NAME = frozenset({"whole", "same", "other", "next", "last", "first", "previous", "new", "entire", "selected",
                      "current", "backing", "master", "main", "old", "empty", "midi", "audio", "return", "second",
                      "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "top", "bottom",
                      "final", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"})  # fmt: skip


# no track's name: a determiner or filler left alone, a track said by what was done to it ("solo the track i
# made", "mute the one i recorded", "that one") or by its place ("the first track", "the new one"): which track?
_NOT_A_NAME = frozenset({"it", "this", "that", "the", "a", "an", "my", "our", "your", "track", "channel"})


# what starts a clause after "the track": "the track i made", "the track that has the pads" ("track 8a": a name)
_SAID_OF = frozenset(
    {"i", "we", "you", "they", "that", "which", "with", "from", "where", "ive", "weve", "id", "im"}
)


def no_name(name: str) -> bool:
    """Whether a mixer switch's object names no track (``_NOT_A_NAME``'s comment)."""
    words = name.split()
    return (
        not words
        or name in _NOT_A_NAME
        or words[0] in ("one", "ones")
        or (words[0] in ("track", "channel") and (len(words) == 1 or words[1] in _SAID_OF))
        or words[-1] in ("one", "ones")
        or name in NO_NAME
    )


WHICH_TRACK = "which track should be"  # the question's opening, read by ``weighing.suggesting``


def which_track(verb: str, s: str) -> Intent:
    """The question for a mixer switch said of no track by name, its examples the same switch by name."""
    done = {"solo": "soloed", "unsolo": "unsoloed"}.get(verb, f"{verb}d")
    reason = f"{WHICH_TRACK} {done}? did you mean '{verb} the drums' or '{verb} the track called Keys'?"
    return Intent(UNKNOWN, None, {"heard": s.strip(), "reason": reason})


def instrument_track(s: str) -> str | None:
    """The name of a track a sentence names by its instrument ("the cello line" -> "cello") or by a sound
    word before "track" or "channel" ("the wobble track" -> "wobble"; not a part: "the bass track"), or None."""
    m = _NAMED.search(s)
    numbered = NUMBERED_TRACK.search(s)  # "quantize track 4", "the clip on channel 2": that track
    if m is None and numbered is not None:
        return f"track {numbered.group(1)}"
    if m is None:
        said = _SAID_TRACK.search(s)
        name = None if said is None else said.group(1)
        return None if name is None or name in NO_NAME or name in v.PARTS else name
    words = m.group(1).split()
    return words[-1] if len(words) == 2 and words[0] not in INSTRUMENTS else m.group(1)


# a comparison or aside to the sentence's end: "..., like that pumping sidechain sound people use"
_LIKE = re.compile(r" (?:like|similar to|kind of like|sort of like|the way) (?:that|the|those|a|an|how|what|in|on|when)"
                   r" .*$| (?:kind of|sort of|a bit|a little|just|bit) like .*$"
                   r"| (?:kind of|sort of)(?: like)? (?:a |that |the )?(?:sidechain|pump).*$")  # "kinda like sidechain pumpin"  # fmt: skip


def before_likeness(s: str) -> str:
    """The sentence without a trailing comparison ("the bass ducking in the drop like that pumping
    sidechain sound people use" -> "the bass ducking in the drop "): a name in it is never the target."""
    return _LIKE.sub(" ", s)


def sidechained(s: str) -> str | None:
    """ "sidechain the pad to the kick": the track ducked ("pad"), or None; a sidechain said in a
    comparison names no track, nor does filler ("sidechain sound")."""
    m = _SIDECHAIN.search(before_likeness(s))
    name = None if m is None else m.group(1) or m.group(2)
    return None if name in (None, "it", "this", "that", "on", "to", *FILLER, *SIDECHAIN_KINDS) else name


SIDECHAIN_KINDS = ("style", "vibe", "feel", "effect", "thing", "type", "pump", "pumping", "like", "ish")


# "the Synth Pad track", "my Lead Vox track": a name of capitalised words written before "track"
_CAPITALISED = re.compile(r"\b((?:[A-Z][\w]*|\d+)(?: (?:[A-Z][\w]*|\d+)){1,2}) (?:track|channel|clip)s?\b")


def written_name(intent: Intent) -> Intent:
    """A track's name of several capitalised words, as written, in place of the one word the
    lower-case reading kept ("synth" of "the Synth Pad track" -> "synth pad")."""
    found = _CAPITALISED.search(intent.heard)
    if found is None:
        return intent
    whole = found.group(1).lower()
    fields: dict[str, Any] = {
        k: whole
        for k in ("track_name", "source_track_name")
        if k in intent.params and str(intent.params[k]) in whole.split() and str(intent.params[k]) != whole
    }
    if fields:
        return Intent(intent.action, intent.part, {**intent.params, **fields}, intent.heard)
    said_part = intent.part is not None and any(v.PARTS.get(w) == intent.part for w in whole.split())
    if (
        said_part
        and intent.action in ("automate", "mixer", "transform")
        and not {"track_name", "voices"} & set(intent.params)
    ):  # "fade out the Lead Vox track": the track so named, not the melody part
        return Intent(intent.action, None, {**intent.params, "track_name": whole}, intent.heard)
    return intent


# words that say the selected clip when said bare ("fade the loop out", "mute the sample"): a track of
# that name only when "track" or "channel" is said after it ("the loop track")
GENERIC = frozenset({"loop", "loops", "sample", "samples", "clip", "part", "bit", "beat", "region", "thing",
                     "one", "recording", "idea", "riff", "groove"})  # fmt: skip


def selected_not_track(intent: Intent, s: str) -> Intent:
    """A track's name that is a generic word said bare ("fade the loop out over the last 2") is the
    selected clip: the name is dropped unless "track" or "channel" follows it ("mute the loop track")."""
    name = str(intent.params.get("track_name", ""))
    if name not in GENERIC or re.search(rf" {name} (?:track|channel)s? ", s):
        return intent
    return Intent(intent.action, intent.part, {k: w for k, w in intent.params.items() if k != "track_name"},
                  intent.heard)  # fmt: skip


# a hand-percussion word said before "track" or "channel": Live's track so named ("the shaker track")
_VOICE_TRACK = re.compile(
    rf" ({'|'.join(sorted(PERCUSSION_WORDS, key=len, reverse=True))}) (?:track|channel)s? "
)


def _track_not_voice(intent: Intent, s: str) -> Intent:
    """A change of the percussion voice said of "the shaker track" is of that track, not of a voice of the
    drums; a density or complexity dial of no part said of a track by its name ("make the strings track busier",
    "... simpler") is a density change of that track, never of whatever clip is selected."""
    params = intent.params
    named = _VOICE_TRACK.search(s)
    if intent.action == "transform" and params.get("voices") == "percussion" and named is not None:
        kept = {k: w for k, w in params.items() if k != "voices"}
        return Intent(intent.action, None, {**kept, "track_name": named.group(1)}, intent.heard)
    track = named.group(1) if named is not None else instrument_track(s)
    if (
        intent.action == "adjust"
        and intent.part is None
        and params.get("what") in ("density", "complexity")  # "simpler" of a track: its notes thinned
        and track is not None
        and re.search(rf" {track} (?:track|channel)s? ", s)
    ):
        amount = DENSITY_AMOUNT["up" if params.get("direction") == "up" else "down"]
        kept = {k: w for k, w in params.items() if k not in ("what", "direction")}
        return Intent("transform", None, {"kind": "density", "amount": amount, **kept, "track_name": track},
                      intent.heard)  # fmt: skip
    return intent


def with_track(intent: Intent, s: str) -> Intent:
    """A transform of no part, said of a track by its instrument, carries ``track_name``."""
    intent = _track_not_voice(selected_not_track(written_name(intent), s), s)
    if intent.action != "transform" or intent.part is not None or "track_name" in intent.params:
        return intent
    named = instrument_track(s)
    if named is None:
        return intent
    return Intent(intent.action, None, {**intent.params, "track_name": named}, intent.heard)


# "the track named Pad", "the one called Pad Wash": a track by its name, said after it is called so
_CALLED = re.compile(r" (?:the|a|that) (?:track|channel|one|bus) (?:named|called|labell?ed|titled) ")
_NAME_ENDS = frozenset({"over", "in", "for", "from", "to", "into", "at", "so", "because", "and", "but", "with", "on",
                        "until", "after", "before", "its", "it", "up", "down", "a", "by", "please", "then", "is",
                        "too", "now", "again", "during", "till", "thats", "which", "i", "we", "could", "would",
                        "can", "will", "should", "shall", "you", "may", "might", "must", "do", "has", "have",
                        "had"})  # fmt: skip


def called(s: str) -> str:
    """A normalised sentence with a track said by what it is called ("mute the track named pad wash
    now") as its name before "track" ("mute the pad wash track now"), which the readers read; the
    name ends at a small word or an adverb ("temporarily")."""
    m = _CALLED.search(s)
    if m is None:
        return s
    tail = f" {s[m.end() :].strip()}"
    while (cut := TRAILING.sub("", tail)) != tail:  # "the one called pad wash real quick": not the name's
        tail = cut
    rest = tail.split()
    name: list[str] = []
    while rest and rest[0] not in _NAME_ENDS and not rest[0].endswith("ly") and len(name) < MAX_NAME_WORDS:
        name.append(rest.pop(0))
    if not name:
        return s
    return f"{s[: m.start()]} the {' '.join(name)} track {' '.join(rest)} "


_MADE_ANYWAY = frozenset(
    {"sub", "808", "sample", "samples", "loop", "texture", "riser", "fx"}
)  # bass, a loop


def not_a_part(s: str) -> str | None:
    """The instrument a sentence names as a track when it is no part MuseAroo makes ("the piano"), or None."""
    name = instrument_track(s)
    return None if name is None or name in v.PARTS or set(name.split()) & _MADE_ANYWAY else name
