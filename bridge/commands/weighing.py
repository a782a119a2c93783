"""The rules' reading and the learned one weighed against each other (issue 55; ``agree`` acts on what
comes out): which is acted on when they read different ops, and the question asked otherwise, its two
suggestions the two likeliest readings, each a sentence the parser reads as that action (``ask``).

The thresholds (``SURE``, ``MARGIN``, ``PLAUSIBLE``, ``OVERRIDE``, ``CONTESTED``) and the steps are
described in ``agree``'s docstring; ``weighed`` takes them in that order."""

from __future__ import annotations

import re

from bridge.commands import asked_verbs, explain, guards, made_how, rephrase, unsaid_fix
from bridge.commands import reader as lr
from bridge.commands.audio_words import warped_in_time
from bridge.commands.edit_words import accompanies, for_the_clip, goes_on
from bridge.commands.feel_spans import feel_over_span, notes_over_span
from bridge.commands.follow_words import selected_said
from bridge.commands.intent import UNKNOWN, Intent, unknown
from bridge.commands.job_words import cancels_job
from bridge.commands.level_moves import graded_level
from bridge.commands.made_said import SAID_MORE
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules
from bridge.commands.place_words import EVERY
from bridge.commands.questions import OWN_QUESTION
from bridge.commands.region_words import UNMUTED_THERE
from bridge.commands.said import said
from bridge.commands.sized import with_size
from bridge.commands.slang_words import HIT
from bridge.commands.sound_loops import loop_of_a_sound, sound_loop
from bridge.commands.studio_errands import studio_job
from bridge.commands.suggested import OPPOSITES, QUIET, op_of, readings, target_of
from bridge.commands.take_moves import moved_among, thrown_away
from bridge.commands.take_words import hears_other
from bridge.commands.tempo_said import never_made
from bridge.commands.track_changes import track_change_said
from bridge.commands.track_words import WHICH_TRACK
from bridge.commands.vague_words import DO_SOMETHING, VAGUE
from bridge.commands.vocab import GENERATE_VERBS, HELP_PHRASES

SURE = 0.6  # the learned op's calibrated probability needed to act against the rules
MARGIN = 0.25  # and its lead over the next op
PLAUSIBLE = 0.05  # an unsure learned reading still lets the rules act on an op it gives this much
OVERRIDE = 0.9  # and this much to act against an op the rules read (when nothing they read is lost)
CONTESTED = 0.25  # a sure reading below OVERRIDE that still gives the rules' op this much lets the rules act
INVENTS = ("automate",)  # an op whose own sentence says a value the producer may not have said (a shape)
NOT_RECOGNISED = "no command was recognised"  # the rules' reason when nothing matched (parser.py)
NOT_OURS = "that is not something MuseAroo does (it makes and changes music in Live)"
# the rules' question when a part is named and no action word of theirs is said (parser.py)
UNREAD_PART = re.compile(
    r"\) what should change in (?:the \w+|everything)\?$"
)  # round 36: "everything", the whole or the song
# "I changed my mind, redo it": the history's own verb on the last change, never a new version of it
CHANGED_MIND = re.compile(
    r" (?:changed my mind|change of plan|on second thoughts?|second thoughts|scratch that) "
)
# asked whether it can do a thing the rules do not read ("can it read chat", "could you stream this"): no help
ABLE_TO = re.compile(
    r"^ (?:(?!what|how|which|who|where|when|why)\w+ )?(?:can|could|will|would|does|do) (?:it|you|u|this|this thing|musearoo|the app|the bot) "
)
# "redo the bass as trap", "rework the drums in a house style": a part made again in a genre
REDONE_AS = re.compile(
    r" (?:redo|re do|remake|rewrite|re write|rework|redo|do|play) (?:the |my |this |that )?\w+(?: \w+)? (?:as|in) "
)
WHICH_MADE = "which part should be generated"  # the rules' question when a style is named and no part
# one hit of a drum voice put in ("add a crash on ...", "add a cymbal at the start of ...")
ONE_HIT = re.compile(
    rf" add (?:a|an|one) (?:big |single |quick |little )?{HIT} (?:on|at|in|into|right on|right at) "
)
HISTORY_OPS = ("undo", "redo")
DIALLED = ("simpler", "busier", "louder", "softer")  # the head's change where a new part's dial was said
PARTLESS = ("undo", "redo", "cancel", "help")  # ops that take no part ("reverse the bass": no undo)
MOVED_TO = re.compile(r" (?:up|down|higher|lower) (?:in)?to _key_ ")  # a part moved to a key, no make
# "change the drums over to a country style": a part said changed is set in the genre, not a new part made
CHANGED_TO = re.compile(r" (?:change|switch|turn|convert|flip|move) (?:the |my )?\w+(?: \w+)? (?:over )?(?:in)?to ")  # fmt: skip


def weighed(heard: str, s: str, key: str | None, ruled: Intent, reading: lr.Reading) -> Intent:
    ours = op_of(ruled)
    (best, p_best), (_, p_next) = reading.ops[0], reading.ops[1]
    sure = p_best >= SURE and p_best - p_next >= MARGIN
    if best == "help" and not_ours_asked(s):  # "can it read chat and play requests": not ours, no help page
        return question(heard, NOT_OURS, [], ruled)
    if ours == "help" and " musearoo " in s:  # "what does MuseAroo do": the product asked about, its help
        return ruled
    if ours == best or (ours is not None and not reading.knows(ours)):  # an op the head never learned
        return ruled
    if never_made(ruled, best, s):  # "project tempo 132 <unread> set <unread>": the tempo set, or asked
        return ruled if ruled.action == "set_tempo" else ask(heard, s, key, reading, ruled)
    if (ours in HISTORY_OPS and CHANGED_MIND.search(s)) or (
        ours is not None
        and (explain.names_only(ours, best, s) or feel_over_span(ruled, s) or notes_over_span(ruled, s))
    ):
        return ruled  # "I changed my mind, redo it"; "tidy up the bass so every note sits on the beat"
    if ours == "set" and best in ("make", "vary") and restyled(ruled, s):  # "redo the bass as trap": the
        return ruled  # part made again in the genre said, which neither a variation nor a new part keeps
    if ours == "continue" and goes_on(s):  # "keep the groove going 16 more bars": never busier, nor made
        return ruled
    if ours == "accompany" and best == "make" and (accompanies(s) or for_the_clip(s)):  # "chords that
        return ruled  # play along w the 808", "chords for this melody": what a new make would drop
    followed = ruled.params.get("source") == "selected" and selected_said(s)  # "follow the clip i selected"
    if ours == "make" and best == "accompany" and followed:
        return ruled  # that clip followed, never the scene played along with
    if ours == "fill" and best == "make" and recurs_alone(ruled, s):  # "a drum roll every 8 bars": a
        return ruled  # recurrence only a fill carries, never 8 bars of a new part
    if ours == "make" and best in DIALLED and dialled(ruled, s, heard):  # "8 bars of drums, keep it
        return ruled  # minimal", "make a melody, keep it sparse": how the new part is made, no change to one
    if ours == "transpose" and best == "make" and MOVED_TO.search(s):  # "the melody up to B minor": moved
        return ruled
    if (
        ours == "warp" and best in ("analyze", "quantize", "play") and warped_in_time(s)
    ):  # a recording put in time
        return ruled  # with the song: never the song's tempo from it, nor its notes to the grid
    # "add a crash on the first beat of the chorus": one hit of a drum voice put in, never a new part made there
    if ours == "add" and best == "make" and ONE_HIT.search(s):
        return ruled
    if ours == "musicgen" and ((best == "make" and loop_of_a_sound(s)) or sound_loop(s)):  # "a loop of low
        return ruled  # taiko hits", "bass drum loop": audio
    if (
        ours == "transcribe" and " transcribe " in s
    ):  # round 36: "transcribe my guitar recording": the verb names
        return ruled  # the op (sheet music and words, not MIDI, the rules refuse themselves)
    if ours == "cancel" and cancels_job(s):  # "cancel the stems, it takes forever": no stems taken out
        return ruled
    if ours == "recall" and (hears_other(s) or moved_among(s)):  # "can i hear the other take", "the one i
        return ruled  # starred", "go back two takes": a take put back, never a new take, a star or an undo
    if ours is None and thrown_away(s):  # "throw that take away": no action deletes a take, said so
        return ruled
    if ours is not None and guards.complained(s) == ours:  # "the kick's too hot, pull it down": softer
        return ruled
    # "make the organ track simpler": the track's own change, its word said; "bring the pads down a touch": a size
    # (a learned reading of the opposite change is a contradiction, asked below)
    said_so = track_change_said(ruled, ours, s) or (ours in ("louder", "softer") and graded_level(s) == ours)
    if said_so and {ours, best} not in OPPOSITES:
        return ruled
    if ours is None and best == "none" and p_best >= OVERRIDE and off_topic_style(ruled, s):
        return question(heard, NOT_OURS, [], ruled)  # "what time the footwork battle start tonight"
    if ours is None and studio_job(s):  # "get the song mastered": a studio's job, refused whatever is read
        return ruled
    if ours is None:  # the rules refused or asked: a sure reading is read again, unless refused on purpose
        # "do something about X", "make a 16 bar intro" (which part?): no learned guess answers the question
        vague = unsaid_fix.no_way_said(s) or DO_SOMETHING.search(s) is not None or _own_question(ruled, False)
        if sure and best not in QUIET and open_to(ruled, best, p_best, s) and not vague:
            again = read_as(best, target_of(reading, s), heard, s, key)
            if again is not None and best not in INVENTS and explain.explains(again, heard, best):
                return again
        # a sure "ask" where nothing is recognised: asked what should change, not refused
        got = suggesting(ruled, s, key, reading)
        asked = best == "ask" and sure and ruled.params.get("reason") == NOT_RECOGNISED
        return unsaid_fix.asked_what(got) if asked else got
    if best == "none" and sure:  # the rules would act on what the reading is sure is no command
        return question(heard, NOT_OURS, [], ruled)
    if best in QUIET and sure:
        return ask(heard, s, key, reading, ruled)
    if not sure or best in QUIET:  # an unsure reading: the rules act on an op it finds likely enough,
        kept = reading.p(ours) >= PLAUSIBLE or (best in PARTLESS and ruled.part)  # or any on a part
        return ruled if kept else ask(heard, s, key, reading, ruled)
    if {ours, best} in OPPOSITES:  # the two readings contradict each other ("more notes, it's bare"): ask
        return ask(heard, s, key, reading, ruled)
    if reading.p(ours) >= CONTESTED:  # the rules' op a close second ("turn this into a waltz": set or feel)
        return ruled
    if p_best >= OVERRIDE:  # sure of another op than the rules': read again, when nothing said is lost
        # a section said is not carried over another op ("new 808 for verse 2": vary or make there?), nor a
        # style over the rules' own ("redo the drums as house": set, not make)
        more = () if "genre" in means_of(ruled.as_dict()) else ("style",)
        again = read_as(best, target_of(reading, s), heard, s, key, more)
        if again is not None and best not in INVENTS and explain.explains(again, heard, best):
            read = means_of(ruled.as_dict())  # what the rules read must not be lost to the new reading
            several = isinstance(read.get("target"), list)  # "keep the kick and the snare": both, not one
            if not guards.lost(read, means_of(again.as_dict()), () if several else ("target",)):
                return again
    return ask(heard, s, key, reading, ruled)


def restyled(ruled: Intent, s: str) -> bool:
    """Whether a part is said changed to or redone in the genre the rules read ("change the drums over to
    a country style", "redo the bass as trap", "rework the chords in a jazz style")."""
    read = means_of(ruled.as_dict())
    part = read.get("target") not in (None, "this", "song")
    return part and "genre" in read and (CHANGED_TO.search(s) or REDONE_AS.search(s)) is not None


def off_topic_style(ruled: Intent, s: str) -> bool:
    """Whether the rules ask which part to make only because a style is named, with no verb that makes
    anything ("what time the footwork battle start tonight": an errand, no part to ask about)."""
    reason = str(ruled.params.get("reason", ""))
    return reason.startswith(WHICH_MADE) and not said(s, *GENERATE_VERBS)


def dialled(ruled: Intent, s: str, heard: str) -> bool:
    """Whether a new part's way is said with it (``made_how``): how plain a counted new part should be, said
    after it ("8 bars of drums for verse 2, keep it minimal"; never after a complaint, "the drums are busy, keep
    it minimal"), or the rules made a new part with its way said ("a sparse melody", "make a melody, keep it
    sparse"; not a dial read from a change said beside a tempo, "simplify the bass, 2 bars at 90 bpm": asked)."""
    return (made_how.kept_plain(s) and guards.complained(s) is None) or (
        ruled.action == "generate" and made_how.dial(heard) is not None
    )


def recurs_alone(ruled: Intent, s: str) -> bool:
    """Whether the rules read a fill that recurs ("every 8 bars", which no other op carries) and the sentence
    counts no bars besides ("8 bars of drums with a roll every 4 bars" is a new part, asked about)."""
    return "every" in means_of(ruled.as_dict()) and made_how.BARS_SAID.search(EVERY.sub(" ", s)) is None


def not_ours_asked(s: str) -> bool:
    """Whether a normalised sentence asks if MuseAroo can do something, in no words of the help page."""
    return ABLE_TO.search(s) is not None and not said(s, *HELP_PHRASES)


def open_to(ruled: Intent, best: str, p_best: float, s: str = "") -> bool:
    """Whether the rules' unknown answer is open to a reading this sure: nothing recognised, or a part named
    with words they do not know ("midi out of this drum loop": "what should change in the drums?"); another
    question or refusal only past ``OVERRIDE``, and one about the verb only to a reading it offers
    ("double that": feel or transpose, never undo: ``asked_verbs``)."""
    reason = str(ruled.params.get("reason", ""))
    if reason == NOT_RECOGNISED or UNREAD_PART.search(reason) is not None:
        return True
    return p_best >= OVERRIDE and asked_verbs.answered_by(reason, best, s)


def suggesting(ruled: Intent, s: str, key: str | None, reading: lr.Reading) -> Intent:
    """The rules' refusal or question as it is, with the learned reading's likeliest readings as its
    first suggestions (each read by the rules as its op)."""
    said, own = readings(s, key, reading, ruled, SURE), ruled.params.get("suggestions", [])
    if VAGUE.search(s):  # "do something w the bass": the rules' ways for the part, never a new one
        said, own = own, [t for t in said if op_of(rules(t)) != "make"]
    elif unsaid_fix.no_way_said(s) or _own_question(ruled, True):
        # "the bridge is meh, sort it", "mute the first track": the question's own examples first
        said, own = own, said
    tips = list(dict.fromkeys([*said, *own]))
    return Intent(ruled.action, ruled.part, {**ruled.params, "suggestions": tips}, ruled.heard)


def _own_question(ruled: Intent, which_track: bool) -> bool:
    """Whether the rules asked a question of their own whose examples answer it ("which part should the intro
    have?", "lower in pitch, or softer?"; with ``which_track``, "which track ...?" too)."""
    reason = str(ruled.params.get("reason", ""))
    return (
        OWN_QUESTION.search(reason) is not None
        or (which_track and reason.startswith(WHICH_TRACK))
        or reason.startswith(UNMUTED_THERE)  # "unmute the bass in the chorus": everywhere, or an undo?
    )


def read_as(
    op: str,
    target: str | None,
    heard: str,
    s: str,
    key: str | None,
    said_more: tuple[str, ...] = SAID_MORE,
) -> Intent | None:
    """The sentence read as ``op`` on ``target`` with the values it says, or None when the op's own
    sentence needs a value that is not said or the rules do not read it as ``op``; ``said_more``: what of a
    new part's style and section is said too (``made_said``)."""
    direct = explain.direct(op, target, s)  # "mute the shaker track": a track's switch, built here
    if direct is not None:
        return Intent(direct.action, direct.part, direct.params, heard)
    text = rephrase.sentence_for(op, target, s, key, said_more=said_more)
    if text is None:
        return None
    again = rules(text)
    if op_of(again) != op:
        return None
    sized = with_size(again, s)  # "lower the hats a lot": softer, at the size said
    return Intent(sized.action, sized.part, sized.params, heard)


def ask(
    heard: str, s: str, key: str | None, reading: lr.Reading, ruled: Intent, word: str | None = None
) -> Intent:
    """A question whose suggestions are the two likeliest readings (each read by the rules as its op);
    ``word``: a value word of the sentence the reading left unexplained, asked about with the first
    ("did you mean 'make drums' with 'bass'?")."""
    said = readings(s, key, reading, ruled, SURE)
    if not said:
        return ruled if not ruled.understood else question(heard, NOT_RECOGNISED, [], ruled)
    quoted = [f"'{t}'" for t in said]
    if word is not None:
        quoted[0] += f" with '{word}'"
    reason = "did you mean " + (", or " if word else " or ").join(quoted) + "?"
    return question(heard, reason, said, ruled)


def question(heard: str, reason: str, said: list[str], ruled: Intent) -> Intent:
    """An unknown intent: ``said`` first, then the rules' own suggestions (or, when they acted and fewer
    than two readings are said, the nearest known commands: ``intent.unknown``'s, computed only then)."""
    if ruled.understood and len(said) < 2:
        return unknown(heard, reason, said)
    tips = list(dict.fromkeys([*said, *ruled.params.get("suggestions", [])]))
    return Intent(UNKNOWN, None, {"heard": heard, "reason": reason, "suggestions": tips}, heard)
