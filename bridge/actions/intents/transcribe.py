"""Words to /roo/transcribe (issue 54): "turn this into midi" transcribes the selected audio clip;
"give me the bass of this sample as midi" splits the clip's marked region into stems in the model
worker first, then transcribes the bass stem, in one job (progress and cancel as for each step),
and writes its notes on a new MIDI track after the clip as /roo/transcribe does. The stems stay on
disk (the stems folder, as /roo/separate writes them); none is placed in Live.
"""

from __future__ import annotations

import asyncio

from bridge import protocol
from bridge.actions.intents.clip import named_track_clip
from bridge.actions.place.track import tracks_named
from bridge.actions.separate.job import SEPARATE_TARGET, stems_folder
from bridge.actions.transcribe.job import source_clip, transcribe_clip
from bridge.actions.transcribe.request import TranscribeRequest
from bridge.app import App
from bridge.commands import Intent
from bridge.jobs.board import Job
from bridge.jobs.weights import require_demucs
from bridge.jobs.worker import get_worker
from engines.errors import InvalidValue

SIX_STEM_MODEL = "htdemucs_6s"  # the model with piano and guitar stems


def stem_model(stem: str) -> str:
    """The separation model that gives ``stem``."""
    return SIX_STEM_MODEL if stem in ("piano", "guitar") else protocol.SEPARATION_MODELS[0]


async def said_track(app: App, name: str) -> None:
    """Asks which track is meant where no track is named ``name`` ("transcribe my guitar recording" in a Set with
    no Guitar track), naming the tracks there are; nothing is transcribed on a guess."""
    names = [str(n) for n in await app.live.query(protocol.SONG_GET + "track_names")]
    if not tracks_named(names, name):
        raise InvalidValue(
            f"which track holds the {name}? No track is named {name!r} (the tracks are "
            f"{', '.join(repr(n) for n in names)}): say 'transcribe the <name> track', or select the clip and "
            "say 'transcribe this'"
        )


async def transcribe(app: App, job: Job, intent: Intent) -> str:
    track, slot = (
        -1,
        -1,
    )  # the selected audio clip, unless a track was said ("convert the guitar track to midi")
    if intent.params.get("track_name"):
        await said_track(app, str(intent.params["track_name"]))
        track, slot = await named_track_clip(app, str(intent.params["track_name"]))
    req = TranscribeRequest(
        track=track,
        slot=slot,
        kind=str(intent.params.get("kind", "auto")),
        quantize=float(intent.params.get("quantize", 0.0)),
    )
    clip = await source_clip(app, req)
    stem = intent.params.get("stem")
    if stem is None:
        return await transcribe_clip(app, job, req, clip)
    model = stem_model(str(stem))
    await asyncio.to_thread(require_demucs, model)  # offline without weights: fail now
    folder = stems_folder(clip.info.name or "clip")
    job.report(0.02, f"splitting {clip.where} into stems for its {stem}")
    paths: dict[str, str] = await get_worker(app).call(
        job, SEPARATE_TARGET, path=clip.info.file_path, out_dir=str(folder), model=model, start_s=clip.start_s,
        end_s=clip.end_s,
    )  # fmt: skip
    job.check_cancelled()
    if stem not in paths:
        raise InvalidValue(f"model {model} gave the stems {', '.join(paths)}: no {stem} stem to transcribe")
    return await transcribe_clip(app, job, req, clip, (str(stem), paths[str(stem)]))
