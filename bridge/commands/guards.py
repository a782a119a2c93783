"""What a reading the rules and the learned reading agree on would overrule in its sentence (issue 55):
then the sentence is asked about, not acted on (``agree``).

- a kept target changed: the sentence keeps a part or a drum voice ("keep the kick as is, strip
  back the percussion", "keep the kick but take the hats out", "the snare's fine, ...") and the
  reading changes it (the scoped clauses, ``scoped``, are cut out before a reading when the rest
  can be read alone; this is for the sentences where they could not be);
- a scope lost: the sentence says where ("in the last two bars", "in the second half", "in the
  verse") and the reading, of an op that works over a scope, does not carry it (``lost``: the same
  test ``agree`` puts to a reading that would replace the rules'); an automation's length in bars
  is no place ("fade the drums out over the last 4 bars" read as a 4-bar fade from the start), nor
  is its rhythm a place ("duck the bass on every beat");
- a part lost: the sentence names a part or drum voice, the learned reading reads the same one,
  and the reading acted on (of an op on a part) has no target ("carry the melody on for 8 more
  bars" read as the selected clip continued);
- takes not read: the sentence names the takes to compare ("this one and the last take") and the
  reading compares without them (the slot readers did not read them);
- a question acted on: the sentence asks ("is this clip in D dorian?") and the reading is an op
  that answers no question, which the learned reading is not sure of either;
- a vague request acted on: the sentence asks for something unnamed ("do something with the bass",
  "fix the bridge", "the drums need something, idk what") and the reading writes or rewrites notes
  with no value said (``vague_words.VAGUE``): what to write is asked, never guessed;
- a track name that is a clause: the name read runs on into the sentence ("solo the bass so i can
  hear it" read as a track "bass so i can hear it"): four words or more, or a pronoun in it;
- no part to change: a level or density change (louder, softer, busier, simpler) with no target,
  when the sentence names a part or track the reading did not read ("the organ track should
  breathe more") or says no "this", "it" or clip at all ("give the outro more punch"): the
  selected clip is changed only when the sentence points at it;
- a thing not read removed: a removal of no part (every note of its place cleared) in a sentence
  that names a thing no reader knows ("kill the china in the second half", "get rid of the gong");
- another fix complained of: a level or density change when the sentence's complaint asks for
  another ("can the drums be calmer? there's too much going on" read as softer: the complaint is
  of too many notes);
- two parts in two clauses (``two_targets``, on the sentence as written): the sentence has two
  clauses and the learned reading is sure of another whole part or the clip than the one read, and
  says it ("everything drags, can the bass go half time" read as all of it; "star this one, that
  groove slaps" read as the drums); likewise a drum voice read where the learned reading is sure of
  the drums the sentence names as a whole ("the shaker is in the way, so thin out the drums").

Sentences are normalised (padded, lower case, numbers as digits).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import explain
from bridge.commands import scoped as sc
from bridge.commands import vocab as v
from bridge.commands.edit_words import FOR_THE_CLIP, THIS_CLIP, accompanied_part
from bridge.commands.follow_words import OVER
from bridge.commands.intent import Intent
from bridge.commands.means import SELECTED_OPS, VOICES, means_of
from bridge.commands.mood_words import mood_only
from bridge.commands.region_words import SECTIONS
from bridge.commands.scope_words import scope_of
from bridge.commands.take_words import THIS_PART, THIS_TAKE_OF
from bridge.commands.vague_words import VAGUE
from bridge.commands.whole_words import whole_said

# a target kept in words the scoped clauses do not cut out: "keep the kick but ...", "the snare's fine"
KEPT = (
    *sc.CLAUSES,
    re.compile(rf" (?:keep|leave) {sc._T},? (?:but|and|just|only|then|while)(?= )"),
    re.compile(rf" {sc._T} (?:fine|good|great|sorted|perfect|ok|okay|solid)(?= )"),
    # "leave the kick drum exactly as it is", "keep the hats just the same"
    re.compile(
        rf" (?:keep|leave) {sc._T} (?:exactly|just|completely|totally|entirely|precisely) "
        r"(?:as (?:it is|they are|is|it was)|alone|untouched|unchanged|the same|how it is)(?= )"
    ),
)
# ops that work over a scope of the clip: one said and not carried is a meaning dropped
SCOPED_OPS = frozenset({"remove", "add", "busier", "simpler", "louder", "softer", "quantize", "humanize",
                        "swing", "feel", "transpose", "shift", "keep_only", "vary", "infill", "fill"})  # fmt: skip
CARRIES = ("scope", "bars", "every")
# the places an automation runs over ("the last 4 bars", "the second half"); its rhythm ("duck it on
# every beat") and its starting point ("at the start of the intro") are none
SPANS = ("bars", "first_bars", "last_bars", "half", "section", "from_bar", "until_bar")
# a take named in words ("the last take", "this one", "the one before it", "take 3")
TAKES_NAMED = re.compile(
    r" (?:(?:first|second|third|last|previous|this|that|latest|newest|earlier) (?:one|take|version|variation|attempt|try)"
    r"|one before(?: it| that)?|take \d+|version \d+)(?= )"
)
WRITES = ("make", "vary", "accompany", "infill", "continue")  # ops that write notes of their own choosing
BARE = ("op", "target", "scope")  # the fields of a reading that says what is written on, not what
NOT_A_NAME = frozenset({"i", "me", "you", "it", "we", "us", "so", "can", "make", "let", "for", "about"})
PART_OPS = SCOPED_OPS | {"continue", "accompany"}  # ops on a part: one named and not read is dropped
LEVEL_OPS = ("louder", "softer", "busier", "simpler")  # a change to one part's level or density
POINTED = re.compile(r" (?:this|it|its|that|clip|selection|selected|everything|all)(?= )")  # the clip
WHOLE = ("drums", "bass", "chords", "melody", "all", "this", "vocals")  # a whole part or the clip
CLAUSES = re.compile(r"[,;:?!(]|\.\s")  # a sentence of two clauses or more, as written
VOICE_TARGETS = frozenset((*sc.ALL_VOICES, "claps", "crash", "ghost_notes"))  # drum voices as targets
# the drums said as a whole ("thin out the drums", "the drum pattern"), never a voice's own name ("the bass drum")
KIT = re.compile(
    r" (?:the|my|this|that|these|those) (?:drums|kit|drum (?:pattern|part|beat|groove|loop|track))(?= )"
)
SAID = {"this": re.compile(r" (?:this|it|that|clip|selection|recording|sample|loop)(?= )"),
        "all": re.compile(r" (?:all|everything|whole|every part)(?= )")}  # fmt: skip
# a removal of no part clears every note of its place: one that names a thing it does not read is asked
THING = re.compile(r" (?:the|my|those|these|that) (\w+)(?= )")
PLACES = frozenset(
    "bar bars measure measures first last second third fourth final half start end beginning top rest whole "
    "clip song loop section part beat beats note notes everything all same way other next previous track "
    "selection selected arrangement".split()
) | {w for name in SECTIONS for w in name.split()}
PARTS = (
    "drums",
    "bass",
    "chords",
    "melody",
    *sc.ALL_VOICES,
    "claps",
    "crash",
)  # targets a sentence names  # the schema's fields that hold where (or how long)


def kept_targets(s: str) -> set[str]:
    """The parts, drum voices and tracks the sentence says to keep as they are."""
    found: set[str] = set()
    for pattern in KEPT:
        for m in pattern.finditer(s):
            name = sc.target_of(m.group("t"))
            found.add(VOICES.get(name, name))
    return found


def changed(intent: Intent) -> set[str]:
    """What an understood intent changes: its target(s), its part and its drum voices."""
    target = means_of(intent.as_dict()).get("target")
    names = set(target if isinstance(target, list) else [target])
    names |= {VOICES.get(x, x) for x in str(intent.params.get("voices") or "").split(",")}
    return {str(x) for x in names | {intent.part} if x}


def _place_energy(intent: Intent, s: str) -> bool:
    """Whether ``intent`` is the energy dial of a place with no part said ("bring the energy down in the verse":
    every part there, the section's tracks, ``bridge.actions.sections``; "take the energy up for the last 8
    bars": the selected clip's level there, ``energy_words.energy_span``), so no part is asked."""
    p = intent.params
    if intent.part is not None or " energ" not in s:  # "sub too quiet in the drop, push it up": which part?
        return False
    if intent.action == "adjust":
        return p.get("what") == "energy" and "region" in p
    spans = "first_bars" in p or "last_bars" in p
    return intent.action == "transform" and p.get("kind") == "velocity" and spans


def overrules(intent: Intent, s: str, p_op: float, sure: float, target: str | None = None) -> str | None:
    """Why acting on ``intent`` would overrule what ``s`` says (``p_op``: the learned reading's
    probability of its op; ``sure``: the agreement's bar for a sure reading; ``target``: the
    learned reading's target when sure), or None."""
    means = means_of(intent.as_dict())
    op = str(means["op"])
    kept = kept_targets(s) & changed(intent) if op != "keep_only" else set()  # (keep_only keeps them)
    if kept:
        return f"it keeps the {sorted(kept)[0]}"
    said = {k: v for k, v in scope_of(s)[0].items() if not (op == "feel" and k == "on")}  # "on the offbeats"
    if op in SCOPED_OPS and lost(
        {"scope": said} if said else {}, {n: means[n] for n in CARRIES if n in means}
    ):
        return "the place it says is not read"
    place = {k: v for k, v in said.items() if k in SPANS}
    if op == "automate" and place and lost({"scope": place}, {"scope": means.get("scope") or {}}):
        return "the place it says is not read"  # "over the last 4 bars" read as a 4-bar fade
    named = explain.target_in(THIS_CLIP.sub(" this ", s))  # "extend this groove": the clip, not drums
    if (  # "carry the melody on"; "loosen hatz up" (a part the rules do not read, no clip pointed at)
        op in PART_OPS
        and "target" not in means
        and target in PARTS
        and not _place_energy(
            intent, s
        )  # round 36: "the tune needs more energy in the chorus": the song's there
        and (named == target or (named is None and not POINTED.search(s)))
    ):
        return f"it names the {target}"
    if (
        op in LEVEL_OPS
        and "target" not in means
        and not _place_energy(intent, s)
        and (named is not None or not POINTED.search(s) or _unread_thing(s) is not None)
    ):  # "the sub's too quiet, push it up": "it" is a thing the rules do not read
        return "it names no part it reads"
    if op == "remove" and "target" not in means and _unread_thing(s) is not None:  # "kill the china"
        return f"it names the {_unread_thing(s)}, which it does not read"
    if op in SCOPED_OPS and mood_only(s):  # "the mood is too happy for this scene": no level, no way said
        return "it complains of a mood, and says no way to change it"
    if op in LEVEL_OPS and complained(s) not in (None, op):  # "calmer? there's too much going on": simpler
        return f"it complains of what {complained(s)} fixes"
    if any(_clause(name) for name in changed(intent) if name.startswith("track:")):
        return "the track it names is not a name"
    if op in WRITES and set(means) <= set(BARE) and VAGUE.search(s.rstrip()):
        return "it does not say what to write"
    if explain.asks(s) and op not in explain.ANSWERS and (p_op < sure or explain.asks_only(s)):
        return "it asks a question"
    if op == "accompany" and accompanied_part(s, v.PARTS):  # "something to go with the bass": which is new?
        return "the part it names is the one played along with"
    if op == "compare" and "other" not in means and TAKES_NAMED.search(s):  # "this one and the last take"
        return "the takes it names are not read"
    return None


def two_targets(intent: Intent, heard: str, s: str, target: str | None) -> str | None:
    """Why acting on ``intent`` may change the wrong part, or None: the sentence has two clauses
    ("everything feels rushed, can the drums go half time", "star this one, that groove slaps") and
    the learned reading is sure of another whole part or the clip (``target``) than the one read."""
    means = means_of(intent.as_dict())
    got = means.get("target") or ("this" if means["op"] in SELECTED_OPS else None)
    kit = target == "drums" and isinstance(got, str) and got in VOICE_TARGETS and KIT.search(s) is not None
    if (
        target not in WHOLE
        or (got not in WHOLE and not kit)
        or got == target
        or means["op"] in ("musicgen", "separate")
    ):
        return None  # (a separation's stem is a stem of the clip, no other target)
    if {got, target} & kept_targets(s) or not CLAUSES.search(heard.rstrip(" .!?")) or not _says(s, target):
        return None
    held = THIS_TAKE_OF.search(s) or THIS_PART.search(s)  # "this take of the chords", "this bass"
    if means["op"] in ("star", "unstar") and held:  # "... is lovely, mark it with a star": the take in
        return None  # hand, the part saying what it is
    if means["op"] == "accompany" and not _says(FOR_THE_CLIP.sub(" _ ", s), target):  # "chords for this
        return None  # melody": the melody said is the clip played along with
    if means.get("follow") == "this" and not _says(OVER.sub(" _ ", s), target):  # "a topline over these
        return None  # chords, give me 3 options": the chords said are the selected clip followed
    if got == "all" and whole_said(s):  # "the whole beat, every part": the beat is every part of it
        return None
    return f"it says the {target} as well as the {got}"


def _unread_thing(s: str) -> str | None:
    """A thing a sentence names ("the china") that is no place, section or the clip, or None."""
    return next((w for w in THING.findall(s) if w not in PLACES and not w.isdigit()), None)


def _says(s: str, target: str) -> bool:
    """Whether a normalised sentence says ``target`` (a whole part, all of them, or the clip)."""
    if target in SAID:
        return SAID[target].search(s) is not None
    return any(f" {name} " in s for name, part in v.PARTS.items() if part == target)


def _clause(track: str) -> bool:
    """Whether a track's name (``track:<name>``) is a clause of the sentence, not a name."""
    words = track.split(":", 1)[1].split()
    return len(words) >= 4 or bool(NOT_A_NAME & set(words))


def lost(said: dict[str, Any], reading: dict[str, Any], aside: tuple[str, ...] = ()) -> list[str]:
    """The fields of ``said`` (schema fields: a reading acted on before, or the scope a sentence says)
    whose plain values are not all among ``reading``'s, the op and ``aside`` left out: what the reading
    drops ("the final 2 bars": the rules' 2 bars made, a reading of the last 2 bars simplified, keeps the 2)."""
    kept = atoms(list(reading.values()))
    gone = [name for name in said if name not in ("op", *aside) and not atoms(said[name]) <= kept]
    if (every := _every(said)) is not None and _every(reading) != every and not gone:  # "a fill every 8
        gone.append("every")  # bars" read as 8 bars made: the 8 is kept, its recurrence lost
    return gone


_FILLS_EVERY = {"4": "4", "phrase": "8"}  # the generate option fills, as bars (place_words.FILLEVERY)


def _every(means: dict[str, Any]) -> str | None:
    """The recurrence a schema reading says ("every": bars, as a fill's, a scope's or a new part's fills;
    a word as said: "phrase", "none")."""
    scope = means.get("scope")
    every = means.get("every", scope.get("every") if isinstance(scope, dict) else None)
    fills = _FILLS_EVERY.get(str(means.get("fills")))
    return str(fills if every is None else every) if every is not None or fills is not None else None


def atoms(value: object) -> set[str]:
    """The plain values in a schema value (a scope's numbers, a list's items)."""
    if isinstance(value, dict):
        return atoms(list(value.values()))
    if isinstance(value, (list, tuple)):
        return {a for item in value for a in atoms(item)}
    return {str(value)}


# a complaint names the fix's direction: "the kick's too hot" is softer, "the congas are too bare" busier
COMPLAINTS = {
    "softer": re.compile(r" too (?:loud|hot|present|up front|much in the mix) "),
    "louder": re.compile(r" too (?:quiet|low in the mix|buried|far back) "),
    "busier": re.compile(r" too (?:empty|bare|sparse|plain|thin|simple) "),
    "simpler": re.compile(r" too (?:busy|cluttered|crowded|full|complicated|complex|much going on) "),
}


def complained(s: str) -> str | None:
    """The op a complaint in the sentence asks for, when it names one direction only, else None."""
    said = [op for op, words in COMPLAINTS.items() if words.search(s)]
    return said[0] if len(said) == 1 else None
