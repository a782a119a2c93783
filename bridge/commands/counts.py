"""How many times, how many goes: the counts a sentence says around its command (issue 55).

- "undo that like three times", "ctrl z it a couple of times", "redo that twice": ``times_said``;
- "gimme 4 more goes at the melody", "two more tries on the chords", "have 3 stabs at it":
  ``GOES`` (the takes a Vary makes; group 1 the count);
- "bass another version, two more", "the drums, another three": ``more_takes`` (the count said last);
- "3 version" (no plural), "two further variants" or "readings", "three undos": ``as_counted`` writes them the
  way the readers above read them ("3 versions", "undo 3 times").

Sentences are normalised (``normalize``): padded, lower case, numbers as digits. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

# a hedge before the number is no part of it: "like three times", "about 4 times", "maybe twice"
_HEDGE = r"(?:(?:like|about|around|maybe|say|roughly|just|another|more|again) )*"
_TIMES = re.compile(
    rf" {_HEDGE}(?:(\d+) (?:more )?times|(twice|a couple (?:of )?times|couple (?:of )?times|2ce)|(thrice))(?= )"
)
# the words for one more attempt at a part: "4 more goes at", "two tries on", "a few more passes at"
GOES = re.compile(
    r" (\d+) (?:more |other |extra |new |different |fresh )?(?:goes|tries|attempts|shots|passes|cracks|runs|"
    r"bites|spins|rolls)(?= (?:at|on|of|with|for) | $)"
)
# the takes said of a part named with "a": "3 versions of a funky bass line" are new bass lines, not
# takes of the one there is ("3 versions of the bass" varies it)
_OF_A_NEW = re.compile(
    r" (?:of|for) (?:a|an|some)(?= )"
)  # "3 versions of a groove", "2 options for a bass line"
# options said different with no "more" ("3 different options for the hook"): new candidates, not the
# clip's takes ("three options for the melody" are takes of it)
_OPTIONS = re.compile(r" \d+ (?:different|new|fresh|distinct) options (?:for|of) ")
_MADE = "|".join(
    sorted((re.escape(w) for w, p in v.PARTS.items() if p not in ("song", "all")), key=len, reverse=True)
)
# a new part asked for: "make a melody in 3/4 time", "write me some chords", "make a bass line, 3 versions"
NEW_PART = re.compile(
    rf" (?:make|write|create|generate|compose|give|build|need|want|get) (?:me |us )?(?:a|an|some|new|a new) "
    rf"(?:\w+ ){{0,3}}?(?:{_MADE})(?= )"
)
# a new song asked for: its key and tempo are the new one's ("a whole song from scratch, 124 bpm, key D major")
NEW_SONG = re.compile(
    r" from scratch | (?:make|write|create|generate|compose|give|build|need|want|do|start) (?:me |us )?"
    r"(?:a |an |a new |new |a whole |whole )(?:\w+ ){0,2}(?:song|track|tune|arrangement|piece) "
)
# the count said last, after the part: "bass another version, two more", "the chords, another three"
_MORE = re.compile(r" (?:another (?=\d)|(?=\d+ more ))(\d+)(?: more)?(?: of (?:these|those|them|it))? $")
_PART_SAID = re.compile(
    "|".join(f" {re.escape(w)}(?= )" for w in sorted(v.PARTS, key=len, reverse=True) if v.PARTS[w] != "song")
)
# what may come before it: the part, a take word, and the small words around them
_BEFORE_MORE = frozenset(
    {"the", "my", "this", "that", "a", "an", "1", "of", "and", "another", "more", "please", "version", "versions",
     "take", "takes", "variation", "variations", "one", "ones", "give", "me", "us", "i", "want", "need"}
)  # fmt: skip
# "3 version", "2 more variant" (a second language, a dictation): the takes counted, as a plural
_SINGULAR = re.compile(
    r"(?<= )(\d+) ((?:(?:more|new|different|other|further|extra|additional|fresh|alternative) ){0,2})"
    r"(version|variation|variants?|readings?|renditions?|renderings?|interpretations?)(?= )"
)
# a formal word for a take ("two further readings", "three renditions") is a version
_PLURAL = {
    "version": "versions",
    "variation": "variations",
    "variant": "variations",
    "variants": "variations",
    **{
        f"{word}{s}": "versions"
        for word in ("reading", "rendition", "rendering", "interpretation")
        for s in ("", "s")
    },
}
# "another couple of goes at the melody", "2 more passes at the bass", "3 more flips of that bass": takes counted in tries
_TRIES = re.compile(
    r"(?<= )(\d+) ((?:more |further |other )?)(?:goes|tries|attempts|passes|shots|flips|spins|cracks)(?= )"
)  # "a few more goes": 3 (``loose_counts``), as "a few takes"
# a part varied a number of times ("vary the bass 3 times", "regenerate it twice", "try the drums again a couple
# of times": ``loose_counts`` made it "2 times"): that many takes; "undo it 3 times" stays an undo's count
_VARIED = re.compile(r" (?:vary|regenerate|regen|reroll|re roll|try(?: \w+){0,3}? again)(?: \w+){0,3}? $")
_N_TIMES = re.compile(r" (?:(\d+) times?|(twice|thrice))(?= )")
_HISTORY_COUNT = re.compile(r"(?<= )(\d+) (undo|redo)(?:s|es)(?= )")  # "three undos": undo 3 times
# the part said first, then the verb and the count ("bass line, make 3 versions"): new ones of it
_MADE_COUNT = re.compile(
    rf"^ (?:(?:the|a|my|some) )?(?:\w+ )?(?:{_MADE}) (?:make|write|create|generate|compose|build) (?:me |us )?$"
)
# a new part said bare, its takes counted after it ("drums, three takes please", "a bass line in D minor,
# 3 versions", "chords for the verse, two options"): new ones; "the drums, 3 takes" are takes of the clip
_BARE_COUNT = re.compile(
    rf"^ (?:(?:a|an|some|new|fresh) )?(?:(?!the |my |this |that |our |those |these )\w+ ){{0,2}}?(?:{_MADE})"
    rf"(?: (?:in|for|at|over|with) (?:the )?\w+(?: \w+)?)? (?:and )?(?:(?:give|get|make) (?:me |us )?|i want |i need )?$"
)
# a part said first with no verb, then a meter: "melody in 3/4 time, 8 bars" asks for a new one, and so
# do its bars said first: "16 bars of chords in 7/8" (a remark after it naming the time is no song setting)
PART_FIRST = re.compile(
    rf"^ (?:\d+ (?:bars?|measures?) of )?(?:a |an |some |new )?(?:\w+ )?(?:{_MADE}) (?=in \d+ \d+ )"
)
# "2 semitone", "3 octave" (no plural): the unit counted
_UNIT = re.compile(r"(?<= )([2-9]|1\d) (semitone|half step|whole step|whole tone|octave)(?= )")
MAX_TIMES = 20  # more than this is not a count said of an undo ("undo 300 times" is refused by its reader)


def times_said(s: str) -> int | None:
    """The count of "N times" said in a normalised sentence ("like 3 times" -> 3, "twice" -> 2), or None."""
    m = _TIMES.search(s)
    if m is None:
        return None
    count = int(m.group(1)) if m.group(1) else 2 if m.group(2) else 3
    return count if 1 <= count <= MAX_TIMES else None


def fresh_takes(s: str, said: re.Match[str]) -> bool:
    """Whether the takes counted by ``said`` ("3 versions", "2 takes") are of a new part: "of a"
    follows them ("three versions of a drum groove": new grooves), they are different options
    ("3 different options for the bass line"), a new part is asked for ("make
    a bass line, 3 variations"), the part is said before the verb ("bass line make 3 versions") or
    bare before the count ("drums, three takes please")."""
    made_after_part = _MADE_COUNT.search(s[: said.start() + 1]) is not None and not s[
        said.end() :
    ].startswith(" of ")
    options = _OPTIONS.match(s, said.start()) is not None
    bare = _BARE_COUNT.match(s[: said.start() + 1]) is not None and not s[said.end() :].startswith(" of ")
    return (
        bare
        or _OF_A_NEW.match(s, said.end()) is not None
        or NEW_PART.search(s) is not None
        or made_after_part
        or options
    )


def varied_times(s: str) -> int | None:
    """The takes of a part varied "N times" ("vary the bass 3 times": 3, "regenerate the drums twice": 2), or
    None (no count of times, or said of another verb: "undo it 3 times")."""
    m = _N_TIMES.search(s)
    if m is None or _VARIED.search(s[: m.start() + 1]) is None:
        return None
    return int(m.group(1)) if m.group(1) else 2 if m.group(2) == "twice" else 3


def more_takes(s: str) -> re.Match[str] | None:
    """The count of takes said last ("bass another version, 2 more", "the drums, another 3"; group 1
    the count), or None: only after nothing but a part and take words ("turn it up 2 more" is no take)."""
    m = _MORE.search(s)
    if m is None:
        return None
    before = f"{s[: m.start()]} "
    left = _PART_SAID.sub(" ", before)
    return m if left != before and set(left.split()) <= _BEFORE_MORE else None


def as_counted(s: str) -> str:
    """A normalised sentence with its counted takes and undos as the readers read them: "3 version"
    -> "3 versions", "2 further variants" -> "2 further variations", "3 undos" -> "undo 3 times", "2
    semitone" -> "2 semitones"."""
    s = _SINGULAR.sub(lambda m: f"{m.group(1)} {m.group(2)}{_PLURAL[m.group(3)]}", s)
    s = _TRIES.sub(lambda m: f"{m.group(1)} {m.group(2)}versions", s)
    s = _UNIT.sub(r"\1 \2s", s)
    return _HISTORY_COUNT.sub(lambda m: f"{m.group(2)} {m.group(1)} times", s)
