"""One intent parser for typed and spoken sentences: text in, Intent out, no side effects.

The sentence is lower-cased, keys are pulled out first ("F sharp minor", "Bb major", "c#m"),
spoken numbers become digits (``normalize``), then the phrases of ``vocab`` and ``clip_words``
are spotted in a fixed order of actions. Stdlib only, so importing it costs nothing; a sentence
parses in a fraction of a millisecond, one not understood in milliseconds (its suggestions).
"""

from __future__ import annotations

import re

from bridge.commands import automate_words as aw
from bridge.commands import counts as cn
from bridge.commands import errand_words as ew
from bridge.commands import fragments, made_how, masking, polite
from bridge.commands import jam_words as jw
from bridge.commands import musicgen_words as mw
from bridge.commands import region_words as rg
from bridge.commands import setting_words as st
from bridge.commands import spotting as sp
from bridge.commands import take_words as tw
from bridge.commands import tempo_moves as tm
from bridge.commands import vocab as v
from bridge.commands.audio_words import analysis_findings, warped_in_time
from bridge.commands.break_words import drums_for_break
from bridge.commands.compose import compose
from bridge.commands.context_words import without_context
from bridge.commands.edit_words import THIS_CLIP, infill_of
from bridge.commands.energy_words import energy_moved, energy_span
from bridge.commands.intent import Intent, unknown
from bridge.commands.job_words import cancels_job
from bridge.commands.kept_rules import kept
from bridge.commands.mixing_jobs import mixing_job
from bridge.commands.normalize import normalize
from bridge.commands.note_words import note_question
from bridge.commands.part_reading import part_reading
from bridge.commands.questions import question_of
from bridge.commands.remarks import requested, undone
from bridge.commands.said import said
from bridge.commands.said_first import which_it
from bridge.commands.scope_words import only_there, scope_of
from bridge.commands.scoped import protects_only
from bridge.commands.session_words import session_of
from bridge.commands.sized import with_size
from bridge.commands.studio_errands import studio_job
from bridge.commands.style_words import style_question
from bridge.commands.take_moves import take_move_of
from bridge.commands.timing_fault import timing_question
from bridge.commands.track_words import with_track
from bridge.commands.transcribe_words import transcribe_of
from bridge.commands.unsaid_fix import named_question
from bridge.commands.unsaid_fix import question as fix_question
from bridge.commands.whole_words import on_whole


def parse(text: str) -> Intent:
    """Parse one typed or spoken sentence; anything not understood gives an 'unknown' Intent.

    A compound sentence keeps every part it can ("a whole song in C major at 90 bpm"); a clause that
    names nothing known is listed in ``params["not_done"]`` so the answer can say it was not done.
    Read once per text while one sentence is read by the whole reader (``kept_rules``).
    """
    return kept(text, _rules)


def _rules(text: str) -> Intent:
    heard = " ".join(text.split())
    if (which := which_it(heard)) is not None:  # "the drums sit on top of the bass, move it": which one?
        return sp.refused(heard, which)
    s, key, model = normalize(st.switch_said(heard))  # "mute the strings - they're too loud": the switch
    s = rg.WHOLE_SPAN.sub(" ", without_context(s))  # "since it's all chords so far, write me drums": the
    # drums; "a song from the intro through to the outro": the whole song, no section of it
    s = masking.plain(s)  # "bring the drums down, they're drowning out the piano": the drums, softer
    s = drums_for_break(s)  # "quantise the break, it's flammy": the drums ("in the break": the section)
    s = rg.without_what_stays(s)  # "no drums in the verse, just me and the guitar": the drums taken out
    s = only_there(s)  # "swing the hats, just the last 4 bars": there, no part kept alone
    plain = polite.said_plainly(s)  # "stop whatever is running": whole sentences with no command verb
    intent = _read(heard, s, key, model) if plain is None else Intent(plain[0], None, plain[1], heard)
    if intent.action == "help" and (asked := polite.helped(s)) is not None:  # "help me make a beat"
        if (framed := _read(asked.strip(), asked, key, model)).understood and framed.action != "help":
            intent, s = Intent(framed.action, framed.part, framed.params, heard), asked
    later = [] if intent.understood else polite.readings(s) + fragments.readings(s)  # "could you ..."
    for inner in fragments.readings(s, strict=True) + later:  # "offbeat open hats" first
        if (framed := _read(inner.strip(), inner, key, model)).understood:  # a name is read from the words
            intent, s = Intent(framed.action, framed.part, framed.params, heard), inner
            break
    if not intent.understood:  # suggestions only here: clauses of a compound are parsed without them
        reason = str(intent.params["reason"])
        examples = [e for e in re.findall(r"'([^']+)'", reason) if _read(e, *normalize(e)).understood]
        return unknown(heard, reason, examples)  # a question's own examples are its first suggestions
    # a prompt, a take's name, the parts a jam plays: their words are the command's own
    whole = intent.action == "musicgen" or "parts" in intent.params
    whole = whole or intent.params.get("do") in ("name", "compare", "solo")
    intent = with_track(intent, s)  # "bring the cello line down a fifth": the track named cello
    intent = on_whole(intent, s)  # "take the whole thing up a whole step": every part, not one clip
    intent = with_size(intent, s)  # "make the drums way busier": the dial's step, larger
    left = [] if whole else _left_out(intent, s)
    if left:
        return Intent(intent.action, intent.part, {**intent.params, "not_done": left}, heard)
    return intent


def _read(heard: str, s: str, key: str | None, model: str | None) -> Intent:
    """``_parse``; "kill the hats in the breakdown": the change, the section its region."""
    intent = _parse(heard, s, key, model)
    if section_as_reason(
        heard
    ):  # "remove the hats before bar 9? I want the intro emptier": the bars, no section
        return intent
    return rg.over_a_section(intent, s, lambda rest: _parse(heard, rest, key, model))


# where a sentence's request ends and what follows it begins: a stop, a comma, a question mark, "so (that)"
_CLAUSE_END = re.compile(r"[,.;:?!]+\s+|\s+so (?:that )?")
_BAR_SPAN = re.compile(r" (?:bars?|measures?) \d+ ")
_PLACE_SAID = re.compile(
    r" (?:(?:only|just) )?(?:in|for|on|at|during|over|through|across|of) "
)  # "..., in the intro"


def section_as_reason(heard: str) -> bool:
    """Whether a sentence's section is named only after its request, which places itself by bars, in a clause
    that asks for nothing ("remove the hats before bar 9? I want the intro emptier", "..., so the verse breathes"):
    why the bars change, not where (read as the section's region, the bars were counted inside it)."""
    for end in _CLAUSE_END.finditer(heard):
        first, later = normalize(heard[: end.start()])[0], normalize(heard[end.end() :])[0]
        if _BAR_SPAN.search(first) and rg.section_of(first) is None and rg.section_of(later) is not None:
            return not (requested(later) or _PLACE_SAID.match(later))
    return False


def _left_out(intent: Intent, s: str) -> list[str]:
    """Clauses asking for what the intent does not do: unknown ones, and commands of another action."""
    left = undone(intent, s, lambda clause: _parse(clause, f" {clause} ", None, None))  # not "and punchy"
    if intent.action == "analyze":  # "analyze this clip: tempo, key and chords": what it finds
        left = [c for c in left if not analysis_findings(c)]
    return [c for c in left if not protects_only(c)]  # "keep the verse chords as they are": no request


def _parse(heard: str, s: str, key: str | None, model: str | None) -> Intent:
    if not s.strip():
        return sp.refused(heard, "nothing was heard")
    bare = s.strip()
    if ew.errand(s) or studio_job(s):  # "call the choir director and tell him we're late": nothing is done
        return sp.refused(heard, mixing_job(s) or ew.REASON)  # "sidechain the bass to the kick": Live's mixer
    if bare in v.CONFIRM_YES:
        return Intent("confirm", None, {"yes": True}, heard)
    if bare in v.CONFIRM_NO:
        return Intent("confirm", None, {"yes": False}, heard)
    moved = take_move_of(s, heard)  # "go back two takes", "the one i starred", "delete the last take"
    if moved is not None:
        return moved if not moved.understood else Intent("history", sp.part_named(s), moved.params, heard)
    session = session_of(s, heard, key) or transcribe_of(s, heard)  # "undo the last two", "into midi"
    if session is not None:
        return session
    if (change_bpm := tm.change_of(s)) is not None:  # "knock 5 bpm off the tempo", "nudge it down 3"
        return Intent("set_tempo", None, {"change_bpm": change_bpm}, heard)
    # "change the key": which key? "the bridge is naff, sort it"; "the snare is late": moved or quantized?
    # "remove the last note of the melody": which bars?
    question = (
        style_question(s) or note_question(s) or question_of(s) or named_question(s) or timing_question(s)
    )
    if question is not None:
        return sp.refused(heard, question)
    history = tw.history_of(s, heard)  # before undo: "go back to the take before this one"
    if history is not None:
        # "this take of the chords is lovely, give it a star": the take in hand (the part says what it is)
        held = history["do"] in ("star", "unstar") and (tw.THIS_TAKE_OF.search(s) or tw.THIS_PART.search(s))
        return Intent(
            "history", None if history["do"] == "name" or held else sp.part_named(s), history, heard
        )
    if said(s, *v.HELP_PHRASES, *v.PRODUCT_HELP):
        return Intent("help", None, {}, heard)
    if said(s, *v.UNDO_PHRASES):  # "undo that like three times": the count said around it
        times = cn.times_said(s)
        return Intent("undo", None, {"count": times} if times and times > 1 else {}, heard)
    if warped_in_time(s):  # "lock this loop to the grid": warped (before musicgen's loops, quantize's grid)
        return Intent("analyze", None, {"warp": True}, heard)
    if cancels_job(s):  # "abort the audio loop", "cancel the stem split": the job called off, nothing made
        return Intent("cancel", None, {}, heard)
    # "a lofi chord loop with musicgen", "a sample of", "make a riser sample"
    if mw.anywhere(s) or said(s, *mw.STRONG_TRIGGERS) or mw.new_sample(s):
        return sp.musicgen_intent(heard, s, sp.bars_param(s), key)
    jam = jw.jam_of(s, key, sp.take(s, v.GENRES)[0])  # before stop and play: "stop the jam", "start a jam"
    if jam is not None:
        if jam[1]["do"] == "error":
            return sp.refused(heard, jam[1]["reason"])
        return Intent("jam", jam[0], jam[1], heard)
    if said(s, *v.CANCEL_PHRASES) or (said(s, *v.STOP_PHRASES) and said(s, *v.JOB_WORDS)):
        return Intent("cancel", None, {}, heard)
    if said(s, *v.STOP_PHRASES):
        return Intent("stop", None, {}, heard)
    if bare in v.PLAY_PHRASES:
        return Intent("play", None, {}, heard)
    drawn = aw.automate_of(s)  # "fade the pad in over 8 bars", "duck the bass on every beat"
    if drawn is not None and drawn.get("shape", "") is None:  # a fade whose way was not read: in or out?
        name = drawn.get("target_part") or drawn.get("track_name") or "it"
        name = name if name == "it" else f"the {name}"
        return sp.refused(heard, f"fade in or out? e.g. 'fade {name} in' or 'fade {name} out'")
    if drawn is not None:
        said_bars = [] if "scope" in drawn else [int(n) for n in sp.BARS.findall(s)]  # the span's bars
        target = drawn.pop("target_part", None)
        spanned = "scope" not in drawn or aw.OF_SECTION.search(s)  # "its the outro": an aside, no region
        if spanned and (region := rg.region_of(s)) is not None:  # "filter sweep up into the chorus"
            drawn["region"] = {
                **region,
                **({"into": True} if " into the " in s and "section" in region else {}),
            }
        return Intent("automate", target, {**drawn, **({"bars": said_bars[0]} if said_bars else {})}, heard)
    infill = infill_of(s)  # "fill bars 5 to 8", "continue this for 4 bars"
    if infill is not None:
        # "bars 9 to 12 of this cue": a clip, not the song
        named = sp.part_named(sp.KEEP_THE_REST.sub(" ", THIS_CLIP.sub(" this ", s)))
        return Intent(infill[0], None if named == "song" else named, infill[1], heard)
    if (energy := energy_span(s, *scope_of(s))) is not None:  # "take the energy up for the last 8 bars"
        return Intent("transform", energy[0], energy[1], heard)
    # "the energy should drop in the bridge": the dial, every part there
    if (way := energy_moved(s)) is not None:
        return Intent("adjust", None, {"what": "energy", "direction": way}, heard)
    composed = st.key_move_of(s, key) or st.voice_track_of(s) or st.switched_track(s)  # "take it to D dorian"
    made = made_how.dial(heard) is not None  # "make drums for the chorus, nothing too busy": a new part's way
    composed = composed or (compose(s) if not made else None)  # "mute the strings track, they're too loud"
    composed = composed or st.setting_of(s, key, sp.take(s, v.GENRES)[0]) or st.mixer_of(s)
    if composed is not None:  # "unmute the bass, forgot about it": a name within its clause
        composed = st.within_clause(composed, heard)
        return Intent(composed.action, composed.part, composed.params, heard)
    read = part_reading(heard, s, key, model)  # the part words: tempo, stems, versions, changes, make
    if read.understood or str(read.params.get("reason", "")).endswith("?"):
        return read
    unsaid = fix_question(s)  # "fix the thing in the middle, it sounds off": what, and where?
    return read if unsaid is None else sp.refused(heard, unsaid)
