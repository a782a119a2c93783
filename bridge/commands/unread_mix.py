"""A request mixed with a tongue no table reads: asked, never acted on from its English words alone (issue 55).

``tongues.in_english`` asks about a sentence whose content words are *mostly* unread. A writer mixing English
with a tongue the project has no table for ("beesu mou 2 version onegaishimasu", "calme la basse dans le
couplet, y'a full trop de notes") says the part and value words in English, so that check does not fire, and
the readers acted on the English words alone: the part said in the other tongue dropped (a vary of the
selected clip), the section dropped (the whole clip changed), the second request after an unread "and then"
lost, an unread count ("deux fois") acted as once.

A word is *unread* (``unread``) when no reader knows it in any tongue: it is three letters or more, not on the
list of English words the project's sentences say (``english_words``), not a whole word of the sentence
encoder's vocabulary (common English words and names), not one edit from an English word of four letters or
more (English typed fast: "quantaize", "littel", "louderr"), not a word of the Spanish or Hinglish tables, nor
of a part, drum voice, section, instrument or style, and not written with a capital (a name, a track); the
common words of the tongues ``tongues.FOREIGN`` lists, and a word with a letter outside English's, are unread
whatever their length. An English contraction ("didn't") is read; an elision ("c'est") is judged by its parts.

Where it asks (``unread_needed``: the first such word, asked about as ``unexplained`` asks about a word the
reading leaves out, "did you mean ... with 'word'?", the likeliest reading its first suggestion):

- a *mixed clause*: a clause (cut at punctuation) holding a word that names something (a word of
  ``unexplained.table`` that is no function word, a part, a voice, a section; or a number) and at least
  ``MIXED`` unread words: they stand inside the request, where its verb, part, section, count or joining
  word may be ("calme la basse dans le couplet", "undo ça deux fois", "..., sorekara kick wo sukoshi ookiku");
- a *crowded clause*: ``CROWDED`` unread words in a clause naming nothing ("nanka chotto hen desu");
- a *missing part*: the request acts on a part but was read with none (the selected clip), says no "it",
  "this", "that" or "clip", and an unread word comes before its first word a reader knows (the topic's place:
  "doramu ga kikai mitai desu. humanize onegaishimasu");
- the *verb's place*: a new part read from a part word alone, the sentence's first word unread and its
  clause naming the part ("monte les chords en D minor").

Unread words only around a complete request do not stop it: one unread word in a clause (a greeting, a
thanks, a slang word: "kick is too quiet manje, push it up") and two in a clause naming nothing ("...,
ficou lindo, star it") leave the request as read. A sentence in a tongue a table reads (Hinglish, patois,
pidgin; Spanish holding no other tongue's common word) is left to that reader's checks (``tabled``). A
MusicGen prompt is not judged (its words are the sound described), but the request said at its head in the
other tongue is cut from it (``prompt_without_request``: "une loop audio de dusty rhodes").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache

from bridge.commands import spanish
from bridge.commands import vocab as v
from bridge.commands.english import english_words
from bridge.commands.intent import Intent
from bridge.commands.key_slips import slip_of
from bridge.commands.region_words import SECTIONS
from bridge.commands.spelling import edits
from bridge.commands.tongues import FOREIGN, FUNCTION
from bridge.commands.track_words import INSTRUMENTS

MIXED = 2  # unread words in one clause that also names something
CROWDED = 3  # unread words in one clause that names nothing: the request's own words may be among them
SHORTEST = 3  # a shorter word is never judged unread unless another tongue's common word ("la", "je")
COMMON_FROM = 3  # the encoder's whole words this long or longer are read as English
TYPO_FROM = 4  # an English word this long, one edit off, is a typo of it
CLAUSES = re.compile(
    r"[,.;:!?()]+|\s-\s"
)  # where a sentence's clauses part (public: unread_joins, unread_amounts)
_NUMBER = re.compile(
    r"(?<![^\W\d_])\d"
)  # a number, not a digit glued after a word ("sedih2": sad, said twice)
WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d")  # a sentence's words as the unread readers count them
POINTERS = frozenset(  # words that point at the selected clip, no name
    ("it", "this", "that", "these", "those", "clip", "clips", "selection", "them", "everything")
)
_CONTRACTED = frozenset(("t", "s", "re", "ve", "ll", "d", "m"))
_TYPED: ContextVar[str | None] = ContextVar("typed_sentence", default=None)
_NO_PART = frozenset(
    ("generate", "musicgen", "undo", "redo", "transport", "jam", "tempo", "key", "scale", "meter")
)


@cache
def _known() -> frozenset[str]:
    """Every word some reader knows: English, common English of the encoder, the tables' and the vocabulary's."""
    from bridge.commands import hinglish_table as ht
    from bridge.commands import spanish_words as sw
    from bridge.commands.unknown_slots import _common

    tables: set[str] = set(ht.MARKERS)
    for said in (sw.VERBS, sw.OTHER_VERBS, sw.NOUNS, sw.WORDS, sw.NUMBERS, ht.VERBS, ht.HOW, ht.WORDS):
        tables.update(w for phrase in said for w in str(phrase).split())
    common = {w for w in _common() if len(w) >= COMMON_FROM}
    return frozenset(english_words() | FUNCTION | common | tables | named_words())


@cache
def named_words() -> frozenset[str]:
    """The words of a part, drum voice, section, instrument or style, and a fade's score words ("crescendo")."""
    from bridge.commands.automate_words import SCORE_WORDS
    from bridge.commands.change_words import VOICES

    said = (*v.PARTS, *VOICES, *v.GENRES, *v.WORLD_STYLES, *SECTIONS, *INSTRUMENTS, *SCORE_WORDS)
    return frozenset(w for phrase in said for w in phrase.split())


@cache
def _typed_for() -> frozenset[str]:
    """The English words a typo is judged against (an index of their edits would cost seconds to build: the
    word's own edits are looked up instead, only for a word no list holds)."""
    return frozenset(w for w in english_words() if len(w) >= TYPO_FROM)


@lru_cache(maxsize=4096)  # judged several times a sentence (its clauses, the missing part's place)
def unread(word: str, slips: bool = False) -> bool:
    """Whether no reader knows ``word`` in any tongue (module docstring). A word with an apostrophe is an
    English contraction ("didn't", "we're") or judged by its parts ("c'est", "d'une": "est", "une"); one typed
    without it ("didnt", "isnt") is read. ``slips``: an English word's typo only by a slip of the fingers
    (``key_slips``: "sama" is no "same"), as ``unread_joins`` judges one word alone."""
    if "'" in word:
        head, _, tail = word.lower().rpartition("'")
        if len(head) > 1 and tail in _CONTRACTED:
            return False
        return any(unread(part, slips) for part in (head, tail) if part)
    low = word.lower()
    if not low.isascii() or spanish.fold(low) in FOREIGN:
        return True
    if len(low) < SHORTEST or word[0].isupper() or not low.isalpha():
        return False
    known = _known()
    if (
        low in known
        or (low.endswith("s") and low[:-1] in known)
        or (low.endswith("nt") and low[:-2] in known)
    ):
        return False
    if len(low) < TYPO_FROM:
        return True
    return not (slip_of(low, _typed_for()) if slips else not edits(low).isdisjoint(_typed_for()))


@cache
def _naming() -> frozenset[str]:
    from bridge.commands.unexplained import table

    return frozenset(w for w in table() if w.isalpha() and w not in FUNCTION) | named_words()


@contextmanager
def typed(text: str) -> Iterator[None]:
    """While a sentence is read: the sentence as typed (a table's tongue is judged on it, ``tabled``)."""
    token = _TYPED.set(text)
    try:
        yield
    finally:
        _TYPED.reset(token)


def typed_now() -> str | None:
    """The sentence as typed while one is read (inside ``typed``); None outside a reading."""
    return _TYPED.get()


def tabled() -> bool:
    """Whether the sentence being read is in a tongue a table reads (Spanish, Hinglish, patois, pidgin): its
    words no table holds are that reader's gaps, asked about by its own checks (``tongues``), not here."""
    from bridge.commands.hinglish_words import marked
    from bridge.commands.patois_words import patois
    from bridge.commands.pidgin_words import pidgin

    text = typed_now()
    if text is None:
        return False
    if marked(text) or patois(text) != text or pidgin(text) != text:
        return True
    other = any(spanish.fold(w) in FOREIGN for w in re.findall(r"[a-z]+", text.lower()))  # "les", "je"
    return not other and spanish.read(text) is not None


def unread_needed(heard: str, chosen: Intent) -> str | None:
    """The first unread word standing where the reading of ``heard`` needs one, or None (module docstring)."""
    if not chosen.understood or chosen.action == "musicgen" or chosen.params.get("do") == "name":
        return (
            None  # a prompt's or a take's name's words are the producer's own ("name this take farah banger")
        )
    clauses = [WORDS.findall(c) for c in CLAUSES.split(heard)]
    flagged = [[w for w in c if w[0].isalpha() and unread(w)] for c in clauses]
    if not any(flagged) or tabled():
        return None
    naming = _naming()
    numbers = [bool(_NUMBER.search(c)) for c in CLAUSES.split(heard)]  # "sedih2" says no number
    names = [n or any(w.lower() in naming for w in c) for c, n in zip(clauses, numbers, strict=True)]
    for c, named in zip(flagged, names, strict=True):
        if len(set(c)) >= (MIXED if named else CROWDED):
            return c[0]
    verb = clauses[0][:1]  # "monte les chords en D minor": the verb's place, before the part it makes
    if chosen.action == "generate" and verb and verb[0] in flagged[0] and names[0]:
        return verb[0]
    words = [w for c in clauses for w in c]
    if chosen.part is None and chosen.action not in _NO_PART and not POINTERS & {w.lower() for w in words}:
        first = next(
            (i for i, w in enumerate(words) if not unread(w) and w.lower() not in FUNCTION), len(words)
        )
        ahead = [w for w in words[:first] if unread(w)]
        if ahead:
            return ahead[0]
    return None


_ASKING = frozenset(
    ("loop", "loops", "audio", "sample", "musicgen", "a", "an", "of")
)  # a MusicGen request's words


def prompt_without_request(prompt: str) -> str:
    """A MusicGen prompt without the request said at its head in a tongue no table reads ("une loop audio de
    dusty rhodes": "dusty rhodes"; "loop onegai: rainy Tokyo street"): the head's words, up to the first word
    a reader knows that is no request word, are cut when they hold a request word and an unread word."""
    words = prompt.split()
    head = 0
    asked = said = False
    for word in words:
        bare = word.strip(",.:;!?").lower()
        if bare in _ASKING:
            asked = True
        elif bare and (unread(bare) or (len(bare) < SHORTEST and bare not in english_words())):
            said = True
        else:
            break
        head += 1
    return " ".join(words[head:]) if asked and said and 0 < head < len(words) else prompt
