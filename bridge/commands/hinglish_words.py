"""Hinglish (Hindi and English typed in Latin letters) said in the plain English the readers know (issue 55,
round 27; the words from round 26's open sets 122 and 124, none guessed).

``hinglish(text)`` (its tables in ``hinglish_table``) is taken by ``heard.heard_as`` before
``tongues.in_english`` (whose Spanish reader would claim "se" and "de"), so the rules, the Spanish check and
the learned reading all read the English. A clause of Hindi order says its object first and its verb last, with postpositions after their nouns:
"drums mein ek fill daalo" is read as "add a fill in the drums". Each clause (cut at a comma, "phir" or an
"aur" after a verb) is said again as: the verb (``VERBS``; "kar"/"karo" is a light verb whose English word or
word of how comes before it: "mute kar" mute, "simple kar de" make it simpler, "upar kar do" louder), its
object (the words with no postposition, or those marked "ko"; a thing made is said without "the"), then its
places ("X mein" in X, "X pe" at or on X, "X ke liye" for X, "X se" from X or "5 se 8" 5 to 8, "X ke Y" Y of
X, a section's "in X"). ``WORDS`` says the rest; "aur" is and (more after a count: "2 aur versions"), "ek" a,
"do" 2 before a plural ("do changes") but a verb's own after a stem ("kar do"), "nahi chahiye" not. A
statement with no verb after a request ("..., kick se peeche chal raha hai") is said of "it", so no part it
names becomes a second target.

Nothing changes in a sentence that is not marked as Hinglish: two distinct words of ``MARKERS`` (none is an
English word) or a Hindi verb form. "do", "par", "pe", "ek", "is", "ye", "har" and "se" say nothing alone
("do 2 versions", "up to par", "mute the ek track": English as it was).
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.clip_words import DRUM_VOICES
from bridge.commands.hinglish_table import HOW, MARKERS, VERBS, WORDS
from bridge.commands.plain_words import COMPARATIVES
from bridge.commands.region_words import SECTIONS
from bridge.commands.track_words import INSTRUMENTS

# a verb form ("kar raha", is doing, is no request)
_VERB = re.compile(
    r"\b(" + "|".join(sorted(VERBS, key=len, reverse=True)) + r")\b(?! (?:raha|rahe|rahi)\b)"
)  # read on the lower-case text (``_verb``): an alternation with re.I costs ten times as much
# a word each verb form holds: a sentence with none of them says no verb form (the cheap test first)
_VERB_WORDS = frozenset(w for said in VERBS for w in said.split()) - {"do", "ke", "mein", "hai", "kya"}
# words said after a verb that are no part of it ("kar do na", "karo bhai", "solo karo ek sec")
_TAIL = re.compile(r"(?: (?:na|bhai|yaar|please|plz|jaldi|ek sec))+$", re.I)
_PHRASES = {said: meant for said, meant in WORDS.items() if not said.isalpha()}  # "bahut zyada", "hain?"
_PHRASE = re.compile(
    r"\b(" + "|".join(map(re.escape, sorted(_PHRASES, key=len, reverse=True))) + r")(?!\w)", re.I
)
# the words a place is named by that take "the" ("in the mix", "on the snare"; never "in house")
_NAMES = frozenset({*v.PARTS, *DRUM_VOICES, *INSTRUMENTS, *SECTIONS, "song", "tempo", "mix", "half", "second",
                    "first", "last", "vocal", "singer", "track", "clip", "sample", "melody"})  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+")
_DETERMINED = re.compile(
    r"^(?:the|a|an|this|that|it|every|only|some|all|how|[\d/%]|[A-Z]|midi\b|bars?\b|beats?\b|track \d|everything)"
)
_SECTION = re.compile(r"^(?:the )?(?:second|first|last|half|mix|antara|" + "|".join(SECTIONS) + r")\b")
_CLAUSE = re.compile(r" ?([,;.?!]|(?<!\S)(?:aur phir|phir)(?!\S)) ?", re.I)
_COUNTED = re.compile(r"^[a-z]+s$")  # "do changes": two (a plural after it)


def _np(words: list[str]) -> str:
    """The noun phrase ``words`` with "the" before it where it has no determiner ("bass": the bass)."""
    said = " ".join(words)
    return said if not said or _DETERMINED.match(said) else f"the {said}"


def _place(words: list[str]) -> str:
    """A place's noun phrase: "the" before a part, a section or the mix only ("in house" is a style)."""
    return _np(words) if words and words[0].lower() in _NAMES else " ".join(words)


def _bound(chunk: list[str]) -> int:
    """How many last words of ``chunk`` a postposition takes: a number, a key or MIDI only ("8 bars chords
    6/8 mein": in 6/8), else all of them."""
    last = chunk[-1].lower() if chunk else ""
    if any(c.isdigit() for c in last) or last in ("minor", "major", "midi", "bpm"):
        before = chunk[-2].lower() if len(chunk) > 1 else ""
        if before == "to" and len(chunk) > 2:  # "bar 5 to 8": the span
            return 4 if len(chunk) > 3 and chunk[-4].lower() in ("bar", "bars") else 3
        two = before in ("bar", "bars", "track") or (last in ("minor", "major", "bpm") and before)
        return 2 if two else 1
    return len(chunk)


def _phrase(words: list[str]) -> tuple[list[str], list[str]]:
    """(object words, place phrases) of a clause's words, their postpositions put first."""
    obj: list[str] = []
    places: list[str] = []
    chunk: list[str] = []
    owner: str | None = None
    i = 0
    while i < len(words):
        w, nxt = words[i].lower(), (words[i + 1].lower() if i + 1 < len(words) else "")
        place = None
        if w in ("ke", "ka", "ki") and nxt in ("liye", "saath"):
            place, i = ("for " if nxt == "liye" else "with ") + _place(chunk), i + 1
            i += nxt == "saath" and i + 1 < len(words) and words[i + 1].lower() == "saath"
        elif w in ("mein", "pe", "par") and chunk:
            took = _bound(chunk)
            obj, chunk, said = obj + chunk[:-took], chunk[-took:], _place(chunk[-took:])
            prep = "in" if w == "mein" else ("at" if any(c.isdigit() for c in said) else "on")
            prep = "to" if said == "midi" else prep
            place = said if said.startswith("every") else f"{prep} {said}{f' of {owner}' if owner else ''}"
            owner = None
        elif w == "se" and nxt[:1].isdigit():
            chunk.append("to")
        elif w == "se" and chunk:
            place = ("behind " if nxt == "behind" else "from ") + _np(chunk)
            i += nxt == "behind"
        elif w == "tak" and chunk:
            place = "till " + _np(chunk)
        elif w in ("ko", "hai", "hain"):
            obj += chunk
            chunk = []
        elif w in ("ke", "ka", "ki") and chunk:
            if not any(c.isdigit() for c in chunk[-2:]):  # "8 bar ka groove": the count stays before its noun
                took = (
                    len(chunk) if chunk[0] == "this" and len(chunk) <= 3 else 1
                )  # "ye loop song ke": the song's
                obj, owner, chunk = obj + chunk[:-took], _place(chunk[-took:]), []
        elif w == "aur" and len(chunk) > 1 and chunk[-2].isdigit():  # "4 bar aur": 4 more bars
            chunk.insert(len(chunk) - 1, "more")
        elif w == "aur" and chunk and (nxt == "up" or chunk[-1].isdigit() or chunk[-1] == "bit"):
            chunk.append("more")
        elif w in ("aur", "aage", "wapas") and not nxt:  # "mix aur master kar": the verb's own "and"
            pass
        elif w == "aur":
            chunk.append("and")
        elif w == "do" and _COUNTED.match(nxt):
            chunk.append("2")
        elif w == "ek":
            chunk.append("an" if nxt[:1] in tuple("aeiou") else "a")
        elif w == "is" and not chunk:
            chunk.append("this")
        else:
            chunk.append(words[i])
        if place is not None:
            places.append(place)
            chunk = []
        i += 1
    obj += chunk
    if owner:
        (places if _SECTION.match(owner) else obj).extend(
            [f"in {owner}"] if _SECTION.match(owner) else ["of", owner]
        )
    return obj, places


def _clause(text: str, relative: bool = False, reason: bool = False) -> str:
    """One clause in English order, its verb first (its words in place where no Hindi verb is said); a
    statement with no verb said after a request (``reason``) is said of "it" ("kick se dab raha hai": it is)."""
    core = _TAIL.sub("", text.strip())
    if (jo := core.find(" that ")) > 0 and _verb(core[jo:]):  # "bana do jo ... follow kare"
        return f"{_clause(core[:jo])} that {_clause(core[jo + 6 :], True)}"
    m = _verb(core)
    if m is None:
        obj, places = _phrase(core.split())
        said = " ".join([*obj, *places])
        stated = re.search(r"\bhai\b", core) and (reason or (not obj and places))  # "kick se peeche hai"
        return f"it is {said}" if stated else said
    before, after = core[: m.start()].split(), core[m.end() :].split()
    verb = VERBS[m.group(1).lower()]
    light = not verb or (verb == "i want" and before[-1:] and before[-1].lower() in HOW)  # "upar chahiye"
    if (
        light and before and before[-1].lower() not in ("mein", "pe", "par", "ko")
    ):  # the word before says what
        take = 2 if len(before) > 1 and before[-1].lower() in ("out", "in", "time") else 1
        verb, before = " ".join(before[-take:]), before[:-take]
    obj, places = _phrase(before)
    more, further = _phrase(after)
    obj, places = obj + more, places + further
    how = verb.lower() in HOW or verb.lower() in COMPARATIVES or verb.lower() in COMPARATIVES.values()
    at = next((i for i in range(len(obj) - 1) if obj[i : i + 2] == ["a", "bit"]), None)
    bit = ""
    if at is not None and (how or any(c.isdigit() for c in " ".join(obj))):  # "thoda 4 bpm badha": 4 bpm
        obj, bit = obj[:at] + obj[at + 2 :], " a bit" if how else ""
    if obj[-1:] == ["more"] and how:  # "thoda aur busy": a bit busier
        obj = obj[:-1]
    thing = f"{_np(obj) or 'it'}{bit}"
    if verb.lower() in HOW:
        return " ".join([HOW[verb.lower()].format(thing), *places])
    if how:
        return " ".join([f"make {thing} {COMPARATIVES.get(verb.lower(), verb)}", *places])
    if verb in ("add", "give me") and "ko" in (w.lower() for w in before):  # "song ko 3/4 mein daal do": put
        verb = "put" if verb == "add" else "give"
    if relative:
        verb = re.sub(r"^(\w+)", r"\1s", verb)
    thing = " ".join(obj) if verb in ("make", "i want", "not") else _np(obj)  # a new thing: no "the"
    thing = re.sub(r"^the whole\b", "a whole", thing) if verb == "make" else thing
    thing = thing or ("" if verb in ("play", "plays") or places else "it")
    return " ".join(w for w in [verb or "do", thing, *places] if w)


def _after_verb(part: str) -> list[str]:
    """The clauses of ``part``: an "aur" after a verb joins two ("swing daal aur bass ko louder kar")."""
    clauses, start = [], 0
    for m in re.finditer(r" aur ", part):
        if _verb(part[start : m.start()]):
            clauses.append(part[start : m.start()])
            start = m.end()
    return [*clauses, part[start:]]


def marked(text: str) -> bool:
    """Whether ``text`` is Hinglish: two distinct ``MARKERS``, or a Hindi verb form said."""
    said = set(re.findall(r"[a-z]+", text.lower()))
    return len(said & MARKERS) >= 2 or (not said.isdisjoint(_VERB_WORDS) and _verb(text) is not None)


def _verb(text: str) -> re.Match[str] | None:
    """The first verb form said in ``text`` (found in its lower case: the same places)."""
    return _VERB.search(text.lower())


def _said(text: str) -> str:
    """``text`` with the words of ``WORDS`` said in English (a phrase first, then word by word)."""
    low = text.lower()
    if any(said in low for said in _PHRASES):  # a substring test first: the alternation with re.I is slow
        text = _PHRASE.sub(lambda m: _PHRASES[m.group(1).lower()], text)
    return _WORD.sub(lambda m: WORDS.get(m.group(0).lower(), m.group(0)), text)


def hinglish(text: str) -> str:
    """The sentence in English order and words, or ``text`` itself (see the module docstring)."""
    if not marked(text):
        return text
    parts = _CLAUSE.split(_said(text))
    out: list[str] = []
    request = False
    for part in parts:
        if part.lower() in ("aur phir", "phir"):
            out.append(" then" if out and out[-1] == "," else ", then")
        elif part in (",", ";", ".", "?", "!"):
            out.append(part)
        elif part.strip():
            request = request or any(_verb(c) for c in _after_verb(part))
            reason = request and not _verb(part)
            out.append(" " + " and ".join(_clause(c, reason=reason) for c in _after_verb(part)))
    said = " ".join("".join(out).replace(", , then", ", then").split()).strip(" ,")
    return _LOOP.sub(
        r"\1 of ", said
    )  # "ek audio loop bana, sufi harmonium drone": a loop of what is said next


_LOOP = re.compile(r"^(make an? (?:audio )?loop),? (?!of\b)", re.I)
