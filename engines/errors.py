"""The one exception tree of MuseAroo: engines, daemon and CLI all raise from here.

Every message names the offending value and what was expected. Boundaries wrap lower errors
with ``raise ... from exc`` so the cause is kept.
"""

from __future__ import annotations


class RooError(Exception):
    """Base of every error MuseAroo raises on purpose."""


class InvalidValue(RooError, ValueError):
    """A parameter is out of range or of the wrong kind (names the value and what is valid)."""


class AudioFileError(RooError):
    """An audio file is missing, empty, corrupt or of an unsupported format."""


class FileCutShort(AudioFileError):
    """An audio file holds less audio than its header declares (an interrupted copy)."""


class ModelUnavailable(RooError):
    """Model weights cannot be found or loaded; the message says how to get them."""


class JobCancelled(RooError):
    """A job was cancelled by the user; raised inside engines through the progress callback."""


class ProtocolError(RooError):
    """An OSC packet is malformed, or its address or arguments do not match the protocol."""


class LiveError(RooError):
    """Live (or the Remote Script) answered a request with an error."""


class LiveUnreachable(LiveError):
    """No answer from the Remote Script within the timeout."""


class StoreError(RooError):
    """The take history cannot be read or written (database unreachable, disk full, read-only)."""


class TakeNotFound(StoreError, InvalidValue):
    """A take id (or prefix) names no take, or more than one."""


def expect(condition: bool, message: str) -> None:
    """Raise InvalidValue(message) unless condition holds."""
    if not condition:
        raise InvalidValue(message)


class QueueUnreachable(RooError):
    """The worker queue (the Redis broker) does not answer; the message names the broker."""


class WorkerMismatch(RooError):
    """A queue worker runs another MuseAroo or model version than the daemon that sent the job."""


class WorkerLost(RooError):
    """A queue worker stopped (killed, crashed, lost its network) while it ran a job."""


class UnsuitableAudio(InvalidValue):
    """The audio holds nothing the asked transcription can read (silence, noise, too short, drums
    asked as a melody); the message names what was found and what would read it."""
