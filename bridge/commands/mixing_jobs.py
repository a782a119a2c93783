"""Mixing and processing that MuseAroo does not do (issue 55, round 16): what is done to a part's sound
in Live's own devices and mixer, not to its notes.

- a sidechain said bare ("sidechain the bass to the kick", "put sidechain compression on the pad"): Live's
  compressor keyed from another track; a sidechain said with a duck or a pump ("sidechain the bass so it
  ducks on every beat", "pump the pad like a sidechain") stays the volume duck MuseAroo draws; a pump said
  only as a likeness after the sidechain ("sidechain the pad to the kick, like that classic pump") is the
  sidechain's sound, no duck asked;
- an effect put on a part ("more verb on the vox", "add some delay to the lead", "put an EQ on the hats",
  "a compressor on the drums", "a glue comp on the drum bus", "a gate on the snare", "send the snare to the
  reverb bus");
- a part's sound processed by name ("eq the hats", "compress the drums", "pan the shaker left");
- a part printed as audio ("bounce the drums to audio", "print stems", "export the stems", "freeze the bass
  track", "render the chords out"), gain staging ("gain stage the mix").

Such a sentence is refused with that answer (no question, no louder/softer guess); a new sound asked
for with an effect's word in it ("a reverb drenched guitar loop", "8 bars of drums, no reverb") is no
such job. Sentences are normalised (padded, lower case). Stdlib only.
"""

from __future__ import annotations

import re

ANSWER = (
    "that is not something MuseAroo does: mixing and processing (sidechains, reverb and delay, EQ, compression, "
    "panning, bouncing, gain staging) are done with Live's own devices and mixer; MuseAroo makes and changes the "
    "music itself"
)
DUCK_ANSWER = f"{ANSWER}; it can draw a volume duck on every beat instead: 'duck the {{}} on every beat'"

_EFFECTS = (
    r"(?:reverb|verb|delay|echo|eq|equaliser|equalizer|compression|compressor|limiter|saturation|"
    r"distortion|phaser|flanger|chorus effect|sidechain compression|side chain|comp|glue comp|glue compressor|bus comp|"
    r"multiband|transient shaper|exciter|de esser|deesser|noise gate|gate|bitcrusher|overdrive|ott)"
)
_SIDECHAIN = re.compile(r" (?:sidechain|side chain|sidechained|sidechaining)(?= )")
# a sidechain said as the pumping it sounds like: MuseAroo's own duck
_DUCKED = re.compile(
    r" (?:duck|ducks|ducked|ducking|pump|pumps|pumping|pumpin|every beat|each beat|on the beat|style|vibe|like)(?= )"
)
# a likeness said after the sidechain asked ("sidechain the bass to the kick, like the classic Berlin pump",
# "kinda like that french house pumping"): the sound of Live's sidechain, no duck asked of MuseAroo
_LIKENESS = re.compile(
    r" (?:(?:kind of|kinda|sort of|sorta|a bit|just|something) )?like (?:a |an |the |that |those |them )?.*$"
)
_PART = re.compile(r" (?:sidechain|side chain) (?:compression )?(?:on |to )?(?:the |my )?([a-z0-9]+)(?= )")
_EFFECT_ON = re.compile(
    rf" (?:add|put|throw|slap|stick|whack|chuck|more|less|some|bit of|touch of|little|too much|a|an)"
    rf"(?: \w+){{0,2}}? {_EFFECTS} (?:on|to|onto|for)(?: the| my| this| that)? \w+(?= )"
    rf"| send (?:the |my )?\w+(?: \w+)? to (?:the |a |my )?(?:\w+ )?(?:reverb|delay|verb|bus|return|send)(?= )"
)
# a part's sound processed by name, the verb first: "eq the hats", "freeze the bass track"
_PROCESSED = re.compile(
    r"^ (?:eq|compress|pan|bounce|render|print|freeze|resample) (?:the|my|this|that|all|it|out) "
)
_PRINTED = re.compile(
    r" (?:print|bounce|render|export) (?:out )?(?:the |my |all the |all )?stems(?= )"
    r"| (?:bounce|render|print|freeze|resample|convert|export) (?:the|my|this|that|it|all)(?: \w+){0,3} (?:to|into|as) "
    r"(?:audio|an? (?:mp3|wav|aiff|flac)|mp3|wav|aiff|flac)(?= )"
    r"| gain stag(?:e|ing)(?= )| (?:bounce|render|print) (?:it|this|that|the \w+) down(?= )"
)
# a clip, scene or section copied as it is: Live's editing ("duplicate the chorus", "copy the chords to the next scene")
_EDITED = re.compile(
    r"^ (?:(?:please|can you|could you|just) )*(?:duplicate|copy|paste|clone|copy and paste|copy paste) (?:the|my|this|that|it)"
)
EDIT_ANSWER = (
    "that is not something MuseAroo does: duplicating, copying and moving clips, scenes and sections is done in Live "
    "itself; MuseAroo makes and changes the music (e.g. 'vary the chorus' for a new take of it)"
)
# a stretch of the song looped while working: Live's loop brace ("loop the last 4 bars", "loop the chorus"),
# never an audio loop made of the words
_LOOPED = re.compile(
    r"^ (?:(?:please|can you|could you|just) )*(?:loop|cycle) (?:the |this |that |over (?:the )?)?(?:last |first |next )?"
    r"(?:\d+ bars|bars? \d+(?: to \d+)?|chorus|verse|intro|outro|bridge|drop|breakdown|section)(?= )"
)
LOOP_ANSWER = (
    "that is not something MuseAroo does: looping a stretch of the song while you work is Live's loop brace "
    "(select it and press Cmd/Ctrl+L); MuseAroo makes and changes the music (e.g. 'continue the drums for 8 bars')"
)
# Live's own work on a track: its name, its colour, a new track, arming it to record ("rename the track to
# Keys", "colour the bass track red", "add a new midi track", "arm the track for recording"), never a part changed
_COLOURS = (
    r"(?:red|orange|yellow|green|blue|purple|pink|violet|grey|gray|white|black|brown|teal|cyan|magenta)"
)
_TRACKED = re.compile(
    r"^ (?:(?:please|can you|could you|would you|just|now|ok|okay|and|then|pls) )*(?:"
    r"re ?name (?:the |my |this |that )?(?:\w+ ){0,2}?(?:track|channel|clip|scene)s?(?: \w+){0,2}? (?:to|as)(?: \w+){1,3}"
    r"|(?:colou?r|recolou?r|paint|tint) (?:the |my |this |that )?(?:\w+ ){0,2}?(?:track|channel|clip|scene)s?"
    r"(?: \w+){0,2}? (?:in |to |as )?"
    + _COLOURS
    + r"|(?:make|turn|change|set) (?:the |my |this |that )?(?:\w+ ){0,2}?(?:track|channel|clip|scene)s?(?:'s| s)? "
    r"(?:colou?r )?(?:to |into )?"
    + _COLOURS
    + r"|(?:add|insert|open)(?: me)? (?:a |an |another |one more |\d+ )?(?:new |fresh |empty |blank )?"
    r"(?:midi |audio |return |group |instrument |empty )?(?:tracks?|channels?|scenes?)"
    r"|(?:create|make|give me|new)(?: me)? (?:a |an |another |one more |\d+ )?(?:new |fresh |empty |blank )?"
    r"(?:midi|audio|return|group|instrument|empty) (?:tracks?|channels?)"  # "make a new track" may be a song
    r"|(?:record )?(?:arm|disarm|unarm|rec arm|record enable) (?:the |my |this |that |all the |all )?(?:\w+ ){0,2}?"
    r"(?:tracks?|channels?)(?: for (?:recording|record))?"
    r"|(?:group|ungroup|fold|unfold) (?:the |my |this |that |all the |these |those )?(?:\w+ ){0,2}?"
    r"(?:tracks?|channels?)(?: into (?:a |one )?group)?"
    r")(?: please| pls| for me| thanks)* $"
)
TRACK_ANSWER = (
    "that is not something MuseAroo does: naming, colouring, adding, grouping and arming tracks is done in Live "
    "itself; MuseAroo makes and changes the music on them (e.g. 'make a bass line' writes it on a track of its own)"
)
_NO_PART = frozenset({"it", "this", "that", "to", "on", "them", "everything", "all", "a", "an", "some"})
_NEW_SOUND = re.compile(r" (?:no|without|dry|wet|drenched|soaked|washed|loop of|sample of|audio loop)(?= )")


_OURS = re.compile(
    r" (?:jam|jams|jamming|take|takes)(?= )"
)  # "bounce the last 4 bars of that jam": a jam saved


def mixing_job(s: str) -> str | None:
    """The answer to a normalised sentence (padded with spaces) that asks for mixing or processing
    MuseAroo does not do, or None."""
    padded = f" {' '.join(s.split())} "
    if _OURS.search(padded):
        return None
    sidechain = _SIDECHAIN.search(padded)
    if sidechain:
        asked = _LIKENESS.sub(" ", padded[sidechain.start() :])  # "..., like the classic pump": how it sounds
        if _DUCKED.search(padded[: sidechain.start()] + asked):
            return None  # "sidechain the pad to the kick, duck it every beat": the duck drawn
        part = _PART.search(padded)
        named = part.group(1) if part and part.group(1) not in _NO_PART else None
        return DUCK_ANSWER.format(named or "this clip").replace("the this clip", "this clip")
    if _NEW_SOUND.search(padded) and not _EFFECT_ON.search(padded):
        return None
    if _EDITED.search(padded):
        return EDIT_ANSWER
    if _TRACKED.search(padded):
        return TRACK_ANSWER
    if _LOOPED.search(padded):
        return LOOP_ANSWER
    if _EFFECT_ON.search(padded) or _PRINTED.search(padded):
        return ANSWER
    return ANSWER if _PROCESSED.search(padded) else None
