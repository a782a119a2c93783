"""A reading said again in the parser's own words (issue 55): the sentence for an op and a target.

``sentence_for("star", "second", s)`` is "star the second take"; ``sentence_for("infill", None,
" redo just bars 5 8 with the neural model ")`` is "rewrite it bars 5 8". The values of the producer's
sentence ``s`` (normalised) are carried over as they were said, by the phrases the slot readers
know (bars, a bar span, the last N bars, a section, an interval, a key, a tempo, a count of
versions, a genre), so the rules read them again; nothing is added that was not said. The
sentence is what a question offers ("did you mean ...?") and what a learned reading is acted on
through, so the parser must read it as ``op`` (``agree`` checks that it does).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import made_said
from bridge.commands import region_words as rg
from bridge.commands import suggest_words as sw
from bridge.commands import vocab as v
from bridge.commands.bare_values import bare_values
from bridge.commands.spotting import before_purpose

# a target's words in a sentence the rules read ("make a {bass line}", "the {hats}")
TARGET_WORDS = {"drums": "drums", "bass": "bass line", "chords": "chords", "melody": "melody", "song": "song",
                "all": "everything", "hats": "hi hats", "claps": "claps", "crash": "crash", "kick": "kick",
                "snare": "snare", "ride": "ride", "toms": "toms", "percussion": "shakers",
                "ghost_notes": "ghost notes", "jam": "jam"}  # fmt: skip
MADE = {"drums": "a drum beat", "bass": "a bass line", "chords": "a chord progression", "melody": "a melody",
        "song": "a whole song", "all": "a whole song"}  # fmt: skip
TAKES = ("this", "last", "previous", "first", "second", "third")
# op -> sentence; {t}: "the <target>" or "it"; {k}: the take ("this take", "the second take")
TEMPLATES = {
    "vary": "vary {t}", "remove": "remove {t}", "keep_only": "keep only {t}", "add": "add {t}",
    "busier": "make {t} busier", "simpler": "make {t} simpler", "louder": "make {t} louder",
    "softer": "make {t} softer", "transpose": "transpose {t}", "shift": "shift {t}", "quantize": "quantize {t}",
    "humanize": "humanize {t}", "swing": "swing {t}", "mute": "mute {t}", "unmute": "unmute {t}",
    "solo": "solo {t}", "star": "star {k}", "unstar": "unstar {k}", "recall": "go back to {k}",
    "compare": "compare {k} with the last one", "list_takes": "list the takes", "analyze": "analyze this clip",
    "warp": "warp this clip to the song", "separate": "split this into stems", "infill": "rewrite {t}",
    "continue": "continue this", "accompany": "accompany this with {m}", "undo": "undo that", "redo": "redo that",
    "play": "play", "stop": "stop", "cancel": "cancel that", "help": "help", "jam_start": "start a jam",
    "jam_stop": "stop the jam", "fill": "add a fill to the drums", "automate": "fade {t} in",
    "transcribe": "turn {t} into midi",
}  # fmt: skip
# the takes starred: "the starred ones", "which takes did i star"
STARRED = re.compile(r" (?:starred|(?:i|we) star)(?= )")
# a transcription's target that is a stem of a mixed recording, not the kind of the clip's own audio
STEMS = ("vocals", "guitar")
# ops over a scope of the clip whose sentence carries the bars said (infill's own slots carry them)
SCOPED = ("busier", "simpler", "louder", "softer", "quantize", "humanize", "swing", "remove", "add", "keep_only",
          "vary", "transpose", "shift")  # fmt: skip
# ops whose sentence needs a value said in the producer's sentence (no value: no sentence)
NEEDS = {"transpose": ("interval", "key"), "shift": ("shift",), "set": ("key", "tempo", "genre"), "tempo": ("factor",),
         "make": ("target",), "accompany": ("target",), "remove": ("target",), "keep_only": ("target",),
         "add": ("target",)}  # fmt: skip
SLOTS: dict[str, re.Pattern[str]] = {
    "span": re.compile(r" (?:bars?|measures?) \d+ (?:to|through|thru|till|until|and|-)? ?\d+(?= )"),
    "last": re.compile(r" (?:the )?(?:last|final|first) \d+ (?:bars?|measures?)(?= )"),
    "bars": re.compile(r" (?:for |of |another |an extra |extra )*\d+ (?:more )?(?:bars?|measures?)(?= )"),
    "interval": re.compile(
        r" (?:up|down) (?:a|an|one|\d+|two|three) (?:\w+ )?(?:octaves?|fifths?|fourths?|"
        r"thirds?|seconds?|sixths?|sevenths?|semitones?|semis?|half steps?|whole steps?|steps?|tones?)(?= )"
    ),
    "shift": re.compile(
        r" (?:later|earlier|forward|back|ahead) (?:by )?(?:a|an|one|\d+) (?:\w+ )?(?:beats?|"
        r"eighths?|sixteenths?|8ths?|16ths?|quarter notes?)(?= )"
    ),
    "key": re.compile(r" _key_(?= )"),
    "tempo": re.compile(r" \d+ (?:bpm|beats per minute)(?= )"),
    "versions": re.compile(
        r" (\d+) (?:more |new |different |other |fresh )*(?:variations|takes|versions|goes|tries|attempts|"
        r"options|alternatives|passes|shots)(?= )"
    ),
    "times": re.compile(r" (\d+) times(?= )"),
    "factor": re.compile(r" (?:double|half|halve) (?:the )?tempo(?= )"),
    "follow": re.compile(r" (?:that follows|which follows|following|follows) (?:the |my )?(\w+) track(?= )"),
}

# a setting of the song taken from the clip: "match the tempo to this sample", "sync the bpm to it"
APPLIED = re.compile(
    r" (?:set|match|sync|change|use|adopt|follow|lock|conform|make) .*(?:tempo|bpm|key|speed) "
)


# a value said in the producer's words, said again in the parser's ("4 more goes" -> "4 variations")
SAID_AGAIN = {"versions": "{} variations", "times": "{} times", "follow": "following the {} track"}


def _said(s: str) -> dict[str, str]:
    """The value phrases of a normalised sentence, by slot (the first of each), a count said again
    in the parser's words and "semis" as "semitones"."""
    found: dict[str, str] = {}
    for name, pattern in SLOTS.items():
        m = pattern.search(s)
        if m is not None and not any(m.group(0).strip() in f for f in found.values()):
            found[name] = SAID_AGAIN[name].format(m.group(1)) if name in SAID_AGAIN else m.group(0).strip()
    if "interval" in found:
        found["interval"] = re.sub(r"\bsemis?$", "semitones", found["interval"])
    return bare_values(s, found)


def sentence_for(
    op: str,
    target: str | list[str] | None,
    s: str,
    key: str | None = None,
    values: dict[str, Any] | None = None,
    offered: bool = False,
    said_more: tuple[str, ...] = made_said.SAID_MORE,
) -> str | None:
    """The sentence the parser reads as ``op`` on ``target`` with the values ``s`` says, or None
    when ``op`` needs a value ``s`` does not say ("transpose the bass" says no interval). ``values``:
    the schema fields a reading already holds (the rules'), for the ops whose values no phrase of
    ``s`` gives back as said (a genre, a feel, a prompt, a yes or no). A list of parts is said as one
    ("keep only the kick and the snare") for the ops that take several (``suggest_words.LISTED``).
    ``offered``: the sentence is a question's suggestion, never acted on as it is, so it may say what
    ``suggest_words`` says again (a key moved to, a genre, a half, a jam's bars, a fill at a section's
    end); a reading acted on through its sentence (``weighing.read_as``) is read as before. ``said_more``: what a
    make's sentence may carry besides its slots, of the style and the section said (``made_said``)."""
    if isinstance(target, list) and (op not in sw.LISTED or not target):
        return None
    held = _from_values(op, target, values or {})
    if held is not None:
        return held
    said = _said(s)
    if target is not None:
        said["target"] = target if isinstance(target, str) else " ".join(target)
    if key is None:
        said.pop("key", None)
    if offered and op == "set" and (genre := sw.genre_in(s)) is not None:  # "redo this one as country"
        said["genre"] = genre
    if op in NEEDS and not any(name in said for name in NEEDS[op]):
        return None
    key_words = key or ""
    if op == "set" and not key and "tempo" not in said:  # a genre only: the part or clip redone in it
        return sw.restyled(_the(target if target not in ("this", "song") else None), str(said["genre"]))
    if op == "set":
        return f"set the key to {key_words}" if key else f"set the tempo to {said['tempo']}"
    if offered and op == "jam_save":  # "keep the last 16 bars of what we just played"
        return sw.jam_saved(s)
    if op == "tempo":
        return said["factor"]
    if op == "analyze" and APPLIED.search(s):  # "match the tempo to this sample": read, then set
        return "set the tempo from this clip"
    if op == "make":
        text = MADE.get(str(target)) or f"a {TARGET_WORDS.get(str(target), str(target))} part"
        known = made_said.all_known(s) and not made_said.listed_unknown(s)  # "drums and grave": asked
        more = said_more if known else ()
        style = made_said.style_in(s) if "style" in more else None
        if style is not None:  # "one trap beat": "a trap drum beat"
            text = f"a {style} {text.removeprefix('a ')}"
        section = made_said.section_in(s) if "section" in more else None  # "drums for the verse"
        return " ".join(
            ["make", text, *_values(said, ("bars", "key", "tempo", "versions", "follow"), key_words)]
            + ([section] if section else [])
        )
    the = _the(target)
    if op == "transcribe" and target in STEMS:  # "the vocals of this clip": split out, then transcribed
        return f"turn the {target} of this clip into midi"
    if op == "separate" and _stem(s) is not None:  # "just need the vocal stem": that stem, not every one
        return f"pull the {_stem(s)} out of this clip"
    starred = "starred " if STARRED.search(s) else ""  # "show me the starred 808s", "which takes did i star"
    if op == "list_takes" and (starred or target in MADE):
        part = f"{TARGET_WORDS[str(target)]} " if target in MADE else ""
        return f"list the {starred}{part}takes"
    take = f"the {target} take" if target in TAKES[1:] else "this take"
    base = TEMPLATES.get(op, "").format(t=the, k=take, m=MADE.get(str(target), "a part"))
    if not base:
        return None
    if op == "continue" and the != "it":  # "carry the melody on": the part continued, not the clip
        base = f"continue {the}"
    slots = {"infill": ("span", "last"), "continue": ("bars",), "transpose": ("interval", "key"),
             "shift": ("shift",), "vary": ("versions",), "busier": ("section",), "automate": ("bars",),
             "undo": ("times",), "redo": ("times",), "jam_start": ("key", "tempo")}  # fmt: skip
    if said.get("bars", "").split(" ")[0].isdigit():  # "8 bars" said first: "continue the drums for 8 bars"
        said["bars"] = "for " + said["bars"]
    if op == "fill":  # a fill's one place: its bar, the last bar or its section ("the second chorus")
        place = _fill_place(s, offered)
        return None if place is None else " ".join([base, *place])
    to = (
        "to " if offered and op in sw.KEY_MOVED else "in "
    )  # "transpose the bass line to D major": moved, not made
    phrases = _values(said, slots.get(op, ()), key_words, to)
    return " ".join([base, *phrases, *_where(op, said, s, offered), *_section(op, s, offered)])


# where a fill goes, as said: "at bar 8", "in the last bar" (a span of bars is a rewrite, not a fill)
FILL_BAR = re.compile(r" (?:at|on|in|for) (?:bar|measure) (\d+)(?= )")
FILL_LAST = re.compile(r" (?:the )?(?:last|final|very last) (?:bar|measure)(?= )")
# a place a fill's sentence cannot say: before a section, every N bars, a span of bars
FILL_UNSAID = re.compile(r" (?:into|before|leading up to|up to|every|each|bars|measures) ")
NTH_WORDS = {2: "second", 3: "third", 4: "fourth", -1: "last"}


def _fill_place(s: str, offered: bool = False) -> list[str] | None:
    """The place of a fill said in the parser's words, nothing (the whole clip's), or None when it
    says a place no fill's sentence says ("a fill going into the chorus", "a fill every 4 bars")."""
    if (
        offered and (end := sw.fill_at_end(s)) is not None
    ):  # "at the end of the second chorus going into the bridge"
        return end
    if FILL_UNSAID.search(s):
        return None
    if (bar := FILL_BAR.search(s)) is not None:
        return [f"at bar {bar.group(1)}"]
    if FILL_LAST.search(s):
        return ["in the last bar"]
    found = rg.section_of(" the" + s)  # "second chorus needs a fill": the section said first, bare
    if found is None or found[0]["nth"] == 0:
        return [] if found is None else None
    nth = NTH_WORDS.get(int(found[0]["nth"]))
    return [f"in the {nth + ' ' if nth else ''}{found[0]['section']}"]


def _stem(s: str) -> str | None:
    """The one stem a sentence names ("the vocal off this recording"), or None (none, several, or every
    stem asked for: "into stems, i want to chop the vocal", "so that i might study the bass" name why)."""
    if " stems " in s:
        return None
    named = {v.STEMS[w] for w in before_purpose(s).split() if w in v.STEMS and w != "other"}  # not why
    return named.pop() if len(named) == 1 else None


def _where(op: str, said: dict[str, str], s: str, offered: bool) -> list[str]:
    """The bars an op over a scope of the clip works on, as said ("bars 5 to 8", "in the last 4 bars",
    "in the second half")."""
    if op not in SCOPED:
        return []
    if "span" in said:
        return [said["span"]]
    if "last" in said:
        return ["in " + (said["last"] if said["last"].startswith("the ") else "the " + said["last"])]
    half = sw.half_in(s) if offered else None
    return [] if half is None else [half]


def _values(said: dict[str, str], names: tuple[str, ...], key: str, to: str = "in ") -> list[str]:
    words = [said[n] for n in names if n in said]
    return [(to + key if w == "_key_" else w) for w in words if w != "_key_" or key]


def _section(op: str, s: str, offered: bool = False) -> list[str]:
    """ "in the chorus" when ``s`` names a section and ``op`` works over one."""
    found = rg.section_of(s)
    if found is None or op not in ("vary", "busier", "simpler", "louder", "softer", "remove", "humanize",
                                   "quantize", "swing", "mute", "automate", *(sw.SECTIONED if offered else ())):  # fmt: skip
        return []
    return [f"in the {found[0]['section']}"]


def _the(target: str | list[str] | None) -> str:
    if isinstance(target, list):  # "the kick and the snare"
        return sw.parts([_the(t) for t in target])
    if target is None or target in TAKES:
        return "it"
    if target.startswith("track:"):  # "track:7": Live's seventh track
        name = target.split(":", 1)[1]
        return f"track {name}" if name.isdigit() else f"the {name} track"
    if target in v.PARTS.values() or target in TARGET_WORDS:  # the whole song: never "the everything"
        return f"the {TARGET_WORDS.get(target, target)}".replace("the everything", "everything")
    return f"the {target}"


FEEL_WORDS = {"half_time": "make {t} half time", "double_time": "make {t} double time",
              "straight": "straighten {t}", "more_movement": "give {t} more movement",
              "four_on_the_floor": "make {t} four on the floor", "waltz": "make {t} a waltz",
              "syncopated": "syncopate {t}", "offbeat_stabs": "make {t} offbeat stabs"}  # fmt: skip


# an automation said again with the shape the reading holds ("fade out", not the template's "fade in")
SHAPE_WORDS = {"fade_in": "fade {t} in", "fade_out": "fade {t} out", "sweep_up": "sweep the filter up on {t}",
               "sweep_down": "sweep the filter down on {t}", "swell": "swell {t}", "duck": "duck {t}"}  # fmt: skip


def _from_values(op: str, target: str | list[str] | None, values: dict[str, Any]) -> str | None:
    """The sentence of a reading whose values are held (not re-read from the sentence), or None."""
    if not values:
        return None
    the = _the(target if target not in ("this", "song") else None)
    if op == "tempo" and isinstance(values.get("change_bpm"), int):  # "speed the jam up by 2 bpm"
        bpm, what = int(values["change_bpm"]), "the jam" if target == "jam" else "it"
        return f"speed {what} up by {bpm} bpm" if bpm > 0 else f"slow {what} down by {-bpm} bpm"
    if op == "confirm" and "yes" in values:
        return "yes" if values["yes"] else "no"
    if op == "musicgen" and values.get("prompt"):
        return f"make an audio loop of {values['prompt']}"
    if op == "automate" and str(values.get("shape")) in SHAPE_WORDS:
        return SHAPE_WORDS[str(values["shape"])].format(t=the)
    if op == "feel" and str(values.get("feel")) in FEEL_WORDS:
        return FEEL_WORDS[str(values["feel"])].format(t=the)
    if op == "set" and values.get("genre") and target not in (None, "song"):
        return sw.restyled(the, str(values["genre"]).replace("-", " "))
    if op == "set" and values.get("scale") and target not in (None, "song"):
        return f"make {the} {values['scale']}"
    if op in ("set", "transpose") and values.get("key"):
        return (
            f"transpose {the} to {values['key']}" if op == "transpose" else f"set the key to {values['key']}"
        )
    return None
