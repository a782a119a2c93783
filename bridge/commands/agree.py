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
    clause_joins,
    compound,
    explain,
    guards,
    head_slips,
    kept_rules,
    leftover_values,
    negated_turn,
    offered,
)
from bridge.commands import reader as lr
from bridge.commands.amended import unread_amend
from bridge.commands.bare_values import said_bare
from bridge.commands.beyond_asked import beyond_asked
from bridge.commands.camelot import open_key_question
from bridge.commands.dangling_not import dangling_not
from bridge.commands.energy_words import bare_energy, tune_energy
from bridge.commands.fuller import fuller_reading
from bridge.commands.heard import heard_as, learned_sees  # noqa: F401 (read from here by tools and tests)
from bridge.commands.intent import Intent, unknown
from bridge.commands.key_asked import key_asked
from bridge.commands.later_it import which_of_two
from bridge.commands.negated import negated_only, not_done
from bridge.commands.normalize import normalize
from bridge.commands.outside_world import outside_only
from bridge.commands.parser import parse as rules
from bridge.commands.quoted_prompts import quoted_prompt
from bridge.commands.raga_words import raga_question
from bridge.commands.reasons import wished_otherwise
from bridge.commands.rephrase import sentence_for
from bridge.commands.said_again import said_again
from bridge.commands.scoped import read_scoped
from bridge.commands.section_places import until_section
from bridge.commands.statements import request_ruled, without_rest_again
from bridge.commands.suggested import QUIET, op_of
from bridge.commands.typed_names import as_typed, spelled
from bridge.commands.undone_parts import undo_asked
from bridge.commands.unexplained import unexplained
from bridge.commands.unknown_parts import part_asked, which_part
from bridge.commands.unknown_slots import slot_asked, which_slot
from bridge.commands.unread_amounts import how_much
from bridge.commands.unread_joins import unread_between
from bridge.commands.unread_mix import prompt_without_request, typed, unread_needed
from bridge.commands.unread_parts import left_to_unread, made_unread
from bridge.commands.weighing import (  # noqa: F401 (the thresholds and read_as are read from here by tools and tests)
    CONTESTED,
    INVENTS,
    MARGIN,
    NOT_OURS,
    OPPOSITES,
    OVERRIDE,
    PLAUSIBLE,
    SURE,
    ask,
    not_ours_asked,
    open_to,
    read_as,
    suggesting,
    weighed,
)


def parse(text: str, voiced: bool = False) -> Intent:
    """Parse one typed or spoken sentence; anything not understood gives an 'unknown' Intent.
    ``voiced``: a recogniser's transcript, where the learned reading may stop a command, never start
    one (``_chosen``; issue 56 part I). A track's name keeps its accents as typed (``typed_names``)."""
    # a tongue a table reads is judged on the sentence as typed (``unread_mix``); each text the sentence's
    # readers (and the examples it offers) ask the learned reading of is read once (``read_ahead``)
    with typed(text), lr.read_ahead([]), kept_rules.while_read(offered.context):
        # an example offered that the reader would itself ask about is never offered (``offered``)
        return offered.acting(as_typed(text, spelled(text, _parse(text, voiced))), parse)


example = offered.examples_read_by(parse)  # a question's own example, read as ``parse``, kept by ``acting``


def _parse(text: str, voiced: bool) -> Intent:
    if (quoted := quoted_prompt(text)) is not None:  # 'generate audio: "..."': the quote is the prompt
        return quoted
    heard, asked = heard_as(text)
    if asked:
        return unknown(heard, asked)
    if (coded := open_key_question(heard)) is not None:  # "a melody in 8m": which key, never none
        return unknown(heard, *coded)
    if (raga := raga_question(heard)) is not None:  # "in raag bhairav": no Western key holds it
        return unknown(heard, *raga)
    if (turn := negated_turn.turned(heard, parse)) is not None:  # "don't quantize the drums, just the bass"
        return turn
    if outside_only(heard):  # "what time does the hall open tonight, I might go hear them play": not ours
        return unknown(heard, NOT_OURS)
    if beyond_asked(normalize(heard)[0]):  # "can you read the comments and play what they ask": nothing done
        return unknown(heard, NOT_OURS)
    if (
        which := which_of_two(heard)
    ) is not None:  # "quantize the snare and the bass, make it softer": which?
        return unknown(heard, which, re.findall(r"'([^']+)'", which))
    if (key := key_asked(heard, example, read=False)) is not None:  # "modulate the bass": to which key?
        return unknown(heard, *key)
    if (undo := undo_asked(heard)) is not None:  # "undo the drums": their last change, or Live's last step?
        return undo
    likely = compound.likely_for(lambda: lr.reading_of(heard), PLAUSIBLE)  # several requests: each clause
    ahead = [
        *clause_joins.clauses(heard),
        *(clause_joins.paired(heard) + clause_joins.planned(heard) if lr.enabled() else []),
    ]  # read alone later
    with lr.read_ahead([heard, *(heard_as(c)[0] for c in ahead)]):  # one encoder call
        whole = _one(heard, voiced)
        if whole.params.get("reason") == NOT_OURS and not_ours_asked(normalize(heard)[0]):
            return whole  # "can it read chat and play requests": one question, no "play" split off it
        read = compound.read(heard, whole, lambda clause: _one(clause, voiced), likely, True)
    if (amend := unread_amend(heard, read, parse)) is not None:  # "swing it, but not on the flurbs": asked
        return amend
    if (until := until_section(normalize(heard)[0], read)) is not None:  # "mute the hats until the chorus"
        return unknown(heard, *until)
    if not read.understood and (key := key_asked(heard, example, read=True)):  # "modulate everything"
        return unknown(heard, *key)
    if (
        left := left_to_unread(heard, read, example, rules)
    ) is not None:  # "<unread> the kick, make the hats simpler"
        return left
    return read


def _one(text: str, voiced: bool) -> Intent:
    """One request's reading: the sentence said in English, its scoped clause read first."""
    heard, asked = heard_as(text)
    if asked:
        return unknown(heard, asked)
    meant = without_rest_again(heard)  # "..., get shut of everything else": the keep said again
    if meant != heard:
        return _as_heard(_one(meant, voiced), heard)
    s, key, _ = normalize(heard)
    scoped = read_scoped(
        heard, s, lambda rest: _read(" ".join(rest.replace(" _key_ ", f" {key} ").split()), voiced)
    )
    return scoped or _read(heard, voiced)


def _read(heard: str, voiced: bool = False) -> Intent:
    """The rules' reading, and the learned one beside it when installed (a scoped clause cut out)."""
    ruled = rules(heard)
    reading = head_slips.corrected(lr.reading_of(heard), heard, ruled)  # "more space": fewer notes, not more
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
    if (wished := wished_otherwise(heard, rules)) is not None:  # "..., the client wants it busier": which?
        return _wished(heard, *wished)
    request, again = request_ruled(heard, ruled)
    if request == heard:
        return _agreed(heard, ruled, reading, voiced)
    said = _agreed(request, again, reading, voiced)
    if not said.understood and (complaint := guards.complained(normalize(heard)[0])) is not None:
        whole = _agreed(heard, ruled, reading, voiced)
        if op_of(whole) == complaint:
            return whole
    return _as_heard(said, heard)


def _wished(heard: str, request: str, how: str, asked: dict[str, object]) -> Intent:
    """The question for a request with people wishing another change after it: the request, or the wish of its
    target ("make the kick louder, the client wants it busier": 'make the kick louder' or 'make the kick busier')."""
    s, key, _ = normalize(f"make it {how}")
    target = asked.get("target")
    op = str(op_of(rules(f"make it {how}")))
    wish = sentence_for(op, target if isinstance(target, str) else None, s, key) or f"make it {how}"
    said = [t for t in (request, wish) if rules(t).understood]
    return unknown(heard, "did you mean " + " or ".join(f"'{t}'" for t in said) + "?", said)


def _as_heard(intent: Intent, heard: str) -> Intent:  # the answer to the whole sentence
    params = {**intent.params, "heard": heard} if "heard" in intent.params else intent.params
    return Intent(intent.action, intent.part, params, heard)


def _agreed(heard: str, ruled: Intent, reading: lr.Reading, voiced: bool) -> Intent:
    s, key, _ = normalize(heard)
    ruled, s = _without_asides(heard, s, key, ruled)
    if ruled.action == "adjust" and (bare := bare_energy(ruled.params, ruled.part, s)) is not None:
        return unknown(heard, bare, re.findall(r"'([^']+)'", bare))  # "more energy": where, or which part?
    ruled = tune_energy(ruled, s)  # "the tune needs more energy in the chorus": the song's, not the melody's
    chosen = _chosen(heard, s, key, ruled, reading, voiced)
    if not chosen.understood:
        return chosen
    if chosen.action == "musicgen" and (prompt := chosen.params.get("prompt")):  # "une loop audio de ..."
        chosen = Intent(
            chosen.action, chosen.part, {**chosen.params, "prompt": prompt_without_request(prompt)}, heard
        )
    if negated_only(s):  # "don't mute the bass": its only request is what not to do
        return not_done(heard, chosen.part, example)
    if (
        explain.dropped(chosen, s) is not None
        or dangling_not(s)  # "make the melody does not": the request's opposite may be meant
        or guards.overrules(chosen, s, reading.p(op_of(chosen) or ""), SURE, reading.target)
        or guards.two_targets(chosen, heard, s, reading.target)
    ):
        return ask(heard, s, key, reading, ruled)
    if (word := part_asked(chosen, s, heard, rules)) is not None:  # "regenerate the grave": which part is it?
        return which_part(heard, word, reading.target, example)  # each example read as a typed one
    if (slot := slot_asked(chosen, heard)) is not None:  # "a melody for the zwischenteil": which section?
        return which_slot(heard, slot, example, chosen)
    left = unexplained(heard, chosen)  # "drums plus a bass line" read as drums: what of the bass?
    word = left[0] if left else leftover_values.unsaid(heard, chosen)  # "3 versions" made once: ask
    # "calme la basse dans le couplet": a tongue no table reads, no act on its English words alone
    word = (
        word
        or unread_needed(heard, chosen)
        or unread_between(heard, chosen, rules)
        or made_unread(heard, s, chosen)
    )  # "undo that terus play"; "<unread> the bass, 8 bars": a new bass or a change to it?
    if not word and (sized := how_much(heard, s, chosen, parse)) is not None:
        return sized  # "make the kick trochu louder": how much, never the default size
    if word in said_bare(s) and (fuller := fuller_reading(heard, s, key, chosen, reading)) is not None:
        return fuller  # "extend the melody another 8": the op's own sentence carries the 8 as 8 bars
    return ask(heard, s, key, reading, ruled, word) if word else chosen


def _without_asides(heard: str, s: str, key: str | None, ruled: Intent) -> tuple[Intent, str]:
    """The rules' reading of the sentence without its purpose clause and "keep the rest" (``asides``),
    and that sentence, when the rules understand it; else ``ruled`` and ``s`` as they were."""
    cut = asides.without_asides(s)
    if cut == s:
        return ruled, s
    again = rules(" ".join(cut.replace(" _key_ ", f" {key} ").split()))
    if s.startswith(cut) and said_again(
        ruled, again, lambda: rules(s[len(cut) :].replace(" _key_ ", f" {key} "))
    ):  # "..., so i can hear 3 other versions"
        return ruled, s
    return (Intent(again.action, again.part, again.params, heard), cut) if again.understood else (ruled, s)


def _chosen(heard: str, s: str, key: str | None, ruled: Intent, reading: lr.Reading, voiced: bool) -> Intent:
    """What is acted on (or asked) where the two readings are weighed (``weighing.weighed``). ``voiced``: the
    sentence is a recogniser's transcript, which may be a mishearing in the grammar's words ("new the
    bass" for "mute the bass"), so the learned reading may stop a command but never start one: only the
    rules' own op acts, and only where the learned reading's likeliest op is not "none" or "ask"; a
    command the learned reading alone would give is a question with its suggestions instead."""
    ours, best = op_of(ruled), reading.ops[0][0]
    got = weighed(heard, s, key, ruled, reading)
    if not voiced or not got.understood or ours == best or (ours is not None and not reading.knows(ours)):
        return got
    if op_of(got) == ours and best not in QUIET:
        return got  # the rules' op, which the learned reading finds plausible
    return ask(heard, s, key, reading, ruled) if ours is not None else suggesting(ruled, s, key, reading)
