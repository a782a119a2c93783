"""The generated command corpus that trains the learned reading (``bridge/reading``).

``generate(seed)`` gives the same list of :class:`Example` for the same seed: sentences built
from the operations of docs/intents.md, each with the ways of saying it, filled with targets
(parts, drum voices, tracks, takes), scopes and quantities, wrapped in polite or indirect
frames, contrasts and negations ("don't touch the kick, just thin the chords"), with UK
spellings and typos sprinkled in. Labels are the schema's ``op``, ``target`` and ``scope``
(the fields the head reads; quantities are the slot readers' job and are not labelled).

In a template, ``{t}`` is the target (its kinds are the letters after the template: ``p`` part,
``v`` drum voice, ``k`` a track by name, ``w`` a drum voice's word as a track's name
(the template says "track"), ``h`` this clip, ``m`` the clip's audio by what it holds ("this
bass line": the kind transcribed), ``e`` one instrument of a recording ("the bass of this
sample": a stem), ``r`` a take, ``s`` the song, ``a`` all parts, ``j`` the jam; no letter: no
target said), ``{s}`` a scope, ``{n}`` a count, ``{g}`` a genre, ``{y}`` a key, ``{b}`` a tempo.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from tools.corpus import command_templates as tpl
from tools.corpus import command_templates_writers as wr
from tools.corpus import command_words as w

BARE_AFTER = frozenset({"a", "an", "some", "any", "fresh", "new", "more", "less", "different", "denser", "sparser",
                        "louder", "quieter", "complex", "no"})  # fmt: skip


ALL_PARTS = ["all the parts", "every part", "everything", "all parts", "the full band", "all four parts",
             "the whole lot"]  # fmt: skip


@dataclass(frozen=True)
class Example:
    text: str
    means: dict[str, Any]  # docs/intents.md shape: op, target when said, scope when said


def _target(kind: str, rng: random.Random, bare: bool = False) -> tuple[str, str | None]:
    """(words, schema target) of one target kind; ``bare``: a part or voice without an article."""
    if kind == "p":
        label = rng.choice(list(w.PARTS))
        article = "" if bare else rng.choice(["the ", "the ", "my ", "this ", ""])
        return f"{article}{rng.choice(w.PARTS[label])}", label
    if kind == "v":
        label = rng.choice(list(w.VOICES))
        article = "" if bare else rng.choice(["the ", "the ", "those ", ""])
        return f"{article}{rng.choice(w.VOICES[label])}", label
    if kind == "k":
        name = rng.choice(w.TRACKS)
        return rng.choice(w.TRACK_FORMS).format(t=name), f"track:{name}"
    if kind == "w":  # a drum voice's word as a track's name ("the shaker track")
        word = rng.choice(rng.choice(list(w.VOICES.values())))
        return word, f"track:{word}"
    if kind == "h":
        return rng.choice(w.THIS), "this"
    if kind == "m":  # audio of the clip said by what it holds ("this bass line"): the kind heard
        label = rng.choice(list(w.AUDIO_KINDS))
        article = "" if bare else rng.choice(["this ", "the ", "my ", "that "])
        return f"{article}{rng.choice(w.AUDIO_KINDS[label])}", label
    if kind == "e":  # one instrument of a mixed recording ("the bass of this sample"): a stem
        label = rng.choice(list(w.STEM_KINDS))
        of = rng.choice(["of", "from", "in", "out of"])
        return f"the {rng.choice(w.STEM_KINDS[label])} {of} {rng.choice(w.MIXES)}", label
    if kind == "r":
        if rng.random() < 0.15:
            ident = rng.choice(w.TAKE_IDS)
            return rng.choice([f"take {ident}", f"take number {ident}", f"version {ident}"]), f"take:{ident}"
        label = rng.choice(list(w.TAKES))
        return rng.choice(w.TAKES[label]), label
    if kind == "s":
        return rng.choice(w.SONG), "song"
    if kind == "a":
        return rng.choice(ALL_PARTS), "all"
    if kind == "j":
        return rng.choice(["the jam", "the jam session", "the live jam", "the jam"]), "jam"
    if kind == "f":  # a part or voice said by how it sounds ("the thumpy one")
        return wr.feel_target(rng)
    if kind == "o":  # an orchestral track by name
        name = rng.choice(wr.ORCHESTRA)
        return rng.choice(w.TRACK_FORMS).format(t=name), f"track:{name}"
    if kind == "c":  # the selected clip named as what it is in a score ("this ostinato")
        return rng.choice(wr.THIS_CUE), "this"
    raise ValueError(f"target kind {kind!r} is not one of p v k w h m e r s a j f o c")


def _number(rng: random.Random, choices: tuple[int, ...] = (2, 4, 8, 16)) -> tuple[str, int]:
    n = rng.choice(choices)
    return (w.NUMBERS.get(n, str(n)) if rng.random() < 0.5 else str(n)), n


def _scope(rng: random.Random) -> tuple[str, dict[str, Any]]:
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
        words, n = _number(rng, (2, 4, 8))
        if kind == "every":
            ordinal = w.ORDINALS.get(n, f"{n}th")
            return rng.choice([f"every {ordinal} bar", f"every {words} bars", f"once every {words} bars"]), {
                "every": n
            }
        edge = "first" if kind == "first_bars" else rng.choice(["last", "final"])
        return rng.choice([f"in the {edge} {words} bars", f"for the {edge} {words} bars",
                           f"over the {edge} {words} bars"]), {kind: n}  # fmt: skip
    if kind in ("from_bar", "until_bar"):
        words, n = _number(rng, (4, 8, 9, 16))
        if kind == "from_bar":
            return rng.choice([f"after bar {words}", f"from bar {n + 1} on", f"from bar {n + 1} onwards"]), {
                "from_bar": n + 1
            }
        return rng.choice([f"before bar {n + 1}", f"up to bar {n}", f"until bar {n}"]), {"until_bar": n}
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


def _fill(template: str, kinds: str, op: str, rng: random.Random) -> tuple[str, dict[str, Any]]:
    means: dict[str, Any] = {"op": op}
    text = template
    if "{t}" in text:
        before = text.split("{t}", 1)[0].split()
        bare = bool(before) and (
            before[-1] in BARE_AFTER or before[-1].startswith("{") or before[-1] == "the"
        )
        words, label = _target(rng.choice(kinds), rng, bare)
        text = text.replace("{t}", words, 1)
        if label is not None:
            means["target"] = label
    if op == "none":  # not a MuseAroo request: whatever it names is no target
        means.pop("target", None)
    if op == "transcribe":  # nothing said of the audio: the selected clip's (docs/intents.md)
        means.setdefault("target", "this")
    if "{s}" in text:
        words, scope = _scope(rng)
        text = text.replace("{s}", words, 1)
        means["scope"] = scope
    elif op in tpl.SCOPED and rng.random() < 0.3:
        words, scope = _scope(rng)
        text = f"{text} {words}" if rng.random() < 0.8 else f"{words}, {text}"
        means["scope"] = scope
    text = text.replace("{n}", _number(rng)[0]).replace("{g}", rng.choice(w.GENRES))
    text = text.replace("{y}", rng.choice(w.KEYS)).replace("{b}", str(rng.randrange(70, 175)))
    return text, means


def _contrast(rng: random.Random) -> Example:
    """A change to one target while another is named as kept ("leave the kick alone, thin the hats")."""
    op = rng.choice(sorted(tpl.CONTRASTABLE))
    template, kinds = rng.choice(
        [t for t in tpl.TEMPLATES[op] if "{t}" in t[0] and t[1] in ("pv", "v", "p", "pvk")]
    )
    text, means = _fill(template, kinds, op, rng)
    kept = means.get("target")
    for _ in range(5):
        words, other = _target(rng.choice("pv"), rng)
        if other != kept:
            break
    if rng.random() < 0.5 and kept is not None:  # "shuffle the hats but keep the snare straight"
        words = f"{words} {rng.choice(['straight', 'as is', 'where it is', 'untouched', 'the way it is'])}"
        frame = rng.choice(["{c} but keep {keep}", "{c}, just keep {keep}", "keep {keep} and {c}"])
    else:
        frame = rng.choice(w.CONTRASTS)
    return Example(frame.format(keep=words, c=text), means)


def _typo(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    i = rng.randrange(len(words))
    word = words[i]
    if len(word) > 3:
        j = rng.randrange(1, len(word) - 1)
        edit = rng.choice(["drop", "swap", "double"])
        if edit == "drop":
            word = word[:j] + word[j + 1 :]
        elif edit == "swap":
            word = word[: j - 1] + word[j] + word[j - 1] + word[j + 1 :]
        else:
            word = word[:j] + word[j] + word[j:]
    words[i] = word
    return " ".join(words)


def _casual(text: str, rng: random.Random) -> str:
    words = [w.CASUAL.get(word, word) for word in text.split(" ")]
    text = " ".join(words).replace("right now", "rn")
    if rng.random() < 0.4 and not text.endswith("?"):
        text += rng.choice(w.CASUAL_TAILS)
    return text


def _dress(text: str, rng: random.Random, frames: bool = True) -> str:
    if frames and not text.endswith("?"):
        first = text.split(" ", 1)[0].lower()
        imperative = first not in w.NOT_VERBS and not first.endswith(("er", "ly"))
        text = rng.choice(w.FRAMES if imperative else w.LIGHT_FRAMES).format(c=text)
    for us, uk in w.UK_US.items():
        if us in text and rng.random() < 0.4:
            text = text.replace(us, uk)
    if rng.random() < 0.1:  # typed casually: "u", "r", "w", "tho", "rq"
        text = _casual(text, rng)
    if rng.random() < 0.12:
        text = _typo(text, rng)
    if rng.random() < 0.2:
        text = text.capitalize()
    if rng.random() < 0.15 and not text.endswith("?"):
        text += rng.choice([".", "!", " pls", " thx", " :)"])
    return text


def generate(seed: int = 0, per_template: int = 3, contrasts: int = 800) -> list[Example]:
    """The corpus: every template filled ``per_template`` times, plus ``contrasts`` contrast sentences
    and round 8's writers' kinds (:func:`_writers`)."""
    rng = random.Random(seed)
    out: list[Example] = []
    for op, templates in tpl.TEMPLATES.items():
        for template, kinds in templates:
            repeats = per_template if ("{t}" in template or "{s}" in template) else max(1, per_template - 1)
            for _ in range(repeats):
                text, means = _fill(template, kinds, op, rng)
                out.append(Example(_dress(text, rng, frames=op not in tpl.UNFRAMED), means))
    for _ in range(contrasts):
        example = _contrast(rng)
        out.append(Example(_dress(example.text, rng, frames=False), example.means))
    return out + _writers(random.Random(seed + 8), per_template)


def _writers(rng: random.Random, per_template: int, feels: int = 300, reasons: int = 400) -> list[Example]:
    """Round 8's kinds (``command_templates_writers``), ``feels`` requests of a part's or voice's
    template naming the sound by its feel, then ``reasons`` requests of any template told with a
    reason first or after ("the hats fight the dialogue, so thin the drums")."""
    out: list[Example] = []
    for op, templates in wr.WRITERS.items():
        for template, kinds in templates:
            for _ in range(per_template):
                text, means = _fill(template, kinds, op, rng)
                if "f" in kinds and rng.random() < 0.3:
                    text += rng.choice(wr.BEGINNER_TAILS)
                frames = op not in tpl.UNFRAMED and wr.framed(template)
                out.append(Example(_dress(text, rng, frames=frames), means))
    either = [
        (op, t) for op in wr.REASONED for t, kinds in tpl.TEMPLATES[op] if "p" in kinds and "v" in kinds
    ]
    for _ in range(feels):  # a part or a voice's template with the sound said by its feel
        op, template = rng.choice(either)
        text, means = _fill(template, "f", op, rng)
        out.append(Example(_dress(text, rng), means))
    for _ in range(reasons):
        op = rng.choice(wr.REASONED)
        template, kinds = rng.choice([*tpl.TEMPLATES[op], *wr.WRITERS[op]])
        text, means = _fill(template, kinds, op, rng)
        why = wr.reason(rng, means.get("target"))
        first = text.split(" ", 1)[0].lower()
        imperative = first not in w.NOT_VERBS and "{" not in template.split(" ", 1)[0]
        text = rng.choice(wr.REASON_FRAMES + (wr.ASKING_FRAMES if imperative else [])).format(why=why, c=text)
        out.append(Example(_dress(text, rng, frames=False), means))
    measured = ("scope" in e.means and rng.random() < 0.3 for e in out)  # a score's count: measures
    return [Example(wr.measures(e.text), e.means) if m else e for e, m in zip(out, measured, strict=True)]


def main() -> None:
    examples = generate()
    for example in examples[:: max(1, len(examples) // 40)]:
        print(f"{example.text!r:70} {example.means}")
    print(f"{len(examples)} sentences, {len({e.means['op'] for e in examples})} ops")


if __name__ == "__main__":
    main()
