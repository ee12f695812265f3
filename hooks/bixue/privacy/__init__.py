"""Privacy of the public build: persons masked wherever named, numbers and hidden links refused."""

from __future__ import annotations

import dataclasses
from typing import Iterator, List, Tuple

from ..errors import DataError
from ..model import Campaign, LeaderRole, Origin, Project, Projects, RectificationItem
from . import links, names
from .numbers import MOBILE, RESIDENT_ID, find_numbers

__all__ = ["MOBILE", "RESIDENT_ID", "check_public_text", "mask_person", "publish"]

MASK = "＊"
NUMBER_HINT = "请删除该号码，或{mark}"
LINK_HINT = "删除这个链接，或去掉目标的 internal: true，或{mark_too}"
MARKS = {
    False: {"mark": "将此条标为 internal: true", "mark_too": "将此条也标为 internal: true"},
    True: {"mark": "在这一行的“内部”列填“是”", "mark_too": "在这一行的“内部”列也填“是”"},
}
"""How the hints say to mark a record internal: in YAML, and (True) in a row of a workbook."""

DOUBLE_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 "
    "端木 独孤 南宫 西门 太史 申屠 澹台 公冶 宗政 濮阳 淳于 单于 太叔 "
    "仲孙 钟离 闻人 赫连 万俟 呼延 百里 东郭 "
    "南门 羊舌 微生 梁丘 左丘 东门 第五 拓跋 夹谷 宰父 谷梁 段干 公良 乐正 巫马 公西 颛孙 "
    "壤驷 漆雕 司空 司寇 亓官 鲜于 闾丘 子车 公羊".split()
)


def mask_person(name: str) -> str:
    """李彩丽 -> 李＊, 欧阳娜娜 -> 欧阳＊, Zhang San -> Z＊: the surname stays, the length goes."""
    name = name.strip()
    if not name:
        return name
    if name[0].isascii():
        return name[0] + MASK
    surname = name[:2] if name[:2] in DOUBLE_SURNAMES and len(name) > 2 else name[0]
    return surname + MASK


def publish(campaign: Campaign) -> Campaign:
    """The campaign with every person value masked, and every known person's name masked in
    every text beside (stories, notices, ledger texts, titles), as the public build shows it."""
    plan = campaign.plan
    if plan.mask_leading_group:
        roles = tuple(
            LeaderRole(role.role, tuple(map(mask_person, role.members)))
            for role in plan.leading_group
        )
        plan = dataclasses.replace(plan, leading_group=roles)
    masked = dataclasses.replace(
        campaign,
        plan=plan,
        units=tuple(dataclasses.replace(u, contact=mask_person(u.contact)) for u in campaign.units),
        ledger=tuple(dataclasses.replace(i, owner=mask_person(i.owner)) for i in campaign.ledger),
        exemplars=tuple(
            dataclasses.replace(e, people=tuple(map(mask_person, e.people)))
            for e in campaign.exemplars
        ),
        projects=campaign.projects and masked_projects(campaign.projects),
    )
    return names.mask_free_text(masked, mask_person, names.person_names(campaign))


def masked_projects(projects: Projects) -> Projects:
    """联系领导 and 责任人 masked like every other person."""
    masked = tuple(
        dataclasses.replace(p, leader=mask_person(p.leader), owner=mask_person(p.owner))
        for p in projects.projects
    )
    return dataclasses.replace(projects, projects=masked)


def check_public_text(campaign: Campaign) -> List[DataError]:
    """Every published text that holds a mobile or ID number, in whatever form it was typed, and
    every published link to a case or notice the public build leaves out."""
    texts = list(published_texts(campaign))
    errors = []
    for origin, line, field, text in texts:
        for offset, what, written in find_numbers(text):
            at = line + offset if field == "body" else line
            message = f"公开版不得发布{what}，发现 '{written}'"
            errors.append(error_at(origin, at, field, message, NUMBER_HINT))
    for origin, line, field, target, slug in links.internal_links(campaign, texts):
        message = f"链接 '{target}' 指向内部内容 {slug}（internal: true），公开版不发布它"
        errors.append(error_at(origin, line, field, message, LINK_HINT))
    return errors


def error_at(origin: Origin, line: int, field: str, message: str, hint: str) -> DataError:
    """An error about a field of a loaded record: at its line, or in a workbook at its cell,
    under its column's header."""
    cell = origin.cell_of(field)
    hint = hint.format(**MARKS[bool(cell)])
    return DataError(origin.path, line, origin.label_of(field), message, hint, cell=cell)


def published_texts(campaign: Campaign) -> Iterator[Tuple[Origin, int, str, str]]:
    """(origin, line, field, text) of every string that the public build publishes."""
    plan = campaign.plan
    yield from record_texts(plan, plan.origin)
    for phase in plan.phases:
        yield from record_texts(phase, plan.origin)
    for role in plan.leading_group:
        yield from record_texts(role, plan.origin)
    for unit in campaign.units:
        yield from record_texts(unit, unit.origin)
    projects = campaign.projects.projects if campaign.projects else ()
    for group in campaign.projects.groups if campaign.projects else ():
        yield from record_texts(group, campaign.projects.origin)
    for record in (*campaign.ledger, *campaign.exemplars, *campaign.notices, *projects):
        if not record.internal:
            yield from record_texts(record, record.origin)
            yield from update_texts(record)
    if campaign.indicators:
        for indicator in campaign.indicators.indicators:
            yield from record_texts(indicator, indicator.origin)
        for period in campaign.indicators.periods:
            yield (
                campaign.indicators.origin,
                campaign.indicators.origin.line,
                "periods",
                period,
            )
    if campaign.evaluations:
        for criterion in campaign.evaluations.criteria:
            yield from record_texts(criterion, campaign.evaluations.origin)
        for round_ in campaign.evaluations.rounds:
            yield from record_texts(round_, round_.origin)
        for level in campaign.evaluations.levels:
            yield from record_texts(level, campaign.evaluations.origin)


def record_texts(record, origin) -> Iterator[Tuple[Origin, int, str, str]]:
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        texts = value if isinstance(value, tuple) else (value,)
        for text in texts:
            if isinstance(text, str):
                yield origin, origin.line_of(field.name), field.name, text


def update_texts(record) -> Iterator[Tuple[Origin, int, str, str]]:
    origin = record.origin
    if isinstance(record, RectificationItem):
        for update in record.updates:
            yield origin, origin.line_of("updates"), "updates", update.note
    if isinstance(record, Project):
        for step in record.progress:
            yield origin, origin.line_of("progress"), "progress", step.note
        for milestone in record.milestones:
            yield origin, origin.line_of("milestones"), "milestones", milestone.name
