"""A letter's seal and date never stand on a page of their own: the close is kept with the body's last
paragraph (GB/T 9704 wants the seal on a page with text). Found on the 后续事项告知单 of a 新生儿 bundle with
five follow-ups: page 2 held only the station's name, （公章）, the date and the contact line."""

from __future__ import annotations

import io

from pypdf import PdfReader

from printing import samples
from printing.documents import referral_list


def test_the_seal_page_carries_the_last_paragraph() -> None:
    pdf = referral_list.build_pdf(samples.referral_list())
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    [seal_page] = [text for text in pages if "（公章）" in text]
    body_end = "各部门的办理条件和时限以其规定为准。"
    assert body_end in seal_page
    assert seal_page.index(body_end) < seal_page.index("（公章）")
