"""Spanish words with two readings, read from the words around them (``spanish.py``'s helper).

Each reading and why:

- "a": "to" after a Spanish word or before a Spanish article ("pásalo a G minor", "a los chords"),
  "at" before a number ("a 124") unless the tempo is being set ("sube el tempo a 140": to); after an
  English word it is the English article ("write me a bass line") and stays.
- "al": "into the" after "entrando"; "in the" before a section ("quítale los hats al segundo coro": the
  place of the change); "to" between bar numbers ("5 al 8"); else "to the".
- "para": "stop" when it begins its clause and no other verb is in it ("para el jam ya"); "so that"
  before "que"; else "for" ("un bajo para el coro", "chords para the verse").
- "solo": nothing before a verb ("solo quita las ghost notes": just remove them); kept as the command "solo" when it
  begins a clause with no other verb ("solo el bajo"); else "only" ("quiero solo el bombo").
- "tiempo": "beat" beside a number, an ordinal or "cada" ("en cada tiempo", "el tiempo 3"); else "tempo".
- "bajo"/"baja": "quiet" after a degree word ("está muy bajo"); else the bass (and "baja" the verb).
- "esta" typed without its accent: "is" before a degree word, a place or a participle ("esta muy
  fuerte", "esta desfasado"), else "this" ("esta take").
- "toca": "plays" after "que" ("un bajo que toca con el piano"); else the command "play".
- "muestra": "sample" after an article ("la muestra"), else "show".
- "entre": "between" when "y" follows in the clause, else "come in".
- "cambio": "change" after an article, else "changed" ("qué cambio entre ...").
- "no": "don't" before a verb ("no toques el bombo"), else "no".
- "dale": "ok" alone in its clause, "add" before "más", else "give it".
- "si": "yes" ending its clause or before another yes word ("dale, si", "si claro") with no verb said, else "if";
  "de una" alone in its clause "yes" (an answer: right away).
"""

from __future__ import annotations

import re

from bridge.commands import spanish_words as w
from bridge.commands.vocab import GENRES

SHORTHAND = {"q": "que", "k": "que", "xq": "porque", "pq": "porque", "tmb": "tambien", "x": "por"}
ACCENTED = {"está": "is", "están": "are", "qué": "what", "cómo": "how", "cuál": "which", "dónde": "where",
            "cuándo": "when", "cuánto": "how much", "cuántos": "how many", "cambió": "changed", "sí": "yes",
            "él": "he", "tú": "you"}  # fmt: skip
DETERMINERS = frozenset(("el", "la", "los", "las", "mi", "mis", "tu", "este", "esta", "ese", "esa", "esto", "eso",
                         "todo", "todos", "todas", "un", "una", "cada", "su", "sus", "aquel"))  # fmt: skip
DEGREE = frozenset(("muy", "mas", "demasiado", "demasiada", "esta", "estan", "poco", "poquito", "bien", "medio",
                    "tan", "re", "super", "bastante", "algo", "sonando", "suena", "queda"))  # fmt: skip
SECTIONS = frozenset(("coro", "estribillo", "estrofa", "verso", "puente", "intro", "outro", "drop", "breakdown",
                      "break", "final", "precoro", "principio", "chorus", "verse", "bridge", "hook"))  # fmt: skip
ORDINALS = frozenset(("primer", "primero", "primera", "segundo", "segunda", "tercer", "tercero", "tercera",
                      "cuarto", "ultimo", "ultima", "penultimo", "penultima", "cada"))  # fmt: skip
STATES = frozenset(
    ("en", "mal", "fuera", "fire", "perfecto", "lista", "listo", "como", "un", "una")
)  # "esta en"
STOPPED = frozenset(
    ("ya", "todo", "", "the", "my", "this", "it", "everything", "all")
)  # "para el jam", "para the jam"
FORMATS = frozenset(("midi", "audio", "wav", "mp3", "stem", "stems", "loop", "sample", "clip"))
INTERVALS = frozenset(
    (
        "quinta",
        "octava",
        "octavas",
        "tercera",
        "cuarta",
        "sexta",
        "septima",
        "semitono",
        "semitonos",
        "tono",
        "tonos",
        "fifth",
        "octave",
        "third",
        "semitone",
        "semitones",
        "step",
        "steps",
    )
)
TEMPO = frozenset(("tempo", "bpm", "velocidad"))
# English lengths an English article comes before ("a sixteenth later", "a beat earlier")
LENGTHS = frozenset(
    ("sixteenth", "eighth", "quarter", "triplet", "beat", "bar", "step", "semitone", "tick", "bit")
)
KEY_WORDS = frozenset(("mayor", "menor", "sostenido", "bemol"))
MODES = KEY_WORDS | {"minor", "major", "m", "sharp", "flat", "dorian", "phrygian", "lydian", "mixolydian"}
CONTEXT = frozenset(("a", "al", "para", "solo", "tiempo", "tiempos", "bajo", "bajos", "esta", "toca", "muestra",
                     "entre", "cambio", "dale", "no", "once", "menos", "del", "en"))  # fmt: skip
YES = frozenset(
    ("dale", "claro", "porfa", "va", "bro", "ok", "yes", "si", "pues", "obvio", "de")
)  # after "si"
INTO = ("conviert", "convertir", "transforma", "pasa", "pasar")  # "convierte este audio en midi": into


def _taking(word: str) -> bool:
    """Whether a word is a verb of taking something off ("saca", "sacale", "quitale")."""
    for clitic in ("", *w.CLITICS):
        if word.endswith(clitic) and w.VERBS.get(word[: len(word) - len(clitic)]) in ("remove", "take out"):
            return True
    return False


def _number(word: str) -> bool:
    return word.isdigit() or word in w.NUMBERS


def spanish_only(word: str) -> bool:
    """Whether a folded word is Spanish and no English word (it sets how its neighbours are read)."""
    if word in w.ENGLISH_TOO:
        return False
    tables = (w.VERBS, w.OTHER_VERBS, w.NOUNS, w.WORDS, w.NUMBERS)
    return word in CONTEXT or any(word in t for t in tables) or _is_verb(word)


def _is_verb(word: str) -> bool:
    return (
        word in w.VERBS
        or word in w.OTHER_VERBS
        or any(word.endswith(c) and word[: -len(c)] in w.VERBS for c in w.CLITICS)
    )


def clause_of(words: list[str], starts: frozenset[int], i: int) -> range:
    first = max(s for s in starts if s <= i)
    last = min((s for s in starts if s > i), default=len(words))
    return range(first, last)


def solfege_key(words: list[str], i: int) -> tuple[str, int] | None:
    """ "la menor" -> ("A minor", 2), "si bemol mayor" -> ("B flat major", 3); None when no key is said."""
    if words[i] not in w.SOLFEGE or i + 1 >= len(words) or words[i + 1] not in KEY_WORDS:
        return None
    said = [w.SOLFEGE[words[i]]]
    end = i + 1
    while end < len(words) and end < i + 3 and words[end] in KEY_WORDS:
        said.append(w.NOUNS[words[end]])
        end += 1
    return " ".join(said), end - i


def in_context(words: list[str], i: int, starts: frozenset[int]) -> str | None:
    """The reading of a word with two readings at ``i``, or None (not such a word: the tables read it)."""
    word = words[i]
    prev = words[i - 1] if i > 0 and i not in starts else ""
    nxt = words[i + 1] if i + 1 < len(words) and i + 1 not in starts else ""
    clause = clause_of(words, starts, i)
    verbs = [j for j in clause if j != i and _is_verb(words[j]) and words[j] not in CONTEXT]
    if word == "a":
        if prev and nxt and _number(prev) and _number(nxt):
            return "to"  # "los compases 5 a 8": bars 5 to 8
        if nxt in LENGTHS:
            return None  # "corré el bajo a sixteenth later": the English article
        if nxt and _number(nxt):
            return "to" if TEMPO & set(words[max(0, i - 3) : i]) else "at"
        if prev in ("vuelve", "volver") and nxt in w.VERBS:
            return ""
        if (
            nxt in DETERMINERS
            and SECTIONS & set(words[i + 1 : i + 4])
            and prev not in ("vuelve", "volver", "pasa")
        ):
            return "in"  # "quítale el shaker a la segunda estrofa": the place of the change
        if nxt in DETERMINERS and any(_taking(words[j]) for j in clause if j < i):
            return "from"  # "sacale el mute a los acordes": the mute taken off the chords
        back = next(
            (words[j] for j in range(i - 1, clause.start - 1, -1) if words[j] not in w.ENGLISH_TOO), ""
        )
        return "to" if nxt in DETERMINERS or (back and spanish_only(back)) else None
    if word == "al":
        if prev in ("entrando", "entrar", "entra", "entran", "llegando", "antes"):
            return "into the" if prev != "antes" else "before the"
        if _number(prev) and nxt and _number(nxt):
            return "to"
        if prev in ("siga", "sigan", "sigue", "seguir", "acompana", "acompane"):
            return "the"  # "un bajo que siga al bombo": follows the kick
        if prev not in ("vuelve", "volver", "pasa", "regresa", "salta") and SECTIONS & set(
            words[i + 1 : i + 3]
        ):
            return "in the"
        return "from the" if any(_taking(words[j]) for j in clause if j < i) else "to the"
    if word == "del":
        return "from" if nxt and (_number(nxt) or nxt in ("compas", "bar")) and "al" in words[i:] else None
    if word in ("el", "la", "los", "las") and nxt in ("compas", "compases", "tiempo", "tiempos"):
        return "" if i + 2 < len(words) and _number(words[i + 2]) else None
    if word in ("la", "lo", "las", "los") and nxt and nxt not in CONTEXT and _is_verb(nxt) and prev != "que":
        return "it"  # "y la subas", "lo quiero": the pronoun before its verb
    if word == "como" and (nxt in FORMATS or nxt in GENRES):
        return "as"  # "saca los drums como midi": as MIDI; "rehacé este clip como cumbia": as cumbia
    if word == "para":
        if nxt == "que":
            return "so"
        return "stop" if i in starts and not verbs and nxt in DETERMINERS | STOPPED else "for"
    if word == "solo":
        if nxt and _is_verb(nxt):
            return ""  # "just", which the rules read as "only" ("just remove the hats": keep only)
        return None if i in starts and not verbs else "only"
    if word in ("tiempo", "tiempos"):
        beat = prev in ORDINALS or _number(prev) or (nxt and _number(nxt))
        return ("beat" if word == "tiempo" else "beats") if beat else "tempo"
    if word in ("bajo", "baja", "bajos", "bajas"):
        if prev in DEGREE:
            return "quiet"
        return "bass" if word != "baja" else None
    if word == "esta":
        said = nxt in DEGREE | STATES or (nxt in w.WORDS and nxt not in DETERMINERS)
        return "is" if said or re.search(r"(ad|id)[oa]s?$", nxt) else "this"
    if word == "toca":
        return "plays" if prev == "que" else "play"
    if word == "muestra":
        return "sample" if prev in DETERMINERS | {"de", "una"} else "show"
    if word == "entre":
        return "between" if "y" in words[i : clause.stop] else "come in"
    if word == "cambio":
        return "change" if prev in DETERMINERS | {"otro", "ningun"} else "changed"
    if word == "no":
        return "don't" if nxt and _is_verb(nxt) else None
    if (
        word == "si" and not verbs and (not nxt or nxt in YES)
    ):  # "dale, si", "si claro": yes ("si suena bien": if)
        return "yes"
    if ((word, nxt) == ("de", "una") and len(clause) == 2) or (
        (prev, word) == ("de", "una") and len(clause) == 2
    ):
        return "yes" if word == "de" else ""  # "de una": right away, an answer
    if word == "dale":
        if not nxt or i + 1 in starts or nxt in YES:  # "dale bro", "dale si"
            return "ok"
        return "add" if nxt in ("mas", "un", "una") else "give it"
    if word == "once":
        return "eleven" if nxt in ("compases", "bars", "veces") or prev in ("los", "el", "compas") else None
    if word == "en" and any(words[j].startswith(INTO) for j in clause if j < i):
        return "into"
    if word == "en" and words[i + 1 : i + 3] == ["el", "compas"] and i + 3 < len(words):
        return "at" if _number(words[i + 3]) else None  # "en el compás 8": at bar 8
    if word == "menos":
        return "fewer" if nxt.endswith("s") else None
    return None


def verb_said(words: list[str], stem: str, clitic: str, after: list[str] | None = None) -> str:
    """A command verb with its joined pronouns in English: "hazme" make me, "cámbialo" change it.
    ``after``: the words after it in its clause ("subile un toque": no "a" names what "le" is, so it is
    the part said before, "turn it up")."""
    english = w.VERBS[stem]
    if english == "move" and "midi" in words:
        return "convert" + (" it" if clitic in w.OBJECT_CLITICS else "")
    if english == "move" and (MODES | INTERVALS) & set(words):
        return "move" + (" it" if clitic in w.OBJECT_CLITICS else "")  # "pásame los acordes a si bemol"
    if english == "fit" and not {"tempo", "cancion", "tema", "bpm", "song", "proyecto"} & set(words):
        english = "quantize"  # "cuadra el bajo": on the grid; "cuádralo al tempo": warped
    if english in ("raise", "lower") and not (INTERVALS | TEMPO | {"tiempo"}) & set(words):
        way = "up" if english == "raise" else "down"  # "súbele al bajo", "bájala un poco": the level
        named = {"a", "al", "el", "la", "los", "las"} | w.NOUNS.keys()  # what "le" stands for, said after it
        back = clitic in ("le", "les") and after is not None and not named & set(after)
        return f"turn it {way}" if clitic in w.OBJECT_CLITICS or back else f"turn {way}"
    joined = w.JOINED.get((english, clitic[:2] if clitic.startswith("me") else clitic))
    if joined is not None:
        english = joined
    elif clitic.startswith("me") and english in w.TAKES_ME:
        english += " me"
    if clitic in w.OBJECT_CLITICS:
        english += " it"
    return english


_ORDER = (
    (re.compile(r"\b(the|a|this|that|my) (track|channel) of (?:the |my )?(\w+)"), r"\1 \3 \2"),
    (
        re.compile(r"\b(the|my|this|that|these|those) (takes|versions|variations) of (?:the |my )?(\w+)"),
        r"\1 \3 \2",
    ),
    (
        re.compile(r"\b(the|this|that|my) (track|channel) ([A-Z][\w-]*)(?![\w-])"),
        r"\1 \3 \2",
    ),  # "la pista Guira"
    (
        re.compile(r"\ba (loop|clip|sample|recording) of (audio|midi)\b", re.I),
        r"an \2 \1",
    ),  # "un loop de audio"
    (re.compile(r"\b(\w+) (bars?|beats?|times) more\b"), r"\1 more \2"),
    (re.compile(r"\btake out ((?:the|my|these|those) \w+) of (?=this|that|the|my)"), r"take \1 out of "),
    (re.compile(r"^(the \w+), (\w+(?: up| down)?) it\b"), r"\2 \1"),
    (re.compile(r"\b(the|a|this|that|my) (\w+) (previous|new|next|whole|final)\b"), r"\1 \3 \2"),
    (re.compile(r"\bstyle (\w+)(?=\s*(?:[,.?!]|$))"), r"\1 style"),
    (re.compile(r"\b(turn up|turn down|solo|unsolo|mute|unmute|raise|lower) to the\b"), r"\1 the"),
    (re.compile(r"\b(unmute|unsolo) from the\b"), r"\1 the"),  # "quitale el mute al bajo": unmute the bass
    (re.compile(r"\b(turn up|turn down|raise|lower) (a little|a lot|more) to the (\w+)"), r"\1 the \3 \2"),
    (re.compile(r"\bremove (?:some |a few )?notes (?:to|of|from) the (\w+)"), r"thin out the \1"),
    (re.compile(r"\b(turn up|turn down) the volume (?:to|of|in) the (\w+)"), r"\1 the \2"),
    (re.compile(r"\bmake (?:me )?a fill\b"), r"add a fill"),
    (re.compile(r"\bremove (?:the )?swing (?:to|from|of|in) the (\w+)"), r"straighten the \1"),
    (re.compile(r"\b(star|unstar) (?:it )?to (?=this|that|the|my)"), r"\1 "),
    (re.compile(r"\bfrom bar (\w+)\b(?! (?:to|until|till|through|and)\b)"), r"from bar \1 on"),
)


def english_order(text: str) -> str:
    """A few Spanish word orders put in the English one: "the track of the congas" -> "the congas track"."""
    for said, meant in _ORDER:
        text = said.sub(meant, text)
    return text
