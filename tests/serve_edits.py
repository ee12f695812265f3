"""The kinds of edit tests/test_serve_guard.py makes to a copy of the project, each as a clerk
(data/) or a developer (docs/, overrides/, templates, mkdocs.yml) would make it."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image
from workbooks import read_rows, write


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{path.name}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rename_unit(project: Path) -> None:
    # The old name stays the short one: the workbooks name the unit by it.
    replace_in(
        project / "data/units.yml",
        "name: 濮阳服务区\n  short: 濮阳\n",
        "name: 濮阳中原服务区\n  short: 濮阳服务区\n",
    )


def name_units_by_their_names(project: Path) -> None:
    """A ledger item and a case naming 鹤壁服务区 by its name, not its id."""
    data = project / "data"
    replace_in(data / "rectifications/2014-inspections.yml", "unit: hebi", "unit: 鹤壁服务区")
    replace_in(data / "exemplars/night-patrol.md", "unit: puyang-south", "unit: 鹤壁服务区")


def rename_named_unit(project: Path) -> None:
    """鹤壁服务区 renamed: the name the ledger item and the case use no longer names a unit."""
    old, new = "name: 鹤壁服务区\n  short: 鹤壁\n", "name: 鹤壁东服务区\n  short: 鹤壁东\n"
    replace_in(project / "data/units.yml", old, new)


def edit_ledger_row(project: Path) -> None:
    path = project / "data/rectifications/2014-peer-review.xlsx"
    sheets = read_rows(path)
    rows = sheets["整改台账"]
    column = rows[0].index("整改措施")
    rows[2][column] = "已复查：" + rows[2][column]
    write(path, sheets)


def add_and_remove_workbook(project: Path) -> None:
    folder = project / "data/rectifications"
    sheets = read_rows(folder / "2014-peer-review.xlsx")
    header, *rows = sheets["整改台账"]
    ids = header.index("编号")
    moved = [
        [f"ZG-2014-9{n:02d}" if i == ids else cell for i, cell in enumerate(row)]
        for n, row in enumerate(rows[:3])
    ]
    write(folder / "2014-autumn.xlsx", {"整改台账": [header, *moved]})
    (folder / "2014-peer-review.xlsx").unlink()


def replace_photo(project: Path) -> None:
    Image.new("RGB", (640, 480), (40, 120, 200)).save(
        project / "data/rectifications/photos/ZG-2014-018-after.jpg", quality=80
    )


def keeping_time(path: Path, content: bytes) -> None:
    """Write `content`, of the same size, and put the file's old modification time back, as
    `cp -p`, `tar -x` or `exiftool -P` do."""
    before = path.stat()
    assert len(content) == before.st_size
    path.write_bytes(content)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def replace_photo_keeping_time_and_size(project: Path) -> None:
    photo = project / "data/rectifications/photos/ZG-2014-018-after.jpg"
    pixels = bytearray(photo.read_bytes())
    pixels[len(pixels) // 2] ^= 0x55  # inside the compressed pixels: the image still opens
    keeping_time(photo, bytes(pixels))


def replace_stylesheet_keeping_time_and_size(project: Path) -> None:
    sheet = project / "docs/assets/ledger.css"
    keeping_time(sheet, sheet.read_bytes().replace(b"0", b"1", 1))


def replace_templates_keeping_time_and_size(project: Path) -> None:
    template = project / "hooks/bixue/templates/unit_facts.html"
    keeping_time(template, template.read_bytes().replace("联系人".encode(), "联络人".encode()))


def replace_override_keeping_time_and_size(project: Path) -> None:
    override = project / "overrides/main.html"
    keeping_time(override, override.read_bytes().replace("当前阶段".encode(), "活动阶段".encode()))


def change_indicator_in_yaml(project: Path) -> None:
    replace_in(project / "data/indicators.yml", "2014-Q3: 168}", "2014-Q3: 175}")


def change_indicator_in_workbook(project: Path) -> None:
    path = project / "data/indicators.xlsx"
    sheets = read_rows(path)
    sheets["营业收入"][1][1] = 90.5
    write(path, sheets)


def change_score(project: Path) -> None:
    replace_in(
        project / "data/evaluations.yml",
        "puyang-south: {service: 27.5, facilities: 23,",
        "puyang-south: {service: 29, facilities: 23,",
    )


def finish_milestone(project: Path) -> None:
    replace_in(
        project / "data/projects.yml",
        "{name: 验收投用, planned: 2014-10-31}",
        "{name: 验收投用, planned: 2014-10-31, done: 2014-10-18}",
    )


def count_task_target(project: Path) -> None:
    replace_in(
        project / "data/projects.yml",
        "done: {2014-05-20: 1}}",
        "done: {2014-05-20: 1, 2014-10-15: 2}}",
    )


def log_activity_and_honour(project: Path) -> None:
    """A guest added to an activity (hosted and attended counts, a log-sourced indicator) and an
    honour's level changed."""
    replace_in(
        project / "data/activities.yml", "guests: [puyang-south]", "guests: [puyang-south, hebi]"
    )
    replace_in(
        project / "data/achievements.yml",
        "  level: 市级\n  grade: 二等奖",
        "  level: 省级\n  grade: 二等奖",
    )


def edit_case(project: Path) -> None:
    replace_in(
        project / "data/exemplars/love-station.md",
        "全天24小时开放",
        "全天24小时开放，节假日加派人手",
    )


def add_case(project: Path) -> None:
    text = (project / "data/exemplars/love-station.md").read_text(encoding="utf-8")
    text = text.replace("清丰服务区司乘人员“爱心驿站”", "鹤壁服务区冬季除雪保畅“三快”工作法", 1)
    text = text.replace("unit: qingfeng", "unit: hebi", 1).replace(
        "date: 2014-04-25", "date: 2014-09-26", 1
    )
    (project / "data/exemplars/snow-clearing.md").write_text(text, encoding="utf-8")


def delete_case(project: Path) -> None:
    (project / "data/exemplars/smile-service.md").unlink()


def pin_notice(project: Path) -> None:
    replace_in(
        project / "data/notices/q2-evaluation-results.md", "\n---\n", "\npinned: true\n---\n"
    )


def change_as_of(project: Path) -> None:
    replace_in(project / "data/campaign.yml", "as_of: 2014-10-20", "as_of: 2014-10-27")


def edit_override(project: Path) -> None:
    replace_in(project / "overrides/main.html", "<span>当前阶段：", "<span>活动阶段：")


def edit_template(project: Path) -> None:
    replace_in(
        project / "hooks/bixue/templates/unit_facts.html", "<dt>联系人</dt>", "<dt>联络人</dt>"
    )


def add_unit(project: Path) -> None:
    units = project / "data/units.yml"
    added = (
        "- id: huaxian\n  name: 滑县服务区\n  short: 滑县\n  group: 濮阳片区\n  contact: 周文斌\n"
    )
    units.write_text(units.read_text(encoding="utf-8") + added, encoding="utf-8")


def finish_ledger_item(project: Path) -> None:
    replace_in(
        project / "data/rectifications/2014-inspections.yml",
        "  deadline: 2014-10-15\n  status: doing\n",
        "  deadline: 2014-10-15\n  status: done\n  completed: 2014-10-16\n",
    )


def return_unit_workbook(project: Path) -> None:
    """A unit's ledger workbook sent back into data/returns/: an open item finished."""
    returned = {
        "整改台账": [
            ["编号", "责任单位", "状态", "完成日期", "整改进展"],
            ["ZG-2014-031", "濮阳服务区", "已完成", "2014-10-16", "2014-10-16 新加油机已启用"],
        ],
        "说明": [["用途", "本单位未完成的整改事项"], ["交回单位", "濮阳服务区"]],
    }
    (project / "data/returns").mkdir(exist_ok=True)
    write(project / "data/returns/台账-濮阳服务区.xlsx", returned)


def delete_notice(project: Path) -> None:
    (project / "data/notices/mobilization-plan.md").unlink()


def edit_stylesheet(project: Path) -> None:
    sheet = project / "docs/assets/ledger.css"
    sheet.write_text(
        sheet.read_text(encoding="utf-8") + "\n/* 打印时保留边框 */\n", encoding="utf-8"
    )


def write_page_over_a_generated_one(project: Path) -> None:
    page = "# 结对比学\n\n各结对单位每季度互访一次。\n\n<!-- bixue:pairs -->\n"
    (project / "docs/pairs.md").write_text(page, encoding="utf-8")


def rename_nav_entry(project: Path) -> None:
    replace_in(project / "mkdocs.yml", "  - 结对比学: pairs.md", "  - 结对共进: pairs.md")


def change_case_people(project: Path) -> None:
    replace_in(
        project / "data/exemplars/love-station.md",
        "people: [孙国栋, 秦玉梅]",
        "people: [孙国栋, 欧阳娜娜]",
    )


def make_notice_internal(project: Path) -> None:
    replace_in(
        project / "data/notices/q2-evaluation-results.md", "\n---\n", "\ninternal: true\n---\n"
    )


def make_case_public(project: Path) -> None:
    replace_in(project / "data/exemplars/night-patrol.md", "internal: true\n", "")


def change_contact(project: Path) -> None:
    replace_in(project / "data/units.yml", "contact: 王建新", "contact: 司马相如")


def break_units_and_edit_others(project: Path) -> None:
    """Edits made while the data is bad show once it is fixed: serve builds the last good board
    meanwhile, and what it keeps must not stay from the bad reading."""
    replace_in(project / "data/notices/site-visit-meeting.md", "title: ", "title: 改期：")
    finish_ledger_item(project)
    edit_ledger_row(project)
    change_indicator_in_yaml(project)
    replace_in(project / "data/units.yml", "name:", "nmae:")


def fix_units(project: Path) -> None:
    replace_in(project / "data/units.yml", "nmae:", "name:")
