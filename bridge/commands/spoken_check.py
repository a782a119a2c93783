"""A voiced edit is said back when the recognisers disagree (issue 56 part J).

Where the pair's decision would act at once (``spoken_agree.judge``: the two agreeing, part G's sounds
rule, part H's gate) on a command that changes the song (``changes_song``: an edit of a clip or part,
a removal, a mixer switch, a replace; not play, stop, undo, cancel, help or a look at the takes), and
the recognisers' own transcripts do not all read as that same command (op, target and values:
``Intent.as_dict``), the command is said back as a yes/no instead ("mute the chords: say yes to do it,
or no") and done only on "yes": a ``Decision("confirm")`` whose ``why`` names what each recogniser
heard (``CHECK`` first, so a reader can tell it from the other read-backs), held by the voice path's
question as every read-back is (``bridge/actions/intents/voice.py``).

What must read as the command (``AgreeLimits.confirm_edits``): "off" (never said back: the rule before
part J); "best": pocketsphinx's best reading and Whisper's best transcript; "all": pocketsphinx's best
reading and every one of Whisper's transcripts. Chosen on the studio benchmark's tuning half
(docs/benchmarks/voice.md, part J).
"""

from __future__ import annotations

from collections.abc import Sequence

from bridge.commands import parse
from bridge.commands.confidence import Decision, sure
from bridge.commands.intent import Intent
from bridge.commands.safety import spoken

CHECK = "the recognisers disagree"  # the start of such a read-back's ``why``
# what leaves the song as it is: the transport, taking back, asking for help, answering, listening
KEEPS_SONG = ("play", "stop", "undo", "cancel", "help", "confirm", "analyze")
LOOKS = ("star", "unstar", "list")  # history's looks at the takes (a take brought back is an edit)
RULES = ("off", "best", "all")


def changes_song(intent: Intent) -> bool:
    """Whether doing ``intent`` changes the song (an edit, a removal, a mixer switch, a replace)."""
    if not intent.understood or intent.action in KEEPS_SONG:
        return False
    return not (intent.action == "history" and intent.params.get("do") in LOOKS)


def checked(
    decision: Decision, sphinx: tuple[str, Intent] | None, whisper: Sequence[tuple[str, Intent]], rule: str
) -> Decision:
    """``decision``, said back as a yes/no when it acts on a song change the recognisers do not both
    read (see the module text): ``sphinx`` is pocketsphinx's best reading (its words and how they read;
    None: it read nothing), ``whisper`` Whisper's transcripts, best first, each with how it reads."""
    if rule not in RULES:
        raise ValueError(f"confirm_edits {rule!r}: expected one of {', '.join(RULES)}")
    if rule == "off" or decision.kind != "act" or not changes_song(decision.intent):
        return decision
    wrote = list(whisper) if rule == "all" else list(whisper)[:1]
    meant = decision.intent.as_dict()
    if sphinx is not None and wrote and all(i.as_dict() == meant for _, i in (sphinx, *wrote)):
        return decision
    heard = f"pocketsphinx heard '{sphinx[0]}'" if sphinx is not None else "pocketsphinx heard nothing"
    said = " / ".join(f"'{t}'" for t, _ in whisper) if whisper else "nothing"
    why = f"{CHECK}: {heard}, Whisper wrote {said}"
    return Decision("confirm", decision.intent, (decision.intent,), why)


def sure_unless_disputed(
    intent: Intent, sphinx: tuple[str, Intent] | None, said: Sequence[str], rule: str, voiced: bool = True
) -> Decision:
    """``confidence.sure(intent)``, said back where ``checked`` says: ``said`` are Whisper's transcripts as
    the parser reads them (``spoken_agree.heard``), each read as spoken (``voiced``: as ``heard_as``)."""
    decision = sure(intent)
    if rule == "off" or decision.kind != "act":
        return decision
    return checked(decision, sphinx, [(s, spoken(parse(s, voiced))) for s in said], rule)


def is_check(decision: Decision) -> bool:
    """Whether ``decision`` is such a read-back (not a key, tempo or long job said back, nor trust's)."""
    return decision.kind == "confirm" and decision.why.startswith(CHECK)
