"""The world's styles that no genre preset holds yet (issue 55, round 23): read as a style and carried as said.

"drums and bass for the verse, salsa dura, 16 bars" dropped its style and made house-less drums; each of these
is now a genre word of ``vocab.GENRES`` (typed only), and the generate action answers "no salsa preset yet:
used the song's genre" (bridge.actions.intents.generate). A style word no reader knows is asked about
(``unknown_slots``).
"""

from __future__ import annotations

WORLD_STYLES = ("salsa", "salsa dura", "bachata", "cumbia", "merengue", "boogaloo", "mambo", "timba", "son montuno",
                "tango", "samba", "forro", "baile funk", "bolero", "afrobeats", "amapiano", "highlife", "kwaito",
                "gqom", "soca", "calypso", "zouk", "kompa", "dancehall", "dembow", "moombahton", "ska",
                "drill", "phonk", "jersey club", "footwork", "punk", "emo", "grunge", "shoegaze", "bluegrass",
                "flamenco", "k pop", "j pop", "city pop", "synthwave", "vaporwave", "trip hop", "downtempo",
                "hardstyle", "psytrance", "bebop", "motown", "polka", "qawwali", "bhangra")  # fmt: skip

# styles no preset holds that are common English words too, and the nearest style the product has: so
# ``unknown_slots`` would take them for a plain word and make the part without them ("need a folk drum beat",
# "make me a dub beat" made plain drums): said in a style's place ("a folk drum beat", "folk style") they are
# asked about, the nearest style its example, never dropped; not carried, since "a bit like a swedish folk song"
# is a likeness its writer left out of the request (set 116). From round 28's set 133; "dub" round 35.
NO_PRESET = {"dub": "reggae", "folk": "country"}
ASKED_STYLES = frozenset(NO_PRESET)
