"""网上办 tests: the online use cases on SQLite and PostgreSQL with the shipped catalog (its
`online = "full"` 户籍证明), the citizen web page against a real server process in a real browser."""

import sys
from pathlib import Path

# The tests share data through online_samples.py next to this file (import mode importlib: no packages).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import browser, online_city  # noqa: F401  (registers the fixtures)
from desk_fixtures import desk  # noqa: F401  (registers the fixture)
