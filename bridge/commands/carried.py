"""A value the sentence says that the reading about to be acted on does not carry (issue 55, round 9).

Acting without a value the producer said is a wrong act ("3 versions" made once, "in the bridge"
changed everywhere, "the takes I starred" listed all); asking first costs half as much. The values
looked for are those a sentence says in plain words, whatever the learned table knows:

- a count or amount: a number (numbers are digits after ``normalize``) with no value of the reading
  holding it (never "1": "this one", "one more take", "one octave" say no count to keep; "N
  octaves" is held by 12 x N semitones; a bound next to it is read as the bar beside it, "till bar
  9": up to bar 8);
- a take by its place ("the second take", "the last one") with an op on takes (one said relative to
  another, "the take before the last one", is the previous take);
- "starred" (or "star") with an op that lists or recalls takes;
- a section of the song ("in the verse", "the bridge");
- a genre ("jazz chords", "a funky bass", "the whole song, rock") with an op that writes notes in
  one or sets the clip's (a genre in a comparison, "ghost notes the way a jazz drummer would", "a
  disco loop" warped, "house instead of techno", is no value).

Sentences are normalised (padded, lower case, numbers as digits); the asides and the clauses that
keep a target or a place as it is (``unexplained.request_of``: "keep the verse chords as they
are") are left out first. A number after "1" is a grid or a fraction ("1/16"), never a count.
"""

from __future__ import annotations

from bridge.commands.described import without_described
from bridge.commands.explain import TAKE_OPS
from bridge.commands.intent import Intent
from bridge.commands.means import means_of
from bridge.commands.normalize import normalize
from bridge.commands.unexplained import AGAINST, carried_words, request_of
from bridge.commands.vocab import GENRES

# a number before one of these is stored scaled or not at all ("25 percent": 0.25; "3 db")
SCALED = ("percent", "db", "ms", "hz", "khz", "cents", "lufs", "%", "second", "seconds", "minute", "minutes")
BOUNDS = ("before", "till", "until", "til", "after", "through", "thru", "to", "up")  # "till bar 9": bar 8
TAKE_PLACES = {"first": "first", "second": "second", "third": "third", "fourth": "fourth", "last": "last",
               "previous": "previous", "latest": "last", "newest": "last", "earlier": "previous"}  # fmt: skip
# song sections a sentence says as a place ("drop", "build" and "break" are verbs and beats too)
SECTION_WORDS = {"intro": "intro", "verse": "verse", "verses": "verse", "chorus": "chorus", "choruses": "chorus",
                 "bridge": "bridge", "outro": "outro", "breakdown": "breakdown", "pre chorus": "pre chorus"}  # fmt: skip
GENRE_OPS = ("make", "vary", "accompany", "set")  # the ops that write notes in a genre or set one
RELATIVE = ("before", "after")  # "the take before the last one": the previous take
# genre words that are also plain English in a request ("make the snare pop")
NOT_GENRE = ("pop", "soul")


def unsaid(heard: str, intent: Intent) -> str | None:
    """The first value word of ``heard`` that the understood ``intent`` does not carry, or None."""
    if not intent.understood:
        return None
    means = means_of(intent.as_dict())
    op = str(means["op"])
    carried = carried_words(means, intent)
    words = without_described(request_of(normalize(heard)[0]), means).split()
    for i, word in enumerate(words):
        if (
            word.isdigit()
            and words[i - 1 : i] != ["1"]
            and _count_dropped(word, words[max(i - 2, 0) : i], words[i + 1 : i + 2], carried)
        ):
            return word
        if op in TAKE_OPS and word in TAKE_PLACES and TAKE_PLACES[word] not in carried:
            if not (set(words[max(i - 2, 0) : i]) & set(RELATIVE) and "previous" in carried):
                return word
        if op in ("list_takes", "recall") and word in ("starred", "star") and "starred" not in means:
            return word
    said = f" {' '.join(words)} "
    for name, section in SECTION_WORDS.items():
        if f" {name} " in said and not set(section.split()) <= carried:
            return name
    for name, genre in GENRES.items():
        if op not in GENRE_OPS or name in NOT_GENRE or f" {name} " not in said:
            continue
        before = said[: said.find(f" {name} ")].split()[-3:]
        if genre not in carried and not set(genre.split("-")) <= carried and not set(before) & AGAINST:
            return name  # (a genre it is heard against is none: "as house instead of techno")
    return None


def _count_dropped(word: str, before: list[str], after: list[str], carried: set[str]) -> bool:
    """Whether the number ``word`` (``before``: the two words before it, ``after``: the next word or
    none) says a value that nothing of ``carried`` holds."""
    nxt = after[0] if after else ""
    if word in (carried | {"1"}) or nxt in SCALED:
        return False
    if nxt.startswith("octave") and str(12 * int(word)) in carried:  # "2 octaves": 24 semitones
        return False
    if set(before) & set(BOUNDS) or nxt in BOUNDS:  # "till bar 9" read as up to bar 8
        return not {str(int(word) - 1), str(int(word) + 1)} & carried
    return True
