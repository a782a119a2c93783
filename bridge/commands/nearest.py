"""The speech grammar's sentences nearest in phones to a transcript (issue 56, v64).

In a room and under a song Whisper often writes a command's sound in other words that no recogniser
proposed as a command: "give me some cast chords", "make the melody easier", "set rate the vocals".
``near`` finds the grammar's sentences within ``within`` of such words in ``sounds.distance`` (the
phone edit distance over the longer sentence's phones), without listing the grammar (its sentences
number in the billions): a depth-first walk of the grammar (``jsgf``) that carries the edit distance's
row against the transcript's phones, and leaves a branch once the row's least cost exceeds what the
``within`` allows. The index is the grammar's rules with each word's phones, built once (``index``).

A number or a key is never found: its rules (``VALUES``) are slots the walk does not enter, and a
sentence that still reads as one (inline words: "transpose up two semitones") is dropped
(``says_a_value``: "two" and "three" are a phone apart); the choices of a question ("the first") are not
commands. What is found is only a suggestion for a
question's second choice (``spoken_offer.widen``): it never acts.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import cache
from typing import Any

from bridge.commands import jsgf, parse
from bridge.commands.grammar import build_jsgf
from bridge.commands.intent import Intent
from bridge.commands.safety import spoken
from bridge.commands.sounds import UNKNOWN, phones

VALUES = frozenset(
    {"digit", "teen", "tens", "n99", "slow_tens", "bpm_number", "bar_count", "key_name", "key_any"}
)
TOP = "action"  # the grammar's commands, without "please" and without a question's choices
LIMIT = 20000  # search steps per transcript at most (bounds the time: a far transcript finds less)


@dataclass(frozen=True)
class Index:
    rules: dict[str, jsgf.Node]
    sounds: dict[str, tuple[str, ...]]  # each grammar word's phones


@cache
def index() -> Index:
    """The grammar's rules and each of its words' phones (read once: about a second)."""
    rules = jsgf.parse_jsgf(build_jsgf())
    return Index(rules, {w: tuple(phones(w)) for w in jsgf.words(rules)})


def near(text: str, within: float, most: int = 3) -> list[tuple[float, str]]:
    """Up to ``most`` grammar sentences within ``within`` of ``text`` in phones (nearest first, as
    ``(distance, sentence)``; ``text`` itself where it is one), none reading as a number or a key; none
    for an empty transcript or a negative ``within``."""
    if not 0 <= within < 1:
        if within < 0:
            return []
        raise ValueError(f"within {within}: expected below 1")
    said = phones(text)
    if not said:
        return []
    n, idx = len(said), index()
    budget = within * n / (1 - within)  # the most edits a sentence within ``within`` can need
    _SPANS.clear()

    def step(row: tuple[int, ...], sound: tuple[str, ...]) -> tuple[int, ...]:
        for p in sound:
            new = [row[0] + 1]
            for j, q in enumerate(said, 1):
                same = p == q and p != UNKNOWN
                new.append(min(row[j] + 1, new[j - 1] + 1, row[j - 1] + (0 if same else 1)))
            row = tuple(new)
        return row

    def push(stack: tuple[jsgf.Node, ...], row: tuple[int, ...], words: tuple[str, ...], m: int) -> None:
        low, high = _span(stack, idx)
        bound = min(r + max(0, low - n + j, n - j - high) for j, r in enumerate(row))
        state = (tuple(id(s) for s in stack), row)
        if bound <= budget and state not in seen:
            seen.add(state)
            heapq.heappush(heap, (bound, len(seen), stack, row, words, m))

    heap: list[Any] = []
    seen: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    found: dict[str, float] = {}
    push((idx.rules[TOP],), tuple(range(n + 1)), (), 0)
    for _ in range(LIMIT):
        if not heap or len(found) >= most:
            break
        _, _, stack, row, words, m = heapq.heappop(heap)
        if not stack:
            d, sentence = row[-1] / max(n, m), " ".join(words)
            if d <= within and sentence not in found:
                meant = spoken(parse(sentence))
                if not says_a_value(meant):  # "up two semitones" is inline words
                    found[sentence] = d
            continue
        node, rest = stack[0], stack[1:]
        if node.kind == "word":
            sound = idx.sounds[node.value]
            push(rest, step(row, sound), (*words, node.value), m + len(sound))
        elif node.kind == "ref":
            if node.value not in VALUES:
                push((idx.rules[node.value], *rest), row, words, m)
        elif node.kind == "seq":
            push((*node.children, *rest), row, words, m)
        elif node.kind == "alt":
            for child in node.children:
                push((child, *rest), row, words, m)
        else:  # opt and star: none or once; plus: once
            if node.kind != "plus":
                push(rest, row, words, m)
            push((node.children[0], *rest), row, words, m)
    return sorted((d, s) for s, d in found.items())[:most]


def says_a_value(intent: Intent) -> bool:
    """Whether the command carries a number or a key: "two" and "three", "D" and "G" are a phone or two
    apart, too near for the sounds to tell ("transpose up to semitones" sounds like "transpose up three
    semitones"), so such a command is never acted on by its sounds alone."""
    values = intent.params.values()
    return "key" in intent.params or any(
        isinstance(v, int | float) and not isinstance(v, bool) for v in values
    )


_SPANS: dict[int, tuple[int, int]] = {}


def _span(stack: tuple[jsgf.Node, ...], idx: Index) -> tuple[int, int]:
    """The fewest and the most phones the nodes of ``stack`` can still say."""
    low = high = 0
    for node in stack:
        a, b = _node_span(node, idx)
        low, high = low + a, high + b
    return low, high


def _node_span(node: jsgf.Node, idx: Index) -> tuple[int, int]:
    got = _SPANS.get(id(node))
    if got is not None:
        return got
    if node.kind == "word":
        got = (len(idx.sounds[node.value]),) * 2
    elif node.kind == "ref":
        got = (10**6, 0) if node.value in VALUES else _node_span(idx.rules[node.value], idx)
    else:
        spans = [_node_span(c, idx) for c in node.children]
        if node.kind == "seq":
            got = (sum(a for a, _ in spans), sum(b for _, b in spans))
        elif node.kind == "alt":
            got = (min(a for a, _ in spans), max(b for _, b in spans))
        else:
            got = (0 if node.kind != "plus" else spans[0][0], spans[0][1])
    _SPANS[id(node)] = got
    return got
