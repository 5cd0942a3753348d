"""The city's certificate verification address (`verify_url`, printed in every certificate's QR code):
an outside unit opens it with a phone and reads the verdict — valid, tampered, unknown key, revoked,
expired, not issued by this city — and, for a valid certificate, whom it was issued to, masked. No
sign-in: the payload is the question; every check is recorded in the audit log (`document.verified`,
where = "web"). `?format=json` answers the same as JSON for a unit's own systems.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from desk.paths import resources_dir
from desk.server.context import Server
from desk.services.verifications import PublicCheck, public_check

VERIFY_PATH = "/verify"
# A QR code holds a few hundred characters; anything far longer is not a certificate payload.
MAX_PAYLOAD = 4096


def register_verify_page(app: FastAPI, server: Server) -> None:
    templates = Jinja2Templates(directory=str(resources_dir() / "online" / "templates"))

    @app.get(VERIFY_PATH, tags=["verification"], response_model=None)
    def verify(request: Request, p: str = "", format: str = "html") -> Response:
        check = public_check(server.window.verifications, p[:MAX_PAYLOAD], where="web")
        answer = _answer(check)
        if format == "json":
            return JSONResponse(answer)
        return templates.TemplateResponse(request, "verify.html", answer, status_code=200)


def _answer(check: PublicCheck) -> dict[str, Any]:
    result = check.verification.as_dict()
    # Only what the page shows: never the digest's inputs, never the facts a desk may have typed.
    return {key: result[key] for key in ("status", "valid", "message_zh", "message_en", "station_code", "serial",
                                         "issued_on", "valid_until")} | {
        "holder_name": check.holder_name, "holder_id": check.holder_id, "station_name": check.station_name}

