"""The generated corpus's round 10 kinds (issue 55): the registers the held-out head read worst.

Leave-one-writer-out (docs/benchmarks/reading.md, "Round 10: the head's registers") put the head's
errors in a few places: a direction said as a state ("the bass is too bare" is busier, "the kick is
far too prominent" softer), formal and theory wording ("could the lead be modulated up a minor
third?"), hedged requests ("I wonder if the pads might sit a little lower"), fragments a live
performer calls out ("hats out", "snare up a hair"), conditions ("if the bass clashes, drop it an
octave": the drop), second-language English ("comot the shaker", "kindly reduce it"), vague
requests (a question) and errands MuseAroo does not run (``none``). :data:`REGISTERS` holds those
templates; :data:`HEDGES`, :data:`FORMAL`, :data:`PURPOSES`, :data:`WISHES` and
:data:`SECOND_LANGUAGE` wrap any request in a hedge, a formal frame, a purpose clause, beside an
out-of-scope wish or in second-language words (the request is what is labelled). One engineer's
phrasings from the schema (docs/intents.md); none taken from a labelled set.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from tools.corpus import command_templates as tpl
from tools.corpus import command_templates_spoken as sp
from tools.corpus import command_words as w

T = list[tuple[str, str]]

_STATE: dict[str, T] = {  # a direction said as how the part is now
    "busier": [("{t} is far too bare {s}", "pv"), ("{t} feels a bit empty {s}", "pv"), ("{t} could be more busy", "pv"),
               ("there isn't enough happening in {t}", "pv"), ("{t} is rather sparse; flesh it out", "p"),
               ("{t} should be less sparse {s}", "pv"), ("make {t} less sparse", "pv"), ("flesh out {t} {s}", "p"),
               ("{t} sounds thin and empty, give it more notes", "pv"), ("{t} needs filling out {s}", "p"),
               ("{t} could stand to be denser", "pv"), ("{t} too empty, more going on", "pv"),
               ("{t} is too sparse {s}, busy it up", "pv"), ("{t} is way too plain {s}", "pv")],
    "simpler": [("{t} is doing far too much {s}", "pv"), ("{t} feels crowded {s}", "pv"), ("{t} is too dense", "pv"),
                ("{t} should be less dense {s}", "pv"), ("{t} should be sparser {s}", "pv"),
                ("{t} more sparse {s}", "pv"), ("make {t} less dense", "pv"), ("{t} is overplaying {s}", "p"),
                ("{t} plays far too many notes {s}", "pv"), ("{t} is cluttered, simplify it", "pv"),
                ("{t} could be calmer, there's a lot going on", "pv"), ("{t} is too busy {s}, pare it down", "pv")],
    "louder": [("{t} is buried {s}", "pvk"), ("{t} gets lost under the pads {s}", "pvk"), ("{t} more loud {s}", "pvk"),
               ("{t} is too low in the mix", "pvk"), ("{t} should come up a little {s}", "pvk"),
               ("{t} needs to cut through more", "pvk"), ("{t} is masked by everything else; raise it", "pvk"),
               ("I can hardly hear {t} {s}", "pvk"), ("{t} is too timid, give it more level", "pvk")],
    "softer": [("{t} is far too prominent {s}", "pvk"), ("{t} is overpowering the vocal", "pvk"),
               ("{t} gets too loud {s}", "pvk"), ("{t} is running hot, ease it back a little", "pvk"),
               ("{t} sticks out {s}", "pvk"), ("{t} should be quieter {s}", "pvk"), ("{t} is a touch too forward", "pvk"),
               ("{t} is too much in your face", "pvk"), ("reduce the velocity of {t} {s}", "pv"),
               ("{t} is drowning out the melody", "pvk")],
}  # fmt: skip
_FORMAL: dict[str, T] = {  # formal and theory register
    "transpose": [("could {t} be modulated up a minor third?", "p"), ("please transpose {t} down a perfect fifth", "p"),
                  ("would you shift {t} into {y} instead of where it is now", "p"), ("raise {t} by a major second", "p"),
                  ("I should like {t} a whole step lower", "p"), ("modulate {t} to {y}", "p"),
                  ("kindly lower {t} by an octave", "p"), ("shift {t} up a tritone", "p")],
    "make": [("please draft {n} versions of a {g} {t} in {y}", "p"), ("kindly compose a {t} in {y}, {n} bars long", "p"),
             ("I should like a {g} {t} for the bridge", "p"), ("could you generate a {t} of {n} bars in 6/8?", "p"),
             ("would you write me a {t} with a walking quality", "p"), ("I require a {t} in {y} for the cue", "p")],
    "vary": [("I would like {n} further readings of {t}", "p"), ("could you offer an alternative reading of {t}?", "p"),
             ("please draft another version of {t} with the same settings", "p"),
             ("might I hear a different realisation of {t}?", "p")],
    "set": [("please recast {t} in a {g} idiom", "hp"), ("set the mode to lydian", ""), ("I'd rather {t} were {g}", "hp"),
            ("redo {t} as {g} instead", "hp"), ("the song's key should be {y}", "")],
    "automate": [("could {t} die away slowly across {n} bars?", "pk"), ("have {t} swell into the chorus", "pk"),
                 ("let {t} creep in from silence over {n} bars", "pk")],
    "list_takes": [("show me only the {t} takes I starred", "p"), ("which {t} takes have I starred?", "p")],
}  # fmt: skip
_SPOKEN: dict[str, T] = {  # what a live performer calls out, terse
    "remove": [("{t} out", "v"), ("{t} out {s}", "v"), ("lose {t} {s}", "v"), ("no {t} for now", "v")],
    "louder": [("{t} up", "pvk"), ("{t} up a hair", "pvk"), ("{t} a bit hotter", "pvk")],
    "softer": [("{t} down", "pvk"), ("{t} down a hair", "pvk"), ("ease {t} back", "pvk")],
    "simpler": [("{t} thinner", "pv"), ("{t} sparser {s}", "pv"), ("half the notes on {t}", "pv")],
    "busier": [("{t} busier", "pv"), ("{t} fuller {s}", "pv")],
    "quantize": [("tighter {t}", "pv"), ("{t} on the grid", "pv")],
    "feel": [("{t} half time", "pv"), ("{t} double time from here", "pv")],
}  # fmt: skip
# a condition first, then what to do: the doing is the op. (Exceptions, "mute everything apart from
# the piano" soloing the piano, were tried and left out: their kept target is the one acted on, a contrast's
# ("leave the kick alone, thin the hats") is not, and the head read contrasts' targets worse.)
_CONDITIONS: dict[str, T] = {
    "transpose": [("if {t} clashes with the vocal, move it down an octave", "p"),
                  ("should {t} sit too high, drop it an octave", "p"), ("if {t} fights the chords, take it down a semitone", "p")],
    "simpler": [("if {t} feels crowded {s}, thin it out", "pv"), ("when {t} gets too busy, simplify it", "pv")],
    "softer": [("if {t} is too loud, bring it down", "pvk"), ("if {t} jumps out, tuck it back a little", "pvk")],
    "louder": [("if {t} gets lost {s}, push it up", "pvk"), ("if you can't hear {t}, raise it", "pvk")],
    "quantize": [("if {t} drifts off the beat, snap it to the grid", "pv")],
    "remove": [("if {t} gets in the way {s}, take it out", "v")],
}  # fmt: skip
_ASK: T = [  # vague: the answer is a question (the target is not labelled)
    ("fix {t}", "p"), ("do something about {t}", "p"), ("sort {t} out", "p"), ("change {t} somehow, it isn't working", "p"),
    ("adjust {t}", "p"), ("tweak {t} a bit", "p"), ("{t} needs something, not sure what", "p"),
    ("I'm not happy with {t}", "p"), ("could you improve {t}?", "p"), ("{t} could be better", "p"),
    ("make the second section work somehow", ""), ("sort out the levels", ""), ("make it louder or quieter, you pick", ""),
]  # fmt: skip
_NONE: T = [  # errands and things MuseAroo does not do
    ("master the final mix to minus fourteen LUFS", ""), ("give the master bus more loudness", ""),
    ("put a plate reverb on {t}", "pk"), ("add some delay throws to {t}", "pk"), ("compress {t} harder", "pk"),
    ("EQ some mud out of {t}", "pk"), ("autotune my vocal take", ""), ("pitch correct the singer", ""),
    ("render the orchestral parts to a printable file", ""), ("print a lead sheet for the band", ""), ("engrave the parts for the players", ""),
    ("book a string section for Thursday", ""), ("hire a session drummer", ""), ("find me a horn player for the gig", ""),
    ("grade my student's harmony homework", ""), ("mark these counterpoint exercises", ""),
    ("explain what a plagal cadence is", ""), ("why do parallel fifths sound so hollow?", ""),
    ("what's the difference between dorian and aeolian?", ""), ("teach me how secondary dominants work", ""),
    ("order more coffee for the studio", ""), ("back the project up to the cloud", ""), ("renew my plugin licences", ""),
    ("which compressor plugin should I buy?", ""), ("recommend a good sample pack", ""), ("who produced this record?", ""),
    ("beatmatch the next tune for me", ""), ("cue up the next record", ""), ("post a snippet on instagram", ""),
    ("tune my real piano", ""), ("restring my guitar", ""), ("send the stems to the mix engineer", ""),
    ("apply a vintage tape emulation to {t}", "pk"),
    ("set the ceiling on the limiter", ""), ("convert this project to Logic", ""), ("write the liner notes", ""),
]  # fmt: skip
_PLAIN: dict[str, T] = {  # second-language English: Nigerian Pidgin, Indian English, learners'
    "softer": [("{t} dey too loud, reduce am small", "pv"), ("{t} is little too loud, kindly reduce it", "pvk"),
               ("make {t} more soft {s}", "pv"), ("{t} please more quiet", "pvk")],
    "louder": [("{t} no dey hear well, raise am", "pvk"), ("make {t} to come louder", "pvk"),
               ("{t} is very less in the mix, increase it", "pvk")],
    "busier": [("make {t} dey busier small", "pv"), ("{t} is having very less notes, add more", "pv"),
               ("{t} must be more full {s}", "pv")],
    "simpler": [("{t} too plenty, reduce the notes", "pv"), ("{t} is too much, make it less", "pv"),
                ("{t} is playing very much notes {s}", "pv")],
    "remove": [("comot {t} {s}", "v"), ("remove {t} itself {s}", "v"), ("{t} no need {s}, comot am", "v")],
    "shift": [("prepone {t} by one sixteenth", "pv"), ("postpone {t} by half a beat", "pv")],
    "make": [("abeg make me {g} {t}, {n} bars", "p"), ("kindly prepare a {t} in {y}", "p")],
}  # fmt: skip
_HEDGED: dict[str, T] = {  # a teacher's hedged state or question
    "softer": [("I wonder if {t} might be a touch loud {s}", "pvk"), ("perhaps {t} is a little too present?", "pvk")],
    "louder": [("might {t} come up a little {s}?", "pvk"), ("I wonder whether {t} could be a bit more audible", "pvk")],
    "busier": [("I wonder whether {t} could be a little fuller {s}", "pv"), ("perhaps {t} could do a bit more?", "pv")],
    "simpler": [("I wonder if {t} is a bit too busy for beginners", "pv"), ("perhaps {t} could be simpler {s}?", "pv")],
    "transpose": [("I wonder if {t} might sit better an octave lower", "p"), ("might {t} be easier to sing a tone down?", "p")],
    "tempo": [("I wonder if it could be a little slower for the students", ""), ("perhaps a touch faster?", "")],
    "vary": [("I wonder if we might hear {t} another way", "p"), ("perhaps another attempt at {t}?", "p")],
}  # fmt: skip
_MORE: dict[str, T] = {
    "musicgen": [("make a loop of {u}, {n} bars", ""), ("give me a {n} bar loop of {u}", ""), ("a loop of {u} please", ""),
                 ("render {u} as audio", "")],
    "set": [("change the scale to lydian", ""), ("switch the mode to mixolydian", ""), ("make {t} phrygian", "hp")],
    "ask": [("use a different key", ""), ("fiddle with the tempo", ""), ("go with another style", ""), ("change {t}", "p"),
            ("give the ending more something", ""), ("make the bridge work better", "")],
}  # fmt: skip
SOUNDS = ["tape-warped flute", "distant church bells", "glassy marimba plucks", "a bowed cymbal drone",
          "crunchy vinyl piano", "a brass stab with grit", "harp glissandos", "detuned music box", "thunder and rain",
          "a breathy pan flute", "gritty analog arpeggios", "choir oohs in a cathedral"]  # fmt: skip
REGISTERS: dict[str, T] = {}
for table in (_STATE, _FORMAL, _SPOKEN, _CONDITIONS, _PLAIN, _HEDGED, _MORE, {"ask": _ASK, "none": _NONE}):
    for op, templates in table.items():
        REGISTERS.setdefault(op, []).extend(templates)
SPOKEN = frozenset(t for templates in _SPOKEN.values() for t, _ in templates)  # not dressed in frames
HEDGES = [
    "I wonder if you might {c}", "I wonder if we could {c}?", "perhaps you could {c}", "might it be possible to {c}?",
    "would it be worth trying to {c}?", "I was wondering whether you could {c}", "if it's not too much trouble, {c}",
    "it might be nice to {c}", "do you think we could {c}?", "maybe we could {c}, if that makes sense",
    "I'm not sure, but perhaps {c}", "would you consider trying to {c}?",
]  # fmt: skip
PURPOSES = [
    "{c} so that the vocal has room", "{c}, so the dialogue can sit on top", "{c} in order to leave space for the voiceover",
    "in order to give the singer some air, {c}", "so the chorus lands harder, {c}", "{c} so it doesn't fight the strings",
    "to make room for the solo, {c}", "{c}, so that the mix opens up",
]  # fmt: skip
FORMAL = [
    "For the cue, I should like you to {c}", "At your convenience, please {c}", "When you have a moment, could you {c}?",
    "Would you be so kind as to {c}?", "I would be grateful if you could {c}", "Please {c}, if you would",
]  # fmt: skip
WISHES = [
    "{c}, and then master it for release", "{c} and email it to my manager after", "{c}; also put some reverb on the vox",
    "{c}, then print the parts for the players", "{c} and reserve the studio for friday", "{c}, and upload it when you're done",
    "after you {c}, send it to the label", "I know you can't master, but {c}", "forget the mixing for now, just {c}",
    "I'll add the reverb myself later; for now {c}", "{c}, and could you also autotune the vocal?",
]  # fmt: skip
SECOND_LANGUAGE = [
    "abeg {c}", "oya {c} sharp sharp", "kindly {c}", "please to {c}", "do the needful and {c}",
    "{c}, thanks in advance", "one request: {c}",
]  # fmt: skip
# ops whose plain imperative templates a hedge, a purpose or a wish may wrap
WRAPPED = ("make", "vary", "remove", "add", "busier", "simpler", "louder", "softer", "transpose", "quantize",
           "humanize", "swing", "feel", "mute", "solo", "automate", "set")  # fmt: skip

Example = tuple[str, dict[str, Any]]
Fill = Callable[[str, str, str, random.Random], Example]
Dress = Callable[..., str]


def registers(
    rng: random.Random, fill: Fill, dress: Dress, per_template: int, wrapped: int = 400
) -> list[Example]:
    """Round 10's sentences: each of :data:`REGISTERS` filled ``per_template`` times (a live call
    bare, a formal or conditional one unframed, a few dictated), then ``wrapped`` plain requests of
    :data:`WRAPPED`'s ops in each wrapping frame in turn (a hedge, formal, a purpose, a wish, second-language)."""
    out: list[Example] = []
    for op, templates in REGISTERS.items():
        for template, kinds in templates:
            for _ in range(per_template if "{" in template else max(1, per_template - 1)):
                text, means = fill(template.replace("{u}", rng.choice(SOUNDS)), kinds, op, rng)
                if op == "ask":  # a question: what it names is not the answer's target
                    means.pop("target", None)
                if template not in SPOKEN:
                    text = dress(text, rng, frames=False)
                out.append((sp.dictate(text, rng) if rng.random() < 0.15 else text, means))
    plain = [(op, t, k) for op in WRAPPED for t, k in tpl.TEMPLATES[op] if _imperative(t)]
    frames = [HEDGES, FORMAL, PURPOSES, WISHES, SECOND_LANGUAGE]
    for i in range(wrapped):
        op, template, kinds = rng.choice(plain)
        text, means = fill(template, kinds, op, rng)
        text = rng.choice(frames[i % len(frames)]).format(c=text)
        out.append((dress(text, rng, frames=False), means))
    return out


NOT_IMPERATIVE = frozenset({"alternate", "automation", "back", "can", "denser", "fresh", "i'm", "louder", "quieter",
                            "sparser", "there's", "we", "filter", "sweep", "ride", "double", "sidechain"})  # fmt: skip


def _imperative(template: str) -> bool:
    """A request said as a verb first ("thin out {t}"), which a frame may wrap."""
    first = template.split(" ", 1)[0].lower()
    return not (first in w.NOT_VERBS or first in NOT_IMPERATIVE or first.startswith("{") or "?" in template)
