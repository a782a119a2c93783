"""A song change Whisper wrote no command for, done where its forced scores pick it (v80, issue 56).

Part J (``spoken_check``) says a song change back for a yes unless one of Whisper's transcripts reads as the
command. On the studio benchmark's tuning half most of the read-backs left come where Whisper wrote no
command at all, only a near miss in sound: "transpose up to semitones", "make the color simpler", "very the
chords", "make the bass power sir", "two minorise the drums". No read-back rule can act on those by their
words; Whisper's forced scores of the grammar's sentences can still tell them apart. Such a read-back is
done at once instead (``AgreeLimits.scored_margin``, at least 0; below 0: off) when

- it is pocketsphinx's best reading (``sphinx``: the grammar heard it first);
- none of Whisper's transcripts ``said`` reads as any command as written (a command Whisper wrote, the
  command or another, is left to part J: this rule is only for the transcripts that say nothing);
- one of them sounds like pocketsphinx's sentence (``sounds.distance`` within ``spoken_check.SAME_WORDS``):
  Whisper heard the same sounds and only spelled them as other words;
- Whisper's forced score of the command (the mean token log-probability of its sentence given the audio)
  is at least ``margin`` ahead of every other command proposed (``rivals``: pocketsphinx's other readings,
  Whisper's snapped words, the learned reading's suggestions): the audio picks it among the commands.
"""

from __future__ import annotations

from collections.abc import Sequence

from bridge.commands import parse
from bridge.commands.confidence import Decision, sure
from bridge.commands.intent import Intent
from bridge.commands.safety import spoken
from bridge.commands.sounds import distance
from bridge.commands.spoken_check import SAME_WORDS, Reader, is_check


def scored_alike(
    meant: Intent,
    score: float,
    sphinx: tuple[str, Intent] | None,
    rivals: Sequence[float],
    said: Sequence[str],
    margin: float,
    voiced: bool = True,
    read: Reader | None = None,
) -> bool:
    """Whether ``meant`` (Whisper's forced ``score`` of it; ``rivals`` the scores of every other command
    proposed) is done though Whisper wrote no command (see the module text); ``said`` are Whisper's
    transcripts as the parser reads them (``spoken_agree.heard``), each read as spoken (``voiced``; or by
    ``read``, the pair's reading: ``spoken_unread``)."""
    if margin < 0 or sphinx is None or not said or not meant.understood:
        return False
    if not sphinx[1].understood or sphinx[1].as_dict() != meant.as_dict():
        return False
    if any((read(s) if read else spoken(parse(s, voiced))).understood for s in said):
        return False
    if min(distance(s, sphinx[0]) for s in said) > SAME_WORDS:
        return False
    return all(score - other >= margin for other in rivals)


def unless_scored(
    decision: Decision,
    score: float,
    sphinx: tuple[str, Intent] | None,
    rivals: Sequence[float],
    said: Sequence[str],
    margin: float,
    voiced: bool = True,
    read: Reader | None = None,
) -> Decision:
    """``decision``, or its command as a sure one where it is part J's read-back and ``scored_alike``."""
    if not is_check(decision):
        return decision
    if not scored_alike(decision.intent, score, sphinx, rivals, said, margin, voiced, read):
        return decision
    return sure(decision.intent)
