"""Numbers said as a mix engineer says them, in the words the readers know (issue 55).

``plain_words.plain`` takes these after the text speak and a learner's words:

- a level by decibels: "kick +2 dB", "snare -3 dB" (louder, softer: no op takes decibels, the way is
  what is read); "up 2 dB", "down by 3 decibels" (the way kept, the amount let go); "cut the hats by
  3 dB" (turned down, not cut out); "2 dB more" / "3 dB less"; a part tucked, sat or pulled back,
  nudged down or tucked under another ("tuck the hats down 3 dB"): turned down, never removed; a part that
  should "sit back in the mix": turned down; "sit back in the pocket": pushed a little later; "sit back" alone:
  nudged back (asked: in time or in the mix?);
- a tempo by a signed number: "+4 bpm", "-6 bpm" ("up 4 bpm", "down 6 bpm");
- "into 4 stems": the split the default model makes ("into stems"; "6 stems" names a model of its own);
- "dnb beat, 174, 16 bars": a number alone in a list that makes a part is its tempo (40..240);
- a score's measures, "mm. 9-16", "m. 17", and the German "8 Takt" (bars);
- "4 alternates" (takes); a note headed by its part: "bass: remake it in reggae" (the bass remade),
  "bass: 4 alternates" (of the bass).

A sentence with none of these is returned as it was.
"""

from __future__ import annotations

import re

from bridge.commands.numbers import NUMBER_WORDS, words_to_digits

_DB = r"(?:\d+(?:\.\d+)?) ?(?:db|decibels?)\b"
_LENGTH = (
    r"(?:an?|one|two|three|half an?|\d+) (?:sixteenths?|eighths?|quarters?|16ths?|8ths?|32nds?|triplets?|beats?|bars?|"
    r"ticks?|ms|milliseconds?|semitones?|semis?|octaves?|steps?|half steps?|notes?)\b"
)
_SOFTER = (
    # "tuck the hats down 3dB", "sit the vocal back", "tuck the kick under the bass": softer (never removed;
    # a length after it is a move or a pitch: "pull the snare back a sixteenth", "nudge the bass down a semitone";
    # "pull it down" names no part and is left to the readers)
    # (w78: "nudge the bass back" is no level: back in time or in the mix is asked, ``shift_words``)
    re.compile(
        rf"\b(?:tuck|sit|settle|ease|pull|nudge(?! (?:the|my|that|this|those|these) (?:\w+ )?\w+ back\b)) "
        rf"((?:the|my|that|this|those|these) (?:\w+ )?\w+) "
        rf"(?:down|back|lower|under(?: (?:the|my) (?!(?:intro|verse|chorus|bridge|drop|outro|breakdown|hook)\b)\w+)?)"
        rf"(?: (?:by )?-?{_DB}| a (?:bit|touch|little|hair|notch|tad)| slightly)?(?! {_LENGTH})",
        re.I,
    ),
    r"turn \1 down",
)
# a part that should "sit back": "in the mix" (or behind another part) is its level, softer; "in the pocket" or
# "behind the beat" its timing, a little later; said alone, back in time or in the mix is asked (the nudge's
# question, ``shift_words.mix_or_time``): "make the hats sit back a bit", "let the snare sit back in the mix"
_MODAL = r"(?!(?:should|needs?|has|could|can|must|to|sit|sits)\b)"
_PART_SAID = rf"((?:the|my|that|this|those|these) (?:{_MODAL}\w+ )?{_MODAL}\w+)"
_SITS_BACK = (
    rf"\b(?:(?:make|let|have|get) )?{_PART_SAID} (?:should |needs? to |has to |could |can |must |to )?"
    r"(?:sit|sits|settle|settles|lie|lies|sat|sitting)(?: a (?:bit|little|touch|tad)| slightly| further| more| way)? back"
    r"(?: a (?:bit|little|touch|tad)| slightly| further| more)?"
)
SAT_BACK = (
    (
        re.compile(rf"{_SITS_BACK} (?:in(?:to)? the mix|behind (?!the beat\b)(?:the |my )?\w+)\b", re.I),
        r"turn \1 down",
    ),
    (
        re.compile(rf"{_SITS_BACK} (?:in the (?:pocket|groove)|(?:on|behind) the (?:beat|grid))\b", re.I),
        r"push \1 a little later",
    ),
    (re.compile(rf"{_SITS_BACK}(?! (?:in|into|on|behind|to|from|and relax)\b)", re.I), r"nudge \1 back"),
)
# a part moved "back in the mix" by a verb of moving ("nudge the kick back in the mix in the verse", "push the hats
# a bit back in the mix"): its level, softer (w78's nudge "back" alone stays asked: in time or in the mix?)
BACK_IN_MIX = (
    re.compile(
        r"\b(?:nudge|push|pull|tuck|ease|put|move|bring|set|knock|shove) ((?:the|my|that|this|those|these) (?:\w+ )?\w+)"
        r"(?: a (?:bit|little|touch|tad|hair|notch)| slightly)? back(?: a (?:bit|little|touch|tad|hair|notch)| slightly)?"
        r" in(?:to)? the mix\b",
        re.I,
    ),
    r"turn \1 down",
)
ENGINEER = (
    BACK_IN_MIX,
    _SOFTER,
    *SAT_BACK,
    # "cut the hats by 3 dB", "drop the pad 2 dB": turned down (a cut of a level is no removal)
    (re.compile(rf"\b(?:cut|drop|reduce|lower|attenuate|pull) ((?:the|my|that|this) (?:\w+ )?\w+) (?:by )?-?{_DB}", re.I),
     r"turn \1 down"),
    # "boost the kick by 2 dB", "raise the vocal 3 dB": turned up
    (re.compile(rf"\b(?:boost|raise|lift|push|bump) ((?:the|my|that|this) (?:\w+ )?\w+) (?:up )?(?:by )?\+?{_DB}", re.I),
     r"turn \1 up"),
    (re.compile(rf"(?<![\w.])(?:\+ ?|plus ){_DB}", re.I), "louder"),  # "kick +2 dB"
    (re.compile(rf"(?<![\w.])(?:[-−–] ?|minus ){_DB}", re.I), "softer"),  # "snare -3 dB"
    (re.compile(rf"\b(up|down) (?:by )?{_DB}", re.I), r"\1"),  # "turn the kick up 2 dB"
    (re.compile(rf"\b{_DB} (more|louder|hotter|up)\b", re.I), "louder"),  # "the kick needs 2 dB more"
    (re.compile(rf"\b{_DB} (less|quieter|softer|lower|down)\b", re.I), "softer"),  # "the pad 3 dB quieter"
    # "jam +4 bpm", "tempo -6 bpm": up, down
    (re.compile(r"(?<![\w.])\+ ?(\d+(?:\.\d+)?) ?(bpm|beats per minute)\b", re.I), r"up \1 \2"),
    (re.compile(r"(?<![\w.])(?<!\d )[-−–] ?(\d+(?:\.\d+)?) ?(bpm|beats per minute)\b", re.I), r"down \1 \2"),
    # a programmer's key=value pairs: "bars=8", "tempo=124", "genre=house", "key=Dm", "tempo += 4", "transpose=-2"
    (re.compile(r"\b(?:bars?|length)\s*=\s*(\d+)\b", re.I), r"\1 bars"),
    (re.compile(r"\b(?:tempo|bpm)\s*=\s*(\d+)\b(?! ?bpm)", re.I), r"\1 bpm"),
    (re.compile(r"\b(tempo|bpm)\s*([+-])=\s*(\d+)\b(?: ?bpm)?", re.I),
     lambda m: f"{m.group(1)} {'up' if m.group(2) == '+' else 'down'} {m.group(3)} bpm"),
    (re.compile(r"\b(?:transpose|semitones|pitch)\s*=\s*([+-]?)(\d+)\b(?! ?semi)", re.I),
     lambda m: f"transpose {'down' if m.group(1) == '-' else 'up'} {m.group(2)} semitones"),
    (re.compile(r"\b(?:genre|style)\s*=\s*", re.I), ""),
    (re.compile(r"\b(key|swing|amount|strength|humani[sz]e|quanti[sz]e|grid|part|track)\s*=\s*", re.I), r"\1 "),
    # an amount typed as a fraction, "swing the hats 0.6", "quantize=0.5": that share in percent (never a length,
    # a level or a tempo's factor: "0.5 beats", "-0.5 dB", "1.5x"; a jam's setting keeps its own: "density to 0.8")
    (re.compile(r"(?<![\w.+-])0?\.(\d\d?)(?![\d.])(?! ?(?:x\b|%|db|bars?|beats?|secs?|seconds?|ms|semi|steps?|notes?|octaves?|bpm|times))", re.I),
     lambda m: m.group(0) if re.search(r"\bjam", m.string, re.I) else f" {int(m.group(1).ljust(2, '0'))} percent"),
    # "4 alternates", "two alts": takes (an engineer's word for another version)
    (re.compile(r"\b(\d+|two|three|four|five|six|a few|some|more|a couple of) (?:alternates|alts)\b", re.I), r"\1 alternate takes"),
    # "split this into 4 stems": the default split (vocals, drums, bass, other)
    (re.compile(r"\b(in(?:to)?|as) (?:4|four) stems\b", re.I), r"\1 stems"),
    # a score's measure numbers, "mm. 9-16", "m. 17" (a composer's, or an orchestrator's note), and the German
    # "8 Takt": measures and bars (a letter m standing before a number only)
    (re.compile(r"(?<![\w.])mm\.? ?(?=\d)", re.I), "measures "),
    (re.compile(r"(?<![\w.])m\. ?(?=\d)", re.I), "measure "),
    (re.compile(r"\b(\d+) takte?\b", re.I), r"\1 bars"),
    (re.compile(r"\b(\d+) mesures?\b", re.I), r"\1 bars"),  # the French "8 mesures"
)  # fmt: skip


# "bass: remake it in a reggae style", "kick: +2 dB": a note headed by the part it is about
_HEADED = re.compile(
    r"^\s*(?:the |my )?((?:bass|bass ?line|drums?|kick|snare|hats|hi hats|claps?|percussion|chords|keys|piano|"
    r"melody|lead|pad|strings|vocals?|guitar|synth|arp)) ?: ?(.+)$",
    re.I,
)


def _headed(m: re.Match[str]) -> str:
    """ "bass: remake it in reggae" -> "remake the bass in reggae"; "bass: 4 alternates" -> "the bass, 4 alternates"."""
    part, rest = m.group(1), m.group(2)
    said, n = re.subn(r"\b(?:it|them)\b", f"the {part}", rest, count=1)
    return said if n else f"the {part}, {rest}"


# "dnb beat, 174, sixteen bars": a number standing alone in a list that makes a part is its tempo
_BARE_TEMPO = re.compile(r"(?<=,) ?(\d{2,3})(?= ?(?:,|[.!?]?$))")
# the same number said in words: "rock groove for the outro, one fifty-two", "pop, a hundred and twelve, A major"
_WORDS_ALONE = re.compile(
    rf"(?<=,) ?((?:(?:a|and|{'|'.join(sorted(NUMBER_WORDS))})[ -]?)+)(?= ?(?:,|[.!?]?$))", re.I
)
_MADE = re.compile(r"\b(?:beat|groove|loop|drums|bass ?line|track|song|tune|riff|pattern|jam)\b", re.I)


def _in_digits(m: re.Match[str]) -> str:
    """A number said alone in words, in digits where it is one a tempo may be (40..240)."""
    said = words_to_digits(m.group(1).lower().replace("-", " ").split())
    return f" {said[0]}" if len(said) == 1 and said[0].isdigit() and 40 <= int(said[0]) <= 240 else m.group(0)


def _tempo(text: str) -> str:
    """ "techno loop, 128, 8 bars" -> "techno loop, at 128 bpm, 8 bars" (40..240 only; a tempo said stays)."""
    if re.search(r"\b(?:bpm|tempo|beats per minute)\b", text, re.I) or not _MADE.search(text):
        return text
    text = _WORDS_ALONE.sub(_in_digits, text)
    return _BARE_TEMPO.sub(
        lambda m: f" at {m.group(1)} bpm" if 40 <= int(m.group(1)) <= 240 else m.group(0), text
    )


def engineered(text: str) -> str:
    """The sentence with its decibels, signed tempos, takes and stem counts said in the readers' words,
    a note headed by its part ("bass: ...") said of the part."""
    for said, meant in ENGINEER:
        text = said.sub(meant, text)
    return _tempo(_HEADED.sub(_headed, text))
