"""The ASGI application: FastAPI over the use cases (`desk/services`), every call signed in and its
rights checked against the database; every refusal answered with a code and a message in both
languages, and written to the audit log."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from desk.domain import messages
from desk.domain.errors import ConcurrentChange, DeskError, InvalidInput, NotFound, PermissionDenied
from desk.domain.workflow import WorkflowError
from desk.server.admin_routes import register_admin_routes
from desk.server.anchors import lifespan_with_anchors
from desk.server.bundle_routes import register_bundle_routes
from desk.server.case_list_routes import register_case_list_routes
from desk.server.chain_routes import register_chain_routes
from desk.server.clock_routes import register_clock_routes
from desk.server.config import ServerConfig
from desk.server.context import Server, build_server
from desk.server.followup_routes import register_followup_routes
from desk.server.kiosk_case_routes import register_kiosk_case_routes
from desk.server.kiosk_progress_routes import register_kiosk_progress_routes
from desk.server.kiosk_routes import register_kiosk_routes
from desk.server.online_pages import register_online
from desk.server.rating_routes import register_rating_routes
from desk.server.register_routes import register_register_routes
from desk.server.routes import register_routes
from desk.server.station_extras import StationExtras
from desk.server.station_routes import register_station_routes
from desk.server.verify_page import register_verify_page
from desk.services.rights import Refused
from desk.services.sessions import SessionRefused, SignInRefused

API = "/api/v1"
OPENAPI_PATH = f"{API}/openapi.json"
# Workflow refusals that are about who acts (not about the case's state): answered and audited as refusals.
_WHO_CODES = frozenset({"not_permitted", "leader_only", "same_person"})


def create_app(server: Server) -> FastAPI:
    app = FastAPI(
        title="Station Desk city server",
        version="1",
        description="The window decisions and the reads the desks need; each decision is one transaction.",
        openapi_url=OPENAPI_PATH,
        docs_url=f"{API}/docs",
        redoc_url=None,
        lifespan=lifespan_with_anchors(server.anchors),
    )
    app.state.server = server
    _install_error_handlers(app, server)
    register_routes(app, API, server)
    register_online(app, API, server)
    register_verify_page(app, server)  # the certificates' public verification address (no sign-in)
    register_station_routes(app, API, server)
    register_case_list_routes(app, API, server)
    register_kiosk_routes(app, API, server)
    register_kiosk_case_routes(app, API, server)
    register_admin_routes(app, API, server)
    register_register_routes(app, API, server)
    # The hall's and the law's use cases (bundles, clocks, notices, follow-ups, ratings at the counter).
    extras = StationExtras.of(server)
    register_bundle_routes(app, API, server, extras)
    register_clock_routes(app, API, server, extras)
    register_chain_routes(app, API, server, extras)
    register_followup_routes(app, API, server, extras)
    register_rating_routes(app, API, server)
    register_kiosk_progress_routes(app, API, server, extras)
    return app


def app_from_environment() -> FastAPI:
    """The factory uvicorn's worker processes call (`desk server` sets the configuration)."""
    return create_app(build_server(ServerConfig.from_environment()))


def _error_body(error: DeskError) -> dict[str, Any]:
    """`message` and `params` let each client say it in its own language (desk.domain.messages);
    `message_zh` / `message_en` are the server's own rendering, for scripts and logs."""
    body: dict[str, Any] = {"code": error.code, "message_zh": error.message_zh, "message_en": error.message_en}
    if error.message_key is not None:
        body["message"] = error.message_key
        body["params"] = messages.params_to_wire(error.params)
    return body


def _install_error_handlers(app: FastAPI, server: Server) -> None:
    # Plain functions: Starlette runs them in the thread pool, so the audit write does not block the loop.
    def refused(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, DeskError)
        caller = getattr(request.state, "caller", None)
        server.refused(caller, f"{request.method} {request.url.path}", error, request.path_params.get("number"))
        status = 401 if isinstance(error, SessionRefused | SignInRefused) else 403
        return JSONResponse(_error_body(error), status_code=status)

    def desk_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, DeskError)
        if isinstance(error, WorkflowError) and error.code in _WHO_CODES:
            return refused(request, error)
        status = 422
        if isinstance(error, NotFound):
            status = 404
        elif isinstance(error, ConcurrentChange | WorkflowError):
            status = 409
        elif isinstance(error, PermissionDenied):
            return refused(request, error)
        elif not isinstance(error, InvalidInput):
            status = 503 if error.code == "store_unavailable" else 500
        return JSONResponse(_error_body(error), status_code=status)

    app.add_exception_handler(Refused, refused)
    app.add_exception_handler(SessionRefused, refused)
    app.add_exception_handler(SignInRefused, refused)
    app.add_exception_handler(DeskError, desk_error)
