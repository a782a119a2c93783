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
reading and every one of Whisper's transcripts (part J); "heard": pocketsphinx's best reading and one of
Whisper's transcripts whose words sound like it (``SAME_WORDS``; as written or snapped to the grammar's
words), with none of Whisper's reading as another command (a transcript that reads as no command is
Whisper's guess at the sound, not a second command: v73); "wrote": "heard", but a transcript that reads
as no command is no rival by its snapped form either ("very the chords" snaps by spelling to "every the
chords", a new take: a guess at the sound snapped to a guess at a word; v79). Chosen on the studio
benchmark's tuning half (docs/benchmarks/voice.md, part J, v73, v79).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bridge.commands import parse
from bridge.commands.confidence import Decision, sure
from bridge.commands.intent import Intent
from bridge.commands.safety import spoken
from bridge.commands.snapping import snap
from bridge.commands.sounds import distance

Reader = Callable[[str], Intent]  # the pair's reading of a transcript (``spoken_unread``, v84)
CHECK = "the recognisers disagree"  # the start of such a read-back's ``why``
# what leaves the song as it is: the transport, taking back, asking for help, answering, listening
KEEPS_SONG = ("play", "stop", "undo", "cancel", "help", "confirm", "analyze")
LOOKS = ("star", "unstar", "list")  # history's looks at the takes (a take brought back is an edit)
RULES = ("off", "best", "all", "heard", "wrote")
# "heard": Whisper's agreeing transcript is within this phone edit distance of pocketsphinx's sentence
# (``sounds.distance``, 0 to 1): the same words, not a different sentence read as the same command
# ("lead" is read as "create hook" too, 1.0 apart; "make a funk bass lines" / "... line", 0.07)
SAME_WORDS = 0.3


def changes_song(intent: Intent) -> bool:
    """Whether doing ``intent`` changes the song (an edit, a removal, a mixer switch, a replace)."""
    if not intent.understood or intent.action in KEEPS_SONG:
        return False
    return not (intent.action == "history" and intent.params.get("do") in LOOKS)


def checked(
    decision: Decision,
    sphinx: tuple[str, Intent] | None,
    whisper: Sequence[tuple[str, Intent]],
    rule: str,
    voiced: bool = True,
    read: Reader | None = None,
) -> Decision:
    """``decision``, said back as a yes/no when it acts on a song change the recognisers do not both
    read (see the module text): ``sphinx`` is pocketsphinx's best reading (its words and how they read;
    None: it read nothing), ``whisper`` Whisper's transcripts, best first, each with how it reads (a
    snapped one read as spoken: ``voiced``)."""
    if rule not in RULES:
        raise ValueError(f"confirm_edits {rule!r}: expected one of {', '.join(RULES)}")
    if rule == "off" or decision.kind != "act" or not changes_song(decision.intent):
        return decision
    if sphinx is not None and _agreed(decision.intent.as_dict(), sphinx, whisper, rule, voiced, read):
        return decision
    heard = f"pocketsphinx heard '{sphinx[0]}'" if sphinx is not None else "pocketsphinx heard nothing"
    said = " / ".join(f"'{t}'" for t, _ in whisper) if whisper else "nothing"
    why = f"{CHECK}: {heard}, Whisper wrote {said}"
    return Decision("confirm", decision.intent, (decision.intent,), why)


def _agreed(
    meant: dict[str, object],
    sphinx: tuple[str, Intent],
    whisper: Sequence[tuple[str, Intent]],
    rule: str,
    voiced: bool,
    read: Reader | None = None,
) -> bool:
    """Whether the recognisers agree on ``meant`` under ``rule`` (see the module text)."""
    if rule in ("heard", "wrote"):
        return heard_alike(meant, sphinx, whisper, voiced, guesses_rival=rule == "heard", read=read)
    wrote = list(whisper) if rule == "all" else list(whisper)[:1]
    return bool(wrote) and all(i.as_dict() == meant for _, i in (sphinx, *wrote))


def heard_alike(
    meant: dict[str, object],
    sphinx: tuple[str, Intent],
    whisper: Sequence[tuple[str, Intent]],
    voiced: bool = True,
    guesses_rival: bool = True,
    read: Reader | None = None,
) -> bool:
    """Whether both recognisers heard the command ``meant`` (``Intent.as_dict``): pocketsphinx's best
    reading is it, one of Whisper's transcripts reads as it (as written, or snapped to the grammar's words:
    ``snapping.snap``) and sounds like pocketsphinx's sentence (within ``SAME_WORDS``), and none of them
    reads as another command (``guesses_rival`` False: a transcript that reads as no command is no rival
    by its snapped form, "wrote"; ``read``: the pair's reading of a snapped one, ``spoken_unread``)."""
    if not sphinx[1].understood or sphinx[1].as_dict() != meant:
        return False
    same = False
    for text, wrote in whisper:
        intent = wrote
        if not (wrote.understood and wrote.as_dict() == meant) and (near := snap(text)) != text:
            snapped = read(near) if read else spoken(parse(near, voiced))  # "fun bass line": "funk bass line"
            if guesses_rival or not snapped.understood or snapped.as_dict() == meant:
                intent = snapped
        if intent.understood and intent.as_dict() != meant:
            return False  # Whisper wrote another command
        same = same or (intent.understood and distance(text, sphinx[0]) <= SAME_WORDS)
    return same


def sure_unless_disputed(
    intent: Intent,
    sphinx: tuple[str, Intent] | None,
    said: Sequence[str],
    rule: str,
    voiced: bool = True,
    read: Reader | None = None,
) -> Decision:
    """``confidence.sure(intent)``, said back where ``checked`` says: ``said`` are Whisper's transcripts as
    the parser reads them (``spoken_agree.heard``), each read as spoken (``voiced``: as ``heard_as``; or by
    ``read``, the pair's reading, ``spoken_unread``)."""
    decision = sure(intent)
    if rule == "off" or decision.kind != "act":
        return decision
    read = read or (lambda s: spoken(parse(s, voiced)))
    return checked(decision, sphinx, [(s, read(s)) for s in said], rule, voiced, read)


def is_check(decision: Decision) -> bool:
    """Whether ``decision`` is such a read-back (not a key, tempo or long job said back, nor trust's)."""
    return decision.kind == "confirm" and decision.why.startswith(CHECK)
