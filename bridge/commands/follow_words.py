"""What a new part follows, said in more words than ``clip_words.SOURCE_PHRASES`` (issue 55).

- "a bass that follows the clip I've selected", "chords that fit what's selected", "drums locked
  to my selection": the selected clip (``{"source": "selected"}``);
- "a bassline that follows what the piano track is playing", "a melody over the organ track":
  the clip on the track so named (``{"source_track_name": "piano"}``); a part's own name is that
  part ("follows what the bass is playing" -> ``{"source": "bass"}``);
- a part that answers a clip ("a melody that answers this riff", "a lead responding to the one I've
  selected") follows it as a call is answered.

Sentences are normalised (apostrophes gone: "I've" is "ive"). Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.take_words import accompanies
from bridge.commands.track_words import bare_name

_ANSWERS = r"answers|answering|responds to|responding to|replies to|replying to|calls back to"
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
    rf"|(?:the|my|this) (?:selected|highlighted|current) (?:clip|loop|part|one|bit))(?= )"
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
# "a bass line over these chords", "a melody against those notes": the selected clip, said as what it holds
OVER = re.compile(r" (?:over|against|on top of|under(?:neath)?) (?:these|those) (?:chords|notes|drums)(?= )")
# "chords that follow the bass", "a melody that follows the chord progression": the part named
_PART = re.compile(
    rf" {_LOCKS} (?:the|my|our) (bass(?: ?line)?|chords?(?: progression)?|progression|keys)(?= )"
)
_SOURCE_PARTS = {
    "chords": "chords",
    "bass": "bass",
}  # the parts a new part may take its chords or onsets from


def follow_of(s: str) -> tuple[dict[str, str], str] | None:
    """What a new part follows (its params) and the words that said it, or None."""
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
    play along with what is here is an accompaniment (``take_words.accompanies``), no clip followed."""
    if accompanies(s):
        return None
    part = _PART.search(s)
    if part is not None:
        return {"source": "bass" if part.group(1).startswith("bass") else "chords"}, part.group(0)
    this = _THIS.search(s) or OVER.search(s)
    return None if this is None else ({"source": "selected"}, this.group(0))
