"""The sentence as a reader of whole sentences sees it (issue 55): corrected, its statement after the request cut.

"take the chords up a step, they feel kinda dark": the learned reading reads the request, not how the
producer feels about the part now, when the rules read the request alone (``for_reading``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bridge.commands.asides import FOR_PEOPLE
from bridge.commands.borrowed_words import borrowed
from bridge.commands.drumline_words import drums_plainly
from bridge.commands.fillers import as_meant
from bridge.commands.intent import Intent
from bridge.commands.musicgen_words import anywhere
from bridge.commands.normalize import normalize
from bridge.commands.parser import parse as rules
from bridge.commands.reasons import restated, without_reasons
from bridge.commands.region_words import ALONE, without_what_stays
from bridge.commands.remarks import requested
from bridge.commands.seen_words import as_trained
from bridge.commands.speech_habits import plainly_said
from bridge.commands.take_verdicts import without_take_verdict

# "take the chords up a step, they feel kind of sad": how it is now, said after the request (as written)
_STATEMENT = re.compile(
    r"[,;.!?-]\s*(?:(?:and|cause|because|cuz|coz|since|as)\s+)?(?:(?:they|it|this|that|everything)\s+[a-z]+"
    r"|the \w+(?: \w+)? (?:feel|feels|sound|sounds|seem|seems|is|are|was|were|needs?|keeps?)"
    r"|(?:it|they|that)'(?:s|re)|its|theyre|thats|i (?:want|need) it to|i'll|ill|i will|i think|i guess|i feel|"
    r"i'm|im|i am|pretty sure|idk)\b.*$",
    re.IGNORECASE,
)

# someone's verdict on what was made, said after the request: "..., director didn't love the contour", "..., the
# client hated the groove" (who did not like it is no part of the request: "two more takes of the melody" is)
_VERDICT = re.compile(
    r"[,;.!?-]\s*(?:(?:but|and|cause|because|cuz|coz|since|as)\s+)?(?:the |my |our )?\w+ (?:didn'?t|doesn'?t|did not|"
    r"does not|wasn'?t|isn'?t|was not|is not) (?:love|like|dig|rate|want|buy|into|a fan|happy|sold|keen)\b.*$"
    r"|[,;.!?-]\s*(?:(?:but|and|cause|because|cuz|coz|since|as)\s+)?(?:the |my |our )?\w+ (?:hated|hates|disliked|"
    r"dislikes)\b.*$",
    re.IGNORECASE,
)

# "..., just me and the guitar": what is left in the place a part is taken out of (as written)
# the kind of a selected clip said before "clip" ("the selected MIDI clip"): a word the learned reading
# takes for a transcription ("into MIDI"); the rules read the clip (``follow_words``)
_CLIP_KIND = re.compile(
    r"\b((?:the|my|this) (?:selected|highlighted|current)) (?:midi|audio) (clip|loop|part)\b", re.IGNORECASE
)
_STAYS = re.compile(r"\s*[,;:-]+\s*(?:(?:please|pls|for now|then|thanks)\s+)*(?:just|only|nothing but|leave|leaving|"
                    r"keep|keeping|let (?:the |my )?\w+(?: \w+)? " + ALONE + r")\b.*$", re.IGNORECASE)  # fmt: skip


@lru_cache(maxsize=256)  # asked twice a text: read ahead with the sentence, then when the text is read
def for_reading(heard: str) -> str:
    """The sentence as a reader of whole sentences should see it: corrected (``fillers.as_meant``), and
    without a statement after a request ("take the chords up a step, they feel kinda dark") or the reason
    given for people ("..., so the class hears the lift") when the rules read the request alone; else as
    written; the reason said after a request (``request_said``) is never seen."""
    heard = borrowed(
        heard, prompt_as_written=False
    )  # "a loop of cuica and pandeiro": the reading's "percussion"
    meant = _without_what_stays(_without_reason(as_meant(request_said(heard))))
    meant = as_trained(
        plainly_said(drums_plainly(meant))
    )  # "eight measures", "as jungle": eight bars, as drum and bass
    meant = _CLIP_KIND.sub(r"\1 \2", meant)  # "follows the selected MIDI clip": the clip, no transcription
    judged = _VERDICT.sub(
        "", meant
    ).strip()  # "two more takes of the melody, director didn't love the contour"
    if judged and judged != meant.strip() and rules(judged).understood:
        return judged
    cut = _STATEMENT.sub("", meant).strip()
    if not cut or cut == meant.strip() or not requested(normalize(cut)[0]):  # "ok, that's enough": no request
        return meant
    return cut if rules(cut).understood else meant


def _without_what_stays(meant: str) -> str:
    """``meant`` without what is left in the place a part is taken out of, after a comma ("no drums in the
    first verse, just me and the guitar": ``region_words.without_what_stays``); else as it was."""
    s = normalize(meant)[0]
    cut = _STAYS.search(meant) if without_what_stays(s) != s else None
    return meant[: cut.start()] if cut is not None else meant


# round 36: "mute everything but the drums, get shut of everything else": the rest said again after a keep, in any
# verb (the learned reading took the second clause's verb, whatever it is, for a mute of the drums)
_REST_AGAIN = re.compile(
    r"\s*[,;]\s*(?:(?:and|then|just)\s+)?(?:[a-z']+\s+){1,3}(?:everything else|all the rest|the rest|all else)\s*[.!]*$",
    re.IGNORECASE,
)


def without_rest_again(meant: str) -> str:
    """``meant`` without a last clause of the rest ("..., get rid of everything else") where the rules read the
    sentence without it just as they read it whole (the same request said again); else as it was."""
    cut = _REST_AGAIN.sub("", meant).strip()
    if not cut or cut == meant.strip():
        return meant
    again, whole = rules(cut), rules(meant)
    same = again.understood and (again.action, again.part, again.params) == (
        whole.action,
        whole.part,
        whole.params,
    )
    return cut if same else meant


def _without_reason(meant: str) -> str:
    """``meant`` without the reason given for people ("..., so the class hears the lift") when the rules
    read the request alone (``asides.FOR_PEOPLE``); else as it was."""
    cut = FOR_PEOPLE.sub("", meant).strip()
    return cut if cut and cut != meant.strip() and rules(cut).understood else meant


SETTINGS = ("genre", "key", "tempo_bpm", "meter")  # a value of a new part, never lost with a reason cut


@lru_cache(maxsize=256)  # asked twice a sentence: by the learned reading's input and by the decision
def request_said(heard: str) -> str:
    """The written sentence without the reason it gives after its request ("mute the bass, it's stepping
    all over the kick": ``reasons.without_reasons``) when the rules read that request; else as it was. A
    request read as new audio only when the whole sentence asks for audio ("can u shut the strings off, its
    crowded": no loop of "strings")."""
    verdict = without_take_verdict(heard, rules)  # "star the last take, that bass is brutal"
    if verdict is not None:
        return verdict
    # "..., the crowd wants it faster": people wishing the request's own change
    if (again := restated(heard, rules)) is not None:
        return again
    if without_reasons(heard, audio=True) == heard:  # no reason clause, however read: nothing parsed again
        return heard
    audio = anywhere(normalize(heard)[0]) or rules(heard).action == "musicgen"
    cut = without_reasons(heard, audio)
    if cut == heard or not (request := rules(cut)).understood:
        return heard
    # "give me a whole song, I think techno would fit": the genre is the request's, not a reason
    whole = rules(heard).params
    if any(name in whole and name not in request.params for name in SETTINGS):
        return heard
    return cut if request.action != "musicgen" or audio else heard


def request_ruled(heard: str, ruled: Intent) -> tuple[str, Intent]:
    """The request said (``request_said``) and the rules' reading of it: ``ruled`` (the whole sentence's,
    a scoped clause read first) when the rules read the request as they read the whole."""
    request = request_said(heard)
    if request == heard:
        return heard, ruled
    again, whole = rules(request), rules(heard)
    same = (again.action, again.part, again.params) == (whole.action, whole.part, whole.params)
    return request, ruled if same else again
