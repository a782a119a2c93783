"""What an audio file's container says about its own length, to tell a cut-short file from a short one.

libsndfile reads a WAV, RF64, W64 or AIFF file whose sound data stops before the length its header
declares (an interrupted copy, a half-synced cloud folder, a recording still being written) as a
shorter, valid file; likewise an Ogg stream without its last page and an MP3 shorter than the
stream size its Xing/Info header declares (LAME and FFmpeg write one; a plain CBR stream declares
nothing). FLAC and CAF cut short already fail to decode. Stdlib only: this reads a few header bytes.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

# A header whose length is off by less than this (a writer that counts the pad byte or its own
# header) describes the audio that is there; an interrupted copy loses far more.
CUT_TOLERANCE_S = 0.01
# RIFF writers that stream (recorders) put one of these in a length they cannot know yet.
_UNKNOWN_SIZES = (0, 0xFFFFFFFF)
# WAVE format tags whose block align is one sample frame: PCM, IEEE float, A-law, mu-law, extensible.
_FRAME_ALIGNED_TAGS = (0x0001, 0x0003, 0x0006, 0x0007, 0xFFFE)
# Sony Wave64 chunk ids are GUIDs: the chunk's four letters, then a fixed tail.
_W64_TAIL = bytes.fromhex("f3acd3118cd100c04f8edb8a")
_W64_RIFF = bytes.fromhex("726966662e91cf11a5d628db04c10000")
_W64_FMT, _W64_DATA = b"fmt " + _W64_TAIL, b"data" + _W64_TAIL
_OGG_MAX_PAGE_BYTES = 27 + 255 + 255 * 255  # header, segment table, largest payload
_OGG_END_OF_STREAM = 0x04
_XING_FRAMES, _XING_BYTES = 0x1, 0x2  # Xing/Info flags: a frame count follows, a stream size follows
_XING_SEARCH_BYTES = 64  # the tag sits after the first frame's header and side information (13..36)


def declared_frames(path: str | Path) -> int | None:
    """Sample frames that a WAV, RIFX, RF64, BW64, W64, AIFF or AIFC header says the file holds.

    None where the container does not say: other formats, a streaming writer's placeholder
    length, a compressed WAVE encoding, or a header too damaged to walk.
    """
    with open(path, "rb") as f:
        head = f.read(16)
        size = f.seek(0, 2)
        try:
            if head[:4] in (b"RIFF", b"RIFX", b"RF64", b"BW64") and head[8:12] == b"WAVE":
                return _riff_frames(f, size, "<" if head[:4] != b"RIFX" else ">")
            if head == _W64_RIFF:
                return _w64_frames(f, size)
            if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
                return _aiff_frames(f, size)
        except struct.error:  # a chunk header cut in two: the decoder's own checks speak for it
            return None
    return None


def ogg_unfinished(path: str | Path) -> bool:
    """True when an Ogg file does not end with a page marked end-of-stream (cut short or still being written)."""
    with open(path, "rb") as f:
        if f.read(4) != b"OggS":
            return False
        size = f.seek(0, 2)
        f.seek(max(0, size - _OGG_MAX_PAGE_BYTES))
        tail = f.read()
    last = tail.rfind(b"OggS")
    while last >= 0 and (last + 6 > len(tail) or tail[last + 4] != 0):  # version 0 only
        last = tail.rfind(b"OggS", 0, last)
    return last < 0 or not tail[last + 5] & _OGG_END_OF_STREAM


def mp3_stream_bytes(path: str | Path) -> tuple[int, int] | None:
    """(bytes its Xing/Info header declares for the MPEG stream, bytes present from the first frame on).

    None for a file that is no MP3 or whose first frame carries no stream size.
    """
    with open(path, "rb") as f:
        head = f.read(10)
        start = 0
        if head[:3] == b"ID3" and len(head) == 10:  # ID3v2 tag: its size is four 7-bit bytes
            tag_bytes = (
                (head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | head[9] & 0x7F
            )
            start = 10 + tag_bytes + (10 if head[5] & 0x10 else 0)  # flag 0x10: a footer follows
        f.seek(start)
        frame = f.read(4 + _XING_SEARCH_BYTES + 16)
        size = f.seek(0, 2)
    if len(frame) < 4 or frame[0] != 0xFF or frame[1] & 0xE0 != 0xE0:  # no MPEG frame sync
        return None
    found = [
        at for at in (frame.find(b"Xing", 4), frame.find(b"Info", 4)) if 0 <= at <= 4 + _XING_SEARCH_BYTES
    ]
    if not found:
        return None
    at = found[0] + 4
    flags = int.from_bytes(frame[at : at + 4], "big")
    at += 4 + (4 if flags & _XING_FRAMES else 0)
    if not flags & _XING_BYTES or at + 4 > len(frame):
        return None
    declared = int.from_bytes(frame[at : at + 4], "big")
    return (declared, size - start) if declared else None


def cut_short(path: str | Path, *, container: str, frames_reported: int, sample_rate_hz: int) -> str | None:
    """What is missing from a file cut short, or None when its container declares no more than it holds.

    ``container``, ``frames_reported`` and ``sample_rate_hz`` are the decoder's (soundfile's
    ``format``, ``frames`` and ``samplerate``): ``frames`` counts the frames present for the chunked
    containers and the declared length for an MP3 with a Xing/Info header.
    """
    if container == "OGG":
        return (
            "cut short: its Ogg stream stops without its end-of-stream page" if ogg_unfinished(path) else None
        )
    if container == "MP3":
        mp3 = mp3_stream_bytes(path)
        if mp3 is None or mp3[1] >= mp3[0]:
            return None
        declared_s = frames_reported / sample_rate_hz
        held_s = declared_s * mp3[1] / mp3[0]
        return _declared_and_held(declared_s, held_s) if declared_s - held_s >= CUT_TOLERANCE_S else None
    declared = declared_frames(path)
    if declared is not None and (declared - frames_reported) / sample_rate_hz >= CUT_TOLERANCE_S:
        return _declared_and_held(declared / sample_rate_hz, frames_reported / sample_rate_hz)
    return None


def _declared_and_held(declared_s: float, held_s: float) -> str:
    return f"cut short: its header declares {declared_s:.3f} s of audio and the file holds {held_s:.3f} s"


def _riff_frames(f: BinaryIO, size: int, endian: str) -> int | None:
    block_align, ds64_data_bytes, pos = 0, None, 12
    while pos + 8 <= size:
        f.seek(pos)
        chunk_id, chunk_bytes = struct.unpack(endian + "4sI", f.read(8))
        if chunk_id == b"ds64":  # RF64/BW64: 64-bit RIFF size, then data size
            ds64_data_bytes = struct.unpack("<Q", f.read(16)[8:16])[0]
        elif chunk_id == b"fmt ":
            block_align = _fmt_block_align(f.read(16), endian)
        elif chunk_id == b"data":
            if chunk_bytes == 0xFFFFFFFF and ds64_data_bytes is not None:
                chunk_bytes = ds64_data_bytes
            if chunk_bytes in _UNKNOWN_SIZES or not block_align:
                return None
            return int(chunk_bytes) // block_align
        pos += 8 + chunk_bytes + (chunk_bytes & 1)  # chunks are padded to an even length
    return None


def _w64_frames(f: BinaryIO, size: int) -> int | None:
    block_align, pos = 0, 40  # riff GUID, its u64 size, the wave GUID
    while pos + 24 <= size:
        f.seek(pos)
        header = f.read(24)
        chunk_id, chunk_bytes = header[:16], struct.unpack("<Q", header[16:24])[0]  # size counts the header
        if chunk_id == _W64_FMT:
            block_align = _fmt_block_align(f.read(16), "<")
        elif chunk_id == _W64_DATA:
            return (chunk_bytes - 24) // block_align if block_align and chunk_bytes > 24 else None
        if chunk_bytes < 24:
            return None
        pos += chunk_bytes + (-chunk_bytes % 8)  # chunks are aligned to 8 bytes
    return None


def _aiff_frames(f: BinaryIO, size: int) -> int | None:
    pos = 12
    while pos + 8 <= size:
        f.seek(pos)
        chunk_id, chunk_bytes = struct.unpack(">4sI", f.read(8))
        if chunk_id == b"COMM":  # channels (u16), then the number of sample frames (u32)
            frames = int(struct.unpack(">HI", f.read(6))[1])
            return frames or None
        pos += 8 + chunk_bytes + (chunk_bytes & 1)
    return None


def _fmt_block_align(fmt: bytes, endian: str) -> int:
    """Bytes per sample frame from a WAVE fmt chunk, 0 where a block holds more than one frame."""
    if len(fmt) < 14:
        return 0
    tag, _channels, _rate, _bytes_per_s, block_align = struct.unpack(endian + "HHIIH", fmt[:14])
    return int(block_align) if tag in _FRAME_ALIGNED_TAGS else 0
