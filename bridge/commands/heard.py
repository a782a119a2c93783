"""The sentence every reader reads of what was typed or heard (issue 55): Spanish said in English,
dictated punctuation as punctuation, a starred correction in place of its slip ("the base *bass"),
"that track" as the track named before it, a request taken back with no other said as nothing to do, text speak and a learner's phrasing said plainly, "the
hook" as the chorus, a bare section said first as English says it ("verse 1 hats take out"), the German
note H and "Takt" as B and bars ("in H minor", "four Takt"); and what
the learned reading is given of it."""

from __future__ import annotations

from functools import lru_cache

from bridge.commands import address_tags, clause_tags, follow_words
from bridge.commands.contrast import preferred
from bridge.commands.dictated import as_dictated
from bridge.commands.german_words import german
from bridge.commands.hinglish_words import hinglish
from bridge.commands.idea_prefaces import without_preface
from bridge.commands.key_moved import key_moved
from bridge.commands.level_moves import level_moved
from bridge.commands.mute_off import mute_off
from bridge.commands.part_styles import styled_part
from bridge.commands.plain_words import plain
from bridge.commands.raga_words import raga_read
from bridge.commands.role_words import which_part
from bridge.commands.section_places import led_into
from bridge.commands.section_words import sections_named
from bridge.commands.starred import corrected
from bridge.commands.statements import for_reading
from bridge.commands.style_words import said_plainly
from bridge.commands.taken_back import withdrawn
from bridge.commands.tongues import in_english
from bridge.commands.topic_first import topic_first
from bridge.commands.topic_joins import topic_joined


@lru_cache(maxsize=256)  # asked twice a clause: when the sentence is split, and when the clause is read
def heard_as(text: str) -> tuple[str, str | None]:
    """The sentence every reader reads, and a question when it is mostly in a tongue not read: Spanish
    said in English, "comma" a comma, text speak and a learner's phrasing said plainly."""
    heard, asked = in_english(
        hinglish(as_dictated(corrected(" ".join(text.split()))))
    )  # "the base *bass": the bass
    heard = without_preface(address_tags.untagged(heard))  # "ok new song idea. 8 bars drums": the drums
    heard, asked = (heard, asked) if asked else follow_words.back_to_track(heard)  # "follows that track"
    asked = asked or withdrawn(heard)  # "make it louder, actually it sounds fine": nothing done
    if asked:
        return heard, asked
    heard = raga_read(german(heard))  # "in bhairavi, Sa is E": in E phrygian; "in H minor": B minor
    heard = clause_tags.untagged(
        plain(preferred(sections_named(level_moved(mute_off(heard)))))
    )  # "solo bass lah": solo bass  # "in the hook": the chorus; "the
    # mute off": unmute; "lower the hats a lot": "make the hats a lot softer"
    # round 35: "follow the chords i selected" the clip selected; "the acid line" the bass line; "swing the hats a
    # little and the kick, make it louder" two requests; "a fill leading into the chorus" a fill at its start
    heard = led_into(topic_joined(styled_part(follow_words.selected_plainly(heard))))
    heard = said_plainly(heard)  # "make the chords more poppy": more pop
    heard = key_moved(heard)  # "the melody take down to G minor": the melody transposed, never a new one
    return topic_first(heard), which_part(heard)  # "verse 1 hats take out": the verse's hats


def learned_sees(text: str) -> str:
    """What the learned reading is given of a typed sentence (training encodes the same)."""
    return for_reading(heard_as(text)[0])
