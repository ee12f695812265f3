"""data/projects.xlsx: key projects kept in a workbook read as projects.yml is, cells as clerks type
them, every error at its cell; the board's own download read back gives the same projects."""

from __future__ import annotations

import dataclasses
import datetime
import json
import shutil
from pathlib import Path

import pytest
import workbooks
from bixue.errors import DataErrors
from bixue.figures.board import compute_board
from bixue.load import load_campaign
from bixue.model import Milestone, ProjectGroup, Update
from bixue.outputs import projects_workbook
from conftest import built, soup

VALID = Path(__file__).parent / "golden" / "valid-minimal" / "data"
DEMO = Path(__file__).resolve().parents[1] / "data"
D = datetime.date.fromisoformat
AS_OF = datetime.date(2014, 10, 20)
PROJECT_HEADERS = ["编号", "项目名称", "类别", "责任单位", "联系领导", "计划投资（万元）", "内部"]


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(VALID, folder)
    return folder


def sheets(**changed) -> dict:
    """A small projects workbook; `changed` replaces sheets by name (None leaves one out)."""
    book = {
        "重点项目": [
            PROJECT_HEADERS,
            ["toilet", "卫生间改造", "改造工程", "北区", "张国庆", 180, None],
            ["lights", "路灯改造", "works", "south", None, "１２０", "是"],
        ],
        "投资进度": [
            ["项目编号", "项目名称", "截至日期", "累计完成投资（万元）"],
            ["toilet", "卫生间改造", {"date": "2014-04-30"}, 20],
            ["toilet", None, "2014/6/30", "95"],
        ],
        "节点": [
            ["项目编号", "节点", "计划日期", "完成日期", "情况"],
            ["toilet", "方案批复", "2014年4月10日", "2014.4.8", "按期完成"],
            ["toilet", "主体完工", {"date": "2014-08-31"}],
        ],
        "形象进度": [
            ["项目编号", "日期", "进展"],
            ["toilet", "2014-05-28", "• 隔断安装完成\n• 洁具到货"],
            ["toilet", "2014-06-28", "正在铺设地砖。"],
        ],
        "类别": [["编号", "名称"], ["works", "改造工程"], ["energy", "节能工程"]],
        "说明": [["随便写点什么"]],
    }
    book.update(changed)
    return {name: rows for name, rows in book.items() if rows is not None}


def loaded(data: Path, **changed):
    workbooks.write(data / "projects.xlsx", sheets(**changed))
    return load_campaign(data).projects


def errors(data: Path, **changed) -> list:
    workbooks.write(data / "projects.xlsx", sheets(**changed))
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    return [str(error) for error in caught.value.errors]


def test_a_projects_workbook_as_clerks_keep_it(data):
    projects = loaded(data)
    assert projects.groups == (
        ProjectGroup("works", "改造工程"),
        ProjectGroup("energy", "节能工程"),
    )
    toilet, lights = projects.projects
    assert (toilet.group, toilet.unit, toilet.leader, toilet.plan) == (
        "works",
        "north",
        "张国庆",
        180,
    )
    assert toilet.invested == ((D("2014-04-30"), 20), (D("2014-06-30"), 95))
    assert toilet.milestones == (
        Milestone("方案批复", D("2014-04-10"), D("2014-04-08")),
        Milestone("主体完工", D("2014-08-31")),
    )
    assert toilet.progress == (
        Update(D("2014-06-28"), "正在铺设地砖。"),
        Update(D("2014-05-28"), "- 隔断安装完成\n- 洁具到货"),  # bullets back as Markdown
    )
    assert (lights.group, lights.unit, lights.plan, lights.internal) == (
        "works",
        "south",
        120,
        True,
    )
    assert not toilet.internal and lights.invested == () and lights.milestones == ()
    assert toilet.origin.path == "data/projects.xlsx" and toilet.origin.line == 2  # its row


def test_a_title_above_the_header_and_headers_with_spaces_and_line_breaks(data):
    rows = [
        ["2014年重点项目"],
        ["编 号", "项目\n名称", "单位"],
        ["toilet", " 卫生间改造 ", "east-2"],
    ]
    (project,) = loaded(data, 重点项目=rows, 投资进度=None, 节点=None, 形象进度=None).projects
    assert (project.id, project.name, project.unit, project.group) == (
        "toilet",
        "卫生间改造",
        "east-2",
        "",
    )


def test_without_a_groups_sheet_the_names_in_the_column_are_the_groups_in_order(data):
    rows = [
        ["编号", "项目名称", "类别"],
        ["a", "甲", "民生工程"],
        ["b", "乙", "建设工程"],
        ["c", "丙", "民生工程"],
        ["d", "丁"],
    ]
    projects = loaded(data, 重点项目=rows, 类别=None, 投资进度=None, 节点=None, 形象进度=None)
    assert projects.groups == (
        ProjectGroup("group-1", "民生工程"),
        ProjectGroup("group-2", "建设工程"),
    )
    assert [p.group for p in projects.projects] == ["group-1", "group-2", "group-1", ""]


def test_photos_one_path_a_line_inside_data(data):
    photo = next((DEMO / "rectifications" / "photos").glob("*.jpg"))
    (data / "photos").mkdir()
    shutil.copy(photo, data / "photos" / "a.jpg")
    shutil.copy(photo, data / "photos" / "b.jpg")
    rows = [["编号", "项目名称", "照片"], ["a", "甲", "photos/a.jpg\n photos/b.jpg "]]
    (project,) = loaded(data, 重点项目=rows, 投资进度=None, 节点=None, 形象进度=None).projects
    assert project.photos == ("photos/a.jpg", "photos/b.jpg")
    rows[1][2] = "../outside.jpg"
    (message,) = errors(data, 重点项目=rows, 投资进度=None, 节点=None, 形象进度=None)
    assert message.startswith("data/projects.xlsx:重点项目!C2: 照片: 图片必须放在 data/ 文件夹里面")


@pytest.mark.parametrize(
    "sheet,at,value,message",
    [
        ("重点项目", (1, 3), "北区x", "重点项目!D2: 责任单位: units.yml 里没有这个单位：'北区x'"),
        ("重点项目", (1, 2), "改造", "重点项目!C2: 类别: “类别”工作表里没有这个类别：'改造'"),
        (
            "重点项目",
            (1, 5),
            "1,180",
            "重点项目!F2: 计划投资（万元）: 必须是数字，实际为 '1,180'（去掉千位分隔符）",
        ),
        ("重点项目", (1, 5), 0, "重点项目!F2: 计划投资（万元）: 必须大于 0，实际为 0"),
        (
            "重点项目",
            (1, 6),
            "也许",
            "重点项目!G2: 内部: 必须是 是 或 否（空白为否），实际为 '也许'",
        ),
        ("重点项目", (2, 0), "Lights", "重点项目!A3: 编号: id 不合格：'Lights'"),
        (
            "重点项目",
            (2, 0),
            "toilet",
            "重点项目!A3: 编号: 'toilet' 重复了：data/projects.xlsx:重点项目!A2 已经用过",
        ),
        ("重点项目", (2, 1), None, "重点项目!B3: 项目名称: 不能为空"),  # a blank 编号 is made
        ("重点项目", (2, 0), "screen", "重点项目!A3: 编号: 项目 id 'screen' 是网站自己要用的名字"),
        (
            "投资进度",
            (2, 3),
            "15",
            "投资进度!D3: 累计完成投资（万元）: 累计完成投资 15 少于 2014-04-30 的 20",
        ),
        ("投资进度", (2, 3), -5, "投资进度!D3: 累计完成投资（万元）: 不能为负数，实际为 -5"),
        (
            "投资进度",
            (2, 2),
            "2014-04-30",
            "投资进度!C3: 截至日期: 2014-04-30 写了两次：第 2 行已经写过",
        ),
        ("投资进度", (2, 2), "2014-02-30", "投资进度!C3: 截至日期: 日期不存在：'2014-02-30'"),
        ("投资进度", (2, 2), "0214-06-30", "投资进度!C3: 截至日期: 日期超出范围：0214-06-30"),
        (
            "投资进度",
            (2, 0),
            "toilets",
            "投资进度!A3: 项目编号: “重点项目”工作表里没有这个项目：'toilets'（是不是 toilet？）",
        ),
        ("投资进度", (2, 3), None, "投资进度!D3: 累计完成投资（万元）: 不能为空"),
        (
            "节点",
            (2, 2),
            "2014-03-31",
            "节点!C3: 计划日期: 节点 '主体完工' 的计划日期 2014-03-31 早于前面的 '方案批复'",
        ),
        (
            "节点",
            (1, 3),
            "4月8日",
            "节点!D2: 完成日期: 必须是日期（如 2014-06-30、2014/6/30、2014.6.30 或 2014年6月30日）"
            "，实际为 '4月8日'",
        ),
        ("节点", (1, 1), None, "节点!B2: 节点: 不能为空"),
        ("形象进度", (1, 2), "<script>alert(1)</script>", "形象进度!C2: 进展: "),
        ("形象进度", (1, 1), None, "形象进度!B2: 日期: 不能为空"),
    ],
)
def test_each_slip_is_named_by_its_cell(data, sheet, at, value, message):
    book = sheets()
    row, col = at
    cells = book[sheet][row]
    cells += [None] * (col + 1 - len(cells))
    cells[col] = value
    found = errors(data, **{sheet: book[sheet]})
    assert len(found) == 1, found
    assert found[0].startswith(f"data/projects.xlsx:{message}"), found


def test_invested_without_plan_is_named_at_the_plan_cell(data):
    book = sheets()
    book["重点项目"][1][5] = None
    assert errors(data, 重点项目=book["重点项目"]) == [
        "data/projects.xlsx:重点项目!F2: 计划投资（万元）: "
        "写了 累计完成投资（万元） 就要写 计划投资（万元）"
        "（计划投资（万元） 是本期计划完成的投资（万元），完成率 = 已完成投资 / 计划投资（万元））"
    ]


def test_unknown_sheets_headers_and_missing_header_rows_are_errors(data):
    found = errors(
        data,
        节点=[["项目编号", "节点", "计划日子"], ["toilet", "开工", "2014-05-01"]],
        形象进度=[["日期", "进展"]],
        台账=[["编号"]],
        重点项目=[
            [*PROJECT_HEADERS, "备注"],
            ["toilet", "卫生间改造", "works", "north", None, 180],
        ],
    )
    assert found == [
        "data/projects.xlsx:重点项目!H1: 未知的列 '备注'（可用的列：编号、项目名称、类别、"
        "责任单位、单位、联系领导、责任人、总投资（万元）、总投资、计划投资（万元）、计划投资、"
        "照片、内部、类型、工作难度、工作措施）",
        "data/projects.xlsx:节点!A1: 前 10 行里找不到表头“项目编号”、“节点”、“计划日期”",
        "data/projects.xlsx:形象进度!A1: 前 10 行里找不到表头“项目编号”、“日期”、“进展”",
        "data/projects.xlsx:台账!A1: 未知的工作表 '台账'"
        "（可用的工作表：重点项目、投资进度、节点、形象进度、类别、目标任务、说明）",
    ]


def test_a_workbook_without_the_projects_sheet(data):
    assert errors(data, 重点项目=None) == [
        "data/projects.xlsx: 这个工作簿里没有“重点项目”工作表（表头至少要有“编号”和“项目名称”）"
    ]


def test_hostile_cells_get_the_workbook_refusals(data):
    book = sheets()
    book["重点项目"][1][1] = "卫生间\u202e改造"
    book["重点项目"][2][1] = "=A1&A2"  # a formula never computed
    found = errors(data, 重点项目=book["重点项目"])
    assert [line.split(": ")[0] for line in found] == [
        "data/projects.xlsx:重点项目!B2",
        "data/projects.xlsx:重点项目!B3",
    ]
    assert "公式 =A1&A2 没有计算结果" in found[1]


def test_both_projects_files_are_an_error_naming_both(data):
    (data / "projects.yml").write_text("projects: []\n", encoding="utf-8")
    assert errors(data) == [
        "data/projects.xlsx: data/projects.yml 和 data/projects.xlsx 不能同时存在"
        "（重点项目只写在一处：删掉其中一个）"
    ]


def test_an_old_excel_file_beside_is_reported(data):
    (data / "projects.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    assert str(caught.value.errors[0]).startswith(
        "data/projects.xls: 旧版 Excel 文件（.xls）不会被读取"
    )


def test_the_demo_download_reads_back_to_the_same_projects(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    campaign = load_campaign(data)
    board = compute_board(campaign, campaign.plan.as_of)
    (data / "projects.yml").unlink()
    (data / "projects.xlsx").write_bytes(projects_workbook.projects_xlsx(board))
    again = load_campaign(data).projects
    strip = lambda projects: [dataclasses.replace(p, origin=None) for p in projects]  # noqa: E731
    assert strip(again.projects) == strip(campaign.projects.projects)
    assert again.groups == campaign.projects.groups
    assert any(p.internal for p in again.projects) and any(p.photos for p in again.projects)


# ---- whole builds: the download put in data/ builds the same projects pages ----


def main_content(site: Path, url: str) -> str:
    article = soup(site, url).select_one("article")
    assert article is not None and article.select("table"), url
    return str(article)


def project_urls(site: Path) -> list:
    pages = sorted((site / "projects").glob("*/index.html"))
    return ["projects/", *(f"projects/{page.parent.name}/" for page in pages)]


def projects_entry(site: Path) -> dict:
    return json.loads((site / "data.json").read_text(encoding="utf-8"))["projects"]


@pytest.fixture(scope="module")
def from_download(demo_site, tmp_path_factory) -> Path:
    """The demo's data with the internal build's projects download in place of projects.yml."""
    data = tmp_path_factory.mktemp("projects-xlsx") / "data"
    shutil.copytree(DEMO, data)
    (data / "projects.yml").unlink()
    shutil.copy(demo_site / "downloads" / "projects.xlsx", data / "projects.xlsx")
    return data


def test_the_download_builds_the_same_projects_pages(demo_site, from_download, tmp_path):
    site = built(tmp_path / "site", from_download)
    urls = project_urls(demo_site)
    assert urls == project_urls(site) and len(urls) == 7
    for url in urls:
        assert main_content(site, url) == main_content(demo_site, url), url
    assert projects_entry(site) == projects_entry(demo_site)
    unit = "units/hebi/"
    assert main_content(site, unit) == main_content(demo_site, unit)
    # What is read back writes the same download again, to the byte.
    download = "downloads/projects.xlsx"
    assert (site / download).read_bytes() == (demo_site / download).read_bytes()


def test_the_public_build_of_the_download_is_the_public_build_of_the_yaml(
    public_site, from_download, tmp_path
):
    site = built(tmp_path / "site", from_download, BOARD_PROFILE="public")
    urls = project_urls(public_site)
    assert urls == project_urls(site) and "projects/solar-lighting/" not in urls
    for url in urls:
        assert main_content(site, url) == main_content(public_site, url), url
    assert projects_entry(site) == projects_entry(public_site)


def test_only_the_internal_download_has_photos_and_internal(demo_site, public_site):
    internal = workbooks.read_rows(demo_site / "downloads" / "projects.xlsx")
    public = workbooks.read_rows(public_site / "downloads" / "projects.xlsx")
    assert (
        list(internal)
        == list(public)
        == ["重点项目", "投资进度", "节点", "形象进度", "类别", "目标任务", "说明"]
    )
    assert internal["重点项目"][0][-2:] == ["照片", "内部"]
    assert "照片" not in public["重点项目"][0] and "内部" not in public["重点项目"][0]
    photos = {row[0]: row[-2] for row in internal["重点项目"][1:]}
    assert photos["toilet-upgrade"] == "rectifications/photos/ZG-2014-030-after.jpg"
    assert internal["类别"][1:] == [
        ["works", "服务设施提升改造"],
        ["energy", "节能与新能源"],
        ["service", "服务质量提升"],
    ]
    assert ["parking-expansion", "停车场扩建工程", datetime.datetime(2014, 9, 30), 210] in (
        internal["投资进度"]
    )


# ---- the blank template ----


def test_the_template_has_the_loaders_headers_lists_and_date_columns(tmp_path):
    import openpyxl
    from bixue.load import projects_xlsx
    from bixue.outputs import templates_xlsx

    campaign = load_campaign(DEMO)
    board = compute_board(campaign, campaign.plan.as_of)
    template = next(t for t in templates_xlsx.templates(board) if t.name == "projects.xlsx")
    path = tmp_path / "projects.xlsx"
    path.write_bytes(template.make())
    book = openpyxl.load_workbook(path)
    for name, (headers, _needed, _ignored) in projects_xlsx.TABLES.items():
        assert all(header in headers for header in [c.value for c in book[name][1]]), name
    assert [[c.value for c in row] for row in book["类别"].iter_rows(min_row=2)] == [
        ["works", "服务设施提升改造"],
        ["energy", "节能与新能源"],
        ["service", "服务质量提升"],
    ]
    lists = {
        str(v.sqref).split(":")[0]: v for v in book["重点项目"].data_validations.dataValidation
    }
    assert set(lists) == {"C2", "D2", "J2", "K2"} and lists["J2"].formula1 == '"是,否"'
    assert lists["K2"].formula1 == '"工程,工作任务"'
    assert book["节点"]["C200"].number_format == "yyyy-mm-dd"
    assert book["选项"].sheet_state == "hidden"
    assert not board.public and not templates_xlsx.templates(compute_board(campaign, AS_OF, True))


def test_a_filled_in_template_loads(tmp_path):
    import openpyxl
    from bixue.outputs import projects_template

    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    campaign = load_campaign(data)
    (data / "projects.yml").unlink()
    path = data / "projects.xlsx"
    path.write_bytes(projects_template.projects_template(compute_board(campaign, AS_OF)))
    book = openpyxl.load_workbook(path)
    book["重点项目"].append(["road", "道路改造", "节能与新能源", "鹤壁服务区", None, None, 90, 80])
    book["投资进度"].append(["road", "2014/9/30", 40])
    book["节点"].append(["road", "开工", datetime.date(2014, 5, 1), "2014-05-03"])
    book.save(path)
    (project,) = load_campaign(data).projects.projects
    assert (project.group, project.unit, project.plan) == ("energy", "hebi", 80)
    assert project.invested == ((D("2014-09-30"), 40),)
    assert project.milestones == (Milestone("开工", D("2014-05-01"), D("2014-05-03")),)


def test_the_internal_projects_page_offers_the_template(demo_site, public_site):
    link = soup(demo_site, "projects/").select_one("a.bx-projects-template")
    assert (demo_site / "projects" / link["href"]).resolve().is_file()
    assert not soup(public_site, "projects/").select("a.bx-projects-template")


def test_the_public_checks_name_the_cell_on_the_projects_sheets(data):
    from bixue import privacy

    book = sheets()
    book["重点项目"][1][4] = "张国庆 13812345678"
    book["形象进度"][2][2] = "已通知，身份证 110101199003070016 的施工负责人到场。"
    workbooks.write(data / "projects.xlsx", book)
    found = [str(error) for error in privacy.check_public_text(load_campaign(data))]
    assert any(
        line.startswith("data/projects.xlsx:重点项目!E2: 联系领导: 公开版不得发布手机号码")
        for line in found
    ), found
    # A step of progress names its project's row (steps keep no cell of their own).
    assert any(
        line.startswith("data/projects.xlsx:重点项目!A2: 形象进度: 公开版不得发布18位身份证")
        for line in found
    ), found
    assert all("“内部”列" in line for line in found)


def test_a_blank_id_is_made_from_the_name_and_the_other_sheets_may_name_the_project(data):
    projects = loaded(
        data,
        重点项目=[
            PROJECT_HEADERS,
            [None, "卫生间改造", "改造工程", "北区", "张国庆", 180, None],
            ["lights", "路灯改造", "works", "south", None, 120, None],
        ],
        投资进度=[
            ["项目编号", "项目名称", "截至日期", "累计完成投资（万元）"],
            [None, "卫生间改造", {"date": "2014-04-30"}, 20],  # 编号 blank: by its name
            ["卫生间改造", None, "2014/6/30", 95],  # the name in the 编号 column
        ],
        节点=[["项目编号", "节点", "计划日期"], ["卫生间改造", "方案批复", "2014-04-10"]],
        形象进度=[["项目编号", "日期", "进展"], ["lights", "2014-05-28", "立杆完成"]],
    )
    toilet, lights = projects.projects
    assert (toilet.id, lights.id) == ("weishengjiangaizao", "lights")
    assert toilet.invested == ((D("2014-04-30"), 20), (D("2014-06-30"), 95))
    assert toilet.milestones == (Milestone("方案批复", D("2014-04-10")),)
    assert lights.progress == (Update(D("2014-05-28"), "立杆完成"),) and lights.invested == ()


def test_a_row_naming_no_project_by_id_or_name_is_one_error(data):
    found = errors(
        data,
        重点项目=[PROJECT_HEADERS, [None, "卫生间改造", "改造工程", "北区", None, 180, None]],
        投资进度=[
            ["项目编号", "项目名称", "截至日期", "累计完成投资（万元）"],
            ["卫生间改照", None, "2014/6/30", 95],
        ],
        节点=None,
        形象进度=None,
    )
    assert len(found) == 1 and "投资进度!A2" in found[0] and "卫生间改造" in found[0], found
