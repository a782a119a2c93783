"""The examples a question offers, each read by the whole reader as a request (issue 55): an example the
reader would itself ask about ("make it softer", asked "did you mean 'make it softer' or 'humanize it'?")
is never offered, and the question's reason quotes only examples kept (the next kept one in its place).

Every builder of a question (a template's examples, the learned reading's likeliest readings said as
sentences, the nearest known commands) checks its examples with the rules alone; the whole reader weighs
the learned reading too, so this is the one place an example is read as the person will say it back."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from functools import partial

from bridge.commands import clip_words as cw
from bridge.commands import key_asked, rephrase
from bridge.commands import reader as lr
from bridge.commands import vocab as v
from bridge.commands.intent import EXAMPLES, UNKNOWN, Intent
from bridge.commands.known import known_commands
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.track_words import not_a_part
from bridge.commands.unknown_parts import _ASKING
from bridge.commands.unread_mix import typed_now

PARTS = ("drums", "bass", "chords", "melody")
OTHER = "other"  # an instrument said that MuseAroo makes no part of
_VOICES = {*cw.DRUM_VOICES, *cw.DRUM_VOICES.values(), "claps", "crash", "ghost_notes", "percussion"}
_KEPT = 4096  # examples' readings kept
_BATCH = 6  # examples read in one encoder call by ``warm`` (a question offers 2 to 7)
_Key = tuple[str, bool, Callable[[str], Intent], bool]
_READ: dict[_Key, Intent] = {}
_inside = threading.local()  # an example read while examples are checked offers nothing to check


def acting(intent: Intent, parse: Callable[[str], Intent]) -> Intent:
    """``intent`` with the examples it offers that ``parse`` would ask about left out, and those beside the
    question's own (not quoted in its reason) on a part the sentence did not name where it names one ("vary the
    piano in the chorus": never "vary the drums"); a question's reason quotes only examples kept. Kept as they
    are: the sentence offered back to itself ("did you mean 'make it softer' or ...": the reader's own doubt)
    and a reading shown with the word it left unread ("did you mean 'X' with 'gitaar'"). As it is when it acts,
    offers nothing, is an example being checked, or no example it offers acts."""
    tips = [str(t) for t in intent.params.get("suggestions", [])]
    if intent.action != UNKNOWN or not tips or getattr(_inside, "on", False):
        return intent
    reason = str(intent.params.get("reason", ""))
    own = {t for t in tips if t.lower() == intent.heard.strip().lower() or f"'{t}' with '" in reason}
    on, ask = lr.enabled(), [t for t in tips if t not in own]
    _inside.on = True
    try:
        with lr.read_ahead(
            [t for t in ask if _key(t, on, parse) not in _READ]
        ):  # those not read before: one call
            read = {t: _read(t, on, parse) for t in ask}
    finally:
        _inside.on = False
    said, quoted = parts_said(intent.heard), set(re.findall(r"'([^']+)'", reason))
    allowed = said | {_part_of(read[t]) for t in quoted if t in read}
    acts = [t for t in tips if t in own or read[t].action != UNKNOWN]
    kept = [t for t in acts if t in own or not said or t in quoted or _part_of(read[t]) in allowed | {None}]
    kept = kept or acts  # no example on a part said: those that act ("stick reverb on the vox": chords made)
    if kept == tips or not kept:
        return intent
    if reason.rstrip().endswith("?"):  # a refusal's reason is left as said (its quotes are no question's)
        reason = requoted(reason, [t for t in tips if t not in kept], kept)
    return Intent(
        intent.action, intent.part, {**intent.params, "reason": reason, "suggestions": kept}, intent.heard
    )


def _read(text: str, on: bool, parse: Callable[[str], Intent]) -> Intent:
    """An example's reading, kept per text and whether the learned reading is on: the same examples ("make it
    busier") are offered by many questions, and the tables and the model are the process's (emptied when full)."""
    key = _key(text, on, parse)
    if key not in _READ:
        if len(_READ) >= _KEPT:
            _READ.clear()
        _READ[key] = parse(text)
    return _READ[key]


def _key(text: str, on: bool, parse: Callable[[str], Intent]) -> _Key:
    """What an example's reading is kept by: its text as offered, whether the learned reading is on, the reader,
    and whether it is read as another question's example (``unknown_parts._ASKING``: then it asks nothing)."""
    return (text, on, parse, _ASKING.get())


def context() -> tuple[str | None, bool, bool]:
    """What else a reading may hang on inside one sentence: the sentence as typed (``unread_mix.typed``), whether
    it is read as another question's example (``_ASKING``) and whether the learned reading is on (``kept_rules``)."""
    return typed_now(), _ASKING.get(), lr.enabled()


def reading(text: str, parse: Callable[[str], Intent]) -> Intent:
    """``parse(text)`` as a question's builder reads its own examples ("modulate the bass to E major", "a melody
    in the chorus"), kept with the examples ``acting`` reads: the same action, part and values (``acting``
    changes only an unknown's reason and suggestions, and an example being read offers nothing to check)."""
    was = getattr(_inside, "on", False)
    _inside.on = True
    try:
        return _read(text, lr.enabled(), parse)
    finally:
        _inside.on = was


def examples_read_by(parse: Callable[[str], Intent]) -> Callable[[str], Intent]:
    """``reading`` by ``parse``: what a question's builder reads its examples with (``agree.example``)."""
    return partial(reading, parse=parse)


def examples() -> list[str]:
    """The examples questions offer that say no value, from their builders' own tables: the known commands
    (the nearest ones offered, ``known``), each op's sentence on each target (a reading said back, ``rephrase``)
    a modulation of the song, everything, "it" or a part to each of ``key_asked``'s keys, a part said by any of
    its words made busier, simpler or varied (``faulted``, ``part_reading``, ``negated``) and the help's examples."""
    said = (
        rephrase.sentence_for(op, t, " ", offered=True)
        for op in (*rephrase.TEMPLATES, "make")  # a new part: its target is its only value
        for t in (None, *rephrase.TARGET_WORDS)
    )
    keyed = (e for what in key_asked.WHATS for e in key_asked.examples_of(what))
    parts = [
        "everything",
        *(f"the {w}" for w in sorted({*v.PARTS, *v.PARTS.values()}) if v.PARTS.get(w, w) in PARTS),
    ]
    bare = (s.format(p) for p in parts for s in ("make {} busier", "make {} simpler", "vary {}"))
    said_so = [*known_commands(), *(t for t in said if t is not None), *keyed, *bare, *EXAMPLES]
    return list(dict.fromkeys(said_so))


def warm(parse: Callable[[str], Intent], texts: Iterable[str] | None = None) -> int:
    """Read ``texts`` (``examples()`` by default) as ``acting`` reads an example offered, before any question
    offers one: the daemon's warm-up (``reader.warm``), so a first question waits for no example's reading.
    A pure speed change: a reading is kept by the same key ``acting`` looks up. Returns how many were read."""
    on = lr.enabled()
    todo = [
        t for t in dict.fromkeys(examples() if texts is None else texts) if _key(t, on, parse) not in _READ
    ]
    _inside.on = True
    try:
        for i in range(0, len(todo), _BATCH):
            with lr.read_ahead(todo[i : i + _BATCH]):  # one encoder call, as acting's
                for t in todo[i : i + _BATCH]:
                    _read(t, on, parse)
    finally:
        _inside.on = False
    return len(todo)


def parts_said(heard: str) -> set[str | None]:
    """The parts a sentence names (a drum voice is the drums'), with ``OTHER`` for an instrument MuseAroo makes
    no part of ("the piano"); empty when it names none (then an example on any part is a reading of it)."""
    s = normalize(heard)[0]
    said: set[str | None] = {v.PARTS[w] for w in v.PARTS if f" {w} " in s and v.PARTS[w] in PARTS}
    said |= {"drums" for w in cw.DRUM_VOICES if f" {w} " in s}
    return said | ({OTHER} if not_a_part(s) is not None else set())


def _part_of(intent: Intent) -> str | None:
    """The part an example acts on (a drum voice's is the drums), or None (a track, a take, the whole)."""
    target = means_of(intent.as_dict()).get("target") if intent.understood else None
    if isinstance(target, list):
        target = target[0] if len({_family(t) for t in target}) == 1 else None
    return _family(target) if isinstance(target, str) else None


def _family(target: object) -> str | None:
    if target in PARTS:
        return str(target)
    return "drums" if target in _VOICES else None


def requoted(reason: str, dropped: list[str], kept: list[str]) -> str:
    """``reason`` with each quoted ``dropped`` example taken out with the "or" or comma joining it to the next
    quote, or, where it is the last quote left, replaced by the first ``kept`` one the reason does not quote."""
    for gone in dropped:
        quoted = f"'{gone}'"
        if quoted not in reason:
            continue
        gone_re = re.escape(quoted)
        joins = (
            rf", {gone_re}(?= or ')",
            rf"{gone_re},? or (?=')",
            rf",? or {gone_re}",
            rf"{gone_re}, (?=')",
        )
        cut = next((c for j in joins if (c := re.sub(j, "", reason, count=1)) != reason), reason)
        spare = next((t for t in kept if f"'{t}'" not in reason), None)
        if cut == reason and spare is not None:  # the only quote: another example in its place
            cut = reason.replace(quoted, f"'{spare}'", 1)
        reason = cut
    return reason
