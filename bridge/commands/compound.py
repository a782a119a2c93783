"""Several requests in one sentence (issue 55; docs/intents.md "Several requests in one sentence").

The first request stays the Intent; each later request asked now goes in ``params["then"]``, a list
of ``{"action", "part", "params"}`` (``Intent.as_dict()``'s shape) in the order said:

- "transpose it up a fifth, then quantize it", "set the tempo first and then make a drum loop": the
  sentence is split where a later request starts ("then", "after that", "afterwards"), "first" said
  of the first one dropped; each clause is read alone by the whole reader (``read_one``: the rules,
  the learned reading and their agreement gate), and the split is used when the first clause is
  understood and each later one is a request, a plan, a condition or a reason;
- a clause the whole sentence's reading left undone (``not_done``: "mute the pad track and solo the
  bass") is read alone the same way;
- one change on several parts ("humanise the chords and the melody", "both the bass and the keys"):
  the first part's Intent, the others in ``then`` with the same action and params (``parts``);
- "... and do the same to the chords": the first change on that part;
- a first clause before "then" no reader reads ("the keys up a minor 13th, then swing them"), or one
  asked about beside a change the whole reading spread onto its part ("clean up the hats and make the
  kick louder" read as both louder), is named in ``not_done``; a clause after "then" the whole reading
  left out is read alone (``then``, else ``not_done``): no request is lost silently.

A later clause the reading is not sure of (a question, a refusal) stays in ``not_done``, never acted on.
A pronoun ("quantize it") is the first request's target, a later clause pointing back ("a bass for it
too") is for its place. A plan ("I'll chop it after"), a condition ("star it if it's good") or a reason
("so I can sample it") is neither ``then`` nor ``not_done``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bridge.commands import several_parts as multi
from bridge.commands import split_likely as sl
from bridge.commands.before_that import done_first
from bridge.commands.change_words import VOICES
from bridge.commands.clause_joins import AND, COMMA, FIRST, LATER, MOVED, is_aside, planned
from bridge.commands.fillers import marked
from bridge.commands.intent import Intent
from bridge.commands.later_clauses import PRONOUN, SAME, clean, later_request
from bridge.commands.made_parts import made_together
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.remarks import requested, verb_first
from bridge.commands.said_again import said_again
from bridge.commands.scoped import protects_only
from bridge.commands.split_likely import LATER_PLAUSIBLE, Likely, likely_for  # noqa: F401 (agree reads them here)
from bridge.commands.vocab import PARTS

Reader = Callable[[str], Intent]


NOUNS = frozenset((*PARTS, *VOICES))


def _noun_first(rest: str, said: str) -> bool:
    """Whether a clause starts with a part or a voice that normalising put after a verb said later in it
    ("snare, delete rest of the drums" said as "delete the snare rest ..."): a list's item, not a request."""
    first = rest.lower().replace(",", " ").split()[:1]
    return bool(first) and first[0] in NOUNS and said.split()[:1] != first


def read(heard: str, whole: Intent, read_one: Reader, likely: Likely = lambda *_: True, paired: bool = False) -> Intent:  # fmt: skip
    """The whole sentence's reading ``whole`` with its later requests in ``params["then"]``. A split
    is used only where it is ``likely`` (``likely(split, sequenced)``: the whole sentence's learned
    reading finds the first request's op plausible, or, where "then" says a later request follows,
    its likeliest op is one of the split's: a fragment read out of its sentence may be misread);
    ``paired``: two clauses each led by its verb, joined by "and", are weighed as if "then" joined them."""
    tail = COMMA.split(heard)
    for before in planned(heard):  # "..., we'll add chords later": not asked now
        cut = read_one(before)
        if cut.understood and not said_again(
            whole, cut, lambda: rules(tail[-1].strip())
        ):  # "..., lemme hear 2 more"
            heard, whole = cut.heard, cut
    if (first := done_first(heard, lambda order: _split(heard, order, read_one), read_one)) is not None:
        return first  # "humanize the bass but before that transpose it": the transpose first, else asked
    pieces = [p for p in LATER.split(heard) if p.strip()]
    if len(pieces) > 1:
        split = _split(heard, pieces, read_one)
        same = all(
            SAME.match(clean(p).lower()) for p in pieces[1:]
        )  # "then the same to the bass": the first's op
        if split is not None and (same or likely(split, True)):
            return split
    got = _one(heard, read_one, whole)
    second = clean(FIRST.sub("", pieces[1])) if len(pieces) > 1 else ""
    if second and verb_first(
        normalize(second)[0]
    ):  # "bass up a minor 9th, then quantize it": the first named
        got = _first_lost(clean(FIRST.sub("", pieces[0])), got, second, read_one, False)
    if second:  # "keys down to D major, then swing them" read as the move alone: the swing done after it
        got = _later_lost(pieces, got, read_one)
    # "quantize the snare and make the chords busier" read as both busier: two ("humanize the kick and the keys
    # and make the kick louder": the join between two requests, not the list's own "and")
    joint = next((j for j in AND.finditer(heard) if sl.multi_verbs(heard, j)), None)
    lost = joint is not None and sl.first_lost(_one(clean(heard[: joint.start()]), read_one), got)
    if (
        joint is not None and got.understood and "_fix_" not in marked(heard.lower())
    ):  # not "..., no wait, ..."
        split = _split(heard, [heard[: joint.start()], clean(heard[joint.end() :])], read_one)
        if split is not None and split.params.get("then") and "not_done" not in split.params:
            if (lost or sl.more_done(split, got)) and likely(
                split, paired
            ):  # "swing the bass, make it softer"
                return split  # each clause led by its verb: the split, where the whole reading lost a request
    if (got.params.get("then") or got.params.get("not_done")) and not lost:
        return got
    for joint in AND.finditer(heard):  # "mute the pad track and solo the bass": read as two requests
        rest = clean(heard[joint.end() :])
        said = normalize(rest)[0]
        comma = not joint.group(0).strip(" ,;.")  # "mute bass, solo drums": two, each with its verb
        verbs = sl.multi_verbs(heard, joint)
        if comma and not verbs:
            continue
        # "... and kick +2 dB": ``multi_verbs``; "only kick and snare, delete the rest": "snare" leads no request
        led = verbs or (verb_first(said) and not _noun_first(rest, said)) or SAME.match(rest.lower())
        if not (led or (requested(said) and PRONOUN.search(rest))):
            continue  # "tighten it up", "beef it up": a phrasal verb round a pronoun is a request too
        split = _split(heard, [heard[: joint.start()], rest], read_one)
        if split is None:
            got = got if comma else _first_lost(clean(heard[: joint.start()]), got, rest, read_one)
            continue
        # two requests each led by its verb ("swing the hats and make the bass louder") are as plainly two as
        # "..., then ...": the whole's learned reading is often its last one, and one that lost the first's op
        # ("quantize the snare and make the chords busier" read as both busier) is no reading of it
        if not likely(split, paired and verbs):
            continue
        if verbs and not comma and got.understood and sl.not_carried(split, got):  # fmt: skip
            return split
        # an understood reading stands unless it is the first clause's alone, the rest a request read, or
        # the rest points back at the first's target ("mute the drums and thin them out": two); after a comma
        # only a reading that spread one change over a part the split changes another way ("louder kick, ..."), or
        # two clauses each led by its verb, the later pointing back at nothing ("mute bass, solo drum": never lost)
        if (
            not got.understood
            or multi.swallowed(got, split)
            or (
                (not comma or (verbs and not PRONOUN.search(rest)))
                and _same_request(split, got)
                and "not_done" not in split.params
            )
        ):
            return split
        if not comma and PRONOUN.search(rest) and split.params.get("then") and "not_done" not in split.params:
            if _only(got, read_one(rest), target=False):
                return split
    return got


def _only(whole: Intent, rest: Intent, target: bool) -> bool:
    """Whether the whole sentence's reading is the later clause's alone (its target aside unless
    ``target``): the first clause's request is nowhere in it ("quantize it 25% and turn it into
    midi", one transcription quantized, is not)."""
    said = {k: v for k, v in means_of(whole.as_dict()).items() if k not in ("then", "not_done")}
    alone = {k: v for k, v in means_of(rest.as_dict()).items() if k not in ("then", "not_done")}
    if target:
        return said == alone
    return rest.understood and {k: v for k, v in said.items() if k != "target"}.items() <= alone.items()


def _first_lost(head: str, got: Intent, rest: str, read_one: Reader, target: bool = True) -> Intent:
    """``got``, read as the later clause ``rest`` alone, with a first clause it left out and that
    cannot be read alone ("pull it down and tighten it up" read as the second) named in
    ``not_done``: a request said is never lost silently (``target``: the later clause's target must be
    the reading's too; after "then" its pronoun is the first clause's part)."""
    said = normalize(head)[0]
    if not got.understood or is_aside(head) or not (requested(said) or MOVED.match(said)):
        return got
    alone = read_one(rest)
    spread = _spread_from(got, alone)  # "clean up the hats and make the kick louder" read as both louder
    if not (spread or _only(got, alone, target=target)):
        return got
    if head in got.params.get("not_done", []) or read_one(head).understood:
        return got
    got = Intent(alone.action, alone.part, alone.params, got.heard) if spread else got
    then = list(got.params.get("then", []))
    return _with(got, then, [*got.params.get("not_done", []), head])


def _spread_from(got: Intent, alone: Intent) -> bool:
    """Whether ``got`` is the later clause's change (``alone``) spread onto parts only another clause
    names: the same op and values on more targets."""
    said = {k: v for k, v in means_of(got.as_dict()).items() if k not in ("then", "not_done")}
    own = {k: v for k, v in means_of(alone.as_dict()).items() if k not in ("then", "not_done")}
    wide, narrow = (
        set(t if isinstance(t, list) else [t]) for t in (said.pop("target", []), own.pop("target", []))
    )
    return alone.understood and said == own and bool(narrow) and wide > narrow


def _later_lost(pieces: list[str], got: Intent, read_one: Reader) -> Intent:
    """``got``, the whole sentence's reading, with each request said after "then" that it does not
    carry read alone onto it (in ``then``; in ``not_done`` when not read surely): a later request is
    never lost silently."""
    if not got.understood:
        return got
    then, left = list(got.params.get("then", [])), list(got.params.get("not_done", []))
    for piece in pieces[1:]:
        clause = clean(FIRST.sub("", piece))
        if is_aside(clause) or clause in left or not requested(normalize(clause)[0]):
            continue
        alone = read_one(clause)
        if alone.understood and not sl.not_carried(alone, got):
            continue  # done already ("then quantize it" carried as a value)
        later = later_request(got, clause, read_one)
        then, left = (then, [*left, clause]) if later is None else ([*then, *later], left)
    if (then, left) == (got.params.get("then", []), got.params.get("not_done", [])):
        return got
    return _with(got, then, left)


def _repeats(first: Intent, later: dict[str, Any]) -> bool:
    params = {k: v for k, v in first.params.items() if k not in ("then", "not_done", "heard")}
    return (later["action"], later["part"], later["params"]) == (first.action, first.part, params)


def _same_request(split: Intent, whole: Intent) -> bool:
    first = {k: v for k, v in split.params.items() if k not in ("then", "not_done")}
    return (split.action, split.part, first) == (whole.action, whole.part, whole.params)


def _one(text: str, read_one: Reader, whole: Intent | None = None) -> Intent:
    """One clause's reading (``whole`` when already read): a change on two parts spread over them,
    a clause it left undone read alone."""
    intent = read_one(text) if whole is None else whole
    made = made_together(text, intent, read_one)  # "a drum beat and a bass line": each part made
    if made is not intent:
        return made
    spread = multi.over_parts(text, intent, read_one)
    return _undone(intent, read_one) if spread is intent else spread


def _split(heard: str, pieces: list[str], read_one: Reader) -> Intent | None:
    """The first clause's Intent with the later ones as ``then`` (or ``not_done``), or None when the
    first is not understood or a later clause is neither a request nor an aside."""
    said = clean(FIRST.sub("", pieces[0]))
    if protects_only(normalize(said)[0]):  # "leave the kick alone and thin out the rest": one change
        return None
    first = _one(said, read_one)
    if not first.understood:
        return None
    then, left = list(first.params.get("then", [])), list(first.params.get("not_done", []))
    for piece in pieces[1:]:
        clause = clean(FIRST.sub("", piece))
        if is_aside(clause):
            continue
        later = later_request(first, clause, read_one)
        if later is not None:  # the first request said again ("what key and tempo this is in"): one
            then += [step for step in later if not _repeats(first, step)]
        elif requested(normalize(clause)[0]):
            left.append(clause)
        else:
            return None  # "then it drops": a description, not a request: the whole reading stands
    return _with(Intent(first.action, first.part, first.params, heard), then, left)


def _undone(whole: Intent, read_one: Reader) -> Intent:
    """``whole`` with each clause it left undone read alone: a request read surely goes in ``then``."""
    left = whole.params.get("not_done")
    if not left:
        return whole
    then: list[dict[str, Any]] = list(whole.params.get("then", []))
    still: list[str] = []
    for clause in left:
        if is_aside(clause):
            continue
        later = later_request(whole, clause, read_one)
        if later is None:
            still.append(clause)
        else:
            then.extend(later)
    return _with(whole, then, still)


def _with(first: Intent, then: list[dict[str, Any]], left: list[str]) -> Intent:
    """``first`` with its later requests and the clauses left undone; a part made and then said made
    again in a setting ("write a bassline and make it funky") is one part made in that setting, a key
    and then a tempo set ("set the song to B flat major and 84 bpm") one song setting."""
    params = {k: v for k, v in first.params.items() if k not in ("then", "not_done")}
    for later in list(then):
        again = later["action"] == first.action == "generate" and later["params"].get("again")
        said = set(later["params"]) - {"variations"}  # takes counted later: the make's (takes_of_made)
        if again and later["part"] in (first.part, None) and not said & set(params):
            params.update({k: v for k, v in later["params"].items() if k != "again"})
            then.remove(later)
        elif (  # "set the song to B flat major and 84 bpm": one setting
            first.action == "set_key"
            and later["action"] == "set_tempo"
            and set(later["params"]) == {"tempo_bpm"}
            and "key" in params
            and "tempo_bpm" not in params
        ):
            params["tempo_bpm"] = later["params"]["tempo_bpm"]
            then.remove(later)
    if then:
        params["then"] = then
    if left:
        params["not_done"] = left
    return Intent(first.action, first.part, params, first.heard)
