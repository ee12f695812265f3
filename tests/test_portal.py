"""The portal over many boards: read from folders and URLs (a local server, a slow one), every
board that cannot be read named with its reason, figures and charts from data.json alone."""

from __future__ import annotations

import copy
import datetime
import functools
import http.server
import threading
import time

import pytest
from bixue import __main__ as cli
from bixue.boards import headline, portal, reading
from bs4 import BeautifulSoup
from headless import QuietServer, free_port
from portal_boards import demo_data, write_board

NOW = datetime.datetime(2014, 10, 21, 9, 30)


@pytest.fixture(scope="module")
def october():
    return demo_data("2014-10-20")


@pytest.fixture(scope="module")
def july():
    return demo_data("2014-07-15", "public")


class SlowHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        if "slow" in self.path:
            time.sleep(3)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(SlowHandler, directory=str(root))
    httpd = QuietServer(("127.0.0.1", 0), handler)  # the slow reply's client has gone: no error
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.root = root
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    yield httpd
    httpd.shutdown()


def page_of(out):
    return BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")


def rows(soup):
    return {row.th.get_text(strip=True): row for row in soup.select("#boards tbody tr")}


def test_boards_from_folders_and_urls_are_listed_with_their_figures(
    tmp_path, server, october, july
):
    write_board(tmp_path / "boards" / "a", october)
    renamed = copy.deepcopy(july)
    renamed["short_title"] = "卫辉“互学互比”"
    write_board(server.root / "b", renamed)
    out = tmp_path / "boards"
    sources = [str(out / "a"), server.url + "b/data.json"]
    portal.write_portal(out, reading.read_boards(sources, timeout=5), "看板一览", NOW)
    found = rows(page_of(out))
    assert set(found) == {october["short_title"], "卫辉“互学互比”"}
    first = found[october["short_title"]]
    assert first.th.a["href"] == "a/"
    assert found["卫辉“互学互比”"].th.a["href"] == server.url + "b/"
    assert first.select_one("time")["datetime"] == "2014-10-20"
    cells = {td["data-key"]: td for td in first.select("td[data-key]")}
    assert cells["completion"].get_text() == october["ledger"]["completion_rate_pct"]
    assert cells["closure"].get_text() == october["ledger"]["closure_rate_pct"]
    assert cells["overdue"].get_text() == str(october["ledger"]["overdue"])
    assert float(cells["time_progress"]["data-sort"]) == october["time_progress"]
    assert cells["units"].get_text() == str(len(october["units"]))


def test_each_board_that_cannot_be_read_says_why(tmp_path, server, october):
    out = tmp_path / "out"
    unknown = dict(october, version=2)
    spoilt = copy.deepcopy(october)
    spoilt["ledger"]["overdue"] = "六"
    write_board(tmp_path / "unknown", unknown)
    write_board(tmp_path / "spoilt", spoilt)
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "data.json").write_text('{"version": 1,', "utf-8")
    write_board(server.root / "slow", october)
    sources = {
        str(tmp_path / "missing"): "找不到",
        str(tmp_path / "unknown"): "data.json 的版本不认识：version 为 2",
        str(tmp_path / "spoilt"): "不符合格式：ledger.overdue",
        str(tmp_path / "broken"): "不是有效的 JSON",
        server.url + "gone/data.json": "服务器回答 404",
        server.url + "slow/data.json": "超时",
        "ftp://example.invalid/data.json": "网址不对",
        f"http://127.0.0.1:{free_port()}/data.json": "无法连接",
    }
    started = time.monotonic()
    entries = reading.read_boards(list(sources), timeout=0.5)
    assert time.monotonic() - started < 3  # the slow board was given up, not waited for
    portal.write_portal(out, entries, "看板一览", NOW)
    soup = page_of(out)
    listed = {row.th.get_text(strip=True): row for row in soup.select("tr.unreadable")}
    assert set(listed) == set(sources)
    for source, reason in sources.items():
        assert listed[source].select_one("td.text").get_text() == "无法读取"
        assert reason in listed[source].select_one("td.reason").get_text(), source
    assert "8 个无法读取" in soup.select_one("header .meta").get_text()


def test_the_charts_compare_the_rates_of_the_readable_boards(tmp_path, october, july):
    out = tmp_path / "out"
    later = copy.deepcopy(october)
    later["short_title"] = "后一个"
    later["ledger"]["completion_rate"] = 0.99
    sources = [write_board(out / name, data) for name, data in (("a", october), ("b", later))]
    sources.append(tmp_path / "missing")
    portal.write_portal(out, reading.read_boards([str(s) for s in sources]), "看板一览", NOW)
    soup = page_of(out)
    charts = {figure["data-chart"]: figure for figure in soup.select("figure[data-chart]")}
    assert {"completion", "closure", "indicators", "projects"} <= set(charts)
    bars = charts["completion"].select("svg a")
    assert [bar.select_one("text").get_text() for bar in bars] == ["后一个", october["short_title"]]
    assert [bar["href"] for bar in bars] == ["b/", "a/"]
    widths = [float(bar.select_one("rect.bar")["width"]) for bar in bars]
    assert widths[0] > widths[1] > 0
    assert charts["completion"].svg["role"] == "img"


def test_the_page_makes_no_request_outside_itself(tmp_path, october):
    out = tmp_path / "out"
    portal.write_portal(
        out, reading.read_boards([str(write_board(out / "a", october))]), "门户", NOW
    )
    soup = page_of(out)
    assert soup.html["lang"] == "zh-CN"
    assert not soup.select("script[src], link[href], img, iframe")
    assert not [a for a in soup.select("a[href]") if "://" in a["href"]]


def test_a_board_title_with_markup_is_text(tmp_path, october):
    out = tmp_path / "out"
    hostile = dict(october, short_title='<img src=x onerror=alert(1)>"')
    portal.write_portal(
        out, reading.read_boards([str(write_board(out / "a", hostile))]), "门户", NOW
    )
    soup = page_of(out)
    assert not soup.select("img")
    assert soup.select_one("#boards tbody th").get_text(strip=True) == hostile["short_title"]


def test_the_headline_takes_the_mean_indicator_completion(october):
    figures = {figure.key: figure for figure in headline.headline(october)}
    completions = [i["completion"] for i in october["indicators"] if i["completion"] is not None]
    assert figures["indicators"].value == pytest.approx(sum(completions) / len(completions))
    assert figures["rounds"].text == str(len(october["rounds"]))


def test_the_command_writes_the_page_and_names_what_it_could_not_read(tmp_path, october, capsys):
    out = tmp_path / "portal"
    board = write_board(tmp_path / "a", october)
    assert cli.main(["portal", str(out), str(board), str(tmp_path / "nothing")]) == 0
    printed = capsys.readouterr()
    assert "2 个看板，1 个无法读取" in printed.out
    assert "无法读取" in printed.err and "nothing" in printed.err
    assert rows(page_of(out))[october["short_title"]].th.a["href"] == "../a/"
