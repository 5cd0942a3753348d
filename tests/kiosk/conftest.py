"""Kiosk tests: the `desk` fixture for the service test; the kiosk's own fixtures live in kiosk_fixtures."""

from desk_fixtures import desk  # noqa: F401  (registers the fixture)
