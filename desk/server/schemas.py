"""The request bodies of the API (pydantic validates them: a malformed call is a clear 422)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field


class SignIn(BaseModel):
    username: str = Field(min_length=1, max_length=40)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(min_length=1, max_length=64, description="the desk's or kiosk's own id")
    kind: Literal["desk", "kiosk"] = "desk"


class CardRead(BaseModel):
    """What an ID card read (or the clerk typing) tells about a person."""

    id_number: str = Field(min_length=15, max_length=18)
    name: str = Field(min_length=1, max_length=60)
    sex: str = ""
    nation: str = ""
    birth_date: date | None = None
    address: str = ""
    issuing_authority: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    card_type: str = "resident"
    phone: str = ""


class OpenCase(BaseModel):
    applicant_id_number: str = Field(min_length=15, max_length=18)
    transaction_code: str = Field(min_length=1, max_length=64)
    values: dict[str, Any] = Field(default_factory=dict)


class AtWindow(BaseModel):
    """受理 or 一次性告知: the form as typed and the materials handed in."""

    expected_version: int
    received: list[str] = Field(default_factory=list)
    verified: list[str] = Field(default_factory=list, description="materials checked in the systems (免提交)")
    values: dict[str, Any] | None = None
    paper: Literal["58mm", "80mm", "a4"] | None = Field(default=None, description="the receipt's paper")


class NotAccept(BaseModel):
    expected_version: int
    reason: str = Field(min_length=1, max_length=2000)
    values: dict[str, Any] | None = None
    ground: str | None = Field(default=None, max_length=40)  # a procedural ground (resources/refusals.toml)


class Decide(BaseModel):
    """A decision after acceptance; approving and denying ask for the password again."""

    expected_version: int
    reason: str | None = Field(default=None, max_length=2000)
    password: str | None = Field(default=None, max_length=256)
