"""Printers behind one small interface: a PDF file folder and CUPS (ESC/POS in escpos_printer).

`Printer.print_pdf(pdf, job_name, copies, media) -> JobResult` and `Printer.state() ->
PrinterState`. Both may block (a subprocess, a serial port): call them from a worker thread —
`printing.queue.PrintService` does — never from the GUI thread. A failed job is reported in
the result, not raised, so the queue can keep it and retry later.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Protocol, runtime_checkable


class PrinterStatus(StrEnum):
    READY = "ready"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    UNKNOWN = "unknown"  # no answer: never assume the printer is fine


_STATUS_TEXT = {
    PrinterStatus.READY: ("打印机就绪", "printer ready"),
    PrinterStatus.OFFLINE: ("打印机离线", "printer offline"),
    PrinterStatus.PAPER_OUT: ("打印机缺纸，请装纸", "printer out of paper"),
    PrinterStatus.COVER_OPEN: ("打印机盖未合上", "printer cover open"),
    PrinterStatus.UNKNOWN: ("打印机状态未知", "printer state unknown"),
}


@dataclass(frozen=True)
class PrinterState:
    status: PrinterStatus
    message_zh: str
    message_en: str
    detail: str = ""  # the raw answer (lpstat line, status bytes) for the log

    @classmethod
    def of(cls, status: PrinterStatus, detail: str = "", *, zh: str = "", en: str = "") -> PrinterState:
        default_zh, default_en = _STATUS_TEXT[status]
        return cls(status, zh or default_zh, en or default_en, detail)

    @property
    def ready(self) -> bool:
        return self.status is PrinterStatus.READY


@dataclass(frozen=True)
class JobResult:
    ok: bool
    state: PrinterState
    message_zh: str
    message_en: str
    reference: str | None = None  # CUPS request id, file path …
    uncertain: bool = False  # the printer took the job, but whether it came out is unknown


@runtime_checkable
class Printer(Protocol):
    name: str

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult: ...

    def state(self) -> PrinterState: ...


_MEDIABOX = re.compile(rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]")
_PT_PER_MM = 72 / 25.4


def pdf_page_size_mm(pdf: bytes) -> tuple[float, float] | None:
    """Width and height of the first page (reportlab writes the MediaBox uncompressed)."""
    match = _MEDIABOX.search(pdf)
    if not match:
        return None
    x0, y0, x1, y1 = (float(v) for v in match.groups())
    return (x1 - x0) / _PT_PER_MM, (y1 - y0) / _PT_PER_MM


def media_for_pdf(pdf: bytes) -> str | None:
    """The CUPS media name matching the PDF's page: "A4", or "Custom.80x142mm" for a roll."""
    size = pdf_page_size_mm(pdf)
    if size is None:
        return None
    width, height = size
    if abs(width - 210) < 1 and abs(height - 297) < 1:
        return "A4"
    return f"Custom.{round(width)}x{round(height + 0.49)}mm"


def _safe_name(text: str) -> str:
    cleaned = re.sub(r"[^\w.-]+", "_", text, flags=re.UNICODE).strip("_")
    return cleaned[:80] or "job"


class PdfFilePrinter:
    """Writes each job as a PDF into a folder: the embedded default, and the 'save as PDF' path."""

    def __init__(self, folder: Path, name: str = "pdf-file") -> None:
        self.folder = folder
        self.name = name

    def state(self) -> PrinterState:
        try:
            if not self.folder.exists():  # made owner-only; an administrator's existing folder is left as is
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.folder.chmod(0o700)
        except OSError as exc:
            return PrinterState.of(PrinterStatus.OFFLINE, str(exc), zh=f"无法创建输出文件夹：{exc}",
                                   en=f"cannot create the output folder: {exc}")
        if not os.access(self.folder, os.W_OK):
            return PrinterState.of(PrinterStatus.OFFLINE, str(self.folder), zh="输出文件夹不可写",
                                   en="output folder is not writable")
        return PrinterState.of(PrinterStatus.READY, str(self.folder))

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        state = self.state()
        if not state.ready:
            return JobResult(False, state, state.message_zh, state.message_en)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = self.folder / f"{stamp}-{_safe_name(job_name)}.pdf"
        tmp = target.with_suffix(".part")
        try:
            # Owner-only from the first byte: a printed paper carries a citizen's name and ID number.
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
                fh.write(pdf)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            return JobResult(False, PrinterState.of(PrinterStatus.OFFLINE, str(exc)),
                             f"保存PDF失败：{exc}", f"could not write the PDF: {exc}")
        return JobResult(True, state, f"已保存：{target.name}", f"saved: {target.name}", str(target))


class CupsPrinter:
    """A CUPS queue through the `lp` / `lpstat` commands (any CUPS server: `server` or CUPS_SERVER)."""

    def __init__(self, queue_name: str, *, server: str | None = None, name: str | None = None,
                 timeout: float = 30.0, env: dict[str, str] | None = None, follow_timeout: float = 120.0,
                 follow_interval: float = 0.25) -> None:
        self.queue_name = queue_name
        self.server = server
        self.name = name or queue_name
        self.timeout = timeout
        self._env = env
        # A job is followed (IPP job-state) until CUPS says how it ended, for at most this long.
        self.follow_timeout = follow_timeout
        self.follow_interval = follow_interval

    def _run(self, args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
        command = args[0]
        if shutil.which(command) is None:
            raise FileNotFoundError(command)
        server = ["-h", self.server] if self.server else []
        env = {**os.environ, **(self._env or {}), "LANG": "C", "LC_ALL": "C"}  # parse English output
        return subprocess.run([command, *server, *args[1:]], input=stdin, capture_output=True,
                              timeout=self.timeout, env=env, check=False)

    def state(self) -> PrinterState:
        try:
            proc = self._run(["lpstat", "-l", "-p", self.queue_name])
        except FileNotFoundError:
            return PrinterState.of(PrinterStatus.OFFLINE, "lpstat missing", zh="未安装CUPS客户端（lpstat）",
                                   en="CUPS client (lpstat) not installed")
        except subprocess.TimeoutExpired:
            return PrinterState.of(PrinterStatus.UNKNOWN, "lpstat timeout", zh="打印服务无响应",
                                   en="the print service does not answer")
        return parse_lpstat(self.queue_name, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                            proc.stderr.decode("utf-8", "replace"))

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-1024:]:
            return JobResult(False, PrinterState.of(PrinterStatus.UNKNOWN, "not a PDF"),
                             "打印数据为空或不是完整的PDF，未发送到打印机",
                             "the print data is empty or not a complete PDF; nothing was sent to the printer")
        state = self.state()
        if state.status in (PrinterStatus.OFFLINE, PrinterStatus.PAPER_OUT, PrinterStatus.COVER_OPEN):
            return JobResult(False, state, state.message_zh, state.message_en)
        args = ["lp", "-d", self.queue_name, "-n", str(max(1, copies)), "-t", job_name]
        media = media or media_for_pdf(pdf)
        if media:
            args += ["-o", f"media={media}"]
        try:
            proc = self._run([*args, "-"], stdin=pdf)
        except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
            return JobResult(False, PrinterState.of(PrinterStatus.UNKNOWN, str(exc)),
                             f"提交打印失败：{exc}", f"could not submit the job: {exc}")
        out = proc.stdout.decode("utf-8", "replace")
        match = re.search(r"request id is (\S+)", out)
        if proc.returncode != 0 or not match:
            err = proc.stderr.decode("utf-8", "replace").strip() or out.strip()
            return JobResult(False, self.state(), f"打印机拒绝了打印任务：{err}", f"the printer refused the job: {err}")
        return self.follow(match.group(1), state)

    def follow(self, request_id: str, state: PrinterState) -> JobResult:
        """Wait for CUPS to say how job `request_id` ended: "done" means completed with pages printed.

        Aborted, canceled, stopped, completed with errors or with no page are failures; a job still
        unfinished after `follow_timeout` is canceled and reported as uncertain (it may have printed)."""
        job_id = request_id.rsplit("-", 1)[-1]
        deadline = time.monotonic() + self.follow_timeout
        job_state, reasons, pages = "unknown", "", -1
        while True:
            job_state, reasons, pages = self.job_state(job_id)
            if job_state in _FINAL_JOB_STATES or time.monotonic() >= deadline:
                break
            time.sleep(self.follow_interval)
        if job_state == "untracked":  # no ipptool (Debian cups-ipp-utils): CUPS took the job, no more is known
            return JobResult(True, state, f"已发送到打印机 {self.name}", f"sent to printer {self.name}", request_id)
        if job_state == "completed" and "error" not in reasons and pages != 0:
            return JobResult(True, state, f"已在打印机 {self.name} 上打印完成", f"printed on {self.name}", request_id)
        if job_state not in ("completed", "aborted", "canceled"):
            self._cancel(job_id)  # a stopped or held job would come out later, after the clerk printed it again
        if job_state == "completed" and pages == 0:
            zh, en = "打印机报告未打印任何页面", "the printer reports that no page was printed"
        elif job_state == "completed":
            zh, en = f"打印完成但有错误（{reasons}）", f"the job completed with errors ({reasons})"
        elif job_state in _FINAL_JOB_STATES:
            zh = f"打印任务被打印服务终止（{job_state}：{reasons}）"
            en = f"the print service ended the job ({job_state}: {reasons})"
        else:
            return JobResult(False, self.state(),
                             f"打印机未在 {self.follow_timeout:g} 秒内完成（{job_state}），任务已取消；"
                             "可能已部分打印，请检查后再决定是否重试",
                             f"the printer did not finish within {self.follow_timeout:g} s ({job_state}); the job "
                             "was canceled and may have printed in part: check before retrying", request_id,
                             uncertain=True)
        return JobResult(False, self.state(), zh, en, request_id)

    def job_state(self, job_id: str) -> tuple[str, str, int]:
        """(job-state, job-state-reasons, job-impressions-completed or -1) through IPP Get-Job-Attributes."""
        with tempfile.NamedTemporaryFile("w", suffix=".test", encoding="utf-8") as test:
            test.write(_GET_JOB_TEST)
            test.flush()
            env = {**os.environ, **(self._env or {})}
            host = self.server or env.get("CUPS_SERVER") or "localhost"
            if host.startswith("/"):
                host = "localhost"  # a local socket: ipptool reaches the same scheduler through localhost
            try:
                proc = subprocess.run(["ipptool", "-T", str(max(1, int(self.timeout))), "-c", "-d", f"job_id={job_id}",
                                       f"ipp://{host}/printers/{self.queue_name}", test.name],
                                      capture_output=True, timeout=self.timeout, env={**env, "LC_ALL": "C"},
                                      check=False)
            except FileNotFoundError:
                return "untracked", "", -1
            except subprocess.TimeoutExpired:
                return "unknown", "", -1
        lines = proc.stdout.decode("utf-8", "replace").strip().splitlines()
        if proc.returncode != 0 or len(lines) < 2:
            return "unknown", "", -1
        values = dict(zip(lines[0].split(","), next(csv.reader([lines[-1]])), strict=False))
        pages = values.get("job-impressions-completed", "")
        return (values.get("job-state", "unknown"), values.get("job-state-reasons", ""),
                int(pages) if pages.isdigit() else -1)

    def _cancel(self, job_id: str) -> None:
        with contextlib.suppress(FileNotFoundError, subprocess.TimeoutExpired):
            self._run(["cancel", f"{self.queue_name}-{job_id}"])


_FINAL_JOB_STATES = frozenset({"untracked", "completed", "aborted", "canceled", "processing-stopped", "pending-held"})
_GET_JOB_TEST = """{
  NAME "job state"
  OPERATION Get-Job-Attributes
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR integer job-id $job_id
  ATTR keyword requested-attributes job-state,job-state-reasons,job-impressions-completed
  DISPLAY job-state
  DISPLAY job-state-reasons
  DISPLAY job-impressions-completed
}
"""


def parse_lpstat(queue_name: str, returncode: int, stdout: str, stderr: str) -> PrinterState:
    """Map `lpstat -l -p NAME` output to a state (alerts such as media-empty win over 'idle')."""
    detail = (stdout + stderr).strip()
    if returncode != 0 or f"printer {queue_name} " not in stdout:
        if "connect" in stderr.lower() or "server" in stderr.lower():
            return PrinterState.of(PrinterStatus.OFFLINE, detail, zh="无法连接打印服务（CUPS）",
                                   en="cannot reach the print service (CUPS)")
        return PrinterState.of(PrinterStatus.OFFLINE, detail, zh=f"找不到打印机 {queue_name}",
                               en=f"printer {queue_name} not found")
    alerts = " ".join(re.findall(r"Alerts:\s*(.*)", stdout)).lower()
    if "media-empty" in alerts or "media-needed" in alerts:
        return PrinterState.of(PrinterStatus.PAPER_OUT, detail)
    if "cover-open" in alerts or "door-open" in alerts:
        return PrinterState.of(PrinterStatus.COVER_OPEN, detail)
    if "disabled" in stdout.split("\n", 1)[0] or "offline" in alerts or "paused" in alerts:
        return PrinterState.of(PrinterStatus.OFFLINE, detail, zh="打印机已停用或离线", en="printer disabled or offline")
    return PrinterState.of(PrinterStatus.READY, detail)
