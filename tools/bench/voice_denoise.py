"""Room and song: the noise estimated from the press's own quietest frames and taken out before the
recognisers (issue 56, engineer v65): a Wiener-style gain per STFT bin with a floor, the noise either one
fixed profile (the mean power of the utterance's quietest frames) or per bin over a short running minimum
of the smoothed power (the quietest recent frames: the song under the voice is not stationary).

Each utterance of the studio bench (its kept "words" decodes, ``voice_prompt``) is cleaned, decoded again
by both recognisers (``voice_studio.decode``, the daemon's prompt), and decided three ways by the daemon's
pair (``agreeing.LIMITS``, unchanged) in the same run: as heard (main's decision, the kept decode), Whisper
alone given the cleaned audio (pocketsphinx's kept reading of the audio as heard), and both given it;
beside pocketsphinx alone, as heard and cleaned.

Usage: ``python -m tools.bench.voice_denoise --estimate running [--voices 2 --commands 12
--conditions room,song] [--half held-out]``; decodes kept in ``.cache/voice_studio/denoise-<name>.json``
(an utterance kept is not decoded again). The tuning half by default; the held-out half only when named.
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
import soundfile as sf
from scipy.ndimage import minimum_filter1d
from scipy.signal import istft, lfilter, stft

from bridge.commands.audio import SPEECH_RATE_HZ, read_speech_wav
from bridge.commands.fast_whisper import WINDOW_S

FRAME = 512  # 32 ms at 16 kHz
HOP = 128  # 8 ms
QUIETEST = 0.1  # the fixed profile: the quietest tenth of the frames (at least MIN_FRAMES)
MIN_FRAMES = 8
SMOOTH = 0.8  # the running estimate: the power smoothed over about 40 ms ...
RUNNING_S = 0.6  # ... and its minimum over the 0.6 s around each frame ...
BIAS = 1.5  # ... raised by the minimum's bias below the mean noise power
OVER = 1.0  # the noise power taken out, times this
FLOOR = 0.2  # the least gain (amplitude, -14 dB): speech is never carved to nothing
ESTIMATES = ("fixed", "running")


def noise_power(power: Any, estimate: str) -> Any:
    """The noise's power per bin (rows) and frame (columns) of ``power`` (|STFT|^2)."""
    if estimate == "fixed":
        energy = power.sum(axis=0)
        k = max(MIN_FRAMES, int(QUIETEST * power.shape[1]))
        quiet = np.argsort(energy)[: min(k, power.shape[1])]
        return np.repeat(power[:, quiet].mean(axis=1, keepdims=True), power.shape[1], axis=1)
    if estimate == "running":
        smooth = lfilter([1 - SMOOTH], [1, -SMOOTH], power, axis=1)
        size = max(3, round(RUNNING_S * SPEECH_RATE_HZ / HOP))
        return BIAS * minimum_filter1d(smooth, size=size, axis=1, mode="nearest")
    raise ValueError(f"estimate {estimate!r} is not one of {ESTIMATES}")


def denoise(audio: Any, estimate: str = "running", floor: float = FLOOR) -> Any:
    """``audio`` (16 kHz mono int16) with the noise estimated from its own quietest frames taken out:
    each STFT bin times max(``floor``, 1 - OVER x noise / power); int16, as long as ``audio``."""
    if not 0.0 < floor <= 1.0:
        raise ValueError(f"floor {floor} is not in (0, 1]")
    x = np.asarray(audio, dtype=np.float64).reshape(-1)
    if len(x) < FRAME:
        return np.asarray(audio, dtype=np.int16).reshape(-1)
    _, _, spec = stft(x, nperseg=FRAME, noverlap=FRAME - HOP)
    power = np.abs(spec) ** 2
    noise = noise_power(power, estimate)
    gain = np.maximum(floor, 1.0 - OVER * noise / np.maximum(power, 1e-12))
    _, y = istft(spec * gain, nperseg=FRAME, noverlap=FRAME - HOP)
    return np.clip(np.round(y[: len(x)]), -32768, 32767).astype(np.int16)


def cleaned(rows: list[dict[str, Any]], estimate: str, floor: float) -> list[dict[str, Any]]:
    """The rows' cases with their WAVs cleaned (written once beside them)."""
    out = []
    for row in rows:
        wav = Path(row["wav"])
        dest = wav.with_name(f"{wav.stem}_dn-{estimate}-{floor:g}.wav")
        if not dest.exists():
            sf.write(dest, denoise(read_speech_wav(wav), estimate, floor), SPEECH_RATE_HZ, subtype="PCM_16")
        out.append({"entry": row["entry"], "wav": str(dest)})
    return out


def whisper_only(base: dict[str, Any], both: dict[str, Any]) -> dict[str, Any]:
    """The row as if only Whisper had the cleaned audio: pocketsphinx's reading of the audio as heard."""
    keep = ("transcript", "hearing", "recheck")
    return {**{k: v for k, v in both.items() if not k.startswith("_")}, **{k: base[k] for k in keep}}


def decode_whisper(
    base: list[dict[str, Any]], cases: list[dict[str, Any]], kept: Path
) -> list[dict[str, Any]]:
    """Whisper's transcripts and scores of each cleaned case (the daemon's prompt), pocketsphinx's kept
    reading of the audio as heard beside them; kept in ``kept`` as they come (every 24)."""
    from bridge.commands.agreeing import VOCABULARY
    from bridge.commands.fast_whisper import FastWhisper, written
    from bridge.commands.spoken_agree import proposals
    from tools.bench.voice_confidence import hearing_of

    done = {r["wav"]: r for r in json.loads(kept.read_text())} if kept.exists() else {}
    todo = [(b, c) for b, c in zip(base, cases, strict=True) if c["wav"] not in done]
    whisper = FastWhisper(window_s=WINDOW_S) if todo else None
    for n, (row, case) in enumerate(todo):
        start = time.perf_counter()
        heard = whisper.hear(read_speech_wav(case["wav"]), (VOCABULARY,))  # type: ignore[union-attr]
        sentences = list(dict.fromkeys(written(t.text) for t, _ in proposals(hearing_of(row), heard)))
        table = dict(zip(sentences, whisper.score(sentences), strict=True))  # type: ignore[union-attr]
        ms = (time.perf_counter() - start) * 1000.0
        done[case["wav"]] = {**{k: row[k] for k in ("entry", "transcript", "hearing", "recheck", "sphinx_ms")},
                             "wav": case["wav"], "whisper": [{"text": t.text, "score": t.score} for t in heard],
                             "table": table, "whisper_ms": ms}  # fmt: skip
        if n % 24 == 23 or n == len(todo) - 1:
            kept.write_text(json.dumps(list(done.values())))
            print(
                f"  {n + 1} of {len(todo)} decoded, {time.strftime('%H:%M:%S', time.gmtime())} UTC",
                flush=True,
            )
    return [done[c["wav"]] for c in cases]


def pick(
    rows: list[dict[str, Any]], voices: int, commands: int, conditions: set[str]
) -> list[dict[str, Any]]:
    from tools.bench.voice_studio import COMMANDS

    named = list(dict.fromkeys(r["entry"]["voice"] for r in rows))[:voices]
    said = set(COMMANDS[:commands])
    return [
        r
        for r in rows
        if r["entry"]["voice"] in named
        and r["entry"]["text"] in said
        and r["entry"]["condition"] in conditions
    ]


def report(arms: dict[str, list[dict[str, Any]]], conditions: list[str]) -> None:
    from bridge.commands.agreeing import LIMITS
    from tools.bench.voice_studio_report import line
    from tools.bench.voice_studio_rules import pair_decision, rates, sphinx_decision

    for condition in ("all", *conditions):
        for name, rows in arms.items():
            sub = [r for r in rows if condition in ("all", r["entry"]["condition"])]
            decided = (
                sphinx_decision if name.startswith("pocketsphinx") else lambda r: pair_decision(r, LIMITS)
            )
            print("  " + line(f"{condition}: {name}", rates(sub, decided)), flush=True)


def changed(base: list[dict[str, Any]], new: list[dict[str, Any]], title: str) -> None:
    """Each utterance whose outcome the cleaning changed (understood, asked, misheard, read back)."""
    from bridge.commands.agreeing import LIMITS
    from tools.bench.voice_asks import asked
    from tools.bench.voice_confidence import outcome
    from tools.bench.voice_studio_rules import pair_decision

    def said(row: dict[str, Any]) -> str:
        d = pair_decision(row, LIMITS)
        return f"{outcome(d, row['entry'])}{' (asked)' if asked(d) else ''} {d.kind}"

    for old, now in zip(base, new, strict=True):
        if (a := said(old)) != (b := said(now)):
            e, w = now["entry"], now["whisper"][0]["text"] if now["whisper"] else ""
            print(f"    {title}: {e['voice']} {e['condition']} {e['text']!r}: {a} -> {b}; Whisper {w!r}")


def main() -> None:
    from tools.bench.voice_asks import cached_parse
    from tools.bench.voice_prompt import tuning_voices
    from tools.bench.voice_studio import FOLDER, decode

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--estimate", choices=ESTIMATES, default="running")
    ap.add_argument("--floor", type=float, default=FLOOR)
    ap.add_argument("--half", choices=("tuning", "held-out"), default="tuning")
    ap.add_argument("--voices", type=int, default=5, help="the half's first N voices")
    ap.add_argument("--commands", type=int, default=24, help="the first N commands")
    ap.add_argument("--conditions", default="clean,room,song")
    ap.add_argument("--changes", action="store_true", help="list each utterance whose outcome changed")
    ap.add_argument("--whisper-only", action="store_true", help="decode Whisper alone on the cleaned audio")
    ap.add_argument("--decode-only", action="store_true", help="decode, decide nothing (read it later)")
    ap.add_argument("--kept", action="store_true", help="decode nothing: decide the utterances kept so far")
    args = ap.parse_args()
    held = args.half == "held-out"
    kept = FOLDER / ("hearings-10s-words-heldout.json" if held else "hearings-10s-words.json")
    tune = tuning_voices()
    every = [r for r in json.loads(kept.read_text()) if (r["entry"]["voice"] in tune) != held]
    conditions = args.conditions.split(",")
    base = pick(every, args.voices, args.commands, set(conditions))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}; "
          f"{args.half}, {len(base)} utterances; {args.estimate}, floor {args.floor:g}; "
          f"{time.strftime('%H:%M:%S', time.gmtime())} UTC", flush=True)  # fmt: skip
    name = f"denoise-{args.estimate}-{args.floor:g}-{'heldout' if held else 'tuning'}"
    cases = cleaned(base, args.estimate, args.floor)
    if args.kept:  # only what is kept: another run may be decoding the rest
        path = FOLDER / f"{name}{'-whisper' if args.whisper_only else ''}.json"
        have = {r["wav"] for r in json.loads(path.read_text())} if path.exists() else set()
        base, cases = (
            [b for b, c in zip(base, cases, strict=True) if c["wav"] in have],
            [c for c in cases if c["wav"] in have],
        )
        print(f"kept: {len(base)} utterances")
    if args.whisper_only:
        both = decode_whisper(base, cases, FOLDER / f"{name}-whisper.json")
    else:
        both = decode(cases, WINDOW_S, FOLDER / f"{name}.json")
    print(
        f"decoded {time.strftime('%H:%M:%S', time.gmtime())} UTC; load {os.getloadavg()[0]:.1f}", flush=True
    )
    if args.decode_only:
        return
    cached_parse()
    alone = [whisper_only(b, c) for b, c in zip(base, both, strict=True)]
    arms = {
        "main's decision (as heard)": base,
        "Whisper cleaned": alone,
        "pocketsphinx alone (as heard)": base,
    }
    if not args.whisper_only:
        arms |= {"both cleaned": both, "pocketsphinx alone (cleaned)": both}
    report(arms, conditions)
    if args.changes:
        changed(base, alone, "Whisper cleaned")
        if not args.whisper_only:
            changed(base, both, "both cleaned")
    ms = sorted(r["whisper_ms"] for r in both)
    print(f"  done {time.strftime('%H:%M:%S', time.gmtime())} UTC; load {os.getloadavg()[0]:.1f}; "
          f"Whisper median {ms[len(ms) // 2]:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
