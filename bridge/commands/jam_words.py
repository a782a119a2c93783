"""Jam sentences: start and stop a jam, and the cues a playing jam takes (the ``jam`` action).

"jam in D minor", "start a jam", "stop the jam", "stop at the end of the phrase", "fill",
"break", "drop", "drop the bass", "bring the drums back", "save the last 8 bars" (into clips). Their intent is
``Intent("jam", part, {"do": "start" | "stop" | "set" | "clips", ...})``; the dials ("busier",
"calmer") stay ``adjust`` intents, which the command action sends to the jam while one plays.
Stdlib only, like the rest of the parser.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands.meter_words import meter_of
from bridge.commands.said import said
from bridge.commands.vocab import GENRES

JAM_WORDS = ("jam", "jamming", "jam session", "jams")
# Live play by other words: "play some drums live", "keep playing", "improvise over this"
LIVE_PLAY_PHRASES = ("keep playing", "keep jamming", "keep it going", "keep it rolling", "play along", "improvise",
                     "improvise something", "noodle", "vamp", "freestyle")  # fmt: skip
_KEEP_GOING = re.compile(r" keep (?:it|this|the \w+|that \w+) (?:going|rolling) ")
_LIVE = re.compile(
    r" (?:play|playing|perform|performing|improvise|run)\b(?:(?! (?:into|in|to) live ).)* live(?: now)? "
)
# "play some drums and bass live": the jam plays these parts only
LIVE_PARTS = {"drums": "drums", "drum": "drums", "beat": "drums", "groove": "drums", "bass": "bass",
              "bassline": "bass", "bass line": "bass", "chords": "chords", "keys": "chords", "melody": "melody",
              "lead": "melody"}  # fmt: skip
JAM_STOP_VERBS = ("stop", "end", "finish", "halt", "quit", "kill", "wrap up", "shut down", "shut", "cut", "enough",
                  "done", "jam over", "jam is over", "jams over", "jam off", "jamming off", "turn off the jam",
                  "turn the jam off", "switch off the jam", "switch the jam off", "jam mode off")  # fmt: skip
# The jam's verbs, a table: a jam starts only on a start verb or a sentence that is the jam itself
# ("let's jam", "jam in D minor at 120"); save/stop/change words never start one.
JAM_START_VERBS = ("start", "begin", "kick off", "launch", "fire up", "lets", "let us", "wanna", "want to",
                   "can we", "time to", "up for a", "go", "do a", "have a", "new jam", "lets have")  # fmt: skip
JAM_SAVE_VERBS = ("save", "keep", "capture", "write", "grab", "bounce", "record", "print")
JAM_CHANGE_WORDS = ("faster", "slower", "quicker", "plus", "minus", "up", "down", "tempo", "bpm", "speed",
                    "density", "busier", "calmer", "sparser", "denser", "simpler", "switch", "change", "key",
                    "move", "take", "push", "pull", "make", "drop", "bring", "genre", "to", "into")  # fmt: skip
# words a bare jam sentence may have besides the jam's own ("jam some funk in D minor at 120")
_BARE_FILL = frozenset({"ok", "okay", "so", "yo", "hey", "right", "alright", "now", "some", "a", "in", "at", "bpm",
                        "with", "and", "on", "over", "this", "the", "just", "lets", "let", "us", "jam", "jamming",
                        "session", "_key_", "together", "along", "little", "bit", "quick", "me", "you", "for", "while",
                        "i", "play", "out", "can", "we", "go", "live", "style", "of", "like", "vibe", "vibes",
                        "feel", "kind", "sort", "type", "groove"})  # fmt: skip
JAM_ASK = "(e.g. 'start a jam', 'stop the jam' or 'make the jam busier') what should the jam do?"
_MORE_BARS = re.compile(r" (?:for )?(?:another|an extra|a few more|\d+ more) (?:\d+ )?(?:bars?|measures?) ")
_SAVE_LAST = re.compile(
    r" (?:save|keep|capture|write|grab|bounce|record|print) (?:the |that )?last (\d+) (?:bars?|measures?) "
)
# a new part written to play along: "write chords that will play along with the bass", "make a melody to
# play along with the keys" (the jam plays along with nothing said: "play along with me", "i want you to play along")
_NEW_PART_ALONG = re.compile(
    r" (?:write|make|create|compose|generate|give me|gimme|get me|build|knock out)(?: me| us)? (?:\w+ ){1,4}?"
    r"(?:that|which|to|wey) (?:will |would |can |could |ll |go |dey |should )?(?:plays?|playing) along "
)
PHRASE_END = (
    "at the end of the phrase",
    "at the end of this phrase",
    "after this phrase",
    "after the phrase",
    "when the phrase ends",
)
# Whole sentences that are a cue to the playing jam: control name -> value of /roo/jam/set
CUES: dict[str, tuple[str, str]] = {
    "fill": ("fill", "1"),
    "a fill": ("fill", "1"),
    "play a fill": ("fill", "1"),
    "drum fill": ("fill", "1"),
    "give me a fill": ("fill", "1"),
    "break": ("break", "1"),
    "a break": ("break", "1"),
    "breakdown": ("break", "1"),
    "take it down": ("break", "1"),
    "drums only": ("break", "1"),
    "drop": ("drop", "1"),
    "drop it": ("drop", "1"),
    "all in": ("drop", "1"),
    "everybody in": ("drop", "1"),
}
JAM_PARTS = {"drums": "drums", "beat": "drums", "bass": "bass", "chords": "chords", "melody": "melody"}
OFF_VERBS = ("drop the", "take out the", "lose the")
_PART = "(" + "|".join(JAM_PARTS) + ")"
_OFF = re.compile(rf"^(?:{'|'.join(OFF_VERBS)}) {_PART}$|^{_PART} out$")
_ON = re.compile(rf"^bring (?:the {_PART} back(?: in)?|back the {_PART}|in the {_PART})$|^{_PART} back in$")
_CLIPS = re.compile(
    r"^(?:save|keep|capture|write|grab) (?:the )?last (\d+) (?:bars?|measures?)(?: of (?:the )?jam)?"
    r"(?: (?:to|into|as|in) (?:clips|live))?$"
)
_TEMPO = re.compile(
    r" (?:at )?(\d+) (?:bpm|beats per minute) | at (\d+) $| at (\d{2,3}) (?!bars? |beats? |percent )"
)
_LAST_NUMBER = re.compile(
    r" (?!\d+ |since |from |until |till |years? |age |aged )(?:jam|jamming|\w+) (\d{2,3}) $"
)  # "let's jam, jazz, one sixty": a tempo said last; never a year ("since nineteen seventy-nine": "19 79")
SAID_TEMPO = (40, 300)  # a bare number said last is a tempo only in the range music is played at
TEMPO_RANGE_BPM = (20, 999)


def jam_of(s: str, key: str | None, genres: list[str]) -> tuple[str | None, dict[str, Any]] | None:
    """The jam intent's part and params for a normalized sentence ``s`` (" ... "), or None.

    ``key`` is the key the normalizer pulled out; ``genres`` the genres named in ``s``.
    """
    live = bool(_LIVE.search(s) or _KEEP_GOING.search(s)) or said(s, *LIVE_PLAY_PHRASES)
    live = live and not _MORE_BARS.search(s)  # "keep it going for another four bars": the clip goes on
    live = live and not _NEW_PART_ALONG.search(s)  # "write chords that will play along with the bass": a part
    said_jam = said(s, *JAM_WORDS) or live
    bare = s.strip()
    clips = _CLIPS.match(bare) or (_SAVE_LAST.search(s) if said(s, *JAM_WORDS) else None)
    if clips:  # "save the last 8 bars", "keep the last 16 bars of that jam": its last bars into Live clips
        return None, {"do": "clips", "bars": int(clips.group(1))}
    if said(s, *PHRASE_END) and (said_jam or said(s, *JAM_STOP_VERBS)):
        return None, {"do": "stop", "at": "phrase"}
    if said_jam and said(s, *JAM_STOP_VERBS):
        return None, {"do": "stop", "at": "now"}
    if said_jam and said(s, *JAM_SAVE_VERBS) and said(s, *("clips", "clip", "live")):
        return None, {"do": "error", "reason": "(e.g. 'save the last 8 bars of the jam') how many bars?"}
    if said_jam and not live and not starts(s):  # "jam a bit faster": a change, never a start on a keyword
        if said(s, *JAM_CHANGE_WORDS):
            return None  # the session's jam words: its tempo, key, dials
        return None, {"do": "error", "reason": JAM_ASK}
    if said_jam:
        params: dict[str, Any] = {"do": "start"}
        parts = _live_parts(s)
        if parts:
            params["parts"] = parts
        if key:
            params["key"] = key
        if genres:
            params["genre"] = genres[0]
        if (meter := meter_of(s)) is not None:  # the jam has no meter option: said back as not done
            params["not_done"] = [f"in {meter} (the jam has no meter setting)"]
        tempo = _TEMPO.search(s)  # "a jam in A minor at 124, drums and bass": a tempo mid-sentence too
        if tempo and tempo.group(3) and not SAID_TEMPO[0] <= int(tempo.group(3)) <= SAID_TEMPO[1]:
            tempo = None
        last = _LAST_NUMBER.search(s) if tempo is None else None
        if last is not None and SAID_TEMPO[0] <= int(last.group(1)) <= SAID_TEMPO[1] and " bar" not in s:
            params["tempo_bpm"] = int(last.group(1))
        if tempo:
            bpm = int(tempo.group(1) or tempo.group(2) or tempo.group(3))
            if not TEMPO_RANGE_BPM[0] <= bpm <= TEMPO_RANGE_BPM[1]:
                return None, {"do": "error", "reason": f"tempo {bpm} bpm is outside 20..999"}
            params["tempo_bpm"] = bpm
        return None, params
    if bare in CUES:
        name, value = CUES[bare]
        return ("drums" if name in ("fill", "break") else None), {"do": "set", "name": name, "value": value}
    for pattern, value in ((_OFF, "0"), (_ON, "1")):
        m = pattern.match(bare)
        if m:
            part = JAM_PARTS[next(g for g in m.groups() if g)]
            return part, {"do": "set", "name": part, "value": value}
    return None


def starts(s: str) -> bool:
    """Whether a sentence naming the jam asks for one to start: a start verb, or nothing but the
    jam's own words, a genre, a key, a tempo and the parts ("let's jam", "jam some funk at 120")."""
    if said(s, *JAM_START_VERBS):
        return True
    for genre in sorted(GENRES, key=len, reverse=True):  # "bossa nova", "drum and bass"
        s = s.replace(f" {genre} ", " ")
    return all(w.isdigit() or w in _BARE_FILL or w in LIVE_PARTS for w in s.split())


def keeps_going(heard: str) -> bool:
    """Whether a sentence asks the playing jam to go on ("keep playing", "keep it going"), which is
    no request to start another."""
    s = " " + " ".join(heard.lower().replace(",", " ").split()) + " "
    return " keep " in s and bool(_KEEP_GOING.search(s) or said(s, *LIVE_PLAY_PHRASES))


def _live_parts(s: str) -> str:
    """The parts named in a live-play sentence, in the jam's order ("drums,bass"), or ""."""
    found = {part for word, part in LIVE_PARTS.items() if f" {word} " in s}
    return ",".join(p for p in ("drums", "bass", "chords", "melody") if p in found)


def grammar_rules(genre_rule: str, key_rule: str, bpm_rule: str) -> dict[str, str]:
    """The speech grammar's ``jam`` rule (JSGF), over the grammar's own genre, key and tempo rules."""
    parts = "( " + " | ".join(sorted(JAM_PARTS)) + " )"
    cues = "( " + " | ".join(sorted(CUES)) + " )"
    ends = "( " + " | ".join(sorted(PHRASE_END)) + " )"
    return {
        "jam": f"( start | begin ) [ a ] jam | jam [ some {genre_rule} ] [ in {key_rule} ]"
        f" [ at {bpm_rule} bpm ] | ( stop | end ) the jam | stop jamming | stop {ends} | {cues}"
        f" | ( drop | take out | lose ) the {parts} | bring the {parts} back | bring back the {parts}"
        " | ( save | keep | capture ) the last <bar_count> bars [ of the jam ] [ ( to | into ) clips ]",
    }
