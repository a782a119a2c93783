"""Typed and spoken commands about takes: star, name, compare, back to the previous take, redo.

"This take" is the newest take of the take store (of the part when one is named). Starring and
naming go through the same actions as /roo/history/star and /roo/history/message (and the
page's /api/star); "go back to the take before this one" recalls the part's previous take into
the track of this one (``bridge.actions.history.job.recall``: an empty slot, never over a clip); it
is not Live's undo. "redo" after it brings the take gone back from; otherwise it is Live's redo.
"""

from __future__ import annotations

import weakref
from typing import Any

from bridge import protocol
from bridge.actions.history import job as takes_action
from bridge.app import App
from bridge.commands import Intent
from bridge.jobs.board import Job
from engines.errors import InvalidValue

SONG_REDO = protocol.SONG_REDO

_went_back: weakref.WeakKeyDictionary[App, str] = weakref.WeakKeyDictionary()  # take gone back from


def _newest(app: App, part: str | None, count: int) -> list[Any]:
    return list(app.history.takes(part=part, limit=count))


async def this_and_previous(app: App, part: str | None) -> tuple[Any, Any | None]:
    """The newest take (of ``part``) and the take of the same part before it (None when none)."""
    newest = await app.in_history(_newest, app, part, 1)
    if not newest:
        named = f"{part} take" if part else "take"
        raise InvalidValue(f"there is no {named} in the history yet: generate one first")
    this = newest[0]
    same = await app.in_history(_newest, app, this.part, 2)
    return this, (same[1] if len(same) > 1 else None)


ORDINALS = {"first": 0, "second": 1, "third": 2, "fourth": 3}
LIST_LIMIT = 20


def _batch(app: App, part: str | None) -> list[Any]:
    """The last batch of takes (the newest take and those made by the same command), oldest first."""
    newest = list(app.history.takes(part=part, limit=LIST_LIMIT))
    if not newest:
        return []
    batch = [t for t in newest if t.command == newest[0].command and t.part == newest[0].part] or newest[:1]
    return list(reversed(batch))


async def _back_from_newest(app: App, part: str | None, count: int) -> Any:
    """The take ``count`` takes before the newest of its part ("go back two takes"); raises naming how
    many there are."""
    this = (await this_and_previous(app, part))[0]
    same = await app.in_history(_newest, app, this.part, count + 1)
    if len(same) <= count:
        raise InvalidValue(
            f"there are {len(same)} {this.part} takes: none is {count} takes before {this.take_id}"
        )
    return same[count]


async def _starred(app: App, part: str | None) -> Any:
    """The newest starred take (of ``part``): "bring back the starred one"; raises when none is starred."""
    found = await app.in_history(lambda: list(app.history.takes(part=part, starred=True, limit=1)))
    if not found:
        raise InvalidValue(f"no {part + ' ' if part else ''}take is starred yet: say 'star this take' first")
    return found[0]


async def which_take(app: App, which: str, part: str | None, count: int = 1) -> Any:
    """The take a sentence names by place: "the second one" (of the last batch of variations),
    "the last one", "take a3f9c2", the previous one (``count`` takes back: "go back two takes");
    raises naming what there is."""
    if which.startswith("take:"):
        return await app.in_history(app.history.get, which.split(":", 1)[1])
    if which in ("last", "this"):
        return (await this_and_previous(app, part))[0]
    if which == "previous" and count > 1:
        return await _back_from_newest(app, part, count)
    if which == "previous":
        this, previous = await this_and_previous(app, part)
        if previous is None:
            raise InvalidValue(f"take {this.take_id} is the first {this.part} take: there is none before it")
        return previous
    batch = await app.in_history(_batch, app, part)
    index = ORDINALS.get(which, -1)
    if not 0 <= index < len(batch):
        raise InvalidValue(
            f"there is no {which} take in the last batch: it has {len(batch)} (say first..{len(batch)})"
        )
    return batch[index]


async def _list(app: App, job: Job, intent: Intent) -> str:
    starred = bool(intent.params.get("starred"))
    takes = await app.in_history(
        lambda: list(app.history.takes(part=intent.part, starred=starred, limit=LIST_LIMIT))
    )
    app.result(job.client, job.id, "takes", {"takes": [t.take_id for t in takes]})
    what = ("starred " if starred else "") + (f"{intent.part} " if intent.part else "") + "takes"
    if not takes:
        return f"no {what} yet"
    return f"{len(takes)} {what}: " + "; ".join(
        f"{t.take_id} {t.part}{' *' if t.starred else ''}" for t in takes
    )


async def history(app: App, job: Job, intent: Intent) -> str:
    do = intent.params["do"]
    if do == "redo":  # "redo that twice": each step its own redo, as undo counts them
        count = int(intent.params.get("count", 1))
        if not 1 <= count <= 20:
            raise InvalidValue(f"redo {count} steps is out of range: expected 1..20")
        said = [await _redo(app, job) for _ in range(count)]
        return said[0] if count == 1 else f"redid {count} steps: " + "; ".join(said)
    if do == "list":
        return await _list(app, job, intent)
    which = intent.params.get("which")
    if do == "recall" and intent.params.get("starred"):  # "bring back the starred one": the newest starred
        take = await _starred(app, intent.part)
        newest = (await this_and_previous(app, take.part))[0]
        return await _back(app, job, take.take_id, newest.take_id)
    if do == "unstar" and intent.params.get("starred"):  # "unstar the one i starred": the newest starred take
        take = await _starred(app, intent.part)
        return await takes_action.star(app, job, [take.take_id, 0])
    if which is not None and do in ("star", "unstar", "recall", "name"):
        take = await which_take(app, str(which), intent.part, int(intent.params.get("count", 1)))
        if do == "name":
            await takes_action.message(app, job, [take.take_id, str(intent.params["name"])])
            return f'take {take.take_id} ({take.part}) named "{intent.params["name"]}"'
        if do == "recall":
            newest = (await this_and_previous(app, take.part))[0]
            return await _back(app, job, take.take_id, newest.take_id)
        return await takes_action.star(app, job, [take.take_id, int(do == "star")])
    if do == "compare" and which is not None:
        first = await which_take(app, str(which), intent.part)
        second = await which_take(app, str(intent.params.get("other", "previous")), intent.part)
        if first.take_id != second.take_id:
            return await _compare(app, job, second.take_id, first.take_id)
        # "this take and the last one" name the newest twice: it is compared with the one before it
    this, previous = await this_and_previous(app, intent.part)
    if do in ("star", "unstar"):
        return await takes_action.star(app, job, [this.take_id, int(do == "star")])
    if do == "name":
        name = str(intent.params["name"])
        await takes_action.message(app, job, [this.take_id, name])
        return f'take {this.take_id} ({this.part}) named "{name}"'
    if previous is None:
        raise InvalidValue(f"take {this.take_id} is the first {this.part} take: there is none before it")
    if do == "compare":
        return await _compare(app, job, previous.take_id, this.take_id)
    if do == "previous":
        return await _back(app, job, previous.take_id, this.take_id)
    raise InvalidValue(
        f"history command {do!r} is not known: expected star, unstar, name, compare, previous, redo"
    )


async def _compare(app: App, job: Job, older: str, newer: str) -> str:
    from bridge.history.diff import as_text, compare

    def both() -> dict[str, Any]:
        return compare(app.history.get(older), app.history.get(newer))

    found = await app.in_history(both)
    app.result(job.client, job.id, "diff", found)
    lines = as_text(found, found["audio"])
    bars = len(found["bars"])
    return (
        f"{lines[0]} ({bars} bar{'s' if bars != 1 else ''} changed; the whole diff is on /roo/result 'diff')"
    )


async def _back(app: App, job: Job, older: str, newer: str) -> str:
    now = await app.in_history(app.history.get, newer)
    where: list[Any] = []
    if "track" in now.live:
        where = ["track", int(now.live["track"]), "slot", int(now.live.get("slot", 0))]
    done = await takes_action.recall(app, job, [older, *where])
    _went_back[app] = newer
    return f"back from take {newer} to take {older}: {done}"


async def _redo(app: App, job: Job) -> str:
    newer = _went_back.pop(app, None)
    if newer is not None:
        return f"redo: {await takes_action.recall(app, job, [newer])}"
    app.live.send(SONG_REDO)
    await app.live.query(protocol.SONG_GET + "is_playing")  # Live handles both in order
    return "redid the last change undone in Live"
