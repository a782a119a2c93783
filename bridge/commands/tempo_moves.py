"""The song's tempo moved by a number of bpm, said as a move (issue 55): the signed ``change_bpm``.

- "knock 5 bpm off the tempo", "shave 3 off the bpm", "take off 4 bpm": slower by N;
- "add 6 bpm", "stick 2 bpm on the tempo": faster by N; "raise 5 bpm", "lower 3 bpm" (under 40): by N;
- "bring the tempo down 3", "nudge it down 3", "bump the speed up by 2": up or down by N;
- "slow down the song 4 bpm", "bring down the tempo by 5 bpm": the way before the tempo word, by N bpm;
- "slow the whole song down by about 6 bpm": the whole song is the song, a number said roughly the number.

A number with another unit ("down 3 semitones", "up 2 db", "down an octave") is no tempo; a move
of "it" with no tempo word says one only with the verbs a tempo is moved by ("nudge it down 3").
The jam's tempo is the jam's reader's (``session_words``). Sentences are normalised. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.said import said

_TEMPO = r"(?:the )?(?:(?:whole|entire) )?(?:tempo|bpm|speed|song|track)"  # "slow the whole song down 6 bpm"
_UNIT = r"(?:bpm|beats per minute|beats|clicks|notches)"
_OTHER_UNIT = (
    r"(?! (?:semitones?|semis?|st|db|decibels?|percent|bars?|octaves?|steps?|notes?|cents?|hz|ms|times|x) )"
)
_OFF = re.compile(
    rf" (?:knock|take|shave|chop|cut|trim|drop|lop|strip) (?:off )?(\d+) (?:{_UNIT} )?(?:off )?"
    rf"(?:(?:of |from )?(?:{_TEMPO}|it|things|everything) )?"
)
_ON = re.compile(
    rf" (?:add|put|stick|throw|whack|slap) (?:on )?(\d+) (?:{_UNIT} (?:on |onto |to )?|(?:on|onto|to) {_TEMPO} )"
)
_MOVED = re.compile(
    rf" (nudge|bump|knock|push|pull|bring|take|drop|move|shift|kick|crank|turn|dial|slow|speed) "
    rf"({_TEMPO}|it|things|everything|this) (up|down|back)(?: by)? (\d+)(?: {_UNIT})?{_OTHER_UNIT}(?= )"
)
# "slow down the song 4 bpm", "bring down the tempo by 5 bpm": the way said before the tempo word, the unit
# said (with none, "turn down the track 3" is track 3)
_WAY_FIRST = re.compile(
    rf" (nudge|bump|knock|push|pull|bring|take|drop|move|shift|kick|crank|turn|dial|slow|speed) (up|down|back) "
    rf"{_TEMPO} (?:by )?(\d+) {_UNIT}(?= )"
)
# "drop it 5 bpm", "raise the tempo 3": a move with no up or down, its way the verb's
_BY = re.compile(
    rf" (drop|lower|cut|reduce|raise|bump|push|increase|up) ({_TEMPO}|it|things|everything) (?:by )?(\d+)"
    rf"(?: {_UNIT})?{_OTHER_UNIT}(?= )"
)
# "raise 5 bpm", "lower 3 bpm to the song" ("súbele 5 bpm al tema"): the number said right after the verb
_VERB_N = re.compile(
    rf" (raise|lower|drop|bump|increase|reduce) (?:it |things |everything )?(?:by )?(\d+) {_UNIT}(?= )"
)
SMALL_CHANGE = 40  # a larger number said this way may be the tempo to go to ("drop 90 bpm"): not read here
# "tempo up 4", "bpm down by 10": the terse move, no verb
_TERSE = re.compile(rf" (?:tempo|bpm) (up|down|plus|minus) (?:by )?(\d+)(?: {_UNIT})?{_OTHER_UNIT}(?= )")
_UP_VERBS = ("raise", "bump", "push", "increase", "up")
_BARE_VERBS = ("nudge", "bump", "knock", "slow", "speed")  # "nudge it down 3": a tempo with no tempo word
# a number said roughly: "up about 4 bpm", "down around 6", "up like 3 bpm"
_ROUGHLY = re.compile(
    r" (?:about|around|roughly|approximately|approx|like|maybe|some|something like) (?=\d+ )"
)
MAX_CHANGE_BPM = 100  # a larger number after "down" is a tempo to go to, not a change
# "could it go 10 beats a minute quicker", "5 bpm slower please": the number, its unit, then the way
_N_THEN_WAY = re.compile(
    r" (\d+) (bpm|beats (?:per|a|an) minute|beats|clicks|notches) (faster|quicker|slower) "
)


def change_of(s: str) -> int | None:
    """The signed bpm a normalised sentence moves the song's tempo by, or None."""
    if " jam " in s:
        return None
    s = _ROUGHLY.sub(" ", s)  # "bump the tempo up about 4 bpm": the 4 is the change
    off = _OFF.search(s)
    tempo_said = re.search(rf" (?:{_TEMPO}|{_UNIT}) ", s) is not None
    if off is not None and tempo_said and " off " in off.group(0):
        return _bounded(-int(off.group(1)))
    if (n_way := _N_THEN_WAY.search(s)) is not None and (tempo_said or n_way.group(2) != "beats"):
        return _bounded(-int(n_way.group(1)) if n_way.group(3) == "slower" else int(n_way.group(1)))
    on = _ON.search(s)
    if on is not None:
        return _bounded(int(on.group(1)))
    if (verb_n := _VERB_N.search(s)) is not None and int(verb_n.group(2)) < SMALL_CHANGE:
        return int(verb_n.group(2)) * (1 if verb_n.group(1) in _UP_VERBS else -1)
    if (terse := _TERSE.search(s)) is not None:
        return _bounded(int(terse.group(2)) * (1 if terse.group(1) in ("up", "plus") else -1))
    if (first := _WAY_FIRST.search(s)) is not None:
        return _bounded(int(first.group(3)) if first.group(2) == "up" else -int(first.group(3)))
    moved = _MOVED.search(s)
    by = _BY.search(s) if moved is None else None
    if by is not None and (tempo_said or by.group(2) not in ("it", "things", "everything")):
        return _bounded(int(by.group(3)) if by.group(1) in _UP_VERBS else -int(by.group(3)))
    if moved is None:
        return None
    verb, what, way, n = moved.groups()
    if what in ("it", "things", "everything", "this") and not (tempo_said or verb in _BARE_VERBS):
        return None
    return _bounded(int(n) if way == "up" else -int(n))


def _bounded(change_bpm: int) -> int | None:
    return change_bpm if 0 < abs(change_bpm) <= MAX_CHANGE_BPM else None


# "make the whole song slower, like 80 bpm": the song's tempo compared, so a tempo (never a new song)
_COMPARED = re.compile(
    r" (?:slower|faster|quicker|speedier|slow it down|speed it up|slow down|speed up) (?!than )"
)


def compared(s: str) -> bool:
    """Whether a normalised sentence compares the tempo ("make the song slower, like 80 bpm")."""
    return _COMPARED.search(s) is not None


# a change said with its number: "up 5 bpm", "down by ten bpm", "10 bpm faster" (session_words reads it first)
RAISE = ("speed", "push", "bump", "raise", "faster", "up", "increase", "nudge", "bring")
LOWER = ("slow", "drop", "lower", "slower", "down", "decrease", "pull")
_CHANGE = re.compile(
    r" (up|down|faster|slower|by|plus|minus) (\d+)(?: bpm| beats per minute)?(?: (faster|slower|up|down))? "
)
_SAID_CHANGE = re.compile(r" (\d+) (?:bpm|beats per minute) ")
_AFTER_N = re.compile(r" (\d+) (?:bpm|beats per minute) (faster|slower|quicker|up|down) ")


def said_change(s: str) -> int | None:
    """A signed tempo change in bpm ("up 5 bpm", "down by ten bpm", "10 bpm faster"), or None."""
    after = _AFTER_N.search(s)
    if after is not None:
        return -int(after.group(1)) if after.group(2) in ("slower", "down") else int(after.group(1))
    hinted = _SAID_CHANGE.search(s)  # "a bit faster, like 5 bpm"
    if hinted is not None and int(hinted.group(1)) < 40 and said(s, "faster", "slower", "quicker"):
        return -int(hinted.group(1)) if said(s, "slower") else int(hinted.group(1))
    m = _CHANGE.search(s)
    if m is None or (int(m.group(2)) >= 40 and m.group(1) != "by"):
        return None
    n = int(m.group(2))
    if not (said(s, "bpm", "beats per minute") or m.group(1) in ("by", "plus", "minus")):
        return None
    return -n if _down(m, s) else n


def _down(m: re.Match[str], s: str) -> bool:
    """A change's own way ("down 3"), else the nearest way said before it ("push it up by 3"); never one
    after it, which says how the song feels now ("up by 3 bpm, it feels slow")."""
    own = {m.group(1), m.group(3)}
    if own & {"down", "slower", "minus", "up", "faster", "plus"}:
        return bool(own & {"down", "slower", "minus"})
    moves = [w for w in s[: m.start()].split() if w in LOWER or w in RAISE]
    return bool(moves) and moves[-1] in LOWER
