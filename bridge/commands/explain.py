"""Whether a reading explains its sentence (issue 55), and the target a sentence names.

A reading explains a sentence when no word of it names another action: "put some automation on
the strings" read as a new strings part leaves "automation" unexplained; "mute the shaker track"
read as a note removal is explained ("mute" says both). The words are the actions' own names
and their plainest synonyms (``ACTION_WORDS``: each word with every op it can say). Sentences are
normalised (padded, lower case).
"""

from __future__ import annotations

import re

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.automate_words import SCORE_WORDS
from bridge.commands.change_words import QUANTIZE
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.track_words import INSTRUMENTS, bare_name, no_name

JAM = ("jam_start", "jam_stop", "jam_set", "jam_save")
TAKE_OPS = ("star", "unstar", "list_takes", "recall", "compare", "name")
# a word -> the ops it can name; a word of a reading's sentence whose ops exclude the reading's op is unexplained
ACTION_WORDS: dict[str, tuple[str, ...]] = {
    "mute": ("mute", "remove"), "unmute": ("unmute",), "solo": ("solo",), "star": ("star", "unstar", "list_takes"),
    "starred": ("star", "unstar", "list_takes", "recall"), "unstar": ("unstar",), "quantize": ("quantize",),
    "humanize": ("humanize",), "swing": ("swing", "feel"), "shuffle": ("swing", "feel"),
    "transpose": ("transpose", "set"), "stems": ("separate",), "stem": ("separate",), "separate": ("separate",),
    "acapella": ("separate",), "cappella": ("separate",), "analyze": ("analyze",), "analyse": ("analyze",),
    "warp": ("warp",), "automate": ("automate",), "automation": ("automate",), "undo": ("undo",),
    **dict.fromkeys(SCORE_WORDS, ("automate",)),  # "a crescendo into the chorus": a fade, never a louder part
    "jam": JAM, "jamming": JAM, "tempo": ("set", "tempo", "analyze", "warp", "make", "musicgen", *JAM),
    "bpm": ("set", "tempo", "analyze", "warp", "make", "musicgen", *JAM),
    "take": ("vary", "make", *TAKE_OPS, "jam_save"), "version": ("vary", "make", *TAKE_OPS),
    "vary": ("vary",),  # "vary the break": a new take, whatever the place's name suggests
    "cleaner": ("simpler", "quantize", "softer"),  # "the drums more clean": fewer notes, tighter or softer; no split
}  # fmt: skip
TAKE_WORDS = {"first": "first", "second": "second", "third": "third", "last": "last", "previous": "previous"}
_TAKE = re.compile(r" (first|second|third|last|previous) (?:one|take|version|variation|attempt|try) ")
# a sentence asking something, not a request ("is this in 3/4", "what key is it"): only these ops answer one
_ASKED = re.compile(r" (?:what|whats|which|is|does|do|are|how|hows|why|who|where|when)(?= )")
# a question put as a request to answer ("tell me if this beat will blow up", "let me know whether it
# works") or opened by a preposition ("at which sample rate does it run?"): asking too
_ASKED_TOO = re.compile(
    r" (?:\w+ ){0,3}(?:tell me|let me know|any idea|no idea) (?:if|whether)(?= )"
    r"| (?:at|in|on|for|with|by|from|to) (?:which|what|whose)(?= )"
)
ANSWERS = ("analyze", "help", "list_takes", "compare")
_WHICH = re.compile(
    r" (?:is|are|was|does|do) (?:this|it|that|the|my|these|those)(?!.* (?:possible|you|we) ).* or "
)
_CLEANED = re.compile(
    r" (?:clean|tidy) (?:up|out)(?= )| (?:clean|tidy) (?:\w+ ){1,3}up(?= )"
)  # a part cleaned ("tidied") up, never removed nor loosened
_PLACE = re.compile(r" (?:track|bar|bars|measure|measures) \d+(?= )")  # "on track 3", "at bar 9"
_TRACK = re.compile(r" (?:the |my )?(\w+(?: \w+)?) (?:track|channel)(?= )")
# words before "track" that name none ("the audio on track 2": no track "on")
_NOT_NAMES = ("this", "that", "a", "the", "every", "each", "on", "in", "to", "of", "for", "from", "at", "onto")  # fmt: skip
_REVERSED = re.compile(r" (?:reverse|backwards)(?= )")  # "reverse the bass", "the chords backwards"
_NOTE_PARTS = ("drums", "bass", "chords", "melody")  # parts of notes: turned back to front, never an undo


def explains(reading: Intent, heard: str, op: str, target_said: bool = True) -> bool:
    """Whether ``reading`` (read as ``op``) explains the sentence ``heard``: every action word of it
    can say ``op``, the target it names is the reading's (``target_said``: judged at all), and a question
    ("does this count in three?") is read as an op that answers one."""
    s = normalize(heard)[0]
    if asks(s) and op not in ANSWERS:
        return False
    for word in s.split():
        ops = ACTION_WORDS.get(word)
        if ops is not None and op not in ops:
            return False
    if op != "quantize" and any(f" {p} " in s for p in QUANTIZE):  # "so every note sits on the beat"
        return False
    if op not in ACTION_WORDS["cleaner"] and _CLEANED.search(s):  # "clean up the hats": fewer or tighter?
        return False
    if not target_said:
        return True
    named = target_in(s)
    means = means_of(reading.as_dict())
    got = means.get("target")
    if named is not None and named == means.get("follow"):  # "bass following the rhodes track"
        named = None
    if op == "separate" and named is not None:  # "the vocal off this recording": the stem, not a track
        named = v.STEMS.get(named.removeprefix("track:"), named)
    return (
        named is None or got is None or named in (got if isinstance(got, list) else [got]) or op in TAKE_OPS
    )


def names_only(op: str, other: str, s: str) -> bool:
    """Whether the sentence says ``op`` in words that name no other action ("quantize", "humanize",
    "so every note sits right on the beat", "reverse" said of a part of notes: "reverse that" may be an
    undo, "reverse the bass" is not) and no word of it names ``other``: the rules' reading ``op`` is
    then not overruled by a learned ``other``."""
    said = any(ACTION_WORDS.get(word) == (op,) for word in s.split())
    said = said or (op == "quantize" and any(f" {p} " in s for p in QUANTIZE))
    said = said or (op == "retrograde" and _REVERSED.search(s) is not None and target_in(s) in _NOTE_PARTS)
    return said and not any(other in ACTION_WORDS.get(word, ()) for word in s.split())


def asks(s: str) -> bool:
    """Whether a normalised sentence asks something ("is this in 3/4", "what key is it")."""
    return _ASKED.match(s) is not None or _ASKED_TOO.match(s) is not None


def asks_only(s: str) -> bool:
    """Whether a normalised sentence asks something and cannot be a request however sure a reading
    of it is: which of two things is so (``asks_which``), or "tell me if ...", "at which ..."."""
    return asks_which(s) or _ASKED_TOO.match(s) is not None


def asks_which(s: str) -> bool:
    """Whether a normalised sentence asks which of two things is so ("is this in d minor or f major",
    "are the drums swung or straight"): never a request, however sure a reading of it is."""
    return _WHICH.match(s) is not None


def dropped(intent: Intent, s: str) -> str | None:
    """A place the sentence says ("track 3", "bar 9") that the intent carries no number of, or None:
    "separate the arrangement clip on track 3 at bar 9" read as the selected clip's stems."""
    place = _PLACE.search(s)
    if place is None or any(ch.isdigit() for ch in str(intent.params)):
        return None
    return place.group(0).strip()


def target_in(s: str) -> str | None:
    """The first target a sentence names: a take ("the second version"), a track ("the shaker
    track"), a drum voice, a part, or an instrument's track (``track:<name>``); None when none."""
    take = _TAKE.search(s)
    if take is not None:
        return TAKE_WORDS[take.group(1)]
    track = _TRACK.search(s)
    if track is not None and track.group(1).split()[-1] not in _NOT_NAMES:
        name = bare_name(track.group(1).split()[-1])
        return v.PARTS.get(name) or f"track:{name}"
    for table in (cw.DRUM_VOICES, v.PARTS):  # the first said ("the bass so it sits on the beat": bass)
        said = [(s.find(f" {w} "), -len(w), w) for w in table if f" {w} " in s]
        found = table[min(said)[2]] if said else None
        if found is not None:
            return {"clap": "claps", "cymbals": "crash"}.get(found, found)
    word = next((w for w in s.split() if w in INSTRUMENTS), None)
    return None if word is None else f"track:{word}"


def direct(op: str, target: str | None, s: str) -> Intent | None:
    """Live's track switches on a track the sentence names ("mute the shaker track"): built here,
    as the rules read a drum voice's name as notes to remove. None for any other op."""
    if op not in ("mute", "unmute", "solo"):
        return None
    named = target if target and target.startswith("track:") else target_in(s)
    if named is None or not named.startswith("track:") or no_name(named.split(":", 1)[1]):
        return None  # "unmute the first track": no track by name (the rules ask which)
    return Intent("mixer", None, {"do": op, "track_name": named.split(":", 1)[1]})
