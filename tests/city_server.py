"""A real city for tests: a test CA made in this run (cryptography), a `desk server` process on
loopback over TLS in front of the test run's PostgreSQL, and HTTPS clients that verify the test CA.

The server is a subprocess started exactly as a city starts it (`python -m desk server …`); it is
ready when `/api/v1/health` answers over TLS, and it is stopped (terminate, then kill) at teardown.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from sqlalchemy import create_engine, text

from desk.services.users import UserService
from desk.store.database import Store

if TYPE_CHECKING:
    from postgres_server import PostgresServer

REPO = Path(__file__).resolve().parents[1]
PASSWORD = "Taiyuan-Street-68"
TEST_CATALOG = REPO / "tests" / "services" / "catalog"


@dataclass(frozen=True)
class TlsFiles:
    ca_cert: Path
    server_cert: Path
    server_key: Path


def make_test_ca(folder: Path) -> TlsFiles:
    """A CA valid for a day and a certificate it issued for 127.0.0.1 / localhost."""
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Station Desk test CA")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                     crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "desk server (test)")]))
        .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1)).not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                    x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    tls = TlsFiles(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    tls.ca_cert.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    tls.server_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    tls.server_key.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                 serialization.NoEncryption()))
    tls.server_key.chmod(0o600)
    return tls


SERVER_ROLE = "desk_server"


def server_role_url(postgres_server: PostgresServer, database: str) -> str:
    """Make the server role if this cluster lacks it (roles are cluster-wide), give it the server's
    rights on `database` with `desk db grant-server-role` as the owner, and return its URL there."""
    admin = create_engine(postgres_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": SERVER_ROLE}).first() is None:
            connection.execute(text(f"CREATE ROLE {SERVER_ROLE} LOGIN"))
    admin.dispose()
    from desk.cli import main

    assert main(["--db", postgres_server.url(database), "db", "grant-server-role", SERVER_ROLE]) == 0
    return postgres_server.url(database).replace("//desk@", f"//{SERVER_ROLE}@")


def resources_with_test_catalog(folder: Path) -> Path:
    """The project's resources with the small test catalog in place of the real one."""
    folder.mkdir(parents=True, exist_ok=True)
    for entry in (REPO / "resources").iterdir():
        if entry.name != "catalog":
            (folder / entry.name).symlink_to(entry)
    (folder / "catalog").symlink_to(TEST_CATALOG)
    return folder


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class CityServer:
    """`desk server` in a subprocess; `client(device)` gives an HTTPS client that trusts the test CA."""

    def __init__(self, database_url: str, tls: TlsFiles, work: Path, *, resources: Path | None = None,
                 workers: int = 1, idle_minutes: int = 15) -> None:
        self.database_url, self.tls, self.work = database_url, tls, work
        self.port = free_port()
        self.base_url = f"https://127.0.0.1:{self.port}/api/v1"
        self.env = {**os.environ, "DESK_DATA_DIR": str(work / "server-data"), "PYTHONUNBUFFERED": "1"}
        if resources is not None:
            self.env["DESK_RESOURCES"] = str(resources)
        self.command = [sys.executable, "-m", "desk", "--db", database_url, "server", "--host", "127.0.0.1",
                        "--port", str(self.port), "--tls-cert", str(tls.server_cert), "--tls-key",
                        str(tls.server_key), "--keys-dir", str(work / "server-keys"), "--workers", str(workers),
                        "--idle-minutes", str(idle_minutes)]
        self.log = work / "server.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self.command, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                            cwd=self.work)
        deadline = time.monotonic() + timeout
        with httpx.Client(verify=self.ssl_context(), timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"desk server exited ({self.process.returncode}): {self.log.read_text()}")
                try:
                    if client.get(f"{self.base_url}/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"desk server not ready after {timeout} s: {self.log.read_text()}")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        self.process = None

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.tls.ca_cert))

    def client(self, device_id: str = "desk-01") -> ApiClient:
        return ApiClient(httpx.Client(base_url=self.base_url, verify=self.ssl_context(), timeout=30.0), device_id)


class ApiClient:
    """A desk's view of the API: signs in for its device and sends the token and device id each call."""

    def __init__(self, http: httpx.Client, device_id: str) -> None:
        self.http, self.device_id = http, device_id
        self.token: str | None = None

    def sign_in(self, username: str, password: str, kind: str = "desk") -> httpx.Response:
        response = self.http.post("/sessions", json={"username": username, "password": password,
                                                      "device_id": self.device_id, "kind": kind})
        if response.status_code == 200:
            self.token = response.json()["token"]
        return response

    def headers(self) -> dict[str, str]:
        headers = {"X-Desk-Device": self.device_id}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path, headers=self.headers())

    def post(self, path: str, body: dict[str, Any] | None = None) -> httpx.Response:
        return self.http.post(path, json=body or {}, headers=self.headers())

    def close(self) -> None:
        self.http.close()


@dataclass
class City:
    server: CityServer
    store: Store  # the test's own look at the database (audit entries, session rows)
    users: UserService
