"""What a tool call does: a MuseAroo request through the daemon, or an AbletonOSC request to Live.

Every answer is a JSON object (the tool's structured content, and its text). A MuseAroo job's
answer says its final state and message, its take ids and where each take landed (the take's
``live`` field); a refused value is refused before anything is sent, with the request parser's
own message, the one the OSC path answers.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bridge import protocol
from bridge.actions import CHECKS
from bridge.live.client import LiveClient
from bridge.mcp import live_errors, reads, takes
from bridge.mcp.aosc import AbletonOSC
from bridge.mcp.door import Door
from bridge.mcp.envelopes import EnvelopeTool
from bridge.mcp.live_tools import LiveTool
from bridge.mcp.roo_tools import RooTool, follow_args, jam_args
from engines.errors import LiveError, LiveUnreachable, RooError

TAKE_IDS = re.compile(r"\(take ([0-9a-f, ]+)\)")
Progress = Callable[[float, str], Awaitable[None]]


@dataclass
class Answer:
    data: dict[str, Any]
    error: bool = False


class Calls:
    """The ways out of the MCP server: the daemon's ``door``, Live's AbletonOSC mode, and the Remote
    Script's own requests (``script``: the clip envelopes ``/roo/automate`` writes through)."""

    def __init__(self, door: Door, live: AbletonOSC, script: LiveClient | None = None) -> None:
        self.door, self.live, self.script = door, live, script

    async def roo(self, tool: RooTool, values: Mapping[str, Any], progress: Progress | None) -> Answer:
        if tool.address == protocol.FOLLOW:
            return await self._follow(values)
        args = jam_args(tool, values) if tool.address.startswith("/roo/jam/") else tool.build(values)
        if not tool.job:
            return await self._asked(tool, args)
        check = CHECKS.get(tool.address)
        if check is not None:
            check(list(args))  # the request's own parser: a bad value is refused before any job
        end = await self.door.run_job(tool.address, args, progress)
        found = TAKE_IDS.search(end.message)
        take_ids = found.group(1).split(", ") if found else []
        data: dict[str, Any] = {"job_id": end.job_id, "state": end.state, "message": end.message}
        data["take_ids"] = take_ids
        data["made"] = await takes.landed(take_ids) if take_ids else []
        if end.results:
            data["results"] = end.results
        return Answer(data, error=end.state != "done")

    async def _asked(self, tool: RooTool, args: list[Any]) -> Answer:
        if tool.address == protocol.HISTORY_LIST:
            got = await self.door.ask(tool.address, args, [protocol.HISTORY_TAKE], protocol.HISTORY_END)
            rows = [dict(zip(protocol.HISTORY_TAKE_FIELDS, v, strict=False)) for a, v in got[:-1]]
            where = await takes.placed([str(r["take_id"]) for r in rows])
            empty = {"track": None, "slot": None, "start_beats": None, "kind": None}
            rows = [{**r, **where.get(str(r["take_id"]), empty)} for r in rows]
            return Answer({"takes": rows, "count": len(rows)})
        got = await self.door.ask(tool.address, args, [], protocol.JAM_STATE)
        event, state = got[-1][1][0], got[-1][1][1]
        said = _json(state)
        if event == "failed":  # the jam said why it did not start or change: the tool call failed
            why = said.get("message", state) if isinstance(said, dict) else state
            return Answer({"error": str(why), "event": event, "state": said}, error=True)
        return Answer({"event": event, "state": said})

    async def _follow(self, values: Mapping[str, Any]) -> Answer:
        got = await self.door.ask(protocol.FOLLOW, follow_args(values), [], protocol.FOLLOW_STATE)
        mode, track, slot, text = got[-1][1][:4]
        return Answer({"mode": mode, "track": track, "slot": slot, "text": text})

    async def live_tool(self, tool: LiveTool, values: Mapping[str, Any]) -> Answer:
        """Send the tool's requests; a tool that changes the Set checks its indices against the Set
        first, and Live's refusal comes back in the project's words (``live_errors``)."""
        requests = tool.requests(values)
        if tool.effect != "read":
            await live_errors.check_indices(self.live, tool, values)
        try:
            replies = [await self.live.call(address, *args) for address, args in requests]
        except LiveError as exc:
            raise await live_errors.translate(self.live, tool, values, exc) from exc
        data = tool.shape(requests, replies)
        try:
            made = await reads.made(self.live, tool.name, values)
        except RooError as exc:  # it was made: only reading it back failed, and the answer says so
            made = {"error": f"made, but not read back: {exc}"}
        return Answer({**data, "made": made} if made is not None else data)

    async def envelope(self, tool: EnvelopeTool, values: Mapping[str, Any]) -> Answer:
        if self.script is None:
            raise LiveUnreachable(f"{tool.name}: no connection to the Remote Script's own port")
        return Answer(await tool.run(self.script, tool.values(values)))

    async def song(self) -> dict[str, Any]:
        """The song as Live holds it now (the ``song`` tool and resource)."""
        return await reads.song(self.live)


def _json(text: Any) -> Any:
    import json

    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return text
