"""Shared data of the form-engine tests: a fixed today, test ID numbers, a small catalog file using every field type."""

from __future__ import annotations

from datetime import date

from desk.domain.idnumber import generate_id_number

TODAY = date(2025, 3, 12)
# Well-formed numbers made for tests (generate_id_number), not real people's.
MOTHER_ID = generate_id_number("210102", date(1992, 5, 3), "female", 3)
FATHER_ID = generate_id_number("210102", date(1990, 8, 21), "male", 7)
YOUNG_ID = generate_id_number("110105", date(2012, 1, 9), "male", 2)


def with_wrong_check_digit(number: str) -> str:
    """The same number with a check character that does not match (any other of 0-9, X)."""
    wrong = "0" if number[17] != "0" else "1"
    return number[:17] + wrong


SAMPLER_TOML = """\
code = "sampler"
name_zh = "样例事项"
name_en = "Sampler"
category = "change"
time_limit_days = 3
approval = "leader"
description_zh = "测试用：每种字段类型各一个。"
description_en = "For tests: one field of every type."
conditions_zh = "无。"
legal_basis_zh = "无"
source = "测试"

[[fields]]
key = "name"
type = "text"
label_zh = "姓名"
label_en = "Name"
required = true
max_length = 6
help_zh = "与证件一致。"
help_en = "As on the card."

[[fields]]
key = "home"
type = "address"
label_zh = "住址"
label_en = "Address"
max_length = 30

[[fields]]
key = "born"
type = "date"
label_zh = "出生日期"
label_en = "Date of birth"
required = true

[[fields]]
key = "id_no"
type = "id_number"
label_zh = "公民身份号码"
label_en = "ID number"
required = true

[[fields]]
key = "status"
type = "enum"
label_zh = "婚姻状况"
label_en = "Marital status"
required = true
options = [
  { value = "single", label_zh = "未婚", label_en = "Single" },
  { value = "married", label_zh = "已婚", label_en = "Married" },
]

[[fields]]
key = "spouse"
type = "person"
label_zh = "配偶"
label_en = "Spouse"
required = true
when = 'status == "married"'

[[fields]]
key = "married_on"
type = "date"
label_zh = "结婚日期"
label_en = "Date of marriage"
when = 'status == "married"'

[[fields]]
key = "wedding_place"
type = "text"
label_zh = "结婚登记地"
label_en = "Where married"
when = 'filled("married_on")'

[[fields]]
key = "phone"
type = "phone"
label_zh = "联系电话"
label_en = "Phone"

[[fields]]
key = "count"
type = "number"
label_zh = "随迁人数"
label_en = "People moving along"
required = true
min = 1
max = 5

[[fields]]
key = "weight"
type = "number"
label_zh = "体重（公斤）"
label_en = "Weight (kg)"
min = 0.5
max = 99.5

[[fields]]
key = "moved"
type = "bool"
label_zh = "曾经迁移"
label_en = "Has moved before"
required = true

[[materials]]
key = "id_card"
name_zh = "居民身份证"
name_en = "Resident identity card"
form = "original"
why_zh = "核验身份。"
why_en = "Verifies the identity."
note_zh = "窗口读卡核验，无需复印。"
note_en = "Checked by reading the card at the window; no photocopy needed."

[[materials]]
key = "marriage_certificate"
name_zh = "结婚证"
name_en = "Marriage certificate"
form = "original_and_copy"
copies = 2
when = 'status == "married"'
why_zh = "证明婚姻关系。"
why_en = "Proves the marriage."

[[materials]]
key = "moving_record"
name_zh = "迁移记录"
name_en = "Moving record"
form = "copy"
when = "moved == true"
why_zh = "核对迁移经历。"
why_en = "Checks earlier moves."

[[rules]]
key = "not_too_many"
require = "count <= 3"
reason_zh = "随迁人数不能超过3人。"
reason_en = "At most 3 people may move along."
basis_zh = "《中华人民共和国户口登记条例》第七条"

[[rules]]
key = "adult"
require = "applicant.age >= 18"
reason_zh = "申请人应为成年人。"
reason_en = "The applicant must be an adult."
basis_zh = "《中华人民共和国户口登记条例》第七条"
"""
