"""When a command cannot be done without knowing more, the parser asks (issue 44): "change the key"
(which key?), "transpose it" (by how much?), "move it" (where to?), "fix the bass" (what should
change?), "more" (more of what?), "do something in the chorus" (what should change there?). A
sentence that is not something MuseAroo does at all ("who played bass on ...", "write lyrics about summer") is refused, not asked. Nothing is done on a guess either way.

``question_of`` gives the question (ending in "?", with an example the parser understands) or a
refusal reason (no "?"), or None when the sentence is for the parser to read.
"""

from __future__ import annotations

import re

from bridge.commands import automate_words as aw
from bridge.commands import vocab as v
from bridge.commands.known import vocabulary_words
from bridge.commands.not_ours import refusal_of
from bridge.commands.unmade_parts import CHANGE_WHICH, OFFERED, unmade
from bridge.commands.unsaid_questions import UNSAID_QUESTIONS
from bridge.commands.vague_words import vague_question

_TARGET = r"(?: (?:it|this|that|this clip|this one|the \w+(?: line)?|my \w+))?"
_QUESTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    *UNSAID_QUESTIONS,  # a length in seconds, the same change or the other one with nothing said of it
    (
        re.compile(r"^ (?:change|set|switch|pick|choose) (?:the |a )?(?:song )?key $"),
        "(e.g. 'set the key to A minor') which key?",
    ),
    (
        re.compile(rf"^ (?:transpose|pitch shift|pitch){_TARGET} $"),
        "(e.g. 'transpose it up 2 semitones' or 'transpose to E') by how much, or to which key?",
    ),
    (
        re.compile(rf"^ (?:move|shift|nudge|push|pull){_TARGET} $"),
        "(e.g. 'nudge it a sixteenth later' or 'move it up an octave') where to: earlier, later, up or down?",
    ),
    (
        re.compile(
            r"^ (?:(?:can|could) you )?(?:change|do|try|add) something(?: (?:cool|else|new|different|interesting))? $"
            r"|^ surprise me $|^ (?:it|this|that) needs something(?: more| else)? $"
            r"|^ (?:it|this|that)(?: is| s|s) (?:too repetitive|boring|too plain|too samey) $"
        ),
        "(e.g. 'give me another one', 'make it busier' or 'make it simpler') what should change?",
    ),
    (
        re.compile(rf"^ (?:fix|improve|tweak|adjust|sort out|change){_TARGET}(?: somehow| a bit| please)? $"),
        "(e.g. 'make {the} busier' or 'make {the} simpler') what should change?",  # the part said, else the bass
    ),
    (
        re.compile(
            r"^ (?:make|get) (?:it|this|that|the \w+) (?:sound )?(?:better|nicer|good|right|work)(?: somehow| please)? $"
        ),
        "(e.g. 'make it busier', 'make it simpler' or 'give me another one') better how?",
    ),
    (
        re.compile(r"^ (?:more|less|again|more of it|some more|a bit more|a little more) $"),
        "(e.g. 'make the drums busier' or 'give me another one') more of what?",
    ),
    (
        re.compile(
            r" (?:that|the) thing (?:again|from before|we did|you did) | do (?:it|that) again from before "
            r"|^ do (?:it|that|this) again $|^ (?:the|that) other one $"
        ),
        "(say the command again, e.g. 'give me another one' or 'go back to the previous take') which one?",
    ),
    (
        re.compile(
            r"^ (?:a )?(?:little |bit |touch |lot |little bit )?(?:faster|slower|quicker)(?: please)? $"
        ),
        "(e.g. 'bump the tempo up 5 bpm' or 'slow it down to 90') how much faster or slower?",
    ),
    (
        re.compile(r"^ (?:double|halve|half) (?:the |my )?(?!tempo|speed|bpm)\w+(?: line| one| 1| bit)? $"),
        "(e.g. 'make it double time' or 'transpose it up an octave') double or halve what: the time or the notes?",
    ),
    (
        re.compile(
            r"^ (?:make|move|put|take) (?:it|this|the \w+(?: line)?) (?:a bit |a little )?(?:higher|lower) $"
        ),
        "(e.g. 'transpose it up an octave' or 'move it down a fifth') how much higher or lower?",
    ),
    (  # "take it up a bit": the tempo, the level or the pitch: no word says which
        re.compile(
            r"^ (?:take|kick|bring) (?:it|this|that|things|everything) up"
            r"(?: a (?:bit|little|touch|notch|tad)| slightly| some)?(?: please| would you| will you)? $"
        ),
        "(e.g. 'speed it up by 5 bpm', 'make it louder' or 'transpose it up a semitone') up how: faster, louder or higher?",
    ),
    (
        re.compile(r"^ (?:put|bring|set) (?:it|that|this|them) back(?: please)? $"),
        "(e.g. 'undo' or 'go back to the previous take') undo the last change, or go back to which take?",
    ),
    (
        re.compile(
            r"^ (?:make|get) (?:it|this|that|the \w+(?: \w+)?) (?:sound )?(?:different|else)(?: please)? $"
        ),
        "(e.g. 'vary the chorus', 'make it busier' or 'make it simpler') different how?",
    ),
    (  # "voice the chords higher": a voicing moved, never a level (it was made louder)
        re.compile(
            r"^ (?:re)?voice (?:it|them|the \w+|my \w+) (?:a bit |a little )?(higher|lower|up|down)(?: please)? $"
        ),
        "(e.g. 'transpose the chords up an octave', 'transpose the chords down an octave' or 'revoice the chords') "
        "an octave up or down, or a new voicing?",
    ),
    (
        re.compile(r"^ (?:set|change) (?:the )?(?:tempo|bpm|speed) $"),
        "(e.g. 'set the tempo to 120') what tempo?",
    ),
)
# what may follow "clean up the hats" ("tidy up the kick") and leave it the same wish: a complaint, a place ("..., they're messy",
# "..., bit of a mess", "... in measures 9 12")
_CLEAN_REST = (
    r"(?: (?:they|theyre|it|its|bit|a bit|kinda|kind of|too|sounds?|are|is|in|on|over|for|from)\b[\w ]*)?"
)
_CLEAN_UP = re.compile(  # the part's words as few as leave the rest a remark ("..., they sound messy")
    rf"^ (?:just |only )?(?:clean|tidy) (?:up|out) (?:the |my )?(\w+(?: \w+)??){_CLEAN_REST} $"
    rf"|^ (?:just |only )?(?:clean|tidy) (?:the |my )?(\w+(?: \w+)?) (?:up|out){_CLEAN_REST} $"
)
_MORE_OF = re.compile(r"^ (more|less) (?:of )?(?:the |my )?(\w+(?: \w+)?) $")
VOICE_WORDS = ("kick", "snare", "hats", "hi hats", "ride", "toms", "claps", "clap", "crash", "shaker", "percussion",
               "cowbell", "tambourine", "perc")  # fmt: skip
# a section or bars said to be wrong, with no change said: "the chorus just feels off, fix it", "bars 9 12
# need work", "the second part is not good, please change it"
_PLACE_FAULTED = re.compile(
    r" (?:the (?:first |second |third |last |final |2nd |3rd )?(chorus|verse|intro|outro|bridge|breakdown|drop|"
    r"pre chorus|part|section)|bars? (\d+(?: (?:to |through )?\d+)?)) (?:just |really |still |kind of |kinda )?"
    r"(?:is|are|s|feels?|sounds?|seems?|needs?|isnt|is not|arent|doesnt|dont)(?: \w+){0,2} (?:off|wrong|weak|bad|"
    r"good|right|working|work|boring|love|help|fixing|attention|lame|flat|meh)"
    r"(?: (?:(?:please|pls|can you|could you|so|just) )*(?:fix|change|redo|sort out|improve|rework)(?: it| that| them)?)?"
    r"(( (?:they|it|this|that)(?: \w+){1,6})?) $"  # how it is now said after it: "..., they just lay there flat"
)  # (the fault is the whole sentence, or a "fix it" after it: a change said after it is read)
_SECTION = re.compile(r" (?:in|during|for|on) the (chorus|verse|intro|outro|bridge|breakdown|pre chorus)s? ")
_FILLER = frozenset(
    {
        "a",
        "an",
        "the",
        "some",
        "about",
        "of",
        "for",
        "me",
        "my",
        "please",
        "to",
        "it",
        "and",
        "going",
        "trying",
    }
)  # fmt: skip  ("gonna", "tryna": going to, trying to)


# a word of reply said before the request ("nah double that", "hmm, transpose it"): the question is the request's
_REPLY_WORD = re.compile(
    r"^ (?:nah|naw|nope|meh|hmm+|ugh|erm|yeah|yep|ok|okay|alright|actually)(?: (?:mate|man|then))? (?=\w)"
)


def question_of(s: str) -> str | None:
    """A question for a sentence that needs more to be done, a refusal reason for one that is not
    MuseAroo's at all, or None; a word of reply before it ("nah", "hmm") is no part of it."""
    asked = _question_of(s)
    replied = _REPLY_WORD.match(s) if asked is None else None
    return asked if replied is None else _question_of(" " + s[replied.end() :])


def _question_of(s: str) -> str | None:
    for pattern, question in _QUESTIONS:
        if pattern.search(s):
            said = next(
                (w for w in (*sorted(v.PARTS, key=len, reverse=True), *VOICE_WORDS) if f" {w} " in s), None
            )
            return question.replace(
                "{the}", f"the {said}" if said and v.PARTS.get(said) != "all" else "the bass"
            )
    more = _MORE_OF.match(s)
    if more is not None and (
        more.group(2) in v.PARTS or more.group(2) in VOICE_WORDS
    ):  # "more bass", "less hats"
        said = more.group(2)
        return (
            f"(e.g. 'turn the {said} {'up' if more.group(1) == 'more' else 'down'}' or 'make the {said} "
            f"{'busier' if more.group(1) == 'more' else 'simpler'}') "
            + ("louder, or more notes?" if more.group(1) == "more" else "quieter, or fewer notes?")
        )
    cleaned = _CLEAN_UP.match(s)  # "clean up the hats": fewer notes or tighter timing, never removed
    if cleaned is not None and (cleaned.group(1) or cleaned.group(2)) in (*v.PARTS, *VOICE_WORDS):
        said = cleaned.group(1) or cleaned.group(2)
        return f"(e.g. 'make the {said} simpler' or 'quantize the {said}') cleaner how: fewer notes or tighter timing?"
    refused = refusal_of(
        s
    )  # not MuseAroo's: printing, Live's devices, files, a keyword as a noun, an opinion
    if refused is not None:
        return refused
    vague = vague_question(s, unknown_words(s))  # "make it happier": which way, and which part?
    if vague is not None:
        return vague
    place = _PLACE_FAULTED.search(s)  # "the bridge is not good, change it", "bars 9 12 need work": asked
    if place is not None and not _CHANGING.search(f"{place.group(3)} "):  # "..., they should be busier": read
        bars = [n for n in (place.group(2) or "").split() if n.isdigit()]
        where = (
            f"the {place.group(1)}"
            if place.group(1)
            else " to ".join([f"bar{'s' * (len(bars) > 1)} {bars[0]}", *bars[1:]])
        )
        if place.group(1) in ("part", "section"):
            return "(e.g. 'vary the chorus' or 'make the drums busier') which part, and what should change?"
        return (
            f"(e.g. 'make the drums busier in {where}' or 'rewrite {where}') what should change in {where}?"
        )
    pitched = _PITCH_OR_LEVEL.match(s)  # "the melody is too high, bring it down": an octave, or softer?
    if pitched is not None:
        part, lower = pitched.group(1), pitched.group(2) == "high"
        way, level = ("down", "softer") if lower else ("up", "louder")
        return f"(e.g. 'transpose the {part} {way} an octave' or 'make the {part} {level}') {'lower' if lower else 'higher'} in pitch, or {level}?"
    made = _A_SECTION_MADE.match(s)  # "make a 16 bar intro": no part said, so which part plays it?
    if made is not None:
        name, length = made.group(2), made.group(1) or made.group(3)
        n = f", {length} bars" if length else ""
        return f"(e.g. 'make drums for the {name}{n}' or 'make chords for the {name}{n}') which part should the {name} have?"
    section = _SECTION.search(s)
    if section is not None and not _makes_a_part_there(s) and aw.automate_of(s) is None:  # drawn: a region
        return _in_section(s, section.group(1))  # a change there is read over its cue point (region_words)
    return None


def _in_section(s: str, name: str) -> str:
    """What should change in the section ``name``, its examples on the part the sentence names (none: the
    section); an instrument MuseAroo makes no part of ("vary the piano in the chorus"; never Live's "piano
    track") asked which part, the chords or the melody there, a vary where one is said, else a dial."""
    if (named := unmade(s)) is not None:
        how = (
            "vary the {} in the {}"
            if any(f" {w} " in s for w in v.VARY_PHRASES)
            else "make the {} busier in the {}"
        )
        return CHANGE_WHICH.format(*(how.format(part, name) for part in OFFERED), named)
    part = next((p for p in sorted(v.PARTS, key=len, reverse=True) if f" {p} " in s), None)
    tried = f"vary the {part} in the {name}" if part else f"vary the {name}"
    return f"(e.g. 'make the {part or 'drums'} busier in the {name}' or '{tried}') what should change in the {name}?"  # fmt: skip


# "make drums for the chorus", "a bassline for the second verse": a new part in the Arrangement at
# the section's cue point (bridge.commands.region_words), as a change of a part there is; a want or
# another making verb too ("need a bass line for the outro", "come up with a melody for the pre chorus")
_MAKING = re.compile(r"^ (?:(?:can|could|would) (?:you|u) |please |pls |yo |now |hey |ok |so |just |quick )*"
                     r"(?:(?:i|we) (?:need|want|d like|would like)(?: you to)? |(?:need|want) )?"
                     r"(?:make|create|write|generate|give me|gimme|get me|put|lay down|do|build|come up with|cook up|"
                     r"whip up|knock out|sketch|throw together|knock together|put together|bang out|a|an|some|"
                     r"(?:can|could|may) (?:i|we) (?:get|have)|(?:let me|lemme) (?:get|have)|"  # "can i get drums for"
                     r"\d+ (?:versions?|takes?|options?|variations?) (?:of|for) (?:a|an|some)"  # "3 takes of a beat for"
                     r"|\d+ (?:bars?|measures?) of)"  # a length said first, no verb: "8 measures of rock drums for the bridge"
                     r"(?: me| us)? ")  # fmt: skip
# these questions' ends (read by ``weighing``: their own examples first, and no learned guess answers them)
OWN_QUESTION = re.compile(
    r"(?:which part should the [\w ]+ have|in pitch, or (?:softer|louder)|an octave up or down, or a new voicing"
    r"|(?:back|forward) in time, or (?:back|forward) in the mix|not one note: which bars should change"
    r"|which part should (?:vary|change)"
    r"|should the drums be made again in [\w -]+|no \w+ style is known: which style is [\w-]+"
    r"|(?:more|less) energy where, or in which part: (?:busier or louder|simpler or softer))\?$"
)
# a pitched part said to be too high or too low, with no word of the mix: the pitch or the level?
_PITCH_OR_LEVEL = re.compile(
    r"^ (?:the |my |that |this )?(melody|bass|bass line|bassline|chords|lead|vocals?|pad|keys|piano|strings|synth|hook)"
    r" (?:is|are|s|sounds?|feels?|seems?) (?:way |a bit |a little |kinda |kind of |just |far )?too (high|low|deep)"
    r"(?: (?:bring|take|move|put|pull|turn|get) (?:it|them|that) (?:down|up)(?: a bit| a little| please)?)? $"
)
# a section asked for with no part said: "make a 16 bar intro", "write an outro for the song, 8 bars"
_A_SECTION_MADE = re.compile(
    r"^ (?:(?:can|could) you |please |(?:i|we) (?:need|want) )*(?:make|write|create|compose|build|generate|do|give me|"
    r"gimme|sketch|need)(?: me| us)? (?:a |an |the |some )?(?:new |short |quick |little )?(?:(\d+) (?:bars?|measures?) )?"
    r"(?:new )?(intro|outro|bridge|breakdown|build up|pre chorus|verse|chorus|ending)(?: section| part)?"
    r"(?: for (?:the|my|this) (?:song|track|tune|beat))?(?: (?:of |with )?(\d+) (?:bars?|measures?)(?: long)?)?(?: please)? $"
)
_CHANGING = re.compile(
    r" (?:busier|simpler|louder|softer|quieter|thinner|harder|more|less|mute|remove|drop|lose|cut|kill|take|"
    r"add|double|halve|shift|move|transpose|swing|quantize|humanize|fade|sweep|duck|vary|change|fill|ghost|"
    r"sparser|denser|tighter|looser|fewer|only) "
)


# a number with a letter no reader knows ("in 8a", a Camelot key): a value the part would be made without
_CODED = re.compile(r" \d+[a-rt-wyz] ")


def _makes_a_part_there(s: str) -> bool:
    if _CODED.search(s):
        return False
    part = any(f" {word} " in s for word in v.PARTS)
    named_first = any(s.startswith(f" {word} ") for word in v.PARTS)  # "drums for the bridge"
    return part and (named_first or _MAKING.search(s) is not None) and _CHANGING.search(s) is None


def unknown_words(s: str) -> list[str]:
    """The words of a sentence no command uses ("lyrics", "summer"): with any of them, a request with
    no part is not something to ask about but to refuse."""
    known = vocabulary_words()
    return [w for w in s.split() if w not in known and w not in _FILLER and not w.isdigit() and w != "_key_"]
