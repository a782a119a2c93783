"""The content words of a sentence that nothing in its reading accounts for (issue 55).

A word counts only when it names something: the labelled sentences (the generated training corpus
and the project's labelled sets) say it mostly as one kind of thing, a value (a genre, a part a
track is called, a number), an op's word, or a target's word; articles, politeness, chatter and
words never seen name nothing. A word that names something is explained by the reading when it is:

- a value the reading carries: a word of one of its values or fields (``means_of``) or params;
  a number is judged only with a unit the labelled sentences say often (``#bars``; "3 dB" is not);
- said, in the labelled sentences, with the reading's op or one of its targets often enough (an op's
  or a target's word only: a value word is explained by being read, never by the op);
- inside a clause that keeps a target as it is ("leave the drums alone", ``guards.KEPT``) or an
  aside (the reason given, "so I can play it on the piano", ``asides``).

The table is ``unexplained_words.json`` beside this module, written by
``python -m tools.corpus.explained_words`` (reproducible from the repository). Sentences are
normalised first (lower case, numbers as digits, the key taken out as ``_key_``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bridge.commands import vocab as v
from bridge.commands.asides import without_asides
from bridge.commands.audio_words import STEMS
from bridge.commands.break_words import drums_for_break
from bridge.commands.degree_talk import without_degrees
from bridge.commands.described import contractions, without_described
from bridge.commands.edit_words import FOR_THE_CLIP
from bridge.commands.follow_words import OVER
from bridge.commands.guards import KEPT
from bridge.commands.intent import Intent
from bridge.commands.likened import without_likened
from bridge.commands.masking import HIDES
from bridge.commands.means import means_of
from bridge.commands.musicgen_words import without_purpose
from bridge.commands.normalize import normalize
from bridge.commands.region_words import SECTIONS, without_what_stays
from bridge.commands.slipped_numbers import ORDINALS
from bridge.commands.take_words import THIS_PART, THIS_TAKE_OF

TABLE = Path(__file__).with_name("unexplained_words.json")
KINDS = ("value",)  # the kinds of word whose being unexplained stops an act (docs/benchmarks)
# a word after one of these names what the change is heard against, not a value of it
AGAINST = frozenset({"under", "underneath", "beneath", "behind", "against", "above", "below", "top", "alongside",
                     "along", "than", "instead", "clashing", "clash", "fighting", "masking", "drowning"})  # fmt: skip
# and what it is likened to ("like a timpani roll", "the way a jazz drummer would")
CONTEXT = AGAINST | HIDES | {"like", "way"}
KEY = "_key_"  # normalize's stand-in for a key it took out
MODE_SAID = re.compile(r"\b(?:key|" + "|".join(v.MODES) + r")\b")  # a key said as one ("in D minor")
_SPLIT = re.compile(r"[^a-z0-9#]+")
# the names of an interval in semitones within the octave ("up a minor third": 3 semitones)
DEGREES = {1: "second", 2: "second", 3: "third", 4: "third", 5: "fourth", 6: "fifth", 7: "fifth", 8: "sixth",
           9: "sixth", 10: "seventh", 11: "seventh", 0: "octave"}  # fmt: skip
NTH = ("first", "second", "third", "fourth")  # a take by its place
TAKE_WORDS = frozenset({"take", "takes", "version", "versions", "variation", "variations"})
SCALE_DEGREES = {1: "second", 2: "third", 3: "fourth", 4: "fifth", 5: "sixth", 6: "seventh", 0: "octave"}


@dataclass(frozen=True, slots=True)
class Named:
    """What a word names in the labelled sentences: its kind, and the ops and targets that explain it."""

    kind: str  # "value", "op" or "target"
    ops: frozenset[str]
    targets: frozenset[str]


@cache
def table() -> dict[str, Named]:
    """The shipped table (``unexplained_words.json``), read once."""
    return words_from(json.loads(TABLE.read_text()))


def words_from(data: dict[str, Any]) -> dict[str, Named]:
    """A table from its JSON form: ``{word: {"kind": k, "ops": [op], "targets": [target]}}``."""
    return {w: Named(d["kind"], frozenset(d["ops"]), frozenset(d["targets"])) for w, d in data.items()}


def value_words(value: object, keys: bool = True) -> set[str]:
    """The words of a value as a sentence says them ("hip-hop": hip, hop; "track:el bajo": el, bajo),
    with the field names of a mapping ("last_bars": last, bars) when ``keys``."""
    if isinstance(value, dict):
        return {
            w for k, v in value.items() for w in (value_words(k) if keys else set()) | value_words(v, keys)
        }
    if isinstance(value, (list, tuple, set)):
        return {w for item in value for w in value_words(item, keys)}
    text = str(value).lower()
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    said = [w for w in _SPLIT.split(text) if w]  # in order: normalize reads phrases ("hip hop")
    return set(said) | set(normalize(" ".join(said))[0].split())


def targets_of(means: dict[str, Any]) -> set[str]:
    """The targets a schema reading names (a list of them, or one)."""
    target = means.get("target")
    return {str(t) for t in (target if isinstance(target, list) else [target]) if t is not None}


def carried_words(means: dict[str, Any], intent: Intent) -> set[str]:
    """The words the reading's values say: its fields, params and part, each with and without a plural
    "s" ("offbeat_stabs" says "offbeats"); a whole separation's stems; every part of all the parts,
    and every section of a song; a beat scope's beat numbers."""
    words = value_words(means) | value_words(intent.params) | value_words(intent.part or "")
    words |= {w + "s" for w in words} | {w[:-1] for w in words if w.endswith("s")}
    targets = targets_of(means)
    # every stem is made: "into drums, bass and vocals"
    if means["op"] == "separate" and "target" not in means:  # the four of the default split: "all 4 stems"
        words |= set(STEMS) | {"4"}
    if means["op"] == "analyze":  # what an analysis reads: "figure out the chords in this sample"
        words |= {"chords", "chord", "key", "tempo", "bpm", "meter", "time", "signature"}
    # a part said by another of its names is read as that part: "some keys in 3/4" (chords), "a percussion pattern"
    words |= {w for name, part in v.PARTS.items() if part in targets for w in name.split()}
    if isinstance(genre := means.get("genre"), str):  # a genre said by another of its names: "jungle", "dnb"
        words |= {w for name, said in v.GENRES.items() if said == genre for w in name.split()}
    if targets & {"all", "song"}:  # every part made: "all of it, drums, bass and chords"
        words |= {w for name in v.PARTS for w in name.split()}
        words |= {w for name in SECTIONS for w in name.split()} if "song" in targets else set()
    if isinstance(step := means.get("semitones"), int):  # "a minor third": 3 semitones
        words |= {DEGREES[abs(step) % 12], DEGREES[abs(step) % 12] + "s"}
    if isinstance(steps := means.get("steps"), int):  # "up a third": 2 steps of the scale
        words |= {SCALE_DEGREES[abs(steps) % 7], SCALE_DEGREES[abs(steps) % 7] + "s"}
    if means["op"] == "compare":  # "takes 1 and 3", "the last two": the takes compared by number, or a pair
        takes = (intent.params.get("which"), intent.params.get("other"))
        words |= {"2"} | {str(NTH.index(t) + 1) for t in takes if t in NTH}
    scope = means.get("scope") or {}
    if "last_bars" in scope:  # "over the last 8 bars, it's the outro": the clip's end, named so
        words |= {"outro", "ending", "end"}
    if "first_bars" in scope:
        words |= {"intro", "start", "beginning", "opening"}
    if isinstance(nth := scope.get("nth"), int | float) and 1 <= nth <= 12:  # "the third chorus": nth 3
        words.add(ORDINALS[int(nth) - 1])
    if "beats" in scope:  # "on 2 and 4": the backbeat
        words |= {"1", "2", "3", "4"}
    if (
        isinstance(grid := intent.params.get("grid"), (int, float)) and grid > 0
    ):  # "to 1/16": a 16th note's grid
        words |= {"1", str(round(4 / grid))}
    shares = (
        intent.params.get(name) for name in ("amount", "strength", "quantize")
    )  # "humanize it 20%": 0.2
    return words | {str(round(share * 100)) for share in shares if isinstance(share, float)}


# how a new part should sound, said last after a degree word ("..., super dusty", "something dark n moody"):
# the flavour of the part made, which no field of a make carries (a genre in it is read all the same)
DESCRIBED = re.compile(
    r" (?:super|real|really|very|well|proper|extra|mega|kinda|kind of|sort of|quite|pretty|nice and|something|"
    r"somethin|all)(?: [a-z]+){1,4} $"
)
MADE_OPS = ("make",)


# a place kept as it is: "leave the verses as they are", "keep the bridge chords untouched"
KEPT_PLACE = re.compile(
    r" (?:leave|keep) (?:the |my )?\w+(?: \w+)? (?:as (?:it is|they are|is)|alone|untouched|unchanged)(?= )"
)


def request_of(s: str) -> str:
    """A normalised sentence without its asides (the purpose clause, "keep the rest as is":
    ``asides``) and its clauses that keep a target or a place as it is, or say what is left in a place a
    part is taken out of ("no drums in the verse, just the guitar": ``region_words.without_what_stays``);
    a drum break said as the drums is the drums ("the break's too stiff, loosen it up": ``break_words``); chords
    named by their degrees ("walks the 1 4 and 5") are talk (``degree_talk``)."""
    s = drums_for_break(without_what_stays(without_asides(without_degrees(without_likened(s)))))
    for pattern in (*KEPT, KEPT_PLACE):
        s = pattern.sub(" ", s)
    return s


def with_units(s: str) -> list[tuple[str, str | None]]:
    """Each word of a normalised sentence with, for a number, its unit's name in the table: the word
    after it ("3 db": ``#db``; ``#`` at the end)."""
    words = s.split()
    return [(w, f"#{(words[i + 1 :] or [''])[0]}" if w.isdigit() else None) for i, w in enumerate(words)]


def unexplained(
    sentence: str, intent: Intent, words: dict[str, Named] | None = None, kinds: tuple[str, ...] = KINDS
) -> list[str]:
    """The words of ``sentence`` of ``kinds`` that name something ``intent`` (an understood reading of
    it) does not account for, in the sentence's order, each once; [] for an intent not understood."""
    if not intent.understood:
        return []
    known = table() if words is None else words
    means = means_of(intent.as_dict())
    op, targets = str(means["op"]), targets_of(means)
    s, key, _ = normalize(without_purpose(sentence) if op == "musicgen" else sentence)
    cut = request_of(s)  # the words below are of this, some cut or blanked
    if not any(
        w in NTH or ((named := known.get(w)) is not None and named.kind in kinds) for w in cut.split()
    ):
        return []  # no word the loop below could leave: what the reading carries need not be read
    carried = carried_words(means, intent)
    if key is not None and (value_words(key) <= carried or not MODE_SAID.search(sentence.lower())):
        carried.add(KEY)  # the key it says is read, or a bare "em" that may be "them" ("thin em out")
    left: list[str] = []
    carried |= contractions(sentence, carried)  # "what key's this loop in": the key read
    request = without_described(cut, means)  # "split this old work tape": the clip described
    if means.get("follow") == "this":  # "a bass line over these chords": the chords are the clip followed
        request = OVER.sub(" _ ", request)
    if op == "accompany":  # "chords for this melody": the melody is the clip played along with
        request = FOR_THE_CLIP.sub(" _ ", request)
    if op in ("star", "unstar"):  # "this take of the chords": the take in hand, the part saying what it is
        request = THIS_PART.sub(
            " this take ", re.sub(THIS_TAKE_OF.pattern + r"\w+(?= )", " this take ", request)
        )
    described = DESCRIBED.search(request) if op in MADE_OPS else None
    flavour = set(described.group(0).split()) if described is not None else set()
    said = with_units(request)
    for i, (word, unit) in enumerate(said):
        if (
            word in NTH
            and word not in carried | set(left)
            and said[i + 1 : i + 2]
            and said[i + 1][0] in TAKE_WORDS
        ):
            left.append(word)  # "..., the third take": a take by its place that the reading does not act on
            continue
        named = known.get(word)
        if word in carried or word in flavour or named is None or named.kind not in kinds or word in left:
            continue
        if not word.isdigit() and {w for w, _ in said[max(i - 3, 0) : i]} & CONTEXT:
            continue  # "buried under the strings", "clashing with the bass": what it is heard against
        if unit is not None and unit not in known:  # "3 dB": a number whose unit the sentences hardly say
            continue
        if word.isdigit() and {str(int(word) - 1), str(int(word) + 1)} & carried:
            continue  # a bound read as the bar next to it ("before bar 5": up to bar 4)
        if named.kind != "value" and (op in named.ops or targets & named.targets):
            continue
        left.append(word)
    return left
