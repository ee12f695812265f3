"""`python -m bixue render OUT/`: the board as a docs folder, without MkDocs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional

from . import build, docs_folder
from .errors import DataErrors


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bixue", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render", help="写出完整的 docs 文件夹（页面为 Markdown）")
    render.add_argument("out", type=Path, help="输出文件夹（须为空或不存在）")
    render.add_argument(
        "--project", type=Path, default=Path.cwd(), help="项目根目录（默认当前目录）"
    )
    render.add_argument("--site-url", default=os.environ.get("BOARD_SITE_URL", ""))
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"{args.out}: 文件夹不为空，未写入", file=sys.stderr)
        return 1
    try:
        board = build.load_board(args.project, os.environ, args.site_url)
    except (DataErrors, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    warnings: List[str] = []
    pages = docs_folder.write_docs(board, args.project / "docs", args.out, warnings.append)
    for warning in warnings:
        print("警告：" + warning, file=sys.stderr)
    print(f"已写出 {pages} 个页面到 {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
