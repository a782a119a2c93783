"""How strong a swing is said, in words (issue 55): the graded table of docs/intents.md's `amount`.

"a little" and its kin are 0.25 ("a lil bit swingy", "a touch", "just a hair", "slightly", "a tiny
bit", "a smidge"); "a lot" and its kin 0.75 ("loads of swing", "tons of swing", "heavily"); a swing's
size said right before it is graded the same ("a slight swing" 0.25, "a heavy shuffle" 0.75); a word
that only makes the next one stronger ("super", "really", "very") is 0.75 said right before the swing
word ("super swingy", "really swung"), never elsewhere ("the hats really need swing" says how much
they need it). A percent said is that fraction ("60%": 0.6). The swing is said by "swing", "swingy",
"swung" or "shuffle"; "less swing" and "too swingy" are a lighter lilt (``LESS``).

Said with "more" ("a touch more swing", "swing it a lot more") a strength is left unsaid: "more" is
relative to the swing the clip has, which the parser does not know, so an absolute amount could
make it less; the transform's own "more swing" is used. Sentences are normalised (padded, lower
case, numbers as digits, "lil" as "little", "little bit" with no "a" as "a little bit").
"""

from __future__ import annotations

import re

LITTLE = 0.25
LOT = 0.75
LESS = 0.33  # "make the hats swing less", "the hats are too swingy"
# the strength words of a swing, graded (longest first where one holds another)
STRENGTHS: dict[str, float] = {
    **dict.fromkeys(("a little", "a bit", "a tiny bit", "a wee bit", "a tad", "a touch", "a hair", "a smidge",
                     "a smidgen", "a pinch", "a dash", "slightly", "subtly", "gently", "lightly", "barely",
                     "a little bit", "a small bit", "mildly"), LITTLE),
    **dict.fromkeys(("a lot", "lots of", "loads of", "tons of", "heaps of", "plenty of", "a ton of", "a load of",
                     "heavily", "heavy", "hard", "way more", "a great deal", "a good deal", "very much",
                     "massively", "a whole lot", "maximum"), LOT),
}  # fmt: skip
# a swing described by its size, said right before the swing word ("a slight swing", "a heavy shuffle");
# never elsewhere ("swing the big drum a bit": the kick, a little)
SIZES: dict[str, float] = {
    **dict.fromkeys(("slight", "subtle", "light", "gentle", "mild", "small", "little", "tiny", "soft"), LITTLE),
    **dict.fromkeys(("heavy", "hard", "strong", "big", "huge", "massive", "serious", "fat", "thick"), LOT),
}  # fmt: skip
# words that make the swing word after them stronger: "super swingy", "really swung"
INTENSIFIERS = ("super", "really", "very", "extra", "mad", "hella", "seriously", "properly", "extremely")
SWING_WORDS = ("swing", "swingy", "swung", "swingin", "swinging", "shuffle", "shuffled", "shuffly")
_SWING = re.compile(rf" (?:{'|'.join(SWING_WORDS)}) ")
_INTENSIFIED = re.compile(rf" (?:{'|'.join(INTENSIFIERS)}) (?:{'|'.join(SWING_WORDS)}) ")
_SIZED = re.compile(rf" ({'|'.join(SIZES)}) (?:{'|'.join(SWING_WORDS)}) ")
_LESS = re.compile(r" less (?:swing|swingy|swung) | swing less | too (?:swing|swingy|swung|shuffly) ")
_PERCENT = re.compile(
    r" (\d+) (?:percent |% )?swing | swing (?:of |at |to )?(\d+)(?: percent)? | (\d+) percent "
)
# "more" said of the swing asked for: right before the last swing word ("more swing", never "chat said
# more swing so swing the hats a little") or right after a strength ("a touch more", "swing it a lot more")
# a large amount said before "more" or a comparative: "way more swing", "heaps busier", "much louder"
LOTS_BEFORE = ("way", "much", "loads", "tons", "heaps", "lots")
_RELATIVE = re.compile(
    rf" (?:more|less) (?:{'|'.join(SWING_WORDS)}) (?!.* (?:{'|'.join(SWING_WORDS)}) )"
    rf"| (?:little|bit|lot|touch|tad|hair|smidge|{'|'.join(LOTS_BEFORE)}|bunch) more "
)
# a humanize said, and a strength said right before it or within four words after it ("humanize it a
# little", "humanize a lot the bass", "slightly loosen the hats"); "a little more" is relative (no amount)
_HUMANIZE = r"(?:humani[sz]e[sd]?|humani[sz]ing|loosen(?: up)?|less robotic|less stiff|more human)"
_STRENGTH = "|".join(sorted(STRENGTHS, key=len, reverse=True))
_HUMANIZE_STRENGTH = re.compile(
    rf" (?:({_STRENGTH}) {_HUMANIZE}|{_HUMANIZE}(?: \w+){{0,4}}? ({_STRENGTH}))(?! more) "
)
# a share said within four words after the verb ("humanize the drums 30%", "quantize drums strength=0.5")
_HUMANIZE_PERCENT = re.compile(rf" {_HUMANIZE}(?: \w+){{0,4}}? (?:by |at |to )?(\d+) percent ")
_QUANTIZE_PERCENT = re.compile(  # a grid said before the share: "quantize the drums to 1/16 at 75% strength"
    r" quanti[sz]e[sd]?(?: \w+){0,4}?(?: (?:to|on) (?:the )?(?:1 \d+|\d+(?:th|ths|s)?)(?: notes?| grid)?)?"
    r" (?:by |at |to |with )?(\d+) percent "
)
# a change's size said with its comparative (a level or a density): right before it ("a little louder", "way
# busier"), or within four words after it ("turn the kick up a bit", "louder but only a touch");
# never "a lot of" something, a time ("in a bit", "for a bit"), "a bit more" (a size of another "more"), "can
# barely hear", or a complaint's size ("way too loud", "a bit too busy": how far off, not how much to change)
_COMPARATIVE = (
    r"(?:louder|softer|quieter|busier|simpler|sparser|denser|thinner|fuller|harder|punchier|gentler|lighter|"
    r"up|down|back|lower|raise|boost)"
)
_CHANGE_SIZE = re.compile(
    rf" ({_STRENGTH}|{'|'.join(LOTS_BEFORE)})(?: more)? {_COMPARATIVE} "
    rf"| {_COMPARATIVE}(?: (?!and |then |but )\w+){{0,4}}?(?<! in)(?<! for)(?<! after) ({_STRENGTH}) (?!of |more |hear)"
)
# a dial's size said before "more" and its noun or plain adjective ("a lot more energy", "a little more busy",
# "a bit more complex"): a part's own dial always moves from where it is, so "more" takes its size
_DIAL_SIZE = re.compile(
    rf" ({_STRENGTH}|{'|'.join(LOTS_BEFORE)}) (?:more|less) (?:energy|complexity|density|busy|complex|intricate|notes|hits"
    rf"|going on|sparse|dense|simple|energetic|intense) "
)
# a strength said of more than the swing ("a lot of reverb") is another thing's
_NOT_OF_SWING = re.compile(r" (?:lots|loads|tons|heaps|plenty|a ton|a load|a lot) of (?!swing)")


_ADJECTIVE = re.compile(
    r"\b(?:swingy|swingin|swinging|(?<!not )(?<!of )(?<!a )swung)\b(?! (?:on|to|in|from|at|with|over)\b)"
)
# "just a hair", "just a touch": a small amount, no "only" (not "keep just the hats")
_JUST_A = re.compile(r"\bjust (?=a (?:little|tiny|wee|hair|touch|tad|bit|smidge|smidgen|pinch|dash)\b)")
# "little bit" said with no "a" (Indian English, a quick typist): "humanize the hats little bit" is "a little
# bit"; not after a word that already says which ("a", "the", "this", "every", "tiny": "this little bit of it")
_NO_A = re.compile(
    r"(?<![\w'])(?<!\ba )(?<!\bthe )(?<!\bthis )(?<!\bthat )(?<!\bone )(?<!\bevery )(?<!\beach )(?<!\bmy )"
    r"(?<!\byour )(?<!\btiny )(?<!\bwee )(?<!\bteeny )(?=(?:little|tiny|wee) bit\b)"
)


def plainly(lowered: str) -> str:
    """A swing said as an adjective read as the word the rules know ("a lil bit swingy": "a little bit
    swing", "swingier": "more swing"), "little bit" said with no "a" as "a little bit", and "just" before
    a small amount left out ("just a hair")."""
    lowered = _NO_A.sub("a ", re.sub(r"\bswingier\b", "more swing", lowered))
    return _JUST_A.sub("", _ADJECTIVE.sub("swing", lowered))


def swing_said(s: str) -> bool:
    """Whether ``s`` says a swing ("swing", "swingy", "swung", "shuffle")."""
    return _SWING.search(s) is not None


def swing_amount(s: str) -> float | None:
    """The amount of the swing ``s`` says with a strength, or None (no swing, or no strength said)."""
    if not swing_said(s):
        return None
    if _LESS.search(s):
        return LESS
    m = _PERCENT.search(s)
    if m:
        return min(1.0, int(m.group(1) or m.group(2) or m.group(3)) / 100)
    if _RELATIVE.search(s):  # "a touch more swing": relative to the swing the clip has
        return None
    if _INTENSIFIED.search(s):
        return LOT
    sized = _SIZED.search(s)
    if sized is not None:
        return SIZES[sized.group(1)]
    found = [(s.find(f" {p} "), -len(p), a) for p, a in STRENGTHS.items() if f" {p} " in s]
    if not found or _NOT_OF_SWING.search(s):
        return None
    return min(found)[2]


def humanize_amount(s: str) -> float | None:
    """The amount of a humanize said with a strength ("humanize the keys a bit": 0.25, "humanize a lot
    the bass": 0.75, "humanize the drums 30%": 0.3), or None (none said, or said with "more": relative to
    how loose the clip is)."""
    m = _HUMANIZE_STRENGTH.search(s)
    if m is None and (share := _HUMANIZE_PERCENT.search(s)) is not None:
        return min(int(share.group(1)), 100) / 100
    return None if m is None else STRENGTHS[m.group(1) or m.group(2)]


def quantize_strength(s: str) -> float | None:
    """How far toward the grid a quantize said with a share moves the notes ("quantize the drums 50%",
    "quantize=0.5", "quantise the hats to 75 percent strength": 0.5, 0.5, 0.75), or None."""
    m = _QUANTIZE_PERCENT.search(s)
    return None if m is None else min(int(m.group(1)), 100) / 100


def change_size(s: str) -> str | None:
    """ "little" or "lot": the size said of a change of level or density ("make the kick a little louder",
    "way busier", "turn the snare down a touch"), or None where none is said ("louder": the default)."""
    m = _CHANGE_SIZE.search(s)
    if m is None:
        return None
    return _size(m.group(1) or m.group(2))


def dial_size(s: str) -> str | None:
    """ "little" or "lot": the size said of a part's dial moved ("make the drums way busier", "a lot more
    energy", "a touch more complex"), or None where none is said (the dial's one step)."""
    if (size := change_size(s)) is not None:
        return size
    m = _DIAL_SIZE.search(s)
    if m is None:
        return None
    return _size(m.group(1))


def _size(word: str) -> str:
    """ "lot" for a large strength word ("a lot", "way", "heaps"), else "little"."""
    return "lot" if word in LOTS_BEFORE or STRENGTHS[word] == LOT else "little"
