"""Leave one tongue out (issue 55): a tabled tongue's sets read with its table switched off, as the next
tongue no table reads would be met by the generic layer (``bridge.commands.unread_mix``).

    PYTHONPATH=. .venv/bin/python tools/bench/tongue_out.py --without indonesian [--without ...]
        [--json OUT] [--show-misses] SETS...
    PYTHONPATH=. .venv/bin/python tools/bench/tongue_out.py --tongues [--json OUT]   (every tongue, on and off)

Bench only: the switches patch the readers of this process (never the daemon's path). A table switched off
says nothing (its reader returns the sentence as it was), marks no sentence as its tongue (``unread_mix``
leaves a tabled sentence to that table's checks), and its words are no longer known to the generic layer
(``unread_mix._known`` holds the Spanish and Hinglish tables' words). Each set is scored as
``grammar_blind`` scores it; a *wrong act* is a row acted on a wrong reading (``wrong``, or ``acted`` where a
question or a refusal was meant). ``--tongues`` runs one process per tongue with its table on, one with it
off, and one for the sets of tongues no table reads (``UNTABLED``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SETS = ROOT / "tests" / "data"
# a tabled tongue -> its table's switch name and its writers' sets (the writers' headers)
TABLED: dict[str, tuple[str, tuple[int, ...]]] = {
    "Hinglish (L5, P5)": ("hinglish", (122, 124)),
    "Indonesian (P6)": ("indonesian", (148,)),
    "German (S3, I4, Q5, O6)": ("german", (76, 92, 126, 147)),
    "Spanish (A4, V4, R5)": ("spanish", (84, 105, 127)),
    "Jamaican Patois (H5)": ("patois", (117,)),
    "Nigerian Pidgin (B4)": ("pidgin", (85,)),
    "Scots (X5)": ("scots", (133,)),
    "Portuguese (O3, R4, D5)": ("borrowed", (72, 101, 113)),
    "French (J4, V5)": ("borrowed", (93, 131)),
}
# tongues no table ever read -> their writers' sets
UNTABLED: dict[str, tuple[int, ...]] = {
    "Japanese (W4, U5)": (106, 130),
    "Korean (P4)": (99,),
    "Mandarin (I5)": (118,),
    "Vietnamese (I6)": (141,),
    "Turkish (J6)": (142,),
    "Egyptian Arabic (M6)": (145,),
    "Lebanese Arabic and French (B5)": (111,),
    "Finnish (O5)": (121,),
    "Polish (W5)": (132,),
    "Greek (R6)": (150,),
    "Sheng (Y5)": (134,),
    "Taglish (Z5)": (135,),
    "Italian (S6)": (151,),
    "Russian (U6)": (153,),
    "Dutch (V6)": (154,),
    "Persian (W6)": (155,),
    "Punjabi (Y6; a few words the Hinglish table shares)": (157,),
    "Thai (Z6)": (158,),
    "Hebrew (B7)": (160,),
    "Tamil (D7)": (162,),
    "Trinidadian Creole English (E7)": (163,),
    "Cantonese, typed as Kongish (F7)": (164,),
    "Romanian (G7)": (165,),
}
SWITCHES = ("hinglish", "indonesian", "german", "spanish", "patois", "pidgin", "scots", "borrowed")


def _same(text: str, *_: Any, **__: Any) -> str:
    return text


def switch_off(name: str) -> None:
    """Patch this process's readers so the table ``name`` reads nothing (module docstring)."""
    from bridge.commands import (
        heard,
        hinglish_words,
        patois_words,
        pidgin_words,
        plain_words,
        spanish,
        statements,
        tongues,
        unread_mix,
    )

    known: Callable[[], frozenset[str]] = unread_mix._known
    if name == "hinglish":
        heard.hinglish = _same  # type: ignore[assignment]
        hinglish_words.marked = lambda _text: False  # type: ignore[assignment]
        from bridge.commands import hinglish_table as ht

        said = {*ht.MARKERS, *(w for p in (*ht.VERBS, *ht.HOW, *ht.WORDS) for w in str(p).split())}
    elif name == "spanish":
        spanish.read = lambda _text: None  # type: ignore[assignment]
        from bridge.commands import spanish_words as sw

        tables = (sw.VERBS, sw.OTHER_VERBS, sw.NOUNS, sw.WORDS, sw.NUMBERS)
        said = {w for t in tables for p in t for w in str(p).split()}
    else:
        said = set()
        if name == "german":
            heard.german = _same  # type: ignore[assignment]
        elif name == "borrowed":
            tongues.borrowed = _same  # type: ignore[assignment]
            statements.borrowed = _same  # type: ignore[assignment]
        elif name in ("indonesian", "scots", "patois", "pidgin"):
            from bridge.commands import indonesian_words, scots_words

            setattr(plain_words, name, _same)
            module = {"indonesian": indonesian_words, "scots": scots_words, "patois": patois_words}
            setattr(module.get(name, pidgin_words), name, _same)  # its mark, judged by ``unread_mix.tabled``
        else:
            raise SystemExit(f"--without {name!r}: expected one of {', '.join(SWITCHES)}")
    if said:
        from bridge.commands.english import english_words
        from bridge.commands.tongues import FUNCTION

        kept = english_words() | FUNCTION  # an English word the table also says stays read
        base = known()
        unread_mix._known = lambda: frozenset(base - (said - kept))  # type: ignore[assignment]


def measure(paths: list[Path]) -> dict[str, Any]:
    """Each set scored as ``grammar_blind`` scores it, with its wrong acts counted."""
    from tools.bench.grammar_blind import load, run

    out: dict[str, Any] = {}
    for path in paths:
        result = run(load(path))
        wrong = [r for r in result["rows"] if r["how"] in ("wrong", "acted")]
        out[path.name] = {
            "n": result["n"],
            "points": result["points"],
            "wrong": len(wrong),
            "rows": result["rows"],
        }
    return out


def _set(number: int) -> Path:
    return SETS / f"commands_blind{number}.yaml"


def _child(sets: tuple[int, ...], without: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        cmd = [sys.executable, __file__, "--json", str(out), "--quiet", *map(str, map(_set, sets))]
        cmd += ["--without", without] if without else []
        subprocess.run(cmd, check=True, cwd=ROOT)
        return dict(json.loads(out.read_text()))


def _total(result: dict[str, Any]) -> tuple[float, int, int]:
    return (sum(r["points"] for r in result.values()), sum(r["wrong"] for r in result.values()),
            sum(r["n"] for r in result.values()))  # fmt: skip


def tongues_report(only: list[str]) -> dict[str, Any]:
    """Every tabled tongue on and off, and the untabled tongues as the generic layer reads them today;
    ``only``: the tongues whose names start so (all when empty)."""
    report: dict[str, Any] = {}
    for tongue, (name, sets) in TABLED.items():
        if only and not any(tongue.startswith(o) for o in only):
            continue
        on, off = _child(sets, None), _child(sets, name)
        report[tongue] = {"on": on, "off": off}
        (p1, w1, n), (p0, w0, _) = _total(on), _total(off)
        print(
            f"{tongue:34} n {n:3}  on {p1:5g} ({p1 / n:.3f}) wrong {w1:2}   off {p0:5g} ({p0 / n:.3f}) wrong {w0:2}"
        )
    for tongue, sets in UNTABLED.items():
        if only and not any(tongue.startswith(o) for o in only):
            continue
        today = _child(sets, None)
        report[tongue] = {"on": today}
        p, w, n = _total(today)
        print(f"{tongue:34} n {n:3}  no table: {p:5g} ({p / n:.3f}) wrong {w:2}")
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path)
    ap.add_argument("--without", action="append", default=[], choices=SWITCHES)
    ap.add_argument("--tongues", action="store_true", help="every tongue, its table on and off")
    ap.add_argument(
        "--only", default="", help="with --tongues: tongues whose names start so, comma separated"
    )
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    if args.tongues:
        out = tongues_report([o for o in args.only.split(",") if o])
    else:
        for name in args.without:
            switch_off(name)
        out = measure(args.sets)
        for name, r in out.items() if not args.quiet else ():
            print(f"{name}: {r['points']:g}/{r['n']} wrong acts {r['wrong']}")
            for row in r["rows"] if args.show_misses else ():
                if row["points"] < 1:
                    print(f"    {row['points']:g} {row['how']:16} {row['text']!r}\n      means {row['means']}\n"
                          f"      got   {row['got']}  {row['answer']['params'].get('reason', '')}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, sort_keys=True, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
