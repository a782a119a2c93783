"""Scope phrases and counts of the generated command corpus (``command_corpus.py``): a scope said
("in bars 5 to 8", "for the last four bars", "on the offbeats", "in the chorus") with its schema value.
"""

from __future__ import annotations

import random
from typing import Any

from tools.corpus import command_words as w


def number(rng: random.Random, choices: tuple[int, ...] = (2, 4, 8, 16)) -> tuple[str, int]:
    n = rng.choice(choices)
    return (w.NUMBERS.get(n, str(n)) if rng.random() < 0.5 else str(n)), n


def scope(rng: random.Random) -> tuple[str, dict[str, Any]]:
    """A scope phrase and its schema value."""
    kind = rng.choice(["bars", "bars", "half", "first_bars", "last_bars", "from_bar", "until_bar", "every",
                       "beats", "section", "section"])  # fmt: skip
    if kind == "bars":
        a = rng.choice([1, 3, 5, 9, 13, 17])
        b = a + rng.choice([0, 1, 3, 7])
        if a == b:
            return rng.choice([f"in bar {a}", f"on bar {a}", f"just bar {a}"]), {"bars": [a, a]}
        return rng.choice([f"in bars {a} to {b}", f"bars {a}-{b}", f"from bar {a} to bar {b}",
                           f"between bars {a} and {b}", f"over bars {a} through {b}"]), {"bars": [a, b]}  # fmt: skip
    if kind == "half":
        h = rng.choice([1, 2])
        word = "first" if h == 1 else rng.choice(["second", "last", "back"])
        return rng.choice([f"in the {word} half", f"for the {word} half", f"during the {word} half"]), {
            "half": h
        }
    if kind in ("first_bars", "last_bars", "every"):
        words, n = number(rng, (2, 4, 8))
        if kind == "every":
            ordinal = w.ORDINALS.get(n, f"{n}th")
            return rng.choice([f"every {ordinal} bar", f"every {words} bars", f"once every {words} bars"]), {
                "every": n
            }
        edge = "first" if kind == "first_bars" else rng.choice(["last", "final"])
        return rng.choice([f"in the {edge} {words} bars", f"for the {edge} {words} bars",
                           f"over the {edge} {words} bars"]), {kind: n}  # fmt: skip
    if kind in ("from_bar", "until_bar"):
        words, n = number(rng, (4, 8, 9, 16))
        if kind == "from_bar":
            return rng.choice([f"after bar {words}", f"from bar {n + 1} on", f"from bar {n + 1} onwards"]), {
                "from_bar": n + 1
            }
        # "until bar N" stops before bar N (docs/intents.md), so it holds bars up to N - 1
        return rng.choice([f"before bar {n + 1}", f"up to bar {n}", f"until bar {n + 1}"]), {"until_bar": n}
    if kind == "beats":
        choices: list[str | int] = ["offbeats", "downbeats", "backbeat", 3, 2]
        value = rng.choice(choices)
        said = {"offbeats": ["on the offbeats", "on the off beats", "on the ands"],
                 "downbeats": ["on the downbeats", "on the one", "on every downbeat"],
                 "backbeat": ["on the backbeat", "on two and four", "on the 2 and 4"]}  # fmt: skip
        if isinstance(value, int):
            return rng.choice([f"on beat {value}", f"on beat {w.NUMBERS[value]}"]), {"beats": value}
        return rng.choice(said[value]), {"beats": value}
    section = rng.choice(w.SECTIONS)
    return rng.choice([f"in the {section}", f"during the {section}", f"for the {section}",
                       f"in the {section} section"]), {"section": section}  # fmt: skip
