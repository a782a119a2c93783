"""A number said without its unit read again through the op's own sentence (issue 55): "extend the melody another
8" is 8 bars, "a house beat 124" 124 bpm; split from ``agree`` (round 39), which asks this where the word
left unexplained is a bare value (``bare_values``). Only the chosen op, only where nothing read is lost."""

from __future__ import annotations

from bridge.commands import explain, guards, leftover_values
from bridge.commands import reader as lr
from bridge.commands.bare_values import with_units
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from bridge.commands.suggested import op_of
from bridge.commands.unexplained import unexplained
from bridge.commands.weighing import read_as


def fuller_reading(heard: str, s: str, key: str | None, chosen: Intent, reading: lr.Reading) -> Intent | None:
    """The chosen op (the learned reading's likeliest too) read again through its own sentence with the
    values said (tried where the word left is a number said without its unit: ``bare_values``), when
    that reading leaves no word unexplained or uncarried and loses nothing ``chosen`` read; else None."""
    op, read = op_of(chosen), means_of(chosen.as_dict())
    if op is None or op != reading.ops[0][0] or isinstance(read.get("target"), list):
        return None
    target = read.get("target")
    said = " ".join(with_units(s).replace(" _key_ ", f" {key} ").split())  # "a house beat 124 bpm"
    whole = rules(said)  # "a house beat 124 bpm", "half time the drums the last 8 bars"
    for again in (read_as(op, target if isinstance(target, str) else None, heard, s, key), whole):
        if again is None or op_of(again) != op or unexplained(heard, again):
            continue
        again = Intent(again.action, again.part, again.params, heard)
        if leftover_values.unsaid(heard, again) is None and not guards.lost(read, means_of(again.as_dict())):
            # the target judged as ``chosen``'s was (not at all): "new beat whole song ..." is the song, whatever
            # "beat" names; every action word still judged ("undo the swing, the last 2 changes": which change?)
            same = means_of(again.as_dict()).get("target") == target
            if explain.explains(again, heard, op, target_said=not same):
                return again
    return None
