"""A question offers the learned reading's op as a sentence the rules read as that op, with the values
said (issue 55, round 22: bridge/commands/suggest_words.py). Before, the learned op's own sentence was
often not read as it ("transpose the bass line in D major" is a new bass line in D major), so the
question offered only other ops ("did you mean 'set the key to D major' or 'remove the bass line'?")."""

from __future__ import annotations

import pytest

from bridge.commands import reader
from bridge.commands.agree import agreed
from bridge.commands.means import means_of
from bridge.commands.parser import parse as rules


def _reading(target: str | None, *ops: tuple[str, float]) -> reader.Reading:
    return reader.Reading(ops, target)


def _offered(text: str, reading: reader.Reading) -> list[dict[str, object]]:
    """What the rules read each suggestion of the question asked about ``text`` as (it must be asked)."""
    intent = agreed(text, rules(text), reading)
    assert not intent.understood, intent  # a question is never acted on
    return [means_of(rules(t).as_dict()) for t in intent.params["suggestions"][:2]]


@pytest.mark.parametrize(
    ("text", "reading", "meant"),
    [
        (  # the key a part is moved to: "to D major", never a new bass line "in D major"
            "move the bass down to D major, I reckon I had it in the wrong key",
            _reading("bass", ("transpose", 0.99), ("set", 0.01)),
            {"op": "transpose", "target": "bass", "key": "D major"},
        ),
        (
            "can you transpose the chords in G minor",
            _reading("chords", ("transpose", 0.99), ("set", 0.01)),
            {"op": "transpose", "target": "chords", "key": "G minor"},
        ),
        (  # a genre the clip is redone in, though the rules refused the sentence
            "redo this one as country, it came out soundin like an arena rock record",
            _reading(None, ("set", 0.67), ("redo", 0.32)),
            {"op": "set", "target": "this", "genre": "country"},
        ),
        (  # a genre the rules read for a new part, borrowed by the learned op
            "I'd like those drums done again in a reggae style",
            _reading("drums", ("set", 0.76), ("make", 0.2)),
            {"op": "set", "target": "drums", "genre": "reggae"},
        ),
        (  # the rules' several parts, said as a list
            "just kick and snare in the intro",
            _reading("kick", ("remove", 0.61), ("keep_only", 0.31)),
            {"op": "keep_only", "target": ["kick", "snare"], "scope": {"section": "intro"}},
        ),
        (  # the rules' target cannot be said again ("track:drums but leave ..."): the learned one
            "unmute the drums but leave everything else muted",
            _reading("drums", ("unmute", 0.98), ("mute", 0.01)),
            {"op": "unmute", "target": "drums"},
        ),
        (  # the half of the clip said is kept
            "kill the china in the second half",
            _reading("crash", ("remove", 0.99), ("tempo", 0.01)),
            {"op": "remove", "target": "crash", "scope": {"half": 2}},
        ),
        (  # the bars a jam keeps
            "ooh keep the last 16 bars of what we just played, that was so good",
            _reading(None, ("jam_save", 0.91), ("make", 0.02)),
            {"op": "jam_save", "bars": 16},
        ),
    ],
)
def test_the_learned_op_is_offered_with_the_values_said(
    text: str, reading: reader.Reading, meant: dict[str, object]
) -> None:
    assert meant in _offered(text, reading)


def test_where_both_read_the_op_each_target_is_offered_the_learned_first() -> None:
    text = "leave the kick alone but take the hats out of the first verse"
    offered = _offered(text, _reading("hats", ("remove", 0.87), ("simpler", 0.09)))
    assert offered[0] == {"op": "remove", "target": "hats", "scope": {"section": "verse"}}


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "I'd like those drums done again in a reggae style",
            _reading("drums", ("set", 0.95), ("make", 0.02)),
        ),
        ("change the melody to G minor, same notes", _reading("melody", ("transpose", 0.99), ("set", 0.01))),
    ],
)
def test_a_sentence_said_only_for_a_question_never_acts(text: str, reading: reader.Reading) -> None:
    """The sentences said again for a question are offered, never acted on in the sentence's place."""
    assert not agreed(text, rules(text), reading).understood


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("separate the selected audio clip into stems", "separate"),  # an audio action on the selected clip
        ("warp the selected audio clip", "warp"),
        ("make an audio clip of rain", "musicgen"),  # a new one stays MusicGen's
    ],
)
def test_an_audio_action_on_the_selected_clip_is_no_new_audio(text: str, op: str) -> None:
    assert means_of(rules(text).as_dict())["op"] == op


@pytest.mark.parametrize(
    ("target", "said"),
    [(None, "fade it in in the chorus"), ("strings", "fade the strings in in the chorus")],
)
def test_an_automation_offered_is_said_in_english(target: str | None, said: str) -> None:
    """A fade offered is "fade it in", never "fade in it" (round 35: a refused build-up offered "fade in it in the
    chorus"); the sentence is read as the fade it offers, in its section."""
    from bridge.commands.rephrase import sentence_for

    text = sentence_for(
        "automate", target, " build it up over the last bars before the chorus ", offered=True
    )
    assert text == said
    assert means_of(rules(text).as_dict())["op"] == "automate"
