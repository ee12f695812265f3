"""The scale benchmark runs end to end on a small generated campaign (a smoke test, not timed)."""

from __future__ import annotations

import subprocess
import sys

from bixue.load import load_campaign
from conftest import ROOT
from gen_campaign import Size, generate

LABELS = ("build (hooked)", "cpu (hooked)", "cold build", "plain MkDocs", "ratio")
LABELS += ("peak memory", "home page")


def test_a_generated_campaign_is_valid_data_of_the_size_asked(tmp_path):
    generate(tmp_path / "data", Size(12, 60, 3, 2, 2, 3, True, photos=21))
    campaign = load_campaign(tmp_path / "data")
    photos = [(item.photo_before, item.photo_after) for item in campaign.ledger]
    assert sum(bool(path) for pair in photos for path in pair) == 21
    files = {path for pair in photos for path in pair if path}
    assert len(files) == 21 and sum(path.endswith(".png") for path in files) == 2
    assert len(campaign.units) == 12 and len(campaign.ledger) == 60
    assert len(campaign.exemplars) == 3 and len(campaign.notices) == 2
    assert len(campaign.evaluations.rounds) == 2 and len(campaign.indicators.indicators) == 3
    assert campaign.indicators.periods[0] == "2014-03"


def test_the_benchmark_prints_every_figure(tmp_path):
    command = [sys.executable, "scripts/bench_scale.py", "--units", "10", "--items", "30"]
    command += ["--cases", "2", "--notices", "2", "--photos", "3", "--repeat", "1"]
    command += ["--keep", str(tmp_path / "w")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    labels = [line.split("  ")[0] for line in result.stdout.splitlines()]
    for label in LABELS:
        assert label in labels, result.stdout
    assert "search index" in result.stdout and "/rectification/" in result.stdout
    assert (tmp_path / "w" / "site" / "rectification" / "ledger.json").is_file()
    photos = sorted((tmp_path / "w" / "data" / "rectifications" / "photos").iterdir())
    assert [photo.suffix for photo in photos] == [".jpg", ".jpg", ".jpg"]
    assert len(list((tmp_path / "w" / "cache" / "image-checks").glob("*.json"))) == 3
