"""What the actions hand pre-generation (``bridge.prepare``) so that it makes what they would make.

``MAKERS`` is given to ``bridge.prepare.attach`` by the daemon: a part made exactly as a generate
with the same settings would make it now (the same source clip followed, the same CPU steps), the
next take of a loop rendered as a vary would render it, and a pushed MIDI clip described as a
generate that follows it would describe it. Pre-generation itself imports no action.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bridge.actions.follow import rule as follow
from bridge.actions.generate.context import SongContext, musical_context, source_clip
from bridge.actions.generate.part import followed, generate_following
from bridge.actions.generate.request import GenerateRequest
from bridge.actions.musicgen.job import render
from bridge.actions.musicgen.request import MusicgenRequest
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import LiveContext
from bridge.prepare.makers import Made, Makers


async def part(app: App, name: str, settings: dict[str, Any], live: LiveContext, seed: int) -> Made:
    """The part a generate of ``name`` with ``settings`` and ``seed`` would make in ``live`` now."""
    req = GenerateRequest(part=name, **settings)
    source = await source_clip(app, req, live)
    song = SongContext(live, -1, (-1, -1), musical_context(req, live, app), source)
    ctx, follows = await followed(app, req, song)
    notes = await app.run_cpu(generate_following, name, ctx, req.density, req.complexity, seed, follows)
    return ctx, follows, (req.density, req.complexity), notes


async def loop(app: App, job: Job, settings: dict[str, Any], ctx: LiveContext) -> tuple[dict[str, Any], Path]:
    """The takes a vary of the loop with ``settings`` (prompt, bars, model, kwargs) would render."""
    req = MusicgenRequest(settings["prompt"], bars=settings["bars"], model=settings["model"])
    return await render(app, job, req, dict(settings["kwargs"]), ctx)


MAKERS = Makers(part=part, loop=loop, describe_pushed=follow.warm)
