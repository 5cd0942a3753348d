"""Reading a register extract file: its encoding (UTF-8 with or without BOM, or GB18030/GBK as
government exports often are), its SHA-256, and its rows checked one by one (desk/domain/register_rows.py).

The file is read twice, streaming: a first pass over its bytes hashes it, counts its lines (for the
progress shown) and finds the encoding — a file that is not wholly text in it is refused before any row
is loaded, naming the first line that is not; the second pass parses the CSV. A newline byte is never
part of a multi-byte character in UTF-8 or GB18030, so decoding line by line finds the exact line.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desk.domain.register_rows import ExtractError, ExtractFormat, Header, RegisterRow, RowProblem, check_row
from desk.paths import resources_dir

# Tried in this order when no encoding is given: UTF-8 first (a GBK file of Chinese text is almost
# never valid UTF-8), then GB18030 — the superset of GBK and GB2312 that also holds rare characters.
AUTO_ENCODINGS = ("utf-8", "gb18030")
_BOM = codecs.BOM_UTF8


def extract_format() -> ExtractFormat:
    """The shipped format (resources/register/extract.toml), checked."""
    return ExtractFormat.load(resources_dir() / "register" / "extract.toml")


@dataclass(frozen=True)
class ExtractFile:
    """A file found readable: how to decode it, its fingerprint and size in lines."""

    path: Path
    encoding: str  # the Python codec the rows are read with ("utf-8-sig" for a file with a BOM)
    sha256: str
    lines: int

    @classmethod
    def inspect(cls, path: Path, encoding: str | None = None) -> ExtractFile:
        """One pass over the bytes: hash, line count, and the encoding (given, or the first that fits)."""
        if encoding is not None:
            try:
                encoding = codecs.lookup(encoding).name
            except LookupError as exc:
                raise ExtractError.say("register.unknown_encoding", encoding=encoding[:40]) from exc
        digest = hashlib.sha256()
        candidates = [encoding] if encoding else list(AUTO_ENCODINGS)
        failed_at: dict[str, int] = {}
        lines = 0
        bom = False
        try:
            with path.open("rb") as stream:
                for raw in stream:
                    digest.update(raw)
                    lines += 1
                    if lines == 1 and raw.startswith(_BOM):
                        bom, raw = True, raw[len(_BOM):]
                    for name in candidates:
                        if name in failed_at:
                            continue
                        try:
                            raw.decode(name)
                        except UnicodeDecodeError:
                            failed_at[name] = lines
        except OSError as exc:
            raise ExtractError.say("register.file_unreadable", file=str(path), reason=exc.strerror or str(exc)) \
                from exc
        if lines == 0:
            raise ExtractError.say("register.no_header", file=str(path))
        usable = [name for name in candidates if name not in failed_at]
        if bom and "utf-8" in usable:
            usable = ["utf-8-sig"]
        if not usable:
            name = candidates[-1]
            raise ExtractError.say("register.undecodable", file=str(path), line=failed_at[name], encoding=name)
        return cls(path, usable[0], digest.hexdigest(), lines)

    def header(self, fmt: ExtractFormat) -> Header:
        """The header row's columns (a missing one refuses the file)."""
        with self.path.open(encoding=self.encoding, newline="") as stream:
            return self._header(csv.reader(stream), fmt)

    def _header(self, reader: Any, fmt: ExtractFormat) -> Header:
        cells = next(reader, None)
        if cells is None:
            raise ExtractError.say("register.no_header", file=str(self.path))
        return Header.of(cells, fmt)

    def rows(self, fmt: ExtractFormat, today: date) -> Iterator[RegisterRow | list[RowProblem]]:
        """Every data row, checked: its facts, or its problems (a number already seen is a problem)."""
        seen: dict[str, int] = {}
        with self.path.open(encoding=self.encoding, newline="") as stream:
            reader = csv.reader(stream)
            header = self._header(reader, fmt)
            line = reader.line_num
            for cells in reader:
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in cells):
                    continue  # a blank line
                checked = check_row(start, cells, header, fmt, today)
                if isinstance(checked, RegisterRow):
                    first = seen.setdefault(checked.id_number, start)
                    if first != start:
                        checked = [RowProblem(start, header.text["id_number"], "register.duplicate_row",
                                              {"first_line": first})]
                yield checked
