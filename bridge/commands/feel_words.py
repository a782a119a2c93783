"""The feels of issue 44's grammar: a phrase a producer says -> the /roo/transform kind that plays
the part in that rhythm ("make the kick four on the floor", "turn this into a waltz", "give the bass
more movement"). One table, read by ``compose`` (the parser) and ``spoken_compose`` (the speech
grammar). Phrases are normalised: lower case, numbers as digits ("4 on the floor").
"""

from __future__ import annotations

FEELS: dict[str, str] = {
    "four on the floor": "four_on_the_floor", "4 on the floor": "four_on_the_floor", "4 to the floor": "four_on_the_floor",
    "offbeat stabs": "offbeat_stabs", "off beat stabs": "offbeat_stabs", "skank": "offbeat_stabs",
    "more movement": "more_movement", "move more": "more_movement", "walk more": "more_movement",
    "less static": "more_movement", "walk": "more_movement",
    "waltz": "waltz", "3 4 feel": "waltz", "in 3 4": "waltz",
    "straight": "straight", "straighten": "straight", "straighten out": "straight", "no shuffle": "straight", "no swing": "straight", "unswing": "straight",
    "syncopate": "syncopate", "syncopated": "syncopate", "more syncopation": "syncopate",
    "stabs on the 1": "sparse_hits", "hits on the 1": "sparse_hits", "only on the 1": "sparse_hits",
    "just the 1": "sparse_hits", "on the 1 only": "sparse_hits", "stabs on the one": "sparse_hits",
    "hits on the one": "sparse_hits", "only on the one": "sparse_hits", "just the one": "sparse_hits",
    "double time": "double_time", "half time": "half_time", "halftime": "half_time",
}  # fmt: skip
