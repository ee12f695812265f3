"""Under serve, a workbook made again after an edit takes its unchanged rows' XML from the last
build (a build session's `rows`) and is byte for byte the workbook made from scratch."""

from __future__ import annotations

import datetime

from bixue.outputs import xlsx_stream
from bixue.session.build_session import BuildSession

STAMP = datetime.datetime(2014, 10, 20, 8, 0)


def ledger(changed: str = "", flag=1) -> list:
    rows = [("编号", "问题", "时限", "数")]
    rows += [(f"ZG-{n:03}", f"问题{n}", datetime.date(2014, 5, n % 28 + 1), n) for n in range(200)]
    if changed:
        rows[50] = ("ZG-049", changed, datetime.date(2014, 5, 22), 49)
    rows.append(("合计", "", None, flag))
    return [xlsx_stream.Sheet("台账", rows=rows, widths=(12, 40, 12, 6))]


def made(sheets) -> bytes:
    return xlsx_stream.workbook(sheets, "台账", STAMP)


def test_a_workbook_made_again_reuses_its_unchanged_rows_and_equals_a_fresh_one(
    tmp_path, monkeypatch
):
    blocked = tmp_path / "no-cache"  # a file: no disk cache, so what serve keeps is what counts
    blocked.write_text("")
    monkeypatch.setenv("BIXUE_CACHE", str(blocked))
    plain = BuildSession()
    with plain.active():
        plain.start_build()
        fresh = {name: made(sheets) for name, sheets in (("a", ledger()), ("b", ledger("改过")))}
        fresh["c"] = made(ledger("改过", flag=True))  # True is not 1 in a cell
    session = BuildSession(serving=True)  # serve starts
    with session.active():
        session.start_build()
        assert made(ledger()) == fresh["a"]
        session.start_build()  # a build that makes no workbook keeps the rows
        session.start_build()
        assert made(ledger("改过")) == fresh["b"]
        rows = session.rows
        assert (rows.made, rows.reused) == (1, 201)
        session.start_build()
        assert made(ledger("改过", flag=True)) == fresh["c"]
