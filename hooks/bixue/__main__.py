"""`python -m bixue render OUT/` (the board as a docs folder), `check` (the data checked, no
MkDocs) and `templates OUT/` (the workbooks to hand out)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional

from . import build, docs_folder
from .errors import DataErrors
from .outputs import templates_xlsx
from .session import collector


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bixue", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="写出完整的 docs 文件夹（页面为 Markdown）")
    render.add_argument("out", type=Path, help="输出文件夹（须为空或不存在）")
    render.add_argument("--site-url", default=os.environ.get("BOARD_SITE_URL", ""))
    check = commands.add_parser("check", help="检查 data/（或 BOARD_DATA）里的数据，不生成站点")
    templates = commands.add_parser("templates", help="写出发给各单位填写的 Excel 模板")
    templates.add_argument("out", type=Path, help="输出文件夹（须为空或不存在）")
    for command in (render, check, templates):
        command.add_argument(
            "--project", type=Path, default=Path.cwd(), help="项目根目录（默认当前目录）"
        )
    args = parser.parse_args(argv)
    return {"render": run_render, "check": run_check, "templates": run_templates}[args.command](
        args
    )


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
    print(f"检查 {folder}")
    board = loaded(args.project, os.environ, "")
    if board is None:
        return 1
    campaign = board.campaign
    rounds = len(campaign.evaluations.rounds) if campaign.evaluations else 0
    counts = (
        f"{len(campaign.units)} 个单位，{len(campaign.ledger)} 项整改事项，{rounds} 轮评比，"
        f"{len(campaign.exemplars)} 个典型案例，{len(campaign.notices)} 条通知公告"
    )
    print(f"数据检查通过：{counts}")
    return 0


def run_templates(args) -> int:
    if not empty_folder(args.out):
        return 1
    # The templates go to the units: the internal data, whatever BOARD_PROFILE says.
    environ = {key: value for key, value in os.environ.items() if key != "BOARD_PROFILE"}
    board = loaded(args.project, environ, "")
    if board is None:
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = templates_xlsx.templates(board)
    for template in written:
        (args.out / template.name).write_bytes(template.make())
    print(f"已写出 {len(written)} 个模板到 {args.out}：" + "、".join(t.name for t in written))
    return 0


def empty_folder(out: Path) -> bool:
    if out.exists() and any(out.iterdir()):
        print(f"{out}: 文件夹不为空，未写入", file=sys.stderr)
        return False
    return True


def loaded(project: Path, environ, site_url: str):
    """The board, or None after printing every error of the data."""
    collector.collect_less()
    try:
        return build.load_board(project, environ, site_url)
    except (DataErrors, ValueError) as error:
        print(error, file=sys.stderr)
        return None


if __name__ == "__main__":
    sys.exit(main())
