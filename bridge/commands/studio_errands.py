"""Jobs of a studio that MuseAroo does not do (issue 55, round 12): a mixdown or mastering of the song
("do a proper mixdown of the track", "get the song mastered", "mix and master it"), finding or buying
sounds elsewhere ("find me some vinyl samples to chop", "look for a good 808 pack", "hunt down a
drum kit like his", a sound fetched from a store or the web: "grab a better snare off splice"), and life outside the studio ("what's the deadline for the cue again", "get me a
coffee", "when is the meeting with the label").

Such a sentence is refused whole, before any reading: no sound is made of it ("samples" is no
MusicGen prompt there) and no question is put. It must name no part (a drum voice or a part: "mix
the drums louder", "find a bass line for the chorus" are read as before) and no way (an operation's
word: "make the master louder"); the whole song ("the track", "the cue") is no part here. Words
MuseAroo's own commands use are left alone: "master volume", "the master track", "share of the
notes", "send the bass to a new track". Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import change_words as co
from bridge.commands import vocab as v
from bridge.commands.mixing_jobs import mixing_job
from bridge.commands.vague_words import OPERATIONS

_WHOLE = r"(?:it|this|that|everything|the (?:whole )?(?:song|track|tune|beat|record|thing|project|mix|cue|album|ep|piece)|my (?:song|track|tune|beat|record|mix|album|ep))"
# a mix or a master as a job done to the whole record
_MIX_MASTER = re.compile(
    rf" (?:mixdown|mix down|mixing and mastering|mix and master|mix n master|mixed and mastered|mastered|"
    rf"mastering(?! (?:volume|fader|level|track|channel|chain))|(?:proper |final |good |quick |rough )mix "
    rf"|(?:master|mix) {_WHOLE}(?: down)?(?: (?:properly|for me|please|for (?:spotify|streaming|radio|release|vinyl|"
    r"the club|apple music|soundcloud|youtube))| $)"
    # mastered to a loudness, whatever it is for: "master the whole piece for the cinema mix at minus 27 lufs"
    rf"|master {_WHOLE}(?: [a-z]+){{0,5}}? (?:at |to )?(?:minus )?\d+ lufs )"
)
# the whole record said as the thing mixed or mastered ("the whole tune", "my beat"): no part there
_WHOLE_RECORD = re.compile(
    r" (?:the whole|the entire|my|our|this whole) (?:song|track|tune|beat|record|thing|project|piece)(?= )"
)
# sounds found, bought or fetched elsewhere: "find me some vinyl samples", "look for a good 808 pack"
_SOUNDS = (
    r"(?:sample packs?|samples|packs?|drum kits?|kits|presets?|plugins?|vsts?|loop packs?|one shots?|"
    r"construction kits?|sound packs?|soundbanks?|sound banks?)"
)
_FIND = re.compile(
    rf" (?:find|look for|look up|search for|search|dig up|dig out|hunt down|hunt for|track down|browse for|"
    rf"shop for|source|buy|purchase)(?: me| us)? (?:(?!of )\w+ ){{0,4}}?{_SOUNDS} "
)
# a sound fetched from a store or the web: "find me a better amen sample off splice", "grab a snare from loopmasters"
_STORES = (
    r"(?:splice|loopmasters|loopcloud|beatport|tracklib|looperman|freesound|noiiz|sounds com|bandcamp|youtube|"
    r"soundcloud|the internet|the web|online|google)"
)
_FETCHED = re.compile(
    rf" (?:find|get|grab|download|pull|buy|purchase|source|look for|search for|search|dig up|dig out|hunt down|"
    rf"hunt for|track down)(?: me| us)? (?:\w+ ){{0,5}}?(?:off|from|on|in|at) {_STORES} "
)
# life outside the studio: the words of people's days, no music in them
_OUTSIDE = re.compile(
    r" (?:deadline|deadlines|invoice|invoices|meeting|meetings|appointment|contract|payment|paid|rent|weather|"
    r"lunch|dinner|breakfast|coffee|food|pizza|curry|taxi|uber|flight|train|calendar|inbox|password|wifi) "
)
_SAID = (
    frozenset(w for w, part in v.PARTS.items() if part not in ("all", "song"))
    | frozenset(co.VOICES)
    | frozenset(w for w in OPERATIONS if len(w) > 4 and w not in ("proper", "going", "enough"))
    | frozenset({"stems", "stem"})  # "split my rough mix into stems": a separation, MuseAroo's own
)
# a part taken out of a mix is a separation: "the vocals out of my rough mix", "the vocal off this rough mix",
# "the singer off this record"
_OUT_OF_MIX = re.compile(
    r" (?:out of|from|off(?: of)?) (?:my|the|this|that) (?:\w+ )?(?:mix|record|recording) "
)


def studio_job(s: str) -> bool:
    """Whether the normalised sentence (padded with spaces) asks for a studio's job MuseAroo does not
    do (a mixdown or mastering, sounds found or bought elsewhere, an errand of the day) and names no
    part and no way, or mixing or processing a part (``mixing_jobs``: its own answer)."""
    padded = f" {' '.join(s.split())} "
    if mixing_job(padded) is not None:  # "sidechain the bass to the kick", "eq the hats": a part's sound
        return True
    found = _FIND.search(padded) or _FETCHED.search(padded)  # "hunt down a drum kit": the sounds' words name
    # no part to change
    rest = padded if found is None else f"{padded[: found.start()]} {padded[found.end() :]}"
    if _MIX_MASTER.search(padded):  # "mix and master the whole tune": the record, not the melody
        rest = _WHOLE_RECORD.sub(" ", rest)
    if any(f" {w} " in rest for w in _SAID) or _OUT_OF_MIX.search(padded):
        return False
    return found is not None or any(p.search(padded) for p in (_MIX_MASTER, _OUTSIDE))
