"""The speech grammar (JSGF for pocketsphinx), generated from the parser's own vocabulary.

Every word list comes from ``vocab``; only the sentence frames are written here. A test draws
random sentences from this grammar and checks the parser gives each its rule's action, so what
can be said is always something the parser understands. ``PRONUNCIATIONS`` gives the words
that pocketsphinx's US-English dictionary lacks (CMU ARPAbet phones).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from bridge.commands import clip_words as cw
from bridge.commands import edit_words as ew
from bridge.commands import jam_words as jw
from bridge.commands import spoken_compose
from bridge.commands import take_words as tw
from bridge.commands import vocab as v
from bridge.commands.numbers import TEENS, TENS, UNITS, number_to_words
from bridge.commands.parser import parse

GRAMMAR_NAME = "roo"
SPOKEN_TEMPO_BPM = (40, 300)
PRONUNCIATIONS = {
    "lofi": "L OW F AY",
    "bassline": "B EY S L AY N",
    "unstar": "AH N S T AA R",
    "topline": "T AA P L AY N",
    "musicgen": "M Y UW Z IH K JH EH N",
    "bpm": "B IY P IY EH M",
    "sparser": "S P AA R S ER",
    "mellower": "M EH L OW ER",
    "punchier": "P AH N CH IY ER",
    "synth": "S IH N TH",
    "edm": "IY D IY EH M",
    "bossa": "B AA S AH",
    "afrobeat": "AE F R OW B IY T",
    "dubstep": "D AH B S T EH P",
    "mixolydian": "M IH K S OW L IH D IY AH N",
    "lydian": "L IH D IY AH N",
    "locrian": "L OW K R IY AH N",
    "pentatonic": "P EH N T AH T AA N IH K",
    "soundscape": "S AW N D S K EY P",
    "reroll": "R IY R OW L",
    "unmix": "AH N M IH K S",
    "quantize": "K W AA N T AY Z",
    "revoice": "R IY V OY S",
    "semitones": "S EH M IY T OW N Z",
    "dnb": "D IY EH N B IY",
    "backbeat": "B AE K B IY T",
    "downbeats": "D AW N B IY T S",
    "offbeats": "AO F B IY T S",
    "unmute": "AH N M Y UW T",
}
# Second pronunciations for words the dictionary has in one form only, where producers say them
# another way too (pocketsphinx takes "word(2)" as an alternative of "word").
ALTERNATES = {
    "phrygian(2)": "F R IH JH AH N",
    "phrygian(3)": "F R AY JH AH N",
    "mixolydian(2)": "M IH K S AH L IH D IY AH N",
    "lydian(2)": "L AY D IY AH N",
    "reggaeton(2)": "R EY G EY T OW N",
    "reggaeton(3)": "R EH G AH T OW N",
    "lofi(2)": "L OW F IY",
    "dnb(2)": "D IY AE N D B IY",
    "bassline(2)": "B AE S L AY N",
    "reggae(2)": "R EH G IY",
    # the broad A of British English (espeak-ng's en-gb "h'A:f t'aIm" for "half time")
    "half(2)": "HH AA F",
    "sample(2)": "S AA M P AH L",
    "fast(2)": "F AA S T",
    "last(3)": "L AA S T",
    "after(2)": "AA F T ER",
    "transpose(2)": "T R AA N S P OW Z",
}
# Typed-only spellings that are still said (with the pronunciation above).
SAID_ANYWAY = frozenset({"dnb"})
# The answers to "did you mean A or B?" (bridge/actions/intents/voice.py), besides yes and no.
CHOICES = {"the first": 0, "the first one": 0, "first": 0, "the second": 1, "the second one": 1, "second": 1}

# Which top-level rule stands for which parser action.
ACTION_RULES = {action: action for action in v.ACTIONS + v.MORE_ACTIONS + v.DRAWN_ACTIONS + v.SESSION_ACTIONS}
ACTION_RULES.update({"set_tempo": "tempo_any", "set_key": "key_change"})


def spoken(phrase: str) -> str:
    """A vocabulary phrase as the speech dictionary spells it (digits as words, apostrophes)."""
    out = []
    for word in phrase.split():
        if word.isdigit():
            out.append(number_to_words(int(word)))
        else:
            out.append(v.SPOKEN_SPELLING.get(word, word))
    return " ".join(out)


def alt(phrases: Iterable[str]) -> str:
    """A JSGF alternative over the speakable phrases (typed-only ones left out), in a stable order."""
    items = sorted({spoken(p) for p in phrases if p not in v.TYPED_ONLY or p in SAID_ANYWAY})
    return "( " + " | ".join(items) + " )"


def _rules() -> dict[str, str]:
    digit = alt(w for w in UNITS if w != "zero")
    parts = alt(v.PARTS)
    # Letters are listed directly: "b" is typed-only as a flat sign, but B is a key that can be said.
    key_name = f"( ( {' | '.join(v.LETTERS)} ) [ sharp | flat ] )"
    # "kit" is a count noun that needs its article ("the kit"): without one, "make it" and
    # "make kit" are the same sounds, so the bare forms leave it out.
    bare_part = alt(p for p in v.PARTS if p != "kit")
    job_words = alt(v.JOB_WORDS)
    return {
        "digit": digit,
        "teen": alt(TEENS),
        "tens": alt(TENS),
        "n99": "<digit> | <teen> | <tens> [ <digit> ]",
        # Spoken tempos are 40..300 bpm, the range music is played at (typed ones may be 20..999,
        # all Live takes): a number far outside it is likelier a misheard one ("twenty eight" for
        # "ninety eight") than a request.
        "slow_tens": alt(w for w, n in TENS.items() if n >= SPOKEN_TEMPO_BPM[0]),
        "bpm_number": "<slow_tens> [ <digit> ] | ( [ one | a ] hundred | two hundred ) [ and ] [ <n99> ]"
        " | three hundred | ( one | two ) ( <tens> [ <digit> ] | <teen> )",
        "bar_count": alt(["1", "2", "3", "4", "6", "8", "12", "16", "32"]),
        "bars": f"[ for ] <bar_count> {alt(v.BAR_WORDS)}",
        "bars_of": f"<bar_count> {alt(v.BAR_WORDS)} of",
        "part": parts,
        "bare_part": bare_part,
        "the_part": "the <part> | <bare_part>",
        # a part's dials: "the percussion" busier is the percussion voice's density (a transform), no dial
        "dial_part": alt(p for p in v.PARTS if p != "percussion"),
        "the_dial_part": "the <dial_part> | " + alt(p for p in v.PARTS if p not in ("kit", "percussion")),
        "genre": alt(v.GENRES),
        "key_name": f"{key_name} {alt(v.MODES)}",
        "key_any": f"{key_name} [ {alt(v.MODES)} ]",
        "replace": "and ( replace | overwrite ) ( it | them | the clip ) | instead",
        **_generate_rules(),
        "follow": f"[ that ] {alt(cw.SOURCE_PHRASES)}",
        "vary": f"{alt(p for p in v.VARY_PHRASES if p != 'another one')} [ of ] [ the ] [ <part> ] [ <replace> ]"
        " | [ give me | try ] ( another | a variation of the | another version of the"
        " | something different for the ) [ <part> ] | give me another one | try again"
        " | [ give me | make ] <take_count> [ more | new ] ( variations | takes | versions ) [ of the <part> ]",
        "take_count": alt(["2", "3", "4", "5", "6", "7", "8"]),
        "degree": "a bit | a little",
        "adjustment": f"[ <degree> ] {alt(v.ADJUSTMENTS)}",
        "adjust": "( [ make ] ( <the_dial_part> | it ) | make ) <adjustment> [ <replace> ] | <adjustment> [ <replace> ]"
        " | <adjustment> [ ( on | in | for ) ] <the_dial_part>"
        f" | {alt(v.RAISE_VERBS)} the {alt(v.DIMENSIONS)} [ of the <dial_part> ]"
        f" | {alt(v.LOWER_VERBS)} the {alt(v.DIMENSIONS)} [ of the <dial_part> ]"
        f" | {alt(v.DIMENSIONS)} ( up | down ) [ on the <dial_part> ]",
        "tempo": "[ set | change ] [ the ] ( tempo | bpm | speed ) [ to ] <bpm_number>"
        " | [ make it | go to ] <bpm_number> ( bpm | beats per minute )"
        f" | {alt(cw.TEMPO_MOVES)} to <bpm_number>",
        "tempo_any": f"<tempo> | {alt(cw.TEMPO_FACTORS)}",
        "key_change": "( set | change ) [ the ] [ song ] key [ to ] <key_name> | key [ of ] <key_name> | key of "
        f"{key_name} | ( switch | move | go ) to <key_name> | transpose [ the song ] to <key_name>"
        + _scale_frames(),
        "analyze": "( analyze | detect | figure out | work out ) [ the | this ] [ selected ]"
        " [ clip | key | tempo | chords | song | audio ]"
        " [ of ( the | this ) ( clip | song ) ] | find the ( key | chords | tempo )"
        " | ( what | which ) ( key | tempo | chords ) ( is this [ clip | song ] [ in ] | are in this [ clip | song ] )"
        " | run an analysis"
        " | warp ( this | it | the clip | this clip ) to the ( song | grid | tempo | beat )",
        "separate": f"{alt(p for p in v.SEPARATE_PHRASES if p != 'stems')} [ the | this ] "
        f"[ {alt(v.STEMS)} | stems | clip | song ] [ into stems ] [ with {alt(v.SEPARATION_MODEL_PHRASES)} ]"
        f" | stems | pull the {alt(v.STEMS)} out [ of ( this | the ) ( clip | song ) ]",
        "mg_word": alt(v.MUSICGEN_DESCRIPTORS + tuple(v.GENRES)),
        "mg_sound": alt(v.MUSICGEN_SOUNDS),
        "mg_phrase": "[ <mg_word> [ <mg_word> ] ] <mg_sound> [ <mg_sound> ]",
        # A prompt only after its keyword ("make a loop of ...", "musicgen ..."): without one, sound
        # words alone would be where a sentence the grammar cannot place ends up (issue 35).
        "musicgen": f"[ make | generate | create | give me ] {alt(v.MUSICGEN_TRIGGERS)} [ a | an | some ] "
        "<mg_phrase> [ ( with | and ) [ a | an | some ] <mg_phrase> ] [ <bars> ]",
        **_transform_rules(),
        **_jam_rules(),
        **tw.grammar_rules(),
        **ew.grammar_rules(
            alt(["drums", "bass", "bassline", "chords", "melody"]), alt(v.BAR_WORDS), "<bar_count>"
        ),
        # drawn automation (``automate_words``): a fade, a duck, a swell, a filter sweep of a part
        "automate": "fade ( in | out ) the <part> [ <bars> ] | fade the <part> ( in | out ) [ over <bars> ]"
        " | duck the <part> [ on every ( beat | bar ) ] | swell the <part>"
        " | filter sweep ( up | down ) [ on the <part> ]",
        "play": alt(v.PLAY_PHRASES),
        "stop": alt(v.STOP_PHRASES),
        "undo": alt(v.UNDO_PHRASES) + " [ that ]",
        "cancel": f"{alt(v.CANCEL_PHRASES)} [ that ] | ( stop | cancel ) the {job_words}",
        "help": alt(v.HELP_PHRASES),
        "confirm": alt(v.CONFIRM_YES + v.CONFIRM_NO),
    }


# Spoken forms that start with a vowel sound (they take "an"), and parts that take no "a" at all
# (plurals, "everything", "all parts": "a drums" and "an all parts" are not said).
_VOWEL_SOUND = ("a", "e", "i", "o", "u", "r and b", "edm")
_NO_ARTICLE = ("all parts", "all the parts", "everything", "drums", "chords", "keys")
_FOR_ME = ("make", "create", "write", "build", "compose", "generate")  # "make me a beat"


def _vowel(phrase: str) -> bool:
    said = spoken(phrase)
    return said.startswith(_VOWEL_SOUND) and not said.startswith(("u", "one"))


def _generate_rules() -> dict[str, str]:
    """A new part, with the article English puts before it: "an ambient melody", "a funk bass line",
    "some jazz chords", "the drums", or none ("generate drums"). The article only after a verb may
    be "me a" ("make me a beat"). A grammar that let any article stand before any word offered the
    recogniser sentences nobody says ("me a latin melody", "an lead", "a drums"), which it then
    heard in other commands (docs/benchmarks/voice.md, "Articles that agree"). "me" goes only after the verbs
    that take it ("make me a beat", not "add me a beat")."""
    genres, parts = list(v.GENRES), [p for p in v.PARTS if p not in _NO_ARTICLE]
    for_me = [verb for verb in v.GENERATE_VERBS if verb in _FOR_ME]
    return {
        "a_noun": f"{alt(g for g in genres if not _vowel(g))} <part> | {alt(p for p in parts if not _vowel(p))}",
        "an_noun": f"{alt(g for g in genres if _vowel(g))} <part> | {alt(p for p in parts if _vowel(p))}",
        # (each rule is copied wherever it is named when the FSG is built: named once each, the
        # search stays about as large as with no articles checked)
        "generate": f"( ( [ {alt(v.GENERATE_VERBS)} ] | {alt(for_me)} me ) ( a <a_noun> | an <an_noun> )"
        f" | [ {alt(v.GENERATE_VERBS)} ] [ some | the ] [ <bars_of> ] [ <genre> ] <part> )"
        " [ in <key_any> ] [ <bars> ] [ <follow> ] [ <replace> ]",
    }


def _transform_rules() -> dict[str, str]:
    """Sentences that change a clip that exists (``clip_words``): the ``transform`` rule."""
    said = {p: k for p, k in cw.TRANSFORM_PHRASES.items() if p not in v.TYPED_ONLY}
    verbs = [p for p, k in said.items() if k in _VERB_KINDS]
    looks = [
        p for p, k in said.items() if k in ("half_time", "double_time") or p in ("backwards", "upside down")
    ]
    density = [p for p, k in said.items() if k == "density"]
    time_feels = [p for p, k in said.items() if k in ("half_time", "double_time")]  # "double time the drums"
    return {
        "clip": "it | this clip | the <part>",
        "semitones": alt(["1", "2", "3", "4", "5", "7", "12"]) + " ( semitones | half steps )",
        "drum_voice": alt(cw.DRUM_VOICES),
        "transform": f"{alt(verbs)} <clip> | make <clip> {alt(looks)} | {alt(density)} [ in ] <clip>"
        f" | {alt(time_feels)} <clip>"
        " | swing it more | add swing [ to <clip> ] | add a fill at the end [ of <clip> ]"
        " | transpose [ <clip> ] ( ( up | down ) <semitones> | to ( a | b | c | d | e | f | g ) [ sharp | flat ] )"
        f" | {alt(cw.REMOVE_WORDS)} the <drum_voice> | keep only the <drum_voice>",
    }


_VERB_KINDS = ("humanize", "quantize", "ornament", "revoice", "retrograde", "invert")


def _jam_rules() -> dict[str, str]:
    """``jam_words``' rule, plus a jam started in a key ("start a jam in A minor")."""
    rules = jw.grammar_rules("<genre>", "<key_name>", "<bpm_number>")
    rules["jam"] += " | ( start | begin ) [ a ] [ <genre> ] jam in <key_name>"
    return rules


def _scale_frames() -> str:
    """ "set the scale to D dorian", when the parser reads it as a key change (so a parser that learns
    "scale" brings the spoken frame with it)."""
    intent = parse("set the scale to d dorian")
    if intent.action != "set_key":
        return ""
    frames = " | ( set | change | switch ) the scale to <key_name>"
    if parse("set the scale to dorian").params.get("mode") == "dorian":  # Live's root kept
        frames += f" | ( set | change | switch ) the ( scale | mode ) to {alt(cw.BARE_MODES)}"
    return frames


@cache
def build_jsgf() -> str:
    """The whole grammar as JSGF text (one public rule ``<command>``)."""
    rules = spoken_compose.merge(_rules(), alt)  # issue 44's frames, from the parser's own tables
    public = " | ".join(
        f"<{ACTION_RULES[a]}>" for a in v.ACTIONS + v.MORE_ACTIONS + v.DRAWN_ACTIONS + v.SESSION_ACTIONS
    )
    # The parser drops "please", so any command may end with it.
    lines = [
        "#JSGF V1.0;",
        f"grammar {GRAMMAR_NAME};",
        "public <command> = <action> [ please ] | <choice>;",
        f"<action> = {public};",
    ]
    lines += [f"<{name}> = {expansion};" for name, expansion in rules.items()]
    lines.append(f"<choice> = {alt(CHOICES)};")
    return "\n".join(lines) + "\n"
