"""The demo widened: six criteria with long names, the widest ranking the board must fit."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPLITS = (
    ("service", "文明服务与窗口形象", 0.6),
    ("safety", "安全生产与应急处置", 0.4),
    ("facilities", "设施设备完好率", 1.0),
    ("environment", "环境卫生与绿化美化", 0.55),
    ("satisfaction", "司乘人员满意度", 0.45),
    ("innovation", "创新务实与特色亮点", 1.0),
)
"""Each new criterion takes a share of one demo criterion's score and maximum."""
SOURCE = {"service": "service", "safety": "service", "facilities": "facilities"}
SOURCE.update(environment="environment", satisfaction="environment", innovation="innovation")


def six_criteria_data(dest: Path) -> Path:
    """A copy of data/ whose evaluations have six criteria; the totals stay the demo's."""
    shutil.copytree(ROOT / "data", dest)
    path = dest / "evaluations.yml"
    evaluations = yaml.safe_load(path.read_text(encoding="utf-8"))
    maxima = {c["id"]: c["max"] for c in evaluations["criteria"]}
    evaluations["criteria"] = [
        {"id": cid, "name": name, "max": round(maxima[SOURCE[cid]] * part, 1)}
        for cid, name, part in SPLITS
    ]
    for round_ in evaluations["rounds"]:
        round_["scores"] = {
            unit: {cid: round(s[SOURCE[cid]] * part, 2) for cid, _, part in SPLITS}
            for unit, s in round_["scores"].items()
        }
    path.write_text(yaml.safe_dump(evaluations, allow_unicode=True), encoding="utf-8")
    return dest
