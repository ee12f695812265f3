"""Keep part of the demo as workbooks, as offices do: one ledger batch and the indicator values.

Usage: .venv/bin/python scripts/demo_workbooks.py [--data DIR]

Moves the items of rectifications/2014-peer-review.yml that have no photos (photos stay YAML)
into rectifications/2014-peer-review.xlsx, and the `values:` of indicators.yml into
indicators.xlsx. Run again, it rewrites both workbooks from what they hold, byte for byte the same:
the committed .xlsx files are what this script makes of the data.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from bixue.figures.board import compute_board  # noqa: E402
from bixue.load import load_campaign  # noqa: E402
from bixue.outputs import score_sheets, templates_xlsx  # noqa: E402

BATCH = "2014-peer-review"
PURPOSE = "互学互比中发现的问题（演示：这一批台账用 Excel 保存，有照片的事项仍在 YAML 里）。"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    campaign = load_campaign(args.data, project_dir=args.data.parent)
    board = compute_board(campaign, campaign.plan.as_of)
    folder = args.data / "rectifications"
    batch = [i for i in campaign.ledger if Path(i.origin.path).stem == BATCH]
    moved = [i for i in batch if not (i.photo_before or i.photo_after)]
    content = templates_xlsx.ledger_template(board, moved, PURPOSE)
    (folder / f"{BATCH}.xlsx").write_bytes(content)
    keep_items(folder / f"{BATCH}.yml", {i.id for i in batch if i not in moved})
    (args.data / "indicators.xlsx").write_bytes(score_sheets.indicators_xlsx(board, targets=False))
    drop_values(args.data / "indicators.yml")
    count = len(campaign.indicators.indicators)
    print(f"{BATCH}.xlsx: {len(moved)} 项；indicators.xlsx: {count} 项指标")
    return 0


def keep_items(file: Path, ids: set) -> None:
    """The YAML ledger with only the items `ids`, each kept as written."""
    text = file.read_text(encoding="utf-8")
    head, *items = re.split(r"(?m)^(?=- )", text)
    kept = [item for item in items if re.match(r"- id: (\S+)", item).group(1) in ids]
    file.write_text(head + "".join(kept), encoding="utf-8")


def drop_values(file: Path) -> None:
    """indicators.yml without its `values:` blocks (the key and every line indented under it)."""
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    kept, skipping = [], None
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if skipping is not None and (indent > skipping or not line.strip()):
            continue
        skipping = indent if line.strip() == "values:" else None
        if skipping is None:
            kept.append(line)
    file.write_text("".join(kept), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
