"""A drum voice named by how it sounds (issue 55): "the deep thumpy drum" is the kick, "the clappy
sound" the claps, "the tss tss cymbals" the hats, "the snappy one" the snare.

A beginner describes a sound where a producer names the voice. A description word (or a sound said
as a word, "tss", "boom") before a plain noun ("drum", "sound", "one", "thing", "hits") is read as
that voice's name, so the rest of the rules read "the kick", "the clap". Only where no voice or part
word is said in its place: "the boomy bass" stays the bass. Sentences are normalised (``normalize``,
spoken "one" is ``1``).
"""

from __future__ import annotations

import re

# how each drum voice sounds, in a beginner's words (the voice word is one the rules read: clip_words)
SOUNDS: dict[str, tuple[str, ...]] = {
    "kick": ("thumpy", "thump", "thumping", "thuddy", "thud", "thudding", "boomy", "boom", "booming", "boomin",
             "doof", "oontz", "untz"),
    "snare": ("snappy", "crack", "cracky", "cracking", "smack", "smacky", "whack", "whacky"),
    "clap": ("clappy", "clap like", "clapping", "handclap", "hand clap", "slappy"),
    "hats": ("tss", "tsss", "tssk", "tsk", "tsst", "tiss", "chick", "sizzly", "sizzle", "sizzling", "tinny",
             "hissy"),
    "percussion": ("shakey", "shaky", "rattly", "rattle", "rattling", "jingly", "jingle", "jangly"),
    "crash": ("crashy", "splashy", "crashing"),
}  # fmt: skip
# a plain word for "that sound" after its description ("the thumpy drum", "the clappy sound")
NOUNS = ("drum", "drums", "sound", "sounds", "noise", "noises", "1", "ones", "thing", "things", "hit", "hits",
         "bit", "cymbal", "cymbals", "instrument")  # fmt: skip
_WORD = {w: voice for voice, words in SOUNDS.items() for w in words}
_DESCRIBED = "|".join(sorted((re.escape(w) for w in _WORD), key=len, reverse=True))
_NOUN = "|".join(sorted(NOUNS, key=len, reverse=True))
# one or more description words (said twice: "tss tss"), then the plain noun
_BY_SOUND = re.compile(rf" ((?:(?:{_DESCRIBED}) )+)(?:sounding )?(?:{_NOUN})(?= )")
# the kick by its size or depth: "the big drum", "the deep drum", "the bass drum" (a kit's name for it)
_BIG_DRUM = re.compile(
    r" (?:(?:big|deep|low|fat) drums?|bass drum) (?!(?:kit|machine|loop|track|part|groove|fill|fills|pattern|beat|"
    r"sound|and)\b)"
)
# the snare by its orchestral name (set 138, read after its blind measurement): "the side drum"
_SIDE_DRUM = re.compile(r" side drums? (?!(?:kit|machine|loop|track|part|groove|pattern|beat)\b)")

# a sound said as a word twice after an article is that voice itself ("the tss tss", "that boom boom")
_DOUBLED = re.compile(
    rf" (the|those|that|these|my) ({_DESCRIBED}) \2(?: \2)*(?= )(?! (?:sounding |{_NOUN}) )"
)


def by_sound(s: str) -> str:
    """``s`` with each drum sound said by its description read as the voice's name ("the deep thumpy
    drum" -> "the deep kick"); a description of two voices ("boomy snappy") is left as said."""

    def named(m: re.Match[str]) -> str:
        found = {_WORD[w] for w in m.group(1).split()}
        return f" {found.pop()}" if len(found) == 1 else m.group(0)

    s = _DOUBLED.sub(lambda m: f" {m.group(1)} {_WORD[m.group(2)]}", s)
    return _BY_SOUND.sub(named, _SIDE_DRUM.sub(" snare ", _BIG_DRUM.sub(" kick ", s)))
