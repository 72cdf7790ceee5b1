"""Just enough of the OLE compound file format to tell .doc from .xls and spot encryption.

Old Office files (.doc, .xls, .wps) and *encrypted* new ones (.docx/.xlsx
saved with a password) are OLE containers: a small FAT file system whose
directory names the streams. Reading that directory costs a few sectors, so we
can say "encrypted" or "a Word file" without a dependency (olefile) and
before any converter runs. Every loop is bounded: the bytes may be hostile.
"""

from __future__ import annotations

import struct
from pathlib import Path

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_DIR_SECTORS = 4096  # 16,384 directory entries: far more than any document has
_END, _FREE = 0xFFFFFFFE, 0xFFFFFFFF


class _Ole:
    """Reads sectors and follows FAT chains of one compound file."""

    def __init__(self, f) -> None:
        self.f = f
        header = f.read(512)
        if len(header) < 512 or not header.startswith(MAGIC):
            raise ValueError("not an OLE compound file")
        shift = struct.unpack_from("<H", header, 30)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        self.size = 1 << shift
        self.first_dir = struct.unpack_from("<I", header, 48)[0]
        n_difat, first_difat = struct.unpack_from("<I", header, 72)[0], struct.unpack_from("<I", header, 68)[0]
        self.fat_sectors = [s for s in struct.unpack_from("<109I", header, 76) if s < _END]
        self._extend_difat(first_difat, n_difat)
        self._fat_cache: dict[int, tuple[int, ...]] = {}

    def _extend_difat(self, sector: int, count: int) -> None:
        per = self.size // 4 - 1
        for _ in range(min(count, 10_000)):
            if sector >= _END:
                break
            data = self.sector(sector)
            entries = struct.unpack_from(f"<{per + 1}I", data)
            self.fat_sectors.extend(s for s in entries[:per] if s < _END)
            sector = entries[per]

    def sector(self, n: int) -> bytes:
        self.f.seek((n + 1) * self.size)
        data = self.f.read(self.size)
        if len(data) < self.size:
            raise ValueError("truncated")
        return data

    def next(self, n: int) -> int:
        per = self.size // 4
        index = n // per
        if index >= len(self.fat_sectors):
            return _END
        if index not in self._fat_cache:
            self._fat_cache[index] = struct.unpack(f"<{per}I", self.sector(self.fat_sectors[index]))
        return self._fat_cache[index][n % per]

    def entries(self) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of every used directory entry."""
        out, sector, seen = [], self.first_dir, set()
        while sector < _END and sector not in seen and len(seen) < MAX_DIR_SECTORS:
            seen.add(sector)
            data = self.sector(sector)
            for off in range(0, self.size, 128):
                name_len, kind = struct.unpack_from("<HB", data, off + 64)
                if kind in (1, 2, 5) and 2 <= name_len <= 64:
                    name = data[off : off + name_len - 2].decode("utf-16-le", errors="replace")
                    start, size = struct.unpack_from("<II", data, off + 116)
                    out.append((name, kind, start, size))
            sector = self.next(sector)
        return out


def stream_names(path: Path) -> set[str]:
    """Names of the storages and streams in an OLE file; empty when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return {name for name, _, _, _ in _Ole(f).entries()}
    except (OSError, ValueError, struct.error):
        return set()


def ole_kind(path: Path) -> str:
    """'encrypted' (a password-protected .docx/.xlsx), 'doc', 'xls' or 'unknown'."""
    names = stream_names(path)
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        return "encrypted"
    if "WordDocument" in names:
        return "doc"
    if "Workbook" in names or "Book" in names:
        return "xls"
    return "unknown"


def word_binary_encrypted(path: Path) -> bool:
    """True when a .doc/.wps says in its FIB that it is encrypted or obfuscated (fEncrypted, fObfuscated)."""
    try:
        with open(path, "rb") as f:
            ole = _Ole(f)
            for name, kind, start, size in ole.entries():
                if name == "WordDocument" and kind == 2 and size >= 4096 and start < _END:
                    flags = struct.unpack_from("<H", ole.sector(start), 10)[0]
                    return bool(flags & 0x0100 or flags & 0x8000)
    except (OSError, ValueError, struct.error):
        return False
    return False
