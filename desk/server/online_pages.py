"""The citizen web page (网上办) under `/apply/`: sign in with the ID number and a one-time code, choose a
transaction, read its 办事指南, fill the form the catalog generates, upload materials, submit, and follow
the application (its QR code, state and one-time notice). Jinja2 templates in resources/online.

Mobile first, Chinese and English (the `lang` cookie, switched by a link on every page), labels on every
input, keyboard only, contrast ≥ 7:1. The one script (resources/online/static/online.js) asks the server
which fields the answers show; without it a button does the same by reloading the form.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

import qrcode
from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData, UploadFile

from desk.domain.catalog import FieldProblem, IssuedDocument, Transaction
from desk.domain.clock import local_datetime
from desk.domain.errors import DeskError
from desk.domain.online import OnlineState
from desk.paths import resources_dir
from desk.server.context import Server
from desk.server.online_form import MATERIAL_PREFIX, field_rows, material_rows, shown_now, values_from_form
from desk.server.online_routes import register_online_routes
from desk.services.cases import FormIncomplete
from desk.services.online import ApplicationView, Citizen, OnlineService
from desk.services.online import UploadFile as Upload
from desk.settings import load_settings

PREFIX = "/apply"
SESSION_COOKIE = "wsb_session"
LANG_COOKIE = "wsb_lang"

# The page's own words (the catalog brings its texts in both languages).
WORDS: dict[str, tuple[str, str]] = {
    "title": ("户籍业务网上办", "Household registration online"),
    "switch": ("English", "中文"),
    "id_number": ("身份证号码", "ID number"),
    "phone": ("手机号码", "Mobile number"),
    "send_code": ("获取验证码", "Send me a code"),
    "code": ("短信验证码", "Code from the text message"),
    "code_sent": ("验证码已发送到 {phone}，10 分钟内有效。", "A code was sent to {phone}; it is valid for 10 minutes."),
    "sign_in": ("登录", "Sign in"),
    "sign_out": ("退出", "Sign out"),
    "sign_in_intro": ("无需注册：用身份证号码和手机验证码登录。",
                      "No account needed: sign in with your ID number and a code sent to your phone."),
    "mine": ("我的申请", "My applications"),
    "none_yet": ("还没有网上申请。", "No online applications yet."),
    "choose": ("选择要办理的事项", "Choose what to apply for"),
    "guide": ("办事指南", "Service guide"),
    "conditions": ("申请条件", "Who may apply"),
    "materials": ("申请材料", "Materials"),
    "time_limit": ("办理时限", "Time limit"),
    "days": ("{n} 个工作日", "{n} working days"),
    "on_the_spot": ("当场办结", "Done on the spot"),
    "fee": ("收费", "Fee"),
    "free": ("不收费", "Free"),
    "legal_basis": ("办理依据", "Legal basis"),
    "online_mode": ("网上办理深度", "How far online"),
    "form": ("填写申请", "Application form"),
    "station": ("办理派出所", "Police station"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "choose_one": ("请选择", "Choose one"),
    "person_name": ("姓名", "Name"),
    "uploads": ("上传材料（PDF、JPEG 或 PNG，每个不超过 {size}）",
                "Upload materials (PDF, JPEG or PNG, each at most {size})"),
    "upload_hint": ("可拍照上传；到所时请带原件核对。", "A photo will do; bring the originals when you come."),
    "update_form": ("按我的回答更新表单", "Update the form for my answers"),
    "submit": ("提交申请", "Submit the application"),
    "problems": ("请修改以下问题后再提交：", "Please correct these and submit again:"),
    "application": ("网上申请", "Online application"),
    "number": ("申请编号", "Application number"),
    "state": ("办理进度", "Progress"),
    "qr_help": ("到派出所时出示此二维码，窗口扫码即可调出您的申请。",
                "Show this QR code at the station: the clerk scans it and your application opens."),
    "notice": ("一次性告知：请补充以下材料", "One-time notice: please add these materials"),
    "clerk_note": ("民警留言", "The officer's note"),
    "add_materials": ("上传补充材料", "Upload the missing materials"),
    "send_materials": ("提交补充材料", "Send the materials"),
    "visit": ("请于 {day} 携带材料原件到派出所办理。", "Please come to the station on {day} with the originals."),
    "decided": ("已网上办结，无需到所。受理编号 {case}。", "Decided online; no visit needed. Case {case}."),
    "converted": ("已在窗口受理，受理编号 {case}。", "Taken in at the station: case {case}."),
    "download": ("下载{paper}（PDF，带防伪二维码）", "Download the {paper} (PDF with its verification QR code)"),
    "submitted_at": ("提交时间", "Submitted"),
    "back": ("返回我的申请", "Back to my applications"),
    "uploaded": ("已上传", "Uploaded"),
    "skip": ("跳到主要内容", "Skip to the main content"),
}


def register_online(app: FastAPI, api_prefix: str, server: Server) -> None:
    """网上办 on the server's app (one line in app.py): the citizen web page and the desk's 网上预审 API."""
    register_online_pages(app, server)
    register_online_routes(app, api_prefix, server)


def register_online_pages(app: FastAPI, server: Server) -> None:
    """The citizen web page under /apply."""
    folder = resources_dir() / "online"
    templates = Jinja2Templates(directory=str(folder / "templates"))
    app.mount(f"{PREFIX}/static", StaticFiles(directory=str(folder / "static")), name="online_static")
    online = OnlineService(server.store, server.catalog, server.clock, load_settings().online_upload_max_kb * 1024)
    app.include_router(_router(server, online, templates))


def _english(request: Request) -> bool:
    return request.cookies.get(LANG_COOKIE) == "en"


def _words(english: bool, max_bytes: int) -> dict[str, str]:
    size = f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes // 1024} KB"
    return {key: (en if english else zh).replace("{size}", size) for key, (zh, en) in WORDS.items()}


def _router(server: Server, online: OnlineService, templates: Jinja2Templates) -> APIRouter:
    router = APIRouter(prefix=PREFIX, include_in_schema=False)
    catalog = server.catalog

    def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        english = _english(request)
        words = _words(english, online.max_upload_bytes)
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return templates.TemplateResponse(request, name, {
            "w": words, "english": english, "lang": "en" if english else "zh-CN", "prefix": PREFIX,
            "switch_to": "zh" if english else "en", "here": quote(here, safe=""),
            "pick": (lambda zh, en: (en or zh) if english else zh), "local": local_datetime, **context,
        }, status_code=status)

    def citizen_of(request: Request) -> Citizen | None:
        return online.citizen(request.cookies.get(SESSION_COOKIE, ""))

    def to_sign_in() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/", status_code=303)

    def message(request: Request, error: DeskError) -> str:
        return error.message_en if _english(request) else error.message_zh

    @router.get("/lang/{code}")
    def switch_language(code: str, next: str = f"{PREFIX}/") -> RedirectResponse:
        target = next if next.startswith(f"{PREFIX}/") else f"{PREFIX}/"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(LANG_COOKIE, "en" if code == "en" else "zh", max_age=365 * 86400, samesite="lax")
        return response

    @router.get("/", response_class=HTMLResponse)
    def sign_in_page(request: Request) -> Response:
        if citizen_of(request) is not None:
            return RedirectResponse(f"{PREFIX}/home", status_code=303)
        return page(request, "sign_in.html", step="phone", id_number="", phone="", error="")

    @router.post("/code", response_class=HTMLResponse)
    def send_code(request: Request, id_number: Annotated[str, Form()] = "",
                  phone: Annotated[str, Form()] = "") -> Response:
        try:
            online.send_code(id_number, phone)
        except DeskError as error:
            return page(request, "sign_in.html", 422, step="phone", id_number=id_number, phone=phone,
                        error=message(request, error))
        return page(request, "sign_in.html", step="code", id_number=id_number.strip().upper(), phone=phone.strip(),
                    error="")

    @router.post("/sign-in", response_class=HTMLResponse)
    def sign_in(request: Request, id_number: Annotated[str, Form()] = "", phone: Annotated[str, Form()] = "",
                code: Annotated[str, Form()] = "") -> Response:
        try:
            token = online.sign_in(id_number, code)
        except DeskError as error:
            return page(request, "sign_in.html", 422, step="code", id_number=id_number, phone=phone,
                        error=message(request, error))
        response = RedirectResponse(f"{PREFIX}/home", status_code=303)
        response.set_cookie(SESSION_COOKIE, token, httponly=True, secure=True, samesite="strict",
                            path=PREFIX)
        return response

    @router.post("/sign-out")
    def sign_out(request: Request) -> RedirectResponse:
        online.sign_out(request.cookies.get(SESSION_COOKIE, ""))
        response = to_sign_in()
        response.delete_cookie(SESSION_COOKIE, path=PREFIX)
        return response

    @router.get("/home", response_class=HTMLResponse)
    def home(request: Request) -> Response:
        citizen = citizen_of(request)
        if citizen is None:
            return to_sign_in()
        return page(request, "home.html", applications=online.mine(citizen),
                    groups=catalog.by_category(), names=_names(catalog))

    @router.get("/t/{code}", response_class=HTMLResponse)
    def transaction_page(request: Request, code: str) -> Response:
        if citizen_of(request) is None:
            return to_sign_in()
        transaction = catalog.get(code)
        if transaction is None:
            return page(request, "not_found.html", 404)
        return form_page(request, transaction, {}, [], "", "")

    def form_page(request: Request, transaction: Transaction, values: dict[str, Any],
                  problems: list[FieldProblem], error: str, station: str, status: int = 200) -> HTMLResponse:
        english = _english(request)
        return page(request, "transaction.html", status, t=transaction,
                    fields=field_rows(transaction, values, problems, english),
                    materials=material_rows(transaction, values, english), error=error,
                    problems=[(p.key, p.message_en if english else p.message_zh) for p in problems],
                    stations=online.stations(), station=station)

    @router.post("/t/{code}/shown")
    async def shown(request: Request, code: str) -> JSONResponse:
        """For the page's script: the fields and materials the answers so far show (the catalog decides)."""
        transaction = catalog.get(code)
        if transaction is None:
            return JSONResponse({"fields": [], "materials": []}, status_code=404)
        return JSONResponse(shown_now(transaction, await request.form()))

    @router.post("/t/{code}", response_class=HTMLResponse)
    async def submit(request: Request, code: str) -> Response:
        citizen = citizen_of(request)
        if citizen is None:
            return to_sign_in()
        transaction = catalog.get(code)
        if transaction is None:
            return page(request, "not_found.html", 404)
        form = await request.form()
        values = values_from_form(transaction, form)
        station = str(form.get("station") or "")
        if form.get("refresh"):  # the no-script button: show the fields the answers call for
            return form_page(request, transaction, values, [], "", station)
        uploads = await _uploads(form, online.max_upload_bytes)
        try:
            sent = online.submit(citizen, station, transaction.code, values, uploads)
        except FormIncomplete as error:
            return form_page(request, transaction, values, list(error.problems), "", station, 422)
        except DeskError as error:
            return form_page(request, transaction, values, [], message(request, error), station, 422)
        return RedirectResponse(f"{PREFIX}/a/{sent.number}", status_code=303)

    @router.get("/a/{number}", response_class=HTMLResponse)
    def application(request: Request, number: str) -> Response:
        citizen = citizen_of(request)
        if citizen is None:
            return to_sign_in()
        try:
            view = online.for_citizen(citizen, number)
        except DeskError:
            return page(request, "not_found.html", 404)
        return application_page(request, view, "")

    def application_page(request: Request, view: ApplicationView, error: str, status: int = 200) -> HTMLResponse:
        transaction = catalog[view.transaction_code]
        visit = view.visit_on.isoformat() if isinstance(view.visit_on, date) else ""
        paper = _downloadable(transaction, view)
        return page(request, "application.html", status, a=view, t=transaction, error=error, visit=visit,
                    missing_keys={m["key"] for m in view.missing_materials},
                    paper=(paper[1] if _english(request) else paper[0]) if paper else None)

    @router.post("/a/{number}/materials", response_class=HTMLResponse)
    async def add_materials(request: Request, number: str) -> Response:
        citizen = citizen_of(request)
        if citizen is None:
            return to_sign_in()
        try:
            view = online.for_citizen(citizen, number)
            online.add_materials(citizen, number, await _uploads(await request.form(), online.max_upload_bytes))
        except DeskError as error:
            try:
                view = online.for_citizen(citizen, number)
            except DeskError:
                return page(request, "not_found.html", 404)
            return application_page(request, view, message(request, error), 422)
        return RedirectResponse(f"{PREFIX}/a/{view.number}", status_code=303)

    @router.get("/a/{number}/certificate.pdf")
    def certificate(request: Request, number: str) -> Response:
        """The signed certificate of an application decided online: the signed-in citizen's own only (the
        application is theirs, the case's applicant is them); the download is audited."""
        citizen = citizen_of(request)
        if citizen is None:
            return to_sign_in()
        try:
            view = online.for_citizen(citizen, number)
            if _downloadable(catalog[view.transaction_code], view) is None or view.case_number is None:
                return page(request, "not_found.html", 404)
            paper = server.window.at(view.station_code).documents.online_copy(
                view.case_number, citizen.id_number, application=view.number)
        except DeskError:
            return page(request, "not_found.html", 404)
        return Response(paper.pdf, media_type="application/pdf", headers={
            "Content-Disposition": f'attachment; filename="{paper.serial}.pdf"', "Cache-Control": "no-store"})

    @router.get("/a/{number}/qr.png")
    def qr_image(request: Request, number: str) -> Response:
        citizen = citizen_of(request)
        if citizen is None:
            return Response(status_code=401)
        try:
            view = online.for_citizen(citizen, number)
        except DeskError:
            return Response(status_code=404)
        buffer = io.BytesIO()
        qrcode.make(view.qr_payload, box_size=8, border=2).save(buffer)
        return Response(buffer.getvalue(), media_type="image/png", headers={"Cache-Control": "no-store"})

    return router


async def _uploads(form: FormData, max_bytes: int) -> list[Upload]:
    """The chosen files; each read to one byte over the limit at most (the service says it is too large)."""
    uploads = []
    for name, value in form.multi_items():
        if name.startswith(MATERIAL_PREFIX) and isinstance(value, UploadFile) and value.filename:
            data = await value.read(max_bytes + 1)
            uploads.append(Upload(name.removeprefix(MATERIAL_PREFIX), value.filename, data))
    return uploads


# The signed papers a citizen may download once the station decided the application online.
_DOWNLOADABLE: dict[IssuedDocument, tuple[str, str]] = {
    IssuedDocument.HOUSEHOLD_CERTIFICATE: ("户籍证明", "household certificate"),
    IssuedDocument.DEREGISTRATION_CERTIFICATE: ("注销户口证明", "deregistration certificate"),
}


def _downloadable(transaction: Transaction, view: ApplicationView) -> tuple[str, str] | None:
    """The paper's name (zh, en) when this application, decided online, issued one to download."""
    if view.state is not OnlineState.DECIDED_ONLINE or not view.case_number:
        return None
    return _DOWNLOADABLE.get(transaction.issues_document)


def _names(catalog: Any) -> dict[str, tuple[str, str]]:
    return {t.code: (t.name_zh, t.name_en) for t in catalog.transactions()}
