"""More of the generated corpus's templates (round 6 of issue 55): the looser and plainer ways a
writer asks, merged into ``command_templates.TEMPLATES`` by operation.

Verbless fragments ("{t} straight, no swing"), counts said as changes ("take back the last {n}
changes"), things switched back on ("turn {t} back on"), errands MuseAroo does not run (weather,
uploads, printing, messages, pitch correction: ``none``) beside vague asks (``ask``), and requests
carried by a purpose or a reason ("... so I can pick one"). One engineer's phrasings, written from
docs/intents.md, none taken from a labelled set.
"""

from __future__ import annotations

T = list[tuple[str, str]]

EXTRA: dict[str, T] = {
    "make": [
        ("{n} diff versions of a {g} {t}", "p"), ("{n} different {t} parts so I can choose one", "p"),
        ("a couple of {t} options so I can pick the best", "p"), ("a {n} bar {t} in 3/4 time for the hymn", "p"),
        ("{t}, {n} bars, {g}", "p"), ("some {t} for the offertory, something gentle", "p"),
        ("a {t} for the processional, {n} bars long", "p"), ("quick {g} {t} idea", "p"),
    ],
    "vary": [
        ("new {t} for the bridge, keep the verse ones as they are", "p"), ("{t} again but diff", "p"),
        ("a fresh pass at {t}, the old one is dull", "p"), ("another go at {t} tho", "p"),
    ],
    "remove": [
        ("no {t} {s}", "v"), ("{t} out {s}", "v"), ("lose {t} {s}", "v"), ("drop {t} {s}", "v"),
        ("without {t} {s}", "v"), ("get rid of {t} {s}", "v"), ("cut {t} {s}", "v"),
    ],
    "add": [
        ("some {t} {s} as well", "v"), ("could we have {t} {s} too", "v"), ("{t} {s} w the rest", "v"),
        ("a bit of {t} in there", "v"),
    ],
    "busier": [("more {t} {s}", "pv"), ("{t} busier {s}, leave the rest", "pv"), ("{t} w more notes", "pv")],
    "simpler": [
        ("less {t} {s}", "pv"), ("fewer {t} hits {s}", "v"), ("{t} simpler {s}", "pv"), ("less busy {t} {s}", "pv"),
        ("not so much {t} {s}", "pv"),
    ],
    "louder": [("{t} up a bit", "pvk"), ("{t} louder {s}", "pvk"), ("more {t} in the mix tho", "pvk")],
    "softer": [("{t} down a touch", "pvk"), ("{t} quieter {s}", "pvk"), ("{t} too loud rn", "pvk")],
    "shift": [("{t} a sixteenth later", "pvh"), ("{t} a beat earlier", "pv"), ("{t} nudged back a 16th", "pvh")],
    "quantize": [
        ("tidy up {t} so every note sits on the beat", "pvh"), ("{t} on the grid", "pv"),
        ("{t} tighter to the grid", "pv"), ("straighten up the timing of {t}, it's all over the place", "pv"),
    ],
    "feel": [
        ("{t} straight, no swing", "pv"), ("{t} straight pls", "pv"), ("no swing on {t}", "pv"),
        ("{t} half time", "pv"), ("{t} shuffled", "pv"), ("{t} more syncopated", "pv"),
    ],
    "set": [("change {t} over to a {g} style", "ps"), ("{t} in a {g} style instead", "ps"), ("{t} {g} now", "ps")],
    "mute": [
        ("{t} off", "k"), ("{t} muted", "pk"), ("no {t} for now", "k"), ("shut {t} up for a sec", "pk"),
        ("kill {t} rq", "pk"), ("mute {t} rq", "pk"),
    ],
    "unmute": [
        ("{t} was muted, turn it back on", "pk"), ("{t} back on", "pk"), ("bring {t} back in", "pk"),
        ("{t} on again", "pk"), ("I muted {t} before, switch it back on", "pk"),
    ],
    "continue": [("keep {t} goin for another {n} bars", "hp"), ("{t} for {n} more bars", "hp"),
                 ("make {t} go on a bit longer", "hp")],
    "undo": [
        ("take back the last {n} changes", ""), ("take back that last change", ""), ("undo the last {n} edits", ""),
        ("go back {n} changes", ""), ("reverse the last {n} things you did", ""), ("scrap your last {n} changes", ""),
    ],
    "redo": [("I changed my mind, redo it", ""), ("redo what I just undid", ""), ("put the undone change back", "")],
    "compare": [
        ("wats the diff between {t} and the last one", "hr"), ("how does {t} differ from the one before", "hr"),
        ("what changed in {t} compared to the last take", "hr"),
    ],
    "list_takes": [("show me only the takes I've starred", ""), ("just the starred ones", ""),
                   ("which takes have a star", "")],
    "warp": [("line {t} up with the bars of the song", "h"), ("get {t} in time with the song", "h")],
    "play": [("press play", ""), ("play it so I can hear it all together", ""), ("start it", ""),
             ("let's hear it from the start", "")],
    "help": [("how should I word my requests", ""), ("what kind of things can I ask you", ""),
             ("how do I talk to you", "")],
    "none": [
        ("what's the weather tomorrow", ""), ("is it going to rain today", ""), ("will it be sunny on sunday", ""),
        ("upload {t} to my soundcloud", "hk"), ("put {t} on bandcamp", "h"), ("print the lyric sheets", ""),
        ("print out the chord charts for the band", ""), ("send {t} to my friend by text message", "h"),
        ("text this to the drummer", ""), ("correct the pitch of the singer on {t}", "h"),
        ("autotune my vocals", ""), ("tune the alto singer", ""), ("fix the pitch of the vocal recording", ""),
        ("mix my vocals w reverb and stuff", ""), ("export {t} to FMOD for the game", "h"),
        ("email the pastor the recording", ""), ("book the hall for thursday", ""),
    ],
    "ask": [
        ("make it better for sunday", ""), ("can you change it?", ""), ("make it hit different", ""),
        ("do somethin w the thing", ""), ("make it, like, better", ""), ("it feels wrong, fix it", ""),
        ("improve it somehow", ""), ("change something", ""), ("make it nicer", ""), ("it's not working, do something", ""),
    ],
}  # fmt: skip
