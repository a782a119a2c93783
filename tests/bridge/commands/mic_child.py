"""Run inside a process whose JACK_DEFAULT_SERVER names a `jackd -d dummy` server (see test_microphone).

Usage: python -m tests.bridge.commands.mic_child record|voice|slow WAV [WAV ...]
record: push-to-talk through Recorder while jack-play plays each WAV into PortAudio's input port,
one press per WAV, decoded by a speech stream attached to the recorder (the first press is
decoded whole, later ones while recording).
voice: the same through the daemon's /roo/voice/start and /roo/voice/stop, against the in-memory Live.
slow: each WAV played into an open input while every ``jack_lsp`` the player runs takes
``SLOW_LSP_S`` longer (a busy machine), recording how much of the WAV's sound arrived.
Prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

import numpy as np
import sounddevice as sd

from bridge import protocol
from tools.bench.voice_mic import play_into_input


def _tee(blocks: list[np.ndarray], feed: Callable[[np.ndarray], None]) -> Callable[[np.ndarray], None]:
    def sink(block: np.ndarray) -> None:
        blocks.append(block)
        feed(block)

    return sink


def record(wavs: list[str]) -> dict[str, object]:
    from bridge.commands.recorder import Recorder
    from bridge.commands.speech import hear_stream, load_recognizer, open_stream

    backend, recognizer = load_recognizer()
    presses: list[dict[str, object]] = []
    for wav in wavs:
        rec = Recorder()
        rec.start()
        stream = open_stream(recognizer)
        live = bool(getattr(stream, "live", False))
        blocks: list[np.ndarray] = []
        rec.attach(_tee(blocks, stream.feed))
        play_into_input(wav).wait(timeout=20)
        released_at = time.perf_counter()
        audio = rec.stop()
        heard = hear_stream(stream, released_at, backend)
        presses.append(
            {
                "rate_hz": rec.rate_hz,
                "samples_16k": len(audio),
                "peak": int(np.abs(audio).max()) if len(audio) else 0,
                "blocks": len(blocks),
                "blocks_equal_recording": bool(np.array_equal(np.concatenate(blocks), audio)),
                "live": live,
                "heard": heard.transcript,
                "intent": heard.intent.as_dict(),
            }
        )
    return {
        "device": sd.query_devices(sd.default.device[0])["name"],
        "hostapi": sd.query_hostapis(sd.query_devices(sd.default.device[0])["hostapi"])["name"],
        "presses": presses,
    }


SLOW_LSP_S = 0.8  # each port lookup as slow as on a machine at load ~11, and slower


def slow(wavs: list[str]) -> dict[str, object]:
    import subprocess

    from tools.bench import voice_mic

    real_run = subprocess.run

    def slow_run(args: list[str], **kw: object) -> object:
        if args[:1] == ["jack_lsp"]:
            time.sleep(SLOW_LSP_S)
        return real_run(args, **kw)  # type: ignore[call-overload]

    voice_mic.subprocess.run = slow_run  # type: ignore[assignment]
    loud: list[int] = []
    for wav in wavs:
        blocks: list[np.ndarray] = []
        with sd.InputStream(
            48000, channels=1, dtype="int16", callback=lambda b, *_, got=blocks: got.append(b.copy())
        ):
            voice_mic.play_into_input(wav).wait(timeout=20)
            time.sleep(0.3)
        audio = np.concatenate(blocks)[:, 0] if blocks else np.zeros(0, np.int16)
        loud.append(int(np.count_nonzero(np.abs(audio.astype(np.int32)) > 1000)))
    return {"loud_samples": loud}


def voice(wavs: list[str]) -> dict[str, object]:
    from livesim.host import LiveHost
    from tests.bridge.harness import Client, running_daemon

    live = LiveHost(port=0).start_in_thread()
    read: Callable[[], float] = lambda: float(live.song.tempo)  # noqa: E731
    presses: list[dict[str, object]] = []
    try:
        with running_daemon(live_port=live.port) as daemon:
            client = Client(daemon.port)
            # A tap: the device sends stop on release without waiting for start's reply, so the
            # release arrives while start is still opening the input and loading the recogniser.
            client.send(protocol.VOICE_START)
            client.send(protocol.VOICE_STOP)
            tap = sorted((client.wait_final(timeout=60) for _ in range(2)), key=lambda final: final[0])
            too_short = {"start": tap[0], "stop": tap[1]}
            for wav in wavs:
                client.send(protocol.VOICE_START)
                started = client.wait_final(timeout=30)
                play_into_input(wav).wait(timeout=20)
                client.send(protocol.VOICE_STOP)
                _, _, payload = client.wait_for(protocol.RESULT, timeout=30)
                stopped = client.wait_final(timeout=30)
                presses.append(
                    {
                        "started": started,
                        "stopped": stopped,
                        "intent": json.loads(payload),
                        "tempo": live.call(read),
                    }
                )
            return {"too_short": too_short, "presses": presses}
    finally:
        live.stop()


if __name__ == "__main__":
    mode, wavs = sys.argv[1], sys.argv[2:]
    print(json.dumps({"record": record, "voice": voice, "slow": slow}[mode](wavs)))
