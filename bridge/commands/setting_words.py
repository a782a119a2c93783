"""A setting of a part or of the song, and Live's track switches (issue 44).

- "change the genre to reggae", "turn this into a reggae thing", "make the drums more hip hop",
  "make the bass dorian", "redo the melody in Bb major": the part (the selected or last one when
  none is named) made again in the new setting, ``Intent("generate", part, {..., "again": True})``;
- "put the song at 140 bpm in D minor": Live's key and tempo, ``Intent("set_key", None, {"key",
  "tempo_bpm"})`` (nothing is generated);
- "take it to D dorian", "modulate everything to Eb major": the notes moved into the key
  (``key_move_of``: a transpose to it, ``Intent("transform", part, {"kind": "transpose", "to"})``);
- "mute the drums", "unmute the strings", "solo the bass": ``Intent("mixer", part, {"do": "mute",
  ("track_name": "strings")})`` (a part, or a track by its name in Live).

``setting_of`` and ``mixer_of`` read a normalised sentence (padded, digits, ``_key_`` for a key).
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v
from bridge.commands.change_words import VOICES
from bridge.commands.intent import Intent
from bridge.commands.known import vocabulary_words
from bridge.commands.normalize import normalize
from bridge.commands.track_words import INSTRUMENTS, bare_name, no_name, which_track

SET_VERBS = ("change", "switch", "set", "make", "turn", "convert", "redo", "remake", "rewrite", "regenerate",
             "put", "move", "flip", "try", "give")  # fmt: skip
_NEW_ONE = re.compile(
    r" (?:write|make|create|compose|generate|build|give|sketch|produce|do)(?: me| us)? (?:a|an|some|another)"
    r"(?: new| whole| full| complete| short| little| quick)? "
)
_NAMED_SETTING = re.compile(r" (?:genre|style|vibe|feel) (?:to|into|of) ")
_THIS = (
    r"(?:this one|this clip|this part|the clip|it|this|that)"  # the longest first: "flip this clip to lofi"
)
_PARTS = "|".join(sorted((re.escape(p) for p in v.PARTS), key=len, reverse=True))
_TARGET = re.compile(rf" (?:{'|'.join(SET_VERBS)}) (?:(?:the |my )({_PARTS})|({_THIS})) ")
_AFTER = re.compile(  # the longer first: "a little more soulful", "a bit jazzier"
    r"^(?:over to |over into |into |to |more |a bit more |sound more |sound |feel more |like |in |at |as |a little |a bit |"
    r"a touch |slightly |even |much |way |a |an |some |something )*"
)
# a part wished "more" of a genre with no verb: "can the drums be more latin", "the bass should be more funky", "i want
# the drums more hip hop": said as "make the drums more latin" (a setting only where a genre is said after it)
_BE_MORE = re.compile(
    rf" (?:(?:can|could|would|will|should|might) )?((?:the |my )(?:{_PARTS})) (?:(?:can|could|would|will|should|might|must|"
    r"needs to|has to|ought to|got to|gotta) )?(?:be|sound|feel|get) (?=(?:a bit |a little |a touch |slightly |way |much |even )?"
    r"(?:more \w|\w+ier ))"
    rf"| (?:i want|i need|i d like|id like|i would like|we want|we need|i wanna hear|i want to hear) ((?:the |my )(?:{_PARTS})) "
    r"(?=(?:a bit |a little |a touch )?more \w)"
)
_TEMPO = re.compile(r" (?:at|to) (\d+)(?: bpm| beats per minute)? ")
COMPARATIVES = {"jazzier": "jazz", "funkier": "funk", "bluesier": "blues", "poppier": "pop", "rockier": "rock",
                "housier": "house", "trappier": "trap", "soulfuller": "soul", "trappy": "trap", "housey": "house"}  # fmt: skip
MIXER = {"mute": "mute", "unmute": "unmute", "solo": "solo", "unsolo": "unsolo"}
_ASKED = r"(?:(?:please|can you|could you|would you|will you|can we|could we|now|just|ok|okay|hey|so) )*"
_MIXER = re.compile(rf"^ {_ASKED}(mute|unmute|solo|unsolo) (?:the |my |all the (?!parts )|all (?!the parts ))?(.+?)"
                    r"(?: tracks?| channels?)? $")  # fmt: skip


# "mute the tambourine track", "silence the shaker channel": a drum voice's name with "track" is a track
# in Live (its mixer switch), never that voice's notes taken out of the drum clip ("mute the shaker")
_VOICE_TRACK = re.compile(
    rf"^ {_ASKED}(mute|unmute|solo|unsolo|silence) (?:the |my )?(\w+(?: \w+)?) (?:track|channel) $"
)


def voice_track_of(s: str) -> Intent | None:
    """Live's switch of a track named for a drum voice, said with "track" or "channel", or None."""
    m = _VOICE_TRACK.match(s)
    if m is None or not any(f" {w} " in f" {m.group(2)} " for w in VOICES):
        return None
    return Intent("mixer", None, {"do": MIXER.get(m.group(1), "mute"), "track_name": m.group(2)})


# "mute the strings track, they're way too loud": the switch of the track said, then a clause of its own
# (a place after the track is the switch's scope: "mute the pad track in the chorus" is read whole)
_TRACK_THEN = re.compile(
    rf"^ {_ASKED}(mute|unmute|solo|unsolo) (?:the |my )?((?:\w+ ){{0,2}}?\w+) (?:track|channel) "
    r"(?!(?:in|for|from|during|after|before|until|till|on|at|over|between|bars?|when|and|but|then|too|as) |\d)\w"
)  # "mute the audio on track 4": Live's fourth track, its number no clause


def switched_track(s: str) -> Intent | None:
    """Live's switch of a track said with "track" and followed by a clause of its own, or None."""
    m = _TRACK_THEN.match(s)
    if m is None:
        return None
    said = f" {m.group(1)} the {m.group(2)} track "
    return voice_track_of(said) or mixer_of(said)


# the object said first, the verb after it: "this clip i want redone as house", "the bass should be remade in"
_REDONE = re.compile(
    rf" ((?:the |my )(?:{_PARTS})|{_THIS}) (?:\w+ ){{0,3}}?(?:redone|remade|rewritten|reworked|made again|done again)"
    r"(?= (?:as|in|into) )"
)

# a clip wanted "as" a genre "instead": "i want this as reggae instead", "this clip i want it as dnb instead"
_AS_INSTEAD = re.compile(
    rf" (?:(?:i want|i need|i d like|id like|have|make) )?((?:the |my )(?:{_PARTS})|{_THIS}) as (?=(?:\w+ ){{1,3}}instead )"
)


# the setting said first and then whose it is: "change the key of this clip to F# minor", "set the genre of the
# bass to funk", "change key of this clip to D phrygian" (no article): the clip or part so set ("the key of the song"
# stays Live's)
_SETTING_OF = re.compile(
    rf" ({'|'.join(SET_VERBS)}) (?:the )?(?:key|scale|genre|style) of ((?:the |my )(?:{_PARTS})|{_THIS})(?: clip| loop| one)? (?=to |into |in |as )"
)


def setting_of(s: str, key: str | None, genres: list[str]) -> Intent | None:
    """A new setting of a part or of the song, or None ("this clip i want redone as house": its object first)."""
    s = _REDONE.sub(r" redo \1", _AS_INSTEAD.sub(r" redo \1 as ", s))
    s = _BE_MORE.sub(lambda m: f" make {m.group(1) or m.group(2)} ", s)
    s = _SETTING_OF.sub(r" \1 \2 ", s)
    m = _TARGET.search(s)
    made = _NEW_ONE.search(s) is not None  # "write a whole song in the style of house": a new one's genre
    if m is None and _NAMED_SETTING.search(s) and genres and not made:  # "change the genre to reggae"
        part = next((p for w, p in v.PARTS.items() if f" {w} " in s), None)
        return Intent("generate", part, {"genre": genres[0], "again": True})
    if m is None:
        return None
    said = v.PARTS.get(m.group(1) or "")
    after = _AFTER.sub("", s[m.end() :])
    mode = cw.mode_of(f" {after}")
    tempo = _TEMPO.search(s)
    named = _NAMED_SETTING.search(s) is not None
    values: dict[str, Any] = {}
    comparative = next((g for w, g in COMPARATIVES.items() if after.split()[:1] == [w]), None)
    if comparative is not None:  # "make the bass jazzier"
        values["genre"] = comparative
    elif genres and (named or (after.split()[:3] and _genre_first(after))):
        values["genre"] = genres[0]
    if key and "_key_" in after:
        values["key"] = key
    elif mode and not key and after.split()[:1] == mode.split()[:1]:
        values["mode"] = mode
    if said == "song":
        if "genre" in values or "mode" in values or not (key or tempo):
            return None
        out: dict[str, Any] = {"key": key} if key else {}
        return Intent("set_key", None, {**out, **({"tempo_bpm": int(tempo.group(1))} if tempo else {})})
    if not values or said == "all":
        return None
    return Intent("generate", said, {**values, "again": True})


_TO_KEY = re.compile(  # an object said between the verb and the key: "transpose to D minor" alone is the song's
    rf" (?:transpose|modulate|take|move|shift|bring|pitch|pitch shift)(?: (?:the |my |this |that |these |those )?({_PARTS})| {_THIS}"
    r"| (?!to |into |up |down )\w+)(?: (?!to |into )\w+){0,2}(?: up| down)? (?:in)?to _key_ "
)


# the part said first and moved, or moved "so that it sits in" the key: "could the bass be moved to G
# minor", "move the chords so they sit in D major", "the chord part moved so that it sits in G major"
_MOVED_TO_KEY = re.compile(
    rf" (?:the |my )({_PARTS})(?: part| line)? (?:be |is |get |gets |should be |could be )?(?:moved|shifted|"
    rf"transposed|modulated|taken|brought)(?: (?:up|down))?(?: so(?: that)? (?:it|they) (?:sits?|is|are|lands?))? "
    rf"(?:in|into|to) _key_ |(?:move|shift|transpose|modulate|take|bring)(?: (?:the |my )({_PARTS})(?: part| line)?"
    rf"| {_THIS}) so(?: that)? (?:it|they) (?:sits?|is|are|lands?|ends? up) in _key_ "
    rf"|^ (?:(?:and|then|now|ok|so) )*(?:the |my )?({_PARTS})(?: part| line)? (?:up|down) (?:in)?to _key_ "
)  # "chords up to G minor", "the bass down to E minor": the part said first and moved, no verb


def key_move_of(s: str, key: str | None) -> Intent | None:
    """ "take it to D dorian", "modulate everything to Eb major", "transpose the bass to G minor": the
    notes moved into the key (a transpose with ``to``), not a new key of the song; "change the key to
    ..." and "transpose the song to ..." are the song's key (None here)."""
    m = (_TO_KEY.search(s) or _MOVED_TO_KEY.search(s)) if key else None
    if m is None or " key " in s or " song " in s or " scale " in s:
        return None
    part = next((g for g in m.groups() if g), "")
    return Intent("transform", v.PARTS.get(part), {"kind": "transpose", "to": key})


def _genre_first(after: str) -> bool:
    """Whether the words after the target start with a genre ("more hip hop", "into a reggae thing")."""
    words = " " + after + " "
    return any(words.startswith(f" {g} ") for g in sorted(v.GENRES, key=len, reverse=True))


_SWITCHED = re.compile(
    r"^ (?:please |can you |now )?(?:put|turn|switch|bring) (?:the |my )?(.+?) (back on|off) $"
)


# a part or track heard alone is soloed: "could i hear the brass on its own", "just the keys for a sec"
_ON_ITS_OWN = r"(?:on (?:its|their) own|by (?:itself|themselves)|alone|in isolation|isolated|soloed)"
_ALONE = re.compile(
    rf"^ {_ASKED}(?:(?:can|could|may) (?:i|we) |let me |let us |lets |i (?:want|need|would like) to |id like to )?"
    rf"(?:hear|listen to|play|check) (?:the |my |just the |only the )(\w+(?: \w+)?) {_ON_ITS_OWN}(?: .*)? $"
    rf"|^ (?:(?:can|could|may) (?:i|we) |let me |i (?:want|need) to )?(?:hear|listen to|play) (?:just|only) "
    r"(?:the |my )(\w+(?: \w+)?)(?: for (?:a|one) (?:sec|second|moment|bit|minute))?(?: please)? $"
    rf"|^ (?:just|only) (?:the |my )(\w+(?: \w+)?) (?:{_ON_ITS_OWN}|for (?:a|one) (?:sec|second|moment|bit|minute))"
    r"(?: please)? $"
)


def mixer_of(s: str) -> Intent | None:
    """Live's mute / unmute / solo of a part's track or of a track named in Live, or None."""
    alone = _ALONE.match(s)
    if alone is not None:
        s = f" solo the {next(g for g in alone.groups() if g)} "
    switched = _SWITCHED.match(s)  # "put the drums back on", "turn the strings off": the track's switch
    if switched is not None:
        name = bare_name(switched.group(1))  # a part or an instrument's track, not "the lights"
        if name not in v.PARTS and name.split()[-1] not in INSTRUMENTS:
            return None
        s = f" {'unmute' if switched.group(2) == 'back on' else 'mute'} {switched.group(1)} "
    m = _MIXER.match(s)
    if m is None:
        return None
    name = bare_name(m.group(2))  # "the strings for a moment", "the piano part": the track's name
    but = re.match(
        r"(?:everything|all|every track|the rest) (?:but|except|apart from) (?:the |my )?(.+)$", name
    )
    if but and m.group(1) == "mute" and v.PARTS.get(but.group(1)):  # "mute everything but the drums"
        return Intent("mixer", v.PARTS[but.group(1)], {"do": "solo"})
    if but and m.group(1) == "mute":  # "mute everything except the piano": the piano's track alone
        return Intent("mixer", None, {"do": "solo", "track_name": bare_name(but.group(1))})
    if no_name(name):
        return which_track(m.group(1), s) if name not in ("it", "this", "that") else None
    if any(f" {w} " in f" {name} " for w in cw.DRUM_VOICES):
        return None
    part = v.PARTS.get(name) or _part_then_clause(name)
    if part is not None and name in INSTRUMENTS and re.search(rf" {re.escape(name)} (?:track|channel) ", s):
        part = None  # "solo the keys track": the track named keys (a part only when no track is said)
    if part is None and not re.search(r" (?:track|channel)s? ", s):
        part = _part_with_stray(name)  # "mute the drums yo": the drums, never a track "drums yo"
    params: dict[str, Any] = {"do": MIXER[m.group(1)]}
    if part is None:
        params["track_name"] = name
    return Intent("mixer", part, params)


def _part_with_stray(name: str) -> str | None:
    """A part with a stray short word ("drums yo"; never a vowelless abbreviation: "lead gtr"), or None."""
    first, _, w = name.partition(" ")
    stray = w.isalpha() and len(w) <= 4 and re.search("[aeiouy]", w) and w not in INSTRUMENTS
    return v.PARTS.get(first) if stray and w not in vocabulary_words() else None


# "the drums the organ is too loud" (a comma, unheard): a part word, then a new clause of its own
_NEW_CLAUSE = re.compile(
    rf"^({_PARTS}) (?:the|a|an|my|our|it|its|this|that|we|i|you|they|he|she|lets|let|so) "
)


def _part_then_clause(name: str) -> str | None:
    """The part a mixer name opens with when a new clause follows it ("drums let the organ
    breathe" -> "drums"), or None."""
    m = _NEW_CLAUSE.match(name)
    return None if m is None else v.PARTS[m.group(1)]


# where a clause ends in what was written: a comma, a semicolon, a colon, a bracket, a dash, a sentence's end
_BREAK = re.compile(r"[,;:!?()]|\s[-\u2013\u2014]\s|\.(?=\s|$)")


def within_clause(intent: Intent, heard: str) -> Intent:
    """A mixer's track name as far as the clause it was said in goes: "unmute the bass, forgot about it"
    is the bass (a track's name never runs past a comma, a dash or a sentence's end); else ``intent``."""
    name = str(intent.params.get("track_name", "")) if intent.action == "mixer" else ""
    if not name or _BREAK.search(heard) is None:
        return intent
    words = name.split()
    for clause in _BREAK.split(heard):
        said = f" {normalize(clause)[0].strip()} "
        kept = next((n for n in range(len(words), 0, -1) if f" {' '.join(words[:n])} " in said), 0)
        if kept:
            break
    if not 0 < kept < len(words):
        return intent
    cut = bare_name(" ".join(words[:kept]))  # "unmute the drums again, was just a/b-ing": the drums
    part = v.PARTS.get(cut)
    params = {k: val for k, val in intent.params.items() if k != "track_name" or part is None}
    return Intent("mixer", part, {**params, **({} if part else {"track_name": cut})}, intent.heard)


# a switch, then after a break how the track sounds: "mute the strings - they're too loud", "solo the keys; the bass
# is too loud": the reason for the switch, not a change of its own
_SWITCH_THEN = re.compile(
    r"^((?:please |can you |could you )?(?:mute|unmute|solo|unsolo) [^,;:!?()\u2013\u2014]+?)\s*"
    r"(?:[,;:!?(]|\s[-\u2013\u2014]\s)\s*(?:(?:cause|because|cuz|since|as) )?"
    r"(?:(?:they|it|its|it's|they're|theyre|that|that's|thats|this|way|far|much|too)\b"
    r"|the \w+(?: \w+)? (?:is|are|sounds?|feels?|keeps?|gets?)\b).*$",
    re.IGNORECASE,
)


def switch_said(heard: str) -> str:
    """The switch alone when a statement about the track follows it after a break ("mute the strings - they're
    too loud" -> "mute the strings"); else ``heard``."""
    m = _SWITCH_THEN.match(heard)
    return m.group(1) if m is not None else heard
