"""The wire form of what the use cases return: a case (with applicant, materials and history) and an
issued paper, as JSON the city server sends and a desk in city mode turns back into the same values.

Generic over the dataclasses' type hints, so a field added to `CaseView` travels without a change here.
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, TypeVar

from desk.services.case_views import CaseView, CitizenView
from desk.services.documents import IssuedPaper
from printing.documents.common import Paper

T = TypeVar("T")


def case_to_wire(case: CaseView) -> dict[str, Any]:
    return _plain(dataclasses.asdict(case))


def case_from_wire(data: dict[str, Any]) -> CaseView:
    return _decode(CaseView, data)


def citizen_to_wire(citizen: CitizenView) -> dict[str, Any]:
    return _plain(dataclasses.asdict(citizen))


def citizen_from_wire(data: dict[str, Any]) -> CitizenView:
    return _decode(CitizenView, data)


def to_wire(value: Any) -> Any:
    """Any of the use cases' frozen dataclasses (a ticket, the daily figures, a station) as JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    return _plain(value)


def from_wire(cls: type[T], data: dict[str, Any]) -> T:
    """The dataclass back from its wire form, field by field from its type hints."""
    return _decode(cls, data)


def paper_to_wire(paper: IssuedPaper) -> dict[str, Any]:
    return {"kind": paper.kind, "serial": paper.serial, "title_zh": paper.title_zh, "paper": paper.paper.value,
            "payload": paper.payload, "pdf_base64": base64.b64encode(paper.pdf).decode("ascii")}


def paper_from_wire(data: dict[str, Any]) -> IssuedPaper:
    return IssuedPaper(kind=data["kind"], serial=data["serial"], title_zh=data["title_zh"],
                       pdf=base64.b64decode(data["pdf_base64"]), paper=Paper(data["paper"]),
                       payload=data.get("payload"))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime too (a subclass)
        return value.isoformat()
    return value


def _decode(cls: type[T], data: dict[str, Any]) -> T:
    hints = typing.get_type_hints(cls)
    values = {f.name: _value(hints[f.name], data[f.name]) for f in dataclasses.fields(cls)  # type: ignore[arg-type]
              if f.name in data}
    return cls(**values)


def _value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _value(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_value(item, v) for v in value]
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_value(args[0], v) for v in value)
        return tuple(_value(a, v) for a, v in zip(args, value, strict=False))
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return _decode(hint, value)
        if issubclass(hint, Enum):
            return hint(value)
        if hint is datetime:
            return datetime.fromisoformat(value)
        if hint is date:
            return date.fromisoformat(value)
    return value
