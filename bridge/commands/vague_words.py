"""Requests that name a feeling, not a way to get it (issue 44): "make it happier", "give the ending
more weight", "can we make this section feel more tense", "make it hit harder". MuseAroo has no
operation called happy or tense, and acting on a guess (which part, louder or busier, which key)
changes Live without being asked to, so these are asked about, with whole suggestions the parser
reads: a major key or more notes for a brighter feeling, a minor key or fewer notes for a darker
one, louder or busier for a bigger one, naming the part when one was said.

The rule is the frame, not the word: "make/get/turn <it, this, a part, a section> (feel/sound)
(more) <word>" or "give <it, ...> more <word>", where the word is one no command uses (the parser's
vocabulary does not know it) or a word of feeling the vocabulary knows only as a sound to describe
(musicgen's "dark", "warm", "epic"). Words that are operations ("busier", "harder", "jazzier",
"half time") are not caught. ``vague_question`` gives the question, or None.

Three wishes more are asked the same way (``placed``): a place in the mix ("make it sit better in the mix":
louder or softer, and which part), a groove ("make it bounce more": more swing, more notes or another feel),
and a length said in seconds ("the music needs to be 15 seconds": how many bars, at which tempo).
"""

from __future__ import annotations

import re

from bridge.commands import change_words as co
from bridge.commands import vocab as v
from bridge.commands.clip_words import ON_THE_BEAT
from bridge.commands.energy_words import energy_question
from bridge.commands.feel_words import FEELS
from bridge.commands.setting_words import COMPARATIVES

_LEAD = r"^ (?:(?:can|could|would) (?:you|we) |please |let's |lets |i want to |i'd like to |try to |now )*"
_W = (
    r"(?!(?:feel|sound|seem|look|more|less|a|so|way|much|hit)\b)\w+"  # a word of the target, not of the frame
)
_TARGET = rf"(?:it|this|that|everything|the whole thing|(?:the|this|my|that) (?:{_W} )?{_W})"
_MORE = r"(?:a (?:bit|little|lot|touch) |a little bit |(?:much |way |so |even )?more |kind of |idk |like |um |uh |i guess |you know |)*"
# where the feeling is wanted, said last: "make the bass more squelchy in the drop"
_WHERE = r"(?: (?:in|for|during|on|over|at|through) (?:the|every|each|all the) (?:\w+ ){0,2}?\w+)?"
_MAKE = re.compile(
    rf"{_LEAD}(?:make|get|turn) ({_TARGET}) (?:feel |sound |seem |look )?{_MORE}(\w+){_WHERE}(?: please)? $"
)
# "it needs more sauce", "the chorus could use more oomph", "this is missing something spicy"; "the
# drums need something, not sure what": something, and no way said (a doubt may follow)
_UNSURE = (
    r"(?: (?:idk|dunno|i dont know|i do not know|not sure|no idea|cant say|hard to say)(?: what| how| why)?)?"
)
_NEEDS = re.compile(
    rf"^ (?:(?:i think|hmm|ok|so|but) )*({_TARGET}) (?:needs?|could use|wants|lacks|is missing|is lacking) "
    rf"(?:a (?:bit|little|lot|touch) )?(?:of )?(?:more |some |a bit more |a little more )?(\w+){_WHERE}{_UNSURE} $"
)
SOMETHING = ("something", "somethin", "sumthin", "summat")  # a need with no way said
# something done with a part, no way said ("idk do something w the drums", "do summat with the bassline",
# "try something cool on the hats"): what should change is asked, never a new part made in its place
_SOMETHING = r"(?:something|somethin|sumthin|summat|smth|sth|sumn)"  # "something", as typed
DO_SOMETHING = re.compile(
    rf" (?:do|try) (?:{_SOMETHING[3:-1]}|anything)"
    r"(?: (?:cool|fun|interesting|creative|nice|wild|crazy|special))?"  # "something different": a new take
    r" (?:with|w|to|on|about|for) "
)
# a request for something unnamed, whatever the op read ("do something with", "fix the", "needs something"
# said last or with "idk", "not sure what"): what to write is asked, never guessed (``guards.overrules``)
VAGUE = re.compile(
    rf" (?:do|try) {_SOMETHING}(?: (?!different|new|else|fresh)\w+)? (?:with|w|about|to|on|for)(?= )"
    r"| fix(?:es)? (?:up )?(?:the|my|this|that|it|them)(?= )"
    r"| (?:needs?|wants?) something(?: (?:idk|dunno|else)(?= |$)| ?$)| (?:idk|dunno|not sure) what(?= )"
)
_GIVE = re.compile(
    rf"{_LEAD}give ({_TARGET}) (?:(?:a (?:bit|little) )?more (\w+)|an? (?:bit |little )?(?:more )?(\w+) "
    r"(?:vibe|feel|feeling|sound|mood|edge|touch|character|energy))(?: please)? $"
)
_ADD_SOME = re.compile(
    rf"{_LEAD}(?:add|put|bring|inject) (?:some |a bit of |a little |more |a touch of )+(\w+) (?:to|in|into|on) ({_TARGET})(?: please)? $"
)
# a complaint with no way said: "it sounds off", "this doesn't feel right", "the bass sounds weird" ("too
# empty" says its way: busier)
_COMPLAINT = re.compile(
    rf"^ (?:(?:i think|hmm|ok|so|but) )*({_TARGET}|something|the groove|the mix) (?:\w+ )?(?:sounds?|feels?|is|seems|sound|feel) "
    r"(?:a (?:bit|little) |kind of |so |too |really )?(?:off|wrong|weird|bad|strange|boring|meh|flat|(?<!too )empty|dull|lifeless|"
    r"not right|not quite right)(?: somehow| to me)? $|^ (?:it|this|that) (?:doesnt|does not|dont) (?:sound|feel) (?:right|good) $"
)
# a feeling complained of as too much ("it feels too happy here", "the director says the chorus is too sad"):
# the other feeling is wanted, and how is asked (someone's word for it may be said first)
_TOO = re.compile(
    rf"^ (?:(?:i think|hmm|ok|so|but|honestly) )*(?:(?:the |my |our )?\w+ (?:says|said|thinks|feels|reckons) (?:that )?)?"
    rf"({_TARGET}) (?:still )?(?:sounds?|feels?|is|s|seems|sound|feel|comes across|come across)(?: like)? "
    r"(?:a (?:bit|little|touch) |kind of |way |so |really |much |just )?too (\w+)(?: (?:here|there|now|right now|at the moment"
    r"|(?:in|for|during) (?:the|this|that|my) (?:\w+ )?\w+))?(?: for me| to me)? $"
)
_OTHER_WAY = {"bright": "dark", "dark": "bright", "big": "calm", "calm": "big"}


def _too(s: str) -> str | None:
    """The question for a feeling complained of as too much (``_TOO``), or None."""
    m = _TOO.match(re.sub(r"^ (it|that|this)s (?=(?:\w+ )?too )", r" \1 is ", s))  # "its too happy"
    if m is None or ((feeling := stem(m.group(2))) not in FEELINGS and m.group(2) not in FEELINGS):
        return None
    kind = next(k for k, words in (("bright", BRIGHT), ("dark", DARK), ("big", BIG), ("calm", CALM))
                if feeling in words or m.group(2) in words)  # fmt: skip
    return _feeling_question(_OTHER_WAY[kind], _part(m.group(1)))


_HIT = re.compile(
    rf"{_LEAD}make ({_TARGET}) (?:hit|slap|bang|knock|punch) (?:a (?:bit|little|lot) )?harder $"
)
# slang verbs of how a track lands: "make it slap more", "make the drums hit different", "get it to bang"
_SLANG = re.compile(
    rf"{_LEAD}(?:make|get|have) ({_TARGET}) (?:to )?(?:slap|bang|knock|bump|pop|hit different|go hard|go off|cook|vibe|groove|hit)"
    r"(?: (?:a (?:bit|little|lot) )?(?:more|harder|different|better))?(?: please)? $"
)
# a place in the mix wished for with no way said: "make it sit better in the mix", "help the bass cut through",
# "get the chords to blend in more" (louder or softer, and of which part, is asked)
_IN_THE_MIX = re.compile(
    rf"{_LEAD}(?:make|get|help|have|let) ({_TARGET}) (?:to )?(?:sit|fit|blend|gel|glue|cut|poke|stand|sound|come)"
    r"(?: (?:in|through|out|together|forward|back))?(?: (?:a bit |a little |much |way )?(?:better|nicer|right|more|less))?"
    r"(?: (?:in|into|with) (?:the|my) (?:mix|track|song|beat|rest))?(?: please)? $"  # or said as a fault: "the bass
    rf"|^ ((?:the |my |this )?{_W}) (?:is not|isnt|are not|arent|aint|doesnt|does not|dont|do not|not) (?:quite |really )?(?:sitting|sittin|sit|fitting|fit|"
    r"blending|blend|sat)(?: right| well| good| properly)? in (?:the|my) mix(?: mate| man| bro)?"
    r"(?:(?: can| could| would)? (?:you )?(?:sort|fix) (?:it|that|them)(?: out| in the mix)?(?: please)?)? $"
)  # isnt sitting right in the mix, sort it out"; its "is" dropped: "the sax not sitting good in the mix"
# a groove wished for: "make it bounce more", "get the drums to bop" (more swing, more notes or another feel)
_BOUNCE = re.compile(
    rf"{_LEAD}(?:make|get|have|let) ({_TARGET}) (?:to )?(?:bounce|bop|sway|skank|bounce around)"
    r"(?: (?:a (?:bit|little|lot) )?(?:more|harder|better))?(?: please)? $"  # and a need of it, maybe someone's:
    rf"|^ (?:(?:the |my |our )?\w+ (?:says?|said|reckons?|thinks?|feels?) (?:that )?)?({_TARGET}) (?:needs?|could use|wants?|"
    r"lacks?) (?:a (?:bit|little|lot|touch) )?(?:more |some )?(?:bounce|bop|groove|swagger)(?: (?:can (?:u|you) (?:do|sort|fix)"
    r" (?:that|it)|please|pls))? $"  # "chat says the drums need more bounce, can u do that": the same question
)
# a length said in seconds or minutes, which MuseAroo counts in bars: "the music needs to be exactly 15
# seconds", "make the song 30 secs long" (how many bars that is, at which tempo, is asked)
_TIMED = re.compile(
    rf"^ (?:(?:can|could) you |please |so |ok )*(?:(?:make|get|cut|trim) )?({_TARGET}|(?:the|my) music)"
    r"(?: (?:needs|has|have|got) to be| should be| must be| to| has to last| needs to last| to last| down to)?"
    r" (?:exactly |about |around |roughly |just |only |under |no more than )?(?:\d+|a|an|half a) "
    r"(?:seconds?|secs?|minutes?|mins?)(?: long)?(?: please)?"
    r"(?: (?:its|it s|it is|thats|that s|this is) for (?:a|an|the|my|our) (?:\w+ ){0,2}?\w+)? $"  # "..., its for a reel"
)
_SAID_TO = re.compile(r"(?: (?:mano|bro|bruv|man|mate|dude|fam|guys|fr|yo|innit|yeah|tbh|ngl|lol))+(?= $)")


def placed(s: str) -> str | None:
    """The question for a wish about the mix, a groove, or a length in seconds (above), or None."""
    s = _SAID_TO.sub("", s)  # said to someone, or a tag after it ("..., innit")
    mixed = _IN_THE_MIX.match(s)
    if mixed is not None and (" mix " in s or mixed.group(1) in ("it", "this")):  # "make the chords fit": no
        it = _the(_part(mixed.group(1) or mixed.group(2)))  # no part said: "on which part?", each names one
        a, b, c = (it,) * 3 if it != "it" else ("the drums", "the bass", "the chords")
        which = "" if it != "it" else ", and on which part"
        return f"(e.g. 'make {a} louder', 'make {b} softer' or 'make {c} simpler') what should change{which}?"
    bounced = _BOUNCE.match(s)
    if bounced is not None:
        it = _the(_part(bounced.group(1) or bounced.group(2)))
        return f"(e.g. 'swing {it} more', 'make {it} busier' or 'give me another one') more swing, more notes, or another feel?"
    timed = _TIMED.match(s)
    if timed is not None:
        part = _part(timed.group(1))
        it = f"the {part}" if part and part != "all" else "the song"
        return f"(e.g. 'make {it} 8 bars long' or 'set the tempo to 120') how many bars should that be, at which tempo?"
    return None


# words of feeling the vocabulary knows as sounds to describe (musicgen prompts), not as operations
BRIGHT = frozenset({"happy", "bright", "uplifting", "hopeful", "sweet", "cheerful", "joyful", "sunny", "light",
                    "positive", "fun"})  # fmt: skip
DARK = frozenset({"sad", "dark", "moody", "tense", "spooky", "creepy", "melancholic", "gloomy", "scary",
                  "mysterious", "emotional", "haunting", "sombre", "somber", "eerie", "ominous", "tension"})  # fmt: skip
BIG = frozenset({"big", "epic", "huge", "weight", "impact", "power", "powerful", "aggressive", "lush", "cinematic",
                 "deep", "rich", "wide", "heavy", "life", "feeling", "emotion", "vibe", "soul", "depth", "drama",
                 "dramatic", "intensity", "grand", "massive", "fat"})  # fmt: skip
CALM = frozenset({"chill", "calm", "mellow", "gentle", "dreamy", "warm", "smooth", "soft", "peaceful", "relaxing",
                  "laid", "lazy", "intimate", "delicate", "airy"})  # fmt: skip
_PARTICLES = frozenset({"out", "up", "down", "in", "on", "off", "back", "over", "around", "again", "too"})
FEELINGS = BRIGHT | DARK | BIG | CALM
# the words of operations: "louder", "softer", "busier", "jazzier", "looser" are done, not asked about
OPERATIONS = frozenset(
    word
    for table in (co.LOUDER, co.SOFTER, co.BUSIER, co.SIMPLER, co.HUMANIZE, co.QUANTIZE, v.ADJUSTMENTS, COMPARATIVES,
                  FEELS, v.GENRES)
    for phrase in table
    for word in phrase.split()
    if word not in ("more", "less", "the", "a", "up", "down", "in", "on", "of", "to", "back", "off", "out")
    and phrase not in ON_THE_BEAT  # "sit", "right", "beat": words of much else than a quantize
)  # fmt: skip


def stem(word: str) -> str:
    """ "happier" -> "happy", "darker" -> "dark", "sadder" -> "sad", "bigger" -> "big"."""
    if word.endswith("ier") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("er") and len(word) > 4:
        base = word[:-2]
        return base[:-1] if len(base) > 2 and base[-1] == base[-2] else base
    return word


# two ways said as a choice left to MuseAroo: "louder or softer, whichever suits it" (which one is asked)
_WAYS = ("louder", "softer", "quieter", "busier", "simpler", "sparser", "denser", "faster", "slower", "higher",
         "lower", "brighter", "darker")  # fmt: skip
_EITHER = re.compile(rf" ({'|'.join(_WAYS)}) or (?:make it |more )?({'|'.join(_WAYS)}) ")


# a change asked for "somehow", whatever follows ("change the second section somehow, it isn't working")
_SOMEHOW = re.compile(
    r"^ (?:(?:please|can you|could you|would you) )*(?:change|fix|improve|tweak|adjust|sort out|redo|rework|rethink) "
    r"((?:(?!to |into |as |in )\w+ ){0,4}?)somehow "  # not "change the drums to reggae somehow": the way is said
)


def vague_question(s: str, unknown: list[str]) -> str | None:
    """A question for a feeling asked for with no operation that gets it, or None; ``unknown`` are
    the sentence's words no command uses."""
    where = placed(s) or energy_question(s)  # "make it sit better in the mix", "need more fighting energy"
    if where is not None:
        return where
    done = DO_SOMETHING.search(s)
    said = s[done.end() :].split()[:3] if done is not None else []  # "do something with the drums": what?
    named = next((w for w in said if w in co.VOICES), None) or _part(" ".join(said))
    if named is not None and named not in ("all", "song"):
        return f"(e.g. 'make the {named} busier', 'make the {named} simpler' or 'vary the {named}') what should change in the {named}?"
    somehow = _SOMEHOW.match(s)
    if somehow is not None:  # which way is not said
        return _what(_part(somehow.group(1)))
    either = _EITHER.search(s)
    if either is not None and either.group(1) != either.group(2):  # "louder or softer, your call"
        one, other, it = either.group(1), either.group(2), _the(_part(s[: either.start()]))
        return f"(e.g. 'make {it} {one}' or 'make {it} {other}') {one} or {other}?"
    hit = _HIT.match(s)
    voiced = hit is not None and any(
        f" {w} " in f" {hit.group(1)} " for w in co.VOICES
    )  # "the snare": louder
    if hit is not None and _part(hit.group(1)) is None and not voiced:  # "make it hit harder": which, how?
        return _ask("drums", "louder or busier, and which part?", "louder", "busier")
    slang = None if hit is not None else _SLANG.match(s)  # "make the chords hit harder": louder
    if slang is not None and not any(f" {w} " in f" {slang.group(1)} " for w in co.VOICES):
        part = _part(slang.group(1))
        which = "" if part else ", and which part"
        return f"(e.g. 'make {_the(part)} louder', 'make {_the(part)} busier' or 'give me another one') what should change{which}?"
    too = _too(s)  # "it feels too happy here": the other feeling, asked how
    if too is not None:
        return too
    complaint = _COMPLAINT.match(s)
    if complaint is not None:
        part = _part(complaint.group(1) or "")
        return f"(e.g. 'make {_the(part)} busier', 'make {_the(part)} simpler' or 'give me another one') what should change?"
    some = _ADD_SOME.match(s)  # "add some flavor to the drums": the word, then the target
    m = _MAKE.match(s) or _GIVE.match(s) or _NEEDS.match(s)
    if some is not None:
        word, target = some.group(1), some.group(2)
    elif m is not None:
        word, target = m.group(2) or m.group(3), m.group(1)
    else:
        return None
    feeling = stem(word)
    if word in SOMETHING:  # "the bass needs something": what, is asked
        return _what(_part(target))
    if (
        word in OPERATIONS
        or word in co.VOICES
        or word in v.PARTS
        or any(w in OPERATIONS and w not in v.PARTS for w in target.split())
        or word in _PARTICLES
    ):
        return None
    if word not in unknown and feeling not in FEELINGS and word not in FEELINGS:
        return None
    kind = next((k for k, words in (("bright", BRIGHT), ("dark", DARK), ("calm", CALM), ("big", BIG))
                 if feeling in words or word in words), None)  # fmt: skip
    return _what(_part(target)) if kind is None else _feeling_question(kind, _part(target))


def _feeling_question(kind: str, part: str | None) -> str:
    """The question for a feeling wanted (``kind``: bright, dark, calm or big) on ``part`` (None: which?)."""
    which = "" if part else ", and which part"
    if kind == "bright":
        return f"(e.g. 'take {_the(part)} to C major' or 'make {_the(part)} busier') a major key, or more notes{which}?"
    if kind == "dark":
        return f"(e.g. 'take {_the(part)} to A minor' or 'make {_the(part)} sparser') a minor key, or fewer notes{which}?"
    if kind == "calm":
        return _ask(part or "drums", f"softer or simpler{which}?", "softer", "simpler")
    return _ask(part or "drums", f"louder or busier{which}?", "louder", "busier")


def _what(part: str | None) -> str:
    it, which = _the(part), "" if part else ", and which part"
    return f"(e.g. 'make {it} busier', 'make {it} simpler' or 'give me another one') what should change{which}?"  # fmt: skip


def _part(target: str) -> str | None:
    words = target.split()
    pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    return next((v.PARTS[w] for w in (*pairs, *words) if w in v.PARTS), None)


def _the(part: str | None) -> str:
    return f"the {part}" if part and part not in ("all", "song") else "it"


def _ask(part: str, question: str, *ways: str) -> str:
    part = part if part not in ("all", "song") else "drums"  # "everything": an example of one part
    examples = " or ".join(f"'make the {part} {way}'" for way in ways)
    return f"(e.g. {examples}) {question}"
