"""The citizen downloads the signed certificate of an application the station decided online — from the
web page of a real server process, signed in as the page signs citizens in; only their own, audited."""

from __future__ import annotations

import re
import ssl
import subprocess
from io import BytesIO
from pathlib import Path

import httpx
from browser import OnlineCity
from city_server import PASSWORD
from desk_fixtures import OLD_MAN, YOUNG_WOMAN
from online_samples import RELATIVE_CERTIFICATE, image_bytes
from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode
from sqlalchemy import select

from desk.domain.clock import Clock
from desk.remote.connection import Connection
from desk.remote.online import RemoteOnline
from desk.services.online import OnlineService, UploadFile
from desk.services.verifications import VerificationService
from desk.shipped import shipped_catalog
from desk.store.models import AuditEntry

OLD_MANS_PHONE, YOUNG_WOMANS_PHONE = "13900001111", "13900002222"


def _page(city: OnlineCity, id_number: str, phone: str) -> httpx.Client:
    """A phone's browser signed in on the citizen page (code from the SMS outbox)."""
    page = httpx.Client(base_url=city.apply_url, timeout=30,
                        verify=ssl.create_default_context(cafile=str(city.server.tls.ca_cert)))
    assert page.post("code", data={"id_number": id_number, "phone": phone}).status_code == 200
    code = re.search(r"验证码 (\d{6})", OnlineService(city.store, shipped_catalog(), Clock()).outbox(phone)[-1].text)
    assert code is not None
    assert page.post("sign-in", data={"id_number": id_number, "code": code.group(1)}).status_code == 303
    return page


def _text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages).replace(" ", "").replace("\n", "")


def _qr(pdf: bytes, folder: Path) -> str:
    (folder / "paper.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(folder / "paper.pdf"),
                    str(folder / "page")], check=True)
    [code] = decode(Image.open(next(folder.glob("page*.png"))))
    return code.data.decode()


def test_a_certificate_decided_online_is_downloaded_by_its_applicant_only(online_city: OnlineCity,
                                                                           tmp_path: Path) -> None:
    city = online_city
    old_man = _page(city, OLD_MAN, OLD_MANS_PHONE)
    online = OnlineService(city.store, shipped_catalog(), Clock())
    citizen = online.citizen(old_man.cookies.get("wsb_session") or "")
    assert citizen is not None  # the page's session is the citizen the service knows
    sent = online.submit(citizen, "HP01", "household_certificate",
                         {**RELATIVE_CERTIFICATE, "subject": {"name": "王𠮷", "id_number": YOUNG_WOMAN}},
                         [UploadFile("relationship_proof", "proof.png", image_bytes("PNG"))])
    before = old_man.get(f"a/{sent.number}")
    assert before.status_code == 200 and "certificate.pdf" not in before.text  # not decided yet
    assert old_man.get(f"a/{sent.number}/certificate.pdf").status_code == 404

    connection = Connection(city.server.base_url.removesuffix("/api/v1"), "pc-download",
                            str(city.server.tls.ca_cert))
    clerk = connection.sign_in("clerk", PASSWORD)
    remote = RemoteOnline(connection)
    opened = remote.open(clerk.actor, sent.number)
    _, decided = remote.decide_online(clerk.actor, sent.number, opened.version)
    issued = next(p for p in decided.papers if p.kind == "household_certificate")

    shown = old_man.get(f"a/{sent.number}")
    assert f'href="/apply/a/{sent.number}/certificate.pdf"' in shown.text and "下载户籍证明" in shown.text
    download = old_man.get(f"a/{sent.number}/certificate.pdf")
    assert download.status_code == 200 and download.headers["content-type"] == "application/pdf"
    assert f'filename="{issued.serial}.pdf"' in download.headers["content-disposition"]
    text = _text(download.content)
    assert "户籍证明" in text and issued.serial in text and YOUNG_WOMAN in text and "经办民警：张丽" in text
    payload = _qr(download.content, tmp_path)
    verified = VerificationService(city.store, Clock(), city.server.work / "server-keys").verify(payload, where="test")
    assert verified.valid and verified.claim is not None and verified.claim.serial == issued.serial

    # Someone else signed in (even the person certified) gets "not found", never the paper.
    young_woman = _page(city, YOUNG_WOMAN, YOUNG_WOMANS_PHONE)
    assert young_woman.get(f"a/{sent.number}/certificate.pdf").status_code == 404
    old_man.cookies.clear()
    assert old_man.get(f"a/{sent.number}/certificate.pdf").status_code == 303  # signed out: to the sign-in page
    with city.store.read() as session:
        downloads = session.execute(select(AuditEntry).where(AuditEntry.action == "document.downloaded")).scalars()
        assert [(e.actor, e.entity_id) for e in downloads] == [(f"网上办 {sent.number}", issued.serial)]

    # 开具注销户口证明 is fully online too: decided over the server, it issues its certificate, downloadable.
    dereg = online.submit(citizen, "HP01", "deregistration_certificate", {
        "deregistered_person": {"name": "李秀英", "id_number": "210102195502280023"},
        "deregistration_reason": "death", "deregistered_on": "2015-04-01", "relationship": "close_relative",
        "purpose": "inheritance", "copies": "1"}, [UploadFile("applicant_id_card", "id.png", image_bytes("PNG"))])
    opened = remote.open(clerk.actor, dereg.number)
    _, decided = remote.decide_online(clerk.actor, dereg.number, opened.version)
    assert [p.kind for p in decided.papers] == ["completion_notice", "deregistration_certificate"]
    old_man = _page(city, OLD_MAN, OLD_MANS_PHONE)
    assert "下载注销户口证明" in old_man.get(f"a/{dereg.number}").text
    paper = old_man.get(f"a/{dereg.number}/certificate.pdf")
    assert paper.status_code == 200
    assert "已于2015年4月1日因死亡或被宣告死亡注销" in _text(paper.content) and "李秀英" in _text(paper.content)
    connection.close()
