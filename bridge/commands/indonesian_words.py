"""Indonesian mixed into English said in the plain English the readers know (issue 55, round 34; the words from
round 34's set 148, a dangdut and koplo producer in Surabaya, and the common words of Indonesian chat).

``indonesian(text)`` is taken by ``plain_words.plain`` beside ``scots_words.scots``. Nothing changes in a
sentence without one of the markers English never says ("dong", "banget", "bikin", "buat", "terus", "yg",
"jangan", "naikin", ...). In a marked sentence: chat particles and address words are dropped ("dong", "deh",
"sih", "aja", "yuk", "mas", "ya"); the verbs a request starts with are said in English ("bikin" make, "kasih"
give me, "naikin" turn up, "cek" check, "jangan" don't); "terus" / "abis itu" between two requests is "then";
"dari awal" is "from the top", "lagi" "again", "sama" "and", "buat" "for"; a noun then "ini" / "itu" / "-nya"
is that noun with "this", "that" or "the" before it ("sample ini": this sample; "drums nya": the drums), and an
ordinal after its noun before it ("reff kedua": the second reff). Stdlib only.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE
# words English never says: any of them marks the sentence as Indonesian mixed in
_MARKERS = re.compile(
    r"\b(?:dong|deh|sih|banget|gak|nggak|ngga|aja|yuk|kok|bikin|bikinin|buatin|kasih|buat|terus|trus|yg|yang|"
    r"naikin|turunin|jangan|udah|tolong|gimana|lagunya|dari|cek|sisanya|kayak|gitu|nih|terlalu|lagi)\b",
    _I,
)
_ORDINALS = {
    "pertama": "first",
    "kedua": "second",
    "ketiga": "third",
    "keempat": "fourth",
    "terakhir": "last",
}
INDONESIAN: tuple[tuple[re.Pattern[str], str], ...] = (
    # the tempo raised or lowered, of the song: "naikin tempo lagunya 5 bpm": bump the tempo up 5 bpm
    (re.compile(r"\bnaikin (?:the )?tempo(?: (?:lagunya|lagu ini|nya))?\b", _I), "bump the tempo up"),
    (re.compile(r"\bturunin (?:the )?tempo(?: (?:lagunya|lagu ini|nya))?\b", _I), "bring the tempo down"),
    (re.compile(r"\b(?:yg|yang) (?:ini|itu)\b", _I), "this one"),  # "yg ini jelek": this one is bad
    (re.compile(r"\bjelek\b", _I), "bad"),
    # a noun then "ini" / "itu" / "-nya": "this", "that", "the" before it (before the words below are said)
    (re.compile(r"\b(?:lagu|song) ?(?:ini|nya)\b", _I), "this song"),
    (re.compile(r"\b(?!(?:dari|yg|yang|buat|sama|terus)\b)([a-z]+) ini\b", _I), r"this \1"),
    (re.compile(r"\b(?!(?:dari|yg|yang|buat|sama|terus|abis|habis)\b)([a-z]+) itu\b", _I), r"that \1"),
    (re.compile(r"\b([a-z]{3,}?) ?nya\b", _I), r"the \1"),
    (re.compile(r"\b([a-z]+) (" + "|".join(_ORDINALS) + r")\b", _I), r"\2 \1"),
    *((re.compile(rf"\b{word}\b", _I), english) for word, english in _ORDINALS.items()),
    (re.compile(r"\b(?:terus|trus|lalu|(?:terus )?(?:abis|habis) (?:itu|tu))\b", _I), "then"),
    (re.compile(r"\bdari awal\b", _I), "from the top"),
    (re.compile(r"\bdari\b", _I), "from"),
    (re.compile(r"\b(?:bikinin|bikin|buatin)\b", _I), "make"),
    (re.compile(r"\bkasih\b", _I), "give me"),
    (re.compile(r"\bnaikin\b", _I), "turn up"),
    (re.compile(r"\bturunin\b", _I), "turn down"),
    (re.compile(r"\bjangan\b", _I), "don't"),
    (re.compile(r"\bcek\b", _I), "check"),
    (re.compile(r"\btolong\b", _I), "please"),
    (re.compile(r"\bsisanya\b", _I), "the rest"),
    (re.compile(r"\budah (?=oke|ok|bagus|enak)", _I), "is "),
    (re.compile(r"\blagi\b", _I), "again"),
    (re.compile(r"\bsama\b", _I), "and"),
    (re.compile(r"\bbuat\b", _I), "for"),
    (re.compile(r"\b(?:yg|yang)\b", _I), "that"),
    (re.compile(r"\blagu\b", _I), "song"),
    (re.compile(r"\bkayak\b", _I), "like"),
    (re.compile(r"\bterlalu\b", _I), "too"),
    (re.compile(r"\b(?:keras|kenceng)\b", _I), "loud"),
    (re.compile(r"\bpelan\b", _I), "quiet"),
    # chat particles and address words: no word of the request
    (re.compile(r",? ?\b(?:dong|deh|sih|aja|yuk|kok|nih|tuh|gitu|mas|mbak|kak|ya)\b,?", _I), " "),
)


def indonesian(text: str) -> str:
    """The sentence with its Indonesian said plainly (see the module docstring)."""
    if not _MARKERS.search(text):
        return text
    for said, meant in INDONESIAN:
        text = said.sub(meant, text)
    return " ".join(text.split())
