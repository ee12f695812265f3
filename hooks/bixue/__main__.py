"""The `bixue` command (or `python -m bixue`): `render OUT/` (the board as a docs folder), `check`
(the data checked, no MkDocs), `templates OUT/` (the workbooks to hand out), `report OUT.docx`
(the 通报) and `portal OUT/ BOARD…` (one page over many boards' data.json)."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path
from types import MappingProxyType
from typing import List, Optional

from . import build, docs_folder, report, starter
from .boards import portal, reading
from .campaigns import layout
from .errors import DataErrors
from .outputs import templates_xlsx
from .session import collector

DESCRIPTION = "互学互比公示栏：检查数据、写出页面和 Excel 模板（不经 MkDocs）。"
EXAMPLES = """示例（在项目里运行：含 mkdocs.yml 的文件夹或其子文件夹）：
  bixue check              检查 data/（或 BOARD_DATA 指定的文件夹）
  bixue render 输出/       写出完整的 docs 文件夹
  bixue templates 模板/    写出发给各单位填写的 Excel 模板（还没有活动时：起步工作簿）
  bixue new 新公示栏/      新建一个公示栏的 data/ 文件夹（起步工作簿 campaign.xlsx）
  bixue report 通报.docx   写出进展情况通报（Word），可加 --as-of 2014-06-30
  bixue portal 门户/ 甲/site https://乙.example/data.json
                           写出多个看板的一览页
每个命令的说明：bixue 命令 -h"""
HEADINGS = MappingProxyType({"positional arguments": "参数", "options": "选项"})


class ChineseHelp(argparse.RawDescriptionHelpFormatter):
    """argparse's own words in the help, in Chinese; the examples keep their lines."""

    def __init__(self, prog):
        super().__init__(prog, max_help_position=30)

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def start_section(self, heading):
        super().start_section(HEADINGS.get(heading, heading))


class Parser(argparse.ArgumentParser):
    """A parser that helps and complains in Chinese; argparse makes each command's of this class."""

    def __init__(self, **options):
        super().__init__(**{"formatter_class": ChineseHelp, **options, "add_help": False})
        self.add_argument("-h", "--help", action="help", help="显示本说明并退出")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{message}\n")


def find_project(start: Path) -> Path:
    """The nearest folder holding mkdocs.yml, from start up; start itself when none does."""
    return next((folder for folder in (start, *start.parents) if is_project(folder)), start)


def is_project(folder: Path) -> bool:
    return (folder / "mkdocs.yml").is_file()


def main(argv: Optional[List[str]] = None) -> int:
    parser = Parser(prog="bixue", description=DESCRIPTION, epilog=EXAMPLES)
    commands = parser.add_subparsers(dest="command", required=True, title="命令")
    render = commands.add_parser("render", help="写出完整的 docs 文件夹（页面为 Markdown）")
    render.add_argument("out", type=Path, help="输出文件夹（须为空或不存在）")
    render.add_argument(
        "--site-url",
        default=os.environ.get("BOARD_SITE_URL", ""),
        help="站点的网址，二维码和订阅链接用（默认取 BOARD_SITE_URL）",
    )
    check = commands.add_parser("check", help="检查 data/（或 BOARD_DATA）里的数据，不生成站点")
    templates = commands.add_parser("templates", help="写出发给各单位填写的 Excel 模板")
    templates.add_argument("out", type=Path, help="输出文件夹（须为空或不存在）")
    new = commands.add_parser("new", help="新建公示栏：写出 DIR/data/ 和起步工作簿 campaign.xlsx")
    new.add_argument("folder", type=Path, help="新公示栏的文件夹（其中的 data/ 须为空或不存在）")
    report_command = commands.add_parser("report", help="写出进展情况通报（Word 文档）")
    report_command.add_argument("out", type=Path, help="输出的 .docx 文件")
    report_command.add_argument(
        "--as-of", default="", help="按这一天的数字写（默认：BOARD_AS_OF 或 campaign.yml 的 as_of）"
    )
    for command in (render, check, templates, report_command):
        command.add_argument(
            "--project",
            type=Path,
            default=find_project(Path.cwd()),
            help="项目根目录（默认：当前文件夹起向上第一个含 mkdocs.yml 的文件夹）",
        )
    add_portal(commands)
    args = parser.parse_args(argv)
    runs = {"render": run_render, "check": run_check, "templates": run_templates}
    more = {"report": run_report, "portal": run_portal, "new": starter.run_new}
    return {**runs, **more}[args.command](args)


def add_portal(commands) -> None:
    command = commands.add_parser("portal", help="写出多个看板的一览页（只读各看板的 data.json）")
    command.add_argument("out", type=Path, help="输出文件夹（写入其中的 index.html）")
    command.add_argument(
        "boards",
        nargs="+",
        help="看板：构建好的站点文件夹，或 data.json 的网址（http://、file://）",
    )
    command.add_argument("--title", default="互学互比看板一览", help="页面标题")
    command.add_argument(
        "--timeout", type=float, default=reading.TIMEOUT, help="每个网址最多等待的秒数"
    )


def run_portal(args) -> int:
    entries = reading.read_boards(args.boards, args.timeout)
    page = portal.write_portal(args.out, entries, args.title, datetime.datetime.now())
    bad = [entry for entry in entries if entry.data is None]
    for entry in bad:
        print(f"无法读取 {entry.source}：{entry.reason}", file=sys.stderr)
    print(f"已写出 {page}：{len(entries)} 个看板，{len(bad)} 个无法读取")
    return 0


def run_render(args) -> int:
    if not empty_folder(args.out):
        return 1
    board = loaded(args.project, os.environ, args.site_url)
    if board is None:
        return 1
    warnings: List[str] = []
    pages = docs_folder.write_docs(board, args.project / "docs", args.out, warnings.append)
    for warning in warnings:
        print("警告：" + warning, file=sys.stderr)
    print(f"已写出 {pages} 个页面到 {args.out}")
    return 0


def run_check(args) -> int:
    folder = build.data_dir(args.project, os.environ)
    if layout.is_several(folder):
        return check_campaigns(args.project, folder)
    return check_one(args.project, folder, os.environ)


def check_one(project: Path, folder: Path, environ) -> int:
    print(f"检查 {folder}")
    board = loaded(project, environ, "")
    if board is None:
        return 1
    campaign = board.campaign
    rounds = len(campaign.evaluations.rounds) if campaign.evaluations else 0
    counts = (
        f"{len(campaign.units)} 个单位，{len(campaign.ledger)} 项整改事项，{rounds} 轮评比，"
        f"{len(campaign.exemplars)} 个典型案例，{len(campaign.notices)} 条通知公告"
    )
    for line in build.returned_lines(board):
        print(line)
    print(f"数据检查通过：{counts}")
    for where, kind, name, made in campaign.made_ids:
        written = "没有写编号" if "!" in where else "没有写 id"  # a workbook's cell: 编号 column
        print(f"{where}: {kind} '{name}' {written}，用 {made}")
    return 0


def check_campaigns(project: Path, folder: Path) -> int:
    """data/campaigns/<id>/: each campaign checked in turn, every error of every one shown."""
    failed = 0
    for campaign_id in layout.ids(folder):
        campaign_dir = layout.campaigns_dir(folder) / campaign_id
        failed += check_one(project, campaign_dir, {**os.environ, "BOARD_DATA": str(campaign_dir)})
    return 1 if failed else 0


def run_templates(args) -> int:
    if not empty_folder(args.out):
        return 1
    # The templates go to the units: the internal data, whatever BOARD_PROFILE says.
    environ = {key: value for key, value in os.environ.items() if key != "BOARD_PROFILE"}
    if not starter.has_campaign(build.data_dir(args.project, environ)):
        return starter.write_starter(args.out)
    board = loaded(args.project, environ, "")
    if board is None:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = templates_xlsx.templates(board)
    for template in written:
        (args.out / template.name).write_bytes(template.make())
    print(f"已写出 {len(written)} 个模板到 {args.out}：" + "、".join(t.name for t in written))
    return 0


def run_report(args) -> int:
    # The 通报 is the office's own document: the internal figures, whatever BOARD_PROFILE says.
    environ = {key: value for key, value in os.environ.items() if key != "BOARD_PROFILE"}
    if args.as_of:
        try:
            environ["BOARD_AS_OF"] = datetime.date.fromisoformat(args.as_of.strip()).isoformat()
        except ValueError:
            print(f"--as-of：必须是 2014-06-30 这样的日期，实际为 '{args.as_of}'", file=sys.stderr)
            return 2
    board = loaded(args.project, environ, "")
    if board is None:
        return 1
    args.out.write_bytes(report.document(board))
    print(f"已写出 {board.as_of.isoformat()} 的通报到 {args.out}")
    return 0


def empty_folder(out: Path) -> bool:
    if out.exists() and any(out.iterdir()):
        print(f"{out}: 文件夹不为空，未写入", file=sys.stderr)
        return False
    return True


def loaded(project: Path, environ, site_url: str):
    """The board, or None after printing every error of the data."""
    collector.set_thresholds()
    try:
        return build.load_board(project, environ, site_url)
    except (DataErrors, ValueError) as error:
        print(error, file=sys.stderr)
        return None


if __name__ == "__main__":
    sys.exit(main())
