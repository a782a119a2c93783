"""A request taken back by another said after it (issue 55, round 38): only the later one is meant.

"make the bass softer, actually make it louder", "mute the keys, scratch that, solo them", "make the melody
busier, on second thought make it simpler", "mute the bass, never mind, solo it", "swing the hats, wait,
quantize them": ``fillers`` marks the words that take it back as a self-correction (``TAKEN_BACK``), and the
request after them takes the place of the one before. Only between two requests: the words are after a word of
the first (never at the sentence's start, where "scratch that" is an undo and "actually" a filler, nor after
"and" or "then", "... and actually swing them" is a second request), and before a request's own first word
(a verb, "just", "instead", or a terse request's comparative, "louder kick, scratch that, softer kick"; never
"make that", a value's correction, nor a statement, "actually it's fine").

Round 39: a request taken back with no other said after it ("make the kick louder, actually it sounds fine",
"mute the pad, never mind", "swing the hats... on second thought leave it") is no request at all: ``withdrawn``
says so, and nothing is done. Only where the words after the taking back say no change (the thing is fine, left
as it is, forgotten); "actually" alone at the end is a filler ("make it louder actually").
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v

_WORDS = (
    r"(?:or |no |oh )?actually|scratch that|strike that|forget that|cancel that|never ?mind(?: that)?|"
    r"on second thoughts?|(?<=,) wait|change of plan"
)
_LEADS = (
    *v.GENERATE_VERBS,
    *v.CHANGE_VERBS,
    "bring",
    "take",
    "put",
    "lower",
    "raise",
    "just",
    "instead",
    "lets",
    "humanise",
    "quantise",
    *("louder", "softer", "quieter", "busier", "simpler", "sparser", "denser", "faster", "slower"),  # terse
)
_LEAD = "|".join(sorted((re.escape(w) for w in _LEADS), key=len, reverse=True))
TAKEN_BACK = re.compile(
    rf"(?<=\w)(?<!\band)(?<!\bthen)[,.;]? (?:{_WORDS})\b[,.]?(?= (?!make that\b)(?:{_LEAD})\b)"
)

# what says no change after a request is taken back: "it's fine", "it sounds good as is", "leave it", "forget it"
_FINE = (
    r"(?:(?:it|that|this|they|the \w+(?: \w+)?)(?: s| is| are| sounds?| looks?| feels?| seems?)? |its |thats |theyre )?"
    r"(?:fine|good|ok|okay|alright|all right|great|perfect)(?: as is| as it is| the way it is| like that| already)?"
    r"|(?:leave|keep) (?:it|them|that)(?: as is| as it is| alone| be| like that| the way it is)?"
    r"|forget (?:it|that|about it)|(?:dont|do not) bother|no need|let it be|all good"
)
_BACK = (
    r"(?:no,? |nah,? |oh,? |hmm,? |wait,? )?(?:actually|scratch that|strike that|forget (?:it|that)|cancel that|"
    r"never ?mind(?: that)?|on second thoughts?|no wait|wait,|nah,|no,)"  # "no good" is a complaint: "no," only
)
_END = r"(?:never ?mind(?: that)?|scratch that|forget (?:it|that)|cancel that)"  # these alone take it back
_WITHDRAWN = re.compile(
    rf"^(?P<request>.*\w.*?)(?:[,.;!]+|\s)\s*(?:(?:{_BACK})(?!\w)[,.]?\s*(?:{_FINE})|{_END})\s*(?:[,.]?\s*(?:{_FINE}))?[.!]*\s*$"
)


def withdrawn(text: str) -> str | None:
    """The answer to a sentence whose only request is taken back with no other said ("..., actually it sounds
    fine", "..., never mind"): a reason that nothing is done, or None."""
    said = " ".join(re.sub(r"[\u2019'`]", "", text.lower()).split())
    m = _WITHDRAWN.match(said)
    request = m.group("request") if m is not None else ""
    if re.match(rf"\W*(?:{_BACK}|{_END})\b", request) or not re.search(rf"\b(?:{_LEAD})\b", request):
        return None  # "never mind, cancel that": no request before the taking back
    return "nothing done: the request was taken back"
