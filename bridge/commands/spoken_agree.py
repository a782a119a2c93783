"""pocketsphinx and Whisper agree before anything acts (issue 56).

The grammar proposes and Whisper judges. The candidates are pocketsphinx's readings (its lattice's n-best
paths that are whole sentences of the command grammar) and Whisper's own free transcripts (one writing a
sentence again and again read once, ``fast_whisper.unrepeated``), each read by ``bridge.commands.parse``
(the rules beside the learned reading, issue 55), and each transcript again with its words snapped to the
grammar's (``snapping.snap``: "make a fun bass line" is "make a funk bass line"; the transcript as written
then only proposes when its snapped form reads as no other command). A sentence it does not act on
("generator house speed") proposes the learned reading's two likeliest readings instead (``SUGGESTED``,
sentences the rules read as that op). Whisper scores every candidate sentence against the audio by forced
decoding (``FastWhisper.score``: mean token log-prob); readings of one intent are one candidate, its best score.

The candidate is the command pocketsphinx proposed that Whisper scores best (else Whisper's best:
a free transcript scores high by construction, and a suggestion is a guess). The decision acts only
when it wins clearly on both sides:

- Whisper scores it ahead of every other command (its own transcripts' included) by ``whisper_margin``;
- it is not far below what Whisper hears freely (its score minus the best free transcript's score
  is at least ``whisper_fit``): a command Whisper only accepts when forced is not sure;
- it is among pocketsphinx's readings, ``sphinx_margin`` per frame ahead of its best different reading
  (negative: it may trail by that much), unless Whisper wrote it plainly (``both_heard``, v74: off);
- when pocketsphinx read nothing else (one reading is ahead of nothing), Whisper supports it: one of
  its free transcripts (as written, snapped to the grammar's words, or a suggestion read from one)
  is that command, or it scores within ``lone_fit`` of the best free transcript;
- where pocketsphinx proposed no command, Whisper's own lone command that fits (``whisper_alone``, part F,
  off: see agreeing.py); a command pocketsphinx reads differently is asked about, however sure Whisper is;
- where it would ask, but Whisper wrote no other command and its words sound like pocketsphinx's best
  reading (within ``sounds_within``, every other command ``sounds_apart`` farther: "and do that" for "undo
  that"), that reading acts, unless it carries a number or a key (``says_a_value``) (part G);
- else, where Whisper is sure (its best transcript's own log-probability at least ``whisper_sure``) and
  all its transcripts read as one command, that command acts (``spoken_sure``, issue 56 part H);
- else Whisper's best transcript acts where it is a whole grammar sentence of a command other than pocketsphinx's
  best reading, scores ahead and differs from it in words far apart in sound (``plain_margin``, v85, v86);
- else Whisper's best of pocketsphinx's readings acts ``whisper_lead`` ahead (``spoken_ties``, v58a: off).

A transcript of Whisper's that reads as a command only through words the reader passed over, where
pocketsphinx's sentence has read words, reads as no command (``unread_rivals``, ``spoken_unread``, v84).

Whichever of these acts, a command that changes the song is said back for a yes instead where the
recognisers' own transcripts do not all read as it (``confirm_edits``, ``spoken_check``, part J), unless
Whisper wrote no command and its forced scores pick it (``scored_margin``, ``spoken_scored``, v80).

Otherwise it asks between two ("did you mean ... or ...?"): that candidate, then the second ``offer``
picks (``spoken_offer``; ``offer_suggested``, ``offer_near``: suggestions, the grammar's nearest sentences).
No command proposed (or only suggestions Whisper scores below ``whisper_fit``) refuses. A sure command
goes through ``confidence.sure`` (a key, tempo, replace or long job is said back).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from bridge.commands import parse
from bridge.commands.confidence import Decision, Hearing, sure
from bridge.commands.fast_whisper import Transcript, clean, unrepeated, written
from bridge.commands.intent import Intent
from bridge.commands.nearest import says_a_value
from bridge.commands.safety import spoken
from bridge.commands.snapping import snap
from bridge.commands.spoken_both import both_heard
from bridge.commands.spoken_check import sure_unless_disputed
from bridge.commands.spoken_offer import second_choice, widen
from bridge.commands.spoken_plain import plain_written
from bridge.commands.spoken_scored import unless_scored
from bridge.commands.spoken_sounds import sounds_alike
from bridge.commands.spoken_sure import whisper_sure
from bridge.commands.spoken_ties import sphinx_margin, whisper_leads
from bridge.commands.spoken_unread import masked, unread_rivals

Scorer = Callable[[list[str]], list[float]]  # sentences as Whisper writes them -> mean token log-probs
Reader = Callable[[str], Intent]  # a sentence a recogniser wrote -> its intent (``heard_as``, memoised)
SUGGESTED = 2  # the learned reading's likeliest readings of a sentence not acted on, proposed as candidates


@dataclass(frozen=True)
class AgreeLimits:
    sphinx_margin: float  # pocketsphinx: best intent minus the next different one, log units per frame
    whisper_margin: float  # Whisper: best command's mean token log-prob minus the next command's
    whisper_fit: float  # best command's mean token log-prob minus the best free transcript's (<= 0)
    lone_fit: float = 0.0  # the same, for pocketsphinx's only reading Whisper did not write (-inf: acted on)
    whisper_alone: bool = False  # Whisper's lone command may act where pocketsphinx read none (part F)
    sounds_within: float = -1.0  # pocketsphinx's best acts if Whisper's words sound this near (<0: off, G)
    sounds_apart: float = 0.0  # and every other command proposed sounds at least this much farther
    whisper_sure: float = 1.0  # Whisper's own command acts at this best log-prob (``spoken_sure``; >0: never)
    learned_starts: bool = False  # the learned reading may start a command in a transcript (before part I)
    confirm_edits: str = "off"  # a song change not all transcripts read as is said back (``spoken_check``)
    whisper_lead: float = -1.0  # Whisper's best of pocketsphinx's readings leads by this (<0: off)
    written_margin: float | None = None  # sphinx_margin for Whisper's own command (``spoken_ties``, v61a)
    offer: str = "sphinx"  # the question's second choice (``spoken_offer``: "sphinx", before v62a)
    offer_suggested: int = 0  # the learned reading's suggestions per sentence weighed for the second (v63)
    offer_near: float = -1.0  # and the grammar's sentences this near in phones (``nearest``; <0: none, v64)
    both_heard: bool = False  # no margin question where both wrote sphinx's second (spoken_both)
    scored_margin: float = -1.0  # a read-back Whisper wrote no command for done by its scores (<0: off, v80)
    again_prompt: int = 0  # a question Whisper wrote no command for decoded again, told this many (v82)
    again_even: bool = False  # and again told them in reverse order: both must act on it (v83)
    unread_rivals: bool = False  # Whisper's command from words the reader passed over is no rival (v84)
    plain_margin: float = -1.0  # Whisper's plain grammar sentence over sphinx's (``spoken_plain``, v85)
    plain_apart: float = 0.0  # and the words the two differ in this far apart in phones (v86)


@dataclass
class Candidate:
    """One intent proposed by either recogniser, with the best of its readings' scores."""

    intent: Intent
    text: str  # its sentence (pocketsphinx's grammar sentence when it proposed one)
    whisper: float  # mean token log-probability given the audio
    sphinx: float | None = None  # pocketsphinx's log score (None: not among its readings)
    written: bool = False  # Whisper wrote it: a free transcript, or a suggestion read from one, is it
    guess: bool = False  # only a suggestion proposed it (no recogniser wrote it)


@dataclass(frozen=True)
class _Said:
    text: str  # as parsed
    sphinx: float | None  # pocketsphinx's score (None: Whisper's transcript or a suggestion)
    free: bool  # one of Whisper's own transcripts
    written: bool  # Whisper's transcript or a suggestion read from one
    guess: bool = False  # a suggestion read from a sentence not understood
    proposes: bool = True  # False: its snapped form reads as another command (and proposes; this is scored)


def proposals(
    hearing: Hearing,
    transcripts: Sequence[Transcript],
    suggested: int = SUGGESTED,
    snapped: bool = True,
    voiced: bool = True,
    read: Reader | None = None,
) -> list[tuple[_Said, Intent]]:
    """Every sentence proposed for one utterance, with its intent: pocketsphinx's readings, Whisper's
    transcripts and their words snapped to the grammar's (``snapped``; a transcript whose snapped form
    reads as another command is scored, not proposed: "make a fun bass line" is "make a funk bass
    line"), and up to ``suggested`` suggestions read from each not understood (0 and False: as before
    issue 56's second round; ``voiced``: read as ``heard_as`` does; ``read``: that reading, memoised)."""
    read = read or partial(heard_as, voiced=voiced)
    out = [(_Said(r.text, r.score, False, False), read(r.text)) for r in hearing.readings if r.text.strip()]
    seen: set[str] = set()  # Whisper's sentences (one that is also pocketsphinx's is kept: Whisper wrote it)
    for t in transcripts:
        raw = unrepeated(clean(t.text))  # "X X X" read as X
        if not raw or raw in seen:
            continue
        seen.add(raw)
        intent = read(raw)
        near = snap(raw) if snapped else raw
        meant = read(near) if near not in seen else intent
        if near != raw and near not in seen:
            seen.add(near)
            out.append((_Said(near, None, False, True), meant))
        proposes = near == raw or not meant.understood or meant.as_dict() == intent.as_dict()
        out.append((_Said(raw, None, True, True, proposes=proposes), intent))
    for said, intent in list(out):
        if intent.understood or not said.proposes:
            continue
        for tip in intent.params.get("suggestions", [])[:suggested]:
            if tip in seen:
                continue
            seen.add(tip)
            meant = read(tip)
            if meant.understood:
                out.append((_Said(tip, None, False, said.written, guess=True), meant))
    return out


def candidates(
    hearing: Hearing,
    transcripts: Sequence[Transcript],
    score: Scorer,
    suggested: int = SUGGESTED,
    snapped: bool = True,
    voiced: bool = True,
    read: Reader | None = None,
) -> tuple[list[Candidate], float]:
    """(each distinct intent proposed, Whisper's likeliest first; its free transcripts' best score or -inf)."""
    said = proposals(hearing, transcripts, suggested, snapped, voiced, read)
    scores = score([written(s.text) for s, _ in said]) if said else []
    free = max((w for (s, _), w in zip(said, scores, strict=True) if s.free), default=-math.inf)
    by_key: dict[str, Candidate] = {}
    for (s, intent), whisper in zip(said, scores, strict=True):
        if not s.proposes:
            continue
        key = repr(intent.as_dict()) if intent.understood else f"unknown: {s.text}"
        c = by_key.get(key)
        if c is None:
            by_key[key] = Candidate(intent, s.text, whisper, s.sphinx, s.written, s.guess)
            continue
        c.whisper, c.written, c.guess = max(c.whisper, whisper), c.written or s.written, c.guess and s.guess
        if s.sphinx is not None and (c.sphinx is None or s.sphinx > c.sphinx):
            c.intent, c.text, c.sphinx = intent, s.text, s.sphinx
    return sorted(by_key.values(), key=lambda c: -c.whisper), free


def agree(
    hearing: Hearing,
    transcripts: Sequence[Transcript],
    score: Scorer,
    limits: AgreeLimits,
    suggested: int = SUGGESTED,
    snapped: bool = True,
) -> tuple[Decision, str]:
    """(the decision, the sentence it was heard as) for one utterance (the module text; ``proposals``)."""
    decision, text, _ = decided(hearing, transcripts, score, limits, suggested, snapped)
    return decision, text


def decided(hearing: Hearing, transcripts: Sequence[Transcript], score: Scorer, limits: AgreeLimits, suggested: int = SUGGESTED, snapped: bool = True, read: Reader | None = None) -> tuple[Decision, str, list[Candidate]]:  # fmt: skip
    """``agree``'s answer and the candidates it weighed (``spoken_again`` prompts Whisper with them)."""
    voiced, said = not limits.learned_starts, heard(transcripts)
    read = read or partial(heard_as, voiced=voiced)
    skip = unread_rivals(hearing, said, read) if limits.unread_rivals else frozenset()
    found, free = candidates(hearing, transcripts, score, suggested, snapped, voiced, masked(read, skip))
    logprob = transcripts[0].score if transcripts else -math.inf
    decision, text = judge(found, free, hearing.frames, limits, said, logprob, masked(read, skip))
    unread = [*(r.text for r in hearing.readings), *said]  # the learned reading's deeper guesses (v63)
    return (
        widen(decision, found, unread, score, limits.offer_suggested, voiced, limits.offer_near),
        text,
        found,
    )


def heard_as(text: str, voiced: bool = True) -> Intent:
    """A recogniser's sentence read as spoken: the learned reading stops, never starts, a command (``voiced``)."""
    return spoken(parse(text, voiced))


def heard(transcripts: Sequence[Transcript]) -> list[str]:
    """Whisper's free transcripts as the parser reads them (``clean``, ``unrepeated``)."""
    return [s for s in dict.fromkeys(unrepeated(clean(t.text)) for t in transcripts) if s]


def judge(
    found: list[Candidate],
    free: float,
    frames: int,
    limits: AgreeLimits,
    said: Sequence[str] = (),
    logprob: float = -math.inf,
    read: Reader | None = None,
) -> tuple[Decision, str]:
    """``agree`` on candidates already scored (``candidates``): pocketsphinx's margins are per one of
    its ``frames``, ``free`` the best score of Whisper's own transcripts, ``said`` their words (``heard``), ``logprob``
    the best one's own mean token log-probability (beam search's, with the prompt); ``read``: the pair's reading."""
    commands = [c for c in found if c.intent.understood]
    check = partial(_checked, said=said, limits=limits, commands=commands, read=read)
    if all(c.guess for c in commands) and (not commands or commands[0].whisper - free < limits.whisper_fit):
        best = next((c for c in found if not c.guess), None)  # nothing said reads as a command
        return Decision("refuse", best.intent if best else spoken(parse(""))), best.text if best else ""
    both = [c for c in commands if c.sphinx is not None]  # a grammar sentence Whisper scored
    first = both[0] if both else commands[0]
    others = [c for c in commands if c is not first]
    ranked = sorted((c for c in found if c.sphinx is not None), key=lambda c: -(c.sphinx or 0.0))
    sphinx_best = ranked[0] if ranked else None
    rival = next((c for c in ranked if c is not first), None)
    fit = first.whisper - max(free, first.whisper)
    why, heard_by = [], sphinx_best  # pocketsphinx's reading the read-back check weighs (``spoken_check``)
    if first.sphinx is None:
        if not (limits.whisper_alone and not both and first.written and not first.guess and not others):
            why.append(f"pocketsphinx did not hear '{first.text}'")
    elif rival is None and not first.written and fit < limits.lone_fit:
        why.append(f"pocketsphinx heard only '{first.text}' and Whisper did not write it")
    elif rival is not None and rival.sphinx is not None:
        lead = (first.sphinx - rival.sphinx) / max(1, frames)
        if lead >= sphinx_margin(first, limits, says_a_value(first.intent)):
            pass
        elif limits.both_heard and both_heard(first, rival, said, not limits.learned_starts):
            heard_by = first  # Whisper wrote pocketsphinx's other reading plainly (v74)
        else:
            why.append(f"pocketsphinx {'heard' if lead < 0 else 'nearly heard'} '{rival.text}'")
    if others and first.whisper - others[0].whisper < limits.whisper_margin:
        near = "heard" if others[0].whisper > first.whisper else "nearly heard"
        why.append(f"Whisper {near} '{others[0].text}'")
    if fit < limits.whisper_fit:
        why.append("Whisper hears no command well")
    if not why:
        return check(first, heard_by), first.text
    if sphinx_best is not None and not says_a_value(sphinx_best.intent) and sounds_alike(sphinx_best, commands, said, limits.sounds_within, limits.sounds_apart, not limits.learned_starts, read):  # fmt: skip
        return check(sphinx_best, sphinx_best), sphinx_best.text  # their words sound alike
    meant = whisper_sure(said, logprob, limits.whisper_sure, not limits.learned_starts, read)
    alone = next((c for c in commands if meant is not None and c.intent.as_dict() == meant), None)
    if alone is not None:
        return check(alone, sphinx_best), alone.text  # Whisper is sure of it (part H)
    if plain := plain_written(said, commands, sphinx_best, limits.plain_margin, not limits.learned_starts, read, limits.plain_apart):  # fmt: skip
        return sure(plain.intent), plain.text  # Whisper wrote another command plainly (v85)
    if whisper_leads(first, others, free, limits) and not says_a_value(first.intent):
        return check(first, sphinx_best), first.text  # Whisper's scores break the tie (v58a)
    other = second_choice(first, sphinx_best, commands, limits.offer)  # the question's second (v62a)
    choices = (first.intent,) if other is None else (first.intent, other.intent)
    return Decision("ask", first.intent, choices, "; ".join(why)), first.text


def _checked(chosen: Candidate, best: Candidate | None, said: Sequence[str], limits: AgreeLimits, commands: list[Candidate], read: Reader | None = None) -> Decision:  # fmt: skip
    """``chosen`` as a sure command, said back where the two disagree (part J) unless ``spoken_scored``."""
    sphinx, voiced = None if best is None else (best.text, best.intent), not limits.learned_starts
    rivals = [c.whisper for c in commands if c.intent.as_dict() != chosen.intent.as_dict()]
    decision = sure_unless_disputed(chosen.intent, sphinx, said, limits.confirm_edits, voiced, read)
    return unless_scored(decision, chosen.whisper, sphinx, rivals, said, limits.scored_margin, voiced, read)
