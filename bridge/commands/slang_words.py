"""A producer's slang said in the plain words the readers know (issue 55, round 13).

``slang(text)`` is taken by ``plain_words.plain``, so the rules and the learned reading both read the
plain sentence. It rewrites, each only before what such a verb is said of:

- British and studio verbs of putting a thing in, before a new thing ("a", "some", a count): "chuck a
  crash on the one of bar 17", "bung some ghost notes on the snare", "whack a shaker in", "pop a clap
  on beat 2", "sneak some ghost notes in": add; a drum hit dropped or put at a place ("drop a crash on bar 17",
  "put a cymbal at the start of the chorus") or said bare there ("a crash on the one of the drop"): add;
- verbs of making, before a new thing: "knock together a 4 bar loop", "rustle up some drums", "bash
  out a bass line", "hammer out some chords": make; a want put as a question, "can I get some chords
  for the intro", "could we have a bass line": give me;
- the whole song done again from scratch ("do the whole tune from scratch, dnb, 172"): a whole song made;
- an undo in other words, said of an edit, a change or a step ("back out the last 3 changes", "scrap
  that last edit", "bin the last two edits", "roll back two steps", "roll that back"): undo; one said of the
  change it undoes ("undo the fade", "take back the quantize"): undo that (``undone_words``);
- a part kept going for more bars ("keep that bassline going for another 8", "carry the drums on for 4
  more bars", "let it run for another 4"): continued for that many bars;
- the song's settings by another name ("set the project to 176", "put the session at 90 bpm"): the tempo;
- a place counted with no bar word after a preposition ("for the last 8", "in the first four"): bars;
- the tape studio's "roll the tape" (said as a request of its own, "... and then roll the tape"): play;
- "regen" for regenerate; "a perc loop", "a percussion loop" a percussion pattern (the drums part, no audio).

A sentence with none of these is returned as it was. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.loose_counts import SAID_WORDS
from bridge.commands.undone_words import undone

_N = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|thirty two|twenty four|"
    rf"{SAID_WORDS})"
)
_NEW = rf"(?:a|an|some|another|a little|a lil|{_N})"
_OBJ = (
    r"(?:it|this|that|them|(?:the|that|this|my|those|these) \w+(?: line| loop| part| groove| pattern| beat)?)"
)
# a drum hit put in at a place (a voice of ``clip_words.DRUM_VOICES`` as a producer says one hit of it)
HIT = (
    r"(?:crash(?:es)?(?: cymbals?)?|cymbals?|splash(?: cymbal)?|china(?: cymbal)?|ride(?: cymbal)?|claps?|kicks?|"
    r"snares?|rim ?shots?|shakers?|tambourines?|cowbells?|toms?|open hats?|hi ?hats?)"
)
_GOING = r"going|running|rolling|playing|looping|run|go|roll|play|loop|ride"
_EDITS = r"(?:changes?|edits?|steps?|moves?|actions?|operations?|things? (?:i|you|we) did)"
# where a verb of putting or making starts its clause: a verb said of a part ("make the kick slap a bit
# more", "the snare should pop a little") is no request to put a thing in
_LEAD = (
    r"(^|[,.;:!?]\s*|\b(?:and|then|also|just|please|pls|can you|could you|would you|will you|can u|could u|"
    r"go|now|so|maybe|quickly|quick|lets|let's|ok|okay|right|yo)\s+)"
)
# a whole piece's words ("the whole number from scratch") and what may open a sentence before it ("right, ...")
_PIECES = r"tune|track|thing|song|piece|record|number"
_OPENING = r"(?:(?:right|ok|okay|so|now|alright|yeah|yo|well)[,.!]?\s+)*"
# after a counted place, what ends it ("for the last 8, please"): the count is of bars
_PLACE_END = (
    r"(?=\s*(?:$|[,.;!?]|(?:and|then|please|pls|too|with|but|so|because|cuz|cos|though|thanks|ok|okay|or|if|as|"
    r"cause|where|while|yeah|of it|of this|of that)\b))"
)

REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bre-?gen(?:erate)?\b", re.I), "regenerate"),
    # the tape studio's "roll the tape" / "roll tape", said as a request of its own: play
    (re.compile(rf"{_LEAD}roll (?:the )?tape(?=\s*(?:$|[,.;!?]|(?:and|then|please|now)\b))", re.I), r"\1play"),
    # "a 2 bar perc loop": a new part of hand percussion is the drums part (docs/intents.md), not audio
    (re.compile(r"\bperc\b(?= (?:loop|pattern|part|groove|line|track)s?\b)", re.I), "percussion"),
    (re.compile(r"\bpercussion loop(s?)\b(?!.*\b(?:audio|musicgen|music gen|sample|recording|recorded)\b)", re.I),
     r"percussion pattern\1"),
    # "chuck a crash on the one", "whack in a shaker": add (a new thing put in)
    (re.compile(rf"{_LEAD}(?:chuck|bung|whack|slap|pop|lob|sling|plonk|shove|slip|sneak|stick)(?: in)? (?={_NEW}\b)",
                re.I), r"\1add "),
    # "drop a crash on bar 17", "put a cymbal at the start of the chorus": a hit put in is add ("drop the kick",
    # "drop a semitone": no new hit); a new hit said bare where its clause starts, "a cymbal on the one of the drop"
    (re.compile(rf"{_LEAD}(?:drop|put|place|bang|slam|land|fire|hit)(?: in)? (?={_NEW} (?:\w+ )?{HIT}\b)", re.I),
     r"\1add "),
    (re.compile(rf"^(\s*(?:(?:please|pls|ok|okay|and|also|now|yo) )*)(?=(?:a|an|one) (?:big |single |quick )?{HIT} "
                r"(?:on|at|in|into|right on|right at)\b)", re.I), r"\1add "),
    # "a cymbal" said as one hit is a crash ("the ride cymbal" stays the ride: its article is before "ride")
    (re.compile(r"\b(a|an|one|the|that|this) cymbal\b", re.I), r"\1 crash"),
    # a hit "on the one of the drop": the first beat of its first bar (a beat of no bar is every bar's: the one of a bar is
    # read as it is, "on the one of bar 17")
    (re.compile(rf"\b({HIT}) on the (?:one|1) (?=(?:of|in) (?:the|that|this) (?:\w+ )?(?:intro|verse|chorus|hook|bridge|drop|outro|"
                r"breakdown|build|section)\b)", re.I), r"\1 on the first beat of bar 1 "),
    # "knock together a loop", "rustle up some drums": make
    (re.compile(rf"{_LEAD}(?:knock together|knock up|rustle up|bash out|chuck together|bung together|whack together|"
                rf"hammer out|crank out|churn out|bosh out|run off|throw down|spin up)(?: me| us)? (?={_NEW}\b)", re.I),
     r"\1make "),
    # "can I get some chords", "could we have a bass line", "lemme get a beat": give me
    (re.compile(rf"\b(?:(?:can|could|may|might) (?:i|we) (?:please )?(?:get|have|grab)|(?:let me|lemme) (?:get|have|grab)"
                rf")(?: me)? (?={_NEW}\b)", re.I), "give me "),
    # "do the whole tune from scratch": a whole song made
    (re.compile(r"\b(?:do|redo|start|build|rebuild|remake|write|rewrite)(?: me)? (?:the|a|an|my) (?:whole|entire|full|"
                r"complete) (?:tune|track|thing|song|piece|record|number)(?= (?:again )?from scratch\b)", re.I),
     "make a whole song"),
    # round 38: said with no verb at the sentence's start ("right, the whole number from scratch: pop"), and a
    # new tune said beside "whole song" ("new tune from scratch, whole song, funk"): a whole song made
    (re.compile(rf"^({_OPENING})(?:the|a|an|my) (?:whole|entire|full|complete) (?:{_PIECES})(?= (?:again )?from scratch\b)",
                re.I), r"\1make a whole song"),
    (re.compile(rf"^({_OPENING})(?:a )?(?:brand )?new (?:{_PIECES})\b(?=[^.;]*\b(?:whole|entire|full) song\b)", re.I),
     r"\1a whole new song"),
    # "back out the last 3 changes", "scrap that last edit", "roll back two steps": undo
    (re.compile(rf"\b(?:back out|roll back|wind back|reverse|revert|scrap|bin|ditch|nix|lose|kill|drop|cancel)"
                rf"(?= (?:(?:that|this|the|my|those|your) )?(?:(?:last|latest|previous|most recent) )?(?:{_N} )?{_EDITS}\b)",
                re.I), "undo"),
    (re.compile(rf"\b(?:roll|wind|step) back(?= {_N} (?:{_EDITS}|times)\b)", re.I), "undo"),
    # "undo the last couple of changes", "undo the last few edits": 2, 3 (``loose_counts``, in ``normalize``)
    (re.compile(r"\b(?:back|roll|wind) (that|it|this|those|them|everything) (?:all )?(?:back|out)\b", re.I), r"undo \1"),
    # "keep that bassline going for another 8", "carry the drums on for 4 more bars": continue
    (re.compile(rf"\b(?:keep|let|have) ({_OBJ}) (?:{_GOING})(?: on)?"
                rf"(?: for)? (?:another|a further|an(?:other)? extra) ({_N})(?: more)?(?: bars?)?\b", re.I),
     r"continue \1 for \2 bars"),
    (re.compile(rf"\b(?:keep|let|have) ({_OBJ}) (?:{_GOING})(?: on)?"
                rf" for ({_N}) (?:more|extra|further)(?: bars?)?\b", re.I), r"continue \1 for \2 bars"),
    (re.compile(rf"\bcarry ({_OBJ}) on (?:for )?(?:another |a further )?({_N})(?: more| extra)?(?: bars?)?\b", re.I),
     r"continue \1 for \2 bars"),
    (re.compile(rf"\bcarry on ({_OBJ}) (?:for )?(?:another |a further )?({_N})(?: more| extra)?(?: bars?)?\b", re.I),
     r"continue \1 for \2 bars"),
    # "set the project to 176", "put the session at 90": the song's tempo
    (re.compile(r"\b(set|change|put|bring|switch|move|take|make) (?:the |my |our |this )?(?:project|session|live set|set)"
                r"(?:['’]?s)?(?: (?:tempo|bpm|speed))? (?:up |down )?(to|at) (?=\d)", re.I), r"\1 the tempo \2 "),
    (re.compile(r"\b(?:the|my|our|this) (?:project|session|live set)(?:['’]?s)?(?: (?:tempo|bpm|speed))?"
                r"(?= (?:should be|needs to be|has to be|must be|is)(?: at)? \d)", re.I), "the tempo"),
    # "for the last 8", "in the first four": bars (a place counted with no unit)
    (re.compile(r"\b((?:for|in|over|during|across|through|throughout) the (?:last|first|final|opening|closing) "
                rf"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen)){_PLACE_END}", re.I),
     r"\1 bars"),
)  # fmt: skip


def slang(text: str) -> str:
    """The sentence with a producer's slang said plainly (see the module docstring)."""
    text = undone(text)  # "undo the fade", "take back the quantize": undo that (``undone_words``)
    for said, meant in REWRITES:
        text = said.sub(meant, text)
    return text
