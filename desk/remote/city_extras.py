"""The hall's and the law's use cases on the city-mode core (`RemoteCore` takes them from here): the
“一件事” bundles, the legal clocks, 注销公告, chained-change follow-ups, 一次一评 at the counter, 差评
follow-ups, the kiosk-status list and the clerk's photo on the evaluator — each over the city server,
with the in-process names."""

from __future__ import annotations

from functools import cached_property

from desk.domain.bundles import Bundles
from desk.domain.catalog import Catalog
from desk.domain.chained_changes import ChainRules, load_chain_rules
from desk.paths import resources_dir
from desk.remote.bundles import RemoteBundles, RemoteChainFollowUps, RemoteClocks, RemoteNotices
from desk.remote.connection import Connection
from desk.remote.hall import RemoteFollowUps, RemoteKiosks, RemoteRatings, RemoteUserPhotos


class CityExtras:
    """Mixed into `RemoteCore`, which supplies `connection`, `catalog` and `bundle_catalog`."""

    connection: Connection
    catalog: Catalog

    @property
    def bundle_catalog(self) -> Bundles:  # RemoteCore's: the shipped bundles
        raise NotImplementedError

    @cached_property
    def bundles(self) -> RemoteBundles:
        return RemoteBundles(self.connection, self.bundle_catalog)

    @cached_property
    def clocks(self) -> RemoteClocks:
        return RemoteClocks(self.connection)

    @cached_property
    def notices(self) -> RemoteNotices:
        return RemoteNotices(self.connection)

    @cached_property
    def chain_follow_ups(self) -> RemoteChainFollowUps:
        return RemoteChainFollowUps(self.connection)

    @cached_property
    def chain_rules(self) -> ChainRules:
        """公民信息连锁变更's rules: shipped data, read here like the catalog (the case view asks which
        transactions have chained changes)."""
        return load_chain_rules(resources_dir() / "chains" / "identity_changes.toml")

    @cached_property
    def ratings(self) -> RemoteRatings:
        return RemoteRatings(self.connection)

    @cached_property
    def follow_ups(self) -> RemoteFollowUps:
        return RemoteFollowUps(self.connection)

    @cached_property
    def kiosks(self) -> RemoteKiosks:
        return RemoteKiosks(self.connection)

    @cached_property
    def user_photos(self) -> RemoteUserPhotos:
        """The clerk's photo the evaluator shows (reading only; storing one is done on the server)."""
        return RemoteUserPhotos(self.connection)
