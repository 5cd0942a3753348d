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
    parser = subparsers.add_parser("server", help="运行城市服务器（PostgreSQL 之前的 HTTPS 接口）/"
                                                  " run the city server (HTTPS API in front of PostgreSQL)")
    # SUPPRESS: the global --db stays in force unless given here too.
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="数据库地址（默认 DESK_DATABASE_URL），只有服务器持有 /"
                             " database URL (default: DESK_DATABASE_URL)")
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）/"
                                                            " address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8443, help="端口（默认 8443）/ port (default 8443)")
    parser.add_argument("--tls-cert", type=Path, help="服务器证书链（PEM，由城市 CA 签发）/"
                                                      " the server's certificate chain (PEM)")
    parser.add_argument("--tls-key", type=Path, help="服务器私钥（PEM）/ the server's private key (PEM)")
    parser.add_argument("--tls-ca", type=Path,
                        help="要求窗口机出示此 CA 签发的客户端证书（双向 TLS）/"
                             " require client certificates issued by this CA")
    parser.add_argument("--no-tls", action="store_true",
                        help="仅本机回环地址用 HTTP，前面另有 TLS 代理 / plain HTTP on loopback, behind a TLS proxy")
    parser.add_argument("--keys-dir", type=Path, help="证明签名密钥目录（默认 数据目录/keys）/"
                                                      " signing keys folder (default: DATA_DIR/keys)")
    parser.add_argument("--anchors-dir", type=Path,
                        help="每日审计锚点写到哪里（默认 数据目录/anchors）/"
                             " daily audit anchors folder (default: DATA_DIR/anchors)")
    parser.add_argument("--idle-minutes", type=int, default=15, help="会话闲置多少分钟后结束（默认 15）/"
                                                                     " a session ends after this many idle minutes")
    parser.add_argument("--verify-url", default="", help="证明二维码中的核验网址 /"
                                                         " the verification address put into certificate QR codes")
    parser.add_argument("--workers", type=int, default=1, help="服务进程数 / server processes (uvicorn workers)")
    parser.add_argument("--log-level", default="warning", choices=["critical", "error", "warning", "info", "debug"],
                        help="日志级别（默认 warning）/ log level (default warning)")
    parser.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    from desk.extras import require_extra

    require_extra("uvicorn", "server", "feature.city_server")
    import uvicorn

    from desk.cli.common import settings_from_args
    from desk.paths import data_dir
    from desk.server.config import ServerConfig
    from desk.store.database import Store, redact_url

    tls = _tls_options(args)
    # --db, else database_url from the settings layers (/etc/station-desk/settings.toml, DESK_DATABASE_URL …).
    # Never the data folder's SQLite by default: a server whose URL went missing would serve an empty city.
    url = args.db or settings_from_args(args).database_url
    if not url:
        raise InvalidInput.say("server.database_url_needed")
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
