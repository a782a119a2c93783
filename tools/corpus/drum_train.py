"""Train the drum classifier of engines/transcription (kick, snare, closed and open hat, ride, crash, tom) on
rendered drums, seeded, and write ``engines/transcription/drum_model.json``.

Material: the tune half of tools/corpus/transcription_set (the generators' drum parts on the
tune kits) and ``N_RANDOM`` random patterns (voices drawn independently on a 16th grid, so hits
that sound together are not always the same pairs; now and then a percussion sound the engine
does not name, as a distractor) on the same kits. The test kits are never read here. Each candidate hit the engine
finds is labelled with the voices whose truth notes lie within ``MATCH_S`` of it. Before the final
fit, a leave-one-kit-out pass prints per-voice F on the kit left out (hits, not notes: a rough check):
    .venv/bin/python -m tools.corpus.drum_train [--out DIR] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np
import soundfile as sf
from sklearn.neural_network import MLPClassifier

from engines.music import Note
from engines.transcription import drums
from engines.transcription.audio import prepare
from engines.transcription.notes import DRUM_NOTES, VOICE_OF_GM_NOTE
from tools.corpus import transcription_set as tset
from tools.eval.rendered import fluidsynth_or_exit, render_midi

SEED = 54
N_RANDOM = 40
MATCH_S = 0.03
HIDDEN = 32
VOICES = tuple(DRUM_NOTES)
DISTRACTORS = (54, 56, 69, 70, 75)  # tambourine, cowbell, cabasa, maracas, claves: no voice of ours
VOICE_ODDS = {36: 0.3, 38: 0.2, 37: 0.03, 39: 0.05, 42: 0.4, 44: 0.05, 46: 0.1, 51: 0.12, 53: 0.02}
VOICE_ODDS |= {49: 0.02, 57: 0.01, 41: 0.015, 45: 0.015, 48: 0.015, 50: 0.015}


def random_pattern(rng: random.Random, bars: int = 4) -> list[Note]:
    """Drum notes on a 16th grid, each voice drawn on its own (and now and then a distractor)."""
    notes: list[Note] = []
    for step in range(bars * 16):
        beat = step / 4
        for pitch, odds in VOICE_ODDS.items():
            hat_clash = pitch == 46 and any(n.pitch == 42 and n.start_beats == beat for n in notes)
            if rng.random() < odds and not hat_clash:
                notes.append(Note(pitch, beat, 0.25, rng.randint(50, 127)))
        if rng.random() < 0.04:
            notes.append(Note(rng.choice(DISTRACTORS), beat, 0.25, rng.randint(60, 120)))
    return notes


def random_items(out: Path) -> list[tuple[int, str, list[tuple[int, float, float, int]]]]:
    """(kit, wav, notes in seconds) for the random patterns on the tune kits, rendered once."""
    rng = random.Random(SEED)
    made = []
    for index in range(N_RANDOM):
        kit = tset.TUNE_PROGRAMS["drums"][index % len(tset.TUNE_PROGRAMS["drums"])]
        tempo = rng.choice((80, 96, 112, 126, 140, 160))
        notes = random_pattern(rng)
        wav = out / f"drums-random-{SEED}-{index}-{kit}-{tempo}.wav"
        if not wav.exists():
            out.mkdir(parents=True, exist_ok=True)
            tset.write_part(wav.with_suffix(".mid"), notes, tempo_bpm=tempo, program=kit, drums=True)
            render_midi(fluidsynth_or_exit("drum training"), wav.with_suffix(".mid"), wav, gain=0.6)
        s_per_beat = 60.0 / tempo
        rows = [
            (n.pitch, n.start_beats * s_per_beat, (n.start_beats + 0.25) * s_per_beat, n.velocity)
            for n in notes
        ]
        made.append((kit, str(wav), rows))
    return made


def labelled_hits(wav: str, rows: list[tuple[int, float, float, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Features of each candidate hit the engine finds and its voices (multi-hot) from the truth."""
    audio, rate = sf.read(wav, dtype="float32")
    y = prepare(audio, rate)
    times = drums.hit_times(y)
    features = drums.hit_features(drums.band_energies(y), times)
    labels = np.zeros((len(times), len(VOICES)), dtype=np.int8)
    for pitch, start_s, _end, _vel in rows:
        voice = VOICE_OF_GM_NOTE.get(pitch)
        if voice is None or len(times) == 0:
            continue
        nearest = int(np.argmin(np.abs(times - start_s)))
        if abs(times[nearest] - start_s) <= MATCH_S:
            labels[nearest, VOICES.index(voice)] = 1
    return features, labels


def fit(features: np.ndarray, labels: np.ndarray) -> MLPClassifier:
    net = MLPClassifier(hidden_layer_sizes=(HIDDEN,), alpha=1e-3, max_iter=800, random_state=SEED)
    mean, scale = features.mean(axis=0), features.std(axis=0) + 1e-6
    net.fit((features - mean) / scale, labels)
    net.mean_, net.scale_ = mean, scale  # type: ignore[attr-defined]
    return net


def arrays(net: MLPClassifier) -> dict[str, list]:
    return {
        "mean": net.mean_.tolist(),  # type: ignore[attr-defined]
        "scale": net.scale_.tolist(),  # type: ignore[attr-defined]
        "w1": net.coefs_[0].round(5).tolist(),
        "b1": net.intercepts_[0].round(5).tolist(),
        "w2": net.coefs_[1].round(5).tolist(),
        "b2": net.intercepts_[1].round(5).tolist(),
        "threshold": [0.5] * len(VOICES),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=tset.default_out())
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    material = [(i.program, i.wav, i.notes) for i in tset.items(args.out, "tune", ("drums",))]
    material += random_items(args.out)
    per_kit: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
    for kit, wav, rows in material:
        per_kit.setdefault(kit, []).append(labelled_hits(wav, [tuple(r) for r in rows]))  # type: ignore[misc]
    for held in per_kit:
        train = [pair for kit, pairs in per_kit.items() if kit != held for pair in pairs]
        net = fit(np.vstack([f for f, _ in train]), np.vstack([lab for _, lab in train]))
        x = np.vstack([f for f, _ in per_kit[held]])
        truth = np.vstack([lab for _, lab in per_kit[held]]).astype(bool)
        said = net.predict_proba((x - net.mean_) / net.scale_) >= 0.5  # type: ignore[attr-defined]
        scores = {
            v: round(2 * (said & truth)[:, i].sum() / max(1, said[:, i].sum() + truth[:, i].sum()), 3)
            for i, v in enumerate(VOICES)
        }
        print(f"kit {held} left out: {scores}")
    everything = [pair for pairs in per_kit.values() for pair in pairs]
    net = fit(np.vstack([f for f, _ in everything]), np.vstack([lab for _, lab in everything]))
    if not args.no_write:
        payload = {
            "voices": list(VOICES),
            "trained_on": "tools/corpus/drum_train.py",
            "seed": SEED,
            "arrays": arrays(net),
        }
        drums.MODEL_FILE.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {drums.MODEL_FILE} ({drums.MODEL_FILE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
