"""The real server writes the day's audit anchor, tagged with the audit key, into its anchors folder
outside the database while it serves (desk/server/anchors.py) — under the server role, with the key the
owner made (`desk audit key create`), and `desk audit verify --anchor` accepts it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from city_server import CityServer, make_test_ca, resources_with_test_catalog, server_role_url
from postgres_server import PostgresServer

from desk.cli import main
from desk.domain.clock import Clock

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def keyed_city(postgres_server: PostgresServer, postgres_template: str,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CityServer, str]]:
    work = tmp_path_factory.mktemp("anchored-city")
    name = f"desk_anchored_{work.name.replace('-', '_')}"
    owner_url = postgres_server.create_database(name, template=postgres_template)
    # The owner keys the chain in the server's keys folder; the server, under its role, finds the same key.
    assert main(["--db", owner_url, "audit", "--keys", str(work / "server-keys"), "key", "create"]) == 0
    server = CityServer(server_role_url(postgres_server, name), make_test_ca(work / "tls"), work,
                        resources=resources_with_test_catalog(work / "resources"))
    server.start()
    yield server, owner_url
    server.stop()


def test_the_server_writes_the_day_s_anchor(keyed_city: tuple[CityServer, str],
                                            capsys: pytest.CaptureFixture[str]) -> None:
    server, owner_url = keyed_city
    anchor = server.work / "server-data" / "anchors" / f"daily-anchor-{Clock().today().isoformat()}.json"
    for _ in range(600):  # the server writes it as it starts (waiting, not a timing assertion)
        if anchor.exists():
            break
        time.sleep(0.1)
    written = json.loads(anchor.read_text(encoding="utf-8"))
    assert written["tag"] and len(written["hash"]) == 64
    capsys.readouterr()
    assert main(["--db", owner_url, "audit", "--keys", str(server.work / "server-keys"), "verify", "--anchor",
                 str(anchor), "--json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out[out.index("{"):])
    assert result["ok"] and result["keyed"] and result["anchors_checked"] == 1
