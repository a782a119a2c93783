"""Issue 55, tenth round (r55w): a producer who mixes Spanish and English in one sentence.

The Spanish studio words (``spanish_words``: verbs in their command forms with joined pronouns,
parts, sections, numbers, function words, with or without their accents) are read in the English the
rules and the learned reading read (``spanish``, wired in ``agree.parse`` through ``tongues``); the
words with two readings are read from their neighbours (``spanish_context``); a sentence mostly in
a tongue nothing here reads is asked about, never acted on from its one or two English words. Every
sentence is the engineer's own, none from a blind set; each of them read otherwise on 504e8eb.
"""

from __future__ import annotations

from typing import Any

import pytest

from bridge.commands import parse
from bridge.commands.spanish import english_of
from bridge.commands.tongues import QUESTION
from tests.bridge.commands.meant import case, read

EACH_VERB_FAMILY = [
    case("quítale el shaker a la segunda estrofa", op="remove", target="percussion",
         scope={"section": "verse", "nth": 2}),
    case("sácale los platillos al puente", op="remove", target="crash", scope={"section": "bridge"}),
    case("métele más notas a la batería", op="busier", target="drums"),
    case("súbele al bajo", op="louder", target="bass"),
    case("bájale un poquito a los platillos", op="softer", target="crash"),
    case("hazme un groove de batería de cuatro compases", op="make", target="drums", bars=4),
    case("arma una progresión de acordes en mi menor", op="make", target="chords", key="E minor"),
    case("pasa los acordes a do mayor", op="transpose", target="chords", key="C major"),
    case("convierte este audio en midi", op="transcribe", target="this"),
    case("deshaz lo último", op="undo"),
    case("rehaz eso", op="redo"),
    case("reescribe los compases 9 al 12", op="infill", scope={"bars": [9, 12]}),
    case("vuelve a la primera toma", op="recall", target="first"),
    case("sigue la melodía ocho compases más", op="continue", target="melody", bars=8),
    case("oye, para el jam", op="jam_stop"),
    case("arranca el jam a cien bpm", op="jam_start", tempo_bpm=100),
    case("muéstrame mis tomas favoritas", op="list_takes", starred=True),
    case("silencia el bajo", op="mute", target="bass"),
    case("solea la guitarra", op="solo", target="track:guitar"),
    case("cuadra el bajo", op="quantize", target="bass"),
    case("ponle una estrella a esta toma", op="star"),
    case("compara la primera toma con la tercera", op="compare", target="first", other="third"),
    case("mutea la pista de los pads", op="mute", target="track:pads"),
]  # fmt: skip


SPANISH_ORDERS_AND_CLAUSES = [
    case("el bombo está bien, sube la caja", op="louder", target="snare"),  # "is fine": kept as it is
    case("no toques el bombo, quítale notas a los hats", op="simpler", target="hats"),
    case("sácame la voz de esta canción", op="separate", target="vocals"),
    case("saca el bajo de este loop como midi", op="transcribe", target="bass"),
    case(
        "hazme un perreo de ocho compases", op="make", target="drums", bars=8
    ),  # "perreo" names no genre (w60b)
    case("la caja está muy baja, súbela", op="louder", target="snare"),
    case("pásame los acordes a si bemol mayor", op="transpose", target="chords", key="Bb major"),
    case("quítale el swing a los hats", op="feel", target="hats", feel="straight"),
    case("hazme un fill en el compás 12", op="fill", target="drums", scope={"bars": [12, 12]}),
    case(
        "oye bro, el bajo suena muy vacío en la estrofa",
        op="busier",
        target="bass",
        scope={"section": "verse"},
    ),
]


@pytest.mark.parametrize(("text", "want"), EACH_VERB_FAMILY + SPANISH_ORDERS_AND_CLAUSES)
def test_each_verb_family_is_read(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


JOINED_PRONOUNS_AND_ACCENTS = [
    ("quítale", "quitale", "remove"),
    ("pónmelo", "ponmelo", "give me it"),
    ("súbele", "subele", "turn up"),
    ("bájale", "bajale", "turn down"),
    ("hazme", "hazme", "make me"),
    ("cámbialo", "cambialo", "change it"),
    ("enséñame", "ensename", "show me"),
    ("pásame", "pasame", "give me"),
    ("ponle", "ponle", "add"),
    ("ponme", "ponme", "give me"),
]


@pytest.mark.parametrize(
    ("text", "want"),
    [  # a producer who says "usted" (Colombia) or "vos" (Argentina, Uruguay)
        case("póngale más swing a los hats", op="swing", target="hats"),
        case("hágame un bajo de ocho compases", op="make", target="bass", bars=8),
        case("quítele la caja al coro", op="remove", target="snare", scope={"section": "chorus"}),
        case("sacá los hats del puente", op="remove", target="hats", scope={"section": "bridge"}),
        case("poné la batería en half time", op="feel", target="drums", feel="half_time"),
    ],
)
def test_the_usted_and_vos_forms_are_read(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(("accented", "plain", "english"), JOINED_PRONOUNS_AND_ACCENTS)
def test_a_verb_with_its_pronouns_reads_the_same_with_or_without_the_tilde(
    accented: str, plain: str, english: str
) -> None:
    said = f"{accented} el bombo"
    assert english_of(said) == english_of(f"{plain} el bombo") == f"{english} the kick"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("sube la melodia una octava", op="transpose", target="melody", semitones=12),
        case("súbele una octava a la melodía", op="transpose", target="melody", semitones=12),
        case("hazme una cancion de reggaeton", op="make", target="song", genre="reggae"),
        case("hazme una canción de reggaetón", op="make", target="song", genre="reggae"),
        case("quita el bombo desde el compas 5", op="remove", target="kick", scope={"from_bar": 5}),
    ],
)
def test_accents_dropped_read_the_same(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("dame dieciséis compases de batería", op="make", target="drums", bars=16),
        case("cambia el tempo a ciento veinte", op="set", target="song", tempo_bpm=120),
        case("arranca el jam a noventa y cinco bpm", op="jam_start", tempo_bpm=95),
        case("deshaz eso dos veces", op="undo", count=2),
        case("dame tres versiones de la melodía", op="vary", target="melody", versions=3),
    ],
)
def test_numbers_said_in_spanish(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("para el jam", "stop the jam"),  # "para" beginning its clause with no other verb: stop
        ("hazme un bajo para el coro", "make me a bass for the chorus"),  # another verb: for
        ("chords para the verse", "chords for the verse"),
        ("en el tiempo 3 quita el bombo", "in beat 3 remove the kick"),  # beside a number: the beat
        ("sube el tiempo de la canción", "raise the tempo of the song"),  # else the tempo
        ("el bajo esta muy bajo", "the bass is very quiet"),  # after a degree word: quiet
        ("solo el bajo", "solo the bass"),  # a clause of its own: the command
        ("solo quita los hats", "remove the hats"),  # before a verb: "just", left out
        ("quiero solo el bombo", "i want only the kick"),  # with another verb: only
        ("toca el loop", "play the loop"),
        ("un bajo que toca con los acordes", "a bass that plays with the chords"),
        ("esta toma", "this take"),
        ("esta muy fuerte la caja", "is very loud the snare"),
        ("write me a bass line para el coro", "write me a bass line for the chorus"),  # an English "a"
        ("pásalo a re menor", "move it to D minor"),  # "a" after a Spanish verb: to
        ("no toques el bombo", "don't touch the kick"),
    ],
)
def test_a_word_with_two_readings_is_read_from_its_neighbours(text: str, english: str) -> None:
    assert english_of(text) == english


@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("el bajo esta muy bajo", op="louder", target="bass"),
        case("solo el bajo", op="solo", target="bass"),  # read so before this round too: kept
        case("solo quita los hats", op="remove", target="hats"),
        case("para el jam", op="jam_stop"),
        case("chords para the verse", op="make", target="chords", scope={"section": "verse"}),  # kept
    ],
)
def test_the_two_readings_act_as_meant(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "solo the bass",
        "make a bass line in A minor",
        "mute the drums in the drop",
        "give me a lo-fi beat",
        "the bass is too low",
        "no more hats in the chorus",
        "de-ess the vocal",
        "a minor chord progression",
        "play me a loop",
    ],
)
def test_an_english_sentence_stays_as_it_was(text: str) -> None:
    assert english_of(text) == text


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("hazme un beat lo-fi en e minor, gracias", "make me a beat lo-fi in e minor, thanks"),
        ("the final chorus needs more drums, gracias", "the final chorus needs more drums, thanks"),
        ("el coro final necesita más batería", "the final chorus needs more drums"),
        ("solo the bass, por favor", "solo the bass, please"),
    ],
)
def test_the_english_words_of_a_mixed_sentence_stay_english(text: str, english: str) -> None:
    assert english_of(text) == english


@pytest.mark.parametrize(
    "text",
    [
        "coloca mais bateria no refrão",  # Portuguese
        "mets plus de basse dans le refrain",  # French
        "mach das Schlagzeug lauter im Refrain",  # German
        "togli la batteria nel ritornello",  # Italian
        "exporta la mezcla y súbela a la nube de google",  # Spanish words outside the tables
        "deixa o baixo mais alto no refrão",  # Portuguese
        "enlève les hats du refrain",  # French with one English part word
        "alza il volume del basso",  # Italian
        "el cliente dice que la canción tiene que sonar más comercial, qué opinas",
    ],
)
def test_a_sentence_mostly_in_a_tongue_not_read_is_asked_about(text: str) -> None:
    intent = parse(text)
    assert not intent.understood
    assert intent.params["reason"] == QUESTION and QUESTION.endswith("?")


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("the bass is très fat, keep it", "the bass is très fat, keep it"),  # no Spanish letter: as typed
        ("add some reverb à la Daft Punk on the vocals", "add some reverb à la Daft Punk on the vocals"),
    ],
)
def test_a_french_accent_in_an_english_sentence_is_no_spanish(text: str, english: str) -> None:
    assert english_of(text) == english


def test_an_english_request_with_a_few_french_words_is_still_acted_on() -> None:  # read so before too: kept
    assert read("give me a bass line avec du groove") == {"op": "make", "target": "bass"}


def test_a_spanish_sentence_with_one_unread_word_is_still_acted_on() -> None:
    assert read("hazme un bajo bien sabroso de cuatro compases") == {
        "op": "make",
        "target": "bass",
        "bars": 4,
    }


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "want"),
    [
        case("silencia la pista de los pads", op="mute", target="track:pads"),
        case("quítale el shaker a la segunda estrofa", op="remove", target="percussion",
             scope={"section": "verse", "nth": 2}),
        case("sigue la melodía ocho compases más", op="continue", target="melody", bars=8),
    ],
)  # fmt: skip
def test_the_learned_reading_reads_the_english_too(text: str, want: dict[str, Any]) -> None:
    assert read(text) == want
