"""MuseAroo's addition to AbletonOSC's grammar (issue 53): a sender that sends
/live/api/reply_to_sender is answered on its own port, its errors and its listeners too, while a
client that never sends it is answered on the reply port as AbletonOSC answers; the senders
remembered so are bounded."""

from __future__ import annotations

from bridge import protocol
from livesim import LiveHost
from tests.remote_scripts.osc_client import OscClient, error_of

HERE = "/live/api/reply_to_sender"  # the address, as docs/protocol.md gives it


def quiet(client: OscClient) -> bool:
    """Nothing more arrives for ``client`` within a short wait."""
    client.sock.settimeout(0.3)
    try:
        client.receive()
    except TimeoutError:
        return True
    finally:
        client.sock.settimeout(3.0)
    return False


def test_a_sender_that_asks_is_answered_on_its_own_port(aosc: tuple[LiveHost, OscClient]) -> None:
    _, classic = aosc  # answered on the reply port (its own port is the mode's reply port here)
    own = OscClient(classic.target[1])
    try:
        assert own.ask(HERE) == [own.port]
        assert own.ask("/live/song/get/tempo") == [120.0]
        assert "Index out of range" in error_of(own, "/live/track/get/name", 99)
        own.send("/live/song/start_listen/tempo")
        assert own.receive() == ("/live/song/get/tempo", [120.0])
        classic.send("/live/song/set/tempo", 100.0)
        assert own.receive() == ("/live/song/get/tempo", [100.0])  # the listener answers its own port
        assert classic.ask("/live/song/get/tempo") == [100.0]  # the classic client, as before
        own.send("/live/song/stop_listen/tempo")
        assert quiet(classic)  # none of the other client's replies came here
    finally:
        own.close()


def test_the_senders_remembered_are_bounded(aosc: tuple[LiveHost, OscClient]) -> None:
    host, classic = aosc
    clients = [OscClient(classic.target[1]) for _ in range(65)]
    try:
        for client in clients:
            assert client.ask(HERE) == [client.port]
        remembered = host.call(lambda: dict(host.script.abletonosc.own_port))
        assert len(remembered) == 64 and (protocol.HOST, clients[0].port) not in remembered
        assert clients[-1].ask("/live/test") == ["ok"]
    finally:
        for client in clients:
            client.close()


def test_a_client_that_never_asks_hears_nothing_on_its_own_port(aosc: tuple[LiveHost, OscClient]) -> None:
    _, classic = aosc
    other = OscClient(classic.target[1])
    try:
        other.send("/live/test")
        assert classic.receive() == ("/live/test", ["ok"])  # to the reply port, as AbletonOSC answers
        assert quiet(other)
    finally:
        other.close()
