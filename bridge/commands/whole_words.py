"""Every part said as the whole (issue 55): "build the whole beat from scratch, every part", "the full
track, all the parts, at 140", "drums bass chords melody, all of it".

"all the parts" ("every part", "everything", "all of it" once normalised) said beside no part word but
the words for the whole piece ("beat", "track", "tune", "thing", "song") is every part (target
`all`): a hip-hop producer's "beat" is the whole instrumental when every part of it is asked for.
Beside a part of its own ("the bass, louder than everything") the part is the one meant, and
"everything else" / "except" is the rest of a keep (another reader's). The whole said with a removal
and no new music ("delete everything", "get rid of all of it") is asked about: taking every part out
is never done on one word. Sentences are normalised (padded, lower case).
"""

from __future__ import annotations

import re

from bridge.commands import vocab as v
from bridge.commands.intent import Intent
from bridge.commands.said import said

# the words of a whole piece, which every part said beside them is all of
WHOLE_NOUNS = frozenset({"beat", "track", "tune", "thing", "song", "instrumental", "groove", "arrangement",
                         "production", "cue", "piece", "whole song", "full song", "full arrangement",
                         "whole arrangement", "underscore", "everything", "all parts", "all the parts"})  # fmt: skip
# "everything" as the object of a change, not a comparison ("louder than everything") nor the rest
_EVERY = re.compile(
    r" (?<!than )(?<!under )(?<!over )(?<!to )(?<!behind )(?<!above )"
    r"(?:all the parts|all parts|everything(?! (?:else|but|except|apart|around|other)))(?= )"
)
# (not heard or liked: "play all of it", "i love all of it" say nothing of the parts)
_ALL_OF_IT = re.compile(r"(?<!play )(?<!hear )(?<!love )(?<!like )\ball of it\b(?! (?:else|but|except)\b)")
REMOVALS = ("remove", "delete", "get rid of", "erase", "wipe", "scrap", "ditch", "bin", "trash", "clear",
            "lose", "kill", "take out", "strip out", "throw away")  # fmt: skip
# (not "drop" nor "cut": "drop everything a half step", "cut everything by half" say how much, no removal)
ASK_REMOVED = "(e.g. 'remove the drums' or 'mute everything') which part should be taken out?"


def as_everything(lowered: str) -> str:
    """ "all of it" read as "everything" ("mute all of it", "drums bass chords melody all of it")."""
    return _ALL_OF_IT.sub("everything", lowered)


def _part_words(s: str) -> list[str]:
    """The part phrases ``s`` says (longest first, each place once)."""
    found: list[str] = []
    for phrase in sorted(v.PARTS, key=len, reverse=True):
        while f" {phrase} " in s:
            found.append(phrase)
            s = s.replace(f" {phrase} ", " _ " * len(phrase.split()), 1)
    return found


def whole_said(s: str) -> bool:
    """Whether ``s`` asks for every part: the whole said, and no part word but the whole piece's."""
    return _EVERY.search(s) is not None and all(w in WHOLE_NOUNS for w in _part_words(s))


def whole_removed(s: str) -> bool:
    """Whether ``s`` says every part taken out and nothing new made ("delete everything")."""
    return (
        whole_said(s)
        and said(s, *REMOVALS)
        and not said(
            s, *(w for w in v.GENERATE_VERBS if w not in ("new", "add")), "again", "redo", "regenerate"
        )
    )


# the whole song said as the object of a change ("take the whole thing up a whole step", "fade the whole
# band out"); not "the whole track" nor "the whole beat" (one of Live's tracks, the drums)
_WHOLE_OBJECT = re.compile(
    r" (?:(?:the|this|my|our) (?:whole|entire|full) (?:thing|band|song|tune|mix|arrangement|piece|cue|production|"
    r"instrumental)|all (?:the |my |our )?(?:tracks|parts|instruments)|every (?:track|part|instrument)|"
    r"everything(?! (?:else|but|except|apart|around|other))|it all|the lot)(?= )"
)


def whole_object(s: str) -> bool:
    """Whether ``s`` (normalised) says the whole song is what its change acts on."""
    return _WHOLE_OBJECT.search(s) is not None


def on_whole(intent: Intent, s: str) -> Intent:
    """``intent`` on every part (``all``) where ``s`` says the whole song is moved in pitch or faded and
    the reading kept one clip ("take the whole thing up a whole step", "fade the whole band out"):
    the clip selected alone is never the whole song; any other intent as it is."""
    p = intent.params
    moved = intent.action == "transform" and p.get("kind") == "transpose" and intent.part in (None, "song")
    faded = intent.action == "automate" and intent.part is None and not p.get("track_name")
    if not (moved or faded) or not whole_object(s):
        return intent
    return Intent(intent.action, "all", p, intent.heard)
