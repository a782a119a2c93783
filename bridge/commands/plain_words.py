"""A sentence typed as a text or in a learner's English, said in the plain English the readers know (issue 55).

``plain(heard)`` is taken by ``agree.parse`` after ``tongues.in_english``, so the rules and the learned
reading (whose encoder was trained on plain sentences) both read the plain sentence. It rewrites:

- text speak: "u", "r", "pls", "rn", "ova", "da", "smth" ..., a word's letters held
  ("sooo", "waaay"), "lol" and other laughs, an emoji, a "yo" to open; the digits written for a word:
  "2" for "to" or "too" ("way 2 busy", "2 midi", "2 G minor") and "4" for "for" ("4 a sec", "4 another
  8 bars"), never a count ("2 bars", "bar 4", "up 2"); a dropped "g" ("goin", "clashin": going, clashing;
  never "thin" or "violin") (``texted``);
- a learner's order and words (``learned``): "more strong", "more early" (the one-word comparative),
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
import unicodedata
from functools import lru_cache

from bridge.commands.engineer_words import engineered
from bridge.commands.indonesian_words import indonesian
from bridge.commands.patois_words import patois
from bridge.commands.pidgin_words import pidgin
from bridge.commands.role_words import described
from bridge.commands.said_first import said_first
from bridge.commands.scots_words import scots
from bridge.commands.slang_words import slang
from bridge.commands.terse_pairs import paired
from bridge.commands.theory_words import related, tuned

# a texted word -> the word meant (whole words, any case); "" drops it (a laugh, a sign-off)
TEXTED = {
    "u": "you", "ya": "you", "ur": "your", "pls": "please", "plz": "please", "plez": "please", "pleez": "please",
    "rn": "right now", "ova": "over", "da": "the",
    "dat": "that", "dis": "this", "tho": "though", "thx": "thanks", "ty": "thanks", "bc": "because",
    "cuz": "because", "coz": "because", "abt": "about", "sth": "something", "smth": "something",
    "smthn": "something", "b4": "before", "wat": "what", "wut": "what", "rly": "really", "cud": "could",
    "shud": "should", "wud": "would", "ppl": "people", "nd": "and", "tmrw": "tomorrow",
    "lol": "", "lmao": "", "lmfao": "", "rofl": "", "haha": "", "hahaha": "", "omg": "", "tbh": "", "ngl": "",
    "smh": "", "bruh": "", "imo": "", "xd": "",
}  # fmt: skip
_TEXTED = re.compile(
    r"(?<![\w&'/])(" + "|".join(sorted(TEXTED, key=len, reverse=True)) + r")(?![\w&'/])", re.I
)
# "r" for "are" ("the drums r way 2 busy"), never R&B ("r n b", "r&b")
_ARE = re.compile(r"(?<![\w&'/])r(?![\w&'/])(?!\s*(?:&|n\b|and b\b|'n'))", re.I)
_HELD = re.compile(r"([a-z])\1{2,}", re.I)  # a letter held: "sooo", "waaay", "pleeease"
# a Turkish word for the one addressed, anywhere ("abi make me chords", "up 2 hocam please": set 142),
# and an English one where it ends a clause ("down 3 mate", "up 2 bro please": never a count's unit)
_ADDRESSED = re.compile(
    r"\s*\b(?:abi|abla|hocam|kanka"
    r"|(?<!my )(?<!our )(?<!your )(?<!his )(?<!her )(?<!the )(?<!a )(?:bro|bruh|bruv|fam|dude|mate)"
    r"(?=\s*(?:$|[,.!?]|please\b|pls\b)))\b",
    re.I,
)
_YO = re.compile(r"^\W*(?:yo+|ayy*|hey+|oi)\b[\s,!.]*", re.I)  # a greeting that opens the text
_UNITS = frozenset(
    "bar bars measure measures beat beats semitone semitones semi semis step steps octave octaves take takes version "
    "versions variation variations times x bpm db stem stems note notes hit hits sixteenth sixteenths eighth eighths "
    "quarter quarters track tracks clip clips loop loops more of and or to percent through thru".split()
)
# the words before a digit that take a count or a number ("bar 2", "up 2", "take 4", "the last 4")
_COUNTS = frozenset(
    "bar bars measure measures beat beats take takes track tracks version versions clip clips up down by to of in "
    "at every last first next over and or x plus minus channel number no scene slot section from till until "
    "through thru between verse chorus drop bridge intro outro breakdown".split()  # "in drop 2 the bass": its number
)
_LINKS = frozenset("in to of and or at".split())
# "feels 2 rushed", "way 2 busy", "2 loud": too (before a word that says how much of something)
_TOO_BEFORE = frozenset(
    "way so feels feel is are r sounds sound seems bit just far its much waaay kinda".split()
)
_HOW_MUCH = re.compile(
    r"(?:busy|loud|quiet|fast|slow|rushed|much|many|dark|bright|muddy|harsh|thin|boomy|sharp|flat|high|low|long|"
    r"short|big|heavy|soft|weak|sparse|empty|full|cluttered|late|early|dry|wet|clean|messy|off|dense|simple|"
    r"plain|boring|quick|hot|cold)$"
)
_SAYS_HOW = re.compile(r"[a-z]+(?:y|ed)$")  # "way 2 muddy", "feels 2 crowded" (after a word of feeling)
# "2 midi", "2 the chorus", "2 G minor", "2 me": to (before a determiner, a pronoun, midi or a note's letter)
_TO_BEFORE = re.compile(
    r"(?:the|a|an|my|this|that|these|those|it|me|us|them|you|u|midi|audio|half|double|[a-g](?:#|b)?)$"
)
# "4 a sec", "4 another 8 bars", "4 the chorus": for
_FOR_BEFORE = frozenset("a an another the me my this that now real sure ever you u".split())
_DIGIT = re.compile(r"(?<![\w.,/:+#-])([24])(?![\w.%/:,]|\.\d)")


def _digit_word(m: re.Match[str]) -> str:
    """A texted "2" or "4" said as its word ("to", "too", "for"); a count kept as it is."""
    before = re.findall(r"[\w#]+", m.string[: m.start()].lower())[-1:]
    after = re.findall(r"[\w#]+", m.string[m.end() :].lower())[:1]
    if not after or after[0] in _UNITS or after[0][0].isdigit():
        return m.group(0)
    if before and before[0] in _COUNTS:  # "bar 2", "up 2"; "coming in 2 late" (a function word) is too
        return (
            "too" if m.group(1) == "2" and before[0] in _LINKS and _HOW_MUCH.match(after[0]) else m.group(0)
        )
    if before and before[0].isdigit():
        return m.group(0)
    if m.group(1) == "4":
        return "for" if after[0] in _FOR_BEFORE else m.group(0)
    if _HOW_MUCH.match(after[0]) or (before and before[0] in _TOO_BEFORE and _SAYS_HOW.match(after[0])):
        return "too"
    return "to" if _TO_BEFORE.match(after[0]) else m.group(0)


_EMOJI_KEPT = frozenset("♯♭♮")  # the signs of a key are read (normalize)


def _emoji_out(text: str) -> str:
    """The text without its pictures and signs ("🔥", "💀", "✨"); a key's sharp and flat kept."""
    return "".join(
        " "
        if (unicodedata.category(c) in ("So", "Sk", "Cs") and c not in _EMOJI_KEPT) or c == "\ufe0f"
        else c
        for c in text
    )


# the words a held letter is typed twice in ("tooo loud", "bassss", "fulll"); any other held letter is one
DOUBLED = frozenset(
    "too bass all off full cool good feel deep need soon keep loop boom kill still well fill buzz jazz fuzz "
    "sweet free three tight snappy happy yess chill hill mellow yellow fatter better little middle kick".split()
)


@lru_cache(maxsize=512)
def _word(word: str) -> str:
    """One word with its held letters let go ("sooo" -> "so", "bassss" -> "bass"); a "w" and a dropped
    "g" are left as typed (a MusicGen prompt keeps its "w"; "somethin" reads as typed)."""
    if not _HELD.search(word):
        return word
    low = word.lower()
    twice = _HELD.sub(lambda m: m.group(1) * 2, low)
    return twice if twice in DOUBLED else _HELD.sub(lambda m: m.group(1), low)


# a word's "-ing" with its "g" dropped ("the hats keep clashin", "keep the 808 goin", "808 doin too much"): a word
# of 6 letters or more that no list of the project's English words holds whose "-ing" one does ("thin", "twin",
# "violin" stay), and the two short ones said so (``DROPPED_G``)
_DROPPED_G = re.compile(r"\b([a-z]{2,}in)['’]?(?=\s|$|[,.!?])")
DROPPED_G = frozenset(("goin", "doin"))


def _g_back(m: re.Match[str]) -> str:
    from bridge.commands.english import english_words

    word, known = m.group(1), english_words()
    if word in DROPPED_G or (len(word) >= 6 and word not in known and word + "g" in known):
        return word + "g"
    return m.group(0)


def texted(text: str) -> str:
    """The sentence with its text speak said as words (see the module docstring)."""
    text = _YO.sub("", _emoji_out(text))
    if _ADDRESSED.search(
        text
    ):  # its mark kept where it was: "the chorus mate, four bars": "the chorus, four bars"
        text = re.sub(r"^[\s,!]+", "", re.sub(r",(\s*,)+", ",", _ADDRESSED.sub("", text)))
    text = _DROPPED_G.sub(_g_back, text)
    text = re.sub(r"[A-Za-z]+", lambda m: _word(m.group(0)), text)
    text = _TEXTED.sub(lambda m: TEXTED[m.group(1).lower()], text)
    text = _ARE.sub("are", text)
    text = _DIGIT.sub(_digit_word, text)
    return " ".join(text.split())


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
    role: ``role_words``, Nigerian Pidgin: ``pidgin_words``, Jamaican Patois: ``patois_words``, Scots: ``scots_words``, what is said before the request: ``said_first``, an engineer's numbers: ``engineer_words``, and a producer's slang:
    ``slang_words``, said plainly; a terse pair of changes, "louder kick softer hats", as two requests:
    ``terse_pairs``)."""
    said = tuned(
        related(
            engineered(
                described(learned(slang(pidgin(patois(scots(indonesian(texted(said_first(heard)))))))))
            )
        )
    )
    return paired(said) or said
