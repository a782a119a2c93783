"""The change words of the clip grammar (``compose``): the phrases that name an operation, the drum voices
a producer says, and the patterns that place a change (a new part, a follow, a part laid out, a calm-down).
Tables only; ``compose`` reads a sentence with them, and ``grammar``/``vague_words`` list them."""

from __future__ import annotations

import re

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.masking import PASSIVE

# spoken drum voice -> /roo/transform's voice name (clip_words' table and the rest a producer says)
VOICES: dict[str, str] = {**cw.DRUM_VOICES, **cw.PERCUSSION_WORDS, "ghost notes": "ghost_notes",
                          "ghost note": "ghost_notes", "ghosts": "ghost_notes", "crashes": "cymbals", "tom": "toms",
                          "open hat": "open", "hi hat": "hats", "hat": "hats", "kick drum": "kick"}  # fmt: skip
REMOVE = ("remove", "mute", "drop", "take out", "get rid of", "lose", "ditch", "scrap", "kill", "delete", "silence", "cut", "no",
          "without", "clear", "strip out", "leave out", "erase", "wipe", "turn off", "take away")  # fmt: skip
KEEP = ("just", "only", "keep only", "leave only", "only keep", "nothing but")
# "swing the hats but only a little": how much, never the hats kept alone
ONLY_SO_MUCH = re.compile(
    r"(?: but)? (?:only|just) ((?:a )?(?:little|tiny|touch|bit|tad|slightly|subtly)(?: bit)?) "
)
# "mute all but the bass", "mute every other track except the keys": every track but some, the rest muted (the
# tracks said kept: solo); read as "mute everything but ..." by the mixer's reader, never a track named "every"
MUTE_ALL_BUT = re.compile(
    r"(?<= mute )(?:all(?: of)?(?: the)?(?: other)?(?: tracks?| channels?| parts?)?|every(?: other)? (?:track|channel|part)"
    r"|everything(?: else)?) (?=(?:but|except|apart from|other than) )"
)
EXCEPT = re.compile(r" (?:everything|all|every voice|the rest) (?:except|but|apart from|other than) ")
ADD = ("add", "put", "throw", "throw in", "bring in", "give me", "i want", "stick", "drop in", "layer")
LOUDER = ("louder", "turn up", "bring up", "boost", "more volume", "up in the mix", "too quiet", "too soft",
          "pump up the volume", "dig in", "hit harder", "harder", "more velocity", "punchier", "more punch", "more loud",
          "come up a bit", "come up a little", "come up a touch", "come up a notch", "come up some", "come up in the mix",
          "come up slightly", "come up more")  # fmt: skip
# a part said to be hard to hear is made louder ("the hats are getting lost", "i can barely hear the snare");
# what hides it is no target ("buried under the pads", "under the sample"): ``MASKED_BY`` is cut out first;
# the words of a part hidden are the complaint's (``masking.PASSIVE``: one table)
HIDDEN = (*PASSIVE, "drowning", "cant hear", "cant even hear", "cannot hear", "cannot even hear", "can barely hear",
          "barely hear", "hard to hear", "cant really hear")  # fmt: skip
MASKERS = (
    "samples?|loops?|pads?|mix|strings|vocals?|vox|synths?|guitars?|keys|chords|bass|drums|kick|melody|choir|"
    "horns|brass|reverb|beat|track"
)
PLACE_WORDS = r"(?:first|last|second|third|bars?|\d+|intro|verse|chorus|bridge|drop|outro|end|start|half)\b"
MASKED_BY = re.compile(
    rf" (?:(?:under|beneath|behind|below|by|in) (?:all |all of )?(?:the |those |that |my |this )?(?:\w+ )?(?:{MASKERS})"
    rf"|(?:under|beneath|behind|below|by) (?:the |those |that |my |this )?(?!{PLACE_WORDS})\w+)(?= )"
)
SOFTER = ("quieter", "softer", "turn down", "bring down", "too loud", "too hot", "lower the volume", "less loud",
          "drowning out", "drowns out", "drown out",  # "they're drowning out the piano": they are too loud
          "tame", "pull back", "back off", "ease off", "ease up on", "ease back", "lay off", "go easy on", "gentler", "less velocity",
          "lighter", "more softly", "more quietly", "more gently", "more quiet", "more soft")  # fmt: skip
BUSIER = ("busier", "more busy", "denser", "more notes", "fuller", "more hits", "too sparse", "too empty", "too bare",
          "too simple", "too plain", "rolls", "more rolls", "more going on", "not enough going on", "too little going on",
          "too little happening", "not enough happening")  # fmt: skip
SIMPLER = ("simpler", "sparser", "thinner", "fewer notes", "less notes", "less busy", "strip back", "thin out",
           "calm down", "fewer hits", "simplify", "thin", "fewer", "too busy", "too much going on", "too cluttered",
           "too complicated", "too complex", "less going on", "pare back", "more sparse", "less dense", "too much happening",
           "too many notes", "too many hits")  # fmt: skip
HIT_VERBS = ("hit", "hits", "play", "stab", "stabs", "land", "chop", "comp")
HUMANIZE = ("less robotic", "more human", "more humanized", "less stiff", "less quantized", "looser")
LOOSEN = re.compile(
    r" loosen (?:(?:it|this|that|them|the \w+(?: \w+)?) )?(?:up|a little|a bit|slightly) | loosen (?:it|this|them|the \w+) $"
)
QUANTIZE = ("snap", "lock to the grid", "on the grid", "onto the grid", "qunatize", "quantise", "quantize", "tighten", "to the grid",
            *cw.ON_THE_BEAT)  # fmt: skip
DIAL = re.compile(
    r" (add|give|put|inject|take|less) (?:some |more |a bit of |a little |a lot of |the )?(energy|complexity|density) "
)
WHOLE_CLIP = ("half_time", "double_time", "retrograde", "fill", "waltz")  # engines.transforms.places
BY_SEMITONES = re.compile(
    r" (raise|lift|lower|drop|up|down)(?: \w+){0,3} by (\d+) (?:semitones?|half steps?) "
)
NEW_PART = re.compile(r"(?:^ |make |give me |write |create |generate |compose |want |need |get |build )(?:me )?(?:a|an) (?:\w+ ){0,5}(?:beat|groove|drum beat|drum pattern|bassline|bass line|melody|"
                       r"chord progression|progression|pattern|waltz|song|cue|piece|ballad)(?= )"
                       r"|(?:^ |make |give me |write |create |generate |compose |want |need |get |build )(?:me |us )?\d+ (?:bars?|measures?) of ")  # fmt: skip
# ("write me 16 bars of chords in 3/4": a new part counted in bars, never a change of one)
FOLLOWS = re.compile(
    r" (?:bass|bassline|chords|melody) (?:that|which|to) (?:follows?|locks? (?:to|with)|matches) "
)
OUT_WORDS = "|".join(sorted((*VOICES, *(w for w in v.PARTS if " " not in w)), key=len, reverse=True))
OUT = re.compile(
    rf"^ (?:and |then |ok |now )?(?:the )?({OUT_WORDS}) (out|(?<!kick )off) (?=(?:in|for|during|on|from|after|until|the) | *$)"
)
REMOVE_PART = re.compile(
    r"^ (?:please |can you |now )?(?:remove|delete|get rid of|lose|kill|clear|erase|take out|drop|no) (?:the |my |all the |this )?(?:_ )*\w*(?: \w+)? $"
)
BARE_STEPS = re.compile(
    r"^ (?:take|move|bring|put|shift|knock|pitch|transpose) (?:the |my |it |this )?(?:\w+ ){0,2}(up|down) (\d+) $"
)
# "tone it down", "pump it up": the energy dial; "calm the drums down" is fewer notes, as "calm down the drums" is
CALM = re.compile(
    r" (tone|calm|chill|pump) (?:it|this|that|them|em|dem|things|the \w+(?: line)?) (down|out|up) "
)
BRING_IN = re.compile(r" (?:bring|brings|let|have|start) (?:the |some |a |in )?(?:_ )+in ")
_VOICE_NAMES = "|".join(re.escape(w) for w in sorted(VOICES, key=len, reverse=True))
# "all the other percussion", "the rest of the drums", "any other hits": what a keep-only sentence takes away
OTHERS = re.compile(
    rf" (?:all |any )?(?:of )?(?:the |any )?(?<!every )(?:other|remaining) (?:{_VOICE_NAMES})(?= )"
    rf"| the rest of the (?:{_VOICE_NAMES})(?= )"
)
# the rest taken away once some voices are named: "kick and snare, kill the rest", "keep the hats, mute all the others"
REST_GOES = re.compile(
    r" (?:remove|mute|kill|drop|lose|ditch|cut|scrap|delete|silence|get rid of|take out|take away|bin|clear)"
    r" (?:out )?(?:all )?(?:of )?(?:the rest|everything else|(?:the )?others|le reste|el resto)(?: of (?:it|them|the kit))? "
)
# "keep only the kick, the rest is too busy": the rest faulted, a reason for keeping the voices said (its change
# word is said of what goes, not of what stays: never "only X simpler")
REST_FAULTED = re.compile(
    r" (?:the rest|all the rest|everything else|the others|all the others)(?: of (?:it|them|the kit|the drums|the beat))?"
    r"(?: is| are| s|s| re| feels?| sounds?| gets?)(?: \w+)? (?:too|so|far too|way too|much too) "
)
# the snare's own ghost notes: "the ghost notes on the snare", "snare ghost notes", "ghost notes del snare": no
# snare hit besides them
SNARE_GHOSTS = re.compile(
    r" ghost notes (?:on|from|of|in|off|del|de|on top of) (?:the |my |la |el |le )?snare | snares? ghost notes "
)
LAY_OUT = ("lay out", "sit out", "drop out", "stop playing", "tacet")  # a player resting over a scope
PLACED = re.compile(
    r"^ (?:and |then |also )?(?:a |an |some |one )?(?:_ )+(?:(?:on|at|in) |$)"
)  # the voice first
AMOUNT = {"louder": 0.75, "softer": 0.25, "busier": 0.7, "simpler": 0.3}
# a size said ("a little louder", "way busier"; amount_words.change_size), written once (issue 55, round 36): a
# level x1.15 / x0.87 small, x1.74 / x0.57 large (engines.transforms.accents.velocity: 2 ** ((amount - 0.5) * 2);
# the default x1.41 / x0.71); a density adds 20% / 70% of the notes, or keeps 85% / 48% (the default 40%, 70%)
SIZED = {
    "little": {"louder": 0.6, "softer": 0.4, "busier": 0.6, "simpler": 0.4},
    "lot": {"louder": 0.9, "softer": 0.1, "busier": 0.85, "simpler": 0.15},
}


def amount_of(change: str, size: str | None) -> float:
    """The /roo/transform amount of a change ("louder", "softer", "busier", "simpler") at the size said."""
    return AMOUNT[change] if size is None else SIZED[size][change]


CHANGES = (*BUSIER, *SIMPLER, *LOUDER, *SOFTER, *HUMANIZE, *QUANTIZE)  # "only X" said with a change
