"""The parser's answer: an Intent ``{"action", "part", "params"}``, or "unknown" with suggestions.

An unknown intent carries what was heard and the two known commands nearest to it (by shared
words and spelling, over every sentence ``known`` builds from the vocabulary); executing it
does nothing. Intents that would overwrite a clip (``params["replace"] is True``) need a
confirmation before they run.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from typing import Any

from bridge.commands import likeness as lk
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
    "transpose the melody up a fifth",
    "mute the hats in bar two",
    "a fill every fourth bar",
    "star this take",
    "go back to the previous take",
    "play the drums live",
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

    def steps(self) -> list[Intent]:
        """This request and each later one asked with it (``params["then"]``, issue 55), in order."""
        first = Intent(
            self.action, self.part, {k: v for k, v in self.params.items() if k != "then"}, self.heard
        )
        later = [Intent(str(e["action"]), e.get("part"), dict(e.get("params") or {}), self.heard)
                 for e in self.params.get("then") or []]  # fmt: skip
        return [first, *later]

    def describe(self) -> str:
        """One line for the status bar, e.g. 'adjust drums: density up' ('...; then ...' for each later
        request)."""
        if not self.understood:
            tips = " or ".join(f'"{s}"' for s in self.params.get("suggestions", []))
            return f'did not understand "{self.heard}"; try {tips}'
        if self.params.get("then"):
            return "; then ".join(step.describe() for step in self.steps())
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


@cache
def _candidates() -> tuple[tuple[str, frozenset[str], str], ...]:
    """Every known sentence with its content words and lower-case text (computed once)."""
    return tuple((c, frozenset(_words(c)), c.lower()) for c in dict.fromkeys(EXAMPLES + known_commands()))


_local = threading.local()  # per thread: one matcher per known sentence, its index built once


@cache
def _table() -> lk.Table:
    """The known sentences' words and letters as one table (computed once)."""
    return lk.Table([words for _, words, _ in _candidates()], [low for _, _, low in _candidates()])


def _matchers() -> list[SequenceMatcher[str]]:
    if not hasattr(_local, "matchers"):
        _local.matchers = [SequenceMatcher(None, "", low) for _, _, low in _candidates()]
    return list(_local.matchers)


def suggest(heard: str, count: int = 2) -> list[str]:
    """The ``count`` known commands closest to ``heard``: shared words plus spelling similarity
    (ties keep order). Spelling is measured exactly only where its upper bounds (the letters shared
    in any order, then in order: ``likeness``) could still place the sentence among the best ``count``.
    Kept per exact text and count (lat75: a compound sentence asked the same up to 5 times in one parse);
    the known sentences are fixed for the process, so nothing else can make an answer stale."""
    return list(_suggested(heard, count))


@lru_cache(maxsize=512)
def _suggested(heard: str, count: int) -> tuple[str, ...]:
    lowered = heard.lower()
    table, texts = _table(), [c for c, _, _ in _candidates()]
    best: list[tuple[float, int, str]] = []
    matchers, in_order = _matchers(), table.common_subsequences(lowered)
    for bound, order, shared in table.ranked(frozenset(_words(heard)), lowered):
        text = texts[order]
        if len(best) >= count and bound <= best[count - 1][0]:  # at best a tie, and ties keep order
            break
        if len(best) >= count:  # the longest common subsequence bounds the matched letters too
            at_most = shared + lk.ratio(in_order[order], len(lowered) + table.sizes[order])
            if (-at_most, order) > (-best[count - 1][0], best[count - 1][1]):
                continue  # it would sort after the last of the best, now and from here on
        matchers[order].set_seq1(lowered)
        best.append((shared + matchers[order].ratio(), order, text))
        best.sort(key=lambda b: (-b[0], b[1]))
    return tuple(text for _, _, text in best[:count])


def unknown(heard: str, reason: str, first: list[str] | None = None) -> Intent:
    """An intent that does nothing and says what was heard, why, and things to try: ``first`` (the
    examples a question gives), then the two known commands nearest to what was heard."""
    tips = list(dict.fromkeys([*(first or []), *suggest(heard)]))
    return Intent(UNKNOWN, None, {"heard": heard, "reason": reason, "suggestions": tips}, heard)


def carried(intent: Intent, clause: Intent) -> bool:
    """Whether the whole sentence's intent already does what a clause of it says on its own."""
    if clause.action in (intent.action, "confirm"):
        return True
    if clause.action == "set_tempo" and "tempo_bpm" in intent.params:  # "... and the tempo to 100"
        return True
    folded = {"adjust": "adjust", "set_key": "key", "set_tempo": "tempo_bpm"}  # into a generate
    return intent.action == "generate" and (
        clause.action == "adjust" or folded.get(clause.action, "-") in intent.params
    )
