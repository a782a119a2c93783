"""A complaint about a named place or part, with no change said (issue 55, rounds 12 and 21): "the bridge
is a bit naff, sort it out", "Could you fix the bridge for me?", "the 2nd verse kinda weak, fix it", "the
client doesn't like the verse", "something's weird around bar 12", "fix track 5", "do something with bars
9 to 12", "the turnaround into the last chorus needs something". The producer names where (a section,
bars, a track, a part) but not what should change there, so the answer is a question naming it, its
examples the two likeliest changes there, never a refusal and never a guess that acts.

Read when the sentence names a place or a part and either asks for a fix with no way ("fix", "sort it
out", "see to it", "take a look", "do something", "do the needful", "needs work", "needs something") or
gives it a verdict with no direction ("weak", "meh", "so so", "not working", "isn't sitting right", a person
"not liking" it or "not feeling" it). Never read when a way is said ("too busy, sort it": simpler), a
request verb of its own ("the chorus is weak, add a crash"), a genre or a value other than the place's
own numbers. Sentences are normalised (padded, lower case).
"""

from __future__ import annotations

import re

from bridge.commands import change_words as co
from bridge.commands import vocab as v
from bridge.commands.region_words import SECTIONS
from bridge.commands.vague_words import OPERATIONS
from bridge.commands.verb_words import CHANGE_VERBS, GENERATE_VERBS

# a verdict with no direction: "naff", "meh", "so so", "isn't working", "not sitting right"
VERDICT = re.compile(
    r" (?:naff|rubbish|crap|crappy|bad|dodgy|weird|meh|lame|sucks|suck|sucky|trash|garbage|awful|terrible|"
    r"horrible|mid|wack|whack|weak|so so|boring|peak|dull|lifeless|not (?:working|right|great|good)|"
    # "off", "wrong", "flat" only as what a thing is ("ease off the snare", "hats off the offbeats": ways)
    r"(?:is|are|s|sounds?|feels?|seems?|kinda|kind of|bit|little|just|really|somethings|something|all|way|so) "
    r"(?:a bit |kinda |kind of |a little |just |really |so |way |all )?(?:off|wrong|flat)|"
    r"(?:not|isnt|arent|is not|are not) (?:quite |really )?(?:working|sitting right|right|good|great|landing|there)|"
    r"(?:doesn ?t|does not|don ?t|do not) (?:quite |really )?(?:work|sit right|feel right|sound right))(?= )"
)
# a person's dislike, a verdict whoever says it: "the client doesn't like the verse", "not feeling the drop"
DISLIKED = re.compile(
    r" (?:(?:isnt|arent|aint|not) (?:really )?(?:liking|loving|feeling|vibing with|into)|(?:doesn ?t|does not|don ?t|do not|didn ?t|"
    r"did not) (?:like|love|dig|rate|get)|hates?|not a fan of|not happy with|unhappy with)(?= )"
)
# a fix asked with no way: "fix it", "sort it out", "see to it", "take a look", "do the needful", "needs work"
FIX_ASKED = re.compile(
    r" (?:fix|sort(?! of)|sort out|fix up|tidy up|improve|touch up|see to|deal with|work on|help with|"
    r"(?:take|have) a look(?: at)?|look at)(?: it| them| that| this| those)?(?: up| out)?(?= )"
    r"| do (?:something|somethin|sumthin|summat|smth|sth|anything|the needful)(?: (?:about|with|to|for) (?:it|them|that|this))?(?= )"
    r"| needs? (?:work|fixing|help|attention|something|somethin|sorting|a fix)(?= )"
)
# a place by its numbers (the numbers are the place's, no value): "bar 12", "bars 9 to 12", "track 5"
_NUMBERED = re.compile(
    r" (?:bars?|measures?|track|section|part) (\d+)(?: (?:to|through|thru|and|or) \d+)?(?= )"
    r"| (?:the )?(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|last|final) (chorus|verse|section|part|drop|bridge|"
    r"break|breakdown|intro|outro|pre chorus)(?= )"
    rf"| ({'|'.join(SECTIONS)}) \d+(?= )"
    r"| (?:the )?(?:first|last|final|opening|closing) \d+ (?:bars?|measures?)(?= )"  # "the last couple bars": 2
)
PLACES = (*SECTIONS, "turnaround", "transition", "ending", "middle 8")
_PARTS = frozenset(w for w, part in v.PARTS.items() if part not in ("all", "song")) | frozenset(co.VOICES)
# the words that say a way or a request of their own: with any of them the sentence is read as before
_FIXES = frozenset(
    {"fix", "sort", "tidy", "rework", "redo", "improve", "touch", "work", "help", "look", "see", "deal"}
)
# words of the operations' phrases that say no way alone ("just", "a bit", "not", "bring")
PLAIN = frozenset({"and", "bit", "just", "not", "no", "one", "some", "little", "much", "too", "touch", "go", "going",
                   "come", "bring", "feel", "hit", "hits", "turn", "move", "pull", "lay", "dig", "enough", "happening",
                   "slightly", "easy", "ease", "notch", "walk"})  # fmt: skip
_PLAIN = PLAIN | {"right", "sit", "sitting"}
_WAYS = (OPERATIONS - _PLAIN - _PARTS - _FIXES) | frozenset(v.GENRES)
_VERBS = (frozenset(w for w in (*CHANGE_VERBS, *GENERATE_VERBS) if " " not in w) - {"drop", "make", "new"} - _FIXES) | {
    "rewrite", "rework", "redo", "another", "version", "versions", "regen", "regenerate", "timing"}  # fmt: skip
# a way said as a phrase: "so every note sits on the beat", "in time"
_WAY_SAID = re.compile(r" on the (?:beat|beats|grid) | in time ")
# "make it better": a wish with no way, the only "make" kept
_MAKE_BETTER = re.compile(r" make (?:it|this|that|them) (?:sound |feel )?(?:better|work|right|good|nicer) ")


def faulted_question(s: str) -> str | None:
    """The question for a normalised sentence that names a place or part, complains of it or asks a fix
    for it, and says no way (module docstring); None for any other."""
    padded = f" {' '.join(s.split())} "
    numbered = _NUMBERED.search(padded)
    bare = _NUMBERED.sub(" ", padded)  # the place's own numbers are no value
    if any(ch.isdigit() for ch in bare) or "_key_" in bare:
        return None
    if not (FIX_ASKED.search(padded) or VERDICT.search(padded) or DISLIKED.search(padded)):
        return None
    words = set(bare.split())
    if words & _WAYS or words & _VERBS or _WAY_SAID.search(padded):
        return None
    if " make " in padded and not _MAKE_BETTER.search(padded):
        return None
    place, said = _place(padded, numbered)
    part = next((w for w in padded.split() if w in _PARTS), None)
    if place is not None and said and part is not None:  # "the chorus bass is rubbish": the bass there
        return f"(e.g. 'make the {part} busier {place}' or 'make the {part} simpler {place}') what should change in the {part} {place}?"
    if place is None:
        if part is None:
            return None
        return f"(e.g. 'make the {part} busier' or 'make the {part} simpler') what should change in the {part}, and how?"
    if not said:  # "track 5", "section 2": no change reads that place, the examples name none
        return f"(e.g. 'make it busier' or 'give me another one') what should change {place}?"
    other = (
        f"vary {place[3:]}" if place.startswith("in the ") else f"make it simpler {place}"
    )  # "vary verse 2": no place
    return f"(e.g. 'make the drums busier {place}' or '{other}') what should change {place}?"


_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}


def _place(padded: str, numbered: re.Match[str] | None) -> tuple[str | None, bool]:
    """Where the sentence says ("in the bridge", "in bars 9 to 12", "on track 5", or None), and whether a
    change said there reads it as its place (bars and sections do; a track or a section's number do not)."""
    if numbered is not None:
        said = numbered.group(0).strip()
        if said.startswith(("track", "section", "part")):
            return f"{'on' if said.startswith('track') else 'in'} {said}", False
        if said.startswith(("bar", "measure")):
            return f"in {said.replace('measure', 'bar')}", True
        if numbered.group(3) is not None:  # "verse 2"
            return f"in {said}", True
        first, *rest = said.removeprefix("the ").split()
        return f"in the {' '.join([_ORDINALS.get(first, first), *rest])}", numbered.group(2) not in (
            "section",
            "part",
        )
    name = next((p for p in PLACES if f" {p} " in padded), None)
    if name is None:
        return None, False
    return f"in the {'bridge' if name == 'middle 8' else name}", name in SECTIONS or name == "middle 8"
