"""What a server process needs to know, passed from `desk server` to each worker process as JSON."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

CONFIG_ENV = "DESK_SERVER_CONFIG"


@dataclass(frozen=True)
class ServerConfig:
    database_url: str
    keys_dir: str
    idle_minutes: int = 15
    verify_url: str = ""
    anchors_dir: str = ""  # the daily audit anchors (desk/server/anchors.py); empty: none written

    def to_environment(self) -> None:
        """Hand the configuration to uvicorn's worker processes (they import the app by name)."""
        os.environ[CONFIG_ENV] = json.dumps(asdict(self))

    @classmethod
    def from_environment(cls) -> ServerConfig:
        text = os.environ.get(CONFIG_ENV)
        if not text:
            raise RuntimeError(f"{CONFIG_ENV} is not set: start the server with `desk server`")
        return cls(**json.loads(text))
