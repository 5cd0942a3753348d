"""The case lists' light rows over the city server (the Today screen's lists in one call, the due lists,
the filtered lists) equal the in-process ones on the same database — for a station's clerk, and for a
branch user whose lists are the branch's stations' merged."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from city_server import PASSWORD, City
from desk_fixtures import OLD_MAN, YOUNG_WOMAN

from desk.domain.clock import Clock
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import CaseState
from desk.paths import holidays_dir
from desk.remote.connection import Connection
from desk.remote.services import RemoteCases, RemoteDecisions, RemoteQueries
from desk.server.case_list_routes import merged
from desk.services.case_queries import CaseQueries

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LEADER_MATERIALS = ["booklet", "relationship_proof", "marriage_certificate"]
LEADER_VALUES = {"child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "married"}


@pytest.fixture
def connections(city: City) -> Iterator[dict[str, Connection]]:
    made = {name: Connection(city.server.base_url.removesuffix("/api/v1"), f"pc-rows-{name}",
                             str(city.server.tls.ca_cert)) for name in ("clerk", "clerk_nsc", "branch")}
    yield made
    for connection in made.values():
        connection.close()


def test_the_case_lists_over_the_server_equal_the_in_process_ones(city: City,
                                                                  connections: dict[str, Connection]) -> None:
    local = CaseQueries(city.store, WorkingCalendar.from_folder(holidays_dir()), Clock())
    for user in ("clerk", "clerk_nsc"):  # a draft, and an accepted case with its due date, at two stations
        connection = connections[user]
        actor = connection.sign_in(user, PASSWORD).actor
        RemoteCases(connection).open_draft(actor, YOUNG_WOMAN, "leader_item", LEADER_VALUES)
        draft = RemoteCases(connection).open_draft(actor, OLD_MAN, "leader_item", LEADER_VALUES)
        accepted = RemoteDecisions(connection).accept_and_issue(actor, draft.number, draft.version,
                                                                LEADER_MATERIALS).case
        assert accepted.state is CaseState.ACCEPTED and accepted.due_date is not None
    remote = RemoteQueries(connections["clerk"])
    lists = remote.today_lists("HP01")
    assert lists == local.today_lists("HP01")
    assert lists.drafts and {r.station_code for r in lists.drafts} == {"HP01"}
    assert remote.rows(station_code="HP01") == local.rows(station_code="HP01", limit=100)
    assert remote.rows(state=CaseState.ACCEPTED, limit=1, offset=0) == local.rows(
        station_code="HP01", state=CaseState.ACCEPTED, limit=1)
    # By applicant alone: the citizen's cases at every station (rows hold what a case summary shows).
    assert remote.rows(applicant_id_number=OLD_MAN) == local.rows(applicant_id_number=OLD_MAN, limit=100)
    assert {r.station_code for r in remote.rows(applicant_id_number=OLD_MAN)} == {"HP01", "HP02"}
    open_rows = 0
    for status in DueStatus:
        rows = remote.rows_by_due_status(status, "HP01")
        assert rows == local.rows_by_due_status(status, "HP01", limit=100)
        assert all(r.due_status is status for r in rows)
        open_rows += len(rows)
    assert open_rows >= 1
    branch = RemoteQueries(connections["branch"])
    connections["branch"].sign_in("branch", PASSWORD)
    assert branch.today_lists("HPFJ") == merged([local.today_lists(code) for code in ("HP01", "HP02", "HPFJ")], 200)
    assert {r.station_code for r in branch.today_lists("HPFJ").drafts} == {"HP01", "HP02"}
