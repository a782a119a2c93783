"""`roo doctor`'s checks of what answers on Live's port and of what is installed in the User Library.

Live is told from the in-memory Live by the build id its Remote Script reports
(``musearoo-livesim`` in ``roo sim``); a Remote Script that does not know the identity request,
or reports another protocol version, is older than this MuseAroo. The installed files are
compared byte for byte with what ``roo install`` would copy now.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from bridge import osc, protocol
from bridge.setup.doctor import Check
from bridge.setup.install import (
    DEVICE_DIR,
    DEVICE_FILES,
    DEVICE_FOLDER,
    PROTOCOL_SOURCE,
    SCRIPT_SOURCE,
    script_files,
)
from engines.errors import InvalidValue

SIM_BUILD_ID = "musearoo-livesim"
INSTALL_FIX = (
    "run `roo install` (add --user-library PATH if Live's User Library is elsewhere), then restart Live"
)


def ask(port: int, address: str, timeout: float = 0.5) -> tuple[str, list[Any]] | None:
    """Send one message to ``port`` and return the first reply (address, args), or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((protocol.HOST, 0))
        sock.settimeout(timeout)
        sock.sendto(osc.encode(address, []), (protocol.HOST, port))
        try:
            data, _ = sock.recvfrom(65536)
        except OSError:
            return None
    return next(osc.decode(data), None)


def live_identity(live_port: int) -> Check | None:
    """Which Live answers on ``live_port`` (None when nothing answers: the reachability check says so)."""
    reply = ask(live_port, protocol.APPLICATION_GET_VERSION)
    if reply is None:
        return None
    address, args = reply
    if address != protocol.APPLICATION_GET_VERSION or len(args) < 4:
        return Check(
            "Live identity",
            False,
            f"the Remote Script on udp {live_port} does not know {protocol.APPLICATION_GET_VERSION}: "
            "it is older than this MuseAroo",
            INSTALL_FIX,
        )
    version, build, variant, script_protocol = args[:4]
    if build == SIM_BUILD_ID:
        who = f"in-memory Live (roo sim), pretending to be Live {version}"
    else:
        who = f"Ableton Live {version} {variant}".rstrip() + (f" (build {build})" if build else "")
    if script_protocol != protocol.PROTOCOL_VERSION:
        return Check(
            "Live identity",
            False,
            f"{who}; its Remote Script speaks protocol {script_protocol}, this MuseAroo {protocol.PROTOCOL_VERSION}",
            INSTALL_FIX,
        )
    return Check("Live identity", True, who)


def expected_install(user_library: Path) -> dict[Path, bytes]:
    """Each file ``roo install`` writes (outside the vendored python-osc) with its content."""
    script = user_library / "Remote Scripts" / "MuseAroo"
    files = {script / path: (SCRIPT_SOURCE / path).read_bytes() for path in script_files()}
    files[script / "roo_protocol.py"] = PROTOCOL_SOURCE.read_bytes()
    device = user_library.joinpath(*DEVICE_FOLDER)
    files.update({device / name: (DEVICE_DIR / name).read_bytes() for name in DEVICE_FILES})
    return files


def install_check(user_library: Path | None) -> Check:
    """Whether the Remote Script and device in the User Library are this version's."""
    name = "installed in Live"
    if user_library is None:
        from bridge.setup.install import default_user_library

        try:
            user_library = default_user_library()
        except InvalidValue:
            return Check(name, True, "not checked: no default User Library here (pass --user-library PATH)")
    if not (user_library / "Remote Scripts" / "MuseAroo").is_dir():
        return Check(name, False, f"no MuseAroo Remote Script in {user_library}", INSTALL_FIX)
    stale = [
        str(path.relative_to(user_library))
        for path, content in expected_install(user_library).items()
        if not path.is_file() or path.read_bytes() != content
    ]
    if stale:
        more = f" and {len(stale) - 3} more" if len(stale) > 3 else ""
        detail = (
            f"{len(stale)} file(s) differ from this version in {user_library}: {', '.join(stale[:3])}{more}"
        )
        return Check(name, False, detail, INSTALL_FIX)
    return Check(name, True, f"this version's Remote Script and device in {user_library}")


def install_checks(live_port: int, user_library: Path | None) -> list[Check]:
    """Which Live answers (when one does), and whether the User Library holds this version."""
    identity = live_identity(live_port)
    return [*([identity] if identity is not None else []), install_check(user_library)]
