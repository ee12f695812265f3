"""Input that is not what it claims, collides with the site or is out of range: a Chinese error
naming the file (and line), never a traceback, a hang or a published page. Golden cases in
tests/golden/errors/ hold the exact wording; these are the cases git cannot hold (links, pipes,
big files) and the properties behind them."""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

import markdown
import pytest
from bixue import render
from bixue.errors import DataErrors
from bixue.load import load_campaign, mdsafety
from bixue.load.guards import MAX_FILE_BYTES
from bixue.load.names import RESERVED_NAMES
from test_golden_errors import VALID

ROOT = Path(__file__).resolve().parents[1]
HOLDING_IDS = {"units", "exemplars", "notices", "screen", "screens", "projects"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path / "data")
    return tmp_path / "data"


def errors_of(data: Path) -> list:
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    return [str(error) for error in caught.value.errors]


def test_a_data_file_linked_from_outside_data_is_not_read(data, tmp_path):
    outside = tmp_path / "elsewhere.yml"
    shutil.move(data / "units.yml", outside)
    (data / "units.yml").symlink_to(outside)
    hint = "把文件本身复制到 data/ 里，不要用快捷方式或链接"
    assert f"data/units.yml: 是一个指向 data/ 文件夹以外的链接，不读取（{hint}）" in errors_of(data)


def test_a_folder_linked_from_outside_data_is_not_read(data, tmp_path):
    shutil.move(data / "notices", tmp_path / "notices")
    (data / "notices").symlink_to(tmp_path / "notices")
    assert any(
        e.startswith("data/notices: 是一个指向 data/ 文件夹以外的链接") for e in errors_of(data)
    )


def test_a_link_inside_data_is_read(data):
    (data / "rectifications" / "first.yml").rename(data / "first-original.yml")
    (data / "rectifications" / "first.yml").symlink_to(data / "first-original.yml")
    assert [item.id for item in load_campaign(data).ledger][0] == "ZG-2014-001"


@pytest.mark.parametrize("name", ["campaign.yml", "evaluations.yml", "rectifications/x.yml"])
def test_a_broken_link_named_like_a_data_file_is_reported(data, name):
    (data / name).unlink(missing_ok=True)
    (data / name).symlink_to(data / "nowhere.yml")
    expected = f"data/{name}: 是一个链接，但它指向的文件不存在（删掉这个链接，把文件本身放进来）"
    assert expected in errors_of(data)


def test_a_broken_link_as_a_story(data):
    (data / "exemplars" / "gone.md").symlink_to(data / "nowhere.md")
    assert any(error.startswith("data/exemplars/gone.md: 是一个链接") for error in errors_of(data))


def test_a_folder_named_like_a_required_file(data):
    (data / "units.yml").unlink()
    (data / "units.yml").mkdir()
    hint = "数据文件不能是文件夹：改名或删掉它"
    assert f"data/units.yml: 这是一个文件夹，不是文件（{hint}）" in errors_of(data)


def test_a_pipe_named_like_a_story_is_not_opened(data):
    # Opening a pipe for reading waits for a writer for ever: it must never be opened.
    os.mkfifo(data / "notices" / "pipe.md")
    hint = "删掉它，放一个普通文件进来"
    assert f"data/notices/pipe.md: 这不是一个普通文件（{hint}）" in errors_of(data)


def test_an_image_linked_to_a_missing_file(data):
    photo = data / "rectifications" / "photos" / "before.jpg"
    photo.unlink()
    photo.symlink_to(data / "nowhere.jpg")
    line = "data/rectifications/first.yml:18: photos.before: 'photos/before.jpg'：是一个链接"
    assert any(error.startswith(line) for error in errors_of(data))


def test_a_file_over_the_size_limit(data):
    notice = data / "notices" / "big.md"
    body = "大" * (MAX_FILE_BYTES // 3 + 10)  # three bytes each in UTF-8
    notice.write_text(f"---\ntitle: 大\ndate: 2014-03-01\n---\n{body}\n", encoding="utf-8")
    hint = "把内容分到几个文件里，或删掉粘贴进来的大段内容"
    assert f"data/notices/big.md: 文件超过 2 MB 上限（实际 2.0 MB）（{hint}）" in errors_of(data)


def test_an_id_written_like_an_impossible_date_stays_text(data):
    units = (data / "units.yml").read_text(encoding="utf-8")
    (data / "units.yml").write_text(units.replace("short: 北区", "short: 2014-09-31"), "utf-8")
    assert load_campaign(data).units[0].short == "2014-09-31"


def test_a_tilde_in_a_title_shows_as_written():
    # The site's Markdown extensions (mkdocs.yml): each decides which characters `\\` escapes.
    title = render.md_text("~ | * _ [x](y) <b> 1.5 #2 \\ {: .x}")
    heading = markdown.markdown("# " + title, extensions=["tables", "attr_list", "md_in_html"])
    assert heading == "<h1>~ | * _ [x](y) &lt;b&gt; 1.5 #2 \\ {: .x}</h1>"


def test_every_name_the_site_uses_is_reserved():
    # Every generated page and file of the demo, the hand-written docs/ and the theme's folders.
    from bixue import build, generate

    board = build.load_board(ROOT, {"BOARD_DATA": str(ROOT / "data")}, "")
    paths = [page.src_uri for page in generate.all_pages(board)]
    paths += [item.dest_uri for item in generate.all_files(board)]
    paths += [path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*")]
    campaign = board.campaign
    ids = {unit.id for unit in campaign.units}
    ids |= {item.slug for item in (*campaign.exemplars, *campaign.notices)}
    ids |= {project.id for project in campaign.projects.projects} if campaign.projects else set()
    ids |= {screen.id for screen in campaign.plan.screens}
    copied = {
        part
        for path in (ROOT / "data").rglob("*")
        for part in path.relative_to(ROOT / "data").with_suffix("").parts
    }
    # A data id lands at the top or one level down (units/<id>/): those names can collide.
    used = set()
    for path in paths:
        parts = Path(path).with_suffix("").parts
        used |= {parts[0], *(parts[1:2] if parts[0] in HOLDING_IDS else ())}
    used |= {"search", "404", "sitemap", "assets", "javascripts", "stylesheets"}  # the theme's
    assert used - ids - copied <= RESERVED_NAMES


def test_the_code_span_check_never_misses_what_markdown_renders_raw():
    # The check blanks code spans before looking for HTML: blanking text that Python-Markdown
    # does not render as code would let raw HTML through unreported.
    pieces = ["`", "`", "``", "a", " ", "<b>", "\\", "\n", "\n\n"]
    generator = random.Random(10)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 16)))
        if "<b>" in markdown.markdown(text):
            assert "<b>" in mdsafety.blank_code(text), repr(text)


def test_an_as_of_date_out_of_range_is_refused():
    from bixue import build

    with pytest.raises(ValueError, match="BOARD_AS_OF: 必须是 2014-06-30 这样的日期"):
        build.as_of({"BOARD_AS_OF": "9999-12-31"}, None)


def test_a_file_where_a_data_folder_belongs(data):
    shutil.rmtree(data / "notices")
    (data / "notices").write_text("x", encoding="utf-8")
    hint = "把这个文件改名，建一个同名的文件夹，把文件放进去"
    assert errors_of(data) == [f"data/notices: 必须是一个文件夹（{hint}）"]


@pytest.mark.parametrize("path", ["x" * 300 + ".jpg", '"photos/\\0.jpg"'])
def test_an_image_path_no_file_can_have(data, path):
    ledger = data / "rectifications" / "first.yml"
    text = ledger.read_text(encoding="utf-8").replace(
        "before: photos/before.jpg", f"before: {path}"
    )
    ledger.write_text(text, encoding="utf-8")
    assert any("photos.before: 找不到图片文件" in error for error in errors_of(data))


def test_a_unit_left_empty_in_a_round_is_not_scored(data):
    # Found by the fuzz test: `north:` with nothing after it once gave scores of None.
    evaluations = data / "evaluations.yml"
    text = evaluations.read_text(encoding="utf-8")
    evaluations.write_text(
        text.replace("north: {service: 26, facilities: 18.5}", "north:"), "utf-8"
    )
    first = load_campaign(data).evaluations.rounds[0]
    assert sorted(first.scores) == ["south"]


def ledger_workbook(path: Path, problem: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "整改台账"
    sheet.append(["编号", "责任单位", "问题", "整改时限", "状态"])
    sheet.append(["ZG-2014-100", "north", problem, "2014-07-31", "整改中"])
    book.save(path)


def test_a_bidi_override_in_a_workbook_cell(data):
    ledger_workbook(data / "rectifications" / "台账.xlsx", "标识\u202e不清")
    assert any(
        error.startswith("data/rectifications/台账.xlsx:整改台账!C2: 有看不见的文字方向控制字符")
        for error in errors_of(data)
    )


def test_a_workbook_linked_from_outside_data(data, tmp_path):
    ledger_workbook(tmp_path / "outside.xlsx", "标识不清")
    (data / "rectifications" / "台账.xlsx").symlink_to(tmp_path / "outside.xlsx")
    assert any(
        error.startswith("data/rectifications/台账.xlsx: 是一个指向 data/ 文件夹以外的链接")
        for error in errors_of(data)
    )


def test_a_workbook_that_unpacks_to_too_much(data, monkeypatch):
    from bixue.load import workbook

    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 1000)  # the same check, a small bomb
    ledger_workbook(data / "rectifications" / "台账.xlsx", "标识不清")
    assert any("工作簿解压后超过 0 MB 上限" in error for error in errors_of(data))


def test_texts_the_quick_check_passes_would_pass_the_whole_check(monkeypatch):
    """mdsafety.STARTS lets through only texts that the full check finds nothing in."""
    chosen = random.Random(3)
    alphabet = [*"ab (): \n\t`#*!-=.>/\\\"'", "javascript:", "data:", "&", "北区", "{:", "[x]("]
    safe = [piece for piece in alphabet if not mdsafety.STARTS.search(piece)]
    texts = ["".join(chosen.choices(safe, k=chosen.randint(0, 30))) for _ in range(3000)]
    monkeypatch.setattr(mdsafety, "STARTS", re.compile(""))  # the whole check, every time
    assert [text for text in texts if mdsafety.unsafe_markdown(text)] == []
    assert mdsafety.unsafe_markdown("[a](javascript:x)")  # the whole check still finds things
