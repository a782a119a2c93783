"""A complaint that one part hides another, read with the request beside it (issue 55).

"bring the drums down in the intro, they're drowning out the piano": the direction said to a part
wins over the complaint, and the part hidden ("the piano") is no target. Without a direction the
complaint says one: the part that drowns another out is too loud ("the pads are swamping the
vocal"), the part drowned out too quiet ("the piano is getting buried by the drums"). A pronoun
of the request points where its direction makes sense: what is turned down is what hides, what is
turned up is what is hidden ("the pads drown out the melody, pull them back": the pads; "the vocal
is drowned by the pads, bring it up": the vocal).

``plain`` rewrites a normalised, padded sentence into the request it makes ("turn the drums down
in the intro"), which the rules read as they read any; a sentence with no such complaint is
returned as it was.
"""

from __future__ import annotations

import re

# "X is drowning out Y": X hides Y
_ACTIVE = (
    r"(?:drowning|drowns|drown|masking|masks|mask|burying|buries|bury|swamping|swamps|swamp|smothering|"
    r"smothers|smother|overpowering|overpowers|overpower|stepping on|steps on|step on|covering up|covers up|"
    r"cover up|walking all over|walks all over|walk all over|eating up|eats up|eat up)"
)
# "Y is drowned out (by X)": Y is hidden
PASSIVE = ("drowned", "buried", "masked", "swamped", "smothered", "overpowered", "covered up", "getting lost",
           "gets lost", "get lost", "got lost", "lost in the mix")  # fmt: skip
_PASSIVE = "(?:" + "|".join(PASSIVE) + ")"
# the words of hiding: a part said after one is what is heard against, no target (``unexplained``)
HIDES = frozenset(
    w
    for w in re.findall(r"[a-z]+", _ACTIVE + _PASSIVE)
    if w.startswith(("drown", "mask", "bur", "swamp", "smother", "overpower"))
)
# "the snare is drowning in the mix": a part drowning IN something is hidden, no part hiding another
_COMPLAINT = re.compile(
    rf" (?:(?P<active>(?!drown(?:ing|s)? in\b){_ACTIVE})|(?P<passive>{_PASSIVE}))(?: out)?(?= )"
)
# words between a part and its verb ("the pads are really drowning"), skipped when looking back
_BETWEEN = frozenset(
    {"is", "are", "s", "re", "was", "were", "keeps", "keep", "been", "has", "have", "just", "really", "totally",
     "kinda", "completely", "always", "still", "kind", "of", "getting", "get", "gets", "being", "sort", "a", "bit",
     "kept", "seem", "seems", "to", "be", "sorta", "like", "basically", "pretty", "much"}
)  # fmt: skip
_DETERMINERS = frozenset(
    {"the", "those", "that", "my", "our", "your", "these", "this", "her", "his", "their"}
)
# a pronoun that names the part before it ("they're drowning out the piano")
_PRONOUNS = frozenset({"it", "its", "they", "theyre", "them", "that", "thats", "those", "this", "em"})
# words that end a part's name after its verb ("drowning out the piano in the chorus, pull them back")
_ENDS = _PRONOUNS | frozenset(
    {"in", "on", "at", "so", "and", "but", "by", "under", "with", "from", "during", "for", "too", "a", "when",
     "right", "now", "completely", "totally", "again", "all", "can", "could", "please", "pls", "then", "i", "we",
     "you", "bring", "turn", "pull", "push", "take", "knock", "drop", "dial", "roll", "ease", "tame", "lower",
     "boost", "raise", "lift", "make", "just", "maybe"}
)  # fmt: skip
_PEOPLE = frozenset({"i", "we", "you", "he", "she", "everyone", "everybody", "nobody", "one"})
# what hides a part, said after it ("buried by the pads", "lost in the sample"; not a place: "in the chorus")
_MASKER = re.compile(
    r"^ (?:by|under|underneath|beneath|behind|below|in) (?!(?:the |this |that )?(?:intro|verse|chorus|bridge|drop|"
    r"outro|breakdown|hook|section|part|bars?|first|last|second|third|end|start|beginning|middle|half)\b)"
)
_OBJECT = r"(?P<obj>(?:the|those|that|my|our|your|these|this) \w+(?: \w+)?|it|them|those|that|this|em)"
# the request: a part turned down or up, said with a verb of direction
_DOWN = tuple(
    re.compile(f" {said}(?= )")
    for said in (
        rf"(?:bring|turn|pull|push|dial|roll|ease|sit|tuck|settle|nudge) {_OBJECT} (?:down|back|lower)",
        rf"(?:take|knock|drop) {_OBJECT} down",  # not "take the hats off": taken out
        rf"(?:tame|lower|quieten|quiet|soften|duck|reduce) {_OBJECT}",
        rf"(?:pull|back|ease|dial|roll) (?:back|off) (?:on )?{_OBJECT}",
    )
)
_UP = tuple(
    re.compile(f" {said}(?= )")
    for said in (rf"(?:bring|turn|push|pull|nudge|lift) {_OBJECT} up", rf"(?:boost|raise|lift) {_OBJECT}")
)


def plain(s: str) -> str:
    """``s`` without a complaint of one part hiding another, the request it makes said plainly."""
    found = _COMPLAINT.search(s)
    if found is None:
        return s
    words = s.split()
    at = len(s[: found.start()].split())  # the verb's index among the words
    verb = len(found.group(0).split())
    before, start = _named_before(words, at)
    active = found.group("active") is not None
    after, end = _named_after(words, at + verb) if active else (None, at + verb)
    if not active and (by := _MASKER.match(" " + " ".join(words[end:]) + " ")) is not None:
        masker, end = _named_after(words, end + len(by.group(0).split()))  # "buried by the pads"
        hider, hidden = masker, before
    else:
        hider, hidden = (before, after) if active else (None, before)
    if hider is None and hidden is None:
        return s
    rest = " " + " ".join([*words[:start], "_", *words[end:]]) + " "
    for patterns, who, way in ((_DOWN, hider, "down"), (_UP, hidden, "up")):
        for asked in filter(None, (pattern.search(rest) for pattern in patterns)):
            obj = asked.group("obj")
            part = who if obj.split()[0] in _PRONOUNS and who is not None else obj
            rest = rest[: asked.start()] + f" turn {part} {way}" + rest[asked.end() :]
            return " " + " ".join(w for w in rest.split() if w != "_") + " "
    request = [w for w in rest.split() if w != "_"]
    if active and hider is not None and hider.split()[0] in _PRONOUNS:  # "take the hats out, they're
        return " " + " ".join(request or ["make", "it", "softer"]) + " "  # drowning the snare": the reason
    if not active or hider is None or hider.split()[0] in _PRONOUNS:
        return s  # "the piano is getting buried": the hidden part, made louder (``compose``)
    return " " + " ".join(rest.replace(" _ ", f" {hider} too loud ").split()) + " "


def _named_before(words: list[str], at: int) -> tuple[str | None, int]:
    """The part (or pronoun) named just before word ``at``, and the index its name starts at."""
    i = at - 1
    while i >= 0 and words[i] in _BETWEEN:
        i -= 1
    if i < 0 or words[i] in _PEOPLE:
        return None, at
    if words[i] in _PRONOUNS:
        return words[i], i
    for back in (1, 2):  # "the pads", "the lead vocal"
        if i - back >= 0 and words[i - back] in _DETERMINERS:
            return " ".join(["the", *words[i - back + 1 : i + 1]]), i - back
    return f"the {words[i]}", i


def _named_after(words: list[str], at: int) -> tuple[str | None, int]:
    """The part named from word ``at`` on ("out the piano", "everything"), and the index after it."""
    i = at
    if i < len(words) and words[i] in _DETERMINERS:
        i += 1
    j = i
    while j < len(words) and j - i < 2 and words[j] not in _ENDS and words[j] not in _DETERMINERS:
        j += 1
    if j == i:
        return None, at
    if j < len(words) and words[j] == "out":  # "drowning everything out"
        j += 1
    return " ".join(["the", *(w for w in words[i:j] if w != "out")]), j
