"""Nigerian Pidgin and its text speak said in the plain English the readers know (issue 55, round 17).

``pidgin(text)`` is taken by ``plain_words.plain`` after the text speak, so the rules and the learned
reading both read the plain sentence. It rewrites:

- "d" for "the" ("d hook", "leave d kick"), never where D is a note or a key ("in d minor", "key of d",
  "d sharp", "up to d", "a d chord");
- "am" for it or them after a verb ("quantize am", "fix am"), never "i am" or "9 am"; "e" for it
  ("make e simple", "e dey too loud"), never the note E ("in e minor", "e flat", "to e");
- "wey" for that, "wetin" for what, "dey" for is / are, "abeg" for please, "abit" for a bit, "i don"
  for "i have", "make i hear am" for "so i can hear it";
- "small" said after a change for a little ("reduce am small"); "make e simple", "make am loud": the
  word of how said plainly as more of it ("make it more simple", read as simpler).

A sentence with none of these is returned as it was. Stdlib only.
"""

from __future__ import annotations

import re

# the words after a letter that make it a note or a key ("d minor", "e flat", "a d chord", "d7")
_NOTE_AFTER = (
    r"(?:minor|major|maj|min|m|sharp|flat|natural|dorian|phrygian|lydian|mixolydian|aeolian|locrian|chord|"
    r"note|key|pedal|root|scale|sus\w*|dim\w*|aug\w*|and|or|then|to|in|on|at|for|with|but|so|instead|please|pls|"
    r"abeg|now|too|rather|because|as|if|is|dey)"
)
# the words before a letter that make it a note ("in d", "key of d", "up to d", "a d")
_NOTE_BEFORE = (
    r"(?<!\bin )(?<!\bof )(?<!\bto )(?<!\binto )(?<!\bfrom )(?<!\bkey )(?<!\ba )(?<!\ban )(?<!\bon )"
)
# a place after "d" is always "the" ("in d verse", "from d top")
_PLACE = r"(?:intro|verse|chorus|hook|bridge|drop|outro|breakdown|pre|first|second|third|last|top|start|end|middle|whole)"
_D = re.compile(
    rf"(?<!['’])(?:{_NOTE_BEFORE}\bd\b(?![#♯♭'’]| ?\d)(?= (?!{_NOTE_AFTER}\b)[a-z])|(?<!['’])\bd\b(?= {_PLACE}s?\b)"
    r"|(?<!['’])\bd\b(?= (?:key|scale) of\b))",  # "change d key of this clip": the key of it
    re.I,
)
_E = re.compile(
    rf"(?<!['’]){_NOTE_BEFORE}(?<!\bthe )\be\b(?![#♯♭'’]| ?\d)(?= (?!{_NOTE_AFTER}\b|dey\b)[a-z])", re.I
)
_E_DEY = re.compile(r"(^|[,.;:!?]\s*|\b(?:and|but|so|because|cos|cuz|abeg)\s+)e dey\b", re.I)
_HOW = (
    r"simple|loud|soft|busy|quiet|fast|slow|high|low|deep|short|long|tight|loose|dark|bright|full|thin|big|"
    r"heavy|hard|light|sparse|wide|warm|clean|clear|calm|strong"
)

PIDGIN: tuple[tuple[re.Pattern[str], str], ...] = (
    # "make i hear am", "make we hear am well": so I can hear it
    (re.compile(r"\bmake (i|we) hear (?:am|e)(?: well| clear| properly)?\b", re.I), r"so \1 can hear it"),
    (re.compile(r"\bmake (i|we) hear\b", re.I), r"so \1 can hear"),
    (re.compile(r"\bno dey\b", re.I), "is not"),
    (re.compile(r"\bi don(?![\w'’])", re.I), "i have"),
    (re.compile(r"\bwey go\b", re.I), "that will"),
    (re.compile(r"\bwey\b", re.I), "that"),
    (re.compile(r"\bwetin\b", re.I), "what"),
    (re.compile(r"\babeg\b", re.I), "please"),
    (re.compile(r"\babit\b", re.I), "a bit"),
    # "reduce am small", "lower d hats small small": a little (never "a small room", "too small")
    (re.compile(r"(?<!\ba )(?<!\bthe )(?<!\btoo )(?<!\bso )(?<!\bvery )(?<!\bdey )(?<!\bis )(?<!\bare )"
                r"\bsmall(?: small)?\b(?=\s*(?:$|[,.;!?]|(?:for|in|on|abeg|please|then|and|so|make)\b))", re.I),
     "a little"),
    # "make e simple", "make am loud": more of it (a learner's "more simple" is then read as simpler)
    (re.compile(rf"\bmake (?:e|am) (?=(?:{_HOW})\b)", re.I), "make it more "),
)  # fmt: skip
_AM = re.compile(
    r"(?<![\d:])(?<!\d )(?<!\bhow )(?<!\bwhat )(?<!\bwhere )(?<!\bwho )(?<!\bwhy )(?<!\bi )(?<!\bi'm )\bam\b(?!['’]| i\b)",
    re.I,
)
_DEY_PLURAL = re.compile(r"\b(\w+s) dey\b", re.I)


def pidgin(text: str) -> str:
    """The sentence with its Pidgin said plainly (see the module docstring)."""
    if not re.search(r"\b(?:d|e|am|wey|wetin|dey|abeg|abit|don|small)\b", text, re.I):
        return text
    for said, meant in PIDGIN:
        text = said.sub(meant, text)
    text = _E_DEY.sub(r"\1it dey", text)  # "e dey too loud": it is
    text = _D.sub("the", text)
    text = _E.sub("it", text)
    text = _AM.sub("it", text)
    text = _DEY_PLURAL.sub(r"\1 are", text)
    return re.sub(r"\bdey\b", "is", text, flags=re.I)
