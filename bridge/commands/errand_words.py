"""Errands for people, not music (issue 44, fifth round): "call the choir director and tell him we're
running late", "text the drummer", "remind me to pay the studio". A sentence whose verb is about
people or errands, and that asks for no sound by name (MusicGen, an audio loop, "a sample of"), is
refused whole: no MusicGen prompt is made of it (a sound word in it, "choir", is a person's job
there), and no other action is taken. Stdlib only.
"""

from __future__ import annotations

import re

# verbs of errands; "call it nocturne", "tell me the key" are the app's own and are left alone
_VERBS = r"(?:call|ring|phone|tell|text|txt|email|e mail|mail|message|dm|remind|book|order|pay|buy|invite|schedule)"
_LEAD = (
    r"(?:(?:please|hey|ok|okay|so|um|uh|just|and|but|oh|also|quick|quickly) )*"
    r"(?:(?:could|can|would|will) you (?:please )?|(?:i|we) (?:need|have|got|want) to |(?:i|we) gotta |"
    r"(?:dont|do not) forget to |remember to |(?:please )?go )?"
)
# what follows the app's own uses of these verbs: naming ("call it x"), a question put to the app
_OWN = re.compile(
    r"^ (?:call|tell|text|message) (?:it|this|that|these|those|me|us)\b(?! to )"
    r"|^ call (?:the |this |that )?(?:take|clip|track|loop|part|song|section|scene|version|one) "
    r"|^ remind me (?:what|which|how|of the) "
)
_ERRAND = re.compile(rf"^ {_LEAD}{_VERBS} ")
# a sound asked for by name keeps the sentence a MusicGen request, whatever else it says
_SOUND_ASKED = (" musicgen ", " music gen ", " audio loop", " audio clip", " as audio ", " sample of ", " loop of ",
                " sound of ", " render ")  # fmt: skip
REASON = "that is not something MuseAroo does (it makes and changes music in Live)"


def errand(s: str) -> bool:
    """Whether the normalised sentence (padded) is an errand for people rather than a command."""
    m = _ERRAND.match(s)
    if m is None or any(w in s for w in _SOUND_ASKED):
        return False
    verb_on = " " + s[m.end() - len(m.group(0).split()[-1]) - 1 :].lstrip()
    return _OWN.match(verb_on) is None
