"""MusicGen prompts from sentences: the ``musicgen`` intent's ``prompt``.

A sentence naming "musicgen" or an "audio loop" anywhere is MusicGen, whatever parts it names
("generate a lofi chord loop with musicgen, warm and dusty" -> prompt "lofi chord loop, warm and
dusty"): the prompt is the sentence as written, less the request words and the engine's name, each
word as typed, its capitals kept ("a brass band marching down Frenchmen Street": ``as_typed``).
Other sentences (a sound named, "a loop of", "render") take the words after their trigger, as
spotted in the normalised sentence. Stdlib only.
"""

from __future__ import annotations

import re
from typing import Any

from bridge.commands import fillers
from bridge.commands import vocab as v
from bridge.commands.english import english_words
from bridge.commands.numbers import NUMBER_WORDS, words_to_digits
from bridge.commands.reasons import PURPOSE

ANYWHERE = ("musicgen", "music gen", "audio loop", "audio loops", "audio clip", "as audio", "audio recording of",
            "audio sample of")  # fmt: skip
PROMPT_FILLER = frozenset(
    {"make", "generate", "create", "give", "me", "a", "an", "some", "of", "musicgen", "render", "i", "want",
     "need", "can", "you", "please", "lets", "let's", "get", "do", "could", "would", "like", "id", "i'd", "add",
     "layer", "put", "throw", "love", "actual", "real", "u", "ya", "we", "us", "to", "just", "maybe", "quickly",
     "try", "wanna", "gonna"}
)  # fmt: skip
_ENGINE = re.compile(r"\s*,?\s*\b(?:use|with|using|via|through|by|on|in|from)?\s*(?:musicgen|music gen)\b\s*:?"
                     r"(?:\s*(?:for|to make|to generate|to create)\b)?",
                     re.IGNORECASE)  # fmt: skip
_AUDIO = re.compile(
    r"\b(?:an |a )?(?:actual |real )?audio (loop|loops|clip|recording|sample)\b(?: of\b)?|\bas audio\b",
    re.IGNORECASE,
)
_BARS = re.compile(
    r"\s*,?\s*\b(?:for |of )?(?:\d+|one|two|three|four|five|six|eight|twelve|sixteen|thirty two) (?:bars?|measures?|mesures?|takte?)"
    r"(?: long)?\b",
    re.IGNORECASE,
)

# the sound an audio loop is "of", its length said between: "an audio loop, eight bars in length, of rain"
_DESCRIBED = re.compile(
    r"\baudio (?:loops?|clips?|recording|sample)\b(?:\s*,?\s*(?:for |of )?\w+ (?:bars?|measures?)"
    r"(?: long| in length)?\s*,)?\s*(?:of|:)\s+"
)
# what the loop is for, said after it: "..., for the listening exercise", "for my school assembly" (a
# place or a use of this producer's, never the sound: "music for a film" keeps its words); after a comma with
# no article too, as a writer whose first tongue has none says it ("..., 8 bars, for catacombs level")
_FOR_WHAT = re.compile(
    r"(?:\s*,\s*for (?:(?:the|my|our|this|that|his|her|their|your) )?|\s+for (?:the|my|our|this|that|his|her|"
    r"their|your) )(?:[a-z]+ ){0,6}?(?:bit|part|section|exercise|lesson|level|"
    r"class|video|podcast|film|scene|game|show|intro|outro|verse|chorus|bridge|drop|breakdown|ending|end|start|"
    r"opening|singalong|assembly|concert|gig|performance|kids|students|pupils|project|track|song|tune|set|mix|reel|"
    r"trailer|advert|montage|story|presentation|vlog|stream|cue|tape|album|ep|piece|demo|choir|dancers|vid|clip|"
    r"tiktok|youtube|channel|short|post|ad|commercial|promo|slideshow|wedding|party|app|website|livestream|"
    r"recipe|tutorial|session|group|meditation|relaxation|therapy|workshop|practice|routine|workout|residents|"
    r"patients|ward|bedtime|visit|service|"  # and a therapist's, a teacher's: "for the relaxation session"
    r"underscore|overture|finale|number|entr.?acte|rehearsal)s?$"  # a theatre's: "for the storm underscore"
)
# what the loop is for, said after a comma, whatever it is: "..., for a transition", "..., its for the kids'
# choir", and where or when it is played against something: "..., for under the slow air", "..., for
# behind the narration", "..., for when the dancers come on" (a "for" with no comma before it is kept:
# "pads for days" is a sound)
_FOR_AFTER_COMMA = re.compile(
    r"\s*,\s*(?:(?:it'?s|it is|this is|that's|thats) )?for (?:a|an|the|my|our|this|that|his|her|their|your|some|"
    r"under|underneath|beneath|over|behind|between|during|when|while|after|before)\b.*$",
    re.IGNORECASE,
)


def without_purpose(text: str) -> str:
    """A MusicGen sentence without what its loop is for, said after a comma ("..., for the kids' choir
    to clap along with"): words there are no sound, and no part the reading leaves out."""
    return _FOR_AFTER_COMMA.sub("", text)


_POLITE = re.compile(r"[\s,]+(?:please|pls|plz|thanks|thank you|cheers)[\s.!?]*$")  # "..., 4 bars please"

# "warp the audio clip", "turn this audio loop into midi", "split the selected audio clip into stems": an audio
# action on a clip there is, no new audio
_ACTED_ON = re.compile(
    r" (?:warp|analy[sz]e|separate|split|transcribe|convert|quantize|mute|unmute|solo|stretch) (?:the |this |that |my )?"
    r"(?:selected |current |chosen |highlighted )?audio (?:clip|loop|recording|sample)s? "
)


# a new sample asked for by what it sounds like: "make a string swell sample", "create a riser sample" (never a
# sample played or chopped: "chop the sample", "play the vocal sample")
_NEW_SAMPLE = re.compile(
    r"^ (?:(?:please|can you|could you|pls) )*(?:make|create|generate|give|get|i need|i want|need)(?: me| us)? "
    r"(?:a|an|some|\d+) (?:\w+ ){1,4}(?:sample|samples|one shot|one shots)(?: (?:please|for \w+.*))? $"
)


def new_sample(s: str) -> bool:
    """Whether a normalised sentence asks for a new sample by its sound (MusicGen's job)."""
    return _NEW_SAMPLE.search(s) is not None


def anywhere(s: str) -> bool:
    """Whether the normalised sentence names MusicGen or an audio loop (not one an audio action is done on)."""
    return any(f" {w} " in s for w in ANYWHERE) and (" musicgen " in s or _ACTED_ON.search(s) is None)


# what the loop is for, said right after its length ("crowd applause eight bars for the grand entrance"): no sound
_BARS_THEN_PURPOSE = re.compile(
    r"(\b(?:\d+|two|four|eight|twelve|sixteen|thirty two) (?:bars?|measures?)) for (?:the|a|an|my|our|his|her|their)"
    r" .*$",
    re.IGNORECASE,
)


# one word said last, after the length: "phin and khaen, 8 bar krub" (a politeness particle no table reads)
_LAST_AFTER_BARS = re.compile(_BARS.pattern + r"[\s,]+(\w+)[\s.!?]*$", re.IGNORECASE)


def _without_particle(text: str) -> str:
    """``text`` without a last word after its bars that no English sentence says: a particle, no sound."""
    last = _LAST_AFTER_BARS.search(text)
    if last is None or last.group(1).lower() in english_words():
        return text
    return text[: last.start(1)]


# what follows "audio loop" when the sound is said after it: "audio loop, rain on a tin roof", "... please: rain"
_SOUND_AFTER = re.compile(r"\s*(?:(?:please|pls|plz)\b\s*)?[,:;\u2013\u2014-]")


def _loop_kept(m: re.Match[str]) -> bool:
    """Whether "loop" stays a prompt word where "audio loop" is said ("a dusty drum audio loop": the drum loop);
    not before "of", nor where only a request's frame is said before it and the sound follows a comma, a colon or
    a dash ("make an audio loop, rain on a tin roof")."""
    framed = all(x.strip(",:") in PROMPT_FILLER for x in m.string[: m.start()].lower().split())  # "make an"
    return (
        m.group(1) == "loop"
        and " of" not in m.group(0)
        and not (framed and _SOUND_AFTER.match(m.string, m.end()))
    )


def prompt_as_written(heard: str) -> str:
    """The prompt of a sentence that names MusicGen or an audio loop anywhere (may be empty); spoken
    fillers and self-corrections are not prompt words ("uh", "like" as a filler: ``fillers``)."""
    said = re.sub(r"\bw/(?!o\b)", "with ", heard.lower())  # "w/" is written back after (``params_of``)
    text = " ".join(fillers.self_corrected(fillers.marked(said).split()))
    described = _DESCRIBED.search(text)  # "yo make an audio loop, 4 bars long, of rain": what follows "of"
    text = text[described.end() :] if described else text
    text = _ENGINE.sub(" ", text)
    text = _AUDIO.sub(lambda m: " loop " if _loop_kept(m) else " ", text)
    text = _without_particle(_BARS_THEN_PURPOSE.sub(r"\1", text))  # "..., eight bars for the grand entrance"
    text = _BARS.sub(" ", text)
    words = text.split()
    while words and words[0].lower().strip(",:") in PROMPT_FILLER:
        words.pop(0)
    prompt = PURPOSE.sub("", _POLITE.sub("", " ".join(words))).strip(" ,.;:!?").lstrip("-\u2013\u2014 ")
    prompt = re.sub(r"\s+,", ",", re.sub(r",\s*,", ",", prompt))
    return prompt.lower()


def prompt_after_trigger(s: str) -> str:
    """The words after the last MusicGen trigger ("a loop of", "render"), filler dropped."""
    start = 0
    for trigger in v.MUSICGEN_TRIGGERS:
        pos = s.rfind(f" {trigger} ")
        if pos >= 0:
            start = max(start, pos + len(trigger) + 1)
    words = s[start:].split()
    while words and words[0] in PROMPT_FILLER:
        words.pop(0)
    return " ".join(words)


STRONG_TRIGGERS = ("a sample of", "sample of", "a loop of", "loop of", "a sound of")
_STRONG = re.compile(
    rf"\b(?:{'|'.join(sorted(map(re.escape, STRONG_TRIGGERS), key=len, reverse=True))})\s+", re.I
)


def written_after_trigger(heard: str) -> str | None:
    """The words after the last "a loop of", "sample of" or "a sound of" as the sentence writes them (its
    commas and its words of other tongues kept: "a loop of oud and qanun, taqsim style"), or None."""
    found = list(_STRONG.finditer(heard))
    return heard[found[-1].end() :] if found else None


_KEY_WORDS = re.compile(r"\s*,?\s*\b(?:in (?:the key of )?|key of )?_key_\b")
# "at a hundred and twelve", "at one twelve": a tempo said in words, last
_AT_WORDS = re.compile(
    r",?\s+(?:at|@) ((?:(?:a|and|hundred|"
    + "|".join(sorted(NUMBER_WORDS))
    + r")\b ?)+)(?: bpm| beats per minute)?$"
)
_AT_TEMPO = re.compile(r",?\s+(?:at |@ ?)(\d+)(?: bpm| beats per minute)?$")  # "..., 4 bars @ 105"
_LENGTH = re.compile(
    r"\s*,?\s*\b(?:for |of |about |around )?(?:a |an )?\d+ ?(?:bars?|measures?|seconds?|secs?)(?: long)?\b"
)
# "an actual loop for me, something like an 8-bit arpeggio": the sound is what it is likened to
_LIKENED = re.compile(
    r"^.*?\b(?:something|somthing|somethin|sth|smth|kind of|sort of|anything)\s+like\s+(?:an? |some )?"
)
_LOOP_LAST = re.compile(
    r"(?<=\w)\s+loops?$"
)  # "a vinyl crackle rain ambience loop": the loop is what is made
# what the loop is for, said last: "for the singalong bit", "for the listening exercise", "for my film"
_BPM = re.compile(r"\s*,?\s*\b(?:at |@ ?)?(\d+) ?(?:bpm|beats per minute)\b")
_SAMPLE = re.compile(
    r"^(?:loop\s*:\s*|(?:a |an )?(?:sample|loop) of (?:a |an |some )?)|\s+(?:sample|samples)$"
)


def params_of(heard: str, s: str, params: dict[str, Any], key: str | None = None) -> dict[str, Any] | str:
    """The musicgen params, or the reason it cannot be one (no description). A key said in the
    sentence is the ``key`` param, and its words are not in the prompt (issue 44)."""
    written = None if anywhere(s) else written_after_trigger(heard)
    if anywhere(s) or written is not None:
        prompt = prompt_as_written(heard if written is None else written)
        from bridge.commands.normalize import extract_key

        key, prompt = extract_key(prompt)
    else:
        prompt = prompt_after_trigger(s)
    if "_key_" in prompt:
        prompt = _KEY_WORDS.sub(" ", " ".join(prompt.split()))
        params = {**params, **({"key": key} if key else {})}
    prompt = _SAMPLE.sub("", " ".join(prompt.split())).strip(" ,.;:")
    prompt = _BARS.sub(" ", _LENGTH.sub(" ", prompt)).strip(" ,.;:")  # "rain on a window, eight bars"
    prompt = PURPOSE.sub("", " ".join(prompt.split())).strip(" ,.;:")  # "..., for her to improvise over"
    prompt = _FOR_WHAT.sub("", prompt).strip(" ,.;:")  # "..., for the listening exercise"
    prompt = (
        _FOR_AFTER_COMMA.sub("", prompt).strip(" ,.;:") if anywhere(s) else prompt
    )  # "..., for a transition"
    if (bpm := _BPM.search(prompt)) is not None and 40 <= int(bpm.group(1)) <= 300:  # "a 90 bpm drone"
        prompt, params = _BPM.sub(" ", prompt), {**params, "tempo_bpm": int(bpm.group(1))}
        prompt = " ".join(prompt.split())
    prompt = _tempo_in_digits(prompt)  # "..., eight bars at a hundred twelve": the tempo said in words
    tempo = _AT_TEMPO.search(prompt)  # "a jungle break at 170": Live's tempo, not prompt words
    if tempo and 40 <= int(tempo.group(1)) <= 300:
        prompt, params = prompt[: tempo.start()].strip(" ,"), {**params, "tempo_bpm": int(tempo.group(1))}
    if " with " not in f" {heard.lower()} " and re.search(r"\bw/(?!o)", heard.lower()):  # as it was written
        prompt = re.sub(r"\bwith\b", "w/", prompt)
    prompt = _LIKENED.sub("", prompt)  # a trailing "loop" said with no "audio loop" is what is made:
    prompt = prompt if anywhere(s) else _LOOP_LAST.sub("", prompt).strip(" ,.;:")  # not sound words
    if not prompt:
        return "MusicGen needs a description, e.g. 'lofi piano loop with vinyl crackle'"
    return {**params, "prompt": as_typed(prompt, heard)}


def _tempo_in_digits(prompt: str) -> str:
    """``prompt`` with a tempo said last in words ("at a hundred and twelve", "at one twelve") in digits;
    a number outside 40..300 bpm ("birds singing at one") stays as said."""
    said = _AT_WORDS.search(prompt)
    spoken = words_to_digits(said.group(1).split()) if said is not None else []
    if said is None or len(spoken) != 1 or not spoken[0].isdigit() or not 40 <= int(spoken[0]) <= 300:
        return prompt
    return prompt[: said.start(1)] + spoken[0]


_WORD = re.compile(r"[^\W_]+")


def as_typed(prompt: str, heard: str) -> str:
    """``prompt`` (read in lower case) with each word written as the sentence ``heard`` types it, in order
    ("down Frenchmen Street", "dusty Rhodes"): a word the sentence does not type (a number written as
    digits, a word put right) stays as read."""
    typed = heard.lower()
    if len(typed) != len(heard):  # a letter whose lower case is longer ("İ"): the places would not line up
        return prompt
    out: list[str] = []
    at, end = 0, 0
    for m in _WORD.finditer(prompt):
        found = re.search(rf"(?<![^\W_]){re.escape(m.group(0))}(?![^\W_])", typed[at:])
        out.append(prompt[end : m.start()])
        if found is None:
            out.append(m.group(0))
        else:
            out.append(heard[at + found.start() : at + found.end()])
            at += found.end()
        end = m.end()
    return "".join(out) + prompt[end:]
