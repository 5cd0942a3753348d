"""The font chain: discovery, per-character runs, coverage problems, configured fonts."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pdfcheck import fonts as pdf_fonts
from pdfcheck import pdf_text
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from printing.fonts import (
    FONT_PATHS_ENV,
    MISSING_GLYPH_MARK,
    FontSet,
    FontSource,
    configured_sources,
    fontconfig_sources,
)

RARE = "\U00020bb7"  # 𠮷, Extension B
EXT_I = "\U0002ebf0"  # Extension I: no free font has it
PRIVATE_USE = "\U000f0000"


def test_discovery_finds_embeddable_truetype_fonts_first(fonts: FontSet) -> None:
    # reportlab can only embed TrueType outlines; the CFF Noto CJK fonts must never be chosen.
    for face in fonts.faces:
        assert face.source.path.suffix.lower() in {".ttf", ".ttc"}
    assert fonts.body.has("户") and fonts.heading.has("籍")


def test_runs_switch_font_for_a_rare_character(fonts: FontSet) -> None:
    runs = fonts.runs(f"申请人{RARE}志强")
    assert "".join(chunk for _, chunk in runs) == f"申请人{RARE}志强"
    rare_font = next(name for name, chunk in runs if RARE in chunk)
    assert rare_font != fonts.body.name
    assert f'<font name="{rare_font}">{RARE}' in fonts.markup(f"申请人{RARE}志强")


def test_coverage_problems_flags_only_unprintable_characters(fonts: FontSet) -> None:
    text = f"王{RARE}{EXT_I}强{PRIVATE_USE} \n"
    assert fonts.coverage_problems(text) == [EXT_I, PRIVATE_USE]
    assert fonts.coverage_problems("沈阳市和平区南市场街道 2101**********123X") == []
    runs = fonts.runs(f"王{EXT_I}")
    assert "".join(chunk for _, chunk in runs) == f"王{MISSING_GLYPH_MARK}"  # visible, never blank


def test_markup_escapes_xml(fonts: FontSet) -> None:
    markup = fonts.markup("A<B & C>\n二")
    assert "&lt;B &amp; C&gt;<br/>" in markup


cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.characters(
    min_codepoint=0x20000, max_codepoint=0x2A6DF) | st.sampled_from("，。：（）0123456789ABCX*")


@settings(max_examples=60, deadline=None)
@given(st.text(cjk, min_size=1, max_size=12))
def test_every_run_is_printable_by_its_font(fonts: FontSet, text: str) -> None:
    problems = set(fonts.coverage_problems(text))
    joined = ""
    for name, chunk in fonts.runs(text):
        face = next(f for f in fonts.faces if f.name == name)
        for char in chunk:
            assert char == MISSING_GLYPH_MARK or face.has(char)
        joined += chunk
    assert joined == "".join(MISSING_GLYPH_MARK if c in problems else c for c in text)


def test_rare_character_is_embedded_and_extractable(fonts: FontSet) -> None:
    buffer = io.BytesIO()
    style = ParagraphStyle("t", fontName=fonts.body.name, fontSize=12)
    SimpleDocTemplate(buffer, initialFontName=fonts.body.name).build([Paragraph(fonts.markup(f"{RARE}志强"), style)])
    pdf = buffer.getvalue()
    assert f"{RARE}志强" in pdf_text(pdf)  # a valid ToUnicode entry for a non-BMP character
    assert len(pdf_fonts(pdf)) == 2 and all(pdf_fonts(pdf).values())


def test_configured_paths_come_from_settings_and_environment(tmp_path: Path, fonts: FontSet) -> None:
    body = fonts.body.source
    spec = f"{body.path}#{body.index}"
    env = {FONT_PATHS_ENV: f"{tmp_path / 'missing.ttf'}:{spec}"}
    assert configured_sources([], env) == [FontSource(body.path, body.index)]
    assert configured_sources([spec], {}) == [FontSource(body.path, body.index)]


def test_without_fontconfig_the_configured_font_is_the_chain(fonts: FontSet) -> None:
    rare_face = next(f for f in fonts.faces if f.has(RARE))
    spec = f"{fonts.body.source.path}#{fonts.body.source.index}"
    rare_spec = f"{rare_face.source.path}#{rare_face.source.index}"
    only_body = FontSet.discover([spec], env={}, use_fontconfig=False)
    assert [f.source.path for f in only_body.faces] == [fonts.body.source.path]
    assert only_body.coverage_problems(RARE) == [RARE]
    with_rare = FontSet.discover([spec, rare_spec], env={}, use_fontconfig=False)
    assert with_rare.coverage_problems(RARE) == []


def test_fontconfig_lookup_by_family(fonts: FontSet) -> None:
    found = fontconfig_sources(["HanaMinB", "No Such Family"])
    assert len(found) <= 1
    assert all(s.path.is_file() for s in found)
