"""A process killed right after an acceptance (SIGKILL, no clean-up) loses neither the case nor its audit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from desk_fixtures import CATALOG, OLD_MAN, Desk


def test_killed_process_keeps_accepted_case_and_audit(desk: Desk) -> None:
    url = desk.core.store.url
    clerk_id = desk.clerk.user_id
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from desk.core import Core
        from desk.domain.catalog_loader import load_catalog
        from desk.domain.clock import Clock
        from desk.domain.workdays import WorkingCalendar
        from desk.domain.workflow import Actor, Role
        from desk.settings import Settings
        from desk.store.database import Store
        core = Core(Store({url!r}), load_catalog(Path({str(CATALOG)!r})), WorkingCalendar(), Clock(),
                    Settings(station_code="HP01"))
        clerk = Actor({clerk_id}, Role.CLERK)
        case = core.cases.open_draft(clerk, {OLD_MAN!r}, "spot_item",
                                     {{"lost": False, "contact_phone": "13912345678"}})
        case = core.cases.accept(clerk, case.number, case.version, ["id_card"])
        print(case.number, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            cwd=Path(__file__).resolve().parents[2], env=os.environ.copy())
    assert result.returncode == -signal.SIGKILL, result.stderr
    number = result.stdout.strip()
    case = desk.core.queries.get(number)
    assert case.state.value == "accepted" and [m.key for m in case.materials] == ["id_card"]
    from desk.services import audit

    with desk.core.store.read() as session:
        assert audit.verify(session).ok
