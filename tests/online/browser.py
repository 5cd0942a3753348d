"""A real city and a real browser for the citizen web page: a PostgreSQL database with a station, a
clerk and citizens, a `desk server` process over TLS (the shipped catalog), and Debian's headless
chromium driven by selenium. A missing chromium is a failure naming the package, never a skip."""

from __future__ import annotations

import base64
import hashlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from city_server import PASSWORD, CityServer, TlsFiles, make_test_ca
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from desk_fixtures import OLD_MAN, YOUNG_WOMAN
from postgres_server import PostgresServer

from desk.domain.clock import Clock
from desk.domain.workflow import Role
from desk.services.citizens import CardFacts, CitizenService
from desk.services.keys import KeyService
from desk.services.users import UserService
from desk.store.database import Store

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MAX_UPLOAD_KB = 64


@dataclass
class OnlineCity:
    server: CityServer
    store: Store
    url: str
    clerk_id: int

    @property
    def apply_url(self) -> str:
        return self.server.base_url.removesuffix("/api/v1") + "/apply/"


def _spki_hash(tls: TlsFiles) -> str:
    """The server key's SPKI hash: chromium trusts exactly this key (the test CA is not in its store)."""
    cert = x509.load_pem_x509_certificate(tls.server_cert.read_bytes())
    spki = cert.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


@pytest.fixture(scope="module")
def online_city(postgres_server: PostgresServer, postgres_template: str,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[OnlineCity]:
    work = tmp_path_factory.mktemp("online-city")
    name = f"desk_online_{work.name.replace('-', '_')}"
    url = postgres_server.create_database(name, template=postgres_template)
    store = Store(url)
    users = UserService(store, Clock())
    users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局")
    clerk_id = users.create_user("clerk", "张丽", Role.CLERK, "HP01", PASSWORD)
    citizens = CitizenService(store, Clock())
    for number, person, sex, birth in [(OLD_MAN, "李建国", "male", date(1953, 1, 15)),
                                       (YOUNG_WOMAN, "王𠮷", "female", date(1998, 5, 20))]:
        citizens.register_card(None, CardFacts(number, person, sex, "汉", birth, "辽宁省沈阳市和平区"))
        # A 户籍证明 decided online is issued at once: the register states what it certifies.
        citizens.set_register_facts(None, number, household_head="李建国",
                                    relationship_to_head="户主" if number == OLD_MAN else "孙女",
                                    registered_on=date(1999, 3, 1))
    # The server signs what it issues (a 户籍证明 decided online) with the station's key.
    KeyService(store, Clock(), work / "server-keys").create("HP01", by="admin")
    server = CityServer(url, make_test_ca(work / "tls"), work)
    server.env["DESK_ONLINE_UPLOAD_MAX_KB"] = str(MAX_UPLOAD_KB)
    server.start()
    yield OnlineCity(server, store, url, clerk_id)
    server.stop()
    store.dispose()


@pytest.fixture(scope="module")
def browser(online_city: OnlineCity) -> Iterator[object]:
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    if missing or shutil.which("chromium") is None:
        pytest.fail(f"the citizen web page's browser test needs Debian's packages `chromium` and `chromium-driver` "
                    f"(scripts/debian-packages.txt); missing: {', '.join(missing) or 'chromium'}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=390,844", "--lang=zh-CN",
                     f"--ignore-certificate-errors-spki-list={_spki_hash(online_city.server.tls)}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
