"""Spoken numbers to digits: "one hundred twenty", "a hundred and five", "one twenty", "16".

Pure and stdlib only. Works on lists of lower-case words; the result replaces each spoken
number by its digits so later patterns only deal with ``\\d+``.
"""

from __future__ import annotations

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS = frozenset([*UNITS, *TEENS, *TENS, "hundred"])
PRONOUN_ONE_AFTER = frozenset(
    ["another", "that", "this", "the", "new", "different", "other"]
)  # "another one"


def _below_hundred(words: list[str], i: int) -> tuple[int, int] | None:
    """Parse 0..99 at words[i]; returns (value, next index) or None."""
    if i >= len(words):
        return None
    w = words[i]
    if w.isdigit() and len(w) <= 2:
        return int(w), i + 1
    if w in TEENS:
        return TEENS[w], i + 1
    if w in TENS:
        value = TENS[w]
        if i + 1 < len(words) and words[i + 1] in UNITS and words[i + 1] != "zero":
            return value + UNITS[words[i + 1]], i + 2
        return value, i + 1
    if w in UNITS:
        return UNITS[w], i + 1
    return None


def _number_at(words: list[str], i: int) -> tuple[int, int] | None:
    """Parse one spoken number starting at words[i] (up to 999)."""
    w = words[i]
    if w.isdigit():
        return int(w), i + 1
    hundreds = 0
    j = i
    if w == "a" and i + 1 < len(words) and words[i + 1] == "hundred":
        hundreds, j = 1, i + 2
    elif w == "hundred":
        hundreds, j = 1, i + 1
    elif w in UNITS and i + 1 < len(words) and words[i + 1] == "hundred":
        hundreds, j = UNITS[w], i + 2
    elif w in UNITS and w != "zero" and i + 1 < len(words) and words[i + 1] in TENS | TEENS:
        rest = _below_hundred(words, i + 1)  # "one twenty" = 120, as tempos are spoken
        assert rest is not None
        return UNITS[w] * 100 + rest[0], rest[1]
    if hundreds:
        if j < len(words) and words[j] == "and" and j + 1 < len(words) and words[j + 1] in NUMBER_WORDS:
            j += 1
        rest = _below_hundred(words, j) if j < len(words) and not words[j].isdigit() else None
        if rest is not None:
            return hundreds * 100 + rest[0], rest[1]
        return hundreds * 100, j
    return _below_hundred(words, i)


def words_to_digits(words: list[str]) -> list[str]:
    """Replace every spoken number in ``words`` by its digits; other words pass through."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        starts_number = (
            w in NUMBER_WORDS
            or w.isdigit()
            or (w == "a" and i + 1 < len(words) and words[i + 1] == "hundred")
        )
        if w == "one" and out and out[-1] in PRONOUN_ONE_AFTER:
            starts_number = False
        if starts_number:
            parsed = _number_at(words, i)
            if parsed is not None:
                out.append(str(parsed[0]))
                i = parsed[1]
                continue
        out.append(w)
        i += 1
    return out


# a number word typed with one slip ("thrity", "sixten", "eigth", "fourty") is read as that number where
# a count or a tempo follows it ("thrity-two bars", "sixten bars", "at nintey"); never an ordinal or an
# English word a slip away ("fifth bar", "there", "seven" from "even")
SLIPPED_BEFORE = frozenset({"bars", "bar", "measures", "measure", "bpm", "beats", "versions", "takes",
                            "variations", "semitones", "times", "more", "different"})  # fmt: skip
NOT_SLIPS = frozenset({"fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "fourth", "forth", "there",
                       "these", "those", "tree", "often", "eighty", "fifteenth", "twelfth", "sixtieth"})  # fmt: skip
SLIP_MIN = 5  # a shorter number word ("four", "nine", "ten") is one letter from too many words


def slips_read(words: list[str], known: frozenset[str] = frozenset()) -> list[str]:
    """``words`` with a number word typed one letter off read as that number where a count or tempo
    follows it (a word of ``known`` or ``NOT_SLIPS`` is left as it is)."""
    from bridge.commands.edits import one_edit

    out = list(words)
    for i, w in enumerate(words):
        if len(w) < SLIP_MIN or w in NUMBER_WORDS or w in NOT_SLIPS or w in known or not w.isalpha():
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        counted = nxt in SLIPPED_BEFORE or nxt in NUMBER_WORDS or nxt.isdigit()
        if not counted and not (i > 0 and words[i - 1] == "at" and nxt in ("", "bpm")):
            continue
        near = [n for n in NUMBER_WORDS if len(n) >= SLIP_MIN and one_edit(w, n)]
        if len(near) == 1:
            out[i] = near[0]
    return out


def number_to_words(n: int) -> str:
    """0..999 as spoken words ("32" -> "thirty two", "174" -> "one hundred and seventy four")."""
    if not 0 <= n <= 999:
        raise ValueError(f"number {n} is outside 0..999")
    by_value = {value: word for table in (UNITS, TEENS, TENS) for word, value in table.items()}
    if n >= 100:
        head = f"{by_value[n // 100]} hundred"
        return head if n % 100 == 0 else f"{head} and {number_to_words(n % 100)}"
    if n in by_value:
        return by_value[n]
    return f"{by_value[n - n % 10]} {by_value[n % 10]}"
