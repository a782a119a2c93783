"""Issue 55, ninth round (the head's training material): the generated corpus says requests tersely,
object first and verb last ("{t} more busy please"), and as speech to text writes them (no
punctuation, fillers, "base" for bass, false starts corrected in place), each labelled with what is
asked; the corpus is the same in every process; the held-out report gives the head's reliability by
probability. Every sentence here is the engineer's own, none from a blind set."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import numpy as np
import pytest

from bridge.commands import reader
from tests.conftest import ROOT
from tools.bench import agree_heldout
from tools.corpus import command_templates_spoken as sp
from tools.corpus import command_words as w
from tools.corpus import explained_words, reading_train
from tools.corpus.command_corpus import Example, generate


@pytest.fixture(scope="module")
def corpus() -> list[Example]:
    return generate(55)


def _words_of(target: str) -> list[str]:
    said = (w.PARTS | w.VOICES).get(target, [])
    return [*said, *(sp_word for s in said for sp_word in _heard(s))]


def _heard(word: str) -> list[str]:
    return [word.replace(said, heard) for said, heard in sp.HEARD if said in word]


def test_without_leaves_out_a_kind_and_a_kind_not_known_is_refused() -> None:
    full = generate(55)
    plain = generate(55, without=("spoken",))
    assert len(full) - len(plain) > 800 and full[: len(plain)] == plain
    assert len(generate(55, without=("writers", "spoken"))) < len(plain)
    assert [t for t, _ in reading_train.corpus_rows()] == [
        e.text for e in generate(55, without=reading_train.LEFT_OUT)
    ]
    assert reading_train.LEFT_OUT == (
        "writers",
        "registers",
    )  # round 10: registers raised held-out wrong acts twice
    as_was = generate(55, without=("spoken", "registers"))  # the decision rules' table's, as it was
    assert explained_words.corpus_rows() == [(e.text, e.means) for e in as_was]
    with pytest.raises(ValueError, match="'spoken_words'"):
        generate(55, without=("spoken_words",))


def test_terse_requests_say_the_object_first_and_the_verb_last(corpus: list[Example]) -> None:
    tails = {
        "mute": r"\bmute please$",
        "busier": r"\bmore busy please\b",
        "transpose": r"\btranspose to .+ please$",
        "simpler": r"\bmore simple please\b",
    }
    for op, tail in tails.items():
        found = [e for e in corpus if re.search(tail, e.text) and e.means["op"] == op]
        assert len(found) >= 3, op
        bare = [e for e in found if not re.search(r"\b(the|a)\b", e.text)]  # articles mostly dropped
        assert len(bare) > len(found) / 2, op
    chorus_first = [e for e in corpus if re.match(r"(chorus|verse|intro|outro|bridge) ", e.text)]
    assert chorus_first and all(
        e.means.get("scope") == {"section": e.text.split()[0]} for e in chorus_first if "please" in e.text
    )


def test_a_dictated_request_has_no_capitals_or_punctuation_and_mishears_music_words() -> None:
    rng = random.Random(9)
    heard = [
        sp.dictate("Could you make the bass louder in the last four bars, please?", rng) for _ in range(40)
    ]
    assert all(h == h.lower() and not re.search(r"[,.?!]", h) for h in heard)
    assert any(" base " in f" {h} " for h in heard) and any("for bars" in h for h in heard)
    assert any(h.split()[0] in {o.split()[0] for o in sp.OPENERS} for h in heard)


def test_a_false_start_is_labelled_with_the_target_said_after_the_correction(corpus: list[Example]) -> None:
    corrected = [e for e in corpus if " no wait " in f" {e.text} " and "target" in e.means]
    assert len(corrected) >= 10
    for example in corrected:
        after = example.text.split(" no wait ", 1)[1]
        assert any(
            re.search(rf"\b{re.escape(word)}\b", after) for word in _words_of(example.means["target"])
        ), example


def test_the_corpus_is_the_same_whatever_the_process_hash_seed() -> None:
    code = (
        "import hashlib; from tools.corpus.command_corpus import generate; "
        "print(hashlib.sha1(repr(generate(55)).encode()).hexdigest())"
    )

    def run(seed: str) -> str:
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                              check=True).stdout  # fmt: skip

    runs = {run("1"), run("2")}
    assert len(runs) == 1


def test_reliability_counts_the_likeliest_ops_right_by_probability() -> None:
    name = "commands_blind27"
    items = agree_heldout.load(agree_heldout.rt.DATA / f"{name}.yaml")
    right = [reader.Reading(((str(i["means"]["op"]), 0.97), ("other", 0.03))) for i in items]
    wrong = [reader.Reading((("other", 0.55), (str(i["means"]["op"]), 0.45))) for i in items]
    lines = agree_heldout.reliability([name], {name: right})
    assert re.search(rf"0\.95-1\.00:\s+{len(items)} 1\.000", "\n".join(lines))
    lines = agree_heldout.reliability([name], {name: wrong})
    assert re.search(rf"0\.50-0\.60:\s+{len(items)} 0\.000", "\n".join(lines))
    assert np.isnan(float(lines[-2].split("|")[0].split()[-1]))  # none past SURE and MARGIN
