"""Parts named by their sound or their role, in a beginner's words (issue 55): "the boom" is the
kick, "the tss tss" the hats, "the deep drum and the clappy one" the kick and the clap, "the thing
that plays the chords" the chords, "the singing" the vocals, "those quiet little snare taps in
between" the ghost notes, "the boom goes on every single beat" four on the floor.

``described(text)`` says such a description in the producer's word, so the rules and the learned
reading (``plain_words.plain`` calls it) both read "keep just the kick and the clap". A sound word
used of a part that is named ("make the kick more boomy", "the boomy bass") is left as said: only a
sound said where a part's name stands ("mute the boom", "the tss tss") is read as that part.
``which_part(text)`` asks which part is meant where a description fits two ("the high one": the hats
or the melody?). Sound words as adjectives before a plain noun are ``sound_words``'s (after
normalising); this module reads the sentence as typed (any case, punctuation kept).
"""

from __future__ import annotations

import re

from bridge.commands.sound_words import SOUNDS

_DET = r"\b(?:the|those|that|this|these|my|your|all the)"
# a sound said as a noun: "the boom", "the booms", "those tss tss", "the thump" (an adjective needs a
# noun after it: sound_words)
SOUNDED = {
    "kick": ("boom", "booms", "thump", "thumps", "thud", "thuds", "doof", "oontz", "untz", "boom boom"),
    "snare": ("smack", "smacks", "whack", "whacks", "crack", "cracks"),
    "clap": ("clap clap", "clappy 1", "clappy one", "clappy thing"),
    "hats": ("ts", "tss", "tsss", "tssk", "tsk", "tsst", "tiss", "chick", "tss tss", "tsk tsk", "tiss tiss", "ts ts", "tick",
             "ticks", "chk", "tik"),
    "percussion": ("rattle", "rattles", "jingle", "jingles", "shaker thing"),
}  # fmt: skip
_NOUN_OF = {w: voice for voice, words in SOUNDED.items() for w in words}
# an adjective of a voice's sound before a plain noun: "the clappy one", "the thumpy sound"
_ADJECTIVE_OF = {w: voice for voice, words in SOUNDS.items() for w in words if " " not in w}
_PLAIN_NOUN = (
    r"(?:one|ones|sound|sounds|noise|noises|thing|things|hit|hits|bit|drum|drums|instrument|cymbals?)"
)
_PARTS_AFTER = r"(?:kick|snare|hats?|hi ?hats?|claps?|bass|808|drums?|beat|percussion|toms?|cymbals?)\b"
# a part or voice named after the sound word: the sound is said of it ("the boom bap beat", "the boomy bass")
_NAMED_AFTER = (
    r"(?!\s+(?:bap|box|bass|808|sub|kick|snare|hats?|hi ?hats?|claps?|synth|pad|lead|chords?|keys|piano|"
    r"guitar|vocals?|melody|beat|kit|loop|track|part|groove|pattern)\b)"
    rf"(?!\s+(?:of|in|on|from) (?:the|my|your) {_PARTS_AFTER})"  # "the boom of the kick": a sound of the kick
)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_SOUND_NOUN = re.compile(
    rf"({_DET}\s+)((?:{_alternation(list(_NOUN_OF))})(?:\s+(?:{_alternation(list(_NOUN_OF))}))*)\b"
    rf"(?:\s+{_PLAIN_NOUN}\b)?{_NAMED_AFTER}",
    re.I,
)
_SOUND_ADJECTIVE = re.compile(
    rf"({_DET}\s+)((?:(?:{_alternation(list(_ADJECTIVE_OF))})\s+)+)(?:sounding\s+)?{_PLAIN_NOUN}\b{_NAMED_AFTER}",
    re.I,
)
# the kick by its size or depth, a kit's name for it: "the deep drum", "the big drum", "the bass drum"
_BIG_DRUM = re.compile(
    rf"({_DET}\s+)(?:(?:big|deep|low|fat|boomy|booming|thumpy|huge)\s+)+(?:bass\s+)?drum\b(?!\s*(?:and bass|n bass|&\s*bass|"
    r"kit|machine|loop|track|part|groove|fill|pattern|beat|sound)\b)|"
    rf"({_DET}\s+)bass\s+drum\b(?!\s*(?:and bass|n bass|&\s*bass|kit|machine|loop|track|groove|pattern|beat)\b)",
    re.I,
)
# a part by what it does: "the thing that plays the chords", "the synth doing the bassline", "the one
# playing the tune" (the part played is the part meant)
_PLAYS = re.compile(
    r"\b(?:the|that) (?:thing|instrument|sound|synth|track|part|one|guy|bit|keyboard|channel)s? "
    r"(?:(?:that|which|who) )?(?:plays|is playing|playing|does|is doing|doing|holds|carries|makes|has) "
    r"(?:all )?(?:the|those|its|my) (chords?|bass ?line|bass|melody|tune|lead|drums|beat)\b",
    re.I,
)
# a part by who plays it or what it is like: "the drummer", "the bass player", "the chordy bit", "the bassy one"
PLAYERS = {
    "drummer": "drums", "drummers": "drums", "bassist": "bass", "bass player": "bass", "bass guy": "bass",
    "keyboard player": "chords", "keys player": "chords", "keyboardist": "chords", "pianist": "chords",
    "piano player": "chords", "chordy bit": "chords", "chordy thing": "chords", "chordy one": "chords",
    "chordy part": "chords", "chordy stuff": "chords", "chordy sound": "chords", "bassy bit": "bass",
    "bassy thing": "bass", "bassy one": "bass", "bassy part": "bass", "bassy stuff": "bass", "bassy sound": "bass",
    "drummy bit": "drums", "drummy part": "drums", "drummy stuff": "drums", "melodic bit": "melody",
    "melodic one": "melody", "melodic part": "melody", "melodic thing": "melody",
}  # fmt: skip
_PLAYER = re.compile(rf"\bthe ({_alternation(list(PLAYERS))})\b", re.I)
# a player spoken to or of as a person ("call the drummer", "send it to the bassist"): no part
_TO_A_PERSON = re.compile(
    r"\b(?:call|text|email|e-mail|message|dm|ring|phone|remind|pay|meet|invite|book|ask|send|sends|sent|give|show|"
    r"tell|told|thank|hire|to|for|with)\W+(?:\w+\W+){0,3}?$",
    re.I,
)


def _player(m: re.Match[str]) -> str:
    """The part a player plays ("the drummer": the drums); a player spoken to is left as said."""
    word = " ".join(m.group(1).lower().split())
    person = _TO_A_PERSON.search(m.string[: m.start()]) and word in _PEOPLE
    return m.group(0) if person else f"the {PLAYERS[word]}"


_PEOPLE = frozenset(w for w in PLAYERS if not w.endswith(("bit", "thing", "one", "part", "stuff", "sound")))
# the voice by the sound it makes: "the drum that goes boom", "the one that goes tss tss", "the thing that goes clap"
_GOES_VOICE = {**_NOUN_OF, "clap": "clap", "claps": "clap", "crash": "crash", "snap": "snare"}
_GOES_LIKE = re.compile(
    r"\b(?:the|that) (?:drum|sound|one|thing|noise|bit|instrument|hit) (?:that|which) (?:goes|sounds like|makes)"
    rf"(?: an?| the)? ({_alternation(list(_GOES_VOICE))})\b",
    re.I,
)


# the voice by what it is: "the singing", "her singing", "the singer", "the sung bit"
_SINGING = re.compile(
    r"\b(?:the|her|his|their) (?:singing|acapella|a cappella|accapella)\b(?! (?:track|channel|bus|group)\b)",
    re.I,
)
# the snare's ghost notes in a beginner's words: "those really quiet little snare taps in between",
# "some soft snare hits between the main ones": quiet taps, of the snare or in the gaps
_QUIET = r"(?:quiet|quieter|soft|softer|faint|light|gentle|subtle|barely audible|ghosty|ghostly)"
_SMALL = r"(?:really|very|super|tiny|little|lil|small|teeny|extra|kind of|kinda|some|a few)"
_GHOSTS = re.compile(
    rf"\b(?:(?:{_SMALL}|{_QUIET}),?\s+)*{_QUIET},?\s+(?:(?:{_SMALL}|{_QUIET}),?\s+)*"
    r"(?:(snare|drum)\s+)?(?:taps|hits|notes|touches|strokes|knocks|flicks|ones)\b"
    r"(?=(?:\s+(?:on|from|of) the snare)?\s+(?:in\s+)?between\b|(?:\s+(?:on|from|of) the snare)\b)|"
    rf"\b(?:(?:{_SMALL}|{_QUIET}),?\s+)*{_QUIET},?\s+(?:(?:{_SMALL}|{_QUIET}),?\s+)*snare\s+(?:taps|touches|flicks)\b",
    re.I,
)
# the kick on every beat, the club's four on the floor: "the boom goes on every single beat" (the drums' feel);
# a kick that hits or plays on every beat is a kick added on the beats (issue 44), unless every single one or all
# four are said
_KICK = r"\b(?:the |a |that |my )?(?:kick|bass drum)(?: drum)?(?: (?:that|which))?(?: (?:should|must|can|could|will|needs to|has to|to))?(?: be)?"
_GOES = r"(?:goes|go|going|thumps|thump|thumping|pumps|pump|pumping|bangs|bang|banging)"
_HITS = r"(?:hits|hit|hitting|lands|land|landing|plays|play|playing|is|comes|come|coming)"
_EVERY_BEAT = re.compile(
    rf"{_KICK} (?:{_GOES}(?: in)? on (?:every|each) (?:single )?|(?:{_GOES}|{_HITS})(?: in)? on (?:every single |each single |"
    r"all (?:4|four) (?:of the )?|all the 4 |all the four ))(?:beat|quarter|quarter note|downbeat)s?\b",
    re.I,
)
# what is said before the kick on every beat that takes it away, or says it is not wanted
_NOT_WANTED = re.compile(
    r"\b(?:mute|remove|delete|cut|drop|kill|take out|get rid of|duck|sidechain|not|no|dont|don't|doesnt|doesn't|"
    r"shouldnt|shouldn't|stop|without|less)\W+(?:\w+\W+){0,2}$",
    re.I,
)


def _four_on_the_floor(m: re.Match[str]) -> str:
    return m.group(0) if _NOT_WANTED.search(m.string[: m.start()]) else "the drums four on the floor"


# the notes snapped "onto the beat": the grid, not the drums ("snap them onto the beat", "lock the bass to the beat")
_ONTO_BEAT = re.compile(
    r"\b((?:snap|snapping|snapped|lock|locked|locking|quantize|quantise|tighten|stick|glue|pull)\b"
    r"[^,.;!?]*?\b(?:onto|to|on|in time with|with)\s+)the\s+beat\b(?!\s*(?:of|from)\b)",
    re.I,
)


_AUDIO = re.compile(r"\b(?:loop|sample|audio|recording|record|bounce|stem|wav|mp3|timing)s?\b", re.I)


def described(text: str) -> str:
    """``text`` with each part said by its sound or role said by its name (the module docstring)."""
    text = _SOUND_ADJECTIVE.sub(lambda m: _one_voice(m, _ADJECTIVE_OF), text)
    text = _SOUND_NOUN.sub(lambda m: _one_voice(m, _NOUN_OF), text)
    text = _BIG_DRUM.sub(lambda m: f"{m.group(1) or m.group(2)}kick", text)
    text = _PLAYS.sub(lambda m: f"the {_played(m.group(1))}", text)
    text = _PLAYER.sub(_player, text)
    text = _GOES_LIKE.sub(lambda m: f"the {_GOES_VOICE[' '.join(m.group(1).lower().split())]}", text)
    text = _SINGING.sub("the vocals", text)
    text = _GHOSTS.sub("ghost notes", text)
    if not _AUDIO.search(text):  # a loop or a recording lined up with the beat is warped, not quantized
        text = _ONTO_BEAT.sub(r"\1the grid", text)
    return _EVERY_BEAT.sub(_four_on_the_floor, text)


def _one_voice(m: re.Match[str], table: dict[str, str]) -> str:
    """The voice the description words name, or the words as said when they name two."""
    words = m.group(2).lower().split()
    found = {table[w] for w in words if w in table} or {table.get(" ".join(words), "")}
    voice = found.pop() if len(found) == 1 else ""
    return f"{m.group(1)}{voice}" if voice else m.group(0)


def _played(said: str) -> str:
    """ "chord" -> "chords", "bass line" -> "bass", "tune" -> "melody", "beat" -> "drums"."""
    word = said.lower()
    return {"chord": "chords", "tune": "melody", "lead": "melody", "beat": "drums"}.get(
        word, "bass" if word.startswith("bass") else word
    )


# a part by its pitch or size alone, which fits two parts: "the high one" (the hats or the melody)
_TWO_FITS = {
    "high": ("hats", "melody"), "higher": ("hats", "melody"), "highest": ("hats", "melody"),
    "tinkly": ("hats", "melody"),
    "low": ("kick", "bass"), "lower": ("kick", "bass"), "lowest": ("kick", "bass"), "deep": ("kick", "bass"),
    "deeper": ("kick", "bass"),
}  # fmt: skip
_DESCRIBED = re.compile(
    rf"{_DET}\s+(?:(?:really|very|super|little|lil)\s+)?({'|'.join(_TWO_FITS)})(?:\s+(?:pitched|sounding))?\s+"
    r"(?:one|ones|sound|sounds|thing|things|stuff|bit|noise|noises|instrument|notes?)\b",
    re.I,
)
# a part or voice named elsewhere in the sentence: the pitch is said of it ("the high notes of the chords")
_A_PART = re.compile(
    r"\b(?:drums?|bass|basslines?|chords?|melody|tune|kick|snare|hats?|hi ?hats?|claps?|keys|lead|pad|vocals?|piano|"
    r"guitar|synth|strings|percussion|toms?|cymbals?|beat|808|takes?|versions?|tracks?|clips?)\b",
    re.I,
)


def which_part(text: str) -> str | None:
    """A question where a part is named only by a pitch or size that two parts have ("mute the high
    one", "the low sound is too loud"), else None."""
    m = _DESCRIBED.search(text)
    if m is None or _A_PART.search(
        text[: m.start()] + " " + text[m.end() :]
    ):  # a part said: the pitch is its
        return None
    if re.search(r"\b(?:between|among|around)\s+$", text[: m.start()], re.I):  # a place, not a part
        return None
    one, other = (
        f"{text[: m.start()]}the {part}{text[m.end() :]}".strip() for part in _TWO_FITS[m.group(1).lower()]
    )
    return f"(e.g. '{one}' or '{other}') which part do you mean by '{m.group(0).strip().lower()}'?"


# the voice kept and the music under it lost (a separation that keeps the vocals): "the singing from this,
# without the music behind it", "just her voice, lose the backing", "strip the instrumental off the vocals"
_MUSIC = r"(?:the |any |all the |that )?(?:music|instrumental|instrumentals|backing|backing track|band|instruments|beat)"
_GONE = r"(?:without|minus|no|with no|lose|losing|drop|dropping|remove|removing|get rid of|strip|strip out|take out|take away|kill|mute)"
_VOICE = r"(?:vocals?|voice|acapella|a cappella|accapella)"
_VOICE_KEPT = re.compile(
    rf" {_VOICE} (?:\w+ ){{0,6}}?{_GONE} {_MUSIC}(?: (?:behind|under|underneath|around|from|of) (?:it|them|her|him|this|that|the \w+))? |"
    rf" {_GONE} {_MUSIC} (?:behind|under|underneath|around|from|off|of|and keep) (?:the |her |his |their |my )?{_VOICE} "
)

# the vocals taken off a recording (no MIDI part is a voice): "take the vocals off this", "remove the
# vocal from this song", "strip the singing out of the track": the vocals split out of it
_HEARD = r"(?:this|that|it|the (?:song|track|tune|recording|record|sample|mix|loop|audio)|my (?:song|track|demo|recording|mix))"
_VOICE_OFF = re.compile(
    rf" (?:take|strip|get|pull|remove|rip|lift|cut|separate)(?: out| off)? (?:the |her |his |their |my )?"
    rf"(?:{_VOICE}|singing|singer) (?:off|out of|from|off of|out from|of) {_HEARD} "
    rf"| (?:an?|the) (?:acapella|a cappella|accapella|acappella) (?:version )?(?:of|from|out of) {_HEARD} "
)  # "an acapella of this": the vocals alone


def voice_kept(s: str) -> bool:
    """Whether a normalised sentence asks for the vocals with the music under them gone ("just the
    vocals, without the music behind it") or taken off a recording ("take the vocals off this"): the
    vocals split out of the clip."""
    return _VOICE_KEPT.search(s) is not None or _VOICE_OFF.search(s) is not None
