"""Drawn automation said in words ("fade the pad in over 8 bars", "duck the bass on every beat"):
the clip of the part named (the one this daemon wrote last for it, else the selected one) or of the
track named, then /roo/automate with the words' device, parameter, shape and ends."""

from __future__ import annotations

from typing import Any

from bridge.actions.automate import job as automate_job
from bridge.actions.intents import clip as command_clip
from bridge.app import App
from bridge.commands import Intent
from bridge.jobs.board import Job

SAID = ("from", "to", "bars", "rate")  # the options the words may give


async def automate(app: App, job: Job, intent: Intent) -> str:
    p = intent.params
    if "track_name" in p:
        track, slot = await command_clip.named_track_clip(app, str(p["track_name"]))
    else:
        track, slot = await command_clip.target_clip(app, intent.part)
    args: list[Any] = [track, p["device"], p["parameter"], p["shape"], "slot", slot]
    for name in SAID:
        if name in p:
            args += [name, p[name]]
    return await automate_job.run(app, job, args)
