"""Whisper told what to listen for (issue 56, v60a): the studio bench's utterances (``voice_studio``)
decoded again by Whisper alone with another prompt, pocketsphinx's kept decodes reused, and decided by
the daemon's pair (``agreeing.LIMITS``, unchanged) beside today's prompt's kept decodes.

faster-whisper's ``hotwords`` is no other lever here: ``WhisperModel.get_prompt`` puts the hotwords'
tokens after ``sot_prev``, where ``initial_prompt``'s go, and ``FastWhisper.hear`` writes that slot
itself. So each prompt below is the text of that slot (``FastWhisper.hear``'s ``words``).

Usage: ``python -m tools.bench.voice_prompt --prompt words --half tuning`` decodes (kept in
``.cache/voice_studio/hearings-10s-<prompt>.json``, resumed where it stopped); ``--report`` decides every
prompt kept so far beside today's, per half, voice family and condition; ``--noise`` decodes clips with no
speech in them (silence, pink noise, the bench's song loops) with every prompt and says what the pair does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

import numpy as np

from bridge.commands.agreeing import LIMITS
from bridge.commands.audio import SPEECH_RATE_HZ, read_speech_wav
from bridge.commands.fast_whisper import clean, unrepeated, written
from bridge.commands.spoken_agree import proposals
from bridge.commands.whisper_prompt import HAND_PICKED, grammar_words
from tools.bench.voice_confidence import hearing_of, right
from tools.bench.voice_studio import FOLDER
from tools.bench.voice_studio_report import line
from tools.bench.voice_studio_rules import pair_decision, rates, sphinx_decision
from tools.bench.voice_tts import FAMILIES, family_of

# The grammar's command frames written once each, the lists' first words in them (none is a sentence
# of the bench but the grammar's fixed phrases: undo that, cancel that, stop, play).
SENTENCES = (
    "Make the drums busier. Generate a jazz bass line. Vary the melody. Humanize the chords. "
    "Quantize the drums. Transpose down three semitones. Set the tempo to ninety. Set the key to D major. "
    "Mute the kick. Split the vocals. Halve the tempo. Start a jam in E minor. Make a loop of piano. "
    "Undo that. Cancel that. Stop. Play."
)
PROMPTS = {"today": HAND_PICKED, "words": grammar_words(), "sentences": SENTENCES}
CONDITIONS = ("clean", "room", "song")


BASE = FOLDER / "hearings-10s.json"  # today's prompt's decodes, kept by ``voice_studio``


def kept(prompt: str) -> Path:
    """The decodes made here with ``prompt`` (today's too: the check that they come out as kept)."""
    return FOLDER / f"hearings-10s-{prompt}.json"


def tuning_voices() -> set[str]:
    """The studio bench's tuning voices and the one- and two-word set's (``voice_rivals``, v86)."""
    from tools.bench.voice_rivals import tuning_labels

    return {v.label for tune, _ in FAMILIES.values() for v in tune} | tuning_labels()


def decode(prompt: str, half: str, most: int, out: Path | None = None) -> None:
    """Whisper's transcripts and scores of ``half``'s rows with ``prompt``; pocketsphinx's as kept (in
    ``out``, else ``kept(prompt)``: two halves decoded at once each into a file of its own)."""
    from bridge.commands.fast_whisper import FastWhisper

    base = json.loads(BASE.read_text())
    out = out or kept(prompt)
    done = {r["wav"]: r for r in json.loads(out.read_text())} if out.exists() else {}
    tune = tuning_voices()
    todo = [r for r in base if (r["entry"]["voice"] in tune) == (half == "tuning") and r["wav"] not in done][
        :most
    ]
    print(f"{len(todo)} to decode with {prompt!r}: {PROMPTS[prompt]!r}", flush=True)
    whisper = FastWhisper()
    for n, row in enumerate(todo):
        start = time.perf_counter()
        heard = whisper.hear(read_speech_wav(row["wav"]), (PROMPTS[prompt],))
        table = dict(row["table"])  # scores do not depend on the prompt (``score`` decodes without it)
        missing = [s for s in dict.fromkeys(written(t.text) for t, _ in proposals(hearing_of(row), heard)) if s not in table]  # fmt: skip
        table.update(zip(missing, whisper.score(missing), strict=True))
        ms = (time.perf_counter() - start) * 1000.0
        done[row["wav"]] = {**{k: v for k, v in row.items() if not k.startswith("_")}, "whisper": [{"text": t.text, "score": t.score} for t in heard], "table": table, "whisper_ms": ms}  # fmt: skip
        if n % 24 == 23 or n == len(todo) - 1:
            out.write_text(json.dumps(list(done.values())))
            print(f"  {n + 1} decoded, {time.strftime('%H:%M:%S', time.gmtime())} UTC", flush=True)


def wrote(row: dict[str, Any]) -> str:
    """What Whisper's best transcript is: the command said, another command, or no command."""
    from bridge.commands import parse
    from bridge.commands.safety import spoken

    if not row["whisper"]:
        return "nothing"
    intent = spoken(parse(unrepeated(clean(row["whisper"][0]["text"]))))
    if not intent.understood:
        return "no command"
    return "the command" if right(intent.as_dict(), row["entry"]) else "another command"


def report(only: tuple[str, ...]) -> None:
    today = json.loads(BASE.read_text())
    tune = tuning_voices()
    others = {p: {r["wav"]: r for r in json.loads(kept(p).read_text())} for p in only if kept(p).exists()}  # fmt: skip
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}; limits {LIMITS}"
    )
    for title, is_tune in (("held-out voices", False), ("tuning voices", True)):
        rows = [r for r in today if (r["entry"]["voice"] in tune) == is_tune]
        for prompt, by_wav in others.items():
            if prompt == "today":  # the check: today's prompt decoded again here
                same = [r for r in rows if r["wav"] in by_wav and by_wav[r["wav"]]["whisper"] == r["whisper"]]
                print(
                    f"{title}: today's prompt again, {len(same)} of {sum(r['wav'] in by_wav for r in rows)} as kept"
                )
                continue
            if not all(r["wav"] in by_wav for r in rows):
                continue
            print(f"{title}: prompt {prompt!r} beside today's")
            for family in dict.fromkeys(family_of(r["entry"]["voice"]) for r in rows):
                for condition in ("all", *CONDITIONS):
                    sub = [r for r in rows if family_of(r["entry"]["voice"]) == family and condition in ("all", r["entry"]["condition"])]  # fmt: skip
                    new = [by_wav[r["wav"]] for r in sub]
                    name = f"{family}, {condition}"
                    print(
                        "  " + line(f"{name}: pair, {prompt}", rates(new, lambda r: pair_decision(r, LIMITS)))
                    )
                    print("  " + line(f"{name}: pair, today", rates(sub, lambda r: pair_decision(r, LIMITS))))
                    print("  " + line(f"{name}: pocketsphinx alone", rates(sub, sphinx_decision)))
                    print(f"    Whisper's best wrote {_counts(new)} ({prompt}); {_counts(sub)} (today)")
            changed = [(r, by_wav[r["wav"]]) for r in rows if _said(r) != _said(by_wav[r["wav"]])]
            print(f"  decisions changed: {len(changed)} of {len(rows)}")
            for old, new in changed:
                e = new["entry"]
                print(f"    {e['voice']} {e['condition']} {e['text']!r}: {_said(old)} -> {_said(new)}; Whisper {old['whisper'][0]['text'] if old['whisper'] else ''!r} -> {new['whisper'][0]['text'] if new['whisper'] else ''!r}")  # fmt: skip


def _counts(rows: list[dict[str, Any]]) -> str:
    from collections import Counter

    c = Counter(wrote(r) for r in rows)
    return ", ".join(f"{k} {c[k]}" for k in ("the command", "another command", "no command", "nothing"))


def _said(row: dict[str, Any]) -> str:
    from bridge.commands.reply import reply
    from bridge.commands.spoken_check import is_check
    from tools.bench.voice_confidence import TRUSTED, outcome

    d = pair_decision(row, LIMITS)
    what = "said back" if is_check(d) else reply(d, TRUSTED).what
    return f"{what} {outcome(d, row['entry'])} ({d.intent.action})"


def noise(prompts: list[str]) -> None:
    """Clips with no speech (silence, pink noise at two levels, the four song loops alone at two
    places), 2 s each, decoded by pocketsphinx once and Whisper with every prompt: what the pair does."""
    from bridge.commands.agreeing import Agreeing
    from bridge.commands.fast_whisper import FastWhisper
    from bridge.commands.sphinx import SphinxRecognizer
    from tools.bench.voice_studio import GENRES, _loop

    n = 2 * SPEECH_RATE_HZ
    rng = np.random.default_rng(60)
    pink = read_speech_wav(FOLDER / "pink.wav").astype(np.float32)
    clips = {"silence": rng.normal(0, 3, n), "pink -40 dBFS": pink[:n], "pink -25 dBFS": pink[n : 2 * n]}
    clips["pink -40 dBFS"] *= 0.01 * 32768 / max(1.0, float(np.sqrt(np.mean(pink**2))))
    clips["pink -25 dBFS"] *= 0.056 * 32768 / max(1.0, float(np.sqrt(np.mean(pink**2))))
    for genre in GENRES:
        loop = _loop(genre, FOLDER)
        for at in (0, 3):
            part = loop[at * SPEECH_RATE_HZ : at * SPEECH_RATE_HZ + n]
            clips[f"{genre} loop at {at} s"] = (
                part * 0.1 * 32768 / max(1e-9, float(np.sqrt(np.mean(part**2))))
            )
    audio = {k: np.clip(x, -32768, 32767).astype(np.int16) for k, x in clips.items()}
    whisper, sphinx = FastWhisper(), SphinxRecognizer()
    for prompt in prompts:
        pair = Agreeing(sphinx, whisper)
        acted = 0
        pair.prompt = lambda p=prompt: (PROMPTS[p],)  # type: ignore[method-assign,misc]
        for name, x in audio.items():
            pair.transcribe(x)
            decision = pair.last[1] if pair.last else None
            wrote = [t.text for t in whisper.hear(x, (PROMPTS[prompt],))]
            kind = decision.kind if decision else "nothing"
            acted += kind == "act"
            print(f"  {prompt}: {name}: {kind} {decision.intent.action if decision else ''}; Whisper {wrote}")
        print(f"{prompt}: acted on {acted} of {len(audio)} clips with no speech", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prompt", choices=tuple(PROMPTS), help="decode with this prompt")
    ap.add_argument("--half", choices=("tuning", "held-out"), default="tuning")
    ap.add_argument("--out", type=Path, help="keep the decodes here (default: by the prompt)")
    ap.add_argument("--most", type=int, default=10_000, help="decode at most this many utterances")
    ap.add_argument("--report", help="decide these prompts' decodes (comma-separated) beside today's")
    ap.add_argument("--noise", action="store_true", help="clips with no speech, every prompt")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}", flush=True)
    if args.prompt:
        decode(args.prompt, args.half, args.most, args.out)
    if args.noise:
        noise(list(PROMPTS))
    if args.report:
        report(tuple(args.report.split(",")))


if __name__ == "__main__":
    main()
