"""The studio benchmark's lines (``voice_studio``), and its report of the daemon's pair with its own
limits beside pocketsphinx alone and Whisper's best transcript alone, by voice family (``--current``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tools.bench.voice_studio_rules import (
    _found,
    pair_decision,
    rates,
    reachable,
    sphinx_decision,
    whisper_decision,
)
from tools.bench.voice_tts import Voice, family_of


def line(name: str, r: dict[str, float]) -> str:
    """One decision's rates (``voice_studio_rules.rates``) on one line, after ``name``."""
    confirm = f"  confirm {r['confirm']:.3f} ({int(r['confirm_wrong'])} wrong)" if "confirm" in r else ""
    return f"{name:34} n={int(r['n']):3}  understood {r['understood']:.3f}  asked {r['asked']:.3f}  misheard-acted {int(r['misheard'])}{confirm}"  # fmt: skip


def current(
    held_rows: list[dict[str, Any]],
    tune_rows: list[dict[str, Any]],
    held: tuple[Voice, ...],
    conditions: tuple[str, ...],
    limits: Any = None,
) -> None:
    """The daemon's pair with its own limits (with v58a's Whisper's lead, ``whisper_lead`` 2.0: off in the daemon; before issue 56 part J: song changes acted on though the
    recognisers disagree, main's decision; before part I: the learned reading starting commands too; before part H: ``whisper_sure`` off too; before part G: ``sounds_within``
    off too; and with ``whisper_alone`` on: issue 56 part F, not adopted), pocketsphinx alone and
    Whisper's best transcript alone, by half, family and condition (held out first), then the pair and Whisper alone by held-out voice;
    ``limits``: the pair's retuned, reported beside the daemon's (``agreeing.LIMITS``)."""
    from bridge.commands.agreeing import LIMITS

    print(f"the daemon's limits (agreeing.LIMITS), not tuned here: {LIMITS}")
    pair_limits = LIMITS
    alone = replace(LIMITS, whisper_alone=True)  # issue 56 part F's rule, measured, off in the daemon
    lead = replace(LIMITS, whisper_lead=2.0)  # v58a's rule, measured, off in the daemon
    acting = replace(LIMITS, confirm_edits="off")  # before issue 56 part J
    learned = replace(acting, learned_starts=True)  # before issue 56 part I
    before = replace(learned, sounds_within=-1.0, whisper_sure=1.0)  # before issue 56 part G
    unsure = replace(learned, whisper_sure=1.0)  # before issue 56 part H
    for title, rows in (("held-out voices", held_rows), ("tuning voices", tune_rows)):
        print(title)
        for family in dict.fromkeys(family_of(r["entry"]["voice"]) for r in rows):
            for condition in ("all", *conditions):
                sub = [r for r in rows if family_of(r["entry"]["voice"]) == family and condition in ("all", r["entry"]["condition"])]  # fmt: skip
                name = f"{family}, {condition}"
                print(f"  {line(name + ': pair', rates(sub, lambda r: pair_decision(r, pair_limits)))}  some candidate right {reachable(sub):.3f}")  # fmt: skip
                print(
                    "  " + line(name + ": pair, Whisper's lead", rates(sub, lambda r: pair_decision(r, lead)))
                )
                print(
                    "  " + line(name + ": pair before part J", rates(sub, lambda r: pair_decision(r, acting)))
                )
                print(
                    "  "
                    + line(name + ": pair before part I", rates(sub, lambda r: pair_decision(r, learned)))
                )
                print(
                    "  " + line(name + ": pair before part H", rates(sub, lambda r: pair_decision(r, unsure)))
                )
                print(
                    "  " + line(name + ": pair before part G", rates(sub, lambda r: pair_decision(r, before)))
                )
                print(
                    "  " + line(name + ": pair, Whisper alone", rates(sub, lambda r: pair_decision(r, alone)))
                )
                if limits is not None:
                    print(
                        "  " + line(name + ": pair, retuned", rates(sub, lambda r: pair_decision(r, limits)))
                    )
                print("  " + line(name + ": pocketsphinx alone", rates(sub, sphinx_decision)))
                print("  " + line(name + ": Whisper's best alone", rates(sub, whisper_decision)))
    for voice in held:
        sub = [r for r in held_rows if r["entry"]["voice"] == voice.label]
        print("  " + line(f"{voice.label}: pair", rates(sub, lambda r: pair_decision(r, pair_limits))))
        print("  " + line(f"{voice.label}: Whisper's best alone", rates(sub, whisper_decision)))


def asked_why(rows: list[dict[str, Any]], conditions: tuple[str, ...]) -> None:
    """Where the daemon's pair asked with the command meant among its candidates, by condition: which
    of the rule's reasons asked (``spoken_agree.judge``'s, several may hold), and whether the command
    it leaned to was the one meant."""
    from collections import Counter

    from bridge.commands.agreeing import LIMITS
    from bridge.commands.reply import reply
    from tools.bench.voice_confidence import TRUSTED, right

    for condition in conditions:
        sub = [r for r in rows if r["entry"]["condition"] == condition]
        reasons: Counter[str] = Counter()
        asked = first_right = 0
        for r in sub:
            d = pair_decision(r, LIMITS)
            if reply(d, TRUSTED).what != "ask" or not any(
                right(c.intent.as_dict(), r["entry"]) for c in _found(r)[0]
            ):
                continue
            asked += 1
            first_right += right(d.intent.as_dict(), r["entry"])
            for why in d.why.split("; ") if d.kind == "ask" else [f"said back ({d.kind})"]:
                reasons[_kind(why)] += 1
        print(
            f"{condition} (n={len(sub)}): asked with the right command a candidate {asked}, leaning to it {first_right}"
        )
        for kind, n in reasons.most_common():
            print(f"    {n:3}  {kind}")


def _kind(why: str) -> str:
    """A reason of ``spoken_agree.judge`` without the sentence it names."""
    for kind in ("pocketsphinx did not hear", "pocketsphinx heard only", "pocketsphinx heard", "pocketsphinx nearly heard", "Whisper heard", "Whisper nearly heard", "Whisper hears no command well"):  # fmt: skip
        if why.startswith(kind):
            return kind
    return why
