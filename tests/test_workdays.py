"""Working-day time progress (按工作日计): chinese-calendar's holidays and make-up days, the
campaign's breaks out of both counts, worked by hand; campaign.yml read and checked."""

from __future__ import annotations

import datetime
from fractions import Fraction

import pytest
from bixue.errors import DataErrors
from bixue.figures import time_progress, workdays
from bixue.figures.board import compute_board
from bixue.load import load_campaign
from bixue.model import Break
from conftest import built, soup
from test_load import campaign_copy

D = datetime.date.fromisoformat
TERM = (D("2014-09-01"), D("2015-02-28"))
WINTER = (Break("寒假", D("2015-01-24"), D("2015-02-28")),)


def test_a_school_term_with_national_day_and_a_winter_break_worked_by_hand():
    # Elapsed, 2014-09-01..10-31: September's 22 weekdays, less 中秋 (9-8), plus the make-up
    # Sunday 9-28: 22; October's 23 weekdays, less 国庆's five (10-1..3, 10-6, 10-7), plus the
    # make-up Saturday 10-11: 19. 41 in all.
    # Whole, 2014-09-01..2015-01-23 (the winter break taken out): 41 + November's 20 +
    # December's 23 + January's 17 weekdays to the 23rd, less 元旦 (1-1, 1-2), plus the make-up
    # Sunday 1-4: 16. 100 in all.
    assert workdays.workday_progress(*TERM, D("2014-10-31"), WINTER) == Fraction(41, 100)
    # By calendar days it would be 61 / 181.
    assert time_progress(*TERM, D("2014-10-31")) == Fraction(61, 181)


def test_both_ends_count_and_holidays_and_breaks_count_in_neither():
    assert workdays.workday_progress(*TERM, D("2014-09-01"), WINTER) == Fraction(1, 100)
    assert workdays.workday_progress(*TERM, D("2014-09-08"), WINTER) == Fraction(5, 100)  # 中秋
    assert workdays.workday_progress(*TERM, D("2015-01-23"), WINTER) == 1
    assert workdays.workday_progress(*TERM, D("2015-02-10"), WINTER) == 1  # in the break
    assert workdays.workday_progress(*TERM, D("2014-08-31"), WINTER) == 0
    autumn = (*WINTER, Break("秋假", D("2014-10-27"), D("2014-10-31")))
    assert workdays.workday_progress(*TERM, D("2014-10-31"), autumn) == Fraction(36, 95)


PLAN = """\
time_progress:
  by: workdays
  breaks:
    - {name: 寒假, start: 2015-01-24, end: 2015-02-28}
"""


def term_campaign(tmp_path, setting: str = PLAN, start="2014-09-01", end="2015-02-28"):
    data = campaign_copy(tmp_path)
    (data / "evaluations.yml").unlink()  # its rounds are dated in the minimal campaign's spring
    text = (data / "campaign.yml").read_text(encoding="utf-8")
    text = text.replace("  start: 2014-03-01\n  end: 2014-12-31", f"  start: {start}\n  end: {end}")
    text = text.replace("as_of: 2014-06-30", "as_of: 2014-10-31")
    text = text.replace(
        "    start: 2014-03-01\n    end: 2014-03-15", f"    start: {start}\n    end: {start}"
    )
    text = text.replace(
        "    start: '2014-03-16'\n    end: 2014-12-31", f"    start: {start}\n    end: {end}"
    )
    (data / "campaign.yml").write_text(text + setting, encoding="utf-8")
    return data


def test_campaign_yml_sets_working_days_and_the_home_page_says_so(tmp_path):
    data = term_campaign(tmp_path)
    campaign = load_campaign(data)
    assert campaign.plan.time_progress.by == "workdays"
    assert compute_board(campaign, campaign.plan.as_of).time_progress == Fraction(41, 100)
    site = built(tmp_path / "site", data)
    tile = soup(site, "").select(".bx-tile")[0].get_text(" ", strip=True)
    assert tile == "序时进度 41.0% 截至 2014-10-31 · 按工作日计（不含寒假）"


def test_the_default_counts_calendar_days(tmp_path):
    campaign = load_campaign(term_campaign(tmp_path, setting=""))
    assert campaign.plan.time_progress.by == "days"
    assert compute_board(campaign, campaign.plan.as_of).time_progress == Fraction(61, 181)


@pytest.mark.parametrize(
    "setting,start,end,message",
    [
        (
            "time_progress: {by: workdays}\n",
            "2029-09-01",
            "2030-02-28",
            "time_progress.by: 按工作日计算序时进度要用到 2029–2030 年的法定节假日",
        ),
        ("time_progress: {by: weekdays}\n", "2014-09-01", "2015-02-28", "必须是 days（日历日）"),
        (
            PLAN.replace("end: 2015-02-28", "end: 2015-01-01"),
            "2014-09-01",
            "2015-02-28",
            "假期“寒假”的开始日期 2015-01-24 晚于结束日期 2015-01-01",
        ),
    ],
)
def test_settings_that_cannot_be_counted_are_errors(tmp_path, setting, start, end, message):
    data = term_campaign(tmp_path, setting, start, end)
    text = (data / "campaign.yml").read_text(encoding="utf-8")
    text = text.replace("as_of: 2014-10-31", f"as_of: {start}")
    (data / "campaign.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    found = [str(error) for error in caught.value.errors if "time_progress" in str(error)]
    assert len(found) == 1 and message in found[0] and "data/campaign.yml:" in found[0]
