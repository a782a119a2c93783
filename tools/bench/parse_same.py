"""Does a speed-up change any reading? ``roo parse --json`` of every written sentence, ours beside a peer.

    PYTHONPATH=$PWD .venv/bin/python -m tools.bench.parse_same [--peer main] [--reading both] [--step K]

Each parser (this working tree, and the ``bridge``/``engines`` of git revision ``--peer`` extracted
with ``git archive``) reads every sentence of tests/data/commands*.yaml in its own child process (the
two at once) and writes one line per sentence: the JSON ``roo parse --json`` prints (action, part and
params: a question's reason and suggestions too), and with the learned reading on, its op
probabilities of the sentence as the encoder gives them (``repr`` of each float: a change of the
encoder's numbers in the last bit shows). ``--reading``: with the learned reading on (the daemon),
off (the rules alone, as most tests read), or both (the default). The voice benches' commands
(``voice_studio``, ``voice_latency``, ``voice_prompt``) and the transcripts and recogniser readings kept
in .cache/voice_studio (where a checkout has them) are read as typed and as heard (``voiced=True``).
The lines are compared; any difference is printed and the exit status is 1. ``--tolerance T`` lets op
probabilities differ by up to T (an encoder whose numbers are the same within rounding, e.g. the ONNX
export); the parse itself must still be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.bench.parser import peer_tree
from tools.bench.parser_latency import sentences

ROOT = Path(__file__).resolve().parents[2]
HEARD = ROOT / ".cache" / "voice_studio"  # the voice bench's kept decodes (not committed)

_CHILD = """
import json, sys
from bridge.commands import parse
from bridge.commands import reader as lr
from bridge.commands.agree import learned_sees
for t, voiced in json.load(sys.stdin):
    got = lr.reading_of(learned_sees(t))
    ops = [[op, repr(p)] for op, p in got.ops] if got else None
    print(json.dumps([t, voiced, parse(t, voiced=voiced).as_dict(), ops], sort_keys=True))
"""


def spoken() -> list[str]:
    """The voice benches' command lists, and the transcripts and readings kept by ``voice_studio``."""
    from tools.bench.voice_latency import COMMANDS as PRESSED
    from tools.bench.voice_prompt import SENTENCES
    from tools.bench.voice_studio import COMMANDS

    texts = [*COMMANDS, *PRESSED, *(s.strip() for s in re.split(r"(?<=\.) ", SENTENCES))]
    for path in sorted(HEARD.glob("hearings*.json")):
        for row in json.loads(path.read_text()):
            readings = (row.get("hearing") or {}).get("readings") or []
            texts += [str(row.get("transcript") or ""), *(str(r.get("text") or "") for r in readings)]
    return [t for t in dict.fromkeys(texts) if t.strip()]


def start(items: list[tuple[str, bool]], tree: Path, reading: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1", "MUSEAROO_READING": reading}
    proc = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=env, cwd=tree)  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(items))
    proc.stdin.close()
    return proc


def lines(proc: subprocess.Popen[str]) -> list[str]:
    assert proc.stdout is not None
    out = proc.stdout.read().splitlines()
    if proc.wait() != 0:
        raise SystemExit(f"a parser's child process failed (exit status {proc.returncode})")
    return out


def same(ours: str, theirs: str, tolerance: float) -> bool:
    """One sentence's lines alike: bit for bit, or the same parse and op probabilities within ``tolerance``."""
    if ours == theirs or tolerance <= 0:
        return ours == theirs
    (text, voiced, parsed, ops), (text2, voiced2, parsed2, ops2) = json.loads(ours), json.loads(theirs)
    if (text, voiced, parsed) != (text2, voiced2, parsed2) or (ops is None) != (ops2 is None):
        return False
    pairs = list(zip(ops or [], ops2 or [], strict=False))
    return len(ops or []) == len(ops2 or []) and all(
        a[0] == b[0] and abs(float(a[1]) - float(b[1])) <= tolerance for a, b in pairs
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", default="main", help="git revision to compare with (default: main)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (0: all)")
    ap.add_argument("--step", type=int, default=1, help="every STEP-th sentence of every set (1: all)")
    ap.add_argument("--tolerance", type=float, default=0.0, help="op probabilities may differ by this much")
    ap.add_argument("--reading", choices=("on", "off", "both"), default="both", help="the learned reading")
    ap.add_argument("--no-voice", action="store_true", help="leave out the voice benches' sentences")
    args = ap.parse_args()
    typed = sentences()[:: args.step][: args.limit or None]
    heard = [] if args.no_voice else spoken()[:: args.step]
    items = [(t, False) for t in typed] + [(t, v) for t in heard for v in (False, True)]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="roo_parse_same_") as tmp:
        peer = peer_tree(args.peer, Path(tmp))
        for reading in ("on", "off") if args.reading == "both" else (args.reading,):
            children = start(items, ROOT, reading), start(items, peer, reading)  # the two at once
            ours, theirs = lines(children[0]), lines(children[1])
            differ = [(a, b) for a, b in zip(ours, theirs, strict=True) if not same(a, b, args.tolerance)]
            for a, b in differ[:20]:
                print(f"ours:  {a}\npeer:  {b}\n")
            print(f"reading {reading}: {len(items)} parses ({len(typed)} typed sentences, {len(heard)} spoken "
                  f"ones typed and heard), {len(differ)} read differently from {args.peer}")  # fmt: skip
            failed += len(differ)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
