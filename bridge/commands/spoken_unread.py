"""A rival command Whisper wrote only in words the reader passed over is no rival (v84, issue 56).

Where the pair asks in a room or under the song, Whisper's transcript often reads as a command only
because the words reader is forgiving: "make the melody is it" reads as a new melody (the reader takes
"make the melody" and passes over "is it"), "make the chords in play" as new chords, "make a bass pulser"
as a new bass part. pocketsphinx's grammar sentence has a word the reader does use in that place ("make
the melody busier", "make the chords simpler"), and the pair asks between the two because Whisper "heard"
another command. But Whisper did not write another command: it wrote other sounds where pocketsphinx's
word was, and the reader made a command of what was left.

``unread_rival``: Whisper's transcript is such a rival of pocketsphinx's best sentence when, aligned word
by word (``difflib``), Whisper wrote words in place of pocketsphinx's wherever they differ (a replace,
never a word of pocketsphinx's with nothing in its place: Whisper leaving a word out is evidence it was
not said, "make a bass line" beside "make a funk bass line"), and the words the two wrote alike read
as Whisper's command (the words only Whisper wrote add nothing the reader uses) while pocketsphinx's
sentence reads as another command. No word list: the reader itself says which words it passed over.
A word Whisper wrote that the reader knows (a genre, a part, a number, a negation that changes the
reading) makes the words alike read otherwise, and the rival stays.

Such a transcript then reads as no command in the pair's decision (``spoken_agree.decided``): it still
counts as Whisper's free words (its score is what Whisper heard freely), but it neither proposes a command
nor disputes one; every other limit (Whisper's forced scores of each command, its fit, pocketsphinx's
margin, part J's read-back, ``scored_margin``) still judges (``AgreeLimits.unread_rivals``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from bridge.commands.confidence import Hearing
from bridge.commands.intent import UNKNOWN, Intent
from bridge.commands.snapping import snap

Reader = Callable[[str], Intent]


def unread_rival(written: str, sphinx: str, read: Reader) -> bool:
    """Whether Whisper's transcript ``written`` reads as a command other than pocketsphinx's sentence
    ``sphinx`` only through words the reader passed over (see the module text)."""
    theirs, ours = sphinx.split(), written.split()
    ops = difflib.SequenceMatcher(None, theirs, ours, autojunk=False).get_opcodes()
    if any(op == "delete" for op, *_ in ops) or not any(op == "replace" for op, *_ in ops):
        return False  # a word of pocketsphinx's with nothing in its place, or no word of its replaced
    alike = " ".join(w for op, _, _, j1, j2 in ops if op == "equal" for w in ours[j1:j2])
    whisper, grammar = read(written), read(sphinx)
    if not (whisper.understood and grammar.understood) or whisper.as_dict() == grammar.as_dict():
        return False
    return read(alike).as_dict() == whisper.as_dict()


def unread_rivals(hearing: Hearing, said: Sequence[str], read: Reader) -> frozenset[str]:
    """Those of Whisper's transcripts ``said`` (``spoken_agree.heard``), and of their words snapped to the
    grammar's (``snapping.snap``: "humanize and peas" is "humanize and pads"), that are unread rivals of
    pocketsphinx's best reading (none where it read nothing)."""
    best = hearing.transcript  # its readings are best first
    if not best.strip():
        return frozenset()
    written = dict.fromkeys(w for s in said for w in (s, snap(s)))
    return frozenset(w for w in written if w != best and unread_rival(w, best, read))


def masked(read: Reader, skip: frozenset[str]) -> Reader:
    """``read``, with each sentence of ``skip`` read as no command (no suggestions: it proposes none)."""
    if not skip:
        return read

    def reading(text: str) -> Intent:
        if text in skip:
            return Intent(
                UNKNOWN,
                None,
                {"heard": text, "reason": "read from words passed over", "suggestions": []},
                text,
            )
        return read(text)

    return reading
