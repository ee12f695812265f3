"""FORMAT.md, the data format reference, kept in step with the loader, the figures and the demo.

- every key the loader accepts is named in FORMAT.md (in backticks), and the keys it requires are
  marked 必填 是 in a key table; the keys are read from the loader's own `mapping(...)` calls;
- every status, slide name, default, double surname and environment variable is there;
- every error message quoted under 常见错误 is what the loader prints for the broken demo data
  shown beside it, and every broken example there has its message quoted;
- the worked examples' figures are what the board computes from the demo data.
"""

from __future__ import annotations

import ast
import datetime
import importlib
import re
import shutil
from fractions import Fraction
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest
from bixue import figures, model, privacy
from bixue.errors import DataErrors
from bixue.figures.board import compute_board
from bixue.figures.indicators import summarize
from bixue.load import load_campaign

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "FORMAT.md").read_text(encoding="utf-8")
DEMO = ROOT / "data"
LOADERS = tuple(
    f"bixue.load{part}"
    for part in (
        *("", ".plan", ".screens", ".ledger", ".scores", ".stories", ".projects", ".growth"),
        *(".project_targets", ".time_progress"),
        *(".activities", ".achievements", ".log_source"),
    )
)


def section(title: str) -> str:
    """The text under the `## title` heading, up to the next `## ` heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.M | re.S)
    assert match, f"FORMAT.md has no section '## {title}'"
    return match.group(1)


def backticked() -> Set[str]:
    """Every `code` span of FORMAT.md, and each word inside one (`{name, seconds}`)."""
    spans = re.findall(r"`([^`\n]+)`", DOC)
    return set(spans) | {word for span in spans for word in re.findall(r"[a-z_]+", span)}


# --- the keys the loader accepts, read from its `mapping(...)` calls -----------------------------


def strings(node: ast.AST, module) -> Tuple[str, ...]:
    """The keys a `mapping` argument names: a tuple of literals, a module constant, or starred."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(key for item in node.elts for key in strings(item, module))
    if isinstance(node, ast.Starred):
        return strings(node.value, module)
    if isinstance(node, ast.Name) and hasattr(module, node.id):
        value = getattr(module, node.id)
        if isinstance(value, tuple) and all(isinstance(key, str) for key in value):
            return value
    return ()  # computed at load time (e.g. the criterion ids of a campaign): not a fixed key


def loader_keys() -> Tuple[Set[str], Set[str]]:
    """(required, optional) keys of every mapping the loader reads, and of its small settings."""
    required: Set[str] = set()
    optional: Set[str] = set()
    for name in LOADERS:
        module = importlib.import_module(name)
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name):
                continue
            args = call.args
            if call.func.id == "mapping":
                required.update(strings(args[3], module) if len(args) > 3 else ())
                optional.update(strings(args[4], module) if len(args) > 4 else ())
            elif call.func.id == "read_setting":
                optional.update(strings(args[3], module))
    return required, optional


REQUIRED, OPTIONAL = loader_keys()


def test_the_loader_keys_were_found():
    # A guard for the reading above: the well-known keys of every file are among them.
    assert {"title", "organization", "period", "phases", "id", "name", "status"} <= REQUIRED
    assert {"criteria", "periods", "indicators", "problem", "unit", "date", "min"} <= REQUIRED
    assert {"screen", "slides", "seconds", "warn_days", "mask_leading_group"} <= OPTIONAL
    assert {"photos", "before", "after", "adopted_by", "pinned", "target", "levels"} <= OPTIONAL


@pytest.mark.parametrize("key", sorted(REQUIRED | OPTIONAL))
def test_every_accepted_key_is_documented(key):
    assert key in backticked(), f"FORMAT.md does not name the key `{key}`"


def key_rows() -> Iterator[Tuple[str, str]]:
    """(key, 必填 cell) of every row of FORMAT.md's key tables (键 | 类型 | 必填 | 说明)."""
    for match in re.finditer(r"^\| `([a-z_]+)` \|[^|\n]*\| ([^|\n]*) \|[^\n]*\|$", DOC, re.M):
        yield match.group(1), match.group(2).strip()


@pytest.mark.parametrize("key", sorted(REQUIRED))
def test_required_keys_are_marked_required(key):
    cells = [cell for row_key, cell in key_rows() if row_key == key]
    assert "是" in cells or any(cell.startswith("是，至少") for cell in cells), (
        f"no key table of FORMAT.md marks `{key}` 必填 是: {cells}"
    )


@pytest.mark.parametrize("key", sorted(OPTIONAL - REQUIRED))
def test_optional_keys_are_not_marked_required(key):
    cells = [cell for row_key, cell in key_rows() if row_key == key]
    assert all(cell != "是" for cell in cells), f"FORMAT.md marks optional `{key}` 必填 是"


# --- names, defaults and settings ---------------------------------------------------------------


@pytest.mark.parametrize("status", model.STATUSES)
def test_every_status_and_its_name_is_documented(status):
    table = section("rectifications/*.yml 整改台账")
    assert re.search(rf"^\| `{status}` \| {model.STATUS_NAMES[status]} \|", table, re.M)


@pytest.mark.parametrize("slide", model.SLIDE_NAMES)
def test_every_slide_name_is_documented(slide):
    assert re.search(rf"^\| `{slide}` \| ", section("campaign.yml 活动方案"), re.M)


def test_the_default_slides_are_listed_in_their_order():
    table = section("campaign.yml 活动方案")
    listed = re.findall(r"^\| `([a-z]+)` \| [^|\n]* \|$", table, re.M)  # the two-column table
    assert [name for name in listed if name in model.SLIDE_NAMES] == list(model.SLIDE_NAMES)


def test_the_defaults_are_documented():
    screen = model.Screen()
    plan_fields = {field.name: field.default for field in model.Plan.__dataclass_fields__.values()}
    for key, default in (
        ("interval", screen.interval),
        ("reload", screen.reload),
        ("warn_days", plan_fields["warn_days"]),
    ):
        assert re.search(rf"^\| `{key}` \|.*默认 {default} \|$", DOC, re.M), key
    mask = "true" if plan_fields["mask_leading_group"] else "false"
    assert re.search(rf"^\| `mask_leading_group` \|.*默认 `{mask}` \|$", DOC, re.M)


def test_every_double_surname_is_listed():
    profiles = section("内部版与公开版")
    missing = [name for name in sorted(privacy.DOUBLE_SURNAMES) if name not in profiles]
    assert not missing


def test_the_mask_examples_are_what_the_code_does():
    profiles = section("内部版与公开版")
    examples = re.findall(r"([^\s，：（]+) → ([^\s，；（）。]+)", profiles)
    assert len(examples) >= 4
    for name, masked in examples:
        name = "Zhang San" if name == "San" else name
        assert privacy.mask_person(name) == masked, name


def test_every_environment_variable_is_documented():
    sources = [*(ROOT / "hooks" / "bixue").rglob("*.py"), ROOT / "mkdocs.yml"]
    names = {
        name
        for path in sources
        for name in re.findall(r"\bBOARD_[A-Z_]+", path.read_text(encoding="utf-8"))
    }
    assert {"BOARD_AS_OF", "BOARD_PROFILE", "BOARD_DATA", "BOARD_SITE_URL"} <= names
    table = section("环境变量")
    assert all(f"`{name}=" in table for name in names), names
    for profile in ("internal", "public"):
        assert f"`{profile}`" in section("内部版与公开版")


# --- 常见错误: each quoted message, reproduced on the demo data broken as shown ----------------

# (file in data/, text of the demo, the broken text FORMAT.md shows): one error each.
BROKEN: Dict[str, Tuple[str, str, str]] = {
    "status": ("rectifications/2014-inspections.yml", "  status: doing\n", "  status: finished\n"),
    "unknown-key": ("units.yml", "  contact: 王建新\n", "  contcat: 王建新\n"),
    "completed-on-open-item": (
        "rectifications/2014-inspections.yml",
        "  status: doing\n",
        "  status: doing\n  completed: 2014-10-15\n",
    ),
    "unknown-unit": (
        "rectifications/2014-inspections.yml",
        "  unit: hebi\n",
        "  unit: hebi-east\n",
    ),
    "impossible-date": ("campaign.yml", "    end: 2014-03-15\n", "    end: 2014-02-30\n"),
    "score-over-max": (
        "evaluations.yml",
        "hebi: {service: 27.5, facilities: 23, environment: 22, innovation: 18}",
        "hebi: {service: 37.5, facilities: 23, environment: 22, innovation: 18}",
    ),
    "yes-for-true": ("notices/site-visit-meeting.md", "pinned: true\n", "pinned: yes\n"),
    "html-in-body": (
        "notices/site-visit-meeting.md",
        "各服务区、停车区：\n",
        '<p style="color:red">各服务区、停车区：</p>\n',
    ),
}


def fenced_blocks(text: str) -> List[Tuple[str, str]]:
    """(language, content) of every fenced code block."""
    return re.findall(r"^```([a-z]*)\n(.*?)^```$", text, re.M | re.S)


def quoted_messages() -> List[str]:
    blocks = fenced_blocks(section("常见错误"))
    return [line for lang, body in blocks if not lang for line in body.splitlines() if line]


def loader_messages(tmp_path: Path, file: str, old: str, new: str) -> List[str]:
    data = tmp_path / "data"
    shutil.copytree(DEMO, data)
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the demo's {file} no longer holds {old!r}: update BROKEN and FORMAT.md"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load_campaign(data)
    return [str(error) for error in caught.value.errors]


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_example_prints_the_quoted_message(case, tmp_path):
    file, old, new = BROKEN[case]
    shown = "\n".join(body for _, body in fenced_blocks(section("常见错误")))
    for line in new.splitlines():
        assert line.strip() in shown, f"常见错误 does not show the broken text {line.strip()!r}"
    messages = loader_messages(tmp_path, file, old, new)
    assert len(messages) == 1, messages
    assert messages[0] in quoted_messages(), f"常见错误 should quote: {messages[0]}"


def test_every_quoted_message_has_its_broken_example(tmp_path):
    quoted = quoted_messages()
    assert 6 <= len(quoted) <= 8
    assert len(quoted) == len(BROKEN)
    assert all(line.startswith("data/") for line in quoted), quoted


def test_the_error_format_is_as_printed():
    header = str(DataErrors([])).splitlines()[0]
    assert header.replace("0", "N") in section("数据有错时")


# --- the worked examples ----------------------------------------------------------------------


def test_the_worked_examples_are_what_the_board_computes():
    campaign = load_campaign(DEMO)
    as_of = campaign.plan.as_of
    assert f"统计日期 {as_of}" in DOC
    board = compute_board(campaign, as_of)
    computing = section("看板怎样计算")
    percent = figures.format_percent
    june = figures.time_progress(campaign.plan.start, campaign.plan.end, datetime.date(2014, 6, 30))
    stats = board.ledger_stats
    revenue = next(view for view in board.indicators if view.indicator.id == "revenue")
    for figure in (
        percent(board.time_progress),
        percent(june),
        board.phase.label,
        percent(revenue.completion),
        f"{stats.finished}/{stats.total} = {percent(stats.completion_rate)}",
        f"{stats.by_status['verified']}/{stats.total} = {percent(stats.closure_rate)}",
        percent(Fraction(1, 16)),
    ):
        assert figure in computing, figure
    rows = {row.unit.id: row for row in revenue.rows}
    assert percent(rows["xunxian"].completion) in computing and rows["xunxian"].behind
    assert percent(rows["puyang-south"].completion) in computing
    assert not rows["puyang-south"].behind
    summary = summarize(revenue, campaign.indicators.periods)
    (best,), (worst,) = summary.best, summary.worst
    overview = f"营业收入达到目标 {summary.reached} / {summary.units}，完成率最高{best.unit.short} "
    overview += f"{percent(best.completion)}，最低{worst.unit.short} {percent(worst.completion)}"
    assert overview in computing
    assert f"{summary.latest_period}，10 个单位中 {summary.latest_reported} 个已报送" in computing
    late = {row.item.id: row for row in board.ledger}
    assert late["ZG-2014-031"].days_late == 5 and "逾期 5 天" in computing
    assert late["ZG-2014-039"].due_soon and not late["ZG-2014-039"].overdue
    assert late["ZG-2014-037"].due_soon and late["ZG-2014-029"].late
    third = {row.unit.id: row for row in board.rounds[2].rows}
    assert (third["puyang"].rank, third["hebi"].rank, third["qingfeng"].rank) == (4, 4, 6)
    assert third["puyang-south"].change == 3


# --- Excel 工作簿: the headers, file names and cell forms the workbook readers know --------------


def test_every_workbook_header_is_documented():
    from bixue.load import indicators_xlsx, ledger_xlsx, scores_xlsx

    workbooks = section("Excel 工作簿（.xlsx）")
    table = re.findall(r"^\| ([^|`\n]+?)(?:（或 ([^）]+)）)? \| `([a-z_]+)` \|", workbooks, re.M)
    documented = {header: field for header, _alias, field in table}
    documented.update({alias: field for _header, alias, field in table if alias})
    assert documented == ledger_xlsx.HEADERS
    for header in (*ledger_xlsx.COMPUTED, indicators_xlsx.TARGET, scores_xlsx.TOTAL, "单位"):
        assert header in workbooks, header
    for name in (indicators_xlsx.FILE, scores_xlsx.FILE, "rectifications/*.xlsx"):
        assert f"`{name}`" in workbooks and name in section("文件一览"), name


def test_the_documented_cell_forms_are_what_the_reader_accepts():
    from bixue.load import cells, workbook_files

    workbooks = section("Excel 工作簿（.xlsx）")
    forms = re.search(r"文字 (`[^。]+`)；", workbooks).group(1)
    written = re.findall(r"`([^`]+)`", forms)
    assert len(written) == len(cells.DATE_FORMS) == 4
    assert {cells.as_date(text)[0] for text in written} == {datetime.date(2014, 6, 30)}
    for prefix in workbook_files.LOCK_PREFIXES:
        assert f"`{prefix}台账.xlsx`" in workbooks


def test_the_quoted_workbook_errors_are_what_the_loader_prints():
    quoted = [
        line
        for lang, body in fenced_blocks(section("Excel 工作簿（.xlsx）"))
        if not lang
        for line in body.splitlines()
    ]
    printed = {
        line
        for expected in (ROOT / "tests" / "golden" / "errors").glob("*/expected.txt")
        for line in expected.read_text(encoding="utf-8").splitlines()
    }
    assert len(quoted) >= 5
    assert [line for line in quoted if line not in printed] == []


def test_every_projects_workbook_sheet_and_header_is_documented():
    from bixue.load import projects_xlsx

    table = section("Excel 工作簿（.xlsx）").split("### 重点项目：`projects.xlsx`")[1]
    table = table.split("### ")[0]
    rows = dict(re.findall(r"^\| ([^|\n]+) \| ([^|\n]+) \|", table, re.M))
    for sheet, (headers, needed, ignored) in projects_xlsx.TABLES.items():
        assert sheet in rows, sheet
        assert all(header in rows[sheet] for header in (*headers, *needed)), sheet
        assert all(header in table for header in ignored), sheet
    assert projects_xlsx.FILE in section("文件一览")
