"""Benchmark: `desk register import` of a synthetic extract against a bare load of the same rows.

The extract has `--rows` people (valid ID numbers, Han names, households of three). Measured in the
same run, each on a fresh database:
- baseline: read the CSV with the csv module and insert the rows with one bare executemany (no checks,
  no audit) in one transaction;
- import: the real use case (`run_import` → `RegisterImportService.load_batch`): every row checked
  (ID checksum and region, names, relationship, dates, duplicates), looked up, written in batches,
  one audit entry per batch;
- re-run: the same file again (every row found unchanged; nothing written).
Printed: seconds, rows per second, and the ratios to the baseline.

    .venv/bin/python bench/bench_register_import.py [--rows 100000] [--db postgresql://…/empty_db]

With `--db` the baseline and the import each run on that (migrated, empty) PostgreSQL database in
turn: the citizens are deleted between them.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

# Runnable from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_work = Path(tempfile.mkdtemp(prefix="desk-bench-register-"))
os.environ["DESK_DATA_DIR"] = str(_work / "data")

from sqlalchemy import delete, insert  # noqa: E402

from desk.domain.clock import Clock  # noqa: E402
from desk.domain.idnumber import generate_id_number  # noqa: E402
from desk.domain.names import pinyin_initials  # noqa: E402
from desk.services.register_file import ExtractFile, extract_format  # noqa: E402
from desk.services.register_import import ExtractSource, RegisterImportService, run_import  # noqa: E402
from desk.services.users import UserService  # noqa: E402
from desk.shipped import use_shipped_regions  # noqa: E402
from desk.store.database import Store  # noqa: E402
from desk.store.models import AuditEntry, Citizen  # noqa: E402

HEADER = ["公民身份号码", "姓名", "户主姓名", "与户主关系", "登记日期", "住址"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰䶮"


def write_extract(path: Path, rows: int, seed: int = 2026) -> None:
    rng = random.Random(seed)
    taken: set[str] = set()
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        head = ""
        for n in range(rows):
            while True:
                birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 75))
                number = generate_id_number("210102", birth, rng.choice(("male", "female")), rng.randrange(0, 499))
                if number not in taken:
                    taken.add(number)
                    break
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            if n % 3 == 0:
                head, relationship = name, "户主"
            else:
                relationship = rng.choice(("配偶", "子", "女", "父亲", "母亲", "孙子"))
            registered = max(birth, date(1985, 1, 1)) + timedelta(days=rng.randrange(0, 3000))
            writer.writerow([number, name, head, relationship, registered.isoformat(),
                             f"辽宁省沈阳市和平区太原街{n // 3 + 1}号"])


def baseline(store: Store, path: Path) -> float:
    """The same rows read and inserted with no checks: csv.reader and one executemany."""
    start = time.perf_counter()
    now = datetime.now(UTC)
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader)
        rows = [{"id_number": r[0], "name": r[1], "name_initials": pinyin_initials(r[1]), "household_head": r[2],
                 "relationship_to_head": r[3], "registered_on": date.fromisoformat(r[4]), "address": r[5],
                 "updated_at": now} for r in reader]
    with store.write() as session:
        session.execute(insert(Citizen), rows)
    return time.perf_counter() - start


def real_import(store: Store, path: Path) -> tuple[float, int]:
    service = RegisterImportService(store, Clock())
    start = time.perf_counter()
    extract = ExtractFile.inspect(path)
    source = ExtractSource(path.name, extract.sha256, "HP01")
    report = run_import(extract, lambda s, n, rows: service.load_batch("bench", s, n, rows), source,
                        extract_format(), date.today())
    assert report.bad_rows == 0, report.problems[:3]
    return time.perf_counter() - start, report.created + report.updated + report.unchanged


def fresh(url: str | None, name: str) -> Store:
    store = Store(url or f"sqlite:///{_work / name}.sqlite3")
    UserService(store, Clock()).ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    if url:
        with store.write() as session:
            session.execute(delete(Citizen))
    return store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--db", default=None, help="an empty, migrated PostgreSQL database (default: SQLite)")
    args = parser.parse_args()
    use_shipped_regions()
    path = _work / "extract.csv"
    write_extract(path, args.rows)
    print(f"extract: {args.rows} rows, {path.stat().st_size / 1e6:.1f} MB")

    store = fresh(args.db, "baseline")
    base = baseline(store, path)
    store.dispose()
    store = fresh(args.db, "import")
    took, loaded = real_import(store, path)
    again, _ = real_import(store, path)
    with store.read() as session:
        entries = session.query(AuditEntry).filter(AuditEntry.action == "register.imported").count()
    store.dispose()
    print(f"baseline (csv + bare executemany): {base:7.2f} s  {args.rows / base:9.0f} rows/s")
    print(f"import (checked, batched, audited): {took:7.2f} s  {loaded / took:9.0f} rows/s  "
          f"{entries} audit entries")
    print(f"re-run (all unchanged):             {again:7.2f} s  {loaded / again:9.0f} rows/s")
    print(f"ratio import / baseline: {took / base:.2f}×   re-run / baseline: {again / base:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
