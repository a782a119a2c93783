"""Typed command -> Intent (issue 55): the rules and the learned reading, acted on only where they agree.

The rules (``parser.parse``, with scoped clauses read first by ``scoped``) read the values; the
learned reading (``learned.reading_of``: the encoder and its head, when installed) says which
action on which target. The sentence is acted on when:

- both read the same op (the rules' answer, values and all); or
- the learned reading is sure (its probability at least ``SURE``, ``MARGIN`` ahead of the next
  op) and the rules read another op or none: the sentence is read again as the learned op
  (``rephrase``: the op's own sentence with the values said), and that reading is acted on when
  the rules read it as that op and it explains the sentence (no word of it names another action);
- the learned reading is unsure but gives the rules' op at least ``PLAUSIBLE``: the rules' answer;
- the learned reading is sure of another op, short of ``OVERRIDE``, but still gives the rules' op at least
  ``CONTESTED`` (a contested reading, not a contradiction: not two ``OPPOSITES``): the rules' answer;

and what is acted on leaves no value word of the sentence unexplained (``unexplained``: "eight bars of
drums plus a bass line" read as drums alone is asked about, "did you mean ... with 'bass'?").

Otherwise a question: its two suggestions the two likeliest readings, each a sentence the parser reads
as that action. Without the encoder the rules answer alone."""

from __future__ import annotations

import re

from bridge.commands import (
    asides,
    asked_verbs,
    compound,
    explain,
    guards,
    leftover_values,
    rephrase,
    unsaid_fix,
)
from bridge.commands import reader as lr
from bridge.commands.audio_words import warped_in_time
from bridge.commands.bare_values import said_bare
from bridge.commands.feel_spans import feel_over_span, notes_over_span
from bridge.commands.heard import heard_as, learned_sees  # noqa: F401 (read from here by tools and tests)
from bridge.commands.intent import UNKNOWN, Intent, unknown
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.scoped import read_scoped
from bridge.commands.statements import request_ruled
from bridge.commands.studio_errands import studio_job
from bridge.commands.suggested import QUIET, op_of, readings, target_of
from bridge.commands.unexplained import unexplained
from bridge.commands.vague_words import DO_SOMETHING

SURE = 0.6  # the learned op's calibrated probability needed to act against the rules
MARGIN = 0.25  # and its lead over the next op
PLAUSIBLE = 0.05  # an unsure learned reading still lets the rules act on an op it gives this much
OVERRIDE = 0.9  # and this much to act against an op the rules read (when nothing they read is lost)
CONTESTED = 0.25  # a sure reading below OVERRIDE that still gives the rules' op this much lets the rules act
INVENTS = ("automate",)  # an op whose own sentence says a value the producer may not have said (a shape)
# readings that contradict each other; stop and cancel: Live's playback stopped, or the job running cancelled
OPPOSITES = ({"busier", "simpler"}, {"louder", "softer"}, {"mute", "unmute"}, {"quantize", "humanize"},
             {"undo", "redo"}, {"star", "unstar"}, {"jam_start", "jam_stop"}, {"stop", "cancel"},
             {"keep_only", "remove"}, {"simpler", "remove"})  # fmt: skip
NOT_RECOGNISED = "no command was recognised"  # the rules' reason when nothing matched (parser.py)
NOT_OURS = "that is not something MuseAroo does (it makes and changes music in Live)"
# the rules' question when a part is named and no action word of theirs is said (parser.py)
UNREAD_PART = re.compile(r"\) what should change in the \w+\?$")
# "I changed my mind, redo it": the history's own verb on the last change, never a new version of it
CHANGED_MIND = re.compile(
    r" (?:changed my mind|change of plan|on second thoughts?|second thoughts|scratch that) "
)
HISTORY_OPS = ("undo", "redo")
PARTLESS = ("undo", "redo", "cancel", "help")  # ops that take no part ("reverse the bass": no undo)
MOVED_TO = re.compile(r" (?:up|down|higher|lower) (?:in)?to _key_ ")  # a part moved to a key, no make
# "change the drums over to a country style": a part said changed is set in the genre, not a new part made
CHANGED_TO = re.compile(r" (?:change|switch|turn|convert|flip|move) (?:the |my )?\w+(?: \w+)? (?:over )?(?:in)?to ")  # fmt: skip


def parse(text: str, voiced: bool = False) -> Intent:
    """Parse one typed or spoken sentence; anything not understood gives an 'unknown' Intent.
    ``voiced``: a recogniser's transcript, where the learned reading may stop a command, never start
    one (``_chosen``; issue 56 part I)."""
    heard, asked = heard_as(text)
    if asked:
        return unknown(heard, asked)
    likely = compound.likely_for(lambda: lr.reading_of(heard), PLAUSIBLE)  # several requests: each clause
    with lr.read_ahead([heard, *(heard_as(c)[0] for c in compound.clauses(heard))]):  # one encoder call
        return compound.read(heard, _one(heard, voiced), lambda clause: _one(clause, voiced), likely, True)


def _one(text: str, voiced: bool) -> Intent:
    """One request's reading: the sentence said in English, its scoped clause read first."""
    heard, asked = heard_as(text)
    if asked:
        return unknown(heard, asked)
    s, key, _ = normalize(heard)
    scoped = read_scoped(
        heard, s, lambda rest: _read(" ".join(rest.replace(" _key_ ", f" {key} ").split()), voiced)
    )
    return scoped or _read(heard, voiced)


def _read(heard: str, voiced: bool = False) -> Intent:
    """The rules' reading, and the learned one beside it when installed (a scoped clause cut out)."""
    ruled = rules(heard)
    reading = lr.reading_of(heard)
    if reading is None:
        request, again = request_ruled(heard, ruled)
        s, key, _ = normalize(request)
        return _as_heard(_without_asides(request, s, key, again)[0], heard)
    return agreed(heard, ruled, reading, voiced)


def agreed(heard: str, ruled: Intent, reading: lr.Reading, voiced: bool = False) -> Intent:
    """What is done with a sentence the rules read as ``ruled`` and the learned reading as ``reading``;
    an intent that leaves out a place the sentence says ("on track 3 at bar 9") is asked about. The
    reason said after a request ("..., its for a beat tape") is not read (``statements.request_said``),
    unless its complaint says the op the whole sentence is read as ("..., the claps are too hot")."""
    request, again = request_ruled(heard, ruled)
    if request == heard:
        return _agreed(heard, ruled, reading, voiced)
    said = _agreed(request, again, reading, voiced)
    if not said.understood and (complaint := guards.complained(normalize(heard)[0])) is not None:
        whole = _agreed(heard, ruled, reading, voiced)
        if op_of(whole) == complaint:
            return whole
    return _as_heard(said, heard)


def _as_heard(intent: Intent, heard: str) -> Intent:  # the answer to the whole sentence
    params = {**intent.params, "heard": heard} if "heard" in intent.params else intent.params
    return Intent(intent.action, intent.part, params, heard)


def _agreed(heard: str, ruled: Intent, reading: lr.Reading, voiced: bool) -> Intent:
    s, key, _ = normalize(heard)
    ruled, s = _without_asides(heard, s, key, ruled)
    chosen = _chosen(heard, s, key, ruled, reading, voiced)
    if not chosen.understood:
        return chosen
    if (
        explain.dropped(chosen, s) is not None
        or guards.overrules(chosen, s, reading.p(op_of(chosen) or ""), SURE, reading.target)
        or guards.two_targets(chosen, heard, s, reading.target)
    ):
        return _ask(heard, s, key, reading, ruled)
    left = unexplained(heard, chosen)  # "drums plus a bass line" read as drums: what of the bass?
    word = left[0] if left else leftover_values.unsaid(heard, chosen)  # "3 versions" made once: ask
    if word in said_bare(s) and (fuller := _fuller(heard, s, key, chosen, reading)) is not None:
        return fuller  # "extend the melody another 8": the op's own sentence carries the 8 as 8 bars
    return _ask(heard, s, key, reading, ruled, word) if word else chosen


def _fuller(heard: str, s: str, key: str | None, chosen: Intent, reading: lr.Reading) -> Intent | None:
    """The chosen op (the learned reading's likeliest too) read again through its own sentence with the
    values said (tried where the word left is a number said without its unit: ``bare_values``), when
    that reading leaves no word unexplained or uncarried and loses nothing ``chosen`` read; else None."""
    op, read = op_of(chosen), means_of(chosen.as_dict())
    if op is None or op != reading.ops[0][0] or isinstance(read.get("target"), list):
        return None
    target = read.get("target")
    again = read_as(op, target if isinstance(target, str) else None, heard, s, key)
    if again is None or unexplained(heard, again) or leftover_values.unsaid(heard, again) is not None:
        return None
    if guards.lost(read, means_of(again.as_dict())) or not explain.explains(again, heard, op):
        return None
    return again


def _without_asides(heard: str, s: str, key: str | None, ruled: Intent) -> tuple[Intent, str]:
    """The rules' reading of the sentence without its purpose clause and "keep the rest" (``asides``),
    and that sentence, when the rules understand it; else ``ruled`` and ``s`` as they were."""
    cut = asides.without_asides(s)
    if cut == s:
        return ruled, s
    again = rules(" ".join(cut.replace(" _key_ ", f" {key} ").split()))
    return (Intent(again.action, again.part, again.params, heard), cut) if again.understood else (ruled, s)


def _chosen(heard: str, s: str, key: str | None, ruled: Intent, reading: lr.Reading, voiced: bool) -> Intent:
    """What is acted on (or asked) where the two readings are weighed (``_weighed``). ``voiced``: the
    sentence is a recogniser's transcript, which may be a mishearing in the grammar's words ("new the
    bass" for "mute the bass"), so the learned reading may stop a command but never start one: only the
    rules' own op acts, and only where the learned reading's likeliest op is not "none" or "ask"; a
    command the learned reading alone would give is a question with its suggestions instead."""
    ours, best = op_of(ruled), reading.ops[0][0]
    got = _weighed(heard, s, key, ruled, reading)
    if not voiced or not got.understood or ours == best or (ours is not None and not reading.knows(ours)):
        return got
    if op_of(got) == ours and best not in QUIET:
        return got  # the rules' op, which the learned reading finds plausible
    return _ask(heard, s, key, reading, ruled) if ours is not None else _suggesting(ruled, s, key, reading)


def _weighed(heard: str, s: str, key: str | None, ruled: Intent, reading: lr.Reading) -> Intent:
    ours = op_of(ruled)
    (best, p_best), (_, p_next) = reading.ops[0], reading.ops[1]
    sure = p_best >= SURE and p_best - p_next >= MARGIN
    if ours == best or (ours is not None and not reading.knows(ours)):  # an op the head never learned
        return ruled
    if (ours in HISTORY_OPS and CHANGED_MIND.search(s)) or (
        ours is not None
        and (explain.names_only(ours, best, s) or feel_over_span(ruled, s) or notes_over_span(ruled, s))
    ):
        return ruled  # "I changed my mind, redo it"; "tidy up the bass so every note sits on the beat"
    if ours == "set" and best == "make" and CHANGED_TO.search(s):
        return ruled
    if ours == "transpose" and best == "make" and MOVED_TO.search(s):  # "the melody up to B minor": moved
        return ruled
    if ours == "warp" and best in ("analyze", "quantize") and warped_in_time(s):  # a recording put in time
        return ruled  # with the song: never the song's tempo from it, nor its notes to the grid
    if ours is not None and guards.complained(s) == ours:  # "the kick's too hot, pull it down": softer
        return ruled
    if ours is None and studio_job(s):  # "get the song mastered": a studio's job, refused whatever is read
        return ruled
    if ours is None:  # the rules refused or asked: a sure reading is read again, unless refused on purpose
        vague = unsaid_fix.no_way_said(s) or DO_SOMETHING.search(s) is not None  # "do something about X"
        if sure and best not in QUIET and _open(ruled, best, p_best, s) and not vague:
            again = read_as(best, target_of(reading, s), heard, s, key)
            if again is not None and best not in INVENTS and explain.explains(again, heard, best):
                return again
        return _suggesting(ruled, s, key, reading)
    if best == "none" and sure:  # the rules would act on what the reading is sure is no command
        return _question(heard, NOT_OURS, [], ruled)
    if best in QUIET and sure:
        return _ask(heard, s, key, reading, ruled)
    if not sure or best in QUIET:  # an unsure reading: the rules act on an op it finds likely enough,
        kept = reading.p(ours) >= PLAUSIBLE or (best in PARTLESS and ruled.part)  # or any on a part
        return ruled if kept else _ask(heard, s, key, reading, ruled)
    if {ours, best} in OPPOSITES:  # the two readings contradict each other ("more notes, it's bare"): ask
        return _ask(heard, s, key, reading, ruled)
    if reading.p(ours) >= CONTESTED:  # the rules' op a close second ("turn this into a waltz": set or feel)
        return ruled
    if p_best >= OVERRIDE:  # sure of another op than the rules': read again, when nothing said is lost
        again = read_as(best, target_of(reading, s), heard, s, key)
        if again is not None and best not in INVENTS and explain.explains(again, heard, best):
            read = means_of(ruled.as_dict())  # what the rules read must not be lost to the new reading
            several = isinstance(read.get("target"), list)  # "keep the kick and the snare": both, not one
            if not guards.lost(read, means_of(again.as_dict()), () if several else ("target",)):
                return again
    return _ask(heard, s, key, reading, ruled)


def _open(ruled: Intent, best: str, p_best: float, s: str = "") -> bool:
    """Whether the rules' unknown answer is open to a reading this sure: nothing recognised, or a part named
    with words they do not know ("midi out of this drum loop": "what should change in the drums?"); another
    question or refusal only past ``OVERRIDE``, and one about the verb only to a reading it offers
    ("double that": feel or transpose, never undo: ``asked_verbs``)."""
    reason = str(ruled.params.get("reason", ""))
    if reason == NOT_RECOGNISED or UNREAD_PART.search(reason) is not None:
        return True
    return p_best >= OVERRIDE and asked_verbs.answered_by(reason, best, s)


def _suggesting(ruled: Intent, s: str, key: str | None, reading: lr.Reading) -> Intent:
    """The rules' refusal or question as it is, with the learned reading's likeliest readings as its
    first suggestions (each read by the rules as its op)."""
    said, own = readings(s, key, reading, ruled, SURE), ruled.params.get("suggestions", [])
    if guards.VAGUE.search(s):  # "do something w the bass": the rules' ways for the part, never a new one
        said, own = own, [t for t in said if op_of(rules(t)) != "make"]
    tips = list(dict.fromkeys([*said, *own]))
    return Intent(ruled.action, ruled.part, {**ruled.params, "suggestions": tips}, ruled.heard)


def read_as(op: str, target: str | None, heard: str, s: str, key: str | None) -> Intent | None:
    """The sentence read as ``op`` on ``target`` with the values it says, or None when the op's own
    sentence needs a value that is not said or the rules do not read it as ``op``."""
    direct = explain.direct(op, target, s)  # "mute the shaker track": a track's switch, built here
    if direct is not None:
        return Intent(direct.action, direct.part, direct.params, heard)
    text = rephrase.sentence_for(op, target, s, key)
    if text is None:
        return None
    again = rules(text)
    if op_of(again) != op:
        return None
    return Intent(again.action, again.part, again.params, heard)


def _ask(
    heard: str, s: str, key: str | None, reading: lr.Reading, ruled: Intent, word: str | None = None
) -> Intent:
    """A question whose suggestions are the two likeliest readings (each read by the rules as its op);
    ``word``: a value word of the sentence the reading left unexplained, asked about with the first
    ("did you mean 'make drums' with 'bass'?")."""
    said = readings(s, key, reading, ruled, SURE)
    if not said:
        return ruled if not ruled.understood else _question(heard, NOT_RECOGNISED, [], ruled)
    quoted = [f"'{t}'" for t in said]
    if word is not None:
        quoted[0] += f" with '{word}'"
    reason = "did you mean " + (", or " if word else " or ").join(quoted) + "?"
    return _question(heard, reason, said, ruled)


def _question(heard: str, reason: str, said: list[str], ruled: Intent) -> Intent:
    """An unknown intent: ``said`` first, then the rules' own suggestions (or, when they acted and fewer
    than two readings are said, the nearest known commands: ``intent.unknown``'s, computed only then)."""
    if ruled.understood and len(said) < 2:
        return unknown(heard, reason, said)
    tips = list(dict.fromkeys([*said, *ruled.params.get("suggestions", [])]))
    return Intent(UNKNOWN, None, {"heard": heard, "reason": reason, "suggestions": tips}, heard)
