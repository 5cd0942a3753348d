"""The city server's systemd unit keeps the server role's database password out of the world-readable
settings file: it reads DESK_DATABASE_URL from a root-only environment file, and says so."""

from __future__ import annotations

from pathlib import Path

UNIT = Path(__file__).resolve().parents[2] / "deploy" / "station-desk-server.service"


def service_section() -> list[tuple[str, str]]:
    """(key, value) of the unit's [Service] lines, continuation lines joined."""
    items: list[tuple[str, str]] = []
    section = ""
    for raw in UNIT.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif section == "Service" and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            items.append((key.strip(), value.strip()))
    return items


def test_the_database_url_comes_from_a_root_only_environment_file() -> None:
    items = service_section()
    assert ("EnvironmentFile", "/etc/station-desk/server.env") in items
    # Nothing in the unit puts the URL on the command line (visible to every user in the process list).
    exec_start = " ".join(value for key, value in items if key == "ExecStart")
    assert "--db" not in exec_start and "postgresql://" not in exec_start
    comments = "\n".join(line for line in UNIT.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    assert "chmod 600" in comments and "database_url;" not in comments
