"""A MusicGen prompt given in quotes after the request for audio (issue 55, round 39): the quote is the prompt.

'generate audio: "the bass drum of a marching band"', "make an audio loop 'lofi piano with vinyl crackle', 8
bars", 'musicgen "a crowd clapping in a big hall"': the words inside the quotes are the sound, as typed, whatever
part, section or drum voice they name (no reader reads them: "bass drum" stays, never the kick; "hook" stays,
never the chorus). Only where the words before the quote ask for audio (audio, a sound, a sample, an audio loop
or MusicGen named, after a making verb or alone) and nothing but a length or a tempo follows it; anything else
("name this take 'warm pad'", "make a melody like 'yesterday'") is left to the readers. Stdlib only.
"""

from __future__ import annotations

import re

from bridge.commands.intent import Intent
from bridge.commands.numbers import words_to_digits

_ASK = r"(?:(?:please|can you|could you|would you|hey|ok|okay|now|just) )*"
_VERB = r"(?:(?:generate|make|create|render|produce|give|get|do|write|build)(?: me| us)?|i (?:want|need)|lets (?:get|have|hear))"
_AUDIO = (
    r"(?:(?:an?|some|the) )?(?:audio(?: (?:loop|clip|sample|file|track))?s?|(?:sound|sample|sound effect|sfx)s?"
    r"|(?:an? )?loop|(?:with |using |via )?(?:musicgen|music gen))"
)
_WITH = r"(?: (?:of|with|from|for|saying|that sounds like|like|from the prompt|with the prompt|prompt))?"
_QUOTE = (
    r"(?:\"(?P<a>[^\"]+)\"|\u201c(?P<b>[^\u201d]+)\u201d|'(?P<c>[^']+)'(?!\w)|\u2018(?P<d>[^\u2019]+)\u2019)"
)
_LENGTH = r"(?P<n>\d+|[a-z]+(?: [a-z]+)?) (?:bars?|measures?)(?: long)?"
_TEMPO = r"(?:at )?(?P<bpm>\d{2,3}) ?bpm"
_AFTER = rf"(?:[\s,;-]*(?:(?:for |of )?{_LENGTH}|{_TEMPO}|please|thanks|thank you))*"
_QUOTED = re.compile(
    rf"^\s*{_ASK}(?:{_VERB} )?{_AUDIO}(?: {_AUDIO})?{_WITH}\s*[:\-\u2013\u2014]?\s*{_QUOTE}{_AFTER}[\s.!]*$",
    re.I,
)


def quoted_prompt(text: str) -> Intent | None:
    """The musicgen intent of a request for audio whose sound is given in quotes, the quote its prompt as typed;
    None for any other sentence."""
    said = " ".join(text.replace("\u2019s", "s").split())
    m = _QUOTED.match(said)
    if m is None:
        return None
    prompt = next(g for g in m.group("a", "b", "c", "d") if g).strip(" ,.;:")
    if not prompt:
        return None
    params: dict[str, object] = {"prompt": prompt}
    if m.group("n") is not None:
        count = words_to_digits(m.group("n").lower().split())
        if len(count) != 1 or not count[0].isdigit():
            return None  # "... 'rain', lots of bars": a length no one can read is left to the readers
        params["bars"] = int(count[0])
    if m.group("bpm") is not None and 40 <= int(m.group("bpm")) <= 300:
        params["tempo_bpm"] = int(m.group("bpm"))
    return Intent("musicgen", None, params, said)
