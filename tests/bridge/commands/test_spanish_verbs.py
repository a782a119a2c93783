"""Spanish imperatives of "vos" and with pronouns glued on, and Live's own buttons asked in Spanish
(bridge/commands/spanish_verbs.py, spanish_context.py; sentences of our own, the verbs from round 27's open
set 127): "corré", "volvé", "deshacé", "reescribí", "mostrame", "buscame" are read as the table's verbs,
"sacale el mute a ..." unmutes, "subile un toque" after a change turns that part up, a track named after
"la pista" keeps its name, "un loop de audio of ..." leaves no "audio of" in the prompt, and an English
word is never read as a Spanish verb."""

from __future__ import annotations

import pytest

from bridge.commands import parse, spanish
from bridge.commands.means import means_of
from bridge.commands.spanish_verbs import known_form
from bridge.commands.weighing import NOT_OURS

pytestmark = pytest.mark.usefixtures("learned_reading")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # vos imperatives, with or without the accent, and the Live buttons they ask for
        ("deshacé los ultimos 2 cambios", {"op": "undo", "count": 2}),
        ("volvé a la primera toma", {"op": "recall", "target": "first"}),
        ("mostrame las tomas de la bateria", {"op": "list_takes", "target": "drums"}),
        (
            "reescribi los compases 9 a 12 del bajo",
            {"op": "infill", "target": "bass", "scope": {"bars": [9, 12]}},
        ),
        ("corré el bombo a sixteenth earlier", {"op": "shift", "target": "kick", "beats": -0.25}),
        ("rehacé el bajo como trap", {"op": "set", "target": "bass", "genre": "trap"}),
        # the mute taken off a part
        ("sacale el mute a la bateria", {"op": "unmute", "target": "drums"}),
        ("quitale el mute al bajo", {"op": "unmute", "target": "bass"}),
        # "le" with nothing after it that it stands for: the part the sentence named before
        (
            "humaniza la caja y despues subile un toque",
            {"op": "humanize", "target": "snare", "then": [{"op": "louder", "target": "snare"}]},
        ),
        (
            "cuantiza los acordes y despues bajale un toque",
            {"op": "quantize", "target": "chords", "then": [{"op": "softer", "target": "chords"}]},
        ),
        # a track's name after "la pista": the name, not the article
        ("mutea la pista Bongo", {"op": "mute", "target": "track:bongo"}),
        ("solea la pista Clave", {"op": "solo", "target": "track:clave"}),
        # "un loop de audio": an audio loop, its prompt only what is said after "of"
        (
            "armame un loop de audio of rain on a tin roof, 4 compases",
            {"op": "musicgen", "prompt": "rain on a tin roof", "bars": 4},
        ),
    ],
)
def test_spanish_imperatives_are_read(text: str, want: dict[str, object]) -> None:
    assert means_of(parse(text).as_dict()) == want


@pytest.mark.parametrize("text", ["buscame un kick en splice", "masterizame la cancion"])
def test_spanish_errands_are_refused_as_out_of_scope(text: str) -> None:
    assert parse(text).params.get("reason") == NOT_OURS


@pytest.mark.parametrize(
    ("typed", "known"),
    [
        ("mostrame", "mostrarme"),  # vos "mostrá" + me
        ("corré", "correr"),
        ("volve", "volver"),
        ("reescribi", "reescribir"),
        ("buscame", "buscarme"),
        ("rehacé", "rehacer"),  # the accent marks the vos form
        ("rehace", "rehace"),  # without it, the table's own word
        ("sacale", "sacale"),  # a table verb with its pronoun: read as it was
        ("para", "para"),  # a word with two readings is no vos "parar"
    ],
)
def test_a_vos_form_is_the_tables_verb(typed: str, known: str) -> None:
    assert known_form(spanish.fold(typed), typed) == known


@pytest.mark.parametrize(
    "text",
    ["move the kick a sixteenth later", "move the bass to bar 9", "move it a beat earlier in the chorus"],
)
def test_english_is_never_read_as_a_spanish_verb(text: str) -> None:
    assert spanish.read(text) is None  # "move" would be the vos form of the table's "mover"
