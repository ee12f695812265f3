"""Tasks (工作任务): a bureau's 五大项目 measured by counted targets, not money — figures worked by
hand, projects.yml and the workbook read and checked, the pages, data.json, feeds, the slide and
the download read back."""

from __future__ import annotations

import json
import shutil
from fractions import Fraction

import pytest
import workbooks
from bixue.errors import DataErrors
from bixue.figures import tasks as tf
from bixue.figures.board import compute_board
from bixue.load import load_campaign
from bixue.model import Target
from boards import AS_OF, D
from bs4 import BeautifulSoup
from conftest import built, soup
from test_load import campaign_copy

PROGRESS = Fraction(122, 306)
"""Time progress of the minimal campaign (2014-03-01..2014-12-31) as of 2014-06-30."""

BUREAU_YML = """\
# 外侨办 五大项目：四项没有经费的工作任务，一项有 15 万元工作经费
groups:
  - {id: five, name: 五大项目}
projects:
  - id: visit
    name: 走访调研侨资企业
    group: five
    unit: north
    leader: 张国庆
    targets:
      - {name: 走访调研侨资企业, target: 5, unit: 家, done: {2014-04-15: 2, 2014-06-20: 4}}
    difficulties:
      - 企业分散，负责人常年在外。
    measures:
      - 提前电话预约，结合商会活动集中走访。
      - 建立企业联系台账。
  - id: trip
    name: 组织经贸考察
    group: five
    unit: south
    targets:
      - {name: 组织经贸考察, target: 1, unit: 次}
  - id: election
    name: 完成侨商会换届
    group: five
    milestones:
      - {name: 筹备工作, planned: 2014-05-01, done: 2014-04-28}
      - {name: 换届大会, planned: 2014-09-30}
  - id: outreach
    name: 侨务政策宣讲与走访慰问
    group: five
    targets:
      - {name: 侨务政策宣讲, target: 4, unit: 场, done: {2014-05-10: 4}}
      - {name: 归侨侨眷走访慰问, target: 20, unit: 户, done: {2014-06-01: 25}}
  - id: investment-drive
    name: 招商引资
    group: five
    kind: task
    plan: 15
    invested: {2014-06-30: 6}
    targets:
      - {name: 引资项目签约, target: 2, unit: 个, done: {2014-06-15: 1}}
"""


# ---- figures, by hand ----


def test_a_targets_count_is_the_latest_value_on_or_before_the_day_and_zero_before_any():
    target = Target("走访", 5, "家", ((D("2014-04-15"), 2), (D("2014-07-10"), 5)))
    row = tf.target_row(target, AS_OF)
    assert (row.count, row.counted_on, row.completion) == (2, D("2014-04-15"), Fraction(2, 5))
    assert tf.target_row(Target("考察", 1), AS_OF).count == 0  # 0, never 未报送
    over = tf.target_row(Target("慰问", 20, "户", ((D("2014-06-01"), 25),)), AS_OF)
    assert over.completion == 1 and over.met  # capped at 100%


def test_task_completion_and_states():
    rows = [tf.target_row(Target("a", 5, "", ((D("2014-05-01"), 4),)), AS_OF)]
    rows.append(tf.target_row(Target("b", 1), AS_OF))
    assert tf.task_completion(rows, [True, False]) == Fraction(2, 5)  # targets win
    assert tf.task_completion([], [True, False]) == Fraction(1, 2)
    assert tf.task_completion([], []) is None
    assert tf.task_state(rows, []) == tf.UNDER_WAY
    assert tf.task_state(rows[1:], []) == tf.NOT_STARTED
    assert tf.task_state(rows[1:], [True]) == tf.UNDER_WAY
    assert tf.task_state([], [True, True]) == tf.FINISHED
    assert tf.task_state([], []) == tf.NOT_STARTED


@pytest.fixture(scope="module")
def bureau(tmp_path_factory):
    data = campaign_copy(tmp_path_factory.mktemp("bureau"), {"projects.yml": BUREAU_YML})
    plan = (data / "campaign.yml").read_text(encoding="utf-8")
    plan = plan.replace("    - rectification\n", "    - rectification\n    - projects\n")
    (data / "campaign.yml").write_text(plan, encoding="utf-8")
    return data


def test_the_bureaus_figures_are_those_worked_by_hand(bureau):
    campaign = load_campaign(bureau)
    board = compute_board(campaign, campaign.plan.as_of)
    assert board.time_progress == PROGRESS
    rows = {row.project.id: row for row in board.projects.rows}
    assert {key: row.project.kind for key, row in rows.items()} == dict.fromkeys(rows, "task")
    completions = {key: row.completion for key, row in rows.items()}
    assert completions == {
        "visit": Fraction(4, 5),
        "trip": 0,
        "election": Fraction(1, 2),
        "outreach": 1,
        "investment-drive": Fraction(1, 2),
    }
    states = {key: row.state for key, row in rows.items()}
    assert states == {
        "visit": "推进中",
        "trip": "未开始",
        "election": "推进中",
        "outreach": "已完成",
        "investment-drive": "推进中",
    }
    assert [key for key, row in rows.items() if row.behind] == ["trip"]
    tasks = board.projects.task_totals
    assert (tasks.tasks, tasks.finished, tasks.not_started, tasks.under_way) == (5, 1, 1, 3)
    assert (tasks.behind, tasks.completion) == (1, Fraction(14, 25))  # (.8+0+.5+1+.5)/5 = 56%
    assert board.projects.totals.projects == 0 and not board.projects.has_projects


def test_kind_defaults_to_project_with_money_and_task_without(tmp_path):
    text = BUREAU_YML.replace("    kind: task\n", "")
    campaign = load_campaign(campaign_copy(tmp_path, {"projects.yml": text}))
    kinds = {p.id: p.kind for p in campaign.projects.projects}
    assert kinds["investment-drive"] == "project" and kinds["visit"] == "task"


@pytest.mark.parametrize(
    "old,new,message,line",
    [
        (
            "2014-06-20: 4}",
            "2014-06-20: 1}",
            "targets.done.2014-06-20: 目标“走访调研侨资企业”累计完成 1 少于 2014-04-15 的 2",
            11,
        ),
        ("target: 5,", "target: 0,", "targets.target: 必须大于 0，实际为 0", 11),
        ("    kind: task\n", "    kind: 任务书\n", "kind: 必须是 project（工程）或 task", 38),
    ],
)
def test_task_errors_name_the_line_and_field(tmp_path, old, new, message, line):
    data = campaign_copy(tmp_path, {"projects.yml": BUREAU_YML.replace(old, new)})
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    (error,) = caught.value.errors
    assert (error.path, error.line) == ("data/projects.yml", line)
    assert message in str(error)


def test_a_decreasing_count_in_the_workbook_names_its_cell(tmp_path):
    data = campaign_copy(tmp_path)
    workbooks.write(
        data / "projects.xlsx",
        {
            "重点项目": [["编号", "项目名称"], ["visit", "走访调研侨资企业"]],
            "目标任务": [
                ["项目编号", "目标", "目标数", "计量单位", "截至日期", "累计完成"],
                ["visit", "走访企业", 5, "家", "2014-04-15", 3],
                ["visit", "走访企业", None, None, "2014/6/20", 2],
            ],
        },
    )
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    assert [str(error) for error in caught.value.errors] == [
        "data/projects.xlsx:目标任务!F3: 累计完成: 目标“走访企业”累计完成 2 少于 2014-04-15 的 3"
        "（累计完成 写的是截至各日期的累计数，只增不减）"
    ]


# ---- the pages of the bureau's board ----


@pytest.fixture(scope="module")
def bureau_site(bureau, tmp_path_factory):
    return built(tmp_path_factory.mktemp("bureau-site") / "site", bureau)


def test_the_projects_page_shows_tasks_by_their_targets_and_no_money(bureau_site):
    page = soup(bureau_site, "projects/")
    assert not page.select(".bx-projects-table") and "未报送" not in page.get_text()
    rows = {tr["data-project"]: tr for tr in page.select(".bx-tasks-table tr[data-project]")}
    assert list(rows) == ["visit", "trip", "election", "outreach", "investment-drive"]
    targets = [li.get_text(" ", strip=True) for li in rows["visit"].select(".bx-targets li")]
    assert targets == ["走访调研侨资企业 4 / 5 家"]
    assert rows["trip"].select_one(".bx-completion").get_text(" ", strip=True) == "0.0% ▼ 落后"
    assert rows["election"].select_one(".bx-task-targets").get_text(strip=True) == "—"
    states = [tr.select_one(".bx-project-state").get_text(strip=True) for tr in rows.values()]
    assert states == ["◐ 推进中", "○ 未开始", "◐ 推进中", "● 已完成", "◐ 推进中"]
    tiles = [t.get_text(" ", strip=True) for t in page.select(".bx-tile")]
    assert tiles[0].startswith("工作任务完成度 56.0%") and "投资完成率" not in " ".join(tiles)
    assert tiles[1].startswith("已完成任务 1 / 5") and tiles[2].startswith("任务落后序时进度 1 个")
    total = page.select_one("[data-total-tasks=five]").get_text(" ", strip=True)
    assert total == "小计（5 项） 已完成 1 项 56.0% 落后序时进度 1 项 0"
    assert page.select_one("[data-bx-chart=tasks-completion]")
    assert not page.select_one("[data-bx-chart=projects-completion]")


def test_a_task_page_shows_targets_difficulties_and_measures_and_no_investment(bureau_site):
    page = soup(bureau_site, "projects/visit/")
    rows = page.select(".bx-targets-table tbody tr")
    cells = [td.get_text(" ", strip=True) for td in rows[0].select("th, td")]
    assert cells[:3] == ["走访调研侨资企业", "4 / 5 家", "80.0%"]
    assert cells[3] == "2014-06-20"
    difficulties = page.select("[data-notes=difficulties] li")
    measures = page.select("[data-notes=measures] li")
    assert [li.get_text(strip=True) for li in difficulties] == ["企业分散，负责人常年在外。"]
    assert len(measures) == 2
    facts = page.select_one("[data-bx-block=project-facts]").get_text(" ", strip=True)
    assert "投资" not in facts and "未报送" not in facts and "完成度 80.0%" in facts
    assert "任务状态 ◐ 推进中" in facts
    money = soup(bureau_site, "projects/investment-drive/")
    assert "6 万元" in money.select_one(".bx-completed").get_text()


def test_the_home_page_and_the_slide_show_the_tasks(bureau_site):
    home = soup(bureau_site, "").select_one("[data-bx-block=projects-home]")
    assert home.select_one("[data-kind=task]") and not home.select_one("[data-kind=project]")
    assert "工作任务完成度 56.0%" in home.get_text(" ", strip=True)
    slides = [*(bureau_site / "screen-slides").rglob("*.html"), bureau_site / "screen/index.html"]
    pages = [BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in slides]
    slide = next(page for page in pages if page.select(".sc-projects-table"))
    counts = [span.get_text(" ", strip=True) for span in slide.select(".sc-target")]
    assert "走访调研侨资企业 4 / 5 家" in counts


def test_data_json_and_feeds_carry_the_tasks(bureau_site):
    data = json.loads((bureau_site / "data.json").read_text(encoding="utf-8"))
    assert data["tasks"] == {
        "total": 5,
        "finished": 1,
        "under_way": 3,
        "not_started": 1,
        "behind": 1,
        "completion": 0.56,
        "completion_pct": "56.0%",
        "overdue_milestones": 0,
    }
    visit = next(item for item in data["projects"]["items"] if item["id"] == "visit")
    assert visit["kind"] == "task" and visit["state"] == "推进中"
    (target,) = visit["targets"]
    assert (target["count"], target["target"], target["completion_pct"]) == (4, 5, "80.0%")
    feed = json.loads((bureau_site / "feed.json").read_text(encoding="utf-8"))
    titles = [item["title"] for item in feed["items"] if "目标任务" in item.get("tags", [])]
    assert titles.count("走访调研侨资企业：目标任务进度") == 2  # counted on two days


def test_the_download_read_back_builds_the_same_task_pages(bureau, bureau_site, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(bureau, data)
    (data / "projects.yml").unlink()
    shutil.copy(bureau_site / "downloads" / "projects.xlsx", data / "projects.xlsx")
    site = built(tmp_path / "site", data)
    for url in ("projects/", "projects/visit/", "projects/outreach/", "projects/investment-drive/"):
        assert str(soup(site, url).select_one("article")) == str(
            soup(bureau_site, url).select_one("article")
        ), url
    first = json.loads((site / "data.json").read_text(encoding="utf-8"))
    second = json.loads((bureau_site / "data.json").read_text(encoding="utf-8"))
    assert first["tasks"] == second["tasks"] and first["projects"] == second["projects"]
