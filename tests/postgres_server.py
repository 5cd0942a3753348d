"""A real PostgreSQL server for the test run: a private cluster in a temporary folder, on loopback
and a free port, started once per session and removed at the end.

`initdb` refuses to run as root, so as root the cluster belongs to the `postgres` system user.
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    pg_config = shutil.which("pg_config")
    if pg_config:
        path = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True).stdout.strip())
        if (path / "initdb").exists():
            return path
    raise PostgresUnavailable("PostgreSQL server binaries not found: install the Debian package 'postgresql'")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="desk-pg-"))
        self.datadir = self.root / "data"
        self.port = _free_port()
        self.user = "postgres" if os.geteuid() == 0 else None

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)

    def start(self) -> None:
        if self.user:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, self.user)
        result = self._run("initdb", "-D", str(self.datadir), "-U", "desk", "-A", "trust", "-E", "UTF8",
                           "--locale=C.UTF-8", "--no-sync")
        if result.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {result.stderr.strip()}")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
        result = self._run("pg_ctl", "-D", str(self.datadir), "-o", options, "-l", str(self.root / "log"),
                           "-w", "-t", "60", "start")
        if result.returncode != 0:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise PostgresUnavailable(f"pg_ctl start failed: {result.stderr.strip()} {log[-2000:]}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise PostgresUnavailable("PostgreSQL did not start listening")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://desk@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, *, template: str) -> str:
        """A new database copied from `template` (an upgraded empty schema: quick); returns its URL."""
        from sqlalchemy import create_engine, text

        admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        finally:
            admin.dispose()
        return self.url(name)

    def restart(self) -> None:
        """Stop (fast: every backend is told and its connection closed) and start again on the same port,
        as an administrator's `systemctl restart postgresql` does; returns when it accepts connections."""
        result = self._run("pg_ctl", "-D", str(self.datadir), "-m", "fast", "-w", "-t", "60",
                           "-l", str(self.root / "log"), "restart")
        if result.returncode != 0:
            raise PostgresUnavailable(f"pg_ctl restart failed: {result.stderr.strip()}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.datadir), "-m", "immediate", "-w", "stop")
        # Removed when the test process ends, outside the last test's time limit: thousands of files
        # of cloned databases can take minutes to unlink on a busy disk.
        atexit.register(shutil.rmtree, self.root, ignore_errors=True)
