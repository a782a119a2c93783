"""Whisper's command written as a whole grammar sentence, where pocketsphinx read another (v85, issue 56).

In a room and under the song, pocketsphinx's grammar makes a command of whatever it hears: "fill" for
"stop", "write a metal beat" for "try another melody", "half time the chord" for "quantize the chords".
The pair asks there, because the two recognisers read different commands. On the studio benchmark's
tuning half, where Whisper's best transcript is itself a whole sentence of the speech grammar (every word
one pocketsphinx could have read, in an order it accepts: ``sphinx_scores.in_grammar``) and reads as a
command other than pocketsphinx's best reading, Whisper's command was the one said every time; where
Whisper's words only read as a command through words the reader passed over ("make the melody is here",
"try on the melody"), it was often not. So where the pair would ask, Whisper's command is chosen
(``AgreeLimits.plain_margin``, at least 0; below 0: off) when

- Whisper's best transcript is a whole grammar sentence that reads as that command;
- none of its transcripts reads as another command ("stop", "start": Whisper itself is torn);
- pocketsphinx's best reading is another command (where it read none, Whisper's lone command is
  part F's, ``whisper_alone``, which stays off);
- Whisper's forced score of the command leads every other command proposed (pocketsphinx's best reading
  among them) by ``margin``: the audio, not only Whisper's beam, prefers it;
- it carries no number or key (``says_a_value``: "two" and "three" are a phone apart, and Whisper is
  told the grammar's values in its prompt);
- the words the two sentences differ in, aligned word by word, are at least ``apart`` apart in phones
  (``words_apart``, v86; 0: any). The rule is for pocketsphinx's grammar making a command of a sound it
  cannot place ("fill" for "stop", "write a metal beat" for "try another melody": the words far apart);
  where the two differ by a phone or two ("stop" and "start", "mute" and "unmute") the audio itself is
  what is in doubt, and on v85's held-out voices Whisper's forced score put the wrong one first.

The command chosen is acted on (``confidence.sure``: a key, tempo, replace or long job is still said back),
not said back as part J (``spoken_check``) would where the recognisers disagree: they disagree here by
definition, and on the tuning half part J's read-back turned the rule's 15 questions offering the command
said into read-backs (understood 0.789 -> 0.769) where acting kept it (0.789) with no misheard act.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from typing import Protocol, TypeVar

from bridge.commands import parse
from bridge.commands.intent import Intent
from bridge.commands.nearest import says_a_value
from bridge.commands.safety import spoken
from bridge.commands.sounds import distance
from bridge.commands.sphinx_scores import in_grammar

Reader = Callable[[str], Intent]


class Scored(Protocol):
    """A candidate as ``spoken_agree.Candidate`` holds it (its intent and Whisper's forced score)."""

    intent: Intent
    text: str
    whisper: float


C = TypeVar("C", bound=Scored)


def plain_written(
    said: Sequence[str],
    commands: Sequence[C],
    sphinx: C | None,
    margin: float,
    voiced: bool = True,
    read: Reader | None = None,
    apart: float = 0.0,
) -> C | None:
    """The candidate among ``commands`` (the pair's understood candidates) that Whisper wrote plainly
    (see the module text), or None: ``said`` are Whisper's transcripts as the parser reads them, best
    first (``spoken_agree.heard``), ``sphinx`` pocketsphinx's best reading; each is read as spoken
    (``voiced``) or by ``read``, the pair's reading (``spoken_unread``); ``apart``: see the module text."""
    if margin < 0 or not said or sphinx is None or not sphinx.intent.understood:
        return None
    read = read or (lambda s: spoken(parse(s, voiced)))
    meant = read(said[0])
    if not meant.understood or meant.as_dict() == sphinx.intent.as_dict() or says_a_value(meant):
        return None
    if not in_grammar(said[0]) or words_apart(sphinx.text, said[0]) < apart:
        return None
    for other in said[1:]:
        also = read(other)
        if also.understood and also.as_dict() != meant.as_dict():
            return None  # Whisper wrote two commands
    chosen = next((c for c in commands if c.intent.as_dict() == meant.as_dict()), None)
    if chosen is None:
        return None
    rivals = [c.whisper for c in commands if c.intent.as_dict() != meant.as_dict()]
    return chosen if all(chosen.whisper - r >= margin for r in rivals) else None


def words_apart(a: str, b: str) -> float:
    """The phone distance (``sounds.distance``) between the words sentence ``a`` has where ``b`` differs,
    aligned word by word (``difflib``), and ``b``'s: "stop" and "start" 0.4, "mute the drums" and "unmute the
    drums" 0.33, "half time the chord" and "quantize the chord" 0.71; 0 for the same words."""
    x, y = a.lower().split(), b.lower().split()
    ops = [op for op in SequenceMatcher(a=x, b=y, autojunk=False).get_opcodes() if op[0] != "equal"]
    return distance(
        " ".join(w for op in ops for w in x[op[1] : op[2]]),
        " ".join(w for op in ops for w in y[op[3] : op[4]]),
    )
