"""The context version a write is made for (bridge/live/versions.py): Live answers a listen at once
and pushes its snapshot, with the version, at the end of that tick; a request taken in between waits
for it, since without a version its write would go unchecked. A Live that pushes none costs one wait.

The whole path (an infill asked before the first push still refuses to write over an edit) is in
tests/bridge/actions/infill/test_infill_action.py."""

from __future__ import annotations

import asyncio
from typing import Any

from bridge import osc, protocol
from bridge.live.client import LiveClient
from bridge.live.replies import LiveContext

NOW = LiveContext(120.0, 4, 4, 9, "Minor", 1, 2, 0.0, 0, 4, 8, "12.3.6")
FIELDS = [getattr(NOW, name) for name in NOW.__slots__]


class Answering(LiveClient):
    """A LiveClient whose datagrams are kept; Live's side is played by the test through ``_received``."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, list[Any]]] = []

    def send(self, address: str, *args: Any) -> None:
        self.sent.append((address, list(args)))

    def answer(self, address: str, *values: Any) -> None:
        """Answer the last request sent on ``address`` as Live would."""
        req = next(args[0] for sent, args in reversed(self.sent) if sent == address)
        self._received(osc.encode(address, [req, *values]))


def test_a_request_taken_between_the_listen_and_its_snapshot_gets_the_version() -> None:
    async def scenario() -> tuple[LiveContext, int, list[str]]:
        client = Answering()
        listening = asyncio.create_task(client.listen_context())
        await asyncio.sleep(0)
        client.answer(protocol.RS_CONTEXT_LISTEN)
        await listening
        asked = asyncio.create_task(client.current_context())
        await asyncio.sleep(0.05)  # the snapshot is still on its way
        client._received(osc.encode(protocol.RS_CONTEXT_PUSH, [41, *FIELDS]))
        ctx, seq = await asked
        return ctx, seq, [address for address, _ in client.sent]

    ctx, seq, sent = asyncio.run(scenario())
    assert (ctx, seq) == (NOW, 41)
    assert sent == [protocol.RS_CONTEXT_LISTEN]  # no round trip for a context without a version


def test_a_live_that_pushes_no_snapshot_is_asked_and_waited_for_only_once() -> None:
    async def scenario() -> list[int]:
        client = Answering()
        listening = asyncio.create_task(client.listen_context())
        await asyncio.sleep(0)
        client.answer(protocol.RS_CONTEXT_LISTEN)
        await listening
        seqs = []
        for _ in range(2):
            asked = asyncio.create_task(client.current_context())
            while not client.sent or client.sent[-1][0] != protocol.RS_CONTEXT_GET:
                await asyncio.sleep(0.01)
            client.answer(protocol.RS_CONTEXT_GET, *FIELDS)
            client.sent.clear()
            ctx, seq = await asked
            assert ctx == NOW
            seqs.append(seq)
        assert not client.listened  # the second call asked at once
        return seqs

    assert asyncio.run(scenario()) == [-1, -1]
