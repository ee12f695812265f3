"""Privacy of the public build: persons masked wherever named, numbers and hidden links refused."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType
from typing import List, Tuple

from ..errors import DataError
from ..model import Campaign, LeaderRole, Origin
from . import declared, links, names
from .numbers import MOBILE, RESIDENT_ID, find_numbers

__all__ = ("MOBILE", "RESIDENT_ID", "check_public_text", "mask_person", "publish")

MASK = "＊"
NUMBER_HINT = "请删除该号码，或{mark}"
LINK_HINT = "删除这个链接，或去掉目标的 internal: true，或{mark_too}"
MARKS = MappingProxyType(
    {
        False: MappingProxyType(
            {"mark": "将此条标为 internal: true", "mark_too": "将此条也标为 internal: true"}
        ),
        True: MappingProxyType(
            {"mark": "在这一行的“内部”列填“是”", "mark_too": "在这一行的“内部”列也填“是”"}
        ),
    }
)
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
    """The campaign as the public build shows it: every value of a person field masked, and
    every known person's name masked in every text and Markdown field, of every record."""
    known = names.person_names(campaign)
    kept = names.kept_names(campaign) & known
    text = names.masker(known, kept, mask_person)
    masked = with_consented_names(declared.mapped(campaign, mask_person, text), campaign, kept)
    if campaign.plan.mask_leading_group:
        return masked
    return with_leading_group(masked, campaign.plan.leading_group)


def with_consented_names(masked: Campaign, campaign: Campaign, kept: set) -> Campaign:
    """A case with `publish_names: true` keeps its people in full, in its people and its own
    text: they agreed to be named there. Everywhere else their names stay masked."""
    if not any(case.publish_names for case in campaign.exemplars):
        return masked
    known = names.person_names(campaign)
    cases = tuple(
        declared.mapped(case, str, names.masker(known, kept | consented(case), mask_person))
        if case.publish_names
        else new
        for case, new in zip(campaign.exemplars, masked.exemplars, strict=True)
    )
    return dataclasses.replace(masked, exemplars=cases)


def consented(case) -> set:
    return {person.strip() for person in case.people if person.strip()}


def with_leading_group(masked: Campaign, roles: Tuple[LeaderRole, ...]) -> Campaign:
    """The leading group's members as written: the one person field that the public build
    publishes in full unless `privacy.mask_leading_group` (DATA-MODEL.md, Profiles)."""
    kept = tuple(
        dataclasses.replace(new, members=role.members)
        for new, role in zip(masked.plan.leading_group, roles, strict=True)
    )
    return dataclasses.replace(masked, plan=dataclasses.replace(masked.plan, leading_group=kept))


def check_public_text(campaign: Campaign) -> List[DataError]:
    """Every published string that holds a mobile or ID number, in whatever form it was typed,
    whatever its field declares (an id becomes an address, a slug a file name), and every
    published link in Markdown to a case or notice the public build leaves out."""
    texts = published_texts(campaign)
    errors = []
    for found in texts:
        for offset, what, written in find_numbers(found.text):
            at = found.line + offset if found.field == declared.BODY else found.line
            message = f"公开版不得发布{what}，发现 '{written}'"
            errors.append(error_at(found.origin, at, found.field, message, NUMBER_HINT))
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


def published_texts(campaign: Campaign) -> List[declared.Found]:
    """Every string the public build publishes, with where it was written."""
    return declared.strings(campaign, published=True)
