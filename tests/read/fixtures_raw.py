"""Small raw files for the safety tests: zips (bombs, DOCTYPE parts) and OLE containers."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path


def build_zip(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip with the given parts (for bombs, truncation and DOCTYPE tests)."""
    with zipfile.ZipFile(path, "w", compression) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def build_ole(path: Path, streams: dict[str, bytes]) -> Path:
    """A minimal valid OLE compound file (v3, 512-byte sectors) holding the given root streams.

    Streams are padded to 4,096 bytes so they live in regular sectors (no mini stream).
    """
    data = {name: body.ljust(4096, b"\0") for name, body in streams.items()}
    n_data = sum(len(b) // 512 + (len(b) % 512 > 0) for b in data.values())
    n_dir = (len(data) + 1 + 3) // 4
    n_fat = 1
    while n_fat * 128 < n_fat + n_dir + n_data:
        n_fat += 1
    fat = [0xFFFFFFFD] * n_fat
    dir_start = len(fat)
    fat += [dir_start + i + 1 for i in range(n_dir - 1)] + [0xFFFFFFFE]
    entries = [_dir_entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1 if data else 0xFFFFFFFF)]
    body = b""
    for i, (name, blob) in enumerate(data.items()):
        start, count = len(fat), len(blob) // 512 + (len(blob) % 512 > 0)
        fat += [start + k + 1 for k in range(count - 1)] + [0xFFFFFFFE]
        right = i + 2 if i + 1 < len(data) else 0xFFFFFFFF
        entries.append(_dir_entry(name, 2, start, len(blob), right=right))
        body += blob.ljust(count * 512, b"\0")
    fat += [0xFFFFFFFF] * (n_fat * 128 - len(fat))
    directory = b"".join(entries).ljust(n_dir * 512, b"\0")
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHHI", header, 24, 0x3E, 3, 0xFFFE, 9, 6, 0)
    struct.pack_into("<IIIIIIIII", header, 40, 0, n_fat, dir_start, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = list(range(n_fat)) + [0xFFFFFFFF] * (109 - n_fat)
    struct.pack_into("<109I", header, 76, *difat)
    path.write_bytes(bytes(header) + struct.pack(f"<{len(fat)}I", *fat) + directory + body)
    return path


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    entry = bytearray(128)
    entry[0 : len(raw)] = raw
    struct.pack_into("<HBB", entry, 64, len(raw), kind, 1)
    struct.pack_into("<III", entry, 68, 0xFFFFFFFF, right, child)
    struct.pack_into("<III", entry, 116, start, size, 0)
    return bytes(entry)
