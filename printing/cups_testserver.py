"""A real, private CUPS server with a cups-pdf printer, for tests and demos.

Starts `cupsd -f` with its own ServerRoot, spool, cache, state and logs in a temporary folder,
listening on a free loopback port (and a private socket); one printer, `deskpdf`, whose device
is the cups-pdf backend. Clients reach it with `CUPS_SERVER=127.0.0.1:PORT` or `lp -h`.

Two constraints come from cups-pdf, not from us: its backend runs only as root (cupsd runs a
0700 backend as root only when cupsd itself is root), and it reads its configuration from the
fixed folder /etc/cups. So the server writes `/etc/cups/cups-pdf-<unique>.conf` (output folder
inside the temporary folder) and removes it on stop; the printer's device URI names that file.
`unavailable_reason()` says why the server cannot run here, so a test can skip *with a reason*.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

CUPSD = "/usr/sbin/cupsd"
CUPS_PDF_BACKEND = "/usr/lib/cups/backend/cups-pdf"
CUPS_PDF_CONFIG_DIR = Path("/etc/cups")
PPD_CANDIDATES = (
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"),
)
_counter = itertools.count(1)


def unavailable_reason() -> str | None:
    """None if a private cupsd with cups-pdf can run here, else the reason (for pytest.skip)."""
    if os.geteuid() != 0:
        return "the cups-pdf backend runs only as root (cupsd must be started as root)"
    for path, package in ((CUPSD, "cups-daemon"), (CUPS_PDF_BACKEND, "printer-driver-cups-pdf")):
        if not Path(path).exists():
            return f"{path} missing (Debian package {package})"
    if not any(p.exists() for p in PPD_CANDIDATES):
        return "cups-pdf PPD missing (Debian package printer-driver-cups-pdf)"
    for tool in ("lp", "lpstat", "cupsdisable", "cupsenable"):
        if shutil.which(tool) is None:
            return f"{tool} missing (Debian packages cups-client, cups-bsd)"
    if not os.access(CUPS_PDF_CONFIG_DIR, os.W_OK):
        return f"{CUPS_PDF_CONFIG_DIR} not writable (cups-pdf reads its configuration only there)"
    return None


def cupsd_version() -> str:
    """The installed cups-daemon package's version, for error messages ("cupsd" if unknown)."""
    try:
        proc = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "cups-daemon"], capture_output=True,
                              text=True, timeout=10, check=False)
    except OSError:
        return "cupsd"
    return f"cups-daemon {proc.stdout.strip()}" if proc.returncode == 0 and proc.stdout.strip() else "cupsd"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class CupsTestServer:
    """Context manager: a running private cupsd with the printer `printer_name` (cups-pdf)."""

    def __init__(self, base_dir: Path | None = None, printer_name: str = "deskpdf") -> None:
        self._owns_dir = base_dir is None  # a folder we made is removed on stop
        self.base_dir = Path(base_dir or tempfile.mkdtemp(prefix="desk-cups-"))
        self.printer_name = printer_name
        self.port = _free_port()
        self.config_name = f"desktest{os.getpid()}n{next(_counter)}"
        self.output_dir = self.base_dir / "out"
        self._conf = self.base_dir / "conf"
        self._cups_pdf_conf = CUPS_PDF_CONFIG_DIR / f"cups-pdf-{self.config_name}.conf"
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def server(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {"CUPS_SERVER": self.server}

    def _write_config(self) -> None:
        base = self.base_dir
        os.chmod(base, 0o755)  # filters run as user lp and must reach the spool
        for parent in base.resolve().parents:
            if not parent.stat().st_mode & 0o001:
                raise RuntimeError(
                    f"{parent} is not searchable by other users: CUPS filters (user lp) cannot reach "
                    f"{base}; put the server in a folder such as one made by tempfile.mkdtemp()"
                )
        for sub in ("conf/ppd", "spool/tmp", "cache", "state", "log", "out", "cups-pdf-spool"):
            (base / sub).mkdir(parents=True, exist_ok=True)
        (self._conf / "cups-files.conf").write_text(
            f"ServerRoot {self._conf}\nRequestRoot {base}/spool\nTempDir {base}/spool/tmp\n"
            f"CacheDir {base}/cache\nStateDir {base}/state\nAccessLog {base}/log/access_log\n"
            f"ErrorLog {base}/log/error_log\nPageLog {base}/log/page_log\n"
            # Printcap needs a value on current cupsd (2.4.2-3+deb12u10 refuses a bare line); a file
            # in our own folder keeps the system's /run/cups/printcap free of the test printer.
            f"User lp\nGroup lp\nSystemGroup root\nFileDevice No\nPrintcap {base}/printcap\n",
            encoding="utf-8",
        )
        (self._conf / "cupsd.conf").write_text(
            f"LogLevel warn\nListen 127.0.0.1:{self.port}\nListen {base}/cups.sock\n"
            "Browsing No\nWebInterface No\nDefaultAuthType None\nIdleExitTimeout 0\n"
            "<Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n  Allow from @LOCAL\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
            encoding="utf-8",
        )
        ppd = next(p for p in PPD_CANDIDATES if p.exists())
        shutil.copy(ppd, self._conf / "ppd" / f"{self.printer_name}.ppd")
        printers = self._conf / "printers.conf"
        printers.write_text(
            f"<Printer {self.printer_name}>\nInfo Station Desk test PDF printer\n"
            f"DeviceURI cups-pdf:/{self.config_name}\nState Idle\nStateTime {int(time.time())}\n"
            "Accepting Yes\nShared No\n</Printer>\n",
            encoding="utf-8",
        )
        os.chmod(printers, 0o600)
        self._cups_pdf_conf.write_text(
            f"Out {self.output_dir}\nAnonDirName {self.output_dir}\nSpool {base}/cups-pdf-spool\n"
            f"Log {base}/log\nUserUMask 0022\nLabel 1\n",
            encoding="utf-8",
        )

    def start(self, timeout: float = 15.0) -> CupsTestServer:
        reason = unavailable_reason()
        if reason:
            raise RuntimeError(f"cannot start a private CUPS server: {reason}")
        self._write_config()
        self._check_config()
        self._process = subprocess.Popen(
            [CUPSD, "-f", *self._config_args()], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                err = self._process.stderr.read().decode("utf-8", "replace") if self._process.stderr else ""
                self.stop()
                raise RuntimeError(f"cupsd exited: {err.strip()} (log: {self.error_log()})")
            if "is running" in self._lpstat("-r") and self.printer_name in self._lpstat("-p"):
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"cupsd did not come up within {timeout} s")

    def _config_args(self) -> list[str]:
        return ["-c", str(self._conf / "cupsd.conf"), "-s", str(self._conf / "cups-files.conf")]

    def _check_config(self) -> None:
        """`cupsd -t` first, so a configuration this cupsd refuses names itself (file, line, version)."""
        proc = subprocess.run([CUPSD, "-t", *self._config_args()], capture_output=True, text=True,
                              timeout=30, check=False, env={**os.environ, "LANG": "C", "LC_ALL": "C"})
        if proc.returncode != 0:
            said = (proc.stderr + proc.stdout).strip()
            self.stop()
            raise RuntimeError(f"cupsd refuses the test server's configuration ({cupsd_version()}): {said}")

    def _lpstat(self, *args: str) -> str:
        proc = subprocess.run(["lpstat", "-h", self.server, *args], capture_output=True, text=True,
                              timeout=10, check=False, env={**os.environ, "LANG": "C", "LC_ALL": "C"})
        return proc.stdout

    def error_log(self) -> str:
        path = self.base_dir / "log" / "error_log"
        return path.read_text(encoding="utf-8", errors="replace")[-4000:] if path.exists() else ""

    def set_enabled(self, enabled: bool) -> None:
        """Disable (stop) or enable the printer — how the tests make it 'offline'."""
        tool = "cupsenable" if enabled else "cupsdisable"
        subprocess.run([tool, "-h", self.server, self.printer_name], check=True, capture_output=True, timeout=10)

    def clear_output(self) -> None:
        for path in self.output_dir.rglob("*.pdf"):
            path.unlink()

    def wait_for_output(self, count: int = 1, timeout: float = 30.0) -> list[Path]:
        """Wait until every job is finished and `count` PDFs are in the output folder."""
        deadline = time.monotonic() + timeout
        idle_since: float | None = None
        while time.monotonic() < deadline:
            done = not self._lpstat("-W", "not-completed", "-o").strip()
            files = sorted(self.output_dir.rglob("*.pdf"))
            if done and len(files) >= count:
                return files
            idle_since = (idle_since or time.monotonic()) if done else None
            if idle_since is not None and time.monotonic() - idle_since > 3:
                break  # every job has finished and the files are not there: a job failed
            time.sleep(0.1)
        raise TimeoutError(f"{count} PDF(s) expected in {self.output_dir}; log: {self.error_log()}")

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            if self._process.stderr:
                self._process.stderr.close()
            self._process = None
        self._cups_pdf_conf.unlink(missing_ok=True)
        if self._owns_dir:
            shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> CupsTestServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
