"""Voice safety: what a spoken command may start without a spoken "yes".

A recogniser held to the command grammar always hears *some* command, so a misheard sentence
can come out as a valid one: "split the stems" was heard as "flute and an loop loop", which the
parser reads as a MusicGen prompt. Two rules for spoken intents (typed ones are what was typed):

- A MusicGen prompt needs its keyword ("make a loop of ...", "musicgen ...", "a sample of ...",
  ``VOICE_MUSICGEN_KEYWORDS``): sound words alone are refused, with the keyword in the hint.
- A command that starts a heavy job (MusicGen, separation, MIDI-GPT: ``HEAVY_ACTIONS``) or replaces
  material is held until a spoken "yes". pocketsphinx's grammar posterior was probed as the other
  way in and did not separate misheard from right commands (a misheard one scored 0.59, a right
  one 0.46: docs/benchmarks/voice.md, "Voice safety"), so no confidence lets one through.
"""

from __future__ import annotations

from bridge.commands.intent import Intent, unknown
from bridge.commands.vocab import MUSICGEN_TRIGGERS

HEAVY_ACTIONS = ("musicgen", "separate", "infill", "continue", "accompany")  # long jobs on a large model
VOICE_MUSICGEN_KEYWORDS = MUSICGEN_TRIGGERS


def spoken(intent: Intent) -> Intent:
    """The intent a spoken sentence may give: a MusicGen prompt without its keyword becomes unknown."""
    if intent.action != "musicgen":
        return intent
    heard = f" {' '.join(intent.heard.lower().split())} "
    if any(f" {keyword} " in heard for keyword in VOICE_MUSICGEN_KEYWORDS):
        return intent
    return unknown(
        intent.heard,
        f"a MusicGen prompt by voice needs its keyword: say 'make a loop of {intent.params['prompt']}'",
    )


def needs_spoken_yes(intent: Intent) -> bool:
    """True when a spoken intent waits for "yes": it starts a heavy job or replaces material."""
    return intent.action in HEAVY_ACTIONS or intent.needs_confirmation


def starts_heavy_job(intent: Intent, *, source: str) -> bool:
    """Whether running this intent at once, as it came (``source`` "voice" or "typed"), starts a
    heavy job: what a misheard sentence must never do."""
    if intent.action not in HEAVY_ACTIONS:
        return False
    return source != "voice" or not needs_spoken_yes(intent)
