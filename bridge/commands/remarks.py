"""What a clause of a compound sentence is when it is no request (issue 55): a description, a reason,
a protection, or a value the intent already carries.

A later clause ("make a beat and ...") is a thing left undone only when it is a request of its own:
it starts, after fillers and polite frames ("can you", "i want you to"), with a command or errand
verb ("email it to my label", "quantize it"), or with a word followed by its object ("post it
online"). A feeling or a mood ("... i want it dark and punchy", "sweet like a lullaby", "kind of
drunk"), a statement ("its shrill and piercing up there"), or a protection ("and leave the rest") is
not. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bridge.commands import vocab as v
from bridge.commands.intent import Intent, carried
from bridge.commands.known import clauses, unknown_clauses

_LEAD = re.compile(
    r"^(?:(?:so|also|then|just|please|and|but|maybe|now|oh|ok|okay|yeah|hey|really|actually|quickly|"
    r"(?:can|could|would|will) (?:you|u)|(?:i|we) (?:want|need|would like|d like) (?:you|u) to|id like (?:you|u) to|"
    r"lets|let s|let us|go ahead and|try to|remember to|(?:dont|do not) forget to|dont|do not) )+"
)
# verbs of requests MuseAroo does not do as well as its own: they start a request whatever follows
# a clause that starts with one of these asks for something (a command, an errand, mixing work)
_VERBS = v.CHANGE_VERBS | frozenset({
    "email", "mail", "text", "call", "ring", "phone", "message", "dm", "send", "upload", "post", "share",
    "export", "bounce", "save", "publish", "tweet", "download", "print", "master", "mix", "autotune",
    "record", "remind", "book", "order", "buy", "pay", "invite", "schedule", "render", "normalize",
    "delete", "put", "bring", "pull", "cut", "raise", "lower", "boost", "name", "rename", "star", "compare",
    "loop", "duplicate", "copy", "clean", "tidy", "speed", "slow", "set", *v.GENERATE_VERBS,
})  # fmt: skip
_OBJECT = frozenset({"it", "them", "em", "this", "that", "these", "those", "the", "my", "our", "your", "his",
                     "her", "their", "a", "an", "some", "me", "us", "him", "everything", "all", "every", "each"})  # fmt: skip
# "and leave the rest", "keep everything else as it is": what a change leaves alone anyway
_KEEP_THE_REST = re.compile(
    r"^(?:leave|keep) (?:the rest|all the rest|everything(?: else)?|all(?: else)?|the others|the other (?:bars|parts)"
    r"|the remainder)(?: (?:alone|untouched|as is|as it is|as they are|the same|intact|unchanged))?$"
)


def requested(clause: str) -> bool:
    """Whether a clause (normalised words) is a request of its own, not a description, a reason or a
    protection: a command or errand verb first, or a first word followed by its object."""
    words = _LEAD.sub("", " ".join(clause.split()) + " ").split()
    if not words or _KEEP_THE_REST.match(" ".join(words)):
        return False
    return words[0] in _VERBS or (len(words) > 1 and words[1] in _OBJECT and words[0] not in _SUBJECTS)


def verb_first(clause: str) -> bool:
    """Whether a clause (normalised words) starts, after fillers and polite frames, with a command or
    errand verb ("and then solo the bass", "email it to my label"), or presses a transport button ("hit
    play"): a request of its own."""
    words = _LEAD.sub("", " ".join(clause.split()) + " ").split()
    return bool(words) and (words[0] in _VERBS or " ".join(words[:2]) in _TRANSPORT)


# a transport button pressed: "hit play", "press stop" (the verb alone is no request: "hit the snare harder")
_TRANSPORT = frozenset(
    f"{verb} {button}" for verb in ("hit", "press", "push", "smash") for button in ("play", "stop")
)


_SUBJECTS = frozenset(
    {"i", "we", "you", "u", "they", "it", "its", "this", "that", "thats", "there", "he", "she"}
)


def undone(intent: Intent, s: str, read_alone: Callable[[str], Intent]) -> list[str]:
    """The later clauses of the normalised sentence ``s`` that ask for what ``intent`` does not do:
    a request that names nothing known ("and email it to my label"), and a clause the rules read
    alone (``read_alone``) as another action when it says a target or a value ("and the bass line
    simpler", "and the tempo to 100") or has a request's shape ("and make it half time"), unless an
    option of the intent does it ("transcribe this loop and quantize it": the transcription's)."""
    left = [clause for clause in unknown_clauses(s) if requested(clause)]
    for clause in clauses(s)[1:]:
        alone = read_alone(clause)
        if not alone.understood or clause in left or carried(intent, alone):
            continue
        if str(alone.params.get("kind", "")) in intent.params or _listed(intent, clause, alone):
            continue
        valued = any(w.isdigit() or w == "_key_" for w in clause.split())
        if alone.part is not None or valued or requested(clause):
            left.append(clause)
    return left


def _listed(intent: Intent, clause: str, alone: Intent) -> bool:
    """Whether a clause is the next item of the intent's list of drum voices, with what is said of it
    ("keep only the kick and the claps, the rest ...", "keep the kick and the snare on the drums"): it
    starts with a voice the intent already changes, and read alone it only names a part (a new one made,
    no change said), so it asks for nothing the intent does not do."""
    voices = {v.rstrip("s") for v in str(intent.params.get("voices", "")).split(",") if v}
    words = [w for w in clause.split() if w not in ("and", "the", "also")]
    return alone.action == "generate" and bool(words) and words[0].rstrip("s") in voices
