"""The session's own words (issue 44): answers, counts, takes by their place, live tempo, meter.

``session_of`` reads a normalised sentence (padded, digits) and gives an Intent or None:

- "yes do it" ``confirm {yes: True}``, "nah don't" ``{yes: False}``, "yeah the first" ``{choice: 1}``;
- "undo the last two things" ``undo {count: 2}``; "put that back, redo" ``history {do: redo}``;
- takes by place: "star the third one" ``history {do: star, which: third}``, "i liked the second
  one better" ``{do: recall, which: second}``, "bring back take a3f9c2" ``{which: take:a3f9c2}``,
  "what changed between the second and the third take" ``{do: compare, which: second, other:
  third}``, "show me my starred takes" ``{do: list, starred: True}``;
- the jam's tempo and key: "speed the jam up to 128" ``set_tempo {tempo_bpm: 128, target: jam}``
  (a playing jam follows Live's tempo; nothing starts), "push the jam up 4 bpm" ``{change_bpm: 4}``,
  "make the jam twice as fast" ``{tempo_factor: 2}``, "switch the jam to E minor" ``jam {do: set,
  name: key}``; a relative song tempo: "bump the tempo up 5 bpm" ``set_tempo {change_bpm: 5}``;
- the meter: "switch the song to 6/8" ``set_meter {meter: "6/8"}``.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import take_refs as tr
from bridge.commands import take_words as tw
from bridge.commands import vocab as v
from bridge.commands.counts import NEW_SONG, times_said
from bridge.commands.intent import Intent
from bridge.commands.jam_words import starts
from bridge.commands.meter_words import made_in
from bridge.commands.said import said
from bridge.commands.tempo_moves import LOWER, RAISE, said_change

YES = frozenset({"yes", "yeah", "yep", "yup", "sure", "ok", "okay", "confirm", "absolutely", "definitely", "si"})  # fmt: skip
YES_FILL = frozenset(
    {"do", "it", "go", "ahead", "please", "replace", "that", "sounds", "good", "lets", "one", "1", "for"}
)
NO = frozenset({"no", "nah", "nope", "dont", "not"})
NO_FILL = frozenset(
    {"keep", "it", "thanks", "thank", "you", "do", "that", "please", "the", "old", "one", "leave", "1"}
)
_CHOICE = re.compile(
    r"^(?:(?:yes|yeah|yep|ok|okay|no|sorry) )?(?:do |take |pick |go with |i want |i meant |i mean |i said )?(?:the )?"
    r"(first|1st|second|2nd)(?: one| 1| option| choice| suggestion)?$"
    r"|^(?:option|number) (1|2)$"
)
_UNDO = re.compile(
    r" (?:undo|go back|revert|take back|step back)(?: the| my| those| these)?(?: last)? (\d+)(?: things?| changes?| steps?| times?|"
    r" edits?| actions?| moves?)? | undo (?:that|it|the last (?:change|thing|edit|step|action)) (\d+) times | undo (?:that |it )?(twice) "
    r"| undo (?:that|it|this)(?: one| change)? (and) the (?:one|change|thing|edit|step) (?:before|ahead of)(?: it| that)? "
)
REFS = {"first": "first", "1st": "first", "second": "second", "2nd": "second", "third": "third", "3rd": "third",
        "fourth": "fourth", "4th": "fourth", "last": "last", "latest": "last", "newest": "last",
        "previous": "previous", "earlier": "previous"}  # fmt: skip
# a take by its place; not a place in the clip ("the first four bars", "the last bar", "the second half")
_REF = re.compile(
    rf" (?:the )?({'|'.join(REFS)})(?: (?:one|1|take|version|variation|idea)s? | "
    r"(?!(?:\d+ )?(?:bars?|measures?|beats?|half|time|verse|chorus|section|notes?|hit|hits)\b))"
)
_NAME_WHICH = re.compile(
    rf"^ (?:re(?:name|label|title)|name|call|label|title) (?:the )?(?:{'|'.join(REFS)})(?: (?:one|1|take|version|variation))? (?:as |to )?(.+) $"
)
# "my favourite takes", "the takes with a star", "the versions that have stars": the starred ones
_STARRED = re.compile(
    r" (?:starred|favou?rites?|best|liked) | (?:with|that have|that has|having) (?:a |the )?stars? | (?:put|gave) a star "
)
_TAKE_ID = re.compile(r" take ([0-9a-f]{6,12}) ")
RECALL_WORDS = ("liked", "like", "prefer", "preferred", "better", "go with", "use", "bring back", "back to",
                "recall", "restore", "pick", "choose", "keep the", "want the", "switch to")  # fmt: skip
_LIST = re.compile(
    r" (?:show|list|see|display|what are)(?: me| us)?(?: all)?(?: of)?(?: my| the)?(?: (starred|favourite|favorite))?"
    r"(?: (drums?|bass|chords?|melody|drum))?(?: takes| versions| history) "
    r"| (?:show|list|see|display)(?: me| us)?(?: only| just| all)?(?: the| my)? (starred|favourite|favorite)"
    r"(?: (drums?|bass|chords?|melody|drum))? (?:take|version|one)s? "
    r"| (?:how many|what|which) (?:of )?(?:my |the )?(?:(?:starred|drums?|bass|chords?|melody) )*(?:takes|versions|variations) "
    r"(?:(?:of (?:the |my )?\w+ )?(?:(?:i|we|you|ive|weve) )?(?:have|got|do|did|are|is|made|so far)|$)"
    r"| (?:show|list|see|display)(?: me| us)?(?: only| just| all)? (?:the|my)(?: (?:drums?|bass|chords?|chord|melody))? "
    r"(?:takes|versions|ones) (?:that )?(?:i|ive|i have|weve)"
    r" (?:starred|favourited|liked|saved|put a star on|gave a star) "
    r"| how many (?:\w+ ){0,2}(?:takes|versions|variations) (?:of |have |do |did |are |is |ive |weve |i |we |so |there )"
)  # "show me only the takes ive starred"; "how many bass takes have i got"
_SHOW = re.compile(
    r"^ (?:can you |please )?(?:show|list|display|see)(?: me| us)?(?: \w+){0,5} (?:takes|versions|history|starred ones|favourite ones) $"
    r"|^ (?:can you |please )?(?:show|list|display)(?: me| us)? (?:everything|all|what|the ones|the takes) i (?:starred|favourited|liked|saved) $"
)
_JAM_PART = re.compile(
    r" (drop|take out|lose|mute|kill|cut|bring back|bring in|add) the (drums|beat|bass|chords|melody) "
)
_JAM_RELATIVE = re.compile(  # "speed the jam up a little": its tempo by a step the parser chooses
    r" (?:speed|slow|push|pull) the jam (up|down)(?: (a lot|a bit|a little|a touch|slightly))? $"
    r"| (?:(?:make|get) the )?jam (?:(a lot|a bit|a little|slightly) )?(faster|slower) $"
)
_JAM_TEMPO = re.compile(r"^ (?:set )?(?:the )?jam(?:s)? (?:tempo|bpm|speed) (?:to )?(\d+)(?: bpm)? $")
_JAM = (" jam ", " jamming ", " the jam ")
_FACTOR = {"twice as fast": 2.0, "double speed": 2.0, "double time": 2.0, "half as fast": 0.5, "half speed": 0.5,
           "twice as slow": 0.5}  # fmt: skip
_DENSITY = re.compile(r" jam(?: s)? density (?:\w+ ){0,2}(?:(?:to|at|of) )?(?:(0|1) (\d+)|(\d+) percent) ")
_TO = re.compile(r" (?:to|at) (\d+)(?: bpm| beats per minute)? ")
RELATIVE_STEP = 5  # bpm: "a bit faster" (a lot faster: twice it), a step the parser chooses, marked "chosen"
_LOT = r"(?:a lot|much|way|lots)"
_BIT = r"(?:a bit|a little|a touch|a little bit|slightly|somewhat)"
_RELATIVE = re.compile(
    rf" (?:make|get|take|have|play) (?:the song|the track|it|this|everything|the tempo|things|the whole thing) "
    rf"(?:(?P<lot1>{_LOT}) |{_BIT} )?(?P<way1>faster|slower|quicker) "
    rf"| (?:speed|slow) (?:(?:the song|the track|it|this|things|everything|the tempo) )?(?P<way2>up|down)"
    rf"(?: (?P<lot2>{_LOT})| {_BIT})? $"
)
_METER = re.compile(
    r" (?:to|in|into|at) (2|3|4|5|6|7|9|12) (2|4|8|16)(?: time)? | (2|3|4|5|6|7|9|12) (2|4|8|16) time "
    r"| (?:song|it|this|meter) (2|3|4|5|6|7|9|12) (2|4|8|16) $"
)


def session_of(s: str, heard: str, key: str | None) -> Intent | None:
    """An intent for the session's own words, or None."""
    s = s.replace(" jams ", " jam ")  # "the jam's key" (apostrophes are gone)
    s = re.sub(
        r" keep (?:on )?jamming(?: but| and)? ", " in the jam ", s
    )  # "keep jamming but drop the drums"
    words = s.split()
    if words and set(words) & YES and set(words) <= YES | YES_FILL:
        return Intent("confirm", None, {"yes": True}, heard)
    if words and set(words) & NO and set(words) <= NO | NO_FILL:
        return Intent("confirm", None, {"yes": False}, heard)
    if (choice := _CHOICE.match(s.strip())) is not None:
        picked = choice.group(1) or choice.group(2)
        return Intent("confirm", None, {"choice": 1 if picked in ("first", "1st", "1") else 2}, heard)
    if (undo := _UNDO.search(s)) is not None and not said(
        s.replace(" take back ", " "), "bar", "bars", "take", "takes"
    ):
        count = 2 if undo.group(3) or undo.group(4) else int(undo.group(1) or undo.group(2))
        return Intent("undo", None, {"count": count} if count > 1 else {}, heard)
    if (
        said(s, "redo")
        and not said(s, "bar", "bars")
        and not re.search(r" redo (?:the|my|this|it) (?!(?:\w+ )?(?:\d+ times |twice )|last \d+ )\w", s)
    ):  # "redo the last 2", "redo it like 3 times"
        count = int(last.group(1)) if (last := tr.REDO_LAST.search(s)) else times_said(s) or 0
        return Intent("history", None, {"do": "redo", **({"count": count} if count > 1 else {})}, heard)
    takes = _takes(s)
    if takes is not None:
        return Intent("history", takes.pop("part", None), takes, heard)
    if any(j in s for j in _JAM):
        return _jam(s, heard, key)
    return _song(s, heard, key)


def _within(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``at`` lies inside one of ``spans`` ("the last" of "the take before the last")."""
    return any(start < at < end for start, end in spans)


def _refs(s: str) -> list[str]:
    return tr.paired(s) or [ref for _, ref in _placed_refs(s)]  # "the first two takes": a pair


def _placed_refs(s: str) -> list[tuple[int, str]]:
    """The takes said by their place, with where each is said, in the sentence's order."""
    before = [(m.start(), m.end()) for m in tr.BEFORE_THAT.finditer(s)]  # "the one before that"
    found = [(m.start(), REFS[m.group(1)]) for m in _REF.finditer(s) if not _within(m.start(), before)]
    found += [(m.start(), f"take:{m.group(1)}") for m in _TAKE_ID.finditer(s)]
    found += [(start, "previous") for start, _ in before]
    return sorted(found)


def _takes(s: str) -> dict[str, Any] | None:
    """History params for a sentence about takes by their place, or None."""
    listed = _LIST.search(s) or _SHOW.search(s)
    if listed:
        part = next(
            (p for w, p in v.PARTS.items() if f" {w} " in s and p in ("drums", "bass", "chords", "melody")),
            None,
        )
        starred = _STARRED.search(s) is not None
        out: dict[str, Any] = {"do": "list", **({"starred": True} if starred else {})}
        return {**out, "part": part} if part else out
    refs = _refs(s)
    named = _NAME_WHICH.match(s)  # "name the second one verse groove"
    if named and refs:
        return {"do": "name", "which": refs[0], "name": named.group(1).strip()}
    last_one = re.search(r" the last (?:one|1|take|version) (?!bars? |measures? )", s)
    if (
        last_one
        and refs == ["last"]
        and said(s, "go with", "keep", "prefer", "liked", "like", "pick", "choose", "better")
    ):
        return {"do": "recall", "which": "last"}  # "go with the last one"
    if not set(refs) - {"last", "previous"} and refs and tr.MARK.match(s):  # "star the last one"
        return {"do": "unstar" if s.startswith(" unstar") else "star", "which": refs[0]}
    found = tw.history_of(s, s)
    this = "this" if said(s, "this", "it") else None  # "between this and the last one": this, last
    two = len(refs) > 1 or (this is not None and refs) or bool(set(refs) - {"last", "previous"})
    compared = tr.COMPARED.search(s) or said(
        s, *tw.COMPARE_PHRASES
    )  # "second and first take, what is different"
    if two and (compared or (found is not None and found["do"] == "compare")):
        which, other = ([*refs, None])[:2] if len(refs) > 1 or this is None else (this, refs[0])
        this_at = re.search(r" (?:this|it) ", s)
        if len(refs) == 1 and this_at is not None and this_at.start() > _placed_refs(s)[0][0]:
            which, other = refs[0], this  # "compare the take before the last with this one": in said order
        return {"do": "compare", "which": which, **({"other": other} if other else {})}
    if found is not None and found["do"] in ("star", "unstar") and refs and tr.THAT_TAKE.search(s):
        return {**found, "which": refs[0]}  # "i like that last take, star it": the take said
    if not set(refs) - {"last", "previous"}:  # "the last take" is this one: take_words' star, previous
        return None
    if found is not None and found["do"] in ("star", "unstar"):
        return {**found, "which": refs[0]}
    if (said(s, *RECALL_WORDS) or tr.PUT_BACK.search(s)) and not said(s, "star", "name"):
        return {"do": "recall", "which": refs[0]}
    return None


def _jam(s: str, heard: str, key: str | None) -> Intent | None:
    """The playing jam's tempo or key ("speed the jam up to 128"), or None (a jam sentence of
    ``jam_words``)."""
    bare_tempo = _JAM_TEMPO.match(s)  # "jam tempo 110"
    if bare_tempo is not None:
        return Intent("set_tempo", None, {"tempo_bpm": int(bare_tempo.group(1)), "target": "jam"}, heard)
    if said(s, "start", "begin", "stop", "end", "save", "keep", "capture", "kill"):
        return None
    density = _DENSITY.search(s)  # "push the jam density to 0.8": the playing jam's density control
    if density is not None:
        level = (
            float(f"{density.group(1)}.{density.group(2)}")
            if density.group(2)
            else int(density.group(3)) / 100
        )
        return Intent("jam", None, {"do": "set", "name": "density", "value": f"{level:g}"}, heard)
    if " the jam " not in s and (not re.match(r"^ (?:\w+ ){0,2}jam ", s) or starts(s)):  # "jam a bit faster"
        return None
    genre = next((g for w, g in v.GENRES.items() if f" {w} " in s), None)
    if genre and said(s, "change", "switch", "take", "move", "turn", "make"):  # "change the jam to funk"
        return Intent("jam", None, {"do": "set", "name": "genre", "value": genre}, heard)
    off = _JAM_PART.search(s)  # "drop the drums in the jam", "bring back the bass in the jam"
    if off is not None:
        part = {"beat": "drums"}.get(off.group(2), off.group(2))
        value = "1" if off.group(1).startswith(("bring", "add")) else "0"
        return Intent("jam", part, {"do": "set", "name": part, "value": value}, heard)
    dial = next(((d, u) for p, (d, u) in v.ADJUSTMENTS.items() if f" {p} " in s), None)
    if dial is not None:  # "make the jam busier": the playing jam's dial
        return Intent("adjust", None, {"what": dial[0], "direction": dial[1], "target": "jam"}, heard)
    factor = next((f for p, f in _FACTOR.items() if f" {p} " in s), None)
    if factor is not None:
        return Intent("set_tempo", None, {"tempo_factor": factor, "target": "jam"}, heard)
    change = said_change(s)
    if change is not None:
        return Intent("set_tempo", None, {"change_bpm": change, "target": "jam"}, heard)
    relative = _JAM_RELATIVE.search(s)
    if relative is not None:
        way, much = relative.group(1) or relative.group(4), relative.group(2) or relative.group(3)
        step = RELATIVE_STEP * (2 if much == "a lot" else 1) * (-1 if way in ("down", "slower") else 1)
        return Intent("set_tempo", None, {"change_bpm": step, "target": "jam", "chosen": "change_bpm"}, heard)
    if " up a notch " in s or " down a notch " in s:  # "take the jam up a notch": its energy
        up = " up a notch " in s
        return Intent(
            "adjust", None, {"what": "energy", "direction": "up" if up else "down", "target": "jam"}, heard
        )
    to = _TO.search(s)
    if to and said(s, *RAISE, *LOWER, "tempo", "bpm", "set", "change"):
        return Intent("set_tempo", None, {"tempo_bpm": int(to.group(1)), "target": "jam"}, heard)
    if key and said(s, "switch", "change", "move", "take", "go", "modulate", "set"):
        return Intent("jam", None, {"do": "set", "name": "key", "value": key}, heard)
    if re.match(r"^ (?:make|get|turn) the jam ", s):  # "make the jam darker": nothing started on a guess
        ask = "(e.g. 'make the jam busier', 'make the jam calmer' or 'take the jam to F minor') change the jam how?"
        return Intent("unknown", None, {"heard": heard, "reason": ask}, heard)
    return None


_KEY_AND_TEMPO = re.compile(r" tempo (?:to |at )?(\d+) | (\d+) (?:bpm|beats per minute) ")
_BUMP_TO = re.compile(r"^ (?:bump|push|crank|kick|take|bring|pull|drop|slow) (?:it|this|things|everything|the song)"
                      r"(?: up| down| back)? to (\d+)(?: bpm)? $")  # fmt: skip


def _song(s: str, heard: str, key: str | None = None) -> Intent | None:
    """A relative tempo change of the song, a key and a tempo together, or a new meter; None otherwise."""
    bumped = _BUMP_TO.match(s)  # "bump it to 128": a number in the range music is played at is a tempo
    if bumped is not None and 40 <= int(bumped.group(1)) <= 300:
        return Intent("set_tempo", None, {"tempo_bpm": int(bumped.group(1))}, heard)
    if said(s, "tempo", "bpm", "speed", "slow", "faster", "slower"):
        change = said_change(s)
        if change is not None:
            return Intent("set_tempo", None, {"change_bpm": change}, heard)
        relative = _RELATIVE.search(s)  # "make the song a bit faster": no number said, a step of the action's
        if relative is not None:
            step = RELATIVE_STEP * (2 if relative.group("lot1") or relative.group("lot2") else 1)
            down = (relative.group("way1") or relative.group("way2")) in ("slower", "down")
            return Intent(
                "set_tempo", None, {"change_bpm": -step if down else step, "chosen": "change_bpm"}, heard
            )
        both = _KEY_AND_TEMPO.search(s)
        if key and both and said(s, "key") and not NEW_SONG.search(s):  # "set the key to g minor, tempo 100"
            return Intent(
                "set_key", None, {"key": key, "tempo_bpm": int(both.group(1) or both.group(2))}, heard
            )
    meter = None if made_in(s) else _METER.search(s)  # "make a melody in 3/4 time": the melody's meter
    if meter and said(
        s, "time signature", "meter", "song", "switch", "set", "change", "signature", "time", "put"
    ):
        top, bottom = (g for g in meter.groups() if g)
        return Intent("set_meter", None, {"meter": f"{top}/{bottom}"}, heard)
    return None
