"""The reason a producer gives around a request (issue 55): talk that carries none of it.

"fade the drums out over the last 4 bars, its the outro and right now it just cuts off", "mute the
bass in the verse, it's stepping all over the kick", "make a loop of warm pads, its for a beat tape",
"swing the hats cause right now they feel stiff", "another take of the melody, the last one was close
but not quite": after the request, a clause that says why (a reason, the state of things now, how the
last try went, "trust me", "i think") names no part, value or scope of the request. ``without_reasons``
cuts it from the written sentence (commas still in it), from its start to the sentence's end; a length,
a tempo or a count of takes said on its own after it ("..., its for a beat tape, 8 bars", "..., like the guitar,
3 versions") stays the request's.

It stays when it may be a request of its own: a later clause that asks for something (``remarks.
requested``: "..., its muddy, and make the drums louder"), a part the request does not name said as the
clause's subject or wish ("mute the bass, the drums are too quiet"; not one named in a clause about the
request's own thing, whatever its verb: "it's stepping all over the kick", "because it's rushing the kick",
unless the clause says it is that part: "its the kick thats off"), or a value wished for ("..., it should be
8 bars"). A correction in it ("4 bars, no
8") is no reason: the self-corrections (``fillers``) are read before and after this cut alike.

``PURPOSE`` is the one purpose clause ("so she can feel the one", "for him to sing over"): ``asides``
cuts it from normalised sentences, ``musicgen_words`` from a prompt. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.clip_words import DRUM_VOICES
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.remarks import requested

# a count, a length or a shift said in a clause: it may be the request's ("like a sixteen bar fade", "like a sixteenth")
_COUNTED = (
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|sixteen|twenty|thirty|sixty|hundred|"
    r"bars?|beats?|bpm|measures?|sixteenths?|eighths?|quarters?|halfs?|half|triplets?|semitones?|octaves?|"
    r"steps?|notes?)\b)"
)
# a word before a part that names what the request's thing is likened to ("like a drum machine")
# or what someone will listen to ("i want them to hear the chords", "listen carefully to the bass")
LIKENED = frozenset({"like", "unlike", "hear", "hearing", "listen", "listening"})

# who a purpose is for and what they (or the part) will do: "so (that) we can jam", "so it sits on the
# bars", "for her to improvise over"; a length said after it is the request's ("so i can practice, 8 bars")
_WHO = r"(?:i|we|you|it|they|its|it s|there|the \w+|that|this|she|he|everyone|everybody|people|you guys|my \w+|our \w+)"
_DOES = (
    r"(?:can|could|will|would|sits?|fits?|is|are|lines? up|locks?|has|have|gets?|stays?|plays?|feels?|sounds?|"
    r"seems?|hits?|moves?|breathes?|bounces?|grooves?|flows?|hears?|sees?|knows?|learns?|understands?|follows?|"
    r"counts?|builds?|lifts?|drives?|pops?|cuts? through|sings?)"
)
# a purpose said with the bare infinitive, its subject left unsaid: "push the bass later, to sit behind the kick"
_TO_SIT = (
    r"to (?:sit|fit|lock|line up|groove|land|hide) (?:behind|on|with|under|over|against|in|into|between)\b"
)
_LENGTH_LAST = r" \d+ (?:bars?|measures?)(?: each| long| in length| only)? $"
_FOR = r"(?:me|us|him|her|them|you|everyone|the (?!(?:track|clip|song|key|chords|bass|drums|kick|melody|keys|beat)\b)\w+|my \w+|our \w+)"
# what a part made is for, said as a thing another part will do on it: "..., something the vocal can sit on"
# (a key said after it is the request's: "..., something the singer can float over, in G major")
_MADE_FOR = r"(?:something|somethin|a thing|anything)"
# room another thing must have there, said in German order (the place, then who): "..., there the solo violin
# must have space" (German "da muss die Solovioline Platz haben"); what it names is what the room is for
_ROOM_THERE = (
    r"(?:there|here|then) (?:the|my|our|a) (?:[a-z]+ ){0,2}?[a-z]+ (?:must|should|has to|needs? to|can|will|shall) "
    r"(?:have|get|find|keep) (?:some |more |enough |its |their |a bit of |a little )?(?:space|room|air)\b"
)
# room made for another thing, said after the request: "let the intro breathe", "to give the vocal space"
_ROOM = (
    rf"(?:let|letting) {_WHO} (?:breathe|shine|sit|speak|land|hit|pop|stand out|cut through|come through|open up)"
    rf"|to (?:give|leave|make) (?:{_WHO} )?(?:some |more |a bit of |a little )?(?:space|room|air|breathing room)"
    rf"|{_ROOM_THERE}"
)
PURPOSE = re.compile(
    rf"(?<=\w)[\s,]+(?:(?:so|so that|so as to|in order for) (?:{_WHO} {_DOES}|its|it s|theyre|they re|thats|that s)"
    rf"\b.*?(?={_LENGTH_LAST}|$)|for {_FOR} to (?!be |_key_)[a-z]+\b.*$|{_ROOM}\b.*?(?={_LENGTH_LAST}|$)"
    rf"|{_MADE_FOR} (?:that )?{_WHO} {_DOES}\b.*?(?={_LENGTH_LAST}|(?: in)? _key_|$)|{_TO_SIT}.*?(?={_LENGTH_LAST}|$))"
)
_ADVERB = r"(?:(?:just|really|kinda|kind of|sort of|still|always|never|totally|actually|basically|literally|"
_ADVERB += r"honestly|already|currently|also|sometimes|even) )*"
_PRONOUN = r"(?:it|they|this|that|he|she|everything|the whole thing)"
# how a reason clause starts, after a comma (or a dash, a stop); a part named in one of the first kind is
# what the request's own part is heard against ("it's stepping all over the kick")
_ABOUT_IT = (
    r"(?:its|it s|it's|it is|theyre|they re|they're|they are|thats|that s|that's|this is|it was|they were|"
    # the subject left unsaid, as Portuguese and Spanish leave it: "the bass is too loud, is eating the kick"
    r"(?:is|are|was|were) (?:[a-z]+ing|too|so|way)|"
    # the complaint alone, its subject the request's thing: "take out the hats, too noisy", "way too busy"
    r"(?:(?:way|much|far|a bit|a little|kinda|just|still) )?too (?!much\b|many\b|long\b|short\b)[a-z]+|"
    rf"{_PRONOUN} {_ADVERB}(?:[a-z]+s|[a-z]+ed|feel|sound|seem|clash|drag|rush|need|keep|don t|dont|doesn t|"
    r"doesnt|can t|cant|won t|wont|has|had|have))\b"
)
_PEOPLE = (
    r"(?:dancers?|singers?|vocalists?|rappers?|clients?|director|artists?|the band|crowds?|kids|patients?|"
    r"residents?|choreographers?|audiences?|listeners?|people|everyone|everybody)"
)
_WHOSE = r"(?:the |my |our )?(?:(?:club|studio|record|festival|whole|live) )?"  # "the club crowd", "the whole crowd"
_OTHER = (
    r"(?:(?:because|cause|cuz|coz|since|as) (?:it|they|i|we|the|this|that|its|it s|theres|there s|my|our|she|he)|"
    r"right now|at the moment|currently|trust me|believe me|i think|i guess|i reckon|i believe|i feel like|i swear|"
    r"honestly|to be honest|tbh|imo|(?:the|that|this) (?:last|newest|latest|previous|old|other|first|current|original|"
    r"new)? ?(?:one|take|version|try|attempt|pass|bounce)s?(?: \w+)?(?: was| is| were| are| had| has| sounded| sounds| felt|"
    r" feels|'s| s)\b|"
    # the value it has now, judged: "..., 104 is way too quick for a ballad" (the request's value said before it)
    r"\d+(?: bpm| bars?)? (?:is|was|s|are|were|feels?|sounds?) (?:[a-z]+ ){0,2}too\b|"
    # what is wrong, said vaguely: "..., somethin about the 4 chord in there sounds wrong"
    r"some(?:thing|thin'?) (?:about|in|with) (?:the|this|that|it|them|those|these)\b|"
    # what it is likened to, no value in it: "..., like the end of an old record where it just trails off"
    rf"like (?:a|an|the|some|my|our|old|those|that|this) (?![^,;]*{_COUNTED})|"
    # what someone wants to hear meanwhile: "...; i wish to hear the piano without it", "i want the band to hear"
    r"(?:i|we|they) (?:wish|want|wanna|would like|d like|need) (?:(?:them|him|her|everyone|the \w+) )?to "
    r"(?:hear|listen)\b|"
    # where a section starts, said of the place the request names: "bar 17 put one crash, chorus start there"
    r"(?:the )?(?:intro|verse|pre chorus|chorus|bridge|outro|breakdown|drop|hook)s? (?:\d+ )?(?:starts?|begins?|"
    r"comes? in|kicks? in|hits?|lands?|drops?) (?:there|here|then|right there|at that (?:bar|point))\b|"
    # a verdict on those things: "..., those hats are mid"
    r"(?:those|these) [a-z]+ (?:are|were|sound|feel|seem)\b|"
    # who it is for, after it is done: "..., i wanna play em for my cowriter"
    r"(?:i|we) (?:wanna|want to|need to|gotta|have to|will|ll) (?:play|show|send|give) (?:it|them|em|this|that) "
    r"(?:to|for)\b|"
    r"(?:i|we) (?:want|need) (?:it|them|this) to |the (?!rest\b|others?\b)(?:[a-z0-9]+ ){1,4}?"
    r"(?:is|are|was|were|s|sounds?|feels?|seems?|has|have|keeps?|gets?|needs?)\b|"
    # a wish for energy of some kind, with no change said: "..., need more fighting energy" (``energy_words``)
    r"(?:(?:i|we) )?(?:really |still |just )?(?:need|want|could use|gotta have) (?:a bit |a little |some |way |much )?"
    r"more (?:[a-z]+ )?energy\b|"
    # who the request is for and what they need, "the" or none: "..., dancers need a clear count"
    rf"{_WHOSE}{_PEOPLE} (?:need|needs|want|wants|like|likes|"
    r"love|loves|can|cant|can t|will|gotta|have to|has to)\b"
    r"(?! (?:it|them|this|that|everything) [a-z])|"  # "the singers want it busier" wishes a change: no reason
    # a verdict on a thing said bare, no "the": "groove is sick", "vibe feels right" (never a value: "key is")
    r"(?!(?:key|tempo|bpm|meter|length|time|it|this|that|there|here|what|which|who|where|how|one)\b)"
    r"[a-z]+ (?:is|are|was|were|sounds|feels|seems) (?=[a-z])|"
    rf"(?P<room>{_ROOM_THERE}))"
)
_START = re.compile(
    rf"(?:[,;.!?]| -+| but| and)+ (?:(?:and|but|plus) )?(?:(?:now|so now|but now|and now) (?=(?:{_ABOUT_IT})))?"
    rf"(?:(?P<it>{_ABOUT_IT})|{_OTHER})"
)
# said with no comma before: "swing the hats cause they feel stiff", "its for a beat tape", "trust me"
_BARE = re.compile(
    r" (?:(?:because|cause|cuz|coz) |since (?:it|they|i|we|the|its|my|our) |trust me\b|believe me\b|"
    r"(?:its|it s|it's|this is|thats|that s|that's) for |right now (?:it|they) |"
    # how the last try went, with no comma: "another one of the drums that one was mid"
    r"(?:that|the last|the previous|this) (?:one|take|version|try) (?:was|is|sounded|sounds|felt|feels) )"
)
# where a bar said falls, said after it: "in bar 16 right before the loop point" (no section the song has)
_LOOP_EDGE = re.compile(
    r"[\s,]+(?:right |just )?(?:before|after|at) the (?:loop point|loop|loop end|turnaround|wrap around|wraparound)\b"
)
_BAR = re.compile(r"\b(?:bar|measure) \d+\b")
# a reason said of the request's own thing after "because": "..., because it's rushing the kick"
_BECAUSE_IT = re.compile(rf"[\s,;.!?-]*(?:(?:and|but) )?(?:because|cause|cuz|coz|since) (?:{_ABOUT_IT})")
# the thing the reason names as what it is, not what it is heard against: "..., its the kick thats off"
_NAMES_IT = re.compile(
    r"\b(?:its|it's|it s|it is|thats|that's|that s|this is|theyre|they're|they re|they are) "
    r"(?:(?:just|really|actually|probably|only|all) )?(?:the|my|that|those|these|your) $"
)
# a length or a tempo said alone after the reason is the request's: ", 8 bars", ", at 140"
_VALUE_ALONE = re.compile(
    r"^(?:(?:about|around|roughly|like|maybe) )?(?:(?:\d+|[a-z]+) (?:bars?|measures?|beats?)(?: long| each)?|"
    r"(?:at )?\d+(?: bpm)?|(?:\d+|two|three|four|five|six) (?:versions?|takes?|variations?|options?))$"
)  # (a count of takes too: "make a funk melody, like the guitar, 3 versions")
# a value wished for: "it should be 8 bars", "i want it at 140"
_WISHED = re.compile(
    r"\b(?:should|needs? to|has to|have to|must|want (?:it|them)|need (?:it|them))\b.*(?:\d|_key_)"
)
# the words that name one part or drum voice (not "the whole thing", "the song", "a pattern")
_GENERIC = frozenset({"all", "everything", "song", "tune", "piece", "idea", "part", "parts", "pattern", "phrase",
                      "groove", "grooves", "beat", "arrangement", "underscore", "cue", "kit", "line", "lines"})  # fmt: skip
_PARTS = frozenset(name.rstrip("s") for name in (*v.PARTS, *DRUM_VOICES) if " " not in name) - _GENERIC


# a place the request is for, said in the reason: "make a fill, its for the end of the chorus"
_FOR_PLACE = re.compile(
    r"\bfor (?:the |my |our )?(?:[a-z0-9]+ ){0,3}?(?:intro|verse|pre chorus|chorus|bridge|outro|breakdown|drop|build|"
    r"break|hook|end|start|bars? \d+)\b"
)


def without_reasons(heard: str, audio: bool = False) -> str:
    """The written sentence ``heard`` without the reason it gives after its request (its start to the
    end, a length said alone after it kept); ``heard`` as it was when it has none or the clause may be
    a request of its own, or names the place the request is for (unless it asks for ``audio``, which
    has none: "an audio loop of crowd noise, its for the outro")."""
    said = f" {heard.lower()} ".replace("’", "'")
    starts = [m for m in (_START.search(said, 4), _BARE.search(said, 4)) if m is not None]
    if (edge := _LOOP_EDGE.search(said, 4)) is not None and _BAR.search(said[: edge.start()]):
        starts.append(edge)  # "a fill in bar 16 right before the loop point": bar 16 is the place
    if not starts:
        return heard
    m = min(starts, key=lambda found: found.start())
    request, reason = said[: m.start()], said[m.start() :]
    if not audio and _FOR_PLACE.search(reason):
        return heard
    about_it = (m.re is _START and m.group("it") is not None) or _BECAUSE_IT.match(reason) is not None
    room = m.re is _START and m.group("room") is not None  # the part it names is what room is made for
    if len(request.split()) < 2 or not _aside(request, reason, about_it, room):
        return heard
    kept = [c.strip() for c in re.split(r"[,;]", reason)[1:] if _VALUE_ALONE.match(c.strip())]
    return heard[: m.start()].rstrip(" ,;.-") + "".join(f", {c}" for c in kept)


def _aside(request: str, reason: str, about_it: bool, room: bool = False) -> bool:
    """Whether ``reason`` is talk around ``request``: no clause of it a request of its own, no value
    wished for in it, and no part named that the request does not, but as what it is heard against
    when the clause is about the request's own thing (``about_it``) or what ``room`` is made for."""
    words = re.sub(r"[^a-z0-9_' ]+", " ", reason).split()
    clauses = [c for c in re.split(r"[,;.!?]| and | but | then ", reason) if c.strip()]
    if any(requested(c) for c in clauses[1:]) or _WISHED.search(reason):
        return False
    if room:  # "..., there the solo violin must have space": the part named is what room is made for
        return True
    said = {w.rstrip("s") for w in re.sub(r"[^a-z0-9 ]+", " ", request).split()}
    for i, word in enumerate(words):
        if word.rstrip("s") in _PARTS and word.rstrip("s") not in said:
            if set(words[max(i - 4, 0) : i]) & LIKENED:  # "they sound like a drum machine": no target
                continue
            if not about_it or _NAMES_IT.search(" ".join(words[:i]) + " ") is not None:
                return False  # a clause about the request's own thing names a part only as what it is heard
            # against, whatever the verb ("it's stepping all over the kick", "its rushing the kick")
    return True


# people wishing the request's own change, after it: "push the tempo up 6 bpm, the crowd wants it faster", "make the
# kick louder, the client wants it louder" (a wish of another change, "..., the singer wants it busier", is no remark)
_RESTATED = re.compile(
    rf"[,;.!?-]+\s*(?:(?:and|but|cause|because|cuz|coz|since|as)\s+)?{_WHOSE}{_PEOPLE} (?:really )?"
    r"(?:want|wants|wanted|need|needs|would like|d like|like|likes|asked for|asked|prefer|prefers) "
    r"(?:it|them|this|that|everything|the \w+) ((?:a (?:bit|little|lot) |way |much )?[a-z]+)\s*[.!]*\s*$",
    re.IGNORECASE,
)


def _remark(
    heard: str, read: Callable[[str], Intent]
) -> tuple[str, str, dict[str, Any], dict[str, Any]] | None:
    """(the request, the way wished, the request's reading, the wish's) for a remark of people wishing a change
    after the request (``_RESTATED``), both read by ``read`` (the rules; the wish said as "make it ..."); else None."""
    m = _RESTATED.search(heard)
    if m is None:
        return None
    request, how = heard[: m.start()].rstrip(" ,;.-"), m.group(1).lower()
    wish, asked = read(f"make it {how}"), read(request)
    if not (wish.understood and asked.understood and len(request.split()) >= 2):
        return None
    return request, how, _way(asked), _way(wish)


def _way(intent: Intent) -> dict[str, Any]:
    """The schema's reading of ``intent`` with its params (a default said by no word too: "make it slower" is
    ``change_bpm`` -5); a tempo set or moved is one op, "tempo"."""
    means = {**intent.params, **means_of(intent.as_dict())}
    tempo = (
        means.get("op") == "set"
        and set(means) & {"tempo_bpm", "change_bpm"}
        and not set(means) & {"key", "genre"}
    )
    return {**means, "op": "tempo"} if tempo else means


def _same_way(asked: dict[str, Any], wish: dict[str, Any]) -> bool:
    """Whether the wish is the request's own change: its op, each number both say of the same sign."""
    numbers = [
        k for k, x in asked.items() if isinstance(x, int | float) and isinstance(wish.get(k), int | float)
    ]
    return asked.get("op") == wish.get("op") and all((asked[k] > 0) == (wish[k] > 0) for k in numbers)


def restated(heard: str, read: Callable[[str], Intent]) -> str | None:
    """The request without a remark after it in which people wish the request's own change ("..., the crowd
    wants it faster" after a tempo raised), else None."""
    said = _remark(heard, read)
    return said[0] if said is not None and _same_way(said[2], said[3]) else None


def wished_otherwise(heard: str, read: Callable[[str], Intent]) -> tuple[str, str, dict[str, Any]] | None:
    """(the request, the way wished, the request's reading) where people wish another change after the request
    ("make the kick louder, the client wants it busier": asked, never one of the two dropped); else None."""
    said = _remark(heard, read)
    return None if said is None or _same_way(said[2], said[3]) else (said[0], said[1], said[2])
