"""A region named in a command ("the chorus", "the second verse", "bar 17", "bars 17 to 24") as the
place in the Arrangement where /roo/generate writes: ``arrangement 1``, ``at`` and ``bars``.

A section is found among Live's cue points (``Song.cue_points``, as ``song ... replace 1`` lays
them, named for their sections): the nth whose name is the section's, or starts with it ("chorus
2"); it runs to the next cue point (the last one, which Live gives no end: as long as the section of its
name before it, "the last chorus" as long as a chorus, where no bars are said; else for ``bars``, else the
part's default). Bars count from 1 in Live's signature. A section with no such cue point is refused naming the cue points
there are.
"""

from __future__ import annotations

from typing import Any

from bridge.app import App
from bridge.commands.region_words import describe
from engines.errors import InvalidValue


def _is(name: str, section: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[0] == section


async def place(app: App, region: dict[str, Any], settings: dict[str, Any]) -> str:
    """Put the region into the generate ``settings`` (arrangement, at, bars); what to say of it."""
    live = await app.live.context()
    bar = live.signature_numerator * 4.0 / live.signature_denominator
    said = describe(region)
    if "section" in region:
        cues = await app.live.cues()
        named = [i for i, (_, name) in enumerate(cues) if _is(name, region["section"])]
        nth = int(region["nth"])
        if not named or nth > len(named):
            there = ", ".join(f"{name!r} at beat {at:g}" for at, name in cues) or "none"
            raise InvalidValue(
                f"{said}: the Arrangement has {len(named)} cue point(s) named {region['section']!r} "
                f"(cue points: {there}): expected one for it (a song with replace 1 lays them)"
            )
        index = named[nth - 1] if nth > 0 else named[-1]
        start = cues[index][0]
        settings.update(arrangement=1, at=start)
        ends = [i for i in named if i + 1 < len(cues)]  # sections of its name with a cue point after them
        if index + 1 < len(cues):
            settings["bars"] = max(1, round((cues[index + 1][0] - start) / bar))
        elif ends and "bars" not in settings:  # the last cue point, which has no end: as its name's before
            settings["bars"] = max(1, round((cues[ends[-1] + 1][0] - cues[ends[-1]][0]) / bar))
            told = f"{settings['bars']} bars, as its name's section before it"
            return f"{said} at beat {start:g} (cue point {cues[index][1]!r}, {told})"
        return f"{said} at beat {start:g} (cue point {cues[index][1]!r})"
    first = int(region["first_bar"])
    last = int(region.get("last_bar", first))
    if first < 1 or last < first:
        raise InvalidValue(f"{said}: expected bars counted from 1, the first no later than the last")
    settings.update(arrangement=1, at=(first - 1) * bar)
    if "last_bar" in region:
        settings["bars"] = last - first + 1
    return f"{said} at beat {(first - 1) * bar:g}"
