"""The queue ticket in the citizen's language, and "no one ahead" in words (read back from the PDF)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pdfcheck import pdf_text

from printing import samples
from printing.documents import queue_ticket
from printing.documents.common import Paper


def _text(pdf: bytes) -> str:
    return pdf_text(pdf).replace("\n", " ")


@pytest.mark.parametrize("paper", [Paper.ROLL_58, Paper.ROLL_80])
def test_an_english_ticket_keeps_the_chinese_the_window_needs(paper: Paper) -> None:
    data = replace(samples.queue_ticket(), language="en", transaction_name_en="Moving in with a relative",
                   station=replace(samples.STATION, name_en="Taiyuan Street Police Station"))
    text = _text(queue_ticket.build_pdf(data, paper))
    for english in ("Queue ticket", "Taiyuan Street Police Station", "Moving in with a relative",
                    "5 people are waiting ahead of you", "Estimated wait: about 18 min", "Enquiries:"):
        assert english in text
    # The title and the transaction's name the clerk reads stay Chinese.
    assert "排队号" in text and "户口迁移（投靠落户）" in text.replace(" ", "")
    assert "您前面" not in text and "咨询电话" not in text


def test_no_one_ahead_is_said_in_words_without_a_zero_wait() -> None:
    nobody = replace(samples.queue_ticket(), people_ahead=0, estimated_wait_minutes=0)
    chinese = _text(queue_ticket.build_pdf(nobody)).replace(" ", "")
    assert "您前面没有人等候" in chinese and "0人" not in chinese and "预计等待" not in chinese
    english = _text(queue_ticket.build_pdf(replace(nobody, language="en")))
    assert "No one is waiting ahead of you" in english and "0 people" not in english
    assert "Estimated wait" not in english
    one = _text(queue_ticket.build_pdf(replace(nobody, people_ahead=1, language="en")))
    assert "1 person is waiting ahead of you" in one
