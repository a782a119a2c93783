"""A sentence made ready for phrase spotting: lower case, the key taken out, numbers as digits.

Keys are pulled out first ("F sharp minor", "Bb major", "c#m") and replaced by ``_key_``; a typed
separation model name is taken out whole; spoken numbers become digits; the result is padded with
spaces so that a phrase is found as " phrase ".
"""

from __future__ import annotations

import re
from functools import lru_cache

from bridge.commands import fillers
from bridge.commands import vocab as v
from bridge.commands.amount_words import plainly
from bridge.commands.camelot import as_named_keys
from bridge.commands.counts import as_counted
from bridge.commands.drumline_words import drums_plainly
from bridge.commands.learner_amounts import amounts_read
from bridge.commands.loose_counts import counted
from bridge.commands.misheard import as_parts
from bridge.commands.numbers import slips_read, words_to_digits
from bridge.commands.slipped_numbers import joined, ordinals_read
from bridge.commands.sound_words import by_sound
from bridge.commands.spanish import unaccented
from bridge.commands.speech_habits import plainly_said
from bridge.commands.spelling import corrected
from bridge.commands.take_counts import recounted
from bridge.commands.track_words import called
from bridge.commands.unit_words import counts_as_bars, unjoined
from bridge.commands.verb_last import reordered
from bridge.commands.whole_words import as_everything
from bridge.protocol import SEPARATION_MODELS

_MODE_ALT = "|".join(sorted((re.escape(m) for m in v.MODES), key=len, reverse=True))
_KEY_WITH_MODE = re.compile(
    rf"(?<![a-z0-9])([a-g])\s?(sharp|flat|#|b)?\s?({_MODE_ALT})(?![a-z])|(?<![a-z0-9])([a-g])(#|b)?m(?![a-z])"
)
_KEY_WITHOUT_MODE = re.compile(
    r"(?<=key of |key to )([a-g])\s?(sharp|flat|#|b)?(?![a-z])|(?<=key )([a-g])(?![a-z])"
    r"|(?<=in )([a-g])\s?(sharp|flat|#|b)?(?=\s*(?:$|[,.;]| for | with ))"  # "chords in G"
    # a dictated run-on after the key: "a bass line in g please", "in d the singer likes it low" (not "in a")
    r"|(?<=in )([b-g])\s?(sharp|flat|#|b)?(?= (?:please|pls|thanks|thank you|the|so|because|cause|cuz|and|but)\b)"
)


# Slips of typing that are never a word of their own ("solo teh bass")
TYPOS = {"teh": "the", "hte": "the", "qunatize": "quantize", "quantise": "quantize", "drusm": "drums",
         "bas": "bass", "melodie": "melody", "tempoo": "tempo", "semis": "semitones", "semi": "semitone",
         "pls": "please", "plz": "please", "eigth": "eighth", "eigths": "eighths", "eihgth": "eighth",
         "sixteeth": "sixteenth", "sixtenth": "sixteenth", "sixteeths": "sixteenths",  # never a number said
         "gost": "ghost", "ghots": "ghost",  # "a few gost notes on the snare"
         "em": "it"}  # "em" after "in"/"key" is E minor, taken out before these  # fmt: skip
# Slang spelled as it is said ("gimme a bassline", "lemme hear it", "tryna get a groove")
SLANG = {"gimme": "give me", "lemme": "let me", "tryna": "trying to", "gonna": "going to", "wanna": "want to",
         "gotta": "got to", "kinda": "kind of", "sorta": "sort of", "outta": "out of", "lotta": "lot of",
         "lil": "little"}  # fmt: skip
_SLANG = re.compile(r"\b(" + "|".join(SLANG) + r")\b")
# "another go at the bass, a couple more maybe so i can pick": two more takes, the takes unsaid
_COUPLE_MORE = re.compile(
    r"\b(?:a|another) couple(?: of)? more(?= *(?:$|[,.!?;]|maybe|please|pls|plz|so |of (?:those|them|these)|and |then |bars?\b|measures?\b|times\b))"
)
# every part said another way is "all the parts": "all four parts", "the whole lot", "the full band"
_EVERY_PART = re.compile(
    r"\b(?:all (?:four |4 )?(?:of the |of my )parts|all (?:four|4) parts|(?:every|each) (?:single )?(?:part|instrument)|all (?:the |my )?"
    r"instruments|the whole lot|the (?:full|whole) band)\b"
)
# "the 808" of a beat maker is the bass (an 808 kick, hats or a whole 808 kit are drums)
_808_BASS = re.compile(
    r"\b808s?\b(?! ?(?:drums?|kit|kicks?|snares?|hats?|hi ?hats?|claps?|cowbells?|toms?|rims?|cymbals?|beats?|"
    r"grooves?|machine|percussion|perc|sounds|tracks?|channels?|bus|group)\b)"
)
# a producer's words for a part that are not English part names: Spanish "el bajo" is the bass; "the
# dembow" (reggaeton's beat) is the drums, and "dembow" before a beat word is the genre; "boom bap" is hip-hop
_OTHER_TONGUE = (
    (re.compile(r"\b(?:el|the|my|our) bajo\b"), "the bass"),
    (re.compile(r"\b(?:a|un) bajo\b"), "a bass"),
    (re.compile(r"\bdembow(?= (?:beat|groove|rhythm|pattern|drums?|loop|style|vibe|feel)\b)"), "reggaeton"),
    (re.compile(r"\b(?:the|el|my|that|this|our) dembow\b"), "the drums"),
    (re.compile(r"\bboom ?bap\b"), "hip hop"),
    # a scene's name for its bass sound ("the reese" of drum and bass, "the sub"; "the reese track" is the
    # track so named); a dictation's "base" and "high hat" are misheard.py's
    (
        re.compile(r"\b(?:the|my|that|this|our|a) reese(?: bass)?\b(?! (?:tracks?|channels?|bus|group)\b)"),
        "the bass",
    ),
    # the same said first with its article dropped, as a text drops it: "reese up 2 semis"
    (re.compile(r"^(\W*)reese(?: bass)?\b(?! (?:tracks?|channels?|bus|group)\b)"), r"\1the bass"),
    (
        re.compile(
            r"\b(?:the|my|that|this|our) subs?(?: bass)?\b(?! (?:tracks?|channels?|bus|group|drops?|kicks?|fx)\b)"
        ),
        "the bass",
    ),
    (re.compile(r"\bthe bottom end\b(?! of\b)"), "the bass"),  # "the bottom end is bare"
    # a French producer's words where no English word is meant: "8 mesures of basse", "in the couplet"
    (re.compile(r"\bmesures\b"), "bars"),
    (re.compile(r"\b(one|a|1) mesure\b"), r"\1 bar"),
    (re.compile(r"\bbasse\b"), "bass"),
    (re.compile(r"\b(the|a|this|that|each|every|first|second|last|next) couplet(s?)\b"), r"\1 verse\2"),
    (re.compile(r"\b(the|a|this|that|each|every|first|second|last|next) refrain(s?)\b"), r"\1 chorus\2"),
)
# a complaint said with a softener is the complaint ("the bass is a bit bare": too bare); said alone
# ("the hats are busy", "they feel empty") it may be what was wanted, or which way is not said
_SOFTENED = re.compile(
    r"\b(is|are|feels?|sounds?|seems?|getting) (?:(?:a bit|a little|a tad|kind of|sort of|pretty|quite|so|really|very|"
    r"way|rather|somewhat|bit|super|real|kinda|too) )+(bare|empty|sparse|busy|cluttered|loud|quiet|soft|plain)\b"
)
# a phrasal verb's particle after its object is read before it: "strip the bass back" is "strip back
# the bass" (the split forms of other verbs have readings of their own: "calm the drums down")
_PARTICLE = re.compile(
    r"\b(strip|pare) "
    r"((?:the|my|this|that|these|those) (?:[a-z]+ )?[a-z]+|it|them) (back|out|down|up)\b"
)
# "take the chords out from bar 9", "pull the bass out of the intro": "take out the chords ..." (REMOVE's words);
# "take the snare off the downbeats": taken out on them
_TAKEN_OUT = re.compile(
    r"\b(?:take|pull|get|knock) ((?:the|my|this|that|these|those|all the) (?:[a-z]+ ){0,2}[a-z]+) out "
    r"(?:(?=(?:from|in|for|after|before|until|till|during|over|at) )|of (?=(?:the )?(?:bars?|measures?|first|last|"
    r"second|intro|verse|chorus|pre|bridge|drop|breakdown|outro|build|break|end|start|beginning)\b))"
)  # (only before a place: "pull the bass out" alone is the stem split out, ``SEPARATE_PHRASES``)
_TAKEN_OFF = re.compile(
    r"\b(?:take|pull|get|knock) ((?:the|my|this|that|these|those|all the) (?:[a-z]+ ){0,2}[a-z]+) off "
    r"(?=the (?:downbeats?|offbeats?|off beats?|backbeats?|upbeats?|1|one)\b|beats? \d)"
)

# "after bar 8 i want the hats gone", "i need the shaker out in the verse": the state wanted is a removal
# ("i d like the melody to fade out", "i want the pad faded out": a fade, no removal)
_WANTED_GONE = re.compile(
    r"\b(?:i want|i need|i would like|i d like|id like|want|need|have|get) "
    r"((?:the|my|all the|those|these|that) (?:(?!to |fad|die|dying)[a-z]+ ){0,2}?(?!to |fad|die|dying)[a-z]+) (?:gone|removed|deleted|out(?! of)|silent|silenced)\b"
)

# "a bass that play along with the melody" (a second language, a dictation): the verb of a part that follows
_THAT_FOLLOWS = re.compile(
    r"\b(that|which) (play|ride)(?= (?:along|with|on|over)\b)"  # "play along": no jam here
)

_ASKED_TO_SOUND = re.compile(
    r"\b(?:make|let|have|get|want)\b(?: \w+){0,3} $"
)  # "make the pad sound really soft"


def _softened(m: re.Match[str], lowered: str) -> str:
    """ "is a bit bare" -> "is too bare": a complaint; "make it sound really soft" stays (a request)."""
    return m.group(0) if _ASKED_TO_SOUND.search(lowered[: m.start()]) else f"{m.group(1)} too {m.group(2)}"


def _taken_out(m: re.Match[str]) -> str:
    """ "take the bass out of the intro" -> "take out the bass in the intro" (a place the scope reads)."""
    return f"take out {m.group(1)} " + ("in " if m.group(0).endswith(" of ") else "")


# "jazz chords for bars", "the last for bars": dictation's "four bars" (no bar number follows; "a fill
# for bar 8", "for bars 5 to 8" are bars by number)
_FOR_BARS = re.compile(r" (?:for|fore) (?:bars?|measures?) (?!\d)")

# a section said before the request is its place, as said after it: "for the bridge i'd like a jazz bass
# line" is "i'd like a jazz bass line for the bridge" (one section only: "in the verse x, in the chorus y")
_PLACE_FIRST = re.compile(
    r"^\s*((?:for|in|during) the (?:(?:first|second|third|last|final|next) )?(?:pre chorus|prechorus|chorus|verse|"
    r"intro|outro|bridge|breakdown))(?:,\s*|\s+)(?!.*\b(?:chorus|verse|intro|outro|bridge|breakdown)\b)(.+)$"
)
# a section written as a label before the request is its place too: "intro: kick and snare only" is "kick and
# snare only in the intro", "verse 2 - mute the bass" "mute the bass in verse 2" (a colon or a dash after it)
_LABEL_FIRST = re.compile(
    r"^\s*(?:the )?((?:(?:first|second|third|last|final|next) )?(?:pre chorus|prechorus|chorus|verse|intro|outro|bridge|"
    r"breakdown|drop))(?: (\d+))?\s*(?::|\s[-\u2013\u2014]+)\s*(?!.*\b(?:chorus|verse|intro|outro|bridge|breakdown|drop)\b)(.+)$"
)


def _labelled(m: re.Match[str]) -> str:
    """ "verse 2: mute the bass" -> "mute the bass in verse 2"; "intro: ..." -> "... in the intro"."""
    return f"{m.group(3)} in {m.group(1)} {m.group(2)}" if m.group(2) else f"{m.group(3)} in the {m.group(1)}"


# a player's name for a swing said with it is how it swings, no part or sound of its own: "swing the hats
# like dilla", "a j dilla swing", "dilla-style shuffle"
_NAMED_SWING = re.compile(
    r"\b(?:(?:kind of |kinda |a bit |sort of )?like |a la )?(?:j )?dilla(?:[- ](?:style|type|ish))?\b"
)
_SWING_SAID = re.compile(r"\b(?:swing|swung|swingy|shuffle|shuffled)\b")
_HYPHENED_KEY = re.compile(r"\b([A-Ga-g])-(flat|sharp|Flat|Sharp)\b")
_INTERVAL_AFTER = re.compile(r"\s*(?:second|third|sixth|seventh|scale|chord|key)s?\b")


def _extract_key(lowered: str, written: str = "") -> tuple[str | None, str]:
    """The key named in the sentence as 'F# minor' style text, and the sentence without it.

    A lone "a" before a mode is the article ("put a dorian chord progression", "a minor third")
    unless "in", "of", "to" or "key" comes before it, it is written as a capital A, or it is a list's item
    on its own between commas ("lofi, 75 bpm, a minor")."""
    # the first key said: "em need a bass, key A minor" is A minor ("em" the pronoun passed over)
    m = next((k for k in _KEY_WITH_MODE.finditer(lowered) if _keyed(k, lowered, written)), None)
    if m:
        letter, acc, mode = (
            (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), "m")
        )
    else:
        m = _KEY_WITHOUT_MODE.search(lowered)
        if not m:
            return None, lowered
        g = m.groups()  # (letter, acc) after "key of/to", (letter,) after "key", (letter, acc) after "in"
        letter, acc = (
            (g[0], g[1]) if g[0] else (g[2], None) if g[2] else (g[3], g[4]) if g[3] else (g[5], g[6])
        )
        mode = "major"
    mode_name = v.MODES.get(mode, "minor")
    key = letter.upper() + (v.ACCIDENTALS[acc] if acc else "") + " " + mode_name
    return key, lowered[: m.start()] + " _key_ " + lowered[m.end() :]


def _keyed(m: re.Match[str], lowered: str, written: str) -> bool:
    """Whether a match of a key with its mode names a key (``_extract_key``'s doc), not a word."""
    before = lowered[: m.start()]
    if m.group(4) in ("a", "e") and not m.group(5) and not re.search(r"(in|of|to|key|into) $", before):
        return False  # a bare "am" is the verb, "em" the pronoun ("make em hard"), not A or E minor
    if m.group(1) == "a" and not m.group(2):
        capital = written[m.start() : m.start() + 1] == "A" and m.start() > 0
        return not _INTERVAL_AFTER.match(lowered[m.end() :]) and bool(
            capital
            or (not before.strip() and written[:1] == "A")
            or re.search(r"(in|of|to|key|into) $", before)
            or (
                re.search(r"[,;] ?$", before) and re.match(r" ?(?:[,;.!]|$)", lowered[m.end() :])
            )  # ", a minor"
        )
    return True


def as_808_bass(text: str) -> str:
    """``text`` with an 808 said as the bass ("drums n 808") written as the bass ("808 drums" stays)."""
    return _808_BASS.sub("bass", text)


@lru_cache(maxsize=256)  # one parse reads its sentence here several times (the rules, the agreement)
def normalize(text: str) -> tuple[str, str | None, str | None]:
    """(padded word string with digits, key or None, typed separation model or None)."""
    base = text.replace("♯", "#").replace("♭", "b").replace("’", "'").replace("&", " and ")
    base = unaccented(base)  # "mute the violão track": the violao track (Live's names are read so, mixer.py)
    model = next((m for m in sorted(SEPARATION_MODELS, key=len, reverse=True) if m in base.lower()), None)
    if model:
        base = re.sub(re.escape(model), " ", base, flags=re.IGNORECASE)
    base = re.sub(r"@ ?(?=\d)", " at ", re.sub(r"(?<=\d) ?%", " percent", base))  # "@ 174", "60%"
    base = re.sub(r"\b[wW]/[oO]\b", " without ", base)  # "w/o reverb"
    base = re.sub(r"\b[wW]/(?=\s|[a-zA-Z])", " with ", base)  # "w/ vinyl crackle" (a prompt keeps "w/")
    base = _HYPHENED_KEY.sub(r"\1 \2", base)  # "E-flat major", "F-sharp minor": the key's own words
    base = as_named_keys(base)  # a DJ's Camelot key: "in 8A" is A minor
    base = re.sub(r"\b(bars?|measures?)'ll\b", r"\1 will", base, flags=re.I)  # "four bars'll do": bars
    written = re.sub(r"\s+", " ", base.replace("'", ""))
    lowered = plainly(_SLANG.sub(lambda m: SLANG[m.group(1)], written.lower()))  # "a lil bit swingy"
    taken_back = fillers.key_corrected(lowered)  # "in d dorian no wait a minor": A minor
    if taken_back != lowered:
        lowered, written = taken_back, ""
    key, lowered = _extract_key(lowered, written if len(written) == len(lowered) else "")
    lowered = unjoined(re.sub(r"(\d)bpm\b", r"\1 bpm", lowered))  # "at 128bpm", "4bars", "temp to 90"
    lowered = re.sub(r"\b(\d+) ?x\b", r"\1 times", lowered)  # "undo 2x"
    lowered = _EVERY_PART.sub("all the parts", as_everything(lowered))  # "mute all of it": everything
    lowered = _PLACE_FIRST.sub(r"\2 \1", _LABEL_FIRST.sub(_labelled, lowered))
    if _SWING_SAID.search(lowered):
        lowered = _NAMED_SWING.sub(" ", lowered)
    lowered = as_808_bass(drums_plainly(lowered))  # "the bass drums", "the cadence": the kick, the drums
    for said, meant in _OTHER_TONGUE:
        lowered = said.sub(meant, lowered)
    lowered = as_parts(plainly_said(lowered))  # "put the courts and the base up": the chords and the bass
    lowered = _PARTICLE.sub(r"\1 \3 \2", lowered)
    lowered = _SOFTENED.sub(lambda m: _softened(m, lowered), lowered)
    lowered = re.sub(r"^(\W*)how (i|we) (?!do\b|can\b|should\b)", r"\1how do \2 ", lowered)  # "how i use it?"
    lowered = _THAT_FOLLOWS.sub(r"\1 \2s", lowered)
    lowered = _WANTED_GONE.sub(r"remove \1", lowered)
    lowered = _TAKEN_OFF.sub(r"take out \1 on ", _TAKEN_OUT.sub(_taken_out, lowered))
    lowered = re.sub(
        r"\bevery ([a-z]+ )?(take|version|variation)\b", r"all the \1\2s", lowered
    )  # every bass take
    lowered = counted(lowered)  # "a few more variations", "a couple of bars", "undo it a few times"
    lowered = _COUPLE_MORE.sub(" 2 more", lowered)
    lowered = fillers.marked(lowered)  # "um", "like" as a filler; "sixteen bars no wait eight" marked
    digits: list[str] = []
    for clause in re.split(r"[,;:!?]+|\.(?!\d)", lowered):  # "at ninety, four bars": no 94 across a comma
        typed = slips_read(re.sub(r"[^a-z0-9_ ]+", " ", joined(clause)).split())  # "thrity two bars"
        typed = ordinals_read(typed)  # "the frist 2 bars", "the thrid take"
        words = corrected([TYPOS.get(w, w) for w in typed])
        digits += words_to_digits(words)
    s = " " + " ".join(fillers.self_corrected(digits)) + " "  # the correction wins
    s = counts_as_bars(recounted(as_counted(s)))  # "3 version", "three undos", "another take, two actually"
    s = _FOR_BARS.sub(" 4 bars ", s)  # dictated "four bars"
    s = reordered(called(s))  # "pad track mute": "mute the pad track"; "the track named pad": "the pad track"
    s = amounts_read(by_sound(s.replace(" b p m ", " bpm ").replace(" please ", " ")))  # "the thumpy drum"
    return s, key, model


def extract_key(text: str) -> tuple[str | None, str]:
    """The key named in a lower-case text ("F# minor") and the text with ``_key_`` in its place."""
    return _extract_key(text.lower())
