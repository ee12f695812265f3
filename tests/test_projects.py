"""Key projects (重点项目): the figures on their edges, projects.yml read and checked, the pages of
both builds, the workbook and data.json rows."""

from __future__ import annotations

import io
import json
from fractions import Fraction

import pytest
from bixue.errors import DataErrors
from bixue.figures import projects as pf
from bixue.load import load_campaign
from bixue.model import Milestone, Project, ProjectGroup, Projects
from boards import AS_OF, D
from conftest import ROOT, soup
from openpyxl import load_workbook
from test_load import campaign_copy

PROGRESS = Fraction(122, 306)
"""Time progress of 2014-03-01..2014-12-31 as of 2014-06-30 (AS_OF)."""


# ---- figures ----


def test_completed_investment_is_the_latest_value_on_or_before_the_day():
    invested = ((D("2014-04-30"), 20), (D("2014-06-30"), 95), (D("2014-08-31"), 150))
    assert pf.completed_investment(invested, AS_OF) == 95  # reported on the as-of day itself
    assert pf.completed_investment(invested, D("2014-06-29")) == 20
    assert pf.completed_investment(invested, D("2014-12-31")) == 150


def test_no_investment_reported_yet_is_none_not_zero():
    assert pf.completed_investment((), AS_OF) is None
    assert pf.completed_investment(((D("2014-07-31"), 10),), AS_OF) is None
    assert pf.investment_completion(None, 180) is None
    assert not pf.is_behind_schedule(None, PROGRESS)


def test_completion_and_behind_schedule():
    assert pf.investment_completion(95, 180) == Fraction(19, 36)
    assert pf.is_behind_schedule(Fraction(1, 3), PROGRESS)
    assert not pf.is_behind_schedule(PROGRESS, PROGRESS)  # equal is not behind


def milestone(planned: str, done: str | None = None) -> Milestone:
    return Milestone("节点", D(planned), D(done) if done else None)


@pytest.mark.parametrize(
    "planned,done,state",
    [
        ("2014-06-30", "2014-06-30", pf.DONE),  # done on the planned day: on time
        ("2014-06-10", "2014-06-08", pf.DONE),
        ("2014-06-10", "2014-06-12", pf.DONE_LATE),
        ("2014-06-30", None, pf.DUE_SOON),  # due on the as-of day: due soon, not overdue
        ("2014-06-29", None, pf.OVERDUE),
        ("2014-07-03", None, pf.DUE_SOON),  # as of + warn_days
        ("2014-07-04", None, pf.PENDING),
        ("2014-06-20", "2014-07-02", pf.OVERDUE),  # done after the as-of day: not done yet
    ],
)
def test_milestone_states(planned, done, state):
    assert pf.milestone_state(milestone(planned, done), AS_OF, 3) == state


def test_project_states():
    assert pf.project_state([pf.DONE, pf.DONE_LATE], 10) == pf.FINISHED
    assert pf.project_state([pf.PENDING, pf.PENDING], None) == pf.NOT_STARTED
    assert pf.project_state([pf.PENDING], 0) == pf.NOT_STARTED
    assert pf.project_state([pf.PENDING], 5) == pf.UNDER_WAY
    assert pf.project_state([pf.DONE, pf.OVERDUE], None) == pf.UNDER_WAY
    assert pf.project_state([pf.DONE, pf.PENDING, pf.DONE], None) == pf.FINISHED  # the last
    assert pf.project_state([], None) == pf.NOT_STARTED


def project(project_id: str, group: str = "", plan=None, invested=(), milestones=()) -> Project:
    return Project(
        project_id, project_id, group=group, plan=plan, invested=invested, milestones=milestones
    )


def test_totals_per_group_and_overall_count_only_projects_with_plan_and_value():
    projects = Projects(
        (ProjectGroup("works", "改造"), ProjectGroup("empty", "空")),
        (
            project("a", "works", 100, ((D("2014-05-31"), 30),), (milestone("2014-06-01"),)),
            project("b", "works", 50, ((D("2014-06-30"), 50),)),
            project("c", "works", 80),  # no value yet: left out of the sums
            project("d", "", None, ((D("2014-06-30"), 7),)),  # no plan: left out
        ),
    )
    view = pf.projects_view(projects, AS_OF, PROGRESS, 3)
    assert [g.group.id if g.group else None for g in view.groups] == ["works", None]
    works = view.groups[0].totals
    assert (works.plan, works.completed, works.completion) == (150, 80, Fraction(8, 15))
    assert (works.behind, works.overdue_milestones, works.projects) == (1, 1, 3)
    overall = view.totals
    assert (overall.plan, overall.completed, overall.projects) == (150, 80, 4)
    assert (overall.not_started, overall.under_way) == (1, 3)
    assert view.row("a").next_milestone.milestone.planned == D("2014-06-01")


# ---- projects.yml ----

PROJECTS_YML = """groups:
  - {id: works, name: 重点改造工程}
projects:
  - id: toilet-upgrade
    name: 卫生间提升改造工程
    group: works
    unit: north
    leader: 张国庆
    investment: 260
    plan: 180
    invested: {2014-06-30: 95, 2014-04-30: 20}
    milestones:
      - {name: 方案批复, planned: 2014-04-10, done: 2014-04-08}
      - {name: 主体施工完成, planned: 2014-08-31}
    progress:
      - {date: 2014-05-28, note: 隔断安装完成。}
      - {date: 2014-06-28, note: 正在铺设地砖。}
"""


def test_projects_yml_loads_as_written(tmp_path):
    campaign = load_campaign(campaign_copy(tmp_path, {"projects.yml": PROJECTS_YML}))
    (found,) = campaign.projects.projects
    assert (found.id, found.group, found.unit, found.leader) == (
        "toilet-upgrade",
        "works",
        "north",
        "张国庆",
    )
    assert found.invested == ((D("2014-04-30"), 20), (D("2014-06-30"), 95))
    assert [m.done for m in found.milestones] == [D("2014-04-08"), None]
    assert [step.date for step in found.progress] == [D("2014-06-28"), D("2014-05-28")]
    assert campaign.projects.groups == (ProjectGroup("works", "重点改造工程"),)


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("group: works", "group: work", "groups 里没有这个分组：'work'（是不是 works？）"),
        ("2014-06-30: 95", "2014-06-30: 15", "累计完成投资 15 少于 2014-04-30 的 20"),
        ("    plan: 180\n", "", "plan: 写了 invested 就要写 plan"),
        ("    plan: 180\n", "    plan:\n", "plan: 写了 invested 就要写 plan"),
        ("investment: 260", "investment: 0", "investment: 必须大于 0，实际为 0"),
        ("planned: 2014-08-31", "planned: 2014-03-31", "早于前面的 '方案批复'（2014-04-10）"),
        ("unit: north", "unit: 某服务区", "units.yml 里没有这个单位：'某服务区'"),
    ],
)
def test_projects_yml_errors_name_file_line_and_field(tmp_path, old, new, message):
    data = campaign_copy(tmp_path, {"projects.yml": PROJECTS_YML.replace(old, new)})
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    (error,) = caught.value.errors
    assert error.path == "data/projects.yml" and error.line > 0
    assert message in str(error)


# ---- the demo's pages ----


def test_the_projects_page_has_totals_a_table_per_group_and_the_chart(demo_site):
    page = soup(demo_site, "projects/")
    groups = [table["data-group"] for table in page.select("table.bx-projects-table")]
    assert groups == ["works", "energy"]
    rows = {tr["data-project"]: tr for tr in page.select(".bx-projects-table tr[data-project]")}
    assert set(rows) == {
        "toilet-upgrade",
        "parking-expansion",
        "signage",
        "charging-piles",
        "solar-lighting",
    }
    assert rows["charging-piles"].select_one(".bx-completed").get_text(strip=True) == "未报送"
    assert rows["parking-expansion"].select_one(".bx-completion").get_text(" ", strip=True) == (
        "52.5% ▼ 落后"
    )
    assert rows["toilet-upgrade"].select_one(".bx-leader").get_text() == "宋建平"
    tiles = [t.get_text(" ", strip=True) for t in page.select(".bx-tile")]
    assert tiles[0] == "投资完成率 66.3% 已完成 448 / 计划 676 万元"
    assert page.select_one("[data-bx-chart=projects-completion] .bx-chart")
    assert page.select_one("a[href$='downloads/projects.xlsx']")


def test_a_project_page_shows_facts_milestones_charts_and_progress(demo_site):
    page = soup(demo_site, "projects/parking-expansion/")
    states = [tr["data-state"] for tr in page.select("table.bx-milestones tr[data-state]")]
    assert states == ["done-late", "overdue", "due-soon", "pending"]
    assert "逾期 20 天" in page.select_one("tr[data-state=overdue]").get_text()
    assert page.select_one(".bx-owner").get_text() == "赵丽萍"
    charts = {fig["data-bx-chart"] for fig in page.select("[data-bx-chart]")}
    assert charts == {"milestones", "investment"}
    notes = [li.select_one("time").get_text() for li in page.select(".bx-project-progress li")]
    assert notes == ["2014-10-15", "2014-07-25"]


def test_the_public_build_masks_leaders_and_owners_and_unlists_internal_projects(public_site):
    page = soup(public_site, "projects/")
    rows = [tr["data-project"] for tr in page.select(".bx-projects-table tr[data-project]")]
    assert "solar-lighting" not in rows and len(rows) == 4
    assert page.select_one("[data-unlisted]")["data-unlisted"] == "1"
    tiles = [t.get_text(" ", strip=True) for t in page.select(".bx-tile")]
    assert tiles[0] == "投资完成率 66.3% 已完成 448 / 计划 676 万元"  # the internal one counts
    leaders = {td.get_text() for td in page.select(".bx-leader")}
    assert leaders == {"宋＊", "黄＊", "刘＊", "程＊"}
    assert not (public_site / "projects" / "solar-lighting").exists()
    assert soup(public_site, "projects/parking-expansion/").select_one(".bx-owner").get_text() == (
        "赵＊"
    )


def test_projects_stay_out_of_rankings_unit_tables_and_pairs(demo_site):
    for url in ("ranking/", "units/", "pairs/", "indicators/"):
        assert not soup(demo_site, url).select("[data-project]"), url
    unit_page = soup(demo_site, "units/hebi/")
    assert [tr["data-project"] for tr in unit_page.select("[data-project]")] == [
        "parking-expansion"
    ]
    assert not soup(demo_site, "units/fengquan/").select("[data-bx-block=unit-projects]")


def test_the_home_page_has_the_projects_tiles_and_the_nav_its_entry(demo_site):
    home = soup(demo_site, "")
    block = home.select_one("[data-bx-block=projects-home]")
    assert "逾期节点 1 个" in block.get_text(" ", strip=True)
    tabs = [a.get_text(strip=True) for a in home.select(".md-tabs a")]
    assert tabs.index("重点项目") == tabs.index("整改台账") + 1


def test_a_campaign_without_projects_has_no_projects_page_nor_entry(tmp_path):
    from conftest import built

    site = built(tmp_path / "site", ROOT / "tests" / "golden" / "valid-minimal" / "data")
    assert not (site / "projects").exists()
    assert "重点项目" not in soup(site, "").select_one(".md-tabs").get_text()


def test_the_workbook_lists_projects_and_milestones(demo_site, public_site):
    for site, count in ((demo_site, 6), (public_site, 5)):
        book = load_workbook(io.BytesIO((site / "downloads" / "projects.xlsx").read_bytes()))
        rows = list(book["重点项目"].iter_rows(values_only=True))
        assert rows[0][:3] == ("编号", "项目名称", "类别") and len(rows) == count + 1
        charging = next(row for row in rows if row[0] == "charging-piles")
        assert charging[8] == "未报送" and charging[12] == "未开工"
        milestones = list(book["节点"].iter_rows(values_only=True))
        assert ("parking-expansion", "停车场扩建工程", "路面硬化") == milestones[5][:3]
    public = load_workbook(io.BytesIO((public_site / "downloads" / "projects.xlsx").read_bytes()))
    leaders = {row[4] for row in public["重点项目"].iter_rows(min_row=2, values_only=True)}
    assert leaders == {"宋＊", "黄＊", "刘＊", "程＊"}


def test_data_json_has_the_projects_without_persons(public_site):
    data = json.loads((public_site / "data.json").read_text(encoding="utf-8"))
    projects = data["projects"]
    assert (projects["total"], projects["not_listed"], projects["completion_pct"]) == (
        5,
        1,
        "66.3%",
    )
    parking = next(item for item in projects["items"] if item["id"] == "parking-expansion")
    assert (parking["state"], parking["behind"], parking["overdue_milestones"]) == ("在建", True, 1)
    assert "leader" not in parking and "owner" not in parking


def test_formats_worked_example_is_what_the_board_computes():
    from bixue import figures
    from bixue.figures.board import compute_board

    campaign = load_campaign(ROOT / "data")
    board = compute_board(campaign, campaign.plan.as_of)
    doc = (ROOT / "FORMAT.md").read_text(encoding="utf-8")
    example = doc[doc.index("### 重点项目") : doc.index("### 整改完成率")]
    parking = board.projects.row("parking-expansion")
    percent = figures.format_percent(parking.completion)
    shown = f"{parking.completed} ÷ {parking.project.plan} = {percent}"
    assert shown in example and parking.behind
    assert [m.state for m in parking.milestones][:3] == [pf.DONE_LATE, pf.OVERDUE, pf.DUE_SOON]
    assert f"逾期 {-parking.milestones[1].days_left} 天" in example
    assert board.projects.row("charging-piles").state == pf.NOT_STARTED
    assert board.projects.row("signage").state == pf.FINISHED
    totals = board.projects.totals
    assert (
        f"{totals.completed} ÷ {totals.plan} = {figures.format_percent(totals.completion)}"
        in example
    )


def test_the_home_chart_holds_the_projects_investment_completion(demo_site):
    from bixue import charts
    from bixue.figures.board import compute_board

    campaign = load_campaign(ROOT / "data")
    trace = charts.home_progress(compute_board(campaign, campaign.plan.as_of)).to_dict()["data"][0]
    at = trace["y"].index("重点项目投资完成率")
    assert trace["text"][at].startswith("▼ 66.3%")
    assert trace["y"][-1] == "工作任务完成度" and trace["text"][-1].startswith("▼ 43.3%")
