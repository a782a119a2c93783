from __future__ import annotations

import random
from pathlib import Path

import pytest

from bridge.commands import jsgf, parse
from bridge.commands.grammar import ACTION_RULES, ALTERNATES, CHOICES, PRONUNCIATIONS, build_jsgf, spoken
from bridge.commands.sphinx import SphinxRecognizer
from bridge.commands.vocab import ACTIONS, DRAWN_ACTIONS, MORE_ACTIONS

from .phrases import DEV_SET, load

RULES = jsgf.parse_jsgf(build_jsgf())


@pytest.fixture(scope="module")
def sphinx() -> SphinxRecognizer:
    return SphinxRecognizer()


@pytest.mark.parametrize("action", ACTIONS + MORE_ACTIONS + DRAWN_ACTIONS)
def test_every_sentence_the_grammar_allows_parses_to_its_action(action: str) -> None:
    rng = random.Random(f"grammar-{action}")
    wrong = []
    for _ in range(300):
        sentence = jsgf.sample(RULES, ACTION_RULES[action], rng)
        intent = parse(sentence)
        if intent.action != action:
            wrong.append((sentence, intent.as_dict()))
    assert wrong == []


def test_the_public_rule_offers_every_action_and_the_answers_to_a_question() -> None:
    command, choice = RULES["command"].children
    assert command.kind == "seq" and [c.kind for c in command.children] == ["ref", "opt"]
    assert (choice.kind, choice.value) == ("ref", "choice")
    assert {jsgf.sample(RULES, "choice", random.Random(i)) for i in range(50)} == set(CHOICES)
    public = RULES["action"]
    assert public.kind == "alt"
    assert sorted(child.value for child in public.children) == sorted(ACTION_RULES.values())


def test_every_grammar_word_has_a_pronunciation(sphinx: SphinxRecognizer) -> None:
    assert sphinx.missing_words(jsgf.words(RULES)) == []


def test_added_pronunciations_are_used_and_were_missing_from_the_dictionary() -> None:
    from pocketsphinx import Decoder

    plain = Decoder(lm=None, loglevel="FATAL")
    words = jsgf.words(RULES)
    assert [w for w in PRONUNCIATIONS if w not in words] == []
    assert [w for w in PRONUNCIATIONS if plain.lookup_word(w) is not None] == []
    # second pronunciations are of words the decoder knows (grammar words, or dictionary words such
    # as "reggaeton" that come into the grammar when the parser learns them), and new to the dictionary
    assert [
        w for w in ALTERNATES if w.split("(")[0] not in words and plain.lookup_word(w.split("(")[0]) is None
    ] == []
    assert [w for w in ALTERNATES if plain.lookup_word(w) is not None] == []


def test_every_word_the_parser_spots_can_be_said() -> None:
    """Issue 35: every part, genre (producers' spellings), Live scale, transform, history and jam word
    of the typed parser is a word of the spoken grammar (typed-only spellings aside)."""
    from bridge.commands import clip_words as cw
    from bridge.commands import jam_words as jw
    from bridge.commands import vocab as v

    tables = [v.PARTS, v.GENRES, v.MODES, cw.TRANSFORM_PHRASES, v.UNDO_PHRASES, v.ADJUSTMENTS, v.VARY_PHRASES,
              v.SEPARATE_PHRASES, jw.CUES, jw.JAM_PARTS, cw.DRUM_VOICES]  # fmt: skip
    said = jsgf.words(RULES)
    missing = sorted(
        {
            w
            for table in tables
            for phrase in table
            if phrase not in v.TYPED_ONLY
            for w in spoken(phrase).split()
        }
        - said
    )
    assert missing == []
    for word in ("phrygian", "mixolydian", "lofi", "dnb", "neo", "soul", "locrian", "reggae", "reggaeton"):
        assert word in said, word


@pytest.mark.parametrize(
    "sentence",
    [
        "double time the drums",
        "half time the drums",
        "another take of the melody",
        "start a jam in a minor",
        "set the key to f sharp phrygian",
        "make a dnb beat",
        "generate some neo soul chords",
        "thin out the drums",
        "generate a reggaeton beat",
    ],
)
def test_the_issue_35_phrasings_are_in_the_grammar(sentence: str) -> None:
    assert jsgf.accepts(RULES, "command", sentence)
    assert parse(sentence).understood
    if "reggaeton" in sentence:  # a genre word, not dropped: the closest preset
        assert parse(sentence).params["genre"] == "reggae"


def test_a_musicgen_prompt_is_in_the_grammar_only_after_its_keyword() -> None:
    assert jsgf.accepts(RULES, "command", "make a loop of lofi piano with vinyl crackle")
    assert jsgf.accepts(RULES, "command", "musicgen warm rhodes")
    for bare in (
        "flute and a flute",
        "lofi piano loop with vinyl crackle",
        "dark ambient drone",
        "warm pads",
    ):
        assert not jsgf.accepts(RULES, "command", bare), bare


def test_silence_goes_on_the_start_and_final_states(tmp_path: Path) -> None:
    from pocketsphinx import Decoder

    fsg = Decoder(lm=None, loglevel="FATAL").parse_jsgf(build_jsgf())
    fsg.writefile(str(tmp_path / "roo.fsg"))
    header = (tmp_path / "roo.fsg").read_text().splitlines()[:4]
    assert "START_STATE 0" in header and "FINAL_STATE 1" in header


def test_accepts_commands_and_rejects_other_speech() -> None:
    assert jsgf.accepts(RULES, "command", "make the drums busier")
    assert jsgf.accepts(RULES, "command", "tempo one hundred twenty")
    assert jsgf.accepts(RULES, "command", "set the key to f sharp minor")
    assert not jsgf.accepts(RULES, "command", "what is the weather like today")
    assert not jsgf.accepts(RULES, "command", "make the drums the")
    assert jsgf.accepts(RULES, "command", "make the drums")  # generate drums


def test_every_key_letter_can_be_said_and_kit_needs_its_article() -> None:
    for letter in "abcdefg":
        assert jsgf.accepts(RULES, "command", f"change the key to {letter} flat minor")
    assert jsgf.accepts(RULES, "command", "make the kit busier please")
    assert jsgf.accepts(RULES, "command", "make it a little busier")
    assert not jsgf.accepts(RULES, "command", "make kit busier")


def test_most_of_the_written_phrases_can_be_said() -> None:
    speakable = [e for e in load(DEV_SET) if not e.get("typed") and e["action"] != "unknown"]
    inside = [
        e for e in speakable if jsgf.accepts(RULES, "command", spoken((e.get("say") or e["text"]).lower()))
    ]
    assert len(inside) / len(speakable) >= 0.8


def test_jsgf_reader_handles_the_subset_and_names_errors() -> None:
    rules = jsgf.parse_jsgf("#JSGF V1.0;\ngrammar t;\npublic <a> = x [y] ( z | w )+ <b>*;\n<b> = q;\n")
    assert jsgf.accepts(rules, "a", "x z w q q")
    assert not jsgf.accepts(rules, "a", "x y q")
    assert jsgf.words(rules) == {"x", "y", "z", "w", "q"}
    with pytest.raises(ValueError, match="missing"):
        jsgf.parse_jsgf("public <a> = ( x;")


def test_spoken_tempos_cover_40_to_300_bpm_and_nothing_else() -> None:
    from bridge.commands.grammar import SPOKEN_TEMPO_BPM
    from bridge.commands.numbers import number_to_words

    low, high = SPOKEN_TEMPO_BPM
    rng = random.Random("tempo-range")
    heard = {parse(jsgf.sample(RULES, "tempo", rng)).params["tempo_bpm"] for _ in range(2000)}
    assert low <= min(heard) and max(heard) <= high
    assert [
        n for n in range(low, high + 1) if not jsgf.accepts(RULES, "command", f"tempo {number_to_words(n)}")
    ] == []
    assert jsgf.accepts(RULES, "command", "tempo one twenty")
    for outside in (
        "tempo twenty eight",
        "tempo thirty nine",
        "tempo three hundred one",
        "tempo nine hundred",
    ):
        assert not jsgf.accepts(RULES, "command", outside)


@pytest.mark.parametrize(
    "sentence",
    [
        "a bassline for my chords",
        "a melody over this",
        "drums that lock to my bassline",
        "make it half time",
        "make it double time",
        "double the tempo",
        "transpose to e",
        "transpose up three semitones",
        "remove the hats",
        "add a fill at the end",
        "swing it more",
        "humanize the drums",
        "fewer notes in the melody",
        "fill out the full arrangement",
        "slow it down to seventy five",
        "pull the vocals out of this clip",
        "make a hip hop beat",
        "make a lofi beat",
    ],
)
def test_the_clip_commands_can_be_said_and_parse_as_typed(sentence: str) -> None:
    assert jsgf.accepts(RULES, "command", sentence)
    assert parse(sentence).understood


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("make an ambient melody", True),
        ("give me an r and b hook", True),
        ("make a funk bass line", True),
        ("make me a beat", True),
        ("write me an afrobeat groove", True),
        ("generate some jazz chords", True),
        ("four bars of jazz chords", True),
        ("a hip hop bass line in d minor", True),
        ("generate drums", True),
        ("the drums", True),
        ("make a ambient melody", False),
        ("make an funk beat", False),
        ("an lead", False),
        ("generate a drums", False),
        ("make a sixteen bar of all parts", False),
        ("me a latin melody", False),
        ("add me a bass line", False),
        ("i want me a country beat", False),
    ],
)
def test_a_new_part_takes_the_article_english_gives_it(sentence: str, said: bool) -> None:
    assert jsgf.accepts(RULES, "command", sentence) is said
