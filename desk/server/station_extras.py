"""The use cases the hall and the law add to a station — “一件事” bundles, 注销公告, the legal clocks,
连锁变更 follow-ups, 差评 follow-ups — built per call for the station the rights allow (they hold no
state between calls; the bundles' data is read once), on the station's own case and paper services.

And the scope every one of their routes checks: the station a record belongs to must be the caller's
(or, for a branch user, one of its branch's), else the call is refused and audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from desk.domain.bundles import Bundles
from desk.server.context import Server
from desk.services.bundles import BundleService
from desk.services.chain_follow_ups import ChainFollowUpService
from desk.services.clocks import LegalClocks
from desk.services.followups import FollowUpService
from desk.services.public_notices import PublicNoticeService
from desk.services.rights import Caller, Refused
from desk.shipped import shipped_bundles


@dataclass
class StationExtras:
    server: Server
    bundle_catalog: Bundles

    @classmethod
    def of(cls, server: Server) -> StationExtras:
        return cls(server, shipped_bundles(server.catalog))

    def bundles(self, station_code: str) -> BundleService:
        window = self.server.window
        at = window.at(station_code)
        return BundleService(window.store, window.catalog, self.bundle_catalog, at.cases, at.documents,
                             window.clock, station_code)

    def notices(self, station_code: str) -> PublicNoticeService:
        window = self.server.window
        at = window.at(station_code)
        return PublicNoticeService(window.store, window.catalog, at.cases, at.documents, window.clock, station_code)

    def clocks(self, station_code: str) -> LegalClocks:
        window = self.server.window
        return LegalClocks(window.store, window.calendar, window.clock, station_code)

    def follow_ups(self, station_code: str) -> FollowUpService:
        window = self.server.window
        return FollowUpService(window.store, window.catalog, window.calendar, window.clock, station_code)

    def chain_follow_ups(self, station_code: str) -> ChainFollowUpService:
        window = self.server.window
        return ChainFollowUpService(window.store, window.clock, window.at(station_code).documents)


def require_station(server: Server, caller: Caller, action: str, station_code: str | None) -> None:
    """The caller may make this kind of call, on a record of this station (None: no such record — the
    use case then says "not found")."""
    server.rights.require(caller, action)
    if station_code is None:
        return
    with server.store.read() as session:
        if not server.rights.may_see_station(session, caller, station_code):
            raise Refused.say("server.other_station", code="other_station", station=station_code)
