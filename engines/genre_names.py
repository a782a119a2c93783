"""Genre names as people write them: "Hip Hop", "dnb", "d&b", "lo fi", "r&b" -> the preset's name.

A name is folded (lower case, "&" as "and", letters and digits only) and matched against the
presets' own names folded the same way, then against a short table of other spellings.
"""

from __future__ import annotations

from engines.errors import InvalidValue
from engines.preset_files import names

# Other spellings of genre names, folded as genre_id folds them.
GENRE_ALIASES = {
    "dnb": "drum-and-bass", "dandb": "drum-and-bass", "drumnbass": "drum-and-bass",
    "jungle": "drum-and-bass", "lofihiphop": "lo-fi", "randb": "neo-soul", "rnb": "neo-soul",
    "rb": "neo-soul", "rhythmandblues": "neo-soul", "soul": "neo-soul", "rap": "hip-hop",
    "boombap": "hip-hop", "edm": "electronic", "garage": "house", "ukgarage": "house", "ukg": "house",
    "speedgarage": "house", "2stepgarage": "house", "garagerock": "rock", "heavymetal": "metal",
    "thrash": "metal", "thrashmetal": "metal", "deathmetal": "metal", "metalcore": "metal",
}  # fmt: skip


def genre_id(text: str) -> str:
    """A genre name folded for lookup: lower case, "&" as "and", only letters and digits."""
    return "".join(c for c in text.lower().replace("&", "and") if c.isalnum())


def genre_name(text: str) -> str:
    """The preset name of a genre given in any common spelling ("Hip Hop", "dnb", "lo fi", "r&b");
    raises InvalidValue listing the genres when none matches."""
    by_id = {genre_id(name): name for name in names("genres")}
    found = by_id.get(genre_id(text)) or GENRE_ALIASES.get(genre_id(text))
    if found is None:
        raise InvalidValue(f"genre {text!r} is not known: expected one of {', '.join(names('genres'))}")
    return found
