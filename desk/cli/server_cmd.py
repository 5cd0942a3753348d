"""`desk server`: run the city server (docs/city.md) — the API over HTTPS in front of PostgreSQL.

The schema is checked once here, before any worker starts: a PostgreSQL schema behind the code stops
the server with an error naming `desk db upgrade` (run by an administrator as the owner role — the
server never migrates a shared database); the workers (uvicorn) import the app through
`desk.server.app:app_from_environment` with the configuration handed over as JSON.
"""

from __future__ import annotations

import argparse
import ipaddress
import ssl
import sys
from pathlib import Path
from typing import Any

from desk.domain.errors import InvalidInput


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("server", help="run the city server (HTTPS API in front of PostgreSQL)")
    # SUPPRESS: the global --db stays in force unless given here too.
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="database URL (default: DESK_DATABASE_URL); the server alone holds it")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8443)
    parser.add_argument("--tls-cert", type=Path, help="the server's certificate chain (PEM)")
    parser.add_argument("--tls-key", type=Path, help="the server's private key (PEM)")
    parser.add_argument("--tls-ca", type=Path,
                        help="require client certificates issued by this CA (PEM): mutual TLS with the desks")
    parser.add_argument("--no-tls", action="store_true",
                        help="plain HTTP on a loopback address, for a TLS-terminating proxy in front")
    parser.add_argument("--keys-dir", type=Path, help="certificate signing keys (default: the data folder's keys)")
    parser.add_argument("--anchors-dir", type=Path,
                        help="where the server writes the daily audit anchor (default: the data folder's anchors)")
    parser.add_argument("--idle-minutes", type=int, default=15, help="a session ends after this long idle")
    parser.add_argument("--verify-url", default="", help="verification address printed around certificate QRs")
    parser.add_argument("--workers", type=int, default=1, help="server processes (uvicorn workers)")
    parser.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"])
    parser.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    from desk.extras import require_extra

    require_extra("uvicorn", "server", "feature.city_server")
    import uvicorn

    from desk.cli.common import settings_from_args
    from desk.paths import data_dir
    from desk.server.config import ServerConfig
    from desk.store.database import Store, default_database_url, redact_url

    tls = _tls_options(args)
    # --db, else database_url from the settings layers (/etc/station-desk/settings.toml, DESK_DATABASE_URL …).
    url = args.db or settings_from_args(args).database_url or default_database_url()
    if args.idle_minutes < 1 or args.workers < 1:
        raise InvalidInput.say("server.at_least_one")
    store = Store(url)  # checks the schema once, before the workers start (never migrates PostgreSQL)
    store.dispose()
    config = ServerConfig(database_url=url, keys_dir=str(args.keys_dir or data_dir() / "keys"),
                          idle_minutes=args.idle_minutes, verify_url=args.verify_url,
                          anchors_dir=str(args.anchors_dir or data_dir() / "anchors"))
    config.to_environment()
    scheme = "http" if args.no_tls else "https"
    print(f"desk server: {scheme}://{args.host}:{args.port}/api/v1 → {redact_url(url)}", file=sys.stderr, flush=True)
    uvicorn.run("desk.server.app:app_from_environment", factory=True, host=args.host, port=args.port,
                workers=args.workers, log_level=args.log_level, **tls)
    return 0


def _tls_options(args: argparse.Namespace) -> dict[str, Any]:
    if args.no_tls:
        if not _is_loopback(args.host):
            raise InvalidInput.say("server.plain_http_on_loopback")
        return {}
    if args.tls_cert is None or args.tls_key is None:
        raise InvalidInput.say("server.tls_files_needed")
    for path in (args.tls_cert, args.tls_key, args.tls_ca):
        if path is not None and not path.is_file():
            raise InvalidInput.say("file.not_found", path=str(path))
    options: dict[str, Any] = {"ssl_certfile": str(args.tls_cert), "ssl_keyfile": str(args.tls_key)}
    if args.tls_ca is not None:
        options |= {"ssl_ca_certs": str(args.tls_ca), "ssl_cert_reqs": ssl.CERT_REQUIRED}
    return options


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
