"""What a new part follows, said in more words than ``clip_words.SOURCE_PHRASES`` (issue 55).

- "a bass that follows the clip I've selected", "chords that fit what's selected", "drums locked
  to my selection": the selected clip (``{"source": "selected"}``);
- "a bassline that follows what the piano track is playing", "a melody over the organ track":
  the clip on the track so named (``{"source_track_name": "piano"}``); a part's own name is that
  part ("follows what the bass is playing" -> ``{"source": "bass"}``);
- "make the chords follow the chords I have selected", "a bass over the riff I highlighted": what the selected
  clip holds said in its place is the clip (``selected_plainly``: the sentence says "the clip I have selected",
  for every reader, so no part word is read as the part followed or left unexplained);
- a part that answers a clip ("a melody that answers this riff", "a lead responding to the one I've
  selected") follows it as a call is answered.

Sentences are normalised (apostrophes gone: "I've" is "ive"). Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.edit_words import accompanies
from bridge.commands.remarks import requested
from bridge.commands.track_words import INSTRUMENTS, bare_name

_ANSWERS = (  # a learner's bare "answer" too ("a melody that answer this riff")
    r"answers|answering|answer|responds to|responding to|respond to|replies to|replying to|reply to|calls back to"
)
_FOLLOWS = (
    rf"(?:{_ANSWERS}|follows?|following|tracks|locks? (?:to|with|onto|in with)|locked (?:to|with)|matches|match|fits(?: with)?|"
    r"fit(?: with)?|goes with|go with|sits (?:on|with|over)|sit (?:on|with|over)|rides (?:on|over|with)|"
    r"plays? along (?:to|with)|based on|built (?:on|around)|sticks? (?:to|with)|stuck to|stays? (?:with|on)|"
    r"hugs|shadows|mirrors|(?:is |stays? )?(?:tight|in sync|synced|glued|tied) (?:with|to)|keeps? up with|"
    r"lines? up with|over|under|on top of|against|around|with)"
)
_WHO = r"(?:i|ive|i ve|i have|weve|we ve|we have|youve|you have|we|you|i just|ive just)"
_SELECTED = re.compile(
    rf" {_FOLLOWS} (?:(?:the|this|that|my) (?:clip|loop|part|bit|region|one|thing|idea) (?:that )?{_WHO} "
    rf"(?:got )?(?:selected|highlighted|picked|chosen|clicked on)|(?:what|whatever|the thing|the stuff) "
    rf"(?:is |s |{_WHO} (?:got )?)?(?:selected|highlighted)|whats (?:selected|highlighted)|(?:the|my|this) selection"
    rf"|(?:the|my|this) (?:selected|highlighted|current) (?:midi |audio )?(?:clip|loop|part|one|bit))(?= )"
)
_PLAYING = r"(?: (?:is|s|are|re) (?:playing|doing)| plays| play| does| do)"
_TRACK = re.compile(
    rf" {_FOLLOWS} (?:what(?:ever)? )?(?:the|my) ([a-z0-9]+?(?: [a-z0-9]+)?)(?: (?:track|channel|part|line))?"
    rf"{_PLAYING}(?= )"
    rf"| {_FOLLOWS} what(?:ever)? (?:the|my) ([a-z0-9]+(?: (?!is |s |are |re |plays? |does |do )[a-z0-9]+)?)"
    r"(?: track| channel)?(?= )"
    rf"| {_FOLLOWS} (?!(?:the|my|this|that|a|an|what|whatever) )([a-z0-9]+(?: [a-z0-9]+)?) (?:track|channel)(?= )"
)  # the last: a terse "chords following keys track", no article, the track said
# the verbs that say following whatever follows them ("locks to this"; not "over", "with": "a bass with this key")
_LOCKS = (
    rf"(?:{_ANSWERS}|follows?|following|tracks|locks? (?:to|with|onto|in with)|locked (?:to|with)|matches|match|"
    r"plays? along (?:to|with)|sticks? (?:to|with)|stuck to|stays? (?:with|on)|hugs|shadows|mirrors|"
    r"(?:is |stays? )?(?:tight|in sync|synced|glued|tied) (?:with|to)|keeps? up with|lines? up with|"
    r"sits? (?:on|with|over)|rides (?:on|over|with)|built (?:on|around)|based on)"
)
_THING = r"(?:clip|loop|one|bit|part|idea|groove|beat|riff|pattern|thing|region|take|recording|sample)"
# "a bassline that follows this clip", "drums that lock to this" (not "plays with this clip": an accompaniment)
_THIS = re.compile(rf" {_LOCKS} (?:this|that)(?: {_THING})?(?= )")
# "a bass line that goes with this clip": the one clip named is followed (round 25's labels, sets 23 and 120);
# "to go with the other clips in the scene", "with what's playing" stay an accompaniment
_WITH_THIS = re.compile(rf" (?:goes|go|going) with (?:this|that) {_THING}(?= )")
# "a bass line over these chords", "a melody against those notes": the selected clip, said as what it holds
OVER = re.compile(r" (?:over|against|on top of|under(?:neath)?) (?:these|those) (?:chords|notes|drums)(?= )")
# "chords that follow the bass", "a melody that follows the chord progression": the part named
_PART = re.compile(
    rf" {_LOCKS} (?:the|my|our) (bass(?: ?line)?|chords?(?: progression)?|progression|keys)(?= )"
)
# "make the bassline follow the kick", "lock the bass to the kick drum": a bass locked to the drums' kick
# (a drum clip followed gives a bass its kicks: bridge/actions/follow/rule.py); the words from the verb on; a place
# said between ("a bass line for the chorus that locks in with the kick drum", set 156) is passed over
_KICK = r"(?:the|my|our|that|this) (?:kick(?: drum)?s?|kick pattern|drums?|drum (?:beat|pattern|groove|loop))"
_BASS_ON_KICK = re.compile(
    rf" (?:bass ?line|bass|sub|808)(?: (?:for|in|during) (?:the )?(?:first |second |last |final |next )?[a-z]+(?: \d+)?)?(?: [a-z]+){{0,3}}?(?P<w> (?:{_LOCKS}|hits? (?:with|on)|lands? on) {_KICK})(?= )"
    rf"| locks? (?:the|my|our) (?:bass ?line|bass|sub|808)(?P<v>(?: in)? (?:to|with|onto) {_KICK})(?= )"
)
_SOURCE_PARTS = {
    "chords": "chords",
    "bass": "bass",
}  # the parts a new part may take its chords or onsets from


# "a bass line that follows that track" points back at a track named before it ("the keys track", "track 3");
# a track said by its number or its instrument ("plays along with track 3", "fits the rhodes")
_BACK = re.compile(rf" {_FOLLOWS} (?:that|the same|that same|this same) (?:track|channel)(?= )")
_NAMED_BEFORE = re.compile(
    r" (?:the|my) ([a-z0-9]+(?: [a-z0-9]+)?) (?:track|channel)(?= )| (?:track|channel) (\d+)(?= )"
)
_NUMBERED = re.compile(rf" {_FOLLOWS} (?:track|channel) (?:number )?(\d+)(?= )")
_INSTRUMENT = re.compile(
    rf" {_FOLLOWS} (?:the|my) ({'|'.join(w for w in INSTRUMENTS if w not in ('loop', 'sample', 'samples'))})"
    r"(?: (track|channel))?(?= )(?! (?:figure|riff|lick|line|part|loop|clip|idea|phrase|pattern|bit|recording|sample|"
    r"take|chords?|melody|i|ive|we|that|which)(?= ))"
)


def selected_said(s: str) -> bool:
    """Whether a normalised sentence says a new part follows the selected clip ("... the clip i selected"), not
    that it plays along with it (an accompaniment, intents.md)."""
    found = _SELECTED.search(s)  # "plays along with the selected clip": an accompaniment
    return found is not None and " along " not in found.group(0)


def follow_of(s: str) -> tuple[dict[str, str], str] | None:
    """What a new part follows (its params) and the words that said it, or None; ``({}, words)`` when
    "that track" points back at no track named before it (which track is asked)."""
    if (back := _BACK.search(s)) is not None:
        named = list(_NAMED_BEFORE.finditer(s[: back.start() + 1]))
        if not named:
            return {}, back.group(0)
        name = named[-1].group(1) or f"track {named[-1].group(2)}"
        return {"source_track_name": bare_name(name)}, back.group(0)
    said = _NUMBERED.search(s) or _INSTRUMENT.search(s)  # "follows track 3", "fits the rhodes"
    if said is not None and said.re is _INSTRUMENT and not said.group(2) and " along " in said.group(0):
        said = None  # "plays along with the piano": an accompaniment (intents.md)
    if said is not None and said.re is _INSTRUMENT and _SELECTED.search(s) is not None:
        said = (
            None  # "follows the highlighted midi clip": the selected clip, no track named "highlighted midi"
        )
    if said is not None:
        return {
            "source_track_name": said.group(1) if said.re is _INSTRUMENT else f"track {said.group(1)}"
        }, said.group(0)
    selected = _SELECTED.search(s)
    if selected is not None:
        return {"source": "selected"}, selected.group(0)
    track = _TRACK.search(s)
    if track is None:
        return _said_plainly(s)
    name = bare_name(track.group(1) or track.group(2) or track.group(3))  # "the piano track" -> "piano"
    said_track = re.search(r" (?:track|channel) ", track.group(0) + " ") is not None
    # "the keys track" is a track of that name; "the keys" (or "the bass track") the part
    part = _SOURCE_PARTS.get(name if said_track else v.PARTS.get(name, ""))
    return ({"source": part} if part else {"source_track_name": name}), track.group(0)


def _said_plainly(s: str) -> tuple[dict[str, str], str] | None:
    """A clip followed that is said as "this" or as a part ("follows the bass"), or None; a part said to
    play along with what is here is an accompaniment (``edit_words.accompanies``), no clip followed; one that
    "goes with this clip" follows that clip."""
    if (clip := _WITH_THIS.search(s)) is not None:
        return {"source": "selected"}, clip.group(0)
    if accompanies(s):
        return None
    if (kick := _BASS_ON_KICK.search(s)) is not None:
        return {"source": "drums"}, kick.group("w") or kick.group("v")
    part = _PART.search(s)
    if part is not None:
        return {"source": "bass" if part.group(1).startswith("bass") else "chords"}, part.group(0)
    this = _THIS.search(s) or OVER.search(s)
    return None if this is None else ({"source": "selected"}, this.group(0))


# the same in the typed sentence, before any reader cuts a statement off ("I recorded chords on the track called
# Keys. Could you write a bass line that follows that track?"): the track named before, by its name or number
_FOLLOWS_BACK = re.compile(
    r"\b(?:follows?|following|fits?(?: with)?|goes with|go with|plays? along (?:to|with)|locks? (?:to|with|onto)|"
    r"locked (?:to|with)|matches|match|sits? (?:on|with|over)|over|against|on top of|based on|built (?:on|around)|"
    r"answers|responds to|replies to) (?:that|the same|that same) (?:track|channel)\b",
    re.I,
)
_NAMED_RAW = re.compile(
    r"\b(?:track|channel) (?:called|named|labell?ed|titled) [\"'‘“]?([A-Za-z0-9][\w-]*(?: (?-i:[A-Z0-9])[\w-]*)*)"
    r"|\b(?:the|my) ([\w-]+(?: [\w-]+)?) (?:track|channel)\b|\b(?:track|channel) (\d+)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;!?](?=\s)")  # a statement naming the track ends before the request
ASK_WHICH = "which track should the new part follow?"


# what a selected clip holds, said in its place after a following verb: "follow the chords i have selected"
_HELD = re.compile(
    r"\b(?P<verb>follows?|following|answers?|answering|over|fits?|matches|match|goes with|go with|locks? to|sticks? to)"
    r" (?P<the>the|these|those|this|that|my) (?:chords?(?: progression)?|progression|bass ?line|bass|melody|lead|riff"
    r"|notes|drums?|beat|groove|pattern|part)(?= (?:that |which )?(?:i|i've|ive|i have|we|we've|we have|you|i just)"
    r" (?:just )?(?:selected|highlighted|picked|chose|chosen|clicked on)\b)",
    re.I,
)


def selected_plainly(text: str) -> str:
    """The typed sentence with what a selected clip holds said as the clip ("follows the chords i have
    selected" -> "follows the clip i have selected"); a sentence without it is returned as it was."""
    return _HELD.sub(lambda m: f"{m.group('verb')} {m.group('the')} clip", text)


def back_to_track(text: str) -> tuple[str, str | None]:
    """The typed sentence with "that track" after a following verb as the track named before it ("...
    the track called Keys. ... follows that track" -> "... follows the Keys track"), and the question
    to put when no track is named before it (None when nothing points back)."""
    back = _FOLLOWS_BACK.search(text)
    if back is None:
        return text, None
    named = list(_NAMED_RAW.finditer(text[: back.start()]))
    if not named:
        return text, ASK_WHICH
    last = named[-1]
    track = f"track {last.group(3)}" if last.group(3) else f"the {last.group(1) or last.group(2)} track"
    pointer = re.search(r"(?:that|the same|that same) (?:track|channel)$", back.group(0), re.I)
    assert pointer is not None
    ends = [m.end() for m in _SENTENCE_END.finditer(text[: back.start()]) if m.start() >= last.end()]
    named_only = bool(ends) and not requested(
        " ".join(re.sub(r"[^a-z0-9 ]", " ", text[: ends[0]].lower()).split())
    )
    start = ends[0] if named_only else 0  # "The chords are on the track called Organ. Write ...": the request
    said = f"{text[start : back.start() + pointer.start()]}{track}{text[back.end() :]}".strip()
    if (
        last.group(1) and not named_only
    ):  # "the track called Comp, write ...": its name ends where its capitals do
        said = f"{said[: last.start()]}{last.group(1)} track{said[last.end() :]}"
    return said, None
