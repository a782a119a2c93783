"""The generated corpus's templates: for each operation of docs/intents.md, ways to ask for it (the note
edits here, the session's operations in ``command_templates_session.py``).

Each entry is ``(template, target kinds)``; the slots and kind letters are explained in
``command_corpus.py``. Written from the schema and the README's words, one engineer's phrasings.
"""

from __future__ import annotations

from tools.corpus import command_templates_session as s
from tools.corpus.command_templates_plain import EXTRA

T = list[tuple[str, str]]

_MAKE: T = [
    ("program a {t} for me", "p"), ("I'm after a {g} {t}", "p"), ("whip up a {t}", "p"), ("put down a {t} at {b} bpm", "p"),
    ("we need {t} under this", "p"), ("bang out a quick {g} {t}", "p"), ("generate drums and bass", ""),
    ("make a song", ""), ("fresh {g} chords in {y}", ""), ("write {n} bars of {t} in {y}", "p"),
    ("make me a {g} {t}", "p"), ("give me a {t}", "p"), ("write a {t} in {y}", "p"),
    ("generate {n} bars of {t}", "p"), ("I need a {g} {t}", "p"), ("come up with a {t}", "p"),
    ("lay down a {t}", "p"), ("cook up a {g} beat", ""), ("start me off with some {t}", "p"),
    ("build {t} from scratch", "a"), ("write a whole song in {y}", ""), ("compose a {g} song at {b} bpm", ""),
    ("can I get a {t} at {b}", "p"), ("sketch out a {t}", "p"), ("drop in a fresh {t}", "p"),
    ("new {t}", "p"), ("a {g} {t} please", "p"), ("{n} bars of {g} {t}", "p"), ("make a {t} for the chorus", "p"),
    ("I want a full arrangement, {g}", ""), ("make a {t} that follows the {t}", "p"), ("create {t}", "a"),
    ("lay down {t} at {b} bpm", "a"), ("do {t}, {g} at {b}", "a"),
    ("{n} different {g} {t} ideas", "p"), ("give me {n} options for {t}", "p"), ("write {t} for the second verse", "p"),
]  # fmt: skip
_VARY: T = [
    ("I don't love {t}, give me a different one", "p"), ("make {n} more like {t}", "h"), ("roll the dice on {t} again", "ph"),
    ("alternate take of {t}", "ph"), ("new version of {t} please", "ph"), ("swap {t} for a new one", "p"),
    ("another version of {t}", "ph"), ("try {t} again", "ph"), ("give me {n} more takes of {t}", "ph"),
    ("regenerate {t}", "ph"), ("reroll {t}", "ph"), ("different {t} please", "p"), ("redo {t}", "p"),
    ("a new variation of {t}", "ph"), ("one more go at {t}", "ph"), ("spin up some alternatives for {t}", "ph"),
    ("rewrite the chorus", ""), ("new chords for the bridge", ""), ("give me another chorus", ""),
    ("shuffle up {t} with a fresh take", "p"), ("not feeling {t}, try another", "ph"), ("vary {t}", "ph"),
    ("have {n} more goes at {t}", "ph"), ("give me {n} more tries at {t}", "ph"), ("{n} alternatives for {t}", "ph"),
    ("could I hear another version of {t}", "p"), ("let me hear a different take on {t}", "p"),
]  # fmt: skip
_REMOVE: T = [
    ("take {t} out {s}", "v"), ("we don't need {t} {s}", "v"), ("scrap {t} {s}", "v"), ("empty out {t} {s}", "p"),
    ("knock out {t} {s}", "v"), ("delete the notes {s}", ""), ("{t} has to go", "v"),
    ("take out {t}", "v"), ("drop {t}", "v"), ("get rid of {t}", "v"), ("kill {t}", "v"), ("lose {t}", "v"),
    ("delete {t} notes", "v"), ("no {t} {s}", "v"), ("strip out {t}", "vp"), ("remove {t}", "v"),
    ("mute {t} {s}", "v"), ("cut {t} {s}", "vp"), ("clear {t} {s}", "p"), ("pull {t} out", "v"),
    ("silence {t} {s}", "v"), ("I don't want any {t}", "v"), ("ditch {t}", "v"), ("erase {t} {s}", "vp"),
]  # fmt: skip
_KEEP_ONLY: T = [
    ("just {t} and nothing else", "v"), ("only keep {t}", "v"), ("strip it down to just {t}", "v"),
    ("leave only {t}", "v"), ("everything out except {t}", "v"), ("keep {t}, remove the rest of the kit", "v"),
    ("nothing but {t}", "v"), ("only {t} in the drums", "v"),
]  # fmt: skip
_ADD: T = [
    ("{t} {s} would be nice", "v"), ("add a few {t}", "v"), ("throw some {t} on top {s}", "v"),
    ("give the snare some ghost notes", ""), ("double up {t} {s}", "v"), ("add an extra {t} {s}", "v"),
    ("add {t}", "v"), ("put some {t} in", "v"), ("throw in {t} {s}", "v"), ("layer in {t}", "v"),
    ("sprinkle some {t} on top", "v"), ("add ghost notes", ""), ("bring in {t} {s}", "v"),
    ("I want {t} {s}", "v"), ("stick {t} {s}", "v"), ("can we get {t} in there", "v"), ("add some {t} hits", "v"),
]  # fmt: skip
_BUSIER: T = [
    ("{t} could use more going on", "pv"), ("liven up {t}", "pv"), ("add some fills and flourishes to {t}", "p"),
    ("make {t} busier", "pvh"), ("more notes in {t}", "pv"), ("fill out {t}", "p"), ("more going on in {t}", "ph"),
    ("{t} needs more activity", "pv"), ("add more movement to {t}", "p"), ("more complex {t}", "p"),
    ("denser {t}", "pv"), ("thicken up {t}", "pv"), ("busy up {t}", "pvh"), ("{t} is too sparse", "pvh"),
    ("{s} {t} need more going on", "pv"), ("{t} should do more {s}", "pv"), ("{s} give {t} more to do", "pv"),
]  # fmt: skip
_SIMPLER: T = [
    ("there's too much going on in {t}", "p"), ("clean out some of {t}", "pv"), ("pare back {t}", "pv"),
    ("less notes in {t} please", "pv"), ("make {t} breathe a bit more", "p"),
    ("thin out {t}", "pvh"), ("simplify {t}", "pvh"), ("strip back {t}", "pv"), ("fewer notes in {t}", "pv"),
    ("make {t} less busy", "pvh"), ("{t} is too busy", "pvh"), ("sparser {t}", "pv"), ("calm {t} down", "pv"),
    ("make {t} more minimal", "p"), ("thin {t}", "pv"), ("dial back the busyness of {t}", "p"),
    ("less going on in {t}", "ph"), ("take some notes out of {t}", "p"), ("declutter {t}", "p"),
    ("strip {t} back {s}", "pv"), ("take {t} back to basics {s}", "p"), ("{t} should do less {s}", "pv"),
]  # fmt: skip
_LOUDER: T = [
    ("give {t} more level", "pvk"), ("raise {t} in the mix", "pvk"), ("bring {t} forward in the mix", "pvk"),
    ("{t} needs to be louder in the mix", "pvk"), ("more of {t} in the mix", "pvk"),
    ("turn up {t}", "pvk"), ("louder {t}", "pvk"), ("hit {t} harder", "v"), ("bring {t} up in the mix", "pvk"),
    ("crank {t}", "pvk"), ("boost {t}", "pvk"), ("make {t} louder", "pvkh"), ("{t} is too quiet", "pvk"),
    ("push {t} up", "pvk"), ("more volume on {t}", "pvk"), ("I can barely hear {t}", "pvk"), ("more punch on {t}", "v"),
]  # fmt: skip
_SOFTER: T = [
    ("{t} sticks out too much, lower it", "pvk"), ("less {t} in the mix", "pvk"), ("back {t} off a little", "pvk"),
    ("drop the level of {t}", "pvk"), ("{t} is drowning everything out", "pvk"), ("turn the gain down on {t}", "pvk"),
    ("turn {t} down", "pvk"), ("quieter {t}", "pvk"), ("bring {t} down in the mix", "pvk"), ("pull {t} back", "pvk"),
    ("soften {t}", "pvk"), ("lower the volume of {t}", "pvk"), ("{t} is too loud", "pvk"), ("tame {t}", "pvk"),
    ("turn the volume down on {t}", "pvk"), ("sit {t} lower in the mix", "pvk"), ("make {t} quieter", "pvkh"),
    ("{t} is way too hot", "pvk"), ("ease off {t}", "pv"),
    ("can {t} be played more softly {s}", "pv"), ("play {t} more gently {s}", "pv"),
]  # fmt: skip
_TRANSPOSE: T = [
    ("{t} up a fourth", "ph"), ("can {t} be a step lower", "ph"), ("move {t} into {y}", "ph"), ("pitch {t} up {n} semitones", "ph"),
    ("transpose {t} up {n} semitones", "ph"), ("shift {t} up an octave", "ph"), ("move {t} down a fifth", "ph"),
    ("pitch {t} down", "ph"), ("put {t} in {y}", "ph"), ("drop {t} an octave", "ph"), ("raise {t} a whole tone", "ph"),
    ("transpose {t} to {y}", "ph"), ("{t} an octave higher", "p"), ("take {t} down a semitone", "ph"),
    ("key change {t} up two steps", "ph"), ("bump the pitch of {t} up", "ph"),
    ("take {t} up {n} semis", "ph"), ("move {t} down {n} semis", "ph"), ("knock {t} down an octave", "ph"),
]  # fmt: skip
_SHIFT: T = [
    ("move {t} {n} beats later", "pvh"), ("nudge {t} earlier by a sixteenth", "pvh"), ("push {t} back an eighth", "pv"),
    ("delay {t} by a beat", "pvh"), ("shift {t} forward in time", "pv"), ("pull {t} a little early", "pv"),
    ("offset {t} by half a beat", "pvh"), ("{t} should come in a beat later", "pv"),
]  # fmt: skip
_QUANTIZE: T = [
    ("quantize {t}", "pvh"), ("tighten up {t}", "pvh"), ("snap {t} to the grid", "pvh"), ("lock {t} to the grid", "pv"),
    ("clean up the timing of {t}", "pvh"), ("fix the timing", ""), ("{t} is sloppy, tighten it", "pv"),
    ("put {t} on the grid", "pvh"), ("quantise everything", ""),
]  # fmt: skip
_HUMANIZE: T = [
    ("humanize {t}", "pvh"), ("loosen up {t}", "pvh"), ("make {t} less robotic", "pvh"), ("more human feel on {t}", "pv"),
    ("{t} sounds too stiff", "pvh"), ("give {t} some human feel", "pv"), ("rough up the timing of {t}", "pv"),
    ("make it feel played, not programmed", ""), ("{t} is too mechanical", "pv"),
]  # fmt: skip
_SWING: T = [
    ("swing {t}", "pvh"), ("add swing to {t}", "pvh"), ("put some swing on {t}", "pv"), ("more swing", ""),
    ("give {t} a bit of swing", "pv"), ("swing {t} a lot", "pv"), ("a touch of swing on {t}", "pv"),
]  # fmt: skip
_FEEL: T = [
    ("play {t} half time", "pv"), ("double time {t}", "pv"), ("four on the floor kick", ""),
    ("make {t} syncopated", "pv"), ("give {t} offbeat stabs", "p"), ("waltz feel for {t}", "p"),
    ("straighten {t} out", "pv"), ("shuffle {t}", "pv"), ("put a shuffle feel on {t}", "pv"),
    ("{t} in half time", "pv"), ("make {t} straight", "pv"), ("more movement in {t}", "p"),
    ("just a few stabs on the one for {t}", "p"), ("give {t} a shuffle", "pv"),
    ("give {t} a shuffle feel", "pv"), ("give {t} a half time feel", "pv"), ("{t} with a swung shuffle groove", "pv"),
]  # fmt: skip
_SET: T = [
    ("set the tempo to {b}", ""), ("change the key to {y}", ""), ("make {t} {g}", "hs"), ("switch to 3/4", ""),
    ("change the genre of {t} to {g}", "hps"), ("put the song at {b} bpm", ""), ("song key {y}", ""),
    ("time signature 6/8", ""), ("use a dorian scale for {t}", "p"), ("{b} bpm", ""), ("set {t} to {y}", "sp"),
    ("change the style to {g}", ""), ("make the song {g} at {b}", ""),
]  # fmt: skip
_TEMPO: T = [
    ("double the tempo", ""), ("half speed", ""), ("speed it up by 10 bpm", ""), ("slow down a bit", ""),
    ("faster", ""), ("slower please", ""), ("take the tempo down 5", ""), ("push the tempo up a few bpm", ""),
    ("speed up {t}", "j"), ("slow {t} down", "sj"), ("halve the tempo", ""), ("make it a bit quicker", ""),
]  # fmt: skip
_MUTE: T = [
    ("mute the {t} track", "w"), ("silence the {t} channel", "wp"), ("turn the {t} track off", "w"), ("mute track {n}", ""),
    ("I don't want to hear {t} right now, mute it", "k"), ("press mute on {t}", "k"),
    ("mute {t}", "k"), ("mute the {t} track", "p"), ("silence {t}", "k"), ("turn off {t}", "k"), ("mute {t}", "p"),
    ("switch {t} off", "k"), ("kill {t} track", "k"), ("hit mute on {t}", "pk"),
]  # fmt: skip
_UNMUTE: T = [
    ("unmute the {t} track", "w"), ("turn the {t} channel back on", "w"),
    ("unmute {t}", "pk"), ("bring {t} back", "k"), ("turn {t} back on", "pk"), ("unmute the {t} track", "p"),
    ("let me hear {t} again", "k"), ("switch {t} back on", "k"),
    ("unmute {t} please", "k"), ("unmute {t}, thanks", "k"),
]  # fmt: skip
_SOLO: T = [
    ("solo the {t} track", "w"), ("let me hear just {t} on its own", "k"), ("isolate {t} so I can hear it", "pk"),
    ("solo {t}", "pk"), ("just let me hear {t}", "pk"), ("solo the {t} track", "p"), ("put {t} on solo", "pk"),
    ("play {t} on its own", "pk"), ("listen to {t} alone", "pk"),
    ("could I hear {t} on its own for a bit", "k"), ("I want to hear {t} by itself", "pk"),
    ("let me hear only {t} for a moment", "pk"),
]  # fmt: skip
_AUTOMATE: T = [
    ("automation for {t}", "pk"), ("write automation for the volume of {t}", "pk"), ("some volume automation on {t}", "pk"),
    ("automate the filter on {t}", "pk"), ("I want {t} automated", "pk"), ("add a volume ramp to {t}", "pk"),
    ("sketch an automation curve for {t}", "pk"), ("add automation to {t}", "pk"), ("automate the volume of {t}", "pk"),
    ("put a filter sweep on {t}", "pk"), ("ride the fader on {t} with automation", "pk"), ("automate a fade on {t}", "pk"),
    ("sidechain pump on {t}", "pk"), ("make {t} swell into the chorus", "pk"),
    ("fade in {t} over {n} bars", "pk"), ("put automation on {t}", "pk"), ("automate a filter sweep on {t}", "pk"),
    ("duck {t}", "pk"), ("sidechain {t} to the kick", "pk"), ("swell {t} {s}", "pk"), ("fade out {t}", "pk"),
    ("draw a volume fade on {t}", "pk"), ("filter sweep up on {t}", "pk"), ("open the filter on {t} slowly", "pk"),
    ("automate {t}", "pk"), ("make {t} fade in", "pk"), ("a slow swell on {t}", "pk"), ("sweep down {t}", "pk"),
]  # fmt: skip
_FILL: T = [
    ("add a drum fill every {n} bars", ""), ("put a fill {s}", ""), ("drum fill before the drop", ""),
    ("fill at the end of the chorus", ""), ("add fills", ""), ("a fill every fourth bar", ""),
    ("give me a tom fill {s}", ""), ("throw a fill in {s}", ""),
]  # fmt: skip
TEMPLATES: dict[str, T] = {
    "make": _MAKE, "vary": _VARY, "remove": _REMOVE, "keep_only": _KEEP_ONLY, "add": _ADD, "busier": _BUSIER,
    "simpler": _SIMPLER, "louder": _LOUDER, "softer": _SOFTER, "transpose": _TRANSPOSE, "shift": _SHIFT,
    "quantize": _QUANTIZE, "humanize": _HUMANIZE, "swing": _SWING, "feel": _FEEL, "set": _SET, "tempo": _TEMPO,
    "mute": _MUTE, "unmute": _UNMUTE, "solo": _SOLO, "automate": _AUTOMATE, "fill": _FILL, "undo": s.UNDO,
    "redo": s.REDO, "star": s.STAR, "unstar": s.UNSTAR, "name": s.NAME, "recall": s.RECALL, "compare": s.COMPARE,
    "list_takes": s.LIST, "analyze": s.ANALYZE, "warp": s.WARP, "separate": s.SEPARATE, "musicgen": s.MUSICGEN,
    "infill": s.INFILL, "transcribe": s.TRANSCRIBE, "continue": s.CONTINUE, "accompany": s.ACCOMPANY, "jam_start": s.JAM_START,
    "jam_stop": s.JAM_STOP, "jam_set": s.JAM_SET, "jam_save": s.JAM_SAVE, "play": s.PLAY, "stop": s.STOP,
    "cancel": s.CANCEL, "help": s.HELP, "confirm": s.CONFIRM, "none": s.NONE, "ask": s.ASK,
}  # fmt: skip
TEMPLATES = {op: [*said, *EXTRA.get(op, [])] for op, said in TEMPLATES.items()}  # round 6's looser phrasings
# ops that may take a scope phrase appended
SCOPED = frozenset(
    {"remove", "add", "busier", "simpler", "louder", "softer", "quantize", "humanize", "swing"}
)
# ops that a contrast frame may wrap ("leave the kick alone, thin the hats")
CONTRASTABLE = frozenset({"remove", "busier", "simpler", "louder", "softer", "quantize", "humanize", "swing",
                          "feel", "transpose", "vary", "add"})  # fmt: skip
UNFRAMED = frozenset({"confirm", "none", "ask", "help", "play", "stop", "undo", "redo"})
