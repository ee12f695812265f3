"""The layout of data/campaign.xlsx: its sheets, their columns, the YAML key each holds and what the
说明 sheet says of it; the reader, the download and the starter all follow it."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Tuple

from .. import model

FILE = "campaign.xlsx"
YES_NO = ("是", "否")
DIRECTIONS = MappingProxyType({"越高越好": "up", "越低越好": "down"})
SCOPES = MappingProxyType({"各单位": "units", "整体": model.WHOLE})
TIME_WAYS = MappingProxyType({"按日历日": model.DAYS, "按工作日": model.WORKDAYS})
WORDS = MappingProxyType({"direction": DIRECTIONS, "scope": SCOPES, "time": TIME_WAYS})
"""Columns whose cells are one of a few words, each the YAML value it stands for."""
WHOLE_UNIT = "整体"
"""The 单位 of a 指标数值 row that holds the values of an indicator of the whole (范围 整体)."""
SOURCE_WORDS = MappingProxyType(
    {"主办活动": ("activities", "hosted"), "参加活动": ("activities", "attended")}
    | {"荣誉成果": ("achievements", "")}
)
"""The 来源 of an indicator counted from the activity log or the honours, its kind or level
after a colon: 主办活动：观摩, 荣誉成果：论文：省级."""
LIST_SPLIT = r"[、，,;；\n]+"
"""How a cell lists people, units or slides: 林美华、黄志强."""
MADE = "可不填：不填时由简称或名称生成拼音编号（财金股 → caijingu）"


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    """The key of the YAML form (`period.start` on the 活动 sheet)."""
    kind: str = "text"
    """text, markdown, date, int, number, bool, unit, whole (a unit or 整体), units, names,
    slides, source, or a kind of WORDS (direction, scope, time)."""
    note: str = ""
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    part: str
    """The YAML file the sheet stands in for: campaign, units, indicators, evaluations."""
    columns: Tuple[Column, ...]
    note: str

    def headers(self) -> Tuple[str, ...]:
        return tuple(column.header for column in self.columns)


SETTINGS = "活动"
SETTING_HEADERS = ("项目", "内容")
SETTING_ROWS = (
    Column(
        "标题", "title", note="必填。活动全称，如 某某单位2014年度“互学互比”活动。", required=True
    ),
    Column("简称", "short_title", note="页眉和大屏上用的短标题。"),
    Column("主办单位", "organization", note="必填。谁组织这个活动。", required=True),
    Column("主题", "theme", note="口号，如 比学赶超 争先进位。"),
    Column("开始日期", "period.start", "date", "必填。活动开始的日期。", True),
    Column("结束日期", "period.end", "date", "必填。活动结束的日期，不早于开始日期。", True),
    Column("截至日期", "as_of", "date", "统计日期：所有数字按这一天计算；空白为当天。"),
    Column(
        "全体称呼", "terms.whole", note="所有单位合起来怎么称呼，如 全乡、全局；空白为 全部单位。"
    ),
    Column(
        "分组称呼", "terms.group", note="“单位”表的“分组”怎么称呼，如 条线、科室组；空白为 分组。"
    ),
    Column("临期天数", "ledger.warn_days", "int", "整改时限前几天算临期；空白为 3。"),
    Column("动态天数", "changes.days", "int", "本期动态看最近几天；空白为 7。"),
    Column("大屏停留秒数", "screen.interval", "int", "大屏每张停留几秒；空白为 15。"),
    Column("大屏刷新秒数", "screen.reload", "int", "大屏每隔几秒重新读取数据；空白为 300。"),
    Column("大屏幻灯片", "screen.slides", "slides", "大屏依次放哪些，用、隔开，可写 名称:秒数。"),
    Column("单位大屏", "unit_screens", "bool", "是：每个单位一个自己的大屏；空白为 是。"),
    Column(
        "隐去领导小组姓名", "privacy.mask_leading_group", "bool", "是：公开版不列领导小组姓名。"
    ),
    Column(
        "序时进度",
        "time_progress.by",
        "time",
        "按日历日 或 按工作日（扣除法定节假日和“假期”表的假期）；空白为按日历日。",
    ),
    Column("列黑榜", "ranking.black_list", "bool", "否：评比只列红榜，不列黑榜；空白为是。"),
    Column(
        "未更新提示天数",
        "stale_days",
        "int",
        "截至日期早于今天这么多天时，各页提示“数据已 N 天未更新”；空白为 14。",
    ),
    Column("往期保留份数", "archive.keep", "int", "往期公示最多保留几份；空白为全部保留。"),
)
"""The 活动 sheet: one setting per row, its name in 项目 and its value in 内容."""

UNIT_NOTE = "从下拉列表选单位；也可以写单位简称或编号。"
SLIDE_NOTE = (
    "可用："
    + "、".join(f"{word}（{name}）" for word, name in model.SLIDE_WORDS.items())
    + "；写中文或英文都可以，如 总体态势、评比排名、先进典型:25。"
)
TABLES = (
    Table(
        "活动目标",
        "campaign",
        (Column("内容", "goals", "markdown", "一行一条活动目标，可用 **加粗**。", True),),
        "活动目标，一行一条。",
    ),
    Table(
        "阶段",
        "campaign",
        (
            Column("编号", "id", note=f"小写字母、数字和 -，如 mobilization；{MADE}。"),
            Column("名称", "name", note="必填，如 动员部署。", required=True),
            Column("开始日期", "start", "date", "必填，在活动的起止日期之内。", True),
            Column("结束日期", "end", "date", "必填，不早于开始日期。", True),
            Column("工作内容", "description", "markdown", "这一阶段做什么。"),
        ),
        "活动阶段，按时间先后，至少一个。",
    ),
    Table(
        "领导小组",
        "campaign",
        (
            Column("职务", "role", note="如 组长、副组长、成员、办公室主任。", required=True),
            Column("成员", "members", "names", "姓名，几个人用、隔开。", True),
        ),
        "组织领导，一行一个职务。",
    ),
    Table(
        "单位",
        "units",
        (
            Column("编号", "id", note=f"小写字母、数字和 -，出现在网址里；{MADE}。"),
            Column("名称", "name", note="必填，单位全称。", required=True),
            Column("简称", "short", note="图表和大屏上用的短名。"),
            Column("分组", "group", note="如 条线、科室组；同一分组的单位放在一起比。"),
            Column("联系人", "contact", note="姓名；公开版只显示姓。"),
            Column(
                "参与比较",
                "compare",
                "bool",
                "否：列出、可以办活动和整改，但不参加排名、指标和结对（如帮扶的幼儿园）；空白为是。",
            ),
        ),
        "参加活动的单位；表里的顺序就是页面上的顺序。",
    ),
    Table(
        "结对",
        "campaign",
        (
            Column("单位", "0", "unit", UNIT_NOTE, True),
            Column("对象单位", "1", "unit", "互学互比的对象，和“单位”不能相同。", True),
            Column("对象单位2", "2", "unit", "三四个单位一组互学互比时，写第三个单位。"),
            Column("对象单位3", "3", "unit", "四个单位一组时，写第四个单位。"),
        ),
        "互学互比对象，一行一对（或三四个单位一组）。",
    ),
    Table(
        "活动要求",
        "campaign",
        (Column("内容", "requirements", "markdown", "一行一条活动要求。", True),),
        "活动要求，一行一条。",
    ),
    Table(
        "大屏",
        "campaign",
        (
            Column("编号", "id", note=f"小写字母、数字和 -，网址为 screen/编号/；{MADE}。"),
            Column("标题", "title", note="必填，大屏上方的标题。", required=True),
            Column("停留秒数", "interval", "int", "每张停留几秒；空白同“活动”表。"),
            Column("刷新秒数", "reload", "int", "每隔几秒重新读取；空白同“活动”表。"),
            Column("幻灯片", "slides", "slides", "必填。" + SLIDE_NOTE, True),
        ),
        "另外几块大屏（如大厅的电视），各有自己的标题和幻灯片。",
    ),
    Table(
        "假期",
        "campaign",
        (
            Column("名称", "name", note="必填，如 寒假。", required=True),
            Column("开始日期", "start", "date", "必填。", True),
            Column("结束日期", "end", "date", "必填，不早于开始日期。", True),
        ),
        "序时进度按工作日计时，另外扣除的假期（寒假、暑假），一行一个。",
    ),
    Table(
        "时期",
        "indicators",
        (Column("时期", "periods", note="如 2014-Q1、2014年9月，按先后一行一个。", required=True),),
        "指标报送的时期，按先后。",
    ),
    Table(
        "指标",
        "indicators",
        (
            Column("编号", "id", note=f"小写字母、数字和 -，出现在网址里，如 revenue；{MADE}。"),
            Column("名称", "name", note="必填，如 营业收入。", required=True),
            Column("计量单位", "unit", note="如 万元、%、件。"),
            Column("方向", "direction", "direction", "越高越好 或 越低越好；空白为越高越好。"),
            Column(
                "累计",
                "cumulative",
                "bool",
                "是：各期填年初以来的累计数；否：填水平值（比率、得分）。空白为是。",
            ),
            Column(
                "当期数",
                "per_period",
                "bool",
                "是：各期填这一期自己的数（如当月件数），看板逐期累加成累计数；空白为否。"
                "“累计”为否时不能为是。",
            ),
            Column(
                "目标", "target", "number", "所有单位同一个目标；各单位不同的写在“指标目标”表。"
            ),
            Column(
                "增长率（%）",
                "growth",
                "number",
                "目标 = 基数 ×（1 + 增长率/100），基数写在“指标目标”表；和“目标”二选一。",
            ),
            Column(
                "适用单位",
                "applies_to",
                "units",
                "只考核部分单位时写上，用、隔开，或 分组：名称；空白为全部单位。",
            ),
            Column(
                "范围",
                "scope",
                "scope",
                f"整体：整个活动只有一个目标、一组数值（如 全办 2 所园评上省三级），目标写在本表，"
                f"数值写在“指标数值”表、单位一栏写 {WHOLE_UNIT}；空白为各单位。",
            ),
            Column(
                "来源",
                "source",
                "source",
                "数值不用填，由记录算出：主办活动、参加活动（可加类型，如 主办活动：观摩），"
                "或 荣誉成果（可加类别和级别，如 荣誉成果：论文：省级）；空白为各单位报送。",
            ),
        ),
        "进度指标的定义。",
    ),
    Table(
        "指标目标",
        "indicators",
        (
            Column("指标", "indicator", note="必填，指标的编号或名称。", required=True),
            Column("单位", "unit", "unit", UNIT_NOTE, True),
            Column("目标", "target", "number", "这个单位的目标。"),
            Column("基数", "baseline", "number", "这个单位的基数（与增长率一起定目标）。"),
        ),
        "各单位不同的目标或基数，一行一个单位。",
    ),
    Table(
        "指标数值",
        "indicators",
        (
            Column("指标", "indicator", note="必填，指标的编号或名称。", required=True),
            Column("单位", "unit", "whole", UNIT_NOTE + f"范围为整体的指标写 {WHOLE_UNIT}。", True),
        ),
        "各单位报送的数值，一行一个指标的一个单位，其后每个时期一列（列名就是时期）。"
        "通常写在 indicators.xlsx 里，这里也可以。",
    ),
    Table(
        "评比内容",
        "evaluations",
        (
            Column("编号", "id", note=f"小写字母、数字和 -，如 service；{MADE}。"),
            Column("名称", "name", note="必填，如 文明服务。", required=True),
            Column("满分", "max", "number", "必填，大于 0。", True),
        ),
        "验收评比的评分项目。",
    ),
    Table(
        "评比",
        "evaluations",
        (
            Column("编号", "id", note=f"字母、数字和 -，如 2014-Q1；{MADE}。"),
            Column("名称", "name", note="必填，如 第一季度验收评比。", required=True),
            Column("日期", "date", "date", "必填，评比的日期。", True),
        ),
        "各轮评比，按先后。",
    ),
    Table(
        "评分",
        "evaluations",
        (
            Column("评比", "round", note="必填，评比的编号或名称。", required=True),
            Column("单位", "unit", "unit", UNIT_NOTE, True),
        ),
        "各轮的得分，一行一个单位，其后每个评比内容一列（列名是评比内容的名称）。"
        "通常写在 evaluations.xlsx 里，这里也可以。",
    ),
    Table(
        "等级",
        "evaluations",
        (
            Column("最低总分", "min", "number", "必填，得到这个等级的最低总分。", True),
            Column("等级", "label", note="必填，如 五星。", required=True),
        ),
        "按总分评定的等级（可不填）。",
    ),
)
"""The table sheets besides 活动 and the project sheets, in the order the workbook has them."""

PROJECT_SHEETS = ("重点项目", "投资进度", "节点", "形象进度", "目标任务", "类别")
"""The project sheets: the layout of data/projects.xlsx (load.projects_xlsx)."""
PARTS = MappingProxyType(
    {
        "campaign": "campaign.yml",
        "units": "units.yml",
        "indicators": "indicators.yml",
        "evaluations": "evaluations.yml",
        "projects": "projects.yml",
    }
)
"""Each part of the workbook and the YAML file it takes the place of."""
MARKS = MappingProxyType(
    {
        "campaign": SETTINGS,
        "units": "单位",
        "indicators": "指标",
        "evaluations": "评比内容",
        "projects": "重点项目",
    }
)
"""The sheet whose presence means the workbook holds that part."""


def table(name: str) -> Table:
    return next(found for found in TABLES if found.name == name)
