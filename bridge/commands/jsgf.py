"""A reader for the JSGF subset our grammar uses: rules, ``|``, ``( )``, ``[ ]``, ``*``, ``+``.

It lets tests and the benchmark check the exact grammar text pocketsphinx receives: list its
words (each needs a pronunciation), draw random sentences from it (each must parse to its
action) and tell whether a sentence is inside it.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from engines.errors import InvalidValue

_TOKEN = re.compile(r"<[^>]+>|[()\[\]|*+;=]|[^\s()\[\]|*+;=<>]+")


@dataclass(frozen=True)
class Node:
    kind: str  # "word", "ref", "seq", "alt", "opt", "star", "plus"
    value: str = ""
    children: tuple[Node, ...] = ()


def parse_jsgf(text: str) -> dict[str, Node]:
    """Rules by name (without brackets); raises InvalidValue on text outside the subset."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith(("#", "grammar")))
    rules: dict[str, Node] = {}
    for statement in body.split(";"):
        if not statement.strip():
            continue
        head, sep, expansion = statement.partition("=")
        name = head.replace("public", "").strip()
        if not sep or not (name.startswith("<") and name.endswith(">")):
            raise InvalidValue(f"JSGF statement {statement.strip()!r} is not '<rule> = expansion;'")
        tokens = _TOKEN.findall(expansion)
        node, pos = _alternatives(tokens, 0)
        if pos != len(tokens):
            raise InvalidValue(f"JSGF rule {name}: unexpected {tokens[pos]!r}")
        rules[name[1:-1]] = node
    return rules


def _alternatives(tokens: list[str], pos: int) -> tuple[Node, int]:
    options = []
    node, pos = _sequence(tokens, pos)
    options.append(node)
    while pos < len(tokens) and tokens[pos] == "|":
        node, pos = _sequence(tokens, pos + 1)
        options.append(node)
    return (options[0] if len(options) == 1 else Node("alt", children=tuple(options))), pos


def _sequence(tokens: list[str], pos: int) -> tuple[Node, int]:
    items: list[Node] = []
    while pos < len(tokens) and tokens[pos] not in ("|", ")", "]"):
        tok = tokens[pos]
        if tok in ("(", "["):
            inner, pos = _alternatives(tokens, pos + 1)
            closing = ")" if tok == "(" else "]"
            if pos >= len(tokens) or tokens[pos] != closing:
                raise InvalidValue(f"JSGF: missing {closing!r}")
            item = inner if tok == "(" else Node("opt", children=(inner,))
        elif tok.startswith("<"):
            item = Node("ref", tok[1:-1])
        elif tok in ("*", "+", "=", ";"):
            raise InvalidValue(f"JSGF: unexpected {tok!r}")
        else:
            item = Node("word", tok)
        pos += 1
        if pos < len(tokens) and tokens[pos] in ("*", "+"):
            item = Node("star" if tokens[pos] == "*" else "plus", children=(item,))
            pos += 1
        items.append(item)
    return (items[0] if len(items) == 1 else Node("seq", children=tuple(items))), pos


def words(rules: dict[str, Node]) -> set[str]:
    """Every word the grammar can produce."""
    found: set[str] = set()

    def walk(node: Node) -> None:
        if node.kind == "word":
            found.add(node.value)
        for child in node.children:
            walk(child)

    for node in rules.values():
        walk(node)
    return found


def sample(rules: dict[str, Node], rule: str, rng: random.Random) -> str:
    """One random sentence of ``rule`` (options taken with probability 1/2, repeats up to 2)."""
    out: list[str] = []

    def expand(node: Node) -> None:
        if node.kind == "word":
            out.append(node.value)
        elif node.kind == "ref":
            expand(rules[node.value])
        elif node.kind == "seq":
            for child in node.children:
                expand(child)
        elif node.kind == "alt":
            expand(rng.choice(node.children))
        else:
            low = {"opt": 0, "star": 0, "plus": 1}[node.kind]
            high = 1 if node.kind == "opt" else 2
            for _ in range(rng.randint(low, high)):
                expand(node.children[0])

    expand(rules[rule])
    return " ".join(out)


def accepts(rules: dict[str, Node], rule: str, sentence: str) -> bool:
    """True when ``sentence`` (words separated by spaces) is a sentence of ``rule``."""
    tokens = sentence.split()

    def ends(node: Node, start: frozenset[int]) -> frozenset[int]:
        if not start:
            return start
        if node.kind == "word":
            return frozenset(i + 1 for i in start if i < len(tokens) and tokens[i] == node.value)
        if node.kind == "ref":
            return ends(rules[node.value], start)
        if node.kind == "seq":
            for child in node.children:
                start = ends(child, start)
            return start
        if node.kind == "alt":
            return frozenset().union(*(ends(child, start) for child in node.children))
        reached = start if node.kind != "plus" else frozenset()
        frontier = start
        while frontier:
            frontier = ends(node.children[0], frontier) - reached
            reached |= frontier
            if node.kind == "opt":
                break
        return reached

    return len(tokens) in ends(rules[rule], frozenset({0}))
