"""The known command sentences: one or more per phrase of the vocabulary, for suggestions.

A sentence that is not understood is answered with the known commands nearest to it; these are
built from the same tables the parser spots and the speech grammar is generated from, so a new
phrase in ``vocab`` or ``clip_words`` is a suggestion at once.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from bridge.commands import clip_words as cw
from bridge.commands import vocab as v

_DESCRIBING = frozenset({"half time", "halftime", "double time", "backwards", "upside down"})
# how each dial phrase that is no adjective is said of the drums
_ADJUST_SENTENCE = {
    "simplify": "simplify the drums",
    "pump up": "pump up the drums",
    "chill out": "chill out the drums",
    "tone down": "tone down the drums",
    "more energy": "give the drums more energy",
    "less energy": "give the drums less energy",
}
_ANALYZE_SENTENCE = {
    "analysis": "run an analysis on this clip",
    "detect": "detect the key of this clip",
    "what key": "what key is this clip in",
    "which key": "which key is this clip in",
    "what tempo": "what tempo is this clip",
    "which tempo": "which tempo is this clip",
    "what chords": "what chords are in this clip",
    "which chords": "which chords are in this clip",
    "find the key": "find the key of this clip",
    "find the chords": "find the chords of this clip",
    "find the tempo": "find the tempo of this clip",
    "figure out": "figure out the key of this clip",
    "work out": "work out the chords of this clip",
    "how fast": "how fast is this clip",
    "what bpm": "what bpm is this clip",
}
# how each transform phrase that is no verb is said of a part
_TRANSFORM_SENTENCE = {
    "swing it": "swing the {}",
    "more swing": "more swing on the {}",
    "add swing": "add swing to the {}",
    "grace notes": "add grace notes to the {}",
    "new voicing": "a new voicing for the {}",
    "add a fill": "add a fill to the {}",
    "a fill at the end": "a fill at the end of the {}",
    "fill at the end": "put a fill at the end of the {}",
}
# how each vary phrase is said as a whole command about the drums
_VARY_SENTENCE = {
    "variation": "give me a {} of the drums",
    "variation of": "a {} the drums",
    "another version": "{} of the drums",
    "another take": "{} of the drums",
    "another one": "{}",
    "try another": "{} drum beat",
    "try again": "{} with the drums",
    "something different": "{} for the drums",
    "different": "a {} drum beat",
}
_PART_OF = {"drums": "drums", "bass": "bass line", "chords": "chords", "melody": "melody"}


@cache
def known_commands() -> tuple[str, ...]:
    """Every known sentence once, in a stable order."""
    out: list[str] = []
    out += [f"generate {'' if v.PARTS[p] in ('all',) else 'the '}{p}" for p in v.PARTS]
    out += [f"make {_a(g)} {g} beat" for g in v.GENRES if g not in v.TYPED_ONLY]
    out += [_ADJUST_SENTENCE.get(a, "make the drums {}").format(a) for a in v.ADJUSTMENTS]
    out += [_VARY_SENTENCE.get(p, "{} the drums").format(p) for p in v.VARY_PHRASES]
    out += [(f"make the {p} {w}" if w in _DESCRIBING else _TRANSFORM_SENTENCE.get(w, w + " the {}").format(p))
            for w, kind in cw.TRANSFORM_PHRASES.items() for p in _PART_OF.values()
            if kind not in ("transpose", "fill", "density")]  # fmt: skip
    out += [f"{t} in the melody" for t in ("fewer notes", "more notes")]
    out += ["transpose to E", "transpose up 3 semitones", "add a fill at the end", "swing it more"]
    out += [f"remove the {d}" for d in cw.DRUM_VOICES] + [f"keep only the {d}" for d in cw.DRUM_VOICES]
    out += _source_sentences()
    out += list(cw.TEMPO_FACTORS) + [f"{m} to 90" for m in cw.TEMPO_MOVES] + ["tempo 120"]
    out += [f"set the key to {k}" for k in ("C major", "A minor", "F sharp minor", "D dorian")]
    out += [_ANALYZE_SENTENCE.get(a, "{} this clip").format(a) for a in v.ANALYZE_PHRASES] + [
        "warp this to the song"
    ]
    out += [f"{s} the stems" if s != "stems" else "stems of this song" for s in v.SEPARATE_PHRASES]
    out += [f"pull the {s} out" for s in v.STEMS if s != "other"]
    out += [f"make a loop of {s}" for s in v.MUSICGEN_SOUNDS if s != "loop"]
    out += [f"transpose the {_PART_OF[p]} {d} {a}" for p in ("melody", "bass") for d in ("up", "down")
            for a in ("a fifth", "an octave", "a minor third", "a fourth")]  # fmt: skip
    out += [f"{verb} the {d} in bar 2" for verb in ("mute", "drop") for d in ("kick", "hats", "snare")]
    out += ["drop the kick on the first beat of bar 4", "remove the snare on beat 3 of bar 2"]
    out += [f"{t} the {d}" for t in ("swing", "humanize", "quantize") for d in ("hats", "snare", "kick")]
    out += ["add a fill every 4 bars", "a fill at the end of every phrase", "no fills on the drums"]
    out += ["jam", "keep playing", "play the drums live", "play some bass live at 90 bpm", "play along live"]
    out += ["star this take", "unstar this take", "name it chorus idea", "compare this take with the previous one",
            "go back to the previous take", "go back to the previous bass take", "redo"]  # fmt: skip
    out += ["fill bars 5 to 8", "fill in the gap", "continue this for 4 bars", "extend this clip by 4 bars"]
    out += [
        "add a bass line that fits",
        "add a melody that fits",
        "add some chords that fit",
        "add drums that fit",
    ]
    out += ["make an audio loop of warm rhodes", "generate a dusty piano loop with musicgen"]
    out += ["put a dorian chord progression in here", "a bass line that follows the keys clip"]
    out += list(v.PLAY_PHRASES + v.STOP_PHRASES + v.UNDO_PHRASES + v.CANCEL_PHRASES + v.HELP_PHRASES)
    return tuple(dict.fromkeys(s for s in out if not set(s.split()) & {"dnb", "rnb", "hiphop"}))


def _a(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _source_sentences() -> list[str]:
    """ "a bass line that follows my chords", "drums that lock to my bassline": the verb agrees with
    the part said (a phrase whose verb does not agree with its part's example is left out)."""
    said = {"chords": ("a bass line", True), "selected": ("a melody", True), "bass": ("drums", False)}
    out = []
    for phrase, source in cw.SOURCE_PHRASES.items():
        subject, singular = said[source]
        verb = phrase.split()[0]
        if verb in ("follows", "locks", "matches", "follow", "lock", "match"):
            if verb.endswith("s") != singular:
                continue
            phrase = "that " + phrase
        out.append(f"{subject} {phrase}")
    return out


_CLAUSE_BREAK = re.compile(r" (?:and|but|then|also|plus|and then) ")
_FILLER = frozenset({"a", "an", "the", "this", "that", "to", "of", "in", "for", "is", "it", "me", "my", "with",
                     "please", "can", "you", "i", "and", "on", "at", "some", "so", "too", "just", "up", "out"})  # fmt: skip


@cache
def vocabulary_words() -> frozenset[str]:
    """Every word some command uses (the filler words aside)."""
    tables: list[object] = [getattr(v, name) for name in dir(v) if name.isupper()]
    tables += [getattr(cw, name) for name in dir(cw) if name.isupper()]
    words: set[str] = {w for sentence in known_commands() for w in sentence.split()}
    for table in tables:
        if isinstance(table, dict | tuple | frozenset):
            words.update(w for phrase in table if isinstance(phrase, str) for w in phrase.split())
    return frozenset(words - _FILLER)


_COMPARED = re.compile(r"^[a-z]{3,}(?:ier|er)$")  # a comparative said after "and"
_READ = frozenset({"slower", "faster", "louder", "softer", "quieter", "busier", "simpler", "sparser", "denser",
                   "tighter", "looser", "higher", "lower", "longer", "shorter"})  # fmt: skip


def unknown_clauses(s: str) -> list[str]:
    """Clauses of a compound sentence (normalised: padded, digits) that name nothing a command
    knows, e.g. "email it to my friend" in "make a beat and email it to my friend"."""
    known = vocabulary_words()
    left = []
    said = clauses(s)
    for before, clause in itertools.pairwise(said):
        words = [w for w in clause.split() if w not in _FILLER]
        if (
            len(words) == 1
            and _COMPARED.match(words[0])
            and before.split()[-1:]
            and before.split()[-1] in _READ
        ):
            continue  # "feels slower and heavier": one description, said after a comparative the rules read
        if words and not any(w in known or w.isdigit() or w.startswith("_key") for w in words):
            left.append(clause)
    return left


def clauses(s: str) -> list[str]:
    """The sentence split at "and", "but", "then"... (each clause with single spaces)."""
    return [" ".join(c.split()) for c in _CLAUSE_BREAK.split(s)]
