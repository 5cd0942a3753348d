"""Chinese fonts for the documents: find, embed, and fall back per character.

reportlab embeds TrueType-outline fonts only (no CFF: the Noto CJK fonts cannot be used), and
prints a silent blank for a glyph the font lacks. So:

* fonts are found through configuration (a settings list, then `DESK_FONT_PATHS`, entries
  `path` or `path#subfont-index` separated by the OS path separator) and fontconfig (`fc-list`,
  cached), TrueType only;
* text is split into runs by which font has each character (each font's cmap read once), and
  emitted as platypus markup with one `<font name=...>` per run;
* `coverage_problems(text)` lists the characters no font has, so the clerk is warned before
  printing; in the document such a character prints as the geta mark 〓, never as a blank.

Fonts are parsed once per process (reportlab's font registry is process-wide anyway), which is
why loading is cached here rather than repeated per document.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFError, TTFont

FONT_PATHS_ENV = "DESK_FONT_PATHS"
# Printed in place of a character no font has: visible, conventional in CJK typesetting.
MISSING_GLYPH_MARK = "〓"

# Preferred families, best first. Body text in a Ming (Song) face as official documents use;
# headings in a Hei face; then the rare-character fonts (Extensions A–H) as fallbacks.
BODY_FAMILIES: tuple[str, ...] = ("AR PL UMing CN", "SimSun", "WenQuanYi Zen Hei")
HEADING_FAMILIES: tuple[str, ...] = ("WenQuanYi Zen Hei", "SimHei", "AR PL UMing CN", "SimSun")
RARE_FAMILIES: tuple[str, ...] = ("HanaMinA", "HanaMinB", "BabelStone Han", "SimSun-ExtB")

# Variation selectors pick a glyph variant; reportlab cannot shape them, so they are not drawn
# (the base character is) and are not counted as missing.
_IGNORABLE = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\u200b-\u200d]")


class FontsUnavailableError(RuntimeError):
    """No embeddable Chinese font was found; carries a Chinese and an English message."""

    def __init__(self) -> None:
        self.message_zh = (
            "未找到可嵌入的中文 TrueType 字体（如文泉驿正黑、AR PL UMing）。"
            f"请安装 fonts-wqy-zenhei / fonts-arphic-uming，或在 {FONT_PATHS_ENV} 中配置字体文件。"
        )
        self.message_en = (
            "No embeddable Chinese TrueType font found (e.g. WenQuanYi Zen Hei, AR PL UMing). "
            f"Install fonts-wqy-zenhei / fonts-arphic-uming or list font files in {FONT_PATHS_ENV}."
        )
        super().__init__(f"{self.message_zh} / {self.message_en}")


@dataclass(frozen=True)
class FontSource:
    """A TrueType file, or one member of a TrueType collection (.ttc)."""

    path: Path
    index: int = 0
    family: str = ""

    @classmethod
    def parse(cls, spec: str) -> FontSource:
        """`/path/font.ttc#1` → the collection's second font; a plain path → index 0."""
        path, _, index = spec.strip().partition("#")
        return cls(Path(path).expanduser(), int(index) if index else 0)


class _Utf16TTFont(TTFont):
    """TTFont whose ToUnicode map is valid for characters beyond the BMP.

    reportlab writes `<20BB7>` for U+20BB7 — an odd-length code PDF readers reject — so 𠮷 could
    not be copied or searched. The map must hold the UTF-16BE code units (`<D842DFB7>`).
    """

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if all(cp <= 0xFFFF for cp in subset):
                continue
            base = (b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = _to_unicode_cmap(base, subset)


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    def utf16(cp: int) -> str:
        return chr(cp).encode("utf-16-be").hex().upper()

    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{utf16(cp)}>" for i, cp in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


@lru_cache(maxsize=32)
def _load(path: str, index: int) -> _Utf16TTFont:
    """Parse (once per process) and register a font with reportlab."""
    stem = re.sub(r"[^A-Za-z0-9]+", "", Path(path).stem) or "font"
    name = f"Desk-{stem}-{index}"
    font = _Utf16TTFont(name, path, subfontIndex=index)
    pdfmetrics.registerFont(font)
    return font


class FontFace:
    """One font of the fallback chain; parsed lazily on first use."""

    def __init__(self, source: FontSource) -> None:
        self.source = source
        self._font: _Utf16TTFont | None = None
        self.broken = False  # the file could not be parsed; the face is skipped

    @property
    def font(self) -> _Utf16TTFont:
        if self._font is None:
            self._font = _load(str(self.source.path), self.source.index)
        return self._font

    @property
    def name(self) -> str:
        """The reportlab font name to use in styles and `<font name=...>`."""
        return self.font.fontName

    def usable(self) -> bool:
        if not self.broken and self._font is None:
            try:
                self._font = _load(str(self.source.path), self.source.index)
            except (TTFError, OSError, ValueError):
                self.broken = True
        return not self.broken

    def has(self, char: str) -> bool:
        return self.usable() and ord(char) in self.font.face.charToGlyph

    def __repr__(self) -> str:
        return f"FontFace({self.source.path.name}#{self.source.index})"


@lru_cache(maxsize=1)
def _fc_list_all() -> tuple[tuple[FontSource, tuple[str, ...]], ...]:
    """Every TrueType font fontconfig knows, with its family names (cached per process)."""
    return tuple(_fc_list([]))


def _fc_list(pattern: list[str]) -> list[tuple[FontSource, tuple[str, ...]]]:
    if shutil.which("fc-list") is None:
        return []
    try:
        proc = subprocess.run(
            ["fc-list", *pattern, "--format", "%{file}\t%{index}\t%{family}\t%{fontformat}\n"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    found: list[tuple[FontSource, tuple[str, ...]]] = []
    for line in proc.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) != 4 or parts[3] != "TrueType":  # CFF cannot be embedded by reportlab
            continue
        families = tuple(f.strip() for f in parts[2].split(","))
        # Debian also lists some fonts under alternatives symlinks; name each file once.
        source = FontSource(Path(parts[0]).resolve(), int(parts[1] or 0), families[0])
        if all(source != known for known, _ in found):
            found.append((source, families))
    # fontconfig lists in no useful order; keep the result stable.
    found.sort(key=lambda item: (str(item[0].path), item[0].index))
    return found


@lru_cache(maxsize=256)
def _fc_fonts_with_char(codepoint: int) -> tuple[FontSource, ...]:
    """TrueType fonts fontconfig says cover a code point (asked once per character)."""
    return tuple(src for src, _ in _fc_list([f":charset={codepoint:x}"]))


def fontconfig_sources(families: Sequence[str]) -> list[FontSource]:
    """The installed TrueType fonts of these families, in the order of `families`."""
    installed = _fc_list_all()
    result: list[FontSource] = []
    for family in families:
        for source, names in installed:
            if family in names and source not in result:
                result.append(source)
                break
    return result


def configured_sources(paths: Sequence[str] = (), env: Mapping[str, str] | None = None) -> list[FontSource]:
    """Font files named by the settings list and by `DESK_FONT_PATHS`, existing ones only."""
    env = os.environ if env is None else env
    specs = [*paths, *[p for p in env.get(FONT_PATHS_ENV, "").split(os.pathsep) if p.strip()]]
    sources = [FontSource.parse(spec) for spec in specs]
    return [s for s in sources if s.path.is_file()]


class FontSet:
    """An ordered chain of fonts; the first that has a character prints it.

    Immutable after construction apart from caches; safe to share between threads that build
    documents (reportlab itself serialises nothing, so build one document per thread).
    """

    def __init__(self, faces: Sequence[FontFace], heading: FontFace | None = None, *, ask_fontconfig: bool = True):
        if not faces:
            raise FontsUnavailableError()
        self.faces: list[FontFace] = list(faces)
        self.body = self.faces[0]
        self.heading = heading or self.body
        self._ask_fontconfig = ask_fontconfig
        self._choice: dict[str, FontFace | None] = {}

    @classmethod
    def discover(
        cls,
        paths: Sequence[str] = (),
        *,
        env: Mapping[str, str] | None = None,
        use_fontconfig: bool = True,
    ) -> FontSet:
        """Preferred families found by fontconfig, then configured files, then rare-character fonts.

        Configured files come after the preferred body/heading fonts so a licensed font for the
        Extension I characters (the police register's 622) can be added without changing the
        look; where fontconfig finds nothing (e.g. Windows) they become the main fonts.
        """
        preferred = fontconfig_sources(BODY_FAMILIES) if use_fontconfig else []
        heading_src = fontconfig_sources(HEADING_FAMILIES)[:1] if use_fontconfig else []
        rare = fontconfig_sources(RARE_FAMILIES) if use_fontconfig else []
        ordered: list[FontSource] = []
        for src in [*preferred[:1], *configured_sources(paths, env), *preferred[1:], *heading_src, *rare]:
            if src not in ordered:
                ordered.append(src)
        faces = [FontFace(src) for src in ordered]
        # Only the main fonts are parsed now; the rare-character fonts when first needed.
        while faces and not faces[0].usable():
            faces.pop(0)
        heading = next((f for f in faces if heading_src and f.source == heading_src[0]), None)
        if heading is not None and not heading.usable():
            heading = None
        return cls(faces, heading, ask_fontconfig=use_fontconfig)

    def led_by_heading(self) -> FontSet:
        """The same chain with the heading face as the body: for a paper that is mostly English — the
        Song-style body font's Latin letters are fixed-width CJK glyphs, the heading face's proportional."""
        if self.body is self.heading:
            return self
        return FontSet([self.heading, *(f for f in self.faces if f is not self.heading)], self.heading,
                       ask_fontconfig=self._ask_fontconfig)

    def face_for(self, char: str, *, heading: bool = False) -> FontFace | None:
        """The font that prints `char` (heading font first when asked), or None."""
        if heading and self.heading.has(char):
            return self.heading
        if char in self._choice:
            return self._choice[char]
        face = next((f for f in self.faces if f.has(char)), None)
        if face is None and self._ask_fontconfig:
            face = self._from_fontconfig(char)
        self._choice[char] = face
        return face

    def _from_fontconfig(self, char: str) -> FontFace | None:
        """Any other installed TrueType font that has the character joins the chain."""
        for source in _fc_fonts_with_char(ord(char)):
            if any(f.source == source for f in self.faces):
                continue
            face = FontFace(source)
            if face.has(char):
                self.faces.append(face)
                return face
        return None

    def runs(self, text: str, *, heading: bool = False) -> list[tuple[str, str]]:
        """Split text into (font name, chunk) runs; a missing character becomes 〓."""
        base = self.heading if heading else self.body
        runs: list[tuple[str, str]] = []
        current, chunk = base.name, []
        for char in text:
            if _IGNORABLE.match(char):
                continue
            if char.isspace():
                chunk.append(char)  # whitespace prints in whatever font is current
                continue
            face = self.face_for(char, heading=heading)
            name = face.name if face else base.name
            if name != current and chunk:
                runs.append((current, "".join(chunk)))
                chunk = []
            current = name
            chunk.append(char if face else MISSING_GLYPH_MARK)
        if chunk:
            runs.append((current, "".join(chunk)))
        return runs

    def markup(self, text: str, *, heading: bool = False) -> str:
        """Platypus paragraph markup: escaped text, one `<font>` per run, newlines as `<br/>`."""
        parts = []
        for name, chunk in self.runs(text, heading=heading):
            body = escape(chunk).replace("\n", "<br/>")
            parts.append(f'<font name="{name}">{body}</font>')
        return "".join(parts)

    def coverage_problems(self, text: str) -> list[str]:
        """Characters of `text` that no font has (each once, in order) — tell the clerk."""
        missing: list[str] = []
        for char in text:
            if char.isspace() or _IGNORABLE.match(char) or char in missing:
                continue
            if self.face_for(char) is None:
                missing.append(char)
        return missing


@lru_cache(maxsize=8)
def _default_fonts(env_value: str) -> FontSet:
    return FontSet.discover(env={FONT_PATHS_ENV: env_value})


def default_fonts() -> FontSet:
    """The process-wide font chain for the current `DESK_FONT_PATHS` (discovered once)."""
    return _default_fonts(os.environ.get(FONT_PATHS_ENV, ""))


def coverage_problems(text: str, fonts: FontSet | None = None) -> list[str]:
    """Characters no available font can print; empty when the text prints completely."""
    return (fonts or default_fonts()).coverage_problems(text)
