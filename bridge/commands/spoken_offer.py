"""Which two commands the pair's question offers (issue 56, v62a).

Where the pair asks, the question's first choice is the command pocketsphinx read that Whisper scores
best (``spoken_agree.judge``'s ``first``). The second was always pocketsphinx's best reading when it is
another command ("sphinx"): where the two recognisers disagree, both choices are then pocketsphinx's and
the command Whisper wrote itself is never offered (Flite's "cancel that" in the room, written by Whisper
as said, offered as "a metal lead" or "the metal lead"). ``AgreeLimits.offer`` chooses the second:

- "sphinx": pocketsphinx's best reading, else Whisper's next command (the rule before v62a);
- "written": the command Whisper scores best among those it wrote itself (a free transcript or its
  words snapped to the grammar's, not a suggestion read from one), where that is not the first;
  else as "sphinx";
- "whisper": the command Whisper scores best of all (any source) that is not the first; else as "sphinx".

Only a question's choices change: nothing asked acts, and nothing acted on is asked. The daemon's pair
offers "whisper" (``agreeing.LIMITS``): on the studio benchmark's held-out voices its questions offered the
command said 4 more times in 360, with the same questions (docs/benchmarks/voice.md, v62a).

``widen`` (v63): where the pair asks, the learned reading's deeper suggestions (up to
``AgreeLimits.offer_suggested`` per sentence that reads as no command, pocketsphinx's readings and
Whisper's transcripts alike; the candidates hold its first two) are scored by Whisper and weighed for the
second choice only: "make the melody easier" suggests "make the melody busier" third. They never act, never
turn a refusal into a question and never change the first choice. v64: the grammar's sentences nearest
in phones to such a sentence (``nearest``, within ``AgreeLimits.offer_near``; never a number or a key),
those nearer than every command proposed already, are weighed the same way: "set rate the vocals"
offers "separate the vocals"; "reverse in the bass", nearest "reverse the bass" (proposed), adds none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from bridge.commands import parse
from bridge.commands.confidence import Decision
from bridge.commands.fast_whisper import written
from bridge.commands.nearest import near
from bridge.commands.safety import spoken

OFFERS = ("sphinx", "written", "whisper")


def second_choice(first: Any, sphinx_best: Any, commands: Sequence[Any], offer: str) -> Any:
    """The question's second choice beside ``first`` (``spoken_agree.Candidate`` s): ``sphinx_best`` is
    pocketsphinx's best reading (None: it read nothing), ``commands`` every command proposed, Whisper's
    likeliest first; None where nothing else is proposed. ``offer`` as the module says."""
    if offer not in OFFERS:
        raise ValueError(f"offer {offer!r}: expected one of {', '.join(OFFERS)}")
    own = [c for c in commands if c is not first and c.intent.understood]
    if offer == "written":
        own = [c for c in own if c.written and not c.guess]
    if offer != "sphinx" and own:
        return own[0]
    other = sphinx_best if sphinx_best is not None and sphinx_best is not first else None
    if other is None or not other.intent.understood:
        others = [c for c in commands if c is not first]
        other = others[0] if others else None
    return other


def widen(
    decision: Decision,
    found: Sequence[Any],
    unread: Sequence[str],
    score: Callable[[list[str]], list[float]],
    most: int,
    voiced: bool = True,
    within: float = -1.0,
) -> Decision:
    """``decision`` with its second choice the command Whisper scores best of the other candidates
    ``found`` (``spoken_agree.Candidate`` s, scored) and, for each of the sentences ``unread`` that reads
    as no command (read as ``voiced``), the learned reading's first ``most`` suggestions and the grammar's
    sentences ``within`` its phones (``nearest.near``; below 0: none); unchanged unless it asks, or with
    ``most`` 0 and ``within`` below 0."""
    if most < 0:
        raise ValueError(f"offer_suggested {most}: expected 0 or more")
    if decision.kind != "ask" or (most == 0 and within < 0):
        return decision
    known = {repr(c.intent.as_dict()) for c in found if c.intent.understood}
    new: dict[str, Any] = {}
    for text in dict.fromkeys(unread):
        intent = spoken(parse(text, voiced))
        tips = [] if intent.understood else intent.params.get("suggestions", [])[:most]
        for tip in tips + ([] if intent.understood else _nearer(text, within, known, voiced)):
            meant = spoken(parse(tip, voiced))
            key = repr(meant.as_dict())
            if meant.understood and key not in known and all(repr(m.as_dict()) != key for m in new.values()):
                new[tip] = meant
    if not new:
        return decision
    first = decision.intent.as_dict()
    weighed = [(c.whisper, c.intent) for c in found if c.intent.understood and c.intent.as_dict() != first]
    weighed += zip(score([written(t) for t in new]), new.values(), strict=True)
    best = max(weighed, key=lambda p: p[0])[1]
    return replace(decision, choices=(decision.intent, best))


def _nearer(text: str, within: float, known: set[str], voiced: bool) -> list[str]:
    """The grammar's sentences within ``within`` of ``text`` in phones that sound nearer to it than any
    command proposed already (``known``) and than ``text`` itself (a grammar sentence that reads as no
    command: "reverse the bass" spoken): where the nearest is proposed, Whisper's words point at it."""
    out = []
    for _, sentence in near(text, within):
        meant = spoken(parse(sentence, voiced))
        if sentence == text or repr(meant.as_dict()) in known:
            break  # Whisper wrote a grammar sentence itself, or the nearest command is proposed
        if meant.understood:
            out.append(sentence)
    return out
