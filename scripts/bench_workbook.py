"""Time to read a 20,000-row ledger workbook (aim: under 3 s on the 2-core build machine).

Usage: .venv/bin/python scripts/bench_workbook.py [--rows N]
Writes a ledger workbook of N rows (every column of the contract, dates as real dates and as
text, statuses as labels, units by name) beside the minimal test campaign and times
load_campaign on it: the whole check, as a build does it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bixue.load import load_campaign  # noqa: E402

CAMPAIGN = ROOT / "tests" / "golden" / "valid-minimal" / "data"
HEADERS = ["编号", "责任单位", "问题", "整改措施", "问题来源", "类别", "责任人", "发现日期"]
HEADERS += ["整改时限", "状态", "完成日期", "整改进展", "内部"]
UNITS = ("示例北服务区", "南区", "east-2")


def row(number: int) -> list:
    found = datetime.date(2014, 3, 1) + datetime.timedelta(days=number % 200)
    done = number % 3 == 0
    return [
        f"ZG-B-{number:05d}",
        UNITS[number % 3],
        f"第 {number} 项问题：卫生间地面有积水，保洁不及时。",
        "增加保洁频次；更换防滑垫。",
        "自查",
        "环境维护",
        "王建新",
        found,
        (found + datetime.timedelta(days=30)).strftime("%Y/%-m/%-d"),
        "已完成" if done else "整改中",
        found + datetime.timedelta(days=20) if done else None,
        f"{found.isoformat()} 已安排\n{(found + datetime.timedelta(days=5)).isoformat()} 进行中",
        "否",
    ]


def write_ledger(path: Path, rows: int) -> None:
    # Not write-only: that mode leaves out the sheet's size, which Excel always writes, and
    # openpyxl then reads the whole sheet once more to find it.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "整改台账"
    sheet.append(["基准测试整改台账"])
    sheet.append(HEADERS)
    for number in range(1, rows + 1):
        sheet.append(row(number))
    workbook.save(path)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(CAMPAIGN, data)
        path = data / "rectifications" / "基准台账.xlsx"
        write_ledger(path, args.rows)
        start, cpu = time.perf_counter(), time.process_time()
        campaign = load_campaign(data)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    loaded = len(campaign.ledger)
    # CPU time beside the wall time: the build machine is shared, so the clock alone varies.
    print(f"rows: {args.rows}  items loaded: {loaded}  read and checked: {seconds:.2f} s")
    print(f"(CPU time: {cpu:.2f} s; load average now: {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
