"""The spoken forms of issue 44's grammar (JSGF), from the same tables the parser reads.

``compose`` (operations on voices over a scope), ``scope_words``, ``session_words`` and
``setting_words`` are the one source: each frame here is built from their word lists, so what can be
said is what the parser reads (tests/bridge/commands/test_grammar.py draws sentences from every
rule and checks each parses to its rule's action). ``rules(alt)`` gives the frames to add to the
grammar's rules, ``alt`` being the grammar's own alternative builder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bridge.commands import change_words as cp
from bridge.commands.feel_words import FEELS
from bridge.commands.shift_words import TIME_AMOUNTS

Alt = Callable[[Iterable[str]], str]
# the voices said in the frames (the rest of change_words.VOICES are typed spellings or rarer words)
SAID_VOICES = ("kick", "snare", "hats", "hi hats", "ride", "toms", "claps", "crash", "shaker", "open hats")
SCOPES: tuple[str, ...] = ("in the first half", "in the second half", "in bars <bar_count> to <bar_count>",
                          "in the first <bar_count> bars", "in the last <bar_count> bars", "after bar <bar_count>",
                          "before bar <bar_count>", "every other bar", "on the downbeats", "on the offbeats")  # fmt: skip
# a song's sections, said as a change's scope ("kill the hats in the breakdown"): region_words reads them
SAID_SECTIONS = (
    "intro",
    "verse",
    "chorus",
    "bridge",
    "breakdown",
    "drop",
    "second verse",
    "last chorus",
)  # fmt: skip  ("outro": not in the speech dictionary)
SCOPES += tuple(f"in the {name}" for name in SAID_SECTIONS)
ON_BEATS = ("on the offbeats", "on the backbeat", "on the downbeats")
# the feels said as "make the bass <feel>" (the table's phrases of these kinds, digits aside)
FEEL_WORDS = tuple(p for p, kind in FEELS.items() if kind in ("four_on_the_floor", "straight", "syncopate")
                   and not any(c.isdigit() for c in p) and p != "unswing")  # fmt: skip
FEEL_PARTS = ("drums", "bass", "chords", "melody")


def rules(alt: Alt) -> dict[str, str]:
    """Frames to add: ``transform`` (appended), ``vary`` (appended), ``undo`` (appended), ``history`` (appended),
    ``tempo_any`` (appended), ``generate`` (appended), and the new ``mixer`` and ``set_meter``."""
    voice = alt(SAID_VOICES)
    removes = alt(p for p in cp.REMOVE if p in ("remove", "mute", "drop", "lose", "kill", "delete"))
    amounts = alt(p for p in TIME_AMOUNTS if p in ("a sixteenth", "an eighth", "half a beat", "a beat"))
    parts = alt(FEEL_PARTS)
    return {
        "scope44": alt(SCOPES),
        "transform": f" | {removes} the {voice} <scope44> | ( add | put ) some {voice} {alt(ON_BEATS)}"
        " | add ghost notes [ to the snare ] | make the " + voice + " ( louder | quieter )"
        f" | nudge the {voice} {amounts} ( later | earlier ) | make the {parts} {alt(FEEL_WORDS)}"
        f" | turn ( it | this ) into a waltz | give the {parts} more movement | make the chords hit on the offbeats"
        f" | ( humanize | quantize ) the {voice} <scope44>",
        "vary": f" | vary the {alt(SAID_SECTIONS)}",
        "undo": " | undo the last ( two | three | four ) ( things | changes | steps )",
        "history": " | ( star | unstar ) the ( first | second | third ) one"
        " | i liked the ( first | second | third ) one better | show me my starred takes",
        "tempo_any": " | ( speed the jam up | slow the jam down ) to <bpm_number>"
        " | ( bump | push ) the tempo ( up | down ) <digit> bpm",
        "generate": " | ( change | switch ) the genre to <genre>",
        "mixer": f"( mute | unmute | solo ) the {alt(('drums', 'bass', 'chords', 'melody', 'bass line'))}",
        "set_meter": "( switch | set ) the ( song | time signature ) to ( three four | six eight | four four | five four )",
    }


def merge(base: dict[str, str], alt: Alt) -> dict[str, str]:
    """The grammar's rules with these frames added (appended to a rule that exists, else new)."""
    out = dict(base)
    for name, frame in rules(alt).items():
        out[name] = out[name] + frame if name in out and frame.startswith(" | ") else frame
    return out
