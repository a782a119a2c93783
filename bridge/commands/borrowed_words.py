"""Part, voice and feel words of Portuguese, Spanish, Italian and French said in English (issue 55).

A producer writing English in a second language names the parts in the first one: "more swing in o
baixo", "mute a bateria", "solo il basso", "quantize la basse", "transpose les accords", "the guitarra".
``borrowed(text)`` says those words in English before anything reads the sentence (``tongues.in_english``
takes it first, so the rules and the learned reading both read "the bass"). Accents are folded
("violão", "batería", "mélodie"). The table is ``PARTS`` (a word -> the English part, voice or feel).

What is read, and what never is:

- a word of ``PARTS`` after an article of those tongues ("o", "a", "os", "as", "la", "il", "lo", "i",
  "gli", "le", "les", "l'", "um", "uma", "un", "una", "une", "na", "nella"): the article said as "the"
  ("a" for "um", "un", ...; "in the" for "na", "nella"); Spanish's own ("el bajo", "la batería", "los
  acordes") are left to the Spanish reading (``spanish``), which reads them with the rest of a Spanish
  sentence;
- a word of ``PARTS`` that is no English word (``ALONE``: "baixo", "batida", "batterie", "suingue" ...)
  wherever it is said (one that is Spanish too, "bateria", "acordes", is left to the Spanish reading);
  "bajo", "basse", "basso", "caja", "voce" ... only after an article (each is an English or Spanish
  word too: "basse" is low, "bajo" under);
- a sentence asking MusicGen for audio ("an audio loop of cavaquinho and pandeiro", "a loop of cuica and
  pandeiro": ``musicgen_words.STRONG_TRIGGERS``) keeps its words: its prompt is the sentence as written
  (the learned reading still sees the parts in English: ``statements.for_reading``);
- an article alone is never a part ("a", "o", "la" stay as they are: "a bass", "la" the note), and a
  word said before "track" or "channel" is a track's name ("mute the violão track": Live's "Violão").

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re
import unicodedata

from bridge.commands.musicgen_words import STRONG_TRIGGERS, anywhere
from bridge.commands.spanish import fold

# a part, voice or feel word of Portuguese, Spanish, Italian or French (accents folded) -> the English one
PARTS = {
    # the bass
    "baixo": "bass", "bajo": "bass", "basso": "bass", "basse": "bass", "contrabaixo": "bass",
    "grave": "bass",  # Brazil's producers' "o grave" (the low end); an English word, read only after an article
    # the drums and the beat
    "bateria": "drums", "batteria": "drums", "batterie": "drums", "batida": "beat", "ritmo": "beat",
    "groove": "groove", "levada": "groove",
    # the chords, the melody, the keys
    "acordes": "chords", "accordi": "chords", "accords": "chords", "harmonia": "chords",
    "melodia": "melody", "melodie": "melody", "teclado": "keys", "teclados": "keys", "tastiera": "keys",
    "clavier": "keys",
    # guitars and voices (no part of their own: read as an English speaker's "the guitar", "the vocals")
    "violao": "guitar", "guitarra": "guitar", "chitarra": "guitar", "guitare": "guitar",
    "voz": "vocals", "voce": "vocals", "voix": "vocals", "vocais": "vocals",
    # drum voices
    "bumbo": "kick", "bombo": "kick", "cassa": "kick", "caixa": "snare", "caja": "snare", "rullante": "snare",
    "chimbal": "hats", "prato": "crash", "palmas": "claps", "pandeiro": "percussion", "percussao": "percussion",
    "percusion": "percussion", "percussioni": "percussion",
    # swing said as a Brazilian writes it
    "suingue": "swing", "swingue": "swing", "suingado": "swing", "swing": "swing",
}  # fmt: skip
# the words of PARTS that are no English word: read with no article before them ("the guitarra")
ALONE = frozenset(
    "baixo contrabaixo bateria batteria batterie batida acordes accordi melodie tastiera violao "
    "guitarra chitarra guitare vocais bumbo caixa rullante chimbal pandeiro percussao percussioni "
    "suingue swingue suingado".split()
)
# an article of those tongues -> the English said in its place
ARTICLES = {
    "o": "the", "a": "the", "os": "the", "as": "the", "la": "the",
    "il": "the", "lo": "the", "i": "the", "gli": "the", "le": "the", "les": "the", "l'": "the",
    "um": "a", "uma": "a", "un": "a", "una": "a", "une": "a", "uno": "a",
    "na": "in the", "nella": "in the", "nel": "in the",
}  # fmt: skip
# Spanish's own part words: after a Spanish article ("la batería", "una guitarra") the Spanish reading
# reads them with the rest of a Spanish sentence ("pasa los acordes a do mayor"), so they are left to it
SPANISH = frozenset(
    "bajo bateria acordes melodia guitarra caja bombo teclado teclados voz percusion ritmo".split()
)
# an English article that the same words are said after ("the guitarra", "my baixo")
_ENGLISH = r"the|my|this|that|your|our"
_AFTER = r"(?!\s*(?:tracks?|channels?)\b)"  # "the violão track" is a track's name, not a part


_WORDS = "|".join(sorted(PARTS, key=len, reverse=True))
_ARTS = "|".join(sorted((re.escape(a) for a in (*ARTICLES, "el", "los", "las")), key=len, reverse=True))
# an article (foreign or English) and a part word: "o baixo", "les accords", "l'accords", "the guitarra"
_WITH_ARTICLE = re.compile(rf"(?<![\w'])(?:({_ARTS}|{_ENGLISH})(?:\s+|(?<=')))?\b({_WORDS})\b{_AFTER}", re.I)


def _said(m: re.Match[str]) -> str | None:
    """The English for one match of ``_WITH_ARTICLE``, or None where it stays as typed."""
    article, word = (m.group(1) or "").lower(), m.group(2).lower()
    alone = word in ALONE
    if not article:  # "the guitarra" has its article; "baixo" alone only where no English word is said
        return PARTS[word] if alone and word not in SPANISH else None  # "bateria" alone: Spanish's reading
    if article in ("el", "los", "las") or (article in ("la", "un", "una") and word in SPANISH):
        return None  # "la batería", "los acordes": Spanish's own, read with the rest of its sentence
    if not alone and article in ("a", "i", "lo"):  # "a bass", "a groove", "lo swing": English too
        return None
    return f"{ARTICLES.get(article, article)} {PARTS[word]}"


# German said in English by a Berlin producer ("Schlagzeug half time", "kick lauter", "noch mal the drums",
# "mute track 3 bitte"): none of these is an English word, so each is read wherever it is said; a German
# article is read as "the" only before one of the part words ("das Schlagzeug", "die Akkorde": "die", "der"
# before an English word stay English)
GERMAN = {
    "schlagzeug": "drums", "akkorde": "chords", "melodie": "melody", "leiser": "quieter", "lauter": "louder",
    "nochmal": "again", "noch mal": "again", "bitte": "please",
}  # fmt: skip
_GERMAN = re.compile(
    r"(?<![\w'])(?:(?:das|die|der|den|dem) (?=schlagzeug|akkorde|melodie))?(noch mal|"
    + "|".join(w for w in GERMAN if " " not in w)
    + r")(?![\w'])"
)


# German words read by nothing here: a sentence still holding one after ``GERMAN`` is read is German more
# than English ("mach das Schlagzeug lauter im Refrain") and is kept as typed, to be asked about (``tongues``)
GERMAN_UNREAD = frozenset(
    "der das dem den ein eine einen einem und mit ohne fuer fur auf ist mach mache macht takte takt nimm ich "
    "mochte moechte mehr weniger etwas zum zur vom beim fuge hinzu entferne strophe schneller langsamer".split()
)


def german(text: str) -> str:
    """The sentence with German part, loudness and "again"/"please" words said in English (``GERMAN``);
    its length may change (read after ``borrowed``'s own table). A sentence more German than that is
    returned as it was (``GERMAN_UNREAD``)."""
    folded = fold(text)
    if len(folded) != len(text) or _GERMAN.search(folded) is None:
        return text
    out, at = [], 0
    for m in _GERMAN.finditer(folded):
        said = GERMAN[m.group(1)]
        out += [text[at : m.start()], ("the " if m.start() != m.start(1) else "") + said]
        at = m.end()
    said = "".join(out) + text[at:]
    return text if GERMAN_UNREAD & set(re.findall(r"[a-z]+", fold(said))) else said


def borrowed(text: str, prompt_as_written: bool = True) -> str:
    """The sentence with its parts, voices and feels of another tongue said in English (module docstring);
    ``prompt_as_written=False``: a MusicGen sentence's too (what the learned reading sees: ``for_reading``)."""
    text = german(unicodedata.normalize("NFC", text))
    folded = fold(text)  # lower case, accents folded
    if len(folded) != len(text):  # a letter that folds to two: read as typed
        return text
    words = " " + " ".join(re.findall(r"[\w']+", folded)) + " "
    if prompt_as_written and (anywhere(words) or any(f" {t} " in words for t in STRONG_TRIGGERS)):
        return text
    out, at = [], 0
    for m in _WITH_ARTICLE.finditer(folded):
        said = _said(m)
        if said is None or folded[m.start() : m.end()] == said:
            continue
        out += [text[at : m.start()], said]
        at = m.end()
    return "".join(out) + text[at:] if out else text
