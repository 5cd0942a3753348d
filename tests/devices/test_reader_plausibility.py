"""The card's text is checked beyond the frame's XOR: garbled data is refused ("请重新放置证件"), never a card."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk.devices.protocol import Command
from desk.devices.reader import CardImplausible, ReaderState
from desk.devices.simulator import FaultMode, ReaderSimulator, load_cards
from tests.devices.test_reader_pty import Loop, make_driver


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as simulator:
        yield simulator


def test_random_text_under_a_valid_checksum_is_refused(sim: ReaderSimulator) -> None:
    sim.place("zhang-wei")
    sim.set_fault(FaultMode.RANDOM_TEXT)
    driver = make_driver(sim.port)
    try:
        with pytest.raises(CardImplausible) as caught:
            driver.read_once()
    finally:
        driver.close()
    assert caught.value.message_zh == "证件信息读取异常，请重新放置证件"
    assert caught.value.code == "card_implausible"


def test_flips_that_cancel_in_the_xor_are_caught_by_the_confirming_read(sim: ReaderSimulator) -> None:
    sim.place("zhang-wei")
    sim.set_fault(FaultMode.CANCELLING_FLIPS, count=1)
    driver = make_driver(sim.port)
    try:
        with pytest.raises(CardImplausible) as caught:
            driver.read_once()
        assert "请重新放置证件" in caught.value.message_zh
        assert driver.read_once().name == "张伟"  # the next read, unspoilt, is the real card
    finally:
        driver.close()


def test_without_the_confirming_read_the_flips_would_rename_the_person(sim: ReaderSimulator) -> None:
    """Shows the fault is real: the XOR alone lets 张伟 become 弡伞."""
    sim.place("zhang-wei")
    sim.set_fault(FaultMode.CANCELLING_FLIPS, count=1)
    driver = make_driver(sim.port, confirm_reads=False)
    try:
        assert driver.read_once().name == "弡伞"
    finally:
        driver.close()


def test_the_loop_reports_a_garbled_card_as_an_error_and_no_card(sim: ReaderSimulator) -> None:
    sim.place("zhang-wei")
    sim.set_fault(FaultMode.RANDOM_TEXT, commands=[Command.READ_TEXT_PHOTO])
    with Loop(make_driver(sim.port)) as loop:
        status = loop.wait_status(ReaderState.ERROR, "card_implausible")
    assert "请重新放置证件" in status.message_zh
    assert loop.cards == []
