"""The learned reading's likeliest ops said as sentences the rules read as those ops (issue 55): the
suggestions a question offers, the target a reading names, and an intent's op in the schema."""

from __future__ import annotations

import re

from bridge.commands import carried, explain, guards, rephrase
from bridge.commands import reader as lr
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.unexplained import unexplained

QUIET = ("none", "ask")  # the learned reading's "not a command" and "cannot be done without asking"
# a learned target of these is taken only when the sentence says a part ("keep this riff going": the clip)
UNSAID_PARTS = ("drums", "bass", "chords", "melody")
# the rules' values another op's suggestion says too: said in the sentence whatever op reads them
# ("move the bass down to D major" read as set: "transpose the bass line to D major")
BORROWED = ("key", "genre")
# ops that undo each other: one offered where the other is said is the opposite of what was said
CONTRARY = ({"busier", "simpler"}, {"louder", "softer"}, {"mute", "unmute"}, {"quantize", "humanize"},
            {"undo", "redo"}, {"star", "unstar"}, {"jam_start", "jam_stop"})  # fmt: skip
# readings that contradict each other; stop and cancel: Live's playback stopped, or the job running cancelled;
# "remove" beside "simpler" and "keep only" is another way, never the opposite ("more space": fewer or none)
OPPOSITES = (*CONTRARY, {"stop", "cancel"}, {"keep_only", "remove"}, {"simpler", "remove"})
# an op's own word, said plainly ("make the drums louder"); "quieter" is softer's too
_OWN_WORDS = {"softer": ("softer", "quieter")}
_NEGATED = re.compile(r"\b(?:not|dont|don t|never|no|without)\b")


def op_of(intent: Intent) -> str | None:
    """The schema's op of an understood intent (docs/intents.md), or None."""
    return str(means_of(intent.as_dict())["op"]) if intent.understood else None


def readings(s: str, key: str | None, reading: lr.Reading, ruled: Intent, sure: float) -> list[str]:
    """Up to two sentences the rules read as the likeliest ops: the learned first, then the rules'.
    The rules' op is said on their target (a list of parts too), else on the learned one ("unmute the
    drums but leave everything else muted": the drums); another op borrows the values they read that
    the sentence says (``BORROWED``)."""
    ours = op_of(ruled)
    # "make the drums louder and more trappy": never "make the drums softer" (the head's reading, 0.42)
    against = opposite_of_said(ours, s)
    ops = [op for op, _ in reading.ops if op not in QUIET and op not in against]
    said: list[str] = []
    values = means_of(ruled.as_dict()) if ruled.understood else {}
    borrowed = {k: values[k] for k in BORROWED if k in values}
    learned = target_of(reading, s)
    top = next((op for op, _ in reading.ops if op not in QUIET), None)
    # the head's likeliest the contrary of what was said: the rules' op is offered first
    first = [ours] if top in against and ours is not None else ops[:1]
    for op in dict.fromkeys([*first, *([ours] if ours is not None else []), *ops]):
        own = values.get("target") if op == ours else None
        for targets in _choices(own, learned, op == top):
            text = _said_as(op, targets, s, key, values if op == ours else borrowed, sure)
            if text is not None and text not in said:
                said.append(text)
        if len(said) >= 2:
            break
    return said[:2]


def _said(op: str, s: str) -> bool:
    """Whether the normalised sentence ``s`` says ``op`` in its own word ("louder", "busier", "unmute")."""
    return any(re.search(rf"\b{w}\b", s) for w in _OWN_WORDS.get(op, (op,)))


def opposite_of_said(op: str | None, s: str) -> set[str]:
    """The ops contrary to ``op`` (``CONTRARY``) where the sentence says ``op`` plainly, no contrary word and
    no negation beside it: a question never offers the opposite of what was said; else none."""
    if op is None or not _said(op, s) or _NEGATED.search(s):
        return set()
    return {o for pair in CONTRARY if op in pair for o in pair - {op} if not _said(o, s)}


def _choices(own: object, learned: str | None, agreed: bool) -> list[list[str | list[str]]]:
    """The targets each suggestion of an op is tried on in turn: the rules', then the learned one. Where
    both readings give the op (``agreed``: the learned reading's likeliest) and the rules read several
    parts, the learned reading one of them ("leave the kick alone but take the hats out": the kick and
    the hats, or the hats), each is a suggestion, the learned one first (the head names one part only:
    it is no evidence against a list where it reads another op)."""
    if agreed and isinstance(own, list) and learned is not None and learned in own:
        return [[learned], [own]]
    return [[t for t in (own, learned) if isinstance(t, str | list)]]


def _said_as(
    op: str, targets: list[str | list[str]], s: str, key: str | None, values: dict[str, object], sure: float
) -> str | None:
    """The op's own sentence on the first of ``targets`` with the values said, when the rules read it as
    ``op`` and their reading leaves no value word of it unexplained or uncarried and overrules nothing
    it says (else on the next, else the op's sentence without a target: "turn the sax track into midi"
    transcribes the selected clip; a suggestion is never asked about)."""
    tried: list[str | list[str] | None] = []
    for on in [*targets, None]:
        if on in tried:
            continue
        tried.append(on)
        text = rephrase.sentence_for(op, on, s, key, values, offered=True)
        again = rules(text) if text is not None else None
        if text is not None and again is not None and op_of(again) == op and _acted(text, again, sure):
            return text
    return None


def _acted(text: str, again: Intent, sure: float) -> bool:
    """Whether the rules' reading ``again`` of a suggestion ``text`` would be acted on as it is."""
    said = normalize(text)[0]
    return (
        not unexplained(text, again)
        and carried.unsaid(text, again) is None
        and not guards.overrules(again, said, 1.0, sure)
    )


def target_of(reading: lr.Reading, s: str) -> str | None:
    """The learned target, its name read from the sentence when it is a track; else the sentence's.
    A part the sentence names no part for is none ("keep this riff going": the clip it points at;
    "adjust the levels": no part to guess)."""
    named = explain.target_in(s)
    if reading.target == "track":
        return named if named is not None and named.startswith("track:") else None
    if reading.target in UNSAID_PARTS and named is None:
        return None
    return reading.target or named
