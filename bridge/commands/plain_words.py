"""A sentence typed in a learner's English, and every other way a sentence is said, in the plain English the
readers know (issue 55).

``plain(heard)`` is taken by ``agree.parse`` after ``tongues.in_english``, so the rules and the learned
reading (whose encoder was trained on plain sentences) both read the plain sentence. It takes the text speak
(``texted_words``) and the tongues and slang each module names below, and rewrites a learner's order and words
(``learned``): "more strong", "more early" (the one-word comparative),
"down for an octave" ("down by"), "two semitones deeper" (lower), "the track with the name Pad"
("named"), "write for me a melody", "mute me the track", "takes which have a star", "in the style of
house", "no more hats after bar 8", "put it an eighth later" (moved), "give it to me in midi notes",
"the kick's fine" (is), "pump the bass like a sidechain", "a whole tune" (the song); "more clean"
(cleaner), "too much things" (too many notes), "for more 4 bars" (4 more), "after the bar 12",
"transpose it for D minor" (to), "take off the mute of" (unmute), "the drums, i want them simpler"
(the thing said first is changed), "must disappear slowly" (fade out), "comes in slowly" (fade in),
"plays together with" (along with), "put it in midi" (turn it into midi), "a song from zero" (from scratch).

A sentence in plain English is returned as it was.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bridge.commands.engineer_words import engineered
from bridge.commands.indonesian_words import indonesian
from bridge.commands.patois_words import patois
from bridge.commands.pidgin_words import pidgin
from bridge.commands.rehearsal_words import rehearsed
from bridge.commands.role_words import described
from bridge.commands.said_first import said_first
from bridge.commands.scots_words import scots
from bridge.commands.slang_words import slang
from bridge.commands.terse_pairs import paired
from bridge.commands.texted_words import texted
from bridge.commands.theory_words import related, tuned

# a learner's "more" + a short adjective: the one-word comparative ("more strong" -> "louder")
COMPARATIVES = {
    "strong": "louder", "calm": "calmer", "simple": "simpler", "early": "earlier", "late": "later",
    "loud": "louder", "quiet": "quieter", "soft": "softer", "busy": "busier", "fast": "faster", "slow": "slower",
    "high": "higher", "low": "lower", "deep": "deeper", "short": "shorter", "long": "longer", "tight": "tighter",
    "loose": "looser", "dark": "darker", "bright": "brighter", "full": "fuller", "thin": "thinner",
    "big": "bigger", "heavy": "heavier", "hard": "harder", "light": "lighter", "sparse": "sparser",
    "wide": "wider", "warm": "warmer", "sad": "sadder", "happy": "happier", "small": "smaller",
    "clean": "cleaner", "clear": "clearer",
}  # fmt: skip
_MORE = re.compile(
    r"\bmore ("
    + "|".join(COMPARATIVES)
    + r")\b(?! than\b| (?:end|ends|mids?|frequencies|freqs|shelf|pass|cut|hats?|hat)\b)",
    re.I,
)
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|thirty two)"
_KEY = r"[A-Ga-g](?:#|b|♯|♭| sharp| flat)? (?:major|minor|maj|min|dorian|phrygian|lydian|mixolydian)\b"
_INTERVAL = r"semitones?|half steps?|whole steps?|tones?|octaves?|steps?|fifths?|fourths?|thirds?"
LEARNED = (
    # "down for one octave", "up for 2 semitones": by
    (re.compile(rf"\b(up|down|higher|lower) for (?=(?:an?|one|two|three|\d+) (?:{_INTERVAL})\b)", re.I), r"\1 by "),
    # "two semitones deeper", "an octave more deep": lower (a pitch said by how far)
    (re.compile(rf"\b({_INTERVAL}) deeper\b", re.I), r"\1 lower"),
    # "the track with the name Pad", "the track with name Pad", "the track that is called Pad"
    (re.compile(r"\b(tracks?|channels?|clips?) (?:with (?:the )?name|(?:that|which) (?:is|are) (?:called|named))\b", re.I),
     r"\1 named"),
    # "write for me a melody", "make for me a beat": write me
    (re.compile(r"\b(make|write|create|compose|generate|build|give|play|do|sketch) for me\b(?= (?:an?|the|some|\d+)\b)", re.I),
     r"\1 me"),
    # "mute me the track", "transpose me the bass": the verb on the thing
    (re.compile(r"\b(mute|unmute|solo|transpose|quantize|quantise|humanize|humanise|delete|remove|shift|move|reverse|"
                r"fade|loop|split|separate|star|rename|double|halve) me (?=(?:the|this|that|my|these|those|all|it)\b)",
                re.I), r"\1 "),
    # "make him a little louder", "turn her down": a part is "it" (a learner's gendered pronoun; "her singing" kept)
    (re.compile(r"\b(make|turn|bring|push|pull|let|put|move|take|leave|keep) (?:him|her)\b(?! sing)", re.I), r"\1 it"),
    # "show me please all takes": the please said last
    (re.compile(r"\b(show|tell|give|make|play) me please\b", re.I), r"\1 me"),
    # "takes which have a star", "the clips that have swing": with
    (re.compile(r"\b(takes?|versions?|clips?|tracks?|ones|parts?) (?:which|that) (?:have|has|had) (?=\w)", re.I), r"\1 with "),
    # "in the style of house", "in the style of reggae": a house style
    (re.compile(r"\bin the style of (?!(?:the|a|an|my|this|that)\b)([a-z][a-z -]*?)(?=\s*(?:[,.;!?]|$| for | at | with | in ))",
                re.I), r"in a \1 style"),
    # "a whole tune", "the full track", "an entire piece": the song (a tune alone is the melody)
    (re.compile(r"\b(an? )(whole|full|entire|complete) (?:tune|track|piece|thing)\b(?! (?:named|called)\b)", re.I), r"\1\2 song"),
    # "put it one sixteenth earlier", "set the snare an eighth later": moved (a length and a way said)
    (re.compile(r"\b(?:put|place|set|get|make) (it|them|this|that|the \w+(?: \w+)?) (?=(?:a|an|one|two|\d+|half an?) "
                r"(?:sixteenth|eighth|quarter|16th|8th|32nd|thirty second|beat|triplet)s?(?: notes?)? "
                r"(?:more )?(?:earlier|later|sooner|early|late)\b)", re.I), r"move \1 "),
    # "the kick's fine", "bass's way too loud": the part is (a noun's "'s" is "is" before how it is)
    (re.compile(r"\b((?:the |my )?(?:kick|snare|bass|drums|hats|hi hats|clap|chords|keys|piano|melody|lead|pad|strings|"
                r"vocals?|guitar|synth|groove|beat|mix|tempo))['’]s (?=(?:fine|good|ok|okay|great|perfect|alright|cool|"
                r"nice|solid|too|way|so|a bit|a little|really|kinda|not|still|already)\b)", re.I), r"\1 is "),
    # "pump the bass volume like a sidechain": the bass made to pump (ducked)
    (re.compile(r"\bpump (the|my) (\w+)(?: volume| level)?\b(?=.*\bsidechain)", re.I), r"make \1 \2 pump"),
    # "extract the bass and give it to me in midi notes": as MIDI (notes heard from the audio)
    (re.compile(r"\b(give|send|hand) (it|them|that) (?:back )?to me (?:in|as) midi(?: notes)?\b", re.I), r"\1 \2 to me as midi"),
    # "for more 8 bars", "more two versions": the count before "more" (a learner's order)
    (re.compile(rf"\bmore ({_NUM}) (?=(?:bars?|measures?|beats?|takes?|versions?|variations?)\b)", re.I), r"\1 more "),
    # "after the bar eight", "from the bar 9": a bar by its number needs no article
    (re.compile(rf"\b(after|before|from|until|till|since|in|on|at) the (bar|measure) (?={_NUM}\b)", re.I), r"\1 \2 "),
    # "transpose the melody for E minor", "change it for D major": to (a learner's "para")
    (re.compile(rf"\b(transpose|modulate|change|move|shift|put|take|bring)\b([^,.;!?]*?) for (?={_KEY}(?! (?:thirds?|sixths?|"
                rf"seconds?|sevenths?|intervals?)\b))", re.I), r"\1\2 to "),
    # "the drums are with too much things", "too much notes": too many notes (simpler, where asked for)
    (re.compile(r"\b(?:is|are) with (?=(?:too|so) (?:much|many) (?:things|stuff|notes|hits|elements)\b)", re.I), "have "),
    (re.compile(r"\b(too|so|way too) (?:much|many) (?:things|stuff|notes|elements)\b", re.I), r"\1 many notes"),
    # "take off the mute of the drums", "remove the mute from the bass", "take the mute off the bass", "take the
    # bass out of mute": unmute
    (re.compile(r"\b(?:take|turn|switch|remove|get) (?:off|out|away)? ?(?:the )?mute (?:off (?:of |from )?|of |from |on )"
                r"(?:the )?(?!(?:for|in|at|on|during|until|till|and|then|please|now|again|so)\b)(?=\w)", re.I),
     "unmute the "),
    (re.compile(r"\b(?:take|get|bring) (the \w+|it|them|this|that) (?:out of|off) (?:the )?mute\b", re.I), r"unmute \1"),
    # "the bass, i want it louder", "this clip i want it in funk": the thing said first is the one changed
    (re.compile(r"^((?:the|this|that|my) \w+(?: \w+)?),? i (?:want|need|would like|'d like|wanna) (?:it|them) (?:to be )?(?=\w)",
                re.I), r"make \1 "),
    # "the melody must disappear slowly", "let the chords die away": faded out; "appear little by little": in
    (re.compile(r"\b(?:must|should|has to|have to|needs? to|to|will)? ?(?:disappears?|vanish(?:es)?|go(?:es)? away|die(?:s)? "
                r"(?:away|out)(?: slowly| gradually| little by little| bit by bit)?)(?: slowly| gradually| little by little| bit by "
                r"bit)\b|\b(?:die|dies|dying) away\b", re.I), " fade out"),
    (re.compile(r"\b(?:must|should|has to|have to|needs? to|to|will)? ?(?:appears?|comes? in|enters?) (?:slowly|gradually|"
                r"little by little|bit by bit)\b", re.I), " fade in"),
    # "a bass that plays together with this melody": along with (a part that accompanies)
    (re.compile(r"\b(plays?|playing|goes|going|grooves?|grooving) together with\b", re.I), r"\1 along with"),
    # "chords that ride with the 808", "a bass to ride with the drums": played along with it (a part that
    # "rides on" one follows it: ``follow_words``; "the ride" said as a thing is the cymbal)
    (re.compile(r"\b(that|which|to|thatll|that'll) ride with\b", re.I), r"\1 play along with"),
    (re.compile(r"\b(that|which) (?:rides|is riding) with\b", re.I), r"\1 plays along with"),
    # "take the drums of this sample and put it in midi": turned into MIDI
    (re.compile(r"\b(?:put|pass|place|convert) (it|them|this|that) (?:in|on|to|into) midi\b(?!\s*(?:tracks?|clips?|channels?))",
                re.I), r"turn \1 into midi"),
    # "this tambal recording, I want it in midi" (said first, then wanted: "make this tambal recording in midi")
    (re.compile(r"\bmake (this|that|it)((?: [a-z]+){0,2} (?:recording|audio|clip|sample|loop|take))? in midi\b", re.I),
     r"turn \1\2 into midi"),
    # "whole song from zero", "start from zero": from scratch (a learner's "do zero", "desde cero"; never a ramp,
    # "from zero to 100")
    (re.compile(r"\b(song|tune|track|beat|start|again|everything) from (?:zero|0)\b(?! (?:to|till|until|up)\b)", re.I),
     r"\1 from scratch"),
    # "no more hats after bar 8": no hats (more said of a place, not of how many)
    (re.compile(r"\bno more (?=(?:the )?[a-z]+(?: [a-z]+)? (?:after|from|past|in|during|before|until|till)\b)", re.I), "no "),
)  # fmt: skip


def learned(text: str) -> str:
    """The sentence with a learner's order and words said as a native says them (module docstring)."""
    text = _MORE.sub(lambda m: COMPARATIVES[m.group(1).lower()], text)
    for said, meant in LEARNED:
        text = said.sub(meant, text)
    return " ".join(text.split())


@lru_cache(maxsize=256)
def plain(heard: str) -> str:
    """The sentence in plain English (text speak, a learner's phrasing, a part named by its sound or
    role: ``role_words``, Nigerian Pidgin: ``pidgin_words``, Jamaican Patois: ``patois_words``, Scots: ``scots_words``, a rehearsal room: ``rehearsal_words``, what is said before the request: ``said_first``, an engineer's numbers: ``engineer_words``, and a producer's slang:
    ``slang_words``, said plainly; a terse pair of changes, "louder kick softer hats", as two requests:
    ``terse_pairs``)."""
    said = tuned(
        related(
            engineered(
                described(
                    learned(slang(pidgin(patois(scots(indonesian(rehearsed(texted(said_first(heard)))))))))
                )
            )
        )
    )
    return paired(said) or said
