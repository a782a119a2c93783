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

from tools.corpus import command_scopes as sc
from tools.corpus import command_templates as tpl
from tools.corpus import command_templates_registers as rg
from tools.corpus import command_templates_spoken as sp
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
        words, scope = sc.scope(rng)
        text = text.replace("{s}", words, 1)
        means["scope"] = scope
    elif op in tpl.SCOPED and rng.random() < 0.3:
        words, scope = sc.scope(rng)
        text = f"{text} {words}" if rng.random() < 0.8 else f"{words}, {text}"
        means["scope"] = scope
    text = text.replace("{n}", sc.number(rng)[0]).replace("{g}", rng.choice(w.GENRES))
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


def generate(
    seed: int = 0, per_template: int = 3, contrasts: int = 800, without: tuple[str, ...] = ()
) -> list[Example]:
    """The corpus: every template filled ``per_template`` times, plus ``contrasts`` contrast sentences,
    round 8's writers' kinds (:func:`_writers`), round 10's registers (``command_templates_registers``)
    and round 9's terse and dictated requests (:func:`_spoken`); ``without`` leaves out those named."""
    unknown = set(without) - {"writers", "registers", "spoken"}
    if unknown:
        raise ValueError(f"corpus kinds {sorted(unknown)} unknown: expected writers, registers or spoken")
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
    if "writers" not in without:
        out += _writers(random.Random(seed + 8), per_template)
    if "registers" not in without:
        out += [Example(*e) for e in rg.registers(random.Random(seed + 10), _fill, _dress, per_template)]
    return out + ([] if "spoken" in without else _spoken(random.Random(seed + 9), per_template))


def _spoken(
    rng: random.Random, per_template: int, dictated: int = 500, corrected: int = 200
) -> list[Example]:
    """Round 9's kinds (``command_templates_spoken``): every terse template filled ``per_template``
    times (a bare section named first now and then: "chorus {t} more busy please"), ``dictated``
    requests of any template as speech to text writes them, and ``corrected`` of them with a false
    start ("make the kick no wait the snare louder": the words after the correction count)."""
    out: list[Example] = []
    for op, templates in sp.TERSE.items():
        for template, kinds in templates:
            for _ in range(per_template):
                text, means = _fill(template, kinds, op, rng)
                if op in tpl.SCOPED and "scope" not in means and rng.random() < 0.25:
                    section = rng.choice([s for s in w.SECTIONS if s not in ("drop", "build")])  # not verbs
                    text, means = f"{section} {text}", {**means, "scope": {"section": section}}
                out.append(Example(sp.terse(text, rng), means))
    ops = [op for op in tpl.TEMPLATES if op != "confirm"]
    for _ in range(dictated):
        op = rng.choice(ops)
        template, kinds = rng.choice([*tpl.TEMPLATES[op], *sp.TERSE.get(op, [])])
        text, means = _fill(template, kinds, op, rng)
        if (template, kinds) in sp.TERSE.get(op, []):
            text = sp.terse(text, rng)
        else:
            text = _dress(text, rng, frames=op not in tpl.UNFRAMED)
        out.append(Example(sp.dictate(text, rng), means))
    named = [
        (op, t, k) for op in sorted(tpl.CONTRASTABLE) for t, k in tpl.TEMPLATES[op] if k in ("p", "v", "pv")
    ]
    for _ in range(corrected):
        op, template, kinds = rng.choice([n for n in named if "{t}" in n[1]])
        kind = rng.choice(kinds)
        said, label = _target(kind, rng)
        for _ in range(5):
            first, other = _target(kind, rng)
            if other != label:
                break
        corrected_target = f"{first} {rng.choice(sp.CORRECTIONS)} {said}"
        text, means = _fill(template.replace("{t}", corrected_target, 1), "", op, rng)
        out.append(Example(sp.dictate(text, rng), {**means, "target": label}))
    return out


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
