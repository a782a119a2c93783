"""The parser's answer: an Intent ``{"action", "part", "params"}``, or "unknown" with suggestions.

An unknown intent carries what was heard and the two known commands nearest to it (by shared
words and spelling, over every sentence ``known`` builds from the vocabulary); executing it
does nothing. Intents that would overwrite a clip (``params["replace"] is True``) need a
confirmation before they run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from bridge.commands.known import known_commands
from bridge.commands.vocab import REPLACING_ACTIONS

UNKNOWN = "unknown"

# One example per action: the help text (suggestions come from these and every known command).
EXAMPLES = (
    "make the drums busier",
    "generate a bass line in A minor for eight bars",
    "four bars of jazz chords",
    "vary the melody",
    "tempo one hundred twenty",
    "set the key to F sharp minor",
    "analyze this clip",
    "split the stems",
    "lofi piano loop with vinyl crackle",
    "warp this to the song",
    "a bassline for my chords",
    "remove the hats",
    "make it half time",
    "transpose to E",
    "double the tempo",
    "play",
    "stop",
    "undo that",
    "cancel",
    "help",
)


@dataclass(frozen=True)
class Intent:
    action: str
    part: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    heard: str = ""  # the text as typed or transcribed

    @property
    def understood(self) -> bool:
        return self.action != UNKNOWN

    @property
    def needs_confirmation(self) -> bool:
        """True when running this would overwrite an existing clip."""
        return self.action in REPLACING_ACTIONS and self.params.get("replace") is True

    def as_dict(self) -> dict[str, Any]:
        return {"action": self.action, "part": self.part, "params": dict(self.params)}

    def describe(self) -> str:
        """One line for the status bar, e.g. 'adjust drums: density up'."""
        if not self.understood:
            tips = " or ".join(f'"{s}"' for s in self.params.get("suggestions", []))
            return f'did not understand "{self.heard}"; try {tips}'
        words = [self.action.replace("_", " ")]
        if self.part:
            words.append(self.part)
        text = " ".join(words)
        if self.params:
            text += ": " + ", ".join(f"{k} {v}" for k, v in sorted(self.params.items()))
        return text


_STOPWORDS = frozenset({"a", "an", "the", "this", "that", "to", "of", "in", "for", "is", "it", "me", "with"})


def _words(text: str) -> set[str]:
    return set(text.lower().split()) - _STOPWORDS


def suggest(heard: str, count: int = 2) -> list[str]:
    """The ``count`` known commands closest to ``heard``: shared words, then spelling (ties keep order)."""
    heard_words = _words(heard)
    lowered = heard.lower()

    def closeness(example: str) -> float:
        ex = _words(example)
        shared = len(ex & heard_words) / len(ex | heard_words) if heard_words else 0.0
        return shared + SequenceMatcher(None, lowered, example.lower()).ratio()

    ranked = sorted(dict.fromkeys(EXAMPLES + known_commands()), key=lambda ex: -closeness(ex))
    return ranked[:count]


def unknown(heard: str, reason: str) -> Intent:
    """An intent that does nothing and says what was heard, why, and two things to try."""
    return Intent(UNKNOWN, None, {"heard": heard, "reason": reason, "suggestions": suggest(heard)}, heard)
