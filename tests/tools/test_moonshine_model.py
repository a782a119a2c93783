"""The Moonshine benchmark's own pieces (tools/bench/moonshine_model.py, voice_moonshine.py): the
tokenizer file read, ids written back as words, a transcript read as a command. The model itself is
not loaded here (the wheel moonshine-cpp is a benchmark's, not a project dependency)."""

from __future__ import annotations

from typing import Any

from tools.bench.moonshine_model import BYTES, END, START, Moonshine, pieces
from tools.bench.voice_moonshine import reads_as


def _blob(*words: bytes) -> bytes:
    out = b""
    for w in words:
        n = len(w)
        out += bytes([n]) if n < 128 else bytes([128 | (n & 127), n >> 7])
        out += w
    return out


def test_pieces_read_one_and_two_byte_lengths() -> None:
    long = b"x" * 300  # a length over 127 takes two bytes: 300 = 44 + 2 * 128
    blob = _blob(b"<unk>", b"<s>", b"</s>", b"", "\u2581stop".encode(), long, b"er")
    assert pieces(blob) == [b"<unk>", b"<s>", b"</s>", b"", "\u2581stop".encode(), long, b"er"]


def test_ids_are_written_back_as_words_with_raw_bytes_and_specials_left_out() -> None:
    model: Any = Moonshine.__new__(Moonshine)  # the tokenizer alone, no weights
    model._pieces = [b"<unk>", b"<s>", b"</s>", *(bytes([b]) for b in range(256)),
                     "\u2581make".encode(), "\u2581the".encode(), "\u2581drum".encode(), b"s"]  # fmt: skip
    make, the, drum, s = range(BYTES + 256, BYTES + 260)
    assert model.text([START, make, the, drum, s, END]) == "make the drums"
    assert model.text([make, BYTES + ord(" "), BYTES + 0xC3, BYTES + 0xA9]) == "make \u00e9"


def test_a_transcript_reads_as_the_command_only_when_the_parser_reads_it_so() -> None:
    assert reads_as("Make the drums calmer.", "make the drums calmer")
    assert not reads_as("Make the drums collar.", "make the drums calmer")
    assert not reads_as("Make the drums busier.", "make the drums calmer")
    assert reads_as("Stop.", "stop") and not reads_as("Stole.", "stop")
