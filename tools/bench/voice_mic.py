"""Push-to-talk through a real audio input: release -> intent ready, streamed against whole.

Starts ``jackd -d dummy`` under its own server name, plays espeak-ng phrases (the first N of the
development set inside the grammar, US male and female voices, 0.5 s of silence before and 0.3 s
after) into PortAudio's JACK input with jack-play, records each with ``Recorder`` while a speech
stream decodes it (ours), and times from the call to ``Recorder.stop()`` (the release) to the
intent ready to dispatch: PortAudio's stop, the queue, the resampler's flush, the last block, the
end of the search, the parse. Side by side on the same recording: the whole utterance decoded
after release by a second recogniser (the path before streaming, and ``roo listen``).
Usage: PYTHONPATH=. .venv/bin/python -m tools.bench.voice_mic [--phrases 20]
(run it by itself: jackd needs real time from the cores, and a busy machine stretches playback.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bridge.commands import jsgf, parse
from bridge.commands.grammar import build_jsgf
from bridge.commands.recorder import Recorder
from bridge.commands.speech import hear_stream, open_stream
from bridge.commands.sphinx import SphinxRecognizer
from tools.bench.commands import exact, load, speech_text


def play_into_input(wav: str | Path) -> subprocess.Popen[bytes]:
    """Start jack-play on ``wav`` already connected to PortAudio's input port (the running JACK
    server is $JACK_DEFAULT_SERVER's); the caller waits for the returned process.

    The input port is found first and jack-play connects itself to it as it starts
    (``JACK_PLAY_CONNECT_TO``), so however long the port lookups take on a busy machine, none of the
    file plays before the connection (connecting after jack-play had started lost the file's start
    while ``jack_lsp`` ran: a busy machine cut the speech)."""
    deadline = time.monotonic() + 5.0
    ports: list[str] = []
    while time.monotonic() < deadline:
        ports = subprocess.run(["jack_lsp"], capture_output=True, text=True, check=True).stdout.split()
        ins = [p for p in ports if p.startswith("PortAudio:in")]
        if ins:
            env = {**os.environ, "JACK_PLAY_CONNECT_TO": ins[0].replace("%", "%%")}
            return subprocess.Popen(
                ["jack-play", str(wav)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        time.sleep(0.02)
    raise RuntimeError(f"PortAudio's JACK input did not appear: {ports}")


def summary(label: str, ms: list[float], ok: list[bool]) -> None:
    s = sorted(ms)
    print(
        f"  {label:9} exact intent {sum(ok)}/{len(ok)}, release -> intent median {statistics.median(s):4.0f} ms,"
        f" p95 {s[round(0.95 * (len(s) - 1))]:4.0f} ms, max {s[-1]:4.0f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--phrases", type=int, default=20)
    args = ap.parse_args()
    rules = jsgf.parse_jsgf(build_jsgf())
    entries = [e for e in load("commands.yaml") if not e.get("typed") and e["action"] != "unknown"]
    entries = [e for e in entries if jsgf.accepts(rules, "command", speech_text(e))][: args.phrases]
    server = f"roo-bench-{os.getpid()}"
    os.environ.update(JACK_DEFAULT_SERVER=server, JACK_NO_AUDIO_RESERVATION="1")
    jackd = subprocess.Popen(
        ["jackd", "-n", server, "-d", "dummy", "-r", "48000", "-p", "1024"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        subprocess.run(["jack_wait", "-w", "-t", "10"], check=True, capture_output=True, timeout=15)
        streamed, whole = SphinxRecognizer(), SphinxRecognizer()
        print(
            f"jackd -d dummy at 48 kHz, 1024-frame periods; {len(entries)} phrases x 2 voices; load {os.getloadavg()[0]:.1f}"
        )
        with tempfile.TemporaryDirectory(prefix="roo_mic_") as tmp:
            ms: dict[str, list[float]] = {"streamed": [], "whole": []}
            ok: dict[str, list[bool]] = {"streamed": [], "whole": []}
            for voice in ("en-us", "en-us+f2"):
                for i, entry in enumerate(entries):
                    raw, wav = Path(tmp) / f"{i}.raw.wav", Path(tmp) / f"{i}.wav"
                    subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), speech_text(entry)], check=True)
                    subprocess.run(
                        ["sox", str(raw), "-r", "48000", str(wav), "pad", "0.5", "0.3"], check=True
                    )
                    rec = Recorder()
                    rec.start()
                    stream = open_stream(streamed)
                    rec.attach(stream.feed)
                    play_into_input(wav).wait(timeout=30)
                    released = time.perf_counter()
                    audio = rec.stop()
                    heard = hear_stream(stream, released)
                    ms["streamed"].append(heard.decode_ms)
                    ok["streamed"].append(exact(heard.intent.as_dict(), entry))
                    start = time.perf_counter()
                    intent = parse(whole.transcribe(audio))
                    ms["whole"].append((time.perf_counter() - start) * 1000.0)
                    ok["whole"].append(exact(intent.as_dict(), entry))
            for label in ms:
                summary(label, ms[label], ok[label])
            print(
                f"  (the first streamed press is decoded whole: {ms['streamed'][0]:.0f} ms; load {os.getloadavg()[0]:.1f})"
            )
    finally:
        import sounddevice as sd

        sd._terminate()  # let PortAudio leave the JACK server before the server goes
        jackd.terminate()
        jackd.wait(timeout=10)


if __name__ == "__main__":
    main()
