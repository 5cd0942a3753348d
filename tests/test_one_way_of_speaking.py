"""One way of speaking: an error says a message key with parameters (`DeskError.say("case.not_found",
number=…)`, templates in `desk/domain/messages.py`), not two finished texts (`DeskError("中文", "English")`).

The check reads every module of desk/, kiosk/ and printing/ with `ast` and finds the old form: an
exception built with a Chinese text (or a `…zh` value) followed by an English one (or a `…en` value) —
a literal, an f-string, or names such as `message_zh, message_en`; `super().__init__(zh, en)` inside an
exception class counts too. The modules still to convert are listed below with how many such
constructions each holds; the list may only shrink (a new module, or one more in a listed module, fails).
"""

from __future__ import annotations

import ast
import builtins
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desk", "kiosk", "printing")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")

# Modules that still build two-text errors, and how many (only shrinks): none is left.
STILL_TWO_TEXTS: dict[str, int] = {}


def _text(node: ast.expr) -> str | None:
    """The literal text of a string or f-string (its constant parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values
                       if isinstance(part, ast.Constant) and isinstance(part.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _text(node.left), _text(node.right)
        if left is not None or right is not None:
            return (left or "") + (right or "")
    return None


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript):
        return _name(node.value)
    return ""


def _chinese(node: ast.expr) -> bool:
    text = _text(node)
    if text is not None:
        return bool(_CJK.search(text))
    return _name(node).lower().endswith("zh")


def _english(node: ast.expr) -> bool:
    text = _text(node)
    if text is not None:
        return not _CJK.search(text) and bool(re.search(r"[A-Za-z]", text))
    return _name(node).lower().endswith("en")


def _two_texts(call: ast.Call) -> bool:
    return any(_chinese(first) and _english(second) for first, second in itertools.pairwise(call.args))


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def exception_classes(modules: list[tuple[str, ast.Module]]) -> set[str]:
    """Every class name of the code base that is an exception (its bases lead to a built-in exception)."""
    known = {name for name in dir(builtins) if isinstance(getattr(builtins, name), type)
             and issubclass(getattr(builtins, name), BaseException)}
    bases: dict[str, set[str]] = {}
    for _, tree in modules:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_name(base) for base in node.bases)
    grown = True
    while grown:
        grown = False
        for name, parents in bases.items():
            if name not in known and parents & known:
                known.add(name)
                grown = True
    return known


def two_text_errors(tree: ast.Module, exceptions: set[str]) -> list[int]:
    """The lines where `tree` builds an exception from a Chinese and an English text."""
    lines: list[int] = []

    def visit(node: ast.AST, in_exception: bool) -> None:
        if isinstance(node, ast.ClassDef):
            in_exception = node.name in exceptions
        if isinstance(node, ast.Call) and _two_texts(node):
            callee = node.func
            is_super_init = (isinstance(callee, ast.Attribute) and callee.attr == "__init__"
                             and isinstance(callee.value, ast.Call) and _name(callee.value.func) == "super")
            if _name(callee) in exceptions or (is_super_init and in_exception):
                lines.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_exception)

    visit(tree, False)
    return sorted(lines)


def _found() -> dict[str, list[int]]:
    modules = list(_modules())
    exceptions = exception_classes(modules)
    found = {path: two_text_errors(tree, exceptions) for path, tree in modules}
    return {path: lines for path, lines in found.items() if lines}


def test_no_module_adds_a_two_text_error() -> None:
    grown = {path: lines for path, lines in _found().items() if len(lines) > STILL_TWO_TEXTS.get(path, 0)}
    assert not grown, ("errors built from two finished texts: say a message key instead "
                       f"(`DeskError.say(key, **params)`, template in desk/domain/messages.py): {grown}")


def test_the_list_of_modules_still_to_convert_only_shrinks() -> None:
    found = _found()
    stale = {path: (count, len(found.get(path, []))) for path, count in STILL_TWO_TEXTS.items()
             if len(found.get(path, [])) < count}
    assert not stale, f"fewer two-text errors than listed: lower STILL_TWO_TEXTS (listed, found): {stale}"


def test_the_check_sees_the_old_form_and_passes_the_new() -> None:
    tree = ast.parse('''
class SigningError(Exception):
    pass

class Refused(SigningError):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh, en)

def old(number, exc):
    raise Refused(f"找不到申请 {number}。", f"No case {number}.")

def passed_on(exc):
    raise SigningError(exc.message_zh, exc.message_en)

def new(number):
    raise Refused.say("case.not_found", number=number)

def words():
    return Words("出生登记", "Birth registration")  # data, not an error
''')
    exceptions = exception_classes([("example.py", tree)])
    assert {"SigningError", "Refused"} <= exceptions and "Words" not in exceptions
    assert two_text_errors(tree, exceptions) == [7, 10, 13]
