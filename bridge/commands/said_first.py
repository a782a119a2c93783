"""What a sentence says before its request (issue 55, round 29): a time clause, a statement, a track's name
said after "track". Read on the typed sentence (its commas and capitals), before the readers fold it.

- ``scope_first``: a time or place clause said first ("when the chorus hits, make the drums busier", "where
  the verse starts, mute the hats") is the request's scope, said after it ("make the drums busier when the
  chorus hits"), never a question refused as not MuseAroo's. A clause that asks ("when does the chorus
  start", "when is the gig?") is left as it is;
- ``it_of_statement``: "it" in a request after a statement of two things ("the vocal sits on top of the bass,
  move it an eighth later") is the statement's subject (the thing the sentence is about: the vocal), never
  the last thing named; when both are parts MuseAroo writes ("the drums sit on top of the bass, ...") it is
  asked (``which_it``);
- ``track_named``: "the track Guira" in English is the track named Guira ("the Guira track"), as the
  Spanish "la pista Guira" reads; "the track I made" (a pronoun) is left alone.
Stdlib and ``vocab`` only; a few anchored regular expressions a sentence.
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_ASKING = r"(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)"
# "when the chorus hits, make ...": a clause of time or place first, a comma, then a request (no "?")
_SCOPE_FIRST = re.compile(
    rf"^(?P<clause>(?:when|whenever|where|once|as soon as) (?!{_ASKING}\b)[^,?]{{3,60}}),\s*(?P<rest>[^?]+)$",
    re.I,
)
_REST_ASKS = re.compile(rf"^(?:{_ASKING}|what|which|who|how|why|when|where)\b", re.I)

_THING = r"(?:the|my|this|that) ((?:[a-z]+ )?[a-z]+?)"
_BE = (
    r"(?:is|are|'s|sits?|sitting|lies|lays?|sounds?|plays?|playing|comes? in|lands?|clashes|clashing|fights?)"
)
# "the vocal sits on top of the bass, move it ...": subject, a verb of being or sounding, a second thing
_STATEMENT = re.compile(
    rf"^{_THING} {_BE} (?:[a-z]+ ){{0,4}}?(?:of|with|under|over|against|above|below|behind|on|to) {_THING},\s*"
    rf"(?P<rest>.*\bit\b.*)$",
    re.I,
)
# "the track Guira", "this channel Shaker": a capitalised name after the word (not "I", "I'm")
_TRACK_NAMED = re.compile(r"\b(the|this|that|my) (track|channel) ([A-Z][a-z][\w-]*)(?![\w'-])")


def scope_first(text: str) -> str:
    """ "when the chorus hits, make the drums busier" said as "make the drums busier when the chorus hits"."""
    m = _SCOPE_FIRST.match(text.strip())
    if m is None or _REST_ASKS.match(m.group("rest")):
        return text
    return f"{m.group('rest').rstrip(' .!')} {m.group('clause')[0].lower()}{m.group('clause')[1:]}"


def _statement(text: str) -> tuple[str, str, str] | None:
    m = _STATEMENT.match(text.strip())
    if m is None or any(
        re.search(rf"\b{re.escape(w)}\b", m.group("rest"), re.I) for w in (*v.PARTS, "track")
    ):
        return None  # the request names its own thing: its "it" is no question
    return m.group(1).lower(), m.group(2).lower(), m.group("rest")


def _part(name: str) -> str | None:
    return v.PARTS.get(name) or v.PARTS.get(name.split()[-1])


def it_of_statement(text: str) -> str:
    """The request after a statement of two things with its "it" said as the statement's subject."""
    said = _statement(text)
    if said is None or (_part(said[0]) and _part(said[1])):
        return text
    return re.sub(r"\bit\b", f"the {said[0]}", said[2], count=1)


def which_it(text: str) -> str | None:
    """The question when "it" after a statement could be either of two parts ("the drums sit on top of the
    bass, move it later": the drums or the bass?), else None."""
    said = _statement(text)
    if said is None or not (_part(said[0]) and _part(said[1])) or _part(said[0]) == _part(said[1]):
        return None
    return f"(e.g. '{_with(said[2], said[0])}' or '{_with(said[2], said[1])}') which one: the {said[0]} or the {said[1]}?"


def _with(rest: str, name: str) -> str:
    return re.sub(r"\bit\b", f"the {name}", rest.rstrip(" .!"), count=1)


def track_named(text: str) -> str:
    """ "mute the track Guira" said as "mute the Guira track"."""
    return _TRACK_NAMED.sub(r"\1 \3 \2", text)


def said_first(text: str) -> str:
    """The sentence with what it says before its request read (see the module docstring)."""
    return track_named(it_of_statement(scope_first(text)))
