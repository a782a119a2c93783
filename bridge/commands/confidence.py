"""Knowing when a spoken command is unsure: from the recogniser's own scores to act, say back, ask or refuse.

A recogniser reports a ``Hearing``: its readings of the utterance, best first, each with its score
(pocketsphinx: the lattice's n-best paths; Whisper: beam search's sequences), how well the best
one fits the audio, and the posterior of each word of the best one. ``decide`` parses every
reading under the voice rules and turns them into one ``Decision``:

- "act": the best intent is clearly ahead (its margin over the next *different* intent, per frame
  of audio, is at least ``margin``), fits the audio, and every word that decides it (a part, a
  genre, a key, a scale, an action verb: a word of the command vocabulary) is sure;
- "confirm": as sure, but it sets the key, tempo or scale, replaces a clip, or starts a long job:
  it is said back and done only on "yes";
- "ask": not clearly ahead, or a deciding word is unsure: the two likeliest readings are offered
  ("did you mean 'double time the drums' or 'tone down the drums'?"), and the answer "yes" (the
  first), "the first" or "the second" picks one (bridge/actions/intents/voice.py);
- "refuse": no reading is a command.

pocketsphinx also gives a second opinion (``recheck``): the decode at the next best frequency warp
(``warps.py``), or with one warp the audio decoded again over a louder noise floor. When that
reading's intent differs, the two are what is asked about, whatever the scores say (on the tuning
set it caught most wrong readings that were clearly ahead, and often heard the intended one
where the first decode did not).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bridge.commands.intent import Intent
from bridge.commands.known import vocabulary_words
from bridge.commands.parser import parse
from bridge.commands.safety import HEAVY_ACTIONS, spoken

# Actions whose spoken form is always said back before it runs (besides a replace or a heavy job).
READ_BACK_ACTIONS = ("set_key", "set_tempo")


@dataclass(frozen=True)
class Reading:
    text: str
    score: float  # the recogniser's log score of this reading (higher is likelier), its own units


@dataclass(frozen=True)
class Hearing:
    readings: tuple[Reading, ...]  # best first, distinct texts
    frames: int = 1  # the utterance's length in the recogniser's frames (margins are per frame)
    fit: float = 0.0  # how well the best reading fits the audio, per frame (higher is better)
    posteriors: dict[str, float] = field(default_factory=dict)  # word of the best reading -> posterior
    scored: bool = True  # False: a recogniser without scores (one reading, taken as sure)
    searches_agree: bool = True  # pocketsphinx: the Viterbi path is the lattice's best path
    phones: int = 0  # pocketsphinx: the phones of the best path's words (0: not known)
    word_frames: int = 0  # and the frames its words took (silence and fillers left out)

    @property
    def transcript(self) -> str:
        return self.readings[0].text if self.readings else ""

    @staticmethod
    def plain(text: str) -> Hearing:
        """A transcript from a recogniser that gives no scores."""
        return Hearing((Reading(text, 0.0),), scored=False)


@dataclass(frozen=True)
class Limits:
    """Where a reading stops being sure, in one recogniser's units (tuned on its tuning set)."""

    margin: float  # best intent's score minus the next different intent's, per frame
    fit: float  # the best reading's fit per frame
    posterior: float  # the least posterior a deciding word may have


@dataclass(frozen=True)
class Decision:
    kind: str  # "act", "confirm", "ask", "refuse"
    intent: Intent  # the best reading's intent (for "refuse", the unknown intent with its reason)
    choices: tuple[Intent, ...] = ()  # "confirm": the intent; "ask": the two likeliest intents
    why: str = ""  # what made it unsure ("" when sure)

    @property
    def question(self) -> str:
        """What is said back: empty for "act" and "refuse"."""
        if self.kind == "confirm":
            return f"{say(self.choices[0])}: say yes to do it, or no"
        if self.kind == "ask" and len(self.choices) == 2:
            first, second = (say(c) for c in self.choices)
            return f"did you mean '{first}' or '{second}'? Say the first, the second, or no"
        if self.kind == "ask":
            return f"did you mean '{say(self.choices[0])}'? Say yes or no"
        return ""

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "choices": [c.heard for c in self.choices],
            "question": self.question,
            "why": self.why,
        }


def say(intent: Intent) -> str:
    """An intent as the sentence it was heard as."""
    return intent.heard


def needs_read_back(intent: Intent) -> bool:
    """A spoken command that sets the key, tempo or scale, replaces a clip or starts a long job; or
    names a key at all ("a bass line in D minor", "transpose to D"): the spoken key letters B, D, E
    and G are the recogniser's known confusion (docs/benchmarks/voice.md), so a key is always said back."""
    return (
        intent.action in READ_BACK_ACTIONS + HEAVY_ACTIONS
        or intent.needs_confirmation
        or "key" in intent.params
        or (intent.action == "transform" and "to" in intent.params)
    )


def decide(hearing: Hearing, limits: Limits, recheck: str | None = None) -> Decision:
    """What to do with one heard utterance (see the module text). ``recheck``: the transcript of a
    second decode of the same audio (pocketsphinx's ``recheck``); when its intent differs from the
    best reading's, the two are what is asked about."""
    found = _intents(hearing)
    again = spoken(parse(recheck)) if recheck else None
    if not found and again is None:
        return Decision("refuse", spoken(parse("")))
    best = found[0][0] if found else spoken(parse(""))
    commands = [(i, s) for i, s in found if i.understood]
    if again is not None and again.understood and again.as_dict() != best.as_dict():
        choices = tuple(c for c in (best, again) if c.understood)
        return Decision("ask", best, choices, f"decoded again it was '{recheck}'")
    if not commands:
        return Decision("refuse", best)
    if not hearing.scored:
        return sure(best) if best.understood else Decision("refuse", best)
    why = []
    if not best.understood:
        why.append("the likeliest reading is not a command")
    elif len(found) > 1 and (found[0][1] - found[1][1]) / max(1, hearing.frames) < limits.margin:
        why.append(f"'{found[1][0].heard}' is nearly as likely")
    if not hearing.searches_agree:
        why.append("the recogniser's two searches disagree")
    if hearing.fit < limits.fit:
        why.append("the audio fits no command well")
    unsure = [w for w in _deciding(best.heard) if hearing.posteriors.get(w, 1.0) < limits.posterior]
    if unsure:
        why.append("unsure of " + ", ".join(f"'{w}'" for w in unsure))
    if again is not None and not again.understood and best.understood:
        why.append(f"decoded again it was '{recheck}'")
    if not why:
        return sure(best)
    return Decision("ask", best, tuple(i for i, _ in commands[:2]), "; ".join(why))


def sure(intent: Intent) -> Decision:
    """A sure reading: done, or said back first when it needs that (``needs_read_back``)."""
    return Decision("confirm", intent, (intent,)) if needs_read_back(intent) else Decision("act", intent)


def _intents(hearing: Hearing) -> list[tuple[Intent, float]]:
    """The distinct intents of the readings, best first, each with its best reading's score."""
    out: list[tuple[Intent, float]] = []
    seen: list[dict[str, object]] = []
    for reading in hearing.readings:
        if not reading.text.strip():
            continue
        intent = spoken(parse(reading.text))
        key: dict[str, object] = (
            intent.as_dict() if intent.understood else {"action": "unknown", "heard": reading.text}
        )
        if key not in seen:
            seen.append(key)
            out.append((intent, reading.score))
    return out


def _deciding(text: str) -> list[str]:
    """The words of a reading that decide its intent: those of the command vocabulary."""
    known = vocabulary_words()
    return [w for w in text.split() if w in known]


def answer(text: str, count: int) -> int | None:
    """Which of ``count`` offered readings an answer picks: "yes" (or "the first") 0, "the second" 1;
    None for "no" or anything that is not an answer."""
    from bridge.commands.grammar import CHOICES

    said = " ".join(text.lower().split())
    if said in CHOICES and CHOICES[said] < count:
        return CHOICES[said]
    intent = parse(said)
    if intent.action == "confirm" and intent.params.get("yes") and count:
        return 0
    return None
