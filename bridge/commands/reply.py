"""What a spoken command leads to, and what is said back: one answer for `roo listen` and /roo/voice/stop.

The recogniser's ``Decision`` (``confidence.decide``) is gated by the voice's ``Trust`` (a sure
command is said back until the voice has earned trust) and then named in a producer's words:

- "act": done at once;
- "read back": said back and done only on "yes" (a key, tempo or scale change, a replace, a long
  job, any sure command while the voice has not earned trust, or a song change the two recognisers
  did not both write: then what each heard and what would be done are said, ``spoken_check``);
- "ask": two readings that lead to different actions are offered ("did you mean A or B?");
- "refuse": no reading is a command; nothing is done and two sentences that are understood are
  suggested.

``says`` is the line the daemon answers with before anything runs (for "act", what it is about to
do; the status line after it runs names what was done).
"""

from __future__ import annotations

from dataclasses import dataclass

from bridge.commands.confidence import Decision
from bridge.commands.intent import Intent
from bridge.commands.safety import needs_spoken_yes
from bridge.commands.spoken_check import is_check
from bridge.commands.trust import Trust

WHAT = {"act": "act", "confirm": "read back", "ask": "ask", "refuse": "refuse"}


@dataclass(frozen=True)
class Reply:
    decision: Decision  # after the voice's trust
    what: str  # "act", "read back", "ask" or "refuse"
    says: str  # the line said back

    def as_dict(self) -> dict[str, object]:
        d = self.decision
        return {
            "decision": self.what,
            "says": self.says,
            "choices": [c.heard for c in d.choices],
            "why": d.why,
        }


def reply(decision: Decision, trust: Trust) -> Reply:
    """The recogniser's ``decision`` for a voice with ``trust``: what is done and what is said."""
    gated = trust.gate(decision)
    intent = gated.intent
    heard = f'heard "{intent.heard}"'
    if gated.kind == "refuse":
        return Reply(gated, "refuse", refusal(intent))
    if gated.kind == "act" or (gated.kind == "confirm" and needs_spoken_yes(intent)):
        held = held_for_yes(intent, source="voice")
        if held:
            return Reply(gated, "read back", f"{heard}: {held}")
        return Reply(gated, "act", f"{heard}: {intent.describe()}")
    if is_check(gated):  # what each recogniser heard, then what would be done (issue 56 part J)
        says = f'{gated.why}: do "{intent.heard}" ({intent.describe()})? Say yes to do it, or no'
        return Reply(gated, "read back", says)
    why = f" ({gated.why})" if gated.why else ""
    return Reply(gated, WHAT[gated.kind], f"{heard}: {gated.question}{why}")


def refusal(intent: Intent) -> str:
    """What is said for an intent that is no command: why, and two sentences to try."""
    tips = " or ".join(f'"{s}"' for s in intent.params.get("suggestions", []))
    reason = intent.params.get("reason", "not a command")
    return f'heard "{intent.heard}": not understood ({reason}); nothing was done. Try {tips}'


def held_for_yes(intent: Intent, *, source: str) -> str:
    """Why /roo/command holds ``intent`` for a "yes" (a replace; a long job said by voice), or "".
    Several requests in one sentence (``params["then"]``) are held together when any one needs a yes."""
    steps = intent.steps()
    if len(steps) > 1:
        held = [(n, why) for n, step in enumerate(steps) if (why := held_for_yes(step, source=source))]
        return (
            "" if not held else f"step {held[0][0] + 1} of {len(steps)}: {held[0][1]}; a yes runs every step"
        )
    if intent.needs_confirmation:
        return 'this replaces the existing clip; say "yes" to replace it or "no" to keep it'
    if source == "voice" and needs_spoken_yes(intent):
        return f'this starts a long job ({intent.describe()}); say "yes" to start it or "no" to drop it'
    return ""
