"""The real driver against the simulator over a real pseudo-terminal: every card, every fault."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from desk.devices.card import IdCard
from desk.devices.protocol import Command
from desk.devices.reader import CardReaderDriver, ReaderError, ReaderState, ReaderStatus, Timeouts
from desk.devices.simulator import FaultMode, ReaderSimulator, load_cards
from desk.devices.transport import Backoff, TransportClosed

FAST = Timeouts(find=0.3, select=0.3, status=0.15, sam_id=0.3, extra_address=0.5, read=0.6,
                read_fingerprint=0.8)
TODAY = date(2026, 11, 25)


def make_driver(port: str, **kwargs: object) -> CardReaderDriver:
    options: dict[str, object] = {
        "timeouts": FAST, "poll_interval": 0.02, "backoff": Backoff(0.05, 0.2), "today": lambda: TODAY,
    }
    options.update(kwargs)
    return CardReaderDriver(port, **options)  # type: ignore[arg-type]


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator(load_cards()) as simulator:
        yield simulator


class Loop:
    """Runs `driver.run` in a thread and records what it reports."""

    def __init__(self, driver: CardReaderDriver) -> None:
        self.driver = driver
        self.cards: list[IdCard] = []
        self.statuses: list[ReaderStatus] = []
        self._changed = threading.Condition()
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.driver.run(self.stop_event, self._on_card, self._on_status)

    def _on_card(self, card: IdCard) -> None:
        with self._changed:
            self.cards.append(card)
            self._changed.notify_all()

    def _on_status(self, status: ReaderStatus) -> None:
        with self._changed:
            self.statuses.append(status)
            self._changed.notify_all()

    def wait(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
        with self._changed:
            assert self._changed.wait_for(predicate, timeout), (
                f"timed out; statuses={[(s.state.value, s.code) for s in self.statuses]} cards={len(self.cards)}"
            )

    def wait_status(self, state: ReaderState, code: str | None = None, after: int = 0) -> ReaderStatus:
        def seen() -> bool:
            return any(s.state is state and (code is None or s.code == code) for s in self.statuses[after:])

        self.wait(seen)
        return next(s for s in self.statuses[after:] if s.state is state and (code is None or s.code == code))

    def wait_cards(self, count: int) -> None:
        self.wait(lambda: len(self.cards) >= count)

    def __enter__(self) -> Loop:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        started = time.monotonic()
        self.stop_event.set()
        self.thread.join(timeout=5)
        assert not self.thread.is_alive(), "driver loop did not stop"
        assert time.monotonic() - started < 2.0
        assert self.statuses[-1].code == "stopped"


def wait_polls(sim: ReaderSimulator, count: int) -> None:
    """Let the driver poll `count` more times (find commands the simulator answered)."""
    target = sim.count(Command.FIND_CARD) + count
    deadline = time.monotonic() + 5
    while sim.count(Command.FIND_CARD) < target:
        assert time.monotonic() < deadline
        time.sleep(0.01)


# --- single reads of every card ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("zhang-wei", {"card_type": "resident", "name": "张伟", "nation": "汉", "sex": "male", "problems": ()}),
        ("li-xiulan", {"nation": "满", "extra_address": "辽宁省沈阳市沈河区北站路66号3-2-1"}),
        ("liu-jianguo", {"valid_to": None, "valid_to_text": "长期", "problems": ()}),
        ("wang-rare", {"name": "王𠮷", "nation": "朝鲜", "problems": ()}),
        ("zhao-expired", {"problems": ("expired",)}),
        ("sun-bad-checksum", {"problems": ("id_checksum",)}),
        ("chan-hk", {"card_type": "hk_macao_taiwan", "pass_number": "H60123456", "issue_count": "01"}),
        ("smith-2023", {"card_type": "foreign_2023", "english_name": "SMITH, ANNA MARIA", "nationality": "USA",
                        "id_number": "921840199005210027", "problems": ()}),
        ("ivanov-2017", {"card_type": "foreign_2017", "english_name": "IVANOV, IVAN", "name": "伊万诺夫",
                         "id_number": "RUS210085031210", "problems": ()}),
    ],
)
def test_read_once_every_demo_card(sim: ReaderSimulator, label: str, expected: dict[str, object]) -> None:
    sim.place(label)
    driver = make_driver(sim.port)
    try:
        card = driver.read_once()
    finally:
        driver.close()
    for key, value in expected.items():
        assert getattr(card, key) == value, key
    assert len(card.photo_wlt) == 1024
    assert card.photo_wlt == sim.card(label).photo


def test_read_with_fingerprint(sim: ReaderSimulator) -> None:
    sim.place("zhang-wei")
    driver = make_driver(sim.port, read_fingerprint=True)
    try:
        card = driver.read_once()
    finally:
        driver.close()
    assert card.name == "张伟" and card.fingerprint == b""
    assert sim.count(Command.READ_TEXT_PHOTO_FINGERPRINT) == 2  # read and confirmed


def test_no_card_is_a_clear_error(sim: ReaderSimulator) -> None:
    driver = make_driver(sim.port)
    with pytest.raises(ReaderError) as info:
        driver.read_once()
    driver.close()
    assert info.value.code == "no_card" and info.value.message_zh == "读卡器上没有证件"


def test_baud_rate_is_probed(sim: ReaderSimulator) -> None:
    sim.baudrate = 9600
    sim.place(0)
    driver = make_driver(sim.port, baudrate=115200)
    try:
        assert driver.read_once().name == "张伟"
        assert driver.baudrate == 9600
        assert driver.sam_id == sim.sam_id.hex().upper()
    finally:
        driver.close()


def test_no_reader_on_the_port_is_reported(sim: ReaderSimulator) -> None:
    sim.baudrate = 4800  # a rate the driver never tries: nothing it sends is understood
    driver = make_driver(sim.port, baudrates=(115200, 9600))
    with pytest.raises(ReaderError) as info:
        driver.open()
    assert info.value.code == "no_answer" and "115200/9600" in info.value.message_zh


def test_missing_port_is_transport_closed(tmp_path: Path) -> None:
    driver = make_driver(str(tmp_path / "nothing"))
    with pytest.raises(TransportClosed) as info:
        driver.open()
    assert "找不到串口" in info.value.message_zh


# --- the polling loop --------------------------------------------------------------------------


def test_each_card_is_reported_once_per_placement(sim: ReaderSimulator) -> None:
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_status(ReaderState.WAITING, "ready")
        sim.place("zhang-wei")
        loop.wait_cards(1)
        wait_polls(sim, 10)
        assert len(loop.cards) == 1
        sim.remove()
        before = len(loop.statuses)
        loop.wait_status(ReaderState.WAITING, "ready", after=before)
        sim.place("zhang-wei")
        loop.wait_cards(2)
        sim.place("smith-2023")  # swapped without a gap long enough to count as removal
        wait_polls(sim, 5)
        assert len(loop.cards) == 2
        loop.driver.request_reread()  # F2
        loop.wait_cards(3)
        assert [c.name for c in loop.cards] == ["张伟", "张伟", "安娜"]
        states = [s.state for s in loop.statuses]
        assert ReaderState.CONNECTING in states and ReaderState.READING in states


def test_fault_no_card(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.NO_CARD)
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_status(ReaderState.WAITING, "ready")
        wait_polls(sim, 5)
        assert loop.cards == []
        sim.clear_fault()
        loop.wait_cards(1)


def test_fault_slow_within_the_timeout_still_reads(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.SLOW, delay=0.1)
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_cards(1)
    assert loop.cards[0].name == "张伟"


def test_fault_slow_beyond_the_timeout_is_reported_and_recovers(sim: ReaderSimulator) -> None:
    sim.place(0)
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_status(ReaderState.WAITING)
        sim.set_fault(FaultMode.SLOW, delay=0.5)
        status = loop.wait_status(ReaderState.ERROR, "timeout")
        assert status.message_zh == "读卡器无响应" and status.message_en
        sim.clear_fault()
        loop.wait_cards(1)


def test_fault_garbage_is_skipped(sim: ReaderSimulator) -> None:
    sim.set_fault(FaultMode.GARBAGE)
    sim.place("wang-rare")
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_cards(1)
        assert loop.driver._parser.garbage_bytes > 0
    assert loop.cards[0].name == "王𠮷"
    assert not any(s.state is ReaderState.ERROR for s in loop.statuses)


def test_fault_bad_checksum_once_is_retried(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.BAD_CHECKSUM, count=1, commands=[Command.READ_TEXT_PHOTO])
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_cards(1)
    assert sim.count(Command.READ_TEXT_PHOTO) == 3  # spoilt, retried, confirmed
    assert loop.cards[0].problems == ()


def test_fault_bad_checksum_always_is_reported_and_recovers(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.BAD_CHECKSUM, commands=[Command.READ_TEXT_PHOTO])
    with Loop(make_driver(sim.port)) as loop:
        status = loop.wait_status(ReaderState.ERROR, "checksum")
        assert "校验" in status.message_zh
        assert loop.cards == []
        # After three failed attempts the driver asks for the card to be placed again.
        loop.wait(lambda: "重新放置" in loop.statuses[-1].message_zh)
        sim.clear_fault()
        sim.remove()
        loop.wait_status(ReaderState.WAITING, "ready", after=len(loop.statuses))
        sim.place(0)
        loop.wait_cards(1)


def test_fault_removed_mid_read(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.REMOVED_MID_READ, count=1)
    with Loop(make_driver(sim.port)) as loop:
        status = loop.wait_status(ReaderState.ERROR, "truncated")
        assert status.message_zh.startswith("读卡器应答不完整")
        loop.wait_status(ReaderState.WAITING, "ready", after=loop.statuses.index(status))
        assert loop.cards == [] and sim.placed is None
        sim.place(1)
        loop.wait_cards(1)
    assert loop.cards[0].name == "李秀兰"


@pytest.mark.parametrize(("sw3", "text"), [(0x32, "证件认证失败"), (0x77, "0x77"), (0x41, "读卡失败")])
def test_fault_status_codes_reach_the_clerk(sim: ReaderSimulator, sw3: int, text: str) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.STATUS, status=sw3, count=1)
    with Loop(make_driver(sim.port)) as loop:
        status = loop.wait_status(ReaderState.ERROR, f"sw3_{sw3:02x}")
        assert text in status.message_zh and status.message_en
        loop.wait_cards(1)  # the next attempt of the same placement succeeds


def test_unplug_and_replug_reconnects_without_reporting_the_same_card_twice(sim: ReaderSimulator) -> None:
    sim.place(0)
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_cards(1)
        mark = len(loop.statuses)
        sim.unplug(duration=0.3)
        loop.wait_status(ReaderState.DISCONNECTED, "disconnected", after=mark)
        loop.wait_status(ReaderState.WAITING, after=mark)
        wait_polls(sim, 5)
        assert len(loop.cards) == 1  # same card still there: not reported again
        # A different card placed while unplugged is reported after the reconnect.
        mark = len(loop.statuses)
        sim.unplug(duration=0.3)
        loop.wait_status(ReaderState.DISCONNECTED, "disconnected", after=mark)
        sim.place("chan-hk")
        loop.wait_cards(2)
    assert loop.cards[1].card_type == "hk_macao_taiwan"


def test_fault_unplug_mid_conversation(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.UNPLUG, count=1, commands=[Command.READ_TEXT_PHOTO], unplug_duration=0.2)
    with Loop(make_driver(sim.port)) as loop:
        loop.wait_status(ReaderState.DISCONNECTED, "disconnected")
        loop.wait_cards(1)
    assert loop.cards[0].name == "张伟"


def test_port_missing_at_start_then_plugged_in(tmp_path: Path) -> None:
    link = tmp_path / "ttyREADER"
    with Loop(make_driver(str(link))) as loop:
        status = loop.wait_status(ReaderState.DISCONNECTED, "disconnected")
        assert "找不到串口" in status.message_zh
        with ReaderSimulator(load_cards(), link_path=link) as simulator:
            simulator.place(0)
            loop.wait_cards(1)


def test_stop_during_a_slow_read_returns_promptly(sim: ReaderSimulator) -> None:
    sim.place(0)
    sim.set_fault(FaultMode.SLOW, delay=3.0, commands=[Command.READ_TEXT_PHOTO])
    slow = Timeouts(find=0.3, select=0.3, status=0.3, read=30.0)
    with Loop(make_driver(sim.port, timeouts=slow)) as loop:
        loop.wait_status(ReaderState.READING)
    # Loop.__exit__ asserts the loop stopped in under 2 s although the read would take 30 s.


def test_callback_errors_do_not_stop_the_loop(sim: ReaderSimulator) -> None:
    driver = make_driver(sim.port)
    cards: list[IdCard] = []
    stop = threading.Event()

    def on_card(card: IdCard) -> None:
        cards.append(card)
        raise RuntimeError("bug in the receiver")

    thread = threading.Thread(target=driver.run, args=(stop, on_card, lambda s: None), daemon=True)
    thread.start()
    try:
        sim.place(0)
        deadline = time.monotonic() + 5
        while not cards:
            assert time.monotonic() < deadline
            time.sleep(0.01)
        sim.remove()
        wait_polls(sim, 3)
        sim.place(1)
        while len(cards) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()


def test_discarding_input_on_a_vanished_pty_is_a_disconnection() -> None:
    """tcflush on a pty whose other end is gone raises termios.error: it must read as 'unplugged'."""
    import os

    from desk.devices.transport import SerialTransport

    master, slave = os.openpty()
    transport = SerialTransport(os.ttyname(slave))
    transport.open()
    os.close(master)
    os.close(slave)
    with pytest.raises(TransportClosed):
        transport.discard_input()
        transport.read(0.05)
    transport.close()
