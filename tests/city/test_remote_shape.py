"""The screens do not know whether they run in-process or in city mode: every use case a desk screen
calls exists on the city-mode core (desk/remote/core.py) with the same parameters as in-process.

The list below is checked against the screens' source, so a screen that starts calling another use
case fails here until the remote side offers it."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from desk.core import Core, build_core, is_city_mode
from desk.domain.errors import DeskError, NotFound
from desk.remote.core import RemoteCore
from desk.settings import Settings

REPO = Path(__file__).resolve().parents[2]
# (service, method) a desk screen calls — directly as core.X.Y(…) or through a local name.
SCREEN_CALLS = {
    ("cases", "open_draft"), ("cases", "save_draft"),
    ("citizens", "record_face_check"), ("citizens", "register_card"), ("citizens", "search"), ("citizens", "view"),
    ("decisions", "accept_and_complete"), ("decisions", "accept_and_route"), ("decisions", "accept_and_issue"),
    ("decisions", "act_and_issue"), ("decisions", "refuse_and_issue"), ("decisions", "supplement_and_issue"),
    ("documents", "papers_for"), ("documents", "station_info"), ("documents", "station_of"),
    ("documents", "case_document"),
    ("queries", "by_due_status"), ("queries", "get"), ("queries", "list"), ("queries", "usage_counts"),
    ("queries", "today_lists"), ("queries", "rows"), ("queries", "rows_by_due_status"),
    ("queries", "by_lookup_code"),
    ("queue", "call_next"), ("queue", "finish"), ("queue", "waiting"), ("queue", "counters"),
    ("queue", "recall"), ("queue", "no_show"), ("queue", "transfer"), ("queue", "link_case"),
    ("reports", "daily"), ("users", "sign_in"),
    ("online", "ask_supplement"), ("online", "book_visit"), ("online", "decide_online"), ("online", "open"),
    ("online", "open_at_counter"), ("online", "queue"), ("online", "upload_data"), ("online", "waiting_for"),
    ("bundles", "start_and_accept"), ("bundles", "set_follow_up"), ("bundles", "paper"), ("bundles", "for_case"),
    ("bundles", "with_open_follow_ups"), ("bundles", "start"), ("bundles", "accept_and_issue"), ("bundles", "get"),
    ("clocks", "deemed_accepted"), ("clocks", "notices"), ("clocks", "expiring_permits"),
    ("clocks", "deemed_acceptance_of"),
    ("notices", "for_case"), ("notices", "publish"), ("notices", "decide"), ("notices", "reprint"),
    ("chain_follow_ups", "tracked"), ("chain_follow_ups", "mark"),
    ("follow_ups", "overview"), ("follow_ups", "monthly"), ("follow_ups", "get"), ("follow_ups", "record"),
    ("follow_ups", "assign"), ("follow_ups", "counts"), ("follow_ups", "platform_export"), ("follow_ups", "owners"),
    ("ratings", "subject"), ("ratings", "rate"), ("ratings", "open_follow_ups"), ("kiosks", "kiosks"),
    ("user_photos", "photo"),
}
LOCAL = {"catalog", "clock", "bundle_catalog", "chain_rules"}  # shipped data on the desk in both modes
# Support-only use cases no screen calls: on a desk in city mode they say "not available in city mode"
# (docs/city.md), so a call cannot reach the database by another way.
SUPPORT_ONLY = {"keys", "verifications", "store", "build_demo_data"}
# Screen calls the city server does not serve yet (the screen must then expect "not in city mode" and
# do without; docs/city.md). None now: each one served is moved to SCREEN_CALLS.
NOT_YET_SERVED: set[tuple[str, str]] = set()


# The screenshot tour builds its own in-process demo station (SQLite) and feeds it kiosks and ratings.
IN_PROCESS_ONLY = {"screenshot_tour.py"}


def screen_sources_each() -> list[str]:
    return [path.read_text(encoding="utf-8") for folder in ("desk/ui", "desk/forms")
            for path in sorted((REPO / folder).rglob("*.py")) if path.name not in IN_PROCESS_ONLY]


def screen_sources() -> str:
    return "\n".join(screen_sources_each())


def test_every_direct_call_of_the_screens_is_listed() -> None:
    # Called there, or handed to the task runner to call (`runner.run(core.follow_ups.owners, …)`), or
    # through a local name (`queries = context.core.queries` … `queries.by_lookup_code(code)`).
    sources = screen_sources()
    direct = set(re.findall(r"core\.([a-z_]+)\.([a-z_]+)\(", sources))
    direct |= set(re.findall(r"\.run\([\w.]*core\.([a-z_]+)\.([a-z_]+)\s*[,)]", sources))
    for source in screen_sources_each():
        for name, service in re.findall(r"^\s*(\w+)\s*=\s*[\w.]*core\.([a-z_]+)\s*$", source, re.M):
            direct |= {(service, method) for method in re.findall(rf"\b{name}\.([a-z_]+)\(", source)}
    assert {(service, method) for service, method in direct
            if service not in LOCAL} <= SCREEN_CALLS | NOT_YET_SERVED


@pytest.mark.parametrize("service", sorted(SUPPORT_ONLY))
def test_a_support_only_use_case_says_so_in_city_mode(service: str) -> None:
    core = build_core(settings=Settings(server_url="https://desk.city.example:8443", device_id="pc-7"))
    try:
        with pytest.raises(DeskError) as refused:
            getattr(core, service)
        assert refused.value.code == "not_in_city_mode"
    finally:
        core.close()


@pytest.mark.parametrize(("service", "method"), sorted(SCREEN_CALLS))
def test_the_remote_use_case_has_the_in_process_parameters(service: str, method: str) -> None:
    local_func, remote_func = getattr(Core, service).func, getattr(RemoteCore, service).func
    local = _resolve(inspect.signature(local_func).return_annotation, local_func.__module__)
    remote = _resolve(inspect.signature(remote_func).return_annotation, remote_func.__module__)
    assert hasattr(remote, method), f"{remote.__name__} lacks {method}"
    expected = inspect.signature(getattr(local, method))
    actual = inspect.signature(getattr(remote, method))
    assert [(p.name, p.kind, p.default) for p in actual.parameters.values()] == \
        [(p.name, p.kind, p.default) for p in expected.parameters.values()], f"{service}.{method}"


def _resolve(annotation: object, module: str) -> type:
    if isinstance(annotation, type):
        return annotation
    import importlib

    return getattr(importlib.import_module(module), str(annotation))


def test_city_mode_is_a_setting_and_opens_no_database(tmp_path: Path) -> None:
    core = build_core(settings=Settings(server_url="https://desk.city.example:8443", device_id="pc-7"))
    assert is_city_mode(core)
    with pytest.raises(NotFound):  # before sign-in the station is not known; nothing was sent
        core.documents.station_info()
    for local_only in ("store", "keys"):  # no database, no keys on a city desk
        with pytest.raises(DeskError) as refused:
            getattr(core, local_only)
        assert refused.value.code == "not_in_city_mode"
    core.close()


def test_storing_a_clerks_photo_says_it_is_done_on_the_server_in_city_mode() -> None:
    core = build_core(settings=Settings(server_url="https://desk.city.example:8443", device_id="pc-7"))
    try:
        with pytest.raises(DeskError) as refused:  # nothing is sent: the command runs on the server machine
            core.user_photos.set_photo("clerk", b"\x89PNG", file_name="clerk.png")
        assert refused.value.code == "not_in_city_mode" and "desk user photo" in refused.value.message_zh
    finally:
        core.close()
