"""The 说明 sheet of data/campaign.xlsx: what the workbook is for, then every sheet and column."""

from __future__ import annotations

from typing import List, Tuple

from ..load.campaign_layout import SETTING_HEADERS, SETTING_ROWS, SETTINGS, TABLES

PURPOSE = (
    "活动方案工作簿：放进 data/ 文件夹，名为 campaign.xlsx，代替 campaign.yml、units.yml "
    "以及 indicators.yml、evaluations.yml、projects.yml 里的定义（两处都写是错误）。"
    "发布前运行 bash scripts/check.sh 检查。"
)
RULES = (
    "每个工作表第一行是表头，列的顺序随意，空行不算；不需要的工作表可以删掉"
    "（“活动”“阶段”“单位”除非改用 YAML，否则必须有）。日期可写 2014-06-30、2014/6/30、"
    "2014.6.30 或 2014年6月30日；是/否列写 是 或 否；单位可写名称、简称或编号；"
    "编号不填时由简称或名称生成拼音编号（财金股 → caijingu），其他表可用名称指它。"
)
PROJECTS = (
    (
        "重点项目",
        "重点项目，一行一个：项目名称必填，编号可不填（由名称生成）；类别从“类别”表选；"
        "责任单位从下拉列表选；"
        "总投资、计划投资单位万元；照片一行一个路径；内部写 是 则公开版不列出；"
        "类型写 工程（按投资考核）或 工作任务（按数量考核，目标写在“目标任务”表）；"
        "工作难度、工作措施一行一条。",
    ),
    (
        "目标任务",
        "工作任务按数量考核的目标，如 走访调研侨资企业 5 家：项目编号（空着时按项目名称找）、"
        "目标、目标数必填，计量单位如 家、次；每报送一次加一行，写截至日期和累计完成"
        "（只增不减）；还没有完成数的目标写一行，日期和累计完成空着。",
    ),
    (
        "投资进度",
        "项目编号（或项目名称）、截至日期、累计完成投资（万元）：一行一次报送，累计数只增不减。",
    ),
    ("节点", "项目编号、节点名称、计划日期，完成后填完成日期。"),
    ("形象进度", "项目编号、日期、进展：一行一条。"),
    ("类别", "重点项目的类别：编号（小写字母、数字和 -）和名称。"),
)


def lines(purpose: str = "") -> List[Tuple[str, str]]:
    found = [("用途", purpose or PURPOSE), ("通则", RULES)]
    found.append(
        (SETTINGS, f"一行一个设置：“{SETTING_HEADERS[0]}”写名称，“{SETTING_HEADERS[1]}”写值。")
    )
    found += [(f"{SETTINGS}·{column.header}", column.note) for column in SETTING_ROWS]
    for table in TABLES:
        found.append((table.name, table.note))
        found += [(f"{table.name}·{column.header}", column.note) for column in table.columns]
    return found + list(PROJECTS)
