"""Issue 55, round 36 (w87): four requests read wrongly, in sentences of our own (never a set's line).

- "a couple more bars" on the end is a continue by two bars (the learned reading is shown the count as
  "two", ``seen_words.as_trained``): it was read as no command at all;
- a recording heard as notes ("transcribe my mandolin recording") is audio to transcribe, on the track named
  for what plays on it (``transcribe_words.RECORDING_SAID``), never Live's record button
  (``not_ours._RECORDING``); the verb "transcribe" names the op over an unsure head (``weighing``);
- the energy of "the tune" over a section is the song's there, every part (``energy_words.tune_energy``),
  never the melody's (round 35 read "the tune" said of the energy alone as the song);
- a keep of one part said again as the rest done away with, in any verb ("..., get shut of the rest") is
  the keep alone (``statements.without_rest_again``): it was asked, mute or solo.
"""

from __future__ import annotations

import pytest

from bridge.commands import agree


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    "text",
    ["tack on a couple more bars at the end please", "can i get a couple more measures on the end"],
)
def test_a_couple_more_bars_is_a_continue_by_two(text: str) -> None:
    intent = agree.parse(text)
    assert intent.action == "continue" and intent.params.get("bars") == 2, intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "name"),
    [("transcribe my mandolin recording", "mandolin"), ("transcribe our banjo recording", "banjo")],
)
def test_a_recording_named_by_its_instrument_is_transcribed_from_that_track(text: str, name: str) -> None:
    intent = agree.parse(text)
    assert intent.action == "transcribe" and intent.params.get("track_name") == name, intent


@pytest.mark.usefixtures("learned_reading")
def test_live_s_recording_is_still_not_ours() -> None:
    intent = agree.parse("start recording the next take")
    assert intent.action == "unknown" and "not something MuseAroo does" in str(intent.params["reason"]), (
        intent
    )


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "direction", "section", "nth"),
    [
        ("the tune could use more energy in the second verse", "up", "verse", 2),
        ("the tune wants less energy in the intro", "down", "intro", 1),
    ],
)
def test_the_tune_s_energy_in_a_section_is_the_song_s(
    text: str, direction: str, section: str, nth: int
) -> None:
    intent = agree.parse(text)
    assert intent.action == "adjust" and intent.part is None, intent
    assert intent.params.get("what") == "energy" and intent.params.get("direction") == direction, intent
    assert intent.params.get("region") == {"section": section, "nth": nth}, intent


@pytest.mark.usefixtures("learned_reading")
def test_the_melody_s_energy_stays_the_melody_s() -> None:
    intent = agree.parse("the melody could use more energy in the second verse")
    assert intent.action == "adjust" and intent.part == "melody", intent


@pytest.mark.usefixtures("learned_reading")
@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("mute everything apart from the bass, get shut of the rest", "bass"),
        ("mute everything but the chords, lose all the rest", "chords"),
    ],
)
def test_the_rest_done_away_with_after_a_keep_is_the_keep(text: str, part: str) -> None:
    intent = agree.parse(text)
    assert intent.action == "mixer" and intent.params.get("do") == "solo" and intent.part == part, intent


def test_a_recording_on_no_track_named_so_is_asked_which_track() -> None:
    """Through the daemon and the Remote Script in the in-memory Live: no track is named for the banjo, so the
    answer asks which track holds it, naming the Set's tracks, and nothing is made."""
    from bridge import protocol
    from livesim.host import LiveHost
    from livesim.live_set import parse_set
    from tests.bridge.harness import daemon_client

    desc = parse_set({"selected_track": 0, "selected_scene": 0,
                      "tracks": [{"type": "audio", "name": "Loops"}, {"type": "midi", "name": "Keys"}]})  # fmt: skip
    live = LiveHost(desc, port=0).start_in_thread()
    try:
        with daemon_client(live.port) as client:
            client.send(protocol.COMMAND, "transcribe our banjo recording")
            while (status := client.wait_for(protocol.STATUS, timeout=60.0))[1] not in protocol.FINAL_STATES:
                pass
        assert status[1] == "failed" and str(status[3]).startswith("which track holds the banjo?"), status
        assert "'Loops', 'Keys'" in str(status[3]), status
        assert live.call(lambda: [t.name for t in live.song.tracks]) == ["Loops", "Keys"]
    finally:
        live.stop()
