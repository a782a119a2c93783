"""An unread word where a change's amount would stand: asked "how much?", never acted on at the default (issue 55).

A producer mixing a tongue no table reads says the change in English and how much in their own tongue ("make
the kick trochu louder", "swing the hats kicsit", "un poquito de swing"): the readers acted on the English
words at the change's default size, a full-size change where a little was meant. The rule reads only where
the word stands and that no reader knows it (``unread_mix.unread``, judged as ``unread_joins`` judges one word;
a word said twice with a hyphen, "pelan-pelan", is no English word either): one standing

- right before the change's own word (a comparative: "louder", "busier", "faster", "more" or "less"; or its
  verb: "swing", "humanize"), or with one word of under three letters between ("un poco de swing");
- right after a comparative ("louder trochu"; right after a verb is its object's place: "humanize bateria");
- last in the clause of a change said by its verb, after a word read that is no article ("swing the shakers
  abit"; "swing la cassa" names the part),

in the reading of a change with a size (``SIZED``), asks "how much is 'word': a little or a lot?", offering the
change at both sizes in the parser's own words ("swing the hats a little", "swing the hats a lot"), where the
parser reads the two offers as that change at two sizes: a swing, a humanize, a tempo moved. A change whose
size the parser does not grade ("a little louder" is "louder", "a lot busier" is "busier") is not asked: its two
offers would be one act. Not asked either: where the English words say the amount already ("a bit", "way",
"60%": ``_SAID``; "plus four bpm", "twenty percent" in number words: ``_UNIT_SAID``; or the reading carries
the size said: "tempo X faster, plus 4 bpm" is +4 bpm), a word in a noun's place ("the X", "of X", "X track": a thing's name), a sentence a table
reads (``unread_mix.tabled``), a reading of several requests, or a clause read alone inside a longer sentence.
"""

from __future__ import annotations

import re

from bridge.commands.intent import Intent, unknown
from bridge.commands.means import means_of
from bridge.commands.numbers import words_to_digits
from bridge.commands.rephrase import sentence_for
from bridge.commands.unread_joins import ARTICLES
from bridge.commands.unread_mix import CLAUSES, WORDS, tabled, typed_now, unread

# ops whose act has a size the producer may say -> the words that say the change itself
SIZED: dict[str, frozenset[str]] = {
    "louder": frozenset("louder loud more".split()),
    "softer": frozenset("softer quieter quiet soft less".split()),
    "busier": frozenset("busier busy more denser".split()),
    "simpler": frozenset("simpler sparser less".split()),
    "swing": frozenset("swing swingy swung swingier shuffle more".split()),
    "humanize": frozenset("humanize humanise humanized humanised loosen looser more".split()),
    "tempo": frozenset("faster slower speed slow".split()),
}
_VERBS = frozenset(("swing", "shuffle", "humanize", "humanise", "loosen"))  # a change said by its verb
# an amount said in English: "a bit", "a lot", "slightly", "way", "much", a number, a percent
_SAID = re.compile(
    r"\b(?:little|lil|bit|lot|lots|touch|tad|hair|notch|smidge|slightly|subtly|gently|heavily|way|much|far|"
    r"even|super|really|very|extra|tons|loads|heaps|barely|mildly|massively)\b|\d|%"
)
# a size said in English in number words with its unit ("plus four bpm", "twenty percent", "two semitones")
_UNIT_SAID = re.compile(r"\b\d+ ?(?:bpm|percent|per cent|semitones?|semis?|st|db|decibels?|cents?)\b")
_SIZES_READ = (
    "amount",
    "change_bpm",
    "tempo_bpm",
    "semitones",
    "percent",
    "db",
)  # a size the reading carries
_NOUN_BEFORE = frozenset(("the", "a", "an", "my", "your", "our", "of", "from", "this", "that"))
_NOUN_AFTER = frozenset(("track", "tracks", "channel", "loop", "sample", "clip", "part", "line", "sound"))
_DOUBLED = re.compile(r"\b([^\W\d_]{2,})-\1\b", re.IGNORECASE)  # "pelan-pelan", "chut-chut"
SIZES = ("a little", "a lot")


def _unread(word: str, doubled: frozenset[str]) -> bool:
    return word[0].isalpha() and (word.lower() in doubled or unread(word, slips=True))


def _beside(clause: list[str], i: int, words: frozenset[str], doubled: frozenset[str]) -> bool:
    """Whether ``clause[i]`` stands where the change's size would: right before one of ``words`` (or one short
    word before it: "un poco de swing"), right after one that is no verb (right after "swing" or "humanize"
    is the object's place: "humanize bateria"), or last in a clause that says the change by its verb, after
    a word read that is no article ("swing d shakers abit"; not "swing la cassa")."""
    low = [w.lower() for w in clause]
    if i + 1 < len(low) and low[i + 1] in words:
        return True
    if i + 2 < len(low) and low[i + 2] in words and len(low[i + 1]) < 3:
        return True
    if i and low[i - 1] in words and low[i - 1] not in _VERBS:
        return True
    verb = next((j for j, w in enumerate(low) if w in _VERBS), None)
    return (
        i == len(low) - 1
        and verb is not None
        and i > verb + 1
        and low[i - 1] not in ARTICLES
        and not _unread(clause[i - 1], doubled)
    )


def _clause(heard: str) -> bool:
    """Whether ``heard`` is a clause of the sentence typed, read alone inside its reading ("then swing it
    kicsit"): a question there drops that request from the whole sentence's reading, never reaches the
    producer (fewer words than the sentence as typed)."""
    typed = typed_now()
    return typed is not None and len(WORDS.findall(heard)) < len(WORDS.findall(typed))


def amount_unread(heard: str, chosen: Intent) -> str | None:
    """The first unread word of ``heard`` standing where the size of the change ``chosen`` reads would be,
    or None (module docstring)."""
    if not chosen.understood:
        return None
    read = means_of(chosen.as_dict())
    words = SIZED.get(str(read.get("op")))
    if (
        words is None
        or read.get("then")
        or any(size in read for size in _SIZES_READ)
        or _SAID.search(heard.lower())
        or _UNIT_SAID.search(" ".join(words_to_digits(re.findall(r"[\w%]+", heard.lower()))))
        or tabled()
        or _clause(heard)
    ):
        return None
    doubled = frozenset(m.group(1).lower() for m in _DOUBLED.finditer(heard))
    for clause in (WORDS.findall(c) for c in CLAUSES.split(heard)):
        for i, w in enumerate(clause):
            before = clause[i - 1].lower() if i else ""
            after = clause[i + 1].lower() if i + 1 < len(clause) else ""
            if before in _NOUN_BEFORE or after in _NOUN_AFTER or not _unread(w, doubled):
                continue
            if _beside(clause, i, words, doubled):
                return w
    return None


def _sized(op: str, base: str, size: str, faster: bool) -> str:
    """The sentence ``base`` (the op in the parser's words) with the size said."""
    if op == "tempo":
        return f"speed it up {size}" if faster else f"make it {size} slower"
    head, _, last = base.rpartition(" ")
    if op in ("louder", "softer", "busier", "simpler") and last == op:
        return f"{head} {size} {last}"  # "make the kick a little louder"
    return f"{base} {size}"  # "swing the hats a little"


def how_much(heard: str, s: str, chosen: Intent, parse: object) -> Intent | None:
    """The question about the unread word where the change's size would be, offering the change at both
    sizes (each read by ``parse`` as that op), or None where no such word stands or no offer reads so."""
    word = amount_unread(heard, chosen)
    if word is None or not callable(parse):
        return None
    read = means_of(chosen.as_dict())
    op = str(read["op"])
    target = read.get("target")
    base = sentence_for(op, target if isinstance(target, str | list) else None, s, offered=True)
    if base is None and op != "tempo":
        return None
    faster = float(chosen.params.get("change_bpm", 0) or 0) >= 0
    offers = [_sized(op, base or "", size, faster) for size in SIZES]
    read_as = [parse(o) for o in offers]
    if any(means_of(r.as_dict()).get("op") != op for r in read_as) or read_as[0].params == read_as[1].params:
        return None  # a size the parser does not read ("a little louder" is louder): two offers, one act
    return unknown(heard, f"how much is '{word}': a little or a lot?", offers)
