"""Generate a campaign's data/ folder of a chosen size, with realistic Chinese text, for benchmarks.

Usage: .venv/bin/python scripts/gen_campaign.py OUT --units 500 [--items N --cases N ...]
[--photos 3500]
The same arguments and seed always give the same files.
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Dict, List

import yaml
from gen_photos import suffix, write_photos


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes every value out: the board refuses anchors and aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


@dataclass(frozen=True)
class Size:
    """How big a generated campaign is."""

    units: int
    items: int
    cases: int
    notices: int
    rounds: int
    indicators: int
    monthly: bool
    photos: int = 0
    """Before/after photos named by ledger items, two an item at most."""


PRESETS = {
    10: Size(10, 43, 6, 5, 3, 4, False),
    100: Size(100, 4000, 200, 40, 4, 10, False),
    500: Size(500, 20000, 1000, 200, 8, 20, True),
}
"""The sizes of issue 11's table: the demo's shape, a county, a province."""

PLACES = (
    "濮阳 鹤壁 新乡 安阳 焦作 开封 商丘 周口 许昌 漯河 平顶山 南阳 信阳 驻马店 洛阳 三门峡 济源 "
    "郑州 登封 巩义 荥阳 新密 长垣 滑县 林州 汤阴 内黄 浚县 淇县 卫辉 辉县 获嘉 原阳 延津 封丘 "
    "清丰 南乐 范县 台前 温县 沁阳 孟州 博爱 武陟 修武 兰考 杞县 通许 尉氏 民权 睢县 宁陵 柘城 "
    "虞城 夏邑 永城 扶沟 西华 商水 太康 鹿邑 郸城 淮阳 沈丘 项城 鄢陵 襄城 禹州 长葛 舞阳 临颍"
).split()
KINDS = ("服务区", "停车区", "收费站", "养护站", "路政大队", "村", "社区", "股室")
GROUPS = ("濮阳片区", "鹤壁片区", "新乡片区", "安阳片区", "焦作片区", "开封片区", "商丘片区")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "建新素芳宏伟丽萍国栋晓红春霞永胜海军秀英志刚卫民雅琴明慧立军振东桂兰玉梅德华金凤"
SOURCES = ("自查", "互学互比", "上级检查", "群众反馈")
CRITERIA = (("service", "文明服务", 30), ("facilities", "设施设备", 25))
CRITERIA += (("environment", "环境维护", 25), ("innovation", "创新务实", 20))
PLACES_IN = "男卫生间 女卫生间 停车场 餐厅 超市 加油站 便利店 客房 广场 绿化带 收费亭".split()
FAULTS = (
    "通风不畅，存在明显异味",
    "标线磨损模糊，夜间易造成车辆混停",
    "价格公示不全，部分商品未明码标价",
    "垃圾堆积，排水沟盖板多处破损",
    "照明灯具损坏，夜间照度不足",
    "消防器材过期未更换，巡查记录缺失",
    "服务人员未按规定着装，文明用语不规范",
    "监控探头缺失，存在安全隐患",
    "地面破损积水，雨天易滑倒",
    "台账资料不全，制度未上墙",
)
MEASURES = (
    "制定整改方案，明确责任人和完成时限，每周跟踪进度。",
    "组织专项整治，更换损坏设施，纳入日常巡查。",
    "开展全员培训，实行“一岗一责”，整改情况与绩效挂钩。",
    "申请专项资金采购设备，完成安装后组织复查验收。",
)
NOTES = ("材料已采购到位，正在安装。", "已完成整改，申请复查销号。", "因降雨施工顺延。")
CASE_KINDS = ("先进集体", "先进个人", "好做法", "创新案例")
TAGS = ("文明服务", "安全管理", "节能降耗", "环境卫生", "设施设备", "便民服务")
INDICATORS = (
    ("营业收入", "万元", "up", True),
    ("顾客满意度", "%", "up", False),
    ("有效投诉", "件", "down", True),
    ("能耗", "万千瓦时", "down", True),
    ("便民服务次数", "次", "up", True),
)
START, END = datetime.date(2014, 3, 1), datetime.date(2014, 12, 31)
AS_OF = datetime.date(2014, 10, 20)


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))


def day(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def units(size: Size, rng: random.Random) -> List[dict]:
    result = []
    for number in range(size.units):
        place = PLACES[number % len(PLACES)]
        kind = KINDS[(number // len(PLACES)) % len(KINDS)]
        lap = number // (len(PLACES) * len(KINDS))
        prefix = f"{place}{lap + 1}" if lap else place
        result.append(
            {
                "id": f"u{number + 1:03d}",
                "name": prefix + kind,
                "short": f"{prefix}{kind[:1]}{number + 1}",
                "group": GROUPS[number % len(GROUPS)],
                "contact": person(rng),
            }
        )
    return result


def problem(rng: random.Random) -> str:
    """Where and what, with a stake number and a count, so texts rarely repeat (as in life)."""
    where = f"K{rng.randrange(10, 999)}+{rng.randrange(1000):03d}{rng.choice('东南西北')}侧"
    count = rng.randrange(2, 40)
    return f"{where}{rng.choice(PLACES_IN)}{rng.choice(FAULTS)}，共{count}处，群众反映较多。"


def ledger_item(number: int, unit: str, rng: random.Random) -> dict:
    found = day(rng, START, AS_OF)
    deadline = found + datetime.timedelta(days=rng.randrange(10, 120))
    status = rng.choices(("todo", "doing", "done", "verified", "ongoing"), (2, 3, 3, 4, 1))[0]
    item = {
        "id": f"ZG-2014-{number:05d}",
        "unit": unit,
        "source": rng.choice(SOURCES),
        "category": rng.choice(CRITERIA)[1],
        "problem": problem(rng),
        "measures": rng.choice(MEASURES),
        "owner": person(rng),
        "found": found,
    }
    if status != "ongoing":
        item["deadline"] = deadline
    item["status"] = status
    if status in ("done", "verified"):
        item["completed"] = min(AS_OF, found + datetime.timedelta(days=rng.randrange(5, 130)))
    if rng.random() < 0.5:
        note_day = min(AS_OF, found + datetime.timedelta(days=rng.randrange(1, 60)))
        item["updates"] = [{"date": note_day, "note": rng.choice(NOTES)}]
    return item


def ledger_files(size: Size, ids: List[str], rng: random.Random) -> dict:
    files: dict = {}
    photos: dict = {}
    for _, number, side, name in item_photos(size):
        photos.setdefault(number, {})[side] = f"{PHOTOS}/{name}"
    for number in range(1, size.items + 1):
        item = ledger_item(number, ids[(number * 7) % len(ids)], rng)
        item.update({"photos": photos[number]} if number in photos else {})
        files.setdefault(f"2014-{item['source']}.yml", []).append(item)
    return files


PHOTOS = "photos"
"""Folder of the photos, beside the ledger files that name them."""


def item_photos(size: Size) -> List[tuple]:
    """(photo number, item number, "before" or "after", file name) of every photo: the items
    spread evenly over the ledger, each with a before and then an after photo."""
    count = min(size.photos, 2 * size.items)
    pairs = (count + 1) // 2
    result = []
    for number in range(count):
        item = 1 + (number // 2) * size.items // pairs
        side = ("before", "after")[number % 2]
        result.append((number, item, side, f"ZG-2014-{item:05d}-{side}{suffix(number)}"))
    return result


def periods(size: Size) -> List[str]:
    if size.monthly:
        return [f"2014-{month:02d}" for month in range(3, 13)]
    return ["2014-Q1", "2014-Q2", "2014-Q3", "2014-Q4"]


def reported_series(
    reported: List[str], level: float, cumulative: bool, rng: random.Random
) -> Dict[str, float]:
    """A unit's values, about one in twenty periods not reported; a cumulative indicator's are
    running totals, never falling (a fall is an error of the data)."""
    series, total = {}, 0.0
    for period in reported:
        if rng.random() <= 0.05:
            continue
        amount = level * rng.uniform(0.7, 1.2)
        total += amount
        series[period] = round(total if cumulative else amount, 1)
    return series


def indicators(size: Size, ids: List[str], rng: random.Random) -> dict:
    labels = periods(size)
    reported = labels[: len(labels) * 7 // 10]
    result = []
    for number in range(size.indicators):
        name, measure, direction, cumulative = INDICATORS[number % len(INDICATORS)]
        target = {unit: rng.randrange(100, 2000) for unit in ids} if cumulative else 95
        values = {}
        for unit in ids:
            level = (target[unit] if cumulative else 95) / len(labels)
            series = reported_series(reported, level, cumulative, rng)
            if series:
                values[unit] = series
        result.append({"id": f"ind-{number + 1}", "name": f"{name}{number // 5 + 1}",
                       "unit": measure, "direction": direction, "cumulative": cumulative,
                       "target": target, "values": values})  # fmt: skip
    return {"periods": labels, "indicators": result}


def evaluations(size: Size, ids: List[str], rng: random.Random) -> dict:
    rounds = []
    for number in range(size.rounds):
        when = START + datetime.timedelta(days=10 + number * (AS_OF - START).days // size.rounds)
        scores = {
            unit: {key: round(rng.uniform(top * 0.7, top) * 2) / 2 for key, _, top in CRITERIA}
            for unit in ids
            if rng.random() > 0.03
        }
        rounds.append({"id": f"r{number + 1}", "name": f"第{number + 1}次验收评比",
                       "date": when, "scores": scores})  # fmt: skip
    criteria = [{"id": key, "name": name, "max": top} for key, name, top in CRITERIA]
    stars = ((90, "五星"), (85, "四星"), (80, "三星"))
    levels = [{"min": low, "label": label} for low, label in stars]
    return {"criteria": criteria, "rounds": rounds, "levels": levels}


def campaign(ids: List[str], rng: random.Random) -> dict:
    phases = [
        ("mobilization", "动员部署", "2014-03-01", "2014-03-15"),
        ("self-inspection", "内部自查", "2014-03-16", "2014-04-30"),
        ("peer-learning", "互学互比", "2014-05-01", "2014-05-31"),
        ("improvement", "提升改造", "2014-06-01", "2014-10-31"),
        ("acceptance", "验收评比", "2014-11-01", "2014-12-31"),
    ]
    return {
        "title": f"全省{len(ids)}个单位2014年度“互学互比”活动",
        "short_title": "“互学互比”",
        "organization": "河南省收费还贷高速公路管理中心",
        "theme": "比学赶超 争先进位",
        "period": {"start": START, "end": END},
        "as_of": AS_OF,
        "goals": ["全面提高各单位**管理水平**和**服务水平**，整改事项完成率达到90%以上。"],
        "phases": [
            {
                "id": key,
                "name": name,
                "start": datetime.date.fromisoformat(first),
                "end": datetime.date.fromisoformat(last),
                "description": f"{name}阶段工作。",
            }
            for key, name, first, last in phases
        ],  # fmt: skip
        "leading_group": [{"role": "组长", "members": [person(rng)]}],
        "pairs": [[ids[i], ids[i + 1]] for i in range(0, len(ids) - 1, 2)],
        "screen": {
            "interval": 15,
            "reload": 300,
            "slides": [
                "overview",
                "ranking",
                "indicators",
                "rectification",
                "exemplars",
                "notices",
                "pairs",
            ],
        },  # fmt: skip
    }


def story(front: dict, body: str) -> str:
    head = yaml.dump(front, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n{body}\n"


def case(number: int, ids: List[str], rng: random.Random) -> str:
    unit = ids[(number * 13) % len(ids)]
    kind = rng.choice(CASE_KINDS)
    front = {
        "title": f"{rng.choice(PLACES)}{rng.choice(TAGS)}“{rng.choice('三四五')}个一”法{number}",
        "unit": unit,
        "date": day(rng, START, AS_OF),
        "category": kind,
        "summary": f"推行{rng.choice(TAGS)}新举措，群众满意度明显提升。",
        "people": [person(rng), person(rng)],
        "tags": rng.sample(TAGS, 2),
        "adopted_by": [ids[(number * 17 + 1) % len(ids)]] if len(ids) > 1 else [],
    }
    body = "\n\n".join(
        f"## {title}\n\n{rng.choice(MEASURES)}{rng.choice(FAULTS)}的问题得到解决，"
        f"{rng.choice(PLACES_IN)}面貌焕然一新。"
        for title in ("背景", "做法", "成效")
    )
    return story(front, body)


def notice(number: int, rng: random.Random) -> str:
    front = {
        "title": f"关于开展第{number}批{rng.choice(TAGS)}专项检查的通知",
        "date": day(rng, START, AS_OF),
        "pinned": number <= 2,
    }
    body = (
        "各单位：\n\n为推进“互学互比”活动，现将有关事项通知如下：\n\n"
        f"1. 各单位于{rng.randrange(1, 28)}日前完成{rng.choice(TAGS)}自查；\n"
        f"2. 重点检查{rng.choice(PLACES_IN)}{rng.choice(FAULTS)}等问题。\n\n“双互”办公室"
    )
    return story(front, body)


def dump(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def generate(out: Path, size: Size, seed: int = 11) -> None:
    """Write a whole data/ folder of `size` into `out`."""
    rng = random.Random(seed)
    unit_list = units(size, rng)
    ids = [unit["id"] for unit in unit_list]
    dump(out / "units.yml", unit_list)
    dump(out / "campaign.yml", campaign(ids, rng))
    dump(out / "indicators.yml", indicators(size, ids, rng))
    dump(out / "evaluations.yml", evaluations(size, ids, rng))
    for name, items in ledger_files(size, ids, rng).items():
        dump(out / "rectifications" / name, items)
    photos = {number: name for number, _, _, name in item_photos(size)}
    write_photos(out / "rectifications" / PHOTOS, photos)
    for folder, count, write in (("exemplars", size.cases, lambda n: case(n, ids, rng)),
                                 ("notices", size.notices, lambda n: notice(n, rng))):  # fmt: skip
        (out / folder).mkdir(parents=True, exist_ok=True)
        for number in range(1, count + 1):
            (out / folder / f"{folder[:-1]}-{number:04d}.md").write_text(write(number), "utf-8")


def size_from(args: argparse.Namespace) -> Size:
    """The preset nearest to --units, with any count given explicitly replacing the preset's."""
    base = PRESETS[min(PRESETS, key=lambda units: abs(units - args.units))]
    given = {f.name: getattr(args, f.name) for f in fields(Size) if getattr(args, f.name, None)}
    return Size(**{**base.__dict__, **given})


def add_size_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--units", type=int, default=10, help="10, 100 or 500 (presets) or any")
    for name in ("items", "cases", "notices", "rounds", "indicators", "photos"):
        parser.add_argument(f"--{name}", type=int, help="replace the preset's count")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    add_size_arguments(parser)
    args = parser.parse_args(argv)
    size = size_from(args)
    generate(args.out, size)
    print(f"{args.out}: {size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
