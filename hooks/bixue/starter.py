"""`bixue new DIR` and `bixue templates OUT/` without a campaign: the starter workbook written, and
in Chinese what to do next."""

from __future__ import annotations

import sys
from pathlib import Path

from .load.datafiles import present
from .outputs.campaign_starter import FOLDERS, starter_xlsx, this_year, write_new

NEXT_STEPS = """下一步（README 的“上手指南”第 2 步起）：
  2. 让命令读它：export BOARD_DATA={data}
  3. 填活动方案：用 Excel 或 WPS 打开 {book}，把各工作表的示例行改成自己的活动、阶段、单位……；
     “说明”工作表解释每一列，编号可以不填，不用的工作表（指标、评比、重点项目……）可以删掉。
  4. 检查：bash scripts/check.sh
  5. 先看一眼：bash scripts/serve.sh
  6. 写出发给各单位的表：bash scripts/templates.sh {templates}
  收表、交回的台账、生成站点和发布见“上手指南”第 7 至 10 步。"""


def has_campaign(data: Path) -> bool:
    """Whether a data folder holds a plan: campaign.yml or a campaign workbook."""
    names = ("campaign.yml", "campaign.yaml", "campaign.xlsx", "campaign.xlsm")
    return any(present(data / name) for name in names)


def run_new(args) -> int:
    data = args.folder / "data"
    if data.exists() and any(data.iterdir()):
        print(f"{data}: 文件夹已存在且不为空，未写入", file=sys.stderr)
        return 1
    write_new(args.folder)
    data = data.resolve()
    print(f"已新建公示栏的数据文件夹 {data}：")
    print("  campaign.xlsx    活动方案工作簿：每个工作表一行示例，“说明”工作表解释每一列")
    whats = ("整改台账", "典型案例", "通知公告", "各单位交回的台账")
    for name, what in zip(FOLDERS, whats, strict=True):
        print(f"  {name + '/':<16} {what}（可以先空着）")
    book, templates = data / "campaign.xlsx", data.parent / "模板"
    print(NEXT_STEPS.format(book=book, data=data, templates=f"{templates}/"))
    return 0


def write_starter(out: Path) -> int:
    """The starter workbook into OUT/, for a project whose data/ has no campaign yet."""
    if out.exists() and any(out.iterdir()):
        print(f"{out}: 文件夹不为空，未写入", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    book = out / "campaign.xlsx"
    book.write_bytes(starter_xlsx(this_year()))
    print(f"数据文件夹里还没有活动（campaign.yml 或 campaign.xlsx），已写出起步工作簿 {book}。")
    print("填好后放进 data/ 文件夹，运行 bash scripts/check.sh 检查；")
    print("有了活动以后，再运行 bash scripts/templates.sh 模板/ 写出发给各单位的模板。")
    return 0
