"""Files cut short: what each container declares, and the reader refusing a file that holds less."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from engines.audio_header import declared_frames, mp3_stream_bytes, ogg_unfinished
from engines.audio_io import read_frames
from engines.errors import AudioFileError

SR = 22050
FRAMES = 2 * SR  # 2 s

# (file name, soundfile format, subtype, endian, channels): every container that declares its length
DECLARING = [
    ("pcm16.wav", "WAV", "PCM_16", "FILE", 1),
    ("rifx.wav", "WAV", "PCM_16", "BIG", 1),
    ("pcm24.wav", "WAVEX", "PCM_24", "FILE", 2),
    ("float.wav", "WAV", "FLOAT", "FILE", 2),
    ("big.rf64", "RF64", "PCM_16", "FILE", 2),
    ("sony.w64", "W64", "PCM_24", "FILE", 1),
    ("pcm16.aiff", "AIFF", "PCM_16", "FILE", 2),
    ("float.aifc", "AIFF", "FLOAT", "FILE", 1),
]


def tone(channels: int) -> np.ndarray:
    t = np.arange(FRAMES) / SR
    return np.stack([0.5 * np.sin(2 * np.pi * 220 * (c + 1) * t) for c in range(channels)], axis=1)


def write(tmp_path: Path, name: str, fmt: str, subtype: str, endian: str, channels: int) -> Path:
    path = tmp_path / name
    sf.write(path, tone(channels), SR, format=fmt, subtype=subtype, endian=endian)
    return path


def cut(path: Path, keep: float) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


@pytest.mark.parametrize(("name", "fmt", "subtype", "endian", "channels"), DECLARING)
def test_a_whole_file_declares_what_it_holds_and_reads(
    tmp_path: Path, name: str, fmt: str, subtype: str, endian: str, channels: int
) -> None:
    path = write(tmp_path, name, fmt, subtype, endian, channels)
    assert declared_frames(path) == FRAMES
    frames, rate = read_frames(path)
    assert frames.shape == (FRAMES, channels) and rate == SR


@pytest.mark.parametrize(("name", "fmt", "subtype", "endian", "channels"), DECLARING)
def test_a_file_cut_short_is_refused_with_both_lengths(
    tmp_path: Path, name: str, fmt: str, subtype: str, endian: str, channels: int
) -> None:
    path = cut(write(tmp_path, name, fmt, subtype, endian, channels), 0.4)
    held_s = sf.info(str(path)).frames / SR
    assert 0.75 < held_s < 0.81  # libsndfile alone reads it as a 0.8 s file
    with pytest.raises(AudioFileError) as info:
        read_frames(path)
    message = str(info.value)
    assert repr(str(path)) in message
    assert f"cut short: its header declares 2.000 s of audio and the file holds {held_s:.3f} s" in message


def test_a_header_cut_off_before_its_data_is_cut_short_not_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "rec.wav", "WAV", "PCM_16", "FILE", 1)
    path.write_bytes(path.read_bytes()[:60])  # fmt and data headers, then 16 bytes of sound
    with pytest.raises(AudioFileError, match=r"declares 2\.000 s of audio and the file holds 0\.000 s"):
        read_frames(path)


def set_data_size(path: Path, size: int) -> None:
    data = bytearray(path.read_bytes())
    at = data.index(b"data")
    data[at + 4 : at + 8] = struct.pack("<I", size)
    path.write_bytes(bytes(data))


def test_streaming_placeholder_lengths_declare_nothing(tmp_path: Path) -> None:
    """A recorder that cannot know the length yet writes 0xFFFFFFFF; libsndfile reads what is there."""
    path = write(tmp_path, "stream.wav", "WAV", "PCM_16", "FILE", 1)
    set_data_size(path, 0xFFFFFFFF)
    assert declared_frames(path) is None
    assert len(read_frames(path)[0]) == FRAMES
    set_data_size(path, 0)  # libsndfile takes a zero length at its word: no frames, said so
    assert declared_frames(path) is None
    with pytest.raises(AudioFileError, match="holds no audio frames"):
        read_frames(path)


def test_a_length_a_few_bytes_off_is_not_cut_short(tmp_path: Path) -> None:
    """Some writers count the pad byte or a header in the data length: 4 frames are under 10 ms."""
    path = write(tmp_path, "sloppy.wav", "WAV", "PCM_16", "FILE", 1)
    set_data_size(path, 2 * FRAMES + 8)
    assert declared_frames(path) == FRAMES + 4
    assert len(read_frames(path)[0]) == FRAMES
    set_data_size(path, 2 * (FRAMES + SR // 50))  # 20 ms more than is there
    with pytest.raises(AudioFileError, match="cut short"):
        read_frames(path)


def test_chunks_after_the_data_are_walked_past(tmp_path: Path) -> None:
    path = write(tmp_path, "tagged.wav", "WAV", "PCM_16", "FILE", 1)
    data = bytearray(path.read_bytes())
    data += b"LIST" + struct.pack("<I", 5) + b"INFOx\x00"  # an odd-sized chunk, padded
    data[4:8] = struct.pack("<I", len(data) - 8)
    path.write_bytes(bytes(data))
    assert declared_frames(path) == FRAMES
    assert len(read_frames(path)[0]) == FRAMES


def test_compressed_and_lengthless_formats_declare_nothing(tmp_path: Path) -> None:
    adpcm = write(tmp_path, "adpcm.wav", "WAV", "IMA_ADPCM", "FILE", 1)  # a block holds many frames
    assert declared_frames(adpcm) is None
    mp3 = write(tmp_path, "loop.mp3", "MP3", "MPEG_LAYER_III", "FILE", 1)
    assert declared_frames(mp3) is None and not ogg_unfinished(mp3)
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF\x10\x00\x00\x00WAVEfmt \x10\x00")  # a chunk header cut in two
    assert declared_frames(junk) is None


def test_an_ogg_stream_without_its_last_page_is_cut_short(tmp_path: Path) -> None:
    path = write(tmp_path, "loop.ogg", "OGG", "VORBIS", "FILE", 2)
    assert not ogg_unfinished(path)
    assert len(read_frames(path)[0]) == FRAMES
    cut(path, 0.5)
    assert ogg_unfinished(path)
    with pytest.raises(AudioFileError, match="its Ogg stream stops without its end-of-stream page"):
        read_frames(path)


def test_an_mp3_shorter_than_its_xing_stream_size_is_cut_short(tmp_path: Path) -> None:
    path = write(tmp_path, "ref.mp3", "MP3", "MPEG_LAYER_III", "FILE", 2)  # libsndfile's LAME writes Xing
    whole = path.read_bytes()
    assert mp3_stream_bytes(path) == (len(whole), len(whole))
    assert len(read_frames(path)[0]) == FRAMES
    tagged = tmp_path / "tagged.mp3"  # an ID3v2 tag in front, an ID3v1 tag behind: still whole
    tagged.write_bytes(b"ID3\x04\x00\x00\x00\x00\x01\x00" + bytes(128) + whole + b"TAG" + bytes(125))
    assert mp3_stream_bytes(tagged) == (len(whole), len(whole) + 128)
    assert len(read_frames(tagged)[0]) == FRAMES
    cut(path, 0.5)
    with pytest.raises(AudioFileError, match=r"declares 2\.000 s of audio and the file holds 1\.0\d\d s"):
        read_frames(path)
    plain = tmp_path / "plain.mp3"  # no Xing/Info tag (a plain CBR stream): nothing declared
    plain.write_bytes(whole.replace(b"Xing", b"Xxxx", 1)[: len(whole) // 2])
    assert mp3_stream_bytes(plain) is None
