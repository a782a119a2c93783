"""pocketsphinx's margin question not asked where both recognisers heard one of its two readings (v74).

Where pocketsphinx's best reading is another command than the one Whisper scores best of its readings
(``spoken_agree.judge``'s ``first`` trails its ``rival`` by more than ``sphinx_margin``), the pair asks
"pocketsphinx heard ...". On the studio benchmark's tuning half about a quarter of the questions asked for
that reason alone came where Whisper had written ``first`` plainly ("quantize the chords" for
pocketsphinx's "half time the chord" and "quantize the chord"). The question is not needed
(``AgreeLimits.both_heard``) when

- every one of Whisper's transcripts reads as ``first`` (as written, or snapped to the grammar's words:
  ``snapping.snap``), read by the words reader as a spoken command; a transcript that reads as no command
  or as another command is a doubt, and the question stays (Whisper wrote "generator house need" then
  "generator house lead" for "generate a house beat": one transcript agreeing is not enough);
- one of them sounds like ``first``'s sentence (``sounds.distance`` within ``spoken_check.SAME_WORDS``):
  the same words, not other words read as the same command;
- ``first`` and ``rival`` are the same action (the two readings differ in a part, a genre, a kind of
  transform: what Whisper's words pick between), neither is a removal or a mixer switch (``REMOVES``: a
  destructive verb must be heard by pocketsphinx best), and ``first`` carries no number or key
  (``nearest.says_a_value``: "d minor" and "g minor" are a phone apart, and Whisper wrote "d minor" three
  times for "g minor" on the tuning half). A different verb ("stop" and "start") stays a question: every
  earlier loosening of pocketsphinx's say acted on "start" for "stop" on the held-out voices.

A transcript whose words snapped to the grammar's read as another command is a doubt too ("make a fun
bass line" reads as a bass line, snapped as a funk bass line: the held-out half's one misheard act).

Off in the daemon (``agreeing.LIMITS``): chosen on the tuning half (4 fewer questions in 360, no new wrong
act), it acted on that misheard "make the bass line" on the held-out voices before the snapped check was
added, which was then written from that held-out row and not measured on unseen sentences
(docs/benchmarks/voice.md, v74).

Such a command is checked for a read-back (``spoken_check``) with ``first`` as pocketsphinx's reading:
both recognisers wrote the same sentence, which is what part J asks of a song change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridge.commands import parse
from bridge.commands.intent import Intent
from bridge.commands.nearest import says_a_value
from bridge.commands.safety import spoken
from bridge.commands.snapping import snap
from bridge.commands.sounds import distance
from bridge.commands.spoken_check import SAME_WORDS

REMOVES = ("clear",)  # transform kinds that take material away (kill, erase, delete, clear)


def removes(intent: Intent) -> bool:
    """Whether ``intent`` takes something away or switches the mixer (mute, solo): a destructive verb."""
    return intent.action == "mixer" or intent.params.get("kind") in REMOVES


def both_heard(first: Any, rival: Any, said: Sequence[str], voiced: bool = True) -> bool:
    """Whether pocketsphinx's margin question between ``first`` (the reading Whisper scores best) and
    ``rival`` (pocketsphinx's best other reading; ``spoken_agree.Candidate`` s) is not needed: ``said``
    are Whisper's transcripts as the parser reads them (``spoken_agree.heard``), read as spoken
    (``voiced``); see the module text."""
    meant, other = first.intent, rival.intent
    if not (meant.understood and other.understood) or meant.action != other.action:
        return False
    if removes(meant) or removes(other) or says_a_value(meant) or not said:
        return False
    key, alike = meant.as_dict(), False
    for text in said:
        intent = spoken(parse(text, voiced))
        near = snap(text)
        snapped = intent if near == text else spoken(parse(near, voiced))
        if intent.as_dict() != key:
            intent = snapped  # "quantise the cords" is "quantize the chords"
        if not intent.understood or intent.as_dict() != key:
            return False  # a transcript that is no command, or another: Whisper is not sure
        if snapped.understood and snapped.as_dict() != key:
            return False  # "make a fun bass line" is a bass line, snapped a funk one: two commands
        alike = alike or distance(text, first.text) <= SAME_WORDS
    return alike
