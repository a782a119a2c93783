"""What the musician typed, given back (issue 55): the readers rewrite a sentence (a slip corrected, slang or text
speak said plainly, a filler dropped, accents folded), but an answer shows and keeps the words as typed.

- ``as_typed``: an answer's ``heard`` is the sentence as typed (shown in the status line, kept by the take
  history), understood or not ("make the drums more trappy" is no "... more trap"), and a clause left undone
  (``not_done``) is given back in the typed words it was read from ("..., and more trappy");
- ``spelled``: a track named with an accent keeps the accent as typed: "mute the violão track" is
  ``track_name`` "violão", not the reader's folded "violao". The reader folds accents early (``spanish.fold``)
  so that "violão" and "violao" read the same; Live's own track lookup folds both sides too
  (``actions.place.track.tracks_named``), so the act is the same either way. A word of a track name is given
  back its typed spelling when a word of the sentence folds to it; an ASCII sentence is returned untouched;
- ``kept_quoted`` (round 38): a name or prompt given in quotes comes back exactly as typed: no reader's table
  (sections, tongues, spelling) rewrites the words inside quotes (``name this take "mukhda final"`` is named
  "mukhda final", never the section table's "the chorus final"); and round 39: a prompt not quoted in the
  English words typed (``prompt_as_typed``: "bass drum loop" is a loop of "bass drum", never "kick").

Stdlib only.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from bridge.commands.english import english_words
from bridge.commands.intent import Intent
from bridge.commands.spanish import fold

NAME_KEYS = ("track_name", "source_track_name")
QUOTED_KEYS = (
    "name",
    "track_name",
    "source_track_name",
    "prompt",
)  # the params whose words are the musician's
# a span in double quotes (straight or curly), or in single quotes standing apart from words ("don't" is none)
QUOTED = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d|(?<!\w)\'([^\']+)\'(?!\w)|\u2018([^\u2019]+)\u2019')
_MARKS = " \"'\u201c\u201d\u2018\u2019.,;:!?"
_WORD = re.compile(r"[^\W\d_]+")


def spelled(text: str, intent: Intent) -> Intent:
    """``intent`` with each track name's folded words spelled as ``text`` typed them."""
    if text.isascii() or not intent.understood:
        return intent
    typed = {fold(w): w.lower() for w in _WORD.findall(text) if not w.isascii()}
    params = _respelled(intent.params, typed)
    return intent if params is intent.params else Intent(intent.action, intent.part, params, intent.heard)


def _respelled(params: dict[str, Any], typed: dict[str, str]) -> dict[str, Any]:
    """``params`` with its names respelled (the same dict when nothing changes); later requests too."""
    out = dict(params)
    for key in NAME_KEYS:
        if isinstance(name := params.get(key), str):
            out[key] = _WORD.sub(lambda m: typed.get(m.group(0), m.group(0)), name)
    if isinstance(later := params.get("then"), list):
        out["then"] = [
            {**step, "params": _respelled(step["params"], typed)}
            if isinstance(step, dict) and isinstance(step.get("params"), dict)
            else step
            for step in later
        ]
    return params if out == params else out


def kept_quoted(typed: str, intent: Intent) -> Intent:
    """``intent`` with each name or prompt read from a quoted span of ``typed`` that span, exactly as typed
    (the readers' rewrite of it, ``intent.heard``, aligned back to the typed words by ``typed_clause``)."""
    spans = {
        "".join(m.groups("")).strip().lower(): "".join(m.groups("")).strip() for m in QUOTED.finditer(typed)
    }
    if not spans or not intent.understood:
        return intent
    params = dict(intent.params)
    for key in QUOTED_KEYS:
        if isinstance(value := params.get(key), str) and value not in spans.values():
            source = typed_clause(value, intent.heard, typed).strip(_MARKS).lower()
            inside = [span for low, span in spans.items() if low in source]  # a prompt: its quote alone
            whole = inside[0] if key == "prompt" and len(inside) == 1 and len(spans) == 1 else value
            params[key] = spans.get(source, whole)
    if params == intent.params:
        return intent
    return Intent(intent.action, intent.part, params, intent.heard)


def prompt_as_typed(typed: str, intent: Intent) -> Intent:
    """A MusicGen prompt the readers rewrote ("bass drum" read as the kick, "cymbal" as the crash) in the words
    typed: the typed run it was read from, where every word of that run is English (a slip the spelling put
    right, "pinao", and a prompt said in another tongue stay as read)."""
    prompt = intent.params.get("prompt") if intent.action == "musicgen" else None
    if not isinstance(prompt, str) or not prompt:
        return intent
    from bridge.commands.normalize import normalize  # the readers' words (normalize reads much: late)

    heard = " ".join(intent.heard.split())
    said = typed_clause(typed_clause(prompt.lower(), normalize(heard)[0], heard), heard, typed)
    words = [_plain(w) for w in said.split()]
    if words[:1] != prompt.lower().split()[:1] and words[0] in ("the", "a", "an", "some"):  # read without it
        said, words = " ".join(said.split()[1:]), words[1:]
    if said.lower() == prompt.lower() or not all(w in english_words() or w.isdigit() for w in words):
        return intent
    return Intent(intent.action, intent.part, {**intent.params, "prompt": said}, intent.heard)


def as_typed(text: str, intent: Intent) -> Intent:
    """``intent`` with its ``heard`` (and an unknown answer's ``params["heard"]``) the sentence as typed, its
    spaces made single, each clause of its ``not_done`` in the typed words it was read from, and a name or
    prompt said in quotes as typed (``kept_quoted``)."""
    typed = " ".join(text.split())
    intent = kept_quoted(typed, prompt_as_typed(typed, intent))
    params = intent.params
    if not intent.understood and params.get("heard", typed) != typed:
        params = {**params, "heard": typed}
    left = params.get("not_done")
    if isinstance(left, list) and intent.heard != typed:
        undone = [typed_clause(c, intent.heard, typed) if isinstance(c, str) else c for c in left]
        params = params if undone == left else {**params, "not_done": undone}
    if intent.heard == typed and params is intent.params:
        return intent
    return Intent(intent.action, intent.part, params, typed)


def _plain(word: str) -> str:
    return word.lower().strip(".,;:!?'\"()")


def typed_clause(clause: str, heard: str, typed: str) -> str:
    """The words of ``typed`` that ``clause`` (words of ``heard``, the readers' rewrite of ``typed``) was read
    from, aligned word by word; ``clause`` itself where it is no run of ``heard``'s words."""
    said, words, wanted = heard.split(), typed.split(), [_plain(w) for w in clause.split()]
    plain = [_plain(w) for w in said]
    at = next((i for i in range(len(said) - len(wanted) + 1) if plain[i : i + len(wanted)] == wanted), None)
    if at is None or not wanted:
        return clause
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, plain, [_plain(w) for w in words], False).get_opcodes():
        for k in range(i1, i2):  # equal: word for word; replaced or dropped: the whole run typed there
            starts[k] = j1 + (k - i1) if tag == "equal" else j1
            ends[k + 1] = j1 + (k - i1) + 1 if tag == "equal" else j2
    first, last = starts.get(at), ends.get(at + len(wanted))
    if first is None or last is None or last <= first:
        return clause
    return " ".join(words[first:last]).strip(" ,.;:!?")
