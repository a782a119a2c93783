"""Text speak said as words (issue 55), the first of ``plain_words.plain``'s rewrites after ``said_first``.

"u", "r", "pls", "rn", "ova", "da", "smth" ..., a word's letters held ("sooo", "waaay"), "lol" and other
laughs, an emoji, a "yo" to open; the digits written for a word: "2" for "to" or "too" ("way 2 busy", "2 midi",
"2 G minor") and "4" for "for" ("4 a sec", "4 another 8 bars"), never a count ("2 bars", "bar 4", "up 2"); a
dropped "g" ("goin", "clashin": going, clashing; never "thin" or "violin"). A sentence with none is returned as
it was, its spaces made single.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
