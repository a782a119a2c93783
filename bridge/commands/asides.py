"""The parts of a sentence that are not the request (issue 55): cut out before the rules read it.

- a purpose clause, the reason given for the request, to the sentence's end: "split this mix into
  stems so I can get at the vocal" (the stems are asked for, the vocal is why), "write some drums
  so we can jam over them" (a length said last is the request's: "so I can pick one, 4 bars each");
- the rest kept as it is: "rewrite bars 5 to 8 of this clip but keep everything around them
  untouched" (what a rewrite of some bars does anyway; "everything" is not the target);
- who likes the result, said last: "redo this as reggae, the older crowd love that".

``without_asides`` gives the normalised sentence without them (unchanged when it has none); the
agreement reads that instead of the whole sentence when the rules understand it.
"""

from __future__ import annotations

import re

from bridge.commands.context_words import without_context
from bridge.commands.known import vocabulary_words
from bridge.commands.reasons import PURPOSE
from bridge.commands.section_names import SAID_ALSO, SECTIONS

_REST = r"(?:everything else|all the rest|the rest(?: of it| of the \w+)?|all else|everything|the (?:start|beginning|end|ending))"
_AROUND = r"(?: (?:around|outside|either side of|before|after|before and after) (?:them|it|that|those|this))?"
_KEEPS = r"(?:(?:can|should|must|will|may) )?(?:stays?|remains?|keep|keeps|leave|is|are|be)"
_AS_IT_IS = (
    r"(?:untouched|alone|as is|as it is|the same|unchanged|intact|as they are|how it is|like it is|fine)"
)
# the rest kept as it is, in either order: "keep everything around them untouched", "and leave the rest"
# (at the end), "the rest keep as it is", "everything else stays the same"
REST_KEPT = re.compile(
    rf",? (?:(?:but|and|just) )?(?:(?:keep|leave) (?:{_REST}|all){_AROUND}|{_REST} {_KEEPS})"
    rf"(?: {_AS_IT_IS}(?= )| *$)"
)
# a place said to be fine as it is: no place of the change ("strip the chords back from bar 9 on, the
# first eight bars are fine", "thin the drums out after bar 4, the intro is fine")
PLACE_FINE = re.compile(
    r",? (?:but |and |since |as )?(?:the |that |those )?(?:(?:first|last|opening|final|other) (?:\d+ )?"
    r"(?:bars?|measures?|half)|(?:intro|verse|chorus|bridge|outro|drop|breakdown|hook)s?|bars? \d+(?: (?:to|through|"
    r"and) \d+)?) (?:is|are|s|re|sounds?|seems?|feels?|can stay|stays?)(?: totally| all| perfectly| pretty| really|"
    r" already| actually)? (?:fine|ok|okay|good|great|perfect|alright|nice|solid)(?: as (?:it is|they are|is))?(?= )"
)
# who likes the result, said last as a remark ("redo this as reggae, the older crowd love that", "..., my mum
# adores it"): a person's liking, no value of the request
LIKED_BY = re.compile(
    r"(?<=\w) (?:(?:the|my|our|those|these|all the|all our)(?: \w+){1,2}|they|everyone|everybody|people|folks) "
    r"(?:(?:really|just|all|do|always|would|will) )?(?:love|loves|adore|adores|enjoy|enjoys|dig|digs|go for|goes for"
    r"|are into|is into|d love|ll love) (?:that|it|this|them|those)(?: stuff| kind of thing| sort of thing| one)? $"
)
ASIDES = (
    PURPOSE,  # "so I can get at the vocal", "for her to improvise over": the one purpose clause
    re.compile(  # "can you press play? i want to hear how it sounds": why it is asked, after the request
        r"(?<=\w),? (?:i|we) (?:want|wanna|need|would like|d like|id like|just want|really want) (?:to )?"
        r"(?:hear|listen|check|see|know) (?:how|what|if|whether) .*$"
    ),
    REST_KEPT,
    PLACE_FINE,
    LIKED_BY,
)


# "chop this song into stems, i wanna steal the drums": what the producer means to do with it afterwards
_WISH = re.compile(
    r"(?<=\w) (?:and |cause |because |coz |cuz )?(?:i|we|im|i m) (?:want to|need to|would like to|d like to|id like to|"
    r"am going to|m going to|going to|just want to|wish to|plan to|hope to) (?:just )?([a-z]+) .*$"
)
# the same wish with no "i" said, its verb one of what is done afterwards: "split this into stems, wanna flip
# the vocal", "gonna chop the drums", "tryna sample the bass" (never "want to hear the vocals": a choice)
_WISH_BARE = re.compile(
    r"(?<=\w) (?:and |cause |because |coz |cuz )?(?:want to|going to|trying to|need to|hoping to) (?:just )?"
    r"(sample|flip|chop|remix|steal|borrow|study|learn|practice|practise|resample|slice) .*$"
)
# verbs of a wish that are what is done with the result, though the rules know the word ("sample")
_AFTERWARDS = frozenset(
    {"sample", "flip", "chop", "remix", "use", "study", "learn", "practice", "steal", "borrow"}
)

_LATER = re.compile(
    r" (?:afterwards|afterward|later(?: on)?|after that|next|then) $"
)  # a wish for after it is done
_CHOICE = frozenset({"hear", "listen", "solo", "extract", "grab", "only"})  # "i just want to hear the vocals"


# the reason a request is made for people ("so she can feel where the one lands", "so we can hear the
# melody on its own"): what someone will do, never what the part will (not "so it sits on the bars")
_PEOPLE = r"(?:i|we|you|she|he|everyone|everybody|people|you guys|the (?:students?|class|band|singer|kids|crowd|audience))"
FOR_PEOPLE = re.compile(
    rf",? (?:so|so that) {_PEOPLE} (?:can|could|will|would|may|might|\w+s)\b.*$", re.IGNORECASE
)


# where a change said at a place leads, said last ("a drum fill at the end of the verse, to lead into the
# chorus", "a fill in bar 8 to bring us into the drop"): the next section is why, not where (cut only where
# a section or a bar is said before it: "a fill going into the drop" is left as round 13 decided)
# ("break" is a drum break as often: never where a change leads)
_SECTIONS = "(?:" + "|".join((*(n for n in SECTIONS if n != "break"), *SAID_ALSO)) + ")"
_LEADS_ON = re.compile(
    r"(?<=\w) (?:to |that |which |and |so it )?(?:lead|leads|leading|take|takes|taking|bring|brings|bringing|"
    rf"carry|carries|carrying|set|sets|setting|going|heading) (?:us |it |things |everything |the song )?(?:back |up )?"
    rf"(?:in)?to (?:the )?(?:next )?{_SECTIONS}s?(?: \d+)? $"
)


def _leads_on(cut: str) -> str:
    found = _LEADS_ON.search(cut)
    if (
        found is None
        or re.search(rf" (?:{_SECTIONS}|(?:bar|measure) \d+) ", cut[: found.start() + 1]) is None
    ):
        return cut
    return cut[: found.start()] + " "


def without_reason(s: str) -> str:
    """The normalised, padded sentence ``s`` without the reason it gives for people (``FOR_PEOPLE``)."""
    cut = FOR_PEOPLE.sub(" ", s)
    return " " + " ".join(cut.split()) + " " if cut != s else s


def without_asides(s: str) -> str:
    """The normalised, padded sentence ``s`` without its purpose clause and its "keep the rest"; and
    without a wish of what to do afterwards whose verb no command uses ("i want to steal the drums") or
    that says it is for later ("i need to isolate the choir afterwards")."""
    cut = without_context(s)  # "since it's all chords so far, write me drums": the state of things
    for pattern in ASIDES:
        cut = pattern.sub(" ", cut)
    cut = _leads_on(cut)  # "a drum fill at the end of the verse, to lead into the chorus": the verse's end
    wish = _WISH.search(cut) or _WISH_BARE.search(cut)
    verb = wish.group(1) if wish is not None else ""
    later = wish is not None and _LATER.search(cut[wish.start() :]) is not None  # "... the choir afterwards"
    if wish is not None and (
        later or (verb not in _CHOICE and (verb in _AFTERWARDS or verb not in vocabulary_words()))
    ):
        cut = cut[: wish.start()] + " "
    return " " + " ".join(cut.split()) + " " if cut != s else s
