"""“一件事” bundles as data: the shipped bundles load against the shipped catalog, shared values fill
every member field they name, and a broken bundle file is refused with the file and the key named."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.domain.bundles import BundleError, bundle_matches, load_bundles, read_bundles
from desk.domain.catalog import Catalog
from desk.paths import resources_dir
from desk.shipped import shipped_catalog

BUNDLES = resources_dir() / "bundles"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return shipped_catalog()


def test_shipped_bundles_load_against_the_shipped_catalog(catalog: Catalog) -> None:
    bundles = load_bundles(BUNDLES, catalog)
    assert {"newborn", "after_death", "marriage_settlement"} <= set(bundles)
    newborn = bundles["newborn"]
    assert newborn.member_codes == ("birth_registration",)
    assert {"medical_insurance", "social_security_card", "vaccination"} <= {r.key for r in newborn.follow_ups}
    after = bundles["after_death"]
    assert after.member_codes == ("death_deregistration", "deregistration_certificate", "head_of_household_change")
    assert [m.optional for m in after.members] == [False, True, True]
    for bundle in bundles.values():
        for member in bundle.members:
            assert member.transaction_code in catalog


def test_a_shared_value_fills_every_member_field_it_names(catalog: Catalog) -> None:
    after = load_bundles(BUNDLES, catalog)["after_death"]
    person = {"name": "王德厚", "id_number": "210102195301150038"}
    assert after.member_values("death_deregistration", {"deceased": person}, {"death_date": "2026-12-01"}) == {
        "death_date": "2026-12-01", "deceased": person}
    assert after.member_values("head_of_household_change", {"deceased": person})["former_head"] == person
    own = {f.key for f in after.own_fields(catalog["deregistration_certificate"])}
    assert "deregistered_person" not in own and "purpose" in own
    (shared,) = after.shared
    assert shared.spec.key == "deceased" and shared.spec.label_zh == "死亡人员" and shared.spec.required


def test_search_finds_a_bundle_by_name_keyword_or_initials(catalog: Catalog) -> None:
    newborn = load_bundles(BUNDLES, catalog)["newborn"]
    assert bundle_matches(newborn, "出生一件事") and bundle_matches(newborn, "新生儿")
    assert bundle_matches(newborn, "XSECSYJS") and bundle_matches(newborn, "newborn")
    assert not bundle_matches(newborn, "迁出")


GOOD = """
code = "{code}"
name_zh = "测试一件事"
name_en = "A test bundle"
description_zh = "测试。"
description_en = "Test."
source = "测试"

[[members]]
transaction = "death_deregistration"

[[members]]
transaction = "deregistration_certificate"
optional = true

[[shared]]
key = "deceased"
fills = ["death_deregistration.deceased", "deregistration_certificate.deregistered_person"]

[[follow_ups]]
key = "funeral"
name_zh = "殡葬"
agency_zh = "殡仪馆"
how_zh = "凭死亡证明办理。"
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_test_file_loads(tmp_path: Path, catalog: Catalog) -> None:
    _write(tmp_path, "probe.toml", GOOD.format(code="probe"))
    bundles, issues = read_bundles(tmp_path, catalog)
    assert issues == [] and [b.code for b in bundles] == ["probe"]


@pytest.mark.parametrize(("change", "path", "words"), [
    (lambda t: t.replace('transaction = "death_deregistration"', 'transaction = "no_such_thing"'),
     "members[0].transaction", "no_such_thing"),
    (lambda t: t.replace('"deregistration_certificate.deregistered_person"', '"deregistration_certificate.nope"'),
     "shared[0].fills[1]", "nope"),
    (lambda t: t.replace('"deregistration_certificate.deregistered_person"', '"deregistration_certificate.purpose"'),
     "shared[0].fills[1]", "differ"),
    (lambda t: t.replace('"deregistration_certificate.deregistered_person"', '"birth_registration.mother"'),
     "shared[0].fills[1]", "not a member"),
    (lambda t: t.replace("optional = true", 'optional = "yes"'), "members[1].optional", "true or false"),
    (lambda t: t.replace('agency_zh = "殡仪馆"', 'agncy_zh = "殡仪馆"'), "follow_ups[0].agncy_zh", "unknown key"),
    (lambda t: t.replace('how_zh = "凭死亡证明办理。"\n', ""), "follow_ups[0].how_zh", "missing"),
    (lambda t: t.replace('code = "probe"', 'code = "other"'), "code", "file name"),
    (lambda t: t.replace('code = "probe"', 'code = "death_deregistration"'), "code", "file name"),
    (lambda t: t.replace('name_en = "A test bundle"\n', ""), "name_en", "missing"),
    (lambda t: t + '\n[[members]]\ntransaction = "death_deregistration"\n', "members[2].transaction", "twice"),
])
def test_a_broken_bundle_file_is_refused_naming_file_and_key(tmp_path: Path, catalog: Catalog, change: object,
                                                              path: str, words: str) -> None:
    _write(tmp_path, "probe.toml", change(GOOD.format(code="probe")))  # type: ignore[operator]
    with pytest.raises(BundleError) as caught:
        load_bundles(tmp_path, catalog)
    issues = caught.value.errors
    assert any(i.file == "probe.toml" and i.path == path and words in i.message_en for i in issues), issues
    assert "probe.toml" in caught.value.message_zh and path in caught.value.message_en


def test_a_bundle_code_that_is_a_catalog_code_is_refused(tmp_path: Path, catalog: Catalog) -> None:
    _write(tmp_path, "death_deregistration.toml", GOOD.format(code="death_deregistration"))
    with pytest.raises(BundleError) as caught:
        load_bundles(tmp_path, catalog)
    assert any(i.path == "code" and "catalog transaction" in i.message_en for i in caught.value.errors)


def test_bad_toml_and_two_files_with_one_code_are_named(tmp_path: Path, catalog: Catalog) -> None:
    _write(tmp_path, "broken.toml", "code = \n")
    _write(tmp_path, "probe.toml", GOOD.format(code="probe"))
    _, issues = read_bundles(tmp_path, catalog)
    assert [(i.file, "TOML" in i.message_en) for i in issues] == [("broken.toml", True)]


def test_a_smaller_catalog_leaves_out_the_bundles_it_cannot_serve(tmp_path: Path, catalog: Catalog) -> None:
    small = Catalog([catalog["birth_registration"]])
    bundles = load_bundles(BUNDLES, small, skip_foreign=True)
    assert list(bundles) == ["newborn"]
    with pytest.raises(BundleError):
        load_bundles(BUNDLES, small)
