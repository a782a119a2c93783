"""The verb said last (issue 55): "pad track mute", "chord transpose to A minor", "this recording
midi convert" is how a speaker of a verb-final language (Korean, Japanese, Turkish) or a telegraphic
note writes a request. ``reordered`` puts the verb first ("mute the pad track") so that the readers,
which look for a verb before its object, read it; any other sentence is returned as it was.

What is reordered: a clause that opens with its object (a part, a drum voice, an instrument, a track
or a clip, a determiner or none before it), then one of ``VERBS``, then the rest (a key, a place, a
new clause). Descriptions are not: a verb in another form ("the pad track is muted"), a copula in
the object or after the verb ("the bass solo in the bridge is too long"), and "solo" after a bare
part ("bass solo" is the kind of part; "the bass track solo" the switch). A track's number after its
holder is the object's own ("track 5 solo": "solo track 5"), and "me" between a verb and its target is
the speaker's, dropped ("mute me track 3": "mute track 3"). Stdlib only; the sentence
is normalised (padded, lower case, numbers as digits).
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.clip_words import DRUM_VOICES
from bridge.commands.region_words import SECTIONS
from bridge.commands.track_words import INSTRUMENTS

# the verbs read after their object, and how each is said first ("convert X to midi")
VERBS = ("mute", "unmute", "solo", "transpose", "quantize", "humanize", "warp", "convert", "transcribe",
         "remove", "delete", "separate", "rewrite", "regenerate", "change", "switch")  # fmt: skip
_TO_MIDI = ("convert", "transcribe")
_SWITCHES = ("solo",)  # said after a track's own word only
_CHANGES = ("change", "switch")  # of a clip's style: "this clip style change to trap"
_REDONE = ("rewrite", "regenerate")  # of a part in a section: "verse drums regenerate"
# what an object is made of: what it names, and the small words around it
_NAMES = frozenset({*v.PARTS, *DRUM_VOICES, *INSTRUMENTS, "hihat", "hihats", "chord"})
_HOLDERS = frozenset(
    {
        "track",
        "channel",
        "clip",
        "recording",
        "audio",
        "bus",
        "group",
        "stem",
        "loop",
        "sample",
        "style",
        "genre",
    }
)
_SECTION_WORDS = frozenset(w for section in SECTIONS for w in section.split())
_DETERMINERS = ("the", "this", "that", "my", "these", "those", "our")
_OPENERS = frozenset({"ok", "okay", "now", "and", "then", "so", "yeah", "hey", "next"})
# an object said first has no verb of its own ("make this clip double time" has its verb first)
_ASKING = frozenset(
    {*v.CHANGE_VERBS, *(w for phrase in v.GENERATE_VERBS for w in phrase.split()), "get", "let", "lets", "can",
     "could", "would", "will", "put", "set", "bring", "take", "want", "need", "like", "give", "turn", "me", "keep",
     "leave"}
)  # fmt: skip
_STATEMENT = frozenset({"is", "are", "was", "were", "be", "been", "sounds", "sound", "seems", "feels", "has",
                        "have", "had", "isnt", "arent", "wasnt", "not", "button", "buttons", "i", "you", "it", "we"})  # fmt: skip
# a new part said first and "make" last: "bass that plays along with this melody, make" ("make it", "make one")
_MADE_LAST = re.compile(
    r"^ (?!(?:a|an|the|this|that|it) )((?:\w+ ){1,10}?)(?:make|create|generate|write)(?: it| one| that| for me)? $"
)
_MIDI = re.compile(r" (?:(?:to|into|as) )?midi(?: notes?| data)?$")
_CLAUSE = re.compile(rf"^ ((?:\w+ ){{1,5}}?)({'|'.join(VERBS)})(?= )(.*)$")
# "me" said between a switch and its target, for the speaker ("mute me track 3", "solo me the bass")
_FOR_ME = re.compile(
    rf"^( (?:{'|'.join(VERBS)})) me(?= (?:{'|'.join(_DETERMINERS)}|track|channel|clip|bus|group) )"
)
_COPULA = re.compile(r" (?:is|are|was|were|sounds|seems|feels)(?= )")


def reordered(s: str) -> str:
    """The normalised sentence with a verb said after its object put before it, or ``s`` itself."""
    words = s.split()
    lead = ""
    while words and words[0] in _OPENERS:
        lead += f" {words.pop(0)}"
    made = _MADE_LAST.match(f" {' '.join(words)} ")
    if (
        made is not None
        and made.group(1).split()[0] in _NAMES
        and not set(made.group(1).split()) & _STATEMENT
    ):
        return f"{lead} make a {made.group(1).strip()} "
    if (me := _FOR_ME.match(f" {' '.join(words)} ")) is not None:  # "mute me track 3": mute track 3
        return f"{lead}{me.group(1)} {' '.join(words[2:])} "
    m = _CLAUSE.match(f" {' '.join(words)} ")
    if m is None:
        return s
    obj, verb, rest = m.group(1).strip(), m.group(2), m.group(3)
    said = obj.split()
    if set(said) & (_STATEMENT | _ASKING) or _COPULA.search(rest):  # "the pad track is muted"
        return s
    midi = _MIDI.search(f" {obj}")
    if verb in _TO_MIDI:
        if midi is None:
            return s
        obj = f" {obj}"[: midi.start()].strip()
        rest = f" to midi{rest}"
        said = obj.split()
    numbered = len(said) > 1 and said[-1].isdigit() and said[-2] in _HOLDERS  # "track 5 solo": its number
    if numbered:
        said = said[:-1]
    named = [w for w in said if w in _NAMES or w in _HOLDERS]
    if not named or said[-1] not in _NAMES | _HOLDERS or (verb in _CHANGES and said[-1] not in _HOLDERS):
        return s
    if verb in _REDONE and not set(said) & _SECTION_WORDS:  # "bridge chord rewrite": the part there
        return s
    if verb in _SWITCHES and said[-1] not in _HOLDERS:
        return s
    article = "" if said[0] in _DETERMINERS or numbered else "the "
    return f"{lead} {verb} {article}{obj}{rest}".rstrip() + " "
