"""Test-wide setup: Qt offscreen, every path of the app redirected to a temporary folder."""

from __future__ import annotations

import os
import tempfile

# Qt aborts the whole process without a display unless told to render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may touch the user's real data directory.
os.environ["DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="desk-test-data-")
os.environ.pop("DESK_DATABASE_URL", None)
