"""suggest's cache (lat75): keyed on the exact text and the count, and never handing out its own list."""

from __future__ import annotations

from bridge.commands import intent


def test_a_cached_suggestion_answers_for_its_count_and_text() -> None:
    two = intent.suggest("make the drums louder pls", 2)
    assert len(intent.suggest("make the drums louder pls", 1)) == 1  # the count is in the key
    assert intent.suggest("make the drums louder pls", 1) == two[:1]
    other = intent.suggest("add a bass line in the chorus", 2)
    assert intent.suggest("add a bass line in the chorus", 2) == other  # the text is in the key
    assert intent.suggest("make the drums louder pls", 2) == two


def test_a_caller_changing_its_list_does_not_change_the_next_answer() -> None:
    first = intent.suggest("mute the pad please", 2)
    first.append("poisoned")
    assert "poisoned" not in intent.suggest("mute the pad please", 2)
