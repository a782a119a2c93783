"""A Spanish command verb in any form a producer types, said as the form the tables know (issue 55).

The tables (``spanish_words.VERBS``) hold a verb once, as its imperative and its infinitive. A
producer from the River Plate types the imperative of "vos", stressed on its last vowel and often
without the accent ("corré", "volve", "deshace", "reescribi", "mostrá"), and glues the pronouns on
("sacale", "mostrame", "haceme", "buscame", "masterizame", "sácaselo"). ``known_form`` undoes both:

- the pronouns glued on (``spanish_words.CLITICS``, longest first: "-selo", "-melo", "-les", "-me",
  "-le", "-lo", "-la", "-nos", ...) are split off and kept after the verb;
- a vos form is its infinitive without the "r" ("correr" -> "corre", "volver" -> "volve",
  "reescribir" -> "reescribi", "mostrar" -> "mostra"), so the form plus "r" found among the table's
  infinitives is that verb: "mostrame" -> "mostrarme", "corré" -> "correr";
- a written accent on the last vowel ("rehacé", "dejá") marks the vos form even where the form
  without it is a table word of its own ("rehace", said as "rewrite"): the infinitive is read.

Guards: a word any table already reads is left as it is, and so is a word with two readings
(``spanish_context.CONTEXT``: "para" or "toca" is never a vos "parar" or "tocar"); a word the project's English sentences say (``english_words``)
is never read as a verb; the stem is at least three letters and ends in a, e or i.
"""

from __future__ import annotations

from functools import cache

from bridge.commands import spanish_words as w
from bridge.commands.english import english_words
from bridge.commands.spanish_context import CONTEXT

_STRESSED = frozenset("áéí")  # the vos imperative's written accent, on its last vowel


@cache
def _infinitives() -> frozenset[str]:
    """The table's verbs in their infinitive ("correr", "mostrar", "reescribir")."""
    return frozenset(v for v in w.VERBS if v.endswith(("ar", "er", "ir")))


def _vos(stem: str) -> str | None:
    """The infinitive of a vos form ("volve" -> "volver"), or None."""
    if len(stem) >= 3 and stem[-1] in "aei" and stem + "r" in _infinitives():
        return stem + "r"
    return None


def _read_by_table(folded: str) -> bool:
    """Whether a table reads the word as it is (as a verb with its pronouns too)."""
    if any(folded in t for t in (w.VERBS, w.OTHER_VERBS, w.NOUNS, w.WORDS, w.NUMBERS)):
        return True
    return any(folded.endswith(c) and folded[: -len(c)] in w.VERBS for c in w.CLITICS)


def known_form(folded: str, typed: str) -> str:
    """The form of a verb the tables know, its glued pronouns kept ("mostrame" -> "mostrarme", "corré"
    -> "correr"); any other word as it was. ``typed`` is the word as typed (its accent marks a vos form)."""
    if len(folded) < 4 or not folded.isalpha() or folded in english_words():
        return folded
    if folded in CONTEXT:
        return folded  # "para", "toca": a word with two readings, never a vos "parar"
    if typed and typed[-1].lower() in _STRESSED and (inf := _vos(folded)) is not None:
        return inf  # "rehacé": redo, though "rehace" is a table word
    if _read_by_table(folded):
        return folded
    if (inf := _vos(folded)) is not None:
        return inf
    for clitic in w.CLITICS:
        stem = folded[: -len(clitic)]
        if folded.endswith(clitic) and (inf := _vos(stem)) is not None:
            return inf + clitic
    return folded
