"""Errors speak through message keys and parameters: every key has a finished English translation
with the same placeholders; the screens say them through Qt's translation system, the CLI and the
server through the same English catalog, and a key survives the trip through the city server."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desk.domain import messages
from desk.domain.catalog_loader import read_catalog
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.messages import Bilingual, Said, Term
from desk.domain.workflow import Action, Actor, CaseFacts, CaseState, Role, WorkflowError, check

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "messages_en.ts"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _translations() -> dict[str, ET.Element]:
    found: dict[str, ET.Element] = {}
    for context in ET.parse(TS).getroot().iter("context"):
        assert context.findtext("name") == messages.CONTEXT
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source", "")] = translation
    return found


def test_every_message_has_a_finished_english_translation_with_the_same_placeholders() -> None:
    translations = _translations()
    assert set(translations) == set(messages.TEMPLATES.values()), \
        "run scripts/build-translations.sh --update and translate resources/i18n/messages_en.ts"
    for key, source in messages.TEMPLATES.items():
        translation = translations[source]
        assert translation.get("type") is None and (translation.text or "").strip(), key
        assert _placeholders(translation.text or "") == _placeholders(source), key


def test_an_error_says_its_message_in_chinese_and_english_with_translated_terms() -> None:
    error = InvalidInput.say("case.form_closed", number="HP01-2026-000001", state=Term("state.accepted"))
    assert error.message_zh == "申请 HP01-2026-000001 当前为“已受理”，表单不能再修改。"
    assert error.message_en == "Case HP01-2026-000001 is “accepted”; its form can no longer change."
    assert error.code == "invalid_input" and "HP01-2026-000001" in str(error)


def test_an_unknown_key_is_a_programming_error_at_once() -> None:
    with pytest.raises(KeyError, match=r"case\.no_such"):
        NotFound.say("case.no_such")


def test_the_workflow_refusal_keeps_its_code_and_names_role_and_action_in_english() -> None:
    case = CaseFacts(state=CaseState.UNDER_REVIEW, approval=_approval("leader"), accepted_by=1, submitted_by=None)
    with pytest.raises(WorkflowError) as refused:
        check(case, Action.APPROVE, Actor(user_id=2, role=Role.MANAGER))
    assert refused.value.code == "not_permitted"
    assert refused.value.message_zh == "管理员（所长）无权批准。"
    assert refused.value.message_en == "The manager may not give “approve”."


def test_parameters_cross_the_wire_and_are_said_again() -> None:
    params = {"state": Term("state.under_review"), "number": "A001", "count": 3}
    wire = messages.params_to_wire(params)
    assert wire == {"state": {"term": "state.under_review"}, "number": "A001", "count": 3}
    assert messages.params_from_wire(wire) == params
    # A term this client does not know stays readable instead of crashing the screen.
    assert messages.params_from_wire({"state": {"term": "state.invented"}}) == {"state": "state.invented"}


def test_a_translation_that_lost_a_placeholder_still_shows_its_text() -> None:
    assert messages.render("case.not_found", {"number": "X"}, lambda source: "Kein Fall") == "Kein Fall"
    assert messages.render("case.not_found", {}, lambda source: source) == "找不到申请 {number}。"


def _approval(level: str):  # type: ignore[no-untyped-def]
    from desk.domain.catalog import Approval

    return Approval(level)


@pytest.mark.parametrize("catalog", sorted(p.name for p in (ROOT / "resources" / "i18n").glob("*_en.ts")))
def test_no_english_catalog_leaves_a_text_unfinished(catalog: str) -> None:
    for context in ET.parse(ROOT / "resources" / "i18n" / catalog).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None \
                and (translation.text or "").strip(), (catalog, context.findtext("name"), message.findtext("source"))


def test_no_template_names_a_placeholder_code() -> None:
    # `DeskError.say(key, code=…)` takes `code` as the error's code, so a `{code}` placeholder could never be filled.
    named_code = [key for key, source in messages.TEMPLATES.items() if "code" in _placeholders(source)]
    assert not named_code, named_code


def test_a_message_inside_a_message_is_said_in_the_sentences_language_and_crosses_the_wire() -> None:
    problems = (Said("condition.unknown_field", {"name": "fathr", "known": "father"}),
                Said("condition.forbidden_call", {"name": "eval"}))
    error = InvalidInput.say("catalog.bad_condition", condition="fathr == 1", problems=problems)
    assert error.message_zh == ("条件 'fathr == 1' 有误：未知字段：fathr（字段：father）；"
                                "不允许调用 eval（只有 filled、age、days_since）")
    assert error.message_en == ("condition 'fathr == 1': unknown field 'fathr' (fields: father); "
                                "call of 'eval' not allowed (only filled, age, days_since)")
    assert messages.params_from_wire(messages.params_to_wire(error.params)) == error.params


def test_a_data_files_problem_line_is_a_key_with_parameters_naming_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "birth.toml").write_text('code = "birth"\nlable_zh = "出生"\n', encoding="utf-8")
    _, issues = read_catalog(tmp_path)
    typo = next(issue for issue in issues if issue.path == "lable_zh")
    assert (typo.file, typo.code, typo.message_key) == ("birth.toml", "birth", "catalog.unknown_key_close")
    assert str(typo) == ("birth.toml [birth] lable_zh: 未知的键 lable_zh（是否应为 name_zh？） / "
                         "unknown key 'lable_zh' (did you mean 'name_zh'?)")


def test_a_tuple_of_words_is_said_as_an_enumeration_and_crosses_the_wire() -> None:
    """The roles that decide a level: 所领导、分局户政 in Chinese, "station leader, branch registry officer"."""
    error = InvalidInput.say("rights.not_a_decider", approval="branch",
                             deciders=(Term("role.leader"), Term("role.branch")))
    assert error.message_zh == "该事项的审批层级为“branch”，须由所领导、分局户政审批。"
    assert error.message_en == "A branch-level case is decided by: station leader, branch registry officer."
    assert messages.params_from_wire(messages.params_to_wire(error.params)) == error.params


def test_a_template_may_leave_a_technical_detail_to_the_english_line() -> None:
    """`{name:.0}` says nothing: the Chinese line reads as before, the English names the detail."""
    error = InvalidInput.say("reader.card_garbled", reason="name: identity_name_character")
    assert error.message_zh == "证件信息读取异常，请重新放置证件"
    assert error.message_en == "the card's data looks garbled (name: identity_name_character) — place the card again"
    # A detail the clerk can do nothing with stays out of both lines: the connection's exception class.
    unreachable = InvalidInput.say("city.unreachable", kind="ConnectError")
    assert unreachable.message_zh == "无法连接城市服务器，请检查网络；已填写的内容不会丢失。"
    assert unreachable.message_en == "The city server cannot be reached; check the network. Nothing typed is lost."


def test_catalog_data_as_a_parameter_is_said_in_each_languages_own_side_and_crosses_the_wire() -> None:
    """A `Bilingual` is data, not speech: Chinese reads `zh`, English `en`; a tuple of them is an
    enumeration with the language's separator (、 / ", "), inside a nested message too."""
    materials = (Bilingual("亲属关系证明", "Proof of relationship"), Bilingual("结婚证", "Marriage certificate"))
    error = InvalidInput.say("case.materials_missing", count=2, materials=materials)
    assert error.message_zh == "还缺少 2 项材料：亲属关系证明、结婚证。可出具一次性告知书。"
    assert error.message_en == ("2 material(s) missing: Proof of relationship, Marriage certificate; "
                                "issue a one-time supplement notice instead.")
    wire = messages.params_to_wire(error.params)
    assert wire == {"count": 2, "materials": [{"zh": "亲属关系证明", "en": "Proof of relationship"},
                                              {"zh": "结婚证", "en": "Marriage certificate"}]}
    assert messages.params_from_wire(wire) == error.params
    moved = Bilingual("迁入日期不能晚于今天。", "The date cannot be in the future.")
    reason = Said("case.rule_pending", {"reason": moved})
    refusal = InvalidInput.say("case.not_eligible", reasons=(reason,))
    assert refusal.message_zh == "不符合办理条件：尚不能判断（请补全相关信息）：迁入日期不能晚于今天。"
    assert refusal.message_en == "Not eligible: cannot tell yet (fill in the fields): The date cannot be in the future."
    assert messages.params_from_wire(messages.params_to_wire(refusal.params)) == refusal.params


def test_without_an_english_catalog_catalog_data_stays_chinese() -> None:
    """The side is the language's own word (`word.data_language`): no catalog, no English side."""
    name = Bilingual("结婚证", "Marriage certificate")
    chinese = messages.render("case.not_checkable", {"materials": (name,)})
    assert chinese == "这些材料不能由系统核验代替，须收取：结婚证。"
    english = messages.render("case.not_checkable", {"materials": (name,)},
                              lambda source: {"zh": "en"}.get(source, source))
    assert english == "这些材料不能由系统核验代替，须收取：Marriage certificate。"


@pytest.mark.parametrize("value", [
    {"zh": "结婚证"},  # half a name
    {"fr": "acte de mariage", "zh": 1},
    {"name": {"zh": "结婚证", "en": "Marriage certificate"}},
    [{"zh": "结婚证", "en": "Marriage certificate"}, {"term": "state.accepted"}],  # a mixed list
    [{"said": "field.required", "params": "not an object"}],
    [{"said": "field.required", "params": {"label": "婚姻状况"}}, {"said": "field.invented_later", "params": {}}],
])
def test_a_parameter_of_an_unknown_shape_is_refused_by_name_never_passed_on(value: object) -> None:
    """A newer server's shape: the reader says so (the remote client then shows the server's texts)."""
    with pytest.raises(messages.UnknownParameter):
        messages.params_from_wire({"materials": value})
