"""The learned reading's likeliest ops said as sentences the rules read as those ops (issue 55): the
suggestions a question offers, the target a reading names, and an intent's op in the schema."""

from __future__ import annotations

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


def op_of(intent: Intent) -> str | None:
    """The schema's op of an understood intent (docs/intents.md), or None."""
    return str(means_of(intent.as_dict())["op"]) if intent.understood else None


def readings(s: str, key: str | None, reading: lr.Reading, ruled: Intent, sure: float) -> list[str]:
    """Up to two sentences the rules read as the likeliest ops: the learned first, then the rules'."""
    ops = [op for op, _ in reading.ops if op not in QUIET]
    ours = op_of(ruled)
    said: list[str] = []
    values = means_of(ruled.as_dict()) if ruled.understood else {}
    for op in dict.fromkeys([ops[0], *([ours] if ours is not None else []), *ops[1:]]):
        target = values.get("target") if op == ours else target_of(reading, s)
        text = _said_as(
            op, target if isinstance(target, str) else None, s, key, values if op == ours else {}, sure
        )
        if text is not None and text not in said:
            said.append(text)
        if len(said) == 2:
            break
    return said


def _said_as(
    op: str, target: str | None, s: str, key: str | None, values: dict[str, object], sure: float
) -> str | None:
    """The op's own sentence on ``target`` with the values said, when the rules read it as ``op`` and
    their reading leaves no value word of it unexplained or uncarried and overrules nothing it says
    (else the op's sentence without the target: "turn the sax track into midi" transcribes the
    selected clip; a suggestion is never asked about)."""
    for on in dict.fromkeys([target, None]):
        text = rephrase.sentence_for(op, on, s, key, values)
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
