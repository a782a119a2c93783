"""Our decoding loop, run eagerly on the CPU with the tiny random models, against transformers' generate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engines.errors import InvalidValue, JobCancelled
from engines.music import Note
from engines.musicgen import fast, fast_paths, graphed, models
from engines.musicgen.chroma import chroma_from_notes
from engines.musicgen.generate import generate_audio, generate_takes
from engines.musicgen.pipeline import render_loop

CLIP = (0.1 * np.random.default_rng(0).standard_normal((20000, 2))).astype(np.float32)


@pytest.fixture(scope="module")
def mg(tiny_dir: Path) -> models.MusicGenModel:
    return models.load(str(tiny_dir), device="cpu", precision="fp32")


def both(mg: models.MusicGenModel, **kwargs: Any) -> tuple[np.ndarray, np.ndarray]:
    """(generate's audio, the loop's audio) for the same request."""
    ours = generate_audio(mg, "lofi drum beat", engine="loop", **kwargs)
    return generate_audio(mg, "lofi drum beat", engine="generate", **kwargs), ours


@pytest.mark.parametrize("guidance", [1.0, 3.0])
def test_greedy_loop_gives_generates_tokens(mg: models.MusicGenModel, guidance: float) -> None:
    theirs, ours = both(mg, seconds=0.5, temperature=0.0, guidance_scale=guidance)
    assert ours.shape == (25 * 640, 1) and np.array_equal(ours, theirs)


def test_greedy_continuation_and_stereo_match_generate(
    mg: models.MusicGenModel, tiny_stereo_dir: Path
) -> None:
    theirs, ours = both(mg, seconds=0.3, temperature=0.0, audio_prompt=CLIP)
    assert np.array_equal(ours, theirs)
    stereo = models.load(str(tiny_stereo_dir), device="cpu", precision="fp32")
    theirs, ours = both(stereo, seconds=0.3, temperature=0.0, audio_prompt=CLIP)
    assert ours.shape == (15 * 640, 2) and np.array_equal(ours, theirs)


def test_greedy_melody_model_matches_generate_and_follows_the_melody(tiny_melody_dir: Path) -> None:
    melody = models.load(str(tiny_melody_dir), device="cpu", precision="fp32")
    c_major = chroma_from_notes([Note(60, 0, 1), Note(64, 1, 1), Note(67, 2, 1)], 120.0)
    f_sharp = chroma_from_notes([Note(66, 0, 3)], 120.0)
    runs = {
        name: both(melody, seconds=0.3, temperature=0.0, melody_chroma=c)
        for name, c in (("c", c_major), ("f#", f_sharp))
    }
    assert all(np.array_equal(theirs, ours) for theirs, ours in runs.values())
    assert not np.array_equal(runs["c"][1], runs["f#"][1])


def test_teacher_forced_logits_match_the_model(mg: models.MusicGenModel) -> None:
    import torch

    loop = fast.loop_for(mg.model)
    inputs = dict(mg.tokenizer(["funky bass groove"], return_tensors="pt"))
    tokens = torch.randint(0, loop.vocab, (loop.codebooks, 12), generator=torch.Generator().manual_seed(3))
    tokens[:, 0] = loop.pad
    with torch.inference_mode():
        expected = mg.model(**inputs, decoder_input_ids=tokens).logits  # (codebooks, time, vocab)
        _, cross, mask = fast._conditioning(mg.model, loop, inputs, 1, False)
        assert cross is not None and mask is not None
        st = loop.new_state(batch=1, length=16, text=cross.shape[1], guided=False, greedy=True, top_k=0)
        loop.set_cross(st, cross, mask)
        ours = loop.logits(loop.run(st, loop.embed_tokens(tokens[None]), torch.arange(12)))[0]
    assert ours.shape == expected.shape
    assert torch.allclose(ours, expected, atol=1e-5, rtol=1e-5)


def test_seed_fixes_a_sampled_take_and_variations_run_as_one_batch(mg: models.MusicGenModel) -> None:
    seen: list[float] = []
    takes = generate_takes(
        mg, "house", seconds=0.3, seeds=[4, 5, 6], engine="loop", progress=lambda f, m: seen.append(f)
    )
    assert len(seen) == 15 + 3 and seen[-1] == 1.0  # one pass of decoding steps for all three takes
    assert (
        len(takes) == 3 and not np.array_equal(takes[0], takes[1]) and not np.array_equal(takes[1], takes[2])
    )
    alone = generate_audio(mg, "house", seconds=0.3, seed=5, engine="loop")
    assert np.allclose(alone, takes[1], atol=1e-6)  # take k is what its own seed gives alone
    assert np.array_equal(alone, generate_audio(mg, "house", seconds=0.3, seed=5, engine="loop"))


def test_cancel_stops_the_loop_within_a_step(mg: models.MusicGenModel) -> None:
    calls: list[float] = []

    def cancel_at_five(fraction: float, message: str) -> None:
        calls.append(fraction)
        if len(calls) == 5:
            raise JobCancelled("job 1 (musicgen) was cancelled")

    with pytest.raises(JobCancelled):
        generate_audio(mg, "jazz piano", seconds=2.0, seed=0, engine="loop", progress=cancel_at_five)
    assert len(calls) == 5


def test_engine_choice_and_refusals(mg: models.MusicGenModel, tiny_dir: Path) -> None:
    with pytest.raises(InvalidValue, match="engine 'fast' is unknown"):
        generate_audio(mg, "x", seconds=0.1, engine="fast")
    int8 = models.load(str(tiny_dir), device="cpu", precision="int8")
    with pytest.raises(InvalidValue, match="int8"):
        generate_audio(int8, "x", seconds=0.1, engine="loop")
    with pytest.raises(InvalidValue, match="at least one take"):
        generate_takes(mg, "x", seconds=0.1, seeds=[])
    assert not graphed.enabled("cpu") and graphed.bucket(300) == 512 and graphed.bucket(20, 32) == 32
    import torch

    if not torch.cuda.is_available():  # CI: generate everywhere, nothing captured
        assert (
            fast_paths()["musicgen_decoding"] == "transformers-generate"
            and not fast_paths()["musicgen_captures"]
        )


def test_render_loop_variations_land_as_takes_with_their_seeds(tiny_dir: Path, tmp_path: Path) -> None:
    result = render_loop(
        "lofi drum beat",
        out_path=str(tmp_path / "loop.wav"),
        bars=1,
        tempo_bpm=120.0,
        model=str(tiny_dir),
        device="cpu",
        precision="fp32",
        seed=10,
        variations=3,
    )
    takes = result["takes"]
    assert [t["seed"] for t in takes] == [10, 11, 12] and result["seed"] == 10
    assert takes[0]["path"] == result["path"] and Path(takes[2]["path"]).name == "loop take 3.wav"
    assert all(Path(t["path"]).is_file() and t["frames"] == result["frames"] for t in takes)
    with pytest.raises(InvalidValue, match="variations 9"):
        render_loop(
            "x", out_path=str(tmp_path / "a.wav"), bars=1, tempo_bpm=120.0, model=str(tiny_dir), variations=9
        )


def test_out_of_gpu_memory_runs_the_takes_one_at_a_time(
    mg: models.MusicGenModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    original = fast.generate_codes

    def short_of_memory(model: Any, inputs: Any, **kwargs: Any) -> Any:
        if len(kwargs["seeds"]) > 1:  # the card fits one take, not two (injected: CI has no GPU)
            kwargs["report"](0.25, "step 4/18")
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return original(model, inputs, **kwargs)

    monkeypatch.setattr(fast, "generate_codes", short_of_memory)
    seen: list[tuple[float, str]] = []
    takes = generate_takes(
        mg, "house", seconds=0.3, seeds=[4, 5], engine="loop", progress=lambda f, m: seen.append((f, m))
    )
    assert any("one take at a time" in m for _, m in seen)
    assert [f for f, _ in seen] == sorted(f for f, _ in seen) and seen[-1][0] == 1.0  # never goes back
    alone = [generate_audio(mg, "house", seconds=0.3, seed=s, engine="loop") for s in (4, 5)]
    assert all(np.array_equal(a, b) for a, b in zip(alone, takes, strict=True))


def test_out_of_gpu_memory_for_one_take_moves_the_job_to_the_cpu(
    mg: models.MusicGenModel, tiny_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import torch

    def no_memory(model: Any, inputs: Any, **kwargs: Any) -> Any:
        kwargs["report"](0.4, "step 7/18")  # injected: CI has no GPU to run out of
        raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    monkeypatch.setattr(fast, "generate_codes", no_memory)
    seen: list[tuple[float, str]] = []
    take = generate_audio(
        mg, "house", seconds=0.3, seed=3, engine="loop", progress=lambda f, m: seen.append((f, m))
    )
    assert any("out of GPU memory for one take" in m and "on the CPU" in m for _, m in seen)
    assert [f for f, _ in seen] == sorted(f for f, _ in seen) and seen[-1][0] == 1.0
    assert seen[-1][1].startswith("on the CPU: step")
    cpu = models.load(str(tiny_dir), device="cpu")  # what the CPU runs by default (int8, generate)
    assert np.array_equal(take, generate_audio(cpu, "house", seconds=0.3, seed=3, engine="generate"))
