"""``GET /api/jobs/<id>/result``: every result a job sent, whole (``/roo/result`` carries a long one cut
to one datagram and points here), as the daemon keeps it with the job."""

from __future__ import annotations

import json

from fastapi import APIRouter, HTTPException, Response

from bridge.app import App


def router(app: App) -> APIRouter:
    routes = APIRouter()

    @routes.get("/api/jobs/{job_id}/result")
    async def job_results(job_id: int) -> Response:
        """``{"job_id", "results": [{"kind", "result"}, ...]}`` in the order sent (none yet: empty; a
        result past the newest the daemon keeps, ``bridge.jobs.results.KEPT_BYTES``: null)."""
        job = app.jobs.jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"job {job_id} is not known (the daemon keeps its last 500 jobs)")
        each = [f'{{"kind": {json.dumps(kind)}, "result": {whole or "null"}}}' for kind, whole in job.results]
        return Response(
            f'{{"job_id": {job_id}, "results": [{", ".join(each)}]}}', media_type="application/json"
        )

    return routes
