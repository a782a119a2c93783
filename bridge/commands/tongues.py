"""The sentence in the English the parser reads, or a question when most of it is not read (issue 55).

``in_english(heard)`` is the one step ``agree.parse`` takes first: a sentence holding Spanish is said in
English (``spanish.read``: the rules and the learned reading, whose encoder is English-only, both read
the English); an English sentence is returned as it was. A sentence whose content words are mostly
words nothing here reads is not acted on from the one or two English words it holds; it is asked
about. Words not read are:

- the common words of Portuguese, French, Italian and German that are no English word (``FOREIGN``),
  and any word left with a letter outside English's ("refrão", "più", "möchte");
- in a sentence read as Spanish, a word no Spanish table reads that is not on the list of English
  words the project's sentences say (``english_words.txt``, written by ``tools.corpus.english_words``)
  and not written with a capital (a name: "tipo Bad Bunny").

It is asked about when at least ``UNREAD`` such words are said and they are as many as the content words
read ("coloca mais bateria no refrão", "mets plus de basse dans le refrain").
"""

from __future__ import annotations

import re
from functools import cache

from bridge.commands import spanish
from bridge.commands.borrowed_words import borrowed
from bridge.commands.english import english_words

UNREAD = 2  # words not read before a sentence is asked about
QUESTION = (
    "most of that is in a language I do not read (I read English and a producer's Spanish): "
    "could you say it in English?"
)
# words that carry no content of their own (not counted either way)
FUNCTION = frozenset(
    "the a an of to in on at for with and or but is are was it its this that these those my me i you your "
    "by from so be please just now then ok can could would will do some no not don't has have had more less "
    "what which how where when why very too there here as like than if all every another other any".split()
)
# common words of Portuguese, French, Italian and German that are no English word (and no Spanish one the
# tables read: a sentence holding those is read as Spanish first)
FOREIGN = frozenset(
    # Portuguese
    "nao voce pra isso essa esse mais muito muita baixo refrao coloca deixa faz faca bota aumenta diminui "
    "abaixa musica compassos uma os nas com agora depois tambem obrigado umas num numa pelo pela "
    # French
    "le les une des du et est pour avec sans dans sur mets fais enleve ajoute monte baisse moins peu "
    "batterie basse mesures plait vous moi cette ca pas ne je veux voudrais fait au aux mettre enlever "
    "rends rajoute accords voix morceau la lourde lourd "
    # Italian
    "il gli di della dello dei delle nel nella piu metti togli alza abbassa fammi ritornello strofa "
    "battute voglio questo questa sono anche accordi aggiungi rendi canzone voce batteria "
    # German
    "der das dem ein eine einen einem und mit ohne fuer auf ist mach mache bitte lauter leiser "
    "schlagzeug takte takt nimm ich mochte moechte noch mehr weniger etwas zum zur vom beim fuge "
    "hinzu entferne strophe akkorde schneller langsamer".split()
)


@cache
def _read_words() -> frozenset[str]:
    """English words and function words together (joined once, not once per word of a sentence)."""
    return english_words() | FUNCTION


def unread(words: list[str], kept: tuple[str, ...] | None) -> list[str]:
    """The words of a sentence nothing reads: another tongue's, and (``kept``: the words a Spanish
    reading left as typed) those on no list of English words."""
    other = [x for x in words if not x.isascii() or spanish.fold(x) in FOREIGN]
    if kept is None:
        return other
    known = _read_words()
    left = [x for x in kept if x.isalpha() and len(x) > 2 and x[0].islower() and x.lower() not in known]
    return list(dict.fromkeys(other + left))


def in_english(heard: str) -> tuple[str, str | None]:
    """(the sentence in English, None), or (``heard``, a question) when most of it is not read. A part
    named in Portuguese, Italian or French ("o baixo", "la batterie": ``borrowed``) is read first."""
    heard = borrowed(heard)
    said = spanish.read(heard)
    english = heard if said is None else said.english
    words = re.findall(r"[^\W\d_]+", english)
    left = unread(words, None if said is None else said.kept)
    content = [x for x in words if x.lower() not in FUNCTION and x not in left]
    if len(left) >= UNREAD and len(left) >= len(content):
        return heard, QUESTION
    return english, None
