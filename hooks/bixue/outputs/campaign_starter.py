"""The starter workbook: data/campaign.xlsx with one example row per sheet, drop-down lists and
说明, for an office starting its first board (`bixue new DIR`, or `templates` without a plan)."""

from __future__ import annotations

import datetime
import os
from datetime import date
from pathlib import Path
from typing import List

from .. import model
from ..load.plan_parts import PlanParts
from .campaign_workbook import campaign_xlsx

PURPOSE = (
    "新公示栏的活动方案工作簿：每个工作表有一行示例，照着改成本单位的内容，不用的工作表可以删掉"
    "（“活动”“阶段”“单位”必须有）。放在 data/campaign.xlsx，运行 bash scripts/check.sh 检查。"
)
FOLDERS = ("rectifications", "exemplars", "notices", "returns")
"""The folders of a data/ folder that hold one file per ledger, case, notice or returned ledger."""


def this_year() -> int:
    """The year of SOURCE_DATE_EPOCH when set (the same bytes every build), else this year."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).year
    return date.today().year


def starter_parts(year: int) -> PlanParts:
    day = lambda month, number: date(year, month, number)  # noqa: E731
    units = (
        model.Unit("bangongshi", "办公室", "办公室", "机关", "李明"),
        model.Unit("caiwuke", "财务科", "财务科", "机关", "王芳"),
    )
    plan = model.Plan(
        title=f"某某单位{year}年度“互学互比”活动",
        organization="某某单位",
        start=day(1, 1),
        end=day(12, 31),
        phases=(model.Phase("dongyuan", "动员部署", day(1, 1), day(12, 31), "召开动员大会。"),),
        short_title="“互学互比”活动",
        theme="比学赶超 争先进位",
        as_of=day(6, 30),
        goals=("各科室管理水平和服务水平明显提高。",),
        leading_group=(model.LeaderRole("组长", ("张伟",)),),
        pairs=(("bangongshi", "caiwuke"),),
        requirements=("各科室明确专人负责，按时报送数据。",),
        screens=(model.NamedScreen("lobby", "大厅展示屏", starter_screen()),),
    )
    return PlanParts(plan, units, indicators(year), evaluations(day), projects(day))


def starter_screen() -> model.Screen:
    return model.Screen(slides=(model.Slide("overview"), model.Slide("ranking", 20)))


def indicators(year: int) -> model.Indicators:
    served = model.Indicator(
        "bianmin",
        "便民服务次数",
        unit="次",
        targets={"bangongshi": 120, "caiwuke": 80},
        values={"bangongshi": {f"{year}-Q1": 30}},
    )
    return model.Indicators((f"{year}-Q1",), (served,))


def evaluations(day) -> model.Evaluations:
    criterion = model.Criterion("fuwu", "文明服务", 100)
    first = model.Round("di-yi-ji", "第一季度评比", day(3, 31), {"bangongshi": {"fuwu": 92}})
    return model.Evaluations((criterion,), (first,), (model.Level(90, "优秀"),))


def projects(day) -> model.Projects:
    project = model.Project(
        "dating-gaizao",
        "服务大厅改造",
        group="sheshi",
        unit="bangongshi",
        leader="张伟",
        owner="李明",
        investment=50,
        plan=50,
        invested=((day(3, 31), 20),),
        milestones=(model.Milestone("方案批复", day(2, 28), day(2, 25)),),
        progress=(model.Update(day(3, 31), "拆除旧隔断，开始铺设地面。"),),
    )
    task = model.Project(
        "zoufang",
        "走访服务对象",
        unit="caiwuke",
        owner="王芳",
        kind=model.TASK,
        targets=(model.Target("走访服务对象", 10, "家", ((day(3, 31), 4),)),),
        difficulties=("服务对象分散，走访时间难统一。",),
        measures=("按片分组，每月集中走访一次。",),
    )
    groups = (model.ProjectGroup("sheshi", "设施改造"),)
    return model.Projects(groups, (project, task))


def starter_xlsx(year: int) -> bytes:
    stamp = datetime.datetime(year, 1, 1)
    return campaign_xlsx(starter_parts(year), stamp, PURPOSE)


def write_new(folder: Path) -> List[Path]:
    """DIR/data with the starter workbook and the empty folders a board reads."""
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        (data / name).mkdir(exist_ok=True)
    workbook = data / "campaign.xlsx"
    workbook.write_bytes(starter_xlsx(this_year()))
    return [workbook, *(data / name for name in FOLDERS)]
